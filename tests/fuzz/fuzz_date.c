/* libFuzzer target: date_parse over arbitrary strings.  A date it reads
 * and can write back must read back as the same instant. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "date.h"
#include "fuzz.h"
#include "util.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size);
	int64_t t = 0;

	if (date_parse(s, &t) == 0) {
		char iso[DATE_ISO_SIZE];
		int64_t back = 0;
		if (date_format_iso(t, iso) == 0 &&
		    (date_parse(iso, &back) != 0 || back != t))
			abort();
	}
	free(s);
	return 0;
}
