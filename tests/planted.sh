#!/bin/sh
# The precision of the proofreading rules, measured.  Run by tests/run
# from the repository's root with PRESS and TMP; prints "ok   NAME" or
# "FAIL NAME" lines, details indented under a FAIL.
#
#   planted corpus   tests/planted/<rule>.txt: for every rule of press.1's
#                    RULES, three or more planted errors, each "- wrong"
#                    with its corrected twin "+ right" on the next line
#                    (\n is a line break; a case that starts with ---
#                    is a whole story, else the body of one).  Every case
#                    is a story of one issue dated 2024-07-16, checked
#                    with articles/house.yaml in one run.  A case is
#                    caught when its story has a message of its rule; at
#                    least 98% must be, and no twin may have any message.
#   generated copy   gencorpus's stories (PLANTED_GEN of them, 500 unless
#                    told; 10,000 for the figure of the report), checked
#                    with articles/house.yaml: the only messages are the
#                    sample's two real slips, which gencorpus copies; the
#                    false alarms per 10,000 字 of clean copy are printed.

LC_ALL=C.UTF-8
export LC_ALL
PRESS=${PRESS:-$PWD/out/bin/press}
TMP=${TMP:-$(mktemp -d)}
GEN=${GEN:-out/bin/gencorpus}
t=$TMP/planted
rm -rf "$t"
mkdir -p "$t"

ok() { echo "ok   $1"; }
notok() {
	echo "FAIL $1"
	[ -s "$t/why" ] && sed 's/^/    /' "$t/why" | head -40
	: >"$t/why"
}

# ---- the planted corpus -----------------------------------------------------
a=$t/articles
d=$a/2024-07-16
mkdir -p "$d/img"
cp articles/paper.yaml articles/house.yaml "$a/"
cp tests/check/caught/img/photo.svg "$d/img/"
# w-RULE-N.md (the error) and t-RULE-N.md (its twin) for every case.
for f in tests/planted/*.txt; do
	rule=${f##*/}
	rule=${rule%.txt}
	awk -v rule="$rule" -v dir="$d" -v src="$f" '
	function story(name, text,    out) {
		gsub(/\\n/, "\n", text)
		out = dir "/" name
		if (substr(text, 1, 4) == "---\n")
			printf "%s\n", text >out
		else
			printf "---\ntitle: 第%d例\n---\n\n%s\n", n, text >out
		close(out)
	}
	/^#/ || /^$/ { next }
	/^- / { n++; story("w-" rule "-" n ".md", substr($0, 3)); want = 1; next }
	/^\+ / && want { story("t-" rule "-" n ".md", substr($0, 3)); want = 0; next }
	{ printf "%s:%d: not a case line: %s\n", src, NR, $0 >"/dev/stderr" }
	END { if (want) printf "%s: case %d has no twin\n", src, n >"/dev/stderr" }
	' "$f" 2>>"$t/why"
done
if [ -s "$t/why" ]; then
	notok "planted corpus: every case has its twin"
else
	ok "planted corpus: every case has its twin"
fi
{
	printf 'number: 1\ndate: 2024-07-16\npages:\n  - no: 1\n    name: 要闻\n    stories:\n'
	(cd "$d" && ls ./*.md | sed 's|^\./|      - |')
} >"$d/issue.yaml"

# Every rule has at least three cases.
sed -n 's/^\.It Cm \([a-z-]*\) Pq [EW]$/\1/p' press.1 >"$t/rules"
for r in $(cat "$t/rules"); do
	n=$(ls "$d" | grep -c "^w-$r-[0-9]*\.md$")
	[ "$n" -ge 3 ] || echo "$r: $n cases" >>"$t/why"
done
if [ ! -s "$t/why" ]; then
	ok "planted corpus: three cases or more for each of $(wc -l <"$t/rules") rules"
else
	notok "planted corpus: three cases or more for each rule"
fi

"$PRESS" check -a "$a" >"$t/out" 2>&1
total=0
caught=0
for w in "$d"/w-*.md; do
	name=${w##*/}
	rule=$(echo "$name" | sed 's/^w-\(.*\)-[0-9]*\.md$/\1/')
	total=$((total + 1))
	if grep -q "^press: [^ ]*/$name:.*\[$rule\]\$" "$t/out"; then
		caught=$((caught + 1))
	else
		echo "missed: $name: $(sed -n '/^---$/,/^---$/!p' "$w" | tr -d '\n')" >>"$t/why"
	fi
done
pct=$(awk -v c="$caught" -v n="$total" 'BEGIN { printf "%.1f", n ? 100 * c / n : 0 }')
if [ "$total" -gt 0 ] && [ $((caught * 100)) -ge $((total * 98)) ]; then
	ok "planted corpus: $caught of $total caught ($pct%, 98% wanted)"
	sed 's/^/    /' "$t/why"
	: >"$t/why"
else
	notok "planted corpus: $caught of $total caught ($pct%, 98% wanted)"
fi
# Every message is about a planted error: none about a twin, nor any other.
grep '^press: ' "$t/out" | grep -v '^press: [^ ]*/w-[^/]*\.md:' >"$t/why"
twins=$(ls "$d" | grep -c '^t-')
if [ ! -s "$t/why" ]; then
	ok "planted corpus: no message on any of the $twins corrected twins"
else
	notok "planted corpus: messages on the corrected twins"
fi

# ---- generated copy -------------------------------------------------------------
if [ ! -x "$GEN" ]; then
	notok "generated copy: $GEN not built"
	exit 0
fi
g=$t/gen
"$GEN" "${PLANTED_GEN:-500}" articles/2024-06-11 "$g" >/dev/null
cp articles/house.yaml "$g/"
"$PRESS" check -a "$g" >"$t/gen.out" 2>&1
# The sample's two slips, wherever gencorpus put their sentences.
grep '^press: ' "$t/gen.out" |
    grep -v ': warning: “的” perhaps typed twice: 品等服务的的基础上，\{0,1\} → 品等服务的基础上，\{0,1\} \[char-repeated\]$' |
    grep -v ': error: “学生和家可能” should be “学生和家长可能”: [^ ]* → [^ ]* \[word-miswritten\]$' \
    >"$t/why"
chars=$(sed -n 's/^[0-9]* stories, \([0-9]*\) 字:.*/\1/p' "$t/gen.out" | tail -n 1)
false=$(wc -l <"$t/why")
rate=$(awk -v f="$false" -v c="${chars:-0}" 'BEGIN { printf "%.2f", c ? f * 10000 / c : 0 }')
if [ -n "$chars" ] && [ "$false" -eq 0 ]; then
	ok "generated copy: ${PLANTED_GEN:-500} stories, $chars 字: the sample's two slips only, $false false alarms ($rate per 10,000 字)"
else
	notok "generated copy: ${PLANTED_GEN:-500} stories, ${chars:-?} 字: $false false alarms ($rate per 10,000 字)"
fi
