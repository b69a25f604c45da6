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
