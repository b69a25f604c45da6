<?xml version="1.0" encoding="UTF-8"?>
<!--
  nitf.xsl: one story as NITF 3.6 (IPTC's News Industry Text Format,
  namespace http://iptc.org/std/NITF/2006-10-18/), valid against IPTC's
  nitf-3-6.xsd.  Over the issue XML with param slug: the story
  //story[@slug = $slug] (over a <story> alone, that story, without the
  issue's metadata).

  head
    title                 the headline
    meta                  press's own metadata as name and content: slot
                          (lead …) and lines (the estimated lines), where
                          the story has them
    tobject               tobject.type "news", its tobject.property's type
                          the genre (消息, 图片新闻 …), as Superdesk writes it
    docdata               management-status "usable"
      doc-id              id-string "{issue id}/{slug}", regsrc the paper
      urgency             ed-urg 4 for the lead (头条), else 5 (IPTC's
                          normal)
      date.issue          the issue date, norm in ISO 8601 basic form at
                          midnight Beijing time: 20240611T000000+0800
      date.release        the same: free to use when the paper is out
      doc.copyright       holder paper.yaml's copyright, year the issue's
      doc.rights          limitations paper.yaml's rights (the terms of
                          reuse), owner its copyright, startdate the issue's
    pubdata type="print"  name the paper, date.publication as above,
                          number the issue number, position.section the
                          page name, position.sequence the page number,
                          item-length the 字数 (unit-of-measure character)
  body
    body.head
      hedline             hl1 the headline; hl2 class="kicker" for the
                          引题 and hl2 class="subtitle" for each 副题 (NITF
                          wants hl1 first; the class says where it goes)
      byline              as printed (记者 崔欣 通讯员 宋雅欣): the role
                          label a byttl before a run of one role, each name
                          a person holding only the name and an empty
                          function whose value is the role's code
                          (reporter, correspondent …)
      dateline            本报讯
    body.content          p; subheads as hl2 (class="subhead"); photos as
                          media media-type="image" with media-reference
                          source (the path beside the NITF file, as in the
                          issue), media-caption and media-producer (the
                          credit's words, names as person); quotes as bq
                          with one block; lists as ol / ul with li; pre;
                          hr
  Inline: NITF has one emphasis element, em ("can be rendered as bold,
  italics, or another style"): strong -> em class="bold", em -> em
  class="italic", code -> em class="code"; a, br as they are.

  Text is copied as it is: no whitespace is added inside an element that
  may hold text; newlines separate the element-only parts for reading.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://iptc.org/std/NITF/2006-10-18/">

  <!-- The whitespace rules, $story and the words (role labels). -->
  <xsl:import href="../press.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- The paper's time zone, for NITF's normalised dates. -->
  <xsl:param name="tz" select="'+0800'"/>

  <xsl:variable name="the-issue" select="$story/ancestor::issue"/>
  <xsl:variable name="the-page" select="$story/parent::page"/>

  <xsl:variable name="nl" select="'&#10;'"/>

  <!-- ================================================================
       Document
       ================================================================ -->

  <xsl:template match="/">
    <xsl:if test="not($story)">
      <xsl:message terminate="yes">
        <xsl:text>nitf.xsl: no story with slug '</xsl:text>
        <xsl:value-of select="$slug"/>
        <xsl:text>'</xsl:text>
      </xsl:message>
    </xsl:if>
    <xsl:variable name="lang">
      <xsl:choose>
        <xsl:when test="$story/@xml:lang"><xsl:value-of select="$story/@xml:lang"/></xsl:when>
        <xsl:when test="$the-issue/@xml:lang"><xsl:value-of select="$the-issue/@xml:lang"/></xsl:when>
        <xsl:otherwise>zh-CN</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <nitf version="-//IPTC//DTD NITF 3.6//EN" baselang="{$lang}" xml:lang="{$lang}">
      <xsl:value-of select="$nl"/>
      <xsl:apply-templates select="$story" mode="head"/>
      <xsl:apply-templates select="$story" mode="body"/>
    </nitf>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- 2024-06-11 -> 20240611T000000+0800 -->
  <xsl:template name="norm-date">
    <xsl:param name="date"/>
    <xsl:value-of select="concat(translate($date, '-', ''), 'T000000', $tz)"/>
  </xsl:template>

  <!-- ================================================================
       head: metadata
       ================================================================ -->

  <xsl:template match="story" mode="head">
    <xsl:variable name="date">
      <xsl:call-template name="norm-date">
        <xsl:with-param name="date" select="$the-issue/@date"/>
      </xsl:call-template>
    </xsl:variable>
    <head>
      <xsl:value-of select="$nl"/>
      <title><xsl:value-of select="head/headline"/></title>
      <xsl:value-of select="$nl"/>
      <xsl:for-each select="@slot">
        <meta name="slot" content="{.}"/>
        <xsl:value-of select="$nl"/>
      </xsl:for-each>
      <xsl:for-each select="@lines">
        <meta name="lines" content="{.}"/>
        <xsl:value-of select="$nl"/>
      </xsl:for-each>
      <!-- The genre as Superdesk's NITF writes it: the news object's
           property. -->
      <xsl:for-each select="@genre">
        <tobject tobject.type="news">
          <tobject.property tobject.property.type="{.}"/>
        </tobject>
        <xsl:value-of select="$nl"/>
      </xsl:for-each>
      <docdata management-status="usable">
        <xsl:value-of select="$nl"/>
        <doc-id>
          <xsl:if test="$the-issue/@paper">
            <xsl:attribute name="regsrc"><xsl:value-of select="$the-issue/@paper"/></xsl:attribute>
          </xsl:if>
          <xsl:attribute name="id-string">
            <xsl:if test="$the-issue/@id">
              <xsl:value-of select="concat($the-issue/@id, '/')"/>
            </xsl:if>
            <xsl:value-of select="@slug"/>
          </xsl:attribute>
        </doc-id>
        <xsl:value-of select="$nl"/>
        <!-- IPTC urgency, 1 most urgent to 8, 5 normal: the lead 4. -->
        <urgency>
          <xsl:attribute name="ed-urg">
            <xsl:choose>
              <xsl:when test="@slot = 'lead'">4</xsl:when>
              <xsl:otherwise>5</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
        </urgency>
        <xsl:value-of select="$nl"/>
        <xsl:if test="$the-issue/@date">
          <date.issue norm="{$date}"/>
          <xsl:value-of select="$nl"/>
          <!-- Free to use from the issue's date, when the paper is out. -->
          <date.release norm="{$date}"/>
          <xsl:value-of select="$nl"/>
        </xsl:if>
        <xsl:if test="$the-issue/@copyright">
          <doc.copyright holder="{$the-issue/@copyright}">
            <xsl:if test="$the-issue/@date">
              <xsl:attribute name="year"><xsl:value-of select="substring($the-issue/@date, 1, 4)"/></xsl:attribute>
            </xsl:if>
          </doc.copyright>
          <xsl:value-of select="$nl"/>
        </xsl:if>
        <xsl:if test="$the-issue/@rights">
          <doc.rights limitations="{$the-issue/@rights}">
            <xsl:if test="$the-issue/@copyright">
              <xsl:attribute name="owner"><xsl:value-of select="$the-issue/@copyright"/></xsl:attribute>
            </xsl:if>
            <xsl:if test="$the-issue/@date">
              <xsl:attribute name="startdate"><xsl:value-of select="$date"/></xsl:attribute>
            </xsl:if>
          </doc.rights>
          <xsl:value-of select="$nl"/>
        </xsl:if>
      </docdata>
      <xsl:value-of select="$nl"/>
      <pubdata type="print">
        <xsl:if test="$the-issue/@paper">
          <xsl:attribute name="name"><xsl:value-of select="$the-issue/@paper"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="$the-issue/@date">
          <xsl:attribute name="date.publication"><xsl:value-of select="$date"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="$the-issue/@number">
          <xsl:attribute name="number"><xsl:value-of select="$the-issue/@number"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="$the-page">
          <xsl:attribute name="position.section"><xsl:value-of select="$the-page/@name"/></xsl:attribute>
          <xsl:attribute name="position.sequence"><xsl:value-of select="$the-page/@no"/></xsl:attribute>
        </xsl:if>
        <xsl:attribute name="item-length"><xsl:value-of select="@chars"/></xsl:attribute>
        <xsl:attribute name="unit-of-measure">character</xsl:attribute>
      </pubdata>
      <xsl:value-of select="$nl"/>
    </head>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- ================================================================
       body
       ================================================================ -->

  <xsl:template match="story" mode="body">
    <body>
      <xsl:value-of select="$nl"/>
      <body.head>
        <xsl:value-of select="$nl"/>
        <hedline>
          <hl1><xsl:apply-templates select="head/headline/node()"/></hl1>
          <xsl:for-each select="head/kicker">
            <hl2 class="kicker"><xsl:apply-templates/></hl2>
          </xsl:for-each>
          <xsl:for-each select="head/subtitle">
            <hl2 class="subtitle"><xsl:apply-templates/></hl2>
          </xsl:for-each>
        </hedline>
        <xsl:value-of select="$nl"/>
        <xsl:for-each select="head/byline">
          <byline><xsl:apply-templates select="contributor" mode="byline"/></byline>
          <xsl:value-of select="$nl"/>
        </xsl:for-each>
        <xsl:for-each select="head/dateline">
          <dateline><xsl:apply-templates/></dateline>
          <xsl:value-of select="$nl"/>
        </xsl:for-each>
      </body.head>
      <xsl:value-of select="$nl"/>
      <body.content>
        <xsl:value-of select="$nl"/>
        <xsl:for-each select="body/*">
          <xsl:apply-templates select="."/>
          <xsl:value-of select="$nl"/>
        </xsl:for-each>
      </body.content>
      <xsl:value-of select="$nl"/>
    </body>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- A byline as printed: 记者 崔欣 通讯员 宋雅欣.  The role label, as
       byttl, opens a run of one role; each person holds the name, and an
       empty function carries the role's code. -->
  <xsl:template match="contributor" mode="byline">
    <xsl:if test="position() &gt; 1">
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:if test="not(preceding-sibling::contributor[1]/@role = @role and
                      string(preceding-sibling::contributor[1]/@label) = string(@label))">
      <byttl><xsl:call-template name="role-label"/></byttl>
      <xsl:text> </xsl:text>
    </xsl:if>
    <person><function value="{@role}"/><xsl:value-of select="."/></person>
  </xsl:template>

  <!-- ================================================================
       Body blocks
       ================================================================ -->

  <xsl:template match="p">
    <p><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="subhead">
    <hl2 class="subhead"><xsl:apply-templates/></hl2>
  </xsl:template>

  <!-- A photo: its size in pixels (NITF's default unit, said
       explicitly) and the resolution the file states as media-metadata
       (NITF 3.6 has no attribute for it); alternate-text the image's
       title or else the headline, short, as the caption follows in
       media-caption. -->
  <xsl:template match="figure">
    <media media-type="image">
      <xsl:if test="@dpi">
        <media-metadata name="dpi" value="{@dpi}"/>
      </xsl:if>
      <media-reference source="{@href}">
        <xsl:if test="@width and @height">
          <xsl:attribute name="width"><xsl:value-of select="@width"/></xsl:attribute>
          <xsl:attribute name="height"><xsl:value-of select="@height"/></xsl:attribute>
          <xsl:attribute name="units">pixels</xsl:attribute>
        </xsl:if>
        <xsl:attribute name="alternate-text">
          <xsl:choose>
            <xsl:when test="normalize-space(@title) != ''">
              <xsl:value-of select="normalize-space(@title)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="normalize-space(ancestor::story[1]/head/headline)"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:variable name="ext"
            select="translate(substring-after(substring(@href, string-length(@href) - 4), '.'),
                              'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
        <xsl:variable name="mime">
          <xsl:choose>
            <xsl:when test="$ext = 'jpg' or $ext = 'jpeg'">image/jpeg</xsl:when>
            <xsl:when test="$ext = 'png'">image/png</xsl:when>
            <xsl:when test="$ext = 'gif'">image/gif</xsl:when>
            <xsl:when test="$ext = 'svg'">image/svg+xml</xsl:when>
            <xsl:when test="$ext = 'webp'">image/webp</xsl:when>
            <xsl:when test="$ext = 'tif' or $ext = 'tiff'">image/tiff</xsl:when>
          </xsl:choose>
        </xsl:variable>
        <xsl:if test="$mime != ''">
          <xsl:attribute name="mime-type"><xsl:value-of select="$mime"/></xsl:attribute>
        </xsl:if>
      </media-reference>
      <xsl:for-each select="caption">
        <media-caption><xsl:apply-templates/></media-caption>
      </xsl:for-each>
      <xsl:for-each select="credit">
        <media-producer><xsl:apply-templates/></media-producer>
      </xsl:for-each>
    </media>
  </xsl:template>

  <!-- A name in a photo credit, in the credit's own words. -->
  <xsl:template match="credit/contributor">
    <person><function value="{@role}"/><xsl:value-of select="."/></person>
  </xsl:template>

  <xsl:template match="quote">
    <bq>
      <xsl:if test="*">
        <block><xsl:apply-templates/></block>
      </xsl:if>
    </bq>
  </xsl:template>

  <xsl:template match="list[@type = 'ordered']">
    <ol><xsl:apply-templates/></ol>
  </xsl:template>

  <xsl:template match="list">
    <ul><xsl:apply-templates/></ul>
  </xsl:template>

  <xsl:template match="item">
    <li><xsl:apply-templates/></li>
  </xsl:template>

  <xsl:template match="pre">
    <pre><xsl:value-of select="."/></pre>
  </xsl:template>

  <xsl:template match="hr">
    <hr/>
  </xsl:template>

  <!-- Verse: a paragraph per stanza, a break between its lines. -->
  <xsl:template match="verse">
    <xsl:for-each select="stanza">
      <xsl:if test="position() &gt; 1"><xsl:value-of select="$nl"/></xsl:if>
      <p class="verse">
        <xsl:for-each select="line">
          <xsl:if test="position() &gt; 1"><br/></xsl:if>
          <xsl:apply-templates/>
        </xsl:for-each>
      </p>
    </xsl:for-each>
  </xsl:template>

  <!-- 注释: a heading, then each note as NITF's fn (a footnote "often
       rendered at the end of a document"), its marker opening its first
       paragraph; a marker in the text links to its note. -->
  <xsl:template match="notes">
    <hl2 class="notes">注释</hl2>
    <xsl:for-each select="note">
      <xsl:value-of select="$nl"/>
      <fn id="note-{@n}">
        <body.content>
          <xsl:if test="not(*[1][self::p])">
            <p><xsl:value-of select="@mark"/></p>
          </xsl:if>
          <xsl:apply-templates/>
        </body.content>
      </fn>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="note/p[1][not(preceding-sibling::*)]">
    <p><xsl:value-of select="../@mark"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="noteref">
    <a href="#note-{@n}"><xsl:value-of select="."/></a>
  </xsl:template>

  <!-- NITF's table model is HTML's: the head row in th, alignment on
       each cell. -->
  <xsl:template match="table">
    <table><xsl:apply-templates/></table>
  </xsl:template>

  <xsl:template match="thead | tbody">
    <xsl:element name="{local-name()}"><xsl:apply-templates/></xsl:element>
  </xsl:template>

  <xsl:template match="row">
    <tr><xsl:apply-templates/></tr>
  </xsl:template>

  <xsl:template match="cell">
    <xsl:element name="{substring('tdth', 1 + 2 * count(parent::row/parent::thead), 2)}">
      <xsl:copy-of select="@align"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- ================================================================
       Inlines
       ================================================================ -->

  <xsl:template match="strong">
    <em class="bold"><xsl:apply-templates/></em>
  </xsl:template>

  <xsl:template match="em">
    <em class="italic"><xsl:apply-templates/></em>
  </xsl:template>

  <xsl:template match="code">
    <em class="code"><xsl:value-of select="."/></em>
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
