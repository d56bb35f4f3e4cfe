/* SPDX-License-Identifier: MIT */
/* rng: splitmix64 (Steele, Lea and Flood), the generator of rng.h. */
#include "rng.h"

uint64_t
rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

double
rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) / 9007199254740992.0;
}

uint32_t
rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(rng_next(r) % n);
}
