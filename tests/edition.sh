#!/bin/sh
# tests/edition.sh: the 电子版 as a reader opens it, over an edition of
# two issues of two pages each made from the sample (the sample has one
# page): the front door, the 报头, page numbers, 版面导航.
# Run by tests/run with PRESS and TMP set; prints "ok"/"FAIL" lines.
#
#   front        site/index.html is the newest issue's first page (its
#                stories, in order, linking into the issue's folder),
#                with the 报头: the paper's name, the date, 农历, 第N期,
#                总第N期, 国内统一连续出版物号 and the publisher; the
#                issue's inner page has the 报眉 and no 报头
#   page numbers every page reads 第01版, never 第1版
#   版面导航     every page view lists every page of its issue, number
#                and name, in order, its own marked aria-current, and
#                the headlines of the page
#   往期回顾     a calendar page a month (archive/2024-06.html), one
#                table, weeks from 星期一, each issue's day linked to its
#                first page; the years and the months with issues to step
#                through, 上一月 and 下一月; no script; each page view's
#                往期 links to its issue's month
#   pdf          issue.yaml's pdf: of a page is copied beside it and linked
#                as 下载本版 PDF with its size; a missing one is an error
#                at its line
#   picture      issue.yaml's image: of a page is copied and shown as 版面图
#                with a link over each story's area:, named by its
#                headline; a missing picture or an area off the page is an
#                error at its line, overlapping areas a warning
#   layout       the page views from 960 to 1440 px have no hole, no rule
#                at a column top, every story a box (tests/web/layout.mjs);
#                with a larger text size the columns stay 13em; printed on
#                A4 four columns fill the sheets (tests/web/print.mjs)

LC_ALL=C.UTF-8
export LC_ALL
t=$TMP/edition
rm -rf "$t"
mkdir -p "$t"

ok() { echo "ok   $1"; }
fail() { # NAME [FILE with details]
	echo "FAIL $1"
	[ -n "$2" ] && [ -s "$2" ] && sed 's/^/    /' "$2" | head -20
	return 0
}

# The edition: the sample's stories on pages 1 and 3, in three issues
# (two months of 2024, one of 2023).
cp -r articles "$t/a"
cat >"$t/a/2024-06-11/issue.yaml" <<'YAML'
number: 112
total: 6035
date: 2024-06-11
pages:
  - no: 1
    name: 要闻
    editor: 王芳
    pdf: pdf/第01版.pdf
    image: img/page-1.svg
    stories:
      - file: wenxin-banzao.md
        slot: lead
        area: {x: 2, y: 10, w: 64, h: 40}
      - file: huairou.md
        area: {x: 68, y: 10, w: 30, h: 40}
      - file: lianjia.md
        area: {x: 2, y: 51.4, w: 96, h: 30.6}
  - no: 3
    name: 首都工会
    banner: 深入学习贯彻党的二十大精神 奋力开拓首都工会工作新局面
    stories:
      - miyun.md
      - tianqiao.md
      - shunyi.md
      - 家庭日.md
      - pingpang.md
YAML
mkdir -p "$t/a/2024-06-11/pdf"
{ printf '%%PDF-1.4\n%% the layout desk'"'"'s page\n'; head -c 3000 /dev/zero | tr '\0' ' '
  printf '\n%%%%EOF\n'; } >"$t/a/2024-06-11/pdf/第01版.pdf"
# A picture of the printed page 1 (the layout desk's, as an SVG here).
cat >"$t/a/2024-06-11/img/page-1.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="700" height="980" viewBox="0 0 700 980"><rect width="700" height="980" fill="#f4f1ea"/><rect x="14" y="98" width="448" height="392" fill="#ddd"/><rect x="476" y="98" width="210" height="392" fill="#ccc"/><rect x="14" y="504" width="672" height="300" fill="#e4e0d8"/></svg>
SVG
cp -r "$t/a/2024-06-11" "$t/a/2024-05-28"
sed -i 's/^date: .*/date: 2024-05-28/; s/^number: .*/number: 105/; s/^total: .*/total: 6028/' \
    "$t/a/2024-05-28/issue.yaml"
cp -r "$t/a/2024-06-11" "$t/a/2023-12-29"
sed -i 's/^date: .*/date: 2023-12-29/; s/^number: .*/number: 260/; s/^total: .*/total: 5950/' \
    "$t/a/2023-12-29/issue.yaml"
"$PRESS" build -a "$t/a" -o "$t/out" >/dev/null 2>"$t/err"
site=$t/out/site
if [ ! -s "$site/index.html" ]; then
	fail "edition: the two issues build" "$t/err"
	exit 0
fi

# xpath FILE EXPR: the string value, HTML parsed by libxml2.
xpath() { xmllint --html --xpath "$2" "$1" 2>/dev/null; }

# ---- the front door ------------------------------------------------------
f=$site/index.html
: >"$t/why"
[ "$(xpath "$f" 'string(//header[@class="masthead"]/h1)')" = "劳动午报" ] ||
	echo "no nameplate 劳动午报 in an h1" >>"$t/why"
mast=$(xpath "$f" 'string(//header[@class="masthead"])')
for want in 2024年6月11日 星期二 农历甲辰年五月初六 第112期 总第6035期 \
    "国内统一连续出版物号 CN 11-0000" 北京市总工会主办; do
	case $mast in *"$want"*) ;; *) echo "报头 lacks $want" >>"$t/why" ;; esac
done
xpath "$f" '//article//h2//a/@href' | sed 's/.*="\(.*\)"/\1/' >"$t/got"
printf '2024-06-11/%s.html\n' wenxin-banzao huairou lianjia >"$t/want"
diff "$t/want" "$t/got" >>"$t/why"
[ "$(xpath "$f" 'count(//header[@class="running-head"])')" = 0 ] ||
	echo "the front has a 报眉" >>"$t/why"
if [ -s "$t/why" ]; then
	fail "front: index.html is 2024-06-11's 第01版 with the 报头" "$t/why"
else
	ok "front: index.html is 2024-06-11's 第01版 with the 报头"
fi
f=$site/2024-06-11/page-3.html
: >"$t/why"
[ "$(xpath "$f" 'count(//header[@class="masthead"])')" = 0 ] ||
	echo "page 3 has a 报头" >>"$t/why"
[ "$(xpath "$f" 'normalize-space(//h1)')" = "第03版 首都工会" ] ||
	echo "page 3's h1: $(xpath "$f" 'normalize-space(//h1)')" >>"$t/why"
if [ -s "$t/why" ]; then
	fail "front: an inner page has the 报眉, 第03版 首都工会, no 报头" "$t/why"
else
	ok "front: an inner page has the 报眉, 第03版 首都工会, no 报头"
fi

# ---- page numbers --------------------------------------------------------
grep -l '第<b>[0-9]</b>版\|第[0-9]版' "$site"/*.html "$site"/*/*.html >"$t/why"
if [ -s "$t/why" ]; then
	fail "page numbers: 第01版, never 第1版" "$t/why"
else
	ok "page numbers: 第01版, never 第1版"
fi

# ---- 版面导航 -------------------------------------------------------------
: >"$t/why"
for f in index.html 2024-06-11/page-1.html 2024-06-11/page-3.html \
    2024-05-28/page-1.html 2024-05-28/page-3.html; do
	nav='//nav[@aria-label="版面导航"]'
	got=$(xpath "$site/$f" "normalize-space($nav/ol)")
	[ "$got" = "第01版 要闻 第03版 首都工会" ] ||
		echo "$f: pages listed: $got" >>"$t/why"
	case $f in *page-3*) cur=3 ;; *) cur=1 ;; esac
	got=$(xpath "$site/$f" "count($nav//a[@aria-current='page'])")
	href=$(xpath "$site/$f" "string($nav//a[@aria-current='page']/@href)")
	[ "$got" = 1 ] && [ "${href##*/}" = "page-$cur.html" ] ||
		echo "$f: $got marked, $href" >>"$t/why"
	heads=$(xpath "$site/$f" 'count(//nav[@aria-labelledby="page-headlines"]//li)')
	stories=$(xpath "$site/$f" 'count(//main//article)')
	[ "$heads" = "$stories" ] && [ "$stories" -gt 0 ] ||
		echo "$f: $heads headlines listed for $stories stories" >>"$t/why"
done
if [ -s "$t/why" ]; then
	fail "版面导航: every page, its own marked, and its headlines" "$t/why"
else
	ok "版面导航: every page, its own marked, and its headlines"
fi

# ---- 往期回顾 ----------------------------------------------------------------
: >"$t/why"
ls "$site/archive" >"$t/got" 2>&1
printf '%s.html\n' 2023-12 2024-05 2024-06 >"$t/want"
diff "$t/want" "$t/got" >>"$t/why"
[ -e "$site/archive.html" ] && echo "archive.html, the whole archive in one file" >>"$t/why"
for f in index.html:archive/2024-06.html 2024-06-11/page-3.html:../archive/2024-06.html \
    2024-05-28/page-1.html:../archive/2024-05.html \
    2024-05-28/wenxin-banzao.html:../archive/2024-05.html \
    2023-12-29/index.html:../archive/2023-12.html; do
	got=$(xpath "$site/${f%%:*}" 'string((//a[.="往期"])[1]/@href)')
	[ "$got" = "${f#*:}" ] || echo "${f%%:*}: 往期 links to '$got'" >>"$t/why"
done
if [ -s "$t/why" ]; then
	fail "往期回顾: a page a month; each page view's 往期 goes to its month" "$t/why"
else
	ok "往期回顾: a page a month; each page view's 往期 goes to its month"
fi
: >"$t/why"
june=$site/archive/2024-06.html
may=$site/archive/2024-05.html
dec=$site/archive/2023-12.html
[ "$(xpath "$june" 'count(//table)')" = 1 ] || echo "June: not one table" >>"$t/why"
[ "$(xpath "$june" 'normalize-space(//table/caption)')" = 2024年6月 ] ||
	echo "June: caption $(xpath "$june" 'normalize-space(//table/caption)')" >>"$t/why"
[ "$(xpath "$june" 'normalize-space(//table/thead)')" = "一二三四五六日" ] ||
	echo "June: weeks not from 星期一: $(xpath "$june" 'normalize-space(//table/thead)')" >>"$t/why"
# 2024-06-01 is a Saturday, the 11th a Tuesday; 30 days; 2024-05-28 a
# Tuesday; 2023-12-29 a Friday.
[ "$(xpath "$june" 'count(//tbody/tr[1]/td[6][normalize-space() = "1"])')" = 1 ] ||
	echo "June: the 1st is not on Saturday" >>"$t/why"
[ "$(xpath "$june" 'count(//tbody//td[normalize-space() != ""])')" = 30 ] ||
	echo "June: not 30 days" >>"$t/why"
for c in "$june:2024-06-11:2:11" "$may:2024-05-28:2:28" "$dec:2023-12-29:5:29"; do
	f=${c%%:*}; c=${c#*:}; id=${c%%:*}; c=${c#*:}; col=${c%%:*}; day=${c#*:}
	a="//tbody//td[a]"
	[ "$(xpath "$f" "count($a)")" = 1 ] || echo "${f##*/}: $(xpath "$f" "count($a)") days linked" >>"$t/why"
	[ "$(xpath "$f" "string($a/a/@href)")" = "../$id/page-1.html" ] ||
		echo "${f##*/}: the day links to $(xpath "$f" "string($a/a/@href)")" >>"$t/why"
	[ "$(xpath "$f" "count($a/preceding-sibling::td) + 1")" = "$col" ] ||
		echo "${f##*/}: $id not in column $col" >>"$t/why"
	[ "$(xpath "$f" "string($a//time)")" = "$day" ] ||
		echo "${f##*/}: the linked day reads $(xpath "$f" "string($a//time)")" >>"$t/why"
done
if [ -s "$t/why" ]; then
	fail "往期回顾: a month is one table, weeks from 星期一, issue days linked" "$t/why"
else
	ok "往期回顾: a month is one table, weeks from 星期一, issue days linked"
fi
: >"$t/why"
nav='//nav[@aria-label="按年月"]'
[ "$(xpath "$june" "string($nav//a[@rel='prev']/@href)")" = 2024-05.html ] ||
	echo "June: 上一月 is not May" >>"$t/why"
[ "$(xpath "$june" "count($nav//a[@rel='next'])")" = 0 ] ||
	echo "June: a 下一月 after the newest month" >>"$t/why"
[ "$(xpath "$may" "string($nav//a[@rel='next']/@href)")" = 2024-06.html ] ||
	echo "May: 下一月 is not June" >>"$t/why"
[ "$(xpath "$may" "string($nav//a[@rel='prev']/@href)")" = 2023-12.html ] ||
	echo "May: 上一月 is not 2023-12" >>"$t/why"
[ "$(xpath "$june" "normalize-space($nav//ol)")" = "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月" ] ||
	echo "June: months $(xpath "$june" "normalize-space($nav//ol)")" >>"$t/why"
[ "$(xpath "$june" "count($nav//ol//a)")" = 2 ] &&
    [ "$(xpath "$june" "string($nav//ol//a[@aria-current]/@href)")" = 2024-06.html ] ||
	echo "June: months linked: $(xpath "$june" "count($nav//ol//a)")" >>"$t/why"
[ "$(xpath "$june" "string($nav//a[.='2023年']/@href)")" = 2023-12.html ] ||
	echo "June: no link to 2023" >>"$t/why"
[ "$(xpath "$dec" "string($nav//a[.='2024年']/@href)")" = 2024-06.html ] ||
	echo "2023-12: 2024 does not link to its newest month" >>"$t/why"
grep -l '<script\b' "$site"/archive/*.html | while read -r f; do
	grep -o '<script[^>]*>' "$f" | grep -v 'application/ld+json' | sed "s|^|${f##*/}: |"
done >>"$t/why"
if [ -s "$t/why" ]; then
	fail "往期回顾: years and months to step through, no script" "$t/why"
else
	ok "往期回顾: years and months to step through, no script"
fi

# ---- page PDFs ---------------------------------------------------------------
: >"$t/why"
f=$site/2024-06-11/page-1.html
href=$(xpath "$f" 'string(//p[@class="page-pdf"]/a/@href)')
[ "$href" = "pdf/%E7%AC%AC01%E7%89%88.pdf" ] || [ "$href" = "pdf/第01版.pdf" ] ||
	echo "page 1 links to '$href'" >>"$t/why"
cmp -s "$t/a/2024-06-11/pdf/第01版.pdf" "$site/2024-06-11/pdf/第01版.pdf" ||
	echo "the PDF is not copied beside the page" >>"$t/why"
got=$(xpath "$f" 'normalize-space(//p[@class="page-pdf"])')
[ "$got" = "下载本版 PDF（3 KB）" ] || echo "page 1 says '$got'" >>"$t/why"
[ "$(xpath "$site/2024-06-11/page-3.html" 'count(//p[@class="page-pdf"])')" = 0 ] ||
	echo "page 3 has no PDF but a link" >>"$t/why"
[ "$(xpath "$site/index.html" 'string(//p[@class="page-pdf"]/a/@href)')" = "2024-06-11/$href" ] ||
	echo "the front page does not link the PDF in its issue's folder" >>"$t/why"
cp -r "$t/a" "$t/b"
sed -i 's|pdf: pdf/第01版.pdf|pdf: pdf/none.pdf|' "$t/b/2024-06-11/issue.yaml"
"$PRESS" build -a "$t/b" -o "$t/bout" >/dev/null 2>"$t/err"
status=$?
grep -q "issue.yaml:8:10: error: no PDF pdf/none.pdf in the issue's folder" "$t/err" &&
    [ "$status" -eq 1 ] || { echo "a missing PDF (exit $status):"; cat "$t/err"; } >>"$t/why"
if [ -s "$t/why" ]; then
	fail "pdf: a page's PDF copied and linked with its size; a missing one is an error at its line" "$t/why"
else
	ok "pdf: a page's PDF copied and linked with its size; a missing one is an error at its line"
fi

# ---- page pictures ---------------------------------------------------------
: >"$t/why"
f=$site/2024-06-11/page-1.html
m='//section[@class="page-picture"]//div[@class="page-map"]'
[ "$(xpath "$f" "string($m/img/@src)")" = img/page-1.svg ] &&
    [ "$(xpath "$f" "string($m/img/@width)")" = 700 ] &&
    [ "$(xpath "$f" "string($m/img/@height)")" = 980 ] ||
	echo "page 1: picture $(xpath "$f" "string($m/img/@src)") $(xpath "$f" "string($m/img/@width)")×$(xpath "$f" "string($m/img/@height)")" >>"$t/why"
grep -q '<svg' "$site/2024-06-11/img/page-1.svg" 2>/dev/null ||
	echo "the picture is not copied beside the page" >>"$t/why"
for c in "wenxin-banzao:left:2%;top:10%;width:64%;height:40%" \
    "huairou:left:68%;top:10%;width:30%;height:40%" \
    "lianjia:left:2%;top:51.4%;width:96%;height:30.6%"; do
	slug=${c%%:*}
	a="$m/a[@href='$slug.html']"
	[ "$(xpath "$f" "string($a/@style)")" = "${c#*:}" ] ||
		echo "$slug: area '$(xpath "$f" "string($a/@style)")'" >>"$t/why"
	head=$(xpath "$site/2024-06-11/$slug.html" 'normalize-space(//h1)')
	[ -n "$head" ] && [ "$(xpath "$f" "normalize-space($a)")" = "$head" ] ||
		echo "$slug: the area is named '$(xpath "$f" "normalize-space($a)")', not '$head'" >>"$t/why"
done
[ "$(xpath "$f" "count($m/a)")" = 3 ] || echo "page 1: $(xpath "$f" "count($m/a)") areas" >>"$t/why"
[ "$(xpath "$site/2024-06-11/page-3.html" 'count(//section[@class="page-picture"])')" = 0 ] ||
	echo "page 3 has no picture but shows one" >>"$t/why"
if [ -s "$t/why" ]; then
	fail "picture: the page's picture with a link over each story's area, named by its headline" "$t/why"
else
	ok "picture: the page's picture with a link over each story's area, named by its headline"
fi
# A missing picture, an area off the page, a malformed area: errors at
# their lines, the issue not built; overlapping areas: a warning.
: >"$t/why"
cp -r "$t/a" "$t/c"
sed -i 's|image: img/page-1.svg|image: img/none.png|; s|{x: 68, y: 10, w: 30, h: 40}|{x: 68, y: 10, w: 40, h: 40}|; s|{x: 2, y: 51.4, w: 96, h: 30.6}|[2, 51.4, 96, 30.6]|' \
    "$t/c/2024-06-11/issue.yaml"
"$PRESS" build -a "$t/c" -o "$t/cout" >/dev/null 2>"$t/err"
status=$?
for want in "issue.yaml:9:12: error: no picture img/none.png of the page in the issue's folder" \
    "issue.yaml:15:15: error: area: outside the page: x and y from 0, w and h above 0, x + w (108) and y + h (50) at most 100" \
    "issue.yaml:17:15: error: area: x, y, w and h, per cent of the page"; do
	grep -qF "$want" "$t/err" || echo "no '$want'" >>"$t/why"
done
[ "$status" -eq 1 ] && [ ! -e "$t/cout/site/2024-06-11/page-1.html" ] ||
	echo "exit $status, page 1 written: $(ls "$t/cout/site/2024-06-11" 2>&1 | head -3)" >>"$t/why"
cp -r "$t/a" "$t/d"
sed -i 's|{x: 2, y: 51.4, w: 96, h: 30.6}|{x: 2, y: 45, w: 96, h: 30.6}|' "$t/d/2024-06-11/issue.yaml"
"$PRESS" build -a "$t/d" -o "$t/dout" >/dev/null 2>"$t/err"
status=$?
grep -qF "issue.yaml:17:15: warning: the area of lianjia.md overlaps that of wenxin-banzao.md (line 13)" "$t/err" &&
    [ "$status" -eq 0 ] || { echo "overlap (exit $status):"; grep -v '\[' "$t/err"; } >>"$t/why"
if [ -s "$t/why" ]; then
	fail "picture: a missing picture or an area off the page is an error at its line; an overlap a warning" "$t/why"
else
	ok "picture: a missing picture or an area off the page is an error at its line; an overlap a warning"
fi

# ---- in Chromium -----------------------------------------------------------
# Headlines break between words at 390, 1024 and 1440 px; the 版面导航 is
# one strip on a phone; the screenshots of the front page, an inner page,
# a story and the calendar go to out/screenshots/edition-*.png.  And the
# word check fails on tests/web/wordbreak.html.
chromium=${CHROMIUM:-/usr/bin/chromium}
if ! command -v node >/dev/null || [ ! -d node_modules/playwright-core ]; then
	echo "skip chromium: no node_modules/playwright-core (npm ci)"
elif [ ! -x "$chromium" ]; then
	echo "skip chromium: no $chromium (apt-get install chromium)"
else
	node tests/web/edition.mjs --site "$site" --shots out/screenshots \
	    index.html 2024-06-11/page-1.html 2024-06-11/page-3.html 2024-06-11/wenxin-banzao.html \
	    2024-06-11/shunyi.html archive/2024-06.html >"$t/shots" 2>&1
	status=$?
	cat "$t/shots"
	grep -q '^\(ok \|FAIL \)' "$t/shots" ||
		echo "FAIL chromium: edition.mjs printed no result (exit $status)"
	# The page views as a designer sees them (tests/web/layout.mjs): holes,
	# rules at a column top, boxed stories from 960 to 1440 px, and the
	# grid of 13em columns with a larger text size; and printed on A4
	# (tests/web/print.mjs, with pdftoppm).
	node tests/web/layout.mjs --site "$site" index.html \
	    2024-06-11/page-1.html 2024-06-11/page-3.html >"$t/layout" 2>&1
	status=$?
	cat "$t/layout"
	grep -q '^\(ok \|FAIL \)' "$t/layout" ||
		echo "FAIL layout: layout.mjs printed no result (exit $status)"
	node tests/web/layout.mjs --site "$site" --widths 1440 --root-size 125% \
	    index.html 2024-06-11/page-3.html >"$t/layout" 2>&1
	status=$?
	cat "$t/layout"
	grep -q '^\(ok \|FAIL \)' "$t/layout" ||
		echo "FAIL layout: layout.mjs printed no result (exit $status)"
	if command -v pdftoppm >/dev/null; then
		node tests/web/print.mjs --site "$site" --tmp "$t/print" index.html \
		    2024-06-11/page-3.html >"$t/print.out" 2>&1
		status=$?
		cat "$t/print.out"
		grep -q '^\(ok \|FAIL \)' "$t/print.out" ||
			echo "FAIL print: print.mjs printed no result (exit $status)"
	else
		echo "skip print: no pdftoppm (apt-get install poppler-utils)"
	fi
	node tests/web/edition.mjs --site tests/web --widths 390 wordbreak.html \
	    >"$t/neg" 2>&1
	status=$?
	if [ "$status" -eq 1 ] && grep -q 'breaks inside a word' "$t/neg"; then
		ok "chromium: the word check fails on tests/web/wordbreak.html"
	else
		fail "chromium: the word check fails on tests/web/wordbreak.html (exit $status)" "$t/neg"
	fi
fi

# ---- accessibility -----------------------------------------------------------
# axe-core over every page type (front, issue contents, page, story,
# calendar, a preview) at 390 and 1440 px: no WCAG 2.1 A or AA violation.
# And it finds the two of tests/web/inaccessible.html.
if ! command -v node >/dev/null || [ ! -d node_modules/axe-core ] ||
    [ ! -d node_modules/playwright-core ]; then
	echo "skip axe: no node_modules/axe-core or playwright-core (npm ci)"
elif [ ! -x "$chromium" ]; then
	echo "skip axe: no $chromium (apt-get install chromium)"
else
	mkdir -p "$site/preview"
	"$PRESS" preview -o "$site/preview" tests/body/figure.md >/dev/null 2>&1
	node tests/web/axe.mjs --site "$site" index.html 2024-06-11/index.html \
	    2024-06-11/page-3.html 2024-06-11/wenxin-banzao.html \
	    2024-06-11/jiatingri.html archive/2024-06.html preview/figure.html \
	    >"$t/axe" 2>&1
	status=$?
	cat "$t/axe"
	grep -q '^\(ok \|FAIL \)' "$t/axe" ||
		echo "FAIL axe: axe.mjs printed no result (exit $status)"
	node tests/web/axe.mjs --site tests/web --widths 390 inaccessible.html \
	    >"$t/neg" 2>&1
	status=$?
	if [ "$status" -eq 1 ] && grep -q 'image-alt' "$t/neg" &&
	    grep -q 'color-contrast' "$t/neg"; then
		ok "axe: finds the missing alt and the low contrast of tests/web/inaccessible.html"
	else
		fail "axe: finds the missing alt and the low contrast of tests/web/inaccessible.html (exit $status)" "$t/neg"
	fi
fi
