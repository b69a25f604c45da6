#!/bin/sh
# One build at a time per output folder: while another build holds
# OUT/.press/lock (here flock(1) stands in for it), press build says so
# and writes nothing; once it is free, the build runs.
# Run by tests/run with PRESS and TMP set; prints "ok"/"FAIL" lines.

t=$TMP/lock
rm -rf "$t"
mkdir -p "$t/out/.press"

ok() { echo "ok   $1"; }
notok() { echo "FAIL $1"; }

if ! command -v flock >/dev/null; then
	echo "ok   lock: skipped, no flock(1)"
	exit 0
fi
: >"$t/out/.press/lock"
flock "$t/out/.press/lock" sh -c "touch '$t/held'; while [ ! -e '$t/done' ]; do sleep 0.1; done" &
holder=$!
i=0
while [ ! -e "$t/held" ] && [ "$i" -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
"$PRESS" build -o "$t/out" >/dev/null 2>"$t/err"
status=$?
touch "$t/done"
wait "$holder"
written=$(find "$t/out" -type f -not -path '*/.press/*' | wc -l)
if [ "$status" -eq 1 ] && [ "$written" -eq 0 ] &&
    grep -q "^press: $t/out/.press/lock: error: another press build is writing into $t/out; nothing was written" "$t/err"; then
	ok "lock: a second build on one out/ is refused with a message"
else
	notok "lock: a second build on one out/ is refused with a message (exit $status, $written files)"
	sed 's/^/    /' "$t/err" | head
fi
if "$PRESS" build -o "$t/out" >/dev/null 2>&1 && [ -s "$t/out/site/index.html" ]; then
	ok "lock: the build runs once the lock is free"
else
	notok "lock: the build runs once the lock is free"
fi
