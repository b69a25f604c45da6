#!/bin/sh
# make bench: press against Hugo on the same generated corpus, at N =
# 1,000 and 10,000 stories (BENCH_SIZES to change), in one run.
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
SIZES=${BENCH_SIZES:-1000 10000}
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
