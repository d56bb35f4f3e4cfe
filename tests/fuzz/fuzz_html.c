/* libFuzzer target: html_to_text over arbitrary bytes, html_prepare in
 * both modes, and the text repairs parse applies to every value. */
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "fuzz.h"
#include "html.h"
#include "text.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf out;
	struct link_list links = {NULL, 0};
	const char *s = (const char *)data;

	buf_init(&out, 0);
	(void)html_to_text(s, size, &out, &links);
	buf_reset(&out);
	(void)html_prepare(s, size, &out, HTML_PREP_XML);
	buf_reset(&out);
	(void)html_prepare(s, size, &out, HTML_PREP_XML | HTML_PREP_STRICT);
	buf_reset(&out);
	(void)text_repair_mojibake(s, size, &out);
	buf_reset(&out);
	(void)text_repair_c1(s, size, &out);
	buf_fini(&out);
	html_links_fini(&links);
	return 0;
}
