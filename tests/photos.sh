#!/bin/sh
# Photos are untrusted.  Only JPEG, PNG, GIF, WebP and SVG are taken,
# judged by their first bytes and named as their type; an SVG is copied
# without script, event attributes, external references or foreign
# objects, and one with a DTD is refused; a photo over paper.yaml's
# photo-limit (20 MB by default) is an error naming the file, never an
# out-of-memory exit; a file name with a space, # or ? gets an escaped
# src.
# Run by tests/run with PRESS and TMP set; prints "ok"/"FAIL" lines.

t=$TMP/photos
rm -rf "$t"
mkdir -p "$t/a/2024-01-08/img"
cp articles/paper.yaml "$t/a/"
d=$t/a/2024-01-08

ok() { echo "ok   $1"; }
notok() { echo "FAIL $1"; }

story() { # NAME BODY
	printf -- '---\ntitle: 图片\n---\n\n%s\n' "$2" >"$d/$1.md"
}
cat >"$d/img/evil.svg" <<'SVG'
<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet href="http://evil.example/x.css"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10" onload="alert(1)">
  <script>alert(2)</script>
  <style>@import url(http://evil.example/y.css);</style>
  <rect width="10" height="10" fill="url(#g)" onclick="alert(3)"/>
  <image xlink:href="http://evil.example/track.png" width="1" height="1"/>
  <a href="javascript:alert(4)"><text y="9">照片</text></a>
  <use href="#g"/>
  <a><set attributeName="href" to="javascript:alert(6)"/><animate attributeName="xlink:href" values="javascript:alert(7)"/><text y="5">链</text></a>
  <rect width="1" height="1" fill="javascript:alert(8)"/>
  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><script>alert(5)</script></div></foreignObject>
</svg>
SVG
cat >"$d/img/dtd.svg" <<'SVG'
<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<svg xmlns="http://www.w3.org/2000/svg">&b;</svg>
SVG
echo 'just text' >"$d/img/text.jpg"
cp tests/photos/pixel.png "$d/img/png.jpg"
cp tests/photos/pixel.png "$d/img/pixel.png"
cp tests/photos/pixel.png "$d/img/a b#c?.png"
printf '\377\330\377\340' >"$d/img/huge.jpg"
truncate -s 2G "$d/img/huge.jpg"
mkfifo "$d/img/fifo.png"
story evil '![恶意](img/evil.svg)'
story dtd '![实体](img/dtd.svg)'
story text '![文本](img/text.jpg)'
story misnamed '![改名](img/png.jpg)'
story huge '![巨大](img/huge.jpg)'
story fifo '![管道](img/fifo.png)'
story space '![空格](img/a%20b%23c%3F.png)'
story good '![好图](img/pixel.png)'
cat >"$d/issue.yaml" <<'YAML'
pages:
  - no: 1
    name: 要闻
    stories: [evil.md, dtd.md, text.md, misnamed.md, huge.md, fifo.md, space.md, good.md]
YAML

timeout 120 "$PRESS" build -a "$t/a" -o "$t/out" >/dev/null 2>"$t/err"
status=$?
o=$t/out/site/2024-01-08
if [ "$status" -eq 1 ] &&
    grep -q "^press: $d/img/dtd.svg: error: photo: an SVG with a DTD or entity declarations is refused" "$t/err" &&
    grep -q "^press: $d/img/text.jpg: error: photo: not a JPEG, PNG, GIF, WebP or SVG file" "$t/err" &&
    grep -q "^press: $d/img/png.jpg: error: photo: a PNG file must be named .png" "$t/err" &&
    grep -q "^press: $d/img/huge.jpg: error: photo: 2147483648 bytes, over the photo limit of 20 MB" "$t/err" &&
    grep -q "^press: $d/img/fifo.png: error: photo: not a regular file" "$t/err" &&
    ! grep -q 'out of memory' "$t/err" &&
    [ ! -e "$o/dtd.html" ] && [ ! -e "$o/huge.html" ] && [ ! -e "$o/img/huge.jpg" ] &&
    [ -s "$o/img/pixel.png" ] && cmp -s "$o/img/pixel.png" tests/photos/pixel.png; then
	ok "photos: wrong types, misnamed, oversized and special files are refused, naming the file"
else
	notok "photos: wrong types, misnamed, oversized and special files are refused, naming the file (exit $status)"
	sed 's/^/    /' "$t/err" | head -20
fi
svg=$o/img/evil.svg
if [ -s "$svg" ] && xmllint --noout "$svg" 2>/dev/null &&
    ! grep -qi 'script\|alert\|evil\.example\|foreignObject\|onload\|onclick\|javascript' "$svg" &&
    grep -q '<use href="#g"' "$svg" && grep -q '照片' "$svg" &&
    cmp -s "$svg" "$t/out/print/2024-01-08/img/evil.svg" &&
    grep -q "^press: $d/img/evil.svg:4:1: warning: SVG: <script> removed" "$t/err"; then
	ok "photos: an SVG is copied without script, events or external references"
else
	notok "photos: an SVG is copied without script, events or external references"
	sed 's/^/    /' "$svg" | head -20
fi
if grep -q 'src="img/a%20b%23c%3F.png"' "$o/space.html" &&
    cmp -s "$o/img/a b#c?.png" tests/photos/pixel.png; then
	ok "photos: a name with a space, # and ? gets an escaped src"
else
	notok "photos: a name with a space, # and ? gets an escaped src"
	grep -o '<img[^>]*>' "$o/space.html" | sed 's/^/    /'
fi
# A smaller limit in paper.yaml.
rm -f "$d/img/huge.jpg" "$d/img/fifo.png"
head -c 2097152 /dev/zero | { printf '\377\330\377\340'; cat; } >"$d/img/huge.jpg"
printf 'photo-limit: 1\n' >>"$t/a/paper.yaml"
printf 'pages:\n  - no: 1\n    name: 要闻\n    stories: [huge.md, good.md]\n' >"$d/issue.yaml"
"$PRESS" build -a "$t/a" -o "$t/out2" >/dev/null 2>"$t/err2"
if grep -q "^press: $d/img/huge.jpg: error: photo: 2097156 bytes, over the photo limit of 1 MB (photo-limit in paper.yaml)" "$t/err2" &&
    [ -s "$t/out2/site/2024-01-08/img/pixel.png" ]; then
	ok "photos: paper.yaml's photo-limit"
else
	notok "photos: paper.yaml's photo-limit"
	sed "s/^/    /" "$t/err2" | head
fi

# Geometry: each type's width and height (and the resolution the file
# states) read from its header reach the print XML's figure, the NITF
# media-reference and the HTML img; a JPEG's EXIF orientation turns it.
g=$t/g
rm -rf "$g"
mkdir -p "$g/a/2024-01-09/img"
cp articles/paper.yaml "$g/a/"
gd=$g/a/2024-01-09
for f in tiny.jpg portrait.jpg wide.png screen.gif lossy.webp lossless.webp extended.webp; do
	cp "tests/photos/$f" "$gd/img/$f"
done
printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90"/>\n' >"$gd/img/box.svg"
printf '<svg xmlns="http://www.w3.org/2000/svg" width="5cm" height="100%%" viewBox="0,0,300,200"/>\n' >"$gd/img/cm.svg"
printf '\377\330\377\340\000\020JFIF\000\001\001\001\000\110\000\110\000\000\377\332' >"$gd/img/noframe.jpg"
gstory() { # NAME BODY
	printf -- '---\ntitle: 图%s\n---\n\n%s\n' "$1" "$2" >"$gd/$1.md"
}
gstory lead '![头条图说](img/wide.png)

本报记者 某某 摄'
gstory tiny '![一像素](img/tiny.jpg)'
gstory portrait '![竖](img/portrait.jpg "竖图")

正文。'
gstory gif '![动图](img/screen.gif)'
gstory lossy '![有损](img/lossy.webp)'
gstory lossless '![无损](img/lossless.webp)'
gstory extended '![扩展](img/extended.webp)'
gstory svg '![](img/box.svg)'
gstory cm '![厘米](img/cm.svg)'
gstory noframe '![无帧](img/noframe.jpg)'
cat >"$gd/issue.yaml" <<'YAML'
pages:
  - no: 1
    name: 要闻
    stories:
      - file: lead.md
        columns: 4
        lines: 40
      - tiny.md
      - portrait.md
      - gif.md
      - lossy.md
      - lossless.md
      - extended.md
      - svg.md
      - cm.md
      - noframe.md
YAML
"$PRESS" build -a "$g/a" -o "$g/out" >/dev/null 2>"$g/err"
status=$?
gp=$g/out/print/2024-01-09
gs=$g/out/site/2024-01-09
grep -o '<figure [^>]*>' "$gp/issue.xml" >"$g/figures"
cat >"$g/figures.expected" <<'EOF2'
<figure href="img/wide.png" width="800" height="600" dpi="300">
<figure href="img/tiny.jpg" width="1" height="1" dpi="72">
<figure href="img/portrait.jpg" title="竖图" width="1200" height="1600" dpi="300">
<figure href="img/screen.gif" width="320" height="240">
<figure href="img/lossy.webp" width="640" height="480">
<figure href="img/lossless.webp" width="300" height="200">
<figure href="img/extended.webp" width="1024" height="768">
<figure href="img/box.svg" width="160" height="90"/>
<figure href="img/cm.svg" width="300" height="200">
EOF2
if [ "$status" -eq 1 ] && diff -u "$g/figures.expected" "$g/figures" >"$g/diff" &&
    grep -q "^press: $gd/img/noframe.jpg: error: photo: a JPEG file whose header gives no width and height" "$g/err" &&
    grep -q '<left-out file="noframe.md"' "$gp/issue.xml"; then
	ok "photos: width, height and dpi from JPEG (JFIF, EXIF turned), PNG, GIF, WebP (VP8, VP8L, VP8X) and SVG headers"
else
	notok "photos: width, height and dpi from JPEG (JFIF, EXIF turned), PNG, GIF, WebP (VP8, VP8L, VP8X) and SVG headers (exit $status)"
	sed 's/^/    /' "$g/diff" "$g/err" | head -30
fi
if grep -q '<media-metadata name="dpi" value="300"/><media-reference source="img/wide.png" width="800" height="600" units="pixels" alternate-text="图lead"' "$gp/lead.nitf.xml" &&
    grep -q '<media-reference source="img/portrait.jpg" width="1200" height="1600" units="pixels" alternate-text="竖图"' "$gp/portrait.nitf.xml" &&
    grep -q 'GraphicBounds Left="0" Top="0" Right="240" Bottom="320"' "$gp/portrait.icml"; then
	ok "photos: NITF media-reference carries width, height and alternate text; the ICML frame the photo's aspect"
else
	notok "photos: NITF media-reference carries width, height and alternate text; the ICML frame the photo's aspect"
	grep -o '<media.*</media>' "$gp/lead.nitf.xml" "$gp/portrait.nitf.xml" | sed 's/^/    /'
fi
# On the page view the lead's photo loads at once, the others lazily; a
# photo with a caption has alt="", one without the title or headline.
grep -o '<img [^>]*>' "$gs/page-1.html" >"$g/imgs"
cat >"$g/imgs.expected" <<'EOF2'
<img src="img/wide.png" width="800" height="600" alt="">
<img src="img/tiny.jpg" width="1" height="1" loading="lazy" alt="">
<img src="img/portrait.jpg" title="竖图" width="1200" height="1600" loading="lazy" alt="">
<img src="img/screen.gif" width="320" height="240" loading="lazy" alt="">
<img src="img/lossy.webp" width="640" height="480" loading="lazy" alt="">
<img src="img/lossless.webp" width="300" height="200" loading="lazy" alt="">
<img src="img/extended.webp" width="1024" height="768" loading="lazy" alt="">
<img src="img/box.svg" width="160" height="90" loading="lazy" alt="图svg">
<img src="img/cm.svg" width="300" height="200" loading="lazy" alt="">
EOF2
if diff -u "$g/imgs.expected" "$g/imgs" >"$g/diff" &&
    grep -q '<img src="img/portrait.jpg" title="竖图" width="1200" height="1600" alt="">' "$gs/portrait.html"; then
	ok "photos: <img> has width and height, loading=lazy below the fold, alt=\"\" where the caption follows"
else
	notok "photos: <img> has width and height, loading=lazy below the fold, alt=\"\" where the caption follows"
	sed 's/^/    /' "$g/diff"
fi

# Resolution at the printed size: the 4-column slot of paper.yaml's
# broadsheet is 4 × 41 mm + 3 gutters of (350 − 8 × 41) / 7 mm = 173 mm,
# where 800 px make 800 × 25.4 / 173 = 117 dpi; the 1 × 1 JPEG, in one
# column of 41 mm, 1 dpi.  1200 px in one column (743 dpi) and an SVG
# get no word.  The lead's photo at 173 mm and 4:3 is 130 mm tall, 31
# lines of 490 / 115 mm, in each of the 4 columns; its head one line
# (4), its caption and credit 2: 2 + (4 + 31) × 4 = 142 of 160 lines.
if grep -q "^press: $gd/issue.yaml:5:9: warning: photo img/wide.png: 800 × 600 px prints at 117 dpi across 4 columns (173 mm wide); print wants about 150 dpi$" "$g/err" &&
    grep -q "^press: $gd/issue.yaml:8:9: warning: photo img/tiny.jpg: 1 × 1 px prints at 1 dpi across 1 column (41 mm wide); print wants about 150 dpi$" "$g/err" &&
    [ "$(grep -c 'dpi across' "$g/err")" -eq 2 ] &&
    grep -q '<story id="lead" [^>]* slot-columns="4" slot-lines="40" head-lines="4" photo-lines="31" spent="142" left="18">' "$gp/issue.xml"; then
	ok "photos: under 150 dpi at the slot's printed width is a warning at the entry; a photo's lines by its aspect ratio"
else
	notok "photos: under 150 dpi at the slot's printed width is a warning at the entry; a photo's lines by its aspect ratio"
	grep 'dpi' "$g/err" | sed 's/^/    /'
	grep -o '<story id="lead" [^>]*>' "$gp/issue.xml" | sed 's/^/    /'
fi

# Columns wider than the type area are an error at the key.
mkdir -p "$t/c/2024-01-10"
printf 'name: 测试报\npage:\n  width: 350\n  column-width: 60\n' >"$t/c/paper.yaml"
printf 'pages:\n  - no: 1\n    name: 要闻\n    stories: []\n' >"$t/c/2024-01-10/issue.yaml"
"$PRESS" build -a "$t/c" -o "$t/cout" >/dev/null 2>"$t/cerr"
status=$?
if [ "$status" -eq 1 ] &&
    grep -q "^press: $t/c/paper.yaml:4:17: error: 'column-width' must be at most the width over the columns$" "$t/cerr"; then
	ok "photos: a column wider than paper.yaml's width over its columns is an error at the key"
else
	notok "photos: a column wider than paper.yaml's width over its columns is an error at the key (exit $status)"
	sed 's/^/    /' "$t/cerr" | head
fi
