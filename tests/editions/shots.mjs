// Loads WeChat articles and mail HTML in headless Chromium (Debian's,
// driven by playwright-core) at one width, as a phone or a mail client
// shows them, and checks:
//
//   overflow   no horizontal scrolling: scrollWidth <= innerWidth, and no
//              element reaching past the right edge
//   photos     every <img> loads: requests under --url are answered from
//              --site (the built web edition), any other request fails
//   copy       with --copy (the index pages): each 复制全文 button puts
//              on the clipboard (the copy event's text/html) exactly the
//              markup of the article file its bar links to, and the
//              button says 已复制
//
// and saves a full-page screenshot of each as SHOTS/<name>-<width>.png,
// name being the file's path under --root with / as -, without .html.
//
// usage: node tests/editions/shots.mjs --root DIR --width N [--site DIR
//        --url URL] [--shots DIR] [--copy] FILE.html...
// Prints "ok   NAME: FILE ..." or "FAIL NAME: FILE" with details indented
// by 4 spaces; exits 1 on a failure, 2 on a usage error.
import { launch } from '../web/browser.mjs';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { resolve, relative, join, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let root = null, width = 0, site = null, url = null, shots = null, copy = false;
let name = 'chromium';
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') root = args[++i];
  else if (args[i] === '--width') width = Number(args[++i]);
  else if (args[i] === '--site') site = args[++i];
  else if (args[i] === '--url') url = args[++i];
  else if (args[i] === '--shots') shots = args[++i];
  else if (args[i] === '--name') name = args[++i];
  else if (args[i] === '--copy') copy = true;
  else files.push(args[i]);
}
if (!root || !(width > 0) || files.length === 0) {
  console.error('usage: shots.mjs --root DIR --width N [--site DIR --url URL] [--shots DIR] [--copy] FILE...');
  process.exit(2);
}
if (shots) mkdirSync(shots, { recursive: true });

const browser = await launch();

const types = { svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };

function inspect() {
  const problems = [];
  const de = document.documentElement;
  const w = window.innerWidth;
  if (de.scrollWidth > w) problems.push(`overflow: scrollWidth ${de.scrollWidth} > innerWidth ${w}`);
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > w + 1) {
      problems.push(`overflow: <${el.tagName.toLowerCase()}> "${el.textContent.trim().slice(0, 20)}" reaches ${Math.round(r.right)}px`);
      break;
    }
  }
  for (const img of document.images)
    if (!img.complete || img.naturalWidth === 0) problems.push(`photos: ${img.getAttribute('src')} did not load`);
  return { problems, images: document.images.length };
}

let failed = 0, saved = 0;
for (const file of files) {
  const problems = [];
  const notes = [];
  const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await context.route(/^(https?|wss?|ftp):/, (route) => {
    const u = route.request().url();
    if (url && site && u.startsWith(url)) {
      const local = resolve(site, decodeURIComponent(new URL(u).pathname).slice(new URL(url).pathname.length));
      try {
        const body = readFileSync(local);
        return route.fulfill({ body, contentType: types[local.split('.').pop()] || 'application/octet-stream' });
      } catch {
        problems.push(`photos: ${u} is not in ${site}`);
        return route.abort();
      }
    }
    problems.push(`requests: fetched ${u}`);
    return route.abort();
  });
  try {
    await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
    const result = await page.evaluate(inspect);
    problems.push(...result.problems);
    notes.push(`${width}px, ${result.images} photos`);
    if (copy) {
      // What the page's own copy handler puts on the clipboard, read by a
      // listener that runs after it (on window, the event bubbles there).
      await page.evaluate(() => {
        window.copied = [];
        window.addEventListener('copy', (e) => window.copied.push(e.clipboardData.getData('text/html')));
      });
      const buttons = await page.locator('button').all();
      const links = await page.evaluate(() => [...document.querySelectorAll('button')]
        .map((b) => b.parentElement.querySelector('a').getAttribute('href')));
      for (let i = 0; i < buttons.length; i++) {
        await buttons[i].click();
        const label = await buttons[i].textContent();
        if (label !== '已复制') problems.push(`copy: button ${i + 1} says ${label}`);
      }
      const copied = await page.evaluate(() => window.copied);
      // The article file's section, as this browser serializes it.
      const other = await context.newPage();
      for (let i = 0; i < links.length; i++) {
        await other.goto(pathToFileURL(resolve(dirname(file), links[i])).href, { waitUntil: 'load' });
        const want = await other.evaluate(() => document.body.firstElementChild.outerHTML);
        if (copied[i] !== want) problems.push(`copy: button ${i + 1} does not copy ${links[i]} (${(copied[i] || '').length} characters, want ${want.length})`);
      }
      notes.push(`${copied.length} of ${buttons.length} buttons copy their article`);
      if (buttons.length === 0) problems.push('copy: no button');
    }
    if (shots) {
      const png = join(shots, `${relative(root, file).replace(/\.html$/, '').replace(/[\/\\]/g, '-')}-${width}.png`);
      await page.screenshot({ path: png, fullPage: true });
      if (statSync(png).size > 0) { saved++; notes.push(png); }
    }
  } catch (e) {
    problems.push(e.message.split('\n')[0]);
  }
  await context.close();
  if (problems.length) {
    failed++;
    console.log(`FAIL ${name}: ${file}`);
    for (const p of problems.slice(0, 20)) console.log(`    ${p}`);
  } else {
    console.log(`ok   ${name}: ${file} (${notes.join('; ')})`);
  }
}
await browser.close();
process.exit(failed ? 1 : 0);
