/* term_probe: what terminfo says of a terminal type, asked before curses
 * takes the terminal.  newterm leaks its screen when it is given a type
 * it does not know, and on a type that cannot move the cursor (dumb, a
 * printing terminal) curses draws garbage: both are refused with a
 * reason instead.  The entry read here is dropped again; newterm reads
 * its own. */
#include "term_priv.h"

#include <curses.h>
#include <term.h>
#include <unistd.h>

int
term_probe(const char *tn, int *known)
{
	int e = 0;

	*known = setupterm(tn, STDOUT_FILENO, &e) == OK;
	if (!*known)
		return 0;
	const char *cup = tigetstr("cup");
	int ok = cup != NULL && cup != (const char *)-1 && tigetflag("hc") <= 0;
	del_curterm(cur_term);
	return ok;
}
