/*
 * The story pipeline: read → front matter → body → validate.  The stages
 * run in this order and each takes only what the one before produced.
 * Every stage runs even after an earlier one complained, so one build
 * reports every problem of a story; validate decides whether it is built.
 */
#include <stdlib.h>
#include <string.h>

#include "press.h"

/* Whether the line at s (up to the next LF) is exactly mark, ignoring
 * trailing blanks. */
static int
is_fence(const char *s, const char *end, const char *mark)
{
	size_t n = strlen(mark);

	if ((size_t)(end - s) < n || memcmp(s, mark, n) != 0)
		return 0;
	for (s += n; s < end && *s != '\n'; s++)
		if (*s != ' ' && *s != '\t')
			return 0;
	return 1;
}

/*
 * Finds the front matter, loads it into st->fm and returns where the
 * body starts (NULL when there is none to parse).
 */
static const char *
split(struct story *st, size_t *bodylen)
{
	const char *text = st->src->text, *end = text + st->src->len;
	const char *p, *fm;
	int line = 1;

	if (!is_fence(text, end, "---")) {
		diag(st->src->path, 1, 1, D_FM_MISSING);
		*bodylen = st->src->len;
		return text;
	}
	p = memchr(text, '\n', (size_t)(end - text));
	fm = p ? p + 1 : end;
	for (p = fm; p < end; line++) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));

		if (eol == NULL)
			eol = end;
		if (is_fence(p, end, "---") || is_fence(p, end, "...")) {
			st->fm_lines = line + 1;
			st->has_fm = fm_load(st->src->path, fm, (size_t)(p - fm),
			                     1, &st->fm);
			p = eol < end ? eol + 1 : end;
			*bodylen = (size_t)(end - p);
			return p;
		}
		p = eol + 1;
	}
	diag(st->src->path, 1, 1, D_FM_UNTERMINATED);
	return NULL;
}

static struct story *
story_load_src(struct src *src)
{
	struct story *st = xcalloc(1, sizeof(*st));
	const char *body;
	size_t bodylen = 0;
	unsigned errors = diag_errors();

	st->src = src;
	if (src->len == strspn(src->text, " \t\n")) {
		diag(src->path, 1, 1, D_EMPTY);
		return st;
	}
	if ((body = split(st, &bodylen)) != NULL)
		body_parse(st, body, bodylen);
	validate_story(st);
	st->ok = diag_errors() == errors;
	/* The proofreading rules only warn; they read every story that
	 * can be walked. */
	if (!st->too_deep)
		check_story(st);
	return st;
}

struct story *
story_load(const char *path)
{
	struct src *src = src_read(path);

	if (src == NULL)
		return NULL;
	return story_load_src(src);
}

struct story *
story_load_bytes(const char *path, const char *bytes, size_t len)
{
	struct src *src = src_from_bytes(path, bytes, len);

	if (src == NULL)
		return NULL;
	return story_load_src(src);
}

void
story_free(struct story *st)
{
	size_t i;

	if (st == NULL)
		return;
	src_free(st->src);
	if (st->has_fm)
		yaml_document_delete(&st->fm);
	free(st->pre);
	body_lines_free(st->lines);
	if (st->doc != NULL)
		cmark_node_free(st->doc);
	free(st->title);
	free(st->kicker);
	for (i = 0; i < st->nsubtitles; i++)
		free(st->subtitles[i]);
	free(st->subtitles);
	free(st->genre);
	free(st->dateline);
	free(st->date);
	free(st->slug);
	for (i = 0; i < st->nby; i++)
		free(st->by[i].name);
	free(st->by);
	free(st);
}
