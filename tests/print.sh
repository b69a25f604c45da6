#!/bin/sh
# The print files for the layout desk, in the built sample: the issue and
# page XML, NITF 3.6 and ICML of every story (templates/print/*.xsl over
# the issue XML, as templates/outputs.yaml lists them).
#
#   press XML     every issue.xml and page-*.xml valid against
#                 templates/press.rng for jing (independently of press),
#                 every press XML file valid against templates/press.dtd,
#                 and press.dtd is what trang makes of press.rng
#   pages         page-N.xml is the issue with page N only, its text the
#                 issue's text for that page, character for character
#   NITF          every *.nitf.xml valid against IPTC's XSD in
#                 ../shared/schemas/nitf-3.6 (well-formed only, and a
#                 "skip" line, where that is absent)
#   ICML          every *.icml well-formed; every style of
#                 templates/print/styles.xml declared once; every style
#                 used declared; the lead story uses the headline,
#                 subtitle, body and dateline styles, the photo stories
#                 the caption and credit styles (looked up by role, so
#                 renaming a style in styles.xml needs no change here)
#   composition   every attribute and Properties child of every style of
#                 styles.xml on its ICML declaration; the base style
#                 carries the CJK composer, Simplified Chinese kinsoku
#                 and mojikumi; a value changed in styles.xml reaches the
#                 ICML; every font family and face named exists (fc-list)
#   expected      tests/print/expected/ holds reviewed NITF and ICML of two
#                 stories and a page file, compared with diff -u
#   story cases   the story cases' print XML (tests/*/*.xml) and a few
#                 written here, put in one issue: their NITF is valid and
#                 their ICML declares what it uses
#
# Environment (set by tests/run): OUT, a folder where the sample issue was
# built; TMP, a scratch folder; PRESS, the program (unused: the files are
# press's).  Run from the repository root.  Prints "ok   NAME",
# "FAIL NAME" with details indented by four spaces, or "skip NAME: why".
# REGEN=1 rewrites tests/print/expected/ from $OUT instead of comparing:
# review the diff before committing it.

OUT=${OUT:-out}
TMP=${TMP:-$(mktemp -d)}
tmp=$TMP/print
rm -rf "$tmp"
mkdir -p "$tmp"

xsd=../shared/schemas/nitf-3.6/nitf-3-6.xsd
styles=templates/print/styles.xml
sample=$OUT/print/2024-06-11
expected=tests/print/expected

ok() { echo "ok   print: $1"; }
notok() { echo "FAIL print: $1"; }
skip() { echo "skip $1"; }
indent() { sed 's/^/    /' "$@"; }

# check NAME COMMAND...: ok when COMMAND succeeds; its output under a FAIL.
check() {
	name=$1
	shift
	if "$@" >"$tmp/out" 2>&1; then
		ok "$name"
	else
		notok "$name"
		indent "$tmp/out" | head -40
	fi
}

# xpath FILE EXPR: the value of an XPath expression (a string or number).
xpath() {
	xmllint --xpath "$2" "$1" 2>/dev/null
}

# The press XML of a folder: issue, pages and stories, not the NITF.
press_xml() {
	for f in "$1"/*.xml; do
		case $f in *.nitf.xml) ;; *) [ -f "$f" ] && echo "$f" ;; esac
	done
}

# style KIND ROLE: the name styles.xml gives the style of ROLE (KIND
# paragraph or character).
style() {
	xpath "$styles" "string(/styles/$1[@role = '$2'][1]/@name)"
}

# ---- press XML: RELAX NG, DTD --------------------------------------------
if [ ! -d "$sample" ]; then
	notok "sample print folder $sample exists"
fi
have_jing=
command -v jing >/dev/null 2>&1 && have_jing=1
[ -n "$have_jing" ] || skip "jing: not installed"
for dir in "$OUT"/print/*/; do
	dir=${dir%/}
	[ -f "$dir/issue.xml" ] || continue
	issue=${dir##*/}
	if [ -n "$have_jing" ]; then
		for f in "$dir"/issue.xml "$dir"/page-*.xml; do
			[ -f "$f" ] || continue
			check "$issue/${f##*/} valid (jing, press.rng)" \
			    jing templates/press.rng "$f"
		done
	fi
	# shellcheck disable=SC2046 # file names are ours, without spaces
	check "$issue: press XML valid (xmllint --dtdvalid press.dtd)" \
	    xmllint --noout --dtdvalid templates/press.dtd $(press_xml "$dir")

	# Every page has its file, every story its NITF and ICML.
	: >"$tmp/missing"
	for no in $(xpath "$dir/issue.xml" '/issue/page/@no' |
	    sed 's/[^0-9]*"\([0-9]*\)"/\1 /g'); do
		[ -f "$dir/page-$no.xml" ] || echo "page-$no.xml" >>"$tmp/missing"
	done
	for slug in $(xpath "$dir/issue.xml" '//story/@slug' |
	    sed 's/ *slug="\([^"]*\)"/\1 /g'); do
		for ext in nitf.xml icml; do
			[ -f "$dir/$slug.$ext" ] || echo "$slug.$ext" >>"$tmp/missing"
		done
	done
	if [ -s "$tmp/missing" ]; then
		notok "$issue: a page file per page, NITF and ICML per story"
		indent "$tmp/missing"
	else
		ok "$issue: a page file per page, NITF and ICML per story"
	fi
done

# press.dtd is trang's output for press.rng, with the changes its header
# comment explains and that comment after the first line.
if command -v trang >/dev/null 2>&1; then
	sed -e 's#<mixed><oneOrMore>\(.*\)</oneOrMore></mixed>#<mixed><zeroOrMore>\1</zeroOrMore></mixed>#' \
	    -e '/<define name="archive">/,/^  <\/define>/d' \
	    templates/press.rng >"$tmp/press-dtd.rng"
	if trang "$tmp/press-dtd.rng" "$tmp/trang.dtd" 2>"$tmp/trang.err"; then
		sed '2,/-->/d' templates/press.dtd >"$tmp/press.dtd"
		if diff -u "$tmp/press.dtd" "$tmp/trang.dtd" >"$tmp/diff"; then
			ok "press.dtd is trang's press.rng"
		else
			notok "press.dtd is trang's press.rng (regenerate it as its header says)"
			indent "$tmp/diff" | head -40
		fi
	else
		notok "press.dtd is trang's press.rng: trang failed"
		grep -v warning "$tmp/trang.err" | indent | head -20
	fi
else
	skip "press.dtd is trang's press.rng: trang not installed"
fi

# ---- pages ---------------------------------------------------------------
# sentences FILE: FILE's text a sentence a line (for reading a diff;
# fold would cut characters in half).
sentences() {
	sed 's/[。！？]/&\
/g' "$1"
}

for f in "$OUT"/print/*/page-*.xml; do
	[ -f "$f" ] || continue
	dir=${f%/*}
	name=${dir##*/}/${f##*/}
	no=${f##*/page-}
	no=${no%.xml}
	pages=$(xpath "$f" 'count(/issue/page)')
	this=$(xpath "$f" "count(/issue/page[@no = '$no'])")
	xpath "$f" "string(/issue/page)" >"$tmp/page.txt"
	xpath "$dir/issue.xml" "string(/issue/page[@no = '$no'])" >"$tmp/issue.txt"
	if [ "$pages" = 1 ] && [ "$this" = 1 ] && [ -s "$tmp/page.txt" ] &&
	    cmp -s "$tmp/page.txt" "$tmp/issue.txt"; then
		ok "$name is page $no only, its text the issue's"
	else
		notok "$name is page $no only, its text the issue's ($pages pages, $this numbered $no)"
		sentences "$tmp/issue.txt" >"$tmp/a"
		sentences "$tmp/page.txt" >"$tmp/b"
		diff "$tmp/a" "$tmp/b" | head -20 | indent
	fi
done

# ---- NITF ----------------------------------------------------------------
# nitf_check NAME FILE...: valid against the XSD, or well-formed without it.
nitf_check() {
	name=$1
	shift
	if [ -f "$xsd" ]; then
		check "$name valid NITF 3.6 (xmllint --schema)" \
		    xmllint --noout --schema "$xsd" "$@"
	else
		check "$name well-formed (no XSD)" xmllint --noout "$@"
	fi
}

[ -f "$xsd" ] || skip "NITF schema: $xsd not present"
for f in "$OUT"/print/*/*.nitf.xml; do
	[ -f "$f" ] || continue
	dir=${f%/*}
	nitf_check "${dir##*/}/${f##*/}" "$f"
done

# ---- ICML ----------------------------------------------------------------
# icml_problems FILE: what is wrong with the style table of FILE, one
# line each; nothing when all is well.
icml_problems() {
	n=$(xpath "$styles" 'count(/styles/*)')
	i=1
	while [ "$i" -le "$n" ]; do
		kind=$(xpath "$styles" "local-name(/styles/*[$i])")
		sname=$(xpath "$styles" "string(/styles/*[$i]/@name)")
		role=$(xpath "$styles" "string(/styles/*[$i]/@role)")
		case $kind in
		paragraph) group=RootParagraphStyleGroup elem=ParagraphStyle ;;
		table) group=RootTableStyleGroup elem=TableStyle ;;
		cell) group=RootCellStyleGroup elem=CellStyle ;;
		*) group=RootCharacterStyleGroup elem=CharacterStyle ;;
		esac
		got=$(xpath "$1" "count(/Document/$group/${elem}[@Name = '$sname'])")
		self=$(xpath "$1" "count(/Document/$group/${elem}[@Name = '$sname'][@Self = '$elem/$sname'])")
		if [ "$got" != 1 ] || [ "$self" != 1 ]; then
			echo "$kind style $sname ($role): declared $got times, $self as $elem/$sname"
		fi
		i=$((i + 1))
	done
	for kind in Paragraph Character; do
		used=$(xpath "$1" "count(/Document/Story//${kind}StyleRange[not(@Applied${kind}Style = /Document/Root${kind}StyleGroup/${kind}Style/@Self)])")
		[ "$used" = 0 ] || echo "$used ${kind}StyleRange with an undeclared style"
		dup=$(xpath "$1" "count(/Document/Root${kind}StyleGroup/${kind}Style[@Self = preceding-sibling::${kind}Style/@Self])")
		[ "$dup" = 0 ] || echo "$dup ${kind}Style declared twice"
	done
	used=$(xpath "$1" "count(/Document/Story//Table[not(@AppliedTableStyle = /Document/RootTableStyleGroup/TableStyle/@Self)])")
	[ "$used" = 0 ] || echo "$used Table with an undeclared style"
	used=$(xpath "$1" "count(/Document/Story//Cell[not(@AppliedCellStyle = /Document/RootCellStyleGroup/CellStyle/@Self)])")
	[ "$used" = 0 ] || echo "$used Cell with an undeclared style"
	# A table as InDesign writes one: its counts agree with its rows,
	# columns and cells, each cell named column:row inside the table.
	bad=$(xpath "$1" "count(/Document/Story//Table[count(Row) != @HeaderRowCount + @BodyRowCount + @FooterRowCount or count(Column) != @ColumnCount or count(Cell) != count(Row) * count(Column) or Cell[substring-before(@Name, ':') >= ../@ColumnCount or substring-after(@Name, ':') >= count(../Row) or not(@RowSpan = 1 and @ColumnSpan = 1)]])")
	[ "$bad" = 0 ] || echo "$bad Table whose rows, columns and cells disagree"
	[ "$(xpath "$1" 'count(/Document/Story)')" = 1 ] || echo "not one Story"
	grep -q '^<?aid SnippetType="InCopyInterchange"?>$' "$1" ||
	    echo 'no <?aid SnippetType="InCopyInterchange"?>'
}

# icml_check NAME FILE: well-formed, styles declared.
icml_check() {
	if ! xmllint --noout "$2" >"$tmp/out" 2>&1; then
		notok "$1 well-formed"
		indent "$tmp/out" | head -20
		return
	fi
	icml_problems "$2" >"$tmp/problems"
	if [ -s "$tmp/problems" ]; then
		notok "$1 well-formed, every style declared"
		indent "$tmp/problems"
	else
		ok "$1 well-formed, every style declared"
	fi
}

# icml_uses NAME FILE KIND:ROLE...: FILE's story uses the style of each
# ROLE (KIND p or c).
icml_uses() {
	name=$1 file=$2
	shift 2
	: >"$tmp/unused"
	for kr in "$@"; do
		case $kr in
		p:*) kind=paragraph elem=ParagraphStyle ;;
		*) kind=character elem=CharacterStyle ;;
		esac
		sname=$(style "$kind" "${kr#*:}")
		used=$(xpath "$file" "count(/Document/Story//${elem}Range[@Applied$elem = '$elem/$sname'])")
		if [ -z "$sname" ] || [ "$used" = 0 ]; then
			echo "$kind style ${sname:-?} (${kr#*:}) not used" >>"$tmp/unused"
		fi
	done
	if [ -s "$tmp/unused" ]; then
		notok "$name"
		indent "$tmp/unused"
	else
		ok "$name"
	fi
}

for f in "$OUT"/print/*/*.icml; do
	[ -f "$f" ] || continue
	dir=${f%/*}
	icml_check "${dir##*/}/${f##*/}" "$f"
done

if [ -f "$sample/issue.xml" ]; then
	lead=$(xpath "$sample/issue.xml" 'string(//story[@slot = "lead"]/@slug)')
	icml_uses "lead story $lead.icml uses $(style paragraph headline) $(style paragraph subtitle) $(style paragraph body) $(style character dateline)" \
	    "$sample/$lead.icml" p:headline p:subtitle p:body c:dateline
	for slug in $(xpath "$sample/issue.xml" '//story[@slot = "photo"]/@slug' |
	    sed 's/ *slug="\([^"]*\)"/\1 /g'); do
		icml_uses "photo story $slug.icml uses $(style paragraph caption) $(style paragraph credit)" \
		    "$sample/$slug.icml" p:caption p:credit
		# Each photo placed: a Rectangle holding an Image linked to
		# the photo's file, as the story XML names it.
		want=$(xpath "$sample/issue.xml" "string(//story[@slug = '$slug']//figure[1]/@href)")
		got=$(xpath "$sample/$slug.icml" 'string(/Document/Story//ParagraphStyleRange/CharacterStyleRange/Rectangle/Image/Link/@LinkResourceURI)')
		if [ -n "$want" ] && [ "$got" = "$want" ]; then
			ok "photo story $slug.icml places $want"
		else
			notok "photo story $slug.icml places its photo: '$got', want '$want'"
		fi
	done
fi

# ---- composition: styles.xml's values in the ICML ---------------------------
# style_props STYLES ICML: for every style of STYLES, each attribute but
# role and name, and each child of its Properties, on its declaration in
# ICML with the same value; a line for each one missing or different.
style_props() {
	n=$(xpath "$1" 'count(/styles/*)')
	i=1
	while [ "$i" -le "$n" ]; do
		kind=$(xpath "$1" "local-name(/styles/*[$i])")
		sname=$(xpath "$1" "string(/styles/*[$i]/@name)")
		case $kind in
		paragraph) elem=ParagraphStyle ;;
		table) elem=TableStyle ;;
		cell) elem=CellStyle ;;
		*) elem=CharacterStyle ;;
		esac
		# Only the first style of a name is declared.
		if [ "$(xpath "$1" "count(/styles/*[$i]/preceding-sibling::$kind[@name = '$sname'])")" = 0 ]; then
			decl="/Document//${elem}[@Self = '$elem/$sname']"
			for a in $(xpath "$1" "/styles/*[$i]/@*" |
			    sed 's/ *\([A-Za-z-]*\)="[^"]*"/\1 /g'); do
				case $a in role | name) continue ;; esac
				want=$(xpath "$1" "string(/styles/*[$i]/@$a)")
				got=$(xpath "$2" "string($decl/@$a)")
				[ "$got" = "$want" ] ||
				    echo "$elem/$sname $a: '$got', want '$want'"
			done
			m=$(xpath "$1" "count(/styles/*[$i]/Properties/*)")
			j=1
			while [ "$j" -le "$m" ]; do
				p=$(xpath "$1" "local-name(/styles/*[$i]/Properties/*[$j])")
				want=$(xpath "$1" "string(/styles/*[$i]/Properties/*[$j])")
				type=$(xpath "$1" "string(/styles/*[$i]/Properties/*[$j]/@type)")
				got=$(xpath "$2" "count($decl/Properties/${p}[. = '$want'][@type = '$type'])")
				[ "$got" = 1 ] ||
				    echo "$elem/$sname Properties/$p: not '$want' ($type)"
				j=$((j + 1))
			done
		fi
		i=$((i + 1))
	done
}

if [ -f "$sample/issue.xml" ]; then
	lead=$(xpath "$sample/issue.xml" 'string(//story[@slot = "lead"]/@slug)')
	style_props "$styles" "$sample/$lead.icml" >"$tmp/props"
	# The composition a Chinese desk expects, on the base style that
	# every other paragraph style is based on.
	body=$(style paragraph body)
	base=$(xpath "$styles" 'string(/styles/paragraph[@role = "base"]/@name)')
	f=$sample/$lead.icml
	[ "$(xpath "$f" "string(//ParagraphStyle[@Name = '$body']/Properties/BasedOn)")" = "ParagraphStyle/$base" ] ||
	    echo "$body is not based on the base style '$base'" >>"$tmp/props"
	[ "$(xpath "$f" "string(//ParagraphStyle[@Name = '$base']/@Composer)")" = "HL Composer J" ] ||
	    echo "$base: no CJK composer" >>"$tmp/props"
	[ "$(xpath "$f" "string(//ParagraphStyle[@Name = '$base']/Properties/KinsokuSet)")" = SimplifiedChineseKinsoku ] ||
	    echo "$base: no Simplified Chinese kinsoku" >>"$tmp/props"
	[ "$(xpath "$f" "string(//ParagraphStyle[@Name = '$base']/Properties/Mojikumi)")" = SimpChineseDefault ] ||
	    echo "$base: no Simplified Chinese mojikumi" >>"$tmp/props"
	[ "$(xpath "$f" "count(//CharacterStyle[@FontStyle = 'Italic'])")" = 0 ] ||
	    echo "a synthetic italic" >>"$tmp/props"
	if [ -s "$tmp/props" ]; then
		notok "$lead.icml: every style carries its attributes and Properties from styles.xml"
		indent "$tmp/props" | head -20
	else
		ok "$lead.icml: every style carries its attributes and Properties from styles.xml"
	fi

	# A value changed in styles.xml reaches the ICML.
	rm -rf "$tmp/templates"
	cp -R templates "$tmp/templates"
	sed "/role=\"body\"/s/FirstLineIndent=\"[0-9.]*\"/FirstLineIndent=\"33\"/; s#<Mojikumi type=\"enumeration\">[^<]*#<Mojikumi type=\"enumeration\">Nothing#" \
	    "$styles" >"$tmp/templates/print/styles.xml"
	xsltproc --stringparam slug "$lead" "$tmp/templates/print/icml.xsl" \
	    "$sample/issue.xml" >"$tmp/changed.icml" 2>"$tmp/changed.err"
	got="$(xpath "$tmp/changed.icml" "string(//ParagraphStyle[@Name = '$body']/@FirstLineIndent)") $(xpath "$tmp/changed.icml" "string(//ParagraphStyle[@Name = '$base']/Properties/Mojikumi)")"
	if [ "$got" = "33 Nothing" ] &&
	    [ -z "$(style_props "$tmp/templates/print/styles.xml" "$tmp/changed.icml")" ]; then
		ok "a value changed in styles.xml reaches the ICML"
	else
		notok "a value changed in styles.xml reaches the ICML: '$got'"
		indent "$tmp/changed.err" | head -5
	fi

	# Every font named is a family with that face (fc-list), so that
	# bold and emphasis are faces the fonts have, never synthetic.
	if command -v fc-list >/dev/null 2>&1 &&
	    fc-list : family | grep -q 'Noto Serif CJK SC'; then
		: >"$tmp/fonts"
		n=$(xpath "$styles" 'count(/styles/*[Properties/AppliedFont])')
		i=1
		while [ "$i" -le "$n" ]; do
			family=$(xpath "$styles" "string(/styles/*[Properties/AppliedFont][$i]/Properties/AppliedFont)")
			face=$(xpath "$styles" "string(/styles/*[Properties/AppliedFont][$i]/@FontStyle)")
			[ -n "$face" ] || face=Regular
			fc-list "$family:style=$face" family style | grep -q . ||
			    echo "$family $face: no such face" >>"$tmp/fonts"
			i=$((i + 1))
		done
		if [ -s "$tmp/fonts" ]; then
			notok "styles.xml names faces the fonts have"
			indent "$tmp/fonts"
		else
			ok "styles.xml names faces the fonts have"
		fi
	else
		skip "styles.xml's fonts: fc-list or fonts-noto-cjk not installed"
	fi
fi

# ---- expected files ------------------------------------------------------
# The NITF is written a line an element; the page XML and the ICML, each
# one long line, are kept in tests/pretty's lossless form, a tag a line,
# so a diff reads.
for f in wenxin-banzao.nitf.xml wenxin-banzao.icml lianjia.nitf.xml \
    lianjia.icml page-3.xml; do
	got=$sample/$f
	if [ -f "$got" ] && [ "${f%.nitf.xml}" = "$f" ]; then
		tests/pretty "$sample/$f" >"$tmp/pretty"
		got=$tmp/pretty
	fi
	if [ -n "$REGEN" ]; then
		mkdir -p "$expected"
		cp "$got" "$expected/$f"
		continue
	fi
	if [ ! -f "$got" ]; then
		notok "$f as expected: not written"
	elif diff -u "$expected/$f" "$got" >"$tmp/diff" 2>&1; then
		ok "$f as expected"
	else
		notok "$f as expected"
		sed 1,2d "$tmp/diff" | indent | head -40
	fi
done

# tags FILE: FILE with a line break after every tag, for reading a diff.
tags() {
	sed 's/>/&\
/g' "$1" 2>&1
}

# ---- story cases ---------------------------------------------------------
# The story cases' print XML and the stories below in one issue, through
# the stylesheets with xsltproc: more of press.rng than the sample uses
# (kicker, byline without dateline, lists, quotes, code, links, breaks).
cases=$tmp/cases
mkdir -p "$cases"
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	printf '<issue schema-version="1" xml:lang="zh-CN" id="cases" paper="测试报" date="2024-06-11" weekday="星期二"><page no="1" name="测试">'
	for f in tests/*/*.xml; do
		tests/pretty -u "$f" >"$tmp/story.xml"
		sed -n 2p "$tmp/story.xml" | grep -q '^<story ' || continue
		sed 1d "$tmp/story.xml"
	done
	cat <<'EOF'
<story id="print-a" slug="print-a" source="a.md" chars="1"><head><kicker>引题 一</kicker><headline>主题</headline><subtitle>副题一</subtitle><subtitle>副题二</subtitle><byline><contributor role="author">甲</contributor><contributor role="author">乙</contributor><contributor role="intern">丙</contributor></byline></head><body><p><strong>粗<em>粗斜</em><br/>粗</strong> <code>x--y</code> <a href="https://example.org/?a=1&amp;b=2">链接</a></p><subhead level="3">小标题</subhead><quote><p>引文</p><list type="ordered" start="1"><item><p>一</p><p>一续</p></item><item/></list><figure href="img/a--b.JPEG"><credit>作者 <contributor role="photographer">丁</contributor></credit></figure><quote/></quote><list type="bullet"><item><list type="bullet"><item><p>嵌套</p></item></list></item></list><pre>
 两行
  保留
</pre><hr/></body></story>
<story id="print-b" slug="print-b" source="b.md" chars="1"><head><headline>只有电头</headline><dateline>本报讯</dateline><byline><contributor role="reporter">甲</contributor></byline></head><body><figure href="img/b.png"/><p>正文</p></body></story>
<story id="print-c" slug="print-c" source="c.md" chars="0"><head><headline>空</headline><dateline>本报讯</dateline></head><body/></story>
EOF
	echo '</page></issue>'
} >"$cases/issue.xml"
if [ -n "$have_jing" ]; then
	check "story cases: the issue of them valid (jing)" \
	    jing templates/press.rng "$cases/issue.xml"
fi
: >"$cases/errors"
for slug in $(xpath "$cases/issue.xml" '//story/@slug' |
    sed 's/ *slug="\([^"]*\)"/\1 /g'); do
	xsltproc --stringparam slug "$slug" templates/print/nitf.xsl \
	    "$cases/issue.xml" >"$cases/$slug.nitf.xml" 2>>"$cases/errors" ||
	    echo "nitf.xsl failed for $slug" >>"$cases/errors"
	xsltproc --stringparam slug "$slug" templates/print/icml.xsl \
	    "$cases/issue.xml" >"$cases/$slug.icml" 2>>"$cases/errors" ||
	    echo "icml.xsl failed for $slug" >>"$cases/errors"
done
if [ -s "$cases/errors" ]; then
	notok "story cases: the stylesheets run"
	indent "$cases/errors"
else
	ok "story cases: the stylesheets run"
fi
# shellcheck disable=SC2046 # file names are ours, without spaces
nitf_check "story cases: NITF" $(ls "$cases"/*.nitf.xml)
: >"$tmp/problems-all"
for f in "$cases"/*.icml; do
	if ! xmllint --noout "$f" >>"$tmp/problems-all" 2>&1; then
		continue
	fi
	icml_problems "$f" | sed "s|^|${f##*/}: |" >>"$tmp/problems-all"
done
if [ -s "$tmp/problems-all" ]; then
	notok "story cases: ICML well-formed, every style declared"
	indent "$tmp/problems-all" | head -40
else
	ok "story cases: ICML well-formed, every style declared"
fi
# The byline without a dateline is a line of its own; a dateline with no
# paragraph to run into stands alone.
bylines() {
	grep -F '<Content>作者 甲 乙 实习生 丙</Content>' "$cases/print-a.icml" &&
	    grep -F '<Content>本报讯（记者 甲）</Content>' "$cases/print-b.icml" &&
	    grep -F '<Content>本报讯</Content>' "$cases/print-c.icml" &&
	    grep -F '<byline><byttl>作者</byttl> <person><function value="author"/>甲</person> <person><function value="author"/>乙</person> <byttl>实习生</byttl> <person><function value="intern"/>丙</person></byline>' \
	        "$cases/print-a.nitf.xml"
}
check "story cases: a byline alone, a dateline alone" bylines
# Runs in order, one per character style: strong, em inside it, a break
# and the rest of the strong, then plain text across code and a link.
ls=$(printf '\342\200\250')
runs() {
	xmllint --xpath '/Document/Story/ParagraphStyleRange[6]' \
	    "$cases/print-a.icml" | sed 's/></>\n</g' |
	    sed -n 's/.*AppliedCharacterStyle="\([^"]*\)".*/\1/p; s/.*<Content>\(.*\)<\/Content>/\1/p' |
	    tr '\n' '|'
	echo
}
b=CharacterStyle/$(style character strong)
i=CharacterStyle/$(style character em)
if [ "$(runs)" = "$b|粗|$i|粗斜|$b|${ls}粗|\$ID/NormalCharacterStyle| x--y 链接|" ]; then
	ok "story cases: ICML runs in order"
else
	notok "story cases: ICML runs in order"
	runs | indent
fi

# A story case may have its NITF and ICML reviewed too: <case>.nitf and
# <case>.icml beside <case>.xml are compared with what the stylesheets
# make of that XML in the issue above.
for exp in tests/*/*.nitf tests/*/*.icml; do
	[ -f "$exp" ] || continue
	base=${exp%.*}
	slug=$(sed -n 's/.*<story id="\([^"]*\)".*/\1/p' "$base.xml" | head -n 1)
	case $exp in
	*.nitf) got=$cases/$slug.nitf.xml ;;
	*)
		# One long line, kept in tests/pretty's form as above.
		got=$tmp/$slug.icml
		tests/pretty "$cases/$slug.icml" >"$got"
		;;
	esac
	if [ -n "$REGEN" ]; then
		cp "$got" "$exp"
	elif diff -u "$exp" "$got" >"$tmp/diff" 2>&1; then
		ok "$exp as expected"
	else
		notok "$exp as expected"
		tags "$exp" >"$tmp/a"
		tags "$got" >"$tmp/b"
		diff -u "$tmp/a" "$tmp/b" | sed 1,2d | indent | head -40
	fi
done
