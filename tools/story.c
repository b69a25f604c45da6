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

/* Whether a body nests deeper than validate.c lets any stage walk. */
static int
too_deep(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node *n;
	int deep = 0, d;

	while (!deep && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		for (d = 0, n = cmark_iter_get_node(it); n != NULL && d <= 32;
		     n = cmark_node_parent(n))
			d++;
		deep = d > 32;
	}
	cmark_iter_free(it);
	return deep;
}

struct story *
story_parse_bytes(const char *path, const char *bytes, size_t len)
{
	struct story *st = xcalloc(1, sizeof(*st));
	const char *text = bytes, *end = bytes + len, *p, *fm, *body = bytes;
	yaml_parser_t parser;
	int line = 1;

	st->src = xcalloc(1, sizeof(*st->src));
	st->src->path = xstrdup(path);
	st->src->text = xstrndup(bytes, len);
	st->src->len = len;
	st->src->encoding = "UTF-8";
	st->src->eol = "\n";
	if (memmem(bytes, len, "\xE2\xB8\xAE", 3) != NULL ||
	    u8_check(bytes, len) != len || memchr(bytes, '\0', len) != NULL)
		goto fail;
	/* The front matter as split() finds it, loaded without a word. */
	if (is_fence(text, end, "---")) {
		p = memchr(text, '\n', len);
		fm = p ? p + 1 : end;
		for (p = fm; p < end; line++) {
			const char *eol = memchr(p, '\n', (size_t)(end - p));

			if (eol == NULL)
				eol = end;
			if (is_fence(p, end, "---") || is_fence(p, end, "...")) {
				st->fm_lines = line + 1;
				yaml_parser_initialize(&parser);
				yaml_parser_set_input_string(&parser,
				    (const unsigned char *)fm, (size_t)(p - fm));
				yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
				st->has_fm = yaml_parser_load(&parser, &st->fm);
				yaml_parser_delete(&parser);
				if (!st->has_fm)
					goto fail;
				body = eol < end ? eol + 1 : end;
				break;
			}
			p = eol + 1;
		}
		if (p >= end)
			goto fail;
	}
	body_parse(st, body, (size_t)(end - body));
	if (too_deep(st->doc))
		goto fail;
	return st;
fail:
	story_free(st);
	return NULL;
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
	for (i = 0; i < st->nby; i++) {
		free(st->by[i].name);
		free(st->by[i].label);
	}
	free(st->by);
	for (i = 0; i < st->nphotos; i++)
		free(st->photos[i].href);
	free(st->photos);
	free(st);
}
