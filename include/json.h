/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_JSON_H
#define WIREDESK_JSON_H

#include <stdint.h>

#include "buf.h"

/* A streaming JSON writer (nesting up to 63 levels) into a buf.  Commas and ": " are placed by the
 * writer; strings are escaped (every control character, and U+2028/9). */
struct json {
	struct buf *out;
	int depth;
	unsigned char first[64]; /* per level: nothing written yet */
	char close[64];		 /* per level: the closing bracket */
	int after_key;
};

void json_init(struct json *j, struct buf *out);
void json_begin_obj(struct json *j);
void json_begin_arr(struct json *j);
void json_end(struct json *j); /* closes the innermost object or array */
void json_key(struct json *j, const char *key);
void json_str(struct json *j, const char *s); /* NULL writes null */
void json_int(struct json *j, int64_t v);
void json_null(struct json *j);
void json_bool(struct json *j, int v); /* true for non-zero */
/* Writes a string value, or null for NULL; shorthand for key + value. */
void json_kv_str(struct json *j, const char *key, const char *s);
void json_kv_int(struct json *j, const char *key, int64_t v);
void json_kv_bool(struct json *j, const char *key, int v);

#endif
