/*
 * Stage 3, body: cmark parses the Markdown after the front matter, then
 * passes over the tree fit it to Chinese copy:
 *
 *  - emphasis: cmark pairs ** and _ (and GFM's ~~) by the CommonMark
 *    flanking rules, which look at whether a delimiter run's neighbours
 *    are white space or punctuation.  In 这是**“暖心伴考”**服务 the first run sits between
 *    a Han character and a full-width quote and cannot open.  Before
 *    parsing, prepare() puts U+2E2E (a punctuation mark no copy uses)
 *    beside each run that touches CJK text wherever the neighbour is
 *    neither space nor punctuation; cmark then pairs the runs the way
 *    the writer meant, and strip() removes every U+2E2E afterwards.
 *    Only columns move, and body_pos() maps them back.
 *  - soft line breaks: a break with CJK text on either side is no space.
 *  - dateline: a first paragraph opening with 本报讯（记者 张晶）fills
 *    the story's dateline and byline and loses that opening.
 *  - figures: an image alone in a paragraph becomes a figure; a photo
 *    credit (本报记者 孙妍 摄影报道) on the next line or in the next
 *    paragraph becomes its credit, with the names marked.
 *  - verse: in a story of genre 诗歌, and in a ```verse (```诗) block,
 *    lines and stanzas are kept; elsewhere a paragraph that reads like
 *    verse is marked for validate.c to warn about.
 *
 * This stage judges nothing; validate.c reports what it finds wrong.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "press.h"

#define SENTINEL "\xE2\xB8\xAE" /* U+2E2E */
#define SENTINEL_LEN 3

const char *const role_names[ROLE_MAX] = {
	"reporter",      /* ROLE_REPORTER */
	"correspondent", /* ROLE_CORRESPONDENT */
	"intern",        /* ROLE_INTERN */
	"photographer",  /* ROLE_PHOTOGRAPHER */
	"author",        /* ROLE_AUTHOR */
};

static int
is_punct(uint32_t c)
{
	if (c < 0x80)
		return ispunct((int)c);
	return u_is_cjk_punct(c) || (c >= 0x2010 && c <= 0x205E) ||
	       (c >= 0x2E00 && c <= 0x2E7F) || c == 0x00B7;
}

/* The body text with U+2E2E beside delimiter runs that touch CJK text. */
static char *
prepare(const char *text, size_t len)
{
	struct buf b = {0};
	size_t i = 0, start;
	uint32_t pc, nc;

	buf_add(&b, "", 0);
	while (i < len) {
		char c = text[i];

		if (c == '\\' && i + 1 < len) {
			buf_add(&b, text + i, 2);
			i += 2;
			continue;
		}
		if (c != '*' && c != '_' && c != '~') {
			buf_add(&b, text + i, 1);
			i++;
			continue;
		}
		for (start = i; i < len && text[i] == c; i++)
			continue;
		if (start == 0 || !u8_prev(text, start, &pc))
			pc = '\n';
		if (!u8_next(text + i, len - i, &nc))
			nc = '\n';
		if ((u_is_cjk(pc) || u_is_cjk(nc)) && !u_is_space(pc) &&
		    !is_punct(pc))
			buf_adds(&b, SENTINEL);
		buf_add(&b, text + start, i - start);
		if ((u_is_cjk(pc) || u_is_cjk(nc)) && !u_is_space(nc) &&
		    !is_punct(nc))
			buf_adds(&b, SENTINEL);
	}
	return b.data;
}

/* A copy of s without U+2E2E, or NULL when s has none. */
static char *
strip(const char *s)
{
	struct buf b = {0};
	const char *p;

	if (s == NULL || strstr(s, SENTINEL) == NULL)
		return NULL;
	buf_add(&b, "", 0);
	while ((p = strstr(s, SENTINEL)) != NULL) {
		buf_add(&b, s, (size_t)(p - s));
		s = p + SENTINEL_LEN;
	}
	buf_adds(&b, s);
	return b.data;
}

static void
strip_all(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node *n, **empty = NULL;
	size_t nempty = 0, i;
	char *s;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			if ((s = strip(cmark_node_get_literal(n))) != NULL) {
				cmark_node_set_literal(n, s);
				free(s);
			}
			if (cmark_node_get_type(n) == CMARK_NODE_TEXT &&
			    *cmark_node_get_literal(n) == '\0') {
				empty = xrealloc(empty, (nempty + 1) * sizeof(*empty));
				empty[nempty++] = n;
			}
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			if ((s = strip(cmark_node_get_url(n))) != NULL) {
				cmark_node_set_url(n, s);
				free(s);
			}
			if ((s = strip(cmark_node_get_title(n))) != NULL) {
				cmark_node_set_title(n, s);
				free(s);
			}
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	for (i = 0; i < nempty; i++)
		cmark_node_free(empty[i]);
	free(empty);
}

static int
is_block(cmark_node *n)
{
	cmark_node_type t = cmark_node_get_type(n);

	return (t & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

/* The first (or, if back, the last) character inside inline node n; 0
 * when it has none. */
static uint32_t
edge(cmark_node *n, int back, int depth)
{
	const char *s;
	cmark_node *c;
	uint32_t cp = 0;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		s = cmark_node_get_literal(n);
		if (back)
			u8_prev(s, strlen(s), &cp);
		else
			u8_next(s, strlen(s), &cp);
		return cp;
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
		return '\n';
	case CMARK_NODE_HTML_INLINE:
		return '<';
	default:
		/* Deeper than any copy nests: validate.c refuses it anyway. */
		if (depth > 64)
			return 0;
		for (c = back ? cmark_node_last_child(n) : cmark_node_first_child(n);
		     c != NULL; c = back ? cmark_node_previous(c) : cmark_node_next(c))
			if ((cp = edge(c, back, depth + 1)) != 0)
				return cp;
		return 0;
	}
}

/* The character just before (back) or after inline node n in its block. */
static uint32_t
neighbour(cmark_node *n, int back)
{
	cmark_node *s;
	uint32_t cp;

	for (; n != NULL && !is_block(n); n = cmark_node_parent(n))
		for (s = back ? cmark_node_previous(n) : cmark_node_next(n);
		     s != NULL; s = back ? cmark_node_previous(s) : cmark_node_next(s))
			if ((cp = edge(s, back, 0)) != 0)
				return cp;
	return 0;
}

/* A soft break beside CJK text (or at either end) is no space at all. */
static void
softbreaks(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node *n, **gone = NULL;
	size_t ngone = 0, i;
	uint32_t before, after;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_SOFTBREAK)
			continue;
		before = neighbour(n, 1);
		after = neighbour(n, 0);
		if (before == 0 || after == 0 || u_is_cjk(before) ||
		    u_is_cjk(after)) {
			gone = xrealloc(gone, (ngone + 1) * sizeof(*gone));
			gone[ngone++] = n;
		}
	}
	cmark_iter_free(it);
	for (i = 0; i < ngone; i++)
		cmark_node_free(gone[i]);
	free(gone);
}

static int
starts(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);

	return n >= k && memcmp(s, prefix, k) == 0;
}

static int
ends(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* Length of the separator (space, U+3000 or 、) at s, or 0. */
static size_t
separator(const char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t'))
		return 1;
	if (starts(s, n, "\xE3\x80\x80") || starts(s, n, "、"))
		return 3;
	return 0;
}

size_t
role_at(const char *s, size_t n, enum role *role)
{
	size_t i, k, best = 0;

	for (i = 0; role_table[i].label != NULL; i++)
		if ((k = strlen(role_table[i].label)) > best &&
		    starts(s, n, role_table[i].label)) {
			best = k;
			*role = role_table[i].role;
		}
	return best;
}

/* Whether s (n bytes) can be a person's name: 1 to 10 Han characters or
 * the name-separator dot. */
static int
is_name(const char *s, size_t n)
{
	size_t i = 0, k, count = 0;
	uint32_t cp;

	while (i < n) {
		k = u8_next(s + i, n - i, &cp);
		if (!u_is_han(cp) && cp != 0x00B7)
			return 0;
		i += k;
		count++;
	}
	return count >= 1 && count <= 10;
}

int
body_parse_byline(const char *s, size_t n, struct contributor **out,
                  size_t *nout)
{
	enum role role = ROLE_MAX, r;
	size_t i = 0, k, start, len;
	struct contributor *by = NULL;
	size_t nby = 0;
	char *label = NULL;

	while (i < n) {
		if ((k = separator(s + i, n - i)) > 0) {
			i += k;
			continue;
		}
		if ((len = role_at(s + i, n - i, &r)) > 0) {
			role = r;
			free(label);
			label = strlen(role_labels[r]) == len &&
			        starts(s + i, n - i, role_labels[r]) ?
			    NULL : xstrndup(s + i, len);
			i += len;
			continue;
		}
		for (start = i; i < n && separator(s + i, n - i) == 0; i++)
			continue;
		if (role == ROLE_MAX || !is_name(s + start, i - start))
			goto fail;
		by = xrealloc(by, (nby + 1) * sizeof(*by));
		by[nby].role = role;
		by[nby].label = label ? xstrdup(label) : NULL;
		by[nby++].name = xstrndup(s + start, i - start);
	}
	if (nby == 0)
		goto fail;
	free(label);
	*out = by;
	*nout = nby;
	return 1;
fail:
	free(label);
	for (i = 0; i < nby; i++) {
		free(by[i].name);
		free(by[i].label);
	}
	free(by);
	return 0;
}

/* Blanks at s (spaces, tabs, U+3000): their length. */
static size_t
blanks(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n)
		if (s[i] == ' ' || s[i] == '\t')
			i++;
		else if (starts(s + i, n - i, "\xE3\x80\x80"))
			i += 3;
		else
			break;
	return i;
}

/*
 * Matches a dateline (本报讯, 本报北京6月7日电, 新华社…电) and an optional
 * byline in brackets at the start of s.  Reporters' slips are read as
 * what they mean: half-width brackets and blanks around them
 * (本报讯 (记者 陈思远) 连日来); the proofreading rule 8 names them and
 * --fix writes the house form.  Returns the bytes it covers, with the
 * blanks after it, and fills st->dateline and st->by; 0 if none.
 */
static size_t
match_dateline(struct story *st, const char *s, size_t n)
{
	size_t i = 0, k, word, close, open;
	uint32_t cp = 0;
	const char *p;

	while (i < n && i < 60) {
		k = u8_next(s + i, n - i, &cp);
		if (cp == 0xFF08 || u_is_space(cp) || is_punct(cp))
			break;
		i += k;
	}
	word = i;
	if (!(starts(s, word, "本报") || starts(s, word, "新华社") ||
	      starts(s, word, "据") || starts(s, word, "中新社")) ||
	    !(ends(s, word, "讯") || ends(s, word, "电")))
		return 0;
	i += blanks(s + i, n - i);
	open = starts(s + i, n - i, "（") ? 3 : starts(s + i, n - i, "(") ? 1 : 0;
	if (open > 0) {
		p = s + i + open;
		for (close = 0; p + close < s + n && close < 120; close++)
			if (starts(p + close, (size_t)(s + n - p - close), "）") ||
			    p[close] == ')')
				break;
		if (p + close >= s + n || close >= 120)
			return 0;
		k = blanks(p, close);
		if (!body_parse_byline(p + k, close - k, &st->by, &st->nby))
			return 0;
		i += open + close + (p[close] == ')' ? 1 : 3);
	} else if (i == word && i < n && !u_is_space(cp))
		return 0;
	st->dateline = xstrndup(s, word);
	return i + blanks(s + i, n - i);
}

/* Takes the dateline and byline off the first paragraph. */
static void
dateline(struct story *st)
{
	cmark_node *para = cmark_node_first_child(st->doc), *n, *texts[4];
	cmark_node_type t;
	struct buf b = {0};
	size_t ntexts = 0, i, take, len;
	const char *lit;

	if (para == NULL || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH)
		return;
	for (n = cmark_node_first_child(para); n != NULL && ntexts < 4;
	     n = cmark_node_next(n)) {
		t = cmark_node_get_type(n);
		if (t == CMARK_NODE_TEXT)
			texts[ntexts++] = n;
		else if ((t == CMARK_NODE_STRONG || t == CMARK_NODE_EMPH) &&
		         cmark_node_first_child(n) != NULL &&
		         cmark_node_first_child(n) == cmark_node_last_child(n) &&
		         cmark_node_get_type(cmark_node_first_child(n)) ==
		             CMARK_NODE_TEXT)
			texts[ntexts++] = cmark_node_first_child(n);
		else
			break;
	}
	for (i = 0; i < ntexts; i++)
		buf_adds(&b, cmark_node_get_literal(texts[i]));
	take = b.data ? match_dateline(st, b.data, b.len) : 0;
	buf_free(&b);
	for (i = 0; i < ntexts && take > 0; i++) {
		lit = cmark_node_get_literal(texts[i]);
		len = strlen(lit);
		if (take < len) {
			char *rest = xstrdup(lit + take);

			cmark_node_set_literal(texts[i], rest);
			free(rest);
			break;
		}
		take -= len;
		n = cmark_node_parent(texts[i]);
		cmark_node_free(texts[i]);
		if (n != para && cmark_node_first_child(n) == NULL)
			cmark_node_free(n);
	}
	if (cmark_node_first_child(para) == NULL)
		cmark_node_free(para);
}

/*
 * Builds the credit paragraph for text s (本报记者 孙妍 摄影报道): the
 * words as written, each name in a custom inline "photographer".  Returns
 * NULL when s is not a credit.
 */
static cmark_node *
credit(const char *s)
{
	static const char *const suffixes[] = {"摄影报道", "摄影", "供图", "摄"};
	size_t n = strlen(s), end = n, i, k, start, nnames = 0;
	enum role role;
	cmark_node *para, *node, *text;
	struct buf words = {0};
	char *name;

	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	/* 本报记者：马超 摄。 is a credit too, as written; the proofreading
	 * gives its house form (credit-form). */
	if (ends(s, end, "。"))
		end -= strlen("。");
	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
		if (ends(s, end, suffixes[i]))
			break;
	if (i == sizeof(suffixes) / sizeof(suffixes[0]) || u8_count(s, n) > 40)
		return NULL;
	end -= strlen(suffixes[i]);
	i = role_at(s, end, &role);
	if (i > 0 && starts(s + i, end - i, "："))
		i += strlen("：");
	else if (i > 0 && i < end && s[i] == ':')
		i++;

	para = cmark_node_new(CMARK_NODE_PARAGRAPH);
	buf_add(&words, s, i);
	while (i < end) {
		if ((k = separator(s + i, end - i)) > 0) {
			buf_add(&words, s + i, k);
			i += k;
			continue;
		}
		for (start = i; i < end && separator(s + i, end - i) == 0; i++)
			continue;
		if (!is_name(s + start, i - start)) {
			buf_free(&words);
			cmark_node_free(para);
			return NULL;
		}
		if (words.len > 0) {
			text = cmark_node_new(CMARK_NODE_TEXT);
			cmark_node_set_literal(text, words.data);
			cmark_node_append_child(para, text);
			words.len = 0;
			words.data[0] = '\0';
		}
		node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
		cmark_node_set_on_enter(node, role_names[ROLE_PHOTOGRAPHER]);
		text = cmark_node_new(CMARK_NODE_TEXT);
		name = xstrndup(s + start, i - start);
		cmark_node_set_literal(text, name);
		free(name);
		cmark_node_append_child(node, text);
		cmark_node_append_child(para, node);
		nnames++;
	}
	buf_add(&words, s + end, n - end);
	text = cmark_node_new(CMARK_NODE_TEXT);
	cmark_node_set_literal(text, words.data);
	cmark_node_append_child(para, text);
	buf_free(&words);
	if (nnames == 0) {
		cmark_node_free(para);
		return NULL;
	}
	return para;
}

/* The text of a paragraph made only of text nodes, or NULL. */
static char *
plain(cmark_node *first)
{
	struct buf b = {0};
	cmark_node *n;

	buf_add(&b, "", 0);
	for (n = first; n != NULL; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) != CMARK_NODE_TEXT) {
			buf_free(&b);
			return NULL;
		}
		buf_adds(&b, cmark_node_get_literal(n));
	}
	return b.data;
}

static cmark_node *
custom_block(const char *kind)
{
	cmark_node *n = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);

	cmark_node_set_on_enter(n, kind);
	return n;
}

/* Attaches a credit paragraph to figure fig. */
static void
add_credit(cmark_node *fig, cmark_node *para)
{
	cmark_node *c = custom_block(BODY_CREDIT);

	cmark_node_append_child(c, para);
	cmark_node_append_child(fig, c);
}

/* Turns each image alone in a top-level paragraph into a figure. */
static void
figures(struct story *st)
{
	cmark_node *n, *next, *img, *fig, *rest, *cr;
	cmark_node_type t;
	char *s;

	for (n = cmark_node_first_child(st->doc); n != NULL; n = next) {
		next = cmark_node_next(n);
		img = cmark_node_first_child(n);
		if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH || img == NULL ||
		    cmark_node_get_type(img) != CMARK_NODE_IMAGE)
			continue;
		rest = cmark_node_next(img);
		cr = NULL;
		if (rest != NULL) {
			t = cmark_node_get_type(rest);
			if (t != CMARK_NODE_SOFTBREAK && t != CMARK_NODE_LINEBREAK)
				continue;
			s = plain(cmark_node_next(rest));
			cr = s ? credit(s) : NULL;
			free(s);
			if (cr == NULL)
				continue;
			while (cmark_node_next(img) != NULL)
				cmark_node_free(cmark_node_next(img));
		}
		fig = custom_block(BODY_FIGURE);
		cmark_node_insert_before(n, fig);
		cmark_node_append_child(fig, n);
		if (cr == NULL && next != NULL &&
		    cmark_node_get_type(next) == CMARK_NODE_PARAGRAPH &&
		    (s = plain(cmark_node_first_child(next))) != NULL) {
			if ((cr = credit(s)) != NULL) {
				n = next;
				next = cmark_node_next(next);
				cmark_node_free(n);
			}
			free(s);
		}
		if (cr != NULL)
			add_credit(fig, cr);
	}
}

/*
 * GFM's autolinks (https://…, www.…, a@b.org) end at white space, and
 * Chinese copy has none: 详见https://example.org，或… would swallow the
 * sentence into the address.  An autolinked address ends at its first
 * non-ASCII character, less the punctuation GFM leaves out at an end;
 * the rest is text again.
 */
static void
autolinks(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node *n, *t, **cut = NULL;
	size_t ncut = 0, i, k, scheme;
	const char *url, *lit;
	char *s;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_LINK)
			continue;
		t = cmark_node_first_child(n);
		url = cmark_node_get_url(n);
		if (t == NULL || cmark_node_next(t) != NULL ||
		    cmark_node_get_type(t) != CMARK_NODE_TEXT)
			continue;
		lit = cmark_node_get_literal(t);
		if (strlen(url) < strlen(lit) ||
		    strcmp(url + strlen(url) - strlen(lit), lit) != 0)
			continue;
		for (k = 0; lit[k] != '\0' && (unsigned char)lit[k] < 0x80; k++)
			continue;
		if (lit[k] != '\0') {
			cut = xrealloc(cut, (ncut + 1) * sizeof(*cut));
			cut[ncut++] = n;
		}
	}
	cmark_iter_free(it);
	for (i = 0; i < ncut; i++) {
		t = cmark_node_first_child(cut[i]);
		url = cmark_node_get_url(cut[i]);
		lit = cmark_node_get_literal(t);
		scheme = strlen(url) - strlen(lit);
		for (k = 0; (unsigned char)lit[k] < 0x80; k++)
			continue;
		while (k > 0 && strchr("?!.,:*_~'\"", lit[k - 1]) != NULL)
			k--;
		n = cmark_node_new(CMARK_NODE_TEXT);
		cmark_node_set_literal(n, lit + k);
		cmark_node_insert_after(cut[i], n);
		s = xasprintf("%.*s%.*s", (int)scheme, url, (int)k, lit);
		cmark_node_set_url(cut[i], s);
		free(s);
		s = xstrndup(lit, k);
		cmark_node_set_literal(t, s);
		free(s);
		if (k == 0)
			cmark_node_free(cut[i]);
	}
	free(cut);
}

/* Whether the front matter says genre: 诗歌. */
static int
verse_genre(struct story *st)
{
	yaml_node_t *root, *v, *k;
	const char *s;

	if (!st->has_fm || (root = yaml_document_get_root_node(&st->fm)) == NULL ||
	    root->type != YAML_MAPPING_NODE)
		return 0;
	v = fm_get(&st->fm, root, "genre", &k);
	return v != NULL && (s = fm_scalar(v)) != NULL && strcmp(s, "诗歌") == 0;
}

/* A line of verse: a paragraph holding the inlines from first up to
 * (not including) stop, moved out of their paragraph. */
static cmark_node *
verse_line(cmark_node *first, cmark_node *stop)
{
	cmark_node *line = cmark_node_new(CMARK_NODE_PARAGRAPH), *next;

	for (; first != NULL && first != stop; first = next) {
		next = cmark_node_next(first);
		cmark_node_append_child(line, first);
	}
	return line;
}

/* Paragraph para as a stanza: a line at each of its line breaks. */
static cmark_node *
stanza(cmark_node *para)
{
	cmark_node *st = custom_block(BODY_STANZA), *n, *br;
	cmark_node_type t;

	for (;;) {
		for (br = cmark_node_first_child(para); br != NULL;
		     br = cmark_node_next(br))
			if ((t = cmark_node_get_type(br)) == CMARK_NODE_SOFTBREAK ||
			    t == CMARK_NODE_LINEBREAK)
				break;
		n = verse_line(cmark_node_first_child(para), br);
		if (cmark_node_first_child(n) != NULL)
			cmark_node_append_child(st, n);
		else
			cmark_node_free(n);
		if (br == NULL)
			break;
		cmark_node_free(br);
	}
	cmark_node_free(para);
	return st;
}

/* A fenced block of verse (```verse or ```诗): its text as stanzas
 * (split at blank lines) of lines, each line one text. */
static cmark_node *
verse_fence(cmark_node *code)
{
	const char *s = cmark_node_get_literal(code), *eol;
	cmark_node *verse = custom_block(BODY_VERSE), *st = NULL, *line, *text;
	char *l;

	for (; *s != '\0'; s = *eol ? eol + 1 : eol) {
		eol = s + strcspn(s, "\n");
		if (strspn(s, " \t") >= (size_t)(eol - s)) {
			st = NULL;
			continue;
		}
		if (st == NULL) {
			st = custom_block(BODY_STANZA);
			cmark_node_append_child(verse, st);
		}
		line = cmark_node_new(CMARK_NODE_PARAGRAPH);
		text = cmark_node_new(CMARK_NODE_TEXT);
		l = xstrndup(s, (size_t)(eol - s));
		cmark_node_set_literal(text, l);
		free(l);
		cmark_node_append_child(line, text);
		cmark_node_append_child(st, line);
	}
	return verse;
}

static int
is_verse_fence(cmark_node *n)
{
	const char *info;

	if (cmark_node_get_type(n) != CMARK_NODE_CODE_BLOCK ||
	    (info = cmark_node_get_fence_info(n)) == NULL)
		return 0;
	return strcmp(info, "verse") == 0 || strcmp(info, "诗") == 0 ||
	       strncmp(info, "verse ", 6) == 0 || strncmp(info, "诗 ", 4) == 0;
}

/*
 * Verse keeps its lines: in a story of genre 诗歌 every run of top-level
 * paragraphs is a verse, each paragraph a stanza and each line a line;
 * anywhere, a fenced block ```verse (or ```诗) is one.  Runs before the
 * soft breaks are taken out.
 */
static void
verses(struct story *st)
{
	cmark_node *n, *next, *verse = NULL;
	int genre = verse_genre(st);

	for (n = cmark_node_first_child(st->doc); n != NULL; n = next) {
		next = cmark_node_next(n);
		if (is_verse_fence(n)) {
			cmark_node_insert_before(n, verse_fence(n));
			cmark_node_free(n);
			verse = NULL;
		} else if (genre && cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH) {
			if (verse == NULL) {
				verse = custom_block(BODY_VERSE);
				cmark_node_insert_before(n, verse);
			}
			cmark_node_unlink(n);
			cmark_node_append_child(verse, stanza(n));
		} else
			verse = NULL;
	}
}

/* Whether a line ending in c ends a sentence: 。！？；…… or . ! ? ;,
 * perhaps inside a closing quote or bracket (taken as ending one). */
static int
ends_sentence(uint32_t c)
{
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B ||
	       c == 0x2026 || c == 0x201D || c == 0x2019 || c == 0xFF09 ||
	       c == 0x300D || c == 0x300F || (c < 0x80 && strchr(".!?;)", (int)c) != NULL && c != 0);
}

/*
 * A paragraph that reads like verse (three or more short lines, none
 * ending a sentence) would run together: it is marked for validate.c
 * to warn about (user data BODY_VERSE_LIKE).
 */
static void
verse_like(cmark_node *doc)
{
	cmark_node *n, *c;
	size_t lines, chars, longest;
	int sentence;
	uint32_t last;
	const char *lit;

	for (n = cmark_node_first_child(doc); n != NULL; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
			continue;
		lines = 1, chars = longest = 0, sentence = 0, last = 0;
		for (c = cmark_node_first_child(n);; c = cmark_node_next(c)) {
			if (c == NULL ||
			    cmark_node_get_type(c) == CMARK_NODE_SOFTBREAK) {
				if (ends_sentence(last))
					sentence = 1;
				if (chars > longest)
					longest = chars;
				if (c == NULL)
					break;
				lines++;
				chars = 0;
				continue;
			}
			if (cmark_node_get_type(c) != CMARK_NODE_TEXT) {
				lines = 0;
				break;
			}
			lit = cmark_node_get_literal(c);
			chars += u8_count(lit, strlen(lit));
			u8_prev(lit, strlen(lit), &last);
		}
		if (lines >= 3 && !sentence && longest <= 20)
			cmark_node_set_user_data(n, (void *)BODY_VERSE_LIKE);
	}
}

/* The GFM extensions press reads (footnotes are an option of the
 * parser); the rest of GFM (task lists, the tag filter) is not
 * newsroom copy. */
static const char *const extensions[] = {"table", "strikethrough",
                                         "autolink"};

static cmark_node *
parse(const char *text)
{
	cmark_parser *p;
	cmark_syntax_extension *ext;
	cmark_node *doc;
	size_t i;

	cmark_gfm_core_extensions_ensure_registered();
	/* Only ~~ strikes: a single ~ is a range typed in haste (25~30℃). */
	p = cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES |
	                     CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE);
	for (i = 0; i < sizeof(extensions) / sizeof(extensions[0]); i++)
		if ((ext = cmark_find_syntax_extension(extensions[i])) != NULL)
			cmark_parser_attach_syntax_extension(p, ext);
	cmark_parser_feed(p, text, strlen(text));
	doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	return doc;
}

void
body_parse(struct story *st, const char *text, size_t len)
{
	const char *p;

	for (p = text; (p = memmem(p, (size_t)(text + len - p), SENTINEL,
	                           SENTINEL_LEN)) != NULL; p += SENTINEL_LEN) {
		const char *bol = p;
		int line = st->fm_lines + 1;
		const char *q;

		while (bol > text && bol[-1] != '\n')
			bol--;
		for (q = text; q < bol; q++)
			line += *q == '\n';
		diag(st->src->path, line, (int)u8_count(bol, (size_t)(p - bol)) + 1,
		     D_SENTINEL);
	}
	st->pre = prepare(text, len);
	st->doc = parse(st->pre);
	strip_all(st->doc);
	autolinks(st->doc);
	figures(st);
	verses(st);
	verse_like(st->doc);
	softbreaks(st->doc);
	dateline(st);
}

/*
 * Where each line of the body text starts, and the last position asked
 * for, so that columns along one long line are counted once.
 */
struct body_lines {
	size_t *start; /* byte offset of each line in st->pre */
	size_t n;
	int line;      /* the last line asked for */
	size_t byte;   /* its byte column, from 0 */
	int col;       /* the characters before it */
};

static struct body_lines *
index_lines(const char *pre)
{
	struct body_lines *bl = xcalloc(1, sizeof(*bl));
	size_t i, cap = 64;

	bl->start = xmalloc(cap * sizeof(size_t));
	bl->start[bl->n++] = 0;
	for (i = 0; pre[i] != '\0'; i++)
		if (pre[i] == '\n') {
			if (bl->n == cap)
				bl->start = xrealloc(bl->start, (cap *= 2) * sizeof(size_t));
			bl->start[bl->n++] = i + 1;
		}
	return bl;
}

void
body_lines_free(struct body_lines *bl)
{
	if (bl == NULL)
		return;
	free(bl->start);
	free(bl);
}

void
body_pos(struct story *st, cmark_node *n, int *line, int *col)
{
	int l = cmark_node_get_start_line(n), c = cmark_node_get_start_column(n);
	struct body_lines *bl;
	const char *p, *q, *end;
	int count;

	*line = l > 0 ? l + st->fm_lines : st->fm_lines + 1;
	*col = 1;
	if (st->pre == NULL || l <= 0 || c <= 0)
		return;
	if (st->lines == NULL)
		st->lines = index_lines(st->pre);
	bl = st->lines;
	if ((size_t)l > bl->n)
		return;
	p = st->pre + bl->start[l - 1];
	end = p + c - 1;
	/* Go on from the last position when it is earlier on this line. */
	if (bl->line == l && bl->byte <= (size_t)(c - 1)) {
		q = p + bl->byte;
		count = bl->col;
	} else {
		q = p;
		count = 1;
	}
	while (q < end && *q != '\0' && *q != '\n') {
		if (starts(q, SENTINEL_LEN, SENTINEL))
			q += SENTINEL_LEN;
		else {
			q++;
			while (((unsigned char)*q & 0xC0) == 0x80)
				q++;
			count++;
		}
	}
	bl->line = l;
	bl->byte = (size_t)(q - p);
	bl->col = count;
	*col = count;
}
