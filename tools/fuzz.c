/*
 * The libFuzzer target: bytes → the whole story pipeline → print XML and
 * the preview outputs.  Built and run by `make fuzz`.  A story that
 * passes validation must give XML that matches the schema: anything else
 * is a bug, so it aborts.
 */
#include <stdint.h>
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *dir;
	struct story *st;
	xmlDocPtr doc;
	char *html;
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
	proof_story(st, PROOF_LEVELS);
	free(proof_fix(st, &fixed));
	if (st != NULL && st->ok) {
		doc = storyxml_doc(st, 13);
		if (!schema_validate(doc, ".", "fuzz.md"))
			abort();
		html = render_preview(doc, dir, st->slug);
		free(html);
		xmlFreeDoc(doc);
	}
	story_free(st);
	return 0;
}
