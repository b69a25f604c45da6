#!/bin/sh
# No two things write one path.  Before anything is written the build
# knows every path it will write; a story whose slug or photo claims a
# path an output holds (the issue's issue.xml, index.html, a story's
# ICML, an output a template adds) is refused with an error naming both,
# and nothing is overwritten; its preview gives the same error.
# Run by tests/run with PRESS and TMP set; prints "ok"/"FAIL" lines.

t=$TMP/claims
rm -rf "$t"
mkdir -p "$t/a/2024-01-08" "$t/a/2024-01-09"
cp articles/paper.yaml "$t/a/"
cp -r templates "$t/t"
d=$t/a/2024-01-08
e=$t/a/2024-01-09

ok() { echo "ok   $1"; }
notok() { echo "FAIL $1"; }

story() { # FILE TITLE [FRONT MATTER LINE]: the body from stdin
	{ printf -- '---\ntitle: %s\n%s---\n\n' "$2" "${3:+$3
}"; cat; } >"$1"
}
echo '本报讯（记者 张晶）正文一段。' | story "$d/good.md" 好稿
# Photos named as the issue's outputs, holding a page with a script.
echo '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>' >"$d/index.html"
cp "$d/index.html" "$d/good.icml"
cp "$d/index.html" "$d/issue.xml"
printf '![说明](index.html)\n' | story "$d/photo1.md" 照片一
printf '![s](good.icml)\n' | story "$d/photo2.md" 照片二
printf '![x](issue.xml)\n' | story "$d/photo3.md" 照片三
# A story named issue.md, one whose slug is issue, and one whose slug is
# an output a template adds (site/{issue}/contents.html).
echo '正文。' | story "$d/issue.md" 名为issue
echo '正文。' | story "$e/other.md" 别名 'slug: issue'
echo '正文。' | story "$e/contents.md" 目录
cat >"$d/issue.yaml" <<'YAML'
pages:
  - no: 1
    name: 要闻
    stories: [good.md, photo1.md, photo2.md, photo3.md, issue.md]
YAML
cat >"$e/issue.yaml" <<'YAML'
pages:
  - no: 1
    name: 要闻
    stories: [other.md, contents.md]
YAML
cat >>"$t/t/outputs.yaml" <<'YAML'
YAML
sed -i 's#^outputs:#outputs:\n  - sheet: html/issue.xsl\n    over: issue\n    path: site/{issue}/contents.html#' "$t/t/outputs.yaml"

"$PRESS" build -a "$t/a" -t "$t/t" -o "$t/out" >/dev/null 2>"$t/err"
status=$?
o=$t/out
if [ "$status" -eq 1 ] &&
    grep -q "^press: $d/issue.md: error: $o/print/2024-01-08/issue.xml is written by both $d/issue.yaml and $d/issue.md\$" "$t/err" &&
    grep -q "^press: $e/other.md: error: $o/print/2024-01-09/issue.xml is written by both $e/issue.yaml and $e/other.md\$" "$t/err" &&
    grep -q "^press: $e/contents.md: error: $o/site/2024-01-09/contents.html is written by both $e/issue.yaml and $e/contents.md\$" "$t/err" &&
    grep -q "^press: $d/index.html: error: photo: " "$t/err" &&
    grep -q "^press: $d/good.icml: error: photo: " "$t/err" &&
    grep -q "^press: $d/issue.xml: error: photo: " "$t/err"; then
	ok "claims: slugs and photos that take an output's path are errors naming both"
else
	notok "claims: slugs and photos that take an output's path are errors naming both (exit $status)"
	sed 's/^/    /' "$t/err" | head -20
fi
# A preview of such a story says what the build will say, and writes
# nothing.
"$PRESS" preview -a "$t/a" -t "$t/t" -o "$t/pv1" "$d/issue.md" >/dev/null 2>"$t/pv.err"
s1=$?
"$PRESS" preview -a "$t/a" -t "$t/t" -o "$t/pv2" "$e/contents.md" >/dev/null 2>>"$t/pv.err"
s2=$?
"$PRESS" preview -a "$t/a" -t "$t/t" -o "$t/pv3" "$d/good.md" >/dev/null 2>>"$t/pv.err"
s3=$?
if [ "$s1$s2$s3" = 110 ] && [ "$(wc -l <"$t/pv.err")" -eq 2 ] &&
    grep -q "^press: $d/issue.md: error: out/print/2024-01-08/issue.xml is written by both $d/issue.yaml and $d/issue.md\$" "$t/pv.err" &&
    grep -q "^press: $e/contents.md: error: out/site/2024-01-09/contents.html is written by both $e/issue.yaml and $e/contents.md\$" "$t/pv.err" &&
    [ ! -e "$t/pv1/issue.html" ] && [ ! -e "$t/pv2/contents.html" ] &&
    [ -s "$t/pv3/good.html" ]; then
	ok "claims: preview gives the build's error for a slug that takes an output's path"
else
	notok "claims: preview gives the build's error for a slug that takes an output's path (exit $s1 $s2 $s3)"
	sed 's/^/    /' "$t/pv.err"
fi
bad=
grep -q 'alert' "$o/site/2024-01-08/index.html" && bad="$bad index.html"
grep -q 'alert' "$o/print/2024-01-08/good.icml" && bad="$bad good.icml"
grep -q 'alert' "$o/print/2024-01-08/issue.xml" && bad="$bad issue.xml"
grep -q 'alert' "$o/site/2024-01-08/issue.xml" 2>/dev/null && bad="$bad site/issue.xml"
head -c 300 "$o/print/2024-01-08/issue.xml" | grep -q '<issue ' || bad="$bad issue.xml-not-the-issue"
head -c 300 "$o/print/2024-01-09/issue.xml" | grep -q '<issue ' || bad="$bad 2024-01-09/issue.xml-not-the-issue"
grep -q '<story id="good"' "$o/print/2024-01-08/issue.xml" || bad="$bad good-missing"
grep -q '<?aid' "$o/print/2024-01-08/good.icml" || bad="$bad good.icml-not-icml"
if [ -z "$bad" ]; then
	ok "claims: nothing an output wrote was overwritten"
else
	notok "claims: nothing an output wrote was overwritten:$bad"
fi
