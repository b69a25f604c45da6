// The page view printed from the browser: headless Chromium (Debian's,
// driven by playwright-core) prints each page to PDF on A4, pdftoppm
// (poppler-utils) renders every sheet in grey at 50 dpi, and the sheets
// are measured:
//
//   columns   the type area (from the leftmost to the rightmost ink) is
//             four columns; none is empty on any sheet
//   fill      on every sheet but the last, every column reaches within
//             four lines of the foot of the type area (A4 less the 14 mm
//             bottom margin of press.css): a headline block is never left
//             at a foot without two lines of its text under it
//
// usage: node tests/web/print.mjs --site DIR --tmp DIR FILE.html...
// Prints "ok   NAME" or "FAIL NAME" with details indented by 4 spaces;
// exits 1 on a failure, 2 on a usage error.
import { launch } from './browser.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { resolve, join, basename } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let site = null, tmp = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--site') site = args[++i];
  else if (args[i] === '--tmp') tmp = args[++i];
  else files.push(args[i]);
}
if (!site || !tmp || files.length === 0) {
  console.error('usage: print.mjs --site DIR --tmp DIR FILE...');
  process.exit(2);
}
mkdirSync(tmp, { recursive: true });

const dpi = 50;
const mm = dpi / 25.4;
const line = 1.75 * 9 / 72 * dpi; // a body line of 9pt at 1.75
const dark = 160;

// A binary PGM (P5) as { w, h, px }.
function pgm(path) {
  const b = readFileSync(path);
  const head = [];
  let i = 0;
  while (head.length < 4) {
    while (/\s/.test(String.fromCharCode(b[i]))) i++;
    if (b[i] === 0x23) { while (b[i] !== 0x0a) i++; continue; }
    let t = '';
    while (!/\s/.test(String.fromCharCode(b[i]))) t += String.fromCharCode(b[i++]);
    head.push(t);
  }
  i++;
  return { w: Number(head[1]), h: Number(head[2]), px: b.subarray(i) };
}

const browser = await launch();
const columns = [], fill = [];
let sheets = 0, lowest = Infinity;
for (const file of files) {
  const page = await browser.newPage();
  await page.route(/^(https?|wss?|ftp):/, (route) => route.abort());
  await page.goto(pathToFileURL(resolve(site, file)).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  const name = file.replace(/\.html$/, '').replace(/[\/\\]/g, '-');
  const pdf = join(tmp, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  await page.close();
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', pdf, join(tmp, name)]);
  const pngs = readdirSync(tmp).filter((f) => f.startsWith(name + '-') && f.endsWith('.pgm')).sort();
  pngs.forEach((f, n) => {
    sheets++;
    const { w, h, px } = pgm(join(tmp, f));
    const foot = h - 14 * mm;
    let x0 = w, x1 = 0;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        if (px[y * w + x] < dark) { if (x < x0) x0 = x; if (x > x1) x1 = x; }
    const band = (x1 - x0 + 1) / 4;
    const at = `${file} sheet ${n + 1} of ${pngs.length}`;
    for (let c = 0; c < 4; c++) {
      const l = Math.round(x0 + c * band + band * 0.2), r = Math.round(x0 + (c + 1) * band - band * 0.2);
      let bottom = -1;
      for (let y = h - 1; y >= 0 && bottom < 0; y--)
        for (let x = l; x < r; x++) if (px[y * w + x] < dark) { bottom = y; break; }
      if (bottom < 0) { columns.push(`${at}: column ${c + 1} is empty`); continue; }
      if (n < pngs.length - 1) {
        lowest = Math.min(lowest, (foot - bottom) / line);
        if (foot - bottom > 4 * line)
          fill.push(`${at}: column ${c + 1} ends ${((foot - bottom) / line).toFixed(1)} lines above the foot`);
      }
    }
  });
}
await browser.close();
let failed = 0;
const report = (title, list) => {
  if (list.length === 0) { console.log(`ok   ${title}`); return; }
  failed++;
  console.log(`FAIL ${title}`);
  for (const p of list.slice(0, 20)) console.log(`    ${p}`);
};
report(`print: ${files.length} pages on ${sheets} A4 sheets, four columns, none empty`, columns);
report(`print: every sheet but the last filled to within four lines of its foot${lowest < Infinity ? ` (the most left ${Math.max(0, lowest).toFixed(1)} lines)` : ''}`, fill);
process.exit(failed ? 1 : 0);
