/* launch: runs the reporter's commands with feed data, safely: a link
 * in the browser, a headline in the alert command.
 *
 * Both arguments are feed data, so they are treated as hostile.  Only
 * http and https links are opened (no javascript:, file: or custom
 * schemes that a desktop might hand to some other program), and the
 * argument reaches the program as one argv element through execvp, never
 * through a shell, as sfeed's forkexec does.  The command itself comes
 * from the reporter (config or $BROWSER), and is split by a small fixed
 * set of quoting rules instead of sh, so no character of the argument or
 * the command can start anything else.  launch_url is launch_run behind
 * the link check: one code path starts every child.
 *
 * The child starts a new session (the program does not get our terminal
 * or its signals), has default signal handling and no blocked signals,
 * /dev/null for stdio so nothing it prints lands on the curses screen,
 * and no other descriptor of ours.  It is started with posix_spawnp,
 * which glibc runs as a vfork-style clone: the parent waits only until
 * the exec has happened (or failed, which it reports), never for the
 * program to finish, and without copying the dashboard's page tables as
 * fork would (milliseconds for a store of a hundred thousand items, on
 * the event loop, for every alert).  Finished children are reaped by
 * launch_reap on SIGCHLD.
 *
 * The session and the closing of every other descriptor are GNU
 * extensions of posix_spawn (POSIX_SPAWN_SETSID is in POSIX.1-2024),
 * hence _GNU_SOURCE in this file alone. */
#define _GNU_SOURCE
#include "launch.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"

int
launch_url_ok(const char *url)
{
	size_t skip;

	if (!url)
		return 0;
	if (strncasecmp(url, "http://", 7) == 0)
		skip = 7;
	else if (strncasecmp(url, "https://", 8) == 0)
		skip = 8;
	else
		return 0;
	if (url[skip] == '\0')
		return 0;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

char *
launch_command(const char *configured)
{
	if (configured && *configured)
		return xstrdup(configured);
	const char *b = getenv("BROWSER");
	if (b && *b && *b != ':')
		return xstrndup(b, strcspn(b, ":"));
	return xstrdup("xdg-open");
}

static void
push(char ***argv, size_t *argc, size_t *cap, char *word)
{
	if (*argc + 1 >= *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*argv = xreallocarray(*argv, *cap, sizeof(**argv));
	}
	(*argv)[(*argc)++] = word;
	(*argv)[*argc] = NULL;
}

void
launch_argv_free(char **argv)
{
	if (!argv)
		return;
	for (char **p = argv; *p; p++)
		free(*p);
	free(argv);
}

int
launch_split(
    const char *cmd, char ***argvp, size_t *argcp, char *err, size_t errlen)
{
	char **argv = NULL;
	size_t argc = 0, cap = 0;
	struct buf w;
	const char *p = cmd ? cmd : "";

	buf_init(&w, 0);
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (*p == '\0')
			break;
		int inword = 0;
		while (*p && !(*p == ' ' || *p == '\t' || *p == '\n')) {
			inword = 1;
			if (*p == '\'') {
				const char *e = strchr(p + 1, '\'');
				if (!e)
					goto open_quote;
				(void)buf_append(
				    &w, p + 1, (size_t)(e - p - 1));
				p = e + 1;
			} else if (*p == '"') {
				for (p++; *p != '"'; p++) {
					if (*p == '\0')
						goto open_quote;
					if (*p == '\\' &&
					    (p[1] == '"' || p[1] == '\\'))
						p++;
					(void)buf_putc(&w, *p);
				}
				p++;
			} else if (*p == '\\' && p[1]) {
				(void)buf_putc(&w, p[1]);
				p += 2;
			} else {
				(void)buf_putc(&w, *p++);
			}
		}
		if (inword) {
			if (!w.p)
				(void)buf_append(&w, "", 0);
			push(&argv, &argc, &cap, buf_take(&w));
		}
	}
	buf_fini(&w);
	if (argc == 0) {
		snprintf(err, errlen, "empty command");
		return -1;
	}
	*argvp = argv;
	*argcp = argc;
	return 0;

open_quote:
	buf_fini(&w);
	launch_argv_free(argv);
	snprintf(err, errlen, "unterminated quote in command");
	return -1;
}

int
launch_argv(
    const char *cmd, const char *arg, char ***argvp, char *err, size_t errlen)
{
	char **argv;
	size_t argc, cap;
	int used = 0;
	struct buf w;

	if (launch_split(cmd, &argv, &argc, err, errlen) < 0)
		return -1;
	buf_init(&w, 0);
	/* The program name itself is never rewritten. */
	for (size_t i = 1; i < argc; i++) {
		const char *a = argv[i], *m;
		if (!strstr(a, "%u") && !strstr(a, "%s"))
			continue;
		buf_reset(&w);
		while ((m = strchr(a, '%')) != NULL) {
			(void)buf_append(&w, a, (size_t)(m - a));
			if (m[1] == 'u' || m[1] == 's') {
				(void)buf_puts(&w, arg);
				used = 1;
				a = m + 2;
			} else {
				(void)buf_putc(&w, '%');
				a = m + 1;
			}
		}
		(void)buf_puts(&w, a);
		free(argv[i]);
		argv[i] = buf_take(&w);
	}
	buf_fini(&w);
	if (!used) {
		cap = argc + 1;
		push(&argv, &argc, &cap, xstrdup(arg));
	}
	*argvp = argv;
	return 0;
}

int
launch_run(const char *cmd, const char *arg, char *err, size_t errlen)
{
	char **argv;
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	sigset_t none, dfl;
	pid_t pid;

	if (launch_argv(cmd, arg, &argv, err, errlen) < 0)
		return -1;
	posix_spawn_file_actions_init(&fa);
	posix_spawnattr_init(&at);
	(void)posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDWR, 0);
	(void)posix_spawn_file_actions_adddup2(&fa, 0, 1);
	(void)posix_spawn_file_actions_adddup2(&fa, 0, 2);
	(void)posix_spawn_file_actions_addclosefrom_np(&fa, 3);
	/* Ignored signals stay ignored across exec, and handled ones
	 * would be caught while the child starts: the program should start
	 * as if from a fresh shell. */
	sigemptyset(&none);
	sigfillset(&dfl);
	(void)posix_spawnattr_setsigmask(&at, &none);
	(void)posix_spawnattr_setsigdefault(&at, &dfl);
	(void)posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSID |
	    POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	int rc = posix_spawnp(&pid, argv[0], &fa, &at, argv, environ);
	posix_spawnattr_destroy(&at);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		snprintf(err, errlen, "cannot run '%s': %s", argv[0],
		    strerror(rc));
	launch_argv_free(argv);
	return rc == 0 ? 0 : -1;
}

int
launch_url(const char *cmd, const char *url, char *err, size_t errlen)
{
	if (!launch_url_ok(url)) {
		snprintf(err, errlen,
		    "refusing to open a link that is not"
		    " http or https");
		return -1;
	}
	char *command = launch_command(cmd);
	int rc = launch_run(command, url, err, errlen);
	free(command);
	return rc;
}

void
launch_reap(void)
{
	int st;

	while (waitpid(-1, &st, WNOHANG) > 0)
		;
}
