#!/bin/sh
# tests/web.sh: the web edition of the built sample, $OUT/site, as the Nu
# HTML Checker, a link checker and a reader in headless Chromium see it.
# Run by tests/run from the repository root with OUT (where the sample was
# built), TMP (scratch) and PRESS (the program).  One line per check: "ok
# NAME", "FAIL NAME" with details indented by 4 spaces, or "skip NAME:
# reason" when a tool is missing (node_modules: npm ci; java:
# default-jre-headless; chromium).
#
#   html         vnu --errors-only over every HTML file of the site and
#                over two previews; vnu --css over the stylesheets
#   feed         feed.xml is Atom (tests/web/atom.rng), one entry for each
#                story of the newest issue, dated by the issue
#   sitemap      sitemap.xml, an index (tests/web/sitemapindex.rng) of a
#                file a month (tests/web/sitemap.rng), lists every HTML page
#   links        no broken internal link or image (tests/web/links.mjs),
#                the site's absolute URLs included; and the check finds the
#                broken links of tests/web/broken/
#   metadata     lang, title, description, canonical URL and Open Graph
#                on every page, NewsArticle JSON-LD on every story page
#                (tests/web/meta.mjs)
#   requests     no page loads anything from the network: no http(s) in
#                the src or href of a link, script, img … (canonical and
#                feed links aside), no url(http…) in the CSS
#   css size     the stylesheets copied to the site add up to under 30 KB
#   chromium     each page at 1440 and 390 px (tests/web/shots.mjs): no
#                horizontal overflow, every headline visible, no closing
#                mark at a line start, local fonts, no request; the
#                screenshots go to out/screenshots/<name>-<width>.png.  And
#                the check fails on tests/web/overflow.html, hidden.html and
#                punctuation.html.
#   layout       the page views from 960 to 1440 px: no hole over two
#                lines, no rule at a column top, every story a box
#                (tests/web/layout.mjs)

LC_ALL=C.UTF-8
export LC_ALL
site=$OUT/site
w=$TMP/web
rm -rf "$w"
mkdir -p "$w"
vnu=node_modules/vnu-jar/build/dist/vnu.jar
chromium=${CHROMIUM:-/usr/bin/chromium}
shots=out/screenshots

ok() { echo "ok   $1"; }
skip() { echo "skip $1"; }
fail() { # NAME [FILE with details]
	echo "FAIL $1"
	[ -n "$2" ] && [ -s "$2" ] && sed 's/^/    /' "$2" | head -40
	return 0
}

# The site's address, as paper.yaml gives it (the issues carry it).
issue_xml=$(find "$OUT"/print -name issue.xml 2>/dev/null | sort | tail -n 1)
url=
[ -n "$issue_xml" ] && url=$(xmllint --xpath 'string(/issue/@url)' "$issue_xml" 2>/dev/null)

html_files() { (cd "$site" && find . -name '*.html' | sed 's|^\./||' | sort); }
html_files >"$w/pages"
npages=$(wc -l <"$w/pages")

have_node=
command -v node >/dev/null && [ -d node_modules/playwright-core ] && have_node=1

# ---- HTML: the Nu HTML Checker ------------------------------------------
if ! command -v java >/dev/null; then
	skip "html: vnu: no java (apt-get install default-jre-headless)"
elif [ ! -f "$vnu" ]; then
	skip "html: vnu: no $vnu (npm ci)"
else
	mkdir -p "$w/preview"
	"$PRESS" preview -o "$w/preview" tests/body/figure.md >/dev/null 2>&1
	"$PRESS" preview -o "$w/preview" tests/body/dateline.md >/dev/null 2>&1
	if java -jar "$vnu" --errors-only --skip-non-html "$site" "$w/preview" \
	    >"$w/vnu" 2>&1 && [ "$npages" -gt 0 ]; then
		ok "html: vnu finds no error in $npages pages and 2 previews"
	else
		fail "html: vnu finds no error in $npages pages and 2 previews" "$w/vnu"
	fi
	# vnu's CSS checker predates container queries (CSS Containment 3):
	# their blocks are checked as @media all, without container-type.
	mkdir -p "$w/css"
	for f in "$site"/*.css; do
		sed 's/@container[^{]*{/@media all {/; s/container-type: *[a-z-]*;//' \
		    "$f" >"$w/css/${f##*/}"
	done
	if java -jar "$vnu" --errors-only --css "$w"/css/*.css >"$w/vnu" 2>&1; then
		ok "html: vnu finds no error in the CSS"
	else
		fail "html: vnu finds no error in the CSS" "$w/vnu"
	fi
fi

# ---- feed and sitemap ----------------------------------------------------
f=$site/feed.xml
if xmllint --noout --relaxng tests/web/atom.rng "$f" >"$w/lint" 2>&1; then
	want=$(xmllint --xpath 'count(//story)' "$issue_xml")
	got=$(xmllint --xpath 'count(//*[local-name()="entry"])' "$f")
	date=$(xmllint --xpath 'string(/issue/@date)' "$issue_xml")
	other=$(grep -o '<\(updated\|published\)>[^<]*<' "$f" |
	    grep -vc ">${date}T00:00:00+08:00<")
	if [ "$got" = "$want" ] && [ "$other" -eq 0 ]; then
		ok "feed: Atom, $got entries, dated $date"
	else
		echo "$got entries for $want stories; $other dates not ${date}T00:00:00+08:00" >"$w/lint"
		fail "feed: one entry a story of the newest issue, dated by it" "$w/lint"
	fi
else
	fail "feed: feed.xml is Atom (tests/web/atom.rng)" "$w/lint"
fi
# The sitemap: an index (tests/web/sitemapindex.rng) over a file a month
# (tests/web/sitemap.rng), each under sitemaps.org's 50,000 addresses.
f=$site/sitemap.xml
if xmllint --noout --relaxng tests/web/sitemapindex.rng "$f" >"$w/lint" 2>&1; then
	: >"$w/got"
	: >"$w/parts"
	for loc in $(sed -n 's|.*<loc>\(.*\)</loc>.*|\1|p' "$f"); do
		part=$site/${loc#"$url"}
		echo "$loc" >>"$w/parts"
		if ! xmllint --noout --relaxng tests/web/sitemap.rng "$part" \
		    >>"$w/lint" 2>&1 ||
		    [ "$(grep -c '<url>' "$part")" -gt 50000 ]; then
			echo "$part: not a sitemap of at most 50,000 addresses" >>"$w/lint"
			echo bad >>"$w/got"
		fi
		sed -n 's|.*<loc>\(.*\)</loc>.*|\1|p' "$part" >>"$w/got"
	done
	# Every page is listed once (index.html by its folder), every file of
	# sitemap/ is in the index.
	sed 's|^index\.html$||; s|/index\.html$|/|' "$w/pages" | sed "s|^|$url|" |
	    sort >"$w/want"
	sort "$w/got" >"$w/got.s"
	(cd "$site" && ls sitemap/*.xml) | sed "s|^|$url|" | sort >"$w/files"
	if [ -n "$url" ] && diff "$w/want" "$w/got.s" >>"$w/lint" &&
	    sort "$w/parts" | diff "$w/files" - >>"$w/lint"; then
		ok "sitemap: an index of $(wc -l <"$w/parts") files listing all $npages pages"
	else
		fail "sitemap: an index of files listing all $npages pages" "$w/lint"
	fi
else
	fail "sitemap: sitemap.xml is a sitemap index (tests/web/sitemapindex.rng)" "$w/lint"
fi

# ---- links ---------------------------------------------------------------
if ! command -v node >/dev/null; then
	skip "links: no node"
else
	node tests/web/links.mjs "$site" --base "$url" >"$w/links" 2>&1
	if grep -q '^ok   links:\|^FAIL links:' "$w/links"; then
		cat "$w/links"
	else
		fail "links: tests/web/links.mjs printed no result" "$w/links"
	fi
	node tests/web/links.mjs tests/web/broken --base https://example.org/ \
	    >"$w/links" 2>&1
	status=$?
	if [ "$status" -eq 1 ] && grep -q 'missing.html' "$w/links" &&
	    grep -q 'img/missing.png' "$w/links" && grep -q '"nowhere"' "$w/links" &&
	    grep -q 'leaves the site' "$w/links" && grep -q '^FAIL links: 4 broken' "$w/links"; then
		ok "links: the check finds the 4 broken links of tests/web/broken"
	else
		fail "links: the check finds the 4 broken links of tests/web/broken (exit $status)" "$w/links"
	fi
fi

# ---- metadata ------------------------------------------------------------
if command -v node >/dev/null; then
	node tests/web/meta.mjs "$site" --base "$url" >"$w/meta" 2>&1
	if grep -q '^ok   metadata:\|^FAIL metadata:' "$w/meta"; then
		cat "$w/meta"
	else
		fail "metadata: tests/web/meta.mjs printed no result" "$w/meta"
	fi
else
	skip "metadata: no node"
fi

# ---- no external requests ------------------------------------------------
# Elements that load something, with an http(s) or protocol-relative URL;
# the canonical and feed links are addresses, not loads.
# shellcheck disable=SC2046 # one argument a page; the names have no space
grep -o '<\(link\|script\|img\|iframe\|source\|video\|audio\|embed\|object\|track\|input\)\b[^>]*>' \
    $(sed "s|^|$site/|" "$w/pages") /dev/null |
    grep '\(src\|href\|data\|poster\)="\(https\?:\)\?//' |
    grep -v 'rel="\(canonical\|alternate\)"' >"$w/ext"
grep -n 'url( *["'"'"']\?\(https\?:\)\?//\|@import' "$site"/*.css >>"$w/ext"
if [ -s "$w/ext" ]; then
	fail "requests: pages and CSS load nothing from the network" "$w/ext"
else
	ok "requests: pages and CSS load nothing from the network"
fi

# ---- CSS size ------------------------------------------------------------
css=$(cat "$site"/*.css | wc -c)
if [ "$css" -gt 0 ] && [ "$css" -lt 30000 ]; then
	ok "css size: $css bytes, under 30 KB"
else
	ls -l "$site"/*.css >"$w/css"
	fail "css size: $css bytes, want 1 to 29999" "$w/css"
fi

# ---- headless Chromium ---------------------------------------------------
if [ -z "$have_node" ]; then
	skip "chromium: no node_modules/playwright-core (npm ci)"
elif [ ! -x "$chromium" ]; then
	skip "chromium: no $chromium (apt-get install chromium)"
else
	# shellcheck disable=SC2046 # one argument a page
	node tests/web/shots.mjs --site "$site" --shots "$shots" \
	    --widths 1440,390 $(cat "$w/pages") >"$w/shots" 2>&1
	status=$?
	cat "$w/shots"
	if ! grep -q '^\(ok \|FAIL \)' "$w/shots"; then
		echo "FAIL chromium: shots.mjs printed no result (exit $status)"
	fi
	# The sample's page views laid out as the paper is (holes, rules at a
	# column top, boxed stories) from 960 to 1440 px.
	node tests/web/layout.mjs --site "$site" $(grep 'page-[0-9]*\.html$' "$w/pages") \
	    index.html >"$w/layout" 2>&1
	status=$?
	cat "$w/layout"
	grep -q '^\(ok \|FAIL \)' "$w/layout" ||
		echo "FAIL layout: layout.mjs printed no result (exit $status)"
	# The checks can fail: a page too wide, hidden headlines, a comma
	# at the start of a line.
	for case in overflow:overflow hidden:headlines punctuation:punctuation; do
		page=${case%%:*}
		what=${case#*:}
		node tests/web/shots.mjs --site tests/web --widths 1440,390 \
		    "$page.html" >"$w/neg" 2>&1
		status=$?
		if [ "$status" -eq 1 ] && grep -q "^FAIL chromium: $page.html" "$w/neg" &&
		    [ "$(grep -c "^    [0-9]*px: $what:" "$w/neg")" -ge 2 ]; then
			ok "chromium: the $what check fails on tests/web/$page.html"
		else
			fail "chromium: the $what check fails on tests/web/$page.html (exit $status)" "$w/neg"
		fi
	done
fi
