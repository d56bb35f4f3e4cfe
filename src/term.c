/* term: the one place that sets the terminal up and puts it back.
 *
 * Like htop's CRT.c, this owns curses' modes so that every way out of
 * the program (a normal quit, die(), running out of memory) restores the
 * tty: term_fini is util's fatal hook and is safe to call twice, before
 * term_init, or after term_free.  It keeps no state of its own for that;
 * curses' stdscr and isendwin() say whether there is anything to undo.
 *
 * newterm rather than initscr, because initscr prints and exits on a bad
 * $TERM, and we want an error the caller can show after the fact.  Keys
 * are read with wget_wch in nodelay mode and mapped onto keymap.h's
 * codes, so nothing above this layer sees a curses key.  Attributes are
 * computed once per element: a colour pair on the terminal's default
 * background when colours are available and wanted (NO_COLOR unset),
 * otherwise plain attributes, so monochrome terminals keep every
 * distinction that matters (bold for new, reverse for the selection). */
#include "term.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "keymap.h"
#include "settings.h"
#include "term_priv.h"

/* Milliseconds curses waits after Esc for the rest of a sequence. */
#define ESC_DELAY_MS 25

struct term {
	SCREEN *scr;
	int colors;     /* colour pairs in use */
	int default_bg; /* use_default_colors worked */
	unsigned attr[TERM_NELEMS];
};

static const struct {
	const char *name;
	short fg, bg;   /* -1: the terminal's default */
	unsigned attrs; /* A_* */
} elem_defaults[TERM_NELEMS] = {
    [TERM_NORMAL] = {"default", -1, -1, 0},
    [TERM_TITLE] = {"title", -1, -1, A_BOLD},
    [TERM_SELECTED] = {"selected", -1, -1, A_REVERSE},
    [TERM_FRESH] = {"new", COLOR_YELLOW, -1, A_BOLD},
    [TERM_OUTLET] = {"outlet", COLOR_CYAN, -1, 0},
    [TERM_STATUS] = {"status", -1, -1, A_REVERSE},
    [TERM_ERROR] = {"error", COLOR_RED, -1, A_BOLD},
    [TERM_DIM] = {"dim", -1, -1, A_DIM},
    [TERM_HELP] = {"help", COLOR_GREEN, -1, 0},
    [TERM_BORDER] = {"border", COLOR_BLUE, -1, 0},
    [TERM_BORDER_SEL] = {"selected-border", COLOR_CYAN, -1, A_BOLD},
    [TERM_LINK] = {"link", COLOR_BLUE, -1, A_UNDERLINE},
    [TERM_BREAKING] = {"breaking", COLOR_RED, -1, A_BOLD},
    [TERM_WATCH] = {"watch", COLOR_MAGENTA, -1, A_BOLD},
};

static int
color_wanted(void)
{
	const char *nc = getenv("NO_COLOR");

	return !(nc && *nc);
}

static void
set_elem(struct term *t, enum term_elem e, short fg, short bg, unsigned a)
{
	if (t->colors && (fg != -1 || bg != -1)) {
		short pair = (short)(e + 1);
		if (!t->default_bg) {
			/* Without default colours, -1 means white on black. */
			fg = fg == -1 ? COLOR_WHITE : fg;
			bg = bg == -1 ? COLOR_BLACK : bg;
		}
		if (pair < COLOR_PAIRS && init_pair(pair, fg, bg) == OK)
			a |= (unsigned)COLOR_PAIR(pair);
	}
	t->attr[e] = a;
}

void
term_fini(void)
{
	if (stdscr && !isendwin()) {
		curs_set(1);
		endwin();
	}
}

struct term *
term_init(char *err, size_t errlen)
{
	const char *tn = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, errlen,
		    "the dashboard needs a terminal"
		    " (standard input and output)");
		return NULL;
	}
	if (!tn || !*tn) {
		snprintf(err, errlen, "TERM is not set");
		return NULL;
	}
	int known, drawable = term_probe(tn, &known);
	if (known && !drawable) {
		snprintf(err, errlen,
		    "terminal type '%s' cannot move the cursor"
		    " (wiredesk --dump prints the stories as JSON)",
		    tn);
		return NULL;
	}
	/* an unknown type never reaches newterm, which leaks on it */
	SCREEN *scr = known ? newterm(NULL, stdout, stdin) : NULL;
	if (!scr) {
		snprintf(err, errlen, "cannot use terminal type '%s'", tn);
		return NULL;
	}
	struct term *t = xcalloc(1, sizeof(*t));
	t->scr = scr;
	util_set_fatal_hook(term_fini);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(ESC_DELAY_MS);
	curs_set(0);
	if (has_colors() && color_wanted() && start_color() == OK) {
		t->colors = 1;
		t->default_bg = use_default_colors() == OK;
	}
	for (int e = 0; e < TERM_NELEMS; e++)
		set_elem(t, (enum term_elem)e, elem_defaults[e].fg,
		    elem_defaults[e].bg, elem_defaults[e].attrs);
	/* stdscr is all we draw on; mark it current so the first read
	 * does not repaint it blank over what ui_draw put there. */
	wnoutrefresh(stdscr);
	return t;
}

void
term_free(struct term *t)
{
	if (!t)
		return;
	term_fini();
	util_set_fatal_hook(NULL);
	delscreen(t->scr);
	free(t);
}

int
term_fd(const struct term *t)
{
	(void)t;
	return STDIN_FILENO;
}

static uint32_t
map_key(int code)
{
	static const struct {
		int curses;
		uint32_t key;
	} map[] = {
	    {KEY_UP, KEYMAP_KEY_UP},
	    {KEY_DOWN, KEYMAP_KEY_DOWN},
	    {KEY_LEFT, KEYMAP_KEY_LEFT},
	    {KEY_RIGHT, KEYMAP_KEY_RIGHT},
	    {KEY_PPAGE, KEYMAP_KEY_PPAGE},
	    {KEY_NPAGE, KEYMAP_KEY_NPAGE},
	    {KEY_HOME, KEYMAP_KEY_HOME},
	    {KEY_END, KEYMAP_KEY_END},
	    {KEY_BACKSPACE, KEYMAP_KEY_BACKSPACE},
	    {KEY_DC, KEYMAP_KEY_DC},
	    {KEY_IC, KEYMAP_KEY_IC},
	    {KEY_BTAB, KEYMAP_KEY_BTAB},
	    {KEY_ENTER, KEYMAP_KEY_ENTER},
	    {KEY_RESIZE, KEYMAP_KEY_RESIZE},
	};

	for (size_t i = 0; i < ARRAY_LEN(map); i++)
		if (map[i].curses == code)
			return map[i].key;
	if (code > KEY_F0 && code <= KEY_F(12))
		return KEYMAP_KEY_F0 + (uint32_t)(code - KEY_F0);
	return 0;
}

int
term_read_key(struct term *t, uint32_t *key)
{
	wint_t wc;

	(void)t;
	for (;;) {
		int rc = wget_wch(stdscr, &wc);
		if (rc == ERR)
			return 0;
		if (rc == KEY_CODE_YES) {
			uint32_t k = map_key((int)wc);
			if (k == 0)
				continue; /* a key we have no use for */
			*key = k;
			return 1;
		}
		if (wc == '\r' || wc == '\n')
			*key = KEYMAP_KEY_ENTER;
		else if (wc == 0x7f || wc == 0x08)
			*key = KEYMAP_KEY_BACKSPACE;
		else if (wc == 0 || wc >= KEYMAP_KEY_BASE)
			continue;
		else
			*key = (uint32_t)wc;
		return 1;
	}
}

void
term_resize(struct term *t)
{
	struct winsize ws;

	(void)t;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	/* resizeterm touches stdscr; nothing is lost, ui_draw repaints. */
}

void
term_size(const struct term *t, int *rows, int *cols)
{
	(void)t;
	*rows = LINES;
	*cols = COLS;
}

size_t
term_colors(struct term *t, const struct setting_color *c, size_t n,
    const char *file, term_report_fn report, void *ctx)
{
	size_t bad = 0;
	char msg[512];

	for (size_t i = 0; i < n; i++) {
		const char *el = c[i].element ? c[i].element : "";
		const char *why = NULL;
		int e;
		for (e = 0; e < TERM_NELEMS; e++)
			if (strcmp(el, elem_defaults[e].name) == 0)
				break;
		/* settings checked the names; the numbers may still be
		 * more colours than this terminal has. */
		if (e == TERM_NELEMS)
			why = "unknown element";
		else if (c[i].fgi < -1 || c[i].bgi < -1)
			why = "unknown colour";
		else if (t->colors &&
		         (c[i].fgi >= COLORS || c[i].bgi >= COLORS))
			why = "this terminal has fewer colours";
		if (why) {
			bad++;
			if (report) {
				snprintf(msg, sizeof(msg), "%s: color %s: %s",
				    file ? file : "config", el, why);
				report(msg, ctx);
			}
			continue;
		}
		unsigned a = 0;
		if (c[i].bold)
			a |= A_BOLD;
		if (c[i].underline)
			a |= A_UNDERLINE;
		if (c[i].reverse)
			a |= A_REVERSE;
		/* Without colours keep the element's distinguishing
		 * attribute unless the line gives its own. */
		if (!t->colors && a == 0)
			a = elem_defaults[e].attrs;
		set_elem(
		    t, (enum term_elem)e, (short)c[i].fgi, (short)c[i].bgi, a);
	}
	return bad;
}

const char *
term_elem_name(enum term_elem e)
{
	return (unsigned)e < TERM_NELEMS ? elem_defaults[e].name : NULL;
}

unsigned
term_attr(const struct term *t, enum term_elem e)
{
	return (unsigned)e < TERM_NELEMS ? t->attr[e] : 0;
}

int
term_has_colors(const struct term *t)
{
	return t->colors;
}

void
term_bell(struct term *t)
{
	(void)t;
	beep();
}
