// 搜索 in headless Chromium (Debian's, driven by playwright-core): the
// built site served over HTTP from 127.0.0.1 (fetch() does not read
// file: URLs), search.html at each width:
//
//   results   typing the query and Enter shows results: each a headline
//             linking to its story, a date, 第NN版, and a snippet with
//             the query in <mark>; newest first
//   shards    the page loads index.json, the shards of the query's
//             terms (FNV-1a of a term's UTF-8 bytes mod the shards, as
//             tools/search.c writes them) and no other, each holding
//             its term; docs blocks and texts of the results; nothing
//             from outside the site; no page wider than the screen
//   axe       axe-core over the page with its results: no WCAG 2.1 A or
//             AA violation
//   noscript  without script the form is hidden and the page links 往期
//
// and saves a screenshot of the results as SHOTS/edition-search-<w>.png.
//
// usage: node tests/web/search.mjs --site DIR --query WORDS
//        [--shots DIR] [--widths 390,1024,1440] [--axe 390,1440]
// Prints "ok   NAME" or "FAIL NAME" with details indented by 4 spaces;
// exits 1 on a failure, 2 on a usage error.
import { launch } from './browser.mjs';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, resolve } from 'node:path';

const args = process.argv.slice(2);
let site = null, shots = null, query = null, widths = [390, 1024, 1440], axeWidths = [390, 1440];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--site') site = args[++i];
  else if (args[i] === '--shots') shots = args[++i];
  else if (args[i] === '--query') query = args[++i];
  else if (args[i] === '--widths') widths = args[++i].split(',').map(Number);
  else if (args[i] === '--axe') axeWidths = args[++i].split(',').map(Number);
}
if (!site || !query || widths.some((w) => !(w > 0))) {
  console.error('usage: search.mjs --site DIR --query WORDS [--shots DIR] [--widths 390,1024,1440] [--axe 390,1440]');
  process.exit(2);
}
if (shots) mkdirSync(shots, { recursive: true });
site = resolve(site);

const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x/').pathname);
  const file = join(site, path.endsWith('/') ? path + 'index.html' : path);
  try {
    if (!file.startsWith(site) || !statSync(file).isFile()) throw new Error();
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

// The shards a query needs, as tools/search.c and search.js agree.
const manifest = JSON.parse(readFileSync(join(site, 'search/index.json'), 'utf8'));
function terms(s) {
  const out = [];
  let word = '', prev = null;
  for (const ch of s.toLowerCase() + ' ') {
    const c = ch.codePointAt(0);
    if (/[a-z0-9]/.test(ch)) word += ch;
    else if (word) { out.push(word); word = ''; }
    const han = (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff);
    if (han && prev !== null) out.push(prev + ch);
    prev = han ? ch : null;
  }
  return out;
}
function fnv(s) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s, 'utf8')) h = Math.imul(h ^ b, 16777619) >>> 0;
  return h;
}
const want = [...new Set(terms(query).map((t) => `terms-${fnv(t) % manifest.shards}.json`))].sort();
const words = query.split(/\s+/).filter(Boolean);

const require = createRequire(import.meta.url);
let axeSource = null;
try { axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'); } catch { /* below */ }

const browser = await launch();
const problems = { results: [], shards: [], axe: [], noscript: [] };
let shown = 0, saved = 0;
for (const width of widths) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  const requests = [];
  await context.route(/.*/, (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith(origin + '/')) route.continue();
    else route.abort();
  });
  const page = await context.newPage();
  await page.goto(`${origin}/search.html`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  await page.fill('#q', query);
  await page.press('#q', 'Enter');
  try {
    await page.waitForSelector('#search-results li', { timeout: 10000 });
  } catch {
    problems.results.push(`${width}px: no result; status "${await page.textContent('#search-status')}"`);
    await context.close();
    continue;
  }
  const got = await page.evaluate(() => {
    const out = [];
    for (const li of document.querySelectorAll('#search-results li')) {
      out.push({
        href: li.querySelector('h2 a')?.getAttribute('href') || '',
        headline: li.querySelector('h2 a')?.textContent || '',
        date: li.querySelector('time')?.getAttribute('datetime') || '',
        meta: li.querySelector('.meta')?.textContent || '',
        marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
        snippetMarks: li.querySelectorAll('.snippet mark').length,
      });
    }
    return { out, wide: document.documentElement.scrollWidth > window.innerWidth,
             status: document.getElementById('search-status').textContent };
  });
  shown = got.out.length;
  for (const r of got.out) {
    if (!/\.html$/.test(r.href) || !r.headline) problems.results.push(`${width}px: no headline link: ${JSON.stringify(r)}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.date) || !/第\d\d版/.test(r.meta)) problems.results.push(`${width}px: no date or 第NN版: ${r.meta}`);
    if (r.snippetMarks === 0) problems.results.push(`${width}px: no <mark> in the snippet of ${r.headline}`);
    if (r.marks.some((m) => !words.includes(m))) problems.results.push(`${width}px: marked ${r.marks.join('|')}, not ${query}`);
  }
  const dates = got.out.map((r) => r.date);
  if (dates.join() !== [...dates].sort().reverse().join()) problems.results.push(`${width}px: not newest first: ${dates}`);
  if (got.wide) problems.results.push(`${width}px: the page is wider than the screen`);
  const asked = requests.map((u) => u.startsWith(origin + '/') ? new URL(u).pathname : u);
  const outside = asked.filter((u) => !u.startsWith('/'));
  const shardsAsked = [...new Set(asked.filter((u) => /^\/search\/terms-/.test(u)).map((u) => u.replace(/^\/search\//, '')))].sort();
  if (outside.length) problems.shards.push(`${width}px: requests outside the site: ${outside}`);
  if (shardsAsked.join() !== want.join()) problems.shards.push(`${width}px: loaded ${shardsAsked}, want ${want}`);
  if (manifest.shards > 1 && shardsAsked.length >= manifest.shards) problems.shards.push(`${width}px: loaded every shard`);
  for (const t of terms(query)) {
    const shard = JSON.parse(readFileSync(join(site, 'search', `terms-${fnv(t) % manifest.shards}.json`), 'utf8'));
    if (!shard[t]) problems.shards.push(`term ${t} is not in its shard`);
  }
  if (axeSource && axeWidths.includes(width)) {
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }));
    for (const v of result.violations) {
      problems.axe.push(`${width}px: ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
    }
  }
  if (shots) {
    await page.screenshot({ path: join(shots, `edition-search-${width}.png`), fullPage: true });
    saved++;
  }
  await context.close();
}
// Without script.
{
  const context = await browser.newContext({ viewport: { width: 390, height: 900 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${origin}/search.html`, { waitUntil: 'load' });
  const seen = await page.evaluate(() => ({
    form: !!document.querySelector('.search-form') && document.querySelector('.search-form').offsetParent !== null,
    note: document.querySelector('.search-note')?.textContent || '',
    link: [...document.querySelectorAll('.search-note a')].map((a) => a.getAttribute('href')),
  }));
  if (seen.form) problems.noscript.push('the form shows without script');
  if (!/脚本/.test(seen.note) || !seen.link.some((h) => /^archive\/\d{4}-\d\d\.html$/.test(h))) {
    problems.noscript.push(`no note linking 往期: "${seen.note}" ${seen.link}`);
  }
  await context.close();
}
await browser.close();
server.close();

const names = {
  results: `chromium 搜索: “${query}” shows ${shown} results with headline, date, 第NN版 and <mark>, newest first, at ${widths.join(', ')} px`,
  shards: `chromium 搜索: “${query}” loads index.json and only its shards (${want.join(', ')} of ${manifest.shards}), nothing outside the site`,
  axe: axeSource ? `axe: search.html with results at ${axeWidths.join(' and ')} px, no WCAG 2.1 A or AA violation`
    : null,
  noscript: 'chromium 搜索: without script the page says so and links 往期回顾',
};
let failed = 0;
for (const [key, name] of Object.entries(names)) {
  if (!name) { console.log('skip axe: no node_modules/axe-core (npm ci)'); continue; }
  if (problems[key].length === 0) console.log(`ok   ${name}`);
  else {
    failed = 1;
    console.log(`FAIL ${name}`);
    for (const p of problems[key].slice(0, 20)) console.log(`    ${p}`);
  }
}
if (shots) console.log(`ok   chromium 搜索: ${saved} screenshots in ${shots}`);
process.exit(failed);
