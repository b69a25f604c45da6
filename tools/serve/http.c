/*
 * The HTTP side of press serve (libmicrohttpd, a thread per connection):
 * the files of the site and of the print folder, the overlays and
 * notices the main thread made, and the reload events.
 *
 *   /                      out/site, the web edition
 *   /_press/print/…        out/print, the files for the layout desk
 *   /_press/reload.js      the script the server puts into every HTML
 *                          answer (never into a file on disk)
 *   /_press/overlay.css    the look of the overlays and notices
 *   /_press/events         the reload events
 *
 * A web page anywhere can make the browser ask for these: only requests
 * for the address served are answered (a name of another site pointed
 * at 127.0.0.1 is DNS rebinding), every answer carries a
 * Content-Security-Policy, and the number of event streams, connections
 * and the time a connection may stay silent are bounded, so that neither
 * many tabs nor a misbehaving client can stop the pages being served.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mhd.h"

#include "serve.h"

enum {
	MAX_CONNECTIONS = 512, /* one thread each */
	MAX_STREAMS = 32,      /* event streams, well below MAX_CONNECTIONS */
	HEARTBEAT_S = 1,       /* a comment on an idle event stream, whose
	                        * failure finds a client gone */
	IDLE_TIMEOUT_S = 10,   /* a connection silent this long is closed */
	RETRY_AFTER_S = 5,     /* what a client turned away is told */
};

/*
 * The policies.  An HTML page may run scripts from the server only (the
 * reload script), may style its elements (the templates set custom
 * properties in style attributes) and show data: images (the empty
 * icon); anything else, an SVG opened on its own included, runs nothing
 * at all.
 */
static const char csp_html[] =
    "default-src 'self'; script-src 'self'; style-src 'self' "
    "'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
static const char csp_other[] =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "frame-ancestors 'none'; sandbox";

/* The script every HTML answer gets, before </body>. */
#define RELOAD_TAG "<script src=\"/_press/reload.js\" data-gen=\"%lu\"></script>"

/*
 * Opens the event stream from the generation the page was served at, so
 * a rebuild between the page and the stream is not missed; a server
 * started again has a new generation, so its pages reload too.  A
 * stream refused (503: too many open) is not tried again by the
 * browser, so the script tries again itself.
 */
static const char reload_js[] =
    "// press serve: reloads this page after every rebuild.\n"
    "(function () {\n"
    "\tvar me = document.currentScript;\n"
    "\tvar gen = me ? me.getAttribute(\"data-gen\") : \"\";\n"
    "\tfunction listen() {\n"
    "\t\tvar es = new EventSource(\"/_press/events?since=\" +\n"
    "\t\t    encodeURIComponent(gen || \"\"));\n"
    "\t\tes.addEventListener(\"reload\", function () {\n"
    "\t\t\tes.close();\n"
    "\t\t\tlocation.reload();\n"
    "\t\t});\n"
    "\t\tes.onerror = function () {\n"
    "\t\t\tif (es.readyState === EventSource.CLOSED)\n"
    "\t\t\t\tsetTimeout(listen, 5000);\n"
    "\t\t};\n"
    "\t}\n"
    "\tlisten();\n"
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

/* ---- answers -------------------------------------------------------------- */

/*
 * Queues r and lets it go.  Every answer says its type is the one meant,
 * and has a policy: an HTML page's was set, anything else runs nothing.
 */
static enum MHD_Result
respond(struct MHD_Connection *c, unsigned status, struct MHD_Response *r)
{
	enum MHD_Result ret;

	if (r == NULL)
		return MHD_NO;
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	if (MHD_get_response_header(r, "Content-Security-Policy") == NULL)
		MHD_add_response_header(r, "Content-Security-Policy", csp_other);
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

/* Where the start tag of html's <body> ends, or 0. */
static size_t
body_start(const char *html, size_t len)
{
	size_t i;

	for (i = 0; i + 5 < len; i++)
		if (html[i] == '<' && strncasecmp(html + i + 1, "body", 4) == 0 &&
		    (html[i + 5] == '>' || isspace((unsigned char)html[i + 5]))) {
			for (i += 5; i < len; i++)
				if (html[i] == '>')
					return i + 1;
			return 0;
		}
	return 0;
}

/*
 * html with the notice (or NULL) put at the start of its body and the
 * reload script before its last </body> (or at its end); a buffer the
 * caller frees.
 */
static char *
inject(const char *html, size_t len, const char *note, size_t nlen,
       unsigned long gen, size_t *outlen)
{
	char tag[128];
	size_t at = len, top = 0, n, i;
	char *res, *p;

	n = (size_t)snprintf(tag, sizeof(tag), RELOAD_TAG, gen);
	for (i = len; i >= 7; i--)
		if (strncasecmp(html + i - 7, "</body>", 7) == 0) {
			at = i - 7;
			break;
		}
	if (note == NULL)
		nlen = 0;
	else if ((top = body_start(html, at)) == 0)
		nlen = 0; /* no body to put it at the top of */
	p = res = xmalloc(len + nlen + n + 1);
	memcpy(p, html, top);
	p += top;
	if (nlen > 0)
		memcpy(p, note, nlen);
	p += nlen;
	memcpy(p, html + top, at - top);
	p += at - top;
	memcpy(p, tag, n);
	p += n;
	memcpy(p, html + at, len - at);
	p += len - at;
	*p = '\0';
	*outlen = (size_t)(p - res);
	return res;
}

/* An HTML body made with inject(), answered with the policy of pages. */
static enum MHD_Result
send_injected(struct MHD_Connection *c, unsigned status, char *body,
              size_t n)
{
	struct MHD_Response *r;

	r = MHD_create_response_from_buffer(n, body, MHD_RESPMEM_MUST_FREE);
	if (r == NULL) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	                        "text/html; charset=utf-8");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(r, "Content-Security-Policy", csp_html);
	return respond(c, status, r);
}

/*
 * The notice for the site page rel (no leading slash): its issue's, on
 * every page of the issue but the story pages.  Called under the lock;
 * NULL if none.
 */
static const struct notice *
find_notice(struct serve *s, const char *rel)
{
	const char *slash = strchr(rel, '/'), *file;
	const struct notice *nt;
	size_t i, k, n;

	if (slash == NULL)
		return NULL;
	file = slash + 1;
	n = strlen(file);
	for (i = 0; i < s->live.nnotes; i++) {
		nt = &s->live.notes[i];
		if (strlen(nt->issue) != (size_t)(slash - rel) ||
		    strncmp(nt->issue, rel, (size_t)(slash - rel)) != 0)
			continue;
		for (k = 0; k < nt->nslugs; k++)
			if (n == strlen(nt->slugs[k]) + 5 &&
			    strncmp(file, nt->slugs[k], n - 5) == 0 &&
			    strcmp(file + n - 5, ".html") == 0)
				return NULL;
		return nt;
	}
	return NULL;
}

/* An HTML answer, with the reload script, and the notice of the site
 * page rel if it has one (rel NULL: none). */
static enum MHD_Result
send_html(struct serve *s, struct MHD_Connection *c, unsigned status,
          const char *html, size_t len, const char *rel)
{
	const struct notice *nt = NULL;
	size_t n;
	char *body;

	pthread_mutex_lock(&s->live.lock);
	if (rel != NULL)
		nt = find_notice(s, rel);
	body = inject(html, len, nt ? nt->html : NULL, nt ? nt->len : 0,
	              s->live.gen, &n);
	pthread_mutex_unlock(&s->live.lock);
	return send_injected(c, status, body, n);
}

static enum MHD_Result
send_status(struct serve *s, struct MHD_Connection *c, unsigned status)
{
	const char *page = status == MHD_HTTP_FORBIDDEN          ? page_403 :
	                   status == MHD_HTTP_METHOD_NOT_ALLOWED ? page_405 :
	                                                           page_404;

	return send_html(s, c, status, page, strlen(page), NULL);
}

/* A short plain-text answer that ends the connection: a refusal. */
static enum MHD_Result
send_refusal(struct MHD_Connection *c, unsigned status, const char *text,
             const char *retry)
{
	struct MHD_Response *r;

	r = MHD_create_response_from_buffer(strlen(text), (void *)text,
	                                    MHD_RESPMEM_PERSISTENT);
	if (r == NULL)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	                        "text/plain; charset=utf-8");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
	if (retry != NULL)
		MHD_add_response_header(r, MHD_HTTP_HEADER_RETRY_AFTER, retry);
	return respond(c, status, r);
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
		res = inject(best->html, best->len, NULL, 0, s->live.gen, len);
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
		nfd = openat(fd, seg, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | (next != NULL ? O_DIRECTORY : 0));
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
		nfd = openat(fd, "index.html", O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
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
 * is answered with its overlay, a page of an issue with stories left out
 * names them at its top; anything else is sent as it is, to be
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
		MHD_add_response_header(r, "Content-Security-Policy", csp_html);
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
		ret = send_html(s, c, MHD_HTTP_OK, body, len, site ? rel : NULL);
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

/* ---- reload events -------------------------------------------------------- */

/* One open event stream. */
struct stream {
	struct serve *s;
	unsigned long seen; /* the generation the page was served at */
	int greeted;
};

/*
 * Runs on the connection's own thread (a thread per connection), so it
 * may wait: for a new generation, for the stop, or HEARTBEAT_S seconds,
 * after which a comment finds out whether the browser is still there
 * (the write after the one the closed socket took fails, and
 * libmicrohttpd closes the connection).
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
	until.tv_sec += HEARTBEAT_S;
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

/* The end of a stream: its slot is free again. */
static void
stream_free(void *cls)
{
	struct stream *st = cls;

	pthread_mutex_lock(&st->s->live.lock);
	st->s->live.streams--;
	pthread_mutex_unlock(&st->s->live.lock);
	free(st);
}

/*
 * An event stream, if fewer than MAX_STREAMS are open: each holds a
 * connection (and its thread) for as long as its page is open, so that
 * without a cap many tabs, or a page that opens streams on purpose,
 * would take every connection there is.
 */
static enum MHD_Result
send_events(struct serve *s, struct MHD_Connection *c)
{
	struct MHD_Response *r;
	struct stream *st;
	const char *since;
	char *end, retry[16];

	pthread_mutex_lock(&s->live.lock);
	if (s->live.streams >= MAX_STREAMS) {
		pthread_mutex_unlock(&s->live.lock);
		snprintf(retry, sizeof(retry), "%d", RETRY_AFTER_S);
		return send_refusal(c, MHD_HTTP_SERVICE_UNAVAILABLE,
		                    "press serve: too many pages are open; "
		                    "this one will ask again.\n",
		                    retry);
	}
	s->live.streams++;
	st = xcalloc(1, sizeof(*st));
	st->s = s;
	st->seen = s->live.gen;
	pthread_mutex_unlock(&s->live.lock);
	since = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "since");
	if (since != NULL && *since != '\0') {
		unsigned long g = strtoul(since, &end, 10);

		if (*end == '\0')
			st->seen = g;
	}
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1024,
	                                      stream_read, st, stream_free);
	if (r == NULL) {
		stream_free(st);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	                        "text/event-stream; charset=utf-8");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	return respond(c, MHD_HTTP_OK, r);
}

/* ---- requests --------------------------------------------------------------- */

/*
 * Whether a Host header names the address served: 127.0.0.1, localhost,
 * [::1] or the --host address, with or without a port (any port: a
 * forwarded port is still this server).  Any other name may be a site
 * that pointed its name at this machine (DNS rebinding) to read the
 * stories from the reporter's browser.  With --host naming every
 * address, any address is answered, but still no other name.
 */
static int
host_ok(const struct serve *s, const char *host)
{
	static const char *const names[] = {"127.0.0.1", "localhost", "[::1]",
	                                    NULL};
	const char *end, *p;
	char name[INET6_ADDRSTRLEN + 2];
	unsigned char addr[sizeof(struct in6_addr)];
	size_t n, i;

	if (host == NULL)
		return 0;
	if (host[0] == '[')
		end = strchr(host, ']') ? strchr(host, ']') + 1 : NULL;
	else
		end = strchrnul(host, ':');
	if (end == NULL || end == host)
		return 0;
	if (*end == ':') {
		for (p = end + 1; isdigit((unsigned char)*p); p++)
			;
		if (p == end + 1 || p - end > 6 || *p != '\0')
			return 0;
	} else if (*end != '\0')
		return 0;
	n = (size_t)(end - host);
	for (i = 0; names[i] != NULL; i++)
		if (strlen(names[i]) == n && strncasecmp(host, names[i], n) == 0)
			return 1;
	for (i = 0; i < 2; i++)
		if (s->hosts[i] != NULL && strlen(s->hosts[i]) == n &&
		    strncasecmp(host, s->hosts[i], n) == 0)
			return 1;
	if (!s->any_host || n >= sizeof(name))
		return 0;
	if (host[0] == '[') {
		memcpy(name, host + 1, n - 2);
		name[n - 2] = '\0';
		return inet_pton(AF_INET6, name, addr) == 1;
	}
	memcpy(name, host, n);
	name[n] = '\0';
	return inet_pton(AF_INET, name, addr) == 1;
}

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
	if (!host_ok(s, MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	                                            MHD_HTTP_HEADER_HOST)))
		return send_refusal(c, MHD_HTTP_MISDIRECTED_REQUEST,
		                    "press serve answers only requests for its "
		                    "own address, such as localhost.\n",
		                    NULL);
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
	if (strcmp(url, "/_press/overlay.css") == 0) {
		r = MHD_create_response_from_buffer(strlen(serve_css),
		                                    (void *)serve_css,
		                                    MHD_RESPMEM_PERSISTENT);
		if (r == NULL)
			return MHD_NO;
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
		                        "text/css; charset=utf-8");
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

/*
 * The limits are libmicrohttpd's: MAX_CONNECTIONS at once (past it new
 * connections wait to be accepted), and a connection that says nothing
 * for IDLE_TIMEOUT_S is closed, whether it never sent a request or
 * keeps an old one alive.
 */
struct MHD_Daemon *
serve_http_start(struct serve *s, const void *ss, unsigned family, int port)
{
	unsigned flags;

	flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
	        MHD_USE_POLL | MHD_USE_ERROR_LOG;
	if (family == AF_INET6)
		flags |= MHD_USE_IPv6;
	return MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, on_request, s,
	                        MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
	                        MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)ss,
	                        MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
	                        MHD_OPTION_CONNECTION_LIMIT,
	                        (unsigned)MAX_CONNECTIONS,
	                        MHD_OPTION_CONNECTION_TIMEOUT,
	                        (unsigned)IDLE_TIMEOUT_S,
	                        MHD_OPTION_END);
}
