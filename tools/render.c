/*
 * Stage 7, render: every output is an XSLT stylesheet applied to the
 * print XML.  Stylesheets are loaded on first use, so a preview pays for
 * story.xsl alone.  Adding a format is adding a stylesheet.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "press.h"

static const char *const sheet_files[SHEET_MAX] = {
	"html/archive.xsl", /* SHEET_ARCHIVE */
	"html/issue.xsl",   /* SHEET_ISSUE */
	"html/page.xsl",    /* SHEET_PAGE */
	"html/story.xsl",   /* SHEET_STORY */
};

static char *templates;
static xsltStylesheetPtr sheets[SHEET_MAX];
static int failed[SHEET_MAX];
static struct buf errors; /* libxml2 and libxslt messages, gathered */

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

/* Reports what libxslt said, as one line per message, against file. */
static void
report(const char *file, const char *what)
{
	char *p, *nl;

	if (errors.len == 0) {
		diag(file, 0, 0, D_TEMPLATE, what);
		return;
	}
	for (p = errors.data; *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p) - 1;
		else
			*nl = '\0';
		if (*p != '\0')
			diag(file, 0, 0, D_TEMPLATE, p);
		if (nl[1] == '\0')
			break;
	}
	errors.len = 0;
}

int
render_load(const char *dir)
{
	free(templates);
	templates = xstrdup(dir);
	xsltSetGenericErrorFunc(NULL, gather);
	xmlSetGenericErrorFunc(NULL, gather);
	return 1;
}

static xsltStylesheetPtr
sheet(enum sheet which)
{
	char *path;

	if (sheets[which] != NULL || failed[which])
		return sheets[which];
	path = xasprintf("%s/%s", templates, sheet_files[which]);
	errors.len = 0;
	sheets[which] = xsltParseStylesheetFile((const xmlChar *)path);
	if (sheets[which] == NULL) {
		report(path, "cannot load the stylesheet");
		failed[which] = 1;
	}
	free(path);
	return sheets[which];
}

int
render_to_file(enum sheet which, xmlDocPtr doc, const char **params,
               const char *path)
{
	xsltStylesheetPtr xsl = sheet(which);
	const char *quoted[16];
	char *owned[16];
	xmlDocPtr res;
	xmlChar *mem = NULL;
	int len = 0, ok = 0, i;

	if (xsl == NULL)
		return 0;
	/* Parameters are XPath expressions: pass each value as a string. */
	for (i = 0; params != NULL && params[i] != NULL && i < 14; i += 2) {
		quoted[i] = params[i];
		quoted[i + 1] = owned[i / 2] = xasprintf("'%s'", params[i + 1]);
	}
	quoted[i] = NULL;
	errors.len = 0;
	res = xsltApplyStylesheet(xsl, doc, quoted);
	while ((i -= 2) >= 0)
		free(owned[i / 2]);
	if (res == NULL || xsltSaveResultToString(&mem, &len, res, xsl) != 0) {
		char *file = xasprintf("%s/%s", templates, sheet_files[which]);

		report(file, "the stylesheet failed");
		free(file);
	} else
		ok = out_write(path, mem ? (const char *)mem : "", (size_t)len);
	xmlFree(mem);
	xmlFreeDoc(res);
	return ok;
}

void
render_free(void)
{
	int i;

	for (i = 0; i < SHEET_MAX; i++) {
		xsltFreeStylesheet(sheets[i]);
		sheets[i] = NULL;
		failed[i] = 0;
	}
	free(templates);
	templates = NULL;
	buf_free(&errors);
}
