#!/bin/sh
# The designer's side of templates/: one place for each fact, knobs that
# restyle the whole site.
#
#   words        the role labels (记者 …) are written in templates/words.xml
#                only: every output stylesheet reads them from there
#   shared       the strip-space list and the story lookup are written in
#                templates/press.xsl only
#   accent       the accent colour is written once in templates/ (look.xml)
#                and press.css uses it by name only
#   restyle      changing that one value restyles the site: every page
#                carries the new colour as --accent and as its theme
#                colour, and the old one is nowhere in the site
#   label        a label changed in words.xml changes the web edition,
#                NITF and ICML alike
#   once         a mistake in a shared stylesheet is one message, at its
#                own line, however many sheets import it
#   archive      what `over: archive` and `over: month` sheets run over
#                (<archive>, copied out by a sheet) is valid against
#                press.rng (jing), and press.rng rejects an archive story
#                with a body but no 字数
#
# Run by tests/run with OUT, TMP and PRESS set; prints "ok"/"FAIL" lines.

t=$TMP/templates
rm -rf "$t"
mkdir -p "$t"

ok() { echo "ok   $1"; }
notok() { echo "FAIL $1"; }

# words
n=$(grep -rl '>记者<\|>通讯员<\|>实习生<' templates | sort | tr '\n' ' ')
if [ "$n" = "templates/words.xml " ]; then
	ok "words: role labels are written in templates/words.xml only"
else
	notok "words: role labels are written in templates/words.xml only: $n"
fi

# shared
n=$(grep -rl '<xsl:strip-space\|select="(/issue/page/story' templates --include='*.xsl' |
    sort | tr '\n' ' ')
if [ "$n" = "templates/press.xsl " ]; then
	ok "shared: strip-space and the story lookup are in templates/press.xsl only"
else
	notok "shared: strip-space and the story lookup are in templates/press.xsl only: $n"
fi

# accent
accent=$(sed -n 's|.*<property name="--accent">\(.*\)</property>.*|\1|p' \
    templates/html/look.xml 2>/dev/null)
n=$(grep -rio -- "$accent" templates 2>/dev/null | wc -l)
reds=$(grep -c -- '--red' templates/html/press.css)
if [ -n "$accent" ] && [ "$n" -eq 1 ] && [ "$reds" -eq 0 ] &&
    grep -q 'var(--accent)' templates/html/press.css &&
    ! grep -q '#a8161b' templates/html/*.xsl; then
	ok "accent: one literal ($accent, in look.xml), used by name"
else
	notok "accent: one literal, used by name ('$accent' $n times, --red $reds times)"
fi

# restyle: the accent changed in one place
cp -r articles "$t/a"
cp -r templates "$t/t"
sed -i "s|<property name=\"--accent\">[^<]*<|<property name=\"--accent\">#1b5fa8<|" \
    "$t/t/html/look.xml"
"$PRESS" build -a "$t/a" -t "$t/t" -o "$t/o" 2>/dev/null
pages=$(find "$t/o/site" -name '*.html' | wc -l)
blue=$(grep -l 'name="theme-color" content="#1b5fa8"' -r "$t/o/site" --include='*.html' |
    xargs grep -l -- '--accent:#1b5fa8' | wc -l)
if [ -n "$accent" ] && [ "$pages" -gt 0 ] && [ "$blue" -eq "$pages" ] &&
    ! grep -rqi -- "$accent" "$t/o/site" &&
    cmp -s templates/html/press.css "$t/o/site/press.css"; then
	ok "restyle: one value in look.xml turns all $pages pages blue"
else
	notok "restyle: one value in look.xml turns every page blue ($blue of $pages)"
fi

# label: 记者 → 本报记者 in words.xml alone
sed -i 's|<role name="reporter">记者</role>|<role name="reporter">本报记者</role>|' \
    "$t/t/words.xml"
"$PRESS" build -a "$t/a" -t "$t/t" -o "$t/o" 2>/dev/null
p=$t/o/print/2024-06-11
if grep -q '（本报记者 崔欣' "$t/o/site/2024-06-11/huairou.html" &&
    grep -q '<byttl>本报记者</byttl>' "$p/huairou.nitf.xml" &&
    grep -q '（本报记者 崔欣' "$p/huairou.icml"; then
	ok "label: a label changed in words.xml changes the web, NITF and ICML"
else
	notok "label: a label changed in words.xml changes the web, NITF and ICML"
fi

# once: a mistake in a stylesheet other sheets import is one message, at
# its own file and line, not one per importing sheet, and not followed by
# an "unable to load" from each of them.
cp -r templates "$t/once"
sed -i '0,/<xsl:template /s//<xsl:templat /' "$t/once/html/common.xsl"
"$PRESS" build -a "$t/a" -t "$t/once" -o "$t/o-once" 2>"$t/once.err"
n=$(grep -c 'error:' "$t/once.err")
at=$(grep -c '/once/html/common.xsl:[0-9]*:[0-9]*: error:' "$t/once.err")
if [ "$n" -eq 1 ] && [ "$at" -eq 1 ]; then
	ok "once: a mistake in common.xsl is one error, at its line in common.xsl"
else
	notok "once: a mistake in common.xsl is one error, at its line ($n errors, $at there)"
	sed 's/^/    /' "$t/once.err" | grep error: | head -8
fi

# archive: the documents of over: archive and over: month, written out by
# a sheet that copies its input, are valid against press.rng.
if ! command -v jing >/dev/null; then
	echo "skip archive: no jing (apt-get install jing)"
else
	cp -r templates "$t/arch"
	cat >"$t/arch/copy.xsl" <<'XSL'
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:param name="month"/>
  <xsl:template match="/"><xsl:copy-of select="."/></xsl:template>
</xsl:stylesheet>
XSL
	sed -i 's|^outputs:$|outputs:\
  - sheet: copy.xsl\
    over: archive\
    path: dump/archive.xml\
  - sheet: copy.xsl\
    over: month\
    path: dump/{month}.xml|' "$t/arch/outputs.yaml"
	"$PRESS" build -a "$t/a" -t "$t/arch" -o "$t/o-arch" 2>"$t/arch.err"
	d=$t/o-arch/dump
	# A story of the archive given a body but no 字数 must be refused.
	sed 's|</head>|</head><body><p>正文</p></body>|' "$d/2024-06.xml" >"$t/bad.xml" 2>/dev/null
	# press.rng's start is the print XML; this grammar starts at its archive.
	cat >"$t/archive.rng" <<RNG
<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <include href="$PWD/templates/press.rng"><start><ref name="archive"/></start></include>
</grammar>
RNG
	if [ -s "$d/archive.xml" ] && [ -s "$d/2024-06.xml" ] &&
	    jing "$t/archive.rng" "$d/archive.xml" "$d/2024-06.xml" >"$t/arch.jing" 2>&1 &&
	    ! jing "$t/archive.rng" "$t/bad.xml" >/dev/null 2>&1; then
		ok "archive: <archive> of over: archive and over: month is valid against press.rng"
	else
		notok "archive: <archive> of over: archive and over: month is valid against press.rng"
		sed 's/^/    /' "$t/arch.err" "$t/arch.jing" 2>/dev/null | head -8
	fi
fi
