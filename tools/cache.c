/*
 * The build cache: what the last build saw, so that the next one redoes
 * only what changed.  It lives in OUT/.press/cache, one line a record:
 *
 *   file SIZE MTIME_NS INODE HASH PATH   a file's content hash
 *   key NAME HASH                        whatever the build records
 *
 * Changes are judged by content: a file whose size, time or inode moved
 * is read and hashed again, and only a different hash is a change, so a
 * touched file costs a read, never a rebuild.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "press.h"

#define CACHE_MAGIC "press-cache 1 " PRESS_VERSION

struct entry {
	char *name;       /* a path, or a key */
	int is_file;
	uint64_t size;
	uint64_t mtime;   /* nanoseconds */
	uint64_t ino;
	uint64_t hash;
	int seen;         /* asked for in this build: kept on save */
};

struct cache {
	char *path;
	int dirty;        /* an entry came or changed since it was read */
	struct entry *e;
	size_t n, cap;
	size_t *table;    /* open addressing: index + 1, 0 empty */
	size_t tcap;
};

uint64_t
hash_bytes(const void *data, size_t len, uint64_t h)
{
	const unsigned char *p = data;
	size_t i;

	/* FNV-1a, 64 bits: enough to tell versions of one file apart. */
	for (i = 0; i < len; i++)
		h = (h ^ p[i]) * 1099511628211ULL;
	return h;
}

#define HASH_SEED 14695981039346656037ULL

static size_t
slot_of(const struct cache *c, const char *name, int is_file)
{
	uint64_t h = hash_bytes(name, strlen(name), HASH_SEED + (uint64_t)is_file);
	size_t i = (size_t)h & (c->tcap - 1);

	while (c->table[i] != 0) {
		struct entry *e = &c->e[c->table[i] - 1];

		if (e->is_file == is_file && strcmp(e->name, name) == 0)
			break;
		i = (i + 1) & (c->tcap - 1);
	}
	return i;
}

static void
rehash(struct cache *c)
{
	size_t i;

	free(c->table);
	c->tcap = c->tcap ? c->tcap * 2 : 1024;
	c->table = xcalloc(c->tcap, sizeof(size_t));
	for (i = 0; i < c->n; i++)
		c->table[slot_of(c, c->e[i].name, c->e[i].is_file)] = i + 1;
}

static struct entry *
find(struct cache *c, const char *name, int is_file, int create)
{
	size_t s;

	if (c->tcap == 0 || (c->n + 1) * 2 > c->tcap)
		rehash(c);
	s = slot_of(c, name, is_file);
	if (c->table[s] != 0)
		return &c->e[c->table[s] - 1];
	if (!create)
		return NULL;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 256;
		c->e = xrealloc(c->e, c->cap * sizeof(*c->e));
	}
	memset(&c->e[c->n], 0, sizeof(*c->e));
	c->dirty = 1;
	c->e[c->n].name = xstrdup(name);
	c->e[c->n].is_file = is_file;
	c->table[s] = ++c->n;
	return &c->e[c->n - 1];
}

/* The cache kept in path (it takes path); an absent or foreign one is
 * empty. */
static struct cache *
load(char *path)
{
	struct cache *c = xcalloc(1, sizeof(*c));
	char *line = NULL, name[4096];
	size_t cap = 0;
	FILE *f;
	struct entry *e;
	uint64_t size, mtime, ino, hash;

	c->path = path;
	if ((f = fopen(c->path, "r")) == NULL)
		return c;
	/* Another version of press, another cache: start afresh. */
	if (getline(&line, &cap, f) < 0 ||
	    strncmp(line, CACHE_MAGIC "\n", strlen(CACHE_MAGIC) + 1) != 0)
		goto out;
	while (getline(&line, &cap, f) > 0) {
		if (sscanf(line, "file %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNx64
		           " %4095[^\n]", &size, &mtime, &ino, &hash, name) == 5) {
			e = find(c, name, 1, 1);
			e->size = size, e->mtime = mtime, e->ino = ino;
			e->hash = hash;
		} else if (sscanf(line, "key %4095s %" SCNx64, name, &hash) == 2)
			find(c, name, 0, 1)->hash = hash;
	}
out:
	free(line);
	fclose(f);
	c->dirty = 0;
	return c;
}

struct cache *
cache_load(const char *out)
{
	return load(xasprintf("%s/.press/cache", out));
}

/*
 * The files of one issue are kept out of the build's cache, so that it
 * does not grow with the archive: those of its folder in
 * OUT/.press/trees/<folder name>, the files a build wrote for it (its
 * list, OUT/.press/files/<id>) in OUT/.press/made/<id>.  Each is a cache
 * of its own, read when that issue is looked at and written again when
 * something in it changed.
 */
static struct cache *
load_beside(const struct cache *c, const char *kind, const char *file)
{
	const char *base = strrchr(file, '/');
	char *dir = xstrdup(c->path), *slash = strrchr(dir, '/');
	struct cache *sub;

	if (slash != NULL)
		*slash = '\0';
	sub = load(xasprintf("%s/%s/%s", dir, kind, base ? base + 1 : file));
	free(dir);
	return sub;
}

/* Writes sub when it changed or lost entries (prune), and frees it. */
static void
sub_done(struct cache *sub, int prune)
{
	size_t i, seen = 0;

	for (i = 0; i < sub->n; i++)
		seen += sub->e[i].seen;
	if (sub->dirty || (prune && seen < sub->n))
		cache_save(sub, prune);
	cache_free(sub);
}

uint64_t
cache_file(struct cache *c, const char *path)
{
	struct stat sb;
	struct entry *e;
	uint64_t mtime, h = HASH_SEED;
	char chunk[65536];
	ssize_t n;
	int fd;

	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return 0;
	mtime = (uint64_t)sb.st_mtim.tv_sec * 1000000000ULL +
	        (uint64_t)sb.st_mtim.tv_nsec;
	e = find(c, path, 1, 1);
	e->seen = 1;
	if (e->hash != 0 && e->size == (uint64_t)sb.st_size &&
	    e->mtime == mtime && e->ino == (uint64_t)sb.st_ino)
		return e->hash;
	if ((fd = open(path, O_RDONLY)) < 0)
		return 0;
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		h = hash_bytes(chunk, (size_t)n, h);
	close(fd);
	e->size = (uint64_t)sb.st_size;
	e->mtime = mtime;
	e->ino = (uint64_t)sb.st_ino;
	e->hash = h ? h : 1;
	c->dirty = 1;
	return e->hash;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static uint64_t
tree(struct cache *c, const char *dir, uint64_t h)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, i;
	struct stat sb;

	if (d == NULL)
		return hash_bytes(dir, strlen(dir), h);
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.') {
			names = xrealloc(names, (n + 1) * sizeof(char *));
			names[n++] = xasprintf("%s/%s", dir, de->d_name);
		}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(char *), by_name);
	/* Names and contents, in a fixed order: a file added, removed or
	 * renamed changes the hash as an edit does. */
	for (i = 0; i < n; i++) {
		uint64_t fh;

		h = hash_bytes(names[i], strlen(names[i]) + 1, h);
		if (stat(names[i], &sb) == 0 && S_ISDIR(sb.st_mode))
			h = tree(c, names[i], h);
		else {
			fh = cache_file(c, names[i]);
			h = hash_bytes(&fh, sizeof(fh), h);
		}
		free(names[i]);
	}
	free(names);
	return h;
}

uint64_t
cache_tree(struct cache *c, const char *dir, uint64_t h)
{
	struct cache *sub = load_beside(c, "trees", dir);

	h = tree(sub, dir, h);
	sub_done(sub, 1);
	return h;
}

uint64_t
cache_get(struct cache *c, const char *key)
{
	struct entry *e = find(c, key, 0, 0);

	return e ? e->hash : 0;
}

void
cache_set(struct cache *c, const char *key, uint64_t hash)
{
	struct entry *e = find(c, key, 0, 1);

	e->hash = hash;
	e->seen = 1;
}

void
cache_keep(struct cache *c, const char *key)
{
	struct entry *e = find(c, key, 0, 0);

	if (e != NULL)
		e->seen = 1;
}

int
cache_save(struct cache *c, int prune)
{
	struct buf b = {0};
	char line[4300];
	size_t i;
	int ok;

	buf_adds(&b, CACHE_MAGIC "\n");
	for (i = 0; i < c->n; i++) {
		struct entry *e = &c->e[i];

		/* Only what this build looked at: a deleted story leaves. */
		if (prune && !e->seen)
			continue;
		if (e->is_file)
			snprintf(line, sizeof(line), "file %" PRIu64 " %" PRIu64 " %"
			         PRIu64 " %" PRIx64 " %s\n", e->size, e->mtime, e->ino,
			         e->hash, e->name);
		else
			snprintf(line, sizeof(line), "key %s %" PRIx64 "\n", e->name,
			         e->hash);
		buf_adds(&b, line);
	}
	ok = out_write(c->path, b.data, b.len);
	buf_free(&b);
	return ok;
}

void
cache_free(struct cache *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		free(c->e[i].name);
	free(c->e);
	free(c->table);
	free(c->path);
	free(c);
}

/* What each_listed() passes each line of a list. */
struct listed {
	struct cache *c;
	int (*fn)(struct cache *, const char *);
	struct buf full; /* OUT/, then the line */
	size_t base;
	int all;
};

static void
listed_line(char *line, void *arg)
{
	struct listed *l = arg;

	if (*line == '\0')
		return;
	l->full.len = l->base;
	buf_adds(&l->full, line);
	if (!l->fn(l->c, l->full.data))
		l->all = 0;
}

/* Calls fn on each line of the file list (a path a line), and returns
 * whether every call returned 1; 0 when there is no list. */
static int
each_listed(struct cache *c, const char *list,
            int (*fn)(struct cache *, const char *))
{
	const char *dot = strstr(list, "/.press/files/");
	struct listed l = {c, fn, {0}, 0, 1};
	int read;

	/* The list, OUT/.press/files/<id>, names files under OUT. */
	buf_add(&l.full, list, dot != NULL ? (size_t)(dot - list) : 0);
	if (dot != NULL)
		buf_add(&l.full, "/", 1);
	l.base = l.full.len;
	read = each_line(list, listed_line, &l);
	buf_free(&l.full);
	return read && l.all;
}

static int
made(struct cache *c, const char *path)
{
	cache_file(c, path);
	return 1;
}

/* Whether path holds what it held when it was recorded made (its entry
 * in c); its time or inode may have moved. */
static int
intact(struct cache *c, const char *path)
{
	struct entry *e = find(c, path, 1, 0);
	uint64_t was = e ? e->hash : 0;

	return was != 0 && cache_file(c, path) == was;
}

void
cache_made(struct cache *c, const char *list)
{
	struct cache *sub = load_beside(c, "made", list);

	each_listed(sub, list, made);
	sub_done(sub, 1);
}

int
cache_intact(struct cache *c, const char *list)
{
	struct cache *sub = load_beside(c, "made", list);
	int all = each_listed(sub, list, intact);

	/* A file touched but as it was: its new time is kept, so it is
	 * not read again.  One that changed stays recorded as it was
	 * made, until it is made again. */
	if (!all)
		sub->dirty = 0;
	sub_done(sub, 0);
	return all;
}
