/* background: the built-in document frequencies of news headlines.
 *
 * The table is generated at build time (tests/tools/mkbackground.c table)
 * from the digest src/background.words, stemmed with this program's own
 * tokenizer, and sorted bytewise, so a lookup is a binary search: it runs
 * once per term the vocabulary has not seen, never per occurrence. */
#include "background.h"

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

uint32_t
background_df(const char *term, size_t len)
{
	size_t lo = 0, hi = BACKGROUND_TERMS;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *k = bg_terms[mid].key;
		int c = strncmp(k, term, len);
		if (c == 0)
			c = k[len] != '\0';
		if (c < 0)
			lo = mid + 1;
		else if (c > 0)
			hi = mid;
		else
			return bg_terms[mid].df;
	}
	return 0;
}
