/*
 * Stage 7, render: every output is an XSLT stylesheet applied to the
 * print XML.  Which stylesheets run, over what and into which file is
 * data, in templates/outputs.yaml; adding a format is adding a
 * stylesheet and an entry there.  Stylesheets are parsed on first use, so
 * a preview pays for the story page alone.
 *
 * Every output knows what it was made from: every file libxslt loads for
 * it (the stylesheet, what it imports and includes, what it reads with
 * document()) goes through one loader that writes it down, with
 * outputs.yaml.  A build keeps those lists in OUT/.press/deps and a hash
 * of each list's contents in the cache; an output whose files changed is
 * rendered again (render_filter), whatever folder they are in, and a
 * file no output reads (press.css, copied as it is) renders nothing.
 */
#include <limits.h>
#include <dirent.h>
#include <inttypes.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libexslt/exslt.h>
#include <libxml/uri.h>
#include <libxml/xpathInternals.h>
#include <libxslt/documents.h>
#include <libxslt/extensions.h>
#include <libxslt/imports.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "press.h"

#define X(s) ((const xmlChar *)(s))

static const char *const over_names[OVER_MAX] = {
	"archive", /* OVER_ARCHIVE */
	"latest",  /* OVER_LATEST */
	"issue",   /* OVER_ISSUE */
	"page",    /* OVER_PAGE */
	"story",   /* OVER_STORY */
	"month",   /* OVER_MONTH */
};

/* One entry of outputs.yaml. */
struct output {
	char *sheet;           /* path under templates/ */
	enum over over;        /* what it runs over */
	char *path;            /* under out/, with {issue} {page} {slug} {month} */
	int preview;           /* press preview renders it */
	int utf8;              /* encoding: UTF-8, whatever --print-encoding */
	char *index;           /* index: the search index's folder, or NULL */
	xsltStylesheetPtr xsl; /* parsed on first use */
	int failed;            /* could not be parsed: reported once */
	char **deps;           /* the files it was made from */
	size_t ndeps;
	int dirty;             /* one of them changed since the last build */
	xmlDocPtr *docs;       /* what it read with document(), kept */
	char **uris;           /* their addresses */
	size_t ndocs;
	int stripped;          /* it stripped the issue being rendered */
};

/* One file copied as it is. */
struct copy {
	char *from; /* under templates/ */
	char *to;   /* under out/ */
};

static char *templates;
static int filtering;   /* render_filter(1): only the dirty outputs */
static struct output *current;       /* whose files the loader records */
static xsltDocLoaderFunc base_loader; /* libxslt's own */
static struct output *outputs;
static size_t noutputs;
static struct copy *copies;
static size_t ncopies;
static const char *print_encoding; /* NULL: UTF-8 */
static struct buf errors;          /* libxml2 and libxslt messages */
static xmlDocPtr issue_doc;        /* the issue being rendered, see below */
static xsltStylesheetPtr unstripped; /* whose whitespace rules are off */
static xmlHashTablePtr saved_rules[64]; /* and what they were */

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
 * Every template message goes through here, so that a mistake is told
 * once: a stylesheet that several sheets import is read once for each
 * of them, and libxslt then adds, for each, that the import could not be
 * loaded.  The same message at the same place is dropped, and so is an
 * "unable to load F" when F's own mistake was already told.
 */
static char **told;   /* "FILE:LINE:COL:MESSAGE" already printed */
static size_t ntold;
static char **broken; /* files a mistake was told in */
static size_t nbroken;

static int
among(char **list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

static void
template_error(const char *file, int line, int col, const char *msg)
{
	const char *f = strstr(msg, "unable to load ");
	char *key;

	if (f != NULL && among(broken, nbroken, f + strlen("unable to load ")))
		return;
	key = xasprintf("%s:%d:%d:%s", file, line, col, msg);
	if (among(told, ntold, key)) {
		free(key);
		return;
	}
	told = xrealloc(told, (ntold + 1) * sizeof(*told));
	told[ntold++] = key;
	if (!among(broken, nbroken, file)) {
		broken = xrealloc(broken, (nbroken + 1) * sizeof(*broken));
		broken[nbroken++] = xstrdup(file);
	}
	diag(file, line, col, D_TEMPLATE, msg);
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
	template_error(e->file ? e->file : (const char *)ctx,
	               e->line > 0 ? e->line : 0,
	               e->line > 0 ? (e->int2 > 0 ? e->int2 : 1) : 0, msg);
	free(msg);
}

/* Adds path to what o was made from, once. */
static void
add_dep(struct output *o, const char *path)
{
	size_t i;

	for (i = 0; i < o->ndeps; i++)
		if (strcmp(o->deps[i], path) == 0)
			return;
	o->deps = xrealloc(o->deps, (o->ndeps + 1) * sizeof(char *));
	o->deps[o->ndeps++] = xstrdup(path);
}

/*
 * Whitespace stripping, once an issue.  libxslt strips the whitespace
 * the sheet's xsl:strip-space names from the whole source document
 * before every transform, and from every document() file each time it
 * is read: for a story of a 40-story issue that is a walk over the
 * other 39.  Stripping twice by the same rules finds nothing the second
 * time, so an output that stripped the issue being rendered, and the
 * document() files it keeps, renders its next pages and stories of that
 * issue with its rules switched off (rules_off), and strips a document()
 * file it reads for the first time itself.  render_over(OVER_ISSUE)
 * starts an issue: the pages and stories that follow are over its
 * document.
 */
static void
rules_off(xsltStylesheetPtr xsl)
{
	xsltStylesheetPtr s;
	size_t n = 0;

	for (s = xsl; s != NULL && n < 64; s = xsltNextImport(s), n++) {
		saved_rules[n] = s->stripSpaces;
		s->stripSpaces = NULL;
	}
	unstripped = xsl;
}

static void
rules_on(void)
{
	xsltStylesheetPtr s;
	size_t n = 0;

	for (s = unstripped; s != NULL && n < 64; s = xsltNextImport(s), n++)
		s->stripSpaces = saved_rules[n];
	unstripped = NULL;
}

/* Whether rules_off() can take xsl's rules and give them back. */
static int
few_imports(xsltStylesheetPtr xsl)
{
	xsltStylesheetPtr s;
	size_t n = 0;

	for (s = xsl; s != NULL; s = xsltNextImport(s))
		n++;
	return n <= 64;
}

/* Strips doc, read while the rules are off, by those rules. */
static void
strip_new(void *ctxt, xmlDocPtr doc)
{
	xsltStylesheetPtr xsl = unstripped;

	rules_on();
	if (ctxt != NULL && xsltNeedElemSpaceHandling(ctxt))
		xsltApplyStripSpaces(ctxt, xmlDocGetRootElement(doc));
	rules_off(xsl);
}

/*
 * libxslt's loader, writing down every file it loads for the output
 * being parsed or applied.  What an output reads with document()
 * (styles.xml, words.xml) is parsed once and kept for its next files:
 * libxslt changes such a document only by the output's own whitespace
 * rules and numbering, the same each time, and apply() takes it back
 * before libxslt would free it.
 */
static xmlDocPtr
loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
       xsltLoadType type)
{
	struct output *o = current;
	xmlDocPtr doc;
	size_t i;

	if (o != NULL && uri != NULL) {
		char *path = xmlURIUnescapeString((const char *)uri, 0, NULL);

		add_dep(o, strncmp(path, "file://", 7) == 0 ? path + 7 : path);
		xmlFree(path);
	}
	if (o == NULL || uri == NULL || type != XSLT_LOAD_DOCUMENT)
		return base_loader(uri, dict, options, ctxt, type);
	for (i = 0; i < o->ndocs; i++)
		if (strcmp(o->uris[i], (const char *)uri) == 0)
			return o->docs[i];
	/* Parsed with its own dictionary, not the transform's, which goes
	 * with the transform. */
	if ((doc = base_loader(uri, NULL, options, ctxt, type)) == NULL)
		return NULL;
	if (unstripped != NULL)
		strip_new(ctxt, doc);
	o->docs = xrealloc(o->docs, (o->ndocs + 1) * sizeof(xmlDocPtr));
	o->uris = xrealloc(o->uris, (o->ndocs + 1) * sizeof(char *));
	o->docs[o->ndocs] = doc;
	o->uris[o->ndocs++] = xstrdup((const char *)uri);
	return doc;
}

/* Takes o's kept documents out of what ctxt frees. */
static void
keep_docs(struct output *o, xsltTransformContextPtr ctxt)
{
	xsltDocumentPtr d;
	size_t i;

	for (d = ctxt->docList; d != NULL; d = d->next)
		for (i = 0; i < o->ndocs; i++)
			if (d->doc == o->docs[i])
				d->doc = NULL;
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
			template_error(at ? at : file, at ? line : 0, at ? 1 : 0, p);
			at = NULL;
		}
		if (nl == NULL)
			break;
	}
	errors.len = 0;
	errors.data[0] = '\0';
}

/*
 * XPath functions for the string jobs that XSLT 1.0 does a character at
 * a time through recursive templates, in the namespace PRESS_NS
 * (templates/README.md describes them for designers):
 *
 *   press:replace(s, from, to)  s with every from replaced by to
 *   press:escape-attr(s)        s escaped for a double-quoted attribute
 *                               written as text: & < " as references
 *   press:json-string(s)        s as a JSON string, quotes included: \ and
 *                               " escaped, < as \u003c (no "</script"),
 *                               line breaks and tabs as spaces
 *   press:break-after(s, marks, closing, break)
 *                               s with break after each character of
 *                               marks, moved past up to two characters
 *                               of closing that follow it (。” as 。”⏎)
 */
#define PRESS_NS ((const xmlChar *)PRESS_XSLT_NS)

/* Pops the function's string arguments (n of them) into args. */
static int
pop_strings(xmlXPathParserContextPtr ctxt, int nargs, int n, xmlChar **args)
{
	int i;

	if (nargs != n) {
		xmlXPathSetArityError(ctxt);
		return 0;
	}
	for (i = n - 1; i >= 0; i--)
		args[i] = xmlXPathPopString(ctxt);
	for (i = 0; i < n; i++)
		if (args[i] == NULL) {
			for (i = 0; i < n; i++)
				xmlFree(args[i]);
			xmlXPathSetTypeError(ctxt);
			return 0;
		}
	return 1;
}

static void
push_buf(xmlXPathParserContextPtr ctxt, struct buf *b)
{
	valuePush(ctxt, xmlXPathWrapString(xmlStrndup((const xmlChar *)b->data,
	                                              (int)b->len)));
	buf_free(b);
}

static void
fn_replace(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *a[3];
	const char *p, *hit;
	size_t flen;
	struct buf b = {0};

	if (!pop_strings(ctxt, nargs, 3, a))
		return;
	buf_add(&b, "", 0);
	flen = strlen((const char *)a[1]);
	for (p = (const char *)a[0];
	     flen > 0 && (hit = strstr(p, (const char *)a[1])) != NULL;
	     p = hit + flen) {
		buf_add(&b, p, (size_t)(hit - p));
		buf_adds(&b, (const char *)a[2]);
	}
	buf_adds(&b, p);
	push_buf(ctxt, &b);
	xmlFree(a[0]);
	xmlFree(a[1]);
	xmlFree(a[2]);
}

/* What press:escape-attr() writes for c, or NULL: c itself. */
static const char *
attr_of(char c)
{
	switch (c) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '"':
		return "&quot;";
	default:
		return NULL;
	}
}

/* What press:json-string() writes for c, or NULL: c itself. */
static const char *
json_of(char c)
{
	switch (c) {
	case '\\':
		return "\\\\";
	case '"':
		return "\\\"";
	case '<':
		return "\\u003c";
	case '\n':
	case '\r':
	case '\t':
		return " ";
	default:
		return NULL;
	}
}

/* The one string argument, each byte as of() says, between quotes. */
static void
escape(xmlXPathParserContextPtr ctxt, int nargs, const char *(*of)(char),
       const char *quote)
{
	xmlChar *s;
	const char *p, *run, *rep;
	struct buf b = {0};

	if (!pop_strings(ctxt, nargs, 1, &s))
		return;
	buf_adds(&b, quote);
	/* Runs of bytes kept as they are go in at once. */
	for (run = p = (const char *)s; *p != '\0'; p++)
		if ((rep = of(*p)) != NULL) {
			buf_add(&b, run, (size_t)(p - run));
			buf_adds(&b, rep);
			run = p + 1;
		}
	buf_add(&b, run, (size_t)(p - run));
	buf_adds(&b, quote);
	push_buf(ctxt, &b);
	xmlFree(s);
}

static void
fn_escape_attr(xmlXPathParserContextPtr ctxt, int nargs)
{
	escape(ctxt, nargs, attr_of, "");
}

static void
fn_json_string(xmlXPathParserContextPtr ctxt, int nargs)
{
	escape(ctxt, nargs, json_of, "\"");
}

/* Whether the character of n bytes at p is one of set's. */
static int
one_of(const char *p, size_t n, const char *set)
{
	char c[5];

	if (n == 0 || n > 4)
		return 0;
	memcpy(c, p, n);
	c[n] = '\0';
	return strstr(set, c) != NULL; /* UTF-8: only whole characters match */
}

static void
fn_break_after(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *a[4];
	const char *p, *marks, *closing, *brk, *end;
	struct buf b = {0};
	size_t n;
	uint32_t c;
	int past;

	if (!pop_strings(ctxt, nargs, 4, a))
		return;
	marks = (const char *)a[1], closing = (const char *)a[2];
	brk = (const char *)a[3];
	buf_add(&b, "", 0);
	p = (const char *)a[0];
	end = p + strlen(p);
	while (p < end) {
		if ((n = u8_next(p, (size_t)(end - p), &c)) == 0)
			n = 1;
		buf_add(&b, p, n);
		p += n;
		if (!one_of(p - n, n, marks))
			continue;
		for (past = 0; past < 2 && p < end; past++) {
			if ((n = u8_next(p, (size_t)(end - p), &c)) == 0 ||
			    !one_of(p, n, closing))
				break;
			buf_add(&b, p, n);
			p += n;
		}
		buf_adds(&b, brk);
	}
	push_buf(ctxt, &b);
	for (n = 0; n < 4; n++)
		xmlFree(a[n]);
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

/* Whether every {name} in an output's path is one its over fills:
 * {issue} but for the archive and months, {page} for pages and stories,
 * {slug} for stories, {month} for months.  Reports the first that is
 * not at its line. */
static int
placeholders(const char *path, yaml_node_t *node, const char *to,
             enum over o)
{
	static const char *const names[] = {"{issue}", "{page}", "{slug}",
	                                    "{month}"};
	const enum over least[] = {OVER_LATEST, OVER_PAGE, OVER_STORY};
	const char *p, *end;
	char *msg;
	size_t i;
	int fills;

	for (p = strchr(to, '{'); p != NULL; p = strchr(p + 1, '{')) {
		end = strchr(p, '}');
		for (i = 0; i < 4; i++)
			if (end != NULL &&
			    strncmp(p, names[i], (size_t)(end - p + 1)) == 0 &&
			    strlen(names[i]) == (size_t)(end - p + 1))
				break;
		if (i == 3)
			fills = o == OVER_MONTH;
		else
			fills = i < 3 && o != OVER_MONTH && o >= least[i] &&
			        !(i == 0 && o == OVER_ARCHIVE);
		if (fills)
			continue;
		msg = i < 4 ?
		    xasprintf("%s cannot be filled in for over: %s", names[i],
		              over_names[o]) :
		    xasprintf("unknown placeholder in '%s': {issue}, {page}, "
		              "{slug} and {month} are filled in", to);
		diag(path, fm_line(node, 0), fm_col(node), D_TEMPLATE, msg);
		free(msg);
		return 0;
	}
	return 1;
}

/* Whether an output's stylesheet is there; reports it at its line. */
static int
sheet_exists(const char *path, yaml_node_t *node, const char *sheet)
{
	char *file = xasprintf("%s/%s", templates, sheet), *msg;
	int ok = access(file, R_OK) == 0;

	if (!ok) {
		msg = xasprintf("no stylesheet %s", file);
		diag(path, fm_line(node, 0), fm_col(node), D_TEMPLATE, msg);
		free(msg);
	}
	free(file);
	return ok;
}

int
render_load(const char *dir, const char *encoding)
{
	yaml_document_t doc;
	yaml_node_t *root, *list, *e, *key;
	yaml_node_item_t *it;
	struct src *src;
	char *path;
	int ok = 0;
	enum over o;

	/* Loading again (press serve after a template change) starts over. */
	render_free();
	exsltRegisterAll(); /* exsl:node-set() and friends, as xsltproc has */
	words_register();   /* press:words() */
	xsltRegisterExtModuleFunction(X("replace"), PRESS_NS, fn_replace);
	xsltRegisterExtModuleFunction(X("escape-attr"), PRESS_NS, fn_escape_attr);
	xsltRegisterExtModuleFunction(X("json-string"), PRESS_NS, fn_json_string);
	xsltRegisterExtModuleFunction(X("break-after"), PRESS_NS, fn_break_after);
	if (base_loader == NULL)
		base_loader = xsltDocDefaultLoader;
	xsltSetLoaderFunc(loader);
	templates = xstrdup(dir);
	print_encoding = encoding;
	/* libxml2 grows its buffers to the exact size by default: an XPath
	 * translate() over a 3 MB headline then reallocates a character at
	 * a time. */
	xmlSetBufferAllocationScheme(XML_BUFFER_ALLOC_DOUBLEIT);
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
		diag(path, 1, 1, D_TEMPLATE, _("'outputs' must be a list"));
		goto out_doc;
	}
	ok = 1;
	for (it = list->data.sequence.items.start;
	     it < list->data.sequence.items.top; it++) {
		const char *sheet, *over, *to, *pv, *enc, *idx;

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
			     "'over' must be archive, month, latest, issue, page or "
			     "story");
			ok = 0;
			continue;
		}
		if (!placeholders(path, fm_get(&doc, e, "path", NULL), to, o) ||
		    !sheet_exists(path, fm_get(&doc, e, "sheet", NULL), sheet)) {
			ok = 0;
			continue;
		}
		pv = fm_scalar(fm_get(&doc, e, "preview", NULL));
		key = fm_get(&doc, e, "encoding", NULL);
		enc = fm_scalar(key);
		if (enc != NULL && strcmp(enc, "UTF-8") != 0) {
			diag(path, fm_line(key, 0), fm_col(key), D_TEMPLATE,
			     "'encoding' can only be UTF-8 (the file stays UTF-8 "
			     "whatever --print-encoding names)");
			ok = 0;
			continue;
		}
		/* index: a story's text for search (search.c), read back
		 * from the site, which the index goes into too. */
		key = fm_get(&doc, e, "index", NULL);
		idx = fm_scalar(key);
		if (idx != NULL &&
		    (o != OVER_STORY || strncmp(to, "site/", 5) != 0 ||
		     strncmp(idx, "site/", 5) != 0 || !inside(path, key, idx))) {
			diag(path, fm_line(key, 0), fm_col(key), D_TEMPLATE,
			     "'index' is for an output over: story under site/, "
			     "and names a folder under site/");
			ok = 0;
			continue;
		}
		outputs = xrealloc(outputs, (noutputs + 1) * sizeof(*outputs));
		memset(&outputs[noutputs], 0, sizeof(*outputs));
		outputs[noutputs].sheet = xstrdup(sheet);
		outputs[noutputs].over = o;
		outputs[noutputs].path = xstrdup(to);
		outputs[noutputs].utf8 = enc != NULL;
		outputs[noutputs].index = idx ? xstrdup(idx) : NULL;
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
	current = o;
	add_dep(o, path);
	o->xsl = access(path, R_OK) != 0 ? NULL :
	         xsltParseStylesheetFile((const xmlChar *)path);
	current = NULL;
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (o->xsl == NULL) {
		report(path, access(path, R_OK) != 0 ? strerror(errno) :
		       "cannot load the stylesheet");
		o->failed = 1;
	}
	free(path);
	return o->xsl;
}

/* The output path with {issue}, {page}, {slug} and {month} filled in. */
static char *
expand(const char *pattern, const char *issue, const char *page,
       const char *slug, const char *month)
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
		} else if (strncmp(p, "{month}", 7) == 0 && month != NULL) {
			buf_adds(&b, month);
			p += 6;
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
      const char *issue, const char *page, const char *slug,
      const char *month)
{
	xsltStylesheetPtr xsl = sheet(o);
	const char *params[13];
	char *owned[6] = {0};
	const char *names[] = {"root", "issue", "page", "slug", "month"};
	const char *values[] = {root, issue, page, slug, month};
	xsltTransformContextPtr ctxt;
	xmlDocPtr res;
	xmlChar *mem = NULL;
	char *path, *p, *nl;
	int len = 0, ok = 0, i, n = 0;

	if (xsl == NULL)
		return 0;
	for (i = 0; i < 5; i++)
		if (values[i] != NULL) {
			params[2 * n] = names[i];
			params[2 * n + 1] = owned[n] = xasprintf("'%s'", values[i]);
			n++;
		}
	params[2 * n] = NULL;
	errors.len = 0;
	errors.data[0] = '\0';
	current = o;
	if (doc == issue_doc && o->stripped && few_imports(xsl))
		rules_off(xsl);
	ctxt = xsltNewTransformContext(xsl, doc);
	res = ctxt == NULL ? NULL :
	      xsltApplyStylesheetUser(xsl, doc, params, NULL, NULL, ctxt);
	if (ctxt != NULL) {
		keep_docs(o, ctxt);
		xsltFreeTransformContext(ctxt);
	}
	if (unstripped != NULL)
		rules_on();
	o->stripped = doc == issue_doc;
	current = NULL;
	for (i = 0; i < n; i++)
		free(owned[i]);
	path = xasprintf("%s/%s", templates, o->sheet);
	if (res == NULL || xsltSaveResultToString(&mem, &len, res, xsl) != 0) {
		report(path, "the stylesheet failed");
		goto out;
	}
	/* What xsl:message said of a rendering that went well: a warning on
	 * this sheet and this output, now, not kept for another's failure. */
	for (p = errors.data; *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) != NULL)
			*nl = '\0';
		if (*p != '\0')
			diag(path, 0, 0, D_TEMPLATE_MSG, file, p);
		if (nl == NULL)
			break;
	}
	errors.len = 0;
	errors.data[0] = '\0';
	/* Characters of the story were checked before (issue.c); what the
	 * sheet or words.xml adds that the encoding cannot hold is a
	 * character reference in XML, else an error at the sheet. */
	if (print_encoding != NULL && !o->utf8 &&
	    strncmp(o->path, "print/", 6) == 0)
		ok = out_write_encoded(file, mem ? (const char *)mem : "",
		                       (size_t)len, print_encoding,
		                       res->type == XML_HTML_DOCUMENT_NODE ||
		                       (xsl->method != NULL &&
		                        !xmlStrEqual(xsl->method, (const xmlChar *)"xml")) ?
		                       path : NULL);
	else
		ok = out_write(file, mem ? (const char *)mem : "", (size_t)len);
out:
	free(path);
	xmlFree(mem);
	xmlFreeDoc(res);
	return ok;
}

void
render_filter(int on)
{
	filtering = on;
}

/* Whether the filter lets o through. */
static int
wanted(const struct output *o)
{
	return !filtering || o->dirty;
}

/* The cache's key for o: its entry in outputs.yaml (a new entry, or one
 * changed, is rendered everywhere). */
static char *
dep_key(const struct output *o)
{
	uint64_t h = hash_bytes(o->sheet, strlen(o->sheet) + 1, 1);

	h = hash_bytes(o->path, strlen(o->path) + 1, h);
	h = hash_bytes(&o->utf8, sizeof(o->utf8), h);
	h = hash_bytes(over_names[o->over], strlen(over_names[o->over]), h);
	return xasprintf("made-of:%016" PRIx64, h);
}

/* The contents of o's files, names and all. */
static uint64_t
deps_hash(struct cache *c, const struct output *o)
{
	uint64_t h = 1, fh;
	size_t i;

	for (i = 0; i < o->ndeps; i++) {
		fh = cache_file(c, o->deps[i]);
		h = hash_bytes(o->deps[i], strlen(o->deps[i]) + 1, h);
		h = hash_bytes(&fh, sizeof(fh), h);
	}
	return h;
}

/* A "KEY<TAB>FILE" line of a list of deps into the outputs it names. */
static void
dep_line(char *line, void *arg)
{
	char *tab = strchr(line, '\t');
	size_t i;

	(void)arg;
	if (tab == NULL)
		return;
	*tab = '\0';
	for (i = 0; i < noutputs; i++) {
		char *key = dep_key(&outputs[i]);

		if (strcmp(key, line) == 0)
			add_dep(&outputs[i], tab + 1);
		free(key);
	}
}

int
render_dirty(struct cache *c, const char *out)
{
	char *path = xasprintf("%s/.press/deps", out), *key;
	size_t i;
	int n = 0;

	each_line(path, dep_line, NULL);
	free(path);
	for (i = 0; i < noutputs; i++) {
		struct output *o = &outputs[i];

		key = dep_key(o);
		o->dirty = o->ndeps == 0 || cache_get(c, key) != deps_hash(c, o);
		n += o->dirty;
		free(key);
	}
	return n;
}

int
render_deps_save(const char *file)
{
	struct buf b = {0};
	size_t i, k;
	int ok;

	buf_add(&b, "", 0);
	for (i = 0; i < noutputs; i++) {
		char *key = dep_key(&outputs[i]);

		for (k = 0; k < outputs[i].ndeps; k++) {
			buf_adds(&b, key);
			buf_add(&b, "\t", 1);
			buf_adds(&b, outputs[i].deps[k]);
			buf_add(&b, "\n", 1);
		}
		free(key);
	}
	ok = out_write(file, b.data, b.len);
	buf_free(&b);
	return ok;
}

void
render_commit(struct cache *c, const char *out, int all)
{
	char *dir = xasprintf("%s/.press", out), *path, *key;
	struct dirent *e;
	DIR *d;
	size_t i;

	/* What the worker processes loaded. */
	if ((d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if (strncmp(e->d_name, "deps.", 5) == 0) {
				path = xasprintf("%s/%s", dir, e->d_name);
				each_line(path, dep_line, NULL);
				unlink(path);
				free(path);
			}
		closedir(d);
	}
	for (i = 0; i < noutputs; i++) {
		struct output *o = &outputs[i];

		key = dep_key(o);
		/* A build of some issues only leaves the rest to do. */
		if (o->failed || (!all && o->dirty))
			cache_set(c, key, 0);
		else
			cache_set(c, key, deps_hash(c, o));
		free(key);
	}
	path = xasprintf("%s/deps", dir);
	render_deps_save(path);
	free(path);
	free(dir);
}

static xmlDocPtr print_doc; /* render_print() */
static int print_skip;

void
render_print(xmlDocPtr doc, int skip)
{
	print_doc = doc;
	print_skip = skip;
}

/* Whether o is a print file in the print encoding (not the ICML). */
static int
print_file(const struct output *o)
{
	return !o->utf8 && strncmp(o->path, "print/", 6) == 0;
}

static int
render_some(enum over over, xmlDocPtr doc, const char *out,
            const char *issue, const char *page, const char *slug,
            const char *month)
{
	size_t i;
	int ok = 1;

	/* A new issue, or no issue: every output strips what it runs over. */
	if (over == OVER_ISSUE || (over != OVER_PAGE && over != OVER_STORY)) {
		issue_doc = over == OVER_ISSUE ? doc : NULL;
		for (i = 0; i < noutputs; i++)
			outputs[i].stripped = 0;
	}
	for (i = 0; i < noutputs; i++) {
		struct output *o = &outputs[i];
		char *rel, *file, *root;

		if (o->over != over || !wanted(o) || (print_skip && print_file(o)))
			continue;
		rel = expand(o->path, issue, page, slug, month);
		file = xasprintf("%s/%s", out, rel);
		root = root_of(rel);
		ok &= apply(o, print_doc != NULL && print_file(o) ? print_doc : doc,
		            file, root, issue, page, slug, month);
		free(root);
		free(file);
		free(rel);
	}
	return ok;
}

int
render_over(enum over over, xmlDocPtr doc, const char *out,
            const char *issue, const char *page, const char *slug)
{
	return render_some(over, doc, out, issue, page, slug, NULL);
}

int
render_month(xmlDocPtr doc, const char *out, const char *month)
{
	return render_some(OVER_MONTH, doc, out, NULL, NULL, NULL, month);
}

/*
 * The bodies set aside while a story's outputs render: one list for the
 * issue and one for its print copy (render_print()).
 */
struct aside {
	xmlDocPtr doc;
	struct aside_body {
		xmlNodePtr node;  /* a <story>'s or <continuation>'s <body> */
		xmlNodePtr after; /* its element before it, or NULL: first */
		xmlNodePtr owner; /* the story or continuation */
		xmlChar *slug;
		int out;          /* set aside now */
	} *b;
	size_t n;
};
static struct aside asides[2];

/* A body back in its place, if it was set aside. */
static void
aside_back(struct aside_body *b)
{
	if (!b->out)
		return;
	if (b->after != NULL)
		xmlAddNextSibling(b->after, b->node);
	else if (b->owner->children != NULL)
		xmlAddPrevSibling(b->owner->children, b->node);
	else
		xmlAddChild(b->owner, b->node);
	b->out = 0;
}

static void
aside_free(struct aside *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		aside_back(&a->b[i]);
		xmlFree(a->b[i].slug);
	}
	free(a->b);
	memset(a, 0, sizeof(*a));
}

/* Every story's and continuation's body in doc, into a. */
static void
aside_find(struct aside *a, xmlDocPtr doc)
{
	xmlNodePtr page, n, c, prev;

	a->doc = doc;
	for (page = xmlDocGetRootElement(doc)->children; page != NULL;
	     page = page->next)
		for (n = page->children; n != NULL; n = n->next) {
			if (n->type != XML_ELEMENT_NODE ||
			    (!xmlStrEqual(n->name, (const xmlChar *)"story") &&
			     !xmlStrEqual(n->name, (const xmlChar *)"continuation")))
				continue;
			for (prev = NULL, c = n->children; c != NULL; c = c->next) {
				if (c->type != XML_ELEMENT_NODE)
					continue;
				if (xmlStrEqual(c->name, (const xmlChar *)"body"))
					break;
				prev = c;
			}
			if (c == NULL)
				continue;
			a->b = xrealloc(a->b, (a->n + 1) * sizeof(*a->b));
			a->b[a->n].node = c;
			a->b[a->n].after = prev;
			a->b[a->n].owner = n;
			a->b[a->n].slug = xmlGetProp(n, (const xmlChar *)"slug");
			a->b[a->n++].out = 0;
		}
}

void
render_aside(xmlDocPtr doc, const char *slug)
{
	struct aside *a = NULL;
	size_t i;
	int k;

	if (doc == NULL)
		return;
	for (k = 0; k < 2 && a == NULL; k++)
		if (asides[k].doc == doc)
			a = &asides[k];
	if (slug == NULL) {
		if (a != NULL)
			aside_free(a);
		return;
	}
	for (k = 0; k < 2 && a == NULL; k++)
		if (asides[k].doc == NULL) {
			a = &asides[k];
			aside_find(a, doc);
		}
	if (a == NULL)
		return;
	for (i = 0; i < a->n; i++)
		if (xmlStrEqual(a->b[i].slug, (const xmlChar *)slug))
			aside_back(&a->b[i]);
		else if (!a->b[i].out) {
			xmlUnlinkNode(a->b[i].node);
			a->b[i].out = 1;
		}
	/* What the stories' outputs stripped is not the body now in. */
	for (i = 0; i < noutputs; i++)
		if (outputs[i].over == OVER_STORY)
			outputs[i].stripped = 0;
}

char **
render_paths(enum over over, const char *issue, const char *page,
             const char *slug)
{
	char **list = xcalloc(noutputs + ncopies + 1, sizeof(char *));
	size_t i, n = 0;

	for (i = 0; i < noutputs; i++)
		if (outputs[i].over == over)
			list[n++] = expand(outputs[i].path, issue, page, slug, NULL);
	for (i = 0; over == OVER_ARCHIVE && i < ncopies; i++)
		list[n++] = xstrdup(copies[i].to);
	return list;
}

/* The entry of outputs.yaml with index:, or NULL. */
static struct output *
index_output(void)
{
	size_t i;

	for (i = 0; i < noutputs; i++)
		if (outputs[i].index != NULL)
			return &outputs[i];
	return NULL;
}

const char *
render_index(int *dirty)
{
	struct output *o = index_output();

	*dirty = o != NULL && o->dirty;
	return o != NULL ? o->index : NULL;
}

char *
render_index_path(const char *issue, const char *page, const char *slug)
{
	struct output *o = index_output();

	return o != NULL ? expand(o->path, issue, page, slug, NULL) : NULL;
}

char **
render_paths_month(const char *month)
{
	char **list = xcalloc(noutputs + 1, sizeof(char *));
	size_t i, n = 0;

	for (i = 0; i < noutputs; i++)
		if (outputs[i].over == OVER_MONTH)
			list[n++] = expand(outputs[i].path, NULL, NULL, NULL, month);
	return list;
}

int
render_wants(enum over over)
{
	size_t i;

	for (i = 0; i < noutputs; i++)
		if (outputs[i].over == over && wanted(&outputs[i]))
			return 1;
	return 0;
}

char *
render_preview(xmlDocPtr doc, const char *dir, const char *slug)
{
	size_t i;
	char *first = NULL;

	issue_doc = NULL;
	for (i = 0; i < noutputs; i++) {
		struct output *o = &outputs[i];
		const char *ext = strrchr(o->path, '.');
		char *file;

		if (!o->preview)
			continue;
		file = xasprintf("%s/%s%s", dir, slug, ext ? ext : "");
		if (apply(o, doc, file, "", NULL, NULL, slug, NULL) && first == NULL)
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
		size_t k;

		xsltFreeStylesheet(outputs[i].xsl);
		free(outputs[i].sheet);
		free(outputs[i].path);
		free(outputs[i].index);
		for (k = 0; k < outputs[i].ndeps; k++)
			free(outputs[i].deps[k]);
		free(outputs[i].deps);
		for (k = 0; k < outputs[i].ndocs; k++) {
			xmlFreeDoc(outputs[i].docs[k]);
			free(outputs[i].uris[k]);
		}
		free(outputs[i].docs);
		free(outputs[i].uris);
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
	issue_doc = NULL;
	buf_free(&errors);
	filtering = 0;
	for (i = 0; i < ntold; i++)
		free(told[i]);
	for (i = 0; i < nbroken; i++)
		free(broken[i]);
	free(told);
	free(broken);
	told = broken = NULL;
	ntold = nbroken = 0;
}
