/* Unit tests for html: entities, dropped elements, blocks and breaks,
 * the link list, img alt, markup preparation, hostile HTML and leads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "html.h"
#include "util.h"

/* Plain text of s, no link list. */
static char *
text(const char *s)
{
	struct buf b;

	buf_init(&b, 0);
	assert_int_equal(html_to_text(s, strlen(s), &b, NULL), 0);
	return buf_take(&b);
}

static void
expect(const char *html, const char *want)
{
	char *got = text(html);

	if (strcmp(got, want) != 0)
		fail_msg("html \"%s\"\n  want \"%s\"\n  got  \"%s\"", html,
		    want, got);
	free(got);
}

static void
test_entities(void **state)
{
	(void)state;
	expect("caf&eacute; &amp; cr&egrave;me", "caf\xc3\xa9 & cr\xc3\xa8me");
	expect("a&nbsp;b &mdash; c&rsquo;s &hellip;",
	    "a b \xe2\x80\x94 c\xe2\x80\x99s \xe2\x80\xa6");
	expect("&lt;b&gt;not bold&lt;/b&gt; &quot;q&quot; &apos;",
	    "<b>not bold</b> \"q\" '");
	/* HTML5-only names, two-code-point names */
	expect("&bigstar; &Zopf; &NotEqualTilde;",
	    "\xe2\x98\x85 \xe2\x84\xa4 \xe2\x89\x82\xcc\xb8");
	expect("&#233;&#xE9;&#x1F600;", "\xc3\xa9\xc3\xa9\xf0\x9f\x98\x80");
	/* windows-1252 reading of C1 references, bad ones as U+FFFD */
	expect("a&#150;b&#146;c", "a\xe2\x80\x93" "b\xe2\x80\x99" "c");
	expect("x&#0;y&#xD800;z", "x\xef\xbf\xbdy\xef\xbf\xbdz");
	/* unknown names and bare ampersands stay as text */
	expect("AT&T &bogus; a & b", "AT&T &bogus; a & b");
	/* double escaping decodes one level */
	expect("&amp;amp; &amp;eacute;", "&amp; &eacute;");
	/* Issue 9, class 8: spaces, angle brackets as HTML 4 has them (as
	 * libxml2 and the reference parser read them), an upper-case X */
	expect("a&nbsp;b&ensp;c&emsp;d&thinsp;e", "a b c d e");
	expect("&lang;x&rang; &#160;&#X41;", "\xe2\x8c\xa9x\xe2\x8c\xaa A");
}

/* A converter asks libxml2 for an HTML 4 entity once and remembers the
 * answer: the same fragment gives the same text the first time, the
 * second time and from a fresh converter, and an unknown name, asked
 * every time, stays as text each time. */
static void
test_entities_remembered(void **state)
{
	(void)state;
	static const char html[] =
	    "&mdash;x&mdash; &eacute;&Eacute; &lang;&rang; &bogus; &nbsp;.";
	static const char want[] = "\xe2\x80\x94x\xe2\x80\x94 \xc3\xa9\xc3\x89 "
	                           "\xe2\x8c\xa9\xe2\x8c\xaa &bogus; .";
	struct html_conv *c = html_conv_new();

	for (int round = 0; round < 3; round++) {
		struct buf b;
		buf_init(&b, 0);
		assert_int_equal(
		    html_conv_text(c, html, sizeof(html) - 1, NULL, &b, NULL),
		    0);
		assert_string_equal(b.p, want);
		buf_fini(&b);
	}
	html_conv_free(c);
	expect(html, want);
}

static void
test_dropped(void **state)
{
	(void)state;
	expect("<p>a<script>alert('x')</script>b</p>", "ab");
	expect("<style>p{color:red}</style><p>text</p>", "text");
	expect("<head><title>T</title></head><body>body</body>", "body");
	expect("x<noscript>enable js</noscript>y<template>t</template>z",
	    "xyz");
	expect("<svg><text>s</text></svg>ok", "ok");
	/* Issue 9, class 8: embedded objects go, the text around them
	 * stays (their own fallback text too, as the reference parser
	 * keeps it); an applet goes with its content, as script does. */
	expect("a<embed src='x.swf'>after embed", "aafter embed");
	expect("a <embed src='x.swf'/> after", "a after");
	expect("<iframe src='x'>fallback</iframe> ok", "fallback ok");
	expect("<iframe src='https://video.example/1' /> after iframe",
	    "after iframe");
	expect("<object data='x'><param name='a' value='b'>fb</object> after",
	    "fb after");
	expect("<applet code='x'>applet text</applet> after applet",
	    "after applet");
	expect("<SCRIPT>upper</SCRIPT>kept", "kept");
	expect("<!-- comment -->c", "c");
}

static void
test_blocks(void **state)
{
	(void)state;
	expect("<p>one</p><p>two</p>", "one\n\ntwo");
	expect("<div>a</div>\n\n\n<div>b</div>", "a\n\nb");
	expect("line<br>next<br/>last", "line\nnext\nlast");
	expect("a<br><br><br><br>b", "a\n\nb");
	expect("<ul><li>one</li><li>two</li></ul>", "- one\n- two");
	expect("<h1>Head</h1>para", "Head\n\npara");
	expect("  lots   of\n\t white \r\n space  ", "lots of white space");
	expect("<p>  padded  </p>", "padded");
	expect("<pre>a\n  b</pre>after", "a\nb\n\nafter");
	expect("<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr>"
	    "</table>", "1 2\n3");
	expect("<b>bold</b> <i>it</i>al<span>ic</span>", "bold italic");
	expect("plain text, no markup", "plain text, no markup");
	expect("", "");
}

static void
test_images(void **state)
{
	(void)state;
	expect("<p><img src='x.jpg' alt='A photo'>Caption</p>",
	    "A photo Caption");
	expect("<img src='x.jpg'>no alt", "no alt");
	expect("Hi<img alt='&#x1F600;' src='e.png'>there",
	    "Hi \xf0\x9f\x98\x80 there");
}

static void
test_links(void **state)
{
	(void)state;
	struct link_list l = {NULL, 0};
	struct buf b;
	const char *h = "<p>See <a href='http://a.example/1'>one</a>, "
	    "<a href='/rel'>two</a> and <a href='http://a.example/1'>one "
	    "again</a>; <a href='javascript:alert(1)'>bad</a> "
	    "<a href=' JaVa&#9;script:x'>bad2</a> <a href='data:text/html,x'>"
	    "d</a> <a href='#frag'>f</a> <a>none</a>.</p>";

	buf_init(&b, 0);
	assert_int_equal(html_to_text_base(h, strlen(h),
	    "http://base.example/dir/page", &b, &l), 0);
	assert_string_equal(b.p, "See one[1], two[2] and one again[1]; bad "
	    "bad2 d f none.");
	assert_int_equal(l.n, 2);
	assert_string_equal(l.url[0], "http://a.example/1");
	assert_string_equal(l.url[1], "http://base.example/rel");
	html_links_fini(&l);
	assert_null(l.url);
	assert_int_equal(l.n, 0);
	/* Without a list there are no markers. */
	buf_reset(&b);
	assert_int_equal(html_to_text(h, strlen(h), &b, NULL), 0);
	assert_null(strstr(b.p, "[1]"));
	/* Without a base, relative links stay relative. */
	buf_reset(&b);
	assert_int_equal(html_to_text("<a href='x/y'>z</a>", 19, &b, &l), 0);
	assert_string_equal(b.p, "z[1]");
	assert_string_equal(l.url[0], "x/y");
	html_links_fini(&l);
	/* The list is capped. */
	buf_reset(&b);
	struct buf many;
	buf_init(&many, 0);
	for (int i = 0; i < HTML_MAX_LINKS + 50; i++)
		(void)buf_appendf(&many, "<a href='http://h/%d'>%d</a> ", i, i);
	assert_int_equal(html_to_text(many.p, many.len, &b, &l), 0);
	assert_int_equal(l.n, HTML_MAX_LINKS);
	html_links_fini(&l);
	buf_fini(&many);
	buf_fini(&b);
}

static void
test_hostile(void **state)
{
	(void)state;
	struct buf b, in;

	/* Terminal escapes and bidi controls never survive. */
	expect("<p>\x1b[31mred\x1b[0m \xc2\x9b" "1m &#27;]0;t&#7; "
	    "\xe2\x80\xae" "rtl\xe2\x81\xa6</p>", "[31mred[0m 1m ]0;t rtl");
	/* Invalid UTF-8 becomes U+FFFD, also inside tags and entities. */
	expect("<p>caf\xe9 <b>\xff</b></p>",
	    "caf\xef\xbf\xbd \xef\xbf\xbd");
	/* Broken markup is read anyway. */
	expect("<p>unclosed <b>bold <i>both</p>after", "unclosed bold both"
	    "\n\nafter");
	expect("</div></p>stray closers<p", "stray closers");
	char *t = text("< not a tag > 3 < 4");
	assert_non_null(strstr(t, "not a tag > 3 < 4"));
	free(t);
	expect("<html><head><title>T</title></head><body><p>whole</p></body>"
	    "</html>", "whole");
	expect("a</body>b</div>c</p>d", "a\n\nbc\n\nd");
	/* 200,000 nested elements cost neither stack nor much time. */
	buf_init(&in, 0);
	for (int i = 0; i < 200000; i++)
		(void)buf_puts(&in, "<div><span>");
	(void)buf_puts(&in, "deep");
	buf_init(&b, 0);
	int64_t t0 = util_now_ms();
	assert_int_equal(html_to_text(in.p, in.len, &b, NULL), 0);
	assert_true(util_now_ms() - t0 < 20000);
	assert_true(b.len <= 4);
	/* A capped buffer reports the cap and keeps what fit. */
	struct buf small;
	buf_init(&small, 5);
	assert_int_equal(html_to_text("<p>0123456789</p>", 17, &small, NULL),
	    -1);
	assert_true(small.len <= 5);
	buf_fini(&small);
	buf_fini(&in);
	buf_fini(&b);
}

static void
test_entity_table(void **state)
{
	(void)state;
	uint32_t cp[2];

	assert_int_equal(html_entity("amp", 3, cp), 1);
	assert_int_equal(cp[0], '&');
	assert_int_equal(html_entity("eacute", 6, cp), 1);
	assert_int_equal(cp[0], 0xe9);
	assert_int_equal(html_entity("Eacute", 6, cp), 1);
	assert_int_equal(cp[0], 0xc9);
	assert_int_equal(html_entity("NotEqualTilde", 13, cp), 2);
	assert_int_equal(cp[0], 0x2242);
	assert_int_equal(cp[1], 0x338);
	assert_int_equal(html_entity("AElig", 5, cp), 1);
	assert_int_equal(html_entity("zwnj", 4, cp), 1);
	assert_int_equal(cp[0], 0x200c);
	assert_int_equal(html_entity("eacutex", 6, cp), 1); /* len counts */
	assert_int_equal(html_entity("nosuch", 6, cp), 0);
	assert_int_equal(html_entity("", 0, cp), 0);
	assert_int_equal(html_entity("EACUTE", 6, cp), 0); /* case */
}

static char *
prepared(const char *s, int flags)
{
	struct buf b;

	buf_init(&b, 0);
	if (!html_prepare(s, strlen(s), &b, flags)) {
		assert_int_equal(b.len, 0);
		(void)buf_puts(&b, s);
	}
	return buf_take(&b);
}

static void
test_prepare(void **state)
{
	(void)state;
	char *p;

	/* Untouched input is not copied. */
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(html_prepare("<a>&amp;&#233;</a>", 18, &b,
	    HTML_PREP_XML), 0);
	assert_null(b.p);
	buf_fini(&b);

	p = prepared("<t>&eacute;&nbsp;&amp;&lt;&apos;&AMP;</t>",
	    HTML_PREP_XML);
	assert_string_equal(p, "<t>&#xE9;&#xA0;&amp;&lt;&apos;&#x26;</t>");
	free(p);
	/* Unknown names and bare ampersands become text. */
	p = prepared("<t>AT&T &bogus; &#; &</t>", HTML_PREP_XML);
	assert_string_equal(p, "<t>AT&amp;T &amp;bogus; &amp;#; &amp;</t>");
	free(p);
	/* Comments, CDATA, PIs are left alone. */
	p = prepared("<!-- &eacute; --><t><![CDATA[&eacute;]]><?pi &x; ?>"
	    "&eacute;</t>", HTML_PREP_XML);
	assert_string_equal(p, "<!-- &eacute; --><t><![CDATA[&eacute;]]>"
	    "<?pi &x; ?>&#xE9;</t>");
	free(p);
	/* Declared entities: plain ones kept for the parser, others
	 * removed, HTML names a DTD redefines never substituted. */
	p = prepared("<!DOCTYPE t [<!ENTITY eacute 'E'><!ENTITY ok "
	    "'a&#233;'><!ENTITY ext SYSTEM 'file:///etc/passwd'><!ENTITY "
	    "n '&ok;&ok;'><!ENTITY % pe 'x'>]><t>&eacute;&ok;&ext;&n;"
	    "&pe;</t>", HTML_PREP_XML);
	assert_non_null(strstr(p, "<t>&eacute;&ok;&amp;pe;</t>"));
	free(p);
	/* Bytes: controls dropped, invalid UTF-8 replaced. */
	p = prepared("<t>a\x01\x1b" "b\xff\tc\n</t>", HTML_PREP_XML);
	assert_string_equal(p, "<t>ab\xef\xbf\xbd\tc\n</t>");
	free(p);
	/* XML knows no "&#X": the reference is written again. */
	p = prepared("<t>&#X41;&#x42;&#X2019;</t>", HTML_PREP_XML);
	assert_string_equal(p, "<t>&#x41;&#x42;&#x2019;</t>");
	free(p);
	/* HTML void elements left open in XML are closed, unless their end
	 * tag follows; link and source, feed elements, never. */
	p = prepared("<d>a<br>b<BR clear='all'>c<img src='x>y'>d<br/>e"
	    "<hr></hr><embed src=x></d><link>l</link><source>s</source>"
	    "<brand>x</brand>", HTML_PREP_XML);
	assert_string_equal(p, "<d>a<br/>b<BR clear='all'/>c<img src='x>y'/>"
	    "d<br/>e<hr></hr><embed src=x/></d><link>l</link><source>s"
	    "</source><brand>x</brand>");
	free(p);
	/* A declaration after the start is dropped. */
	p = prepared("<?xml version='1.0'?><r/><?xml version='1.0'?>"
	    "<?xml-stylesheet href='a'?>", HTML_PREP_XML);
	assert_string_equal(p, "<?xml version='1.0'?><r/>"
	    "<?xml-stylesheet href='a'?>");
	free(p);
	/* In HTML, names libxml2's HTML parser knows stay. */
	p = prepared("&eacute; &bigstar; &bogus; AT&T", 0);
	assert_string_equal(p, "&eacute; &#x2605; &bogus; AT&T");
	free(p);
}

/* Text and links of s, with a base; the list is returned in *l. */
static char *
text_links(const char *s, size_t len, struct link_list *l)
{
	struct buf b;

	buf_init(&b, 0);
	assert_int_equal(html_to_text_base(s, len, "http://b.example/d/", &b,
	    l), 0);
	return buf_take(&b);
}

/* Fragments the fast reader takes, with what libxml2's tree gives for
 * them: implied ends, void elements, references, attributes. */
static void
test_fast_cases(void **state)
{
	(void)state;
	expect("<p>a<p>b", "a\n\nb");
	expect("<b>x<p>y</p>z</b>w", "x\n\ny\n\nzw");
	expect("<li>a<li>b", "- a\n- b");
	expect("<table><tr><td>1<td>2<tr><td>3</table>after",
	    "1 2\n3\n\nafter");
	expect("<ul><li>one<ul><li>two</ul><li>three</ul>",
	    "- one\n\n- two\n\n- three");
	expect("<p>x<div>y</div>z</p>", "x\n\ny\n\nz");
	expect("<h1>a<h2>b</h2>c</h1>", "a\n\nb\n\nc");
	expect("<dl><dt>t<dd>d<dt>u</dl>", "t\nd\nu");
	expect("a</p>b a</br>b a</nosuch>b", "ab ab ab");
	expect("<p/>a<br/>b<img alt='i'/>c", "a\nb i c");
	expect("<span>a</span> <span>b</span>", "a b");
	expect("a<wbr>b<time>c</time>", "abc");
	/* HTML 4 names as libxml2 reads them, others as HTML5 does */
	expect("&lang;&rang; &NewLine;x&Tab;y &apos;&AMP;",
	    "\xe2\x8c\xa9\xe2\x8c\xaa x y '&");
	expect("x&#150;y&#0;z&#1;w&#xFFFE;v", "x\xe2\x80\x93y\xef\xbf\xbdzwv");
	expect("AT&T &amp x &1; &-", "AT&T &amp x &1; &-");
	expect("<img alt>x", "x");
	expect("<IMG ALT='A' alt='B'>x", "A x");

	struct link_list l = {NULL, 0};
	char *t = text_links("<a href=u>x<a href=v>y</a>z", 27, &l);
	assert_string_equal(t, "x[1]y[2]z");
	assert_int_equal(l.n, 2);
	assert_string_equal(l.url[0], "http://b.example/d/u");
	assert_string_equal(l.url[1], "http://b.example/d/v");
	free(t);
	html_links_fini(&l);
	t = text_links("<a href=/a/b/>t</a>", 19, &l);
	assert_string_equal(t, "t[1]");
	assert_string_equal(l.url[0], "http://b.example/a/b/");
	free(t);
	html_links_fini(&l);
	/* Links the fast reader found are not counted twice when libxml2
	 * takes the fragment over at its end. */
	static const char late[] = "<a href='http://x/1'>one</a> "
	    "<a href='http://x/2'>two</a><!-- c -->";
	t = text_links(late, sizeof(late) - 1, &l);
	assert_string_equal(t, "one[1] two[2]");
	assert_int_equal(l.n, 2);
	free(t);
	html_links_fini(&l);
}

/* The fast reader and libxml2 give the same text and links: a fragment
 * ending in a processing instruction (which adds nothing) always goes
 * to libxml2, so each generated fragment is read both ways. */
/* A random fragment of parts pieces (text, references, start and end
 * tags with attributes) appended to x, from the generator's state. */
static void
random_html(struct buf *x, unsigned long *seed, int parts)
{
	static const char *const tags[] = {"a", "b", "i", "em", "span", "p",
		"div", "br", "img", "ul", "ol", "li", "h1", "h2", "blockquote",
		"table", "tr", "td", "th", "tbody", "hr", "figure", "small",
		"q", "font", "center", "dl", "dt", "dd", "address", "caption",
		"thead", "section", "pre", "script", "o:p", "P", "LI", "Td"};
	static const char *const texts[] = {"hello", " ", "  ", "\n", "\t",
		"\r\n", "word", "caf\xc3\xa9", "&amp;", "&lt;", "&eacute;",
		"&hellip;", "&bigstar;", "&nbsp;", "&#233;", "&#xE9;",
		"&#150;", "&#0;", "&#9;", "&#x1F600;", "&bogus;", "&amp",
		"AT&T", "& ", "&lang;", "&apos;", "x&y;z", "\xef\xbf\xbd",
		"\xc2\x85", "&#10;", "&NewLine;", "<", "&#", "\xff", "\x01"};
	static const char *const names[] = {"href", "alt", "class", "HREF",
		"Alt", "src"};
	static const char *const values[] = {"http://a.example/x", "/rel",
		"x y", "", "caf\xc3\xa9", "#f", "a>b", "javascript:x", "x/y",
		"&amp;", "a&b"};

	for (int k = 0; k < parts; k++) {
		*seed = *seed * 6364136223846793005ul + 1442695040888963407ul;
		unsigned r = (unsigned)(*seed >> 33);
		const char *tag = tags[(r >> 4) % ARRAY_LEN(tags)];
		switch (r % 5) {
		case 0:
		case 1:
			(void)buf_puts(x, texts[(r >> 4) % ARRAY_LEN(texts)]);
			break;
		case 2:
			(void)buf_appendf(x, "<%s", tag);
			for (unsigned a = (r >> 12) % 3; a > 0; a--) {
				r = r * 2654435761u + 1;
				(void)buf_appendf(x, " %s",
				    names[(r >> 8) % ARRAY_LEN(names)]);
				if (r % 3)
					(void)buf_appendf(x, "%s%s%s",
					    r % 3 == 1 ? "=\"" : "='",
					    values[(r >> 16) %
					           ARRAY_LEN(values)],
					    r % 3 == 1 ? "\"" : "'");
			}
			(void)buf_puts(x, (r >> 20) % 8 ? ">" : "/>");
			break;
		case 3:
			(void)buf_appendf(x, "</%s>", tag);
			break;
		default:
			(void)buf_puts(x, " ");
			break;
		}
	}
}

static void
test_fast_agrees(void **state)
{
	(void)state;
	unsigned long seed = 7;

	for (int n = 0; n < 4000; n++) {
		struct buf x, y;
		buf_init(&x, 0);
		seed = seed * 6364136223846793005ul + 1442695040888963407ul;
		random_html(&x, &seed, 1 + (int)((seed >> 33) % 16));
		buf_init(&y, 0);
		(void)buf_append(&y, x.p, x.len);
		(void)buf_puts(&y, "<?x?>");
		struct link_list lx = {NULL, 0}, ly = {NULL, 0};
		int links = n % 2;
		char *tx = text_links(x.p, x.len, links ? &lx : NULL);
		char *ty = text_links(y.p, y.len, links ? &ly : NULL);
		if (strcmp(tx, ty) != 0 || lx.n != ly.n)
			fail_msg("html \"%s\"\n  fast \"%s\" (%zu links)\n  "
			    "libxml2 \"%s\" (%zu links)", x.p, tx, lx.n, ty,
			    ly.n);
		for (size_t k = 0; k < lx.n; k++)
			assert_string_equal(lx.url[k], ly.url[k]);
		html_links_fini(&lx);
		html_links_fini(&ly);
		free(tx);
		free(ty);
		buf_fini(&x);
		buf_fini(&y);
	}
}

/* html_conv_lead against html_conv_text on random fragments, with and
 * without something at their end that only libxml2 takes (the lead then
 * has to come from libxml2 too): the lead begins the text, and is longer
 * than max exactly when the text is.  And it does stop short. */
static void
test_lead(void **state)
{
	(void)state;
	static const size_t maxes[] = {0, 3, 40, 200, 400};
	struct html_conv *c = html_conv_new();
	unsigned long seed = 11;
	size_t shorter = 0;

	for (int n = 0; n < 3000; n++) {
		struct buf x, full, lead;
		buf_init(&x, 0);
		seed = seed * 6364136223846793005ul + 1442695040888963407ul;
		random_html(&x, &seed, 1 + (int)((seed >> 33) % 400));
		if (n % 3 == 0)
			(void)buf_puts(&x, "<?x?>");
		buf_init(&full, 0);
		(void)html_conv_text(c, x.p, x.len, NULL, &full, NULL);
		for (size_t k = 0; k < ARRAY_LEN(maxes); k++) {
			size_t max = maxes[k];
			buf_init(&lead, 0);
			(void)html_conv_lead(c, x.p, x.len, max, &lead);
			if (lead.len > full.len ||
			    memcmp(lead.p, full.p, lead.len) != 0 ||
			    (lead.len > max) != (full.len > max))
				fail_msg("html \"%s\", max %zu\n  text \"%s\"\n"
				         "  lead \"%s\"",
				    x.p, max, full.p, lead.p);
			shorter += lead.len < full.len;
			buf_fini(&lead);
		}
		buf_fini(&full);
		buf_fini(&x);
	}
	assert_true(shorter > 1000);

	/* a long article's lead is made of its beginning only */
	struct buf x, lead;
	buf_init(&x, 0);
	for (int i = 0; i < 200; i++)
		(void)buf_appendf(&x,
		    "<p>Paragraph %d of the article, "
		    "with <b>bold</b> &amp; plain words.</p>",
		    i);
	buf_init(&lead, 0);
	assert_int_equal(html_conv_lead(c, x.p, x.len, 400, &lead), 0);
	assert_true(lead.len > 400 && lead.len < 600);
	static const char start[] = "Paragraph 0 of the article, with bold "
	                            "& plain words.\n\nParagraph 1 ";
	assert_memory_equal(lead.p, start, sizeof(start) - 1);
	buf_fini(&lead);
	buf_fini(&x);
	html_conv_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_entities),
	    cmocka_unit_test(test_entities_remembered),
	    cmocka_unit_test(test_dropped),
	    cmocka_unit_test(test_blocks),
	    cmocka_unit_test(test_images),
	    cmocka_unit_test(test_links),
	    cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_entity_table),
	    cmocka_unit_test(test_prepare),
	    cmocka_unit_test(test_fast_cases),
	    cmocka_unit_test(test_fast_agrees),
	    cmocka_unit_test(test_lead),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
