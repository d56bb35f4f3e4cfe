/* feedlist: the feeds file (newsboat's "urls" syntax) and OPML.
 *
 * The feeds file is read with the tokenizer the config file uses
 * (settings_each_line), so quoting, comments, BOM and CRLF behave the same
 * in both.  Each line's first word becomes a URL: http(s) and file:// URLs
 * are checked and kept as written, plain paths become absolute file://
 * URLs (relative to the feeds file, so a list works from any directory).
 * The other words are tags, "~Title" the display title and "every:10m" a
 * refresh interval (newsboat reads that one as an ordinary tag, so a file
 * stays valid for both programs).  Duplicates are found through a small
 * hash on a normalised key (scheme and host in lower case) and merged
 * into the first occurrence.
 *
 * OPML goes through libxml2's tree parser with RECOVER and NONET and
 * without NOENT or DTDLOAD: external entities are never fetched, and
 * attribute values are read from their text nodes only, so an entity
 * reference (external or an entity bomb) contributes nothing.  Import
 * only ever appends to the feeds file (a symlinked file stays a symlink,
 * and a failed write loses nothing that was there).
 *
 * Invariants: every string in a feedlist is valid UTF-8 without control
 * characters; every url is http://, https:// or file://; no two feeds
 * share a key. */
#include "feedlist.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "settings.h"
#include "text.h"

/* The parse state: the list being built and its duplicate index. */
struct parser {
	struct feedlist *list;
	size_t cap;
	char **keys;	 /* keys[i] is feeds[i]'s normalised URL */
	size_t *slots;	 /* open addressing: index + 1, 0 empty */
	size_t nslots;	 /* a power of two, at least 2 * n */
	const char *name;
	char *basedir;	 /* absolute, or NULL when unknown */
	feedlist_report_fn report;
	void *ctx;
	unsigned reported;
};

static void
report(struct parser *p, unsigned line, const char *fmt, ...)
    ATTR_PRINTF(3, 4);

static void
report(struct parser *p, unsigned line, const char *fmt, ...)
{
	struct buf b;
	va_list ap;

	p->reported++;
	if (!p->report)
		return;
	buf_init(&b, 0);
	buf_appendf(&b, "%s:%u: ", p->name, line);
	va_start(ap, fmt);
	buf_vappendf(&b, fmt, ap);
	va_end(ap);
	p->report(b.p, p->ctx);
	buf_fini(&b);
}

/* Counts the tokenizer's reports too, then passes them on. */
static void
count_report(const char *msg, void *ctx)
{
	struct parser *p = ctx;

	p->reported++;
	if (p->report)
		p->report(msg, p->ctx);
}

static void
feed_fini(struct feed_src *f)
{
	free(f->url);
	free(f->title);
	for (size_t i = 0; i < f->ntags; i++)
		free(f->tags[i]);
	free(f->tags);
}

void
feedlist_fini(struct feedlist *list)
{
	for (size_t i = 0; i < list->n; i++)
		feed_fini(&list->feeds[i]);
	free(list->feeds);
	list->feeds = NULL;
	list->n = 0;
}

/* Takes tag (allocated) unless f has it already. */
static void
add_tag(struct feed_src *f, char *tag)
{
	for (size_t i = 0; i < f->ntags; i++) {
		if (strcmp(f->tags[i], tag) == 0) {
			free(tag);
			return;
		}
	}
	f->tags = xreallocarray(f->tags, f->ntags + 1, sizeof(*f->tags));
	f->tags[f->ntags++] = tag;
}

/* For reports: s shortened and safe to print. */
static void
shorten(const char *s, char *out, size_t outlen)
{
	size_t n = strlen(s);

	if (n < outlen) {
		memcpy(out, s, n + 1);
		return;
	}
	n = outlen - 4;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	memcpy(out, s, n);
	memcpy(out + n, "...", 4);
}

/* URLs. */

/* Length of the scheme before ':' in s, or 0 when s has none. */
static size_t
scheme_len(const char *s)
{
	size_t i = 0;

	if (!((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'))
		return 0;
	while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
	    (s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' ||
	    s[i] == '.')
		i++;
	return s[i] == ':' ? i : 0;
}

static int
scheme_is(const char *s, size_t n, const char *name)
{
	return strlen(name) == n && strncasecmp(s, name, n) == 0;
}

/* The characters no URL may hold (RFC 3986 excludes them, and a space or
 * a quote would break the feeds file); control characters never reach
 * here. */
static int
url_char_bad(unsigned char c)
{
	return c == ' ' || c == '"' || c == '<' || c == '>' || c == '\\';
}

/* Appends path to b percent-encoded for a file:// URL. */
static void
put_path(struct buf *b, const char *path)
{
	static const char keep[] = "-._~/!$&'()*+,;=:@";

	for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr(keep, *s))
			buf_putc(b, *s);
		else
			buf_appendf(b, "%%%02X", *s);
	}
}

/* Turns the first word of a line into a URL (allocated in *url), or
 * explains in why (returns -1) what is wrong with it. */
static int
make_url(const char *w, const char *basedir, char **url, char *why,
    size_t whylen)
{
	size_t sl = scheme_len(w);

	if (!w[0]) {
		snprintf(why, whylen, "empty URL");
		return -1;
	}
	if (sl == 0) {
		char *path = settings_expand_path(w, basedir);
		if (!path || path[0] != '/') {
			char shown[96];
			shorten(w, shown, sizeof(shown));
			snprintf(why, whylen, w[0] == '~' ?
			    "cannot expand '%s' (only ~/ with HOME set)" :
			    "cannot resolve the relative path '%s'", shown);
			free(path);
			return -1;
		}
		struct buf b;
		buf_init(&b, 0);
		buf_puts(&b, "file://");
		put_path(&b, path);
		free(path);
		*url = buf_take(&b);
		return 0;
	}
	int web = scheme_is(w, sl, "http") || scheme_is(w, sl, "https");
	if (!web && !scheme_is(w, sl, "file")) {
		snprintf(why, whylen, "unsupported URL scheme '%.*s:'",
		    sl > 32 ? 32 : (int)sl, w);
		return -1;
	}
	const char *rest = w + sl + 1;
	if (strncmp(rest, "//", 2) != 0) {
		snprintf(why, whylen, web ? "URL has no host" :
		    "file URL needs an absolute path (file:///path)");
		return -1;
	}
	rest += 2;
	if (web) {
		size_t alen = strcspn(rest, "/?#");
		const char *host = rest;
		for (size_t i = 0; i < alen; i++)
			if (rest[i] == '@')
				host = rest + i + 1;
		if (host == rest + alen || *host == ':') {
			snprintf(why, whylen, "URL has no host");
			return -1;
		}
	} else if (rest[0] != '/' && strncasecmp(rest, "localhost/", 10)) {
		snprintf(why, whylen,
		    "file URL needs an absolute path (file:///path)");
		return -1;
	}
	for (const char *s = w; *s; s++) {
		if (url_char_bad((unsigned char)*s)) {
			if (*s == ' ')
				snprintf(why, whylen, "URL contains a space");
			else
				snprintf(why, whylen, "URL contains '%c'", *s);
			return -1;
		}
	}
	*url = xstrdup(w);
	return 0;
}

/* The duplicate key: the URL with its scheme and host in lower case. */
static char *
url_key(const char *url)
{
	char *k = xstrdup(url);
	size_t sl = scheme_len(k);

	for (size_t i = 0; i < sl; i++)
		if (k[i] >= 'A' && k[i] <= 'Z')
			k[i] |= 0x20;
	if (strncmp(k + sl, "://", 3) != 0)
		return k;
	char *a = k + sl + 3;
	size_t alen = strcspn(a, "/?#");
	char *host = a;
	for (size_t i = 0; i < alen; i++)
		if (a[i] == '@')
			host = a + i + 1;
	for (; host < a + alen; host++)
		if (*host >= 'A' && *host <= 'Z')
			*host |= 0x20;
	return k;
}

/* The list and its index. */

static void
parser_init(struct parser *p, struct feedlist *list, const char *name,
    const char *basedir, feedlist_report_fn fn, void *ctx)
{
	memset(p, 0, sizeof(*p));
	memset(list, 0, sizeof(*list));
	p->list = list;
	p->name = name;
	p->report = fn;
	p->ctx = ctx;
	if (basedir) {
		p->basedir = xstrdup(basedir);
	} else {
		char cwd[PATH_MAX];
		if (getcwd(cwd, sizeof(cwd)))
			p->basedir = xstrdup(cwd);
	}
	p->nslots = 64;
	p->slots = xcalloc(p->nslots, sizeof(*p->slots));
}

static void
parser_fini(struct parser *p)
{
	for (size_t i = 0; i < p->list->n; i++)
		free(p->keys[i]);
	free(p->keys);
	free(p->slots);
	free(p->basedir);
}

static size_t *
slot_for(struct parser *p, const char *key)
{
	size_t mask = p->nslots - 1;
	size_t i = (size_t)util_hash(key, strlen(key), 0x7765) & mask;

	while (p->slots[i] && strcmp(p->keys[p->slots[i] - 1], key) != 0)
		i = (i + 1) & mask;
	return &p->slots[i];
}

static void
grow_index(struct parser *p)
{
	free(p->slots);
	p->nslots *= 2;
	p->slots = xcalloc(p->nslots, sizeof(*p->slots));
	for (size_t i = 0; i < p->list->n; i++)
		*slot_for(p, p->keys[i]) = i + 1;
}

/* Adds f (taking what it owns), or merges it into the feed with the same
 * key.  Returns the feed's index; *merged tells which happened. */
static size_t
list_add(struct parser *p, struct feed_src *f, int *merged)
{
	struct feedlist *l = p->list;
	char *key = url_key(f->url);
	size_t *slot = slot_for(p, key);

	if (*slot) {
		struct feed_src *old = &l->feeds[*slot - 1];
		for (size_t i = 0; i < f->ntags; i++)
			add_tag(old, f->tags[i]);
		f->ntags = 0;
		if (!old->title) {
			old->title = f->title;
			f->title = NULL;
		}
		if (!old->interval)
			old->interval = f->interval;
		feed_fini(f);
		free(key);
		*merged = 1;
		return *slot - 1;
	}
	if (l->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		l->feeds = xreallocarray(l->feeds, p->cap, sizeof(*l->feeds));
		p->keys = xreallocarray(p->keys, p->cap, sizeof(*p->keys));
	}
	l->feeds[l->n] = *f;
	p->keys[l->n] = key;
	*slot = ++l->n;
	if (l->n * 2 > p->nslots)
		grow_index(p);
	*merged = 0;
	return l->n - 1;
}

/* The feeds file. */

static void
on_line(unsigned line, char **w, size_t n, void *ctx)
{
	struct parser *p = ctx;
	struct feed_src f;
	char why[160];

	memset(&f, 0, sizeof(f));
	f.line = line;
	if (make_url(w[0], p->basedir, &f.url, why, sizeof(why)) < 0) {
		report(p, line, "%s", why);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		const char *t = w[i];
		if (t[0] == '~') {
			char *title = text_clean(t + 1, strlen(t + 1), 0);
			if (!title[0]) {
				free(title);
				report(p, line, "empty title tag \"~\"");
				feed_fini(&f);
				return;
			}
			free(f.title);
			f.title = title;
		} else if (strncmp(t, "every:", 6) == 0) {
			int64_t secs;
			if (settings_parse_duration(t + 6, &secs) < 0)
				report(p, line, "'%s' is not a refresh interval"
				    " (like every:10m), tag ignored", t);
			else if (secs < SETTINGS_INTERVAL_MIN ||
			    secs > SETTINGS_INTERVAL_MAX)
				report(p, line, "'%s' is out of range"
				    " (every:30s to every:7d), tag ignored", t);
			else
				f.interval = (int)secs;
		} else {
			char *tag = text_clean(t, strlen(t), 0);
			if (tag[0])
				add_tag(&f, tag);
			else
				free(tag);
		}
	}
	int merged;
	size_t at = list_add(p, &f, &merged);
	if (merged)
		report(p, line, "duplicate of line %u, merged",
		    p->list->feeds[at].line);
}

int
feedlist_parse_mem(const char *data, size_t len, const char *name,
    const char *basedir, struct feedlist *list, feedlist_report_fn fn,
    void *ctx)
{
	struct parser p;

	parser_init(&p, list, name, basedir, fn, ctx);
	settings_each_line(data, len, name, on_line, &p, count_report, &p);
	parser_fini(&p);
	return list->n ? 0 : -1;
}

/* The absolute directory of path (caller frees). */
static char *
dir_of(const char *path)
{
	char cwd[PATH_MAX];
	char *abs;

	if (path[0] == '/') {
		abs = settings_expand_path(path, NULL);
	} else {
		if (!getcwd(cwd, sizeof(cwd)))
			return NULL;
		/* "./" keeps a leading "~" a name, not $HOME. */
		char *rel = xasprintf("./%s", path);
		abs = settings_expand_path(rel, cwd);
		free(rel);
	}
	if (!abs)
		return NULL;
	char *slash = strrchr(abs, '/');
	if (slash == abs)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	return abs;
}

/* Parses data as the feeds file at path into list, with the line-number
 * and merge reports, counting them; 0 or -1 (no feed). */
static int
parse_file_data(const char *data, size_t len, const char *path,
    struct feedlist *list, feedlist_report_fn fn, void *ctx,
    unsigned *nreported)
{
	struct parser p;
	char *dir = dir_of(path);

	parser_init(&p, list, path, dir, fn, ctx);
	free(dir);
	settings_each_line(data, len, path, on_line, &p, count_report, &p);
	*nreported = p.reported;
	parser_fini(&p);
	return list->n ? 0 : -1;
}

int
feedlist_load(const char *path, struct feedlist *list,
    feedlist_report_fn fn, void *ctx, char *err, size_t errlen)
{
	size_t len;
	unsigned nbad;

	memset(list, 0, sizeof(*list));
	char *data = util_read_file(path, FEEDLIST_FILE_MAX, &len, err, errlen);
	if (!data)
		return -1;
	int rc = parse_file_data(data, len, path, list, fn, ctx, &nbad);
	free(data);
	if (rc < 0) {
		if (nbad)
			snprintf(err, errlen, "%s: no usable feed (%u bad %s)",
			    path, nbad, nbad == 1 ? "line" : "lines");
		else
			snprintf(err, errlen, "%s: no feeds in the file", path);
	}
	return rc;
}

/* Writing the feeds file's syntax. */

/* Appends s as one word, quoted when it has to be (or always when
 * prefix is not NULL, which goes inside the quotes). */
static void
put_word(struct buf *b, const char *prefix, const char *s)
{
	int quote = prefix != NULL || !s[0] || s[0] == '#' || s[0] == '~' ||
	    strpbrk(s, " \t\"\\") != NULL;

	if (!quote) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	if (prefix)
		buf_puts(b, prefix);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

/* One feeds-file line for f, or -1 when it would be too long to read. */
static int
format_line(const struct feed_src *f, struct buf *out)
{
	struct buf b;

	buf_init(&b, 0);
	buf_puts(&b, f->url);
	for (size_t i = 0; i < f->ntags; i++) {
		buf_putc(&b, ' ');
		put_word(&b, NULL, f->tags[i]);
	}
	if (f->title) {
		buf_putc(&b, ' ');
		put_word(&b, "~", f->title);
	}
	int rc = -1;
	if (b.len <= SETTINGS_LINE_MAX) {
		buf_append(out, b.p, b.len);
		buf_putc(out, '\n');
		rc = 0;
	}
	buf_fini(&b);
	return rc;
}

/* OPML reading. */

/* The value of n's attribute name (case-insensitive), from its text
 * nodes only: entity references are left out, never expanded.  Caller
 * frees; NULL when there is no such attribute. */
static char *
opml_attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (xmlStrcasecmp(a->name, (const xmlChar *)name) != 0)
			continue;
		struct buf b;
		buf_init(&b, 0);
		for (const xmlNode *c = a->children; c; c = c->next)
			if (c->type == XML_TEXT_NODE && c->content)
				buf_puts(&b, (const char *)c->content);
		char *v = text_clean(b.p ? b.p : "", b.len, 0);
		buf_fini(&b);
		return v;
	}
	return NULL;
}

static int
is_outline(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE &&
	    xmlStrcasecmp(n->name, (const xmlChar *)"outline") == 0;
}

struct opml_walk {
	struct parser *p;
	struct buf folder; /* "A/B" of the enclosing folders */
	unsigned usable;   /* http(s) outlines seen */
};

static void
opml_feed(struct opml_walk *ow, const xmlNode *n, char *url)
{
	struct parser *p = ow->p;
	unsigned line = (unsigned)xmlGetLineNo(n);
	size_t sl = scheme_len(url);
	char why[160], shown[96];
	struct feed_src f;

	shorten(url, shown, sizeof(shown));
	if (!scheme_is(url, sl, "http") && !scheme_is(url, sl, "https")) {
		report(p, line, "skipped '%s': not an http(s) feed", shown);
		return;
	}
	memset(&f, 0, sizeof(f));
	if (make_url(url, NULL, &f.url, why, sizeof(why)) < 0) {
		report(p, line, "skipped '%s': %s", shown, why);
		return;
	}
	char *title = opml_attr(n, "title");
	if (!title || !title[0]) {
		free(title);
		title = opml_attr(n, "text");
	}
	if (title && title[0] && strcmp(title, url) != 0)
		f.title = title;
	else
		free(title);
	if (ow->folder.len)
		add_tag(&f, xstrdup(ow->folder.p));
	f.line = line; /* for a report when writing */
	int merged;
	list_add(p, &f, &merged);
	ow->usable++;
}

static void
opml_walk(struct opml_walk *ow, const xmlNode *parent)
{
	for (const xmlNode *n = parent->children; n; n = n->next) {
		if (!is_outline(n))
			continue;
		char *url = opml_attr(n, "xmlUrl");
		if (url && url[0]) {
			opml_feed(ow, n, url);
			free(url);
			continue;
		}
		free(url);
		/* A folder: its name (text, else title) joins the tag. */
		char *name = opml_attr(n, "text");
		if (!name || !name[0]) {
			free(name);
			name = opml_attr(n, "title");
		}
		size_t saved = ow->folder.len;
		const char *s = name ? name : "";
		while (*s == '~') /* would read back as a title */
			s++;
		if (*s) {
			if (ow->folder.len)
				buf_putc(&ow->folder, '/');
			buf_puts(&ow->folder, s);
		}
		free(name);
		opml_walk(ow, n);
		ow->folder.len = saved;
		if (ow->folder.p)
			ow->folder.p[saved] = '\0';
	}
}

/* Keeps libxml2's first error for the caller instead of stderr. */
static void
xml_error(void *userdata, xmlErrorPtr e)
{
	xmlParserCtxtPtr c = userdata;
	char *first = c->_private;

	if (first && !first[0] && e && e->message) {
		char *msg = text_clean(e->message, strlen(e->message), 0);
		shorten(msg, first, 160);
		free(msg);
	}
}

/* Parses the OPML file into a libxml2 document, keeping the parser's
 * first complaint in first (160 bytes); NULL with err set. */
static xmlDocPtr
opml_read(const char *path, char *first, char *err, size_t errlen)
{
	size_t len;
	char *data = util_read_file(path, FEEDLIST_FILE_MAX, &len, err, errlen);

	if (!data)
		return NULL;
	if (len > INT_MAX) {
		snprintf(err, errlen, "%s: too large", path);
		free(data);
		return NULL;
	}
	xmlParserCtxtPtr c = xmlNewParserCtxt();
	if (!c)
		die("out of memory");
	c->_private = first;
	c->sax->serror = xml_error;
	xmlDocPtr doc = xmlCtxtReadMemory(c, data, (int)len, NULL, NULL,
	    XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	xmlFreeParserCtxt(c);
	free(data);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root) {
		snprintf(err, errlen, "%s: not an XML file (%s)", path,
		    first[0] ? first : "empty");
		xmlFreeDoc(doc);
		return NULL;
	}
	if (xmlStrcasecmp(root->name, (const xmlChar *)"opml") != 0) {
		char shown[40];
		shorten((const char *)root->name, shown, sizeof(shown));
		snprintf(err, errlen, "%s: not an OPML file (the root element"
		    " is <%s>)", path, shown);
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/* mkdir -p for the directories above path. */
static int
make_parents(const char *path, char *err, size_t errlen)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	int rc = 0;

	if (!slash || slash == dir) {
		free(dir);
		return 0;
	}
	*slash = '\0';
	for (char *s = dir + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
			snprintf(err, errlen, "%s: %s", dir, strerror(errno));
			rc = -1;
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	free(dir);
	return rc;
}

/* Appends text to the file at path (created when missing), first ending
 * an unterminated last line, and syncs it. */
static int
append_file(const char *path, const char *text, size_t len, char *err,
    size_t errlen)
{
	struct stat st;
	char last = '\n';

	if (make_parents(path, err, errlen) < 0)
		return -1;
	int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == 0 && st.st_size > 0 &&
	    pread(fd, &last, 1, st.st_size - 1) != 1)
		last = '\n';
	int rc = 0;
	if (last != '\n' && write(fd, "\n", 1) != 1)
		rc = -1;
	for (size_t off = 0; rc == 0 && off < len;) {
		ssize_t w = write(fd, text + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			rc = -1;
		else
			off += (size_t)w;
	}
	if (rc == 0 && fsync(fd) < 0 && errno != EINVAL)
		rc = -1;
	if (rc < 0)
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
	if (close(fd) < 0 && rc == 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		rc = -1;
	}
	return rc;
}

int
feedlist_import_opml(const char *opml_path, const char *feeds_path,
    feedlist_report_fn fn, void *ctx, char *err, size_t errlen)
{
	struct feedlist list;
	struct parser p;
	struct stat st;
	char *data = NULL;
	size_t len = 0;

	char first[160] = "";
	xmlDocPtr doc = opml_read(opml_path, first, err, errlen);
	if (!doc)
		return -1;
	if (stat(feeds_path, &st) == 0 || errno != ENOENT) {
		data = util_read_file(feeds_path, FEEDLIST_FILE_MAX, &len, err,
		    errlen);
		if (!data) {
			xmlFreeDoc(doc);
			return -1;
		}
	}

	/* The feeds already there, silently: this is not their check. */
	char *dir = dir_of(feeds_path);
	parser_init(&p, &list, feeds_path, dir, NULL, NULL);
	free(dir);
	if (data)
		settings_each_line(data, len, feeds_path, on_line, &p, NULL,
		    NULL);
	free(data);
	size_t old = list.n;

	struct opml_walk ow;
	ow.p = &p;
	ow.usable = 0;
	buf_init(&ow.folder, 0);
	p.name = opml_path;
	p.report = fn;
	p.ctx = ctx;
	const xmlNode *root = xmlDocGetRootElement(doc);
	for (const xmlNode *n = root->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrcasecmp(n->name, (const xmlChar *)"body") == 0)
			opml_walk(&ow, n);
	buf_fini(&ow.folder);
	xmlFreeDoc(doc);

	int rc = (int)(list.n - old);
	if (ow.usable == 0) {
		snprintf(err, errlen, "%s: no http(s) feeds in the file%s%s%s",
		    opml_path, first[0] ? " (" : "", first,
		    first[0] ? ")" : "");
		rc = -1;
	} else if (list.n > old) {
		struct buf out;
		const char *base = strrchr(opml_path, '/');
		base = base ? base + 1 : opml_path;
		char *name = text_clean(base, strlen(base), 0);
		buf_init(&out, 0);
		buf_appendf(&out, "# imported from %s\n", name);
		free(name);
		for (size_t i = old; i < list.n; i++) {
			if (format_line(&list.feeds[i], &out) == 0)
				continue;
			char shown[96];
			shorten(list.feeds[i].url, shown, sizeof(shown));
			report(&p, list.feeds[i].line, "skipped '%s': its line"
			    " would be longer than %d bytes", shown,
			    SETTINGS_LINE_MAX);
			rc--;
		}
		if (rc > 0 &&
		    append_file(feeds_path, out.p, out.len, err, errlen) < 0)
			rc = -1;
		buf_fini(&out);
	}
	parser_fini(&p);
	feedlist_fini(&list);
	return rc;
}

/* OPML writing. */

/* Appends s XML-escaped for an attribute value: markup characters and
 * white space as references, anything XML cannot carry dropped. */
static void
put_xml(struct buf *b, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = text_utf8_next(s + i, n - i, &cp);
		switch (cp) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		case '\'':
			buf_puts(b, "&apos;");
			break;
		case '\t':
		case '\n':
		case '\r':
			buf_appendf(b, "&#%u;", (unsigned)cp);
			break;
		default:
			if (cp >= 0x20 && cp != 0xfffe && cp != 0xffff &&
			    (cp < 0x7f || cp >= 0xa0))
				buf_append(b, s + i, k);
			break;
		}
		i += k;
	}
}

struct folder {
	char *name;
	size_t *feeds, nfeeds;
	struct folder *kids;
	size_t nkids;
};

static struct folder *
folder_child(struct folder *f, const char *name, size_t n)
{
	for (size_t i = 0; i < f->nkids; i++)
		if (strlen(f->kids[i].name) == n &&
		    memcmp(f->kids[i].name, name, n) == 0)
			return &f->kids[i];
	f->kids = xreallocarray(f->kids, f->nkids + 1, sizeof(*f->kids));
	struct folder *k = &f->kids[f->nkids++];
	memset(k, 0, sizeof(*k));
	k->name = xstrndup(name, n);
	return k;
}

static void
folder_add(struct folder *f, size_t feed)
{
	if (f->nfeeds && f->feeds[f->nfeeds - 1] == feed)
		return;
	f->feeds = xreallocarray(f->feeds, f->nfeeds + 1, sizeof(*f->feeds));
	f->feeds[f->nfeeds++] = feed;
}

static void
folder_fini(struct folder *f)
{
	for (size_t i = 0; i < f->nkids; i++)
		folder_fini(&f->kids[i]);
	free(f->kids);
	free(f->feeds);
	free(f->name);
}

static void
indent(struct buf *b, unsigned depth)
{
	for (unsigned i = 0; i < depth; i++)
		buf_puts(b, "  ");
}

static void
write_folder(const struct feedlist *list, const struct folder *f,
    unsigned depth, struct buf *out)
{
	for (size_t i = 0; i < f->nfeeds; i++) {
		const struct feed_src *fs = &list->feeds[f->feeds[i]];
		indent(out, depth);
		buf_puts(out, "<outline type=\"rss\" text=\"");
		put_xml(out, fs->title ? fs->title : fs->url);
		if (fs->title) {
			buf_puts(out, "\" title=\"");
			put_xml(out, fs->title);
		}
		buf_puts(out, "\" xmlUrl=\"");
		put_xml(out, fs->url);
		buf_puts(out, "\"/>\n");
	}
	for (size_t i = 0; i < f->nkids; i++) {
		const struct folder *k = &f->kids[i];
		indent(out, depth);
		buf_puts(out, "<outline text=\"");
		put_xml(out, k->name);
		buf_puts(out, "\" title=\"");
		put_xml(out, k->name);
		buf_puts(out, "\">\n");
		write_folder(list, k, depth + 1, out);
		indent(out, depth);
		buf_puts(out, "</outline>\n");
	}
}

void
feedlist_write_opml(const struct feedlist *list, struct buf *out)
{
	struct folder root;

	memset(&root, 0, sizeof(root));
	for (size_t i = 0; i < list->n; i++) {
		const struct feed_src *f = &list->feeds[i];
		int placed = 0;
		for (size_t t = 0; t < f->ntags; t++) {
			struct folder *at = &root;
			for (const char *s = f->tags[t]; *s;) {
				size_t n = strcspn(s, "/");
				if (n)
					at = folder_child(at, s, n);
				s += n;
				if (*s == '/')
					s++;
			}
			if (at != &root) {
				folder_add(at, i);
				placed = 1;
			}
		}
		if (!placed)
			folder_add(&root, i);
	}
	buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		      "<opml version=\"2.0\">\n"
		      "<head>\n"
		      "  <title>wiredesk feeds</title>\n"
		      "</head>\n"
		      "<body>\n");
	write_folder(list, &root, 1, out);
	buf_puts(out, "</body>\n</opml>\n");
	folder_fini(&root);
}
