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
for f in site/feed.xml site/sitemap/2024-06.xml site/index.html; do
	grep -q '2024-06-12' "$t/out/$f" && left="$left $f"
done
if [ "$before" -gt 0 ] && [ "$status" -eq 0 ] && [ -z "$left" ] &&
    grep -q '2024-06-11' "$t/out/site/feed.xml" &&
    [ -s "$t/out/site/2024-06-11/index.html" ]; then
	ok "withdrawn issue: its files go, archive, feed and sitemap without it"
else
	notok "withdrawn issue: its files go, archive, feed and sitemap without it (exit $status; left:$left)"
fi

# A month whose only issue is withdrawn: its 往期 page and its sitemap
# file go too, and no other page links them.
rm -rf "$t/a/2024-06-12" "$t/out"
cp -r "$t/a/2024-06-11" "$t/a/2024-07-01"
sed -i 's/^date: 2024-06-11/date: 2024-07-01/; s/^number: 1/number: 2/' \
    "$t/a/2024-07-01/issue.yaml"
"$PRESS" build -a "$t/a" -o "$t/out" >/dev/null 2>&1
made=no
[ -s "$t/out/site/archive/2024-07.html" ] && made=yes
rm -rf "$t/a/2024-07-01"
"$PRESS" build -a "$t/a" -o "$t/out" >/dev/null 2>"$t/err"
status=$?
left=
for f in archive/2024-07.html sitemap/2024-07.xml; do
	[ -e "$t/out/site/$f" ] && left="$left $f"
done
grep -l '2024-07' "$t/out/site/archive/"*.html "$t/out/site/sitemap.xml" \
    >/dev/null 2>&1 && left="$left links"
if [ "$made" = yes ] && [ "$status" -eq 0 ] && [ -z "$left" ] &&
    [ -s "$t/out/site/archive/2024-06.html" ]; then
	ok "withdrawn issue: its month's only page goes"
else
	notok "withdrawn issue: its month's only page goes (made $made, exit $status; left:$left)"
fi
