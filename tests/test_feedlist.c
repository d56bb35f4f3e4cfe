/* Unit tests for feedlist: the feeds file syntax and every kind of bad
 * line, duplicates, path resolution, load errors, OPML import (folders,
 * skipped outlines, duplicates, hostile files) and export round trips.
 * Everything runs on real files under a fresh temporary directory. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <libxml/parser.h>

#include "buf.h"
#include "feedlist.h"
#include "settings.h"
#include "util.h"

#define DATA "tests/data"

/* Collects reports, one per line. */
static void
collect(const char *msg, void *ctx)
{
	struct buf *b = ctx;

	buf_puts(b, msg);
	buf_putc(b, '\n');
}

static const char *
reports(const struct buf *rep)
{
	return rep->p ? rep->p : "";
}

static void
rm_rf(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		struct dirent *e;
		while (d && (e = readdir(d))) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0)
				continue;
			char *sub = xasprintf("%s/%s", path, e->d_name);
			rm_rf(sub);
			free(sub);
		}
		if (d)
			closedir(d);
		rmdir(path);
	} else {
		unlink(path);
	}
}

static int
setup_tmp(void **state)
{
	char *dir = xstrdup("/tmp/wiredesk-feedlist-XXXXXX");

	if (!mkdtemp(dir)) {
		free(dir);
		return -1;
	}
	*state = dir;
	return 0;
}

static int
teardown_tmp(void **state)
{
	rm_rf(*state);
	free(*state);
	return 0;
}

static char *
write_file(const char *dir, const char *name, const char *text, size_t len)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
	return path;
}

static char *
read_all(const char *path)
{
	char err[256];
	size_t len;
	char *p = util_read_file(path, 1 << 24, &len, err, sizeof(err));

	assert_non_null(p);
	return p;
}

static void
parse(const char *text, const char *basedir, struct feedlist *l,
    struct buf *rep, int want)
{
	buf_init(rep, 0);
	assert_int_equal(feedlist_parse_mem(text, strlen(text), "feeds",
	    basedir, l, collect, rep), want);
}

/* The feed's tags joined with "|". */
static char *
tags_of(const struct feed_src *f)
{
	struct buf b;

	buf_init(&b, 0);
	buf_puts(&b, "");
	for (size_t i = 0; i < f->ntags; i++) {
		if (i)
			buf_putc(&b, '|');
		buf_puts(&b, f->tags[i]);
	}
	return buf_take(&b);
}

static void
assert_tags(const struct feed_src *f, const char *want)
{
	char *t = tags_of(f);

	assert_string_equal(t, want);
	free(t);
}

static void
test_syntax(void **state)
{
	struct feedlist l;
	struct buf rep;

	(void)state;
	parse("# comment line\n"
	      "\n"
	      "https://a.example.test/rss.xml\n"
	      "http://b.example.test/feed tech world\n"
	      "  https://c.example.test/atom \"two words\" \"~C Title\"\t"
	      "local\n"
	      "https://d.example.test/x#frag \"#hash tag\" # trailing\n"
	      "https://e.example.test/e ~Bare_Title tag ~Later\n"
	      "\"https://f.example.test/quoted\" \"esc \\\"q\\\"\"\n"
	      "file:///srv/feeds/local.xml dup dup\n"
	      "file://localhost/srv/x.xml\n"
	      "HTTPS://g.example.test/upper\n"
	      "https://h.example.test/h every:10m \"\" \"  spaced   out \"\n"
	      "https://i.example.test/i#not-a-comment#either\n"
	      "https://j.example.test/j \"!hidden\" \"~Caf\xc3\xa9 \xe2\x80\xae"
	      "News\"\n",
	    "/base", &l, &rep, 0);
	assert_string_equal(reports(&rep), "");
	assert_int_equal(l.n, 12);

	assert_string_equal(l.feeds[0].url, "https://a.example.test/rss.xml");
	assert_null(l.feeds[0].title);
	assert_int_equal(l.feeds[0].ntags, 0);
	assert_int_equal(l.feeds[0].line, 3);
	assert_int_equal(l.feeds[0].interval, 0);

	assert_string_equal(l.feeds[1].url, "http://b.example.test/feed");
	assert_tags(&l.feeds[1], "tech|world");

	assert_string_equal(l.feeds[2].url, "https://c.example.test/atom");
	assert_string_equal(l.feeds[2].title, "C Title");
	assert_tags(&l.feeds[2], "two words|local");
	assert_int_equal(l.feeds[2].line, 5);

	assert_string_equal(l.feeds[3].url, "https://d.example.test/x#frag");
	assert_tags(&l.feeds[3], "#hash tag");

	/* An unquoted ~ tag is a title too; the last one wins. */
	assert_string_equal(l.feeds[4].title, "Later");
	assert_tags(&l.feeds[4], "tag");

	assert_string_equal(l.feeds[5].url, "https://f.example.test/quoted");
	assert_tags(&l.feeds[5], "esc \"q\"");

	assert_string_equal(l.feeds[6].url, "file:///srv/feeds/local.xml");
	assert_tags(&l.feeds[6], "dup");
	assert_string_equal(l.feeds[7].url, "file://localhost/srv/x.xml");
	assert_string_equal(l.feeds[8].url, "HTTPS://g.example.test/upper");

	/* every:N is the interval, not a tag; empty tags vanish and white
	 * space in tags is tidied. */
	assert_int_equal(l.feeds[9].interval, 600);
	assert_tags(&l.feeds[9], "spaced out");

	assert_string_equal(l.feeds[10].url,
	    "https://i.example.test/i#not-a-comment#either");

	/* Bidi overrides never reach a title. */
	assert_tags(&l.feeds[11], "!hidden");
	assert_string_equal(l.feeds[11].title, "Caf\xc3\xa9 News");
	feedlist_fini(&l);
	buf_fini(&rep);
}

static void
test_fixture_crlf_bom(void **state)
{
	const char *path = DATA "/feedlist/mixed.urls";
	struct feedlist l;
	struct buf rep, want;
	char err[256], cwd[4096];

	(void)state;
	buf_init(&rep, 0);
	assert_int_equal(feedlist_load(path, &l, collect, &rep, err,
	    sizeof(err)), 0);
	buf_init(&want, 0);
	static const char *const bad[] = {
		"7: unsupported URL scheme 'ftp:'",
		"8: unsupported URL scheme 'javascript:'",
		"9: unterminated quote",
		"10: URL contains a space",
		"11: empty title tag \"~\"",
		"12: duplicate of line 3, merged",
		"13: control character",
		"14: invalid UTF-8",
		"15: URL has no host",
		"16: file URL needs an absolute path (file:///path)",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		buf_appendf(&want, "%s:%s\n", path, bad[i]);
	assert_string_equal(reports(&rep), want.p);
	assert_int_equal(l.n, 5);

	assert_string_equal(l.feeds[0].url,
	    "https://news.example.test/rss.xml");
	assert_string_equal(l.feeds[0].title, "Example News");
	assert_tags(&l.feeds[0], "world|breaking news|extra");
	assert_int_equal(l.feeds[0].line, 3);
	assert_string_equal(l.feeds[1].url,
	    "http://blog.example.test/#fragment");
	assert_tags(&l.feeds[1], "tech");
	assert_string_equal(l.feeds[2].title, "Local File");
	assert_null(strchr(l.feeds[2].title, '\r'));

	/* A relative path, against the feeds file's own directory. */
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	char *url = xasprintf("file://%s/" DATA "/feedlist/demo/harbor.xml",
	    cwd);
	assert_string_equal(l.feeds[3].url, url);
	free(url);
	assert_tags(&l.feeds[3], "local");

	assert_string_equal(l.feeds[4].url,
	    "https://interval.example.test/feed");
	assert_int_equal(l.feeds[4].interval, 900);
	assert_tags(&l.feeds[4], "fast");
	assert_int_equal(l.feeds[4].line, 18);
	feedlist_fini(&l);
	buf_fini(&rep);
	buf_fini(&want);
}

static void
test_bad_lines(void **state)
{
	struct feedlist l;
	struct buf rep, text;

	(void)state;
	setenv("HOME", "/home/r", 1);
	buf_init(&text, 0);
	buf_puts(&text, "https://ok.example.test/1\n"
			"\"\"\n"
			"\"~Title First\" https://x.example.test/\n"
			"https://x.example.test/<script>\n"
			"https://x.example.test/back\\slash\n"
			"https://:80/feed\n"
			"https://user@/feed\n"
			"https:/one-slash.example.test/\n"
			"gopher://x.example.test/\n"
			"news:comp.lang.c\n"
			"https://ok.example.test/2 every:5s a\n"
			"https://ok.example.test/3 every:soon b\n"
			"https://ok.example.test/4 every:8d\n"
			"~bob/feeds.xml\n"
			"https://ok.example.test/5 \"~  \"\n"
			"https://ok.example.test/6 \"tab\\tinside\"\n");
	for (int i = 0; i <= SETTINGS_LINE_MAX; i++)
		buf_putc(&text, i == 0 ? 'h' : 'x');
	buf_puts(&text, "\nhttps://ok.example.test/7\n");
	parse(text.p, "/base", &l, &rep, 0);
	assert_string_equal(reports(&rep),
	    "feeds:2: empty URL\n"
	    "feeds:3: cannot expand '~Title First' (only ~/ with HOME set)\n"
	    "feeds:4: URL contains '<'\n"
	    "feeds:5: URL contains '\\'\n"
	    "feeds:6: URL has no host\n"
	    "feeds:7: URL has no host\n"
	    "feeds:8: URL has no host\n"
	    "feeds:9: unsupported URL scheme 'gopher:'\n"
	    "feeds:10: unsupported URL scheme 'news:'\n"
	    "feeds:11: 'every:5s' is out of range (every:30s to every:7d),"
	    " tag ignored\n"
	    "feeds:12: 'every:soon' is not a refresh interval (like"
	    " every:10m), tag ignored\n"
	    "feeds:13: 'every:8d' is out of range (every:30s to every:7d),"
	    " tag ignored\n"
	    "feeds:14: cannot expand '~bob/feeds.xml' (only ~/ with HOME"
	    " set)\n"
	    "feeds:15: empty title tag \"~\"\n"
	    "feeds:16: control character\n"
	    "feeds:17: line too long (over 8192 bytes)\n");
	/* Ignored tags keep their line's feed. */
	assert_int_equal(l.n, 5);
	assert_string_equal(l.feeds[1].url, "https://ok.example.test/2");
	assert_int_equal(l.feeds[1].interval, 0);
	assert_tags(&l.feeds[1], "a");
	assert_tags(&l.feeds[2], "b");
	assert_string_equal(l.feeds[3].url, "https://ok.example.test/4");
	assert_string_equal(l.feeds[4].url, "https://ok.example.test/7");
	assert_int_equal(l.feeds[4].line, 18);
	feedlist_fini(&l);
	buf_fini(&rep);
	buf_fini(&text);

	/* Without a report function the same lines are skipped quietly. */
	const char *t = "ftp://x/\nhttps://ok.example.test/\n";
	assert_int_equal(feedlist_parse_mem(t, strlen(t), "f", "/", &l, NULL,
	    NULL), 0);
	assert_int_equal(l.n, 1);
	feedlist_fini(&l);
}

static void
test_duplicates(void **state)
{
	struct feedlist l;
	struct buf rep;

	(void)state;
	parse("https://a.example.test/feed one\n"
	      "https://A.EXAMPLE.test/feed two one \"~Late Title\"\n"
	      "demo/x.xml \"~X\"\n"
	      "https://b.example.test/feed \"~B\" every:1h\n"
	      "./demo/../demo/x.xml xtag \"~Other X\"\n"
	      "https://a.example.test/feed three every:2h\n"
	      "https://b.example.test/feed every:5m b2\n"
	      "https://user:PW@a.example.test/feed\n"
	      "https://a.example.test/Feed\n"
	      "file:///base/demo/x.xml\n",
	    "/base", &l, &rep, 0);
	assert_string_equal(reports(&rep),
	    "feeds:2: duplicate of line 1, merged\n"
	    "feeds:5: duplicate of line 3, merged\n"
	    "feeds:6: duplicate of line 1, merged\n"
	    "feeds:7: duplicate of line 4, merged\n"
	    "feeds:10: duplicate of line 3, merged\n");
	assert_int_equal(l.n, 5);
	/* Tags merged in order; the first title and interval win, a later
	 * one fills a gap. */
	assert_string_equal(l.feeds[0].url, "https://a.example.test/feed");
	assert_tags(&l.feeds[0], "one|two|three");
	assert_string_equal(l.feeds[0].title, "Late Title");
	assert_int_equal(l.feeds[0].interval, 7200);
	assert_string_equal(l.feeds[1].url, "file:///base/demo/x.xml");
	assert_string_equal(l.feeds[1].title, "X");
	assert_tags(&l.feeds[1], "xtag");
	assert_string_equal(l.feeds[2].title, "B");
	assert_int_equal(l.feeds[2].interval, 3600);
	assert_tags(&l.feeds[2], "b2");
	/* User info and the path keep their case. */
	assert_string_equal(l.feeds[3].url,
	    "https://user:PW@a.example.test/feed");
	assert_string_equal(l.feeds[4].url, "https://a.example.test/Feed");
	feedlist_fini(&l);
	buf_fini(&rep);

	/* Many feeds: the index grows and still finds every duplicate. */
	struct buf text;
	buf_init(&text, 0);
	for (int i = 0; i < 3000; i++)
		buf_appendf(&text, "https://h%d.example.test/feed t%d\n", i, i);
	for (int i = 0; i < 3000; i += 7)
		buf_appendf(&text, "https://H%d.example.test/feed u%d\n", i, i);
	buf_init(&rep, 0);
	assert_int_equal(feedlist_parse_mem(text.p, text.len, "big", "/", &l,
	    collect, &rep), 0);
	assert_int_equal(l.n, 3000);
	assert_tags(&l.feeds[2996], "t2996|u2996");
	assert_tags(&l.feeds[2995], "t2995");
	assert_non_null(strstr(rep.p,
	    "big:3429: duplicate of line 2997, merged\n"));
	feedlist_fini(&l);
	buf_fini(&rep);
	buf_fini(&text);
}

static void
test_paths(void **state)
{
	const char *dir = *state;
	struct feedlist l;
	struct buf rep;
	char cwd[4096], err[256];

	setenv("HOME", "/home/r", 1);
	parse("local.xml\n"
	      "sub/dir/a.xml\n"
	      "../up.xml\n"
	      "/abs/path.xml\n"
	      "~/feeds/home.xml\n"
	      "\"with space/and#hash?q%.xml\"\n"
	      "caf\xc3\xa9.xml\n",
	    "/srv/feeds", &l, &rep, 0);
	assert_string_equal(reports(&rep), "");
	assert_int_equal(l.n, 7);
	assert_string_equal(l.feeds[0].url, "file:///srv/feeds/local.xml");
	assert_string_equal(l.feeds[1].url, "file:///srv/feeds/sub/dir/a.xml");
	assert_string_equal(l.feeds[2].url, "file:///srv/up.xml");
	assert_string_equal(l.feeds[3].url, "file:///abs/path.xml");
	assert_string_equal(l.feeds[4].url, "file:///home/r/feeds/home.xml");
	assert_string_equal(l.feeds[5].url,
	    "file:///srv/feeds/with%20space/and%23hash%3Fq%25.xml");
	assert_string_equal(l.feeds[6].url, "file:///srv/feeds/caf%C3%A9.xml");
	feedlist_fini(&l);
	buf_fini(&rep);

	unsetenv("HOME");
	parse("~/feeds/home.xml\nhttps://x.example.test/\n", "/srv", &l, &rep,
	    0);
	assert_string_equal(reports(&rep),
	    "feeds:1: cannot expand '~/feeds/home.xml' (only ~/ with HOME"
	    " set)\n");
	feedlist_fini(&l);
	buf_fini(&rep);
	setenv("HOME", "/home/r", 1);

	/* basedir NULL: the working directory. */
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	parse("rel.xml\n", NULL, &l, &rep, 0);
	char *want = xasprintf("file://%s/rel.xml", cwd);
	assert_string_equal(l.feeds[0].url, want);
	free(want);
	feedlist_fini(&l);
	buf_fini(&rep);

	/* A feeds file named by a relative path resolves against its own
	 * directory, and the URLs stay right from any directory. */
	char *sub = xasprintf("%s/conf", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	char *path = write_file(sub, "feeds", "demo/a.xml\n../b.xml t\n", 22);
	assert_int_equal(chdir(dir), 0);
	buf_init(&rep, 0);
	assert_int_equal(feedlist_load("conf/feeds", &l, collect, &rep, err,
	    sizeof(err)), 0);
	assert_int_equal(chdir(cwd), 0);
	assert_string_equal(reports(&rep), "");
	want = xasprintf("file://%s/conf/demo/a.xml", dir);
	assert_string_equal(l.feeds[0].url, want);
	free(want);
	want = xasprintf("file://%s/b.xml", dir);
	assert_string_equal(l.feeds[1].url, want);
	free(want);
	feedlist_fini(&l);
	buf_fini(&rep);
	free(path);
	free(sub);
}

static void
test_load_errors(void **state)
{
	const char *dir = *state;
	struct feedlist l;
	struct buf rep;
	char err[512];
	char *path;

	buf_init(&rep, 0);
	path = xasprintf("%s/missing", dir);
	err[0] = '\0';
	assert_int_equal(feedlist_load(path, &l, collect, &rep, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "No such file or directory"));
	assert_non_null(strstr(err, path));
	assert_int_equal(l.n, 0);
	assert_null(l.feeds);
	feedlist_fini(&l);
	free(path);

	assert_int_equal(feedlist_load(dir, &l, collect, &rep, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "is a directory"));

	path = write_file(dir, "empty", "", 0);
	assert_int_equal(feedlist_load(path, &l, collect, &rep, err,
	    sizeof(err)), -1);
	char *want = xasprintf("%s: no feeds in the file", path);
	assert_string_equal(err, want);
	free(want);
	free(path);

	path = write_file(dir, "comments", "# nothing\n\n   # here\n", 21);
	assert_int_equal(feedlist_load(path, &l, collect, &rep, err,
	    sizeof(err)), -1);
	want = xasprintf("%s: no feeds in the file", path);
	assert_string_equal(err, want);
	free(want);
	free(path);
	assert_null(rep.p);

	path = write_file(dir, "allbad", "ftp://a/\n\"open\n", 15);
	assert_int_equal(feedlist_load(path, &l, collect, &rep, err,
	    sizeof(err)), -1);
	want = xasprintf("%s: no usable feed (2 bad lines)", path);
	assert_string_equal(err, want);
	free(want);
	assert_int_equal(l.n, 0);
	want = xasprintf("%s:1: unsupported URL scheme 'ftp:'\n"
			 "%s:2: unterminated quote\n", path, path);
	assert_string_equal(reports(&rep), want);
	free(want);
	free(path);

	/* Unreadable (root reads anything, so only as another user). */
	if (geteuid() != 0) {
		path = write_file(dir, "secret", "https://x.test/\n", 16);
		assert_int_equal(chmod(path, 0), 0);
		assert_int_equal(feedlist_load(path, &l, collect, &rep, err,
		    sizeof(err)), -1);
		assert_non_null(strstr(err, "Permission denied"));
		free(path);
	}
	buf_fini(&rep);
}

/* OPML import. */

static void
test_import(void **state)
{
	const char *dir = *state;
	const char *opml = DATA "/opml/subscriptions.opml";
	struct feedlist l;
	struct buf rep;
	char err[512];

	/* A feeds file that exists, without a final newline. */
	char *conf = xasprintf("%s/conf", dir);
	assert_int_equal(mkdir(conf, 0700), 0);
	const char *before = "https://existing.example.test/feed.xml mine";
	char *feeds = write_file(conf, "feeds", before, strlen(before));

	buf_init(&rep, 0);
	assert_int_equal(feedlist_import_opml(opml, feeds, collect, &rep, err,
	    sizeof(err)), 5);
	assert_string_equal(reports(&rep),
	    DATA "/opml/subscriptions.opml:14: skipped"
	    " 'gopher://gazette.example.test/1/feed': not an http(s) feed\n"
	    DATA "/opml/subscriptions.opml:19: skipped 'file:///etc/passwd':"
	    " not an http(s) feed\n"
	    DATA "/opml/subscriptions.opml:20: skipped"
	    " 'https://bad.example.test/a b.xml': URL contains a space\n"
	    DATA "/opml/subscriptions.opml:21: skipped 'javascript:alert(1)':"
	    " not an http(s) feed\n");
	char *text = read_all(feeds);
	assert_string_equal(text,
	    "https://existing.example.test/feed.xml mine\n"
	    "# imported from subscriptions.opml\n"
	    "https://wire.example.test/all.xml \"~Top Level Wire\"\n"
	    "https://globe.example.test/world.rss News/World Tech"
	    " \"~The Globe Desk\"\n"
	    "http://weekly.example.test/feed?a=1&b=2 News/World"
	    " \"~Tom & Jerry <Weekly>\"\n"
	    "https://cityhall.example.test/atom.xml News \"~City Hall\"\n"
	    "https://tilde.example.test/feed \"Tilde Folder\"\n");
	free(text);

	/* The result reads back cleanly. */
	buf_fini(&rep);
	buf_init(&rep, 0);
	assert_int_equal(feedlist_load(feeds, &l, collect, &rep, err,
	    sizeof(err)), 0);
	assert_string_equal(reports(&rep), "");
	assert_int_equal(l.n, 6);
	assert_string_equal(l.feeds[2].title, "The Globe Desk");
	assert_tags(&l.feeds[2], "News/World|Tech");
	assert_string_equal(l.feeds[3].title, "Tom & Jerry <Weekly>");
	assert_tags(&l.feeds[5], "Tilde Folder");
	assert_null(l.feeds[5].title);
	feedlist_fini(&l);

	/* Importing again adds nothing and leaves the file alone. */
	text = read_all(feeds);
	struct stat st1, st2;
	assert_int_equal(stat(feeds, &st1), 0);
	assert_int_equal(feedlist_import_opml(opml, feeds, NULL, NULL, err,
	    sizeof(err)), 0);
	char *again = read_all(feeds);
	assert_string_equal(again, text);
	assert_int_equal(stat(feeds, &st2), 0);
	assert_int_equal(st1.st_size, st2.st_size);
	free(again);
	free(text);
	free(feeds);
	free(conf);
	buf_fini(&rep);

	/* A feeds file that does not exist yet, in a directory that does
	 * not either. */
	feeds = xasprintf("%s/new/wiredesk/feeds", dir);
	assert_int_equal(feedlist_import_opml(DATA "/opml/opml1.opml", feeds,
	    NULL, NULL, err, sizeof(err)), 2);
	text = read_all(feeds);
	assert_string_equal(text,
	    "# imported from opml1.opml\n"
	    "http://noticias.example.test/rss \"~Caf\xc3\xa9 Noticias\"\n"
	    "http://quotidien.example.test/une.xml Fran\xc3\xa7" "ais"
	    " \"~Le Quotidien\"\n");
	free(text);
	buf_init(&rep, 0);
	assert_int_equal(feedlist_load(feeds, &l, collect, &rep, err,
	    sizeof(err)), 0);
	assert_null(rep.p);
	assert_int_equal(l.n, 2);
	feedlist_fini(&l);
	free(feeds);

	/* The feeds path is a directory: an error, nothing written. */
	assert_int_equal(feedlist_import_opml(opml, dir, NULL, NULL, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "is a directory"));
}

static int
any_contains(const struct feedlist *l, const char *needle, size_t maxlen)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct feed_src *f = &l->feeds[i];
		if (strstr(f->url, needle) || strlen(f->url) > maxlen)
			return 1;
		if (f->title && (strstr(f->title, needle) ||
		    strlen(f->title) > maxlen))
			return 1;
		for (size_t t = 0; t < f->ntags; t++)
			if (strstr(f->tags[t], needle) ||
			    strlen(f->tags[t]) > maxlen)
				return 1;
	}
	return 0;
}

static void
test_import_hostile(void **state)
{
	const char *dir = *state;
	struct feedlist l;
	struct buf rep;
	char err[512];
	char *feeds = xasprintf("%s/feeds", dir);

	/* External entities are never read: nothing of /etc/passwd (or of
	 * the entity) appears, the rest imports. */
	buf_init(&rep, 0);
	assert_int_equal(feedlist_import_opml(DATA "/opml/xxe.opml", feeds,
	    collect, &rep, err, sizeof(err)), 2);
	assert_int_equal(feedlist_load(feeds, &l, NULL, NULL, err,
	    sizeof(err)), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.feeds[0].url, "https://leak.example.test/feed");
	assert_string_equal(l.feeds[0].title, "Leak");
	assert_int_equal(l.feeds[0].ntags, 0);
	assert_string_equal(l.feeds[1].url, "https://inner.example.test/rss");
	assert_int_equal(l.feeds[1].ntags, 0);
	assert_false(any_contains(&l, "root:", 200));
	assert_false(any_contains(&l, "xxe", 200));
	feedlist_fini(&l);
	char *text = read_all(feeds);
	assert_null(strstr(text, "root:"));
	free(text);
	unlink(feeds);

	/* An entity bomb: quick, small, and the honest feeds still come. */
	int64_t t0 = util_now_ms();
	int n = feedlist_import_opml(DATA "/opml/bomb.opml", feeds, collect,
	    &rep, err, sizeof(err));
	assert_true(util_now_ms() - t0 < 10000);
	assert_int_equal(n, 3);
	assert_int_equal(feedlist_load(feeds, &l, NULL, NULL, err,
	    sizeof(err)), 0);
	assert_int_equal(l.n, 3);
	assert_false(any_contains(&l, "lol", 200));
	assert_string_equal(l.feeds[0].url, "https://safe.example.test/rss");
	assert_string_equal(l.feeds[0].title, "Safe");
	assert_string_equal(l.feeds[1].url, "https://bomb.example.test/rss?");
	assert_string_equal(l.feeds[1].title, "Bomb");
	assert_string_equal(l.feeds[2].url, "https://nested.example.test/rss");
	assert_int_equal(l.feeds[2].ntags, 0);
	feedlist_fini(&l);
	unlink(feeds);
	assert_null(rep.p);

	/* Expanded in content, the bomb stops the parser at once. */
	t0 = util_now_ms();
	assert_int_equal(feedlist_import_opml(DATA "/opml/bomb-title.opml",
	    feeds, collect, &rep, err, sizeof(err)), -1);
	assert_true(util_now_ms() - t0 < 10000);
	assert_non_null(strstr(err, "bomb-title.opml: no http(s) feeds in the"
	    " file ("));

	/* Junk, a feed instead of a list, a list without web feeds, an
	 * empty file, a missing file: errors, and no feeds file made. */
	assert_int_equal(feedlist_import_opml(DATA "/opml/junk.opml", feeds,
	    collect, &rep, err, sizeof(err)), -1);
	assert_non_null(strstr(err, DATA "/opml/junk.opml: not an XML file ("));
	assert_int_equal(feedlist_import_opml(DATA "/opml/not-opml.xml", feeds,
	    collect, &rep, err, sizeof(err)), -1);
	assert_string_equal(err, DATA "/opml/not-opml.xml: not an OPML file"
	    " (the root element is <rss>)");
	assert_int_equal(feedlist_import_opml(DATA "/opml/no-http.opml", feeds,
	    collect, &rep, err, sizeof(err)), -1);
	assert_string_equal(err,
	    DATA "/opml/no-http.opml: no http(s) feeds in the file");
	assert_string_equal(reports(&rep), DATA "/opml/no-http.opml:3: skipped"
	    " 'file:///tmp/a.xml': not an http(s) feed\n");
	char *empty = write_file(dir, "empty.opml", "", 0);
	assert_int_equal(feedlist_import_opml(empty, feeds, NULL, NULL, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "not an XML file"));
	free(empty);
	assert_int_equal(feedlist_import_opml(DATA "/opml/none.opml", feeds,
	    NULL, NULL, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "No such file or directory"));
	struct stat st;
	assert_int_equal(stat(feeds, &st), -1);
	buf_fini(&rep);
	free(feeds);
}

/* OPML export. */

static void
test_export(void **state)
{
	const char *dir = *state;
	struct feedlist l, back;
	struct buf rep, out;
	char err[512];

	parse("https://a.example.test/rss \"~A & <B> \\\"C\\\" 'D'\" news\n"
	      "https://b.example.test/rss news/world tech\n"
	      "https://c.example.test/rss\n"
	      "https://d.example.test/rss?x=1&y=2 \"~D\" news/world every:10m\n"
	      "https://e.example.test/rss \"caf\xc3\xa9 cr\xc3\xa8me\"\n"
	      "/srv/local.xml \"~Local\" news\n",
	    "/", &l, &rep, 0);
	assert_string_equal(reports(&rep), "");
	buf_fini(&rep);
	buf_init(&out, 0);
	feedlist_write_opml(&l, &out);
	assert_string_equal(out.p,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n"
	    "<head>\n"
	    "  <title>wiredesk feeds</title>\n"
	    "</head>\n"
	    "<body>\n"
	    "  <outline type=\"rss\" text=\"https://c.example.test/rss\""
	    " xmlUrl=\"https://c.example.test/rss\"/>\n"
	    "  <outline text=\"news\" title=\"news\">\n"
	    "    <outline type=\"rss\" text=\"A &amp; &lt;B&gt; &quot;C&quot;"
	    " &apos;D&apos;\" title=\"A &amp; &lt;B&gt; &quot;C&quot;"
	    " &apos;D&apos;\" xmlUrl=\"https://a.example.test/rss\"/>\n"
	    "    <outline type=\"rss\" text=\"Local\" title=\"Local\""
	    " xmlUrl=\"file:///srv/local.xml\"/>\n"
	    "    <outline text=\"world\" title=\"world\">\n"
	    "      <outline type=\"rss\" text=\"https://b.example.test/rss\""
	    " xmlUrl=\"https://b.example.test/rss\"/>\n"
	    "      <outline type=\"rss\" text=\"D\" title=\"D\""
	    " xmlUrl=\"https://d.example.test/rss?x=1&amp;y=2\"/>\n"
	    "    </outline>\n"
	    "  </outline>\n"
	    "  <outline text=\"tech\" title=\"tech\">\n"
	    "    <outline type=\"rss\" text=\"https://b.example.test/rss\""
	    " xmlUrl=\"https://b.example.test/rss\"/>\n"
	    "  </outline>\n"
	    "  <outline text=\"caf\xc3\xa9 cr\xc3\xa8me\""
	    " title=\"caf\xc3\xa9 cr\xc3\xa8me\">\n"
	    "    <outline type=\"rss\" text=\"https://e.example.test/rss\""
	    " xmlUrl=\"https://e.example.test/rss\"/>\n"
	    "  </outline>\n"
	    "</body>\n"
	    "</opml>\n");

	/* Well-formed XML, by libxml2's strict reading. */
	xmlDocPtr doc = xmlReadMemory(out.p, (int)out.len, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	assert_non_null(doc);
	xmlFreeDoc(doc);

	/* Round trip: every web feed back with its title and tags. */
	char *opml = write_file(dir, "out.opml", out.p, out.len);
	char *feeds = xasprintf("%s/roundtrip", dir);
	buf_init(&rep, 0);
	assert_int_equal(feedlist_import_opml(opml, feeds, collect, &rep, err,
	    sizeof(err)), 5);
	char *want = xasprintf("%s:10: skipped 'file:///srv/local.xml': not an"
	    " http(s) feed\n", opml);
	assert_string_equal(reports(&rep), want);
	free(want);
	assert_int_equal(feedlist_load(feeds, &back, NULL, NULL, err,
	    sizeof(err)), 0);
	assert_int_equal(back.n, 5);
	for (size_t i = 0; i < back.n; i++) {
		const struct feed_src *b = &back.feeds[i];
		const struct feed_src *a = NULL;
		for (size_t j = 0; j < l.n; j++)
			if (strcmp(l.feeds[j].url, b->url) == 0)
				a = &l.feeds[j];
		assert_non_null(a);
		if (!a)
			return;
		if (a->title)
			assert_string_equal(b->title, a->title);
		else
			assert_null(b->title);
		assert_int_equal(b->ntags, a->ntags);
		for (size_t t = 0; t < a->ntags; t++) {
			int found = 0;
			for (size_t u = 0; u < b->ntags; u++)
				found |= strcmp(a->tags[t], b->tags[u]) == 0;
			assert_true(found);
		}
	}
	feedlist_fini(&back);
	feedlist_fini(&l);
	buf_fini(&rep);
	buf_fini(&out);
	free(opml);
	free(feeds);

	/* An empty list is still a valid document. */
	memset(&l, 0, sizeof(l));
	buf_init(&out, 0);
	feedlist_write_opml(&l, &out);
	assert_non_null(strstr(out.p, "<body>\n</body>\n</opml>\n"));
	buf_fini(&out);
}

/* item (RSS) and entry (Atom) elements under n. */
static size_t
count_items(const xmlNode *n)
{
	size_t c = 0;

	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(n->name, (const xmlChar *)"item") ||
		    xmlStrEqual(n->name, (const xmlChar *)"entry"))
			c++;
		else
			c += count_items(n->children);
	}
	return c;
}

/* The bundled lists parse cleanly; every demo feed is there and sound. */
static void
test_demo_list(void **state)
{
	struct feedlist l;
	struct buf rep;
	char err[512];

	(void)state;
	buf_init(&rep, 0);
	assert_int_equal(feedlist_load("feeds/demo.urls", &l, collect, &rep,
	    err, sizeof(err)), 0);
	assert_string_equal(reports(&rep), "");
	assert_true(l.n >= 6);
	size_t total = 0;
	for (size_t i = 0; i < l.n; i++) {
		assert_true(strncmp(l.feeds[i].url, "file:///", 8) == 0);
		assert_non_null(l.feeds[i].title);
		/* Well-formed (no RECOVER: any error fails the read), with
		 * 10 to 15 items each. */
		xmlDocPtr doc = xmlReadFile(l.feeds[i].url + 7, NULL,
		    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		assert_non_null(doc);
		size_t n = count_items(xmlDocGetRootElement(doc));
		assert_in_range(n, 10, 15);
		total += n;
		xmlFreeDoc(doc);
	}
	assert_in_range(total, 70, 100);
	feedlist_fini(&l);
	buf_fini(&rep);

	buf_init(&rep, 0);
	assert_int_equal(feedlist_load("feeds/newsroom.urls", &l, collect, &rep,
	    err, sizeof(err)), 0);
	assert_string_equal(reports(&rep), "");
	assert_true(l.n >= 30);
	for (size_t i = 0; i < l.n; i++) {
		assert_true(strncmp(l.feeds[i].url, "https://", 8) == 0 ||
		    strncmp(l.feeds[i].url, "http://", 7) == 0);
		assert_non_null(l.feeds[i].title);
		assert_true(l.feeds[i].ntags > 0);
	}
	feedlist_fini(&l);
	buf_fini(&rep);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_syntax),
		cmocka_unit_test(test_fixture_crlf_bom),
		cmocka_unit_test(test_bad_lines),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test_setup_teardown(test_paths, setup_tmp,
		    teardown_tmp),
		cmocka_unit_test_setup_teardown(test_load_errors, setup_tmp,
		    teardown_tmp),
		cmocka_unit_test_setup_teardown(test_import, setup_tmp,
		    teardown_tmp),
		cmocka_unit_test_setup_teardown(test_import_hostile, setup_tmp,
		    teardown_tmp),
		cmocka_unit_test_setup_teardown(test_export, setup_tmp,
		    teardown_tmp),
		cmocka_unit_test(test_demo_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
