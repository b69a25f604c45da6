<?xml version="1.0" encoding="UTF-8"?>
<!-- alone/story.xsl: for each story, the bodies and continuations with a
     body that the issue document holds (whose slug), and the headlines
     of every story, as an over: story sheet sees them. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../press.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:value-of select="concat('story ', $slug, '&#10;')"/>
    <xsl:for-each select="//body">
      <xsl:value-of select="concat('body of ', name(..), ' ', ../@slug, ': ',
                            substring(normalize-space(.), 1, 12), '&#10;')"/>
    </xsl:for-each>
    <xsl:for-each select="//story">
      <xsl:value-of select="concat('head ', @slug, ': ', head/headline, '&#10;')"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
