/* Unit tests for parse: the golden files in tests/data/parse (and their
 * leads), the field rules, charsets, the JSON writer and the dedup key, and
 * hostile input built in memory (entity tricks, huge and deep documents, junk).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "parse.h"
#include "rng.h"
#include "util.h"

#define DATA "tests/data/parse/"

static int
parse_str(const char *s, const char *url, const char *charset,
    struct parsed_feed *f, char *err, size_t errlen)
{
	return parse_feed(s, strlen(s), url, charset, f, err, errlen);
}

/* Parses s and expects success. */
static void
ok(const char *s, struct parsed_feed *f)
{
	char err[256];

	if (parse_str(s, NULL, NULL, f, err, sizeof(err)) != 0)
		fail_msg("parse failed: %s", err);
}

/* Every byte that could reach a terminal is gone. */
static void
assert_clean(const char *s)
{
	if (!s)
		return;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 && *p != '\n')
			fail_msg("control 0x%02x in \"%s\"", *p, s);
		if (*p == 0x7f)
			fail_msg("DEL in \"%s\"", s);
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			fail_msg("C1 control in \"%s\"", s);
		if (p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0xaa &&
		    p[2] <= 0xae)
			fail_msg("bidi override in \"%s\"", s);
		if (p[0] == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 &&
		    p[2] <= 0xa9)
			fail_msg("bidi isolate in \"%s\"", s);
	}
}

static void
assert_feed_clean(const struct parsed_feed *f)
{
	assert_clean(f->title);
	assert_clean(f->link);
	assert_clean(f->language);
	for (size_t i = 0; i < f->nitems; i++) {
		const struct parsed_item *it = &f->items[i];
		assert_clean(it->title);
		assert_clean(it->link);
		assert_clean(it->id);
		assert_clean(it->author);
		assert_clean(it->summary);
		assert_clean(it->content);
		if (it->title)
			assert_null(strchr(it->title, '\n'));
	}
}

/* ---- golden files ---------------------------------------------------- */

static int
has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && strcmp(s + n - m, suf) == 0;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Prints where two outputs part, with some context either side. */
static void
print_diff(const char *name, const char *want, const char *got)
{
	size_t i = 0;

	while (want[i] && want[i] == got[i])
		i++;
	size_t from = i > 60 ? i - 60 : 0;
	fprintf(stderr, "golden %s differs at byte %zu\n  want: ...%.120s\n"
	    "  got:  ...%.120s\n", name, i, want + from, got + from);
}

/* The golden documents' names, sorted; caller frees each and the list. */
static char **
golden_names(size_t *n)
{
	DIR *d = opendir(DATA);
	char **names = NULL;

	*n = 0;
	assert_non_null(d);
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		if (!has_suffix(e->d_name, ".xml"))
			continue;
		names = xreallocarray(names, *n + 1, sizeof(*names));
		names[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	qsort(names, *n, sizeof(*names), cmp_names);
	assert_true(*n >= 30);
	return names;
}

static void
test_golden(void **state)
{
	(void)state;
	size_t n, failed = 0;
	char **names = golden_names(&n);

	for (size_t i = 0; i < n; i++) {
		char err[256], *path = xasprintf(DATA "%s", names[i]);
		size_t len, wlen;
		char *data = util_read_file(path, 1u << 20, &len, err,
		    sizeof(err));
		char *jpath = xasprintf("%.*s.json",
		    (int)(strlen(path) - 4), path);
		char *want = util_read_file(jpath, 1u << 20, &wlen, err,
		    sizeof(err));
		struct parsed_feed f;
		struct buf out;

		assert_non_null(data);
		if (!want)
			fail_msg("%s: no expected output (%s)", names[i], err);
		buf_init(&out, 0);
		if (parse_feed(data, len, NULL, NULL, &f, err,
		    sizeof(err)) == 0) {
			assert_feed_clean(&f);
			parse_write_json(path, &f, &out);
			parsed_feed_fini(&f);
		} else {
			parse_write_json_error(path, err, &out);
		}
		if (strcmp(want, out.p) != 0) {
			print_diff(names[i], want, out.p);
			failed++;
		}
		buf_fini(&out);
		free(want);
		free(jpath);
		free(data);
		free(path);
		free(names[i]);
	}
	free(names);
	assert_int_equal(failed, 0);
}

/* parse_feed_lead gives what parse_feed gives but the content and the
 * rest of a summary past its lead: the summary begins as parse_feed's and
 * is longer than the lead exactly when that is, and an untitled item's
 * key (its summary's start) is the same. */
static void
same_but_lead(const char *name, const struct parsed_feed *f,
    const struct parsed_feed *l, size_t lead)
{
	assert_int_equal(f->nitems, l->nitems);
	assert_int_equal(f->format, l->format);
	for (size_t i = 0; i < f->nitems; i++) {
		const struct parsed_item *a = &f->items[i], *b = &l->items[i];
		const char *fields[][2] = {{a->title, b->title},
		    {a->link, b->link}, {a->id, b->id}, {a->author, b->author},
		    {a->outlet, b->outlet}};
		for (size_t k = 0; k < ARRAY_LEN(fields); k++)
			if ((fields[k][0] == NULL) != (fields[k][1] == NULL) ||
			    (fields[k][0] &&
			        strcmp(fields[k][0], fields[k][1]) != 0))
				fail_msg("%s item %zu: field %zu differs", name,
				    i, k);
		assert_true(a->published == b->published);
		assert_true(a->updated == b->updated);
		assert_null(b->content);
		size_t max = lead;
		if (!a->title && max < PARSE_KEY_TEXT)
			max = PARSE_KEY_TEXT;
		size_t fl = a->summary ? strlen(a->summary) : 0;
		size_t ll = b->summary ? strlen(b->summary) : 0;
		if ((a->summary == NULL) != (b->summary == NULL) || ll > fl ||
		    (ll && memcmp(a->summary, b->summary, ll) != 0) ||
		    (fl > max) != (ll > max))
			fail_msg("%s item %zu, lead %zu:\n  summary \"%s\"\n"
			         "  lead \"%s\"",
			    name, i, lead, a->summary, b->summary);
		char *ka = parse_item_key(a), *kb = parse_item_key(b);
		if ((ka == NULL) != (kb == NULL) || (ka && strcmp(ka, kb) != 0))
			fail_msg("%s item %zu: key \"%s\" against \"%s\"", name,
			    i, ka, kb);
		free(ka);
		free(kb);
	}
}

static void
test_lead(void **state)
{
	(void)state;
	static const size_t leads[] = {1, 40, 400};
	size_t n;
	char **names = golden_names(&n);

	for (size_t i = 0; i < n; i++) {
		char err[256], *path = xasprintf(DATA "%s", names[i]);
		size_t len;
		char *data =
		    util_read_file(path, 1u << 20, &len, err, sizeof(err));
		struct parsed_feed f, l;
		assert_non_null(data);
		int rc =
		    parse_feed(data, len, NULL, NULL, &f, err, sizeof(err));
		for (size_t k = 0; k < ARRAY_LEN(leads); k++) {
			assert_int_equal(parse_feed_lead(data, len, NULL, NULL,
			                     leads[k], &l, err, sizeof(err)),
			    rc);
			if (rc == 0)
				same_but_lead(names[i], &f, &l, leads[k]);
			parsed_feed_fini(&l);
		}
		parsed_feed_fini(&f);
		free(data);
		free(path);
		free(names[i]);
	}
	free(names);

	/* long summaries stop short; an untitled item keeps its key */
	struct buf doc;
	buf_init(&doc, 0);
	(void)buf_puts(&doc, "<rss version=\"2.0\"><channel><title>T</title>");
	for (int it = 0; it < 2; it++) {
		(void)buf_puts(&doc, "<item>");
		if (it == 0)
			(void)buf_puts(&doc, "<title>Titled</title>");
		(void)buf_puts(&doc, "<description>");
		for (int p = 0; p < 60; p++)
			(void)buf_appendf(&doc,
			    "&lt;p&gt;Part %d of a long "
			    "&lt;b&gt;story&lt;/b&gt;.&lt;/p&gt;",
			    p);
		(void)buf_puts(&doc,
		    "</description><content:encoded "
		    "xmlns:content=\"http://purl.org/rss/1.0/modules/"
		    "content/\">&lt;p&gt;Body&lt;/p&gt;</content:encoded>"
		    "</item>");
	}
	(void)buf_puts(&doc, "</channel></rss>");
	char err[256];
	struct parsed_feed f, l;
	assert_int_equal(
	    parse_feed(doc.p, doc.len, NULL, NULL, &f, err, sizeof(err)), 0);
	assert_int_equal(parse_feed_lead(doc.p, doc.len, NULL, NULL, 400, &l,
	                     err, sizeof(err)),
	    0);
	same_but_lead("long", &f, &l, 400);
	assert_non_null(f.items[0].content);
	assert_true(strlen(f.items[0].summary) > 1000);
	assert_true(strlen(l.items[0].summary) < 600);
	assert_true(strlen(l.items[1].summary) >= PARSE_KEY_TEXT);
	assert_true(strlen(l.items[1].summary) < 700);
	parsed_feed_fini(&f);
	parsed_feed_fini(&l);
	buf_fini(&doc);
}

/* ---- formats and fields ---------------------------------------------- */

static void
test_formats(void **state)
{
	(void)state;
	static const struct {
		const char *doc;
		enum feed_format want;
	} cases[] = {
		{"<rss version='2.0'><channel/></rss>", FEED_RSS20},
		{"<rss version='0.91'><channel/></rss>", FEED_RSS091},
		{"<rss version='0.92'><channel/></rss>", FEED_RSS092},
		{"<rss><channel/></rss>", FEED_RSS20},
		{"<rss version='junk'><channel/></rss>", FEED_RSS20},
		{"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-"
		    "ns#' xmlns='http://purl.org/rss/1.0/'><channel/>"
		    "</rdf:RDF>",
		    FEED_RSS10},
		{"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-"
		    "ns#' xmlns='http://my.netscape.com/rdf/simple/0.9/'>"
		    "<channel/></rdf:RDF>", FEED_RSS090},
		{"<feed xmlns='http://www.w3.org/2005/Atom'/>", FEED_ATOM10},
		{"<feed xmlns='http://purl.org/atom/ns#' version='0.3'/>",
		    FEED_ATOM03},
		{"<feed><title>no namespace</title></feed>", FEED_ATOM10},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct parsed_feed f;
		ok(cases[i].doc, &f);
		assert_int_equal(f.format, cases[i].want);
		assert_null(f.warning);
		parsed_feed_fini(&f);
	}
	assert_string_equal(parse_format_name(FEED_RSS20), "rss2.0");
	assert_string_equal(parse_format_name(FEED_RSS090), "rss0.90");
	assert_string_equal(parse_format_name(FEED_ATOM03), "atom0.3");
	assert_string_equal(parse_format_name(FEED_UNKNOWN), "unknown");
}

static void
test_priorities(void **state)
{
	(void)state;
	struct parsed_feed f;

	/* content:encoded is the content, description the summary, in any
	 * order; the first author and the first title win; an author
	 * "address (name)" is the name. */
	ok("<rss xmlns:c='http://purl.org/rss/1.0/modules/content/' "
	    "xmlns:dc='http://purl.org/dc/elements/1.1/'><channel><item>"
	    "<c:encoded>&lt;p&gt;body&lt;/p&gt;</c:encoded>"
	    "<description>short</description><author>a@b.example (A)</author>"
	    "<dc:creator>Dee</dc:creator><title>one</title>"
	    "<title>two</title></item></channel></rss>", &f);
	assert_int_equal(f.nitems, 1);
	assert_string_equal(f.items[0].summary, "short");
	assert_string_equal(f.items[0].content, "<p>body</p>");
	assert_string_equal(f.items[0].author, "A");
	assert_string_equal(f.items[0].title, "one");
	parsed_feed_fini(&f);

	/* published is published; updated and dc:date are updated, the
	 * last of them winning, and never stand in for published. */
	ok("<feed xmlns='http://www.w3.org/2005/Atom' "
	    "xmlns:dc='http://purl.org/dc/elements/1.1/'><entry><id>1</id>"
	    "<updated>2020-01-03T00:00:00Z</updated>"
	    "<dc:date>2020-01-02T00:00:00Z</dc:date>"
	    "<published>2020-01-01T00:00:00Z</published></entry>"
	    "<entry><id>2</id><dc:date>2020-01-02T00:00:00Z</dc:date>"
	    "<updated>2020-01-03T00:00:00Z</updated></entry></feed>", &f);
	assert_int_equal(f.nitems, 2);
	assert_int_equal(f.items[0].published, 1577836800);
	assert_int_equal(f.items[0].updated, 1577836800 + 86400);
	assert_true(f.items[1].published == PARSE_NO_DATE);
	assert_int_equal(f.items[1].updated, 1577836800 + 2 * 86400);
	parsed_feed_fini(&f);
}

static void
test_scope(void **state)
{
	(void)state;
	struct parsed_feed f;

	/* An image's or textinput's title is not the channel's; an item's
	 * title is not the channel's either. */
	ok("<rss><channel><image><title>img</title><link>http://i/</link>"
	    "</image><item><title>it</title></item><title>chan</title>"
	    "<textInput><title>ti</title></textInput></channel></rss>", &f);
	assert_string_equal(f.title, "chan");
	assert_null(f.link);
	assert_int_equal(f.nitems, 1);
	assert_string_equal(f.items[0].title, "it");
	parsed_feed_fini(&f);
}

static void
test_language(void **state)
{
	(void)state;
	struct parsed_feed f;

	ok("<rss><channel><language>EN-us</language></channel></rss>", &f);
	assert_string_equal(f.language, "en-us");
	parsed_feed_fini(&f);
	ok("<rss xmlns:dc='http://purl.org/dc/elements/1.1/'><channel>"
	    "<dc:language>de</dc:language></channel></rss>", &f);
	assert_string_equal(f.language, "de");
	parsed_feed_fini(&f);
	ok("<feed xmlns='http://www.w3.org/2005/Atom' xml:lang='fr-CA'/>",
	    &f);
	assert_string_equal(f.language, "fr-ca");
	parsed_feed_fini(&f);
	ok("<rss><channel/></rss>", &f);
	assert_null(f.language);
	parsed_feed_fini(&f);
}

static void
test_links(void **state)
{
	(void)state;
	struct parsed_feed f;
	char err[128];
	const char *doc = "<rss><channel><link>http://chan.example/a/</link>"
	    "<item><link>b/c</link></item>"
	    "<item xml:base='http://base.example/x/'><link>y</link></item>"
	    "</channel></rss>";

	/* The URL argument beats the channel link. */
	assert_int_equal(parse_str(doc, "http://url.example/feed/rss",
	    NULL, &f, err, sizeof(err)), 0);
	assert_string_equal(f.items[0].link, "http://url.example/feed/b/c");
	assert_string_equal(f.items[1].link, "http://base.example/x/y");
	parsed_feed_fini(&f);
	/* Without it the channel link is the base. */
	ok(doc, &f);
	assert_string_equal(f.items[0].link, "http://chan.example/a/b/c");
	parsed_feed_fini(&f);
	/* An atom link: alternate or no rel only. */
	ok("<feed xmlns='http://www.w3.org/2005/Atom'><entry>"
	    "<link rel='enclosure' href='http://e/x.mp3'/>"
	    "<link rel='self' href='http://e/self'/>"
	    "<link href='http://e/alt'/></entry></feed>", &f);
	assert_string_equal(f.items[0].link, "http://e/alt");
	parsed_feed_fini(&f);
}

static void
test_charsets(void **state)
{
	(void)state;
	struct parsed_feed f;
	char err[128];
	/* "ニュース" in Shift_JIS, no declaration. */
	const char sjis[] = "<rss><channel><title>\x83\x6a\x83\x85\x81\x5b"
	    "\x83\x58</title></channel></rss>";
	const char latin[] = "<?xml version='1.0' encoding='iso-8859-1'?>"
	    "<rss><channel><title>caf\xe9</title></channel></rss>";

	assert_int_equal(parse_feed(sjis, strlen(sjis), NULL, "Shift_JIS",
	    &f, err, sizeof(err)), 0);
	assert_string_equal(f.title, "\xe3\x83\x8b\xe3\x83\xa5\xe3\x83\xbc"
	    "\xe3\x82\xb9");
	parsed_feed_fini(&f);
	/* The declaration beats the HTTP charset. */
	assert_int_equal(parse_feed(latin, strlen(latin), NULL, "koi8-r", &f,
	    err, sizeof(err)), 0);
	assert_string_equal(f.title, "caf\xc3\xa9");
	parsed_feed_fini(&f);
	/* A BOM beats both. */
	char bom[128];
	int n = snprintf(bom, sizeof(bom), "\xef\xbb\xbf<?xml version='1.0' "
	    "encoding='koi8-r'?><rss><channel><title>caf\xc3\xa9</title>"
	    "</channel></rss>");
	assert_int_equal(parse_feed(bom, (size_t)n, NULL, "latin1", &f, err,
	    sizeof(err)), 0);
	assert_string_equal(f.title, "caf\xc3\xa9");
	parsed_feed_fini(&f);
	/* An unknown charset falls back to UTF-8, and bytes that are no
	 * UTF-8 to a single-byte reading, never to a failure. */
	assert_int_equal(parse_feed(sjis, strlen(sjis), NULL, "x-no-such",
	    &f, err, sizeof(err)), 0);
	assert_non_null(f.title);
	assert_feed_clean(&f);
	parsed_feed_fini(&f);
	/* Code pages iconv lacks have tables of their own. */
	const char mac[] = "<?xml version='1.0' encoding='mac-turkish'?>"
	    "<rss><channel><title>\xda\x80</title></channel></rss>";
	assert_int_equal(parse_feed(mac, strlen(mac), NULL, NULL, &f, err,
	    sizeof(err)), 0);
	assert_string_equal(f.title, "\xc4\x9e\xc3\x84");
	parsed_feed_fini(&f);
	/* UTF-32 without a BOM, told by its first code unit. */
	const char *u8 = "<rss><channel><title>\xe9</title></channel></rss>";
	char u32[256];
	size_t n32 = 0;
	for (const char *p = u8; *p; p++) {
		memcpy(u32 + n32, (char[4]){*p, 0, 0, 0}, 4);
		n32 += 4;
	}
	assert_int_equal(parse_feed(u32, n32, NULL, NULL, &f, err,
	    sizeof(err)), 0);
	assert_string_equal(f.title, "\xc3\xa9");
	parsed_feed_fini(&f);
	/* A byte windows-1252 leaves undefined becomes U+FFFD. */
	const char w[] = "<?xml version='1.0' encoding='windows-1252'?>"
	    "<rss><channel><title>a\x81z\x80</title></channel></rss>";
	assert_int_equal(parse_feed(w, strlen(w), NULL, NULL, &f, err,
	    sizeof(err)), 0);
	assert_string_equal(f.title, "a\xef\xbf\xbdz\xe2\x82\xac");
	parsed_feed_fini(&f);
}

/* An aggregator's item names its outlet in an RSS <source> (Google
 * News: every item another outlet's); the title and the rest are as
 * without it, and an Atom entry's <source> (its feed's metadata) names
 * none. */
static void
test_source_outlet(void **state)
{
	(void)state;
	struct parsed_feed f;

	ok("<rss version=\"2.0\"><channel><title>Top stories - Google News"
	   "</title><item><title>Sony Pictures hit by hack - The Verge</title>"
	   "<link>https://news.google.com/rss/articles/A</link>"
	   "<source url=\"https://www.theverge.com\"> The  Verge </source>"
	   "</item><item><title>No source</title><source url=\"x\"/></item>"
	   "<item><title>Plain</title></item></channel></rss>",
	    &f);
	assert_int_equal(f.nitems, 3);
	assert_string_equal(
	    f.items[0].title, "Sony Pictures hit by hack - The Verge");
	assert_string_equal(f.items[0].outlet, "The Verge");
	assert_string_equal(
	    f.items[0].link, "https://news.google.com/rss/articles/A");
	assert_null(f.items[1].outlet);
	assert_string_equal(f.items[1].title, "No source");
	assert_null(f.items[2].outlet);
	parsed_feed_fini(&f);

	ok("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
	   "<title>Entry</title><source><title>Origin</title></source>"
	   "</entry></feed>",
	    &f);
	assert_int_equal(f.nitems, 1);
	assert_null(f.items[0].outlet);
	parsed_feed_fini(&f);
}

static void
test_key(void **state)
{
	(void)state;
	struct parsed_item it = {NULL, NULL, NULL, NULL, NULL, NULL,
	    PARSE_NO_DATE, PARSE_NO_DATE, NULL};
	char *k;

	assert_null(parse_item_key(&it));
	/* Untitled: the summary stands in for the title. */
	it.summary = (char *)(uintptr_t)"Summary words";
	k = parse_item_key(&it);
	assert_string_equal(k, "Summary words");
	free(k);
	it.title = (char *)(uintptr_t)"Title";
	k = parse_item_key(&it);
	assert_string_equal(k, "Title");
	free(k);
	it.published = 1416867300;
	k = parse_item_key(&it);
	assert_string_equal(k, "Title\x1f" "1416867300");
	free(k);
	it.link = (char *)(uintptr_t)"http://l/";
	k = parse_item_key(&it);
	assert_string_equal(k, "http://l/");
	free(k);
	it.id = (char *)(uintptr_t)"guid-1";
	k = parse_item_key(&it);
	assert_string_equal(k, "guid-1");
	free(k);
}

static void
test_json(void **state)
{
	(void)state;
	struct parsed_feed f;
	struct buf b;

	ok("<rss><channel><title>T \"q\"</title><item><title>a\\b</title>"
	    "<pubDate>Mon, 24 Nov 2014 22:15:00 GMT</pubDate></item>"
	    "</channel></rss>", &f);
	buf_init(&b, 0);
	parse_write_json("f.xml", &f, &b);
	assert_string_equal(b.p, "{\"source\": \"f.xml\", \"format\": "
	    "\"rss2.0\", \"title\": \"T \\\"q\\\"\", \"link\": null, "
	    "\"items\": [{\"title\": \"a\\\\b\", \"link\": null, \"id\": null, "
	    "\"author\": null, \"published\": \"2014-11-24T22:15:00Z\", "
	    "\"updated\": null, \"summary\": null, \"content\": null}]}\n");
	parsed_feed_fini(&f);
	buf_reset(&b);
	parse_write_json_error("x\ty", "not a feed: root element <html>", &b);
	assert_string_equal(b.p, "{\"source\": \"x\\ty\", \"error\": "
	    "\"not a feed: root element <html>\"}\n");
	buf_fini(&b);
}

/* ---- hostile input --------------------------------------------------- */

static void
expect_error(const char *doc, size_t len, const char *want)
{
	struct parsed_feed f;
	char err[256];

	assert_int_equal(parse_feed(doc, len, NULL, NULL, &f, err,
	    sizeof(err)), -1);
	if (!strstr(err, want))
		fail_msg("error \"%s\" lacks \"%s\"", err, want);
	assert_int_equal(f.nitems, 0);
	assert_null(f.items);
	parsed_feed_fini(&f);
}

static void
test_not_feeds(void **state)
{
	(void)state;
	const char *html = "<!DOCTYPE html><html><body><p>hi</p></body>"
	    "</html>";
	char junk[4096];

	expect_error("", 0, "empty document");
	expect_error("  \r\n\t ", 6, "empty document");
	expect_error("\xef\xbb\xbf\n", 4, "empty document");
	expect_error(NULL, 10, "empty document");
	expect_error(html, strlen(html), "not a feed: root element <html>");
	expect_error("<opml/>", 7, "root element <opml>");
	for (size_t i = 0; i < sizeof(junk); i++)
		junk[i] = (char)((i * 2654435761u) >> 13);
	expect_error(junk, sizeof(junk), "not a feed");
	expect_error("just some text", 14, "not a feed");
}

/* A file whose content must never show up in a parse result. */
static char *
secret_file(const char *content)
{
	char *path = xstrdup("/tmp/wiredesk-secret-XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, content, strlen(content)),
	    (ssize_t)strlen(content));
	close(fd);
	return path;
}

static int
contains(const struct parsed_feed *f, const char *needle)
{
	struct buf b;
	int hit;

	buf_init(&b, 0);
	parse_write_json("x", f, &b);
	hit = strstr(b.p, needle) != NULL;
	buf_fini(&b);
	return hit;
}

static void
test_external_entities(void **state)
{
	(void)state;
	char *secret = secret_file("TOPSECRET-42");
	char *dtd = secret_file("<!ENTITY leak \"DTDLEAK-17\">");
	char *doc = xasprintf("<?xml version='1.0'?>\n<!DOCTYPE rss [\n"
	    "<!ENTITY xxe SYSTEM 'file://%s'>\n"
	    "<!ENTITY passwd SYSTEM 'file:///etc/passwd'>\n"
	    "<!ENTITY %% ext SYSTEM 'file://%s'>\n%%ext;\n]>\n"
	    "<rss version='2.0'><channel><title>t &xxe; &passwd;</title>"
	    "<item><title>a &xxe; b &leak; c</title><description>&passwd;"
	    "</description></item></channel></rss>", secret, dtd);
	struct parsed_feed f;

	ok(doc, &f);
	assert_false(contains(&f, "TOPSECRET"));
	assert_false(contains(&f, "DTDLEAK"));
	assert_false(contains(&f, "root:"));
	assert_int_equal(f.nitems, 1);
	assert_non_null(strstr(f.items[0].title, "a"));
	parsed_feed_fini(&f);
	unlink(secret);
	unlink(dtd);
	free(secret);
	free(dtd);
	free(doc);
}

static void
test_entity_bomb(void **state)
{
	(void)state;
	struct buf b;
	struct parsed_feed f;
	int64_t t0 = util_now_ms();

	/* Billion laughs, and a quadratic blow-up: one entity of 64 KiB
	 * referenced 10000 times. */
	buf_init(&b, 0);
	(void)buf_puts(&b, "<!DOCTYPE rss [<!ENTITY a0 'ha'>");
	for (int i = 1; i < 10; i++) {
		(void)buf_appendf(&b, "<!ENTITY a%d '", i);
		for (int k = 0; k < 10; k++)
			(void)buf_appendf(&b, "&a%d;", i - 1);
		(void)buf_puts(&b, "'>");
	}
	(void)buf_puts(&b, "<!ENTITY big '");
	for (int i = 0; i < 65536; i++)
		(void)buf_putc(&b, 'x');
	(void)buf_puts(&b, "'>]><rss><channel><item><title>before</title>"
	    "</item><item><title>&a9;</title><description>");
	for (int i = 0; i < 10000; i++)
		(void)buf_puts(&b, "&big;");
	(void)buf_puts(&b, "</description></item><item><title>after</title>"
	    "</item></channel></rss>");
	ok(b.p, &f);
	assert_false(contains(&f, "hahaha"));
	assert_true(f.nitems >= 1);
	assert_string_equal(f.items[0].title, "before");
	for (size_t i = 0; i < f.nitems; i++)
		assert_true(!f.items[i].summary ||
		    strlen(f.items[i].summary) <= PARSE_MAX_SUMMARY);
	parsed_feed_fini(&f);
	buf_fini(&b);
	assert_true(util_now_ms() - t0 < 10000);
}

static void
test_terminal_escapes(void **state)
{
	(void)state;
	struct parsed_feed f;

	ok("<rss><channel><title>a\x1b]0;owned\x07z</title><item>"
	    "<title>\x1b[2J\x1b[31mred\xc2\x9b" "1m\xe2\x80\xae" "cba"
	    "\xe2\x81\xa6x\xe2\x81\xa9&#27;[0m&#x202e;&#x9d;</title>"
	    "<author>\x1b" "P1;2q\x1b\\</author>"
	    "<description>&lt;p&gt;x&#27;[1m&lt;/p&gt;\x7f</description>"
	    "<link>http://x/\x1b[1m</link><guid>g\x08id</guid>"
	    "</item></channel></rss>", &f);
	assert_feed_clean(&f);
	assert_string_equal(f.title, "a]0;ownedz");
	assert_int_equal(f.nitems, 1);
	assert_null(strchr(f.items[0].title, 0x1b));
	assert_non_null(strstr(f.items[0].title, "red"));
	parsed_feed_fini(&f);
}

static void
test_invalid_utf8(void **state)
{
	(void)state;
	struct parsed_feed f;

	/* A document that is not UTF-8 after all (Latin-1 bytes, a server
	 * that says UTF-8) is read as windows-1252, as the reference
	 * parser reads it; one with a byte windows-1252 leaves undefined
	 * as ISO-8859-2.  Either way nothing unsafe comes out. */
	ok("<rss><channel><item><title>caf\xe9 \xff ok</title></item>"
	    "<item><title>second \x92s</title></item></channel></rss>", &f);
	assert_int_equal(f.nitems, 2);
	assert_string_equal(f.items[0].title, "caf\xc3\xa9 \xc3\xbf ok");
	assert_string_equal(f.items[1].title, "second \xe2\x80\x99s");
	assert_feed_clean(&f);
	parsed_feed_fini(&f);
	ok("<rss><channel><item><title>a\x81\xe9</title></item>"
	    "</channel></rss>", &f);
	assert_string_equal(f.items[0].title, "a\xc3\xa9");
	assert_feed_clean(&f);
	parsed_feed_fini(&f);
	/* Valid UTF-8 stays UTF-8. */
	ok("<rss><channel><item><title>caf\xc3\xa9</title></item>"
	    "</channel></rss>", &f);
	assert_string_equal(f.items[0].title, "caf\xc3\xa9");
	parsed_feed_fini(&f);
}

static void
test_truncated(void **state)
{
	(void)state;
	const char *doc = "<rss><channel><title>T</title><item><title>one"
	    "</title></item><item><title>two</title></item><item><title>"
	    "thr";
	struct parsed_feed f;

	/* Cut anywhere: never a crash, never a field from past the cut.  The
	 * item the cut falls in is kept with the fields that closed before
	 * it, as the reference parser keeps it. */
	for (size_t cut = 1; cut <= strlen(doc); cut++) {
		char err[128];
		if (parse_feed(doc, cut, NULL, NULL, &f, err,
		    sizeof(err)) == 0) {
			assert_true(f.nitems <= 3);
			for (size_t i = 0; i < f.nitems; i++)
				assert_true(!f.items[i].title ||
				    strcmp(f.items[i].title, "one") == 0 ||
				    strcmp(f.items[i].title, "two") == 0);
			if (cut < strlen(doc))
				assert_non_null(f.warning);
		}
		parsed_feed_fini(&f);
	}
	ok(doc, &f);
	assert_int_equal(f.nitems, 3);
	assert_string_equal(f.items[1].title, "two");
	assert_null(f.items[2].title);
	assert_non_null(f.warning);
	parsed_feed_fini(&f);
	/* Cut right after an end tag: that field is whole and kept
	 * (libxml2's reader holds its last node back; the tree has it). */
	ok("<rss><channel><title>T</title><item><title>one</title>"
	    "<link>http://x/1</link>\n", &f);
	assert_int_equal(f.nitems, 1);
	assert_string_equal(f.items[0].link, "http://x/1");
	parsed_feed_fini(&f);
	/* ... but an entity there is still never expanded. */
	ok("<!DOCTYPE rss [<!ENTITY big 'xxxxxxxx'>]><rss><channel><item>"
	    "<title>&big;&big;&big;</title>", &f);
	assert_int_equal(f.nitems, 1);
	assert_true(!f.items[0].title ||
	    strlen(f.items[0].title) <= 3 * 8);
	parsed_feed_fini(&f);
}

/* One item broken in a way libxml2's reader stops at (a raw "<", an end
 * tag that does not match): the document is parsed whole and the items
 * after it are kept too, with a warning; cut short as well, the item the
 * cut falls in is dropped rather than read with a field cut in two. */
static void
test_recovery(void **state)
{
	(void)state;
	/* what breaks item three, and whether libxml2 recovers from it in
	 * an Atom document too (an attribute error it does not get past in
	 * a document that binds a namespace) */
	static const struct {
		const char *frag;
		int atom;
	} broken[] = {
	    {"<title>I <3 NY</title>", 1},
	    {"<title>three</titel>", 1},
	    {"<title><![CD\xff\xfe\xc3(ATA[three]]></title>", 1},
	    {"<title>three</title><!-- x -- y -->", 1},
	    {"<title a=\"1\"b=\"2\">three</title>", 0},
	};
	static const char *const title[] = {"one", "two", NULL, "four", "five"};
	struct parsed_feed f;
	struct buf b;

	buf_init(&b, 0);
	for (size_t k = 0; k < ARRAY_LEN(broken); k++) {
		for (int atom = 0; atom <= broken[k].atom; atom++) {
			const char *item = atom ? "atom:entry" : "item";
			buf_reset(&b);
			(void)buf_puts(&b,
			    atom ? "<atom:feed "
			           "xmlns:atom=\"http://www.w3.org/2005/Atom\">"
			           "<atom:title>F</atom:title>"
			         : "<rss><channel><title>F</title>");
			for (size_t i = 0; i < ARRAY_LEN(title); i++) {
				(void)buf_appendf(&b, "<%s>", item);
				if (title[i])
					(void)buf_appendf(&b,
					    "<title>%s</title>"
					    "<link>http://x/%zu</link>",
					    title[i], i);
				else
					(void)buf_puts(&b, broken[k].frag);
				(void)buf_appendf(&b, "</%s>\n", item);
			}
			(void)buf_puts(
			    &b, atom ? "</atom:feed>" : "</channel></rss>");
			ok(b.p, &f);
			if (f.nitems != ARRAY_LEN(title))
				fail_msg("%zu items of %s", f.nitems, b.p);
			for (size_t i = 0; i < ARRAY_LEN(title); i++) {
				if (!title[i])
					continue;
				assert_string_equal(f.items[i].title, title[i]);
				char link[32];
				snprintf(link, sizeof(link), "http://x/%zu", i);
				assert_string_equal(f.items[i].link, link);
			}
			assert_string_equal(f.title, "F");
			assert_non_null(f.warning);
			assert_non_null(strstr(f.warning, "recovered"));
			assert_feed_clean(&f);
			parsed_feed_fini(&f);

			/* cut anywhere in the last item: four items, or
			 * three and what the reader kept, never a field cut
			 * in two */
			size_t whole = b.len;
			size_t from = (size_t)(strstr(b.p, "five") - b.p) - 20;
			for (size_t cut = from; cut < whole - 12; cut++) {
				char err[128];
				assert_int_equal(
				    parse_feed(b.p, cut, NULL, NULL, &f, err,
				        sizeof(err)),
				    0);
				assert_true(f.nitems >= 2);
				for (size_t i = 0; i < f.nitems; i++) {
					const char *t = f.items[i].title;
					assert_true(
					    !t || i == 2 ||
					    (i < ARRAY_LEN(title) && title[i] &&
					        strcmp(t, title[i]) == 0));
				}
				assert_non_null(f.warning);
				parsed_feed_fini(&f);
			}
		}
	}
	/* a document too large to parse whole keeps what came before */
	buf_reset(&b);
	(void)buf_puts(&b, "<rss><channel><title>F</title>");
	for (size_t i = 0; b.len < (9u << 20); i++)
		(void)buf_appendf(&b,
		    "<item><title>%s %zu</title><description>"
		    "%0400d</description></item>\n",
		    i == 10 ? "I <3" : "item", i, 0);
	(void)buf_puts(&b, "</channel></rss>");
	ok(b.p, &f);
	assert_true(f.nitems >= 10 && f.nitems <= 11);
	assert_string_equal(f.items[9].title, "item 9");
	assert_non_null(f.warning);
	assert_null(strstr(f.warning, "recovered"));
	parsed_feed_fini(&f);
	buf_fini(&b);
}

/* Text of another kind before the feed, as a server's PHP warning puts
 * it there: the feed is read from its XML declaration or its root. */
static void
test_text_before_feed(void **state)
{
	(void)state;
	static const char *const junk[] = {
	    "<br />\n<b>Warning</b>:  Cannot modify header information in "
	    "<b>/var/www/feed.php</b> on line <b>8</b><br />\n",
	    "Notice: Undefined index: q in feed.php on line 3\n",
	};
	static const char *const feed[] = {
	    "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>F"
	    "</title><item><title>one</title></item><item><title>two</title>"
	    "</item></channel></rss>",
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title>"
	    "<entry><title>one</title></entry><entry><title>two</title>"
	    "</entry></feed>",
	};
	struct parsed_feed f;
	struct buf b;

	buf_init(&b, 0);
	for (size_t j = 0; j < ARRAY_LEN(junk); j++) {
		for (size_t k = 0; k < ARRAY_LEN(feed); k++) {
			buf_reset(&b);
			(void)buf_appendf(&b, "%s%s", junk[j], feed[k]);
			ok(b.p, &f);
			assert_string_equal(f.title, "F");
			assert_int_equal(f.nitems, 2);
			assert_string_equal(f.items[1].title, "two");
			assert_non_null(f.warning);
			assert_non_null(strstr(f.warning, "before the feed"));
			parsed_feed_fini(&f);
		}
	}
	/* ... but only near the start: a page that is no feed stays one */
	buf_reset(&b);
	(void)buf_puts(&b, "<html><body>");
	while (b.len < (64u << 10))
		(void)buf_puts(&b, "<p>Not a feed.</p>");
	(void)buf_appendf(&b, "%s</body></html>", feed[0]);
	expect_error(b.p, b.len, "not a feed");
	buf_fini(&b);
}

/* Puts s[0..n) into b at at; s may lie in b. */
static void
splice(struct buf *b, size_t at, const char *s, size_t n)
{
	struct buf c;

	buf_init(&c, 0);
	(void)buf_append(&c, b->p, at);
	(void)buf_append(&c, s, n);
	(void)buf_append(&c, b->p + at, b->len - at);
	buf_reset(b);
	(void)buf_append(b, c.p, c.len);
	buf_fini(&c);
}

/* Every golden document broken at random, many times over (bytes
 * flipped, markup put in, runs cut out or repeated, the end cut off):
 * never a crash, a clean result or an error that says why, and with a
 * lead the same items but for their summaries' ends (the fallbacks choose
 * alike). */
static void
test_mutations(void **state)
{
	(void)state;
	static const char *const bits[] = {"<", ">", "&", "]]>", "<![CDATA[",
	    "</item>", "<item>", "<entry>", "</title>", "<!--", "\xff\xfe",
	    "<br />\n<b>Warning</b>: x<br />\n", "<a href=\"", "\"", "&#1;",
	    "<?xml version=\"1.0\"?>", "\xe2\x80"};
	struct rng r = {0x5eed};
	size_t n, parsed = 0;
	char **names = golden_names(&n);
	struct buf b;

	buf_init(&b, 0);
	for (size_t i = 0; i < n; i++) {
		char err[256], *path = xasprintf(DATA "%s", names[i]);
		size_t len;
		char *data =
		    util_read_file(path, 1u << 20, &len, err, sizeof(err));
		assert_non_null(data);
		for (int m = 0; m < 30; m++) {
			buf_reset(&b);
			(void)buf_append(&b, data, len);
			for (uint32_t k = 1 + rng_below(&r, 6); k > 0; k--) {
				size_t at =
				    b.len ? rng_below(&r, (uint32_t)b.len) : 0;
				size_t run = 1 + rng_below(&r, 200);
				if (at + run > b.len)
					run = b.len - at;
				switch (rng_below(&r, 5)) {
				case 0:
					if (b.len)
						b.p[at] =
						    (char)rng_below(&r, 256);
					break;
				case 1: {
					const char *t = bits[rng_below(
					    &r, ARRAY_LEN(bits))];
					splice(&b, at, t, strlen(t));
					break;
				}
				case 2:
					memmove(b.p + at, b.p + at + run,
					    b.len - at - run);
					b.len -= run;
					break;
				case 3:
					splice(&b, at, b.p + at, run);
					break;
				default:
					if (rng_below(&r, 4) == 0)
						b.len = at;
					break;
				}
			}
			struct parsed_feed f, g;
			char err2[256];
			int rc = parse_feed(
			    b.p, b.len, NULL, NULL, &f, err, sizeof(err));
			int rc2 = parse_feed_lead(
			    b.p, b.len, NULL, NULL, 40, &g, err2, sizeof(err2));
			assert_int_equal(rc, rc2);
			if (rc == 0) {
				parsed++;
				assert_feed_clean(&f);
				same_but_lead(names[i], &f, &g, 40);
			} else {
				assert_true(err[0] != '\0');
				assert_int_equal(f.nitems, 0);
				assert_null(f.items);
			}
			parsed_feed_fini(&f);
			parsed_feed_fini(&g);
		}
		free(data);
		free(path);
		free(names[i]);
	}
	free(names);
	buf_fini(&b);
	/* most still read as feeds */
	assert_true(parsed * 2 > n * 30);
}

static void
test_deep_nesting(void **state)
{
	(void)state;
	struct buf b;
	struct parsed_feed f;
	int64_t t0 = util_now_ms();

	buf_init(&b, 0);
	(void)buf_puts(&b, "<rss><channel><item><title>kept</title></item>"
	    "<item><title>deep</title><description>");
	for (int i = 0; i < 200000; i++)
		(void)buf_puts(&b, "<x>");
	for (int i = 0; i < 200000; i++)
		(void)buf_puts(&b, "</x>");
	(void)buf_puts(&b, "</description></item></channel></rss>");
	ok(b.p, &f);
	assert_true(f.nitems >= 1);
	assert_string_equal(f.items[0].title, "kept");
	/* Either libxml2 stopped at its depth limit (a warning), or the
	 * description was read again as the HTML it holds. */
	assert_true(f.warning || (f.nitems == 2 &&
	    strcmp(f.items[1].title, "deep") == 0));
	assert_feed_clean(&f);
	parsed_feed_fini(&f);
	buf_fini(&b);
	assert_true(util_now_ms() - t0 < 10000);
}

static void
test_huge_feed(void **state)
{
	(void)state;
	struct buf b;
	struct parsed_feed f;
	int64_t t0 = util_now_ms();
	size_t n = 0;

	buf_init(&b, 0);
	(void)buf_puts(&b, "<rss><channel><title>big</title>");
	while (b.len < (30u << 20)) {
		(void)buf_appendf(&b, "<item><title>item %zu</title><link>"
		    "http://big.example/%zu</link><description>", n, n);
		for (int k = 0; k < 8; k++)
			(void)buf_puts(&b, "Some words of summary text for the "
			    "item, repeated to make it long. ");
		(void)buf_puts(&b, "</description></item>\n");
		n++;
	}
	(void)buf_puts(&b, "</channel></rss>");
	ok(b.p, &f);
	assert_int_equal(f.nitems, n);
	assert_null(f.warning);
	char want[64];
	snprintf(want, sizeof(want), "item %zu", n - 1);
	assert_string_equal(f.items[n - 1].title, want);
	snprintf(want, sizeof(want), "http://big.example/%zu", n - 1);
	assert_string_equal(f.items[n - 1].link, want);
	parsed_feed_fini(&f);
	buf_fini(&b);
	assert_true(util_now_ms() - t0 < 30000);
}

static void
test_huge_field(void **state)
{
	(void)state;
	struct buf b;
	struct parsed_feed f;

	/* Past libxml2's 10 MB text limit: items before are kept, the
	 * rest is a warning; fields never exceed their caps. */
	buf_init(&b, 0);
	(void)buf_puts(&b, "<rss><channel><item><title>small</title></item>"
	    "<item><title>");
	for (int i = 0; i < 100000; i++)
		(void)buf_puts(&b, "long title ");
	(void)buf_puts(&b, "</title><description>");
	while (b.len < (12u << 20))
		(void)buf_puts(&b, "0123456789abcdef");
	(void)buf_puts(&b, "</description></item></channel></rss>");
	ok(b.p, &f);
	assert_true(f.nitems >= 1);
	assert_string_equal(f.items[0].title, "small");
	for (size_t i = 0; i < f.nitems; i++) {
		assert_true(!f.items[i].title ||
		    strlen(f.items[i].title) <= PARSE_MAX_FIELD);
		assert_true(!f.items[i].summary ||
		    strlen(f.items[i].summary) <= PARSE_MAX_SUMMARY);
	}
	parsed_feed_fini(&f);
	buf_fini(&b);
}

static void
test_many_items(void **state)
{
	(void)state;
	struct buf b;
	struct parsed_feed f;

	buf_init(&b, 0);
	(void)buf_puts(&b, "<rss><channel>");
	for (int i = 0; i < PARSE_MAX_ITEMS + 10; i++)
		(void)buf_puts(&b, "<item><title>i</title></item>");
	(void)buf_puts(&b, "</channel></rss>");
	ok(b.p, &f);
	assert_int_equal(f.nitems, PARSE_MAX_ITEMS);
	assert_non_null(f.warning);
	parsed_feed_fini(&f);
	buf_fini(&b);
}

static void
test_nul_and_binary_inside(void **state)
{
	(void)state;
	static const char doc[] = "<rss><channel><item><title>a\0b</title>"
	    "</item><item><title>\x01\x02\x03" "c</title></item></channel>"
	    "</rss>";
	struct parsed_feed f;
	char err[128];

	assert_int_equal(parse_feed(doc, sizeof(doc) - 1, NULL, NULL, &f,
	    err, sizeof(err)), 0);
	assert_int_equal(f.nitems, 2);
	assert_string_equal(f.items[0].title, "ab");
	assert_string_equal(f.items[1].title, "c");
	parsed_feed_fini(&f);
}

/* Class 3: an item without a title is still an item. */
static void
test_untitled_items(void **state)
{
	(void)state;
	struct parsed_feed f;

	ok("<rss><channel><item><description>only text</description>"
	    "</item><item/><item><enclosure url='http://e/x.mp3'/></item>"
	    "<item><pubDate>Mon, 24 Nov 2014 22:15:00 GMT</pubDate></item>"
	    "</channel></rss>", &f);
	assert_int_equal(f.nitems, 4);
	assert_null(f.items[0].title);
	assert_string_equal(f.items[0].summary, "only text");
	assert_null(f.items[1].title);
	assert_null(f.items[1].summary);
	assert_int_equal(f.items[3].published, 1416867300);
	parsed_feed_fini(&f);
}

/* Class 4: where an item's link comes from. */
static void
test_link_sources(void **state)
{
	(void)state;
	struct parsed_feed f;

	ok("<feed xmlns='http://www.w3.org/2005/Atom'>"
	    "<entry><id>https://c.example.com/a</id></entry>"
	    "<entry><id>tag:c.example.com,2014:b</id></entry>"
	    "<entry><id>https://c.example.com/c</id>"
	    "<link rel='alternate' type='text/html' href='https://x/c'/>"
	    "</entry><entry><link rel='self' href='https://x/self'/>"
	    "<link rel='alternate' type='application/atom+xml' "
	    "href='https://x/atom'/><link rel='ALTERNATE' href='https://x/d'/>"
	    "</entry></feed>", &f);
	assert_int_equal(f.nitems, 4);
	assert_string_equal(f.items[0].link, "https://c.example.com/a");
	assert_null(f.items[1].link);
	assert_string_equal(f.items[2].link, "https://x/c");
	assert_string_equal(f.items[3].link, "https://x/d");
	parsed_feed_fini(&f);
	/* A link written as text counts less when its rel is not
	 * alternate, wherever it stands. */
	ok("<feed xmlns='http://www.w3.org/2005/Atom'><entry>"
	    "<link rel='alternate'>http://x/alt</link>"
	    "<link rel='enclosure'>http://x/enc</link></entry><entry>"
	    "<link rel='enclosure'>http://x/enc</link></entry></feed>", &f);
	assert_string_equal(f.items[0].link, "http://x/alt");
	assert_string_equal(f.items[1].link, "http://x/enc");
	parsed_feed_fini(&f);
	/* A guid is the link only when it is a web address and a
	 * permalink; a real link wins wherever it stands. */
	ok("<rss><channel><item><guid>http://g.example.com/1</guid></item>"
	    "<item><guid isPermaLink='false'>http://g.example.com/2</guid>"
	    "</item><item><guid>http://g.example.com/3</guid>"
	    "<link>http://l.example.com/3</link></item></channel></rss>", &f);
	assert_string_equal(f.items[0].link, "http://g.example.com/1");
	assert_null(f.items[1].link);
	assert_string_equal(f.items[2].link, "http://l.example.com/3");
	parsed_feed_fini(&f);
}

/* Class 6: authors reduce to a name. */
static void
test_authors(void **state)
{
	(void)state;
	static const struct {
		const char *elem, *want;
	} cases[] = {
		{"<author>jo@x.example.com (Jo Roe)</author>", "Jo Roe"},
		{"<author>Jo Roe &lt;jo@x.example.com&gt;</author>", "Jo Roe"},
		{"<author>(Jo Roe) jo@x.example.com</author>", "Jo Roe"},
		{"<author>jo@x.example.com</author>", "jo@x.example.com"},
		{"<author>Jo Roe</author>", "Jo Roe"},
		{"<dc:creator>Jo Roe</dc:creator>", "Jo Roe"},
		{"<dc:author>Jo Roe</dc:author>", "Jo Roe"},
		{"<itunes:author>Jo Roe</itunes:author>", "Jo Roe"},
		{"<a:author><a:name>Jo Roe</a:name><a:email>jo@x.example.com"
		    "</a:email><a:uri>http://x/</a:uri></a:author>", "Jo Roe"},
		{"<a:author><a:email>jo@x.example.com</a:email></a:author>",
		    "jo@x.example.com"},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct parsed_feed f;
		char *doc = xasprintf("<rss xmlns:dc='http://purl.org/dc/"
		    "elements/1.1/' xmlns:itunes='http://www.itunes.com/dtds/"
		    "podcast-1.0.dtd' xmlns:a='http://www.w3.org/2005/Atom'>"
		    "<channel><item>%s</item></channel></rss>", cases[i].elem);
		ok(doc, &f);
		assert_int_equal(f.nitems, 1);
		if (!f.items[0].author || strcmp(f.items[0].author,
		    cases[i].want) != 0)
			fail_msg("%s: got \"%s\"", cases[i].elem,
			    f.items[0].author ? f.items[0].author : "(null)");
		parsed_feed_fini(&f);
		free(doc);
	}
}

/* Class 7: other vocabularies and spellings. */
static void
test_vocabularies(void **state)
{
	(void)state;
	struct parsed_feed f;

	/* Names in any case, namespace URIs in any case. */
	ok("<RSS version='2.0' xmlns:IT='http://www.itunes.com/DTDs/Podcast-"
	    "1.0.dtd'><Channel><Title>T</Title><Item><TITLE>t</TITLE>"
	    "<PubDate>Mon, 24 Nov 2014 22:15:00 GMT</PubDate>"
	    "<IT:SUMMARY>s</IT:SUMMARY><IT:Author>A</IT:Author></Item>"
	    "</Channel></RSS>", &f);
	assert_string_equal(f.title, "T");
	assert_int_equal(f.nitems, 1);
	assert_string_equal(f.items[0].title, "t");
	assert_string_equal(f.items[0].summary, "s");
	assert_string_equal(f.items[0].author, "A");
	assert_int_equal(f.items[0].published, 1416867300);
	parsed_feed_fini(&f);
	/* A default namespace nobody knows is the feed's own; a prefixed
	 * one is not. */
	ok("<feed xmlns='http://www.w3.org/2005/atom-typo' "
	    "xmlns:x='http://x.example.com/'><entry><title>in</title>"
	    "<x:title>out</x:title><x:link href='http://x/'/></entry></feed>",
	    &f);
	assert_int_equal(f.format, FEED_ATOM10);
	assert_string_equal(f.items[0].title, "in");
	assert_null(f.items[0].link);
	parsed_feed_fini(&f);
	/* The drafts' namespaces are Atom. */
	ok("<feed xmlns='http://purl.org/pie/'><entry><title>pie</title>"
	    "<link href='http://p/'/></entry></feed>", &f);
	assert_int_equal(f.format, FEED_ATOM03);
	assert_string_equal(f.items[0].link, "http://p/");
	parsed_feed_fini(&f);
	/* rdf:about is an RSS 1.0 item's id. */
	ok("<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'"
	    " xmlns='http://purl.org/rss/1.0/'><item rdf:about='urn:x:1'>"
	    "<title>a</title></item></rdf:RDF>", &f);
	assert_int_equal(f.format, FEED_RSS10);
	assert_string_equal(f.items[0].id, "urn:x:1");
	parsed_feed_fini(&f);
	/* CDF. */
	ok("<CHANNEL HREF='http://cdf/'><TITLE>C</TITLE><ITEM HREF='http://"
	    "cdf/1'><TITLE>i</TITLE><ABSTRACT>ab</ABSTRACT></ITEM></CHANNEL>",
	    &f);
	assert_string_equal(f.title, "C");
	assert_string_equal(f.link, "http://cdf/");
	assert_string_equal(f.items[0].link, "http://cdf/1");
	assert_string_equal(f.items[0].summary, "ab");
	parsed_feed_fini(&f);
	/* media:title and media:description are fallbacks; a second
	 * summary before any content is the content. */
	ok("<rss xmlns:media='http://search.yahoo.com/mrss/'><channel><item>"
	    "<media:title>m</media:title><media:description>md"
	    "</media:description></item><item><title>t</title>"
	    "<media:title>m</media:title><description>d</description>"
	    "<media:group><media:description>deep</media:description>"
	    "</media:group></item></channel></rss>", &f);
	assert_string_equal(f.items[0].title, "m");
	assert_string_equal(f.items[0].summary, "md");
	assert_string_equal(f.items[1].title, "t");
	assert_string_equal(f.items[1].summary, "d");
	assert_string_equal(f.items[1].content, "deep");
	parsed_feed_fini(&f);
}

/* Classes 2 and 8: repaired and decoded text in every field. */
static void
test_text_repair(void **state)
{
	(void)state;
	struct parsed_feed f;

	/* Mojibake is repaired in UTF-8 documents only. */
	ok("<rss><channel><title>F\xc3\x83\xc2\xbcnf</title><item>"
	    "<title>\xc3\x82\xc2\xab x \xc3\x82\xc2\xbb</title><author>"
	    "Ren\xc3\x83\xc2\xa9</author></item></channel></rss>", &f);
	assert_string_equal(f.title, "F\xc3\xbcnf");
	assert_string_equal(f.items[0].title, "\xc2\xab x \xc2\xbb");
	assert_string_equal(f.items[0].author, "Ren\xc3\xa9");
	parsed_feed_fini(&f);
	ok("<?xml version='1.0' encoding='windows-1252'?><rss><channel>"
	    "<title>F\xc3\xbc</title></channel></rss>", &f);
	assert_string_equal(f.title, "F\xc3\x83\xc2\xbc");
	parsed_feed_fini(&f);
	/* Entities in any field; double escaping in a title; &#X. */
	ok("<rss><channel><item><title>It&amp;apos;s AT&amp;amp;T"
	    "&#X21;</title><author>Jo&nbsp;Roe</author><description>"
	    "&lang;a&rang;&ensp;&emsp;&thinsp;&#160;b</description>"
	    "<guid isPermaLink='false'>x&#X41;</guid></item></channel></rss>",
	    &f);
	assert_string_equal(f.items[0].title, "It's AT&T!");
	assert_string_equal(f.items[0].author, "Jo Roe");
	assert_string_equal(f.items[0].summary,
	    "\xe2\x8c\xa9" "a\xe2\x8c\xaa b");
	assert_string_equal(f.items[0].id, "xA");
	parsed_feed_fini(&f);
	/* A recovered document: a void element left open in an unescaped
	 * description no longer costs the item, and the text after an
	 * embed stays. */
	ok("<rss><channel><item><title>one&nbsp;a</title><description>a<br>"
	    "b<embed src='x'> after</description></item><item><title>two"
	    "</title></item></channel></rss>", &f);
	assert_int_equal(f.nitems, 2);
	assert_string_equal(f.items[0].title, "one a");
	assert_string_equal(f.items[0].summary, "a\nb after");
	assert_string_equal(f.items[1].title, "two");
	parsed_feed_fini(&f);
}

/* Raw, unbalanced HTML in descriptions: read again as the HTML it is. */
static void
test_broken_markup(void **state)
{
	(void)state;
	struct parsed_feed f;
	char *secret = secret_file("TOPSECRET-99");
	char *doc = xasprintf("<!DOCTYPE rss [<!ENTITY x SYSTEM 'file://%s'>"
	    "]><rss><channel><item><title>a</title><description>one<p>two "
	    "&x; ]]&gt; three</description><link>http://x/a</link></item>"
	    "<item><title>b</title><content:encoded xmlns:content='http://"
	    "purl.org/rss/1.0/modules/content/'>x</div>y</content:encoded>"
	    "</item><item><title>c</title></item></channel></rss>", secret);

	ok(doc, &f);
	assert_int_equal(f.nitems, 3);
	assert_string_equal(f.items[0].link, "http://x/a");
	assert_non_null(strstr(f.items[0].summary, "two"));
	assert_non_null(strstr(f.items[0].summary, "three"));
	assert_string_equal(f.items[1].summary, "xy");
	assert_string_equal(f.items[2].title, "c");
	assert_false(contains(&f, "TOPSECRET"));
	assert_feed_clean(&f);
	parsed_feed_fini(&f);
	unlink(secret);
	free(secret);
	free(doc);
}

/* Class 1 of issue 9: what comes before the XML declaration. */
static void
test_leading_junk(void **state)
{
	(void)state;
	static const char *const docs[] = {
		"\n\n<?xml version='1.0'?><rss><channel><title>T</title>"
		"</channel></rss>",
		"\xef\xbb\xbf \r\n<?xml version='1.0'?><rss><channel>"
		"<title>T</title></channel></rss>",
		"\xef\xbb\xbf\xef\xbb\xbf<?xml version='1.0'?><rss><channel>"
		"<title>T</title></channel></rss>",
		"<!-- banner -->\n<?xml version='1.0'?><rss><channel>"
		"<title>T</title></channel></rss>",
		"<?xml version='1.0'?><?xml-stylesheet href='s.xsl'?><rss>"
		"<channel><title>T</title></channel></rss>"
		"<?xml version='1.0'?>",
		"PHP Notice: x\n<?xml version='1.0'?><rss><channel>"
		"<title>T</title></channel></rss>",
		"\t<rss><channel><title>T</title></channel></rss>",
	};
	struct parsed_feed f;

	for (size_t i = 0; i < ARRAY_LEN(docs); i++) {
		ok(docs[i], &f);
		assert_string_equal(f.title, "T");
		parsed_feed_fini(&f);
	}
	/* The declaration after a comment still names the encoding. */
	ok("<!-- c -->\n<?xml version='1.0' encoding='iso-8859-1'?><rss>"
	    "<channel><title>caf\xe9</title></channel></rss>", &f);
	assert_string_equal(f.title, "caf\xc3\xa9");
	parsed_feed_fini(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_golden),
	    cmocka_unit_test(test_lead),
	    cmocka_unit_test(test_formats),
	    cmocka_unit_test(test_priorities),
	    cmocka_unit_test(test_scope),
	    cmocka_unit_test(test_language),
	    cmocka_unit_test(test_links),
	    cmocka_unit_test(test_charsets),
	    cmocka_unit_test(test_key),
	    cmocka_unit_test(test_source_outlet),
	    cmocka_unit_test(test_json),
	    cmocka_unit_test(test_not_feeds),
	    cmocka_unit_test(test_external_entities),
	    cmocka_unit_test(test_entity_bomb),
	    cmocka_unit_test(test_terminal_escapes),
	    cmocka_unit_test(test_invalid_utf8),
	    cmocka_unit_test(test_truncated),
	    cmocka_unit_test(test_recovery),
	    cmocka_unit_test(test_text_before_feed),
	    cmocka_unit_test(test_mutations),
	    cmocka_unit_test(test_deep_nesting),
	    cmocka_unit_test(test_huge_feed),
	    cmocka_unit_test(test_huge_field),
	    cmocka_unit_test(test_many_items),
	    cmocka_unit_test(test_nul_and_binary_inside),
	    cmocka_unit_test(test_leading_junk),
	    cmocka_unit_test(test_untitled_items),
	    cmocka_unit_test(test_link_sources),
	    cmocka_unit_test(test_authors),
	    cmocka_unit_test(test_vocabularies),
	    cmocka_unit_test(test_text_repair),
	    cmocka_unit_test(test_broken_markup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
