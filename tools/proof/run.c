/*
 * proof_story(): the rules over a story, their findings reported through
 * diag_rule() in the order of the file and tallied for the error rate.
 *
 * In a build every rule is a warning (a rule never stops a story); in
 * `press check` each has its level from the table below or house.yaml.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proof.h"

/* Rule messages per file (and per page of issue.yaml, for its heads), for
 * the error rate; headlines count double. */
struct tally {
	char *path;
	long page;
	unsigned body, head;
};
static struct tally *tallies;
static size_t ntallies;
static unsigned nrule_msgs[DIAG_LEVEL_MAX];

/* ---- running the rules ------------------------------------------------- */


void
proof_run(struct proof *ck)
{
	size_t si;

	rejoin(ck);
	if (house.level[R_DATE] != DIAG_OK)
		rule_story_date(ck);
	for (si = 0; si < ck->nsegs; si++) {
		struct seg *sg = &ck->segs[si];

		if (sg->dead)
			continue;
		free(sg->dots);
		sg->dots = name_dots(sg);
		if (rule_on(sg, R_PAIR) || rule_on(sg, R_QUOTE))
			rule_pairs(ck, si);
		if (rule_on(sg, R_HALFWIDTH))
			rule_halfwidth(ck, si);
		if (rule_on(sg, R_QUOTE))
			rule_quotes(ck, si);
		if (rule_on(sg, R_REPEAT))
			rule_repeat(ck, si);
		if (rule_on(sg, R_WORD))
			rule_words(ck, si);
		if (rule_on(sg, R_GARBLED))
			rule_garbled(ck, si);
		if (rule_on(sg, R_ELLIPSIS))
			rule_ellipsis(ck, si);
		if (rule_on(sg, R_DASH))
			rule_dash(ck, si);
		if (rule_on(sg, R_PUNCT_REPEAT))
			rule_punct_repeat(ck, si);
		if (rule_on(sg, R_FULLWIDTH))
			rule_fullwidth(ck, si);
		if (rule_on(sg, R_SPACE) || rule_on(sg, R_SPACE_MIXED))
			rule_spaces(ck, si);
		if (rule_on(sg, R_DUNHAO))
			rule_dunhao(ck, si);
		if (rule_on(sg, R_BOOKTITLE))
			rule_booktitle(ck, si);
		if (rule_on(sg, R_HEAD_STOP))
			rule_head_stop(ck, si);
		if (rule_on(sg, R_NUMBER))
			rule_number(ck, si);
		if (rule_on(sg, R_NAME_DOT))
			rule_name_dot(ck, si);
		if (rule_on(sg, R_DE))
			rule_de(ck, si);
		if (rule_on(sg, R_YEAR))
			rule_year(ck, si);
		if (rule_on(sg, R_RANGE))
			rule_range(ck, si);
	}
}


/* ---- messages ------------------------------------------------------------ */

/* A character as a message shows it: invisible ones by their number. */
static void
show(struct buf *b, const struct ch *c)
{
	char s[16];

	if (c->kind == C_MASK)
		buf_addc(b, OBJ);
	else if (c->kind == C_BREAK)
		buf_adds(b, " ");
	else if (char_invisible(c->cp) != NULL && c->cp != 0xFFFD) {
		snprintf(s, sizeof(s), "<U+%04X>", (unsigned)c->cp);
		buf_adds(b, s);
	} else
		buf_addc(b, c->cp);
}

static int
by_edit(const void *x, const void *y)
{
	const struct edit *a = x, *b = y;

	return a->start < b->start ? -1 : a->start > b->start;
}

/*
 * The message of a finding: what it is, then the copy around it and,
 * when there is a correction, the copy corrected (考场内,考生 → 考场内，
 * 考生).  A long stretch shows its two ends.  The caller frees.
 */
static char *
message(const struct proof *ck, struct finding *f)
{
	const struct seg *sg = &ck->segs[f->seg];
	struct buf before = {0}, after = {0};
	size_t a = f->start, b = f->end, i, k, cut = 0, resume = 0;
	char *text;

	for (k = 0; k < CONTEXT && a > 0 && sg->c[a - 1].kind == C_TEXT &&
	     sg->c[a - 1].cp != '\n'; k++)
		a--;
	for (k = 0; k < CONTEXT && b < sg->n && sg->c[b].kind == C_TEXT; k++)
		b++;
	if (f->end - f->start > 24) {
		cut = f->start + 8;
		resume = f->end - 8;
	}
	if (f->ne > 1)
		qsort(f->e, f->ne, sizeof(*f->e), by_edit);
	buf_add(&before, "", 0);
	buf_add(&after, "", 0);
	for (i = a; i < b; i++) {
		if (cut < resume && i == cut) {
			buf_adds(&before, "…");
			i = resume - 1;
			continue;
		}
		if (f->rule == R_SPLIT && i == f->start)
			buf_adds(&before, " ¶ ");
		show(&before, &sg->c[i]);
	}
	for (i = a, k = 0; i < b; i++) {
		if (cut < resume && i == cut) {
			buf_adds(&after, "…");
			i = resume - 1;
			continue;
		}
		while (k < f->ne && f->e[k].start < i)
			k++;
		if (k < f->ne && f->e[k].start == i) {
			buf_adds(&after, f->e[k].repl);
			if (f->e[k].end > f->e[k].start) {
				i = f->e[k++].end - 1;
				continue;
			}
			k++;
		}
		show(&after, &sg->c[i]);
	}
	text = f->ne > 0 ? xasprintf(_("%s: %s → %s"), f->what, before.data,
	                             after.data)
	                 : xasprintf(_("%s: %s"), f->what, before.data);
	buf_free(&before);
	buf_free(&after);
	return text;
}

/* Where a finding is: the byte of its first character the file holds. */
static void
place(struct proof *ck, struct finding *f)
{
	const struct seg *sg;
	size_t i, a, b;

	if (f->seg == NOSEG)
		return;
	sg = &ck->segs[f->seg];
	a = f->rule == R_SPLIT && f->start > 0 ? f->start - 1 : f->start;
	b = f->end > a ? f->end : a + 1;
	for (i = a; i < b && i < sg->n && sg->c[i].src < 0; i++)
		continue;
	if (i >= b || i >= sg->n)
		for (i = 0; i < sg->n && sg->c[i].src < 0; i++)
			continue;
	f->off = i < sg->n ? sg->c[i].src : 0;
}

static int
by_place(const void *x, const void *y)
{
	const struct finding *a = *(struct finding *const *)x;
	const struct finding *b = *(struct finding *const *)y;

	if (a->off != b->off)
		return a->off < b->off ? -1 : 1;
	return (int)a->rule - (int)b->rule;
}

/* The findings in the order of the file, each with its line and column
 * (counted along the file once).  The caller frees. */
static struct finding **
in_order(struct proof *ck)
{
	struct finding **order = xmalloc((ck->nfs + 1) * sizeof(*order));
	size_t i;

	for (i = 0; i < ck->nfs; i++) {
		place(ck, &ck->fs[i]);
		order[i] = &ck->fs[i];
	}
	if (ck->nfs > 0)
		qsort(order, ck->nfs, sizeof(*order), by_place);
	for (i = 0; i < ck->nfs; i++)
		file_pos(&ck->f, (size_t)order[i]->off, &order[i]->line,
		         &order[i]->col);
	return order;
}

static struct tally *
tally_of(const char *path, long page)
{
	size_t i;

	for (i = 0; i < ntallies; i++)
		if (tallies[i].page == page && strcmp(tallies[i].path, path) == 0)
			return &tallies[i];
	tallies = xrealloc(tallies, (ntallies + 1) * sizeof(*tallies));
	memset(&tallies[ntallies], 0, sizeof(*tallies));
	tallies[ntallies].path = xstrdup(path);
	tallies[ntallies].page = page;
	return &tallies[ntallies++];
}


/* ---- reporting a file's findings ----------------------------------------- */

/* Reports every finding not fixed, in the order of the file. */
static void
report(struct proof *ck, enum proof_mode mode, long page)
{
	struct finding **order;
	struct tally *t = tally_of(ck->f.path, page);
	enum diag_level level;
	size_t i;
	char *text;

	order = in_order(ck);
	for (i = 0; i < ck->nfs; i++) {
		struct finding *f = order[i];

		level = house.level[f->rule];
		if (level == DIAG_OK)
			continue;
		if (mode != PROOF_LEVELS)
			level = DIAG_WARNING;
		text = f->seg == NOSEG ? xstrdup(f->what) : message(ck, f);
		diag_rule(ck->f.path, f->line, f->col, level, rule_table[f->rule].id,
		          "%s", text);
		free(text);
		nrule_msgs[level]++;
		/* The error rate counts errors, not warnings. */
		if (level < DIAG_ERROR)
			continue;
		if (f->head)
			t->head++;
		else
			t->body++;
	}
	free(order);
}

void
proof_free(struct proof *ck)
{
	size_t i, k;

	for (i = 0; i < ck->nsegs; i++) {
		free(ck->segs[i].c);
		free(ck->segs[i].dots);
	}
	free(ck->segs);
	for (i = 0; i < ck->nfs; i++) {
		for (k = 0; k < ck->fs[i].ne; k++)
			free(ck->fs[i].e[k].repl);
		free(ck->fs[i].e);
		free(ck->fs[i].what);
	}
	free(ck->fs);
	free(ck->f.lines);
	free((void *)ck->premap);
	free(ck->prelines);
}

/* ---- the stage's interface -------------------------------------------- */

void
proof_story(const struct story *st, const char *issue_date,
            enum proof_mode mode)
{
	struct proof ck;

	if (!house.loaded)
		house_defaults();
	if (mode == PROOF_NONE || st == NULL || st->src == NULL || st->too_deep)
		return;
	collect_story(&ck, st);
	ck.issue_date = issue_date;
	proof_run(&ck);
	report(&ck, mode, 0);
	proof_free(&ck);
}

void
proof_page(const char *path, const char *text, size_t len,
           yaml_document_t *doc, yaml_node_t *page, long no,
           enum proof_mode mode)
{
	struct proof ck;

	if (!house.loaded)
		house_defaults();
	if (mode == PROOF_NONE || page == NULL || page->type != YAML_MAPPING_NODE)
		return;
	memset(&ck, 0, sizeof(ck));
	file_init(&ck.f, path, text, len);
	collect_page(&ck, doc, page);
	proof_run(&ck);
	report(&ck, mode, no);
	proof_free(&ck);
}

void
proof_tally(const char *path, long page, unsigned *body, unsigned *head)
{
	size_t i;

	*body = *head = 0;
	for (i = 0; i < ntallies; i++)
		if (tallies[i].page == page && strcmp(tallies[i].path, path) == 0) {
			*body = tallies[i].body;
			*head = tallies[i].head;
		}
}

unsigned
proof_count(enum diag_level level)
{
	return nrule_msgs[level];
}

void
proof_reset(void)
{
	size_t i;

	for (i = 0; i < ntallies; i++)
		free(tallies[i].path);
	free(tallies);
	tallies = NULL;
	ntallies = 0;
	memset(nrule_msgs, 0, sizeof(nrule_msgs));
	house_free();
	word_breaks_free();
}

char *
proof_text(const char *text)
{
	struct proof ck;
	struct finding **order;
	struct buf b = {0};
	size_t i, si;
	char num[32];

	if (!house.loaded)
		house_defaults();
	memset(&ck, 0, sizeof(ck));
	file_init(&ck.f, "-", text, strlen(text));
	si = seg_new(&ck, P_BODY);
	ck.segs[si].top = 1;
	seg_walk(&ck.segs[si], text, text, strlen(text), 0, NULL, C_TEXT);
	mask_urls(&ck.segs[si]);
	proof_run(&ck);
	order = in_order(&ck);
	buf_add(&b, "", 0);
	for (i = 0; i < ck.nfs; i++) {
		if (house.level[order[i]->rule] == DIAG_OK)
			continue;
		snprintf(num, sizeof(num), "%d ", order[i]->col);
		buf_adds(&b, num);
		buf_adds(&b, rule_table[order[i]->rule].id);
		buf_adds(&b, "\n");
	}
	free(order);
	proof_free(&ck);
	return b.data;
}
