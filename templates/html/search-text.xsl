<?xml version="1.0" encoding="UTF-8"?>
<!--
  search-text.xsl: a story's text as search reads it,
  site/search/{issue}/{slug}.txt (over: story; outputs.yaml's index:
  makes press index these files, tools/search.c).

  Input: the <issue>; param slug (press.xsl's $story).
  Output: plain text, a line a block: kicker, headline, subtitles, the
  dateline with the byline (a reporter's name finds her stories), then
  the body's paragraphs, subheads, captions and credits, table cells and
  lines of verse, each with its spaces collapsed.  What is here can be
  found, and search.html quotes it around a match (the snippet); leave
  out what a reader should not find.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="../press.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:for-each select="$story/head/kicker | $story/head/headline |
                          $story/head/subtitle">
      <xsl:value-of select="concat(normalize-space(.), '&#10;')"/>
    </xsl:for-each>
    <xsl:if test="$story/head/dateline or $story/head/byline">
      <xsl:value-of select="$story/head/dateline"/>
      <xsl:if test="$story/head/byline">
        <xsl:text>（</xsl:text>
        <xsl:apply-templates select="$story/head/byline/contributor" mode="byline"/>
        <xsl:text>）</xsl:text>
      </xsl:if>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
    <xsl:for-each select="$story/body//*[self::p or self::subhead or
                          self::caption or self::credit or self::pre or
                          self::cell or self::line]
                          [not(ancestor::p or ancestor::cell or ancestor::line)]">
      <xsl:if test="normalize-space(.) != ''">
        <xsl:value-of select="concat(normalize-space(.), '&#10;')"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
