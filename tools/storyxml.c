/*
 * Stage 5, story XML: a validated story → a <story> element in the
 * vocabulary of templates/press.rng, built with libxml2's tree API (which
 * does all escaping).  The body walk follows cmark's own xml.c: one
 * iterator loop, a switch on the node type, and a default that fails
 * loudly so that a node type nobody handles is noticed.
 */
#include <stdlib.h>
#include <string.h>

#include "press.h"

#define X(s) ((const xmlChar *)(s))

static xmlNodePtr
child(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, X(name), X(text));
}

static void build(xmlNodePtr, cmark_node *);
static unsigned count_byline(xmlNodePtr);

/* A figure block: the image's paragraph, then perhaps a credit block. */
static void
figure(xmlNodePtr parent, cmark_node *fig)
{
	cmark_node *img = cmark_node_first_child(cmark_node_first_child(fig));
	cmark_node *cr = cmark_node_next(cmark_node_first_child(fig));
	xmlNodePtr f = xmlNewChild(parent, NULL, X("figure"), NULL);

	xmlNewProp(f, X("href"), X(cmark_node_get_url(img)));
	if (*cmark_node_get_title(img) != '\0')
		xmlNewProp(f, X("title"), X(cmark_node_get_title(img)));
	if (cmark_node_first_child(img) != NULL)
		build(xmlNewChild(f, NULL, X("caption"), NULL), img);
	if (cr != NULL)
		build(xmlNewChild(f, NULL, X("credit"), NULL),
		      cmark_node_first_child(cr));
}

/* Gives each figure under n the size of its photo as validate read it
 * from the file's header: width and height in pixels, dpi when the file
 * states one. */
static void
figure_sizes(xmlNodePtr n, const struct story *st)
{
	char num[24];
	size_t i;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "figure") != 0) {
			figure_sizes(n->children, st);
			continue;
		}
		xmlChar *href = xmlGetProp(n, X("href"));

		for (i = 0; i < st->nphotos; i++)
			if (xmlStrEqual(href, X(st->photos[i].href)))
				break;
		xmlFree(href);
		if (i == st->nphotos || st->photos[i].width <= 0)
			continue;
		snprintf(num, sizeof(num), "%d", st->photos[i].width);
		xmlNewProp(n, X("width"), X(num));
		snprintf(num, sizeof(num), "%d", st->photos[i].height);
		xmlNewProp(n, X("height"), X(num));
		if (st->photos[i].dpi > 0) {
			snprintf(num, sizeof(num), "%d", st->photos[i].dpi);
			xmlNewProp(n, X("dpi"), X(num));
		}
	}
}

/*
 * A table: <thead> with the first row, <tbody> with the others, each
 * cell's alignment from its column (GFM's :-- --: :-:).
 */
static void
table(xmlNodePtr parent, cmark_node *tab)
{
	xmlNodePtr t = xmlNewChild(parent, NULL, X("table"), NULL);
	xmlNodePtr body = NULL, row, cell;
	uint8_t *align = cmark_gfm_extensions_get_table_alignments(tab);
	uint16_t ncols = cmark_gfm_extensions_get_table_columns(tab), i;
	cmark_node *r, *c;
	char num[24];

	snprintf(num, sizeof(num), "%u", (unsigned)ncols);
	xmlNewProp(t, X("columns"), X(num));
	for (r = cmark_node_first_child(tab); r != NULL; r = cmark_node_next(r)) {
		if (cmark_gfm_extensions_get_table_row_is_header(r))
			row = xmlNewChild(xmlNewChild(t, NULL, X("thead"), NULL),
			                  NULL, X("row"), NULL);
		else {
			if (body == NULL)
				body = xmlNewChild(t, NULL, X("tbody"), NULL);
			row = xmlNewChild(body, NULL, X("row"), NULL);
		}
		for (c = cmark_node_first_child(r), i = 0; c != NULL;
		     c = cmark_node_next(c), i++) {
			cell = xmlNewChild(row, NULL, X("cell"), NULL);
			if (align != NULL && i < ncols && align[i] != 0)
				xmlNewProp(cell, X("align"),
				           X(align[i] == 'l' ? "left" :
				             align[i] == 'r' ? "right" : "center"));
			build(cell, c);
		}
	}
}

/*
 * The marker of note n as Chinese papers print it: ① to ⑳, ㉑ to ㊿,
 * then the number in full-width brackets.
 */
static void
note_mark(unsigned n, char *out, size_t size)
{
	struct buf b = {0};

	if (n >= 1 && n <= 20)
		buf_addc(&b, 0x2460 + n - 1);
	else if (n >= 21 && n <= 35)
		buf_addc(&b, 0x3251 + n - 21);
	else if (n >= 36 && n <= 50)
		buf_addc(&b, 0x32B1 + n - 36);
	if (b.data != NULL)
		snprintf(out, size, "%s", b.data);
	else
		snprintf(out, size, "（%u）", n);
	buf_free(&b);
}

/* Appends the XML for everything inside root (not root itself). */
static void
build(xmlNodePtr parent, cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n;
	xmlNodePtr cur = parent, e = NULL;
	char num[24];
	const char *s;
	unsigned notes = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (n == root)
			continue;
		if (ev == CMARK_EVENT_EXIT) {
			switch (cmark_node_get_type(n)) {
			case CMARK_NODE_IMAGE:
				break; /* transparent: only its text was kept */
			default:
				cur = cur->parent;
			}
			continue;
		}
		/* The extensions' types are variables, not constants. */
		if (cmark_node_get_type(n) == CMARK_NODE_TABLE) {
			table(cur, n);
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			continue;
		}
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			/* A line of verse is a paragraph in a stanza. */
			e = xmlNewChild(cur, NULL, X(xmlStrEqual(cur->name,
			    X("stanza")) ? "line" : "p"), NULL);
			break;
		case CMARK_NODE_HEADING:
			e = xmlNewChild(cur, NULL, X("subhead"), NULL);
			snprintf(num, sizeof(num), "%d", cmark_node_get_heading_level(n));
			xmlNewProp(e, X("level"), X(num));
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			e = xmlNewChild(cur, NULL, X("quote"), NULL);
			break;
		case CMARK_NODE_LIST:
			e = xmlNewChild(cur, NULL, X("list"), NULL);
			if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST) {
				xmlNewProp(e, X("type"), X("ordered"));
				snprintf(num, sizeof(num), "%d", cmark_node_get_list_start(n));
				xmlNewProp(e, X("start"), X(num));
			} else
				xmlNewProp(e, X("type"), X("bullet"));
			if (cmark_node_get_list_tight(n))
				xmlNewProp(e, X("tight"), X("true"));
			break;
		case CMARK_NODE_ITEM:
			e = xmlNewChild(cur, NULL, X("item"), NULL);
			break;
		case CMARK_NODE_EMPH:
			e = xmlNewChild(cur, NULL, X("em"), NULL);
			break;
		case CMARK_NODE_STRONG:
			e = xmlNewChild(cur, NULL, X("strong"), NULL);
			break;
		case CMARK_NODE_LINK:
			e = xmlNewChild(cur, NULL, X("a"), NULL);
			xmlNewProp(e, X("href"), X(cmark_node_get_url(n)));
			if (*(s = cmark_node_get_title(n)) != '\0')
				xmlNewProp(e, X("title"), X(s));
			break;
		case CMARK_NODE_CUSTOM_INLINE:
			/* A name in a credit (body.c marks only those). */
			e = xmlNewChild(cur, NULL, X("contributor"), NULL);
			xmlNewProp(e, X("role"), X(cmark_node_get_on_enter(n)));
			break;
		case CMARK_NODE_IMAGE:
			/* An image inside running text keeps its caption text
			 * (validate.c warned); figures are built below. */
			continue;
		case CMARK_NODE_CUSTOM_BLOCK:
			s = cmark_node_get_on_enter(n);
			if (strcmp(s, BODY_VERSE) == 0 || strcmp(s, BODY_STANZA) == 0) {
				e = xmlNewChild(cur, NULL, X(s), NULL);
				break;
			}
			/* Figures: credits live inside them. */
			figure(cur, n);
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			continue;
		case CMARK_NODE_FOOTNOTE_REFERENCE:
			/* cmark-gfm numbers the notes in the order of their
			 * first reference. */
			note_mark((unsigned)atoi(cmark_node_get_literal(n)), num,
			          sizeof(num));
			e = child(cur, "noteref", num);
			xmlNewProp(e, X("n"), X(cmark_node_get_literal(n)));
			break;
		case CMARK_NODE_FOOTNOTE_DEFINITION:
			/* After every other block, in the order of their
			 * numbers. */
			if (!xmlStrEqual(cur->name, X("notes")))
				cur = xmlNewChild(cur, NULL, X("notes"), NULL);
			e = xmlNewChild(cur, NULL, X("note"), NULL);
			snprintf(num, sizeof(num), "%u", ++notes);
			xmlNewProp(e, X("n"), X(num));
			note_mark(notes, num, sizeof(num));
			xmlNewProp(e, X("mark"), X(num));
			break;
		case CMARK_NODE_TEXT:
			xmlNodeAddContent(cur, X(cmark_node_get_literal(n)));
			continue;
		case CMARK_NODE_SOFTBREAK:
			/* body.c removed those beside CJK text. */
			xmlNodeAddContent(cur, X(" "));
			continue;
		case CMARK_NODE_LINEBREAK:
			xmlNewChild(cur, NULL, X("br"), NULL);
			continue;
		case CMARK_NODE_CODE:
			child(cur, "code", cmark_node_get_literal(n));
			continue;
		case CMARK_NODE_CODE_BLOCK:
			e = child(cur, "pre", cmark_node_get_literal(n));
			/* The language a fence names (```python): its first
			 * word. */
			s = cmark_node_get_fence_info(n);
			if (s != NULL && *s != '\0' && strcspn(s, " \t") > 0) {
				char *lang = xstrndup(s, strcspn(s, " \t"));

				xmlNewProp(e, X("lang"), X(lang));
				free(lang);
			}
			continue;
		case CMARK_NODE_THEMATIC_BREAK:
			xmlNewChild(cur, NULL, X("hr"), NULL);
			continue;
		default:
			/* Raw HTML was dropped by validate.c. */
			fprintf(stderr, "press: unexpected %s node\n",
			        cmark_node_get_type_string(n));
			abort();
		}
		/* Containers: a leaf container still gets its exit event. */
		cur = e;
	}
	cmark_iter_free(it);
}

/* 字数 as EDITORIAL.md defines it. */
unsigned
count_chars(const char *s)
{
	size_t n = strlen(s), i = 0, k;
	unsigned count = 0;
	uint32_t cp;

	while (i < n) {
		k = u8_next(s + i, n - i, &cp);
		if (cp >= '0' && cp <= '9') {
			while (i < n && (strchr("0123456789.,%", s[i]) != NULL))
				i++;
			count++;
			continue;
		}
		if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
			while (i < n && (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') ||
			                 (s[i] >= '0' && s[i] <= '9') || s[i] == '\''))
				i++;
			count++;
			continue;
		}
		if (u_is_cjk(cp) || (cp >= 0xFF10 && cp <= 0xFF5A))
			count++;
		i += k;
	}
	return count;
}

/* 字位 of a UTF-8 string in half characters: Han and full-width marks 2,
 * everything else 1. */
static unsigned
count_halfwidths(const char *s)
{
	size_t n = strlen(s), i = 0;
	unsigned count = 0;
	uint32_t cp;

	while (i < n) {
		i += u8_next(s + i, n - i, &cp);
		count += cp >= 0x2E80 || u_is_cjk_punct(cp) ? 2 : 1;
	}
	return count;
}

/* Lines a block of half characters takes in columns of line_chars. */
static unsigned
lines_for(unsigned half, unsigned line_chars)
{
	return (half + 2 * line_chars - 1) / (2 * line_chars);
}

static unsigned
half_of(xmlNodePtr n)
{
	xmlChar *s = xmlNodeGetContent(n);
	unsigned half = count_halfwidths((const char *)s);

	xmlFree(s);
	return half;
}

/*
 * A table's lines: each row as many as its fullest cell takes in an
 * equal share of the line, and one for the rules around the table.
 */
static unsigned
table_lines(xmlNodePtr t, unsigned line_chars)
{
	xmlChar *cols = xmlGetProp(t, X("columns"));
	unsigned ncols = cols ? (unsigned)atoi((const char *)cols) : 1;
	unsigned share, lines = 1, most, k;
	xmlNodePtr part, row, cell;

	xmlFree(cols);
	share = line_chars / (ncols > 0 ? ncols : 1);
	if (share == 0)
		share = 1;
	for (part = t->children; part != NULL; part = part->next)
		for (row = part->children; row != NULL; row = row->next) {
			most = 1;
			for (cell = row->children; cell != NULL; cell = cell->next)
				if ((k = lines_for(half_of(cell), share)) > most)
					most = k;
			lines += most;
		}
	return lines;
}

/*
 * The lines the blocks under node take (EDITORIAL.md, 字位): a paragraph
 * ceil((字位 + 2 indent) / line_chars), the first one with the dateline
 * run in; a subhead its lines and one of space; a caption its lines; a
 * credit one.  *run_in is added to the first paragraph, then cleared.
 */
static unsigned
lines_under(xmlNodePtr node, unsigned line_chars, unsigned *run_in)
{
	xmlNodePtr c;
	xmlChar *s;
	unsigned lines = 0;

	for (c = node->children; c != NULL; c = c->next) {
		const char *name = (const char *)c->name;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp(name, "p") == 0) {
			lines += lines_for(half_of(c) + 4 + *run_in, line_chars);
			*run_in = 0;
		} else if (strcmp(name, "subhead") == 0)
			lines += lines_for(half_of(c), line_chars) + 1;
		else if (strcmp(name, "caption") == 0)
			lines += lines_for(half_of(c), line_chars);
		else if (strcmp(name, "credit") == 0 || strcmp(name, "hr") == 0)
			lines += 1;
		else if (strcmp(name, "table") == 0)
			lines += table_lines(c, line_chars);
		else if (strcmp(name, "line") == 0)
			lines += lines_for(half_of(c), line_chars);
		else if (strcmp(name, "stanza") == 0 || strcmp(name, "notes") == 0)
			/* A blank line between stanzas; the 注释 heading. */
			lines += 1 + lines_under(c, line_chars, run_in);
		else if (strcmp(name, "pre") == 0) {
			s = xmlNodeGetContent(c);
			for (const xmlChar *p = s; *p != '\0'; p++)
				lines += *p == '\n';
			xmlFree(s);
		} else
			lines += lines_under(c, line_chars, run_in);
	}
	return lines;
}

/* The lines of the text: the body, with the dateline and byline run in
 * to its first paragraph. */
static unsigned
text_lines(xmlNodePtr story, unsigned line_chars)
{
	xmlNodePtr c, h, body = NULL;
	unsigned run_in = 0;

	for (c = story->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, "body") == 0) {
			body = c;
			continue;
		}
		if (strcmp((const char *)c->name, "head") != 0)
			continue;
		for (h = c->children; h != NULL; h = h->next)
			if (strcmp((const char *)h->name, "dateline") == 0)
				run_in += half_of(h);
			else if (strcmp((const char *)h->name, "byline") == 0)
				run_in += 4 + 2 * count_byline(h);
	}
	return body ? lines_under(body, line_chars, &run_in) : 0;
}

/*
 * The lines of body text the head block takes in each column it crosses,
 * set across width ems (a slot of n columns: n × line_chars + n − 1).
 * A headline is set at about twice the body size: each of its lines
 * takes two lines of body text, and the block two more of space; a
 * kicker or subtitle at about one and a half: two lines for each.  A
 * head on one line costs 4, 2 and 2, the allowance of the one-column
 * estimate.
 */
static unsigned
head_lines(xmlNodePtr story, unsigned width)
{
	xmlNodePtr c, h;
	unsigned lines = 0, half;

	if (width == 0)
		width = 1;
	for (c = story->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, "head") == 0)
			for (h = c->children; h != NULL; h = h->next) {
				const char *name = (const char *)h->name;

				if (h->type != XML_ELEMENT_NODE)
					continue;
				/* Half-width units at twice the size are ems. */
				half = half_of(h);
				if (strcmp(name, "headline") == 0)
					lines += 2 * ((half + width - 1) / width) + 2;
				else if (strcmp(name, "kicker") == 0 ||
				         strcmp(name, "subtitle") == 0)
					lines += 2 * ((3 * half + 4 * width - 1) /
					              (4 * width));
			}
	return lines;
}

/* The story's estimated lines in one column: the text, and the head
 * block at the fixed allowance of headline 4, kicker and subtitle 2. */
static unsigned
estimate_lines(xmlNodePtr story, unsigned line_chars)
{
	xmlNodePtr c, h;
	unsigned lines = 0;

	for (c = story->children; c != NULL; c = c->next)
		if (strcmp((const char *)c->name, "head") == 0)
			for (h = c->children; h != NULL; h = h->next) {
				const char *name = (const char *)h->name;

				if (strcmp(name, "headline") == 0)
					lines += 4;
				else if (strcmp(name, "kicker") == 0 ||
				         strcmp(name, "subtitle") == 0)
					lines += 2;
			}
	return lines + text_lines(story, line_chars);
}

/* The lines a photo of w × h pixels takes at mm millimetres wide, a
 * line being pitch millimetres; 4:3 when its size is unknown. */
static long
photo_lines(long w, long h, double mm, double pitch)
{
	double tall = w > 0 && h > 0 ? mm * (double)h / (double)w : mm * 3 / 4;

	return (long)(tall / pitch + 0.999);
}

/* The lines of the photos under n, each mm wide. */
static long
figure_lines(xmlNodePtr n, double mm, double pitch)
{
	long lines = 0;
	xmlChar *w, *h;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "figure") != 0) {
			lines += figure_lines(n->children, mm, pitch);
			continue;
		}
		w = xmlGetProp(n, X("width"));
		h = xmlGetProp(n, X("height"));
		lines += photo_lines(w ? atol((const char *)w) : 0,
		                     h ? atol((const char *)h) : 0, mm, pitch);
		xmlFree(w);
		xmlFree(h);
	}
	return lines;
}

void
storyxml_spend(xmlNodePtr story, const struct paper *paper, long cols,
               struct spend *sp)
{
	double gutter = paper_gutter(paper), mm;

	memset(sp, 0, sizeof(*sp));
	sp->cols = cols > 0 ? cols : 1;
	mm = (double)sp->cols * paper->column_mm + (double)(sp->cols - 1) * gutter;
	sp->mm = (long)(mm + 0.5);
	sp->text = text_lines(story, (unsigned)paper->line_chars);
	sp->head = head_lines(story, (unsigned)(sp->cols * paper->line_chars +
	                                        sp->cols - 1));
	sp->photos = figure_lines(story->children, mm, (double)paper->height_mm /
	                          (double)paper->col_lines);
	sp->total = sp->text + (sp->head + sp->photos) * sp->cols;
}

/* The 字数 of the text under node, block by block. */
static unsigned
count_node(xmlNodePtr node)
{
	xmlNodePtr c;
	xmlChar *s;
	unsigned count = 0;

	for (c = node->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, "quote") == 0 ||
		    strcmp((const char *)c->name, "table") == 0 ||
		    strcmp((const char *)c->name, "verse") == 0 ||
		    strcmp((const char *)c->name, "stanza") == 0 ||
		    strcmp((const char *)c->name, "notes") == 0 ||
		    strcmp((const char *)c->name, "note") == 0 ||
		    strcmp((const char *)c->name, "thead") == 0 ||
		    strcmp((const char *)c->name, "tbody") == 0 ||
		    strcmp((const char *)c->name, "row") == 0 ||
		    strcmp((const char *)c->name, "list") == 0 ||
		    strcmp((const char *)c->name, "item") == 0 ||
		    strcmp((const char *)c->name, "figure") == 0) {
			count += count_node(c);
			continue;
		}
		s = xmlNodeGetContent(c);
		count += count_chars((const char *)s);
		xmlFree(s);
	}
	return count;
}

/* The label printed before contributor c's name when it opens a run:
 * its own (见习记者) or its role's (记者), from role_labels.  The caller
 * frees it. */
static char *
label_of(xmlNodePtr c)
{
	xmlChar *own = xmlGetProp(c, X("label")), *role;
	char *label = NULL;
	int r;

	if (own != NULL) {
		label = xstrdup((const char *)own);
		xmlFree(own);
		return label;
	}
	role = xmlGetProp(c, X("role"));
	for (r = 0; r < ROLE_MAX && label == NULL; r++)
		if (xmlStrEqual(role, X(role_names[r])))
			label = xstrdup(role_labels[r]);
	xmlFree(role);
	return label ? label : xstrdup("");
}

/* The names of a byline and its labels, once per run of one label, as
 * press.xsl prints them: （记者 崔欣 通讯员 宋雅欣） */
static unsigned
count_byline(xmlNodePtr by)
{
	xmlNodePtr c;
	xmlChar *s;
	char *label, *last = NULL;
	unsigned count = 0;

	for (c = by->children; c != NULL; c = c->next) {
		label = label_of(c);
		if (last == NULL || strcmp(label, last) != 0)
			count += count_chars(label);
		free(last);
		last = label;
		s = xmlNodeGetContent(c);
		count += count_chars((const char *)s);
		xmlFree(s);
	}
	free(last);
	return count;
}

/* 字数: the desk's word count of a story's dateline, byline and body. */
static unsigned
storyxml_chars(xmlNodePtr story)
{
	xmlNodePtr c, h;
	unsigned count = 0;

	for (c = story->children; c != NULL; c = c->next) {
		if (strcmp((const char *)c->name, "body") == 0)
			count += count_node(c);
		else if (strcmp((const char *)c->name, "head") == 0) {
			/* The dateline and byline open the body in print:
			 * 本报讯（记者 张晶）. */
			for (h = c->children; h != NULL; h = h->next) {
				if (strcmp((const char *)h->name, "dateline") == 0) {
					xmlChar *s = xmlNodeGetContent(h);

					count += count_chars((const char *)s);
					xmlFree(s);
				} else if (strcmp((const char *)h->name, "byline") == 0)
					count += 2 + count_byline(h);
			}
		}
	}
	return count;
}

/* The story as a <story> element in doc (not linked into it). */
static xmlNodePtr
storyxml_build(const struct story *st, xmlDocPtr doc, unsigned line_chars)
{
	xmlNodePtr story = xmlNewDocNode(doc, NULL, X("story"), NULL);
	xmlNodePtr head, by = NULL, c;
	const char *base = strrchr(st->src->path, '/');
	char num[24];
	size_t i;

	xmlNewProp(story, X("id"), X(st->slug));
	xmlNewProp(story, X("slug"), X(st->slug));
	xmlNewProp(story, X("source"), X(base ? base + 1 : st->src->path));
	if (st->genre != NULL)
		xmlNewProp(story, X("genre"), X(st->genre));
	if (st->date != NULL)
		xmlNewProp(story, X("date"), X(st->date));

	head = xmlNewChild(story, NULL, X("head"), NULL);
	if (st->kicker != NULL)
		child(head, "kicker", st->kicker);
	child(head, "headline", st->title);
	for (i = 0; i < st->nsubtitles; i++)
		child(head, "subtitle", st->subtitles[i]);
	if (st->dateline != NULL)
		child(head, "dateline", st->dateline);
	for (i = 0; i < st->nby; i++) {
		if (by == NULL)
			by = xmlNewChild(head, NULL, X("byline"), NULL);
		c = child(by, "contributor", st->by[i].name);
		xmlNewProp(c, X("role"), X(role_names[st->by[i].role]));
		if (st->by[i].label != NULL)
			xmlNewProp(c, X("label"), X(st->by[i].label));
	}
	c = xmlNewChild(story, NULL, X("body"), NULL);
	build(c, st->doc);
	figure_sizes(c->children, st);
	snprintf(num, sizeof(num), "%u", storyxml_chars(story));
	xmlNewProp(story, X("chars"), X(num));
	snprintf(num, sizeof(num), "%u", estimate_lines(story, line_chars));
	xmlNewProp(story, X("lines"), X(num));
	return story;
}

xmlDocPtr
storyxml_doc(const struct story *st, long line_chars)
{
	xmlDocPtr doc = xmlNewDoc(X("1.0"));
	xmlNodePtr root = storyxml_build(st, doc, (unsigned)line_chars);

	xmlDocSetRootElement(doc, root);
	xmlNewProp(root, X("schema-version"), X("1"));
	xmlNodeSetLang(root, X("zh-CN"));
	return doc;
}
