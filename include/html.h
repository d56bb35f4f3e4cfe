/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_HTML_H
#define WIREDESK_HTML_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* The links of an HTML fragment in document order, numbered from 1 as
 * html_to_text marks them ("[1]"); duplicates share one number.  Each
 * url is sanitized, absolute where a base was given, and never a
 * javascript:, vbscript: or data: URL.  Zero-initialise, then free with
 * html_links_fini. */
struct link_list {
	char **url;
	size_t n;
};

void html_links_fini(struct link_list *l);

/* Most links one fragment contributes to a link_list. */
#define HTML_MAX_LINKS 256
/* Input beyond this many bytes is ignored by html_to_text. */
#define HTML_MAX_INPUT (4u << 20)

/* Appends the plain text of an HTML fragment or document to out: tags
 * stripped, entities decoded (HTML5's whole named set), script, style and
 * other non-text elements dropped, block elements separated by a blank
 * line, br and list items starting a new line, white space collapsed,
 * img alt text kept.  The result has passed text_sanitize (TEXT_KEEP_NL).
 * When links is non-NULL, each a href is added to it and its number
 * follows the link text as "[N]"; with links NULL no markers are
 * written.  Never fails on bad input (invalid UTF-8 becomes U+FFFD);
 * returns -1 only when out's cap was hit (what fit is kept), else 0. */
int html_to_text(const char *html, size_t len, struct buf *out,
    struct link_list *links);
/* The same, with relative hrefs resolved against base (may be NULL). */
int html_to_text_base(const char *html, size_t len, const char *base,
    struct buf *out, struct link_list *links);

/* A converter for many fragments in a row: it keeps libxml2's parser
 * context and its buffers, which is most of the cost of a short
 * fragment.  Same contract as html_to_text_base.  Free with
 * html_conv_free (NULL is fine). */
struct html_conv;
struct html_conv *html_conv_new(void);
void html_conv_free(struct html_conv *c);
int html_conv_text(struct html_conv *c, const char *html, size_t len,
    const char *base, struct buf *out, struct link_list *links);
/* html_conv_text without base or links, for a caller that reads the
 * first max bytes of the text only: it may stop writing a little past
 * max.  What it writes is the beginning of what html_conv_text writes,
 * and longer than max exactly when that is. */
int html_conv_lead(struct html_conv *c, const char *html, size_t len,
    size_t max, struct buf *out);

/* Looks up an HTML named character reference (name without '&' and ';',
 * len bytes, case-sensitive).  Returns the number of code points (1 or 2)
 * stored in cp, or 0 when HTML defines no such name. */
size_t html_entity(const char *name, size_t len, uint32_t cp[2]);

/* Flags for html_prepare. */
#define HTML_PREP_XML 0x1    /* the input is an XML document */
#define HTML_PREP_STRICT 0x2 /* invalid UTF-8 is an error, not U+FFFD */

/* Makes markup ready for libxml2, which stops or switches
 * encoding at the first invalid UTF-8 byte and knows no HTML entity
 * without a DTD: invalid UTF-8 becomes U+FFFD, C0 controls other than
 * tab, newline and carriage return are dropped, named references HTML
 * defines become numeric references, and numeric references to C1
 * controls are read as windows-1252 (as browsers do) and to NUL,
 * surrogates or beyond U+10FFFF as U+FFFD.  With HTML_PREP_XML the input
 * is treated as XML: XML's five predefined entities and the entities the
 * internal DTD subset declares with plain text (character references
 * allowed) are left alone, never substituted; references to other
 * declared entities (external, parameter-laden, nested or holding markup)
 * are removed, so the parser never opens a file or expands a chain;
 * comments, CDATA sections, processing instructions and the DOCTYPE are
 * copied untouched, and a '&' that starts no well-formed reference, or a
 * reference to a name neither XML nor HTML knows, is escaped as "&amp;"
 * so its text survives instead of being dropped by the parser.  Returns
 * 0 when the input needs no change (out is untouched; use the input), or
 * 1 with the prepared copy appended to out; with HTML_PREP_STRICT, -1 at
 * the first invalid UTF-8 sequence (out then holds a partial copy the
 * caller discards). */
int html_prepare(const char *in, size_t len, struct buf *out, int flags);

#endif
