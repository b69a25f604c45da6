#!/bin/sh
# Conformance: every example of the CommonMark spec (npm commonmark-spec,
# pinned in package-lock.json) and every extension example of the GFM
# spec (tests/spec/gfm-spec.txt: table, strikethrough, autolink,
# tagfilter) is a story of one issue, built by press in one run; each
# story's web body, normalised (tests/spec/normalize.xsl), is compared
# with the spec's HTML.  The verdict of each example (pass, differs, or
# unbuilt when press refuses the story) must be the one
# tests/spec/expected gives, where every example that does not pass has
# its reason: a deliberate difference, or a known loss still to mend.
# Prints the counts; REGEN=1 rewrites the verdicts of tests/spec/expected
# keeping the reasons of examples whose verdict did not change (review
# the diff).
#
# Environment (set by tests/run): TMP, a scratch folder; PRESS, the
# program.  Run from the repository root.

TMP=${TMP:-$(mktemp -d)}
PRESS=${PRESS:-$PWD/out/bin/press}
tmp=$TMP/spec
rm -rf "$tmp"
mkdir -p "$tmp"
expected=tests/spec/expected

if ! command -v node >/dev/null 2>&1 || [ ! -d node_modules/commonmark-spec ]; then
	echo "skip spec: node or node_modules/commonmark-spec missing (npm ci)"
	exit 0
fi
node tests/spec/examples.js "$tmp" >/dev/null || {
	echo "FAIL spec: the examples could not be written"
	exit 0
}
"$PRESS" build -a "$tmp/articles" -t templates -o "$tmp/out" >/dev/null 2>"$tmp/err"
(cd "$tmp/expected" && ls) | sed 's/\.html$//' >"$tmp/names"
echo '<html><body><div class="story-body">(unbuilt)</div></body></html>' >"$tmp/none.html"
while read -r n; do
	f=$tmp/out/site/2024-01-01/$n.html
	[ -f "$f" ] || f=$tmp/none.html
	echo "$f"
done <"$tmp/names" >"$tmp/got.files"
sed "s#^#$tmp/expected/#; s#\$#.html#" "$tmp/names" >"$tmp/want.files"
# One line per example; the blanks beside tags do not count.
flat() {
	# shellcheck disable=SC2046 # file names are ours, without spaces
	xsltproc --html tests/spec/normalize.xsl $(cat "$1") 2>/dev/null |
	    sed 's/ *\(<[^>]*>\) */\1/g; s/^ *//; s/ *$//'
}
flat "$tmp/want.files" >"$tmp/want"
flat "$tmp/got.files" >"$tmp/got"
awk 'NR == FNR { want[FNR] = $0; next }
     { print $0 == want[FNR] ? "pass" : index($0, "(unbuilt)") ? "unbuilt" : "differs" }' \
    "$tmp/want" "$tmp/got" | paste -d ' ' "$tmp/names" - >"$tmp/verdicts"

if [ -n "$REGEN" ]; then
	[ -s "$expected" ] || echo "none none" >"$expected"
	grep '^#' "$expected" >"$tmp/new"
	awk 'NR == FNR { k = $1; $1 = ""; old[k] = substr($0, 2); next }
	     { split(old[$1], o, " ");
	       if (o[1] == $2) print $1, old[$1]; else print $1, $2 }' \
	    "$expected" "$tmp/verdicts" >>"$tmp/new"
	cp "$tmp/new" "$expected"
	exit 0
fi

# The verdicts against the expectation: name, verdict, then the reason.
awk 'NR == FNR { want[$1] = $2; next }
     { if (!($1 in want)) print $1 ": " $2 ", not in tests/spec/expected";
       else if (want[$1] != $2) print $1 ": " $2 ", expected " want[$1] }' \
    "$expected" "$tmp/verdicts" >"$tmp/wrong"
for set in cm gfm; do
	pass=$(grep -c "^$set-[0-9]* pass" "$tmp/verdicts")
	total=$(grep -c "^$set-" "$tmp/verdicts")
	deliberate=$(grep -c "^$set-[0-9]* [a-z]* deliberate:" "$expected")
	known=$(grep -c "^$set-[0-9]* [a-z]* known:" "$expected")
	case $set in
	cm) what="CommonMark 0.29 spec" ;;
	*) what="GFM spec extensions" ;;
	esac
	echo "ok   spec: $what: $total examples, $pass pass, $deliberate differ on purpose, $known known losses"
done
if [ -s "$tmp/wrong" ]; then
	echo "FAIL spec: verdicts as tests/spec/expected gives them"
	sed 's/^/    /' "$tmp/wrong" | head -40
else
	echo "ok   spec: verdicts as tests/spec/expected gives them"
fi
