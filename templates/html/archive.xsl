<?xml version="1.0" encoding="UTF-8"?>
<!--
  archive.xsl: the site index, index.html at the site root.

  Input: <archive paper="…" url="…"> holding a copy of every <issue>
  element, newest first (stories with <head>, without <body>).
  Params
    root   prefix from the output file to the site root (press.css);
           default "" (the archive is at the root).
  Output: the paper's name, then each issue, in input order: date,
  weekday and 第N期 linking to {id}/index.html; under it each page
  (第N版 name, linking to {id}/page-{no}.html) with its headlines linking
  to {id}/{slug}.html.
  Title: the paper's name.
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
    <xsl:variable name="paper">
      <xsl:choose>
        <xsl:when test="@paper"><xsl:value-of select="@paper"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="issue[1]/@paper"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="html">
      <xsl:with-param name="title" select="$paper"/>
      <xsl:with-param name="class" select="'archive-view'"/>
      <xsl:with-param name="content">
        <header class="masthead">
          <h1 class="paper"><xsl:value-of select="$paper"/></h1>
        </header>
        <main class="archive">
          <xsl:apply-templates select="issue"/>
        </main>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="issue">
    <xsl:variable name="dir" select="concat(@id, '/')"/>
    <section class="archive-issue">
      <xsl:if test="@xml:lang and @xml:lang != 'zh-CN'">
        <xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
      </xsl:if>
      <h2>
        <a href="{$dir}index.html">
          <xsl:call-template name="date">
            <xsl:with-param name="date" select="@date"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:value-of select="@weekday"/>
          <xsl:if test="@number">
            <xsl:text> </xsl:text>
            <span class="number">第<xsl:value-of select="@number"/>期</span>
          </xsl:if>
        </a>
      </h2>
      <ul class="archive-pages">
        <xsl:for-each select="page">
          <li>
            <a class="page-link" href="{$dir}page-{@no}.html">
              <span class="page-no">第<xsl:value-of select="@no"/>版</span>
              <xsl:text> </xsl:text>
              <span class="page-name"><xsl:value-of select="@name"/></span>
            </a>
            <xsl:if test="story">
              <ul class="headlines">
                <xsl:for-each select="story">
                  <li>
                    <a href="{$dir}{@slug}.html">
                      <xsl:apply-templates select="head/headline/node()"/>
                    </a>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

</xsl:stylesheet>
