#!/bin/sh
# make bench: the save-to-reload latency of press serve, then press
# against Hugo on the same generated corpus, at N = 1,000 and 10,000
# stories (BENCH_SIZES to change; empty for the latency alone), in one
# run.
#
# press serve on a copy of the sample: BENCH_SAVES saves (20) of a story,
# each timed from the write to the reload event on an open event stream
# (what makes an open page reload) and to the served page holding the
# word saved (what the reloaded page shows); median and worst, in ms,
# polled every 5 ms.
#
# For each size: a full build, a no-op rebuild, a rebuild after one story
# changed, a rebuild after one template changed, peak memory, and
# `press preview` of one story; with Hugo (when installed) the same over
# an equivalent minimal site, and the press/Hugo ratios.  Times are
# medians of BENCH_RUNS runs (hyperfine when installed), in seconds.
set -eu
cd "$(dirname "$0")/.."
PRESS=$PWD/out/bin/press
GEN=$PWD/out/bin/gencorpus
SIZES=${BENCH_SIZES-1000 10000}
RUNS=${BENCH_RUNS:-3}
B=$PWD/out/bench
mkdir -p "$B"

# median SECONDS of a command over RUNS runs; PREP runs before each.
median() {
	prep=$1
	shift
	if command -v hyperfine >/dev/null; then
		hyperfine --runs "$RUNS" --prepare "$prep" --export-json "$B/h.json" \
		    "$*" >/dev/null 2>&1 || { echo NaN; return; }
		sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$B/h.json" | head -n 1 |
		    awk '{ printf "%.3f\n", $1 }'
	else
		for i in $(seq "$RUNS"); do
			sh -c "$prep"
			/usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -n 1
		done | sort -n | sed -n "$(((RUNS + 1) / 2))p"
	fi
}

# peak RSS in MB of a command (with its worker processes).
peak() {
	/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.0f", $1 / 1024}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

# An equivalent minimal Hugo site: the same stories (title, body) and a
# page per story, a list per issue, an index, a sitemap and a feed.
hugo_site() {
	src=$1 dst=$2
	rm -rf "$dst"
	mkdir -p "$dst/content" "$dst/layouts/_default"
	cat >"$dst/config.toml" <<'TOML'
baseURL = "https://example.org/"
languageCode = "zh-CN"
title = "劳动午报"
disableKinds = ["taxonomy", "term"]
[markup.goldmark.renderer]
unsafe = false
TOML
	cat >"$dst/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>
HTML
	cat >"$dst/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ with .Params.subtitle }}<p>{{ . }}</p>{{ end }}{{ .Content }}</article>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">上一篇</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">下一篇</a>{{ end }}{{ end }}
HTML
	cat >"$dst/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
HTML
	for d in "$src"/*/; do
		issue=$(basename "$d")
		mkdir -p "$dst/content/$issue"
		printf -- '---\ntitle: %s\n---\n' "$issue" >"$dst/content/$issue/_index.md"
		cp "$d"*.md "$dst/content/$issue/"
		mkdir -p "$dst/static/$issue"
		cp -r "$d/img" "$dst/static/$issue/"
	done
}

ms() { echo $(($(date +%s%N) / 1000000)); }

serve_latency() {
	command -v curl >/dev/null || { echo "serve latency: curl is not installed"; return; }
	d=$B/serve
	rm -rf "$d"
	mkdir -p "$d"
	cp -R articles templates "$d/"
	"$PRESS" serve -a "$d/articles" -t "$d/templates" -o "$d/out" -p 0 \
	    >"$d/log" 2>&1 &
	spid=$!
	port=
	for _ in $(seq 200); do
		port=$(sed -n 's|^press: serving http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$d/log")
		[ -n "$port" ] && break
		sleep 0.1
	done
	if [ -z "$port" ]; then
		echo "serve latency: press serve did not start"
		kill "$spid" 2>/dev/null || true
		return
	fi
	u=http://127.0.0.1:$port
	curl -sN "$u/_press/events" >"$d/events" 2>/dev/null &
	epid=$!
	sleep 0.5
	story=$d/articles/2024-06-11/huairou.md
	: >"$d/times"
	for i in $(seq "${BENCH_SAVES:-20}"); do
		n0=$(grep -c '^event: reload' "$d/events" || true)
		t0=$(ms)
		printf '\n%s\n' "BENCHSAVE$i" >>"$story"
		t1=
		t2=
		while [ $(($(ms) - t0)) -lt 10000 ]; do
			if [ -z "$t1" ] &&
			    [ "$(grep -c '^event: reload' "$d/events" || true)" -gt "$n0" ]; then
				t1=$(($(ms) - t0))
			fi
			if [ -n "$t1" ] &&
			    curl -s "$u/2024-06-11/huairou.html" | grep -q "BENCHSAVE$i"; then
				t2=$(($(ms) - t0))
				break
			fi
			sleep 0.005
		done
		echo "${t1:-NaN} ${t2:-NaN}" >>"$d/times"
		sleep 0.3
	done
	kill "$epid" 2>/dev/null || true
	kill -TERM "$spid" 2>/dev/null || true
	wait "$spid" 2>/dev/null || true
	stat() { # COLUMN: median and worst
		cut -d' ' -f"$1" "$d/times" | sort -n |
		    awk '{ v[NR] = $1 } END { printf "%s ms median, %s ms worst (%d saves)", v[int((NR + 1) / 2)], v[NR], NR }'
	}
	echo "press serve, save to reload event:    $(stat 1)"
	echo "press serve, save to the page served: $(stat 2)"
	echo
}

serve_latency

[ -n "$SIZES" ] || exit 0
printf '%-7s %-28s %10s %10s %8s\n' N measure press hugo press/hugo
for n in $SIZES; do
	c=$B/corpus-$n
	[ -f "$c/.done" ] || { rm -rf "$c"; "$GEN" "$n" articles/2024-06-11 "$c"; touch "$c/.done"; }
	rm -rf "$B/templates-$n"
	cp -r templates "$B/templates-$n"
	t=$B/templates-$n
	o=$B/press-$n
	story=$(ls "$c"/*/story-0.md | head -n 1)
	build="$PRESS build -a $c -t $t -o $o"

	full=$(median "rm -rf $o" $build)
	mem=$(sh -c "rm -rf $o" && peak $build)
	noop=$(median "true" $build)
	one=$(median "echo 又及。 >>$story" $build)
	tmpl=$(median "sed -i 's/story-page /story-page x/' $t/html/story.xsl" $build)
	prev=$(median "true" "$PRESS" preview -t "$t" -o "$B/preview" "$story")

	hfull=- hmem=- hnoop=- hone=- htmpl=-
	if command -v hugo >/dev/null; then
		h=$B/hugo-$n
		hugo_site "$c" "$h"
		hb="hugo --quiet -s $h -d $h/public"
		hstory=$(ls "$h"/content/*/story-0.md | head -n 1)
		hfull=$(median "rm -rf $h/public $h/resources" $hb)
		hmem=$(sh -c "rm -rf $h/public" && peak $hb)
		hnoop=$(median "true" $hb)
		hone=$(median "echo 又及。 >>$hstory" $hb)
		htmpl=$(median "sed -i 's/<article>/<article class=x>/' $h/layouts/_default/single.html" $hb)
	fi
	printf '%-7s %-28s %10s %10s %8s\n' "$n" "full build (s)" "$full" "$hfull" "$(ratio "$full" "$hfull")"
	printf '%-7s %-28s %10s %10s %8s\n' "$n" "no-op rebuild (s)" "$noop" "$hnoop" "$(ratio "$noop" "$hnoop")"
	printf '%-7s %-28s %10s %10s %8s\n' "$n" "one story changed (s)" "$one" "$hone" "$(ratio "$one" "$hone")"
	printf '%-7s %-28s %10s %10s %8s\n' "$n" "one template changed (s)" "$tmpl" "$htmpl" "$(ratio "$tmpl" "$htmpl")"
	printf '%-7s %-28s %10s %10s %8s\n' "$n" "preview of one story (s)" "$prev" "-" "-"
	printf '%-7s %-28s %10s %10s %8s\n' "$n" "peak memory (MB)" "$mem" "$hmem" "$(ratio "$mem" "$hmem")"
	printf '%-7s %-28s %10s %10s %8s\n' "$n" "no-op / full" "$(ratio "$noop" "$full")" "" ""
done
