<?xml version="1.0" encoding="UTF-8"?>
<!--
  issue.xsl: the front page of an issue, {issue-id}/index.html.

  Input: the issue document.
  Params
    root   prefix from the output file to the site root (press.css), e.g.
           "../"; default "".  When not empty, a 往期 link goes to
           {root}index.html (the archive).
  Output: masthead (paper, publisher, date and weekday, 第{number}期,
  总第{total}期), then every page: 第N版 name linking to page-{no}.html,
  and its headlines (kicker and subtitles small) linking to {slug}.html.
  Title: "paper date 第N期".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="root" select="''"/>

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
      <xsl:with-param name="content">
        <header class="masthead">
          <h1 class="paper"><xsl:value-of select="@paper"/></h1>
          <xsl:if test="@publisher">
            <p class="publisher"><xsl:value-of select="@publisher"/></p>
          </xsl:if>
          <p class="issue-line">
            <xsl:call-template name="date">
              <xsl:with-param name="date" select="@date"/>
            </xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:value-of select="@weekday"/>
            <xsl:if test="@number">
              <xsl:text> </xsl:text>
              <span class="number">第<xsl:value-of select="@number"/>期</span>
            </xsl:if>
            <xsl:if test="@total">
              <xsl:text> </xsl:text>
              <span class="total">总第<xsl:value-of select="@total"/>期</span>
            </xsl:if>
          </p>
        </header>
        <main class="contents">
          <xsl:apply-templates select="page"/>
        </main>
        <xsl:if test="$root != ''">
          <nav class="pager">
            <xsl:call-template name="archive-link"/>
          </nav>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page">
    <section class="toc-page">
      <h2>
        <a href="page-{@no}.html">
          <span class="page-no">第<xsl:value-of select="@no"/>版</span>
          <xsl:text> </xsl:text>
          <span class="page-name"><xsl:value-of select="@name"/></span>
        </a>
      </h2>
      <xsl:if test="story">
        <ul class="toc">
          <xsl:for-each select="story">
            <li>
              <xsl:if test="@slot">
                <xsl:attribute name="class">slot-<xsl:value-of select="@slot"/></xsl:attribute>
              </xsl:if>
              <xsl:apply-templates select="." mode="headline">
                <xsl:with-param name="link" select="true()"/>
                <xsl:with-param name="level" select="3"/>
              </xsl:apply-templates>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>
  </xsl:template>

</xsl:stylesheet>
