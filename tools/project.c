/*
 * The project: the folder holding articles/paper.yaml, found by walking
 * up from the files named (or the current folder) as git finds its
 * repository.  main.c changes into it before a command runs and gives
 * the command its paths from there, so press prints the same messages
 * from any folder inside the project as at its top.  Also where press's
 * own data lives: the default templates and the message catalogues, in
 * the build tree when press runs from it, else where make install put
 * them (PRESS_DATADIR, PRESS_LOCALEDIR).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "press.h"

#ifndef PRESS_DATADIR
#define PRESS_DATADIR "/usr/local/share/press"
#endif
#ifndef PRESS_LOCALEDIR
#define PRESS_LOCALEDIR "/usr/local/share/locale"
#endif

/*
 * p as an absolute path without "." and ".." parts, taken from the
 * folder cwd (absolute); lexical, so p need not exist.  The caller frees.
 */
static char *
absolute(const char *cwd, const char *p)
{
	char *all = *p == '/' ? xstrdup(p) : xasprintf("%s/%s", cwd, p);
	char *out = xmalloc(strlen(all) + 2), *part, *save = NULL;
	size_t len = 0;

	for (part = strtok_r(all, "/", &save); part != NULL;
	     part = strtok_r(NULL, "/", &save)) {
		if (strcmp(part, ".") == 0)
			continue;
		if (strcmp(part, "..") == 0) {
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--;
			continue;
		}
		out[len++] = '/';
		strcpy(out + len, part);
		len += strlen(part);
	}
	if (len == 0)
		out[len++] = '/';
	out[len] = '\0';
	free(all);
	return out;
}

static int
is_dir(const char *p)
{
	struct stat sb;

	return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static int
is_file(const char *p)
{
	struct stat sb;

	return stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* The project folder at or above dir (absolute), or NULL. */
static char *
find_root(const char *dir)
{
	char *d = xstrdup(dir), *paper, *slash;

	for (;;) {
		paper = xasprintf("%s/articles/paper.yaml", strcmp(d, "/") ? d : "");
		if (is_file(paper)) {
			free(paper);
			return d;
		}
		free(paper);
		if (strcmp(d, "/") == 0)
			break;
		slash = strrchr(d, '/');
		if (slash == d)
			d[1] = '\0';
		else
			*slash = '\0';
	}
	free(d);
	return NULL;
}

/* abs (absolute) as seen from root: relative when inside it. */
static char *
from_root(const char *root, const char *abs)
{
	size_t n = strlen(root);

	if (strcmp(abs, root) == 0)
		return xstrdup(".");
	if (strcmp(root, "/") == 0)
		return xstrdup(abs + 1);
	if (strncmp(abs, root, n) == 0 && abs[n] == '/')
		return xstrdup(abs + n + 1);
	return xstrdup(abs);
}

char *
project_data(const char *what)
{
	int locale = strcmp(what, "locale") == 0;
	char exe[PATH_MAX], *slash, *path;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n > 0) {
		exe[n] = '\0';
		/* Run from the build tree, out/bin/press (or out/asan/bin):
		 * the tree's own templates, out/locale for catalogues. */
		if ((slash = strstr(exe, "/out/")) != NULL) {
			*slash = '\0';
			path = xasprintf("%s/%s%s", exe, locale ? "out/" : "", what);
			*slash = '/';
			if (is_dir(path))
				return path;
			free(path);
		}
		/* Installed: PREFIX/bin/press beside PREFIX/share, wherever
		 * PREFIX was moved to. */
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			path = xasprintf("%s/../share/%s%s", exe,
			                 locale ? "" : "press/", what);
			if (is_dir(path))
				return path;
			free(path);
		}
	}
	if (locale)
		return xstrdup(PRESS_LOCALEDIR);
	return xasprintf("%s/%s", PRESS_DATADIR, what);
}

/* Whether the option letter c of cmd's getopt string takes a value. */
static int
takes_value(const char *opts, int c)
{
	const char *p = strchr(opts, c);

	return c != ':' && p != NULL && p[1] == ':';
}

/* Where press was started, relative to the project's root ("" when at
 * it, NULL when press did not change folder), and the paths named on
 * the command line as rewritten and as named: project_as_named(). */
static char *started;
static int as_named;
static struct {
	char *path, *named;
} namedv[256];
static size_t nnamed;

void
project_speak_as_named(void)
{
	as_named = 1;
}

char *
project_as_named(const char *path)
{
	const char *p = started, *q = path, *slash;
	struct buf b = {0};
	size_t i, k;

	if (!as_named || started == NULL || path[0] == '/')
		return xstrdup(path);
	for (i = 0; i < nnamed; i++)
		if (strcmp(namedv[i].path, path) == 0)
			return xstrdup(namedv[i].named);
	/* Drop the folders the two share, then go up from the rest of
	 * where press was started. */
	while (*p != '\0') {
		slash = strchr(p, '/');
		k = slash ? (size_t)(slash - p) : strlen(p);
		if (strncmp(p, q, k) != 0 || q[k] != '/')
			break;
		p += k + (slash != NULL);
		q += k + 1;
	}
	buf_add(&b, "", 0);
	while (*p != '\0') {
		buf_adds(&b, "../");
		p = strchr(p, '/');
		p = p ? p + 1 : "";
	}
	buf_adds(&b, q);
	return b.data;
}

char **
project_enter(int argc, char **argv, const char *opts,
              const char *const *longs, int *nargc)
{
	char cwd[PATH_MAX], *root = NULL, *start = NULL, **out;
	int i, k, n = 0, operands = 0, has_t = 0, has_a = 0;
	struct {
		int at;  /* argv index */
		int off; /* the path starts this far into it */
	} paths[256];

	if (getcwd(cwd, sizeof(cwd)) == NULL)
		return NULL;
	/* Which words are paths: operands and the values of -a, -t, -o. */
	for (i = 1; i < argc; i++) {
		const char *w = argv[i];

		if (strcmp(w, "--") == 0)
			operands = 1;
		else if (!operands && w[0] == '-' && w[1] == '-') {
			for (k = 0; longs != NULL && longs[k] != NULL; k++)
				if (strcmp(w + 2, longs[k]) == 0)
					i++;
		} else if (!operands && w[0] == '-' && w[1] != '\0') {
			for (k = 1; w[k] != '\0'; k++) {
				if (!takes_value(opts, w[k]))
					continue;
				if (w[k] == 't')
					has_t = 1;
				if (w[k] == 'a')
					has_a = 1;
				if (strchr("ato", w[k]) != NULL && n < 256) {
					if (w[k + 1] != '\0')
						paths[n].at = i, paths[n++].off = k + 1;
					else if (i + 1 < argc)
						paths[n].at = i + 1, paths[n++].off = 0;
				}
				if (w[k + 1] == '\0')
					i++;
				break;
			}
		} else if (n < 256) {
			char *abs = absolute(cwd, w);

			if (start == NULL && (is_dir(abs) || is_file(abs))) {
				if (!is_dir(abs))
					*strrchr(abs, '/') = '\0';
				start = *abs ? xstrdup(abs) : xstrdup("/");
			}
			free(abs);
			paths[n].at = i, paths[n++].off = 0;
		}
	}
	/* -a names the articles folder: that is the project. */
	root = has_a ? NULL : find_root(start != NULL ? start : cwd);
	free(start);
	out = xcalloc((size_t)argc + 3, sizeof(char *));
	for (i = 0; i < argc; i++)
		out[i] = xstrdup(argv[i]);
	*nargc = argc;
	if (root != NULL && strcmp(root, cwd) != 0) {
		char *abs;

		if (chdir(root) != 0) {
			free(root);
			return out;
		}
		abs = absolute(cwd, ".");
		started = from_root(root, abs);
		if (strcmp(started, ".") == 0)
			started[0] = '\0';
		free(abs);
		for (k = 0; k < n; k++) {
			char *w = out[paths[k].at], *abs, *rel;

			abs = absolute(cwd, w + paths[k].off);
			rel = from_root(root, abs);
			if (nnamed < sizeof(namedv) / sizeof(namedv[0])) {
				namedv[nnamed].path = xstrdup(rel);
				namedv[nnamed++].named = xstrdup(w + paths[k].off);
			}
			out[paths[k].at] = xasprintf("%.*s%s", paths[k].off, w, rel);
			free(abs);
			free(rel);
			free(w);
		}
	}
	/* A project without templates/ uses press's own. */
	if (!has_t && !is_dir("templates") && takes_value(opts, 't')) {
		memmove(out + 3, out + 1, (size_t)(argc - 1) * sizeof(char *));
		out[1] = xstrdup("-t");
		out[2] = project_data("templates");
		*nargc = argc + 2;
	}
	free(root);
	return out;
}
