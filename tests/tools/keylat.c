/* keylat: key-to-screen latency of the dashboard in a tmux pane, read
 * through one tmux control-mode client instead of a process per look.
 *
 *   keylat -L SOCKET [-t TARGET] [-n KEYS] [-i MS] [-r AT] [-w LABEL]
 *
 * Attaches to the tmux server SOCKET (tmux -L) as a control client and
 * sends KEYS keys (default 60) to TARGET (default the current pane),
 * Enter and q in turn: Enter opens the selected story, q goes back to the
 * board.  After each key it reads the pane's top line (capture-pane)
 * until the view has changed: the board's top line starts " wiredesk",
 * the story's does not.  Only a key changes the view, so feeds arriving
 * meanwhile cannot end a wait early.  With -i, each key is sent MS ms
 * after the last one's view showed, so that the keys span a while (feeds
 * arriving, say) as a person's would.  With -r, R (reload every feed) is
 * sent before key number AT.  Prints the latencies' p50, p99 and max in
 * ms, and the median time of one look (a capture-pane round trip), which
 * is the resolution of each figure.  A key whose view has not changed
 * after 5 s counts as 5 s.  Exits 2 when tmux cannot be reached or does
 * not answer a command within 10 s. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "util.h"

#define WAIT_US (5 * 1000 * 1000)
#define ANSWER_S 10

static void
on_alarm(int sig)
{
	static const char msg[] = "keylat: tmux did not answer in 10 s\n";

	(void)sig;
	(void)!write(2, msg, sizeof(msg) - 1);
	_exit(2);
}

struct ctl {
	FILE *in;  /* commands to tmux */
	FILE *out; /* its answers */
	pid_t pid;
	struct buf block; /* the last answer's lines */
};

static const char usage[] =
    "usage: keylat -L SOCKET [-t TARGET] [-n KEYS] [-i MS] [-r AT]"
    " [-w LABEL]\n";

/* Starts `tmux -L sock -C attach` with pipes both ways. */
static int
ctl_start(struct ctl *k, const char *sock, const char *target)
{
	int to[2], from[2];

	if (pipe(to) < 0 || pipe(from) < 0)
		return -1;
	k->pid = fork();
	if (k->pid < 0)
		return -1;
	if (k->pid == 0) {
		dup2(to[0], 0);
		dup2(from[1], 1);
		close(to[0]);
		close(to[1]);
		close(from[0]);
		close(from[1]);
		if (*target)
			execlp("tmux", "tmux", "-L", sock, "-C", "attach", "-t",
			    target, (char *)NULL);
		else
			execlp("tmux", "tmux", "-L", sock, "-C", "attach",
			    (char *)NULL);
		_exit(127);
	}
	close(to[0]);
	close(from[1]);
	k->in = fdopen(to[1], "w");
	k->out = fdopen(from[0], "r");
	buf_init(&k->block, 0);
	return k->in && k->out ? 0 : -1;
}

/* Sends one command and reads its answer into k->block (the lines
 * between %begin and %end, or %error); returns 0, or -1 when tmux has
 * gone or answered with an error. */
static int
ctl_cmd(struct ctl *k, const char *cmd)
{
	char line[4096];
	int in = 0;

	if (fprintf(k->in, "%s\n", cmd) < 0 || fflush(k->in) != 0)
		return -1;
	buf_reset(&k->block);
	alarm(ANSWER_S);
	while (fgets(line, sizeof(line), k->out) != NULL) {
		if (!in) {
			/* notifications (%window-renamed ...) come between */
			in = strncmp(line, "%begin ", 7) == 0;
			continue;
		}
		int end = strncmp(line, "%end ", 5) == 0;
		if (end || strncmp(line, "%error ", 7) == 0) {
			alarm(0);
			return end ? 0 : -1;
		}
		buf_puts(&k->block, line);
	}
	alarm(0);
	return -1;
}

/* Waits until the client is attached: commands sent before are run
 * without one ("no current client"). */
static int
ctl_attached(struct ctl *k)
{
	char line[4096];

	alarm(ANSWER_S);
	while (fgets(line, sizeof(line), k->out) != NULL) {
		if (strncmp(line, "%session-changed ", 17) == 0) {
			alarm(0);
			return 0;
		}
	}
	alarm(0);
	return -1;
}

static void
ctl_stop(struct ctl *k)
{
	if (k->in)
		fclose(k->in); /* tmux detaches at the end of its input */
	if (k->out)
		fclose(k->out);
	if (k->pid > 0)
		waitpid(k->pid, NULL, 0);
	buf_fini(&k->block);
}

static int
on_board(const struct ctl *k)
{
	return k->block.len >= 9 && memcmp(k->block.p, " wiredesk", 9) == 0;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The value at fraction q of n sorted values (nearest rank). */
static int64_t
rank(const int64_t *v, size_t n, double q)
{
	size_t i = (size_t)(q * (double)n + 0.5);

	return v[i == 0 ? 0 : i > n ? n - 1 : i - 1];
}

int
main(int argc, char **argv)
{
	const char *sock = NULL, *target = "", *label = "";
	long keys = 60, reload_at = -1, gap_ms = 0;
	int ch;

	while ((ch = getopt(argc, argv, "L:t:n:i:r:w:")) != -1) {
		switch (ch) {
		case 'L':
			sock = optarg;
			break;
		case 't':
			target = optarg;
			break;
		case 'n':
			keys = strtol(optarg, NULL, 10);
			break;
		case 'i':
			gap_ms = strtol(optarg, NULL, 10);
			break;
		case 'r':
			reload_at = strtol(optarg, NULL, 10);
			break;
		case 'w':
			label = optarg;
			break;
		default:
			fputs(usage, stderr);
			return 2;
		}
	}
	if (sock == NULL || keys <= 0 || keys > 100000 || gap_ms < 0 ||
	    gap_ms > 60000 || optind != argc) {
		fputs(usage, stderr);
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	signal(SIGALRM, on_alarm);
	struct ctl k = {0};
	char look[256], send[256];
	snprintf(look, sizeof(look), "capture-pane -p%s%s -S 0 -E 0",
	    *target ? " -t " : "", target);
	/* the pane's output is not wanted: only the looks are read */
	if (ctl_start(&k, sock, target) < 0 || ctl_attached(&k) < 0 ||
	    ctl_cmd(&k, "refresh-client -f no-output") < 0 ||
	    ctl_cmd(&k, look) < 0) {
		fprintf(stderr, "keylat: cannot reach tmux -L %s: %s\n", sock,
		    strerror(errno));
		ctl_stop(&k);
		return 2;
	}
	int64_t *lat = xcalloc((size_t)keys, sizeof(*lat));
	int64_t *looks = NULL;
	size_t nlooks = 0, caplooks = 0;
	int gone = 0;
	for (long i = 0; i < keys && !gone; i++) {
		if (i > 0 && gap_ms > 0)
			usleep((useconds_t)gap_ms * 1000);
		if (i == reload_at) {
			snprintf(send, sizeof(send), "send-keys%s%s R",
			    *target ? " -t " : "", target);
			gone = ctl_cmd(&k, send) < 0;
		}
		int want_board = i % 2 == 1;
		snprintf(send, sizeof(send), "send-keys%s%s %s",
		    *target ? " -t " : "", target, want_board ? "q" : "Enter");
		int64_t t0 = util_now_us();
		if (ctl_cmd(&k, send) < 0) {
			gone = 1;
			break;
		}
		int64_t t = t0;
		for (;;) {
			int64_t l0 = util_now_us();
			if (ctl_cmd(&k, look) < 0) {
				gone = 1;
				break;
			}
			t = util_now_us();
			if (nlooks == caplooks) {
				caplooks = caplooks ? 2 * caplooks : 1024;
				looks = xreallocarray(
				    looks, caplooks, sizeof(*looks));
			}
			looks[nlooks++] = t - l0;
			if (on_board(&k) == want_board || t - t0 > WAIT_US)
				break;
		}
		lat[i] = t - t0;
	}
	ctl_stop(&k);
	if (gone) {
		fprintf(stderr, "keylat: tmux went away\n");
		free(lat);
		free(looks);
		return 2;
	}
	qsort(lat, (size_t)keys, sizeof(*lat), cmp_i64);
	qsort(looks, nlooks, sizeof(*looks), cmp_i64);
	printf("key-to-screen %s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%ld "
	       "keys; one look at the screen %.2f ms; aim: p99 under 16 ms)\n",
	    label, rank(lat, (size_t)keys, 0.5) / 1000.0,
	    rank(lat, (size_t)keys, 0.99) / 1000.0, lat[keys - 1] / 1000.0,
	    keys, nlooks ? rank(looks, nlooks, 0.5) / 1000.0 : 0.0);
	free(lat);
	free(looks);
	return 0;
}
