/* outlet: short outlet names from feed titles and host names.
 *
 * Feed titles are written for feed directories, not for a column of ten
 * characters: "CNN.com - RSS Channel - App International Edition",
 * "Articles | Mail Online", "NYT > U.S. News", or a section's name alone
 * ("California" for the Los Angeles Times).  The host name says which
 * outlet it is (dailymail.co.uk, latimes.com) and, split into the words
 * newspapers are named with, is a name too ("Daily Mail", "LA Times").
 * The title part that matches the host is the outlet's own spelling and
 * wins while it is short and whole; see outlet.h for the rules.  All of
 * it is plain string work over ASCII: what no rule recognises falls back
 * to the title as written. */
#include "outlet.h"

#include <libpsl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "util.h"

#define SHORT 12 /* columns a title's name may take before the host's
                  * shorter one is preferred */
#define MAXSEG 8

/* Second-level labels under which the registered name is one further
 * left (news.bbc.co.uk, smh.com.au), where the Public Suffix List
 * cannot say. */
static const char *const second[] = {"ac", "co", "com", "edu", "gov", "net",
    "ne", "or", "org"};

/* Words outlets' names end with, for splitting a host name. */
static const char *const newsword[] = {"age", "bulletin", "business",
    "chronicle", "courier", "daily", "dispatch", "examiner", "express",
    "gazette", "globe", "guardian", "herald", "independent", "inquirer",
    "insider", "journal", "ledger", "mail", "mirror", "monitor", "network",
    "news", "observer", "online", "post", "press", "record", "register",
    "report", "reporter", "review", "sentinel", "standard", "star",
    "street", "sun", "telegraph", "times", "today", "tribune", "week",
    "weekly", "wire", "world"};

/* Words a feed title adds to an outlet's name. */
static const char *const generic[] = {"channel", "edition", "feed", "feeds",
    "headlines", "home", "latest", "news", "online", "rss", "stories", "top",
    "topics"};

static const char *const domains[] = {".com", ".co", ".net", ".org", ".tv",
    ".news"};

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int
is_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

static int
in_list(const char *const *list, size_t n, const char *w, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == len && strncmp(list[i], w, len) == 0)
			return 1;
	return 0;
}

/* Hosts that serve many publishers' feeds, by registered domain: on
 * some the publisher is the label left of it (name.substack.com), on the
 * others the path (feeds.feedburner.com/TechCrunch, youtube.com/feeds/
 * videos.xml?channel_id=...), so that the host names the service, not the
 * outlet.  Sorted, for bsearch. */
static const struct platform {
	const char *domain;
	int by_sub; /* the publisher is the subdomain */
} platforms[] = {
    {"acast.com", 0},
    {"anchor.fm", 0},
    {"appspot.com", 1},
    {"art19.com", 0},
    {"beehiiv.com", 0},
    {"blogspot.com", 1},
    {"bsky.app", 0},
    {"buttondown.email", 0},
    {"buzzsprout.com", 0},
    {"feedblitz.com", 0},
    {"feedburner.com", 0},
    {"fetchrss.com", 0},
    {"flipboard.com", 0},
    {"ghost.io", 1},
    {"github.com", 0},
    {"github.io", 1},
    {"gitlab.io", 1},
    {"go.com", 1},
    {"libsyn.com", 1},
    {"mastodon.social", 0},
    {"medium.com", 0},
    {"megaphone.fm", 0},
    {"netlify.app", 1},
    {"omny.fm", 0},
    {"podbean.com", 1},
    {"reddit.com", 0},
    {"rss.app", 0},
    {"rsshub.app", 0},
    {"simplecast.com", 0},
    {"soundcloud.com", 0},
    {"spreaker.com", 0},
    {"substack.com", 1},
    {"transistor.fm", 0},
    {"tumblr.com", 1},
    {"typepad.com", 1},
    {"wixsite.com", 1},
    {"wordpress.com", 1},
    {"youtube.com", 0},
};

static int
platform_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct platform *)e)->domain);
}

/* The Public Suffix List (libpsl): the system's copy when newer than the
 * library's own, loaded once. */
static pthread_once_t psl_once = PTHREAD_ONCE_INIT;
static const psl_ctx_t *psl;

static void
psl_load(void)
{
	psl = psl_latest(NULL);
	if (psl == NULL)
		psl = psl_builtin();
}

/* How many labels the registered domain of the n-byte host h has (3 for
 * feeds.bbci.co.uk's bbci.co.uk, 3 for www.beehive.govt.nz's), by the
 * Public Suffix List; 0 where it has none (a single label: localhost) or
 * the list is missing. */
static size_t
registered_labels(const char *h, size_t n)
{
	char host[256];

	pthread_once(&psl_once, psl_load);
	if (psl == NULL || n == 0 || n >= sizeof(host))
		return 0;
	for (size_t i = 0; i < n; i++)
		host[i] = (char)lower((unsigned char)h[i]);
	host[n] = '\0';
	const char *d = psl_registrable_domain(psl, host);
	if (d == NULL)
		return 0;
	size_t k = 1;
	for (; *d != '\0'; d++)
		k += *d == '.';
	return k;
}

/* What url's host says of its outlet: the registered name, lower case
 * ("dailymail" of https://www.dailymail.co.uk/x) into label and the
 * registered domain ("dailymail.co.uk") into domain; on a host that
 * serves many publishers, the publisher's subdomain and that under the
 * service ("name", "name.substack.com"), or nothing where the path says
 * who it is.  0 when the host names no outlet (none, an IP address, a
 * service's). */
static int
host_parts(const char *url, struct buf *label, struct buf *domain)
{
	const char *p = url ? strstr(url, "://") : NULL;

	buf_reset(label);
	buf_reset(domain);
	if (p == NULL)
		return 0;
	p += 3;
	size_t n = strcspn(p, "/?#");
	const char *at = memchr(p, '@', n);
	if (at != NULL) {
		n -= (size_t)(at + 1 - p);
		p = at + 1;
	}
	if (n > 0 && p[0] == '[')
		return 0; /* an IPv6 address names no outlet */
	const char *colon = memchr(p, ':', n);
	if (colon != NULL)
		n = (size_t)(colon - p);
	while (n > 0 && p[n - 1] == '.')
		n--; /* the root's dot: "example.com." */
	if (strspn(p, "0123456789.") >= n)
		return 0; /* nor does an IPv4 one */
	/* the labels, right to left */
	const char *lab[16];
	size_t len[16], nl = 0;
	size_t end = n;
	while (end > 0 && nl < ARRAY_LEN(lab)) {
		size_t b = end;
		while (b > 0 && p[b - 1] != '.')
			b--;
		lab[nl] = p + b;
		len[nl++] = end - b;
		end = b > 0 ? b - 1 : 0;
	}
	if (nl == 0)
		return 0;
	/* k: the registered name's label; right of it, the public suffix */
	size_t k = nl >= 2 ? 1 : 0, reg = registered_labels(p, n);
	if (reg > 0 && reg <= nl)
		k = reg - 1;
	else if (nl >= 3 && len[0] == 2 &&
	         in_list(second, ARRAY_LEN(second), lab[1], len[1]))
		k = 2;
	for (size_t i = k + 1; i-- > 0;) {
		for (size_t j = 0; j < len[i]; j++)
			buf_putc(domain, (char)lower((unsigned char)lab[i][j]));
		if (i > 0)
			buf_putc(domain, '.');
	}
	const struct platform *pf = bsearch(domain->p, platforms,
	    ARRAY_LEN(platforms), sizeof(platforms[0]), platform_cmp);
	if (pf != NULL) {
		/* www.substack.com is the service's own */
		if (!pf->by_sub || k + 1 >= nl ||
		    (len[k + 1] == 3 && strncmp(lab[k + 1], "www", 3) == 0)) {
			buf_reset(domain);
			return 0;
		}
		k++;
		struct buf d;
		buf_init(&d, 0);
		for (size_t j = 0; j < len[k]; j++)
			buf_putc(&d, (char)lower((unsigned char)lab[k][j]));
		buf_putc(&d, '.');
		buf_append(&d, domain->p, domain->len);
		buf_reset(domain);
		buf_append(domain, d.p, d.len);
		buf_fini(&d);
	}
	for (size_t i = 0; i < len[k]; i++)
		buf_putc(label, (char)lower((unsigned char)lab[k][i]));
	return label->len > 0;
}

char *
outlet_key(const char *url)
{
	struct buf label, domain;

	buf_init(&label, 0);
	buf_init(&domain, 0);
	char *key = NULL;
	if (url != NULL &&
	    (strncmp(url, "http://", 7) == 0 ||
	        strncmp(url, "https://", 8) == 0) &&
	    host_parts(url, &label, &domain))
		key = xstrdup(domain.p);
	buf_fini(&label);
	buf_fini(&domain);
	return key;
}

/* s in lower case with only letters and digits, into out. */
static void
compact(const char *s, size_t n, struct buf *out)
{
	buf_reset(out);
	for (size_t i = 0; i < n; i++)
		if (is_alnum((unsigned char)s[i]))
			buf_putc(out, (char)lower((unsigned char)s[i]));
}

/* Appends word w (lower case) as part of a name. */
static void
put_word(struct buf *b, const char *w, size_t n)
{
	if (b->len > 0)
		buf_putc(b, ' ');
	int vowel = 0;
	for (size_t i = 0; i < n; i++)
		vowel |= strchr("aeiouy", w[i]) != NULL;
	/* BBC, NY, TVNZ, but The */
	int caps = (n <= 3 && !(n == 3 && strncmp(w, "the", 3) == 0)) ||
	           (n == 4 && !vowel);
	for (size_t i = 0; i < n; i++) {
		int c = (unsigned char)w[i];
		if ((caps || i == 0) && c >= 'a' && c <= 'z')
			c = c - 'a' + 'A';
		buf_putc(b, (char)c);
	}
}

/* The host's registered name as words: "dailymail" is "Daily Mail",
 * "nytimes" "NY Times", "continental-courier" "Continental Courier". */
static void
host_name(const char *h, struct buf *out)
{
	size_t n = strlen(h);

	buf_reset(out);
	if (strchr(h, '-') != NULL) {
		for (const char *p = h; *p;) {
			size_t k = strcspn(p, "-");
			if (k > 0)
				put_word(out, p, k);
			p += k + (p[k] == '-');
		}
		return;
	}
	/* the longest outlet word it ends with, after a short or a whole
	 * word before it */
	size_t best = 0;
	for (size_t i = 0; i < ARRAY_LEN(newsword); i++) {
		size_t m = strlen(newsword[i]);
		if (m < n && m > best && strcmp(h + n - m, newsword[i]) == 0)
			best = m;
	}
	size_t pre = n - best;
	if (best > 0 && (pre <= 3 || pre >= 5 ||
	                    in_list(newsword, ARRAY_LEN(newsword), h, pre))) {
		put_word(out, h, pre);
		put_word(out, h + pre, best);
		return;
	}
	put_word(out, h, n);
}

/* A title part cleaned to a name: domain endings and the words a feed
 * title adds go, unless nothing with a letter would be left. */
static void
clean(const char *s, size_t n, struct buf *out)
{
	const char *w[32];
	size_t wl[32], nw = 0;

	for (size_t i = 0; i < n && nw < ARRAY_LEN(w);) {
		while (i < n && s[i] == ' ')
			i++;
		size_t b = i;
		while (i < n && s[i] != ' ')
			i++;
		if (i == b)
			continue;
		size_t len = i - b;
		for (size_t d = 0; d < ARRAY_LEN(domains); d++) {
			const char *dot = NULL;
			for (size_t j = 1; j < len; j++)
				if (s[b + j] == '.' &&
				    strncmp(s + b + j, domains[d],
				        strlen(domains[d])) == 0)
					dot = s + b + j;
			if (dot != NULL && dot > s + b)
				len = (size_t)(dot - (s + b));
		}
		w[nw] = s + b;
		wl[nw++] = len;
	}
	size_t keep = nw;
	while (keep > 1) {
		char low[32];
		size_t len = wl[keep - 1] < sizeof(low) ? wl[keep - 1] : 0;
		for (size_t j = 0; j < len; j++)
			low[j] = (char)lower((unsigned char)w[keep - 1][j]);
		if (!in_list(generic, ARRAY_LEN(generic), low, len))
			break;
		int letters = 0;
		for (size_t k = 0; k + 1 < keep; k++)
			for (size_t j = 0; j < wl[k]; j++)
				letters |= ((w[k][j] | 32) >= 'a' &&
				            (w[k][j] | 32) <= 'z');
		if (!letters)
			break;
		keep--;
	}
	buf_reset(out);
	int anyupper = 0;
	for (size_t k = 0; k < keep; k++) {
		if (k > 0)
			buf_putc(out, ' ');
		buf_append(out, w[k], wl[k]);
		for (size_t j = 0; j < wl[k]; j++)
			anyupper |= w[k][j] >= 'A' && w[k][j] <= 'Z';
	}
	/* "philstar" is written as a name */
	if (!anyupper && out->len > 0 && out->p[0] >= 'a' && out->p[0] <= 'z')
		out->p[0] = (char)(out->p[0] - 'a' + 'A');
}

/* Written like a name of its own: capitals only ("NYT", "1 NEWS"). */
static int
is_acronym(const char *s, size_t n)
{
	size_t letters = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return 0;
		letters += s[i] >= 'A' && s[i] <= 'Z';
	}
	return letters >= 2 && letters <= 6;
}

static int
has_domain(const char *s, size_t n)
{
	for (size_t d = 0; d < ARRAY_LEN(domains); d++) {
		size_t m = strlen(domains[d]);
		for (size_t i = 1; i + m <= n; i++)
			if (strncmp(s + i, domains[d], m) == 0 &&
			    is_alnum((unsigned char)s[i - 1]))
				return 1;
	}
	return 0;
}

/* Whether the words of s[0..n) (but "of", "the", "and") spell the host
 * h in another order, each once: "Times of India" is indiatimes.  (In
 * the host's order they are a name the other rules know.) */
static int
spells_reordered(const char *s, size_t n, const char *h)
{
	static const char *const little[] = {"and", "of", "the"};
	size_t lh = strlen(h), covered = 0, nw = 0, last = 0;
	int reordered = 0;
	char used[64] = {0};

	if (lh == 0 || lh > sizeof(used))
		return 0;
	for (size_t i = 0; i < n;) {
		while (i < n && !is_alnum((unsigned char)s[i]))
			i++;
		size_t b = i;
		while (i < n && is_alnum((unsigned char)s[i]))
			i++;
		size_t wl = i - b;
		char lw[4];
		for (size_t j = 0; j < wl && j < sizeof(lw); j++)
			lw[j] = (char)lower((unsigned char)s[b + j]);
		if (wl == 0 || (wl <= sizeof(lw) &&
		                   in_list(little, ARRAY_LEN(little), lw, wl)))
			continue;
		size_t at = 0;
		for (; at + wl <= lh; at++) {
			size_t j = 0;
			while (j < wl && !used[at + j] &&
			       lower((unsigned char)s[b + j]) == h[at + j])
				j++;
			if (j == wl)
				break;
		}
		if (at + wl > lh)
			return 0;
		memset(used + at, 1, wl);
		reordered |= nw > 0 && at < last;
		last = at;
		covered += wl;
		nw++;
	}
	return reordered && covered == lh;
}

/* Whether a cleaned title part (compact: sc; words as written: s) names
 * the host h. */
static int
matches(const char *sc, const char *s, size_t n, const char *h)
{
	size_t ls = strlen(sc), lh = strlen(h);

	if (ls == 0 || lh == 0)
		return 0;
	if (strcmp(sc, h) == 0 || (lh >= 3 && strncmp(sc, h, lh) == 0) ||
	    (ls >= 2 && strncmp(h, sc, ls) == 0) ||
	    (lh >= 4 && strstr(sc, h) != NULL) ||
	    (ls >= 4 && strstr(h, sc) != NULL))
		return 1;
	/* by initials: "Sydney Morning Herald" is smh, "New Zealand
	 * Herald" nzherald */
	char ini[32], last[64];
	size_t ni = 0, nlast = 0;
	for (size_t i = 0; i < n;) {
		while (i < n && !is_alnum((unsigned char)s[i]))
			i++;
		if (i >= n)
			break;
		if (ni < sizeof(ini))
			ini[ni++] = (char)lower((unsigned char)s[i]);
		nlast = 0;
		while (i < n && is_alnum((unsigned char)s[i])) {
			if (nlast < sizeof(last))
				last[nlast++] = (char)lower((unsigned char)s[i]);
			i++;
		}
	}
	if (ni >= 2 && ni == lh && strncmp(ini, h, ni) == 0)
		return 1;
	if (spells_reordered(s, n, h))
		return 1;
	return ni >= 2 && ni - 1 + nlast == lh &&
	       strncmp(ini, h, ni - 1) == 0 &&
	       strncmp(last, h + ni - 1, nlast) == 0;
}

static const char *
str(const struct buf *b)
{
	return b->p != NULL ? b->p : "";
}

static const char *const seps[] = {" - ", " | ", " > ", " / ", ": ", " :: ",
    " \xe2\x80\x94 ", " \xe2\x80\x93 "};

char *
outlet_name(const char *title, const char *url)
{
	struct buf h, dom, cl, sc, hn;
	const char *seg[MAXSEG];
	size_t segn[MAXSEG], ns = 0;

	buf_init(&h, 0);
	buf_init(&dom, 0);
	buf_init(&cl, 0);
	buf_init(&sc, 0);
	buf_init(&hn, 0);
	int have_host = host_parts(url, &h, &dom);
	if (have_host)
		host_name(str(&h), &hn);
	/* the title's parts */
	for (const char *p = title; p != NULL && *p != '\0' && ns < MAXSEG;) {
		const char *cut = NULL;
		size_t cutlen = 0;
		for (size_t i = 0; i < ARRAY_LEN(seps); i++) {
			const char *q = strstr(p, seps[i]);
			if (q != NULL && (cut == NULL || q < cut)) {
				cut = q;
				cutlen = strlen(seps[i]);
			}
		}
		size_t n = cut ? (size_t)(cut - p) : strlen(p);
		while (n > 0 && p[n - 1] == ' ')
			n--;
		while (n > 0 && *p == ' ') {
			p++;
			n--;
		}
		if (n > 0) {
			seg[ns] = p;
			segn[ns++] = n;
		}
		p = cut ? cut + cutlen : NULL;
	}

	char *name = NULL;
	int found = 0;
	for (size_t i = 0; i < ns && have_host && !found; i++) {
		clean(seg[i], segn[i], &cl);
		compact(str(&cl), cl.len, &sc);
		if (!matches(str(&sc), str(&cl), cl.len, str(&h)))
			continue;
		found = 1;
		int acronym = is_acronym(str(&cl), cl.len);
		int partial = strcmp(str(&sc), str(&h)) != 0 &&
		              strstr(str(&h), str(&sc)) != NULL &&
		              strncmp(str(&h), str(&sc), sc.len) != 0;
		/* the host's letters, spelt out ("Astral Codex Ten", or in
		 * another order: "Times of India"), are better than the
		 * host's words can be split */
		int spelt = strcmp(str(&sc), str(&h)) == 0 ||
		            spells_reordered(str(&cl), cl.len, str(&h));
		if ((partial && !acronym) ||
		    (!spelt && text_width(str(&cl)) > SHORT &&
		        text_width(str(&hn)) < text_width(str(&cl))))
			name = xstrdup(str(&hn));
		else
			name = xstrdup(str(&cl));
	}
	for (size_t i = 0; i < ns && !found; i++) {
		if (!is_acronym(seg[i], segn[i]) &&
		    !has_domain(seg[i], segn[i]))
			continue;
		found = 1;
		clean(seg[i], segn[i], &cl);
		name = xstrdup(str(&cl));
	}
	if (!found && have_host) {
		name = xstrdup(str(&hn));
	} else if (!found && ns > 0) {
		clean(seg[0], segn[0], &cl);
		name = xstrdup(str(&cl));
	}
	buf_fini(&h);
	buf_fini(&dom);
	buf_fini(&cl);
	buf_fini(&sc);
	buf_fini(&hn);
	return name;
}
