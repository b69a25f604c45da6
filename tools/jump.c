/*
 * Jumps (转版), part of stage 6: a story that starts on one page and
 * continues on a later one.  The issue XML keeps the story whole on its
 * first page, so every output of the story reads all of it; a <jump>
 * after its body says where the page's part ends (after, in blocks of
 * the body) and where the rest goes (下转第03版).  The later page gets a
 * <continuation>: the headline again (the 接转 head), the 上接第01版
 * line and a copy of the blocks that did not fit.  issue.c decides from
 * issue.yaml which stories jump; this file does the trees.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "press.h"

#define X(s) ((const xmlChar *)(s))

/* The first element child of n named name; NULL if none. */
static xmlNodePtr
child_named(xmlNodePtr n, const char *name)
{
	xmlNodePtr c;

	for (c = n != NULL ? n->children : NULL; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

/* The number of blocks (element children) of the story's body. */
static long
blocks(xmlNodePtr story)
{
	xmlNodePtr c;
	long n = 0;

	for (c = child_named(story, "body"), c = c ? c->children : NULL;
	     c != NULL; c = c->next)
		n += c->type == XML_ELEMENT_NODE;
	return n;
}

/* The n-th block (from 1) of the story's body; NULL if none. */
static xmlNodePtr
block(xmlNodePtr story, long n)
{
	xmlNodePtr c;

	for (c = child_named(story, "body"), c = c ? c->children : NULL;
	     c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && --n == 0)
			return c;
	return NULL;
}

/* What story spends in cols columns with only the first n blocks of its
 * body (n < 0: all of them). */
static void
spend_first(xmlNodePtr story, long n, const struct paper *paper, long cols,
            struct spend *sp)
{
	xmlNodePtr copy, c, next;

	if (n < 0) {
		storyxml_spend(story, paper, cols, sp);
		return;
	}
	copy = xmlCopyNode(story, 1);
	for (c = child_named(copy, "body"), c = c ? c->children : NULL;
	     c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_ELEMENT_NODE && n-- > 0)
			continue;
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	storyxml_spend(copy, paper, cols, sp);
	xmlFreeNode(copy);
}

long
jump_split(xmlNodePtr story, const struct paper *paper, long cols, long lines)
{
	struct spend sp;
	long n = blocks(story), k;
	xmlNodePtr b;

	spend_first(story, -1, paper, cols, &sp);
	if (sp.total <= cols * lines || n == 0)
		return -1;
	/* The 下转 line takes a line of the part; a subhead does not end
	 * a page's part, it goes on with its text. */
	for (k = n - 1; k > 1; k--) {
		spend_first(story, k, paper, cols, &sp);
		b = block(story, k);
		if (sp.total + 1 <= cols * lines &&
		    strcmp((const char *)b->name, "subhead") != 0)
			break;
	}
	return k;
}

/* The jump line's text: 下转第03版, 上接第01版, the page as the paper
 * prints it in the 报眉. */
static void
line_text(char *buf, size_t size, const char *verb, long page)
{
	snprintf(buf, size, "%s第%02ld版", verb, page);
}

void
jump_mark(xmlNodePtr story, long to, long after)
{
	char text[64], num[24];
	xmlNodePtr j;

	line_text(text, sizeof(text), "下转", to);
	j = xmlNewTextChild(story, NULL, X("jump"), X(text));
	snprintf(num, sizeof(num), "%ld", to);
	xmlNewProp(j, X("to"), X(num));
	snprintf(num, sizeof(num), "%ld", after);
	xmlNewProp(j, X("after"), X(num));
}

xmlNodePtr
jump_continuation(xmlDocPtr doc, xmlNodePtr story, long from, const char *slot)
{
	xmlNodePtr cont = xmlNewDocNode(doc, NULL, X("continuation"), NULL);
	xmlNodePtr head, body, j, c;
	xmlChar *v;
	char text[64], num[24];
	long after = 0, k = 0;

	if ((j = child_named(story, "jump")) != NULL &&
	    (v = xmlGetProp(j, X("after"))) != NULL) {
		after = atol((const char *)v);
		xmlFree(v);
	}
	v = xmlGetProp(story, X("slug"));
	xmlNewProp(cont, X("slug"), v);
	xmlFree(v);
	v = xmlGetProp(story, X("source"));
	xmlNewProp(cont, X("source"), v);
	xmlFree(v);
	snprintf(num, sizeof(num), "%ld", from);
	xmlNewProp(cont, X("from"), X(num));
	xmlNewProp(cont, X("slot"), X(slot));
	/* The 接转 head: the headline again, over the rest. */
	head = xmlNewChild(cont, NULL, X("head"), NULL);
	xmlAddChild(head, xmlDocCopyNode(child_named(child_named(story, "head"),
	                                             "headline"), doc, 1));
	line_text(text, sizeof(text), "上接", from);
	j = xmlNewTextChild(cont, NULL, X("jump"), X(text));
	xmlNewProp(j, X("from"), X(num));
	body = xmlNewChild(cont, NULL, X("body"), NULL);
	for (c = child_named(story, "body"), c = c ? c->children : NULL;
	     c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && ++k > after)
			xmlAddChild(body, xmlDocCopyNode(c, doc, 1));
	return cont;
}

void
jump_spend(xmlNodePtr part, const struct paper *paper, long cols,
           struct spend *sp)
{
	xmlNodePtr j = child_named(part, "jump");
	xmlChar *v = j != NULL ? xmlGetProp(j, X("after")) : NULL;

	spend_first(part, v != NULL ? atol((const char *)v) : -1, paper, cols,
	            sp);
	xmlFree(v);
	/* The 下转 or 上接 line, a line of the text. */
	if (j != NULL) {
		sp->text++;
		sp->total++;
	}
}
