/*
 * libmicrohttpd, opened when press serve starts (mhd_open) rather than
 * loaded with every press command: with the TLS libraries it brings, it
 * was 40% of the start-up of every command (3 of 7.5 ms of CPU), paid by
 * each `press preview` and `press build`.  The calls keep their names:
 * after this header each MHD_ function used is a pointer into the
 * library.
 */
#ifndef MHD_H
#define MHD_H

#include <microhttpd.h>

#define MHD_FUNCS                        \
	F(MHD_add_response_header)           \
	F(MHD_create_response_from_buffer)   \
	F(MHD_create_response_from_callback) \
	F(MHD_create_response_from_fd64)     \
	F(MHD_destroy_response)              \
	F(MHD_get_daemon_info)               \
	F(MHD_get_response_header)           \
	F(MHD_lookup_connection_value)       \
	F(MHD_queue_response)                \
	F(MHD_start_daemon)                  \
	F(MHD_stop_daemon)

struct mhd {
#define F(name) __typeof__(name) *name;
	MHD_FUNCS
#undef F
};
extern struct mhd mhd;

/* Opens libmicrohttpd; returns 0 after a message on stderr. */
int mhd_open(void);

#ifndef MHD_OPEN
#define MHD_add_response_header (*mhd.MHD_add_response_header)
#define MHD_create_response_from_buffer (*mhd.MHD_create_response_from_buffer)
#define MHD_create_response_from_callback \
	(*mhd.MHD_create_response_from_callback)
#define MHD_create_response_from_fd64 (*mhd.MHD_create_response_from_fd64)
#define MHD_destroy_response (*mhd.MHD_destroy_response)
#define MHD_get_daemon_info (*mhd.MHD_get_daemon_info)
#define MHD_get_response_header (*mhd.MHD_get_response_header)
#define MHD_lookup_connection_value (*mhd.MHD_lookup_connection_value)
#define MHD_queue_response (*mhd.MHD_queue_response)
#define MHD_start_daemon (*mhd.MHD_start_daemon)
#define MHD_stop_daemon (*mhd.MHD_stop_daemon)
#endif

#endif
