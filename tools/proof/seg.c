/*
 * Segments: rows of characters of copy, each knowing its byte in the
 * reporter's file; and the findings the rules add to them.
 */
#include <stdlib.h>
#include <string.h>

#include "proof.h"

void
file_init(struct file *f, const char *path, const char *text, size_t len)
{
	size_t i;

	f->path = path;
	f->text = text;
	f->len = len;
	f->lines = xmalloc(sizeof(size_t));
	f->lines[0] = 0;
	f->nlines = 1;
	for (i = 0; i < len; i++)
		if (text[i] == '\n') {
			f->lines = xrealloc(f->lines, (f->nlines + 1) * sizeof(size_t));
			f->lines[f->nlines++] = i + 1;
		}
}

/* Line and column (characters, from 1) of a byte of the file. */
void
file_pos(struct file *f, size_t off, int *line, int *col)
{
	size_t lo = 0, hi = f->nlines;

	if (off > f->len)
		off = f->len;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (f->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (int)lo + 1;
	if (f->last_line == *line && f->last <= off)
		*col = f->last_col + (int)u8_count(f->text + f->last, off - f->last);
	else
		*col = (int)u8_count(f->text + f->lines[lo], off - f->lines[lo]) + 1;
	f->last = off;
	f->last_line = *line;
	f->last_col = *col;
}

/* The byte of the file at line (from 1) and column (characters). */
size_t
file_off(const struct file *f, int line, int col)
{
	size_t off, i;
	uint32_t cp;

	if (line < 1 || (size_t)line > f->nlines)
		return f->len;
	off = f->lines[line - 1];
	for (i = 1; i < (size_t)col && off < f->len && f->text[off] != '\n'; i++)
		off += u8_next(f->text + off, f->len - off, &cp);
	return off;
}

size_t
seg_new(struct proof *ck, enum part part)
{
	struct seg *sg;

	if (ck->nsegs == ck->segcap) {
		ck->segcap = ck->segcap ? 2 * ck->segcap : 16;
		ck->segs = xrealloc(ck->segs, ck->segcap * sizeof(*ck->segs));
	}
	sg = &ck->segs[ck->nsegs];
	memset(sg, 0, sizeof(*sg));
	sg->part = part;
	sg->prev = sg->next = NOSEG;
	return ck->nsegs++;
}

void
seg_push(struct seg *sg, uint32_t cp, long src, size_t len, enum ckind kind)
{
	if (sg->n == sg->cap) {
		sg->cap = sg->cap ? sg->cap * 2 : 64;
		sg->c = xrealloc(sg->c, sg->cap * sizeof(*sg->c));
	}
	sg->c[sg->n].cp = cp;
	sg->c[sg->n].src = src;
	sg->c[sg->n].len = (unsigned char)len;
	sg->c[sg->n++].kind = (unsigned char)kind;
}

/* The length of an HTML entity at s, or 0. */
static size_t
entity(const char *s, size_t n)
{
	size_t i;

	for (i = 1; i < n && i < 40; i++) {
		if (s[i] == ';')
			return i > 1 ? i + 1 : 0;
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '#'))
			return 0;
	}
	return 0;
}

/*
 * Appends the characters of lit to sg, each with its place in base,
 * starting at byte pos.  map turns a byte of base into a byte of the
 * file (NULL: they are the same) and is -1 on the marks body.c put in.
 * A character the file spells another way (a backslash escape, an
 * entity) gets the place that spelling starts at and no length; where
 * lit and base part (the dateline body.c took off a paragraph), the next
 * characters of lit are looked for further on in the line.
 */
void
seg_walk(struct seg *sg, const char *lit, const char *base, size_t blen,
     size_t pos, const long *map, enum ckind kind)
{
	size_t i = 0, n = strlen(lit), k, q, want, end, j;
	uint32_t cp;
	const char *found;

#define SRC(p) (map ? ((p) < blen ? map[p] : -1) : (long)(p))
	while (i < n) {
		k = u8_next(lit + i, n - i, &cp);
		while (map != NULL && pos < blen && map[pos] < 0)
			pos++;
		if (pos + k <= blen && memcmp(base + pos, lit + i, k) == 0) {
			seg_push(sg, cp, SRC(pos), k, kind);
			pos += k;
			i += k;
			continue;
		}
		if (pos + 1 + k <= blen && base[pos] == '\\' &&
		    memcmp(base + pos + 1, lit + i, k) == 0) {
			seg_push(sg, cp, SRC(pos), 0, kind);
			pos += 1 + k;
			i += k;
			continue;
		}
		if (pos < blen && base[pos] == '&' &&
		    (q = entity(base + pos, blen - pos)) > 0) {
			seg_push(sg, cp, SRC(pos), 0, kind);
			pos += q;
			i += k;
			continue;
		}
		for (want = 0, j = 0; i + want < n && j < 6; j++)
			want += u8_next(lit + i + want, n - i - want, &cp);
		u8_next(lit + i, n - i, &cp);
		for (end = pos; end < blen && end - pos < 512 && base[end] != '\n';
		     end++)
			continue;
		found = pos < end ? memmem(base + pos, end - pos, lit + i, want)
		                  : NULL;
		if (found != NULL && found > base + pos) {
			pos = (size_t)(found - base);
			continue;
		}
		seg_push(sg, cp, SRC(pos), 0, kind);
		i += k;
	}
#undef SRC
}

/* The segment as UTF-8, anything not copy as U+FFFC; offs[k] is the byte
 * where character k starts (offs[n] the end).  The caller frees both. */
char *
seg_text(const struct seg *sg, size_t **offs)
{
	struct buf b = {0};
	size_t i;

	*offs = xmalloc((sg->n + 1) * sizeof(size_t));
	buf_add(&b, "", 0);
	for (i = 0; i < sg->n; i++) {
		(*offs)[i] = b.len;
		buf_addc(&b, sg->c[i].kind == C_TEXT ? sg->c[i].cp : OBJ);
	}
	(*offs)[sg->n] = b.len;
	return b.data;
}

/* The character index of byte off of seg_text()'s string. */
size_t
seg_char_at(const size_t *offs, size_t n, size_t off)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (offs[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* ---- findings --------------------------------------------------------- */

struct finding *
finding_add(struct proof *ck, enum rule r, size_t seg, size_t start, size_t end,
    const char *what)
{
	struct finding *f;

	if (ck->nfs == ck->fcap) {
		ck->fcap = ck->fcap ? 2 * ck->fcap : 16;
		ck->fs = xrealloc(ck->fs, ck->fcap * sizeof(*ck->fs));
	}
	f = &ck->fs[ck->nfs++];
	memset(f, 0, sizeof(*f));
	f->rule = r;
	f->seg = seg;
	f->start = start;
	f->end = end;
	f->what = xstrdup(what);
	if (seg != NOSEG)
		f->head = ck->segs[seg].part == P_HEAD;
	return f;
}

/* Replaces characters [start, end) with repl in the corrected text. */
void
finding_edit(struct finding *f, size_t start, size_t end, const char *repl)
{
	f->e = xrealloc(f->e, (f->ne + 1) * sizeof(*f->e));
	f->e[f->ne].start = start;
	f->e[f->ne].end = end;
	f->e[f->ne++].repl = xstrdup(repl);
}

void
finding_edit_cp(struct finding *f, size_t i, uint32_t cp)
{
	struct buf b = {0};

	buf_addc(&b, cp);
	finding_edit(f, i, i + 1, b.data);
	buf_free(&b);
}

int
rule_on(const struct seg *sg, enum rule r)
{
	return house.level[r] != DIAG_OK && (rule_table[r].parts & IN(sg->part)) &&
	       !sg->dead;
}

