<?xml version="1.0" encoding="UTF-8"?>
<!-- The words of an issue in reading order, one block a line, the way the
     printed page shows them: banner, kicker, headline, subtitles, the
     dateline and byline run into the first paragraph, captions, credits.
     Written for the test independently of the web stylesheets; the role
     labels are the paper's, from templates/words.xml. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:variable name="words" select="document('../../templates/words.xml')/words"/>
  <xsl:template match="/issue">
    <xsl:for-each select="page">
      <xsl:value-of select="@banner"/><xsl:text>&#10;</xsl:text>
      <xsl:apply-templates select="story"/>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="story">
    <xsl:for-each select="head/kicker | head/headline | head/subtitle">
      <xsl:value-of select="."/><xsl:text>&#10;</xsl:text>
    </xsl:for-each>
    <xsl:for-each select="body//p | body//caption | body//credit | body//subhead">
      <xsl:if test="position() = 1">
        <xsl:value-of select="ancestor::story/head/dateline"/>
        <xsl:if test="ancestor::story/head/byline">
          <xsl:text>（</xsl:text>
          <xsl:for-each select="ancestor::story/head/byline/contributor">
            <xsl:if test="position() > 1"><xsl:text> </xsl:text></xsl:if>
            <xsl:if test="not(preceding-sibling::contributor[1]/@role = @role)">
              <xsl:value-of select="concat($words/role[@name = current()/@role], ' ')"/>
            </xsl:if>
            <xsl:value-of select="."/>
          </xsl:for-each>
          <xsl:text>）</xsl:text>
        </xsl:if>
      </xsl:if>
      <xsl:value-of select="."/><xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
