<?xml version="1.0" encoding="UTF-8"?>
<!-- count/story.xsl: how many nodes list.xml's <list> holds once its
     whitespace is stripped (2), read for the second story only: a file
     first read by a later story of an issue is stripped all the same. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../press.xsl"/>
  <xsl:strip-space elements="list"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:value-of select="$story/head/headline"/>
    <xsl:if test="$story/preceding::story">
      <xsl:value-of select="concat(' ', count(document('list.xml')/list/node()))"/>
    </xsl:if>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
