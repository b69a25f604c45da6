/*
 * press serve: the command.  It watches articles/ and templates/ with
 * inotify, rebuilds what a save affects on the main thread, and leaves
 * the answers to http.c (see serve.h for the whole).
 */
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mhd.h"

#include "serve.h"

enum {
	DEFAULT_PORT = 8080,
	DEBOUNCE_MS = 50,      /* quiet time that ends a burst of events */
	DEBOUNCE_MAX_MS = 250, /* the longest a burst may delay a build */
};

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
 * the overlays and notices, and starts a new generation: every open page
 * reloads.
 */
static void
rebuild(struct serve *s)
{
	size_t i;
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
	serve_learn(s);
	serve_publish(s);

	if (s->full && s->nissues == 0)
		fprintf(stderr, _("press: built everything in %ld ms"), now_ms() - t0);
	else {
		char **names = s->full ? s->issues : s->changed;

		ndirs = s->full ? s->nissues : s->nchanged;
		struct buf b = {0};

		buf_add(&b, "", 0);
		for (i = 0; i < ndirs; i++) {
			buf_adds(&b, " ");
			buf_adds(&b, names[i]);
		}
		fprintf(stderr, s->full ? _("press: built%s in %ld ms") :
		        _("press: rebuilt%s in %ld ms"), b.data, now_ms() - t0);
		buf_free(&b);
	}
	if (errors > 0)
		fprintf(stderr, ngettext(" (%u error)", " (%u errors)", errors),
		        errors);
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
		fprintf(stderr, _("press: %s: cannot watch: %s\n"), dir,
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
	return s->nissues == 0 || serve_in_list(s->issues, s->nissues, issue);
}

static void
note_issue(struct serve *s, const char *issue)
{
	if (!served(s, issue) || serve_in_list(s->changed, s->nchanged, issue))
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
		diag_usage(_("%s is not an issue folder of %s, nor a story in one"),
		           arg, s->articles);
		goto out;
	}
	if (!serve_in_list(s->issues, s->nissues, issue)) {
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

/*
 * The Host names of the address served beyond the loopback ones, for
 * the HTTP side: --host as given, and its address in numbers.
 */
static void
host_names(struct serve *s, const char *host,
           const struct sockaddr_storage *ss, socklen_t sslen)
{
	char num[NI_MAXHOST];
	int v6 = ss->ss_family == AF_INET6;

	s->hosts[0] = strchr(host, ':') != NULL && host[0] != '[' ?
	                  xasprintf("[%s]", host) :
	                  xstrdup(host);
	if (getnameinfo((const struct sockaddr *)ss, sslen, num, sizeof(num),
	                NULL, 0, NI_NUMERICHOST) == 0)
		s->hosts[1] = v6 ? xasprintf("[%s]", num) : xstrdup(num);
	s->any_host = v6 ? IN6_IS_ADDR_UNSPECIFIED(
	                       &((const struct sockaddr_in6 *)ss)->sin6_addr) :
	                   ((const struct sockaddr_in *)ss)->sin_addr.s_addr == INADDR_ANY;
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
	printf(_("press: serving http://%s%s%s:%u/\n"), open, host, close_, port);
	for (i = 0; i < s->nstories; i++) {
		char *slug = NULL, *issue = serve_issue_of(s, s->stories[i]);

		for (k = 0; k < s->nslugs; k++)
			if (strcmp(s->slugs[k].path, s->stories[i]) == 0)
				slug = xstrdup(s->slugs[k].slug);
		if (slug == NULL)
			slug = serve_story_slug(s, s->stories[i]);
		if (slug != NULL && issue != NULL)
			printf(_("press: story   http://%s%s%s:%u/%s/%s.html\n"), open,
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
	serve_messages_free(s);
	free(s->last);
	free(s->hosts[0]);
	free(s->hosts[1]);
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
	const union MHD_DaemonInfo *info;

	if (!resolve(host, port, &ss, &sslen))
		return 2;
	if (!(ss.ss_family == AF_INET &&
	      (ntohl(((struct sockaddr_in *)&ss)->sin_addr.s_addr) >> 24) == 127) &&
	    !(ss.ss_family == AF_INET6 &&
	      IN6_IS_ADDR_LOOPBACK(&((struct sockaddr_in6 *)&ss)->sin6_addr)))
		fprintf(stderr, _("press: serving on %s: every machine that "
		                  "can reach it can read the stories\n"),
		        host);
	host_names(s, host, &ss, sslen);
	if ((sfd = signalfd(-1, sigs, SFD_CLOEXEC)) < 0 ||
	    (s->ino = inotify_init1(IN_CLOEXEC | IN_NONBLOCK)) < 0) {
		fprintf(stderr, _("press: cannot watch: %s\n"), strerror(errno));
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
	diag_set_hook(serve_on_diag, s);
	s->full = 1;
	rebuild(s);

	d = mhd_open() ? serve_http_start(s, &ss, ss.ss_family, port) : NULL;
	if (d == NULL) {
		fprintf(stderr, _("press: cannot serve on %s port %d\n"), host, port);
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
	fputs(_("press: stopped\n"), stderr);
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
	s.opts.proof = PROOF_WARNINGS;
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
				diag_usage(_("-p %s: a port is a number from 0 to 65535"),
				           optarg);
				goto out;
			}
			break;
		case 'H':
			host = optarg;
			break;
		default:
			fputs(_("usage: press serve [-a ARTICLES] [-t TEMPLATES] "
			        "[-o OUT] [-p PORT] [--host ADDR] [PATH ...]\n"),
			      stderr);
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
			diag_usage(_("-o %s: the output folder cannot be inside "
			             "the folders press serve watches"),
			           out);
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
