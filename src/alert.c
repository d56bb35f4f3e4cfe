/* alert: breaking stories, watch terms and the decision to alert.
 *
 * A story is breaking when many outlets take it up within a short
 * window: the rule counts outlets by the date of their first item in the
 * story (cluster_source.joined), never by when wiredesk saw them, so the
 * board, --dump and the tests agree on the same items whatever the clock
 * says; "now" is always the caller's.  Two cases, with the same two
 * thresholds (N = breaking-window, K = breaking-outlets):
 *   new    the story's first item is at most N old and K outlets carry it;
 *   surge  an older story that K outlets took up within the last N, at
 *          least twice as many as in the N before: its rate of new
 *          outlets jumped (a running story that gains outlets at a steady
 *          pace is not breaking again, one that suddenly doubles is).
 * A breaking story has K outlets weighing at least 2^(-N / 12 h) each in
 * the hotness (cluster.h), so in a ranking it lies within the prefix above
 * alert_hotness_floor: the board and the alert scan look only there,
 * which keeps both cheap on a store of a hundred thousand items.
 *
 * Once per story and reason: a story is known by its items.  Cluster ids
 * are positions that each rebuild renumbers, and a story's first item
 * changes when an earlier item merges in, so neither can say "this story
 * alerted already".  Instead an alert marks every item the story holds
 * (the store keeps the marks, in the database too), and a story with a
 * marked item does not alert for that reason again: not when it grows,
 * not when it merges with another (either side's mark carries), not
 * after a restart.  A split leaves the mark with the part that holds the
 * marked items; the other part is a story of its own.  And only items
 * that arrived in this session can set an alert off, so the stories
 * loaded from the database at start-up stay quiet until something new
 * happens to them. */
#include "alert.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "settings.h"
#include "util.h"

void
alert_rule_init(struct alert_rule *r, const struct settings *s)
{
	r->window = s ? s->breaking_window : ALERT_WINDOW_DEFAULT;
	r->outlets = s ? (unsigned)s->breaking_outlets : ALERT_OUTLETS_DEFAULT;
	if (r->window <= 0)
		r->window = ALERT_WINDOW_DEFAULT;
	if (r->outlets == 0)
		r->outlets = ALERT_OUTLETS_DEFAULT;
}

enum alert_cause
alert_breaking(const struct cluster_view *v, int64_t now,
    const struct alert_rule *r, struct alert_pace *pace)
{
	struct alert_pace p = {0, 0};
	int64_t n = r->window;

	for (size_t i = 0; i < v->sources; i++) {
		int64_t t = v->outlets[i].joined;
		if (t > now)
			t = now;
		if (t >= now - n)
			p.recent++;
		else if (t >= now - 2 * n)
			p.before++;
	}
	if (pace)
		*pace = p;
	if (v->sources >= r->outlets && v->first >= now - n)
		return ALERT_NEW;
	if (p.recent >= r->outlets && p.recent >= 2 * p.before)
		return ALERT_SURGE;
	return ALERT_CALM;
}

double
alert_hotness_floor(const struct alert_rule *r)
{
	/* A hair below, so rounding in the hotness never hides a story. */
	return log2((double)r->outlets) -
	    (double)r->window / CLUSTER_HOT_HALF_LIFE - 1e-9;
}

size_t
alert_order(const struct clusterer *c, uint32_t *ids, size_t n, int64_t now,
    const struct alert_rule *r)
{
	double floor = alert_hotness_floor(r);
	size_t end = 0;

	while (end < n) {
		const struct cluster_view *v = cluster_view(c, ids[end]);
		if (!v || v->hotness < floor)
			break;
		end++;
	}
	if (end == 0)
		return 0;
	uint32_t *calm = xreallocarray(NULL, end, sizeof(*calm));
	size_t k = 0, ncalm = 0;
	for (size_t i = 0; i < end; i++) {
		const struct cluster_view *v = cluster_view(c, ids[i]);
		if (alert_breaking(v, now, r, NULL) != ALERT_CALM)
			ids[k++] = ids[i];
		else
			calm[ncalm++] = ids[i];
	}
	memcpy(ids + k, calm, ncalm * sizeof(*calm));
	free(calm);
	return k;
}

unsigned
alert_judge(const struct cluster_view *v, int64_t now,
    const struct alert_rule *r, const struct alert_facts *f,
    struct alert_call *call)
{
	unsigned fired = 0;
	int session = 0;
	uint64_t watch = 0;

	memset(call, 0, sizeof(*call));
	for (size_t i = 0; i < v->nmembers; i++) {
		uint32_t id = v->members[i];
		if (f->fired)
			fired |= f->fired(id, f->ctx);
		if (id < f->first_new)
			continue;
		session = 1;
		if (v->watch && f->watch)
			watch |= f->watch(id, f->ctx);
	}
	if (session && !(fired & ALERT_BREAKING)) {
		call->cause = alert_breaking(v, now, r, &call->pace);
		if (call->cause != ALERT_CALM)
			call->reasons |= ALERT_BREAKING;
	}
	if (watch && !(fired & ALERT_WATCH)) {
		call->reasons |= ALERT_WATCH;
		call->watch = watch;
	}
	return call->reasons;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

size_t
alert_scan(const struct clusterer *c, const uint32_t *ranked, size_t nranked,
    const uint32_t *items, size_t nitems, int64_t now,
    const struct alert_rule *r, const struct alert_facts *f, alert_fire_fn fire,
    void *ctx)
{
	double floor = alert_hotness_floor(r);
	struct alert_call call;
	size_t fired = 0;

	for (size_t i = 0; i < nranked; i++) {
		const struct cluster_view *v = cluster_view(c, ranked[i]);
		if (!v || v->hotness < floor)
			break;
		if (alert_judge(v, now, r, f, &call)) {
			fire(v, &call, ctx);
			fired++;
		}
	}
	/* The watched items' stories, each once (a story of many watched
	 * items is judged once, not once per item).  A story judged above
	 * is judged again at no risk: if it fired, its items carry the mark
	 * now. */
	uint32_t *cl = xreallocarray(NULL, nitems ? nitems : 1, sizeof(*cl));
	size_t ncl = 0;
	for (size_t i = 0; i < nitems; i++) {
		uint32_t id = cluster_of(c, items[i]);
		if (id)
			cl[ncl++] = id;
	}
	qsort(cl, ncl, sizeof(*cl), cmp_u32);
	for (size_t i = 0; i < ncl; i++) {
		if (i > 0 && cl[i] == cl[i - 1])
			continue;
		const struct cluster_view *v = cluster_view(c, cl[i]);
		if (v && alert_judge(v, now, r, f, &call)) {
			fire(v, &call, ctx);
			fired++;
		}
	}
	free(cl);
	return fired;
}

/* Watch terms. */

static void
report_line(alert_report_fn report, void *ctx, const struct setting_watch *l,
    const char *why)
{
	char msg[512];

	if (!report)
		return;
	snprintf(msg, sizeof(msg), "%s:%u: watch: '%s' %s",
	    l->file ? l->file : "config", l->line, l->term, why);
	report(msg, ctx);
}

void
alert_watch_init(struct alert_watch *w, const struct setting_watch *lines,
    size_t n, alert_report_fn report, void *ctx)
{
	struct clusterer *probe = NULL;

	memset(w, 0, sizeof(*w));
	for (size_t i = 0; i < n; i++) {
		const struct setting_watch *l = &lines[i];
		size_t k;
		for (k = 0; k < w->n; k++)
			if (strcasecmp(w->term[k].term, l->term) == 0)
				break;
		if (k == w->n) {
			if (w->n == CLUSTER_WATCH_MAX) {
				report_line(report, ctx, l,
				    "left out: more than 64 terms");
				continue;
			}
			/* The clusterer's own tokenizer says whether any
			 * word of the term is left to match. */
			if (!probe)
				probe = cluster_new(NULL);
			if (cluster_watch(probe, l->term) < 0) {
				report_line(report, ctx, l,
				    "has no word to match (only stop words"
				    " or punctuation)");
				continue;
			}
			w->term[w->n++].term = xstrdup(l->term);
		}
		struct alert_term *t = &w->term[k];
		if (l->ntags == 0)
			t->everywhere = 1;
		for (size_t j = 0; j < l->ntags; j++) {
			size_t m;
			for (m = 0; m < t->ntags; m++)
				if (strcmp(t->tags[m], l->tags[j]) == 0)
					break;
			if (m < t->ntags)
				continue;
			t->tags = xreallocarray(
			    t->tags, t->ntags + 1, sizeof(*t->tags));
			t->tags[t->ntags++] = xstrdup(l->tags[j]);
		}
	}
	cluster_free(probe);
}

void
alert_watch_fini(struct alert_watch *w)
{
	for (size_t i = 0; i < w->n; i++) {
		free(w->term[i].term);
		for (size_t j = 0; j < w->term[i].ntags; j++)
			free(w->term[i].tags[j]);
		free(w->term[i].tags);
	}
	memset(w, 0, sizeof(*w));
}

void
alert_watch_register(const struct alert_watch *w, struct clusterer *c)
{
	for (size_t i = 0; i < w->n; i++) {
		int bit = cluster_watch(c, w->term[i].term);
		/* alert_watch_init kept only terms the clusterer takes, in
		 * this order */
		if (bit != (int)i)
			die("watch term '%s' got bit %d, not %zu",
			    w->term[i].term, bit, i);
	}
}

int
alert_watch_restricted(const struct alert_watch *w)
{
	for (size_t i = 0; i < w->n; i++)
		if (!w->term[i].everywhere)
			return 1;
	return 0;
}

uint64_t
alert_watch_mask(const struct alert_watch *w, char *const *tags, size_t ntags)
{
	uint64_t mask = 0;

	for (size_t i = 0; i < w->n; i++) {
		const struct alert_term *t = &w->term[i];
		int on = t->everywhere;
		for (size_t j = 0; !on && j < t->ntags; j++)
			for (size_t k = 0; !on && k < ntags; k++)
				on = strcmp(t->tags[j], tags[k]) == 0;
		if (on)
			mask |= (uint64_t)1 << i;
	}
	return mask;
}

void
alert_watch_names(const struct alert_watch *w, uint64_t bits, struct buf *out)
{
	const char *sep = "";

	for (size_t i = 0; w && i < w->n; i++) {
		if (!(bits & ((uint64_t)1 << i)))
			continue;
		(void)buf_appendf(out, "%s%s", sep, w->term[i].term);
		sep = ", ";
	}
}

/* "60 min", "2 h", "90 s". */
static void
span(int64_t s, struct buf *out)
{
	if (s >= 7200 && s % 3600 == 0)
		(void)buf_appendf(out, "%lld h", (long long)(s / 3600));
	else if (s % 60 == 0)
		(void)buf_appendf(out, "%lld min", (long long)(s / 60));
	else
		(void)buf_appendf(out, "%lld s", (long long)s);
}

void
alert_describe(const struct alert_call *call, const struct alert_rule *r,
    const struct alert_watch *w, struct buf *out)
{
	if (call->reasons & ALERT_BREAKING) {
		if (call->cause == ALERT_SURGE) {
			(void)buf_appendf(out,
			    "breaking: %u outlets joined within ",
			    call->pace.recent);
			span(r->window, out);
			(void)buf_appendf(
			    out, ", %u in the ", call->pace.before);
			span(r->window, out);
			(void)buf_puts(out, " before");
		} else {
			(void)buf_appendf(out, "breaking: %u outlets within ",
			    call->pace.recent);
			span(r->window, out);
		}
	}
	if (call->reasons & ALERT_WATCH) {
		if (call->reasons & ALERT_BREAKING)
			(void)buf_puts(out, "; ");
		(void)buf_puts(out, "watch: ");
		alert_watch_names(w, call->watch, out);
	}
	(void)buf_puts(out, ""); /* out->p is a string even if empty */
}
