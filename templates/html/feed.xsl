<?xml version="1.0" encoding="UTF-8"?>
<!--
  feed.xsl: the Atom 1.0 feed of the newest issue, feed.xml at the site
  root.

  Input: the newest issue's <issue> (outputs.yaml: over: latest), or an
  <archive> whose first issue keeps its stories' bodies.
  Output: a feed whose entries are the newest issue's stories in reading
  order (pages in order, stories of a page in order).  Each entry: id and
  link {url}{issue}/{slug}.html, the headline as title, the story's
  contributors as authors, its page as category, its opening words as
  summary, and the whole story (headline block, dateline, body, photos
  with absolute addresses) as XHTML content.  Every date is the issue's
  date at midnight in Beijing (2024-06-11T00:00:00+08:00): a build never
  depends on the time it runs.  Without a url (paper.yaml has none) ids
  are tag: URIs and links are relative to the site root.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:exsl="http://exslt.org/common"
                xmlns="http://www.w3.org/2005/Atom"
                exclude-result-prefixes="exsl">

  <xsl:import href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="root" select="''"/>

  <xsl:variable name="issue" select="/issue | /archive/issue[1]"/>
  <xsl:variable name="base">
    <xsl:choose>
      <xsl:when test="$site-url != ''"><xsl:value-of select="$site-url"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$root"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="time" select="concat($issue/@date, 'T00:00:00+08:00')"/>

  <xsl:template match="/">
    <xsl:apply-templates select="archive | issue"/>
  </xsl:template>

  <xsl:template match="archive | issue">
    <xsl:variable name="date">
      <xsl:call-template name="date-text">
        <xsl:with-param name="date" select="$issue/@date"/>
      </xsl:call-template>
    </xsl:variable>
    <feed xml:lang="zh-CN">
      <id>
        <xsl:call-template name="id">
          <xsl:with-param name="path" select="''"/>
        </xsl:call-template>
      </id>
      <title><xsl:value-of select="@paper"/></title>
      <xsl:if test="$issue">
        <subtitle>
          <xsl:if test="$issue/@publisher">
            <xsl:value-of select="concat($issue/@publisher, '主办 ')"/>
          </xsl:if>
          <xsl:value-of select="$date"/>
          <xsl:if test="$issue/@number">
            <xsl:value-of select="concat(' 第', $issue/@number, '期')"/>
          </xsl:if>
        </subtitle>
        <updated><xsl:value-of select="$time"/></updated>
      </xsl:if>
      <xsl:if test="not($issue)">
        <updated>1970-01-01T00:00:00Z</updated>
      </xsl:if>
      <xsl:if test="$site-url != ''">
        <link rel="self" type="application/atom+xml" href="{$site-url}feed.xml"/>
      </xsl:if>
      <link rel="alternate" type="text/html">
        <xsl:attribute name="href">
          <xsl:value-of select="$base"/>
          <xsl:if test="$issue"><xsl:value-of select="concat($issue/@id, '/')"/></xsl:if>
        </xsl:attribute>
      </link>
      <author>
        <name><xsl:value-of select="@paper"/></name>
        <xsl:if test="$site-url != ''"><uri><xsl:value-of select="$site-url"/></uri></xsl:if>
      </author>
      <generator>press</generator>
      <xsl:apply-templates select="$issue/page/story"/>
    </feed>
  </xsl:template>

  <!-- An id: the address under the site's url, or a tag: URI. -->
  <xsl:template name="id">
    <xsl:param name="path"/>
    <xsl:choose>
      <xsl:when test="$site-url != ''"><xsl:value-of select="concat($site-url, $path)"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('tag:press.invalid,', $issue/@date, ':', $path)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="story">
    <xsl:variable name="dir" select="concat($issue/@id, '/')"/>
    <xsl:variable name="page" select="parent::page"/>
    <entry>
      <id>
        <xsl:call-template name="id">
          <xsl:with-param name="path" select="concat($dir, @slug, '.html')"/>
        </xsl:call-template>
      </id>
      <title><xsl:value-of select="head/headline"/></title>
      <link rel="alternate" type="text/html" href="{$base}{$dir}{@slug}.html"/>
      <published><xsl:value-of select="$time"/></published>
      <updated><xsl:value-of select="$time"/></updated>
      <xsl:for-each select="head/byline/contributor | body//credit/contributor">
        <author><name><xsl:value-of select="."/></name></author>
      </xsl:for-each>
      <category term="{$page/@name}" label="第{$page/@no}版 {$page/@name}"/>
      <summary><xsl:apply-templates select="." mode="excerpt"/></summary>
      <content type="xhtml" xml:base="{$base}{$dir}">
        <div xmlns="http://www.w3.org/1999/xhtml">
          <xsl:for-each select="head/kicker">
            <p><xsl:value-of select="."/></p>
          </xsl:for-each>
          <xsl:for-each select="head/subtitle">
            <p><strong><xsl:value-of select="."/></strong></p>
          </xsl:for-each>
          <xsl:variable name="html">
            <xsl:if test="head/dateline and not(body/*[1][self::p])">
              <p><xsl:apply-templates select="head/dateline" mode="run-in"/></p>
            </xsl:if>
            <xsl:apply-templates select="body/*"/>
          </xsl:variable>
          <xsl:apply-templates select="exsl:node-set($html)/node()" mode="xhtml"/>
        </div>
      </content>
    </entry>
  </xsl:template>

  <!-- ================================================================
       The body as XHTML (Atom's type="xhtml" content): the web edition's
       own rendering (common.xsl), put in the XHTML namespace, photos at
       absolute addresses
       ================================================================ -->

  <xsl:template match="*" mode="xhtml">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:apply-templates select="@* | node()" mode="xhtml"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="@* | text()" mode="xhtml">
    <xsl:copy/>
  </xsl:template>

  <xsl:template match="img/@src" mode="xhtml">
    <xsl:attribute name="src">
      <xsl:value-of select="concat($base, $issue/@id, '/', .)"/>
    </xsl:attribute>
  </xsl:template>

</xsl:stylesheet>
