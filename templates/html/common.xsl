<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: what the four web-edition stylesheets share.  Imported by
  story.xsl, page.xsl, issue.xsl and archive.xsl; never applied on its own.

  Provides
    named template "html"       the HTML document: doctype, head, body.
                                Params: title (string), class (body class),
                                content (result tree: what goes in <body>).
    mode "story"  (story)       one story, complete: <article> with the
                                headline block and the body.  Param link:
                                true() makes the headline a link to
                                {@slug}.html.
    mode "headline" (story)     the headline block alone (kicker, headline,
                                subtitles), for tables of contents.
    named template "date"       <time> with the date as 2024年6月11日.
    named template "lang"       the document language (xml:lang or zh-CN).
    named template "archive-link"  往期 -> {$root}index.html, if $root != "".
    default mode                body blocks and inlines of press.rng.

  Headings: a story headline is h{$headline-level}; a subhead of level L is
  h{$headline-level + L}, at most h6.  $headline-level is 1 here, so a
  story page has h1 headline and level 1 -> h2; page.xsl, where the page
  title is the h1, sets it to 2.

  Text: every character of head and body is output, whitespace included;
  only element-only content is stripped below.  Mixed content (p, subhead,
  caption, credit, strong, em, a, kicker, headline, ...) is copied as is.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- Elements whose content is elements only: whitespace between them,
       should a producer ever indent them, is not text. -->
  <xsl:strip-space elements="archive issue page story head byline body
                             quote list item figure"/>

  <!-- Prefix from the output file to the site root, where press.css is:
       "" or "../".  Redeclared by each stylesheet for its contract. -->
  <xsl:param name="root" select="''"/>

  <!-- Heading level of a story headline; see above. -->
  <xsl:variable name="headline-level" select="1"/>

  <!-- ================================================================
       Document skeleton
       ================================================================ -->

  <!--
    The head's opening part is written as text on purpose.  When the
    output method is html, libxslt (xsltSaveResultTo -> htmlSetMetaEncoding)
    adds <meta http-equiv="Content-Type" ...> to a <head> element or next
    to any <meta> element it finds, which next to <meta charset> makes two
    encoding declarations (invalid HTML5).  It finds neither here, so the
    output has exactly one: <meta charset="utf-8">.  Only fixed strings go
    through disable-output-escaping; the title and the stylesheet link
    are ordinary nodes and escaped as usual.
  -->
  <xsl:template name="html">
    <xsl:param name="title"/>
    <xsl:param name="class"/>
    <xsl:param name="content"/>
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html>
      <xsl:attribute name="lang">
        <xsl:call-template name="lang"/>
      </xsl:attribute>
      <xsl:text disable-output-escaping="yes">&lt;head&gt;&lt;meta charset="utf-8"&gt;&lt;meta name="viewport" content="width=device-width, initial-scale=1"&gt;</xsl:text>
      <title><xsl:value-of select="$title"/></title>
      <link rel="stylesheet" href="{$root}press.css"/>
      <xsl:text disable-output-escaping="yes">&lt;/head&gt;</xsl:text>
      <body>
        <xsl:if test="$class != ''">
          <xsl:attribute name="class"><xsl:value-of select="$class"/></xsl:attribute>
        </xsl:if>
        <xsl:copy-of select="$content"/>
      </body>
    </html>
  </xsl:template>

  <!-- Link to the site index (archive.xsl output at the site root), when
       the page lives below the root. -->
  <xsl:template name="archive-link">
    <xsl:if test="$root != ''">
      <a class="archive-link" href="{$root}index.html">往期</a>
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
        <xsl:apply-templates select="body/*"/>
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
    <xsl:param name="prefix" select="''"/>
    <xsl:for-each select="head/kicker">
      <p class="kicker"><xsl:apply-templates/></p>
    </xsl:for-each>
    <xsl:element name="h{$level}">
      <xsl:attribute name="class">headline</xsl:attribute>
      <xsl:choose>
        <xsl:when test="$link">
          <a href="{$prefix}{@slug}.html"><xsl:apply-templates select="head/headline/node()"/></a>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="head/headline/node()"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
    <xsl:for-each select="head/subtitle">
      <p class="subtitle"><xsl:apply-templates/></p>
    </xsl:for-each>
  </xsl:template>

  <!-- ================================================================
       Dateline and byline
       本报讯（记者 崔欣 通讯员 宋雅欣）: the dateline, then the byline in
       full-width brackets.  Byline: each role label once before a run
       of consecutive contributors of that role, ASCII spaces between.
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

  <xsl:template match="contributor" mode="byline">
    <xsl:if test="position() &gt; 1">
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:if test="not(preceding-sibling::contributor[1]/@role = @role)">
      <xsl:call-template name="role-label"/>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template name="role-label">
    <xsl:param name="role" select="@role"/>
    <xsl:choose>
      <xsl:when test="$role = 'reporter'">记者</xsl:when>
      <xsl:when test="$role = 'correspondent'">通讯员</xsl:when>
      <xsl:when test="$role = 'intern'">实习生</xsl:when>
      <xsl:when test="$role = 'photographer'">摄影</xsl:when>
      <xsl:when test="$role = 'author'">作者</xsl:when>
      <xsl:otherwise><xsl:value-of select="$role"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       Body blocks (default mode)
       ================================================================ -->

  <xsl:template match="p">
    <p>
      <!-- The first paragraph of a story opens with the dateline. -->
      <xsl:if test="parent::body and not(preceding-sibling::*)">
        <xsl:apply-templates select="../../head/dateline" mode="run-in"/>
      </xsl:if>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <xsl:template match="subhead">
    <xsl:variable name="n" select="$headline-level + @level"/>
    <xsl:element name="h{substring('123456666666', $n, 1)}">
      <xsl:attribute name="class">subhead</xsl:attribute>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="figure">
    <figure>
      <img src="{@href}">
        <xsl:attribute name="alt">
          <xsl:choose>
            <xsl:when test="caption">
              <xsl:value-of select="normalize-space(caption)"/>
            </xsl:when>
            <!-- No caption: the headline says what the photo shows. -->
            <xsl:otherwise>
              <xsl:value-of select="normalize-space(ancestor::story[1]/head/headline)"/>
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
      <xsl:if test="@start">
        <xsl:attribute name="start"><xsl:value-of select="@start"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </ol>
  </xsl:template>

  <xsl:template match="list">
    <ul><xsl:apply-templates/></ul>
  </xsl:template>

  <xsl:template match="item">
    <li><xsl:apply-templates/></li>
  </xsl:template>

  <!-- An HTML parser drops one newline right after <pre>: when the text
       starts with one, write one more so that it survives. -->
  <xsl:template match="pre">
    <pre>
      <xsl:if test="starts-with(., '&#10;')">
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
      <xsl:value-of select="."/>
    </pre>
  </xsl:template>

  <xsl:template match="hr">
    <hr/>
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

</xsl:stylesheet>
