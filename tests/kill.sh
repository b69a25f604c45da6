#!/bin/sh
# No torn output: a build killed (SIGKILL) at random moments leaves every
# file in out/ either as the previous build wrote it or as the new build
# writes it, never truncated.  Run by tests/run with PRESS and TMP set.

t=$TMP/kill
GEN=${GEN:-out/bin/gencorpus}
rm -rf "$t"
mkdir -p "$t"

ok() { echo "ok   $1"; }
notok() { echo "FAIL $1"; }

if [ ! -x "$GEN" ]; then
	echo "skip killed builds: $GEN not built"
	exit 0
fi
"$GEN" 240 articles/2024-06-11 "$t/a" >/dev/null
"$PRESS" build -a "$t/a" -o "$t/old" 2>/dev/null
# The new version: every story a sentence longer.
for f in "$t"/a/*/*.md; do printf '\n又及。\n' >>"$f"; done
"$PRESS" build -a "$t/a" -o "$t/new" 2>/dev/null

# torn DIR: prints how many files of DIR (but the cache and temporary
# names) are neither the old nor the new version.
torn() {
	n=0
	for f in $(cd "$1" && find . -type f -not -path './.press/*' \
	    -not -name '.press.*'); do
		if ! cmp -s "$1/$f" "$t/old/$f" && ! cmp -s "$1/$f" "$t/new/$f"; then
			n=$((n + 1))
			echo "    $f is neither version" >&2
		fi
	done
	echo "$n"
}

# The check itself must see a torn file.
cp -a "$t/old" "$t/torn"
f=$(find "$t/torn/site" -name '*.html' | head -n 1)
head -c 100 "$f" >"$f.cut" && mv "$f.cut" "$f"
if [ "$(torn "$t/torn" 2>/dev/null)" -eq 1 ]; then
	ok "the torn-file check sees a truncated file"
else
	notok "the torn-file check sees a truncated file"
fi

bad=0
kills=0
for round in 1 2 3 4 5 6; do
	rm -rf "$t/out"
	cp -a "$t/old" "$t/out"
	"$PRESS" build -a "$t/a" -o "$t/out" 2>/dev/null &
	pid=$!
	# A random moment within the first 0.4 s of the build.
	ms=$(($(od -An -N2 -tu2 /dev/urandom) % 400))
	sleep "$(printf '0.%03d' "$ms")"
	kill -KILL "$pid" 2>/dev/null && kills=$((kills + 1))
	wait "$pid" 2>/dev/null
	pkill -KILL -P "$pid" 2>/dev/null
	bad=$((bad + $(torn "$t/out")))
	# And a build after the kill finishes the job.
	"$PRESS" build -a "$t/a" -o "$t/out" 2>/dev/null
	if ! diff -r -x '.press*' "$t/out" "$t/new" >/dev/null; then
		bad=$((bad + 1))
		echo "    round $round: the build after the kill differs from a clean one"
	fi
done
if [ "$bad" -eq 0 ]; then
	ok "builds killed at random ($kills of 6 mid-build) leave no torn file"
else
	notok "builds killed at random leave no torn file ($bad bad)"
fi
