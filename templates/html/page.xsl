<?xml version="1.0" encoding="UTF-8"?>
<!--
  page.xsl: one page (版) of an issue, page-{no}.html.

  Input: the issue document.
  Params
    page   the page number, the page's no attribute (required)
    root   prefix from the output file to the site root (press.css), e.g.
           "../" for {issue-id}/page-3.html; default "".
  Output: the running header (paper, date and weekday, 第N版, page name,
  责任编辑), the banner, then every story of the page, complete: the
  slot="lead" story first (class slot-lead, set larger by the CSS), the
  others in page order.  Headlines link to {slug}.html.  Links to the
  issue (index.html) and to the previous and next page.
  Headings: the page title (第N版 name) is the h1, story headlines h2,
  subheads h3 and down.
  Title: "第N版 name — paper date".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="page" select="''"/>
  <xsl:param name="root" select="''"/>

  <xsl:variable name="headline-level" select="2"/>

  <xsl:template match="/">
    <xsl:variable name="p" select="/issue/page[number(@no) = number($page)][1]"/>
    <xsl:if test="not($p)">
      <xsl:message terminate="yes">
        <xsl:text>page.xsl: no page no="</xsl:text>
        <xsl:value-of select="$page"/>
        <xsl:text>" in issue </xsl:text>
        <xsl:value-of select="/issue/@id"/>
      </xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$p"/>
  </xsl:template>

  <xsl:template match="page">
    <xsl:variable name="issue" select="parent::issue"/>
    <xsl:variable name="date">
      <xsl:call-template name="date-text">
        <xsl:with-param name="date" select="$issue/@date"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="prev" select="preceding-sibling::page[1]"/>
    <xsl:variable name="next" select="following-sibling::page[1]"/>
    <xsl:call-template name="html">
      <xsl:with-param name="title"
                      select="concat('第', @no, '版 ', @name, ' — ',
                                     $issue/@paper, ' ', $date)"/>
      <xsl:with-param name="class" select="'page-view'"/>
      <xsl:with-param name="content">
        <header class="running-head">
          <p class="paper">
            <a href="index.html"><xsl:value-of select="$issue/@paper"/></a>
          </p>
          <xsl:text> </xsl:text>
          <p class="date">
            <xsl:call-template name="date">
              <xsl:with-param name="date" select="$issue/@date"/>
            </xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:value-of select="$issue/@weekday"/>
          </p>
          <xsl:text> </xsl:text>
          <h1 class="page-title">
            <span class="page-no">
              <xsl:text>第</xsl:text>
              <xsl:value-of select="@no"/>
              <xsl:text>版</xsl:text>
            </span>
            <xsl:text> </xsl:text>
            <span class="page-name"><xsl:value-of select="@name"/></span>
          </h1>
          <xsl:if test="@editor">
            <xsl:text> </xsl:text>
            <p class="editor">
              <xsl:text>责任编辑：</xsl:text>
              <xsl:value-of select="@editor"/>
            </p>
          </xsl:if>
        </header>
        <xsl:if test="@banner">
          <p class="banner"><xsl:value-of select="@banner"/></p>
        </xsl:if>
        <main class="stories">
          <xsl:apply-templates select="story[@slot = 'lead']" mode="story">
            <xsl:with-param name="link" select="true()"/>
          </xsl:apply-templates>
          <xsl:apply-templates select="story[not(@slot = 'lead')]" mode="story">
            <xsl:with-param name="link" select="true()"/>
          </xsl:apply-templates>
        </main>
        <nav class="pager">
          <xsl:if test="$prev">
            <a class="prev" rel="prev" href="page-{$prev/@no}.html">
              <span class="label">上一版</span>
              <xsl:text> 第</xsl:text>
              <xsl:value-of select="$prev/@no"/>
              <xsl:text>版 </xsl:text>
              <xsl:value-of select="$prev/@name"/>
            </a>
            <xsl:text> </xsl:text>
          </xsl:if>
          <a class="up" href="index.html">本期目录</a>
          <xsl:if test="$next">
            <xsl:text> </xsl:text>
            <a class="next" rel="next" href="page-{$next/@no}.html">
              <span class="label">下一版</span>
              <xsl:text> 第</xsl:text>
              <xsl:value-of select="$next/@no"/>
              <xsl:text>版 </xsl:text>
              <xsl:value-of select="$next/@name"/>
            </a>
          </xsl:if>
          <xsl:if test="$root != ''">
            <xsl:text> </xsl:text>
            <xsl:call-template name="archive-link"/>
          </xsl:if>
        </nav>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
