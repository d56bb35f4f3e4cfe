/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_DATE_H
#define WIREDESK_DATE_H

#include <stdint.h>

#include "util.h"

/* Size of the buffer date_format_iso writes: "YYYY-MM-DDTHH:MM:SSZ" and
 * its NUL. */
#define DATE_ISO_SIZE 21

/* Years a date may fall in; anything outside is treated as no date.
 * Years before 1000 are real dates (archives, history feeds) and are
 * written with leading zeros. */
#define DATE_YEAR_MIN 1
#define DATE_YEAR_MAX 9999

/* Parses a feed date and stores it in *t as Unix seconds UTC.  Accepts
 * RFC 822/1123/2822 dates (weekday optional and never checked, no space
 * needed after its comma, full or abbreviated English month and weekday
 * names, seconds optional, two-digit years as RFC 2822 reads them,
 * '-' between day, month and year as RFC 850 writes them, asctime order,
 * numeric offsets and the zone names listed in date.c) and RFC 3339 /
 * ISO 8601 / W3CDTF dates (offsets, 'Z', fractions, date only, year and
 * month only, basic format, ordinal dates, two-digit years, a space for
 * the 'T') and Y/M/D with slashes.  A time without a zone is taken as UTC.
 * Every field is range-checked (day against its month, leap years
 * included).  Returns 0, or -1 with *t untouched when s is not a date it
 * can read without guessing. */
ATTR_NODISCARD int date_parse(const char *s, int64_t *t);

/* Days from 1970-01-01 to the given proleptic Gregorian date (negative
 * before it); m is 1..12, d 1..31.  Pure arithmetic, no time zone. */
int64_t date_days_from_civil(int64_t y, int m, int d);

/* Writes t as "YYYY-MM-DDTHH:MM:SSZ" into buf.  Returns 0, or -1 (buf
 * then holds "") when t falls outside DATE_YEAR_MIN..DATE_YEAR_MAX. */
int date_format_iso(int64_t t, char buf[DATE_ISO_SIZE]);

#endif
