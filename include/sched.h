/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_SCHED_H
#define WIREDESK_SCHED_H

#include <stddef.h>
#include <stdint.h>

/* The refresh timetable: pure, clock-free (now is always a parameter, in
 * Unix seconds).  Feeds are due at once when added.
 *
 * After a success the next attempt is now + interval.  After the n-th
 * failure in a row it is now + d, d = min(60 s * 2^(n-1), cap) with
 * cap = max(SCHED_BACKOFF_CAP, interval), then jittered by up to +-25 %
 * (never below SCHED_BACKOFF_MIN).  A Retry-After moves the attempt
 * later, never earlier, and is itself capped at SCHED_RETRY_AFTER_MAX so
 * a hostile server cannot silence a feed for years.  The jitter comes
 * from a PRNG seeded by sched_new's seed: the same seed and the same
 * calls give the same timetable. */
#define SCHED_DEFAULT_INTERVAL 300        /* for interval <= 0 */
#define SCHED_BACKOFF_BASE 60             /* first retry after a failure */
#define SCHED_BACKOFF_MIN 30              /* jitter never goes below */
#define SCHED_BACKOFF_CAP (6 * 3600)      /* growth stops here ... */
#define SCHED_RETRY_AFTER_MAX (24 * 3600) /* ... Retry-After here */

struct sched;

enum sched_outcome { SCHED_OK, SCHED_FAILED };

/* seed drives backoff jitter.  Caller frees with sched_free. */
struct sched *sched_new(uint64_t seed);
void sched_free(struct sched *s);
/* Adds feed_id (never 0), due at once.  Adding a known feed only changes
 * its interval (seconds; <= 0 means SCHED_DEFAULT_INTERVAL). */
void sched_add(struct sched *s, uint32_t feed_id, int interval);
/* Forgets feed_id (unknown ids are ignored): it is never due again, and
 * a later sched_done for it is ignored.  Adding it again makes it due at
 * once, with no failures.  Costs O(feeds). */
void sched_remove(struct sched *s, uint32_t feed_id);
/* Marks feed_id as in flight: it is not due again until sched_done. */
void sched_started(struct sched *s, uint32_t feed_id);
/* Records a finished fetch.  A failure backs off exponentially with
 * jitter (capped); retry_after (seconds, -1 if none) from a 429/503 is
 * honoured as the earliest next attempt.  Unknown feeds are ignored. */
void sched_done(struct sched *s, uint32_t feed_id, enum sched_outcome o,
    int64_t now, int64_t retry_after);
/* Makes feed_id (or every feed for 0) due now, unless in flight.  The
 * failure count is kept, so a forced retry that fails backs off further. */
void sched_force(struct sched *s, uint32_t feed_id, int64_t now);
/* Fills ids with up to max feeds due at now (deadline <= now), earliest
 * first, ties by feed id; returns how many.  It does not mark them in
 * flight: call sched_started for each one actually started.  Costs
 * O(k log k) for k results, whatever the number of feeds. */
size_t sched_due(struct sched *s, int64_t now, uint32_t *ids, size_t max);
/* Earliest deadline of a feed not in flight, or INT64_MAX. */
int64_t sched_next_deadline(const struct sched *s);
/* Next attempt time of one feed, or INT64_MAX (unknown or in flight). */
int64_t sched_feed_deadline(const struct sched *s, uint32_t feed_id);
/* Failures in a row of one feed (0 after a success or when unknown). */
unsigned sched_feed_failures(const struct sched *s, uint32_t feed_id);
/* Feeds known. */
size_t sched_count(const struct sched *s);

#endif
