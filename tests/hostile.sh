#!/bin/sh
# Broken and hostile input: each case gets its exact message and exit
# status, nothing crashes, and the rest of the issue still builds.
# Run by tests/run with PRESS and TMP set; prints "ok"/"FAIL" lines.

t=$TMP/hostile
rm -rf "$t"
mkdir -p "$t/a/2024-01-08/img"
cp articles/paper.yaml "$t/a/"
d=$t/a/2024-01-08
clean='职工志愿者为考生和家长搭建爱心休息点，准备了爱心座椅和矿泉水。'

ok() { echo "ok   $1"; }
notok() { echo "FAIL $1"; }

# story NAME: a story file with a header, the body from stdin.
story() {
	{ printf -- '---\ntitle: 测试稿件\n---\n\n'; cat; } >"$d/$1.md"
}

echo "本报讯（记者 张晶）$clean" | story good
# A 50 MB story and a 10 MB line.
awk -v s="$clean" 'BEGIN { p = s s s s s s s s s s; for (i = 0; i < 28000; i++) print p "\n" }' | story big
awk -v s="$clean" 'BEGIN { for (i = 0; i < 110000; i++) printf "%s", s; print "" }' | story longline
# 100,000 nested block quotes, list items and emphasis.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf ">"; print " 深" }' | story quotes
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "- "; print "项" }' | story lists
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "*"; printf "中"; for (i = 0; i < 100000; i++) printf "*"; print "" }' | story emphasis
# A binary file named .md, tabs in YAML, a slug that climbs out.
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$d/binary.md"
printf -- '---\ntitle: 制表符\n\tgenre: 消息\n---\n\n正文。\n' >"$d/tab.md"
printf -- '---\ntitle: 路径\nslug: ../../etc\n---\n\n正文。\n' >"$d/slug.md"
# Links out of articles/: a story and a photo.
ln -s "$PWD/README.md" "$d/outside.md"
printf -- '---\ntitle: 图片链接\n---\n\n![图](img/outside.svg)\n' >"$d/photo.md"
ln -s "$PWD/articles/2024-06-11/img/lianjia.svg" "$d/img/outside.svg"
cat >"$d/issue.yaml" <<'YAML'
pages:
  - no: 1
    name: 要闻
    stories: [good.md, big.md, longline.md, quotes.md, lists.md, emphasis.md,
              binary.md, tab.md, slug.md, outside.md, photo.md, /etc/passwd,
              ../2024-06-11/huairou.md, missing.md, good.md]
YAML

"$PRESS" build -a "$t/a" -o "$t/out" 2>"$t/err"
echo "exit $?" >>"$t/err"
f=$d
cat >"$t/want" <<WANT
press: $f/quotes.md:5:32: error: nested more than 32 levels deep (quotes, lists or emphasis)
press: $f/lists.md:5:31: error: nested more than 32 levels deep (quotes, lists or emphasis)
press: $f/emphasis.md:5:1: error: nested more than 32 levels deep (quotes, lists or emphasis)
press: $f/binary.md:3:1: error: NUL byte: not a text file
press: $f/tab.md:3:1: error: a tab indents this line: indent with spaces
press: $f/slug.md:3:7: error: 'slug': lower-case letters, digits and '-' only, not 'index' or 'page-…'
press: $f/issue.yaml:5:43: error: 'outside.md' leads outside $t/a
press: $f/photo.md:5:1: error: 'img/outside.svg' leads outside the story's folder
press: $f/issue.yaml:5:65: error: no such story: /etc/passwd
press: $f/issue.yaml:6:15: error: no such story: ../2024-06-11/huairou.md
press: $f/issue.yaml:6:41: error: no such story: missing.md
press: $f/issue.yaml:6:53: error: story placed twice: good.md (first on line 4)
exit 1
WANT
if diff -u "$t/want" "$t/err" >"$t/diff"; then
	ok "hostile input: every message and the exit status"
else
	notok "hostile input: every message and the exit status"
	sed 's/^/    /' "$t/diff" | head -40
fi
n=$(ls "$t/out/site/2024-01-08/"*.html 2>/dev/null | wc -l)
# good, big and longline, the page and the issue index.
if [ "$n" -eq 5 ] && grep -q "$clean" "$t/out/site/2024-01-08/good.html"; then
	ok "hostile input: the rest of the issue still builds"
else
	notok "hostile input: the rest of the issue still builds ($n pages)"
fi
