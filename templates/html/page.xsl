<?xml version="1.0" encoding="UTF-8"?>
<!--
  page.xsl: one page (版) of an issue, page-{no}.html, laid out like the
  printed page (templates/README.md, "Conventions").

  Input: the issue document.
  Params
    page   the page number, the page's no attribute (required)
    root   prefix from the output file to the site root (press.css), e.g.
           "../" for {issue-id}/page-3.html; default "".
  Output
    报眉 (running header: 第01版, page name, 责任编辑, date and weekday,
    paper), or on the issue's first page the 报头 (common.xsl mode
    "masthead"); the 版面导航 (every page of the issue, this one marked,
    本期目录 and 往期); 下载本版 PDF with its size when the page has a pdf;
    the banner (通栏标语), then the page grid (press.css: columns
    of the paper's line width, /issue/@line-chars ems, with a 1em gutter;
    4, 5 or 6 of them on a wide screen, 4 on paper) in rows (.row):
    each story is a box, its headline block across its columns and its
    text balanced over them; a row is one story across the page, or a
    story and beside it a photo story (.rail) whose photo takes the
    height the text leaves.  The lead (slot="lead") comes first and
    takes the page's first photo story beside it when that fits at every
    width; other stories take the photo story next to them.  The rail's
    columns at each width are on the row as - -p4, - -p5, - -p6 (template
    "pair", from the stories' estimated heights, mode "height").
    Below 60em the page is one column in the same order.
    A story that jumps (转版) shows the part of its first page, ending in
    a 下转第03版 link to the page it continues on; there its rest follows
    the page's stories under the headline again, opening with a
    上接第01版 link back.
    Every headline links to {slug}.html; 本版标题 (the page's headlines);
    pager to the previous and next page and to the issue (index.html).
    Every link into the issue's folder starts with $into ("", or
    "{issue}/" in front.xsl).
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
  <xsl:variable name="parts" select="true()"/>

  <!-- A column's width in ems: the paper's line width (press.css's
       measure, which every page sets from the same attribute). -->
  <xsl:variable name="measure">
    <xsl:choose>
      <xsl:when test="number(/issue/@line-chars) &gt; 0">
        <xsl:value-of select="number(/issue/@line-chars)"/>
      </xsl:when>
      <xsl:otherwise>13</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

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
    <xsl:variable name="lead" select="story[@slot = 'lead'][1]"/>
    <!-- The issue's first page carries the 报头 instead of the 报眉. -->
    <xsl:variable name="front" select="not(preceding-sibling::page)"/>
    <xsl:variable name="no">
      <xsl:call-template name="page-no"><xsl:with-param name="no" select="@no"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="others"
                  select="story[not(generate-id() = generate-id($lead))]"/>
    <xsl:call-template name="html">
      <xsl:with-param name="title"
                      select="concat('第', $no, '版 ', @name, ' — ',
                                     $issue/@paper, ' ', $date)"/>
      <xsl:with-param name="class" select="'page-view'"/>
      <xsl:with-param name="description">
        <xsl:value-of select="concat('《', $issue/@paper, '》', $date,
                                     '第', $no, '版（', @name, '）：')"/>
        <xsl:for-each select="story">
          <xsl:if test="position() &gt; 1">；</xsl:if>
          <xsl:value-of select="head/headline"/>
        </xsl:for-each>
      </xsl:with-param>
      <xsl:with-param name="canonical">
        <xsl:if test="$site-url != ''">
          <xsl:value-of select="$site-url"/>
          <xsl:if test="$into = ''">
            <xsl:value-of select="concat($issue/@id, '/page-', @no, '.html')"/>
          </xsl:if>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="image">
        <xsl:if test="$site-url != '' and .//figure">
          <xsl:value-of select="concat($site-url, $issue/@id, '/')"/>
          <xsl:for-each select="(.//figure)[1]">
            <xsl:call-template name="photo-uri"/>
          </xsl:for-each>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:choose>
          <xsl:when test="$front">
            <xsl:apply-templates select="$issue" mode="masthead"/>
            <xsl:if test="@editor">
              <p class="front-title">
                <xsl:text>责任编辑：</xsl:text>
                <xsl:value-of select="@editor"/>
              </p>
            </xsl:if>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="running-head">
              <xsl:with-param name="page" select="."/>
              <xsl:with-param name="heading" select="true()"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="edition-nav">
          <xsl:with-param name="issue" select="$issue"/>
          <xsl:with-param name="current" select="."/>
        </xsl:call-template>
        <xsl:if test="@pdf">
          <p class="page-pdf">
            <a download="">
              <xsl:attribute name="href">
                <xsl:value-of select="$into"/>
                <xsl:call-template name="photo-uri">
                  <xsl:with-param name="s" select="@pdf"/>
                </xsl:call-template>
              </xsl:attribute>
              <xsl:text>下载本版 PDF</xsl:text>
            </a>
            <xsl:text>（</xsl:text>
            <xsl:choose>
              <xsl:when test="@pdf-size &gt;= 1048576">
                <xsl:value-of select="format-number(@pdf-size div 1048576, '0.0')"/>
                <xsl:text> MB</xsl:text>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="ceiling(@pdf-size div 1024)"/>
                <xsl:text> KB</xsl:text>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:text>）</xsl:text>
          </p>
        </xsl:if>
        <xsl:if test="@banner">
          <p class="banner"><xsl:value-of select="@banner"/></p>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="$lead">
            <xsl:call-template name="grid">
              <xsl:with-param name="lead" select="$lead"/>
              <xsl:with-param name="others" select="$others"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="grid">
              <xsl:with-param name="others" select="story"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@image">
          <xsl:apply-templates select="." mode="picture"/>
        </xsl:if>
        <xsl:if test="story">
          <nav class="page-headlines" aria-labelledby="page-headlines">
            <h2 id="page-headlines">本版标题</h2>
            <ol>
              <xsl:for-each select="story">
                <li>
                  <a href="{$into}{@slug}.html">
                    <xsl:value-of select="normalize-space(head/headline)"/>
                  </a>
                </li>
              </xsl:for-each>
            </ol>
          </nav>
        </xsl:if>
        <nav class="pager" aria-label="翻版">
          <xsl:if test="$prev">
            <a class="prev" rel="prev" href="{$into}page-{$prev/@no}.html">
              <span class="label">上一版</span>
              <xsl:text> 第</xsl:text>
              <xsl:call-template name="page-no"><xsl:with-param name="no" select="$prev/@no"/></xsl:call-template>
              <xsl:text>版 </xsl:text>
              <xsl:value-of select="$prev/@name"/>
            </a>
            <xsl:text> </xsl:text>
          </xsl:if>
          <a class="up" href="{$into}index.html">本期目录</a>
          <xsl:text> </xsl:text>
          <xsl:call-template name="archive-link"/>
          <xsl:if test="$next">
            <xsl:text> </xsl:text>
            <a class="next" rel="next" href="{$into}page-{$next/@no}.html">
              <span class="label">下一版</span>
              <xsl:text> 第</xsl:text>
              <xsl:call-template name="page-no"><xsl:with-param name="no" select="$next/@no"/></xsl:call-template>
              <xsl:text>版 </xsl:text>
              <xsl:value-of select="$next/@name"/>
            </a>
          </xsl:if>
        </nav>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- 转版: the rest of a story from an earlier page, under its headline
       again (linked to the story), opening with the way back. -->
  <xsl:template match="continuation" mode="story">
    <article class="story continued slot-{@slot}" id="{@slug}-continued">
      <header class="story-head">
        <xsl:element name="h{$headline-level}">
          <xsl:attribute name="class">headline phrased</xsl:attribute>
          <a href="{$into}{@slug}.html"><xsl:apply-templates select="head/headline/node()" mode="words"/></a>
        </xsl:element>
      </header>
      <div class="story-body">
        <xsl:apply-templates select="jump"/>
        <xsl:apply-templates select="body/*"/>
      </div>
    </article>
  </xsl:template>

  <!-- 下转第03版 after a story's part, 上接第01版 before the rest. -->
  <xsl:template match="jump">
    <xsl:variable name="to" select="concat(@to, @from)"/>
    <p class="jump">
      <a href="{$into}page-{$to}.html">
        <xsl:if test="@to">
          <xsl:attribute name="href">
            <xsl:value-of select="concat($into, 'page-', $to, '.html#', ../@slug, '-continued')"/>
          </xsl:attribute>
        </xsl:if>
        <xsl:text>（</xsl:text>
        <xsl:value-of select="substring('下转上接', 1 + 2 * boolean(@from), 2)"/>
        <xsl:text>第</xsl:text>
        <xsl:call-template name="page-no"><xsl:with-param name="no" select="$to"/></xsl:call-template>
        <xsl:text>版）</xsl:text>
      </a>
    </p>
  </xsl:template>

  <!-- 版面图: the picture of the printed page (issue.yaml's image), a
       link over each story's area (its headline, for those who cannot
       see the picture), as e-papers have. -->
  <xsl:template match="page" mode="picture">
    <section class="page-picture" aria-labelledby="page-picture">
      <h2 id="page-picture">版面图</h2>
      <div class="page-map">
        <img alt="第{substring(concat('0', @no), string-length(@no))}版 {@name} 版面">
          <xsl:attribute name="src">
            <xsl:value-of select="$into"/>
            <xsl:call-template name="photo-uri">
              <xsl:with-param name="s" select="@image"/>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:if test="@image-width and @image-height">
            <xsl:attribute name="width"><xsl:value-of select="@image-width"/></xsl:attribute>
            <xsl:attribute name="height"><xsl:value-of select="@image-height"/></xsl:attribute>
          </xsl:if>
          <xsl:attribute name="loading">lazy</xsl:attribute>
        </img>
        <xsl:for-each select="story[@area]">
          <xsl:variable name="a" select="concat(normalize-space(@area), ' ')"/>
          <xsl:variable name="x" select="substring-before($a, ' ')"/>
          <xsl:variable name="a2" select="substring-after($a, ' ')"/>
          <xsl:variable name="y" select="substring-before($a2, ' ')"/>
          <xsl:variable name="a3" select="substring-after($a2, ' ')"/>
          <xsl:variable name="w" select="substring-before($a3, ' ')"/>
          <xsl:variable name="h" select="substring-before(substring-after($a3, ' '), ' ')"/>
          <a class="area" href="{$into}{@slug}.html"
             style="left:{$x}%;top:{$y}%;width:{$w}%;height:{$h}%">
            <span class="area-name"><xsl:value-of select="normalize-space(head/headline)"/></span>
          </a>
        </xsl:for-each>
      </div>
    </section>
  </xsl:template>

  <!-- ================================================================
       The grid: rows of boxed stories.
       ================================================================ -->

  <!-- Every story is a box: its headline block across its columns, its
       text in those columns (balanced, so its columns end together).
       A row is one story across the page, or a story with a photo story
       beside it (the rail), whose photo takes the height the text leaves
       (press.css), so that the two end together too: a row has no hole.
       The lead takes the page's first photo story into its rail; any
       other story the photo story that follows it.  Whether the two go
       side by side, and over how many columns the rail goes, is decided
       for each width of the screen (4, 5 and 6 columns, and print at 4)
       and written on the row as - -p4, - -p5 and - -p6 (0 or none: one
       above the other). -->
  <xsl:template name="grid">
    <xsl:param name="lead" select="/.."/>
    <xsl:param name="others"/>
    <xsl:variable name="photo" select="$others[@slot = 'photo'][1]"/>
    <xsl:variable name="try">
      <xsl:if test="$lead and $photo">
        <xsl:call-template name="pair">
          <xsl:with-param name="text" select="$lead"/>
          <xsl:with-param name="photo" select="$photo"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <!-- The photo story leaves its place only to stand beside the lead
         at every width. -->
    <xsl:variable name="pair"
                  select="substring($try, 1, string-length($try) *
                          number(contains($try, '--p4') and contains($try, '--p5') and
                                 contains($try, '--p6')))"/>
    <main class="page-grid">
      <xsl:if test="$lead">
        <div class="row lead-row">
          <xsl:if test="$pair != ''">
            <xsl:attribute name="style"><xsl:value-of select="$pair"/></xsl:attribute>
          </xsl:if>
          <xsl:apply-templates select="$lead" mode="story">
            <xsl:with-param name="link" select="true()"/>
          </xsl:apply-templates>
          <xsl:if test="$pair != ''">
            <div class="rail">
              <xsl:apply-templates select="$photo" mode="story">
                <xsl:with-param name="link" select="true()"/>
              </xsl:apply-templates>
            </div>
          </xsl:if>
        </div>
      </xsl:if>
      <xsl:call-template name="rows">
        <xsl:with-param name="list"
                        select="$others[$pair = '' or generate-id() != generate-id($photo)]"/>
      </xsl:call-template>
      <!-- 转版: the rest of stories from earlier pages, a row each. -->
      <xsl:for-each select="continuation">
        <div class="row">
          <xsl:apply-templates select="." mode="story"/>
        </div>
      </xsl:for-each>
    </main>
  </xsl:template>

  <!-- The rows of $list from its $i-th story on. -->
  <xsl:template name="rows">
    <xsl:param name="list"/>
    <xsl:param name="i" select="1"/>
    <!-- a photo story followed by a text goes beside that text -->
    <xsl:variable name="swap"
                  select="$list[$i]/@slot = 'photo' and $list[$i + 1] and
                          not($list[$i + 1]/@slot = 'photo')"/>
    <xsl:variable name="s" select="$list[$i + number($swap)]"/>
    <xsl:variable name="next" select="$list[$i + 1 - number($swap)]"/>
    <xsl:if test="$s">
      <xsl:variable name="pair">
        <xsl:if test="not($s/@slot = 'photo') and $next/@slot = 'photo'">
          <xsl:call-template name="pair">
            <xsl:with-param name="text" select="$s"/>
            <xsl:with-param name="photo" select="$next"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:variable>
      <xsl:if test="$swap and $pair = ''">
        <div class="row">
          <xsl:apply-templates select="$next" mode="story">
            <xsl:with-param name="link" select="true()"/>
          </xsl:apply-templates>
        </div>
      </xsl:if>
      <div class="row">
        <xsl:if test="$pair != ''">
          <xsl:attribute name="style"><xsl:value-of select="$pair"/></xsl:attribute>
        </xsl:if>
        <xsl:apply-templates select="$s" mode="story">
          <xsl:with-param name="link" select="true()"/>
        </xsl:apply-templates>
        <xsl:if test="$pair != ''">
          <div class="rail">
            <xsl:apply-templates select="$next" mode="story">
              <xsl:with-param name="link" select="true()"/>
            </xsl:apply-templates>
          </div>
        </xsl:if>
      </div>
      <xsl:call-template name="rows">
        <xsl:with-param name="list" select="$list"/>
        <xsl:with-param name="i" select="$i + 1 + number($pair != '' or $swap)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- "- -p4:1;- -p6:2": for each width of the screen (4, 5, 6 columns)
       at which $text and the photo story $photo go side by side, the
       rail's columns; empty when they never do.  They do when the text
       is at least as tall as the photo story with its photo at its
       smallest (6em), and not so tall that the photo would be cut to
       less than half of it. -->
  <xsl:template name="pair">
    <xsl:param name="text"/>
    <xsl:param name="photo"/>
    <xsl:call-template name="pick">
      <xsl:with-param name="text" select="$text"/>
      <xsl:with-param name="photo" select="$photo"/>
      <xsl:with-param name="c" select="4"/>
    </xsl:call-template>
    <xsl:call-template name="pick">
      <xsl:with-param name="text" select="$text"/>
      <xsl:with-param name="photo" select="$photo"/>
      <xsl:with-param name="c" select="5"/>
    </xsl:call-template>
    <xsl:call-template name="pick">
      <xsl:with-param name="text" select="$text"/>
      <xsl:with-param name="photo" select="$photo"/>
      <xsl:with-param name="c" select="6"/>
    </xsl:call-template>
  </xsl:template>

  <!-- For $c columns: the rail over 2 columns, else 3 (leaving the
       text 2 or more), else 1, the first that fits. -->
  <xsl:template name="pick">
    <xsl:param name="text"/>
    <xsl:param name="photo"/>
    <xsl:param name="c"/>
    <xsl:variable name="two">
      <xsl:call-template name="fits">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="photo" select="$photo"/>
        <xsl:with-param name="c" select="$c"/>
        <xsl:with-param name="p" select="2"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="three">
      <xsl:if test="$c - 3 &gt;= 2">
        <xsl:call-template name="fits">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="photo" select="$photo"/>
          <xsl:with-param name="c" select="$c"/>
          <xsl:with-param name="p" select="3"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="one">
      <xsl:call-template name="fits">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="photo" select="$photo"/>
        <xsl:with-param name="c" select="$c"/>
        <xsl:with-param name="p" select="1"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$two != ''"><xsl:value-of select="$two"/></xsl:when>
      <xsl:when test="$three != ''"><xsl:value-of select="$three"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$one"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "- -p{c}:{p};" when the photo story over $p of $c columns stands
       beside the text over the others; else empty. -->
  <xsl:template name="fits">
    <xsl:param name="text"/>
    <xsl:param name="photo"/>
    <xsl:param name="c"/>
    <xsl:param name="p"/>
    <xsl:variable name="t">
      <xsl:apply-templates select="$text" mode="height">
        <xsl:with-param name="k" select="$c - $p"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:variable name="h">
      <xsl:apply-templates select="$photo" mode="height">
        <xsl:with-param name="k" select="$p"/>
      </xsl:apply-templates>
    </xsl:variable>
    <!-- the photos' share of $h, and the least they may take -->
    <xsl:variable name="pictures"
                  select="count($photo/body/figure) * (($measure + 1) * $p - 2) * 0.75 div 1.75"/>
    <xsl:variable name="least" select="number($h) - $pictures + 6 div 1.75 + 1"/>
    <xsl:if test="number($t) &gt;= $least and number($t) &lt;= number($h) + $pictures">
      <xsl:value-of select="concat('--p', $c, ':', $p, ';')"/>
    </xsl:if>
  </xsl:template>

  <!--
    A story's height in body lines (1.75em) when set $k columns wide,
    from press.css's sizes: body text flows over the k columns; the
    headline block spans them; a photo is 3:4 across them.  @lines counts
    the text at $measure characters a line, the headline as 4 lines and each
    kicker or subtitle as 2 (press.rng); without it, the characters.
  -->
  <xsl:template match="story" mode="height">
    <xsl:param name="k"/>
    <xsl:variable name="width" select="($measure + 1) * $k - 1"/>
    <xsl:variable name="lead" select="@slot = 'lead'"/>
    <!-- headline size and line height, in em -->
    <xsl:variable name="len">
      <xsl:apply-templates select="." mode="headline-length"/>
    </xsl:variable>
    <!-- press.css: a lead headline fills its width, 1.9em to 2.75em -->
    <xsl:variable name="fill" select="($width - 1) div $len"/>
    <xsl:variable name="hs">
      <xsl:choose>
        <xsl:when test="$lead and $fill &gt; 2.75">2.75</xsl:when>
        <xsl:when test="$lead and $fill &lt; 1.9">1.9</xsl:when>
        <xsl:when test="$lead"><xsl:value-of select="$fill"/></xsl:when>
        <xsl:when test="@slot = 'photo'">1.2</xsl:when>
        <xsl:otherwise>1.375</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="ss">
      <xsl:choose>
        <xsl:when test="$lead">1.3</xsl:when>
        <xsl:otherwise>1.05</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="heads" select="count(head/kicker | head/subtitle)"/>
    <xsl:variable name="headline"
                  select="ceiling($len div floor($width div $hs))
                          * $hs * 1.3 div 1.75"/>
    <xsl:variable name="subs">
      <xsl:choose>
        <xsl:when test="$heads = 0">0</xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$heads * ceiling(string-length(normalize-space(head/subtitle[1]))
                                                 div floor($width div $ss))
                                * $ss * 1.5 div 1.75"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="@lines">
          <xsl:value-of select="@lines - 4 - 2 * $heads"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="(@chars + 2 * count(body/*)) div $measure + count(body/*) div 2"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="photos"
                  select="count(body/figure) * ($width - 1) * 0.75 div 1.75"/>
    <!-- margins: under the headline block, between stories -->
    <xsl:variable name="space">
      <xsl:choose>
        <xsl:when test="$lead">2.5</xsl:when>
        <xsl:when test="@slot = 'photo'">3</xsl:when>
        <xsl:otherwise>2</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="$headline + $subs + $text div $k + $photos + $space"/>
  </xsl:template>

</xsl:stylesheet>
