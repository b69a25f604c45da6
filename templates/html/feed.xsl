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
                xmlns="http://www.w3.org/2005/Atom">

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
          <xsl:if test="head/dateline and not(body/*[1][self::p])">
            <p><xsl:apply-templates select="head/dateline" mode="xhtml"/></p>
          </xsl:if>
          <xsl:apply-templates select="body/*" mode="xhtml">
            <xsl:with-param name="dir" select="concat($base, $dir)"/>
          </xsl:apply-templates>
        </div>
      </content>
    </entry>
  </xsl:template>

  <!-- ================================================================
       The body as XHTML (Atom's type="xhtml" content)
       ================================================================ -->

  <xsl:template match="dateline" mode="xhtml" xmlns="http://www.w3.org/1999/xhtml">
    <strong>
      <xsl:value-of select="."/>
      <xsl:if test="../byline/contributor">
        <xsl:text>（</xsl:text>
        <xsl:apply-templates select="../byline/contributor" mode="byline"/>
        <xsl:text>）</xsl:text>
      </xsl:if>
    </strong>
  </xsl:template>

  <xsl:template match="p" mode="xhtml" xmlns="http://www.w3.org/1999/xhtml">
    <p>
      <xsl:if test="parent::body and not(preceding-sibling::*[1])">
        <xsl:apply-templates select="../../head/dateline" mode="xhtml"/>
      </xsl:if>
      <xsl:apply-templates mode="xhtml"/>
    </p>
  </xsl:template>

  <xsl:template match="subhead" mode="xhtml">
    <xsl:element name="h{substring('234566', @level, 1)}"
                 namespace="http://www.w3.org/1999/xhtml">
      <xsl:apply-templates mode="xhtml"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="figure" mode="xhtml" xmlns="http://www.w3.org/1999/xhtml">
    <xsl:param name="dir"/>
    <figure>
      <img src="{$dir}{@href}" alt="{normalize-space(caption)}"/>
      <xsl:if test="caption or credit">
        <figcaption>
          <xsl:apply-templates select="caption/node()" mode="xhtml"/>
          <xsl:if test="caption and credit"><br/></xsl:if>
          <xsl:for-each select="credit">
            <small><xsl:value-of select="."/></small>
          </xsl:for-each>
        </figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <xsl:template match="quote" mode="xhtml" xmlns="http://www.w3.org/1999/xhtml">
    <blockquote><xsl:apply-templates mode="xhtml"/></blockquote>
  </xsl:template>

  <xsl:template match="list[@type = 'ordered']" mode="xhtml" xmlns="http://www.w3.org/1999/xhtml">
    <ol>
      <xsl:if test="@start">
        <xsl:attribute name="start"><xsl:value-of select="@start"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="xhtml"/>
    </ol>
  </xsl:template>

  <xsl:template match="list" mode="xhtml" xmlns="http://www.w3.org/1999/xhtml">
    <ul><xsl:apply-templates mode="xhtml"/></ul>
  </xsl:template>

  <xsl:template match="item" mode="xhtml" xmlns="http://www.w3.org/1999/xhtml">
    <li><xsl:apply-templates mode="xhtml"/></li>
  </xsl:template>

  <xsl:template match="pre" mode="xhtml" xmlns="http://www.w3.org/1999/xhtml">
    <pre><xsl:value-of select="."/></pre>
  </xsl:template>

  <xsl:template match="hr" mode="xhtml" xmlns="http://www.w3.org/1999/xhtml">
    <hr/>
  </xsl:template>

  <xsl:template match="strong" mode="xhtml" xmlns="http://www.w3.org/1999/xhtml">
    <strong><xsl:apply-templates mode="xhtml"/></strong>
  </xsl:template>

  <xsl:template match="em" mode="xhtml" xmlns="http://www.w3.org/1999/xhtml">
    <em><xsl:apply-templates mode="xhtml"/></em>
  </xsl:template>

  <xsl:template match="code" mode="xhtml" xmlns="http://www.w3.org/1999/xhtml">
    <code><xsl:value-of select="."/></code>
  </xsl:template>

  <xsl:template match="a" mode="xhtml" xmlns="http://www.w3.org/1999/xhtml">
    <a href="{@href}">
      <xsl:if test="@title">
        <xsl:attribute name="title"><xsl:value-of select="@title"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="xhtml"/>
    </a>
  </xsl:template>

  <xsl:template match="br" mode="xhtml" xmlns="http://www.w3.org/1999/xhtml">
    <br/>
  </xsl:template>

</xsl:stylesheet>
