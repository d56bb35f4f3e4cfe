/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_TOKEN_H
#define WIREDESK_TOKEN_H

#include <stddef.h>
#include <stdint.h>

/* Which part of an item a text is; titles lose their source boilerplate
 * (" - Reuters", "(AP) -") before they are split. */
enum token_field { TOKEN_TITLE, TOKEN_SUMMARY };

/* Token flags. */
#define TOKEN_NUMBER 0x1 /* digits only (with inner '.'), e.g. "7.1" */
#define TOKEN_NAME                                                             \
	0x2 /* written as a name where case tells: PlayStation,                \
	     * ECB, or a capital inside a sentence-case text */
#define TOKEN_PLAIN                                                            \
	0x4 /* written in lower case where case tells: evidence                \
	     * that the word is not a name */
#define TOKEN_JOINED                                                           \
	0x8 /* follows the token handed out before it with nothing but         \
	     * spaces or a hyphen between: the two make a phrase               \
	     * ("Santa Monica", "anti-terror") */

/* One token as token_run hands it out.  Every pointer is borrowed for the
 * callback only. */
struct token {
	const char *term;    /* lower-cased, stemmed key, NUL-terminated */
	size_t len;          /* strlen(term) */
	const char *surface; /* the word as written ("Sony" for "Sony's"),
	                      * NUL-terminated */
	size_t surface_len;
	const char *word; /* case-folded, not stemmed; not NUL-terminated */
	size_t word_len;
	/* A word of the caller's kept with what the tokenizer remembers of
	 * this word (its stem), 0 until the caller sets it: a caller that
	 * maps stems to ids stores the id + 1 here and need not look the
	 * stem up again.  NULL for words not remembered (numbers, Han).
	 * Valid during the callback; the memory of a word, tag included,
	 * may be forgotten at any later token_run, and is by token_forget. */
	uint32_t *tag;
	enum token_field field;
	unsigned flags; /* TOKEN_* */
	unsigned pos;   /* the word's place in the text, stop words
	                 * counted: 0, 1, 2, ... */
};

typedef void (*token_fn)(const struct token *tok, void *ctx);

struct tokenizer;

/* A tokenizer for a feed's language: an ISO 639 code or a language tag
 * ("en", "de-AT", "pt_BR", "french"); the Snowball stemmer and the stop
 * words of that language where there are some, English otherwise (also
 * for NULL or ""; English stop words always apply).  Never NULL; free with
 * token_free. */
struct tokenizer *token_new(const char *lang);
void token_free(struct tokenizer *t);

/* Forgets every word remembered (and the tags set on them), freeing the
 * memory that took. */
void token_forget(struct tokenizer *t);

/* The Snowball algorithm in use, e.g. "english". */
const char *token_language(const struct tokenizer *t);

/* Splits text (UTF-8, NUL-terminated; NULL is empty) into tokens and calls
 * fn for each, in order: letters and digits make words, case is folded
 * (Latin, Greek, Cyrillic, Armenian), possessive "'s" goes, stop words and
 * one-letter words go, numbers stay (marked TOKEN_NUMBER, not stemmed),
 * and what case says about a word is marked (TOKEN_NAME, TOKEN_PLAIN).
 * For TOKEN_TITLE the source boilerplate is cut first
 * (token_title_core). */
void token_run(struct tokenizer *t, const char *text, enum token_field field,
    token_fn fn, void *ctx);

/* The part of a headline that is about the story: *start and *len (bytes)
 * select it inside title[0..len).  It drops a leading dateline or agency
 * tag ("WASHINGTON (AP) --", "UPDATE 2-") and up to two trailing source
 * segments of at most four words after " - ", " | ", " -- " or a dash
 * ("... - Reuters", "... | BBC News"), as long as three words remain. */
void token_title_core(
    const char *title, size_t len, size_t *start, size_t *corelen);

#endif
