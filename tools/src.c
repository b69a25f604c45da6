/*
 * Stage 1, read: a reporter's file as bytes → UTF-8 text with LF line
 * ends.  Detection follows EDITORIAL.md: a BOM (UTF-8, UTF-16) decides;
 * otherwise strict UTF-8; otherwise strict GB18030 through iconv;
 * otherwise the file is refused with the position of its first bad byte.
 * Nothing is ever guessed or replaced silently.
 *
 * Line ends are normalized without changing the number of lines, and
 * messages count columns in characters, so a position in the decoded
 * text is the position the reporter's editor shows, whatever the
 * encoding.
 */
#include <errno.h>
#include <stdint.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "press.h"

/*
 * Converts with iconv, strictly.  Returns the UTF-8 text (NUL-terminated,
 * *outlen bytes) or NULL with *bad set to the input offset of the first
 * sequence that does not decode.
 */
static char *
convert(const char *from, const char *in, size_t len, size_t *outlen,
        size_t *bad)
{
	iconv_t cd;
	char *out, *ip = (char *)in, *op;
	size_t cap = len * 2 + 16, ileft = len, oleft;

	if ((cd = iconv_open("UTF-8", from)) == (iconv_t)-1) {
		*bad = 0;
		return NULL;
	}
	out = xmalloc(cap);
	op = out;
	oleft = cap - 1;
	while (ileft > 0) {
		if (iconv(cd, &ip, &ileft, &op, &oleft) != (size_t)-1)
			continue;
		if (errno == E2BIG) {
			size_t used = (size_t)(op - out);

			cap *= 2;
			out = xrealloc(out, cap);
			op = out + used;
			oleft = cap - used - 1;
			continue;
		}
		*bad = (size_t)(ip - in);
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*op = '\0';
	*outlen = (size_t)(op - out);
	return out;
}

/* Line and column (characters, assuming UTF-8) of a byte offset. */
static void
offset_pos(const char *s, size_t off, int *line, int *col)
{
	size_t i, start = 0;

	*line = 1;
	for (i = 0; i < off; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= off || s[i + 1] != '\n'))) {
			(*line)++;
			start = i + 1;
		}
	*col = (int)u8_count(s + start, off - start) + 1;
}

/*
 * Text in NFC, the form every editor and font expects: a file from a Mac
 * may spell é as e + U+0301.  Returns text itself when it is already
 * normalized (nearly always), else a new string and frees text.
 */
static char *
nfc(char *text, size_t *len)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *norm = unorm2_getNFCInstance(&err);
	UChar *u, *v;
	int32_t ulen = 0, vlen, n;
	size_t i;
	char *out;

	for (i = 0; i < *len && (unsigned char)text[i] < 0x80; i++)
		continue;
	if (i == *len || U_FAILURE(err) || *len > INT32_MAX / 2)
		return text;
	u = xmalloc((*len + 1) * sizeof(UChar));
	u_strFromUTF8(u, (int32_t)*len + 1, &ulen, text, (int32_t)*len, &err);
	if (U_FAILURE(err) || unorm2_isNormalized(norm, u, ulen, &err) ||
	    U_FAILURE(err)) {
		free(u);
		return text;
	}
	vlen = unorm2_normalize(norm, u, ulen, NULL, 0, &err);
	err = U_ZERO_ERROR;
	v = xmalloc(((size_t)vlen + 1) * sizeof(UChar));
	unorm2_normalize(norm, u, ulen, v, vlen + 1, &err);
	n = 0;
	u_strToUTF8(NULL, 0, &n, v, vlen, &(UErrorCode){U_ZERO_ERROR});
	out = xmalloc((size_t)n + 1);
	u_strToUTF8(out, n + 1, &n, v, vlen, &err);
	free(u);
	free(v);
	if (U_FAILURE(err)) {
		free(out);
		return text;
	}
	free(text);
	*len = (size_t)n;
	return out;
}

/* The first line end in s, so that a file can be written back as it was. */
static const char *
first_eol(const char *s, size_t len)
{
	const char *p = memchr(s, '\r', len), *q = memchr(s, '\n', len);

	if (p == NULL || (q != NULL && q < p))
		return "\n";
	return (size_t)(p - s) + 1 < len && p[1] == '\n' ? "\r\n" : "\r";
}

/* CRLF and lone CR become LF; the text shrinks in place. */
static size_t
normalize_eol(char *s, size_t len)
{
	size_t i, j = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '\r') {
			s[j++] = '\n';
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
		} else
			s[j++] = s[i];
	}
	s[j] = '\0';
	return j;
}

/*
 * Removes the control characters and non-characters (u_is_unwanted) with
 * a warning at each one's place: Word's Shift+Enter (U+000B) is common in
 * pasted copy, and no XML or HTML file may carry it.  Positions are
 * those of the file as read.  Returns the new length.
 */
static size_t
strip_unwanted(const char *path, char *s, size_t len)
{
	size_t i = 0, j = 0, n;
	uint32_t c;
	int line = 1, col = 1;

	while (i < len) {
		n = u8_next(s + i, len - i, &c);
		if (u_is_unwanted(c))
			diag(path, line, col, D_CONTROL, (unsigned)c);
		else {
			memmove(s + j, s + i, n);
			j += n;
		}
		i += n;
		if (c == '\n')
			line++, col = 1;
		else
			col++;
	}
	s[j] = '\0';
	return j;
}

struct src *
src_from_bytes(const char *path, const char *bytes, size_t len)
{
	const unsigned char *u = (const unsigned char *)bytes;
	struct src *src;
	char *text = NULL;
	const char *enc = NULL, *eol;
	size_t tlen = 0, bad = 0, nul;
	int line, col;

	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		bytes += 3, len -= 3;
		enc = "UTF-8";
	} else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		bytes += 2, len -= 2;
		enc = "UTF-16LE";
	} else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		bytes += 2, len -= 2;
		enc = "UTF-16BE";
	}

	if (enc == NULL || strcmp(enc, "UTF-8") == 0) {
		if ((bad = u8_check(bytes, len)) == len) {
			text = xstrndup(bytes, len);
			tlen = len;
			enc = "UTF-8";
		} else if (enc == NULL) {
			size_t gbbad;

			text = convert("GB18030", bytes, len, &tlen, &gbbad);
			enc = "GB18030";
		}
		if (text == NULL) {
			int bom = strcmp(enc, "UTF-8") == 0;
			char *msg = xasprintf("%s: first bad byte at offset "
			    "%zu", bom ? "not valid UTF-8 after its byte order "
			    "mark" : "neither UTF-8 nor GB18030",
			    bad + (bom ? 3 : 0));

			offset_pos(bytes, bad, &line, &col);
			diag(path, line, col, D_ENCODING, msg);
			free(msg);
			return NULL;
		}
	} else if ((text = convert(enc, bytes, len, &tlen, &bad)) == NULL) {
		diag(path, 0, 0, D_ENCODING, _("not valid UTF-16 after its byte "
		     "order mark"));
		return NULL;
	}

	eol = first_eol(text, tlen);
	tlen = normalize_eol(text, tlen);
	text = nfc(text, &tlen);
	if ((nul = strlen(text)) < tlen) {
		offset_pos(text, nul, &line, &col);
		diag(path, line, col, D_ENCODING, _("NUL byte: not a text file"));
		free(text);
		return NULL;
	}
	tlen = strip_unwanted(path, text, tlen);
	src = xcalloc(1, sizeof(*src));
	src->path = xstrdup(path);
	src->text = text;
	src->len = tlen;
	src->encoding = enc;
	src->bom = (const char *)u != bytes;
	src->eol = eol;
	return src;
}

struct src *
src_read(const char *path)
{
	FILE *f;
	struct buf b = {0};
	char chunk[65536];
	size_t n;
	struct src *src;

	if ((f = fopen(path, "rb")) == NULL) {
		diag(path, 0, 0, D_READ, strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(f)) {
		diag(path, 0, 0, D_READ, strerror(errno));
		fclose(f);
		buf_free(&b);
		return NULL;
	}
	fclose(f);
	src = src_from_bytes(path, b.data ? b.data : "", b.len);
	buf_free(&b);
	return src;
}

void
src_free(struct src *src)
{
	if (src == NULL)
		return;
	free(src->path);
	free(src->text);
	free(src);
}
