#!/bin/sh
# tests/search.sh: 搜索 without a server, over the built sample ($OUT)
# and over a copy of it built and rebuilt here.  Run by tests/run with
# PRESS, OUT and TMP set; prints "ok"/"FAIL" lines.
#
#   index        search/index.json and its parts are written; the bigram
#                暖心 finds exactly the stories whose print XML holds it,
#                in page order, from one shard; a name of the byline
#                (张晶) finds its story; Latin words are lower-cased
#   newest first with a second issue, its stories come before the first's
#   incremental  a word added to a story is found after a rebuild; when
#                it is changed, the new word is found and the old one not;
#                a rebuild with nothing changed leaves the index as it was
#   records      each issue's pairs kept in out/.press/search make the
#                index the texts make, and an unchanged issue is indexed
#                from its record; a damaged record is read past and made
#                again; an issue taken away takes its record
#   buckets      over 200 generated stories (more shards than the index
#                has buckets, so each shard is written from its bucket
#                alone): a sample of terms finds exactly the stories
#                whose text holds them, and every story has its terms
#   chromium     tests/web/search.mjs: typing a query shows results with
#                <mark> at 390, 1024 and 1440 px, loads only the query's
#                shards, axe-core finds no violation, and without script
#                the page links 往期; screenshots in out/screenshots
#
# The lookups are tests/web/lookup.mjs, written apart from search.js.

LC_ALL=C.UTF-8
export LC_ALL
t=$TMP/search
rm -rf "$t"
mkdir -p "$t"
site=$OUT/site

ok() { echo "ok   $1"; }
fail() { # NAME [FILE with details]
	echo "FAIL $1"
	[ -n "$2" ] && [ -s "$2" ] && sed 's/^/    /' "$2" | head -20
	return 0
}

if ! command -v node >/dev/null; then
	echo "skip search: no node"
	exit 0
fi
look() { node tests/web/lookup.mjs "$@" 2>&1 | grep -v '^shard '; }

# ---- index ---------------------------------------------------------------
: >"$t/why"
for f in index.json docs-0.json terms-0.json 2024-06-11/wenxin-banzao.txt; do
	[ -s "$site/search/$f" ] || echo "no search/$f" >>"$t/why"
done
# The stories that hold 暖心, in the issue's order.
xmllint --xpath '//story/@slug' "$OUT/print/2024-06-11/issue.xml" |
    sed 's/.*"\(.*\)"/\1/' >"$t/order"
while read -r slug; do
	grep -q 暖心 "$OUT/print/2024-06-11/$slug.xml" && echo "2024-06-11/$slug"
done <"$t/order" >"$t/want"
node tests/web/lookup.mjs "$site" 暖心 >"$t/got" 2>&1
[ "$(grep -c '^shard ' "$t/got")" -eq 1 ] || echo "暖心 read $(grep -c '^shard ' "$t/got") shards" >>"$t/why"
grep -v '^shard ' "$t/got" >"$t/hits"
[ "$(wc -l <"$t/want")" -ge 2 ] || echo "the sample has no two stories with 暖心" >>"$t/why"
diff "$t/want" "$t/hits" >>"$t/why"
[ "$(look "$site" 张晶)" = 2024-06-11/wenxin-banzao ] ||
    echo "张晶: $(look "$site" 张晶)" >>"$t/why"
if [ -s "$t/why" ]; then
	fail "index: 暖心 finds the $(wc -l <"$t/want") stories that hold it, from one shard; 张晶 hers" "$t/why"
else
	ok "index: 暖心 finds the $(wc -l <"$t/want") stories that hold it, from one shard; 张晶 hers"
fi

# ---- a copy of the sample, rebuilt -------------------------------------------
cp -r articles "$t/a"
story=$t/a/2024-06-11/huairou.md
printf '\n鹦鹉螺号的志愿者说，Press-Test也来了。\n' >>"$story"
cp -r "$t/a/2024-06-11" "$t/a/2024-06-12"
sed -i 's/^date: 2024-06-11/date: 2024-06-12/; s/^number: 1$/number: 2/' \
    "$t/a/2024-06-12/issue.yaml"
rm "$t/a/2024-06-12/huairou.md"
sed -i 's/^      - huairou\.md$//' "$t/a/2024-06-12/issue.yaml"
"$PRESS" build -a "$t/a" -o "$t/o" >/dev/null 2>"$t/err"
: >"$t/why"
look "$t/o/site" 伴考 >"$t/hits"
head -n 1 "$t/hits" | grep -q '^2024-06-12/' && tail -n 1 "$t/hits" | grep -q '^2024-06-11/' ||
    { echo "伴考:"; cat "$t/hits" "$t/err"; } >>"$t/why"
[ "$(look "$t/o/site" "PRESS-test")" = 2024-06-11/huairou ] ||
    echo "PRESS-test: $(look "$t/o/site" "PRESS-test")" >>"$t/why"
if [ -s "$t/why" ]; then
	fail "index: the newer issue's stories first; Latin words in any case" "$t/why"
else
	ok "index: the newer issue's stories first; Latin words in any case"
fi

: >"$t/why"
[ "$(look "$t/o/site" 鹦鹉)" = 2024-06-11/huairou ] ||
    echo "before: 鹦鹉 finds '$(look "$t/o/site" 鹦鹉)'" >>"$t/why"
cp -r "$t/o/site/search" "$t/before"
"$PRESS" build -a "$t/a" -o "$t/o" >/dev/null 2>&1
diff -r "$t/before" "$t/o/site/search" >/dev/null ||
    echo "a rebuild with nothing changed changed the index" >>"$t/why"
sed -i 's/鹦鹉螺号/珊瑚礁号/' "$story"
"$PRESS" build -a "$t/a" -o "$t/o" >/dev/null 2>&1
[ "$(look "$t/o/site" 珊瑚)" = 2024-06-11/huairou ] ||
    echo "after: 珊瑚 finds '$(look "$t/o/site" 珊瑚)'" >>"$t/why"
[ -z "$(look "$t/o/site" 鹦鹉)" ] ||
    echo "after: 鹦鹉 still finds '$(look "$t/o/site" 鹦鹉)'" >>"$t/why"
grep -q 珊瑚礁号 "$t/o/site/search/2024-06-11/huairou.txt" ||
    echo "the story's text was not written again" >>"$t/why"
if [ -s "$t/why" ]; then
	fail "incremental: a story's new word is found after a rebuild, the old one not" "$t/why"
else
	ok "incremental: a story's new word is found after a rebuild, the old one not"
fi

# Each issue's pairs kept in out/.press/search/<id>: the index made from
# them is the index made from the texts; a damaged one is read past (the
# texts are read instead); an issue taken away takes its own.
: >"$t/why"
rec=$t/o/.press/search
[ -s "$rec/2024-06-11" ] && [ -s "$rec/2024-06-12" ] ||
    echo "no record of each issue in .press/search" >>"$t/why"
cp -r "$t/o/site/search" "$t/kept"
rm -rf "$t/o2"
cp -r "$t/o" "$t/o2"
rm -r "$t/o2/.press/search"
echo '又及。' >>"$t/a/2024-06-12/lianjia.md"
"$PRESS" build -a "$t/a" -o "$t/o" >/dev/null 2>&1
"$PRESS" build -a "$t/a" -o "$t/o2" >/dev/null 2>&1
diff -r "$t/o/site/search" "$t/o2/site/search" >/dev/null ||
    echo "the index made from the records is not the one made from the texts" >>"$t/why"
# An unchanged issue is indexed from its record, not its texts: a pair
# slipped into the record (独角 for its first story) is found.
cp "$rec/2024-06-11" "$t/kept-record"
printf '\006独角\000\000\000\000' >>"$rec/2024-06-11"
echo '三及。' >>"$t/a/2024-06-12/lianjia.md"
"$PRESS" build -a "$t/a" -o "$t/o" >/dev/null 2>&1
look "$t/o/site" 独角 | grep -q '^2024-06-11/' ||
    echo "the unchanged issue was read from its texts, not its record" >>"$t/why"
cp "$t/kept-record" "$rec/2024-06-11"
# Its own head line, then a pair of a story the issue does not have.
head -n 1 "$rec/2024-06-11" >"$t/damaged"
printf '\006暖心\377\377\377\377' >>"$t/damaged"
cp "$t/damaged" "$rec/2024-06-11"
echo '再及。' >>"$t/a/2024-06-12/lianjia.md"
"$PRESS" build -a "$t/a" -o "$t/o" >/dev/null 2>"$t/err"
[ "$(look "$t/o/site" 珊瑚)" = 2024-06-11/huairou ] ||
    echo "with a damaged record: 珊瑚 finds '$(look "$t/o/site" 珊瑚)'" >>"$t/why"
cmp -s "$t/damaged" "$rec/2024-06-11" &&
    echo "the damaged record was not made again" >>"$t/why"
mv "$t/a/2024-06-12" "$t/gone"
"$PRESS" build -a "$t/a" -o "$t/o" >/dev/null 2>&1
[ ! -e "$rec/2024-06-12" ] || echo "the record of an issue taken away stays" >>"$t/why"
mv "$t/gone" "$t/a/2024-06-12"
if [ -s "$t/why" ]; then
	fail "records: the index from each issue's kept pairs is the one from the texts; a damaged record is read past" "$t/why"
else
	ok "records: the index from each issue's kept pairs is the one from the texts; a damaged record is read past"
fi

# ---- buckets --------------------------------------------------------------------
# gencorpus's 200 stories make an index of 16 shards or more; search.c
# puts their pairs in 16 buckets.  Each term of a sample (bigrams of the
# first and last lines of a few stories' texts) is looked up and
# compared with the stories whose text holds it.
GEN=${GEN:-out/bin/gencorpus}
: >"$t/why"
"$GEN" 200 articles/2024-06-11 "$t/g" >/dev/null
"$PRESS" build -a "$t/g" -o "$t/go" >/dev/null 2>&1
shards=$(sed -n 's/.*"shards":\([0-9]*\).*/\1/p' "$t/go/site/search/index.json")
[ "${shards:-0}" -ge 16 ] || echo "only ${shards:-no} shards, fewer than the 16 buckets" >>"$t/why"
ls "$t/go/site/search"/*/*.txt | awk 'NR % 37 == 1' >"$t/sample"
while read -r f; do
	# Two bigrams of the story's first line and two of its last.
	for line in 1 '$'; do
		sed -n "${line}p" "$f" | grep -oP '\p{Han}{2}' | sed -n '1p; 3p'
	done
done <"$t/sample" | sort -u >"$t/words"
[ "$(wc -l <"$t/words")" -ge 10 ] || echo "only $(wc -l <"$t/words") terms sampled" >>"$t/why"
while read -r w; do
	(cd "$t/go/site/search" && grep -l -- "$w" */*.txt) | sed 's/\.txt$//' | sort >"$t/want"
	look "$t/go/site" "$w" | sort >"$t/hits"
	diff "$t/want" "$t/hits" >/dev/null ||
	    echo "$w: $(wc -l <"$t/hits") found, $(wc -l <"$t/want") hold it" >>"$t/why"
done <"$t/words"
if [ -s "$t/why" ]; then
	fail "buckets: $(wc -l <"$t/words") terms over 200 stories and ${shards:-no} shards find exactly the stories that hold them" "$t/why"
else
	ok "buckets: $(wc -l <"$t/words") terms over 200 stories and $shards shards find exactly the stories that hold them"
fi

# ---- in Chromium ---------------------------------------------------------------
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -d node_modules/playwright-core ]; then
	echo "skip chromium 搜索: no node_modules/playwright-core (npm ci)"
elif [ ! -x "$chromium" ]; then
	echo "skip chromium 搜索: no $chromium (apt-get install chromium)"
else
	node tests/web/search.mjs --site "$site" --query 暖心 \
	    --shots out/screenshots >"$t/shots" 2>&1
	status=$?
	cat "$t/shots"
	grep -q '^\(ok \|FAIL \)' "$t/shots" ||
		echo "FAIL chromium 搜索: search.mjs printed no result (exit $status)"
fi
