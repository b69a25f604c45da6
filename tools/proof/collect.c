/*
 * A story → segments: the front matter's heads, the body's blocks and
 * inlines, and what body.c took off the tree and only the source still
 * shows (the dateline, rule 8; photo credits, rule 18).  issue.yaml's
 * page names and banners are head segments too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proof.h"

/* Maps st->pre (the body with body.c's marks) back to the file. */
static void
pre_map(struct proof *ck)
{
	const struct story *st = ck->st;
	const char *pre = st->pre, *body;
	size_t n = strlen(pre), blen, i = 0, j = 0, off;
	long *map;

	off = st->fm_lines <= 0 ? 0 :
	      (size_t)st->fm_lines < ck->f.nlines ? ck->f.lines[st->fm_lines] :
	      ck->f.len;
	body = ck->f.text + off;
	blen = ck->f.len - off;
	map = xmalloc((n + 1) * sizeof(long));
	while (i < n) {
		if (n - i >= 3 && memcmp(pre + i, SENTINEL, 3) == 0 &&
		    !(blen - j >= 3 && memcmp(body + j, SENTINEL, 3) == 0)) {
			map[i] = map[i + 1] = map[i + 2] = -1;
			i += 3;
			continue;
		}
		map[i++] = (long)(off + j);
		if (j < blen)
			j++;
	}
	map[n] = (long)(off + j);
	ck->premap = map;
	ck->prelen = n;
	ck->prelines = xmalloc(sizeof(size_t));
	ck->prelines[0] = 0;
	ck->nprelines = 1;
	for (i = 0; i < n; i++)
		if (pre[i] == '\n') {
			ck->prelines = xrealloc(ck->prelines,
			                        (ck->nprelines + 1) * sizeof(size_t));
			ck->prelines[ck->nprelines++] = i + 1;
		}
}

/* The byte of st->pre where a node starts, or (size_t)-1. */
static size_t
node_pre(const struct proof *ck, cmark_node *n)
{
	int l = cmark_node_get_start_line(n), c = cmark_node_get_start_column(n);
	size_t pos;

	if (l <= 0 || c <= 0 || (size_t)l > ck->nprelines)
		return (size_t)-1;
	pos = ck->prelines[l - 1] + (size_t)c - 1;
	return pos <= ck->prelen ? pos : (size_t)-1;
}

static void
text_node(struct proof *ck, size_t si, cmark_node *n, enum ckind kind)
{
	const char *lit = cmark_node_get_literal(n);
	size_t pos = node_pre(ck, n), i = 0, len = strlen(lit);
	uint32_t cp;

	if (pos != (size_t)-1) {
		seg_walk(&ck->segs[si], lit, ck->st->pre, ck->prelen, pos, ck->premap,
		     kind);
		return;
	}
	while (i < len) {
		i += u8_next(lit + i, len - i, &cp);
		seg_push(&ck->segs[si], cp, -1, 0, kind);
	}
}

/* Whether a link is an autolink (<https://…>): its text is its address. */
static int
autolink(cmark_node *link)
{
	cmark_node *c = cmark_node_first_child(link);
	const char *url = cmark_node_get_url(link), *lit;

	if (c == NULL || cmark_node_get_type(c) != CMARK_NODE_TEXT ||
	    cmark_node_next(c) != NULL)
		return 0;
	lit = cmark_node_get_literal(c);
	return strcmp(lit, url) == 0 ||
	       (strncmp(url, "mailto:", 7) == 0 && strcmp(lit, url + 7) == 0);
}

/* Appends the copy of inline node root and what it holds to segment si.
 * Walks like cmark's xml.c: one iterator, a switch on the type. */
static void
inline_copy(struct proof *ck, size_t si, cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n;
	size_t pos;
	int mask = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
			text_node(ck, si, n, mask > 0 ? C_MASK : C_TEXT);
			break;
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			pos = node_pre(ck, n);
			seg_push(&ck->segs[si], OBJ, pos == (size_t)-1 ? -1 :
			     ck->premap[pos], 0, C_MASK);
			break;
		case CMARK_NODE_SOFTBREAK:
			seg_push(&ck->segs[si], ' ', -1, 0, C_BREAK);
			break;
		case CMARK_NODE_LINEBREAK:
			seg_push(&ck->segs[si], '\n', -1, 0, C_BREAK);
			break;
		case CMARK_NODE_LINK:
			if (autolink(n))
				mask += ev == CMARK_EVENT_ENTER ? 1 : -1;
			break;
		case CMARK_NODE_EMPH:
		case CMARK_NODE_STRONG:
		case CMARK_NODE_IMAGE:
		case CMARK_NODE_CUSTOM_INLINE:
		case CMARK_NODE_FOOTNOTE_REFERENCE:
			break;
		default:
			/* Struck-out copy is still copy. */
			if (cmark_node_get_type(n) == CMARK_NODE_STRIKETHROUGH)
				break;
			fprintf(stderr, "press: check: unexpected %s node\n",
			        cmark_node_get_type_string(n));
			abort();
		}
	}
	cmark_iter_free(it);
}

static void
inlines(struct proof *ck, size_t si, cmark_node *first)
{
	for (; first != NULL; first = cmark_node_next(first))
		inline_copy(ck, si, first);
}

/* The source line (from 1) of a line of st->pre. */
static int
file_line(const struct proof *ck, int preline)
{
	return preline + (ck->st->fm_lines > 0 ? ck->st->fm_lines : 0);
}

/* ---- rules 8 and 18: dateline and credit, read from the source --------- */

static const char *const credit_ends[] = {"摄影报道", "摄影", "供图", "摄"};

/* A byline label at s (本报记者, 见习记者 …): press.h's one table. */
static size_t
label_len(const char *s, size_t n)
{
	enum role r;

	return role_at(s, n, &r);
}

/* A separator of names at s: blanks, U+3000, 、 and the wrong ，, : ： */
static size_t
sep_len(const char *s, size_t n)
{
	static const char *const seps[] = {" ", "\t", "\xE3\x80\x80", "、", "，",
	                                   ",", "：", ":"};
	size_t k, len;

	for (k = 0; k < NELEM(seps); k++) {
		len = strlen(seps[k]);
		if (n >= len && memcmp(s, seps[k], len) == 0)
			return len;
	}
	return 0;
}

static int
ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/*
 * The house form of a byline (记者 崔欣 通讯员 宋雅欣) or, when credit,
 * a photo credit (本报记者 孙妍 摄影报道) written in s: a label, a space,
 * the names parted by spaces (or by 、 where the writer used it), for a
 * credit a space and 摄影报道.  NULL when s is neither.  The caller frees.
 */
static char *
house_byline(const char *s, size_t n, int credit)
{
	struct buf out = {0};
	size_t i = 0, k, start, chars;
	const char *end_word = NULL;
	int names = 0, labelled = 0, dunhao = 0, last_name = 0;
	uint32_t cp;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (credit) {
		if (ends_with(s, n, "。"))
			n -= strlen("。");
		for (k = 0; k < NELEM(credit_ends); k++)
			if (ends_with(s, n, credit_ends[k]))
				break;
		if (k == NELEM(credit_ends))
			return NULL;
		end_word = credit_ends[k];
		n -= strlen(end_word);
	}
	buf_add(&out, "", 0);
	while (i < n) {
		if ((k = sep_len(s + i, n - i)) > 0) {
			dunhao |= memcmp(s + i, "、", k) == 0;
			i += k;
			continue;
		}
		if ((k = label_len(s + i, n - i)) > 0) {
			if (names > 0 && !labelled)
				goto fail;
			if (out.len > 0)
				buf_adds(&out, " ");
			buf_add(&out, s + i, k);
			i += k;
			labelled = 1;
			last_name = dunhao = 0;
			continue;
		}
		for (start = i, chars = 0; i < n && sep_len(s + i, n - i) == 0 &&
		     label_len(s + i, n - i) == 0; chars++) {
			i += u8_next(s + i, n - i, &cp);
			if (!is_han(cp) && cp != 0x00B7)
				goto fail;
		}
		if (chars > 10 || (!labelled && !credit))
			goto fail;
		if (out.len > 0)
			buf_adds(&out, last_name && dunhao ? "、" : " ");
		buf_add(&out, s + start, i - start);
		names++;
		last_name = 1;
		dunhao = 0;
	}
	if (names == 0)
		goto fail;
	if (end_word != NULL) {
		buf_adds(&out, " ");
		buf_adds(&out, end_word);
	}
	return out.data;
fail:
	buf_free(&out);
	return NULL;
}

/* A finding on the source: its place and its whole message.  Its one
 * correction, if any, is in bytes of the file (finding_edit), and --fix
 * makes it when f->mech is set. */
static struct finding *
add_src(struct proof *ck, enum rule r, size_t off, const char *text)
{
	struct finding *f = finding_add(ck, r, NOSEG, 0, 0, text);

	f->off = (long)off;
	return f;
}

/* Rule 18 on the credit written on line (from 1) of the file. */
static void
credit_check(struct proof *ck, int line)
{
	const char *s;
	size_t n, a, b;
	char *want, *msg;

	if (line < 1 || (size_t)line > ck->f.nlines)
		return;
	a = ck->f.lines[line - 1];
	for (b = a; b < ck->f.len && ck->f.text[b] != '\n'; b++)
		continue;
	while (a < b && (ck->f.text[a] == ' ' || ck->f.text[a] == '\t'))
		a++;
	while (b > a && (ck->f.text[b - 1] == ' ' || ck->f.text[b - 1] == '\t'))
		b--;
	s = ck->f.text + a;
	n = b - a;
	if (house.level[R_CREDIT] == DIAG_OK ||
	    (want = house_byline(s, n, 1)) == NULL)
		return;
	if (strlen(want) != n || memcmp(want, s, n) != 0) {
		struct finding *f;

		msg = xasprintf(_("photo credit form: %.*s → %s"), (int)n, s, want);
		f = add_src(ck, R_CREDIT, a, msg);
		finding_edit(f, a, b, want);
		f->mech = 1;
		free(msg);
	}
	free(want);
}

/* Whether the inline nodes from first are plain text that reads like a
 * credit: short, ending in 摄 or the like. */
static int
credit_like(cmark_node *first)
{
	struct buf b = {0};
	cmark_node *n;
	size_t k, len;
	int yes = 0;

	buf_add(&b, "", 0);
	for (n = first; n != NULL; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) != CMARK_NODE_TEXT)
			goto out;
		buf_adds(&b, cmark_node_get_literal(n));
	}
	len = b.len;
	while (len > 0 && b.data[len - 1] == ' ')
		len--;
	if (ends_with(b.data, len, "。"))
		len -= strlen("。");
	for (k = 0; k < NELEM(credit_ends); k++)
		yes |= ends_with(b.data, len, credit_ends[k]);
	yes = yes && u8_count(b.data, len) <= 40;
out:
	buf_free(&b);
	return yes;
}

/*
 * Whether s (n bytes) is a photo credit standing on its own away from a
 * photo (本报记者 孙妍 摄, 张三 供图, 本报记者孙妍摄影报道): at most 40
 * characters in the form house_byline reads, opening with a label or
 * with a blank before its last word, so that copy ending in 摄
 * (大家一起拍摄) is never taken for one.
 */
static int
credit_text(const char *s, size_t n)
{
	char *house;
	size_t k, end;
	enum role r;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (u8_count(s, n) > 40 || (house = house_byline(s, n, 1)) == NULL)
		return 0;
	free(house);
	if (role_at(s, n, &r) > 0)
		return 1;
	end = n;
	if (ends_with(s, end, "。"))
		end -= strlen("。");
	for (k = 0; k < NELEM(credit_ends); k++)
		if (ends_with(s, end, credit_ends[k])) {
			end -= strlen(credit_ends[k]);
			break;
		}
	return end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t');
}

/* The same of the plain text nodes from first to the end. */
static int
credit_alone(cmark_node *first)
{
	struct buf b = {0};
	cmark_node *n;
	int yes = 0;

	buf_add(&b, "", 0);
	for (n = first; n != NULL; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) != CMARK_NODE_TEXT)
			goto out;
		buf_adds(&b, cmark_node_get_literal(n));
	}
	yes = first != NULL && credit_text(b.data, b.len);
out:
	buf_free(&b);
	return yes;
}

/*
 * A credit on the last line of a paragraph of several lines (body.c has
 * joined them): judged by rule 18 from the source, and its characters
 * left out of the copy the other rules read.
 */
static void
credit_last_line(struct proof *ck, size_t si, cmark_node *para)
{
	int first = cmark_node_get_start_line(para);
	int line = cmark_node_get_end_line(para);
	size_t a, b, i;

	if (line <= first)
		return;
	line = file_line(ck, line);
	if (line < 1 || (size_t)line > ck->f.nlines)
		return;
	a = ck->f.lines[line - 1];
	for (b = a; b < ck->f.len && ck->f.text[b] != '\n'; b++)
		continue;
	if (!credit_text(ck->f.text + a, b - a))
		return;
	credit_check(ck, line);
	for (i = 0; i < ck->segs[si].n; i++)
		if (ck->segs[si].c[i].src >= (long)a &&
		    ck->segs[si].c[i].src < (long)b)
			ck->segs[si].c[i].kind = C_SKIP;
}

/* A figure: its caption is a segment; its credit is read from the
 * source.  Returns whether it has a credit. */
static int
figure(struct proof *ck, cmark_node *fig)
{
	cmark_node *para = cmark_node_first_child(fig);
	cmark_node *img = cmark_node_first_child(para);
	size_t si = seg_new(ck, P_CAPTION);
	int line, end;

	inline_copy(ck, si, img);
	if (cmark_node_next(para) == NULL)
		return 0;
	/* On the image's next line, or in the next paragraph. */
	line = cmark_node_get_end_line(para);
	end = cmark_node_get_end_line(img);
	if (line <= end) {
		line = file_line(ck, line) + 1;
		while ((size_t)line <= ck->f.nlines &&
		       ck->f.text[ck->f.lines[line - 1]] == '\n')
			line++;
	} else
		line = file_line(ck, line);
	credit_check(ck, line);
	return 1;
}

/* The cells of a table row, each a segment. */
static void
table_row(struct proof *ck, cmark_node *row)
{
	cmark_node *cell;

	for (cell = cmark_node_first_child(row); cell != NULL;
	     cell = cmark_node_next(cell))
		inlines(ck, seg_new(ck, P_SUBHEAD), cmark_node_first_child(cell));
}

/* Cuts the blocks under parent into segments; top: directly in the
 * body, where rule 7 joins paragraphs. */
static void
blocks(struct proof *ck, cmark_node *parent, int top)
{
	cmark_node *n, *c;
	cmark_node_type t;
	size_t si, last = NOSEG;
	int after_figure = 0;

	for (n = cmark_node_first_child(parent); n != NULL;
	     n = cmark_node_next(n)) {
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			c = cmark_node_first_child(n);
			if (c != NULL && cmark_node_get_type(c) == CMARK_NODE_IMAGE &&
			    cmark_node_next(c) != NULL) {
				/* A photo with words after it that body.c did not
				 * take for a credit (validate.c warned): a credit
				 * on the next line is judged, on the photo's own
				 * line it is left alone. */
				si = seg_new(ck, P_CAPTION);
				inline_copy(ck, si, c);
				c = cmark_node_next(c);
				t = cmark_node_get_type(c);
				if (t == CMARK_NODE_SOFTBREAK ||
				    t == CMARK_NODE_LINEBREAK) {
					c = cmark_node_next(c);
					if (credit_like(c))
						credit_check(ck, file_line(ck,
						    cmark_node_get_start_line(c)));
					else
						inlines(ck, seg_new(ck, P_BODY), c);
				} else if (!credit_like(c))
					inlines(ck, seg_new(ck, P_BODY), c);
				last = NOSEG;
				after_figure = 0;
				break;
			}
			if ((after_figure && credit_like(c)) || credit_alone(c)) {
				credit_check(ck, file_line(ck,
				    cmark_node_get_start_line(n)));
				last = NOSEG;
				after_figure = 0;
				break;
			}
			si = seg_new(ck, P_BODY);
			ck->segs[si].top = top;
			ck->segs[si].emph = c != NULL && cmark_node_next(c) == NULL &&
			    (cmark_node_get_type(c) == CMARK_NODE_STRONG ||
			     cmark_node_get_type(c) == CMARK_NODE_EMPH);
			if (top && last != NOSEG) {
				ck->segs[si].prev = last;
				ck->segs[last].next = si;
			}
			inlines(ck, si, c);
			credit_last_line(ck, si, n);
			last = top ? si : NOSEG;
			after_figure = 0;
			break;
		case CMARK_NODE_HEADING:
			inlines(ck, seg_new(ck, P_SUBHEAD), cmark_node_first_child(n));
			last = NOSEG;
			after_figure = 0;
			break;
		case CMARK_NODE_BLOCK_QUOTE:
		case CMARK_NODE_LIST:
		case CMARK_NODE_ITEM:
		case CMARK_NODE_FOOTNOTE_DEFINITION:
			blocks(ck, n, 0);
			last = NOSEG;
			after_figure = 0;
			break;
		case CMARK_NODE_CUSTOM_BLOCK:
			/* Verse: its lines are paragraphs (body.c). */
			if (strcmp(cmark_node_get_on_enter(n), BODY_FIGURE) != 0) {
				blocks(ck, n, 0);
				last = NOSEG;
				after_figure = 0;
				break;
			}
			after_figure = !figure(ck, n);
			last = NOSEG;
			break;
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_THEMATIC_BREAK:
			last = NOSEG;
			after_figure = 0;
			break;
		default:
			if (cmark_node_get_type(n) == CMARK_NODE_TABLE) {
				/* Each cell is copy of its own, short like a
				 * subhead. */
				for (c = cmark_node_first_child(n); c != NULL;
				     c = cmark_node_next(c))
					table_row(ck, c);
				last = NOSEG;
				after_figure = 0;
				break;
			}
			fprintf(stderr, "press: check: unexpected %s node\n",
			        cmark_node_get_type_string(n));
			abort();
		}
	}
}

/*
 * Rule 8: the dateline as written in the source's first paragraph
 * (body.c takes a well-formed one off the tree, and leaves a malformed
 * one in the paragraph, where it is marked for the other rules to skip).
 */
static void
dateline_check(struct proof *ck)
{
	static const char *const firsts[] = {"本报", "新华社", "中新社", "据"};
	const struct file *f = &ck->f;
	size_t off = ck->premap[0] < 0 ? 0 : (size_t)ck->premap[0], end, i, k;
	size_t word, open, close, tail, body, *orig, si;
	struct buf clean = {0}, want = {0};
	uint32_t cp;
	char *canon = NULL, *msg;
	long stop;

	/* The first line of copy: blank lines and emphasis marks aside. */
	while (off < f->len && (f->text[off] == '\n' || f->text[off] == ' '))
		off++;
	for (end = off; end < f->len && f->text[end] != '\n'; end++)
		continue;
	orig = xmalloc((end - off + 1) * sizeof(size_t));
	buf_add(&clean, "", 0);
	for (i = off; i < end; i++)
		if (f->text[i] != '*' && f->text[i] != '_') {
			orig[clean.len] = i;
			buf_add(&clean, f->text + i, 1);
		}
	orig[clean.len] = end;
	for (k = 0; k < NELEM(firsts); k++)
		if (strncmp(clean.data, firsts[k], strlen(firsts[k])) == 0)
			break;
	if (k == NELEM(firsts))
		goto out;
	/* 本报讯, 本报北京6月7日电, 新华社北京6月7日电: Han and digits to
	 * the first 讯 or 电. */
	for (word = 0; word < clean.len && word < 60;) {
		k = u8_next(clean.data + word, clean.len - word, &cp);
		if (!is_han(cp) && !is_digit(cp))
			goto out;
		word += k;
		if (cp == 0x8BAF || cp == 0x7535)
			break;
	}
	if (!ends_with(clean.data, word, "讯") && !ends_with(clean.data, word, "电"))
		goto out;
	for (open = word; open < clean.len && (clean.data[open] == ' ' ||
	     strncmp(clean.data + open, "\xE3\x80\x80", 3) == 0);)
		open += clean.data[open] == ' ' ? 1 : 3;
	if (strncmp(clean.data + open, "（", 3) == 0)
		k = 3;
	else if (clean.data[open] == '(')
		k = 1;
	else
		goto out; /* no byline in parentheses */
	for (close = open + k; close < clean.len && close - open < 120; close++)
		if (strncmp(clean.data + close, "）", 3) == 0 ||
		    clean.data[close] == ')')
			break;
	if (close >= clean.len || close - open >= 120)
		goto out;
	canon = house_byline(clean.data + open + k, close - open - k, 0);
	if (canon == NULL)
		goto out;
	close += clean.data[close] == ')' ? 1 : 3;
	buf_add(&want, clean.data, word);
	buf_adds(&want, "（");
	buf_adds(&want, canon);
	buf_adds(&want, "）");
	/* Blanks between the dateline and the copy are not printed either
	 * (body.c): the house form has none.  The message shows the
	 * character after them, so that they can be seen. */
	for (tail = close; tail < clean.len && (clean.data[tail] == ' ' ||
	     strncmp(clean.data + tail, "\xE3\x80\x80", 3) == 0);)
		tail += clean.data[tail] == ' ' ? 1 : 3;
	/* The copy starts after the blanks, even when the message shows
	 * its first character. */
	body = tail;
	if (tail > close && tail < clean.len) {
		k = u8_next(clean.data + tail, clean.len - tail, &cp);
		buf_add(&want, clean.data + tail, k);
		close = tail + k;
	}
	if (house.level[R_DATELINE] != DIAG_OK &&
	    (want.len != close || memcmp(want.data, clean.data, close) != 0)) {
		struct finding *fd;

		msg = xasprintf(_("dateline form: %.*s → %s"), (int)close, clean.data,
		                want.data);
		fd = add_src(ck, R_DATELINE, orig[0], msg);
		/* --fix rewrites it where no emphasis mark stands inside. */
		if (orig[close] - orig[0] == close) {
			finding_edit(fd, orig[0], orig[close], want.data);
			fd->mech = 1;
		}
		free(msg);
	}
	/* What body.c left of it in the paragraph is rule 8's alone. */
	stop = (long)orig[body];
	for (si = 0; si < ck->nsegs; si++)
		for (i = 0; i < ck->segs[si].n; i++)
			if (ck->segs[si].c[i].src >= (long)off &&
			    ck->segs[si].c[i].src < stop &&
			    ck->segs[si].c[i].kind == C_TEXT)
				ck->segs[si].c[i].kind = C_SKIP;
out:
	free(canon);
	free(orig);
	buf_free(&clean);
	buf_free(&want);
}

/* A scalar of the front matter or issue.yaml as a head segment. */
static void
yaml_value(struct proof *ck, yaml_node_t *v, int line_offset, enum head h)
{
	const char *s = fm_scalar(v);
	size_t off, si;

	if (s == NULL || *s == '\0')
		return;
	si = seg_new(ck, P_HEAD);
	ck->segs[si].head = h;
	off = file_off(&ck->f, fm_line(v, line_offset), fm_col(v));
	if (v->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
	    v->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		off++;
	seg_walk(&ck->segs[si], s, ck->f.text, ck->f.len, off, NULL, C_TEXT);
}

static void
heads(struct proof *ck)
{
	yaml_document_t *doc = (yaml_document_t *)&ck->st->fm;
	yaml_node_t *root, *v;
	yaml_node_item_t *it;

	if (!ck->st->has_fm ||
	    (root = yaml_document_get_root_node(doc)) == NULL ||
	    root->type != YAML_MAPPING_NODE)
		return;
	if ((v = fm_get(doc, root, "kicker", NULL)) != NULL)
		yaml_value(ck, v, 1, H_KICKER);
	if ((v = fm_get(doc, root, "title", NULL)) != NULL)
		yaml_value(ck, v, 1, H_TITLE);
	if ((v = fm_get(doc, root, "subtitle", NULL)) == NULL)
		return;
	if (v->type == YAML_SEQUENCE_NODE)
		for (it = v->data.sequence.items.start;
		     it < v->data.sequence.items.top; it++)
			yaml_value(ck, yaml_document_get_node(doc, *it), 1,
			           H_SUBTITLE);
	else
		yaml_value(ck, v, 1, H_SUBTITLE);
}

void
collect_story(struct proof *ck, const struct story *st)
{
	size_t i;

	memset(ck, 0, sizeof(*ck));
	file_init(&ck->f, st->src->path, st->src->text, st->src->len);
	ck->st = st;
	heads(ck);
	if (st->doc != NULL && st->pre != NULL) {
		pre_map(ck);
		blocks(ck, st->doc, 1);
		dateline_check(ck);
	}
	for (i = 0; i < ck->nsegs; i++)
		mask_urls(&ck->segs[i]);
}

void
collect_page(struct proof *ck, yaml_document_t *doc, yaml_node_t *page)
{
	yaml_node_t *v;
	size_t i;

	if ((v = fm_get(doc, page, "name", NULL)) != NULL)
		yaml_value(ck, v, 0, H_BANNER);
	if ((v = fm_get(doc, page, "banner", NULL)) != NULL)
		yaml_value(ck, v, 0, H_BANNER);
	for (i = 0; i < ck->nsegs; i++)
		mask_urls(&ck->segs[i]);
}
