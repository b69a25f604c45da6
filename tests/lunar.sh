#!/bin/sh
# tests/lunar.sh: press's 农历 (tools/lunar.c, printed by `unit --lunar`)
# against the npm package lunar-javascript, pinned in package-lock.json and
# used by no other part of press, which computes new moons and solar terms
# from its own astronomical model.  Run by tests/run with TMP (scratch) and
# UNIT (the unit-test program).
#
#   spring festivals  正月初一 of every lunar year from 1901 to 2100
#   new months        the first day of every month, leap months too
#   every day         the lunar date of each day of 1901-01-01 … 2100-12-31

UNIT=${UNIT:-$(dirname "$PRESS")/unit}
if [ ! -d node_modules/lunar-javascript ]; then
	echo "FAIL lunar: node_modules/lunar-javascript is missing (npm ci)"
	exit 0
fi
if ! "$UNIT" --lunar >"$TMP/lunar.c.txt" ||
    ! node tests/lunar.js >"$TMP/lunar.js.txt"; then
	echo "FAIL lunar: a side printed nothing"
	exit 0
fi

# compare NAME AWK-FILTER: the lines of both sides that pass the filter.
compare() {
	awk "$2" "$TMP/lunar.c.txt" >"$TMP/lunar.c.sel"
	awk "$2" "$TMP/lunar.js.txt" >"$TMP/lunar.js.sel"
	n=$(wc -l <"$TMP/lunar.js.sel")
	if [ "$n" -gt 0 ] && diff -u "$TMP/lunar.js.sel" "$TMP/lunar.c.sel" \
	    >"$TMP/lunar.diff"; then
		echo "ok   lunar: $n $1 from 1901 to 2100 agree with lunar-javascript"
	else
		echo "FAIL lunar: $1 differ from lunar-javascript (- theirs, + ours)"
		sed 's/^/    /' "$TMP/lunar.diff" | head -20
	fi
}
compare "spring festivals" '$3 == 1 && $4 == 0 && $5 == 1'
compare "new months" '$5 == 1'
compare "days" '1'
