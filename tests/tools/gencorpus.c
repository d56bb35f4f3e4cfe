/* gencorpus: writes the benchmark corpus of issue 10 (tests/support/
 * corpus.c says how it is made).
 *
 *   gencorpus [-n FEEDS] [-i ITEMS] [-H HEADLINES] [-s] DIR
 *
 * Writes FEEDS feeds (default 1,000) of ITEMS items (default 30) as
 * DIR/f0001.xml (RSS 2.0) or DIR/f0001.atom (Atom 1.0), and prints each
 * file's name on stdout, in feed order, for the caller to build its URL
 * list from.  HEADLINES is the headline file (default
 * tests/data/bench/uci-headlines.tsv, relative to the repository top).
 * With -s, prints the corpus's shape on stderr: file sizes (smallest,
 * median, largest), their gzip size at level 1 (nginx's default) and 6,
 * description lengths, and the shares of Atom feeds and of CDATA
 * descriptions.  The same arguments always write the same bytes. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "buf.h"
#include "corpus.h"
#include "util.h"

static const char usage[] =
    "usage: gencorpus [-n FEEDS] [-i ITEMS] [-H HEADLINES] [-s] DIR\n";

static size_t
gzip_size(const struct buf *b, int level)
{
	z_stream z;
	unsigned char out[1 << 16];
	size_t total = 0;

	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, level, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) !=
	    Z_OK)
		return 0;
	z.next_in = (unsigned char *)b->p;
	z.avail_in = (uInt)b->len;
	int rc;
	do {
		z.next_out = out;
		z.avail_out = sizeof(out);
		rc = deflate(&z, Z_FINISH);
		total += sizeof(out) - z.avail_out;
	} while (rc == Z_OK);
	deflateEnd(&z);
	return total;
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/* "min / median / max" of n sizes (sorted in place). */
static void
spread(const char *what, size_t *v, size_t n, double scale, const char *unit)
{
	qsort(v, n, sizeof(*v), cmp_size);
	fprintf(stderr, "%-22s %.1f / %.1f / %.1f %s\n", what, v[0] / scale,
	    v[n / 2] / scale, v[n - 1] / scale, unit);
}

static int
number(const char *s, unsigned long max, uint32_t *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || end == s || v == 0 || v > max)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

int
main(int argc, char **argv)
{
	uint32_t nfeeds = 1000, nitems = CORPUS_ITEMS;
	const char *headlines = "tests/data/bench/uci-headlines.tsv";
	int stats = 0, opt;
	char err[512];

	while ((opt = getopt(argc, argv, "n:i:H:s")) != -1) {
		switch (opt) {
		case 'n':
			if (number(optarg, 99999, &nfeeds) < 0)
				goto bad;
			break;
		case 'i':
			if (number(optarg, 10000, &nitems) < 0)
				goto bad;
			break;
		case 'H':
			headlines = optarg;
			break;
		case 's':
			stats = 1;
			break;
		default:
			goto bad;
		}
	}
	if (optind + 1 != argc)
		goto bad;
	const char *dir = argv[optind];
	struct corpus *c = corpus_load(headlines, err, sizeof(err));
	if (c == NULL) {
		fprintf(stderr, "gencorpus: %s\n", err);
		return 2;
	}
	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		fprintf(stderr, "gencorpus: %s: %s\n", dir, strerror(errno));
		corpus_free(c);
		return 2;
	}
	size_t *size = xcalloc(nfeeds, sizeof(*size));
	size_t *gz1 = xcalloc(nfeeds, sizeof(*gz1));
	size_t *gz6 = xcalloc(nfeeds, sizeof(*gz6));
	size_t ndesc = stats ? (size_t)nfeeds * nitems : 1;
	size_t *desc = xcalloc(ndesc, sizeof(*desc));
	size_t natom = 0, ncdata = 0;
	struct buf doc;
	buf_init(&doc, 0);
	int rc = 0;
	for (uint32_t f = 1; f <= nfeeds && rc == 0; f++) {
		char name[32], *path;
		int atom = corpus_feed_is_atom(f);
		snprintf(name, sizeof(name), "f%04u.%s", (unsigned)f,
		    atom ? "atom" : "xml");
		buf_reset(&doc);
		corpus_feed(c, f, nitems, &doc);
		path = xasprintf("%s/%s", dir, name);
		FILE *fp = fopen(path, "w");
		if (fp == NULL || fwrite(doc.p, 1, doc.len, fp) != doc.len ||
		    fclose(fp) != 0) {
			fprintf(stderr, "gencorpus: %s: %s\n", path,
			    strerror(errno));
			rc = 2;
		}
		free(path);
		printf("%s\n", name);
		if (!stats)
			continue;
		size[f - 1] = doc.len;
		gz1[f - 1] = gzip_size(&doc, 1);
		gz6[f - 1] = gzip_size(&doc, 6);
		natom += (size_t)atom;
		ncdata += (size_t)corpus_feed_is_cdata(f);
		struct corpus_item it;
		corpus_item_init(&it);
		for (uint32_t j = 0; j < nitems; j++) {
			corpus_item(c, f, j, &it);
			desc[(size_t)(f - 1) * nitems + j] = it.html.len;
		}
		corpus_item_fini(&it);
	}
	if (stats && rc == 0) {
		size_t total = 0;
		for (uint32_t f = 0; f < nfeeds; f++)
			total += size[f];
		fprintf(stderr,
		    "%u feeds x %u items, %.1f MB, %zu Atom (%.1f%%), "
		    "%zu with CDATA (%.1f%%), %u stories\n",
		    (unsigned)nfeeds, (unsigned)nitems, total / 1e6, natom,
		    100.0 * natom / nfeeds, ncdata, 100.0 * ncdata / nfeeds,
		    (unsigned)corpus_nstories(c));
		spread("file KB", size, nfeeds, 1000, "(min / median / max)");
		spread("gzip -1 KB", gz1, nfeeds, 1000, "");
		spread("gzip -6 KB", gz6, nfeeds, 1000, "");
		spread("description bytes", desc, ndesc, 1, "");
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = 2;
	buf_fini(&doc);
	free(size);
	free(gz1);
	free(gz6);
	free(desc);
	corpus_free(c);
	return rc;
bad:
	fputs(usage, stderr);
	return 2;
}
