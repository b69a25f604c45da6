/*
 * The build: the driver above the pipeline.  For each issue folder it
 * runs the issue stage (issue.c), writes the checked print XML, renders
 * every output outputs.yaml lists (render.c) and copies the photos; then
 * the archive (archive.c).  A preview does the same for one story alone.
 *
 *   out/print/<issue>/issue.xml      the issue for the layout desk
 *   out/print/<issue>/<slug>.xml     one story each
 *   out/…                            what templates/outputs.yaml lists
 *   out/.press/                      the cache (cache.c) and story heads
 *
 * A build redoes only what changed (cache.c judges by content): an issue
 * whose folder and settings are as before, and whose files are all as
 * the last build wrote them, is skipped; when the files an output was
 * made from changed (render_dirty), that output is rendered again from
 * the print XML; any other issue is built.  Issues are independent, so they are built by worker processes
 * in parallel (-j); the files are the same whatever the number.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
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


static void
images_free(struct images *im)
{
	size_t i;

	for (i = 0; i < im->n; i++)
		free(im->paths[i]);
	free(im->paths);
}

/* Copies each photo from the folder src to the folders dst (ndst of
 * them).  A photo that is missing was reported (a warning) when its
 * story was read; one that is no longer a photo is reported now. */
static void
copy_images(struct images *im, const char *src, const char *const *dst,
            size_t ndst)
{
	size_t i, k;
	char **to = xcalloc(ndst, sizeof(char *));

	for (i = 0; i < im->n; i++) {
		char *from = xasprintf("%s/%s", src, im->paths[i]);

		struct stat sb;

		if (stat(from, &sb) == 0 && S_ISREG(sb.st_mode)) {
			for (k = 0; k < ndst; k++)
				to[k] = xasprintf("%s/%s", dst[k], im->paths[i]);
			photo_copy(from, im->paths[i], (const char *const *)to, ndst);
			for (k = 0; k < ndst; k++)
				free(to[k]);
		}
		free(from);
	}
	free(to);
}

/*
 * What a build will write is claimed before anything is written: each
 * path under out/ (normal(): no "." segments, no "//") with its owner,
 * a story, a photo, issue.yaml or outputs.yaml.  A path that two owners
 * claim would be written twice, the second copy replacing the first.
 */

/* path without "." segments and repeated slashes ("img/./a.jpg" is
 * "img/a.jpg"); ".." never gets here (validate_relpath). */
static char *
normal(const char *path)
{
	char *s = xstrdup(path), *o = s;
	const char *p = path;

	while (*p != '\0') {
		if ((p == path || p[-1] == '/') && p[0] == '.' &&
		    (p[1] == '/' || p[1] == '\0')) {
			p += p[1] == '/' ? 2 : 1;
			continue;
		}
		if (*p == '/' && (o == s || o[-1] == '/')) {
			p++;
			continue;
		}
		*o++ = *p++;
	}
	if (o > s && o[-1] == '/')
		o--;
	*o = '\0';
	return s;
}

static void
claim(struct strmap *c, const char *path, const char *owner)
{
	char *p = normal(path);

	strmap_put(c, p, owner);
	free(p);
}

/* Adds out/<each of list> (render_paths) to want, and frees list. */
static void
want_paths(struct strmap *want, char **list, const char *owner)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++) {
		claim(want, list[i], owner);
		free(list[i]);
	}
	free(list);
}

/* Claims the paths an issue's own files take (the archive's, the
 * latest issue's, issue.xml and the issue's outputs) for yaml, its
 * issue.yaml. */
static void
claim_outputs(const struct build_opts *opts, struct strmap *c,
              const char *id, const char *yaml)
{
	char *outputs = xasprintf("%s/outputs.yaml", opts->templates);
	char *p = xasprintf("print/%s/issue.xml", id);

	want_paths(c, render_paths(OVER_ARCHIVE, NULL, NULL, NULL), outputs);
	want_paths(c, render_paths(OVER_LATEST, NULL, NULL, NULL), outputs);
	claim(c, p, yaml);
	want_paths(c, render_paths(OVER_ISSUE, id, NULL, NULL), yaml);
	free(p);
	free(outputs);
}

/*
 * Claims the paths story file (slug, on page no of issue id in folder
 * dir, its figures under the element list first) will write.  One that
 * another owner of c holds is an error naming both (out: the build's
 * folder, for the message); else they join c.  Returns 0 after an error.
 */
static int
claim_story(struct strmap *c, const char *out, const char *id,
            const char *no, const char *slug, const char *file,
            const char *dir, xmlNodePtr first)
{
	struct strmap mine = {0};
	struct images im = {0};
	int taken = 0;
	size_t i;
	char *p = xasprintf("print/%s/%s.xml", id, slug);

	claim(&mine, p, file);
	free(p);
	want_paths(&mine, render_paths(OVER_STORY, id, no, slug), file);
	collect_images(&im, first);
	for (i = 0; i < im.n; i++) {
		char *photo = xasprintf("%s/%s", dir, im.paths[i]);

		p = xasprintf("site/%s/%s", id, im.paths[i]);
		claim(&mine, p, photo);
		free(p);
		p = xasprintf("print/%s/%s", id, im.paths[i]);
		claim(&mine, p, photo);
		free(p);
		free(photo);
	}
	images_free(&im);
	for (i = 0; i < mine.cap; i++) {
		const char *other;
		char *where;

		if (mine.keys[i] == NULL ||
		    (other = strmap_get(c, mine.keys[i])) == NULL ||
		    strcmp(other, mine.vals[i]) == 0)
			continue;
		where = xasprintf("%s/%s", out, mine.keys[i]);
		diag(file, 0, 0, D_PATH_TAKEN, where, other, mine.vals[i]);
		free(where);
		taken = 1;
	}
	for (i = 0; !taken && i < mine.cap; i++)
		if (mine.keys[i] != NULL)
			strmap_put(c, mine.keys[i], mine.vals[i]);
	strmap_free(&mine);
	return !taken;
}

/*
 * Claims every path the build of an issue will write, the issue's own
 * files first, then each story's in page order with its photos.  A story
 * that claims a path another owner holds (a slug 'issue', a photo named
 * as an output) is reported, naming both, and taken off its page before
 * anything is written.  Returns 0 if one was.
 */
static int
claim_issue(const struct build_opts *opts, xmlDocPtr doc, const char *dir)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), page, story, next;
	xmlChar *id = xmlGetProp(root, X("id"));
	char *yaml = xasprintf("%s/issue.yaml", dir);
	struct strmap c = {0};
	int ok = 1;

	claim_outputs(opts, &c, (char *)id, yaml);
	for (page = root->children; page != NULL; page = page->next) {
		xmlChar *no = xmlGetProp(page, X("no"));

		want_paths(&c, render_paths(OVER_PAGE, (char *)id, (char *)no, NULL),
		           yaml);
		{
			static const char *const files[] = {"pdf", "image", NULL};
			size_t k;

			for (k = 0; files[k] != NULL; k++) {
				xmlChar *f = xmlGetProp(page, X(files[k]));

				if (f != NULL) {
					char *p = xasprintf("site/%s/%s", id, f);

					claim(&c, p, yaml);
					free(p);
				}
				xmlFree(f);
			}
		}
		xmlFree(no);
	}
	for (page = root->children; page != NULL; page = page->next)
		for (story = page->children; story != NULL; story = next) {
			xmlChar *no = xmlGetProp(page, X("no"));
			xmlChar *slug = xmlGetProp(story, X("slug"));
			xmlChar *src = xmlGetProp(story, X("source"));
			char *file = xasprintf("%s/%s", dir, src);

			next = story->next;
			if (!claim_story(&c, opts->out, (char *)id, (char *)no,
			                 (char *)slug, file, dir, story->children)) {
				xmlUnlinkNode(story);
				xmlFreeNode(story);
				ok = 0;
			}
			free(file);
			xmlFree(src);
			xmlFree(slug);
			xmlFree(no);
		}
	strmap_free(&c);
	free(yaml);
	xmlFree(id);
	return ok;
}

/*
 * Writes a checked issue: its print XML, each story's own print XML,
 * every rendered output, and its photos.  A story withheld from print
 * is in the web edition only (issue_print()).
 */
static void
write_issue(const struct build_opts *opts, xmlDocPtr doc, const char *dir)
{
	const char *out = opts->out, *enc = opts->print_encoding;
	xmlNodePtr root = xmlDocGetRootElement(doc), page, story;
	xmlChar *id = xmlGetProp(root, X("id"));
	xmlDocPtr print = issue_print(doc);
	struct images im = {0};
	char *path;

	path = xasprintf("%s/print/%s/issue.xml", out, id);
	out_write_xml(path, print != NULL ? print : doc, enc);
	free(path);
	render_print(print, 0);
	render_over(OVER_ISSUE, doc, out, (char *)id, NULL, NULL);
	for (page = root->children; page != NULL; page = page->next) {
		xmlChar *no = xmlGetProp(page, X("no"));

		render_over(OVER_PAGE, doc, out, (char *)id, (char *)no, NULL);
		/* The layout desk's PDF of the page, for readers. */
		{
			xmlChar *pdf = xmlGetProp(page, X("pdf"));

			if (pdf != NULL) {
				char *from = xasprintf("%s/%s", dir, pdf);
				char *to = xasprintf("%s/site/%s/%s", out, id, pdf);

				out_copy(from, to);
				free(from);
				free(to);
			}
			xmlFree(pdf);
		}
		/* The picture of the printed page, for the page view. */
		{
			xmlChar *img = xmlGetProp(page, X("image"));

			if (img != NULL) {
				char *from = xasprintf("%s/%s", dir, img);
				char *to = xasprintf("%s/site/%s/%s", out, id, img);
				const char *dst[] = {to};

				photo_copy(from, (const char *)img, dst, 1);
				free(from);
				free(to);
			}
			xmlFree(img);
		}
		xmlFree(no);
	}
	/* Each story's own files, over the issue with the other stories'
	 * bodies set aside (render_aside()). */
	for (page = root->children; page != NULL; page = page->next) {
		xmlChar *no = xmlGetProp(page, X("no"));

		for (story = page->children; story != NULL; story = story->next) {
			xmlChar *slug;

			if (!xmlStrEqual(story->name, X("story")))
				continue; /* <left-out/> */
			slug = xmlGetProp(story, X("slug"));
			render_aside(doc, (char *)slug);
			render_aside(print, (char *)slug);
			xmlDocPtr one = xmlNewDoc(X("1.0"));
			xmlNodePtr copy = xmlDocCopyNode(story, one, 1);

			/* The story alone, as press.rng's start allows. */
			xmlDocSetRootElement(one, copy);
			xmlNewProp(copy, X("schema-version"), X("1"));
			xmlNodeSetLang(copy, X("zh-CN"));
			/* Where it stands: paper, issue, its date, page. */
			{
				xmlChar *v = xmlGetProp(root, X("paper"));

				xmlNewProp(copy, X("paper"), v);
				xmlFree(v);
				xmlNewProp(copy, X("issue"), id);
				v = xmlGetProp(root, X("date"));
				xmlNewProp(copy, X("issue-date"), v);
				xmlFree(v);
				xmlNewProp(copy, X("page"), no);
			}
			path = xasprintf("%s/print/%s/%s.xml", out, id, slug);
			if (!xmlHasProp(story, X("withheld")))
				out_write_xml(path, one, enc);
			free(path);
			xmlFreeDoc(one);
			render_print(print, xmlHasProp(story, X("withheld")) != NULL);
			render_over(OVER_STORY, doc, out, (char *)id, (char *)no,
			            (char *)slug);
			render_print(print, 0);
			xmlFree(slug);
		}
		xmlFree(no);
	}
	render_aside(doc, NULL);
	render_aside(print, NULL);
	render_print(NULL, 0);
	xmlFreeDoc(print);
	collect_images(&im, root->children);
	{
		char *to[2];

		to[0] = xasprintf("%s/site/%s", out, id);
		to[1] = xasprintf("%s/print/%s", out, id);
		copy_images(&im, dir, (const char *const *)to, 2);
		free(to[0]);
		free(to[1]);
	}
	images_free(&im);
	xmlFree(id);
}

/* What a build does with one issue. */
enum todo {
	TODO_SKIP,   /* nothing changed: its files stand */
	TODO_RENDER, /* only templates changed: render its print XML again */
	TODO_FULL,   /* its stories or settings changed: build it */
	TODO_MAX
};

/* One issue of a build. */
struct job {
	char *dir;        /* articles/<id> */
	const char *id;   /* the folder's name */
	uint64_t content; /* its folder and every shared input but templates */
	enum todo todo;
	unsigned stories; /* .md files in its folder, for progress */
	int status;       /* 0 built, 1 built with errors or not at all */
};

/* Counts what a build has done, for the progress line. */
struct progress {
	int show;      /* stderr is a terminal and the build is long */
	unsigned done, total;
	struct timespec start;
};

static double
seconds_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) +
	       (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void
progress_add(struct progress *p, unsigned n)
{
	double t, rate;

	p->done += n;
	if (!p->show)
		return;
	t = seconds_since(&p->start);
	rate = t > 0 ? p->done / t : 0;
	fprintf(stderr, "\rpress: %u/%u stories, %.0f/s, %.0f s left\033[K",
	        p->done, p->total, rate,
	        rate > 0 ? (p->total - p->done) / rate : 0.0);
}

static void
progress_end(struct progress *p)
{
	if (p->show)
		fputs("\r\033[K", stderr);
}

static unsigned
count_stories(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	unsigned n = 0;
	size_t len;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL)
		if ((len = strlen(e->d_name)) > 3 &&
		    strcmp(e->d_name + len - 3, ".md") == 0)
			n++;
	closedir(d);
	return n;
}


/*
 * Keeps the list of files an issue's build wrote (OUT/.press/files/<id>).
 * After a clean full build, the files of the last list that were not
 * written again (a story taken off its page, a page dropped) are
 * removed; otherwise the lists are merged, and nothing goes: a story
 * with errors keeps its last good page.  A file that is no longer there
 * (the archive's page of a month left without issues) leaves the list.
 */
static void
forget(const struct build_opts *opts, const char *id, struct buf *now,
       int clean)
{
	char *path = xasprintf("%s/.press/files/%s", opts->out, id);
	struct buf old = {0}, keep = {0};
	struct strmap written = {0};
	char chunk[65536], *line, *nl, *full;
	size_t n;
	FILE *f;

	buf_add(&old, "", 0);
	if ((f = fopen(path, "rb")) != NULL) {
		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_add(&old, chunk, n);
		fclose(f);
	}
	buf_add(&keep, now->data, now->len);
	/* The files written now, in a table: a list can be long. */
	for (line = now->data; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
		*nl = '\0';
		strmap_put(&written, line, "");
		*nl = '\n';
	}
	for (line = old.data; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
		n = (size_t)(nl - line) + 1;
		*nl = '\0';
		if (strmap_get(&written, line) != NULL) {
			*nl = '\n';
			continue;
		}
		/* The list names files under out (out_record()). */
		full = xasprintf("%s/%s", opts->out, line);
		if (clean)
			unlink(full);
		else if (access(full, F_OK) == 0)
			buf_add(&keep, line, n - 1), buf_add(&keep, "\n", 1);
		free(full);
		*nl = '\n';
	}
	out_write(path, keep.data, keep.len);
	strmap_free(&written);
	buf_free(&old);
	buf_free(&keep);
	free(path);
}

/*
 * Does one job: builds the issue (TODO_FULL) or renders its print XML
 * again (TODO_RENDER).  Returns 0, or 1 when something of it had errors.
 */
static int
run_job(const struct build_opts *opts, const struct paper *paper,
        struct job *j)
{
	unsigned errors = diag_errors();
	xmlDocPtr doc = NULL;
	char *path;

	struct buf written = {0};
	int status;

	buf_add(&written, "", 0);
	out_record(&written, opts->out);
	render_filter(j->todo == TODO_RENDER);
	if (j->todo == TODO_RENDER) {
		path = xasprintf("%s/print/%s/issue.xml", opts->out, j->id);
		doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
		free(path);
	}
	if (doc == NULL)
		doc = issue_load(opts, paper, j->dir);
	if (doc != NULL) {
		claim_issue(opts, doc, j->dir);
		write_issue(opts, doc, j->dir);
		archive_heads(opts, doc, j->id);
	}
	out_record(NULL, NULL);
	status = doc == NULL || diag_errors() != errors;
	if (doc != NULL)
		forget(opts, j->id, &written, j->todo == TODO_FULL && status == 0);
	buf_free(&written);
	xmlFreeDoc(doc);
	return status;
}

/* A worker's messages, gathered per job to be shown in issue order. */
static void
gather_msg(void *arg, const struct diag_msg *m)
{
	struct buf *b = arg;
	char *line, *text;

	text = diag_line(m);
	line = xasprintf("%d%s", (int)m->level, text);
	free(text);
	buf_adds(b, line);
	free(line);
}

/*
 * Runs the jobs that have work over nproc worker processes, each taking
 * every nproc-th job; the issues are independent, so the files are the
 * same as one process makes.  Each worker leaves a job's status and
 * messages in OUT/.press/jobs/<pid>-<n> (the pid of this process, so
 * that no two builds share one); they are printed here in job order.
 */
static void
run_parallel(const struct build_opts *opts, const struct paper *paper,
             struct job *jobs, size_t n, struct progress *p)
{
	unsigned w, nproc = opts->jobs;
	size_t i, k;
	int fds[2];
	pid_t *pids = xcalloc(nproc, sizeof(pid_t));
	long me = (long)getpid();
	unsigned char bytes[256];
	ssize_t got;

	if (pipe(fds) != 0) {
		diag(opts->out, 0, 0, D_WRITE, strerror(errno));
		free(pids);
		return;
	}
	fflush(stderr);
	for (w = 0; w < nproc; w++) {
		if ((pids[w] = fork()) < 0) {
			diag(opts->out, 0, 0, D_WRITE, strerror(errno));
			break;
		}
		if (pids[w] > 0)
			continue;
		/* The worker.  It dies with the build: a worker left running
		 * would hold the lock and write beside the next build. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != (pid_t)me)
			_exit(1);
		close(fds[0]);
		for (i = 0, k = 0; i < n; i++) {
			struct buf msgs = {0};
			char *path, *status;
			unsigned left;

			if (jobs[i].todo == TODO_SKIP || k++ % nproc != w)
				continue;
			buf_add(&msgs, "", 0);
			diag_set_hook(gather_msg, &msgs);
			status = xasprintf("%d\n", run_job(opts, paper, &jobs[i]));
			path = xasprintf("%s/.press/jobs/%ld-%zu", opts->out, me, i);
			diag_set_hook(NULL, NULL);
			buf_add(&msgs, "", 0);
			{
				struct buf all = {0};

				buf_adds(&all, status);
				buf_add(&all, msgs.data, msgs.len);
				out_write(path, all.data, all.len);
				buf_free(&all);
			}
			free(status);
			free(path);
			buf_free(&msgs);
			/* One byte a story, for the progress line. */
			for (left = jobs[i].stories; left > 0;) {
				unsigned chunk = left < sizeof(bytes) ? left : sizeof(bytes);

				if (write(fds[1], bytes, chunk) < 0)
					break;
				left -= chunk;
			}
		}
		{
			char *deps = xasprintf("%s/.press/deps.%ld", opts->out,
			                       (long)getpid());

			render_deps_save(deps);
			free(deps);
		}
		_exit(0);
	}
	close(fds[1]);
	memset(bytes, 0, sizeof(bytes));
	while ((got = read(fds[0], bytes, sizeof(bytes))) != 0)
		if (got > 0)
			progress_add(p, (unsigned)got);
		else if (errno != EINTR)
			break;
	close(fds[0]);
	for (w = 0; w < nproc; w++) {
		int st;

		if (pids[w] > 0 && (waitpid(pids[w], &st, 0) < 0 ||
		    !WIFEXITED(st) || WEXITSTATUS(st) != 0))
			diag(opts->out, 0, 0, D_WRITE, _("a build worker failed"));
	}
	free(pids);
	progress_end(p);
	for (i = 0; i < n; i++) {
		char *path, *text;
		struct src *res;

		if (jobs[i].todo == TODO_SKIP)
			continue;
		path = xasprintf("%s/.press/jobs/%ld-%zu", opts->out, me, i);
		if ((res = src_read(path)) == NULL) {
			jobs[i].status = 1;
			free(path);
			continue;
		}
		jobs[i].status = res->text[0] == '0' ? 0 : 1;
		text = strchr(res->text, '\n');
		/* Each line starts with its level's digit, counted here as
		 * the message is printed. */
		while (text != NULL && text[1] != '\0') {
			char *end = strchr(text + 1, '\n');

			if (end == NULL)
				break;
			if (text[1] == '0' + DIAG_ERROR) {
				diag_raise(DIAG_ERROR);
				jobs[i].status |= 2;
			} else
				diag_raise(DIAG_WARNING);
			fwrite(text + 2, 1, (size_t)(end - text - 1), stderr);
			text = end;
		}
		if (jobs[i].status == 1)
			diag(opts->out, 0, 0, D_WRITE, _("a build worker failed"));
		src_free(res);
		unlink(path);
		free(path);
	}
}

static int
full_jobs(const struct job *jobs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (jobs[i].todo == TODO_FULL)
			return 1;
	return 0;
}

/* The inputs every issue shares, but for the stylesheets. */
static uint64_t
shared_inputs(const struct build_opts *opts, struct cache *c)
{
	const char *files[] = {"paper.yaml", "house.yaml", NULL};
	uint64_t h = hash_bytes(PRESS_VERSION, sizeof(PRESS_VERSION), 1), fh;
	char *path;
	size_t i;

	for (i = 0; files[i] != NULL; i++) {
		path = xasprintf("%s/%s", opts->articles, files[i]);
		fh = cache_file(c, path);
		h = hash_bytes(&fh, sizeof(fh), h);
		free(path);
	}
	/* The schema judges every issue. */
	path = xasprintf("%s/press.rng", opts->templates);
	fh = cache_file(c, path);
	h = hash_bytes(&fh, sizeof(fh), h);
	free(path);
	if (opts->print_encoding != NULL)
		h = hash_bytes(opts->print_encoding, strlen(opts->print_encoding), h);
	if (opts->gbk_safe)
		h = hash_bytes("gbk-safe", 8, h);
	return h;
}

/* flock(fd, LOCK_EX) if it can be had within a second: the workers of
 * a build that was just killed take a moment to die. */
static int
flock_soon(int fd)
{
	struct timespec pause = {0, 50 * 1000 * 1000};
	int i;

	for (i = 0; i < 20; i++) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return 0;
		if (errno != EWOULDBLOCK)
			return -1;
		nanosleep(&pause, NULL);
	}
	errno = EWOULDBLOCK;
	return -1;
}

/*
 * One build at a time writes into an output folder: two would share its
 * cache and could leave a mix of both.  Takes an exclusive flock(2) on
 * OUT/.press/lock, held (by the workers too) until the build ends.
 * Returns the descriptor, or -1 after reporting that another build
 * holds it.
 */
static int
lock_out(const struct build_opts *opts)
{
	char *dir = xasprintf("%s/.press", opts->out);
	char *path = xasprintf("%s/lock", dir);
	int fd = -1;

	if (out_mkdirs(dir)) {
		if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) < 0)
			diag(path, 0, 0, D_WRITE, strerror(errno));
		else if (flock_soon(fd) != 0) {
			if (errno == EWOULDBLOCK)
				diag(path, 0, 0, D_LOCKED, opts->out);
			else
				diag(path, 0, 0, D_WRITE, strerror(errno));
			close(fd);
			fd = -1;
		}
	}
	free(path);
	free(dir);
	return fd;
}

void
build_all(const struct build_opts *opts, char **paths, int npaths)
{
	struct paper paper;
	struct cache *cache;
	struct job *jobs;
	struct progress prog = {0};
	char **dirs, *key, *path, *list;
	const char **ids;
	size_t n, i, work = 0;
	uint64_t shared, set = 1;
	int changed = 0, look, archive_ok, lock;

	if ((lock = lock_out(opts)) < 0)
		return;
	proof_load(opts->articles);
	if (!paper_load(&paper, opts->articles) || !schema_load(opts->templates) ||
	    !render_load(opts->templates, opts->print_encoding)) {
		paper_free(&paper);
		close(lock);
		return;
	}
	photo_set_limit(paper.photo_mb);
	if (npaths > 0) {
		dirs = xcalloc((size_t)npaths, sizeof(char *));
		for (n = 0; n < (size_t)npaths; n++) {
			size_t len = strlen(paths[n]);

			while (len > 1 && paths[n][len - 1] == '/')
				len--;
			dirs[n] = xstrndup(paths[n], len);
		}
	} else
		dirs = issue_dirs(opts->articles, &n);

	/* What changed since the last build, judged by content. */
	cache = cache_load(opts->out);
	shared = shared_inputs(opts, cache);
	look = render_dirty(cache, opts->out) > 0;
	list = xasprintf("%s/.press/files/.archive", opts->out);
	archive_ok = cache_intact(cache, list);
	jobs = xcalloc(n ? n : 1, sizeof(*jobs));
	ids = xcalloc(n ? n : 1, sizeof(char *));
	for (i = 0; i < n; i++) {
		struct job *j = &jobs[i];
		const char *slash = strrchr(dirs[i], '/');

		j->dir = dirs[i];
		j->id = ids[i] = slash ? slash + 1 : dirs[i];
		j->content = cache_tree(cache, j->dir, shared);
		set = hash_bytes(j->id, strlen(j->id) + 1, set);
		key = xasprintf("content:%s", j->id);
		path = xasprintf("%s/.press/files/%s", opts->out, j->id);
		/* A file of it missing or changed: built again. */
		if (cache_get(cache, key) != j->content || !cache_intact(cache, path))
			j->todo = TODO_FULL;
		else if (look)
			j->todo = TODO_RENDER;
		free(path);
		free(key);
		if (j->todo != TODO_SKIP) {
			work++;
			j->stories = count_stories(j->dir);
			prog.total += j->stories;
		}
	}
	prog.show = isatty(STDERR_FILENO) && prog.total >= 200;
	clock_gettime(CLOCK_MONOTONIC, &prog.start);

	if (opts->jobs > 1 && work > 1)
		run_parallel(opts, &paper, jobs, n, &prog);
	else {
		for (i = 0; i < n; i++)
			if (jobs[i].todo != TODO_SKIP) {
				jobs[i].status = run_job(opts, &paper, &jobs[i]);
				progress_add(&prog, jobs[i].stories);
			}
		progress_end(&prog);
	}

	/* Remember what is built; an issue with errors is tried again. */
	for (i = 0; i < n; i++) {
		if (jobs[i].todo != TODO_SKIP) {
			path = xasprintf("%s/.press/files/%s", opts->out, jobs[i].id);
			cache_made(cache, path);
			free(path);
		}
		key = xasprintf("content:%s", jobs[i].id);
		if (jobs[i].todo == TODO_SKIP)
			cache_keep(cache, key);
		else if (jobs[i].status == 0)
			cache_set(cache, key, jobs[i].content);
		else
			cache_set(cache, key, 0);
		changed |= jobs[i].todo != TODO_SKIP;
		free(key);
	}
	if (npaths == 0) {
		struct buf written = {0};

		changed |= cache_get(cache, "issues") != set || look || !archive_ok;
		buf_add(&written, "", 0);
		out_record(&written, opts->out);
		if (!changed)
			cache_keep(cache, "archive-months");
		else {
			/* Only what the template changes ask for, unless an
			 * issue itself changed or a file is missing. */
			render_filter(look && archive_ok &&
			              cache_get(cache, "issues") == set &&
			              !full_jobs(jobs, n));
			archive_render(opts, &paper, (const char *const *)ids, n,
			               (n > 0 && jobs[0].todo != TODO_SKIP) ||
			               cache_get(cache, "issues") != set, cache,
			               look || !archive_ok);
		}
		/* The search index, from the stories' texts. */
		search_index(cache, opts->out, (const char *const *)ids, n,
		             !archive_ok);
		archive_withdraw(opts, (const char *const *)ids, n);
		cache_set(cache, "issues", set);
		render_copies(opts->out, 0);
		out_record(NULL, NULL);
		forget(opts, ".archive", &written, 0);
		cache_made(cache, list);
		buf_free(&written);
	} else
		render_copies(opts->out, 0);
	render_commit(cache, opts->out, npaths == 0);
	cache_save(cache, npaths == 0);
	cache_free(cache);
	free(list);
	for (i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
	free(ids);
	free(jobs);
	paper_free(&paper);
	close(lock);
}

/*
 * A story in an issue folder is refused by the build when it claims a
 * path the issue's own files take (a slug 'issue', an output a template
 * adds): its preview says so with the build's error, and writes
 * nothing.  Its page is not known here, so the pages' own outputs are
 * left to the build.  Returns 0 after an error.
 */
static int
preview_claims(const struct build_opts *opts, xmlDocPtr doc, const char *dir,
               const char *path)
{
	xmlNodePtr story = xmlDocGetRootElement(doc);
	char *yaml = xasprintf("%s/issue.yaml", dir), *abs, *id;
	xmlChar *slug;
	struct strmap c = {0};
	int ok = 1;

	if (access(yaml, F_OK) != 0) {
		free(yaml);
		return 1;
	}
	abs = realpath(dir, NULL);
	id = abs && strrchr(abs, '/') ? xstrdup(strrchr(abs, '/') + 1) :
	                                xstrdup(dir);
	slug = xmlGetProp(story, X("slug"));
	claim_outputs(opts, &c, id, yaml);
	ok = claim_story(&c, "out", id, NULL, (char *)slug, path, dir,
	                 story->children);
	xmlFree(slug);
	strmap_free(&c);
	free(abs);
	free(id);
	free(yaml);
	return ok;
}

int
build_preview(const struct build_opts *opts, const char *path,
              const char *dir)
{
	struct story *st;
	struct paper paper = {0};
	struct images im = {0};
	xmlDocPtr doc;
	char *html = NULL, *xml, *storydir, *paperfile;
	int ok = 0;

	/* The paper's column width and photo limit when there is a
	 * paper.yaml to read. */
	paperfile = xasprintf("%s/paper.yaml", opts->articles);
	if (access(paperfile, R_OK) == 0)
		paper_load(&paper, opts->articles);
	else
		paper_defaults(&paper);
	free(paperfile);
	photo_set_limit(paper.photo_mb);
	st = story_load(path);
	proof_load(opts->articles);
	proof_story(st, NULL, opts->proof);
	/* The story sheet alone is loaded (render.c parses a sheet when it
	 * is first applied), and not the schema: the story XML is press's
	 * own, checked against press.rng by every build. */
	if (st == NULL || !st->ok || !render_load(opts->templates, NULL)) {
		story_free(st);
		paper_free(&paper);
		return 0;
	}
	doc = storyxml_doc(st, paper.line_chars);
	storydir = xstrdup(path);
	*(strrchr(storydir, '/') ? strrchr(storydir, '/') : storydir) = '\0';
	if (!preview_claims(opts, doc, *storydir ? storydir : ".", path))
		goto out;
	xml = xasprintf("%s/%s.xml", dir, st->slug);
	if (out_write_xml(xml, doc, NULL))
		html = render_preview(doc, dir, st->slug);
	free(xml);
	collect_images(&im, xmlDocGetRootElement(doc)->children);
	copy_images(&im, *storydir ? storydir : ".", &dir, 1);
	images_free(&im);
	render_copies(dir, 1);
	if (html != NULL) {
		char *named = project_as_named(html);

		printf("%s\n", named);
		free(named);
	}
out:
	ok = html != NULL;
	free(html);
	free(storydir);
	xmlFreeDoc(doc);
	story_free(st);
	paper_free(&paper);
	return ok;
}
