/*
 * press serve: the reporter's live preview.  The site is built into a
 * private folder and served over HTTP (libmicrohttpd); inotify watches
 * articles/ and templates/, and each save rebuilds what it affects (its
 * issue, or everything after a change to paper.yaml or a template) and
 * tells every open page to reload itself (Server-Sent Events).  A page
 * whose story has errors is answered with an overlay that lists them,
 * never with the stale page the build left behind.
 *
 *   /                      out/site, the web edition
 *   /_press/print/…        out/print, the files for the layout desk
 *   /_press/reload.js      the script the server puts into every HTML
 *                          answer (never into a file on disk)
 *   /_press/events         the reload events
 *
 * Threads: only the main thread builds, because the pipeline keeps global
 * state (diag's counters and hook, render's stylesheets, the schema, and
 * libxml2's error handlers).  libmicrohttpd answers on a thread per
 * connection; those threads read files and struct live, nothing else.
 * What both sides share, the overlay pages and the reload generation, is
 * in struct live under its mutex.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <limits.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#include <microhttpd.h>

#include "press.h"

#define X(s) ((const xmlChar *)(s))

enum {
	DEFAULT_PORT = 8080,
	DEBOUNCE_MS = 50,      /* quiet time that ends a burst of events */
	DEBOUNCE_MAX_MS = 250, /* the longest a burst may delay a build */
	KEEPALIVE_S = 15,      /* a comment on an idle event stream */
	MAX_CONNECTIONS = 256, /* one thread each */
	IDLE_TIMEOUT_S = 60,   /* an idle keep-alive connection is closed */
};

/* The script every HTML answer gets, before </body>. */
#define RELOAD_TAG "<script src=\"/_press/reload.js\" data-gen=\"%lu\"></script>"

/*
 * Opens the event stream from the generation the page was served at, so
 * a rebuild between the page and the stream is not missed; a server
 * started again has a new generation, so its pages reload too.
 */
static const char reload_js[] =
	"// press serve: reloads this page after every rebuild.\n"
	"(function () {\n"
	"\tvar me = document.currentScript;\n"
	"\tvar gen = me ? me.getAttribute(\"data-gen\") : \"\";\n"
	"\tvar es = new EventSource(\"/_press/events?since=\" +\n"
	"\t    encodeURIComponent(gen || \"\"));\n"
	"\tes.addEventListener(\"reload\", function () {\n"
	"\t\tes.close();\n"
	"\t\tlocation.reload();\n"
	"\t});\n"
	"})();\n";

/* Fixed answers; the reload script is still added to them. */
static const char page_404[] =
	"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
	"<title>404 Not Found</title></head><body><h1>404 Not Found</h1>"
	"<p>There is no such file in the site press serve built.</p>"
	"</body></html>\n";
static const char page_403[] =
	"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
	"<title>403 Forbidden</title></head><body><h1>403 Forbidden</h1>"
	"<p>press serve only serves the files of the site it built.</p>"
	"</body></html>\n";
static const char page_405[] =
	"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
	"<title>405 Method Not Allowed</title></head><body>"
	"<h1>405 Method Not Allowed</h1><p>press serve answers GET and HEAD."
	"</p></body></html>\n";

/* Content types by file name extension. */
static const struct {
	const char *ext;
	const char *type;
} types[] = {
	{"html", "text/html; charset=utf-8"},
	{"htm", "text/html; charset=utf-8"},
	{"css", "text/css; charset=utf-8"},
	{"js", "text/javascript; charset=utf-8"},
	{"mjs", "text/javascript; charset=utf-8"},
	{"json", "application/json"},
	{"txt", "text/plain; charset=utf-8"},
	{"svg", "image/svg+xml"},
	{"png", "image/png"},
	{"jpg", "image/jpeg"},
	{"jpeg", "image/jpeg"},
	{"gif", "image/gif"},
	{"webp", "image/webp"},
	{"ico", "image/vnd.microsoft.icon"},
	{"woff2", "font/woff2"},
	{"pdf", "application/pdf"},
	/* The XML declaration names the encoding (the print files may be
	 * GB18030), so no charset here. */
	{"xml", "application/xml"},
	{"icml", "application/xml"},
	{"atom", "application/atom+xml"},
	{"rss", "application/rss+xml"},
};

/* An overlay page, answered instead of the HTML pages it covers. */
struct overlay {
	char *issue; /* an issue folder's name; NULL: every page */
	char *slug;  /* a story; NULL: every page of the issue */
	char *html;
	size_t len;
};

/* What the HTTP threads share with the main thread, under lock. */
struct live {
	pthread_mutex_t lock;
	pthread_cond_t cond; /* broadcast on a new generation and on stop */
	unsigned long gen;   /* one more after every build */
	int stopping;        /* event streams end */
	struct overlay *ov;  /* replaced as a whole after every build */
	size_t nov;
};

/* The messages about one file, from the last build that read it. */
struct filemsgs {
	char *path;      /* as diag() named it */
	char *issue;     /* the issue folder it is in; NULL for other files */
	struct buf text; /* "FILE:LINE:COL: level: message" lines */
	unsigned errors;
};

struct msglist {
	struct filemsgs *v;
	size_t n;
};

/*
 * Which page a story file became, from issue.xml.  Kept across builds:
 * a story left out for its errors still leads to its page's address.
 */
struct slugmap {
	char *issue;
	char *slug;
	char *path; /* ARTICLES/ISSUE/FILE, as diag() names it */
};

enum wkind {
	W_TEMPLATES, /* anything under templates/: rebuild everything */
	W_ARTICLES,  /* articles/ itself: paper.yaml, issue folders */
	W_ISSUE,     /* an issue folder or a folder in it */
	W_MAX
};

/* An inotify watch. */
struct watch {
	int wd;
	enum wkind kind;
	char *dir;
	char *issue; /* W_ISSUE: the issue folder's name */
	int top;     /* W_ISSUE: the issue folder itself */
};

/* The state of the main thread; s->live is the part the HTTP side sees. */
struct serve {
	struct build_opts opts;
	char *articles;  /* opts.articles, without trailing slashes */
	char **issues;   /* the issue folders asked for by name, or none */
	size_t nissues;
	char **stories;  /* story files asked for, as diag() names them */
	size_t nstories;
	char *out;       /* the output folder */
	int own_out;     /* out is ours (mkdtemp), removed on exit */
	int site_fd;     /* out/site, for the HTTP side */
	int print_fd;    /* out/print */
	int ino;         /* the inotify descriptor */
	struct watch *w;
	size_t nw;
	int full;        /* rebuild everything */
	char **changed;  /* else these issue folders (names) */
	size_t nchanged;
	char *last;      /* the issue file saved last, as diag() names it */
	struct msglist msgs;    /* per file, across builds */
	struct msglist pending; /* from the build under way */
	struct slugmap *slugs;
	size_t nslugs;
	struct live live;
};

/* ---- messages --------------------------------------------------------- */

/* The issue folder path lies in, or NULL. */
static char *
issue_of(const struct serve *s, const char *path)
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
	f->issue = issue_of(s, path);
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
static void
on_diag(void *arg, const struct diag_msg *m)
{
	struct serve *s = arg;
	struct filemsgs *f;
	char *line;

	if (m->line > 0)
		line = xasprintf("%s:%d:%d: %s: %s", m->path, m->line, m->col,
		                 diag_level_name(m->level), m->text);
	else
		line = xasprintf("%s: %s: %s", m->path,
		                 diag_level_name(m->level), m->text);
	fprintf(stderr, "press: %s\n", line);
	f = msgs_get(s, &s->pending, m->path);
	buf_adds(&f->text, line);
	buf_adds(&f->text, "\n");
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

static int
in_list(char **v, size_t n, const char *s)
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
		    in_list(s->changed, s->nchanged, f->issue)) {
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
slugs_walk(struct serve *s, const char *issue, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
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
		slugs_walk(s, issue, n->children);
	}
}

/* Learns the story addresses of an issue from its print XML. */
static void
slugs_read(struct serve *s, const char *issue)
{
	char *path = xasprintf("%s/print/%s/issue.xml", s->out, issue);
	xmlDocPtr doc;

	doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	                  XML_PARSE_NOWARNING);
	if (doc != NULL)
		slugs_walk(s, issue, xmlDocGetRootElement(doc));
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
	dir = xasprintf("%s/print", s->out);
	if ((d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if (e->d_name[0] != '.')
				slugs_read(s, e->d_name);
		closedir(d);
	}
	free(dir);
}

/*
 * The slug a story file has now, read again without a word to the
 * terminal; NULL when it cannot be read.  The caller frees it.
 */
static char *
story_slug(struct serve *s, const char *path)
{
	struct story *st;
	char *slug = NULL;

	diag_set_hook(on_diag_quiet, NULL);
	st = story_load(path);
	diag_set_hook(on_diag, s);
	if (st != NULL && st->slug != NULL)
		slug = xstrdup(st->slug);
	story_free(st);
	return slug;
}

/* ---- overlay pages ---------------------------------------------------- */

static const char overlay_css[] =
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
	text = xasprintf("press: %u error%s", errors, errors == 1 ? "" : "s");
	xmlNewTextChild(head, NULL, X("title"), X(text));
	free(text);
	xmlNewTextChild(head, NULL, X("style"), X(overlay_css));
	body = xmlNewChild(html, NULL, X("body"), NULL);
	main = xmlNewChild(body, NULL, X("main"), NULL);
	xmlNewProp(main, X("id"), X("press-overlay"));
	xmlNewTextChild(main, NULL, X("h1"), X("稿件有错误，请修改后保存"));
	text = xasprintf("press found %u error%s below. Fix %s and save: "
	                 "this page reloads by itself and shows the page "
	                 "again once nothing stands in its way.",
	                 errors, errors == 1 ? "" : "s",
	                 n == 1 ? "the file" : "the files");
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
			if ((slug = story_slug(s, h->path)) == NULL)
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

/* ---- building ----------------------------------------------------------- */

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Builds what changed, learns its messages and story addresses, makes
 * the overlays, and starts a new generation: every open page reloads.
 */
static void
rebuild(struct serve *s)
{
	struct overlay *ov, *old;
	size_t nov, nold, i;
	unsigned errors = 0;
	char **dirs;
	size_t ndirs;
	long t0 = now_ms();

	/* render_load() and schema_load() start from nothing each time:
	 * a template may have changed. */
	render_free();
	schema_free();
	if (s->full && s->nissues == 0) {
		build_all(&s->opts, NULL, 0);
	} else {
		char **names = s->full ? s->issues : s->changed;

		ndirs = s->full ? s->nissues : s->nchanged;
		dirs = xcalloc(ndirs + 1, sizeof(*dirs));
		for (i = 0; i < ndirs; i++)
			dirs[i] = xasprintf("%s/%s", s->articles, names[i]);
		build_all(&s->opts, dirs, (int)ndirs);
		for (i = 0; i < ndirs; i++)
			free(dirs[i]);
		free(dirs);
	}
	for (i = 0; i < s->pending.n; i++)
		errors += s->pending.v[i].errors;
	merge_messages(s);
	slugs_update(s);
	overlays_make(s, &ov, &nov);

	pthread_mutex_lock(&s->live.lock);
	old = s->live.ov;
	nold = s->live.nov;
	s->live.ov = ov;
	s->live.nov = nov;
	s->live.gen++;
	pthread_cond_broadcast(&s->live.cond);
	pthread_mutex_unlock(&s->live.lock);
	overlays_free(old, nold);

	if (s->full && s->nissues == 0)
		fprintf(stderr, "press: built everything in %ld ms", now_ms() - t0);
	else {
		char **names = s->full ? s->issues : s->changed;

		ndirs = s->full ? s->nissues : s->nchanged;
		fputs(s->full ? "press: built" : "press: rebuilt", stderr);
		for (i = 0; i < ndirs; i++)
			fprintf(stderr, " %s", names[i]);
		fprintf(stderr, " in %ld ms", now_ms() - t0);
	}
	if (errors > 0)
		fprintf(stderr, " (%u error%s)", errors, errors == 1 ? "" : "s");
	fputc('\n', stderr);
	s->full = 0;
	for (i = 0; i < s->nchanged; i++)
		free(s->changed[i]);
	free(s->changed);
	s->changed = NULL;
	s->nchanged = 0;
}

/* ---- watching ----------------------------------------------------------- */

/* Editors' temporary and backup files, which a save also touches. */
static int
ignored(const char *name)
{
	static const char *const ends[] = {"~", ".swp", ".swx", ".tmp",
	                                   ".part", NULL};
	size_t n = strlen(name), m, i;

	if (name[0] == '.' || name[0] == '#' || strcmp(name, "4913") == 0)
		return 1;
	for (i = 0; ends[i] != NULL; i++)
		if (n >= (m = strlen(ends[i])) && strcmp(name + n - m, ends[i]) == 0)
			return 1;
	return 0;
}

static struct watch *
watch_find(struct serve *s, int wd)
{
	size_t i;

	for (i = 0; i < s->nw; i++)
		if (s->w[i].wd == wd)
			return &s->w[i];
	return NULL;
}

static void
watch_drop(struct serve *s, struct watch *w)
{
	free(w->dir);
	free(w->issue);
	*w = s->w[--s->nw];
}

/* Watches dir and every folder under it. */
static void
watch_tree(struct serve *s, const char *dir, enum wkind kind,
           const char *issue, int top)
{
	const uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM |
	    IN_CREATE | IN_DELETE | IN_ONLYDIR;
	struct watch *w;
	struct dirent *e;
	DIR *d;
	int wd;

	if ((wd = inotify_add_watch(s->ino, dir, mask)) < 0) {
		fprintf(stderr, "press: %s: cannot watch: %s\n", dir,
		        strerror(errno));
		return;
	}
	if ((w = watch_find(s, wd)) != NULL)
		watch_drop(s, w);
	s->w = xrealloc(s->w, (s->nw + 1) * sizeof(*s->w));
	w = &s->w[s->nw++];
	w->wd = wd;
	w->kind = kind;
	w->dir = xstrdup(dir);
	w->issue = issue ? xstrdup(issue) : NULL;
	w->top = top;
	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char *sub;
		struct stat sb;

		if (e->d_name[0] == '.')
			continue;
		sub = xasprintf("%s/%s", dir, e->d_name);
		if (lstat(sub, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			if (kind == W_ARTICLES)
				watch_tree(s, sub, W_ISSUE, e->d_name, 1);
			else
				watch_tree(s, sub, kind, issue, 0);
		}
		free(sub);
	}
	closedir(d);
}

/* Whether the issue folder name is one press serve was asked for. */
static int
served(const struct serve *s, const char *issue)
{
	return s->nissues == 0 || in_list(s->issues, s->nissues, issue);
}

static void
note_issue(struct serve *s, const char *issue)
{
	if (!served(s, issue) || in_list(s->changed, s->nchanged, issue))
		return;
	s->changed = xrealloc(s->changed, (s->nchanged + 1) * sizeof(char *));
	s->changed[s->nchanged++] = xstrdup(issue);
}

/* Reads what inotify has; 1 if something to build changed. */
static int
read_events(struct serve *s)
{
	char buf[16384]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	const struct inotify_event *ev;
	struct watch *w;
	ssize_t n;
	char *p;
	int any = 0;

	if ((n = read(s->ino, buf, sizeof(buf))) <= 0)
		return 0;
	for (p = buf; p < buf + n; p += sizeof(*ev) + ev->len) {
		ev = (const struct inotify_event *)p;
		if (ev->mask & IN_Q_OVERFLOW) {
			s->full = any = 1;
			continue;
		}
		if ((w = watch_find(s, ev->wd)) == NULL)
			continue;
		if (ev->mask & IN_IGNORED) {
			watch_drop(s, w);
			continue;
		}
		if (ev->len == 0 || ignored(ev->name))
			continue;
		if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) {
			char *sub = xasprintf("%s/%s", w->dir, ev->name);
			enum wkind kind = w->kind;
			char *issue = w->issue ? xstrdup(w->issue) : NULL;

			/* w may move as the list grows. */
			if (kind == W_ARTICLES)
				watch_tree(s, sub, W_ISSUE, ev->name, 1);
			else
				watch_tree(s, sub, kind, issue, 0);
			free(issue);
			free(sub);
			w = watch_find(s, ev->wd);
			if (w == NULL)
				continue;
		} else if (ev->mask & IN_CREATE)
			continue; /* its IN_CLOSE_WRITE follows */
		switch (w->kind) {
		case W_TEMPLATES:
			s->full = any = 1;
			break;
		case W_ARTICLES:
			if (strcmp(ev->name, "paper.yaml") == 0 || (ev->mask & IN_ISDIR))
				s->full = any = 1;
			break;
		case W_ISSUE:
			if (!served(s, w->issue))
				break;
			note_issue(s, w->issue);
			if (w->top && !(ev->mask & IN_ISDIR)) {
				free(s->last);
				s->last = xasprintf("%s/%s/%s", s->articles, w->issue,
				                    ev->name);
			}
			any = 1;
			break;
		default:
			abort();
		}
	}
	return any;
}

/* ---- HTTP: answers ------------------------------------------------------ */

/* Queues r and lets it go.  Every answer says its type is the one meant. */
static enum MHD_Result
respond(struct MHD_Connection *c, unsigned status, struct MHD_Response *r)
{
	enum MHD_Result ret;

	if (r == NULL)
		return MHD_NO;
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

/* html with the reload script put before its last </body> (or at its
 * end); a buffer the caller frees. */
static char *
inject(const char *html, size_t len, unsigned long gen, size_t *outlen)
{
	char tag[128];
	size_t at = len, n, i;
	char *res;

	n = (size_t)snprintf(tag, sizeof(tag), RELOAD_TAG, gen);
	for (i = len; i >= 7; i--)
		if (strncasecmp(html + i - 7, "</body>", 7) == 0) {
			at = i - 7;
			break;
		}
	res = xmalloc(len + n + 1);
	memcpy(res, html, at);
	memcpy(res + at, tag, n);
	memcpy(res + at + n, html + at, len - at);
	res[len + n] = '\0';
	*outlen = len + n;
	return res;
}

/* An HTML answer, with the reload script. */
static enum MHD_Result
send_html(struct serve *s, struct MHD_Connection *c, unsigned status,
          const char *html, size_t len)
{
	struct MHD_Response *r;
	unsigned long gen;
	size_t n;
	char *body;

	pthread_mutex_lock(&s->live.lock);
	gen = s->live.gen;
	pthread_mutex_unlock(&s->live.lock);
	body = inject(html, len, gen, &n);
	r = MHD_create_response_from_buffer(n, body, MHD_RESPMEM_MUST_FREE);
	if (r == NULL) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	                        "text/html; charset=utf-8");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	return respond(c, status, r);
}

static enum MHD_Result
send_status(struct serve *s, struct MHD_Connection *c, unsigned status)
{
	const char *page = status == MHD_HTTP_FORBIDDEN ? page_403 :
	    status == MHD_HTTP_METHOD_NOT_ALLOWED ? page_405 : page_404;

	return send_html(s, c, status, page, strlen(page));
}

static const char *
content_type(const char *name)
{
	const char *dot = strrchr(name, '.'), *slash = strrchr(name, '/');
	size_t i;

	if (dot != NULL && (slash == NULL || dot > slash))
		for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
			if (strcasecmp(dot + 1, types[i].ext) == 0)
				return types[i].type;
	return "application/octet-stream";
}

/*
 * The overlay that covers the site page rel (no leading slash): a
 * story's own, else its issue's, else the one over every page.  Copied
 * with the reload script into a buffer the caller frees; NULL if none.
 */
static char *
find_overlay(struct serve *s, const char *rel, size_t *len)
{
	const char *slash = strchr(rel, '/'), *file;
	char *issue = NULL, *slug = NULL, *res = NULL;
	struct overlay *o, *best = NULL;
	size_t i, n;
	int rank, top = 0;

	if (slash != NULL) {
		issue = xstrndup(rel, (size_t)(slash - rel));
		file = slash + 1;
		n = strlen(file);
		if (strchr(file, '/') == NULL && n > 5 &&
		    strcmp(file + n - 5, ".html") == 0)
			slug = xstrndup(file, n - 5);
	}
	pthread_mutex_lock(&s->live.lock);
	for (i = 0; i < s->live.nov; i++) {
		o = &s->live.ov[i];
		if (o->issue == NULL)
			rank = 1;
		else if (issue == NULL || strcmp(o->issue, issue) != 0)
			continue;
		else if (o->slug == NULL)
			rank = 2;
		else if (slug != NULL && strcmp(o->slug, slug) == 0)
			rank = 3;
		else
			continue;
		if (rank > top) {
			top = rank;
			best = o;
		}
	}
	if (best != NULL)
		res = inject(best->html, best->len, s->live.gen, len);
	pthread_mutex_unlock(&s->live.lock);
	free(issue);
	free(slug);
	return res;
}

/* A Location for path: the bytes a URL may hold as they are, the rest
 * %-escaped (no CR or LF can reach the header). */
static char *
url_escape(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b = {0};
	const unsigned char *p;
	char esc[3];

	buf_add(&b, "", 0);
	for (p = (const unsigned char *)path; *p != '\0'; p++)
		if (isalnum(*p) || strchr("/-._~", *p) != NULL)
			buf_add(&b, (const char *)p, 1);
		else {
			esc[0] = '%';
			esc[1] = hex[*p >> 4];
			esc[2] = hex[*p & 15];
			buf_add(&b, esc, 3);
		}
	return b.data;
}

/*
 * Whether a path (decoded, relative to a served folder) is refused before
 * anything is looked up: a "." or ".." name or a backslash is 403, a
 * hidden name (the build's temporary files) 404.  Returns 0 if allowed.
 */
static unsigned
refused(const char *rel)
{
	const char *seg, *end;
	size_t n;

	if (strchr(rel, '\\') != NULL)
		return MHD_HTTP_FORBIDDEN;
	for (seg = rel; *seg != '\0'; seg = *end ? end + 1 : end) {
		end = strchrnul(seg, '/');
		n = (size_t)(end - seg);
		if ((n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' &&
		                                  seg[1] == '.'))
			return MHD_HTTP_FORBIDDEN;
		if (n > 0 && seg[0] == '.')
			return MHD_HTTP_NOT_FOUND;
	}
	return 0;
}

/*
 * Opens the file rel names under the folder root, one name at a time and
 * none of them a symbolic link (O_NOFOLLOW), so that neither ".." nor a
 * link can lead out of the folder.  A folder gives its index.html and
 * sets *isdir.  Returns the descriptor, or -1 with the HTTP status in
 * *status.
 */
static int
open_under(int root, const char *rel, int *isdir, unsigned *status)
{
	char *copy, *seg, *next;
	int fd, nfd, err;
	struct stat sb;

	*isdir = 0;
	if ((*status = refused(rel)) != 0)
		return -1;
	*status = MHD_HTTP_NOT_FOUND;
	copy = xstrdup(rel);
	fd = openat(root, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	for (seg = copy; fd >= 0 && seg != NULL; seg = next) {
		if ((next = strchr(seg, '/')) != NULL)
			*next++ = '\0';
		if (*seg == '\0')
			continue;
		nfd = openat(fd, seg, O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
		             O_NONBLOCK | (next != NULL ? O_DIRECTORY : 0));
		err = errno;
		close(fd);
		if ((fd = nfd) < 0) {
			if (err == ELOOP || err == EACCES || err == EPERM)
				*status = MHD_HTTP_FORBIDDEN;
			goto fail;
		}
	}
	if (fd < 0 || fstat(fd, &sb) != 0)
		goto fail;
	if (S_ISDIR(sb.st_mode)) {
		*isdir = 1;
		nfd = openat(fd, "index.html", O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
		             O_NONBLOCK);
		err = errno;
		close(fd);
		if ((fd = nfd) < 0) {
			if (err == ELOOP)
				*status = MHD_HTTP_FORBIDDEN;
			goto fail;
		}
		if (fstat(fd, &sb) != 0)
			goto fail;
	}
	if (!S_ISREG(sb.st_mode))
		goto fail;
	free(copy);
	return fd;
fail:
	if (fd >= 0)
		close(fd);
	free(copy);
	return -1;
}

/* Reads all of fd (and closes it); a buffer the caller frees. */
static char *
read_all(int fd, size_t *len)
{
	struct buf b = {0};
	char chunk[65536];
	ssize_t n;

	buf_add(&b, "", 0);
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			break;
		}
		buf_add(&b, chunk, (size_t)n);
	}
	close(fd);
	*len = b.len;
	return b.data;
}

/*
 * A file of the site (site != 0) or of the print folder.  HTML gets the
 * reload script and is never cached; a site page with errors behind it
 * is answered with its overlay; anything else is sent as it is, to be
 * revalidated by its ETag.
 */
static enum MHD_Result
send_file(struct serve *s, struct MHD_Connection *c, int root, int site,
          const char *url, const char *rel)
{
	struct MHD_Response *r;
	const char *type, *inm, *name;
	char *body, etag[96];
	unsigned status;
	struct stat sb;
	size_t len, ulen = strlen(url);
	int fd, isdir, html;

	if ((status = refused(rel)) != 0)
		return send_status(s, c, status);
	name = ulen > 0 && url[ulen - 1] == '/' ? "index.html" : rel;
	if (site && strcmp(content_type(name), types[0].type) == 0 &&
	    (body = find_overlay(s, rel, &len)) != NULL) {
		r = MHD_create_response_from_buffer(len, body,
		                                    MHD_RESPMEM_MUST_FREE);
		if (r == NULL) {
			free(body);
			return MHD_NO;
		}
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
		                        "text/html; charset=utf-8");
		MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
		                        "no-store");
		MHD_add_response_header(r, "X-Press-Overlay", "errors");
		return respond(c, MHD_HTTP_OK, r);
	}
	if ((fd = open_under(root, rel, &isdir, &status)) < 0)
		return send_status(s, c, status);
	if (isdir && (ulen == 0 || url[ulen - 1] != '/')) {
		/* The page's relative links need the folder's slash. */
		char *to = xasprintf("%s/", url), *loc = url_escape(to);

		close(fd);
		r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
		if (r != NULL)
			MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, loc);
		free(to);
		free(loc);
		return respond(c, MHD_HTTP_MOVED_PERMANENTLY, r);
	}
	type = content_type(isdir ? "index.html" : rel);
	html = strcmp(type, types[0].type) == 0;
	if (html) {
		enum MHD_Result ret;

		body = read_all(fd, &len);
		ret = send_html(s, c, MHD_HTTP_OK, body, len);
		free(body);
		return ret;
	}
	if (fstat(fd, &sb) != 0) {
		close(fd);
		return send_status(s, c, MHD_HTTP_NOT_FOUND);
	}
	snprintf(etag, sizeof(etag), "\"%lx-%llx-%llx\"", (unsigned long)sb.st_ino,
	         (unsigned long long)sb.st_size,
	         (unsigned long long)sb.st_mtim.tv_sec * 1000000000ULL +
	         (unsigned long long)sb.st_mtim.tv_nsec);
	inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	                                  MHD_HTTP_HEADER_IF_NONE_MATCH);
	if (inm != NULL && strcmp(inm, etag) == 0) {
		close(fd);
		r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
		status = MHD_HTTP_NOT_MODIFIED;
	} else {
		r = MHD_create_response_from_fd64((uint64_t)sb.st_size, fd);
		if (r == NULL)
			close(fd);
		status = MHD_HTTP_OK;
	}
	if (r == NULL)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
	MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, etag);
	return respond(c, status, r);
}

/* ---- HTTP: reload events ----------------------------------------------- */

/* One open event stream. */
struct stream {
	struct serve *s;
	unsigned long seen; /* the generation the page was served at */
	int greeted;
};

/*
 * Runs on the connection's own thread (a thread per connection), so it
 * may wait: for a new generation, for the stop, or KEEPALIVE_S seconds,
 * after which a comment finds out whether the browser is still there.
 */
static ssize_t
stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct stream *st = cls;
	struct live *l = &st->s->live;
	struct timespec until;
	int n;

	(void)pos;
	pthread_mutex_lock(&l->lock);
	if (!st->greeted) {
		st->greeted = 1;
		pthread_mutex_unlock(&l->lock);
		return snprintf(buf, max, "retry: 300\n\n");
	}
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += KEEPALIVE_S;
	while (!l->stopping && l->gen == st->seen)
		if (pthread_cond_timedwait(&l->cond, &l->lock, &until) == ETIMEDOUT)
			break;
	if (l->stopping) {
		pthread_mutex_unlock(&l->lock);
		return MHD_CONTENT_READER_END_OF_STREAM;
	}
	if (l->gen != st->seen) {
		st->seen = l->gen;
		n = snprintf(buf, max, "event: reload\ndata: %lu\n\n", st->seen);
	} else
		n = snprintf(buf, max, ": keep-alive\n\n");
	pthread_mutex_unlock(&l->lock);
	return n < 0 || (size_t)n >= max ? MHD_CONTENT_READER_END_WITH_ERROR : n;
}

static enum MHD_Result
send_events(struct serve *s, struct MHD_Connection *c)
{
	struct MHD_Response *r;
	struct stream *st = xcalloc(1, sizeof(*st));
	const char *since;
	char *end;

	st->s = s;
	pthread_mutex_lock(&s->live.lock);
	st->seen = s->live.gen;
	pthread_mutex_unlock(&s->live.lock);
	since = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "since");
	if (since != NULL && *since != '\0') {
		unsigned long g = strtoul(since, &end, 10);

		if (*end == '\0')
			st->seen = g;
	}
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1024,
	                                      stream_read, st, free);
	if (r == NULL) {
		free(st);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	                        "text/event-stream; charset=utf-8");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	return respond(c, MHD_HTTP_OK, r);
}

/* ---- HTTP: requests ----------------------------------------------------- */

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
           const char *method, const char *version, const char *upload,
           size_t *upload_size, void **con_cls)
{
	struct serve *s = cls;
	struct MHD_Response *r;

	(void)version;
	(void)upload;
	/* The first call comes with the headers; answering then, before
	 * the (empty) body is read, would cost the keep-alive. */
	if (*con_cls == NULL) {
		*con_cls = s;
		return MHD_YES;
	}
	if (*upload_size != 0) {
		*upload_size = 0; /* a body is read and dropped */
		return MHD_YES;
	}
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return send_status(s, c, MHD_HTTP_METHOD_NOT_ALLOWED);
	if (url[0] != '/')
		return send_status(s, c, MHD_HTTP_NOT_FOUND);
	if (strcmp(url, "/_press/reload.js") == 0) {
		r = MHD_create_response_from_buffer(sizeof(reload_js) - 1,
		                                    (void *)reload_js,
		                                    MHD_RESPMEM_PERSISTENT);
		if (r == NULL)
			return MHD_NO;
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
		                        "text/javascript; charset=utf-8");
		MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
		                        "no-cache");
		return respond(c, MHD_HTTP_OK, r);
	}
	if (strcmp(url, "/_press/events") == 0)
		return send_events(s, c);
	if (strcmp(url, "/") == 0 && s->nissues > 0) {
		/* Only these issues are built: no archive page to show. */
		char *to = xasprintf("/%s/", s->issues[0]), *loc = url_escape(to);

		r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
		if (r != NULL)
			MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, loc);
		free(to);
		free(loc);
		return respond(c, MHD_HTTP_FOUND, r);
	}
	if (strncmp(url, "/_press/print/", 14) == 0)
		return send_file(s, c, s->print_fd, 0, url, url + 14);
	if (strncmp(url, "/_press/", 8) == 0 || strcmp(url, "/_press") == 0)
		return send_status(s, c, MHD_HTTP_NOT_FOUND);
	return send_file(s, c, s->site_fd, 1, url, url + 1);
}

static int
hexval(int c)
{
	return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

/*
 * Decodes %XX in the path and arguments, except %00: no NUL reaches a
 * file name (the name keeps "%00" and is not found).
 */
static size_t
unescape(void *cls, struct MHD_Connection *c, char *s)
{
	char *r = s, *w = s;

	(void)cls;
	(void)c;
	while (*r != '\0') {
		if (r[0] == '%' && isxdigit((unsigned char)r[1]) &&
		    isxdigit((unsigned char)r[2]) &&
		    (r[1] != '0' || r[2] != '0')) {
			*w++ = (char)(hexval((unsigned char)r[1]) * 16 +
			              hexval((unsigned char)r[2]));
			r += 3;
		} else
			*w++ = *r++;
	}
	*w = '\0';
	return (size_t)(w - s);
}

static void
on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	fputs("press: http: ", stderr);
	vfprintf(stderr, fmt, ap);
}

/* ---- the command -------------------------------------------------------- */

static int
rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static char *
real(const char *path)
{
	char *r = realpath(path, NULL);

	return r != NULL ? r : xstrdup(path);
}

/* Whether the folder inner is outer or lies inside it. */
static int
inside(const char *inner, const char *outer)
{
	char *i = real(inner), *o = real(outer);
	size_t n = strlen(o);
	int in = strncmp(i, o, n) == 0 && (i[n] == '\0' || i[n] == '/');

	free(i);
	free(o);
	return in;
}

/*
 * Takes a PATH: an issue folder of ARTICLES, or a story file in one.
 * Returns 0 after a usage message.
 */
static int
add_path(struct serve *s, const char *arg)
{
	char *dir, *file = NULL, *parent, *issue, *slash;
	struct stat sb;
	int ok = 0;

	if (stat(arg, &sb) != 0 || (dir = realpath(arg, NULL)) == NULL) {
		diag_usage("%s: %s", arg, strerror(errno));
		return 0;
	}
	if (!S_ISDIR(sb.st_mode)) {
		slash = strrchr(dir, '/');
		file = xstrdup(slash + 1);
		*(slash > dir ? slash : slash + 1) = '\0';
	}
	/* dir is absolute and has no trailing slash. */
	slash = strrchr(dir, '/');
	issue = slash + 1;
	parent = xstrndup(dir, slash > dir ? (size_t)(slash - dir) : 1);
	if (*issue == '\0' || !inside(parent, s->articles) ||
	    !inside(s->articles, parent)) {
		diag_usage("%s is not an issue folder of %s, nor a story in one",
		           arg, s->articles);
		goto out;
	}
	if (!in_list(s->issues, s->nissues, issue)) {
		s->issues = xrealloc(s->issues, (s->nissues + 1) * sizeof(char *));
		s->issues[s->nissues++] = xstrdup(issue);
	}
	if (file != NULL) {
		s->stories = xrealloc(s->stories,
		                      (s->nstories + 1) * sizeof(char *));
		s->stories[s->nstories++] = xasprintf("%s/%s/%s", s->articles,
		                                      issue, file);
	}
	ok = 1;
out:
	free(parent);
	free(file);
	free(dir);
	return ok;
}

/* The address to listen on; 0 after a usage message. */
static int
resolve(const char *host, int port, struct sockaddr_storage *ss,
        socklen_t *sslen)
{
	struct addrinfo hints, *res;
	char num[16];
	int e;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	snprintf(num, sizeof(num), "%d", port);
	if ((e = getaddrinfo(host, num, &hints, &res)) != 0) {
		diag_usage("--host %s: %s", host, gai_strerror(e));
		return 0;
	}
	memcpy(ss, res->ai_addr, res->ai_addrlen);
	*sslen = res->ai_addrlen;
	freeaddrinfo(res);
	return 1;
}

/* Prints the address pages are served at. */
static void
print_address(struct serve *s, const struct sockaddr_storage *ss,
              socklen_t sslen, unsigned port)
{
	char host[NI_MAXHOST];
	const char *open = "", *close_ = "";
	size_t i, k;

	if (getnameinfo((const struct sockaddr *)ss, sslen, host, sizeof(host),
	                NULL, 0, NI_NUMERICHOST) != 0)
		snprintf(host, sizeof(host), "127.0.0.1");
	if (ss->ss_family == AF_INET6) {
		open = "[";
		close_ = "]";
	}
	printf("press: serving http://%s%s%s:%u/\n", open, host, close_, port);
	for (i = 0; i < s->nstories; i++) {
		char *slug = NULL, *issue = issue_of(s, s->stories[i]);

		for (k = 0; k < s->nslugs; k++)
			if (strcmp(s->slugs[k].path, s->stories[i]) == 0)
				slug = xstrdup(s->slugs[k].slug);
		if (slug == NULL)
			slug = story_slug(s, s->stories[i]);
		if (slug != NULL && issue != NULL)
			printf("press: story   http://%s%s%s:%u/%s/%s.html\n", open,
			       host, close_, port, issue, slug);
		free(slug);
		free(issue);
	}
	fflush(stdout);
}

static void
serve_free(struct serve *s)
{
	size_t i;

	if (s->ino >= 0)
		close(s->ino);
	if (s->site_fd >= 0)
		close(s->site_fd);
	if (s->print_fd >= 0)
		close(s->print_fd);
	for (i = 0; i < s->nw; i++) {
		free(s->w[i].dir);
		free(s->w[i].issue);
	}
	free(s->w);
	for (i = 0; i < s->nissues; i++)
		free(s->issues[i]);
	free(s->issues);
	for (i = 0; i < s->nstories; i++)
		free(s->stories[i]);
	free(s->stories);
	for (i = 0; i < s->nchanged; i++)
		free(s->changed[i]);
	free(s->changed);
	for (i = 0; i < s->nslugs; i++) {
		free(s->slugs[i].issue);
		free(s->slugs[i].slug);
		free(s->slugs[i].path);
	}
	free(s->slugs);
	msgs_clear(&s->msgs);
	msgs_clear(&s->pending);
	overlays_free(s->live.ov, s->live.nov);
	free(s->last);
	if (s->own_out && s->out != NULL)
		nftw(s->out, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(s->out);
	free(s->articles);
	pthread_mutex_destroy(&s->live.lock);
	pthread_cond_destroy(&s->live.cond);
}

/* Watches, builds and serves until one of sigs (blocked) comes. */
static int
run(struct serve *s, const char *host, int port, const sigset_t *sigs)
{
	struct MHD_Daemon *d = NULL;
	struct sockaddr_storage ss;
	socklen_t sslen;
	struct pollfd fds[2];
	struct timespec ts;
	char *dir;
	long first = 0, last = 0, wait;
	int sfd = -1, status = 1, stop = 0;
	unsigned flags;
	const union MHD_DaemonInfo *info;

	if (!resolve(host, port, &ss, &sslen))
		return 2;
	if (!(ss.ss_family == AF_INET &&
	      (ntohl(((struct sockaddr_in *)&ss)->sin_addr.s_addr) >> 24) == 127) &&
	    !(ss.ss_family == AF_INET6 &&
	      IN6_IS_ADDR_LOOPBACK(&((struct sockaddr_in6 *)&ss)->sin6_addr)))
		fprintf(stderr, "press: serving on %s: every machine that can "
		        "reach it can read the stories\n", host);
	if ((sfd = signalfd(-1, sigs, SFD_CLOEXEC)) < 0 ||
	    (s->ino = inotify_init1(IN_CLOEXEC | IN_NONBLOCK)) < 0) {
		fprintf(stderr, "press: cannot watch: %s\n", strerror(errno));
		goto out;
	}
	watch_tree(s, s->articles, W_ARTICLES, NULL, 0);
	watch_tree(s, s->opts.templates, W_TEMPLATES, NULL, 0);

	dir = xasprintf("%s/site", s->out);
	out_mkdirs(dir);
	s->site_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	dir = xasprintf("%s/print", s->out);
	out_mkdirs(dir);
	s->print_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (s->site_fd < 0 || s->print_fd < 0) {
		fprintf(stderr, "press: %s: %s\n", s->out, strerror(errno));
		goto out;
	}

	clock_gettime(CLOCK_REALTIME, &ts);
	s->live.gen = (unsigned long)ts.tv_sec * 1000 +
	    (unsigned long)ts.tv_nsec / 1000000;
	diag_set_hook(on_diag, s);
	s->full = 1;
	rebuild(s);

	flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
	    MHD_USE_POLL | MHD_USE_ERROR_LOG;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	d = MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, on_request, s,
	                     MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
	                     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	                     MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
	                     MHD_OPTION_CONNECTION_LIMIT,
	                     (unsigned)MAX_CONNECTIONS,
	                     MHD_OPTION_CONNECTION_TIMEOUT,
	                     (unsigned)IDLE_TIMEOUT_S,
	                     MHD_OPTION_END);
	if (d == NULL) {
		fprintf(stderr, "press: cannot serve on %s port %d\n", host, port);
		goto out;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	print_address(s, &ss, sslen, info ? info->port : (unsigned)port);

	fds[0].fd = sfd;
	fds[0].events = POLLIN;
	fds[1].fd = s->ino;
	fds[1].events = POLLIN;
	while (!stop) {
		int pending = s->full || s->nchanged > 0;

		wait = -1;
		if (pending) {
			long due = last + DEBOUNCE_MS;

			if (due > first + DEBOUNCE_MAX_MS)
				due = first + DEBOUNCE_MAX_MS;
			wait = due - now_ms();
			if (wait <= 0) {
				rebuild(s);
				continue;
			}
		}
		if (poll(fds, 2, (int)wait) < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "press: poll: %s\n", strerror(errno));
			break;
		}
		if (fds[0].revents & POLLIN) {
			struct signalfd_siginfo si;

			/* Taken, so it is not delivered once unblocked. */
			if (read(sfd, &si, sizeof(si)) == (ssize_t)sizeof(si))
				stop = 1;
		}
		if (fds[1].revents & POLLIN && read_events(s)) {
			last = now_ms();
			if (!pending)
				first = last;
		}
	}
	status = 0;
	fprintf(stderr, "press: stopped\n");
out:
	pthread_mutex_lock(&s->live.lock);
	s->live.stopping = 1;
	pthread_cond_broadcast(&s->live.cond);
	pthread_mutex_unlock(&s->live.lock);
	if (d != NULL)
		MHD_stop_daemon(d);
	diag_set_hook(NULL, NULL);
	if (sfd >= 0)
		close(sfd);
	return status;
}

int
cmd_serve(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"host", required_argument, NULL, 'H'},
		{NULL, 0, NULL, 0},
	};
	struct serve s;
	pthread_condattr_t ca;
	sigset_t sigs, oldsigs;
	struct sigaction ign, oldpipe;
	const struct timespec zero = {0, 0};
	const char *host = "127.0.0.1", *out = NULL;
	char *end, tmpl[PATH_MAX];
	const char *tmpdir;
	long port = DEFAULT_PORT;
	size_t n;
	int c, i, status = 2;

	/*
	 * SIGINT and SIGTERM stay blocked until the end, so that they come
	 * to run()'s signalfd (the HTTP threads inherit the mask) and a
	 * second one cannot cut the clean-up short.
	 */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, &oldsigs);
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &oldpipe);
	memset(&s, 0, sizeof(s));
	s.opts.articles = "articles";
	s.opts.templates = "templates";
	s.ino = s.site_fd = s.print_fd = -1;
	pthread_mutex_init(&s.live.lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&s.live.cond, &ca);
	pthread_condattr_destroy(&ca);
	while ((c = getopt_long(argc, argv, "a:t:o:p:", longopts, NULL)) != -1)
		switch (c) {
		case 'a':
			s.opts.articles = optarg;
			break;
		case 't':
			s.opts.templates = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'p':
			port = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || port < 0 ||
			    port > 65535) {
				diag_usage("-p %s: a port is a number from 0 to 65535",
				           optarg);
				goto out;
			}
			break;
		case 'H':
			host = optarg;
			break;
		default:
			fputs("usage: press serve [-a ARTICLES] [-t TEMPLATES] "
			      "[-o OUT] [-p PORT] [--host ADDR] [PATH ...]\n", stderr);
			goto out;
		}
	s.articles = xstrdup(s.opts.articles);
	n = strlen(s.articles);
	while (n > 1 && s.articles[n - 1] == '/')
		s.articles[--n] = '\0';
	s.opts.articles = s.articles;
	for (i = optind; i < argc; i++)
		if (!add_path(&s, argv[i]))
			goto out;
	if (out != NULL) {
		if (!out_mkdirs(out)) {
			status = 1;
			goto out;
		}
		if (inside(out, s.articles) || inside(out, s.opts.templates)) {
			diag_usage("-o %s: the output folder cannot be inside the "
			           "folders press serve watches", out);
			goto out;
		}
		s.out = xstrdup(out);
	} else {
		if ((tmpdir = getenv("TMPDIR")) == NULL || *tmpdir == '\0')
			tmpdir = "/tmp";
		snprintf(tmpl, sizeof(tmpl), "%s/press-serve.XXXXXX", tmpdir);
		if (mkdtemp(tmpl) == NULL) {
			fprintf(stderr, "press: %s: %s\n", tmpl, strerror(errno));
			status = 1;
			goto out;
		}
		s.out = xstrdup(tmpl);
		s.own_out = 1;
	}
	s.opts.out = s.out;
	status = run(&s, host, (int)port, &sigs);
out:
	serve_free(&s);
	/* timeout(1) signals the process group as well, and a reporter may
	 * press ^C twice: what is left of those is dropped. */
	while (sigtimedwait(&sigs, NULL, &zero) > 0)
		;
	sigaction(SIGPIPE, &oldpipe, NULL);
	pthread_sigmask(SIG_SETMASK, &oldsigs, NULL);
	return status;
}
