<?xml version="1.0" encoding="UTF-8"?>
<!--
  story.xsl: one story as a WeChat (公众号) article,
  wechat/{issue}/{slug}.html.

  The page holds the article alone, as it will paste into the 公众号
  editor: one <section> (wechat/look.xsl, mode "article") whose every
  element is styled inline; no <style>, no class, no id, no script.
  Links are their text and a marker [n], the addresses listed under
  引用链接 at the end; photos are the site's ({url}{issue}/img/…), for
  the editor to upload again.  The body's margin stands for the
  account's own margins on a phone.

  Params: issue (the issue's id), slug (the story).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="look.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:if test="not($story)">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('wechat/story.xsl: no story with slug &quot;', $slug, '&quot;')"/>
      </xsl:message>
    </xsl:if>
    <xsl:call-template name="document">
      <xsl:with-param name="title" select="concat($story/head/headline, ' — ', /*/@paper)"/>
      <xsl:with-param name="content">
        <xsl:apply-templates select="$story" mode="article"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The HTML document around $content.  The head is text for the
       reason html/common.xsl gives (one encoding declaration). -->
  <xsl:template name="document">
    <xsl:param name="title"/>
    <xsl:param name="content"/>
    <xsl:param name="body-style" select="concat('margin: 0 auto; max-width: 640px; padding: 16px; background-color: #fff; color: ', $ink, ';')"/>
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="zh-CN">
      <xsl:text disable-output-escaping="yes">&lt;head&gt;&lt;meta charset="utf-8"&gt;&lt;meta name="viewport" content="width=device-width, initial-scale=1"&gt;</xsl:text>
      <title><xsl:value-of select="$title"/></title>
      <xsl:text disable-output-escaping="yes">&lt;/head&gt;&#10;</xsl:text>
      <body style="{$body-style}">
        <xsl:text>&#10;</xsl:text>
        <xsl:copy-of select="$content"/>
        <xsl:text>&#10;</xsl:text>
      </body>
    </html>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
