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

/* What is drawn, each with its own attribute, and the name a config
 * file's "color ELEMENT FG BG [ATTR...]" line gives it. */
enum term_elem {
	TERM_NORMAL,     /* "default": everything not listed below */
	TERM_TITLE,      /* "title": story labels, the top line, titles */
	TERM_SELECTED,   /* "selected": the selected panel or row */
	TERM_FRESH,      /* "new": items not seen yet */
	TERM_OUTLET,     /* "outlet": outlet names */
	TERM_STATUS,     /* "status": the status line */
	TERM_ERROR,      /* "error": failed feeds and error messages */
	TERM_DIM,        /* "dim": ages, counts, read items */
	TERM_HELP,       /* "help": the help screen and key hints */
	TERM_BORDER,     /* "border": panel borders */
	TERM_BORDER_SEL, /* "selected-border": the selected panel's */
	TERM_LINK,       /* "link": links in the reader */
	TERM_BREAKING,   /* "breaking": BREAKING marks and alert banners */
	TERM_WATCH,      /* "watch": the mark of a story a term matches */
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
 * names the config file.  Colours are ignored (attributes kept) when the
 * terminal has none or NO_COLOR is set.  Returns the number of bad lines. */
typedef void (*term_report_fn)(const char *msg, void *ctx);
size_t term_colors(struct term *t, const struct setting_color *c, size_t n,
    const char *file, term_report_fn report, void *ctx);
/* An element's name as color lines write it; NULL for a bad value. */
const char *term_elem_name(enum term_elem e);
/* The curses attribute (colour pair included) to draw e with. */
unsigned term_attr(const struct term *t, enum term_elem e);
/* Whether colours are in use. */
int term_has_colors(const struct term *t);
/* Rings the terminal's bell (or flashes the screen when it has none). */
void term_bell(struct term *t);

#endif
