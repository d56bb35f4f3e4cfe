/* libFuzzer target: parse_feed over arbitrary bytes, with and without an
 * HTTP charset.  `make fuzz` builds and runs it. */
#include <stddef.h>
#include <stdint.h>

#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct parsed_feed pf;
	char err[256];

	/* Success or not, pf is safe to fini. */
	int rc = parse_feed((const char *)data, size, "http://fuzz.test/feed",
	    size & 1 ? "windows-1252" : NULL, &pf, err, sizeof(err));
	(void)rc;
	parsed_feed_fini(&pf);
	return 0;
}
