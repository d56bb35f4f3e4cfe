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
 * or its signals), unblocks signals, and has /dev/null for stdio so
 * nothing it prints lands on the curses screen.  A close-on-exec pipe
 * tells the parent whether execvp succeeded: the parent waits only for
 * that (a fork and an exec), never for the program to finish.  Finished
 * children are reaped by launch_reap on SIGCHLD. */
#include "launch.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"

/* Descriptors above this are assumed not to exist in the child. */
#define MAX_FD_CLOSE 4096

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

/* In the child, between fork and exec: only async-signal-safe calls. */
static void
child(char **argv, int report)
{
	sigset_t none;
	struct sigaction dfl;

	(void)setsid();
	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	/* Ignored signals stay ignored across exec; the browser should
	 * start as if from a fresh shell. */
	(void)sigaction(SIGPIPE, &dfl, NULL);
	(void)sigaction(SIGINT, &dfl, NULL);
	(void)sigaction(SIGQUIT, &dfl, NULL);
	(void)sigaction(SIGCHLD, &dfl, NULL);
	sigemptyset(&none);
	(void)sigprocmask(SIG_SETMASK, &none, NULL);
	int fd = open("/dev/null", O_RDWR);
	if (fd >= 0) {
		(void)dup2(fd, 0);
		(void)dup2(fd, 1);
		(void)dup2(fd, 2);
	}
	long max = sysconf(_SC_OPEN_MAX);
	if (max < 0 || max > MAX_FD_CLOSE)
		max = MAX_FD_CLOSE;
	for (int i = 3; i < (int)max; i++)
		if (i != report)
			(void)close(i);
	execvp(argv[0], argv);
	int e = errno;
	(void)!write(report, &e, sizeof(e));
	_exit(127);
}

int
launch_run(const char *cmd, const char *arg, char *err, size_t errlen)
{
	char **argv;
	int fds[2], e = 0;

	if (launch_argv(cmd, arg, &argv, err, errlen) < 0)
		return -1;
	if (pipe(fds) < 0) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		launch_argv_free(argv);
		return -1;
	}
	(void)fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	(void)fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	pid_t pid = fork();
	if (pid == 0)
		child(argv, fds[1]);
	(void)close(fds[1]);
	if (pid < 0) {
		snprintf(err, errlen, "fork: %s", strerror(errno));
		(void)close(fds[0]);
		launch_argv_free(argv);
		return -1;
	}
	/* EOF means execvp succeeded and closed the pipe. */
	ssize_t n;
	do
		n = read(fds[0], &e, sizeof(e));
	while (n < 0 && errno == EINTR);
	(void)close(fds[0]);
	if (n == (ssize_t)sizeof(e)) {
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
		snprintf(
		    err, errlen, "cannot run '%s': %s", argv[0], strerror(e));
		launch_argv_free(argv);
		return -1;
	}
	launch_argv_free(argv);
	return 0;
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
