#!/bin/sh
# A withdrawn issue is unpublished: remove its folder and build, and its
# out/site and out/print folders go, and the archive, the feed and the
# sitemap are rendered again without it, even when no other issue
# changed.
# Run by tests/run with PRESS and TMP set; prints "ok"/"FAIL" lines.

t=$TMP/withdrawn
rm -rf "$t"
mkdir -p "$t"
cp -r articles "$t/a"
cp -r "$t/a/2024-06-11" "$t/a/2024-06-12"
sed -i 's/^date: 2024-06-11/date: 2024-06-12/; s/^number: 1/number: 2/' \
    "$t/a/2024-06-12/issue.yaml"

ok() { echo "ok   $1"; }
notok() { echo "FAIL $1"; }

"$PRESS" build -a "$t/a" -o "$t/out" >/dev/null 2>&1
before=$(grep -c '2024-06-12' "$t/out/site/feed.xml")
rm -rf "$t/a/2024-06-12"
"$PRESS" build -a "$t/a" -o "$t/out" >/dev/null 2>"$t/err"
status=$?
left=
for f in site/2024-06-12 print/2024-06-12 .press/heads/2024-06-12.xml \
    .press/files/2024-06-12; do
	[ -e "$t/out/$f" ] && left="$left $f"
done
for f in site/feed.xml site/sitemap.xml site/index.html; do
	grep -q '2024-06-12' "$t/out/$f" && left="$left $f"
done
if [ "$before" -gt 0 ] && [ "$status" -eq 0 ] && [ -z "$left" ] &&
    grep -q '2024-06-11' "$t/out/site/feed.xml" &&
    [ -s "$t/out/site/2024-06-11/index.html" ]; then
	ok "withdrawn issue: its files go, archive, feed and sitemap without it"
else
	notok "withdrawn issue: its files go, archive, feed and sitemap without it (exit $status; left:$left)"
fi
