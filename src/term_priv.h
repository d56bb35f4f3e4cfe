/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_TERM_PRIV_H
#define WIREDESK_TERM_PRIV_H

/* Private to term.c and term_probe.c.  term_probe.c reads terminfo
 * through <term.h>, whose struct term would collide with this module's
 * own, so the probe lives in a file of its own. */

/* Whether terminal type tn is one terminfo knows (*known is then 1) and
 * can put the cursor where it is told (a dumb or a printing terminal
 * cannot). */
int term_probe(const char *tn, int *known);

#endif
