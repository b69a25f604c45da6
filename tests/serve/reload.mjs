// press serve in a real browser (Debian's Chromium, driven by
// playwright-core): a story page open in the browser follows the saves of
// its file without anyone pressing reload.
//
//   save         a word appended to the story appears in the open page,
//                by a reload the server asked for (within 10 s, twenty
//                times what it takes: no clock decides a test; make
//                bench measures the latency)
//   overlay      the story saved without its title: the page turns into
//                the overlay, which names FILE:LINE:COL of the error
//   fixed        the story saved whole again: the page is the story again
//   no console   the page logged no error (the reload script included:
//                the Content-Security-Policy lets it run)
//   svg          an SVG with a script, opened on its own as a reader
//                would, does not run it
//
// usage: node tests/serve/reload.mjs URL FILE.md [SVGURL]
// URL is the story's page on a running `press serve`, FILE.md its source,
// SVGURL an SVG with a script the server serves.
// Prints "ok   serve: chromium: NAME" or "FAIL serve: chromium: NAME" with
// details indented by 4 spaces; the file is left as it was found.  Exits
// 1 on a failure, 2 on a usage error.
import { launch } from '../web/browser.mjs';
import { readFileSync, writeFileSync } from 'node:fs';

const [url, file, svgurl] = process.argv.slice(2);
if (!url || !file) {
  console.error('usage: reload.mjs URL FILE.md');
  process.exit(2);
}

let failed = 0;
const ok = (name) => console.log(`ok   serve: chromium: ${name}`);
const fail = (name, why) => {
  failed++;
  console.log(`FAIL serve: chromium: ${name}`);
  if (why) console.log(String(why).replace(/^/gm, '    '));
};
const bound = 10000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Polls the page's text until test(text) holds; the milliseconds it took,
// or -1 after limit.  A reload under way just means another try.
async function until(page, test, limit) {
  const t0 = Date.now();
  while (Date.now() - t0 < limit) {
    try {
      const text = await page.evaluate(() => (document.body ? document.body.innerText : ''));
      if (test(text)) return Date.now() - t0;
    } catch (e) {
      // the page is between two documents
    }
    await sleep(10);
  }
  return -1;
}

const original = readFileSync(file, 'utf8');
const browser = await launch();
try {
  const page = await browser.newPage();
  const errors = [];
  // The site has no favicon.ico (nor does the published one): the
  // browser's own request for it is not the page's error.
  page.on('console', (m) => {
    const where = m.location().url || '';
    if (m.type() === 'error' && !where.endsWith('/favicon.ico'))
      errors.push(`${m.text()} ${where}`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  let navigations = 0;
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations++; });
  await page.goto(url, { waitUntil: 'load' });
  // The event stream is open once the script ran; give it a moment so the
  // check measures a save, not the connection.
  await sleep(300);

  const before = navigations;
  const word = `SERVEMARK${Date.now()}`;
  writeFileSync(file, `${original}\n${word}\n`);
  const seen = (await until(page, (t) => t.includes(word), bound)) >= 0;
  if (seen && navigations > before)
    ok('a save shows in the open page by itself');
  else
    fail('a save shows in the open page by itself (within 10 s)',
         seen ? 'not by a reload' : 'the word never appeared');

  writeFileSync(file, original.replace(/^title:.*\n/m, ''));
  let ms = await until(page, (t) => /missing required key 'title'/.test(t), bound);
  const text = ms < 0 ? '' :
    await page.evaluate(() => document.body.innerText).catch(() => '');
  if (ms >= 0 && /\.md:\d+:\d+: error: /.test(text) &&
      (await page.$('#press-overlay')) !== null)
    ok('a story with errors turns into the overlay');
  else
    fail('a story with errors turns into the overlay', text || 'no overlay');

  writeFileSync(file, original);
  const title = (original.match(/^title:\s*(.*)$/m) || [])[1] || '';
  ms = await until(page, (t) => title !== '' && t.includes(title) &&
                   !t.includes('missing required key'), bound);
  if (ms >= 0 && (await page.$('#press-overlay')) === null)
    ok('the fixed story comes back');
  else
    fail('the fixed story comes back', `title ${title}`);

  if (errors.length === 0)
    ok('no error on the console');
  else
    fail('no error on the console', errors.join('\n'));

  if (svgurl) {
    // The script would mark the document; the policy keeps it from running.
    const svg = await browser.newPage();
    await svg.goto(svgurl, { waitUntil: 'load' });
    await sleep(200);
    const ran = await svg.evaluate(
      () => document.documentElement.getAttribute('data-ran'));
    if (ran === null)
      ok('an SVG opened on its own runs no script');
    else
      fail('an SVG opened on its own runs no script', `data-ran=${ran}`);
    await svg.close();
  }
} catch (e) {
  fail('the browser ran', e.stack || e);
} finally {
  writeFileSync(file, original);
  await browser.close();
}
process.exit(failed ? 1 : 0);
