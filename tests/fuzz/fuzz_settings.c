/* libFuzzer target: the config file parser over arbitrary bytes, then its
 * bind lines applied to the default key map. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz.h"
#include "keymap.h"
#include "settings.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct settings s;
	struct keymap *km = keymap_new();

	settings_defaults(&s);
	(void)settings_parse_mem(
	    (const char *)data, size, "fuzz", &s, fuzz_ignore, NULL);
	(void)keymap_apply_binds(km, s.binds, s.nbinds, fuzz_ignore, NULL);
	keymap_free(km);
	settings_fini(&s);
	return 0;
}
