/*
 * press: Markdown stories with a YAML header → print XML and a web edition.
 *
 * One forward pipeline, one file per stage:
 *
 *   src.c       read      bytes → UTF-8 text with LF line ends
 *   fm.c        front     the --- block → a libyaml document
 *   body.c      body      cmark-gfm tree, fitted to Chinese copy
 *   validate.c  validate  the one stage that judges input → struct story
 *   storyxml.c  story XML struct story → <story> (libxml2 tree)
 *   issue.c     issue     issue.yaml → <issue>, schema-checked (schema.c);
 *                         its 农历 from lunar.c, its jumps (转版) from jump.c
 *   render.c    render    XSLT stylesheets over the XML (outputs.yaml)
 *   archive.c             the archive's outputs, from each issue's heads
 *   out.c       write     temporary file + rename
 *
 * proof/ holds the proofreading rules, a stage callers run on a loaded
 * story when they want its findings (build, preview, serve, check).
 *
 * story.c runs the first four stages for one story; build.c drives a
 * whole build and a preview, redoing only what cache.c finds changed.  diag.c reports every problem; util.c holds
 * allocation and UTF-8 helpers; main.c is the command line; serve.c
 * rebuilds on every save and serves the site to a browser; import.c
 * turns plain-text pages of the old paper into an issue folder.
 */
#ifndef PRESS_H
#define PRESS_H

#include <stddef.h>
#include <stdint.h>

#include <libintl.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <libxml/tree.h>
#include <yaml.h>

#define PRESS_VERSION "0.1.0"

/* The node types of cmark-gfm's extensions: exported by
 * libcmark-gfm-extensions, but declared in none of its installed headers. */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW,
    CMARK_NODE_TABLE_CELL, CMARK_NODE_STRIKETHROUGH;

/* How the rules report: not at all, every finding a warning (a build),
 * or each at its rule's level (press check). */
enum proof_mode {
	PROOF_NONE,
	PROOF_WARNINGS,
	PROOF_LEVELS,
	PROOF_MAX
};

/* Messages in the reader's language (po/): _() translates, N_() marks a
 * text in a table for xgettext, translated where it is used. */
#define _(s) gettext(s)
#define N_(s) (s)

/* ---- util.c ---------------------------------------------------------- */

/* Allocation that cannot fail: on out-of-memory these exit(3). */
void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xrealloc(void *, size_t);
char *xstrdup(const char *);
char *xstrndup(const char *, size_t);
char *xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

/* A growable byte buffer; the data is always NUL-terminated. */
struct buf {
	char *data;
	size_t len, cap;
};
void buf_add(struct buf *, const char *, size_t);
void buf_adds(struct buf *, const char *);
void buf_addc(struct buf *, uint32_t); /* one code point as UTF-8 */
void buf_free(struct buf *);

/* Calls fn with each line of the file at path, its line end taken off
 * (fn may change the line); 0 when the file cannot be opened. */
int each_line(const char *path, void (*fn)(char *line, void *arg), void *arg);

/* A map of strings to strings (a hash table): lookups in constant time,
 * for lists that can hold thousands of names. */
struct strmap {
	char **keys, **vals;
	size_t cap, n;
};
/* The value of key, or NULL. */
const char *strmap_get(const struct strmap *, const char *key);
/* Adds key with a copy of val unless key is there; returns the value it
 * already had, or NULL when it was added. */
const char *strmap_put(struct strmap *, const char *key, const char *val);
void strmap_free(struct strmap *);

/*
 * Decodes the UTF-8 sequence at s (n bytes available) into *cp and
 * returns its length; the text is known to be valid UTF-8.  Returns 0 at
 * the end (n == 0).
 */
size_t u8_next(const char *s, size_t n, uint32_t *cp);
/* Decodes the code point that ends just before s + n; returns its length. */
size_t u8_prev(const char *s, size_t n, uint32_t *cp);
/* The offset of the first byte of s that does not begin valid UTF-8
 * (overlongs, surrogates, values past U+10FFFF refused), or len. */
size_t u8_check(const char *s, size_t len);
/* The number of code points in the first n bytes of s. */
size_t u8_count(const char *s, size_t n);

int u_is_han(uint32_t);       /* a CJK ideograph or kana */
int u_is_cjk_punct(uint32_t); /* a full-width or CJK punctuation mark */
int u_is_cjk(uint32_t);       /* either of the two */
int u_is_space(uint32_t);     /* Unicode white space */
/* A code point no file press writes may hold: C0 controls but tab and
 * LF, DEL, C1 controls and the non-characters (U+FDD0–U+FDEF, U+xFFFE,
 * U+xFFFF).  XML cannot carry most of them and none belongs in copy. */
int u_is_unwanted(uint32_t);
/* Removes every unwanted code point from the UTF-8 string s (len bytes)
 * in place and returns the new length; *first is the offset of the first
 * one removed (len if none) and *cp that code point. */
size_t u_strip(char *s, size_t len, size_t *first, uint32_t *cp);

/* ---- diag.c ---------------------------------------------------------- */

enum diag_level {
	DIAG_OK,
	DIAG_WARNING,
	DIAG_ERROR,
	DIAG_USAGE,
	DIAG_LEVEL_MAX
};

/* Every message press prints; diag.c holds the text of each. */
enum diag_id {
	/* warnings */
	D_FM_UNKNOWN_KEY,
	D_RAW_HTML,
	D_UNSAFE_LINK,
	D_BYLINE_TWICE,
	D_IMAGE_INLINE,
	D_STORY_UNPLACED,
	D_NO_HOUSE,
	D_SENTINEL,
	D_STRUCK,
	D_NOTE_MISSING,
	D_NOTE_UNUSED,
	D_VERSE_LIKE,
	D_IMPORT,
	D_FIX_LEFT,
	D_FIT_OVER,
	D_BYLINE_DIFFERS,
	D_CONTROL,
	D_SVG_REMOVED,
	D_TEMPLATE_MSG,
	D_PHOTO_DPI,
	D_JUMP_FITS,
	D_AREA_OVERLAP,
	/* errors */
	D_READ,
	D_ENCODING,
	D_EMPTY,
	D_FM_MISSING,
	D_FM_UNTERMINATED,
	D_YAML,
	D_YAML_QUOTE,
	D_YAML_BRACKET,
	D_YAML_TAB,
	D_YAML_COLON,
	D_YAML_INDENT,
	D_FM_NOT_MAP,
	D_FM_DUP_KEY,
	D_FM_MISSPELT,
	D_FM_TYPE,
	D_FM_TITLE,
	D_FM_VALUE,
	D_IMAGE_PATH,
	D_IMAGE_MISSING,
	D_SCHEMA,
	D_ISSUE_KEY,
	D_ISSUE_VALUE,
	D_ISSUE_STORY,
	D_ISSUE_DUP,
	D_PAGE_DUP,
	D_PAGE_PDF,
	D_PAGE_IMAGE,
	D_PAGE_AREA,
	D_SLUG_DUP,
	D_TEMPLATE,
	D_WRITE,
	D_ENCODE,
	D_TOO_DEEP,
	D_SYMLINK,
	D_IMPORT_EXISTS,
	D_MORE,
	D_FIT_OVER_STRICT,
	D_PHOTO,
	D_PATH_TAKEN,
	D_LOCKED,
	D_NOT_GBK,
	D_NOT_GBK_STRICT,
	D_PHOTO_SIZE,
	D_JUMP_PAGE,
	D_JUMP_BACK,
	D_JUMP_TWICE,
	D_ENCODE_PRINT,
	D_NOT_GBK_PRINT,
	D_PAGE_NONAME,
	/* proofreading rules (check.c): the level comes with each */
	D_RULE,
	D_MAX
};

/*
 * Prints "press: PATH:LINE:COL: level: message" on stderr.  LINE and COL
 * count from 1 as an editor shows them (COL in characters); a LINE of 0
 * leaves both out.  Remembers the worst level for diag_status().
 */
void diag(const char *path, int line, int col, enum diag_id, ...);
/* One message, as diag() hands it to a hook. */
struct diag_msg {
	const char *path;
	int line, col; /* 0 when the message is about the whole file */
	enum diag_level level;
	enum diag_id id;
	const char *text;
	const char *rule; /* D_RULE: the rule's id, also at the text's end */
};
typedef void diag_fn(void *arg, const struct diag_msg *);
/* Sends every message to fn instead of stderr; NULL goes back. */
void diag_set_hook(diag_fn *fn, void *arg);
/* "warning", "error" …, in English (JSON). */
const char *diag_level_name(enum diag_level);
/* The line a message is printed as, "press: FILE:LINE:COL: level: text\n",
 * the level in the reader's language.  The caller frees. */
char *diag_line(const struct diag_msg *);
/* Counts a message printed elsewhere (by a worker process) for
 * diag_status() and diag_count(). */
void diag_raise(enum diag_level);
/* Messages of a level printed so far: the totals of a summary. */
unsigned diag_count(enum diag_level);
/* Errors reported so far, shown or not: compare before and after a
 * stage. */
unsigned diag_errors(void);
/* Remembers the first error reported after diag_mark(), to name the
 * reason a story is left out; NULL when there was none. */
struct diag_first {
	char *path;
	int line; /* 0: about the whole file */
	int col;
	char *text;
};
void diag_mark(void);
const struct diag_first *diag_first_error(void);
/* The exit status the worst level asks for: 0, 1 or 2. */
int diag_status(void);
/* Prints "press: message" for problems that belong to no file. */
void diag_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A proofreading rule's message, as diag() prints one, at the level the
 * caller gives and with " [rule]" after it (check.c). */
void diag_rule(const char *path, int line, int col, enum diag_level,
               const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* ---- src.c: read ----------------------------------------------------- */

/* A source file decoded to UTF-8 with LF line ends. */
struct src {
	char *path;           /* as given, for messages */
	char *text;           /* UTF-8, NUL-terminated, no BOM, LF only */
	size_t len;
	const char *encoding; /* as read: UTF-8, UTF-16LE, UTF-16BE, GB18030 */
	int bom;              /* the file began with a byte order mark */
	const char *eol;      /* its first line end: "\n", "\r\n" or "\r" */
};

/* Reads and decodes path.  Returns NULL after reporting on failure. */
struct src *src_read(const char *path);
/* Wraps text already in memory (tests, fuzzing); copies it. */
struct src *src_from_bytes(const char *path, const char *bytes, size_t len);
void src_free(struct src *);

/* ---- fm.c: front matter ---------------------------------------------- */

/*
 * Loads the YAML in text (len bytes) into doc; line_offset is the file
 * line of the text's first line minus one, so messages point into the
 * reporter's file.  Returns 1 on success, 0 after reporting a syntax
 * error (doc is then empty but must still be deleted).
 */
int fm_load(const char *path, const char *text, size_t len, int line_offset,
            yaml_document_t *doc);
/* The value of key in a mapping node, or NULL; *keynode gets the key. */
yaml_node_t *fm_get(yaml_document_t *, yaml_node_t *map, const char *key,
                    yaml_node_t **keynode);
/* A scalar's text, or NULL when node is not a scalar. */
const char *fm_scalar(yaml_node_t *);
/* The one key of known (NULL-terminated) that key is a slip of, or NULL
 * when none or more than one is that near. */
const char *fm_near(const char *key, const char *const *known);
/* Reports k, a key not in known: an error that names the key meant when
 * it is a slip of one (copy would be lost), else a warning.  Returns 1
 * after an error. */
int fm_unknown(const char *path, yaml_node_t *k, int line_offset,
                const char *const *known);
/* Line and column (from 1) of a node, for messages. */
int fm_line(const yaml_node_t *, int line_offset);
int fm_col(const yaml_node_t *);

/* ---- the story ------------------------------------------------------- */

enum role {
	ROLE_REPORTER,      /* 记者 */
	ROLE_CORRESPONDENT, /* 通讯员 */
	ROLE_INTERN,        /* 实习生 */
	ROLE_PHOTOGRAPHER,  /* 摄影 */
	ROLE_AUTHOR,        /* 作者 */
	ROLE_MAX
};
extern const char *const role_names[ROLE_MAX]; /* "reporter" … */

/*
 * The byline roles' labels, one table for every stage (validate, story
 * XML, the word count, proofreading): made from templates/words.xml by
 * tools/roles.xsl (out/gen/roles.c), the file the stylesheets print them
 * from.  role_labels holds each role's printed label, role_table every
 * label a dateline or credit may use (本报记者, 见习记者 …), ending in
 * {NULL, ROLE_MAX}.
 */
struct role_label {
	const char *label;
	enum role role;
};
extern const char *const role_labels[ROLE_MAX]; /* "记者" … */
extern const struct role_label role_table[];
/* The length of the longest label of role_table that s (n bytes) opens
 * with, its role in *role; 0 when none. */
size_t role_at(const char *s, size_t n, enum role *role);

struct contributor {
	enum role role;
	char *name;
	char *label; /* as written, when not role_labels[role]; or NULL */
};

/* A photo of a story, as its file's header says. */
struct photo {
	char *href;        /* as the story names it (the figure's href) */
	int width, height; /* pixels as shown (EXIF orientation applied) */
	int dpi;           /* the resolution the file states, 0 if none */
};

/*
 * One story: its source, the front matter after validation, and the body.
 * story_free() frees everything it points to.
 */
struct story {
	struct src *src;          /* the decoded file */
	int fm_lines;             /* lines up to and including the closing --- */
	int has_fm;               /* doc holds a loaded front matter */
	yaml_document_t fm;       /* the front matter as libyaml loaded it */
	char *pre;                /* the body text as handed to cmark */
	struct body_lines *lines; /* where pre's lines start, for body_pos */
	cmark_node *doc;          /* the body */

	/* Filled by validate: */
	char *title;              /* 主题, required */
	char *kicker;             /* 引题 or NULL */
	char **subtitles;         /* 副题, nsubtitles of them */
	size_t nsubtitles;
	char *genre;              /* 消息, 通讯, 图片新闻 … or NULL */
	char *dateline;           /* 本报讯 … or NULL */
	char *date;               /* YYYY-MM-DD or NULL */
	char *slug;               /* ASCII, never NULL after validate */
	struct contributor *by;   /* the byline, in order */
	size_t nby;
	struct photo *photos;     /* its photos that were found, in order */
	size_t nphotos;
	int ok;                   /* no errors: the story may be built */
	int too_deep;             /* nested past what any stage walks */
};

/* Reads path through front matter, body and validation; st->ok says
 * whether it may be built.  NULL after reporting if it cannot be read. */
struct story *story_load(const char *path);
/* The same from bytes in memory (fuzzing, tests). */
struct story *story_load_bytes(const char *path, const char *, size_t);
/* Front matter and body of UTF-8 text in memory, parsed without a
 * message and not validated (--fix tries its corrections on them); NULL
 * when the front matter is no YAML or the text holds what body.c
 * would report. */
struct story *story_parse_bytes(const char *path, const char *, size_t);
void story_free(struct story *);

/* ---- body.c ---------------------------------------------------------- */

/* Parses the body (text after the front matter) into st->doc and fits it
 * to Chinese copy.  Never fails: cmark accepts every input. */
void body_parse(struct story *st, const char *text, size_t len);
/* The file position of a cmark node, column in characters.  Linear over
 * a story when asked in document order. */
void body_pos(struct story *, cmark_node *, int *line, int *col);
void body_lines_free(struct body_lines *);
/* The contributor parts of a dateline or credit, e.g. "记者 崔欣 通讯员 宋雅欣". */
int body_parse_byline(const char *s, size_t n, struct contributor **out,
                      size_t *nout);

/* Custom block kinds the body passes create (cmark_node_get_on_enter). */
#define BODY_FIGURE "figure"
#define BODY_VERSE "verse"   /* its children are stanzas */
#define BODY_STANZA "stanza" /* its children are paragraphs, one a line */
/* The user data of a paragraph that reads like verse (validate.c warns). */
#define BODY_VERSE_LIKE "verse-like"
#define BODY_DATELINE "dateline"
#define BODY_CREDIT "credit"

/* ---- validate.c ------------------------------------------------------ */

/* Judges the front matter and body and fills the story fields. */
void validate_story(struct story *st);
/* Whether an image path stays inside the story's folder. */
int validate_relpath(const char *);
/* Whether s is a real calendar date written YYYY-MM-DD (NULL: no). */
int validate_date(const char *);
/* Whether file, symbolic links followed, lies inside folder dir. */
int within(const char *file, const char *dir);

/* ---- photo.c ------------------------------------------------------- */

/* The size limit of a photo in MB when paper.yaml gives no photo-limit. */
#define PHOTO_LIMIT_MB 20
/* Sets the limit (paper.yaml's photo-limit, MB; 0 the default). */
void photo_set_limit(long mb);
/* Whether file (named name in the story) is a photo press takes: a
 * regular file within the limit, JPEG, PNG, GIF, WebP or SVG by its first
 * bytes, named as its type is, its header giving its size; an SVG
 * well-formed, without a DTD, and what its copy will lose is reported.
 * Fills ph's size and resolution (ph may be NULL; href is not touched).
 * 0 after reporting. */
int photo_check(const char *file, const char *name, struct photo *ph);
/* Copies a photo to each of the nto paths: a stream for a raster file,
 * the cleaned tree for an SVG.  0 after reporting, naming the file. */
int photo_copy(const char *file, const char *name, const char *const *to,
               size_t nto);
/* Warns at path:line:col (a story's entry in issue.yaml) of each raster
 * photo under the nodes from n on that prints under 150 dpi across the
 * slot sp describes (issue.c's fitting). */
struct spend;
void photo_low_dpi(const char *path, int line, int col, xmlNodePtr n,
                   const struct spend *sp);

/* ---- storyxml.c ------------------------------------------------------ */

/* The story alone as a document, as press.rng's start allows, with its
 * 字数 and its lines estimated for columns of line_chars characters. */
xmlDocPtr storyxml_doc(const struct story *, long line_chars);
/* 字数 of a UTF-8 string: Han, full-width marks, Latin words, numbers. */
unsigned count_chars(const char *s);
struct paper;
/* What a story spends of the page in a slot cols columns wide (0: one
 * column, no slot drawn), in lines of body text (EDITORIAL.md, fitting):
 * the text flows through the columns; the head block and each photo
 * (its aspect ratio at the slot's width) cross all of them. */
struct spend {
	long cols;   /* the slot's columns, 1 when none was drawn */
	long mm;     /* the slot's printed width in millimetres */
	long text;   /* lines of text, dateline run in, captions, credits */
	long head;   /* lines of the head block in each column */
	long photos; /* lines of the photos in each column */
	long total;  /* text + (head + photos) × cols */
};
void storyxml_spend(xmlNodePtr story, const struct paper *, long cols,
                    struct spend *);

/* ---- schema.c -------------------------------------------------------- */

/* Loads templates/press.rng; returns 0 after reporting on failure. */
int schema_load(const char *templates);
/*
 * Validates doc.  Problems are reported against the story each one lies
 * in (its source attribute) or against fallback.  Returns 1 if valid.
 */
int schema_validate(xmlDocPtr doc, const char *dir, const char *fallback);
void schema_free(void);

/* ---- words.c: where a headline may break ---------------------------- */

/* The namespace of press's XSLT extension functions. */
#define PRESS_XSLT_NS "urn:press:xslt"

/*
 * The byte offsets in the UTF-8 string s (len bytes) where a line may
 * break between two words (ICU's dictionary word break): never inside a
 * quoted phrase of up to 10 characters, next to a digit or Latin letter,
 * a space, before a closing mark or after an opening one; none in a
 * text over 1 KB (no headline).  Returns how many; *at is a list the
 * caller frees (NULL when none).
 */
size_t words_breaks(const char *s, size_t len, size_t **at);
/* Registers press:words(string) with libxslt: the string as text with
 * an empty <wbr/> element at each of its breaks. */
void words_register(void);

/* ---- search.c: the index of site/search.html ----------------------- */

/* A term longer than this many bytes is left out of the index. */
#define SEARCH_WORD_MAX 32
typedef void search_fn(const char *term, size_t len, void *arg);
/*
 * Calls each(term, len, arg) for every index term of the UTF-8 text s
 * (len bytes), in order, repeats included: every two Han characters
 * side by side (a bigram), and every run of Latin letters and digits
 * (full-width ones too) as lower-case ASCII, up to SEARCH_WORD_MAX.
 */
void search_terms(const char *s, size_t len, search_fn *each, void *arg);
struct cache;
/*
 * Writes the search index of the issues ids (n of them, newest first)
 * into the folder outputs.yaml's index: names, from each story's text
 * that its entry wrote; unless nothing it is made of changed since the
 * last build and force is 0.  Files go through out_write().
 */
void search_index(struct cache *, const char *out, const char *const *ids,
                  size_t n, int force);

/* ---- render.c ------------------------------------------------------ */

/* What an entry of templates/outputs.yaml runs over. */
enum over {
	OVER_ARCHIVE, /* <archive>, once */
	OVER_LATEST,  /* the newest <issue>, once */
	OVER_ISSUE,   /* an <issue>, once per issue */
	OVER_PAGE,    /* an <issue>, once per page */
	OVER_STORY,   /* an <issue>, once per story */
	OVER_MONTH,   /* <archive>, once per month with an issue */
	OVER_MAX
};

/*
 * Reads templates/outputs.yaml; print files will be written in
 * print_encoding (NULL: UTF-8).  Returns 0 after reporting.
 */
int render_load(const char *templates, const char *print_encoding);
/* Renders every output over `over` into out; 0 if one failed. */
int render_over(enum over, xmlDocPtr, const char *out, const char *issue,
                const char *page, const char *slug);
/* Renders every output over months into out, for month (2024-06):
 * render_over() with {month} filled in and the param month; 0 if one
 * failed. */
int render_month(xmlDocPtr, const char *out, const char *month);
/* The paths under out that render_over() writes, with the files copied
 * for OVER_ARCHIVE: a NULL-terminated list the caller frees, each path
 * and the list. */
char **render_paths(enum over, const char *issue, const char *page,
                    const char *slug);
/* The folder under out that the entry of outputs.yaml with index:
 * names (site/search), or NULL when there is none; *dirty says whether
 * that entry's files changed since the last build. */
const char *render_index(int *dirty);
/* The path under out that entry writes for a story.  The caller frees. */
char *render_index_path(const char *issue, const char *page,
                        const char *slug);
/* The same for the month outputs of month (2024-06). */
char **render_paths_month(const char *month);
/* Whether render_over() would render an output over `over` (one is
 * listed and render_filter lets it through). */
int render_wants(enum over);
/* Renders the preview outputs of a <story> document into dir; returns
 * the first file's path (the caller frees it) or NULL. */
char *render_preview(xmlDocPtr, const char *dir, const char *slug);
struct cache;
/* Which outputs were made from files that changed since the build of
 * OUT (every one the first time); returns how many.  With
 * render_filter(1) only those are rendered. */
int render_dirty(struct cache *, const char *out);
void render_filter(int on);
/* Until called again with (NULL, 0): the print files in the print
 * encoding (under print/, all but those of encoding: UTF-8) render doc
 * instead of the one render_over() is given (the issue without the
 * stories withheld from print), or with skip are not rendered. */
void render_print(xmlDocPtr doc, int skip);
/*
 * Until called again with slug NULL: every story and continuation of doc
 * but slug's has its <body> set aside, so that the sheets over a story
 * read an issue of heads and that story, not every story of the issue.
 */
void render_aside(xmlDocPtr doc, const char *slug);
/* Writes what each output was made from, as far as this process saw, to
 * file (a worker's OUT/.press/deps.<pid>); returns 0 after reporting. */
int render_deps_save(const char *file);
/* After a build: gathers the workers' lists and records each output's
 * files and their contents for the next build.  all: every issue was
 * built, so dirty outputs are now made. */
void render_commit(struct cache *, const char *out, int all);
/* Copies the files outputs.yaml lists; site_only puts site/x at dir/x. */
void render_copies(const char *out, int site_only);
void render_free(void);

/* ---- out.c: write ---------------------------------------------------- */

/* Writes len bytes to path through a temporary file and rename(2),
 * creating folders.  Returns 0 after reporting on failure. */
int out_write(const char *path, const void *data, size_t len);
/*
 * Writes UTF-8 data converted to encoding; an XML declaration's encoding
 * is changed to match.  A character the encoding cannot hold is written
 * as an XML character reference when blame is NULL (data is XML), else it
 * is an error at blame (the stylesheet that wrote it).  0 after
 * reporting.
 */
int out_write_encoded(const char *path, const char *data, size_t len,
                      const char *encoding, const char *blame);
/* Serializes an XML document (no pretty printing) and writes it in
 * encoding (NULL: UTF-8). */
int out_write_xml(const char *path, xmlDocPtr, const char *encoding);
/*
 * Whether UTF-8 data can be converted to encoding, strictly; if not,
 * *bad is the offset of the first character that cannot.  Returns -1
 * when iconv does not know the encoding.
 */
int out_encodable(const char *data, size_t len, const char *encoding,
                  size_t *bad);
/*
 * Calls each(at, arg) for every character of UTF-8 data that encoding
 * cannot hold (at: its byte offset), in order, in one pass.  Returns how
 * many, or -1 when iconv does not know the encoding.
 */
long out_unencodable(const char *data, size_t len, const char *encoding,
                     void (*each)(size_t at, void *arg), void *arg);
/*
 * Whether doc can be written in the print encoding opts names (issue.c
 * asks of each story and of the issue).  If not, reports the first
 * character that cannot, at its place in the file it came from (path).
 * In GB18030, or with --gbk-safe, each character outside GBK is a
 * warning there (an error with --gbk-safe), once: a story's (story 1) go
 * into known, and the issue's own (story 0) are those not in known.
 */
struct build_opts;
int out_doc_encodable(const struct build_opts *, xmlDocPtr doc,
                      const char *path, struct strmap *known, int story);
/* Copies a file the same way, in a stream. */
int out_copy(const char *from, const char *to);
/* Copies what fd reads (from its start) to `to`; a file that turns out
 * larger than max bytes (0: no limit) is an error about from. */
int out_copy_fd(int fd, const char *from, const char *to, long long max);
/* Adds the path of every file written (or found the same) to b, a line
 * each, relative to the output folder out (so that a copy of the folder
 * names its own files), until out_record(NULL, NULL). */
void out_record(struct buf *b, const char *out);
/* mkdir -p; returns 0 after reporting on failure. */
int out_mkdirs(const char *dir);

/* ---- issue.c --------------------------------------------------------- */

/* What issue_load says of a story longer than its space. */
enum fit_mode {
	FIT_NONE,     /* nothing (a build) */
	FIT_WARNINGS, /* a warning at its entry (press check) */
	FIT_ERRORS,   /* an error there (press check --strict) */
	FIT_MAX
};

struct build_opts {
	const char *articles;       /* the articles folder */
	const char *templates;      /* the templates folder */
	const char *out;            /* the output folder */
	const char *print_encoding; /* for out/print, NULL: UTF-8 */
	unsigned jobs;              /* worker processes; 0 or 1: none */
	enum proof_mode proof;      /* how issue_load proofreads its stories */
	enum fit_mode fitting;      /* stories over their space: a message? */
	int gbk_safe;               /* a character outside GBK is an error */
};

/* A broadsheet: 8 columns of 13 characters (EDITORIAL.md), 115 lines
 * a column; the national quality check passes a paper at 3 errors per
 * 10,000 characters at most.  paper.yaml may say otherwise. */
#define PAPER_COLUMNS 8
#define PAPER_LINE_CHARS 13
#define PAPER_COL_LINES 115
#define PAPER_PASS_MARK 3
/* The type area (版心) of a 对开 broadsheet, 350 × 490 mm: 8 columns of
 * 13 characters and 7 gutters of one are 111 characters of 3.15 mm
 * (about 9 pt, 小五号), a column 41 mm; 115 lines of 4.26 mm.  A 4开
 * tabloid (6 columns of 11) is about 240 × 340 mm. */
#define PAPER_WIDTH_MM 350
#define PAPER_HEIGHT_MM 490

/* The paper: articles/paper.yaml. */
struct paper {
	char *name;      /* 报名, required */
	char *publisher; /* 主办 */
	char *cn;        /* 国内统一连续出版物号, CN 11-0000 */
	char *url;       /* the web edition's address */
	char *copyright; /* the copyright holder (版权所有) */
	char *rights;    /* the terms of reuse (未经授权不得转载) */
	long columns;    /* 栏 on a page, 8 on a broadsheet */
	long line_chars; /* characters in a column's line, 13 */
	long col_lines;  /* lines in a column */
	long pass_mark;  /* errors per 10,000 字 a page may have */
	long photo_mb;   /* photo-limit: a photo's largest size in MB, 0 default */
	long width_mm;   /* the type area (版心): width in millimetres */
	long height_mm;  /* and height */
	long column_mm;  /* a column's width in millimetres */
};
/* The gutter between two columns in millimetres: what the type area's
 * width leaves beside the columns. */
double paper_gutter(const struct paper *);

/* Reads articles/paper.yaml; 0 after reporting.  paper_free() always. */
int paper_load(struct paper *, const char *articles);
/* The paper without a paper.yaml: the defaults above. */
void paper_defaults(struct paper *);
void paper_free(struct paper *);
/*
 * Loads the issue in folder dir: its stories through the story pipeline,
 * placed on its pages.  Returns the <issue> document, checked against
 * the schema, or NULL after reporting when nothing of it can be built.
 */
xmlDocPtr issue_load(const struct build_opts *, const struct paper *,
                     const char *dir);
/* The issue as its print files have it: each story the print encoding
 * cannot hold (withheld) a <left-out> in its place.  NULL when there is
 * none; else the caller frees it. */
xmlDocPtr issue_print(xmlDocPtr);
/* The issue folders (those with an issue.yaml) under articles, newest
 * (largest name) first; *n of them.  The caller frees each and the list. */
char **issue_dirs(const char *articles, size_t *n);

/* ---- jump.c: a story continued on a later page (转版) ---------------- */

/*
 * The blocks of story's body that fit a slot of cols × lines with the
 * 下转 line: never fewer than one, never a subhead last; -1 when the
 * whole story fits (no jump is needed).
 */
long jump_split(xmlNodePtr story, const struct paper *, long cols, long lines);
/* Marks story as continued on page to after its first after blocks: a
 * <jump> after its body, with the 下转第NN版 line. */
void jump_mark(xmlNodePtr story, long to, long after);
/* The <continuation> (in doc, not linked) of a story jump_mark marked,
 * on page from: the headline again, the 上接第NN版 line and a copy of
 * the blocks after the jump. */
xmlNodePtr jump_continuation(xmlDocPtr doc, xmlNodePtr story, long from,
                             const char *slot);
/* What a part spends of its page (storyxml_spend): a story, or the
 * part before its jump with the 下转 line, or a continuation with the
 * 上接 line. */
void jump_spend(xmlNodePtr part, const struct paper *, long cols,
                struct spend *);

/* ---- lunar.c: 农历 from the observatories' table, 1901–2100 --------- */

struct lunar {
	int year;  /* the Gregorian year in which the lunar year begins */
	int month; /* 1–12 */
	int leap;  /* 1 in a leap month (闰月) */
	int day;   /* 1–30 */
};

/* The lunar date of y-m-d; 0 outside 1901–2100 or for no such date. */
int lunar_date(int y, int m, int d, struct lunar *);
/* "甲辰年五月初六" for "2024-06-11"; NULL outside 1901–2100 or for a
 * malformed date.  The caller frees. */
char *lunar_name(const char *date);

/* ---- import.c ------------------------------------------------------- */

/* press import: plain-text pages → an issue folder; argv[0] is
 * "import".  Returns the exit status. */
int cmd_import(int argc, char **argv);

/* ---- proof/: the proofreading rules ---------------------------------- */

/* Loads the house configuration, articles/house.yaml: the miswritten
 * words and the rules switched off or given another level.  No file
 * means the defaults; a bad entry is reported and skipped. */
void proof_load(const char *articles);
/* Runs the rules over a loaded story and reports what they find;
 * issue_date is the date of the issue it is in, or NULL. */
void proof_story(const struct story *, const char *issue_date,
                 enum proof_mode);
/* The same over a page's name and banner in issue.yaml (path, its text
 * and its YAML document); their messages are tallied under page no. */
void proof_page(const char *path, const char *text, size_t len,
                yaml_document_t *, yaml_node_t *page, long no,
                enum proof_mode);
/* Rule messages given so far about path (page: 0, or a page of an
 * issue.yaml): in body copy and in heads, which the quality check counts
 * twice. */
void proof_tally(const char *path, long page, unsigned *body, unsigned *head);
/* Rule messages given so far at a level. */
unsigned proof_count(enum diag_level);
/* Forgets the tallies and the house configuration. */
void proof_reset(void);
/*
 * --fix: the story's text (UTF-8, LF) with every mechanical correction
 * that keeps the story's shape, pass after pass, and how many findings
 * they correct (*n); NULL when there is nothing to correct.  Touches no
 * file.  The caller frees.
 */
char *proof_fix(const struct story *, unsigned *n);
/* The body rules over one line of plain text (unit tests): one line
 * "COL rule-id" per finding.  The caller frees. */
char *proof_text(const char *text);

/* ---- check.c --------------------------------------------------------- */

/* press check: argv[0] is "check".  Returns the exit status. */
int cmd_check(int argc, char **argv);

/* ---- cache.c: what the last build saw -------------------------------- */

struct cache;

/* A 64-bit FNV-1a hash of data, going on from h. */
uint64_t hash_bytes(const void *data, size_t len, uint64_t h);
/* Reads OUT/.press/cache; an absent or foreign one is empty.  Never NULL. */
struct cache *cache_load(const char *out);
/* The hash of a file's content (0 if it is missing), read again only when
 * its size, time or inode changed. */
uint64_t cache_file(struct cache *, const char *path);
/* The hash of a folder's names and contents, all the way down, on h;
 * what it saw of the files is kept beside the cache, under the folder's
 * name (OUT/.press/trees/<name>), not in it. */
uint64_t cache_tree(struct cache *, const char *dir, uint64_t h);
/* A recorded value, 0 if none; cache_set records one for the next build,
 * cache_keep keeps the old one. */
uint64_t cache_get(struct cache *, const char *key);
void cache_set(struct cache *, const char *key, uint64_t);
void cache_keep(struct cache *, const char *key);
/* The files a build wrote, listed a path a line in the file list: what
 * they hold is recorded (cache_made) beside the cache, under the list's
 * name (OUT/.press/made/<name>); cache_intact says whether each is
 * still there as it was written, 0 too when there is no list. */
void cache_made(struct cache *, const char *list);
int cache_intact(struct cache *, const char *list);
/* Writes the cache; prune drops what this build did not look at. */
int cache_save(struct cache *, int prune);
void cache_free(struct cache *);

/* ---- archive.c: what is written over every issue -------------------- */

/* Keeps the issue's heads (doc without the story bodies and their
 * counts) in OUT/.press/heads/<id>.xml for the archive. */
void archive_heads(const struct build_opts *, xmlDocPtr doc, const char *id);
/* Renders the archive's outputs over the n issues ids (newest first)
 * from their heads, a month at a time: the months whose issues' heads
 * changed, came or went, or all of them when look (a template changed,
 * or a file of the archive is not as written).  The newest issue's
 * outputs (over: latest) when newest (it was built, or the issues are
 * others) or look says so. */
void archive_render(const struct build_opts *, const struct paper *,
                    const char *const *ids, size_t n, int newest,
                    struct cache *, int look);
/* Unpublishes the issues with a list of files written but not among
 * ids: their files, folders, heads and list go. */
void archive_withdraw(const struct build_opts *, const char *const *ids,
                      size_t n);

/* ---- build.c --------------------------------------------------------- */

/* Builds every issue under opts->articles, or those in paths. */
void build_all(const struct build_opts *, char **paths, int npaths);
/* Builds one story alone into dir and prints its HTML's path; 0 after
 * reporting. */
int build_preview(const struct build_opts *, const char *path,
                  const char *dir);

/* ---- project.c ------------------------------------------------------ */

/*
 * Finds the project of a command line (argv[0] the command, opts its
 * getopt letters, longs its long options that take a value): the first
 * folder holding articles/paper.yaml up from the first file or folder
 * named, or from the current folder; none when -a names the articles.
 * Changes into it and returns the
 * arguments with their paths (operands, -a, -t, -o) as seen from there,
 * *nargc of them, with -t naming press's own templates when the project
 * has none.  The caller frees each and the array.  NULL when the current
 * folder cannot be told.
 */
char **project_enter(int argc, char **argv, const char *opts,
                     const char *const *longs, int *nargc);
/* A folder of press's own data, "templates" or "locale": the build
 * tree's when press runs from it, else under PRESS_DATADIR.  The caller
 * frees. */
char *project_data(const char *what);
/* From now on messages and printed paths name files as the user did,
 * from the folder press was started in (press preview), not from the
 * project's top (press check and build print the same from anywhere). */
void project_speak_as_named(void);
/* path (from the project's top) as the user named it, or from where
 * press was started; path itself until project_speak_as_named().  The
 * caller frees. */
char *project_as_named(const char *path);

/* ---- serve.c --------------------------------------------------------- */

/* press serve: builds into a private folder, serves it on HTTP and
 * rebuilds on every save; argv[0] is "serve".  Returns the exit status. */
int cmd_serve(int argc, char **argv);

#endif
