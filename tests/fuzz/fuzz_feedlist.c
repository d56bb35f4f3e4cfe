/* libFuzzer target: the feeds file parser over arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "feedlist.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feedlist list = {NULL, 0};

	int rc = feedlist_parse_mem(
	    (const char *)data, size, "fuzz", "/tmp", &list, fuzz_ignore, NULL);
	(void)rc;
	feedlist_fini(&list);
	return 0;
}
