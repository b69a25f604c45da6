/*
 * The command line.  Each command is a row of the table below and a
 * function that parses its own options and hands over to the pipeline;
 * the exit status comes from the worst message (diag.c).
 */
#include <errno.h>
#include <getopt.h>
#include <iconv.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>

#include "press.h"

static int cmd_build(int, char **);
static int cmd_preview(int, char **);

static const char *const build_longs[] = {"print-encoding", NULL};
static const char *const serve_longs[] = {"host", NULL};
static const char *const import_longs[] = {"date", "page", "name", NULL};

static const struct {
	const char *name;
	int (*run)(int argc, char **argv); /* argv[0] is the command */
	const char *opts;                  /* its getopt letters */
	const char *const *longs;          /* its long options with a value */
	const char *usage;
} commands[] = {
	{"build", cmd_build, "a:t:o:j:", build_longs,
	 N_("build   [-a ARTICLES] [-t TEMPLATES] [-o OUT] [-j JOBS]\n"
	 "                [--print-encoding ENCODING] [--gbk-safe] [ISSUE_DIR ...]\n"
	 "        every issue under ARTICLES (default articles), or the ISSUE_DIRs,\n"
	 "        into OUT/site (the web edition) and OUT/print (the XML for the\n"
	 "        layout desk); OUT defaults to out; --print-encoding GB18030\n"
	 "        writes the print files but the ICML in that encoding (default\n"
	 "        UTF-8), warning of characters outside GBK (--gbk-safe: errors);\n"
	 "        only what changed since the last build is built again, by JOBS\n"
	 "        processes (default: one a core)")},
	{"preview", cmd_preview, "a:t:o:", NULL,
	 N_("preview [-a ARTICLES] [-t TEMPLATES] [-o DIR] FILE.md\n"
	 "        one story, in an issue or not, into DIR (default out/preview);\n"
	 "        prints the path of its HTML")},
	{"check", cmd_check, "a:t:", NULL,
	 N_("check   [-a ARTICLES] [-t TEMPLATES] [--json] [--fix] [PATH ...]\n"
	 "        proofreading and fitting report of the stories, issue folders,\n"
	 "        or every issue under ARTICLES: the rules of press(1) (switched\n"
	 "        off or given another level in ARTICLES/house.yaml), each story's\n"
	 "        字数 and lines against its space, errors per 10,000 字 of each\n"
	 "        page; --fix writes the mechanical corrections back")},
	{"serve", cmd_serve, "a:t:o:p:", serve_longs,
	 N_("serve   [-a ARTICLES] [-t TEMPLATES] [-o OUT] [-p PORT] [--host ADDR]\n"
	 "                [ISSUE_DIR | FILE.md ...]\n"
	 "        builds into a private folder (or OUT) and serves the web edition\n"
	 "        on http://127.0.0.1:PORT/ (default 8080, 0 picks a free port);\n"
	 "        every save under ARTICLES or TEMPLATES rebuilds what it affects\n"
	 "        and reloads the open pages; a story with errors shows them")},
	{"import", cmd_import, "o:", import_longs,
	 N_("import  [-o DIR] [--date YYYY-MM-DD] [--page N] [--name NAME] FILE ...\n"
	 "        plain-text pages of the old paper (one page a FILE) into a new\n"
	 "        issue folder DIR (default articles/DATE): issue.yaml and a story\n"
	 "        a file; every guess is a warning at its line of the page")},
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static int
usage(FILE *f, int status)
{
	size_t i;

	fputs(_("usage: press [-C DIR] COMMAND [OPTIONS] ...\n"), f);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(f, "\npress %s\n", _(commands[i].usage));
	fputs(_("\npress --help | --version\n\n"
	      "press works in the project holding the files named, or the\n"
	      "current folder: the first folder up from there with an\n"
	      "articles/paper.yaml; -C DIR starts from DIR instead.\n"
	      "Messages read 'press: FILE:LINE:COL: error|warning: message'.\n"
	      "Exit status: 0 no errors, 1 errors in the input, 2 usage.\n"), f);
	return status;
}

/* The options every command shares; 0 after a usage message. */
static int
common_option(int c, struct build_opts *opts)
{
	switch (c) {
	case 'a':
		opts->articles = optarg;
		return 1;
	case 't':
		opts->templates = optarg;
		return 1;
	case 'o':
		opts->out = optarg;
		return 1;
	default:
		return 0;
	}
}

static int
cmd_build(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"print-encoding", required_argument, NULL, 'E'},
		{"gbk-safe", no_argument, NULL, 'G'},
		{NULL, 0, NULL, 0},
	};
	struct build_opts opts = {"articles", "templates", "out", NULL, 0,
	                          PROOF_WARNINGS, FIT_NONE, 0};
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	iconv_t cd;
	char *end;
	int c;

	opts.jobs = cores > 0 ? (unsigned)cores : 1;
	while ((c = getopt_long(argc, argv, "a:t:o:j:", longopts, NULL)) != -1)
		if (c == 'E')
			opts.print_encoding = optarg;
		else if (c == 'G')
			opts.gbk_safe = 1;
		else if (c == 'j') {
			long j = strtol(optarg, &end, 10);

			if (*end != '\0' || j < 1 || j > 256) {
				diag_usage(_("-j takes a number of processes from 1"));
				return 2;
			}
			opts.jobs = (unsigned)j;
		} else if (!common_option(c, &opts))
			return usage(stderr, 2);
	if (opts.print_encoding != NULL) {
		if ((cd = iconv_open(opts.print_encoding, "UTF-8")) == (iconv_t)-1) {
			diag_usage(_("unknown encoding '%s'"), opts.print_encoding);
			return 2;
		}
		iconv_close(cd);
	}
	build_all(&opts, argv + optind, argc - optind);
	return diag_status();
}

static int
cmd_preview(int argc, char **argv)
{
	struct build_opts opts = {"articles", "templates", "out/preview", NULL, 1,
	                          PROOF_WARNINGS, FIT_NONE, 0};
	int c;

	while ((c = getopt(argc, argv, "a:t:o:")) != -1)
		if (!common_option(c, &opts))
			return usage(stderr, 2);
	if (argc - optind != 1) {
		diag_usage(_("preview takes one story file"));
		return usage(stderr, 2);
	}
	project_speak_as_named();
	build_preview(&opts, argv[optind], opts.out);
	return diag_status();
}

/*
 * Messages in the reader's language.  When the locale the environment
 * names is not installed on the machine (zh_CN.UTF-8 often is not),
 * the catalogue is still used: C.UTF-8 for the C library, and the
 * language asked for through LANGUAGE, which gettext reads.
 */
static void
language(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	const char *v = NULL;
	char *dir, *lang;
	size_t i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		if ((v = getenv(vars[i])) != NULL && *v != '\0')
			break;
	if (setlocale(LC_MESSAGES, "") == NULL && v != NULL && *v != '\0' &&
	    strcmp(v, "C") != 0 && strcmp(v, "POSIX") != 0 &&
	    strncmp(v, "C.", 2) != 0 && setlocale(LC_MESSAGES, "C.UTF-8")) {
		lang = xstrndup(v, strcspn(v, ".@"));
		setenv("LANGUAGE", lang, 0);
		free(lang);
	}
	dir = project_data("locale");
	bindtextdomain("press", dir);
	bind_textdomain_codeset("press", "UTF-8");
	/* getopt's complaints come from the C library's catalogue. */
	bind_textdomain_codeset("libc", "UTF-8");
	textdomain("press");
	free(dir);
}

int
main(int argc, char **argv)
{
	char **args;
	size_t i;
	int status, nargs;

	language();
	/* -C DIR, as git has it: as if press were started in DIR. */
	while (argc > 2 && strcmp(argv[1], "-C") == 0) {
		if (chdir(argv[2]) != 0) {
			diag_usage("-C %s: %s", argv[2], strerror(errno));
			return 2;
		}
		argc -= 2;
		argv += 2;
	}
	if (argc > 1 && strcmp(argv[1], "--help") == 0)
		return usage(stdout, 0);
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		printf("press %s\n", PRESS_VERSION);
		return 0;
	}
	if (argc < 2)
		return usage(stderr, 2);
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			break;
	if (i == NCOMMANDS) {
		diag_usage(_("unknown command '%s'"), argv[1]);
		return usage(stderr, 2);
	}
	args = project_enter(argc - 1, argv + 1, commands[i].opts,
	                     commands[i].longs, &nargs);
	if (args == NULL) {
		diag_usage(_("cannot tell the current folder: %s"), strerror(errno));
		return 2;
	}
	xmlInitParser();
	LIBXML_TEST_VERSION
	status = commands[i].run(nargs, args);
	schema_free();
	render_free();
	xsltCleanupGlobals();
	xmlCleanupParser();
	while (nargs > 0)
		free(args[--nargs]);
	free(args);
	return status;
}
