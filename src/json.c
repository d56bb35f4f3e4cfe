/* json: the writer behind --parse and --dump.  Output is compact with
 * ", " and ": " separators so it stays readable in a terminal and byte
 * stable for tests. */
#include "json.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

void
json_init(struct json *j, struct buf *out)
{
	memset(j, 0, sizeof(*j));
	j->out = out;
	j->first[0] = 1;
}

static void
sep(struct json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (!j->first[j->depth])
		(void)buf_puts(j->out, ", ");
	j->first[j->depth] = 0;
}

static void
open(struct json *j, char c)
{
	sep(j);
	(void)buf_putc(j->out, c);
	if (j->depth + 1 < (int)sizeof(j->first))
		j->depth++;
	j->first[j->depth] = 1;
	j->close[j->depth] = c == '{' ? '}' : ']';
}

void
json_begin_obj(struct json *j)
{
	open(j, '{');
}

void
json_begin_arr(struct json *j)
{
	open(j, '[');
}

void
json_end(struct json *j)
{
	(void)buf_putc(j->out, j->close[j->depth] ? j->close[j->depth] : '}');
	if (j->depth > 0)
		j->depth--;
}

void
json_key(struct json *j, const char *key)
{
	json_str(j, key);
	(void)buf_puts(j->out, ": ");
	j->after_key = 1;
}

/* The bytes json_str looks at one by one: the end of the string, control
 * characters, '"', '\\', DEL, and 0xe2, which begins U+2028 and U+2029. */
/* clang-format off */
static const unsigned char special[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x00 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x10 */
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20: '"' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* 0x50: '\\' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, /* 0x70: DEL */
	[0xe2] = 1,
};
/* clang-format on */

void
json_str(struct json *j, const char *s)
{
	if (!s) {
		json_null(j);
		return;
	}
	sep(j);
	(void)buf_putc(j->out, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		/* Runs that need no escape go out in one piece. */
		size_t run = 0;
		while (!special[p[run]])
			run++;
		if (run) {
			(void)buf_append(j->out, p, run);
			p += run - 1;
			continue;
		}
		switch (*p) {
		case '"':
			(void)buf_puts(j->out, "\\\"");
			break;
		case '\\':
			(void)buf_puts(j->out, "\\\\");
			break;
		case '\n':
			(void)buf_puts(j->out, "\\n");
			break;
		case '\t':
			(void)buf_puts(j->out, "\\t");
			break;
		case '\r':
			(void)buf_puts(j->out, "\\r");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f) {
				(void)buf_appendf(j->out, "\\u%04x", *p);
			} else if (p[0] == 0xe2 && p[1] == 0x80 &&
			    (p[2] == 0xa8 || p[2] == 0xa9)) {
				(void)buf_appendf(j->out, "\\u%04x",
				    p[2] == 0xa8 ? 0x2028 : 0x2029);
				p += 2;
			} else {
				(void)buf_putc(j->out, *p);
			}
		}
	}
	(void)buf_putc(j->out, '"');
}

void
json_int(struct json *j, int64_t v)
{
	sep(j);
	(void)buf_appendf(j->out, "%" PRId64, v);
}

void
json_null(struct json *j)
{
	sep(j);
	(void)buf_puts(j->out, "null");
}

void
json_bool(struct json *j, int v)
{
	sep(j);
	(void)buf_puts(j->out, v ? "true" : "false");
}

void
json_kv_bool(struct json *j, const char *key, int v)
{
	json_key(j, key);
	json_bool(j, v);
}

void
json_kv_str(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	json_str(j, s);
}

void
json_kv_int(struct json *j, const char *key, int64_t v)
{
	json_key(j, key);
	json_int(j, v);
}
