/*
 * The archive: what the build writes over every issue, after the issues
 * themselves.  Each issue's heads (its pages and story heads, without
 * the bodies) are kept in OUT/.press/heads/<id>.xml when it is built;
 * the archive's outputs (outputs.yaml's over: archive and month) are
 * rendered from them, and an issue whose folder went is withdrawn.
 */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/xmlreader.h>

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


/*
 * The archive is rendered a month at a time, from the heads on disk, so
 * that a build holds one month of heads, not the archive's.  Each month
 * that has an issue gets the over: month outputs (往期回顾's page, the
 * sitemap's file of the month) over
 *
 *   <archive paper="…" url="…" month="2024-06">
 *     <issue …>…</issue>…                the month's issues, newest first
 *     <month id="2024-06" last="2024-06-30" issues="30"/>…   every month
 *   </archive>
 *
 * and the over: archive outputs (the sitemap index, robots.txt) run once
 * over the <archive> of <month>s alone.  OUT/.press/months keeps, a line
 * an issue, "ID HASH DATE": its heads' hash and date at the last build.
 * A month is rendered again when one of its issues' heads changed,
 * came or went; every month when the list of months changed (each page
 * steps to the others) or a template asks for it.  A month left without
 * issues loses its files.
 */

/* One issue of the archive. */
struct held {
	const char *id;
	char date[11];  /* YYYY-MM-DD */
	uint64_t hash;  /* of its heads */
};

/* One month with issues. */
struct month {
	char id[8];     /* YYYY-MM */
	char last[11];  /* its newest issue's date */
	size_t issues;
};

static void
mark(struct strmap *dirty, const char *date)
{
	char m[8];

	if (strlen(date) < 7)
		return;
	memcpy(m, date, 7);
	m[7] = '\0';
	strmap_put(dirty, m, "");
}

/* The date of the issue whose heads are in path, into date; 0 if the
 * file cannot be read or has none.  Only its first element is read. */
static int
heads_date(const char *path, char *date)
{
	xmlTextReaderPtr r = xmlReaderForFile(path, NULL, XML_PARSE_NONET);
	xmlChar *d = NULL;
	int ok = 0;

	if (r == NULL)
		return 0;
	while (xmlTextReaderRead(r) == 1)
		if (xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT) {
			d = xmlTextReaderGetAttribute(r, X("date"));
			break;
		}
	if (d != NULL && xmlStrlen(d) == 10) {
		memcpy(date, d, 11);
		ok = 1;
	}
	xmlFree(d);
	xmlFreeTextReader(r);
	return ok;
}

static int
month_desc(const void *a, const void *b)
{
	return strcmp(((const struct month *)b)->id,
	              ((const struct month *)a)->id);
}

/* <archive paper url> with a <month> for each of the n months. */
static xmlDocPtr
archive_doc(const struct paper *paper, const struct month *months, size_t n)
{
	xmlDocPtr doc = xmlNewDoc(X("1.0"));
	xmlNodePtr root = xmlNewDocNode(doc, NULL, X("archive"), NULL), m;
	size_t i;

	xmlDocSetRootElement(doc, root);
	xmlNewProp(root, X("paper"), X(paper->name));
	if (paper->url != NULL)
		xmlNewProp(root, X("url"), X(paper->url));
	for (i = 0; i < n; i++) {
		char count[32];

		m = xmlNewChild(root, NULL, X("month"), NULL);
		xmlNewProp(m, X("id"), X(months[i].id));
		xmlNewProp(m, X("last"), X(months[i].last));
		snprintf(count, sizeof(count), "%zu", months[i].issues);
		xmlNewProp(m, X("issues"), X(count));
	}
	return doc;
}

/* Renders month's outputs over its issues' heads (of the nheld held,
 * newest first) and the list of months. */
static void
render_one_month(const struct build_opts *opts, const struct paper *paper,
                 const struct month *months, size_t nmonths,
                 const struct held *held, size_t nheld, const char *month)
{
	xmlDocPtr doc = archive_doc(paper, months, nmonths), one;
	xmlNodePtr root = xmlDocGetRootElement(doc), first = root->children;
	size_t i;

	xmlNewProp(root, X("month"), X(month));
	for (i = 0; i < nheld; i++) {
		char *path;

		if (strncmp(held[i].date, month, 7) != 0)
			continue;
		path = xasprintf("%s/.press/heads/%s.xml", opts->out, held[i].id);
		if ((one = xmlReadFile(path, NULL, XML_PARSE_NONET)) != NULL) {
			xmlNodePtr copy = xmlDocCopyNode(xmlDocGetRootElement(one), doc, 1);

			/* The issues before the months, newest first. */
			if (first != NULL)
				xmlAddPrevSibling(first, copy);
			else
				xmlAddChild(root, copy);
			xmlFreeDoc(one);
		}
		free(path);
	}
	render_month(doc, opts->out, month);
	xmlFreeDoc(doc);
}

/* Removes the files the month outputs wrote for a month that has no
 * issue now. */
static void
unpublish_month(const char *out, const char *month)
{
	char **list = render_paths_month(month);
	size_t i;

	for (i = 0; list[i] != NULL; i++) {
		char *path = xasprintf("%s/%s", out, list[i]);

		if (unlink(path) != 0 && errno != ENOENT)
			diag(path, 0, 0, D_WRITE, strerror(errno));
		free(path);
		free(list[i]);
	}
	free(list);
}

/* A line of OUT/.press/months into old: id → "HASH DATE". */
static void
held_line(char *line, void *old)
{
	char *sp = strchr(line, ' ');

	if (sp != NULL) {
		*sp = '\0';
		strmap_put(old, line, sp + 1);
	}
}

void
archive_render(const struct build_opts *opts, const struct paper *paper,
               const char *const *ids, size_t n, int newest, struct cache *cache,
               int look)
{
	struct strmap old = {0}, now = {0}, dirty = {0};
	struct held *held = xcalloc(n ? n : 1, sizeof(*held));
	struct month *months = NULL;
	struct buf list = {0};
	size_t nheld = 0, nmonths = 0, i, k;
	char *index = xasprintf("%s/.press/months", opts->out);
	uint64_t h = 1;
	xmlDocPtr one;
	int all = look;

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

	/* Which issues have heads, their dates, and the months whose
	 * issues changed. */
	each_line(index, held_line, &old);
	buf_add(&list, "", 0);
	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/.press/heads/%s.xml", opts->out, ids[i]);
		struct held *e = &held[nheld];
		const char *was = strmap_get(&old, ids[i]);
		uint64_t oh = 0;
		char od[11] = "";

		memset(e, 0, sizeof(*e));
		e->id = ids[i];
		e->hash = cache_file(cache, path);
		if (was != NULL)
			sscanf(was, "%" SCNx64 " %10s", &oh, od);
		if (e->hash != 0 && oh == e->hash && strlen(od) == 10)
			memcpy(e->date, od, 11);
		else if (e->hash == 0 || !heads_date(path, e->date))
			e->hash = 0;
		free(path);
		if (e->hash != oh || strcmp(e->date, od) != 0) {
			mark(&dirty, od);
			if (e->hash != 0)
				mark(&dirty, e->date);
		}
		strmap_put(&now, ids[i], "");
		if (e->hash == 0)
			continue;
		{
			char *line = xasprintf("%s %016" PRIx64 " %s\n", e->id, e->hash,
			                       e->date);

			buf_adds(&list, line);
			free(line);
		}
		nheld++;
	}
	/* Issues gone since (withdrawn): their months change. */
	for (i = 0; i < old.cap; i++)
		if (old.keys[i] != NULL && strmap_get(&now, old.keys[i]) == NULL) {
			const char *sp = strchr(old.vals[i], ' ');

			if (sp != NULL)
				mark(&dirty, sp + 1);
		}

	/* The months, newest first, each with its newest date. */
	for (i = 0; i < nheld; i++) {
		char m[8];

		memcpy(m, held[i].date, 7);
		m[7] = '\0';
		for (k = 0; k < nmonths && strcmp(months[k].id, m) != 0; k++)
			continue;
		if (k == nmonths) {
			months = xrealloc(months, (nmonths + 1) * sizeof(*months));
			memset(&months[k], 0, sizeof(*months));
			memcpy(months[k].id, m, 8);
			nmonths++;
		}
		if (strcmp(held[i].date, months[k].last) > 0)
			memcpy(months[k].last, held[i].date, 11);
		months[k].issues++;
	}
	if (nmonths > 0)
		qsort(months, nmonths, sizeof(*months), month_desc);
	for (i = 0; i < nmonths; i++)
		h = hash_bytes(months[i].id, 8, h);
	if (cache_get(cache, "archive-months") != h)
		all = 1;
	cache_set(cache, "archive-months", h);

	/* Each month that changed, or all of them, when its outputs would
	 * be rendered at all. */
	if (render_wants(OVER_MONTH))
		for (i = 0; i < nmonths; i++)
			if (all || strmap_get(&dirty, months[i].id) != NULL)
				render_one_month(opts, paper, months, nmonths, held, nheld,
				                 months[i].id);
	for (i = 0; i < dirty.cap; i++)
		if (dirty.keys[i] != NULL) {
			for (k = 0; k < nmonths && strcmp(months[k].id, dirty.keys[i]); k++)
				continue;
			if (k == nmonths)
				unpublish_month(opts->out, dirty.keys[i]);
		}
	if (all || dirty.n > 0) {
		xmlDocPtr doc = archive_doc(paper, months, nmonths);

		render_over(OVER_ARCHIVE, doc, opts->out, NULL, NULL, NULL);
		xmlFreeDoc(doc);
	}
	out_write(index, list.data, list.len);
	buf_free(&list);
	strmap_free(&old);
	strmap_free(&now);
	strmap_free(&dirty);
	free(months);
	free(held);
	free(index);
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
 * go, then its heads, its list and what the cache kept of it.
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
			/* Files under out (out_record()). */
			for (line = list->text; (nl = strchr(line, '\n')) != NULL;
			     line = nl + 1) {
				char *full;

				*nl = '\0';
				full = xasprintf("%s/%s", opts->out, line);
				unlink(full);
				free(full);
			}
			src_free(list);
		}
		unlink(path);
		free(path);
		path = xasprintf("%s/.press/heads/%s.xml", opts->out, e->d_name);
		unlink(path);
		free(path);
		/* What the cache kept of its folder and its files. */
		path = xasprintf("%s/.press/trees/%s", opts->out, e->d_name);
		unlink(path);
		free(path);
		path = xasprintf("%s/.press/made/%s", opts->out, e->d_name);
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
