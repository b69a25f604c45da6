/*
 * Stage 2, front matter: the YAML header between two '---' lines, loaded
 * by libyaml into a document whose nodes keep their positions.  This
 * stage only finds and parses the block; validate.c judges its keys.
 * issue.c loads issue.yaml and paper.yaml through the same functions.
 */
#include <stdlib.h>
#include <string.h>

#include "press.h"

/* The start of line n (from 0) of text, or NULL past its end. */
static const char *line_at(const char *text, size_t len, size_t n);

/* The code point the escape at p (after its backslash, end at most)
 * stands for; -1 for none this function knows. */
static long
escaped(const char *p, const char *end)
{
	size_t digits, k;
	long v = 0;

	if (p >= end)
		return -1;
	switch (*p) {
	case '0':
		return 0;
	case 'a':
		return 0x07;
	case 'b':
		return 0x08;
	case 'v':
		return 0x0B;
	case 'f':
		return 0x0C;
	case 'e':
		return 0x1B;
	case 'N':
		return 0x85;
	case 'x':
		digits = 2;
		break;
	case 'u':
		digits = 4;
		break;
	case 'U':
		digits = 8;
		break;
	default:
		return -1;
	}
	for (k = 1; k <= digits; k++) {
		int c = p + k < end ? (unsigned char)p[k] : 0;

		if (c >= '0' && c <= '9')
			v = v * 16 + (c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + (c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v = v * 16 + (c - 'A' + 10);
		else
			return -1;
	}
	return v;
}

/*
 * Where in text the escape of a double-quoted scalar n that makes cp
 * stands: its line and column, as libyaml counts them (from 0,
 * characters).  The scalar's start when none does.
 */
static void
escape_place(const char *text, size_t len, const yaml_node_t *n, uint32_t cp,
             size_t *line, size_t *col)
{
	const char *p = line_at(text, len, n->start_mark.line), *end = text + len;
	size_t l = n->start_mark.line, c = 0;
	uint32_t ch;

	*line = n->start_mark.line;
	*col = n->start_mark.column;
	if (p == NULL || n->data.scalar.style != YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		return;
	for (; c < n->start_mark.column && p < end && *p != '\n'; c++)
		p += u8_next(p, (size_t)(end - p), &ch);
	/* Past the opening quote, to the closing one. */
	for (p++, c++; p < end && *p != '"'; c++) {
		if (*p == '\n') {
			l++;
			c = (size_t)-1;
			p++;
			continue;
		}
		if (*p == '\\') {
			if (escaped(p + 1, end) == (long)cp) {
				*line = l;
				*col = c;
				return;
			}
			p++, c++;
		}
		p += u8_next(p, (size_t)(end - p), &ch);
	}
}

/* A YAML escape ("\v", "\uFFFE") can make what the file's text could
 * not hold: such characters go from every scalar with a warning at the
 * escape, as src.c removes them from the text. */
static void
strip_scalars(const char *path, const char *text, size_t tlen,
              yaml_document_t *doc, int line_offset)
{
	yaml_node_t *n;
	size_t first, len, line, col;
	uint32_t cp;

	for (n = doc->nodes.start; n < doc->nodes.top; n++) {
		if (n->type != YAML_SCALAR_NODE)
			continue;
		len = n->data.scalar.length;
		n->data.scalar.length = u_strip((char *)n->data.scalar.value,
		    len, &first, &cp);
		if (first < len) {
			escape_place(text, tlen, n, cp, &line, &col);
			diag(path, (int)line + 1 + line_offset, (int)col + 1,
			     D_CONTROL, (unsigned)cp);
		}
	}
}

/*
 * YAML forbids a key given twice in one mapping, and libyaml keeps both:
 * every repeat is an error at its line, naming the first, since two
 * title: lines usually differ and nobody can tell which one is meant.
 */
static void
duplicates(const char *path, yaml_document_t *doc, int line_offset)
{
	yaml_node_t *n;
	yaml_node_pair_t *p, *q;

	for (n = doc->nodes.start; n < doc->nodes.top; n++) {
		if (n->type != YAML_MAPPING_NODE)
			continue;
		for (p = n->data.mapping.pairs.start;
		     p < n->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(doc, p->key);
			const char *s = fm_scalar(k);

			if (s == NULL)
				continue;
			for (q = n->data.mapping.pairs.start; q < p; q++) {
				yaml_node_t *first = yaml_document_get_node(doc, q->key);
				const char *t = fm_scalar(first);

				if (t != NULL && strcmp(s, t) == 0) {
					diag(path, fm_line(k, line_offset), fm_col(k),
					     D_FM_DUP_KEY, s, fm_line(first, line_offset));
					break;
				}
			}
		}
	}
}

/* The start of line n (from 0) of text, or NULL past its end. */
static const char *
line_at(const char *text, size_t len, size_t n)
{
	const char *p = text, *end = text + len;

	while (n > 0 && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		if (nl == NULL)
			return NULL;
		p = nl + 1;
		n--;
	}
	return n == 0 ? p : NULL;
}

/*
 * A line at or before line last (from 0) whose key has no space after
 * its colon (title:标题), which YAML reads as one plain text; its number,
 * or -1.  *key gets the key and *col the column after the colon.
 */
static long
colon_slip(const char *text, size_t len, size_t last, char **key, int *col)
{
	size_t n, k;
	const char *p;

	for (n = 0; n <= last && (p = line_at(text, len, n)) != NULL; n++) {
		for (k = 0; p[k] == ' '; k++)
			;
		if (p[k] == '-' || p[k] == '#')
			continue;
		while ((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z') ||
		       (p[k] >= '0' && p[k] <= '9') || p[k] == '_' || p[k] == '-')
			k++;
		if (k > 0 && p[k] == ':' && p[k + 1] != ' ' && p[k + 1] != '\n' &&
		    p[k + 1] != '\0' && p[k + 1] != '\t' && p[k - 1] != ' ') {
			size_t from = strspn(p, " ");

			*key = xstrndup(p + from, k - from);
			*col = (int)u8_count(p, k + 1) + 1;
			return (long)n;
		}
	}
	return -1;
}

/*
 * Reports a YAML syntax error in words a reporter knows, at the line
 * where the problem starts: an unclosed quote where the quote opens, not
 * at the end of the header where libyaml noticed it.  What it does not
 * recognise it reports in libyaml's words.
 */
static void
yaml_error(const char *path, const char *text, size_t len, int line_offset,
           const yaml_parser_t *parser)
{
	const char *problem = parser->problem ? parser->problem : "error";
	const char *context = parser->context ? parser->context : "";
	yaml_mark_t m = parser->problem_mark, c = parser->context_mark;
	const char *p;
	char *key, *msg, quote[8];
	int col;
	long n;

	if (strstr(context, "quoted scalar") != NULL &&
	    strstr(problem, "end of stream") != NULL) {
		snprintf(quote, sizeof(quote), "%c", text[c.index]);
		diag(path, (int)c.line + 1 + line_offset, (int)c.column + 1,
		     D_YAML_QUOTE, quote);
		return;
	}
	if (strstr(context, "while parsing a flow") != NULL) {
		snprintf(quote, sizeof(quote), "%c", text[c.index]);
		diag(path, (int)c.line + 1 + line_offset, (int)c.column + 1,
		     D_YAML_BRACKET, quote);
		return;
	}
	if (strstr(problem, "tab") != NULL ||
	    (m.index < len && text[m.index] == '\t')) {
		diag(path, (int)m.line + 1 + line_offset, (int)m.column + 1,
		     D_YAML_TAB);
		return;
	}
	if ((n = colon_slip(text, len, m.line, &key, &col)) >= 0) {
		diag(path, (int)n + 1 + line_offset, col, D_YAML_COLON, key);
		free(key);
		return;
	}
	if (strstr(problem, "mapping values are not allowed") != NULL ||
	    strstr(problem, "did not find expected key") != NULL) {
		p = line_at(text, len, m.line);
		col = p ? (int)strspn(p, " ") + 1 : (int)m.column + 1;
		diag(path, (int)m.line + 1 + line_offset, col, D_YAML_INDENT);
		return;
	}
	if (*context != '\0')
		msg = xasprintf("%s %s", problem, context);
	else
		msg = xstrdup(problem);
	diag(path, (int)m.line + 1 + line_offset, (int)m.column + 1, D_YAML, msg);
	free(msg);
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
		yaml_error(path, text, len, line_offset, &parser);
		/* yaml_parser_load leaves doc zeroed on failure. */
		memset(doc, 0, sizeof(*doc));
	} else {
		strip_scalars(path, text, len, doc, line_offset);
		duplicates(path, doc, line_offset);
	}
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

/*
 * The edit distance between two keys, a swap of neighbours counting one
 * (titel, subtitel); 99 for keys too long to be worth it.
 */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, d[32][32], best;

	if (la > 30 || lb > 30)
		return 99;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[la][lb];
}

const char *
fm_near(const char *key, const char *const *known)
{
	const char *found = NULL;
	size_t i, most, d, best = 99;
	int tie = 0;

	/* The nearest known key; none when two are as near ('nmae' is one
	 * slip from 'name', two from 'image': 'name'). */
	for (i = 0; known[i] != NULL; i++) {
		/* A short key is near only at one slip: 'no' is not 'name'. */
		most = strlen(known[i]) >= 5 ? 2 : 1;
		if ((d = distance(key, known[i])) > most || d > best)
			continue;
		tie = d == best;
		best = d;
		found = known[i];
	}
	return tie ? NULL : found;
}

int
fm_unknown(const char *path, yaml_node_t *k, int line_offset,
           const char *const *known)
{
	const char *s = fm_scalar(k), *near = s ? fm_near(s, known) : NULL;

	if (near != NULL)
		diag(path, fm_line(k, line_offset), fm_col(k), D_FM_MISSPELT, s,
		     near);
	else
		diag(path, fm_line(k, line_offset), fm_col(k), D_FM_UNKNOWN_KEY,
		     s ? s : "?");
	return near != NULL;
}
