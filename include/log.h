/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_LOG_H
#define WIREDESK_LOG_H

#include "util.h"

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

/* Opens (appends to) the log file; NULL or a failure leaves logging off.
 * Returns 0 or -1. */
int log_open(const char *path);
void log_close(void);
/* One timestamped line to the log file, if one is open.  Never writes to
 * the terminal. */
void log_msg(enum log_level level, const char *fmt, ...) ATTR_PRINTF(2, 3);
/* Keeps a user-facing message until log_flush_deferred() prints them all
 * to stderr, once the terminal is restored. */
void log_defer(const char *fmt, ...) ATTR_PRINTF(1, 2);
void log_flush_deferred(void);

#endif
