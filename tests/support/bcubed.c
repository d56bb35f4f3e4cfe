/* bcubed: the clustering quality measure used to tune and test the
 * clusterer (Bagga and Baldwin's B-cubed, item-averaged).
 *
 * Everything follows from three counts: the size of each cluster, of each
 * gold class, and of each (cluster, class) cell.  Sorting the items by
 * label and by pair gives them in O(n log n); item i then scores
 * cell/cluster and cell/class. */
#include "bcubed.h"

#include <stdlib.h>

#include "util.h"

struct pair {
	uint32_t a, b;
	size_t i;
};

static int
cmp_pair(const void *x, const void *y)
{
	const struct pair *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return (p->i > q->i) - (p->i < q->i);
}

/* count[i] = how many items share key (a, b) with item i. */
static void
group_sizes(struct pair *p, size_t n, size_t *count)
{
	qsort(p, n, sizeof(*p), cmp_pair);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && p[j].a == p[i].a && p[j].b == p[i].b)
			j++;
		for (size_t k = i; k < j; k++)
			count[p[k].i] = j - i;
		i = j;
	}
}

struct bcubed
bcubed_score(const uint32_t *gold, const uint32_t *sys, size_t n)
{
	struct bcubed r = {1, 1, 1};

	if (n == 0)
		return r;
	struct pair *p = xreallocarray(NULL, n, sizeof(*p));
	size_t *ncell = xreallocarray(NULL, n, sizeof(*ncell));
	size_t *nsys = xreallocarray(NULL, n, sizeof(*nsys));
	size_t *ngold = xreallocarray(NULL, n, sizeof(*ngold));

	for (size_t i = 0; i < n; i++)
		p[i] = (struct pair){sys[i], gold[i], i};
	group_sizes(p, n, ncell);
	for (size_t i = 0; i < n; i++)
		p[i] = (struct pair){sys[i], 0, i};
	group_sizes(p, n, nsys);
	for (size_t i = 0; i < n; i++)
		p[i] = (struct pair){gold[i], 0, i};
	group_sizes(p, n, ngold);

	double ps = 0, rs = 0;
	for (size_t i = 0; i < n; i++) {
		ps += (double)ncell[i] / (double)nsys[i];
		rs += (double)ncell[i] / (double)ngold[i];
	}
	r.precision = ps / (double)n;
	r.recall = rs / (double)n;
	r.f1 = r.precision + r.recall > 0
	           ? 2 * r.precision * r.recall / (r.precision + r.recall)
	           : 0;
	free(p);
	free(ncell);
	free(nsys);
	free(ngold);
	return r;
}
