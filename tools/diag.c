/*
 * The one diagnostics function.  Every stage reports through diag() with
 * a message id; the table below gives each id its level and its text, so
 * the whole vocabulary of press's complaints is in one place.  The texts
 * are English message ids, translated here through gettext into the
 * reader's language (po/).
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
	{DIAG_WARNING, N_("unknown key '%s'")},                        /* D_FM_UNKNOWN_KEY */
	{DIAG_WARNING, N_("raw HTML dropped: %s")},                    /* D_RAW_HTML */
	{DIAG_WARNING, N_("unsafe link removed: %s")},                 /* D_UNSAFE_LINK */
	{DIAG_WARNING, N_("byline given in the front matter and in the first paragraph; the paragraph's is used")}, /* D_BYLINE_TWICE */
	{DIAG_WARNING, N_("image inside a paragraph: only its caption is kept; put the image on a line of its own")}, /* D_IMAGE_INLINE */
	{DIAG_WARNING, N_("story is on no page of issue.yaml; not built")}, /* D_STORY_UNPLACED */
	{DIAG_WARNING, N_("no house list: the miswritten words are not looked for")}, /* D_NO_HOUSE */
	{DIAG_WARNING, N_("character U+2E2E removed: press reserves it")}, /* D_SENTINEL */
	{DIAG_WARNING, N_("struck text dropped from every output: ~~%s~~ (delete it, or remove the ~~ to keep it)")}, /* D_STRUCK */
	{DIAG_WARNING, N_("footnote marker [^%s] has no note: printed as written")}, /* D_NOTE_MISSING */
	{DIAG_WARNING, N_("footnote [^%s] is referenced nowhere: dropped")}, /* D_NOTE_UNUSED */
	{DIAG_WARNING, N_("%zu short lines will run together; if this is verse, keep its lines with 'genre: 诗歌' or a ```verse block")}, /* D_VERSE_LIKE */
	{DIAG_WARNING, "%s"},                                      /* D_IMPORT */
	{DIAG_WARNING, N_("not fixed: %s")},                           /* D_FIX_LEFT */
	{DIAG_WARNING, N_("over its space by %ld lines (about %ld 字): %s")},         /* D_FIT_OVER */
	{DIAG_WARNING, N_("the front matter and the dateline name different people: %s")}, /* D_BYLINE_DIFFERS */
	{DIAG_WARNING, N_("character U+%04X removed: a control character or non-character cannot be printed")}, /* D_CONTROL */
	{DIAG_WARNING, N_("SVG: %s removed: it could run or fetch something")}, /* D_SVG_REMOVED */
	{DIAG_WARNING, N_("template: xsl:message rendering %s: %s")},  /* D_TEMPLATE_MSG */
	{DIAG_WARNING, N_("photo %s: %d × %d px prints at %ld dpi across %s (%ld mm wide); print wants about 150 dpi")}, /* D_PHOTO_DPI */
	{DIAG_WARNING, N_("%s fits its space on page %ld: the jump to page %ld is not needed and not made")}, /* D_JUMP_FITS */
	{DIAG_WARNING, N_("the area of %s overlaps that of %s (line %d): a reader's click on the page picture cannot tell them apart")}, /* D_AREA_OVERLAP */
	{DIAG_ERROR, "%s"},                                        /* D_READ */
	{DIAG_ERROR, "%s"},                                        /* D_ENCODING */
	{DIAG_ERROR, N_("empty file")},                                /* D_EMPTY */
	{DIAG_ERROR, N_("no front matter: a story starts with a '---' line, its header, and another '---' line")}, /* D_FM_MISSING */
	{DIAG_ERROR, N_("front matter not closed: no '---' line after the header")}, /* D_FM_UNTERMINATED */
	{DIAG_ERROR, N_("YAML: %s")},                                  /* D_YAML */
	{DIAG_ERROR, N_("quote not closed: the %s that opens here has no closing quote")}, /* D_YAML_QUOTE */
	{DIAG_ERROR, N_("bracket not closed: the %s that opens here has no closing bracket")}, /* D_YAML_BRACKET */
	{DIAG_ERROR, N_("a tab indents this line: indent with spaces")}, /* D_YAML_TAB */
	{DIAG_ERROR, N_("no space after the colon: write '%s: ' and the value")}, /* D_YAML_COLON */
	{DIAG_ERROR, N_("indentation does not match the lines above")}, /* D_YAML_INDENT */
	{DIAG_ERROR, N_("front matter must be 'key: value' lines")},   /* D_FM_NOT_MAP */
	{DIAG_ERROR, N_("key '%s' given twice (first on line %d): which one is meant?")}, /* D_FM_DUP_KEY */
	{DIAG_ERROR, N_("unknown key '%s': did you mean '%s'?")},      /* D_FM_MISSPELT */
	{DIAG_ERROR, N_("'%s' must be %s")},                           /* D_FM_TYPE */
	{DIAG_ERROR, N_("missing required key 'title'")},              /* D_FM_TITLE */
	{DIAG_ERROR, N_("'%s': %s")},                                  /* D_FM_VALUE */
	{DIAG_ERROR, N_("image path leaves the story's folder: %s")},  /* D_IMAGE_PATH */
	{DIAG_ERROR, N_("image not found: %s; the story is held back")}, /* D_IMAGE_MISSING */
	{DIAG_ERROR, N_("print XML does not match the schema: %s")},   /* D_SCHEMA */
	{DIAG_ERROR, N_("'%s' must be %s")},                           /* D_ISSUE_KEY */
	{DIAG_ERROR, "%s"},                                        /* D_ISSUE_VALUE */
	{DIAG_ERROR, N_("no such story: %s")},                         /* D_ISSUE_STORY */
	{DIAG_ERROR, N_("story placed twice: %s (first on line %d)")}, /* D_ISSUE_DUP */
	{DIAG_ERROR, N_("page %ld given twice (first on line %d)")},   /* D_PAGE_DUP */
	{DIAG_ERROR, N_("no PDF %s in the issue's folder")},            /* D_PAGE_PDF */
	{DIAG_ERROR, N_("no picture %s of the page in the issue's folder")}, /* D_PAGE_IMAGE */
	{DIAG_ERROR, N_("area: %s")},                                  /* D_PAGE_AREA */
	{DIAG_ERROR, N_("slug '%s' is used by another story of this issue: %s")}, /* D_SLUG_DUP */
	{DIAG_ERROR, N_("template: %s")},                              /* D_TEMPLATE */
	{DIAG_ERROR, N_("cannot write: %s")},                          /* D_WRITE */
	{DIAG_ERROR, N_("U+%04X '%s' cannot be written in %s")},       /* D_ENCODE */
	{DIAG_ERROR, N_("nested more than %d levels deep (quotes, lists or emphasis)")}, /* D_TOO_DEEP */
	{DIAG_ERROR, N_("'%s' leads outside %s")},                     /* D_SYMLINK */
	{DIAG_ERROR, N_("the folder exists and is not empty: import writes only into a new or empty folder")}, /* D_IMPORT_EXISTS */
	{DIAG_WARNING, "%s"},                                      /* D_MORE */
	{DIAG_ERROR, N_("over its space by %ld lines (about %ld 字): %s")},           /* D_FIT_OVER_STRICT */
	{DIAG_ERROR, N_("photo: %s")},                                 /* D_PHOTO */
	{DIAG_ERROR, N_("%s is written by both %s and %s")},           /* D_PATH_TAKEN */
	{DIAG_ERROR, N_("another press build is writing into %s; nothing was written: build again when it has finished")}, /* D_LOCKED */
	{DIAG_WARNING, N_("U+%04X '%s' is outside GBK: a system that reads only GBK cannot show it (the desk makes the glyph, 造字)")}, /* D_NOT_GBK */
	{DIAG_ERROR, N_("U+%04X '%s' is outside GBK: a system that reads only GBK cannot show it (the desk makes the glyph, 造字)")}, /* D_NOT_GBK_STRICT */
	{DIAG_ERROR, N_("photo: a %s file whose header gives no width and height")}, /* D_PHOTO_SIZE */
	{DIAG_ERROR, N_("jump to page %ld: the issue has no page %ld")}, /* D_JUMP_PAGE */
	{DIAG_ERROR, N_("jump from page %ld to page %ld: a story continues on a later page (下转)")}, /* D_JUMP_BACK */
	{DIAG_ERROR, N_("%s jumps twice (first on line %d): a story continues on one later page")}, /* D_JUMP_TWICE */
	{DIAG_ERROR, N_("U+%04X '%s' cannot be written in %s: the story is left out of the print files (the web edition has it)")}, /* D_ENCODE_PRINT */
	{DIAG_ERROR, N_("U+%04X '%s' is outside GBK: a system that reads only GBK cannot show it (the desk makes the glyph, 造字); the story is left out of the print files (the web edition has it)")}, /* D_NOT_GBK_PRINT */
	{DIAG_WARNING, N_("page %ld has no 'name' (its 版名): it is called %s until it has one")}, /* D_PAGE_NONAME */
	{DIAG_WARNING, "%s"},         /* D_RULE: diag_rule() gives the level */
};

#define MAX_PER_FILE 200

static enum diag_level worst = DIAG_OK;
static char *last_path;   /* the file of the last message */
static unsigned in_a_row; /* messages in a row about it */
static int error_shown;   /* an error about it was printed */
static unsigned nerrors;  /* every error, shown or not */
static unsigned shown[DIAG_LEVEL_MAX]; /* messages printed, by level */
static unsigned mark;     /* nerrors at diag_mark() */
static struct diag_first first; /* the first error after it */
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

char *
diag_line(const struct diag_msg *m)
{
	/* The level as the reader's language says it; the JSON keeps the
	 * English name. */
	const char *level = m->level == DIAG_WARNING ? _("warning") : _("error");
	char *path = project_as_named(m->path), *line;

	if (m->line > 0)
		line = xasprintf("press: %s:%d:%d: %s: %s\n", path, m->line,
		                 m->col, level, m->text);
	else
		line = xasprintf("press: %s: %s: %s\n", path, level, m->text);
	free(path);
	return line;
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
	char *out;

	m.path = path;
	m.line = line;
	m.col = line > 0 ? (col > 0 ? col : 1) : 0;
	m.level = level;
	m.id = id;
	m.text = text;
	m.rule = rule;
	if (m.level >= DIAG_ERROR && ++nerrors == mark + 1) {
		free(first.path);
		free(first.text);
		first.path = xstrdup(path);
		first.line = m.line;
		first.col = m.col;
		first.text = xstrdup(text);
	}
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
			m.text = _("more messages about this file are not shown");
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
	out = diag_line(&m);
	fputs(out, stderr);
	free(out);
}

void
diag(const char *path, int line, int col, enum diag_id id, ...)
{
	va_list ap;
	char text[2048];

	va_start(ap, id);
	vsnprintf(text, sizeof(text), _(msgs[id].fmt), ap);
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

void
diag_mark(void)
{
	mark = nerrors;
	free(first.path);
	free(first.text);
	memset(&first, 0, sizeof(first));
}

const struct diag_first *
diag_first_error(void)
{
	return first.text != NULL ? &first : NULL;
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
