/*
 * The rules on punctuation marks: pairs (1), half-width marks (2),
 * quotation marks (3), ellipsis and dash (9, 10), repeated marks (11),
 * 顿号 (15), 《》 around events (16), heads' full stops (17), the name
 * dot (20).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proof.h"

/* ---- rule 1 (and 3's nesting): paired marks --------------------------- */

enum pair {
	PAIR_DQ,     /* “” */
	PAIR_SQ,     /* ‘’ */
	PAIR_PAREN,  /* （）, and ( ) for rule 2 to judge */
	PAIR_BOOK,   /* 《》 */
	PAIR_BOOK2,  /* 〈〉 */
	PAIR_SQUARE, /* 【】 */
	PAIR_SHELL,  /* 〔〕 */
	PAIR_CORNER, /* 「」 */
	PAIR_CORNER2, /* 『』 */
	PAIR_MAX
};

static const struct {
	uint32_t open, close;
	const char *name;
} pairs[PAIR_MAX] = {
	{0x201C, 0x201D, N_("double quotes")},   /* PAIR_DQ */
	{0x2018, 0x2019, N_("single quotes")}, /* PAIR_SQ */
	{0xFF08, 0xFF09, N_("brackets")},   /* PAIR_PAREN */
	{0x300A, 0x300B, N_("title marks")}, /* PAIR_BOOK */
	{0x3008, 0x3009, N_("title marks")}, /* PAIR_BOOK2 */
	{0x3010, 0x3011, N_("square brackets")}, /* PAIR_SQUARE */
	{0x3014, 0x3015, N_("tortoise-shell brackets")}, /* PAIR_SHELL */
	{0x300C, 0x300D, N_("corner quotes")}, /* PAIR_CORNER */
	{0x300E, 0x300F, N_("corner quotes")}, /* PAIR_CORNER2 */
};

/* The pair a mark opens (*open = 1) or closes, or PAIR_MAX. */
static enum pair
pair_of(const struct seg *sg, size_t i, int *open)
{
	uint32_t c = at(sg, (long)i);
	enum pair p;

	if (c == '(' || c == ')') {
		*open = c == '(';
		return PAIR_PAREN;
	}
	/* An apostrophe: it’s, don’t. */
	if ((c == 0x2019 || c == 0x2018) && is_alnum(at(sg, (long)i - 1)) &&
	    is_alnum(at(sg, (long)i + 1)))
		return PAIR_MAX;
	for (p = 0; p < PAIR_MAX; p++)
		if (c == pairs[p].open || c == pairs[p].close) {
			*open = c == pairs[p].open;
			return p;
		}
	return PAIR_MAX;
}

/* Reports a mark left open (a half-width one is rule 2's); returns
 * whether it is a quotation mark. */
static int
left_open(struct proof *ck, size_t si, size_t i, enum pair q)
{
	struct seg *sg = &ck->segs[si];
	char *what;

	if (rule_on(sg, R_PAIR) && at(sg, (long)i) != '(') {
		what = xasprintf(_("missing closing %s"), _(pairs[q].name));
		finding_add(ck, R_PAIR, si, i, i + 1, what);
		free(what);
	}
	return q == PAIR_DQ || q == PAIR_SQ;
}

void
rule_pairs(struct proof *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	struct { enum pair p; size_t i; } *stack = NULL;
	size_t *nest = NULL, nnest = 0, nstack = 0, i, j, d;
	char *skip = xcalloc(sg->n + 1, 1), *what;
	size_t *nextm, last[PAIR_MAX], onstack[PAIR_MAX] = {0};
	int open, open2 = 0, quote_trouble = 0;
	enum pair p, q;
	struct finding *f;

	stack = xmalloc((sg->n + 1) * sizeof(*stack));
	nest = xmalloc((sg->n + 1) * 2 * sizeof(*nest));
	/* The next mark of the same pair after each one, for ”…“. */
	nextm = xmalloc((sg->n + 1) * sizeof(size_t));
	for (p = 0; p < PAIR_MAX; p++)
		last[p] = sg->n;
	for (i = sg->n; i-- > 0;)
		if ((p = pair_of(sg, i, &open)) != PAIR_MAX) {
			nextm[i] = last[p];
			last[p] = i;
		}
	for (i = 0; i < sg->n; i++) {
		if (skip[i] || (p = pair_of(sg, i, &open)) == PAIR_MAX)
			continue;
		if (open) {
			onstack[p]++;
			stack[nstack].p = p;
			stack[nstack++].i = i;
			continue;
		}
		/* Each scan down pops what it passes: linear in all. */
		for (d = onstack[p] ? nstack : 0; d > 0 && stack[d - 1].p != p; d--)
			continue;
		if (d == nstack && d > 0) {
			/* Closes the innermost: “ inside “ should be ‘. */
			nstack--;
			onstack[p]--;
			if (p == PAIR_DQ && onstack[PAIR_DQ] > 0) {
				nest[2 * nnest] = stack[nstack].i;
				nest[2 * nnest++ + 1] = i;
			}
			continue;
		}
		if (d > 0) {
			/* The marks opened after it were never closed. */
			while (nstack >= d) {
				q = stack[--nstack].p;
				onstack[q]--;
				if (nstack + 1 == d)
					break;
				quote_trouble |= left_open(ck, si, stack[nstack].i, q);
			}
			continue;
		}
		/* A closing mark with nothing open: reversed (”…“), or extra. */
		quote_trouble |= p == PAIR_DQ || p == PAIR_SQ;
		j = nextm[i];
		if (j < sg->n)
			pair_of(sg, j, &open2);
		if (!rule_on(sg, R_PAIR) || (p == PAIR_PAREN && at(sg, (long)i) == ')'))
			continue;
		if (j < sg->n && open2) {
			what = xasprintf(_("%s turned the wrong way"), _(pairs[p].name));
			f = finding_add(ck, R_PAIR, si, i, j + 1, what);
			finding_edit_cp(f, i, pairs[p].open);
			if (at(sg, (long)j) != '(')
				finding_edit_cp(f, j, pairs[p].close);
			skip[j] = 1;
		} else {
			what = xasprintf(_("closing %s with no opening one"), _(pairs[p].name));
			finding_add(ck, R_PAIR, si, i, i + 1, what);
		}
		free(what);
	}
	/* Left open at the end of the paragraph.  A quotation over several
	 * paragraphs opens each with “ and closes only the last. */
	while (nstack > 0) {
		q = stack[--nstack].p;
		if (q != PAIR_DQ || !sg->quote_on)
			quote_trouble |= left_open(ck, si, stack[nstack].i, q);
	}
	for (i = 0; !quote_trouble && rule_on(sg, R_QUOTE) && i < nnest; i++) {
		f = finding_add(ck, R_QUOTE, si, nest[2 * i], nest[2 * i + 1] + 1,
		        _("quotes inside quotes: double outside, single inside"));
		finding_edit_cp(f, nest[2 * i], 0x2018);
		finding_edit_cp(f, nest[2 * i + 1], 0x2019);
	}
	free(stack);
	free(nest);
	free(skip);
	free(nextm);
}

/* ---- rule 2: half-width marks ------------------------------------------ */

/* The marks writers put between the parts of a name instead of ·. */
static int
is_name_sep(uint32_t c)
{
	return c == '.' || c == 0xFF0E || c == 0x2022 || c == 0x30FB ||
	       c == 0x2027 || c == 0x2219 || c == 0x2E31;
}

/*
 * Marks the marks that part a name (列奥纳多.达.芬奇): two or more in a
 * row, each between Han, the runs between them short.  One pass; the
 * caller frees.
 */
char *
name_dots(const struct seg *sg)
{
	char *dots = xcalloc(sg->n + 1, 1);
	size_t i = 0, j, k, first, count;

	while (i < sg->n) {
		if (!is_name_sep(at(sg, (long)i)) || !is_han(at(sg, (long)i - 1)) ||
		    !is_han(at(sg, (long)i + 1))) {
			i++;
			continue;
		}
		first = j = i;
		for (count = 1;; count++) {
			for (k = j + 1; is_han(at(sg, (long)k)); k++)
				continue;
			if (k - j - 1 > 6 || !is_name_sep(at(sg, (long)k)) ||
			    !is_han(at(sg, (long)k + 1)))
				break;
			j = k;
		}
		if (count >= 2)
			for (k = first; k <= j; k++)
				dots[k] = is_name_sep(at(sg, (long)k));
		i = j + 1;
	}
	return dots;
}

static int
name_dot(const struct seg *sg, long i)
{
	return sg->dots != NULL && i >= 0 && (size_t)i < sg->n && sg->dots[i];
}

uint32_t
fullwidth_of(uint32_t c)
{
	switch (c) {
	case ',':
		return 0xFF0C;
	case '.':
		return 0x3002;
	case ';':
		return 0xFF1B;
	case ':':
		return 0xFF1A;
	case '!':
		return 0xFF01;
	case '?':
		return 0xFF1F;
	case '(':
		return 0xFF08;
	case ')':
		return 0xFF09;
	default:
		return 0;
	}
}

/* Whether the half-width mark at i stands in Chinese copy. */
int
halfwidth_here(const struct seg *sg, long i)
{
	uint32_t c = at(sg, i), l = at(sg, i - 1), r = at(sg, i + 1);

	switch (c) {
	case ',':
	case ';':
		if (sg->part == P_HEAD && (size_t)i + 1 == sg->n)
			return 0;
		/* FALLTHROUGH */
	case ':':
	case '!':
	case '?':
		return is_cjk(l) || is_han(r) || is_open(r);
	case '.':
		/* 3.5万 and U.S. have no Han before; …… has its rule; a
		 * headline's last mark is rule 17's. */
		return (is_han(l) || is_close(l)) && r != '.' && l != '.' &&
		       !name_dot(sg, i) && !(sg->part == P_HEAD && r == 0 &&
		                             (size_t)i + 1 == sg->n);
	default:
		return 0;
	}
}

static int
has_han(const struct seg *sg, size_t a, size_t b)
{
	for (; a < b; a++)
		if (is_han(at(sg, (long)a)))
			return 1;
	return 0;
}

void
rule_halfwidth(struct proof *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i, start, *stack, nstack = 0, o;
	struct finding *f;

	for (i = 0; i < sg->n; i++) {
		if (!halfwidth_here(sg, (long)i))
			continue;
		/* 太好了!!! is one slip. */
		for (start = i; i + 1 < sg->n && (at(sg, (long)i + 1) == '!' ||
		     at(sg, (long)i + 1) == '?'); i++)
			continue;
		f = finding_add(ck, R_HALFWIDTH, si, start, i + 1, _("half-width punctuation should be full-width"));
		f->mech = 1;
		for (o = start; o <= i; o++)
			finding_edit_cp(f, o, fullwidth_of(at(sg, (long)o)));
	}
	/* Parentheses go by pairs: 工会(ACFTU)成立, (记者张晶). */
	stack = xmalloc((sg->n + 1) * sizeof(size_t));
	for (i = 0; i < sg->n; i++) {
		uint32_t c = at(sg, (long)i);

		if (c == '(' || c == 0xFF08) {
			stack[nstack++] = i;
			continue;
		}
		if (c != ')' && c != 0xFF09)
			continue;
		if (nstack == 0) {
			if (c == ')' && (is_cjk(at(sg, (long)i - 1)) ||
			                 is_han(at(sg, (long)i + 1)))) {
				f = finding_add(ck, R_HALFWIDTH, si, i, i + 1,
				        _("half-width brackets should be full-width"));
				f->mech = 1;
				finding_edit_cp(f, i, 0xFF09);
			}
			continue;
		}
		o = stack[--nstack];
		if (at(sg, (long)o) == 0xFF08 && c == 0xFF09)
			continue;
		if (!has_han(sg, o + 1, i) && !is_cjk(at(sg, (long)o - 1)) &&
		    at(sg, (long)o) == '(' && c == ')')
			continue;
		f = finding_add(ck, R_HALFWIDTH, si, o, i + 1, _("half-width brackets should be full-width"));
		f->mech = 1;
		if (at(sg, (long)o) == '(')
			finding_edit_cp(f, o, 0xFF08);
		if (c == ')')
			finding_edit_cp(f, i, 0xFF09);
	}
	while (nstack > 0) {
		o = stack[--nstack];
		if (at(sg, (long)o) == '(' && (is_cjk(at(sg, (long)o - 1)) ||
		                               is_han(at(sg, (long)o + 1)))) {
			f = finding_add(ck, R_HALFWIDTH, si, o, o + 1, _("half-width brackets should be full-width"));
			f->mech = 1;
			finding_edit_cp(f, o, 0xFF08);
		}
	}
	free(stack);
}

/* ---- rule 3: quotation marks ------------------------------------------ */

/* Straight quotes q (" or ') paired in order: “” or ‘’ where they hold
 * or touch Han. */
static void
straight(struct proof *ck, size_t si, uint32_t q, uint32_t open,
         uint32_t close)
{
	struct seg *sg = &ck->segs[si];
	size_t *pos = xmalloc((sg->n + 1) * sizeof(size_t)), n = 0, i;
	struct finding *f;

	for (i = 0; i < sg->n; i++)
		if (at(sg, (long)i) == q && !(q == '\'' &&
		    is_alnum(at(sg, (long)i - 1)) && is_alnum(at(sg, (long)i + 1))))
			pos[n++] = i;
	for (i = 0; n % 2 == 0 && i + 1 < n; i += 2) {
		size_t a = pos[i], b = pos[i + 1];

		if (!has_han(sg, a + 1, b) && !is_han(at(sg, (long)a - 1)) &&
		    !is_han(at(sg, (long)b + 1)))
			continue;
		f = finding_add(ck, R_QUOTE, si, a, b + 1, _("straight quotes should be curly quotes"));
		f->mech = 1;
		finding_edit_cp(f, a, open);
		finding_edit_cp(f, b, close);
	}
	for (i = 0; n % 2 == 1 && i < n; i++)
		if (is_cjk(at(sg, (long)pos[i] - 1)) ||
		    is_cjk(at(sg, (long)pos[i] + 1)))
			finding_add(ck, R_QUOTE, si, pos[i], pos[i] + 1,
			    _("straight quotes should be curly quotes, and they do not pair"));
	free(pos);
}

void
rule_quotes(struct proof *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	struct finding *f;
	size_t i, j;
	uint32_t c;

	straight(ck, si, '"', 0x201C, 0x201D);
	straight(ck, si, '\'', 0x2018, 0x2019);
	/* 「」『』 are not the mainland's quotes. */
	for (i = 0; i < sg->n; i++) {
		c = at(sg, (long)i);
		if (c != 0x300C && c != 0x300E)
			continue;
		for (j = i + 1; j < sg->n && j - i < 200 &&
		     at(sg, (long)j) != c + 1 && at(sg, (long)j) != c; j++)
			continue;
		if (j < sg->n && at(sg, (long)j) != c + 1)
			j = sg->n;
		f = finding_add(ck, R_QUOTE, si, i, j < sg->n ? j + 1 : i + 1,
		        _("corner quotes should be “” ‘’"));
		finding_edit_cp(f, i, c == 0x300C ? 0x201C : 0x2018);
		if (j < sg->n)
			finding_edit_cp(f, j, c == 0x300C ? 0x201D : 0x2019);
	}
}


/* ---- rules 9 and 10: ellipsis and dash --------------------------------- */

void
rule_ellipsis(struct proof *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i, j, len, e;
	uint32_t c, l, r;
	struct finding *f;
	int wrong;

	for (i = 0; i < sg->n; i++) {
		c = at(sg, (long)i);
		if (c != '.' && c != 0x3002 && c != 0x2026 && c != 0x22EF &&
		    c != 0x00B7)
			continue;
		for (j = i; j < sg->n && at(sg, (long)j) == c; j++)
			continue;
		len = j - i;
		l = at(sg, (long)i - 1);
		r = at(sg, (long)j);
		switch (c) {
		case 0x2026:
			/* …… ; doubled (12 dots) only for a whole omitted paragraph. */
			wrong = len != 2 && !(len == 4 && i == 0 && j == sg->n);
			break;
		case 0x22EF:
			wrong = 1;
			break;
		case '.':
			/* 追光而行... ; not wait... nor 1..5 */
			wrong = len >= 2 && (is_cjk(l) || is_cjk(r));
			break;
		default:
			/* 。。。 and ··· (。。 is rule 11's) */
			wrong = len >= 3;
			break;
		}
		if (wrong) {
			f = finding_add(ck, R_ELLIPSIS, si, i, j, _("the ellipsis is ……"));
			f->mech = 1;
			finding_edit(f, i, j, "……");
		} else if (c == 0x2026 && r == 0x7B49) {
			/* ……等: the ellipsis already says "and so on". */
			e = j + 1 + (at(sg, (long)j + 1) == 0x7B49);
			f = finding_add(ck, R_ELLIPSIS, si, i, e, _("no 等 after an ellipsis"));
			finding_edit(f, j, e, "");
		}
		i = j - 1;
	}
}

void
rule_dash(struct proof *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i, j, len;
	uint32_t c;
	struct finding *f;
	int wrong;

	for (i = 0; i < sg->n; i++) {
		c = at(sg, (long)i);
		if (c != '-' && c != 0xFF0D && c != 0x2500 && c != 0x2015 &&
		    c != 0x2014)
			continue;
		for (j = i; j < sg->n && at(sg, (long)j) == c; j++)
			continue;
		len = j - i;
		switch (c) {
		case 0x2014:
			/* —— is the dash; one — is right in 2015—2024年 and
			 * 北京—上海. */
			wrong = len > 2;
			break;
		case '-':
		case 0xFF0D:
			/* 他--一名老党员; a hyphen is no dash. */
			wrong = len >= 2 && (is_cjk(at(sg, (long)i - 1)) ||
			                     is_cjk(at(sg, (long)j)));
			break;
		default:
			/* ── and ―― from box drawing and old fonts */
			wrong = is_cjk(at(sg, (long)i - 1)) || is_cjk(at(sg, (long)j));
			break;
		}
		if (wrong) {
			f = finding_add(ck, R_DASH, si, i, j, _("the dash is ——"));
			f->mech = 1;
			finding_edit(f, i, j, "——");
		}
		i = j - 1;
	}
}

/* ---- rule 11: repeated punctuation ------------------------------------ */

static uint32_t
pause_of(uint32_t c)
{
	return c == '!' || c == '?' ? fullwidth_of(c) : is_pause(c) ? c : 0;
}

void
rule_punct_repeat(struct proof *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i, j, k;
	uint32_t c, d;
	struct finding *f;
	struct buf b = {0};

	for (i = 0; i + 1 < sg->n; i++) {
		if ((c = pause_of(at(sg, (long)i))) == 0)
			continue;
		for (j = i + 1; j < sg->n && pause_of(at(sg, (long)j)) != 0; j++)
			continue;
		if (j - i < 2)
			continue;
		d = pause_of(at(sg, (long)i + 1));
		for (k = i; k < j && pause_of(at(sg, (long)k)) == c; k++)
			continue;
		if (j - i == 2 && ((c == 0xFF1F && d == 0xFF01) ||
		                   (c == 0xFF01 && d == 0xFF1F))) {
			/* ？！ once: an exclaimed question. */
		} else if (k == j && c == 0x3002 && j - i >= 3) {
			/* 。。。 is rule 9's. */
		} else if (k == j) {
			b.len = 0;
			buf_addc(&b, at(sg, (long)i));
			f = finding_add(ck, R_PUNCT_REPEAT, si, i, j, _("punctuation mark repeated"));
			finding_edit(f, i, j, b.data);
		} else
			finding_add(ck, R_PUNCT_REPEAT, si, i, j, _("two punctuation marks together: keep one"));
		i = j - 1;
	}
	buf_free(&b);
}


/* ---- rule 15: 顿号 ---------------------------------------------------- */

/* The value of 一 … 九, or 0. */
int
numeral(uint32_t c)
{
	static const uint32_t digits[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
	                                  0x516D, 0x4E03, 0x516B, 0x4E5D};
	size_t k;

	for (k = 0; k < NELEM(digits); k++)
		if (digits[k] == c)
			return (int)k + 1;
	return 0;
}

void
rule_dunhao(struct proof *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i;
	uint32_t l, r;
	struct finding *f;

	for (i = 1; i + 1 < sg->n; i++) {
		if (at(sg, (long)i) != 0x3001)
			continue;
		l = at(sg, (long)i - 1);
		r = at(sg, (long)i + 1);
		if ((l == 0x300B && r == 0x300A) || (l == 0x201D && r == 0x201C)) {
			f = finding_add(ck, R_DUNHAO, si, i - 1, i + 2, l == 0x300B ?
			        _("no 顿号 between titles in 《》") :
			        _("no 顿号 between quoted items"));
			finding_edit(f, i, i + 1, "");
		} else if (r == 0x7B49) {
			f = finding_add(ck, R_DUNHAO, si, i, i + 2, _("no 顿号 before 等"));
			finding_edit(f, i, i + 1, "");
		} else if (numeral(l) && numeral(r) == numeral(l) + 1 &&
		           at(sg, (long)i - 2) != 0x7B2C) {
			/* 三、四个: neighbouring numbers give an estimate. */
			uint32_t n = at(sg, (long)i + 2);
			static const char *const units =
			    "十百千万个人名位岁天年次届件条项家所米元只座";
			size_t k;
			uint32_t cp;

			for (k = 0; units[k] != '\0';) {
				k += u8_next(units + k, strlen(units) - k, &cp);
				if (cp == n) {
					f = finding_add(ck, R_DUNHAO, si, i - 1, i + 3,
					        _("neighbouring numbers give an approximate number: no 顿号"));
					finding_edit(f, i, i + 1, "");
					break;
				}
			}
		}
	}
}

/* ---- rule 16: 《》 around events ----------------------------------------- */

static int
ends_with_any(const struct seg *sg, size_t a, size_t b, const char *const *w,
              size_t nw)
{
	size_t k, n;

	for (k = 0; k < nw; k++) {
		n = u8_len(w[k]);
		if (b - a >= n && reads(sg, (long)(b - n), w[k]))
			return 1;
	}
	return 0;
}

/* Whether the copy just before i reads one of w. */
static int
preceded_by(const struct seg *sg, size_t i, const char *const *w, size_t nw)
{
	size_t k, n;

	for (k = 0; k < nw; k++) {
		n = u8_len(w[k]);
		if (i >= n && reads(sg, (long)(i - n), w[k]))
			return 1;
	}
	return 0;
}

void
rule_booktitle(struct proof *ck, size_t si)
{
	/* What a work in 《》 is seldom followed by: 《红楼梦》研讨会 and
	 * 《论语》讲座 are about a work, 《暖心伴考》活动 is no work. */
	static const char *const after[] = {
		"活动", "大赛", "比赛", "竞赛", "联赛", "评选", "运动会",
		"主题活动", "系列活动", "志愿服务", "专项行动", "行动", "公益行",
		"启动仪式", "颁奖仪式", "仪式", "嘉年华", "主题党日", "劳动竞赛",
		"技能大赛", "知识竞赛", "擂台赛", "挑战赛", "邀请赛", "健步走",
		"文艺汇演", "汇演", "荣誉称号", "称号", "奖章",
	};
	/* What an event's name ends with (《春节联欢晚会》 is a programme:
	 * house.yaml's titles: names it). */
	static const char *const events[] = {
		"活动", "大赛", "比赛", "竞赛", "联赛", "评选", "运动会", "会议",
		"大会", "论坛", "座谈会", "研讨会", "博览会", "展览会", "行动",
		"仪式", "嘉年华", "晚会", "峰会", "年会", "交流会", "推介会",
		"招聘会", "表彰会", "报告会", "分享会", "联谊会", "发布会",
		"启动会", "动员会", "运动", "劳动竞赛", "志愿服务", "健步走",
		"文化节", "艺术节", "读书月", "宣传月", "宣传周", "服务月",
		"奖", "杯",
	};
	/* What ends the name of a work: laws, documents, books, songs. */
	static const char *const works[] = {
		"法", "条例", "规定", "办法", "意见", "通知", "决定", "纲要",
		"规划", "报告", "方案", "决议", "公约", "宣言", "章程", "准则",
		"标准", "讲话", "书", "报", "刊", "志", "集", "传", "记", "史",
		"论", "歌", "曲", "诗", "剧", "颂", "赋", "选", "录",
	};
	/* A work as the object of the activity: 学习《…》活动, 诵读《…》比赛. */
	static const char *const verbs[] = {
		"学习", "阅读", "诵读", "朗读", "朗诵", "宣讲", "解读", "研读",
		"贯彻", "观看", "演唱", "传唱", "学", "读", "看", "唱", "写",
		"收看", "宣传", "落实", "实施", "施行", "颁布", "出台", "印发",
		"发布", "推广", "排演", "演出", "上映", "播出", "征集",
	};
	struct seg *sg = &ck->segs[si];
	size_t i, j, k;
	struct finding *f;

	for (i = 0; i < sg->n; i++) {
		if (at(sg, (long)i) != 0x300A)
			continue;
		for (j = i + 1; j < sg->n && at(sg, (long)j) != 0x300B &&
		     at(sg, (long)j) != 0x300A && at(sg, (long)j) != 0; j++)
			continue;
		if (j >= sg->n || at(sg, (long)j) != 0x300B || j == i + 1)
			continue;
		/* The house's works: the whole title between the marks. */
		if (words_at(&house.titles, sg, i + 1, 1) == j - i - 1)
			continue;
		if (ends_with_any(sg, i + 1, j, works, NELEM(works)) ||
		    preceded_by(sg, i, verbs, NELEM(verbs)))
			continue;
		for (k = 0; k < NELEM(after); k++)
			if (reads(sg, (long)j + 1, after[k]))
				break;
		if (k == NELEM(after) &&
		    !ends_with_any(sg, i + 1, j, events, NELEM(events)))
			continue;
		f = finding_add(ck, R_BOOKTITLE, si, i, j + 1 + (k < NELEM(after) ?
		        u8_len(after[k]) : 0),
		        _("《》 is for works; an activity, meeting, award or campaign takes quotes"));
		finding_edit_cp(f, i, 0x201C);
		finding_edit_cp(f, j, 0x201D);
		i = j;
	}
}

/* ---- rule 17: heads and short captions -------------------------------- */

void
rule_head_stop(struct proof *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	long i = (long)sg->n - 1, k;
	uint32_t c = at(sg, i);
	const char *genre = ck->st ? ck->st->genre : NULL;
	struct finding *f;
	int inner = 0;

	if (sg->part == P_CAPTION) {
		/* A caption that is a sentence keeps its full stop; a short
		 * one, a phrase, takes none.  A half-width mark counts as the
		 * full-width one --fix makes of it, so that the caption reads
		 * the same before the fix and after. */
		for (k = 0; k < i; k++) {
			uint32_t m = at(sg, k);

			if (halfwidth_here(sg, k))
				m = fullwidth_of(m);
			inner |= is_pause(m) && m != 0x3001;
		}
		if (inner || sg->n > 25)
			return;
	}
	if (c == 0x3002 || c == 0xFF0C || c == 0xFF1B || c == '.' || c == ',' ||
	    c == ';' || c == 0xFF0E) {
		f = finding_add(ck, R_HEAD_STOP, si, (size_t)i, (size_t)i + 1,
		        sg->part == P_CAPTION ? _("no full stop ending a short caption") :
		        _("no full stop or comma ending a headline"));
		finding_edit(f, (size_t)i, (size_t)i + 1, "");
	}
	if (sg->head == H_SUBTITLE && at(sg, 0) == 0x2014 && at(sg, 1) == 0x2014 &&
	    (genre == NULL || strcmp(genre, "消息") == 0)) {
		f = finding_add(ck, R_HEAD_STOP, si, 0, 2, _("no dash before a news story's subtitle"));
		finding_edit(f, 0, 2, "");
	}
}


/* ---- rule 20: the name dot ---------------------------------------------- */

void
rule_name_dot(struct proof *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i, j;
	uint32_t c;
	struct finding *f = NULL;

	for (i = 1; i + 1 < sg->n; i++) {
		c = at(sg, (long)i);
		/* One • between Han is a name's; one . or ． may end a
		 * sentence (rule 2), two make a name. */
		if (!is_name_sep(c) || !is_han(at(sg, (long)i - 1)) ||
		    !is_han(at(sg, (long)i + 1)) ||
		    ((c == '.' || c == 0xFF0E) && !name_dot(sg, (long)i)))
			continue;
		/* One finding for the whole name: 马丁•路德•金. */
		if (f == NULL || f->end + 6 < i) {
			f = finding_add(ck, R_NAME_DOT, si, i, i + 1, _("the dot in a name is ·"));
		} else {
			for (j = f->end; j < i && is_han(at(sg, (long)j)); j++)
				continue;
			if (j < i)
				f = finding_add(ck, R_NAME_DOT, si, i, i + 1,
				        _("the dot in a name is ·"));
		}
		f->end = i + 1;
		finding_edit_cp(f, i, 0x00B7);
	}
}
