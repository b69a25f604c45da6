/*
 * Allocation that exits on out-of-memory, a byte buffer, and the UTF-8
 * and character-class helpers every stage shares.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "press.h"

static void
oom(void)
{
	fputs("press: out of memory\n", stderr);
	exit(3);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL)
		oom();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->data = xrealloc(b->data, b->cap);
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

int
each_line(const char *path, void (*fn)(char *line, void *arg), void *arg)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (f == NULL)
		return 0;
	while ((n = getline(&line, &cap, f)) > 0) {
		if (line[n - 1] == '\n')
			line[n - 1] = '\0';
		fn(line, arg);
	}
	free(line);
	fclose(f);
	return 1;
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, uint32_t c)
{
	char s[4];
	size_t n;

	if (c < 0x80) {
		s[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		s[0] = (char)(0xC0 | c >> 6);
		s[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		s[0] = (char)(0xE0 | c >> 12);
		s[1] = (char)(0x80 | (c >> 6 & 0x3F));
		s[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		s[0] = (char)(0xF0 | c >> 18);
		s[1] = (char)(0x80 | (c >> 12 & 0x3F));
		s[2] = (char)(0x80 | (c >> 6 & 0x3F));
		s[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	buf_add(b, s, n);
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/*
 * Returns the offset of the first byte that does not begin a valid UTF-8
 * sequence (overlongs, surrogates and values past U+10FFFF refused), or
 * len if all of it is valid.
 */
size_t
u8_check(const char *bytes, size_t len)
{
	const unsigned char *s = (const unsigned char *)bytes;
	size_t i = 0, n, k;
	uint32_t c, min;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xC2 && s[i] <= 0xDF)
			n = 2, c = s[i] & 0x1F, min = 0x80;
		else if (s[i] >= 0xE0 && s[i] <= 0xEF)
			n = 3, c = s[i] & 0x0F, min = 0x800;
		else if (s[i] >= 0xF0 && s[i] <= 0xF4)
			n = 4, c = s[i] & 0x07, min = 0x10000;
		else
			return i;
		if (len - i < n)
			return i;
		for (k = 1; k < n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			c = c << 6 | (s[i + k] & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return i;
		i += n;
	}
	return len;
}

size_t
u8_next(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len, i;

	if (n == 0) {
		*cp = 0;
		return 0;
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	len = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 1;
	if (len > n || len == 1) {
		/* Not reached for validated text; step over the byte. */
		*cp = 0xFFFD;
		return 1;
	}
	*cp = u[0] & (0x7F >> len);
	for (i = 1; i < len; i++)
		*cp = *cp << 6 | (u[i] & 0x3F);
	return len;
}

size_t
u8_prev(const char *s, size_t n, uint32_t *cp)
{
	size_t i = n;

	if (n == 0) {
		*cp = 0;
		return 0;
	}
	while (i > 0 && n - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0)
		i--;
	u8_next(s + i, n - i, cp);
	return n - i;
}

size_t
u8_count(const char *s, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

int
u_is_han(uint32_t c)
{
	return (c >= 0x3400 && c <= 0x4DBF) ||   /* Extension A */
	       (c >= 0x4E00 && c <= 0x9FFF) ||   /* Unified Ideographs */
	       (c >= 0xF900 && c <= 0xFAFF) ||   /* Compatibility */
	       (c >= 0x3040 && c <= 0x30FF) ||   /* kana */
	       (c >= 0x3005 && c <= 0x3007) ||   /* 々〆〇 */
	       (c >= 0x20000 && c <= 0x3134F);   /* Extensions B–H */
}

int
u_is_cjk_punct(uint32_t c)
{
	return (c >= 0x3000 && c <= 0x3003) || /* 　、。〃 */
	       (c >= 0x3008 && c <= 0x301F) || /* 〈〉《》「」『』【】〔〕… */
	       (c >= 0xFF01 && c <= 0xFF0F) || /* ！＂＃…／ */
	       (c >= 0xFF1A && c <= 0xFF20) || /* ：；＜＝＞？＠ */
	       (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) ||
	       (c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE4F) ||
	       c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D ||
	       c == 0x2014 || c == 0x2026 || c == 0x00B7 || c == 0x2027 ||
	       c == 0x2E3A;
}

int
u_is_cjk(uint32_t c)
{
	return u_is_han(c) || u_is_cjk_punct(c);
}

int
u_is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v' || c == 0x00A0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
	       c == 0x202F || c == 0x205F || c == 0x3000;
}

int
u_is_unwanted(uint32_t c)
{
	return (c < 0x20 && c != '\t' && c != '\n') ||
	       (c >= 0x7F && c <= 0x9F) ||         /* DEL and C1 */
	       (c >= 0xFDD0 && c <= 0xFDEF) ||     /* non-characters */
	       (c & 0xFFFE) == 0xFFFE;             /* U+xFFFE, U+xFFFF */
}

size_t
u_strip(char *s, size_t len, size_t *first, uint32_t *cp)
{
	size_t i = 0, j = 0, n;
	uint32_t c;

	*first = len;
	while (i < len) {
		/* A byte that begins no valid sequence goes too: cmark
		 * writes &#xFFFE; and &#xFFFF; as the bytes FE and FF. */
		int bad = u8_check(s + i, len - i < 4 ? len - i : 4) == 0;

		n = bad ? 1 : u8_next(s + i, len - i, &c);
		if (bad)
			c = (unsigned char)s[i] >= 0xFE ? 0xFF00 | (unsigned char)s[i]
			                                : 0xFFFD;
		if (bad || u_is_unwanted(c)) {
			if (*first == len) {
				*first = i;
				*cp = c;
			}
		} else {
			memmove(s + j, s + i, n);
			j += n;
		}
		i += n;
	}
	if (j < len)
		s[j] = '\0';
	return j;
}

static size_t
strmap_slot(const struct strmap *m, const char *key)
{
	uint64_t h = 14695981039346656037u;
	const unsigned char *p;
	size_t i;

	for (p = (const unsigned char *)key; *p != '\0'; p++)
		h = (h ^ *p) * 1099511628211u;
	i = (size_t)h & (m->cap - 1);

	while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

const char *
strmap_get(const struct strmap *m, const char *key)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	i = strmap_slot(m, key);
	return m->keys[i] != NULL ? m->vals[i] : NULL;
}

const char *
strmap_put(struct strmap *m, const char *key, const char *val)
{
	size_t i, k;

	if (2 * (m->n + 1) > m->cap) {
		struct strmap big = {0};

		big.cap = m->cap ? 2 * m->cap : 64;
		big.keys = xcalloc(big.cap, sizeof(char *));
		big.vals = xcalloc(big.cap, sizeof(char *));
		for (k = 0; k < m->cap; k++)
			if (m->keys[k] != NULL) {
				i = strmap_slot(&big, m->keys[k]);
				big.keys[i] = m->keys[k];
				big.vals[i] = m->vals[k];
			}
		big.n = m->n;
		free(m->keys);
		free(m->vals);
		*m = big;
	}
	i = strmap_slot(m, key);
	if (m->keys[i] != NULL)
		return m->vals[i];
	m->keys[i] = xstrdup(key);
	m->vals[i] = xstrdup(val);
	m->n++;
	return NULL;
}

void
strmap_free(struct strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++) {
		free(m->keys[i]);
		free(m->vals[i]);
	}
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}
