# wiredesk — GNU make, pkg-config, objects under $(BUILD).
#
# make            build ./wiredesk
# make run        build, then start the dashboard on the bundled demo feeds
# make test       build and run every test, then again under ASan+UBSan
# make bench      benchmarks (figures printed, no pass/fail)
# make deps       install the Debian packages the build and tests need
#
# `run`, `test` and `all` call `deps` themselves when pkg-config cannot
# find a library, so both README commands work on a bare machine.

VERSION  := 0.1.0
PREFIX   ?= /usr/local
DESTDIR  ?=
BUILD    ?= build
WERROR   ?= -Werror
SAN      ?=

PKGS      := ncursesw libcurl libxml-2.0 sqlite3 libdeflate libpsl
TEST_PKGS := cmocka
DEB_PKGS  := build-essential pkg-config libncurses-dev libcurl4-openssl-dev \
	     libxml2-dev libxml2-utils libsqlite3-dev sqlite3 libstemmer-dev \
	     libcmocka-dev libdeflate-dev libpsl-dev zlib1g-dev tmux curl groff-base perl
BENCH_DEB := nginx-light newsboat time

WARN := -Wall -Wextra -Wpedantic $(WERROR) -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Wcast-qual -Wwrite-strings -Wvla \
	-Wundef -Wnull-dereference -Wimplicit-fallthrough

ifeq ($(SAN),1)
OPT := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
       -fno-sanitize-recover=all
LDOPT := -fsanitize=address,undefined
else ifeq ($(SAN),thread)
OPT := -O1 -g -fsanitize=thread -fno-omit-frame-pointer
LDOPT := -fsanitize=thread
else
OPT := -O2 -g -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
LDOPT := -pie -Wl,-z,relro,-z,now
endif

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CPPFLAGS   += -iquote include -D_POSIX_C_SOURCE=200809L -DWIREDESK_VERSION='"$(VERSION)"'
CFLAGS     ?=
CFLAGS     += -std=c11 $(WARN) $(OPT) -MMD -MP $(PKG_CFLAGS)
LDFLAGS    += $(LDOPT)
LDLIBS     += $(PKG_LIBS) -lstemmer -lz -lm -lpthread

SRC      := $(filter-out src/main.c,$(wildcard src/*.c))
OBJ      := $(SRC:src/%.c=$(BUILD)/%.o)
LIB      := $(BUILD)/libwiredesk.a
TESTSRC  := $(wildcard tests/test_*.c)
TESTBIN  := $(TESTSRC:tests/%.c=$(BUILD)/tests/%)
SUPSRC   := $(wildcard tests/support/*.c)
SUPOBJ   := $(SUPSRC:tests/support/%.c=$(BUILD)/tests/support/%.o)
TOOLSRC  := $(filter-out tests/tools/mkbackground.c,\
	    $(wildcard tests/tools/*.c tests/bench/*.c))
TOOLBIN  := $(patsubst tests/%.c,$(BUILD)/tests/%,$(TOOLSRC))

.PHONY: all run test test-suite bench deps depcheck clean install headers \
	lint format format-check tidy cppcheck fuzz

all: depcheck
	@$(MAKE) --no-print-directory wiredesk

wiredesk: $(BUILD)/wiredesk
	cp $< $@

$(BUILD)/wiredesk: $(BUILD)/main.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(LIB): $(OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# The background document frequencies are stemmed at build time by the
# tokenizer the program uses (tests/tools/mkbackground.c).
GEN_OBJ := $(BUILD)/token.o $(BUILD)/text.o $(BUILD)/buf.o $(BUILD)/util.o
$(BUILD)/mkbackground: tests/tools/mkbackground.c $(GEN_OBJ)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(GEN_OBJ) $(LDLIBS)

$(BUILD)/background.inc: src/background.words $(BUILD)/mkbackground
	$(BUILD)/mkbackground table $< >$@.tmp && mv $@.tmp $@

$(BUILD)/background.o: src/background.c $(BUILD)/background.inc
	$(CC) $(CPPFLAGS) -iquote $(BUILD) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/support/%.o: tests/support/%.c | $(BUILD)/tests/support
	$(CC) $(CPPFLAGS) -Itests/support $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(LIB) $(SUPOBJ) | $(BUILD)/tests/tools $(BUILD)/tests/bench
	$(CC) $(CPPFLAGS) -Itests/support $(CFLAGS) $(shell pkg-config --cflags $(TEST_PKGS)) \
		$(LDFLAGS) -o $@ $< $(SUPOBJ) $(LIB) $(LDLIBS) $(shell pkg-config --libs $(TEST_PKGS))

$(BUILD) $(BUILD)/tests/support $(BUILD)/tests/tools $(BUILD)/tests/bench:
	mkdir -p $@

# The whole suite, built in $(BUILD): unit tests, golden files,
# integration scripts against loopback servers, and the tmux UI tests.
test-suite: $(BUILD)/wiredesk $(TESTBIN) $(TOOLBIN)
	@WIREDESK=$(abspath $(BUILD)/wiredesk) BUILD=$(abspath $(BUILD)) \
		sh tests/run.sh

test: depcheck
	@$(MAKE) --no-print-directory wiredesk
	@$(MAKE) --no-print-directory test-suite
	@echo "== again under AddressSanitizer and UndefinedBehaviorSanitizer"
	@$(MAKE) --no-print-directory BUILD=build/san SAN=1 test-suite
	@echo "== again under ThreadSanitizer (the parse pool's threads)"
	@TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
		$(MAKE) --no-print-directory BUILD=build/tsan SAN=thread test-suite

# The demo keeps its own database, so it never mixes into a reporter's.
run: all
	./wiredesk -f feeds/demo.urls -d build/demo.db

bench: depcheck
	@command -v nginx >/dev/null && command -v newsboat >/dev/null || $(MAKE) deps-bench
	@$(MAKE) --no-print-directory wiredesk $(TOOLBIN)
	@WIREDESK=$(abspath $(BUILD)/wiredesk) BUILD=$(abspath $(BUILD)) \
		sh tests/bench/run.sh

depcheck:
	@pkg-config --exists $(PKGS) $(TEST_PKGS) && \
	    test -f /usr/include/libstemmer.h && test -f /usr/include/zlib.h && \
	    command -v tmux >/dev/null && \
	    command -v xmllint >/dev/null && command -v groff >/dev/null && \
	    command -v sqlite3 >/dev/null || \
	    $(MAKE) --no-print-directory deps

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
deps:
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEB_PKGS)

deps-bench:
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BENCH_DEB)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 wiredesk $(DESTDIR)$(PREFIX)/bin/wiredesk
	install -m 644 docs/wiredesk.1 $(DESTDIR)$(PREFIX)/share/man/man1/wiredesk.1

# Every header compiles on its own.
headers:
	@for h in include/*.h; do \
		printf '#include "%s"\n' "$${h#include/}" | \
		$(CC) $(CPPFLAGS) -std=c11 $(WARN) $(PKG_CFLAGS) -x c -fsyntax-only - || exit 1; \
	done; echo "headers: ok"

BANNED := sprintf|vsprintf|strcpy|strcat|strncat|strtok|gets|atoi|system|popen
lint: headers
	@! grep -nE '(^|[^_a-z])($(BANNED)) *\(' src/*.c include/*.h || \
		{ echo "lint: banned call"; exit 1; }
	@echo "lint: ok"

format:
	clang-format -i src/*.c include/*.h tests/*.c tests/support/*.c

format-check:
	clang-format --dry-run --Werror src/*.c include/*.h

tidy:
	clang-tidy src/*.c -- $(CPPFLAGS) -std=c11 $(PKG_CFLAGS)

cppcheck:
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
		--inline-suppr -Iinclude src

# libFuzzer targets (clang), each run for FUZZ_SECONDS on a seed corpus.
FUZZ_SECONDS ?= 20
FUZZCC       ?= clang
FUZZFLAGS    := -g -O1 -fsanitize=fuzzer,address,undefined
fuzz: $(BUILD)/background.inc
	@mkdir -p build/fuzz
	@for t in tests/fuzz/fuzz_*.c; do \
		n=$$(basename $$t .c); \
		$(FUZZCC) $(CPPFLAGS) -iquote $(BUILD) -std=c11 $(PKG_CFLAGS) \
		    $(FUZZFLAGS) \
		    -o build/fuzz/$$n $$t $(SRC) $(PKG_LIBS) -lstemmer -lz -lm \
		    || exit 1; \
		mkdir -p build/fuzz/$$n.corpus; \
		case $$n in fuzz_parse) seeds=tests/data/parse ;; \
		fuzz_feedlist) seeds=tests/data/feedlist ;; \
		*) seeds=tests/data/fuzz/$${n#fuzz_} ;; esac; \
		[ -d "$$seeds" ] || seeds=; \
		echo "== $$n ($(FUZZ_SECONDS) s)"; \
		build/fuzz/$$n -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
		    -print_final_stats=1 build/fuzz/$$n.corpus $$seeds \
		    >build/fuzz/$$n.log 2>&1; rc=$$?; \
		tail -4 build/fuzz/$$n.log; [ $$rc -eq 0 ] || exit 1; \
	done

clean:
	rm -rf build wiredesk

-include $(OBJ:.o=.d) $(BUILD)/main.d $(TESTBIN:=.d) $(SUPOBJ:.o=.d)
