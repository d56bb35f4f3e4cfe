/* Unit tests for token: stems, stop words, names, numbers, UTF-8 in
 * several scripts, title boilerplate and language selection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "token.h"

/* Collects "term/surface/flags" words separated by spaces, flags as N
 * (name), p (plain), # (number) or -. */
static void
collect(const struct token *tok, void *ctx)
{
	struct buf *b = ctx;

	assert_int_equal(strlen(tok->term), tok->len);
	assert_int_equal(strlen(tok->surface), tok->surface_len);
	assert_true(tok->len > 0);
	if (b->len > 0)
		buf_putc(b, ' ');
	const char *f = "-";
	if (tok->flags & TOKEN_NAME)
		f = "N";
	else if (tok->flags & TOKEN_PLAIN)
		f = "p";
	else if (tok->flags & TOKEN_NUMBER)
		f = "#";
	buf_appendf(b, "%s/%s/%s", tok->term, tok->surface, f);
}

/* Only the terms, space separated. */
static void
collect_terms(const struct token *tok, void *ctx)
{
	struct buf *b = ctx;

	if (b->len > 0)
		buf_putc(b, ' ');
	buf_puts(b, tok->term);
}

static char *
run(const char *lang, const char *text, enum token_field f, int full)
{
	struct tokenizer *t = token_new(lang);
	struct buf b;

	buf_init(&b, 0);
	buf_puts(&b, "");
	token_run(t, text, f, full ? collect : collect_terms, &b);
	token_free(t);
	return buf_take(&b);
}

static void
expect(const char *lang, const char *text, enum token_field f, int full,
    const char *want)
{
	char *got = run(lang, text, f, full);

	assert_string_equal(got, want);
	free(got);
}

static void
test_stems(void **state)
{
	(void)state;
	expect("en", "hackers hacked the passwords of gamers", TOKEN_SUMMARY, 0,
	    "hacker hack password gamer");
	expect("en", "Publishes emails; claims networks", TOKEN_SUMMARY, 0,
	    "publish email claim network");
	/* the same stem from different forms joins items */
	expect("en", "breached breaches breach", TOKEN_SUMMARY, 0,
	    "breach breach breach");
	/* long words and long stems, seen twice (once stemmed, once
	 * remembered), whatever room the tokenizer keeps them in */
	expect("en",
	    "antidisestablishmentarianism "
	    "pneumonoultramicroscopicsilicovolcanoconiosis "
	    "antidisestablishmentarianism "
	    "pneumonoultramicroscopicsilicovolcanoconiosis",
	    TOKEN_SUMMARY, 0,
	    "antidisestablishmentarian "
	    "pneumonoultramicroscopicsilicovolcanoconiosi "
	    "antidisestablishmentarian "
	    "pneumonoultramicroscopicsilicovolcanoconiosi");
}

static void
test_stop_words(void **state)
{
	(void)state;
	/* function words and the news trade's own words go */
	expect("en", "Sony says it will report the new video", TOKEN_SUMMARY, 0,
	    "soni");
	expect("en", "BREAKING: Watch live updates, photos, exclusive news",
	    TOKEN_SUMMARY, 0, "");
	expect(
	    "en", "What we know about Regin so far", TOKEN_SUMMARY, 0, "regin");
	/* one-letter words are not terms, one-digit numbers are */
	expect("en", "a b c 7 x", TOKEN_SUMMARY, 0, "7");
	/* a short acronym is not the pronoun it spells */
	expect("en", "US stocks fall as it slows and us too", TOKEN_SUMMARY, 0,
	    "us stock fall slow");
	/* "Pictures" is a word of a name, not news boilerplate */
	expect("en", "Sony Pictures", TOKEN_SUMMARY, 0, "soni pictur");
}

static void
test_names(void **state)
{
	(void)state;
	/* sentence case: capitals inside the sentence are names */
	expect("en",
	    "DerpTrolling claims PlayStation Network hack, publishes emails",
	    TOKEN_TITLE, 1,
	    "derptrol/DerpTrolling/N claim/claims/p playstat/PlayStation/N "
	    "network/Network/N hack/hack/p publish/publishes/p "
	    "email/emails/p");
	/* Title Case: capitals say nothing, except CamelCase and acronyms */
	expect("en", "Sony Pictures Targeted by Widespread Hack at SPE",
	    TOKEN_TITLE, 1,
	    "soni/Sony/- pictur/Pictures/- target/Targeted/- "
	    "widespread/Widespread/- hack/Hack/- spe/SPE/N");
	/* the first word of a sentence is capitalised anyway */
	expect("en", "Hackers hit Sony. Studio staff went home", TOKEN_SUMMARY,
	    1,
	    "hacker/Hackers/- hit/hit/p soni/Sony/N studio/Studio/- "
	    "staff/staff/p home/home/p");
	/* all caps says nothing at all */
	expect("en", "SONY DENIES PLAYSTATION BREACH", TOKEN_TITLE, 1,
	    "soni/SONY/- deni/DENIES/- playstat/PLAYSTATION/- "
	    "breach/BREACH/-");
	/* possessives go, the surface keeps the written name */
	expect("en", "the hack of Sony's network and iPhone's", TOKEN_SUMMARY,
	    1, "hack/hack/p soni/Sony/N network/network/p iphon/iPhone/N");
	/* "Mt." does not start a sentence, so "Gox" is still evidence */
	expect("en", "bitcoin exchange Mt. Gox files", TOKEN_SUMMARY, 1,
	    "bitcoin/bitcoin/- exchang/exchange/p mt/Mt/N gox/Gox/N "
	    "file/files/p");
	/* in German every noun is capitalised */
	expect("de", "Hacker greifen Sony und die PlayStation an",
	    TOKEN_SUMMARY, 1,
	    "hack/Hacker/- greif/greifen/p sony/Sony/- "
	    "playstation/PlayStation/N");
}

static void
test_numbers(void **state)
{
	(void)state;
	expect("en", "iOS 7.1 costs $1,000 in 2014; MH370 and 4G",
	    TOKEN_SUMMARY, 1,
	    "io/iOS/N 7.1/7.1/# cost/costs/p 1000/1,000/# 2014/2014/# "
	    "mh370/MH370/N 4g/4G/-");
	/* dotted acronyms and ampersands stay one word */
	expect("en", "the U.S. and S&P 500 rise", TOKEN_SUMMARY, 1,
	    "us/U.S./N s&p/S&P/N 500/500/# rise/rise/p");
	/* a letter and a number are one word with a hyphen or without */
	expect("en", "G-7 and G7 summit, F-35 jets, X-ray, Covid-19",
	    TOKEN_SUMMARY, 0, "g7 g7 summit f35 jet ray covid 19");
	/* a sentence-final period is not a decimal point */
	expect("en", "up 3. Then 4", TOKEN_SUMMARY, 0, "3 4");
}

static void
test_utf8(void **state)
{
	(void)state;
	/* case folds in Latin, Greek and Cyrillic without the locale */
	expect("en", "ŁÓDŹ Ÿes Σίσυφος ΑΘΗΝΑ Москва ИЗВЕСТИЯ", TOKEN_SUMMARY, 0,
	    "łódź ÿes σίσυφοσ αθηνα москва известия");
	expect("ru", "Путин заявил о санкциях против России", TOKEN_SUMMARY, 0,
	    "путин заяв санкц прот росс");
	expect(
	    "el", "Η Ελλάδα και η Ευρώπη", TOKEN_SUMMARY, 0, "ελλαδ κα ευρωπ");
	/* Han and kana have no spaces: a character is a word */
	expect(
	    "en", "東京で地震 Tokyo", TOKEN_SUMMARY, 0, "東 京 で 地 震 tokyo");
	/* bad bytes and symbols separate words, they do not crash */
	expect("en",
	    "caf\xc3 bad\xff\xfe"
	    "bytes \xe2\x80\x9cquoted\xe2\x80\x9d "
	    "\xf0\x9f\x94\xa5hot",
	    TOKEN_SUMMARY, 0, "caf bad byte quot hot");
	/* soft hyphens vanish inside a word */
	expect("en", "Play\xc2\xadStation", TOKEN_SUMMARY, 0, "playstat");
	/* a run too long to be a word is dropped */
	char big[200];
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	char *text = NULL;
	size_t n = strlen(big) + 32;
	text = malloc(n);
	snprintf(text, n, "sony %s hack", big);
	expect("en", text, TOKEN_SUMMARY, 0, "soni hack");
	free(text);
	expect("en", NULL, TOKEN_SUMMARY, 0, "");
	expect("en", "", TOKEN_TITLE, 0, "");
}

static char *
core(const char *title)
{
	size_t start, len;

	token_title_core(title, strlen(title), &start, &len);
	char *s = malloc(len + 1);
	memcpy(s, title + start, len);
	s[len] = '\0';
	return s;
}

static void
expect_core(const char *title, const char *want)
{
	char *got = core(title);

	assert_string_equal(got, want);
	free(got);
}

static void
test_boilerplate(void **state)
{
	(void)state;
	expect_core("Hagel resigns as defense chief - Reuters",
	    "Hagel resigns as defense chief");
	expect_core("Sony Pictures hit by hack | BBC News",
	    "Sony Pictures hit by hack");
	expect_core("Sony Pictures hit by hack \xe2\x80\x93 The Times of India",
	    "Sony Pictures hit by hack");
	expect_core("Wall Street ends lower - Markets - Reuters",
	    "Wall Street ends lower");
	expect_core("WASHINGTON (AP) \xe2\x80\x94 Hagel resigns as defense "
	            "chief",
	    "Hagel resigns as defense chief");
	expect_core("(Reuters) - Oil falls before OPEC meets",
	    "Oil falls before OPEC meets");
	expect_core("UPDATE 2-Mt. Gox files for U.S. bankruptcy",
	    "Mt. Gox files for U.S. bankruptcy");
	expect_core("Sony Xperia Z3 Compact review (VIDEO)",
	    "Sony Xperia Z3 Compact review");
	/* what does not read like an outlet stays */
	expect_core("ECB unlikely to end sterilisation of SMP purchases - "
	            "traders",
	    "ECB unlikely to end sterilisation of SMP purchases - traders");
	expect_core("Apple is the winner - Apple buys Beats",
	    "Apple is the winner - Apple buys Beats");
	expect_core("Sony hack - what we know about the attackers so far",
	    "Sony hack - what we know about the attackers so far");
	/* ... and a headline is never cut down to less than three words */
	expect_core("Big news - Apple", "Big news - Apple");
	expect_core("Apple (AAPL) - shares fall on China data",
	    "Apple (AAPL) - shares fall on China data");
	expect_core(
	    "COVID-19 cases rise in Europe", "COVID-19 cases rise in Europe");
	/* the tokenizer applies it to titles only */
	expect("en", "Hagel resigns as defense chief - Reuters", TOKEN_TITLE, 0,
	    "hagel resign defens chief");
	expect("en", "Hagel resigns as defense chief - Reuters", TOKEN_SUMMARY,
	    0, "hagel resign defens chief reuter");
}

/* Phrases: "+" before a term that follows the one before it with only
 * spaces or a hyphen between; the word before stemming after "=". */
static void
collect_joined(const struct token *tok, void *ctx)
{
	struct buf *b = ctx;

	if (b->len > 0)
		buf_putc(b, ' ');
	if (tok->flags & TOKEN_JOINED)
		buf_putc(b, '+');
	buf_puts(b, tok->term);
	buf_putc(b, '=');
	buf_append(b, tok->word, tok->word_len);
}

static void
test_joined(void **state)
{
	(void)state;
	struct tokenizer *t = token_new("en");
	struct buf b;

	buf_init(&b, 0);
	buf_puts(&b, "");
	/* a stop word, a comma, a colon or a quote ends a phrase; a
	 * hyphen does not; a possessive keeps it going */
	token_run(t,
	    "Looting hits Long Beach, Santa Monica as anti-terror bill "
	    "nears: 'Floyd's death' stuns",
	    TOKEN_SUMMARY, collect_joined, &b);
	assert_string_equal(b.p,
	    "loot=looting +hit=hits +long=long +beach=beach "
	    "santa=santa +monica=monica anti=anti +terror=terror "
	    "+bill=bill +near=nears floyd=floyd +death=death stun=stuns");
	buf_fini(&b);
	token_free(t);
}

static void
test_language(void **state)
{
	(void)state;
	static const struct {
		const char *tag, *algo;
	} cases[] = {
	    {NULL, "english"},
	    {"", "english"},
	    {"en-US", "english"},
	    {"de", "german"},
	    {"de-AT", "german"},
	    {"pt_BR", "portuguese"},
	    {"FR", "french"},
	    {"russian", "russian"},
	    {"xx", "english"},
	    {"tlh", "english"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct tokenizer *t = token_new(cases[i].tag);
		assert_string_equal(token_language(t), cases[i].algo);
		token_free(t);
	}
	/* the language's stop words and stemmer, English ones too */
	expect("de", "Die Regierung und der Kanzler sagen: the end",
	    TOKEN_SUMMARY, 0, "regier kanzl sag end");
	expect("fr", "l'économie et l'Europe d'abord", TOKEN_SUMMARY, 0,
	    "économ europ abord");
	expect("es", "El gobierno de España y la economía", TOKEN_SUMMARY, 0,
	    "gobiern españ econom");
	token_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_stems),
	    cmocka_unit_test(test_stop_words),
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_numbers),
	    cmocka_unit_test(test_utf8),
	    cmocka_unit_test(test_boilerplate),
	    cmocka_unit_test(test_joined),
	    cmocka_unit_test(test_language),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
