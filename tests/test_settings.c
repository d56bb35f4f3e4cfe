/* Unit tests for settings: the config file (every setting, suffixes,
 * ranges, bad values, colours, binds), the shared line tokenizer, path
 * expansion and the XDG paths. */
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

#include "buf.h"
#include "settings.h"

/* Collects reports, one per line. */
static void
collect(const char *msg, void *ctx)
{
	struct buf *b = ctx;

	buf_puts(b, msg);
	buf_putc(b, '\n');
}

/* Parses text as file "cfg" over the defaults; reports land in rep. */
static void
parse(const char *text, struct settings *s, struct buf *rep)
{
	settings_defaults(s);
	buf_init(rep, 0);
	assert_int_equal(settings_parse_mem(text, strlen(text), "cfg", s,
	    collect, rep), 0);
}

static const char *
reports(const struct buf *rep)
{
	return rep->p ? rep->p : "";
}

static void
test_defaults(void **state)
{
	struct settings s;

	(void)state;
	settings_defaults(&s);
	assert_int_equal(s.refresh_interval, 300);
	assert_null(s.browser);
	assert_int_equal(s.max_connections, 16);
	assert_int_equal(s.max_host_connections, 4);
	assert_int_equal(s.connect_timeout, 15);
	assert_int_equal(s.timeout, 60);
	assert_int_equal(s.low_speed_limit, 16);
	assert_int_equal(s.low_speed_time, 20);
	assert_int_equal(s.max_body, 8 * 1024 * 1024);
	assert_string_equal(s.user_agent, "wiredesk/" WIREDESK_VERSION);
	assert_int_equal(s.cluster_window, 48 * 3600);
	assert_true(s.cluster_threshold == 0.0);
	assert_int_equal(s.retention_days, 14);
	assert_int_equal(s.max_items_per_feed, 1000);
	assert_null(s.log_file);
	assert_int_equal(s.breaking_window, 3600);
	assert_int_equal(s.breaking_outlets, 3);
	assert_int_equal(s.alert_bell, 1);
	assert_null(s.alert_command);
	assert_int_equal(s.nwatches, 0);
	assert_int_equal(s.ncolors, 0);
	assert_int_equal(s.nbinds, 0);
	settings_fini(&s);
}

static void
test_every_setting(void **state)
{
	struct settings s;
	struct buf rep;

	(void)state;
	setenv("HOME", "/home/reporter", 1);
	parse("# wiredesk config\n"
	      "refresh-interval 10m\n"
	      "browser \"firefox --new-tab\"   # trailing comment\n"
	      "max-connections 32\n"
	      "max-host-connections 2\n"
	      "connect-timeout 5\n"
	      "timeout 2m\n"
	      "low-speed-limit 1K\n"
	      "low-speed-time 30s\n"
	      "max-body 16M\n"
	      "user-agent \"wiredesk-test/1.0 (+https://example.test/)\"\n"
	      "cluster-window 36h\n"
	      "cluster-threshold 0.35\n"
	      "retention-days 30\n"
	      "max-items-per-feed 250\n"
	      "log-file ~/logs/wiredesk.log\n"
	      "breaking-window 90m\n"
	      "breaking-outlets 5\n"
	      "alert-bell no\n"
	      "alert-command \"notify-send -- wiredesk\"\n",
	    &s, &rep);
	assert_string_equal(reports(&rep), "");
	assert_int_equal(s.breaking_window, 90 * 60);
	assert_int_equal(s.breaking_outlets, 5);
	assert_int_equal(s.alert_bell, 0);
	assert_string_equal(s.alert_command, "notify-send -- wiredesk");
	assert_int_equal(s.refresh_interval, 600);
	assert_string_equal(s.browser, "firefox --new-tab");
	assert_int_equal(s.max_connections, 32);
	assert_int_equal(s.max_host_connections, 2);
	assert_int_equal(s.connect_timeout, 5);
	assert_int_equal(s.timeout, 120);
	assert_int_equal(s.low_speed_limit, 1024);
	assert_int_equal(s.low_speed_time, 30);
	assert_int_equal(s.max_body, 16 * 1024 * 1024);
	assert_string_equal(s.user_agent,
	    "wiredesk-test/1.0 (+https://example.test/)");
	assert_int_equal(s.cluster_window, 36 * 3600);
	assert_true(s.cluster_threshold > 0.3499 &&
	    s.cluster_threshold < 0.3501);
	assert_int_equal(s.retention_days, 30);
	assert_int_equal(s.max_items_per_feed, 250);
	assert_string_equal(s.log_file, "/home/reporter/logs/wiredesk.log");
	settings_fini(&s);
	buf_fini(&rep);

	/* Empty strings go back to "not set"; a later line wins. */
	parse("browser firefox\nbrowser \"\"\nlog-file /tmp/a\nlog-file \"\"\n"
	      "refresh-interval 60\nrefresh-interval 120\n",
	    &s, &rep);
	assert_string_equal(reports(&rep), "");
	assert_null(s.browser);
	assert_null(s.log_file);
	assert_int_equal(s.refresh_interval, 120);
	settings_fini(&s);
	buf_fini(&rep);
}

static void
test_suffixes(void **state)
{
	int64_t d;
	uint64_t z;

	(void)state;
	assert_int_equal(settings_parse_duration("300", &d), 0);
	assert_int_equal(d, 300);
	assert_int_equal(settings_parse_duration("90s", &d), 0);
	assert_int_equal(d, 90);
	assert_int_equal(settings_parse_duration("10m", &d), 0);
	assert_int_equal(d, 600);
	assert_int_equal(settings_parse_duration("2H", &d), 0);
	assert_int_equal(d, 7200);
	assert_int_equal(settings_parse_duration("1d", &d), 0);
	assert_int_equal(d, 86400);
	assert_int_equal(settings_parse_duration("", &d), -1);
	assert_int_equal(settings_parse_duration("m", &d), -1);
	assert_int_equal(settings_parse_duration("-5", &d), -1);
	assert_int_equal(settings_parse_duration("+5", &d), -1);
	assert_int_equal(settings_parse_duration(" 5", &d), -1);
	assert_int_equal(settings_parse_duration("5 m", &d), -1);
	assert_int_equal(settings_parse_duration("5x", &d), -1);
	assert_int_equal(settings_parse_duration("5mm", &d), -1);
	assert_int_equal(settings_parse_duration("1.5h", &d), -1);
	assert_int_equal(settings_parse_duration("99999999999999999999", &d),
	    -1);
	assert_int_equal(settings_parse_duration("999999999999999999d", &d),
	    -1);

	assert_int_equal(settings_parse_size("4096", &z), 0);
	assert_int_equal(z, 4096);
	assert_int_equal(settings_parse_size("512K", &z), 0);
	assert_int_equal(z, 512 * 1024);
	assert_int_equal(settings_parse_size("8m", &z), 0);
	assert_int_equal(z, 8 * 1024 * 1024);
	assert_int_equal(settings_parse_size("1G", &z), 0);
	assert_int_equal(z, 1024 * 1024 * 1024);
	assert_int_equal(settings_parse_size("1KB", &z), -1);
	assert_int_equal(settings_parse_size("1T", &z), -1);
	assert_int_equal(settings_parse_size("K", &z), -1);
}

static void
test_ranges(void **state)
{
	struct settings s;
	struct buf rep;

	(void)state;
	parse("refresh-interval 10s\n"
	      "refresh-interval 8d\n"
	      "max-connections 0\n"
	      "max-connections 257\n"
	      "max-host-connections 65\n"
	      "connect-timeout 0\n"
	      "connect-timeout 6m\n"
	      "timeout 2h\n"
	      "low-speed-limit 2G\n"
	      "low-speed-time 61m\n"
	      "max-body 512\n"
	      "max-body 2G\n"
	      "cluster-window 59m\n"
	      "cluster-window 31d\n"
	      "cluster-threshold 1.01\n"
	      "retention-days 0\n"
	      "retention-days 3651\n"
	      "max-items-per-feed 100001\n"
	      "breaking-window 59s\n"
	      "breaking-window 25h\n"
	      "breaking-outlets 1\n"
	      "breaking-outlets 1001\n",
	    &s, &rep);
	assert_string_equal(reports(&rep),
	    "cfg:1: refresh-interval: 10s is out of range (30s to 7d)\n"
	    "cfg:2: refresh-interval: 8d is out of range (30s to 7d)\n"
	    "cfg:3: max-connections: 0 is out of range (1 to 256)\n"
	    "cfg:4: max-connections: 257 is out of range (1 to 256)\n"
	    "cfg:5: max-host-connections: 65 is out of range (1 to 64)\n"
	    "cfg:6: connect-timeout: 0 is out of range (1s to 5m)\n"
	    "cfg:7: connect-timeout: 6m is out of range (1s to 5m)\n"
	    "cfg:8: timeout: 2h is out of range (1s to 1h)\n"
	    "cfg:9: low-speed-limit: 2G is out of range (0 to 1G)\n"
	    "cfg:10: low-speed-time: 61m is out of range (0s to 1h)\n"
	    "cfg:11: max-body: 512 is out of range (1K to 1G)\n"
	    "cfg:12: max-body: 2G is out of range (1K to 1G)\n"
	    "cfg:13: cluster-window: 59m is out of range (1h to 30d)\n"
	    "cfg:14: cluster-window: 31d is out of range (1h to 30d)\n"
	    "cfg:15: cluster-threshold: 1.01 is out of range (0 to 1)\n"
	    "cfg:16: retention-days: 0 is out of range (1 to 3650)\n"
	    "cfg:17: retention-days: 3651 is out of range (1 to 3650)\n"
	    "cfg:18: max-items-per-feed: 100001 is out of range (1 to"
	    " 100000)\n"
	    "cfg:19: breaking-window: 59s is out of range (1m to 1d)\n"
	    "cfg:20: breaking-window: 25h is out of range (1m to 1d)\n"
	    "cfg:21: breaking-outlets: 1 is out of range (2 to 1000)\n"
	    "cfg:22: breaking-outlets: 1001 is out of range (2 to 1000)\n");
	assert_int_equal(s.breaking_window, 3600);
	assert_int_equal(s.breaking_outlets, 3);
	/* Nothing changed. */
	assert_int_equal(s.refresh_interval, 300);
	assert_int_equal(s.max_connections, 16);
	assert_int_equal(s.max_host_connections, 4);
	assert_int_equal(s.connect_timeout, 15);
	assert_int_equal(s.timeout, 60);
	assert_int_equal(s.low_speed_limit, 16);
	assert_int_equal(s.low_speed_time, 20);
	assert_int_equal(s.max_body, 8 * 1024 * 1024);
	assert_int_equal(s.cluster_window, 48 * 3600);
	assert_true(s.cluster_threshold == 0.0);
	assert_int_equal(s.retention_days, 14);
	assert_int_equal(s.max_items_per_feed, 1000);
	settings_fini(&s);
	buf_fini(&rep);

	/* The bounds themselves are accepted. */
	parse("refresh-interval 30\nrefresh-interval 7d\nmax-connections 256\n"
	      "low-speed-limit 0\nlow-speed-time 0\nmax-body 1K\n"
	      "cluster-threshold 1\ncluster-threshold 0\ncluster-window 1h\n",
	    &s, &rep);
	assert_string_equal(reports(&rep), "");
	assert_int_equal(s.refresh_interval, 7 * 86400);
	assert_int_equal(s.max_connections, 256);
	assert_int_equal(s.low_speed_limit, 0);
	assert_int_equal(s.low_speed_time, 0);
	assert_int_equal(s.max_body, 1024);
	assert_true(s.cluster_threshold == 0.0);
	assert_int_equal(s.cluster_window, 3600);
	settings_fini(&s);
	buf_fini(&rep);
}

static void
test_bad_values(void **state)
{
	struct settings s;
	struct buf rep;

	(void)state;
	parse("refresh-interval soon\n"
	      "max-connections -4\n"
	      "max-connections 1.5\n"
	      "retention-days 10d\n"
	      "max-body 8X\n"
	      "cluster-threshold high\n"
	      "cluster-threshold 0,5\n"
	      "cluster-threshold -0.1\n"
	      "user-agent \"\"\n"
	      "timeout\n"
	      "timeout 1 2\n"
	      "browser firefox --new-tab\n"
	      "alert-bell maybe\n"
	      "alert-bell YES\n"
	      "alert-bell\n",
	    &s, &rep);
	assert_string_equal(reports(&rep),
	    "cfg:1: refresh-interval: 'soon' is not a duration (like 300, 90s,"
	    " 10m, 2h)\n"
	    "cfg:2: max-connections: '-4' is not a whole number\n"
	    "cfg:3: max-connections: '1.5' is not a whole number\n"
	    "cfg:4: retention-days: '10d' is not a whole number\n"
	    "cfg:5: max-body: '8X' is not a size (like 1048576, 512K, 8M)\n"
	    "cfg:6: cluster-threshold: 'high' is not a number\n"
	    "cfg:7: cluster-threshold: '0,5' is not a number\n"
	    "cfg:8: cluster-threshold: '-0.1' is not a number\n"
	    "cfg:9: user-agent: empty value\n"
	    "cfg:10: timeout needs a value\n"
	    "cfg:11: timeout takes one value (quote a value with spaces)\n"
	    "cfg:12: browser takes one value (quote a value with spaces)\n"
	    "cfg:13: alert-bell: 'maybe' is not yes or no\n"
	    "cfg:14: alert-bell: 'YES' is not yes or no\n"
	    "cfg:15: alert-bell needs a value\n");
	assert_int_equal(s.alert_bell, 1);
	assert_int_equal(s.refresh_interval, 300);
	assert_int_equal(s.max_connections, 16);
	assert_string_equal(s.user_agent, "wiredesk/" WIREDESK_VERSION);
	assert_null(s.browser);
	settings_fini(&s);
	buf_fini(&rep);

	/* A string past its cap. */
	char big[400];
	memset(big, 'a', sizeof(big));
	memcpy(big, "user-agent ", 11);
	big[sizeof(big) - 1] = '\0';
	parse(big, &s, &rep);
	assert_string_equal(reports(&rep),
	    "cfg:1: user-agent: longer than 256 bytes\n");
	settings_fini(&s);
	buf_fini(&rep);
}

static void
test_watch(void **state)
{
	struct settings s;
	struct buf rep;

	(void)state;
	parse("watch Sony \"PlayStation Network\" DerpTrolling\n"
	      "watch ECB tag:markets \"tag:central banks\"\n"
	      "watch\n"
	      "watch tag:markets\n"
	      "watch \"\" Sony\n"
	      "watch Sony tag:\n"
	      "watch \"Bank of England\"   # a comment\n",
	    &s, &rep);
	assert_string_equal(reports(&rep),
	    "cfg:3: watch needs a term (watch TERM... [tag:TAG...])\n"
	    "cfg:4: watch needs a term (watch TERM... [tag:TAG...])\n"
	    "cfg:5: watch: empty term\n"
	    "cfg:6: watch: empty tag in 'tag:'\n");
	assert_int_equal(s.nwatches, 5);
	static const char *const terms[] = {"Sony", "PlayStation Network",
	    "DerpTrolling", "ECB", "Bank of England"};
	static const unsigned lines[] = {1, 1, 1, 2, 7};
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(s.watches[i].term, terms[i]);
		assert_string_equal(s.watches[i].file, "cfg");
		assert_int_equal(s.watches[i].line, lines[i]);
		assert_int_equal(s.watches[i].ntags, i == 3 ? 2 : 0);
	}
	assert_string_equal(s.watches[3].tags[0], "markets");
	assert_string_equal(s.watches[3].tags[1], "central banks");
	settings_fini(&s);
	buf_fini(&rep);
}

static void
test_unknown_names(void **state)
{
	struct settings s;
	struct buf rep;

	(void)state;
	parse("reload-time 5\n"
	      "\n"
	      "  # indented comment\n"
	      "Refresh-Interval 60\n"
	      "refresh-interval 60\n",
	    &s, &rep);
	assert_string_equal(reports(&rep),
	    "cfg:1: unknown setting 'reload-time'\n"
	    "cfg:4: unknown setting 'Refresh-Interval'\n");
	assert_int_equal(s.refresh_interval, 60);
	settings_fini(&s);
	buf_fini(&rep);
}

static void
test_colors(void **state)
{
	struct settings s;
	struct buf rep;

	(void)state;
	parse("color title yellow default bold\n"
	      "color selected black cyan reverse underline\n"
	      "color new color208 color0 bold\n"
	      "color title white blue\n"
	      "color bogus red red\n"
	      "color status pink black\n"
	      "color status red color256\n"
	      "color status red color07\n"
	      "color error red black blink\n"
	      "color help red\n"
	      "color default default default\n"
	      "color outlet green default\n"
	      "color dim color8 default\n"
	      "color status white blue\n"
	      "color error red default bold\n"
	      "color help cyan default\n"
	      "color selected-border cyan default bold\n"
	      "color border blue default\n"
	      "color link blue default underline\n",
	    &s, &rep);
	assert_string_equal(reports(&rep),
	    "cfg:5: color: unknown element 'bogus'\n"
	    "cfg:6: color: unknown color 'pink' (black, red, green, yellow,"
	    " blue, magenta, cyan, white, default or color0 to color255)\n"
	    "cfg:7: color: unknown color 'color256' (black, red, green,"
	    " yellow, blue, magenta, cyan, white, default or color0 to"
	    " color255)\n"
	    "cfg:8: color: unknown color 'color07' (black, red, green, yellow,"
	    " blue, magenta, cyan, white, default or color0 to color255)\n"
	    "cfg:9: color: unknown attribute 'blink' (bold, underline or"
	    " reverse)\n"
	    "cfg:10: color needs ELEMENT FOREGROUND BACKGROUND [bold]"
	    " [underline] [reverse]\n");
	assert_int_equal(s.ncolors, 12);
	assert_string_equal(s.colors[9].element, "selected-border");
	assert_true(s.colors[9].bold);
	assert_string_equal(s.colors[11].element, "link");
	assert_true(s.colors[11].underline);
	/* "title" was replaced in place by line 4. */
	struct setting_color *c = &s.colors[0];
	assert_string_equal(c->element, "title");
	assert_string_equal(c->fg, "white");
	assert_string_equal(c->bg, "blue");
	assert_int_equal(c->fgi, 7);
	assert_int_equal(c->bgi, 4);
	assert_false(c->bold);
	c = &s.colors[1];
	assert_string_equal(c->element, "selected");
	assert_int_equal(c->fgi, 0);
	assert_int_equal(c->bgi, 6);
	assert_true(c->reverse);
	assert_true(c->underline);
	assert_false(c->bold);
	c = &s.colors[2];
	assert_string_equal(c->element, "new");
	assert_string_equal(c->fg, "color208");
	assert_int_equal(c->fgi, 208);
	assert_int_equal(c->bgi, 0);
	assert_true(c->bold);
	c = &s.colors[3];
	assert_string_equal(c->element, "default");
	assert_int_equal(c->fgi, -1);
	assert_int_equal(c->bgi, -1);
	assert_string_equal(s.colors[4].element, "outlet");
	assert_int_equal(s.colors[5].fgi, 8);
	assert_string_equal(s.colors[6].element, "status");
	assert_string_equal(s.colors[7].element, "error");
	assert_true(s.colors[7].bold);
	assert_string_equal(s.colors[8].element, "help");
	settings_fini(&s);
	buf_fini(&rep);
}

static void
test_binds(void **state)
{
	struct settings s;
	struct buf rep;

	(void)state;
	parse("bind j down\n"
	      "bind ^R reload-all board\n"
	      "bind \"SPACE\" page-down reader\n"
	      "bind x\n"
	      "bind a b c d\n"
	      "bind F5 reload\n",
	    &s, &rep);
	assert_string_equal(reports(&rep),
	    "cfg:4: bind needs KEY ACTION [VIEW]\n"
	    "cfg:5: bind needs KEY ACTION [VIEW]\n");
	assert_int_equal(s.nbinds, 4);
	assert_string_equal(s.binds[0].key, "j");
	assert_string_equal(s.binds[0].action, "down");
	assert_null(s.binds[0].view);
	assert_int_equal(s.binds[0].line, 1);
	assert_string_equal(s.binds[0].file, "cfg");
	assert_string_equal(s.binds[1].key, "^R");
	assert_string_equal(s.binds[1].action, "reload-all");
	assert_string_equal(s.binds[1].view, "board");
	assert_int_equal(s.binds[1].line, 2);
	assert_string_equal(s.binds[2].key, "SPACE");
	assert_string_equal(s.binds[2].view, "reader");
	assert_int_equal(s.binds[3].line, 6);
	settings_fini(&s);
	buf_fini(&rep);
}

/* The tokenizer the feeds file shares. */
static void
dump_words(unsigned line, char **w, size_t n, void *ctx)
{
	struct buf *b = ctx;

	buf_appendf(b, "%u:", line);
	for (size_t i = 0; i < n; i++)
		buf_appendf(b, "[%s]", w[i]);
	buf_putc(b, '\n');
}

static void
tokenize(const char *text, size_t len, struct buf *words, struct buf *rep)
{
	buf_init(words, 0);
	buf_init(rep, 0);
	settings_each_line(text, len, "f", dump_words, words, collect, rep);
}

static void
test_tokenizer(void **state)
{
	struct buf w, rep;

	(void)state;
	const char text[] =
	    "\xef\xbb\xbf" "a b\tc\r\n"
	    "\"quoted word\" \"esc \\\"q\\\" \\\\ \\x\" \"\"\n"
	    "http://x/#frag \"#not comment\" # comment \"unterminated\n"
	    "\"a\"b c\"d\n"
	    "   \t  \n"
	    "# only a comment \x01 \xff\n"
	    "word\"with\"quotes end";
	tokenize(text, sizeof(text) - 1, &w, &rep);
	assert_string_equal(reports(&rep), "");
	assert_string_equal(w.p,
	    "1:[a][b][c]\n"
	    "2:[quoted word][esc \"q\" \\ x][]\n"
	    "3:[http://x/#frag][#not comment]\n"
	    "4:[a][b][c\"d]\n"
	    "7:[word\"with\"quotes][end]\n");
	buf_fini(&w);
	buf_fini(&rep);

	/* Bad lines: reported, skipped, the rest kept. */
	char longline[SETTINGS_LINE_MAX + 20];
	memset(longline, 'x', sizeof(longline));
	struct buf t;
	buf_init(&t, 0);
	buf_puts(&t, "ok 1\n");
	buf_puts(&t, "open \"quote\n");
	buf_puts(&t, "bell\x07 x\n");
	buf_puts(&t, "\"esc \\n newline\"\n");
	buf_puts(&t, "latin1 caf\xe9\n");
	buf_append(&t, "nul \0 x\n", 8);
	buf_puts(&t, "c1 \xc2\x85\n");
	buf_append(&t, longline, sizeof(longline));
	buf_puts(&t, "\nok 9\r\n");
	buf_puts(&t, "fine \xef\xbf\xbd \xe2\x82\xac\n");
	tokenize(t.p, t.len, &w, &rep);
	assert_string_equal(reports(&rep),
	    "f:2: unterminated quote\n"
	    "f:3: control character\n"
	    "f:4: control character\n"
	    "f:5: invalid UTF-8\n"
	    "f:6: control character\n"
	    "f:7: control character\n"
	    "f:8: line too long (over 8192 bytes)\n");
	assert_string_equal(w.p, "1:[ok][1]\n9:[ok][9]\n"
				 "10:[fine][\xef\xbf\xbd][\xe2\x82\xac]\n");
	buf_fini(&t);
	buf_fini(&w);
	buf_fini(&rep);

	/* Exactly SETTINGS_LINE_MAX bytes is fine; an empty input is. */
	memset(longline, 'y', SETTINGS_LINE_MAX);
	tokenize(longline, SETTINGS_LINE_MAX, &w, &rep);
	assert_string_equal(reports(&rep), "");
	assert_int_equal(w.len, SETTINGS_LINE_MAX + 5);
	buf_fini(&w);
	buf_fini(&rep);
	tokenize("", 0, &w, &rep);
	assert_null(w.p);
	assert_null(rep.p);
}

static void
test_expand_path(void **state)
{
	char *p;

	(void)state;
	setenv("HOME", "/home/r/", 1);
	p = settings_expand_path("~/feeds/a.xml", NULL);
	assert_string_equal(p, "/home/r/feeds/a.xml");
	free(p);
	p = settings_expand_path("~", "/base");
	assert_string_equal(p, "/home/r");
	free(p);
	p = settings_expand_path("demo/a.xml", "/srv/feeds");
	assert_string_equal(p, "/srv/feeds/demo/a.xml");
	free(p);
	p = settings_expand_path("./x/../y//z/.", "/srv/feeds/");
	assert_string_equal(p, "/srv/feeds/y/z");
	free(p);
	p = settings_expand_path("../../../../a", "/srv/feeds");
	assert_string_equal(p, "/a");
	free(p);
	p = settings_expand_path("/abs/./path/", "/ignored");
	assert_string_equal(p, "/abs/path");
	free(p);
	p = settings_expand_path("rel/../../up", NULL);
	assert_string_equal(p, "../up");
	free(p);
	p = settings_expand_path("a/..", NULL);
	assert_string_equal(p, ".");
	free(p);
	p = settings_expand_path("/", NULL);
	assert_string_equal(p, "/");
	free(p);
	assert_null(settings_expand_path("", "/x"));
	assert_null(settings_expand_path("~bob/x", "/x"));
	unsetenv("HOME");
	assert_null(settings_expand_path("~/x", "/x"));
	setenv("HOME", "", 1);
	assert_null(settings_expand_path("~/x", "/x"));
}

static void
test_xdg_paths(void **state)
{
	char *p;

	(void)state;
	setenv("HOME", "/home/r", 1);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_DATA_HOME");
	p = settings_config_path("config");
	assert_string_equal(p, "/home/r/.config/wiredesk/config");
	free(p);
	p = settings_data_path("wiredesk.db");
	assert_string_equal(p, "/home/r/.local/share/wiredesk/wiredesk.db");
	free(p);

	setenv("XDG_CONFIG_HOME", "/xdg/conf/", 1);
	setenv("XDG_DATA_HOME", "/xdg/data", 1);
	p = settings_config_path("feeds");
	assert_string_equal(p, "/xdg/conf/wiredesk/feeds");
	free(p);
	p = settings_data_path("wiredesk.db");
	assert_string_equal(p, "/xdg/data/wiredesk/wiredesk.db");
	free(p);

	/* Empty or relative values are ignored, as the XDG spec says. */
	setenv("XDG_CONFIG_HOME", "", 1);
	setenv("XDG_DATA_HOME", "relative/data", 1);
	p = settings_config_path("config");
	assert_string_equal(p, "/home/r/.config/wiredesk/config");
	free(p);
	p = settings_data_path("x");
	assert_string_equal(p, "/home/r/.local/share/wiredesk/x");
	free(p);

	/* No HOME: only an absolute XDG variable helps. */
	unsetenv("HOME");
	assert_null(settings_config_path("config"));
	assert_null(settings_data_path("x"));
	setenv("XDG_CONFIG_HOME", "/c", 1);
	p = settings_config_path("config");
	assert_string_equal(p, "/c/wiredesk/config");
	free(p);
	setenv("XDG_CONFIG_HOME", "/", 1);
	p = settings_config_path("config");
	assert_string_equal(p, "/wiredesk/config");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/r", 1);
}

static void
test_load(void **state)
{
	char dir[] = "/tmp/wiredesk-settings-XXXXXX";
	char path[256], err[256];
	struct settings s;
	struct buf rep;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/config", dir);

	/* Missing: fine, nothing changes, nothing reported. */
	settings_defaults(&s);
	buf_init(&rep, 0);
	err[0] = '\0';
	assert_int_equal(settings_load(path, &s, collect, &rep, err,
	    sizeof(err)), 0);
	assert_null(rep.p);
	assert_string_equal(err, "");
	assert_int_equal(s.refresh_interval, 300);

	/* A real file, with CRLF and a BOM. */
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs("\xef\xbb\xbfrefresh-interval 2m\r\nmax-body 4M\r\n"
	      "wat 1\r\nbind q quit\r\n", fp);
	fclose(fp);
	assert_int_equal(settings_load(path, &s, collect, &rep, err,
	    sizeof(err)), 0);
	assert_int_equal(s.refresh_interval, 120);
	assert_int_equal(s.max_body, 4 * 1024 * 1024);
	char want[512];
	snprintf(want, sizeof(want), "%s:3: unknown setting 'wat'\n", path);
	assert_string_equal(rep.p, want);
	assert_int_equal(s.nbinds, 1);
	assert_string_equal(s.binds[0].file, path);
	assert_int_equal(s.binds[0].line, 4);

	/* Loading again reads over the current values. */
	fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs("timeout 30\nbind r reload\n", fp);
	fclose(fp);
	assert_int_equal(settings_load(path, &s, NULL, NULL, err,
	    sizeof(err)), 0);
	assert_int_equal(s.refresh_interval, 120);
	assert_int_equal(s.timeout, 30);
	assert_int_equal(s.nbinds, 2);

	/* A directory is an error. */
	assert_int_equal(settings_load(dir, &s, collect, &rep, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "is a directory"));

	/* An unreadable file is an error (root reads anything). */
	if (geteuid() != 0) {
		assert_int_equal(chmod(path, 0), 0);
		err[0] = '\0';
		assert_int_equal(settings_load(path, &s, collect, &rep, err,
		    sizeof(err)), -1);
		assert_non_null(strstr(err, "Permission denied"));
	}
	settings_fini(&s);
	buf_fini(&rep);
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_every_setting),
		cmocka_unit_test(test_suffixes),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_watch),
		cmocka_unit_test(test_unknown_names),
		cmocka_unit_test(test_colors),
		cmocka_unit_test(test_binds),
		cmocka_unit_test(test_tokenizer),
		cmocka_unit_test(test_expand_path),
		cmocka_unit_test(test_xdg_paths),
		cmocka_unit_test(test_load),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
