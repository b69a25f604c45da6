/*
 * search: the index behind site/search.html, so that the archive can be
 * searched without a server.  A stylesheet writes each story's text as
 * a reader searches it (outputs.yaml, the entry with index:, html/
 * search-text.xsl); after the archive, this stage reads those files one
 * story at a time and writes into the index folder:
 *
 *   index.json       {"version":1,"docs":N,"block":B,"shards":S,
 *                     "text":"search/{issue}/{slug}.txt","v":"…"}
 *   docs-K.json      stories K*B … K*B+B-1, newest first, each
 *                    [issue, slug, page, page name, headline, date]
 *   terms-K.json     {"暖心":[0,3,1], …}: the stories holding a term,
 *                    as the first story's number and the steps to the
 *                    next; a term lives in shard fnv1a(term) mod S
 *
 * A term is two Han characters side by side (a bigram) or a run of
 * Latin letters and digits, lower-cased.  A query reads index.json, the
 * shards of its own terms, the docs blocks of the results it shows and
 * their texts, for the snippet: nothing else.
 *
 * Why C and not a stylesheet: the archive of 10,000 stories holds some
 * 7 million (term, story) pairs; XSLT 1.0 can only group them with keys
 * over a tree of them all, and a stylesheet writes further files only
 * through exsl:document, which libxslt writes in place (no temporary
 * file and rename) and outside the build's record of its files.
 *
 * Nor are all the pairs held at once, for the memory of a build must
 * not grow with the archive.  The texts are read one at a time, and each
 * story's terms, once each, go to one of some buckets (temporary files)
 * by their hash; then a bucket at a time is grouped by term and written
 * to its shards: with shards a power of two and at least as many as the
 * buckets, every term of a shard is in the same bucket.  A bucket holds
 * about the pairs of eight issues.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "press.h"

#define X(s) ((const xmlChar *)(s))

/* A shard should come to about this many bytes: one round trip, a few
 * KB once compressed, so that a query of a few words loads tens of KB
 * whatever the archive's size.  The count is the smallest power of two
 * that keeps the average there (the sample issue: 2 shards), at most
 * SEARCH_SHARDS_MAX files. */
#define SEARCH_SHARD_BYTES 16384
#define SEARCH_SHARDS_MAX 4096
/* Stories in a docs block: some 15 KB of headlines. */
#define SEARCH_BLOCK 128
/* Buckets: a power of two, one for about eight issues' pairs, within
 * these bounds (each is an open file while the texts are read). */
#define SEARCH_BUCKETS_MIN 16
#define SEARCH_BUCKETS_MAX 256

/* One term and the stories that hold it, in order. */
struct term {
	char *key;
	size_t len;
	uint32_t hash;      /* fnv1a(key): its shard is hash mod shards */
	uint32_t *ids, n, cap;
};

/* The terms of the archive: a hash table, open addressing. */
struct terms {
	struct term **slot;
	size_t cap, n;
	struct term **list; /* in the order they came */
	uint32_t doc;       /* the story being read */
};

/* FNV-1a, 32 bits: the shard of a term, as search.js computes it. */
static uint32_t
fnv1a(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* A Latin letter or digit, full-width ones too, as lower-case ASCII;
 * 0 for anything else. */
static char
word_char(uint32_t c)
{
	if (c >= 0xff10 && c <= 0xff19)
		c -= 0xff10 - '0';
	else if (c >= 0xff21 && c <= 0xff3a)
		c -= 0xff21 - 'a';
	else if (c >= 0xff41 && c <= 0xff5a)
		c -= 0xff41 - 'a';
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		return (char)c;
	return 0;
}

void
search_terms(const char *s, size_t len, search_fn *each, void *arg)
{
	char word[SEARCH_WORD_MAX + 1];
	size_t i = 0, k, wn = 0, prev = 0, plen = 0;
	uint32_t c;
	int han = 0; /* the character before was Han */
	char w;

	while (i <= len) {
		k = i < len ? u8_next(s + i, len - i, &c) : 0;
		if (k == 0)
			c = 0, k = 1;
		w = word_char(c);
		if (w != 0 && wn < SEARCH_WORD_MAX + 1)
			word[wn++] = w;
		else if (w == 0 && wn > 0) {
			/* A run longer than a word is no word (a hash, a
			 * number run together): left out. */
			if (wn <= SEARCH_WORD_MAX)
				each(word, wn, arg);
			wn = 0;
		}
		if (u_is_han(c)) {
			if (han)
				each(s + prev, plen + k, arg);
			han = 1;
		} else
			han = 0;
		prev = i;
		plen = k;
		i += k;
	}
}

static void
add_term(const char *key, size_t len, void *arg)
{
	struct terms *t = arg;
	struct term *e;
	size_t i, h;

	if (t->n * 2 >= t->cap) {
		struct term **old = t->slot;
		size_t ocap = t->cap;

		t->cap = t->cap ? t->cap * 2 : 4096;
		t->slot = xcalloc(t->cap, sizeof(*t->slot));
		for (i = 0; i < ocap; i++) {
			if (old[i] == NULL)
				continue;
			h = fnv1a(old[i]->key, old[i]->len) & (t->cap - 1);
			while (t->slot[h] != NULL)
				h = (h + 1) & (t->cap - 1);
			t->slot[h] = old[i];
		}
		free(old);
		t->list = xrealloc(t->list, t->cap / 2 * sizeof(*t->list));
	}
	h = fnv1a(key, len);
	for (i = h & (t->cap - 1); (e = t->slot[i]) != NULL;
	     i = (i + 1) & (t->cap - 1))
		if (e->len == len && memcmp(e->key, key, len) == 0)
			break;
	if (e == NULL) {
		e = xcalloc(1, sizeof(*e));
		e->key = xstrndup(key, len);
		e->len = len;
		e->hash = (uint32_t)h;
		t->slot[i] = e;
		t->list[t->n++] = e;
	}
	/* Once a story. */
	if (e->n > 0 && e->ids[e->n - 1] == t->doc)
		return;
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 2;
		e->ids = xrealloc(e->ids, e->cap * sizeof(*e->ids));
	}
	e->ids[e->n++] = t->doc;
}

static void
terms_free(struct terms *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->list[i]->key);
		free(t->list[i]->ids);
		free(t->list[i]);
	}
	free(t->list);
	free(t->slot);
}

/*
 * The terms of the story being read, once each, to the buckets: a
 * record is the term's length (a byte), its bytes and the story's
 * number (4 bytes, in the machine's order: the file is this build's).
 */
struct spill {
	FILE **bucket;
	uint32_t nb;       /* buckets: a power of two */
	uint32_t doc;      /* the story being read */
	struct seen {      /* its terms so far: open addressing */
		uint32_t doc;  /* the story it was seen in: else empty */
		uint32_t h;
		unsigned char len;
		char key[SEARCH_WORD_MAX];
	} *seen;
	size_t cap, n;
	int failed;        /* a bucket could not be written */
	struct buf *mine;  /* the issue's own record, or NULL: its pairs */
	uint32_t base;     /* the number of its first story */
};

/* One record to its bucket: the term's length, its bytes, the story. */
static void
spill_pair(struct spill *sp, const char *key, size_t len, uint32_t h,
           uint32_t doc)
{
	unsigned char rec[1 + SEARCH_WORD_MAX + sizeof(doc)];
	size_t n = 1 + len + sizeof(doc);

	rec[0] = (unsigned char)len;
	memcpy(rec + 1, key, len);
	memcpy(rec + 1 + len, &doc, sizeof(doc));
	if (fwrite_unlocked(rec, 1, n, sp->bucket[h & (sp->nb - 1)]) != n)
		sp->failed = 1;
}

static void
spill_term(const char *key, size_t len, void *arg)
{
	struct spill *sp = arg;
	uint32_t h = fnv1a(key, len);
	struct seen *e;
	size_t i;

	if (len > SEARCH_WORD_MAX)
		return;
	if ((sp->n + 1) * 2 > sp->cap) {
		struct seen *old = sp->seen;
		size_t ocap = sp->cap;

		sp->cap = sp->cap ? sp->cap * 2 : 4096;
		sp->seen = xcalloc(sp->cap, sizeof(*sp->seen));
		for (i = 0; i < ocap; i++) {
			size_t j;

			if (old[i].doc != sp->doc + 1)
				continue;
			for (j = old[i].h & (sp->cap - 1); sp->seen[j].doc != 0;
			     j = (j + 1) & (sp->cap - 1))
				;
			sp->seen[j] = old[i];
		}
		free(old);
	}
	for (i = h & (sp->cap - 1); (e = &sp->seen[i])->doc == sp->doc + 1;
	     i = (i + 1) & (sp->cap - 1))
		if (e->h == h && e->len == len && memcmp(e->key, key, len) == 0)
			return; /* once a story */
	e->doc = sp->doc + 1;
	e->h = h;
	e->len = (unsigned char)len;
	memcpy(e->key, key, len);
	sp->n++;
	spill_pair(sp, key, len, h, sp->doc);
	if (sp->mine != NULL) {
		uint32_t local = sp->doc - sp->base;
		unsigned char l = (unsigned char)len;

		buf_add(sp->mine, (const char *)&l, 1);
		buf_add(sp->mine, key, len);
		buf_add(sp->mine, (const char *)&local, sizeof(local));
	}
}

/* The next story: its terms are new again. */
static void
spill_next(struct spill *sp)
{
	sp->doc++;
	sp->n = 0;
	/* A story number stamps the slots it took: after 2^32 - 1 stories
	 * the stamps would come round; the table is cleared first. */
	if (sp->doc == UINT32_MAX - 1 && sp->seen != NULL)
		memset(sp->seen, 0, sp->cap * sizeof(*sp->seen));
}

/* Adds the pairs of bucket f to t (rewound first); 0 if it cannot be
 * read back. */
/* The rest of f into b; 0 if it cannot be read. */
static int
slurp_file(FILE *f, struct buf *b)
{
	char chunk[65536];
	size_t n;

	buf_add(b, "", 0);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(b, chunk, n);
	return !ferror(f);
}

static int
load_bucket(struct terms *t, FILE *f)
{
	struct buf b = {0};
	size_t i, l;
	uint32_t doc;
	int ok;

	if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0)
		return 0;
	ok = slurp_file(f, &b);
	for (i = 0; ok && i < b.len; i += 1 + l + sizeof(doc)) {
		l = (unsigned char)b.data[i];
		if (l > SEARCH_WORD_MAX || i + 1 + l + sizeof(doc) > b.len) {
			ok = 0;
			break;
		}
		memcpy(&doc, b.data + i + 1 + l, sizeof(doc));
		t->doc = doc;
		add_term(b.data + i + 1, l, t);
	}
	buf_free(&b);
	return ok;
}

/* s as a JSON string, quotes included. */
static void
json_str(struct buf *b, const char *s)
{
	char esc[8];

	buf_add(b, "\"", 1);
	for (; s != NULL && *s != '\0'; s++)
		if (*s == '"' || *s == '\\') {
			buf_add(b, "\\", 1);
			buf_add(b, s, 1);
		} else if ((unsigned char)*s < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", (unsigned char)*s);
			buf_adds(b, esc);
		} else
			buf_add(b, s, 1);
	buf_add(b, "\"", 1);
}

/* The bytes term e takes in its shard: "key":[n,n,…], */
static size_t
term_bytes(const struct term *e)
{
	size_t n = e->len + 5, i;
	uint32_t d;

	for (i = 0; i < e->n; i++) {
		d = i ? e->ids[i] - e->ids[i - 1] : e->ids[i];
		for (n += 2; d >= 10; d /= 10) /* a digit and a comma */
			n++;
	}
	return n;
}

/* The first element child of n named name, or NULL. */
static xmlNodePtr
child(xmlNodePtr n, const char *name)
{
	for (n = n ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, X(name)))
			return n;
	return NULL;
}

/* The text of child name of n, or NULL. */
static xmlChar *
child_text(xmlNodePtr n, const char *name)
{
	return (n = child(n, name)) != NULL ? xmlNodeGetContent(n) : NULL;
}

/* The bytes of the file at path into b; 0 if it cannot be read. */
static int
slurp(const char *path, struct buf *b)
{
	FILE *f = fopen(path, "rb");
	int ok;

	if (f == NULL)
		return 0;
	ok = slurp_file(f, b);
	fclose(f);
	return ok;
}

/* Spills the terms of the file at path; 0 if there is none. */
static int
index_file(struct spill *sp, const char *path)
{
	struct buf b = {0};

	if (!slurp(path, &b)) {
		buf_free(&b);
		return 0;
	}
	if (b.len > 0)
		search_terms(b.data, u8_check(b.data, b.len), spill_term, sp);
	buf_free(&b);
	return 1;
}

/* Writes dir/name-k.json; 0 after reporting. */
static int
write_part(const char *dir, const char *name, size_t k, struct buf *b,
           uint64_t *v)
{
	char *path = xasprintf("%s/%s-%zu.json", dir, name, k);
	int ok = out_write(path, b->data, b->len);

	*v = hash_bytes(b->data, b->len, *v);
	free(path);
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
	return ok;
}

/* Empties the parts from k up to the count the last build wrote (a
 * shorter index leaves no old postings or headlines behind), and
 * remembers how many there are now under key. */
static void
empty_parts(struct cache *c, const char *key, const char *dir,
            const char *name, size_t k, const char *empty)
{
	size_t was = (size_t)cache_get(c, key), i;
	struct buf b = {0};
	uint64_t v = 0;

	for (i = k; i < was; i++) {
		buf_adds(&b, empty);
		write_part(dir, name, i, &b, &v);
	}
	buf_free(&b);
	cache_set(c, key, k);
}

/*
 * Each issue's pairs are kept in OUT/.press/search/<id>, so that the
 * index is made again from them, not from every story's text, when
 * only some issues changed: a line "press-search 1 KEY STORIES", then
 * records as the buckets' with the story's number within the issue.
 * KEY is the hash of the heads and print XML, which hold every
 * word its texts are made from.
 */
#define RECORD_MAGIC "press-search 1"

static char *
record_path(const char *out, const char *id)
{
	return xasprintf("%s/.press/search/%s", out, id);
}

/* Spills the pairs of id's record, numbered from sp->doc, when it is
 * there, for key and stories; 0 (and nothing spilled) if not. */
static int
record_read(struct spill *sp, const char *out, const char *id, uint64_t key,
            uint32_t stories)
{
	char *path = record_path(out, id), *nl;
	struct buf b = {0};
	unsigned long long k;
	unsigned long n;
	size_t i, l, pass;
	uint32_t local;
	int ok = 0;

	if (!slurp(path, &b) || b.len == 0 ||
	    (nl = memchr(b.data, '\n', b.len)) == NULL ||
	    sscanf(b.data, RECORD_MAGIC " %llx %lu", &k, &n) != 2 ||
	    k != key || n != stories)
		goto out;
	/* Looked over whole first, then spilled: a damaged record spills
	 * nothing, and its texts are read instead. */
	for (pass = 0; pass < 2; pass++)
		for (i = (size_t)(nl + 1 - b.data); i < b.len;
		     i += 1 + l + sizeof(local)) {
			l = (unsigned char)b.data[i];
			if (l == 0 || l > SEARCH_WORD_MAX ||
			    i + 1 + l + sizeof(local) > b.len)
				goto out;
			memcpy(&local, b.data + i + 1 + l, sizeof(local));
			if (local >= stories)
				goto out;
			if (pass == 1)
				spill_pair(sp, b.data + i + 1, l,
				           fnv1a(b.data + i + 1, l),
				           sp->doc + local);
		}
	ok = 1;
out:
	buf_free(&b);
	free(path);
	return ok;
}

/* Writes id's record from its pairs in mine; with mine NULL, removes
 * it. */
static void
record_write(const char *out, const char *id, uint64_t key,
             uint32_t stories, struct buf *mine)
{
	char *path = record_path(out, id);
	char *head = xasprintf(RECORD_MAGIC " %016llx %lu\n",
	                       (unsigned long long)key, (unsigned long)stories);
	struct buf b = {0};

	if (mine == NULL) {
		unlink(path);
		free(head);
		free(path);
		return;
	}
	buf_adds(&b, head);
	buf_add(&b, mine->data, mine->len);
	out_write(path, b.data, b.len);
	buf_free(&b);
	free(head);
	free(path);
}

/* Removes the records of issues the archive no longer has. */
static void
record_prune(const char *out, const char *const *ids, size_t n)
{
	char *dir = xasprintf("%s/.press/search", out), *path;
	struct strmap known = {0};
	struct dirent *e;
	DIR *d;
	size_t i;

	if ((d = opendir(dir)) != NULL) {
		for (i = 0; i < n; i++)
			strmap_put(&known, ids[i], "");
		while ((e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.' || strmap_get(&known, e->d_name))
				continue;
			path = xasprintf("%s/%s", dir, e->d_name);
			unlink(path);
			free(path);
		}
		closedir(d);
	}
	strmap_free(&known);
	free(dir);
}

/*
 * Groups bucket f by term and writes each term back into f as its
 * shard's text will hold it: its hash (4 bytes), its key's length (a
 * byte), the key, the entry's length (4 bytes) and the entry,
 * "key":[first,step,…].  Adds the bytes the terms take to *total.
 * Returns 0 if f cannot be read or written.
 */
static int
group_bucket(FILE *f, size_t *total)
{
	struct terms t = {0};
	struct buf e = {0};
	size_t i;
	int ok = load_bucket(&t, f);

	if (ok && (fseek(f, 0, SEEK_SET) != 0 || ftruncate(fileno(f), 0) != 0))
		ok = 0;
	for (i = 0; ok && i < t.n; i++) {
		struct term *te = t.list[i];
		uint32_t j, h = te->hash, elen;
		unsigned char l = (unsigned char)te->len;
		char num[16];

		*total += term_bytes(te);
		e.len = 0;
		buf_add(&e, "\"", 1);
		buf_add(&e, te->key, te->len);
		buf_add(&e, "\":[", 3);
		for (j = 0; j < te->n; j++) {
			uint32_t d = j ? te->ids[j] - te->ids[j - 1] : te->ids[j];
			char *p = num + sizeof(num);

			do /* the digits, from the last */
				*--p = (char)('0' + d % 10);
			while ((d /= 10) > 0);
			if (j > 0)
				*--p = ',';
			buf_add(&e, p, (size_t)(num + sizeof(num) - p));
		}
		buf_add(&e, "]", 1);
		elen = (uint32_t)e.len;
		if (fwrite_unlocked(&h, sizeof(h), 1, f) != 1 ||
		    fwrite_unlocked(&l, 1, 1, f) != 1 ||
		    fwrite_unlocked(te->key, 1, te->len, f) != te->len ||
		    fwrite_unlocked(&elen, sizeof(elen), 1, f) != 1 ||
		    fwrite_unlocked(e.data, 1, e.len, f) != e.len)
			ok = 0;
	}
	buf_free(&e);
	terms_free(&t);
	return ok && fflush(f) == 0;
}

/* A term of a grouped bucket, as group_bucket() wrote it. */
struct entry {
	uint32_t shard;
	const char *key;
	size_t len;
	const char *text; /* "key":[…] */
	size_t tlen;
};

static int
by_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c;

	if (x->shard != y->shard)
		return x->shard < y->shard ? -1 : 1;
	c = memcmp(x->key, y->key, x->len < y->len ? x->len : y->len);
	return c ? c : (x->len > y->len) - (x->len < y->len);
}

/*
 * Writes the shards whose terms are in grouped bucket k, or every shard
 * when there are fewer shards than buckets (k is 0 then): shards k,
 * k + nb, k + 2nb and so on.  0 after reporting.
 */
static int
write_shards(struct spill *sp, size_t k, size_t shards, const char *path,
             struct buf *b, uint64_t *v)
{
	size_t i, s, n = 0, cap = 0, step = shards >= sp->nb ? sp->nb : 1;
	size_t first = step == 1 ? 0 : k, last = step == 1 ? sp->nb : k + 1;
	struct buf all = {0};
	struct entry *ents = NULL, e;
	uint32_t h, elen;
	int ok = 1;

	for (i = first; ok && i < last; i++)
		ok = fseek(sp->bucket[i], 0, SEEK_SET) == 0 &&
		     slurp_file(sp->bucket[i], &all);
	/* The entries point into all, which grows no more. */
	for (i = 0; ok && i < all.len; n++) {
		if (all.len - i < sizeof(h) + 1) {
			ok = 0;
			break;
		}
		memcpy(&h, all.data + i, sizeof(h));
		e.shard = (uint32_t)(h % shards);
		e.len = (unsigned char)all.data[i + sizeof(h)];
		e.key = all.data + i + sizeof(h) + 1;
		i += sizeof(h) + 1 + e.len;
		if (i > all.len || all.len - i < sizeof(elen)) {
			ok = 0;
			break;
		}
		memcpy(&elen, all.data + i, sizeof(elen));
		i += sizeof(elen);
		if (all.len - i < elen) {
			ok = 0;
			break;
		}
		e.text = all.data + i;
		e.tlen = elen;
		i += elen;
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			ents = xrealloc(ents, cap * sizeof(*ents));
		}
		ents[n] = e;
	}
	if (!ok)
		diag(path, 0, 0, D_WRITE, strerror(errno ? errno : EIO));
	if (ok && n > 0)
		qsort(ents, n, sizeof(*ents), by_entry);
	for (i = 0, s = step == 1 ? 0 : k; ok && s < shards; s += step) {
		buf_add(b, "{", 1);
		for (; i < n && ents[i].shard == s; i++) {
			if (b->len > 1)
				buf_add(b, ",", 1);
			buf_add(b, ents[i].text, ents[i].tlen);
		}
		buf_add(b, "}\n", 2);
		ok &= write_part(path, "terms", s, b, v);
	}
	free(ents);
	buf_free(&all);
	return ok;
}

void
search_index(struct cache *c, const char *out, const char *const *ids, size_t n,
             int force)
{
	const char *dir;
	char *path, *text, *idx;
	int dirty;
	uint64_t h = hash_bytes(PRESS_VERSION, sizeof(PRESS_VERSION), 7), fh;
	uint64_t v = 1;
	struct spill sp = {0};
	struct buf docs = {0}, b = {0}, mine = {0};
	size_t i, k, total = 0, shards = 1, blocks = 0;
	int whole = 1; /* every story of the issue had its text */
	uint64_t *keys;
	xmlDocPtr heads;
	xmlNodePtr page, story;

	if ((dir = render_index(&dirty)) == NULL)
		return;
	/* Made again when a story's heads or text changed (its issue's
	 * print XML holds both), or the sheet of the texts. */
	h = hash_bytes(dir, strlen(dir) + 1, h);
	keys = xcalloc(n + 1, sizeof(*keys));
	for (i = 0; i < n; i++) {
		h = hash_bytes(ids[i], strlen(ids[i]) + 1, h);
		path = xasprintf("%s/.press/heads/%s.xml", out, ids[i]);
		fh = cache_file(c, path);
		keys[i] = hash_bytes(&fh, sizeof(fh), 1);
		h = hash_bytes(&fh, sizeof(fh), h);
		free(path);
		path = xasprintf("%s/print/%s/issue.xml", out, ids[i]);
		fh = cache_file(c, path);
		keys[i] = hash_bytes(&fh, sizeof(fh), keys[i]);
		h = hash_bytes(&fh, sizeof(fh), h);
		free(path);
	}
	idx = xasprintf("%s/%s/index.json", out, dir);
	if (!force && !dirty && cache_get(c, "search") == h &&
	    access(idx, F_OK) == 0) {
		cache_keep(c, "search");
		cache_keep(c, "search-shards");
		cache_keep(c, "search-blocks");
		free(keys);
		free(idx);
		return;
	}
	path = xasprintf("%s/%s", out, dir);
	buf_add(&docs, "", 0);
	buf_add(&b, "", 0);
	for (sp.nb = SEARCH_BUCKETS_MIN;
	     sp.nb < SEARCH_BUCKETS_MAX && sp.nb * 8 < n; sp.nb *= 2)
		;
	sp.bucket = xcalloc(sp.nb, sizeof(*sp.bucket));
	for (k = 0; k < sp.nb; k++)
		if ((sp.bucket[k] = tmpfile()) == NULL) {
			diag(path, 0, 0, D_WRITE, strerror(errno));
			goto out;
		}
	/* The stories newest first, numbered in that order. */
	for (i = 0; i < n; i++) {
		char *hp = xasprintf("%s/.press/heads/%s.xml", out, ids[i]);
		xmlChar *date;

		heads = access(hp, R_OK) == 0 ?
		            xmlReadFile(hp, NULL, XML_PARSE_NONET) :
		            NULL;
		free(hp);
		if (heads == NULL)
			continue;
		/* Its pairs as the last build kept them, unless the texts'
		 * sheet changed; else from its texts, and kept. */
		{
			uint32_t stories = 0;

			for (page = xmlDocGetRootElement(heads)->children;
			     page != NULL; page = page->next)
				for (story = page->children; story != NULL;
				     story = story->next)
					stories += story->type == XML_ELEMENT_NODE &&
					           xmlStrEqual(story->name, X("story"));
			sp.mine = !dirty && stories > 0 &&
			          record_read(&sp, out, ids[i], keys[i], stories) ?
			              NULL : &mine;
			sp.base = sp.doc;
			mine.len = 0;
			buf_add(&mine, "", 0);
			whole = 1;
		}
		date = xmlGetProp(xmlDocGetRootElement(heads), X("date"));
		for (page = xmlDocGetRootElement(heads)->children; page != NULL;
		     page = page->next)
			for (story = page->children; story != NULL;
			     story = story->next) {
				xmlChar *slug, *no, *name, *head;

				if (story->type != XML_ELEMENT_NODE ||
				    !xmlStrEqual(story->name, X("story")))
					continue;
				slug = xmlGetProp(story, X("slug"));
				no = xmlGetProp(page, X("no"));
				name = xmlGetProp(page, X("name"));
				head = child_text(child(story, "head"), "headline");
				buf_adds(&docs, sp.doc % SEARCH_BLOCK ? "," : "[");
				buf_add(&docs, "[", 1);
				json_str(&docs, ids[i]);
				buf_add(&docs, ",", 1);
				json_str(&docs, (char *)slug);
				buf_add(&docs, ",", 1);
				json_str(&docs, (char *)no);
				buf_add(&docs, ",", 1);
				json_str(&docs, (char *)name);
				buf_add(&docs, ",", 1);
				json_str(&docs, (char *)head);
				buf_add(&docs, ",", 1);
				json_str(&docs, (char *)date);
				buf_add(&docs, "]", 1);
				text = render_index_path(ids[i], (char *)no, (char *)slug);
				hp = xasprintf("%s/%s", out, text);
				/* Without its text (a story whose page failed), the
				 * headline at least. */
				if (sp.mine == NULL)
					; /* spilled from its record */
				else if (!index_file(&sp, hp)) {
					if (head != NULL)
						search_terms((char *)head, strlen((char *)head),
						             spill_term, &sp);
					whole = 0;
				}
				free(hp);
				free(text);
				xmlFree(slug);
				xmlFree(no);
				xmlFree(name);
				xmlFree(head);
				spill_next(&sp);
				if (sp.doc % SEARCH_BLOCK == 0) {
					buf_add(&docs, "]", 1);
					write_part(path, "docs", blocks++, &docs, &v);
				}
			}
		/* An issue with a text missing is read again next time. */
		if (sp.mine != NULL && !sp.failed)
			record_write(out, ids[i], keys[i], sp.doc - sp.base,
			             whole ? &mine : NULL);
		sp.mine = NULL;
		xmlFree(date);
		xmlFreeDoc(heads);
	}
	record_prune(out, ids, n);
	if (sp.doc % SEARCH_BLOCK != 0) {
		buf_add(&docs, "]", 1);
		write_part(path, "docs", blocks++, &docs, &v);
	}
	empty_parts(c, "search-blocks", path, "docs", blocks, "[]");

	/* The shards, each term's postings as steps: their count from the
	 * size of every term's postings, then a bucket at a time. */
	for (k = 0; k < sp.nb && !sp.failed; k++)
		if (!group_bucket(sp.bucket[k], &total))
			sp.failed = 1;
	if (sp.failed) {
		diag(path, 0, 0, D_WRITE, strerror(errno ? errno : EIO));
		goto out;
	}
	while (total / shards > SEARCH_SHARD_BYTES && shards < SEARCH_SHARDS_MAX)
		shards *= 2;
	/* Fewer shards than buckets: the index is small, and read whole. */
	for (k = 0; k < sp.nb; k++)
		if ((shards >= sp.nb || k == 0) &&
		    !write_shards(&sp, k, shards, path, &b, &v))
			goto out;
	empty_parts(c, "search-shards", path, "terms", shards, "{}\n");

	/* The manifest last: a reader never sees one whose parts are not
	 * there yet. */
	{
		char *tp = render_index_path("{issue}", "{page}", "{slug}");
		char *head = xasprintf("{\"version\":1,\"docs\":%u,\"block\":%d,"
		                       "\"shards\":%zu,\"text\":",
		                       sp.doc, SEARCH_BLOCK, shards);
		char ver[24];

		buf_adds(&b, head);
		json_str(&b, tp + strlen("site/"));
		snprintf(ver, sizeof(ver), "%016llx", (unsigned long long)v);
		buf_adds(&b, ",\"v\":\"");
		buf_adds(&b, ver);
		buf_adds(&b, "\"}\n");
		free(head);
		free(tp);
		if (out_write(idx, b.data, b.len))
			cache_set(c, "search", h);
	}
out:
	free(keys);
	buf_free(&mine);
	for (k = 0; k < sp.nb; k++)
		if (sp.bucket[k] != NULL)
			fclose(sp.bucket[k]);
	free(sp.bucket);
	free(sp.seen);
	buf_free(&docs);
	buf_free(&b);
	free(path);
	free(idx);
}
