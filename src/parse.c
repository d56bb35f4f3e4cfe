/* parse: feed bytes in, a parsed_feed out.
 *
 * Why this shape: libxml2's xmlTextReader over memory streams the
 * document top-down in one loop, keeps no tree beyond the current path,
 * and recovers from broken markup.  The loop below is a small state
 * machine driven by element depth: the channel or feed, the open item,
 * the open atom author, and at most one field being captured.  Nothing
 * recurses on the input's depth (libxml2 itself stops a document at 256
 * levels without XML_PARSE_HUGE, and that stop is a fatal error that keeps
 * the items read so far).  The reader gives up at errors libxml2's parser
 * recovers from when it builds a tree (a stray "<", a mismatched end tag,
 * a broken comment); a document the reader leaves early is read again,
 * and at last from that tree by the same loop (parse_feed_lead), and
 * one that begins with text of another kind is read from its feed's
 * start.
 *
 * Elements are matched by (vocabulary, lowercased local name) in one
 * sorted table with bsearch, never by prefix, so a feed may bind Dublin
 * Core to "x:" and still be read.  A vocabulary is a namespace URI
 * compared without regard to case; every RSS and Atom namespace (RSS
 * 0.90 and 1.0, Userland's, Atom 0.3, 1.0 and the "echo" and "pie"
 * drafts), no namespace and an unknown default namespace are one, since
 * their elements mean the same: a <summary> in RSS or a <description>
 * in Atom is what it says.  This is how the reference parser
 * (feedparser) reads feeds, and real feeds rely on it.  The field rules
 * follow it too: the first title, author and content win; the last
 * link, id and date; a second summary before any content is the
 * content, and a content copies into an empty summary; updated,
 * modified and dc:date are the updated date, never the published one.
 * Fields are accepted only as direct children of their item or channel
 * (an RSS <image>'s title never becomes the feed's title), except the
 * media: fallbacks, which count anywhere in an item.  Every item is
 * kept, titled or not.
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
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/encoding.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
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

/* A broken document larger than this is not parsed whole: its tree takes
 * about five times its size (an 11.6 MB feed: 103 MB at the peak). */
#define PARSE_TREE_MAX (8u << 20)

/* How far into a document its feed may start after text of another kind. */
#define FEED_START_SCAN (64u << 10)

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
	F_OUTLET, /* an RSS item's <source>: the outlet an aggregator names */
	F_COUNT,
	F_NONE = F_COUNT,
};

enum kind {
	K_FIELD,
	K_ROOT_RSS,
	K_ROOT_RDF,
	K_ROOT_FEED,
	K_CHANNEL, /* also the root of a CDF document */
	K_ITEM,
	K_UNLOCK, /* source, image, textinput: a later title may replace
		     the item's or feed's (the reference parser forgets it
		     has one) */
};

/* The vocabularies an element can belong to.  Every namespace of RSS
 * and Atom (RSS 0.90, 1.0, Userland's, Harvard's, Atom 0.3 and 1.0 and
 * their "echo" and "pie" drafts) is V_FEED, and so is no namespace: the
 * elements mean the same whichever carries them, so one table row
 * serves them all.  A default namespace nobody knows is V_FEED too (a
 * feed that mistyped the Atom URI is still an Atom feed); a prefixed
 * one is V_OTHER and matches nothing. */
enum vocab {
	V_FEED,
	V_CONTENT,
	V_DC,
	V_DCTERMS,
	V_ITUNES,
	V_MEDIA,
	V_RDF,
	V_XHTMLNS,
	V_OTHER,
};

/* Where a field element counts. */
#define W_FEED 0x01 /* a direct child of the channel or feed */
#define W_ITEM 0x02 /* a direct child of an item or entry */
#define W_DEEP 0x04 /* anywhere inside an item */
/* How its text is read. */
#define T_HTML 0x10   /* HTML unless a type attribute says otherwise */
#define T_XHTML 0x20  /* markup children: the inner XML is the HTML */
#define T_TYPED 0x40  /* a text construct: type and mode attributes count */
#define A_LINK 0x100  /* a link: an href attribute or its text */
#define A_GUID 0x200  /* a guid or atom id: also the link if permanent */
#define A_PERSON 0x400 /* an author: text, or name and email children */
#define P_LOW 0x800   /* a fallback (media:title under title) */

struct elem {
	unsigned char vocab;
	const char *name; /* lowercase: names match in any case */
	unsigned char kind, field;
	unsigned short flags;
};

#define NS_ATOM10 "http://www.w3.org/2005/Atom"
#define NS_RSS090 "http://my.netscape.com/rdf/simple/0.9/"
#define NS_RSS10 "http://purl.org/rss/1.0/"
#define NS_XHTML "http://www.w3.org/1999/xhtml"

/* Namespace URIs (compared without regard to case) and their
 * vocabularies. */
static const struct {
	const char *uri;
	enum vocab v;
} vocabs[] = {
	{"", V_FEED},
	{"http://backend.userland.com/rss", V_FEED},
	{"http://backend.userland.com/rss2", V_FEED},
	{"http://blogs.law.harvard.edu/tech/rss", V_FEED},
	{NS_RSS10, V_FEED},
	{NS_RSS090, V_FEED},
	{"http://purl.org/rss/1.0/modules/rss091#", V_FEED},
	{"http://purl.org/atom/ns#", V_FEED},
	{"http://purl.org/atom/ns#draft-ietf-atompub-format-08", V_FEED},
	{"http://purl.org/echo/", V_FEED},
	{"http://purl.org/pie/", V_FEED},
	{"http://example.com/newformat#", V_FEED},
	{"http://example.com/necho", V_FEED},
	{"uri/of/echo/namespace#", V_FEED},
	{NS_ATOM10, V_FEED},
	{"http://purl.org/rss/1.0/modules/content/", V_CONTENT},
	{"http://purl.org/dc/elements/1.1/", V_DC},
	{"http://purl.org/dc/terms/", V_DCTERMS},
	{"http://www.itunes.com/dtds/podcast-1.0.dtd", V_ITUNES},
	{"http://example.com/dtds/podcast-1.0.dtd", V_ITUNES},
	{"http://search.yahoo.com/mrss", V_MEDIA},
	{"http://search.yahoo.com/mrss/", V_MEDIA},
	{"http://www.w3.org/1999/02/22-rdf-syntax-ns#", V_RDF},
	{NS_XHTML, V_XHTMLNS},
};

#define FIELD(f, fl) K_FIELD, f, fl
#define KIND(k) k, F_NONE, 0

/* Sorted by (vocab, name) in strcmp order: bsearch depends on it.
 * Field rules the table cannot say live in deliver: a title, an
 * author and a content keep the first value, a link, an id and the
 * dates the last; a second summary before any content is the content. */
static const struct elem elems[] = {
	{V_FEED, "abstract", FIELD(F_SUMMARY, W_ITEM | T_TYPED)},
	{V_FEED, "author", FIELD(F_AUTHOR, W_ITEM | A_PERSON)},
	{V_FEED, "channel", KIND(K_CHANNEL)},
	{V_FEED, "content", FIELD(F_CONTENT, W_ITEM | T_TYPED)},
	{V_FEED, "description", FIELD(F_SUMMARY, W_ITEM | T_HTML | T_TYPED)},
	{V_FEED, "entry", KIND(K_ITEM)},
	{V_FEED, "feed", KIND(K_ROOT_FEED)},
	{V_FEED, "fullitem", FIELD(F_CONTENT, W_ITEM | T_HTML | T_TYPED)},
	{V_FEED, "guid", FIELD(F_ID, W_ITEM | A_GUID)},
	{V_FEED, "id", FIELD(F_ID, W_ITEM | A_GUID)},
	{V_FEED, "image", KIND(K_UNLOCK)},
	{V_FEED, "issued", FIELD(F_PUBLISHED, W_ITEM)},
	{V_FEED, "item", KIND(K_ITEM)},
	{V_FEED, "language", FIELD(F_LANGUAGE, W_FEED)},
	{V_FEED, "lastbuilddate", FIELD(F_UPDATED, W_ITEM)},
	{V_FEED, "link", FIELD(F_LINK, W_FEED | W_ITEM | A_LINK)},
	{V_FEED, "managingeditor", FIELD(F_AUTHOR, W_ITEM | A_PERSON)},
	{V_FEED, "modified", FIELD(F_UPDATED, W_ITEM)},
	{V_FEED, "pubdate", FIELD(F_PUBLISHED, W_ITEM)},
	{V_FEED, "published", FIELD(F_PUBLISHED, W_ITEM)},
	{V_FEED, "rss", KIND(K_ROOT_RSS)},
	{V_FEED, "source", KIND(K_UNLOCK)},
	{V_FEED, "summary", FIELD(F_SUMMARY, W_ITEM | T_TYPED)},
	{V_FEED, "textinput", KIND(K_UNLOCK)},
	{V_FEED, "title", FIELD(F_TITLE, W_FEED | W_ITEM | T_TYPED)},
	{V_FEED, "updated", FIELD(F_UPDATED, W_ITEM)},
	{V_CONTENT, "encoded", FIELD(F_CONTENT, W_ITEM | T_HTML | T_TYPED)},
	{V_DC, "author", FIELD(F_AUTHOR, W_ITEM | A_PERSON)},
	{V_DC, "creator", FIELD(F_AUTHOR, W_ITEM | A_PERSON)},
	{V_DC, "date", FIELD(F_UPDATED, W_ITEM)},
	{V_DC, "description", FIELD(F_SUMMARY, W_ITEM | T_HTML | T_TYPED)},
	{V_DC, "language", FIELD(F_LANGUAGE, W_FEED | P_LOW)},
	{V_DC, "title", FIELD(F_TITLE, W_FEED | W_ITEM | T_TYPED)},
	{V_DCTERMS, "issued", FIELD(F_PUBLISHED, W_ITEM)},
	{V_DCTERMS, "modified", FIELD(F_UPDATED, W_ITEM)},
	{V_ITUNES, "author", FIELD(F_AUTHOR, W_ITEM | A_PERSON)},
	{V_ITUNES, "summary", FIELD(F_SUMMARY, W_ITEM | T_TYPED)},
	{V_MEDIA, "description", FIELD(F_SUMMARY, W_DEEP | T_HTML | T_TYPED)},
	{V_MEDIA, "title", FIELD(F_TITLE, W_DEEP | T_TYPED | P_LOW)},
	{V_RDF, "rdf", KIND(K_ROOT_RDF)},
	{V_XHTMLNS, "body", FIELD(F_CONTENT, W_ITEM | T_XHTML)},
};

/* An RSS item's <source>, read as a field (the table's row unlocks). */
static const struct elem source_elem = {
    V_FEED, "source", K_FIELD, F_OUTLET, W_ITEM};

struct elem_key {
	unsigned char vocab;
	const char *name;
};

static int
elem_cmp(const void *k, const void *e)
{
	const struct elem_key *key = k;
	const struct elem *el = e;

	if (key->vocab != el->vocab)
		return key->vocab < el->vocab ? -1 : 1;
	return strcmp(key->name, el->name);
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
	int prio; /* NO_PRIO when empty */
	int depth; /* of the element that gave it */
	enum vtype type;
};

#define NO_PRIO 255

struct item_state {
	struct slot f[F_COUNT];
	int has_content; /* a content element has started */
};

/* The field element being read. */
struct capture {
	int active;
	int depth;
	const struct elem *e;
	enum field field; /* where it goes (a summary may go to content) */
	enum vtype type;
	struct item_state *target;
	int markup;    /* rebuild child elements as HTML tags */
	int aux; /* an id: isPermaLink was not "false"; a link: a text link
		    whose rel is not alternate, a fallback */
	int base64;    /* base64: 1 by mode, 2 by a binary type */
	int sub;       /* in an author: 0 text, 1 name, 2 email, 3 other */
	int sub_depth;
	char *base;    /* xml:base in force, for links */
	const char *qname; /* the element's name as written (the reader's) */
	struct buf text;
	struct buf name, email; /* an atom person's children */
};

/* A remembered lookup.  The reader's names and namespace URIs are its
 * dictionary's strings, which live as long as the reader: the same
 * pointers mean the same element. */
struct seen {
	const char *ns, *name;
	const struct elem *e;
};

#define SEEN_SLOTS 64

struct ns_memo {
	const char *ns;
	int prefixed, used;
	enum vocab v;
};

#define NS_MEMO 8

struct state {
	xmlTextReaderPtr r;
	struct parsed_feed *out;
	int root;	/* the root was recognised as a feed */
	int root_closed;
	int feed_depth; /* channel or atom feed: -1 if not open */
	int item_depth; /* the open item: -1 if none */
	int atom;	/* an Atom document: text constructs are typed */
	int doc_utf8;	/* the document came as UTF-8 */
	int repair;	/* 2: mojibake and C1 to repair; 1: C1 only */
	size_t lead;    /* parse_feed_lead's, 0 for all of the text */
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
	int recovered; /* read from the recovered tree past first_fatal */
	size_t skipped; /* bytes of text before the feed, not read */
	int advanced; /* the reader already moved on; next_ret is its result */
	int next_ret;
	int last_ret;
	int need_base; /* a URL was given or the text says "xml:base" */
	struct html_conv *hc;
	struct buf tmp, tmp2; /* scratch for the values of an item */
	struct seen seen[SEEN_SLOTS];
	struct ns_memo ns_memo[NS_MEMO];
	size_t ns_next;
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

	/* Names Python's codecs (and so feeds written with them) use for
	 * encodings iconv knows by another name, or not at all (the two
	 * X-MAC ones have tables here); '_' reads as '-'. */
	static const struct {
		const char *label, *iconv;
	} aliases[] = {
		{"cp-is", "IBM861"}, {"cp1140", "IBM1140"},
		{"cp154", "PT154"}, {"cp875", "IBM875"},
		{"csibm861", "IBM861"}, {"csmacintosh", "MACINTOSH"},
		{"csptcp154", "PT154"}, {"ebcdic-cp-be", "IBM500"},
		{"ebcdic-cp-ca", "IBM037"}, {"ebcdic-cp-ch", "IBM500"},
		{"ebcdic-cp-nl", "IBM037"}, {"ebcdic-cp-us", "IBM037"},
		{"ebcdic-cp-wt", "IBM037"}, {"ibm039", "IBM037"},
		{"ibm1140", "IBM1140"}, {"kz-1048", "RK1048"},
		{"kz1048", "RK1048"}, {"mac-centraleurope", "MAC-CENTRALEUROPE"},
		{"mac-greek", "X-MAC-GREEK"}, {"mac-turkish", "X-MAC-TURKISH"},
		{"macgreek", "X-MAC-GREEK"}, {"macturkish", "X-MAC-TURKISH"},
		{"mac-cyrillic", "MAC-CYRILLIC"}, {"mac-iceland", "MAC-IS"},
		{"mac-latin2", "MAC-CENTRALEUROPE"}, {"mac-roman", "MACINTOSH"},
		{"maccentraleurope", "MAC-CENTRALEUROPE"},
		{"maccyrillic", "MAC-CYRILLIC"}, {"maciceland", "MAC-IS"},
		{"maclatin2", "MAC-CENTRALEUROPE"}, {"macroman", "MACINTOSH"},
		{"ptcp154", "PT154"}, {"strk1048-2002", "RK1048"},
	};
	char dashed[48];
	size_t n = 0;

	for (size_t i = 0; i < ARRAY_LEN(utf8); i++)
		if (name_eq(name, utf8[i]))
			return "UTF-8";
	for (; name[n] && n + 1 < sizeof(dashed); n++)
		dashed[n] = name[n] == '_' ? '-' : name[n];
	dashed[n] = '\0';
	for (size_t i = 0; i < ARRAY_LEN(aliases); i++)
		if (name_eq(dashed, aliases[i].label))
			return aliases[i].iconv;
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

/* Where a feed starts in s[from..len) when text of another kind comes
 * first (a PHP warning printed ahead of it): at the first XML
 * declaration or feed root tag within FEED_START_SCAN bytes of from;
 * len when there is none. */
static size_t
feed_start(const char *s, size_t len, size_t from)
{
	static const char *const starts[] = {
	    "<?xml", "<rss", "<feed", "<rdf:RDF", "<RDF", "<channel"};
	size_t lim =
	    len - from < FEED_START_SCAN ? len : from + FEED_START_SCAN;

	for (size_t j = from; j < lim; j++) {
		if (s[j] != '<')
			continue;
		for (size_t k = 0; k < ARRAY_LEN(starts); k++) {
			size_t n = strlen(starts[k]);
			if (lim - j > n && memcmp(s + j, starts[k], n) == 0 &&
			    (k == 0 || s[j + n] == ' ' || s[j + n] == '>' ||
			        s[j + n] == '\n' || s[j + n] == '\r' ||
			        s[j + n] == '\t'))
				return j;
		}
	}
	return len;
}

/* Two Mac code pages glibc's iconv lacks (Unicode's mappings of them),
 * bytes 0x80 to 0xFF; ASCII maps to itself. */
static const uint16_t mac_greek[128] = {
	0x00c4, 0x00b9, 0x00b2, 0x00c9, 0x00b3, 0x00d6, 0x00dc, 0x0385,
	0x00e0, 0x00e2, 0x00e4, 0x0384, 0x00a8, 0x00e7, 0x00e9, 0x00e8,
	0x00ea, 0x00eb, 0x00a3, 0x2122, 0x00ee, 0x00ef, 0x2022, 0x00bd,
	0x2030, 0x00f4, 0x00f6, 0x00a6, 0x20ac, 0x00f9, 0x00fb, 0x00fc,
	0x2020, 0x0393, 0x0394, 0x0398, 0x039b, 0x039e, 0x03a0, 0x00df,
	0x00ae, 0x00a9, 0x03a3, 0x03aa, 0x00a7, 0x2260, 0x00b0, 0x00b7,
	0x0391, 0x00b1, 0x2264, 0x2265, 0x00a5, 0x0392, 0x0395, 0x0396,
	0x0397, 0x0399, 0x039a, 0x039c, 0x03a6, 0x03ab, 0x03a8, 0x03a9,
	0x03ac, 0x039d, 0x00ac, 0x039f, 0x03a1, 0x2248, 0x03a4, 0x00ab,
	0x00bb, 0x2026, 0x00a0, 0x03a5, 0x03a7, 0x0386, 0x0388, 0x0153,
	0x2013, 0x2015, 0x201c, 0x201d, 0x2018, 0x2019, 0x00f7, 0x0389,
	0x038a, 0x038c, 0x038e, 0x03ad, 0x03ae, 0x03af, 0x03cc, 0x038f,
	0x03cd, 0x03b1, 0x03b2, 0x03c8, 0x03b4, 0x03b5, 0x03c6, 0x03b3,
	0x03b7, 0x03b9, 0x03be, 0x03ba, 0x03bb, 0x03bc, 0x03bd, 0x03bf,
	0x03c0, 0x03ce, 0x03c1, 0x03c3, 0x03c4, 0x03b8, 0x03c9, 0x03c2,
	0x03c7, 0x03c5, 0x03b6, 0x03ca, 0x03cb, 0x0390, 0x03b0, 0x00ad,
};
static const uint16_t mac_turkish[128] = {
	0x00c4, 0x00c5, 0x00c7, 0x00c9, 0x00d1, 0x00d6, 0x00dc, 0x00e1,
	0x00e0, 0x00e2, 0x00e4, 0x00e3, 0x00e5, 0x00e7, 0x00e9, 0x00e8,
	0x00ea, 0x00eb, 0x00ed, 0x00ec, 0x00ee, 0x00ef, 0x00f1, 0x00f3,
	0x00f2, 0x00f4, 0x00f6, 0x00f5, 0x00fa, 0x00f9, 0x00fb, 0x00fc,
	0x2020, 0x00b0, 0x00a2, 0x00a3, 0x00a7, 0x2022, 0x00b6, 0x00df,
	0x00ae, 0x00a9, 0x2122, 0x00b4, 0x00a8, 0x2260, 0x00c6, 0x00d8,
	0x221e, 0x00b1, 0x2264, 0x2265, 0x00a5, 0x00b5, 0x2202, 0x2211,
	0x220f, 0x03c0, 0x222b, 0x00aa, 0x00ba, 0x03a9, 0x00e6, 0x00f8,
	0x00bf, 0x00a1, 0x00ac, 0x221a, 0x0192, 0x2248, 0x2206, 0x00ab,
	0x00bb, 0x2026, 0x00a0, 0x00c0, 0x00c3, 0x00d5, 0x0152, 0x0153,
	0x2013, 0x2014, 0x201c, 0x201d, 0x2018, 0x2019, 0x00f7, 0x25ca,
	0x00ff, 0x0178, 0x011e, 0x011f, 0x0130, 0x0131, 0x015e, 0x015f,
	0x2021, 0x00b7, 0x201a, 0x201e, 0x2030, 0x00c2, 0x00ca, 0x00c1,
	0x00cb, 0x00c8, 0x00cd, 0x00ce, 0x00cf, 0x00cc, 0x00d3, 0x00d4,
	0xf8ff, 0x00d2, 0x00da, 0x00db, 0x00d9, 0xf8a0, 0x02c6, 0x02dc,
	0x00af, 0x02d8, 0x02d9, 0x02da, 0x00b8, 0x02dd, 0x02db, 0x02c7,
};

/* The built-in table for enc, or NULL. */
static const uint16_t *
builtin_table(const char *enc)
{
	if (strcmp(enc, "X-MAC-GREEK") == 0)
		return mac_greek;
	if (strcmp(enc, "X-MAC-TURKISH") == 0)
		return mac_turkish;
	return NULL;
}

/* Converts len bytes of enc to prepared UTF-8 in out (empty before).
 * The XML declaration is dropped: it names the encoding the bytes are
 * no longer in, and a name XML does not allow ("865", which Python and
 * iconv know) is fatal to libxml2.  Returns -1 when libxml2 has no
 * converter for enc. */
static int
convert(const char *enc, const char *in, size_t len, struct buf *out,
    struct state *st)
{
	struct buf conv;
	size_t off = 0;

	buf_init(&conv, 0);
	const uint16_t *t = builtin_table(enc);
	if (t) {
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)in[i];
			char e[4];
			if (c < 0x80)
				(void)buf_putc(&conv, (char)c);
			else
				(void)buf_append(&conv, e,
				    text_utf8_put(t[c - 0x80], e));
		}
	} else if (to_utf8(enc, in, len, &conv, st) < 0) {
		buf_fini(&conv);
		return -1;
	}
	if (conv.len > 6 && memcmp(conv.p, "<?xml", 5) == 0 &&
	    (conv.p[5] == ' ' || conv.p[5] == '\t' || conv.p[5] == '\n' ||
	    conv.p[5] == '\r')) {
		size_t lim = conv.len < 512 ? conv.len : 512;
		for (size_t i = 5; i + 1 < lim && !off; i++)
			if (conv.p[i] == '?' && conv.p[i + 1] == '>')
				off = i + 2;
	}
	if (!html_prepare(conv.p + off, conv.len - off, out, HTML_PREP_XML)) {
		if (off == 0) {
			*out = conv;
			return 0;
		}
		(void)buf_append(out, conv.p + off, conv.len - off);
	}
	buf_fini(&conv);
	return 0;
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
	if (lead < len && u[lead] >= 0x20 && u[lead] < 0x7f && u[lead] != '<') {
		size_t at = feed_start(data, len, lead);
		if (at < len) {
			st->skipped = at - lead;
			lead = at;
		}
	}
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
	} else if (len >= 4 && u[0] == '<' && u[1] == 0 && u[2] == 0 &&
	    u[3] == 0) {
		enc = "UTF-32LE"; /* "<" without a BOM */
	} else if (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0 &&
	    u[3] == '<') {
		enc = "UTF-32BE";
	} else if (len >= 4 && u[0] == '<' && u[1] == 0 && u[2] != 0 &&
	    u[3] == 0) {
		enc = "UTF-16LE"; /* "<?" without a BOM */
	} else if (len >= 4 && u[0] == 0 && u[1] == '<' && u[2] == 0 &&
	    u[3] != 0) {
		enc = "UTF-16BE";
	} else if (len >= 4 && u[0] == 0x4c && u[1] == 0x6f && u[2] == 0xa7 &&
	    u[3] == 0x94) {
		/* "<?xm" in EBCDIC: the declaration, read in code page 37,
		 * says which EBCDIC page the rest is in. */
		struct buf head;
		buf_init(&head, 0);
		enc = "IBM037";
		if (to_utf8(enc, data, len < 512 ? len : 512, &head, st) == 0 &&
		    declared_encoding(head.p, head.len, declared,
		    sizeof(declared)))
			enc = normalize_encoding(declared);
		buf_fini(&head);
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
	if (enc && convert(enc, data + skip, len - skip, out, st) == 0)
		return NULL;
	int r = html_prepare(data + skip, len - skip, out,
	    HTML_PREP_XML | HTML_PREP_STRICT);
	if (r >= 0) {
		st->doc_utf8 = 1;
		if (r)
			return NULL;
		*plen = len - skip;
		return data + skip;
	}
	/* Not UTF-8 after all: a Latin-1 feed that says (or is taken
	 * for) UTF-8.  As the reference parser does, the whole document
	 * is windows-1252 then, or ISO-8859-2 when it has a byte
	 * windows-1252 leaves undefined. */
	buf_reset(out);
	static const unsigned char undefined[] = {0x81, 0x8d, 0x8f, 0x90,
		0x9d};
	enc = "WINDOWS-1252";
	for (size_t i = 0; i < ARRAY_LEN(undefined); i++)
		if (memchr(data + skip, undefined[i], len - skip))
			enc = "ISO-8859-2";
	if (convert(enc, data + skip, len - skip, out, st) < 0)
		(void)html_prepare(data + skip, len - skip, out,
		    HTML_PREP_XML);
	return NULL;
}

/* ---- values ---------------------------------------------------------- */

static void
slot_clear(struct slot *s)
{
	free(s->val);
	s->val = NULL;
	s->prio = NO_PRIO;
	s->depth = 0;
	s->type = V_TEXT;
}

static void
item_clear(struct item_state *it)
{
	for (int i = 0; i < F_COUNT; i++)
		slot_clear(&it->f[i]);
	it->has_content = 0;
}

static int
blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* Whether a field has had its element, empty or not. */
static int
present(const struct slot *s)
{
	return s->prio != NO_PRIO;
}

/* Sets a field (ownership of val passes; blank means present but
 * empty). */
static void
set_present(struct slot *s, char *val, int depth, enum vtype type)
{
	slot_clear(s);
	if (val && blank(val)) {
		free(val);
		val = NULL;
	}
	s->val = val;
	s->prio = 0;
	s->depth = depth;
	s->type = type;
}

/* Offers a value (ownership passes) for a field at a priority: it
 * replaces a worse one, and with last also one of the same priority
 * (the later element wins, as feeds that repeat a link mean). */
static void
offer(struct slot *s, char *val, int prio, enum vtype type, int last)
{
	if (!val || blank(val) || prio > s->prio ||
	    (prio == s->prio && !last)) {
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
 * take, the slot's own string may become the result.  With lead (and
 * keep_nl), the HTML's text may stop a little past lead bytes
 * (html_conv_lead). */
static char *
plain(struct state *st, struct slot *s, int keep_nl, size_t max, int take,
    size_t lead)
{
	struct buf *b = scratch(&st->tmp, max);
	char **val = take ? &s->val : NULL;

	if (!s->val)
		return NULL;
	size_t len = strlen(s->val);
	if (s->type == V_TEXT) {
		(void)text_sanitize(s->val, len, b, keep_nl ? TEXT_KEEP_NL : 0);
	} else if (keep_nl && lead > 0) {
		(void)html_conv_lead(st->hc, s->val, len, lead, b);
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

/* Turns the open item's slots into a parsed_item.  Every item is kept,
 * with or without a title: RSS 2.0 asks only for a title or a
 * description, and real feeds carry items with neither. */
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
	pi.title = plain(st, &it->f[F_TITLE], 0, PARSE_MAX_FIELD, 1, 0);
	pi.link = clean_take(st, &it->f[F_LINK].val, PARSE_MAX_FIELD);
	pi.id = clean_take(st, &it->f[F_ID].val, PARSE_MAX_FIELD);
	pi.author = plain(st, &it->f[F_AUTHOR], 0, PARSE_MAX_FIELD, 1, 0);
	pi.outlet = plain(st, &it->f[F_OUTLET], 0, PARSE_MAX_FIELD, 1, 0);
	/* an untitled item's key takes the start of its summary */
	size_t lead = st->lead;
	if (lead > 0 && !pi.title && lead < PARSE_KEY_TEXT)
		lead = PARSE_KEY_TEXT;
	pi.summary =
	    plain(st, &it->f[F_SUMMARY], 1, PARSE_MAX_SUMMARY, 1, lead);
	pi.content = st->lead ? NULL : html_of(st, &it->f[F_CONTENT]);
	pi.published = date_of(&it->f[F_PUBLISHED]);
	pi.updated = date_of(&it->f[F_UPDATED]);
	item_clear(it);
	if (f->nitems == st->cap_items) {
		st->cap_items = st->cap_items ? st->cap_items * 2 : 16;
		f->items = xreallocarray(f->items, st->cap_items,
		    sizeof(*f->items));
	}
	f->items[f->nitems++] = pi;
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


/* ---- the reader loop ------------------------------------------------- */

static enum vocab
vocab_of(const char *ns, int prefixed)
{
	if (!ns || !*ns)
		return V_FEED;
	for (size_t i = 0; i < ARRAY_LEN(vocabs); i++)
		if (name_eq(ns, vocabs[i].uri))
			return vocabs[i].v;
	/* Userland's RSS namespace comes in several spellings. */
	for (const char *p = ns; *p; p++)
		if (lower((unsigned char)*p) == 'b' &&
		    strncmp(p, "backend.userland.com/rss", 24) == 0)
			return V_FEED;
	return prefixed ? V_OTHER : V_FEED;
}

/* vocab_of, remembered per namespace string (the reader's dictionary
 * keeps one pointer per URI, and a document uses a handful). */
static enum vocab
ns_vocab(struct state *st, const char *ns, int prefixed)
{
	struct ns_memo *m = st->ns_memo;

	for (size_t i = 0; i < NS_MEMO; i++)
		if (m[i].ns == ns && m[i].prefixed == prefixed && m[i].used)
			return m[i].v;
	enum vocab v = vocab_of(ns, prefixed);
	m = &st->ns_memo[st->ns_next++ % NS_MEMO];
	m->ns = ns;
	m->prefixed = prefixed;
	m->used = 1;
	m->v = v;
	return v;
}

static const struct elem *
lookup(struct state *st)
{
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(st->r);
	const char *name = (const char *)xmlTextReaderConstLocalName(st->r);
	struct elem_key key;
	char low[32];
	size_t n = 0;

	if (!name)
		return NULL;
	/* Keyed by name and namespace, not prefix: only an unknown
	 * namespace depends on whether it has one, and a document that
	 * binds one such URI both ways is not worth a dictionary lookup
	 * per element. */
	uintptr_t h = (uintptr_t)name * 0x9e3779b97f4a7c15u ^ (uintptr_t)ns;
	struct seen *seen = &st->seen[(h >> 20) % SEEN_SLOTS];
	if (seen->name == name && seen->ns == ns)
		return seen->e;
	seen->name = name;
	seen->ns = ns;
	seen->e = NULL;
	for (; name[n] && n + 1 < sizeof(low); n++)
		low[n] = (char)lower((unsigned char)name[n]);
	if (name[n])
		return NULL;
	low[n] = '\0';
	key.vocab = (unsigned char)ns_vocab(st, ns,
	    xmlTextReaderConstPrefix(st->r) != NULL);
	key.name = low;
	if (key.vocab == V_OTHER)
		return NULL;
	seen->e = bsearch(&key, elems, ARRAY_LEN(elems), sizeof(elems[0]),
	    elem_cmp);
	return seen->e;
}

/* An attribute's value by local name in any case, as feeds write
 * "isPermaLink", "ispermalink" and CDF's "HREF"; caller frees. */
static char *
attr(xmlTextReaderPtr r, const char *name)
{
	char *v = NULL;

	if (xmlTextReaderHasAttributes(r) != 1)
		return NULL;
	while (!v && xmlTextReaderMoveToNextAttribute(r) == 1) {
		if (xmlTextReaderIsNamespaceDecl(r) == 1)
			continue;
		const char *n = (const char *)xmlTextReaderConstLocalName(r);
		const char *val = (const char *)xmlTextReaderConstValue(r);
		if (n && name_eq(n, name))
			v = xstrdup(val ? val : "");
	}
	(void)xmlTextReaderMoveToElement(r);
	return v;
}

/* Whether attribute name is one of values (any case, leading and
 * trailing spaces ignored). */
static int
attr_is(xmlTextReaderPtr r, const char *name, const char *const *values,
    size_t n)
{
	char *v = attr(r, name);
	int hit = 0;

	if (!v)
		return 0;
	trim(v);
	for (size_t i = 0; i < n && !hit; i++)
		hit = name_eq(v, values[i]);
	free(v);
	return hit;
}

/* The version the root's namespace declarations imply, read as the
 * reference parser reads them: the first of RSS 0.90 as the default
 * namespace, RSS 1.0 under any prefix, or Atom 1.0. */
static enum feed_format
ns_format(xmlTextReaderPtr r)
{
	enum feed_format f = FEED_UNKNOWN;

	if (xmlTextReaderHasAttributes(r) != 1)
		return f;
	while (f == FEED_UNKNOWN && xmlTextReaderMoveToNextAttribute(r) == 1) {
		if (xmlTextReaderIsNamespaceDecl(r) != 1)
			continue;
		const char *v = (const char *)xmlTextReaderConstValue(r);
		const char *p = (const char *)xmlTextReaderConstPrefix(r);
		if (!v)
			continue;
		if (!p && name_eq(v, NS_RSS090))
			f = FEED_RSS090;
		else if (name_eq(v, NS_RSS10))
			f = FEED_RSS10;
		else if (name_eq(v, NS_ATOM10))
			f = FEED_ATOM10;
	}
	(void)xmlTextReaderMoveToElement(r);
	return f;
}

static void
root_start(struct state *st, const struct elem *e)
{
	const char *name = (const char *)xmlTextReaderConstLocalName(st->r);
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(st->r);
	struct parsed_feed *f = st->out;

	if (!e || (e->kind != K_ROOT_RSS && e->kind != K_ROOT_RDF &&
	    e->kind != K_ROOT_FEED && e->kind != K_CHANNEL)) {
		char *n = clean_line(name ? name : "?", 64);
		snprintf(st->err, sizeof(st->err),
		    "not a feed: root element <%s>", n ? n : "?");
		free(n);
		st->stop = 1;
		return;
	}
	st->root = 1;
	enum feed_format nsf = ns_format(st->r);
	char *v = attr(st->r, "version");
	if (v)
		trim(v);
	if (e->kind == K_ROOT_RSS) {
		f->format = FEED_RSS20;
		if (nsf == FEED_RSS090 || nsf == FEED_RSS10)
			f->format = nsf;
		else if (v && strcmp(v, "0.91") == 0)
			f->format = FEED_RSS091;
		else if (v && (strcmp(v, "0.92") == 0 ||
		    strcmp(v, "0.93") == 0 || strcmp(v, "0.94") == 0))
			f->format = FEED_RSS092;
		else if (v && (strcmp(v, "0.90") == 0 || strcmp(v, "0.9") == 0))
			f->format = FEED_RSS090;
	} else if (e->kind == K_ROOT_RDF) {
		f->format = nsf == FEED_RSS090 ? FEED_RSS090 : FEED_RSS10;
	} else if (e->kind == K_ROOT_FEED) {
		/* Atom 0.3 and the drafts before it say so in version;
		 * a pre-1.0 namespace without it is still old Atom. */
		if (nsf == FEED_ATOM10)
			f->format = FEED_ATOM10;
		else if (v && (strcmp(v, "0.3") == 0 ||
		    strcmp(v, "0.2") == 0 || strcmp(v, "0.1") == 0))
			f->format = FEED_ATOM03;
		else if (ns && *ns && !name_eq(ns, NS_ATOM10) &&
		    vocab_of(ns, 0) == V_FEED && strstr(ns, "purl.org"))
			f->format = FEED_ATOM03;
		else
			f->format = FEED_ATOM10;
		st->feed_depth = 0;
		st->atom = 1;
	} else {
		/* CDF: the channel is the root; its HREF is the link. */
		f->format = FEED_RSS20;
		st->feed_depth = 0;
		char *href = attr(st->r, "href");
		if (href) {
			trim(href);
			offer(&st->feed.f[F_LINK], href, 0, V_TEXT, 1);
		}
	}
	free(v);
	const char *lang = (const char *)xmlTextReaderConstXmlLang(st->r);
	if (lang)
		offer(&st->feed.f[F_LANGUAGE], xstrdup(lang), 3, V_TEXT, 0);
}

/* Which text construct an element holds: its table default, or what
 * type and mode say (text, html, xhtml; base64 for mode="base64" and for
 * a type that is neither text nor XML, as Atom 3.1.1 has it).  Returns
 * -1 when the value is not in the document (an out-of-line src). */
static int
text_type(struct state *st, const struct elem *e, enum field field,
    int *b64)
{
	int type = e->flags & T_XHTML ? V_XHTML :
	    e->flags & T_HTML ? V_HTML : V_TEXT;

	*b64 = 0;
	if (field != e->field)
		type = V_TEXT; /* a summary read as content: text/plain */
	if (!(e->flags & T_TYPED) || xmlTextReaderHasAttributes(st->r) != 1)
		return type;
	if (field == F_CONTENT) {
		char *src = attr(st->r, "src");
		if (src) {
			free(src);
			return -1;
		}
	}
	char *t = attr(st->r, "type");
	if (t) {
		trim(t);
		size_t n = strlen(t);
		if (name_eq(t, "text") || name_eq(t, "plain") ||
		    name_eq(t, "text/plain"))
			type = V_TEXT;
		else if (name_eq(t, "html") || name_eq(t, "text/html"))
			type = V_HTML;
		else if (name_eq(t, "xhtml") ||
		    name_eq(t, "application/xhtml+xml") ||
		    (n >= 3 && name_eq(t + n - 3, "xml")))
			type = V_XHTML;
		else if (n > 5 && strncmp(t, "text/", 5) == 0)
			type = V_TEXT;
		else if (n > 0) {
			type = V_TEXT;
			*b64 = 2; /* binary: never the summary */
		}
		free(t);
	}
	if (!*b64 && attr_is(st->r, "mode", (const char *const[]){"base64"},
	    1))
		*b64 = 1;
	return type;
}

static int
is_word(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_';
}

/* Whether text that says it is plain reads as HTML: an end tag or a
 * character reference, and every named reference one HTML defines (so
 * "AT&amp;amp;T" and "It&amp;apos;s", escaped twice by their CMS, come
 * out as "AT&T" and "It's", while "R&D;" stays as written). */
static int
looks_like_html(const char *s)
{
	int seen = 0;

	for (const char *p = s; (p = strpbrk(p, "<&")) != NULL; p++) {
		const char *q = p + 1;
		if (*p == '<') {
			if (*q != '/' || !is_word((unsigned char)q[1]))
				continue;
			for (q++; is_word((unsigned char)*q); q++)
				;
			seen |= *q == '>';
			continue;
		}
		int num = *q == '#';
		const char *name = q + num;
		for (q = name; is_word((unsigned char)*q); q++)
			;
		if (*q != ';' || q == name)
			continue;
		uint32_t cp[2];
		if (!num && html_entity(name, (size_t)(q - name), cp) == 0)
			return 0;
		seen = 1;
	}
	return seen;
}

static int
b64_value(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+' || c == '-')
		return 62;
	if (c == '/' || c == '_')
		return 63;
	return -1;
}

/* The base64 text s decoded, when it is base64 and decodes to valid
 * UTF-8 without NUL; else s itself (ownership passes either way). */
static char *
unbase64(char *s)
{
	struct buf b;
	uint32_t acc = 0;
	int bits = 0, bad = 0;

	buf_init(&b, 0);
	for (const char *p = s; *p && !bad; p++) {
		int v = b64_value((unsigned char)*p);
		if (v < 0) {
			bad = !(*p == '=' || *p == ' ' || *p == '\n' ||
			    *p == '\r' || *p == '\t');
			continue;
		}
		acc = acc << 6 | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			char c = (char)((acc >> bits) & 0xff);
			bad = c == '\0';
			(void)buf_putc(&b, c);
		}
	}
	for (size_t i = 0; !bad && i < b.len;) {
		uint32_t cp;
		size_t n = text_utf8_next(b.p + i, b.len - i, &cp);
		bad = cp == 0xfffd && (n != 3 ||
		    memcmp(b.p + i, "\xef\xbf\xbd", 3) != 0);
		i += n;
	}
	if (bad || b.len == 0) {
		buf_fini(&b);
		return s;
	}
	free(s);
	return buf_take(&b);
}

static int
email_char(int c)
{
	return is_word(c) || c == '-' || c == '.' || c == '+';
}

/* A person as RSS writes one, "jo@example.com (Jo Roe)", "Jo Roe
 * <jo@example.com>" or either part alone, reduced to the name when
 * there is one (*named set), else the address.  In place. */
static void
person_name(char *s, int *named)
{
	char *at = strchr(s, '@');

	*named = 1;
	trim(s);
	if (!at) {
		return;
	}
	char *a = at, *z = at + 1;
	while (a > s && email_char((unsigned char)a[-1]))
		a--;
	while (email_char((unsigned char)*z))
		z++;
	if (a == at || z == at + 1 || !memchr(at, '.', (size_t)(z - at)))
		return;
	char email[256];
	size_t elen = (size_t)(z - a) < sizeof(email) - 1 ?
	    (size_t)(z - a) : sizeof(email) - 1;
	memcpy(email, a, elen);
	email[elen] = '\0';
	memmove(a, z, strlen(z) + 1);
	/* What the address leaves behind: "()", "<>", "(Jo Roe)". */
	char *w = s;
	for (char *p = s; *p; p++) {
		if ((p[0] == '(' && p[1] == ')') || (p[0] == '<' &&
		    p[1] == '>')) {
			p++;
			continue;
		}
		*w++ = *p;
	}
	*w = '\0';
	trim(s);
	size_t n = strlen(s);
	if (n > 0 && s[0] == '(') {
		memmove(s, s + 1, n--);
	}
	if (n > 0 && s[n - 1] == ')')
		s[--n] = '\0';
	trim(s);
	if (*s == '\0') {
		memcpy(s, email, elen + 1 <= (size_t)(z - s) ? elen + 1 : 1);
		*named = 0;
	}
}

/* Hands a finished value (ownership passes) to its field.  A title, an
 * author, a content keep the first value; a link, an id and the dates
 * keep the last (an empty date element clears the date, as the
 * reference parser does); a summary gives way to a later one at the
 * same depth or above it. */
static void
deliver(struct state *st, const struct elem *e, enum field field,
    struct item_state *target, char *val, size_t len, enum vtype type,
    const char *base, int aux, int depth)
{
	struct slot *s = &target->f[field];

	if (!val)
		return;
	/* The reference parser's repair, for UTF-8 documents only: per
	 * string, and only when unambiguous (text_repair_mojibake). */
	if (st->repair) {
		struct buf *r = scratch(&st->tmp2, 0);
		if (st->repair == 2 ? text_repair_mojibake(val, len, r) :
		    text_repair_c1(val, len, r)) {
			free(val);
			val = xstrndup(r->p ? r->p : "", r->len);
		}
	}
	if (type == V_TEXT && field != F_LINK && field != F_ID &&
	    field != F_PUBLISHED && field != F_UPDATED && field != F_AUTHOR &&
	    (field == F_TITLE || !st->atom) && looks_like_html(val))
		type = V_HTML;
	switch (field) {
	case F_LINK:
		trim(val);
		if (base && *base && *val && !is_absolute(val)) {
			char *l = resolve(val, base);
			free(val);
			val = l;
		}
		if (blank(val)) {
			/* An empty link element still stands: the
			 * reference parser then takes no guid for it. */
			free(val);
			if (!aux) {
				slot_clear(s);
				s->prio = 0;
			}
			break;
		}
		offer(s, val, aux ? 1 : 0, V_TEXT, 1);
		break;
	case F_ID:
		trim(val);
		if ((e->flags & A_GUID) && aux && is_web_url(val))
			offer(&target->f[F_LINK], xstrdup(val), 3, V_TEXT, 0);
		offer(s, val, 0, V_TEXT, 1);
		break;
	case F_PUBLISHED:
	case F_UPDATED:
		slot_clear(s);
		s->prio = 0;
		if (blank(val))
			free(val);
		else
			s->val = val;
		break;
	case F_AUTHOR: {
		/* The first author, if it gives a name; else the last one
		 * (the reference keeps the first's details, which then hold
		 * no name, and shows the last). */
		int named = 1, first = !present(s);
		if (type == V_TEXT)
			person_name(val, &named);
		if (s->prio == 0 || blank(val)) {
			free(val);
			break;
		}
		set_present(s, val, depth, type);
		s->prio = first && named ? 0 : 1;
		break;
	}
	case F_SUMMARY:
		/* An empty summary is a summary too (an empty
		 * <description/> before content:encoded leaves the item
		 * without one, as in the reference parser). */
		if (present(s) && depth > s->depth) {
			free(val);
			break;
		}
		set_present(s, val, depth, type);
		break;
	case F_CONTENT:
		if (present(s)) {
			free(val);
			break;
		}
		/* The copy is no summary element: any later one, however
		 * deep, replaces it. */
		if (!present(&target->f[F_SUMMARY]))
			set_present(&target->f[F_SUMMARY], xstrdup(val),
			    INT_MAX, type);
		set_present(s, val, depth, type);
		break;
	case F_TITLE:
		/* The first title that says something wins; an empty one,
		 * or a media:title, stands until a title at its depth or
		 * above it comes (so a media:title deep in a media:group
		 * gives way to the item's own, never the other way). */
		if (s->prio == 0 || (present(s) && depth > s->depth)) {
			free(val);
			break;
		}
		set_present(s, val, depth, type);
		if (s->val && !(e->flags & P_LOW))
			s->prio = 0;
		else
			s->prio = 1;
		break;
	default:
		offer(s, val, e->flags & P_LOW ? 1 : 0, type, 0);
		break;
	}
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

/* An atom link's href when it is the item's (or feed's) web page: rel
 * alternate or none, and an HTML type or none.  NULL for the others and
 * for a link written as text. */
static char *
link_href(struct state *st, int *has_href)
{
	static const char *const html[] = {"text/html", "html",
		"application/xhtml+xml", "xhtml"};
	char *href = attr(st->r, "href");

	*has_href = href != NULL;
	if (!href)
		return NULL;
	char *rel = attr(st->r, "rel"), *type = attr(st->r, "type");
	if (rel)
		trim(rel);
	int ok = (!rel || name_eq(rel, "alternate")) &&
	    (!type || attr_is(st->r, "type", html, ARRAY_LEN(html)));
	free(rel);
	free(type);
	if (!ok) {
		free(href);
		return NULL;
	}
	return href;
}

static void
field_start(struct state *st, const struct elem *e, int depth, int empty)
{
	struct item_state *target;
	enum field field = (enum field)e->field;
	int ok = 0;

	if (st->item_depth >= 0) {
		target = &st->item;
		ok = ((e->flags & W_ITEM) && depth == st->item_depth + 1) ||
		    ((e->flags & W_DEEP) && depth > st->item_depth);
	} else if (st->feed_depth >= 0) {
		target = &st->feed;
		ok = (e->flags & W_FEED) && depth == st->feed_depth + 1;
	} else {
		return;
	}
	if (!ok)
		return;
	/* A second summary before any content is the content, and reads
	 * as plain text unless its type says otherwise. */
	if (field == F_SUMMARY && present(&target->f[F_SUMMARY]) &&
	    !target->has_content && target == &st->item)
		field = F_CONTENT;
	if (field == F_CONTENT)
		target->has_content = 1;
	/* Nothing to gain: a first value is already there. */
	if ((field == F_TITLE && target->f[field].prio == 0) ||
	    (field == F_LANGUAGE &&
	    target->f[field].prio <= (e->flags & P_LOW ? 1 : 0)))
		return;
	if ((field == F_CONTENT && present(&target->f[F_CONTENT])) ||
	    (field == F_AUTHOR && target->f[F_AUTHOR].prio == 0))
		return;
	if (e->flags & A_LINK) {
		int has_href;
		char *href = link_href(st, &has_href);
		if (href)
			deliver(st, e, field, target, href, strlen(href),
			    V_TEXT, base_uri(st), 0, depth);
		if (has_href)
			return;
	}
	int b64;
	int type = text_type(st, e, field, &b64);
	if (type < 0) {
		/* Out-of-line content (src): an empty content, and an empty
		 * summary where there is none yet, as in the reference. */
		if (!present(&target->f[F_CONTENT]))
			set_present(&target->f[F_CONTENT], NULL, depth, V_TEXT);
		if (!present(&target->f[F_SUMMARY]))
			set_present(&target->f[F_SUMMARY], NULL, INT_MAX,
			    V_TEXT);
		return;
	}
	if (type == V_XHTML && !empty) {
		xmlChar *inner = xmlTextReaderReadInnerXml(st->r);
		char *v = strip_div(inner ? (const char *)inner : "");
		xmlFree(inner);
		if (strlen(v) > PARSE_MAX_BODY)
			v[PARSE_MAX_BODY] = '\0';
		deliver(st, e, field, target, v, strlen(v), V_XHTML, NULL, 0,
		    depth);
		st->advanced = 1;
		st->next_ret = xmlTextReaderNext(st->r);
		return;
	}
	struct capture *c = &st->cap;
	c->active = 1;
	c->depth = depth;
	c->e = e;
	c->qname = (const char *)xmlTextReaderConstName(st->r);
	c->field = field;
	c->target = target;
	c->type = (enum vtype)type;
	c->markup = type != V_TEXT;
	c->base64 = b64;
	c->sub = 0;
	c->sub_depth = -1;
	c->aux = 0;
	if (e->flags & A_GUID) {
		char *p = attr(st->r, "ispermalink");
		if (p)
			trim(p);
		c->aux = !p || strcmp(p, "true") == 0;
		free(p);
	} else if (e->flags & A_LINK) {
		char *rel = attr(st->r, "rel");
		if (rel)
			trim(rel);
		c->aux = rel && !name_eq(rel, "alternate");
		free(rel);
	}
	free(c->base);
	c->base = NULL;
	if (field == F_LINK || (e->flags & A_GUID)) {
		const char *b = base_uri(st);
		c->base = b ? xstrdup(b) : NULL;
	}
	buf_reset(&c->text);
	buf_reset(&c->name);
	buf_reset(&c->email);
	c->text.max = field == F_SUMMARY || field == F_CONTENT ?
	    PARSE_MAX_BODY : PARSE_MAX_FIELD;
	c->name.max = c->email.max = PARSE_MAX_FIELD;
	if (empty)
		c->active = 2; /* finished by the caller at once */
}

static void
capture_end(struct state *st)
{
	struct capture *c = &st->cap;
	const struct buf *from = &c->text;

	c->active = 0;
	/* An atom person: the name, else the text, else the address. */
	if ((c->e->flags & A_PERSON) && c->name.len > 0)
		from = &c->name;
	else if ((c->e->flags & A_PERSON) && c->email.len > 0 &&
	    (c->text.len == 0 || blank(c->text.p)))
		from = &c->email;
	char *v = xstrndup(from->p ? from->p : "", from->len);
	size_t vlen = from->len;
	if (c->base64) {
		v = unbase64(v);
		vlen = strlen(v);
	}
	/* Binary content (an image, say) is no summary. */
	if (c->base64 == 2 && c->field == F_CONTENT && c->target &&
	    !present(&c->target->f[F_SUMMARY])) {
		set_present(&c->target->f[F_CONTENT], v, c->depth, c->type);
		return;
	}
	deliver(st, c->e, c->field, c->target, v, vlen, c->type, c->base,
	    c->aux, c->depth);
}

/* The buffer text at the capture's current point goes to. */
static struct buf *
capture_buf(struct capture *c)
{
	if (c->sub == 1)
		return &c->name;
	if (c->sub == 2)
		return &c->email;
	if (c->sub == 3)
		return NULL;
	return &c->text;
}

/* A child element inside a captured field: an atom person's name or
 * email, or, in an HTML field, inline markup rebuilt as tags. */
static void
capture_tag(struct state *st, int depth, int empty)
{
	struct capture *c = &st->cap;
	const char *name = (const char *)xmlTextReaderConstLocalName(st->r);

	if (!name)
		return;
	if (c->e->flags & A_PERSON) {
		if (depth == c->depth + 1 && !empty) {
			c->sub = name_eq(name, "name") ? 1 :
			    name_eq(name, "email") ? 2 : 3;
			c->sub_depth = depth;
		}
		return;
	}
	if (!c->markup)
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
		if (depth == c->sub_depth) {
			c->sub = 0;
			c->sub_depth = -1;
		} else if (c->markup && name) {
			(void)buf_puts(&c->text, "</");
			(void)buf_puts(&c->text, name);
			(void)buf_putc(&c->text, '>');
		}
		return;
	}
	if (depth == st->item_depth) {
		commit_item(st);
		st->item_depth = -1;
	}
	if (depth == st->feed_depth)
		st->feed_depth = -1;
	if (depth == 0)
		st->root_closed = 1;
}

/* An item's own attributes: RSS 1.0's rdf:about is its id, CDF's HREF
 * its link and LASTMOD its date. */
static void
item_attrs(struct state *st)
{
	static const xmlChar rdf[] = "http://www.w3.org/1999/02/22-rdf-"
	    "syntax-ns#";

	if (xmlTextReaderHasAttributes(st->r) != 1)
		return;
	xmlChar *about = xmlTextReaderGetAttributeNs(st->r,
	    (const xmlChar *)"about", rdf);
	if (about) {
		char *v = xstrdup((const char *)about);
		xmlFree(about);
		trim(v);
		offer(&st->item.f[F_ID], v, 0, V_TEXT, 1);
	}
	char *href = attr(st->r, "href");
	if (href) {
		trim(href);
		const char *base = base_uri(st);
		if (base && *base && *href && !is_absolute(href)) {
			char *l = resolve(href, base);
			free(href);
			href = l;
		}
		offer(&st->item.f[F_LINK], href, 0, V_TEXT, 1);
	}
	char *mod = attr(st->r, "lastmod");
	if (mod) {
		slot_clear(&st->item.f[F_UPDATED]);
		st->item.f[F_UPDATED].val = mod;
		st->item.f[F_UPDATED].prio = 0;
	}
}

static void
element_start(struct state *st)
{
	int depth = xmlTextReaderDepth(st->r);
	int empty = xmlTextReaderIsEmptyElement(st->r) == 1;
	const struct elem *e;

	if (st->cap.active) {
		capture_tag(st, depth, empty);
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
			break;
		case K_ITEM:
			if (st->item_depth < 0) {
				item_clear(&st->item);
				st->item_depth = depth;
				item_attrs(st);
			}
			break;
		case K_UNLOCK: {
			struct slot *t = st->item_depth >= 0 ?
			    &st->item.f[F_TITLE] : &st->feed.f[F_TITLE];
			if (t->prio == 0)
				t->prio = 1;
			/* an aggregator's item (Google News) names its outlet
			 * in an RSS <source>; Atom's holds a feed's elements */
			if (!st->atom && st->item_depth >= 0 &&
			    depth == st->item_depth + 1 &&
			    name_eq(e->name, "source")) {
				field_start(st, &source_elem, depth, empty);
				if (st->cap.active == 2)
					capture_end(st);
			}
			break;
		}
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
	struct buf *b = capture_buf(&st->cap);

	if (!st->cap.active || !b || !n || !n->content)
		return;
	const char *v = (const char *)n->content;
	if (strchr(v, '&') || strchr(v, '<'))
		return;
	(void)buf_puts(b, v);
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
				struct buf *b = capture_buf(&st->cap);
				if (v && b)
					(void)buf_puts(b, v);
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

/* Whether the document ends (white space aside) with the end tag of
 * qname.  libxml2's reader holds back the last node of a document cut
 * short, so a field whose end tag is the last thing before the cut has
 * its text but never its end; this tells that it was complete. */
static int
closed_at_end(const char *d, size_t len, const char *qname)
{
	size_t n = qname ? strlen(qname) : 0;

	while (len > 0 && (d[len - 1] == ' ' || d[len - 1] == '\t' ||
	    d[len - 1] == '\n' || d[len - 1] == '\r'))
		len--;
	if (n == 0 || len < n + 3 || d[len - 1] != '>')
		return 0;
	len--;
	while (len > 0 && (d[len - 1] == ' ' || d[len - 1] == '\t' ||
	    d[len - 1] == '\n' || d[len - 1] == '\r'))
		len--;
	return len >= n + 2 && memcmp(d + len - n, qname, n) == 0 &&
	    d[len - n - 1] == '/' && d[len - n - 2] == '<';
}

/* Ends the capture of the field libxml2's reader held back at the end
 * of a document cut short: its text is in the tree, as text children of
 * the current node (only those: an entity reference is never expanded
 * here). */
static void
finish_held_back(struct state *st)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(st->r);
	struct buf *b = capture_buf(&st->cap);

	if (n && n->type == XML_ELEMENT_NODE && b && b->len == 0 &&
	    n->name && st->cap.qname &&
	    strcmp((const char *)n->name, strchr(st->cap.qname, ':') ?
	    strchr(st->cap.qname, ':') + 1 : st->cap.qname) == 0)
		for (xmlNodePtr k = n->children; k; k = k->next)
			if ((k->type == XML_TEXT_NODE ||
			    k->type == XML_CDATA_SECTION_NODE) && k->content)
				(void)buf_puts(b, (const char *)k->content);
	capture_end(st);
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

/* What the document's strings may need (st->repair): 2 when UTF-8 text
 * may hold mojibake, that is two Latin-1-range characters in a row
 * (double encoding turns every non-ASCII byte into one: "FÃ¼nf" is
 * C3 83 C2 BC) or a C1 character (C2 80 to C2 9F); 1 when text converted
 * from another encoding has a C1 character; else 0.  One or two memchr
 * passes tell most documents at once, so the per-string check runs only
 * where it can find something. */
static int
mojibake_signs(const char *s, size_t len, int utf8)
{
	const unsigned char *u = (const unsigned char *)s;
	int found = 0;

	for (int lead = 0xc2; lead <= (utf8 ? 0xc3 : 0xc2); lead++) {
		const unsigned char *p = u, *end = u + len;
		while ((p = memchr(p, lead, (size_t)(end - p))) != NULL) {
			if (end - p < 2)
				break;
			if (lead == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
				found = 1;
			if (utf8 && end - p >= 3 && (p[1] & 0xc0) == 0x80 &&
			    (p[2] == 0xc2 || p[2] == 0xc3))
				return 2;
			p++;
		}
	}
	return found ? (utf8 ? 2 : 1) : 0;
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

static struct state *
state_new(struct parsed_feed *out)
{
	struct state *st = xcalloc(1, sizeof(*st));

	memset(out, 0, sizeof(*out));
	st->out = out;
	st->feed_depth = st->item_depth = -1;
	st->cap.sub_depth = -1;
	item_clear(&st->item);
	item_clear(&st->feed);
	buf_init(&st->cap.text, 0);
	buf_init(&st->cap.name, 0);
	buf_init(&st->cap.email, 0);
	buf_init(&st->tmp, 0);
	buf_init(&st->tmp2, 0);
	st->hc = html_conv_new();
	return st;
}

static void
state_free(struct state *st)
{
	item_clear(&st->item);
	item_clear(&st->feed);
	free(st->cap.base);
	buf_fini(&st->cap.text);
	buf_fini(&st->cap.name);
	buf_fini(&st->cap.email);
	buf_fini(&st->tmp);
	buf_fini(&st->tmp2);
	html_conv_free(st->hc);
	free(st);
}

/* libxml2's options for a feed: see the top of this file. */
#define READ_OPTIONS                                                           \
	(XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |             \
	    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT |      \
	    XML_PARSE_IGNORE_ENC)

/* Reads the prepared document d into st->out: streamed through libxml2's
 * reader, or (tree) from the tree its parser makes of d, which with
 * RECOVER goes on past errors the reader stops at, read by the same
 * loop through xmlReaderWalker. */
static void
read_doc(
    struct state *st, const char *d, size_t dlen, const char *url, int tree)
{
	struct quiet q;
	xmlDocPtr doc = NULL;

	st->need_base = url || mentions_xml_base(d, dlen);
	st->repair = mojibake_signs(d, dlen, st->doc_utf8);
	quiet_begin(&q, st, on_error);
	if (tree) {
		doc = xmlReadMemory(d, (int)dlen, url, NULL, READ_OPTIONS);
		st->r = doc ? xmlReaderWalker(doc) : NULL;
	} else {
		st->r =
		    xmlReaderForMemory(d, (int)dlen, url, NULL, READ_OPTIONS);
		if (st->r)
			xmlTextReaderSetStructuredErrorHandler(
			    st->r, on_error, st);
	}
	if (st->r) {
		read_all(st);
		/* A document cut short (or stopped by a fatal error) inside
		 * an item still has that item, with the fields that closed
		 * before the cut; the unfinished field is lost, so nothing
		 * past the cut is ever taken.  (A tree closes all.) */
		if (st->root && !st->stop && st->cap.active &&
		    closed_at_end(d, dlen, st->cap.qname))
			finish_held_back(st);
		if (st->root && !st->stop && st->item_depth >= 0) {
			st->cap.active = 0;
			commit_item(st);
			st->item_depth = -1;
		}
		xmlFreeTextReader(st->r);
		st->r = NULL;
	}
	xmlFreeDoc(doc);
	quiet_end(&q);
}

/* Elements whose content feeds write as raw, unescaped HTML. */
static const char *const raw_html[] = {"description", "content:encoded",
	"summary", "itunes:summary", "media:description"};

/* The end of the start tag of one of raw_html at d[i] == '<' (just past
 * its '>'), with *which set; 0 when there is none or it is empty or
 * typed as XHTML. */
static size_t
raw_start(const char *d, size_t len, size_t i, size_t *which)
{
	for (size_t k = 0; k < ARRAY_LEN(raw_html); k++) {
		size_t n = strlen(raw_html[k]), j = i + 1 + n;
		if (len - i <= n + 1 || memcmp(d + i + 1, raw_html[k], n) != 0 ||
		    (d[j] != '>' && d[j] != ' ' && d[j] != '\t' &&
		    d[j] != '\n' && d[j] != '\r'))
			continue;
		const char *gt = memchr(d + j, '>', len - j);
		if (!gt || gt[-1] == '/')
			return 0;
		size_t e = (size_t)(gt - d);
		for (size_t t = j; t + 5 < e; t++)
			if (memcmp(d + t, "xhtml", 5) == 0)
				return 0;
		*which = k;
		return e + 1;
	}
	return 0;
}

/* Whether s[0..n) holds a CDATA section. */
static int
memmem_cdata(const char *s, size_t n)
{
	for (const char *p = s; (p = memchr(p, '<', (size_t)(s + n - p)));
	    p++)
		if (s + n - p >= 9 && memcmp(p, "<![CDATA[", 9) == 0)
			return 1;
	return 0;
}

/* A copy of d in which the content of every raw_html element that
 * holds markup (and no CDATA section) is one CDATA section, so that an
 * unclosed <p> or a stray </div> in a description no longer breaks the
 * document: the HTML it carries is the same text either way.  Returns
 * 0 when nothing was wrapped. */
static int
wrap_raw_html(const char *d, size_t len, struct buf *out)
{
	size_t i = 0, run = 0;
	int changed = 0;

	while (i < len) {
		const char *lt = memchr(d + i, '<', len - i);
		size_t which, body;
		if (!lt)
			break;
		i = (size_t)(lt - d);
		body = raw_start(d, len, i, &which);
		if (!body) {
			i++;
			continue;
		}
		char close[32];
		int cn = snprintf(close, sizeof(close), "</%s>",
		    raw_html[which]);
		size_t end = body;
		while (end < len && !(d[end] == '<' && len - end >= (size_t)cn &&
		    memcmp(d + end, close, (size_t)cn) == 0))
			end++;
		const char *inner = d + body;
		size_t n = end - body;
		if (end >= len || !memchr(inner, '<', n) ||
		    memmem_cdata(inner, n)) {
			i = body;
			continue;
		}
		(void)buf_append(out, d + run, body - run);
		(void)buf_puts(out, "<![CDATA[");
		for (size_t k = 0; k < n; k++) {
			if (k + 2 < n && inner[k] == ']' && inner[k + 1] == ']' &&
			    inner[k + 2] == '>') {
				(void)buf_puts(out, "]]]]><![CDATA[>");
				k += 2;
			} else {
				(void)buf_putc(out, inner[k]);
			}
		}
		(void)buf_puts(out, "]]>");
		run = end;
		i = end;
		changed = 1;
	}
	if (changed)
		(void)buf_append(out, d + run, len - run);
	return changed;
}

/* The end of d[0..len)'s last item or entry end tag ("</item>",
 * "</atom:entry>"), or len when there is none. */
static size_t
items_end(const char *d, size_t len)
{
	static const char *const names[] = {"item", "entry"};

	for (size_t e = len; e > 0; e--) {
		if (d[e - 1] != '>')
			continue;
		for (size_t k = 0; k < ARRAY_LEN(names); k++) {
			size_t n = strlen(names[k]), i = e - 1;
			if (i < n + 2 || memcmp(d + i - n, names[k], n) != 0)
				continue;
			i -= n;
			/* a prefix: "atom:" */
			if (d[i - 1] == ':') {
				i--;
				while (i > 0 && d[i - 1] != '/' &&
				       d[i - 1] != '<' && d[i - 1] != '>' &&
				       d[i - 1] != ' ' && e - i < 64)
					i--;
			}
			if (i >= 2 && d[i - 1] == '/' && d[i - 2] == '<')
				return e;
		}
	}
	return len;
}

/* Whether the reading in st stopped before its document's end. */
static int
stopped_early(const struct state *st)
{
	return !st->stop && (!st->root_closed || st->last_ret < 0);
}

/* Reads the prepared document d again, through libxml2's reader or
 * (tree) from the tree its parser recovers, and keeps that reading in
 * place of *stp's when it got further: more items, or (a reader's) as
 * many and to the root's end.  A tree always ends at the root's end, and
 * in a document cut short its last item would hold a field cut in two,
 * which the reader never takes: so the caller gives a tree d only to
 * its last item's end, and a reading from it is warned of. */
static void
read_again(
    struct state **stp, const char *d, size_t dlen, const char *url, int tree)
{
	struct state *st = *stp;
	struct parsed_feed *out = st->out, out2;
	struct state *st2 = state_new(&out2);

	st2->doc_utf8 = st->doc_utf8;
	st2->lead = st->lead;
	st2->skipped = st->skipped;
	read_doc(st2, d, dlen, url, tree);
	int further = out2.nitems > out->nitems ||
	              (!tree && out2.nitems == out->nitems &&
	                  st2->root_closed && !st->root_closed);
	if (!st2->root || !further) {
		parsed_feed_fini(&out2);
		state_free(st2);
		return;
	}
	if (tree) {
		st2->recovered = 1;
		st2->fatal_line = st->fatal_line;
		memcpy(st2->first_fatal, st->first_fatal,
		    sizeof(st2->first_fatal));
	}
	parsed_feed_fini(out);
	state_free(st);
	*out = out2;
	st2->out = out;
	*stp = st2;
}

/* libxml2's reader gives up at the first well-formedness error, and
 * the usual one is raw HTML in a description ("<p>" never closed).  A
 * document whose reading in *stp stopped early is read again with that
 * HTML wrapped in CDATA; if that reading stops early too, the document
 * is parsed whole, which recovers from what the reader cannot (a stray
 * "<", a mismatched end tag), and the tree is read.  The reading that
 * got further is kept. */
static void
recover(struct state **stp, const char *d, size_t dlen, const char *url)
{
	struct buf fixed;

	buf_init(&fixed, 0);
	int wrapped = wrap_raw_html(d, dlen, &fixed);
	if (wrapped)
		read_again(stp, fixed.p, fixed.len, url, 0);
	if (stopped_early(*stp) && dlen <= PARSE_TREE_MAX) {
		const char *t = wrapped ? fixed.p : d;
		size_t tlen = wrapped ? fixed.len : dlen;
		read_again(stp, t, items_end(t, tlen), url, 1);
	}
	buf_fini(&fixed);
}

int
parse_feed(const char *data, size_t len, const char *url,
    const char *http_charset, struct parsed_feed *out, char *err,
    size_t errlen)
{
	return parse_feed_lead(
	    data, len, url, http_charset, 0, out, err, errlen);
}

int
parse_feed_lead(const char *data, size_t len, const char *url,
    const char *http_charset, size_t lead, struct parsed_feed *out, char *err,
    size_t errlen)
{
	struct state *st;
	struct buf doc;

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
	st = state_new(out);
	st->lead = lead;
	buf_init(&doc, 0);
	size_t dlen = 0;
	const char *d = prepare(data, len, http_charset, &doc, &dlen, st);
	if (!d) {
		d = doc.p ? doc.p : "";
		dlen = doc.len;
	}
	read_doc(st, d, dlen, url, 0);
	if (stopped_early(st))
		recover(&st, d, dlen, url);
	/* Text before the feed that begins with a tag ("<br />" of a
	 * server's warning) makes that text the root: the feed is read from
	 * its start.  (Text that does not was cut as the bytes were
	 * prepared, and is counted with this.) */
	size_t at;
	if (!st->root && dlen > 0 && (at = feed_start(d, dlen, 1)) < dlen) {
		read_again(&st, d + at, dlen - at, url, 0);
		if (stopped_early(st))
			recover(&st, d + at, dlen - at, url);
		if (st->root)
			st->skipped += at;
	}
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
		out->title =
		    plain(st, &fs->f[F_TITLE], 0, PARSE_MAX_FIELD, 1, 0);
		out->language = lowercase(clean_take(st,
		    &fs->f[F_LANGUAGE].val, 64));
		if (fs->f[F_LINK].val) {
			char *l = url ? resolve(fs->f[F_LINK].val, url) :
			    xstrdup(fs->f[F_LINK].val);
			out->link = clean_take(st, &l, PARSE_MAX_FIELD);
			free(l);
		}
		/* DESIGN.md's links are absolute: without a document URL
		 * the feed's own link is the base (the reference parser
		 * would leave such a link relative). */
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
		else if (st->recovered)
			out->warning = xasprintf("recovered from an error at "
			                         "line %d: %s",
			    st->fatal_line,
			    st->first_fatal[0] ? st->first_fatal
			                       : "unknown error");
		else if (!st->root_closed)
			out->warning = xasprintf("document ends early (line "
			    "%d: %s); items before kept", st->fatal_line,
			    st->first_fatal[0] ? st->first_fatal : "truncated");
		else if (st->last_ret < 0)
			out->warning = xasprintf("parsing stopped at line %d: "
			    "%s", st->fatal_line, st->first_fatal[0] ?
			    st->first_fatal : "unknown error");
		else if (st->skipped)
			out->warning = xasprintf("%zu bytes of text before the "
			                         "feed skipped",
			    st->skipped);
	}
	state_free(st);
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
		free(it->outlet);
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
	/* An untitled item is known by the start of its summary. */
	const char *t = it->title && *it->title ? it->title : it->summary;
	if (t && *t) {
		int n = (int)(strlen(t) < PARSE_KEY_TEXT ? strlen(t) :
		    PARSE_KEY_TEXT);
		while (n > 0 && ((unsigned char)t[n] & 0xc0) == 0x80)
			n--;
		if (it->published == PARSE_NO_DATE)
			return xstrndup(t, (size_t)n);
		return xasprintf("%.*s\x1f%lld", n, t,
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

