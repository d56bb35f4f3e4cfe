/* libFuzzer target: parse_feed over arbitrary bytes, with and without an
 * HTTP charset, then what the store and the dashboard do with each item
 * (its dedup key and its label, titled or not).  `make fuzz` builds and
 * runs it. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz.h"
#include "parse.h"
#include "text.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct parsed_feed pf;
	char err[256];

	/* Success or not, pf is safe to fini. */
	int rc = parse_feed((const char *)data, size, "http://fuzz.test/feed",
	    size & 1 ? "windows-1252" : NULL, &pf, err, sizeof(err));
	(void)rc;
	for (size_t i = 0; i < pf.nitems; i++) {
		const struct parsed_item *it = &pf.items[i];
		char lab[TEXT_LABEL_SIZE];
		free(parse_item_key(it));
		(void)text_item_label(
		    it->title, it->summary, it->link, it->outlet, lab);
	}
	parsed_feed_fini(&pf);
	return 0;
}
