/*
 * The house configuration, articles/house.yaml: the miswritten words,
 * the phrases rules 4 and 5 leave alone, the legitimate doubles (rule
 * 4), the lexicon of 的/地/得 (21), the works whose names end like an
 * event's (16), and the rules switched off or given another level.  No
 * file means the defaults: no lexicon, and the rules that need one say
 * less.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "proof.h"

/* The rules of EDITORIAL.md, in its order (most valuable first). */
const struct rule_info rule_table[R_MAX] = {
	{"punct-pair", DIAG_ERROR, COPY, 0,
	 "1: paired marks balanced and in order: “” ‘’ （） 《》 〈〉 【】"}, /* R_PAIR */
	{"punct-halfwidth", DIAG_ERROR, COPY, 1,
	 "2: half-width , . ; : ! ? ( ) next to Han are full-width"}, /* R_HALFWIDTH */
	{"punct-quote", DIAG_ERROR, COPY, 1,
	 "3: curly quotes, not straight or corner ones; “ outside, ‘ inside"}, /* R_QUOTE */
	{"char-repeated", DIAG_WARNING, COPY, 0,
	 "4: a function character typed twice (的的 了了 是是)"}, /* R_REPEAT */
	{"word-miswritten", DIAG_ERROR, COPY, 0,
	 "5: a word of house.yaml's list of miswritten words"}, /* R_WORD */
	{"char-garbled", DIAG_ERROR, COPY, 0,
	 "6: garbled or invisible characters"}, /* R_GARBLED */
	{"para-split", DIAG_WARNING, IN(P_BODY), 0,
	 "7: a paragraph split by a column break"}, /* R_SPLIT */
	{"dateline-form", DIAG_ERROR, 0, 1,
	 "8: the dateline reads 本报讯（记者 张晶）"}, /* R_DATELINE */
	{"punct-ellipsis", DIAG_ERROR, COPY, 1,
	 "9: the ellipsis is …… and no 等 follows it"}, /* R_ELLIPSIS */
	{"punct-dash", DIAG_ERROR, COPY, 1,
	 "10: the dash is ——"}, /* R_DASH */
	{"punct-repeated", DIAG_ERROR, COPY, 0,
	 "11: a mark repeated, or two pause marks together"}, /* R_PUNCT_REPEAT */
	{"char-fullwidth", DIAG_ERROR, COPY, 1,
	 "12: full-width digits and Latin letters are half-width"}, /* R_FULLWIDTH */
	{"space-mixed", DIAG_WARNING, IN(P_BODY), 1,
	 "13: no space between Han and digits or Latin"}, /* R_SPACE_MIXED */
	{"space-stray", DIAG_ERROR, IN(P_BODY), 1,
	 "14: no stray spaces or U+3000 indents in body text"}, /* R_SPACE */
	{"punct-dunhao", DIAG_WARNING, COPY, 0,
	 "15: 顿号 between quoted or titled items, in approximate numbers, before 等"}, /* R_DUNHAO */
	{"punct-booktitle", DIAG_WARNING, COPY, 0,
	 "16: 《》 is for works, not activities, meetings or contests"}, /* R_BOOKTITLE */
	{"head-stop", DIAG_ERROR, IN(P_HEAD) | IN(P_CAPTION), 0,
	 "17: no full stop ending a headline, kicker, subtitle or short caption"}, /* R_HEAD_STOP */
	{"credit-form", DIAG_ERROR, 0, 1,
	 "18: the photo credit reads 本报记者 孙妍 摄影报道"}, /* R_CREDIT */
	{"number-form", DIAG_ERROR, COPY, 0,
	 "19: numbers as GB/T 15835 writes them"}, /* R_NUMBER */
	{"punct-name-dot", DIAG_ERROR, COPY, 0,
	 "20: the dot between parts of a name is ·"}, /* R_NAME_DOT */
	{"word-de", DIAG_WARNING, COPY, 0,
	 "21: 地 before a verb, 得 before a complement, not 的"}, /* R_DE */
	{"date-year", DIAG_WARNING, COPY, 0,
	 "22: this year's event in another year than the issue's"}, /* R_YEAR */
	{"date-issue", DIAG_WARNING, 0, 0,
	 "23: a story dated otherwise than its issue"}, /* R_DATE */
	{"number-range", DIAG_ERROR, COPY, 1,
	 "24: a span of years or dates takes — or 至, not - or ～"}, /* R_RANGE */
};

/* The sections of house.yaml that are lists of phrases. */
static const char *const de_keys[DE_MAX] = {
	"manner",     /* DE_MANNER */
	"verbs",      /* DE_VERBS */
	"nounverbs",  /* DE_NOUNVERBS */
	"objects",    /* DE_OBJECTS */
	"complement", /* DE_COMPLEMENT */
	"degree",     /* DE_DEGREE */
	"phrases",    /* DE_PHRASES */
	"events",     /* DE_EVENTS */
	"plays",      /* DE_PLAYS */
};

struct house house;

static void
words_free(struct words *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->s[i]);
	free(w->s);
	w->s = NULL;
	w->n = 0;
}

size_t
words_at(const struct words *w, const struct seg *sg, size_t i, int start)
{
	size_t k, n, best = 0;

	for (k = 0; k < w->n; k++) {
		n = u8_len(w->s[k]);
		if (n <= best || (!start && n > i))
			continue;
		if (reads(sg, start ? (long)i : (long)(i - n), w->s[k]))
			best = n;
	}
	return best;
}

void
house_free(void)
{
	size_t i;
	enum de_list d;

	for (i = 0; i < house.nwords; i++) {
		free(house.words[i].wrong);
		free(house.words[i].right);
	}
	free(house.words);
	for (i = 0; i < house.nallow; i++)
		free(house.allow[i]);
	free(house.allow);
	words_free(&house.doubles);
	words_free(&house.titles);
	for (d = 0; d < DE_MAX; d++)
		words_free(&house.de[d]);
	memset(&house, 0, sizeof(house));
}

void
house_defaults(void)
{
	enum rule r;

	house_free();
	for (r = 0; r < R_MAX; r++)
		house.level[r] = rule_table[r].level;
	house.loaded = 1;
}

/* The words: mapping of wrong → right. */
static void
house_words(const char *path, yaml_document_t *doc, yaml_node_t *map)
{
	yaml_node_pair_t *p;

	if (map->type != YAML_MAPPING_NODE) {
		diag(path, fm_line(map, 0), fm_col(map), D_ISSUE_KEY, "words",
		     "pairs 'wrong: right'");
		return;
	}
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		yaml_node_t *v = yaml_document_get_node(doc, p->value);
		const char *w = fm_scalar(k), *r = fm_scalar(v);

		if (w == NULL || r == NULL || *w == '\0' || strcmp(w, r) == 0) {
			diag(path, fm_line(k, 0), fm_col(k), D_ISSUE_KEY, "words",
			     "pairs 'wrong: right' of different texts");
			continue;
		}
		house.words = xrealloc(house.words,
		                       (house.nwords + 1) * sizeof(*house.words));
		house.words[house.nwords].wrong = xstrdup(w);
		house.words[house.nwords++].right = xstrdup(r);
	}
}

/* The rules: mapping of rule id → off, warning or error. */
static void
house_rules(const char *path, yaml_document_t *doc, yaml_node_t *map)
{
	static const char *const levels[] = {"off", "warning", "error"};
	yaml_node_pair_t *p;
	enum rule r;
	size_t i;

	if (map->type != YAML_MAPPING_NODE) {
		diag(path, fm_line(map, 0), fm_col(map), D_ISSUE_KEY, "rules",
		     "pairs 'rule-id: off|warning|error'");
		return;
	}
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		yaml_node_t *v = yaml_document_get_node(doc, p->value);
		const char *id = fm_scalar(k), *s = fm_scalar(v);

		for (r = 0; id != NULL && r < R_MAX; r++)
			if (strcmp(id, rule_table[r].id) == 0)
				break;
		if (id == NULL || r == R_MAX) {
			diag(path, fm_line(k, 0), fm_col(k), D_FM_UNKNOWN_KEY,
			     id ? id : "?");
			continue;
		}
		for (i = 0; s != NULL && i < NELEM(levels); i++)
			if (strcmp(s, levels[i]) == 0)
				break;
		if (s == NULL || i == NELEM(levels)) {
			diag(path, fm_line(v, 0), fm_col(v), D_ISSUE_KEY, id,
			     "off, warning or error");
			continue;
		}
		house.level[r] = i == 0 ? DIAG_OK : i == 1 ? DIAG_WARNING : DIAG_ERROR;
	}
}

/* A list of phrases into w; what names the section in a message. */
static void
house_list(const char *path, yaml_document_t *doc, yaml_node_t *seq,
           const char *what, struct words *w)
{
	yaml_node_item_t *it;
	const char *s;

	if (seq->type == YAML_SCALAR_NODE && (*fm_scalar(seq) == '\0' ||
	    strcmp(fm_scalar(seq), "~") == 0 || strcmp(fm_scalar(seq), "null") == 0))
		return;
	if (seq->type != YAML_SEQUENCE_NODE) {
		diag(path, fm_line(seq, 0), fm_col(seq), D_ISSUE_KEY, what,
		     "a list of phrases");
		return;
	}
	for (it = seq->data.sequence.items.start; it < seq->data.sequence.items.top;
	     it++) {
		yaml_node_t *v = yaml_document_get_node(doc, *it);

		if ((s = fm_scalar(v)) == NULL || *s == '\0') {
			diag(path, fm_line(v, 0), fm_col(v), D_ISSUE_KEY, what,
			     "a list of phrases");
			continue;
		}
		w->s = xrealloc(w->s, (w->n + 1) * sizeof(*w->s));
		w->s[w->n++] = xstrdup(s);
	}
}

static void
house_allow(const char *path, yaml_document_t *doc, yaml_node_t *seq)
{
	struct words w = {house.allow, house.nallow};

	house_list(path, doc, seq, "allow", &w);
	house.allow = w.s;
	house.nallow = w.n;
}

/* The lexicon of 的/地/得: a mapping of de_keys to lists. */
static void
house_de(const char *path, yaml_document_t *doc, yaml_node_t *map)
{
	yaml_node_pair_t *p;
	enum de_list d;

	if (map->type != YAML_MAPPING_NODE) {
		diag(path, fm_line(map, 0), fm_col(map), D_ISSUE_KEY, "de",
		     "lists manner, verbs, nounverbs, objects, complement, "
		     "degree, phrases");
		return;
	}
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		const char *key = fm_scalar(k);

		for (d = 0; key != NULL && d < DE_MAX; d++)
			if (strcmp(key, de_keys[d]) == 0)
				break;
		if (key == NULL || d == DE_MAX) {
			diag(path, fm_line(k, 0), fm_col(k), D_FM_UNKNOWN_KEY,
			     key ? key : "?");
			continue;
		}
		house_list(path, doc, yaml_document_get_node(doc, p->value),
		           de_keys[d], &house.de[d]);
	}
}

void
proof_load(const char *articles)
{
	char *path = xasprintf("%s/house.yaml", articles);
	struct src *src;
	yaml_document_t doc;
	yaml_node_t *root, *v;
	yaml_node_pair_t *p;

	house_defaults();
	if (access(path, F_OK) != 0 || (src = src_read(path)) == NULL) {
		free(path);
		return;
	}
	if (fm_load(path, src->text, src->len, 0, &doc)) {
		root = yaml_document_get_root_node(&doc);
		if (root != NULL && root->type != YAML_MAPPING_NODE)
			diag(path, fm_line(root, 0), fm_col(root), D_FM_NOT_MAP);
		else if (root != NULL)
			for (p = root->data.mapping.pairs.start;
			     p < root->data.mapping.pairs.top; p++) {
				yaml_node_t *k = yaml_document_get_node(&doc, p->key);
				const char *key = fm_scalar(k);

				v = yaml_document_get_node(&doc, p->value);
				/* An empty section: a key with only comments. */
				if (key != NULL && v->type == YAML_SCALAR_NODE &&
				    (*fm_scalar(v) == '\0' || strcmp(fm_scalar(v), "~") == 0 ||
				     strcmp(fm_scalar(v), "null") == 0))
					continue;
				if (key != NULL && strcmp(key, "words") == 0)
					house_words(path, &doc, v);
				else if (key != NULL && strcmp(key, "rules") == 0)
					house_rules(path, &doc, v);
				else if (key != NULL && strcmp(key, "allow") == 0)
					house_allow(path, &doc, v);
				else if (key != NULL && strcmp(key, "doubles") == 0)
					house_list(path, &doc, v, key, &house.doubles);
				else if (key != NULL && strcmp(key, "titles") == 0)
					house_list(path, &doc, v, key, &house.titles);
				else if (key != NULL && strcmp(key, "de") == 0)
					house_de(path, &doc, v);
				else
					diag(path, fm_line(k, 0), fm_col(k),
					     D_FM_UNKNOWN_KEY, key ? key : "?");
			}
	}
	yaml_document_delete(&doc);
	src_free(src);
	free(path);
}


