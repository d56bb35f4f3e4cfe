/* background: the built-in document frequencies of news headlines.
 *
 * The table is generated at build time (tests/tools/mkbackground.c table)
 * from the digest src/background.words, stemmed with this program's own
 * tokenizer, and sorted bytewise.  A lookup runs once per term the
 * vocabulary has not seen, and a stream of new items brings many, so the
 * first lookup builds a hash table over the sorted array; a caller that
 * never looks anything up never pays for it. */
#include "background.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct bg_term {
	const char *key;
	uint32_t df;
};

#include "background.inc"

uint32_t
background_docs(void)
{
	return BACKGROUND_DOCS;
}

/* Open addressing over the array's indexes + 1, twice as many slots as
 * terms, a power of two.  Built once; read-only from then on. */
#define SLOTS 65536

_Static_assert(2 * BACKGROUND_TERMS <= SLOTS && BACKGROUND_TERMS < 65535,
    "the background table needs more hash slots");

static uint16_t slot[SLOTS];
static int built;

static uint32_t
hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void
build(void)
{
	for (size_t i = 0; i < BACKGROUND_TERMS; i++) {
		const char *k = bg_terms[i].key;
		size_t j = hash(k, strlen(k)) & (SLOTS - 1);
		while (slot[j] != 0)
			j = (j + 1) & (SLOTS - 1);
		slot[j] = (uint16_t)(i + 1);
	}
	built = 1;
}

uint32_t
background_df(const char *term, size_t len)
{
	if (!built)
		build();
	for (size_t j = hash(term, len) & (SLOTS - 1); slot[j] != 0;
	    j = (j + 1) & (SLOTS - 1)) {
		const struct bg_term *b = &bg_terms[slot[j] - 1];
		if (strncmp(b->key, term, len) == 0 && b->key[len] == '\0')
			return b->df;
	}
	return 0;
}
