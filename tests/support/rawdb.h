/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_RAWDB_H
#define WIREDESK_RAWDB_H

#include <stdint.h>

/* Test helpers that touch a database file the way an older wiredesk or
 * another tool would, and clean up temporary trees.  Failures end the
 * current cmocka test. */

/* Runs sql (several statements allowed) on the file at path. */
void rawdb_exec(const char *path, const char *sql);
/* The first column of the first row as an integer, -1 when no row. */
int64_t rawdb_int(const char *path, const char *sql);
/* The first column of the first row as text (caller frees), NULL when no
 * row. */
char *rawdb_text(const char *path, const char *sql);
/* 1 when a check pragma (integrity_check, quick_check) answers "ok". */
int rawdb_check_ok(const char *path, const char *pragma);
/* 1 when path exists. */
int rawdb_exists(const char *path);
/* Removes dir and everything under it. */
void rawdb_rmtree(const char *dir);

#endif
