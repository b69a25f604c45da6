<?xml version="1.0" encoding="UTF-8"?>
<!-- A sheet that says something with xsl:message while it works: a
     warning naming this sheet and the file being rendered. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../press.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:message>no kicker</xsl:message>
    <xsl:value-of select="$story/head/headline"/>
  </xsl:template>
</xsl:stylesheet>
