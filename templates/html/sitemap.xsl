<?xml version="1.0" encoding="UTF-8"?>
<!--
  sitemap.xsl: sitemap.xml at the site root, a sitemap index
  (sitemaps.org 0.9) over the sitemap files of each month
  (sitemap-month.xsl, {url}sitemap/2024-06.xml), newest first, each with
  its month's newest issue date as lastmod.  A search engine reads at
  most 50,000 addresses from one sitemap file; a month's file stays far
  under that (sitemap-month.xsl says what happens past it).

  Input: <archive url="…"> with a <month id="2024-06" last="2024-06-30"/>
  for every month with issues, newest first.  Without a url (paper.yaml
  has none) the index is empty: a sitemap takes absolute addresses only.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="root" select="''"/>

  <xsl:variable name="url" select="string(/archive/@url)"/>

  <xsl:template match="/">
    <sitemapindex>
      <xsl:if test="$url != ''">
        <xsl:for-each select="archive/month">
          <sitemap>
            <loc><xsl:value-of select="concat($url, 'sitemap/', @id, '.xml')"/></loc>
            <lastmod><xsl:value-of select="@last"/></lastmod>
          </sitemap>
        </xsl:for-each>
      </xsl:if>
    </sitemapindex>
  </xsl:template>

</xsl:stylesheet>
