/* token: headline and summary text to stemmed terms.
 *
 * The clusterer compares items by the words they share, so this module
 * decides what a word is.  It works on code points (text_utf8_next), folds
 * case with a small table (Latin, Greek, Cyrillic, Armenian) rather than
 * towlower, so the terms never depend on the locale the program runs in,
 * and treats everything it does not know as a letter: scripts without
 * case still make words.  Han and kana have no spaces, so each of their
 * characters is a word of its own.
 *
 * Names matter most for telling stories apart ("Sony", "PlayStation"),
 * but a headline in Title Case capitalises every word.  So the words of a
 * text are collected first; the text's case style is judged (all caps,
 * title case, or sentence case); then a word is marked TOKEN_NAME or
 * TOKEN_PLAIN only where its case is evidence: CamelCase and acronyms
 * anywhere but in all-caps text, and a leading capital only inside a
 * sentence-case text and not at a sentence start.  The weighting layer
 * turns this evidence, gathered over many items, into a per-term
 * nameness.
 *
 * Stop words are sorted tables searched with bsearch: English always
 * (feeds mix languages, and news boilerplate words are English), plus the
 * feed language's own.  Stemming is Snowball's for that language.
 * Headlines first lose their source boilerplate by a general rule (a
 * trailing " - X" or " | X" that reads like a name of at most four words,
 * a leading dateline with an agency in brackets), not a list of outlets.
 *
 * Invariants: the stop tables are sorted by strcmp (checked once per
 * tokenizer); a term handed out is never empty and never longer than
 * WORD_MAX bytes before stemming. */
#include "token.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "buf.h"
#include "text.h"
#include "util.h"

#define WORD_MAX 64 /* folded bytes; longer runs are not words */

static const char *const stop_en[] = {"a", "about", "above", "according",
    "across", "after", "again", "against", "ago", "ahead", "all", "almost",
    "along", "already", "also", "although", "always", "am", "among", "amp",
    "an", "and", "another", "any", "anyone", "anything", "are", "around", "as",
    "at", "away", "back", "be", "became", "because", "become", "been", "before",
    "behind", "being", "below", "between", "beyond", "both", "breaking", "but",
    "by", "came", "can", "cannot", "cant", "com", "could", "couldnt", "did",
    "didnt", "do", "does", "doesnt", "doing", "done", "dont", "down", "during",
    "each", "either", "else", "even", "ever", "every", "exclusive", "far",
    "few", "first", "for", "from", "full", "further", "gallery", "get", "gets",
    "getting", "give", "given", "gives", "go", "goes", "going", "gone", "got",
    "had", "has", "hasnt", "have", "having", "he", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "however", "http", "https", "i",
    "if", "in", "including", "inside", "instead", "into", "is", "isnt", "it",
    "its", "itself", "just", "know", "last", "latest", "least", "less", "let",
    "like", "likely", "live", "look", "looks", "made", "make", "makes", "many",
    "may", "maybe", "me", "might", "more", "most", "much", "must", "my",
    "myself", "need", "needs", "never", "new", "news", "next", "no", "nor",
    "not", "now", "of", "off", "often", "on", "once", "one", "only", "onto",
    "or", "other", "others", "our", "ours", "out", "over", "own", "per",
    "photo", "photos", "pic", "pics", "please", "put", "quite", "rather",
    "read", "really", "report", "reported", "reportedly", "reports", "rss",
    "said", "same", "say", "saying", "says", "see", "seen", "she", "should",
    "since", "so", "some", "something", "soon", "still", "such", "take",
    "takes", "than", "that", "the", "their", "theirs", "them", "themselves",
    "then", "there", "these", "they", "thing", "things", "this", "those",
    "though", "through", "to", "today", "told", "too", "under", "until", "up",
    "update", "updated", "updates", "upon", "us", "use", "used", "very", "via",
    "video", "videos", "want", "wants", "was", "wasnt", "watch", "way", "we",
    "well", "went", "were", "what", "when", "where", "whether", "which",
    "while", "who", "whom", "whose", "why", "will", "with", "within", "without",
    "wont", "would", "wouldnt", "www", "yes", "yet", "you", "your", "yours",
    "yourself"};
static const char *const stop_de[] = {"aber", "alle", "als", "also", "am", "an",
    "auch", "auf", "aus", "bei", "bin", "bis", "bist", "da", "damit", "dann",
    "das", "dass", "dem", "den", "der", "des", "die", "dies", "diese", "dieser",
    "dir", "doch", "dort", "du", "durch", "ein", "eine", "einem", "einen",
    "einer", "eines", "er", "es", "für", "gegen", "haben", "hat", "hatte",
    "ich", "ihr", "im", "in", "ist", "ja", "jetzt", "kann", "kein", "keine",
    "mehr", "mit", "nach", "nicht", "noch", "nun", "nur", "ob", "oder", "ohne",
    "sein", "seine", "sich", "sie", "sind", "so", "soll", "um", "und", "uns",
    "unter", "vom", "von", "vor", "war", "wie", "wir", "wird", "wurde", "zu",
    "zum", "zur", "über"};
static const char *const stop_fr[] = {"au", "aux", "avec", "ce", "ces", "cette",
    "comme", "dans", "de", "des", "du", "elle", "en", "est", "et", "il", "ils",
    "la", "le", "les", "leur", "lui", "mais", "même", "nous", "on", "ou", "où",
    "par", "pas", "plus", "pour", "qu", "que", "qui", "sa", "sans", "se", "ses",
    "son", "sont", "sur", "ta", "te", "un", "une", "vous", "à", "ça", "été"};
static const char *const stop_es[] = {"al", "como", "con", "de", "del", "el",
    "en", "es", "esta", "este", "ha", "la", "las", "le", "lo", "los", "más",
    "no", "o", "para", "pero", "por", "que", "se", "sin", "su", "sus", "un",
    "una", "uno", "y", "ya"};
static const char *const stop_it[] = {"al", "alla", "anche", "che", "con", "da",
    "dal", "dalla", "dei", "del", "della", "delle", "di", "e", "gli", "ha",
    "il", "in", "la", "le", "lo", "ma", "nel", "nella", "non", "per", "più",
    "si", "su", "sul", "sulla", "tra", "un", "una", "è"};
static const char *const stop_nl[] = {"aan", "als", "bij", "dat", "de", "die",
    "dit", "een", "en", "er", "het", "in", "is", "met", "naar", "niet", "of",
    "om", "op", "te", "tot", "uit", "van", "voor", "was", "wordt", "zijn"};
static const char *const stop_pt[] = {"ao", "aos", "as", "com", "da", "das",
    "de", "do", "dos", "e", "em", "está", "foi", "mais", "mas", "na", "nas",
    "no", "nos", "o", "os", "para", "pela", "pelo", "por", "que", "se", "sem",
    "seu", "sua", "um", "uma", "é"};
static const char *const stop_ru[] = {"а", "бы", "в", "во", "вы", "да", "для",
    "до", "его", "ее", "её", "же", "за", "и", "из", "или", "им", "их", "к",
    "как", "ко", "ли", "мы", "на", "не", "но", "о", "об", "от", "по", "при",
    "с", "со", "так", "также", "то", "у", "что", "это", "я"};

struct lang {
	const char *code, *algo;
	const char *const *stop;
	size_t nstop;
	int elide;    /* an apostrophe ends a word: l'economie */
	int nouncaps; /* every noun is capitalised: a capital is no name */
};

#define STOP(l) stop_##l, ARRAY_LEN(stop_##l)
static const struct lang langs[] = {
    {"ar", "arabic", NULL, 0, 0, 0},
    {"ca", "catalan", NULL, 0, 1, 0},
    {"da", "danish", NULL, 0, 0, 0},
    {"de", "german", STOP(de), 0, 1},
    {"el", "greek", NULL, 0, 0, 0},
    {"en", "english", STOP(en), 0, 0},
    {"es", "spanish", STOP(es), 0, 0},
    {"eu", "basque", NULL, 0, 0, 0},
    {"fi", "finnish", NULL, 0, 0, 0},
    {"fr", "french", STOP(fr), 1, 0},
    {"ga", "irish", NULL, 0, 0, 0},
    {"hi", "hindi", NULL, 0, 0, 0},
    {"hu", "hungarian", NULL, 0, 0, 0},
    {"hy", "armenian", NULL, 0, 0, 0},
    {"id", "indonesian", NULL, 0, 0, 0},
    {"it", "italian", STOP(it), 1, 0},
    {"lt", "lithuanian", NULL, 0, 0, 0},
    {"nb", "norwegian", NULL, 0, 0, 0},
    {"ne", "nepali", NULL, 0, 0, 0},
    {"nl", "dutch", STOP(nl), 0, 0},
    {"nn", "norwegian", NULL, 0, 0, 0},
    {"no", "norwegian", NULL, 0, 0, 0},
    {"pt", "portuguese", STOP(pt), 0, 0},
    {"ro", "romanian", NULL, 0, 0, 0},
    {"ru", "russian", STOP(ru), 0, 0},
    {"sr", "serbian", NULL, 0, 0, 0},
    {"sv", "swedish", NULL, 0, 0, 0},
    {"ta", "tamil", NULL, 0, 0, 0},
    {"tr", "turkish", NULL, 0, 0, 0},
    {"yi", "yiddish", NULL, 0, 0, 0},
};

/* One word of the text being split. */
struct word {
	size_t sbeg, send; /* surface bytes in the text */
	size_t fbeg, flen; /* folded bytes in tokenizer.fold */
	unsigned nup, nlow, nletter, ndigit;
	int first_case; /* +1 upper, -1 lower, 0 uncased */
	int prev_case;  /* of the last letter */
	int camel;      /* a capital right after a small letter */
	int initial;    /* starts a sentence */
	int ideo;       /* one Han or kana character */
	int gap;        /* punctuation between it and the word before */
	int stop;
	int amp;        /* holds an '&' (S&P): not stemmed */
	struct known *k; /* what the cache knows of it, as of epoch kept */
	unsigned kept;
};

/* What the tokenizer learnt of one folded word: whether it is a stop
 * word and its stem.  Headlines repeat their words (Zipf's law), so a
 * word is looked up in a stop table and stemmed once, not every time.
 * The word and its stem are kept in the entry itself when they fit (a
 * long one goes to the arena), so a lookup reads one cache line. */
#define KNOWN_INLINE 40

struct known {
	uint32_t hash;
	uint16_t wlen, slen;    /* slen 0: not yet stemmed */
	int stop;               /* -1: not yet asked */
	uint32_t tag;           /* the caller's (token.tag) */
	uint32_t word, stem;    /* in cache.arena, when not in inl */
	char inl[KNOWN_INLINE]; /* the word, NUL, the stem, NUL */
};

#define CACHE_MAX 32768 /* words remembered before starting afresh */

struct cache {
	struct known *e;
	size_t n;
	unsigned epoch; /* how many times it started afresh */
	uint32_t *slot; /* index + 1, 0 free; 2 * CACHE_MAX */
	struct buf arena;
};

struct tokenizer {
	struct cache cache;
	struct sb_stemmer *stemmer;
	const struct lang *lang;
	struct buf fold; /* folded words of the current text */
	struct buf term; /* the term handed out */
	struct buf surf; /* the surface handed out */
	struct word *w;
	size_t nw, capw;
};

enum cclass { C_SEP, C_LETTER, C_DIGIT, C_APOS, C_IDEO, C_IGNORE };

static enum cclass
classify(uint32_t cp)
{
	if (cp < 0x80) {
		if (cp >= '0' && cp <= '9')
			return C_DIGIT;
		if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
			return C_LETTER;
		return cp == '\'' ? C_APOS : C_SEP;
	}
	if (cp == 0x2019 || cp == 0x02bc)
		return C_APOS;
	if (cp == 0xad || (cp >= 0x200b && cp <= 0x200d) || cp == 0x2060 ||
	    cp == 0xfeff)
		return C_IGNORE;
	if (cp == 0xaa || cp == 0xb5 || cp == 0xba)
		return C_LETTER; /* ordinal indicators, micro sign */
	if (cp <= 0xbf)
		return C_SEP;
	if (cp == 0xd7 || cp == 0xf7 || cp == 0x37e || cp == 0x387 ||
	    (cp >= 0x55a && cp <= 0x55f) || cp == 0x589 || cp == 0x5be ||
	    cp == 0x5c0 || cp == 0x5c3 || cp == 0x5f3 || cp == 0x5f4 ||
	    cp == 0x60c || cp == 0x61b || cp == 0x61f ||
	    (cp >= 0x66a && cp <= 0x66d) || cp == 0x964 || cp == 0x965)
		return C_SEP;
	if ((cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x20a0 && cp <= 0x20cf) ||
	    (cp >= 0x2100 && cp <= 0x2bff) || (cp >= 0x2e00 && cp <= 0x2e7f) ||
	    (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xe000 && cp <= 0xf8ff) ||
	    (cp >= 0xfe10 && cp <= 0xfe6f) || (cp >= 0xff01 && cp <= 0xff0f) ||
	    (cp >= 0xff1a && cp <= 0xff20) || (cp >= 0xff3b && cp <= 0xff40) ||
	    (cp >= 0xff5b && cp <= 0xff65) || (cp >= 0xfff0 && cp <= 0xffff) ||
	    (cp >= 0x1f000 && cp <= 0x1faff))
		return C_SEP;
	if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
	    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0x20000 && cp <= 0x2ffff))
		return C_IDEO;
	return C_LETTER;
}

/* Lower case of cp, and whether cp is a capital (+1), a small letter (-1)
 * or neither (0).  Covers the cased scripts news is mostly written in;
 * anything else is its own lower case. */
static uint32_t
fold(uint32_t cp, int *kase)
{
	uint32_t lo = cp;

	*kase = 0;
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			lo = cp + 0x20;
		else if (cp >= 'a' && cp <= 'z')
			*kase = -1;
	} else if (cp < 0x100) {
		if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
			lo = cp + 0x20;
		else if (cp >= 0xdf && cp != 0xf7)
			*kase = -1;
	} else if (cp < 0x250) {
		if (cp == 0x130)
			lo = 'i';
		else if (cp == 0x178)
			lo = 0xff;
		else if ((cp >= 0x100 && cp <= 0x137) ||
		         (cp >= 0x14a && cp <= 0x177) ||
		         (cp >= 0x1de && cp <= 0x1ef) ||
		         (cp >= 0x1f8 && cp <= 0x24f))
			lo = cp | 1;
		else if ((cp >= 0x139 && cp <= 0x148) ||
		         (cp >= 0x179 && cp <= 0x17e) ||
		         (cp >= 0x1cd && cp <= 0x1dc))
			lo = (cp & 1) ? cp + 1 : cp;
		if (lo == cp)
			*kase = -1;
	} else if (cp >= 0x370 && cp < 0x400) {
		if (cp == 0x386)
			lo = 0x3ac;
		else if (cp >= 0x388 && cp <= 0x38a)
			lo = cp + 37;
		else if (cp == 0x38c)
			lo = 0x3cc;
		else if (cp == 0x38e || cp == 0x38f)
			lo = cp + 63;
		else if (cp >= 0x391 && cp <= 0x3ab && cp != 0x3a2)
			lo = cp + 0x20;
		else if (cp == 0x3c2) { /* final sigma, a small letter */
			*kase = -1;
			return 0x3c3;
		}
		if (lo == cp)
			*kase = (cp >= 0x3ac && cp <= 0x3ce) ? -1 : 0;
	} else if (cp >= 0x400 && cp < 0x530) {
		if (cp <= 0x40f)
			lo = cp + 0x50;
		else if (cp <= 0x42f)
			lo = cp + 0x20;
		else if ((cp >= 0x460 && cp <= 0x481) ||
		         (cp >= 0x48a && cp <= 0x4bf) ||
		         (cp >= 0x4d0 && cp <= 0x52f))
			lo = cp | 1;
		if (lo == cp)
			*kase = -1;
	} else if (cp >= 0x531 && cp <= 0x556) {
		lo = cp + 0x30;
	} else if (cp >= 0x561 && cp <= 0x587) {
		*kase = -1;
	} else if (cp >= 0x1e00 && cp <= 0x1eff) {
		if (cp < 0x1e96 || cp > 0x1e9f)
			lo = cp | 1;
		if (lo == cp)
			*kase = -1;
	} else if (cp >= 0xff21 && cp <= 0xff3a) {
		lo = cp + 0x20;
	} else if (cp >= 0xff41 && cp <= 0xff5a) {
		*kase = -1;
	}
	if (lo != cp)
		*kase = 1;
	return lo;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
in_table(const char *const *tab, size_t n, const char *s)
{
	return tab != NULL && bsearch(&s, tab, n, sizeof(*tab), cmpstr) != NULL;
}

static int
sorted(const char *const *tab, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (strcmp(tab[i - 1], tab[i]) >= 0)
			return 0;
	return 1;
}

static const struct lang *
find_lang(const char *tag)
{
	char code[16];
	size_t n = 0;

	if (tag == NULL)
		tag = "";
	while (tag[n] != '\0' && tag[n] != '-' && tag[n] != '_' &&
	       n < sizeof(code) - 1) {
		char ch = tag[n];
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		code[n++] = ch;
	}
	code[n] = '\0';
	for (size_t i = 0; i < ARRAY_LEN(langs); i++)
		if (strcmp(code, langs[i].code) == 0 ||
		    strcmp(code, langs[i].algo) == 0)
			return &langs[i];
	return NULL;
}

struct tokenizer *
token_new(const char *lang)
{
	struct tokenizer *t = xcalloc(1, sizeof(*t));
	const struct lang *l = find_lang(lang);

	assert(sorted(stop_en, ARRAY_LEN(stop_en)));
	if (l != NULL) {
		assert(l->stop == NULL || sorted(l->stop, l->nstop));
		t->stemmer = sb_stemmer_new(l->algo, NULL);
	}
	if (t->stemmer == NULL) {
		l = find_lang("en");
		t->stemmer = sb_stemmer_new(l->algo, NULL);
	}
	t->lang = l;
	buf_init(&t->fold, 0);
	buf_init(&t->term, 0);
	buf_init(&t->surf, 0);
	return t;
}

void
token_forget(struct tokenizer *t)
{
	if (t->cache.slot == NULL)
		return;
	/* its memory too: a batch counted once (--dump) needs it no more,
	 * and a tokenizer used again makes it afresh */
	free(t->cache.slot);
	free(t->cache.e);
	buf_fini(&t->cache.arena);
	t->cache.slot = NULL;
	t->cache.e = NULL;
	t->cache.n = 0;
	t->cache.epoch++;
}

void
token_free(struct tokenizer *t)
{
	if (t == NULL)
		return;
	if (t->stemmer != NULL)
		sb_stemmer_delete(t->stemmer);
	free(t->cache.e);
	free(t->cache.slot);
	buf_fini(&t->cache.arena);
	buf_fini(&t->fold);
	buf_fini(&t->term);
	buf_fini(&t->surf);
	free(t->w);
	free(t);
}

const char *
token_language(const struct tokenizer *t)
{
	return t->lang->algo;
}

static int
is_stop(const struct tokenizer *t, const char *s)
{
	return in_table(stop_en, ARRAY_LEN(stop_en), s) ||
	       in_table(t->lang->stop, t->lang->nstop, s);
}

static uint32_t
fnv(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static const char *
known_word(const struct cache *c, const struct known *k)
{
	return k->wlen < KNOWN_INLINE ? k->inl : c->arena.p + k->word;
}

/* k's stem, NUL-terminated (k stemmed). */
static const char *
known_stem(const struct cache *c, const struct known *k)
{
	return k->wlen + 1u + k->slen < KNOWN_INLINE ? k->inl + k->wlen + 1
	                                             : c->arena.p + k->stem;
}

/* Keeps st[0..n) (n > 0) as k's stem. */
static void
known_set_stem(struct cache *c, struct known *k, const char *st, size_t n)
{
	k->slen = (uint16_t)n;
	if (k->wlen + 1u + n < KNOWN_INLINE) {
		memcpy(k->inl + k->wlen + 1, st, n);
		k->inl[k->wlen + 1 + n] = '\0';
		return;
	}
	k->stem = (uint32_t)c->arena.len;
	buf_append(&c->arena, st, n);
	buf_putc(&c->arena, '\0');
}

/* The cache entry of folded word f[0..n), added if new (and the cache
 * emptied first when full). */
static struct known *
known(struct tokenizer *t, const char *f, size_t n)
{
	struct cache *c = &t->cache;
	uint32_t h = fnv(f, n);
	size_t mask = 2 * CACHE_MAX - 1;

	if (c->slot == NULL) {
		c->slot = xcalloc(2 * CACHE_MAX, sizeof(*c->slot));
		c->e = xreallocarray(NULL, CACHE_MAX, sizeof(*c->e));
		buf_init(&c->arena, 0);
	}
	size_t i = h & mask;
	for (; c->slot[i] != 0; i = (i + 1) & mask) {
		struct known *k = &c->e[c->slot[i] - 1];
		if (k->hash == h && k->wlen == n &&
		    memcmp(known_word(c, k), f, n) == 0)
			return k;
	}
	if (c->n == CACHE_MAX) {
		memset(c->slot, 0, 2 * CACHE_MAX * sizeof(*c->slot));
		c->n = 0;
		c->epoch++;
		buf_reset(&c->arena);
		i = h & mask;
	}
	struct known *k = &c->e[c->n];
	*k = (struct known){.hash = h, .wlen = (uint16_t)n, .stop = -1};
	if (n < KNOWN_INLINE) {
		memcpy(k->inl, f, n);
		k->inl[n] = '\0';
	} else {
		k->word = (uint32_t)c->arena.len;
		buf_append(&c->arena, f, n);
	}
	c->slot[i] = (uint32_t)++c->n;
	return k;
}

/* The code point at s[i] (U+0000 past the end) and its length. */
static uint32_t
peek(const char *s, size_t n, size_t i, size_t *len)
{
	uint32_t cp = 0;

	*len = 0;
	if (i < n && (unsigned char)s[i] < 0x80) {
		*len = 1;
		return (unsigned char)s[i];
	}
	if (i < n)
		*len = text_utf8_next(s + i, n - i, &cp);
	return cp;
}

static int
is_word_cp(uint32_t cp)
{
	enum cclass c = classify(cp);

	return c == C_LETTER || c == C_DIGIT;
}

static struct word *
word_open(struct tokenizer *t, size_t at, int initial)
{
	if (t->nw == t->capw) {
		t->capw = t->capw ? 2 * t->capw : 32;
		t->w = xreallocarray(t->w, t->capw, sizeof(*t->w));
	}
	struct word *w = &t->w[t->nw++];
	memset(w, 0, sizeof(*w));
	w->sbeg = w->send = at;
	w->fbeg = t->fold.len;
	w->initial = initial;
	return w;
}

static void
word_put(struct tokenizer *t, struct word *w, uint32_t cp, size_t end)
{
	char enc[4];
	int kase;

	w->send = end;
	if (cp >= '0' && cp <= '9') {
		buf_putc(&t->fold, (int)cp);
		w->ndigit++;
		return;
	}
	uint32_t lo;
	if (cp < 0x80) { /* the common case, without the tables */
		kase = cp >= 'A' && cp <= 'Z' ? 1 : -1;
		lo = kase > 0 ? cp + 0x20 : cp;
		buf_putc(&t->fold, (int)lo);
	} else {
		lo = fold(cp, &kase);
		buf_append(&t->fold, enc, text_utf8_put(lo, enc));
		if (classify(cp) == C_DIGIT) {
			w->ndigit++;
			return;
		}
	}
	if (w->nletter == 0)
		w->first_case = kase;
	else if (kase > 0 && w->prev_case < 0)
		w->camel = 1;
	w->prev_case = kase;
	w->nletter++;
	if (kase > 0)
		w->nup++;
	else if (kase < 0)
		w->nlow++;
}

static int
is_abbrev(const struct word *w)
{
	/* "Mt.", "Dr.", "J." do not end a sentence */
	return w->ndigit == 0 && w->first_case > 0 &&
	       (w->nletter == 1 || (w->nletter == 2 && w->nup == 1));
}

static int
ascii_letter(char c)
{
	return (unsigned)((unsigned char)c | 0x20) - (unsigned)'a' < 26u;
}

/* Collects the words of s[0..n) into t->w, folded into t->fold. */
static void
split(struct tokenizer *t, const char *s, size_t n)
{
	struct word *w = NULL; /* the open word, if any */
	int at_start = 1, dotted = 0, gap = 0;
	size_t i = 0, seg = 0; /* seg: letters since a dot in "U.S." */

	t->nw = 0;
	buf_reset(&t->fold);
	while (i < n) {
		size_t k, k1, k2;
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r') {
			/* what the general path below does for a space */
			w = NULL;
			i++;
			continue;
		}
		uint32_t cp = peek(s, n, i, &k);
		enum cclass c = cp < 0x80 && ((cp | 0x20) - 'a' < 26u)
		                    ? C_LETTER
		                    : classify(cp);

		if (c == C_IGNORE) {
			i += k;
			continue;
		}
		if (c == C_IDEO) {
			w = word_open(t, i, at_start);
			w->ideo = 1;
			w->gap = gap;
			gap = 0;
			word_put(t, w, cp, i + k);
			w = NULL;
			at_start = 0;
			i += k;
			continue;
		}
		if (c == C_LETTER || c == C_DIGIT) {
			if (w == NULL) {
				w = word_open(t, i, at_start);
				w->gap = gap;
				gap = 0;
				at_start = 0;
				seg = 0;
				dotted = 0;
			}
			if (!ascii_letter(s[i])) {
				word_put(t, w, cp, i + k);
				seg++;
				i += k;
			}
			/* a run of ASCII letters, without the general path's
			 * calls: what word_put does, inline, folding the run
			 * in place once it is copied */
			size_t j = i;
			while (j < n && ascii_letter(s[j]))
				j++;
			if (j == i)
				continue;
			size_t at = t->fold.len;
			buf_append(&t->fold, s + i, j - i);
			char *f = t->fold.p + at;
			for (size_t q = 0; q < j - i; q++) {
				int up = f[q] >= 'A' && f[q] <= 'Z';
				int kase = up ? 1 : -1;
				if (up)
					f[q] = (char)(f[q] + 0x20);
				if (w->nletter == 0)
					w->first_case = kase;
				else if (up && w->prev_case < 0)
					w->camel = 1;
				w->prev_case = kase;
				w->nletter++;
				if (up)
					w->nup++;
				else
					w->nlow++;
			}
			seg += j - i;
			i = j;
			w->send = i;
			continue;
		}
		uint32_t c1 = peek(s, n, i + k, &k1);
		uint32_t c2 = peek(s, n, i + k + k1, &k2);
		enum cclass cl1 = classify(c1);
		if (w != NULL && c == C_APOS) {
			if ((c1 == 's' || c1 == 'S') && !is_word_cp(c2)) {
				/* possessive: Sony's */
				i += k + k1;
				w = NULL;
				continue;
			}
			if (cl1 == C_LETTER && !t->lang->elide) {
				/* one word: don't, O'Brien */
				i += k;
				continue;
			}
			/* a closing quote ends a phrase; an elision does not */
			if (cl1 != C_LETTER)
				gap = 1;
			w = NULL;
			i += k;
			continue;
		}
		if (w != NULL && cp == '&' && cl1 == C_LETTER &&
		    w->ndigit == 0) {
			/* S&P, AT&T */
			buf_putc(&t->fold, '&');
			w->amp = 1;
			i += k;
			continue;
		}
		if (w != NULL && cp == '-' && w->nletter == 1 &&
		    w->ndigit == 0 && !w->amp && cl1 == C_DIGIT) {
			/* one word as without the hyphen: G-7 is G7, F-35
			 * F35 */
			i += k;
			continue;
		}
		if (w != NULL && w->nletter == 0 && cl1 == C_DIGIT) {
			if (cp == '.') { /* 7.1 */
				buf_putc(&t->fold, '.');
				i += k;
				continue;
			}
			size_t d = 0, j = i + k;
			while (j < n && s[j] >= '0' && s[j] <= '9' && d < 4) {
				j++;
				d++;
			}
			if (cp == ',' && d == 3) { /* 1,000 */
				i += k;
				continue;
			}
		}
		if (w != NULL && cp == '.' && seg == 1 && w->ndigit == 0) {
			if (cl1 == C_LETTER && c2 == '.') { /* U.S. */
				seg = 0;
				dotted = 1;
				i += k;
				continue;
			}
			if (dotted) {
				w->send = i + k;
				w = NULL;
				i += k;
				continue;
			}
		}
		if (cp == '.' || cp == '!' || cp == '?' || cp == ':' ||
		    cp == ';') {
			if (!(cp == '.' && w != NULL && is_abbrev(w)))
				at_start = 1;
		}
		/* only spaces and a hyphen keep two words one phrase */
		if (!(cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		        cp == 0xa0 || (cp == '-' && w != NULL)))
			gap = 1;
		w = NULL;
		i += k;
	}
	for (size_t j = 0; j < t->nw; j++)
		t->w[j].flen =
		    (j + 1 < t->nw ? t->w[j + 1].fbeg : t->fold.len) -
		    t->w[j].fbeg;
}

static int
is_acronym(const struct word *w)
{
	return w->nup >= 2 && w->nlow == 0;
}

void
token_run(struct tokenizer *t, const char *text, enum token_field field,
    token_fn fn, void *ctx)
{
	size_t start = 0, n = text != NULL ? strlen(text) : 0;

	if (n == 0)
		return;
	if (field == TOKEN_TITLE)
		token_title_core(text, n, &start, &n);
	split(t, text + start, n);

	/* The case style of the text: in all caps or in Title Case a capital
	 * says nothing about a word. */
	size_t nlettered = 0, nlowered = 0, ncap = 0, nsmall = 0;
	for (size_t i = 0; i < t->nw; i++) {
		nlettered += t->w[i].nletter > 0;
		nlowered += t->w[i].nlow > 0;
	}
	int allcaps = nlettered >= 2 && nlowered == 0;
	for (size_t i = 0; i < t->nw; i++) {
		struct word *w = &t->w[i];
		if (w->ideo)
			w->stop = 0;
		else if (w->nletter + w->ndigit < 2)
			w->stop = w->ndigit == 0;
		else if (is_acronym(w) && !allcaps && w->nletter <= 3)
			w->stop = 0; /* US, WHO, IT */
		else {
			struct known *k = known(t, t->fold.p + w->fbeg, w->flen);
			if (k->stop < 0) { /* a word new to the cache */
				buf_reset(&t->term);
				buf_append(&t->term, t->fold.p + w->fbeg, w->flen);
				k->stop = is_stop(t, t->term.p);
			}
			w->stop = k->stop;
			w->k = k;
			w->kept = t->cache.epoch;
		}
		if (!w->stop && !w->initial && !w->ideo && w->ndigit == 0 &&
		    w->nletter >= 2 && !w->camel && !is_acronym(w)) {
			ncap += w->first_case > 0;
			nsmall += w->first_case < 0;
		}
	}
	int titlecase = nsmall * 4 <= ncap;

	int joined = 0; /* the word before was handed out */
	for (size_t i = 0; i < t->nw; i++) {
		const struct word *w = &t->w[i];
		if (w->stop || w->flen > WORD_MAX) {
			joined = 0;
			continue;
		}
		struct token tok = {.field = field, .pos = (unsigned)i};
		if (w->ndigit > 0 && w->nletter == 0)
			tok.flags = TOKEN_NUMBER;
		else if (!allcaps && (w->camel || is_acronym(w)))
			tok.flags = TOKEN_NAME;
		else if (!allcaps && !titlecase && !w->initial &&
		         w->ndigit == 0 && w->first_case < 0)
			tok.flags = TOKEN_PLAIN;
		else if (!allcaps && !titlecase && !w->initial &&
		         w->ndigit == 0 && w->first_case > 0 &&
		         !t->lang->nouncaps)
			tok.flags = TOKEN_NAME;

		const char *f = t->fold.p + w->fbeg;
		if (w->ndigit == 0 && !w->ideo && !w->amp) {
			struct known *k = w->k != NULL &&
			                          w->kept == t->cache.epoch
			                      ? w->k
			                      : known(t, f, w->flen);
			if (k->slen == 0) {
				const sb_symbol *st = sb_stemmer_stem(t->stemmer,
				    (const sb_symbol *)f, (int)w->flen);
				int stlen =
				    st ? sb_stemmer_length(t->stemmer) : 0;
				if (stlen > 0)
					known_set_stem(&t->cache, k,
					    (const char *)st, (size_t)stlen);
				else
					known_set_stem(
					    &t->cache, k, f, w->flen);
			}
			tok.term = known_stem(&t->cache, k);
			tok.len = k->slen;
			tok.tag = &k->tag;
		} else {
			buf_reset(&t->term);
			buf_append(&t->term, f, w->flen);
			tok.term = t->term.p;
			tok.len = t->term.len;
		}
		buf_reset(&t->surf);
		buf_append(&t->surf, text + start + w->sbeg, w->send - w->sbeg);
		if (joined && !w->gap && !w->ideo)
			tok.flags |= TOKEN_JOINED;
		joined = !w->ideo;
		tok.word = f;
		tok.word_len = w->flen;
		tok.surface = t->surf.p;
		tok.surface_len = t->surf.len;
		fn(&tok, ctx);
	}
}

/* Title boilerplate. */

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static size_t
count_words(const char *s, size_t a, size_t b)
{
	size_t n = 0;
	int in = 0;

	for (size_t i = a; i < b; i++) {
		if (is_space(s[i]))
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

/* s[a..b) reads like the name of an outlet: "Reuters", "BBC News", "The
 * Times of India"; every word capitalised but short joining words. */
static int
name_like(const char *s, size_t a, size_t b)
{
	int first = 1;

	for (size_t i = a; i < b;) {
		if (is_space(s[i])) {
			i++;
			continue;
		}
		size_t e = i;
		while (e < b && !is_space(s[e]))
			e++;
		uint32_t cp;
		int kase;
		text_utf8_next(s + i, e - i, &cp);
		fold(cp, &kase);
		if (kase < 0 && (first || e - i > 3))
			return 0;
		first = 0;
		i = e;
	}
	return !first;
}

#define SEP(s) {s, sizeof(s) - 1}
static const struct {
	const char *s;
	size_t len;
} title_seps[] = {
    SEP(" - "), SEP(" -- "), SEP(" | "), SEP(" :: "), SEP(" // "),
    SEP(" \xe2\x80\x93 "), /* en dash */
    SEP(" \xe2\x80\x94 "), /* em dash */
    SEP(" \xc2\xb7 "),      /* middle dot */
};
#undef SEP

/* Where the last title separator in s[a..b) starts, or (size_t)-1, with
 * the length of the one found: every separator starts with a space, so
 * one scan from the end finds it, and no two start at the same place. */
static size_t
last_sep(const char *s, size_t a, size_t b, size_t *len)
{
	for (size_t p = b; p-- > a;) {
		/* a space, then one of the separators' second bytes */
		if (s[p] != ' ' || p + 1 >= b ||
		    memchr("-|:/\xe2\xc2", s[p + 1], 6) == NULL)
			continue;
		for (size_t i = 0; i < ARRAY_LEN(title_seps); i++) {
			size_t m = title_seps[i].len;
			if (m <= b - p &&
			    memcmp(s + p, title_seps[i].s, m) == 0) {
				*len = m;
				return p;
			}
		}
	}
	return (size_t)-1;
}

static const char *const lead_dashes[] = {
    "-- ",
    "- ",
    "\xe2\x80\x93 ",
    "\xe2\x80\x94 ",
};

static int
upper_ascii(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int
digit(char c)
{
	return c >= '0' && c <= '9';
}

/* "WASHINGTON (AP) -- ", "(Reuters) - ": returns the new start or a. */
static size_t
skip_dateline(const char *s, size_t a, size_t b)
{
	size_t p = a;

	while (p < b && s[p] != '(')
		p++;
	if (p == b || count_words(s, a, p) > 6)
		return a;
	for (size_t i = a; i < p && !is_space(s[i]); i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			return a; /* a dateline starts in capitals */
	size_t q = p + 1;
	while (q < b && s[q] != ')' && s[q] != '(')
		q++;
	if (q == b || s[q] != ')' || count_words(s, p + 1, q) == 0 ||
	    count_words(s, p + 1, q) > 3)
		return a;
	q++;
	while (q < b && is_space(s[q]))
		q++;
	for (size_t i = 0; i < ARRAY_LEN(lead_dashes); i++) {
		size_t m = strlen(lead_dashes[i]);
		if (q + m <= b && memcmp(s + q, lead_dashes[i], m) == 0) {
			q += m;
			return count_words(s, q, b) >= 3 ? q : a;
		}
	}
	return a;
}

/* A desk tag glued to the headline: "UPDATE 2-", "EXCLUSIVE-". */
static size_t
skip_tag(const char *s, size_t a, size_t b)
{
	size_t j = a;

	while (j < b && upper_ascii(s[j]))
		j++;
	size_t letters = j - a, k = j;
	int num = 0;
	if (letters < 3)
		return a;
	if (k + 1 < b && s[k] == ' ' && digit(s[k + 1])) {
		k++;
		while (k < b && digit(s[k]))
			k++;
		num = 1;
	}
	if (k + 1 < b && s[k] == '-' && upper_ascii(s[k + 1]) &&
	    (letters >= 5 || num) && count_words(s, k + 1, b) >= 3)
		return k + 1;
	return a;
}

void
token_title_core(const char *s, size_t len, size_t *start, size_t *corelen)
{
	size_t a = 0, b = len;

	for (int round = 0; round < 2; round++) {
		size_t na = skip_tag(s, a, b);
		na = skip_dateline(s, na, b);
		if (na == a)
			break;
		a = na;
	}
	for (int round = 0; round < 2; round++) {
		while (b > a && is_space(s[b - 1]))
			b--;
		size_t seplen = 0, cut = last_sep(s, a, b, &seplen);
		size_t after = cut != (size_t)-1 ? cut + seplen : 0;
		if (b > a && s[b - 1] == ')') {
			/* a trailing "(AP)", "(VIDEO)", "(2)" */
			size_t p = b - 1;
			while (p > a && s[p - 1] != '(' && s[p - 1] != ')')
				p--;
			if (p > a + 1 && s[p - 1] == '(' &&
			    is_space(s[p - 2]) &&
			    count_words(s, p, b - 1) <= 2 &&
			    count_words(s, a, p - 1) >= 3) {
				b = p - 1;
				continue;
			}
		}
		if (cut == (size_t)-1)
			break;
		size_t nw = count_words(s, after, b);
		if (nw == 0 || nw > 4 || !name_like(s, after, b) ||
		    count_words(s, a, cut) < 3)
			break;
		b = cut;
	}
	while (b > a && is_space(s[b - 1]))
		b--;
	while (a < b && is_space(s[a]))
		a++;
	*start = a;
	*corelen = b - a;
}
