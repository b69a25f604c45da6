#!/bin/sh
# tests/editions.sh: the WeChat articles and the e-mail edition of the built
# sample ($OUT) and of tests/build/editions/articles (links, notes, a table,
# verse, a photo), as the 公众号 editor and mail clients take them.  Run by
# tests/run from the repository root with OUT, TMP and PRESS.  One line per
# check: "ok NAME", "FAIL NAME" with details indented by 4 spaces, or "skip
# NAME: reason" when a tool is missing.
#
#   wechat inline  every article (wechat/<issue>/<slug>.html) has only
#                  inline styles: no <style>, class, id, <script> or link
#                  left in the body, no position, float, web font or url()
#                  (tests/editions/inline.py); the index page has no
#                  <style>, class or id; and the check finds the nine
#                  problems of tests/editions/bad.html
#   wechat links   the fixture's links are markers [n], each address once
#                  under 引用链接, relative ones made absolute on the site
#   wechat index   one index a issue, holding every story's article as
#                  its own file has it, in reading order
#   chromium       each article at 375 px: no horizontal overflow, every
#                  photo loads from the site (tests/editions/shots.mjs);
#                  each 复制全文 button copies its article's markup;
#                  screenshots in out/screenshots/wechat-*-375.png
#   mail           every mail/<issue>.eml, read by Python's email package
#                  (tests/editions/mail.py): no defect, no line over 998
#                  octets, the subject decodes to the issue's title, the
#                  plain and HTML parts decode to every story's text in
#                  order, headlines link to the site, the HTML part passes
#                  inline.py; the check fails on tests/editions/bad.eml;
#                  the HTML part at 600 px in Chromium, no overflow, photos
#                  load: out/screenshots/mail-<issue>-600.png; xsltproc
#                  (EXSLT for press:break-after) writes the same messages

LC_ALL=C.UTF-8
export LC_ALL
w=$TMP/editions
rm -rf "$w"
mkdir -p "$w"
python=${PYTHON:-/usr/bin/python3}
chromium=${CHROMIUM:-/usr/bin/chromium}
shots=out/screenshots

ok() { echo "ok   $1"; }
skip() { echo "skip $1"; }
fail() { # NAME [FILE with details]
	echo "FAIL $1"
	[ -n "$2" ] && [ -s "$2" ] && sed 's/^/    /' "$2" | head -40
	return 0
}

# The fixture issue, built with the project's templates.
fix=$w/fixture
"$PRESS" build -a tests/build/editions/articles -o "$fix" >/dev/null 2>"$w/err"
if [ -f "$fix/wechat/2024-01-03/lianjie.html" ]; then
	ok "fixture: tests/build/editions/articles builds"
else
	fail "fixture: tests/build/editions/articles builds" "$w/err"
fi

# articles OUT: the article files under OUT/wechat, one a line.
articles() {
	find "$1/wechat" -name '*.html' ! -name index.html 2>/dev/null | sort
}
articles "$OUT" >"$w/articles"
articles "$fix" >>"$w/articles"

# ---- WeChat: inline styles only -----------------------------------------
if [ ! -x "$python" ]; then
	skip "wechat inline: no $python (apt-get install python3)"
else
	n=$(wc -l <"$w/articles")
	# shellcheck disable=SC2046 # one argument a file; no spaces
	if [ "$n" -ge 11 ] && "$python" tests/editions/inline.py $(cat "$w/articles") >"$w/inline" 2>&1; then
		ok "wechat inline: $n articles, inline styles only, no link left"
	else
		echo "$n articles" >>"$w/inline"
		fail "wechat inline: $n articles, inline styles only, no link left" "$w/inline"
	fi
	# The index pages: their script and the links to the articles are
	# theirs; nothing else the editor would drop.
	"$python" tests/editions/inline.py --links "$OUT"/wechat/*/index.html "$fix"/wechat/*/index.html |
	    grep -v ': <script>: the element is dropped$' >"$w/inline"
	if [ ! -s "$w/inline" ]; then
		ok "wechat inline: the index pages have no <style>, class or id"
	else
		fail "wechat inline: the index pages have no <style>, class or id" "$w/inline"
	fi
	"$python" tests/editions/inline.py tests/editions/bad.html >"$w/inline" 2>&1
	status=$?
	for what in '<style>: the element is dropped' 'class="story"' 'id="top"' \
	    'position: absolute: ignored' 'float: left: ignored' \
	    'a web font of press.css' 'url() (a download)' \
	    'a link left in the body: https://example.org/' '<script>: the element is dropped'; do
		grep -qF "$what" "$w/inline" || echo "not found: $what" >>"$w/missed"
	done
	if [ "$status" -eq 1 ] && [ ! -s "$w/missed" ] && [ "$(wc -l <"$w/inline")" -eq 9 ]; then
		ok "wechat inline: the check finds the 9 problems of tests/editions/bad.html"
	else
		cat "$w/inline" >>"$w/missed"
		fail "wechat inline: the check finds the 9 problems of tests/editions/bad.html (exit $status)" "$w/missed"
	fi
fi

# ---- WeChat: links as markers and 引用链接 --------------------------------
f=$fix/wechat/2024-01-03/lianjie.html
sed -n 's/.*>\(\[[0-9]*\] [^<]*\)<\/p>.*/\1/p' "$f" >"$w/refs"
cat >"$w/want" <<'END'
[1] 北京市总工会：https://example.org/
[2] 赛事通知：https://example.com/tongzhi?id=3&amp;year=2024
[3] 上期报道：https://example.org/2024-01-02/yundonghui.html
[4] 本期目录：https://example.org/2024-01-03/index.html
[5] 报纸首页：https://example.org/
END
markers=$(grep -o '>\[[0-9]\]</sup>' "$f" | tr -d '\n')
if diff -u "$w/want" "$w/refs" >"$w/diff" && grep -q '引用链接' "$f" &&
    [ "$markers" = '>[1]</sup>>[2]</sup>>[3]</sup>>[4]</sup>>[5]</sup>>[2]</sup>' ] &&
    grep -q '，<em [^>]*>赛程</em>见下文。' "$f"; then
	ok "wechat links: markers [1]…[5], each address once under 引用链接"
else
	echo "markers: $markers" >>"$w/diff"
	fail "wechat links: markers [1]…[5], each address once under 引用链接" "$w/diff"
fi
# Photos by their address on the site.
if grep -q 'src="https://example.org/2024-01-03/img/photo.svg"' "$f" &&
    grep -q 'src="https://example.org/2024-06-11/img/lianjia.svg"' "$OUT/wechat/2024-06-11/lianjia.html"; then
	ok "wechat photos: by their address on the site"
else
	fail "wechat photos: by their address on the site"
fi

# ---- WeChat: the index page ---------------------------------------------
# Each article's <section>, as its file has it, is in the index, in the
# order of the issue.
for out in "$OUT" "$fix"; do
	for index in "$out"/wechat/*/index.html; do
		dir=${index%/index.html}
		issue_xml=$out/print/${dir##*/}/issue.xml
		xmllint --xpath '//story/@slug' "$issue_xml" | sed 's/.*"\(.*\)"/\1/' >"$w/slugs"
		grep -o 'href="[^"]*\.html"' "$index" | sed 's/href="\(.*\)\.html"/\1/' >"$w/listed"
		if ! cmp -s "$w/slugs" "$w/listed"; then
			echo "$index: lists $(tr '\n' ' ' <"$w/listed"), want $(tr '\n' ' ' <"$w/slugs")" >>"$w/index"
		fi
		while read -r slug; do
			sed -n '/^<section/,/^<\/section>$/p' "$dir/$slug.html" >"$w/article"
			if [ ! -s "$w/article" ] || ! "$python" -c 'import sys
sys.exit(open(sys.argv[1]).read().rstrip() not in open(sys.argv[2]).read())' "$w/article" "$index"; then
				echo "$index: not the article of $slug.html" >>"$w/index"
			fi
		done <"$w/slugs"
	done
done
if [ ! -s "$w/index" ]; then
	ok "wechat index: every story's article in reading order, as its file has it"
else
	fail "wechat index: every story's article in reading order, as its file has it" "$w/index"
fi

# ---- e-mail --------------------------------------------------------------
mkdir -p "$w/mail/mail"
if [ -x "$python" ]; then
	: >"$w/mails"
	for out in "$OUT" "$fix"; do
		for eml in "$out"/mail/*.eml; do
			issue=${eml##*/}
			issue=${issue%.eml}
			if [ ! -f "$eml" ]; then
				fail "mail: no $out/mail/*.eml"
				continue
			fi
			name="mail: ${eml#"$out"/}"
			[ "$out" = "$fix" ] && name="mail: fixture ${eml#"$out"/}"
			if "$python" tests/editions/mail.py "$eml" "$out/print/$issue/issue.xml" \
			    "$w/mail/mail/$issue.html" >"$w/mail.out" 2>&1; then
				ok "$name: parses, subject and both parts hold the issue"
				echo "$out $w/mail/mail/$issue.html" >>"$w/mails"
			else
				fail "$name: parses, subject and both parts hold the issue" "$w/mail.out"
			fi
		done
	done
	"$python" tests/editions/mail.py tests/editions/bad.eml "$OUT/print/2024-06-11/issue.xml" \
	    "$w/mail/bad.html" >"$w/mail.out" 2>&1
	status=$?
	: >"$w/missed"
	for what in 'octets, more than 998' 'Subject decodes to' 'Subject is not RFC 2047 encoded' \
	    'no Date header' 'text/plain: wenxin-banzao: not found' 'text/html: no link to the story' \
	    'class="story" is dropped' 'float: left: ignored'; do
		grep -qF "$what" "$w/mail.out" || echo "not found: $what" >>"$w/missed"
	done
	if [ "$status" -eq 1 ] && [ ! -s "$w/missed" ]; then
		ok "mail: the check finds the problems of tests/editions/bad.eml"
	else
		cat "$w/mail.out" >>"$w/missed"
		fail "mail: the check finds the problems of tests/editions/bad.eml (exit $status)" "$w/missed"
	fi
else
	skip "mail: no $python (apt-get install python3)"
fi

# press:break-after() (press's) and the EXSLT fallback beside it
# (xsltproc's) write the same message.
: >"$w/same"
for out in "$OUT" "$fix"; do
	for eml in "$out"/mail/*.eml; do
		issue=${eml##*/}
		issue=${issue%.eml}
		xsltproc --stringparam issue "$issue" templates/mail/issue.xsl \
		    "$out/print/$issue/issue.xml" 2>&1 | cmp -s - "$eml" ||
		    echo "$issue: xsltproc writes another message" >>"$w/same"
	done
done
if [ ! -s "$w/same" ]; then
	ok "mail: press and xsltproc (without press's functions) write the same messages"
else
	fail "mail: press and xsltproc (without press's functions) write the same messages" "$w/same"
fi

# ---- headless Chromium ---------------------------------------------------
url=$(xmllint --xpath 'string(/issue/@url)' "$OUT/print/2024-06-11/issue.xml" 2>/dev/null)
if ! command -v node >/dev/null || [ ! -d node_modules/playwright-core ]; then
	skip "chromium: no node_modules/playwright-core (npm ci)"
elif [ ! -x "$chromium" ]; then
	skip "chromium: no $chromium (apt-get install chromium)"
else
	# shellcheck disable=SC2046
	node tests/editions/shots.mjs --name "chromium 375px" --root "$OUT" --width 375 \
	    --site "$OUT/site" --url "$url" --shots "$shots" \
	    $(grep "^$OUT/" "$w/articles") >"$w/shots" 2>&1
	# shellcheck disable=SC2046
	node tests/editions/shots.mjs --name "chromium 375px" --root "$fix" --width 375 \
	    --site "$fix/site" --url https://example.org/ \
	    $(grep "^$fix/" "$w/articles") >>"$w/shots" 2>&1
	node tests/editions/shots.mjs --name "chromium 复制全文" --root "$OUT" --width 375 \
	    --site "$OUT/site" --url "$url" --shots "$shots" --copy \
	    "$OUT"/wechat/*/index.html >>"$w/shots" 2>&1
	node tests/editions/shots.mjs --name "chromium 复制全文" --root "$fix" --width 375 \
	    --site "$fix/site" --url https://example.org/ --copy \
	    "$fix"/wechat/*/index.html >>"$w/shots" 2>&1
	# The HTML part of each message at 600 px; the sample's screenshot
	# goes to out/screenshots/mail-<issue>-600.png.
	while read -r out html; do
		if [ "$out" = "$OUT" ]; then
			node tests/editions/shots.mjs --name "chromium 600px" --root "$w/mail" --width 600 \
			    --site "$out/site" --url "$url" --shots "$shots" "$html" >>"$w/shots" 2>&1
		else
			node tests/editions/shots.mjs --name "chromium 600px" --root "$w/mail" --width 600 \
			    --site "$out/site" --url https://example.org/ "$html" >>"$w/shots" 2>&1
		fi
	done <"$w/mails"
	sed "s|$OUT/|out/|g; s|$fix/|fixture/|g; s|$w/mail/|out/mail/|g" "$w/shots"
	grep -q '^\(ok \|FAIL \)' "$w/shots" || fail "chromium: shots.mjs printed no result" "$w/shots"
	# The overflow check can fail.
	node tests/editions/shots.mjs --root tests/web --width 375 tests/web/overflow.html >"$w/neg" 2>&1
	if [ $? -eq 1 ] && grep -q 'overflow: scrollWidth' "$w/neg"; then
		ok "chromium: the overflow check fails on tests/web/overflow.html at 375px"
	else
		fail "chromium: the overflow check fails on tests/web/overflow.html at 375px" "$w/neg"
	fi
fi
