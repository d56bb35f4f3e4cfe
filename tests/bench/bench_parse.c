/* bench_parse: parse_feed throughput (and parse_feed_lead's).
 *
 *   bench_parse --gen FILE MB   write an RSS 2.0 feed of about MB megabytes
 *   bench_parse [FILE]          parse FILE (or a generated 20 MB feed held
 *                               in memory) three times and print the best
 *                               CPU time as MB/s
 *   bench_parse --cpu CMD ARG...  run a command and print the CPU seconds
 *                               (user and system) it used, to the
 *                               microsecond, for a tool to compare with
 *
 * The generated items look like a news site's: a title with an entity, a
 * link, a guid, an RFC 822 date, a Dublin Core creator, an escaped HTML
 * description of a few paragraphs and a CDATA content:encoded body. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cluster.h"
#include "parse.h"
#include "util.h"

static void
gen(struct buf *b, size_t bytes)
{
	static const char *const words[] = {"markets", "election", "storm",
		"council", "report", "talks", "hack", "court", "ministers",
		"energy", "football", "vaccine", "strike", "budget", "river"};
	static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri",
		"Sat", "Sun"};
	unsigned long seed = 12345;

	(void)buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<rss version=\"2.0\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	    "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
	    "<channel><title>Bench News</title>"
	    "<link>https://news.example.com/</link>"
	    "<language>en</language>\n");
	for (unsigned n = 0; b->len < bytes; n++) {
		const char *w[8];
		for (int i = 0; i < 8; i++) {
			seed = seed * 1103515245 + 12345;
			w[i] = words[(seed >> 16) % ARRAY_LEN(words)];
		}
		(void)buf_appendf(b, "<item>\n<title>%s &amp; %s: %s "
		    "&#8216;%s&#8217; as %s %u</title>\n"
		    "<link>https://news.example.com/%s/%u</link>\n"
		    "<guid isPermaLink=\"false\">urn:bench:%u</guid>\n"
		    "<pubDate>%s, %02u Nov 2014 %02u:%02u:%02u +0100"
		    "</pubDate>\n"
		    "<dc:creator>Reporter %u</dc:creator>\n", w[0], w[1], w[2],
		    w[3], w[4], n, w[5], n, n, days[n % 7], 1 + n % 28,
		    n % 24, n % 60, (n * 7) % 60, n % 97);
		(void)buf_appendf(b, "<description>&lt;p&gt;The %s and the "
		    "%s met on Monday as %s &amp;amp; %s dominated the "
		    "agenda.&lt;/p&gt;&lt;p&gt;Officials said the %s would "
		    "be &lt;a href=\"/%s\"&gt;reviewed&lt;/a&gt; before the "
		    "%s.&lt;/p&gt;</description>\n", w[0], w[1], w[2], w[3],
		    w[4], w[5], w[6]);
		(void)buf_puts(b, "<content:encoded><![CDATA[");
		for (int p = 0; p < 4; p++)
			(void)buf_appendf(b, "<p>Paragraph %d about the %s: "
			    "the %s said on Tuesday that the %s would not "
			    "affect the %s, but critics of the %s "
			    "disagreed.</p>\n", p, w[p], w[p + 1], w[p + 2],
			    w[p + 3], w[7]);
		(void)buf_puts(b, "]]></content:encoded>\n</item>\n");
	}
	(void)buf_puts(b, "</channel>\n</rss>\n");
}

static double
cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
children_cpu(void)
{
	struct rusage ru;

	getrusage(RUSAGE_CHILDREN, &ru);
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* Runs argv[0] with its arguments and prints its CPU seconds. */
static int
run_cpu(char **argv)
{
	int status;
	double t0 = children_cpu();
	pid_t pid = fork();

	if (pid < 0) {
		perror("bench_parse: fork");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		perror("bench_parse: exec");
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench_parse: %s failed\n", argv[0]);
		return 1;
	}
	printf("%.6f\n", children_cpu() - t0);
	return 0;
}

/* The best CPU time of three parses (parse_feed_lead, lead 0 for all of
 * the text), -1 when the data is no feed. */
static double
best_of_three(const char *data, size_t len, size_t lead, size_t *nitems)
{
	double best = 1e30;
	char err[256];

	for (int run = 0; run < 3; run++) {
		struct parsed_feed f;
		double t0 = cpu_seconds();
		if (parse_feed_lead(data, len, NULL, NULL, lead, &f, err,
		        sizeof(err)) < 0) {
			fprintf(stderr, "bench_parse: %s\n", err);
			return -1;
		}
		double t = cpu_seconds() - t0;
		if (t < best)
			best = t;
		*nitems = f.nitems;
		parsed_feed_fini(&f);
	}
	return best;
}

int
main(int argc, char **argv)
{
	struct buf b;
	char err[256];
	size_t len;
	char *data;

	if (argc >= 3 && strcmp(argv[1], "--cpu") == 0)
		return run_cpu(argv + 2);
	buf_init(&b, 0);
	if (argc == 4 && strcmp(argv[1], "--gen") == 0) {
		FILE *f = fopen(argv[2], "wb");
		gen(&b, (size_t)strtoul(argv[3], NULL, 10) << 20);
		if (!f || fwrite(b.p, 1, b.len, f) != b.len || fclose(f)) {
			fprintf(stderr, "bench_parse: cannot write %s\n",
			    argv[2]);
			return 1;
		}
		buf_fini(&b);
		return 0;
	}
	if (argc == 2) {
		data = util_read_file(argv[1], PARSE_MAX_INPUT, &len, err,
		    sizeof(err));
		if (!data) {
			fprintf(stderr, "bench_parse: %s\n", err);
			return 1;
		}
	} else {
		gen(&b, 20u << 20);
		len = b.len;
		data = buf_take(&b);
	}
	double mb = (double)len / (1024.0 * 1024.0);
	size_t nitems;
	double best = best_of_three(data, len, 0, &nitems);
	if (best < 0) {
		free(data);
		return 1;
	}
	printf("parse_feed: %.1f MB, %zu items, %.3f s CPU, %.1f MB/s\n", mb,
	    nitems, best, mb / best);
	/* --dump without a database reads the summaries' leads only */
	double lead = best_of_three(data, len, CLUSTER_SUMMARY_BYTES, &nitems);
	if (lead < 0) {
		free(data);
		return 1;
	}
	printf("parse_feed_lead (%u bytes, --dump's): %.1f MB, %zu items, "
	       "%.3f s CPU, %.1f MB/s (%.2fx)\n",
	    (unsigned)CLUSTER_SUMMARY_BYTES, mb, nitems, lead, mb / lead,
	    best / lead);
	free(data);
	return 0;
}
