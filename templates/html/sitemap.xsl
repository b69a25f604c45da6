<?xml version="1.0" encoding="UTF-8"?>
<!--
  sitemap.xsl: sitemap.xml at the site root (sitemaps.org 0.9).

  Input: <archive url="…">, its issues newest first.
  Output: the address of every page of the web edition under the site's
  url: the front page ({url}), 往期回顾 a month at a time
  ({url}archive/2024-06.html), and for each issue its front page
  ({url}{issue}/), its pages and its stories, each with the issue's date
  as lastmod.  Without a url (paper.yaml has none) the list is empty: a
  sitemap takes absolute addresses only.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="root" select="''"/>

  <xsl:variable name="url" select="string(/archive/@url)"/>

  <xsl:key name="month" match="archive/issue" use="substring(@date, 1, 7)"/>

  <xsl:template match="/">
    <urlset>
      <xsl:if test="$url != ''">
        <xsl:apply-templates select="archive"/>
      </xsl:if>
    </urlset>
  </xsl:template>

  <xsl:template match="archive">
    <url>
      <loc><xsl:value-of select="$url"/></loc>
      <xsl:if test="issue">
        <lastmod><xsl:value-of select="issue[1]/@date"/></lastmod>
      </xsl:if>
    </url>
    <url>
      <loc><xsl:value-of select="concat($url, 'search.html')"/></loc>
    </url>
    <xsl:for-each select="issue[generate-id() =
                          generate-id(key('month', substring(@date, 1, 7))[1])]">
      <url>
        <loc><xsl:value-of select="concat($url, 'archive/', substring(@date, 1, 7), '.html')"/></loc>
        <lastmod>
          <xsl:for-each select="key('month', substring(@date, 1, 7))">
            <xsl:sort select="@date" order="descending"/>
            <xsl:if test="position() = 1"><xsl:value-of select="@date"/></xsl:if>
          </xsl:for-each>
        </lastmod>
      </url>
    </xsl:for-each>
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
