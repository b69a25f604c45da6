// Checks every link and image of a built site: each href and src of the
// HTML files, and each href and <loc> of the XML files (feed, sitemap),
// that points into the site must name a file under SITE (a folder means
// its index.html), and its #fragment an id in that file.
//
//   relative URLs        resolved against the file that holds them; one
//                        that climbs out of SITE is broken
//   absolute URLs        under --base URL (the site's own address, as in
//                        canonical links, Open Graph, the feed and the
//                        sitemap) are mapped to SITE; others are external
//                        and not followed
//   data:, mailto:, tel: not followed
//
// usage: node tests/web/links.mjs SITE [--base URL]
// Prints "ok   links: …" or "FAIL links: …" with each broken link
// indented by 4 spaces; exits 1 when a link is broken, 2 on usage errors.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname, relative, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
let site = null, base = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--base') base = args[++i];
  else if (site === null) site = args[i];
  else { console.error('usage: links.mjs SITE [--base URL]'); process.exit(2); }
}
if (!site || !existsSync(site) || !statSync(site).isDirectory()) {
  console.error('usage: links.mjs SITE [--base URL]');
  process.exit(2);
}
site = resolve(site);

function walk(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s) => s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) =>
  e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1))
    : (entities[e] ?? m));

// The references in a file: [{url, what}].
function references(file, text) {
  const refs = [];
  // Script and style contents are not markup (JSON-LD holds URLs as data).
  const markup = text.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  const attr = /<([a-zA-Z][\w:-]*)\b([^>]*)>/g;
  for (let m; (m = attr.exec(markup));) {
    const tag = m[1].toLowerCase();
    const at = /\s(href|src|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
    for (let a; (a = at.exec(m[2]));) {
      refs.push({ url: unescape(a[2] ?? a[3] ?? a[4]), what: `<${tag} ${a[1].toLowerCase()}>` });
    }
  }
  if (file.endsWith('.xml')) {
    for (const m of markup.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)) refs.push({ url: unescape(m[1]), what: '<loc>' });
  }
  return refs;
}

const idCache = new Map();
function ids(file) {
  if (!idCache.has(file)) {
    const set = new Set();
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi))
      set.add(unescape(m[1] ?? m[2] ?? m[3]));
    idCache.set(file, set);
  }
  return idCache.get(file);
}

const files = walk(site).filter((f) => /\.(html?|xml)$/i.test(f));
const broken = [];
let total = 0, internal = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const where = relative(site, file);
  for (const { url, what } of references(file, text)) {
    total++;
    let path, frag = '';
    if (url === '') { broken.push(`${where}: ${what} is empty`); continue; }
    if (/^(data|mailto|tel|javascript):/i.test(url)) continue;
    const hash = url.indexOf('#');
    let u = url;
    if (hash >= 0) { frag = decodeURIComponent(u.slice(hash + 1)); u = u.slice(0, hash); }
    u = u.replace(/\?.*$/, '');
    if (/^[a-z][a-z0-9+.-]*:/i.test(u) || u.startsWith('//')) {
      if (!base || !u.startsWith(base)) continue; // external
      path = join(site, decodeURIComponent(u.slice(base.length)));
    } else if (u === '') {
      path = file; // #fragment in this file
    } else {
      path = join(dirname(file), decodeURIComponent(u));
    }
    internal++;
    path = resolve(path);
    if (path !== site && !path.startsWith(site + sep)) {
      broken.push(`${where}: ${what} "${url}" leaves the site`);
      continue;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      broken.push(`${where}: ${what} "${url}": no file ${relative(site, path)}`);
      continue;
    }
    if (frag && /\.html?$/i.test(path) && !ids(path).has(frag))
      broken.push(`${where}: ${what} "${url}": no id "${frag}" in ${relative(site, path)}`);
  }
}

const summary = `${files.length} files, ${internal} internal links and images of ${total}`;
if (broken.length) {
  console.log(`FAIL links: ${broken.length} broken (${summary})`);
  for (const b of broken.slice(0, 30)) console.log(`    ${b}`);
  if (broken.length > 30) console.log(`    … ${broken.length - 30} more`);
  process.exit(1);
}
if (files.length === 0) {
  console.log('FAIL links: no HTML or XML file');
  process.exit(1);
}
console.log(`ok   links: none broken (${summary})`);
