<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: what the web-edition stylesheets share.  Imported by
  story.xsl, page.xsl, issue.xsl and archive.xsl; never applied on its own.

  Provides
    named template "html"       the HTML document: doctype, head (title,
                                description, canonical URL, Open Graph,
                                feed link, JSON-LD), body.  See its params.
    named template "running-head"  报眉: paper, date and weekday, 第N版,
                                page name, 责任编辑, for a page and its
                                stories.
    mode "story"  (story)       one story, complete: <article> with the
                                headline block and the body.  Param link:
                                true() makes the headline a link to
                                {@slug}.html.
    mode "headline" (story)     the headline block alone (kicker, headline,
                                subtitles), for tables of contents.
    mode "excerpt" (story)      the opening words of a story, for
                                descriptions and feeds.
    named template "date"       <time> with the date as 2024年6月11日.
    named template "lang"       the document language (xml:lang or zh-CN).
    named template "archive-link"  往期 -> {$root}index.html, if $root != "".
    named templates "escape-attr", "json-string", "replace": press's
                                own functions (press:escape-attr() …,
                                templates/README.md) when they are there,
                                recursion under xsltproc.
    default mode                body blocks and inlines of press.rng.

  URLs: the site's address is the url attribute of the issue or archive
  (paper.yaml's url, ending in "/").  With it every page gets a canonical
  URL, Open Graph metadata and a link to {url}feed.xml; without it (a
  preview) none of them.

  Headings: a story headline is h{$headline-level}; a subhead of level L is
  h{$headline-level + L}, at most h6.  $headline-level is 1 here, so a
  story page has h1 headline and level 1 -> h2; page.xsl, where the page
  title is the h1, sets it to 2.

  Text: every character of head and body is output, whitespace included;
  only element-only content is stripped below.  Mixed content (p, subhead,
  caption, credit, strong, em, a, kicker, headline, ...) is copied as is.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:press="urn:press:xslt"
                exclude-result-prefixes="press">

  <!-- The whitespace rules, the story lookup and the words. -->
  <xsl:import href="../press.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- Prefix from the output file to the site root, where press.css is:
       "" or "../".  Redeclared by each stylesheet for its contract. -->
  <xsl:param name="root" select="''"/>

  <!-- The way from the output file to its issue's folder: "" for every
       file inside it; front.xsl, which renders an issue's first page at
       the site root, sets it to "{issue}/". -->
  <xsl:variable name="into" select="''"/>

  <!-- Whether a story that jumps (转版) shows only the part on its first
       page (page.xsl) or is whole (the story page). -->
  <xsl:variable name="parts" select="false()"/>

  <!-- Heading level of a story headline; see above. -->
  <xsl:variable name="headline-level" select="1"/>

  <!-- The site's address, "" when unknown (a preview). -->
  <xsl:variable name="site-url" select="string(/*/@url)"/>

  <!-- The settings press.css shares with the pages (the accent). -->
  <xsl:variable name="look" select="document('look.xml')/look"/>

  <!-- Length of a description, in characters. -->
  <xsl:variable name="excerpt-length" select="110"/>

  <!-- ================================================================
       Document skeleton
       ================================================================ -->

  <!--
    The head is written partly as text on purpose.  When the output
    method is html, libxslt (xsltSaveResultTo -> htmlSetMetaEncoding)
    adds <meta http-equiv="Content-Type" ...> to a <head> element or next
    to any <meta> element it finds, which next to <meta charset> makes two
    encoding declarations (invalid HTML5).  So <head> and every <meta> are
    text (template "meta" escapes their values), and the output has
    exactly one encoding declaration: <meta charset="utf-8">.  The title,
    the links and the JSON-LD script are ordinary nodes.

    Params
      title        the document title
      class        the body's class
      content      result tree: what goes in <body>
      description  meta description and og:description
      canonical    the page's own absolute URL, or ""
      type         og:type: "website" or "article"
      image        absolute URL of an image for og:image, or ""
      published    a date (2024-06-11) for article:published_time
      section      article:section (the page name)
      ld           JSON-LD text (a schema.org object), or ""
  -->
  <xsl:template name="html">
    <xsl:param name="title"/>
    <xsl:param name="class"/>
    <xsl:param name="content"/>
    <xsl:param name="description" select="''"/>
    <xsl:param name="canonical" select="''"/>
    <xsl:param name="type" select="'website'"/>
    <xsl:param name="image" select="''"/>
    <xsl:param name="published" select="''"/>
    <xsl:param name="section" select="''"/>
    <xsl:param name="ld" select="''"/>
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html>
      <xsl:attribute name="lang">
        <xsl:call-template name="lang"/>
      </xsl:attribute>
      <xsl:text disable-output-escaping="yes">&lt;head&gt;&lt;meta charset="utf-8"&gt;&lt;meta name="viewport" content="width=device-width, initial-scale=1"&gt;</xsl:text>
      <title><xsl:value-of select="$title"/></title>
      <xsl:call-template name="meta">
        <xsl:with-param name="name" select="'description'"/>
        <xsl:with-param name="content" select="$description"/>
      </xsl:call-template>
      <xsl:if test="$canonical != ''">
        <link rel="canonical" href="{$canonical}"/>
      </xsl:if>
      <xsl:if test="$site-url != ''">
        <link rel="alternate" type="application/atom+xml"
              href="{$site-url}feed.xml" title="{/*/@paper}"/>
      </xsl:if>
      <link rel="stylesheet" href="{$root}press.css"/>
      <!-- No favicon request: the page needs nothing from the network. -->
      <link rel="icon" href="data:,"/>
      <xsl:call-template name="meta">
        <xsl:with-param name="name" select="'theme-color'"/>
        <xsl:with-param name="content" select="$look/property[@name = '--accent']"/>
      </xsl:call-template>
      <!-- The knobs that live in look.xml, and the column width of the
           page view: the paper's line width, in ems. -->
      <style>
        <xsl:text>:root{</xsl:text>
        <xsl:for-each select="$look/property">
          <xsl:value-of select="concat(@name, ':', normalize-space(.), ';')"/>
        </xsl:for-each>
        <xsl:if test="number(/issue/@line-chars) &gt; 0">
          <xsl:value-of select="concat('--measure:', /issue/@line-chars, 'em;')"/>
        </xsl:if>
        <xsl:text>}</xsl:text>
      </style>
      <xsl:if test="$canonical != ''">
        <xsl:call-template name="og">
          <xsl:with-param name="property" select="'og:type'"/>
          <xsl:with-param name="content" select="$type"/>
        </xsl:call-template>
        <xsl:call-template name="og">
          <xsl:with-param name="property" select="'og:title'"/>
          <xsl:with-param name="content" select="$title"/>
        </xsl:call-template>
        <xsl:call-template name="og">
          <xsl:with-param name="property" select="'og:description'"/>
          <xsl:with-param name="content" select="$description"/>
        </xsl:call-template>
        <xsl:call-template name="og">
          <xsl:with-param name="property" select="'og:url'"/>
          <xsl:with-param name="content" select="$canonical"/>
        </xsl:call-template>
        <xsl:call-template name="og">
          <xsl:with-param name="property" select="'og:site_name'"/>
          <xsl:with-param name="content" select="/*/@paper"/>
        </xsl:call-template>
        <xsl:call-template name="og">
          <xsl:with-param name="property" select="'og:locale'"/>
          <xsl:with-param name="content" select="'zh_CN'"/>
        </xsl:call-template>
        <xsl:call-template name="og">
          <xsl:with-param name="property" select="'og:image'"/>
          <xsl:with-param name="content" select="$image"/>
        </xsl:call-template>
        <xsl:if test="$published != ''">
          <xsl:call-template name="og">
            <xsl:with-param name="property" select="'article:published_time'"/>
            <xsl:with-param name="content" select="concat($published, 'T00:00:00+08:00')"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="og">
          <xsl:with-param name="property" select="'article:section'"/>
          <xsl:with-param name="content" select="$section"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$ld != ''">
        <script type="application/ld+json"><xsl:value-of select="$ld"/></script>
      </xsl:if>
      <xsl:text disable-output-escaping="yes">&lt;/head&gt;</xsl:text>
      <body>
        <xsl:if test="$class != ''">
          <xsl:attribute name="class"><xsl:value-of select="$class"/></xsl:attribute>
        </xsl:if>
        <xsl:copy-of select="$content"/>
      </body>
    </html>
  </xsl:template>

  <!-- <meta name="…" content="…">, as text (see above); nothing when the
       content is empty. -->
  <xsl:template name="meta">
    <xsl:param name="attr" select="'name'"/>
    <xsl:param name="name"/>
    <xsl:param name="content"/>
    <xsl:if test="string($content) != ''">
      <xsl:variable name="value">
        <xsl:call-template name="escape-attr">
          <xsl:with-param name="s" select="string($content)"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:text disable-output-escaping="yes">&lt;meta </xsl:text>
      <xsl:value-of select="$attr" disable-output-escaping="yes"/>
      <xsl:text disable-output-escaping="yes">="</xsl:text>
      <xsl:value-of select="$name" disable-output-escaping="yes"/>
      <xsl:text disable-output-escaping="yes">" content="</xsl:text>
      <xsl:value-of select="$value" disable-output-escaping="yes"/>
      <xsl:text disable-output-escaping="yes">"&gt;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="og">
    <xsl:param name="property"/>
    <xsl:param name="content"/>
    <xsl:call-template name="meta">
      <xsl:with-param name="attr" select="'property'"/>
      <xsl:with-param name="name" select="$property"/>
      <xsl:with-param name="content" select="$content"/>
    </xsl:call-template>
  </xsl:template>

  <!-- 往期: the calendar of the issue's month (archive.xsl's
       archive/2024-06.html), from the pages of an issue. -->
  <xsl:template name="archive-link">
    <xsl:if test="($root != '' or $into != '') and /issue/@date">
      <a class="archive-link" href="{$root}archive/{substring(/issue/@date, 1, 7)}.html">往期</a>
    </xsl:if>
  </xsl:template>

  <xsl:template name="lang">
    <xsl:choose>
      <xsl:when test="/*/@xml:lang"><xsl:value-of select="/*/@xml:lang"/></xsl:when>
      <xsl:otherwise>zh-CN</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 2024-06-11 -> <time datetime="2024-06-11">2024年6月11日</time> -->
  <xsl:template name="date">
    <xsl:param name="date"/>
    <time datetime="{$date}">
      <xsl:call-template name="date-text">
        <xsl:with-param name="date" select="$date"/>
      </xsl:call-template>
    </time>
  </xsl:template>

  <xsl:template name="date-text">
    <xsl:param name="date"/>
    <xsl:choose>
      <xsl:when test="string-length($date) = 10">
        <xsl:value-of select="substring($date, 1, 4)"/>
        <xsl:text>年</xsl:text>
        <xsl:value-of select="number(substring($date, 6, 2))"/>
        <xsl:text>月</xsl:text>
        <xsl:value-of select="number(substring($date, 9, 2))"/>
        <xsl:text>日</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$date"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       报眉: the running header of a page and of its stories.
       $page: the <page>; $heading: true() makes 第N版 name the page's
       h1 (the page view), else it is a link to the page.
       ================================================================ -->

  <xsl:template name="running-head">
    <xsl:param name="page"/>
    <xsl:param name="heading" select="false()"/>
    <xsl:variable name="issue" select="$page/parent::issue"/>
    <header class="running-head">
      <xsl:choose>
        <xsl:when test="$heading">
          <h1 class="page-title">
            <xsl:call-template name="page-title">
              <xsl:with-param name="page" select="$page"/>
            </xsl:call-template>
          </h1>
        </xsl:when>
        <xsl:otherwise>
          <p class="page-title">
            <a href="{$into}page-{$page/@no}.html">
              <xsl:call-template name="page-title">
                <xsl:with-param name="page" select="$page"/>
              </xsl:call-template>
            </a>
          </p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text> </xsl:text>
      <xsl:if test="$page/@editor">
        <p class="editor">
          <xsl:text>责任编辑：</xsl:text>
          <xsl:value-of select="$page/@editor"/>
        </p>
        <xsl:text> </xsl:text>
      </xsl:if>
      <p class="issue-date">
        <xsl:call-template name="date">
          <xsl:with-param name="date" select="$issue/@date"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:value-of select="$issue/@weekday"/>
      </p>
      <xsl:text> </xsl:text>
      <p class="paper">
        <a href="{$into}index.html" title="本期目录"><xsl:value-of select="$issue/@paper"/></a>
      </p>
    </header>
  </xsl:template>

  <!-- ================================================================
       报头: the masthead of an issue's front (its contents page and
       its first page).  Context: the <issue>.  The paper's name as the
       nameplate (h1, a link to the issue's contents); on the left ear
       第N期, 总第N期, 国内统一连续出版物号 (@cn) and the publisher; on the
       right ear the date, weekday and 农历.
       ================================================================ -->

  <xsl:template match="issue" mode="masthead">
    <header class="masthead">
      <h1 class="paper"><a href="{$into}index.html"><xsl:value-of select="@paper"/></a></h1>
      <div class="ear ear-left">
        <xsl:if test="@number or @total">
          <p class="number">
            <xsl:if test="@number">第<xsl:value-of select="@number"/>期</xsl:if>
            <xsl:if test="@number and @total"><xsl:text> </xsl:text></xsl:if>
            <xsl:if test="@total"><span class="total">总第<xsl:value-of select="@total"/>期</span></xsl:if>
          </p>
        </xsl:if>
        <xsl:if test="@cn">
          <p class="cn">国内统一连续出版物号 <xsl:value-of select="@cn"/></p>
        </xsl:if>
        <xsl:if test="@publisher">
          <p class="publisher"><xsl:value-of select="@publisher"/>主办</p>
        </xsl:if>
      </div>
      <div class="ear ear-right">
        <p class="issue-date">
          <xsl:call-template name="date">
            <xsl:with-param name="date" select="@date"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <span class="weekday"><xsl:value-of select="@weekday"/></span>
        </p>
        <xsl:if test="@lunar">
          <p class="lunar">农历<xsl:value-of select="@lunar"/></p>
        </xsl:if>
      </div>
    </header>
  </xsl:template>

  <!-- ================================================================
       版面导航: every page of the issue, number and name, the current one
       ($current, a <page>, or none) marked; then 本期目录, 往期 and 搜索
       (search.html).
       ================================================================ -->

  <xsl:template name="edition-nav">
    <xsl:param name="issue"/>
    <xsl:param name="current" select="/.."/>
    <nav class="edition-nav" aria-label="版面导航">
      <ol>
        <xsl:for-each select="$issue/page">
          <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
          <li>
            <a href="{$into}page-{@no}.html">
              <xsl:if test="generate-id() = generate-id($current)">
                <xsl:attribute name="aria-current">page</xsl:attribute>
              </xsl:if>
              <span class="nav-no">
                <xsl:text>第</xsl:text>
                <xsl:call-template name="page-no"><xsl:with-param name="no" select="@no"/></xsl:call-template>
                <xsl:text>版</xsl:text>
              </span>
              <xsl:text> </xsl:text>
              <span class="nav-name"><xsl:value-of select="@name"/></span>
            </a>
          </li>
        </xsl:for-each>
      </ol>
      <p class="edition-links">
        <a href="{$into}index.html">本期目录</a>
        <xsl:text> </xsl:text>
        <xsl:call-template name="archive-link"/>
        <xsl:if test="$root != '' or $into != ''">
          <xsl:text> </xsl:text>
          <a class="search-link" href="{$root}search.html">搜索</a>
        </xsl:if>
      </p>
    </nav>
  </xsl:template>

  <!-- A page number as the paper prints it: two digits, 01 … 99. -->
  <xsl:template name="page-no">
    <xsl:param name="no"/>
    <xsl:choose>
      <xsl:when test="string(number($no)) != 'NaN'">
        <xsl:value-of select="format-number($no, '00')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$no"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="page-title">
    <xsl:param name="page"/>
    <span class="page-no">
      <xsl:text>第</xsl:text>
      <b><xsl:call-template name="page-no"><xsl:with-param name="no" select="$page/@no"/></xsl:call-template></b>
      <xsl:text>版</xsl:text>
    </span>
    <xsl:text> </xsl:text>
    <span class="page-name"><xsl:value-of select="$page/@name"/></span>
  </xsl:template>

  <!-- ================================================================
       Story: headline block
       ================================================================ -->

  <xsl:template match="story" mode="story">
    <xsl:param name="link" select="false()"/>
    <article>
      <xsl:attribute name="class">
        <xsl:text>story</xsl:text>
        <xsl:if test="@slot"> slot-<xsl:value-of select="@slot"/></xsl:if>
      </xsl:attribute>
      <xsl:if test="@xml:lang and parent::*">
        <xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
      </xsl:if>
      <header class="story-head">
        <xsl:apply-templates select="." mode="headline">
          <xsl:with-param name="link" select="$link"/>
        </xsl:apply-templates>
        <xsl:if test="head/byline and not(head/dateline)">
          <p class="byline">
            <xsl:apply-templates select="head/byline/contributor" mode="byline"/>
          </p>
        </xsl:if>
      </header>
      <div class="story-body">
        <xsl:if test="head/dateline and not(body/*[1][self::p])">
          <p class="dateline-only">
            <xsl:apply-templates select="head/dateline" mode="run-in"/>
          </p>
        </xsl:if>
        <xsl:choose>
          <!-- A page view sets only a jumped story's part on the page. -->
          <xsl:when test="$parts and jump">
            <xsl:apply-templates select="body/*[position() &lt;= current()/jump/@after]"/>
            <xsl:apply-templates select="jump"/>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates select="body/*"/></xsl:otherwise>
        </xsl:choose>
      </div>
    </article>
  </xsl:template>

  <!-- Kicker, headline, subtitles.  $level: heading level of the
       headline; $link: make the headline a link to the story page;
       $prefix: path prefix for that link (the archive links across
       issue folders). -->
  <xsl:template match="story" mode="headline">
    <xsl:param name="link" select="false()"/>
    <xsl:param name="level" select="$headline-level"/>
    <xsl:param name="prefix" select="$into"/>
    <xsl:for-each select="head/kicker">
      <p class="kicker{substring(' phrased', 1, 8 * contains(., ' '))}"><xsl:apply-templates/></p>
    </xsl:for-each>
    <xsl:element name="h{$level}">
      <!-- phrased: it breaks at its spaces and between its words only -->
      <xsl:attribute name="class">
        <xsl:text>headline phrased</xsl:text>
      </xsl:attribute>
      <!-- Its length in ems: press.css sizes a lead headline and a story
           page's headline to fit. -->
      <xsl:if test="@slot = 'lead' or $level = 1">
        <xsl:attribute name="style">
          <xsl:text>--len:</xsl:text>
          <xsl:apply-templates select="." mode="headline-length"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$link">
          <a href="{$prefix}{@slug}.html"><xsl:apply-templates select="head/headline/node()" mode="words"/></a>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="head/headline/node()" mode="words"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
    <xsl:for-each select="head/subtitle">
      <p class="subtitle{substring(' phrased', 1, 8 * contains(., ' '))}"><xsl:apply-templates/></p>
    </xsl:for-each>
  </xsl:template>

  <!-- A headline's text with <wbr> between its words (press:words,
       ICU's word break), so that it breaks between words only
       (press.css: word-break: keep-all).  A headline with a space is
       phrased by its editor: it breaks at its spaces alone. -->
  <xsl:template match="text()" mode="words">
    <xsl:choose>
      <xsl:when test="function-available('press:words') and
                      not(contains(ancestor::headline[1], ' '))">
        <!-- libxml2's HTML writer does not know wbr as empty. -->
        <xsl:for-each select="press:words(string(.))">
          <xsl:choose>
            <xsl:when test="self::text()"><xsl:value-of select="."/></xsl:when>
            <xsl:otherwise>
              <xsl:text disable-output-escaping="yes">&lt;wbr&gt;</xsl:text>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="words">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- The headline's width in ems at 1em: Han characters and marks 1,
       ASCII letters, digits and spaces 1/2 (rounded up). -->
  <xsl:template match="story" mode="headline-length">
    <xsl:variable name="h" select="normalize-space(head/headline)"/>
    <xsl:variable name="wide"
                  select="string-length(translate($h,
                          ' 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,-%', ''))"/>
    <xsl:value-of select="$wide + ceiling((string-length($h) - $wide) div 2)"/>
  </xsl:template>

  <!-- The opening words: the body's text and captions, without credits.
       When longer than $excerpt-length characters, its whole sentences
       within that length; else its clauses with ……; else a cut with …… -->
  <xsl:template match="story" mode="excerpt">
    <xsl:variable name="all">
      <xsl:for-each select="body/*[not(self::figure or self::notes)] | body/figure/caption">
        <xsl:value-of select="."/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="text" select="normalize-space($all)"/>
    <xsl:variable name="cut" select="substring($text, 1, $excerpt-length)"/>
    <xsl:variable name="sentences">
      <xsl:call-template name="through-last">
        <xsl:with-param name="s" select="$cut"/>
        <xsl:with-param name="c" select="'。'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="clauses">
      <xsl:call-template name="through-last">
        <xsl:with-param name="s" select="$cut"/>
        <xsl:with-param name="c" select="'，'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string-length($text) &lt;= $excerpt-length">
        <xsl:value-of select="$text"/>
      </xsl:when>
      <xsl:when test="string-length($sentences) &gt; $excerpt-length div 3">
        <xsl:value-of select="$sentences"/>
      </xsl:when>
      <xsl:when test="string-length($clauses) &gt; $excerpt-length div 3">
        <xsl:value-of select="substring($clauses, 1, string-length($clauses) - 1)"/>
        <xsl:text>……</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$cut"/>
        <xsl:text>……</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $s up to and with its last $c; "" when it has none. -->
  <xsl:template name="through-last">
    <xsl:param name="s"/>
    <xsl:param name="c"/>
    <xsl:if test="contains($s, $c)">
      <xsl:value-of select="concat(substring-before($s, $c), $c)"/>
      <xsl:call-template name="through-last">
        <xsl:with-param name="s" select="substring-after($s, $c)"/>
        <xsl:with-param name="c" select="$c"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================
       Dateline and byline
       本报讯（记者 崔欣 通讯员 宋雅欣）: the dateline, then the byline in
       full-width brackets (mode "byline" and the role labels: press.xsl).
       ================================================================ -->

  <xsl:template match="dateline" mode="run-in">
    <strong class="dateline">
      <xsl:value-of select="."/>
      <xsl:if test="../byline/contributor">
        <xsl:text>（</xsl:text>
        <xsl:apply-templates select="../byline/contributor" mode="byline"/>
        <xsl:text>）</xsl:text>
      </xsl:if>
    </strong>
  </xsl:template>

  <!-- ================================================================
       Body blocks (default mode)
       ================================================================ -->

  <xsl:template match="p">
    <p>
      <!-- The first paragraph of a story opens with the dateline. -->
      <xsl:if test="parent::body and not(preceding-sibling::*[1])">
        <xsl:apply-templates select="../../head/dateline" mode="run-in"/>
      </xsl:if>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <!-- HTML has six heading levels and the headline takes the first:
       a subhead deeper than h6 is a heading by its role, so that ##### and
       ###### stay apart. -->
  <xsl:template match="subhead">
    <xsl:variable name="n" select="$headline-level + @level"/>
    <xsl:choose>
      <xsl:when test="$n &lt;= 6">
        <xsl:element name="h{$n}">
          <xsl:attribute name="class">subhead</xsl:attribute>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <div class="subhead" role="heading" aria-level="{$n}">
          <xsl:apply-templates/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A photo's file name as a URI path: a space, #, ? or % in the
       name would otherwise end the path or start a fragment or query.
       Each is replaced by its escape, the first one found first. -->
  <xsl:template name="photo-uri">
    <xsl:param name="s" select="@href"/>
    <xsl:variable name="c"
                  select="substring(translate($s, translate($s, '%# ?', ''), ''), 1, 1)"/>
    <xsl:choose>
      <xsl:when test="$c = ''">
        <xsl:value-of select="$s"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="substring-before($s, $c)"/>
        <xsl:value-of select="substring('%25%23%20%3F',
                              3 * string-length(substring-before('%# ?', $c)) + 1, 3)"/>
        <xsl:call-template name="photo-uri">
          <xsl:with-param name="s" select="substring-after($s, $c)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A photo: its size from the file's header (width and height, so
       the page does not shift as it loads); loaded lazily unless it is
       in the first screen: the first photo of the page's lead story on a
       page view, or a photo among the first two blocks of a story page.
       Its alt is empty when the caption follows in the figcaption (a
       screen reader would read it twice), else the image's title or the
       headline. -->

  <xsl:template match="figure">
    <xsl:variable name="story" select="ancestor::story[1]"/>
    <xsl:variable name="first-of-story"
                  select="count(preceding::figure) = count($story/preceding::figure)"/>
    <xsl:variable name="eager">
      <xsl:choose>
        <xsl:when test="not($first-of-story)"/>
        <xsl:when test="$slug = '' and $story/parent::page">
          <xsl:if test="$story/@slot = 'lead' or
                        (not($story/../story[@slot = 'lead']) and
                         not($story/preceding-sibling::story))">yes</xsl:if>
        </xsl:when>
        <xsl:when test="parent::body and count(preceding-sibling::*) &lt; 2">yes</xsl:when>
      </xsl:choose>
    </xsl:variable>
    <figure>
      <img>
        <xsl:attribute name="src">
          <xsl:value-of select="$into"/>
          <xsl:call-template name="photo-uri"/>
        </xsl:attribute>
        <xsl:copy-of select="@title | @width | @height"/>
        <xsl:if test="$eager = ''">
          <xsl:attribute name="loading">lazy</xsl:attribute>
        </xsl:if>
        <xsl:attribute name="alt">
          <xsl:choose>
            <xsl:when test="normalize-space(caption) != ''"/>
            <xsl:when test="normalize-space(@title) != ''">
              <xsl:value-of select="normalize-space(@title)"/>
            </xsl:when>
            <!-- No caption: the headline says what the photo shows. -->
            <xsl:otherwise>
              <xsl:value-of select="normalize-space($story/head/headline)"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </img>
      <xsl:if test="caption or credit">
        <figcaption>
          <xsl:for-each select="caption">
            <p class="caption"><xsl:apply-templates/></p>
          </xsl:for-each>
          <xsl:for-each select="credit">
            <p class="credit"><xsl:apply-templates/></p>
          </xsl:for-each>
        </figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <!-- A name in a photo credit: its text, in the words around it. -->
  <xsl:template match="credit/contributor">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="quote">
    <blockquote><xsl:apply-templates/></blockquote>
  </xsl:template>

  <xsl:template match="list[@type = 'ordered']">
    <ol>
      <xsl:if test="@start and @start != 1">
        <xsl:attribute name="start"><xsl:value-of select="@start"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </ol>
  </xsl:template>

  <!-- In a tight list an item's paragraphs are its text, not set
       apart. -->
  <xsl:template match="list[@tight = 'true']/item/p">
    <xsl:if test="preceding-sibling::*"><xsl:text>&#10;</xsl:text></xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="list">
    <ul><xsl:apply-templates/></ul>
  </xsl:template>

  <xsl:template match="item">
    <li><xsl:apply-templates/></li>
  </xsl:template>

  <!-- Code as HTML marks it, its language as a class (language-python).
       Inside <code> a leading newline survives an HTML parser. -->
  <xsl:template match="pre">
    <pre><code>
      <xsl:if test="@lang">
        <xsl:attribute name="class"><xsl:value-of select="concat('language-', @lang)"/></xsl:attribute>
      </xsl:if>
      <xsl:value-of select="."/>
    </code></pre>
  </xsl:template>

  <xsl:template match="hr">
    <hr/>
  </xsl:template>

  <!-- Verse: a block set apart, each stanza a paragraph and each line
       a line of its own. -->
  <xsl:template match="verse">
    <div class="verse"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="stanza">
    <p class="stanza">
      <xsl:for-each select="line">
        <xsl:if test="position() &gt; 1"><br/></xsl:if>
        <span class="line"><xsl:apply-templates/></span>
      </xsl:for-each>
    </p>
  </xsl:template>

  <!-- 注释: the notes after the story, each linked back to its first
       marker; a marker links to its note.  The ids carry the story's
       slug, so that the stories of one page never share one. -->
  <xsl:template match="notes">
    <xsl:variable name="slug" select="ancestor::story[1]/@slug"/>
    <section class="notes" aria-labelledby="notes-{$slug}">
      <xsl:element name="h{substring('123456666666', $headline-level + 1, 1)}">
        <xsl:attribute name="class">notes-head</xsl:attribute>
        <xsl:attribute name="id">notes-<xsl:value-of select="$slug"/></xsl:attribute>
        <xsl:text>注释</xsl:text>
      </xsl:element>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="note">
    <xsl:variable name="slug" select="ancestor::story[1]/@slug"/>
    <div class="note" id="note-{$slug}-{@n}">
      <a class="note-mark" href="#noteref-{$slug}-{@n}" aria-label="回到正文">
        <xsl:value-of select="@mark"/>
      </a>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="noteref">
    <xsl:variable name="slug" select="ancestor::story[1]/@slug"/>
    <a class="noteref" href="#note-{$slug}-{@n}">
      <xsl:if test="not(preceding::noteref[@n = current()/@n]
                        [ancestor::story[1]/@slug = $slug])">
        <xsl:attribute name="id">noteref-<xsl:value-of select="concat($slug, '-', @n)"/></xsl:attribute>
      </xsl:if>
      <xsl:value-of select="."/>
    </a>
  </xsl:template>

  <!-- A table scrolls inside its own box (tabindex: reachable by the
       keyboard), so that a wide one never widens the page.  A cell that
       is a number is set right-aligned in tabular figures. -->
  <xsl:template match="table">
    <div class="table-wrap" tabindex="0">
      <table>
        <xsl:apply-templates/>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="thead | tbody">
    <xsl:element name="{local-name()}"><xsl:apply-templates/></xsl:element>
  </xsl:template>

  <xsl:template match="row">
    <tr><xsl:apply-templates/></tr>
  </xsl:template>

  <xsl:template match="cell">
    <xsl:variable name="num"
        select="normalize-space(.) != '' and
                translate(normalize-space(.), '0123456789.,%+-−～~ ', '') = ''"/>
    <xsl:element name="{substring('tdth', 1 + 2 * count(parent::row/parent::thead), 2)}">
      <xsl:if test="@align or $num">
        <xsl:attribute name="class">
          <xsl:if test="@align">
            <xsl:value-of select="concat('align-', @align)"/>
          </xsl:if>
          <xsl:if test="@align and $num"><xsl:text> </xsl:text></xsl:if>
          <xsl:if test="$num">num</xsl:if>
        </xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- ================================================================
       Inlines
       ================================================================ -->

  <xsl:template match="strong">
    <strong><xsl:apply-templates/></strong>
  </xsl:template>

  <xsl:template match="em">
    <em><xsl:apply-templates/></em>
  </xsl:template>

  <xsl:template match="code">
    <code><xsl:value-of select="."/></code>
  </xsl:template>

  <xsl:template match="a">
    <a href="{@href}">
      <xsl:if test="@title">
        <xsl:attribute name="title"><xsl:value-of select="@title"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </a>
  </xsl:template>

  <xsl:template match="br">
    <br/>
  </xsl:template>

  <!-- ================================================================
       Strings
       ================================================================ -->

  <!-- $s with every $from replaced by $to. -->
  <xsl:template name="replace">
    <xsl:param name="s"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="function-available('press:replace')">
        <xsl:value-of select="press:replace($s, $from, $to)"/>
      </xsl:when>
      <xsl:when test="contains($s, $from)">
        <xsl:value-of select="substring-before($s, $from)"/>
        <xsl:value-of select="$to"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="s" select="substring-after($s, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $s escaped for a double-quoted HTML attribute written as text. -->
  <xsl:template name="escape-attr">
    <xsl:param name="s"/>
    <xsl:if test="function-available('press:escape-attr')">
      <xsl:value-of select="press:escape-attr($s)"/>
    </xsl:if>
    <xsl:if test="not(function-available('press:escape-attr'))">
      <xsl:call-template name="escape-attr-1">
        <xsl:with-param name="s" select="$s"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="escape-attr-1">
    <xsl:param name="s"/>
    <xsl:variable name="amp">
      <xsl:call-template name="replace">
        <xsl:with-param name="s" select="$s"/>
        <xsl:with-param name="from" select="'&amp;'"/>
        <xsl:with-param name="to" select="'&amp;amp;'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="lt">
      <xsl:call-template name="replace">
        <xsl:with-param name="s" select="$amp"/>
        <xsl:with-param name="from" select="'&lt;'"/>
        <xsl:with-param name="to" select="'&amp;lt;'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="replace">
      <xsl:with-param name="s" select="$lt"/>
      <xsl:with-param name="from" select="'&quot;'"/>
      <xsl:with-param name="to" select="'&amp;quot;'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- $s as a JSON string, quotes included.  "<" becomes \u003c so that
       no "</script" can end the script element early. -->
  <xsl:template name="json-string">
    <xsl:param name="s"/>
    <xsl:if test="function-available('press:json-string')">
      <xsl:value-of select="press:json-string($s)"/>
    </xsl:if>
    <xsl:if test="not(function-available('press:json-string'))">
      <xsl:call-template name="json-string-1">
        <xsl:with-param name="s" select="$s"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="json-string-1">
    <xsl:param name="s"/>
    <xsl:variable name="bs">
      <xsl:call-template name="replace">
        <xsl:with-param name="s" select="string($s)"/>
        <xsl:with-param name="from" select="'\'"/>
        <xsl:with-param name="to" select="'\\'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="q">
      <xsl:call-template name="replace">
        <xsl:with-param name="s" select="$bs"/>
        <xsl:with-param name="from" select="'&quot;'"/>
        <xsl:with-param name="to" select="'\&quot;'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="lt">
      <xsl:call-template name="replace">
        <xsl:with-param name="s" select="$q"/>
        <xsl:with-param name="from" select="'&lt;'"/>
        <xsl:with-param name="to" select="'\u003c'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:text>"</xsl:text>
    <!-- Line breaks and tabs never occur in heads; spaces stand in. -->
    <xsl:value-of select="translate($lt, '&#10;&#13;&#9;', '   ')"/>
    <xsl:text>"</xsl:text>
  </xsl:template>

</xsl:stylesheet>
