// Checks the metadata of every HTML file of a built site:
//   <html lang="zh-CN">, a <title>, a meta description;
//   with --base URL: a canonical link that is the file's own address
//   (a folder's for index.html), og:url the same, og:title, og:type;
//   on each story page (body class story-page) one JSON-LD script that
//   parses, a schema.org NewsArticle whose headline is the page's h1 and
//   that has datePublished, printEdition, printPage and printSection.
//
// usage: node tests/web/meta.mjs SITE [--base URL]
// Prints "ok   metadata: …" or "FAIL metadata: …" with the problems
// indented by 4 spaces; exits 1 on a problem.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = process.argv.slice(2);
const site = args[0];
const base = args[1] === '--base' ? args[2] : null;
if (!site) { console.error('usage: meta.mjs SITE [--base URL]'); process.exit(2); }

function walk(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i'));
  return m ? unescape(m[1] ?? m[2]) : null;
};
const text = (html) => unescape(html.replace(/<[^>]*>/g, '')).trim();

const problems = [];
let stories = 0;
const files = walk(site);
for (const file of files) {
  const rel = relative(site, file).split('\\').join('/');
  const html = readFileSync(file, 'utf8');
  const p = (msg) => problems.push(`${rel}: ${msg}`);
  const tags = html.match(/<(meta|link)\b[^>]*>/gi) ?? [];
  const meta = (key, name) => tags.filter((t) => /^<meta/i.test(t) && attr(t, key) === name).map((t) => attr(t, 'content'));
  const link = (rel) => tags.filter((t) => /^<link/i.test(t) && attr(t, 'rel') === rel).map((t) => attr(t, 'href'));

  if (!/<html[^>]*\slang="zh-CN"/.test(html)) p('no <html lang="zh-CN">');
  const title = html.match(/<title>([^<]*)<\/title>/);
  if (!title || !title[1].trim()) p('no title');
  const desc = meta('name', 'description');
  if (desc.length !== 1 || !desc[0]) p(`${desc.length} meta descriptions`);
  if (base) {
    const want = base + rel.replace(/(^|\/)index\.html$/, '$1');
    const canonical = link('canonical');
    if (canonical.length !== 1 || canonical[0] !== want) p(`canonical ${JSON.stringify(canonical)}, want ${want}`);
    const ogurl = meta('property', 'og:url');
    if (ogurl.length !== 1 || ogurl[0] !== want) p(`og:url ${JSON.stringify(ogurl)}, want ${want}`);
    for (const k of ['og:title', 'og:type', 'og:site_name', 'og:description'])
      if (meta('property', k).length !== 1) p(`no ${k}`);
  }
  if (!/<body class="[^"]*\bstory-page\b/.test(html)) continue;
  stories++;
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  if (scripts.length !== 1) { p(`${scripts.length} JSON-LD scripts`); continue; }
  let ld;
  try { ld = JSON.parse(scripts[0][1]); } catch (e) { p(`JSON-LD does not parse: ${e.message}`); continue; }
  const h1 = html.match(/<h1 class="headline[^"]*"[^>]*>([\s\S]*?)<\/h1>/);
  if (ld['@type'] !== 'NewsArticle') p(`JSON-LD @type ${ld['@type']}`);
  if (!h1 || ld.headline !== text(h1[1])) p(`JSON-LD headline ${JSON.stringify(ld.headline)} is not the h1`);
  for (const k of ['datePublished', 'printEdition', 'printPage', 'printSection', 'publisher', 'inLanguage'])
    if (!ld[k]) p(`JSON-LD has no ${k}`);
  if (base && ld.url !== base + rel) p(`JSON-LD url ${ld.url}`);
}

if (files.length === 0) problems.push('no HTML file');
if (problems.length) {
  console.log(`FAIL metadata: ${problems.length} problems in ${files.length} pages`);
  for (const x of problems.slice(0, 30)) console.log(`    ${x}`);
  process.exit(1);
}
console.log(`ok   metadata: lang, title, description${base ? ', canonical, Open Graph' : ''} on ${files.length} pages; NewsArticle JSON-LD on ${stories} stories`);
