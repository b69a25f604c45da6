// Writes every example of the CommonMark spec (npm commonmark-spec,
// pinned in package-lock.json) and every extension example of the GFM
// spec (tests/spec/gfm-spec.txt) as a story of one issue under DIR:
// DIR/articles/paper.yaml, DIR/articles/2024-01-01/{issue.yaml,NAME.md}
// and the spec's HTML as DIR/expected/NAME.html.  NAME is cm-NNN (the
// CommonMark example number) or gfm-NNN (the GFM spec's number).
'use strict';
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
const art = path.join(dir, 'articles', '2024-01-01');
fs.mkdirSync(art, { recursive: true });
fs.mkdirSync(path.join(dir, 'expected'), { recursive: true });
const pad = (n) => String(n).padStart(3, '0');
const examples = require('commonmark-spec').tests.map((t) =>
	({ name: 'cm-' + pad(t.number), markdown: t.markdown, html: t.html }));
const gfm = fs.readFileSync(path.join(__dirname, 'gfm-spec.txt'), 'utf8');
let n = 0;
gfm.replace(/^`{32} example( [a-z]+)?\n([\s\S]*?)^\.\n([\s\S]*?)^`{32}$/gm,
	(_, kind, markdown, html) => {
		n++;
		if (kind && kind !== ' disabled')
			examples.push({ name: 'gfm-' + pad(n), markdown, html });
	});
const names = [];
for (const e of examples) {
	const md = e.markdown.replace(/→/g, '\t');
	fs.writeFileSync(path.join(art, e.name + '.md'),
		'---\ntitle: 例\n---\n\n' + md);
	fs.writeFileSync(path.join(dir, 'expected', e.name + '.html'),
		'<html><head><meta charset="utf-8"></head><body><div class="story-body">' +
		e.html.replace(/→/g, '\t') + '</div></body></html>\n');
	names.push(e.name + '.md');
}
fs.writeFileSync(path.join(dir, 'articles', 'paper.yaml'),
	'name: 测试报\nurl: https://example.org/\n');
fs.writeFileSync(path.join(art, 'issue.yaml'),
	'pages:\n  - no: 1\n    name: 规范\n    stories: [' + names.join(', ') + ']\n');
console.log(examples.length);
