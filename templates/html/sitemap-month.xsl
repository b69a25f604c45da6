<?xml version="1.0" encoding="UTF-8"?>
<!--
  sitemap-month.xsl: sitemap/{month}.xml, the sitemap file (sitemaps.org
  0.9) of one month, listed by the index sitemap.xml (sitemap.xsl).

  Input: <archive url="…" month="2024-06"> with the month's issues
  (pages and story heads) and a <month> for every month, newest first.
  Params
    month  the month, "2024-06"
    limit  the most addresses one file may hold: 50,000, the protocol's
           limit.  A month with more (1,600 stories a day) is an error
           naming the month, and its file is not written.
  Output: the address of every page of the month under the site's url:
  the front page ({url}, in the newest month's file, with that month's
  newest date), 往期回顾 of the month ({url}archive/2024-06.html), and
  for each issue its front page ({url}{issue}/), its pages and its
  stories, each with the issue's date as lastmod.  Without a url
  (paper.yaml has none) the list is empty: a sitemap takes absolute
  addresses only.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="root" select="''"/>
  <xsl:param name="month" select="string(/archive/@month)"/>
  <xsl:param name="limit" select="50000"/>

  <xsl:variable name="url" select="string(/archive/@url)"/>
  <xsl:variable name="this" select="/archive/month[@id = $month]"/>
  <xsl:variable name="newest" select="/archive/month[1]/@id = $month"/>

  <xsl:template match="/">
    <xsl:variable name="n" select="count(archive/issue) + count(archive/issue/page)
                                   + count(archive/issue/page/story) + 1 + $newest"/>
    <xsl:if test="$url != '' and $n &gt; $limit">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('the sitemap of ', $month, ' would hold ', $n,
                              ' addresses, over the limit of ', $limit)"/>
      </xsl:message>
    </xsl:if>
    <urlset>
      <xsl:if test="$url != ''">
        <xsl:apply-templates select="archive"/>
      </xsl:if>
    </urlset>
  </xsl:template>

  <xsl:template match="archive">
    <xsl:if test="$newest">
      <url>
        <loc><xsl:value-of select="$url"/></loc>
        <lastmod><xsl:value-of select="$this/@last"/></lastmod>
      </url>
      <url>
        <loc><xsl:value-of select="concat($url, 'search.html')"/></loc>
      </url>
    </xsl:if>
    <url>
      <loc><xsl:value-of select="concat($url, 'archive/', $month, '.html')"/></loc>
      <lastmod><xsl:value-of select="$this/@last"/></lastmod>
    </url>
    <xsl:apply-templates select="issue"/>
  </xsl:template>

  <xsl:template match="issue">
    <xsl:variable name="dir" select="concat($url, @id, '/')"/>
    <xsl:variable name="date" select="@date"/>
    <url>
      <loc><xsl:value-of select="$dir"/></loc>
      <lastmod><xsl:value-of select="$date"/></lastmod>
    </url>
    <xsl:for-each select="page">
      <url>
        <loc><xsl:value-of select="concat($dir, 'page-', @no, '.html')"/></loc>
        <lastmod><xsl:value-of select="$date"/></lastmod>
      </url>
      <xsl:for-each select="story">
        <url>
          <loc><xsl:value-of select="concat($dir, @slug, '.html')"/></loc>
          <lastmod><xsl:value-of select="$date"/></lastmod>
        </url>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
