/* text: UTF-8 decoding, sanitising and display width.
 *
 * Everything a feed says passes text_sanitize at ingest, so the rest of
 * the program can assume valid UTF-8 with no control or bidi-override
 * characters: nothing from a feed can ever move the cursor, set a title
 * or reorder what a reporter reads.  Width and fitting work in display
 * columns (wcwidth), never in bytes or code points, as sfeed's
 * printutf8pad does.
 *
 * Nearly all text arrives clean, so text_sanitize copies each run it
 * would keep unchanged (valid UTF-8 with single spaces or, kept line
 * breaks, between characters) in one piece, and decides character by
 * character only where something changes. */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "util.h"

int wcwidth(wchar_t c);

size_t
text_utf8_next(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c = s[0], min;
	size_t n;

	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		c &= 0x1f;
		min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		c &= 0x0f;
		min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		*cp = 0xfffd;
		return 1;
	}
	for (size_t i = 1; i < n; i++) {
		if (i >= len || (s[i] & 0xc0) != 0x80) {
			*cp = 0xfffd;
			return i;
		}
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
		*cp = 0xfffd;
		return n;
	}
	*cp = c;
	return n;
}

size_t
text_utf8_put(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

/* Windows-1252's meaning of 0x80..0x9F; 0 where it defines nothing. */
static const uint16_t cp1252_c1[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

uint32_t
text_cp1252(uint32_t cp)
{
	return cp >= 0x80 && cp <= 0x9f ? cp1252_c1[cp - 0x80] : 0;
}

/* Whether s[0..len) is valid UTF-8 (U+FFFD itself allowed). */
static int
valid_utf8(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = text_utf8_next(s + i, len - i, &cp);
		if (cp == 0xfffd && (n != 3 || memcmp(s + i, "\xef\xbf\xbd",
		    3) != 0))
			return 0;
		i += n;
	}
	return 1;
}

/* Both repairs, or with c1_only just the second. */
static int
repair(const char *in, size_t len, struct buf *out, int c1_only)
{
	if (c1_only ? !memchr(in, 0xc2, len) :
	    !memchr(in, 0xc2, len) && !memchr(in, 0xc3, len))
		return 0;
	/* Latin-1 bytes of the text, if every character has one. */
	char *lat = xmalloc(len + 1);
	size_t n = 0, i = 0;
	int high = 0, fits = !c1_only;
	while (fits && i < len) {
		uint32_t cp;
		i += text_utf8_next(in + i, len - i, &cp);
		if (cp > 0xff)
			fits = 0;
		else
			lat[n++] = (char)cp;
		high |= cp >= 0x80;
	}
	const char *src = in;
	size_t slen = len;
	int changed = 0;
	if (fits && high && valid_utf8(lat, n)) {
		src = lat;
		slen = n;
		changed = 1;
	}
	/* C1 code points (C2 80 to C2 9F) as windows-1252. */
	int c1 = 0;
	for (const char *p = src; (p = memchr(p, 0xc2, (size_t)(src + slen -
	    p))) != NULL && p + 1 < src + slen; p++)
		if (((unsigned char)p[1] & 0xe0) == 0x80 &&
		    text_cp1252((unsigned char)p[1]))
			c1 = 1;
	if (!changed && !c1) {
		free(lat);
		return 0;
	}
	for (i = 0; i < slen;) {
		uint32_t cp;
		size_t k = text_utf8_next(src + i, slen - i, &cp);
		uint32_t w = text_cp1252(cp);
		if (w) {
			char enc[4];
			(void)buf_append(out, enc, text_utf8_put(w, enc));
		} else {
			(void)buf_append(out, src + i, k);
		}
		i += k;
	}
	free(lat);
	return 1;
}

int
text_repair_mojibake(const char *in, size_t len, struct buf *out)
{
	return repair(in, len, out, 0);
}

int
text_repair_c1(const char *in, size_t len, struct buf *out)
{
	return repair(in, len, out, 1);
}

static int
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' ||
	    cp == '\v' || cp == 0xa0 || cp == 0x2028 || cp == 0x2029 ||
	    cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x202f ||
	    cp == 0x205f || cp == 0x1680 || cp == 0x85;
}

static int
is_dropped(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Printable ASCII other than space: always kept as it is. */
static int
is_print(unsigned char c)
{
	return c > 0x20 && c < 0x7f;
}

/* Length of the character at u[i] when text_sanitize keeps it byte for
 * byte (valid UTF-8, neither space, line break nor dropped), else 0. */
static size_t
kept_len(const unsigned char *u, size_t i, size_t len)
{
	uint32_t cp;
	size_t n;

	if (is_print(u[i]))
		return 1;
	if (u[i] < 0x80)
		return 0;
	n = text_utf8_next((const char *)u + i, len - i, &cp);
	if (cp == 0xfffd && (n != 3 || memcmp(u + i, "\xef\xbf\xbd", 3) != 0))
		return 0; /* an invalid sequence, replaced */
	if (is_space(cp) || is_dropped(cp) || cp == 0x2028 || cp == 0x2029)
		return 0;
	return n;
}

/* Whether the eight bytes in x are all printable ASCII or spaces, with
 * no two spaces in a row (bit tricks on a 64-bit word: a byte below
 * 0x20, above 0x7e, or two adjacent bytes equal to 0x20). */
static int
word_clean(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u, high = ones * 0x80;
	uint64_t out = ((x - ones * 0x20) & ~x & high) | ((x + ones) | x);

	if (out & high)
		return 0;
	uint64_t t = x ^ (ones * 0x20);
	uint64_t sp = ~(((t & ~high) + ~high) | t) & high;
	return (sp & (sp << 8)) == 0;
}

/* End of the run starting at u[i] that text_sanitize copies unchanged:
 * kept characters, with single spaces (and, with TEXT_KEEP_NL, one or
 * two newlines) between them.  u[i] must start a kept character. */
static size_t
kept_run(const unsigned char *u, size_t i, size_t len, int keep_nl)
{
	for (;;) {
		size_t n;
		/* Here u[i - 1] was kept, so a space at u[i] is single; a
		 * space ending a word is left to the checks below. */
#if defined(__SSE2__)
		/* Sixteen at a time: a signed compare below 0x20 flags
		 * controls and bytes from 0x80 together. */
		while (len - i >= 16) {
			__m128i x = _mm_loadu_si128(
			    (const __m128i *)(const void *)(u + i));
			__m128i sp = _mm_cmpeq_epi8(x, _mm_set1_epi8(' '));
			__m128i bad = _mm_or_si128(
			    _mm_cmpgt_epi8(_mm_set1_epi8(0x20), x),
			    _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7f)));
			bad = _mm_or_si128(bad,
			    _mm_and_si128(sp, _mm_srli_si128(sp, 1)));
			if (_mm_movemask_epi8(bad) || u[i + 15] == ' ')
				break;
			i += 16;
		}
#endif
		while (len - i >= 8) {
			uint64_t x;
			memcpy(&x, u + i, 8);
			if (!word_clean(x) || u[i + 7] == ' ')
				break;
			i += 8;
		}
		while (i < len && is_print(u[i]))
			i++;
		if (i >= len)
			return i;
		if (u[i] >= 0x80 && (n = kept_len(u, i, len)) > 0) {
			i += n;
			continue;
		}
		size_t j = i;
		if (u[j] == ' ') {
			j++;
		} else if (u[j] == '\n' && keep_nl) {
			j++;
			if (j < len && u[j] == '\n')
				j++;
		} else {
			return i;
		}
		if (j >= len || kept_len(u, j, len) == 0)
			return i;
		i = j;
	}
}

/* Appends run[0..n) (valid UTF-8), or as many whole characters of it as
 * fit under out's cap; returns -1 when not all of it fit. */
static int
append_run(struct buf *out, const char *run, size_t n)
{
	if (buf_append(out, run, n) == 0)
		return 0;
	if (out->max == 0 || out->len >= out->max)
		return -1;
	size_t room = out->max - out->len;
	while (room > 0 && ((unsigned char)run[room] & 0xc0) == 0x80)
		room--;
	/* A blank line is written whole or not at all. */
	if (room > 0 && run[room] == '\n' && run[room - 1] == '\n')
		room--;
	(void)buf_append(out, run, room);
	return -1;
}

int
text_sanitize(const char *in, size_t len, struct buf *out, int flags)
{
	const unsigned char *u = (const unsigned char *)in;
	int keep_nl = flags & TEXT_KEEP_NL;
	int pend_space = 0, pend_nl = 0, any = 0, rc = 0;
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		char enc[4];
		const char *run = enc;
		size_t n = kept_len(u, i, len);
		if (n > 0) {
			/* The usual case: a stretch of clean text in one
			 * copy. */
			size_t end = kept_run(u, i, len, keep_nl);
			run = in + i;
			n = end - i;
			i = end;
		} else {
			i += text_utf8_next(in + i, len - i, &cp);
			if (cp == '\n' || cp == 0x2028 || cp == 0x2029) {
				if (keep_nl) {
					if (any && pend_nl < 2)
						pend_nl++;
					pend_space = 0;
				} else if (any) {
					pend_space = 1;
				}
				continue;
			}
			if (is_space(cp)) {
				if (any && !pend_nl)
					pend_space = 1;
				continue;
			}
			if (cp == 0 || is_dropped(cp))
				continue;
			n = text_utf8_put(cp, enc);
		}
		if (pend_nl) {
			if (buf_append(out, "\n\n", (size_t)pend_nl) < 0)
				return -1;
		} else if (pend_space && buf_putc(out, ' ') < 0) {
			return -1;
		}
		pend_nl = pend_space = 0;
		if (append_run(out, run, n) < 0) {
			rc = -1;
			break;
		}
		any = 1;
	}
	if (!out->p)
		(void)buf_append(out, "", 0);
	return rc;
}

char *
text_clean(const char *in, size_t len, int flags)
{
	struct buf b;

	buf_init(&b, 0);
	(void)text_sanitize(in, len, &b, flags);
	return buf_take(&b);
}

int
text_cp_width(uint32_t cp)
{
	if (cp == 0)
		return 0;
	int w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return w;
	/* Without a UTF-8 locale wcwidth knows only ASCII; fall back to
	 * the common wide ranges so alignment stays right. */
	if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
	    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) ||
	    (cp >= 0x20000 && cp <= 0x3fffd))
		return 2;
	if (cp >= 0x300 && cp <= 0x36f)
		return 0;
	return 1;
}

size_t
text_width(const char *s)
{
	size_t w = 0, len = strlen(s), i = 0;

	while (i < len) {
		uint32_t cp;
		i += text_utf8_next(s + i, len - i, &cp);
		w += (size_t)text_cp_width(cp);
	}
	return w;
}

void
text_fit(const char *s, size_t cols, struct buf *out)
{
	size_t len = strlen(s), i = 0, w = 0;

	buf_reset(out);
	if (text_width(s) <= cols) {
		(void)buf_append(out, s, len);
		w = text_width(s);
	} else if (cols > 0) {
		while (i < len) {
			uint32_t cp;
			size_t n = text_utf8_next(s + i, len - i, &cp);
			size_t cw = (size_t)text_cp_width(cp);
			if (w + cw > cols - 1)
				break;
			(void)buf_append(out, s + i, n);
			w += cw;
			i += n;
		}
		(void)buf_puts(out, "\xe2\x80\xa6");
		w++;
	}
	while (w < cols) {
		(void)buf_putc(out, ' ');
		w++;
	}
	if (!out->p)
		(void)buf_append(out, "", 0);
}

/* Emits s[start..end) minus trailing spaces. */
static void
emit(const char *s, size_t start, size_t end, text_line_fn fn, void *ctx)
{
	while (end > start && s[end - 1] == ' ')
		end--;
	fn(s + start, end - start, ctx);
}

void
text_wrap(const char *s, size_t cols, text_line_fn fn, void *ctx)
{
	size_t len = strlen(s), i = 0;

	if (cols == 0)
		cols = 1;
	while (i <= len) {
		size_t start, w = 0, brk = 0, brkw = 0;
		int have_brk = 0;
		/* Skip the leading space of a wrapped line. */
		while (i < len && s[i] == ' ')
			i++;
		start = i;
		for (;;) {
			if (i >= len || s[i] == '\n') {
				emit(s, start, i, fn, ctx);
				i++;
				break;
			}
			uint32_t cp;
			size_t n = text_utf8_next(s + i, len - i, &cp);
			size_t cw = (size_t)text_cp_width(cp);
			if (cp == ' ') {
				brk = i;
				brkw = w;
				have_brk = 1;
			}
			if (w + cw > cols) {
				if (have_brk && brkw > 0) {
					emit(s, start, brk, fn, ctx);
					i = brk + 1;
				} else if (i > start) {
					emit(s, start, i, fn, ctx);
				} else {
					/* A character wider than the line. */
					emit(s, start, i + n, fn, ctx);
					i += n;
				}
				break;
			}
			w += cw;
			i += n;
		}
		if (i > len)
			break;
		if (i == len && (len == 0 || s[len - 1] != '\n'))
			break;
	}
}

/* The length of title without an ending that names outlet (" - Reuters",
 * " | Reuters", with a dash of any length between spaces; case aside),
 * else its length. */
static size_t
sans_outlet(const char *title, const char *outlet)
{
	size_t n = strlen(title), on = outlet ? strlen(outlet) : 0;

	while (on > 0 && outlet[on - 1] == ' ')
		on--;
	while (n > 0 && title[n - 1] == ' ')
		n--;
	if (on == 0 || n <= on || strncasecmp(title + n - on, outlet, on) != 0)
		return strlen(title);
	size_t at = n - on;
	if (title[at - 1] != ' ')
		return strlen(title);
	while (at > 0 && title[at - 1] == ' ')
		at--;
	if (at > 0 && (title[at - 1] == '-' || title[at - 1] == '|'))
		at--;
	else if (at >= 3 && (memcmp(title + at - 3, "\xe2\x80\x93", 3) == 0 ||
	                        memcmp(title + at - 3, "\xe2\x80\x94", 3) == 0))
		at -= 3;
	else
		return strlen(title);
	if (at == 0 || title[at - 1] != ' ')
		return strlen(title);
	while (at > 0 && title[at - 1] == ' ')
		at--;
	return at > 0 ? at : strlen(title);
}

const char *
text_item_label(const char *title, const char *summary, const char *link,
    const char *outlet, char buf[TEXT_LABEL_SIZE])
{
	if (title && *title) {
		size_t n = sans_outlet(title, outlet);
		if (title[n] == '\0' || n >= TEXT_LABEL_SIZE)
			return title;
		memcpy(buf, title, n);
		buf[n] = '\0';
		return buf;
	}
	if (!summary || !*summary)
		return link && *link ? link : "(untitled)";
	/* Room for the words, an ellipsis (3 bytes) and the NUL. */
	size_t room = TEXT_LABEL_WORDS - 4, n = 0, cut = 0, i = 0;
	size_t len = strlen(summary);
	while (i < len && n < room) {
		uint32_t cp;
		size_t k = text_utf8_next(summary + i, len - i, &cp);
		if (n + k > room)
			break;
		char c = summary[i];
		if (c == '\n' || c == ' ') {
			if (n > 0 && buf[n - 1] != ' ') {
				cut = n;
				buf[n++] = ' ';
			}
		} else {
			memcpy(buf + n, summary + i, k);
			n += k;
		}
		i += k;
	}
	if (i < len) {
		/* Cut between words when a word boundary is near enough. */
		if (cut > room / 2)
			n = cut;
		while (n > 0 && buf[n - 1] == ' ')
			n--;
		memcpy(buf + n, "\xe2\x80\xa6", 3);
		n += 3;
	}
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
	return buf;
}
