/*
 * The rules on characters and words: a character or word typed twice (4), the
 * house list of miswritten words (5), garbled and invisible characters
 * (6), paragraphs a column break split (7).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proof.h"

/* ---- rule 4: a character or a word typed twice ------------------------ */

/* Function characters a slip doubles: alone, each is a word of its own. */
static const char *const function_chars = "的了是在和与及把被也就都又而";

/* Where a function character's pair is two words meeting that ICU's
 * dictionary does not join: 目的的确 (目的 + 的确), 不了了之, 在在职. */
static const char *const meeting[] = {
	/* 的 */
	"目的的", "的的确", "打的的", "的的士",
	/* 了: 为了了解, 不了了之 */
	"不了了之", "了了解", "了了结", "了了却", "了了断", "了了然",
	"了了如", "明了了", "小时了了", "了了分明",
	/* 是 */
	"是是非", "是是否",
	/* 在: 现在在, 在在职职工中 */
	"实实在在", "自自在在", "现在在", "存在在", "所在在", "实在在",
	"好在在", "内在在", "外在在", "潜在在", "旨在在", "意在在",
	"志在在", "重在在", "贵在在", "在在线", "在在职", "在在校",
	"在在场", "在在建", "在在岗", "在在读", "在在编", "在在册",
	"在在京",
	/* 和: 和和气气, 民主和和平 */
	"和和气", "和和美", "和和睦", "和和平", "和和谐", "和和解",
	"温和和", "平和和", "祥和和", "柔和和", "缓和和", "暖和和",
	"总和和", "随和和", "谦和和", "饱和和", "调和和", "附和和",
	"人和和", "共和和",
	/* 及 把 被 就 都 */
	"及及时", "及及早", "一把把", "把把关", "被被子", "被被告",
	"就就业", "就就医", "就就近", "就就地", "就就餐", "就就读",
	"就就诊", "就就职", "就就绪", "首都都", "成都都", "京都都",
	"古都都", "国都都", "故都都", "迁都都",
};

static int
is_function(uint32_t c)
{
	size_t off, len, n = strlen(function_chars);
	uint32_t cp;

	for (off = 0; off < n; off += len) {
		len = u8_next(function_chars + off, n - off, &cp);
		if (cp == c)
			return 1;
	}
	return 0;
}

/* Characters whose doubles are numbers (一一, 十十) or kin (妈妈). */
static int
numeric(uint32_t c)
{
	return numeral(c) || c == 0x5341 || c == 0x767E || c == 0x5343 ||
	       c == 0x4E07 || c == 0x4EBF || c == 0x96F6 || c == 0x3007 ||
	       c == 0x4E24;
}

/* Whether the double of n characters at i lies inside a phrase of w or of
 * the list l: the phrase is read around it. */
static int
inside(const struct seg *sg, size_t i, size_t n, const char *const *l,
       size_t nl, const struct words *w)
{
	size_t k, len, a;

	for (k = 0; k < nl + w->n; k++) {
		const char *p = k < nl ? l[k] : w->s[k - nl];

		len = u8_len(p);
		if (len < n)
			continue;
		for (a = i + n > len ? i + n - len : 0; a <= i; a++)
			if (reads(sg, (long)a, p))
				return 1;
	}
	return 0;
}

/* Reports the double of n characters at i; the second goes. */
static void
doubled(struct proof *ck, size_t si, size_t i, size_t n)
{
	struct seg *sg = &ck->segs[si];
	struct buf b = {0};
	struct finding *f;
	char *what;
	size_t k;

	buf_add(&b, "", 0);
	for (k = i; k < i + n; k++)
		buf_addc(&b, at(sg, (long)k));
	what = xasprintf(_("“%s” perhaps typed twice"), b.data);
	f = finding_add(ck, R_REPEAT, si, i, i + 2 * n, what);
	finding_edit(f, i + n, i + 2 * n, "");
	free(what);
	buf_free(&b);
}

/*
 * A character typed twice where no word allows it.  ICU's word break
 * says which words the two belong to: in 的|的 (服务的的基础上) the
 * second stands alone, and a function character is never doubled so;
 * 服务|务 is a word and a stray character of it (but in 避|避雨 a
 * verb is said twice before its object); 常常, 看看, 人人 are
 * one word; 职工|工作 and 为了|了解 are two words meeting.  The house's
 * doubles: list names the reduplications the dictionary lacks (试试,
 * 研究研究).  A word typed twice (我们我们) is one too, unless doubled on
 * purpose (研究研究, in the list).  AABB (家家户户, 干干净净), 一XX (一个个)
 * and three of a kind (是是是, 对对对) are said on purpose.
 */
void
rule_repeat(struct proof *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	unsigned char *wb = NULL;
	size_t i;
	uint32_t c;
	int alone1, alone2;

	for (i = 0; i + 1 < sg->n; i++) {
		c = at(sg, (long)i);
		if (!is_han(c) || numeric(c))
			continue;
		/* A word of two characters typed twice: 我们我们. */
		if (i + 3 < sg->n && at(sg, (long)i + 2) == c &&
		    at(sg, (long)i + 1) == at(sg, (long)i + 3) &&
		    at(sg, (long)i + 1) != c && is_han(at(sg, (long)i + 1)) &&
		    c != 0x4E00) {
			if (wb == NULL)
				wb = word_breaks(sg);
			if (wb[i] && !wb[i + 1] && wb[i + 2] && !wb[i + 3] &&
			    wb[i + 4] && !inside(sg, i, 2, NULL, 0, &house.doubles) &&
			    house.doubles.n > 0) {
				doubled(ck, si, i, 2);
				i += 3;
				continue;
			}
		}
		if (at(sg, (long)i + 1) != c || at(sg, (long)i - 1) == c ||
		    at(sg, (long)i + 2) == c)
			continue;
		/* AABB, 一XX. */
		if ((is_han(at(sg, (long)i + 2)) &&
		     at(sg, (long)i + 2) == at(sg, (long)i + 3)) ||
		    (i >= 2 && is_han(at(sg, (long)i - 1)) &&
		     at(sg, (long)i - 1) == at(sg, (long)i - 2)) ||
		    at(sg, (long)i - 1) == 0x4E00)
			continue;
		if (inside(sg, i, 2, meeting, NELEM(meeting), &house.doubles))
			continue;
		if (wb == NULL)
			wb = word_breaks(sg);
		if (!wb[i + 1])
			continue; /* one word: 常常, 看看 */
		alone1 = wb[i];
		alone2 = wb[i + 2];
		/* A function character is a word of its own: the second one
		 * alone is a slip (他在|在北京: ICU's 他在 is no word that
		 * ends in 在, as 现在 is).  A content character alone after
		 * a word it ends is one; in 避|避雨, 帮|帮忙 a verb is said
		 * twice before its object. */
		if (is_function(c) ? alone2 :
		    !alone1 && alone2 && house.doubles.n > 0)
			doubled(ck, si, i, 1);
		i++;
	}
	free(wb);
}

/* ---- rule 5: the house list of miswritten words ------------------------ */

/* For each character, the furthest end of a phrase house.yaml allows
 * that starts at or before it: [a, b) lies inside one when reach[a] >= b.
 * NULL when there are none.  The caller frees. */
static size_t *
allowed(const struct seg *sg, const char *text, const size_t *offs)
{
	size_t *reach, k, i, s, e;
	const char *p;

	if (house.nallow == 0)
		return NULL;
	reach = xcalloc(sg->n + 1, sizeof(size_t));
	for (k = 0; k < house.nallow; k++)
		for (p = text; (p = strstr(p, house.allow[k])) != NULL; p++) {
			s = seg_char_at(offs, sg->n, (size_t)(p - text));
			e = s + u8_len(house.allow[k]);
			if (e > reach[s])
				reach[s] = e;
		}
	for (i = 1; i <= sg->n; i++)
		if (reach[i - 1] > reach[i])
			reach[i] = reach[i - 1];
	return reach;
}

void
rule_words(struct proof *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t *offs, k, a, b, *reach;
	char *text = seg_text(sg, &offs), *what;
	const char *p;
	struct finding *f;

	reach = allowed(sg, text, offs);
	for (k = 0; k < house.nwords; k++)
		for (p = text; (p = strstr(p, house.words[k].wrong)) != NULL; p++) {
			a = seg_char_at(offs, sg->n, (size_t)(p - text));
			b = a + u8_len(house.words[k].wrong);
			if (reach != NULL && reach[a] >= b)
				continue;
			what = xasprintf(_("“%s” should be “%s”"), house.words[k].wrong,
			                 house.words[k].right);
			f = finding_add(ck, R_WORD, si, a, b, what);
			finding_edit(f, a, b, house.words[k].right);
			free(what);
		}
	free(reach);
	free(text);
	free(offs);
}

/* ---- rule 6: garbled and invisible characters ------------------------- */

/* Characters a UTF-8 file read as GBK is made of (“ → 鈥, ， → 锛,
 * 、。 → 銆, 的 → 鐨, 是 → 鏄); none of them occurs in copy. */
static int
is_mojibake(uint32_t c)
{
	return c == 0x9225 || c == 0x951B || c == 0x9286 || c == 0x9428 ||
	       c == 0x93C4;
}

const char *
char_invisible(uint32_t c)
{
	switch (c) {
	case 0xFFFD:
		return _("replacement character U+FFFD (a character of the original was lost here)");
	case 0x200B:
		return _("zero-width space U+200B");
	case 0x200C:
		return _("zero-width non-joiner U+200C");
	case 0x200D:
		return _("zero-width joiner U+200D");
	case 0x2060:
		return _("word joiner U+2060");
	case 0xFEFF:
		return _("byte order mark U+FEFF");
	case 0x00A0:
		return _("no-break space U+00A0");
	case 0x00AD:
		return _("soft hyphen U+00AD");
	default:
		if (c < 0x20 || (c >= 0x7F && c < 0xA0))
			return _("control character");
		if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000)
			return _("private-use character (made outside the font)");
		return NULL;
	}
}

void
rule_garbled(struct proof *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	size_t i, j;
	const char *name;
	char *what;

	for (i = 0; i < sg->n; i++) {
		uint32_t c = at(sg, (long)i);

		if (reads(sg, (long)i, "锟斤拷") || reads(sg, (long)i, "烫烫烫") ||
		    reads(sg, (long)i, "屯屯屯")) {
			for (j = i + 3; j + 2 < sg->n && reads(sg, (long)j, "锟斤拷");
			     j += 3)
				continue;
			finding_add(ck, R_GARBLED, si, i, j, _("garbled text: check against the original"));
			i = j - 1;
			continue;
		}
		if (is_mojibake(c)) {
			for (j = i + 1; j < sg->n && at(sg, (long)j) != 0 &&
			     !is_space(at(sg, (long)j)); j++)
				if (!is_mojibake(at(sg, (long)j)) &&
				    !is_han(at(sg, (long)j)))
					break;
			finding_add(ck, R_GARBLED, si, i, j,
			    _("garbled text (UTF-8 copy read as GBK): check against the original"));
			i = j - 1;
			continue;
		}
		/* GBK read as Latin-1: ÖÐÎÄ. */
		for (j = i; j < sg->n && at(sg, (long)j) >= 0xC0 &&
		     at(sg, (long)j) <= 0xFF && at(sg, (long)j) != 0xD7 &&
		     at(sg, (long)j) != 0xF7; j++)
			continue;
		if (j - i >= 3) {
			finding_add(ck, R_GARBLED, si, i, j,
			    _("garbled text (GBK copy read as Latin-1): check against the original"));
			i = j - 1;
			continue;
		}
		if (j > i + 1) {
			i = j - 1;
			continue;
		}
		if (c == 0 || c == '\t' || (name = char_invisible(c)) == NULL)
			continue;
		what = xasprintf(_("%s: delete it or check against the original"), name);
		finding_add(ck, R_GARBLED, si, i, i + 1, what);
		free(what);
	}
}

/* ---- rule 7: a paragraph split by a column break ---------------------- */

/* Whether a paragraph ends where a sentence may: 。！？…… (or ；：),
 * before closing marks. */
static int
complete(const struct seg *sg)
{
	long i = (long)sg->n - 1, k;
	uint32_t c;

	/* ……受到职工欢迎。（完） */
	if (at(sg, i) == 0xFF09) {
		for (k = i - 1; k >= 0 && i - k < 40 && at(sg, k) != 0xFF08; k--)
			continue;
		if (k > 0 && (at(sg, k - 1) == 0x3002 || at(sg, k - 1) == 0xFF01 ||
		              at(sg, k - 1) == 0xFF1F || at(sg, k - 1) == 0x2026))
			return 1;
	}
	while (i >= 0 && (is_close(at(sg, i)) || sg->c[i].kind == C_MASK ||
	                  at(sg, i) == '"'))
		i--;
	c = at(sg, i);
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x2026 ||
	       c == 0xFF1B || c == 0xFF1A || c == '.' || c == '!' || c == '?' ||
	       c == ';' || c == ':' || (i >= 0 && sg->c[i].kind != C_TEXT);
}

/*
 * Whether a paragraph stops short: it ends in a pause mark or an opening
 * one, or it is longer than a subhead (a short line without a full stop
 * is a run-in subhead, 一、总体要求) and does not end a sentence.
 */
static int
split_here(const struct seg *sg)
{
	long i = (long)sg->n - 1;
	uint32_t c = at(sg, i);

	if (sg->n == 0 || sg->emph || complete(sg))
		return 0;
	if (c == 0xFF0C || c == 0x3001 || is_open(c))
		return 1;
	return sg->n >= 20;
}

/* Joins paragraphs a column break split, reporting each join. */
void
rejoin(struct proof *ck)
{
	size_t i, r, k, join;

	for (i = 0; i < ck->nsegs; i++) {
		struct seg *sg = &ck->segs[i];

		if (sg->prev == NOSEG)
			continue;
		r = ck->segs[sg->prev].dead ? ck->segs[sg->prev].into : sg->prev;
		if (!split_here(&ck->segs[r]))
			continue;
		join = ck->segs[r].n;
		for (k = 0; k < sg->n; k++)
			seg_push(&ck->segs[r], sg->c[k].cp, sg->c[k].src, sg->c[k].len,
			     sg->c[k].kind);
		ck->segs[r].next = sg->next;
		sg->dead = 1;
		sg->into = r;
		if (house.level[R_SPLIT] != DIAG_OK)
			finding_add(ck, R_SPLIT, r, join, join,
			    _("the paragraph does not end a sentence: split by a column break? run it on with the next"));
	}
	/* A quotation over paragraphs: “ opens the next one. */
	for (i = 0; i < ck->nsegs; i++) {
		struct seg *sg = &ck->segs[i];

		if (!sg->dead && sg->next != NOSEG) {
			struct seg *nx = &ck->segs[sg->next];

			for (k = 0; k < nx->n && nx->c[k].kind != C_TEXT; k++)
				continue;
			sg->quote_on = k < nx->n && nx->c[k].cp == 0x201C;
		}
	}
}
