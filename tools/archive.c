/*
 * The archive: what the build writes over every issue, after the issues
 * themselves.  Each issue's heads (its pages and story heads, without
 * the bodies) are kept in OUT/.press/heads/<id>.xml when it is built;
 * the archive's outputs (outputs.yaml's over: archive and month) are
 * rendered from them, and an issue whose folder went is withdrawn.
 */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "press.h"

#define X(s) ((const xmlChar *)(s))

/* The issue with story heads only: what the archive needs of it.  The
 * counts that follow the body (字数, lines) go too, so that an edit
 * inside a story leaves its issue's heads, and the archive, as they
 * were. */
void
archive_heads(const struct build_opts *opts, xmlDocPtr doc, const char *id)
{
	xmlDocPtr heads = xmlCopyDoc(doc, 1);
	xmlNodePtr page, story, body;
	char *path = xasprintf("%s/.press/heads/%s.xml", opts->out, id);

	for (page = xmlDocGetRootElement(heads)->children; page; page = page->next)
		for (story = page->children; story; story = story->next)
			/* The body is last but for a jump line (转版). */
			for (body = story->children; body; body = body->next)
				if (strcmp((const char *)body->name, "body") == 0) {
					xmlUnlinkNode(body);
					xmlFreeNode(body);
					xmlUnsetProp(story, X("chars"));
					xmlUnsetProp(story, X("lines"));
					break;
				}
	out_write_xml(path, heads, NULL);
	xmlFreeDoc(heads);
	free(path);
}


/* The archive's pages a month at a time (往期 as a calendar): each
 * month that has an issue, once, over the whole archive. */
static void
render_months(xmlDocPtr doc, const char *out)
{
	struct strmap seen = {0};
	xmlNodePtr issue;

	for (issue = xmlDocGetRootElement(doc)->children; issue != NULL;
	     issue = issue->next) {
		xmlChar *date = xmlGetProp(issue, X("date"));
		char month[8];

		if (date != NULL && strlen((const char *)date) >= 7) {
			memcpy(month, date, 7);
			month[7] = '\0';
			if (strmap_get(&seen, month) == NULL) {
				strmap_put(&seen, month, "");
				render_month(doc, out, month);
			}
		}
		xmlFree(date);
	}
	strmap_free(&seen);
}

/* The archive: every issue's pages and story heads, newest first, and
 * the newest issue whole for feeds.  When none of the heads changed (an
 * edit inside a story), and no template did, the archive's outputs
 * stand. */
void
archive_render(const struct build_opts *opts, const struct paper *paper,
               const char *const *ids, size_t n, int newest, struct cache *cache,
               int look)
{
	xmlDocPtr doc, one;
	xmlNodePtr root;
	char **paths = xcalloc(n ? n : 1, sizeof(char *));
	uint64_t h = 1, fh;
	size_t i;

	/* The newest issue for feeds, when it or a template changed. */
	if (n > 0 && (look || newest)) {
		char *path = xasprintf("%s/print/%s/issue.xml", opts->out, ids[0]);

		if ((one = access(path, R_OK) == 0 ?
		     xmlReadFile(path, NULL, XML_PARSE_NONET) : NULL) != NULL)
			render_over(OVER_LATEST, one, opts->out, ids[0], NULL,
			            NULL);
		xmlFreeDoc(one);
		free(path);
	}
	for (i = 0; i < n; i++) {
		paths[i] = xasprintf("%s/.press/heads/%s.xml", opts->out, ids[i]);
		fh = cache_file(cache, paths[i]);
		h = hash_bytes(&fh, sizeof(fh), h);
	}
	if (!look && cache_get(cache, "archive") == h) {
		cache_keep(cache, "archive");
		goto out;
	}
	cache_set(cache, "archive", h);
	doc = xmlNewDoc(X("1.0"));
	root = xmlNewDocNode(doc, NULL, X("archive"), NULL);
	xmlDocSetRootElement(doc, root);
	xmlNewProp(root, X("paper"), X(paper->name));
	if (paper->url != NULL)
		xmlNewProp(root, X("url"), X(paper->url));
	for (i = 0; i < n; i++) {
		one = access(paths[i], R_OK) == 0 ?
		      xmlReadFile(paths[i], NULL, XML_PARSE_NONET) : NULL;
		if (one == NULL)
			continue;
		xmlAddChild(root, xmlDocCopyNode(xmlDocGetRootElement(one), doc, 1));
		xmlFreeDoc(one);
	}
	render_over(OVER_ARCHIVE, doc, opts->out, NULL, NULL, NULL);
	render_months(doc, opts->out);
	xmlFreeDoc(doc);
out:
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

static int
remove_one(const char *path, const struct stat *sb, int flag, struct FTW *f)
{
	(void)sb;
	(void)flag;
	(void)f;
	if (remove(path) != 0 && errno != ENOENT)
		diag(path, 0, 0, D_WRITE, strerror(errno));
	return 0;
}

/*
 * Unpublishes the issues a build of all of them no longer finds: those
 * with a list of files written (OUT/.press/files/<id>) but no folder.
 * The files of the list and the issue's folders under site/ and print/
 * go, then its heads and its list.
 */
void
archive_withdraw(const struct build_opts *opts, const char *const *ids,
                 size_t n)
{
	char *dir = xasprintf("%s/.press/files", opts->out), *path, *line, *nl;
	DIR *d = opendir(dir);
	struct dirent *e;
	struct src *list;
	size_t i;

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		for (i = 0; i < n && strcmp(ids[i], e->d_name) != 0; i++)
			continue;
		if (i < n)
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if ((list = src_read(path)) != NULL) {
			for (line = list->text; (nl = strchr(line, '\n')) != NULL;
			     line = nl + 1) {
				*nl = '\0';
				unlink(line);
			}
			src_free(list);
		}
		unlink(path);
		free(path);
		path = xasprintf("%s/.press/heads/%s.xml", opts->out, e->d_name);
		unlink(path);
		free(path);
		path = xasprintf("%s/site/%s", opts->out, e->d_name);
		nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
		free(path);
		path = xasprintf("%s/print/%s", opts->out, e->d_name);
		nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
		free(path);
	}
	if (d != NULL)
		closedir(d);
	free(dir);
}
