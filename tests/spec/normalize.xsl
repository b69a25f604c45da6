<?xml version="1.0" encoding="UTF-8"?>
<!--
  normalize.xsl: the story body of an HTML page (press's web edition, or
  a spec example's HTML wrapped in <div class="story-body">) as one line
  of text, for comparing the two (tests/spec.sh).  Run with xsltproc
  its HTML parser (the html option), over many files at once: one line per file, in order.

  Both sides: white space collapsed outside <pre>, a line break inside
  it written ␤; only the attributes that carry meaning kept (href, src,
  alt, title, start, align, a code block's language-* class).
  press's side, where its choices are not differences: a subhead is one
  level down (h2 for #); a figure is the paragraph holding its image; a
  table's scrolling box and a cell's align-* class are the spec's
  align attribute.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:apply-templates select="(//div[@class = 'story-body'])[1]/node()"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="*">
    <xsl:param name="name" select="local-name()"/>
    <xsl:text>&lt;</xsl:text>
    <xsl:value-of select="$name"/>
    <!-- In a fixed order: parsers keep attributes in any order. -->
    <xsl:for-each select="@href | @src">
      <xsl:value-of select="concat(' ', local-name(), '=&quot;', translate(., '&#10;', '&#x2424;'), '&quot;')"/>
    </xsl:for-each>
    <xsl:for-each select="@alt">
      <xsl:value-of select="concat(' ', local-name(), '=&quot;', translate(., '&#10;', '&#x2424;'), '&quot;')"/>
    </xsl:for-each>
    <xsl:for-each select="@title">
      <xsl:value-of select="concat(' ', local-name(), '=&quot;', translate(., '&#10;', '&#x2424;'), '&quot;')"/>
    </xsl:for-each>
    <xsl:for-each select="@start | @align">
      <xsl:value-of select="concat(' ', local-name(), '=&quot;', ., '&quot;')"/>
    </xsl:for-each>
    <xsl:if test="starts-with(@class, 'language-')">
      <xsl:value-of select="concat(' class=&quot;', @class, '&quot;')"/>
    </xsl:if>
    <xsl:if test="starts-with(@class, 'align-')">
      <xsl:value-of select="concat(' align=&quot;', substring-after(substring-before(concat(@class, ' '), ' '), 'align-'), '&quot;')"/>
    </xsl:if>
    <xsl:text>&gt;</xsl:text>
    <xsl:apply-templates/>
    <xsl:value-of select="concat('&lt;/', $name, '&gt;')"/>
  </xsl:template>

  <!-- press's subheads: one level down. -->
  <xsl:template match="*[@class = 'subhead']">
    <xsl:apply-templates select="." mode="el">
      <xsl:with-param name="name" select="concat('h', substring(local-name(), 2) - 1)"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="*" mode="el">
    <xsl:param name="name"/>
    <xsl:value-of select="concat('&lt;', $name, '&gt;')"/>
    <xsl:apply-templates/>
    <xsl:value-of select="concat('&lt;/', $name, '&gt;')"/>
  </xsl:template>

  <xsl:template match="*[@role = 'heading']">
    <xsl:apply-templates select="." mode="el">
      <xsl:with-param name="name" select="concat('h', @aria-level - 1)"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- A figure: the paragraph of its image. -->
  <xsl:template match="figure">
    <xsl:text>&lt;p&gt;</xsl:text>
    <xsl:apply-templates select="img"/>
    <xsl:text>&lt;/p&gt;</xsl:text>
  </xsl:template>

  <xsl:template match="div[@class = 'table-wrap']">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="text()">
    <xsl:variable name="s">
      <xsl:call-template name="escape">
        <xsl:with-param name="s" select="."/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="ancestor::pre">
        <xsl:value-of select="translate($s, '&#10;', '&#x2424;')"/>
      </xsl:when>
      <xsl:otherwise>
        <!-- normalize-space, keeping one space at either end. -->
        <xsl:if test="translate(substring($s, 1, 1), ' &#9;&#10;&#13;', '') = '' and $s != ''">
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:value-of select="normalize-space($s)"/>
        <xsl:if test="normalize-space($s) != '' and
                      translate(substring($s, string-length($s)), ' &#9;&#10;&#13;', '') = ''">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="comment()"/>

  <xsl:template name="escape">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&amp;')">
        <xsl:call-template name="escape-lt">
          <xsl:with-param name="s" select="substring-before($s, '&amp;')"/>
        </xsl:call-template>
        <xsl:text>&amp;amp;</xsl:text>
        <xsl:call-template name="escape">
          <xsl:with-param name="s" select="substring-after($s, '&amp;')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="escape-lt">
          <xsl:with-param name="s" select="$s"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="escape-lt">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&lt;')">
        <xsl:value-of select="substring-before($s, '&lt;')"/>
        <xsl:text>&amp;lt;</xsl:text>
        <xsl:call-template name="escape-lt">
          <xsl:with-param name="s" select="substring-after($s, '&lt;')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
