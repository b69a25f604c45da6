/*
 * Stage 6, issue: paper.yaml describes the paper, issue.yaml places
 * stories on pages.  Each story runs the story pipeline on its own; a
 * story with errors is reported and left out while the rest of the issue
 * builds.  The result is one <issue> document, checked against
 * templates/press.rng; build.c writes and renders it.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>


#include "press.h"

#define X(s) ((const xmlChar *)(s))

static const char *const weekdays[7] = {
	"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六",
};

static const char *const slots[] = {"lead", "main", "brief", "photo", NULL};

/* A loaded YAML file and where it came from. */
struct yfile {
	char *path;
	struct src *src; /* its text, for the proofreading of page heads */
	yaml_document_t doc;
	int loaded;
};

static int
yfile_load(struct yfile *y, const char *path)
{
	struct src *src = src_read(path);

	memset(y, 0, sizeof(*y));
	y->path = xstrdup(path);
	if (src == NULL)
		return 0;
	y->loaded = fm_load(path, src->text, src->len, 0, &y->doc);
	y->src = src;
	return y->loaded;
}

static void
yfile_free(struct yfile *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	src_free(y->src);
	free(y->path);
}

/* Reports a value of the wrong type; always returns NULL. */
static const char *
wrong(struct yfile *y, yaml_node_t *v, const char *key, const char *want)
{
	diag(y->path, fm_line(v, 0), fm_col(v), D_ISSUE_KEY, key, want);
	return NULL;
}

/* The text of key in map; NULL if absent (reported when required, at
 * the map). */
static const char *
text(struct yfile *y, yaml_node_t *map, const char *key, int required)
{
	yaml_node_t *v = fm_get(&y->doc, map, key, NULL);
	const char *s = fm_scalar(v);

	if (v == NULL) {
		if (required) {
			char *msg = xasprintf(_("missing required key '%s'"), key);

			diag(y->path, fm_line(map, 0), fm_col(map), D_ISSUE_VALUE,
			     msg);
			free(msg);
		}
		return NULL;
	}
	if (s == NULL || *s == '\0')
		return wrong(y, v, key, _("text"));
	return s;
}

/* A positive number under key, 0 if absent, -1 after reporting. */
static long
number(struct yfile *y, yaml_node_t *map, const char *key)
{
	yaml_node_t *v = fm_get(&y->doc, map, key, NULL);
	const char *s = fm_scalar(v);
	char *end;
	long n;

	if (v == NULL)
		return 0;
	n = s ? strtol(s, &end, 10) : 0;
	if (s == NULL || *s == '\0' || *end != '\0' || n < 1 || n > 99999) {
		wrong(y, v, key, _("a whole number from 1"));
		return -1;
	}
	return n;
}

/*
 * Reports the keys of map that are not in known (NULL-terminated).
 * Returns how many were misspelt known keys: errors, since what the
 * key held would otherwise be lost.
 */
static int
unknown_keys(struct yfile *y, yaml_node_t *map, const char *const *known)
{
	yaml_node_pair_t *p;
	size_t i;
	int misspelt = 0;

	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(&y->doc, p->key);
		const char *s = fm_scalar(k);

		for (i = 0; s != NULL && known[i] != NULL; i++)
			if (strcmp(s, known[i]) == 0)
				break;
		if (s == NULL || known[i] == NULL)
			misspelt += fm_unknown(y->path, k, 0, known);
	}
	return misspelt;
}

static yaml_node_t *
root_map(struct yfile *y)
{
	yaml_node_t *root = y->loaded ? yaml_document_get_root_node(&y->doc) : NULL;

	if (y->loaded && (root == NULL || root->type != YAML_MAPPING_NODE)) {
		diag(y->path, 1, 1, D_FM_NOT_MAP);
		return NULL;
	}
	return root;
}

static void paper_geometry(struct paper *);

int
paper_load(struct paper *paper, const char *articles)
{
	static const char *const known[] = {"name", "publisher", "cn", "url",
	                                    "copyright", "rights",
	                                    "page", "pass-mark", "photo-limit",
	                                    NULL};
	struct yfile y;
	yaml_node_t *root, *page;
	char *path = xasprintf("%s/paper.yaml", articles);
	const char *s;
	unsigned before;
	int ok = 0;

	paper_defaults(paper);
	before = diag_errors();
	yfile_load(&y, path);
	free(path);
	if ((root = root_map(&y)) != NULL) {
		unknown_keys(&y, root, known);
		if ((s = text(&y, root, "name", 1)) != NULL) {
			paper->name = xstrdup(s);
			ok = 1;
		}
		if ((s = text(&y, root, "publisher", 0)) != NULL)
			paper->publisher = xstrdup(s);
		if ((s = text(&y, root, "cn", 0)) != NULL)
			paper->cn = xstrdup(s);
		if ((s = text(&y, root, "url", 0)) != NULL)
			paper->url = xstrdup(s);
		if ((s = text(&y, root, "copyright", 0)) != NULL)
			paper->copyright = xstrdup(s);
		if ((s = text(&y, root, "rights", 0)) != NULL)
			paper->rights = xstrdup(s);
		if (fm_get(&y.doc, root, "pass-mark", NULL) != NULL &&
		    (paper->pass_mark = number(&y, root, "pass-mark")) <= 0)
			ok = 0;
		if ((paper->photo_mb = number(&y, root, "photo-limit")) < 0)
			ok = 0;
		page = fm_get(&y.doc, root, "page", NULL);
		if (page != NULL && page->type != YAML_MAPPING_NODE) {
			wrong(&y, page, "page", _("columns, line-chars and column-lines"));
			ok = 0;
		} else if (page != NULL) {
			static const char *const geometry[] = {"columns",
			    "line-chars", "column-lines", "width", "height",
			    "column-width", NULL};

			unknown_keys(&y, page, geometry);
			paper->columns = number(&y, page, "columns");
			paper->line_chars = number(&y, page, "line-chars");
			paper->col_lines = number(&y, page, "column-lines");
			paper->width_mm = number(&y, page, "width");
			paper->height_mm = number(&y, page, "height");
			paper->column_mm = number(&y, page, "column-width");
			if (paper->columns < 0 || paper->line_chars < 0 ||
			    paper->col_lines < 0 || paper->width_mm < 0 ||
			    paper->height_mm < 0 || paper->column_mm < 0)
				ok = 0;
			else if (paper->column_mm * (paper->columns > 0 ?
			         paper->columns : PAPER_COLUMNS) > (paper->width_mm > 0 ?
			         paper->width_mm : PAPER_WIDTH_MM)) {
				wrong(&y, fm_get(&y.doc, page, "column-width", NULL),
				      "column-width", _("at most the width over the "
				      "columns"));
				ok = 0;
			}
		}
	}
	paper_geometry(paper);
	if (paper->pass_mark <= 0)
		paper->pass_mark = PAPER_PASS_MARK;
	yfile_free(&y);
	/* A key given twice or misspelt: the paper is not what was meant. */
	return ok && diag_errors() == before;
}

/* The page geometry paper.yaml left out, from the defaults: a column
 * as wide as line-chars of the characters that fill the type area's
 * width with the columns and their one-character gutters. */
static void
paper_geometry(struct paper *paper)
{
	if (paper->columns <= 0)
		paper->columns = PAPER_COLUMNS;
	if (paper->line_chars <= 0)
		paper->line_chars = PAPER_LINE_CHARS;
	if (paper->col_lines <= 0)
		paper->col_lines = PAPER_COL_LINES;
	if (paper->width_mm <= 0)
		paper->width_mm = PAPER_WIDTH_MM;
	if (paper->height_mm <= 0)
		paper->height_mm = PAPER_HEIGHT_MM;
	if (paper->column_mm <= 0 || paper->column_mm * paper->columns >
	    paper->width_mm)
		paper->column_mm = (long)((double)paper->width_mm *
		    (double)paper->line_chars / (double)(paper->columns *
		    paper->line_chars + paper->columns - 1) + 0.5);
}

double
paper_gutter(const struct paper *paper)
{
	double g;

	if (paper->columns <= 1)
		return 0;
	g = (double)(paper->width_mm - paper->columns * paper->column_mm) /
	    (double)(paper->columns - 1);
	return g > 0 ? g : 0;
}

void
paper_defaults(struct paper *paper)
{
	memset(paper, 0, sizeof(*paper));
	paper->pass_mark = PAPER_PASS_MARK;
	paper_geometry(paper);
}

void
paper_free(struct paper *paper)
{
	free(paper->name);
	free(paper->publisher);
	free(paper->cn);
	free(paper->url);
	free(paper->copyright);
	free(paper->rights);
}

/* The weekday of a valid YYYY-MM-DD date. */
static const char *
weekday(const char *date)
{
	struct tm tm = {0};
	time_t t;

	tm.tm_year = atoi(date) - 1900;
	tm.tm_mon = atoi(date + 5) - 1;
	tm.tm_mday = atoi(date + 8);
	tm.tm_hour = 12;
	t = timegm(&tm);
	gmtime_r(&t, &tm);
	return weekdays[tm.tm_wday];
}

static int
is_issue_id(const char *s)
{
	const char *p;

	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      (*p == '-' && p > s)))
			return 0;
	return p > s;
}

/* Everything one issue build holds. */
/* A story's area on the page picture, per cent of the page. */
struct area {
	double x, y, w, h;
	int line;   /* of the area in issue.yaml */
	char *file; /* the story's */
};

struct issue {
	const struct build_opts *opts;
	const struct paper *paper;
	const char *dir;  /* articles/<id> */
	const char *id;   /* the folder name */
	const char *date; /* YYYY-MM-DD */
	struct yfile y;   /* issue.yaml */
	xmlDocPtr doc;    /* <issue> */
	struct strmap placed; /* story files placed, for duplicates */
	struct strmap slugs;  /* slug → file of each story built */
	struct strmap gbk;    /* the stories' characters outside GBK */
	struct jump *jumps; /* the stories that jump, in the order given */
	size_t njumps;
	long *all;        /* every page's number, read before the stories */
	size_t nall;
	long *nos;        /* page numbers seen, for duplicates */
	int *nolines;     /* the line of each page's 'no' */
	size_t nnos;
	struct area *areas; /* the areas on the page being read */
	size_t nareas;
	int bad;          /* ambiguous: checked through, not built */
};

/* A story issue.yaml jumps (转版) from one page to a later one. */
struct jump {
	const char *file;  /* the story's file, as issue.yaml names it */
	yaml_node_t *at;   /* its jump: value, for messages */
	long from, to;     /* the pages */
	xmlNodePtr story;  /* on page from, NULL when left out or whole */
	int continued;     /* page to has placed its continuation */
};

/* The jump of file; NULL if it has none. */
static struct jump *
jump_of(struct issue *is, const char *file)
{
	size_t i;

	for (i = 0; i < is->njumps; i++)
		if (strcmp(is->jumps[i].file, file) == 0)
			return &is->jumps[i];
	return NULL;
}

/* Whether the issue has a page no. */
static int
has_page(const struct issue *is, long no)
{
	size_t i;

	for (i = 0; i < is->nall; i++)
		if (is->all[i] == no)
			return 1;
	return 0;
}

/* The line that placed file already, or 0 after noting it at line. */
static int
placed(struct issue *is, const char *file, int line)
{
	char num[16];
	const char *had;

	snprintf(num, sizeof(num), "%d", line);
	had = strmap_put(&is->placed, file, num);
	return had != NULL ? atoi(had) : 0;
}

/*
 * What a placed story spends of its page (storyxml_spend) in its slot of
 * cols columns (0: none drawn, one column), written on it for the layout
 * desk and press check: the lines of its head block and its photos in
 * each column they cross, the lines spent in all, and with a slot the
 * lines left (negative: over).  A story longer than its slot gets a
 * message at its entry when the caller asks (press check), with the
 * lines and the 字 to cut.  A raster photo under about 150 dpi at the
 * slot's printed width gets a warning there, always.
 */
static void
fit(struct issue *is, yaml_node_t *entry, xmlNodePtr story, const char *file,
    long cols, long lines)
{
	struct spend sp;
	char num[24];
	long left;

	jump_spend(story, is->paper, cols, &sp);
	snprintf(num, sizeof(num), "%ld", sp.head);
	xmlNewProp(story, X("head-lines"), X(num));
	snprintf(num, sizeof(num), "%ld", sp.photos);
	xmlNewProp(story, X("photo-lines"), X(num));
	snprintf(num, sizeof(num), "%ld", sp.total);
	xmlNewProp(story, X("spent"), X(num));
	photo_low_dpi(is->y.path, fm_line(entry, 0), fm_col(entry),
	              story->children, &sp);
	if (cols <= 0)
		return;
	left = cols * lines - sp.total;
	snprintf(num, sizeof(num), "%ld", left);
	xmlNewProp(story, X("left"), X(num));
	if (is->opts->fitting == FIT_NONE || left >= 0)
		return;
	diag(is->y.path, fm_line(entry, 0), fm_col(entry),
	     is->opts->fitting == FIT_ERRORS ? D_FIT_OVER_STRICT : D_FIT_OVER,
	     -left, -left * is->paper->line_chars, file);
}

/* What out_unencodable() hands each character reason() rewrites. */
struct spell {
	const char *text;
	const char *mark; /* what stands for the character */
	size_t from;      /* copied up to here */
	struct buf b;
};

static void
spell_one(size_t at, void *arg)
{
	struct spell *s = arg;
	uint32_t cp;
	size_t n = u8_next(s->text + at, strlen(s->text + at), &cp);

	buf_add(&s->b, s->text + s->from, at - s->from);
	buf_adds(&s->b, s->mark);
	s->from = at + n;
}

/*
 * text with each character that encoding cannot hold replaced by 〓, the
 * compositor's mark for a missing glyph (by ? where the encoding lacks
 * even that); the message beside it gives the code point.  The caller
 * frees it.
 */
static char *
spelled(const char *text, const char *encoding)
{
	struct spell s = {text, "〓", 0, {0}};
	size_t bad;

	if (out_encodable(s.mark, strlen(s.mark), encoding, &bad) != 1)
		s.mark = "?";
	buf_add(&s.b, "", 0);
	if (out_unencodable(text, strlen(text), encoding, spell_one, &s) < 0) {
		buf_free(&s.b);
		return xstrdup(text);
	}
	buf_adds(&s.b, text + s.from);
	return s.b.data;
}

/*
 * Why the story at path is left out (or withheld from print): the first
 * error since diag_mark(), with its line in the story file when it is
 * there (else 0).  An error in another file (issue.yaml's entry of a
 * story that is not there) is said with its place, FILE:LINE:COL, the
 * file as the issue's folder names it.  The reason may quote the very
 * character the print encoding cannot hold: that character is replaced
 * (spelled()).  The caller frees what it returns.
 */
static char *
reason(const struct issue *is, const char *path, int *line)
{
	const struct diag_first *e = diag_first_error();
	size_t n = strlen(is->dir);
	char *r, *t;

	*line = 0;
	if (e == NULL)
		r = xstrdup(_("the story could not be read"));
	else if (strcmp(e->path, path) == 0) {
		r = xstrdup(e->text);
		*line = e->line;
	} else {
		const char *f = strncmp(e->path, is->dir, n) == 0 &&
		                e->path[n] == '/' ? e->path + n + 1 : e->path;

		r = e->line > 0 ?
		    xasprintf("%s:%d:%d: %s", f, e->line, e->col, e->text) :
		    xasprintf("%s: %s", f, e->text);
	}
	if (is->opts->print_encoding != NULL) {
		t = spelled(r, is->opts->print_encoding);
		free(r);
		r = t;
	}
	if (is->opts->gbk_safe) {
		t = spelled(r, "GBK");
		free(r);
		r = t;
	}
	return r;
}

/*
 * Marks the hole a story left out for errors leaves on its page, with
 * the first error as the reason, for the layout desk and preview; the
 * web edition's stylesheets never show it.
 */
static void
left_out(struct issue *is, xmlNodePtr page, const char *file,
         const char *path)
{
	xmlNodePtr node = xmlNewChild(page, NULL, X("left-out"), NULL);
	int line;
	char *why = reason(is, path, &line), num[24];

	xmlNewProp(node, X("file"), X(file));
	xmlNewProp(node, X("reason"), X(why));
	if (line > 0) {
		snprintf(num, sizeof(num), "%d", line);
		xmlNewProp(node, X("line"), X(num));
	}
	free(why);
}

/*
 * Marks a story the print encoding cannot hold: the web edition carries
 * it, the print files stand a <left-out> in its place (issue_print())
 * with withheld as the reason and withheld-line its line.
 */
static void
withhold(struct issue *is, xmlNodePtr story, const char *path)
{
	int line;
	char *why = reason(is, path, &line), num[24];

	xmlNewProp(story, X("withheld"), X(why));
	if (line > 0) {
		snprintf(num, sizeof(num), "%d", line);
		xmlNewProp(story, X("withheld-line"), X(num));
	}
	free(why);
}

/* The story of doc withheld from print (withhold()) whose file is
 * source, or any with source NULL; NULL when there is none. */
static xmlNodePtr
withheld_story(xmlDocPtr doc, const xmlChar *source)
{
	xmlNodePtr page, n;
	xmlChar *v;
	int same;

	for (page = xmlDocGetRootElement(doc)->children; page != NULL;
	     page = page->next)
		for (n = page->children; n != NULL; n = n->next) {
			if (!xmlStrEqual(n->name, X("story")) ||
			    !xmlHasProp(n, X("withheld")))
				continue;
			if (source == NULL)
				return n;
			v = xmlGetProp(n, X("source"));
			same = xmlStrEqual(v, source);
			xmlFree(v);
			if (same)
				return n;
		}
	return NULL;
}

/*
 * The issue as the print files have it when the print encoding cannot
 * hold a story (withhold()): a <left-out> in its place, and in the place
 * of the rest of it on a later page (a jump's <continuation>), with the
 * reason and line.  NULL when no story is withheld; else the caller
 * frees it.
 */
xmlDocPtr
issue_print(xmlDocPtr doc)
{
	xmlDocPtr copy;
	xmlNodePtr page, n, next, hole, story;
	xmlChar *src, *v;

	if (withheld_story(doc, NULL) == NULL)
		return NULL;
	copy = xmlCopyDoc(doc, 1);
	for (page = xmlDocGetRootElement(copy)->children; page != NULL;
	     page = page->next)
		for (n = page->children; n != NULL; n = next) {
			next = n->next;
			if (!xmlStrEqual(n->name, X("story")) &&
			    !xmlStrEqual(n->name, X("continuation")))
				continue;
			src = xmlGetProp(n, X("source"));
			if ((story = withheld_story(doc, src)) == NULL) {
				xmlFree(src);
				continue;
			}
			hole = xmlNewDocNode(copy, NULL, X("left-out"), NULL);
			xmlNewProp(hole, X("file"), src);
			xmlFree(src);
			v = xmlGetProp(story, X("withheld"));
			xmlNewProp(hole, X("reason"), v);
			xmlFree(v);
			if ((v = xmlGetProp(story, X("withheld-line"))) != NULL)
				xmlNewProp(hole, X("line"), v);
			xmlFree(v);
			xmlReplaceNode(n, hole);
			xmlFreeNode(n);
		}
	return copy;
}

/* The slot sv names; NULL after reporting one press does not know. */
static const char *
slot_of(struct issue *is, yaml_node_t *sv)
{
	const char *slot = fm_scalar(sv);
	size_t i;

	for (i = 0; slot != NULL && slots[i] != NULL; i++)
		if (strcmp(slot, slots[i]) == 0)
			return slot;
	return wrong(&is->y, sv, "slot", _("lead, main, brief or photo"));
}

/* The space an entry gives its story, columns × lines, written on node;
 * both 0 when it gives none (or only one of them, reported). */
static void
space(struct issue *is, yaml_node_t *entry, xmlNodePtr node, long *cols,
      long *lines)
{
	char num[24];

	*cols = *lines = 0;
	if (entry == NULL || entry->type != YAML_MAPPING_NODE)
		return;
	*cols = number(&is->y, entry, "columns");
	*lines = number(&is->y, entry, "lines");
	if (*cols > 0 && *lines > 0) {
		snprintf(num, sizeof(num), "%ld", *cols);
		xmlNewProp(node, X("slot-columns"), X(num));
		snprintf(num, sizeof(num), "%ld", *lines);
		xmlNewProp(node, X("slot-lines"), X(num));
		return;
	}
	if (*cols > 0 || *lines > 0)
		diag(is->y.path, fm_line(entry, 0), fm_col(entry), D_ISSUE_VALUE,
		     _("a story's space needs both 'columns' and 'lines'"));
	*cols = *lines = 0;
}

/*
 * Places on page the continuation of the story j jumps there, at its
 * entry (NULL: last on the page, no space drawn): the 接转 head, the
 * 上接 line and the rest of the text, fitted to the entry's space as a
 * story is.  Nothing when the story was left out or stands whole.
 */
static void
continued(struct issue *is, xmlNodePtr page, yaml_node_t *entry,
          struct jump *j)
{
	yaml_node_t *sv = NULL;
	const char *slot = NULL;
	xmlNodePtr cont;
	long cols, lines;

	j->continued = 1;
	if (j->story == NULL)
		return;
	if (entry != NULL && entry->type == YAML_MAPPING_NODE &&
	    (sv = fm_get(&is->y.doc, entry, "slot", NULL)) != NULL)
		slot = slot_of(is, sv);
	cont = jump_continuation(is->doc, j->story, j->from,
	                         slot != NULL ? slot : "main");
	space(is, entry, cont, &cols, &lines);
	fit(is, entry != NULL ? entry : j->at, cont, j->file, cols, lines);
	xmlAddChild(page, cont);
}

/*
 * area: the story's place on the page picture, {x, y, w, h} in per cent
 * of the page.  Writes "x y w h" to out (at least 64 bytes); 0 after
 * reporting a malformed area or one outside the page at its line.  An
 * area that overlaps one before it on the page is a warning.
 */
static int
story_area(struct issue *is, yaml_node_t *v, const char *file, char *out)
{
	static const char *const keys[] = {"x", "y", "w", "h", NULL};
	double n[4];
	size_t k;
	char *end, *m;
	struct area *a;

	for (k = 0; keys[k] != NULL; k++) {
		const char *t = v->type == YAML_MAPPING_NODE ?
		                fm_scalar(fm_get(&is->y.doc, v, keys[k], NULL)) : NULL;

		n[k] = t != NULL ? strtod(t, &end) : 0;
		if (t == NULL || *t == '\0' || *end != '\0' || n[k] != n[k]) {
			diag(is->y.path, fm_line(v, 0), fm_col(v), D_PAGE_AREA,
			     _("x, y, w and h, per cent of the page, like "
			       "{x: 0, y: 10, w: 50, h: 30}"));
			return 0;
		}
	}
	if (n[0] < 0 || n[1] < 0 || n[2] <= 0 || n[3] <= 0 ||
	    n[0] + n[2] > 100 || n[1] + n[3] > 100) {
		m = xasprintf(_("outside the page: x and y from 0, w and h above "
		                "0, x + w (%g) and y + h (%g) at most 100"),
		              n[0] + n[2], n[1] + n[3]);
		diag(is->y.path, fm_line(v, 0), fm_col(v), D_PAGE_AREA, m);
		free(m);
		return 0;
	}
	for (k = 0; k < is->nareas; k++) {
		a = &is->areas[k];
		if (n[0] < a->x + a->w && a->x < n[0] + n[2] &&
		    n[1] < a->y + a->h && a->y < n[1] + n[3]) {
			diag(is->y.path, fm_line(v, 0), fm_col(v), D_AREA_OVERLAP,
			     file, a->file, a->line);
			break;
		}
	}
	is->areas = xrealloc(is->areas, (is->nareas + 1) * sizeof(*a));
	a = &is->areas[is->nareas++];
	a->x = n[0];
	a->y = n[1];
	a->w = n[2];
	a->h = n[3];
	a->line = fm_line(v, 0);
	a->file = xstrdup(file);
	snprintf(out, 64, "%g %g %g %g", n[0], n[1], n[2], n[3]);
	return 1;
}

/* Forgets the areas of the page read last. */
static void
areas_clear(struct issue *is)
{
	size_t k;

	for (k = 0; k < is->nareas; k++)
		free(is->areas[k].file);
	is->nareas = 0;
}

/*
 * Builds one story entry of a page: loads the story, checks it against
 * the schema and the print encoding, and adds it to the page, or marks
 * it left out.
 */
static void
place(struct issue *is, xmlNodePtr page, long no, yaml_node_t *entry,
      int first)
{
	static const char *const known[] = {"file", "slot", "columns", "lines",
	                                    "jump", "area", NULL};
	yaml_node_t *fv = entry, *sv = NULL, *jv = NULL;
	const char *file, *slot = NULL;
	struct jump *j;
	long to = 0;
	struct story *st;
	xmlDocPtr doc;
	xmlNodePtr node;
	const char *other_src;
	char *path;
	size_t i;

	if (entry->type == YAML_MAPPING_NODE) {
		if (unknown_keys(&is->y, entry, known))
			is->bad = 1;
		fv = fm_get(&is->y.doc, entry, "file", NULL);
		sv = fm_get(&is->y.doc, entry, "slot", NULL);
		jv = fm_get(&is->y.doc, entry, "jump", NULL);
		if (fv == NULL) {
			diag(is->y.path, fm_line(entry, 0), fm_col(entry),
			     D_ISSUE_VALUE, _("a story entry needs 'file'"));
			return;
		}
	}
	if ((file = fm_scalar(fv)) == NULL || *file == '\0') {
		wrong(&is->y, fv, "file", _("a story file name"));
		return;
	}
	if (!validate_relpath(file) || strchr(file, '/') != NULL) {
		diag(is->y.path, fm_line(fv, 0), fm_col(fv), D_ISSUE_STORY, file);
		return;
	}
	/* jump: the later page the story continues on (下转).  There it is
	 * placed again, or goes last; once, and forward. */
	j = jump_of(is, file);
	if (jv != NULL && (to = number(&is->y, entry, "jump")) > 0) {
		if (j != NULL) {
			diag(is->y.path, fm_line(jv, 0), fm_col(jv), D_JUMP_TWICE,
			     file, fm_line(j->at, 0));
			to = 0;
			if (j->to != no || j->continued)
				return;
		} else if (to <= no) {
			diag(is->y.path, fm_line(jv, 0), fm_col(jv), D_JUMP_BACK,
			     no, to);
			to = 0;
		} else if (!has_page(is, to)) {
			diag(is->y.path, fm_line(jv, 0), fm_col(jv), D_JUMP_PAGE,
			     to, to);
			to = 0;
		}
	}
	if (j != NULL && j->to == no && !j->continued) {
		continued(is, page, entry, j);
		return;
	}
	if ((i = (size_t)placed(is, file, fm_line(fv, 0))) > 0) {
		diag(is->y.path, fm_line(fv, 0), fm_col(fv), D_ISSUE_DUP, file,
		     (int)i);
		return;
	}
	if (to > 0) {
		is->jumps = xrealloc(is->jumps, (is->njumps + 1) *
		                     sizeof(*is->jumps));
		j = &is->jumps[is->njumps++];
		memset(j, 0, sizeof(*j));
		j->file = file;
		j->at = jv;
		j->from = no;
		j->to = to;
	}
	diag_mark();
	path = xasprintf("%s/%s", is->dir, file);
	if (sv != NULL && (slot = slot_of(is, sv)) == NULL) {
		left_out(is, page, file, path);
		free(path);
		return;
	}
	if (access(path, R_OK) != 0) {
		diag(is->y.path, fm_line(fv, 0), fm_col(fv), D_ISSUE_STORY, file);
		left_out(is, page, file, path);
		free(path);
		return;
	}
	/* A story may be a symbolic link, but not to outside articles/. */
	if (!within(path, is->opts->articles)) {
		diag(is->y.path, fm_line(fv, 0), fm_col(fv), D_SYMLINK, file,
		     is->opts->articles);
		left_out(is, page, file, path);
		free(path);
		return;
	}
	st = story_load(path);
	proof_story(st, is->date, is->opts->proof);
	if (st == NULL || !st->ok) {
		left_out(is, page, file, path);
		story_free(st);
		free(path);
		return;
	}
	if ((other_src = strmap_get(&is->slugs, st->slug)) != NULL) {
		diag(path, 1, 1, D_SLUG_DUP, st->slug, other_src);
		left_out(is, page, file, path);
		goto out;
	}
	doc = storyxml_doc(st, is->paper->line_chars);
	if (schema_validate(doc, is->dir, path)) {
		/* What the print encoding cannot hold keeps the story out of
		 * the print files only. */
		int print = out_doc_encodable(is->opts, doc, path, &is->gbk, 1);

		strmap_put(&is->slugs, st->slug, strrchr(path, '/') + 1);
		node = xmlDocCopyNode(xmlDocGetRootElement(doc), is->doc, 1);
		xmlUnsetProp(node, X("schema-version"));
		xmlUnsetNsProp(node, xmlSearchNsByHref(is->doc, node,
		               XML_XML_NAMESPACE), X("lang"));
		if (slot == NULL)
			slot = st->genre && strcmp(st->genre, "图片新闻") == 0 ?
			       "photo" : first ? "lead" : "main";
		xmlNewProp(node, X("slot"), X(slot));
		/* The space the editor gives it: columns × lines. */
		long cols, lines, after;

		space(is, entry, node, &cols, &lines);
		/* A jump splits the story where its space is full. */
		if (j != NULL && cols == 0) {
			char *m = xasprintf(_("a story that jumps needs its space "
			                      "on page %ld: 'columns' and 'lines'"),
			                    no);

			diag(is->y.path, fm_line(jv, 0), fm_col(jv), D_ISSUE_VALUE,
			     m);
			free(m);
		} else if (j != NULL &&
		           (after = jump_split(node, is->paper, cols, lines)) < 0)
			diag(is->y.path, fm_line(jv, 0), fm_col(jv), D_JUMP_FITS,
			     file, no, to);
		else if (j != NULL) {
			jump_mark(node, to, after);
			j->story = node;
		}
		fit(is, entry, node, file, cols, lines);
		if (!print)
			withhold(is, node, path);
		/* Its place on the page picture. */
		if (entry->type == YAML_MAPPING_NODE) {
			yaml_node_t *av = fm_get(&is->y.doc, entry, "area", NULL);
			char area[64];

			if (av != NULL && story_area(is, av, file, area))
				xmlNewProp(node, X("area"), X(area));
			else if (av != NULL)
				is->bad = 1;
		}
		xmlAddChild(page, node);
	} else
		left_out(is, page, file, path);
	xmlFreeDoc(doc);
out:
	story_free(st);
	free(path);
}

/*
 * pdf: the layout desk's PDF of the page, a file in the issue's folder:
 * the page gets pdf (its path) and pdf-size (bytes).  A path that leaves
 * the folder, a file that is not there or is not a PDF is an error at
 * its line, and the issue is not built.
 */
static void
page_pdf(struct issue *is, xmlNodePtr page, yaml_node_t *v, const char *s)
{
	char *path, head[5], num[24];
	struct stat sb;
	FILE *f;
	int ok;

	if (!validate_relpath(s)) {
		wrong(&is->y, v, "pdf", _("a file in the issue's folder"));
		is->bad = 1;
		return;
	}
	path = xasprintf("%s/%s", is->dir, s);
	ok = stat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
	     (f = fopen(path, "rb")) != NULL;
	if (ok) {
		ok = fread(head, 1, 5, f) == 5 && memcmp(head, "%PDF-", 5) == 0;
		fclose(f);
	}
	if (!ok) {
		diag(is->y.path, fm_line(v, 0), fm_col(v), D_PAGE_PDF, s);
		is->bad = 1;
	} else {
		xmlNewProp(page, X("pdf"), X(s));
		snprintf(num, sizeof(num), "%lld", (long long)sb.st_size);
		xmlNewProp(page, X("pdf-size"), X(num));
	}
	free(path);
}

/*
 * image: a picture of the printed page, a file in the issue's folder
 * (JPEG, PNG, GIF, WebP or SVG): the page gets image and, from its
 * header, image-width and image-height.  A path that leaves the folder
 * or a file that is not there is an error at its line, a file that is
 * no picture press takes is reported at the file; either way the issue
 * is not built.
 */
static void
page_image(struct issue *is, xmlNodePtr page, yaml_node_t *v, const char *s)
{
	struct photo ph = {0};
	struct stat sb;
	char *path, num[24];

	if (!validate_relpath(s)) {
		wrong(&is->y, v, "image", _("a file in the issue's folder"));
		is->bad = 1;
		return;
	}
	path = xasprintf("%s/%s", is->dir, s);
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		diag(is->y.path, fm_line(v, 0), fm_col(v), D_PAGE_IMAGE, s);
		is->bad = 1;
	} else if (!photo_check(path, s, &ph)) {
		is->bad = 1;
	} else {
		xmlNewProp(page, X("image"), X(s));
		if (ph.width > 0 && ph.height > 0) {
			snprintf(num, sizeof(num), "%d", ph.width);
			xmlNewProp(page, X("image-width"), X(num));
			snprintf(num, sizeof(num), "%d", ph.height);
			xmlNewProp(page, X("image-height"), X(num));
		}
	}
	free(path);
}

static void
add_page(struct issue *is, xmlNodePtr issue, yaml_node_t *p)
{
	static const char *const known[] = {"no", "name", "banner", "editor",
	                                    "designer", "proofreader",
	                                    "photo-editor", "pdf", "image",
	                                    "stories", NULL};
	static const char *const staff[] = {"editor", "designer",
	                                    "proofreader", "photo-editor", NULL};
	size_t k;
	yaml_node_t *stories;
	yaml_node_item_t *it;
	xmlNodePtr page;
	const char *name, *s;
	long no;
	char num[24], defname[32];
	int first = 1;

	if (p->type != YAML_MAPPING_NODE) {
		wrong(&is->y, p, "a page", _("no, name and stories"));
		return;
	}
	/* A misspelt key would publish the page without what it held. */
	if (unknown_keys(&is->y, p, known))
		is->bad = 1;
	no = number(&is->y, p, "no");
	name = text(&is->y, p, "name", 0);
	if (no == 0)
		diag(is->y.path, fm_line(p, 0), fm_col(p), D_ISSUE_VALUE,
		     _("missing required key 'no'"));
	if (no <= 0)
		return;
	/* A page without its 版名 still carries its stories: dropping it
	 * would publish the issue a page short.  It is called by its
	 * number, as the page line prints it (第02版), until it has one. */
	if (name == NULL) {
		snprintf(defname, sizeof(defname), "第%02ld版", no);
		name = defname;
		if (fm_get(&is->y.doc, p, "name", NULL) == NULL)
			diag(is->y.path, fm_line(p, 0), fm_col(p), D_PAGE_NONAME,
			     no, name);
	}
	/* Two pages 3: which one is page 3?  The issue is not built, but
	 * both pages' stories are read, so that each is checked and none is
	 * said to be on no page. */
	{
		yaml_node_t *nv = fm_get(&is->y.doc, p, "no", NULL);
		size_t i;

		for (i = 0; i < is->nnos; i++)
			if (is->nos[i] == no) {
				diag(is->y.path, fm_line(nv, 0), fm_col(nv), D_PAGE_DUP,
				     no, is->nolines[i]);
				is->bad = 1;
				break;
			}
		is->nos = xrealloc(is->nos, (is->nnos + 1) * sizeof(long));
		is->nolines = xrealloc(is->nolines, (is->nnos + 1) * sizeof(int));
		is->nos[is->nnos] = no;
		is->nolines[is->nnos++] = fm_line(nv, 0);
	}
	page = xmlNewChild(issue, NULL, X("page"), NULL);
	snprintf(num, sizeof(num), "%ld", no);
	xmlNewProp(page, X("no"), X(num));
	xmlNewProp(page, X("name"), X(name));
	if ((s = text(&is->y, p, "banner", 0)) != NULL)
		xmlNewProp(page, X("banner"), X(s));
	/* 责任编辑, 美编 (版式设计), 校对, 图片编辑: each optional. */
	for (k = 0; staff[k] != NULL; k++)
		if ((s = text(&is->y, p, staff[k], 0)) != NULL)
			xmlNewProp(page, X(staff[k]), X(s));
	if ((s = text(&is->y, p, "pdf", 0)) != NULL)
		page_pdf(is, page, fm_get(&is->y.doc, p, "pdf", NULL), s);
	if ((s = text(&is->y, p, "image", 0)) != NULL)
		page_image(is, page, fm_get(&is->y.doc, p, "image", NULL), s);
	areas_clear(is);
	stories = fm_get(&is->y.doc, p, "stories", NULL);
	if (stories != NULL && stories->type != YAML_SEQUENCE_NODE)
		wrong(&is->y, stories, "stories", _("a list of story files"));
	else if (stories != NULL)
		for (it = stories->data.sequence.items.start;
		     it < stories->data.sequence.items.top; it++) {
			place(is, page, no, yaml_document_get_node(&is->y.doc, *it),
			      first);
			/* Lead until a story stands: a hole is no lead. */
			first = first && (page->last == NULL ||
			        !xmlStrEqual(page->last->name, X("story")));
		}
	/* Areas are drawn on the page picture: without one they show
	 * nowhere. */
	if (is->nareas > 0 && xmlHasProp(page, X("image")) == NULL &&
	    fm_get(&is->y.doc, p, "image", NULL) == NULL)
		diag(is->y.path, is->areas[0].line, 1, D_MORE,
		     _("the page's stories have areas but the page no picture "
		       "(image:) to show them on"));
	areas_clear(is);
	/* The page's name and banner are head copy: the rules read them. */
	proof_page(is->y.path, is->y.src->text, is->y.src->len, &is->y.doc, p,
	           no, is->opts->proof);
}

/* The continuations no entry placed go last on their pages. */
static void
jumps_left(struct issue *is, xmlNodePtr issue)
{
	xmlNodePtr page;
	xmlChar *v;
	size_t i;

	for (i = 0; i < is->njumps; i++) {
		struct jump *j = &is->jumps[i];

		for (page = issue->children; page != NULL && !j->continued;
		     page = page->next) {
			v = xmlGetProp(page, X("no"));
			if (v != NULL && atol((const char *)v) == j->to)
				continued(is, page, NULL, j);
			xmlFree(v);
		}
		/* Its page was not built: its own errors say why. */
		if (!j->continued && j->story != NULL) {
			diag(is->y.path, fm_line(j->at, 0), fm_col(j->at),
			     D_JUMP_PAGE, j->to, j->to);
			is->bad = 1;
		}
	}
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Warns about stories in the folder that no page places, by name. */
static void
unplaced(struct issue *is)
{
	DIR *d = opendir(is->dir);
	struct dirent *e;
	char **names = NULL;
	size_t k, n, count = 0;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		n = strlen(e->d_name);
		if (n < 4 || strcmp(e->d_name + n - 3, ".md") != 0 ||
		    e->d_name[0] == '.')
			continue;
		if (strmap_get(&is->placed, e->d_name) == NULL) {
			names = xrealloc(names, (count + 1) * sizeof(char *));
			names[count++] = xasprintf("%s/%s", is->dir, e->d_name);
		}
	}
	closedir(d);
	if (count > 0)
		qsort(names, count, sizeof(char *), by_name);
	for (k = 0; k < count; k++) {
		diag(names[k], 1, 1, D_STORY_UNPLACED);
		free(names[k]);
	}
	free(names);
}

xmlDocPtr
issue_load(const struct build_opts *opts, const struct paper *paper,
           const char *dir)
{
	static const char *const known[] = {"number", "total", "date",
	                                    "pages", NULL};
	struct issue is = {0};
	yaml_node_t *root, *pages, *dv;
	yaml_node_item_t *it;
	xmlNodePtr issue;
	xmlDocPtr print;
	int bad = 0, ok;
	const char *date, *slash = strrchr(dir, '/');
	char *path, num[24], *lunar_date;
	long n;

	is.opts = opts;
	is.paper = paper;
	is.dir = dir;
	is.id = slash ? slash + 1 : dir;
	path = xasprintf("%s/issue.yaml", dir);
	n = (long)diag_errors();
	yfile_load(&is.y, path);
	free(path);
	/* A key given twice: reported, checked through, not built. */
	if (is.y.loaded && (unsigned)n != diag_errors())
		bad = 1;
	if ((root = root_map(&is.y)) == NULL)
		goto fail;
	if (!is_issue_id(is.id)) {
		diag(is.y.path, 0, 0, D_ISSUE_VALUE, _("the issue folder's name "
		     "must be lower-case letters, digits and '-' (it is the "
		     "issue's address)"));
		goto fail;
	}
	if (unknown_keys(&is.y, root, known))
		bad = 1;
	/* The date defaults to the folder's name when that is a date. */
	dv = fm_get(&is.y.doc, root, "date", NULL);
	date = dv ? fm_scalar(dv) : validate_date(is.id) ? is.id : NULL;
	/* A folder named for one day and a date of another: the address
	 * says one day, the paper another; which is meant? */
	if (dv != NULL && validate_date(date) && validate_date(is.id) &&
	    strcmp(date, is.id) != 0) {
		char *m = xasprintf(_("the date %s is not the folder's, %s: "
		                      "which day is meant?"), date, is.id);

		diag(is.y.path, fm_line(dv, 0), fm_col(dv), D_ISSUE_VALUE, m);
		free(m);
		bad = 1;
	}
	is.date = validate_date(date) ? date : NULL;
	if (!validate_date(date)) {
		if (dv != NULL)
			wrong(&is.y, dv, "date", _("a date like 2024-06-11"));
		else
			diag(is.y.path, 1, 1, D_ISSUE_VALUE,
			     _("missing required key 'date'"));
		date = "1970-01-01"; /* to go on checking; nothing is written */
		bad = 1;
	}
	is.doc = xmlNewDoc(X("1.0"));
	issue = xmlNewDocNode(is.doc, NULL, X("issue"), NULL);
	xmlDocSetRootElement(is.doc, issue);
	xmlNewProp(issue, X("schema-version"), X("1"));
	xmlNodeSetLang(issue, X("zh-CN"));
	xmlNewProp(issue, X("id"), X(is.id));
	xmlNewProp(issue, X("paper"), X(paper->name));
	if (paper->publisher != NULL)
		xmlNewProp(issue, X("publisher"), X(paper->publisher));
	if (paper->copyright != NULL)
		xmlNewProp(issue, X("copyright"), X(paper->copyright));
	if (paper->rights != NULL)
		xmlNewProp(issue, X("rights"), X(paper->rights));
	if (paper->cn != NULL)
		xmlNewProp(issue, X("cn"), X(paper->cn));
	if (paper->url != NULL)
		xmlNewProp(issue, X("url"), X(paper->url));
	xmlNewProp(issue, X("date"), X(date));
	xmlNewProp(issue, X("weekday"), X(weekday(date)));
	if ((lunar_date = lunar_name(date)) != NULL) {
		xmlNewProp(issue, X("lunar"), X(lunar_date));
		free(lunar_date);
	}
	snprintf(num, sizeof(num), "%ld", paper->columns);
	xmlNewProp(issue, X("columns"), X(num));
	snprintf(num, sizeof(num), "%ld", paper->line_chars);
	xmlNewProp(issue, X("line-chars"), X(num));
	snprintf(num, sizeof(num), "%ld", paper->col_lines);
	xmlNewProp(issue, X("column-lines"), X(num));
	if ((n = number(&is.y, root, "number")) > 0) {
		snprintf(num, sizeof(num), "%ld", n);
		xmlNewProp(issue, X("number"), X(num));
	}
	if ((n = number(&is.y, root, "total")) > 0) {
		snprintf(num, sizeof(num), "%ld", n);
		xmlNewProp(issue, X("total"), X(num));
	}
	pages = fm_get(&is.y.doc, root, "pages", NULL);
	if (pages == NULL || pages->type != YAML_SEQUENCE_NODE) {
		if (pages == NULL)
			diag(is.y.path, 1, 1, D_ISSUE_VALUE,
			     _("missing required key 'pages'"));
		else
			wrong(&is.y, pages, "pages", _("a list of pages"));
		goto fail;
	}
	/* Every page's number first: a jump may name a later one. */
	for (it = pages->data.sequence.items.start;
	     it < pages->data.sequence.items.top; it++) {
		yaml_node_t *p = yaml_document_get_node(&is.y.doc, *it);
		const char *s;

		if (p->type == YAML_MAPPING_NODE &&
		    (s = fm_scalar(fm_get(&is.y.doc, p, "no", NULL))) != NULL) {
			is.all = xrealloc(is.all, (is.nall + 1) * sizeof(long));
			is.all[is.nall++] = strtol(s, NULL, 10);
		}
	}
	for (it = pages->data.sequence.items.start;
	     it < pages->data.sequence.items.top; it++)
		add_page(&is, issue, yaml_document_get_node(&is.y.doc, *it));
	jumps_left(&is, issue);
	unplaced(&is);
	if (bad || is.bad || issue->children == NULL ||
	    !schema_validate(is.doc, dir, is.y.path))
		goto fail;
	/* What the print files hold: the stories withheld are told. */
	print = issue_print(is.doc);
	ok = out_doc_encodable(opts, print != NULL ? print : is.doc, is.y.path,
	                       &is.gbk, 0);
	xmlFreeDoc(print);
	if (!ok)
		goto fail;
	goto out;
fail:
	xmlFreeDoc(is.doc);
	is.doc = NULL;
out:
	strmap_free(&is.placed);
	strmap_free(&is.slugs);
	strmap_free(&is.gbk);
	free(is.nos);
	free(is.nolines);
	free(is.all);
	free(is.jumps);
	areas_clear(&is);
	free(is.areas);
	yfile_free(&is.y);
	return is.doc;
}

static int
by_name_desc(const void *a, const void *b)
{
	return strcmp(*(char *const *)b, *(char *const *)a);
}

char **
issue_dirs(const char *articles, size_t *n)
{
	DIR *d = opendir(articles);
	struct dirent *e;
	struct stat sb;
	char **dirs = NULL, *path;

	*n = 0;
	if (d == NULL) {
		diag(articles, 0, 0, D_READ, _("cannot open the articles folder"));
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s/issue.yaml", articles, e->d_name);
		if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
			dirs = xrealloc(dirs, (*n + 1) * sizeof(char *));
			dirs[(*n)++] = xasprintf("%s/%s", articles, e->d_name);
		}
		free(path);
	}
	closedir(d);
	if (*n > 0)
		qsort(dirs, *n, sizeof(char *), by_name_desc);
	return dirs;
}
