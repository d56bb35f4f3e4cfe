/* Unit tests for outlet: short outlet names from real feed titles and
 * their hosts (the titles as 14 outlets' feeds carried them in 2020). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "outlet.h"

/* got (freed) is want, or NULL when want is. */
static void
is(char *got, const char *want)
{
	if (want == NULL) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
expect(const char *title, const char *url, const char *want)
{
	is(outlet_name(title, url), want);
}

static void
test_real_titles(void **state)
{
	(void)state;
	expect("BBC News - Home", "https://www.bbc.co.uk/news/", "BBC");
	expect("BBC News - Home", "http://feeds.bbci.co.uk/news/rss.xml",
	    "BBC");
	expect("CNN.com - RSS Channel - App International Edition",
	    "http://rss.cnn.com/rss/edition.rss", "CNN");
	expect("Articles | Mail Online",
	    "https://www.dailymail.co.uk/articles/index.rss", "Daily Mail");
	expect("NYT > U.S. News",
	    "https://rss.nytimes.com/services/xml/rss/nyt/US.xml", "NYT");
	expect("FOX News", "http://feeds.foxnews.com/foxnews/latest", "FOX");
	expect("GMA News Online / News",
	    "https://data.gmanetwork.com/gno/rss/news/feed.xml", "GMA");
	expect("California", "https://www.latimes.com/california/rss2.0.xml",
	    "LA Times");
	/* a title that spells the host in another order is its name */
	expect("Times of India",
	    "https://timesofindia.indiatimes.com/rssfeedstopstories.cms",
	    "Times of India");
	expect("Top Stories - The Times Of India",
	    "https://timesofindia.indiatimes.com/rssfeedstopstories.cms",
	    "The Times Of India");
	/* ... every word of it once, and all of the host */
	expect("India Today", "https://www.indiatimes.com/rss", "India Times");
	expect("Times Times", "https://www.indiatimes.com/rss", "India Times");
	expect("The Washington Post",
	    "https://feeds.washingtonpost.com/rss/world", "Washington Post");
	expect("New Zealand Herald - Top Stories",
	    "https://www.nzherald.co.nz/", "NZ Herald");
	expect("1 NEWS", "https://www.youtube.com/channel/x", "1 NEWS");
	expect("philstar.com - RSS Headlines",
	    "https://www.philstar.com/rss/headlines", "Philstar");
	expect("RNZ New Zealand Headlines",
	    "https://www.rnz.co.nz/news/national", "RNZ");
	expect("Sydney Morning Herald - Latest News",
	    "https://www.smh.com.au/rssheadlines", "SMH");
	expect("The Straits Times Singapore News",
	    "https://www.straitstimes.com/", "Straits Times");
	expect("WSJ.com: World News", "http://online.wsj.com/page/2.html",
	    "WSJ");
	expect("NPR Topics: News", "https://feeds.npr.org/1001/rss.xml", "NPR");
}

static void
test_fallbacks(void **state)
{
	(void)state;
	/* no title: the host's name, split into words */
	expect(NULL, "https://www.theguardian.com/world/rss",
	    "The Guardian");
	expect("", "https://continental-courier.test/feed.atom",
	    "Continental Courier");
	expect(NULL, "https://user:pw@www.nytimes.com:8443/x", "NY Times");
	/* no host: the title's first part, cleaned */
	expect("Harbor Ledger - Latest News", NULL, "Harbor Ledger");
	expect("GMA News Online / News", "file:///tmp/gma.xml", "GMA");
	/* an address is no outlet's name: the title, else nothing (the
	 * caller shows the URL) */
	expect(NULL, "http://127.0.0.1:8080/feed.xml", NULL);
	expect("Harbor Ledger", "http://10.0.0.7/rss", "Harbor Ledger");
	expect(NULL, "http://[::1]:8080/feed.xml", NULL);
	expect(NULL, "http://localhost:8080/feed.xml", "Localhost");
	/* nothing at all */
	expect(NULL, NULL, NULL);
	expect("", "file:///x.xml", NULL);
	/* a plain title that names itself stays as written */
	expect("Meridian Daily", "https://meridian-daily.test/",
	    "Meridian Daily");
}

static void
test_services(void **state)
{
	(void)state;
	/* a host that serves many publishers names none of them: the
	 * title does, or the publisher's own subdomain */
	expect("TechCrunch", "https://feeds.feedburner.com/TechCrunch",
	    "TechCrunch");
	expect("NDTV News - Top Stories",
	    "https://feeds.feedburner.com/ndtvnews-top-stories", "NDTV");
	expect(NULL, "https://feeds.feedburner.com/TechCrunch", NULL);
	expect("Astral Codex Ten", "https://astralcodexten.substack.com/feed",
	    "Astral Codex Ten");
	expect(
	    NULL, "https://astralcodexten.substack.com/feed", "Astralcodexten");
	expect(NULL, "https://abcnews.go.com/abcnews/topstories", "ABC News");
	expect(NULL, "https://www.substack.com/feed", NULL);
	expect("Latest from the BBC",
	    "https://www.youtube.com/feeds/videos.xml"
	    "?channel_id=UC16niRr50-MSBwiO3YDb3RA",
	    "Latest from the BBC");
}

static void
expect_key(const char *url, const char *want)
{
	is(outlet_key(url), want);
}

static void
test_keys(void **state)
{
	(void)state;
	/* one outlet's feeds share a key: its registered domain */
	expect_key("https://feeds.bbci.co.uk/news/world/rss.xml", "bbci.co.uk");
	expect_key("http://feeds.bbci.co.uk/news/rss.xml", "bbci.co.uk");
	expect_key("https://rss.nytimes.com/services/xml/rss/nyt/World.xml",
	    "nytimes.com");
	expect_key("https://www.nytimes.com/svc/collections/v1/publish/"
	           "https://www.nytimes.com/section/world/rss.xml",
	    "nytimes.com");
	expect_key("https://user:pw@WWW.SMH.com.au:8443/rss", "smh.com.au");
	expect_key("https://example.com./feed", "example.com");
	/* different outlets do not, even on one service */
	expect_key("https://astralcodexten.substack.com/feed",
	    "astralcodexten.substack.com");
	expect_key(
	    "https://abcnews.go.com/abcnews/topstories", "abcnews.go.com");
	expect_key("https://abc.net.au/news/feed/51120/rss.xml", "abc.net.au");
	expect_key("https://www.abc.es/rss/feeds/abcPortada.xml", "abc.es");
	/* the public suffix is the Public Suffix List's, not a guess: one
	 * government's agencies are as many outlets, and so are a
	 * platform's sites where the list says each is its own */
	expect_key("https://www.beehive.govt.nz/rss.xml", "beehive.govt.nz");
	expect_key("https://www.health.govt.nz/news/rss", "health.govt.nz");
	expect_key("https://www.interieur.gouv.fr/rss/actualites",
	    "interieur.gouv.fr");
	expect_key("https://www.met.police.uk/news/rss", "met.police.uk");
	expect_key("https://someone.github.io/feed.xml", "someone.github.io");
	expect_key("https://someone.blogspot.com/feeds/posts/default",
	    "someone.blogspot.com");
	expect_key("https://www.stuff.co.nz/rss", "stuff.co.nz");
	/* a host of one label is its own */
	expect_key("http://localhost:8080/feed.xml", "localhost");
	expect_key("http://intranet/news.rss", "intranet");
	/* and where the host does not say whose feed it is, there is no key */
	expect_key("https://feeds.feedburner.com/TechCrunch", NULL);
	expect_key(
	    "https://www.youtube.com/feeds/videos.xml?channel_id=x", NULL);
	expect_key("http://127.0.0.1:8080/feed.xml", NULL);
	expect_key("http://[::1]/feed.xml", NULL);
	expect_key("file:///tmp/feed.xml", NULL);
	expect_key("/tmp/feed.xml", NULL);
	expect_key(NULL, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_real_titles),
	    cmocka_unit_test(test_fallbacks),
	    cmocka_unit_test(test_services),
	    cmocka_unit_test(test_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
