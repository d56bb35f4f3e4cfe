/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_TEXT_H
#define WIREDESK_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Flags for text_sanitize. */
#define TEXT_KEEP_NL 0x1 /* keep line breaks (at most one blank line) */

/* Decodes one UTF-8 sequence at s (len bytes available, len > 0).  Stores
 * the code point in *cp, or U+FFFD for an invalid, overlong, surrogate or
 * truncated sequence, and returns the bytes consumed (at least 1). */
size_t text_utf8_next(const char *s, size_t len, uint32_t *cp);
/* Encodes cp into out (4 bytes at least); returns the length. */
size_t text_utf8_put(uint32_t cp, char *out);

/* Windows-1252's character for a C1 code point (0x80-0x9F: the bytes
 * Windows puts its quotes, dashes and euro sign at), or 0 for any other
 * code point and for the five bytes windows-1252 leaves undefined. */
uint32_t text_cp1252(uint32_t cp);

/* Repairs mojibake in in[0..len) (UTF-8): text that was UTF-8, read as
 * Latin-1 and written out as UTF-8 again ("FÃ¼nf" for "Fünf") is
 * decoded once more, but only when every character of the string is in
 * Latin-1's range and the bytes they stand for are valid UTF-8, so that
 * the repair is unambiguous; then C1 code points, which no text means,
 * become windows-1252's characters ("don\u0092t" is "don't").  Appends
 * the repaired text to out and returns 1, or returns 0 (out untouched)
 * when nothing needs repair, which a scan for the bytes 0xC2 and 0xC3
 * tells at once for almost all text. */
int text_repair_mojibake(const char *in, size_t len, struct buf *out);
/* The second repair alone, for text that came from another encoding
 * (ISO-8859-2 puts C1 controls at the bytes windows-1252 uses for its
 * quotes).  Same contract. */
int text_repair_c1(const char *in, size_t len, struct buf *out);

/* Appends a safe copy of in[0..len) to out: valid UTF-8 (U+FFFD for bad
 * bytes), no C0 controls, no DEL, no C1 controls, no bidi embedding,
 * override or isolate characters (U+202A-202E, U+2066-2069), nothing that
 * could drive a terminal.  White space runs collapse to one space and the
 * ends are trimmed; with TEXT_KEEP_NL line breaks survive (runs of blank
 * lines fold to one).  Returns -1 if out's cap was hit (what fit is kept). */
int text_sanitize(const char *in, size_t len, struct buf *out, int flags);
/* Convenience: a newly allocated sanitized copy (caller frees). */
char *text_clean(const char *in, size_t len, int flags);

/* Display width in terminal columns of a UTF-8 string (wcwidth; wide CJK
 * counts 2, combining marks 0, anything unknown 1). */
size_t text_width(const char *s);
/* Width of one code point, as text_width counts it. */
int text_cp_width(uint32_t cp);

/* Writes s fitted to exactly cols columns into out (reset first): cut with
 * an ellipsis when too wide, padded with spaces when narrow.  A wide
 * character never straddles the edge. */
void text_fit(const char *s, size_t cols, struct buf *out);

/* Size of the buffer text_item_label may write into, and the most bytes
 * of a summary's first words it takes for a label. */
#define TEXT_LABEL_SIZE 256
#define TEXT_LABEL_WORDS 96

/* The line a reader sees for an item: its title; without one, the first
 * words of its summary (under TEXT_LABEL_WORDS bytes, cut between words
 * with an ellipsis, line breaks as spaces); else its link; else
 * "(untitled)".  A title that ends by naming outlet, as an aggregator's
 * do ("Storm hits coast - Reuters" from Reuters), is given without that
 * ending when it fits buf, since the outlet is shown beside it.  Any
 * argument may be NULL.  Returns title itself, link itself, a static
 * string or buf (which then holds the words or the title). */
const char *text_item_label(const char *title, const char *summary,
    const char *link, const char *outlet, char buf[TEXT_LABEL_SIZE]);

/* Word-wraps s to lines of at most cols columns and calls fn for each line
 * (line is not NUL-terminated; len bytes).  Newlines in s end lines; words
 * wider than cols are broken.  cols 0 is treated as 1. */
typedef void (*text_line_fn)(const char *line, size_t len, void *ctx);
void text_wrap(const char *s, size_t cols, text_line_fn fn, void *ctx);

#endif
