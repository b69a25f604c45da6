<?xml version="1.0" encoding="UTF-8"?>
<!--
  archive.xsl: 往期回顾, one page a month: archive/{month}.html for every
  month with an issue (over: month).

  Input: <archive paper="…" url="…" month="2024-06"> holding a copy of
  each <issue> of the month (pages and story heads), newest first, and a
  <month id="2024-06" last="2024-06-30" issues="30"/> for every month
  with issues, newest first.
  Params
    month  the month shown, "2024-06" (required)
    root   prefix from the output file to the site root, "../".
  Output
    The paper's name (a link to the front page) and the h1 往期回顾 and
    the month; the years that have issues (each a link to its newest
    month), the twelve months of this year (those with issues linked,
    this one marked), 上一月 and 下一月 (the months before and after
    with issues); the month as a calendar, one table, weeks from 星期一,
    each day with an issue linked to that issue's first page (the day
    of several issues: the first); then the month's issues newest
    first: date, weekday, 第N期, 农历, and under each its pages (第01版
    name) and their headlines.  No script.  Canonical URL
    {url}archive/{month}.html.  Title: "paper 往期回顾 2024年6月".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="root" select="'../'"/>
  <xsl:param name="month" select="string(/archive/@month)"/>

  <xsl:key name="month" match="archive/issue" use="substring(@date, 1, 7)"/>
  <xsl:key name="day" match="archive/issue" use="@date"/>
  <!-- The months with issues, by year and by their own name. -->
  <xsl:key name="year" match="archive/month" use="substring(@id, 1, 4)"/>
  <xsl:key name="has" match="archive/month" use="@id"/>

  <xsl:variable name="y" select="number(substring($month, 1, 4))"/>
  <xsl:variable name="m" select="number(substring($month, 6, 2))"/>
  <xsl:variable name="here" select="number(translate($month, '-', ''))"/>
  <!-- Every month with issues, and one month of each year. -->
  <xsl:variable name="months" select="/archive/month"/>
  <xsl:variable name="years"
                select="/archive/month[generate-id() =
                        generate-id(key('year', substring(@id, 1, 4))[1])]"/>

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
    <xsl:variable name="name" select="concat($y, '年', $m, '月')"/>
    <xsl:variable name="these" select="key('month', $month)"/>
    <xsl:call-template name="html">
      <xsl:with-param name="title" select="concat($paper, ' 往期回顾 ', $name)"/>
      <xsl:with-param name="class" select="'archive-view'"/>
      <xsl:with-param name="description"
                      select="concat('《', $paper, '》往期回顾：', $name, '，',
                                     count($these), '期。')"/>
      <xsl:with-param name="canonical">
        <xsl:if test="$site-url != ''">
          <xsl:value-of select="concat($site-url, 'archive/', $month, '.html')"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content">
        <header class="archive-head">
          <p class="paper"><a href="{$root}index.html"><xsl:value-of select="$paper"/></a></p>
          <h1>往期回顾 <span class="archive-month-name"><xsl:value-of select="$name"/></span></h1>
        </header>
        <nav class="calendar-nav" aria-label="按年月">
          <p class="years">
            <xsl:for-each select="$years">
              <xsl:sort select="@id" order="ascending"/>
              <xsl:variable name="year" select="substring(@id, 1, 4)"/>
              <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
              <xsl:choose>
                <xsl:when test="number($year) = $y">
                  <strong><xsl:value-of select="$year"/>年</strong>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:for-each select="key('year', $year)">
                    <xsl:sort select="@id" order="descending"/>
                    <xsl:if test="position() = 1">
                      <a href="{@id}.html"><xsl:value-of select="$year"/>年</a>
                    </xsl:if>
                  </xsl:for-each>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </p>
          <ol class="months">
            <xsl:call-template name="month-links"/>
          </ol>
          <p class="steps">
            <xsl:for-each select="$months[number(translate(@id, '-', '')) &lt; $here]">
              <xsl:sort select="@id" order="descending"/>
              <xsl:if test="position() = 1">
                <a class="prev" rel="prev" href="{@id}.html">
                  <xsl:text>‹ 上一月 </xsl:text>
                  <xsl:value-of select="concat(number(substring(@id, 1, 4)), '年', number(substring(@id, 6, 2)), '月')"/>
                </a>
              </xsl:if>
            </xsl:for-each>
            <xsl:text> </xsl:text>
            <xsl:for-each select="$months[number(translate(@id, '-', '')) &gt; $here]">
              <xsl:sort select="@id" order="ascending"/>
              <xsl:if test="position() = 1">
                <a class="next" rel="next" href="{@id}.html">
                  <xsl:text>下一月 </xsl:text>
                  <xsl:value-of select="concat(number(substring(@id, 1, 4)), '年', number(substring(@id, 6, 2)), '月')"/>
                  <xsl:text> ›</xsl:text>
                </a>
              </xsl:if>
            </xsl:for-each>
          </p>
        </nav>
        <main class="archive">
          <table class="calendar">
            <caption><xsl:value-of select="$name"/></caption>
            <thead>
              <tr>
                <th scope="col" abbr="星期一">一</th>
                <th scope="col" abbr="星期二">二</th>
                <th scope="col" abbr="星期三">三</th>
                <th scope="col" abbr="星期四">四</th>
                <th scope="col" abbr="星期五">五</th>
                <th scope="col" abbr="星期六">六</th>
                <th scope="col" abbr="星期日">日</th>
              </tr>
            </thead>
            <tbody>
              <xsl:call-template name="weeks">
                <xsl:with-param name="start" select="1 - $first"/>
              </xsl:call-template>
            </tbody>
          </table>
          <section class="archive-month" aria-labelledby="month-issues">
            <h2 id="month-issues"><xsl:value-of select="$name"/>各期</h2>
            <ul class="archive-issues">
              <xsl:apply-templates select="$these">
                <xsl:sort select="@date" order="descending"/>
              </xsl:apply-templates>
            </ul>
          </section>
        </main>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- 1月 … 12月 of the year shown: a link where the month has issues. -->
  <xsl:template name="month-links">
    <xsl:param name="i" select="1"/>
    <xsl:variable name="id" select="concat($y, '-', format-number($i, '00'))"/>
    <li>
      <xsl:choose>
        <xsl:when test="$i = $m">
          <a href="{$id}.html" aria-current="page"><xsl:value-of select="$i"/>月</a>
        </xsl:when>
        <xsl:when test="key('has', $id)">
          <a href="{$id}.html"><xsl:value-of select="$i"/>月</a>
        </xsl:when>
        <xsl:otherwise>
          <span><xsl:value-of select="$i"/>月</span>
        </xsl:otherwise>
      </xsl:choose>
    </li>
    <xsl:if test="$i &lt; 12">
      <xsl:text> </xsl:text>
      <xsl:call-template name="month-links">
        <xsl:with-param name="i" select="$i + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Days in the month. -->
  <xsl:variable name="days">
    <xsl:choose>
      <xsl:when test="$m = 2 and (($y mod 4 = 0 and $y mod 100 != 0) or $y mod 400 = 0)">29</xsl:when>
      <xsl:when test="$m = 2">28</xsl:when>
      <xsl:when test="$m = 4 or $m = 6 or $m = 9 or $m = 11">30</xsl:when>
      <xsl:otherwise>31</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The weekday of the 1st, 0 for Monday … 6 for Sunday (Sakamoto's
       method). -->
  <xsl:variable name="yy" select="$y - ($m &lt; 3)"/>
  <xsl:variable name="first"
                select="($yy + floor($yy div 4) - floor($yy div 100) + floor($yy div 400)
                         + number(substring('032503514624', $m, 1)) + 1 + 6) mod 7"/>

  <!-- A week from day $start (a Monday; below 1 in the first week), then
       the weeks after it. -->
  <xsl:template name="weeks">
    <xsl:param name="start"/>
    <tr>
      <xsl:call-template name="day">
        <xsl:with-param name="d" select="$start"/>
        <xsl:with-param name="last" select="$start + 6"/>
      </xsl:call-template>
    </tr>
    <xsl:if test="$start + 7 &lt;= number($days)">
      <xsl:call-template name="weeks">
        <xsl:with-param name="start" select="$start + 7"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="day">
    <xsl:param name="d"/>
    <xsl:param name="last"/>
    <xsl:variable name="date" select="concat($month, '-', format-number($d, '00'))"/>
    <xsl:variable name="issue" select="key('day', $date)[1]"/>
    <xsl:choose>
      <xsl:when test="$d &lt; 1 or $d &gt; number($days)">
        <td class="empty"></td>
      </xsl:when>
      <xsl:when test="$issue">
        <td class="issue-day">
          <a href="{$root}{$issue/@id}/page-{$issue/page[1]/@no}.html">
            <time datetime="{$date}"><xsl:value-of select="$d"/></time>
            <xsl:if test="$issue/@number">
              <span class="day-number">第<xsl:value-of select="$issue/@number"/>期</span>
            </xsl:if>
          </a>
        </td>
      </xsl:when>
      <xsl:otherwise>
        <td><xsl:value-of select="$d"/></td>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$d &lt; $last">
      <xsl:call-template name="day">
        <xsl:with-param name="d" select="$d + 1"/>
        <xsl:with-param name="last" select="$last"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="issue">
    <xsl:variable name="dir" select="concat($root, @id, '/')"/>
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
