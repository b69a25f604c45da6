/*
 * words: where a headline may break.  Chinese runs its words together
 * and a browser may break a line between any two Han characters, so a
 * headline can break inside a word (开/展, 一/对一).  ICU's dictionary
 * word break finds the words; words_breaks() keeps the places between
 * them where a line may break, and the web stylesheets get them through
 * the XSLT extension function press:words(), the text with an empty
 * <wbr/> at each place (press.css sets headlines word-break: keep-all,
 * so that the browser breaks there and at spaces only).
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <unicode/ubrk.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

#include "press.h"

#define X(s) ((const xmlChar *)(s))

/* Text longer than this gets no breaks (about 340 Han characters). */
#define WORDS_MAX_BYTES 1024

/* A quoted phrase up to this many characters is never broken. */
#define WORDS_SHORT_QUOTE 10

/* No line starts with these, and none ends with the openers (the marks
 * tests/web/shots.mjs checks). */
static const char *const closers = "，。、；：？！）》〉」』】〕’”％…—·,.;:?!)]}%";
static const char *const openers = "（《〈「『【〔‘“([{";

static int
in_set(UChar32 c, const char *set)
{
	char buf[5];
	int32_t n = 0;
	UBool bad = 0;

	if (c < 0)
		return 0;
	U8_APPEND((uint8_t *)buf, n, 4, c, bad);
	if (bad)
		return 0;
	buf[n] = '\0';
	return strstr(set, buf) != NULL;
}

/* Digits and Latin letters keep to their neighbours: 2个, 10年, 5G. */
static int
alnum(UChar32 c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || (c >= 0xff10 && c <= 0xff19);
}

static int
space(UChar32 c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == 0x3000 || c == 0xa0;
}

/* The matching closer of an opening quote or bracket, or -1. */
static UChar32
closer_of(UChar32 c)
{
	switch (c) {
	case 0x201c:
		return 0x201d; /* “” */
	case 0x2018:
		return 0x2019; /* ‘’ */
	case 0x300a:
		return 0x300b; /* 《》 */
	case 0x300c:
		return 0x300d; /* 「」 */
	case 0x300e:
		return 0x300f; /* 『』 */
	case 0x3008:
		return 0x3009; /* 〈〉 */
	case 0xff08:
		return 0xff09; /* （） */
	default:
		return -1;
	}
}

/* Function words that open a phrase: a line may break before them. */
static const char *const leading = "为和与及对向把被从在将给让由";

/* Whether u[from, to) is one Han character. */
static int
one_han(const UChar *u, int32_t from, int32_t to)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t i = from;
	UChar32 c;

	U16_NEXT(u, i, to, c);
	return i == to && uscript_getScript(c, &err) == USCRIPT_HAN;
}

size_t
words_breaks(const char *s, size_t len, size_t **at)
{
	static UBreakIterator *bi;
	UErrorCode err = U_ZERO_ERROR;
	UChar *u;
	int32_t ulen = 0, i, b, k, last, after;
	size_t *byte, n = 0;
	char *quoted;
	UChar32 c, prev, next;

	*at = NULL;
	/* A headline is a line or two: longer text is not one, and is
	 * not worth a dictionary's time. */
	if (len == 0 || len > WORDS_MAX_BYTES)
		return 0;
	u_strFromUTF8Lenient(NULL, 0, &ulen, s, (int32_t)len, &err);
	if (ulen == 0)
		return 0;
	err = U_ZERO_ERROR;
	u = xcalloc((size_t)ulen + 1, sizeof(UChar));
	u_strFromUTF8Lenient(u, ulen + 1, NULL, s, (int32_t)len, &err);
	if (U_FAILURE(err))
		goto out_u;
	if (bi == NULL) {
		err = U_ZERO_ERROR;
		bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &err);
		if (U_FAILURE(err)) {
			bi = NULL;
			goto out_u;
		}
	}
	err = U_ZERO_ERROR;
	ubrk_setText(bi, u, ulen, &err);
	if (U_FAILURE(err))
		goto out_u;
	/* The byte offset of each UTF-16 index, and which ones lie inside
	 * a short quoted phrase. */
	byte = xcalloc((size_t)ulen + 1, sizeof(size_t));
	quoted = xcalloc((size_t)ulen + 1, 1);
	{
		size_t off = 0;

		for (i = 0; i < ulen;) {
			int32_t start = i;

			byte[i] = off;
			U16_NEXT(u, i, ulen, c);
			off += c < 0x80 ? 1 : c < 0x800 ? 2 :
			                  c < 0x10000   ? 3 :
			                                  4;
			for (k = start + 1; k < i; k++)
				byte[k] = off;
		}
		byte[ulen] = len;
	}
	for (i = 0; i < ulen; i++) {
		UChar32 want = closer_of(u[i]);

		if (want < 0)
			continue;
		for (k = i + 1; k < ulen && k - i <= WORDS_SHORT_QUOTE + 1; k++)
			if (u[k] == want) {
				memset(quoted + i + 1, 1, (size_t)(k - i));
				break;
			}
	}
	*at = xcalloc((size_t)ulen, sizeof(size_t));
	for (b = ubrk_first(bi), last = 0; b != UBRK_DONE; last = b, b = after) {
		after = ubrk_next(bi);
		if (b <= 0 || b >= ulen || quoted[b])
			continue;
		k = b;
		U16_PREV(u, 0, k, prev);
		k = b;
		U16_NEXT(u, k, ulen, next);
		if (space(prev) || space(next) || alnum(prev) || alnum(next) ||
		    in_set(next, closers) || in_set(prev, openers))
			continue;
		/* A word of one Han character is mostly what the dictionary
		 * could not place (顺|义, 燃|气, 市|总|工会): it stays with
		 * its neighbours, but a function word opens a phrase
		 * (工会|为考生), as does a quotation (变身|“高考服务站”). */
		if (!in_set(next, openers) &&
		    (one_han(u, last, b) ||
		     (after != UBRK_DONE && one_han(u, b, after) &&
		      !in_set(next, leading))))
			continue;
		(*at)[n++] = byte[b];
	}
	free(quoted);
	free(byte);
out_u:
	free(u);
	if (n == 0) {
		free(*at);
		*at = NULL;
	}
	return n;
}

/*
 * press:words(string): the string as text nodes with an empty <wbr/>
 * element at each place words_breaks() finds.
 */
static void
xpath_words(xmlXPathParserContextPtr ctxt, int nargs)
{
	xsltTransformContextPtr tctxt;
	xmlXPathObjectPtr ret;
	xmlDocPtr container;
	xmlChar *s;
	size_t *at, n, i, from = 0, len;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	s = xmlXPathPopString(ctxt);
	if (xmlXPathCheckError(ctxt) || s == NULL) {
		xmlFree(s);
		return;
	}
	tctxt = xsltXPathGetTransformContext(ctxt);
	container = xsltCreateRVT(tctxt);
	xsltRegisterLocalRVT(tctxt, container);
	ret = xmlXPathNewNodeSet(NULL);
	len = strlen((const char *)s);
	n = words_breaks((const char *)s, len, &at);
	for (i = 0; i <= n; i++) {
		size_t to = i < n ? at[i] : len;
		xmlNodePtr node;

		if (to > from) {
			node = xmlNewDocTextLen(container, s + from, (int)(to - from));
			xmlAddChild((xmlNodePtr)container, node);
			xmlXPathNodeSetAdd(ret->nodesetval, node);
		}
		if (i < n) {
			node = xmlNewDocNode(container, NULL, X("wbr"), NULL);
			xmlAddChild((xmlNodePtr)container, node);
			xmlXPathNodeSetAdd(ret->nodesetval, node);
		}
		from = to;
	}
	free(at);
	xmlFree(s);
	valuePush(ctxt, ret);
}

void
words_register(void)
{
	xsltRegisterExtModuleFunction(X("words"), X(PRESS_XSLT_NS), xpath_words);
}
