/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_SCHED_H
#define WIREDESK_SCHED_H

#include <stddef.h>
#include <stdint.h>

/* The refresh timetable: pure, clock-free (now is always a parameter, in
 * Unix seconds).  Feeds are due at once when added. */
struct sched;

enum sched_outcome { SCHED_OK, SCHED_FAILED };

struct sched *sched_new(uint64_t seed); /* seed drives backoff jitter */
void sched_free(struct sched *s);
void sched_add(struct sched *s, uint32_t feed_id, int interval);
/* Marks feed_id as in flight: it is not due again until sched_done. */
void sched_started(struct sched *s, uint32_t feed_id);
/* Records a finished fetch.  A failure backs off exponentially with
 * jitter (capped); retry_after (seconds, -1 if none) from a 429/503 is
 * honoured as the earliest next attempt. */
void sched_done(struct sched *s, uint32_t feed_id, enum sched_outcome o,
    int64_t now, int64_t retry_after);
/* Makes feed_id (or every feed for 0) due now, unless in flight. */
void sched_force(struct sched *s, uint32_t feed_id, int64_t now);
/* Fills ids with up to max feeds due at now (earliest first); returns how
 * many. */
size_t sched_due(struct sched *s, int64_t now, uint32_t *ids, size_t max);
/* Earliest deadline of a feed not in flight, or INT64_MAX. */
int64_t sched_next_deadline(const struct sched *s);
/* Next attempt time of one feed, or INT64_MAX. */
int64_t sched_feed_deadline(const struct sched *s, uint32_t feed_id);

#endif
