/*
 * The command line: press build, press preview.  Parses options and hands
 * over to the pipeline; the exit status comes from the worst message.
 */
#include <getopt.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>

#include "press.h"

static const char usage_text[] =
    "usage: press build   [-a ARTICLES] [-t TEMPLATES] [-o OUT]\n"
    "                     [--print-encoding ENCODING] [ISSUE_DIR ...]\n"
    "       press preview [-t TEMPLATES] [-o DIR] FILE.md\n"
    "       press --help | --version\n"
    "\n"
    "build    every issue under ARTICLES (default articles) into OUT/site\n"
    "         (the web edition) and OUT/print (the XML for the layout desk);\n"
    "         OUT defaults to out; --print-encoding GB18030 writes the print\n"
    "         files in that encoding (default UTF-8)\n"
    "preview  one story, in an issue or not, into DIR (default out/preview);\n"
    "         prints the path of its HTML\n"
    "\n"
    "Messages read 'press: FILE:LINE:COL: error|warning: message'.\n"
    "Exit status: 0 no errors, 1 errors in the input, 2 usage.\n";

static int
usage(FILE *f, int status)
{
	fputs(usage_text, f);
	return status;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"print-encoding", required_argument, NULL, 'E'},
		{NULL, 0, NULL, 0},
	};
	struct build_opts opts = {"articles", "templates", "out", NULL};
	const char *cmd, *outdir = NULL;
	int c, preview;

	if (argc > 1 && strcmp(argv[1], "--help") == 0)
		return usage(stdout, 0);
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		printf("press %s\n", PRESS_VERSION);
		return 0;
	}
	if (argc < 2)
		return usage(stderr, 2);
	cmd = argv[1];
	if (strcmp(cmd, "build") == 0)
		preview = 0;
	else if (strcmp(cmd, "preview") == 0)
		preview = 1;
	else {
		diag_usage("unknown command '%s'", cmd);
		return usage(stderr, 2);
	}
	argc--, argv++;
	while ((c = getopt_long(argc, argv, "a:t:o:hV", longopts, NULL)) != -1)
		switch (c) {
		case 'a':
			opts.articles = optarg;
			break;
		case 't':
			opts.templates = optarg;
			break;
		case 'o':
			outdir = optarg;
			break;
		case 'E':
			opts.print_encoding = optarg;
			break;
		case 'h':
			return usage(stdout, 0);
		case 'V':
			printf("press %s\n", PRESS_VERSION);
			return 0;
		default:
			return usage(stderr, 2);
		}
	argc -= optind;
	argv += optind;
	if (opts.print_encoding != NULL) {
		iconv_t cd = iconv_open(opts.print_encoding, "UTF-8");

		if (cd == (iconv_t)-1) {
			diag_usage("unknown encoding '%s'", opts.print_encoding);
			return 2;
		}
		iconv_close(cd);
	}

	xmlInitParser();
	LIBXML_TEST_VERSION
	if (preview) {
		if (argc != 1) {
			diag_usage("preview takes one story file");
			return usage(stderr, 2);
		}
		build_preview(&opts, argv[0], outdir ? outdir : "out/preview");
	} else {
		if (outdir != NULL)
			opts.out = outdir;
		build_all(&opts, argv, argc);
	}
	schema_free();
	render_free();
	xsltCleanupGlobals();
	xmlCleanupParser();
	return diag_status();
}
