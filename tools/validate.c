/*
 * Stage 4, validate: the one stage that judges a story.  It checks the
 * front matter against the table of keys below and copies it into the
 * story's typed fields, and walks the body for what may not pass: raw
 * HTML, unsafe links, images outside the story's folder.  Everything is
 * reported, nothing stops early; later stages assume what this one
 * guaranteed.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/uri.h>
#include <libxml/xmlschemastypes.h>

#include "press.h"

#define X(s) ((const xmlChar *)(s))

enum ktype {
	K_TEXT,  /* one line of text */
	K_TEXTS, /* text, or a list of texts */
	K_NAMES, /* names: a list, or one text separated by spaces or 、 */
	K_DATE,  /* YYYY-MM-DD */
	K_SLUG,  /* lower-case ASCII letters, digits and hyphens */
	K_MAX
};

static const char *const ktype_names[K_MAX] = {
	N_("text"),                              /* K_TEXT */
	N_("text or a list of texts"),           /* K_TEXTS */
	N_("a name or a list of names"),         /* K_NAMES */
	N_("a date like 2024-06-11"),            /* K_DATE */
	N_("lower-case letters, digits and '-'"), /* K_SLUG */
};

enum key {
	KEY_TITLE,
	KEY_KICKER,
	KEY_SUBTITLE,
	KEY_GENRE,
	KEY_DATELINE,
	KEY_REPORTERS,
	KEY_CORRESPONDENTS,
	KEY_INTERNS,
	KEY_PHOTOGRAPHERS,
	KEY_AUTHORS,
	KEY_DATE,
	KEY_SLUG,
	KEY_MAX
};

static const struct {
	const char *name;
	enum ktype type;
	enum role role; /* for K_NAMES */
} keys[KEY_MAX] = {
	{"title", K_TEXT, ROLE_MAX},                       /* KEY_TITLE */
	{"kicker", K_TEXT, ROLE_MAX},                      /* KEY_KICKER */
	{"subtitle", K_TEXTS, ROLE_MAX},                   /* KEY_SUBTITLE */
	{"genre", K_TEXT, ROLE_MAX},                       /* KEY_GENRE */
	{"dateline", K_TEXT, ROLE_MAX},                    /* KEY_DATELINE */
	{"reporters", K_NAMES, ROLE_REPORTER},             /* KEY_REPORTERS */
	{"correspondents", K_NAMES, ROLE_CORRESPONDENT},   /* KEY_CORRESPONDENTS */
	{"interns", K_NAMES, ROLE_INTERN},                 /* KEY_INTERNS */
	{"photographers", K_NAMES, ROLE_PHOTOGRAPHER},     /* KEY_PHOTOGRAPHERS */
	{"authors", K_NAMES, ROLE_AUTHOR},                 /* KEY_AUTHORS */
	{"date", K_DATE, ROLE_MAX},                        /* KEY_DATE */
	{"slug", K_SLUG, ROLE_MAX},                        /* KEY_SLUG */
};

/* A copy of s without leading and trailing white space. */
static char *
trimmed(const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
		n--;
	return xstrndup(s, n);
}

int
validate_date(const char *s)
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int i, y, m, d;

	if (s == NULL)
		return 0;
	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return 0;
	if (s[10] != '\0')
		return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	return !(m == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0)));
}

/* A slug is a file name on the web and in print/: short. */
#define MAX_SLUG 80

static int
is_slug(const char *s)
{
	const char *p;

	if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s))
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) &&
		    *p != '-')
			return 0;
	/* These names are the issue's own pages. */
	return strcmp(s, "index") != 0 && strncmp(s, "page-", 5) != 0 &&
	       p - s <= MAX_SLUG;
}

static void
add_name(struct story *st, enum role role, const char *name)
{
	st->by = xrealloc(st->by, (st->nby + 1) * sizeof(*st->by));
	st->by[st->nby].role = role;
	st->by[st->nby].label = NULL;
	st->by[st->nby++].name = trimmed(name);
}

/*
 * Checks one key's value and stores it.  Returns 0 after reporting a
 * value of the wrong type or form.
 */
static int
take(struct story *st, enum key k, yaml_node_t *v, int byline_from_body)
{
	const char *path = st->src->path, *s = fm_scalar(v);
	yaml_node_item_t *it;
	int line = fm_line(v, 1), col = fm_col(v);
	enum ktype type = keys[k].type;

	/* A plain null, ~ or Null is YAML's "nothing", not the word: a
	 * headline "null" is never meant. */
	if (s != NULL && v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    (strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
	     strcmp(s, "NULL") == 0 || strcmp(s, "~") == 0)) {
		diag(path, line, col, D_FM_VALUE, keys[k].name,
		     "is null: give a value, or quote it (\"null\") to print the word");
		return 0;
	}
	if (s == NULL && (type == K_TEXT || type == K_DATE || type == K_SLUG))
		goto wrong;
	if (s == NULL && v->type != YAML_SEQUENCE_NODE)
		goto wrong;
	if (s == NULL) {
		/* A list: every item must be text. */
		for (it = v->data.sequence.items.start;
		     it < v->data.sequence.items.top; it++)
			if (fm_scalar(yaml_document_get_node(&st->fm, *it)) == NULL) {
				v = yaml_document_get_node(&st->fm, *it);
				line = fm_line(v, 1);
				col = fm_col(v);
				goto wrong;
			}
	} else if (*s == '\0' || strspn(s, " \t\n") == strlen(s)) {
		diag(path, line, col, D_FM_VALUE, keys[k].name, _("must not be empty"));
		return 0;
	}

	switch (type) {
	case K_TEXT:
		if (strchr(s, '\n') != NULL && s[strcspn(s, "\n") + 1] != '\0') {
			diag(path, line, col, D_FM_VALUE, keys[k].name,
			     "must be one line");
			return 0;
		}
		break;
	case K_DATE:
		if (!validate_date(s))
			goto wrong;
		free(st->date);
		st->date = xstrdup(s);
		return 1;
	case K_SLUG:
		if (strlen(s) > MAX_SLUG) {
			char *msg = xasprintf("at most %d characters, not %zu",
			                      MAX_SLUG, strlen(s));

			diag(path, line, col, D_FM_VALUE, keys[k].name, msg);
			free(msg);
			return 0;
		}
		if (!is_slug(s)) {
			diag(path, line, col, D_FM_VALUE, keys[k].name,
			     "lower-case letters, digits and '-' only, not "
			     "'index' or 'page-…'");
			return 0;
		}
		free(st->slug);
		st->slug = xstrdup(s);
		return 1;
	case K_NAMES:
		if (byline_from_body)
			return 1;
		if (s != NULL) {
			struct contributor *by;
			size_t nby, i;
			char *label = xasprintf("%s %s", role_labels[keys[k].role], s);

			if (!body_parse_byline(label, strlen(label), &by, &nby)) {
				free(label);
				diag(path, line, col, D_FM_VALUE, keys[k].name,
				     "names are Han characters separated by spaces or 、");
				return 0;
			}
			free(label);
			for (i = 0; i < nby; i++) {
				add_name(st, keys[k].role, by[i].name);
				free(by[i].name);
				free(by[i].label);
			}
			free(by);
		} else
			for (it = v->data.sequence.items.start;
			     it < v->data.sequence.items.top; it++)
				add_name(st, keys[k].role,
				         fm_scalar(yaml_document_get_node(&st->fm, *it)));
		return 1;
	default:
		break;
	}

	switch (k) {
	case KEY_TITLE:
		free(st->title);
		st->title = trimmed(s);
		break;
	case KEY_KICKER:
		free(st->kicker);
		st->kicker = trimmed(s);
		break;
	case KEY_GENRE:
		free(st->genre);
		st->genre = trimmed(s);
		break;
	case KEY_DATELINE:
		if (!byline_from_body) {
			free(st->dateline);
			st->dateline = trimmed(s);
		}
		break;
	case KEY_SUBTITLE:
		if (s != NULL) {
			st->subtitles = xrealloc(st->subtitles,
			    (st->nsubtitles + 1) * sizeof(char *));
			st->subtitles[st->nsubtitles++] = trimmed(s);
			break;
		}
		for (it = v->data.sequence.items.start;
		     it < v->data.sequence.items.top; it++) {
			st->subtitles = xrealloc(st->subtitles,
			    (st->nsubtitles + 1) * sizeof(char *));
			st->subtitles[st->nsubtitles++] =
			    trimmed(fm_scalar(yaml_document_get_node(&st->fm, *it)));
		}
		break;
	default:
		abort(); /* every key of the table is handled above */
	}
	return 1;
wrong:
	diag(path, line, col, D_FM_TYPE, keys[k].name, _(ktype_names[type]));
	return 0;
}

/* Adds the names a byline key of the header gives to b, each followed by
 * a newline. */
static void
header_names(yaml_document_t *doc, yaml_node_t *v, struct buf *b)
{
	yaml_node_item_t *it;
	const char *s;

	if (v->type == YAML_SEQUENCE_NODE) {
		for (it = v->data.sequence.items.start;
		     it < v->data.sequence.items.top; it++)
			header_names(doc, yaml_document_get_node(doc, *it), b);
		return;
	}
	if ((s = fm_scalar(v)) == NULL)
		return;
	while (*s != '\0') {
		size_t n = 0, sep = 0;

		/* Names are parted by blanks, commas and 、. */
		while (s[n] != '\0' && !sep) {
			if (s[n] == ' ' || s[n] == '\t' || s[n] == ',')
				sep = 1;
			else if (strncmp(s + n, "、", 3) == 0 ||
			         strncmp(s + n, "，", 3) == 0)
				sep = 3;
			else
				n++;
		}
		if (n > 0) {
			buf_add(b, s, n);
			buf_adds(b, "\n");
		}
		s += n + sep;
	}
}

/*
 * The header and the body's dateline both give a byline: the body's is
 * used.  Only when they name different people is that worth a word, and
 * the word names them.
 */
static void
byline_differs(struct story *st, const struct buf *names, int line, int col)
{
	struct buf only_head = {0}, only_body = {0};
	const char *p, *nl, *all = names->data ? names->data : "";
	char *name, *msg;
	size_t i;
	int found;

	for (p = all; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		name = xstrndup(p, (size_t)(nl - p));
		for (found = 0, i = 0; i < st->nby && !found; i++)
			found = strcmp(st->by[i].name, name) == 0;
		if (!found) {
			buf_adds(&only_head, only_head.len ? " " : "");
			buf_adds(&only_head, name);
		}
		free(name);
	}
	for (i = 0; i < st->nby; i++) {
		size_t n = strlen(st->by[i].name);

		for (found = 0, p = all; !found && (nl = strchr(p, '\n')) != NULL;
		     p = nl + 1)
			found = (size_t)(nl - p) == n &&
			        memcmp(p, st->by[i].name, n) == 0;
		if (!found) {
			buf_adds(&only_body, only_body.len ? " " : "");
			buf_adds(&only_body, st->by[i].name);
		}
	}
	if (only_head.len > 0 || only_body.len > 0) {
		msg = xasprintf(_("%s in the front matter, %s in the dateline; "
		                  "the dateline's is used"),
		                only_head.len ? only_head.data : _("nobody else"),
		                only_body.len ? only_body.data : _("nobody else"));
		diag(st->src->path, line, col, D_BYLINE_DIFFERS, msg);
		free(msg);
	}
	buf_free(&only_head);
	buf_free(&only_body);
}

/* Returns whether a title key was there, right or wrong. */
static int
front_matter(struct story *st)
{
	yaml_node_t *root;
	yaml_node_pair_t *pair;
	int seen[KEY_MAX] = {0}, from_body = st->dateline != NULL, told = 0;
	int line = 0, col = 0;
	struct buf names = {0};
	const char *path = st->src->path;
	size_t i;

	if (!st->has_fm)
		return 1; /* already reported */
	root = yaml_document_get_root_node(&st->fm);
	if (root != NULL && root->type != YAML_MAPPING_NODE) {
		diag(path, fm_line(root, 1), fm_col(root), D_FM_NOT_MAP);
		return 1;
	}
	for (pair = root ? root->data.mapping.pairs.start : NULL;
	     root != NULL && pair < root->data.mapping.pairs.top; pair++) {
		yaml_node_t *kn = yaml_document_get_node(&st->fm, pair->key);
		yaml_node_t *v = yaml_document_get_node(&st->fm, pair->value);
		const char *name = fm_scalar(kn);
		enum key k;

		if (name == NULL) {
			diag(path, fm_line(kn, 1), fm_col(kn), D_FM_NOT_MAP);
			continue;
		}
		for (k = 0; k < KEY_MAX; k++)
			if (strcmp(name, keys[k].name) == 0)
				break;
		if (k == KEY_MAX) {
			const char *known[KEY_MAX + 1];

			for (i = 0; i < KEY_MAX; i++)
				known[i] = keys[i].name;
			known[KEY_MAX] = NULL;
			fm_unknown(path, kn, 1, known);
			continue;
		}
		/* A key given twice is fm.c's error; the story is not built. */
		seen[k]++;
		if (from_body && keys[k].type == K_NAMES) {
			if (!told++) {
				line = fm_line(kn, 1);
				col = fm_col(kn);
			}
			header_names(&st->fm, v, &names);
		}
		take(st, k, v, from_body);
	}
	if (told)
		byline_differs(st, &names, line, col);
	buf_free(&names);
	return seen[KEY_TITLE] > 0;
}

/* The story's slug when the front matter gives none: the file name when
 * it is one already, else a stable hash of it (URLs stay ASCII). */
static char *
default_slug(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;
	char *slug, *p;
	uint32_t h = 2166136261u;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	slug = xstrndup(base, dot && dot > base ? (size_t)(dot - base) : strlen(base));
	for (p = slug; *p != '\0'; p++)
		*p = *p == '_' ? '-' : (char)tolower((unsigned char)*p);
	if (is_slug(slug))
		return slug;
	for (p = slug; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	free(slug);
	return xasprintf("story-%08x", (unsigned)h);
}

int
validate_relpath(const char *s)
{
	const char *p;

	if (*s == '\0' || *s == '/' || strchr(s, '\\') != NULL)
		return 0;
	for (p = s; *p != '\0' && *p != '/'; p++)
		if (*p == ':')
			return 0; /* a scheme or a drive letter */
	for (p = s; p != NULL; p = strchr(p, '/'), p = p ? p + 1 : NULL)
		if (strncmp(p, "..", 2) == 0 && (p[2] == '/' || p[2] == '\0'))
			return 0;
	return 1;
}

static int
hexval(char c)
{
	return isdigit((unsigned char)c) ? c - '0' :
	       isxdigit((unsigned char)c) ? tolower((unsigned char)c) - 'a' + 10 : -1;
}

/* cmark percent-encodes link destinations; the file name is the decoded
 * form. */
static char *
url_decode(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;

	for (; *s != '\0'; s++)
		if (*s == '%' && hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
			*o++ = (char)(hexval(s[1]) * 16 + hexval(s[2]));
			s += 2;
		} else
			*o++ = *s;
	*o = '\0';
	return out;
}

/* Whether url is a URI as XML Schema's anyURI takes it: the test the
 * schema makes, so that a link validate lets through is valid XML. */
static int
uri_ok(const char *url)
{
	return xmlSchemaValidatePredefinedType(
	    xmlSchemaGetBuiltInType(XML_SCHEMAS_ANYURI), X(url), NULL) == 0;
}

/* A '%' that starts no %XX escape stands for itself: %25.  Returns the
 * mended copy, or NULL when there is nothing to mend. */
static char *
stray_percents(const char *url)
{
	struct buf b = {0};
	const char *p;

	for (p = url; *p != '\0'; p++)
		if (*p == '%' && (hexval(p[1]) < 0 || hexval(p[2]) < 0))
			break;
	if (*p == '\0')
		return NULL;
	buf_add(&b, "", 0);
	for (p = url; *p != '\0'; p++)
		if (*p == '%' && (hexval(p[1]) < 0 || hexval(p[2]) < 0))
			buf_adds(&b, "%25");
		else
			buf_add(&b, p, 1);
	return b.data;
}

static int
safe_link(const char *url)
{
	static const char *const schemes[] = {"http:", "https:", "mailto:", "tel:"};
	const char *p;
	size_t i;

	for (p = url; *p != '\0' && strchr("/?#", *p) == NULL; p++)
		if (*p == ':')
			break;
	if (*p != ':')
		return 1; /* relative */
	for (i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
		if (strncasecmp(url, schemes[i], strlen(schemes[i])) == 0)
			return 1;
	return 0;
}

/* The first line of s, shortened, for a message. */
static char *
snippet(const char *s)
{
	size_t n = strcspn(s, "\n"), i = 0, chars = 0;
	uint32_t cp;

	while (i < n && chars < 40) {
		i += u8_next(s + i, n - i, &cp);
		chars++;
	}
	return xasprintf("%.*s%s", (int)i, s, i < n ? "…" : "");
}

/* Moves n's children before it and frees n. */
static void
unwrap(cmark_node *n)
{
	cmark_node *c;

	while ((c = cmark_node_first_child(n)) != NULL)
		cmark_node_insert_before(n, c);
	cmark_node_free(n);
}

/* Deeper than copy ever nests: 本报讯 in a list in a quote is 5. */
#define MAX_DEPTH 32

static int
is_leaf(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
	case CMARK_NODE_CODE:
	case CMARK_NODE_HTML_INLINE:
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_THEMATIC_BREAK:
		return 1;
	default:
		return 0;
	}
}

int
within(const char *file, const char *dir)
{
	char f[PATH_MAX], d[PATH_MAX];
	size_t n;

	if (realpath(file, f) == NULL || realpath(dir, d) == NULL)
		return 0;
	n = strlen(d);
	return strncmp(f, d, n) == 0 && (f[n] == '/' || d[n - 1] == '/');
}

/* Whether paragraph p holds nothing but blanks and line breaks. */
static int
blank(cmark_node *p)
{
	cmark_node *c;
	cmark_node_type t;
	const char *lit;

	for (c = cmark_node_first_child(p); c != NULL; c = cmark_node_next(c)) {
		t = cmark_node_get_type(c);
		if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			continue;
		if (t != CMARK_NODE_TEXT || (lit = cmark_node_get_literal(c)) == NULL ||
		    lit[strspn(lit, " \t\n")] != '\0')
			return 0;
	}
	return 1;
}

/* The text under node n, as one string; the caller frees. */
static char *
text_of(cmark_node *n)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	cmark_node *c;
	struct buf b = {0};
	const char *lit;

	buf_add(&b, "", 0);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		c = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (cmark_node_get_type(c) == CMARK_NODE_SOFTBREAK)
			buf_adds(&b, " ");
		else if ((cmark_node_get_type(c) == CMARK_NODE_TEXT ||
		          cmark_node_get_type(c) == CMARK_NODE_CODE) &&
		         (lit = cmark_node_get_literal(c)) != NULL)
			buf_adds(&b, lit);
	}
	cmark_iter_free(it);
	return b.data;
}

/* A footnote marker [^label] left in text n: cmark-gfm found no note
 * for it. */
static void
stray_markers(struct story *st, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n), *p, *end;
	int line, col;
	char *label;

	for (p = lit; (p = strstr(p, "[^")) != NULL; p = end) {
		end = p + 2 + strcspn(p + 2, "] \t\n[");
		if (*end != ']' || end == p + 2)
			continue;
		body_pos(st, n, &line, &col);
		label = xstrndup(p + 2, (size_t)(end - p - 2));
		diag(st->src->path, line, col + (int)u8_count(lit, (size_t)(p - lit)),
		     D_NOTE_MISSING, label);
		free(label);
	}
}

/*
 * Notes nobody references: cmark-gfm drops them without a trace, so
 * the body's lines that open like a note ([^label]: …) and are no note
 * that was kept, nor inside code, are reported.  lines[] holds the
 * first line of each note kept, code[] pairs of first and last lines of
 * code and HTML blocks.
 */
static void
unused_notes(struct story *st, const int *kept, size_t nkept,
             const int *code, size_t ncode)
{
	const char *p = st->pre, *q, *end;
	int line = 1;
	size_t i;
	char *label;

	for (; *p != '\0'; line++, p = *end ? end + 1 : end) {
		end = p + strcspn(p, "\n");
		q = p + strspn(p, " ");
		if (q - p > 3 || strncmp(q, "[^", 2) != 0)
			continue;
		q += 2 + strcspn(q + 2, "] \t\n[");
		if (*q != ']' || q[1] != ':' || q == p + strspn(p, " ") + 2)
			continue;
		for (i = 0; i < nkept && kept[i] != line; i++)
			continue;
		if (i < nkept)
			continue;
		for (i = 0; i < ncode; i += 2)
			if (line >= code[i] && line <= code[i + 1])
				break;
		if (i < ncode)
			continue;
		label = xstrndup(p + strspn(p, " ") + 2,
		                 (size_t)(q - p - (ptrdiff_t)strspn(p, " ") - 2));
		diag(st->src->path, line + st->fm_lines, (int)strspn(p, " ") + 1,
		     D_NOTE_UNUSED, label);
		free(label);
	}
}

/*
 * An entity (&#11;, &#xFFFE;) or an escape can put back into the tree
 * what src.c removed from the text: the same characters go, with the
 * same warning, from a text, a code span or block, a link's or image's
 * address or title.  get and set are the node's accessors.
 */
/*
 * Where the numeric character reference (&#11;, &#xFFFE;) that gave cp
 * stands in the file: the first one at or after line and col (the
 * node's start, column in characters), which become its place.  They
 * are left alone when there is none.
 */
static void
entity_pos(const struct story *st, uint32_t cp, int *line, int *col)
{
	const char *t = st->src->text, *p, *q;
	size_t len = st->src->len, i = 0;
	int l = 1, c = 1;
	unsigned long v;
	char *end;
	uint32_t u;

	while (i < len && l < *line)
		if (t[i++] == '\n')
			l++;
	for (; i < len && c < *col && t[i] != '\n'; c++)
		i += u8_next(t + i, len - i, &u);
	for (p = t + i; (p = memmem(p, (size_t)(t + len - p), "&#", 2)) != NULL;
	     p += 2) {
		q = p + 2;
		v = *q == 'x' || *q == 'X' ? strtoul(q + 1, &end, 16) :
		                             strtoul(q, &end, 10);
		if (end == q || end == q + 1 || *end != ';' || v != cp)
			continue;
		for (; t + i < p; i += u8_next(t + i, len - i, &u))
			if (t[i] == '\n')
				l++, c = 1;
			else
				c++;
		*line = l;
		*col = c;
		return;
	}
}

static void
strip_node(struct story *st, cmark_node *n, const char *(*get)(cmark_node *),
           int (*set)(cmark_node *, const char *))
{
	const char *v = get(n);
	char *s;
	size_t len, first;
	uint32_t cp;
	int line, col;

	if (v == NULL)
		return;
	s = xstrdup(v);
	len = strlen(s);
	u_strip(s, len, &first, &cp);
	if (first < len) {
		body_pos(st, n, &line, &col);
		entity_pos(st, cp, &line, &col);
		diag(st->src->path, line, col, D_CONTROL, (unsigned)cp);
		set(n, s);
	}
	free(s);
}

static void
body(struct story *st)
{
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *n, **drop = NULL, **unlink = NULL;
	size_t ndrop = 0, nunlink = 0, i;
	const char *path = st->src->path, *url;
	int line, col, depth = 0, deep = 0, *kept = NULL, *code = NULL;
	size_t nkept = 0, ncode = 0;
	char *s, *dir, *file;
	struct stat sb;

	if (st->doc == NULL)
		return;
	it = cmark_iter_new(st->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_EXIT) {
			depth--;
			continue;
		}
		/* Containers get an exit event; their depth is bounded so
		 * that no later stage recurses without end. */
		if (!is_leaf(n) && ++depth > MAX_DEPTH && !deep) {
			body_pos(st, n, &line, &col);
			diag(path, line, col, D_TOO_DEEP, MAX_DEPTH);
			deep = st->too_deep = 1;
		}
		if (cmark_node_get_type(n) == CMARK_NODE_STRIKETHROUGH) {
			/* Deletion marks are an editing habit: what is
			 * struck is not printed. */
			body_pos(st, n, &line, &col);
			s = text_of(n);
			diag(path, line, col, D_STRUCK, s);
			free(s);
			drop = xrealloc(drop, (ndrop + 1) * sizeof(*drop));
			drop[ndrop++] = n;
			/* Nothing inside is printed: skip to its end. */
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			depth--;
			continue;
		}
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			if (cmark_node_get_user_data(n) != NULL &&
			    strcmp(cmark_node_get_user_data(n), BODY_VERSE_LIKE) == 0) {
				body_pos(st, n, &line, &col);
				diag(path, line, col, D_VERSE_LIKE,
				     (size_t)(cmark_node_get_end_line(n) -
				              cmark_node_get_start_line(n) + 1));
			}
			break;
		case CMARK_NODE_TEXT:
			strip_node(st, n, cmark_node_get_literal,
			           cmark_node_set_literal);
			stray_markers(st, n);
			break;
		case CMARK_NODE_CODE:
			strip_node(st, n, cmark_node_get_literal,
			           cmark_node_set_literal);
			break;
		case CMARK_NODE_FOOTNOTE_DEFINITION:
			kept = xrealloc(kept, (nkept + 1) * sizeof(*kept));
			kept[nkept++] = cmark_node_get_start_line(n);
			break;
		case CMARK_NODE_CODE_BLOCK:
			strip_node(st, n, cmark_node_get_literal,
			           cmark_node_set_literal);
			code = xrealloc(code, (ncode + 2) * sizeof(*code));
			code[ncode++] = cmark_node_get_start_line(n);
			code[ncode++] = cmark_node_get_end_line(n);
			break;
		case CMARK_NODE_HTML_BLOCK:
			code = xrealloc(code, (ncode + 2) * sizeof(*code));
			code[ncode++] = cmark_node_get_start_line(n);
			code[ncode++] = cmark_node_get_end_line(n);
			/* FALLTHROUGH */
		case CMARK_NODE_HTML_INLINE:
			/* A comment is the writer's note to the desk: it goes
			 * quietly.  Anything else is reported. */
			s = (char *)cmark_node_get_literal(n);
			if (strncmp(s, "<!--", 4) != 0) {
				body_pos(st, n, &line, &col);
				s = snippet(s);
				diag(path, line, col, D_RAW_HTML, s);
				free(s);
			}
			drop = xrealloc(drop, (ndrop + 1) * sizeof(*drop));
			drop[ndrop++] = n;
			break;
		case CMARK_NODE_LINK:
			strip_node(st, n, cmark_node_get_title, cmark_node_set_title);
			strip_node(st, n, cmark_node_get_url, cmark_node_set_url);
			url = cmark_node_get_url(n);
			if ((s = stray_percents(url)) != NULL) {
				cmark_node_set_url(n, s);
				free(s);
				url = cmark_node_get_url(n);
			}
			if (!uri_ok(url)) {
				/* [ ] and the like: escaped, as a browser would. */
				xmlChar *e = xmlURIEscapeStr(X(url),
				    X(":/?#@!$&'()*+,;=%~"));

				cmark_node_set_url(n, (const char *)e);
				xmlFree(e);
				url = cmark_node_get_url(n);
			}
			if (!uri_ok(url) || !safe_link(url)) {
				body_pos(st, n, &line, &col);
				s = snippet(url);
				diag(path, line, col, D_UNSAFE_LINK, s);
				free(s);
				unlink = xrealloc(unlink, (nunlink + 1) * sizeof(*unlink));
				unlink[nunlink++] = n;
			}
			break;
		case CMARK_NODE_IMAGE:
			strip_node(st, n, cmark_node_get_title, cmark_node_set_title);
			s = url_decode(cmark_node_get_url(n));
			cmark_node_set_url(n, s);
			free(s);
			strip_node(st, n, cmark_node_get_url, cmark_node_set_url);
			s = xstrdup(cmark_node_get_url(n));
			body_pos(st, n, &line, &col);
			if (cmark_node_get_type(cmark_node_parent(cmark_node_parent(n)))
			    != CMARK_NODE_CUSTOM_BLOCK)
				diag(path, line, col, D_IMAGE_INLINE);
			if (!validate_relpath(s)) {
				diag(path, line, col, D_IMAGE_PATH, s);
				free(s);
				break;
			}
			dir = xstrdup(path);
			*(strrchr(dir, '/') ? strrchr(dir, '/') + 1 : dir) = '\0';
			file = xasprintf("%s%s", dir, s);
			if (stat(file, &sb) != 0)
				diag(path, line, col, D_IMAGE_MISSING, s);
			else if (!within(file, *dir ? dir : "."))
				diag(path, line, col, D_SYMLINK, s, _("the story's folder"));
			else {
				struct photo ph;

				if (photo_check(file, s, &ph)) {
					st->photos = xrealloc(st->photos, (st->nphotos + 1) *
					                      sizeof(*st->photos));
					ph.href = xstrdup(s);
					st->photos[st->nphotos++] = ph;
				}
			}
			free(file);
			free(dir);
			free(s);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	if (st->pre != NULL)
		unused_notes(st, kept, nkept, code, ncode);
	free(kept);
	free(code);
	for (i = 0; i < ndrop; i++) {
		cmark_node *para = cmark_node_parent(drop[i]);

		cmark_node_free(drop[i]);
		/* A paragraph that held only raw HTML goes with it. */
		if (para != NULL &&
		    cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH &&
		    blank(para))
			cmark_node_free(para);
	}
	for (i = 0; i < nunlink; i++)
		unwrap(unlink[i]);
	free(drop);
	free(unlink);
}

void
validate_story(struct story *st)
{
	if (!front_matter(st))
		diag(st->src->path, 1, 1, D_FM_TITLE);
	if (st->slug == NULL)
		st->slug = default_slug(st->src->path);
	body(st);
}
