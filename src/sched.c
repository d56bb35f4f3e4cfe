/* sched: when each feed is fetched next.
 *
 * Pure and clock-free: every time comes in as a parameter, so the whole
 * timetable is testable without sleeping.  Feeds live in a dense array,
 * found by id through an open-addressing hash; a removal moves the last
 * entry into the gap and rebuilds the hash, O(feeds), which is fine for
 * what removes a feed (the reporter editing the feeds file).  Feeds
 * waiting for their next attempt sit in a binary min-heap ordered by
 * (deadline, feed id); a feed in flight is out of the heap, which is what
 * keeps it from being due twice.
 *
 * sched_due runs every loop turn, so it must not cost O(feeds).  It walks
 * the heap best-first with a small side heap of candidate positions:
 * because a heap's children are never earlier than their parent, the
 * first k due feeds come out in order in O(k log k), without touching the
 * main heap.
 *
 * Invariants: e[i].heap is the entry's position in heap[] or NOT_QUEUED
 * when in flight; heap[e[i].heap] == i; the hash maps every id to its
 * index + 1 (0 marks an empty slot, which is why feed id 0 is refused). */
#include "sched.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define NOT_QUEUED SIZE_MAX

struct entry {
	uint32_t id;
	int interval;
	unsigned failures;
	int64_t deadline;
	size_t heap;
};

struct sched {
	struct entry *e;
	size_t n, cap;
	uint32_t *slot; /* entry index + 1; 0 = empty */
	size_t nslot;   /* power of two */
	size_t *heap;   /* entry indices */
	size_t nheap;
	size_t *side; /* scratch for sched_due */
	size_t sidecap;
	uint64_t rng;
};

/* splitmix64: tiny, well distributed, fully determined by the seed. */
static uint64_t
rng_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static size_t
slot_of(const struct sched *s, uint32_t id)
{
	uint64_t h = (uint64_t)id * 0x9e3779b97f4a7c15ULL;

	return (size_t)(h >> 32) & (s->nslot - 1);
}

static struct entry *
find(const struct sched *s, uint32_t id)
{
	if (id == 0 || s->nslot == 0)
		return NULL;
	for (size_t i = slot_of(s, id);; i = (i + 1) & (s->nslot - 1)) {
		uint32_t v = s->slot[i];
		if (v == 0)
			return NULL;
		if (s->e[v - 1].id == id)
			return &s->e[v - 1];
	}
}

static void
slot_insert(struct sched *s, uint32_t id, size_t idx)
{
	size_t i = slot_of(s, id);

	while (s->slot[i] != 0)
		i = (i + 1) & (s->nslot - 1);
	s->slot[i] = (uint32_t)(idx + 1);
}

static void
rehash(struct sched *s)
{
	free(s->slot);
	s->nslot = s->nslot ? s->nslot * 2 : 64;
	s->slot = xcalloc(s->nslot, sizeof(*s->slot));
	for (size_t i = 0; i < s->n; i++)
		slot_insert(s, s->e[i].id, i);
}

static int
earlier(const struct sched *s, size_t a, size_t b)
{
	const struct entry *x = &s->e[a], *y = &s->e[b];

	if (x->deadline != y->deadline)
		return x->deadline < y->deadline;
	return x->id < y->id;
}

static void
heap_set(struct sched *s, size_t pos, size_t idx)
{
	s->heap[pos] = idx;
	s->e[idx].heap = pos;
}

static void
sift_up(struct sched *s, size_t pos)
{
	size_t idx = s->heap[pos];

	while (pos > 0) {
		size_t parent = (pos - 1) / 2;
		if (!earlier(s, idx, s->heap[parent]))
			break;
		heap_set(s, pos, s->heap[parent]);
		pos = parent;
	}
	heap_set(s, pos, idx);
}

static void
sift_down(struct sched *s, size_t pos)
{
	size_t idx = s->heap[pos];

	for (;;) {
		size_t c = 2 * pos + 1;
		if (c >= s->nheap)
			break;
		if (c + 1 < s->nheap && earlier(s, s->heap[c + 1], s->heap[c]))
			c++;
		if (!earlier(s, s->heap[c], idx))
			break;
		heap_set(s, pos, s->heap[c]);
		pos = c;
	}
	heap_set(s, pos, idx);
}

static void
heap_push(struct sched *s, size_t idx)
{
	/* heap has the capacity of e[] (see sched_add) */
	s->heap[s->nheap] = idx;
	s->e[idx].heap = s->nheap++;
	sift_up(s, s->nheap - 1);
}

static void
heap_remove(struct sched *s, size_t idx)
{
	size_t pos = s->e[idx].heap;

	s->e[idx].heap = NOT_QUEUED;
	if (--s->nheap == pos)
		return;
	size_t moved = s->heap[s->nheap];
	heap_set(s, pos, moved);
	sift_down(s, pos);
	sift_up(s, s->e[moved].heap);
}

/* Moves a feed's deadline, queueing it if it was in flight. */
static void
set_deadline(struct sched *s, struct entry *e, int64_t t)
{
	size_t idx = (size_t)(e - s->e);

	e->deadline = t;
	if (e->heap == NOT_QUEUED) {
		heap_push(s, idx);
		return;
	}
	sift_up(s, e->heap);
	sift_down(s, e->heap);
}

static int64_t
add_sat(int64_t a, int64_t b)
{
	return a > INT64_MAX - b ? INT64_MAX : a + b;
}

/* The delay after the n-th failure in a row (n >= 1). */
static int64_t
backoff(struct sched *s, const struct entry *e)
{
	int64_t cap =
	    e->interval > SCHED_BACKOFF_CAP ? e->interval : SCHED_BACKOFF_CAP;
	int64_t d = cap;

	if (e->failures <= 30) {
		d = (int64_t)SCHED_BACKOFF_BASE << (e->failures - 1);
		if (d > cap)
			d = cap;
	}
	int64_t j = d / 4;
	d += (int64_t)(rng_next(&s->rng) % (uint64_t)(2 * j + 1)) - j;
	return d < SCHED_BACKOFF_MIN ? SCHED_BACKOFF_MIN : d;
}

struct sched *
sched_new(uint64_t seed)
{
	struct sched *s = xcalloc(1, sizeof(*s));

	s->rng = seed;
	return s;
}

void
sched_free(struct sched *s)
{
	if (s == NULL)
		return;
	free(s->e);
	free(s->slot);
	free(s->heap);
	free(s->side);
	free(s);
}

void
sched_add(struct sched *s, uint32_t feed_id, int interval)
{
	if (interval <= 0)
		interval = SCHED_DEFAULT_INTERVAL;
	if (feed_id == 0)
		return;
	struct entry *e = find(s, feed_id);
	if (e != NULL) {
		e->interval = interval;
		return;
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->e = xreallocarray(s->e, s->cap, sizeof(*s->e));
		s->heap = xreallocarray(s->heap, s->cap, sizeof(*s->heap));
	}
	if ((s->n + 1) * 2 > s->nslot)
		rehash(s);
	e = &s->e[s->n];
	e->id = feed_id;
	e->interval = interval;
	e->failures = 0;
	e->heap = NOT_QUEUED;
	slot_insert(s, feed_id, s->n);
	s->n++;
	set_deadline(s, e, 0); /* due at any real now */
}

void
sched_remove(struct sched *s, uint32_t feed_id)
{
	struct entry *e = find(s, feed_id);

	if (e == NULL)
		return;
	size_t idx = (size_t)(e - s->e), last = s->n - 1;
	if (e->heap != NOT_QUEUED)
		heap_remove(s, idx);
	if (idx != last) {
		s->e[idx] = s->e[last];
		if (s->e[idx].heap != NOT_QUEUED)
			s->heap[s->e[idx].heap] = idx;
	}
	s->n--;
	memset(s->slot, 0, s->nslot * sizeof(*s->slot));
	for (size_t i = 0; i < s->n; i++)
		slot_insert(s, s->e[i].id, i);
}

void
sched_started(struct sched *s, uint32_t feed_id)
{
	struct entry *e = find(s, feed_id);

	if (e != NULL && e->heap != NOT_QUEUED)
		heap_remove(s, (size_t)(e - s->e));
}

void
sched_done(struct sched *s, uint32_t feed_id, enum sched_outcome o, int64_t now,
    int64_t retry_after)
{
	struct entry *e = find(s, feed_id);

	if (e == NULL)
		return;
	int64_t next;
	if (o == SCHED_OK) {
		e->failures = 0;
		next = add_sat(now, e->interval);
	} else {
		if (e->failures < UINT32_MAX)
			e->failures++;
		next = add_sat(now, backoff(s, e));
	}
	if (retry_after > 0) {
		if (retry_after > SCHED_RETRY_AFTER_MAX)
			retry_after = SCHED_RETRY_AFTER_MAX;
		int64_t ra = add_sat(now, retry_after);
		if (ra > next)
			next = ra;
	}
	set_deadline(s, e, next);
}

void
sched_force(struct sched *s, uint32_t feed_id, int64_t now)
{
	if (feed_id != 0) {
		struct entry *e = find(s, feed_id);
		if (e != NULL && e->heap != NOT_QUEUED && e->deadline > now)
			set_deadline(s, e, now);
		return;
	}
	/* Everything at once: O(n) heapify instead of n sifts. */
	for (size_t i = 0; i < s->nheap; i++) {
		struct entry *e = &s->e[s->heap[i]];
		if (e->deadline > now)
			e->deadline = now;
	}
	for (size_t i = s->nheap / 2; i-- > 0;)
		sift_down(s, i);
}

static int
side_earlier(const struct sched *s, size_t a, size_t b)
{
	return earlier(s, s->heap[a], s->heap[b]);
}

size_t
sched_due(struct sched *s, int64_t now, uint32_t *ids, size_t max)
{
	size_t k = 0, nside = 0;

	if (max == 0 || s->nheap == 0 || s->e[s->heap[0]].deadline > now)
		return 0;
	/* side[] is a min-heap of positions in heap[] still to visit. */
	/* Each position enters at most once, and every visit adds at most
	 * one net entry: never more than min(nheap, max + 1). */
	size_t need = s->nheap < max + 1 ? s->nheap : max + 1;
	if (need > s->sidecap) {
		s->side = xreallocarray(s->side, need, sizeof(*s->side));
		s->sidecap = need;
	}
	s->side[nside++] = 0;
	while (nside > 0 && k < max) {
		size_t pos = s->side[0];
		ids[k++] = s->e[s->heap[pos]].id;
		/* pop the side heap's root */
		size_t last = s->side[--nside], at = 0;
		for (;;) {
			size_t c = 2 * at + 1;
			if (c >= nside)
				break;
			if (c + 1 < nside &&
			    side_earlier(s, s->side[c + 1], s->side[c]))
				c++;
			if (!side_earlier(s, s->side[c], last))
				break;
			s->side[at] = s->side[c];
			at = c;
		}
		if (nside > 0)
			s->side[at] = last;
		/* push the due children */
		for (size_t c = 2 * pos + 1; c <= 2 * pos + 2; c++) {
			if (c >= s->nheap || s->e[s->heap[c]].deadline > now)
				continue;
			size_t up = nside++;
			while (up > 0 &&
			       side_earlier(s, c, s->side[(up - 1) / 2])) {
				s->side[up] = s->side[(up - 1) / 2];
				up = (up - 1) / 2;
			}
			s->side[up] = c;
		}
	}
	return k;
}

int64_t
sched_next_deadline(const struct sched *s)
{
	return s->nheap ? s->e[s->heap[0]].deadline : INT64_MAX;
}

int64_t
sched_feed_deadline(const struct sched *s, uint32_t feed_id)
{
	const struct entry *e = find(s, feed_id);

	return e == NULL || e->heap == NOT_QUEUED ? INT64_MAX : e->deadline;
}

unsigned
sched_feed_failures(const struct sched *s, uint32_t feed_id)
{
	const struct entry *e = find(s, feed_id);

	return e == NULL ? 0 : e->failures;
}

size_t
sched_count(const struct sched *s)
{
	return s->n;
}
