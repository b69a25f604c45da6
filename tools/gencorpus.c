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
	put(f, "---\ntitle: %.*s\n", comma ? (int)(comma - s) : (int)tl, s);
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
		case 2:
			put(f, "![%s](img/photo.svg)\n本报记者 孙妍 摄影报道\n\n",
			    sentences[next((unsigned)nsentences)]);
			break;
		default:
			paragraph(f, 0);
		}
	}
	fclose(f);
}

int
main(int argc, char **argv)
{
	char path[4200], dir[4000], date[16];
	unsigned n, k, issue = 0;
	FILE *f = NULL;
	time_t day = 1577880000; /* 2020-01-01 12:00 UTC */

	if (argc != 4 || (n = (unsigned)atoi(argv[1])) == 0) {
		fputs("usage: gencorpus N SAMPLE_DIR OUT_DIR\n", stderr);
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
