<?xml version="1.0" encoding="UTF-8"?>
<!-- text/story.xsl: one story as plain text, for a text-only edition.
     A new output folder is this stylesheet and one entry in
     outputs.yaml; press.xsl gives it $story and the byline. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../press.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:for-each select="$story/head/*[not(self::byline) and not(self::dateline)]">
      <xsl:value-of select="concat(., '&#10;')"/>
    </xsl:for-each>
    <xsl:text>&#10;</xsl:text>
    <xsl:value-of select="$story/head/dateline"/>
    <xsl:if test="$story/head/byline">
      <xsl:text>（</xsl:text>
      <xsl:apply-templates select="$story/head/byline/contributor" mode="byline"/>
      <xsl:text>）</xsl:text>
    </xsl:if>
    <xsl:for-each select="$story/body/*">
      <xsl:value-of select="concat(., '&#10;')"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
