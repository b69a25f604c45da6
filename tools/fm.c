/*
 * Stage 2, front matter: the YAML header between two '---' lines, loaded
 * by libyaml into a document whose nodes keep their positions.  This
 * stage only finds and parses the block; validate.c judges its keys.
 * issue.c loads issue.yaml and paper.yaml through the same functions.
 */
#include <stdlib.h>
#include <string.h>

#include "press.h"

/* A YAML escape ("\v", "\uFFFE") can make what the file's text could
 * not hold: such characters go from every scalar with a warning there,
 * as src.c removes them from the text. */
static void
strip_scalars(const char *path, yaml_document_t *doc, int line_offset)
{
	yaml_node_t *n;
	size_t first, len;
	uint32_t cp;

	for (n = doc->nodes.start; n < doc->nodes.top; n++) {
		if (n->type != YAML_SCALAR_NODE)
			continue;
		len = n->data.scalar.length;
		n->data.scalar.length = u_strip((char *)n->data.scalar.value,
		    len, &first, &cp);
		if (first < len)
			diag(path, fm_line(n, line_offset), fm_col(n), D_CONTROL,
			     (unsigned)cp);
	}
}

int
fm_load(const char *path, const char *text, size_t len, int line_offset,
        yaml_document_t *doc)
{
	yaml_parser_t parser;
	int ok;

	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	ok = yaml_parser_load(&parser, doc);
	if (!ok) {
		yaml_mark_t m = parser.problem_mark;
		char *msg;

		if (parser.context != NULL)
			msg = xasprintf("%s %s", parser.problem ? parser.problem
			    : "error", parser.context);
		else
			msg = xstrdup(parser.problem ? parser.problem : "error");
		diag(path, (int)m.line + 1 + line_offset, (int)m.column + 1,
		     D_YAML, msg);
		free(msg);
		/* yaml_parser_load leaves doc zeroed on failure. */
		memset(doc, 0, sizeof(*doc));
	} else
		strip_scalars(path, doc, line_offset);
	yaml_parser_delete(&parser);
	return ok;
}

yaml_node_t *
fm_get(yaml_document_t *doc, yaml_node_t *map, const char *key,
       yaml_node_t **keynode)
{
	yaml_node_pair_t *pair;
	yaml_node_t *found = NULL;

	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return NULL;
	/* The last pair wins, as validate.c tells the reporter. */
	for (pair = map->data.mapping.pairs.start;
	     pair < map->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = yaml_document_get_node(doc, pair->key);
		const char *s = fm_scalar(k);

		if (s != NULL && strcmp(s, key) == 0) {
			found = yaml_document_get_node(doc, pair->value);
			if (keynode != NULL)
				*keynode = k;
		}
	}
	return found;
}

const char *
fm_scalar(yaml_node_t *node)
{
	if (node == NULL || node->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)node->data.scalar.value;
}

int
fm_line(const yaml_node_t *node, int line_offset)
{
	return (int)node->start_mark.line + 1 + line_offset;
}

int
fm_col(const yaml_node_t *node)
{
	return (int)node->start_mark.column + 1;
}
