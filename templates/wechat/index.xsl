<?xml version="1.0" encoding="UTF-8"?>
<!--
  index.xsl: the day's WeChat articles, wechat/{issue}/index.html.

  For the editor who posts to the account: the issue's stories in
  reading order (pages in order, a page's stories in order), each under
  a bar with its page, its headline, a link to its own file and a
  复制全文 button; below the bar the article exactly as it pastes (the
  markup of wechat/story.xsl's page, mode "article").  The button puts
  that markup on the clipboard as rich text (text/html, with the plain
  text beside it); the script at the end is the only one of the WeChat
  outputs, and never part of what is copied.

  Params: issue (the issue's id).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="story.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:variable name="s-bar" select="concat('margin: 2em 0 .75em; padding: .5em 0; border-top: 3px solid ', $ink, '; border-bottom: 1px solid ', $rule, '; font-family: ', $hei, '; font-size: 14px; line-height: 1.6; color: ', $muted, '; display: flex; flex-wrap: wrap; align-items: center; gap: .25em 1em;')"/>
  <xsl:variable name="s-button" select="concat('margin-left: auto; padding: .3em 1em; font-family: ', $hei, '; font-size: 14px; color: #fff; background-color: ', $accent, '; border: 0; border-radius: 4px; cursor: pointer;')"/>

  <xsl:template match="/">
    <xsl:variable name="date">
      <xsl:call-template name="date-text">
        <xsl:with-param name="date" select="/issue/@date"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="title">
      <xsl:value-of select="concat(/issue/@paper, ' ', $date)"/>
      <xsl:if test="/issue/@number">
        <xsl:value-of select="concat(' 第', /issue/@number, '期')"/>
      </xsl:if>
    </xsl:variable>
    <xsl:call-template name="document">
      <xsl:with-param name="title" select="concat($title, ' 公众号文章')"/>
      <xsl:with-param name="content">
        <h1 style="{concat('margin: 0 0 .25em; font-family: ', $hei, '; font-size: 20px; line-height: 1.4;')}">
          <xsl:value-of select="$title"/>
          <xsl:text> 公众号文章</xsl:text>
        </h1>
        <p style="{concat('margin: 0; font-family: ', $hei, '; font-size: 14px; color: ', $muted, ';')}">
          <xsl:value-of select="concat(count(//story), ' 篇。')"/>
          <xsl:text>点“复制全文”，到公众号编辑器的正文里粘贴；标题、作者和摘要另填，图片在编辑器里重新上传。</xsl:text>
        </p>
        <xsl:for-each select="/issue/page/story">
          <xsl:text>&#10;</xsl:text>
          <div style="{$s-bar}">
            <span>
              <xsl:value-of select="concat('第', ../@no, '版 ', ../@name)"/>
            </span>
            <a href="{@slug}.html" style="{concat('color: ', $ink, ';')}">
              <xsl:value-of select="head/headline"/>
            </a>
            <button type="button" style="{$s-button}">复制全文</button>
          </div>
          <xsl:text>&#10;</xsl:text>
          <div>
            <xsl:apply-templates select="." mode="article"/>
          </div>
        </xsl:for-each>
        <xsl:text>&#10;</xsl:text>
        <script>
          <xsl:text disable-output-escaping="yes">
// 复制全文: the article under the button's bar, as rich text.  The copy
// event carries exactly the article's markup (a copied selection would
// carry the browser's computed styles instead).
for (const button of document.querySelectorAll('button')) {
  button.addEventListener('click', () => {
    const article = button.parentElement.nextElementSibling.firstElementChild;
    const put = (e) => {
      e.clipboardData.setData('text/html', article.outerHTML);
      e.clipboardData.setData('text/plain', article.innerText);
      e.preventDefault();
    };
    document.addEventListener('copy', put, { once: true });
    const done = document.execCommand('copy');
    document.removeEventListener('copy', put);
    button.textContent = done ? '已复制' : '复制失败，请手动选择';
    setTimeout(() => { button.textContent = '复制全文'; }, 2000);
  });
}
</xsl:text>
        </script>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
