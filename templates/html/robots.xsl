<?xml version="1.0" encoding="UTF-8"?>
<!--
  robots.xsl: robots.txt at the site root: everything may be read; the
  sitemap is at {url}sitemap.xml when the site has a url.
  Input: <archive url="…">.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="root" select="''"/>

  <xsl:template match="/">
    <xsl:text>User-agent: *&#10;Allow: /&#10;</xsl:text>
    <xsl:if test="string(/archive/@url) != ''">
      <xsl:text>Sitemap: </xsl:text>
      <xsl:value-of select="/archive/@url"/>
      <xsl:text>sitemap.xml&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
