/*
 * The rules on form: full-width digits and letters (12), spaces in body
 * text (13, 14), numbers (19); and the URLs no rule reads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proof.h"

/* ---- rule 12: full-width digits and letters --------------------------- */

void
rule_fullwidth(struct proof *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i, j, k;
	struct finding *f;
	struct buf b = {0};

#define FW(c) (((c) >= 0xFF10 && (c) <= 0xFF19) || \
               ((c) >= 0xFF21 && (c) <= 0xFF3A) || \
               ((c) >= 0xFF41 && (c) <= 0xFF5A))
	for (i = 0; i < sg->n; i++) {
		if (!FW(at(sg, (long)i)))
			continue;
		for (j = i; j < sg->n && FW(at(sg, (long)j)); j++)
			continue;
		b.len = 0;
		buf_add(&b, "", 0);
		for (k = i; k < j; k++)
			buf_addc(&b, at(sg, (long)k) - 0xFEE0);
		f = finding_add(ck, R_FULLWIDTH, si, i, j, _("full-width digits and letters should be half-width"));
		f->mech = 1;
		finding_edit(f, i, j, b.data);
		i = j - 1;
	}
#undef FW
	buf_free(&b);
}

/* ---- rules 13 and 14: spaces in body text ----------------------------- */

/* Marks the characters inside “” and 《》, where a space may part a
 * slogan (“工会暖心 伴考十年”), and inside a byline in parentheses
 * (（记者 张晶）). */
static char *
spaced_ok(const struct seg *sg)
{
	char *ok = xcalloc(sg->n + 1, 1);
	size_t i, j;
	int depth = 0;
	struct contributor *by;
	size_t nby, k;

	for (i = 0; i < sg->n; i++) {
		uint32_t c = at(sg, (long)i);

		if (c == 0x201C || c == 0x300A)
			depth++;
		else if ((c == 0x201D || c == 0x300B) && depth > 0)
			depth--;
		ok[i] = depth > 0;
		if (c != 0xFF08)
			continue;
		for (j = i + 1; j < sg->n && j - i < 40 &&
		     at(sg, (long)j) != 0xFF09 && at(sg, (long)j) != 0; j++)
			continue;
		if (j < sg->n && at(sg, (long)j) == 0xFF09) {
			struct buf b = {0};

			buf_add(&b, "", 0);
			for (k = i + 1; k < j; k++)
				buf_addc(&b, at(sg, (long)k));
			if (body_parse_byline(b.data, b.len, &by, &nby)) {
				for (k = 0; k < nby; k++)
					free(by[k].name);
				free(by);
				memset(ok + i, 1, j - i);
				i = j - 1;
			}
			buf_free(&b);
		}
	}
	return ok;
}

void
rule_spaces(struct proof *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	char *ok = spaced_ok(sg);
	size_t i, j, k, t;
	uint32_t l, r;
	int wide;
	struct finding *f;

	for (i = 0; i < sg->n; i++) {
		if (!is_space(at(sg, (long)i)))
			continue;
		for (wide = 0, j = i; j < sg->n && is_space(at(sg, (long)j)); j++)
			wide |= at(sg, (long)j) == 0x3000;
		l = at(sg, (long)i - 1);
		r = at(sg, (long)j);
		/* 考场内, 考生: the comma becomes ， (rule 2), and the space
		 * after it goes with it, in one --fix. */
		if (halfwidth_here(sg, (long)i - 1))
			l = fullwidth_of(l);
		if (halfwidth_here(sg, (long)j))
			r = fullwidth_of(r);
		if (wide && rule_on(sg, R_SPACE)) {
			f = finding_add(ck, R_SPACE, si, i, j, i == 0 ?
			        _("no full-width space to indent a paragraph (the layout indents)") :
			        _("stray full-width space in body text"));
			f->mech = 1;
			finding_edit(f, i, j, "");
		} else if (l == 0 || r == 0) {
			/* Beside code, a link's edge, the paragraph's edge. */
		} else if ((is_cjk(l) && !is_han(l)) || (is_cjk(r) && !is_han(r))) {
			if (rule_on(sg, R_SPACE) && !ok[i]) {
				f = finding_add(ck, R_SPACE, si, i, j, _("stray space next to a punctuation mark"));
				f->mech = 1;
				finding_edit(f, i, j, "");
			}
		} else if (is_han(l) && is_han(r)) {
			if (rule_on(sg, R_SPACE) && !ok[i]) {
				f = finding_add(ck, R_SPACE, si, i, j, _("stray space between Han characters in body text"));
				f->mech = 1;
				finding_edit(f, i, j, "");
			}
		} else if (((is_han(l) && is_alnum(r)) || (is_alnum(l) && is_han(r))) &&
		           rule_on(sg, R_SPACE_MIXED)) {
			/* 全市 16 个区: one slip, both spaces. */
			f = finding_add(ck, R_SPACE_MIXED, si, i, j,
			        _("no space between Han characters and digits or letters"));
			f->mech = 1;
			finding_edit(f, i, j, "");
			if (is_han(l)) {
				for (t = j; t < sg->n && t - j < 12 &&
				     (is_alnum(at(sg, (long)t)) || at(sg, (long)t) == '.' ||
				      at(sg, (long)t) == '%'); t++)
					continue;
				for (k = t; k < sg->n && at(sg, (long)k) == ' '; k++)
					continue;
				if (k > t && is_han(at(sg, (long)k))) {
					f->end = k;
					finding_edit(f, t, k, "");
					j = k;
				}
			}
		}
		i = j - 1;
	}
	free(ok);
}


/* ---- rule 19: numbers --------------------------------------------------- */

static int
cn_digit(uint32_t c)
{
	return numeral(c) || c == 0x3007 || c == 0x96F6;
}

/* A wrong zero in a year of Chinese numerals: 0 O o ○ 零. */
static int
bad_zero(uint32_t c)
{
	return c == '0' || c == 'O' || c == 'o' || c == 0x25CB || c == 0x96F6 ||
	       c == 0xFF10 || c == 0xFF2F;
}

void
rule_number(struct proof *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i, j, k;
	struct finding *f;
	int cn, zero;

	/* 二0二四年 → 二〇二四年 */
	for (i = 0; i < sg->n; i++) {
		for (j = i, cn = zero = 0; j < sg->n && j - i < 4 &&
		     (cn_digit(at(sg, (long)j)) || bad_zero(at(sg, (long)j))); j++) {
			cn |= numeral(at(sg, (long)j)) != 0;
			zero |= bad_zero(at(sg, (long)j));
		}
		if (j - i == 4 && cn && zero && at(sg, (long)j) == 0x5E74 &&
		    !cn_digit(at(sg, (long)i - 1)) && !is_digit(at(sg, (long)i - 1))) {
			f = finding_add(ck, R_NUMBER, si, i, j + 1,
			        _("zero in a year written in Chinese numerals is 〇"));
			for (k = i; k < j; k++)
				if (bad_zero(at(sg, (long)k)))
					finding_edit_cp(f, k, 0x3007);
			i = j;
		}
	}
	/* 3千5百万 → 3500万: Arabic digits go with 万 and 亿 only. */
	for (i = 0; i < sg->n; i++) {
		double value = 0, group, scale;
		uint32_t c, n;
		int units = 0, digits, point;
		char num[64];

		if (!is_digit(at(sg, (long)i)) || is_digit(at(sg, (long)i - 1)) ||
		    at(sg, (long)i - 1) == '.')
			continue;
		for (j = i;;) {
			group = 0;
			scale = 1;
			for (k = j, digits = point = 0;; k++) {
				c = at(sg, (long)k);
				if (is_digit(c)) {
					if (point)
						scale /= 10;
					group = point ? group + (c - '0') * scale
					              : group * 10 + (c - '0');
					digits++;
				} else if (c == '.' && digits && !point &&
				           is_digit(at(sg, (long)k + 1)))
					point = 1;
				else
					break;
			}
			c = at(sg, (long)k);
			n = at(sg, (long)k + 1);
			/* 千, but not 千米 千克 千瓦 千伏 千卡 千帕 千赫 千焦 千字;
			 * 百, but not 百分. */
			if (digits > 0 && c == 0x5343 && n != 0x7C73 && n != 0x514B &&
			    n != 0x74E6 && n != 0x4F0F && n != 0x5361 && n != 0x5E15 &&
			    n != 0x8D6B && n != 0x7126 && n != 0x5B57)
				value += group * 1000;
			else if (digits > 0 && c == 0x767E && n != 0x5206)
				value += group * 100;
			else {
				if (units == 0)
					j = k;
				break;
			}
			units++;
			j = k + 1;
		}
		if (units == 0) {
			i = j;
			continue;
		}
		snprintf(num, sizeof(num), "%.10g", value);
		f = finding_add(ck, R_NUMBER, si, i, j, _("Arabic digits are not combined with 千 or 百"));
		finding_edit(f, i, j, num);
		i = j - 1;
	}
}


/* ---- URLs --------------------------------------------------------------- */

/* Masks URLs and e-mail addresses written as plain text. */
void
mask_urls(struct seg *sg)
{
	static const char *const starts[] = {"http://", "https://", "ftp://",
	                                     "www.", "mailto:"};
	size_t i, j, k, a, at_sign;

	for (i = 0; i < sg->n; i++) {
		at_sign = i;
		for (k = 0; k < NELEM(starts); k++)
			if (reads(sg, (long)i, starts[k]))
				break;
		if (k == NELEM(starts) && at(sg, (long)i) == '@' &&
		    is_alnum(at(sg, (long)i - 1)) && is_alnum(at(sg, (long)i + 1))) {
			for (a = i; a > 0 && (is_alnum(at(sg, (long)a - 1)) ||
			     strchr("._%+-", (int)at(sg, (long)a - 1)) != NULL) &&
			     at(sg, (long)a - 1) != 0; a--)
				continue;
			i = a;
			k = 0;
		}
		if (k == NELEM(starts))
			continue;
		for (j = i; j < sg->n && at(sg, (long)j) > ' ' &&
		     at(sg, (long)j) < 0x7F; j++)
			continue;
		/* A mark after the address is the sentence's. */
		while (j > i && strchr(".,;:!?)'\"", (int)at(sg, (long)j - 1)) != NULL)
			j--;
		for (k = i; k < j; k++)
			sg->c[k].kind = C_MASK;
		/* Always forward: an address that ends before its @ (the scan
		 * stopped at a character that is not copy) is passed over. */
		i = j > at_sign ? j : at_sign;
	}
}
