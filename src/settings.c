/* settings: the config file, the XDG paths, and the line syntax the config
 * file shares with the feeds file.
 *
 * Both files use newsboat's syntax, so one tokenizer (settings_each_line)
 * serves both: it handles the BOM, CRLF, quotes, escapes and comments,
 * and rejects lines that could not be shown or used safely (too long, not
 * UTF-8, control characters).  What a line means is the caller's business:
 * here a table maps each setting's name to how its value is read (a
 * duration, a count, a size, a fraction, a string or a path), its range
 * and where it lands in struct settings, so adding a setting is one row.
 *
 * Invariants: a bad line never changes s; every value in s is within its
 * documented range; numbers are read without strtol/strtod, so neither the
 * locale nor a leading sign or space changes their meaning. */
#include "settings.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "text.h"

#ifndef WIREDESK_VERSION
#define WIREDESK_VERSION "unknown"
#endif

#define CONFIG_MAX (1024 * 1024) /* bytes of config file */
#define STRING_MAX 1024		 /* bytes of a string value */

/* Tokenizer. */

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Splits line[0..n) into words written into out (at least n + 1 bytes),
 * each NUL-terminated, and stores their starts in words (at least n / 2 +
 * 1 slots).  Returns the word count, -1 for an unterminated quote, or -2
 * when a word holds a NUL byte (which would silently cut it short). */
static long
split_words(const char *line, size_t n, char *out, char **words)
{
	size_t i = 0, o = 0;
	long nw = 0;
	int nul = 0;

	for (;;) {
		while (i < n && is_blank(line[i]))
			i++;
		if (i == n || line[i] == '#')
			break;
		words[nw++] = out + o;
		if (line[i] == '"') {
			for (i++; i < n && line[i] != '"'; i++) {
				char c = line[i];
				if (c == '\\' && i + 1 < n) {
					c = line[++i];
					if (c == 'n')
						c = '\n';
					else if (c == 't')
						c = '\t';
					else if (c == 'r')
						c = '\r';
				}
				nul |= c == '\0';
				out[o++] = c;
			}
			if (i == n)
				return -1;
			i++; /* the closing quote */
		} else {
			for (; i < n && !is_blank(line[i]); i++) {
				nul |= line[i] == '\0';
				out[o++] = line[i];
			}
		}
		out[o++] = '\0';
	}
	return nul ? -2 : nw;
}

/* Why word s cannot be used, or NULL: not UTF-8, or a control character
 * (C0, DEL, C1; a NUL byte included). */
static const char *
word_problem(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = text_utf8_next(s + i, n - i, &cp);
		if (cp == 0xfffd &&
		    (k != 3 || memcmp(s + i, "\xef\xbf\xbd", 3) != 0))
			return "invalid UTF-8";
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
			return "control character";
		i += k;
	}
	return NULL;
}

/* Formats "NAME:LINE: reason" and hands it to report (when not NULL). */
static void
vreport(settings_report_fn report, void *ctx, const char *name,
    unsigned line, const char *fmt, va_list ap) ATTR_PRINTF(5, 0);
static void
report_line(settings_report_fn report, void *ctx, const char *name,
    unsigned line, const char *fmt, ...) ATTR_PRINTF(5, 6);

static void
vreport(settings_report_fn report, void *ctx, const char *name,
    unsigned line, const char *fmt, va_list ap)
{
	struct buf b;

	if (!report)
		return;
	buf_init(&b, 0);
	buf_appendf(&b, "%s:%u: ", name, line);
	buf_vappendf(&b, fmt, ap);
	report(b.p, ctx);
	buf_fini(&b);
}

static void
report_line(settings_report_fn report, void *ctx, const char *name,
    unsigned line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(report, ctx, name, line, fmt, ap);
	va_end(ap);
}

void
settings_each_line(const char *data, size_t len, const char *name,
    settings_words_fn fn, void *fnctx, settings_report_fn report,
    void *reportctx)
{
	char *out = xmalloc(SETTINGS_LINE_MAX + 2);
	char **words = xcalloc(SETTINGS_LINE_MAX / 2 + 2, sizeof(*words));
	size_t pos = 0;
	unsigned lineno = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		pos = 3;
	while (pos < len) {
		const char *line = data + pos;
		const char *nl = memchr(line, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - line) : len - pos;

		pos += n + (nl != NULL);
		lineno++;
		if (n > 0 && line[n - 1] == '\r')
			n--;
		if (n > SETTINGS_LINE_MAX) {
			report_line(report, reportctx, name, lineno,
			    "line too long (over %d bytes)", SETTINGS_LINE_MAX);
			continue;
		}
		long nw = split_words(line, n, out, words);
		const char *why = nw == -1 ? "unterminated quote" :
		    nw == -2 ? "control character" : NULL;
		for (long i = 0; i < nw && !why; i++)
			why = word_problem(words[i], strlen(words[i]));
		if (why) {
			report_line(report, reportctx, name, lineno, "%s", why);
			continue;
		}
		if (nw > 0)
			fn(lineno, words, (size_t)nw, fnctx);
	}
	free(words);
	free(out);
}

/* Numbers. */

/* Reads the decimal digits at *s into *v; returns -1 on none or overflow. */
static int
read_digits(const char **s, uint64_t *v)
{
	const char *p = *s;
	uint64_t n = 0;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (n > (UINT64_MAX - 9) / 10)
			return -1;
		n = n * 10 + (uint64_t)(*p - '0');
	}
	*s = p;
	*v = n;
	return 0;
}

/* A plain decimal number. */
static int
parse_count(const char *s, int64_t *out)
{
	uint64_t v;

	if (read_digits(&s, &v) < 0 || *s || v > INT64_MAX)
		return -1;
	*out = (int64_t)v;
	return 0;
}

/* A number with an optional one-letter unit from units (each with its
 * multiplier in mults); case-insensitive. */
static int
parse_unit(const char *s, const char *units, const uint64_t *mults,
    uint64_t *out)
{
	uint64_t v, m = 1;

	if (read_digits(&s, &v) < 0)
		return -1;
	if (*s) {
		const char *u = strchr(units, *s | 0x20);
		if (!u || s[1])
			return -1;
		m = mults[u - units];
	}
	if (v > UINT64_MAX / m || v * m > INT64_MAX)
		return -1;
	*out = v * m;
	return 0;
}

int
settings_parse_duration(const char *s, int64_t *secs)
{
	static const uint64_t mults[] = { 1, 60, 3600, 86400 };
	uint64_t v;

	if (parse_unit(s, "smhd", mults, &v) < 0)
		return -1;
	*secs = (int64_t)v;
	return 0;
}

int
settings_parse_size(const char *s, uint64_t *bytes)
{
	static const uint64_t mults[] = { 1024, 1024 * 1024,
		1024 * 1024 * 1024 };

	return parse_unit(s, "kmg", mults, bytes);
}

/* "0", "1", "0.35", ".5", "1.0" within [0, 1], without strtod (locale). */
static int
parse_fraction(const char *s, double *out)
{
	double v = 0, scale = 1;
	int digits = 0;

	for (; *s >= '0' && *s <= '9'; s++, digits++)
		if (digits < 10)
			v = v * 10 + (*s - '0');
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++, digits++)
			if (scale > 1e-12)
				v += (*s - '0') * (scale /= 10);
	if (*s || digits == 0)
		return -1;
	*out = v;
	return 0;
}

/* Paths. */

char *
settings_expand_path(const char *path, const char *basedir)
{
	struct buf b;
	const char *rest = path;

	if (!path[0])
		return NULL;
	buf_init(&b, 0);
	if (path[0] == '~') {
		const char *home = getenv("HOME");
		if ((path[1] && path[1] != '/') || !home || !home[0]) {
			buf_fini(&b);
			return NULL;
		}
		buf_puts(&b, home);
		rest = path + 1;
	} else if (path[0] != '/' && basedir) {
		buf_puts(&b, basedir);
	}
	if (b.len)
		buf_putc(&b, '/');
	buf_puts(&b, rest);

	/* Rebuild component by component: "" and "." vanish, ".." removes
	 * the previous component (at the root of an absolute path it stays
	 * there; a relative path keeps its leading ".."s). */
	struct buf o;
	int abs = b.p[0] == '/';
	buf_init(&o, 0);
	if (abs)
		buf_putc(&o, '/');
	size_t floor = o.len;
	for (const char *s = b.p; *s;) {
		size_t n = strcspn(s, "/");
		if (n == 2 && s[0] == '.' && s[1] == '.') {
			if (o.len > floor) {
				o.len--;
				while (o.len > floor && o.p[o.len - 1] != '/')
					o.len--;
			} else if (!abs) {
				buf_puts(&o, "../");
				floor = o.len;
			}
		} else if (n > 0 && !(n == 1 && s[0] == '.')) {
			buf_append(&o, s, n);
			buf_putc(&o, '/');
		}
		s += n;
		if (*s == '/')
			s++;
	}
	if (o.len > 1 && o.p[o.len - 1] == '/')
		o.len--;
	if (o.len == 0)
		buf_putc(&o, '.');
	o.p[o.len] = '\0';
	buf_fini(&b);
	return buf_take(&o);
}

static char *
xdg_path(const char *var, const char *fallback, const char *name)
{
	const char *v = getenv(var);
	char *dir = NULL;

	if (v && v[0] == '/') {
		dir = xstrdup(v);
	} else {
		const char *home = getenv("HOME");
		if (!home || !home[0])
			return NULL;
		dir = xasprintf("%s/%s", home, fallback);
	}
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		dir[--n] = '\0';
	char *p = xasprintf("%s%swiredesk/%s", dir, n > 1 ? "/" : "", name);
	free(dir);
	return p;
}

char *
settings_config_path(const char *name)
{
	return xdg_path("XDG_CONFIG_HOME", ".config", name);
}

char *
settings_data_path(const char *name)
{
	return xdg_path("XDG_DATA_HOME", ".local/share", name);
}

/* Settings. */

enum kind {
	K_DURATION,
	K_COUNT,
	K_SIZE,
	K_FRACTION,
	K_STRING,
	K_PATH,
	K_BOOL
};
enum ftype { F_INT, F_I64, F_SIZE, F_DOUBLE, F_STR };

struct spec {
	const char *name;
	enum kind kind;
	enum ftype ftype;
	size_t off;
	int64_t min, max; /* for strings: min and max length */
};

#define F(f) offsetof(struct settings, f)

/* Sorted by name (bsearch). */
static const struct spec specs[] = {
	{ "alert-bell", K_BOOL, F_INT, F(alert_bell), 0, 1 },
	{ "alert-command", K_STRING, F_STR, F(alert_command), 0, STRING_MAX },
	{ "breaking-outlets", K_COUNT, F_INT, F(breaking_outlets), 2, 1000 },
	{ "breaking-window", K_DURATION, F_I64, F(breaking_window), 60,
	    86400 },
	{ "browser", K_STRING, F_STR, F(browser), 0, STRING_MAX },
	{ "cluster-threshold", K_FRACTION, F_DOUBLE, F(cluster_threshold),
	    0, 1 },
	{ "cluster-window", K_DURATION, F_I64, F(cluster_window), 3600,
	    30 * 86400 },
	{ "connect-timeout", K_DURATION, F_INT, F(connect_timeout), 1, 300 },
	{ "log-file", K_PATH, F_STR, F(log_file), 0, STRING_MAX },
	{ "low-speed-limit", K_SIZE, F_INT, F(low_speed_limit), 0,
	    1024 * 1024 * 1024 },
	{ "low-speed-time", K_DURATION, F_INT, F(low_speed_time), 0, 3600 },
	{ "max-body", K_SIZE, F_SIZE, F(max_body), 1024, 1024 * 1024 * 1024 },
	{ "max-connections", K_COUNT, F_INT, F(max_connections), 1, 256 },
	{ "max-host-connections", K_COUNT, F_INT, F(max_host_connections), 1,
	    64 },
	{ "max-items-per-feed", K_COUNT, F_INT, F(max_items_per_feed), 1,
	    100000 },
	{ "refresh-interval", K_DURATION, F_INT, F(refresh_interval),
	    SETTINGS_INTERVAL_MIN, SETTINGS_INTERVAL_MAX },
	{ "retention-days", K_COUNT, F_INT, F(retention_days), 1, 3650 },
	{ "timeout", K_DURATION, F_INT, F(timeout), 1, 3600 },
	{ "user-agent", K_STRING, F_STR, F(user_agent), 1, 256 },
};

#undef F

static const char *const elements[] = {
	"border", "breaking", "default", "dim", "error", "help", "link", "new",
	"outlet", "selected", "selected-border", "status", "title", "watch",
};

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

void
settings_defaults(struct settings *s)
{
	memset(s, 0, sizeof(*s));
	s->refresh_interval = 300;
	s->max_connections = 16;
	s->max_host_connections = 4;
	s->connect_timeout = 15;
	s->timeout = 60;
	s->low_speed_limit = 16;
	s->low_speed_time = 20;
	s->max_body = 8 * 1024 * 1024;
	s->user_agent = xstrdup("wiredesk/" WIREDESK_VERSION);
	s->cluster_window = 48 * 3600;
	s->cluster_threshold = 0;
	s->retention_days = 14;
	s->max_items_per_feed = 1000;
	s->breaking_window = 3600;
	s->breaking_outlets = 3;
	s->alert_bell = 1;
}

void
settings_fini(struct settings *s)
{
	free(s->browser);
	free(s->user_agent);
	free(s->log_file);
	free(s->alert_command);
	for (size_t i = 0; i < s->nwatches; i++) {
		free(s->watches[i].term);
		for (size_t j = 0; j < s->watches[i].ntags; j++)
			free(s->watches[i].tags[j]);
		free(s->watches[i].tags);
		free(s->watches[i].file);
	}
	free(s->watches);
	for (size_t i = 0; i < s->ncolors; i++) {
		free(s->colors[i].element);
		free(s->colors[i].fg);
		free(s->colors[i].bg);
	}
	free(s->colors);
	for (size_t i = 0; i < s->nbinds; i++) {
		free(s->binds[i].key);
		free(s->binds[i].action);
		free(s->binds[i].view);
		free(s->binds[i].file);
	}
	free(s->binds);
	memset(s, 0, sizeof(*s));
}

struct parse_ctx {
	struct settings *s;
	const char *name;
	settings_report_fn report;
	void *ctx;
	unsigned line;
};

static void
bad(struct parse_ctx *pc, const char *fmt, ...) ATTR_PRINTF(2, 3);

static void
bad(struct parse_ctx *pc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(pc->report, pc->ctx, pc->name, pc->line, fmt, ap);
	va_end(ap);
}

/* A bound as a person would write it: 90 as "90s", 3600 as "1h", 1024
 * bytes as "1K". */
static void
fmt_bound(enum kind kind, int64_t v, char *out, size_t outlen)
{
	static const int64_t dmult[] = { 86400, 3600, 60 };
	static const int64_t smult[] = { 1024 * 1024 * 1024, 1024 * 1024,
		1024 };
	const char *units = kind == K_DURATION ? "dhm" :
	    kind == K_SIZE ? "GMK" : "";
	const int64_t *mult = kind == K_DURATION ? dmult : smult;

	for (size_t i = 0; units[i] && v > 0; i++) {
		if (v % mult[i] == 0) {
			snprintf(out, outlen, "%lld%c",
			    (long long)(v / mult[i]), units[i]);
			return;
		}
	}
	snprintf(out, outlen, "%lld%s", (long long)v,
	    kind == K_DURATION ? "s" : "");
}

static void
set_value(struct parse_ctx *pc, const struct spec *sp, const char *v)
{
	char *base = (char *)pc->s + sp->off;
	int64_t n = 0;
	uint64_t u;
	double d = 0;
	char *str = NULL;

	switch (sp->kind) {
	case K_DURATION:
		if (settings_parse_duration(v, &n) < 0) {
			bad(pc, "%s: '%s' is not a duration (like 300, 90s,"
			    " 10m, 2h)", sp->name, v);
			return;
		}
		break;
	case K_COUNT:
		if (parse_count(v, &n) < 0) {
			bad(pc, "%s: '%s' is not a whole number", sp->name, v);
			return;
		}
		break;
	case K_SIZE:
		if (settings_parse_size(v, &u) < 0) {
			bad(pc, "%s: '%s' is not a size (like 1048576, 512K,"
			    " 8M)", sp->name, v);
			return;
		}
		n = (int64_t)u;
		break;
	case K_BOOL:
		if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0) {
			bad(pc, "%s: '%s' is not yes or no", sp->name, v);
			return;
		}
		n = strcmp(v, "yes") == 0;
		break;
	case K_FRACTION:
		if (parse_fraction(v, &d) < 0) {
			bad(pc, "%s: '%s' is not a number", sp->name, v);
			return;
		}
		if (d < (double)sp->min || d > (double)sp->max) {
			bad(pc, "%s: %s is out of range (%lld to %lld)",
			    sp->name, v, (long long)sp->min,
			    (long long)sp->max);
			return;
		}
		*(double *)(void *)base = d;
		return;
	case K_STRING:
	case K_PATH:
		if ((int64_t)strlen(v) < sp->min) {
			bad(pc, "%s: empty value", sp->name);
			return;
		}
		if ((int64_t)strlen(v) > sp->max) {
			bad(pc, "%s: longer than %lld bytes", sp->name,
			    (long long)sp->max);
			return;
		}
		if (v[0] && sp->kind == K_PATH) {
			str = settings_expand_path(v, NULL);
			if (!str) {
				bad(pc, "%s: cannot expand '%s' (HOME is not"
				    " set, or ~user)", sp->name, v);
				return;
			}
		} else if (v[0]) {
			str = xstrdup(v);
		}
		free(*(char **)(void *)base);
		*(char **)(void *)base = str;
		return;
	}
	if (n < sp->min || n > sp->max) {
		char lo[32], hi[32];
		fmt_bound(sp->kind, sp->min, lo, sizeof(lo));
		fmt_bound(sp->kind, sp->max, hi, sizeof(hi));
		bad(pc, "%s: %s is out of range (%s to %s)", sp->name, v, lo,
		    hi);
		return;
	}
	switch (sp->ftype) {
	case F_INT:
		*(int *)(void *)base = (int)n;
		break;
	case F_I64:
		*(int64_t *)(void *)base = n;
		break;
	case F_SIZE:
		*(size_t *)(void *)base = (size_t)n;
		break;
	case F_DOUBLE:
	case F_STR:
		break;
	}
}

/* -1 the default, 0-7 the names, 0-255 colorN; -2 unknown. */
static int
color_index(const char *c)
{
	if (strcmp(c, "default") == 0)
		return -1;
	for (size_t i = 0; i < ARRAY_LEN(color_names); i++)
		if (strcmp(c, color_names[i]) == 0)
			return (int)i;
	if (strncmp(c, "color", 5) == 0) {
		const char *p = c + 5;
		uint64_t v;
		if (read_digits(&p, &v) == 0 && !*p && v <= 255 &&
		    (c[5] != '0' || !c[6]))
			return (int)v;
	}
	return -2;
}

static void
set_color(struct parse_ctx *pc, char **w, size_t n)
{
	struct setting_color c;

	if (n < 4) {
		bad(pc, "color needs ELEMENT FOREGROUND BACKGROUND"
		    " [bold] [underline] [reverse]");
		return;
	}
	size_t e;
	for (e = 0; e < ARRAY_LEN(elements); e++)
		if (strcmp(w[1], elements[e]) == 0)
			break;
	if (e == ARRAY_LEN(elements)) {
		bad(pc, "color: unknown element '%s'", w[1]);
		return;
	}
	memset(&c, 0, sizeof(c));
	c.fgi = color_index(w[2]);
	c.bgi = color_index(w[3]);
	if (c.fgi == -2 || c.bgi == -2) {
		bad(pc, "color: unknown color '%s' (black, red, green, yellow,"
		    " blue, magenta, cyan, white, default or color0 to"
		    " color255)", c.fgi == -2 ? w[2] : w[3]);
		return;
	}
	for (size_t i = 4; i < n; i++) {
		if (strcmp(w[i], "bold") == 0) {
			c.bold = 1;
		} else if (strcmp(w[i], "underline") == 0) {
			c.underline = 1;
		} else if (strcmp(w[i], "reverse") == 0) {
			c.reverse = 1;
		} else {
			bad(pc, "color: unknown attribute '%s' (bold, underline"
			    " or reverse)", w[i]);
			return;
		}
	}
	c.element = xstrdup(w[1]);
	c.fg = xstrdup(w[2]);
	c.bg = xstrdup(w[3]);

	struct settings *s = pc->s;
	for (size_t i = 0; i < s->ncolors; i++) {
		if (strcmp(s->colors[i].element, c.element) == 0) {
			free(s->colors[i].element);
			free(s->colors[i].fg);
			free(s->colors[i].bg);
			s->colors[i] = c;
			return;
		}
	}
	s->colors = xreallocarray(s->colors, s->ncolors + 1, sizeof(c));
	s->colors[s->ncolors++] = c;
}

static void
add_bind(struct parse_ctx *pc, char **w, size_t n)
{
	struct settings *s = pc->s;

	if (n < 3 || n > 4) {
		bad(pc, "bind needs KEY ACTION [VIEW]");
		return;
	}
	s->binds = xreallocarray(s->binds, s->nbinds + 1, sizeof(*s->binds));
	struct setting_bind *b = &s->binds[s->nbinds++];
	b->key = xstrdup(w[1]);
	b->action = xstrdup(w[2]);
	b->view = n == 4 ? xstrdup(w[3]) : NULL;
	b->file = xstrdup(pc->name);
	b->line = pc->line;
}

/* "watch TERM... [tag:TAG...]": one entry per term, each with the
 * line's tags.  A bad line adds nothing. */
static void
add_watch(struct parse_ctx *pc, char **w, size_t n)
{
	struct settings *s = pc->s;
	size_t nterms = 0, ntags = 0;

	for (size_t i = 1; i < n; i++) {
		if (strncmp(w[i], "tag:", 4) == 0) {
			if (w[i][4] == '\0') {
				bad(pc, "watch: empty tag in 'tag:'");
				return;
			}
			ntags++;
		} else if (w[i][0] == '\0') {
			bad(pc, "watch: empty term");
			return;
		} else {
			nterms++;
		}
	}
	if (nterms == 0) {
		bad(pc, "watch needs a term (watch TERM... [tag:TAG...])");
		return;
	}
	s->watches = xreallocarray(s->watches, s->nwatches + nterms,
	    sizeof(*s->watches));
	for (size_t i = 1; i < n; i++) {
		if (strncmp(w[i], "tag:", 4) == 0)
			continue;
		struct setting_watch *sw = &s->watches[s->nwatches++];
		sw->term = xstrdup(w[i]);
		sw->ntags = 0;
		sw->tags = ntags ? xcalloc(ntags, sizeof(*sw->tags)) : NULL;
		for (size_t j = 1; j < n; j++)
			if (strncmp(w[j], "tag:", 4) == 0)
				sw->tags[sw->ntags++] = xstrdup(w[j] + 4);
		sw->file = xstrdup(pc->name);
		sw->line = pc->line;
	}
}

static int
spec_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct spec *)elem)->name);
}

static void
parse_words(unsigned line, char **w, size_t n, void *ctx)
{
	struct parse_ctx *pc = ctx;

	pc->line = line;
	if (strcmp(w[0], "color") == 0) {
		set_color(pc, w, n);
		return;
	}
	if (strcmp(w[0], "bind") == 0) {
		add_bind(pc, w, n);
		return;
	}
	if (strcmp(w[0], "watch") == 0) {
		add_watch(pc, w, n);
		return;
	}
	const struct spec *sp = bsearch(w[0], specs, ARRAY_LEN(specs),
	    sizeof(specs[0]), spec_cmp);
	if (!sp) {
		bad(pc, "unknown setting '%s'", w[0]);
		return;
	}
	if (n < 2) {
		bad(pc, "%s needs a value", sp->name);
		return;
	}
	if (n > 2) {
		bad(pc, "%s takes one value (quote a value with spaces)",
		    sp->name);
		return;
	}
	set_value(pc, sp, w[1]);
}

int
settings_parse_mem(const char *data, size_t len, const char *name,
    struct settings *s, settings_report_fn report, void *ctx)
{
	struct parse_ctx pc = { s, name, report, ctx, 0 };

	settings_each_line(data, len, name, parse_words, &pc, report, ctx);
	return 0;
}

int
settings_load(const char *path, struct settings *s,
    settings_report_fn report, void *ctx, char *err, size_t errlen)
{
	struct stat st;
	size_t len;

	if (stat(path, &st) < 0 && errno == ENOENT)
		return 0;
	char *data = util_read_file(path, CONFIG_MAX, &len, err, errlen);
	if (!data)
		return -1;
	settings_parse_mem(data, len, path, s, report, ctx);
	free(data);
	return 0;
}
