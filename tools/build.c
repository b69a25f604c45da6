/*
 * The build: the driver above the pipeline.  For each issue folder it
 * runs the issue stage (issue.c), writes the checked print XML, renders
 * every output outputs.yaml lists (render.c) and copies the photos; then
 * the archive.  A preview does the same for one story alone.
 *
 *   out/print/<issue>/issue.xml      the issue for the layout desk
 *   out/print/<issue>/<slug>.xml     one story each
 *   out/…                            what templates/outputs.yaml lists
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "press.h"

#define X(s) ((const xmlChar *)(s))

/* Photo paths of the figures under n, relative to the issue folder. */
struct images {
	char **paths;
	size_t n;
};

static void
collect_images(struct images *is, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "figure") == 0) {
			xmlChar *href = xmlGetProp(n, X("href"));

			is->paths = xrealloc(is->paths, (is->n + 1) * sizeof(char *));
			is->paths[is->n++] = xstrdup((const char *)href);
			xmlFree(href);
		}
		collect_images(is, n->children);
	}
}


/* Copies each photo from the folder src to the folder dst. */
static void
copy_images(struct images *im, const char *src, const char *dst)
{
	size_t i;

	for (i = 0; i < im->n; i++) {
		char *from = xasprintf("%s/%s", src, im->paths[i]);
		char *to = xasprintf("%s/%s", dst, im->paths[i]);

		out_copy(from, to);
		free(from);
		free(to);
	}
}

static void
images_free(struct images *im)
{
	size_t i;

	for (i = 0; i < im->n; i++)
		free(im->paths[i]);
	free(im->paths);
}

/*
 * Writes a checked issue: its print XML, each story's own print XML,
 * every rendered output, and its photos.
 */
static void
write_issue(const struct build_opts *opts, xmlDocPtr doc, const char *dir)
{
	const char *out = opts->out, *enc = opts->print_encoding;
	xmlNodePtr root = xmlDocGetRootElement(doc), page, story;
	xmlChar *id = xmlGetProp(root, X("id"));
	struct images im = {0};
	char *path;

	path = xasprintf("%s/print/%s/issue.xml", out, id);
	out_write_xml(path, doc, enc);
	free(path);
	render_over(OVER_ISSUE, doc, out, (char *)id, NULL, NULL);
	for (page = root->children; page != NULL; page = page->next) {
		xmlChar *no = xmlGetProp(page, X("no"));

		render_over(OVER_PAGE, doc, out, (char *)id, (char *)no, NULL);
		for (story = page->children; story != NULL; story = story->next) {
			xmlChar *slug = xmlGetProp(story, X("slug"));
			xmlDocPtr one = xmlNewDoc(X("1.0"));
			xmlNodePtr copy = xmlDocCopyNode(story, one, 1);

			/* The story alone, as press.rng's start allows. */
			xmlDocSetRootElement(one, copy);
			xmlNewProp(copy, X("schema-version"), X("1"));
			xmlNodeSetLang(copy, X("zh-CN"));
			path = xasprintf("%s/print/%s/%s.xml", out, id, slug);
			out_write_xml(path, one, enc);
			free(path);
			xmlFreeDoc(one);
			render_over(OVER_STORY, doc, out, (char *)id, (char *)no,
			            (char *)slug);
			xmlFree(slug);
		}
		xmlFree(no);
	}
	collect_images(&im, root->children);
	path = xasprintf("%s/site/%s", out, id);
	copy_images(&im, dir, path);
	free(path);
	path = xasprintf("%s/print/%s", out, id);
	copy_images(&im, dir, path);
	free(path);
	images_free(&im);
	xmlFree(id);
}

static int
by_name_desc(const void *a, const void *b)
{
	return strcmp(*(char *const *)b, *(char *const *)a);
}

/* The issue folders under articles, newest (largest name) first. */
static char **
issue_dirs(const char *articles, size_t *n)
{
	DIR *d = opendir(articles);
	struct dirent *e;
	struct stat sb;
	char **dirs = NULL, *path;

	*n = 0;
	if (d == NULL) {
		diag(articles, 0, 0, D_READ, "cannot open the articles folder");
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s/issue.yaml", articles, e->d_name);
		if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
			dirs = xrealloc(dirs, (*n + 1) * sizeof(char *));
			dirs[(*n)++] = xasprintf("%s/%s", articles, e->d_name);
		}
		free(path);
	}
	closedir(d);
	if (*n > 0)
		qsort(dirs, *n, sizeof(char *), by_name_desc);
	return dirs;
}

/* The archive: every issue's pages and story heads, newest first. */
static void
render_archive(const struct build_opts *opts, const struct paper *paper,
               xmlDocPtr *docs, size_t n)
{
	xmlDocPtr doc = xmlNewDoc(X("1.0"));
	xmlNodePtr root = xmlNewDocNode(doc, NULL, X("archive"), NULL);
	xmlNodePtr issue, page, story, body;
	size_t i;

	xmlDocSetRootElement(doc, root);
	xmlNewProp(root, X("paper"), X(paper->name));
	if (paper->url != NULL)
		xmlNewProp(root, X("url"), X(paper->url));
	for (i = 0; i < n; i++) {
		if (docs[i] == NULL)
			continue;
		issue = xmlDocCopyNode(xmlDocGetRootElement(docs[i]), doc, 1);
		xmlAddChild(root, issue);
		/* The newest issue keeps its bodies, for the feed. */
		if (issue == root->children)
			continue;
		for (page = issue->children; page != NULL; page = page->next)
			for (story = page->children; story != NULL; story = story->next)
				if ((body = story->last) != NULL &&
				    strcmp((const char *)body->name, "body") == 0) {
					xmlUnlinkNode(body);
					xmlFreeNode(body);
				}
	}
	render_over(OVER_ARCHIVE, doc, opts->out, NULL, NULL, NULL);
	xmlFreeDoc(doc);
}

void
build_all(const struct build_opts *opts, char **paths, int npaths)
{
	struct paper paper;
	char **dirs;
	xmlDocPtr *docs;
	size_t n, i;

	check_load(opts->articles);
	if (!paper_load(&paper, opts->articles) || !schema_load(opts->templates) ||
	    !render_load(opts->templates, opts->print_encoding)) {
		paper_free(&paper);
		return;
	}
	if (npaths > 0) {
		/* Only the issues asked for; the archive stays as it is. */
		for (i = 0; i < (size_t)npaths; i++) {
			size_t len = strlen(paths[i]);

			while (len > 1 && paths[i][len - 1] == '/')
				paths[i][--len] = '\0';
			xmlDocPtr doc = issue_load(opts, &paper, paths[i]);

			if (doc != NULL)
				write_issue(opts, doc, paths[i]);
			xmlFreeDoc(doc);
		}
		render_copies(opts->out, 0);
		paper_free(&paper);
		return;
	}
	dirs = issue_dirs(opts->articles, &n);
	docs = xcalloc(n, sizeof(*docs));
	for (i = 0; i < n; i++)
		if ((docs[i] = issue_load(opts, &paper, dirs[i])) != NULL)
			write_issue(opts, docs[i], dirs[i]);
	render_archive(opts, &paper, docs, n);
	render_copies(opts->out, 0);
	for (i = 0; i < n; i++) {
		xmlFreeDoc(docs[i]);
		free(dirs[i]);
	}
	free(docs);
	free(dirs);
	paper_free(&paper);
}

int
build_preview(const struct build_opts *opts, const char *path,
              const char *dir)
{
	check_load(opts->articles); /* before story_load: it proofreads */
	struct story *st = story_load(path);
	struct paper paper = {0};
	struct images im = {0};
	xmlDocPtr doc;
	char *html = NULL, *xml, *storydir, *paperfile;
	int ok = 0;

	/* The paper's column width when there is a paper.yaml to read. */
	paperfile = xasprintf("%s/paper.yaml", opts->articles);
	if (access(paperfile, R_OK) == 0)
		paper_load(&paper, opts->articles);
	free(paperfile);
	if (st == NULL || !st->ok || !schema_load(opts->templates) ||
	    !render_load(opts->templates, NULL)) {
		story_free(st);
		paper_free(&paper);
		return 0;
	}
	doc = storyxml_doc(st, paper.line_chars > 0 ? paper.line_chars : 13);
	storydir = xstrdup(path);
	*(strrchr(storydir, '/') ? strrchr(storydir, '/') : storydir) = '\0';
	if (!schema_validate(doc, *storydir ? storydir : ".", path))
		goto out;
	xml = xasprintf("%s/%s.xml", dir, st->slug);
	if (out_write_xml(xml, doc, NULL))
		html = render_preview(doc, dir, st->slug);
	free(xml);
	collect_images(&im, xmlDocGetRootElement(doc)->children);
	copy_images(&im, *storydir ? storydir : ".", dir);
	images_free(&im);
	render_copies(dir, 1);
	if (html != NULL)
		printf("%s\n", html);
	ok = html != NULL;
out:
	free(html);
	free(storydir);
	xmlFreeDoc(doc);
	story_free(st);
	paper_free(&paper);
	return ok;
}
