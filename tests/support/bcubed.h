/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_BCUBED_H
#define WIREDESK_BCUBED_H

#include <stddef.h>
#include <stdint.h>

/* B-cubed scores of a clustering against a gold labelling: for each item,
 * precision is the share of its cluster that carries its gold label and
 * recall the share of its gold class that sits in its cluster; both are
 * averaged over the items, and f1 is their harmonic mean. */
struct bcubed {
	double precision, recall, f1;
};

/* gold[i] and sys[i] are item i's gold label and cluster (any values; only
 * equality matters).  n 0 scores 1, 1, 1. */
struct bcubed bcubed_score(const uint32_t *gold, const uint32_t *sys, size_t n);

#endif
