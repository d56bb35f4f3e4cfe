/* html: HTML to plain text, HTML's named character references, and
 * markup preparation for libxml2.
 *
 * Summaries arrive as HTML fragments of any quality.  libxml2's HTML
 * parser (htmlReadMemory, RECOVER|NONET|NOERROR|NOWARNING|NOIMPLIED)
 * turns them into a tree whatever they look like, and a DOM walk writes
 * the text: script, style and other non-text elements are skipped,
 * blocks become paragraph breaks, br a newline, a href a numbered link,
 * img its alt text.  The walk follows parent and sibling pointers, so a
 * hostile depth costs no stack; the result goes through text_sanitize,
 * so nothing that leaves this module can drive a terminal.
 *
 * Most summaries are a few paragraphs, links and inline tags in clean
 * UTF-8, and building, walking and freeing a tree for each costs more
 * than the rest of a feed's parse.  A fast reader takes those on in one
 * pass and calls the walk's own enter and leave steps as the tree would
 * have: it follows libxml2's rules for exactly what it accepts (the
 * elements of fast_tags, which start tags close which open elements as
 * libxml2 itself answers through htmlAutoCloseTag, void elements from
 * htmlTagLookup, references as html_prepare and libxml2 decode them) and
 * hands the fragment to libxml2 at the first thing outside that
 * (comments, script, pre, a misnested end tag, a control or a bad byte,
 * a reference in a used attribute, ...).  tests/test_html.c checks that
 * both give the same text.
 *
 * libxml2 knows only HTML 4's entities in HTML and none at all in XML
 * without a DTD (a feed's "&eacute;" is simply dropped), and it stops or
 * switches to Latin-1 at the first invalid UTF-8 byte.  html_prepare
 * fixes both before the parser sees the bytes, for the HTML parser here
 * and for the feed parser in parse.c: one table of the WHATWG's 2125
 * named references (sorted, bsearch) serves both, and names a DTD
 * declares are never touched, so no declared entity is substituted and
 * nothing is expanded (no entity bomb can grow here). */
#include "html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include "text.h"
#include "util.h"

struct entity {
	const char *name;
	uint32_t cp1, cp2; /* cp2 is 0 for one code point */
	int html4;	   /* libxml2's HTML parser knows it */
};

/* HTML's named character references (WHATWG), sorted by name, with
 * whether HTML 4 (and so libxml2's HTML parser) has them.  lang and rang
 * keep HTML 4's U+2329 and U+232A (HTML5 moved them to U+27E8 and
 * U+27E9): libxml2's HTML parser and the reference feed parser both read
 * them so, and a title must not differ from its summary. */
/* clang-format off */
static const struct entity entities[] = {
	{"AElig", 0xc6, 0x0, 1}, {"AMP", 0x26, 0x0, 0},
	{"Aacute", 0xc1, 0x0, 1}, {"Abreve", 0x102, 0x0, 0},
	{"Acirc", 0xc2, 0x0, 1}, {"Acy", 0x410, 0x0, 0},
	{"Afr", 0x1d504, 0x0, 0}, {"Agrave", 0xc0, 0x0, 1},
	{"Alpha", 0x391, 0x0, 1}, {"Amacr", 0x100, 0x0, 0},
	{"And", 0x2a53, 0x0, 0}, {"Aogon", 0x104, 0x0, 0},
	{"Aopf", 0x1d538, 0x0, 0}, {"ApplyFunction", 0x2061, 0x0, 0},
	{"Aring", 0xc5, 0x0, 1}, {"Ascr", 0x1d49c, 0x0, 0},
	{"Assign", 0x2254, 0x0, 0}, {"Atilde", 0xc3, 0x0, 1},
	{"Auml", 0xc4, 0x0, 1}, {"Backslash", 0x2216, 0x0, 0},
	{"Barv", 0x2ae7, 0x0, 0}, {"Barwed", 0x2306, 0x0, 0},
	{"Bcy", 0x411, 0x0, 0}, {"Because", 0x2235, 0x0, 0},
	{"Bernoullis", 0x212c, 0x0, 0}, {"Beta", 0x392, 0x0, 1},
	{"Bfr", 0x1d505, 0x0, 0}, {"Bopf", 0x1d539, 0x0, 0},
	{"Breve", 0x2d8, 0x0, 0}, {"Bscr", 0x212c, 0x0, 0},
	{"Bumpeq", 0x224e, 0x0, 0}, {"CHcy", 0x427, 0x0, 0},
	{"COPY", 0xa9, 0x0, 0}, {"Cacute", 0x106, 0x0, 0},
	{"Cap", 0x22d2, 0x0, 0}, {"CapitalDifferentialD", 0x2145, 0x0, 0},
	{"Cayleys", 0x212d, 0x0, 0}, {"Ccaron", 0x10c, 0x0, 0},
	{"Ccedil", 0xc7, 0x0, 1}, {"Ccirc", 0x108, 0x0, 0},
	{"Cconint", 0x2230, 0x0, 0}, {"Cdot", 0x10a, 0x0, 0},
	{"Cedilla", 0xb8, 0x0, 0}, {"CenterDot", 0xb7, 0x0, 0},
	{"Cfr", 0x212d, 0x0, 0}, {"Chi", 0x3a7, 0x0, 1},
	{"CircleDot", 0x2299, 0x0, 0}, {"CircleMinus", 0x2296, 0x0, 0},
	{"CirclePlus", 0x2295, 0x0, 0}, {"CircleTimes", 0x2297, 0x0, 0},
	{"ClockwiseContourIntegral", 0x2232, 0x0, 0},
	{"CloseCurlyDoubleQuote", 0x201d, 0x0, 0},
	{"CloseCurlyQuote", 0x2019, 0x0, 0}, {"Colon", 0x2237, 0x0, 0},
	{"Colone", 0x2a74, 0x0, 0}, {"Congruent", 0x2261, 0x0, 0},
	{"Conint", 0x222f, 0x0, 0}, {"ContourIntegral", 0x222e, 0x0, 0},
	{"Copf", 0x2102, 0x0, 0}, {"Coproduct", 0x2210, 0x0, 0},
	{"CounterClockwiseContourIntegral", 0x2233, 0x0, 0},
	{"Cross", 0x2a2f, 0x0, 0}, {"Cscr", 0x1d49e, 0x0, 0},
	{"Cup", 0x22d3, 0x0, 0}, {"CupCap", 0x224d, 0x0, 0},
	{"DD", 0x2145, 0x0, 0}, {"DDotrahd", 0x2911, 0x0, 0},
	{"DJcy", 0x402, 0x0, 0}, {"DScy", 0x405, 0x0, 0},
	{"DZcy", 0x40f, 0x0, 0}, {"Dagger", 0x2021, 0x0, 1},
	{"Darr", 0x21a1, 0x0, 0}, {"Dashv", 0x2ae4, 0x0, 0},
	{"Dcaron", 0x10e, 0x0, 0}, {"Dcy", 0x414, 0x0, 0},
	{"Del", 0x2207, 0x0, 0}, {"Delta", 0x394, 0x0, 1},
	{"Dfr", 0x1d507, 0x0, 0}, {"DiacriticalAcute", 0xb4, 0x0, 0},
	{"DiacriticalDot", 0x2d9, 0x0, 0},
	{"DiacriticalDoubleAcute", 0x2dd, 0x0, 0},
	{"DiacriticalGrave", 0x60, 0x0, 0},
	{"DiacriticalTilde", 0x2dc, 0x0, 0}, {"Diamond", 0x22c4, 0x0, 0},
	{"DifferentialD", 0x2146, 0x0, 0}, {"Dopf", 0x1d53b, 0x0, 0},
	{"Dot", 0xa8, 0x0, 0}, {"DotDot", 0x20dc, 0x0, 0},
	{"DotEqual", 0x2250, 0x0, 0},
	{"DoubleContourIntegral", 0x222f, 0x0, 0},
	{"DoubleDot", 0xa8, 0x0, 0}, {"DoubleDownArrow", 0x21d3, 0x0, 0},
	{"DoubleLeftArrow", 0x21d0, 0x0, 0},
	{"DoubleLeftRightArrow", 0x21d4, 0x0, 0},
	{"DoubleLeftTee", 0x2ae4, 0x0, 0},
	{"DoubleLongLeftArrow", 0x27f8, 0x0, 0},
	{"DoubleLongLeftRightArrow", 0x27fa, 0x0, 0},
	{"DoubleLongRightArrow", 0x27f9, 0x0, 0},
	{"DoubleRightArrow", 0x21d2, 0x0, 0},
	{"DoubleRightTee", 0x22a8, 0x0, 0}, {"DoubleUpArrow", 0x21d1, 0x0, 0},
	{"DoubleUpDownArrow", 0x21d5, 0x0, 0},
	{"DoubleVerticalBar", 0x2225, 0x0, 0}, {"DownArrow", 0x2193, 0x0, 0},
	{"DownArrowBar", 0x2913, 0x0, 0},
	{"DownArrowUpArrow", 0x21f5, 0x0, 0}, {"DownBreve", 0x311, 0x0, 0},
	{"DownLeftRightVector", 0x2950, 0x0, 0},
	{"DownLeftTeeVector", 0x295e, 0x0, 0},
	{"DownLeftVector", 0x21bd, 0x0, 0},
	{"DownLeftVectorBar", 0x2956, 0x0, 0},
	{"DownRightTeeVector", 0x295f, 0x0, 0},
	{"DownRightVector", 0x21c1, 0x0, 0},
	{"DownRightVectorBar", 0x2957, 0x0, 0}, {"DownTee", 0x22a4, 0x0, 0},
	{"DownTeeArrow", 0x21a7, 0x0, 0}, {"Downarrow", 0x21d3, 0x0, 0},
	{"Dscr", 0x1d49f, 0x0, 0}, {"Dstrok", 0x110, 0x0, 0},
	{"ENG", 0x14a, 0x0, 0}, {"ETH", 0xd0, 0x0, 1},
	{"Eacute", 0xc9, 0x0, 1}, {"Ecaron", 0x11a, 0x0, 0},
	{"Ecirc", 0xca, 0x0, 1}, {"Ecy", 0x42d, 0x0, 0},
	{"Edot", 0x116, 0x0, 0}, {"Efr", 0x1d508, 0x0, 0},
	{"Egrave", 0xc8, 0x0, 1}, {"Element", 0x2208, 0x0, 0},
	{"Emacr", 0x112, 0x0, 0}, {"EmptySmallSquare", 0x25fb, 0x0, 0},
	{"EmptyVerySmallSquare", 0x25ab, 0x0, 0}, {"Eogon", 0x118, 0x0, 0},
	{"Eopf", 0x1d53c, 0x0, 0}, {"Epsilon", 0x395, 0x0, 1},
	{"Equal", 0x2a75, 0x0, 0}, {"EqualTilde", 0x2242, 0x0, 0},
	{"Equilibrium", 0x21cc, 0x0, 0}, {"Escr", 0x2130, 0x0, 0},
	{"Esim", 0x2a73, 0x0, 0}, {"Eta", 0x397, 0x0, 1},
	{"Euml", 0xcb, 0x0, 1}, {"Exists", 0x2203, 0x0, 0},
	{"ExponentialE", 0x2147, 0x0, 0}, {"Fcy", 0x424, 0x0, 0},
	{"Ffr", 0x1d509, 0x0, 0}, {"FilledSmallSquare", 0x25fc, 0x0, 0},
	{"FilledVerySmallSquare", 0x25aa, 0x0, 0}, {"Fopf", 0x1d53d, 0x0, 0},
	{"ForAll", 0x2200, 0x0, 0}, {"Fouriertrf", 0x2131, 0x0, 0},
	{"Fscr", 0x2131, 0x0, 0}, {"GJcy", 0x403, 0x0, 0},
	{"GT", 0x3e, 0x0, 0}, {"Gamma", 0x393, 0x0, 1},
	{"Gammad", 0x3dc, 0x0, 0}, {"Gbreve", 0x11e, 0x0, 0},
	{"Gcedil", 0x122, 0x0, 0}, {"Gcirc", 0x11c, 0x0, 0},
	{"Gcy", 0x413, 0x0, 0}, {"Gdot", 0x120, 0x0, 0},
	{"Gfr", 0x1d50a, 0x0, 0}, {"Gg", 0x22d9, 0x0, 0},
	{"Gopf", 0x1d53e, 0x0, 0}, {"GreaterEqual", 0x2265, 0x0, 0},
	{"GreaterEqualLess", 0x22db, 0x0, 0},
	{"GreaterFullEqual", 0x2267, 0x0, 0},
	{"GreaterGreater", 0x2aa2, 0x0, 0}, {"GreaterLess", 0x2277, 0x0, 0},
	{"GreaterSlantEqual", 0x2a7e, 0x0, 0},
	{"GreaterTilde", 0x2273, 0x0, 0}, {"Gscr", 0x1d4a2, 0x0, 0},
	{"Gt", 0x226b, 0x0, 0}, {"HARDcy", 0x42a, 0x0, 0},
	{"Hacek", 0x2c7, 0x0, 0}, {"Hat", 0x5e, 0x0, 0},
	{"Hcirc", 0x124, 0x0, 0}, {"Hfr", 0x210c, 0x0, 0},
	{"HilbertSpace", 0x210b, 0x0, 0}, {"Hopf", 0x210d, 0x0, 0},
	{"HorizontalLine", 0x2500, 0x0, 0}, {"Hscr", 0x210b, 0x0, 0},
	{"Hstrok", 0x126, 0x0, 0}, {"HumpDownHump", 0x224e, 0x0, 0},
	{"HumpEqual", 0x224f, 0x0, 0}, {"IEcy", 0x415, 0x0, 0},
	{"IJlig", 0x132, 0x0, 0}, {"IOcy", 0x401, 0x0, 0},
	{"Iacute", 0xcd, 0x0, 1}, {"Icirc", 0xce, 0x0, 1},
	{"Icy", 0x418, 0x0, 0}, {"Idot", 0x130, 0x0, 0},
	{"Ifr", 0x2111, 0x0, 0}, {"Igrave", 0xcc, 0x0, 1},
	{"Im", 0x2111, 0x0, 0}, {"Imacr", 0x12a, 0x0, 0},
	{"ImaginaryI", 0x2148, 0x0, 0}, {"Implies", 0x21d2, 0x0, 0},
	{"Int", 0x222c, 0x0, 0}, {"Integral", 0x222b, 0x0, 0},
	{"Intersection", 0x22c2, 0x0, 0}, {"InvisibleComma", 0x2063, 0x0, 0},
	{"InvisibleTimes", 0x2062, 0x0, 0}, {"Iogon", 0x12e, 0x0, 0},
	{"Iopf", 0x1d540, 0x0, 0}, {"Iota", 0x399, 0x0, 1},
	{"Iscr", 0x2110, 0x0, 0}, {"Itilde", 0x128, 0x0, 0},
	{"Iukcy", 0x406, 0x0, 0}, {"Iuml", 0xcf, 0x0, 1},
	{"Jcirc", 0x134, 0x0, 0}, {"Jcy", 0x419, 0x0, 0},
	{"Jfr", 0x1d50d, 0x0, 0}, {"Jopf", 0x1d541, 0x0, 0},
	{"Jscr", 0x1d4a5, 0x0, 0}, {"Jsercy", 0x408, 0x0, 0},
	{"Jukcy", 0x404, 0x0, 0}, {"KHcy", 0x425, 0x0, 0},
	{"KJcy", 0x40c, 0x0, 0}, {"Kappa", 0x39a, 0x0, 1},
	{"Kcedil", 0x136, 0x0, 0}, {"Kcy", 0x41a, 0x0, 0},
	{"Kfr", 0x1d50e, 0x0, 0}, {"Kopf", 0x1d542, 0x0, 0},
	{"Kscr", 0x1d4a6, 0x0, 0}, {"LJcy", 0x409, 0x0, 0},
	{"LT", 0x3c, 0x0, 0}, {"Lacute", 0x139, 0x0, 0},
	{"Lambda", 0x39b, 0x0, 1}, {"Lang", 0x27ea, 0x0, 0},
	{"Laplacetrf", 0x2112, 0x0, 0}, {"Larr", 0x219e, 0x0, 0},
	{"Lcaron", 0x13d, 0x0, 0}, {"Lcedil", 0x13b, 0x0, 0},
	{"Lcy", 0x41b, 0x0, 0}, {"LeftAngleBracket", 0x27e8, 0x0, 0},
	{"LeftArrow", 0x2190, 0x0, 0}, {"LeftArrowBar", 0x21e4, 0x0, 0},
	{"LeftArrowRightArrow", 0x21c6, 0x0, 0},
	{"LeftCeiling", 0x2308, 0x0, 0},
	{"LeftDoubleBracket", 0x27e6, 0x0, 0},
	{"LeftDownTeeVector", 0x2961, 0x0, 0},
	{"LeftDownVector", 0x21c3, 0x0, 0},
	{"LeftDownVectorBar", 0x2959, 0x0, 0}, {"LeftFloor", 0x230a, 0x0, 0},
	{"LeftRightArrow", 0x2194, 0x0, 0},
	{"LeftRightVector", 0x294e, 0x0, 0}, {"LeftTee", 0x22a3, 0x0, 0},
	{"LeftTeeArrow", 0x21a4, 0x0, 0}, {"LeftTeeVector", 0x295a, 0x0, 0},
	{"LeftTriangle", 0x22b2, 0x0, 0}, {"LeftTriangleBar", 0x29cf, 0x0, 0},
	{"LeftTriangleEqual", 0x22b4, 0x0, 0},
	{"LeftUpDownVector", 0x2951, 0x0, 0},
	{"LeftUpTeeVector", 0x2960, 0x0, 0}, {"LeftUpVector", 0x21bf, 0x0, 0},
	{"LeftUpVectorBar", 0x2958, 0x0, 0}, {"LeftVector", 0x21bc, 0x0, 0},
	{"LeftVectorBar", 0x2952, 0x0, 0}, {"Leftarrow", 0x21d0, 0x0, 0},
	{"Leftrightarrow", 0x21d4, 0x0, 0},
	{"LessEqualGreater", 0x22da, 0x0, 0},
	{"LessFullEqual", 0x2266, 0x0, 0}, {"LessGreater", 0x2276, 0x0, 0},
	{"LessLess", 0x2aa1, 0x0, 0}, {"LessSlantEqual", 0x2a7d, 0x0, 0},
	{"LessTilde", 0x2272, 0x0, 0}, {"Lfr", 0x1d50f, 0x0, 0},
	{"Ll", 0x22d8, 0x0, 0}, {"Lleftarrow", 0x21da, 0x0, 0},
	{"Lmidot", 0x13f, 0x0, 0}, {"LongLeftArrow", 0x27f5, 0x0, 0},
	{"LongLeftRightArrow", 0x27f7, 0x0, 0},
	{"LongRightArrow", 0x27f6, 0x0, 0}, {"Longleftarrow", 0x27f8, 0x0, 0},
	{"Longleftrightarrow", 0x27fa, 0x0, 0},
	{"Longrightarrow", 0x27f9, 0x0, 0}, {"Lopf", 0x1d543, 0x0, 0},
	{"LowerLeftArrow", 0x2199, 0x0, 0},
	{"LowerRightArrow", 0x2198, 0x0, 0}, {"Lscr", 0x2112, 0x0, 0},
	{"Lsh", 0x21b0, 0x0, 0}, {"Lstrok", 0x141, 0x0, 0},
	{"Lt", 0x226a, 0x0, 0}, {"Map", 0x2905, 0x0, 0},
	{"Mcy", 0x41c, 0x0, 0}, {"MediumSpace", 0x205f, 0x0, 0},
	{"Mellintrf", 0x2133, 0x0, 0}, {"Mfr", 0x1d510, 0x0, 0},
	{"MinusPlus", 0x2213, 0x0, 0}, {"Mopf", 0x1d544, 0x0, 0},
	{"Mscr", 0x2133, 0x0, 0}, {"Mu", 0x39c, 0x0, 1},
	{"NJcy", 0x40a, 0x0, 0}, {"Nacute", 0x143, 0x0, 0},
	{"Ncaron", 0x147, 0x0, 0}, {"Ncedil", 0x145, 0x0, 0},
	{"Ncy", 0x41d, 0x0, 0}, {"NegativeMediumSpace", 0x200b, 0x0, 0},
	{"NegativeThickSpace", 0x200b, 0x0, 0},
	{"NegativeThinSpace", 0x200b, 0x0, 0},
	{"NegativeVeryThinSpace", 0x200b, 0x0, 0},
	{"NestedGreaterGreater", 0x226b, 0x0, 0},
	{"NestedLessLess", 0x226a, 0x0, 0}, {"NewLine", 0xa, 0x0, 0},
	{"Nfr", 0x1d511, 0x0, 0}, {"NoBreak", 0x2060, 0x0, 0},
	{"NonBreakingSpace", 0xa0, 0x0, 0}, {"Nopf", 0x2115, 0x0, 0},
	{"Not", 0x2aec, 0x0, 0}, {"NotCongruent", 0x2262, 0x0, 0},
	{"NotCupCap", 0x226d, 0x0, 0},
	{"NotDoubleVerticalBar", 0x2226, 0x0, 0},
	{"NotElement", 0x2209, 0x0, 0}, {"NotEqual", 0x2260, 0x0, 0},
	{"NotEqualTilde", 0x2242, 0x338, 0}, {"NotExists", 0x2204, 0x0, 0},
	{"NotGreater", 0x226f, 0x0, 0}, {"NotGreaterEqual", 0x2271, 0x0, 0},
	{"NotGreaterFullEqual", 0x2267, 0x338, 0},
	{"NotGreaterGreater", 0x226b, 0x338, 0},
	{"NotGreaterLess", 0x2279, 0x0, 0},
	{"NotGreaterSlantEqual", 0x2a7e, 0x338, 0},
	{"NotGreaterTilde", 0x2275, 0x0, 0},
	{"NotHumpDownHump", 0x224e, 0x338, 0},
	{"NotHumpEqual", 0x224f, 0x338, 0},
	{"NotLeftTriangle", 0x22ea, 0x0, 0},
	{"NotLeftTriangleBar", 0x29cf, 0x338, 0},
	{"NotLeftTriangleEqual", 0x22ec, 0x0, 0}, {"NotLess", 0x226e, 0x0, 0},
	{"NotLessEqual", 0x2270, 0x0, 0}, {"NotLessGreater", 0x2278, 0x0, 0},
	{"NotLessLess", 0x226a, 0x338, 0},
	{"NotLessSlantEqual", 0x2a7d, 0x338, 0},
	{"NotLessTilde", 0x2274, 0x0, 0},
	{"NotNestedGreaterGreater", 0x2aa2, 0x338, 0},
	{"NotNestedLessLess", 0x2aa1, 0x338, 0},
	{"NotPrecedes", 0x2280, 0x0, 0},
	{"NotPrecedesEqual", 0x2aaf, 0x338, 0},
	{"NotPrecedesSlantEqual", 0x22e0, 0x0, 0},
	{"NotReverseElement", 0x220c, 0x0, 0},
	{"NotRightTriangle", 0x22eb, 0x0, 0},
	{"NotRightTriangleBar", 0x29d0, 0x338, 0},
	{"NotRightTriangleEqual", 0x22ed, 0x0, 0},
	{"NotSquareSubset", 0x228f, 0x338, 0},
	{"NotSquareSubsetEqual", 0x22e2, 0x0, 0},
	{"NotSquareSuperset", 0x2290, 0x338, 0},
	{"NotSquareSupersetEqual", 0x22e3, 0x0, 0},
	{"NotSubset", 0x2282, 0x20d2, 0}, {"NotSubsetEqual", 0x2288, 0x0, 0},
	{"NotSucceeds", 0x2281, 0x0, 0},
	{"NotSucceedsEqual", 0x2ab0, 0x338, 0},
	{"NotSucceedsSlantEqual", 0x22e1, 0x0, 0},
	{"NotSucceedsTilde", 0x227f, 0x338, 0},
	{"NotSuperset", 0x2283, 0x20d2, 0},
	{"NotSupersetEqual", 0x2289, 0x0, 0}, {"NotTilde", 0x2241, 0x0, 0},
	{"NotTildeEqual", 0x2244, 0x0, 0},
	{"NotTildeFullEqual", 0x2247, 0x0, 0},
	{"NotTildeTilde", 0x2249, 0x0, 0}, {"NotVerticalBar", 0x2224, 0x0, 0},
	{"Nscr", 0x1d4a9, 0x0, 0}, {"Ntilde", 0xd1, 0x0, 1},
	{"Nu", 0x39d, 0x0, 1}, {"OElig", 0x152, 0x0, 1},
	{"Oacute", 0xd3, 0x0, 1}, {"Ocirc", 0xd4, 0x0, 1},
	{"Ocy", 0x41e, 0x0, 0}, {"Odblac", 0x150, 0x0, 0},
	{"Ofr", 0x1d512, 0x0, 0}, {"Ograve", 0xd2, 0x0, 1},
	{"Omacr", 0x14c, 0x0, 0}, {"Omega", 0x3a9, 0x0, 1},
	{"Omicron", 0x39f, 0x0, 1}, {"Oopf", 0x1d546, 0x0, 0},
	{"OpenCurlyDoubleQuote", 0x201c, 0x0, 0},
	{"OpenCurlyQuote", 0x2018, 0x0, 0}, {"Or", 0x2a54, 0x0, 0},
	{"Oscr", 0x1d4aa, 0x0, 0}, {"Oslash", 0xd8, 0x0, 1},
	{"Otilde", 0xd5, 0x0, 1}, {"Otimes", 0x2a37, 0x0, 0},
	{"Ouml", 0xd6, 0x0, 1}, {"OverBar", 0x203e, 0x0, 0},
	{"OverBrace", 0x23de, 0x0, 0}, {"OverBracket", 0x23b4, 0x0, 0},
	{"OverParenthesis", 0x23dc, 0x0, 0}, {"PartialD", 0x2202, 0x0, 0},
	{"Pcy", 0x41f, 0x0, 0}, {"Pfr", 0x1d513, 0x0, 0},
	{"Phi", 0x3a6, 0x0, 1}, {"Pi", 0x3a0, 0x0, 1},
	{"PlusMinus", 0xb1, 0x0, 0}, {"Poincareplane", 0x210c, 0x0, 0},
	{"Popf", 0x2119, 0x0, 0}, {"Pr", 0x2abb, 0x0, 0},
	{"Precedes", 0x227a, 0x0, 0}, {"PrecedesEqual", 0x2aaf, 0x0, 0},
	{"PrecedesSlantEqual", 0x227c, 0x0, 0},
	{"PrecedesTilde", 0x227e, 0x0, 0}, {"Prime", 0x2033, 0x0, 1},
	{"Product", 0x220f, 0x0, 0}, {"Proportion", 0x2237, 0x0, 0},
	{"Proportional", 0x221d, 0x0, 0}, {"Pscr", 0x1d4ab, 0x0, 0},
	{"Psi", 0x3a8, 0x0, 1}, {"QUOT", 0x22, 0x0, 0},
	{"Qfr", 0x1d514, 0x0, 0}, {"Qopf", 0x211a, 0x0, 0},
	{"Qscr", 0x1d4ac, 0x0, 0}, {"RBarr", 0x2910, 0x0, 0},
	{"REG", 0xae, 0x0, 0}, {"Racute", 0x154, 0x0, 0},
	{"Rang", 0x27eb, 0x0, 0}, {"Rarr", 0x21a0, 0x0, 0},
	{"Rarrtl", 0x2916, 0x0, 0}, {"Rcaron", 0x158, 0x0, 0},
	{"Rcedil", 0x156, 0x0, 0}, {"Rcy", 0x420, 0x0, 0},
	{"Re", 0x211c, 0x0, 0}, {"ReverseElement", 0x220b, 0x0, 0},
	{"ReverseEquilibrium", 0x21cb, 0x0, 0},
	{"ReverseUpEquilibrium", 0x296f, 0x0, 0}, {"Rfr", 0x211c, 0x0, 0},
	{"Rho", 0x3a1, 0x0, 1}, {"RightAngleBracket", 0x27e9, 0x0, 0},
	{"RightArrow", 0x2192, 0x0, 0}, {"RightArrowBar", 0x21e5, 0x0, 0},
	{"RightArrowLeftArrow", 0x21c4, 0x0, 0},
	{"RightCeiling", 0x2309, 0x0, 0},
	{"RightDoubleBracket", 0x27e7, 0x0, 0},
	{"RightDownTeeVector", 0x295d, 0x0, 0},
	{"RightDownVector", 0x21c2, 0x0, 0},
	{"RightDownVectorBar", 0x2955, 0x0, 0},
	{"RightFloor", 0x230b, 0x0, 0}, {"RightTee", 0x22a2, 0x0, 0},
	{"RightTeeArrow", 0x21a6, 0x0, 0}, {"RightTeeVector", 0x295b, 0x0, 0},
	{"RightTriangle", 0x22b3, 0x0, 0},
	{"RightTriangleBar", 0x29d0, 0x0, 0},
	{"RightTriangleEqual", 0x22b5, 0x0, 0},
	{"RightUpDownVector", 0x294f, 0x0, 0},
	{"RightUpTeeVector", 0x295c, 0x0, 0},
	{"RightUpVector", 0x21be, 0x0, 0},
	{"RightUpVectorBar", 0x2954, 0x0, 0}, {"RightVector", 0x21c0, 0x0, 0},
	{"RightVectorBar", 0x2953, 0x0, 0}, {"Rightarrow", 0x21d2, 0x0, 0},
	{"Ropf", 0x211d, 0x0, 0}, {"RoundImplies", 0x2970, 0x0, 0},
	{"Rrightarrow", 0x21db, 0x0, 0}, {"Rscr", 0x211b, 0x0, 0},
	{"Rsh", 0x21b1, 0x0, 0}, {"RuleDelayed", 0x29f4, 0x0, 0},
	{"SHCHcy", 0x429, 0x0, 0}, {"SHcy", 0x428, 0x0, 0},
	{"SOFTcy", 0x42c, 0x0, 0}, {"Sacute", 0x15a, 0x0, 0},
	{"Sc", 0x2abc, 0x0, 0}, {"Scaron", 0x160, 0x0, 1},
	{"Scedil", 0x15e, 0x0, 0}, {"Scirc", 0x15c, 0x0, 0},
	{"Scy", 0x421, 0x0, 0}, {"Sfr", 0x1d516, 0x0, 0},
	{"ShortDownArrow", 0x2193, 0x0, 0},
	{"ShortLeftArrow", 0x2190, 0x0, 0},
	{"ShortRightArrow", 0x2192, 0x0, 0}, {"ShortUpArrow", 0x2191, 0x0, 0},
	{"Sigma", 0x3a3, 0x0, 1}, {"SmallCircle", 0x2218, 0x0, 0},
	{"Sopf", 0x1d54a, 0x0, 0}, {"Sqrt", 0x221a, 0x0, 0},
	{"Square", 0x25a1, 0x0, 0}, {"SquareIntersection", 0x2293, 0x0, 0},
	{"SquareSubset", 0x228f, 0x0, 0},
	{"SquareSubsetEqual", 0x2291, 0x0, 0},
	{"SquareSuperset", 0x2290, 0x0, 0},
	{"SquareSupersetEqual", 0x2292, 0x0, 0},
	{"SquareUnion", 0x2294, 0x0, 0}, {"Sscr", 0x1d4ae, 0x0, 0},
	{"Star", 0x22c6, 0x0, 0}, {"Sub", 0x22d0, 0x0, 0},
	{"Subset", 0x22d0, 0x0, 0}, {"SubsetEqual", 0x2286, 0x0, 0},
	{"Succeeds", 0x227b, 0x0, 0}, {"SucceedsEqual", 0x2ab0, 0x0, 0},
	{"SucceedsSlantEqual", 0x227d, 0x0, 0},
	{"SucceedsTilde", 0x227f, 0x0, 0}, {"SuchThat", 0x220b, 0x0, 0},
	{"Sum", 0x2211, 0x0, 0}, {"Sup", 0x22d1, 0x0, 0},
	{"Superset", 0x2283, 0x0, 0}, {"SupersetEqual", 0x2287, 0x0, 0},
	{"Supset", 0x22d1, 0x0, 0}, {"THORN", 0xde, 0x0, 1},
	{"TRADE", 0x2122, 0x0, 0}, {"TSHcy", 0x40b, 0x0, 0},
	{"TScy", 0x426, 0x0, 0}, {"Tab", 0x9, 0x0, 0}, {"Tau", 0x3a4, 0x0, 1},
	{"Tcaron", 0x164, 0x0, 0}, {"Tcedil", 0x162, 0x0, 0},
	{"Tcy", 0x422, 0x0, 0}, {"Tfr", 0x1d517, 0x0, 0},
	{"Therefore", 0x2234, 0x0, 0}, {"Theta", 0x398, 0x0, 1},
	{"ThickSpace", 0x205f, 0x200a, 0}, {"ThinSpace", 0x2009, 0x0, 0},
	{"Tilde", 0x223c, 0x0, 0}, {"TildeEqual", 0x2243, 0x0, 0},
	{"TildeFullEqual", 0x2245, 0x0, 0}, {"TildeTilde", 0x2248, 0x0, 0},
	{"Topf", 0x1d54b, 0x0, 0}, {"TripleDot", 0x20db, 0x0, 0},
	{"Tscr", 0x1d4af, 0x0, 0}, {"Tstrok", 0x166, 0x0, 0},
	{"Uacute", 0xda, 0x0, 1}, {"Uarr", 0x219f, 0x0, 0},
	{"Uarrocir", 0x2949, 0x0, 0}, {"Ubrcy", 0x40e, 0x0, 0},
	{"Ubreve", 0x16c, 0x0, 0}, {"Ucirc", 0xdb, 0x0, 1},
	{"Ucy", 0x423, 0x0, 0}, {"Udblac", 0x170, 0x0, 0},
	{"Ufr", 0x1d518, 0x0, 0}, {"Ugrave", 0xd9, 0x0, 1},
	{"Umacr", 0x16a, 0x0, 0}, {"UnderBar", 0x5f, 0x0, 0},
	{"UnderBrace", 0x23df, 0x0, 0}, {"UnderBracket", 0x23b5, 0x0, 0},
	{"UnderParenthesis", 0x23dd, 0x0, 0}, {"Union", 0x22c3, 0x0, 0},
	{"UnionPlus", 0x228e, 0x0, 0}, {"Uogon", 0x172, 0x0, 0},
	{"Uopf", 0x1d54c, 0x0, 0}, {"UpArrow", 0x2191, 0x0, 0},
	{"UpArrowBar", 0x2912, 0x0, 0}, {"UpArrowDownArrow", 0x21c5, 0x0, 0},
	{"UpDownArrow", 0x2195, 0x0, 0}, {"UpEquilibrium", 0x296e, 0x0, 0},
	{"UpTee", 0x22a5, 0x0, 0}, {"UpTeeArrow", 0x21a5, 0x0, 0},
	{"Uparrow", 0x21d1, 0x0, 0}, {"Updownarrow", 0x21d5, 0x0, 0},
	{"UpperLeftArrow", 0x2196, 0x0, 0},
	{"UpperRightArrow", 0x2197, 0x0, 0}, {"Upsi", 0x3d2, 0x0, 0},
	{"Upsilon", 0x3a5, 0x0, 1}, {"Uring", 0x16e, 0x0, 0},
	{"Uscr", 0x1d4b0, 0x0, 0}, {"Utilde", 0x168, 0x0, 0},
	{"Uuml", 0xdc, 0x0, 1}, {"VDash", 0x22ab, 0x0, 0},
	{"Vbar", 0x2aeb, 0x0, 0}, {"Vcy", 0x412, 0x0, 0},
	{"Vdash", 0x22a9, 0x0, 0}, {"Vdashl", 0x2ae6, 0x0, 0},
	{"Vee", 0x22c1, 0x0, 0}, {"Verbar", 0x2016, 0x0, 0},
	{"Vert", 0x2016, 0x0, 0}, {"VerticalBar", 0x2223, 0x0, 0},
	{"VerticalLine", 0x7c, 0x0, 0}, {"VerticalSeparator", 0x2758, 0x0, 0},
	{"VerticalTilde", 0x2240, 0x0, 0}, {"VeryThinSpace", 0x200a, 0x0, 0},
	{"Vfr", 0x1d519, 0x0, 0}, {"Vopf", 0x1d54d, 0x0, 0},
	{"Vscr", 0x1d4b1, 0x0, 0}, {"Vvdash", 0x22aa, 0x0, 0},
	{"Wcirc", 0x174, 0x0, 0}, {"Wedge", 0x22c0, 0x0, 0},
	{"Wfr", 0x1d51a, 0x0, 0}, {"Wopf", 0x1d54e, 0x0, 0},
	{"Wscr", 0x1d4b2, 0x0, 0}, {"Xfr", 0x1d51b, 0x0, 0},
	{"Xi", 0x39e, 0x0, 1}, {"Xopf", 0x1d54f, 0x0, 0},
	{"Xscr", 0x1d4b3, 0x0, 0}, {"YAcy", 0x42f, 0x0, 0},
	{"YIcy", 0x407, 0x0, 0}, {"YUcy", 0x42e, 0x0, 0},
	{"Yacute", 0xdd, 0x0, 1}, {"Ycirc", 0x176, 0x0, 0},
	{"Ycy", 0x42b, 0x0, 0}, {"Yfr", 0x1d51c, 0x0, 0},
	{"Yopf", 0x1d550, 0x0, 0}, {"Yscr", 0x1d4b4, 0x0, 0},
	{"Yuml", 0x178, 0x0, 1}, {"ZHcy", 0x416, 0x0, 0},
	{"Zacute", 0x179, 0x0, 0}, {"Zcaron", 0x17d, 0x0, 0},
	{"Zcy", 0x417, 0x0, 0}, {"Zdot", 0x17b, 0x0, 0},
	{"ZeroWidthSpace", 0x200b, 0x0, 0}, {"Zeta", 0x396, 0x0, 1},
	{"Zfr", 0x2128, 0x0, 0}, {"Zopf", 0x2124, 0x0, 0},
	{"Zscr", 0x1d4b5, 0x0, 0}, {"aacute", 0xe1, 0x0, 1},
	{"abreve", 0x103, 0x0, 0}, {"ac", 0x223e, 0x0, 0},
	{"acE", 0x223e, 0x333, 0}, {"acd", 0x223f, 0x0, 0},
	{"acirc", 0xe2, 0x0, 1}, {"acute", 0xb4, 0x0, 1},
	{"acy", 0x430, 0x0, 0}, {"aelig", 0xe6, 0x0, 1},
	{"af", 0x2061, 0x0, 0}, {"afr", 0x1d51e, 0x0, 0},
	{"agrave", 0xe0, 0x0, 1}, {"alefsym", 0x2135, 0x0, 1},
	{"aleph", 0x2135, 0x0, 0}, {"alpha", 0x3b1, 0x0, 1},
	{"amacr", 0x101, 0x0, 0}, {"amalg", 0x2a3f, 0x0, 0},
	{"amp", 0x26, 0x0, 1}, {"and", 0x2227, 0x0, 1},
	{"andand", 0x2a55, 0x0, 0}, {"andd", 0x2a5c, 0x0, 0},
	{"andslope", 0x2a58, 0x0, 0}, {"andv", 0x2a5a, 0x0, 0},
	{"ang", 0x2220, 0x0, 1}, {"ange", 0x29a4, 0x0, 0},
	{"angle", 0x2220, 0x0, 0}, {"angmsd", 0x2221, 0x0, 0},
	{"angmsdaa", 0x29a8, 0x0, 0}, {"angmsdab", 0x29a9, 0x0, 0},
	{"angmsdac", 0x29aa, 0x0, 0}, {"angmsdad", 0x29ab, 0x0, 0},
	{"angmsdae", 0x29ac, 0x0, 0}, {"angmsdaf", 0x29ad, 0x0, 0},
	{"angmsdag", 0x29ae, 0x0, 0}, {"angmsdah", 0x29af, 0x0, 0},
	{"angrt", 0x221f, 0x0, 0}, {"angrtvb", 0x22be, 0x0, 0},
	{"angrtvbd", 0x299d, 0x0, 0}, {"angsph", 0x2222, 0x0, 0},
	{"angst", 0xc5, 0x0, 0}, {"angzarr", 0x237c, 0x0, 0},
	{"aogon", 0x105, 0x0, 0}, {"aopf", 0x1d552, 0x0, 0},
	{"ap", 0x2248, 0x0, 0}, {"apE", 0x2a70, 0x0, 0},
	{"apacir", 0x2a6f, 0x0, 0}, {"ape", 0x224a, 0x0, 0},
	{"apid", 0x224b, 0x0, 0}, {"apos", 0x27, 0x0, 1},
	{"approx", 0x2248, 0x0, 0}, {"approxeq", 0x224a, 0x0, 0},
	{"aring", 0xe5, 0x0, 1}, {"ascr", 0x1d4b6, 0x0, 0},
	{"ast", 0x2a, 0x0, 0}, {"asymp", 0x2248, 0x0, 1},
	{"asympeq", 0x224d, 0x0, 0}, {"atilde", 0xe3, 0x0, 1},
	{"auml", 0xe4, 0x0, 1}, {"awconint", 0x2233, 0x0, 0},
	{"awint", 0x2a11, 0x0, 0}, {"bNot", 0x2aed, 0x0, 0},
	{"backcong", 0x224c, 0x0, 0}, {"backepsilon", 0x3f6, 0x0, 0},
	{"backprime", 0x2035, 0x0, 0}, {"backsim", 0x223d, 0x0, 0},
	{"backsimeq", 0x22cd, 0x0, 0}, {"barvee", 0x22bd, 0x0, 0},
	{"barwed", 0x2305, 0x0, 0}, {"barwedge", 0x2305, 0x0, 0},
	{"bbrk", 0x23b5, 0x0, 0}, {"bbrktbrk", 0x23b6, 0x0, 0},
	{"bcong", 0x224c, 0x0, 0}, {"bcy", 0x431, 0x0, 0},
	{"bdquo", 0x201e, 0x0, 1}, {"becaus", 0x2235, 0x0, 0},
	{"because", 0x2235, 0x0, 0}, {"bemptyv", 0x29b0, 0x0, 0},
	{"bepsi", 0x3f6, 0x0, 0}, {"bernou", 0x212c, 0x0, 0},
	{"beta", 0x3b2, 0x0, 1}, {"beth", 0x2136, 0x0, 0},
	{"between", 0x226c, 0x0, 0}, {"bfr", 0x1d51f, 0x0, 0},
	{"bigcap", 0x22c2, 0x0, 0}, {"bigcirc", 0x25ef, 0x0, 0},
	{"bigcup", 0x22c3, 0x0, 0}, {"bigodot", 0x2a00, 0x0, 0},
	{"bigoplus", 0x2a01, 0x0, 0}, {"bigotimes", 0x2a02, 0x0, 0},
	{"bigsqcup", 0x2a06, 0x0, 0}, {"bigstar", 0x2605, 0x0, 0},
	{"bigtriangledown", 0x25bd, 0x0, 0},
	{"bigtriangleup", 0x25b3, 0x0, 0}, {"biguplus", 0x2a04, 0x0, 0},
	{"bigvee", 0x22c1, 0x0, 0}, {"bigwedge", 0x22c0, 0x0, 0},
	{"bkarow", 0x290d, 0x0, 0}, {"blacklozenge", 0x29eb, 0x0, 0},
	{"blacksquare", 0x25aa, 0x0, 0}, {"blacktriangle", 0x25b4, 0x0, 0},
	{"blacktriangledown", 0x25be, 0x0, 0},
	{"blacktriangleleft", 0x25c2, 0x0, 0},
	{"blacktriangleright", 0x25b8, 0x0, 0}, {"blank", 0x2423, 0x0, 0},
	{"blk12", 0x2592, 0x0, 0}, {"blk14", 0x2591, 0x0, 0},
	{"blk34", 0x2593, 0x0, 0}, {"block", 0x2588, 0x0, 0},
	{"bne", 0x3d, 0x20e5, 0}, {"bnequiv", 0x2261, 0x20e5, 0},
	{"bnot", 0x2310, 0x0, 0}, {"bopf", 0x1d553, 0x0, 0},
	{"bot", 0x22a5, 0x0, 0}, {"bottom", 0x22a5, 0x0, 0},
	{"bowtie", 0x22c8, 0x0, 0}, {"boxDL", 0x2557, 0x0, 0},
	{"boxDR", 0x2554, 0x0, 0}, {"boxDl", 0x2556, 0x0, 0},
	{"boxDr", 0x2553, 0x0, 0}, {"boxH", 0x2550, 0x0, 0},
	{"boxHD", 0x2566, 0x0, 0}, {"boxHU", 0x2569, 0x0, 0},
	{"boxHd", 0x2564, 0x0, 0}, {"boxHu", 0x2567, 0x0, 0},
	{"boxUL", 0x255d, 0x0, 0}, {"boxUR", 0x255a, 0x0, 0},
	{"boxUl", 0x255c, 0x0, 0}, {"boxUr", 0x2559, 0x0, 0},
	{"boxV", 0x2551, 0x0, 0}, {"boxVH", 0x256c, 0x0, 0},
	{"boxVL", 0x2563, 0x0, 0}, {"boxVR", 0x2560, 0x0, 0},
	{"boxVh", 0x256b, 0x0, 0}, {"boxVl", 0x2562, 0x0, 0},
	{"boxVr", 0x255f, 0x0, 0}, {"boxbox", 0x29c9, 0x0, 0},
	{"boxdL", 0x2555, 0x0, 0}, {"boxdR", 0x2552, 0x0, 0},
	{"boxdl", 0x2510, 0x0, 0}, {"boxdr", 0x250c, 0x0, 0},
	{"boxh", 0x2500, 0x0, 0}, {"boxhD", 0x2565, 0x0, 0},
	{"boxhU", 0x2568, 0x0, 0}, {"boxhd", 0x252c, 0x0, 0},
	{"boxhu", 0x2534, 0x0, 0}, {"boxminus", 0x229f, 0x0, 0},
	{"boxplus", 0x229e, 0x0, 0}, {"boxtimes", 0x22a0, 0x0, 0},
	{"boxuL", 0x255b, 0x0, 0}, {"boxuR", 0x2558, 0x0, 0},
	{"boxul", 0x2518, 0x0, 0}, {"boxur", 0x2514, 0x0, 0},
	{"boxv", 0x2502, 0x0, 0}, {"boxvH", 0x256a, 0x0, 0},
	{"boxvL", 0x2561, 0x0, 0}, {"boxvR", 0x255e, 0x0, 0},
	{"boxvh", 0x253c, 0x0, 0}, {"boxvl", 0x2524, 0x0, 0},
	{"boxvr", 0x251c, 0x0, 0}, {"bprime", 0x2035, 0x0, 0},
	{"breve", 0x2d8, 0x0, 0}, {"brvbar", 0xa6, 0x0, 1},
	{"bscr", 0x1d4b7, 0x0, 0}, {"bsemi", 0x204f, 0x0, 0},
	{"bsim", 0x223d, 0x0, 0}, {"bsime", 0x22cd, 0x0, 0},
	{"bsol", 0x5c, 0x0, 0}, {"bsolb", 0x29c5, 0x0, 0},
	{"bsolhsub", 0x27c8, 0x0, 0}, {"bull", 0x2022, 0x0, 1},
	{"bullet", 0x2022, 0x0, 0}, {"bump", 0x224e, 0x0, 0},
	{"bumpE", 0x2aae, 0x0, 0}, {"bumpe", 0x224f, 0x0, 0},
	{"bumpeq", 0x224f, 0x0, 0}, {"cacute", 0x107, 0x0, 0},
	{"cap", 0x2229, 0x0, 1}, {"capand", 0x2a44, 0x0, 0},
	{"capbrcup", 0x2a49, 0x0, 0}, {"capcap", 0x2a4b, 0x0, 0},
	{"capcup", 0x2a47, 0x0, 0}, {"capdot", 0x2a40, 0x0, 0},
	{"caps", 0x2229, 0xfe00, 0}, {"caret", 0x2041, 0x0, 0},
	{"caron", 0x2c7, 0x0, 0}, {"ccaps", 0x2a4d, 0x0, 0},
	{"ccaron", 0x10d, 0x0, 0}, {"ccedil", 0xe7, 0x0, 1},
	{"ccirc", 0x109, 0x0, 0}, {"ccups", 0x2a4c, 0x0, 0},
	{"ccupssm", 0x2a50, 0x0, 0}, {"cdot", 0x10b, 0x0, 0},
	{"cedil", 0xb8, 0x0, 1}, {"cemptyv", 0x29b2, 0x0, 0},
	{"cent", 0xa2, 0x0, 1}, {"centerdot", 0xb7, 0x0, 0},
	{"cfr", 0x1d520, 0x0, 0}, {"chcy", 0x447, 0x0, 0},
	{"check", 0x2713, 0x0, 0}, {"checkmark", 0x2713, 0x0, 0},
	{"chi", 0x3c7, 0x0, 1}, {"cir", 0x25cb, 0x0, 0},
	{"cirE", 0x29c3, 0x0, 0}, {"circ", 0x2c6, 0x0, 1},
	{"circeq", 0x2257, 0x0, 0}, {"circlearrowleft", 0x21ba, 0x0, 0},
	{"circlearrowright", 0x21bb, 0x0, 0}, {"circledR", 0xae, 0x0, 0},
	{"circledS", 0x24c8, 0x0, 0}, {"circledast", 0x229b, 0x0, 0},
	{"circledcirc", 0x229a, 0x0, 0}, {"circleddash", 0x229d, 0x0, 0},
	{"cire", 0x2257, 0x0, 0}, {"cirfnint", 0x2a10, 0x0, 0},
	{"cirmid", 0x2aef, 0x0, 0}, {"cirscir", 0x29c2, 0x0, 0},
	{"clubs", 0x2663, 0x0, 1}, {"clubsuit", 0x2663, 0x0, 0},
	{"colon", 0x3a, 0x0, 0}, {"colone", 0x2254, 0x0, 0},
	{"coloneq", 0x2254, 0x0, 0}, {"comma", 0x2c, 0x0, 0},
	{"commat", 0x40, 0x0, 0}, {"comp", 0x2201, 0x0, 0},
	{"compfn", 0x2218, 0x0, 0}, {"complement", 0x2201, 0x0, 0},
	{"complexes", 0x2102, 0x0, 0}, {"cong", 0x2245, 0x0, 1},
	{"congdot", 0x2a6d, 0x0, 0}, {"conint", 0x222e, 0x0, 0},
	{"copf", 0x1d554, 0x0, 0}, {"coprod", 0x2210, 0x0, 0},
	{"copy", 0xa9, 0x0, 1}, {"copysr", 0x2117, 0x0, 0},
	{"crarr", 0x21b5, 0x0, 1}, {"cross", 0x2717, 0x0, 0},
	{"cscr", 0x1d4b8, 0x0, 0}, {"csub", 0x2acf, 0x0, 0},
	{"csube", 0x2ad1, 0x0, 0}, {"csup", 0x2ad0, 0x0, 0},
	{"csupe", 0x2ad2, 0x0, 0}, {"ctdot", 0x22ef, 0x0, 0},
	{"cudarrl", 0x2938, 0x0, 0}, {"cudarrr", 0x2935, 0x0, 0},
	{"cuepr", 0x22de, 0x0, 0}, {"cuesc", 0x22df, 0x0, 0},
	{"cularr", 0x21b6, 0x0, 0}, {"cularrp", 0x293d, 0x0, 0},
	{"cup", 0x222a, 0x0, 1}, {"cupbrcap", 0x2a48, 0x0, 0},
	{"cupcap", 0x2a46, 0x0, 0}, {"cupcup", 0x2a4a, 0x0, 0},
	{"cupdot", 0x228d, 0x0, 0}, {"cupor", 0x2a45, 0x0, 0},
	{"cups", 0x222a, 0xfe00, 0}, {"curarr", 0x21b7, 0x0, 0},
	{"curarrm", 0x293c, 0x0, 0}, {"curlyeqprec", 0x22de, 0x0, 0},
	{"curlyeqsucc", 0x22df, 0x0, 0}, {"curlyvee", 0x22ce, 0x0, 0},
	{"curlywedge", 0x22cf, 0x0, 0}, {"curren", 0xa4, 0x0, 1},
	{"curvearrowleft", 0x21b6, 0x0, 0},
	{"curvearrowright", 0x21b7, 0x0, 0}, {"cuvee", 0x22ce, 0x0, 0},
	{"cuwed", 0x22cf, 0x0, 0}, {"cwconint", 0x2232, 0x0, 0},
	{"cwint", 0x2231, 0x0, 0}, {"cylcty", 0x232d, 0x0, 0},
	{"dArr", 0x21d3, 0x0, 1}, {"dHar", 0x2965, 0x0, 0},
	{"dagger", 0x2020, 0x0, 1}, {"daleth", 0x2138, 0x0, 0},
	{"darr", 0x2193, 0x0, 1}, {"dash", 0x2010, 0x0, 0},
	{"dashv", 0x22a3, 0x0, 0}, {"dbkarow", 0x290f, 0x0, 0},
	{"dblac", 0x2dd, 0x0, 0}, {"dcaron", 0x10f, 0x0, 0},
	{"dcy", 0x434, 0x0, 0}, {"dd", 0x2146, 0x0, 0},
	{"ddagger", 0x2021, 0x0, 0}, {"ddarr", 0x21ca, 0x0, 0},
	{"ddotseq", 0x2a77, 0x0, 0}, {"deg", 0xb0, 0x0, 1},
	{"delta", 0x3b4, 0x0, 1}, {"demptyv", 0x29b1, 0x0, 0},
	{"dfisht", 0x297f, 0x0, 0}, {"dfr", 0x1d521, 0x0, 0},
	{"dharl", 0x21c3, 0x0, 0}, {"dharr", 0x21c2, 0x0, 0},
	{"diam", 0x22c4, 0x0, 0}, {"diamond", 0x22c4, 0x0, 0},
	{"diamondsuit", 0x2666, 0x0, 0}, {"diams", 0x2666, 0x0, 1},
	{"die", 0xa8, 0x0, 0}, {"digamma", 0x3dd, 0x0, 0},
	{"disin", 0x22f2, 0x0, 0}, {"div", 0xf7, 0x0, 0},
	{"divide", 0xf7, 0x0, 1}, {"divideontimes", 0x22c7, 0x0, 0},
	{"divonx", 0x22c7, 0x0, 0}, {"djcy", 0x452, 0x0, 0},
	{"dlcorn", 0x231e, 0x0, 0}, {"dlcrop", 0x230d, 0x0, 0},
	{"dollar", 0x24, 0x0, 0}, {"dopf", 0x1d555, 0x0, 0},
	{"dot", 0x2d9, 0x0, 0}, {"doteq", 0x2250, 0x0, 0},
	{"doteqdot", 0x2251, 0x0, 0}, {"dotminus", 0x2238, 0x0, 0},
	{"dotplus", 0x2214, 0x0, 0}, {"dotsquare", 0x22a1, 0x0, 0},
	{"doublebarwedge", 0x2306, 0x0, 0}, {"downarrow", 0x2193, 0x0, 0},
	{"downdownarrows", 0x21ca, 0x0, 0},
	{"downharpoonleft", 0x21c3, 0x0, 0},
	{"downharpoonright", 0x21c2, 0x0, 0}, {"drbkarow", 0x2910, 0x0, 0},
	{"drcorn", 0x231f, 0x0, 0}, {"drcrop", 0x230c, 0x0, 0},
	{"dscr", 0x1d4b9, 0x0, 0}, {"dscy", 0x455, 0x0, 0},
	{"dsol", 0x29f6, 0x0, 0}, {"dstrok", 0x111, 0x0, 0},
	{"dtdot", 0x22f1, 0x0, 0}, {"dtri", 0x25bf, 0x0, 0},
	{"dtrif", 0x25be, 0x0, 0}, {"duarr", 0x21f5, 0x0, 0},
	{"duhar", 0x296f, 0x0, 0}, {"dwangle", 0x29a6, 0x0, 0},
	{"dzcy", 0x45f, 0x0, 0}, {"dzigrarr", 0x27ff, 0x0, 0},
	{"eDDot", 0x2a77, 0x0, 0}, {"eDot", 0x2251, 0x0, 0},
	{"eacute", 0xe9, 0x0, 1}, {"easter", 0x2a6e, 0x0, 0},
	{"ecaron", 0x11b, 0x0, 0}, {"ecir", 0x2256, 0x0, 0},
	{"ecirc", 0xea, 0x0, 1}, {"ecolon", 0x2255, 0x0, 0},
	{"ecy", 0x44d, 0x0, 0}, {"edot", 0x117, 0x0, 0},
	{"ee", 0x2147, 0x0, 0}, {"efDot", 0x2252, 0x0, 0},
	{"efr", 0x1d522, 0x0, 0}, {"eg", 0x2a9a, 0x0, 0},
	{"egrave", 0xe8, 0x0, 1}, {"egs", 0x2a96, 0x0, 0},
	{"egsdot", 0x2a98, 0x0, 0}, {"el", 0x2a99, 0x0, 0},
	{"elinters", 0x23e7, 0x0, 0}, {"ell", 0x2113, 0x0, 0},
	{"els", 0x2a95, 0x0, 0}, {"elsdot", 0x2a97, 0x0, 0},
	{"emacr", 0x113, 0x0, 0}, {"empty", 0x2205, 0x0, 1},
	{"emptyset", 0x2205, 0x0, 0}, {"emptyv", 0x2205, 0x0, 0},
	{"emsp", 0x2003, 0x0, 1}, {"emsp13", 0x2004, 0x0, 0},
	{"emsp14", 0x2005, 0x0, 0}, {"eng", 0x14b, 0x0, 0},
	{"ensp", 0x2002, 0x0, 1}, {"eogon", 0x119, 0x0, 0},
	{"eopf", 0x1d556, 0x0, 0}, {"epar", 0x22d5, 0x0, 0},
	{"eparsl", 0x29e3, 0x0, 0}, {"eplus", 0x2a71, 0x0, 0},
	{"epsi", 0x3b5, 0x0, 0}, {"epsilon", 0x3b5, 0x0, 1},
	{"epsiv", 0x3f5, 0x0, 0}, {"eqcirc", 0x2256, 0x0, 0},
	{"eqcolon", 0x2255, 0x0, 0}, {"eqsim", 0x2242, 0x0, 0},
	{"eqslantgtr", 0x2a96, 0x0, 0}, {"eqslantless", 0x2a95, 0x0, 0},
	{"equals", 0x3d, 0x0, 0}, {"equest", 0x225f, 0x0, 0},
	{"equiv", 0x2261, 0x0, 1}, {"equivDD", 0x2a78, 0x0, 0},
	{"eqvparsl", 0x29e5, 0x0, 0}, {"erDot", 0x2253, 0x0, 0},
	{"erarr", 0x2971, 0x0, 0}, {"escr", 0x212f, 0x0, 0},
	{"esdot", 0x2250, 0x0, 0}, {"esim", 0x2242, 0x0, 0},
	{"eta", 0x3b7, 0x0, 1}, {"eth", 0xf0, 0x0, 1}, {"euml", 0xeb, 0x0, 1},
	{"euro", 0x20ac, 0x0, 1}, {"excl", 0x21, 0x0, 0},
	{"exist", 0x2203, 0x0, 1}, {"expectation", 0x2130, 0x0, 0},
	{"exponentiale", 0x2147, 0x0, 0}, {"fallingdotseq", 0x2252, 0x0, 0},
	{"fcy", 0x444, 0x0, 0}, {"female", 0x2640, 0x0, 0},
	{"ffilig", 0xfb03, 0x0, 0}, {"fflig", 0xfb00, 0x0, 0},
	{"ffllig", 0xfb04, 0x0, 0}, {"ffr", 0x1d523, 0x0, 0},
	{"filig", 0xfb01, 0x0, 0}, {"fjlig", 0x66, 0x6a, 0},
	{"flat", 0x266d, 0x0, 0}, {"fllig", 0xfb02, 0x0, 0},
	{"fltns", 0x25b1, 0x0, 0}, {"fnof", 0x192, 0x0, 1},
	{"fopf", 0x1d557, 0x0, 0}, {"forall", 0x2200, 0x0, 1},
	{"fork", 0x22d4, 0x0, 0}, {"forkv", 0x2ad9, 0x0, 0},
	{"fpartint", 0x2a0d, 0x0, 0}, {"frac12", 0xbd, 0x0, 1},
	{"frac13", 0x2153, 0x0, 0}, {"frac14", 0xbc, 0x0, 1},
	{"frac15", 0x2155, 0x0, 0}, {"frac16", 0x2159, 0x0, 0},
	{"frac18", 0x215b, 0x0, 0}, {"frac23", 0x2154, 0x0, 0},
	{"frac25", 0x2156, 0x0, 0}, {"frac34", 0xbe, 0x0, 1},
	{"frac35", 0x2157, 0x0, 0}, {"frac38", 0x215c, 0x0, 0},
	{"frac45", 0x2158, 0x0, 0}, {"frac56", 0x215a, 0x0, 0},
	{"frac58", 0x215d, 0x0, 0}, {"frac78", 0x215e, 0x0, 0},
	{"frasl", 0x2044, 0x0, 1}, {"frown", 0x2322, 0x0, 0},
	{"fscr", 0x1d4bb, 0x0, 0}, {"gE", 0x2267, 0x0, 0},
	{"gEl", 0x2a8c, 0x0, 0}, {"gacute", 0x1f5, 0x0, 0},
	{"gamma", 0x3b3, 0x0, 1}, {"gammad", 0x3dd, 0x0, 0},
	{"gap", 0x2a86, 0x0, 0}, {"gbreve", 0x11f, 0x0, 0},
	{"gcirc", 0x11d, 0x0, 0}, {"gcy", 0x433, 0x0, 0},
	{"gdot", 0x121, 0x0, 0}, {"ge", 0x2265, 0x0, 1},
	{"gel", 0x22db, 0x0, 0}, {"geq", 0x2265, 0x0, 0},
	{"geqq", 0x2267, 0x0, 0}, {"geqslant", 0x2a7e, 0x0, 0},
	{"ges", 0x2a7e, 0x0, 0}, {"gescc", 0x2aa9, 0x0, 0},
	{"gesdot", 0x2a80, 0x0, 0}, {"gesdoto", 0x2a82, 0x0, 0},
	{"gesdotol", 0x2a84, 0x0, 0}, {"gesl", 0x22db, 0xfe00, 0},
	{"gesles", 0x2a94, 0x0, 0}, {"gfr", 0x1d524, 0x0, 0},
	{"gg", 0x226b, 0x0, 0}, {"ggg", 0x22d9, 0x0, 0},
	{"gimel", 0x2137, 0x0, 0}, {"gjcy", 0x453, 0x0, 0},
	{"gl", 0x2277, 0x0, 0}, {"glE", 0x2a92, 0x0, 0},
	{"gla", 0x2aa5, 0x0, 0}, {"glj", 0x2aa4, 0x0, 0},
	{"gnE", 0x2269, 0x0, 0}, {"gnap", 0x2a8a, 0x0, 0},
	{"gnapprox", 0x2a8a, 0x0, 0}, {"gne", 0x2a88, 0x0, 0},
	{"gneq", 0x2a88, 0x0, 0}, {"gneqq", 0x2269, 0x0, 0},
	{"gnsim", 0x22e7, 0x0, 0}, {"gopf", 0x1d558, 0x0, 0},
	{"grave", 0x60, 0x0, 0}, {"gscr", 0x210a, 0x0, 0},
	{"gsim", 0x2273, 0x0, 0}, {"gsime", 0x2a8e, 0x0, 0},
	{"gsiml", 0x2a90, 0x0, 0}, {"gt", 0x3e, 0x0, 1},
	{"gtcc", 0x2aa7, 0x0, 0}, {"gtcir", 0x2a7a, 0x0, 0},
	{"gtdot", 0x22d7, 0x0, 0}, {"gtlPar", 0x2995, 0x0, 0},
	{"gtquest", 0x2a7c, 0x0, 0}, {"gtrapprox", 0x2a86, 0x0, 0},
	{"gtrarr", 0x2978, 0x0, 0}, {"gtrdot", 0x22d7, 0x0, 0},
	{"gtreqless", 0x22db, 0x0, 0}, {"gtreqqless", 0x2a8c, 0x0, 0},
	{"gtrless", 0x2277, 0x0, 0}, {"gtrsim", 0x2273, 0x0, 0},
	{"gvertneqq", 0x2269, 0xfe00, 0}, {"gvnE", 0x2269, 0xfe00, 0},
	{"hArr", 0x21d4, 0x0, 1}, {"hairsp", 0x200a, 0x0, 0},
	{"half", 0xbd, 0x0, 0}, {"hamilt", 0x210b, 0x0, 0},
	{"hardcy", 0x44a, 0x0, 0}, {"harr", 0x2194, 0x0, 1},
	{"harrcir", 0x2948, 0x0, 0}, {"harrw", 0x21ad, 0x0, 0},
	{"hbar", 0x210f, 0x0, 0}, {"hcirc", 0x125, 0x0, 0},
	{"hearts", 0x2665, 0x0, 1}, {"heartsuit", 0x2665, 0x0, 0},
	{"hellip", 0x2026, 0x0, 1}, {"hercon", 0x22b9, 0x0, 0},
	{"hfr", 0x1d525, 0x0, 0}, {"hksearow", 0x2925, 0x0, 0},
	{"hkswarow", 0x2926, 0x0, 0}, {"hoarr", 0x21ff, 0x0, 0},
	{"homtht", 0x223b, 0x0, 0}, {"hookleftarrow", 0x21a9, 0x0, 0},
	{"hookrightarrow", 0x21aa, 0x0, 0}, {"hopf", 0x1d559, 0x0, 0},
	{"horbar", 0x2015, 0x0, 0}, {"hscr", 0x1d4bd, 0x0, 0},
	{"hslash", 0x210f, 0x0, 0}, {"hstrok", 0x127, 0x0, 0},
	{"hybull", 0x2043, 0x0, 0}, {"hyphen", 0x2010, 0x0, 0},
	{"iacute", 0xed, 0x0, 1}, {"ic", 0x2063, 0x0, 0},
	{"icirc", 0xee, 0x0, 1}, {"icy", 0x438, 0x0, 0},
	{"iecy", 0x435, 0x0, 0}, {"iexcl", 0xa1, 0x0, 1},
	{"iff", 0x21d4, 0x0, 0}, {"ifr", 0x1d526, 0x0, 0},
	{"igrave", 0xec, 0x0, 1}, {"ii", 0x2148, 0x0, 0},
	{"iiiint", 0x2a0c, 0x0, 0}, {"iiint", 0x222d, 0x0, 0},
	{"iinfin", 0x29dc, 0x0, 0}, {"iiota", 0x2129, 0x0, 0},
	{"ijlig", 0x133, 0x0, 0}, {"imacr", 0x12b, 0x0, 0},
	{"image", 0x2111, 0x0, 1}, {"imagline", 0x2110, 0x0, 0},
	{"imagpart", 0x2111, 0x0, 0}, {"imath", 0x131, 0x0, 0},
	{"imof", 0x22b7, 0x0, 0}, {"imped", 0x1b5, 0x0, 0},
	{"in", 0x2208, 0x0, 0}, {"incare", 0x2105, 0x0, 0},
	{"infin", 0x221e, 0x0, 1}, {"infintie", 0x29dd, 0x0, 0},
	{"inodot", 0x131, 0x0, 0}, {"int", 0x222b, 0x0, 1},
	{"intcal", 0x22ba, 0x0, 0}, {"integers", 0x2124, 0x0, 0},
	{"intercal", 0x22ba, 0x0, 0}, {"intlarhk", 0x2a17, 0x0, 0},
	{"intprod", 0x2a3c, 0x0, 0}, {"iocy", 0x451, 0x0, 0},
	{"iogon", 0x12f, 0x0, 0}, {"iopf", 0x1d55a, 0x0, 0},
	{"iota", 0x3b9, 0x0, 1}, {"iprod", 0x2a3c, 0x0, 0},
	{"iquest", 0xbf, 0x0, 1}, {"iscr", 0x1d4be, 0x0, 0},
	{"isin", 0x2208, 0x0, 1}, {"isinE", 0x22f9, 0x0, 0},
	{"isindot", 0x22f5, 0x0, 0}, {"isins", 0x22f4, 0x0, 0},
	{"isinsv", 0x22f3, 0x0, 0}, {"isinv", 0x2208, 0x0, 0},
	{"it", 0x2062, 0x0, 0}, {"itilde", 0x129, 0x0, 0},
	{"iukcy", 0x456, 0x0, 0}, {"iuml", 0xef, 0x0, 1},
	{"jcirc", 0x135, 0x0, 0}, {"jcy", 0x439, 0x0, 0},
	{"jfr", 0x1d527, 0x0, 0}, {"jmath", 0x237, 0x0, 0},
	{"jopf", 0x1d55b, 0x0, 0}, {"jscr", 0x1d4bf, 0x0, 0},
	{"jsercy", 0x458, 0x0, 0}, {"jukcy", 0x454, 0x0, 0},
	{"kappa", 0x3ba, 0x0, 1}, {"kappav", 0x3f0, 0x0, 0},
	{"kcedil", 0x137, 0x0, 0}, {"kcy", 0x43a, 0x0, 0},
	{"kfr", 0x1d528, 0x0, 0}, {"kgreen", 0x138, 0x0, 0},
	{"khcy", 0x445, 0x0, 0}, {"kjcy", 0x45c, 0x0, 0},
	{"kopf", 0x1d55c, 0x0, 0}, {"kscr", 0x1d4c0, 0x0, 0},
	{"lAarr", 0x21da, 0x0, 0}, {"lArr", 0x21d0, 0x0, 1},
	{"lAtail", 0x291b, 0x0, 0}, {"lBarr", 0x290e, 0x0, 0},
	{"lE", 0x2266, 0x0, 0}, {"lEg", 0x2a8b, 0x0, 0},
	{"lHar", 0x2962, 0x0, 0}, {"lacute", 0x13a, 0x0, 0},
	{"laemptyv", 0x29b4, 0x0, 0}, {"lagran", 0x2112, 0x0, 0},
	{"lambda", 0x3bb, 0x0, 1}, {"lang", 0x2329, 0x0, 1},
	{"langd", 0x2991, 0x0, 0}, {"langle", 0x27e8, 0x0, 0},
	{"lap", 0x2a85, 0x0, 0}, {"laquo", 0xab, 0x0, 1},
	{"larr", 0x2190, 0x0, 1}, {"larrb", 0x21e4, 0x0, 0},
	{"larrbfs", 0x291f, 0x0, 0}, {"larrfs", 0x291d, 0x0, 0},
	{"larrhk", 0x21a9, 0x0, 0}, {"larrlp", 0x21ab, 0x0, 0},
	{"larrpl", 0x2939, 0x0, 0}, {"larrsim", 0x2973, 0x0, 0},
	{"larrtl", 0x21a2, 0x0, 0}, {"lat", 0x2aab, 0x0, 0},
	{"latail", 0x2919, 0x0, 0}, {"late", 0x2aad, 0x0, 0},
	{"lates", 0x2aad, 0xfe00, 0}, {"lbarr", 0x290c, 0x0, 0},
	{"lbbrk", 0x2772, 0x0, 0}, {"lbrace", 0x7b, 0x0, 0},
	{"lbrack", 0x5b, 0x0, 0}, {"lbrke", 0x298b, 0x0, 0},
	{"lbrksld", 0x298f, 0x0, 0}, {"lbrkslu", 0x298d, 0x0, 0},
	{"lcaron", 0x13e, 0x0, 0}, {"lcedil", 0x13c, 0x0, 0},
	{"lceil", 0x2308, 0x0, 1}, {"lcub", 0x7b, 0x0, 0},
	{"lcy", 0x43b, 0x0, 0}, {"ldca", 0x2936, 0x0, 0},
	{"ldquo", 0x201c, 0x0, 1}, {"ldquor", 0x201e, 0x0, 0},
	{"ldrdhar", 0x2967, 0x0, 0}, {"ldrushar", 0x294b, 0x0, 0},
	{"ldsh", 0x21b2, 0x0, 0}, {"le", 0x2264, 0x0, 1},
	{"leftarrow", 0x2190, 0x0, 0}, {"leftarrowtail", 0x21a2, 0x0, 0},
	{"leftharpoondown", 0x21bd, 0x0, 0},
	{"leftharpoonup", 0x21bc, 0x0, 0}, {"leftleftarrows", 0x21c7, 0x0, 0},
	{"leftrightarrow", 0x2194, 0x0, 0},
	{"leftrightarrows", 0x21c6, 0x0, 0},
	{"leftrightharpoons", 0x21cb, 0x0, 0},
	{"leftrightsquigarrow", 0x21ad, 0x0, 0},
	{"leftthreetimes", 0x22cb, 0x0, 0}, {"leg", 0x22da, 0x0, 0},
	{"leq", 0x2264, 0x0, 0}, {"leqq", 0x2266, 0x0, 0},
	{"leqslant", 0x2a7d, 0x0, 0}, {"les", 0x2a7d, 0x0, 0},
	{"lescc", 0x2aa8, 0x0, 0}, {"lesdot", 0x2a7f, 0x0, 0},
	{"lesdoto", 0x2a81, 0x0, 0}, {"lesdotor", 0x2a83, 0x0, 0},
	{"lesg", 0x22da, 0xfe00, 0}, {"lesges", 0x2a93, 0x0, 0},
	{"lessapprox", 0x2a85, 0x0, 0}, {"lessdot", 0x22d6, 0x0, 0},
	{"lesseqgtr", 0x22da, 0x0, 0}, {"lesseqqgtr", 0x2a8b, 0x0, 0},
	{"lessgtr", 0x2276, 0x0, 0}, {"lesssim", 0x2272, 0x0, 0},
	{"lfisht", 0x297c, 0x0, 0}, {"lfloor", 0x230a, 0x0, 1},
	{"lfr", 0x1d529, 0x0, 0}, {"lg", 0x2276, 0x0, 0},
	{"lgE", 0x2a91, 0x0, 0}, {"lhard", 0x21bd, 0x0, 0},
	{"lharu", 0x21bc, 0x0, 0}, {"lharul", 0x296a, 0x0, 0},
	{"lhblk", 0x2584, 0x0, 0}, {"ljcy", 0x459, 0x0, 0},
	{"ll", 0x226a, 0x0, 0}, {"llarr", 0x21c7, 0x0, 0},
	{"llcorner", 0x231e, 0x0, 0}, {"llhard", 0x296b, 0x0, 0},
	{"lltri", 0x25fa, 0x0, 0}, {"lmidot", 0x140, 0x0, 0},
	{"lmoust", 0x23b0, 0x0, 0}, {"lmoustache", 0x23b0, 0x0, 0},
	{"lnE", 0x2268, 0x0, 0}, {"lnap", 0x2a89, 0x0, 0},
	{"lnapprox", 0x2a89, 0x0, 0}, {"lne", 0x2a87, 0x0, 0},
	{"lneq", 0x2a87, 0x0, 0}, {"lneqq", 0x2268, 0x0, 0},
	{"lnsim", 0x22e6, 0x0, 0}, {"loang", 0x27ec, 0x0, 0},
	{"loarr", 0x21fd, 0x0, 0}, {"lobrk", 0x27e6, 0x0, 0},
	{"longleftarrow", 0x27f5, 0x0, 0},
	{"longleftrightarrow", 0x27f7, 0x0, 0},
	{"longmapsto", 0x27fc, 0x0, 0}, {"longrightarrow", 0x27f6, 0x0, 0},
	{"looparrowleft", 0x21ab, 0x0, 0}, {"looparrowright", 0x21ac, 0x0, 0},
	{"lopar", 0x2985, 0x0, 0}, {"lopf", 0x1d55d, 0x0, 0},
	{"loplus", 0x2a2d, 0x0, 0}, {"lotimes", 0x2a34, 0x0, 0},
	{"lowast", 0x2217, 0x0, 1}, {"lowbar", 0x5f, 0x0, 0},
	{"loz", 0x25ca, 0x0, 1}, {"lozenge", 0x25ca, 0x0, 0},
	{"lozf", 0x29eb, 0x0, 0}, {"lpar", 0x28, 0x0, 0},
	{"lparlt", 0x2993, 0x0, 0}, {"lrarr", 0x21c6, 0x0, 0},
	{"lrcorner", 0x231f, 0x0, 0}, {"lrhar", 0x21cb, 0x0, 0},
	{"lrhard", 0x296d, 0x0, 0}, {"lrm", 0x200e, 0x0, 1},
	{"lrtri", 0x22bf, 0x0, 0}, {"lsaquo", 0x2039, 0x0, 1},
	{"lscr", 0x1d4c1, 0x0, 0}, {"lsh", 0x21b0, 0x0, 0},
	{"lsim", 0x2272, 0x0, 0}, {"lsime", 0x2a8d, 0x0, 0},
	{"lsimg", 0x2a8f, 0x0, 0}, {"lsqb", 0x5b, 0x0, 0},
	{"lsquo", 0x2018, 0x0, 1}, {"lsquor", 0x201a, 0x0, 0},
	{"lstrok", 0x142, 0x0, 0}, {"lt", 0x3c, 0x0, 1},
	{"ltcc", 0x2aa6, 0x0, 0}, {"ltcir", 0x2a79, 0x0, 0},
	{"ltdot", 0x22d6, 0x0, 0}, {"lthree", 0x22cb, 0x0, 0},
	{"ltimes", 0x22c9, 0x0, 0}, {"ltlarr", 0x2976, 0x0, 0},
	{"ltquest", 0x2a7b, 0x0, 0}, {"ltrPar", 0x2996, 0x0, 0},
	{"ltri", 0x25c3, 0x0, 0}, {"ltrie", 0x22b4, 0x0, 0},
	{"ltrif", 0x25c2, 0x0, 0}, {"lurdshar", 0x294a, 0x0, 0},
	{"luruhar", 0x2966, 0x0, 0}, {"lvertneqq", 0x2268, 0xfe00, 0},
	{"lvnE", 0x2268, 0xfe00, 0}, {"mDDot", 0x223a, 0x0, 0},
	{"macr", 0xaf, 0x0, 1}, {"male", 0x2642, 0x0, 0},
	{"malt", 0x2720, 0x0, 0}, {"maltese", 0x2720, 0x0, 0},
	{"map", 0x21a6, 0x0, 0}, {"mapsto", 0x21a6, 0x0, 0},
	{"mapstodown", 0x21a7, 0x0, 0}, {"mapstoleft", 0x21a4, 0x0, 0},
	{"mapstoup", 0x21a5, 0x0, 0}, {"marker", 0x25ae, 0x0, 0},
	{"mcomma", 0x2a29, 0x0, 0}, {"mcy", 0x43c, 0x0, 0},
	{"mdash", 0x2014, 0x0, 1}, {"measuredangle", 0x2221, 0x0, 0},
	{"mfr", 0x1d52a, 0x0, 0}, {"mho", 0x2127, 0x0, 0},
	{"micro", 0xb5, 0x0, 1}, {"mid", 0x2223, 0x0, 0},
	{"midast", 0x2a, 0x0, 0}, {"midcir", 0x2af0, 0x0, 0},
	{"middot", 0xb7, 0x0, 1}, {"minus", 0x2212, 0x0, 1},
	{"minusb", 0x229f, 0x0, 0}, {"minusd", 0x2238, 0x0, 0},
	{"minusdu", 0x2a2a, 0x0, 0}, {"mlcp", 0x2adb, 0x0, 0},
	{"mldr", 0x2026, 0x0, 0}, {"mnplus", 0x2213, 0x0, 0},
	{"models", 0x22a7, 0x0, 0}, {"mopf", 0x1d55e, 0x0, 0},
	{"mp", 0x2213, 0x0, 0}, {"mscr", 0x1d4c2, 0x0, 0},
	{"mstpos", 0x223e, 0x0, 0}, {"mu", 0x3bc, 0x0, 1},
	{"multimap", 0x22b8, 0x0, 0}, {"mumap", 0x22b8, 0x0, 0},
	{"nGg", 0x22d9, 0x338, 0}, {"nGt", 0x226b, 0x20d2, 0},
	{"nGtv", 0x226b, 0x338, 0}, {"nLeftarrow", 0x21cd, 0x0, 0},
	{"nLeftrightarrow", 0x21ce, 0x0, 0}, {"nLl", 0x22d8, 0x338, 0},
	{"nLt", 0x226a, 0x20d2, 0}, {"nLtv", 0x226a, 0x338, 0},
	{"nRightarrow", 0x21cf, 0x0, 0}, {"nVDash", 0x22af, 0x0, 0},
	{"nVdash", 0x22ae, 0x0, 0}, {"nabla", 0x2207, 0x0, 1},
	{"nacute", 0x144, 0x0, 0}, {"nang", 0x2220, 0x20d2, 0},
	{"nap", 0x2249, 0x0, 0}, {"napE", 0x2a70, 0x338, 0},
	{"napid", 0x224b, 0x338, 0}, {"napos", 0x149, 0x0, 0},
	{"napprox", 0x2249, 0x0, 0}, {"natur", 0x266e, 0x0, 0},
	{"natural", 0x266e, 0x0, 0}, {"naturals", 0x2115, 0x0, 0},
	{"nbsp", 0xa0, 0x0, 1}, {"nbump", 0x224e, 0x338, 0},
	{"nbumpe", 0x224f, 0x338, 0}, {"ncap", 0x2a43, 0x0, 0},
	{"ncaron", 0x148, 0x0, 0}, {"ncedil", 0x146, 0x0, 0},
	{"ncong", 0x2247, 0x0, 0}, {"ncongdot", 0x2a6d, 0x338, 0},
	{"ncup", 0x2a42, 0x0, 0}, {"ncy", 0x43d, 0x0, 0},
	{"ndash", 0x2013, 0x0, 1}, {"ne", 0x2260, 0x0, 1},
	{"neArr", 0x21d7, 0x0, 0}, {"nearhk", 0x2924, 0x0, 0},
	{"nearr", 0x2197, 0x0, 0}, {"nearrow", 0x2197, 0x0, 0},
	{"nedot", 0x2250, 0x338, 0}, {"nequiv", 0x2262, 0x0, 0},
	{"nesear", 0x2928, 0x0, 0}, {"nesim", 0x2242, 0x338, 0},
	{"nexist", 0x2204, 0x0, 0}, {"nexists", 0x2204, 0x0, 0},
	{"nfr", 0x1d52b, 0x0, 0}, {"ngE", 0x2267, 0x338, 0},
	{"nge", 0x2271, 0x0, 0}, {"ngeq", 0x2271, 0x0, 0},
	{"ngeqq", 0x2267, 0x338, 0}, {"ngeqslant", 0x2a7e, 0x338, 0},
	{"nges", 0x2a7e, 0x338, 0}, {"ngsim", 0x2275, 0x0, 0},
	{"ngt", 0x226f, 0x0, 0}, {"ngtr", 0x226f, 0x0, 0},
	{"nhArr", 0x21ce, 0x0, 0}, {"nharr", 0x21ae, 0x0, 0},
	{"nhpar", 0x2af2, 0x0, 0}, {"ni", 0x220b, 0x0, 1},
	{"nis", 0x22fc, 0x0, 0}, {"nisd", 0x22fa, 0x0, 0},
	{"niv", 0x220b, 0x0, 0}, {"njcy", 0x45a, 0x0, 0},
	{"nlArr", 0x21cd, 0x0, 0}, {"nlE", 0x2266, 0x338, 0},
	{"nlarr", 0x219a, 0x0, 0}, {"nldr", 0x2025, 0x0, 0},
	{"nle", 0x2270, 0x0, 0}, {"nleftarrow", 0x219a, 0x0, 0},
	{"nleftrightarrow", 0x21ae, 0x0, 0}, {"nleq", 0x2270, 0x0, 0},
	{"nleqq", 0x2266, 0x338, 0}, {"nleqslant", 0x2a7d, 0x338, 0},
	{"nles", 0x2a7d, 0x338, 0}, {"nless", 0x226e, 0x0, 0},
	{"nlsim", 0x2274, 0x0, 0}, {"nlt", 0x226e, 0x0, 0},
	{"nltri", 0x22ea, 0x0, 0}, {"nltrie", 0x22ec, 0x0, 0},
	{"nmid", 0x2224, 0x0, 0}, {"nopf", 0x1d55f, 0x0, 0},
	{"not", 0xac, 0x0, 1}, {"notin", 0x2209, 0x0, 1},
	{"notinE", 0x22f9, 0x338, 0}, {"notindot", 0x22f5, 0x338, 0},
	{"notinva", 0x2209, 0x0, 0}, {"notinvb", 0x22f7, 0x0, 0},
	{"notinvc", 0x22f6, 0x0, 0}, {"notni", 0x220c, 0x0, 0},
	{"notniva", 0x220c, 0x0, 0}, {"notnivb", 0x22fe, 0x0, 0},
	{"notnivc", 0x22fd, 0x0, 0}, {"npar", 0x2226, 0x0, 0},
	{"nparallel", 0x2226, 0x0, 0}, {"nparsl", 0x2afd, 0x20e5, 0},
	{"npart", 0x2202, 0x338, 0}, {"npolint", 0x2a14, 0x0, 0},
	{"npr", 0x2280, 0x0, 0}, {"nprcue", 0x22e0, 0x0, 0},
	{"npre", 0x2aaf, 0x338, 0}, {"nprec", 0x2280, 0x0, 0},
	{"npreceq", 0x2aaf, 0x338, 0}, {"nrArr", 0x21cf, 0x0, 0},
	{"nrarr", 0x219b, 0x0, 0}, {"nrarrc", 0x2933, 0x338, 0},
	{"nrarrw", 0x219d, 0x338, 0}, {"nrightarrow", 0x219b, 0x0, 0},
	{"nrtri", 0x22eb, 0x0, 0}, {"nrtrie", 0x22ed, 0x0, 0},
	{"nsc", 0x2281, 0x0, 0}, {"nsccue", 0x22e1, 0x0, 0},
	{"nsce", 0x2ab0, 0x338, 0}, {"nscr", 0x1d4c3, 0x0, 0},
	{"nshortmid", 0x2224, 0x0, 0}, {"nshortparallel", 0x2226, 0x0, 0},
	{"nsim", 0x2241, 0x0, 0}, {"nsime", 0x2244, 0x0, 0},
	{"nsimeq", 0x2244, 0x0, 0}, {"nsmid", 0x2224, 0x0, 0},
	{"nspar", 0x2226, 0x0, 0}, {"nsqsube", 0x22e2, 0x0, 0},
	{"nsqsupe", 0x22e3, 0x0, 0}, {"nsub", 0x2284, 0x0, 1},
	{"nsubE", 0x2ac5, 0x338, 0}, {"nsube", 0x2288, 0x0, 0},
	{"nsubset", 0x2282, 0x20d2, 0}, {"nsubseteq", 0x2288, 0x0, 0},
	{"nsubseteqq", 0x2ac5, 0x338, 0}, {"nsucc", 0x2281, 0x0, 0},
	{"nsucceq", 0x2ab0, 0x338, 0}, {"nsup", 0x2285, 0x0, 0},
	{"nsupE", 0x2ac6, 0x338, 0}, {"nsupe", 0x2289, 0x0, 0},
	{"nsupset", 0x2283, 0x20d2, 0}, {"nsupseteq", 0x2289, 0x0, 0},
	{"nsupseteqq", 0x2ac6, 0x338, 0}, {"ntgl", 0x2279, 0x0, 0},
	{"ntilde", 0xf1, 0x0, 1}, {"ntlg", 0x2278, 0x0, 0},
	{"ntriangleleft", 0x22ea, 0x0, 0},
	{"ntrianglelefteq", 0x22ec, 0x0, 0},
	{"ntriangleright", 0x22eb, 0x0, 0},
	{"ntrianglerighteq", 0x22ed, 0x0, 0}, {"nu", 0x3bd, 0x0, 1},
	{"num", 0x23, 0x0, 0}, {"numero", 0x2116, 0x0, 0},
	{"numsp", 0x2007, 0x0, 0}, {"nvDash", 0x22ad, 0x0, 0},
	{"nvHarr", 0x2904, 0x0, 0}, {"nvap", 0x224d, 0x20d2, 0},
	{"nvdash", 0x22ac, 0x0, 0}, {"nvge", 0x2265, 0x20d2, 0},
	{"nvgt", 0x3e, 0x20d2, 0}, {"nvinfin", 0x29de, 0x0, 0},
	{"nvlArr", 0x2902, 0x0, 0}, {"nvle", 0x2264, 0x20d2, 0},
	{"nvlt", 0x3c, 0x20d2, 0}, {"nvltrie", 0x22b4, 0x20d2, 0},
	{"nvrArr", 0x2903, 0x0, 0}, {"nvrtrie", 0x22b5, 0x20d2, 0},
	{"nvsim", 0x223c, 0x20d2, 0}, {"nwArr", 0x21d6, 0x0, 0},
	{"nwarhk", 0x2923, 0x0, 0}, {"nwarr", 0x2196, 0x0, 0},
	{"nwarrow", 0x2196, 0x0, 0}, {"nwnear", 0x2927, 0x0, 0},
	{"oS", 0x24c8, 0x0, 0}, {"oacute", 0xf3, 0x0, 1},
	{"oast", 0x229b, 0x0, 0}, {"ocir", 0x229a, 0x0, 0},
	{"ocirc", 0xf4, 0x0, 1}, {"ocy", 0x43e, 0x0, 0},
	{"odash", 0x229d, 0x0, 0}, {"odblac", 0x151, 0x0, 0},
	{"odiv", 0x2a38, 0x0, 0}, {"odot", 0x2299, 0x0, 0},
	{"odsold", 0x29bc, 0x0, 0}, {"oelig", 0x153, 0x0, 1},
	{"ofcir", 0x29bf, 0x0, 0}, {"ofr", 0x1d52c, 0x0, 0},
	{"ogon", 0x2db, 0x0, 0}, {"ograve", 0xf2, 0x0, 1},
	{"ogt", 0x29c1, 0x0, 0}, {"ohbar", 0x29b5, 0x0, 0},
	{"ohm", 0x3a9, 0x0, 0}, {"oint", 0x222e, 0x0, 0},
	{"olarr", 0x21ba, 0x0, 0}, {"olcir", 0x29be, 0x0, 0},
	{"olcross", 0x29bb, 0x0, 0}, {"oline", 0x203e, 0x0, 1},
	{"olt", 0x29c0, 0x0, 0}, {"omacr", 0x14d, 0x0, 0},
	{"omega", 0x3c9, 0x0, 1}, {"omicron", 0x3bf, 0x0, 1},
	{"omid", 0x29b6, 0x0, 0}, {"ominus", 0x2296, 0x0, 0},
	{"oopf", 0x1d560, 0x0, 0}, {"opar", 0x29b7, 0x0, 0},
	{"operp", 0x29b9, 0x0, 0}, {"oplus", 0x2295, 0x0, 1},
	{"or", 0x2228, 0x0, 1}, {"orarr", 0x21bb, 0x0, 0},
	{"ord", 0x2a5d, 0x0, 0}, {"order", 0x2134, 0x0, 0},
	{"orderof", 0x2134, 0x0, 0}, {"ordf", 0xaa, 0x0, 1},
	{"ordm", 0xba, 0x0, 1}, {"origof", 0x22b6, 0x0, 0},
	{"oror", 0x2a56, 0x0, 0}, {"orslope", 0x2a57, 0x0, 0},
	{"orv", 0x2a5b, 0x0, 0}, {"oscr", 0x2134, 0x0, 0},
	{"oslash", 0xf8, 0x0, 1}, {"osol", 0x2298, 0x0, 0},
	{"otilde", 0xf5, 0x0, 1}, {"otimes", 0x2297, 0x0, 1},
	{"otimesas", 0x2a36, 0x0, 0}, {"ouml", 0xf6, 0x0, 1},
	{"ovbar", 0x233d, 0x0, 0}, {"par", 0x2225, 0x0, 0},
	{"para", 0xb6, 0x0, 1}, {"parallel", 0x2225, 0x0, 0},
	{"parsim", 0x2af3, 0x0, 0}, {"parsl", 0x2afd, 0x0, 0},
	{"part", 0x2202, 0x0, 1}, {"pcy", 0x43f, 0x0, 0},
	{"percnt", 0x25, 0x0, 0}, {"period", 0x2e, 0x0, 0},
	{"permil", 0x2030, 0x0, 1}, {"perp", 0x22a5, 0x0, 1},
	{"pertenk", 0x2031, 0x0, 0}, {"pfr", 0x1d52d, 0x0, 0},
	{"phi", 0x3c6, 0x0, 1}, {"phiv", 0x3d5, 0x0, 0},
	{"phmmat", 0x2133, 0x0, 0}, {"phone", 0x260e, 0x0, 0},
	{"pi", 0x3c0, 0x0, 1}, {"pitchfork", 0x22d4, 0x0, 0},
	{"piv", 0x3d6, 0x0, 1}, {"planck", 0x210f, 0x0, 0},
	{"planckh", 0x210e, 0x0, 0}, {"plankv", 0x210f, 0x0, 0},
	{"plus", 0x2b, 0x0, 0}, {"plusacir", 0x2a23, 0x0, 0},
	{"plusb", 0x229e, 0x0, 0}, {"pluscir", 0x2a22, 0x0, 0},
	{"plusdo", 0x2214, 0x0, 0}, {"plusdu", 0x2a25, 0x0, 0},
	{"pluse", 0x2a72, 0x0, 0}, {"plusmn", 0xb1, 0x0, 1},
	{"plussim", 0x2a26, 0x0, 0}, {"plustwo", 0x2a27, 0x0, 0},
	{"pm", 0xb1, 0x0, 0}, {"pointint", 0x2a15, 0x0, 0},
	{"popf", 0x1d561, 0x0, 0}, {"pound", 0xa3, 0x0, 1},
	{"pr", 0x227a, 0x0, 0}, {"prE", 0x2ab3, 0x0, 0},
	{"prap", 0x2ab7, 0x0, 0}, {"prcue", 0x227c, 0x0, 0},
	{"pre", 0x2aaf, 0x0, 0}, {"prec", 0x227a, 0x0, 0},
	{"precapprox", 0x2ab7, 0x0, 0}, {"preccurlyeq", 0x227c, 0x0, 0},
	{"preceq", 0x2aaf, 0x0, 0}, {"precnapprox", 0x2ab9, 0x0, 0},
	{"precneqq", 0x2ab5, 0x0, 0}, {"precnsim", 0x22e8, 0x0, 0},
	{"precsim", 0x227e, 0x0, 0}, {"prime", 0x2032, 0x0, 1},
	{"primes", 0x2119, 0x0, 0}, {"prnE", 0x2ab5, 0x0, 0},
	{"prnap", 0x2ab9, 0x0, 0}, {"prnsim", 0x22e8, 0x0, 0},
	{"prod", 0x220f, 0x0, 1}, {"profalar", 0x232e, 0x0, 0},
	{"profline", 0x2312, 0x0, 0}, {"profsurf", 0x2313, 0x0, 0},
	{"prop", 0x221d, 0x0, 1}, {"propto", 0x221d, 0x0, 0},
	{"prsim", 0x227e, 0x0, 0}, {"prurel", 0x22b0, 0x0, 0},
	{"pscr", 0x1d4c5, 0x0, 0}, {"psi", 0x3c8, 0x0, 1},
	{"puncsp", 0x2008, 0x0, 0}, {"qfr", 0x1d52e, 0x0, 0},
	{"qint", 0x2a0c, 0x0, 0}, {"qopf", 0x1d562, 0x0, 0},
	{"qprime", 0x2057, 0x0, 0}, {"qscr", 0x1d4c6, 0x0, 0},
	{"quaternions", 0x210d, 0x0, 0}, {"quatint", 0x2a16, 0x0, 0},
	{"quest", 0x3f, 0x0, 0}, {"questeq", 0x225f, 0x0, 0},
	{"quot", 0x22, 0x0, 1}, {"rAarr", 0x21db, 0x0, 0},
	{"rArr", 0x21d2, 0x0, 1}, {"rAtail", 0x291c, 0x0, 0},
	{"rBarr", 0x290f, 0x0, 0}, {"rHar", 0x2964, 0x0, 0},
	{"race", 0x223d, 0x331, 0}, {"racute", 0x155, 0x0, 0},
	{"radic", 0x221a, 0x0, 1}, {"raemptyv", 0x29b3, 0x0, 0},
	{"rang", 0x232a, 0x0, 1}, {"rangd", 0x2992, 0x0, 0},
	{"range", 0x29a5, 0x0, 0}, {"rangle", 0x27e9, 0x0, 0},
	{"raquo", 0xbb, 0x0, 1}, {"rarr", 0x2192, 0x0, 1},
	{"rarrap", 0x2975, 0x0, 0}, {"rarrb", 0x21e5, 0x0, 0},
	{"rarrbfs", 0x2920, 0x0, 0}, {"rarrc", 0x2933, 0x0, 0},
	{"rarrfs", 0x291e, 0x0, 0}, {"rarrhk", 0x21aa, 0x0, 0},
	{"rarrlp", 0x21ac, 0x0, 0}, {"rarrpl", 0x2945, 0x0, 0},
	{"rarrsim", 0x2974, 0x0, 0}, {"rarrtl", 0x21a3, 0x0, 0},
	{"rarrw", 0x219d, 0x0, 0}, {"ratail", 0x291a, 0x0, 0},
	{"ratio", 0x2236, 0x0, 0}, {"rationals", 0x211a, 0x0, 0},
	{"rbarr", 0x290d, 0x0, 0}, {"rbbrk", 0x2773, 0x0, 0},
	{"rbrace", 0x7d, 0x0, 0}, {"rbrack", 0x5d, 0x0, 0},
	{"rbrke", 0x298c, 0x0, 0}, {"rbrksld", 0x298e, 0x0, 0},
	{"rbrkslu", 0x2990, 0x0, 0}, {"rcaron", 0x159, 0x0, 0},
	{"rcedil", 0x157, 0x0, 0}, {"rceil", 0x2309, 0x0, 1},
	{"rcub", 0x7d, 0x0, 0}, {"rcy", 0x440, 0x0, 0},
	{"rdca", 0x2937, 0x0, 0}, {"rdldhar", 0x2969, 0x0, 0},
	{"rdquo", 0x201d, 0x0, 1}, {"rdquor", 0x201d, 0x0, 0},
	{"rdsh", 0x21b3, 0x0, 0}, {"real", 0x211c, 0x0, 1},
	{"realine", 0x211b, 0x0, 0}, {"realpart", 0x211c, 0x0, 0},
	{"reals", 0x211d, 0x0, 0}, {"rect", 0x25ad, 0x0, 0},
	{"reg", 0xae, 0x0, 1}, {"rfisht", 0x297d, 0x0, 0},
	{"rfloor", 0x230b, 0x0, 1}, {"rfr", 0x1d52f, 0x0, 0},
	{"rhard", 0x21c1, 0x0, 0}, {"rharu", 0x21c0, 0x0, 0},
	{"rharul", 0x296c, 0x0, 0}, {"rho", 0x3c1, 0x0, 1},
	{"rhov", 0x3f1, 0x0, 0}, {"rightarrow", 0x2192, 0x0, 0},
	{"rightarrowtail", 0x21a3, 0x0, 0},
	{"rightharpoondown", 0x21c1, 0x0, 0},
	{"rightharpoonup", 0x21c0, 0x0, 0},
	{"rightleftarrows", 0x21c4, 0x0, 0},
	{"rightleftharpoons", 0x21cc, 0x0, 0},
	{"rightrightarrows", 0x21c9, 0x0, 0},
	{"rightsquigarrow", 0x219d, 0x0, 0},
	{"rightthreetimes", 0x22cc, 0x0, 0}, {"ring", 0x2da, 0x0, 0},
	{"risingdotseq", 0x2253, 0x0, 0}, {"rlarr", 0x21c4, 0x0, 0},
	{"rlhar", 0x21cc, 0x0, 0}, {"rlm", 0x200f, 0x0, 1},
	{"rmoust", 0x23b1, 0x0, 0}, {"rmoustache", 0x23b1, 0x0, 0},
	{"rnmid", 0x2aee, 0x0, 0}, {"roang", 0x27ed, 0x0, 0},
	{"roarr", 0x21fe, 0x0, 0}, {"robrk", 0x27e7, 0x0, 0},
	{"ropar", 0x2986, 0x0, 0}, {"ropf", 0x1d563, 0x0, 0},
	{"roplus", 0x2a2e, 0x0, 0}, {"rotimes", 0x2a35, 0x0, 0},
	{"rpar", 0x29, 0x0, 0}, {"rpargt", 0x2994, 0x0, 0},
	{"rppolint", 0x2a12, 0x0, 0}, {"rrarr", 0x21c9, 0x0, 0},
	{"rsaquo", 0x203a, 0x0, 1}, {"rscr", 0x1d4c7, 0x0, 0},
	{"rsh", 0x21b1, 0x0, 0}, {"rsqb", 0x5d, 0x0, 0},
	{"rsquo", 0x2019, 0x0, 1}, {"rsquor", 0x2019, 0x0, 0},
	{"rthree", 0x22cc, 0x0, 0}, {"rtimes", 0x22ca, 0x0, 0},
	{"rtri", 0x25b9, 0x0, 0}, {"rtrie", 0x22b5, 0x0, 0},
	{"rtrif", 0x25b8, 0x0, 0}, {"rtriltri", 0x29ce, 0x0, 0},
	{"ruluhar", 0x2968, 0x0, 0}, {"rx", 0x211e, 0x0, 0},
	{"sacute", 0x15b, 0x0, 0}, {"sbquo", 0x201a, 0x0, 1},
	{"sc", 0x227b, 0x0, 0}, {"scE", 0x2ab4, 0x0, 0},
	{"scap", 0x2ab8, 0x0, 0}, {"scaron", 0x161, 0x0, 1},
	{"sccue", 0x227d, 0x0, 0}, {"sce", 0x2ab0, 0x0, 0},
	{"scedil", 0x15f, 0x0, 0}, {"scirc", 0x15d, 0x0, 0},
	{"scnE", 0x2ab6, 0x0, 0}, {"scnap", 0x2aba, 0x0, 0},
	{"scnsim", 0x22e9, 0x0, 0}, {"scpolint", 0x2a13, 0x0, 0},
	{"scsim", 0x227f, 0x0, 0}, {"scy", 0x441, 0x0, 0},
	{"sdot", 0x22c5, 0x0, 1}, {"sdotb", 0x22a1, 0x0, 0},
	{"sdote", 0x2a66, 0x0, 0}, {"seArr", 0x21d8, 0x0, 0},
	{"searhk", 0x2925, 0x0, 0}, {"searr", 0x2198, 0x0, 0},
	{"searrow", 0x2198, 0x0, 0}, {"sect", 0xa7, 0x0, 1},
	{"semi", 0x3b, 0x0, 0}, {"seswar", 0x2929, 0x0, 0},
	{"setminus", 0x2216, 0x0, 0}, {"setmn", 0x2216, 0x0, 0},
	{"sext", 0x2736, 0x0, 0}, {"sfr", 0x1d530, 0x0, 0},
	{"sfrown", 0x2322, 0x0, 0}, {"sharp", 0x266f, 0x0, 0},
	{"shchcy", 0x449, 0x0, 0}, {"shcy", 0x448, 0x0, 0},
	{"shortmid", 0x2223, 0x0, 0}, {"shortparallel", 0x2225, 0x0, 0},
	{"shy", 0xad, 0x0, 1}, {"sigma", 0x3c3, 0x0, 1},
	{"sigmaf", 0x3c2, 0x0, 1}, {"sigmav", 0x3c2, 0x0, 0},
	{"sim", 0x223c, 0x0, 1}, {"simdot", 0x2a6a, 0x0, 0},
	{"sime", 0x2243, 0x0, 0}, {"simeq", 0x2243, 0x0, 0},
	{"simg", 0x2a9e, 0x0, 0}, {"simgE", 0x2aa0, 0x0, 0},
	{"siml", 0x2a9d, 0x0, 0}, {"simlE", 0x2a9f, 0x0, 0},
	{"simne", 0x2246, 0x0, 0}, {"simplus", 0x2a24, 0x0, 0},
	{"simrarr", 0x2972, 0x0, 0}, {"slarr", 0x2190, 0x0, 0},
	{"smallsetminus", 0x2216, 0x0, 0}, {"smashp", 0x2a33, 0x0, 0},
	{"smeparsl", 0x29e4, 0x0, 0}, {"smid", 0x2223, 0x0, 0},
	{"smile", 0x2323, 0x0, 0}, {"smt", 0x2aaa, 0x0, 0},
	{"smte", 0x2aac, 0x0, 0}, {"smtes", 0x2aac, 0xfe00, 0},
	{"softcy", 0x44c, 0x0, 0}, {"sol", 0x2f, 0x0, 0},
	{"solb", 0x29c4, 0x0, 0}, {"solbar", 0x233f, 0x0, 0},
	{"sopf", 0x1d564, 0x0, 0}, {"spades", 0x2660, 0x0, 1},
	{"spadesuit", 0x2660, 0x0, 0}, {"spar", 0x2225, 0x0, 0},
	{"sqcap", 0x2293, 0x0, 0}, {"sqcaps", 0x2293, 0xfe00, 0},
	{"sqcup", 0x2294, 0x0, 0}, {"sqcups", 0x2294, 0xfe00, 0},
	{"sqsub", 0x228f, 0x0, 0}, {"sqsube", 0x2291, 0x0, 0},
	{"sqsubset", 0x228f, 0x0, 0}, {"sqsubseteq", 0x2291, 0x0, 0},
	{"sqsup", 0x2290, 0x0, 0}, {"sqsupe", 0x2292, 0x0, 0},
	{"sqsupset", 0x2290, 0x0, 0}, {"sqsupseteq", 0x2292, 0x0, 0},
	{"squ", 0x25a1, 0x0, 0}, {"square", 0x25a1, 0x0, 0},
	{"squarf", 0x25aa, 0x0, 0}, {"squf", 0x25aa, 0x0, 0},
	{"srarr", 0x2192, 0x0, 0}, {"sscr", 0x1d4c8, 0x0, 0},
	{"ssetmn", 0x2216, 0x0, 0}, {"ssmile", 0x2323, 0x0, 0},
	{"sstarf", 0x22c6, 0x0, 0}, {"star", 0x2606, 0x0, 0},
	{"starf", 0x2605, 0x0, 0}, {"straightepsilon", 0x3f5, 0x0, 0},
	{"straightphi", 0x3d5, 0x0, 0}, {"strns", 0xaf, 0x0, 0},
	{"sub", 0x2282, 0x0, 1}, {"subE", 0x2ac5, 0x0, 0},
	{"subdot", 0x2abd, 0x0, 0}, {"sube", 0x2286, 0x0, 1},
	{"subedot", 0x2ac3, 0x0, 0}, {"submult", 0x2ac1, 0x0, 0},
	{"subnE", 0x2acb, 0x0, 0}, {"subne", 0x228a, 0x0, 0},
	{"subplus", 0x2abf, 0x0, 0}, {"subrarr", 0x2979, 0x0, 0},
	{"subset", 0x2282, 0x0, 0}, {"subseteq", 0x2286, 0x0, 0},
	{"subseteqq", 0x2ac5, 0x0, 0}, {"subsetneq", 0x228a, 0x0, 0},
	{"subsetneqq", 0x2acb, 0x0, 0}, {"subsim", 0x2ac7, 0x0, 0},
	{"subsub", 0x2ad5, 0x0, 0}, {"subsup", 0x2ad3, 0x0, 0},
	{"succ", 0x227b, 0x0, 0}, {"succapprox", 0x2ab8, 0x0, 0},
	{"succcurlyeq", 0x227d, 0x0, 0}, {"succeq", 0x2ab0, 0x0, 0},
	{"succnapprox", 0x2aba, 0x0, 0}, {"succneqq", 0x2ab6, 0x0, 0},
	{"succnsim", 0x22e9, 0x0, 0}, {"succsim", 0x227f, 0x0, 0},
	{"sum", 0x2211, 0x0, 1}, {"sung", 0x266a, 0x0, 0},
	{"sup", 0x2283, 0x0, 1}, {"sup1", 0xb9, 0x0, 1},
	{"sup2", 0xb2, 0x0, 1}, {"sup3", 0xb3, 0x0, 1},
	{"supE", 0x2ac6, 0x0, 0}, {"supdot", 0x2abe, 0x0, 0},
	{"supdsub", 0x2ad8, 0x0, 0}, {"supe", 0x2287, 0x0, 1},
	{"supedot", 0x2ac4, 0x0, 0}, {"suphsol", 0x27c9, 0x0, 0},
	{"suphsub", 0x2ad7, 0x0, 0}, {"suplarr", 0x297b, 0x0, 0},
	{"supmult", 0x2ac2, 0x0, 0}, {"supnE", 0x2acc, 0x0, 0},
	{"supne", 0x228b, 0x0, 0}, {"supplus", 0x2ac0, 0x0, 0},
	{"supset", 0x2283, 0x0, 0}, {"supseteq", 0x2287, 0x0, 0},
	{"supseteqq", 0x2ac6, 0x0, 0}, {"supsetneq", 0x228b, 0x0, 0},
	{"supsetneqq", 0x2acc, 0x0, 0}, {"supsim", 0x2ac8, 0x0, 0},
	{"supsub", 0x2ad4, 0x0, 0}, {"supsup", 0x2ad6, 0x0, 0},
	{"swArr", 0x21d9, 0x0, 0}, {"swarhk", 0x2926, 0x0, 0},
	{"swarr", 0x2199, 0x0, 0}, {"swarrow", 0x2199, 0x0, 0},
	{"swnwar", 0x292a, 0x0, 0}, {"szlig", 0xdf, 0x0, 1},
	{"target", 0x2316, 0x0, 0}, {"tau", 0x3c4, 0x0, 1},
	{"tbrk", 0x23b4, 0x0, 0}, {"tcaron", 0x165, 0x0, 0},
	{"tcedil", 0x163, 0x0, 0}, {"tcy", 0x442, 0x0, 0},
	{"tdot", 0x20db, 0x0, 0}, {"telrec", 0x2315, 0x0, 0},
	{"tfr", 0x1d531, 0x0, 0}, {"there4", 0x2234, 0x0, 1},
	{"therefore", 0x2234, 0x0, 0}, {"theta", 0x3b8, 0x0, 1},
	{"thetasym", 0x3d1, 0x0, 1}, {"thetav", 0x3d1, 0x0, 0},
	{"thickapprox", 0x2248, 0x0, 0}, {"thicksim", 0x223c, 0x0, 0},
	{"thinsp", 0x2009, 0x0, 1}, {"thkap", 0x2248, 0x0, 0},
	{"thksim", 0x223c, 0x0, 0}, {"thorn", 0xfe, 0x0, 1},
	{"tilde", 0x2dc, 0x0, 1}, {"times", 0xd7, 0x0, 1},
	{"timesb", 0x22a0, 0x0, 0}, {"timesbar", 0x2a31, 0x0, 0},
	{"timesd", 0x2a30, 0x0, 0}, {"tint", 0x222d, 0x0, 0},
	{"toea", 0x2928, 0x0, 0}, {"top", 0x22a4, 0x0, 0},
	{"topbot", 0x2336, 0x0, 0}, {"topcir", 0x2af1, 0x0, 0},
	{"topf", 0x1d565, 0x0, 0}, {"topfork", 0x2ada, 0x0, 0},
	{"tosa", 0x2929, 0x0, 0}, {"tprime", 0x2034, 0x0, 0},
	{"trade", 0x2122, 0x0, 1}, {"triangle", 0x25b5, 0x0, 0},
	{"triangledown", 0x25bf, 0x0, 0}, {"triangleleft", 0x25c3, 0x0, 0},
	{"trianglelefteq", 0x22b4, 0x0, 0}, {"triangleq", 0x225c, 0x0, 0},
	{"triangleright", 0x25b9, 0x0, 0},
	{"trianglerighteq", 0x22b5, 0x0, 0}, {"tridot", 0x25ec, 0x0, 0},
	{"trie", 0x225c, 0x0, 0}, {"triminus", 0x2a3a, 0x0, 0},
	{"triplus", 0x2a39, 0x0, 0}, {"trisb", 0x29cd, 0x0, 0},
	{"tritime", 0x2a3b, 0x0, 0}, {"trpezium", 0x23e2, 0x0, 0},
	{"tscr", 0x1d4c9, 0x0, 0}, {"tscy", 0x446, 0x0, 0},
	{"tshcy", 0x45b, 0x0, 0}, {"tstrok", 0x167, 0x0, 0},
	{"twixt", 0x226c, 0x0, 0}, {"twoheadleftarrow", 0x219e, 0x0, 0},
	{"twoheadrightarrow", 0x21a0, 0x0, 0}, {"uArr", 0x21d1, 0x0, 1},
	{"uHar", 0x2963, 0x0, 0}, {"uacute", 0xfa, 0x0, 1},
	{"uarr", 0x2191, 0x0, 1}, {"ubrcy", 0x45e, 0x0, 0},
	{"ubreve", 0x16d, 0x0, 0}, {"ucirc", 0xfb, 0x0, 1},
	{"ucy", 0x443, 0x0, 0}, {"udarr", 0x21c5, 0x0, 0},
	{"udblac", 0x171, 0x0, 0}, {"udhar", 0x296e, 0x0, 0},
	{"ufisht", 0x297e, 0x0, 0}, {"ufr", 0x1d532, 0x0, 0},
	{"ugrave", 0xf9, 0x0, 1}, {"uharl", 0x21bf, 0x0, 0},
	{"uharr", 0x21be, 0x0, 0}, {"uhblk", 0x2580, 0x0, 0},
	{"ulcorn", 0x231c, 0x0, 0}, {"ulcorner", 0x231c, 0x0, 0},
	{"ulcrop", 0x230f, 0x0, 0}, {"ultri", 0x25f8, 0x0, 0},
	{"umacr", 0x16b, 0x0, 0}, {"uml", 0xa8, 0x0, 1},
	{"uogon", 0x173, 0x0, 0}, {"uopf", 0x1d566, 0x0, 0},
	{"uparrow", 0x2191, 0x0, 0}, {"updownarrow", 0x2195, 0x0, 0},
	{"upharpoonleft", 0x21bf, 0x0, 0}, {"upharpoonright", 0x21be, 0x0, 0},
	{"uplus", 0x228e, 0x0, 0}, {"upsi", 0x3c5, 0x0, 0},
	{"upsih", 0x3d2, 0x0, 1}, {"upsilon", 0x3c5, 0x0, 1},
	{"upuparrows", 0x21c8, 0x0, 0}, {"urcorn", 0x231d, 0x0, 0},
	{"urcorner", 0x231d, 0x0, 0}, {"urcrop", 0x230e, 0x0, 0},
	{"uring", 0x16f, 0x0, 0}, {"urtri", 0x25f9, 0x0, 0},
	{"uscr", 0x1d4ca, 0x0, 0}, {"utdot", 0x22f0, 0x0, 0},
	{"utilde", 0x169, 0x0, 0}, {"utri", 0x25b5, 0x0, 0},
	{"utrif", 0x25b4, 0x0, 0}, {"uuarr", 0x21c8, 0x0, 0},
	{"uuml", 0xfc, 0x0, 1}, {"uwangle", 0x29a7, 0x0, 0},
	{"vArr", 0x21d5, 0x0, 0}, {"vBar", 0x2ae8, 0x0, 0},
	{"vBarv", 0x2ae9, 0x0, 0}, {"vDash", 0x22a8, 0x0, 0},
	{"vangrt", 0x299c, 0x0, 0}, {"varepsilon", 0x3f5, 0x0, 0},
	{"varkappa", 0x3f0, 0x0, 0}, {"varnothing", 0x2205, 0x0, 0},
	{"varphi", 0x3d5, 0x0, 0}, {"varpi", 0x3d6, 0x0, 0},
	{"varpropto", 0x221d, 0x0, 0}, {"varr", 0x2195, 0x0, 0},
	{"varrho", 0x3f1, 0x0, 0}, {"varsigma", 0x3c2, 0x0, 0},
	{"varsubsetneq", 0x228a, 0xfe00, 0},
	{"varsubsetneqq", 0x2acb, 0xfe00, 0},
	{"varsupsetneq", 0x228b, 0xfe00, 0},
	{"varsupsetneqq", 0x2acc, 0xfe00, 0}, {"vartheta", 0x3d1, 0x0, 0},
	{"vartriangleleft", 0x22b2, 0x0, 0},
	{"vartriangleright", 0x22b3, 0x0, 0}, {"vcy", 0x432, 0x0, 0},
	{"vdash", 0x22a2, 0x0, 0}, {"vee", 0x2228, 0x0, 0},
	{"veebar", 0x22bb, 0x0, 0}, {"veeeq", 0x225a, 0x0, 0},
	{"vellip", 0x22ee, 0x0, 0}, {"verbar", 0x7c, 0x0, 0},
	{"vert", 0x7c, 0x0, 0}, {"vfr", 0x1d533, 0x0, 0},
	{"vltri", 0x22b2, 0x0, 0}, {"vnsub", 0x2282, 0x20d2, 0},
	{"vnsup", 0x2283, 0x20d2, 0}, {"vopf", 0x1d567, 0x0, 0},
	{"vprop", 0x221d, 0x0, 0}, {"vrtri", 0x22b3, 0x0, 0},
	{"vscr", 0x1d4cb, 0x0, 0}, {"vsubnE", 0x2acb, 0xfe00, 0},
	{"vsubne", 0x228a, 0xfe00, 0}, {"vsupnE", 0x2acc, 0xfe00, 0},
	{"vsupne", 0x228b, 0xfe00, 0}, {"vzigzag", 0x299a, 0x0, 0},
	{"wcirc", 0x175, 0x0, 0}, {"wedbar", 0x2a5f, 0x0, 0},
	{"wedge", 0x2227, 0x0, 0}, {"wedgeq", 0x2259, 0x0, 0},
	{"weierp", 0x2118, 0x0, 1}, {"wfr", 0x1d534, 0x0, 0},
	{"wopf", 0x1d568, 0x0, 0}, {"wp", 0x2118, 0x0, 0},
	{"wr", 0x2240, 0x0, 0}, {"wreath", 0x2240, 0x0, 0},
	{"wscr", 0x1d4cc, 0x0, 0}, {"xcap", 0x22c2, 0x0, 0},
	{"xcirc", 0x25ef, 0x0, 0}, {"xcup", 0x22c3, 0x0, 0},
	{"xdtri", 0x25bd, 0x0, 0}, {"xfr", 0x1d535, 0x0, 0},
	{"xhArr", 0x27fa, 0x0, 0}, {"xharr", 0x27f7, 0x0, 0},
	{"xi", 0x3be, 0x0, 1}, {"xlArr", 0x27f8, 0x0, 0},
	{"xlarr", 0x27f5, 0x0, 0}, {"xmap", 0x27fc, 0x0, 0},
	{"xnis", 0x22fb, 0x0, 0}, {"xodot", 0x2a00, 0x0, 0},
	{"xopf", 0x1d569, 0x0, 0}, {"xoplus", 0x2a01, 0x0, 0},
	{"xotime", 0x2a02, 0x0, 0}, {"xrArr", 0x27f9, 0x0, 0},
	{"xrarr", 0x27f6, 0x0, 0}, {"xscr", 0x1d4cd, 0x0, 0},
	{"xsqcup", 0x2a06, 0x0, 0}, {"xuplus", 0x2a04, 0x0, 0},
	{"xutri", 0x25b3, 0x0, 0}, {"xvee", 0x22c1, 0x0, 0},
	{"xwedge", 0x22c0, 0x0, 0}, {"yacute", 0xfd, 0x0, 1},
	{"yacy", 0x44f, 0x0, 0}, {"ycirc", 0x177, 0x0, 0},
	{"ycy", 0x44b, 0x0, 0}, {"yen", 0xa5, 0x0, 1},
	{"yfr", 0x1d536, 0x0, 0}, {"yicy", 0x457, 0x0, 0},
	{"yopf", 0x1d56a, 0x0, 0}, {"yscr", 0x1d4ce, 0x0, 0},
	{"yucy", 0x44e, 0x0, 0}, {"yuml", 0xff, 0x0, 1},
	{"zacute", 0x17a, 0x0, 0}, {"zcaron", 0x17e, 0x0, 0},
	{"zcy", 0x437, 0x0, 0}, {"zdot", 0x17c, 0x0, 0},
	{"zeetrf", 0x2128, 0x0, 0}, {"zeta", 0x3b6, 0x0, 1},
	{"zfr", 0x1d537, 0x0, 0}, {"zhcy", 0x436, 0x0, 0},
	{"zigrarr", 0x21dd, 0x0, 0}, {"zopf", 0x1d56b, 0x0, 0},
	{"zscr", 0x1d4cf, 0x0, 0}, {"zwj", 0x200d, 0x0, 1},
	{"zwnj", 0x200c, 0x0, 1},
};
/* clang-format on */


struct name_key {
	const char *s;
	size_t len;
};

static int
entity_cmp(const void *k, const void *e)
{
	const struct name_key *key = k;
	const char *name = ((const struct entity *)e)->name;
	int c = strncmp(key->s, name, key->len);

	if (c != 0)
		return c;
	return name[key->len] == '\0' ? 0 : -1;
}

static const struct entity *
entity_find(const char *name, size_t len)
{
	struct name_key key = {name, len};

	if (len == 0 || len > 32 || memchr(name, '\0', len))
		return NULL;
	return bsearch(&key, entities, ARRAY_LEN(entities), sizeof(entities[0]),
	    entity_cmp);
}

size_t
html_entity(const char *name, size_t len, uint32_t cp[2])
{
	const struct entity *e = entity_find(name, len);

	if (!e)
		return 0;
	cp[0] = e->cp1;
	cp[1] = e->cp2;
	return e->cp2 ? 2 : 1;
}

/* ---- html_prepare ---------------------------------------------------- */

/* Bytes html_prepare passes through untouched: printable ASCII but '&'
 * and '<', DEL, and tab, newline and carriage return. */
static const unsigned char quiet[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};


/* The end of the run of quiet bytes from u[i], sixteen at a time with
 * SSE2 (every x86-64 has it: a signed compare below 0x20 flags controls
 * and bytes from 0x80 at once, tab, newline and carriage return are let
 * through, '&' and '<' stop), else eight at a time (bit tricks on a
 * 64-bit word: no byte below 0x20 or above 0x7f, none equal to '&' or
 * '<', so a line break ends the word). */
static size_t
quiet_run(const unsigned char *u, size_t i, size_t len)
{
#if defined(__SSE2__)
	const __m128i sp = _mm_set1_epi8(0x20), amp = _mm_set1_epi8('&'),
	    lt = _mm_set1_epi8('<'), nl = _mm_set1_epi8('\n'),
	    tab = _mm_set1_epi8('\t'), cr = _mm_set1_epi8('\r');

	for (;;) {
		while (len - i >= 16) {
			__m128i x = _mm_loadu_si128(
			    (const __m128i *)(const void *)(u + i));
			__m128i ws = _mm_or_si128(_mm_or_si128(
			    _mm_cmpeq_epi8(x, nl), _mm_cmpeq_epi8(x, tab)),
			    _mm_cmpeq_epi8(x, cr));
			__m128i bad = _mm_or_si128(
			    _mm_andnot_si128(ws, _mm_cmplt_epi8(x, sp)),
			    _mm_or_si128(_mm_cmpeq_epi8(x, amp),
			    _mm_cmpeq_epi8(x, lt)));
			unsigned m = (unsigned)_mm_movemask_epi8(bad);
			if (m)
				return i + (size_t)__builtin_ctz(m);
			i += 16;
		}
		if (i >= len || !quiet[u[i]])
			return i;
		i++;
	}
#else
	const uint64_t ones = 0x0101010101010101u, high = ones * 0x80;

	for (;;) {
		while (len - i >= 8) {
			uint64_t x, a, l;
			memcpy(&x, u + i, 8);
			a = x ^ (ones * '&');
			l = x ^ (ones * '<');
			if ((((x - ones * 0x20) & ~x) | x |
			    ((a - ones) & ~a) | ((l - ones) & ~l)) & high)
				break;
			i += 8;
		}
		if (i >= len || !quiet[u[i]])
			return i;
		i++;
	}
#endif
}

/* Names declared by <!ENTITY in the internal subset. */
#define MAX_DECLARED 128

struct declared {
	const char *s;
	size_t len;
	int plain; /* an internal entity whose text holds no markup or
		      reference: libxml2 may read it */
};

struct prep {
	const char *in;
	size_t len;
	struct buf *out;
	int xml;
	struct declared declared[MAX_DECLARED];
	size_t ndeclared;
	int too_many; /* more declarations than fit: rewrite no name */
	size_t run;   /* input from here on is not yet in out */
	int changed;  /* out is in use */
};

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_hex(int c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int
is_name_char(int c)
{
	return is_alpha(c) || is_digit(c) || c == '_' || c == '-' ||
	    c == '.' || c == ':' || c >= 0x80;
}

static int
is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Position just past the first needle at or after i, or len. */
static size_t
find_end(const char *s, size_t len, size_t i, const char *needle)
{
	size_t n = strlen(needle);

	while (i < len) {
		const char *p = memchr(s + i, needle[0], len - i);
		if (!p)
			break;
		i = (size_t)(p - s);
		if (len - i >= n && memcmp(p, needle, n) == 0)
			return i + n;
		i++;
	}
	return len;
}

static int
starts_with(const char *s, size_t len, size_t i, const char *lit)
{
	size_t n = strlen(lit);

	return len - i >= n && memcmp(s + i, lit, n) == 0;
}

static void
declare(struct prep *p, const char *name, size_t len, int plain)
{
	if (p->ndeclared == MAX_DECLARED) {
		p->too_many = 1;
		return;
	}
	p->declared[p->ndeclared].s = name;
	p->declared[p->ndeclared].len = len;
	p->declared[p->ndeclared].plain = plain;
	p->ndeclared++;
}

/* Whether an entity's literal value (between quotes) is plain text:
 * character references are fine, other references and markup are not. */
static int
plain_value(const char *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (v[i] == '<' || v[i] == '%')
			return 0;
		if (v[i] == '&' && (i + 1 >= n || v[i + 1] != '#'))
			return 0;
	}
	return 1;
}

/* Scans a DOCTYPE starting at i ("<!DOCTYPE"), noting each general
 * entity its internal subset declares; returns the position after it. */
static size_t
doctype_end(struct prep *p, size_t i)
{
	const char *s = p->in;
	size_t len = p->len;
	int subset = 0;

	i += 9;
	while (i < len) {
		char c = s[i];
		if (c == '"' || c == '\'') {
			const char *q = memchr(s + i + 1, c, len - i - 1);
			i = q ? (size_t)(q - s) + 1 : len;
		} else if (subset && starts_with(s, len, i, "<!--")) {
			i = find_end(s, len, i + 4, "-->");
		} else if (subset && starts_with(s, len, i, "<?")) {
			i = find_end(s, len, i + 2, "?>");
		} else if (subset && starts_with(s, len, i, "<!ENTITY") &&
		    i + 8 < len && is_ws((unsigned char)s[i + 8])) {
			i += 8;
			while (i < len && is_ws((unsigned char)s[i]))
				i++;
			size_t start = i, end;
			while (i < len && is_name_char((unsigned char)s[i]))
				i++;
			end = i;
			while (i < len && is_ws((unsigned char)s[i]))
				i++;
			/* A quoted value is internal; SYSTEM or PUBLIC is not,
			 * and a '%' here makes it a parameter entity. */
			int plain = 0;
			if (i < len && (s[i] == '"' || s[i] == '\'')) {
				const char *q = memchr(s + i + 1, s[i],
				    len - i - 1);
				if (q)
					plain = plain_value(s + i + 1,
					    (size_t)(q - s) - i - 1);
			}
			if (end > start)
				declare(p, s + start, end - start, plain);
		} else if (c == '[') {
			subset = 1;
			i++;
		} else if (c == ']') {
			subset = 0;
			i++;
		} else if (c == '>' && !subset) {
			return i + 1;
		} else {
			i++;
		}
	}
	return len;
}

/* 0: not declared; 1: declared, plain; 2: declared, anything else. */
static int
declared(const struct prep *p, const char *name, size_t len)
{
	for (size_t k = 0; k < p->ndeclared; k++)
		if (p->declared[k].len == len &&
		    memcmp(p->declared[k].s, name, len) == 0)
			return p->declared[k].plain ? 1 : 2;
	return 0;
}

static void
put_ref(struct buf *out, uint32_t cp)
{
	(void)buf_appendf(out, "&#x%X;", (unsigned)cp);
}

/* Appends the verbatim input from the last flush up to i, before a
 * rewrite; from then on out is in use. */
static void
flush(struct prep *p, size_t i)
{
	(void)buf_append(p->out, p->in + p->run, i - p->run);
	p->changed = 1;
}

/* Handles the reference at in[i] == '&'; returns the position after it.
 * A reference kept as it is costs nothing: the input run goes on. */
static size_t
reference(struct prep *p, size_t i)
{
	const char *s = p->in;
	size_t len = p->len, j = i + 1;

	/* XML's own five, by far the most common, are kept at once. */
	if (p->xml) {
		static const char *const xml_refs[] = {"lt;", "gt;", "amp;",
			"quot;", "apos;"};
		for (size_t k = 0; k < ARRAY_LEN(xml_refs); k++)
			if (starts_with(s, len, j, xml_refs[k]))
				return j + strlen(xml_refs[k]);
	}
	if (j < len && s[j] == '#') {
		uint32_t v = 0;
		int hex = 0, nd = 0;
		j++;
		if (j < len && (s[j] == 'x' || s[j] == 'X')) {
			hex = 1;
			j++;
		}
		while (j < len && (hex ? is_hex((unsigned char)s[j]) :
		    is_digit((unsigned char)s[j]))) {
			int c = (unsigned char)s[j];
			int d = is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
			if (v < 0x1000000)
				v = v * (hex ? 16 : 10) + (uint32_t)d;
			nd++;
			j++;
		}
		if (nd == 0 || j >= len || s[j] != ';') {
			if (!p->xml)
				return i + 1;
			flush(p, i);
			(void)buf_puts(p->out, "&amp;");
			p->run = i + 1;
			return i + 1;
		}
		j++;
		int ctl = v < 0x20 && v != '\t' && v != '\n' && v != '\r';
		/* XML knows only a lower-case x: "&#X41;" is fatal to
		 * libxml2, so it is written again. */
		int upper = p->xml && hex && s[i + 2] == 'X';
		int c1 = text_cp1252(v) != 0;
		int bad = v == 0 || v > 0x10ffff ||
		    (v >= 0xd800 && v <= 0xdfff);
		if (!ctl && !c1 && !bad && !upper)
			return j;
		flush(p, i);
		if (c1)
			put_ref(p->out, text_cp1252(v));
		else if (bad)
			put_ref(p->out, 0xfffd);
		else if (!ctl)
			put_ref(p->out, v);
		/* a control is dropped, as text_sanitize would */
		p->run = j;
		return j;
	}
	while (j < len && j - i <= 256 && is_name_char((unsigned char)s[j]))
		j++;
	size_t nlen = j - i - 1;
	const char *name = s + i + 1;
	if (nlen == 0 || j >= len || s[j] != ';' || j - i > 256 ||
	    is_digit((unsigned char)name[0]) || name[0] == '-' ||
	    name[0] == '.') {
		if (!p->xml)
			return i + 1;
		flush(p, i);
		(void)buf_puts(p->out, "&amp;");
		p->run = i + 1;
		return i + 1;
	}
	j++;
	uint32_t cp[2];
	size_t n;
	int decl = p->xml ? declared(p, name, nlen) : 0;
	if (p->xml && ((nlen == 3 && !memcmp(name, "amp", 3)) ||
	    (nlen == 2 && (!memcmp(name, "lt", 2) || !memcmp(name, "gt", 2))) ||
	    (nlen == 4 && (!memcmp(name, "quot", 4) ||
	    !memcmp(name, "apos", 4))) || p->too_many || decl == 1))
		return j;
	const struct entity *ent = decl == 2 ? NULL : entity_find(name, nlen);
	/* The HTML parser reads HTML 4's names itself. */
	if (!p->xml && (!ent || ent->html4))
		return j;
	n = ent ? html_entity(name, nlen, cp) : 0;
	flush(p, i);
	if (decl == 2) {
		/* External, nested or markup-bearing: never read, so no
		 * file is opened and no entity multiplies. */
	} else if (n > 0) {
		for (size_t k = 0; k < n; k++)
			put_ref(p->out, cp[k]);
	} else {
		(void)buf_puts(p->out, "&amp;");
		(void)buf_append(p->out, name, j - i - 1);
	}
	p->run = j;
	return j;
}

/* First letters of the HTML void elements void_tag closes. */
static const unsigned char void_start[256] = {
	['a'] = 1, ['b'] = 1, ['e'] = 1, ['h'] = 1, ['i'] = 1, ['p'] = 1,
	['w'] = 1, ['A'] = 1, ['B'] = 1, ['E'] = 1, ['H'] = 1, ['I'] = 1,
	['P'] = 1, ['W'] = 1,
};

/* HTML's void elements that feeds write unescaped and unclosed inside
 * an RSS description ("a<br>b", "<img src=x>", "<embed ...>"): as XML
 * each opens an element that never closes, and libxml2's recovery then
 * loses the rest of the item.  Not link or source, which are feed
 * elements with content. */
static int
void_name(const char *s, size_t n)
{
	static const char *const names[] = {"area", "br", "embed", "hr",
		"img", "input", "param", "wbr"};
	char low[8];

	if (n < 2 || n > 5)
		return 0;
	for (size_t k = 0; k < n; k++)
		low[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] | 0x20 :
		    s[k]);
	low[n] = '\0';
	for (size_t k = 0; k < ARRAY_LEN(names); k++)
		if (strcmp(low, names[k]) == 0)
			return 1;
	return 0;
}

/* At in[i] == '<' in XML: a void element's start tag without its '/'
 * gets one, unless an end tag follows it at once ("<br></br>").
 * Returns where the scan goes on. */
static size_t
void_tag(struct prep *p, size_t i)
{
	const char *s = p->in;
	size_t len = p->len, j = i + 1, n;

	while (j < len && j - i <= 6 && is_alpha((unsigned char)s[j]))
		j++;
	n = j - i - 1;
	if (j >= len || (!is_ws((unsigned char)s[j]) && s[j] != '>' &&
	    s[j] != '/') || !void_name(s + i + 1, n))
		return i + 1;
	/* The tag's end, quoted values skipped. */
	while (j < len && s[j] != '>' && s[j] != '<') {
		if (s[j] == '"' || s[j] == '\'') {
			const char *q = memchr(s + j + 1, s[j], len - j - 1);
			if (!q)
				return i + 1;
			j = (size_t)(q - s);
		}
		j++;
	}
	if (j >= len || s[j] != '>' || s[j - 1] == '/')
		return i + 1;
	if (len - j > n + 3 && s[j + 1] == '<' && s[j + 2] == '/' &&
	    memcmp(s + j + 3, s + i + 1, n) == 0)
		return j + 1;
	flush(p, j);
	(void)buf_putc(p->out, '/');
	p->run = j;
	return j + 1;
}

int
html_prepare(const char *in, size_t len, struct buf *out, int flags)
{
	struct prep p;
	size_t i = 0, raw_end = 0;
	int seen_doctype = 0;

	memset(&p, 0, sizeof(p));
	p.in = in;
	p.len = len;
	p.out = out;
	p.xml = flags & HTML_PREP_XML;
	const unsigned char *u = (const unsigned char *)in;
	while (i < len) {
		unsigned char c = u[i];
		if (quiet[c]) {
			i = quiet_run(u, i + 1, len);
			continue;
		}
		if ((c == '<' && !p.xml) || ((c == '&' || c == '<') &&
		    i < raw_end)) {
			i++;
			continue;
		}
		/* Only "<!" and "<?" open anything raw. */
		if (c == '<' && (i + 1 >= len || (u[i + 1] != '!' &&
		    u[i + 1] != '?'))) {
			if (i + 1 < len && void_start[u[i + 1]])
				i = void_tag(&p, i);
			else
				i++;
			continue;
		}
		if (c == '<') {
			if (starts_with(in, len, i, "<!--"))
				raw_end = find_end(in, len, i + 4, "-->");
			else if (starts_with(in, len, i, "<![CDATA["))
				raw_end = find_end(in, len, i + 9, "]]>");
			else if (p.xml && i > 0 && starts_with(in, len, i,
			    "<?xml") && i + 5 < len && is_ws(u[i + 5])) {
				/* A declaration anywhere but at the start
				 * (after a comment, or a second document
				 * glued on) is fatal to libxml2: it goes. */
				flush(&p, i);
				i = find_end(in, len, i + 5, "?>");
				p.run = i;
				continue;
			} else if (starts_with(in, len, i, "<?"))
				raw_end = find_end(in, len, i + 2, "?>");
			else if (starts_with(in, len, i, "<!DOCTYPE") &&
			    !seen_doctype) {
				seen_doctype = 1;
				raw_end = doctype_end(&p, i);
			}
			i++;
			continue;
		}
		if (c >= 0x80) {
			uint32_t cp;
			size_t n = text_utf8_next(in + i, len - i, &cp);
			if (cp != 0xfffd || (n == 3 &&
			    !memcmp(in + i, "\xef\xbf\xbd", 3))) {
				i += n;
				continue;
			}
			if (flags & HTML_PREP_STRICT)
				return -1;
			flush(&p, i);
			(void)buf_puts(out, "\xef\xbf\xbd");
			i += n;
			p.run = i;
			continue;
		}
		if (c == '&') {
			i = reference(&p, i);
			continue;
		}
		flush(&p, i); /* a C0 control, NUL included: dropped */
		i++;
		p.run = i;
	}
	if (!p.changed)
		return 0;
	(void)buf_append(out, in + p.run, len - p.run);
	return 1;
}

/* ---- html_to_text ---------------------------------------------------- */

enum tag_kind {
	TAG_DROP,  /* skipped with everything inside */
	TAG_BLOCK, /* a paragraph break before and after */
	TAG_LINE,  /* a line break before */
	TAG_ITEM,  /* a list item: a line break and "- " */
	TAG_BR,
	TAG_CELL, /* a space after */
	TAG_A,
	TAG_IMG,
	TAG_PRE,
};

struct tag {
	const char *name;
	enum tag_kind kind;
};

/* Sorted by name; the HTML parser lowercases element names.  embed,
 * iframe and object are not here: they go, but the text inside and after
 * them stays (their fallback text is the only text some items have, and
 * an unclosed <embed> would otherwise swallow the rest). */
static const struct tag tags[] = {
	{"a", TAG_A}, {"address", TAG_BLOCK}, {"applet", TAG_DROP},
	{"article", TAG_BLOCK}, {"aside", TAG_BLOCK}, {"audio", TAG_DROP},
	{"blockquote", TAG_BLOCK}, {"body", TAG_BLOCK}, {"br", TAG_BR},
	{"canvas", TAG_DROP}, {"caption", TAG_LINE}, {"center", TAG_BLOCK},
	{"dd", TAG_LINE}, {"details", TAG_BLOCK}, {"dialog", TAG_BLOCK},
	{"div", TAG_BLOCK}, {"dl", TAG_BLOCK}, {"dt", TAG_LINE},
	{"fieldset", TAG_BLOCK},
	{"figcaption", TAG_LINE}, {"figure", TAG_BLOCK},
	{"footer", TAG_BLOCK}, {"form", TAG_BLOCK}, {"frameset", TAG_DROP},
	{"h1", TAG_BLOCK}, {"h2", TAG_BLOCK}, {"h3", TAG_BLOCK},
	{"h4", TAG_BLOCK}, {"h5", TAG_BLOCK}, {"h6", TAG_BLOCK},
	{"head", TAG_DROP}, {"header", TAG_BLOCK}, {"hr", TAG_BLOCK},
	{"html", TAG_BLOCK}, {"img", TAG_IMG},
	{"legend", TAG_LINE}, {"li", TAG_ITEM}, {"main", TAG_BLOCK},
	{"map", TAG_DROP}, {"math", TAG_DROP}, {"nav", TAG_BLOCK},
	{"noembed", TAG_DROP}, {"noframes", TAG_DROP},
	{"noscript", TAG_DROP}, {"ol", TAG_BLOCK},
	{"p", TAG_BLOCK}, {"pre", TAG_PRE}, {"script", TAG_DROP},
	{"section", TAG_BLOCK}, {"select", TAG_DROP}, {"style", TAG_DROP},
	{"summary", TAG_LINE}, {"svg", TAG_DROP}, {"table", TAG_BLOCK},
	{"td", TAG_CELL}, {"template", TAG_DROP}, {"textarea", TAG_DROP},
	{"th", TAG_CELL}, {"title", TAG_DROP}, {"tr", TAG_LINE},
	{"ul", TAG_BLOCK}, {"video", TAG_DROP},
};

static int
tag_cmp(const void *k, const void *t)
{
	return strcmp(k, ((const struct tag *)t)->name);
}

/* The walk kind of an element name, or -1 when it has no special
 * meaning. */
static int
tag_kind(const char *name)
{
	const struct tag *t = bsearch(name, tags, ARRAY_LEN(tags),
	    sizeof(tags[0]), tag_cmp);

	return t ? (int)t->kind : -1;
}

struct walk {
	struct buf raw; /* the text, white space already folded */
	struct link_list *links;
	const char *base;
	int pre;	/* inside how many pre elements */
	int any;	/* a character was written */
	int pend_space; /* a space is due before the next character */
	int pend_nl;	/* line breaks due (at most 2: a blank line) */
	size_t stop;    /* text is no longer written once raw holds this
	                 * much (0: never); cut says some was not */
	int cut;
};

/* Whether w writes no more text (w->stop), noting that some is left
 * out.  The text written is then the whole text's beginning: raw only
 * grows, by whole characters, and what is due before the next character
 * (a space, line breaks) is written only with it. */
static int
muted(struct walk *w)
{
	if (w->stop == 0 || w->raw.len < w->stop)
		return 0;
	w->cut = 1;
	return 1;
}

void
html_links_fini(struct link_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->url[i]);
	free(l->url);
	l->url = NULL;
	l->n = 0;
}

/* A scheme that runs code or embeds data rather than pointing somewhere. */
static int
unsafe_url(const char *u)
{
	static const char *const bad[] = {"javascript:", "vbscript:", "data:"};
	char head[16];
	size_t n = 0;

	for (const char *p = u; *p && n < sizeof(head) - 1; p++) {
		unsigned char c = (unsigned char)*p;
		if (c <= ' ')
			continue; /* "java\tscript:" is still javascript: */
		head[n++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
	}
	head[n] = '\0';
	for (size_t i = 0; i < ARRAY_LEN(bad); i++)
		if (strncmp(head, bad[i], strlen(bad[i])) == 0)
			return 1;
	return 0;
}

/* Adds href to the list (once) and returns its number, or 0. */
static size_t
add_link(struct walk *w, const char *href)
{
	char *url = text_clean(href, strlen(href), 0);

	if (*url == '\0' || unsafe_url(url) || url[0] == '#') {
		free(url);
		return 0;
	}
	if (w->base) {
		xmlChar *abs = xmlBuildURI((const xmlChar *)url,
		    (const xmlChar *)w->base);
		if (abs) {
			free(url);
			url = text_clean((const char *)abs,
			    strlen((const char *)abs), 0);
			xmlFree(abs);
		}
	}
	for (size_t i = 0; i < w->links->n; i++) {
		if (strcmp(w->links->url[i], url) == 0) {
			free(url);
			return i + 1;
		}
	}
	if (w->links->n >= HTML_MAX_LINKS) {
		free(url);
		return 0;
	}
	w->links->url = xreallocarray(w->links->url, w->links->n + 1,
	    sizeof(char *));
	w->links->url[w->links->n++] = url;
	return w->links->n;
}

/* White space folds as text_sanitize folds it, so the text is usually
 * in its final form already and text_sanitize copies it in one piece. */
static void
space(struct walk *w)
{
	if (w->any && !w->pend_nl)
		w->pend_space = 1;
}

static void
newlines(struct walk *w, int n)
{
	while (n-- > 0)
		if (w->any && w->pend_nl < 2)
			w->pend_nl++;
	w->pend_space = 0;
}

static void
chars(struct walk *w, const char *s, size_t n)
{
	if (n == 0 || muted(w))
		return;
	if (w->pend_nl)
		(void)buf_append(&w->raw, "\n\n", (size_t)w->pend_nl);
	else if (w->pend_space)
		(void)buf_putc(&w->raw, ' ');
	w->pend_nl = w->pend_space = 0;
	(void)buf_append(&w->raw, s, n);
	w->any = 1;
}

static int
is_html_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Text s[0..n); the result does not depend on how a text is cut into
 * pieces.  Words with single spaces between them go in as one stretch,
 * as they would one by one. */
#if defined(__SSE2__)
/* The lanes of x that hold HTML white space. */
static __m128i
html_spaces(__m128i x)
{
	return _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')),
	    _mm_cmpeq_epi8(x, _mm_set1_epi8('\t'))), _mm_or_si128(
	    _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\n')),
	    _mm_cmpeq_epi8(x, _mm_set1_epi8('\r'))),
	    _mm_cmpeq_epi8(x, _mm_set1_epi8('\f'))));
}
#endif

static void
put_text(struct walk *w, const char *s, size_t n)
{
	size_t run = 0, i;

	if (muted(w))
		return;
	for (i = 0; i < n; i++) {
#if defined(__SSE2__)
		/* Sixteen at a time to the next break: white space other
		 * than a single space between two characters. */
		while (i > run && n - i >= 17) {
			__m128i x = _mm_loadu_si128(
			    (const __m128i *)(const void *)(s + i));
			__m128i next = _mm_loadu_si128(
			    (const __m128i *)(const void *)(s + i + 1));
			__m128i sp = _mm_cmpeq_epi8(x, _mm_set1_epi8(' '));
			unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			    _mm_andnot_si128(sp, html_spaces(x)),
			    _mm_and_si128(sp, html_spaces(next))));
			if (m) {
				i += (size_t)__builtin_ctz(m);
				break;
			}
			i += 16;
		}
#endif
		char c = s[i];
		if (!is_html_space(c))
			continue;
		if (c == ' ' && i > run && i + 1 < n &&
		    !is_html_space(s[i + 1]))
			continue;
		chars(w, s + run, i - run);
		run = i + 1;
		if (c == '\n' && w->pre)
			newlines(w, 1);
		else
			space(w);
	}
	chars(w, s + run, i - run);
}

/* Entering an element of a kind (tag_kind); alt[0..altlen) is an img's
 * alt text, NULL when it has none.  Returns 1 to descend into it. */
static int
open_elem(struct walk *w, int kind, const char *alt, size_t altlen)
{
	switch (kind) {
	case TAG_DROP:
		return 0;
	case TAG_BLOCK:
		newlines(w, 2);
		break;
	case TAG_PRE:
		newlines(w, 2);
		w->pre++;
		break;
	case TAG_LINE:
	case TAG_BR:
		newlines(w, 1);
		break;
	case TAG_ITEM:
		newlines(w, 1);
		chars(w, "-", 1);
		space(w);
		break;
	case TAG_IMG:
		if (alt) {
			space(w);
			put_text(w, alt, altlen);
			space(w);
		}
		break;
	default:
		break;
	}
	return 1;
}

/* Leaving it; href is an a element's, NULL when it has none. */
static void
close_elem(struct walk *w, int kind, const char *href)
{
	switch (kind) {
	case TAG_BLOCK:
		newlines(w, 2);
		break;
	case TAG_PRE:
		newlines(w, 2);
		w->pre--;
		break;
	case TAG_CELL:
		space(w);
		break;
	case TAG_A:
		if (w->links) {
			size_t k = href ? add_link(w, href) : 0;
			if (k) {
				char mark[24];
				int m = snprintf(mark, sizeof(mark), "[%zu]",
				    k);
				chars(w, mark, (size_t)m);
			}
		}
		break;
	default:
		break;
	}
}

static int
enter(struct walk *w, xmlNode *n)
{
	int kind = tag_kind((const char *)n->name);
	xmlChar *alt = NULL;

	if (kind == TAG_IMG)
		alt = xmlGetProp(n, (const xmlChar *)"alt");
	int descend = open_elem(w, kind, (const char *)alt,
	    alt ? strlen((const char *)alt) : 0);
	xmlFree(alt);
	return descend;
}

static void
leave(struct walk *w, xmlNode *n)
{
	int kind = tag_kind((const char *)n->name);
	xmlChar *href = NULL;

	if (kind == TAG_A && w->links)
		href = xmlGetProp(n, (const xmlChar *)"href");
	close_elem(w, kind, (const char *)href);
	xmlFree(href);
}

/* Walks the tree without recursion: depth costs no stack. */
static void
walk_tree(struct walk *w, xmlNode *n)
{
	while (n) {
		int descend = 1;
		if (n->type == XML_ELEMENT_NODE)
			descend = enter(w, n);
		else if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) && n->content)
			put_text(w, (const char *)n->content,
			    strlen((const char *)n->content));
		else
			descend = 0;
		if (descend && n->children) {
			n = n->children;
			continue;
		}
		for (;;) {
			if (n->type == XML_ELEMENT_NODE && descend)
				leave(w, n);
			descend = 1;
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (!n || n->type == XML_DOCUMENT_NODE ||
			    n->type == XML_HTML_DOCUMENT_NODE)
				return;
		}
	}
}

/* ---- the fast reader ------------------------------------------------- */

/* Elements the fast reader handles itself, sorted: those libxml2's HTML
 * parser reads as plain elements.  Raw text (script, style), dropped
 * subtrees, pre (its line breaks count), forms and the document's own
 * structure stay with libxml2.  body is here as the wrapper of every
 * fragment only; a body tag in the input goes to libxml2. */
static const char *const fast_tags[] = {"a", "abbr", "acronym", "address",
	"article", "aside", "b", "bdo", "big", "blockquote", "body", "br",
	"caption", "center", "cite", "code", "dd", "del", "details", "dfn",
	"dialog", "div", "dl", "dt", "em", "figcaption", "figure", "font",
	"footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i",
	"img", "ins", "kbd", "li", "main", "mark", "nav", "ol", "p", "q", "s",
	"samp", "section", "small", "span", "strike", "strong", "sub",
	"summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
	"time", "tr", "tt", "u", "ul", "var", "wbr"};

#define FAST_NTAGS ARRAY_LEN(fast_tags)
#define FAST_MAX_DEPTH 64
#define FAST_SLOTS 256 /* a power of two, well above FAST_NTAGS */

/* Those whose start tag closes an open element of the same name
 * (libxml2's htmlStartClose pairs of equal names, which
 * htmlAutoCloseTag cannot be asked about). */
static const char *const fast_reopen[] = {"a", "li", "p", "tbody", "td",
	"th", "tr"};

/* What libxml2 says of a fast_tags element, asked once per converter. */
struct fast_info {
	unsigned char ready;
	unsigned char empty; /* a void element: no content, no end tag */
	signed char kind;    /* tag_kind */
};

/* A converter keeps one HTML parser context and its buffers between
 * fragments: a feed's items then cost a parse each, not a parser.  It
 * also remembers libxml2's answers about the fast reader's elements. */
struct html_conv {
	htmlParserCtxtPtr ctxt;
	struct buf prep, raw;
	/* fast_tags by name hash: index + 1, 0 for an empty slot */
	unsigned char slot[FAST_SLOTS];
	struct fast_info info[FAST_NTAGS];
	/* closes[opening][open]: 0 not asked yet, 1 no, 2 yes */
	unsigned char closes[FAST_NTAGS][FAST_NTAGS];
	/* by entities index, the code point libxml2's HTML parser gives an
	 * HTML 4 entity: 0 not asked yet, UINT32_MAX none (htmlEntityLookup
	 * reads its table from the start each time it is asked) */
	uint32_t ent[ARRAY_LEN(entities)];
};

/* The fast reader's state: the open elements, body first, each with
 * the span of its href (start == end: none) for the link list. */
struct fast {
	struct html_conv *c;
	struct walk *w;
	const unsigned char *s;
	size_t len;
	int depth;
	unsigned char open[FAST_MAX_DEPTH]; /* fast_tags indexes */
	size_t href[FAST_MAX_DEPTH][2];
	unsigned char has_href[FAST_MAX_DEPTH];
};

static int
str_cmp(const void *k, const void *e)
{
	return strcmp(k, *(const char *const *)e);
}

static unsigned
name_hash(const char *name)
{
	unsigned h = 2166136261u;

	for (; *name; name++)
		h = (h ^ (unsigned char)*name) * 16777619u;
	return h & (FAST_SLOTS - 1);
}

/* The fast_tags index of name, or -1. */
static int
fast_index(const struct html_conv *c, const char *name)
{
	for (unsigned h = name_hash(name); c->slot[h];
	    h = (h + 1) & (FAST_SLOTS - 1))
		if (strcmp(fast_tags[c->slot[h] - 1], name) == 0)
			return c->slot[h] - 1;
	return -1;
}

static const struct fast_info *
fast_info(struct html_conv *c, int idx)
{
	struct fast_info *fi = &c->info[idx];

	if (!fi->ready) {
		const htmlElemDesc *d = htmlTagLookup(
		    (const xmlChar *)fast_tags[idx]);
		fi->empty = d && d->empty;
		fi->kind = (signed char)tag_kind(fast_tags[idx]);
		fi->ready = 1;
	}
	return fi;
}

/* Whether libxml2 closes an open element (fast_tags index open) when
 * another (opening) starts. */
static int
fast_closes(struct html_conv *c, int opening, int open)
{
	unsigned char *r = &c->closes[opening][open];

	if (*r == 0) {
		int yes;
		if (opening == open) {
			yes = bsearch(fast_tags[open], fast_reopen,
			    ARRAY_LEN(fast_reopen), sizeof(fast_reopen[0]),
			    str_cmp) != NULL;
		} else {
			xmlNode n;
			memset(&n, 0, sizeof(n));
			n.type = XML_ELEMENT_NODE;
			n.name = (const xmlChar *)fast_tags[opening];
			yes = htmlAutoCloseTag(NULL,
			    (const xmlChar *)fast_tags[open], &n) == 1;
		}
		*r = yes ? 2 : 1;
	}
	return *r == 2;
}

/* Length of the character at s[i] when the fast reader can take it as
 * text as it is: valid UTF-8 that html_prepare leaves alone and libxml2
 * keeps.  0 for anything else (controls, bad bytes, U+FFFE, U+FFFF). */
static size_t
fast_char(const unsigned char *s, size_t i, size_t len)
{
	uint32_t cp;
	size_t n;

	if (quiet[s[i]] || s[i] == '&' || s[i] == '<')
		return 1;
	if (s[i] < 0x80)
		return 0;
	n = text_utf8_next((const char *)s + i, len - i, &cp);
	if (cp == 0xfffd && (n != 3 || memcmp(s + i, "\xef\xbf\xbd", 3) != 0))
		return 0;
	if (cp == 0xfffe || cp == 0xffff)
		return 0;
	return n;
}

static void
fast_cp(struct fast *f, uint32_t cp)
{
	char enc[4] = {0};

	put_text(f->w, enc, text_utf8_put(cp, enc));
}

/* What html_prepare and libxml2 together make of "&#v;": 0 for
 * nothing. */
static uint32_t
charref(uint32_t v)
{
	if (v == 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0xfffd;
	if (text_cp1252(v))
		return text_cp1252(v);
	if ((v < 0x20 && v != '\t' && v != '\n' && v != '\r') ||
	    v == 0xfffe || v == 0xffff)
		return 0;
	return v;
}

/* The code point libxml2's HTML parser gives the entity name, 0 for
 * none. */
static uint32_t
libxml_lookup(const char *name)
{
	const htmlEntityDesc *h = htmlEntityLookup((const xmlChar *)name);

	return h && h->value > 0 ? h->value : 0;
}

/* libxml_lookup of entity e (one of entities), asked once per
 * converter. */
static uint32_t
libxml_entity(struct html_conv *c, const struct entity *e)
{
	uint32_t *v = &c->ent[e - entities];

	if (*v == 0) {
		uint32_t cp = libxml_lookup(e->name);
		*v = cp ? cp : UINT32_MAX;
	}
	return *v == UINT32_MAX ? 0 : *v;
}

/* A reference at s[*i] == '&', read as html_prepare and then libxml2
 * would.  Returns -1 for the forms left to them. */
static int
fast_ref(struct fast *f, size_t *i)
{
	const unsigned char *s = f->s;
	size_t len = f->len, j = *i + 1;

	if (j < len && s[j] == '#') {
		int hex = 0, nd = 0;
		uint32_t v = 0;
		j++;
		if (j < len && (s[j] == 'x' || s[j] == 'X')) {
			hex = 1;
			j++;
		}
		for (; j < len && nd <= 8; j++, nd++) {
			int c = s[j];
			if (is_digit(c))
				v = v * (hex ? 16 : 10) + (uint32_t)(c - '0');
			else if (hex && is_hex(c))
				v = v * 16 + (uint32_t)((c | 0x20) - 'a' + 10);
			else
				break;
		}
		if (nd == 0 || nd > 8 || j >= len || s[j] != ';')
			return -1;
		if ((v = charref(v)) != 0)
			fast_cp(f, v);
		*i = j + 1;
		return 0;
	}
	if (j >= len || !is_alpha(s[j])) {
		/* No name: libxml2 keeps the '&' as text. */
		if (j < len && (s[j] == '_' || s[j] == ':' || s[j] >= 0x80))
			return -1;
		put_text(f->w, "&", 1);
		*i = j;
		return 0;
	}
	while (j < len && j - *i <= 32 && (is_alpha(s[j]) || is_digit(s[j])))
		j++;
	size_t nlen = j - *i - 1;
	if (nlen > 32 || (j < len && (s[j] == '_' || s[j] == '-' ||
	    s[j] == '.' || s[j] == ':' || s[j] >= 0x80)))
		return -1;
	if (j >= len || s[j] != ';') {
		/* No ';': the reference stays as text. */
		put_text(f->w, (const char *)s + *i, j - *i);
		*i = j;
		return 0;
	}
	const char *name = (const char *)s + *i + 1;
	const struct entity *e = entity_find(name, nlen);
	if (e && !e->html4) {
		/* html_prepare writes it as numeric references. */
		fast_cp(f, e->cp1);
		if (e->cp2)
			fast_cp(f, e->cp2);
	} else {
		uint32_t v;
		if (e != NULL) {
			v = libxml_entity(f->c, e);
		} else {
			char nm[33];
			memcpy(nm, name, nlen);
			nm[nlen] = '\0';
			v = libxml_lookup(nm);
		}
		if (v != 0)
			fast_cp(f, v);
		else
			put_text(f->w, (const char *)s + *i, j + 1 - *i);
	}
	*i = j + 1;
	return 0;
}

/* Reads an element name at s[*i], lowercased into name[16].  Returns -1
 * when it is longer or goes on with what libxml2 also takes into names
 * (":_.-", non-ASCII). */
static int
fast_name(const unsigned char *s, size_t len, size_t *i, char *name)
{
	size_t j = *i, n = 0;

	while (j < len && (is_alpha(s[j]) || is_digit(s[j]))) {
		if (n == 15)
			return -1;
		name[n++] = (char)(s[j] >= 'A' && s[j] <= 'Z' ? s[j] | 0x20 :
		    s[j]);
		j++;
	}
	name[n] = '\0';
	if (n == 0 || (j < len && (s[j] == ':' || s[j] == '_' ||
	    s[j] == '.' || s[j] == '-' || s[j] >= 0x80)))
		return -1;
	*i = j;
	return 0;
}

/* An attribute value at s[*i], quoted or not: its span in [*vs, *ve).
 * Returns -1 for no closing quote, an empty unquoted value, a character
 * fast_char refuses, or a reference in a value that is used (used). */
static int
fast_value(const unsigned char *s, size_t len, size_t *i, int used,
    size_t *vs, size_t *ve)
{
	unsigned char q = s[*i];
	size_t j = *i;

	if (q == '"' || q == '\'')
		j++;
	else
		q = 0;
	*vs = j;
	while (j < len && (q ? s[j] != q : s[j] != '>' && !is_ws(s[j]))) {
		size_t n = fast_char(s, j, len);
		if (n == 0 || (used && s[j] == '&'))
			return -1;
		j += n;
	}
	if (j >= len || (!q && j == *vs))
		return -1;
	*ve = j;
	*i = q ? j + 1 : j;
	return 0;
}

static int
attr_is(const unsigned char *s, size_t n, const char *name)
{
	size_t k = 0;

	for (; k < n && name[k]; k++)
		if ((s[k] >= 'A' && s[k] <= 'Z' ? s[k] | 0x20 : s[k]) !=
		    name[k])
			return 0;
	return k == n && name[k] == '\0';
}

/* Leaves an element; href is its href (have: it has one). */
static void
fast_close(struct fast *f, int idx, int have, const size_t href[2])
{
	char *h = NULL;

	if (have && f->w->links)
		h = xstrndup((const char *)f->s + href[0], href[1] - href[0]);
	close_elem(f->w, fast_info(f->c, idx)->kind, h);
	free(h);
}

static void
fast_pop(struct fast *f)
{
	f->depth--;
	fast_close(f, f->open[f->depth], f->has_href[f->depth],
	    f->href[f->depth]);
}

/* A start tag at s[*i] == '<' followed by a letter. */
static int
fast_start(struct fast *f, size_t *i)
{
	const unsigned char *s = f->s;
	size_t len = f->len, j = *i + 1;
	size_t alt[2] = {0, 0}, href[2] = {0, 0};
	int have_alt = 0, have_href = 0, self = 0;
	char name[16];

	if (fast_name(s, len, &j, name) < 0)
		return -1;
	int idx = fast_index(f->c, name);
	if (idx < 0 || strcmp(name, "body") == 0)
		return -1;
	if (j < len && !is_ws(s[j]) && s[j] != '>' && s[j] != '/')
		return -1;
	for (;;) {
		while (j < len && is_ws(s[j]))
			j++;
		if (j >= len)
			return -1;
		if (s[j] == '>') {
			j++;
			break;
		}
		if (s[j] == '/') {
			if (j + 1 >= len || s[j + 1] != '>')
				return -1;
			j += 2;
			self = 1;
			break;
		}
		if (!is_alpha(s[j]))
			return -1;
		size_t an = j;
		while (j < len && j - an <= 64 && (is_alpha(s[j]) ||
		    is_digit(s[j]) || s[j] == '_' || s[j] == ':' ||
		    s[j] == '.' || s[j] == '-'))
			j++;
		if (j >= len || j - an > 64 || (!is_ws(s[j]) && s[j] != '=' &&
		    s[j] != '>' && s[j] != '/'))
			return -1;
		int is_alt = attr_is(s + an, j - an, "alt");
		int is_href = f->w->links && attr_is(s + an, j - an, "href");
		size_t vs = 0, ve = 0, k = j;
		while (k < len && is_ws(s[k]))
			k++;
		if (k < len && s[k] == '=') {
			k++;
			while (k < len && is_ws(s[k]))
				k++;
			if (k >= len || fast_value(s, len, &k, is_alt ||
			    is_href, &vs, &ve) < 0)
				return -1;
			j = k;
		}
		/* libxml2 keeps the first of a repeated attribute; one
		 * without a value reads as empty. */
		if (is_alt && !have_alt) {
			have_alt = 1;
			alt[0] = vs;
			alt[1] = ve;
		} else if (is_href && !have_href) {
			have_href = 1;
			href[0] = vs;
			href[1] = ve;
		}
	}
	/* libxml2 first closes the open elements the new one may not sit
	 * in. */
	while (f->depth > 1 && fast_closes(f->c, idx, f->open[f->depth - 1]))
		fast_pop(f);
	if (f->depth == 1 && fast_closes(f->c, idx, f->open[0]))
		return -1;
	const struct fast_info *fi = fast_info(f->c, idx);
	(void)open_elem(f->w, fi->kind, have_alt ? (const char *)s + alt[0] :
	    NULL, alt[1] - alt[0]);
	if (self || fi->empty) {
		fast_close(f, idx, have_href, href);
	} else {
		if (f->depth == FAST_MAX_DEPTH)
			return -1;
		f->open[f->depth] = (unsigned char)idx;
		f->has_href[f->depth] = (unsigned char)have_href;
		f->href[f->depth][0] = href[0];
		f->href[f->depth][1] = href[1];
		f->depth++;
	}
	*i = j;
	return 0;
}

/* An end tag at s[*i] == '<', s[*i + 1] == '/'. */
static int
fast_end(struct fast *f, size_t *i)
{
	const unsigned char *s = f->s;
	size_t len = f->len, j = *i + 2;
	char name[16];

	if (j >= len || !is_alpha(s[j]) || fast_name(s, len, &j, name) < 0)
		return -1;
	while (j < len && is_ws(s[j]))
		j++;
	if (j >= len || s[j] != '>' || strcmp(name, "body") == 0 ||
	    strcmp(name, "html") == 0 || strcmp(name, "head") == 0)
		return -1;
	*i = j + 1;
	int idx = fast_index(f->c, name);
	if (idx < 0)
		return 0; /* never opened here: libxml2 ignores it */
	if (f->open[f->depth - 1] == idx) {
		fast_pop(f);
		return 0;
	}
	for (int d = 1; d < f->depth; d++)
		if (f->open[d] == idx)
			return -1; /* libxml2's end tag priorities decide */
	return 0;
}

/* Reads a fragment the way libxml2's HTML parser (wrapped in a body, as
 * html_conv_text does) and the tree walk would, straight into w, for
 * the common kind of fragment: well-formed enough, fast_tags elements,
 * clean UTF-8.  Returns -1 at the first thing it does not take on; w
 * then holds a partial result. */
static int
fast_read(struct html_conv *c, struct walk *w, const char *html, size_t len)
{
	struct fast f;
	const unsigned char *s = (const unsigned char *)html;
	size_t i = 0;

	f.c = c;
	f.w = w;
	f.s = s;
	f.len = len;
	f.open[0] = (unsigned char)fast_index(c, "body");
	f.has_href[0] = 0;
	f.depth = 1;
	(void)open_elem(w, fast_info(c, f.open[0])->kind, NULL, 0);
	while (i < len) {
		int rc = 0;
		if (s[i] == '<') {
			if (i + 1 < len && is_alpha(s[i + 1]))
				rc = fast_start(&f, &i);
			else if (i + 1 < len && s[i + 1] == '/')
				rc = fast_end(&f, &i);
			else
				rc = -1;
		} else if (s[i] == '&') {
			rc = fast_ref(&f, &i);
		} else {
			size_t start = i;
			for (;;) {
				i = quiet_run(s, i, len);
				if (i >= len || s[i] == '<' || s[i] == '&')
					break;
				size_t n = fast_char(s, i, len);
				if (n == 0)
					return -1;
				i += n;
			}
			put_text(w, html + start, i - start);
		}
		if (rc < 0)
			return -1;
	}
	while (f.depth > 0)
		fast_pop(&f);
	return 0;
}

/* ---- html_to_text ---------------------------------------------------- */

struct html_conv *
html_conv_new(void)
{
	struct html_conv *c = xcalloc(1, sizeof(*c));

	/* htmlAutoCloseTag's table needs the parser set up (older
	 * libxml2 builds its index there). */
	xmlInitParser();
	c->ctxt = htmlNewParserCtxt();
	if (!c->ctxt)
		die("out of memory");
	for (size_t k = 0; k < FAST_NTAGS; k++) {
		unsigned h = name_hash(fast_tags[k]);
		while (c->slot[h])
			h = (h + 1) & (FAST_SLOTS - 1);
		c->slot[h] = (unsigned char)(k + 1);
	}
	buf_init(&c->prep, 0);
	buf_init(&c->raw, 0);
	return c;
}

void
html_conv_free(struct html_conv *c)
{
	if (!c)
		return;
	htmlFreeParserCtxt(c->ctxt);
	buf_fini(&c->prep);
	buf_fini(&c->raw);
	free(c);
}

static int
whole_document(const char *s, size_t len)
{
	static const char *const starts[] = {"<!doctype", "<html", "<?xml"};
	size_t i = 0;

	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
	    s[i] == '\r'))
		i++;
	for (size_t k = 0; k < ARRAY_LEN(starts); k++) {
		size_t n = strlen(starts[k]), j;
		if (len - i < n)
			continue;
		for (j = 0; j < n; j++)
			if ((s[i + j] | (s[i + j] >= 'A' && s[i + j] <= 'Z' ?
			    0x20 : 0)) != starts[k][j])
				break;
		if (j == n)
			return 1;
	}
	return 0;
}

/* html_conv_text, writing no more text once stop bytes of it are
 * written (0: all of it); *cut says whether some was left out. */
static int
convert(struct html_conv *c, const char *html, size_t len, const char *base,
    struct buf *out, struct link_list *links, size_t stop, int *cut)
{
	struct walk w;
	htmlDocPtr doc;
	size_t nlinks = links ? links->n : 0;

	if (!html)
		len = 0;
	if (len > HTML_MAX_INPUT)
		len = HTML_MAX_INPUT;
	/* Plain text needs no parser: HTML would only fold its lines. */
	if (!memchr(html ? html : "", '<', len) &&
	    !memchr(html ? html : "", '&', len))
		return text_sanitize(html ? html : "", len, out, 0);
	memset(&w, 0, sizeof(w));
	w.raw = c->raw;
	buf_reset(&w.raw);
	w.links = links;
	w.base = base;
	w.stop = stop;
	*cut = 0;
	if (!whole_document(html, len) && fast_read(c, &w, html, len) == 0) {
		c->raw = w.raw;
		*cut = w.cut;
		return text_sanitize(w.raw.p ? w.raw.p : "", w.raw.len, out,
		    TEXT_KEEP_NL);
	}
	/* Start again with libxml2, forgetting what the fast reader
	 * wrote. */
	c->raw = w.raw;
	while (links && links->n > nlinks)
		free(links->url[--links->n]);
	memset(&w, 0, sizeof(w));
	w.raw = c->raw;
	buf_reset(&w.raw);
	w.links = links;
	w.base = base;
	w.stop = stop;
	/* A UTF-8 BOM tells the parser the encoding without the copying
	 * converter an explicit "UTF-8" installs; IGNORE_ENC keeps a
	 * <meta charset> from overriding it. */
	buf_reset(&c->prep);
	(void)buf_append(&c->prep, "\xef\xbb\xbf", 3);
	/* Without implied elements, libxml2 nests whatever follows a closed
	 * top-level element inside it; one body around a fragment keeps
	 * siblings siblings.  A whole document brings its own. */
	if (!whole_document(html, len))
		(void)buf_puts(&c->prep, "<body>");
	if (!html_prepare(html, len, &c->prep, 0))
		(void)buf_append(&c->prep, html, len);
	doc = htmlCtxtReadMemory(c->ctxt, c->prep.p, (int)c->prep.len, NULL,
	    NULL, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED | HTML_PARSE_COMPACT |
	    HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD);
	if (doc) {
		walk_tree(&w, doc->children);
		xmlFreeDoc(doc);
	}
	c->raw = w.raw;
	*cut = w.cut;
	return text_sanitize(w.raw.p ? w.raw.p : "", w.raw.len, out,
	    TEXT_KEEP_NL);
}

int
html_conv_text(struct html_conv *c, const char *html, size_t len,
    const char *base, struct buf *out, struct link_list *links)
{
	int cut;

	return convert(c, html, len, base, out, links, 0, &cut);
}

/* The text written past max before it stops: text_sanitize drops a
 * little of what the walk writes (controls, format characters), so the
 * stop leaves room for that. */
#define LEAD_ROOM 64

int
html_conv_lead(struct html_conv *c, const char *html, size_t len, size_t max,
    struct buf *out)
{
	size_t at = out->len;
	int cut;
	int rc = convert(c, html, len, NULL, out, NULL, max + LEAD_ROOM, &cut);

	/* text_sanitize writes the beginning of what it would write for
	 * the whole text; too little of it to tell, the whole is made */
	if (cut && out->len - at <= max) {
		out->len = at;
		if (out->p)
			out->p[at] = '\0';
		rc = convert(c, html, len, NULL, out, NULL, 0, &cut);
	}
	return rc;
}

int
html_to_text_base(const char *html, size_t len, const char *base,
    struct buf *out, struct link_list *links)
{
	struct html_conv *c = html_conv_new();
	int rc = html_conv_text(c, html, len, base, out, links);

	html_conv_free(c);
	return rc;
}

int
html_to_text(const char *html, size_t len, struct buf *out,
    struct link_list *links)
{
	return html_to_text_base(html, len, NULL, out, links);
}
