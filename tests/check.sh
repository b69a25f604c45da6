#!/bin/sh
# press check: the proofreading rules, the house configuration, the
# fitting report and --fix.  Run by tests/run from the repository's root
# with PRESS (the program) and TMP (a scratch folder); prints one line
# "ok   NAME" or "FAIL NAME" per check, details indented under a FAIL.
#
#   tests/check/caught/<rule>.md   planted errors of one rule: its messages,
#                                  report and exit status are <rule>.out
#   tests/check/clean/<rule>.md    the same copy corrected, with what the
#                                  rule must leave alone: no message at all
#   tests/check/dates/             an issue with a story dated otherwise
#                                  (date-issue), years that are not the
#                                  issue's in this year's news (date-year),
#                                  and a corrected twin: dates.out
#   tests/check/desk/              an issue.yaml's slips: a story that is
#                                  not there (left out, at its entry), a
#                                  page without a name (called 第02版, a
#                                  warning), a story without a space beside
#                                  one with its space (only the space is
#                                  allotted): desk.out
#   tests/check/house/             a house.yaml with a word of its own, an
#                                  allowed phrase, rules re-levelled or off,
#                                  an issue whose stories overrun their space
#   tests/check/house-bad/         a house.yaml with entries press refuses
#   tests/check/sample.out         the report on the sample issue
#   tests/check/fix/               --fix on a GB18030 CRLF file, a UTF-16
#                                  file and a UTF-8 file with a BOM
#
# REGEN=1 sh tests/check.sh rewrites the .out files: review the diff.

LC_ALL=C.UTF-8
export LC_ALL
PRESS=${PRESS:-$PWD/out/bin/press}
TMP=${TMP:-$(mktemp -d)}
root=$PWD
t=$TMP/check
rm -rf "$t"
mkdir -p "$t"

# The rules of EDITORIAL.md, as press check names them.
rules="punct-pair punct-halfwidth punct-quote char-repeated word-miswritten
char-garbled para-split dateline-form punct-ellipsis punct-dash
punct-repeated char-fullwidth space-mixed space-stray punct-dunhao
punct-booktitle head-stop credit-form number-form punct-name-dot word-de
date-year date-issue number-range"
mechanical="punct-halfwidth punct-quote punct-ellipsis punct-dash
char-fullwidth space-mixed space-stray number-range"

ok() {
	echo "ok   $1"
}

notok() {
	echo "FAIL $1"
	[ -s "$t/why" ] && sed 's/^/    /' "$t/why" | head -40
	: >"$t/why"
}

# run OUTPUT ARGS...: press check's messages, report and exit status.
run() {
	out=$1
	shift
	"$PRESS" check "$@" >"$out" 2>&1
	echo "exit $?" >>"$out"
}

# expect NAME EXPECTED ACTUAL
expect() {
	if [ -n "$REGEN" ]; then
		cp "$3" "$2"
	elif diff -u "$2" "$3" >"$t/why" 2>&1; then
		ok "$1"
	else
		notok "$1"
	fi
}

# ---- what each rule catches -----------------------------------------------
for md in tests/check/caught/*.md; do
	run "$t/out" "$md"
	expect "check ${md#tests/check/}" "${md%.md}.out" "$t/out"
	cat "$t/out" >>"$t/caught"
done
# The dates against the issue need an issue: only its first two stories
# have messages, the twin none.
run "$t/out" -a tests/check/dates/articles
expect "check dates against the issue" tests/check/dates.out "$t/out"
cat "$t/out" >>"$t/caught"
run "$t/out" -a tests/check/desk/articles
expect "check: a missing story's hole names its entry, a page without a name is kept, only a space given is allotted" \
    tests/check/desk.out "$t/out"
missing=
for r in $rules; do
	grep -q "\[$r\]\$" "$t/caught" || missing="$missing $r"
done
if [ -z "$missing" ]; then
	ok "every rule catches its planted errors ($(echo $rules | wc -w) rules)"
else
	notok "every rule catches its planted errors: none for$missing"
fi

# ---- what each rule leaves alone ---------------------------------------------
for md in tests/check/clean/*.md; do
	run "$t/out" "$md"
	if grep -q '^press: ' "$t/out" || ! grep -q '^exit 0$' "$t/out"; then
		cp "$t/out" "$t/why"
		notok "check ${md#tests/check/}: no message"
	else
		ok "check ${md#tests/check/}: no message"
	fi
done
# The clean corpus as one run: its error rate.
run "$t/out" tests/check/clean/*.md
summary=$(grep 'per 10,000 字$' "$t/out" | tail -n 1)
if ! grep -q '^press: ' "$t/out" && grep -q '^exit 0$' "$t/out" &&
    echo "$summary" | grep -q ': 0 errors, 0 warnings; 0.0 per 10,000 字'; then
	ok "clean corpus: $summary"
else
	cp "$t/out" "$t/why"
	notok "clean corpus: $summary"
fi
# Every clean twin has its caught file, and the other way round.
for md in tests/check/caught/*.md; do
	[ -f "tests/check/clean/${md##*/}" ] ||
	    echo "${md##*/} has no clean twin" >>"$t/why"
done
if [ ! -s "$t/why" ]; then
	ok "every caught case has a clean twin"
else
	notok "every caught case has a clean twin"
fi

# ---- the sample issue ---------------------------------------------------------
run "$t/out" articles/2024-06-11
expect "check of the sample issue: its two slips, its fitting" \
    tests/check/sample.out "$t/out"

# The lead's fitting counts its head across the columns it crosses.  Its
# slot is 4 × 24 = 96 lines.  Its text is 83 lines of 13 字 (the story's
# one-column estimate of 89 less that estimate's head allowance, headline
# 4 and subtitle 2).  The slot is 4 × 13 + 3 gutters = 55 ems wide; the
# headline, 18 字 at twice the body size, is 36 ems: one line, which
# takes 2 lines of body and the block 2 more of space, 4; the subtitle,
# 19 字 at one and a half, 28.5 ems: one line, 2.  The head takes those
# 6 lines in each of the 4 columns: 24.  83 + 24 = 107 lines: over by 11
# (11 × 13 = 143 字).  Counted once, the head made it "7 lines left".
"$PRESS" build -a articles -o "$t/lead" articles/2024-06-11 >/dev/null 2>&1
if grep -q '  wenxin-banzao.md: lead, 1052 字, 107 lines (text 83, head 6 × 4 columns); space 4 × 24 = 96 lines: over by 11 lines (143 字)' "$t/out" &&
    grep -q '^press: articles/2024-06-11/issue.yaml:14:9: warning: over its space by 11 lines (about 143 字): wenxin-banzao.md$' "$t/out" &&
    grep -q '<story id="wenxin-banzao" [^>]* slot-columns="4" slot-lines="24" head-lines="6" photo-lines="0" spent="107" left="-11">' "$t/lead/print/2024-06-11/page-3.xml"; then
	ok "check: the lead's 4-column head counts in each column: over by 11 lines, in the report and the page XML"
else
	notok "check: the lead's 4-column head counts in each column: over by 11 lines, in the report and the page XML"
	grep 'wenxin' "$t/out" | sed 's/^/    /'
	grep -o '<story id="wenxin-banzao" [^>]*>' "$t/lead/print/2024-06-11/page-3.xml" | sed 's/^/    /'
fi
"$PRESS" check --json articles/2024-06-11 >"$t/json" 2>"$t/err"
if python3 -m json.tool "$t/json" >/dev/null 2>"$t/why" && [ ! -s "$t/err" ] &&
    python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
rules = [m for m in d["messages"] if m["rule"]]
assert len(rules) == 2, d["messages"]
assert {m["rule"] for m in rules} == {"char-repeated", "word-miswritten"}
fit = [m for m in d["messages"] if not m["rule"]]
assert [(m["file"], m["line"], m["level"]) for m in fit] == [("articles/2024-06-11/issue.yaml", n, "warning") for n in (14, 19, 22, 25)], fit
assert len(d["stories"]) == 8 and d["pages"][0]["per_10000"] == 3.0
assert [(s["left"], s["text_lines"], s["head_lines"], s["across"]) for s in d["stories"] if s["slug"] == "wenxin-banzao"] == [(-11, 83, 6, 4)]
assert [s["left"] for s in d["stories"] if s["slug"] == "miyun"] == [-9]
' "$t/json" 2>"$t/why"; then
	ok "check --json parses and says what the report says"
else
	notok "check --json parses and says what the report says"
fi
"$PRESS" check --json tests/check/caught/*.md >"$t/json" 2>"$t/err"
if python3 -m json.tool "$t/json" >/dev/null 2>"$t/why" && [ ! -s "$t/err" ]; then
	ok "check --json of the caught corpus parses"
else
	notok "check --json of the caught corpus parses"
fi

# A story over its space: a warning at its entry in issue.yaml, an error
# under --strict.
"$PRESS" check --strict articles/2024-06-11 >/dev/null 2>"$t/out"
status=$?
if [ "$status" -eq 1 ] && grep -q '^press: articles/2024-06-11/issue.yaml:22:9: error: over its space by 9 lines (about 117 字): miyun.md$' "$t/out"; then
	ok "check --strict: a story over its space is an error at its entry"
else
	cp "$t/out" "$t/why"
	notok "check --strict: a story over its space is an error at its entry (exit $status)"
fi

# ---- house.yaml --------------------------------------------------------------
run "$t/out" -a tests/check/house/articles
expect "house.yaml: own words, allowed phrases, levels, rules off; fitting" \
    tests/check/house.out "$t/out"
run "$t/out" -a tests/check/house-bad/articles tests/check/clean/punct-pair.md
expect "house.yaml: entries press refuses" tests/check/house-bad.out "$t/out"
# A build reports every rule as a warning, whatever its level.
"$PRESS" build -a tests/check/house/articles -o "$t/build" >/dev/null \
    2>"$t/out"
echo "exit $?" >>"$t/out"
expect "house.yaml: in a build every rule is a warning" \
    tests/check/house.build.out "$t/out"

# ---- preview shows the reporter the messages ---------------------------------
"$PRESS" preview -o "$t/pv" tests/check/caught/punct-halfwidth.md \
    >/dev/null 2>"$t/out"
status=$?
if [ "$status" -eq 0 ] && [ "$(grep -c 'warning: .*\[punct-halfwidth\]$' "$t/out")" -eq 8 ] &&
    ! grep -q ': error: ' "$t/out"; then
	ok "preview shows the rule messages as warnings"
else
	cp "$t/out" "$t/why"
	notok "preview shows the rule messages as warnings (exit $status)"
fi

# ---- exit status ----------------------------------------------------------------
status_of() {
	"$@" >/dev/null 2>&1
	echo $?
}
s1=$(status_of "$PRESS" check --bogus)
s2=$(status_of "$PRESS" check tests/check/caught/punct-pair.md)
s3=$(status_of "$PRESS" check tests/check/caught/char-repeated.md)
s4=$(status_of "$PRESS" check tests/check/clean/punct-pair.md)
s5=$(status_of "$PRESS" check no-such-file.md)
if [ "$s1$s2$s3$s4$s5" = "21001" ]; then
	ok "check exits 2 on usage, 1 on an error, 0 on warnings or none"
else
	notok "check exit statuses: $s1 $s2 $s3 $s4 $s5, want 2 1 0 0 1"
fi

# ---- --fix ------------------------------------------------------------------------
# fixcase NAME ENCODE: ENCODE is a command turning UTF-8 LF text into the
# file's bytes; the story is fixed in place and must come out as the
# corrected text in the same bytes.
fixcase() {
	name=$1
	shift
	mkdir -p "$t/fix"
	"$@" <tests/check/fix/story.md >"$t/fix/$name.md"
	"$@" <tests/check/fix/story.fixed.md >"$t/want"
	before=$(stat -c %i "$t/fix/$name.md")
	(cd "$t/fix" && "$PRESS" check -a "$root/articles" --fix "$name.md") \
	    >"$t/out" 2>&1
	echo "exit $?" >>"$t/out"
	after=$(stat -c %i "$t/fix/$name.md")
	left=$(find "$t/fix" -name '.press.*' | wc -l)
	if cmp "$t/want" "$t/fix/$name.md" >"$t/why" 2>&1 &&
	    [ "$before" != "$after" ] && [ "$left" -eq 0 ]; then
		ok "--fix $name: corrected, same encoding and line ends, renamed into place"
	else
		od -c "$t/fix/$name.md" | head -12 >>"$t/why"
		notok "--fix $name (inode $before → $after, $left temporary files)"
	fi
	expect "--fix $name: what it reports" "tests/check/fix/$name.out" "$t/out"
	# Checked again: nothing mechanical is left, the file is not touched.
	(cd "$t/fix" && "$PRESS" check -a "$root/articles" --fix "$name.md") \
	    >"$t/again" 2>&1
	again=$(stat -c %i "$t/fix/$name.md")
	bad=
	for r in $mechanical; do
		grep -q "\[$r\]\$" "$t/again" && bad="$bad $r"
	done
	if [ -z "$bad" ] && [ "$again" = "$after" ] &&
	    grep -q '\[char-repeated\]$' "$t/again"; then
		ok "--fix $name: a second check finds nothing mechanical"
	else
		cp "$t/again" "$t/why"
		notok "--fix $name: a second check finds$bad"
	fi
}
gb18030_crlf() {
	iconv -f UTF-8 -t GB18030 | sed 's/$/\r/'
}
utf16_bom_crlf() {
	printf '\377\376'
	sed 's/$/\r/' | iconv -f UTF-8 -t UTF-16LE
}
utf8_bom() {
	printf '\357\273\277'
	cat
}
# The short-caption rule reads a caption the same before --fix and after:
# caption.md's captions are sentences whose pauses are half-width marks
# --fix makes full-width, and a phrase without a stop, so neither check
# has a head-stop message.
mkdir -p "$t/cap/img"
cp tests/check/fix/caption.md "$t/cap/"
cp tests/check/caught/img/photo.svg "$t/cap/img/"
(cd "$t/cap" && "$PRESS" check -a "$root/articles" caption.md) >"$t/before" 2>&1
(cd "$t/cap" && "$PRESS" check -a "$root/articles" --fix caption.md) >/dev/null 2>&1
(cd "$t/cap" && "$PRESS" check -a "$root/articles" caption.md) >"$t/after" 2>&1
if ! grep -q '\[head-stop\]$' "$t/before" "$t/after" &&
    grep -q '\[punct-halfwidth\]$' "$t/before" &&
    ! grep -q '\[punct-halfwidth\]$' "$t/after"; then
	ok "--fix: a caption's full stop is judged the same before the fix and after"
else
	cat "$t/before" "$t/after" >"$t/why"
	notok "--fix: a caption's full stop is judged the same before the fix and after"
fi
fixcase gb18030-crlf gb18030_crlf
fixcase utf16-crlf utf16_bom_crlf
fixcase utf8-bom utf8_bom
# The GB18030 file really is GB18030 (not UTF-8) and CRLF throughout.
f=$t/fix/gb18030-crlf.md
if ! iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 &&
    iconv -f GB18030 -t UTF-8 "$f" >/dev/null 2>&1 &&
    [ "$(tr -cd '\n' <"$f" | wc -c)" -eq "$(tr -cd '\r' <"$f" | wc -c)" ] &&
    [ "$(tr -d '\r' <"$f" | wc -c)" -eq "$(($(wc -c <"$f") - $(tr -cd '\n' <"$f" | wc -c)))" ]; then
	ok "--fix keeps GB18030 bytes and CRLF line ends"
else
	notok "--fix keeps GB18030 bytes and CRLF line ends"
fi

# ---- --fix leaves alone what it must not change --------------------------------
# safe NAME: a fresh copy of the story in $t/safe/NAME.md.
safe() {
	rm -rf "$t/safe"
	mkdir -p "$t/safe"
	cp tests/check/fix/story.md "$t/safe/$1.md"
}
fixit() {
	(cd "$t/safe" && "$PRESS" check -a "$root/articles" --fix "$@") \
	    >"$t/out" 2>&1
}
# A symbolic link: its target is corrected, the link stays a link.
safe target
ln -s target.md "$t/safe/link.md"
fixit link.md
if [ -L "$t/safe/link.md" ] && cmp -s tests/check/fix/story.fixed.md "$t/safe/target.md"; then
	ok "--fix follows a symbolic link to its target and keeps the link"
else
	cp "$t/out" "$t/why"
	notok "--fix follows a symbolic link to its target and keeps the link"
fi
# A private draft stays private, and keeps its owner.
safe draft
chmod 600 "$t/safe/draft.md"
owner=$(stat -c %u:%g "$t/safe/draft.md")
fixit draft.md
if [ "$(stat -c %a "$t/safe/draft.md")" = 600 ] &&
    [ "$(stat -c %u:%g "$t/safe/draft.md")" = "$owner" ] &&
    cmp -s tests/check/fix/story.fixed.md "$t/safe/draft.md"; then
	ok "--fix keeps a file's mode (0600) and owner"
else
	stat -c '%a %u:%g' "$t/safe/draft.md" >"$t/why"
	notok "--fix keeps a file's mode (0600) and owner"
fi
# A read-only file is refused with a message, and not touched.
safe ro
chmod 444 "$t/safe/ro.md"
fixit ro.md
if cmp -s tests/check/fix/story.md "$t/safe/ro.md" &&
    [ "$(stat -c %a "$t/safe/ro.md")" = 444 ] &&
    grep -q '^press: ro.md: warning: not fixed: it is read-only$' "$t/out"; then
	ok "--fix refuses a read-only file with a message"
else
	cp "$t/out" "$t/why"
	notok "--fix refuses a read-only file with a message"
fi
# A file with another hard link is refused: both names stay one file.
safe hard
ln "$t/safe/hard.md" "$t/safe/other.md"
fixit hard.md
if cmp -s tests/check/fix/story.md "$t/safe/hard.md" &&
    [ "$(stat -c %h "$t/safe/hard.md")" = 2 ] &&
    grep -q '^press: hard.md: warning: not fixed: it has other hard links$' "$t/out"; then
	ok "--fix refuses a hard-linked file with a message"
else
	cp "$t/out" "$t/why"
	notok "--fix refuses a hard-linked file with a message"
fi
# A save while --fix runs (between its reading and its replacing the
# file) is kept: the file is left alone with a message.
race=$t/race.so
if cc -shared -fPIC -o "$race" tests/check/race.c -ldl 2>"$t/why"; then
	pre=$race
	if nm "$PRESS" 2>/dev/null | grep -q __asan_init; then
		pre="$(cc -print-file-name=libasan.so) $race"
	fi
	safe saved
	(cd "$t/safe" && RACE_FILE=saved.md LD_PRELOAD=$pre \
	    "$PRESS" check -a "$root/articles" --fix saved.md) >"$t/out" 2>&1
	if grep -q '记者刚刚又补了一句' "$t/safe/saved.md" &&
	    head -n "$(wc -l <tests/check/fix/story.md)" "$t/safe/saved.md" |
	    cmp -s - tests/check/fix/story.md &&
	    grep -q '^press: saved.md: warning: not fixed: it changed while it was being fixed; check it again$' "$t/out" &&
	    [ -z "$(find "$t/safe" -name '*.press-fix.*')" ]; then
		ok "--fix keeps a save made while it ran, and says so"
	else
		cp "$t/out" "$t/why"
		notok "--fix keeps a save made while it ran, and says so"
	fi
else
	notok "--fix race: cannot build tests/check/race.c"
fi
