#!/bin/sh
# The load test of press serve, run by hand (not by make check: it takes
# a minute or more).  On a copy of the sample, press serve answers wrk
# (Debian's wrk, on loopback) for two rounds of SECONDS seconds each with
# CONNECTIONS connections, while a loop saves a story every 200 ms and an
# event stream listens for the reloads.  It prints wrk's figures, the
# server's resident memory (RSS) after a warm-up and after each round,
# how many rebuilds and reload events there were, and a verdict:
#
#   errors   wrk saw no socket error and no answer other than 2xx/3xx
#   memory   RSS after the second round is within 10% (and 4 MB) of RSS
#            after the first: no growth under load
#   current  the served page holds the last word saved
#
# usage: sh tests/serve/load.sh [SECONDS [CONNECTIONS]]    (30 and 50)
# Environment: PRESS, the program (default out/bin/press).  Run from the
# repository root.  Exits 1 when a verdict fails.

PRESS=${PRESS:-$PWD/out/bin/press}
secs=${1:-30}
conns=${2:-50}
for tool in wrk curl; do
	command -v $tool >/dev/null || { echo "serve-load: $tool is not installed"; exit 2; }
done
tmp=$(mktemp -d)
pid=
saver=
sse=
cleanup() {
	for p in $saver $sse; do kill "$p" 2>/dev/null; done
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

cp -R articles templates "$tmp/"
story=$tmp/articles/2024-06-11/huairou.md
"$PRESS" serve -a "$tmp/articles" -t "$tmp/templates" -o "$tmp/out" -p 0 \
    >"$tmp/log" 2>&1 &
pid=$!
i=0
while [ $i -lt 200 ]; do
	port=$(sed -n 's|^press: serving http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$tmp/log" 2>/dev/null)
	[ -n "$port" ] && break
	sleep 0.1
	i=$((i + 1))
done
[ -n "$port" ] || { echo "serve-load: press serve did not start"; cat "$tmp/log"; exit 1; }
url=http://127.0.0.1:$port/2024-06-11/huairou.html
rss() { ps -o rss= -p "$pid" | tr -d ' '; }

echo "press serve on port $port (pid $pid); wrk -t2 -c$conns -d${secs}s $url"
wrk -t2 -c"$conns" -d3s "$url" >/dev/null # warm-up: threads, caches
rss0=$(rss)
echo "RSS after warm-up: $rss0 kB"

curl -sN "http://127.0.0.1:$port/_press/events" >"$tmp/events" 2>/dev/null &
sse=$!
(
	n=0
	while :; do
		n=$((n + 1))
		printf '\nLOADSAVE%d\n' "$n" >>"$story"
		echo "$n" >"$tmp/saved"
		sleep 0.2
	done
) &
saver=$!

bad=0
round=1
while [ $round -le 2 ]; do
	echo
	echo "---- round $round"
	wrk -t2 -c"$conns" -d"${secs}s" --timeout 2s --latency "$url" >"$tmp/wrk"
	cat "$tmp/wrk"
	if grep -q 'Socket errors\|Non-2xx' "$tmp/wrk"; then
		bad=1
	fi
	eval "rss$round=$(rss)"
	echo "RSS after round $round: $(eval echo \$rss$round) kB"
	round=$((round + 1))
done

kill "$saver"
wait "$saver" 2>/dev/null
saver=
sleep 0.5 # the last save's rebuild
last=$(cat "$tmp/saved")
kill "$sse"
wait "$sse" 2>/dev/null
sse=
echo
echo "saves: $last; rebuilds: $(grep -c '^press: rebuilt' "$tmp/log");" \
    "reload events: $(grep -c '^event: reload' "$tmp/events")"
grep -v '^press: \(rebuilt\|built\|serving\)' "$tmp/log" | head -20

status=0
if [ "$bad" -eq 0 ]; then
	echo "ok   errors: none"
else
	echo "FAIL errors: wrk saw socket errors or non-2xx answers"
	status=1
fi
# shellcheck disable=SC2154 # rss1 and rss2 are set by eval
growth=$((rss2 - rss1))
if [ "$growth" -le $((rss1 / 10)) ] && [ "$growth" -le 4096 ]; then
	echo "ok   memory: RSS $rss0 → $rss1 → $rss2 kB"
else
	echo "FAIL memory: RSS $rss0 → $rss1 → $rss2 kB"
	status=1
fi
if curl -s "$url" | grep -q "LOADSAVE$last\$\|LOADSAVE$last<"; then
	echo "ok   current: the page holds the last save (LOADSAVE$last)"
else
	echo "FAIL current: the page does not hold LOADSAVE$last"
	status=1
fi
exit $status
