/* libFuzzer target: html_to_text over arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf out;
	struct link_list links = {NULL, 0};

	buf_init(&out, 0);
	(void)html_to_text((const char *)data, size, &out, &links);
	buf_fini(&out);
	html_links_fini(&links);
	return 0;
}
