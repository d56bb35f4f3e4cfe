/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_BACKGROUND_H
#define WIREDESK_BACKGROUND_H

#include <stddef.h>
#include <stdint.h>

/* What news headlines at large are made of: how many headlines of a large
 * real corpus (docs/clustering.md) use each term, built into the program
 * from src/background.words.  The clusterer blends these counts with the
 * ones it sees, so that a word every day's news uses ("US", "Covid",
 * "Monday", "cartoons") never looks rare just because the window is
 * short. */

/* The number of headlines the counts are over. */
uint32_t background_docs(void);

/* How many of them use term[0..len): a stem as token_run hands it out, or
 * two such stems joined by one space for a phrase of adjacent words.  0
 * for a term the corpus uses too rarely to count (a word in fewer than 2
 * headlines, a phrase in fewer than 3). */
uint32_t background_df(const char *term, size_t len);

#endif
