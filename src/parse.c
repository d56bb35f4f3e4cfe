/* parse: feed bytes in, a parsed_feed out.
 *
 * Why this shape: libxml2's xmlTextReader over memory streams the
 * document top-down in one loop, keeps no tree beyond the current path,
 * and recovers from broken markup.  The loop below is a small state
 * machine driven by element depth: the channel or feed, the open item,
 * the open atom author, and at most one field being captured.  Nothing
 * recurses on the input's depth (libxml2 itself stops a document at 256
 * levels without XML_PARSE_HUGE, and that stop is a fatal error that keeps
 * the items read so far).
 *
 * Elements are matched by (namespace URI, local name) in one sorted table
 * with bsearch, never by prefix, so a feed may bind Dublin Core to "x:"
 * and still be read.  Each table row names the field an element fills
 * and its priority there: content:encoded is preferred to description,
 * published to dc:date to updated, and so on, as data rather than code.
 * Fields are accepted only as direct children of their item or channel
 * (an RSS <image>'s title never becomes the feed's title), except
 * media:description (anywhere in an item) and an atom author's name.
 *
 * Before libxml2 sees the bytes they are made UTF-8 (BOM, then the XML
 * declaration, then the HTTP charset; legacy encodings through libxml2's
 * encoding handlers, bad bytes as U+FFFD) and run through html_prepare,
 * which repairs invalid UTF-8 and turns HTML's named entities into
 * numeric references, since libxml2 without a DTD drops "&eacute;".  The
 * reader then runs with RECOVER|NONET|NOERROR|NOWARNING|NOCDATA|COMPACT
 * and IGNORE_ENC (the bytes are UTF-8 whatever the declaration says),
 * and no encoding is named: libxml2 reads prepared bytes (no NUL,
 * control or invalid sequence, so nothing it could take for UTF-16,
 * UTF-32 or EBCDIC; a BOM left over is UTF-8's) as UTF-8 by default,
 * while naming "UTF-8" would put a converter copying every byte in front
 * of the parser;
 * never NOENT, DTDLOAD, DTDVALID, XINCLUDE or HUGE, so no external entity
 * is read and no entity is expanded by the parser.  A reference to an
 * entity the internal subset declares is replaced by its text only when
 * that text is plain (no '&' or '<'): one level, no recursion.  Errors go
 * to a structured handler (on the reader and, for the few libxml2 reports
 * made without a parser context, to the thread's handler for the length
 * of the call), never to stderr.
 *
 * Invariants of the result: every string went through text_sanitize;
 * titles are single lines; summaries are plain text; empty strings are
 * NULL; links are absolute whenever the document's URL, an xml:base or
 * the feed's own link gives a base. */
#include "parse.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/encoding.h>
#include <libxml/globals.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include "date.h"
#include "html.h"
#include "json.h"
#include "text.h"

#ifdef LIBXML_ICONV_ENABLED
#include <iconv.h>
#endif

enum field {
	F_TITLE,
	F_LINK,
	F_ID,
	F_AUTHOR,
	F_SUMMARY,
	F_CONTENT,
	F_PUBLISHED,
	F_UPDATED,
	F_LANGUAGE,
	F_COUNT,
	F_NONE = F_COUNT,
};

enum kind {
	K_FIELD,
	K_ROOT_RSS,
	K_ROOT_RDF,
	K_ROOT_FEED,
	K_CHANNEL,
	K_ITEM,
	K_AUTHOR, /* an atom person: its name is the item's author */
};

/* Where a field element counts. */
#define W_FEED 0x01   /* a direct child of the channel or feed */
#define W_ITEM 0x02   /* a direct child of an item or entry */
#define W_DEEP 0x04   /* anywhere inside an item */
#define W_PERSON 0x08 /* a direct child of an item's atom author */
/* How its text is read. */
#define T_HTML 0x10	/* escaped (or inline) HTML */
#define T_ATOM 0x20	/* an atom text construct: type (and mode) decide */
#define T_MEDIA 0x40	/* media:description: type="html" or plain */
#define T_XHTML 0x80	/* markup children: the inner XML is the HTML */
#define A_LINK 0x100	/* atom link: href and rel, no text */
#define A_GUID 0x200	/* rss guid: also the link unless isPermaLink="false" */
#define V_RSS090 0x400	/* an element of RSS 0.90's namespace */

struct elem {
	const char *ns; /* "" for no namespace */
	const char *name;
	unsigned char kind;
	unsigned char field, prio;   /* lower prio wins */
	unsigned char field2, prio2; /* a second use (updated as published) */
	unsigned short flags;
};

#define NS_ATOM03 "http://purl.org/atom/ns#"
#define NS_ATOM10 "http://www.w3.org/2005/Atom"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_DCTERMS "http://purl.org/dc/terms/"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_RSS090 "http://my.netscape.com/rdf/simple/0.9/"
#define NS_RSS10 "http://purl.org/rss/1.0/"
#define NS_MEDIA "http://search.yahoo.com/mrss"
#define NS_MEDIA2 "http://search.yahoo.com/mrss/"
#define NS_XHTML "http://www.w3.org/1999/xhtml"

#define FIELD(f, p, fl) K_FIELD, f, p, F_NONE, 0, fl
#define KIND(k) k, F_NONE, 0, F_NONE, 0, 0

/* Sorted by (ns, name) in strcmp order: bsearch depends on it. */
static const struct elem elems[] = {
	{"", "author", FIELD(F_AUTHOR, 2, W_ITEM)},
	{"", "channel", KIND(K_CHANNEL)},
	{"", "description", FIELD(F_SUMMARY, 1, W_ITEM | T_HTML)},
	{"", "guid", FIELD(F_ID, 0, W_ITEM | A_GUID)},
	{"", "item", KIND(K_ITEM)},
	{"", "language", FIELD(F_LANGUAGE, 0, W_FEED)},
	{"", "link", FIELD(F_LINK, 1, W_FEED | W_ITEM)},
	{"", "pubDate", FIELD(F_PUBLISHED, 1, W_ITEM)},
	{"", "rss", KIND(K_ROOT_RSS)},
	{"", "title", FIELD(F_TITLE, 0, W_FEED | W_ITEM)},
	{NS_RSS090, "channel", K_CHANNEL, F_NONE, 0, F_NONE, 0, V_RSS090},
	{NS_RSS090, "description", FIELD(F_SUMMARY, 1, W_ITEM | T_HTML)},
	{NS_RSS090, "item", K_ITEM, F_NONE, 0, F_NONE, 0, V_RSS090},
	{NS_RSS090, "link", FIELD(F_LINK, 1, W_FEED | W_ITEM)},
	{NS_RSS090, "title", FIELD(F_TITLE, 0, W_FEED | W_ITEM)},
	{NS_ATOM03, "author", KIND(K_AUTHOR)},
	{NS_ATOM03, "content", FIELD(F_CONTENT, 0, W_ITEM | T_ATOM)},
	{NS_ATOM03, "created", FIELD(F_PUBLISHED, 2, W_ITEM)},
	{NS_ATOM03, "entry", KIND(K_ITEM)},
	{NS_ATOM03, "feed", KIND(K_ROOT_FEED)},
	{NS_ATOM03, "id", FIELD(F_ID, 0, W_ITEM)},
	{NS_ATOM03, "issued", FIELD(F_PUBLISHED, 1, W_ITEM)},
	{NS_ATOM03, "link", FIELD(F_LINK, 2, W_FEED | W_ITEM | A_LINK)},
	{NS_ATOM03, "modified", K_FIELD, F_UPDATED, 1, F_PUBLISHED, 4,
	    W_ITEM},
	{NS_ATOM03, "name", FIELD(F_AUTHOR, 0, W_PERSON)},
	{NS_ATOM03, "summary", FIELD(F_SUMMARY, 0, W_ITEM | T_ATOM)},
	{NS_ATOM03, "title", FIELD(F_TITLE, 0, W_FEED | W_ITEM | T_ATOM)},
	{NS_DC, "creator", FIELD(F_AUTHOR, 1, W_ITEM)},
	{NS_DC, "date", FIELD(F_PUBLISHED, 2, W_ITEM)},
	{NS_DC, "description", FIELD(F_SUMMARY, 2, W_ITEM | T_HTML)},
	{NS_DC, "identifier", FIELD(F_ID, 1, W_ITEM)},
	{NS_DC, "language", FIELD(F_LANGUAGE, 1, W_FEED)},
	{NS_DC, "title", FIELD(F_TITLE, 1, W_FEED | W_ITEM)},
	{NS_DCTERMS, "created", FIELD(F_PUBLISHED, 2, W_ITEM)},
	{NS_DCTERMS, "issued", FIELD(F_PUBLISHED, 2, W_ITEM)},
	{NS_DCTERMS, "modified", K_FIELD, F_UPDATED, 2, F_PUBLISHED, 4,
	    W_ITEM},
	{NS_RSS10, "channel", KIND(K_CHANNEL)},
	{NS_RSS10, "description", FIELD(F_SUMMARY, 1, W_ITEM | T_HTML)},
	{NS_RSS10, "item", KIND(K_ITEM)},
	{NS_RSS10, "link", FIELD(F_LINK, 1, W_FEED | W_ITEM)},
	{NS_RSS10, "title", FIELD(F_TITLE, 0, W_FEED | W_ITEM)},
	{NS_CONTENT, "encoded", FIELD(F_CONTENT, 1, W_ITEM | T_HTML)},
	{NS_MEDIA, "description", FIELD(F_SUMMARY, 3, W_DEEP | T_MEDIA)},
	{NS_MEDIA2, "description", FIELD(F_SUMMARY, 3, W_DEEP | T_MEDIA)},
	{NS_XHTML, "body", FIELD(F_CONTENT, 2, W_ITEM | T_XHTML)},
	{NS_RDF, "RDF", KIND(K_ROOT_RDF)},
	{NS_ATOM10, "author", KIND(K_AUTHOR)},
	{NS_ATOM10, "content", FIELD(F_CONTENT, 0, W_ITEM | T_ATOM)},
	{NS_ATOM10, "entry", KIND(K_ITEM)},
	{NS_ATOM10, "feed", KIND(K_ROOT_FEED)},
	{NS_ATOM10, "id", FIELD(F_ID, 0, W_ITEM)},
	{NS_ATOM10, "link", FIELD(F_LINK, 2, W_FEED | W_ITEM | A_LINK)},
	{NS_ATOM10, "name", FIELD(F_AUTHOR, 0, W_PERSON)},
	{NS_ATOM10, "published", FIELD(F_PUBLISHED, 1, W_ITEM)},
	{NS_ATOM10, "summary", FIELD(F_SUMMARY, 0, W_ITEM | T_ATOM)},
	{NS_ATOM10, "title", FIELD(F_TITLE, 0, W_FEED | W_ITEM | T_ATOM)},
	{NS_ATOM10, "updated", K_FIELD, F_UPDATED, 1, F_PUBLISHED, 4,
	    W_ITEM},
};

struct elem_key {
	const char *ns, *name;
};

static int
elem_cmp(const void *k, const void *e)
{
	const struct elem_key *key = k;
	const struct elem *el = e;
	int c = strcmp(key->ns, el->ns);

	return c ? c : strcmp(key->name, el->name);
}

/* How a captured value reads. */
enum vtype {
	V_TEXT,	 /* plain text */
	V_HTML,	 /* HTML source */
	V_XHTML, /* serialized XHTML (inner XML) */
};

/* One field's best value so far. */
struct slot {
	char *val;
	int prio; /* INT_MAX-like 255 when empty */
	enum vtype type;
};

#define NO_PRIO 255

struct item_state {
	struct slot f[F_COUNT];
	int permalink; /* the guid may serve as the link */
};

/* The field element being read. */
struct capture {
	int active;
	int depth;
	const struct elem *e;
	enum vtype type;
	struct item_state *target;
	int markup;    /* rebuild child elements as HTML tags */
	int permalink; /* guid isPermaLink was not "false" */
	char *base;    /* xml:base in force, for links */
	struct buf text;
};

/* A remembered lookup.  The reader's names and namespace URIs are its
 * dictionary's strings, which live as long as the reader: the same
 * pointers mean the same element. */
struct seen {
	const char *ns, *name;
	const struct elem *e;
};

#define SEEN_SLOTS 32

struct state {
	xmlTextReaderPtr r;
	struct parsed_feed *out;
	int root;	/* the root was recognised as a feed */
	int root_closed;
	int feed_depth; /* channel or atom feed: -1 if not open */
	int item_depth; /* the open item: -1 if none */
	int author_depth;
	const char *alias_from, *alias_to; /* namespace read as another */
	struct item_state item;
	struct item_state feed;
	struct capture cap;
	size_t cap_items;
	int too_many_items;
	/* errors */
	char first_fatal[256];
	int fatal_line;
	int nerrors;
	char err[256];
	int stop;
	int advanced; /* the reader already moved on; next_ret is its result */
	int next_ret;
	int last_ret;
	int need_base; /* a URL was given or the text says "xml:base" */
	struct html_conv *hc;
	struct buf tmp, tmp2; /* scratch for the values of an item */
	struct seen seen[SEEN_SLOTS];
};

/* ---- errors ---------------------------------------------------------- */

static void
on_error(void *ctx, xmlErrorPtr e)
{
	struct state *st = ctx;

	if (!e)
		return;
	st->nerrors++;
	if (e->level == XML_ERR_FATAL && st->first_fatal[0] == '\0' &&
	    e->message) {
		char *m = text_clean(e->message, strlen(e->message), 0);
		util_strlcpy(st->first_fatal, m, sizeof(st->first_fatal));
		free(m);
		st->fatal_line = e->line;
	}
}

static void
quiet_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

/* libxml2 reports a few errors (encoding conversion among them) without
 * a parser context, to the thread's handler or else to stderr; this
 * routes them to a handler for the duration of one call. */
struct quiet {
	xmlStructuredErrorFunc fn;
	void *ctx;
};

static void
quiet_begin(struct quiet *q, void *ctx, xmlStructuredErrorFunc fn)
{
	q->fn = xmlStructuredError;
	q->ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(ctx, fn);
}

static void
quiet_end(const struct quiet *q)
{
	xmlSetStructuredErrorFunc(q->ctx, q->fn);
}

/* ---- encodings ------------------------------------------------------- */

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

static int
name_eq(const char *a, const char *b)
{
	while (*a && lower((unsigned char)*a) == lower((unsigned char)*b)) {
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

/* Reads the encoding pseudo-attribute of an XML declaration near the
 * start of s (within 512 bytes: a comment or a stray line may come
 * first, and html_prepare then drops the misplaced declaration) into
 * name; returns 1 if there is one. */
static int
declared_encoding(const char *s, size_t len, char *name, size_t size)
{
	size_t i = 0, lim = len < 512 ? len : 512;

	while (i + 6 <= lim && !(memcmp(s + i, "<?xml", 5) == 0 &&
	    (s[i + 5] == ' ' || s[i + 5] == '\t' || s[i + 5] == '\r' ||
	    s[i + 5] == '\n')))
		i++;
	if (i + 6 > lim)
		return 0;
	for (i += 5; i + 8 < lim && !(s[i] == '?' && s[i + 1] == '>'); i++) {
		if (memcmp(s + i, "encoding", 8) != 0)
			continue;
		i += 8;
		while (i < lim && (s[i] == ' ' || s[i] == '='))
			i++;
		if (i >= lim || (s[i] != '"' && s[i] != '\''))
			return 0;
		char q = s[i++];
		size_t n = 0;
		while (i < lim && s[i] != q && n + 1 < size)
			name[n++] = s[i++];
		name[n] = '\0';
		return i < lim && s[i] == q && n > 0;
	}
	return 0;
}

/* Labels that mean UTF-8 to us.  ISO-8859-1 and ASCII are read as
 * windows-1252, as the WHATWG Encoding Standard (and every browser)
 * does: feeds that say latin-1 and use 0x80-0x9F mean its quotes. */
static const char *
normalize_encoding(const char *name)
{
	static const char *const utf8[] = {"utf-8", "utf8",
		"unicode-1-1-utf-8"};
	static const char *const w1252[] = {"iso-8859-1", "iso8859-1",
		"iso_8859-1", "latin1", "l1", "us-ascii", "ascii", "cp819",
		"ibm819", "iso-ir-100", "windows-1252", "cp1252",
		"x-cp1252"};

	for (size_t i = 0; i < ARRAY_LEN(utf8); i++)
		if (name_eq(name, utf8[i]))
			return "UTF-8";
	for (size_t i = 0; i < ARRAY_LEN(w1252); i++)
		if (name_eq(name, w1252[i]))
			return "WINDOWS-1252";
	return name;
}

/* Converts len bytes of enc to UTF-8 into out with U+FFFD for every byte
 * that does not convert.  Returns -1 when libxml2 has no converter. */
/* Bytes per code unit of the UTF-16 and UTF-32 families, else 1. */
static size_t
unit_size(const char *enc)
{
	char h[7];
	size_t n = 0;

	for (; n < 6 && enc[n]; n++)
		h[n] = (char)lower((unsigned char)enc[n]);
	h[n] = '\0';
	if (strncmp(h, "utf-16", 6) == 0 || strncmp(h, "utf16", 5) == 0 ||
	    strncmp(h, "ucs-2", 5) == 0 || strncmp(h, "ucs2", 4) == 0)
		return 2;
	if (strncmp(h, "utf-32", 6) == 0 || strncmp(h, "utf32", 5) == 0 ||
	    strncmp(h, "ucs-4", 5) == 0 || strncmp(h, "ucs4", 4) == 0)
		return 4;
	return 1;
}

static int
to_utf8(const char *enc, const char *in, size_t len, struct buf *out,
    struct state *st)
{
	struct quiet q;
	xmlCharEncodingHandlerPtr h;
	int rc = -1;

	quiet_begin(&q, st, quiet_error);
	h = xmlFindCharEncodingHandler(enc);
	if (!h)
		goto done;
	/* Every encoding needs at most 3 UTF-8 bytes per input byte, and a
	 * bad byte becomes U+FFFD, 3 bytes. */
	size_t cap = len * 3 + 16;
	char *o = xmalloc(cap);
	size_t olen = 0, i = 0, unit = unit_size(enc);
	if (h->input) {
		while (i < len) {
			int inl = (int)(len - i > (1u << 20) ? (1u << 20) :
			    len - i);
			int outl = (int)(cap - olen > (4u << 20) ? (4u << 20) :
			    cap - olen);
			int r = h->input((unsigned char *)o + olen, &outl,
			    (const unsigned char *)in + i, &inl);
			olen += (size_t)(outl > 0 ? outl : 0);
			i += (size_t)(inl > 0 ? inl : 0);
			if (r == -2 || (r < 0 && inl <= 0)) {
				memcpy(o + olen, "\xef\xbf\xbd", 3);
				olen += 3;
				i += unit < len - i ? unit : len - i;
			} else if (r < 0 || (inl <= 0 && outl <= 0)) {
				break;
			}
		}
		rc = 0;
	}
#ifdef LIBXML_ICONV_ENABLED
	else if (h->iconv_in) {
		char *ip = (char *)(uintptr_t)in, *op = o;
		size_t il = len, ol = cap - 16;
		iconv(h->iconv_in, NULL, NULL, NULL, NULL);
		while (il > 0) {
			size_t r = iconv(h->iconv_in, &ip, &il, &op, &ol);
			if (r != (size_t)-1)
				break;
			if (errno == E2BIG)
				break; /* cannot happen: 3 bytes per byte */
			/* EILSEQ, or EINVAL: a sequence cut by the end. */
			size_t k = unit < il ? unit : il;
			if (ol < 3)
				break;
			memcpy(op, "\xef\xbf\xbd", 3);
			op += 3;
			ol -= 3;
			ip += k;
			il -= k;
		}
		iconv(h->iconv_in, NULL, NULL, &op, &ol);
		olen = (size_t)(op - o);
		rc = 0;
	}
#endif
	if (rc == 0)
		(void)buf_append(out, o, olen);
	free(o);
	xmlCharEncCloseFunc(h);
done:
	quiet_end(&q);
	return rc;
}

/* Where the markup starts when a document opens with text (a PHP
 * warning printed before the feed): at the first XML declaration or
 * feed root within 4 KiB, else at i itself. */
static size_t
junk_end(const char *s, size_t len, size_t i)
{
	static const char *const starts[] = {"<?xml", "<rss", "<feed",
		"<rdf:RDF", "<channel"};
	size_t lim = len - i < 4096 ? len : i + 4096;

	for (size_t j = i; j < lim; j++) {
		if (s[j] != '<')
			continue;
		for (size_t k = 0; k < ARRAY_LEN(starts); k++) {
			size_t n = strlen(starts[k]);
			if (lim - j > n && memcmp(s + j, starts[k], n) == 0)
				return j;
		}
	}
	return i;
}

/* Decides the encoding (BOM, declaration, HTTP charset, UTF-8) and
 * makes the document prepared UTF-8: either in out (the function returns
 * NULL) or, when the input is fine as it is, the returned part of data
 * (*plen bytes; out stays empty). */
static const char *
prepare(const char *data, size_t len, const char *http_charset,
    struct buf *out, size_t *plen, struct state *st)
{
	const unsigned char *u = (const unsigned char *)data;
	const char *enc = NULL;
	char declared[48];
	size_t skip = 0, lead = 0;
	int bom = 0;

	/* White space and UTF-8 BOMs before the first markup (PHP and
	 * WordPress feeds print a blank line first): libxml2 refuses a
	 * declaration after them, so they go.  A UTF-8 BOM anywhere in
	 * that run still says UTF-8. */
	while (lead < len) {
		if (u[lead] == ' ' || u[lead] == '\t' || u[lead] == '\n' ||
		    u[lead] == '\r') {
			lead++;
		} else if (len - lead >= 3 && u[lead] == 0xef &&
		    u[lead + 1] == 0xbb && u[lead + 2] == 0xbf) {
			lead += 3;
			bom = 1;
		} else {
			break;
		}
	}
	if (lead < len && u[lead] >= 0x20 && u[lead] < 0x7f && u[lead] != '<')
		lead = junk_end(data, len, lead);
	if (bom) {
		skip = lead;
	} else if (lead > 0 && lead < len && u[lead] == '<') {
		skip = lead;
		if (declared_encoding(data + skip, len - skip, declared,
		    sizeof(declared))) {
			enc = normalize_encoding(declared);
			if (unit_size(enc) > 1)
				enc = NULL;
		} else if (http_charset && *http_charset) {
			enc = normalize_encoding(http_charset);
		}
	} else if (len >= 4 && u[0] == 0xff && u[1] == 0xfe && u[2] == 0 &&
	    u[3] == 0) {
		enc = "UTF-32LE";
		skip = 4;
	} else if (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xfe &&
	    u[3] == 0xff) {
		enc = "UTF-32BE";
		skip = 4;
	} else if (len >= 2 && u[0] == 0xff && u[1] == 0xfe) {
		enc = "UTF-16LE";
		skip = 2;
	} else if (len >= 2 && u[0] == 0xfe && u[1] == 0xff) {
		enc = "UTF-16BE";
		skip = 2;
	} else if (len >= 4 && u[0] == '<' && u[1] == 0 && u[2] != 0 &&
	    u[3] == 0) {
		enc = "UTF-16LE"; /* "<?" without a BOM */
	} else if (len >= 4 && u[0] == 0 && u[1] == '<' && u[2] == 0 &&
	    u[3] != 0) {
		enc = "UTF-16BE";
	} else if (declared_encoding(data, len, declared, sizeof(declared))) {
		enc = normalize_encoding(declared);
		/* A declaration readable as ASCII cannot be right about
		 * UTF-16 or UTF-32. */
		if (unit_size(enc) > 1)
			enc = NULL;
	} else if (http_charset && *http_charset) {
		enc = normalize_encoding(http_charset);
	}
	if (enc && (strcmp(enc, "UTF-8") == 0 || name_eq(enc, "utf-8")))
		enc = NULL;
	if (enc) {
		struct buf conv;
		buf_init(&conv, 0);
		if (to_utf8(enc, data + skip, len - skip, &conv, st) == 0) {
			if (html_prepare(conv.p, conv.len, out,
			    HTML_PREP_XML)) {
				buf_fini(&conv);
				return NULL;
			}
			*out = conv;
			return NULL;
		}
		buf_fini(&conv);
	}
	if (html_prepare(data + skip, len - skip, out, HTML_PREP_XML))
		return NULL;
	*plen = len - skip;
	return data + skip;
}

/* ---- values ---------------------------------------------------------- */

static void
slot_clear(struct slot *s)
{
	free(s->val);
	s->val = NULL;
	s->prio = NO_PRIO;
	s->type = V_TEXT;
}

static void
item_clear(struct item_state *it)
{
	for (int i = 0; i < F_COUNT; i++)
		slot_clear(&it->f[i]);
	it->permalink = 0;
}

static int
blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* Offers a value (ownership passes) for a field at a priority. */
static void
offer(struct slot *s, char *val, int prio, enum vtype type)
{
	if (!val || blank(val) || prio >= s->prio) {
		free(val);
		return;
	}
	free(s->val);
	s->val = val;
	s->prio = prio;
	s->type = type;
}

static int
is_absolute(const char *u)
{
	const char *p = u;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return 0;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.')
		p++;
	return *p == ':';
}

/* Percent-encodes what xmlBuildURI refuses (spaces, non-ASCII, ...). */
static char *
uri_escape(const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b;

	buf_init(&b, 0);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p <= ' ' || *p >= 0x7f || strchr("\"<>\\^`{|}", *p)) {
			char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
			(void)buf_append(&b, e, 3);
		} else {
			(void)buf_putc(&b, *p);
		}
	}
	return buf_take(&b);
}

/* link resolved against base (either may be relative); a new string.
 * A link libxml2 cannot read even escaped is kept as it is. */
static char *
resolve(const char *link, const char *base)
{
	xmlChar *r;

	if (!base || !*base || is_absolute(link))
		return xstrdup(link);
	r = xmlBuildURI((const xmlChar *)link, (const xmlChar *)base);
	if (!r) {
		char *l = uri_escape(link), *b = uri_escape(base);
		r = xmlBuildURI((const xmlChar *)l, (const xmlChar *)b);
		free(l);
		free(b);
	}
	if (!r)
		return xstrdup(link);
	char *s = xstrdup((const char *)r);
	xmlFree(r);
	return s;
}

/* A single-line sanitized copy, NULL when empty. */
static char *
clean_line(const char *s, size_t max)
{
	struct buf b;

	if (!s)
		return NULL;
	buf_init(&b, max);
	(void)text_sanitize(s, strlen(s), &b, 0);
	if (b.len == 0) {
		buf_fini(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* The final string for the text in b: NULL when it is empty; the value
 * *val itself when the text is exactly *val (vlen bytes), so clean
 * values, the usual case, are never copied (*val becomes NULL); else a
 * copy. */
static char *
result(const struct buf *b, char **val, size_t vlen)
{
	if (b->len == 0)
		return NULL;
	if (val && *val && b->len == vlen && memcmp(b->p, *val, vlen) == 0) {
		char *v = *val;
		*val = NULL;
		return v;
	}
	return xstrndup(b->p, b->len);
}

/* The scratch buffer b, emptied and capped at max. */
static struct buf *
scratch(struct buf *b, size_t max)
{
	buf_reset(b);
	b->max = max;
	return b;
}

/* clean_line of *val, taking *val itself when it is clean already. */
static char *
clean_take(struct state *st, char **val, size_t max)
{
	struct buf *b = scratch(&st->tmp, max);

	if (!*val)
		return NULL;
	size_t len = strlen(*val);
	(void)text_sanitize(*val, len, b, 0);
	return result(b, val, len);
}

/* Plain text of a value: HTML and XHTML through html_to_text.  With
 * take, the slot's own string may become the result. */
static char *
plain(struct state *st, struct slot *s, int keep_nl, size_t max, int take)
{
	struct buf *b = scratch(&st->tmp, max);
	char **val = take ? &s->val : NULL;

	if (!s->val)
		return NULL;
	size_t len = strlen(s->val);
	if (s->type == V_TEXT) {
		(void)text_sanitize(s->val, len, b, keep_nl ? TEXT_KEEP_NL : 0);
	} else if (keep_nl) {
		(void)html_conv_text(st->hc, s->val, len, NULL, b, NULL);
	} else {
		struct buf *t = scratch(&st->tmp2, 0);
		(void)html_conv_text(st->hc, s->val, len, NULL, t, NULL);
		(void)text_sanitize(t->p ? t->p : "", t->len, b, 0);
	}
	return result(b, val, len);
}

/* HTML of a value: text is escaped, HTML and XHTML kept.  The slot's
 * own string may become the result. */
static char *
html_of(struct state *st, struct slot *s)
{
	struct buf *b = scratch(&st->tmp, 0);

	if (!s->val)
		return NULL;
	size_t len = strlen(s->val);
	if (s->type != V_TEXT) {
		(void)text_sanitize(s->val, len, b, TEXT_KEEP_NL);
		return result(b, &s->val, len);
	}
	struct buf *h = scratch(&st->tmp2, 0);
	for (const char *p = s->val; *p;) {
		size_t n = strcspn(p, "<>&");
		(void)buf_append(h, p, n);
		p += n;
		if (*p == '<')
			(void)buf_puts(h, "&lt;");
		else if (*p == '>')
			(void)buf_puts(h, "&gt;");
		else if (*p == '&')
			(void)buf_puts(h, "&amp;");
		if (*p)
			p++;
	}
	(void)text_sanitize(h->p ? h->p : "", h->len, b, TEXT_KEEP_NL);
	return result(b, NULL, 0);
}

static int64_t
date_of(const struct slot *s)
{
	int64_t t;

	if (!s->val || date_parse(s->val, &t) < 0)
		return PARSE_NO_DATE;
	return t;
}

/* Turns the open item's slots into a parsed_item. */
static void
commit_item(struct state *st)
{
	struct item_state *it = &st->item;
	struct parsed_item pi;
	struct parsed_feed *f = st->out;

	if (f->nitems >= PARSE_MAX_ITEMS) {
		st->too_many_items = 1;
		item_clear(it);
		return;
	}
	memset(&pi, 0, sizeof(pi));
	pi.title = plain(st, &it->f[F_TITLE], 0, PARSE_MAX_FIELD, 1);
	pi.link = clean_take(st, &it->f[F_LINK].val, PARSE_MAX_FIELD);
	pi.id = clean_take(st, &it->f[F_ID].val, PARSE_MAX_FIELD);
	pi.author = plain(st, &it->f[F_AUTHOR], 0, PARSE_MAX_FIELD, 1);
	/* Without a summary the content gives it, and is still needed. */
	if (it->f[F_SUMMARY].val)
		pi.summary = plain(st, &it->f[F_SUMMARY], 1, PARSE_MAX_SUMMARY,
		    1);
	else
		pi.summary = plain(st, &it->f[F_CONTENT], 1, PARSE_MAX_SUMMARY,
		    0);
	pi.content = html_of(st, &it->f[F_CONTENT]);
	pi.published = date_of(&it->f[F_PUBLISHED]);
	pi.updated = date_of(&it->f[F_UPDATED]);
	item_clear(it);
	if (!pi.title && !pi.link && !pi.id && !pi.summary && !pi.content)
		return;
	if (f->nitems == st->cap_items) {
		st->cap_items = st->cap_items ? st->cap_items * 2 : 16;
		f->items = xreallocarray(f->items, st->cap_items,
		    sizeof(*f->items));
	}
	f->items[f->nitems++] = pi;
}

/* ---- the reader loop ------------------------------------------------- */

static const struct elem *
lookup(struct state *st)
{
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(st->r);
	const char *name = (const char *)xmlTextReaderConstLocalName(st->r);
	struct elem_key key;

	if (!name)
		return NULL;
	struct seen *seen = &st->seen[(((uintptr_t)name >> 4) ^
	    ((uintptr_t)ns >> 6)) % SEEN_SLOTS];
	if (seen->name == name && seen->ns == ns)
		return seen->e;
	seen->name = name;
	seen->ns = ns;
	if (!ns)
		ns = "";
	if (st->alias_from && strcmp(ns, st->alias_from) == 0)
		ns = st->alias_to;
	key.ns = ns;
	key.name = name;
	seen->e = bsearch(&key, elems, ARRAY_LEN(elems), sizeof(elems[0]),
	    elem_cmp);
	return seen->e;
}

static char *
attr(xmlTextReaderPtr r, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)name);
	char *s;

	if (!v)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

static int
attr_is(xmlTextReaderPtr r, const char *name, const char *const *values,
    size_t n)
{
	xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)name);
	int hit = 0;

	if (!v)
		return 0;
	for (size_t i = 0; i < n && !hit; i++) {
		const char *t = (const char *)v;
		while (*t == ' ')
			t++;
		hit = name_eq(t, values[i]);
	}
	xmlFree(v);
	return hit;
}

static void
root_start(struct state *st, const struct elem *e)
{
	const char *name = (const char *)xmlTextReaderConstLocalName(st->r);
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(st->r);
	struct parsed_feed *f = st->out;

	if (!e || (e->kind != K_ROOT_RSS && e->kind != K_ROOT_RDF &&
	    e->kind != K_ROOT_FEED)) {
		/* A root in a namespace we know by another: <rss> in
		 * Userland's namespace, <feed> in none. */
		if (name && strcmp(name, "rss") == 0 && ns) {
			st->alias_from = ns;
			st->alias_to = "";
			memset(st->seen, 0, sizeof(st->seen));
			e = lookup(st);
		} else if (name && strcmp(name, "feed") == 0 && !ns) {
			st->alias_from = "";
			st->alias_to = NS_ATOM10;
			memset(st->seen, 0, sizeof(st->seen));
			e = lookup(st);
		} else {
			char *n = clean_line(name ? name : "?", 64);
			snprintf(st->err, sizeof(st->err),
			    "not a feed: root element <%s>", n ? n : "?");
			free(n);
			st->stop = 1;
			return;
		}
	}
	st->root = 1;
	if (e->kind == K_ROOT_RSS) {
		char *v = attr(st->r, "version");
		f->format = FEED_RSS20;
		if (v && strcmp(v, "0.91") == 0)
			f->format = FEED_RSS091;
		else if (v && strcmp(v, "0.92") == 0)
			f->format = FEED_RSS092;
		else if (v && (strcmp(v, "0.90") == 0 || strcmp(v, "0.9") == 0))
			f->format = FEED_RSS090;
		free(v);
	} else if (e->kind == K_ROOT_RDF) {
		f->format = FEED_RSS10;
	} else {
		f->format = strcmp(e->ns, NS_ATOM03) == 0 ? FEED_ATOM03 :
		    FEED_ATOM10;
		st->feed_depth = 0;
	}
	const char *lang = (const char *)xmlTextReaderConstXmlLang(st->r);
	if (lang)
		offer(&st->feed.f[F_LANGUAGE], xstrdup(lang), 3, V_TEXT);
}

/* Which of an element's text constructs applies (atom type and mode,
 * media type).  Returns -1 when the value is not text at all (base64,
 * out-of-line src). */
static int
text_type(struct state *st, const struct elem *e)
{
	static const char *const html[] = {"html", "text/html"};
	static const char *const xhtml[] = {"xhtml", "application/xhtml+xml"};
	static const char *const text[] = {"text", "text/plain", "plain"};
	static const char *const b64[] = {"base64"};
	static const char *const xml[] = {"xml"};

	if (e->flags & T_HTML)
		return V_HTML;
	if (e->flags & T_XHTML)
		return V_XHTML;
	if (e->flags & T_MEDIA)
		return attr_is(st->r, "type", html, 1) ? V_HTML : V_TEXT;
	if (!(e->flags & T_ATOM))
		return V_TEXT;
	char *src = attr(st->r, "src");
	if (src) {
		free(src);
		return -1;
	}
	if (attr_is(st->r, "mode", b64, 1))
		return -1;
	if (attr_is(st->r, "type", html, 2))
		return V_HTML;
	if (attr_is(st->r, "type", xhtml, 2))
		return V_XHTML;
	if (attr_is(st->r, "mode", xml, 1)) {
		/* Atom 0.3's default mode: markup children are content. */
		char *t = attr(st->r, "type");
		int plain_text = !t || attr_is(st->r, "type", text, 3);
		free(t);
		return plain_text ? V_TEXT : V_XHTML;
	}
	return V_TEXT;
}

/* The inner XML of an atom xhtml construct without its wrapping div
 * (RFC 4287 3.1.1.3: the div is not part of the content). */
static char *
strip_div(const char *x)
{
	static const char xmlns[] = " xmlns=\"" NS_XHTML "\"";
	const char *s = x, *e = x + strlen(x), *gt, *q;
	struct buf b;

	while (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t')
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\r' ||
	    e[-1] == '\t'))
		e--;
	if (*s == '<') {
		const char *n = s + 1;
		while (n < e && *n != ' ' && *n != '>' && *n != '/' &&
		    *n != '\n' && *n != '\t' && *n != '\r')
			n++;
		q = n - 3;
		gt = memchr(s, '>', (size_t)(e - s));
		if (q > s && memcmp(q, "div", 3) == 0 && (q == s + 1 ||
		    q[-1] == ':') && gt) {
			if (gt[-1] == '/') {
				s = e = gt;
			} else if (e - s > 6 && e[-1] == '>') {
				const char *close = e - 1;
				while (close > gt && *close != '<')
					close--;
				if (close > gt && close[1] == '/') {
					s = gt + 1;
					e = close;
				}
			}
		}
	}
	/* Namespace declarations the serializer repeats on each child. */
	buf_init(&b, 0);
	while (s < e) {
		const char *m = strstr(s, xmlns);
		if (!m || m >= e) {
			(void)buf_append(&b, s, (size_t)(e - s));
			break;
		}
		(void)buf_append(&b, s, (size_t)(m - s));
		s = m + sizeof(xmlns) - 1;
	}
	return buf_take(&b);
}

/* Cuts s's leading and trailing white space, in place. */
static void
trim(char *s)
{
	size_t n = strlen(s), a = 0;

	while (a < n && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n' ||
	    s[a] == '\r'))
		a++;
	while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	memmove(s, s + a, n - a);
	s[n - a] = '\0';
}

static int
is_web_url(const char *s)
{
	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

/* Hands a finished value (ownership passes) to its field(s). */
static void
deliver(struct state *st, const struct elem *e, struct item_state *target,
    char *val, enum vtype type, const char *base, int permalink)
{
	if (e->field == F_LINK || (e->flags & A_GUID))
		trim(val);
	if (e->field == F_LINK && base && *base && !is_absolute(val)) {
		char *l = resolve(val, base);
		free(val);
		val = l;
	}
	if ((e->flags & A_GUID) && permalink && is_web_url(val))
		offer(&target->f[F_LINK], resolve(val, base), 3, V_TEXT);
	if (e->field2 != F_NONE)
		offer(&target->f[e->field2], xstrdup(val), e->prio2, type);
	offer(&target->f[e->field], val, e->prio, type);
	(void)st;
}

/* The base URI in force (xml:base over the document's URL), or NULL;
 * asked of libxml2 only when the document can have one, since the
 * answer walks the element's ancestors. */
static const char *
base_uri(struct state *st)
{
	if (!st->need_base)
		return NULL;
	return (const char *)xmlTextReaderConstBaseUri(st->r);
}

static void
field_start(struct state *st, const struct elem *e, int depth, int empty)
{
	struct item_state *target;
	int ok = 0;

	if (st->item_depth >= 0) {
		target = &st->item;
		ok = ((e->flags & W_ITEM) && depth == st->item_depth + 1) ||
		    ((e->flags & W_DEEP) && depth > st->item_depth) ||
		    ((e->flags & W_PERSON) && st->author_depth >= 0 &&
		    depth == st->author_depth + 1);
	} else if (st->feed_depth >= 0) {
		target = &st->feed;
		ok = ((e->flags & W_FEED) && depth == st->feed_depth + 1) ||
		    ((e->flags & W_PERSON) && st->author_depth >= 0 &&
		    depth == st->author_depth + 1);
	} else {
		return;
	}
	if (!ok)
		return;
	/* Nothing to gain: a better value is already there. */
	if (e->prio >= target->f[e->field].prio && (e->field2 == F_NONE ||
	    e->prio2 >= target->f[e->field2].prio) &&
	    (!(e->flags & A_GUID) || target->f[F_LINK].prio <= 3))
		return;
	if (e->flags & A_LINK) {
		static const char *const alt[] = {"alternate"};
		char *rel = attr(st->r, "rel");
		char *href = attr(st->r, "href");
		if ((!rel || attr_is(st->r, "rel", alt, 1)) && href) {
			const char *base = base_uri(st);
			deliver(st, e, target, href, V_TEXT, base, 0);
			href = NULL;
		}
		free(rel);
		free(href);
		return;
	}
	int type = text_type(st, e);
	if (type < 0)
		return;
	if (type == V_XHTML && !empty) {
		xmlChar *inner = xmlTextReaderReadInnerXml(st->r);
		char *v = strip_div(inner ? (const char *)inner : "");
		xmlFree(inner);
		if (strlen(v) > PARSE_MAX_BODY)
			v[PARSE_MAX_BODY] = '\0';
		deliver(st, e, target, v, V_XHTML, NULL, 0);
		st->advanced = 1;
		st->next_ret = xmlTextReaderNext(st->r);
		return;
	}
	struct capture *c = &st->cap;
	c->active = 1;
	c->depth = depth;
	c->e = e;
	c->target = target;
	c->type = (enum vtype)type;
	c->markup = type != V_TEXT;
	c->permalink = 0;
	if (e->flags & A_GUID) {
		static const char *const no[] = {"false"};
		c->permalink = !attr_is(st->r, "isPermaLink", no, 1);
	}
	free(c->base);
	c->base = NULL;
	if (e->field == F_LINK || (e->flags & A_GUID)) {
		const char *b = base_uri(st);
		c->base = b ? xstrdup(b) : NULL;
	}
	buf_reset(&c->text);
	c->text.max = e->field == F_SUMMARY || e->field == F_CONTENT ?
	    PARSE_MAX_BODY : PARSE_MAX_FIELD;
	if (empty)
		c->active = 2; /* finished by the caller at once */
}

static void
capture_end(struct state *st)
{
	struct capture *c = &st->cap;

	c->active = 0;
	deliver(st, c->e, c->target, xstrndup(c->text.p ? c->text.p : "",
	    c->text.len), c->type, c->base, c->permalink);
}

/* Inline markup inside an HTML field, rebuilt as tags. */
static void
capture_tag(struct state *st, int empty)
{
	struct capture *c = &st->cap;
	const char *name = (const char *)xmlTextReaderConstLocalName(st->r);

	if (!c->markup || !name)
		return;
	(void)buf_putc(&c->text, '<');
	(void)buf_puts(&c->text, name);
	while (xmlTextReaderMoveToNextAttribute(st->r) == 1) {
		if (xmlTextReaderIsNamespaceDecl(st->r) == 1)
			continue;
		const char *an = (const char *)
		    xmlTextReaderConstLocalName(st->r);
		const char *av = (const char *)xmlTextReaderConstValue(st->r);
		(void)buf_putc(&c->text, ' ');
		(void)buf_puts(&c->text, an ? an : "");
		(void)buf_puts(&c->text, "=\"");
		for (; av && *av; av++) {
			if (*av == '"')
				(void)buf_puts(&c->text, "&quot;");
			else if (*av == '&')
				(void)buf_puts(&c->text, "&amp;");
			else if (*av == '<')
				(void)buf_puts(&c->text, "&lt;");
			else
				(void)buf_putc(&c->text, *av);
		}
		(void)buf_putc(&c->text, '"');
	}
	(void)xmlTextReaderMoveToElement(st->r);
	(void)buf_puts(&c->text, empty ? "/>" : ">");
}

static void
element_end(struct state *st, int depth)
{
	struct capture *c = &st->cap;

	if (c->active && depth == c->depth) {
		capture_end(st);
	} else if (c->active) {
		const char *name = (const char *)
		    xmlTextReaderConstLocalName(st->r);
		if (c->markup && name) {
			(void)buf_puts(&c->text, "</");
			(void)buf_puts(&c->text, name);
			(void)buf_putc(&c->text, '>');
		}
		return;
	}
	if (depth == st->author_depth)
		st->author_depth = -1;
	if (depth == st->item_depth) {
		commit_item(st);
		st->item_depth = -1;
	}
	if (depth == st->feed_depth)
		st->feed_depth = -1;
	if (depth == 0)
		st->root_closed = 1;
}

static void
element_start(struct state *st)
{
	int depth = xmlTextReaderDepth(st->r);
	int empty = xmlTextReaderIsEmptyElement(st->r) == 1;
	const struct elem *e;

	if (st->cap.active) {
		capture_tag(st, empty);
		return;
	}
	e = lookup(st);
	if (depth == 0) {
		root_start(st, e);
		if (st->stop)
			return;
	} else if (e) {
		switch (e->kind) {
		case K_CHANNEL:
			if (depth == 1 && st->feed_depth < 0)
				st->feed_depth = 1;
			if ((e->flags & V_RSS090) &&
			    st->out->format == FEED_RSS10)
				st->out->format = FEED_RSS090;
			break;
		case K_ITEM:
			if (st->item_depth < 0) {
				item_clear(&st->item);
				st->item_depth = depth;
			}
			if ((e->flags & V_RSS090) &&
			    st->out->format == FEED_RSS10)
				st->out->format = FEED_RSS090;
			break;
		case K_AUTHOR:
			if (st->item_depth >= 0 ?
			    depth == st->item_depth + 1 :
			    depth == st->feed_depth + 1)
				st->author_depth = depth;
			break;
		case K_FIELD:
			field_start(st, e, depth, empty);
			if (st->cap.active == 2)
				capture_end(st);
			if (st->advanced)
				return;
			break;
		default:
			break;
		}
	}
	if (empty)
		element_end(st, depth);
}

/* A reference to an entity the internal subset declares: its text when
 * that is plain, nothing when it holds markup or further references
 * (one level only, so no entity can multiply). */
static void
capture_entity(struct state *st)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(st->r);

	if (!st->cap.active || !n || !n->content)
		return;
	const char *v = (const char *)n->content;
	if (strchr(v, '&') || strchr(v, '<'))
		return;
	(void)buf_puts(&st->cap.text, v);
}

static void
read_all(struct state *st)
{
	int ret;

	for (;;) {
		if (st->advanced) {
			st->advanced = 0;
			ret = st->next_ret;
		} else {
			ret = xmlTextReaderRead(st->r);
		}
		if (ret != 1) {
			st->last_ret = ret;
			return;
		}
		switch (xmlTextReaderNodeType(st->r)) {
		case XML_READER_TYPE_ELEMENT:
			element_start(st);
			break;
		case XML_READER_TYPE_END_ELEMENT:
			element_end(st, xmlTextReaderDepth(st->r));
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
		case XML_READER_TYPE_WHITESPACE:
			if (st->cap.active) {
				const char *v = (const char *)
				    xmlTextReaderConstValue(st->r);
				if (v)
					(void)buf_puts(&st->cap.text, v);
			}
			break;
		case XML_READER_TYPE_ENTITY_REFERENCE:
			capture_entity(st);
			break;
		default:
			break;
		}
		if (st->stop) {
			st->last_ret = 0;
			return;
		}
	}
}

static int
mentions_xml_base(const char *s, size_t len)
{
	const char *p = s, *end = s + len;

	while ((p = memchr(p, ':', (size_t)(end - p))) != NULL) {
		if (p - s >= 3 && end - p > 4 &&
		    memcmp(p - 3, "xml:base", 8) == 0)
			return 1;
		p++;
	}
	return 0;
}

static int
only_space(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	if (len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		i = 3;
	for (; i < len; i++)
		if (u[i] != ' ' && u[i] != '\t' && u[i] != '\n' && u[i] != '\r')
			return 0;
	return 1;
}

static void
set_err(char *err, size_t errlen, const char *msg)
{
	if (err && errlen)
		util_strlcpy(err, msg, errlen);
}

static char *
lowercase(char *s)
{
	for (char *p = s; p && *p; p++)
		*p = (char)lower((unsigned char)*p);
	return s;
}

int
parse_feed(const char *data, size_t len, const char *url,
    const char *http_charset, struct parsed_feed *out, char *err,
    size_t errlen)
{
	struct state *st;
	struct buf doc;
	struct quiet q;

	memset(out, 0, sizeof(*out));
	set_err(err, errlen, "");
	if (!data)
		len = 0;
	if (len > PARSE_MAX_INPUT) {
		set_err(err, errlen, "document too large");
		return -1;
	}
	if (only_space(data, len)) {
		set_err(err, errlen, "empty document");
		return -1;
	}
	st = xcalloc(1, sizeof(*st));
	st->out = out;
	st->feed_depth = st->item_depth = st->author_depth = -1;
	item_clear(&st->item);
	item_clear(&st->feed);
	buf_init(&st->cap.text, 0);
	buf_init(&st->tmp, 0);
	buf_init(&st->tmp2, 0);
	buf_init(&doc, 0);
	size_t dlen = 0;
	const char *d = prepare(data, len, http_charset, &doc, &dlen, st);
	if (!d) {
		d = doc.p ? doc.p : "";
		dlen = doc.len;
	}

	st->need_base = url || mentions_xml_base(d, dlen);
	st->hc = html_conv_new();
	quiet_begin(&q, st, on_error);
	st->r = xmlReaderForMemory(d, (int)dlen, url, NULL,
	    XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT |
	    XML_PARSE_IGNORE_ENC);
	if (st->r) {
		xmlTextReaderSetStructuredErrorHandler(st->r, on_error, st);
		read_all(st);
		xmlFreeTextReader(st->r);
	}
	quiet_end(&q);
	buf_fini(&doc);

	int rc = 0;
	if (!st->root) {
		if (st->err[0])
			set_err(err, errlen, st->err);
		else if (st->first_fatal[0])
			snprintf(err, errlen, "not a feed: no root element "
			    "(line %d: %s)", st->fatal_line, st->first_fatal);
		else
			set_err(err, errlen, "not a feed: no root element");
		parsed_feed_fini(out);
		rc = -1;
	} else {
		struct item_state *fs = &st->feed;
		out->title = plain(st, &fs->f[F_TITLE], 0, PARSE_MAX_FIELD,
		    1);
		out->language = lowercase(clean_take(st,
		    &fs->f[F_LANGUAGE].val, 64));
		if (fs->f[F_LINK].val) {
			char *l = url ? resolve(fs->f[F_LINK].val, url) :
			    xstrdup(fs->f[F_LINK].val);
			out->link = clean_take(st, &l, PARSE_MAX_FIELD);
			free(l);
		}
		/* RFC 4287 4.2.1: an entry without an author has the
		 * feed's. */
		char *author = plain(st, &fs->f[F_AUTHOR], 0,
		    PARSE_MAX_FIELD, 1);
		for (size_t i = 0; author && i < out->nitems; i++)
			if (!out->items[i].author)
				out->items[i].author = xstrdup(author);
		free(author);
		const char *base = url ? url :
		    (out->link && is_absolute(out->link) ? out->link : NULL);
		for (size_t i = 0; base && i < out->nitems; i++) {
			char *l = out->items[i].link;
			if (!l || is_absolute(l))
				continue;
			char *r = resolve(l, base);
			out->items[i].link = clean_take(st, &r,
			    PARSE_MAX_FIELD);
			free(r);
			free(l);
		}
		if (st->too_many_items)
			out->warning = xasprintf("more than %d items; the "
			    "rest were dropped", PARSE_MAX_ITEMS);
		else if (!st->root_closed)
			out->warning = xasprintf("document ends early (line "
			    "%d: %s); items before kept", st->fatal_line,
			    st->first_fatal[0] ? st->first_fatal : "truncated");
		else if (st->last_ret < 0)
			out->warning = xasprintf("parsing stopped at line %d: "
			    "%s", st->fatal_line, st->first_fatal[0] ?
			    st->first_fatal : "unknown error");
	}
	item_clear(&st->item);
	item_clear(&st->feed);
	free(st->cap.base);
	buf_fini(&st->cap.text);
	buf_fini(&st->tmp);
	buf_fini(&st->tmp2);
	html_conv_free(st->hc);
	free(st);
	if (rc == 0 && out->nitems == 0) {
		free(out->items);
		out->items = NULL;
	}
	return rc;
}

void
parsed_feed_fini(struct parsed_feed *f)
{
	for (size_t i = 0; i < f->nitems; i++) {
		struct parsed_item *it = &f->items[i];
		free(it->title);
		free(it->link);
		free(it->id);
		free(it->author);
		free(it->summary);
		free(it->content);
	}
	free(f->items);
	free(f->title);
	free(f->link);
	free(f->language);
	free(f->warning);
	memset(f, 0, sizeof(*f));
}

const char *
parse_format_name(enum feed_format f)
{
	switch (f) {
	case FEED_RSS090:
		return "rss0.90";
	case FEED_RSS091:
		return "rss0.91";
	case FEED_RSS092:
		return "rss0.92";
	case FEED_RSS20:
		return "rss2.0";
	case FEED_RSS10:
		return "rss1.0";
	case FEED_ATOM03:
		return "atom0.3";
	case FEED_ATOM10:
		return "atom1.0";
	default:
		return "unknown";
	}
}

char *
parse_item_key(const struct parsed_item *it)
{
	if (it->id && *it->id)
		return xstrdup(it->id);
	if (it->link && *it->link)
		return xstrdup(it->link);
	if (it->title && *it->title) {
		if (it->published == PARSE_NO_DATE)
			return xstrdup(it->title);
		return xasprintf("%s\x1f%lld", it->title,
		    (long long)it->published);
	}
	return NULL;
}

static void
json_date(struct json *j, const char *key, int64_t t)
{
	char iso[DATE_ISO_SIZE];

	json_key(j, key);
	if (t == PARSE_NO_DATE || date_format_iso(t, iso) < 0)
		json_null(j);
	else
		json_str(j, iso);
}

void
parse_write_json(const char *source, const struct parsed_feed *f,
    struct buf *out)
{
	struct json j;

	json_init(&j, out);
	json_begin_obj(&j);
	json_kv_str(&j, "source", source);
	json_kv_str(&j, "format", parse_format_name(f->format));
	json_kv_str(&j, "title", f->title);
	json_kv_str(&j, "link", f->link);
	json_key(&j, "items");
	json_begin_arr(&j);
	for (size_t i = 0; i < f->nitems; i++) {
		const struct parsed_item *it = &f->items[i];
		json_begin_obj(&j);
		json_kv_str(&j, "title", it->title);
		json_kv_str(&j, "link", it->link);
		json_kv_str(&j, "id", it->id);
		json_kv_str(&j, "author", it->author);
		json_date(&j, "published", it->published);
		json_date(&j, "updated", it->updated);
		json_kv_str(&j, "summary", it->summary);
		json_kv_str(&j, "content", it->content);
		json_end(&j);
	}
	json_end(&j);
	json_end(&j);
	(void)buf_putc(out, '\n');
}

void
parse_write_json_error(const char *source, const char *msg, struct buf *out)
{
	struct json j;

	json_init(&j, out);
	json_begin_obj(&j);
	json_kv_str(&j, "source", source);
	json_kv_str(&j, "error", msg);
	json_end(&j);
	(void)buf_putc(out, '\n');
}
