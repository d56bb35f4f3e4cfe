/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_JREAD_H
#define WIREDESK_JREAD_H

#include <stddef.h>

/* A small JSON reader for the test tools, enough for a --dump or
 * --parse document: strings (escapes decoded, \u included), numbers
 * and literals (kept as their type only), arrays and objects, nested at
 * most a few hundred deep. */
enum jtype { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jv {
	enum jtype type;
	char *s;        /* J_STR */
	struct jv *kid; /* J_ARR, J_OBJ */
	char **key;     /* J_OBJ */
	size_t n;
};

/* Parses doc[0..len) into *out; 0, or -1 for a document it cannot read.
 * Free *out with jv_free either way. */
int jread_parse(const char *doc, size_t len, struct jv *out);
void jv_free(struct jv *v);
/* The member key of object o, or NULL. */
const struct jv *jv_get(const struct jv *o, const char *key);

#endif
