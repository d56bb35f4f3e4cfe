/* jread: a small JSON reader for the test tools (jread.h). */
#include "jread.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "util.h"

struct jparse {
	const char *p, *end;
	int depth;
};

static void
jskip(struct jparse *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' ||
	                            *j->p == '\r' || *j->p == '\t'))
		j->p++;
}

static int jvalue(struct jparse *j, struct jv *v);

static unsigned
hex4(const char *p)
{
	unsigned v = 0;

	for (int i = 0; i < 4; i++) {
		char c = p[i];
		unsigned d = 0;
		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			d = (unsigned)(c - 'A' + 10);
		v = v * 16 + d;
	}
	return v;
}

static int
jstring(struct jparse *j, char **out)
{
	struct buf b;

	if (j->p >= j->end || *j->p != '"')
		return -1;
	j->p++;
	buf_init(&b, 0);
	buf_append(&b, "", 0);
	while (j->p < j->end && *j->p != '"') {
		char c = *j->p++;
		if (c != '\\') {
			buf_putc(&b, c);
			continue;
		}
		if (j->p >= j->end)
			break;
		c = *j->p++;
		switch (c) {
		case 'n':
			buf_putc(&b, '\n');
			break;
		case 't':
			buf_putc(&b, '\t');
			break;
		case 'r':
			buf_putc(&b, '\r');
			break;
		case 'b':
			buf_putc(&b, '\b');
			break;
		case 'f':
			buf_putc(&b, '\f');
			break;
		case 'u': {
			if (j->end - j->p < 4)
				break;
			uint32_t cp = hex4(j->p);
			j->p += 4;
			if (cp >= 0xd800 && cp < 0xdc00 && j->end - j->p >= 6 &&
			    j->p[0] == '\\' && j->p[1] == 'u') {
				uint32_t lo = hex4(j->p + 2);
				j->p += 6;
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				     (lo - 0xdc00);
			}
			char enc[4];
			buf_append(&b, enc, text_utf8_put(cp, enc));
			break;
		}
		default:
			buf_putc(&b, c);
		}
	}
	if (j->p >= j->end) {
		buf_fini(&b);
		return -1;
	}
	j->p++;
	*out = buf_take(&b);
	return 0;
}

static int
jvalue(struct jparse *j, struct jv *v)
{
	memset(v, 0, sizeof(*v));
	jskip(j);
	if (j->p >= j->end || ++j->depth > 64)
		return -1;
	char c = *j->p;
	int rc = 0;
	if (c == '"') {
		v->type = J_STR;
		rc = jstring(j, &v->s);
	} else if (c == '[' || c == '{') {
		size_t cap = 0;
		v->type = c == '[' ? J_ARR : J_OBJ;
		j->p++;
		jskip(j);
		if (j->p < j->end && *j->p == (c == '[' ? ']' : '}')) {
			j->p++;
			j->depth--;
			return 0;
		}
		for (;;) {
			if (v->n == cap) {
				cap = cap ? 2 * cap : 8;
				v->kid =
				    xreallocarray(v->kid, cap, sizeof(*v->kid));
				if (v->type == J_OBJ)
					v->key = xreallocarray(
					    v->key, cap, sizeof(*v->key));
			}
			if (v->type == J_OBJ) {
				jskip(j);
				if (jstring(j, &v->key[v->n]) != 0)
					return -1;
				jskip(j);
				if (j->p >= j->end || *j->p != ':') {
					free(v->key[v->n]);
					return -1;
				}
				j->p++;
			}
			rc = jvalue(j, &v->kid[v->n]);
			v->n++;
			if (rc != 0)
				return -1;
			jskip(j);
			if (j->p < j->end && *j->p == ',') {
				j->p++;
				continue;
			}
			if (j->p < j->end && *j->p == (c == '[' ? ']' : '}')) {
				j->p++;
				break;
			}
			return -1;
		}
	} else if (c == 't' || c == 'f' || c == 'n') {
		v->type = c == 'n' ? J_NULL : J_BOOL;
		while (j->p < j->end && *j->p >= 'a' && *j->p <= 'z')
			j->p++;
	} else {
		v->type = J_NUM;
		while (j->p < j->end && strchr("+-0123456789.eE", *j->p))
			j->p++;
	}
	j->depth--;
	return rc;
}

void
jv_free(struct jv *v)
{
	free(v->s);
	for (size_t i = 0; i < v->n; i++) {
		jv_free(&v->kid[i]);
		if (v->key != NULL)
			free(v->key[i]);
	}
	free(v->kid);
	free(v->key);
}

const struct jv *
jv_get(const struct jv *o, const char *key)
{
	if (o->type != J_OBJ)
		return NULL;
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->key[i], key) == 0)
			return &o->kid[i];
	return NULL;
}

int
jread_parse(const char *doc, size_t len, struct jv *out)
{
	struct jparse jp = {doc, doc + len, 0};

	memset(out, 0, sizeof(*out));
	return jvalue(&jp, out);
}
