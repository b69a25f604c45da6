/*
 * The schema check of stage 6: templates/press.rng, loaded once, checks
 * every story and issue document in-process.  libxml2's messages go
 * through diag(), against the story file the bad node belongs to.
 */
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <libxml/relaxng.h>

#include "press.h"

static xmlRelaxNGPtr schema;
static char *schema_path;

struct report {
	const char *dir;      /* the issue folder, for story paths */
	const char *fallback; /* whom to blame when no story is */
	xmlNodePtr last;      /* the story reported last: once each */
	int bad;
};

static void
on_parse_error(void *data, xmlErrorPtr err)
{
	char *msg = xstrndup(err->message, strcspn(err->message, "\n"));

	(void)data;
	diag(schema_path, err->line, 1, D_TEMPLATE, msg);
	free(msg);
}

int
schema_load(const char *templates)
{
	xmlRelaxNGParserCtxtPtr ctxt;

	if (schema != NULL)
		return 1;
	schema_path = xasprintf("%s/press.rng", templates);
	/* Said here, before libxml2 prints its own words on stderr. */
	if (access(schema_path, R_OK) != 0) {
		diag(schema_path, 0, 0, D_TEMPLATE, strerror(errno));
		return 0;
	}
	ctxt = xmlRelaxNGNewParserCtxt(schema_path);
	xmlRelaxNGSetParserStructuredErrors(ctxt, on_parse_error, NULL);
	schema = xmlRelaxNGParse(ctxt);
	xmlRelaxNGFreeParserCtxt(ctxt);
	if (schema == NULL)
		diag(schema_path, 0, 0, D_TEMPLATE, _("cannot load the schema"));
	return schema != NULL;
}

static void
on_error(void *data, xmlErrorPtr err)
{
	struct report *r = data;
	xmlNodePtr n = err->node, story = NULL;
	xmlChar *source;
	char *msg, *path;

	r->bad = 1;
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (strcmp((const char *)n->name, "story") == 0)
			story = n;
	if (story != NULL && story == r->last)
		return;
	r->last = story;
	msg = xstrndup(err->message, strcspn(err->message, "\n"));
	if (story != NULL && (source = xmlGetProp(story, BAD_CAST "source"))) {
		path = xasprintf("%s/%s", r->dir, (const char *)source);
		diag(path, 1, 1, D_SCHEMA, msg);
		free(path);
		xmlFree(source);
	} else
		diag(r->fallback, 1, 1, D_SCHEMA, msg);
	free(msg);
}

int
schema_validate(xmlDocPtr doc, const char *dir, const char *fallback)
{
	xmlRelaxNGValidCtxtPtr ctxt = xmlRelaxNGNewValidCtxt(schema);
	struct report r = {dir, fallback, NULL, 0};
	int ret;

	xmlRelaxNGSetValidStructuredErrors(ctxt, on_error, &r);
	ret = xmlRelaxNGValidateDoc(ctxt, doc);
	xmlRelaxNGFreeValidCtxt(ctxt);
	if (ret != 0 && !r.bad)
		diag(fallback, 1, 1, D_SCHEMA, _("invalid"));
	return ret == 0;
}

void
schema_free(void)
{
	xmlRelaxNGFree(schema);
	schema = NULL;
	free(schema_path);
	schema_path = NULL;
}
