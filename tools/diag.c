/*
 * The one diagnostics function.  Every stage reports through diag() with
 * a message id; the table below gives each id its level and its text, so
 * the whole vocabulary of press's complaints is in one place.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "press.h"

static const char *const level_names[DIAG_LEVEL_MAX] = {
	"ok",      /* DIAG_OK */
	"warning", /* DIAG_WARNING */
	"error",   /* DIAG_ERROR */
	"error",   /* DIAG_USAGE */
};

static const struct {
	enum diag_level level;
	const char *fmt;
} msgs[D_MAX] = {
	{DIAG_WARNING, "unknown key '%s'"},                        /* D_FM_UNKNOWN_KEY */
	{DIAG_WARNING, "raw HTML dropped: %s"},                    /* D_RAW_HTML */
	{DIAG_WARNING, "unsafe link removed: %s"},                 /* D_UNSAFE_LINK */
	{DIAG_WARNING, "image not found: %s"},                     /* D_IMAGE_MISSING */
	{DIAG_WARNING, "byline given in the front matter and in the first paragraph; the paragraph's is used"}, /* D_BYLINE_TWICE */
	{DIAG_WARNING, "image inside a paragraph: only its caption is kept; put the image on a line of its own"}, /* D_IMAGE_INLINE */
	{DIAG_WARNING, "story is on no page of issue.yaml; not built"}, /* D_STORY_UNPLACED */
	{DIAG_WARNING, "character U+2E2E removed: press reserves it"}, /* D_SENTINEL */
	{DIAG_WARNING, "struck text dropped from every output: ~~%s~~ (delete it, or remove the ~~ to keep it)"}, /* D_STRUCK */
	{DIAG_WARNING, "footnote marker [^%s] has no note: printed as written"}, /* D_NOTE_MISSING */
	{DIAG_WARNING, "footnote [^%s] is referenced nowhere: dropped"}, /* D_NOTE_UNUSED */
	{DIAG_WARNING, "%zu short lines will run together; if this is verse, keep its lines with 'genre: 诗歌' or a ```verse block"}, /* D_VERSE_LIKE */
	{DIAG_WARNING, "%s"},                                      /* D_IMPORT */
	{DIAG_WARNING, "not fixed: %s"},                           /* D_FIX_LEFT */
	{DIAG_WARNING, "超出版面 %ld 行（约 %ld 字）: %s"},         /* D_FIT_OVER */
	{DIAG_WARNING, "the dateline names other people than the front matter: %s"}, /* D_BYLINE_DIFFERS */
	{DIAG_WARNING, "character U+%04X removed: a control character or non-character cannot be printed"}, /* D_CONTROL */
	{DIAG_WARNING, "SVG: %s removed: it could run or fetch something"}, /* D_SVG_REMOVED */
	{DIAG_ERROR, "%s"},                                        /* D_READ */
	{DIAG_ERROR, "%s"},                                        /* D_ENCODING */
	{DIAG_ERROR, "empty file"},                                /* D_EMPTY */
	{DIAG_ERROR, "no front matter: a story starts with a '---' line, its header, and another '---' line"}, /* D_FM_MISSING */
	{DIAG_ERROR, "front matter not closed: no '---' line after the header"}, /* D_FM_UNTERMINATED */
	{DIAG_ERROR, "YAML: %s"},                                  /* D_YAML */
	{DIAG_ERROR, "front matter must be 'key: value' lines"},   /* D_FM_NOT_MAP */
	{DIAG_ERROR, "key '%s' given twice (first on line %d): which one is meant?"}, /* D_FM_DUP_KEY */
	{DIAG_ERROR, "unknown key '%s': did you mean '%s'?"},      /* D_FM_MISSPELT */
	{DIAG_ERROR, "'%s' must be %s"},                           /* D_FM_TYPE */
	{DIAG_ERROR, "missing required key 'title'"},              /* D_FM_TITLE */
	{DIAG_ERROR, "'%s': %s"},                                  /* D_FM_VALUE */
	{DIAG_ERROR, "image path leaves the story's folder: %s"},  /* D_IMAGE_PATH */
	{DIAG_ERROR, "print XML does not match the schema: %s"},   /* D_SCHEMA */
	{DIAG_ERROR, "'%s' must be %s"},                           /* D_ISSUE_KEY */
	{DIAG_ERROR, "%s"},                                        /* D_ISSUE_VALUE */
	{DIAG_ERROR, "no such story: %s"},                         /* D_ISSUE_STORY */
	{DIAG_ERROR, "story placed twice: %s (first on line %d)"}, /* D_ISSUE_DUP */
	{DIAG_ERROR, "page %ld given twice (first on line %d)"},   /* D_PAGE_DUP */
	{DIAG_ERROR, "slug '%s' is used by another story of this issue: %s"}, /* D_SLUG_DUP */
	{DIAG_ERROR, "template: %s"},                              /* D_TEMPLATE */
	{DIAG_ERROR, "cannot write: %s"},                          /* D_WRITE */
	{DIAG_ERROR, "U+%04X '%s' cannot be written in %s"},       /* D_ENCODE */
	{DIAG_ERROR, "nested more than %d levels deep (quotes, lists or emphasis)"}, /* D_TOO_DEEP */
	{DIAG_ERROR, "'%s' leads outside %s"},                     /* D_SYMLINK */
	{DIAG_ERROR, "the folder exists and is not empty: import writes only into a new or empty folder"}, /* D_IMPORT_EXISTS */
	{DIAG_WARNING, "%s"},                                      /* D_MORE */
	{DIAG_ERROR, "超出版面 %ld 行（约 %ld 字）: %s"},           /* D_FIT_OVER_STRICT */
	{DIAG_ERROR, "photo: %s"},                                 /* D_PHOTO */
	{DIAG_ERROR, "%s is written by both %s and %s"},           /* D_PATH_TAKEN */
	{DIAG_ERROR, "another press build is writing into %s; nothing was written: build again when it has finished"}, /* D_LOCKED */
	{DIAG_WARNING, "%s"},         /* D_RULE: diag_rule() gives the level */
};

#define MAX_PER_FILE 200

static enum diag_level worst = DIAG_OK;
static char *last_path;   /* the file of the last message */
static unsigned in_a_row; /* messages in a row about it */
static int error_shown;   /* an error about it was printed */
static unsigned nerrors;  /* every error, shown or not */
static unsigned shown[DIAG_LEVEL_MAX]; /* messages printed, by level */
static diag_fn *hook;
static void *hook_arg;

void
diag_set_hook(diag_fn *fn, void *arg)
{
	hook = fn;
	hook_arg = arg;
}

const char *
diag_level_name(enum diag_level level)
{
	return level_names[level];
}

/*
 * Counts a message, then hands it to the hook or prints it.  The exit
 * status and the totals come from what was printed, so they always agree
 * with what the reader sees.
 */
static void
emit(const char *path, int line, int col, enum diag_level level,
     enum diag_id id, const char *rule, const char *text)
{
	struct diag_msg m;

	m.path = path;
	m.line = line;
	m.col = line > 0 ? (col > 0 ? col : 1) : 0;
	m.level = level;
	m.id = id;
	m.text = text;
	m.rule = rule;
	if (m.level >= DIAG_ERROR)
		nerrors++;
	/* A hostile file can hold a million problems: after MAX_PER_FILE
	 * messages in a row about one file, one last line says so and the
	 * rest are not shown, but for the file's first error: an input
	 * with errors is always shown to have one. */
	if (last_path != NULL && strcmp(path, last_path) == 0) {
		if (++in_a_row > MAX_PER_FILE &&
		    (m.level < DIAG_ERROR || error_shown))
			return;
		if (in_a_row == MAX_PER_FILE) {
			m.line = m.col = 0;
			m.level = DIAG_WARNING;
			m.id = D_MORE;
			m.rule = NULL;
			m.text = "more messages about this file are not shown";
		}
	} else {
		free(last_path);
		last_path = xstrdup(path);
		in_a_row = 1;
		error_shown = 0;
	}
	if (m.level >= DIAG_ERROR)
		error_shown = 1;
	diag_raise(m.level);
	if (hook != NULL) {
		hook(hook_arg, &m);
		return;
	}
	if (m.line > 0)
		fprintf(stderr, "press: %s:%d:%d: %s: %s\n", path, m.line, m.col,
		        diag_level_name(m.level), m.text);
	else
		fprintf(stderr, "press: %s: %s: %s\n", path,
		        diag_level_name(m.level), m.text);
}

void
diag(const char *path, int line, int col, enum diag_id id, ...)
{
	va_list ap;
	char text[2048];

	va_start(ap, id);
	vsnprintf(text, sizeof(text), msgs[id].fmt, ap);
	va_end(ap);
	emit(path, line, col, msgs[id].level, id, NULL, text);
}

void
diag_rule(const char *path, int line, int col, enum diag_level level,
          const char *rule, const char *fmt, ...)
{
	va_list ap;
	char text[2048];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(text))
		n = (int)strlen(text);
	snprintf(text + n, sizeof(text) - (size_t)n, " [%s]", rule);
	emit(path, line, col, level, D_RULE, rule, text);
}

void
diag_usage(const char *fmt, ...)
{
	va_list ap;

	worst = DIAG_USAGE;
	fputs("press: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
diag_raise(enum diag_level level)
{
	if (level > worst)
		worst = level;
	shown[level]++;
}

unsigned
diag_count(enum diag_level level)
{
	return shown[level];
}

unsigned
diag_errors(void)
{
	return nerrors;
}

int
diag_status(void)
{
	return worst == DIAG_USAGE ? 2 : worst == DIAG_ERROR ? 1 : 0;
}
