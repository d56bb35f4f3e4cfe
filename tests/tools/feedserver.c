/* feedserver: the loopback test server as a program, for shell tests and
 * benchmarks.
 *
 *   feedserver -d DOCROOT [-p PORTFILE] [-t SECONDS] [--delay-seed N]
 *              [-l LOGFILE] [-P PORT]
 *
 * Serves DOCROOT and the test routes of tests/support/httpd.h on
 * 127.0.0.1 (port PORT, default one the kernel picks), writes the port to
 * PORTFILE (atomically, by rename, once it is accepting), and exits after
 * SECONDS (default 300).  With --delay-seed, each file is answered after
 * a delay of 0-300 ms fixed by its path and the seed, so arrival order
 * differs from request order while runs stay reproducible. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "httpd.h"
#include "util.h"

static const char usage[] =
    "usage: feedserver -d DOCROOT [-p PORTFILE] [-t SECONDS]"
    " [--delay-seed N] [-l LOGFILE] [-P PORT]\n";

static int
number(const char *s, unsigned long long max, unsigned long long *out)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	*out = strtoull(s, &end, 10);
	return *end == '\0' && *out <= max ? 0 : -1;
}

static int
write_port(const char *path, unsigned port)
{
	char *tmp = xasprintf("%s.tmp", path);
	FILE *f = fopen(tmp, "w");
	int rc = -1;

	if (f != NULL) {
		int ok = fprintf(f, "%u\n", port) > 0;
		if (fclose(f) == 0 && ok && rename(tmp, path) == 0)
			rc = 0;
	}
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	return rc;
}

int
main(int argc, char **argv)
{
	enum { OPT_SEED = 256 };
	static const struct option longopts[] = {
	    {"docroot", required_argument, NULL, 'd'},
	    {"port-file", required_argument, NULL, 'p'},
	    {"time", required_argument, NULL, 't'},
	    {"log", required_argument, NULL, 'l'},
	    {"port", required_argument, NULL, 'P'},
	    {"delay-seed", required_argument, NULL, OPT_SEED},
	    {NULL, 0, NULL, 0},
	};
	struct httpd_opts o;
	const char *portfile = NULL;
	unsigned long long v, port = 0;
	char err[256];
	int c;

	memset(&o, 0, sizeof(o));
	o.lifetime = 300;
	while (
	    (c = getopt_long(argc, argv, "d:p:t:l:P:", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			o.docroot = optarg;
			break;
		case 'p':
			portfile = optarg;
			break;
		case 't':
			if (number(optarg, 86400, &v) != 0 || v == 0)
				goto bad;
			o.lifetime = (int)v;
			break;
		case 'l':
			o.log_path = optarg;
			break;
		case 'P':
			if (number(optarg, 65535, &port) != 0)
				goto bad;
			break;
		case OPT_SEED:
			if (number(optarg, UINT64_MAX, &v) != 0)
				goto bad;
			/* 0 would mean "no delays": any seed gives delays */
			o.delay_seed = v ? v : 1;
			break;
		default:
			goto bad;
		}
	}
	if (optind != argc || o.docroot == NULL)
		goto bad;

	unsigned bound;
	int fd = httpd_listen((unsigned)port, &bound, err, sizeof(err));
	if (fd < 0) {
		fprintf(stderr, "feedserver: %s\n", err);
		return 1;
	}
	if (portfile != NULL && write_port(portfile, bound) != 0) {
		fprintf(stderr, "feedserver: cannot write %s\n", portfile);
		return 1;
	}
	if (httpd_serve(fd, &o, 0, err, sizeof(err)) != 0) {
		fprintf(stderr, "feedserver: %s\n", err);
		return 1;
	}
	close(fd);
	return 0;
bad:
	fputs(usage, stderr);
	return 2;
}
