#!/bin/sh
# tests/import.sh: press import of plain-text pages.  Run by tests/run from
# the repository root with OUT (where the sample was built), TMP (scratch)
# and PRESS (the program).
#
#   seed          the seed page (tests/sample/seed.txt) imported and built
#                 gives the sample issue's words block for block: every
#                 banner, headline, subtitle, dateline, byline, paragraph,
#                 caption and credit, and each story's genre; its messages
#                 are tests/import/seed.err
#   verbatim      the stories' text is the page's, line breaks aside
#   encodings     the seed in GB18030 with CRLF line ends imports the same
#   Chinese       under zh_CN.UTF-8 its guesses and its complaints
#                 about the command line are Chinese
#   no overwrite  an import into a folder with files refuses and leaves
#                 them alone
#   generated     a hundred pages from gencorpus --pages, imported and
#                 built; paragraph-boundary precision and recall against
#                 the blocks the generator kept aside (at least 0.98), and
#                 every page's text kept

ok() { echo "ok   $1"; }
notok() { echo "FAIL $1"; }
T=$TMP/import
rm -rf "$T"
mkdir -p "$T/a/articles"
cp articles/paper.yaml "$T/a/articles/"

# The blocks of a built issue, one a line, empty lines left out.
blocks() { xsltproc tests/sample/text.xsl "$1" | grep -v '^$'; }

# score TRUTH IMPORTED: appends "tp fp fn" for the boundaries between
# blocks (byte offsets where one ends) to $T/score.
score() {
	awk 'FNR == 1 { f++; off = 0 }
	     { off += length($0); if (f == 1) t[off] = 1; else i[off] = 1 }
	     END { for (o in i) if (o in t) tp++; else fp++
	           for (o in t) if (!(o in i)) fn++
	           print tp + 0, fp + 0, fn + 0 }' "$1" "$2" >>"$T/score"
}

# ---- the seed page ----
"$PRESS" import -o "$T/a/articles/2024-06-11" --page 3 --name 首都工会 \
    tests/sample/seed.txt >/dev/null 2>"$T/seed.err"
echo "exit $?" >>"$T/seed.err"
if diff -u tests/import/seed.err "$T/seed.err" >"$T/diff"; then
	ok "import: the seed's messages"
else
	notok "import: the seed's messages"
	sed 's/^/    /' "$T/diff"
fi
# In Chinese: every guess and every complaint about the command line,
# once file names, the option names and the words quoted from the page
# are set aside.
{
	LC_ALL=zh_CN.UTF-8 "$PRESS" import -o "$T/zh/2024-06-11" --page 3 \
	    tests/sample/seed.txt
	printf '第一行标题\n\n　　正文一段没有结束\n' >"$T/page.txt"
	LC_ALL=zh_CN.UTF-8 "$PRESS" import -o "$T/zh/2024-06-12" "$T/page.txt"
	LC_ALL=zh_CN.UTF-8 "$PRESS" import -o "$T/zh/2024-06-11" "$T/page.txt"
	LC_ALL=zh_CN.UTF-8 "$PRESS" import --date 2024-6-1 "$T/page.txt"
	LC_ALL=zh_CN.UTF-8 "$PRESS" import --page 0 "$T/page.txt"
	LC_ALL=zh_CN.UTF-8 "$PRESS" import -o "$T/zh/x" "$T/page.txt"
	LC_ALL=zh_CN.UTF-8 "$PRESS" import --date 2024-06-13
} >/dev/null 2>"$T/zh.err"
sed -n 's/^press: //p' "$T/zh.err" | sed -e "s/'[^']*'//g" -e 's#[^ ：:]*/[^ ：:]*##g' \
    -e 's/--[a-z]*//g' -e 's/-o\b//g' -e 's/^import //' | grep -E '[A-Za-z]{3,}' >"$T/english"
if [ "$(grep -c '^press: ' "$T/zh.err")" -ge 10 ] && [ ! -s "$T/english" ]; then
	ok "import: its messages in Chinese under zh_CN.UTF-8"
else
	notok "import: its messages in Chinese under zh_CN.UTF-8"
	sed 's/^/    /' "$T/english" "$T/zh.err"
fi
"$PRESS" build -a "$T/a/articles" -t templates -o "$T/a/out" 2>"$T/build.err" >/dev/null
built=$T/a/out/print/2024-06-11/issue.xml
blocks "$OUT/print/2024-06-11/issue.xml" >"$T/want"
blocks "$built" >"$T/got" 2>/dev/null
if [ -s "$T/got" ] && diff -u "$T/want" "$T/got" >"$T/diff"; then
	ok "import: the seed gives the sample issue, block for block"
else
	notok "import: the seed gives the sample issue, block for block"
	sed 's/^/    /' "$T/diff" "$T/build.err" | head -30
fi
head_of() {
	sed -n 's/.*\(<page [^>]*>\).*/\1/p; s/.*<story [^>]*\(genre="[^"]*"\).*/\1/p' "$1" |
	    sed 's/<story /\n/g' | grep -o 'genre="[^"]*"\|<page [^>]*>'
}
head_of "$OUT/print/2024-06-11/issue.xml" >"$T/want.head"
head_of "$built" >"$T/got.head" 2>/dev/null
if [ -s "$T/got.head" ] && diff -u "$T/want.head" "$T/got.head" >"$T/diff"; then
	ok "import: the seed's page, banner and genres are the sample's"
else
	notok "import: the seed's page, banner and genres are the sample's"
	sed 's/^/    /' "$T/diff"
fi
rm -f "$T/score"
score "$T/want" "$T/got"
read -r tp fp fn <"$T/score"
echo "ok   import: seed: paragraph boundaries precision $(echo "$tp $fp" |
    awk '{ printf "%.3f", $1 / ($1 + $2) }'), recall $(echo "$tp $fn" |
    awk '{ printf "%.3f", $1 / ($1 + $2) }') ($tp of $((tp + fn)))" |
    sed 's/^ok  /ok  /'
if [ "$fp" -ne 0 ] || [ "$fn" -ne 0 ]; then
	notok "import: seed boundaries: $fp wrong, $fn missed"
fi
# Nothing lost, nothing added: the page's text, line breaks aside.
tr -d '\n' <"$T/got" >"$T/got.text"
grep -v '^$' tests/sample/seed.txt | tr -d '\n' >"$T/page.text"
if cmp -s "$T/page.text" "$T/got.text"; then
	ok "import: the seed's stories hold the page's text, verbatim"
else
	notok "import: the seed's stories hold the page's text, verbatim"
fi

# ---- GB18030 with CRLF ----
iconv -f UTF-8 -t GB18030 tests/sample/seed.txt | sed 's/$/\r/' >"$T/seed-gb.txt"
"$PRESS" import -o "$T/gb" --date 2024-06-11 --page 3 --name 首都工会 \
    "$T/seed-gb.txt" >/dev/null 2>"$T/gb.err"
"$PRESS" import -o "$T/utf8" --date 2024-06-11 --page 3 --name 首都工会 \
    tests/sample/seed.txt >/dev/null 2>"$T/utf8.err"
sed "s#$T/seed-gb.txt#tests/sample/seed.txt#" "$T/gb.err" >"$T/gb2.err"
if diff -r "$T/utf8" "$T/gb" >"$T/diff" && cmp -s "$T/utf8.err" "$T/gb2.err"; then
	ok "import: the seed in GB18030 with CRLF imports the same"
else
	notok "import: the seed in GB18030 with CRLF imports the same"
	sed 's/^/    /' "$T/diff" | head -20
fi

# ---- no surprise overwrites ----
ls -l "$T/utf8" >"$T/before"
"$PRESS" import -o "$T/utf8" --date 2024-06-11 tests/sample/seed.txt \
    >/dev/null 2>"$T/err"
status=$?
ls -l "$T/utf8" >"$T/after"
if [ "$status" -eq 1 ] && grep -q 'not empty' "$T/err" &&
    cmp -s "$T/before" "$T/after"; then
	ok "import: a folder with files is refused and left alone"
else
	notok "import: a folder with files is refused and left alone (exit $status)"
fi

# ---- generated pages ----
GEN=${GEN:-out/bin/gencorpus}
if [ ! -x "$GEN" ]; then
	notok "import: generated pages: $GEN not built"
	exit 0
fi
rm -rf "$T/gen" "$T/g"
mkdir -p "$T/g/articles"
cp articles/paper.yaml "$T/g/articles/"
"$GEN" --pages 100 articles/2024-06-11 "$T/gen"
for txt in "$T"/gen/page-*.txt; do
	k=$(basename "$txt" .txt)
	k=${k#page-}
	d=$(date -u -d "2020-01-01 +$(expr "$k" + 0) days" +%F 2>/dev/null ||
	    echo "2020-01-01")
	echo "$d $k" >>"$T/gen/dates"
	"$PRESS" import -o "$T/g/articles/$d" "$txt" >/dev/null 2>>"$T/gen.err"
done
"$PRESS" build -a "$T/g/articles" -t templates -o "$T/g/out" >/dev/null 2>"$T/gbuild.err"
rm -f "$T/score"
lost=0
while read -r d k; do
	blocks "$T/g/out/print/$d/issue.xml" >"$T/got" 2>/dev/null
	grep -v '^$' "$T/gen/page-$k.blocks" >"$T/want"
	score "$T/want" "$T/got"
	tr -d '\n' <"$T/got" >"$T/got.text"
	grep -v '^$' "$T/gen/page-$k.txt" | tr -d '\n' >"$T/page.text"
	cmp -s "$T/page.text" "$T/got.text" || lost=$((lost + 1))
done <"$T/gen/dates"
awk '{ tp += $1; fp += $2; fn += $3 }
     END { p = tp / (tp + fp); r = tp / (tp + fn)
           line = sprintf("import: 100 generated pages: paragraph boundaries precision %.4f, recall %.4f (%d found, %d wrong, %d missed)", p, r, tp, fp, fn)
           print (p >= 0.98 && r >= 0.98 ? "ok   " : "FAIL ") line }' "$T/score"
if [ "$lost" -eq 0 ]; then
	ok "import: 100 generated pages: the stories hold each page's text, verbatim"
else
	notok "import: generated pages: $lost pages' text differs from the stories'"
fi
