<?xml version="1.0" encoding="UTF-8"?>
<!--
  search.xsl: 搜索, search.html (over: archive): search the archive with
  no server, by the index press writes into search/ (outputs.yaml's
  index:, tools/search.c) and search.js, the site's only script.

  Input: <archive paper="…" url="…"> holding a <month id="2024-06"> for
  each month with issues, newest first.
  Params
    root   prefix from the output file to the site root: "".
  Output
    The paper's name (a link to the front page) and the h1 搜索; 今日
    and 往期 (the newest month of the calendar); a search form, hidden
    until the script runs (search.js shows it and reads ?q=); without
    the script a note that searching needs it, with a link to 往期回顾;
    a live status line and the list of results (search.js fills it:
    headline, date, 第NN版 and page name, a snippet with the match in
    <mark>, newest first, 20 at a time).
    The form's data-root is $root, data-index the index's address,
    data-story a story's page ({issue}, {slug}), as story.xsl writes it.
    Canonical URL {url}search.html.  Title: "paper 搜索".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="root" select="''"/>

  <xsl:template match="/">
    <xsl:apply-templates select="archive"/>
  </xsl:template>

  <xsl:template match="archive">
    <xsl:variable name="paper" select="@paper"/>
    <xsl:variable name="calendar">
      <xsl:if test="month">
        <xsl:value-of select="concat($root, 'archive/', month[1]/@id, '.html')"/>
      </xsl:if>
    </xsl:variable>
    <xsl:call-template name="html">
      <xsl:with-param name="title" select="concat($paper, ' 搜索')"/>
      <xsl:with-param name="class" select="'archive-view search-view'"/>
      <xsl:with-param name="description"
                      select="concat('在《', $paper, '》往期各版中搜索标题和正文。')"/>
      <xsl:with-param name="canonical">
        <xsl:if test="$site-url != ''">
          <xsl:value-of select="concat($site-url, 'search.html')"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content">
        <header class="archive-head">
          <p class="paper"><a href="{$root}index.html"><xsl:value-of select="$paper"/></a></p>
          <h1>搜索</h1>
        </header>
        <nav class="calendar-nav" aria-label="本站">
          <p>
            <a href="{$root}index.html">今日</a>
            <xsl:if test="$calendar != ''">
              <xsl:text> </xsl:text>
              <a href="{$calendar}">往期</a>
            </xsl:if>
          </p>
        </nav>
        <main class="search">
          <form class="search-form" role="search" action="{$root}search.html"
                method="get" hidden="" data-root="{$root}"
                data-index="{$root}search/index.json"
                data-story="{$root}{{issue}}/{{slug}}.html">
            <label for="q">标题或正文中的词</label>
            <input type="search" id="q" name="q" required="" maxlength="100"
                   autocomplete="off" enterkeyhint="search"/>
            <button type="submit">搜索</button>
          </form>
          <noscript>
            <p class="search-note">
              <xsl:text>搜索要在浏览器中运行脚本。</xsl:text>
              <xsl:if test="$calendar != ''">
                <xsl:text>不用脚本，可按日期查阅</xsl:text>
                <a href="{$calendar}">往期回顾</a>
                <xsl:text>。</xsl:text>
              </xsl:if>
            </p>
          </noscript>
          <p class="search-status" id="search-status" role="status" aria-live="polite"></p>
          <ol class="search-results" id="search-results"></ol>
          <p><button type="button" class="search-more" id="search-more" hidden="">更多结果</button></p>
        </main>
        <script src="{$root}search.js"></script>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
