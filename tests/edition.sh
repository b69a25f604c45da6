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
#   往期         a page of its own, linked from every page view

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

# The edition: the sample's stories on pages 1 and 3, in two issues.
cp -r articles "$t/a"
cat >"$t/a/2024-06-11/issue.yaml" <<'YAML'
number: 112
total: 6035
date: 2024-06-11
pages:
  - no: 1
    name: 要闻
    editor: 王芳
    stories:
      - file: wenxin-banzao.md
        slot: lead
      - huairou.md
      - lianjia.md
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
cp -r "$t/a/2024-06-11" "$t/a/2024-05-28"
sed -i 's/^date: .*/date: 2024-05-28/; s/^number: .*/number: 105/; s/^total: .*/total: 6028/' \
    "$t/a/2024-05-28/issue.yaml"
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

# ---- 往期 ------------------------------------------------------------------
: >"$t/why"
[ -s "$site/archive.html" ] || echo "no archive.html" >>"$t/why"
for f in index.html 2024-06-11/page-1.html 2024-05-28/page-3.html; do
	xpath "$site/$f" '//a[.="往期"]/@href' | grep -q 'archive' ||
		echo "$f: no 往期 link" >>"$t/why"
done
if [ -s "$t/why" ]; then
	fail "往期: its own page, linked from every page view" "$t/why"
else
	ok "往期: its own page, linked from every page view"
fi
