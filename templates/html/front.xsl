<?xml version="1.0" encoding="UTF-8"?>
<!--
  front.xsl: the site's front door, index.html at the site root: the
  newest issue's first page (第01版), as page.xsl lays it out, with the
  报头 (templates/README.md, "Conventions").

  Input: the newest issue's document (over: latest).
  Params
    root   "" (the file is at the site root).
    page   the page shown; default the issue's first page.
  Output: page.xsl's page view, every link and photo going into the
  issue's folder ({issue}/page-3.html, {issue}/img/…).  Canonical URL:
  the site's url.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="page.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="root" select="''"/>
  <xsl:param name="page" select="/issue/page[1]/@no"/>

  <xsl:variable name="into" select="concat(/issue/@id, '/')"/>

</xsl:stylesheet>
