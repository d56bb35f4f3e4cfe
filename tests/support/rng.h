/* SPDX-License-Identifier: MIT */
/* rng: the deterministic generator of the test tools and benchmarks
 * (splitmix64): one seed, one sequence, on every machine. */
#ifndef WIREDESK_TEST_RNG_H
#define WIREDESK_TEST_RNG_H

#include <stdint.h>

struct rng {
	uint64_t s;
};

uint64_t rng_next(struct rng *r);
double rng_unit(struct rng *r);		   /* in [0, 1) */
uint32_t rng_below(struct rng *r, uint32_t n); /* in [0, n), n > 0 */

#endif
