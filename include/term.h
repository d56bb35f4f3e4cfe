/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_TERM_H
#define WIREDESK_TERM_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

struct setting_color;

/* The terminal layer: ncurses setup and teardown, keys, size and the
 * attributes of each kind of thing on screen.  Only this module and the
 * ui modules draw. */

/* What is drawn, each with its own attribute ("color ELEMENT ..."). */
enum term_elem {
	TERM_NORMAL,	  /* "normal": everything else */
	TERM_LABEL,	  /* "label": a cluster's label */
	TERM_FRESH,	  /* "fresh": new items, until seen */
	TERM_READ,	  /* "read": items already read */
	TERM_SELECTED,	  /* "selected": the selected row */
	TERM_BORDER,	  /* "border": panel borders */
	TERM_BORDER_SEL,  /* "selected-border": the selected panel */
	TERM_OUTLET,	  /* "outlet": feed names */
	TERM_META,	  /* "meta": ages, counts, dates */
	TERM_TITLE,	  /* "title": the top line, the reader's title */
	TERM_STATUS,	  /* "status": the status line */
	TERM_ERROR,	  /* "error": failed feeds, errors */
	TERM_INFO,	  /* "info": the message line */
	TERM_LINK,	  /* "link": links in the reader */
	TERM_NELEMS,
};

struct term;

/* Takes over the terminal on stdin/stdout (which must be a terminal):
 * cbreak, no echo, keypad, non-blocking reads, hidden cursor, colours on
 * the terminal's own background when it has colours and NO_COLOR is not
 * set (else attributes only).  Installs term_fini as util's fatal hook.
 * Returns NULL with err set when the terminal cannot be used.  Free with
 * term_free. */
struct term *term_init(char *err, size_t errlen);
/* Restores the terminal (endwin).  Idempotent, and safe at any time,
 * even before term_init: it is the fatal hook. */
void term_fini(void);
/* term_fini, then releases everything; NULL is a no-op. */
void term_free(struct term *t);

/* The input fd, for poll. */
int term_fd(const struct term *t);
/* Reads one pending key without waiting: returns 1 and stores it (a
 * keymap.h key; KEYMAP_KEY_RESIZE when curses saw the size change), or 0
 * when no key is waiting. */
int term_read_key(struct term *t, uint32_t *key);
/* Takes the size from the terminal (TIOCGWINSZ) and resizes curses to
 * it; call after SIGWINCH. */
void term_resize(struct term *t);
void term_size(const struct term *t, int *rows, int *cols);

/* Applies "color" lines over the defaults.  Each bad line is reported
 * through report (may be NULL) as "FILE: color ELEMENT: reason"; file
 * names the config file.  Colours are ignored (attributes kept) when the terminal
 * has none or NO_COLOR is set.  Returns the number of bad lines. */
typedef void (*term_report_fn)(const char *msg, void *ctx);
size_t term_colors(struct term *t, const struct setting_color *c, size_t n,
    const char *file, term_report_fn report, void *ctx);
/* The curses attribute (colour pair included) to draw e with. */
unsigned term_attr(const struct term *t, enum term_elem e);
/* Whether colours are in use. */
int term_has_colors(const struct term *t);

#endif
