#!/bin/sh
# Incremental and parallel builds: a rebuild redoes only what a change
# affects, judged by content, and -j N makes the same files as -j 1; a
# build into a copy of out/ touches the copy alone.
# Run by tests/run with PRESS and TMP set; prints "ok"/"FAIL" lines.

t=$TMP/incremental
rm -rf "$t"
mkdir -p "$t"
cp -r articles "$t/a"
cp -r templates "$t/t"
# A second issue, so that there is something to skip.
cp -r "$t/a/2024-06-11" "$t/a/2024-06-12"
sed -i 's/^date: 2024-06-11/date: 2024-06-12/' "$t/a/2024-06-12/issue.yaml"
o=$t/out

ok() { echo "ok   $1"; }
notok() { echo "FAIL $1"; }
build() { "$PRESS" build -a "$t/a" -t "$t/t" -o "$o" "$@" 2>"$t/err"; }
# Files under out/ newer than the stamp, but the cache.
newer() { find "$o" -type f -newer "$t/stamp" -not -path '*/.press/*' | sort; }
stamp() { sleep 0.02; touch "$t/stamp"; sleep 0.02; }

build -j 1
stamp
build
if [ -z "$(newer)" ]; then
	ok "a rebuild with nothing changed writes nothing"
else
	notok "a rebuild with nothing changed writes nothing"
	newer | sed 's/^/    /' | head
fi

stamp
touch "$t/a/2024-06-11/huairou.md" "$t/t/html/story.xsl"
build
if [ -z "$(newer)" ]; then
	ok "a touched file with the same content rebuilds nothing"
else
	notok "a touched file with the same content rebuilds nothing"
	newer | sed 's/^/    /' | head
fi

stamp
printf '\n又及。\n' >>"$t/a/2024-06-11/huairou.md"
build
got=$(newer | sed "s|$o/||" | tr '\n' ' ')
case $got in
*2024-06-12*) notok "a changed story rebuilds its issue only: $got" ;;
*print/2024-06-11/huairou.xml*site/2024-06-11/huairou.html*)
	ok "a changed story rebuilds its own issue, nothing else" ;;
*) notok "a changed story rebuilds its own issue: $got" ;;
esac
if newer | grep -q 'site/2024-06-11/shunyi.html'; then
	notok "outputs whose content did not change are not rewritten"
else
	ok "outputs whose content did not change are not rewritten"
fi

stamp
sed -i "s/'story-page slot-'/'story-page changed slot-'/" "$t/t/html/story.xsl"
build
got=$(newer | sed "s|$o/||")
if echo "$got" | grep -q 'site/2024-06-12/huairou.html' &&
    ! echo "$got" | grep -q '\.xml$\|\.icml$\|page-3\.html'; then
	ok "a changed template rebuilds what uses it, in every issue"
else
	notok "a changed template rebuilds what uses it, in every issue"
	echo "$got" | sed 's/^/    /' | head
fi

# A copied file is copied, and renders nothing: every page written
# carries the time for the while, so a page rendered again shows.
cp "$t/t/html/common.xsl" "$t/common.xsl"
sed -i 's|<xsl:copy-of select="\$content"/>|&<xsl:comment><xsl:value-of select="date:date-time()" xmlns:date="http://exslt.org/dates-and-times"/></xsl:comment>|' \
    "$t/t/html/common.xsl"
build
stamp
sleep 1
printf '/* 又及 */\n' >>"$t/t/html/press.css"
build
got=$(newer | sed "s|$o/||" | tr '\n' ' ')
cp "$t/common.xsl" "$t/t/html/common.xsl"
build
if [ "$got" = "site/press.css " ] &&
    ! grep -q '<!--20' "$o/site/index.html"; then
	ok "a changed press.css is copied and renders nothing"
else
	notok "a changed press.css is copied and renders nothing: $got"
fi

# A file a print stylesheet reads with document() re-renders its outputs.
stamp
sed -i 's|role="body" name="[^"]*"|role="body" name="正文又及"|' "$t/t/print/styles.xml"
build
got=$(newer | sed "s|$o/||")
if echo "$got" | grep -q 'print/2024-06-12/huairou.icml' &&
    ! echo "$got" | grep -q '\.html$\|nitf'; then
	ok "a file read through document() re-renders what read it, only that"
else
	notok "a file read through document() re-renders what read it, only that"
	echo "$got" | sed 's/^/    /' | head
fi

stamp
printf 'name: 另一份报纸\n' >"$t/a/paper.yaml"
build
if newer | grep -q 'print/2024-06-12/issue.xml' &&
    grep -q '另一份报纸' "$o/print/2024-06-12/issue.xml"; then
	ok "a changed paper.yaml rebuilds every issue"
else
	notok "a changed paper.yaml rebuilds every issue"
fi

# A story taken off its page leaves the site with it; a story with an
# error keeps its last good page.
sed -i '/- pingpang.md/d' "$t/a/2024-06-11/issue.yaml"
printf -- '---\ntitel: 坏了\n---\n\n正文。\n' >"$t/a/2024-06-12/shunyi.md"
build
if [ ! -e "$o/site/2024-06-11/pingpang.html" ] &&
    [ ! -e "$o/print/2024-06-11/pingpang.nitf.xml" ] &&
    [ -e "$o/site/2024-06-11/huairou.html" ] &&
    [ -e "$o/site/2024-06-12/shunyi.html" ]; then
	ok "a story taken off its page is removed; one with errors keeps its page"
else
	notok "a story taken off its page is removed; one with errors keeps its page"
fi

# Parallel: the same files, byte for byte, and the messages in order.
"$PRESS" build -a "$t/a" -t "$t/t" -o "$t/j1" -j 1 2>"$t/e1"
"$PRESS" build -a "$t/a" -t "$t/t" -o "$t/j4" -j 4 2>"$t/e4"
if diff -r -x .press "$t/j1" "$t/j4" >"$t/diff" && cmp -s "$t/e1" "$t/e4"; then
	ok "-j 4 makes the same files and messages as -j 1"
else
	notok "-j 4 makes the same files and messages as -j 1"
	head "$t/diff" | sed 's/^/    /'
fi
# The progress line is for terminals only.
if ! grep -q 'stories,' "$t/e4"; then
	ok "no progress line when stderr is not a terminal"
else
	notok "no progress line when stderr is not a terminal"
fi

# Random edits, the same series each run (SEED): after each, the build
# into the same folder writes exactly what a clean build writes.
r=$t/random
rm -rf "$r"
mkdir -p "$r"
cp -r articles "$r/a"
cp -r "$r/a/2024-06-11" "$r/a/2024-06-12"
sed -i 's/^date: 2024-06-11/date: 2024-06-12/' "$r/a/2024-06-12/issue.yaml"
cp -r templates "$r/t"
seed=${SEED:-15}
rnd() { awk -v s="$seed" -v i="$1" -v n="$2" 'BEGIN { srand(s * 1000 + i); print int(rand() * n) }'; }
pick() { sort | awk -v k="$1" '{ l[NR] = $0 } END { if (NR) print l[k % NR + 1] }'; }
"$PRESS" build -a "$r/a" -t "$r/t" -o "$r/o" 2>/dev/null
bad=
step=0
while [ "$step" -lt 16 ]; do
	step=$((step + 1))
	k=$(rnd "$step" 1000)
	case $(rnd "$step" 10) in
	0) f=$(find "$r/a" -name '*.md' | pick "$k")
	   printf '\n第%s次补充。\n' "$k" >>"$f"; what="story ${f##*/}" ;;
	1) sed -i "s|<role name=\"correspondent\">[^<]*<|<role name=\"correspondent\">通讯员$k<|" \
	       "$r/t/words.xml"; what="words.xml" ;;
	2) sed -i "s|>往期[0-9]*<|>往期$k<|" "$r/t/html/common.xsl"; what="common.xsl" ;;
	3) printf '/* %s */\n' "$k" >>"$r/t/html/press.css"; what="press.css" ;;
	4) sed -i "s|<property name=\"--accent\">[^<]*<|<property name=\"--accent\">#$k$k<|" \
	       "$r/t/html/look.xml"; what="look.xml" ;;
	5) sed -i "s|role=\"body\" name=\"[^\"]*\"|role=\"body\" name=\"正文$k\"|" \
	       "$r/t/print/styles.xml"; what="styles.xml" ;;
	6) f=$(find "$r/o" -type f -not -path '*/.press/*' | pick "$k")
	   rm -f "$f"; what="deleted ${f#"$r"/o/}" ;;
	7) f=$(find "$r/o" -mindepth 1 -type d -not -path '*/.press*' | pick "$k")
	   rm -rf "$f"; what="deleted folder ${f#"$r"/o/}" ;;
	8) f=$(find "$r/o" -type f -not -path '*/.press/*' | pick "$k")
	   printf 'x' >>"$f"; what="changed ${f#"$r"/o/}" ;;
	9) sed -i "s|<xsl:text>第</xsl:text>|<xsl:text>第 </xsl:text>|" \
	       "$r/t/html/common.xsl"; what="common.xsl page title" ;;
	esac
	"$PRESS" build -a "$r/a" -t "$r/t" -o "$r/o" 2>/dev/null
	rm -rf "$r/clean"
	"$PRESS" build -a "$r/a" -t "$r/t" -o "$r/clean" 2>/dev/null
	if ! diff -r -x .press "$r/clean" "$r/o" >"$r/diff" 2>&1; then
		bad="$bad
    step $step, $what: $(head -n 3 "$r/diff" | tr '\n' ' ')"
	fi
done
if [ -z "$bad" ]; then
	ok "16 random edits (seed $seed): each incremental build equals a clean one"
else
	notok "random edits (seed $seed): an incremental build differs from a clean one$bad"
fi

# A build into a copy of out/ (a backup, a second site) is a build of its
# own: the lists of files written it copied name the original's files,
# and it must not remove them when an issue writes fewer files, nor when
# an issue is taken away.
c=$t/copy
rm -rf "$c"
mkdir -p "$c"
cp -r articles "$c/a"
cp -r "$c/a/2024-06-11" "$c/a/2024-06-12"
sed -i 's/^date: 2024-06-11/date: 2024-06-12/' "$c/a/2024-06-12/issue.yaml"
"$PRESS" build -a "$c/a" -o "$c/o" 2>/dev/null
(cd "$c/o" && find . -type f -not -path './.press/*' | sort) >"$c/before"
cp -r "$c/o" "$c/o2"
# Fewer files for 2024-06-11 (a story taken off its page), and no 2024-06-12.
sed -i '/huairou\.md/d' "$c/a/2024-06-11/issue.yaml"
rm "$c/a/2024-06-11/huairou.md"
rm -r "$c/a/2024-06-12"
"$PRESS" build -a "$c/a" -o "$c/o2" 2>/dev/null
(cd "$c/o" && find . -type f -not -path './.press/*' | sort) >"$c/after"
if diff "$c/before" "$c/after" >"$c/diff"; then
	ok "a build into a copy of out/ leaves the original's files alone"
else
	notok "a build into a copy of out/ leaves the original's files alone"
	head "$c/diff" | sed 's/^/    /'
fi
if [ ! -e "$c/o2/site/2024-06-11/huairou.html" ] && [ ! -e "$c/o2/site/2024-06-12" ]; then
	ok "the copy loses what it no longer has: a story taken off, an issue taken away"
else
	notok "the copy loses what it no longer has: a story taken off, an issue taken away"
fi
