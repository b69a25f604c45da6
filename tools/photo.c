/*
 * Photos are untrusted: anyone can put a file beside a story, and what
 * is copied lands on a public site at the paper's address.  A photo is
 * taken only if its first bytes say JPEG, PNG, GIF, WebP or SVG and its
 * name ends as that type's does (a browser or a web server goes by the
 * name: a JPEG named .html would be served as a page).  An SVG is parsed
 * by libxml2 and written again without what could run or fetch: script,
 * foreignObject, on* attributes, references outside the file; one with a
 * DTD or entity declarations is refused.  Files are copied in a stream,
 * never read whole, and none larger than paper.yaml's photo-limit.
 *
 * validate.c calls photo_check() for each image of a story, so that a
 * bad photo is reported at its place and the story is not built;
 * build.c calls photo_copy() for each photo of a built story.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "press.h"

#define X(s) ((const xmlChar *)(s))

enum ptype {
	P_JPEG,
	P_PNG,
	P_GIF,
	P_WEBP,
	P_SVG,
	P_MAX
};

static const struct {
	const char *name;  /* for messages */
	const char *exts;  /* the names it may end in, space-separated */
} ptypes[P_MAX] = {
	{"JPEG", ".jpg .jpeg"}, /* P_JPEG */
	{"PNG", ".png"},        /* P_PNG */
	{"GIF", ".gif"},        /* P_GIF */
	{"WebP", ".webp"},      /* P_WEBP */
	{"SVG", ".svg"},        /* P_SVG */
};

static long long limit = PHOTO_LIMIT_MB * 1024LL * 1024LL;

void
photo_set_limit(long mb)
{
	limit = (mb > 0 ? mb : PHOTO_LIMIT_MB) * 1024LL * 1024LL;
}

/* The type the first n bytes of a file say, or P_MAX.  An SVG is text:
 * an optional BOM, white space, an XML declaration or comments, then
 * <svg (the parse decides the rest). */
static enum ptype
sniff(const unsigned char *b, size_t n)
{
	const char *s = (const char *)b;
	size_t i = 0;

	if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
		return P_JPEG;
	if (n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0)
		return P_PNG;
	if (n >= 6 && (memcmp(b, "GIF87a", 6) == 0 || memcmp(b, "GIF89a", 6) == 0))
		return P_GIF;
	if (n >= 12 && memcmp(b, "RIFF", 4) == 0 && memcmp(b + 8, "WEBP", 4) == 0)
		return P_WEBP;
	if (n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n) {
		if (strchr(" \t\r\n", s[i]) != NULL)
			i++;
		else if (n - i >= 5 && strncmp(s + i, "<?xml", 5) == 0 &&
		         memchr(s + i, '>', n - i) != NULL)
			i = (size_t)((const char *)memchr(s + i, '>', n - i) - s) + 1;
		else if (n - i >= 4 && strncmp(s + i, "<!--", 4) == 0 &&
		         memmem(s + i, n - i, "-->", 3) != NULL)
			i = (size_t)((const char *)memmem(s + i, n - i, "-->", 3) - s) + 3;
		else
			break;
	}
	/* A DOCTYPE too: the parse refuses it, and says why. */
	if ((n - i >= 4 && strncmp(s + i, "<svg", 4) == 0) ||
	    (n - i >= 13 && strncasecmp(s + i, "<!DOCTYPE svg", 13) == 0))
		return P_SVG;
	return P_MAX;
}

/* Whether name ends in one of the type's extensions. */
static int
named_as(const char *name, enum ptype t)
{
	const char *dot = strrchr(name, '.'), *e = ptypes[t].exts;
	size_t n;

	if (dot == NULL || strchr(dot, '/') != NULL)
		return 0;
	n = strlen(dot);
	for (; *e != '\0'; e += strcspn(e, " "), e += *e == ' ')
		if (strcspn(e, " ") == n && strncasecmp(e, dot, n) == 0)
			return 1;
	return 0;
}

/* Whether an attribute value or style text fetches from outside the
 * file: url( with anything but a #fragment. */
static int
fetches(const char *s)
{
	const char *p;

	for (p = s; (p = strstr(p, "url(")) != NULL; p += 4) {
		const char *q = p + 4;

		while (*q == ' ' || *q == '"' || *q == '\'')
			q++;
		if (*q != '#')
			return 1;
	}
	return strstr(s, "@import") != NULL;
}

/* Whether n is an animation (<set>, <animate>) of a link or an event
 * attribute: it could turn a harmless href into javascript:. */
static int
animates_link(xmlNodePtr n)
{
	xmlChar *a;
	int bad;

	if (strncasecmp((const char *)n->name, "animate", 7) != 0 &&
	    strcasecmp((const char *)n->name, "set") != 0)
		return 0;
	if ((a = xmlGetProp(n, X("attributeName"))) == NULL)
		return 0;
	bad = strcasestr((const char *)a, "href") != NULL ||
	      strncasecmp((const char *)a, "on", 2) == 0;
	xmlFree(a);
	return bad;
}

/*
 * Removes from the tree under n what could run or fetch, calling
 * report(file, line, what) for each part (when report is given).
 */
static void
clean(xmlNodePtr n, const char *file, int quiet)
{
	xmlNodePtr next;
	xmlAttrPtr a, anext;

	for (; n != NULL; n = next) {
		next = n->next;
		if (n->type == XML_ELEMENT_NODE) {
			const char *name = (const char *)n->name;
			xmlChar *text = NULL;

			if (strcasecmp(name, "style") == 0)
				text = xmlNodeGetContent(n);
			if (strcasecmp(name, "script") == 0 ||
			    strcasecmp(name, "foreignObject") == 0 ||
			    strcasecmp(name, "handler") == 0 ||
			    animates_link(n) ||
			    (text != NULL && fetches((const char *)text))) {
				char *what = xasprintf("<%s>", name);

				if (!quiet)
					diag(file, (int)xmlGetLineNo(n), 0, D_SVG_REMOVED,
					     what);
				free(what);
				xmlFree(text);
				xmlUnlinkNode(n);
				xmlFreeNode(n);
				continue;
			}
			xmlFree(text);
			for (a = n->properties; a != NULL; a = anext) {
				const char *an = (const char *)a->name;
				xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
				int bad = strncasecmp(an, "on", 2) == 0 ||
				    (v != NULL && strcasestr((const char *)v,
				                             "javascript:") != NULL) ||
				    ((strcasecmp(an, "href") == 0 ||
				      strcasecmp(an, "src") == 0) &&
				     (v == NULL || v[0] != '#')) ||
				    (v != NULL && fetches((const char *)v));

				anext = a->next;
				xmlFree(v);
				if (!bad)
					continue;
				if (!quiet) {
					char *what = xasprintf("attribute %s of <%s>", an,
					                       name);

					diag(file, (int)xmlGetLineNo(n), 0,
					     D_SVG_REMOVED, what);
					free(what);
				}
				xmlRemoveProp(a);
			}
			clean(n->children, file, quiet);
		} else if (n->type == XML_PI_NODE || n->type == XML_ENTITY_REF_NODE) {
			/* <?xml-stylesheet?> fetches; an entity is refused
			 * before this. */
			if (!quiet)
				diag(file, (int)xmlGetLineNo(n), 0, D_SVG_REMOVED,
				     "a processing instruction");
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		}
	}
}

/* Parses an SVG without the network, entities or a DTD; NULL after
 * reporting one that is not well-formed, has a DTD or is not <svg>. */
static xmlDocPtr
svg_parse(const char *file, int quiet)
{
	xmlDocPtr doc;
	xmlNodePtr root;

	doc = xmlReadFile(file, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	                  XML_PARSE_NOWARNING);
	if (doc == NULL) {
		if (!quiet)
			diag(file, 0, 0, D_PHOTO, "not well-formed SVG");
		return NULL;
	}
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		if (!quiet)
			diag(file, 0, 0, D_PHOTO,
			     "an SVG with a DTD or entity declarations is refused");
		xmlFreeDoc(doc);
		return NULL;
	}
	root = xmlDocGetRootElement(doc);
	if (root == NULL || strcmp((const char *)root->name, "svg") != 0) {
		if (!quiet)
			diag(file, 0, 0, D_PHOTO, "an SVG's root must be <svg>");
		xmlFreeDoc(doc);
		return NULL;
	}
	clean(doc->children, file, quiet);
	return doc;
}

/* Opens a photo for reading: a regular file (a FIFO would block), no
 * larger than the limit.  Returns the descriptor or -1 after reporting;
 * *type is what its first bytes say. */
static int
photo_open(const char *file, const char *name, enum ptype *type)
{
	unsigned char head[512];
	struct stat sb;
	ssize_t n;
	int fd;

	if ((fd = open(file, O_RDONLY | O_NONBLOCK)) < 0) {
		diag(file, 0, 0, D_READ, strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		diag(file, 0, 0, D_PHOTO, "not a regular file");
		close(fd);
		return -1;
	}
	if (sb.st_size > limit) {
		char *what = xasprintf("%lld bytes, over the photo limit of %lld "
		    "MB (photo-limit in paper.yaml)", (long long)sb.st_size,
		    limit / (1024 * 1024));

		diag(file, 0, 0, D_PHOTO, what);
		free(what);
		close(fd);
		return -1;
	}
	n = read(fd, head, sizeof(head));
	*type = sniff(head, n > 0 ? (size_t)n : 0);
	if (*type == P_MAX) {
		diag(file, 0, 0, D_PHOTO, "not a JPEG, PNG, GIF, WebP or SVG "
		     "file (judged by its first bytes)");
		close(fd);
		return -1;
	}
	if (!named_as(name, *type)) {
		char *what = xasprintf("a %s file must be named %s", ptypes[*type].name,
		                       ptypes[*type].exts);

		diag(file, 0, 0, D_PHOTO, what);
		free(what);
		close(fd);
		return -1;
	}
	lseek(fd, 0, SEEK_SET);
	return fd;
}

int
photo_check(const char *file, const char *name)
{
	enum ptype type;
	xmlDocPtr doc;
	int fd;

	if ((fd = photo_open(file, name, &type)) < 0)
		return 0;
	close(fd);
	if (type != P_SVG)
		return 1;
	if ((doc = svg_parse(file, 0)) == NULL)
		return 0;
	xmlFreeDoc(doc);
	return 1;
}

int
photo_copy(const char *file, const char *name, const char *const *to,
           size_t nto)
{
	enum ptype type;
	xmlDocPtr doc;
	xmlChar *mem = NULL;
	int fd, size = 0, ok = 1;
	size_t i;

	if ((fd = photo_open(file, name, &type)) < 0)
		return 0;
	if (type != P_SVG) {
		for (i = 0; i < nto; i++) {
			lseek(fd, 0, SEEK_SET);
			ok &= out_copy_fd(fd, file, to[i], limit);
		}
		close(fd);
		return ok;
	}
	close(fd);
	/* An SVG is written as libxml2 serializes the cleaned tree. */
	if ((doc = svg_parse(file, 1)) == NULL) {
		diag(file, 0, 0, D_PHOTO, "not well-formed SVG");
		return 0;
	}
	xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8");
	xmlFreeDoc(doc);
	for (i = 0; i < nto; i++)
		ok &= out_write(to[i], mem ? (const char *)mem : "", (size_t)size);
	xmlFree(mem);
	return ok;
}
