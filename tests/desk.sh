#!/bin/sh
# What the desk is told: messages, exit status and totals agree; a story
# left out is a marked hole; press finds its project from anywhere;
# messages in the reader's language.
#
#   held back     a story whose photo is missing: one error at the
#                 image's line, printed once, exit 1; the story is held
#                 back and marked <left-out/> on its page in issue.xml
#                 and page-N.xml (valid against press.rng); the web
#                 edition shows nothing of it
#   totals        press check's summary counts every message printed, by
#                 level (headers and issue.yaml too); exit 1 exactly when
#                 an error was printed; a page's errors are errors only
#   from anywhere press check and build from a subfolder of the project,
#                 and from outside it with -C, print what they print at
#                 its top; a preview names files as the reporter did,
#                 from where she stands; a project without templates/
#                 uses press's own;
#                 no libxml2 words on stderr when there are none
#   languages     LC_ALL, LANG or LC_MESSAGES zh_CN.UTF-8 prints Chinese
#                 (whether or not that locale is installed), C.UTF-8
#                 English; every message of po/zh_CN.po is translated and
#                 every message id of the sources is in it
#   bylines       one table of byline roles (templates/words.xml, which
#                 the C is built from): no label is written in the C;
#                 the body's dateline with half-width brackets, blanks
#                 or a label such as 见习记者 is taken off the copy, so
#                 that web, story XML, NITF and ICML carry one dateline
#                 and every name; header and body that agree say nothing,
#                 that disagree name who differs, in English and Chinese;
#                 --fix writes datelines and credits in the house form
#   unplaced      press check of an issue folder proofreads and measures
#                 the stories no page places yet, too
#   install       make install DESTDIR=… PREFIX=… puts the program, the
#                 manual, the catalogue and the templates in place, and
#                 the installed press works in a project without
#                 templates/, in Chinese too
#
# Environment (set by tests/run): TMP, a scratch folder; PRESS, the
# program.  Run from the repository root.  Prints "ok   NAME" or
# "FAIL NAME" with details indented by four spaces.

d=$TMP/desk
rm -rf "$d"
mkdir -p "$d/a/2024-01-05/img"

ok() { echo "ok   $1"; }
notok() {
	echo "FAIL $1"
	shift
	for f in "$@"; do sed 's/^/    /' "$f"; done
}

# ---- held back -------------------------------------------------------------
printf 'name: 测试报\nurl: https://example.org/\n' >"$d/a/paper.yaml"
printf 'pages:\n  - no: 1\n    name: 要闻\n    stories: [good.md, photo.md, gone.md]\n' \
    >"$d/a/2024-01-05/issue.yaml"
printf -- '---\ntitle: 正常\n---\n\n正文。\n' >"$d/a/2024-01-05/good.md"
printf -- '---\ntitle: 图片\n---\n\n正文。\n\n![图说](img/nope.jpg)\n\n又一段。\n' \
    >"$d/a/2024-01-05/photo.md"
"$PRESS" build -a "$d/a" -o "$d/out" >/dev/null 2>"$d/err"
echo "exit $?" >>"$d/err"
cat >"$d/want" <<EOF
press: $d/a/2024-01-05/photo.md:7:1: error: image not found: img/nope.jpg; the story is held back
press: $d/a/2024-01-05/issue.yaml:4:34: error: no such story: gone.md
exit 1
EOF
if diff -u "$d/want" "$d/err" >"$d/diff"; then
	ok "held back: a missing photo is one error at its line, exit 1"
else
	notok "held back: a missing photo is one error at its line, exit 1" "$d/diff"
fi
p=$d/out/print/2024-01-05
if grep -q '<left-out file="photo.md" reason="image not found: img/nope.jpg; the story is held back" line="7"/>' "$p/issue.xml" &&
    grep -q '<left-out file="gone.md" reason="issue.yaml:4:34: no such story: gone.md"/>' "$p/issue.xml" &&
    grep -q '<left-out file="photo.md"' "$p/page-1.xml" &&
    [ ! -e "$p/photo.xml" ] &&
    xmllint --noout --relaxng templates/press.rng "$p/issue.xml" "$p/page-1.xml" 2>"$d/lint"; then
	ok "held back: the hole is marked in issue.xml and page-1.xml"
else
	notok "held back: the hole is marked in issue.xml and page-1.xml" "$p/issue.xml" "$d/lint"
fi
if [ -s "$d/out/site/2024-01-05/good.html" ] &&
    ! grep -rl --include='*.html' --include='*.xml' \
    'photo\|nope\|gone\|left-out\|held back' "$d/out/site" >"$d/shown"; then
	ok "held back: the web edition shows nothing of it"
else
	notok "held back: the web edition shows nothing of it" "$d/shown"
fi

# ---- from anywhere ---------------------------------------------------------
proj=$d/proj
mkdir -p "$proj"
cp -r articles "$proj/articles"
mkdir -p "$proj/articles/2024-06-11/notes"
(cd "$proj" && "$PRESS" check articles/2024-06-11/huairou.md articles/2024-06-11) \
    >"$d/top" 2>&1
echo "exit $?" >>"$d/top"
(cd "$proj/articles/2024-06-11/notes" && "$PRESS" check ../huairou.md ..) \
    >"$d/sub" 2>&1
echo "exit $?" >>"$d/sub"
(cd / && "$PRESS" -C "$proj" check articles/2024-06-11/huairou.md articles/2024-06-11) \
    >"$d/outside" 2>&1
echo "exit $?" >>"$d/outside"
if grep -q 'huairou.md' "$d/top" && diff -u "$d/top" "$d/sub" >"$d/diff" &&
    diff -u "$d/top" "$d/outside" >>"$d/diff"; then
	ok "from anywhere: check from a subfolder and with -C prints what it prints at the top"
else
	notok "from anywhere: check from a subfolder and with -C prints what it prints at the top" "$d/diff"
fi
(cd "$proj" && "$PRESS" build -o "$d/b1") >"$d/top" 2>&1
(cd "$proj/articles/2024-06-11" && "$PRESS" build -o "$d/b2") >"$d/sub" 2>&1
if [ -s "$d/b1/site/2024-06-11/huairou.html" ] && diff -r "$d/b1/site" "$d/b2/site" >"$d/diff" &&
    diff -u "$d/top" "$d/sub" >>"$d/diff" && ! grep -q 'I/O warning' "$d/top"; then
	ok "from anywhere: build from a subfolder, without templates/, is the build at the top"
else
	notok "from anywhere: build from a subfolder, without templates/, is the build at the top" "$d/diff" "$d/top"
fi
# A preview speaks of files as the reporter named them, from where she
# stands: her story, the folder she asked for, the HTML to open.
printf -- '---\ntitle: 测试\n---\n\n正文,有错。\n' >"$proj/articles/2024-06-11/x.md"
(cd "$proj/articles/2024-06-11" && "$PRESS" preview -o pv x.md) >"$d/pv" 2>&1
(cd "$proj/articles/2024-06-11" && "$PRESS" preview x.md) >"$d/pv2" 2>&1
if [ "$(cat "$d/pv")" = "press: x.md:5:3: warning: half-width punctuation should be full-width: 正文,有错。 → 正文，有错。 [punct-halfwidth]
pv/x.html" ] && [ -s "$proj/articles/2024-06-11/pv/x.html" ] &&
    [ "$(tail -n 1 "$d/pv2")" = "../../out/preview/x.html" ] &&
    [ -s "$proj/out/preview/x.html" ]; then
	ok "from anywhere: preview from a subfolder names the files as the reporter did"
else
	notok "from anywhere: preview from a subfolder names the files as the reporter did" "$d/pv" "$d/pv2"
fi
rm -rf "$proj/articles/2024-06-11/x.md" "$proj/articles/2024-06-11/pv" "$proj/out"
mkdir -p "$d/lone"
printf -- '---\ntitle: 单篇\n---\n\n正文。\n' >"$d/lone/x.md"
(cd "$d/lone" && "$PRESS" preview x.md) >"$d/err" 2>&1
if [ "$(cat "$d/err")" = "out/preview/x.html" ] && [ -s "$d/lone/out/preview/x.html" ]; then
	ok "from anywhere: a story outside any project previews with press's templates"
else
	notok "from anywhere: a story outside any project previews with press's templates" "$d/err"
fi
# A build checks its XML against press.rng; a preview loads the story
# sheet alone.
"$PRESS" -C "$proj" build -t "$d/none" -o "$d/p" >/dev/null 2>"$d/err"
if ! grep -qv '^press: ' "$d/err" && grep -q 'press.rng: error: template:' "$d/err"; then
	ok "from anywhere: a missing schema is one press message, not libxml2's"
else
	notok "from anywhere: a missing schema is one press message, not libxml2's" "$d/err"
fi
"$PRESS" preview -t "$d/none" -o "$d/p" "$d/lone/x.md" >/dev/null 2>"$d/err"
if ! grep -qv '^press: ' "$d/err" && grep -q 'outputs.yaml: error:' "$d/err" &&
    ! grep -q 'press.rng' "$d/err"; then
	ok "from anywhere: a preview without templates is one press message, and reads no schema"
else
	notok "from anywhere: a preview without templates is one press message, and reads no schema" "$d/err"
fi

# ---- languages -------------------------------------------------------------
printf -- '---\ntitle: "未闭合\ngenre: 消息\n---\n\n正文。\n' >"$d/lone/q.md"
for v in LC_ALL LANG LC_MESSAGES; do
	(cd "$d/lone" && env -u LC_ALL -u LANGUAGE "$v=zh_CN.UTF-8" "$PRESS" preview q.md) \
	    >/dev/null 2>"$d/err"
	if [ "$(cat "$d/err")" = 'press: q.md:2:8: 错误: 引号未闭合：此处的 " 没有配对的结束引号' ]; then
		ok "languages: $v=zh_CN.UTF-8 reports an unclosed quote at its line in Chinese"
	else
		notok "languages: $v=zh_CN.UTF-8 reports an unclosed quote at its line in Chinese" "$d/err"
	fi
done
(cd "$d/lone" && LC_ALL=C.UTF-8 "$PRESS" preview q.md) >/dev/null 2>"$d/err"
if [ "$(cat "$d/err")" = 'press: q.md:2:8: error: quote not closed: the " that opens here has no closing quote' ]; then
	ok "languages: C.UTF-8 says it in English"
else
	notok "languages: C.UTF-8 says it in English" "$d/err"
fi
# The sample's build in Chinese: every message line Chinese after its place.
LC_ALL=zh_CN.UTF-8 "$PRESS" build -o "$d/zh" >/dev/null 2>"$d/err"
LC_ALL=C.UTF-8 "$PRESS" build -o "$d/en" >/dev/null 2>"$d/en.err"
if [ "$(wc -l <"$d/err")" -eq "$(wc -l <"$d/en.err")" ] &&
    ! grep -q ': error: \|: warning: ' "$d/err"; then
	ok "languages: the sample's build messages are Chinese in zh_CN.UTF-8"
else
	notok "languages: the sample's build messages are Chinese in zh_CN.UTF-8" "$d/err"
fi
# press check of the sample in Chinese: no English left once file names,
# rule ids and slot names are set aside; in C.UTF-8 the same in English.
env -u LC_ALL LANG=zh_CN.UTF-8 "$PRESS" check >"$d/zh.check" 2>&1
sed -e 's/^press: //' -e 's#[^ ：:]*\.md#F#g' -e 's#articles/[^ ：:]*#D#g' \
    -e 's/\[[a-z-]*\]//g' -e 's/\(lead\|main\|brief\|photo\), //g' "$d/zh.check" |
    grep -E '[A-Za-z]{3,}' >"$d/english"
LC_ALL=C.UTF-8 "$PRESS" check >"$d/en.check" 2>&1
if [ ! -s "$d/english" ] && grep -q '合格' "$d/zh.check" &&
    [ "$(wc -l <"$d/zh.check")" -eq "$(wc -l <"$d/en.check")" ] &&
    grep -q 'should be' "$d/en.check" && grep -q 'passes (3 at most)' "$d/en.check"; then
	ok "languages: press check of the sample prints only Chinese in zh_CN.UTF-8"
else
	notok "languages: press check of the sample prints only Chinese in zh_CN.UTF-8" "$d/english"
fi
# The usage text and the complaints about the command line too.
for args in --help frobnicate 'check --bogus' 'build -j 0' 'serve -p x' preview; do
	# shellcheck disable=SC2086 # the arguments are words
	env -u LC_ALL -u LANGUAGE -u LC_MESSAGES LANG=zh_CN.UTF-8 "$PRESS" $args
done >"$d/zh.usage" 2>&1
if [ "$(head -n 1 "$d/zh.usage")" = '用法：press [-C 文件夹] 命令 [选项] ...' ] &&
    grep -q '^press: 未知命令“frobnicate”$' "$d/zh.usage" &&
    grep -q '^press: -j 需要一个不小于 1 的进程数$' "$d/zh.usage" &&
    grep -q '^press: -p x：端口是 0 到 65535 之间的数$' "$d/zh.usage" &&
    grep -q '^press: 用法：press check ' "$d/zh.usage" &&
    grep -q '^退出状态：' "$d/zh.usage" &&
    ! grep -q 'usage\|every issue\|Exit status\|unknown\|takes\|a port is' "$d/zh.usage"; then
	ok "languages: usage and command-line complaints are Chinese in zh_CN.UTF-8"
else
	notok "languages: usage and command-line complaints are Chinese in zh_CN.UTF-8" "$d/zh.usage"
fi
if msgfmt --check --statistics -o /dev/null po/zh_CN.po 2>"$d/stat" &&
    ! grep -q 'untranslated\|fuzzy' "$d/stat"; then
	ok "languages: po/zh_CN.po translates every message ($(cat "$d/stat"))"
else
	notok "languages: po/zh_CN.po translates every message" "$d/stat"
fi
xgettext --from-code=UTF-8 -k_ -kN_ --no-location -o "$d/press.pot" tools/*.c tools/*/*.c 2>/dev/null ||
    xgettext --from-code=UTF-8 -k_ -kN_ --no-location -o "$d/press.pot" tools/*.c
msgcmp po/zh_CN.po "$d/press.pot" >"$d/cmp" 2>&1
if [ $? -eq 0 ]; then
	ok "languages: every message id of the sources is in po/zh_CN.po"
else
	notok "languages: every message id of the sources is in po/zh_CN.po (make po)" "$d/cmp"
fi

# ---- install ---------------------------------------------------------------
if make -s install DESTDIR="$d/root" PREFIX=/opt/press >"$d/err" 2>&1 &&
    [ -x "$d/root/opt/press/bin/press" ] && [ -s "$d/root/opt/press/share/man/man1/press.1" ] &&
    [ -s "$d/root/opt/press/share/locale/zh_CN/LC_MESSAGES/press.mo" ] &&
    [ -s "$d/root/opt/press/share/press/templates/press.rng" ]; then
	ok "install: program, manual, catalogue and templates under DESTDIR/PREFIX"
else
	notok "install: program, manual, catalogue and templates under DESTDIR/PREFIX" "$d/err"
fi
rm -rf "$d/proj/out"
inst=$d/root/opt/press/bin/press
(cd "$proj/articles/2024-06-11" && env -u LC_ALL LANG=zh_CN.UTF-8 "$inst" preview -o "$d/ip" huairou.md) \
    >"$d/iout" 2>"$d/err"
(cd "$d/lone" && env -u LC_ALL LANG=zh_CN.UTF-8 "$inst" preview q.md) >/dev/null 2>>"$d/err"
if [ -s "$d/ip/huairou.html" ] && grep -q '引号未闭合' "$d/err"; then
	ok "install: the installed press works in a project without templates/, in Chinese"
else
	notok "install: the installed press works in a project without templates/, in Chinese" "$d/err"
fi

# ---- totals ----------------------------------------------------------------
# count FILE: "E W" as printed, then the summary's "E W".
count() {
	printf '%s %s / ' "$(grep -c ': error: ' "$1")" "$(grep -c ': warning: ' "$1")"
	sed -n 's/.*字: \([0-9]*\) errors\{0,1\}, \([0-9]*\) warnings\{0,1\};.*/\1 \2/p' "$1"
}
mkdir -p "$d/t/articles/2024-02-01"
printf 'name: 测试报\n' >"$d/t/articles/paper.yaml"
printf 'words:\n  再接再励: 再接再厉\n' >"$d/t/articles/house.yaml"
printf 'pages:\n  - no: 1\n    name: 要闻\n    stories: [a.md, b.md, c.md]\n' \
    >"$d/t/articles/2024-02-01/issue.yaml"
printf -- '---\ntitle: 甲\nsource: 来稿\n---\n\n我们再接再励，服务的的基础上继续。\n' \
    >"$d/t/articles/2024-02-01/a.md"
printf -- '---\ntitle: 乙\ngenre: 消息\n---\n\n服务的的基础上。\n' >"$d/t/articles/2024-02-01/b.md"
(cd "$d/t" && "$PRESS" check) >"$d/check" 2>&1
status=$?
got=$(count "$d/check")
if [ "$got" = "2 3 / 2 3" ] && [ "$status" -eq 1 ] &&
    grep -q '  errors: 1 in ' "$d/check"; then
	ok "totals: the summary counts every message printed, by level ($got)"
else
	notok "totals: the summary counts every message printed, by level ($got, exit $status)" "$d/check"
fi
rm "$d/t/articles/2024-02-01/a.md"
printf 'pages:\n  - no: 1\n    name: 要闻\n    stories: [b.md]\n' >"$d/t/articles/2024-02-01/issue.yaml"
rm "$d/t/articles/house.yaml"
(cd "$d/t" && "$PRESS" check articles) >"$d/check" 2>&1
status=$?
got=$(count "$d/check")
if [ "$got" = "0 2 / 0 2" ] && [ "$status" -eq 0 ] &&
    grep -q 'articles/house.yaml: warning: no house list' "$d/check" &&
    grep -q '^articles/2024-02-01 page 1 ' "$d/check"; then
	ok "totals: press check articles checks every issue, warnings only: exit 0 ($got)"
else
	notok "totals: press check articles checks every issue, warnings only: exit 0 ($got, exit $status)" "$d/check"
fi

# ---- bylines ---------------------------------------------------------------
# No role label in the C: press.h's table is made from words.xml.
grep -n '"[^"]*\(记者\|通讯员\|实习生\|作者\)"' tools/*.c tools/*/*.c >"$d/labels"
if [ ! -s "$d/labels" ] && grep -q '见习记者' templates/words.xml; then
	ok "bylines: the role labels are written in templates/words.xml, not in the C"
else
	notok "bylines: the role labels are written in templates/words.xml, not in the C" "$d/labels"
fi
b=$d/by
mkdir -p "$b/articles/2024-03-01"
printf 'name: 测试报\nurl: https://example.org/\n' >"$b/articles/paper.yaml"
printf 'pages:\n  - no: 1\n    name: 要闻\n    stories: [halfwidth.md, spaces.md, roles.md, xinhua.md]\n' \
    >"$b/articles/2024-03-01/issue.yaml"
for s in halfwidth spaces roles xinhua; do
	cp "tests/dateline/$s.md" "$b/articles/2024-03-01/"
done
(cd "$b" && "$PRESS" build) >/dev/null 2>"$b/err"
: >"$b/bad"
for s in halfwidth spaces roles xinhua; do
	for f in "site/2024-03-01/$s.html" "print/2024-03-01/$s.xml" \
	    "print/2024-03-01/$s.nitf.xml" "print/2024-03-01/$s.icml"; do
		n=$(grep -o '本报讯\|新华社北京' "$b/out/$f" | wc -l)
		[ "$n" -eq 1 ] || [ "${f%.nitf.xml}" != "$f" ] ||
		    echo "$f: the dateline $n times" >>"$b/bad"
		grep -q '连日来' "$b/out/$f" || [ "${f%.html}" = "$f" ] ||
		    echo "$f: no copy" >>"$b/bad"
	done
done
for f in site/2024-03-01/roles.html print/2024-03-01/roles.nitf.xml \
    print/2024-03-01/roles.icml; do
	for w in '见习记者</[a-z]*> \(<[^>]*>\)*张三\|见习记者 张三' '特约通讯员</[a-z]*> \(<[^>]*>\)*李四\|特约通讯员 李四' 赵五; do
		grep -q "$w" "$b/out/$f" || echo "$f: no $w" >>"$b/bad"
	done
done
grep -q '<contributor role="reporter" label="新华社记者">王路曼</contributor>' \
    "$b/out/print/2024-03-01/xinhua.xml" || echo "xinhua.xml: no 新华社记者" >>"$b/bad"
if [ ! -s "$b/bad" ]; then
	ok "bylines: web, story XML, NITF and ICML carry one dateline and every name"
else
	notok "bylines: web, story XML, NITF and ICML carry one dateline and every name" "$b/bad"
fi
# Header and body: agreeing, silent; differing, the names, in both languages.
for l in C zh_CN; do
	LC_ALL=$l.UTF-8 "$PRESS" check -a "$b/articles" tests/dateline/agree.md \
	    tests/dateline/differ.md >"$b/out.$l" 2>&1
done
if ! grep -q '^press: tests/dateline/agree.md' "$b/out.C" "$b/out.zh_CN" &&
    grep -q '^press: tests/dateline/differ.md:4:1: warning: the front matter and the dateline name different people: 王路曼 in the front matter, 张晶 in the dateline; the dateline.s is used$' "$b/out.C" &&
    grep -q '^press: tests/dateline/differ.md:4:1: 警告: 文件头与电头署名不一致：文件头为 王路曼，电头为 张晶；采用电头的署名$' "$b/out.zh_CN"; then
	ok "bylines: header and body that agree say nothing; that differ name who, in English and Chinese"
else
	notok "bylines: header and body that agree say nothing; that differ name who, in English and Chinese" "$b/out.C" "$b/out.zh_CN"
fi
# --fix: the house form of datelines and credits, then nothing to say.
mkdir -p "$b/fix"
for s in halfwidth spaces credits; do
	cp "tests/dateline/$s.md" "$b/fix/"
done
for l in C zh_CN; do
	rm -f "$b/fix"/*.md
	for s in halfwidth spaces credits; do
		cp "tests/dateline/$s.md" "$b/fix/"
	done
	(cd "$b/fix" && LC_ALL=$l.UTF-8 "$PRESS" check -a "$b/articles" --fix \
	    halfwidth.md spaces.md credits.md) >"$b/fix.$l" 2>&1
	(cd "$b/fix" && LC_ALL=$l.UTF-8 "$PRESS" check -a "$b/articles" \
	    halfwidth.md spaces.md credits.md) >"$b/again.$l" 2>&1
	if grep -q '^本报讯（记者 陈思远 通讯员 赵敏）连日来，' "$b/fix/halfwidth.md" &&
	    grep -q '^本报讯（记者 陈思远）连日来，' "$b/fix/spaces.md" &&
	    grep -q '^本报记者 孙妍 摄$' "$b/fix/credits.md" &&
	    [ "$(grep -c '^本报记者 孙妍 摄$' "$b/fix/credits.md")" -eq 2 ] &&
	    grep -q '^张三 摄影报道$' "$b/fix/credits.md" &&
	    ! grep -q '^press: [a-z]*\.md' "$b/again.$l"; then
		ok "bylines: --fix writes the house form of datelines and credits ($l.UTF-8)"
	else
		notok "bylines: --fix writes the house form of datelines and credits ($l.UTF-8)" \
		    "$b/fix.$l" "$b/again.$l"
	fi
done

# ---- unplaced -----------------------------------------------------------------
# A reporter's new story that no page places yet is proofread and measured
# when its issue folder is checked, not only when it is named alone.
mkdir -p "$d/u/articles/2024-03-01"
printf 'name: 测试报\n' >"$d/u/articles/paper.yaml"
printf 'pages:\n  - no: 1\n    name: 要闻\n    stories: [a.md]\n' \
    >"$d/u/articles/2024-03-01/issue.yaml"
printf -- '---\ntitle: 甲\n---\n\n正文。\n' >"$d/u/articles/2024-03-01/a.md"
printf -- '---\ntitle: 乙\n---\n\n服务的的基础上。\n' >"$d/u/articles/2024-03-01/new.md"
(cd "$d/u" && "$PRESS" check articles/2024-03-01) >"$d/unplaced" 2>&1
if grep -q 'new.md:5:3: warning: .*\[char-repeated\]' "$d/unplaced" &&
    grep -q '^articles/2024-03-01/new.md: 8 字' "$d/unplaced"; then
	ok "unplaced: a story on no page yet is proofread and measured with its folder"
else
	notok "unplaced: a story on no page yet is proofread and measured with its folder" \
	    "$d/unplaced"
fi
