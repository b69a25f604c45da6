// axe-core (pinned in package.json) over pages of the web edition in
// headless Chromium, at each width, for WCAG 2.0 and 2.1 A and AA: no
// violation may remain.
//
// usage: node tests/web/axe.mjs --site DIR [--widths 390,1440] FILE.html...
// Prints "ok   axe: …" or "FAIL axe: …" with each violation (rule,
// impact, page, width, the first elements) indented by 4 spaces; exits 1
// on a violation, 2 on a usage error.
import { launch } from './browser.mjs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let site = null, widths = [390, 1440];
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--site') site = args[++i];
  else if (args[i] === '--widths') widths = args[++i].split(',').map(Number);
  else files.push(args[i]);
}
if (!site || files.length === 0 || widths.some((w) => !(w > 0))) {
  console.error('usage: axe.mjs --site DIR [--widths 390,1440] FILE...');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const axeSource = readFileSync(axePath, 'utf8');
const version = JSON.parse(readFileSync(resolve(axePath, '../package.json'), 'utf8')).version;

const browser = await launch();
const found = [];
let checked = 0;
for (const file of files) {
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    await context.route(/^(https?|wss?|ftp):/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(pathToFileURL(resolve(site, file)).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }));
    for (const v of result.violations) {
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ');
      found.push(`${file} ${width}px: ${v.id} (${v.impact}, ${v.nodes.length}): ${where}`);
    }
    checked++;
    await context.close();
  }
}
await browser.close();
const what = `axe-core ${version}: WCAG 2.1 A and AA, ${files.length} pages at ${widths.join(' and ')} px`;
if (found.length === 0) {
  console.log(`ok   ${what}, no violation`);
} else {
  console.log(`FAIL ${what}: ${found.length} violations`);
  for (const f of found.slice(0, 30)) console.log(`    ${f}`);
}
process.exit(found.length ? 1 : 0);
