<?xml version="1.0" encoding="UTF-8"?>
<!--
  story.xsl: one story page, {slug}.html.

  Input, either
    the issue document: the story //story[@slug = $slug] is rendered under
      its page's running header (报眉, linking to the page and to the
      issue), with links to the previous and next story of the issue in
      reading order (pages in order, stories of a page in order) and back
      to its page; canonical URL {url}{issue}/{slug}.html, Open Graph and
      schema.org NewsArticle JSON-LD (printEdition, printPage,
      printSection) when the issue has a url;
    a <story> document (press preview): that story alone, no links; $slug
      is not needed.
  Params
    slug   the story's slug (required with an issue document)
    root   prefix from the output file to the site root (press.css): "../"
           for {issue-id}/{slug}.html; "" (default) when the CSS sits next
           to the file.
  Title: "headline — paper"; a preview has no paper: "headline".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="root" select="''"/>

  <xsl:template match="/">
    <xsl:apply-templates select="issue | story" mode="document"/>
  </xsl:template>

  <!-- Preview: a story on its own. -->
  <xsl:template match="/story" mode="document">
    <xsl:call-template name="html">
      <xsl:with-param name="title" select="head/headline"/>
      <xsl:with-param name="class" select="'story-page preview'"/>
      <xsl:with-param name="description">
        <xsl:apply-templates select="." mode="excerpt"/>
      </xsl:with-param>
      <xsl:with-param name="content">
        <main>
          <xsl:apply-templates select="." mode="story"/>
        </main>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="/issue" mode="document">
    <xsl:if test="not($story)">
      <xsl:message terminate="yes">
        <xsl:text>story.xsl: no story with slug "</xsl:text>
        <xsl:value-of select="$slug"/>
        <xsl:text>" in issue </xsl:text>
        <xsl:value-of select="@id"/>
      </xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$story" mode="in-issue"/>
  </xsl:template>

  <xsl:template match="story" mode="in-issue">
    <xsl:variable name="issue" select="/issue"/>
    <xsl:variable name="page" select="parent::page"/>
    <xsl:variable name="prev" select="preceding::story[1]"/>
    <xsl:variable name="next" select="following::story[1]"/>
    <xsl:variable name="dir">
      <xsl:if test="$site-url != ''">
        <xsl:value-of select="concat($site-url, $issue/@id, '/')"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="description">
      <xsl:apply-templates select="." mode="excerpt"/>
    </xsl:variable>
    <xsl:call-template name="html">
      <xsl:with-param name="title"
                      select="concat(head/headline, ' — ', $issue/@paper)"/>
      <xsl:with-param name="class" select="concat('story-page slot-', @slot)"/>
      <xsl:with-param name="description" select="$description"/>
      <xsl:with-param name="canonical">
        <xsl:if test="$dir != ''">
          <xsl:value-of select="concat($dir, @slug, '.html')"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="type" select="'article'"/>
      <xsl:with-param name="image">
        <xsl:if test="$dir != '' and .//figure">
          <xsl:value-of select="$dir"/>
          <xsl:for-each select="(.//figure)[1]">
            <xsl:call-template name="photo-uri"/>
          </xsl:for-each>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="published" select="$issue/@date"/>
      <xsl:with-param name="section" select="$page/@name"/>
      <xsl:with-param name="ld">
        <xsl:if test="$dir != ''">
          <xsl:apply-templates select="." mode="json-ld">
            <xsl:with-param name="dir" select="$dir"/>
            <xsl:with-param name="description" select="$description"/>
          </xsl:apply-templates>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:call-template name="running-head">
          <xsl:with-param name="page" select="$page"/>
        </xsl:call-template>
        <main>
          <xsl:apply-templates select="." mode="story"/>
        </main>
        <xsl:if test="$prev or $next">
          <nav class="pager story-pager" aria-label="上一篇 下一篇">
            <xsl:if test="$prev">
              <a class="prev" rel="prev" href="{$prev/@slug}.html">
                <span class="label">上一篇</span>
                <xsl:text> </xsl:text>
                <xsl:value-of select="$prev/head/headline"/>
              </a>
            </xsl:if>
            <xsl:if test="$next">
              <xsl:if test="$prev"><xsl:text> </xsl:text></xsl:if>
              <a class="next" rel="next" href="{$next/@slug}.html">
                <span class="label">下一篇</span>
                <xsl:text> </xsl:text>
                <xsl:value-of select="$next/head/headline"/>
              </a>
            </xsl:if>
          </nav>
        </xsl:if>
        <footer class="colophon">
          <a class="up" href="page-{$page/@no}.html">
            <xsl:text>返回第</xsl:text>
            <xsl:call-template name="page-no"><xsl:with-param name="no" select="$page/@no"/></xsl:call-template>
            <xsl:text>版</xsl:text>
          </a>
          <xsl:text> </xsl:text>
          <a href="index.html">本期目录</a>
          <xsl:if test="$root != ''">
            <xsl:text> </xsl:text>
            <xsl:call-template name="archive-link"/>
          </xsl:if>
        </footer>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- schema.org NewsArticle: the story as printed in this issue. -->
  <xsl:template match="story" mode="json-ld">
    <xsl:param name="dir"/>
    <xsl:param name="description"/>
    <xsl:variable name="issue" select="/issue"/>
    <xsl:variable name="page" select="parent::page"/>
    <xsl:variable name="url" select="concat($dir, @slug, '.html')"/>
    <xsl:variable name="edition">
      <xsl:call-template name="date-text">
        <xsl:with-param name="date" select="$issue/@date"/>
      </xsl:call-template>
      <xsl:if test="$issue/@number">
        <xsl:value-of select="concat(' 第', $issue/@number, '期')"/>
      </xsl:if>
    </xsl:variable>
    <xsl:text>{"@context":"https://schema.org","@type":"NewsArticle"</xsl:text>
    <xsl:text>,"headline":</xsl:text>
    <xsl:call-template name="json-string">
      <xsl:with-param name="s" select="head/headline"/>
    </xsl:call-template>
    <xsl:if test="head/subtitle | head/kicker">
      <xsl:text>,"alternativeHeadline":</xsl:text>
      <xsl:call-template name="json-string">
        <xsl:with-param name="s" select="(head/subtitle | head/kicker)[last()]"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:text>,"description":</xsl:text>
    <xsl:call-template name="json-string">
      <xsl:with-param name="s" select="$description"/>
    </xsl:call-template>
    <xsl:text>,"url":"</xsl:text>
    <xsl:value-of select="$url"/>
    <xsl:text>","mainEntityOfPage":"</xsl:text>
    <xsl:value-of select="$url"/>
    <xsl:text>","inLanguage":"zh-CN","datePublished":"</xsl:text>
    <xsl:value-of select="concat($issue/@date, 'T00:00:00+08:00')"/>
    <xsl:text>"</xsl:text>
    <xsl:if test="@genre">
      <xsl:text>,"genre":</xsl:text>
      <xsl:call-template name="json-string">
        <xsl:with-param name="s" select="@genre"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:text>,"wordCount":</xsl:text>
    <xsl:value-of select="number(@chars)"/>
    <xsl:if test=".//figure">
      <xsl:text>,"image":[</xsl:text>
      <xsl:for-each select=".//figure">
        <xsl:if test="position() &gt; 1">,</xsl:if>
        <xsl:text>"</xsl:text>
        <xsl:value-of select="$dir"/>
        <xsl:call-template name="photo-uri"/>
        <xsl:text>"</xsl:text>
      </xsl:for-each>
      <xsl:text>]</xsl:text>
    </xsl:if>
    <xsl:if test="head/byline/contributor | .//credit/contributor">
      <xsl:text>,"author":[</xsl:text>
      <xsl:for-each select="head/byline/contributor | .//credit/contributor">
        <xsl:if test="position() &gt; 1">,</xsl:if>
        <xsl:text>{"@type":"Person","name":</xsl:text>
        <xsl:call-template name="json-string">
          <xsl:with-param name="s" select="."/>
        </xsl:call-template>
        <xsl:text>,"jobTitle":</xsl:text>
        <xsl:call-template name="json-string">
          <xsl:with-param name="s">
            <xsl:call-template name="role-label"/>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:text>}</xsl:text>
      </xsl:for-each>
      <xsl:text>]</xsl:text>
    </xsl:if>
    <xsl:text>,"publisher":{"@type":"NewsMediaOrganization","name":</xsl:text>
    <xsl:call-template name="json-string">
      <xsl:with-param name="s" select="$issue/@paper"/>
    </xsl:call-template>
    <xsl:text>,"url":"</xsl:text>
    <xsl:value-of select="$site-url"/>
    <xsl:text>"</xsl:text>
    <xsl:if test="$issue/@publisher">
      <xsl:text>,"parentOrganization":{"@type":"Organization","name":</xsl:text>
      <xsl:call-template name="json-string">
        <xsl:with-param name="s" select="$issue/@publisher"/>
      </xsl:call-template>
      <xsl:text>}</xsl:text>
    </xsl:if>
    <xsl:text>}</xsl:text>
    <xsl:text>,"isPartOf":{"@type":"PublicationIssue","url":"</xsl:text>
    <xsl:value-of select="$dir"/>
    <xsl:text>","datePublished":"</xsl:text>
    <xsl:value-of select="$issue/@date"/>
    <xsl:text>"</xsl:text>
    <xsl:if test="$issue/@number">
      <xsl:text>,"issueNumber":"</xsl:text>
      <xsl:value-of select="$issue/@number"/>
      <xsl:text>"</xsl:text>
    </xsl:if>
    <xsl:text>,"isPartOf":{"@type":"Periodical","name":</xsl:text>
    <xsl:call-template name="json-string">
      <xsl:with-param name="s" select="$issue/@paper"/>
    </xsl:call-template>
    <xsl:text>}}</xsl:text>
    <xsl:text>,"articleSection":</xsl:text>
    <xsl:call-template name="json-string">
      <xsl:with-param name="s" select="$page/@name"/>
    </xsl:call-template>
    <xsl:text>,"printEdition":</xsl:text>
    <xsl:call-template name="json-string">
      <xsl:with-param name="s" select="$edition"/>
    </xsl:call-template>
    <xsl:text>,"printPage":"</xsl:text>
    <xsl:value-of select="$page/@no"/>
    <xsl:text>","printSection":</xsl:text>
    <xsl:call-template name="json-string">
      <xsl:with-param name="s" select="$page/@name"/>
    </xsl:call-template>
    <xsl:text>}</xsl:text>
  </xsl:template>

</xsl:stylesheet>
