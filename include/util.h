/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_UTIL_H
#define WIREDESK_UTIL_H

#include <stddef.h>
#include <stdint.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__) || defined(__clang__)
#define ATTR_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define ATTR_NODISCARD __attribute__((warn_unused_result))
#define ATTR_NORETURN __attribute__((noreturn))
#else
#define ATTR_PRINTF(f, a)
#define ATTR_NODISCARD
#define ATTR_NORETURN
#endif

/* Allocation wrappers: running out of memory runs the fatal hook (which
 * restores the terminal) and aborts.  Every returned pointer is freed by
 * the caller with free(). */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* realloc for nmemb * size with an overflow check. */
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s);
/* Copy of the first n bytes of s, NUL-terminated. */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) ATTR_PRINTF(1, 2);

/* Called by die() and the x* wrappers before they end the process, so the
 * terminal layer can restore the tty without util depending on it. */
typedef void (*util_fatal_fn)(void);
void util_set_fatal_hook(util_fatal_fn fn);

/* Runs the fatal hook, prints "wiredesk: MESSAGE" to stderr, exits 2. */
ATTR_NORETURN void die(const char *fmt, ...) ATTR_PRINTF(1, 2);

/* snprintf that never overflows; truncates silently. */
void util_strlcpy(char *dst, const char *src, size_t size);

/* Whole file into memory (NUL-terminated, *len without it), refusing files
 * larger than max bytes.  Returns NULL and fills err on failure; the
 * caller frees the result. */
char *util_read_file(const char *path, size_t max, size_t *len, char *err,
    size_t errlen);

/* 64-bit FNV-1a over bytes, seeded. */
uint64_t util_hash(const void *p, size_t n, uint64_t seed);

/* The cores online, at least 1: whether a second thread can pay. */
int util_cores(void);

/* Hands the free pages of the heap back to the system where the C
 * library can (glibc: every thread's arena, not only the top of the main
 * heap).  For the moment a big working set has just been freed and more
 * is about to be allocated, possibly on another thread, which could not
 * reuse the first's free memory. */
void util_trim_heap(void);

/* Monotonic milliseconds and microseconds, for budgets and benchmarks
 * only (never for anything that ends up in output). */
int64_t util_now_ms(void);
int64_t util_now_us(void);

#endif
