/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_POOL_H
#define WIREDESK_POOL_H

#include <stddef.h>
#include <stdint.h>

#include "fetch.h"
#include "parse.h"

/* The parse pool: worker threads that turn finished transfers into
 * parsed feeds while the one event loop goes on fetching, merging and
 * drawing.  The loop hands a transfer over (pool_submit) and takes parsed
 * feeds back (pool_next) once pool_fd is readable; it stays the single
 * owner of curl, the store, the clusterer and the screen, and the workers
 * run only fetch_decode (inflating a gzip or deflate body) and parse_feed
 * (or parse_feed_lead), pure functions of the bytes.  Parsed feeds come
 * back in the order they finish, which callers must not depend on.
 *
 * With 0 workers the pool parses in pool_submit itself, on the caller's
 * thread, and results come back in submission order. */
struct pool;

/* A finished transfer and what parsing it gave.  The caller owns it once
 * pool_next returned it, and frees it with pool_done_fini. */
struct pool_done {
	struct fetch_result res; /* the transfer, body included */
	struct parsed_feed pf;   /* when ok */
	int ok;                  /* 1: parsed; 0: not parsed (not an OK
	                          * transfer) or failed (err says why) */
	char err[512];
};

/* workers: threads to start; POOL_AUTO for one per core but one (at
 * least one).  Never NULL: a pool whose threads cannot start parses on
 * the caller's thread.  Free with pool_free, which waits for the jobs in
 * progress and drops the rest. */
#define POOL_AUTO (-1)
struct pool *pool_new(int workers);
void pool_free(struct pool *p);
/* Threads running (0: parsing on the caller's thread). */
unsigned pool_workers(const struct pool *p);

/* Takes over res (the caller's copy is left empty) and url (copied: the
 * feed's own, for relative links when the transfer has no effective
 * URL).  A transfer that did not succeed is passed through unparsed, and
 * so is one whose body does not inflate (res becomes its FETCH_ERROR). */
void pool_submit(struct pool *p, struct fetch_result *res, const char *url);
/* Transfers submitted from now on are parsed for a reader of their
 * summaries' first lead bytes only (parse_feed_lead); 0, the default,
 * for all of them. */
void pool_set_lead(struct pool *p, size_t lead);
/* The next parsed feed, if one is ready: 1 and *out filled, else 0.
 * Never blocks. */
int pool_next(struct pool *p, struct pool_done *out);
/* Readable while parsed feeds wait for pool_next: one more fd for the
 * event loop's poll.  Reading it is pool_next's business. */
int pool_fd(const struct pool *p);
/* Transfers submitted and not yet taken back. */
size_t pool_pending(const struct pool *p);
/* Waits up to ms milliseconds for a parsed feed to be ready (for callers
 * with nothing else to wait on); returns whether one is. */
int pool_wait(struct pool *p, int ms);

void pool_done_fini(struct pool_done *d);

/* The charset parameter of a Content-Type header ("text/xml;
 * Charset=ISO-8859-1"), copied into out; NULL when there is none. */
const char *pool_charset(const char *content_type, char *out, size_t outlen);

#endif
