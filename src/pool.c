/* pool: parsing finished transfers on worker threads.
 *
 * A thousand real feeds are 42 MB of XML: parsing them is the biggest
 * piece of work a fetch round brings, and a pure function of the bytes.
 * So it runs on workers while the event loop goes on fetching; the loop
 * stays the only thread that touches curl, the store, the clusterer or
 * the screen (ARCHITECTURE §3.2, "A plus a parse pool").
 *
 * Two queues under one mutex: jobs to do (workers wait on a condition
 * variable) and parsed feeds done.  A pipe wakes the loop: it holds a
 * byte exactly while the done queue is not empty (the byte is written by
 * whoever makes the queue non-empty and read by whoever empties it, both
 * under the mutex), so its read end can sit in the loop's poll beside the
 * tty and curl's sockets.  Every job owns its transfer and its result;
 * nothing is shared with a worker but the queue entries it pops.
 *
 * Threads are an optimisation, not a requirement: with no worker (one
 * core, or threads that cannot start) pool_submit parses at once. */
#include "pool.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <unistd.h>

#include "util.h"

#define MAX_WORKERS 8

struct job {
	struct pool_done d;
	char *url;
	size_t lead; /* parse_feed_lead's */
	struct job *next;
};

struct queue {
	struct job *head, *tail;
	size_t n;
};

struct pool {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct queue todo, done;
	size_t pending; /* submitted, not yet taken back */
	int quit;
	int wake[2]; /* the done queue's pipe */
	pthread_t th[MAX_WORKERS];
	unsigned nth;
	size_t lead; /* pool_set_lead's, the loop's own */
};

static void
push(struct queue *q, struct job *j)
{
	j->next = NULL;
	if (q->tail)
		q->tail->next = j;
	else
		q->head = j;
	q->tail = j;
	q->n++;
}

static struct job *
pop(struct queue *q)
{
	struct job *j = q->head;

	if (j) {
		q->head = j->next;
		if (!q->head)
			q->tail = NULL;
		q->n--;
	}
	return j;
}

const char *
pool_charset(const char *content_type, char *out, size_t outlen)
{
	if (!content_type)
		return NULL;
	const char *p = content_type;
	while (*p && strncasecmp(p, "charset=", 8) != 0)
		p++;
	if (!*p)
		return NULL;
	p += 8;
	if (*p == '"')
		p++;
	size_t n = 0;
	while (p[n] && p[n] != '"' && p[n] != ';' && p[n] != ' ' &&
	    n + 1 < outlen) {
		out[n] = p[n];
		n++;
	}
	out[n] = '\0';
	return n ? out : NULL;
}

/* The work: a pure function of the job's own data. */
static void
run(struct job *j)
{
	struct pool_done *d = &j->d;
	char cs[64];

	if (fetch_decode(&d->res) < 0 || d->res.status != FETCH_OK)
		return;
	const char *base = d->res.effective_url ? d->res.effective_url :
						  j->url;
	if (parse_feed_lead(d->res.body.p ? d->res.body.p : "", d->res.body.len,
	        base, pool_charset(d->res.content_type, cs, sizeof(cs)),
	        j->lead, &d->pf, d->err, sizeof(d->err)) == 0)
		d->ok = 1;
	else
		parsed_feed_fini(&d->pf);
}

/* Puts a finished job on the done queue; the mutex is held. */
static void
finish(struct pool *p, struct job *j)
{
	int was_empty = p->done.n == 0;

	push(&p->done, j);
	if (was_empty) {
		char b = 1;
		while (write(p->wake[1], &b, 1) < 0 && errno == EINTR)
			;
	}
}

static void *
worker(void *arg)
{
	struct pool *p = arg;

	/* Parsing yields the CPU to the event loop, which answers keys: on
	 * a busy machine a burst of feeds is parsed a little later, a key is
	 * never drawn later.  On Linux this niceness is the thread's own;
	 * where it is not permitted, the worker runs at the loop's. */
	(void)setpriority(PRIO_PROCESS, 0, 10);
	pthread_mutex_lock(&p->mu);
	for (;;) {
		struct job *j = NULL;
		while (!p->quit && !(j = pop(&p->todo)))
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->quit)
			break;
		pthread_mutex_unlock(&p->mu);
		run(j);
		pthread_mutex_lock(&p->mu);
		finish(p, j);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

struct pool *
pool_new(int workers)
{
	struct pool *p = xcalloc(1, sizeof(*p));

	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	if (pipe(p->wake) < 0) {
		/* without a pipe nothing could wake the loop: parse inline,
		 * and let pool_fd's reader see a descriptor that stays
		 * quiet */
		p->wake[0] = p->wake[1] = -1;
		return p;
	}
	for (int i = 0; i < 2; i++) {
		(void)fcntl(p->wake[i], F_SETFL,
		    fcntl(p->wake[i], F_GETFL) | O_NONBLOCK);
		(void)fcntl(p->wake[i], F_SETFD, FD_CLOEXEC);
	}
	if (workers == POOL_AUTO)
		workers = util_cores() > 1 ? util_cores() - 1 : 0;
	if (workers > MAX_WORKERS)
		workers = MAX_WORKERS;
	for (int i = 0; i < workers; i++) {
		if (pthread_create(&p->th[p->nth], NULL, worker, p) != 0)
			break;
		p->nth++;
	}
	return p;
}

static void
free_job(struct job *j)
{
	pool_done_fini(&j->d);
	free(j->url);
	free(j);
}

void
pool_free(struct pool *p)
{
	if (p == NULL)
		return;
	pthread_mutex_lock(&p->mu);
	p->quit = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	for (unsigned i = 0; i < p->nth; i++)
		pthread_join(p->th[i], NULL);
	struct job *j;
	while ((j = pop(&p->todo)))
		free_job(j);
	while ((j = pop(&p->done)))
		free_job(j);
	if (p->wake[0] >= 0) {
		close(p->wake[0]);
		close(p->wake[1]);
	}
	pthread_cond_destroy(&p->cv);
	pthread_mutex_destroy(&p->mu);
	free(p);
}

unsigned
pool_workers(const struct pool *p)
{
	return p->nth;
}

void
pool_set_lead(struct pool *p, size_t lead)
{
	p->lead = lead;
}

void
pool_submit(struct pool *p, struct fetch_result *res, const char *url)
{
	struct job *j = xcalloc(1, sizeof(*j));

	j->d.res = *res;
	memset(res, 0, sizeof(*res));
	j->url = xstrdup(url ? url : "");
	j->lead = p->lead;
	if (p->nth == 0)
		run(j);
	pthread_mutex_lock(&p->mu);
	p->pending++;
	if (p->nth == 0) {
		finish(p, j);
	} else {
		push(&p->todo, j);
		pthread_cond_signal(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
}

int
pool_next(struct pool *p, struct pool_done *out)
{
	pthread_mutex_lock(&p->mu);
	struct job *j = pop(&p->done);
	if (j) {
		p->pending--;
		if (p->done.n == 0 && p->wake[0] >= 0) {
			char b[64];
			while (read(p->wake[0], b, sizeof(b)) > 0)
				;
		}
	}
	pthread_mutex_unlock(&p->mu);
	if (!j)
		return 0;
	*out = j->d;
	free(j->url);
	free(j);
	return 1;
}

int
pool_fd(const struct pool *p)
{
	return p->wake[0];
}

size_t
pool_pending(const struct pool *p)
{
	pthread_mutex_t *mu = (pthread_mutex_t *)(uintptr_t)&p->mu;

	pthread_mutex_lock(mu);
	size_t n = p->pending;
	pthread_mutex_unlock(mu);
	return n;
}

int
pool_wait(struct pool *p, int ms)
{
	if (p->wake[0] < 0)
		return pool_pending(p) > 0;
	struct pollfd pfd = {.fd = p->wake[0], .events = POLLIN};
	int r;
	while ((r = poll(&pfd, 1, ms)) < 0 && errno == EINTR)
		;
	return r > 0;
}

void
pool_done_fini(struct pool_done *d)
{
	fetch_result_fini(&d->res);
	if (d->ok)
		parsed_feed_fini(&d->pf);
	memset(d, 0, sizeof(*d));
}
