<?xml version="1.0" encoding="UTF-8"?>
<!--
  issue.xsl: the e-mail edition of an issue, mail/{issue}.eml: one MIME
  message (RFC 5322, 2045-2047), ready for `sendmail -t <` or any mailing
  program.

    headers    From (the paper's name and mail.xml's address), To
               (mail.xml), Subject (the issue's title, as the web
               edition's issue page has it: 劳动午报 2024年6月11日 第1期,
               RFC 2047 encoded), Date (the issue's date, 06:00 Beijing
               time), Message-ID (when paper.yaml has a url)
    body       multipart/alternative: a plain-text part that reads on its
               own (format=flowed), then an HTML part laid out for mail
               clients (tables 600 px wide, every style inline: the
               stories as wechat/look.xsl styles them, links kept and made
               absolute).  Headlines link to the story on the site, photos
               are the site's, never attached.

  Both parts are UTF-8 sent as 8bit (RFC 6152: every mail server of
  today takes it): no line is longer than 998 octets because the parts
  are broken after each sentence, where no reader sees it (a soft line
  break of format=flowed with delsp=yes; an empty HTML comment).  The
  header lines are ASCII.  Line ends are LF, as a mail file on a Unix
  system has them; the mail server sends CRLF.

  Params: issue (the issue's id).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:str="http://exslt.org/strings"
                xmlns:exsl="http://exslt.org/common"
                xmlns:press="urn:press:xslt"
                extension-element-prefixes="str exsl"
                exclude-result-prefixes="press">

  <xsl:import href="../wechat/look.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- Links stay links in mail. -->
  <xsl:variable name="refs" select="false()"/>

  <xsl:variable name="mail" select="document('mail.xml')/mail"/>

  <xsl:variable name="boundary" select="concat('=_press_', /issue/@id)"/>

  <xsl:variable name="date">
    <xsl:call-template name="date-text">
      <xsl:with-param name="date" select="/issue/@date"/>
    </xsl:call-template>
  </xsl:variable>

  <!-- The issue's title, as html/issue.xsl titles the issue's page. -->
  <xsl:variable name="title">
    <xsl:value-of select="concat(/issue/@paper, ' ', $date)"/>
    <xsl:if test="/issue/@number">
      <xsl:value-of select="concat(' 第', /issue/@number, '期')"/>
    </xsl:if>
  </xsl:variable>

  <!-- The issue's and a story's pages on the site. -->
  <xsl:variable name="issue-url">
    <xsl:if test="$site-url != ''">
      <xsl:value-of select="concat($site-url, /issue/@id, '/')"/>
    </xsl:if>
  </xsl:variable>

  <xsl:variable name="s-frame" select="'width: 100%; max-width: 600px; border-collapse: collapse;'"/>
  <xsl:variable name="s-cell" select="'padding: 0 20px;'"/>
  <xsl:variable name="s-paper" select="concat('margin: 0; padding: 20px 0 4px; font-family: ', $kai, '; font-size: 40px; font-weight: bold; line-height: 1.2; letter-spacing: .2em; text-align: center; color: ', $accent, ';')"/>
  <xsl:variable name="s-ear" select="concat('margin: 0; padding: 0 0 8px; font-family: ', $hei, '; font-size: 13px; line-height: 1.6; text-align: center; color: ', $muted, '; border-bottom: 3px double ', $ink, ';')"/>
  <xsl:variable name="s-toc-head" select="concat('margin: 16px 0 4px; font-family: ', $hei, '; font-size: 15px; font-weight: bold; color: ', $ink, ';')"/>
  <xsl:variable name="s-toc" select="concat('margin: 0 0 2px; font-family: ', $hei, '; font-size: 14px; line-height: 1.6; color: ', $ink, ';')"/>
  <xsl:variable name="s-running" select="concat('margin: 28px 0 12px; padding: 0 0 4px; font-family: ', $hei, '; font-size: 15px; font-weight: bold; color: ', $accent, '; border-bottom: 2px solid ', $ink, ';')"/>
  <xsl:variable name="s-banner" select="concat('margin: 0 0 12px; padding: 4px 0; font-family: ', $song, '; font-size: 16px; font-weight: bold; text-align: center; color: ', $accent, '; border-top: 1px solid ', $accent, '; border-bottom: 1px solid ', $accent, ';')"/>
  <xsl:variable name="s-story" select="concat('padding: 12px 20px 8px; border-top: 1px solid ', $rule, ';')"/>
  <xsl:variable name="s-headline-mail" select="concat('margin: .2em 0; font-family: ', $song, '; font-size: 21px; font-weight: bold; line-height: 1.35; color: ', $ink, '; text-align: center;')"/>
  <xsl:variable name="s-footer" select="concat('padding: 16px 20px 24px; font-family: ', $hei, '; font-size: 13px; line-height: 1.6; text-align: center; color: ', $muted, '; border-top: 3px double ', $ink, ';')"/>

  <!-- ================================================================
       The message
       ================================================================ -->

  <xsl:template match="/">
    <xsl:apply-templates select="issue"/>
  </xsl:template>

  <xsl:template match="issue">
    <xsl:variable name="headers">
      <xsl:text>From: </xsl:text>
      <xsl:call-template name="encode-word">
        <xsl:with-param name="s" select="@paper"/>
        <xsl:with-param name="used" select="6"/>
      </xsl:call-template>
      <xsl:value-of select="concat(' &lt;', normalize-space($mail/from), '&gt;&#10;')"/>
      <xsl:value-of select="concat('To: ', normalize-space($mail/to), '&#10;')"/>
      <xsl:text>Subject: </xsl:text>
      <xsl:call-template name="encode-word">
        <xsl:with-param name="s" select="$title"/>
        <xsl:with-param name="used" select="9"/>
      </xsl:call-template>
      <xsl:text>&#10;Date: </xsl:text>
      <xsl:call-template name="rfc5322-date"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:if test="$site-url != ''">
        <xsl:value-of select="concat('Message-ID: &lt;', @id, '.mail@',
                              substring-before(concat(substring-after($site-url, '//'), '/'), '/'), '&gt;&#10;')"/>
      </xsl:if>
      <xsl:text>MIME-Version: 1.0&#10;</xsl:text>
      <xsl:value-of select="concat('Content-Type: multipart/alternative; boundary=&quot;', $boundary, '&quot;&#10;')"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:text>This is a message in MIME format: a plain-text and an HTML version.&#10;</xsl:text>
      <xsl:value-of select="concat('&#10;--', $boundary, '&#10;')"/>
      <xsl:text>Content-Type: text/plain; charset=UTF-8; format=flowed; delsp=yes&#10;</xsl:text>
      <xsl:text>Content-Transfer-Encoding: 8bit&#10;&#10;</xsl:text>
    </xsl:variable>
    <xsl:value-of select="$headers" disable-output-escaping="yes"/>
    <xsl:apply-templates select="." mode="text"/>
    <xsl:value-of select="concat('&#10;--', $boundary, '&#10;')" disable-output-escaping="yes"/>
    <xsl:text>Content-Type: text/html; charset=UTF-8&#10;</xsl:text>
    <xsl:text>Content-Transfer-Encoding: 8bit&#10;&#10;</xsl:text>
    <xsl:apply-templates select="." mode="html"/>
    <xsl:value-of select="concat('&#10;--', $boundary, '--&#10;')" disable-output-escaping="yes"/>
  </xsl:template>

  <!-- Date: Tue, 11 Jun 2024 06:00:00 +0800 (the morning of the issue's
       date in Beijing). -->
  <xsl:template name="rfc5322-date">
    <xsl:variable name="d" select="/issue/@date"/>
    <xsl:variable name="wd" select="string-length(substring-before('一二三四五六日', substring(/issue/@weekday, 3, 1)))"/>
    <xsl:value-of select="concat(substring('MonTueWedThuFriSatSun', 3 * $wd + 1, 3), ', ',
                          number(substring($d, 9, 2)), ' ',
                          substring('JanFebMarAprMayJunJulAugSepOctNovDec', 3 * (number(substring($d, 6, 2)) - 1) + 1, 3), ' ',
                          substring($d, 1, 4), ' 06:00:00 +0800')"/>
  </xsl:template>

  <!-- $s as RFC 2047 encoded words (UTF-8, Q): each at most 75
       characters, folded onto lines of their own; $used: the characters
       already on the first line.  A character is never split between
       two words. -->
  <xsl:template name="encode-word">
    <xsl:param name="s"/>
    <xsl:param name="used" select="0"/>
    <xsl:text>=?UTF-8?Q?</xsl:text>
    <xsl:call-template name="q-chars">
      <xsl:with-param name="s" select="$s"/>
      <xsl:with-param name="len" select="12 + $used"/>
    </xsl:call-template>
    <xsl:text>?=</xsl:text>
  </xsl:template>

  <!-- The Q encoding of $s, "?=&#10; =?UTF-8?Q?" between two words when
       the next character would make the word longer than 75. -->
  <xsl:template name="q-chars">
    <xsl:param name="s"/>
    <xsl:param name="len" select="12"/>
    <xsl:if test="$s != ''">
      <xsl:variable name="c" select="substring($s, 1, 1)"/>
      <xsl:variable name="q">
        <xsl:choose>
          <xsl:when test="$c = ' '">_</xsl:when>
          <xsl:when test="$c = '_'">=5F</xsl:when>
          <xsl:when test="translate($c, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', '') = ''">
            <xsl:value-of select="$c"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="translate(str:encode-uri($c, true()), '%', '=')"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="fits" select="$len + string-length($q) &lt;= 75"/>
      <xsl:if test="not($fits)">
        <xsl:text>?=&#10; =?UTF-8?Q?</xsl:text>
      </xsl:if>
      <xsl:value-of select="$q"/>
      <xsl:call-template name="q-chars">
        <xsl:with-param name="s" select="substring($s, 2)"/>
        <xsl:with-param name="len" select="string-length($q) + 12 * not($fits) + $len * $fits"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================
       The HTML part: a 600 px table, every style inline
       ================================================================ -->

  <xsl:template match="issue" mode="html">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="zh-CN">
      <xsl:text disable-output-escaping="yes">&lt;head&gt;&lt;meta charset="utf-8"&gt;&lt;meta name="viewport" content="width=device-width, initial-scale=1"&gt;</xsl:text>
      <title><xsl:value-of select="$title"/></title>
      <xsl:text disable-output-escaping="yes">&lt;/head&gt;&#10;</xsl:text>
      <body style="margin: 0; padding: 0; background-color: #f2eee5;">
        <xsl:text>&#10;</xsl:text>
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width: 100%; border-collapse: collapse; background-color: #f2eee5;">
          <tr><td align="center" style="padding: 12px 0;">
            <xsl:text>&#10;</xsl:text>
            <table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="{$s-frame} background-color: #fbfaf6;">
              <xsl:text>&#10;</xsl:text>
              <tr><td style="{$s-cell}">
                <xsl:apply-templates select="." mode="masthead"/>
              </td></tr>
              <xsl:text>&#10;</xsl:text>
              <xsl:for-each select="page">
                <tr><td style="{$s-cell}">
                  <p style="{$s-running}">
                    <xsl:value-of select="concat('第', @no, '版　', @name)"/>
                    <xsl:if test="@editor">
                      <span style="{concat('font-weight: normal; font-size: 13px; color: ', $muted, ';')}">
                        <xsl:value-of select="concat('　责任编辑：', @editor)"/>
                      </span>
                    </xsl:if>
                  </p>
                  <xsl:if test="@banner">
                    <xsl:text>&#10;</xsl:text>
                    <p style="{$s-banner}"><xsl:value-of select="@banner"/></p>
                  </xsl:if>
                </td></tr>
                <xsl:text>&#10;</xsl:text>
                <xsl:for-each select="story">
                  <tr><td style="{$s-story}">
                    <xsl:text>&#10;</xsl:text>
                    <xsl:apply-templates select="." mode="article">
                      <xsl:with-param name="link" select="concat($issue-url, @slug, '.html')"/>
                      <xsl:with-param name="headline">
                        <xsl:choose>
                          <xsl:when test="@slot = 'lead'"><xsl:value-of select="$s-headline"/></xsl:when>
                          <xsl:otherwise><xsl:value-of select="$s-headline-mail"/></xsl:otherwise>
                        </xsl:choose>
                      </xsl:with-param>
                    </xsl:apply-templates>
                  </td></tr>
                  <xsl:text>&#10;</xsl:text>
                </xsl:for-each>
              </xsl:for-each>
              <tr><td style="{$s-footer}">
                <xsl:if test="$issue-url != ''">
                  <a href="{$issue-url}" style="{$s-link}">在网页上阅读本期</a>
                  <br/>
                </xsl:if>
                <xsl:value-of select="concat('《', @paper, '》')"/>
                <xsl:if test="@publisher">
                  <xsl:value-of select="concat(' ', @publisher, '主办')"/>
                </xsl:if>
              </td></tr>
              <xsl:text>&#10;</xsl:text>
            </table>
            <xsl:text>&#10;</xsl:text>
          </td></tr>
        </table>
        <xsl:text>&#10;</xsl:text>
      </body>
    </html>
  </xsl:template>

  <!-- 报头: the paper's name, then publisher, date, 农历 and number; the
       day's headlines by page, linking to the stories. -->
  <xsl:template match="issue" mode="masthead">
    <p style="{$s-paper}">
      <xsl:choose>
        <xsl:when test="$issue-url != ''">
          <a href="{$issue-url}" style="color: {$accent}; text-decoration: none;"><xsl:value-of select="@paper"/></a>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="@paper"/></xsl:otherwise>
      </xsl:choose>
    </p>
    <xsl:text>&#10;</xsl:text>
    <p style="{$s-ear}"><xsl:apply-templates select="." mode="ear"/></p>
    <xsl:text>&#10;</xsl:text>
    <p style="{$s-toc-head}">本期要目</p>
    <xsl:text>&#10;</xsl:text>
    <xsl:for-each select="page/story">
      <p style="{$s-toc}">
        <span style="color: {$muted};"><xsl:value-of select="concat('第', ../@no, '版　')"/></span>
        <a href="{$issue-url}{@slug}.html" style="color: {$ink}; text-decoration: none;">
          <xsl:value-of select="head/headline"/>
        </a>
      </p>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="issue" mode="ear">
    <xsl:if test="@publisher">
      <xsl:value-of select="concat(@publisher, '主办　')"/>
    </xsl:if>
    <xsl:value-of select="concat($date, ' ', @weekday)"/>
    <xsl:if test="@lunar">
      <xsl:value-of select="concat('　农历', @lunar)"/>
    </xsl:if>
    <xsl:if test="@number">
      <xsl:value-of select="concat('　第', @number, '期')"/>
    </xsl:if>
  </xsl:template>

  <!-- Body text: a line break after each clause and sentence (。，；！？
       and a closing mark after it), inside an empty comment, so that no
       line of the part is longer than 998 octets.  The text is escaped
       here and written as it is.  Each text is gone over a fixed number
       of times, whatever its length and its number of marks: EXSLT's
       str:replace() replaces every string of a node-set in one pass. -->
  <xsl:variable name="break" select="'&lt;!--&#10;--&gt;'"/>

  <xsl:variable name="html-marks-rtf">
    <f>&amp;</f><t>&amp;amp;</t>
    <f>&lt;</f><t>&amp;lt;</t>
    <f>&gt;</f><t>&amp;gt;</t>
    <xsl:call-template name="marks">
      <xsl:with-param name="marks" select="'。，；！？'"/>
      <xsl:with-param name="break" select="$break"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="html-marks" select="exsl:node-set($html-marks-rtf)"/>

  <xsl:variable name="text-marks-rtf">
    <xsl:call-template name="marks">
      <xsl:with-param name="marks" select="'。！？'"/>
      <xsl:with-param name="break" select="' &#10;'"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="text-marks" select="exsl:node-set($text-marks-rtf)"/>

  <!-- The closing marks a break is moved past. -->
  <xsl:variable name="closing-marks" select="'”’）」』'"/>

  <!-- The replacements for break-after: <f> each of $marks, <t> it with
       $break after it; <cf> $break before a closing mark, <ct> the
       closing mark before $break. -->
  <xsl:template name="marks">
    <xsl:param name="marks"/>
    <xsl:param name="break"/>
    <xsl:param name="closing" select="$closing-marks"/>
    <xsl:if test="$marks != ''">
      <xsl:variable name="m" select="substring($marks, 1, 1)"/>
      <f><xsl:value-of select="$m"/></f>
      <t><xsl:value-of select="concat($m, $break)"/></t>
      <xsl:call-template name="marks">
        <xsl:with-param name="marks" select="substring($marks, 2)"/>
        <xsl:with-param name="break" select="$break"/>
        <xsl:with-param name="closing" select="''"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$closing != ''">
      <xsl:variable name="c" select="substring($closing, 1, 1)"/>
      <cf><xsl:value-of select="concat($break, $c)"/></cf>
      <ct><xsl:value-of select="concat($c, $break)"/></ct>
      <xsl:call-template name="marks">
        <xsl:with-param name="marks" select="''"/>
        <xsl:with-param name="break" select="$break"/>
        <xsl:with-param name="closing" select="substring($closing, 2)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="text()[ancestor::body]">
    <xsl:call-template name="break-after">
      <xsl:with-param name="s" select="string(.)"/>
      <xsl:with-param name="marks" select="$html-marks"/>
      <xsl:with-param name="after" select="'。，；！？'"/>
      <xsl:with-param name="break" select="$break"/>
      <xsl:with-param name="escape" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- $s (escaped first with $escape) with $break after each of the
       characters $after, moved past the closing marks after it (twice:
       past two, as in 。”’).  Written unescaped.  press:break-after()
       does it in one pass; without it (xsltproc), each <f> of $marks
       is made its <t>, and each <cf> its <ct> twice. -->
  <xsl:template name="break-after">
    <xsl:param name="s"/>
    <xsl:param name="marks"/>
    <xsl:param name="after"/>
    <xsl:param name="break"/>
    <xsl:param name="escape" select="false()"/>
    <xsl:choose>
      <xsl:when test="function-available('press:break-after')">
        <xsl:variable name="e">
          <xsl:choose>
            <xsl:when test="$escape">
              <xsl:value-of select="press:replace(press:replace(press:replace($s,
                                    '&amp;', '&amp;amp;'), '&lt;', '&amp;lt;'),
                                    '&gt;', '&amp;gt;')"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:value-of select="press:break-after($e, $after, $closing-marks, $break)"
                      disable-output-escaping="yes"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="b" select="str:replace($s, $marks/f, $marks/t)"/>
        <xsl:value-of select="str:replace(str:replace($b, $marks/cf, $marks/ct), $marks/cf, $marks/ct)"
                      disable-output-escaping="yes"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       The plain-text part (format=flowed, delsp=yes: a line ending in a
       space runs on into the next, the space dropped)
       ================================================================ -->

  <xsl:template match="issue" mode="text">
    <xsl:variable name="head">
      <xsl:value-of select="concat(@paper, '&#10;')"/>
      <xsl:apply-templates select="." mode="ear"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:if test="$issue-url != ''">
        <xsl:value-of select="concat('网页版：', $issue-url, '&#10;')"/>
      </xsl:if>
      <xsl:text>&#10;本期要目&#10;</xsl:text>
      <xsl:for-each select="page/story">
        <xsl:value-of select="concat('第', ../@no, '版　', head/headline, '&#10;')"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="$head" disable-output-escaping="yes"/>
    <xsl:for-each select="page">
      <xsl:value-of select="concat('&#10;&#10;━━━━ 第', @no, '版　', @name, ' ━━━━&#10;')" disable-output-escaping="yes"/>
      <xsl:if test="@banner">
        <xsl:value-of select="concat(@banner, '&#10;')" disable-output-escaping="yes"/>
      </xsl:if>
      <xsl:for-each select="story">
        <xsl:text>&#10;</xsl:text>
        <xsl:apply-templates select="." mode="text"/>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:value-of select="concat('&#10;━━━━━━━━&#10;《', @paper, '》')" disable-output-escaping="yes"/>
    <xsl:if test="@publisher">
      <xsl:value-of select="concat(' ', @publisher, '主办')" disable-output-escaping="yes"/>
    </xsl:if>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="story" mode="text">
    <xsl:variable name="head">
      <xsl:apply-templates select="." mode="text-head"/>
    </xsl:variable>
    <xsl:value-of select="$head" disable-output-escaping="yes"/>
    <xsl:apply-templates select="body/*" mode="text"/>
  </xsl:template>

  <!-- A block is written as soon as it is made, unescaped (the part is
       plain text, though the message is written by the html method).
       Every block ends in a line break, which is written apart, escaped
       as usual: libxslt appends unescaped text to the unescaped text
       before it, copying all of it, and a story's blocks would make one
       text growing block by block, in time quadratic in its length. -->
  <xsl:template match="body/* | quote/*" mode="text">
    <xsl:param name="prefix" select="''"/>
    <xsl:variable name="t">
      <xsl:apply-templates select="." mode="block">
        <xsl:with-param name="prefix" select="$prefix"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:variable name="n" select="string-length($t) - (substring($t, string-length($t)) = '&#10;')"/>
    <xsl:value-of select="substring($t, 1, $n)" disable-output-escaping="yes"/>
    <xsl:value-of select="substring($t, $n + 1)"/>
  </xsl:template>

  <xsl:template match="story" mode="text-head">
    <xsl:for-each select="head/kicker">
      <xsl:value-of select="concat(normalize-space(.), '&#10;')"/>
    </xsl:for-each>
    <xsl:value-of select="concat('【', normalize-space(head/headline), '】&#10;')"/>
    <xsl:for-each select="head/subtitle">
      <xsl:value-of select="concat(normalize-space(.), '&#10;')"/>
    </xsl:for-each>
    <xsl:if test="head/byline and not(head/dateline)">
      <xsl:apply-templates select="head/byline/contributor" mode="byline"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="$issue-url != ''">
      <xsl:value-of select="concat('全文：', $issue-url, @slug, '.html&#10;')"/>
    </xsl:if>
    <xsl:if test="head/dateline and not(body/*[1][self::p])">
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates select="head/dateline" mode="text-run-in"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="dateline" mode="text-run-in">
    <xsl:value-of select="."/>
    <xsl:if test="../byline/contributor">
      <xsl:text>（</xsl:text>
      <xsl:apply-templates select="../byline/contributor" mode="byline"/>
      <xsl:text>）</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- A paragraph: a blank line before it, a soft break after each of
       its sentences. -->
  <xsl:template match="p" mode="block">
    <xsl:param name="prefix" select="''"/>
    <xsl:variable name="inline">
      <xsl:if test="parent::body and not(preceding-sibling::*[1])">
        <xsl:apply-templates select="../../head/dateline" mode="text-run-in"/>
      </xsl:if>
      <xsl:apply-templates mode="text"/>
    </xsl:variable>
    <xsl:text>&#10;</xsl:text>
    <xsl:value-of select="$prefix"/>
    <xsl:call-template name="flowed">
      <xsl:with-param name="s" select="translate($inline, '&#10;', ' ')"/>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A soft break after each sentence; a line that would start with a
       space is stuffed with one more (RFC 3676). -->
  <xsl:template name="flowed">
    <xsl:param name="s"/>
    <xsl:variable name="b">
      <xsl:call-template name="break-after">
        <xsl:with-param name="s" select="$s"/>
        <xsl:with-param name="marks" select="$text-marks"/>
        <xsl:with-param name="after" select="'。！？'"/>
        <xsl:with-param name="break" select="' &#10;'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="t" select="str:replace($b, ' &#10; ', ' &#10;  ')"/>
    <xsl:choose>
      <xsl:when test="substring($t, string-length($t) - 1) = ' &#10;'">
        <xsl:value-of select="substring($t, 1, string-length($t) - 2)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="subhead" mode="block">
    <xsl:value-of select="concat('&#10;■ ', normalize-space(.), '&#10;')"/>
  </xsl:template>

  <xsl:template match="figure" mode="block">
    <xsl:text>&#10;［图］</xsl:text>
    <xsl:value-of select="normalize-space(caption)"/>
    <xsl:if test="credit">
      <xsl:value-of select="concat('（', normalize-space(credit), '）')"/>
    </xsl:if>
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="photo-src"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="quote" mode="text" priority="1">
    <xsl:apply-templates mode="text">
      <xsl:with-param name="prefix" select="'　　'"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="list" mode="block">
    <xsl:text>&#10;</xsl:text>
    <xsl:for-each select="item">
      <xsl:choose>
        <xsl:when test="../@type = 'ordered'">
          <xsl:value-of select="concat(position() - 1 + (../@start + 1 * not(../@start)), '. ')"/>
        </xsl:when>
        <xsl:otherwise>· </xsl:otherwise>
      </xsl:choose>
      <xsl:variable name="item">
        <xsl:for-each select="*">
          <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
          <xsl:apply-templates select="node()" mode="text"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:value-of select="concat(normalize-space($item), '&#10;')"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Code as written, each line indented by four spaces (so none
       starts with the one space that RFC 3676 would take off). -->
  <xsl:template match="pre" mode="block">
    <xsl:variable name="code">
      <xsl:choose>
        <xsl:when test="substring(., string-length(.)) = '&#10;'">
          <xsl:value-of select="substring(., 1, string-length(.) - 1)"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="concat('&#10;    ', str:replace($code, '&#10;', '&#10;    '), '&#10;')"/>
  </xsl:template>

  <xsl:template match="hr" mode="block">
    <xsl:text>&#10;＊　＊　＊&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="table" mode="block">
    <xsl:text>&#10;</xsl:text>
    <xsl:for-each select=".//row">
      <xsl:for-each select="cell">
        <xsl:if test="position() &gt; 1"><xsl:text>｜</xsl:text></xsl:if>
        <xsl:variable name="cell"><xsl:apply-templates mode="text"/></xsl:variable>
        <xsl:value-of select="normalize-space($cell)"/>
      </xsl:for-each>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <!-- Verse: each line a line (hard breaks), a blank line between
       stanzas; a line's leading spaces are kept, stuffed. -->
  <xsl:template match="verse" mode="block">
    <xsl:for-each select="stanza">
      <xsl:text>&#10;</xsl:text>
      <xsl:for-each select="line">
        <xsl:variable name="line"><xsl:apply-templates mode="text"/></xsl:variable>
        <xsl:if test="starts-with($line, ' ')"><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="concat($line, '&#10;')"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="notes" mode="block">
    <xsl:text>&#10;注释&#10;</xsl:text>
    <xsl:for-each select="note">
      <xsl:variable name="note">
        <xsl:for-each select="*">
          <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
          <xsl:apply-templates select="node()" mode="text"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:value-of select="concat(@mark, ' ', normalize-space($note), '&#10;')"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Inlines: their text; a link's address after it in <>, as plain
       text marks an address (RFC 3986, appendix C). -->
  <xsl:template match="a" mode="text">
    <xsl:apply-templates mode="text"/>
    <xsl:if test="not(starts-with(@href, '#'))">
      <xsl:text> &lt;</xsl:text>
      <xsl:call-template name="address"/>
      <xsl:text>&gt;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="br" mode="text">
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="strong | em | noteref | code" mode="text">
    <xsl:apply-templates mode="text"/>
  </xsl:template>

  <xsl:template match="text()" mode="text">
    <xsl:value-of select="."/>
  </xsl:template>

</xsl:stylesheet>
