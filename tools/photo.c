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

/* ---- geometry: the size a file's header says ------------------------ */

static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	       (unsigned long)p[2] << 8 | p[3];
}

static unsigned
le16(const unsigned char *p)
{
	return (unsigned)p[1] << 8 | p[0];
}

static unsigned long
le24(const unsigned char *p)
{
	return (unsigned long)p[2] << 16 | (unsigned long)p[1] << 8 | p[0];
}

/* Reads n bytes at off; whether all of them were there. */
static int
at(int fd, off_t off, unsigned char *b, size_t n)
{
	return pread(fd, b, n, off) == (ssize_t)n;
}

/*
 * The resolution and orientation an EXIF block (its TIFF header at t, n
 * bytes) gives in IFD0: XResolution with ResolutionUnit (2 inch, 3 cm),
 * and Orientation, 5 to 8 meaning the frame is shown turned a quarter
 * (CIPA DC-008, EXIF 2.32, 4.6.4 and 4.6.5).
 */
static void
exif(const unsigned char *t, size_t n, struct photo *ph, int *turned)
{
	int le;
	unsigned long ifd, off = 0;
	unsigned count, i, tag, type, unit = 2;

	if (n < 8 || (memcmp(t, "II*\0", 4) != 0 && memcmp(t, "MM\0*", 4) != 0))
		return;
	le = t[0] == 'I';
#define U16(p) (le ? le16(p) : be16(p))
#define U32(p) (le ? (unsigned long)le16(p) | (unsigned long)le16((p) + 2) << 16 \
                   : be32(p))
	ifd = U32(t + 4);
	if (ifd > n - 2)
		return;
	count = U16(t + ifd);
	for (i = 0; i < count && ifd + 2 + 12 * (i + 1) <= n; i++) {
		const unsigned char *e = t + ifd + 2 + 12 * i;

		tag = U16(e);
		type = U16(e + 2);
		if (tag == 0x0112 && type == 3)
			*turned = U16(e + 8) >= 5 && U16(e + 8) <= 8;
		else if (tag == 0x0128 && type == 3)
			unit = U16(e + 8);
		else if (tag == 0x011A && type == 5)
			off = U32(e + 8);
	}
	if (off != 0 && off <= n - 8 && U32(t + off + 4) != 0) {
		double d = (double)U32(t + off) / (double)U32(t + off + 4);

		if (unit == 3)
			d *= 2.54;
		if (unit == 2 || unit == 3)
			ph->dpi = (int)(d + 0.5);
	}
#undef U16
#undef U32
}

/*
 * JPEG: the markers up to the frame header (SOFn, ITU T.81 B.2.2) give
 * its height and width; JFIF's APP0 (units 1 dpi, 2 per cm) or EXIF's
 * APP1 its resolution.  Segments are skipped by their length, so a large
 * EXIF thumbnail costs no reading.
 */
static int
jpeg_size(int fd, struct photo *ph)
{
	unsigned char b[10];
	static unsigned char seg[65536];
	off_t off = 2;
	unsigned len;
	int turned = 0;

	while (at(fd, off, b, 4)) {
		if (b[0] != 0xFF)
			return 0;
		if (b[1] == 0xFF) { /* fill bytes */
			off++;
			continue;
		}
		len = be16(b + 2);
		if (len < 2)
			return 0;
		if (b[1] == 0xE0 && len >= 16 && at(fd, off + 4, seg, 12) &&
		    memcmp(seg, "JFIF", 5) == 0 && ph->dpi == 0) {
			unsigned x = be16(seg + 8);

			if (seg[7] == 1)
				ph->dpi = (int)x;
			else if (seg[7] == 2)
				ph->dpi = (int)(x * 2.54 + 0.5);
		} else if (b[1] == 0xE1 && len > 8 && at(fd, off + 4, seg, len - 2) &&
		           memcmp(seg, "Exif\0\0", 6) == 0)
			exif(seg + 6, len - 8, ph, &turned);
		else if (b[1] >= 0xC0 && b[1] <= 0xCF && b[1] != 0xC4 &&
		         b[1] != 0xC8 && b[1] != 0xCC) {
			if (!at(fd, off + 4, b, 5))
				return 0;
			ph->height = (int)be16(b + 1);
			ph->width = (int)be16(b + 3);
			if (turned) {
				int w = ph->width;

				ph->width = ph->height;
				ph->height = w;
			}
			return ph->width > 0 && ph->height > 0;
		} else if (b[1] == 0xDA || b[1] == 0xD9)
			return 0; /* the scan, and no frame header before it */
		off += 2 + len;
	}
	return 0;
}

/* PNG: IHDR first (width, height), a pHYs chunk before the image data
 * (pixels per metre when its unit is 1). */
static int
png_size(int fd, struct photo *ph)
{
	unsigned char b[17];
	off_t off = 8;
	unsigned long len;

	if (!at(fd, 16, b, 8))
		return 0;
	ph->width = (int)(be32(b) & 0x7FFFFFFF);
	ph->height = (int)(be32(b + 4) & 0x7FFFFFFF);
	while (at(fd, off, b, 8) && memcmp(b + 4, "IDAT", 4) != 0) {
		len = be32(b);
		if (memcmp(b + 4, "pHYs", 4) == 0 && len == 9 &&
		    at(fd, off + 8, b, 9) && b[8] == 1)
			ph->dpi = (int)(be32(b) * 0.0254 + 0.5);
		off += 12 + (off_t)len;
	}
	return ph->width > 0 && ph->height > 0;
}

/* GIF: the logical screen's width and height. */
static int
gif_size(int fd, struct photo *ph)
{
	unsigned char b[4];

	if (!at(fd, 6, b, 4))
		return 0;
	ph->width = (int)le16(b);
	ph->height = (int)le16(b + 2);
	return ph->width > 0 && ph->height > 0;
}

/* WebP (Google's container specification): the canvas of VP8X, the
 * frame header of lossy VP8 (14 bits each after the start code
 * 9d 01 2a) or the 14-bit sizes less one of lossless VP8L. */
static int
webp_size(int fd, struct photo *ph)
{
	unsigned char b[30] = {0};
	unsigned long v;
	ssize_t n = pread(fd, b, sizeof(b), 0);

	if (n < 25 || (n < 30 && memcmp(b + 12, "VP8L", 4) != 0))
		return 0;
	if (memcmp(b + 12, "VP8X", 4) == 0) {
		ph->width = (int)le24(b + 24) + 1;
		ph->height = (int)le24(b + 27) + 1;
	} else if (memcmp(b + 12, "VP8 ", 4) == 0 &&
	           memcmp(b + 23, "\x9d\x01\x2a", 3) == 0) {
		ph->width = (int)(le16(b + 26) & 0x3FFF);
		ph->height = (int)(le16(b + 28) & 0x3FFF);
	} else if (memcmp(b + 12, "VP8L", 4) == 0 && b[20] == 0x2F) {
		v = le24(b + 21) | (unsigned long)b[24] << 24;
		ph->width = (int)(v & 0x3FFF) + 1;
		ph->height = (int)(v >> 14 & 0x3FFF) + 1;
	}
	return ph->width > 0 && ph->height > 0;
}

/* A length of SVG in CSS pixels (96 to the inch), or 0 for none or a
 * percentage. */
static double
svg_length(xmlNodePtr root, const char *name)
{
	static const struct {
		const char *unit;
		double px;
	} units[] = {{"", 1}, {"px", 1}, {"pt", 96 / 72.0}, {"pc", 16},
	             {"mm", 96 / 25.4}, {"cm", 96 / 2.54}, {"in", 96}};
	xmlChar *v = xmlGetProp(root, X(name));
	double d = 0;
	char *end;
	size_t i;

	if (v != NULL) {
		d = strtod((const char *)v, &end);
		while (*end == ' ')
			end++;
		for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
			if (strcmp(end, units[i].unit) == 0)
				break;
		d = i < sizeof(units) / sizeof(units[0]) && d > 0 ?
		    d * units[i].px : 0;
	}
	xmlFree(v);
	return d;
}

/* SVG: width and height when both are lengths, else the viewBox's. */
static void
svg_size(xmlDocPtr doc, struct photo *ph)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	double w = svg_length(root, "width"), h = svg_length(root, "height");
	xmlChar *vb;

	if (w <= 0 || h <= 0) {
		w = h = 0;
		if ((vb = xmlGetProp(root, X("viewBox"))) != NULL) {
			double x, y;

			for (xmlChar *p = vb; *p != '\0'; p++)
				if (*p == ',')
					*p = ' ';
			if (sscanf((const char *)vb, "%lf %lf %lf %lf", &x, &y, &w,
			           &h) != 4)
				w = h = 0;
			xmlFree(vb);
		}
	}
	if (w > 0 && h > 0 && w < 1e6 && h < 1e6) {
		ph->width = (int)(w + 0.5) > 0 ? (int)(w + 0.5) : 1;
		ph->height = (int)(h + 0.5) > 0 ? (int)(h + 0.5) : 1;
	}
}

int
photo_check(const char *file, const char *name, struct photo *ph)
{
	struct photo dummy;
	enum ptype type;
	xmlDocPtr doc;
	int fd, ok = 1;

	if (ph == NULL)
		ph = &dummy;
	ph->width = ph->height = ph->dpi = 0;
	if ((fd = photo_open(file, name, &type)) < 0)
		return 0;
	if (type != P_SVG) {
		switch (type) {
		case P_JPEG:
			ok = jpeg_size(fd, ph);
			break;
		case P_PNG:
			ok = png_size(fd, ph);
			break;
		case P_GIF:
			ok = gif_size(fd, ph);
			break;
		case P_WEBP:
			ok = webp_size(fd, ph);
			break;
		default:
			abort();
		}
		close(fd);
		if (!ok) {
			ph->width = ph->height = ph->dpi = 0;
			diag(file, 0, 0, D_PHOTO_SIZE, ptypes[type].name);
			return 0;
		}
		return 1;
	}
	close(fd);
	if ((doc = svg_parse(file, 0)) == NULL)
		return 0;
	svg_size(doc, ph);
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

/* The least resolution a photo should have at its printed size. */
#define PRINT_DPI 150

void
photo_low_dpi(const char *path, int line, int col, xmlNodePtr n,
              const struct spend *sp)
{
	xmlChar *href, *w, *h;
	long dpi;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "figure") != 0) {
			photo_low_dpi(path, line, col, n->children, sp);
			continue;
		}
		href = xmlGetProp(n, X("href"));
		w = xmlGetProp(n, X("width"));
		h = xmlGetProp(n, X("height"));
		/* An SVG scales to any size. */
		if (w != NULL && h != NULL && href != NULL && sp->mm > 0 &&
		    (strlen((char *)href) < 4 ||
		     strcasecmp((char *)href + strlen((char *)href) - 4, ".svg") != 0) &&
		    (dpi = (long)(atof((char *)w) * 25.4 / (double)sp->mm + 0.5)) <
		    PRINT_DPI) {
			char *across = xasprintf(ngettext("%ld column", "%ld columns",
			                         (unsigned long)sp->cols), sp->cols);

			diag(path, line, col, D_PHOTO_DPI, (char *)href, atoi((char *)w),
			     atoi((char *)h), dpi, across, sp->mm);
			free(across);
		}
		xmlFree(href);
		xmlFree(w);
		xmlFree(h);
	}
}
