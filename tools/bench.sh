#!/bin/sh
# make bench: the save-to-reload latency of press serve, then press
# against Hugo on the same generated corpus, then how press scales.
#
# press serve on a copy of the sample: BENCH_SAVES saves (20) of a story,
# each timed from the write to the reload event on an open event stream
# (what makes an open page reload) and to the served page holding the
# word saved (what the reloaded page shows); median and worst, in ms,
# polled every 5 ms.
#
# press against Hugo (when installed) at the first of BENCH_SIZES
# (10,000 stories by default), on the same corpus (out/bin/gencorpus) and
# an equivalent minimal Hugo site, the two interleaved run by run
# (BENCH_RUNS of each, 3 by default): a cold full build with all
# outputs; a cold build of the web outputs alone (a templates folder
# whose outputs.yaml keeps only site/ files); a rebuild after
# html/story.xsl changed; after one story changed; a no-op rebuild; the
# search index made again (its size: files, bytes, shards); peak
# memory of the cold build; and `press preview` of one story against the
# cmark-gfm command on the same file.  Medians of wall time and of CPU
# time (user + system, what counts on a shared machine), and the ratios
# of CPU times.
#
# Then the scale table: for each of BENCH_SIZES ("10000 50000" by
# default; "10000 50000 100000" for a century of a small daily), a cold
# `press build -j1` (one run: CPU per story and peak memory), then one
# story changed (CPU), and the largest file written over the whole
# archive (site/index.html, feed, sitemap, 往期 pages), in KB.
# BENCH_ONLY=scale runs the scale table alone.
#
# Everything is generated and built under BENCH_DIR (out/bench by
# default).  On ext4, a build that follows the removal of the last one's
# tens of thousands of files pays the kernel's search for inodes not
# recently freed, for press and Hugo alike, and more from run to run:
# BENCH_DIR=/dev/shm/press-bench (a tmpfs) measures the programs
# without that.
set -eu
cd "$(dirname "$0")/.."
PRESS=$PWD/out/bin/press
GEN=$PWD/out/bin/gencorpus
SIZES=${BENCH_SIZES-10000 50000}
RUNS=${BENCH_RUNS:-3}
B=${BENCH_DIR:-$PWD/out/bench}
mkdir -p "$B"

# pair PREP_P CMD_P PREP_H CMD_H: BENCH_RUNS runs of the press command
# and of the other (when CMD_H is not empty), interleaved, each after its
# PREP; "WALL CPU PEAK" of each run go to $B/p and $B/h.
pair() {
	: >"$B/p"
	: >"$B/h"
	for _ in $(seq "$RUNS"); do
		sh -c "$1"
		/usr/bin/time -o "$B/t" -f '%e %U %S %M' $2 >/dev/null 2>&1 || true
		awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$B/t" >>"$B/p"
		[ -n "$4" ] || continue
		sh -c "$3"
		/usr/bin/time -o "$B/t" -f '%e %U %S %M' $4 >/dev/null 2>&1 || true
		awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$B/t" >>"$B/h"
	done
}

# med FILE COLUMN: the median of a column of pair's results, or "-".
med() {
	[ -s "$1" ] || { echo -; return; }
	cut -d' ' -f"$2" "$1" | sort -n |
	    awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# peak FILE: the largest peak RSS of pair's runs, in MB, or "-".
peak() {
	[ -s "$1" ] || { echo -; return; }
	cut -d' ' -f3 "$1" | sort -n | tail -n 1 | awk '{ printf "%.0f", $1 / 1024 }'
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

[ "${BENCH_ONLY-}" = scale ] || serve_latency

[ -n "$SIZES" ] || exit 0

# row MEASURE: one line of the table from pair's results.
row() {
	printf '%-34s %8s %8s %8s %8s %7s\n' "$1" "$(med "$B/p" 1)" \
	    "$(med "$B/p" 2)" "$(med "$B/h" 1)" "$(med "$B/h" 2)" \
	    "$(ratio "$(med "$B/p" 2)" "$(med "$B/h" 2)")"
}

corpus() {
	c=$B/corpus-$1
	[ -f "$c/.done" ] || { rm -rf "$c"; "$GEN" "$1" articles/2024-06-11 "$c"; touch "$c/.done"; }
}

if [ "${BENCH_ONLY-}" != scale ]; then
n=${SIZES%% *}
corpus "$n"
rm -rf "$B/templates-$n" "$B/web-$n"
cp -r templates "$B/templates-$n"
t=$B/templates-$n
# The web outputs alone: outputs.yaml with only the entries that write
# under site/ (their sheets are under html/), without the print files,
# the WeChat articles and the e-mail edition.
cp -r templates "$B/web-$n"
awk '/^  - sheet: / { skip = $3 !~ /^html\// } /^[^ ]/ { skip = 0 } !skip' \
    templates/outputs.yaml >"$B/web-$n/outputs.yaml"
o=$B/press-$n
ow=$B/press-web-$n
story=$(ls "$c"/*/story-0.md | head -n 1)
build="$PRESS build -a $c -t $t -o $o"
hb= hstory=/dev/null h=$B/hugo-$n
if command -v hugo >/dev/null; then
	hugo_site "$c" "$h"
	hb="hugo --quiet -s $h -d $h/public"
	hstory=$(ls "$h"/content/*/story-0.md | head -n 1)
fi
echo "$n stories: median of $RUNS runs, wall and CPU (user + system) in seconds"
printf '%-34s %8s %8s %8s %8s %7s\n' measure "press" "CPU" "hugo" "CPU" "CPU p/h"
pair "rm -rf $o" "$build" "rm -rf $h/public $h/resources" "$hb"
row "cold build, all outputs"
pmem=$(peak "$B/p") hmem=$(peak "$B/h")
hfullcpu=$(med "$B/h" 2)
pair "rm -rf $ow" "$PRESS build -a $c -t $B/web-$n -o $ow" \
    "rm -rf $h/public $h/resources" "$hb"
row "cold build, web outputs only"
pair "sed -i 's/story-page /story-page x/' $t/html/story.xsl" "$build" \
    "sed -i 's/<article>/<article class=x>/' $h/layouts/_default/single.html" "$hb"
row "html/story.xsl changed"
echo "  (against Hugo's cold build: $(ratio "$(med "$B/p" 2)" "$hfullcpu")×)"
pair "echo 又及。 >>$story" "$build" "echo 又及。 >>$hstory" "$hb"
row "one story changed"
pair true "$build" true "$hb"
row "no-op rebuild"
# The search index of that build (tools/search.c): made again when its
# index.json is gone, with the archive's pages (which that also renders
# again); its size, and the stories' texts it was made from.
pair "rm -f $o/site/search/index.json" "$build" true ""
row "search index made again"
printf '  (search index: %s files, %s bytes, %s shards, %s docs; story texts %s bytes)\n' \
    "$(find "$o/site/search" -maxdepth 1 -name '*.json' | wc -l)" \
    "$(find "$o/site/search" -maxdepth 1 -name '*.json' -exec cat {} + | wc -c)" \
    "$(sed -n 's/.*"shards":\([0-9]*\).*/\1/p' "$o/site/search/index.json")" \
    "$(sed -n 's/.*"docs":\([0-9]*\).*/\1/p' "$o/site/search/index.json")" \
    "$(find "$o/site/search" -name '*.txt' -exec cat {} + | wc -c)"
printf '%-34s %8s %8s %8s %8s %7s\n' "peak memory, cold build (MB)" "$pmem" "" \
    "$hmem" "" "$(ratio "$pmem" "$hmem")"
# A preview takes milliseconds: 50 of them a run, in ms each.
printf 'for i in $(seq 50); do %s preview -t %s -o %s %s; done\n' \
    "$PRESS" "$t" "$B/preview" "$story" >"$B/pv.sh"
: >"$B/cm.sh"
command -v cmark-gfm >/dev/null &&
    printf 'for i in $(seq 50); do cmark-gfm -e table -e strikethrough -e autolink -e footnotes %s; done\n' \
    "$story" >"$B/cm.sh"
cm=
[ -s "$B/cm.sh" ] && cm="sh $B/cm.sh"
pair true "sh $B/pv.sh" true "$cm"
for f in p h; do
	awk '{ printf "%.1f %.1f %s\n", $1 * 20, $2 * 20, $3 }' "$B/$f" >"$B/$f.ms"
	mv "$B/$f.ms" "$B/$f"
done
row "preview, ms (hugo: cmark-gfm CLI)"

fi

echo
echo "Scale: a cold press build -j1, then one story changed"
printf '%-8s %10s %16s %10s %12s %12s\n' stories "CPU (s)" "CPU/story (ms)" \
    "peak (MB)" "1 story (s)" "archive (KB)"
RUNS=1
for n in $SIZES; do
	corpus "$n"
	o=$B/scale-$n
	rm -rf "$o"
	pair true "$PRESS build -j1 -a $c -t templates -o $o" true ""
	cold=$(med "$B/p" 2) mem=$(peak "$B/p")
	one=$(ls "$c"/*/story-0.md | tail -n 1)
	cp "$one" "$B/one.md"
	pair "echo 又及。 >>$one" "$PRESS build -j1 -a $c -t templates -o $o" true ""
	cp "$B/one.md" "$one"
	big=$(ls -l "$o/site/index.html" "$o/site/feed.xml" "$o/site/sitemap.xml" \
	    "$o/site/robots.txt" "$o"/site/sitemap/*.xml "$o"/site/archive/*.html |
	    awk '$5 > m { m = $5 } END { printf "%.0f", m / 1024 }')
	printf '%-8s %10s %16s %10s %12s %12s\n' "$n" "$cold" \
	    "$(awk -v s="$cold" -v n="$n" 'BEGIN { printf "%.2f", s * 1000 / n }')" \
	    "$mem" "$(med "$B/p" 2)" "$big"
	rm -rf "$o"
done
