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

void
out_record(struct buf *b)
{
	record = b;
}

static void
recorded(const char *path)
{
	if (record != NULL) {
		buf_adds(record, path);
		buf_add(record, "\n", 1);
	}
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

int
out_write(const char *path, const void *data, size_t len)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/'), *tmp;
	const char *p = data;
	ssize_t n;
	int fd, ok = 0;

	/* A file whose content did not change is left as it is: its time
	 * stays, and whoever watches it sees no change. */
	recorded(path);
	if (same(path, data, len)) {
		free(dir);
		return 1;
	}
	if (slash != NULL) {
		*slash = '\0';
		if (!out_mkdirs(dir)) {
			free(dir);
			return 0;
		}
		tmp = xasprintf("%s/.press.XXXXXX", dir);
	} else
		tmp = xstrdup(".press.XXXXXX");
	free(dir);
	if ((fd = mkstemp(tmp)) < 0) {
		diag(path, 0, 0, D_WRITE, strerror(errno));
		free(tmp);
		return 0;
	}
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
 * //IGNORE.  Returns 1 with the result in *res, 0 with *bad at the first
 * character that cannot be converted, -1 if iconv knows no such encoding.
 */
static int
convert(const char *data, size_t len, const char *encoding, struct buf *res,
        size_t *bad)
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
			*bad = (size_t)(ip - data);
			iconv_close(cd);
			return 0;
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
	return convert(data, len, encoding, NULL, bad);
}

int
out_write_encoded(const char *path, const char *data, size_t len,
                  const char *encoding)
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
	switch (convert(data, len, encoding, &res, &bad)) {
	case 1:
		ok = out_write(path, res.data ? res.data : "", res.len);
		break;
	case 0: {
		uint32_t cp;
		size_t n = u8_next(data + bad, len - bad, &cp);
		char *ch = xstrndup(data + bad, n);

		diag(path, 0, 0, D_ENCODE, (unsigned)cp, ch, encoding);
		free(ch);
		ok = 0;
		break;
	}
	default:
		diag(path, 0, 0, D_WRITE, "no such encoding");
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
		diag(path, 0, 0, D_WRITE, "cannot serialize the XML");
		return 0;
	}
	if (encoding != NULL)
		ok = out_write_encoded(path, (const char *)mem, (size_t)size,
		                       encoding);
	else
		ok = out_write(path, mem, (size_t)size);
	xmlFree(mem);
	return ok;
}

int
out_copy(const char *from, const char *to)
{
	FILE *f;
	struct buf b = {0};
	char chunk[65536];
	size_t n;
	int ok;

	if ((f = fopen(from, "rb")) == NULL) {
		diag(from, 0, 0, D_READ, strerror(errno));
		return 0;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	ok = out_write(to, b.data ? b.data : "", b.len);
	buf_free(&b);
	return ok;
}
