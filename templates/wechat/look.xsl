<?xml version="1.0" encoding="UTF-8"?>
<!--
  look.xsl: a story as a WeChat article carries it, every style inline.
  Imported by wechat/story.xsl, wechat/index.xsl and mail/issue.xsl;
  never applied on its own.

  The 公众号 editor keeps what is pasted into it only as inline style
  attributes: it drops <style>, class, id and script, and ignores
  positioning, float and web fonts.  So every element here carries its
  whole look in style="…", from the variables below (one per role, the
  roles of templates/README.md: body 宋, headline 宋 bold, kicker and
  subtitle 楷, dateline bold 黑, caption 楷, credit 黑 right-aligned);
  the accent is html/look.xml's, the words (role labels) words.xml's,
  both through html/common.xsl, whose named templates (photo-uri,
  date-text, the dateline's byline) this sheet shares with the web
  edition.

  Provides
    mode "article" (story)  the story as one <section>: headline block,
                            body, 注释, and the 引用链接 list
    variable refs           true(): a link becomes its text and a marker
                            [n], its address listed at the end (WeChat
                            articles may not link out); an importing
                            sheet sets it to false() to keep links
                            (mail), made absolute
    named template "address"  a link's address, absolute: relative ones
                            resolved against the story's page on the site
    named template "photo-src"  a photo's address on the site
    the default mode        body blocks and inlines of press.rng, inline
                            styled (overriding the web edition's)
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="../html/common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="issue" select="string(/issue/@id)"/>

  <xsl:variable name="refs" select="true()"/>

  <!-- The story's folder on the site: {url}{issue}/, or, without a url,
       the site folder next to this output (out/site/{issue}/). -->
  <xsl:variable name="story-dir">
    <xsl:choose>
      <xsl:when test="$site-url != ''">
        <xsl:value-of select="concat($site-url, $issue, '/')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('../../site/', $issue, '/')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- Colours: html/look.xml's accent; ink, quiet text and rules as
       press.css's ink, muted and rule properties. -->
  <xsl:variable name="accent" select="normalize-space($look/property[@name = '--accent'])"/>
  <xsl:variable name="ink" select="'#1b1b1b'"/>
  <xsl:variable name="muted" select="'#5a5651'"/>
  <xsl:variable name="rule" select="'#b9b1a3'"/>

  <!-- Font stacks by role: the reader's own fonts only (an article
       cannot bring fonts), CJK first. -->
  <xsl:variable name="song">"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", STSong, SimSun, serif</xsl:variable>
  <xsl:variable name="hei">"PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif</xsl:variable>
  <xsl:variable name="kai">"LXGW WenKai", "AR PL UKai CN", "Kaiti SC", STKaiti, KaiTi, 楷体, serif</xsl:variable>
  <xsl:variable name="mono">ui-monospace, "DejaVu Sans Mono", monospace</xsl:variable>

  <!-- Chinese line breaking, set explicitly (templates/README.md). -->
  <xsl:variable name="breaking">line-break: strict; word-break: normal; overflow-wrap: anywhere; text-autospace: no-autospace;</xsl:variable>

  <!-- The styles, one per role. -->
  <xsl:variable name="s-article" select="concat('margin: 0; padding: 0; font-family: ', $song, '; font-size: 16px; line-height: 1.75; color: ', $ink, '; letter-spacing: 0; text-align: justify; ', $breaking)"/>
  <xsl:variable name="s-head" select="'margin: 0 0 1.25em; text-align: center; word-spacing: .4em;'"/>
  <xsl:variable name="s-kicker" select="concat('margin: 0; font-family: ', $kai, '; font-size: 17px; line-height: 1.5; color: ', $muted, '; text-align: center;')"/>
  <xsl:variable name="s-headline" select="concat('margin: .2em 0; font-family: ', $song, '; font-size: 24px; font-weight: bold; line-height: 1.35; color: ', $ink, '; text-align: center;')"/>
  <xsl:variable name="s-subtitle" select="concat('margin: 0; font-family: ', $kai, '; font-size: 17px; line-height: 1.5; text-align: center;')"/>
  <xsl:variable name="s-byline" select="concat('margin: .5em 0 0; font-family: ', $hei, '; font-size: 14px; color: ', $muted, '; text-align: center; word-spacing: normal;')"/>
  <xsl:variable name="s-p" select="concat('margin: 0 0 .6em; text-indent: 2em; text-align: justify; ', $breaking)"/>
  <xsl:variable name="s-p-flush" select="concat('margin: 0 0 .3em; text-indent: 0; text-align: justify; ', $breaking)"/>
  <xsl:variable name="s-dateline" select="concat('font-family: ', $hei, '; font-weight: bold;')"/>
  <xsl:variable name="s-subhead" select="concat('margin: .9em 0 .4em; font-family: ', $hei, '; font-size: 17px; font-weight: bold; line-height: 1.5; color: ', $ink, '; text-align: left;')"/>
  <xsl:variable name="s-figure" select="'margin: .75em 0; padding: 0; text-align: center;'"/>
  <xsl:variable name="s-img" select="'display: block; width: 100%; max-width: 100%; height: auto; margin: 0 auto;'"/>
  <xsl:variable name="s-caption" select="concat('margin: .35em 0 0; font-family: ', $kai, '; font-size: 15px; line-height: 1.6; text-indent: 0; text-align: justify; ', $breaking)"/>
  <xsl:variable name="s-credit" select="concat('margin: .1em 0 0; font-family: ', $hei, '; font-size: 13px; color: ', $muted, '; text-indent: 0; text-align: right; word-spacing: .25em;')"/>
  <xsl:variable name="s-quote" select="concat('margin: .5em 0 .5em 1em; padding: 0 0 0 1em; border-left: 3px solid ', $rule, ';')"/>
  <xsl:variable name="s-list" select="'margin: .25em 0 .6em; padding: 0 0 0 2em;'"/>
  <xsl:variable name="s-item" select="concat('margin: 0; text-align: justify; ', $breaking)"/>
  <xsl:variable name="s-pre" select="concat('margin: .5em 0; padding: .5em .75em; font-family: ', $mono, '; font-size: 14px; line-height: 1.5; white-space: pre-wrap; overflow-wrap: anywhere; text-align: left; background-color: #f2eee5;')"/>
  <xsl:variable name="s-code" select="concat('font-family: ', $mono, '; font-size: .9em;')"/>
  <xsl:variable name="s-hr" select="concat('margin: 1em 0; border: 0; border-top: 1px solid ', $rule, ';')"/>
  <xsl:variable name="s-verse" select="concat('margin: .75em 0 .75em 2em; font-family: ', $kai, ';')"/>
  <xsl:variable name="s-stanza" select="'margin: 0 0 1em; text-indent: 0; text-align: left; white-space: pre-wrap;'"/>
  <xsl:variable name="s-table" select="'width: 100%; margin: .75em 0; border-collapse: collapse; font-size: 14px; line-height: 1.5;'"/>
  <xsl:variable name="s-th" select="concat('padding: .2em .4em; font-family: ', $hei, '; font-weight: bold; vertical-align: top; border-top: 1px solid ', $ink, '; border-bottom: 1px solid ', $ink, '; ', $breaking)"/>
  <xsl:variable name="s-td" select="concat('padding: .2em .4em; vertical-align: top; border-bottom: 1px solid ', $rule, '; ', $breaking)"/>
  <xsl:variable name="s-notes" select="concat('margin: 1em 0 0; padding: .5em 0 0; border-top: 1px solid ', $rule, '; font-size: 14px;')"/>
  <xsl:variable name="s-notes-head" select="concat('margin: 0 0 .25em; font-family: ', $hei, '; font-size: 14px; font-weight: bold;')"/>
  <xsl:variable name="s-ref" select="concat('font-size: .75em; color: ', $accent, ';')"/>
  <xsl:variable name="s-refs" select="concat('margin: 1.5em 0 0; padding: .5em 0 0; border-top: 1px solid ', $rule, '; font-size: 13px; line-height: 1.6; color: ', $muted, ';')"/>
  <xsl:variable name="s-refs-item" select="'margin: 0 0 .3em; text-indent: 0; text-align: left; word-break: break-all;'"/>
  <xsl:variable name="s-em" select="'font-style: normal; -webkit-text-emphasis: filled dot; text-emphasis: filled dot; -webkit-text-emphasis-position: under right; text-emphasis-position: under right;'"/>
  <xsl:variable name="s-link" select="concat('color: ', $accent, '; text-decoration: underline;')"/>

  <!-- Links: the first link to an address in its story numbers it. -->
  <xsl:key name="link" match="a" use="concat(ancestor::story[1]/@slug, ' ', @href)"/>

  <!-- ================================================================
       The story
       ================================================================ -->

  <!-- $link: the headline links there (mail: the story on the site);
       $headline: the headline's style. -->
  <xsl:template match="story" mode="article">
    <xsl:param name="link" select="''"/>
    <xsl:param name="headline" select="$s-headline"/>
    <section style="{$s-article}">
      <xsl:text>&#10;</xsl:text>
      <section style="{$s-head}">
        <xsl:for-each select="head/kicker">
          <p style="{$s-kicker}"><xsl:apply-templates/></p>
        </xsl:for-each>
        <h1 style="{$headline}">
          <xsl:choose>
            <xsl:when test="$link != ''">
              <a href="{$link}" style="color: {$ink}; text-decoration: none;">
                <xsl:apply-templates select="head/headline/node()"/>
              </a>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="head/headline/node()"/>
            </xsl:otherwise>
          </xsl:choose>
        </h1>
        <xsl:for-each select="head/subtitle">
          <p style="{$s-subtitle}"><xsl:apply-templates/></p>
        </xsl:for-each>
        <xsl:if test="head/byline and not(head/dateline)">
          <p style="{$s-byline}">
            <xsl:apply-templates select="head/byline/contributor" mode="byline"/>
          </p>
        </xsl:if>
      </section>
      <xsl:text>&#10;</xsl:text>
      <xsl:if test="head/dateline and not(body/*[1][self::p])">
        <p style="{$s-p}">
          <xsl:apply-templates select="head/dateline" mode="run-in"/>
        </p>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
      <xsl:apply-templates select="body/*"/>
      <xsl:if test="$refs">
        <xsl:apply-templates select="." mode="references"/>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- 引用链接: each address once, numbered as the markers are, with the
       link's title (or its text) and the address in full. -->
  <xsl:template match="story" mode="references">
    <xsl:variable name="slug" select="@slug"/>
    <xsl:variable name="first"
                  select="body//a[not(starts-with(@href, '#'))]
                          [generate-id() = generate-id(key('link', concat($slug, ' ', @href))[1])]"/>
    <xsl:if test="$first">
      <section style="{$s-refs}">
        <p style="{$s-notes-head}">引用链接</p>
        <xsl:text>&#10;</xsl:text>
        <xsl:for-each select="$first">
          <p style="{$s-refs-item}">
            <xsl:value-of select="concat('[', position(), '] ')"/>
            <xsl:choose>
              <xsl:when test="@title"><xsl:value-of select="@title"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
            </xsl:choose>
            <xsl:text>：</xsl:text>
            <xsl:call-template name="address"/>
          </p>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each>
      </section>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- A link's address as a reader outside the site needs it: absolute
       ones as they are; a path on the site resolved against the story's
       page ({url}{issue}/{slug}.html).  Without a url, as written. -->
  <xsl:template name="address">
    <xsl:param name="href" select="@href"/>
    <xsl:variable name="scheme" select="substring-before($href, ':')"/>
    <xsl:choose>
      <xsl:when test="$scheme != '' and translate($scheme,
                      'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-', '') = ''">
        <xsl:value-of select="$href"/>
      </xsl:when>
      <xsl:when test="$site-url = ''">
        <xsl:value-of select="$href"/>
      </xsl:when>
      <xsl:when test="starts-with($href, '//')">
        <xsl:value-of select="concat(substring-before($site-url, '//'), $href)"/>
      </xsl:when>
      <xsl:when test="starts-with($href, '/')">
        <xsl:value-of select="concat($site-url, substring($href, 2))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="resolve">
          <xsl:with-param name="base" select="concat($issue, '/')"/>
          <xsl:with-param name="path" select="$href"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $path relative to the folder $base (under the site's url, ending in
       /): ./ and ../ taken off, one folder up for each ../ -->
  <xsl:template name="resolve">
    <xsl:param name="base"/>
    <xsl:param name="path"/>
    <xsl:choose>
      <xsl:when test="starts-with($path, './')">
        <xsl:call-template name="resolve">
          <xsl:with-param name="base" select="$base"/>
          <xsl:with-param name="path" select="substring($path, 3)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="starts-with($path, '../')">
        <xsl:call-template name="resolve">
          <xsl:with-param name="base">
            <xsl:call-template name="parent">
              <xsl:with-param name="dir" select="$base"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="path" select="substring($path, 4)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($site-url, $base, $path)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a/b/ -> a/; a/ -> "" -->
  <xsl:template name="parent">
    <xsl:param name="dir"/>
    <xsl:variable name="rest" select="substring-after($dir, '/')"/>
    <xsl:if test="contains($rest, '/')">
      <xsl:value-of select="concat(substring-before($dir, '/'), '/')"/>
      <xsl:call-template name="parent">
        <xsl:with-param name="dir" select="$rest"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A photo's address on the site. -->
  <xsl:template name="photo-src">
    <xsl:value-of select="$story-dir"/>
    <xsl:call-template name="photo-uri"/>
  </xsl:template>

  <!-- ================================================================
       Body blocks
       ================================================================ -->

  <xsl:template match="dateline" mode="run-in">
    <strong style="{$s-dateline}">
      <xsl:value-of select="."/>
      <xsl:if test="../byline/contributor">
        <xsl:text>（</xsl:text>
        <xsl:apply-templates select="../byline/contributor" mode="byline"/>
        <xsl:text>）</xsl:text>
      </xsl:if>
    </strong>
  </xsl:template>

  <xsl:template match="p">
    <p style="{$s-p}">
      <xsl:if test="parent::body and not(preceding-sibling::*[1])">
        <xsl:apply-templates select="../../head/dateline" mode="run-in"/>
      </xsl:if>
      <xsl:apply-templates/>
    </p>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Paragraphs in lists, quotes' lists and notes: not indented. -->
  <xsl:template match="item/p | note/p">
    <p style="{$s-p-flush}"><xsl:apply-templates/></p>
  </xsl:template>

  <!-- In a tight list an item's paragraphs are its text. -->
  <xsl:template match="list[@tight = 'true']/item/p">
    <xsl:if test="preceding-sibling::*"><br/></xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="subhead">
    <xsl:element name="h{substring('23456666', @level, 1)}">
      <xsl:attribute name="style"><xsl:value-of select="$s-subhead"/></xsl:attribute>
      <xsl:apply-templates/>
    </xsl:element>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="figure">
    <section style="{$s-figure}">
      <img style="{$s-img}">
        <xsl:attribute name="src">
          <xsl:call-template name="photo-src"/>
        </xsl:attribute>
        <xsl:attribute name="alt">
          <xsl:choose>
            <xsl:when test="caption"><xsl:value-of select="normalize-space(caption)"/></xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="normalize-space(ancestor::story[1]/head/headline)"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </img>
      <xsl:text>&#10;</xsl:text>
      <xsl:for-each select="caption">
        <p style="{$s-caption}"><xsl:apply-templates/></p>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
      <xsl:for-each select="credit">
        <p style="{$s-credit}"><xsl:apply-templates/></p>
      </xsl:for-each>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="quote">
    <blockquote style="{$s-quote}"><xsl:apply-templates/></blockquote>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="list">
    <xsl:variable name="name" select="substring('ulol', 1 + 2 * (@type = 'ordered'), 2)"/>
    <xsl:element name="{$name}">
      <xsl:attribute name="style"><xsl:value-of select="$s-list"/></xsl:attribute>
      <xsl:if test="@type = 'ordered' and @start and @start != 1">
        <xsl:attribute name="start"><xsl:value-of select="@start"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="item">
    <li style="{$s-item}"><xsl:apply-templates/></li>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="pre">
    <pre style="{$s-pre}"><code><xsl:value-of select="."/></code></pre>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="hr">
    <hr style="{$s-hr}"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="verse">
    <section style="{$s-verse}"><xsl:apply-templates/></section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="stanza">
    <p style="{$s-stanza}">
      <xsl:for-each select="line">
        <xsl:if test="position() &gt; 1"><br/></xsl:if>
        <xsl:apply-templates/>
      </xsl:for-each>
    </p>
  </xsl:template>

  <xsl:template match="notes">
    <section style="{$s-notes}">
      <p style="{$s-notes-head}">注释</p>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates/>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A note: its mark, then its text; a note of several paragraphs
       takes the mark on its first. -->
  <xsl:template match="note">
    <xsl:choose>
      <xsl:when test="*[1][self::p]">
        <xsl:for-each select="*">
          <xsl:choose>
            <xsl:when test="position() = 1">
              <p style="{$s-p-flush}">
                <xsl:value-of select="concat(../@mark, ' ')"/>
                <xsl:apply-templates/>
              </p>
              <xsl:text>&#10;</xsl:text>
            </xsl:when>
            <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <p style="{$s-p-flush}"><xsl:value-of select="@mark"/></p>
        <xsl:apply-templates/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="noteref">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="table">
    <table style="{$s-table}">
      <xsl:apply-templates/>
    </table>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="row">
    <tr><xsl:apply-templates/></tr>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="cell">
    <xsl:variable name="head" select="boolean(parent::row/parent::thead)"/>
    <xsl:variable name="num"
        select="normalize-space(.) != '' and
                translate(normalize-space(.), '0123456789.,%+-−～~ ', '') = ''"/>
    <xsl:variable name="align">
      <xsl:choose>
        <xsl:when test="@align"><xsl:value-of select="@align"/></xsl:when>
        <xsl:when test="$num">right</xsl:when>
        <xsl:otherwise>left</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{substring('tdth', 1 + 2 * $head, 2)}">
      <xsl:attribute name="style">
        <xsl:choose>
          <xsl:when test="$head"><xsl:value-of select="$s-th"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$s-td"/></xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat(' text-align: ', $align, ';')"/>
        <xsl:if test="$num"> font-variant-numeric: tabular-nums; white-space: nowrap;</xsl:if>
      </xsl:attribute>
      <xsl:apply-templates/>
    </xsl:element>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- ================================================================
       Inlines
       ================================================================ -->

  <xsl:template match="strong">
    <strong style="font-weight: bold;"><xsl:apply-templates/></strong>
  </xsl:template>

  <xsl:template match="em">
    <em style="{$s-em}"><xsl:apply-templates/></em>
  </xsl:template>

  <xsl:template match="code">
    <code style="{$s-code}"><xsl:value-of select="."/></code>
  </xsl:template>

  <!-- A link: in an article its text and the marker of its address
       ([n], listed at the end); in mail a link to the absolute address.
       A link within the story (#…) is its text. -->
  <xsl:template match="a">
    <xsl:variable name="slug" select="ancestor::story[1]/@slug"/>
    <xsl:choose>
      <xsl:when test="starts-with(@href, '#')">
        <xsl:apply-templates/>
      </xsl:when>
      <xsl:when test="$refs">
        <xsl:variable name="first" select="key('link', concat($slug, ' ', @href))[1]"/>
        <xsl:apply-templates/>
        <sup style="{$s-ref}">
          <xsl:value-of select="concat('[', 1 + count($first/preceding::a
                                [ancestor::story[1]/@slug = $slug]
                                [not(starts-with(@href, '#'))]
                                [generate-id() = generate-id(key('link', concat($slug, ' ', @href))[1])]), ']')"/>
        </sup>
      </xsl:when>
      <xsl:otherwise>
        <a style="{$s-link}">
          <xsl:attribute name="href"><xsl:call-template name="address"/></xsl:attribute>
          <xsl:apply-templates/>
        </a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
