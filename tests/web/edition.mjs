// The 电子版 in headless Chromium (Debian's, driven by playwright-core),
// each page at each width:
//
//   words     every headline (.headline) breaks between words only: a
//             line of it starts after a <wbr> (press:words, ICU's word
//             break), a space, or a punctuation mark, never inside a
//             word (开/展)
//   strip     the 版面导航 is one row at 390 px (it scrolls sideways),
//             and no page is wider than the screen
//
// and saves a full-page screenshot of each as SHOTS/edition-<name>-<w>.png
// (name: the file's path with / as -, without .html).
//
// usage: node tests/web/edition.mjs --site DIR [--shots DIR]
//        [--widths 390,1024,1440] FILE.html...
// Prints "ok   NAME" or "FAIL NAME" with details indented by 4 spaces;
// exits 1 on a failure, 2 on a usage error.
import { launch } from './browser.mjs';
import { mkdirSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let site = null, shots = null, widths = [390, 1024, 1440];
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--site') site = args[++i];
  else if (args[i] === '--shots') shots = args[++i];
  else if (args[i] === '--widths') widths = args[++i].split(',').map(Number);
  else files.push(args[i]);
}
if (!site || files.length === 0 || widths.some((w) => !(w > 0))) {
  console.error('usage: edition.mjs --site DIR [--shots DIR] [--widths 390,1024,1440] FILE...');
  process.exit(2);
}
if (shots) mkdirSync(shots, { recursive: true });

const browser = await launch();

// Runs in the page: the headlines' line breaks that fall inside a word,
// the number of breaks seen, and the 版面导航's rows.
function inspect() {
  const bad = [];
  let breaks = 0;
  // A line may start after these, or before the openers.
  const after = '，。、；：？！）》〉」』】〕’”…—·,.;:?!)]}%％ ';
  const before = '（《〈「『【〔‘“([{';
  const range = document.createRange();
  for (const h of document.querySelectorAll('.headline')) {
    const text = h.textContent.replace(/\s+/g, ' ').trim();
    const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    let prev = null, wbr = false, shown = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === 1) {
        if (node.localName === 'wbr') wbr = true;
        continue;
      }
      for (let i = 0; i < node.data.length; i++) {
        const ch = node.data[i];
        if (/\s/.test(ch)) { wbr = true; shown += ' '; continue; }
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getClientRects()[0];
        if (!r || r.width === 0) continue;
        if (prev && Math.abs(r.top - prev.top) > prev.height / 2) {
          breaks++;
          shown += '/';
          if (!wbr && !after.includes(prev.ch) && !before.includes(ch))
            bad.push(`${JSON.stringify(text)} breaks inside a word at ${prev.ch}/${ch}`);
        }
        shown += ch;
        prev = { ch, top: r.top, height: r.height };
        wbr = false;
      }
    }
  }
  let rows = 0;
  const nav = document.querySelector('.edition-nav ol');
  if (nav) rows = new Set([...nav.querySelectorAll('a')].map((a) => Math.round(a.getBoundingClientRect().top))).size;
  const de = document.documentElement;
  return { bad, breaks, rows, overflow: de.scrollWidth > window.innerWidth };
}

let failed = 0;
const words = [], strip = [];
let totalBreaks = 0, saved = 0;
for (const file of files) {
  const url = pathToFileURL(resolve(site, file)).href;
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    await context.route(/^(https?|wss?|ftp):/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const r = await page.evaluate(inspect);
    totalBreaks += r.breaks;
    for (const b of r.bad) words.push(`${file} ${width}px: ${b}`);
    if (width <= 400 && r.rows > 1) strip.push(`${file} ${width}px: the 版面导航 takes ${r.rows} rows`);
    if (r.overflow) strip.push(`${file} ${width}px: wider than the screen`);
    if (shots) {
      const name = file.replace(/\.html$/, '').replace(/[\/\\]/g, '-');
      await page.screenshot({ path: join(shots, `edition-${name}-${width}.png`), fullPage: true });
      saved++;
    }
    await context.close();
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
report(`chromium: headlines break between words only (${files.length} pages at ${widths.join(', ')} px, ${totalBreaks} breaks)`, words);
report('chromium: the 版面导航 is one strip at 390 px, no page wider than the screen', strip);
if (shots) console.log(`ok   chromium: ${saved} screenshots of the edition in ${shots}`);
process.exit(failed ? 1 : 0);
