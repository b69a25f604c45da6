<?xml version="1.0" encoding="UTF-8"?>
<!--
  icml.xsl: one story as ICML, the InCopy story format that InDesign
  places (File > Place) and InCopy opens.  Over the issue XML with
  param slug: the story //story[@slug = $slug] (over a <story> alone,
  that story).

  The structure is the one pandoc's ICML writer makes (its template
  data/templates/default.icml and Text/Pandoc/Writers/ICML.hs): two aid
  processing instructions, <Document> with a character and a paragraph
  style table, then one <Story> whose paragraphs are ParagraphStyleRange
  elements separated by <Br/>, each holding CharacterStyleRange elements
  with the text in <Content>.

  Styles are named in styles.xml beside this file, by role: rename them
  there.  Every style of styles.xml is declared in every file, so the
  style table is the same whatever the story holds.  A style's
  attributes in styles.xml (but role and name) are copied onto its
  declaration and its <Properties> children into the declaration's
  Properties after BasedOn; every paragraph style is based on the one of
  role "base" when styles.xml has one (the CJK composition they share).

  The story, in order:
    引题 (kicker), 主题 (headline), 副题 (each subtitle);
    署名 with the byline (记者 张晶) when there is a byline but no dateline;
    the body: 正文 paragraphs, the first one opening with the 电头 run
    (本报讯（记者 崔欣 通讯员 宋雅欣）, character style); 小标题; per
    photo the placed image, 图说 (caption) and 署名 (credit); quotes,
    lists, tables, verse, preformatted text and the 注释 in their
    styles.  A story that jumps to a later page (转版, press.rng's jump)
    is whole: after the blocks of its first page come （下转第03版）
    (转版), the headline again (接转标题) and （上接第01版） (转版),
    then the rest; the page XML says which part goes on which page.  The document, its style groups and its story carry press's
    own ids (press_doc …).
  Inline: strong -> 粗体, em -> 强调 (the innermost wins when nested);
  links and code are their text; a hard line break, and a line break in
  preformatted text, is U+2028 (InDesign's forced line break), as pandoc
  writes it.  Consecutive text of one character style is one range.
  Otherwise a Content holds exactly the characters of the print XML.  A
  horizontal rule has no counterpart and is left out, as pandoc does.

  styles.xml is read with document(), relative to this file: load the
  stylesheet from its file (xsltParseStylesheetFile, xsltproc).

  The output has no mixed content (all text is in Content) and is not
  indented: InDesign ignores whitespace between elements, and the
  file is a seventh smaller (xmllint's format option indents it for
  reading).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:str="http://exslt.org/strings"
                exclude-result-prefixes="str">

  <!-- The whitespace rules, $story and the words (role labels). -->
  <xsl:import href="../press.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" standalone="yes" indent="no"/>

  <xsl:variable name="styles" select="document('styles.xml')/styles"/>
  <xsl:variable name="base" select="$styles/paragraph[@role = 'base'][1]"/>

  <xsl:variable name="default-char">$ID/NormalCharacterStyle</xsl:variable>
  <xsl:variable name="default-para">$ID/NormalParagraphStyle</xsl:variable>

  <!-- ================================================================
       Document
       ================================================================ -->

  <xsl:template match="/">
    <xsl:if test="not($story)">
      <xsl:message terminate="yes">
        <xsl:text>icml.xsl: no story with slug '</xsl:text>
        <xsl:value-of select="$slug"/>
        <xsl:text>'</xsl:text>
      </xsl:message>
    </xsl:if>
    <xsl:processing-instruction name="aid">style="50" type="snippet" readerVersion="6.0" featureSet="513" product="8.0(370)" </xsl:processing-instruction>
    <xsl:text>&#10;</xsl:text>
    <xsl:processing-instruction name="aid">SnippetType="InCopyInterchange"</xsl:processing-instruction>
    <xsl:text>&#10;</xsl:text>
    <Document DOMVersion="8.0" Self="press_doc">
      <RootCharacterStyleGroup Self="press_character_styles">
        <CharacterStyle Self="{$default-char}" Name="Default"/>
        <xsl:for-each select="$styles/character[not(@name = preceding-sibling::character/@name)]">
          <CharacterStyle Self="CharacterStyle/{@name}" Name="{@name}">
            <xsl:copy-of select="@*[local-name() != 'role' and local-name() != 'name']"/>
            <Properties>
              <BasedOn type="object"><xsl:value-of select="$default-char"/></BasedOn>
              <xsl:copy-of select="Properties/*"/>
            </Properties>
          </CharacterStyle>
        </xsl:for-each>
      </RootCharacterStyleGroup>
      <RootParagraphStyleGroup Self="press_paragraph_styles">
        <ParagraphStyle Self="{$default-para}" Name="{$default-para}"/>
        <xsl:for-each select="$styles/paragraph[not(@name = preceding-sibling::paragraph/@name)]">
          <ParagraphStyle Self="ParagraphStyle/{@name}" Name="{@name}">
            <xsl:copy-of select="@*[local-name() != 'role' and local-name() != 'name']"/>
            <Properties>
              <!-- Every style but the base is based on the base (the
                   composition every paragraph shares), when there is one. -->
              <BasedOn type="object">
                <xsl:choose>
                  <xsl:when test="$base and @role != 'base'">
                    <xsl:value-of select="concat('ParagraphStyle/', $base/@name)"/>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="$default-para"/></xsl:otherwise>
                </xsl:choose>
              </BasedOn>
              <xsl:copy-of select="Properties/*"/>
            </Properties>
          </ParagraphStyle>
        </xsl:for-each>
      </RootParagraphStyleGroup>
      <RootCellStyleGroup Self="press_cell_styles">
        <CellStyle Self="CellStyle/$ID/[None]" Name="$ID/[None]"/>
        <xsl:for-each select="$styles/cell[not(@name = preceding-sibling::cell/@name)]">
          <CellStyle Self="CellStyle/{@name}" Name="{@name}">
            <xsl:copy-of select="@*[local-name() != 'role' and local-name() != 'name']"/>
            <xsl:copy-of select="Properties"/>
          </CellStyle>
        </xsl:for-each>
      </RootCellStyleGroup>
      <RootTableStyleGroup Self="press_table_styles">
        <TableStyle Self="TableStyle/$ID/[Basic Table]" Name="$ID/[Basic Table]"/>
        <xsl:for-each select="$styles/table[not(@name = preceding-sibling::table/@name)]">
          <TableStyle Self="TableStyle/{@name}" Name="{@name}">
            <xsl:copy-of select="@*[local-name() != 'role' and local-name() != 'name']"/>
            <xsl:copy-of select="Properties"/>
          </TableStyle>
        </xsl:for-each>
      </RootTableStyleGroup>
      <Story Self="press_story" TrackChanges="false" AppliedTOCStyle="n"
             AppliedNamedGrid="n">
        <xsl:attribute name="StoryTitle">
          <xsl:value-of select="$story/head/headline"/>
        </xsl:attribute>
        <xsl:apply-templates select="$story"/>
      </Story>
    </Document>
  </xsl:template>

  <!-- ================================================================
       Story: headline block, then the body.  Every paragraph but the
       story's first is preceded by <Br/>; the first is the kicker, or
       the headline when there is none.
       ================================================================ -->

  <xsl:template match="story">
    <xsl:for-each select="head/kicker">
      <xsl:call-template name="para">
        <xsl:with-param name="role" select="'kicker'"/>
        <xsl:with-param name="first" select="true()"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="head/headline">
      <xsl:call-template name="para">
        <xsl:with-param name="role" select="'headline'"/>
        <xsl:with-param name="first" select="not(../kicker)"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="head/subtitle">
      <xsl:call-template name="para">
        <xsl:with-param name="role" select="'subtitle'"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="head/byline and not(head/dateline)">
      <Br/>
      <ParagraphStyleRange>
        <xsl:call-template name="para-style">
          <xsl:with-param name="role" select="'byline'"/>
        </xsl:call-template>
        <xsl:call-template name="range">
          <xsl:with-param name="text">
            <xsl:apply-templates select="head/byline/contributor" mode="byline"/>
          </xsl:with-param>
        </xsl:call-template>
      </ParagraphStyleRange>
    </xsl:if>
    <!-- A dateline with no paragraph to run into stands alone. -->
    <xsl:if test="head/dateline and not(body/*[1][self::p])">
      <Br/>
      <ParagraphStyleRange>
        <xsl:call-template name="para-style">
          <xsl:with-param name="role" select="'body'"/>
        </xsl:call-template>
        <xsl:apply-templates select="head/dateline" mode="run-in"/>
      </ParagraphStyleRange>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="jump">
        <xsl:apply-templates select="body/*[position() &lt;= current()/jump/@after]"/>
        <xsl:apply-templates select="jump | /issue/page/continuation[@slug = current()/@slug]"
                             mode="jump"/>
        <xsl:apply-templates select="body/*[position() &gt; current()/jump/@after]"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="body/*"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 转版: where the page's part ends, （下转第03版）; then the 接转 head
       and （上接第01版） that open the rest on the later page.  Whole in
       one story, so that the desk splits it there. -->
  <xsl:template match="jump" mode="jump">
    <Br/>
    <ParagraphStyleRange>
      <xsl:call-template name="para-style">
        <xsl:with-param name="role" select="'jump'"/>
      </xsl:call-template>
      <xsl:call-template name="range">
        <xsl:with-param name="text" select="concat('（', ., '）')"/>
      </xsl:call-template>
    </ParagraphStyleRange>
  </xsl:template>

  <xsl:template match="continuation" mode="jump">
    <xsl:for-each select="head/headline">
      <xsl:call-template name="para">
        <xsl:with-param name="role" select="'jump-head'"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:apply-templates select="jump" mode="jump"/>
  </xsl:template>

  <!-- One paragraph of style $role over the current node's content. -->
  <xsl:template name="para">
    <xsl:param name="role"/>
    <xsl:param name="first" select="false()"/>
    <xsl:if test="not($first)">
      <Br/>
    </xsl:if>
    <ParagraphStyleRange>
      <xsl:call-template name="para-style">
        <xsl:with-param name="role" select="$role"/>
      </xsl:call-template>
      <!-- A numbered list starts its numbering afresh, as pandoc's do. -->
      <xsl:if test="self::p and parent::item[not(preceding-sibling::item)]
                    and not(preceding-sibling::*) and ../../@type = 'ordered'">
        <xsl:attribute name="NumberingContinue">false</xsl:attribute>
        <xsl:if test="../../@start and ../../@start != 1">
          <xsl:attribute name="NumberingStartAt">
            <xsl:value-of select="../../@start"/>
          </xsl:attribute>
        </xsl:if>
      </xsl:if>
      <xsl:if test="parent::body and not(preceding-sibling::*) and self::p">
        <xsl:apply-templates select="../../head/dateline" mode="run-in"/>
      </xsl:if>
      <xsl:if test="self::p and parent::note and not(preceding-sibling::*)">
        <xsl:call-template name="range">
          <xsl:with-param name="text" select="../@mark"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="inlines"/>
    </ParagraphStyleRange>
  </xsl:template>

  <!-- The AppliedParagraphStyle attribute of the style of $role. -->
  <xsl:template name="para-style">
    <xsl:param name="role"/>
    <xsl:variable name="name" select="$styles/paragraph[@role = $role][1]/@name"/>
    <xsl:if test="not($name)">
      <xsl:message terminate="yes">
        <xsl:text>icml.xsl: styles.xml names no paragraph style for role '</xsl:text>
        <xsl:value-of select="$role"/>
        <xsl:text>'</xsl:text>
      </xsl:message>
    </xsl:if>
    <xsl:attribute name="AppliedParagraphStyle">
      <xsl:value-of select="concat('ParagraphStyle/', $name)"/>
    </xsl:attribute>
  </xsl:template>

  <!-- The Self of the character style of $role. -->
  <xsl:template name="char-style">
    <xsl:param name="role"/>
    <xsl:variable name="name" select="$styles/character[@role = $role][1]/@name"/>
    <xsl:if test="not($name)">
      <xsl:message terminate="yes">
        <xsl:text>icml.xsl: styles.xml names no character style for role '</xsl:text>
        <xsl:value-of select="$role"/>
        <xsl:text>'</xsl:text>
      </xsl:message>
    </xsl:if>
    <xsl:value-of select="concat('CharacterStyle/', $name)"/>
  </xsl:template>

  <!-- One CharacterStyleRange: $text in character style $char. -->
  <xsl:template name="range">
    <xsl:param name="text"/>
    <xsl:param name="char" select="$default-char"/>
    <xsl:if test="string($text) != ''">
      <CharacterStyleRange AppliedCharacterStyle="{$char}">
        <Content><xsl:value-of select="$text"/></Content>
      </CharacterStyleRange>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================
       Dateline and byline, as the web edition writes them:
       本报讯（记者 崔欣 通讯员 宋雅欣）.  Each role label once before a
       run of contributors of that role, ASCII spaces, full-width
       brackets.
       ================================================================ -->

  <xsl:template match="dateline" mode="run-in">
    <xsl:call-template name="range">
      <xsl:with-param name="char">
        <xsl:call-template name="char-style">
          <xsl:with-param name="role" select="'dateline'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="text">
        <xsl:value-of select="."/>
        <xsl:if test="../byline/contributor">
          <xsl:text>（</xsl:text>
          <xsl:apply-templates select="../byline/contributor" mode="byline"/>
          <xsl:text>）</xsl:text>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================
       Body blocks
       ================================================================ -->

  <xsl:template match="p">
    <xsl:call-template name="para">
      <xsl:with-param name="role">
        <xsl:choose>
          <xsl:when test="parent::item and not(preceding-sibling::*)">
            <xsl:choose>
              <xsl:when test="../../@type = 'ordered'">ordered</xsl:when>
              <xsl:otherwise>bullet</xsl:otherwise>
            </xsl:choose>
          </xsl:when>
          <xsl:when test="ancestor::quote">quote</xsl:when>
          <xsl:otherwise>body</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="subhead">
    <xsl:call-template name="para">
      <xsl:with-param name="role" select="'subhead'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A photo is placed as InCopy and pandoc's ICML writer place one:
       an anchored Rectangle in a paragraph of its own, holding an Image
       whose Link points at the photo's file (relative to the story's
       folder, as the story names it).  The frame is $photo-width
       points wide, as high as the photo's aspect ratio (its width and
       height in pixels) says, 4:3 when the size is unknown; the layout
       desk sizes and crops it.  The caption and the credit follow in
       their styles. -->
  <xsl:variable name="photo-width" select="240"/>

  <xsl:template match="figure">
    <!-- Numbered from 1 in each story's file, whatever it runs over. -->
    <xsl:variable name="n"
                  select="count(preceding::figure) - count($story/preceding::figure) + 1"/>
    <xsl:variable name="photo-height">
      <xsl:choose>
        <xsl:when test="number(@width) &gt; 0 and number(@height) &gt; 0">
          <xsl:value-of select="round($photo-width * @height div @width * 100) div 100"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$photo-width * 3 div 4"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="hw" select="$photo-width div 2"/>
    <xsl:variable name="hh" select="$photo-height div 2"/>
    <Br/>
    <ParagraphStyleRange>
      <xsl:call-template name="para-style">
        <xsl:with-param name="role" select="'photo'"/>
      </xsl:call-template>
      <CharacterStyleRange AppliedCharacterStyle="{$default-char}">
        <Rectangle Self="press_photo{$n}" ContentType="GraphicType"
                   StrokeWeight="0" ItemTransform="1 0 0 1 {$hw} -{$hh}">
          <Properties>
            <PathGeometry>
              <GeometryPathType PathOpen="false">
                <PathPointArray>
                  <PathPointType Anchor="-{$hw} -{$hh}" LeftDirection="-{$hw} -{$hh}" RightDirection="-{$hw} -{$hh}"/>
                  <PathPointType Anchor="-{$hw} {$hh}" LeftDirection="-{$hw} {$hh}" RightDirection="-{$hw} {$hh}"/>
                  <PathPointType Anchor="{$hw} {$hh}" LeftDirection="{$hw} {$hh}" RightDirection="{$hw} {$hh}"/>
                  <PathPointType Anchor="{$hw} -{$hh}" LeftDirection="{$hw} -{$hh}" RightDirection="{$hw} -{$hh}"/>
                </PathPointArray>
              </GeometryPathType>
            </PathGeometry>
          </Properties>
          <Image Self="press_image{$n}" ItemTransform="1 0 0 1 -{$hw} -{$hh}">
            <Properties>
              <Profile type="string">$ID/Embedded</Profile>
              <GraphicBounds Left="0" Top="0" Right="{$photo-width}" Bottom="{$photo-height}"/>
            </Properties>
            <Link Self="press_link{$n}" LinkResourceURI="{str:encode-uri(@href, false())}"/>
          </Image>
        </Rectangle>
      </CharacterStyleRange>
    </ParagraphStyleRange>
    <xsl:for-each select="caption">
      <xsl:call-template name="para">
        <xsl:with-param name="role" select="'caption'"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="credit">
      <xsl:call-template name="para">
        <xsl:with-param name="role" select="'credit'"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="quote | list | item">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Lines kept: U+2028 is InDesign's forced line break.  The final
       newline of the block is not a line. -->
  <xsl:template match="pre">
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="substring(., string-length(.)) = '&#10;'">
          <xsl:value-of select="substring(., 1, string-length(.) - 1)"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <Br/>
    <ParagraphStyleRange>
      <xsl:call-template name="para-style">
        <xsl:with-param name="role" select="'pre'"/>
      </xsl:call-template>
      <xsl:call-template name="range">
        <xsl:with-param name="text" select="translate($text, '&#10;', '&#x2028;')"/>
      </xsl:call-template>
    </ParagraphStyleRange>
  </xsl:template>

  <xsl:template match="hr"/>

  <!-- Verse: a paragraph of the verse style per stanza, its lines
       parted by U+2028 (InDesign's forced line break). -->
  <xsl:template match="verse">
    <xsl:apply-templates select="stanza"/>
  </xsl:template>

  <xsl:template match="stanza">
    <xsl:call-template name="para">
      <xsl:with-param name="role" select="'verse'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- 注释 as end notes: a heading, then the notes' paragraphs in the
       note style, the first of each opening with its marker (①). -->
  <xsl:template match="notes">
    <Br/>
    <ParagraphStyleRange>
      <xsl:call-template name="para-style">
        <xsl:with-param name="role" select="'notes-head'"/>
      </xsl:call-template>
      <xsl:call-template name="range">
        <xsl:with-param name="text" select="'注释'"/>
      </xsl:call-template>
    </ParagraphStyleRange>
    <xsl:apply-templates select="note"/>
  </xsl:template>

  <xsl:template match="note">
    <xsl:if test="not(*[1][self::p])">
      <Br/>
      <ParagraphStyleRange>
        <xsl:call-template name="para-style">
          <xsl:with-param name="role" select="'note'"/>
        </xsl:call-template>
        <xsl:call-template name="range">
          <xsl:with-param name="text" select="@mark"/>
        </xsl:call-template>
      </ParagraphStyleRange>
    </xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="note/p">
    <xsl:call-template name="para">
      <xsl:with-param name="role" select="'note'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A table is an InDesign table (IDML's Table, Row, Column, Cell) in
       a paragraph of its own, as InDesign writes one: a Cell is named
       "column:row" from 0; the head row is a header row.  Each cell
       holds one paragraph of the table-head or table-cell style, aligned
       as its column, and carries the head or body cell style; the table
       its table style (styles.xml). -->
  <xsl:template match="table">
    <xsl:variable name="rows" select="thead/row | tbody/row"/>
    <xsl:variable name="id"
                  select="concat('press_table', count(preceding::table) - count($story/preceding::table) + 1)"/>
    <Br/>
    <ParagraphStyleRange>
      <xsl:call-template name="para-style">
        <xsl:with-param name="role" select="'table'"/>
      </xsl:call-template>
      <CharacterStyleRange AppliedCharacterStyle="{$default-char}">
        <Table Self="{$id}" HeaderRowCount="{count(thead/row)}"
               FooterRowCount="0" BodyRowCount="{count(tbody/row)}"
               ColumnCount="{@columns}" TableDirection="LeftToRightDirection">
          <xsl:attribute name="AppliedTableStyle">
            <xsl:call-template name="object-style">
              <xsl:with-param name="kind" select="'table'"/>
              <xsl:with-param name="role" select="'table'"/>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:for-each select="$rows">
            <Row Self="{$id}r{position() - 1}" Name="{position() - 1}"/>
          </xsl:for-each>
          <xsl:for-each select="$rows[1]/cell">
            <Column Self="{$id}c{position() - 1}" Name="{position() - 1}"/>
          </xsl:for-each>
          <xsl:for-each select="$rows">
            <xsl:variable name="r" select="position() - 1"/>
            <xsl:variable name="kind">
              <xsl:choose>
                <xsl:when test="parent::thead">head</xsl:when>
                <xsl:otherwise>body</xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <xsl:for-each select="cell">
              <Cell Self="{$id}i{position() - 1}_{$r}" Name="{position() - 1}:{$r}"
                    RowSpan="1" ColumnSpan="1">
                <xsl:attribute name="AppliedCellStyle">
                  <xsl:call-template name="object-style">
                    <xsl:with-param name="kind" select="'cell'"/>
                    <xsl:with-param name="role" select="$kind"/>
                  </xsl:call-template>
                </xsl:attribute>
                <ParagraphStyleRange>
                  <xsl:call-template name="para-style">
                    <xsl:with-param name="role" select="concat('table-', $kind)"/>
                  </xsl:call-template>
                  <xsl:if test="@align">
                    <xsl:attribute name="Justification">
                      <xsl:choose>
                        <xsl:when test="@align = 'right'">RightAlign</xsl:when>
                        <xsl:when test="@align = 'center'">CenterAlign</xsl:when>
                        <xsl:otherwise>LeftAlign</xsl:otherwise>
                      </xsl:choose>
                    </xsl:attribute>
                  </xsl:if>
                  <xsl:call-template name="inlines"/>
                </ParagraphStyleRange>
              </Cell>
            </xsl:for-each>
          </xsl:for-each>
        </Table>
      </CharacterStyleRange>
    </ParagraphStyleRange>
  </xsl:template>

  <!-- The Self of the table or cell style ($kind) of $role. -->
  <xsl:template name="object-style">
    <xsl:param name="kind"/>
    <xsl:param name="role"/>
    <xsl:variable name="name" select="$styles/*[local-name() = $kind][@role = $role][1]/@name"/>
    <xsl:if test="not($name)">
      <xsl:message terminate="yes">
        <xsl:text>icml.xsl: styles.xml names no </xsl:text>
        <xsl:value-of select="$kind"/>
        <xsl:text> style for role '</xsl:text>
        <xsl:value-of select="$role"/>
        <xsl:text>'</xsl:text>
      </xsl:message>
    </xsl:if>
    <xsl:value-of select="concat(translate(substring($kind, 1, 1), 'tc', 'TC'),
                                 substring($kind, 2), 'Style/', $name)"/>
  </xsl:template>

  <!-- ================================================================
       Inlines.  The text of a paragraph, in order, is cut into runs of
       one character style: the style of the innermost strong or em
       around it, else none.  Each run is one CharacterStyleRange, so
       a link or a name in a credit does not split its run.
       ================================================================ -->

  <xsl:template name="inlines">
    <xsl:variable name="leaves"
        select="descendant::node()[self::text() or self::br or
                                   self::line[preceding-sibling::line]]"/>
    <xsl:for-each select="$leaves">
      <xsl:variable name="i" select="position()"/>
      <xsl:variable name="key">
        <xsl:call-template name="key"/>
      </xsl:variable>
      <xsl:variable name="prev">
        <xsl:for-each select="$leaves[$i - 1]">
          <xsl:call-template name="key"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:if test="$i = 1 or $prev != $key">
        <xsl:call-template name="range">
          <xsl:with-param name="char">
            <xsl:choose>
              <xsl:when test="$key = ''"><xsl:value-of select="$default-char"/></xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="char-style">
                  <xsl:with-param name="role" select="$key"/>
                </xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="text">
            <xsl:call-template name="run-text">
              <xsl:with-param name="leaves" select="$leaves"/>
              <xsl:with-param name="i" select="$i"/>
              <xsl:with-param name="key" select="$key"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- The character role of the current text or br: "strong", "em" or
       "" (the innermost strong or em around it). -->
  <xsl:template name="key">
    <xsl:value-of select="local-name(ancestor::*[self::strong or self::em or
                                                 self::noteref][1])"/>
  </xsl:template>

  <!-- The text of leaves $i, $i + 1, ... while their role is $key; a
       hard line break is U+2028, InDesign's forced line break. -->
  <xsl:template name="run-text">
    <xsl:param name="leaves"/>
    <xsl:param name="i"/>
    <xsl:param name="key"/>
    <xsl:for-each select="$leaves[$i]">
      <xsl:variable name="k">
        <xsl:call-template name="key"/>
      </xsl:variable>
      <xsl:if test="$k = $key">
        <xsl:choose>
          <xsl:when test="self::br or self::line">&#x2028;</xsl:when>
          <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="run-text">
          <xsl:with-param name="leaves" select="$leaves"/>
          <xsl:with-param name="i" select="$i + 1"/>
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
