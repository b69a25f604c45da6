<?xml version="1.0" encoding="UTF-8"?>
<!--
  page.xsl: one page of the issue XML for the layout desk.  Over the
  issue XML with param page (a page's @no): the whole <issue>, its
  attributes (paper, date, number …) kept, with that page only.  The
  result is valid against press.rng like the issue itself.

  An identity transform: every node is copied as it is, nothing is
  indented, so the text of the page (mixed content included) is the
  issue's, character for character.

  A story that jumps (转版, press.rng's jump) keeps on its first page
  only the blocks of its body set there, the first jump/@after, with
  its 下转 line after them; the page it continues on has its
  <continuation>: the 接转 head, the 上接 line and the rest.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="page" select="''"/>

  <xsl:template match="/">
    <xsl:if test="not(/issue/page[@no = $page])">
      <xsl:message terminate="yes">
        <xsl:text>page.xsl: the issue has no page '</xsl:text>
        <xsl:value-of select="$page"/>
        <xsl:text>'</xsl:text>
      </xsl:message>
    </xsl:if>
    <xsl:apply-templates/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="@* | node()">
    <xsl:copy>
      <xsl:apply-templates select="@* | node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- The part of a jumped story's body set on this page. -->
  <xsl:template match="story[jump]/body">
    <xsl:copy>
      <xsl:apply-templates select="@* | node()[not(self::*) or
                                    count(preceding-sibling::*) &lt; ../../jump/@after]"/>
    </xsl:copy>
  </xsl:template>

  <!-- The issue with its attributes and the one page.  (A variable
       may not appear in a match pattern in XSLT 1.0, hence the select.) -->
  <xsl:template match="/issue">
    <xsl:copy>
      <xsl:apply-templates select="@* | node()[not(self::page) or @no = $page]"/>
    </xsl:copy>
  </xsl:template>

</xsl:stylesheet>
