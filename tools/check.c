/*
 * The editor's check: EDITORIAL.md's proofreading rules over a loaded
 * story, the house configuration (articles/house.yaml), the fitting
 * report and the `press check` command.
 *
 * A story's copy is cut into segments: each paragraph, subhead, caption,
 * headline, kicker and subtitle.  A segment is a row of characters, each
 * knowing its byte in the reporter's file, so every message points at
 * FILE:LINE:COL and --fix edits the file's own bytes.  Markdown syntax
 * never enters a segment; code spans, autolinks and URLs enter masked,
 * so that no rule reads them.  Paragraphs that a column break split are
 * joined again first (rule 7), then every rule reads every segment of
 * the parts it applies to and adds findings; the dateline (rule 8) and
 * photo credits (rule 18) are read from the source lines, because body.c
 * takes them off the tree.  Findings become messages through
 * diag_rule(); the mechanical ones may be written back by --fix.
 *
 * In a build every rule is a warning (a rule never stops a story); in
 * `press check` each has its level from the table below or house.yaml.
 */
#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "press.h"

#define X(s) ((const xmlChar *)(s))
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define NOSEG ((size_t)-1)
#define CONTEXT 4          /* characters of context on either side in a message */
#define SENTINEL "\xE2\xB8\xAE" /* U+2E2E, body.c's mark beside emphasis runs */
#define OBJ 0xFFFC         /* what a masked run shows in a message */

/* ---- the rules -------------------------------------------------------- */

/* The rules of EDITORIAL.md, in its order (most valuable first). */
enum rule {
	R_PAIR,
	R_HALFWIDTH,
	R_QUOTE,
	R_REPEAT,
	R_WORD,
	R_GARBLED,
	R_SPLIT,
	R_DATELINE,
	R_ELLIPSIS,
	R_DASH,
	R_PUNCT_REPEAT,
	R_FULLWIDTH,
	R_SPACE_MIXED,
	R_SPACE,
	R_DUNHAO,
	R_BOOKTITLE,
	R_HEAD_STOP,
	R_CREDIT,
	R_NUMBER,
	R_NAME_DOT,
	R_MAX
};

/* Where a segment's copy stands: decides which rules read it. */
enum part {
	P_BODY,    /* a paragraph of the body, in a list or a quote too */
	P_SUBHEAD, /* a heading inside the body */
	P_HEAD,    /* headline, kicker, subtitle; a page's banner and name */
	P_CAPTION, /* a photo's caption */
	P_MAX
};

#define IN(p) (1u << (p))
/* The character rules read copy wherever it stands; spacing and the
 * paragraph split are body rules (headlines and credits have spaces by
 * design); 17 is for heads and captions; 8 and 18 read the source. */
#define COPY (IN(P_BODY) | IN(P_SUBHEAD) | IN(P_HEAD) | IN(P_CAPTION))

static const struct {
	const char *id;
	enum diag_level level; /* in press check, unless house.yaml says */
	unsigned parts;        /* the segments it reads; 0: the source */
	int fixes;             /* --fix applies its corrections */
	const char *what;
} rules[R_MAX] = {
	{"punct-pair", DIAG_ERROR, COPY, 0,
	 "1: paired marks balanced and in order: “” ‘’ （） 《》 〈〉 【】"}, /* R_PAIR */
	{"punct-halfwidth", DIAG_ERROR, COPY, 1,
	 "2: half-width , . ; : ! ? ( ) next to Han are full-width"}, /* R_HALFWIDTH */
	{"punct-quote", DIAG_ERROR, COPY, 1,
	 "3: curly quotes, not straight or corner ones; “ outside, ‘ inside"}, /* R_QUOTE */
	{"char-repeated", DIAG_WARNING, COPY, 0,
	 "4: a function character typed twice (的的 了了 是是)"}, /* R_REPEAT */
	{"word-miswritten", DIAG_ERROR, COPY, 0,
	 "5: a word of house.yaml's list of miswritten words"}, /* R_WORD */
	{"char-garbled", DIAG_ERROR, COPY, 0,
	 "6: garbled or invisible characters"}, /* R_GARBLED */
	{"para-split", DIAG_WARNING, IN(P_BODY), 0,
	 "7: a paragraph split by a column break"}, /* R_SPLIT */
	{"dateline-form", DIAG_ERROR, 0, 0,
	 "8: the dateline reads 本报讯（记者 张晶）"}, /* R_DATELINE */
	{"punct-ellipsis", DIAG_ERROR, COPY, 1,
	 "9: the ellipsis is …… and no 等 follows it"}, /* R_ELLIPSIS */
	{"punct-dash", DIAG_ERROR, COPY, 1,
	 "10: the dash is ——"}, /* R_DASH */
	{"punct-repeated", DIAG_ERROR, COPY, 0,
	 "11: a mark repeated, or two pause marks together"}, /* R_PUNCT_REPEAT */
	{"char-fullwidth", DIAG_ERROR, COPY, 1,
	 "12: full-width digits and Latin letters are half-width"}, /* R_FULLWIDTH */
	{"space-mixed", DIAG_WARNING, IN(P_BODY), 1,
	 "13: no space between Han and digits or Latin"}, /* R_SPACE_MIXED */
	{"space-stray", DIAG_ERROR, IN(P_BODY), 1,
	 "14: no stray spaces or U+3000 indents in body text"}, /* R_SPACE */
	{"punct-dunhao", DIAG_WARNING, COPY, 0,
	 "15: 顿号 between quoted or titled items, in approximate numbers, before 等"}, /* R_DUNHAO */
	{"punct-booktitle", DIAG_WARNING, COPY, 0,
	 "16: 《》 is for works, not activities, meetings or contests"}, /* R_BOOKTITLE */
	{"head-stop", DIAG_ERROR, IN(P_HEAD) | IN(P_CAPTION), 0,
	 "17: no full stop ending a headline, kicker, subtitle or short caption"}, /* R_HEAD_STOP */
	{"credit-form", DIAG_ERROR, 0, 0,
	 "18: the photo credit reads 本报记者 孙妍 摄影报道"}, /* R_CREDIT */
	{"number-form", DIAG_ERROR, COPY, 0,
	 "19: numbers as GB/T 15835 writes them"}, /* R_NUMBER */
	{"punct-name-dot", DIAG_ERROR, COPY, 0,
	 "20: the dot between parts of a name is ·"}, /* R_NAME_DOT */
};

/* ---- the house configuration ----------------------------------------- */

struct word {
	char *wrong, *right;
};

/* articles/house.yaml, or the defaults when there is none. */
static struct {
	enum diag_level level[R_MAX]; /* DIAG_OK: switched off */
	struct word *words;
	size_t nwords;
	char **allow;                 /* phrases rules 4 and 5 leave alone */
	size_t nallow;
	int loaded;
} house;

/* How check_story reports: a build, or press check (levels, --fix). */
static struct {
	int levels; /* use each rule's level, not always a warning */
	int fix;    /* write mechanical corrections back */
	int inner;  /* loading a story --fix corrected: check nothing */
	diag_fn *hook; /* where press check's messages go (NULL: stderr) */
} mode;

/* Rule messages per file, for the error rate; headlines count double. */
struct tally {
	char *path;
	unsigned body, head, fixed;
};
static struct tally *tallies;
static size_t ntallies;
static unsigned nrule_msgs[DIAG_LEVEL_MAX];

static void
house_free(void)
{
	size_t i;

	for (i = 0; i < house.nwords; i++) {
		free(house.words[i].wrong);
		free(house.words[i].right);
	}
	free(house.words);
	for (i = 0; i < house.nallow; i++)
		free(house.allow[i]);
	free(house.allow);
	memset(&house, 0, sizeof(house));
}

static void
house_defaults(void)
{
	enum rule r;

	house_free();
	for (r = 0; r < R_MAX; r++)
		house.level[r] = rules[r].level;
	house.loaded = 1;
}

/* The words: mapping of wrong → right. */
static void
house_words(const char *path, yaml_document_t *doc, yaml_node_t *map)
{
	yaml_node_pair_t *p;

	if (map->type != YAML_MAPPING_NODE) {
		diag(path, fm_line(map, 0), fm_col(map), D_ISSUE_KEY, "words",
		     "pairs 'wrong: right'");
		return;
	}
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		yaml_node_t *v = yaml_document_get_node(doc, p->value);
		const char *w = fm_scalar(k), *r = fm_scalar(v);

		if (w == NULL || r == NULL || *w == '\0' || strcmp(w, r) == 0) {
			diag(path, fm_line(k, 0), fm_col(k), D_ISSUE_KEY, "words",
			     "pairs 'wrong: right' of different texts");
			continue;
		}
		house.words = xrealloc(house.words,
		                       (house.nwords + 1) * sizeof(*house.words));
		house.words[house.nwords].wrong = xstrdup(w);
		house.words[house.nwords++].right = xstrdup(r);
	}
}

/* The rules: mapping of rule id → off, warning or error. */
static void
house_rules(const char *path, yaml_document_t *doc, yaml_node_t *map)
{
	static const char *const levels[] = {"off", "warning", "error"};
	yaml_node_pair_t *p;
	enum rule r;
	size_t i;

	if (map->type != YAML_MAPPING_NODE) {
		diag(path, fm_line(map, 0), fm_col(map), D_ISSUE_KEY, "rules",
		     "pairs 'rule-id: off|warning|error'");
		return;
	}
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		yaml_node_t *v = yaml_document_get_node(doc, p->value);
		const char *id = fm_scalar(k), *s = fm_scalar(v);

		for (r = 0; id != NULL && r < R_MAX; r++)
			if (strcmp(id, rules[r].id) == 0)
				break;
		if (id == NULL || r == R_MAX) {
			diag(path, fm_line(k, 0), fm_col(k), D_FM_UNKNOWN_KEY,
			     id ? id : "?");
			continue;
		}
		for (i = 0; s != NULL && i < NELEM(levels); i++)
			if (strcmp(s, levels[i]) == 0)
				break;
		if (s == NULL || i == NELEM(levels)) {
			diag(path, fm_line(v, 0), fm_col(v), D_ISSUE_KEY, id,
			     "off, warning or error");
			continue;
		}
		house.level[r] = i == 0 ? DIAG_OK : i == 1 ? DIAG_WARNING : DIAG_ERROR;
	}
}

static void
house_allow(const char *path, yaml_document_t *doc, yaml_node_t *seq)
{
	yaml_node_item_t *it;
	const char *s;

	if (seq->type != YAML_SEQUENCE_NODE) {
		diag(path, fm_line(seq, 0), fm_col(seq), D_ISSUE_KEY, "allow",
		     "a list of phrases");
		return;
	}
	for (it = seq->data.sequence.items.start; it < seq->data.sequence.items.top;
	     it++) {
		yaml_node_t *v = yaml_document_get_node(doc, *it);

		if ((s = fm_scalar(v)) == NULL || *s == '\0') {
			diag(path, fm_line(v, 0), fm_col(v), D_ISSUE_KEY, "allow",
			     "a list of phrases");
			continue;
		}
		house.allow = xrealloc(house.allow,
		                       (house.nallow + 1) * sizeof(*house.allow));
		house.allow[house.nallow++] = xstrdup(s);
	}
}

void
check_load(const char *articles)
{
	char *path = xasprintf("%s/house.yaml", articles);
	struct src *src;
	yaml_document_t doc;
	yaml_node_t *root, *v;
	yaml_node_pair_t *p;

	house_defaults();
	if (access(path, F_OK) != 0 || (src = src_read(path)) == NULL) {
		free(path);
		return;
	}
	if (fm_load(path, src->text, src->len, 0, &doc)) {
		root = yaml_document_get_root_node(&doc);
		if (root != NULL && root->type != YAML_MAPPING_NODE)
			diag(path, fm_line(root, 0), fm_col(root), D_FM_NOT_MAP);
		else if (root != NULL)
			for (p = root->data.mapping.pairs.start;
			     p < root->data.mapping.pairs.top; p++) {
				yaml_node_t *k = yaml_document_get_node(&doc, p->key);
				const char *key = fm_scalar(k);

				v = yaml_document_get_node(&doc, p->value);
				/* An empty section: a key with only comments. */
				if (key != NULL && v->type == YAML_SCALAR_NODE &&
				    (*fm_scalar(v) == '\0' || strcmp(fm_scalar(v), "~") == 0 ||
				     strcmp(fm_scalar(v), "null") == 0))
					continue;
				if (key != NULL && strcmp(key, "words") == 0)
					house_words(path, &doc, v);
				else if (key != NULL && strcmp(key, "rules") == 0)
					house_rules(path, &doc, v);
				else if (key != NULL && strcmp(key, "allow") == 0)
					house_allow(path, &doc, v);
				else
					diag(path, fm_line(k, 0), fm_col(k),
					     D_FM_UNKNOWN_KEY, key ? key : "?");
			}
	}
	yaml_document_delete(&doc);
	src_free(src);
	free(path);
}

/* ---- segments --------------------------------------------------------- */

enum ckind {
	C_TEXT,  /* copy */
	C_MASK,  /* code, an autolink, a URL: never judged */
	C_BREAK, /* a line break or a space cmark kept for a soft break */
	C_SKIP,  /* a dateline body.c did not take: rule 8 judges it */
	C_MAX
};

struct ch {
	uint32_t cp;
	long src;          /* byte offset in the decoded file, or -1 */
	unsigned char len; /* its bytes there, if they spell cp exactly; else 0 */
	unsigned char kind;
};

/* What a head segment is, for rule 17. */
enum head {
	H_NONE,
	H_TITLE,
	H_KICKER,
	H_SUBTITLE,
	H_BANNER,
	H_MAX
};

struct seg {
	enum part part;
	enum head head;
	struct ch *c;
	size_t n, cap;
	int top;        /* a paragraph directly in the body */
	int emph;       /* all of it emphasis: a run-in subhead */
	int dead;       /* joined to the paragraph before it (rule 7) */
	int quote_on;   /* the next paragraph opens with “: a quotation goes on */
	size_t prev;    /* the paragraph just before it in the body, or NOSEG */
	size_t next;    /* the paragraph just after it, or NOSEG */
	size_t into;    /* dead: the paragraph it was joined to */
	char *dots;     /* the marks that part a name (rule 20), for rule 2 */
};

/* A file's decoded text and where its lines start. */
struct file {
	const char *path;
	const char *text;
	size_t len;
	size_t *lines;
	size_t nlines;
	size_t last;         /* the last byte file_pos placed, */
	int last_line, last_col; /* where it is: one long line is counted once */
};

struct edit {
	size_t start, end; /* characters of the segment */
	char *repl;
};

struct finding {
	enum rule rule;
	size_t seg;        /* NOSEG for a finding on the source */
	size_t start, end; /* the characters it is about */
	struct edit *e;
	size_t ne;
	int mech;          /* --fix may apply the edits */
	int head;          /* in a headline: the quality check counts it twice */
	char *what;        /* the message's first half; NOSEG: all of it */
	int line, col;     /* where */
	long off;          /* the byte of the file it is at, for the order */
};

/* Everything one check of a file holds. */
struct check {
	struct file f;
	const struct story *st;  /* NULL for issue.yaml */
	const long *premap;      /* st->pre byte → file byte; -1: press's mark */
	size_t prelen;
	size_t *prelines;
	size_t nprelines;
	struct seg *segs;
	size_t nsegs, segcap;
	struct finding *fs;
	size_t nfs, fcap;
};

static void
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
static void
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
static size_t
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

static size_t
seg_new(struct check *ck, enum part part)
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

static void
push(struct seg *sg, uint32_t cp, long src, size_t len, enum ckind kind)
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
static void
walk(struct seg *sg, const char *lit, const char *base, size_t blen,
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
			push(sg, cp, SRC(pos), k, kind);
			pos += k;
			i += k;
			continue;
		}
		if (pos + 1 + k <= blen && base[pos] == '\\' &&
		    memcmp(base + pos + 1, lit + i, k) == 0) {
			push(sg, cp, SRC(pos), 0, kind);
			pos += 1 + k;
			i += k;
			continue;
		}
		if (pos < blen && base[pos] == '&' &&
		    (q = entity(base + pos, blen - pos)) > 0) {
			push(sg, cp, SRC(pos), 0, kind);
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
		push(sg, cp, SRC(pos), 0, kind);
		i += k;
	}
#undef SRC
}

/* The character at i when it is copy; 0 past either end or elsewhere. */
static uint32_t
at(const struct seg *sg, long i)
{
	if (i < 0 || (size_t)i >= sg->n || sg->c[i].kind != C_TEXT)
		return 0;
	return sg->c[i].cp;
}

/* Whether the copy at i reads s. */
static int
reads(const struct seg *sg, long i, const char *s)
{
	size_t n = strlen(s), k = 0;
	uint32_t cp;

	while (k < n) {
		k += u8_next(s + k, n - k, &cp);
		if (at(sg, i++) != cp)
			return 0;
	}
	return 1;
}

static size_t
u8_len(const char *s)
{
	return u8_count(s, strlen(s));
}

/* The segment as UTF-8, anything not copy as U+FFFC; offs[k] is the byte
 * where character k starts (offs[n] the end).  The caller frees both. */
static char *
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
static size_t
char_at(const size_t *offs, size_t n, size_t off)
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

/* ---- character classes ------------------------------------------------ */

static int
is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static int
is_latin(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_alnum(uint32_t c)
{
	return is_digit(c) || is_latin(c);
}

static int
is_han(uint32_t c)
{
	return u_is_han(c);
}

/* Full-width opening and closing marks. */
static int
is_open(uint32_t c)
{
	return c == 0x201C || c == 0x2018 || c == 0xFF08 || c == 0x300A ||
	       c == 0x3008 || c == 0x3010 || c == 0x3014 || c == 0x300C ||
	       c == 0x300E;
}

static int
is_close(uint32_t c)
{
	return c == 0x201D || c == 0x2019 || c == 0xFF09 || c == 0x300B ||
	       c == 0x3009 || c == 0x3011 || c == 0x3015 || c == 0x300D ||
	       c == 0x300F;
}

/* The marks of a pause or an end: 。，、；：？！ */
static int
is_pause(uint32_t c)
{
	return c == 0x3002 || c == 0xFF0C || c == 0x3001 || c == 0xFF1B ||
	       c == 0xFF1A || c == 0xFF1F || c == 0xFF01;
}

/* Han or a full-width mark (not U+3000): Chinese copy on that side. */
static int
is_cjk(uint32_t c)
{
	return c != 0x3000 && u_is_cjk(c);
}

static int
is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0x3000;
}

/* ---- findings --------------------------------------------------------- */

static struct finding *
add(struct check *ck, enum rule r, size_t seg, size_t start, size_t end,
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
static void
edit(struct finding *f, size_t start, size_t end, const char *repl)
{
	f->e = xrealloc(f->e, (f->ne + 1) * sizeof(*f->e));
	f->e[f->ne].start = start;
	f->e[f->ne].end = end;
	f->e[f->ne++].repl = xstrdup(repl);
}

static void
edit_cp(struct finding *f, size_t i, uint32_t cp)
{
	struct buf b = {0};

	buf_addc(&b, cp);
	edit(f, i, i + 1, b.data);
	buf_free(&b);
}

static int
on(const struct seg *sg, enum rule r)
{
	return house.level[r] != DIAG_OK && (rules[r].parts & IN(sg->part)) &&
	       !sg->dead;
}

/* ---- rule 1 (and 3's nesting): paired marks --------------------------- */

enum pair {
	PAIR_DQ,     /* “” */
	PAIR_SQ,     /* ‘’ */
	PAIR_PAREN,  /* （）, and ( ) for rule 2 to judge */
	PAIR_BOOK,   /* 《》 */
	PAIR_BOOK2,  /* 〈〉 */
	PAIR_SQUARE, /* 【】 */
	PAIR_SHELL,  /* 〔〕 */
	PAIR_CORNER, /* 「」 */
	PAIR_CORNER2, /* 『』 */
	PAIR_MAX
};

static const struct {
	uint32_t open, close;
	const char *name;
} pairs[PAIR_MAX] = {
	{0x201C, 0x201D, "引号"},   /* PAIR_DQ */
	{0x2018, 0x2019, "单引号"}, /* PAIR_SQ */
	{0xFF08, 0xFF09, "括号"},   /* PAIR_PAREN */
	{0x300A, 0x300B, "书名号"}, /* PAIR_BOOK */
	{0x3008, 0x3009, "书名号"}, /* PAIR_BOOK2 */
	{0x3010, 0x3011, "方头括号"}, /* PAIR_SQUARE */
	{0x3014, 0x3015, "六角括号"}, /* PAIR_SHELL */
	{0x300C, 0x300D, "直角引号"}, /* PAIR_CORNER */
	{0x300E, 0x300F, "直角引号"}, /* PAIR_CORNER2 */
};

/* The pair a mark opens (*open = 1) or closes, or PAIR_MAX. */
static enum pair
pair_of(const struct seg *sg, size_t i, int *open)
{
	uint32_t c = at(sg, (long)i);
	enum pair p;

	if (c == '(' || c == ')') {
		*open = c == '(';
		return PAIR_PAREN;
	}
	/* An apostrophe: it’s, don’t. */
	if ((c == 0x2019 || c == 0x2018) && is_alnum(at(sg, (long)i - 1)) &&
	    is_alnum(at(sg, (long)i + 1)))
		return PAIR_MAX;
	for (p = 0; p < PAIR_MAX; p++)
		if (c == pairs[p].open || c == pairs[p].close) {
			*open = c == pairs[p].open;
			return p;
		}
	return PAIR_MAX;
}

/* Reports a mark left open (a half-width one is rule 2's); returns
 * whether it is a quotation mark. */
static int
left_open(struct check *ck, size_t si, size_t i, enum pair q)
{
	struct seg *sg = &ck->segs[si];
	char *what;

	if (on(sg, R_PAIR) && at(sg, (long)i) != '(') {
		what = xasprintf("缺少后%s", pairs[q].name);
		add(ck, R_PAIR, si, i, i + 1, what);
		free(what);
	}
	return q == PAIR_DQ || q == PAIR_SQ;
}

static void
rule_pairs(struct check *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	struct { enum pair p; size_t i; } *stack = NULL;
	size_t *nest = NULL, nnest = 0, nstack = 0, i, j, d;
	char *skip = xcalloc(sg->n + 1, 1), *what;
	size_t *nextm, last[PAIR_MAX], onstack[PAIR_MAX] = {0};
	int open, open2 = 0, quote_trouble = 0;
	enum pair p, q;
	struct finding *f;

	stack = xmalloc((sg->n + 1) * sizeof(*stack));
	nest = xmalloc((sg->n + 1) * 2 * sizeof(*nest));
	/* The next mark of the same pair after each one, for ”…“. */
	nextm = xmalloc((sg->n + 1) * sizeof(size_t));
	for (p = 0; p < PAIR_MAX; p++)
		last[p] = sg->n;
	for (i = sg->n; i-- > 0;)
		if ((p = pair_of(sg, i, &open)) != PAIR_MAX) {
			nextm[i] = last[p];
			last[p] = i;
		}
	for (i = 0; i < sg->n; i++) {
		if (skip[i] || (p = pair_of(sg, i, &open)) == PAIR_MAX)
			continue;
		if (open) {
			onstack[p]++;
			stack[nstack].p = p;
			stack[nstack++].i = i;
			continue;
		}
		/* Each scan down pops what it passes: linear in all. */
		for (d = onstack[p] ? nstack : 0; d > 0 && stack[d - 1].p != p; d--)
			continue;
		if (d == nstack && d > 0) {
			/* Closes the innermost: “ inside “ should be ‘. */
			nstack--;
			onstack[p]--;
			if (p == PAIR_DQ && onstack[PAIR_DQ] > 0) {
				nest[2 * nnest] = stack[nstack].i;
				nest[2 * nnest++ + 1] = i;
			}
			continue;
		}
		if (d > 0) {
			/* The marks opened after it were never closed. */
			while (nstack >= d) {
				q = stack[--nstack].p;
				onstack[q]--;
				if (nstack + 1 == d)
					break;
				quote_trouble |= left_open(ck, si, stack[nstack].i, q);
			}
			continue;
		}
		/* A closing mark with nothing open: reversed (”…“), or extra. */
		quote_trouble |= p == PAIR_DQ || p == PAIR_SQ;
		j = nextm[i];
		if (j < sg->n)
			pair_of(sg, j, &open2);
		if (!on(sg, R_PAIR) || (p == PAIR_PAREN && at(sg, (long)i) == ')'))
			continue;
		if (j < sg->n && open2) {
			what = xasprintf("%s方向颠倒", pairs[p].name);
			f = add(ck, R_PAIR, si, i, j + 1, what);
			edit_cp(f, i, pairs[p].open);
			if (at(sg, (long)j) != '(')
				edit_cp(f, j, pairs[p].close);
			skip[j] = 1;
		} else {
			what = xasprintf("多余的后%s", pairs[p].name);
			add(ck, R_PAIR, si, i, i + 1, what);
		}
		free(what);
	}
	/* Left open at the end of the paragraph.  A quotation over several
	 * paragraphs opens each with “ and closes only the last. */
	while (nstack > 0) {
		q = stack[--nstack].p;
		if (q != PAIR_DQ || !sg->quote_on)
			quote_trouble |= left_open(ck, si, stack[nstack].i, q);
	}
	for (i = 0; !quote_trouble && on(sg, R_QUOTE) && i < nnest; i++) {
		f = add(ck, R_QUOTE, si, nest[2 * i], nest[2 * i + 1] + 1,
		        "引号里再用引号，应外双内单");
		edit_cp(f, nest[2 * i], 0x2018);
		edit_cp(f, nest[2 * i + 1], 0x2019);
	}
	free(stack);
	free(nest);
	free(skip);
	free(nextm);
}

/* ---- rule 2: half-width marks ------------------------------------------ */

/* The marks writers put between the parts of a name instead of ·. */
static int
is_name_sep(uint32_t c)
{
	return c == '.' || c == 0xFF0E || c == 0x2022 || c == 0x30FB ||
	       c == 0x2027 || c == 0x2219 || c == 0x2E31;
}

/*
 * Marks the marks that part a name (列奥纳多.达.芬奇): two or more in a
 * row, each between Han, the runs between them short.  One pass; the
 * caller frees.
 */
static char *
name_dots(const struct seg *sg)
{
	char *dots = xcalloc(sg->n + 1, 1);
	size_t i = 0, j, k, first, count;

	while (i < sg->n) {
		if (!is_name_sep(at(sg, (long)i)) || !is_han(at(sg, (long)i - 1)) ||
		    !is_han(at(sg, (long)i + 1))) {
			i++;
			continue;
		}
		first = j = i;
		for (count = 1;; count++) {
			for (k = j + 1; is_han(at(sg, (long)k)); k++)
				continue;
			if (k - j - 1 > 6 || !is_name_sep(at(sg, (long)k)) ||
			    !is_han(at(sg, (long)k + 1)))
				break;
			j = k;
		}
		if (count >= 2)
			for (k = first; k <= j; k++)
				dots[k] = is_name_sep(at(sg, (long)k));
		i = j + 1;
	}
	return dots;
}

static int
name_dot(const struct seg *sg, long i)
{
	return sg->dots != NULL && i >= 0 && (size_t)i < sg->n && sg->dots[i];
}

static uint32_t
fullwidth(uint32_t c)
{
	switch (c) {
	case ',':
		return 0xFF0C;
	case '.':
		return 0x3002;
	case ';':
		return 0xFF1B;
	case ':':
		return 0xFF1A;
	case '!':
		return 0xFF01;
	case '?':
		return 0xFF1F;
	case '(':
		return 0xFF08;
	case ')':
		return 0xFF09;
	default:
		return 0;
	}
}

/* Whether the half-width mark at i stands in Chinese copy. */
static int
halfwidth_here(const struct seg *sg, long i)
{
	uint32_t c = at(sg, i), l = at(sg, i - 1), r = at(sg, i + 1);

	switch (c) {
	case ',':
	case ';':
		if (sg->part == P_HEAD && (size_t)i + 1 == sg->n)
			return 0;
		/* FALLTHROUGH */
	case ':':
	case '!':
	case '?':
		return is_cjk(l) || is_han(r) || is_open(r);
	case '.':
		/* 3.5万 and U.S. have no Han before; …… has its rule; a
		 * headline's last mark is rule 17's. */
		return (is_han(l) || is_close(l)) && r != '.' && l != '.' &&
		       !name_dot(sg, i) && !(sg->part == P_HEAD && r == 0 &&
		                             (size_t)i + 1 == sg->n);
	default:
		return 0;
	}
}

static int
has_han(const struct seg *sg, size_t a, size_t b)
{
	for (; a < b; a++)
		if (is_han(at(sg, (long)a)))
			return 1;
	return 0;
}

static void
rule_halfwidth(struct check *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i, start, *stack, nstack = 0, o;
	struct finding *f;

	for (i = 0; i < sg->n; i++) {
		if (!halfwidth_here(sg, (long)i))
			continue;
		/* 太好了!!! is one slip. */
		for (start = i; i + 1 < sg->n && (at(sg, (long)i + 1) == '!' ||
		     at(sg, (long)i + 1) == '?'); i++)
			continue;
		f = add(ck, R_HALFWIDTH, si, start, i + 1, "半角标点应为全角");
		f->mech = 1;
		for (o = start; o <= i; o++)
			edit_cp(f, o, fullwidth(at(sg, (long)o)));
	}
	/* Parentheses go by pairs: 工会(ACFTU)成立, (记者张晶). */
	stack = xmalloc((sg->n + 1) * sizeof(size_t));
	for (i = 0; i < sg->n; i++) {
		uint32_t c = at(sg, (long)i);

		if (c == '(' || c == 0xFF08) {
			stack[nstack++] = i;
			continue;
		}
		if (c != ')' && c != 0xFF09)
			continue;
		if (nstack == 0) {
			if (c == ')' && (is_cjk(at(sg, (long)i - 1)) ||
			                 is_han(at(sg, (long)i + 1)))) {
				f = add(ck, R_HALFWIDTH, si, i, i + 1,
				        "半角括号应为全角");
				f->mech = 1;
				edit_cp(f, i, 0xFF09);
			}
			continue;
		}
		o = stack[--nstack];
		if (at(sg, (long)o) == 0xFF08 && c == 0xFF09)
			continue;
		if (!has_han(sg, o + 1, i) && !is_cjk(at(sg, (long)o - 1)) &&
		    at(sg, (long)o) == '(' && c == ')')
			continue;
		f = add(ck, R_HALFWIDTH, si, o, i + 1, "半角括号应为全角");
		f->mech = 1;
		if (at(sg, (long)o) == '(')
			edit_cp(f, o, 0xFF08);
		if (c == ')')
			edit_cp(f, i, 0xFF09);
	}
	while (nstack > 0) {
		o = stack[--nstack];
		if (at(sg, (long)o) == '(' && (is_cjk(at(sg, (long)o - 1)) ||
		                               is_han(at(sg, (long)o + 1)))) {
			f = add(ck, R_HALFWIDTH, si, o, o + 1, "半角括号应为全角");
			f->mech = 1;
			edit_cp(f, o, 0xFF08);
		}
	}
	free(stack);
}

/* ---- rule 3: quotation marks ------------------------------------------ */

/* Straight quotes q (" or ') paired in order: “” or ‘’ where they hold
 * or touch Han. */
static void
straight(struct check *ck, size_t si, uint32_t q, uint32_t open,
         uint32_t close)
{
	struct seg *sg = &ck->segs[si];
	size_t *pos = xmalloc((sg->n + 1) * sizeof(size_t)), n = 0, i;
	struct finding *f;

	for (i = 0; i < sg->n; i++)
		if (at(sg, (long)i) == q && !(q == '\'' &&
		    is_alnum(at(sg, (long)i - 1)) && is_alnum(at(sg, (long)i + 1))))
			pos[n++] = i;
	for (i = 0; n % 2 == 0 && i + 1 < n; i += 2) {
		size_t a = pos[i], b = pos[i + 1];

		if (!has_han(sg, a + 1, b) && !is_han(at(sg, (long)a - 1)) &&
		    !is_han(at(sg, (long)b + 1)))
			continue;
		f = add(ck, R_QUOTE, si, a, b + 1, "直引号应为弯引号");
		f->mech = 1;
		edit_cp(f, a, open);
		edit_cp(f, b, close);
	}
	for (i = 0; n % 2 == 1 && i < n; i++)
		if (is_cjk(at(sg, (long)pos[i] - 1)) ||
		    is_cjk(at(sg, (long)pos[i] + 1)))
			add(ck, R_QUOTE, si, pos[i], pos[i] + 1,
			    "直引号应为弯引号，且不成对");
	free(pos);
}

static void
rule_quotes(struct check *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	struct finding *f;
	size_t i, j;
	uint32_t c;

	straight(ck, si, '"', 0x201C, 0x201D);
	straight(ck, si, '\'', 0x2018, 0x2019);
	/* 「」『』 are not the mainland's quotes. */
	for (i = 0; i < sg->n; i++) {
		c = at(sg, (long)i);
		if (c != 0x300C && c != 0x300E)
			continue;
		for (j = i + 1; j < sg->n && j - i < 200 &&
		     at(sg, (long)j) != c + 1 && at(sg, (long)j) != c; j++)
			continue;
		if (j < sg->n && at(sg, (long)j) != c + 1)
			j = sg->n;
		f = add(ck, R_QUOTE, si, i, j < sg->n ? j + 1 : i + 1,
		        "直角引号应为“”‘’");
		edit_cp(f, i, c == 0x300C ? 0x201C : 0x2018);
		if (j < sg->n)
			edit_cp(f, j, c == 0x300C ? 0x201D : 0x2019);
	}
}

/* ---- rule 4: a character typed twice ---------------------------------- */

static void
rule_repeat(struct check *ck, size_t si)
{
	/* Function characters a slip doubles; a content character doubled is
	 * mostly a reduplication (默默 慢慢 层层). */
	static const char *const chars = "的了是在和与及把被也就都又而";
	/* Where the pair is two words meeting: 目的的确 (目的 + 的确),
	 * 为了了解, 不了了之, 是是非非, 现在在, 温和和 … */
	static const char *const legit[] = {
		/* 的 */
		"目的的", "的的确", "打的的", "的的士",
		/* 了: 为了了解, 不了了之 */
		"不了了之", "了了解", "了了结", "了了却", "了了断", "了了然",
		"了了如", "明了了", "小时了了", "了了分明",
		/* 是 */
		"是是非", "是是否",
		/* 在: 现在在, 在在职职工中 */
		"实实在在", "自自在在", "现在在", "存在在", "所在在", "实在在",
		"好在在", "内在在", "外在在", "潜在在", "旨在在", "意在在",
		"志在在", "重在在", "贵在在", "在在线", "在在职", "在在校",
		"在在场", "在在建", "在在岗", "在在读", "在在编", "在在册",
		"在在京",
		/* 和: 和和气气, 民主和和平 */
		"和和气", "和和美", "和和睦", "和和平", "和和谐", "和和解",
		"温和和", "平和和", "祥和和", "柔和和", "缓和和", "暖和和",
		"总和和", "随和和", "谦和和", "饱和和", "调和和", "附和和",
		"人和和", "共和和",
		/* 及 把 被 就 都 */
		"及及时", "及及早", "一把把", "把把关", "被被子", "被被告",
		"就就业", "就就医", "就就近", "就就地", "就就餐", "就就读",
		"就就诊", "就就职", "就就绪", "首都都", "成都都", "京都都",
		"古都都", "国都都", "故都都", "迁都都",
	};
	struct seg *sg = &ck->segs[si];
	size_t i, k, off, len;
	uint32_t c, cp;
	char *what, *pair;
	struct finding *f;
	int ok;

	for (i = 0; i + 1 < sg->n; i++) {
		c = at(sg, (long)i);
		/* 是是是, 对对对: said three times on purpose. */
		if (c == 0 || at(sg, (long)i + 1) != c || at(sg, (long)i - 1) == c ||
		    at(sg, (long)i + 2) == c)
			continue;
		for (off = 0; off < strlen(chars); off += len) {
			len = u8_next(chars + off, strlen(chars) - off, &cp);
			if (cp == c)
				break;
		}
		if (off == strlen(chars))
			continue;
		pair = xstrndup(chars + off, len);
		pair = xrealloc(pair, 2 * len + 1);
		memcpy(pair + len, chars + off, len);
		pair[2 * len] = '\0';
		for (ok = 0, k = 0; !ok && k < NELEM(legit); k++) {
			const char *p = strstr(legit[k], pair);

			ok = p != NULL &&
			     reads(sg, (long)i - (long)u8_count(legit[k],
			           (size_t)(p - legit[k])), legit[k]);
		}
		free(pair);
		if (ok)
			continue;
		what = xasprintf("疑为多字“%.*s”", (int)len, chars + off);
		f = add(ck, R_REPEAT, si, i, i + 2, what);
		edit(f, i + 1, i + 2, "");
		free(what);
	}
}

/* ---- rule 5: the house list of miswritten words ------------------------ */

/* For each character, the furthest end of a phrase house.yaml allows
 * that starts at or before it: [a, b) lies inside one when reach[a] >= b.
 * NULL when there are none.  The caller frees. */
static size_t *
allowed(const struct seg *sg, const char *text, const size_t *offs)
{
	size_t *reach, k, i, s, e;
	const char *p;

	if (house.nallow == 0)
		return NULL;
	reach = xcalloc(sg->n + 1, sizeof(size_t));
	for (k = 0; k < house.nallow; k++)
		for (p = text; (p = strstr(p, house.allow[k])) != NULL; p++) {
			s = char_at(offs, sg->n, (size_t)(p - text));
			e = s + u8_len(house.allow[k]);
			if (e > reach[s])
				reach[s] = e;
		}
	for (i = 1; i <= sg->n; i++)
		if (reach[i - 1] > reach[i])
			reach[i] = reach[i - 1];
	return reach;
}

static void
rule_words(struct check *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t *offs, k, a, b, *reach;
	char *text = seg_text(sg, &offs), *what;
	const char *p;
	struct finding *f;

	reach = allowed(sg, text, offs);
	for (k = 0; k < house.nwords; k++)
		for (p = text; (p = strstr(p, house.words[k].wrong)) != NULL; p++) {
			a = char_at(offs, sg->n, (size_t)(p - text));
			b = a + u8_len(house.words[k].wrong);
			if (reach != NULL && reach[a] >= b)
				continue;
			what = xasprintf("“%s”应为“%s”", house.words[k].wrong,
			                 house.words[k].right);
			f = add(ck, R_WORD, si, a, b, what);
			edit(f, a, b, house.words[k].right);
			free(what);
		}
	free(reach);
	free(text);
	free(offs);
}

/* ---- rule 6: garbled and invisible characters ------------------------- */

/* Characters a UTF-8 file read as GBK is made of (“ → 鈥, ， → 锛,
 * 、。 → 銆, 的 → 鐨, 是 → 鏄); none of them occurs in copy. */
static int
is_mojibake(uint32_t c)
{
	return c == 0x9225 || c == 0x951B || c == 0x9286 || c == 0x9428 ||
	       c == 0x93C4;
}

static const char *
invisible(uint32_t c)
{
	switch (c) {
	case 0xFFFD:
		return "替换字符U+FFFD（原稿此处字符已丢失）";
	case 0x200B:
		return "零宽空格U+200B";
	case 0x200C:
		return "零宽不连字U+200C";
	case 0x200D:
		return "零宽连字U+200D";
	case 0x2060:
		return "字连接符U+2060";
	case 0xFEFF:
		return "字节顺序标记U+FEFF";
	case 0x00A0:
		return "不换行空格U+00A0";
	case 0x00AD:
		return "软连字符U+00AD";
	default:
		if (c < 0x20 || (c >= 0x7F && c < 0xA0))
			return "控制字符";
		if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000)
			return "私用区字符（字库外的造字）";
		return NULL;
	}
}

static void
rule_garbled(struct check *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i, j;
	const char *name;
	char *what;

	for (i = 0; i < sg->n; i++) {
		uint32_t c = at(sg, (long)i);

		if (reads(sg, (long)i, "锟斤拷") || reads(sg, (long)i, "烫烫烫") ||
		    reads(sg, (long)i, "屯屯屯")) {
			for (j = i + 3; j + 2 < sg->n && reads(sg, (long)j, "锟斤拷");
			     j += 3)
				continue;
			add(ck, R_GARBLED, si, i, j, "乱码，请对照原稿");
			i = j - 1;
			continue;
		}
		if (is_mojibake(c)) {
			for (j = i + 1; j < sg->n && at(sg, (long)j) != 0 &&
			     !is_space(at(sg, (long)j)); j++)
				if (!is_mojibake(at(sg, (long)j)) &&
				    !is_han(at(sg, (long)j)))
					break;
			add(ck, R_GARBLED, si, i, j,
			    "乱码（UTF-8稿件被当作GBK读过），请对照原稿");
			i = j - 1;
			continue;
		}
		/* GBK read as Latin-1: ÖÐÎÄ. */
		for (j = i; j < sg->n && at(sg, (long)j) >= 0xC0 &&
		     at(sg, (long)j) <= 0xFF && at(sg, (long)j) != 0xD7 &&
		     at(sg, (long)j) != 0xF7; j++)
			continue;
		if (j - i >= 3) {
			add(ck, R_GARBLED, si, i, j,
			    "乱码（GBK稿件被当作Latin-1读过），请对照原稿");
			i = j - 1;
			continue;
		}
		if (j > i + 1) {
			i = j - 1;
			continue;
		}
		if (c == 0 || c == '\t' || (name = invisible(c)) == NULL)
			continue;
		what = xasprintf("%s，请删除或对照原稿", name);
		add(ck, R_GARBLED, si, i, i + 1, what);
		free(what);
	}
}

/* ---- rule 7: a paragraph split by a column break ---------------------- */

/* Whether a paragraph ends where a sentence may: 。！？…… (or ；：),
 * before closing marks. */
static int
complete(const struct seg *sg)
{
	long i = (long)sg->n - 1, k;
	uint32_t c;

	/* ……受到职工欢迎。（完） */
	if (at(sg, i) == 0xFF09) {
		for (k = i - 1; k >= 0 && i - k < 40 && at(sg, k) != 0xFF08; k--)
			continue;
		if (k > 0 && (at(sg, k - 1) == 0x3002 || at(sg, k - 1) == 0xFF01 ||
		              at(sg, k - 1) == 0xFF1F || at(sg, k - 1) == 0x2026))
			return 1;
	}
	while (i >= 0 && (is_close(at(sg, i)) || sg->c[i].kind == C_MASK ||
	                  at(sg, i) == '"'))
		i--;
	c = at(sg, i);
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x2026 ||
	       c == 0xFF1B || c == 0xFF1A || c == '.' || c == '!' || c == '?' ||
	       c == ';' || c == ':' || (i >= 0 && sg->c[i].kind != C_TEXT);
}

/*
 * Whether a paragraph stops short: it ends in a pause mark or an opening
 * one, or it is longer than a subhead (a short line without a full stop
 * is a run-in subhead, 一、总体要求) and does not end a sentence.
 */
static int
split_here(const struct seg *sg)
{
	long i = (long)sg->n - 1;
	uint32_t c = at(sg, i);

	if (sg->n == 0 || sg->emph || complete(sg))
		return 0;
	if (c == 0xFF0C || c == 0x3001 || is_open(c))
		return 1;
	return sg->n >= 20;
}

/* Joins paragraphs a column break split, reporting each join. */
static void
rejoin(struct check *ck)
{
	size_t i, r, k, join;

	for (i = 0; i < ck->nsegs; i++) {
		struct seg *sg = &ck->segs[i];

		if (sg->prev == NOSEG)
			continue;
		r = ck->segs[sg->prev].dead ? ck->segs[sg->prev].into : sg->prev;
		if (!split_here(&ck->segs[r]))
			continue;
		join = ck->segs[r].n;
		for (k = 0; k < sg->n; k++)
			push(&ck->segs[r], sg->c[k].cp, sg->c[k].src, sg->c[k].len,
			     sg->c[k].kind);
		ck->segs[r].next = sg->next;
		sg->dead = 1;
		sg->into = r;
		if (house.level[R_SPLIT] != DIAG_OK)
			add(ck, R_SPLIT, r, join, join,
			    "段落未以句末标点结束，疑被分栏断开，应与下段接排");
	}
	/* A quotation over paragraphs: “ opens the next one. */
	for (i = 0; i < ck->nsegs; i++) {
		struct seg *sg = &ck->segs[i];

		if (!sg->dead && sg->next != NOSEG) {
			struct seg *nx = &ck->segs[sg->next];

			for (k = 0; k < nx->n && nx->c[k].kind != C_TEXT; k++)
				continue;
			sg->quote_on = k < nx->n && nx->c[k].cp == 0x201C;
		}
	}
}

/* ---- rules 9 and 10: ellipsis and dash --------------------------------- */

static void
rule_ellipsis(struct check *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i, j, len, e;
	uint32_t c, l, r;
	struct finding *f;
	int wrong;

	for (i = 0; i < sg->n; i++) {
		c = at(sg, (long)i);
		if (c != '.' && c != 0x3002 && c != 0x2026 && c != 0x22EF &&
		    c != 0x00B7)
			continue;
		for (j = i; j < sg->n && at(sg, (long)j) == c; j++)
			continue;
		len = j - i;
		l = at(sg, (long)i - 1);
		r = at(sg, (long)j);
		switch (c) {
		case 0x2026:
			/* …… ; doubled (12 dots) only for a whole omitted paragraph. */
			wrong = len != 2 && !(len == 4 && i == 0 && j == sg->n);
			break;
		case 0x22EF:
			wrong = 1;
			break;
		case '.':
			/* 追光而行... ; not wait... nor 1..5 */
			wrong = len >= 2 && (is_cjk(l) || is_cjk(r));
			break;
		default:
			/* 。。。 and ··· (。。 is rule 11's) */
			wrong = len >= 3;
			break;
		}
		if (wrong) {
			f = add(ck, R_ELLIPSIS, si, i, j, "省略号应为“……”");
			f->mech = 1;
			edit(f, i, j, "……");
		} else if (c == 0x2026 && r == 0x7B49) {
			/* ……等: the ellipsis already says "and so on". */
			e = j + 1 + (at(sg, (long)j + 1) == 0x7B49);
			f = add(ck, R_ELLIPSIS, si, i, e, "省略号后不再用“等”");
			edit(f, j, e, "");
		}
		i = j - 1;
	}
}

static void
rule_dash(struct check *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i, j, len;
	uint32_t c;
	struct finding *f;
	int wrong;

	for (i = 0; i < sg->n; i++) {
		c = at(sg, (long)i);
		if (c != '-' && c != 0xFF0D && c != 0x2500 && c != 0x2015 &&
		    c != 0x2014)
			continue;
		for (j = i; j < sg->n && at(sg, (long)j) == c; j++)
			continue;
		len = j - i;
		switch (c) {
		case 0x2014:
			/* —— is the dash; one — is right in 2015—2024年 and
			 * 北京—上海. */
			wrong = len > 2;
			break;
		case '-':
		case 0xFF0D:
			/* 他--一名老党员; a hyphen is no dash. */
			wrong = len >= 2 && (is_cjk(at(sg, (long)i - 1)) ||
			                     is_cjk(at(sg, (long)j)));
			break;
		default:
			/* ── and ―― from box drawing and old fonts */
			wrong = is_cjk(at(sg, (long)i - 1)) || is_cjk(at(sg, (long)j));
			break;
		}
		if (wrong) {
			f = add(ck, R_DASH, si, i, j, "破折号应为“——”");
			f->mech = 1;
			edit(f, i, j, "——");
		}
		i = j - 1;
	}
}

/* ---- rule 11: repeated punctuation ------------------------------------ */

static uint32_t
pause_of(uint32_t c)
{
	return c == '!' || c == '?' ? fullwidth(c) : is_pause(c) ? c : 0;
}

static void
rule_punct_repeat(struct check *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i, j, k;
	uint32_t c, d;
	struct finding *f;
	struct buf b = {0};

	for (i = 0; i + 1 < sg->n; i++) {
		if ((c = pause_of(at(sg, (long)i))) == 0)
			continue;
		for (j = i + 1; j < sg->n && pause_of(at(sg, (long)j)) != 0; j++)
			continue;
		if (j - i < 2)
			continue;
		d = pause_of(at(sg, (long)i + 1));
		for (k = i; k < j && pause_of(at(sg, (long)k)) == c; k++)
			continue;
		if (j - i == 2 && ((c == 0xFF1F && d == 0xFF01) ||
		                   (c == 0xFF01 && d == 0xFF1F))) {
			/* ？！ once: an exclaimed question. */
		} else if (k == j && c == 0x3002 && j - i >= 3) {
			/* 。。。 is rule 9's. */
		} else if (k == j) {
			b.len = 0;
			buf_addc(&b, at(sg, (long)i));
			f = add(ck, R_PUNCT_REPEAT, si, i, j, "标点重复");
			edit(f, i, j, b.data);
		} else
			add(ck, R_PUNCT_REPEAT, si, i, j, "标点连用，只留一个");
		i = j - 1;
	}
	buf_free(&b);
}

/* ---- rule 12: full-width digits and letters --------------------------- */

static void
rule_fullwidth(struct check *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i, j, k;
	struct finding *f;
	struct buf b = {0};

#define FW(c) (((c) >= 0xFF10 && (c) <= 0xFF19) || \
               ((c) >= 0xFF21 && (c) <= 0xFF3A) || \
               ((c) >= 0xFF41 && (c) <= 0xFF5A))
	for (i = 0; i < sg->n; i++) {
		if (!FW(at(sg, (long)i)))
			continue;
		for (j = i; j < sg->n && FW(at(sg, (long)j)); j++)
			continue;
		b.len = 0;
		buf_add(&b, "", 0);
		for (k = i; k < j; k++)
			buf_addc(&b, at(sg, (long)k) - 0xFEE0);
		f = add(ck, R_FULLWIDTH, si, i, j, "全角数字、字母应为半角");
		f->mech = 1;
		edit(f, i, j, b.data);
		i = j - 1;
	}
#undef FW
	buf_free(&b);
}

/* ---- rules 13 and 14: spaces in body text ----------------------------- */

/* Marks the characters inside “” and 《》, where a space may part a
 * slogan (“工会暖心 伴考十年”), and inside a byline in parentheses
 * (（记者 张晶）). */
static char *
spaced_ok(const struct seg *sg)
{
	char *ok = xcalloc(sg->n + 1, 1);
	size_t i, j;
	int depth = 0;
	struct contributor *by;
	size_t nby, k;

	for (i = 0; i < sg->n; i++) {
		uint32_t c = at(sg, (long)i);

		if (c == 0x201C || c == 0x300A)
			depth++;
		else if ((c == 0x201D || c == 0x300B) && depth > 0)
			depth--;
		ok[i] = depth > 0;
		if (c != 0xFF08)
			continue;
		for (j = i + 1; j < sg->n && j - i < 40 &&
		     at(sg, (long)j) != 0xFF09 && at(sg, (long)j) != 0; j++)
			continue;
		if (j < sg->n && at(sg, (long)j) == 0xFF09) {
			struct buf b = {0};

			buf_add(&b, "", 0);
			for (k = i + 1; k < j; k++)
				buf_addc(&b, at(sg, (long)k));
			if (body_parse_byline(b.data, b.len, &by, &nby)) {
				for (k = 0; k < nby; k++)
					free(by[k].name);
				free(by);
				memset(ok + i, 1, j - i);
				i = j - 1;
			}
			buf_free(&b);
		}
	}
	return ok;
}

static void
rule_spaces(struct check *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	char *ok = spaced_ok(sg);
	size_t i, j, k, t;
	uint32_t l, r;
	int wide;
	struct finding *f;

	for (i = 0; i < sg->n; i++) {
		if (!is_space(at(sg, (long)i)))
			continue;
		for (wide = 0, j = i; j < sg->n && is_space(at(sg, (long)j)); j++)
			wide |= at(sg, (long)j) == 0x3000;
		l = at(sg, (long)i - 1);
		r = at(sg, (long)j);
		/* 考场内, 考生: the comma becomes ， (rule 2), and the space
		 * after it goes with it, in one --fix. */
		if (halfwidth_here(sg, (long)i - 1))
			l = fullwidth(l);
		if (halfwidth_here(sg, (long)j))
			r = fullwidth(r);
		if (wide && on(sg, R_SPACE)) {
			f = add(ck, R_SPACE, si, i, j, i == 0 ?
			        "段首不用全角空格缩进（版式自动缩进）" :
			        "正文里多余的全角空格");
			f->mech = 1;
			edit(f, i, j, "");
		} else if (l == 0 || r == 0) {
			/* Beside code, a link's edge, the paragraph's edge. */
		} else if ((is_cjk(l) && !is_han(l)) || (is_cjk(r) && !is_han(r))) {
			if (on(sg, R_SPACE) && !ok[i]) {
				f = add(ck, R_SPACE, si, i, j, "标点前后多余的空格");
				f->mech = 1;
				edit(f, i, j, "");
			}
		} else if (is_han(l) && is_han(r)) {
			if (on(sg, R_SPACE) && !ok[i]) {
				f = add(ck, R_SPACE, si, i, j, "正文汉字之间多余的空格");
				f->mech = 1;
				edit(f, i, j, "");
			}
		} else if (((is_han(l) && is_alnum(r)) || (is_alnum(l) && is_han(r))) &&
		           on(sg, R_SPACE_MIXED)) {
			/* 全市 16 个区: one slip, both spaces. */
			f = add(ck, R_SPACE_MIXED, si, i, j,
			        "汉字与数字、字母之间不加空格");
			f->mech = 1;
			edit(f, i, j, "");
			if (is_han(l)) {
				for (t = j; t < sg->n && t - j < 12 &&
				     (is_alnum(at(sg, (long)t)) || at(sg, (long)t) == '.' ||
				      at(sg, (long)t) == '%'); t++)
					continue;
				for (k = t; k < sg->n && at(sg, (long)k) == ' '; k++)
					continue;
				if (k > t && is_han(at(sg, (long)k))) {
					f->end = k;
					edit(f, t, k, "");
					j = k;
				}
			}
		}
		i = j - 1;
	}
	free(ok);
}

/* ---- rule 15: 顿号 ---------------------------------------------------- */

/* The value of 一 … 九, or 0. */
static int
numeral(uint32_t c)
{
	static const uint32_t digits[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
	                                  0x516D, 0x4E03, 0x516B, 0x4E5D};
	size_t k;

	for (k = 0; k < NELEM(digits); k++)
		if (digits[k] == c)
			return (int)k + 1;
	return 0;
}

static void
rule_dunhao(struct check *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i;
	uint32_t l, r;
	struct finding *f;

	for (i = 1; i + 1 < sg->n; i++) {
		if (at(sg, (long)i) != 0x3001)
			continue;
		l = at(sg, (long)i - 1);
		r = at(sg, (long)i + 1);
		if ((l == 0x300B && r == 0x300A) || (l == 0x201D && r == 0x201C)) {
			f = add(ck, R_DUNHAO, si, i - 1, i + 2, l == 0x300B ?
			        "并列的书名号之间不用顿号" :
			        "并列的引号之间不用顿号");
			edit(f, i, i + 1, "");
		} else if (r == 0x7B49) {
			f = add(ck, R_DUNHAO, si, i, i + 2, "“等”前不用顿号");
			edit(f, i, i + 1, "");
		} else if (numeral(l) && numeral(r) == numeral(l) + 1 &&
		           at(sg, (long)i - 2) != 0x7B2C) {
			/* 三、四个: neighbouring numbers give an estimate. */
			uint32_t n = at(sg, (long)i + 2);
			static const char *const units =
			    "十百千万个人名位岁天年次届件条项家所米元只座";
			size_t k;
			uint32_t cp;

			for (k = 0; units[k] != '\0';) {
				k += u8_next(units + k, strlen(units) - k, &cp);
				if (cp == n) {
					f = add(ck, R_DUNHAO, si, i - 1, i + 3,
					        "相邻数字表示概数，不用顿号");
					edit(f, i, i + 1, "");
					break;
				}
			}
		}
	}
}

/* ---- rule 16: 《》 around events ----------------------------------------- */

static int
ends_with_any(const struct seg *sg, size_t a, size_t b, const char *const *w,
              size_t nw)
{
	size_t k, n;

	for (k = 0; k < nw; k++) {
		n = u8_len(w[k]);
		if (b - a >= n && reads(sg, (long)(b - n), w[k]))
			return 1;
	}
	return 0;
}

/* Whether the copy just before i reads one of w. */
static int
preceded_by(const struct seg *sg, size_t i, const char *const *w, size_t nw)
{
	size_t k, n;

	for (k = 0; k < nw; k++) {
		n = u8_len(w[k]);
		if (i >= n && reads(sg, (long)(i - n), w[k]))
			return 1;
	}
	return 0;
}

static void
rule_booktitle(struct check *ck, size_t si)
{
	/* What a work in 《》 is seldom followed by: 《红楼梦》研讨会 and
	 * 《论语》讲座 are about a work, 《暖心伴考》活动 is no work. */
	static const char *const after[] = {
		"活动", "大赛", "比赛", "竞赛", "联赛", "评选", "运动会",
	};
	/* What an event's name ends with (《春节联欢晚会》 is a programme). */
	static const char *const events[] = {
		"活动", "大赛", "比赛", "竞赛", "联赛", "评选", "运动会", "会议",
		"大会", "论坛", "座谈会", "研讨会", "博览会", "展览会",
	};
	/* What ends the name of a work: laws, documents, books, songs. */
	static const char *const works[] = {
		"法", "条例", "规定", "办法", "意见", "通知", "决定", "纲要",
		"规划", "报告", "方案", "决议", "公约", "宣言", "章程", "准则",
		"标准", "讲话", "书", "报", "刊", "志", "集", "传", "记", "史",
		"论", "歌", "曲", "诗", "剧", "颂", "赋", "选", "录",
	};
	/* A work as the object of the activity: 学习《…》活动, 诵读《…》比赛. */
	static const char *const verbs[] = {
		"学习", "阅读", "诵读", "朗读", "朗诵", "宣讲", "解读", "研读",
		"贯彻", "观看", "演唱", "传唱", "学", "读", "看", "唱", "写",
	};
	struct seg *sg = &ck->segs[si];
	size_t i, j, k;
	struct finding *f;

	for (i = 0; i < sg->n; i++) {
		if (at(sg, (long)i) != 0x300A)
			continue;
		for (j = i + 1; j < sg->n && at(sg, (long)j) != 0x300B &&
		     at(sg, (long)j) != 0x300A && at(sg, (long)j) != 0; j++)
			continue;
		if (j >= sg->n || at(sg, (long)j) != 0x300B || j == i + 1)
			continue;
		if (ends_with_any(sg, i + 1, j, works, NELEM(works)) ||
		    preceded_by(sg, i, verbs, NELEM(verbs)))
			continue;
		for (k = 0; k < NELEM(after); k++)
			if (reads(sg, (long)j + 1, after[k]))
				break;
		if (k == NELEM(after) &&
		    !ends_with_any(sg, i + 1, j, events, NELEM(events)))
			continue;
		f = add(ck, R_BOOKTITLE, si, i, j + 1 + (k < NELEM(after) ?
		        u8_len(after[k]) : 0),
		        "书名号用于作品，活动、会议、赛事名称用引号");
		edit_cp(f, i, 0x201C);
		edit_cp(f, j, 0x201D);
		i = j;
	}
}

/* ---- rule 17: heads and short captions -------------------------------- */

static void
rule_head_stop(struct check *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	long i = (long)sg->n - 1, k;
	uint32_t c = at(sg, i);
	const char *genre = ck->st ? ck->st->genre : NULL;
	struct finding *f;
	int inner = 0;

	if (sg->part == P_CAPTION) {
		/* A caption that is a sentence keeps its full stop; a short
		 * one, a phrase, takes none. */
		for (k = 0; k < i; k++)
			inner |= is_pause(at(sg, k)) && at(sg, k) != 0x3001;
		if (inner || sg->n > 25)
			return;
	}
	if (c == 0x3002 || c == 0xFF0C || c == 0xFF1B || c == '.' || c == ',' ||
	    c == ';' || c == 0xFF0E) {
		f = add(ck, R_HEAD_STOP, si, (size_t)i, (size_t)i + 1,
		        sg->part == P_CAPTION ? "短图片说明末尾不用句号" :
		        "标题末尾不用句号、逗号");
		edit(f, (size_t)i, (size_t)i + 1, "");
	}
	if (sg->head == H_SUBTITLE && at(sg, 0) == 0x2014 && at(sg, 1) == 0x2014 &&
	    (genre == NULL || strcmp(genre, "消息") == 0)) {
		f = add(ck, R_HEAD_STOP, si, 0, 2, "消息的副题前不加破折号");
		edit(f, 0, 2, "");
	}
}

/* ---- rule 19: numbers --------------------------------------------------- */

static int
cn_digit(uint32_t c)
{
	return numeral(c) || c == 0x3007 || c == 0x96F6;
}

/* A wrong zero in a year of Chinese numerals: 0 O o ○ 零. */
static int
bad_zero(uint32_t c)
{
	return c == '0' || c == 'O' || c == 'o' || c == 0x25CB || c == 0x96F6 ||
	       c == 0xFF10 || c == 0xFF2F;
}

static void
rule_number(struct check *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i, j, k;
	struct finding *f;
	int cn, zero;

	/* 二0二四年 → 二〇二四年 */
	for (i = 0; i < sg->n; i++) {
		for (j = i, cn = zero = 0; j < sg->n && j - i < 4 &&
		     (cn_digit(at(sg, (long)j)) || bad_zero(at(sg, (long)j))); j++) {
			cn |= numeral(at(sg, (long)j)) != 0;
			zero |= bad_zero(at(sg, (long)j));
		}
		if (j - i == 4 && cn && zero && at(sg, (long)j) == 0x5E74 &&
		    !cn_digit(at(sg, (long)i - 1)) && !is_digit(at(sg, (long)i - 1))) {
			f = add(ck, R_NUMBER, si, i, j + 1,
			        "汉字数字年份中的零写作“〇”");
			for (k = i; k < j; k++)
				if (bad_zero(at(sg, (long)k)))
					edit_cp(f, k, 0x3007);
			i = j;
		}
	}
	/* 3千5百万 → 3500万: Arabic digits go with 万 and 亿 only. */
	for (i = 0; i < sg->n; i++) {
		double value = 0, group, scale;
		uint32_t c, n;
		int units = 0, digits, point;
		char num[64];

		if (!is_digit(at(sg, (long)i)) || is_digit(at(sg, (long)i - 1)) ||
		    at(sg, (long)i - 1) == '.')
			continue;
		for (j = i;;) {
			group = 0;
			scale = 1;
			for (k = j, digits = point = 0;; k++) {
				c = at(sg, (long)k);
				if (is_digit(c)) {
					if (point)
						scale /= 10;
					group = point ? group + (c - '0') * scale
					              : group * 10 + (c - '0');
					digits++;
				} else if (c == '.' && digits && !point &&
				           is_digit(at(sg, (long)k + 1)))
					point = 1;
				else
					break;
			}
			c = at(sg, (long)k);
			n = at(sg, (long)k + 1);
			/* 千, but not 千米 千克 千瓦 千伏 千卡 千帕 千赫 千焦 千字;
			 * 百, but not 百分. */
			if (digits > 0 && c == 0x5343 && n != 0x7C73 && n != 0x514B &&
			    n != 0x74E6 && n != 0x4F0F && n != 0x5361 && n != 0x5E15 &&
			    n != 0x8D6B && n != 0x7126 && n != 0x5B57)
				value += group * 1000;
			else if (digits > 0 && c == 0x767E && n != 0x5206)
				value += group * 100;
			else {
				if (units == 0)
					j = k;
				break;
			}
			units++;
			j = k + 1;
		}
		if (units == 0) {
			i = j;
			continue;
		}
		snprintf(num, sizeof(num), "%.10g", value);
		f = add(ck, R_NUMBER, si, i, j, "阿拉伯数字不与“千”“百”连用");
		edit(f, i, j, num);
		i = j - 1;
	}
}

/* ---- rule 20: the name dot ---------------------------------------------- */

static void
rule_name_dot(struct check *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i, j;
	uint32_t c;
	struct finding *f = NULL;

	for (i = 1; i + 1 < sg->n; i++) {
		c = at(sg, (long)i);
		/* One • between Han is a name's; one . or ． may end a
		 * sentence (rule 2), two make a name. */
		if (!is_name_sep(c) || !is_han(at(sg, (long)i - 1)) ||
		    !is_han(at(sg, (long)i + 1)) ||
		    ((c == '.' || c == 0xFF0E) && !name_dot(sg, (long)i)))
			continue;
		/* One finding for the whole name: 马丁•路德•金. */
		if (f == NULL || f->end + 6 < i) {
			f = add(ck, R_NAME_DOT, si, i, i + 1, "人名间隔号应为“·”");
		} else {
			for (j = f->end; j < i && is_han(at(sg, (long)j)); j++)
				continue;
			if (j < i)
				f = add(ck, R_NAME_DOT, si, i, i + 1,
				        "人名间隔号应为“·”");
		}
		f->end = i + 1;
		edit_cp(f, i, 0x00B7);
	}
}

/* ---- URLs --------------------------------------------------------------- */

/* Masks URLs and e-mail addresses written as plain text. */
static void
mask_urls(struct seg *sg)
{
	static const char *const starts[] = {"http://", "https://", "ftp://",
	                                     "www.", "mailto:"};
	size_t i, j, k, a, at_sign;

	for (i = 0; i < sg->n; i++) {
		at_sign = i;
		for (k = 0; k < NELEM(starts); k++)
			if (reads(sg, (long)i, starts[k]))
				break;
		if (k == NELEM(starts) && at(sg, (long)i) == '@' &&
		    is_alnum(at(sg, (long)i - 1)) && is_alnum(at(sg, (long)i + 1))) {
			for (a = i; a > 0 && (is_alnum(at(sg, (long)a - 1)) ||
			     strchr("._%+-", (int)at(sg, (long)a - 1)) != NULL) &&
			     at(sg, (long)a - 1) != 0; a--)
				continue;
			i = a;
			k = 0;
		}
		if (k == NELEM(starts))
			continue;
		for (j = i; j < sg->n && at(sg, (long)j) > ' ' &&
		     at(sg, (long)j) < 0x7F; j++)
			continue;
		/* A mark after the address is the sentence's. */
		while (j > i && strchr(".,;:!?)'\"", (int)at(sg, (long)j - 1)) != NULL)
			j--;
		for (k = i; k < j; k++)
			sg->c[k].kind = C_MASK;
		/* Always forward: an address that ends before its @ (the scan
		 * stopped at a character that is not copy) is passed over. */
		i = j > at_sign ? j : at_sign;
	}
}

/* ---- running the rules ------------------------------------------------- */

static void
run_rules(struct check *ck)
{
	size_t si;

	rejoin(ck);
	for (si = 0; si < ck->nsegs; si++) {
		struct seg *sg = &ck->segs[si];

		if (sg->dead)
			continue;
		free(sg->dots);
		sg->dots = name_dots(sg);
		if (on(sg, R_PAIR) || on(sg, R_QUOTE))
			rule_pairs(ck, si);
		if (on(sg, R_HALFWIDTH))
			rule_halfwidth(ck, si);
		if (on(sg, R_QUOTE))
			rule_quotes(ck, si);
		if (on(sg, R_REPEAT))
			rule_repeat(ck, si);
		if (on(sg, R_WORD))
			rule_words(ck, si);
		if (on(sg, R_GARBLED))
			rule_garbled(ck, si);
		if (on(sg, R_ELLIPSIS))
			rule_ellipsis(ck, si);
		if (on(sg, R_DASH))
			rule_dash(ck, si);
		if (on(sg, R_PUNCT_REPEAT))
			rule_punct_repeat(ck, si);
		if (on(sg, R_FULLWIDTH))
			rule_fullwidth(ck, si);
		if (on(sg, R_SPACE) || on(sg, R_SPACE_MIXED))
			rule_spaces(ck, si);
		if (on(sg, R_DUNHAO))
			rule_dunhao(ck, si);
		if (on(sg, R_BOOKTITLE))
			rule_booktitle(ck, si);
		if (on(sg, R_HEAD_STOP))
			rule_head_stop(ck, si);
		if (on(sg, R_NUMBER))
			rule_number(ck, si);
		if (on(sg, R_NAME_DOT))
			rule_name_dot(ck, si);
	}
}

/* ---- a story's segments ------------------------------------------------ */

/* Maps st->pre (the body with body.c's marks) back to the file. */
static void
pre_map(struct check *ck)
{
	const struct story *st = ck->st;
	const char *pre = st->pre, *body;
	size_t n = strlen(pre), blen, i = 0, j = 0, off;
	long *map;

	off = st->fm_lines <= 0 ? 0 :
	      (size_t)st->fm_lines < ck->f.nlines ? ck->f.lines[st->fm_lines] :
	      ck->f.len;
	body = ck->f.text + off;
	blen = ck->f.len - off;
	map = xmalloc((n + 1) * sizeof(long));
	while (i < n) {
		if (n - i >= 3 && memcmp(pre + i, SENTINEL, 3) == 0 &&
		    !(blen - j >= 3 && memcmp(body + j, SENTINEL, 3) == 0)) {
			map[i] = map[i + 1] = map[i + 2] = -1;
			i += 3;
			continue;
		}
		map[i++] = (long)(off + j);
		if (j < blen)
			j++;
	}
	map[n] = (long)(off + j);
	ck->premap = map;
	ck->prelen = n;
	ck->prelines = xmalloc(sizeof(size_t));
	ck->prelines[0] = 0;
	ck->nprelines = 1;
	for (i = 0; i < n; i++)
		if (pre[i] == '\n') {
			ck->prelines = xrealloc(ck->prelines,
			                        (ck->nprelines + 1) * sizeof(size_t));
			ck->prelines[ck->nprelines++] = i + 1;
		}
}

/* The byte of st->pre where a node starts, or (size_t)-1. */
static size_t
node_pre(const struct check *ck, cmark_node *n)
{
	int l = cmark_node_get_start_line(n), c = cmark_node_get_start_column(n);
	size_t pos;

	if (l <= 0 || c <= 0 || (size_t)l > ck->nprelines)
		return (size_t)-1;
	pos = ck->prelines[l - 1] + (size_t)c - 1;
	return pos <= ck->prelen ? pos : (size_t)-1;
}

static void
text_node(struct check *ck, size_t si, cmark_node *n, enum ckind kind)
{
	const char *lit = cmark_node_get_literal(n);
	size_t pos = node_pre(ck, n), i = 0, len = strlen(lit);
	uint32_t cp;

	if (pos != (size_t)-1) {
		walk(&ck->segs[si], lit, ck->st->pre, ck->prelen, pos, ck->premap,
		     kind);
		return;
	}
	while (i < len) {
		i += u8_next(lit + i, len - i, &cp);
		push(&ck->segs[si], cp, -1, 0, kind);
	}
}

/* Whether a link is an autolink (<https://…>): its text is its address. */
static int
autolink(cmark_node *link)
{
	cmark_node *c = cmark_node_first_child(link);
	const char *url = cmark_node_get_url(link), *lit;

	if (c == NULL || cmark_node_get_type(c) != CMARK_NODE_TEXT ||
	    cmark_node_next(c) != NULL)
		return 0;
	lit = cmark_node_get_literal(c);
	return strcmp(lit, url) == 0 ||
	       (strncmp(url, "mailto:", 7) == 0 && strcmp(lit, url + 7) == 0);
}

/* Appends the copy of inline node root and what it holds to segment si.
 * Walks like cmark's xml.c: one iterator, a switch on the type. */
static void
inline_copy(struct check *ck, size_t si, cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n;
	size_t pos;
	int mask = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
			text_node(ck, si, n, mask > 0 ? C_MASK : C_TEXT);
			break;
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			pos = node_pre(ck, n);
			push(&ck->segs[si], OBJ, pos == (size_t)-1 ? -1 :
			     ck->premap[pos], 0, C_MASK);
			break;
		case CMARK_NODE_SOFTBREAK:
			push(&ck->segs[si], ' ', -1, 0, C_BREAK);
			break;
		case CMARK_NODE_LINEBREAK:
			push(&ck->segs[si], '\n', -1, 0, C_BREAK);
			break;
		case CMARK_NODE_LINK:
			if (autolink(n))
				mask += ev == CMARK_EVENT_ENTER ? 1 : -1;
			break;
		case CMARK_NODE_EMPH:
		case CMARK_NODE_STRONG:
		case CMARK_NODE_IMAGE:
		case CMARK_NODE_CUSTOM_INLINE:
			break;
		default:
			fprintf(stderr, "press: check: unexpected %s node\n",
			        cmark_node_get_type_string(n));
			abort();
		}
	}
	cmark_iter_free(it);
}

static void
inlines(struct check *ck, size_t si, cmark_node *first)
{
	for (; first != NULL; first = cmark_node_next(first))
		inline_copy(ck, si, first);
}

/* The source line (from 1) of a line of st->pre. */
static int
file_line(const struct check *ck, int preline)
{
	return preline + (ck->st->fm_lines > 0 ? ck->st->fm_lines : 0);
}

/* ---- rules 8 and 18: dateline and credit, read from the source --------- */

static const char *const labels[] = {
	"本报记者", "本报通讯员", "本报实习生", "本报特约记者", "新华社记者",
	"特约记者", "特约通讯员", "见习记者", "实习记者", "特约摄影", "记者",
	"通讯员", "实习生", "摄影", "作者",
};

static const char *const credit_ends[] = {"摄影报道", "摄影", "供图", "摄"};

static size_t
label_len(const char *s, size_t n)
{
	size_t k, len;

	for (k = 0; k < NELEM(labels); k++) {
		len = strlen(labels[k]);
		if (n >= len && memcmp(s, labels[k], len) == 0)
			return len;
	}
	return 0;
}

/* A separator of names at s: blanks, U+3000, 、 and the wrong ，, : ： */
static size_t
sep_len(const char *s, size_t n)
{
	static const char *const seps[] = {" ", "\t", "\xE3\x80\x80", "、", "，",
	                                   ",", "：", ":"};
	size_t k, len;

	for (k = 0; k < NELEM(seps); k++) {
		len = strlen(seps[k]);
		if (n >= len && memcmp(s, seps[k], len) == 0)
			return len;
	}
	return 0;
}

static int
ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/*
 * The house form of a byline (记者 崔欣 通讯员 宋雅欣) or, when credit,
 * a photo credit (本报记者 孙妍 摄影报道) written in s: a label, a space,
 * the names parted by spaces (or by 、 where the writer used it), for a
 * credit a space and 摄影报道.  NULL when s is neither.  The caller frees.
 */
static char *
house_byline(const char *s, size_t n, int credit)
{
	struct buf out = {0};
	size_t i = 0, k, start, chars;
	const char *end_word = NULL;
	int names = 0, labelled = 0, dunhao = 0, last_name = 0;
	uint32_t cp;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (credit) {
		if (ends_with(s, n, "。"))
			n -= strlen("。");
		for (k = 0; k < NELEM(credit_ends); k++)
			if (ends_with(s, n, credit_ends[k]))
				break;
		if (k == NELEM(credit_ends))
			return NULL;
		end_word = credit_ends[k];
		n -= strlen(end_word);
	}
	buf_add(&out, "", 0);
	while (i < n) {
		if ((k = sep_len(s + i, n - i)) > 0) {
			dunhao |= memcmp(s + i, "、", k) == 0;
			i += k;
			continue;
		}
		if ((k = label_len(s + i, n - i)) > 0) {
			if (names > 0 && !labelled)
				goto fail;
			if (out.len > 0)
				buf_adds(&out, " ");
			buf_add(&out, s + i, k);
			i += k;
			labelled = 1;
			last_name = dunhao = 0;
			continue;
		}
		for (start = i, chars = 0; i < n && sep_len(s + i, n - i) == 0 &&
		     label_len(s + i, n - i) == 0; chars++) {
			i += u8_next(s + i, n - i, &cp);
			if (!is_han(cp) && cp != 0x00B7)
				goto fail;
		}
		if (chars > 10 || (!labelled && !credit))
			goto fail;
		if (out.len > 0)
			buf_adds(&out, last_name && dunhao ? "、" : " ");
		buf_add(&out, s + start, i - start);
		names++;
		last_name = 1;
		dunhao = 0;
	}
	if (names == 0)
		goto fail;
	if (end_word != NULL) {
		buf_adds(&out, " ");
		buf_adds(&out, end_word);
	}
	return out.data;
fail:
	buf_free(&out);
	return NULL;
}

/* A finding on the source: its place and its whole message. */
static void
add_src(struct check *ck, enum rule r, size_t off, const char *text)
{
	struct finding *f = add(ck, r, NOSEG, 0, 0, text);

	f->off = (long)off;
}

/* Rule 18 on the credit written on line (from 1) of the file. */
static void
credit_check(struct check *ck, int line)
{
	const char *s;
	size_t n, a, b;
	char *want, *msg;

	if (line < 1 || (size_t)line > ck->f.nlines)
		return;
	a = ck->f.lines[line - 1];
	for (b = a; b < ck->f.len && ck->f.text[b] != '\n'; b++)
		continue;
	while (a < b && (ck->f.text[a] == ' ' || ck->f.text[a] == '\t'))
		a++;
	while (b > a && (ck->f.text[b - 1] == ' ' || ck->f.text[b - 1] == '\t'))
		b--;
	s = ck->f.text + a;
	n = b - a;
	if (house.level[R_CREDIT] == DIAG_OK ||
	    (want = house_byline(s, n, 1)) == NULL)
		return;
	if (strlen(want) != n || memcmp(want, s, n) != 0) {
		msg = xasprintf("图片署名格式：%.*s → %s", (int)n, s, want);
		add_src(ck, R_CREDIT, a, msg);
		free(msg);
	}
	free(want);
}

/* Whether the inline nodes from first are plain text that reads like a
 * credit: short, ending in 摄 or the like. */
static int
credit_like(cmark_node *first)
{
	struct buf b = {0};
	cmark_node *n;
	size_t k, len;
	int yes = 0;

	buf_add(&b, "", 0);
	for (n = first; n != NULL; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) != CMARK_NODE_TEXT)
			goto out;
		buf_adds(&b, cmark_node_get_literal(n));
	}
	len = b.len;
	while (len > 0 && b.data[len - 1] == ' ')
		len--;
	if (ends_with(b.data, len, "。"))
		len -= strlen("。");
	for (k = 0; k < NELEM(credit_ends); k++)
		yes |= ends_with(b.data, len, credit_ends[k]);
	yes = yes && u8_count(b.data, len) <= 40;
out:
	buf_free(&b);
	return yes;
}

/* A figure: its caption is a segment; its credit is read from the
 * source.  Returns whether it has a credit. */
static int
figure(struct check *ck, cmark_node *fig)
{
	cmark_node *para = cmark_node_first_child(fig);
	cmark_node *img = cmark_node_first_child(para);
	size_t si = seg_new(ck, P_CAPTION);
	int line, end;

	inline_copy(ck, si, img);
	if (cmark_node_next(para) == NULL)
		return 0;
	/* On the image's next line, or in the next paragraph. */
	line = cmark_node_get_end_line(para);
	end = cmark_node_get_end_line(img);
	if (line <= end) {
		line = file_line(ck, line) + 1;
		while ((size_t)line <= ck->f.nlines &&
		       ck->f.text[ck->f.lines[line - 1]] == '\n')
			line++;
	} else
		line = file_line(ck, line);
	credit_check(ck, line);
	return 1;
}

/* The cells of a table row, each a segment. */
static void
table_row(struct check *ck, cmark_node *row)
{
	cmark_node *cell;

	for (cell = cmark_node_first_child(row); cell != NULL;
	     cell = cmark_node_next(cell))
		inlines(ck, seg_new(ck, P_SUBHEAD), cmark_node_first_child(cell));
}

/* Cuts the blocks under parent into segments; top: directly in the
 * body, where rule 7 joins paragraphs. */
static void
blocks(struct check *ck, cmark_node *parent, int top)
{
	cmark_node *n, *c;
	cmark_node_type t;
	size_t si, last = NOSEG;
	int after_figure = 0;

	for (n = cmark_node_first_child(parent); n != NULL;
	     n = cmark_node_next(n)) {
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			c = cmark_node_first_child(n);
			if (c != NULL && cmark_node_get_type(c) == CMARK_NODE_IMAGE &&
			    cmark_node_next(c) != NULL) {
				/* A photo with words after it that body.c did not
				 * take for a credit (validate.c warned): a credit
				 * on the next line is judged, on the photo's own
				 * line it is left alone. */
				si = seg_new(ck, P_CAPTION);
				inline_copy(ck, si, c);
				c = cmark_node_next(c);
				t = cmark_node_get_type(c);
				if (t == CMARK_NODE_SOFTBREAK ||
				    t == CMARK_NODE_LINEBREAK) {
					c = cmark_node_next(c);
					if (credit_like(c))
						credit_check(ck, file_line(ck,
						    cmark_node_get_start_line(c)));
					else
						inlines(ck, seg_new(ck, P_BODY), c);
				} else if (!credit_like(c))
					inlines(ck, seg_new(ck, P_BODY), c);
				last = NOSEG;
				after_figure = 0;
				break;
			}
			if (after_figure && credit_like(c)) {
				credit_check(ck, file_line(ck,
				    cmark_node_get_start_line(n)));
				last = NOSEG;
				after_figure = 0;
				break;
			}
			si = seg_new(ck, P_BODY);
			ck->segs[si].top = top;
			ck->segs[si].emph = c != NULL && cmark_node_next(c) == NULL &&
			    (cmark_node_get_type(c) == CMARK_NODE_STRONG ||
			     cmark_node_get_type(c) == CMARK_NODE_EMPH);
			if (top && last != NOSEG) {
				ck->segs[si].prev = last;
				ck->segs[last].next = si;
			}
			inlines(ck, si, c);
			last = top ? si : NOSEG;
			after_figure = 0;
			break;
		case CMARK_NODE_HEADING:
			inlines(ck, seg_new(ck, P_SUBHEAD), cmark_node_first_child(n));
			last = NOSEG;
			after_figure = 0;
			break;
		case CMARK_NODE_BLOCK_QUOTE:
		case CMARK_NODE_LIST:
		case CMARK_NODE_ITEM:
			blocks(ck, n, 0);
			last = NOSEG;
			after_figure = 0;
			break;
		case CMARK_NODE_CUSTOM_BLOCK:
			/* Only figures are left at this level (body.c). */
			after_figure = !figure(ck, n);
			last = NOSEG;
			break;
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_THEMATIC_BREAK:
			last = NOSEG;
			after_figure = 0;
			break;
		default:
			if (cmark_node_get_type(n) == CMARK_NODE_TABLE) {
				/* Each cell is copy of its own, short like a
				 * subhead. */
				for (c = cmark_node_first_child(n); c != NULL;
				     c = cmark_node_next(c))
					table_row(ck, c);
				last = NOSEG;
				after_figure = 0;
				break;
			}
			fprintf(stderr, "press: check: unexpected %s node\n",
			        cmark_node_get_type_string(n));
			abort();
		}
	}
}

/*
 * Rule 8: the dateline as written in the source's first paragraph
 * (body.c takes a well-formed one off the tree, and leaves a malformed
 * one in the paragraph, where it is marked for the other rules to skip).
 */
static void
dateline_check(struct check *ck)
{
	static const char *const firsts[] = {"本报", "新华社", "中新社", "据"};
	const struct file *f = &ck->f;
	size_t off = ck->premap[0] < 0 ? 0 : (size_t)ck->premap[0], end, i, k;
	size_t word, open, close, *orig, si;
	struct buf clean = {0}, want = {0};
	uint32_t cp;
	char *canon = NULL, *msg;
	long stop;

	/* The first line of copy: blank lines and emphasis marks aside. */
	while (off < f->len && (f->text[off] == '\n' || f->text[off] == ' '))
		off++;
	for (end = off; end < f->len && f->text[end] != '\n'; end++)
		continue;
	orig = xmalloc((end - off + 1) * sizeof(size_t));
	buf_add(&clean, "", 0);
	for (i = off; i < end; i++)
		if (f->text[i] != '*' && f->text[i] != '_') {
			orig[clean.len] = i;
			buf_add(&clean, f->text + i, 1);
		}
	orig[clean.len] = end;
	for (k = 0; k < NELEM(firsts); k++)
		if (strncmp(clean.data, firsts[k], strlen(firsts[k])) == 0)
			break;
	if (k == NELEM(firsts))
		goto out;
	/* 本报讯, 本报北京6月7日电, 新华社北京6月7日电: Han and digits to
	 * the first 讯 or 电. */
	for (word = 0; word < clean.len && word < 60;) {
		k = u8_next(clean.data + word, clean.len - word, &cp);
		if (!is_han(cp) && !is_digit(cp))
			goto out;
		word += k;
		if (cp == 0x8BAF || cp == 0x7535)
			break;
	}
	if (!ends_with(clean.data, word, "讯") && !ends_with(clean.data, word, "电"))
		goto out;
	for (open = word; open < clean.len && (clean.data[open] == ' ' ||
	     strncmp(clean.data + open, "\xE3\x80\x80", 3) == 0);)
		open += clean.data[open] == ' ' ? 1 : 3;
	if (strncmp(clean.data + open, "（", 3) == 0)
		k = 3;
	else if (clean.data[open] == '(')
		k = 1;
	else
		goto out; /* no byline in parentheses */
	for (close = open + k; close < clean.len && close - open < 120; close++)
		if (strncmp(clean.data + close, "）", 3) == 0 ||
		    clean.data[close] == ')')
			break;
	if (close >= clean.len || close - open >= 120)
		goto out;
	canon = house_byline(clean.data + open + k, close - open - k, 0);
	if (canon == NULL)
		goto out;
	close += clean.data[close] == ')' ? 1 : 3;
	buf_add(&want, clean.data, word);
	buf_adds(&want, "（");
	buf_adds(&want, canon);
	buf_adds(&want, "）");
	if (house.level[R_DATELINE] != DIAG_OK &&
	    (want.len != close || memcmp(want.data, clean.data, close) != 0)) {
		msg = xasprintf("电头格式：%.*s → %s", (int)close, clean.data,
		                want.data);
		add_src(ck, R_DATELINE, orig[0], msg);
		free(msg);
	}
	/* What body.c left of it in the paragraph is rule 8's alone. */
	stop = (long)orig[close];
	for (si = 0; si < ck->nsegs; si++)
		for (i = 0; i < ck->segs[si].n; i++)
			if (ck->segs[si].c[i].src >= (long)off &&
			    ck->segs[si].c[i].src < stop &&
			    ck->segs[si].c[i].kind == C_TEXT)
				ck->segs[si].c[i].kind = C_SKIP;
out:
	free(canon);
	free(orig);
	buf_free(&clean);
	buf_free(&want);
}

/* A scalar of the front matter or issue.yaml as a head segment. */
static void
yaml_value(struct check *ck, yaml_node_t *v, int line_offset, enum head h)
{
	const char *s = fm_scalar(v);
	size_t off, si;

	if (s == NULL || *s == '\0')
		return;
	si = seg_new(ck, P_HEAD);
	ck->segs[si].head = h;
	off = file_off(&ck->f, fm_line(v, line_offset), fm_col(v));
	if (v->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
	    v->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		off++;
	walk(&ck->segs[si], s, ck->f.text, ck->f.len, off, NULL, C_TEXT);
}

static void
heads(struct check *ck)
{
	yaml_document_t *doc = (yaml_document_t *)&ck->st->fm;
	yaml_node_t *root, *v;
	yaml_node_item_t *it;

	if (!ck->st->has_fm ||
	    (root = yaml_document_get_root_node(doc)) == NULL ||
	    root->type != YAML_MAPPING_NODE)
		return;
	if ((v = fm_get(doc, root, "kicker", NULL)) != NULL)
		yaml_value(ck, v, 1, H_KICKER);
	if ((v = fm_get(doc, root, "title", NULL)) != NULL)
		yaml_value(ck, v, 1, H_TITLE);
	if ((v = fm_get(doc, root, "subtitle", NULL)) == NULL)
		return;
	if (v->type == YAML_SEQUENCE_NODE)
		for (it = v->data.sequence.items.start;
		     it < v->data.sequence.items.top; it++)
			yaml_value(ck, yaml_document_get_node(doc, *it), 1,
			           H_SUBTITLE);
	else
		yaml_value(ck, v, 1, H_SUBTITLE);
}

/* ---- messages ------------------------------------------------------------ */

/* A character as a message shows it: invisible ones by their number. */
static void
show(struct buf *b, const struct ch *c)
{
	char s[16];

	if (c->kind == C_MASK)
		buf_addc(b, OBJ);
	else if (c->kind == C_BREAK)
		buf_adds(b, " ");
	else if (invisible(c->cp) != NULL && c->cp != 0xFFFD) {
		snprintf(s, sizeof(s), "<U+%04X>", (unsigned)c->cp);
		buf_adds(b, s);
	} else
		buf_addc(b, c->cp);
}

static int
by_edit(const void *x, const void *y)
{
	const struct edit *a = x, *b = y;

	return a->start < b->start ? -1 : a->start > b->start;
}

/*
 * The message of a finding: what it is, then the copy around it and,
 * when there is a correction, the copy corrected (考场内,考生 → 考场内，
 * 考生).  A long stretch shows its two ends.  The caller frees.
 */
static char *
message(const struct check *ck, struct finding *f)
{
	const struct seg *sg = &ck->segs[f->seg];
	struct buf before = {0}, after = {0};
	size_t a = f->start, b = f->end, i, k, cut = 0, resume = 0;
	char *text;

	for (k = 0; k < CONTEXT && a > 0 && sg->c[a - 1].kind == C_TEXT &&
	     sg->c[a - 1].cp != '\n'; k++)
		a--;
	for (k = 0; k < CONTEXT && b < sg->n && sg->c[b].kind == C_TEXT; k++)
		b++;
	if (f->end - f->start > 24) {
		cut = f->start + 8;
		resume = f->end - 8;
	}
	if (f->ne > 1)
		qsort(f->e, f->ne, sizeof(*f->e), by_edit);
	buf_add(&before, "", 0);
	buf_add(&after, "", 0);
	for (i = a; i < b; i++) {
		if (cut < resume && i == cut) {
			buf_adds(&before, "…");
			i = resume - 1;
			continue;
		}
		if (f->rule == R_SPLIT && i == f->start)
			buf_adds(&before, " ¶ ");
		show(&before, &sg->c[i]);
	}
	for (i = a, k = 0; i < b; i++) {
		if (cut < resume && i == cut) {
			buf_adds(&after, "…");
			i = resume - 1;
			continue;
		}
		while (k < f->ne && f->e[k].start < i)
			k++;
		if (k < f->ne && f->e[k].start == i) {
			buf_adds(&after, f->e[k].repl);
			if (f->e[k].end > f->e[k].start) {
				i = f->e[k++].end - 1;
				continue;
			}
			k++;
		}
		show(&after, &sg->c[i]);
	}
	text = f->ne > 0 ? xasprintf("%s：%s → %s", f->what, before.data,
	                             after.data)
	                 : xasprintf("%s：%s", f->what, before.data);
	buf_free(&before);
	buf_free(&after);
	return text;
}

/* Where a finding is: the byte of its first character the file holds. */
static void
place(struct check *ck, struct finding *f)
{
	const struct seg *sg;
	size_t i, a, b;

	if (f->seg == NOSEG)
		return;
	sg = &ck->segs[f->seg];
	a = f->rule == R_SPLIT && f->start > 0 ? f->start - 1 : f->start;
	b = f->end > a ? f->end : a + 1;
	for (i = a; i < b && i < sg->n && sg->c[i].src < 0; i++)
		continue;
	if (i >= b || i >= sg->n)
		for (i = 0; i < sg->n && sg->c[i].src < 0; i++)
			continue;
	f->off = i < sg->n ? sg->c[i].src : 0;
}

static int
by_place(const void *x, const void *y)
{
	const struct finding *a = *(struct finding *const *)x;
	const struct finding *b = *(struct finding *const *)y;

	if (a->off != b->off)
		return a->off < b->off ? -1 : 1;
	return (int)a->rule - (int)b->rule;
}

/* The findings in the order of the file, each with its line and column
 * (counted along the file once).  The caller frees. */
static struct finding **
in_order(struct check *ck)
{
	struct finding **order = xmalloc((ck->nfs + 1) * sizeof(*order));
	size_t i;

	for (i = 0; i < ck->nfs; i++) {
		place(ck, &ck->fs[i]);
		order[i] = &ck->fs[i];
	}
	if (ck->nfs > 0)
		qsort(order, ck->nfs, sizeof(*order), by_place);
	for (i = 0; i < ck->nfs; i++)
		file_pos(&ck->f, (size_t)order[i]->off, &order[i]->line,
		         &order[i]->col);
	return order;
}

static struct tally *
tally_of(const char *path)
{
	size_t i;

	for (i = 0; i < ntallies; i++)
		if (strcmp(tallies[i].path, path) == 0)
			return &tallies[i];
	tallies = xrealloc(tallies, (ntallies + 1) * sizeof(*tallies));
	memset(&tallies[ntallies], 0, sizeof(*tallies));
	tallies[ntallies].path = xstrdup(path);
	return &tallies[ntallies++];
}

/* ---- --fix ---------------------------------------------------------------- */

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

/* Writes the decoded text back as the file came: its encoding, its byte
 * order mark, its line ends; through a temporary file and rename(2). */
static int
write_back(const struct src *src, const char *text, size_t len)
{
	struct buf b = {0};
	size_t i, start = 0;
	int ok;

	buf_add(&b, "", 0);
	if (src->bom)
		buf_addc(&b, 0xFEFF);
	for (i = 0; i < len; i++)
		if (text[i] == '\n') {
			buf_add(&b, text + start, i - start);
			buf_adds(&b, src->eol);
			start = i + 1;
		}
	buf_add(&b, text + start, len - start);
	if (strcmp(src->encoding, "UTF-8") == 0)
		ok = out_write(src->path, b.data, b.len);
	else
		ok = out_write_encoded(src->path, b.data, b.len, src->encoding);
	buf_free(&b);
	return ok;
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
	return f->mech && f->seg != NOSEG && rules[f->rule].fixes &&
	       house.level[f->rule] != DIAG_OK && f->ne > 0;
}

static char *
fixed_text(const struct check *ck, const char *use, size_t *len, unsigned *n)
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

/* ---- reporting a file's findings ----------------------------------------- */

/* Reports every finding not fixed, in the order of the file. */
static void
report(struct check *ck)
{
	struct finding **order;
	struct tally *t = tally_of(ck->f.path);
	enum diag_level level;
	size_t i;
	char *text;

	order = in_order(ck);
	for (i = 0; i < ck->nfs; i++) {
		struct finding *f = order[i];

		level = house.level[f->rule];
		if (level == DIAG_OK)
			continue;
		if (!mode.levels)
			level = DIAG_WARNING;
		text = f->seg == NOSEG ? xstrdup(f->what) : message(ck, f);
		diag_rule(ck->f.path, f->line, f->col, level, rules[f->rule].id,
		          "%s", text);
		free(text);
		nrule_msgs[level]++;
		if (f->head)
			t->head++;
		else
			t->body++;
	}
	free(order);
}

static void
check_free(struct check *ck)
{
	size_t i, k;

	for (i = 0; i < ck->nsegs; i++) {
		free(ck->segs[i].c);
		free(ck->segs[i].dots);
	}
	free(ck->segs);
	for (i = 0; i < ck->nfs; i++) {
		for (k = 0; k < ck->fs[i].ne; k++)
			free(ck->fs[i].e[k].repl);
		free(ck->fs[i].e);
		free(ck->fs[i].what);
	}
	free(ck->fs);
	free(ck->f.lines);
	free((void *)ck->premap);
	free(ck->prelines);
}

/* Cuts a story into segments and runs every rule over them. */
static void
check_build(struct check *ck, const struct story *st)
{
	size_t i;

	memset(ck, 0, sizeof(*ck));
	file_init(&ck->f, st->src->path, st->src->text, st->src->len);
	ck->st = st;
	heads(ck);
	if (st->doc != NULL && st->pre != NULL) {
		pre_map(ck);
		blocks(ck, st->doc, 1);
		dateline_check(ck);
	}
	for (i = 0; i < ck->nsegs; i++)
		mask_urls(&ck->segs[i]);
	run_rules(ck);
}

static void
drop(void *arg, const struct diag_msg *m)
{
	(void)arg;
	(void)m;
}

/* Silences the messages of the stories --fix loads for itself. */
static void
quiet(int on)
{
	diag_set_hook(on ? drop : mode.hook, NULL);
}

/*
 * The shape of a story's body: every node's type, and what a link,
 * image, code or heading holds besides text.  A correction changes copy,
 * never the shape: a space taken out beside ** must not make emphasis.
 * The caller frees.
 */
static char *
shape(const struct story *st)
{
	struct buf b = {0};
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *n;
	char num[32];

	buf_add(&b, "", 0);
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

/* The story text reads as, when it validates and has the shape of
 * before (a correction that is not one leaves it NULL). */
static struct story *
reload(const char *path, const char *text, size_t len, const char *before)
{
	struct story *st = story_load_bytes(path, text, len);
	char *after = st != NULL && st->ok ? shape(st) : NULL;

	if (after == NULL || strcmp(after, before) != 0) {
		story_free(st);
		st = NULL;
	}
	free(after);
	return st;
}

/*
 * One pass of --fix over cur: the corrected text, the story it makes
 * (*next) and the corrections made (*n).  All of them when together they
 * keep the story's shape, else those that do, tried one by one.  NULL
 * when none can be made.
 */
static char *
fix_pass(const struct story *cur, struct story **next, unsigned *n)
{
	struct check ck;
	char *before = shape(cur), *text, *best = NULL, *use;
	struct story *st, *best_st = NULL;
	size_t len, i;
	unsigned k, best_n = 0;

	check_build(&ck, cur);
	text = fixed_text(&ck, NULL, &len, &k);
	if (text != NULL &&
	    (st = reload(cur->src->path, text, len, before)) != NULL) {
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
			     reload(cur->src->path, text, len, before) : NULL;
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
	check_free(&ck);
	free(before);
	*next = best_st;
	*n = best_n;
	return best;
}

/*
 * --fix: corrects the story's file, pass after pass until nothing
 * mechanical is left (a correction may bring another to light: 考场内,
 * 考生 then 考场内， 考生), and writes it back once, as it came.
 * Returns the story as the file now reads, for its messages to point
 * into the new file, and the corrections made in *n; NULL when there
 * was nothing to correct or the file could not be written.
 */
static struct story *
fix_story(const struct story *st, unsigned *n)
{
	const struct story *cur = st;
	struct story *now = NULL, *next;
	char *text = NULL, *fixed;
	unsigned round, k;

	*n = 0;
	mode.inner = 1;
	quiet(1);
	for (round = 0; round < 8 && (fixed = fix_pass(cur, &next, &k)) != NULL;
	     round++) {
		story_free(now);
		free(text);
		now = next;
		text = fixed;
		cur = now;
		*n += k;
	}
	quiet(0);
	mode.inner = 0;
	if (text != NULL && !write_back(st->src, text, strlen(text))) {
		story_free(now);
		now = NULL;
		*n = 0;
	}
	free(text);
	return now;
}

void
check_story(const struct story *st)
{
	struct check ck;
	struct story *now = NULL;
	unsigned n;

	if (!house.loaded)
		house_defaults();
	if (st == NULL || st->src == NULL || mode.inner)
		return;
	if (mode.fix && (now = fix_story(st, &n)) != NULL) {
		tally_of(st->src->path)->fixed += n;
		st = now;
	}
	check_build(&ck, st);
	report(&ck);
	check_free(&ck);
	story_free(now);
}

char *
check_text(const char *text)
{
	struct check ck;
	struct finding **order;
	struct buf b = {0};
	size_t i, si;
	char num[32];

	if (!house.loaded)
		house_defaults();
	memset(&ck, 0, sizeof(ck));
	file_init(&ck.f, "-", text, strlen(text));
	si = seg_new(&ck, P_BODY);
	ck.segs[si].top = 1;
	walk(&ck.segs[si], text, text, strlen(text), 0, NULL, C_TEXT);
	mask_urls(&ck.segs[si]);
	run_rules(&ck);
	order = in_order(&ck);
	buf_add(&b, "", 0);
	for (i = 0; i < ck.nfs; i++) {
		if (house.level[order[i]->rule] == DIAG_OK)
			continue;
		snprintf(num, sizeof(num), "%d ", order[i]->col);
		buf_adds(&b, num);
		buf_adds(&b, rules[order[i]->rule].id);
		buf_adds(&b, "\n");
	}
	free(order);
	check_free(&ck);
	return b.data;
}

/* ---- press check: the report ----------------------------------------------- */

/* --json: everything is gathered, then printed as one object. */
static struct {
	int on;
	struct buf msgs, stories, pages;
	size_t nmsgs, nstories, npages;
} js;

static void
json_str(struct buf *b, const char *s)
{
	char e[8];

	buf_adds(b, "\"");
	for (; *s != '\0'; s++)
		if (*s == '"' || *s == '\\') {
			buf_add(b, "\\", 1);
			buf_add(b, s, 1);
		} else if ((unsigned char)*s < 0x20) {
			snprintf(e, sizeof(e), "\\u%04x", (unsigned char)*s);
			buf_adds(b, e);
		} else
			buf_add(b, s, 1);
	buf_adds(b, "\"");
}

static void
json_int(struct buf *b, const char *key, long v)
{
	char num[64];

	snprintf(num, sizeof(num), ", \"%s\": %ld", key, v);
	buf_adds(b, num);
}

static void
json_key(struct buf *b, const char *key, const char *s)
{
	buf_adds(b, ", \"");
	buf_adds(b, key);
	buf_adds(b, "\": ");
	if (s == NULL)
		buf_adds(b, "null");
	else
		json_str(b, s);
}

/* The diag hook of --json: every message, a rule's or not. */
static void
json_msg(void *arg, const struct diag_msg *m)
{
	struct buf *b = &js.msgs;
	size_t n = strlen(m->text);
	char *text;

	(void)arg;
	if (m->rule != NULL && n >= strlen(m->rule) + 3)
		n -= strlen(m->rule) + 3; /* " [rule-id]" */
	text = xstrndup(m->text, n);
	buf_adds(b, js.nmsgs++ ? ",\n    {" : "\n    {");
	buf_adds(b, "\"file\": ");
	json_str(b, m->path);
	json_int(b, "line", m->line);
	json_int(b, "col", m->col);
	json_key(b, "level", diag_level_name(m->level));
	json_key(b, "rule", m->rule);
	json_key(b, "message", text);
	buf_adds(b, "}");
	free(text);
}

/* "1 line", "2 lines" */
static const char *
lines_word(long n)
{
	return n == 1 || n == -1 ? "line" : "lines";
}

/* Errors per 10,000 characters, as the national quality check counts. */
static double
rate(unsigned errors, unsigned long chars)
{
	return chars > 0 ? errors * 10000.0 / (double)chars : 0.0;
}

/* What one story gives the page report. */
struct fit {
	const char *file;  /* the story's path */
	const char *slug;
	const char *slot;  /* or NULL */
	long page;         /* or 0 */
	long chars;        /* 字数 (body, dateline, byline) */
	long head_chars;   /* 字数 of its headline, kicker, subtitles */
	long lines;        /* estimated at the paper's column width */
	long cols, col_lines; /* its space, or 0 */
	int photos;        /* it has figures, whose height nobody measured */
};

/* "space 4 × 24 = 96 lines: 7 lines left (91 字)" */
static void
space_text(struct buf *b, const struct fit *ft, long line_chars)
{
	long space = ft->cols * ft->col_lines, left = space - ft->lines;
	char *s;

	if (ft->cols <= 0)
		return;
	if (left >= 0 && ft->photos)
		s = xasprintf("; space %ld × %ld = %ld lines: %ld %s left for the "
		              "photos", ft->cols, ft->col_lines, space, left,
		              lines_word(left));
	else if (left >= 0)
		s = xasprintf("; space %ld × %ld = %ld lines: %ld %s left (%ld 字)",
		              ft->cols, ft->col_lines, space, left, lines_word(left),
		              left * line_chars);
	else
		s = xasprintf("; space %ld × %ld = %ld lines: over by %ld %s (%ld 字)",
		              ft->cols, ft->col_lines, space, -left,
		              lines_word(left), -left * line_chars);
	buf_adds(b, s);
	free(s);
}

/* One story: a line of the report and an object of --json. */
static void
report_story(const struct fit *ft, long line_chars, const char *indent)
{
	struct tally *t = tally_of(ft->file);
	struct buf b = {0};
	unsigned errors = t->body + 2 * t->head;
	long space = ft->cols * ft->col_lines;
	const char *base;
	char *s, page[32];

	if (js.on) {
		struct buf *j = &js.stories;

		buf_adds(j, js.nstories++ ? ",\n    {" : "\n    {");
		buf_adds(j, "\"file\": ");
		json_str(j, ft->file);
		json_key(j, "slug", ft->slug);
		json_key(j, "slot", ft->slot);
		json_int(j, "page", ft->page);
		json_int(j, "chars", ft->chars);
		json_int(j, "head_chars", ft->head_chars);
		json_int(j, "lines", ft->lines);
		json_int(j, "columns", ft->cols);
		json_int(j, "column_lines", ft->col_lines);
		json_int(j, "space", space);
		json_int(j, "left", ft->cols > 0 ? space - ft->lines : 0);
		json_int(j, "photos", ft->photos);
		json_int(j, "messages", t->body + t->head);
		json_int(j, "head_messages", t->head);
		json_int(j, "fixed", t->fixed);
		buf_adds(j, "}");
		return;
	}
	buf_add(&b, "", 0);
	base = strrchr(ft->file, '/');
	if (*indent == '\0' && ft->page > 0)
		snprintf(page, sizeof(page), "page %ld, ", ft->page);
	else
		page[0] = '\0';
	s = xasprintf("%s%s: %s%s%s%ld 字, %ld %s%s", indent,
	              *indent != '\0' && base != NULL ? base + 1 : ft->file,
	              page, ft->slot ? ft->slot : "", ft->slot ? ", " : "",
	              ft->chars, ft->lines, lines_word(ft->lines),
	              ft->photos ? " of text" : "");
	buf_adds(&b, s);
	free(s);
	space_text(&b, ft, line_chars);
	if (*indent == '\0') {
		s = xasprintf("; errors: %u in %ld 字, %.1f per 10,000 字",
		              errors, ft->chars + ft->head_chars,
		              rate(errors, (unsigned long)(ft->chars + ft->head_chars)));
		buf_adds(&b, s);
		free(s);
	}
	if (t->fixed > 0) {
		s = xasprintf("; fixed %u", t->fixed);
		buf_adds(&b, s);
		free(s);
	}
	printf("%s\n", b.data);
	fflush(stdout);
	buf_free(&b);
}

static long
num_prop(xmlNodePtr n, const char *name)
{
	xmlChar *s = xmlGetProp(n, X(name));
	long v = s ? strtol((const char *)s, NULL, 10) : 0;

	xmlFree(s);
	return v;
}

/* The 字数 of the text of n's children named name. */
static long
chars_of(xmlNodePtr n, const char *name)
{
	xmlNodePtr c;
	xmlChar *s;
	long count = 0;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, name) == 0) {
			s = xmlNodeGetContent(c);
			count += count_chars((const char *)s);
			xmlFree(s);
		}
	return count;
}

static int
has_figure(xmlNodePtr n)
{
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    (strcmp((const char *)n->name, "figure") == 0 || has_figure(n)))
			return 1;
	return 0;
}

/* Fills ft from a <story> of the print XML. */
static void
fit_of(struct fit *ft, xmlNodePtr story)
{
	xmlNodePtr c;

	ft->chars = num_prop(story, "chars");
	ft->lines = num_prop(story, "lines");
	ft->cols = num_prop(story, "slot-columns");
	ft->col_lines = num_prop(story, "slot-lines");
	ft->photos = has_figure(story);
	ft->head_chars = 0;
	for (c = story->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, "head") == 0)
			ft->head_chars += chars_of(c, "headline") +
			                  chars_of(c, "kicker") + chars_of(c, "subtitle");
}

/* issue.yaml read again, quietly (issue.c reports its problems), for
 * positions: its banners, a story's space. */
struct iyaml {
	struct src *src;
	yaml_document_t doc;
	int loaded;
};

static int
iyaml_load(struct iyaml *y, const char *dir)
{
	char *path = xasprintf("%s/issue.yaml", dir);
	yaml_parser_t p;

	memset(y, 0, sizeof(*y));
	if (access(path, R_OK) == 0 && (y->src = src_read(path)) != NULL) {
		yaml_parser_initialize(&p);
		yaml_parser_set_input_string(&p, (const unsigned char *)y->src->text,
		                             y->src->len);
		yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
		y->loaded = yaml_parser_load(&p, &y->doc);
		if (!y->loaded)
			memset(&y->doc, 0, sizeof(y->doc));
		yaml_parser_delete(&p);
	}
	free(path);
	return y->loaded;
}

static void
iyaml_free(struct iyaml *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	src_free(y->src);
}

/* The pages of issue.yaml, or NULL. */
static yaml_node_t *
iyaml_pages(struct iyaml *y)
{
	yaml_node_t *root, *pages;

	if (!y->loaded || (root = yaml_document_get_root_node(&y->doc)) == NULL ||
	    (pages = fm_get(&y->doc, root, "pages", NULL)) == NULL ||
	    pages->type != YAML_SEQUENCE_NODE)
		return NULL;
	return pages;
}

/* Finds where issue.yaml places file: page number, slot and space. */
static void
iyaml_place(struct iyaml *y, const char *file, struct fit *ft)
{
	yaml_node_t *pages = iyaml_pages(y), *page, *stories, *e, *v;
	yaml_node_item_t *p, *s;
	const char *name;

	for (p = pages ? pages->data.sequence.items.start : NULL;
	     pages != NULL && p < pages->data.sequence.items.top; p++) {
		page = yaml_document_get_node(&y->doc, *p);
		stories = fm_get(&y->doc, page, "stories", NULL);
		if (stories == NULL || stories->type != YAML_SEQUENCE_NODE)
			continue;
		for (s = stories->data.sequence.items.start;
		     s < stories->data.sequence.items.top; s++) {
			e = yaml_document_get_node(&y->doc, *s);
			v = e->type == YAML_MAPPING_NODE ?
			    fm_get(&y->doc, e, "file", NULL) : e;
			if ((name = fm_scalar(v)) == NULL || strcmp(name, file) != 0)
				continue;
			if ((v = fm_get(&y->doc, page, "no", NULL)) != NULL &&
			    fm_scalar(v) != NULL)
				ft->page = strtol(fm_scalar(v), NULL, 10);
			if (e->type != YAML_MAPPING_NODE)
				return;
			if ((v = fm_get(&y->doc, e, "slot", NULL)) != NULL)
				ft->slot = fm_scalar(v);
			if ((v = fm_get(&y->doc, e, "columns", NULL)) != NULL &&
			    fm_scalar(v) != NULL)
				ft->cols = strtol(fm_scalar(v), NULL, 10);
			if ((v = fm_get(&y->doc, e, "lines", NULL)) != NULL &&
			    fm_scalar(v) != NULL)
				ft->col_lines = strtol(fm_scalar(v), NULL, 10);
			if (ft->cols <= 0 || ft->col_lines <= 0)
				ft->cols = ft->col_lines = 0;
			return;
		}
	}
}

/*
 * Checks a page's name and banner in issue.yaml (head copy: the quality
 * check counts their errors double); returns the errors so counted.
 */
static unsigned
check_banner(struct iyaml *y, yaml_node_t *page)
{
	struct check ck;
	struct tally *t;
	yaml_node_t *v;
	unsigned before;

	if (!y->loaded)
		return 0;
	memset(&ck, 0, sizeof(ck));
	file_init(&ck.f, y->src->path, y->src->text, y->src->len);
	if ((v = fm_get(&y->doc, page, "name", NULL)) != NULL)
		yaml_value(&ck, v, 0, H_BANNER);
	if ((v = fm_get(&y->doc, page, "banner", NULL)) != NULL)
		yaml_value(&ck, v, 0, H_BANNER);
	t = tally_of(ck.f.path);
	before = t->head;
	run_rules(&ck);
	report(&ck);
	check_free(&ck);
	t = tally_of(y->src->path);
	return 2 * (t->head - before);
}

/* The folder part of a path ("." for none). */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
}

/* Totals of a whole run. */
static struct {
	unsigned long stories, chars, errors;
} total;

static void
check_file(const char *path, const struct paper *paper)
{
	struct story *st = story_load(path);
	struct fit ft = {0};
	struct iyaml y;
	xmlDocPtr doc;
	char *dir;
	const char *base = strrchr(path, '/');
	struct tally *t;

	if (st == NULL || !st->ok) {
		story_free(st);
		return;
	}
	doc = storyxml_doc(st, paper->line_chars);
	ft.file = path;
	ft.slug = st->slug;
	fit_of(&ft, xmlDocGetRootElement(doc));
	ft.cols = ft.col_lines = 0;
	dir = dir_of(path);
	if (iyaml_load(&y, dir))
		iyaml_place(&y, base ? base + 1 : path, &ft);
	report_story(&ft, paper->line_chars, "");
	t = tally_of(path);
	total.stories++;
	total.chars += (unsigned long)(ft.chars + ft.head_chars);
	total.errors += t->body + 2 * t->head;
	iyaml_free(&y);
	free(dir);
	xmlFreeDoc(doc);
	story_free(st);
}

/* One page of an issue: its stories, its space, its error rate. */
static void
report_page(xmlNodePtr page, const char *dir, long cols, long col_lines,
            long line_chars, unsigned banner_errors)
{
	xmlNodePtr story;
	xmlChar *no = xmlGetProp(page, X("no")), *name = xmlGetProp(page, X("name"));
	xmlChar *banner = xmlGetProp(page, X("banner"));
	long capacity = cols * col_lines, taken = 0, lines = 0, chars = 0;
	long head = 0, left, nstories = 0;
	unsigned errors = banner_errors;
	double r;
	char *path;
	const char *indent;

	if (!js.on)
		printf("%s page %s %s (%ld × %ld lines of %ld 字):\n", dir,
		       (char *)no, (char *)name, cols, col_lines, line_chars);
	indent = js.on ? "" : "  ";
	head = count_chars((const char *)name) +
	       (banner ? count_chars((const char *)banner) : 0);
	for (story = page->children; story != NULL; story = story->next) {
		struct fit ft = {0};
		xmlChar *src = xmlGetProp(story, X("source"));
		xmlChar *slug = xmlGetProp(story, X("slug"));
		xmlChar *slot = xmlGetProp(story, X("slot"));
		struct tally *t;

		path = xasprintf("%s/%s", dir, (char *)src);
		ft.file = path;
		ft.slug = (const char *)slug;
		ft.slot = (const char *)slot;
		ft.page = strtol((const char *)no, NULL, 10);
		fit_of(&ft, story);
		report_story(&ft, line_chars, indent);
		t = tally_of(path);
		errors += t->body + 2 * t->head;
		chars += ft.chars;
		head += ft.head_chars;
		lines += ft.lines;
		taken += ft.cols > 0 ? ft.cols * ft.col_lines : ft.lines;
		nstories++;
		free(path);
		xmlFree(src);
		xmlFree(slug);
		xmlFree(slot);
	}
	left = capacity - taken;
	r = rate(errors, (unsigned long)(chars + head));
	total.stories += (unsigned long)nstories;
	total.chars += (unsigned long)(chars + head);
	total.errors += errors;
	if (js.on) {
		struct buf *j = &js.pages;

		buf_adds(j, js.npages++ ? ",\n    {" : "\n    {");
		buf_adds(j, "\"issue\": ");
		json_str(j, dir);
		json_int(j, "page", strtol((const char *)no, NULL, 10));
		json_key(j, "name", (const char *)name);
		json_int(j, "stories", nstories);
		json_int(j, "columns", cols);
		json_int(j, "column_lines", col_lines);
		json_int(j, "line_chars", line_chars);
		json_int(j, "capacity", capacity);
		json_int(j, "chars", chars);
		json_int(j, "head_chars", head);
		json_int(j, "lines", lines);
		json_int(j, "taken", taken);
		json_int(j, "left", left);
		json_int(j, "errors", errors);
		{
			char num[64];

			snprintf(num, sizeof(num), ", \"per_10000\": %.1f", r);
			buf_adds(j, num);
		}
		buf_adds(j, r <= 3.0 ? ", \"passes\": true}" : ", \"passes\": false}");
	} else {
		printf("  page: %ld 字, %ld %s of text; %ld of %ld lines taken: ",
		       chars, lines, lines_word(lines), taken, capacity);
		if (left >= 0)
			printf("%ld %s left (%ld 字)\n", left, lines_word(left),
			       left * line_chars);
		else
			printf("over by %ld %s (%ld 字)\n", -left, lines_word(left),
			       -left * line_chars);
		printf("  errors: %u in %ld 字 (headlines count double), "
		       "%.1f per 10,000 字: %s\n", errors, chars + head, r,
		       r <= 3.0 ? "passes (3 at most)" : "over the limit of 3");
		fflush(stdout);
	}
	xmlFree(no);
	xmlFree(name);
	xmlFree(banner);
}

static void
check_issue(const struct build_opts *opts, const struct paper *paper,
            const char *dir)
{
	struct iyaml y;
	yaml_node_t *pages;
	yaml_node_item_t *p;
	xmlDocPtr doc;
	xmlNodePtr root, page;
	unsigned *banners = NULL;
	long *nos = NULL;
	size_t npages = 0, k;
	const char *s;

	doc = issue_load(opts, paper, dir);
	/* The banners and page names, after the stories as the page has
	 * them above: issue.c has reported whatever is wrong with the file. */
	if (doc != NULL && iyaml_load(&y, dir)) {
		pages = iyaml_pages(&y);
		for (p = pages ? pages->data.sequence.items.start : NULL;
		     pages != NULL && p < pages->data.sequence.items.top; p++) {
			yaml_node_t *pg = yaml_document_get_node(&y.doc, *p);
			yaml_node_t *v = fm_get(&y.doc, pg, "no", NULL);

			banners = xrealloc(banners, (npages + 1) * sizeof(*banners));
			nos = xrealloc(nos, (npages + 1) * sizeof(*nos));
			nos[npages] = (s = fm_scalar(v)) ? strtol(s, NULL, 10) : 0;
			banners[npages++] = check_banner(&y, pg);
		}
		iyaml_free(&y);
	}
	if (doc == NULL)
		goto out;
	root = xmlDocGetRootElement(doc);
	for (page = root->children; page != NULL; page = page->next) {
		long no = num_prop(page, "no");
		unsigned be = 0;

		for (k = 0; k < npages; k++)
			if (nos[k] == no)
				be = banners[k];
		report_page(page, dir, num_prop(root, "columns"),
		            num_prop(root, "column-lines"),
		            num_prop(root, "line-chars"), be);
	}
out:
	free(banners);
	free(nos);
	xmlFreeDoc(doc);
}

int
cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"json", no_argument, NULL, 'j'},
		{"fix", no_argument, NULL, 'f'},
		{NULL, 0, NULL, 0},
	};
	struct build_opts opts = {"articles", "templates", NULL, NULL, 1};
	struct paper paper;
	struct stat sb;
	char **paths, *file, **dirs = NULL;
	size_t npaths, i, ndirs = 0;
	int c, schema = 0;
	double r;

	while ((c = getopt_long(argc, argv, "a:t:", longopts, NULL)) != -1)
		switch (c) {
		case 'a':
			opts.articles = optarg;
			break;
		case 't':
			opts.templates = optarg;
			break;
		case 'j':
			js.on = 1;
			break;
		case 'f':
			mode.fix = 1;
			break;
		default:
			diag_usage("usage: press check [-a ARTICLES] [-t TEMPLATES] "
			           "[--json] [--fix] [PATH ...]");
			return 2;
		}
	mode.levels = 1;
	if (js.on)
		diag_set_hook(mode.hook = json_msg, NULL);
	check_load(opts.articles);
	memset(&paper, 0, sizeof(paper));
	file = xasprintf("%s/paper.yaml", opts.articles);
	if (access(file, R_OK) == 0)
		paper_load(&paper, opts.articles);
	free(file);
	if (paper.line_chars <= 0) {
		paper.columns = 8;
		paper.line_chars = 13;
		paper.col_lines = 115;
	}
	paths = argv + optind;
	npaths = (size_t)(argc - optind);
	if (npaths == 0) {
		/* Oldest first, as an editor reads the archive. */
		dirs = issue_dirs(opts.articles, &ndirs);
		for (i = 0; i < ndirs / 2; i++) {
			char *tmp = dirs[i];

			dirs[i] = dirs[ndirs - 1 - i];
			dirs[ndirs - 1 - i] = tmp;
		}
		paths = dirs;
		npaths = ndirs;
	}
	for (i = 0; i < npaths; i++) {
		size_t len = strlen(paths[i]);

		while (len > 1 && paths[i][len - 1] == '/')
			paths[i][--len] = '\0';
		if (stat(paths[i], &sb) != 0)
			diag(paths[i], 0, 0, D_READ, "no such file or folder");
		else if (S_ISDIR(sb.st_mode)) {
			if (!schema && !(schema = schema_load(opts.templates)))
				break;
			check_issue(&opts, &paper, paths[i]);
		} else
			check_file(paths[i], &paper);
	}
	r = rate((unsigned)total.errors, total.chars);
	if (js.on) {
		char num[256];

		printf("{\n  \"messages\": [%s\n  ],\n  \"stories\": [%s\n  ],\n"
		       "  \"pages\": [%s\n  ],\n",
		       js.msgs.data ? js.msgs.data : "",
		       js.stories.data ? js.stories.data : "",
		       js.pages.data ? js.pages.data : "");
		snprintf(num, sizeof(num), "  \"summary\": {\"stories\": %lu, "
		         "\"chars\": %lu, \"errors\": %u, \"warnings\": %u, "
		         "\"weighted_errors\": %lu, \"per_10000\": %.1f}\n}\n",
		         total.stories, total.chars, nrule_msgs[DIAG_ERROR],
		         nrule_msgs[DIAG_WARNING], total.errors, r);
		fputs(num, stdout);
		diag_set_hook(NULL, NULL);
		buf_free(&js.msgs);
		buf_free(&js.stories);
		buf_free(&js.pages);
	} else
		printf("%lu %s, %lu 字: %u %s, %u %s; %.1f per 10,000 字\n",
		       total.stories, total.stories == 1 ? "story" : "stories",
		       total.chars, nrule_msgs[DIAG_ERROR],
		       nrule_msgs[DIAG_ERROR] == 1 ? "error" : "errors",
		       nrule_msgs[DIAG_WARNING],
		       nrule_msgs[DIAG_WARNING] == 1 ? "warning" : "warnings", r);
	for (i = 0; i < ndirs; i++)
		free(dirs[i]);
	free(dirs);
	for (i = 0; i < ntallies; i++)
		free(tallies[i].path);
	free(tallies);
	tallies = NULL;
	ntallies = 0;
	house_free();
	paper_free(&paper);
	return diag_status();
}
