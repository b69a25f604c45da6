/*
 * gencorpus: writes a benchmark corpus of N stories in issues of 40,
 * with copy recombined from the sample issue's sentences.
 *
 *   gencorpus N SAMPLE_DIR OUT_DIR
 *
 * SAMPLE_DIR holds the sample stories (articles/2024-06-11); OUT_DIR gets
 * paper.yaml and one folder per issue, dated one day apart from
 * 2020-01-01.  The copy has what real copy has: datelines, bold terms in
 * quotes, lists, block quotes, photos with credits and paragraphs
 * hard-wrapped by the reporter's editor.  The output depends on N alone.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define PER_ISSUE 40
#define PER_PAGE 5

static char **sentences;
static size_t nsentences;
static unsigned long long rng = 88172645463325252ULL;

static unsigned
next(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void
die(const char *what)
{
	fprintf(stderr, "gencorpus: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* Adds the sentences of a paragraph, without its 本报讯（…） opening. */
static void
split(const char *p)
{
	const char *q;
	int depth = 0;

	if (strncmp(p, "本报讯（", strlen("本报讯（")) == 0 &&
	    (q = strstr(p, "）")) != NULL)
		p = q + strlen("）");
	/* A sentence ends at a 。 outside quotes, with the quote closing it. */
	for (q = p; *q != '\0';) {
		if (strncmp(q, "“", 3) == 0)
			depth++;
		else if (strncmp(q, "”", 3) == 0 && depth > 0)
			depth--;
		if (strncmp(q, "。", 3) == 0 && depth == 0) {
			q += 3;
			if (strncmp(q, "”", 3) == 0)
				q += 3;
			sentences = realloc(sentences,
			    (nsentences + 1) * sizeof(char *));
			sentences[nsentences++] = strndup(p, (size_t)(q - p));
			p = q;
			continue;
		}
		q++;
	}
}

/* Collects the sentences (up to 。) of the sample stories' bodies. */
static void
read_sample(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096], line[65536];
	static char para[65536];

	if (d == NULL)
		die(dir);
	while ((e = readdir(d)) != NULL) {
		FILE *f;
		int fences = 0;
		size_t n = strlen(e->d_name);

		if (n < 4 || strcmp(e->d_name + n - 3, ".md") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if ((f = fopen(path, "r")) == NULL)
			die(path);
		para[0] = '\0';
		while (fgets(line, sizeof(line), f) != NULL) {
			if (strncmp(line, "---", 3) == 0) {
				fences++;
				continue;
			}
			if (fences < 2 || line[0] == '!')
				continue;
			if (line[0] != '\n') {
				/* A paragraph's lines join with nothing between. */
				line[strcspn(line, "\n")] = '\0';
				strncat(para, line, sizeof(para) - strlen(para) - 1);
				continue;
			}
			split(para);
			para[0] = '\0';
		}
		split(para);
		fclose(f);
	}
	closedir(d);
	if (nsentences == 0) {
		fprintf(stderr, "gencorpus: no sentences in %s\n", dir);
		exit(1);
	}
}

static void
put(FILE *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
}

/* A paragraph of a few sentences, hard-wrapped now and then. */
static void
paragraph(FILE *f, int first)
{
	static const char *const names[] = {"张晶", "崔欣", "王路曼", "陈曦",
	                                    "宗晓畅", "孙妍", "马超", "赵红蕾"};
	unsigned i, n = 1 + next(4);
	int wrap = next(3) == 0;

	if (first)
		put(f, "本报讯（记者 %s 通讯员 %s）", names[next(8)],
		    names[next(8)]);
	for (i = 0; i < n; i++) {
		const char *s = sentences[next((unsigned)nsentences)];
		const char *q = strstr(s, "“");

		if (q != NULL && next(4) == 0) {
			/* A term in quotes, in bold: **“暖心伴考”**. */
			const char *end = strstr(q, "”");

			if (end != NULL) {
				put(f, "%.*s**%.*s**%s", (int)(q - s), s,
				    (int)(end + 3 - q), q, end + 3);
				continue;
			}
		}
		put(f, "%s", s);
		if (wrap && i + 1 < n)
			put(f, "\n");
	}
	put(f, "\n\n");
}

static void
story(const char *path, unsigned k)
{
	FILE *f = fopen(path, "w");
	unsigned i, n = 3 + next(8);
	const char *s = sentences[next((unsigned)nsentences)];
	const char *comma = strstr(s, "，");

	if (f == NULL)
		die(path);
	/* A headline from a sentence's first clause. */
	size_t tl = strlen(s);

	/* Without its closing mark: 。 or 。” */
	while (tl >= 3 && (strncmp(s + tl - 3, "。", 3) == 0 ||
	                   strncmp(s + tl - 3, "”", 3) == 0))
		tl -= 3;
	/* Clean copy: a clause cut inside a quotation loses its “. */
	{
		int n = comma ? (int)(comma - s) : (int)tl;
		const char *q = memmem(s, (size_t)n, "“", 3);

		if (q != NULL && memmem(q, (size_t)(s + n - q), "”", 3) == NULL)
			put(f, "---\ntitle: %.*s%.*s\n", (int)(q - s), s,
			    (int)(s + n - q - 3), q + 3);
		else
			put(f, "---\ntitle: %.*s\n", n, s);
	}
	if (next(3) == 0)
	{
		const char *sub = sentences[next((unsigned)nsentences)];
		size_t sl = strlen(sub);

		while (sl >= 3 && strncmp(sub + sl - 3, "。", 3) == 0)
			sl -= 3;
		put(f, "subtitle: %.*s\n", (int)sl, sub);
	}
	put(f, "genre: 消息\nslug: story-%u\n---\n\n", k);
	paragraph(f, 1);
	for (i = 1; i < n; i++) {
		switch (next(12)) {
		case 0:
			put(f, "- %s\n- %s\n\n", sentences[next((unsigned)nsentences)],
			    sentences[next((unsigned)nsentences)]);
			break;
		case 1:
			put(f, "> %s\n\n", sentences[next((unsigned)nsentences)]);
			break;
		case 2: {
			/* A caption is a phrase: no full stop ending it. */
			const char *c = sentences[next((unsigned)nsentences)];
			size_t cl = strlen(c);

			if (cl >= 3 && strcmp(c + cl - 3, "。") == 0)
				cl -= 3;
			put(f, "![%.*s](img/photo.svg)\n本报记者 孙妍 摄影报道\n\n",
			    (int)cl, c);
			break;
		}
		default:
			paragraph(f, 0);
		}
	}
	fclose(f);
}

/* ---- pages ------------------------------------------------------------ */

#define LINE_HALVES 26 /* a column's line: 13 characters of two halves */

/*
 * A clause fit for a headline: a sentence's first clause, 6 to 30
 * characters, no sentence mark inside, not a dateline.  Written to b.
 */
static void
headline(char *b, size_t cap)
{
	for (;;) {
		const char *s = sentences[next((unsigned)nsentences)];
		size_t n = strcspn(s, "\n");
		const char *c = strstr(s, "，");
		size_t k, chars = 0;

		if (c != NULL && (size_t)(c - s) < n)
			n = (size_t)(c - s);
		while (n >= 3 && (strncmp(s + n - 3, "。", 3) == 0 ||
		                  strncmp(s + n - 3, "”", 3) == 0))
			n -= 3;
		for (k = 0; k < n; k++)
			chars += ((unsigned char)s[k] & 0xC0) != 0x80;
		if (chars < 6 || chars > 30 || n >= cap ||
		    strncmp(s, "本报", 6) == 0 || strncmp(s, "据", 3) == 0)
			continue;
		memcpy(b, s, n);
		b[n] = '\0';
		if (strstr(b, "；") || strstr(b, "。") || strstr(b, "？") ||
		    strstr(b, "！") || strstr(b, "“") || strstr(b, "”") ||
		    strstr(b, "：") || strstr(b, "……"))
			continue;
		return;
	}
}

/*
 * Sets paragraph text t into the story's columns of `height` lines: *y is
 * the line of the current column.  A column that ends inside the
 * paragraph cuts it: the page gets a blank line there.
 */
static void
set_paragraph(FILE *f, const char *t, unsigned height, unsigned *y)
{
	unsigned x = 4; /* the 2-character indent */
	const unsigned char *p = (const unsigned char *)t;

	while (*p != '\0') {
		unsigned len = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
		unsigned w = *p < 0x80 ? 1 : 2;

		if (x + w > LINE_HALVES) {
			x = 0;
			if (++*y == height) {
				*y = 0;
				put(f, "\n\n");
			}
		}
		fwrite(p, 1, len, f);
		x += w;
		p += len;
	}
	put(f, "\n\n");
	if (++*y == height)
		*y = 0;
}

static void
page(const char *dir, unsigned k)
{
	static const char *const banners[] = {
		"深入学习贯彻党的二十大精神 奋力开拓首都工会工作新局面",
		"弘扬劳模精神劳动精神工匠精神 凝聚职工群众奋进新征程力量",
		"坚持以职工为中心的工作导向 竭诚为广大职工群众服务",
	};
	static const char *const names[] = {"张晶", "崔欣", "王路曼", "陈曦",
	                                    "宗晓畅", "孙妍", "马超", "赵红蕾"};
	char path[4200], h[512], para[8192];
	FILE *f, *b;
	unsigned i, j, m, nst = 5 + next(4);

	snprintf(path, sizeof(path), "%.4000s/page-%03u.txt", dir, k);
	if ((f = fopen(path, "w")) == NULL)
		die(path);
	snprintf(path, sizeof(path), "%.4000s/page-%03u.blocks", dir, k);
	if ((b = fopen(path, "w")) == NULL)
		die(path);
	put(f, "\n\n");
	if (next(2) == 0) {
		const char *banner = banners[next(3)];

		put(f, "%s\n\n", banner);
		put(b, "%s\n", banner);
	} else
		put(b, "\n");
	for (i = 0; i < nst; i++) {
		int photo = next(5) == 0;
		unsigned nlines = photo ? 1 : next(3) == 0 ? 2 : 1;
		unsigned height = 6 + next(20), y = 0;

		if (nlines == 2 && next(3) == 0)
			nlines = 3; /* kicker, headline, subtitle */
		for (j = 0; j < nlines; j++) {
			headline(h, sizeof(h));
			put(f, "%s\n\n", h);
			put(b, "%s\n", h);
		}
		if (photo) {
			para[0] = '\0';
			for (j = 0, m = 1 + next(3); j < m; j++)
				strncat(para, sentences[next((unsigned)nsentences)],
				        sizeof(para) - strlen(para) - 1);
			snprintf(h, sizeof(h), "本报记者 %s 摄影报道", names[next(8)]);
			if (next(2) == 0)
				put(f, "%s%s\n\n", para, h);
			else
				put(f, "%s\n\n%s\n\n", para, h);
			put(b, "%s\n%s\n", para, h);
		} else {
			for (j = 0, m = 2 + next(5); j < m; j++) {
				unsigned s, ns = 1 + next(4);

				if (j == 0)
					snprintf(para, sizeof(para),
					         "本报讯（记者 %s 通讯员 %s）",
					         names[next(8)], names[next(8)]);
				else
					para[0] = '\0';
				for (s = 0; s < ns; s++)
					strncat(para,
					        sentences[next((unsigned)nsentences)],
					        sizeof(para) - strlen(para) - 1);
				set_paragraph(f, para, height, &y);
				put(b, "%s\n", para);
			}
		}
		if (next(2) == 0)
			put(f, "\n");
	}
	fclose(f);
	fclose(b);
}

int
main(int argc, char **argv)
{
	char path[4200], dir[4000], date[16];
	unsigned n, k, issue = 0;
	FILE *f = NULL;
	time_t day = 1577880000; /* 2020-01-01 12:00 UTC */

	if (argc == 5 && strcmp(argv[1], "--pages") == 0 &&
	    (n = (unsigned)atoi(argv[2])) > 0) {
		read_sample(argv[3]);
		if (mkdir(argv[4], 0755) != 0 && errno != EEXIST)
			die(argv[4]);
		for (k = 1; k <= n; k++)
			page(argv[4], k);
		return 0;
	}
	if (argc != 4 || (n = (unsigned)atoi(argv[1])) == 0) {
		fputs("usage: gencorpus [--pages] N SAMPLE_DIR OUT_DIR\n",
		      stderr);
		return 2;
	}
	read_sample(argv[2]);
	if (mkdir(argv[3], 0755) != 0 && errno != EEXIST)
		die(argv[3]);
	snprintf(path, sizeof(path), "%s/paper.yaml", argv[3]);
	if ((f = fopen(path, "w")) == NULL)
		die(path);
	put(f, "name: 劳动午报\npublisher: 北京市总工会\nurl: https://example.org/\n"
	       "page:\n  columns: 8\n  line-chars: 13\n  column-lines: 115\n");
	fclose(f);
	f = NULL;
	for (k = 0; k < n; k++) {
		if (k % PER_ISSUE == 0) {
			time_t t = day + (time_t)issue * 86400;
			struct tm tm;

			gmtime_r(&t, &tm);
			strftime(date, sizeof(date), "%Y-%m-%d", &tm);
			snprintf(dir, sizeof(dir), "%.3900s/%s", argv[3], date);
			if (f != NULL)
				fclose(f);
			if (mkdir(dir, 0755) != 0 && errno != EEXIST)
				die(dir);
			snprintf(path, sizeof(path), "%s/img", dir);
			if (mkdir(path, 0755) != 0 && errno != EEXIST)
				die(path);
			snprintf(path, sizeof(path), "%s/img/photo.svg", dir);
			if ((f = fopen(path, "w")) == NULL)
				die(path);
			put(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
			       "viewBox=\"0 0 400 300\"><rect width=\"400\" "
			       "height=\"300\" fill=\"#ccc\"/></svg>\n");
			fclose(f);
			snprintf(path, sizeof(path), "%s/issue.yaml", dir);
			if ((f = fopen(path, "w")) == NULL)
				die(path);
			put(f, "number: %u\ndate: %s\npages:\n", ++issue, date);
		}
		if (k % PER_PAGE == 0)
			put(f, "  - no: %u\n    name: 第%u版\n    stories:\n",
			    k % PER_ISSUE / PER_PAGE + 1, k % PER_ISSUE / PER_PAGE + 1);
		put(f, "      - story-%u.md\n", k);
		snprintf(path, sizeof(path), "%s/story-%u.md", dir, k);
		story(path, k);
	}
	if (f != NULL)
		fclose(f);
	return 0;
}
