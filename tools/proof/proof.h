/*
 * The proofreading stage: EDITORIAL.md's rules over a validated story.
 *
 *   proof.h        the rule table, segments, findings (this file)
 *   house.c        the rule table; articles/house.yaml: house words,
 *                  allowed phrases, rule levels
 *   seg.c          segments and where their characters stand in the file
 *   collect.c      a story (and issue.yaml's page heads) → segments
 *   rules-punct.c  the rules on punctuation marks
 *   rules-words.c  the rules on characters and words
 *   rules-form.c   spacing, full-width forms, numbers, URLs
 *   rules-grammar.c  ICU's word break; 的/地/得
 *   rules-dates.c  years and dates against the issue, number ranges
 *   fix.c          mechanical corrections on the file's text
 *   run.c          proof_story(): run the rules, report, tally
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
 * diag_rule().
 *
 * The rules never load files and never call back into loading: callers
 * (build, preview, serve, check) hand them a story they loaded.
 */
#ifndef PROOF_H
#define PROOF_H

#include "../press.h"

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
	R_DE,
	R_YEAR,
	R_DATE,
	R_RANGE,
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

struct rule_info {
	const char *id;
	enum diag_level level; /* in press check, unless house.yaml says */
	unsigned parts;        /* the segments it reads; 0: the source */
	int fixes;             /* --fix applies its corrections */
	const char *what;
};
extern const struct rule_info rule_table[R_MAX];

/* ---- house.c -------------------------------------------------------- */

struct seg;

struct word {
	char *wrong, *right;
};

/* A list of phrases of house.yaml. */
struct words {
	char **s;
	size_t n;
};

/* The lexicon of rule 21 (的/地/得), house.yaml's de: section. */
enum de_list {
	DE_MANNER,     /* words that modify a verb: 高兴地说 */
	DE_VERBS,      /* verbs that are never nouns: 说, 表示 */
	DE_NOUNVERBS,  /* verbs that are nouns too: 帮助, 支持 */
	DE_OBJECTS,    /* what shows such a word a verb: 帮助考生 */
	DE_COMPLEMENT, /* verbs and adjectives a complement follows: 跑得 */
	DE_DEGREE,     /* words that open a complement: 很, 非常 */
	DE_PHRASES,    /* complements of their own: 满头大汗 */
	DE_EVENTS,     /* what is played: 比赛打的精彩 is 打得 */
	DE_PLAYS,      /* the verbs of playing it: 打, 踢 */
	DE_MAX
};

/* articles/house.yaml, or the defaults when there is none. */
struct house {
	enum diag_level level[R_MAX]; /* DIAG_OK: switched off */
	struct word *words;
	size_t nwords;
	char **allow;                 /* phrases rules 4 and 5 leave alone */
	size_t nallow;
	struct words doubles;         /* legitimate doubles: 看看 研究研究 */
	struct words de[DE_MAX];      /* rule 21's lexicon */
	struct words titles;          /* names of works that end like events */
	int loaded;
};
extern struct house house;

void house_defaults(void);
void house_free(void);
/* The length in characters of the longest phrase of w that the copy at
 * i reads (start: 1) or that ends just before i (start: 0); 0 if none. */
size_t words_at(const struct words *w, const struct seg *sg, size_t i,
                int start);

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

/* Everything one proofreading of a file holds. */
struct proof {
	struct file f;
	const struct story *st;  /* NULL for issue.yaml */
	const char *issue_date;  /* the date of the story's issue, or NULL */
	const long *premap;      /* st->pre byte → file byte; -1: press's mark */
	size_t prelen;
	size_t *prelines;
	size_t nprelines;
	struct seg *segs;
	size_t nsegs, segcap;
	struct finding *fs;
	size_t nfs, fcap;
};

/* ---- character classes and reading a segment ------------------------- */

static inline int
is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static inline int
is_latin(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int
is_alnum(uint32_t c)
{
	return is_digit(c) || is_latin(c);
}

static inline int
is_han(uint32_t c)
{
	return u_is_han(c);
}

/* Full-width opening and closing marks. */
static inline int
is_open(uint32_t c)
{
	return c == 0x201C || c == 0x2018 || c == 0xFF08 || c == 0x300A ||
	       c == 0x3008 || c == 0x3010 || c == 0x3014 || c == 0x300C ||
	       c == 0x300E;
}

static inline int
is_close(uint32_t c)
{
	return c == 0x201D || c == 0x2019 || c == 0xFF09 || c == 0x300B ||
	       c == 0x3009 || c == 0x3011 || c == 0x3015 || c == 0x300D ||
	       c == 0x300F;
}

/* The marks of a pause or an end: 。，、；：？！ */
static inline int
is_pause(uint32_t c)
{
	return c == 0x3002 || c == 0xFF0C || c == 0x3001 || c == 0xFF1B ||
	       c == 0xFF1A || c == 0xFF1F || c == 0xFF01;
}

/* Han or a full-width mark (not U+3000): Chinese copy on that side. */
static inline int
is_cjk(uint32_t c)
{
	return c != 0x3000 && u_is_cjk(c);
}

static inline int
is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0x3000;
}

/* The character at i when it is copy; 0 past either end or elsewhere. */
static inline uint32_t
at(const struct seg *sg, long i)
{
	if (i < 0 || (size_t)i >= sg->n || sg->c[i].kind != C_TEXT)
		return 0;
	return sg->c[i].cp;
}

/* Whether the copy at i reads s. */
static inline int
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

static inline size_t
u8_len(const char *s)
{
	return u8_count(s, strlen(s));
}

/* ---- seg.c ---------------------------------------------------------- */

void file_init(struct file *, const char *path, const char *text, size_t len);
/* Line and column (characters, from 1) of a byte of the file. */
void file_pos(struct file *, size_t off, int *line, int *col);
/* The byte of the file at line (from 1) and column (characters). */
size_t file_off(const struct file *, int line, int col);
/* A new segment of ck; returns its index. */
size_t seg_new(struct proof *ck, enum part);
void seg_push(struct seg *, uint32_t cp, long src, size_t len, enum ckind);
void seg_walk(struct seg *, const char *lit, const char *base, size_t blen,
              size_t pos, const long *map, enum ckind);
char *seg_text(const struct seg *, size_t **offs);
size_t seg_char_at(const size_t *offs, size_t n, size_t off);
struct finding *finding_add(struct proof *ck, enum rule, size_t seg,
                            size_t start, size_t end, const char *what);
void finding_edit(struct finding *, size_t start, size_t end,
                  const char *repl);
void finding_edit_cp(struct finding *, size_t i, uint32_t cp);
/* Whether rule r reads segment sg. */
int rule_on(const struct seg *sg, enum rule r);

/* ---- the rules (rules-*.c): each adds findings on segment si ------- */

void rule_pairs(struct proof *ck, size_t si);
void rule_halfwidth(struct proof *ck, size_t si);
void rule_quotes(struct proof *ck, size_t si);
void rule_repeat(struct proof *ck, size_t si);
void rule_words(struct proof *ck, size_t si);
void rule_garbled(struct proof *ck, size_t si);
void rule_ellipsis(struct proof *ck, size_t si);
void rule_dash(struct proof *ck, size_t si);
void rule_punct_repeat(struct proof *ck, size_t si);
void rule_fullwidth(struct proof *ck, size_t si);
void rule_spaces(struct proof *ck, size_t si);
void rule_dunhao(struct proof *ck, size_t si);
void rule_booktitle(struct proof *ck, size_t si);
void rule_head_stop(struct proof *ck, size_t si);
void rule_number(struct proof *ck, size_t si);
void rule_name_dot(struct proof *ck, size_t si);
void rule_de(struct proof *ck, size_t si);
void rule_year(struct proof *ck, size_t si);
void rule_range(struct proof *ck, size_t si);
/* The story's date: against its issue's (rule 23). */
void rule_story_date(struct proof *ck);
/* Where ICU's word break parts sg: 1 before each character that starts a
 * word, and at sg->n.  Copy that is not text parts words.  The caller
 * frees. */
unsigned char *word_breaks(const struct seg *sg);
void word_breaks_free(void);
/* Rule 7: joins paragraphs a column break split, reporting each join. */
void rejoin(struct proof *ck);
/* The marks that part a name in sg (rule 20), for rule 2.  Caller frees. */
char *name_dots(const struct seg *sg);
/* How a message shows an invisible character, or NULL. */
const char *char_invisible(uint32_t c);
/* The full-width form of a half-width mark, or 0. */
uint32_t fullwidth_of(uint32_t c);
/* Whether the half-width mark at i stands in Chinese copy (rule 2). */
int halfwidth_here(const struct seg *sg, long i);
/* A Chinese numeral (rule 15's approximate numbers). */
int numeral(uint32_t c);
/* Masks URLs and e-mail addresses written as plain text. */
void mask_urls(struct seg *sg);

/* ---- collect.c -------------------------------------------------------- */

/* Cuts a story into segments (and source findings: rules 8 and 18). */
void collect_story(struct proof *ck, const struct story *st);
/* A page's name and banner in issue.yaml as head segments. */
void collect_page(struct proof *ck, yaml_document_t *doc, yaml_node_t *page);

/* ---- run.c ------------------------------------------------------------ */

/* Runs every rule over ck's segments. */
void proof_run(struct proof *ck);
void proof_free(struct proof *ck);

#endif
