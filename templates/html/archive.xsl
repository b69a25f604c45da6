<?xml version="1.0" encoding="UTF-8"?>
<!--
  archive.xsl: the site index, index.html at the site root: every issue,
  by date.

  Input: <archive paper="…" url="…"> holding a copy of every <issue>
  element, newest first.
  Params
    root   prefix from the output file to the site root (press.css);
           default "" (the archive is at the root).
  Output: the paper's name and publisher, a link to the newest issue,
  then the issues by month (2024年6月), newest first: date, weekday,
  第N期 and 农历 linking to {id}/index.html; under each its pages
  (第N版 name, linking to {id}/page-{no}.html) with their headlines
  linking to {id}/{slug}.html.  Canonical URL: the site's url.
  Title: "paper 往期".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="root" select="''"/>

  <xsl:key name="month" match="archive/issue" use="substring(@date, 1, 7)"/>

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
    <xsl:variable name="publisher" select="issue[@publisher][1]/@publisher"/>
    <xsl:call-template name="html">
      <xsl:with-param name="title" select="concat($paper, ' 往期')"/>
      <xsl:with-param name="class" select="'archive-view'"/>
      <xsl:with-param name="description">
        <xsl:value-of select="concat('《', $paper, '》')"/>
        <xsl:if test="$publisher">
          <xsl:value-of select="concat('（', $publisher, '主办）')"/>
        </xsl:if>
        <xsl:text>网络版：往期报纸，按日期排列。</xsl:text>
      </xsl:with-param>
      <xsl:with-param name="canonical">
        <xsl:if test="$site-url != ''">
          <xsl:value-of select="concat($site-url, 'archive.html')"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content">
        <header class="masthead">
          <h1 class="paper"><xsl:value-of select="$paper"/></h1>
          <div class="ear ear-left">
            <xsl:if test="$publisher">
              <p class="publisher"><xsl:value-of select="$publisher"/>主办</p>
            </xsl:if>
          </div>
          <div class="ear ear-right">
            <xsl:for-each select="issue[1]">
              <p>
                <a class="issue-date" href="{@id}/index.html">
                  <xsl:text>最新一期：</xsl:text>
                  <xsl:call-template name="date">
                    <xsl:with-param name="date" select="@date"/>
                  </xsl:call-template>
                </a>
              </p>
            </xsl:for-each>
          </div>
        </header>
        <main class="archive">
          <xsl:for-each select="issue[generate-id() =
                                      generate-id(key('month', substring(@date, 1, 7))[1])]">
            <section class="archive-month">
              <h2>
                <xsl:value-of select="substring(@date, 1, 4)"/>
                <xsl:text>年</xsl:text>
                <xsl:value-of select="number(substring(@date, 6, 2))"/>
                <xsl:text>月</xsl:text>
              </h2>
              <ul class="archive-issues">
                <xsl:apply-templates select="key('month', substring(@date, 1, 7))"/>
              </ul>
            </section>
          </xsl:for-each>
        </main>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="issue">
    <xsl:variable name="dir" select="concat(@id, '/')"/>
    <li class="archive-issue">
      <xsl:if test="@xml:lang and @xml:lang != 'zh-CN'">
        <xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
      </xsl:if>
      <h3>
        <a href="{$dir}index.html">
          <xsl:call-template name="date">
            <xsl:with-param name="date" select="@date"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:value-of select="@weekday"/>
        </a>
        <xsl:if test="@number">
          <xsl:text> </xsl:text>
          <span class="number">第<xsl:value-of select="@number"/>期</span>
        </xsl:if>
        <xsl:if test="@lunar">
          <xsl:text> </xsl:text>
          <span class="lunar">农历<xsl:value-of select="@lunar"/></span>
        </xsl:if>
      </h3>
      <ul class="archive-pages">
        <xsl:for-each select="page">
          <li>
            <a class="page-link" href="{$dir}page-{@no}.html">
              <span class="page-no">第<xsl:call-template name="page-no"><xsl:with-param name="no" select="@no"/></xsl:call-template>版</span>
              <xsl:text> </xsl:text>
              <span class="page-name"><xsl:value-of select="@name"/></span>
            </a>
            <xsl:if test="story">
              <xsl:text> </xsl:text>
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
    </li>
  </xsl:template>

</xsl:stylesheet>
