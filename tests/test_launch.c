/* Unit tests for launch: which URLs may be opened, splitting a browser
 * command without a shell, %u substitution, and real launches of a
 * recording script that prove the URL (and, for the alert command, a
 * headline) arrives as one unmodified argument and that no shell ever
 * interprets it. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "launch.h"

struct tmp {
	char dir[64];
	char script[128];
	char out[128];
	char marker[128];
};

static void
test_url_ok(void **state)
{
	(void)state;
	assert_true(launch_url_ok("http://example.com/"));
	assert_true(launch_url_ok("https://example.com/a?b=1&c=2#x"));
	assert_true(launch_url_ok("HTTPS://EXAMPLE.COM"));
	assert_true(
	    launch_url_ok("https://x.test/a?b=1&c=$(touch /tmp/x);'\"|"));
	assert_false(launch_url_ok("javascript:alert(1)"));
	assert_false(launch_url_ok("JavaScript:alert(1)"));
	assert_false(launch_url_ok("file:///etc/passwd"));
	assert_false(launch_url_ok("data:text/html,<script>"));
	assert_false(launch_url_ok("ftp://example.com/"));
	assert_false(launch_url_ok("mailto:a@b.c"));
	assert_false(launch_url_ok(" http://example.com/"));
	assert_false(launch_url_ok("-http://example.com/"));
	assert_false(launch_url_ok("http://"));
	assert_false(launch_url_ok("http:/example.com"));
	assert_false(launch_url_ok("http://a\nb"));
	assert_false(launch_url_ok("http://a\x1b[2Jb"));
	assert_false(launch_url_ok(""));
	assert_false(launch_url_ok(NULL));
}

static void
expect_split(const char *cmd, const char *const *want, size_t nwant)
{
	char **argv = NULL, err[128];
	size_t argc = 0;

	assert_int_equal(launch_split(cmd, &argv, &argc, err, sizeof(err)), 0);
	assert_int_equal(argc, nwant);
	for (size_t i = 0; i < nwant; i++)
		assert_string_equal(argv[i], want[i]);
	assert_null(argv[argc]);
	launch_argv_free(argv);
}

static void
test_split(void **state)
{
	(void)state;
	char **argv = NULL, err[128];
	size_t argc = 0;

	expect_split("firefox", (const char *const[]){"firefox"}, 1);
	expect_split("  firefox  --new-tab\t",
	    (const char *const[]){"firefox", "--new-tab"}, 2);
	expect_split("'/opt/My Browser/run' -x",
	    (const char *const[]){"/opt/My Browser/run", "-x"}, 2);
	expect_split("\"a \\\"b\\\" \\\\ \\n\" c",
	    (const char *const[]){"a \"b\" \\ \\n", "c"}, 2);
	expect_split("a\\ b c\\'d", (const char *const[]){"a b", "c'd"}, 2);
	expect_split("x '' \"\"", (const char *const[]){"x", "", ""}, 3);
	expect_split("x 'it'\"s\"", (const char *const[]){"x", "its"}, 2);
	/* Nothing a shell would act on is special. */
	expect_split("echo $(id) `id` ; rm -rf * | cat > f &",
	    (const char *const[]){"echo", "$(id)", "`id`", ";", "rm", "-rf",
	        "*", "|", "cat", ">", "f", "&"},
	    12);

	assert_int_equal(launch_split("", &argv, &argc, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "empty"));
	assert_int_equal(
	    launch_split("   ", &argv, &argc, err, sizeof(err)), -1);
	assert_int_equal(
	    launch_split("a 'b", &argv, &argc, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "quote"));
	assert_int_equal(
	    launch_split("a \"b", &argv, &argc, err, sizeof(err)), -1);
}

static void
test_argv(void **state)
{
	(void)state;
	char **argv = NULL, err[128];
	const char *url = "https://x.test/a?b=1&c=%u";

	assert_int_equal(
	    launch_argv("firefox --new-tab", url, &argv, err, sizeof(err)), 0);
	assert_string_equal(argv[0], "firefox");
	assert_string_equal(argv[1], "--new-tab");
	assert_string_equal(argv[2], url); /* unmodified, its %u too */
	assert_null(argv[3]);
	launch_argv_free(argv);

	assert_int_equal(
	    launch_argv("b --url=%u --x 100%", url, &argv, err, sizeof(err)),
	    0);
	assert_string_equal(argv[1], "--url=https://x.test/a?b=1&c=%u");
	assert_string_equal(argv[2], "--x");
	assert_string_equal(argv[3], "100%");
	assert_null(argv[4]);
	launch_argv_free(argv);

	/* $BROWSER's %s convention */
	assert_int_equal(
	    launch_argv("lynx %s", "http://a.test/", &argv, err, sizeof(err)),
	    0);
	assert_string_equal(argv[1], "http://a.test/");
	assert_null(argv[2]);
	launch_argv_free(argv);

	assert_int_equal(
	    launch_argv("'", "http://a/", &argv, err, sizeof(err)), -1);
}

static void
test_command(void **state)
{
	(void)state;
	char *c;

	setenv("BROWSER", "lynx -dump:w3m", 1);
	c = launch_command("firefox");
	assert_string_equal(c, "firefox");
	free(c);
	c = launch_command(NULL);
	assert_string_equal(c, "lynx -dump");
	free(c);
	c = launch_command("");
	assert_string_equal(c, "lynx -dump");
	free(c);
	unsetenv("BROWSER");
	c = launch_command(NULL);
	assert_string_equal(c, "xdg-open");
	free(c);
}

static int
tmp_setup(void **state)
{
	struct tmp *t = calloc(1, sizeof(*t));
	FILE *f;

	snprintf(t->dir, sizeof(t->dir), "/tmp/wiredesk-launch-XXXXXX");
	if (!mkdtemp(t->dir))
		return -1;
	snprintf(t->script, sizeof(t->script), "%s/rec.sh", t->dir);
	snprintf(t->out, sizeof(t->out), "%s/out", t->dir);
	snprintf(t->marker, sizeof(t->marker), "%s/PWNED", t->dir);
	/* Records its argument count, session, stdio and each argument
	 * (NUL-terminated) in the file named by its first argument. */
	f = fopen(t->script, "w");
	if (!f)
		return -1;
	fputs("#!/bin/sh\n"
	      "out=$1\n"
	      "shift\n"
	      "so=$(readlink /proc/$$/fd/1)\n"
	      "si=$(readlink /proc/$$/fd/0)\n"
	      "{\n"
	      "  printf 'argc=%s\\n' \"$#\"\n"
	      "  printf 'sid=%s pid=%s\\n' \"$(cut -d' ' -f6 /proc/$$/stat)\""
	      " \"$$\"\n"
	      "  printf 'stdout=%s\\n' \"$so\"\n"
	      "  printf 'stdin=%s\\n' \"$si\"\n"
	      "  for a; do printf '%s\\0' \"$a\"; done\n"
	      "} > \"$out.tmp\"\n"
	      "mv \"$out.tmp\" \"$out\"\n",
	    f);
	fclose(f);
	chmod(t->script, 0755);
	*state = t;
	return 0;
}

static int
tmp_teardown(void **state)
{
	struct tmp *t = *state;
	char path[192];
	static const char *const names[] = {
	    "rec.sh",
	    "out",
	    "out.tmp",
	    "PWNED",
	    "PWNED2",
	    "PWNED3",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", t->dir, names[i]);
		unlink(path);
	}
	rmdir(t->dir);
	free(t);
	return 0;
}

/* Waits for the one child launch_url started and reads what it wrote. */
static char *
wait_record(const struct tmp *t, size_t *len)
{
	int st;
	pid_t pid;

	do
		pid = waitpid(-1, &st, 0);
	while (pid < 0 && errno == EINTR);
	assert_true(pid > 0);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	FILE *f = fopen(t->out, "rb");
	assert_non_null(f);
	char *data = calloc(1, 8192);
	*len = fread(data, 1, 8191, f);
	fclose(f);
	unlink(t->out);
	return data;
}

static int
exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

/* None of the three commands the hostile texts smuggle in ran: no shell
 * ever saw them. */
static void
assert_no_shell(const struct tmp *t)
{
	char m[192];

	assert_false(exists(t->marker));
	snprintf(m, sizeof(m), "%s2", t->marker);
	assert_false(exists(m));
	snprintf(m, sizeof(m), "%s3", t->marker);
	assert_false(exists(m));
}

static void
test_launch_exact_argument(void **state)
{
	const struct tmp *t = *state;
	char cmd[512], err[256], url[512];
	size_t len;

	snprintf(url, sizeof(url),
	    "https://x.test/a?b=1&c=$(touch %s);`touch %s2`;touch %s3;'\"|"
	    " &>x",
	    t->marker, t->marker, t->marker);
	/* launch_url_ok refuses no such URL: spaces are not control. */
	snprintf(cmd, sizeof(cmd), "'%s' '%s'", t->script, t->out);
	assert_int_equal(launch_url(cmd, url, err, sizeof(err)), 0);
	char *rec = wait_record(t, &len);
	assert_non_null(strstr(rec, "argc=1\n"));
	/* One argument, byte for byte the URL. */
	char *arg = strstr(rec, "stdin=");
	assert_non_null(arg);
	arg = strchr(arg, '\n') + 1;
	assert_string_equal(arg, url);
	assert_int_equal((size_t)(arg - rec) + strlen(url) + 1, len);
	/* stdio on /dev/null, a session of its own */
	assert_non_null(strstr(rec, "stdout=/dev/null\n"));
	assert_non_null(strstr(rec, "stdin=/dev/null\n"));
	unsigned sid = 0, pid = 1;
	char *s = strstr(rec, "sid=");
	assert_non_null(s);
	assert_int_equal(sscanf(s, "sid=%u pid=%u", &sid, &pid), 2);
	assert_int_equal(sid, pid);
	free(rec);
	/* No shell ever saw the URL. */
	assert_no_shell(t);
}

static void
test_launch_substitute(void **state)
{
	const struct tmp *t = *state;
	char cmd[512], err[256];
	const char *url = "https://news.test/story?id=7&x=%u";
	size_t len;

	snprintf(cmd, sizeof(cmd), "%s %s --new-tab \"--url=%%u\" last",
	    t->script, t->out);
	assert_int_equal(launch_url(cmd, url, err, sizeof(err)), 0);
	char *rec = wait_record(t, &len);
	assert_non_null(strstr(rec, "argc=3\n"));
	char *arg = strchr(strstr(rec, "stdin="), '\n') + 1;
	assert_string_equal(arg, "--new-tab");
	arg += strlen(arg) + 1;
	assert_string_equal(arg, "--url=https://news.test/story?id=7&x=%u");
	arg += strlen(arg) + 1;
	assert_string_equal(arg, "last");
	free(rec);
}

static void
test_launch_browser_env(void **state)
{
	const struct tmp *t = *state;
	char env[512], err[256];
	size_t len;

	snprintf(env, sizeof(env), "%s %s:/no/such/second", t->script, t->out);
	setenv("BROWSER", env, 1);
	assert_int_equal(
	    launch_url(NULL, "http://a.test/x", err, sizeof(err)), 0);
	char *rec = wait_record(t, &len);
	assert_non_null(strstr(rec, "argc=1\n"));
	assert_non_null(strstr(rec, "http://a.test/x"));
	free(rec);
	unsetenv("BROWSER");
}

static void
test_launch_refused(void **state)
{
	const struct tmp *t = *state;
	char cmd[512], err[256];
	static const char *const bad[] = {
	    "javascript:alert(document.cookie)",
	    "file:///etc/passwd",
	    "data:text/html;base64,PHNjcmlwdD4=",
	    "http://evil.test/\x1b]52;c;aGk=\x07",
	};

	snprintf(cmd, sizeof(cmd), "%s %s", t->script, t->out);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		assert_int_equal(launch_url(cmd, bad[i], err, sizeof(err)), -1);
		assert_non_null(strstr(err, "http"));
	}
	/* Nothing was started. */
	errno = 0;
	assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
	assert_int_equal(errno, ECHILD);
	assert_false(exists(t->out));
}

/* The alert command: any text (a headline is no link) goes in as one
 * argument, byte for byte, however hostile, and runs no shell. */
static void
test_run_headline(void **state)
{
	const struct tmp *t = *state;
	char cmd[512], err[256], head[512];
	size_t len;

	snprintf(head, sizeof(head),
	    "-u critical \"Sony\" hack: $(touch %s); `touch %s2` | "
	    "touch %s3 & rm -rf * 'x' \\ %%u %%s \xc3\xa9\xe2\x80\x94 end",
	    t->marker, t->marker, t->marker);
	snprintf(cmd, sizeof(cmd), "'%s' '%s' --", t->script, t->out);
	assert_int_equal(launch_run(cmd, head, err, sizeof(err)), 0);
	char *rec = wait_record(t, &len);
	assert_non_null(strstr(rec, "argc=2\n"));
	char *arg = strchr(strstr(rec, "stdin="), '\n') + 1;
	assert_string_equal(arg, "--");
	arg += strlen(arg) + 1;
	assert_string_equal(arg, head);
	assert_int_equal((size_t)(arg - rec) + strlen(head) + 1, len);
	free(rec);
	assert_no_shell(t);

	/* %s places it inside a word; no link check applies. */
	snprintf(cmd, sizeof(cmd), "%s %s --title=%%s x", t->script, t->out);
	assert_int_equal(
	    launch_run(cmd, "javascript:$(id)", err, sizeof(err)), 0);
	rec = wait_record(t, &len);
	assert_non_null(strstr(rec, "argc=2\n"));
	arg = strchr(strstr(rec, "stdin="), '\n') + 1;
	assert_string_equal(arg, "--title=javascript:$(id)");
	free(rec);

	assert_int_equal(launch_run("", "x", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "empty"));
	assert_int_equal(
	    launch_run("/nonexistent/wiredesk-notify", "x", err, sizeof(err)),
	    -1);
	assert_non_null(
	    strstr(err, "cannot run '/nonexistent/wiredesk-notify'"));
	errno = 0;
	assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
	assert_int_equal(errno, ECHILD);
}

static void
test_launch_missing_program(void **state)
{
	(void)state;
	char err[256];

	assert_int_equal(launch_url("/nonexistent/wiredesk-browser --x",
	                     "https://a.test/", err, sizeof(err)),
	    -1);
	assert_non_null(
	    strstr(err, "cannot run '/nonexistent/wiredesk-browser'"));
	/* The failed child is already reaped. */
	errno = 0;
	assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
	assert_int_equal(errno, ECHILD);
	assert_int_equal(
	    launch_url("'unterminated", "https://a.test/", err, sizeof(err)),
	    -1);
}

static void
test_reap(void **state)
{
	const struct tmp *t = *state;
	char cmd[512], err[256];

	snprintf(cmd, sizeof(cmd), "%s %s", t->script, t->out);
	assert_int_equal(
	    launch_url(cmd, "https://a.test/", err, sizeof(err)), 0);
	/* Returned before the browser finished; wait for its output. */
	for (int i = 0; i < 500 && !exists(t->out); i++) {
		struct timespec ts = {0, 10 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	assert_true(exists(t->out));
	/* Give the script time to exit, then reap it without blocking. */
	for (int i = 0; i < 500; i++) {
		struct timespec ts = {0, 10 * 1000 * 1000};
		launch_reap();
		errno = 0;
		if (waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD)
			break;
		nanosleep(&ts, NULL);
	}
	errno = 0;
	assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
	assert_int_equal(errno, ECHILD);
	/* Reaping with no children is harmless. */
	launch_reap();
	unlink(t->out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_url_ok),
	    cmocka_unit_test(test_split),
	    cmocka_unit_test(test_argv),
	    cmocka_unit_test(test_command),
	    cmocka_unit_test_setup_teardown(
	        test_launch_exact_argument, tmp_setup, tmp_teardown),
	    cmocka_unit_test_setup_teardown(
	        test_launch_substitute, tmp_setup, tmp_teardown),
	    cmocka_unit_test_setup_teardown(
	        test_launch_browser_env, tmp_setup, tmp_teardown),
	    cmocka_unit_test_setup_teardown(
	        test_launch_refused, tmp_setup, tmp_teardown),
	    cmocka_unit_test_setup_teardown(
	        test_launch_missing_program, tmp_setup, tmp_teardown),
	    cmocka_unit_test_setup_teardown(test_reap, tmp_setup, tmp_teardown),
	    cmocka_unit_test_setup_teardown(
	        test_run_headline, tmp_setup, tmp_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
