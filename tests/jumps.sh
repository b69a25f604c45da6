#!/bin/sh
# Jumps (转版), over a build of tests/build/jump (whose expected files
# show the page XML, ICML and page views as reviewed): long.md starts on
# page 1 and continues on page 3; tail.md jumps to page 2, which does not
# list it.
#
#   schema     issue.xml, every page-N.xml and long.xml valid for jing
#              and xmllint against press.rng and against press.dtd; the
#              archive's heads without bodies
#   parts      page 1's part and page 3's continuation are the story's
#              blocks, each once, in order; the continuation repeats the
#              headline and opens with 上接第01版, the part ends with
#              下转第03版
#   fitting    press check reports each part against its own space
#   web        the page views link the parts both ways; the story page
#              is whole, without jump lines
#   ICML       whole, with （下转第03版）, the headline again and
#              （上接第01版） in their styles where the desk splits it
#   NITF       whole, no jump lines, valid NITF 3.6 where the XSD is
# Run by tests/run with PRESS and TMP set; prints "ok"/"FAIL" lines.

t=$TMP/jumps
rm -rf "$t"
mkdir -p "$t"
a=tests/build/jump/articles
p=$t/out/print/2024-06-11
s=$t/out/site/2024-06-11
styles=templates/print/styles.xml
xsd=../shared/schemas/nitf-3.6/nitf-3-6.xsd

ok() { echo "ok   jumps: $1"; }
notok() { echo "FAIL jumps: $1"; }
indent() { sed 's/^/    /' "$@"; }

# check NAME COMMAND...: ok when COMMAND succeeds; its output under a FAIL.
check() {
	name=$1
	shift
	if "$@" >"$t/log" 2>&1; then
		ok "$name"
	else
		notok "$name"
		indent "$t/log" | head -20
	fi
}

# same NAME EXPECTED ACTUAL: the two strings are equal.
same() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		notok "$1"
		printf 'expected: %s\n     got: %s\n' "$2" "$3" | indent
	fi
}

xpath() {
	xmllint --xpath "$2" "$1" 2>/dev/null
}

if ! "$PRESS" build -a "$a" -o "$t/out" >/dev/null 2>"$t/err"; then
	notok "tests/build/jump builds"
	indent "$t/err"
	exit 0
fi

# ---- schema ----------------------------------------------------------------
if command -v jing >/dev/null 2>&1; then
	check "issue and page XML valid (jing, press.rng)" \
	    jing templates/press.rng "$p"/issue.xml "$p"/page-*.xml "$p"/long.xml
else
	echo "skip jumps: jing not installed"
fi
check "issue and page XML valid (xmllint, press.rng)" \
    xmllint --noout --relaxng templates/press.rng "$p"/issue.xml \
    "$p"/page-*.xml "$p"/long.xml
check "issue and page XML valid (xmllint, press.dtd)" \
    xmllint --noout --dtdvalid templates/press.dtd "$p"/issue.xml \
    "$p"/page-*.xml "$p"/long.xml

# The archive keeps heads only: the body goes though a jump line follows it.
if [ -f "$t/out/.press/heads/2024-06-11.xml" ] &&
    ! grep -q '<body' "$t/out/.press/heads/2024-06-11.xml"; then
	ok "the archive's heads hold no body, a jumped story's neither"
else
	notok "the archive's heads hold no body, a jumped story's neither"
fi

# ---- parts -----------------------------------------------------------------
# blocks FILE EXPR: the text of each block EXPR selects, a line each.
blocks() {
	n=$(xpath "$1" "count($2)")
	i=1
	while [ "$i" -le "${n:-0}" ]; do
		xpath "$1" "string(($2)[$i])"
		echo
		i=$((i + 1))
	done
}
blocks "$p/issue.xml" "//story[@slug = 'long']/body/*" >"$t/whole"
{
	blocks "$p/page-1.xml" "//story[@slug = 'long']/body/*"
	blocks "$p/page-3.xml" "//continuation[@slug = 'long']/body/*"
} >"$t/parts"
if [ -s "$t/whole" ] && cmp -s "$t/whole" "$t/parts"; then
	ok "page 1's part and page 3's rest are the story's blocks, each once"
else
	notok "page 1's part and page 3's rest are the story's blocks, each once"
	diff "$t/whole" "$t/parts" | indent | head -20
fi
same "page 1's part ends with 下转第03版" "下转第03版 3" \
    "$(xpath "$p/page-1.xml" "string(//story[@slug = 'long']/jump)") $(xpath "$p/page-1.xml" "string(//story[@slug = 'long']/jump/@to)")"
same "page 3's rest: the headline again, then 上接第01版" "职工书屋开进车间 上接第01版 1" \
    "$(xpath "$p/page-3.xml" "string(//continuation/head/headline)") $(xpath "$p/page-3.xml" "string(//continuation/jump)") $(xpath "$p/page-3.xml" "string(//continuation/@from)")"
same "tail.md's rest goes last on page 2, which does not list it" "short tail" \
    "$(xpath "$p/issue.xml" "string(/issue/page[@no = 2]/*[1]/@slug)") $(xpath "$p/issue.xml" "string(/issue/page[@no = 2]/*[2][self::continuation]/@slug)")"
same "one story file, one NITF and one ICML for a jumped story" "1 1" \
    "$(find "$p" -name 'long.nitf.xml' | wc -l) $(find "$p" -name 'long.icml' | wc -l)"

# ---- fitting ---------------------------------------------------------------
"$PRESS" check -a "$a" >"$t/check" 2>/dev/null
grep 'long.md' "$t/check" >"$t/long"
cat >"$t/want" <<'EOF'
  long.md: lead, 227 字, 18 lines (text 10, head 4 × 2 columns) on this page, the rest on page 3; space 2 × 10 = 20 lines: 2 lines left (26 字)
  long.md: continued from page 1, main, 20 lines (text 12, head 4 × 2 columns); space 2 × 10 = 20 lines: 0 lines left (0 字)
EOF
if diff -u "$t/want" "$t/long" >"$t/diff"; then
	ok "press check fits each part to its own space"
else
	notok "press check fits each part to its own space"
	indent "$t/diff"
fi
same "press check counts a jumped story once" "3 stories, 392 字" \
    "$(grep -o '^[0-9]* stories, [0-9]* 字' "$t/check")"

# ---- web -------------------------------------------------------------------
check "page 1 links its part on to page 3 (下转第03版)" \
    grep -q '<a href="page-3.html#long-continued">（下转第03版）</a>' "$s/page-1.html"
check "page 3 opens the rest with a link back (上接第01版)" \
    grep -q '<a href="page-1.html">（上接第01版）</a>' "$s/page-3.html"
check "page 3's rest is the anchor page 1 links to" \
    grep -q 'id="long-continued"' "$s/page-3.html"
last=$(grep -v "^$" "$t/whole" | tail -n 1)
if [ -n "$last" ] && ! grep -q "下转\|上接" "$s/long.html" && grep -q "$last" "$s/long.html" &&
    ! grep -q "$last" "$s/page-1.html"; then
	ok "the story page is whole, without jump lines; page 1 has its part only"
else
	notok "the story page is whole, without jump lines; page 1 has its part only"
fi

# ---- ICML and NITF ---------------------------------------------------------
jump=$(xpath "$styles" "string(/styles/paragraph[@role = 'jump']/@name)")
head=$(xpath "$styles" "string(/styles/paragraph[@role = 'jump-head']/@name)")
xpath "$p/long.icml" "//ParagraphStyleRange[@AppliedParagraphStyle = 'ParagraphStyle/$jump' or @AppliedParagraphStyle = 'ParagraphStyle/$head']" |
    sed -n 's/.*<Content>\(.*\)<\/Content>.*/\1/p' | tr '\n' ' ' >"$t/lines"
same "ICML: （下转第03版）, the headline again and （上接第01版） in their styles" \
    "（下转第03版） 职工书屋开进车间 （上接第01版） " "$(cat "$t/lines")"
if grep -q "$last" "$p/long.icml" && grep -q "$last" "$p/long.nitf.xml" &&
    ! grep -q '下转\|上接' "$p/long.nitf.xml"; then
	ok "ICML and NITF hold the story whole; NITF without jump lines"
else
	notok "ICML and NITF hold the story whole; NITF without jump lines"
fi
if [ -f "$xsd" ]; then
	check "long.nitf.xml valid NITF 3.6" xmllint --noout --schema "$xsd" "$p/long.nitf.xml"
else
	echo "skip jumps: NITF schema $xsd not present"
fi
