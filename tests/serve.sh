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
#   host        only the Host names of the address it listens on are
#               answered (DNS rebinding): evil.example gets 421, no content
#   headers     everything served has a Content-Security-Policy (scripts
#               only from the server itself; none at all in an SVG) and
#               X-Content-Type-Options: nosniff
#   save        a word appended to a story (and one saved by renaming a
#               temporary file over it) is in its served page by itself
#               (within 10 s, twenty times what it takes; make bench
#               measures how fast)
#   events      /_press/events sends "event: reload" after a save
#   overlay     a story without its title is answered with the overlay:
#               FILE:LINE:COL: error: …; fixed, the story comes back
#   templates   a broken template puts the overlay on every page, its
#               messages at FILE:LINE:COL, while the server keeps
#               serving; repaired, the pages come back
#   left out    a story left out for its errors is named, with its
#               messages, on its issue's pages as served (never on disk)
#   limits      260 clients that send nothing, or 300 event clients, do
#               not keep a page from being served; event clients past
#               the cap get 503 with Retry-After; the slots of event
#               clients that went away are free again within seconds; an
#               idle connection is closed
#   withdrawn   an issue folder removed while serving is gone from the
#               site, the archive, the feed and the sitemap
#   on disk     no built file holds the reload script
#   chromium    tests/serve/reload.mjs: the open page reloads by itself;
#               an SVG with a script, opened on its own, runs none
#               (skipped without node_modules/playwright-core or chromium)
#   stop        SIGTERM stops it with status 0, and no sanitizer report;
#               without -o, its private folder is gone after it, even
#               when a second signal comes during the clean-up
#   usage       a bad port or a PATH outside the articles is exit 2
#   Chinese     under zh_CN.UTF-8 the overlay and the left-out notice
#               are Chinese, the level words of their messages too
#   --host      the address given is one more Host name answered
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
hpid=
ipid=
story=$tmp/articles/2024-06-11/huairou.md
template=$tmp/templates/html/story.xsl
# Every process this suite starts stops with it, whatever happens.
cleanup() {
	[ -n "$cpid" ] && kill "$cpid" 2>/dev/null
	[ -n "$hpid" ] && kill "$hpid" 2>/dev/null
	[ -n "$ipid" ] && kill "$ipid" 2>/dev/null
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	pid=
	cpid=
	hpid=
	ipid=
}
trap cleanup EXIT
trap 'cleanup; exit 1' INT TERM HUP

now_ms() { echo $(($(date +%s%N) / 1000000)); }

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
# A connection that never sends a byte, opened now and looked at near
# the end (under "limits").
if command -v bash >/dev/null; then
	bash tests/serve/conns.sh idle "$p" 45 >"$tmp/idle" 2>&1 &
	ipid=$!
fi

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

	# ---- host ----------------------------------------------------------
	# A page of another site whose name is made to point at 127.0.0.1
	# sends its own name: nothing is answered to it.
	for h in evil.example "evil.example:$p" 127.0.0.1.evil.example \
	    "localhost.evil.example:$p" "evil.example:$p/_press/events"; do
		for path in / /2024-06-11/huairou.html /_press/reload.js \
		    /_press/events; do
			fetch "$path" -H "Host: $h" --max-time 3
			if { [ "$code" = 421 ] || [ "$code" = 403 ]; } &&
			    ! grep -q '劳动午报\|EventSource\|<script\|retry:' "$tmp/body"; then
				ok "Host: $h gets $code for $path"
			else
				notok "Host: $h is refused for $path: $code"
				indent "$tmp/body" | head -5
			fi
		done
	done
	for h in 127.0.0.1 "127.0.0.1:$p" localhost "localhost:$p" \
	    LocalHost "[::1]" "[::1]:$p"; do
		fetch /2024-06-11/huairou.html -H "Host: $h"
		if [ "$code" = 200 ] && grep -q '</html>' "$tmp/body"; then
			ok "Host: $h is answered"
		else
			notok "Host: $h is answered: $code"
		fi
	done

	# ---- headers -------------------------------------------------------
	# policy WANT NAME: the last answer has X-Content-Type-Options:
	# nosniff and a Content-Security-Policy whose script sources (its
	# script-src, else its default-src) are exactly WANT: 'self' (HTML,
	# for the reload script) or 'none'.
	policy() {
		csp=$(header Content-Security-Policy)
		nosniff=$(header X-Content-Type-Options)
		src=$(printf '%s\n' "$csp" | tr ';' '\n' | sed -n 's/^ *script-src  *//p')
		[ -n "$src" ] ||
		    src=$(printf '%s\n' "$csp" | tr ';' '\n' | sed -n 's/^ *default-src  *//p')
		src=$(echo $src)
		if [ "$src" = "$1" ] && [ "$nosniff" = nosniff ]; then
			ok "$2: Content-Security-Policy with scripts from $1, nosniff"
		else
			notok "$2: Content-Security-Policy with scripts from $1, nosniff"
			echo "    Content-Security-Policy: $csp"
			echo "    X-Content-Type-Options: $nosniff"
		fi
	}
	for path in / /2024-06-11/ /2024-06-11/huairou.html \
	    /2024-06-11/no-such-story.html; do
		fetch "$path"
		policy "'self'" "GET $path"
	done
	for path in /press.css "/$img" /_press/print/2024-06-11/issue.xml \
	    /_press/reload.js /feed.xml /2024-06-11; do
		fetch "$path"
		policy "'none'" "GET $path"
	done
	fetch /_press/events --max-time 1
	policy "'none'" "GET /_press/events"
	fetch / -H 'Host: evil.example'
	policy "'none'" "the answer to Host: evil.example"

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
	# That the page follows the save, not how fast: make bench measures
	# the latency (a few hundred ms); 10 s is for a machine under load.
	word=SERVESAVE$$
	printf '\n%s\n' "$word" >>"$story"
	if wait_for 10000 page_has "$word"; then
		ok "a save is in the served page by itself"
	else
		notok "a save is in the served page by itself (within 10 s)"
		indent "$tmp/log" | tail -5
	fi

	# Editors that save to a temporary file and rename it over the story.
	cp "$story" "$tmp/articles/2024-06-11/.huairou.md.swp"
	printf '\n%s\n' "SERVERENAME$$" >>"$tmp/articles/2024-06-11/.huairou.md.swp"
	mv "$tmp/articles/2024-06-11/.huairou.md.swp" "$story"
	if wait_for 10000 page_has "SERVERENAME$$"; then
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
	if wait_for 10000 reloaded; then
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
	if wait_for 10000 overlaid &&
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
	if wait_for 10000 fixed; then
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
	if wait_for 10000 template_overlay; then
		# Every message at its place, not libxml2's lines of context.
		if grep -q 'story\.xsl:[0-9][0-9]*:[0-9][0-9]*: error: ' "$tmp/body" &&
		    ! grep -q 'template: \^\|error: template: error$' "$tmp/body"; then
			ok "a broken template: its messages in the overlay at FILE:LINE:COL"
		else
			notok "a broken template: its messages in the overlay at FILE:LINE:COL"
			grep 'error' "$tmp/body" | indent | head -10
		fi
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
	if wait_for 10000 repaired; then
		ok "the repaired template brings the pages back"
	else
		notok "the repaired template brings the pages back"
	fi

	# ---- left out ------------------------------------------------------
	# huairou.md without its title is left out of its issue.  Once
	# another story is saved, the issue's pages are served again (the
	# overlay is the broken story's own page): they name the story that
	# is not on them, with its messages, so the editor sees the hole.
	miyun=$tmp/articles/2024-06-11/miyun.md
	cp "$miyun" "$tmp/miyun.orig"
	grep -v '^title:' "$tmp/story.orig" >"$story"
	wait_for 10000 overlaid
	printf '\n%s\n' "SERVELEFTOUT$$" >>"$miyun"
	left_out() {
		fetch "$1"
		[ "$code" = 200 ] && grep -q 'id="press-left-out"' "$tmp/body" &&
		    grep -q 'huairou\.md:[0-9][0-9]*:[0-9][0-9]*: error: missing required key' "$tmp/body" &&
		    ! grep -q 'id="press-overlay"' "$tmp/body"
	}
	for path in /2024-06-11/ /2024-06-11/page-3.html; do
		if wait_for 10000 left_out "$path"; then
			ok "GET $path names the story left out, with its messages"
		else
			notok "GET $path names the story left out, with its messages"
			indent "$tmp/body" | grep -i 'press-\|error' | head -10
		fi
	done
	cp "$tmp/story.orig" "$story"
	cp "$tmp/miyun.orig" "$miyun"
	none_left_out() {
		fetch /2024-06-11/
		[ "$code" = 200 ] && ! grep -q 'press-left-out' "$tmp/body"
	}
	if wait_for 10000 none_left_out; then
		ok "the story fixed, its issue's pages name none left out"
	else
		notok "the story fixed, its issue's pages name none left out"
	fi

	# ---- limits --------------------------------------------------------
	# No timing here: each request must succeed, whatever it takes.
	page_ok() {
		fetch /2024-06-11/huairou.html --max-time 30
		[ "$code" = 200 ] && grep -q '</html>' "$tmp/body"
	}
	held() { grep -q '^holding' "$tmp/hold"; }
	if ! command -v bash >/dev/null; then
		skip "limits: bash is not installed"
	else
		bash tests/serve/conns.sh hold "$p" 260 >"$tmp/hold" 2>&1 &
		hpid=$!
		wait_for 60000 held
		sleep 1 # for the server to take them all
		if held && page_ok; then
			ok "a page is served while 260 clients send nothing ($(cat "$tmp/hold"))"
		else
			notok "a page is served while 260 clients send nothing: $code"
			indent "$tmp/hold"
		fi
		kill "$hpid" 2>/dev/null
		wait "$hpid" 2>/dev/null
		hpid=

		bash tests/serve/conns.sh hold "$p" 300 \
		    'GET /_press/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' \
		    >"$tmp/hold" 2>&1 &
		hpid=$!
		wait_for 60000 held
		sleep 1
		if held && page_ok; then
			ok "a page is served while 300 event clients wait ($(cat "$tmp/hold"))"
		else
			notok "a page is served while 300 event clients wait: $code"
			indent "$tmp/hold"
		fi
		fetch /_press/events --max-time 10
		if [ "$code" = 503 ] && [ -n "$(header Retry-After)" ]; then
			ok "an event client past the cap gets 503 with Retry-After: $(header Retry-After)"
		else
			notok "an event client past the cap gets 503 with Retry-After: $code"
			indent "$tmp/head"
		fi
		kill "$hpid" 2>/dev/null
		wait "$hpid" 2>/dev/null
		hpid=
		# Noticed within a second or two; 15 s for a machine under load.
		events_open() {
			fetch /_press/events --max-time 1
			[ "$code" = 200 ]
		}
		if wait_for 15000 events_open; then
			ok "the event clients that went away free their slots"
		else
			notok "the event clients that went away free their slots: $code"
		fi
		if [ -n "$ipid" ]; then
			wait "$ipid"
			ipid=
			if grep -q '^closed$' "$tmp/idle"; then
				ok "a connection that sends nothing is closed"
			else
				notok "a connection that sends nothing is closed (within 45 s)"
				indent "$tmp/idle"
			fi
		fi
	fi

	# ---- withdrawn -----------------------------------------------------
	# A second issue comes, then goes: nothing of it stays served.
	cp -R "$tmp/articles/2024-06-11" "$tmp/second"
	sed -i 's/^date: .*/date: 2024-06-18/; s/^number: .*/number: 2/' \
	    "$tmp/second/issue.yaml"
	mv "$tmp/second" "$tmp/articles/2024-06-18"
	published() {
		fetch /2024-06-18/huairou.html
		[ "$code" = 200 ] || return 1
		fetch /
		grep -q '2024-06-18/' "$tmp/body"
	}
	if wait_for 20000 published; then
		ok "an issue folder added while serving is served, and in the archive"
	else
		notok "an issue folder added while serving is served, and in the archive: $code"
		indent "$tmp/log" | tail -5
	fi
	rm -rf "$tmp/articles/2024-06-18"
	withdrawn() {
		for path in /2024-06-18/ /2024-06-18/huairou.html \
		    /_press/print/2024-06-18/issue.xml; do
			fetch "$path"
			[ "$code" = 404 ] || return 1
		done
		for path in / /feed.xml /sitemap/2024-06.xml; do
			fetch "$path"
			[ "$code" = 200 ] && ! grep -q '2024-06-18' "$tmp/body" ||
			    return 1
		done
	}
	if wait_for 20000 withdrawn; then
		ok "an issue folder removed while serving: gone from the site, archive, feed and sitemap"
	else
		notok "an issue folder removed while serving: gone from the site, archive, feed and sitemap"
		echo "    $path: $code"
	fi
fi

# ---- on disk ---------------------------------------------------------------
if grep -rl '_press/\|EventSource\|press-left-out\|press-overlay' "$tmp/out" >"$tmp/found" 2>/dev/null; then
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
	# An SVG with a script, put where the server serves it.
	printf '%s\n' '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>document.documentElement.setAttribute("data-ran", "1")</script></svg>' \
	    >"$tmp/out/site/script.svg"
	node tests/serve/reload.mjs "$u/2024-06-11/huairou.html" "$story" \
	    "$u/script.svg" >"$tmp/chromium" 2>&1
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
	if [ "$status" = 0 ] && grep -q '^press: \(stopped\|已停止\)$' "$3" && sanitized "$3"; then
		ok "$1"
	else
		notok "$1: status $status"
		indent "$3" | tail -30
	fi
}
stop "SIGTERM stops it cleanly" "$pid" "$tmp/log"
pid=

# In the reader's language: what press serve says on the terminal, from
# its address to its last line, is Chinese under LANG=zh_CN.UTF-8.
env -u LC_ALL -u LANGUAGE -u LC_MESSAGES LANG=zh_CN.UTF-8 "$PRESS" serve \
    -a "$tmp/articles" -t "$tmp/templates" -o "$tmp/out-zh" -p 0 \
    >"$tmp/log-zh" 2>&1 &
pid=$!
zh_started() { grep -q '^press: 网络版地址 http://127\.0\.0\.1:[0-9]*/$' "$tmp/log-zh" ||
    ! kill -0 "$pid" 2>/dev/null; }
wait_for 20000 zh_started
kill -TERM "$pid"
wait_for 10000 gone "$pid" || kill -KILL "$pid"
wait "$pid"
pid=
if grep -q '^press: 网络版地址 http://127\.0\.0\.1:[0-9]*/$' "$tmp/log-zh" &&
    grep -q '^press: 全部生成完毕，用时 [0-9]* 毫秒' "$tmp/log-zh" &&
    grep -q '^press: 已停止$' "$tmp/log-zh" &&
    ! grep -q 'serving\|built\|stopped' "$tmp/log-zh"; then
	ok "LANG=zh_CN.UTF-8: its terminal lines are Chinese"
else
	notok "LANG=zh_CN.UTF-8: its terminal lines are Chinese"
	indent "$tmp/log-zh" | tail -20
fi

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

# ---- Chinese ---------------------------------------------------------------
# Under a Chinese locale the overlay and the left-out notice are Chinese,
# the level words of their messages too.
portzh() {
	sed -n 's|^press: .*http://127\.0\.0\.1:\([0-9][0-9]*\)/$|\1|p' "$tmp/logzh"
}
startedzh() { [ -n "$(portzh)" ] || ! kill -0 "$pid" 2>/dev/null; }
if ! command -v curl >/dev/null; then
	skip "Chinese: curl is not installed"
else
	zh=$tmp/zh/articles/2024-01-05
	mkdir -p "$zh"
	printf 'name: 测试报\n' >"$tmp/zh/articles/paper.yaml"
	printf 'pages:\n  - no: 1\n    name: 要闻\n    stories: [a.md, b.md]\n' >"$zh/issue.yaml"
	printf -- '---\ngenre: 消息\n---\n\n正文。\n' >"$zh/a.md"
	printf -- '---\ntitle: 好稿\n---\n\n正文。\n' >"$zh/b.md"
	LC_ALL=zh_CN.UTF-8 "$PRESS" serve -a "$tmp/zh/articles" -t "$tmp/templates" \
	    -o "$tmp/outzh" -p 0 >"$tmp/logzh" 2>&1 &
	pid=$!
	wait_for 20000 startedzh
	pz=$(portzh)
	if [ -z "$pz" ]; then
		notok "Chinese: serve did not start"
		indent "$tmp/logzh"
	else
		u=http://127.0.0.1:$pz
		fetch /2024-01-05/a.html
		cp "$tmp/body" "$tmp/zh.overlay"
		fetch /2024-01-05/page-1.html
		cp "$tmp/body" "$tmp/zh.notice"
		# The words left once markup, style, script, file names and
		# the program's own name are set aside.
		sed -e 's#<style>[^<]*</style>##g' -e 's#<script[^<]*</script>##g' \
		    -e 's/<[^>]*>/ /g' -e 's/press serve\|press//g' -e 's/“[^”]*”//g' \
		    -e 's#[^ ：:]*\.\(md\|yaml\|html\|css\)##g' \
		    "$tmp/zh.overlay" "$tmp/zh.notice" |
		    grep -E '[A-Za-z]{3,}' >"$tmp/english"
		if grep -q 'a\.md:[0-9]*:[0-9]*: 错误: ' "$tmp/zh.overlay" &&
		    grep -q 'a\.md:[0-9]*:[0-9]*: 错误: ' "$tmp/zh.notice" &&
		    [ ! -s "$tmp/english" ]; then
			ok "Chinese: the overlay and the left-out notice are Chinese"
		else
			notok "Chinese: the overlay and the left-out notice are Chinese"
			indent "$tmp/english"
			grep 'a\.md' "$tmp/zh.overlay" | head -3 | indent
		fi
		stop "Chinese: SIGTERM stops it cleanly" "$pid" "$tmp/logzh"
		pid=
	fi
fi

# ---- --host ----------------------------------------------------------------
# The address given to --host is one more Host name answered (127.0.0.2
# is loopback too on Linux).
port3() {
	sed -n 's|^press: serving http://127\.0\.0\.2:\([0-9][0-9]*\)/$|\1|p' "$tmp/log3"
}
started3() { [ -n "$(port3)" ] || ! kill -0 "$pid" 2>/dev/null; }
if ! command -v curl >/dev/null; then
	skip "--host: curl is not installed"
else
	"$PRESS" serve -a "$tmp/articles" -t "$tmp/templates" -o "$tmp/out3" \
	    -p 0 --host 127.0.0.2 >"$tmp/log3" 2>&1 &
	pid=$!
	wait_for 20000 started3
	p3=$(port3)
	if [ -z "$p3" ]; then
		skip "--host: cannot serve on 127.0.0.2"
		cleanup
	else
		u=http://127.0.0.2:$p3
		fetch /2024-06-11/huairou.html
		if [ "$code" = 200 ]; then
			ok "--host 127.0.0.2: Host: 127.0.0.2:$p3 is answered"
		else
			notok "--host 127.0.0.2: Host: 127.0.0.2:$p3 is answered: $code"
		fi
		fetch /2024-06-11/huairou.html -H 'Host: evil.example'
		if [ "$code" = 421 ] || [ "$code" = 403 ]; then
			ok "--host 127.0.0.2: Host: evil.example gets $code"
		else
			notok "--host 127.0.0.2: Host: evil.example is refused: $code"
		fi
		stop "--host 127.0.0.2: SIGTERM stops it cleanly" "$pid" "$tmp/log3"
		pid=
	fi
fi
