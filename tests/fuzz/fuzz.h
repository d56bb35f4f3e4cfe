/* What every libFuzzer target here shares. */
#ifndef WIREDESK_FUZZ_H
#define WIREDESK_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A report callback that drops the message: passed instead of NULL, so
 * that the reports are still written. */
static inline void
fuzz_ignore(const char *msg, void *ctx)
{
	(void)msg;
	(void)ctx;
}

#endif
