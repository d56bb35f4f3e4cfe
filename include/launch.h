/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_LAUNCH_H
#define WIREDESK_LAUNCH_H

#include <stddef.h>

#include "util.h"

/* Running the reporter's commands with feed data without a shell: a link
 * in the browser, a headline in the alert command.  Both come from a
 * feed, so they are hostile: they never pass through /bin/sh, only
 * through execvp as one argv element, exactly as they were. */

/* 1 when url may be opened: it starts with http:// or https:// (the
 * scheme in any case) and holds no control character; else 0 (so
 * javascript:, file:, data: and friends are refused). */
int launch_url_ok(const char *url);

/* The browser command to use: configured when it is set and not empty,
 * else the first entry of $BROWSER (a colon-separated list), else
 * "xdg-open".  Caller frees. */
char *launch_command(const char *configured);

/* Splits a command into words without a shell: blanks separate words,
 * '...' keeps everything literally, "..." keeps everything but \" and \\,
 * and a backslash outside quotes takes the next character literally.
 * Nothing else is special ($, `, ;, |, * are plain characters).  Fills
 * *argv (NULL-terminated; free with launch_argv_free) and *argc, or
 * returns -1 with err set for an empty command or an open quote. */
ATTR_NODISCARD int launch_split(
    const char *cmd, char ***argv, size_t *argc, char *err, size_t errlen);
/* launch_split, then the argument goes in: each "%u" (and, as $BROWSER
 * has it by convention, "%s") in a word after the program's is replaced
 * by arg; when no word has one, arg is appended as a word of its own. */
ATTR_NODISCARD int launch_argv(
    const char *cmd, const char *arg, char ***argv, char *err, size_t errlen);
void launch_argv_free(char **argv);

/* Runs cmd (split by launch_split) with arg as one argument, placed by
 * launch_argv.  The program runs in a new session with its stdio on
 * /dev/null and no other inherited descriptor; this returns as soon as it
 * has been executed (or failed to be, which is reported: a missing
 * program gives -1 with err set), never waiting for it to end.  Returns
 * 0, or -1 with err set. */
ATTR_NODISCARD int launch_run(
    const char *cmd, const char *arg, char *err, size_t errlen);

/* Opens url with cmd (NULL: see launch_command) through launch_run.
 * Refuses anything launch_url_ok rejects.  Returns 0, or -1 with err
 * set. */
ATTR_NODISCARD int launch_url(
    const char *cmd, const char *url, char *err, size_t errlen);

/* Reaps every finished child without blocking; call on SIGCHLD. */
void launch_reap(void);

#endif
