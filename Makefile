# ntm: hand-written Makefile (no autotools). See README.md and INSTALL.
#   make            build ./ntm
#   make run        install missing Debian packages, build, open ntm on the demo data
#   make test       normal build + AddressSanitizer/UBSan build, every test on both
#   make test SAN=1 the sanitizer build only
#   make install    PREFIX=/usr/local DESTDIR=
#   make bench      province-scale timing (100 communes, 150,000 tasks)
#   make fuzz       libFuzzer (clang) on the parsers, FUZZ_SECONDS each (tests/fuzz/)

PREFIX  ?= /usr/local
DESTDIR ?=
SAN     ?=
ifeq ($(SAN),1)
BUILD   ?= build-san
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
OPT      = -O1
else
BUILD   ?= build
SANFLAGS =
OPT      = -O2
endif

# make fuzz builds with clang and libFuzzer's coverage in build-fuzz/ (tests/fuzz/).
ifeq ($(FUZZ),1)
BUILD    = build-fuzz
CC       = clang
SANFLAGS = -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
OPT      = -O1
endif

VERSION  = 0.1.0
CC      ?= cc
PKG_CONFIG ?= pkg-config
DEPCFLAGS := $(shell $(PKG_CONFIG) --cflags ncursesw sqlite3 libutf8proc 2>/dev/null || echo -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600)
CFLAGS  ?= $(OPT) -g
CFLAGS  += -std=c11 -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter \
           -DNTM_VERSION='"$(VERSION)"' \
           -I. -I/usr/include/iniparser $(DEPCFLAGS) $(SANFLAGS) -MMD -MP
LDFLAGS += $(SANFLAGS)
LIB_MODEL   = -lsqlite3 -lutf8proc -lm
LIB_CONFIG  = -liniparser
HB_CFLAGS   := $(shell $(PKG_CONFIG) --cflags harfbuzz-subset 2>/dev/null)
LIB_REPORTS = -lhpdf $(shell $(PKG_CONFIG) --libs harfbuzz-subset 2>/dev/null || echo -lharfbuzz-subset -lharfbuzz) -lm \
              -lcsv -lzip -lexpat \
              $(shell $(PKG_CONFIG) --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter -lz)
LIB_TUI     = $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw -ltinfo)

MODEL_SRC   = $(wildcard model/*.c)
CONFIG_SRC  = $(wildcard config/*.c)
REPORTS_SRC = $(wildcard reports/*.c)
TUI_SRC     = $(wildcard tui/*.c)
MODEL_OBJ   = $(MODEL_SRC:%.c=$(BUILD)/%.o)
CONFIG_OBJ  = $(CONFIG_SRC:%.c=$(BUILD)/%.o)
REPORTS_OBJ = $(REPORTS_SRC:%.c=$(BUILD)/%.o)
TUI_OBJ     = $(TUI_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC    = $(wildcard tests/unit/test_*.c)
UNIT_BIN    = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
SQL_FILES   = $(wildcard model/sql/*.sql model/data/*.sql model/data/*.csv)

# Debian packages: build, run, and test (tmux, pdftotext, fonts).
DEB_PKGS = gcc make pkg-config libc6-dev libncurses-dev ncurses-term libsqlite3-dev sqlite3 \
           libiniparser-dev libhpdf-dev libutf8proc-dev libcmocka-dev fonts-liberation2 \
           poppler-utils tmux
# HarfBuzz's subsetter: the PDF faces are embedded cut down (reports/pdf_font.c).
DEB_PKGS += libharfbuzz-dev
DEB_PKGS += libcsv-dev libzip-dev libexpat1-dev libxlsxwriter-dev python3
# libxlsxwriter: the Excel exports (reports/export_xlsx.c); xlsx2csv reads them back in the tests.
DEB_PKGS += libxlsxwriter-dev xlsx2csv
# Only for make fuzz (make test does not need them): clang and its libFuzzer/ASan runtime.
FUZZ_PKGS = clang libclang-rt-14-dev

.PHONY: all run test check unit e2e pdftest deps install uninstall clean bench layering

all: ntm

ntm: $(BUILD)/ntm
	@if [ "$(BUILD)" = build ]; then rm -f ntm; cp $(BUILD)/ntm ntm; fi

$(BUILD)/ntm: $(TUI_OBJ) $(REPORTS_OBJ) $(CONFIG_OBJ) $(MODEL_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIB_TUI) $(LIB_REPORTS) $(LIB_CONFIG) $(LIB_MODEL)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

# HarfBuzz's include path (and glib's, which it names) only where it is used.
$(BUILD)/reports/pdf_font.o: CFLAGS += $(HB_CFLAGS)

# The demo and schema SQL are embedded with .incbin; rebuild when they change.
$(BUILD)/model/embedded.o: $(SQL_FILES)

# Unit tests link only the layer they test (and the layers below it).
$(BUILD)/tests/test_model_%: tests/unit/test_model_%.c $(MODEL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) -lcmocka $(LIB_MODEL)
$(BUILD)/tests/test_config_%: tests/unit/test_config_%.c $(CONFIG_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) -lcmocka $(LIB_CONFIG)
$(BUILD)/tests/test_reports_%: tests/unit/test_reports_%.c $(REPORTS_OBJ) $(CONFIG_OBJ) $(MODEL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) -lcmocka $(LIB_REPORTS) $(LIB_CONFIG) $(LIB_MODEL)

# The table readers' test writes its .xlsx files with libxlsxwriter (a test-only library).

# TUI unit tests link the curses-free editing core and the model, never main.o.
$(BUILD)/tests/test_tui_%: tests/unit/test_tui_%.c $(BUILD)/tui/textfield.o $(MODEL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) -lcmocka $(LIB_TUI) $(LIB_MODEL)

# libFuzzer harnesses (tests/fuzz/fuzz_*.c), each run FUZZ_SECONDS by tests/fuzz/run.sh.
FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= 2
FUZZ_NAMES   ?= $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
.PHONY: fuzz fuzz-build
fuzz:
	@$(MAKE) --no-print-directory deps DEB_PKGS='$(FUZZ_PKGS)'
	@$(MAKE) --no-print-directory -s FUZZ=1 fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) sh tests/fuzz/run.sh $(FUZZ_NAMES)

fuzz-build: $(FUZZ_NAMES:%=build-fuzz/fuzz_%)

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(wildcard tests/fuzz/*.h) $(REPORTS_OBJ) $(CONFIG_OBJ) $(MODEL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fsanitize=fuzzer -o $@ $(filter %.c %.o,$^) $(LIB_REPORTS) $(LIB_CONFIG) $(LIB_MODEL)

# The fuzzers' kept inputs replayed through the same harnesses, built with gcc.
$(BUILD)/tests/test_fuzz_%: tests/unit/test_fuzz_%.c $(wildcard tests/fuzz/*.[ch]) $(REPORTS_OBJ) $(CONFIG_OBJ) $(MODEL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(filter %.o,$^) -lcmocka $(LIB_REPORTS) $(LIB_CONFIG) $(LIB_MODEL)

deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "ntm: installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "ntm: missing Debian packages. Run as root:"; \
	    echo "  apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

run: deps
	@$(MAKE) --no-print-directory all
	./ntm demo --if-missing
	./ntm

# The check that model/, config/ and reports/ never touch curses (STYLE.md).
layering:
	@if grep -lE '#include *<(n?curses|ncursesw)' model/*.[ch] config/*.[ch] reports/*.[ch] 2>/dev/null; then \
	  echo "layering: curses included outside tui/ (files above)"; exit 1; fi
	@if grep -lE '#include *"(tui)/' model/*.[ch] config/*.[ch] reports/*.[ch] 2>/dev/null; then \
	  echo "layering: a lower layer includes tui/"; exit 1; fi
	@if grep -lE '#include *"(reports|config)/' model/*.[ch] 2>/dev/null; then \
	  echo "layering: model/ includes reports/ or config/"; exit 1; fi
	@echo "layering: ok"

ifeq ($(SAN),1)
test: deps
	@$(MAKE) --no-print-directory check SAN=1
else
test: deps
	@$(MAKE) --no-print-directory check
	@$(MAKE) --no-print-directory check SAN=1
endif

check: layering $(BUILD)/ntm $(UNIT_BIN)
	@BUILD=$(BUILD) sh tests/run.sh

bench: $(BUILD)/ntm $(BUILD)/tests/bench_model
	@sh tests/bench.sh $(BUILD)/ntm

$(BUILD)/tests/bench_model: tests/bench_model.c $(MODEL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) $(LIB_MODEL)

install: ntm
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/doc/ntm
	install -m 755 ntm $(DESTDIR)$(PREFIX)/bin/ntm
	install -m 644 config/ntm.ini.example README.md INSTALL $(DESTDIR)$(PREFIX)/share/doc/ntm/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/ntm
	rm -rf $(DESTDIR)$(PREFIX)/share/doc/ntm

clean:
	rm -rf build build-san build-fuzz ntm

-include $(wildcard $(BUILD)/*/*.d $(BUILD)/tests/*.d)
