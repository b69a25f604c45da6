// The page view laid out as a newspaper designer wants it, in headless
// Chromium (Debian's, driven by playwright-core), each page at each width:
//
//   holes     no empty band taller than two body lines (--max-hole) in
//             any column of the page grid: the columns of the grid (its
//             tracks) are followed from the grid's top to the lowest ink
//             in it, ink being lines of text, photos, and a headline
//             block, banner or figure across every column it covers.  The
//             end of a story's text in the last of its k columns may be
//             up to k lines (balanced lines leave that column up to k - 1
//             short, and the row's gap follows)
//   rules     no rule at a column top: a rule drawn between stories
//             (a border, or a row rule in a gap) has ink above it in
//             every column it crosses, after the rule before it (a box
//             framed on all four sides counts as ink)
//   boxed     every story is one rectangle: its headline block across
//             the columns its text takes, no text outside them, not
//             split over a flow of other stories
//   root      (--root-size N) with the root font size at N, a column of
//             the grid is still --measure (13em) wide, never narrower
//
// usage: node tests/web/layout.mjs --site DIR [--widths 960,1024,1183,1280,1440]
//        [--max-hole 2] [--root-size 20px] FILE.html...
// Prints "ok   NAME" or "FAIL NAME" with details indented by 4 spaces;
// exits 1 on a failure, 2 on a usage error.
import { launch } from './browser.mjs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let site = null, root = null, most = 2, widths = [960, 1024, 1183, 1280, 1440];
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--site') site = args[++i];
  else if (args[i] === '--widths') widths = args[++i].split(',').map(Number);
  else if (args[i] === '--root-size') root = args[++i];
  else if (args[i] === '--max-hole') most = Number(args[++i]);
  else files.push(args[i]);
}
if (!site || files.length === 0 || widths.some((w) => !(w > 0))) {
  console.error('usage: layout.mjs --site DIR [--widths 960,...] [--root-size 20px] FILE...');
  process.exit(2);
}

const browser = await launch();

// Runs in the page: the holes, rules at a column top, unboxed stories.
function inspect(most) {
  const out = { holes: [], rules: [], boxed: [], cols: 0, colWidth: 0, em: 0, worst: 0, ends: 0 };
  const main = document.querySelector('main.page-grid');
  if (!main) return out;
  const cs = getComputedStyle(main);
  const mr = main.getBoundingClientRect();
  const p = main.querySelector('.story-body p');
  const em = parseFloat(getComputedStyle(p || main).fontSize);
  const line = parseFloat(getComputedStyle(p || main).lineHeight) || em * 1.75;
  out.em = em;
  // The grid's columns, from its tracks.
  const cols = [];
  if (cs.display === 'grid') {
    const gap = parseFloat(cs.columnGap) || 0;
    let x = mr.left + parseFloat(cs.paddingLeft) + parseFloat(cs.borderLeftWidth);
    for (const t of cs.gridTemplateColumns.split(' ')) {
      const w = parseFloat(t);
      cols.push([x, x + w]);
      x += w + gap;
    }
  } else {
    cols.push([mr.left, mr.right]);
  }
  out.cols = cols.length;
  out.colWidth = cols[0][1] - cols[0][0];

  // Ink: headline blocks, figures and photos whole; text line by line.
  const ink = [];
  const whole = main.querySelectorAll('.story-head, figure, img, .banner, table');
  const tag = (r, el) => {
    r.what = el.className || el.localName;
    r.story = el.closest('.story');
    r.text = !el.closest('.story-head, figure, table, .banner');
    return r;
  };
  for (const el of whole)
    for (const r of el.getClientRects()) if (r.width > 0 && r.height > 0) ink.push(tag(r, el));
  const range = document.createRange();
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.data.trim() || n.parentElement.closest('.story-head, figure, table')) continue;
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) ink.push(tag(r, n.parentElement));
  }
  const inCol = (r, c) => Math.min(r.right, c[1]) - Math.max(r.left, c[0]) > (c[1] - c[0]) / 2;
  const bottom = Math.max(...ink.map((r) => r.bottom));
  // The columns each story's text takes.
  const spans = new Map();
  for (const r of ink) {
    if (!r.text || !r.story) continue;
    const k = cols.findIndex((c) => inCol(r, c));
    if (k < 0) continue;
    const s = spans.get(r.story) || new Set();
    s.add(k);
    spans.set(r.story, s);
  }
  cols.forEach((c, i) => {
    const mine = ink.filter((r) => inCol(r, c)).sort((a, b) => a.top - b.top);
    let at = mr.top, last = null;
    const check = (top, what) => {
      const gap = top - at;
      // The end of a story's text in the last of its k columns: balanced
      // lines leave that column up to k - 1 lines short.
      const s = last && last.text && last.story && spans.get(last.story);
      if (s && s.size > 1 && i === Math.max(...s) && (!what || what.story !== last.story)) {
        out.ends = Math.max(out.ends, gap / line);
        if (gap > (s.size - 1 + 1) * line)
          out.holes.push(`column ${i + 1}: ${(gap / line).toFixed(1)} lines empty at the end of a story over ${s.size} columns, at ${Math.round(at - mr.top)}px`);
        return;
      }
      out.worst = Math.max(out.worst, gap / line);
      if (gap > most * line)
        out.holes.push(`column ${i + 1}: ${(gap / line).toFixed(1)} lines empty at ${Math.round(at - mr.top)}px (under ${last ? last.what : 'the top'}, over ${what ? what.what : 'the bottom'})`);
    };
    for (const r of mine) {
      check(r.top, r);
      if (r.bottom > at) { at = r.bottom; last = r; }
    }
    check(bottom, null);
  });

  // Rules between stories: borders of the blocks in the grid, and row
  // rules in the gaps of a flex or grid container.
  const rules = [];
  const framed = (s) => ['Top', 'Right', 'Bottom', 'Left'].every((e) =>
    parseFloat(s[`border${e}Width`]) > 0 && s[`border${e}Style`] !== 'none');
  for (const el of main.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    const rects = el.getClientRects();
    if (rects.length === 0) continue;
    // A frame (a photo story's box) is part of what it holds: ink.
    if (framed(s)) { for (const r of rects) ink.push(r); continue; }
    if (parseFloat(s.borderTopWidth) > 0 && s.borderTopStyle !== 'none')
      rules.push({ y: rects[0].top, l: rects[0].left, r: rects[0].right, el });
    if (parseFloat(s.borderBottomWidth) > 0 && s.borderBottomStyle !== 'none') {
      const last = rects[rects.length - 1];
      rules.push({ y: last.bottom, l: last.left, r: last.right, el });
    }
    const rw = parseFloat(s.getPropertyValue('row-rule-width'));
    if (rw > 0 && s.getPropertyValue('row-rule-style') !== 'none' &&
        /flex|grid/.test(s.display)) {
      const kids = [...el.children].filter((k) => k.getClientRects().length);
      for (let k = 1; k < kids.length; k++) {
        const a = kids[k - 1].getBoundingClientRect(), b = kids[k].getBoundingClientRect();
        if (b.top >= a.bottom - 1) rules.push({ y: (a.bottom + b.top) / 2, l: b.left, r: b.right, el: kids[k] });
      }
    }
  }
  const name = (el) => {
    const st = el.closest('.story');
    const h = st && st.querySelector('.headline');
    return h ? JSON.stringify(h.textContent.trim().slice(0, 16)) : el.className || el.localName;
  };
  for (const rule of rules) {
    if (rule.r - rule.l < out.colWidth / 2) continue;
    for (const [i, c] of cols.entries()) {
      if (Math.min(rule.r, c[1]) - Math.max(rule.l, c[0]) < (c[1] - c[0]) / 2) continue;
      // the nearest rule above it in this column, or the grid's top
      let above = mr.top - 1;
      for (const o of rules)
        if (o !== rule && o.y < rule.y - 1 && o.y > above &&
            Math.min(o.r, c[1]) - Math.max(o.l, c[0]) >= (c[1] - c[0]) / 2)
          above = o.y;
      const inked = ink.some((r) => inCol(r, c) && r.bottom > above + 1 && r.bottom <= rule.y + 1);
      if (!inked) {
        out.rules.push(`column ${i + 1}: the rule over ${name(rule.el)} at ${Math.round(rule.y - mr.top)}px has no text above it`);
        break;
      }
    }
  }

  // Wide stories are boxes.
  for (const st of main.querySelectorAll('.story')) {
    const frags = st.getClientRects();
    const head = st.querySelector('.story-head').getBoundingClientRect();
    const body = st.querySelector('.story-body');
    const text = [];
    const w = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      if (!n.data.trim()) continue;
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 0) text.push(r);
    }
    const left = Math.min(...text.map((r) => r.left)), right = Math.max(...text.map((r) => r.right));
    if (text.length === 0) continue;
    if (frags.length !== 1)
      out.boxed.push(`${name(st)} is split in ${frags.length} pieces`);
    else if (head.left > left + 2 || head.right < right - 2 || text.some((r) => r.top < head.bottom - 1))
      out.boxed.push(`${name(st)}: its headline block (${Math.round(head.left)}..${Math.round(head.right)}px) is not across its text (${Math.round(left)}..${Math.round(right)}px)`);
  }
  return out;
}

let failed = 0;
const holes = [], rules = [], boxed = [], rootBad = [];
let worst = 0, ends = 0, seen = 0;
for (const file of files) {
  const url = pathToFileURL(resolve(site, file)).href;
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    await context.route(/^(https?|wss?|ftp):/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    if (root) await page.addStyleTag({ content: `:root { --body-size: ${root}; }` });
    await page.evaluate(() => document.fonts.ready);
    const r = await page.evaluate(inspect, most);
    await context.close();
    if (r.cols === 0) continue;
    seen++;
    worst = Math.max(worst, r.worst);
    ends = Math.max(ends, r.ends);
    const at = `${file} ${width}px (${r.cols} columns)`;
    for (const h of r.holes) holes.push(`${at}: ${h}`);
    for (const h of r.rules) rules.push(`${at}: ${h}`);
    for (const h of r.boxed) boxed.push(`${at}: ${h}`);
    if (root && r.cols > 1 && r.colWidth < 13 * r.em - 1)
      rootBad.push(`${at}: a column is ${(r.colWidth / r.em).toFixed(2)}em at ${r.em}px text`);
  }
}
await browser.close();
const report = (name, list) => {
  if (list.length === 0) { console.log(`ok   ${name}`); return; }
  failed++;
  console.log(`FAIL ${name}`);
  for (const p of list.slice(0, 20)) console.log(`    ${p}`);
  if (list.length > 20) console.log(`    … ${list.length - 20} more`);
};
const where = `${files.length} pages at ${widths.join(', ')} px`;
if (seen === 0) { console.log(`FAIL layout: no page grid in ${where}`); process.exit(1); }
if (root) {
  report(`layout: with the root font at ${root}, every column is still 13em (${where})`, rootBad);
} else {
  report(`layout: no hole over ${most} lines in any column (${where}; the largest ${worst.toFixed(1)} lines, ${ends.toFixed(1)} at a story's end)`, holes);
  report(`layout: no rule at a column top (${where})`, rules);
  report(`layout: every story is a box, its headline across its columns (${where})`, boxed);
}
process.exit(failed ? 1 : 0);
