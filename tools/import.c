/*
 * press import: plain-text pages of the old paper → an issue folder.
 *
 * A page exported from the layout system, or read off a scan, is a run of
 * lines: the banner, then each story's kicker, headline and subtitles,
 * its paragraphs (the first opening with 本报讯（记者 …）), photo captions
 * and credits.  A paragraph that a column ended is cut in two lines.  The
 * import reads the page through the read stage (any encoding, any line
 * end), tells the lines apart, puts cut paragraphs back together and
 * writes one Markdown story per story and an issue.yaml, as a reporter
 * and an editor would have written them.
 *
 * Nothing of the page is dropped: every character of a line goes into a
 * story, its header or the page's banner.  Every guess that could be
 * wrong is a warning at the line of the page it is about.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "press.h"

#define TITLE_MAX 40  /* characters: a longer line is body text */
#define CREDIT_MAX 30 /* characters of a photo credit */
#define SLUG_MAX 32   /* bytes of a slug made from pinyin */
#define LINE_CHARS 13 /* characters in a column's line */

/* A line of the page that is not blank. */
struct piece {
	const char *s; /* in the source text, ASCII blanks trimmed */
	size_t n;
	int line;
};

/* One story as the import finds it. */
struct istory {
	char *kicker; /* 引题 or NULL */
	char *title;  /* 主题 */
	char **subs;  /* 副题 */
	size_t nsubs;
	const char *genre;  /* 消息, 图片新闻 or NULL */
	struct buf body;    /* the Markdown body */
	struct buf caption; /* a photo's caption, until its credit comes */
	char *credit;       /* the photo's credit */
	int photo;          /* photo news: the caption goes in a figure */
	int figure_done;    /* the caption is complete */
	char *slug;
};

/* One page. */
struct ipage {
	const char *path;
	char *banner;
	struct istory *st;
	size_t nst;
};

/* ---- characters ------------------------------------------------------ */

static int
starts(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && memcmp(s, w, k) == 0;
}

static int
ends(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && memcmp(s + n - k, w, k) == 0;
}

/* Whether a line ends a sentence: 。！？… or ； with closing marks. */
static int
ends_final(const char *s, size_t n)
{
	uint32_t cp;
	size_t k;

	while (n > 0) {
		k = u8_prev(s, n, &cp);
		if (cp == 0x201D || cp == 0x2019 || cp == 0xFF09 ||
		    cp == 0x300D || cp == 0x300F || cp == 0x300B || cp == ')' ||
		    cp == '"')
			n -= k;
		else
			return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F ||
			       cp == 0x2026 || cp == '!' || cp == '?';
	}
	return 0;
}

/* The length of a dateline opening s (本报讯, 本报北京6月7日电,
 * 新华社北京6月7日电, 据…电), or 0. */
static size_t
dateline_at(const char *s, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;

	if (!starts(s, n, "本报") && !starts(s, n, "新华社") &&
	    !starts(s, n, "据") && !starts(s, n, "中新社"))
		return 0;
	while (i < n && i < 60) {
		k = u8_next(s + i, n - i, &cp);
		if (cp == 0xFF08 || cp == 0xFF0C || cp == 0x3002 ||
		    u_is_space(cp))
			break;
		i += k;
		if (ends(s, i, "讯") || ends(s, i, "电"))
			return i;
	}
	return 0;
}

/*
 * Where a photo credit (本报记者 孙妍 摄影报道, 新华社记者 X 摄) begins in
 * s: at 0 when the whole line is one, after the last sentence-final mark
 * when it ends the caption's line; n when there is none.
 */
static size_t
credit_at(const char *s, size_t n)
{
	static const char *const suffixes[] = {"摄影报道", "摄影", "供图", "摄"};
	size_t i, start = 0, k;
	uint32_t cp;
	enum role role;

	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
		if (ends(s, n, suffixes[i]))
			break;
	if (i == sizeof(suffixes) / sizeof(suffixes[0]))
		return n;
	for (i = 0; i < n; i += k) {
		k = u8_next(s + i, n - i, &cp);
		if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F ||
		    cp == 0x2026 || cp == 0x201D || cp == 0xFF09)
			start = i + k;
	}
	if (u8_count(s + start, n - start) > CREDIT_MAX)
		return n;
	/* A credit names someone: a label or a name, then a space. */
	if (memchr(s + start, ' ', n - start) == NULL &&
	    role_at(s + start, n - start, &role) == 0)
		return n;
	return start;
}

/* Whether a line reads as a headline: short, no sentence inside or at
 * its end, no dateline, no credit. */
static int
title_like(const struct piece *p)
{
	size_t i, k;
	uint32_t cp;

	if (u8_count(p->s, p->n) > TITLE_MAX || ends_final(p->s, p->n) ||
	    dateline_at(p->s, p->n) > 0 || credit_at(p->s, p->n) < p->n)
		return 0;
	for (i = 0; i < p->n; i += k) {
		k = u8_next(p->s + i, p->n - i, &cp);
		if (cp == 0x3002 || cp == 0xFF1B || cp == 0xFF0C)
			return 0;
	}
	return 1;
}

/*
 * Whether the first line is a banner across the page rather than a
 * kicker: a slogan of two long halves around a space.
 */
static int
banner_like(const struct piece *p)
{
	const char *sp = memchr(p->s, ' ', p->n);

	return sp != NULL && u8_count(p->s, (size_t)(sp - p->s)) >= 8 &&
	       u8_count(sp + 1, p->n - (size_t)(sp - p->s) - 1) >= 8;
}

/* ---- Markdown -------------------------------------------------------- */

/*
 * Adds text to b so that cmark reads it back as the same characters:
 * every ASCII mark that could start Markdown syntax gets a backslash,
 * and so does a line-opening mark that would start a block.
 */
static void
md_text(struct buf *b, const char *s, size_t n, int line_start)
{
	size_t i = 0;

	if (line_start && n > 0) {
		size_t d = 0;

		while (d < n && s[d] >= '0' && s[d] <= '9')
			d++;
		if (d > 0 && d < n && (s[d] == '.' || s[d] == ')')) {
			buf_add(b, s, d);
			buf_adds(b, "\\");
			i = d;
		} else if (s[0] == '-' || s[0] == '+' || s[0] == '=' ||
		           s[0] == '#')
			buf_adds(b, "\\");
	}
	for (; i < n; i++) {
		if (strchr("\\`*_[]<>|~&!#", s[i]) != NULL)
			buf_adds(b, "\\");
		buf_add(b, s + i, 1);
	}
}

/*
 * Joins the next line of a paragraph cut by a column: a Markdown line
 * break where CJK text meets it (body.c takes it for no space), nothing
 * between two Latin letters or digits (a soft break would be a space).
 * Returns whether the next line starts a line of Markdown.
 */
static int
md_join(struct buf *b, const struct piece *prev, const struct piece *next)
{
	uint32_t before, after;

	u8_prev(prev->s, prev->n, &before);
	u8_next(next->s, next->n, &after);
	if (!u_is_cjk(before) && !u_is_cjk(after))
		return 0;
	buf_adds(b, "\n");
	return 1;
}

/* ---- reading a page -------------------------------------------------- */

static void
guess(const char *path, const struct piece *p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
guess(const char *path, const struct piece *p, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		exit(3);
	va_end(ap);
	diag(path, p->line, 1, D_IMPORT, msg);
	free(msg);
}

static struct istory *
new_story(struct ipage *pg)
{
	pg->st = xrealloc(pg->st, (pg->nst + 1) * sizeof(*pg->st));
	memset(&pg->st[pg->nst], 0, sizeof(*pg->st));
	return &pg->st[pg->nst++];
}

/* Ends a photo's caption: the figure goes first in the body. */
static void
add_figure(struct istory *st)
{
	st->figure_done = 1;
}

/*
 * Whether the lines from p[i] on are a photo's caption and credit: text
 * up to a line that ends in a credit, or is followed by one.
 */
static int
photo_ahead(const struct piece *p, size_t i, size_t n)
{
	for (; i < n; i++) {
		if (dateline_at(p[i].s, p[i].n) > 0)
			return 0;
		if (credit_at(p[i].s, p[i].n) < p[i].n)
			return 1;
		if (ends_final(p[i].s, p[i].n))
			return i + 1 < n && credit_at(p[i + 1].s, p[i + 1].n) == 0;
	}
	return 0;
}

/*
 * Adds a body line (or the caption and credit of a photo) to st.  open
 * says whether the paragraph before runs on into this line.
 */
static void
add_line(struct ipage *pg, struct istory *st, const struct piece *p,
         const struct piece *prev, int open)
{
	size_t c;

	if (st->photo && !st->figure_done) {
		c = credit_at(p->s, p->n);
		md_text(&st->caption, p->s, c, 0);
		if (c < p->n) {
			if (c > 0)
				guess(pg->path, p, _("took '%.*s' at the end of "
				                   "the line for the photo's credit"),
				      (int)(p->n - c), p->s + c);
			st->credit = xstrndup(p->s + c, p->n - c);
			add_figure(st);
		}
		return;
	}
	if (open) {
		int nl = md_join(&st->body, prev, p);

		md_text(&st->body, p->s, p->n, nl);
		return;
	}
	if (st->body.len > 0)
		buf_adds(&st->body, "\n\n");
	md_text(&st->body, p->s, p->n, 1);
}

/* Ends the body of a story. */
static void
finish(struct istory *st)
{
	if (st->photo && !st->figure_done)
		add_figure(st);
	if (st->body.len > 0 && st->body.data[st->body.len - 1] != '\n')
		buf_adds(&st->body, "\n");
}

/*
 * Starts a story with the headline lines p[i .. i+r): one is the
 * headline, two a headline and a subtitle, three or more a kicker, a
 * headline and subtitles.
 */
static struct istory *
open_story(struct ipage *pg, const struct piece *p, size_t r)
{
	struct istory *st = new_story(pg);
	size_t k, h = r >= 3 ? 1 : 0;

	if (r >= 3)
		st->kicker = xstrndup(p[0].s, p[0].n);
	st->title = xstrndup(p[h].s, p[h].n);
	for (k = h + 1; k < r; k++) {
		st->subs = xrealloc(st->subs, (st->nsubs + 1) * sizeof(char *));
		st->subs[st->nsubs++] = xstrndup(p[k].s, p[k].n);
	}
	if (r == 2 && !starts(p[1].s, p[1].n, "——"))
		guess(pg->path, &p[1], _("could not tell whether this line is "
		                       "a kicker or a subtitle; took it for the subtitle of "
		                       "the headline above"));
	if (r > 3)
		guess(pg->path, &p[0], _("%zu headline lines: took the first "
		                       "for the kicker, the second for the headline"),
		      r);
	return st;
}

/* The lines of a column a line of the page fills, from a column's top
 * (indent: it opens a paragraph); *full says whether its last line is
 * full, so that a column could have ended there. */
static size_t
col_lines(const struct piece *p, int indent, int *full)
{
	size_t i = 0, x = indent ? 4 : 0, lines = 1, w;
	uint32_t cp;

	/* Set greedily, as a layout system fills a line. */
	while (i < p->n) {
		i += u8_next(p->s + i, p->n - i, &cp);
		w = cp < 0x80 ? 1 : 2;
		if (x + w > 2 * LINE_CHARS) {
			lines++;
			x = 0;
		}
		x += w;
	}
	*full = x + 2 > 2 * LINE_CHARS;
	return lines;
}

static size_t
gcd(size_t a, size_t b)
{
	while (b != 0) {
		size_t t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/*
 * The height of the story's columns, in lines, as the cuts that are
 * certain (a paragraph going on in the next line of the page) show it:
 * the greatest common divisor of the lines above them.  0 when the story
 * from p[i] on has no such cut.
 */
static size_t
col_height(const struct piece *p, size_t i, size_t n)
{
	size_t lines = 0, h = 0;
	int open = 0, full;

	for (; i < n; i++) {
		if (dateline_at(p[i].s, p[i].n) > 0 && lines > 0)
			break;
		if (!open && lines > 0 && title_like(&p[i]))
			break;
		lines += col_lines(&p[i], !open, &full);
		open = !ends_final(p[i].s, p[i].n);
		if (open && i + 1 < n && dateline_at(p[i + 1].s, p[i + 1].n) == 0)
			h = gcd(h, lines);
	}
	return h;
}

/* Splits a page into stories. */
static void
read_page(struct ipage *pg, const struct src *src)
{
	struct piece *p = NULL;
	struct istory *st = NULL;
	size_t n = 0, i, r, lines = 0, height = 0;
	const char *s = src->text, *e, *end = src->text + src->len;
	int line = 1, open = 0, full = 0;

	/* The lines that are not blank, ASCII blanks trimmed. */
	for (; s < end; s = e + 1, line++) {
		if ((e = memchr(s, '\n', (size_t)(end - s))) == NULL)
			e = end;
		const char *a = s, *z = e;

		while (a < z && (*a == ' ' || *a == '\t'))
			a++;
		while (z > a && (z[-1] == ' ' || z[-1] == '\t'))
			z--;
		if (z == a)
			continue;
		p = xrealloc(p, (n + 1) * sizeof(*p));
		p[n].s = a;
		p[n].n = (size_t)(z - a);
		p[n++].line = line;
		if (e == end)
			break;
	}
	for (i = 0; i < n;) {
		/* A paragraph a column cut goes on in the next line. */
		if (open && st != NULL && dateline_at(p[i].s, p[i].n) == 0) {
			add_line(pg, st, &p[i], &p[i - 1], 1);
			lines += col_lines(&p[i], 0, &full);
			open = !ends_final(p[i].s, p[i].n);
			i++;
			continue;
		}
		if (open && st != NULL)
			guess(pg->path, &p[i - 1], _("paragraph ends without a "
			                           "full stop, before a dateline"));
		open = 0;
		for (r = 0; i + r < n && r < 5 && title_like(&p[i + r]); r++)
			continue;
		if (i == 0 && r >= 2 && banner_like(&p[0])) {
			pg->banner = xstrndup(p[0].s, p[0].n);
			guess(pg->path, &p[0], _("took this line for the page's "
			                       "banner"));
			i++;
			r--;
		}
		if (r > 0 && i + r < n) {
			int dated = dateline_at(p[i + r].s, p[i + r].n) > 0;
			int photo = !dated && photo_ahead(p, i + r, n);

			if (!dated && !photo && st != NULL && r == 1 &&
			    !st->photo) {
				/* A paragraph's first words, cut by a column
				 * at the end of a full line? */
				col_lines(&p[i], 1, &full);
				if (full) {
					guess(pg->path, &p[i], _("took this short "
					                       "line for a paragraph's first words, "
					                       "cut by a column"));
					add_line(pg, st, &p[i], NULL, 0);
					lines += col_lines(&p[i], 1, &full);
					open = 1;
					i++;
					continue;
				}
			}
			if (!dated && !photo && st != NULL)
				guess(pg->path, &p[i], _("could not tell whether "
				                       "this line is a subhead or a headline; "
				                       "took it for a new story's headline"));
			if (st != NULL)
				finish(st);
			st = open_story(pg, &p[i], r);
			st->genre = dated ? "消息" : photo ? "图片新闻" :
			                                     NULL;
			st->photo = photo;
			i += r;
			lines = 0;
			height = col_height(p, i, n);
			continue;
		}
		if (st == NULL) {
			guess(pg->path, &p[i], _("text before the first headline: "
			                       "it becomes a story of its own, titled by its "
			                       "first line"));
			st = open_story(pg, &p[i], 1);
			i++;
			continue;
		}
		/*
		 * A new paragraph, unless the one above ends on a full line
		 * where a column of the story's height ends.
		 */
		if (!st->photo && st->body.len > 0 && full) {
			if (height >= 4 && lines % height == 0) {
				guess(pg->path, &p[i], _("took this line for the "
				                       "rest of the paragraph above: a column of "
				                       "%zu lines ends there"),
				      height);
				add_line(pg, st, &p[i], &p[i - 1], 1);
				lines += col_lines(&p[i], 0, &full);
				open = !ends_final(p[i].s, p[i].n);
				i++;
				continue;
			}
			guess(pg->path, &p[i], _("could not tell whether this "
			                       "line starts a paragraph: the one above ends on a "
			                       "full line; took it for a new paragraph"));
		}
		add_line(pg, st, &p[i], i > 0 ? &p[i - 1] : NULL, 0);
		lines += col_lines(&p[i], 1, &full);
		open = !ends_final(p[i].s, p[i].n) &&
		       !(st->photo && st->figure_done);
		i++;
	}
	if (open && st != NULL && n > 0)
		guess(pg->path, &p[n - 1], _("the page ends inside a paragraph"));
	if (st != NULL)
		finish(st);
	free(p);
}

/* ---- slugs ----------------------------------------------------------- */

/*
 * An ASCII slug from the headline's pinyin (ICU's Han-Latin and
 * Latin-ASCII): syllables joined by '-', cut at a syllable before
 * SLUG_MAX bytes; "story" when nothing is left.
 */
static char *
pinyin_slug(UTransliterator *tr, const char *title)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar *u;
	int32_t len, cap, limit;
	char *a, *slug, *p;
	size_t k = 0, cut = 0;

	cap = (int32_t)strlen(title) * 8 + 16;
	u = xmalloc((size_t)cap * sizeof(UChar));
	u_strFromUTF8(u, cap, &len, title, -1, &err);
	limit = len;
	if (tr != NULL && U_SUCCESS(err))
		utrans_transUChars(tr, u, &len, cap, 0, &limit, &err);
	a = xmalloc((size_t)cap * 4 + 1);
	if (U_SUCCESS(err))
		u_strToUTF8(a, cap * 4, NULL, u, len, &err);
	if (U_FAILURE(err))
		a[0] = '\0';
	free(u);
	slug = xmalloc(strlen(a) + 1);
	for (p = a; *p != '\0'; p++) {
		char c = *p;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (k >= SLUG_MAX)
				break;
			slug[k++] = c;
		} else if (k > 0 && slug[k - 1] != '-') {
			cut = k;
			if (k >= SLUG_MAX)
				break;
			slug[k++] = '-';
		}
	}
	if (k > SLUG_MAX || (*p != '\0' && cut > 0))
		k = cut;
	while (k > 0 && slug[k - 1] == '-')
		k--;
	slug[k] = '\0';
	free(a);
	if (k == 0) {
		free(slug);
		return xstrdup("story");
	}
	return slug;
}

/* ---- writing --------------------------------------------------------- */

static int
yaml_out(void *data, unsigned char *s, size_t n)
{
	buf_add(data, (const char *)s, n);
	return 1;
}

static void
emit(yaml_emitter_t *em, yaml_event_t *ev)
{
	if (!yaml_emitter_emit(em, ev)) {
		fprintf(stderr, "press: YAML emitter: %s\n", em->problem);
		exit(3);
	}
}

static void
y_open(yaml_emitter_t *em, struct buf *b)
{
	yaml_event_t ev;

	yaml_emitter_initialize(em);
	yaml_emitter_set_output(em, yaml_out, b);
	yaml_emitter_set_unicode(em, 1);
	yaml_emitter_set_width(em, 100000);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(em, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(em, &ev);
	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	                                    YAML_BLOCK_MAPPING_STYLE);
	emit(em, &ev);
}

static void
y_close(yaml_emitter_t *em)
{
	yaml_event_t ev;

	yaml_mapping_end_event_initialize(&ev);
	emit(em, &ev);
	yaml_document_end_event_initialize(&ev, 1);
	emit(em, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(em, &ev);
	yaml_emitter_delete(em);
}

static void
y_scalar(yaml_emitter_t *em, const char *s)
{
	yaml_event_t ev;

	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
	                             (int)strlen(s), 1, 1,
	                             YAML_ANY_SCALAR_STYLE);
	emit(em, &ev);
}

static void
y_pair(yaml_emitter_t *em, const char *key, const char *value)
{
	if (value == NULL)
		return;
	y_scalar(em, key);
	y_scalar(em, value);
}

static void
y_mapping(yaml_emitter_t *em, int start)
{
	yaml_event_t ev;

	if (start)
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		                                    YAML_BLOCK_MAPPING_STYLE);
	else
		yaml_mapping_end_event_initialize(&ev);
	emit(em, &ev);
}

static void
y_sequence(yaml_emitter_t *em, int start)
{
	yaml_event_t ev;

	if (start)
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
		                                     YAML_BLOCK_SEQUENCE_STYLE);
	else
		yaml_sequence_end_event_initialize(&ev);
	emit(em, &ev);
}

/* Writes a story's file; 0 after reporting. */
static int
write_story(const char *dir, const struct istory *st)
{
	yaml_emitter_t em;
	struct buf b = {0};
	char *path;
	size_t k;
	int ok;

	buf_adds(&b, "---\n");
	y_open(&em, &b);
	y_pair(&em, "kicker", st->kicker);
	y_pair(&em, "title", st->title);
	if (st->nsubs == 1)
		y_pair(&em, "subtitle", st->subs[0]);
	else if (st->nsubs > 1) {
		y_scalar(&em, "subtitle");
		y_sequence(&em, 1);
		for (k = 0; k < st->nsubs; k++)
			y_scalar(&em, st->subs[k]);
		y_sequence(&em, 0);
	}
	y_pair(&em, "genre", st->genre);
	y_pair(&em, "slug", st->slug);
	y_close(&em);
	buf_adds(&b, "---\n\n");
	if (st->photo) {
		buf_adds(&b, "![");
		buf_add(&b, st->caption.data ? st->caption.data : "",
		        st->caption.len);
		buf_adds(&b, "](img/");
		buf_adds(&b, st->slug);
		buf_adds(&b, "-photo.svg)\n");
		if (st->credit != NULL) {
			buf_adds(&b, "\n");
			md_text(&b, st->credit, strlen(st->credit), 1);
			buf_adds(&b, "\n");
		}
		if (st->body.len > 0)
			buf_adds(&b, "\n");
	}
	buf_add(&b, st->body.data ? st->body.data : "", st->body.len);
	path = xasprintf("%s/%s.md", dir, st->slug);
	ok = out_write(path, b.data, b.len);
	free(path);
	buf_free(&b);
	return ok;
}

/* Writes the grey placeholder the desk replaces with the photo. */
static int
write_placeholder(const char *dir, const struct istory *st)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr svg, n;
	char *path, *label;
	int ok;

	svg = xmlNewDocNode(doc, NULL, BAD_CAST "svg", NULL);
	xmlDocSetRootElement(doc, svg);
	xmlSetNs(svg, xmlNewNs(svg, BAD_CAST "http://www.w3.org/2000/svg",
	                       NULL));
	xmlNewProp(svg, BAD_CAST "viewBox", BAD_CAST "0 0 400 300");
	n = xmlNewChild(svg, NULL, BAD_CAST "rect", NULL);
	xmlNewProp(n, BAD_CAST "width", BAD_CAST "400");
	xmlNewProp(n, BAD_CAST "height", BAD_CAST "300");
	xmlNewProp(n, BAD_CAST "fill", BAD_CAST "#ccc");
	label = xasprintf("照片待补：%s", st->title);
	n = xmlNewTextChild(svg, NULL, BAD_CAST "text", BAD_CAST label);
	xmlNewProp(n, BAD_CAST "x", BAD_CAST "200");
	xmlNewProp(n, BAD_CAST "y", BAD_CAST "150");
	xmlNewProp(n, BAD_CAST "text-anchor", BAD_CAST "middle");
	xmlNewProp(n, BAD_CAST "font-size", BAD_CAST "16");
	free(label);
	path = xasprintf("%s/img/%s-photo.svg", dir, st->slug);
	ok = out_write_xml(path, doc, NULL);
	free(path);
	xmlFreeDoc(doc);
	return ok;
}

/* Writes issue.yaml for the pages; 0 after reporting. */
static int
write_issue(const char *dir, struct ipage *pg, size_t npg, const char *date,
            long first_page, const char *name)
{
	yaml_emitter_t em;
	struct buf b = {0};
	size_t i, k;
	char num[24], *file, *pname, *path;
	int ok;

	buf_adds(&b, "# Imported by press import: check each story against "
	             "the page, then\n# supply the photos named "
	             "img/*-photo.svg.\n");
	y_open(&em, &b);
	y_pair(&em, "date", date);
	y_scalar(&em, "pages");
	y_sequence(&em, 1);
	for (i = 0; i < npg; i++) {
		y_mapping(&em, 1);
		snprintf(num, sizeof(num), "%ld", first_page + (long)i);
		y_pair(&em, "no", num);
		pname = name ? xstrdup(name) : xasprintf("第%ld版", first_page + (long)i);
		y_pair(&em, "name", pname);
		free(pname);
		y_pair(&em, "banner", pg[i].banner);
		y_scalar(&em, "stories");
		y_sequence(&em, 1);
		for (k = 0; k < pg[i].nst; k++) {
			file = xasprintf("%s.md", pg[i].st[k].slug);
			if (k == 0) {
				y_mapping(&em, 1);
				y_pair(&em, "file", file);
				y_pair(&em, "slot", "lead");
				y_mapping(&em, 0);
			} else
				y_scalar(&em, file);
			free(file);
		}
		y_sequence(&em, 0);
		y_mapping(&em, 0);
	}
	y_sequence(&em, 0);
	y_close(&em);
	path = xasprintf("%s/issue.yaml", dir);
	ok = out_write(path, b.data, b.len);
	free(path);
	buf_free(&b);
	return ok;
}

/* Whether dir is absent or an empty folder. */
static int
empty_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int empty = 1;

	if (d == NULL)
		return errno == ENOENT;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			empty = 0;
	closedir(d);
	return empty;
}

/* Whether a story of pages 0 … last has the slug s. */
static int
slug_taken(const struct ipage *pg, size_t last, const char *s)
{
	size_t a, b;

	for (a = 0; a <= last; a++)
		for (b = 0; b < pg[a].nst; b++)
			if (pg[a].st[b].slug != NULL &&
			    strcmp(pg[a].st[b].slug, s) == 0)
				return 1;
	return 0;
}

int
cmd_import(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"date", required_argument, NULL, 'D'},
	    {"page", required_argument, NULL, 'P'},
	    {"name", required_argument, NULL, 'N'},
	    {NULL, 0, NULL, 0},
	};
	const char *dir = NULL, *date = NULL, *name = NULL, *base;
	struct ipage *pg;
	struct src **srcs;
	UTransliterator *tr;
	UErrorCode err = U_ZERO_ERROR;
	UChar id[64];
	long first_page = 1;
	char *end, *path;
	size_t i, k, j, npg;
	int c, n;

	while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1)
		switch (c) {
		case 'o':
			dir = optarg;
			break;
		case 'D':
			date = optarg;
			break;
		case 'N':
			name = optarg;
			break;
		case 'P':
			first_page = strtol(optarg, &end, 10);
			if (*end != '\0' || first_page < 1) {
				diag_usage(_("--page takes a page number from 1"));
				return 2;
			}
			break;
		default:
			diag_usage(_("usage: press import [-o DIR] [--date "
			           "YYYY-MM-DD] [--page N] [--name NAME] FILE..."));
			return 2;
		}
	if (optind == argc) {
		diag_usage(_("import takes one or more page files"));
		return 2;
	}
	if (date != NULL && !validate_date(date)) {
		diag_usage(_("--date takes a date like 2024-06-11"));
		return 2;
	}
	base = dir ? strrchr(dir, '/') : NULL;
	base = base ? base + 1 : dir;
	if (date == NULL && validate_date(base))
		date = base;
	if (date == NULL) {
		diag_usage(_("import needs --date, or an -o folder named by "
		           "the date"));
		return 2;
	}
	path = dir ? NULL : xasprintf("articles/%s", date);
	if (dir == NULL)
		dir = path;
	if (!empty_dir(dir)) {
		diag(dir, 0, 0, D_IMPORT_EXISTS);
		free(path);
		return diag_status();
	}
	npg = (size_t)(argc - optind);
	pg = xcalloc(npg, sizeof(*pg));
	srcs = xcalloc(npg, sizeof(*srcs));
	u_uastrcpy(id, "Han-Latin; Latin-ASCII");
	tr = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
	if (U_FAILURE(err))
		tr = NULL;
	for (i = 0; i < npg; i++) {
		pg[i].path = argv[optind + (int)i];
		if ((srcs[i] = src_read(pg[i].path)) != NULL)
			read_page(&pg[i], srcs[i]);
		/* Slugs from the headlines' pinyin, unique in the issue. */
		for (k = 0; k < pg[i].nst; k++) {
			char *base = pinyin_slug(tr, pg[i].st[k].title);
			char *s = xstrdup(base);

			for (n = 2; slug_taken(pg, i, s); n++) {
				free(s);
				s = xasprintf("%s-%d", base, n);
			}
			free(base);
			pg[i].st[k].slug = s;
		}
	}
	if (tr != NULL)
		utrans_close(tr);
	if (diag_errors() == 0 && out_mkdirs(dir)) {
		for (i = 0; i < npg; i++)
			for (k = 0; k < pg[i].nst; k++) {
				if (!write_story(dir, &pg[i].st[k]))
					break;
				if (pg[i].st[k].photo)
					write_placeholder(dir, &pg[i].st[k]);
			}
		if (diag_errors() == 0)
			write_issue(dir, pg, npg, date, first_page, name);
	}
	for (i = 0; i < npg; i++) {
		for (k = 0; k < pg[i].nst; k++) {
			struct istory *st = &pg[i].st[k];

			free(st->kicker);
			free(st->title);
			for (j = 0; j < st->nsubs; j++)
				free(st->subs[j]);
			free(st->subs);
			buf_free(&st->body);
			buf_free(&st->caption);
			free(st->credit);
			free(st->slug);
		}
		free(pg[i].st);
		free(pg[i].banner);
		src_free(srcs[i]);
	}
	free(pg);
	free(srcs);
	free(path);
	return diag_status();
}
