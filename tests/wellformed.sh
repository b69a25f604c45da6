#!/bin/sh
# No file press writes is ever malformed, whatever the copy holds: a
# corpus full of control characters and non-characters (in the text, in
# YAML escapes, in entities, in a headline, a page name, a photo's name)
# builds, each one is removed with a warning at its place (a YAML
# string's at its escape), and every XML file of the build (print files,
# heads, feed, sitemap) parses with xmllint, every HTML file with
# xmllint --html.
# Run by tests/run with PRESS and TMP set; prints "ok"/"FAIL" lines.

t=$TMP/wellformed
rm -rf "$t"
mkdir -p "$t/a/2024-01-08/img"
cp articles/paper.yaml "$t/a/"
cp tests/photos/pixel.png "$t/a/2024-01-08/img/ab.png"
d=$t/a/2024-01-08

ok() { echo "ok   $1"; }
notok() { echo "FAIL $1"; }

# Raw in the text: VT, FF, ESC, DEL, C1 NEL, U+FFFE, U+FFFF, U+FDD0,
# U+1FFFE.  Through YAML escapes and HTML entities.
printf -- '---\ntitle: "标题\\v带\\x1b控制符\\uFFFE"\nkicker: 引\177题\nsubtitle: ["副\\u0085题"]\n---\n\n' >"$d/raw.md"
printf '本报讯（记者 张晶）正文\013一行\014。\357\277\276和\357\277\277与\302\205及\177。\n\n' >>"$d/raw.md"
printf '非字符\357\267\220与\360\237\277\276。\n\n## 小\033标题\n\n`代\013码`\n' >>"$d/raw.md"
printf -- '---\ntitle: 实体\n---\n\n实体&#11;与&#xFFFE;和&#x85;。[链接](https://example.org/ "题&#11;目")\n\n![说&#12;明](img/a%%0Bb.png)\n\n```\n代码\033块\n```\n' >"$d/entity.md"
cat >"$d/issue.yaml" <<'YAML'
pages:
  - no: 1
    name: "要\v闻"
    banner: "通栏\uFFFF标语"
    stories: [raw.md, entity.md]
YAML

"$PRESS" build -a "$t/a" -o "$t/out" >/dev/null 2>"$t/err"
status=$?
n=$(grep -c 'warning: character U+[0-9A-F]* removed' "$t/err")
if [ "$status" -eq 0 ] && [ "$n" -ge 20 ] &&
    grep -q "raw.md:7:13: warning: character U+000B removed" "$t/err" &&
    grep -q "raw.md:2:11: warning: character U+000B removed" "$t/err" &&
    grep -q "issue.yaml:3:13: warning: character U+000B removed" "$t/err" &&
    grep -q '正文一行。和与及。' "$t/out/print/2024-01-08/raw.xml" &&
    grep -q '<headline>标题带控制符</headline>' "$t/out/print/2024-01-08/raw.xml"; then
	ok "control characters: removed with a warning at their place, the story printed"
else
	notok "control characters: removed with a warning at their place, the story printed (exit $status, $n warnings)"
	sed 's/^/    /' "$t/err" | head -30
fi

# Every file written parses.
: >"$t/bad"
nfiles=0
for f in $(cd "$t/out" && find . -type f | sort); do
	case $f in
	*.html)
		xmllint --html --noout "$t/out/$f" 2>&1 |
		    grep 'error' | grep -v 'Tag [a-z]* invalid' >>"$t/bad" ;;
	*.xml | *.icml)
		xmllint --noout "$t/out/$f" >>"$t/bad" 2>&1 ;;
	*) continue ;;
	esac
	nfiles=$((nfiles + 1))
done
for want in site/feed.xml site/sitemap.xml site/sitemap/2024-01.xml site/index.html \
    site/2024-01-08/raw.html print/2024-01-08/raw.icml \
    print/2024-01-08/issue.xml .press/heads/2024-01-08.xml; do
	[ -f "$t/out/$want" ] || echo "$want: not written" >>"$t/bad"
done
if [ ! -s "$t/bad" ] && [ "$nfiles" -ge 15 ]; then
	ok "control characters: all $nfiles XML and HTML files written parse"
else
	notok "control characters: all XML and HTML files written parse ($nfiles files)"
	sed 's/^/    /' "$t/bad" | head -30
fi
# The newest issue is on the home page, with its headline.
if grep -q '标题带控制符' "$t/out/site/index.html" &&
    grep -q '标题带控制符' "$t/out/site/feed.xml"; then
	ok "control characters: the headline is on the home page and in the feed"
else
	notok "control characters: the headline is on the home page and in the feed"
fi
