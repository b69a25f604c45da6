/*
 * Stage 8, write: every output goes to a temporary file in its own folder
 * and is renamed into place, so a reader of out/ (or a build killed at
 * any moment) sees the previous file or the new one, never a torn one.
 */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/xmlsave.h>

#include "press.h"

int
out_mkdirs(const char *dir)
{
	char *p, *s = xstrdup(dir);
	int ok = 1;

	for (p = s + 1; ok && *p != '\0'; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(s, 0755) != 0 && errno != EEXIST)
				ok = 0;
			*p = '/';
		}
	if (ok && mkdir(s, 0755) != 0 && errno != EEXIST)
		ok = 0;
	if (!ok)
		diag(s, 0, 0, D_WRITE, strerror(errno));
	free(s);
	return ok;
}

static struct buf *record; /* out_record(): the paths written, a line each */
static const char *record_base;

void
out_record(struct buf *b, const char *out)
{
	record = b;
	record_base = out;
}

/* out_record()'s lines are paths under the output folder, so that a copy
 * of the folder (its lists with it) names its own files. */
static void
recorded(const char *path)
{
	size_t n;

	if (record == NULL)
		return;
	if (record_base != NULL && (n = strlen(record_base)) > 0 &&
	    strncmp(path, record_base, n) == 0 && path[n] == '/')
		path += n + 1;
	buf_adds(record, path);
	buf_add(record, "\n", 1);
}

/* Whether path holds exactly these bytes already. */
static int
same(const char *path, const void *data, size_t len)
{
	struct stat sb;
	char chunk[65536];
	const char *p = data;
	ssize_t n;
	int fd, equal = 1;

	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (size_t)sb.st_size != len || (fd = open(path, O_RDONLY)) < 0)
		return 0;
	while (equal && (n = read(fd, chunk, sizeof(chunk))) > 0) {
		equal = (size_t)n <= len && memcmp(chunk, p, (size_t)n) == 0;
		p += n;
		len -= (size_t)n;
	}
	close(fd);
	return equal && len == 0;
}

/*
 * Makes a temporary file (.press.XXXXXX) beside path, open for writing,
 * whose name goes to *tmp for the caller to free, and the folder first
 * when there is none yet: most files go to a folder made for an earlier
 * one, where one mkstemp() does.  Returns the descriptor, or -1 (and
 * *tmp NULL) after a message.
 */
static int
temp_beside(const char *path, char **tmp)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int fd;

	if (slash != NULL) {
		*slash = '\0';
		*tmp = xasprintf("%s/.press.XXXXXX", dir);
	} else
		*tmp = xstrdup(".press.XXXXXX");
	if ((fd = mkstemp(*tmp)) < 0 && errno == ENOENT && slash != NULL) {
		if (!out_mkdirs(dir)) {
			free(dir);
			free(*tmp);
			*tmp = NULL;
			return -1;
		}
		strcpy(*tmp + strlen(dir), "/.press.XXXXXX");
		fd = mkstemp(*tmp);
	}
	free(dir);
	if (fd < 0) {
		diag(path, 0, 0, D_WRITE, strerror(errno));
		free(*tmp);
		*tmp = NULL;
	}
	return fd;
}

int
out_write(const char *path, const void *data, size_t len)
{
	char *tmp;
	const char *p = data;
	ssize_t n;
	int fd, ok = 0;

	/* A file whose content did not change is left as it is: its time
	 * stays, and whoever watches it sees no change. */
	recorded(path);
	if (same(path, data, len))
		return 1;
	if ((fd = temp_beside(path, &tmp)) < 0)
		return 0;
	while (len > 0) {
		if ((n = write(fd, p, len)) < 0) {
			if (errno == EINTR)
				continue;
			goto out;
		}
		p += n;
		len -= (size_t)n;
	}
	if (fchmod(fd, 0644) != 0)
		goto out;
	if (close(fd) != 0) {
		fd = -1;
		goto out;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto out;
	ok = 1;
out:
	if (!ok) {
		diag(path, 0, 0, D_WRITE, strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(tmp);
	}
	free(tmp);
	return ok;
}

/*
 * Converts UTF-8 to encoding with iconv, strictly: no //TRANSLIT, no
 * //IGNORE.  A character the encoding cannot hold is, with refs, written
 * as an XML character reference (&#x4DAE;, ASCII in every encoding press
 * takes) and the conversion goes on; without, it stops there.  Returns 1
 * with the result in *res (when res is not NULL), 0 with *bad at the
 * first character that cannot be converted, -1 if iconv knows no such
 * encoding.
 */
static int
convert(const char *data, size_t len, const char *encoding, struct buf *res,
        size_t *bad, int refs)
{
	iconv_t cd = iconv_open(encoding, "UTF-8");
	char *ip = (char *)data, *op, chunk[8192];
	size_t ileft = len, oleft;

	if (cd == (iconv_t)-1)
		return -1;
	while (ileft > 0) {
		op = chunk;
		oleft = sizeof(chunk);
		if (iconv(cd, &ip, &ileft, &op, &oleft) == (size_t)-1 &&
		    errno != E2BIG) {
			uint32_t cp;
			size_t n;
			char ref[16];

			if (!refs || errno != EILSEQ ||
			    (n = u8_next(ip, ileft, &cp)) == 0) {
				*bad = (size_t)(ip - data);
				iconv_close(cd);
				return 0;
			}
			if (res != NULL) {
				buf_add(res, chunk, sizeof(chunk) - oleft);
				snprintf(ref, sizeof(ref), "&#x%X;", (unsigned)cp);
				buf_adds(res, ref);
			}
			ip += n;
			ileft -= n;
			continue;
		}
		if (res != NULL)
			buf_add(res, chunk, sizeof(chunk) - oleft);
	}
	op = chunk;
	oleft = sizeof(chunk);
	iconv(cd, NULL, NULL, &op, &oleft);
	if (res != NULL)
		buf_add(res, chunk, sizeof(chunk) - oleft);
	iconv_close(cd);
	return 1;
}

int
out_encodable(const char *data, size_t len, const char *encoding, size_t *bad)
{
	return convert(data, len, encoding, NULL, bad, 0);
}

long
out_unencodable(const char *data, size_t len, const char *encoding,
                void (*each)(size_t at, void *arg), void *arg)
{
	iconv_t cd = iconv_open(encoding, "UTF-8");
	char *ip = (char *)data, *op, chunk[8192];
	size_t ileft = len, oleft, n;
	uint32_t cp;
	long count = 0;

	if (cd == (iconv_t)-1)
		return -1;
	/* One pass: a character that cannot be converted is passed over. */
	while (ileft > 0) {
		op = chunk;
		oleft = sizeof(chunk);
		if (iconv(cd, &ip, &ileft, &op, &oleft) != (size_t)-1 ||
		    errno == E2BIG)
			continue;
		if (errno != EILSEQ || (n = u8_next(ip, ileft, &cp)) == 0)
			break;
		each((size_t)(ip - data), arg);
		count++;
		ip += n;
		ileft -= n;
	}
	iconv_close(cd);
	return count;
}

int
out_write_encoded(const char *path, const char *data, size_t len,
                  const char *encoding, const char *blame)
{
	struct buf text = {0}, res = {0};
	const char *decl = "encoding=\"UTF-8\"", *p;
	size_t bad = 0, head = strcspn(data, "\n");
	int ok;

	/* The XML declaration names the new encoding. */
	if (strncmp(data, "<?xml", 5) == 0 &&
	    (p = strstr(data, decl)) != NULL && (size_t)(p - data) < head) {
		buf_add(&text, data, (size_t)(p - data));
		buf_adds(&text, "encoding=\"");
		buf_adds(&text, encoding);
		buf_adds(&text, "\"");
		p += strlen(decl);
		buf_add(&text, p, len - (size_t)(p - data));
		data = text.data;
		len = text.len;
	}
	switch (convert(data, len, encoding, &res, &bad, blame == NULL)) {
	case 1:
		ok = out_write(path, res.data ? res.data : "", res.len);
		break;
	case 0: {
		uint32_t cp;
		size_t n = u8_next(data + bad, len - bad, &cp);
		char *ch = xstrndup(data + bad, n);

		diag(blame, 0, 0, D_ENCODE, (unsigned)cp, ch, encoding);
		free(ch);
		ok = 0;
		break;
	}
	default:
		diag(path, 0, 0, D_WRITE, _("no such encoding"));
		ok = 0;
	}
	buf_free(&text);
	buf_free(&res);
	return ok;
}

int
out_write_xml(const char *path, xmlDocPtr doc, const char *encoding)
{
	xmlChar *mem = NULL;
	int size = 0, ok;

	xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8");
	if (mem == NULL) {
		diag(path, 0, 0, D_WRITE, _("cannot serialize the XML"));
		return 0;
	}
	if (encoding != NULL)
		ok = out_write_encoded(path, (const char *)mem, (size_t)size,
		                       encoding, NULL);
	else
		ok = out_write(path, mem, (size_t)size);
	xmlFree(mem);
	return ok;
}

/* Whether the file at path has the same bytes as what fd reads from
 * its start, both read in chunks. */
static int
same_fd(const char *path, int fd, off_t size)
{
	struct stat sb;
	char a[65536], b[65536];
	ssize_t n, m;
	int other, equal = 1;

	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size != size ||
	    (other = open(path, O_RDONLY)) < 0)
		return 0;
	while (equal && (n = read(fd, a, sizeof(a))) > 0) {
		m = read(other, b, (size_t)n);
		equal = m == n && memcmp(a, b, (size_t)n) == 0;
	}
	close(other);
	lseek(fd, 0, SEEK_SET);
	return equal && n == 0;
}

int
out_copy_fd(int fd, const char *from, const char *to, long long max)
{
	char *tmp;
	char chunk[65536];
	struct stat sb;
	long long total = 0;
	ssize_t n, w;
	int out = -1, ok = 0;
	const char *err = NULL;

	/* A file read in a stream, never whole: a photo may be large. */
	recorded(to);
	if (fstat(fd, &sb) == 0 && same_fd(to, fd, sb.st_size))
		return 1;
	if ((out = temp_beside(to, &tmp)) < 0)
		return 0;
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag(from, 0, 0, D_READ, strerror(errno));
			goto out;
		}
		if (max > 0 && (total += n) > max) {
			/* It grew while it was copied. */
			char *what = xasprintf("over the limit of %lld MB",
			                       max / (1024 * 1024));

			diag(from, 0, 0, D_PHOTO, what);
			free(what);
			goto out;
		}
		for (w = 0; w < n;) {
			ssize_t k = write(out, chunk + w, (size_t)(n - w));

			if (k < 0 && errno == EINTR)
				continue;
			if (k < 0) {
				err = strerror(errno);
				goto out;
			}
			w += k;
		}
	}
	if (fchmod(out, 0644) != 0 || close(out) != 0) {
		out = -1;
		err = strerror(errno);
		goto out;
	}
	out = -1;
	if (rename(tmp, to) != 0) {
		err = strerror(errno);
		goto out;
	}
	ok = 1;
out:
	if (err != NULL)
		diag(to, 0, 0, D_WRITE, err);
	if (out >= 0)
		close(out);
	if (!ok)
		unlink(tmp);
	free(tmp);
	return ok;
}

int
out_copy(const char *from, const char *to)
{
	int fd, ok;

	if ((fd = open(from, O_RDONLY)) < 0) {
		diag(from, 0, 0, D_READ, strerror(errno));
		return 0;
	}
	ok = out_copy_fd(fd, from, to, 0);
	close(fd);
	return ok;
}

/*
 * Where character ch (code point cp) first stands in src: its line and
 * column, as an editor counts them.  The story may have written it as a
 * character reference (&#x4DAE; &#19886;) that Markdown or YAML turned
 * into the character; 1:1 when it is nowhere.
 */
static void
place_of(const struct src *src, const char *ch, uint32_t cp, int *line,
         int *col)
{
	char ref[2][24];
	const char *at = NULL, *p, *q;
	size_t i;

	*line = *col = 1;
	if (src == NULL)
		return;
	snprintf(ref[0], sizeof(ref[0]), "&#x%X;", (unsigned)cp);
	snprintf(ref[1], sizeof(ref[1]), "&#%u;", (unsigned)cp);
	at = strstr(src->text, ch);
	for (i = 0; i < 2; i++)
		if ((q = strcasestr(src->text, ref[i])) != NULL &&
		    (at == NULL || q < at))
			at = q;
	if (at == NULL)
		return;
	for (p = src->text; p < at; p++)
		if (*p == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)*p & 0xC0) != 0x80)
			(*col)++;
}

/* Whether encoding is GB18030 (iconv's names for it). */
static int
is_gb18030(const char *encoding)
{
	return strcasecmp(encoding, "GB18030") == 0 ||
	       strcasecmp(encoding, "GB-18030") == 0;
}

/* What out_unencodable() hands each character outside GBK. */
struct outside {
	const struct build_opts *opts;
	const char *text;   /* the serialized document */
	size_t len;
	const char *path;   /* the file it came from */
	struct src *src;
	struct strmap seen;   /* each character once, at its first place */
	struct strmap *known; /* those of the stories */
	int story;            /* a story: add to known; else skip known */
};

static void
outside_gbk(size_t at, void *arg)
{
	struct outside *o = arg;
	uint32_t cp;
	size_t n = u8_next(o->text + at, o->len - at, &cp);
	char *ch = xstrndup(o->text + at, n);
	int line, col;

	if (!o->story && strmap_get(o->known, ch) != NULL)
		; /* a story's character, reported at the story */
	else if (strmap_get(&o->seen, ch) == NULL) {
		strmap_put(&o->seen, ch, "");
		if (o->story)
			strmap_put(o->known, ch, "");
		if (o->src == NULL)
			o->src = src_read(o->path);
		place_of(o->src, ch, cp, &line, &col);
		diag(o->path, line, col,
		     !o->opts->gbk_safe ? D_NOT_GBK :
		     o->story ? D_NOT_GBK_PRINT : D_NOT_GBK_STRICT,
		     (unsigned)cp, ch);
	}
	free(ch);
}

int
out_doc_encodable(const struct build_opts *opts, xmlDocPtr doc, const char *path,
          struct strmap *known, int story)
{
	xmlChar *mem = NULL;
	int size = 0, ok = 1;
	size_t bad = 0;
	const char *enc = opts->print_encoding;

	if (enc == NULL && !opts->gbk_safe)
		return 1;
	xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8");
	if (enc != NULL)
		ok = out_encodable((const char *)mem, (size_t)size, enc, &bad);
	if (ok == 0) {
		struct src *src = src_read(path);
		uint32_t cp;
		size_t n = u8_next((const char *)mem + bad, (size_t)size - bad, &cp);
		char *ch = xstrndup((const char *)mem + bad, n);
		int line, col;

		place_of(src, ch, cp, &line, &col);
		diag(path, line, col, story ? D_ENCODE_PRINT : D_ENCODE,
		     (unsigned)cp, ch, enc);
		free(ch);
		src_free(src);
	} else if (ok < 0) {
		diag(path, 0, 0, D_WRITE, _("no such encoding for --print-encoding"));
		ok = 0;
	} else if (opts->gbk_safe || is_gb18030(enc)) {
		struct outside o = {opts, (const char *)mem, (size_t)size, path,
		                    NULL, {0}, known, story};

		out_unencodable(o.text, o.len, "GBK", outside_gbk, &o);
		if (o.seen.n > 0 && opts->gbk_safe)
			ok = 0;
		src_free(o.src);
		strmap_free(&o.seen);
	}
	xmlFree(mem);
	return ok;
}
