// Loads pages of the web edition in headless Chromium (Debian's, driven by
// playwright-core) at each width and checks what a reader would see:
//
//   overflow     no horizontal scrolling: scrollWidth <= innerWidth
//   headlines    every headline (.headline, h1) has a box on the screen
//                and is not hidden
//   punctuation  no closing mark (，。、；：？！）》”’ …) starts a line and
//                no opening mark (（《“‘ …) ends one, and …… and —— are
//                never split, in body text, captions and headlines
//   fonts        every @font-face the page uses loads from a local() font
//   requests     nothing is fetched but file: and data: URLs
//
// and saves a full-page screenshot of each as SHOTS/<name>-<width>.png,
// where name is the file's path with / as -, without .html; a last line
// says how many were saved.
//
// usage: node tests/web/shots.mjs --site DIR [--shots DIR]
//        [--widths 1440,390] FILE.html...       (FILEs relative to DIR)
// Prints "ok   chromium: FILE ..." or "FAIL chromium: FILE" with the
// details indented by 4 spaces, one line per file; exits 1 on a failure,
// 2 on a usage error.
import { launch } from './browser.mjs';
import { mkdirSync, statSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let site = null, shots = null, widths = [1440, 390];
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--site') site = args[++i];
  else if (args[i] === '--shots') shots = args[++i];
  else if (args[i] === '--widths') widths = args[++i].split(',').map(Number);
  else files.push(args[i]);
}
if (!site || files.length === 0 || widths.some((w) => !(w > 0))) {
  console.error('usage: shots.mjs --site DIR [--shots DIR] [--widths 1440,390] FILE...');
  process.exit(2);
}
if (shots) mkdirSync(shots, { recursive: true });

const browser = await launch();

// Runs in the page: the problems found, as strings.
function inspect() {
  const problems = [];
  const de = document.documentElement;
  if (de.scrollWidth > window.innerWidth) {
    let widest = '';
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > window.innerWidth + 1) {
        widest = `${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} reaches ${Math.round(r.right)}px`;
        break;
      }
    }
    problems.push(`overflow: scrollWidth ${de.scrollWidth} > innerWidth ${window.innerWidth}${widest ? ' (' + widest + ')' : ''}`);
  }

  const heads = [...document.querySelectorAll('.headline, h1')];
  if (heads.length === 0) problems.push('headlines: none found');
  for (const h of heads) {
    const r = h.getBoundingClientRect();
    const cs = getComputedStyle(h);
    const name = JSON.stringify(h.textContent.trim().slice(0, 30));
    let hidden = r.width < 1 || r.height < 1 || cs.visibility !== 'visible' ||
      h.closest('[hidden]') !== null || h.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) === false;
    if (hidden) problems.push(`headlines: ${name} is not visible`);
    else if (r.left < -1 || r.right > window.innerWidth + 1)
      problems.push(`headlines: ${name} is off the screen (${Math.round(r.left)}..${Math.round(r.right)}px)`);
  }

  // Line starts, found from the boxes of the characters.
  const noStart = '，。、；：？！）》〉」』】〕’”％,.;:?!)]}';
  const noEnd = '（《〈「『【〔‘“([{';
  const pairs = '…—';
  const blocks = document.querySelectorAll('.story-body p, .caption, .credit, .headline, .kicker, .subtitle, .banner');
  const range = document.createRange();
  let lines = 0;
  for (const block of blocks) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let prev = null; // {ch, top, height}
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (/\s/.test(ch)) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rects = range.getClientRects();
        if (rects.length === 0) continue;
        const r = rects[0];
        if (r.width === 0) continue;
        const newLine = prev === null || Math.abs(r.top - prev.top) > prev.height / 2;
        if (newLine && prev !== null) {
          lines++;
          const at = JSON.stringify(text.slice(Math.max(0, i - 6), i + 6));
          if (noStart.includes(ch)) problems.push(`punctuation: line starts with ${ch} in ${at}`);
          if (noEnd.includes(prev.ch)) problems.push(`punctuation: line ends with ${prev.ch} before ${at}`);
          if (pairs.includes(ch) && prev.ch === ch) problems.push(`punctuation: ${ch}${ch} split across lines in ${at}`);
        }
        prev = { ch, top: r.top, height: r.height };
      }
    }
  }

  const faces = [...document.fonts].filter((f) => f.status === 'error')
    .map((f) => `${f.family} ${f.weight}`);
  if (faces.length) problems.push(`fonts: no local font for ${faces.join(', ')}`);
  const loaded = [...document.fonts].filter((f) => f.status === 'loaded').length;
  return { problems, lines, loaded, headlines: heads.length };
}

let failed = 0, saved = 0;
for (const file of files) {
  const url = pathToFileURL(resolve(site, file)).href;
  const problems = [];
  const notes = [];
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const external = [];
    page.on('request', (req) => {
      const u = req.url();
      if (!u.startsWith('file:') && !u.startsWith('data:')) external.push(u);
    });
    await context.route(/^(https?|wss?|ftp):/, (route) => route.abort());
    let result;
    try {
      const resp = await page.goto(url, { waitUntil: 'load' });
      if (resp && !resp.ok()) problems.push(`${width}px: cannot load ${file}`);
      await page.evaluate(() => document.fonts.ready);
      result = await page.evaluate(inspect);
    } catch (e) {
      problems.push(`${width}px: ${e.message.split('\n')[0]}`);
      await context.close();
      continue;
    }
    for (const p of result.problems) problems.push(`${width}px: ${p}`);
    for (const u of external) problems.push(`${width}px: requests: fetched ${u}`);
    notes.push(`${width}px ${result.headlines} headlines ${result.lines} line breaks`);
    if (shots) {
      const name = file.replace(/\.html$/, '').replace(/[\/\\]/g, '-');
      const png = join(shots, `${name}-${width}.png`);
      await page.screenshot({ path: png, fullPage: true });
      try { if (statSync(png).size > 0) saved++; } catch { problems.push(`${width}px: no screenshot ${png}`); }
    }
    await context.close();
  }
  if (problems.length) {
    failed++;
    console.log(`FAIL chromium: ${file}`);
    for (const p of problems.slice(0, 20)) console.log(`    ${p}`);
    if (problems.length > 20) console.log(`    … ${problems.length - 20} more`);
  } else {
    console.log(`ok   chromium: ${file} (${notes.join(', ')})`);
  }
}
await browser.close();
if (shots) {
  const want = files.length * widths.length;
  if (saved === want) console.log(`ok   chromium: ${saved} screenshots saved in ${shots}`);
  else { failed++; console.log(`FAIL chromium: ${saved} screenshots saved in ${shots}, want ${want}`); }
}
process.exit(failed ? 1 : 0);
