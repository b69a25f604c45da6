/*
 * The rules that need words, not characters: where ICU's word break
 * parts a segment (rule 4 reads it too), and 的/地/得 (21).
 *
 * ICU's dictionary of Chinese words decides where a word ends: in 说法
 * the 说 is no verb, in 目的的确 the two 的 belong to two words.  The
 * rule itself is a small lexicon in house.yaml (its de: section) and a
 * few shapes of sentence, each one a proofreader marks without a second
 * look; whatever the lexicon does not name is left alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>

#include "proof.h"

/* ---- ICU's word break ----------------------------------------------------- */

/* One iterator for every segment: opening one loads the dictionary. */
static UBreakIterator *words_it;

void
word_breaks_free(void)
{
	if (words_it != NULL)
		ubrk_close(words_it);
	words_it = NULL;
}

unsigned char *
word_breaks(const struct seg *sg)
{
	unsigned char *wb = xcalloc(sg->n + 1, 1);
	UChar *u = xmalloc((2 * sg->n + 1) * sizeof(UChar));
	size_t *at16 = xmalloc((2 * sg->n + 1) * sizeof(size_t));
	UErrorCode e = U_ZERO_ERROR;
	size_t i, n = 0;
	int32_t b;

	for (i = 0; i < sg->n; i++) {
		uint32_t c = sg->c[i].kind == C_TEXT ? sg->c[i].cp : ' ';

		at16[n] = i;
		if (c >= 0x10000) {
			u[n++] = (UChar)(0xD7C0 + (c >> 10));
			at16[n] = i;
			u[n++] = (UChar)(0xDC00 | (c & 0x3FF));
		} else
			u[n++] = (UChar)c;
	}
	at16[n] = sg->n;
	wb[sg->n] = 1;
	if (words_it == NULL)
		words_it = ubrk_open(UBRK_WORD, "zh", NULL, 0, &e);
	if (words_it != NULL && U_SUCCESS(e))
		ubrk_setText(words_it, u, (int32_t)n, &e);
	if (words_it == NULL || U_FAILURE(e)) {
		/* No dictionary: every character a word of its own. */
		memset(wb, 1, sg->n + 1);
	} else
		for (b = ubrk_first(words_it); b != UBRK_DONE;
		     b = ubrk_next(words_it))
			wb[at16[b]] = 1;
	/* Characters that are not copy stand apart. */
	for (i = 0; i < sg->n; i++)
		if (sg->c[i].kind != C_TEXT)
			wb[i] = wb[i + 1] = 1;
	free(u);
	free(at16);
	return wb;
}

/* ---- rule 21: 的, 地 and 得 ---------------------------------------------- */

/* Whether a clause stops at i: a pause or end mark, or the segment's end. */
static int
clause_end(const struct seg *sg, size_t i)
{
	uint32_t c = at(sg, (long)i);

	return i >= sg->n || is_pause(c) || c == 0x2026 || is_close(c);
}

/*
 * 的 between a word of manner and a verb: 高兴的说 → 高兴地说.  A verb
 * that is a noun too (积极的帮助) only when an object follows it
 * (积极的帮助考生), since 积极的帮助让我感动 is right.  Returns whether it
 * reported.
 */
static int
de_manner(struct proof *ck, size_t si, const unsigned char *wb, size_t i)
{
	struct seg *sg = &ck->segs[si];
	size_t m, v, o;
	struct finding *f;

	m = words_at(&house.de[DE_MANNER], sg, i, 0);
	if (m == 0 || !wb[i - m])
		return 0;
	v = words_at(&house.de[DE_VERBS], sg, i + 1, 1);
	if (v == 0 || !wb[i + 1 + v]) {
		v = words_at(&house.de[DE_NOUNVERBS], sg, i + 1, 1);
		if (v == 0 || !wb[i + 1 + v])
			return 0;
		o = words_at(&house.de[DE_OBJECTS], sg, i + 1 + v, 1);
		if (o == 0 || !wb[i + 1 + v + o])
			return 0;
	}
	f = finding_add(ck, R_DE, si, i - m, i + 1 + v,
	        _("a word of manner before a verb takes 地, not 的"));
	finding_edit_cp(f, i, 0x5730);
	return 1;
}

/*
 * 的 between a verb or adjective and its complement: 跑的很快 → 跑得很快,
 * 开展的十分顺利, 忙的满头大汗.  The complement must end the clause: in
 * 准备的非常丰富的物资 the 的 is right.  A verb of playing takes 得 right
 * after the game (比赛打的十分精彩), though not elsewhere: 打的很方便 is
 * right (打的, to take a taxi, one word to ICU's dictionary at times).
 */
static void
de_complement(struct proof *ck, size_t si, const unsigned char *wb, size_t i)
{
	struct seg *sg = &ck->segs[si];
	size_t v, d, k;
	struct finding *f;

	v = wb[i] ? words_at(&house.de[DE_COMPLEMENT], sg, i, 0) : 0;
	if (v > 0 && !wb[i - v])
		return;
	if (v == 0 && (v = words_at(&house.de[DE_PLAYS], sg, i, 0)) > 0 &&
	    (v >= i || words_at(&house.de[DE_EVENTS], sg, i - v, 0) == 0))
		v = 0;
	if (v == 0)
		return;
	if ((d = words_at(&house.de[DE_PHRASES], sg, i + 1, 1)) > 0) {
		k = i + 1 + d;
		if (at(sg, (long)k) == 0x4E86) /* 了 */
			k++;
	} else if ((d = words_at(&house.de[DE_DEGREE], sg, i + 1, 1)) > 0) {
		/* A degree word and an adjective of one or two characters. */
		for (k = i + 1 + d; k < sg->n && k < i + 1 + d + 2 &&
		     is_han(at(sg, (long)k)) && at(sg, (long)k) != 0x7684; k++)
			continue;
		if (k == i + 1 + d)
			return;
	} else
		return;
	if (!clause_end(sg, k))
		return;
	f = finding_add(ck, R_DE, si, i - v, k,
	        _("a complement after a verb or adjective takes 得, not 的"));
	finding_edit_cp(f, i, 0x5F97);
}

void
rule_de(struct proof *ck, size_t si)
{
	struct seg *sg = &ck->segs[si];
	unsigned char *wb = NULL;
	size_t i;

	if (house.de[DE_MANNER].n == 0 && house.de[DE_COMPLEMENT].n == 0)
		return;
	for (i = 1; i + 1 < sg->n; i++) {
		/* 的 as a word of its own: not 目的, 的确, 的士. */
		if (at(sg, (long)i) != 0x7684)
			continue;
		if (wb == NULL)
			wb = word_breaks(sg);
		if (!wb[i + 1])
			continue;
		/* 打的 may be one word to ICU's dictionary (a taxi): after
		 * a game it is the verb and 得 all the same. */
		if (!wb[i] || !de_manner(ck, si, wb, i))
			de_complement(ck, si, wb, i);
	}
	free(wb);
}
