/*
 * A reporter saving while press check --fix runs: loaded with
 * LD_PRELOAD, each fsync(2) first appends a line to the file RACE_FILE
 * names, as an editor's save would, between press's reading of the file
 * and its replacing it.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

int fsync(int);

int
fsync(int fd)
{
	static int (*real)(int);
	const char *file = getenv("RACE_FILE");
	FILE *fp;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "fsync");
	if (file != NULL && (fp = fopen(file, "a")) != NULL) {
		fputs("记者刚刚又补了一句。\n", fp);
		fclose(fp);
	}
	return real(fd);
}
