/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_BUF_H
#define WIREDESK_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "util.h"

/* A growable byte string (appends to a buffer without max cannot fail, so
 * their results may be ignored), always NUL-terminated when p is non-NULL.
 * max caps len (0 means no cap); an append past it fails with -1 and
 * leaves the buffer unchanged.  Embed it and pair buf_init/buf_fini. */
struct buf {
	char *p;
	size_t len, cap, max;
};

void buf_init(struct buf *b, size_t max);
int buf_append(struct buf *b, const void *p, size_t n);
int buf_puts(struct buf *b, const char *s);
int buf_putc(struct buf *b, int c);
int buf_appendf(struct buf *b, const char *fmt, ...)
    ATTR_PRINTF(2, 3);
int buf_vappendf(struct buf *b, const char *fmt, va_list ap)
    ATTR_PRINTF(2, 0);
/* Ownership out: returns the string (never NULL; caller frees) and leaves
 * b empty. */
char *buf_take(struct buf *b);
/* Empties b, keeping its memory. */
void buf_reset(struct buf *b);
void buf_fini(struct buf *b);

#endif
