#!/bin/sh
# Smaller cases of hostile input: a stylesheet outputs.yaml names but
# that is not there is "no such file"; an issue.yaml of 300,000 entries,
# a story with a 3 MB headline and the e-mail edition of a story of
# 200,000 paragraphs are built in time linear in their size.  Each runs under a generous limit of CPU time (ulimit -t, which a
# busy machine does not shorten; no clock is read): linear, each takes a
# few seconds even under the sanitizers, quadratic it took many minutes.
# Run by tests/run with PRESS and TMP set; prints "ok"/"FAIL" lines.

t=$TMP/smaller
rm -rf "$t"
mkdir -p "$t/a/2024-01-08"
cp articles/paper.yaml "$t/a/"
d=$t/a/2024-01-08

# The sanitizers' bookkeeping costs several times the CPU (most of it in
# the kernel, mapping shadow memory): their build gets five times the
# limit.  The plain build's limit is the one that tells linear from
# quadratic; under the sanitizers the cases check what they find.
case $PRESS in
*/asan/*) cpu=600 paras=20000 ;;
*) cpu=120 paras=200000 ;;
esac

ok() { echo "ok   $1"; }
notok() { echo "FAIL $1"; }

cp -r templates "$t/t"
sed -i 's#sheet: print/nitf.xsl#sheet: print/nosuch.xsl#' "$t/t/outputs.yaml"
"$PRESS" build -t "$t/t" -o "$t/out1" >/dev/null 2>"$t/err"
if grep -q "^press: $t/t/outputs.yaml:[0-9]*:[0-9]*: error: template: no stylesheet $t/t/print/nosuch.xsl\$" "$t/err" &&
    ! grep -q 'cannot parse' "$t/err"; then
	ok "a missing stylesheet is named at its line in outputs.yaml"
else
	notok "a missing stylesheet is named at its line in outputs.yaml"
	sed 's/^/    /' "$t/err" | head -5
fi

printf -- '---\ntitle: 好\n---\n\n正文。\n' >"$d/s.md"
awk 'BEGIN { print "pages:\n  - no: 1\n    name: 要闻\n    stories:"; print "      - s.md";
    for (i = 0; i < 300000; i++) print "      - s" i ".md" }' >"$d/issue.yaml"
(ulimit -t $cpu; exec timeout 1800 "$PRESS" build -a "$t/a" -o "$t/out2") \
    >/dev/null 2>"$t/err"
status=$?
if [ "$status" -eq 1 ] && [ -s "$t/out2/site/2024-01-08/s.html" ] &&
    grep -q "issue.yaml:6:9: error: no such story: s0.md" "$t/err"; then
	ok "an issue.yaml of 300,000 entries builds in linear time"
else
	notok "an issue.yaml of 300,000 entries builds in linear time (exit $status)"
fi

rm -f "$d/issue.yaml"
{ printf -- '---\ntitle: '
  awk 'BEGIN { s = "标题"; while (length(s) < 1000000) s = s s; print s }'
  printf -- '---\n\n正文。\n'; } >"$d/s.md"
printf 'pages:\n  - no: 1\n    name: 要闻\n    stories: [s.md]\n' >"$d/issue.yaml"
(ulimit -t $cpu; exec timeout 1800 "$PRESS" build -a "$t/a" -o "$t/out3") \
    >/dev/null 2>"$t/err"
status=$?
if [ "$status" -eq 0 ] && [ -s "$t/out3/site/2024-01-08/s.html" ]; then
	ok "a story with a 3 MB headline builds in linear time"
else
	notok "a story with a 3 MB headline builds in linear time (exit $status)"
	sed 's/^/    /' "$t/err" | cut -c1-200 | head -5
fi

# The e-mail edition alone (templates whose outputs.yaml names only it),
# over a story of 200,000 paragraphs (20,000 under the sanitizers, whose
# malloc makes libxslt many times slower): its plain-text part was one string
# grown by appending, copied whole at each paragraph.
rm -f "$d/s.md"
{ printf -- '---\ntitle: 好\n---\n\n'
  awk -v n=$paras 'BEGIN { for (i = 0; i < n; i++) print "职工志愿者为考生和家长搭建爱心休息点，准备了矿泉水。\n" }'; } >"$d/s.md"
cp -r templates "$t/mail"
printf 'outputs:\n  - sheet: mail/issue.xsl\n    over: issue\n    path: mail/{issue}.eml\n' >"$t/mail/outputs.yaml"
(ulimit -t $cpu; exec timeout 1800 "$PRESS" build -a "$t/a" -t "$t/mail" -o "$t/out4") \
    >/dev/null 2>"$t/err"
status=$?
if [ "$status" -eq 0 ] &&
    [ "$(grep -cx '职工志愿者为考生和家长搭建爱心休息点，准备了矿泉水。' "$t/out4/mail/2024-01-08.eml")" -eq $paras ]; then
	ok "the e-mail edition of a story of 200,000 paragraphs is made in linear time"
else
	notok "the e-mail edition of a story of 200,000 paragraphs is made in linear time (exit $status)"
	sed 's/^/    /' "$t/err" | cut -c1-200 | head -5
fi
