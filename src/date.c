/* date: feed dates to Unix seconds UTC, and back to ISO 8601.
 *
 * Feeds write dates two ways: RFC 822 and its descendants (RSS pubDate,
 * often sloppy) and RFC 3339 / W3CDTF (Atom, dc:date).  Both readers
 * here are small hand-written scanners over the string, and the calendar
 * is Howard Hinnant's days-from-civil arithmetic, so nothing depends on
 * the process time zone, the locale, timegm or a C library's idea of
 * what strptime accepts.
 *
 * The rule is "never a wrong year": a date is read only when every field
 * is where a known layout puts it and within range (day checked against
 * its month, leap years included); anything else is -1 and the caller
 * records no date.  Tolerances are the ones real feeds need and that
 * cannot change the meaning: a missing or wrong weekday, no space after
 * its comma, missing seconds, two-digit years (RFC 2822: 00-49 are
 * 2000-2049, 50-99 are 1950-1999; three digits add 1900), full month and
 * weekday names, RFC 850's dashes, asctime's month-first order, a
 * trailing "(comment)".
 *
 * Zone names: RFC 822's UT, GMT, Z and the North American EST/EDT, CST/
 * CDT, MST/MDT, PST/PDT; the military letters, which RFC 822 defined with
 * the signs reversed, are read as RFC 5322 asks: as -0000, that is UTC
 * with the offset unknown (Z is UTC anyway).  Beyond the RFCs, names that
 * news feeds use and that mean one thing: UTC, WET/WEST, BST (British
 * Summer Time), CET/CEST, MET/MEST, EET/EEST, MSK, IST (India, +05:30:
 * the Irish and Israeli readings exist, but Indian outlets are by far
 * the ones that write it), SGT, HKT, AWST, JST, KST, ACST/ACDT,
 * AEST/AEDT, NZST/NZDT, AKST/AKDT, HST, NST/NDT; the US names without
 * their S or D (ET, CT, MT, PT, AT: standard time, as the reference
 * parser reads them) and Atlantic AST/ADT.  Any other alphabetic zone of
 * up to five letters is read as -0000 too: the day and year stay right
 * and the hour is off by at most the unknown offset.  "GMT+2" and
 * "UTC-05:00" add the offset to the name's; "Etc/GMT" is GMT.
 *
 * Beyond RFC 822 and ISO 8601 proper: "13 Feb, 2012" (a comma after
 * the month), Y/M/D with slashes ("2020/1/10 14:33:00", Perforce's
 * "Fri, 2006/09/15 08:19:53 EDT"), a space for the 'T', the ISO 8601
 * reduced and ordinal forms, and years from 1 on. */
#include "date.h"

#include <stddef.h>
#include <string.h>

struct zone {
	const char *name;
	int minutes; /* east of UTC */
};

static const struct zone zones[] = {
	{"ACDT", 630}, {"ACST", 570}, {"ADT", -180}, {"AEDT", 660},
	{"AEST", 600}, {"AKDT", -480}, {"AKST", -540}, {"AST", -240},
	{"AT", -240}, {"AWST", 480}, {"BST", 60}, {"CDT", -300},
	{"CEST", 120}, {"CET", 60}, {"CST", -360}, {"CT", -360},
	{"EDT", -240}, {"EEST", 180}, {"EET", 120}, {"EST", -300},
	{"ET", -300}, {"GMT", 0}, {"HKT", 480}, {"HST", -600},
	{"IST", 330}, {"JST", 540}, {"KST", 540}, {"MDT", -360},
	{"MEST", 120}, {"MET", 60}, {"MSK", 180}, {"MST", -420},
	{"MT", -420}, {"NDT", -150}, {"NST", -210}, {"NZDT", 780},
	{"NZST", 720}, {"PDT", -420}, {"PST", -480}, {"PT", -480},
	{"SGT", 480}, {"UT", 0}, {"UTC", 0}, {"WEST", 60}, {"WET", 0},
	{"Z", 0},
};

static const char *const months[] = {"january", "february", "march",
	"april", "may", "june", "july", "august", "september", "october",
	"november", "december"};
static const char *const weekdays[] = {"monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday", "sunday"};

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static const char *
skip_space(const char *p)
{
	while (is_space(*p))
		p++;
	return p;
}

/* Reads exactly n digits at *pp into *v. */
static int
digits(const char **pp, int n, int *v)
{
	int x = 0;

	for (int i = 0; i < n; i++) {
		if (!is_digit((*pp)[i]))
			return -1;
		x = x * 10 + ((*pp)[i] - '0');
	}
	*pp += n;
	*v = x;
	return 0;
}

/* Reads a run of 1..max digits; returns how many, 0 if none or too many. */
static int
number(const char **pp, int max, int *v)
{
	int n = 0, x = 0;

	while (is_digit((*pp)[n])) {
		if (n == max)
			return 0;
		x = x * 10 + ((*pp)[n] - '0');
		n++;
	}
	*pp += n;
	*v = x;
	return n;
}

/* Word w (len letters) names an entry of list when it is at least three
 * letters long and a prefix of the full English name. */
static int
name_index(const char *w, size_t len, const char *const *list, int n)
{
	if (len < 3)
		return -1;
	for (int i = 0; i < n; i++) {
		size_t full = strlen(list[i]), j;
		if (len > full)
			continue;
		for (j = 0; j < len; j++)
			if (lower(w[j]) != list[i][j])
				break;
		if (j == len)
			return i;
	}
	return -1;
}

int64_t
date_days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static int
days_in_month(int y, int m)
{
	static const unsigned char dim[] = {31, 28, 31, 30, 31, 30, 31, 31,
		30, 31, 30, 31};

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

/* The broken-down date a reader collects; offset in minutes east. */
struct tm_parts {
	int year, mon, day, hour, min, sec, offset;
};

static int
finish(const struct tm_parts *tp, int64_t *t)
{
	if (tp->year < DATE_YEAR_MIN || tp->year > DATE_YEAR_MAX ||
	    tp->mon < 1 || tp->mon > 12 || tp->day < 1 ||
	    tp->day > days_in_month(tp->year, tp->mon) || tp->hour < 0 ||
	    tp->hour > 23 || tp->min < 0 || tp->min > 59 || tp->sec < 0 ||
	    tp->sec > 60 || tp->offset < -18 * 60 || tp->offset > 18 * 60)
		return -1;
	int64_t v = date_days_from_civil(tp->year, tp->mon, tp->day) * 86400 +
	    tp->hour * 3600 + tp->min * 60 + tp->sec - tp->offset * 60;
	if (v < date_days_from_civil(DATE_YEAR_MIN, 1, 1) * 86400 ||
	    v >= date_days_from_civil(DATE_YEAR_MAX + 1, 1, 1) * 86400)
		return -1;
	*t = v;
	return 0;
}

/* A numeric offset after its sign: H, HH, HHMM or HH:MM. */
static int
offset_digits(const char **pp, int sign, int *minutes)
{
	const char *p = *pp;
	int h = 0, m = 0, n = 0;

	while (is_digit(p[n]))
		n++;
	if (n == 1 || n == 2) {
		(void)number(&p, 2, &h);
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &m) < 0)
				return -1;
		}
	} else if (n == 4) {
		(void)digits(&p, 2, &h);
		(void)digits(&p, 2, &m);
	} else {
		return -1;
	}
	if (h > 18 || m > 59)
		return -1;
	*minutes = sign * (h * 60 + m);
	*pp = p;
	return 0;
}

/* A zone at *pp: a numeric offset, or a name with an optional offset;
 * a name not in the table counts only with unknown set.  Returns 0 with
 * *minutes set, or -1 if nothing zone-like is there. */
static int
zone(const char **pp, int *minutes, int unknown)
{
	const char *p = *pp;

	if (*p == '+' || *p == '-') {
		int sign = *p == '-' ? -1 : 1;
		p++;
		if (offset_digits(&p, sign, minutes) < 0)
			return -1;
		*pp = p;
		return 0;
	}
	size_t n = 0;
	/* tz database names of UTC: "Etc/GMT", "Etc/UTC". */
	if (lower(p[0]) == 'e' && lower(p[1]) == 't' && lower(p[2]) == 'c' &&
	    p[3] == '/')
		p += 4;
	while (is_alpha(p[n]))
		n++;
	if (n == 0 || n > 5)
		return -1;
	int base = 0, found = 0; /* unknown names, military letters: -0000 */
	for (size_t i = 0; i < ARRAY_LEN(zones); i++) {
		size_t j;
		if (strlen(zones[i].name) != n)
			continue;
		for (j = 0; j < n; j++)
			if (lower(p[j]) != lower(zones[i].name[j]))
				break;
		if (j == n) {
			base = zones[i].minutes;
			found = 1;
			break;
		}
	}
	if (!found && !unknown)
		return -1;
	p += n;
	if ((*p == '+' || *p == '-') && is_digit(p[1])) {
		int extra, sign = *p == '-' ? -1 : 1;
		p++;
		if (offset_digits(&p, sign, &extra) < 0)
			return -1;
		base += extra;
	}
	*minutes = base;
	*pp = p;
	return 0;
}

/* hh:mm[:ss[.frac]] */
static int
clock_time(const char **pp, struct tm_parts *tp)
{
	const char *p = *pp;

	if (number(&p, 2, &tp->hour) == 0 || *p != ':')
		return -1;
	p++;
	if (digits(&p, 2, &tp->min) < 0)
		return -1;
	tp->sec = 0;
	if (*p == ':') {
		p++;
		if (digits(&p, 2, &tp->sec) < 0)
			return -1;
		if ((*p == '.' || *p == ',') && is_digit(p[1])) {
			p++;
			while (is_digit(*p))
				p++;
		}
	}
	*pp = p;
	return 0;
}

/* Only white space and parenthesised comments may follow a date. */
static int
at_end(const char *p)
{
	for (;;) {
		p = skip_space(p);
		if (*p != '(')
			return *p == '\0';
		while (*p && *p != ')')
			p++;
		if (*p != ')')
			return 0;
		p++;
	}
}

static int
year_of(int v, int ndigits)
{
	if (ndigits == 4)
		return v;
	if (ndigits == 3)
		return 1900 + v;
	if (ndigits == 2)
		return v < 50 ? 2000 + v : 1900 + v;
	return -1;
}

/* The zone after a time, then the end: a numeric offset may be followed
 * by the name it stands for ("-0500 EST"), which adds nothing. */
static int
zone_end(const char *p, struct tm_parts *tp, int64_t *t)
{
	if ((*p == '+' || *p == '-') && zone(&p, &tp->offset, 1) == 0) {
		const char *q = skip_space(p);
		size_t n = 0;
		while (is_alpha(q[n]))
			n++;
		if (n > 0 && n <= 5)
			p = q + n;
	} else if (*p && *p != '(' && zone(&p, &tp->offset, 1) < 0) {
		return -1;
	}
	return at_end(p) ? finish(tp, t) : -1;
}

/* RFC 822 family, RFC 850 and asctime. */
static int
parse_rfc822(const char *s, int64_t *t)
{
	struct tm_parts tp = {0, 0, 0, 0, 0, 0, 0};
	const char *p = skip_space(s), *w;
	int month_first = 0, n, v;

	if (is_alpha(*p)) {
		w = p;
		while (is_alpha(*p))
			p++;
		if (name_index(w, (size_t)(p - w), weekdays, 7) >= 0) {
			if (*p == '.')
				p++;
			p = skip_space(p);
			if (*p == ',')
				p = skip_space(p + 1);
		} else {
			p = w;
		}
	}
	if (is_digit(*p)) {
		if (number(&p, 2, &tp.day) == 0)
			return -1;
		while (is_space(*p) || *p == '-')
			p++;
	} else {
		month_first = 1;
	}
	w = p;
	while (is_alpha(*p))
		p++;
	tp.mon = name_index(w, (size_t)(p - w), months, 12) + 1;
	if (tp.mon == 0)
		return -1;
	if (*p == '.')
		p++;
	if (month_first) {
		p = skip_space(p);
		if (number(&p, 2, &tp.day) == 0)
			return -1;
		if (*p == ',')
			p++;
		p = skip_space(p);
		/* asctime and date(1): the year comes after the time. */
		if (is_digit(*p) && (p[1] == ':' || (p[1] && p[2] == ':'))) {
			if (clock_time(&p, &tp) < 0)
				return -1;
			p = skip_space(p);
			if (!is_digit(*p)) {
				if (zone(&p, &tp.offset, 1) < 0)
					return -1;
				p = skip_space(p);
			}
			n = number(&p, 4, &v);
			if ((tp.year = year_of(v, n)) < 0 || n != 4)
				return -1;
			return at_end(p) ? finish(&tp, t) : -1;
		}
	} else {
		if (*p == ',') /* "13 Feb, 2012" */
			p++;
		if (!is_space(*p) && *p != '-')
			return -1;
		while (is_space(*p) || *p == '-')
			p++;
	}
	n = number(&p, 4, &v);
	if ((tp.year = year_of(v, n)) < 0)
		return -1;
	if (*p == ',')
		p++;
	p = skip_space(p);
	if (*p == '\0')
		return finish(&tp, t);
	if (clock_time(&p, &tp) < 0)
		return -1;
	p = skip_space(p);
	return zone_end(p, &tp, t);
}

/* Month and day of day-of-year yday (1-based) in year y. */
static int
ordinal(int y, int yday, struct tm_parts *tp)
{
	if (yday < 1 || yday > 365 + (days_in_month(y, 2) == 29))
		return -1;
	for (tp->mon = 1; yday > days_in_month(y, tp->mon); tp->mon++)
		yday -= days_in_month(y, tp->mon);
	tp->day = yday;
	return 0;
}

/* The time and zone after a date: nothing, or 'T' (or a space) and
 * hh:mm[:ss[.frac]] (hhmm[ss] after a basic date), then an optional
 * zone, white space allowed before it (MSSQL writes
 * "2004-07-08 23:56:58 -00:20"). */
static int
iso_time(const char *p, int basic, struct tm_parts *tp, int64_t *t)
{
	if (at_end(p))
		return finish(tp, t);
	if (*p != 'T' && *p != 't' && *p != ' ')
		return -1;
	p = skip_space(p + 1);
	if (basic && is_digit(p[0]) && is_digit(p[1]) && is_digit(p[2])) {
		if (digits(&p, 2, &tp->hour) < 0 || digits(&p, 2, &tp->min) < 0)
			return -1;
		if (is_digit(*p) && digits(&p, 2, &tp->sec) < 0)
			return -1;
		if ((*p == '.' || *p == ',') && is_digit(p[1]))
			for (p++; is_digit(*p); p++)
				;
	} else if (clock_time(&p, tp) < 0) {
		return -1;
	}
	p = skip_space(p);
	if (*p && *p != '(' && zone(&p, &tp->offset, 0) < 0)
		return -1;
	return at_end(p) ? finish(tp, t) : -1;
}

/* RFC 3339, ISO 8601 extended and basic and W3CDTF's reduced forms:
 * YYYY-MM-DD, YYYYMMDD, YYYY-MM, YYYY, the ordinal YYYY-DDD and YYYYDDD,
 * the two-digit-year YY-MM-DD, YYMMDD, YY-DDD and YYDDD (this century:
 * ISO 8601 leaves it to agreement, and feeds that write them are recent),
 * one-digit months and days (2014-1-5) and Google's YYYY-0MM-DD. */
static int
parse_iso(const char *s, int64_t *t)
{
	struct tm_parts tp = {0, 1, 1, 0, 0, 0, 0};
	const char *p = skip_space(s);
	int n = 0, y = 0, basic = 0;

	while (is_digit(p[n]))
		n++;
	if (n == 8 || n == 6) { /* YYYYMMDD, YYMMDD */
		(void)digits(&p, n - 4, &y);
		tp.year = n == 8 ? y : 2000 + y;
		(void)digits(&p, 2, &tp.mon);
		(void)digits(&p, 2, &tp.day);
		basic = 1;
	} else if (n == 7 || n == 5) { /* YYYYDDD, YYDDD */
		int yday = 0;
		(void)digits(&p, n - 3, &y);
		tp.year = n == 7 ? y : 2000 + y;
		(void)digits(&p, 3, &yday);
		if (ordinal(tp.year, yday, &tp) < 0)
			return -1;
		basic = 1;
	} else if (n == 4 || (n == 2 && p[2] == '-' && is_digit(p[3]))) {
		(void)digits(&p, n, &y);
		tp.year = n == 4 ? y : 2000 + y;
		if (*p == '-' && is_digit(p[1])) {
			int m = 0, k;
			p++;
			for (k = 0; is_digit(p[k]); k++)
				;
			if (k == 3 && p[3] != '-') { /* ordinal */
				(void)digits(&p, 3, &m);
				if (ordinal(tp.year, m, &tp) < 0)
					return -1;
				return iso_time(p, 0, &tp, t);
			}
			if (k == 3 && p[0] == '0')
				p++, k--; /* Google's "2003-012-31" */
			if (k < 1 || k > 2 || number(&p, 2, &tp.mon) == 0)
				return -1;
			if (*p == '-') {
				p++;
				if (number(&p, 2, &tp.day) == 0 ||
				    is_digit(*p))
					return -1;
			} else if (n == 2) {
				return -1; /* YY-MM: too little to be sure */
			}
		} else if (n == 2) {
			return -1;
		}
	} else {
		return -1;
	}
	return iso_time(p, basic, &tp, t);
}

/* Y/M/D with a slash, as Perforce and some CMSs write it (day and month
 * in one or two digits), then an optional time and zone; a weekday
 * before it is ignored ("Fri, 2006/09/15 08:19:53 EDT"). */
static int
parse_slashed(const char *s, int64_t *t)
{
	struct tm_parts tp = {0, 1, 1, 0, 0, 0, 0};
	const char *p = skip_space(s);

	if (digits(&p, 4, &tp.year) < 0 || *p++ != '/' ||
	    number(&p, 2, &tp.mon) == 0 || *p++ != '/' ||
	    number(&p, 2, &tp.day) == 0 || is_digit(*p))
		return -1;
	p = skip_space(p);
	if (*p == '\0')
		return finish(&tp, t);
	if (clock_time(&p, &tp) < 0)
		return -1;
	p = skip_space(p);
	return zone_end(p, &tp, t);
}

/* Korean blog and portal dates, in Korea's time (+09:00):
 * "2004\xeb\x85\x84 05\xec\x9b\x94 28\xec\x9d\xbc 01:31:15" (year, month,
 * day words) and "2004-05-25 \xec\x98\xa4\xed\x9b\x84 11:23:17" (AM or PM
 * before the time). */
static int
parse_korean(const char *s, int64_t *t)
{
	static const char year[] = "\xeb\x85\x84", month[] = "\xec\x9b\x94",
	    day[] = "\xec\x9d\xbc", am[] = "\xec\x98\xa4\xec\xa0\x84",
	    pm[] = "\xec\x98\xa4\xed\x9b\x84";
	struct tm_parts tp = {0, 0, 0, 0, 0, 0, 540};
	const char *p = skip_space(s);
	int after = 0;

	if (digits(&p, 4, &tp.year) < 0)
		return -1;
	if (strncmp(p, year, 3) == 0) {
		p = skip_space(p + 3);
		if (number(&p, 2, &tp.mon) == 0 || strncmp(p, month, 3) != 0)
			return -1;
		p = skip_space(p + 3);
		if (number(&p, 2, &tp.day) == 0 || strncmp(p, day, 3) != 0)
			return -1;
		p = skip_space(p + 3);
	} else {
		if (*p++ != '-' || number(&p, 2, &tp.mon) == 0 || *p++ != '-' ||
		    number(&p, 2, &tp.day) == 0)
			return -1;
		p = skip_space(p);
		if (strncmp(p, pm, 6) == 0)
			after = 12;
		else if (strncmp(p, am, 6) != 0)
			return -1;
		p = skip_space(p + 6);
	}
	if (clock_time(&p, &tp) < 0 || !at_end(p))
		return -1;
	tp.hour += after;
	return finish(&tp, t);
}

int
date_parse(const char *s, int64_t *t)
{
	const char *p;

	if (!s)
		return -1;
	p = skip_space(s);
	/* A weekday in front of a numeric date (Perforce). */
	if (is_alpha(*p)) {
		const char *w = p;
		while (is_alpha(*w))
			w++;
		const char *q = *w == ',' ? skip_space(w + 1) : "";
		if (is_digit(q[0]) && is_digit(q[1]) && is_digit(q[2]) &&
		    is_digit(q[3]) && q[4] == '/')
			return parse_slashed(q, t);
	}
	if (is_digit(p[0]) && is_digit(p[1]) && is_digit(p[2]) &&
	    is_digit(p[3]) && p[4] == '/')
		return parse_slashed(p, t);
	if (is_digit(p[0]) && is_digit(p[1]) && (is_digit(p[2]) ||
	    (p[2] == '-' && is_digit(p[3])))) {
		if (parse_iso(p, t) == 0)
			return 0;
		return strchr(p, 0xec) || strchr(p, 0xeb) ?
		    parse_korean(p, t) : -1;
	}
	return parse_rfc822(p, t);
}

int
date_format_iso(int64_t t, char buf[DATE_ISO_SIZE])
{
	buf[0] = '\0';
	if (t < date_days_from_civil(DATE_YEAR_MIN, 1, 1) * 86400 ||
	    t >= date_days_from_civil(DATE_YEAR_MAX + 1, 1, 1) * 86400)
		return -1;
	int64_t z = t / 86400, secs = t % 86400;
	if (secs < 0) {
		secs += 86400;
		z--;
	}
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);
	int y = (int)(yoe + era * 400 + (m <= 2));

	int f[6] = {y, m, d, (int)(secs / 3600), (int)(secs / 60 % 60),
		(int)(secs % 60)};
	static const char sep[] = "--T::Z";
	char *o = buf;

	/* By hand: the ranges are known, and snprintf cannot prove it. */
	for (int i = 0; i < 6; i++) {
		if (i == 0) {
			*o++ = (char)('0' + f[0] / 1000);
			*o++ = (char)('0' + f[0] / 100 % 10);
		}
		*o++ = (char)('0' + f[i] / 10 % 10);
		*o++ = (char)('0' + f[i] % 10);
		*o++ = sep[i];
	}
	*o = '\0';
	return 0;
}
