#!/bin/sh
# The archive a month at a time, from the heads kept in out/.press.
#
#   months    a head changed in one issue renders its own month's
#             outputs again and no other month's; an edit inside a story
#             renders no month; a new month renders every month (each
#             page steps to the others)
#   sitemap   sitemap.xml is an index over a file a month; each file
#             holds its month's addresses
#   limit     a month's sitemap over its limit (html/sitemap-month.xsl's
#             param limit, 50,000, set low here) is an error naming the
#             month, and the file is not written
#
# Run by tests/run with TMP and PRESS set; prints "ok"/"FAIL" lines.

t=$TMP/archive
rm -rf "$t"
mkdir -p "$t"
cp -r articles "$t/a"
cp -r templates "$t/t"
cp -r "$t/a/2024-06-11" "$t/a/2024-07-02"
sed -i 's/^date: 2024-06-11/date: 2024-07-02/; s/^number: 1/number: 2/' \
    "$t/a/2024-07-02/issue.yaml"
o=$t/out

ok() { echo "ok   $1"; }
notok() { echo "FAIL $1"; }
build() { "$PRESS" build -a "$t/a" -t "$t/t" -o "$o" "$@" 2>"$t/err"; }
# The months whose outputs a build rendered: a probe output over month
# says its month through xsl:message.
rendered() {
	sed -n 's|.*xsl:message rendering .*/probe/\(....-..\)\.txt: month.*|\1|p' \
	    "$t/err" | sort | tr '\n' ' '
}

cat >"$t/t/probe.xsl" <<'XSL'
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:param name="month"/>
  <xsl:template match="/">
    <xsl:message>month</xsl:message>
    <xsl:value-of select="count(/archive/issue)"/>
  </xsl:template>
</xsl:stylesheet>
XSL
cp "$t/t/outputs.yaml" "$t/outputs.yaml"
sed -i 's|^outputs:$|outputs:\n  - sheet: probe.xsl\n    over: month\n    path: site/probe/{month}.txt|' \
    "$t/t/outputs.yaml"

# months
build
first=$(rendered)
sed -i '0,/^title:/s/^title: \(.*\)$/title: \1改/' "$t/a/2024-07-02/huairou.md"
build
head=$(rendered)
echo "又及。" >>"$t/a/2024-06-11/huairou.md"
build
body=$(rendered)
cp -r "$t/a/2024-06-11" "$t/a/2024-05-20"
sed -i 's/^date: 2024-06-11/date: 2024-05-20/; s/^number: 1/number: 3/' \
    "$t/a/2024-05-20/issue.yaml"
build
new=$(rendered)
if [ "$first" = "2024-06 2024-07 " ] && [ "$head" = "2024-07 " ] &&
    [ -z "$body" ] && [ "$new" = "2024-05 2024-06 2024-07 " ] &&
    [ "$(cat "$o/site/probe/2024-06.txt")" = 1 ] &&
    grep -q '改' "$o/site/archive/2024-07.html" &&
    grep -q 'href="2024-05.html"' "$o/site/archive/2024-07.html"; then
	ok "months: a head changed renders its month only, a new month all"
else
	notok "months: a head changed renders its month only, a new month all (first '$first', head '$head', body '$body', new '$new')"
fi

# sitemap
rm -f "$t/t/probe.xsl"
cp "$t/outputs.yaml" "$t/t/outputs.yaml"
rm -rf "$o"
build
idx=$(sed -n 's|.*<loc>https://[^/]*/\(.*\)</loc>.*|\1|p' "$o/site/sitemap.xml" |
    tr '\n' ' ')
may=$(grep -c '<url>' "$o/site/sitemap/2024-05.xml" 2>/dev/null)
if [ "$idx" = "sitemap/2024-07.xml sitemap/2024-06.xml sitemap/2024-05.xml " ] &&
    grep -q '<loc>https://[^/]*/</loc>' "$o/site/sitemap/2024-07.xml" &&
    ! grep -q '<loc>https://[^/]*/</loc>' "$o/site/sitemap/2024-06.xml" &&
    grep -q '2024-05-20/huairou.html' "$o/site/sitemap/2024-05.xml" &&
    ! grep -q '2024-05-20' "$o/site/sitemap/2024-06.xml" &&
    [ "$may" -gt 1 ]; then
	ok "sitemap: an index over a file a month, each with its month's $may addresses"
else
	notok "sitemap: an index over a file a month ($idx; 2024-05: $may addresses)"
fi

# limit
sed -i 's|<xsl:param name="limit" select="50000"/>|<xsl:param name="limit" select="'"$((may - 1))"'"/>|' \
    "$t/t/html/sitemap-month.xsl"
rm -rf "$o"
build
status=$?
if [ "$status" -eq 1 ] && [ ! -e "$o/site/sitemap/2024-05.xml" ] &&
    grep -q "error: .*the sitemap of 2024-05 would hold $may addresses, over the limit of $((may - 1))" "$t/err"; then
	ok "limit: a month's sitemap over the limit is an error, not written"
else
	notok "limit: a month's sitemap over the limit is an error, not written (exit $status)"
	sed 's/^/    /' "$t/err" | head -5
fi
