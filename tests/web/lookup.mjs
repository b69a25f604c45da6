// The stories a query finds in a built site's search index, read as
// search.js reads it but written apart from it: index.json, the shard
// of each term (FNV-1a of its UTF-8 bytes mod the shards), the postings
// as steps, the docs blocks.  Prints "issue/slug" a line, newest first,
// and "shard N" for each shard read.
//
// usage: node tests/web/lookup.mjs SITE WORDS
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [site, query] = process.argv.slice(2);
if (!site || query === undefined) {
  console.error('usage: lookup.mjs SITE WORDS');
  process.exit(2);
}
const dir = join(site, 'search');
const read = (f) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
const m = read('index.json');
const terms = [];
for (const w of query.toLowerCase().split(/\s+/).filter(Boolean)) {
  const chars = [...w];
  let word = '';
  chars.concat(' ').forEach((ch, i) => {
    if (/[a-z0-9]/.test(ch)) word += ch;
    else if (word) { terms.push(word); word = ''; }
    const han = (s) => s && /\p{Script=Han}/u.test(s);
    if (han(ch) && han(chars[i - 1])) terms.push(chars[i - 1] + ch);
  });
}
function fnv(s) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s, 'utf8')) h = Math.imul(h ^ b, 16777619) >>> 0;
  return h;
}
let hits = null;
const shards = new Set();
for (const t of terms) {
  const k = fnv(t) % m.shards;
  shards.add(k);
  const steps = read(`terms-${k}.json`)[t] || [];
  let id = 0;
  const ids = steps.map((d, i) => (id = i ? id + d : d));
  hits = hits === null ? ids : hits.filter((x) => ids.includes(x));
}
for (const k of [...shards].sort((a, b) => a - b)) console.log(`shard ${k}`);
for (const id of hits || []) {
  const doc = read(`docs-${Math.floor(id / m.block)}.json`)[id % m.block];
  console.log(`${doc[0]}/${doc[1]}`);
}
