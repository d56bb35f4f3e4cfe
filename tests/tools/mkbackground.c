/* mkbackground: the background document frequencies the clusterer ships.
 *
 *   mkbackground digest HEADLINES.tsv > src/background.words
 *   mkbackground table src/background.words > build/background.inc
 *
 * A word's weight must not come from the live window alone, where words
 * that every day's news uses ("US", "Covid", weekday names, "cartoons")
 * look rare.  So the program carries how many headlines of a large real
 * corpus use each word and each two-word phrase.
 *
 * `digest` reads a corpus of headlines (one per line, the title in the
 * last tab-separated field; a first line "date<TAB>outlet<TAB>title" is
 * skipped) and prints, for every word the tokenizer keeps (case-folded,
 * not stemmed) that at least MIN_WORD headlines use, and for every pair of
 * adjacent words (TOKEN_JOINED) that at least MIN_PAIR use, the number of
 * headlines using it.  That digest is what the repository keeps: counts,
 * not headlines.
 *
 * `table`, run by the build, stems the digest with the tokenizer the
 * program uses, sums the counts of the words that share a stem (capped at
 * the corpus size) and writes the sorted C table that src/background.c
 * includes.  Stemming at build time keeps the table true to the stemmer:
 * a change to the tokenizer cannot leave stale keys behind.
 *
 * Deterministic: output sorted by key (bytewise), counts exact. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "token.h"
#include "util.h"

#define MIN_WORD 2
#define MIN_PAIR 3
#define FILE_MAX (256u << 20)

struct entry {
	char *key;
	uint32_t n, last; /* count; the last document that counted it */
};

/* A string-keyed counting table, open addressing. */
struct table {
	struct entry *e;
	size_t n, cap;
};

static struct entry *
table_get(struct table *t, const char *key, size_t len)
{
	if (2 * (t->n + 1) > t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 4096;
		struct entry *e = xcalloc(cap, sizeof(*e));
		for (size_t i = 0; i < t->cap; i++) {
			if (t->e[i].key == NULL)
				continue;
			size_t h = util_hash(t->e[i].key, strlen(t->e[i].key),
			    1) & (cap - 1);
			while (e[h].key != NULL)
				h = (h + 1) & (cap - 1);
			e[h] = t->e[i];
		}
		free(t->e);
		t->e = e;
		t->cap = cap;
	}
	size_t h = util_hash(key, len, 1) & (t->cap - 1);
	while (t->e[h].key != NULL) {
		if (strlen(t->e[h].key) == len &&
		    memcmp(t->e[h].key, key, len) == 0)
			return &t->e[h];
		h = (h + 1) & (t->cap - 1);
	}
	t->e[h].key = xmalloc(len + 1);
	memcpy(t->e[h].key, key, len);
	t->e[h].key[len] = '\0';
	t->n++;
	return &t->e[h];
}

static int
cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	return strcmp(x->key, y->key);
}

/* The entries in key order; caller frees the array (not the keys). */
static struct entry *
table_sorted(const struct table *t)
{
	struct entry *v = xreallocarray(NULL, t->n ? t->n : 1, sizeof(*v));
	size_t k = 0;

	for (size_t i = 0; i < t->cap; i++)
		if (t->e[i].key != NULL)
			v[k++] = t->e[i];
	qsort(v, k, sizeof(*v), cmp_entry);
	return v;
}

static void
table_fini(struct table *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->e[i].key);
	free(t->e);
}

/* digest */

struct digest {
	struct table words, pairs;
	uint32_t doc;
	struct buf prev; /* the word before, while a phrase runs */
	int have_prev;
	struct buf pair;
};

static void
count(struct table *t, const char *key, size_t len, uint32_t doc)
{
	struct entry *e = table_get(t, key, len);

	if (e->last != doc) { /* a document counts once */
		e->last = doc;
		e->n++;
	}
}

static void
on_word(const struct token *tok, void *ctx)
{
	struct digest *d = ctx;

	count(&d->words, tok->word, tok->word_len, d->doc);
	if (d->have_prev && (tok->flags & TOKEN_JOINED)) {
		buf_reset(&d->pair);
		buf_append(&d->pair, d->prev.p, d->prev.len);
		buf_putc(&d->pair, ' ');
		buf_append(&d->pair, tok->word, tok->word_len);
		count(&d->pairs, d->pair.p, d->pair.len, d->doc);
	}
	buf_reset(&d->prev);
	buf_append(&d->prev, tok->word, tok->word_len);
	d->have_prev = 1;
}

static void
print_counts(const struct table *t, uint32_t min)
{
	struct entry *v = table_sorted(t);

	for (size_t i = 0; i < t->n; i++)
		if (v[i].n >= min)
			printf("%u\t%s\n", (unsigned)v[i].n, v[i].key);
	free(v);
}

/* The input file whole, or NULL once the reason is said. */
static char *
read_input(const char *path, size_t *len)
{
	char err[256];
	char *data = util_read_file(path, FILE_MAX, len, err, sizeof(err));

	if (data == NULL)
		fprintf(stderr, "mkbackground: %s\n", err);
	return data;
}

static int
cmd_digest(const char *path)
{
	size_t len;
	char *data = read_input(path, &len);

	if (data == NULL)
		return 2;
	struct digest d = {0};
	buf_init(&d.prev, 0);
	buf_init(&d.pair, 0);
	struct tokenizer *tok = token_new("en");
	char *line = data;
	int first = 1;
	while (line < data + len) {
		char *end = memchr(line, '\n', (size_t)(data + len - line));
		if (end == NULL)
			end = data + len;
		*end = '\0';
		char *title = strrchr(line, '\t');
		title = title ? title + 1 : line;
		if (!(first && strncmp(line, "date\t", 5) == 0) &&
		    *title != '\0') {
			d.doc++;
			d.have_prev = 0;
			token_run(tok, title, TOKEN_TITLE, on_word, &d);
		}
		first = 0;
		line = end + 1;
	}
	printf("# wiredesk background document frequencies: how many of %u "
	       "news headlines\n# use each word (case-folded, not stemmed; "
	       "at least %d) and each pair of\n# adjacent words (at least "
	       "%d).  Made by tests/tools/mkbackground.c digest;\n# "
	       "docs/clustering.md says where the headlines come from.\n",
	    (unsigned)d.doc, MIN_WORD, MIN_PAIR);
	printf("docs\t%u\n", (unsigned)d.doc);
	print_counts(&d.words, MIN_WORD);
	print_counts(&d.pairs, MIN_PAIR);
	token_free(tok);
	table_fini(&d.words);
	table_fini(&d.pairs);
	buf_fini(&d.prev);
	buf_fini(&d.pair);
	free(data);
	return 0;
}

/* table */

struct stem_ctx {
	struct buf out; /* the stems, space-separated */
	int n;
};

static void
on_stem(const struct token *tok, void *ctx)
{
	struct stem_ctx *s = ctx;

	if (s->n++ > 0)
		buf_putc(&s->out, ' ');
	buf_append(&s->out, tok->term, tok->len);
}

static int
cmd_table(const char *path)
{
	size_t len;
	char *data = read_input(path, &len);

	if (data == NULL)
		return 2;
	struct table stems = {0};
	struct tokenizer *tok = token_new("en");
	struct stem_ctx sc;
	buf_init(&sc.out, 0);
	unsigned long docs = 0;
	size_t lineno = 0;
	for (char *line = data; line < data + len;) {
		char *end = memchr(line, '\n', (size_t)(data + len - line));
		if (end == NULL)
			end = data + len;
		*end = '\0';
		lineno++;
		char *tab = strchr(line, '\t');
		if (line[0] == '#' || line[0] == '\0') {
			line = end + 1;
			continue;
		}
		if (tab == NULL) {
			fprintf(stderr, "%s:%zu: no tab\n", path, lineno);
			return 2;
		}
		*tab = '\0';
		if (strcmp(line, "docs") == 0) {
			docs = strtoul(tab + 1, NULL, 10);
			line = end + 1;
			continue;
		}
		unsigned long n = strtoul(line, NULL, 10);
		const char *key = tab + 1;
		int words = strchr(key, ' ') != NULL ? 2 : 1;
		buf_reset(&sc.out);
		sc.n = 0;
		/* The digest holds only words the tokenizer kept, some of them
		 * because they were written as acronyms ("US", "WHO"), which
		 * in lower case would be stop words: capitals keep them, and
		 * change no stem (stems are made from the folded word).  A
		 * summary, so no title boilerplate is cut. */
		for (char *p = tab + 1; *p != '\0'; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		token_run(tok, key, TOKEN_SUMMARY, on_stem, &sc);
		if (sc.n == words) {
			struct entry *e = table_get(&stems, sc.out.p, sc.out.len);
			e->n = e->n + n > docs ? (uint32_t)docs
			                       : e->n + (uint32_t)n;
		}
		line = end + 1;
	}
	if (docs == 0) {
		fprintf(stderr, "%s: no docs line\n", path);
		return 2;
	}
	struct entry *v = table_sorted(&stems);
	printf("/* Generated by mkbackground table from %s: do not edit. */\n",
	    path);
	printf("#define BACKGROUND_DOCS %luu\n", docs);
	printf("#define BACKGROUND_TERMS %zuu\n", stems.n);
	printf("static const struct bg_term bg_terms[] = {\n");
	for (size_t i = 0; i < stems.n; i++) {
		printf("\t{\"");
		for (const unsigned char *p = (const unsigned char *)v[i].key;
		    *p; p++) {
			if (*p == '"' || *p == '\\')
				printf("\\%c", *p);
			else if (*p < 0x20 || *p >= 0x7f)
				printf("\\%03o", *p);
			else
				putchar(*p);
		}
		printf("\", %u},\n", (unsigned)v[i].n);
	}
	printf("};\n");
	free(v);
	token_free(tok);
	table_fini(&stems);
	buf_fini(&sc.out);
	free(data);
	return ferror(stdout) ? 1 : 0;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "digest") == 0)
		return cmd_digest(argv[2]);
	if (argc == 3 && strcmp(argv[1], "table") == 0)
		return cmd_table(argv[2]);
	fprintf(stderr, "usage: mkbackground digest HEADLINES.tsv\n"
	                "       mkbackground table DIGEST\n");
	return 2;
}
