/*
 * --fix: the mechanical corrections of the findings, made on the file's
 * own text.  A correction changes copy, never the story's shape; one
 * that would is left for the reporter.  Nothing here touches a file: the
 * caller writes the text back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proof.h"

struct span {
	long a, b; /* bytes of the file */
	const char *repl;
};

/* The bytes an edit covers; 0 when its characters are not spelled in the
 * file as they read (an escape, an entity, a line end between them). */
static int
edit_span(const struct seg *sg, const struct edit *e, struct span *sp)
{
	size_t i;

	if (e->end <= e->start)
		return 0;
	for (i = e->start; i < e->end; i++) {
		const struct ch *c = &sg->c[i];

		if (c->kind != C_TEXT || c->src < 0 || c->len == 0)
			return 0;
		if (i > e->start && c->src != sg->c[i - 1].src + sg->c[i - 1].len)
			return 0;
	}
	sp->a = sg->c[e->start].src;
	sp->b = sg->c[e->end - 1].src + sg->c[e->end - 1].len;
	sp->repl = e->repl;
	return 1;
}

static int
by_start(const void *x, const void *y)
{
	const struct span *a = x, *b = y;

	return a->a < b->a ? -1 : a->a > b->a;
}

/*
 * The text of the file with the mechanical corrections of ck's findings
 * applied (those use marks, or all), and how many findings they correct
 * (*n); NULL when there is nothing to correct.  A correction whose
 * characters are not spelled in the file as they read, or that overlaps
 * another, waits for the next pass.  The caller frees.
 */
static int
fixable(const struct finding *f)
{
	return f->mech && rule_table[f->rule].fixes &&
	       house.level[f->rule] != DIAG_OK && f->ne > 0 &&
	       (f->seg != NOSEG || f->ne == 1);
}

static char *
fixed_text(const struct proof *ck, const char *use, size_t *len, unsigned *n)
{
	struct span *sp = NULL, one;
	size_t nsp = 0, i, k, j, first;
	struct buf out = {0};
	long done = 0;
	int ok;

	*n = 0;
	for (i = 0; i < ck->nfs; i++) {
		const struct finding *f = &ck->fs[i];

		if (!fixable(f) || (use != NULL && !use[i]))
			continue;
		first = nsp;
		for (ok = 1, k = 0; ok && k < f->ne; k++) {
			if (f->seg == NOSEG) {
				/* A finding on the source (rules 8 and 18):
				 * its edit is in bytes of the file. */
				one.a = (long)f->e[k].start;
				one.b = (long)f->e[k].end;
				one.repl = f->e[k].repl;
			} else
				ok = edit_span(&ck->segs[f->seg], &f->e[k], &one);
			for (j = 0; ok && j < nsp; j++)
				ok = one.b <= sp[j].a || one.a >= sp[j].b;
			if (ok) {
				sp = xrealloc(sp, (nsp + 1) * sizeof(*sp));
				sp[nsp++] = one;
			}
		}
		if (ok)
			(*n)++;
		else
			nsp = first;
	}
	if (nsp == 0) {
		free(sp);
		return NULL;
	}
	qsort(sp, nsp, sizeof(*sp), by_start);
	buf_add(&out, "", 0);
	for (i = 0; i < nsp; i++) {
		buf_add(&out, ck->f.text + done, (size_t)(sp[i].a - done));
		buf_adds(&out, sp[i].repl);
		done = sp[i].b;
	}
	buf_add(&out, ck->f.text + done, ck->f.len - (size_t)done);
	free(sp);
	*len = out.len;
	return out.data;
}


/*
 * The shape of a story: its front matter's keys and the kinds of its
 * values; every node of the body with what a link, image, code or
 * heading holds besides text.  A correction changes copy, never the
 * shape: a space taken out beside ** must not make emphasis, a quote
 * mark must not end a YAML string.  The caller frees.
 */
static char *
shape(const struct story *st)
{
	struct buf b = {0};
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *n;
	yaml_node_t *y;
	char num[32];

	buf_add(&b, "", 0);
	if (st->has_fm)
		for (y = st->fm.nodes.start; y < st->fm.nodes.top; y++) {
			snprintf(num, sizeof(num), "y%d.%d ", (int)y->type,
			         y->type == YAML_SCALAR_NODE ?
			         (int)y->data.scalar.style : 0);
			buf_adds(&b, num);
			if (y->type == YAML_MAPPING_NODE) {
				yaml_node_pair_t *p;

				for (p = y->data.mapping.pairs.start;
				     p < y->data.mapping.pairs.top; p++) {
					const char *k = fm_scalar(
					    yaml_document_get_node(
					    (yaml_document_t *)&st->fm, p->key));

					buf_adds(&b, k ? k : "?");
					buf_adds(&b, " ");
				}
			}
		}
	buf_adds(&b, "|");
	if (st->doc == NULL)
		return b.data;
	it = cmark_iter_new(st->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		snprintf(num, sizeof(num), "%c%d", ev == CMARK_EVENT_ENTER ? '+' : '-',
		         (int)cmark_node_get_type(n));
		buf_adds(&b, num);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			buf_adds(&b, cmark_node_get_url(n));
			break;
		case CMARK_NODE_CODE:
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			buf_adds(&b, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_HEADING:
			snprintf(num, sizeof(num), "h%d", cmark_node_get_heading_level(n));
			buf_adds(&b, num);
			break;
		default:
			break;
		}
		buf_adds(&b, "\n");
	}
	cmark_iter_free(it);
	return b.data;
}

/* The story text reads as, when it parses with the shape of before (a
 * correction that is not one leaves it NULL). */
static struct story *
reparse(const char *path, const char *text, size_t len, const char *before)
{
	struct story *st = story_parse_bytes(path, text, len);
	char *after = st != NULL ? shape(st) : NULL;

	if (after == NULL || strcmp(after, before) != 0) {
		story_free(st);
		st = NULL;
	}
	free(after);
	return st;
}

/*
 * One pass over cur: the corrected text, the story it makes (*next) and
 * the corrections made (*n).  All of them when together they keep the
 * story's shape, else those that do, tried one by one.  NULL when none
 * can be made.
 */
static char *
fix_pass(const struct story *cur, struct story **next, unsigned *n)
{
	struct proof ck;
	char *before = shape(cur), *text, *best = NULL, *use;
	struct story *st, *best_st = NULL;
	size_t len, i;
	unsigned k, best_n = 0;

	collect_story(&ck, cur);
	proof_run(&ck);
	text = fixed_text(&ck, NULL, &len, &k);
	if (text != NULL &&
	    (st = reparse(cur->src->path, text, len, before)) != NULL) {
		best = text;
		best_st = st;
		best_n = k;
	} else if (text != NULL && k <= 64) {
		/* Each one tried alone parses the story once more, so only
		 * when there are a few dozen; otherwise none is made. */
		free(text);
		use = xcalloc(ck.nfs + 1, 1);
		for (i = 0; i < ck.nfs; i++) {
			if (!fixable(&ck.fs[i]))
				continue;
			use[i] = 1;
			text = fixed_text(&ck, use, &len, &k);
			st = text != NULL && k > best_n ?
			     reparse(cur->src->path, text, len, before) : NULL;
			if (st == NULL) {
				use[i] = 0;
				free(text);
				continue;
			}
			free(best);
			story_free(best_st);
			best = text;
			best_st = st;
			best_n = k;
		}
		free(use);
	} else
		free(text);
	proof_free(&ck);
	free(before);
	*next = best_st;
	*n = best_n;
	return best;
}

char *
proof_fix(const struct story *st, unsigned *n)
{
	const struct story *cur = st;
	struct story *now = NULL, *next;
	char *text = NULL, *fixed;
	unsigned round, k;

	*n = 0;
	if (!house.loaded)
		house_defaults();
	if (st == NULL || st->src == NULL || st->too_deep)
		return NULL;
	for (round = 0; round < 8 && (fixed = fix_pass(cur, &next, &k)) != NULL;
	     round++) {
		story_free(now);
		free(text);
		now = next;
		text = fixed;
		cur = now;
		*n += k;
	}
	story_free(now);
	return text;
}
