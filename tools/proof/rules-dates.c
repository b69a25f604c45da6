/*
 * The rules on years, dates and spans: a year that contradicts the
 * issue's where the copy says it is this year's (22), a story dated
 * otherwise than its issue (23), spans of years and dates written with
 * a hyphen or a wave (24).
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proof.h"

/* The year the copy's 今年 is: its issue's, else the story's own date's;
 * 0 when neither is known. */
static int
this_year(const struct proof *ck)
{
	const char *d = ck->issue_date;

	if (d == NULL && ck->st != NULL)
		d = ck->st->date;
	return d != NULL ? atoi(d) : 0;
}

/* The value of the four digits at i that are a year (1900–2099) standing
 * alone: no digit, letter or point beside them; else 0. */
static int
year_at(const struct seg *sg, size_t i)
{
	uint32_t p = at(sg, (long)i - 1), n = at(sg, (long)i + 4);
	int y = 0;
	size_t k;

	if (is_alnum(p) || p == '.' || is_alnum(n) || n == '.')
		return 0;
	for (k = i; k < i + 4; k++) {
		if (!is_digit(at(sg, (long)k)))
			return 0;
		y = y * 10 + (int)(at(sg, (long)k) - '0');
	}
	return y >= 1900 && y <= 2099 ? y : 0;
}

/* Whether c is one of the characters of set (UTF-8). */
static int
one_of(const char *set, uint32_t c)
{
	size_t n = strlen(set), k, len;
	uint32_t cp;

	for (k = 0; k < n && (len = u8_next(set + k, n - k, &cp)) > 0; k += len)
		if (cp == c)
			return 1;
	return 0;
}

/* Whether the copy in [a, b) reads any of w (at most 64 words).  Each
 * word's first character is decoded once: most characters of a clause
 * begin none of them. */
static int
has_any(const struct seg *sg, size_t a, size_t b, const char *const *w,
        size_t nw)
{
	uint32_t first[64], c;
	size_t i, k;

	assert(nw <= 64);
	for (k = 0; k < nw; k++)
		u8_next(w[k], strlen(w[k]), &first[k]);
	for (i = a; i < b; i++) {
		if ((c = at(sg, (long)i)) == 0)
			continue;
		for (k = 0; k < nw; k++)
			if (c == first[k] && i + u8_len(w[k]) <= b &&
			    reads(sg, (long)i, w[k]))
				return 1;
	}
	return 0;
}

/* ---- rule 22: this year's event in another year ------------------------ */

/* The finding on the year wrong (its four digits at yi, 年 after them),
 * which should be ref. */
static void
year_wrong(struct proof *ck, size_t si, size_t yi, int wrong, int ref)
{
	struct finding *f;
	char *what, repl[8];

	what = ck->issue_date != NULL ?
	       xasprintf(_("%d in this year's news, but the issue is of %d"),
	                 wrong, ref) :
	       xasprintf(_("%d in this year's news, but the story is dated %d"),
	                 wrong, ref);
	f = finding_add(ck, R_YEAR, si, yi, yi + 5, what);
	snprintf(repl, sizeof(repl), "%d", ref);
	finding_edit(f, yi, yi + 4, repl);
	free(what);
}

/*
 * 今年, 本届, 此次 … make a clause this year's news; a year in the same
 * clause that is not the issue's (2023年 in a story of the 2024 issue)
 * is a slip, often copy kept from last year's story.  A clause that
 * compares or spans years (比, 同比, 以来, 去年, 至, 从 …), one that
 * names two years, and a year of a report (2023年度) are left alone;
 * so is a year far from the issue's (history).
 */
void
rule_year(struct proof *ck, size_t si)
{
	static const char *const now[] = {
		"今年", "本届", "此次", "本次", "这次", "本年度", "今年度",
	};
	static const char *const other[] = {
		"比", "较", "同比", "同期", "以来", "至今", "去年", "前年", "明年",
		"后年", "上年", "往年", "历年", "历届", "上届", "下届", "连续",
		"分别", "自", "从", "起", "至", "到", "—", "-", "～", "~",
		"曾", "当年", "那年", "回顾", "首次", "成立", "以前", "之前",
		"之后", "以后", "将", "计划", "预计", "力争", "目标",
	};
	struct seg *sg = &ck->segs[si];
	size_t a, b, i, yi = 0;
	int ref = this_year(ck), y = 0, years, wrong;

	if (ref == 0)
		return;
	for (a = 0; a < sg->n; a = b + 1) {
		/* One clause: [a, b). */
		for (b = a; b < sg->n && !is_pause(at(sg, (long)b)); b++)
			continue;
		if (!has_any(sg, a, b, now, NELEM(now)))
			continue;
		/* 今年是2023年: the year that says which year this one is,
		 * whatever the clause goes on to count (以来的第十年); not
		 * 今年是2022年以来最热的一年. */
		for (i = a; i + 3 + 4 < b; i++)
			if (reads(sg, (long)i, "今年是") &&
			    (y = year_at(sg, i + 3)) != 0 && y != ref &&
			    at(sg, (long)i + 7) == 0x5E74 && abs(y - ref) <= 3 &&
			    !one_of("以来后之起至到前初末底度代", at(sg, (long)i + 8)))
				break;
		if (i + 3 + 4 < b) {
			year_wrong(ck, si, i + 3, y, ref);
			continue;
		}
		if (has_any(sg, a, b, other, NELEM(other)))
			continue;
		for (i = a, years = wrong = 0; i + 4 < b; i++)
			if ((y = year_at(sg, i)) != 0) {
				years++;
				if (y != ref && at(sg, (long)i + 4) == 0x5E74 &&
				    at(sg, (long)i + 5) != 0x5EA6 &&
				    at(sg, (long)i + 5) != 0x4EE3 &&
				    abs(y - ref) <= 3) {
					wrong = y;
					yi = i;
				}
				i += 3;
			}
		if (years != 1 || wrong == 0)
			continue;
		year_wrong(ck, si, yi, wrong, ref);
	}
}

/* ---- rule 23: the story's date and its issue's --------------------------- */

void
rule_story_date(struct proof *ck)
{
	const struct story *st = ck->st;
	yaml_document_t *fm;
	yaml_node_t *root, *v;
	struct finding *f;
	int line, col;

	if (st == NULL || st->date == NULL || ck->issue_date == NULL ||
	    strcmp(st->date, ck->issue_date) == 0 ||
	    house.level[R_DATE] == DIAG_OK || !st->has_fm)
		return;
	fm = (yaml_document_t *)&st->fm;
	if ((root = yaml_document_get_root_node(fm)) == NULL ||
	    (v = fm_get(fm, root, "date", NULL)) == NULL)
		return;
	line = fm_line(v, 1);
	col = fm_col(v);
	f = finding_add(ck, R_DATE, NOSEG, 0, 0, "");
	free(f->what);
	f->what = xasprintf(_("the story is dated %s, its issue %s"), st->date,
	                    ck->issue_date);
	f->off = (long)file_off(&ck->f, line, col);
}

/* ---- rule 24: spans of years and dates ----------------------------------- */

/* A mark that joins a span: hyphens, dashes that are not 一字线, waves. */
static int
span_mark(uint32_t c)
{
	return c == '-' || c == 0xFF0D || c == 0x2010 || c == 0x2011 ||
	       c == 0x2013 || c == 0x2212 || c == '~' || c == 0xFF5E ||
	       c == 0x301C;
}

/* The value of the digits that end just before i (at most four), and
 * where they start (*start); -1 when none or more. */
static long
digits_before(const struct seg *sg, size_t i, size_t *start)
{
	size_t k = i;
	long v = 0, scale = 1;

	while (k > 0 && i - k < 5 && is_digit(at(sg, (long)k - 1))) {
		v += scale * (long)(at(sg, (long)k - 1) - '0');
		scale *= 10;
		k--;
	}
	*start = k;
	return k == i || i - k > 4 ? -1 : v;
}

/* The value of the digits that start at i (at most four), and where they
 * end (*end); -1 when none or more. */
static long
digits_after(const struct seg *sg, size_t i, size_t *end)
{
	size_t k;
	long v = 0;

	for (k = i; k < sg->n && k - i < 5 && is_digit(at(sg, (long)k)); k++)
		v = v * 10 + (long)(at(sg, (long)k) - '0');
	*end = k;
	return k == i || k - i > 4 ? -1 : v;
}

#define NIAN 0x5E74 /* 年 */
#define YUE 0x6708  /* 月 */
#define RI 0x65E5   /* 日 */

/*
 * Whether the mark at m joins a span of time: 2015-2024年, 2015年-2024年,
 * 6-8月, 6月-8月, 6月7日-8日, 6月7-8日, 6月28日-7月2日.  Measures (25～30℃),
 * scores (3-1), codes and ISO dates (2024-06-11) are no span of time.
 */
static int
time_span(const struct seg *sg, size_t m)
{
	size_t ls, le = m, re, k;
	uint32_t lu = 0, ru, before;
	long l, r, r2;

	if (m > 0 && (at(sg, (long)m - 1) == NIAN || at(sg, (long)m - 1) == YUE ||
	              at(sg, (long)m - 1) == RI)) {
		lu = at(sg, (long)m - 1);
		le = m - 1;
	}
	if ((l = digits_before(sg, le, &ls)) < 0 ||
	    (r = digits_after(sg, m + 1, &re)) < 0)
		return 0;
	before = at(sg, (long)ls - 1);
	if (is_latin(before) || before == '.' || before == '-' || before == '/')
		return 0;
	ru = at(sg, (long)re);
	switch (ru) {
	case NIAN:
		return le - ls == 4 && re - m - 1 == 4 && (lu == 0 || lu == NIAN) &&
		       l >= 1900 && r <= 2099 && l < r;
	case YUE:
		/* 6月28日-7月2日 */
		if (lu == RI)
			return r >= 1 && r <= 12 &&
			       (r2 = digits_after(sg, re + 1, &k)) >= 1 && r2 <= 31 &&
			       at(sg, (long)k) == RI;
		return (lu == 0 || lu == YUE) && l >= 1 && l < r && r <= 12 &&
		       le - ls <= 2;
	case RI:
		return l >= 1 && l < r && r <= 31 && le - ls <= 2 &&
		       (lu == RI || (lu == 0 && before == YUE));
	default:
		return 0;
	}
}

void
rule_range(struct proof *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i;
	struct finding *f;

	for (i = 1; i + 1 < sg->n; i++) {
		if (!span_mark(at(sg, (long)i)) || !time_span(sg, i))
			continue;
		f = finding_add(ck, R_RANGE, si, i, i + 1,
		        _("a span of years or dates takes the one-character dash — or 至, not a hyphen or a wave"));
		f->mech = 1;
		finding_edit_cp(f, i, 0x2014);
	}
}
