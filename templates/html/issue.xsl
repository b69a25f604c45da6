<?xml version="1.0" encoding="UTF-8"?>
<!--
  issue.xsl: the front page of an issue, {issue-id}/index.html.

  Input: the issue document.
  Params
    root   prefix from the output file to the site root (press.css), e.g.
           "../"; default "".  When not empty, a 往期 link goes to
           {root}index.html (the archive).
  Output: the masthead (报头, common.xsl mode "masthead"): the paper's
  name; on its left ear 第N期, 总第N期, 国内统一连续出版物号 and the
  publisher, on its right ear the date, weekday and the lunar date (农历,
  the issue's lunar attribute, when there is one).
  Then every page: 第01版 name linking to page-{no}.html, its banner, and
  its headlines (kicker and subtitles small) linking to {slug}.html.
  Canonical URL {url}{issue}/ when the issue has a url.
  Title: "paper date 第N期".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="root" select="''"/>

  <xsl:variable name="headline-level" select="3"/>

  <xsl:template match="/">
    <xsl:apply-templates select="issue"/>
  </xsl:template>

  <xsl:template match="issue">
    <xsl:variable name="date">
      <xsl:call-template name="date-text">
        <xsl:with-param name="date" select="@date"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="html">
      <xsl:with-param name="title">
        <xsl:value-of select="concat(@paper, ' ', $date)"/>
        <xsl:if test="@number">
          <xsl:value-of select="concat(' 第', @number, '期')"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="class" select="'issue-view'"/>
      <xsl:with-param name="description">
        <xsl:value-of select="concat('《', @paper, '》', $date, ' ', @weekday)"/>
        <xsl:if test="@number">
          <xsl:value-of select="concat(' 第', @number, '期')"/>
        </xsl:if>
        <xsl:for-each select="page">
          <xsl:text> 第</xsl:text>
          <xsl:call-template name="page-no"><xsl:with-param name="no" select="@no"/></xsl:call-template>
          <xsl:value-of select="concat('版 ', @name, '：')"/>
          <xsl:for-each select="story">
            <xsl:if test="position() &gt; 1">；</xsl:if>
            <xsl:value-of select="head/headline"/>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:with-param>
      <xsl:with-param name="canonical">
        <xsl:if test="$site-url != ''">
          <xsl:value-of select="concat($site-url, @id, '/')"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:apply-templates select="." mode="masthead"/>
        <main class="contents">
          <xsl:apply-templates select="page"/>
        </main>
        <xsl:if test="$root != ''">
          <footer class="colophon">
            <xsl:call-template name="archive-link"/>
          </footer>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page">
    <section class="toc-page">
      <h2>
        <a href="page-{@no}.html">
          <xsl:call-template name="page-title">
            <xsl:with-param name="page" select="."/>
          </xsl:call-template>
        </a>
      </h2>
      <xsl:if test="@banner">
        <p class="banner"><xsl:value-of select="@banner"/></p>
      </xsl:if>
      <xsl:if test="story">
        <ul class="toc">
          <xsl:for-each select="story">
            <li>
              <xsl:if test="@slot">
                <xsl:attribute name="class">slot-<xsl:value-of select="@slot"/></xsl:attribute>
              </xsl:if>
              <xsl:if test="@slot = 'photo'">
                <span class="genre"><xsl:value-of select="@genre"/></span>
              </xsl:if>
              <xsl:apply-templates select="." mode="headline">
                <xsl:with-param name="link" select="true()"/>
              </xsl:apply-templates>
              <xsl:if test="@slot = 'lead'">
                <p class="summary"><xsl:apply-templates select="." mode="excerpt"/></p>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>
  </xsl:template>

</xsl:stylesheet>
