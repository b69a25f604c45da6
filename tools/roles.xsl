<?xml version="1.0" encoding="UTF-8"?>
<!--
  roles.xsl: templates/words.xml → out/gen/roles.c, press's table of
  byline roles and their labels (press.h: role_labels, role_table).  The
  labels are written once, in words.xml; a role name there that press.h
  has no ROLE_ for stops the compiler.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template name="enum">
    <xsl:param name="name"/>
    <xsl:text>ROLE_</xsl:text>
    <xsl:value-of select="translate($name, 'abcdefghijklmnopqrstuvwxyz-',
                                    'ABCDEFGHIJKLMNOPQRSTUVWXYZ_')"/>
  </xsl:template>

  <xsl:template match="/words">
    <xsl:text>/* Made from templates/words.xml by tools/roles.xsl: edit those. */
#include "press.h"

const char *const role_labels[ROLE_MAX] = {
</xsl:text>
    <xsl:for-each select="role">
      <xsl:text>	[</xsl:text>
      <xsl:call-template name="enum"><xsl:with-param name="name" select="@name"/></xsl:call-template>
      <xsl:text>] = "</xsl:text>
      <xsl:value-of select="normalize-space(.)"/>
      <xsl:text>",
</xsl:text>
    </xsl:for-each>
    <xsl:text>};

const struct role_label role_table[] = {
</xsl:text>
    <xsl:for-each select="role | label">
      <xsl:text>	{"</xsl:text>
      <xsl:value-of select="normalize-space(.)"/>
      <xsl:text>", </xsl:text>
      <xsl:call-template name="enum">
        <xsl:with-param name="name" select="@name | @role"/>
      </xsl:call-template>
      <xsl:text>},
</xsl:text>
    </xsl:for-each>
    <xsl:text>	{NULL, ROLE_MAX},
};
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
