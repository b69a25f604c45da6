<?xml version="1.0" encoding="UTF-8"?>
<!--
  story.xsl: one story page, {slug}.html.

  Input, either
    the issue document: the story //story[@slug = $slug] is rendered, with
      links to the issue (index.html), to its page (page-{no}.html) and to
      the previous and next story of the issue in reading order (pages in
      order, stories of a page in order);
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

  <xsl:param name="slug" select="''"/>
  <xsl:param name="root" select="''"/>

  <xsl:template match="/">
    <xsl:apply-templates select="issue | story" mode="document"/>
  </xsl:template>

  <!-- Preview: a story on its own. -->
  <xsl:template match="/story" mode="document">
    <xsl:call-template name="html">
      <xsl:with-param name="title" select="head/headline"/>
      <xsl:with-param name="class" select="'story-page preview'"/>
      <xsl:with-param name="content">
        <main>
          <xsl:apply-templates select="." mode="story"/>
        </main>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="/issue" mode="document">
    <xsl:variable name="story" select="//story[@slug = $slug][1]"/>
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
    <xsl:call-template name="html">
      <xsl:with-param name="title"
                      select="concat(head/headline, ' — ', $issue/@paper)"/>
      <xsl:with-param name="class" select="'story-page'"/>
      <xsl:with-param name="content">
        <nav class="crumbs">
          <a class="paper" href="index.html">
            <xsl:value-of select="$issue/@paper"/>
          </a>
          <xsl:text> </xsl:text>
          <span class="date">
            <xsl:call-template name="date">
              <xsl:with-param name="date" select="$issue/@date"/>
            </xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:value-of select="$issue/@weekday"/>
          </span>
          <xsl:text> </xsl:text>
          <a class="page-link" href="page-{$page/@no}.html">
            <xsl:text>第</xsl:text>
            <xsl:value-of select="$page/@no"/>
            <xsl:text>版 </xsl:text>
            <xsl:value-of select="$page/@name"/>
          </a>
          <xsl:if test="$root != ''">
            <xsl:text> </xsl:text>
            <xsl:call-template name="archive-link"/>
          </xsl:if>
        </nav>
        <main>
          <xsl:apply-templates select="." mode="story"/>
        </main>
        <xsl:if test="$prev or $next">
          <nav class="pager">
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
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
