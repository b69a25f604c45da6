/* search.js: 搜索 without a server, the site's only script (search.html).

   The index (search/index.json and its parts, written by press build,
   tools/search.c) holds the terms of every story: each two Han
   characters side by side and each run of Latin letters and digits,
   lower-cased.  A query is split the same way; the page loads
   index.json, the shard of each of its terms (terms-K.json, K =
   FNV-1a of the term's UTF-8 bytes mod the number of shards), and for
   the results it shows their docs block (docs-K.json: issue, slug,
   page, page name, headline, date) and their text (the snippet).  A
   story is a result when it holds every term; results come newest
   first, 20 at a time.  Nothing is loaded from outside the site. */
(function () {
  'use strict';
  var form = document.querySelector('.search-form');
  if (!form || !window.fetch || !window.URL || !window.TextEncoder) return;
  var input = form.querySelector('input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var root = new URL(form.getAttribute('data-root') || './', location.href);
  var indexUrl = new URL(form.getAttribute('data-index'), location.href);
  var story = form.getAttribute('data-story');
  var PAGE = 20;
  var loaded = {};
  var manifest = null;
  var seq = 0;

  form.hidden = false;

  /* What tools/util.c's u_is_han() takes for Han (kana too). */
  function isHan(c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x3040 && c <= 0x30FF) ||
      (c >= 0x3005 && c <= 0x3007) || (c >= 0x20000 && c <= 0x3134F);
  }

  /* A Latin letter or digit (full-width too) as lower-case ASCII, or "". */
  function wordChar(c) {
    if (c >= 0xFF10 && c <= 0xFF19) c -= 0xFF10 - 48;
    else if (c >= 0xFF21 && c <= 0xFF3A) c -= 0xFF21 - 97;
    else if (c >= 0xFF41 && c <= 0xFF5A) c -= 0xFF41 - 97;
    if (c >= 65 && c <= 90) c += 32;
    return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? String.fromCharCode(c) : '';
  }

  /* The terms of s, as search_terms() in tools/search.c finds them. */
  function terms(s) {
    var out = [], word = '', prev = null;
    Array.from(s + ' ').forEach(function (ch) {
      var c = ch.codePointAt(0), w = wordChar(c);
      if (w) word += w;
      else if (word) {
        if (word.length <= 32) out.push(word);
        word = '';
      }
      if (isHan(c)) {
        if (prev !== null) out.push(prev + ch);
        prev = ch;
      } else prev = null;
    });
    return out;
  }

  /* s with full-width letters and digits as ASCII and lower-case: the
     same length, so that a place in it is the place in s. */
  function fold(s) {
    return s.replace(/[A-Z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, function (ch) {
      return wordChar(ch.charCodeAt(0));
    });
  }

  function shardOf(term, n) {
    var h = 0x811c9dc5, bytes = new TextEncoder().encode(term), i;
    for (i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 16777619) >>> 0;
    }
    return h % n;
  }

  function load(url, fresh) {
    var key = url.href;
    if (!loaded[key]) {
      loaded[key] = fetch(url, fresh ? { cache: 'no-cache' } : {}).then(function (r) {
        if (!r.ok) throw new Error(r.status + ' ' + url);
        return url.pathname.slice(-5) === '.json' ? r.json() : r.text();
      });
      loaded[key].catch(function () { delete loaded[key]; });
    }
    return loaded[key];
  }

  function part(name, k) {
    return new URL(name + '-' + k + '.json?v=' + manifest.v, indexUrl);
  }

  /* The stories holding term, in order (newest first). */
  function postings(term) {
    return load(part('terms', shardOf(term, manifest.shards))).then(function (shard) {
      var steps = Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : [];
      var ids = [], id = 0;
      steps.forEach(function (d, i) { id = i ? id + d : d; ids.push(id); });
      return ids;
    });
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else { out.push(a[i]); i++; j++; }
    }
    return out;
  }

  /* Appends s to el, each place of marks ([from, to) pairs) in <mark>. */
  function marked(el, s, marks) {
    var at = 0;
    marks.forEach(function (m) {
      if (m[0] > at) el.appendChild(document.createTextNode(s.slice(at, m[0])));
      var mark = document.createElement('mark');
      mark.textContent = s.slice(m[0], m[1]);
      el.appendChild(mark);
      at = m[1];
    });
    if (at < s.length) el.appendChild(document.createTextNode(s.slice(at)));
  }

  /* Where the needles occur in s, merged, in order. */
  function places(s, needles) {
    var f = fold(s), found = [], out = [];
    needles.forEach(function (n) {
      for (var i = f.indexOf(n); n && i >= 0; i = f.indexOf(n, i + 1)) found.push([i, i + n.length]);
    });
    found.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    found.forEach(function (p) {
      var last = out[out.length - 1];
      if (last && p[0] <= last[1]) last[1] = Math.max(last[1], p[1]);
      else out.push(p.slice());
    });
    return out;
  }

  /* The words to mark in text: the query's words where the text holds
     them, else its terms. */
  function needlesFor(text, words, ts) {
    var f = fold(text);
    var whole = words.filter(function (w) { return f.indexOf(w) >= 0; });
    return whole.length ? whole : ts;
  }

  /* Some 90 characters of text around its first match, after the
     headline when the body has one. */
  function snippet(el, text, headline, needles) {
    /* Lines run together, as Chinese paragraphs do; a space between
       two Latin words. */
    var flat = text.replace(/([A-Za-z0-9])\s*\n\s*(?=[A-Za-z0-9])/g, '$1 ')
      .replace(/\s*\n\s*/g, '').trim();
    var after = flat.indexOf(headline) >= 0 ? flat.indexOf(headline) + headline.length : 0;
    var all = places(flat, needles);
    var first = all.filter(function (p) { return p[0] >= after; })[0] || all[0];
    var from = first ? Math.max(after > first[0] ? 0 : after, first[0] - 24) : after;
    var to = Math.min(flat.length, from + 90);
    var marks = places(flat.slice(from, to), needles);
    if (from > 0) el.appendChild(document.createTextNode('…'));
    marked(el, flat.slice(from, to), marks);
    if (to < flat.length) el.appendChild(document.createTextNode('…'));
  }

  function dateText(d) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d || '');
    return m ? m[1] + '年' + Number(m[2]) + '月' + Number(m[3]) + '日' : d || '';
  }

  function item(doc, text, words, ts) {
    var li = document.createElement('li');
    var h = document.createElement('h2');
    var a = document.createElement('a');
    a.href = new URL(story.replace('{issue}', doc[0]).replace('{slug}', doc[1]), location.href).href;
    marked(a, doc[4], places(doc[4], needlesFor(doc[4], words, ts)));
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement('p');
    meta.className = 'meta';
    var time = document.createElement('time');
    time.dateTime = doc[5];
    time.textContent = dateText(doc[5]);
    meta.appendChild(time);
    var no = String(doc[2]);
    meta.appendChild(document.createTextNode(' 第' + (no.length < 2 ? '0' + no : no) + '版' +
      (doc[3] ? ' ' + doc[3] : '')));
    li.appendChild(meta);
    if (text) {
      var p = document.createElement('p');
      p.className = 'snippet';
      snippet(p, text, doc[4], needlesFor(text, words, ts));
      li.appendChild(p);
    }
    return li;
  }

  /* Shows hits from..from+PAGE. */
  function show(run, hits, from, words, ts) {
    var ids = hits.slice(from, from + PAGE);
    Promise.all(ids.map(function (id) {
      return load(part('docs', Math.floor(id / manifest.block))).then(function (block) {
        var doc = block[id % manifest.block];
        var url = new URL(manifest.text.replace('{issue}', doc[0]).replace('{page}', doc[2])
          .replace('{slug}', doc[1]), root);
        return load(url).then(function (text) { return [doc, text]; },
          function () { return [doc, '']; });
      });
    })).then(function (found) {
      if (run !== seq) return;
      found.forEach(function (f) { list.appendChild(item(f[0], f[1], words, ts)); });
      more.hidden = hits.length <= from + PAGE;
      more.onclick = function () { more.hidden = true; show(run, hits, from + PAGE, words, ts); };
    }, failed);
  }

  function failed() {
    status.textContent = '无法载入搜索索引，请稍后再试。';
  }

  function search(q) {
    var run = ++seq;
    q = q.trim();
    list.textContent = '';
    more.hidden = true;
    if (!q) { status.textContent = ''; return; }
    var words = fold(q).split(/\s+/).filter(Boolean);
    var ts = [];
    words.forEach(function (w) {
      terms(w).forEach(function (t) { if (ts.indexOf(t) < 0) ts.push(t); });
    });
    if (!ts.length) {
      status.textContent = '请输入至少两个相连的汉字，或字母、数字。';
      return;
    }
    status.textContent = '正在搜索……';
    load(indexUrl, true).then(function (m) {
      manifest = m;
      return Promise.all(ts.map(postings));
    }).then(function (lists) {
      if (run !== seq) return;
      lists.sort(function (a, b) { return a.length - b.length; });
      var hits = lists.reduce(intersect);
      status.textContent = hits.length ?
        '“' + q + '”：找到 ' + hits.length + ' 篇，新的在前。' :
        '没有找到含“' + q + '”的文章。';
      show(run, hits, 0, words, ts);
    }).catch(failed);
  }

  function fromAddress() {
    var q = new URLSearchParams(location.search).get('q') || '';
    input.value = q;
    search(q);
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var url = new URL(location.href);
    url.searchParams.set('q', input.value.trim());
    history.pushState(null, '', url.href);
    search(input.value);
  });
  window.addEventListener('popstate', fromAddress);
  fromAddress();
}());
