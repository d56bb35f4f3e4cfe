/* rawdb: raw SQL on database files for the store and db tests, so the
 * tests can build older schemas and inspect what was committed without
 * going through the code under test. */
#include "rawdb.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <sys/stat.h>

#include <cmocka.h>
#include <sqlite3.h>

void
rawdb_exec(const char *path, const char *sql)
{
	sqlite3 *h = NULL;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	if (sqlite3_exec(h, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(h);
}

/* Opens path read-only and steps sql once; NULL statement on no row. */
static sqlite3_stmt *
first_row(const char *path, const char *sql, sqlite3 **h)
{
	sqlite3_stmt *st = NULL;

	assert_int_equal(sqlite3_open_v2(path, h, SQLITE_OPEN_READONLY, NULL),
	    SQLITE_OK);
	sqlite3_busy_timeout(*h, 5000);
	if (sqlite3_prepare_v2(*h, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(*h));
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

int64_t
rawdb_int(const char *path, const char *sql)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = first_row(path, sql, &h);
	int64_t v = st ? sqlite3_column_int64(st, 0) : -1;

	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

char *
rawdb_text(const char *path, const char *sql)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = first_row(path, sql, &h);
	char *v = NULL;

	if (st && sqlite3_column_text(st, 0))
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

int
rawdb_check_ok(const char *path, const char *pragma)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	int ok = 0;

	/* A damaged file must give "not ok", not end the test. */
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) ==
		SQLITE_OK &&
	    sqlite3_prepare_v2(h, pragma, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		ok = strcmp((const char *)sqlite3_column_text(st, 0), "ok") ==
		    0;
	sqlite3_finalize(st);
	sqlite3_close(h);
	return ok;
}

int
rawdb_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static int
rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(p);
}

void
rawdb_rmtree(const char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}
