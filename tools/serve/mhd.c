/* Opens libmicrohttpd for press serve (mhd.h says why). */
#define MHD_OPEN
#include <dlfcn.h>
#include <stdio.h>

#include "mhd.h"

#ifndef MHD_SONAME
#define MHD_SONAME "libmicrohttpd.so.12"
#endif

struct mhd mhd;

int
mhd_open(void)
{
	void *lib;

	if (mhd.MHD_start_daemon != NULL)
		return 1;
	if ((lib = dlopen(MHD_SONAME, RTLD_NOW)) == NULL) {
		fprintf(stderr, "press: %s\n", dlerror());
		return 0;
	}
#define F(name)                                                    \
	if ((*(void **)&mhd.name = dlsym(lib, #name)) == NULL) {       \
		fprintf(stderr, "press: %s: no %s\n", MHD_SONAME, #name); \
		return 0;                                                  \
	}
	MHD_FUNCS
#undef F
	return 1;
}
