<?xml version="1.0" encoding="UTF-8"?>
<!--
  press.xsl: what every output stylesheet shares, whatever it writes.
  Import it first (<xsl:import href="../press.xsl"/>); never applied on
  its own.

  Provides
    strip-space          the elements of press.rng whose content is
                         elements only: whitespace between them, should a
                         producer ever indent them, is not text
    param slug           the story an output runs over (outputs.yaml,
                         over: story)
    variable story       that story: /issue/page/story[@slug = $slug],
                         or the root <story> of a preview
    variable words       templates/words.xml, the words printed around
                         the copy
    named template "role-label"  a contributor's role as printed: the
                         label the copy wrote (@label, 见习记者) or the
                         role's from words.xml (记者); param role,
                         default @role
    mode "byline" (contributor)  a byline as printed, 记者 崔欣 通讯员
                         宋雅欣: each label once before a run of
                         names of that role, ASCII spaces between
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:strip-space elements="archive issue page story head byline body
                             quote list item figure table thead tbody row
                             verse stanza notes note"/>

  <xsl:param name="slug" select="''"/>

  <xsl:variable name="story"
                select="(/issue/page/story[@slug = $slug] | /story)[1]"/>

  <xsl:variable name="words" select="document('words.xml')/words"/>

  <xsl:template name="role-label">
    <xsl:param name="role" select="@role"/>
    <xsl:variable name="label" select="$words/role[@name = $role]"/>
    <xsl:choose>
      <xsl:when test="@label and $role = @role"><xsl:value-of select="@label"/></xsl:when>
      <xsl:when test="$label"><xsl:value-of select="$label"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$role"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="contributor" mode="byline">
    <xsl:if test="position() &gt; 1">
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:if test="not(preceding-sibling::contributor[1]/@role = @role and
                      string(preceding-sibling::contributor[1]/@label) = string(@label))">
      <xsl:call-template name="role-label"/>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:value-of select="."/>
  </xsl:template>

</xsl:stylesheet>
