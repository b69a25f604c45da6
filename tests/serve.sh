#!/bin/sh
# press serve, the reporter's live preview, on a copy of the sample
# articles and templates, on a free port of 127.0.0.1:
#
#   start       it prints its address, on the port it picked
#   files       the archive, an issue's index, a page and a story are
#               HTML with the reload script and Cache-Control: no-store;
#               CSS, SVG and print XML have their types and no-cache (and
#               a 304 for their ETag); a folder without its slash is
#               redirected; a missing file is a plain 404 page
#   outside     /../../etc/passwd, /%2e%2e/…, ..%2f, a backslash, %00,
#               a hidden file, and symbolic links in the served folder
#               (to a file and to a folder outside) get 403 or 404
#   save        a word appended to a story (and one saved by renaming a
#               temporary file over it) is in its served page within
#               0.5 s (the best of three saves, for a busy machine; 1.5 s
#               for the program of make check SANITIZE=1, 3-5 times slower)
#   events      /_press/events sends "event: reload" after a save
#   overlay     a story without its title is answered with the overlay:
#               FILE:LINE:COL: error: …; fixed, the story comes back
#   templates   a broken template puts the overlay on every page while
#               the server keeps serving; repaired, the pages come back
#   on disk     no built file holds the reload script
#   chromium    tests/serve/reload.mjs: the open page reloads by itself
#               (skipped without node_modules/playwright-core or chromium)
#   stop        SIGTERM stops it with status 0, and no sanitizer report;
#               without -o, its private folder is gone after it, even
#               when a second signal comes during the clean-up
#   usage       a bad port or a PATH outside the articles is exit 2
#
# Environment (set by tests/run): PRESS, the program; TMP, a scratch
# folder.  Run from the repository root.  Prints "ok   NAME", "FAIL NAME"
# with details indented by four spaces, or "skip NAME: why".

PRESS=${PRESS:-$PWD/out/bin/press}
TMP=${TMP:-/tmp}
tmp=$TMP/serve
rm -rf "$tmp"
mkdir -p "$tmp"

ok() { echo "ok   serve: $1"; }
notok() { echo "FAIL serve: $1"; }
skip() { echo "skip serve: $1"; }
indent() { sed 's/^/    /' "$@"; }

pid=
cpid=
story=$tmp/articles/2024-06-11/huairou.md
template=$tmp/templates/html/story.xsl
# Every process this suite starts stops with it, whatever happens.
cleanup() {
	[ -n "$cpid" ] && kill "$cpid" 2>/dev/null
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	pid=
	cpid=
}
trap cleanup EXIT
trap 'cleanup; exit 1' INT TERM HUP

now_ms() { echo $(($(date +%s%N) / 1000000)); }
case $PRESS in
*/asan/*) bound=1500 ;;
*) bound=500 ;;
esac
export SERVE_BOUND_MS=$bound

# wait_for MS COMMAND...: runs COMMAND every 20 ms until it succeeds;
# fails when MS milliseconds pass first.
wait_for() {
	limit=$(($(now_ms) + $1))
	shift
	until "$@"; do
		[ "$(now_ms)" -ge "$limit" ] && return 1
		sleep 0.02
	done
}

# port LOG: the port of the address press serve printed.
port() {
	sed -n 's|^press: serving http://127\.0\.0\.1:\([0-9][0-9]*\)/$|\1|p' "$1"
}
started() { [ -n "$(port "$1")" ] || ! kill -0 "$2" 2>/dev/null; }

# Sanitizer reports in a log (under make check SANITIZE=1).
sanitized() {
	! grep -q 'ERROR: AddressSanitizer\|ERROR: LeakSanitizer\|runtime error:' "$1"
}

cp -R articles templates "$tmp/"
cp "$story" "$tmp/story.orig"
cp "$template" "$tmp/template.orig"
"$PRESS" serve -a "$tmp/articles" -t "$tmp/templates" -o "$tmp/out" -p 0 \
    >"$tmp/log" 2>&1 &
pid=$!
wait_for 20000 started "$tmp/log" "$pid"
p=$(port "$tmp/log")
if [ -n "$p" ] && [ "$p" -gt 0 ]; then
	ok "prints its address (port $p)"
else
	notok "prints its address"
	indent "$tmp/log"
	exit 0
fi
u=http://127.0.0.1:$p

# fetch PATH [CURL OPTION...]: the status in $code, the body in
# $tmp/body, the headers in $tmp/head.
fetch() {
	path=$1
	shift
	code=$(curl -s --path-as-is -o "$tmp/body" -D "$tmp/head" \
	    -w '%{http_code}' --max-time 10 "$@" "$u$path")
}
header() { sed -n "s/^$1: //Ip" "$tmp/head" | tr -d '\r'; }
# expect NAME STATUS TYPE CACHE: the last fetch's status, Content-Type
# (its start) and Cache-Control.
expect() {
	type=$(header Content-Type)
	cache=$(header Cache-Control)
	case $type in "$3"*) t=1 ;; *) t= ;; esac
	if [ "$code" = "$2" ] && [ -n "$t" ] && [ "$cache" = "$4" ]; then
		ok "$1"
	else
		notok "$1"
		echo "    status $code (want $2), type $type (want $3), cache $cache (want $4)"
	fi
}
has_script() { grep -q '<script src="/_press/reload.js"' "$tmp/body"; }

if ! command -v curl >/dev/null; then
	skip "files, outside, save, events, overlay: curl is not installed"
else
	# ---- files ---------------------------------------------------------
	for path in / /2024-06-11/ /2024-06-11/page-3.html /2024-06-11/huairou.html; do
		fetch "$path"
		expect "GET $path" 200 "text/html; charset=utf-8" no-store
		if has_script && grep -q '</html>' "$tmp/body"; then
			ok "GET $path has the reload script"
		else
			notok "GET $path has the reload script"
		fi
	done
	fetch /press.css
	expect "GET /press.css" 200 "text/css" no-cache
	etag=$(header ETag)
	fetch /press.css -H "If-None-Match: $etag"
	if [ -n "$etag" ] && [ "$code" = 304 ]; then
		ok "GET /press.css again with its ETag is 304"
	else
		notok "GET /press.css again with its ETag is 304: $code, ETag $etag"
	fi
	img=$(cd "$tmp/out/site" && ls 2024-06-11/img/*.svg | head -n 1)
	fetch "/$img"
	expect "GET /$img" 200 "image/svg+xml" no-cache
	fetch /_press/print/2024-06-11/issue.xml
	expect "GET /_press/print/2024-06-11/issue.xml" 200 "application/xml" no-cache
	fetch /_press/reload.js
	expect "GET /_press/reload.js" 200 "text/javascript" no-cache
	fetch /2024-06-11
	if [ "$code" = 301 ] && [ "$(header Location)" = /2024-06-11/ ]; then
		ok "a folder without its slash is redirected"
	else
		notok "a folder without its slash is redirected: $code $(header Location)"
	fi
	fetch /2024-06-11/no-such-story.html
	if [ "$code" = 404 ] && grep -q '404 Not Found' "$tmp/body" &&
	    ! grep -q 'class=' "$tmp/body"; then
		ok "a missing file is a plain 404 page"
	else
		notok "a missing file is a plain 404 page: $code"
		indent "$tmp/body" | head -5
	fi
	fetch / -X POST -d x=1
	if [ "$code" = 405 ]; then
		ok "POST is 405"
	else
		notok "POST is 405: $code"
	fi

	# ---- outside -------------------------------------------------------
	ln -s /etc/passwd "$tmp/out/site/passwd.txt"
	ln -s /etc "$tmp/out/site/etc"
	mkdir -p "$tmp/out/site/sub"
	ln -s ../../.. "$tmp/out/site/sub/up"
	echo secret >"$tmp/out/site/.hidden"
	for path in /../../etc/passwd /%2e%2e/%2e%2e/etc/passwd \
	    /..%2f..%2f..%2fetc%2fpasswd /2024-06-11/../../../etc/passwd \
	    '/..%5c..%5cetc%5cpasswd' /passwd.txt%00.html /passwd.txt \
	    /etc/passwd /sub/up/articles/paper.yaml /.hidden \
	    /_press/print/../../../etc/passwd; do
		fetch "$path"
		if { [ "$code" = 403 ] || [ "$code" = 404 ]; } &&
		    ! grep -q 'root:\|secret\|劳动午报' "$tmp/body"; then
			ok "GET $path is refused ($code)"
		else
			notok "GET $path is refused: $code"
			indent "$tmp/body" | head -5
		fi
	done

	# ---- save ----------------------------------------------------------
	# page_has WORD: the story's page, as served, holds WORD.
	page_has() {
		curl -s --max-time 5 "$u/2024-06-11/huairou.html" | grep -q "$1"
	}
	times=
	best=99999
	for i in 1 2 3; do
		word=SERVESAVE$i$$
		t0=$(now_ms)
		printf '\n%s\n' "$word" >>"$story"
		wait_for 5000 page_has "$word" || break
		took=$(($(now_ms) - t0))
		times="$times $took"
		[ "$took" -lt "$best" ] && best=$took
		[ "$best" -le "$bound" ] && break
		sleep 0.2
	done
	if [ "$best" -le "$bound" ]; then
		ok "a save is in the served page within $bound ms (${times# } ms)"
	else
		notok "a save is in the served page within $bound ms (${times# } ms)"
		indent "$tmp/log" | tail -5
	fi

	# Editors that save to a temporary file and rename it over the story.
	cp "$story" "$tmp/articles/2024-06-11/.huairou.md.swp"
	printf '\n%s\n' "SERVERENAME$$" >>"$tmp/articles/2024-06-11/.huairou.md.swp"
	mv "$tmp/articles/2024-06-11/.huairou.md.swp" "$story"
	if wait_for 3000 page_has "SERVERENAME$$"; then
		ok "a save by rename is in the served page"
	else
		notok "a save by rename is in the served page"
	fi

	# ---- events --------------------------------------------------------
	curl -sN --max-time 30 "$u/_press/events" >"$tmp/events" 2>&1 &
	cpid=$!
	connected() { grep -q '^retry:' "$tmp/events"; }
	reloaded() { grep -q '^event: reload' "$tmp/events"; }
	wait_for 5000 connected
	printf '\n%s\n' "SERVEEVENT$$" >>"$story"
	if wait_for 2000 reloaded; then
		ok "/_press/events sends a reload event after a save"
	else
		notok "/_press/events sends a reload event after a save"
		indent "$tmp/events"
	fi
	kill "$cpid" 2>/dev/null
	wait "$cpid" 2>/dev/null
	cpid=
	fetch /_press/events --max-time 0.5
	if [ "$(header Content-Type)" = "text/event-stream; charset=utf-8" ] &&
	    [ "$(header Cache-Control)" = no-store ]; then
		ok "/_press/events is text/event-stream, not cached"
	else
		notok "/_press/events is text/event-stream, not cached"
		indent "$tmp/head"
	fi

	# ---- overlay -------------------------------------------------------
	overlaid() {
		fetch /2024-06-11/huairou.html
		grep -q 'id="press-overlay"' "$tmp/body"
	}
	grep -v '^title:' "$tmp/story.orig" >"$story"
	if wait_for 3000 overlaid &&
	    grep -q 'huairou\.md:[0-9][0-9]*:[0-9][0-9]*: error: missing required key' "$tmp/body" &&
	    has_script && [ "$code" = 200 ] && [ "$(header Cache-Control)" = no-store ]; then
		ok "a story with errors is answered with the overlay (FILE:LINE:COL)"
	else
		notok "a story with errors is answered with the overlay (FILE:LINE:COL)"
		indent "$tmp/body" | head -10
	fi
	# The old page is still on disk: it must not be what is served.
	if [ -f "$tmp/out/site/2024-06-11/huairou.html" ] &&
	    ! grep -q 'class="headline' "$tmp/body"; then
		ok "the stale page is not served"
	else
		notok "the stale page is not served"
	fi
	fetch /press.css
	if [ "$code" = 200 ]; then
		ok "the rest of the site is still served"
	else
		notok "the rest of the site is still served: $code"
	fi
	cp "$tmp/story.orig" "$story"
	title=$(sed -n 's/^title: *//p' "$tmp/story.orig")
	fixed() {
		fetch /2024-06-11/huairou.html
		grep -q "$title" "$tmp/body" && ! grep -q 'press-overlay' "$tmp/body"
	}
	if wait_for 3000 fixed; then
		ok "the fixed story comes back"
	else
		notok "the fixed story comes back"
		indent "$tmp/body" | head -10
	fi

	# ---- templates -----------------------------------------------------
	echo '<xsl:stylesheet broken' >"$template"
	template_overlay() {
		fetch /2024-06-11/miyun.html
		grep -q 'id="press-overlay"' "$tmp/body" &&
		    grep -q 'story\.xsl' "$tmp/body"
	}
	if wait_for 3000 template_overlay; then
		fetch /press.css
		if [ "$code" = 200 ]; then
			ok "a broken template: overlay on the pages, the server keeps serving"
		else
			notok "a broken template: the server keeps serving: $code"
		fi
	else
		notok "a broken template: overlay on the pages"
		indent "$tmp/body" | head -10
	fi
	cp "$tmp/template.orig" "$template"
	repaired() {
		fetch /2024-06-11/miyun.html
		[ "$code" = 200 ] && ! grep -q 'press-overlay' "$tmp/body"
	}
	if wait_for 3000 repaired; then
		ok "the repaired template brings the pages back"
	else
		notok "the repaired template brings the pages back"
	fi
fi

# ---- on disk ---------------------------------------------------------------
if grep -rl '_press/reload\|EventSource' "$tmp/out" >"$tmp/found" 2>/dev/null; then
	notok "no built file holds the reload script"
	indent "$tmp/found"
else
	ok "no built file holds the reload script"
fi

# ---- chromium --------------------------------------------------------------
if [ ! -d node_modules/playwright-core ]; then
	skip "chromium: node_modules/playwright-core is not installed"
elif ! command -v node >/dev/null || [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
	skip "chromium: node or chromium is not installed"
else
	node tests/serve/reload.mjs "$u/2024-06-11/huairou.html" "$story" \
	    >"$tmp/chromium" 2>&1
	cat "$tmp/chromium"
	if ! grep -q '^ok \|^FAIL ' "$tmp/chromium"; then
		notok "chromium: reload.mjs printed no result"
	fi
fi

# ---- stop ------------------------------------------------------------------
gone() { ! kill -0 "$1" 2>/dev/null; }
stop() { # NAME PID LOG
	kill -TERM "$2"
	if wait_for 10000 gone "$2"; then
		wait "$2"
		status=$?
	else
		status=timeout
		kill -KILL "$2"
	fi
	if [ "$status" = 0 ] && grep -q '^press: stopped$' "$3" && sanitized "$3"; then
		ok "$1"
	else
		notok "$1: status $status"
		indent "$3" | tail -30
	fi
}
stop "SIGTERM stops it cleanly" "$pid" "$tmp/log"
pid=

# Without -o it builds into a private folder of its own, and removes it.
mkdir -p "$tmp/tmpdir"
TMPDIR=$tmp/tmpdir "$PRESS" serve -a "$tmp/articles" -t "$tmp/templates" \
    -p 0 >"$tmp/log2" 2>&1 &
pid=$!
wait_for 20000 started "$tmp/log2" "$pid"
private=$(ls -d "$tmp"/tmpdir/press-serve.* 2>/dev/null)
if [ -n "$(port "$tmp/log2")" ] && [ -f "$private/site/2024-06-11/huairou.html" ]; then
	ok "without -o it builds into a private folder"
else
	notok "without -o it builds into a private folder"
	indent "$tmp/log2"
fi
# Two signals at once (^C twice; timeout(1) signals the group too): still
# a clean stop, and the folder still goes.
kill -INT "$pid"
stop "SIGINT then SIGTERM stop it cleanly, without -o" "$pid" "$tmp/log2"
pid=
if [ -n "$private" ] && [ ! -e "$private" ]; then
	ok "its private folder is removed when it stops"
else
	notok "its private folder is removed when it stops: $private"
fi

# ---- usage -----------------------------------------------------------------
for args in "-p 70000" "-p x" "-a $tmp/articles /etc" "--bogus"; do
	# shellcheck disable=SC2086 # the options are words
	"$PRESS" serve -t "$tmp/templates" $args >"$tmp/usage" 2>&1
	status=$?
	if [ "$status" = 2 ]; then
		ok "press serve $args is a usage error (exit 2)"
	else
		notok "press serve $args is a usage error: exit $status"
		indent "$tmp/usage"
	fi
done
