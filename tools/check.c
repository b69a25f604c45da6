/*
 * press check: the proofreading and fitting report, and --fix.
 *
 * The command only: the files named (or the issue folders) are fixed
 * first, when --fix asks, then loaded as a build loads them, proofread
 * at each rule's level (tools/proof/), and measured: 字数 and lines from
 * the story XML, a story's space from the <issue> XML (slot-columns,
 * slot-lines), the error rate per 10,000 字 against the paper's pass
 * mark.
 */
#include <dirent.h>
#include <errno.h>
#include <iconv.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "press.h"

#define X(s) ((const xmlChar *)(s))

static unsigned fixed_of(const char *);


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
	return ngettext("line", "lines", (unsigned long)(n < 0 ? -n : n));
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
	long lines;        /* estimated at the paper's column width, or
	                      in an issue what it spends of the page */
	long text, head, photo_lines; /* in an issue: lines of its text, and
	                      of its head and photos in each column */
	long across;       /* in an issue: the columns those cross, or 0 */
	long cols, col_lines; /* its space, or 0 */
	int photos;        /* it has figures */
	long jump_to;      /* 转版: the page it continues on, or 0 */
	long from;         /* a continuation: the page it comes from */
};

/* "space 4 × 24 = 96 lines: 7 lines left (91 字)" */
static void
space_text(struct buf *b, const struct fit *ft, long line_chars)
{
	long space = ft->cols * ft->col_lines, left = space - ft->lines;
	char *s;

	if (ft->cols <= 0)
		return;
	if (left >= 0)
		s = xasprintf(_("; space %ld × %ld = %ld lines: %ld %s left (%ld 字)"),
		              ft->cols, ft->col_lines, space, left, lines_word(left),
		              left * line_chars);
	else
		s = xasprintf(_("; space %ld × %ld = %ld lines: over by %ld %s (%ld 字)"),
		              ft->cols, ft->col_lines, space, -left,
		              lines_word(left), -left * line_chars);
	buf_adds(b, s);
	free(s);
}

/* One story: a line of the report and an object of --json. */
static void
report_story(const struct fit *ft, long line_chars, const char *indent)
{
	struct buf b = {0};
	unsigned body, head, errors, fixed = fixed_of(ft->file);
	long space = ft->cols * ft->col_lines;
	const char *base;
	char *s, page[32];

	proof_tally(ft->file, 0, &body, &head);
	errors = body + 2 * head;
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
		if (ft->jump_to > 0)
			json_int(j, "jump_to", ft->jump_to);
		if (ft->from > 0)
			json_int(j, "continued_from", ft->from);
		if (ft->across > 0) {
			json_int(j, "text_lines", ft->text);
			json_int(j, "head_lines", ft->head);
			json_int(j, "photo_lines", ft->photo_lines);
			json_int(j, "across", ft->across);
		}
		json_int(j, "columns", ft->cols);
		json_int(j, "column_lines", ft->col_lines);
		json_int(j, "space", space);
		json_int(j, "left", ft->cols > 0 ? space - ft->lines : 0);
		json_int(j, "photos", ft->photos);
		json_int(j, "messages", body + head);
		json_int(j, "head_messages", head);
		json_int(j, "fixed", fixed);
		buf_adds(j, "}");
		return;
	}
	buf_add(&b, "", 0);
	base = strrchr(ft->file, '/');
	if (*indent == '\0' && ft->page > 0)
		snprintf(page, sizeof(page), _("page %ld, "), ft->page);
	else
		page[0] = '\0';
	if (ft->from > 0)
		/* The rest of a story: its 字 are counted on its first page. */
		s = xasprintf(_("%s%s: continued from page %ld, %s, %ld %s"),
		              indent, *indent != '\0' && base != NULL ? base + 1 :
		              ft->file, ft->from, ft->slot, ft->lines,
		              lines_word(ft->lines));
	else
		s = xasprintf(_("%s%s: %s%s%s%ld 字, %ld %s%s"), indent,
		              *indent != '\0' && base != NULL ? base + 1 : ft->file,
		              page, ft->slot ? ft->slot : "", ft->slot ? ", " : "",
		              ft->chars, ft->lines, lines_word(ft->lines),
		              ft->photos && ft->across == 0 ? _(" of text") : "");
	buf_adds(&b, s);
	free(s);
	if (ft->across > 0) {
		/* " (text 83, head 6 × 4 columns, photos 31 × 4 columns)" */
		s = xasprintf(_(" (text %ld"), ft->text);
		buf_adds(&b, s);
		free(s);
		if (ft->head > 0) {
			s = xasprintf(ngettext(", head %ld × %ld column",
			                       ", head %ld × %ld columns",
			                       (unsigned long)ft->across),
			              ft->head, ft->across);
			buf_adds(&b, s);
			free(s);
		}
		if (ft->photo_lines > 0) {
			s = xasprintf(ngettext(", photos %ld × %ld column",
			                       ", photos %ld × %ld columns",
			                       (unsigned long)ft->across),
			              ft->photo_lines, ft->across);
			buf_adds(&b, s);
			free(s);
		}
		buf_adds(&b, _(")"));
	}
	if (ft->jump_to > 0) {
		s = xasprintf(_(" on this page, the rest on page %ld"), ft->jump_to);
		buf_adds(&b, s);
		free(s);
	}
	space_text(&b, ft, line_chars);
	if (*indent == '\0') {
		s = xasprintf(_("; errors: %u in %ld 字, %.1f per 10,000 字"),
		              errors, ft->chars + ft->head_chars,
		              rate(errors, (unsigned long)(ft->chars + ft->head_chars)));
		buf_adds(&b, s);
		free(s);
	}
	if (fixed > 0) {
		s = xasprintf(_("; fixed %u"), fixed);
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
	/* In an issue, what it spends of its page (issue.c). */
	if (xmlHasProp(story, X("spent"))) {
		ft->head = num_prop(story, "head-lines");
		ft->photo_lines = num_prop(story, "photo-lines");
		ft->across = num_prop(story, "slot-columns");
		if (ft->across <= 0)
			ft->across = 1;
		ft->lines = num_prop(story, "spent");
		ft->text = ft->lines - (ft->head + ft->photo_lines) * ft->across;
	}
	ft->cols = num_prop(story, "slot-columns");
	ft->col_lines = num_prop(story, "slot-lines");
	ft->photos = has_figure(story);
	ft->head_chars = 0;
	/* 转版: a part of a story on each of two pages. */
	ft->from = num_prop(story, "from");
	for (c = story->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, "jump") == 0)
			ft->jump_to = num_prop(c, "to");
	for (c = story->children; c != NULL && ft->from == 0; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, "head") == 0)
			ft->head_chars += chars_of(c, "headline") +
			                  chars_of(c, "kicker") + chars_of(c, "subtitle");
}

/* Totals of a whole run. */
static struct {
	unsigned long stories, chars, errors;
} total;

/* ---- --fix: the files first ------------------------------------------------ */

/* Findings --fix corrected, per file. */
static struct fixed {
	char *path;
	unsigned n;
} *fixes;
static size_t nfixes;

static unsigned
fixed_of(const char *path)
{
	size_t i;

	for (i = 0; i < nfixes; i++)
		if (strcmp(fixes[i].path, path) == 0)
			return fixes[i].n;
	return 0;
}

/* The corrected text as the file came: its encoding, its byte order
 * mark, its line ends.  0 when the encoding cannot hold it. */
static int
encode_back(const struct src *src, const char *text, size_t len,
            struct buf *out)
{
	struct buf b = {0};
	size_t i, start = 0, in, left;
	iconv_t cd;
	char *ip, *op;
	int ok = 1;

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
	if (strcmp(src->encoding, "UTF-8") == 0) {
		*out = b;
		return 1;
	}
	if ((cd = iconv_open(src->encoding, "UTF-8")) == (iconv_t)-1) {
		buf_free(&b);
		return 0;
	}
	memset(out, 0, sizeof(*out));
	out->cap = 4 * b.len + 16;
	out->data = xmalloc(out->cap);
	ip = b.data;
	in = b.len;
	op = out->data;
	left = out->cap;
	if (iconv(cd, &ip, &in, &op, &left) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &op, &left) == (size_t)-1)
		ok = 0;
	out->len = out->cap - left;
	iconv_close(cd);
	buf_free(&b);
	return ok;
}

/*
 * Replaces the file at path (a symbolic link's target) with data, as
 * safely as a reporter's file deserves: the new text goes to a temporary
 * file beside it with the old one's mode and owner, and is renamed into
 * place only if the file is still the one read (device, inode, size,
 * time), so a save made meanwhile is never lost.  A read-only file and
 * a file with other hard links are left alone: renaming would change
 * what they are.  Messages name the file as the reporter did (name).
 * Returns 1 when replaced, else 0 after a message.
 */
static int
replace_file(const char *name, const char *path, const struct stat *was,
             const char *data, size_t len)
{
	struct stat now;
	char *tmp;
	size_t off = 0;
	ssize_t n;
	int fd, ok = 0;

	if (was->st_nlink > 1) {
		diag(name, 0, 0, D_FIX_LEFT, "it has other hard links");
		return 0;
	}
	if ((was->st_mode & 0222) == 0 || access(path, W_OK) != 0) {
		diag(name, 0, 0, D_FIX_LEFT, "it is read-only");
		return 0;
	}
	tmp = xasprintf("%s.press-fix.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		diag(name, 0, 0, D_WRITE, strerror(errno));
		free(tmp);
		return 0;
	}
	while (off < len && (n = write(fd, data + off, len - off)) > 0)
		off += (size_t)n;
	if (off != len || fchmod(fd, was->st_mode & 07777) != 0 ||
	    (fchown(fd, was->st_uid, was->st_gid) != 0 && errno != EPERM) ||
	    fsync(fd) != 0) {
		diag(name, 0, 0, D_WRITE, strerror(errno));
		goto out;
	}
	if (stat(path, &now) != 0 || now.st_dev != was->st_dev ||
	    now.st_ino != was->st_ino || now.st_size != was->st_size ||
	    now.st_mtim.tv_sec != was->st_mtim.tv_sec ||
	    now.st_mtim.tv_nsec != was->st_mtim.tv_nsec) {
		diag(name, 0, 0, D_FIX_LEFT, "it changed while it was being "
		     "fixed; check it again");
		goto out;
	}
	if (rename(tmp, path) != 0) {
		diag(name, 0, 0, D_WRITE, strerror(errno));
		goto out;
	}
	ok = 1;
out:
	close(fd);
	if (!ok)
		unlink(tmp);
	free(tmp);
	return ok;
}

/*
 * Corrects a story file in place before it is loaded and measured, so
 * that every figure reported is the corrected text's.  The file is read
 * and parsed without a word: what is wrong with it is said once, when it
 * is loaded after.  Returns 0 when the file cannot be read (it was
 * reported), else 1.
 */
static int
fix_file(const char *path)
{
	struct src *src;
	struct story *st;
	struct stat sb;
	struct buf bytes = {0};
	char *text, *target;
	unsigned n;

	/* The target of a symbolic link is what gets corrected. */
	if ((target = realpath(path, NULL)) == NULL || stat(target, &sb) != 0 ||
	    !S_ISREG(sb.st_mode)) {
		free(target);
		return 1;
	}
	if ((src = src_read(path)) == NULL) {
		free(target);
		return 0;
	}
	st = story_parse_bytes(path, src->text, src->len);
	text = proof_fix(st, &n);
	if (text != NULL && !encode_back(src, text, strlen(text), &bytes))
		diag(path, 0, 0, D_FIX_LEFT, "its encoding cannot hold the "
		     "corrections");
	else if (text != NULL &&
	         replace_file(path, target, &sb, bytes.data, bytes.len)) {
		fixes = xrealloc(fixes, (nfixes + 1) * sizeof(*fixes));
		fixes[nfixes].path = xstrdup(path);
		fixes[nfixes++].n = n;
	}
	buf_free(&bytes);
	free(text);
	free(target);
	story_free(st);
	src_free(src);
	return 1;
}

/* Calls fn(path, arg) for each story file (.md) of folder dir, by name:
 * the files issue.yaml places and those it leaves out alike. */
static void
each_story(const char *dir, void (*fn)(const char *path, void *arg),
           void *arg)
{
	struct dirent **names;
	char *path;
	int n, i;
	size_t len;

	if ((n = scandir(dir, &names, NULL, alphasort)) < 0)
		return;
	for (i = 0; i < n; i++) {
		len = strlen(names[i]->d_name);
		if (names[i]->d_name[0] != '.' && len > 3 &&
		    strcmp(names[i]->d_name + len - 3, ".md") == 0) {
			path = xasprintf("%s/%s", dir, names[i]->d_name);
			fn(path, arg);
			free(path);
		}
		free(names[i]);
	}
	free(names);
}

static void
fix_one(const char *path, void *arg)
{
	(void)arg;
	fix_file(path);
}

/* Every story file of an issue folder. */
static void
fix_issue(const char *dir)
{
	each_story(dir, fix_one, NULL);
}

/* ---- measuring ------------------------------------------------------------- */

static struct {
	int fix;
} mode;

/*
 * One story named alone: its messages and its measure at the paper's
 * column width.  Its space on a page is reported when its issue folder
 * is checked (it is a fact of the issue, not of the story).
 */
static void
measure_file(const char *path, const struct paper *paper)
{
	struct story *st;
	struct fit ft = {0};
	xmlDocPtr doc;
	unsigned body, head;

	st = story_load(path);
	proof_story(st, NULL, PROOF_LEVELS);
	if (st == NULL || !st->ok) {
		story_free(st);
		return;
	}
	doc = storyxml_doc(st, paper->line_chars);
	ft.file = path;
	ft.slug = st->slug;
	fit_of(&ft, xmlDocGetRootElement(doc));
	ft.cols = ft.col_lines = 0;
	report_story(&ft, paper->line_chars, "");
	proof_tally(path, 0, &body, &head);
	total.stories++;
	total.chars += (unsigned long)(ft.chars + ft.head_chars);
	total.errors += body + 2 * head;
	xmlFreeDoc(doc);
	story_free(st);
}

static void
check_file(const char *path, const struct paper *paper)
{
	if (mode.fix && !fix_file(path))
		return;
	measure_file(path, paper);
}

/* One page of an issue: its stories, its space, its error rate. */
static void
report_page(xmlNodePtr page, const char *dir, const struct paper *paper,
            const char *yaml)
{
	xmlNodePtr story;
	xmlChar *no = xmlGetProp(page, X("no")), *name = xmlGetProp(page, X("name"));
	xmlChar *banner = xmlGetProp(page, X("banner"));
	long cols = paper->columns, col_lines = paper->col_lines;
	long line_chars = paper->line_chars;
	long capacity = cols * col_lines, taken = 0, lines = 0, chars = 0;
	long head = 0, left, nstories = 0, unslotted = 0;
	unsigned errors, b, h;
	double r;
	char *path;
	const char *indent;

	proof_tally(yaml, strtol((const char *)no, NULL, 10), &b, &h);
	errors = b + 2 * h;
	if (!js.on)
		printf(_("%s page %s %s (%ld × %ld lines of %ld 字):\n"), dir,
		       (char *)no, (char *)name, cols, col_lines, line_chars);
	indent = js.on ? "" : "  ";
	head = count_chars((const char *)name) +
	       (banner ? count_chars((const char *)banner) : 0);
	for (story = page->children; story != NULL; story = story->next) {
		struct fit ft = {0};
		xmlChar *src, *slug, *slot;

		/* A hole: the story's messages say why. */
		if (!xmlStrEqual(story->name, X("story")) &&
		    !xmlStrEqual(story->name, X("continuation"))) {
			xmlChar *file = xmlGetProp(story, X("file"));
			xmlChar *why = xmlGetProp(story, X("reason"));

			if (!js.on)
				printf(_("  %s: left out: %s\n"), (char *)file,
				       (char *)why);
			xmlFree(file);
			xmlFree(why);
			continue;
		}
		src = xmlGetProp(story, X("source"));
		slug = xmlGetProp(story, X("slug"));
		slot = xmlGetProp(story, X("slot"));

		path = xasprintf("%s/%s", dir, (char *)src);
		ft.file = path;
		ft.slug = (const char *)slug;
		ft.slot = (const char *)slot;
		ft.page = strtol((const char *)no, NULL, 10);
		fit_of(&ft, story);
		report_story(&ft, line_chars, indent);
		/* A continuation's copy is its story's, counted there. */
		if (ft.from == 0) {
			proof_tally(path, 0, &b, &h);
			errors += b + 2 * h;
			nstories++;
		}
		chars += ft.chars;
		head += ft.head_chars;
		lines += ft.lines;
		/* Only a space the editor gave is allotted; a story without
		 * one still needs its lines from what is left. */
		if (ft.cols > 0)
			taken += ft.cols * ft.col_lines;
		else
			unslotted += ft.lines;
		free(path);
		xmlFree(src);
		xmlFree(slug);
		xmlFree(slot);
	}
	left = capacity - taken - unslotted;
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
		json_int(j, "unslotted", unslotted);
		json_int(j, "left", left);
		json_int(j, "errors", errors);
		{
			char num[64];

			snprintf(num, sizeof(num), ", \"per_10000\": %.1f", r);
			buf_adds(j, num);
		}
		buf_adds(j, r <= paper->pass_mark ? ", \"passes\": true}" :
		         ", \"passes\": false}");
	} else {
		printf(_("  page: %ld 字; lines needed %ld (text, and heads and "
		         "photos across their columns), allotted %ld of %ld: "),
		       chars, lines, taken, capacity);
		if (unslotted > 0)
			printf(_("%ld needed by stories without a space: "),
			       unslotted);
		if (left >= 0)
			printf(_("%ld %s left (%ld 字)\n"), left, lines_word(left),
			       left * line_chars);
		else
			printf(_("over by %ld %s (%ld 字)\n"), -left, lines_word(left),
			       -left * line_chars);
		printf(_("  errors: %u in %ld 字 (headlines count double), "
		         "%.1f per 10,000 字: "), errors, chars + head, r);
		if (r <= paper->pass_mark)
			printf(_("passes (%ld at most)\n"), paper->pass_mark);
		else
			printf(_("over the limit of %ld\n"), paper->pass_mark);
		fflush(stdout);
	}
	xmlFree(no);
	xmlFree(name);
	xmlFree(banner);
}

/* Whether the issue places the story file name (or marks its hole). */
static int
placed(xmlDocPtr doc, const char *name)
{
	xmlNodePtr page, n;
	xmlChar *v;
	int yes = 0;

	for (page = xmlDocGetRootElement(doc)->children; page && !yes;
	     page = page->next)
		for (n = page->children; n != NULL && !yes; n = n->next) {
			v = xmlGetProp(n, X(xmlStrEqual(n->name, X("story")) ?
			                    "source" : "file"));
			yes = v != NULL && strcmp((const char *)v, name) == 0;
			xmlFree(v);
		}
	return yes;
}

/* What unplaced_one() needs of the issue. */
struct unplaced {
	xmlDocPtr doc;
	const struct paper *paper;
};

static void
unplaced_one(const char *path, void *arg)
{
	const struct unplaced *u = arg;

	if (!placed(u->doc, strrchr(path, '/') + 1))
		measure_file(path, u->paper);
}

/* The stories of the folder no page places yet (a reporter's new copy)
 * are proofread and measured all the same, as if named alone. */
static void
unplaced_stories(xmlDocPtr doc, const char *dir, const struct paper *paper)
{
	struct unplaced u = {doc, paper};

	each_story(dir, unplaced_one, &u);
}

/* An issue folder: its stories fixed first, then the issue loaded as a
 * build loads it, every rule at its level, and measured from its XML. */
static void
check_issue(const struct build_opts *opts, const struct paper *paper,
            const char *dir)
{
	xmlDocPtr doc;
	xmlNodePtr page;
	char *yaml;

	if (mode.fix)
		fix_issue(dir);
	if ((doc = issue_load(opts, paper, dir)) == NULL)
		return;
	yaml = xasprintf("%s/issue.yaml", dir);
	for (page = xmlDocGetRootElement(doc)->children; page != NULL;
	     page = page->next)
		report_page(page, dir, paper, yaml);
	free(yaml);
	unplaced_stories(doc, dir, paper);
	xmlFreeDoc(doc);
}

/* Whether dir holds an issue.yaml. */
static int
is_issue(const char *dir)
{
	char *path = xasprintf("%s/issue.yaml", dir);
	int yes = access(path, F_OK) == 0;

	free(path);
	return yes;
}

int
cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"json", no_argument, NULL, 'j'},
		{"fix", no_argument, NULL, 'f'},
		{"strict", no_argument, NULL, 's'},
		{NULL, 0, NULL, 0},
	};
	struct build_opts opts = {"articles", "templates", NULL, NULL, 1,
	                          PROOF_LEVELS, FIT_WARNINGS, 0};
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
		case 's':
			opts.fitting = FIT_ERRORS;
			break;
		default:
			diag_usage(_("usage: press check [-a ARTICLES] [-t TEMPLATES] "
			             "[--json] [--fix] [--strict] [PATH ...]"));
			return 2;
		}
	if (js.on)
		diag_set_hook(json_msg, NULL);
	proof_load(opts.articles);
	/* Without its house list the word rule has nothing to look for:
	 * say so rather than give an all-clear. */
	file = xasprintf("%s/house.yaml", opts.articles);
	if (access(file, F_OK) != 0)
		diag(file, 0, 0, D_NO_HOUSE);
	free(file);
	file = xasprintf("%s/paper.yaml", opts.articles);
	if (access(file, R_OK) == 0)
		paper_load(&paper, opts.articles);
	else
		paper_defaults(&paper);
	free(file);
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
			diag(paths[i], 0, 0, D_READ, _("no such file or folder"));
		else if (S_ISDIR(sb.st_mode) && !is_issue(paths[i])) {
			/* The articles folder, or any folder of issues. */
			size_t k, nsub;
			char **sub = issue_dirs(paths[i], &nsub);

			if (nsub == 0)
				diag(paths[i], 0, 0, D_READ,
				     _("neither an issue folder (no issue.yaml) nor a "
				       "folder of issues"));
			for (k = nsub; k > 0; k--) {
				if (!schema && !(schema = schema_load(opts.templates)))
					break;
				check_issue(&opts, &paper, sub[k - 1]);
			}
			for (k = 0; k < nsub; k++)
				free(sub[k]);
			free(sub);
		} else if (S_ISDIR(sb.st_mode)) {
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
		         total.stories, total.chars, diag_count(DIAG_ERROR),
		         diag_count(DIAG_WARNING), total.errors, r);
		fputs(num, stdout);
		diag_set_hook(NULL, NULL);
		buf_free(&js.msgs);
		buf_free(&js.stories);
		buf_free(&js.pages);
	} else {
		/* Every message printed, by level: those of headers and
		 * issue.yaml as well as the rules'. */
		unsigned e = diag_count(DIAG_ERROR), w = diag_count(DIAG_WARNING);
		char *st = xasprintf(ngettext("%lu story", "%lu stories",
		                              total.stories), total.stories);
		char *es = xasprintf(ngettext("%u error", "%u errors", e), e);
		char *ws = xasprintf(ngettext("%u warning", "%u warnings", w), w);

		printf(_("%s, %lu 字: %s, %s; %.1f per 10,000 字\n"), st,
		       total.chars, es, ws, r);
		free(st);
		free(es);
		free(ws);
	}
	for (i = 0; i < ndirs; i++)
		free(dirs[i]);
	free(dirs);
	for (i = 0; i < nfixes; i++)
		free(fixes[i].path);
	free(fixes);
	fixes = NULL;
	nfixes = 0;
	proof_reset();
	paper_free(&paper);
	return diag_status();
}
