/*
 * press serve: the reporter's live preview.  The site is built into a
 * private folder and served over HTTP (libmicrohttpd); inotify watches
 * articles/ and templates/, and each save rebuilds what it affects (its
 * issue, or everything after a change to paper.yaml or a template) and
 * tells every open page to reload itself (Server-Sent Events).  A page
 * whose story has errors is answered with an overlay that lists them,
 * never with the stale page the build left behind; the pages of an issue
 * name the stories left out of it for their errors.
 *
 *   serve.c     the command: options, watching, building
 *   messages.c  what the builds said, and the overlays and notices made
 *               of it
 *   http.c      the answers (libmicrohttpd)
 *   mhd.c       opens libmicrohttpd when serve starts, not with every
 *               press command (mhd.h)
 *
 * Threads: only the main thread builds, because the pipeline keeps global
 * state (diag's counters and hook, render's stylesheets, the schema, and
 * libxml2's error handlers).  libmicrohttpd answers on a thread per
 * connection; those threads read files and struct live, nothing else.
 * What both sides share, the overlay pages, the notices and the reload
 * generation, is in struct live under its mutex.
 */
#ifndef SERVE_H
#define SERVE_H

#include <pthread.h>
#include <stddef.h>

#include "../press.h"

/* An overlay page, answered instead of the HTML pages it covers. */
struct overlay {
	char *issue; /* an issue folder's name; NULL: every page */
	char *slug;  /* a story; NULL: every page of the issue */
	char *html;
	size_t len;
};

/* What an issue's pages say of the stories left out of it: an HTML
 * fragment put at the top of their body as they are served. */
struct notice {
	char *issue;  /* an issue folder's name */
	char **slugs; /* its story pages, which have no notice */
	size_t nslugs;
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
	struct notice *notes; /* likewise */
	size_t nnotes;
	unsigned streams; /* event streams open */
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

/* A story left out of its issue for errors, from the issue's print XML
 * (<left-out>): the hole the layout desk sees. */
struct leftout {
	char *issue;
	char *path;   /* ARTICLES/ISSUE/FILE, as diag() names it */
	char *page;   /* the number of the page it would stand on */
	char *reason; /* the first error */
	int line;     /* its line in the story, 0 if none */
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
	char *articles; /* opts.articles, without trailing slashes */
	char **issues;  /* the issue folders asked for by name, or none */
	size_t nissues;
	char **stories; /* story files asked for, as diag() names them */
	size_t nstories;
	char *out;      /* the output folder */
	int own_out;    /* out is ours (mkdtemp), removed on exit */
	int site_fd;    /* out/site, for the HTTP side */
	int print_fd;   /* out/print */
	char *hosts[2]; /* --host as given, and in numbers ([::1]) */
	int any_host;   /* --host is every address: any address answered */
	int ino;        /* the inotify descriptor */
	struct watch *w;
	size_t nw;
	int full;       /* rebuild everything */
	char **changed; /* else these issue folders (names) */
	size_t nchanged;
	char *last;             /* the issue file saved last, as diag() names it */
	struct msglist msgs;    /* per file, across builds */
	struct msglist pending; /* from the build under way */
	struct slugmap *slugs;
	size_t nslugs;
	struct leftout *left; /* of the issues built, as last built */
	size_t nleft;
	struct live live;
};

/* ---- messages.c ------------------------------------------------------- */

/* The stylesheet of the overlay and the notices, /_press/overlay.css. */
extern const char serve_css[];

/* The issue folder a path lies in, or NULL; the caller frees it. */
char *serve_issue_of(const struct serve *, const char *path);
/* Whether s is one of the n strings of v. */
int serve_in_list(char **v, size_t n, const char *s);
/* The diag hook while building. */
void serve_on_diag(void *, const struct diag_msg *);
/* After a build: keeps its messages and learns the story addresses. */
void serve_learn(struct serve *);
/* The slug a story file has now, read again without a word to the
 * terminal; NULL when it cannot be read.  The caller frees it. */
char *serve_story_slug(struct serve *, const char *path);
/* Makes the overlays and notices the messages ask for and puts them,
 * and the story addresses, in s->live, freeing the old ones. */
void serve_publish(struct serve *);
/* Frees what serve_publish() put in live, and the messages. */
void serve_messages_free(struct serve *);

/* ---- http.c ----------------------------------------------------------- */

struct MHD_Daemon;

/* Starts answering on the address ss (a struct sockaddr of sslen bytes);
 * NULL after a message. */
struct MHD_Daemon *serve_http_start(struct serve *, const void *ss,
                                    unsigned family, int port);

#endif
