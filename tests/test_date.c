/* Unit tests for date: the RFC 822 and RFC 3339 zoo, every named zone,
 * rejections, the calendar arithmetic and the ISO writer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"

/* 2014-11-24T22:15:00Z */
#define T0 INT64_C(1416867300)

struct want {
	const char *s;
	int64_t t;
};

static void
check_all(const struct want *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int64_t t = 0;
		if (date_parse(w[i].s, &t) != 0)
			fail_msg("\"%s\" was rejected", w[i].s);
		if (t != w[i].t)
			fail_msg("\"%s\" gave %lld, want %lld", w[i].s,
			    (long long)t, (long long)w[i].t);
	}
}

static void
test_rfc822(void **state)
{
	(void)state;
	static const struct want w[] = {
		{"Mon, 24 Nov 2014 22:15:00 GMT", T0},
		{"Mon, 24 Nov 2014 22:15:00 +0000", T0},
		{"Mon, 24 Nov 2014 22:15:00 -0000", T0},
		{"Mon, 24 Nov 2014 22:15:00 UT", T0},
		{"Mon, 24 Nov 2014 22:15:00 UTC", T0},
		{"Mon, 24 Nov 2014 22:15:00 Z", T0},
		{"Mon, 24 Nov 2014 22:15 GMT", T0},		/* no seconds */
		{"24 Nov 2014 22:15:00 GMT", T0},		/* no weekday */
		{"Mon,24 Nov 2014 22:15:00 GMT", T0},		/* no space */
		{"Fri, 24 Nov 2014 22:15:00 GMT", T0},		/* wrong day */
		{"Monday, 24 November 2014 22:15:00 GMT", T0},
		{"mon, 24 nov 2014 22:15:00 gmt", T0},
		{"Mon, 24 Nov 14 22:15:00 GMT", T0},		/* two digits */
		{"Mon, 24 Nov 114 22:15:00 GMT", T0},		/* 1900 + 114 */
		{"Monday, 24-Nov-14 22:15:00 GMT", T0},		/* RFC 850 */
		{"Mon Nov 24 22:15:00 2014", T0},		/* asctime */
		{"Mon Nov 24 22:15:00 UTC 2014", T0},		/* date(1) */
		{"Nov 24, 2014 22:15:00 GMT", T0},
		{"  Mon, 24 Nov 2014 22:15:00 GMT  ", T0},
		{"Mon, 24 Nov 2014 22:15:00 +0000 (UTC)", T0},
		{"Mon, 24 Nov 2014 23:15:00 +0100", T0},
		{"Mon, 24 Nov 2014 23:15:00 +01:00", T0},
		{"Mon, 24 Nov 2014 23:15:00 GMT+1", T0},
		{"Mon, 24 Nov 2014 17:15:00 GMT-05:00", T0},
		{"Tue, 25 Nov 2014 03:45:00 +0530", T0},
		{"Mon, 24 Nov 2014 22:15:60 GMT", T0 + 60}, /* leap s */
		{"Mon, 24 Nov 2014", T0 - 22 * 3600 - 15 * 60},
		{"Sept 1, 2014 00:00:00 GMT", INT64_C(1409529600)},
		{"Thu, 01 Jan 1970 00:00:00 GMT", 0},
		{"Wed, 31 Dec 1969 23:59:59 GMT", -1},
		{"Fri, 31 Dec 9999 23:59:59 GMT", INT64_C(253402300799)},
	};
	check_all(w, ARRAY_LEN(w));
}

static void
test_zones(void **state)
{
	(void)state;
	static const struct {
		const char *zone;
		int minutes;
	} z[] = {
		{"UT", 0}, {"UTC", 0}, {"GMT", 0}, {"Z", 0}, {"EST", -300},
		{"EDT", -240}, {"CST", -360}, {"CDT", -300}, {"MST", -420},
		{"MDT", -360}, {"PST", -480}, {"PDT", -420}, {"WET", 0},
		{"WEST", 60}, {"BST", 60}, {"IST", 330}, {"CET", 60},
		{"CEST", 120}, {"MET", 60}, {"MEST", 120}, {"EET", 120},
		{"EEST", 180}, {"MSK", 180}, {"SGT", 480}, {"HKT", 480},
		{"AWST", 480}, {"JST", 540}, {"KST", 540}, {"ACST", 570},
		{"ACDT", 630}, {"AEST", 600}, {"AEDT", 660}, {"NZST", 720},
		{"NZDT", 780}, {"AKST", -540}, {"AKDT", -480}, {"HST", -600},
		{"NST", -210}, {"NDT", -150},
		/* military letters and unknown names: -0000 (RFC 5322) */
		{"A", 0}, {"M", 0}, {"N", 0}, {"Y", 0}, {"XYZ", 0},
		/* US names without S or D, Atlantic, tz database UTC */
		{"ET", -300}, {"CT", -360}, {"MT", -420}, {"PT", -480},
		{"AT", -240}, {"AST", -240}, {"ADT", -180}, {"Etc/GMT", 0},
		{"etc/utc", 0},
	};
	char s[64];

	for (size_t i = 0; i < ARRAY_LEN(z); i++) {
		int64_t t;
		snprintf(s, sizeof(s), "Mon, 24 Nov 2014 22:15:00 %s",
		    z[i].zone);
		assert_int_equal(date_parse(s, &t), 0);
		if (t != T0 - z[i].minutes * 60)
			fail_msg("zone %s: off by %lld s", z[i].zone,
			    (long long)(T0 - z[i].minutes * 60 - t));
	}
}

static void
test_iso(void **state)
{
	(void)state;
	static const struct want w[] = {
		{"2014-11-24T22:15:00Z", T0},
		{"2014-11-24t22:15:00z", T0},
		{"2014-11-24T22:15:00+00:00", T0},
		{"2014-11-24T23:15:00+01:00", T0},
		{"2014-11-24T23:15:00+0100", T0},
		{"2014-11-24T23:15:00+01", T0},
		{"2014-11-24T17:15:00-05:00", T0},
		{"2014-11-24T22:15:00.123456789Z", T0},
		{"2014-11-24T22:15:00,5Z", T0},
		{"2014-11-24T22:15Z", T0},
		{"2014-11-24T22:15:00", T0},			/* UTC */
		{"2014-11-24 22:15:00", T0},
		{"2014-11-24 22:15:00 +00:00", T0},
		{"2014-11-24 22:15:00 GMT", T0},
		{"20141124T221500Z", T0},			/* basic */
		{"2014-11-24", T0 - 80100},
		{"20141124", T0 - 80100},
		{"2014-11", INT64_C(1414800000)},
		{"2014", INT64_C(1388534400)},
		{"2016-02-29T00:00:00Z", INT64_C(1456704000)},
		{"2000-02-29T00:00:00Z", INT64_C(951782400)},
		{" 2014-11-24T22:15:00Z ", T0},
	};
	check_all(w, ARRAY_LEN(w));
}

static void
test_reject(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "   ", "yesterday", "Mon", "24 Nov", "Nov 2014",
		"Mon, 32 Nov 2014 10:00:00 GMT",	/* day */
		"Mon, 31 Nov 2014 10:00:00 GMT",	/* day of month */
		"Mon, 29 Feb 2015 10:00:00 GMT",	/* not a leap year */
		"Mon, 29 Feb 1900 10:00:00 GMT",	/* century */
		"Mon, 24 Foo 2014 10:00:00 GMT",	/* month */
		"Mon, 24 Ma 2014 10:00:00 GMT",		/* ambiguous */
		"Mon, 24 Okt 2014 10:00:00 GMT",	/* not English */
		"Mon, 24 Nov 2014 24:00:00 GMT",	/* hour */
		"Mon, 24 Nov 2014 10:60:00 GMT",	/* minute */
		"Mon, 24 Nov 2014 10:00:61 GMT",	/* second */
		"Mon, 24 Nov 2014 10:00:00 +2500",	/* offset */
		"Mon, 24 Nov 2014 10:00:00 +0160",
		"Mon, 24 Nov 2014 10:00:00 Pacific",	/* long name */
		"Mon, 24 Nov 2014 10:00:00 GMT junk",
		"Mon, 24 Nov 20145 10:00:00 GMT",	/* year digits */
		"Mon, 24 Nov 1 10:00:00 GMT",
		"Mon, 24 Nov 2014 10 GMT",
		"0000-01-01T00:00:00Z",			/* no year 0 */
		"2014-13-01T00:00:00Z", "2014-00-10T00:00:00Z",
		"2014-02-30T00:00:00Z", "2015-02-29",
		"2014-11-24T25:00:00Z", "2014-11-24T22:15:00+19:00",
		"2014-11-24T22:15:00Zjunk", "2014-11-24X22:15:00Z",
		"9999-12-31T23:59:59-01:00",		/* past 9999 in UTC */
		"0001-01-01T00:00:00+01:00",		/* before year 1 */
		"2014/13/01", "2014/11/24 25:00", "2014/11/24/1",
		"Fri, 2006/09/15 08:19:53 EDT junk", "14/11/24",
		"03-12",				/* YY-MM: too little */
		"2003-366", "2003-000", "03366",	/* ordinal range */
		"2014-11-245", "2014-123-01", "201411",
		"2004\xeb\x85\x84 13\xec\x9b\x94 28\xec\x9d\xbc 01:31:15",
		"Fri", "Fri,", "Fri, 2006/", "2006/09",	/* cut short */
		"20141124 8", "May1", "MAY1\r\r0",	/* found by fuzzing */
	};
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		int64_t t = 42;
		if (date_parse(bad[i], &t) != -1)
			fail_msg("\"%s\" was accepted as %lld", bad[i],
			    (long long)t);
		assert_int_equal(t, 42);
	}
	int64_t t;
	assert_int_equal(date_parse(NULL, &t), -1);
}

static void
test_civil(void **state)
{
	(void)state;
	assert_int_equal(date_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(date_days_from_civil(1969, 12, 31), -1);
	assert_int_equal(date_days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(date_days_from_civil(2014, 11, 24), 16398);
	assert_int_equal(date_days_from_civil(1600, 1, 1), -135140);
}

static void
test_format(void **state)
{
	(void)state;
	char buf[DATE_ISO_SIZE];

	assert_int_equal(date_format_iso(T0, buf), 0);
	assert_string_equal(buf, "2014-11-24T22:15:00Z");
	assert_int_equal(date_format_iso(0, buf), 0);
	assert_string_equal(buf, "1970-01-01T00:00:00Z");
	assert_int_equal(date_format_iso(-1, buf), 0);
	assert_string_equal(buf, "1969-12-31T23:59:59Z");
	assert_int_equal(date_format_iso(INT64_C(951825600), buf), 0);
	assert_string_equal(buf, "2000-02-29T12:00:00Z");
	assert_int_equal(date_format_iso(INT64_C(253402300799), buf), 0);
	assert_string_equal(buf, "9999-12-31T23:59:59Z");
	assert_int_equal(date_format_iso(INT64_C(253402300800), buf), -1);
	assert_string_equal(buf, "");
	assert_int_equal(date_format_iso(INT64_MIN, buf), -1);
	assert_int_equal(date_format_iso(INT64_MAX, buf), -1);
	/* Round trip over a stretch of days and times. */
	for (int64_t t = -86400 * 400; t < INT64_C(86400) * 20000;
	    t += 86400 * 7 + 3601) {
		int64_t back;
		assert_int_equal(date_format_iso(t, buf), 0);
		assert_int_equal(date_parse(buf, &back), 0);
		assert_int_equal(back, t);
	}
}

/* Issue 9, class 5: the date shapes of real feeds beyond the RFCs. */
static void
test_zoo(void **state)
{
	(void)state;
	static const struct want w[] = {
		{"2020/1/10 14:33:00", INT64_C(1578666780)},
		{"2014/11/24 22:15", T0},
		{"2014/11/24", T0 - 80100},
		{"Fri, 2006/09/15 08:19:53 EDT", INT64_C(1158322793)},
		{"2022-09-03 09:37:11+03:00", INT64_C(1662187031)},
		{"Mon, 26 January 2004 16:31:00 ET", INT64_C(1075152660)},
		{"Wed, 19 Aug 2009 18:28:00 Etc/GMT", INT64_C(1250706480)},
		{"Mon, 13 Feb, 2012 06:28:00 UTC", INT64_C(1329114480)},
		{"Wed, 19 Feb 2012 22:40:00 GMT-01:01", INT64_C(1329694860)},
		{"Thu Aug 30 2012 17:26:16 +0200", INT64_C(1346340376)},
		{"Mon, 24 Nov 2014 17:15:00 -0500 EST", T0},
		{"2003-12", INT64_C(1070236800)},
		{"031231", INT64_C(1072828800)},
		{"03-12-31", INT64_C(1072828800)},
		{"2003-335", INT64_C(1070236800)},
		{"2003335", INT64_C(1070236800)},
		{"03335", INT64_C(1070236800)},
		{"2004-366", INT64_C(1104451200)},	/* leap year */
		{"2003-012-31T10:14:55+00:00", INT64_C(1072865695)},
		{"2014-1-24", INT64_C(1390521600)},
		{"14-11-24", T0 - 80100},
		{"2004-07-08 23:56:58 -00:20", INT64_C(1089332218)},
		{"2004-07-08 23:56:58.0", INT64_C(1089331018)},
		{"Thu, 01 Jan 0100 00:00:01 +0100", INT64_C(-59011462799)},
		{"0999-12-31T23:59:59Z", INT64_C(-30610224001)},
		{"0001-01-01T00:00:00Z", INT64_C(-62135596800)},
		{"2004\xeb\x85\x84 05\xec\x9b\x94 28\xec\x9d\xbc  01:31:15",
		    INT64_C(1085675475)},
		{"2004-05-25 \xec\x98\xa4\xed\x9b\x84 11:23:17",
		    INT64_C(1085494997)},
	};
	check_all(w, ARRAY_LEN(w));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc822),
		cmocka_unit_test(test_zones),
		cmocka_unit_test(test_iso),
		cmocka_unit_test(test_zoo),
		cmocka_unit_test(test_reject),
		cmocka_unit_test(test_civil),
		cmocka_unit_test(test_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
