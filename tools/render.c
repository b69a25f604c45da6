/*
 * Stage 7, render: every output is an XSLT stylesheet applied to the
 * print XML.  Which stylesheets run, over what and into which file is
 * data, in templates/outputs.yaml; adding a format is adding a
 * stylesheet and an entry there.  Stylesheets are parsed on first use, so
 * a preview pays for the story page alone.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libexslt/exslt.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "press.h"

static const char *const over_names[OVER_MAX] = {
	"archive", /* OVER_ARCHIVE */
	"latest",  /* OVER_LATEST */
	"issue",   /* OVER_ISSUE */
	"page",    /* OVER_PAGE */
	"story",   /* OVER_STORY */
};

/* One entry of outputs.yaml. */
struct output {
	char *sheet;           /* path under templates/ */
	enum over over;        /* what it runs over */
	char *path;            /* under out/, with {issue} {page} {slug} */
	int preview;           /* press preview renders it */
	xsltStylesheetPtr xsl; /* parsed on first use */
	int failed;            /* could not be parsed: reported once */
};

/* One file copied as it is. */
struct copy {
	char *from; /* under templates/ */
	char *to;   /* under out/ */
};

static char *templates;
static char **only;     /* template folders that changed; NULL: all */
static int filtering;   /* render_filter(1): only those */
static struct output *outputs;
static size_t noutputs;
static struct copy *copies;
static size_t ncopies;
static const char *print_encoding; /* NULL: UTF-8 */
static struct buf errors;          /* libxml2 and libxslt messages */

static void
gather(void *ctx, const char *fmt, ...)
{
	va_list ap;
	char line[1024];

	(void)ctx;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	buf_adds(&errors, line);
}

/*
 * libxml2's errors while a stylesheet is read (ctx: its path), each at
 * its line and column rather than as libxml2's lines of context.
 */
static void
on_sheet_error(void *ctx, xmlErrorPtr e)
{
	char *msg;
	size_t n;

	if (e == NULL || e->message == NULL)
		return;
	msg = xstrdup(e->message);
	for (n = strlen(msg); n > 0 && msg[n - 1] == '\n'; n--)
		msg[n - 1] = '\0';
	diag(e->file ? e->file : (const char *)ctx, e->line > 0 ? e->line : 0,
	     e->line > 0 ? (e->int2 > 0 ? e->int2 : 1) : 0, D_TEMPLATE, msg);
	free(msg);
}

/*
 * Reports what libxslt said, one message a line, against file; its line
 * of context before a message ("compilation error: file F line N element
 * E", "runtime error: …", "error") is not a message, but gives the place
 * of the one that follows when it names a line.
 */
static void
report(const char *file, const char *what)
{
	char *p, *nl, *at = NULL;
	char where[PATH_MAX];
	int line = 0;

	if (errors.len == 0) {
		diag(file, 0, 0, D_TEMPLATE, what);
		return;
	}
	for (p = errors.data; *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) != NULL)
			*nl = '\0';
		if (strcmp(p, "error") == 0 ||
		    strncmp(p, "compilation error", 17) == 0 ||
		    strncmp(p, "runtime error", 13) == 0) {
			/* libxslt's line of context before a message. */
			line = 0;
			if ((sscanf(p, "compilation error: file %4095s line %d",
			            where, &line) == 2 ||
			     sscanf(p, "runtime error: file %4095s line %d", where,
			            &line) == 2) &&
			    line > 0)
				at = where;
		} else if (*p != '\0') {
			diag(at ? at : file, at ? line : 0, at ? 1 : 0, D_TEMPLATE, p);
			at = NULL;
		}
		if (nl == NULL)
			break;
	}
	errors.len = 0;
	errors.data[0] = '\0';
}

/* The text of key in an entry of outputs.yaml, or NULL after reporting. */
static const char *
field(const char *path, yaml_document_t *doc, yaml_node_t *entry,
      const char *key)
{
	yaml_node_t *v = fm_get(doc, entry, key, NULL);
	const char *s = fm_scalar(v);
	char *msg;

	if (s != NULL && *s != '\0')
		return s;
	msg = xasprintf("'%s' missing or not text", key);
	diag(path, fm_line(v ? v : entry, 0), fm_col(v ? v : entry),
	     D_TEMPLATE, msg);
	free(msg);
	return NULL;
}

/* A path that stays under its folder: no "..", not absolute. */
static int
inside(const char *path, yaml_node_t *node, const char *s)
{
	if (validate_relpath(s))
		return 1;
	diag(path, fm_line(node, 0), fm_col(node), D_TEMPLATE,
	     "paths must stay inside their folder");
	return 0;
}

int
render_load(const char *dir, const char *encoding)
{
	yaml_document_t doc;
	yaml_node_t *root, *list, *e;
	yaml_node_item_t *it;
	struct src *src;
	char *path;
	int ok = 0;
	enum over o;

	/* Loading again (press serve after a template change) starts over. */
	render_free();
	exsltRegisterAll(); /* exsl:node-set() and friends, as xsltproc has */
	templates = xstrdup(dir);
	print_encoding = encoding;
	xsltSetGenericErrorFunc(NULL, gather);
	xmlSetGenericErrorFunc(NULL, gather);
	buf_add(&errors, "", 0);
	path = xasprintf("%s/outputs.yaml", dir);
	if ((src = src_read(path)) == NULL) {
		free(path);
		return 0;
	}
	if (!fm_load(path, src->text, src->len, 0, &doc))
		goto out;
	root = yaml_document_get_root_node(&doc);
	list = fm_get(&doc, root, "outputs", NULL);
	if (list == NULL || list->type != YAML_SEQUENCE_NODE) {
		diag(path, 1, 1, D_TEMPLATE, "'outputs' must be a list");
		goto out_doc;
	}
	ok = 1;
	for (it = list->data.sequence.items.start;
	     it < list->data.sequence.items.top; it++) {
		const char *sheet, *over, *to, *pv;

		e = yaml_document_get_node(&doc, *it);
		if ((sheet = field(path, &doc, e, "sheet")) == NULL ||
		    (over = field(path, &doc, e, "over")) == NULL ||
		    (to = field(path, &doc, e, "path")) == NULL ||
		    !inside(path, e, sheet) || !inside(path, e, to)) {
			ok = 0;
			continue;
		}
		for (o = 0; o < OVER_MAX; o++)
			if (strcmp(over, over_names[o]) == 0)
				break;
		if (o == OVER_MAX) {
			diag(path, fm_line(e, 0), fm_col(e), D_TEMPLATE,
			     "'over' must be archive, latest, issue, page or story");
			ok = 0;
			continue;
		}
		pv = fm_scalar(fm_get(&doc, e, "preview", NULL));
		outputs = xrealloc(outputs, (noutputs + 1) * sizeof(*outputs));
		memset(&outputs[noutputs], 0, sizeof(*outputs));
		outputs[noutputs].sheet = xstrdup(sheet);
		outputs[noutputs].over = o;
		outputs[noutputs].path = xstrdup(to);
		outputs[noutputs++].preview = pv != NULL &&
		    (strcmp(pv, "yes") == 0 || strcmp(pv, "true") == 0);
	}
	list = fm_get(&doc, root, "copy", NULL);
	for (it = list && list->type == YAML_SEQUENCE_NODE ?
	          list->data.sequence.items.start : NULL;
	     it != NULL && it < list->data.sequence.items.top; it++) {
		const char *from, *to;

		e = yaml_document_get_node(&doc, *it);
		if ((from = field(path, &doc, e, "from")) == NULL ||
		    (to = field(path, &doc, e, "to")) == NULL ||
		    !inside(path, e, from) || !inside(path, e, to)) {
			ok = 0;
			continue;
		}
		copies = xrealloc(copies, (ncopies + 1) * sizeof(*copies));
		copies[ncopies].from = xstrdup(from);
		copies[ncopies++].to = xstrdup(to);
	}
out_doc:
	yaml_document_delete(&doc);
out:
	src_free(src);
	free(path);
	return ok;
}

static xsltStylesheetPtr
sheet(struct output *o)
{
	char *path;

	if (o->xsl != NULL || o->failed)
		return o->xsl;
	path = xasprintf("%s/%s", templates, o->sheet);
	xmlSetStructuredErrorFunc(path, on_sheet_error);
	o->xsl = xsltParseStylesheetFile((const xmlChar *)path);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (o->xsl == NULL) {
		report(path, "cannot load the stylesheet");
		o->failed = 1;
	}
	free(path);
	return o->xsl;
}

/* The output path with {issue}, {page} and {slug} filled in. */
static char *
expand(const char *pattern, const char *issue, const char *page,
       const char *slug)
{
	struct buf b = {0};
	const char *p;

	buf_add(&b, "", 0);
	for (p = pattern; *p != '\0'; p++) {
		if (strncmp(p, "{issue}", 7) == 0 && issue != NULL) {
			buf_adds(&b, issue);
			p += 6;
		} else if (strncmp(p, "{page}", 6) == 0 && page != NULL) {
			buf_adds(&b, page);
			p += 5;
		} else if (strncmp(p, "{slug}", 6) == 0 && slug != NULL) {
			buf_adds(&b, slug);
			p += 5;
		} else
			buf_add(&b, p, 1);
	}
	return b.data;
}

/* The way from a file under out/ back to out/site/. */
static char *
root_of(const char *path)
{
	struct buf b = {0};
	const char *p;

	buf_add(&b, "", 0);
	if (strncmp(path, "site/", 5) != 0)
		return b.data;
	for (p = path + 5; *p != '\0'; p++)
		if (*p == '/')
			buf_adds(&b, "../");
	return b.data;
}

/*
 * Applies o to doc and writes the result to file.  Values are passed as
 * XPath strings.  Files under print/ are converted to the print
 * encoding.  Returns 0 after reporting.
 */
static int
apply(struct output *o, xmlDocPtr doc, const char *file, const char *root,
      const char *issue, const char *page, const char *slug)
{
	xsltStylesheetPtr xsl = sheet(o);
	const char *params[11];
	char *owned[5] = {0};
	const char *names[] = {"root", "issue", "page", "slug"};
	const char *values[] = {root, issue, page, slug};
	xmlDocPtr res;
	xmlChar *mem = NULL;
	int len = 0, ok = 0, i, n = 0;

	if (xsl == NULL)
		return 0;
	for (i = 0; i < 4; i++)
		if (values[i] != NULL) {
			params[2 * n] = names[i];
			params[2 * n + 1] = owned[n] = xasprintf("'%s'", values[i]);
			n++;
		}
	params[2 * n] = NULL;
	res = xsltApplyStylesheet(xsl, doc, params);
	for (i = 0; i < n; i++)
		free(owned[i]);
	if (res == NULL || xsltSaveResultToString(&mem, &len, res, xsl) != 0) {
		char *path = xasprintf("%s/%s", templates, o->sheet);

		report(path, "the stylesheet failed");
		free(path);
	} else if (print_encoding != NULL && strncmp(o->path, "print/", 6) == 0)
		ok = out_write_encoded(file, (const char *)mem, (size_t)len,
		                       print_encoding);
	else
		ok = out_write(file, mem ? (const char *)mem : "", (size_t)len);
	xmlFree(mem);
	xmlFreeDoc(res);
	return ok;
}

void
render_only(const char *const *dirs)
{
	size_t i, n = 0;

	for (i = 0; only != NULL && only[i] != NULL; i++)
		free(only[i]);
	free(only);
	only = NULL;
	while (dirs != NULL && dirs[n] != NULL)
		n++;
	if (dirs == NULL)
		return;
	only = xcalloc(n + 1, sizeof(char *));
	for (i = 0; i < n; i++)
		only[i] = xstrdup(dirs[i]);
}

void
render_filter(int on)
{
	filtering = on;
}

/* Whether the filter lets o's stylesheet through. */
static int
wanted(const struct output *o)
{
	size_t i, n;

	if (!filtering || only == NULL)
		return 1;
	for (i = 0; only[i] != NULL; i++)
		if (strncmp(o->sheet, only[i], n = strlen(only[i])) == 0 &&
		    o->sheet[n] == '/')
			return 1;
	return 0;
}

int
render_over(enum over over, xmlDocPtr doc, const char *out,
            const char *issue, const char *page, const char *slug)
{
	size_t i;
	int ok = 1;

	for (i = 0; i < noutputs; i++) {
		struct output *o = &outputs[i];
		char *rel, *file, *root;

		if (o->over != over || !wanted(o))
			continue;
		rel = expand(o->path, issue, page, slug);
		file = xasprintf("%s/%s", out, rel);
		root = root_of(rel);
		ok &= apply(o, doc, file, root, issue, page, slug);
		free(root);
		free(file);
		free(rel);
	}
	return ok;
}

char *
render_preview(xmlDocPtr doc, const char *dir, const char *slug)
{
	size_t i;
	char *first = NULL;

	for (i = 0; i < noutputs; i++) {
		struct output *o = &outputs[i];
		const char *ext = strrchr(o->path, '.');
		char *file;

		if (!o->preview)
			continue;
		file = xasprintf("%s/%s%s", dir, slug, ext ? ext : "");
		if (apply(o, doc, file, "", NULL, NULL, slug) && first == NULL)
			first = file;
		else
			free(file);
	}
	return first;
}

void
render_copies(const char *out, int site_only)
{
	size_t i;

	for (i = 0; i < ncopies; i++) {
		char *from = xasprintf("%s/%s", templates, copies[i].from);
		char *to;

		/* A preview is a site of one page: site/x goes beside it. */
		if (site_only && strncmp(copies[i].to, "site/", 5) != 0) {
			free(from);
			continue;
		}
		to = xasprintf("%s/%s", out,
		               site_only ? copies[i].to + 5 : copies[i].to);
		out_copy(from, to);
		free(from);
		free(to);
	}
}

void
render_free(void)
{
	size_t i;

	for (i = 0; i < noutputs; i++) {
		xsltFreeStylesheet(outputs[i].xsl);
		free(outputs[i].sheet);
		free(outputs[i].path);
	}
	free(outputs);
	outputs = NULL;
	noutputs = 0;
	for (i = 0; i < ncopies; i++) {
		free(copies[i].from);
		free(copies[i].to);
	}
	free(copies);
	copies = NULL;
	ncopies = 0;
	free(templates);
	templates = NULL;
	buf_free(&errors);
	render_only(NULL);
	filtering = 0;
}
