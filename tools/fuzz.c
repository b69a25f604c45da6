/*
 * The libFuzzer target: bytes → the whole story pipeline → print XML and
 * the preview outputs.  Built and run by `make fuzz`.  A story that
 * passes validation must give XML that matches the schema, and the files
 * written must be well-formed as written: the XML file parses again from
 * its bytes, and the HTML file's bytes are valid UTF-8 without a control
 * character or non-character.  Anything else is a bug, so it aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "press.h"

static void
quiet(void *arg, const struct diag_msg *m)
{
	(void)arg;
	(void)m;
}

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The bytes of a file press wrote; NULL if there is none. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = {0};
	char chunk[65536];
	size_t n;

	if (f == NULL)
		return NULL;
	buf_add(&b, "", 0);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return b.data;
}

/* Aborts unless the file is UTF-8 with no unwanted code point. */
static void
check_bytes(const char *path)
{
	size_t len = 0, i, n;
	char *s = slurp(path, &len);
	uint32_t c;

	if (s == NULL || u8_check(s, len) != len)
		abort();
	for (i = 0; i < len; i += n) {
		n = u8_next(s + i, len - i, &c);
		if (u_is_unwanted(c) && c != '\r')
			abort();
	}
	free(s);
}

/* Aborts unless the XML file parses again as it was written. */
static void
check_xml(const char *path)
{
	size_t len = 0;
	char *s = slurp(path, &len);
	xmlDocPtr doc;

	if (s == NULL)
		abort();
	doc = xmlReadMemory(s, (int)len, path, NULL, XML_PARSE_NONET);
	if (doc == NULL)
		abort();
	xmlFreeDoc(doc);
	free(s);
	check_bytes(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *dir;
	struct story *st;
	xmlDocPtr doc;
	char *html, *xml;
	unsigned fixed;

	if (dir == NULL) {
		char tmpl[] = "/tmp/press-fuzz.XXXXXX";

		xmlInitParser();
		diag_set_hook(quiet, NULL);
		proof_load("articles");
		if (!schema_load("templates") || !render_load("templates", NULL) ||
		    (dir = mkdtemp(tmpl)) == NULL)
			abort();
		dir = xstrdup(dir);
	}
	st = story_load_bytes("fuzz.md", (const char *)data, size);
	proof_story(st, NULL, PROOF_LEVELS);
	free(proof_fix(st, &fixed));
	if (st != NULL && st->ok) {
		doc = storyxml_doc(st, 13);
		if (!schema_validate(doc, ".", "fuzz.md"))
			abort();
		xml = xasprintf("%s/%s.xml", dir, st->slug);
		if (!out_write_xml(xml, doc, NULL))
			abort();
		check_xml(xml);
		unlink(xml);
		free(xml);
		html = render_preview(doc, dir, st->slug);
		if (html == NULL)
			abort();
		check_bytes(html);
		unlink(html);
		free(html);
		xmlFreeDoc(doc);
	}
	story_free(st);
	return 0;
}
