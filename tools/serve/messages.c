/*
 * What the builds of press serve said: the messages of every file, kept
 * across builds, the addresses of the story pages, and what is made of
 * them for the HTTP side: the overlay pages that stand in for pages with
 * errors behind them, and the notices that name on an issue's pages the
 * stories left out of it.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>

#include "serve.h"

#define X(s) ((const xmlChar *)(s))

/* ---- messages --------------------------------------------------------- */

char *
serve_issue_of(const struct serve *s, const char *path)
{
	size_t n = strlen(s->articles);
	const char *rest, *slash;

	if (strncmp(path, s->articles, n) != 0 || path[n] != '/')
		return NULL;
	rest = path + n + 1;
	if ((slash = strchr(rest, '/')) == NULL || slash == rest)
		return NULL;
	return xstrndup(rest, (size_t)(slash - rest));
}

/* Whether path is a story: a .md file directly in an issue folder. */
static int
is_story(const struct serve *s, const char *path)
{
	size_t n = strlen(s->articles), len = strlen(path);
	const char *rest;

	if (len < 3 || strcmp(path + len - 3, ".md") != 0 ||
	    strncmp(path, s->articles, n) != 0 || path[n] != '/')
		return 0;
	rest = strchr(path + n + 1, '/');
	return rest != NULL && strchr(rest + 1, '/') == NULL;
}

static struct filemsgs *
msgs_get(const struct serve *s, struct msglist *l, const char *path)
{
	struct filemsgs *f;
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].path, path) == 0)
			return &l->v[i];
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	f = &l->v[l->n++];
	memset(f, 0, sizeof(*f));
	f->path = xstrdup(path);
	f->issue = serve_issue_of(s, path);
	return f;
}

static void
filemsgs_free(struct filemsgs *f)
{
	free(f->path);
	free(f->issue);
	buf_free(&f->text);
}

static void
msgs_clear(struct msglist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		filemsgs_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/*
 * The diag hook while building: every message goes to the terminal, as
 * diag() would print it, and to the messages of its file.
 */
void
serve_on_diag(void *arg, const struct diag_msg *m)
{
	struct serve *s = arg;
	struct filemsgs *f;
	char *line = diag_line(m);

	/* As diag() prints it, in the reader's language; the page shows it
	 * without the program's name. */
	fputs(line, stderr);
	f = msgs_get(s, &s->pending, m->path);
	buf_adds(&f->text, line + strlen("press: "));
	if (m->level >= DIAG_ERROR)
		f->errors++;
	free(line);
}

/* The diag hook while reading a story again only for its slug. */
static void
on_diag_quiet(void *arg, const struct diag_msg *m)
{
	(void)arg;
	(void)m;
}

int
serve_in_list(char **v, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

/*
 * Replaces the messages the build just redid: every file of the issues it
 * built, and every file outside an issue (paper.yaml, templates, the
 * output folder), which each build reads again.
 */
static void
merge_messages(struct serve *s)
{
	struct filemsgs *f, *old;
	size_t i;

	for (i = 0; i < s->msgs.n;) {
		f = &s->msgs.v[i];
		if (s->full || f->issue == NULL ||
		    serve_in_list(s->changed, s->nchanged, f->issue)) {
			filemsgs_free(f);
			s->msgs.v[i] = s->msgs.v[--s->msgs.n];
		} else
			i++;
	}
	for (i = 0; i < s->pending.n; i++) {
		f = &s->pending.v[i];
		old = msgs_get(s, &s->msgs, f->path);
		filemsgs_free(old);
		*old = *f;
	}
	free(s->pending.v);
	s->pending.v = NULL;
	s->pending.n = 0;
}

/* ---- story addresses -------------------------------------------------- */

static void
slugs_put(struct serve *s, const char *issue, const char *slug,
          const char *path)
{
	struct slugmap *m;
	size_t i;

	/* A story renamed, or a slug that moved to another file. */
	for (i = 0; i < s->nslugs;) {
		m = &s->slugs[i];
		if (strcmp(m->issue, issue) == 0 &&
		    (strcmp(m->slug, slug) == 0 || strcmp(m->path, path) == 0)) {
			free(m->issue);
			free(m->slug);
			free(m->path);
			s->slugs[i] = s->slugs[--s->nslugs];
		} else
			i++;
	}
	s->slugs = xrealloc(s->slugs, (s->nslugs + 1) * sizeof(*s->slugs));
	m = &s->slugs[s->nslugs++];
	m->issue = xstrdup(issue);
	m->slug = xstrdup(slug);
	m->path = xstrdup(path);
}

static void
leftout_free(struct leftout *l)
{
	free(l->issue);
	free(l->path);
	free(l->page);
	free(l->reason);
}

/* Forgets the stories left out of issue (NULL: of every issue). */
static void
leftout_drop(struct serve *s, const char *issue)
{
	size_t i;

	for (i = 0; i < s->nleft;)
		if (issue == NULL || strcmp(s->left[i].issue, issue) == 0) {
			leftout_free(&s->left[i]);
			s->left[i] = s->left[--s->nleft];
		} else
			i++;
}

static void
leftout_put(struct serve *s, const char *issue, const char *page,
            xmlNodePtr n)
{
	xmlChar *file = xmlGetProp(n, X("file"));
	xmlChar *reason = xmlGetProp(n, X("reason"));
	xmlChar *line = xmlGetProp(n, X("line"));
	struct leftout *l;

	if (file != NULL) {
		s->left = xrealloc(s->left, (s->nleft + 1) * sizeof(*s->left));
		l = &s->left[s->nleft++];
		l->issue = xstrdup(issue);
		l->path = xasprintf("%s/%s/%s", s->articles, issue,
		                    (const char *)file);
		l->page = page ? xstrdup(page) : NULL;
		l->reason = xstrdup(reason ? (const char *)reason : "");
		l->line = line ? atoi((const char *)line) : 0;
	}
	xmlFree(file);
	xmlFree(reason);
	xmlFree(line);
}

/* The story pages of an issue, and the stories left out of it, under
 * page (the number of the page n is in, or NULL). */
static void
slugs_walk(struct serve *s, const char *issue, const char *page,
           xmlNodePtr n)
{
	xmlChar *no;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "page") == 0) {
			no = xmlGetProp(n, X("no"));
			slugs_walk(s, issue, (const char *)no, n->children);
			xmlFree(no);
			continue;
		}
		if (strcmp((const char *)n->name, "left-out") == 0) {
			leftout_put(s, issue, page, n);
			continue;
		}
		if (strcmp((const char *)n->name, "story") == 0) {
			xmlChar *slug = xmlGetProp(n, X("slug"));
			xmlChar *src = xmlGetProp(n, X("source"));

			if (slug != NULL && src != NULL) {
				char *path = xasprintf("%s/%s/%s", s->articles, issue,
				                       (const char *)src);

				slugs_put(s, issue, (const char *)slug, path);
				free(path);
			}
			xmlFree(slug);
			xmlFree(src);
			continue;
		}
		slugs_walk(s, issue, page, n->children);
	}
}

/* Learns the story addresses of an issue from its print XML, and the
 * stories left out of it. */
static void
slugs_read(struct serve *s, const char *issue)
{
	char *path = xasprintf("%s/print/%s/issue.xml", s->out, issue);
	xmlDocPtr doc;

	doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc != NULL) {
		leftout_drop(s, issue);
		slugs_walk(s, issue, NULL, xmlDocGetRootElement(doc));
	}
	xmlFreeDoc(doc);
	free(path);
}

/* After a build: the addresses of every issue it wrote. */
static void
slugs_update(struct serve *s)
{
	char *dir;
	DIR *d;
	struct dirent *e;
	size_t i;

	if (!s->full) {
		for (i = 0; i < s->nchanged; i++)
			slugs_read(s, s->changed[i]);
		return;
	}
	leftout_drop(s, NULL);
	dir = xasprintf("%s/print", s->out);
	if ((d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if (e->d_name[0] != '.')
				slugs_read(s, e->d_name);
		closedir(d);
	}
	free(dir);
}

char *
serve_story_slug(struct serve *s, const char *path)
{
	struct story *st;
	char *slug = NULL;

	diag_set_hook(on_diag_quiet, NULL);
	st = story_load(path);
	diag_set_hook(serve_on_diag, s);
	if (st != NULL && st->slug != NULL)
		slug = xstrdup(st->slug);
	story_free(st);
	return slug;
}

/* ---- overlay pages ---------------------------------------------------- */

const char serve_css[] =
    "body{margin:0;background:#fff8f6;color:#222;"
    "font:16px/1.6 system-ui,\"Noto Sans CJK SC\",sans-serif}"
    "main{max-width:60rem;margin:2rem auto;padding:0 1rem}"
    "h1{color:#b00020;font-size:1.4rem;border-bottom:3px solid #b00020}"
    "h2{font-size:1rem;margin:1.5rem 0 .3rem}"
    "pre{background:#fff;border:1px solid #e4b4b4;border-left:6px solid "
    "#b00020;padding:.8rem;white-space:pre-wrap;overflow-wrap:anywhere;"
    "font:14px/1.5 ui-monospace,monospace}";

/*
 * The page shown instead of a page that has errors behind it: every
 * message of the files in fs, file by file.  libxml2 escapes the text.
 * Returns a buffer the caller frees.
 */
static char *
overlay_html(struct filemsgs **fs, size_t n, size_t *len)
{
	htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
	xmlNodePtr html, head, body, main, node;
	xmlBufferPtr out;
	xmlSaveCtxtPtr save;
	unsigned errors = 0;
	char *text, *res;
	size_t i;

	for (i = 0; i < n; i++)
		errors += fs[i]->errors;
	xmlCreateIntSubset(doc, X("html"), NULL, NULL);
	html = xmlNewDocNode(doc, NULL, X("html"), NULL);
	xmlDocSetRootElement(doc, html);
	xmlNewProp(html, X("lang"), X("zh-CN"));
	/* The serializer adds the <meta> that names the encoding. */
	head = xmlNewChild(html, NULL, X("head"), NULL);
	text = xasprintf(ngettext("press: %u error", "press: %u errors", errors),
	                 errors);
	xmlNewTextChild(head, NULL, X("title"), X(text));
	free(text);
	node = xmlNewChild(head, NULL, X("link"), NULL);
	xmlNewProp(node, X("rel"), X("stylesheet"));
	xmlNewProp(node, X("href"), X("/_press/overlay.css"));
	body = xmlNewChild(html, NULL, X("body"), NULL);
	main = xmlNewChild(body, NULL, X("main"), NULL);
	xmlNewProp(main, X("id"), X("press-overlay"));
	xmlNewTextChild(main, NULL, X("h1"), X("稿件有错误，请修改后保存"));
	text = xasprintf(n == 1 ?
	    ngettext("press found %u error below. Fix the file and save: "
	             "this page reloads by itself and shows the page again "
	             "once nothing stands in its way.",
	             "press found %u errors below. Fix the file and save: "
	             "this page reloads by itself and shows the page again "
	             "once nothing stands in its way.", errors) :
	    ngettext("press found %u error below. Fix the files and save: "
	             "this page reloads by itself and shows the page again "
	             "once nothing stands in its way.",
	             "press found %u errors below. Fix the files and save: "
	             "this page reloads by itself and shows the page again "
	             "once nothing stands in its way.", errors), errors);
	xmlNewTextChild(main, NULL, X("p"), X(text));
	free(text);
	for (i = 0; i < n; i++) {
		node = xmlNewChild(main, NULL, X("h2"), NULL);
		xmlNewTextChild(node, NULL, X("code"), X(fs[i]->path));
		xmlNewTextChild(main, NULL, X("pre"),
		                X(fs[i]->text.data ? fs[i]->text.data : ""));
	}
	/* As HTML, in UTF-8 (htmlDocDumpMemory() would write the Chinese
	 * as character references). */
	out = xmlBufferCreate();
	save = xmlSaveToBuffer(out, "UTF-8", XML_SAVE_AS_HTML | XML_SAVE_NO_DECL);
	xmlSaveDoc(save, doc);
	xmlSaveClose(save);
	xmlFreeDoc(doc);
	*len = (size_t)xmlBufferLength(out);
	res = xstrndup((const char *)xmlBufferContent(out), *len);
	xmlBufferFree(out);
	return res;
}

static void
overlay_add(struct overlay **ov, size_t *nov, const char *issue,
            const char *slug, struct filemsgs **fs, size_t n)
{
	struct overlay *o;

	*ov = xrealloc(*ov, (*nov + 1) * sizeof(**ov));
	o = &(*ov)[(*nov)++];
	o->issue = issue ? xstrdup(issue) : NULL;
	o->slug = slug ? xstrdup(slug) : NULL;
	o->html = overlay_html(fs, n, &o->len);
}

static void
overlays_free(struct overlay *ov, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(ov[i].issue);
		free(ov[i].slug);
		free(ov[i].html);
	}
	free(ov);
}

/* Whether h, a file of issue with errors, covers every page of it:
 * issue.yaml (or any file that is not a story), or the file saved last. */
static int
issue_wide(const struct serve *s, const struct filemsgs *h, const char *issue)
{
	return h->issue != NULL && h->errors > 0 &&
	       strcmp(h->issue, issue) == 0 &&
	       (!is_story(s, h->path) ||
	        (s->last != NULL && strcmp(h->path, s->last) == 0));
}

/*
 * The overlays the messages ask for.  A file outside the issues with
 * errors (paper.yaml, a template) covers every page; in an issue,
 * issue.yaml (or any file that is not a story) and the file saved last
 * cover every page of the issue; a story covers its own page, under the
 * slug it had in the last good build and the slug it has now.
 */
static void
overlays_make(struct serve *s, struct overlay **ovp, size_t *novp)
{
	struct filemsgs **g, **fs, *f, *h;
	struct overlay *ov = NULL;
	size_t ng = 0, nfs, nov = 0, i, j, k;
	char *slug;

	g = xcalloc(s->msgs.n + 1, sizeof(*g));
	fs = xcalloc(s->msgs.n + 1, sizeof(*fs));
	for (i = 0; i < s->msgs.n; i++)
		if (s->msgs.v[i].issue == NULL && s->msgs.v[i].errors > 0)
			g[ng++] = &s->msgs.v[i];
	if (ng > 0)
		overlay_add(&ov, &nov, NULL, NULL, g, ng);
	for (i = 0; i < s->msgs.n; i++) {
		f = &s->msgs.v[i];
		if (f->issue == NULL || f->errors == 0)
			continue;
		/* Each issue once, at its first file with errors. */
		for (j = 0; j < i; j++)
			if (s->msgs.v[j].issue != NULL && s->msgs.v[j].errors > 0 &&
			    strcmp(s->msgs.v[j].issue, f->issue) == 0)
				break;
		if (j < i)
			continue;
		/* Every page of the issue: the issue-wide files, then the
		 * files outside issues. */
		nfs = 0;
		for (j = i; j < s->msgs.n; j++)
			if (issue_wide(s, &s->msgs.v[j], f->issue))
				fs[nfs++] = &s->msgs.v[j];
		memcpy(fs + nfs, g, ng * sizeof(*g));
		if (nfs + ng > 0)
			overlay_add(&ov, &nov, f->issue, NULL, fs, nfs + ng);
		/* Each story with errors: its own messages first. */
		for (j = i; j < s->msgs.n; j++) {
			h = &s->msgs.v[j];
			if (h->issue == NULL || h->errors == 0 ||
			    strcmp(h->issue, f->issue) != 0 || !is_story(s, h->path))
				continue;
			fs[0] = h;
			nfs = 1;
			for (k = i; k < s->msgs.n; k++)
				if (&s->msgs.v[k] != h &&
				    issue_wide(s, &s->msgs.v[k], f->issue))
					fs[nfs++] = &s->msgs.v[k];
			memcpy(fs + nfs, g, ng * sizeof(*g));
			nfs += ng;
			for (k = 0; k < s->nslugs; k++)
				if (strcmp(s->slugs[k].path, h->path) == 0)
					overlay_add(&ov, &nov, f->issue, s->slugs[k].slug,
					            fs, nfs);
			if ((slug = serve_story_slug(s, h->path)) == NULL)
				continue;
			for (k = 0; k < s->nslugs; k++)
				if (strcmp(s->slugs[k].path, h->path) == 0 &&
				    strcmp(s->slugs[k].slug, slug) == 0)
					break;
			if (k == s->nslugs)
				overlay_add(&ov, &nov, f->issue, slug, fs, nfs);
			free(slug);
		}
	}
	free(g);
	free(fs);
	*ovp = ov;
	*novp = nov;
}

/* ---- notices ------------------------------------------------------------ */

/*
 * The page address of the story file path, for a link; NULL when it
 * has none.  The caller frees it.
 */
static char *
story_href(struct serve *s, const char *issue, const char *path)
{
	char *slug = NULL, *href = NULL;
	size_t k;

	for (k = 0; k < s->nslugs && slug == NULL; k++)
		if (strcmp(s->slugs[k].path, path) == 0)
			slug = xstrdup(s->slugs[k].slug);
	if (slug == NULL)
		slug = serve_story_slug(s, path);
	if (slug != NULL)
		href = xasprintf("/%s/%s.html", issue, slug);
	free(slug);
	return href;
}

/* A story on a notice. */
struct hole {
	const char *path; /* the story file */
	const char *page; /* the page it would stand on; NULL: not known */
	const char *text; /* its messages */
	char *own;        /* text made here */
};

/*
 * The notice for the n stories hs left out of issue: each file, its page,
 * a link to its page (where its overlay is) and its messages, for the top
 * of the issue's pages.  libxml2 escapes the text.  Returns an HTML
 * fragment the caller frees.
 */
static char *
notice_html(struct serve *s, const char *issue, const struct hole *hs,
            size_t n, size_t *len)
{
	htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
	xmlNodePtr aside, node, a;
	xmlBufferPtr out;
	xmlSaveCtxtPtr save;
	char *text, *href, *res;
	size_t i;

	aside = xmlNewDocNode(doc, NULL, X("aside"), NULL);
	xmlDocSetRootElement(doc, aside);
	xmlNewProp(aside, X("id"), X("press-left-out"));
	xmlNewProp(aside, X("lang"), X("zh-CN"));
	node = xmlNewChild(aside, NULL, X("link"), NULL);
	xmlNewProp(node, X("rel"), X("stylesheet"));
	xmlNewProp(node, X("href"), X("/_press/overlay.css"));
	text = xasprintf("%zu 篇稿件有错误，未收入本期", n);
	xmlNewTextChild(aside, NULL, X("h2"), X(text));
	free(text);
	xmlNewTextChild(aside, NULL, X("p"), X(n == 1 ?
	    _("A story is left out of this issue for its errors: the pages "
	      "are without it. Only press serve shows this notice; the "
	      "published pages do not have it.") :
	    _("These stories are left out of this issue for their errors: "
	      "the pages are without them. Only press serve shows this "
	      "notice; the published pages do not have it.")));
	for (i = 0; i < n; i++) {
		node = xmlNewChild(aside, NULL, X("h3"), NULL);
		if (hs[i].page != NULL) {
			text = xasprintf("第%s版 ", hs[i].page);
			xmlNodeAddContent(node, X(text));
			free(text);
		}
		if ((href = story_href(s, issue, hs[i].path)) != NULL) {
			a = xmlNewChild(node, NULL, X("a"), NULL);
			xmlNewProp(a, X("href"), X(href));
			node = a;
			free(href);
		}
		xmlNewTextChild(node, NULL, X("code"), X(hs[i].path));
		xmlNewTextChild(aside, NULL, X("pre"), X(hs[i].text));
	}
	out = xmlBufferCreate();
	save = xmlSaveToBuffer(out, "UTF-8", XML_SAVE_AS_HTML | XML_SAVE_NO_DECL);
	xmlSaveTree(save, aside);
	xmlSaveClose(save);
	xmlFreeDoc(doc);
	*len = (size_t)xmlBufferLength(out);
	res = xstrndup((const char *)xmlBufferContent(out), *len);
	xmlBufferFree(out);
	return res;
}

static void
notices_free(struct notice *nt, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		free(nt[i].issue);
		for (k = 0; k < nt[i].nslugs; k++)
			free(nt[i].slugs[k]);
		free(nt[i].slugs);
		free(nt[i].html);
	}
	free(nt);
}

/* Whether a story file has errors in the messages: left out. */
static const struct filemsgs *
story_errors(const struct serve *s, const char *path)
{
	size_t i;

	for (i = 0; i < s->msgs.n; i++)
		if (strcmp(s->msgs.v[i].path, path) == 0)
			return s->msgs.v[i].errors > 0 && is_story(s, path) ?
			           &s->msgs.v[i] :
			           NULL;
	return NULL;
}

/*
 * The notice of issue, if stories are left out of it: those its print
 * XML marks (<left-out>), with their messages (else the reason it
 * gives), and any other story file of it with errors.
 */
static void
notice_make(struct serve *s, const char *issue, struct notice **nt,
            size_t *nnt)
{
	struct hole *hs;
	const struct filemsgs *f;
	struct notice *o;
	size_t n = 0, i, j;

	hs = xcalloc(s->nleft + s->msgs.n + 1, sizeof(*hs));
	for (i = 0; i < s->nleft; i++) {
		if (strcmp(s->left[i].issue, issue) != 0)
			continue;
		hs[n].path = s->left[i].path;
		hs[n].page = s->left[i].page;
		if ((f = story_errors(s, s->left[i].path)) != NULL &&
		    f->text.data != NULL)
			hs[n].text = f->text.data;
		else if (s->left[i].line > 0)
			hs[n].text = hs[n].own =
			    xasprintf("%s:%d:1: %s: %s\n", s->left[i].path,
			              s->left[i].line, _("error"), s->left[i].reason);
		else
			hs[n].text = hs[n].own = xasprintf("%s: %s: %s\n",
			    s->left[i].path, _("error"), s->left[i].reason);
		n++;
	}
	for (i = 0; i < s->msgs.n; i++) {
		f = &s->msgs.v[i];
		if (f->issue == NULL || strcmp(f->issue, issue) != 0 ||
		    story_errors(s, f->path) == NULL)
			continue;
		for (j = 0; j < n; j++)
			if (strcmp(hs[j].path, f->path) == 0)
				break;
		if (j == n) {
			hs[n].path = f->path;
			hs[n++].text = f->text.data ? f->text.data : "";
		}
	}
	if (n > 0) {
		*nt = xrealloc(*nt, (*nnt + 1) * sizeof(**nt));
		o = &(*nt)[(*nnt)++];
		memset(o, 0, sizeof(*o));
		o->issue = xstrdup(issue);
		for (j = 0; j < s->nslugs; j++)
			if (strcmp(s->slugs[j].issue, issue) == 0) {
				o->slugs = xrealloc(o->slugs,
				                    (o->nslugs + 1) * sizeof(char *));
				o->slugs[o->nslugs++] = xstrdup(s->slugs[j].slug);
			}
		o->html = notice_html(s, issue, hs, n, &o->len);
	}
	for (i = 0; i < n; i++)
		free(hs[i].own);
	free(hs);
}

/* A notice for every issue with stories left out of it. */
static void
notices_make(struct serve *s, struct notice **ntp, size_t *nntp)
{
	struct notice *nt = NULL;
	char **done;
	size_t nnt = 0, ndone = 0, i;
	const char *issue;

	done = xcalloc(s->nleft + s->msgs.n + 1, sizeof(*done));
	for (i = 0; i < s->nleft + s->msgs.n; i++) {
		issue = i < s->nleft ? s->left[i].issue :
		                       s->msgs.v[i - s->nleft].issue;
		if (issue == NULL || serve_in_list(done, ndone, issue))
			continue;
		done[ndone++] = (char *)issue;
		notice_make(s, issue, &nt, &nnt);
	}
	free(done);
	*ntp = nt;
	*nntp = nnt;
}

/* ---- after a build -------------------------------------------------------- */

void
serve_learn(struct serve *s)
{
	merge_messages(s);
	slugs_update(s);
}

/*
 * Swaps the new overlays and notices in and starts a new generation:
 * every open page reloads.
 */
void
serve_publish(struct serve *s)
{
	struct overlay *ov, *oldov;
	struct notice *nt, *oldnt;
	size_t nov, nnt, noldov, noldnt;

	overlays_make(s, &ov, &nov);
	notices_make(s, &nt, &nnt);
	pthread_mutex_lock(&s->live.lock);
	oldov = s->live.ov;
	noldov = s->live.nov;
	oldnt = s->live.notes;
	noldnt = s->live.nnotes;
	s->live.ov = ov;
	s->live.nov = nov;
	s->live.notes = nt;
	s->live.nnotes = nnt;
	s->live.gen++;
	pthread_cond_broadcast(&s->live.cond);
	pthread_mutex_unlock(&s->live.lock);
	overlays_free(oldov, noldov);
	notices_free(oldnt, noldnt);
}

void
serve_messages_free(struct serve *s)
{
	size_t i;

	for (i = 0; i < s->nslugs; i++) {
		free(s->slugs[i].issue);
		free(s->slugs[i].slug);
		free(s->slugs[i].path);
	}
	free(s->slugs);
	leftout_drop(s, NULL);
	free(s->left);
	msgs_clear(&s->msgs);
	msgs_clear(&s->pending);
	overlays_free(s->live.ov, s->live.nov);
	notices_free(s->live.notes, s->live.nnotes);
}
