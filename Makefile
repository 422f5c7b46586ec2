# ntm: hand-written Makefile (no autotools). See README.md and INSTALL.
#   make            build ./ntm (and build/ntm-batch: the commands alone, without curses)
#   make run        install missing Debian packages, build, open ntm on the demo data
#   make test       normal build + AddressSanitizer/UBSan build, every test on both
#   make test SAN=1 the sanitizer build only
#   make install    PREFIX=/usr/local DESTDIR=
#   make bench      province-scale timing (100 communes, 150,000 tasks)
#   make torture    100 kill -9 trials and 8 writers for 3 minutes (long; not in make test)
#   make rollup     the province roll-up with 200 commune files (tests/rollup.sh)
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
# The English catalogue (config/po/en.po compiled) and where it is installed (see "Messages").
LOCALEDIR ?= $(PREFIX)/share/locale
MO        = $(BUILD)/locale/en/LC_MESSAGES/ntm.mo
CC      ?= cc
PKG_CONFIG ?= pkg-config
DEPCFLAGS := $(shell $(PKG_CONFIG) --cflags ncursesw sqlite3 libutf8proc 2>/dev/null || echo -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600)
CFLAGS  ?= $(OPT) -g
CFLAGS  += -std=c11 -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter \
           -DNTM_VERSION='"$(VERSION)"' \
           -I. -I/usr/include/iniparser $(DEPCFLAGS) $(SANFLAGS) -MMD -MP
LDFLAGS += $(SANFLAGS)
LIB_MODEL   = -lsqlite3 -lutf8proc -lm -lz
LIB_CONFIG  = -liniparser
HB_CFLAGS   := $(shell $(PKG_CONFIG) --cflags harfbuzz-subset 2>/dev/null)
LIB_REPORTS = -lhpdf $(shell $(PKG_CONFIG) --libs harfbuzz-subset 2>/dev/null || echo -lharfbuzz-subset -lharfbuzz) -lm \
              -lcsv -lzip -lexpat \
              $(shell $(PKG_CONFIG) --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter -lz)
LIB_TUI     = $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw -ltinfo)

MODEL_SRC   = $(wildcard model/*.c)
CONFIG_SRC  = $(wildcard config/*.c)
REPORTS_SRC = $(wildcard reports/*.c)
TUI_SRC     = $(wildcard tui/*.c tui/widgets/*.c tui/screens/*.c tui/screens/*/*.c)
# The commands (tui/cli/) link no curses: ntm-batch is them alone (main_batch.c).
CLI_SRC     = $(filter-out tui/cli/main_batch.c,$(wildcard tui/cli/*.c))
MODEL_OBJ   = $(MODEL_SRC:%.c=$(BUILD)/%.o)
CONFIG_OBJ  = $(CONFIG_SRC:%.c=$(BUILD)/%.o)
REPORTS_OBJ = $(REPORTS_SRC:%.c=$(BUILD)/%.o)
TUI_OBJ     = $(TUI_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ     = $(CLI_SRC:%.c=$(BUILD)/%.o)
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
# zlib: the CRC-32 of the province roll-up's sync files (model/sync_file.c); openssh-client: ntm sync push (scp).
DEB_PKGS += zlib1g-dev openssh-client
# gettext: xgettext, msgmerge, msgfmt make config/po/ntm.pot, keep config/po/en.po and compile the catalogue.
DEB_PKGS += gettext
# Only for make fuzz (make test does not need them): clang and its libFuzzer/ASan runtime.
FUZZ_PKGS = clang libclang-rt-14-dev

.PHONY: all run test check unit e2e pdftest deps install uninstall clean bench layering torture rollup

all: ntm $(BUILD)/ntm-batch $(MO)

ntm: $(BUILD)/ntm
	@if [ "$(BUILD)" = build ]; then rm -f ntm; cp $(BUILD)/ntm ntm; fi

$(BUILD)/ntm: $(TUI_OBJ) $(CLI_OBJ) $(REPORTS_OBJ) $(CONFIG_OBJ) $(MODEL_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIB_TUI) $(LIB_REPORTS) $(LIB_CONFIG) $(LIB_MODEL)

# The same commands without the full screen: no curses library is linked (tests/e2e/cli_batch.sh).
$(BUILD)/ntm-batch: $(BUILD)/tui/cli/main_batch.o $(CLI_OBJ) $(REPORTS_OBJ) $(CONFIG_OBJ) $(MODEL_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIB_REPORTS) $(LIB_CONFIG) $(LIB_MODEL)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

# ---- Messages: Vietnamese is the source (the msgids), English is config/po/en.po ----
# make po: config/po/ntm.pot from the sources (xgettext), merged into config/po/en.po (msgmerge); the
# catalogue is compiled into $(BUILD)/locale, where ./build/ntm and the tests find it
# (model/i18n.c), and installed under LOCALEDIR. Locations are per file, not per line,
# and entries sorted, so that branches adding messages merge without conflicts.
PO_SRC    = $(sort $(wildcard model/*.[ch] config/*.[ch] reports/*.[ch] tui/*.[ch] tui/*/*.[ch] tui/*/*/*.[ch]))
XGETTEXT  = xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
            --keyword=NC_:1c,2 --keyword=ntm_tr_in:2 --keyword=ntm_tr_ctx:2c,3 --add-comments=TRANSLATORS: --add-location=file \
            --sort-output --package-name=ntm --package-version=$(VERSION)
.PHONY: po pocheck FORCE

$(MO): config/po/en.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ config/po/en.po

po:
	@echo "xgettext -> config/po/ntm.pot"; $(XGETTEXT) -o config/po/ntm.pot $(PO_SRC)
	msgmerge --quiet --update --backup=none --no-fuzzy-matching --add-location=file --sort-output config/po/en.po config/po/ntm.pot
	@msgattrib --no-obsolete --sort-output --add-location=file -o config/po/en.po config/po/en.po

# Every message of the sources is in config/po/en.po, translated, none fuzzy (make check).
pocheck:
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(XGETTEXT) -o $$tmp/ntm.pot $(PO_SRC) && \
	if ! msgcmp --use-untranslated config/po/en.po $$tmp/ntm.pot 2>$$tmp/err; then \
	  cat $$tmp/err; echo "pocheck: messages missing from config/po/en.po: run make po and translate them"; exit 1; fi; \
	stats=$$(LC_ALL=C msgfmt --statistics -o /dev/null config/po/en.po 2>&1); \
	case "$$stats" in *untranslated*|*fuzzy*) echo "pocheck: config/po/en.po: $$stats"; exit 1;; esac; \
	echo "pocheck: $$stats"

# The installed catalogue's folder, compiled in; rebuilt when LOCALEDIR changes.
$(BUILD)/model/i18n.o: CFLAGS += -DNTM_LOCALEDIR='"$(LOCALEDIR)"'
$(BUILD)/model/i18n.o: $(BUILD)/localedir
$(BUILD)/localedir: FORCE
	@mkdir -p $(BUILD); echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' >$@

# HarfBuzz's include path (and glib's, which it names) only where it is used.
$(BUILD)/reports/pdf_font.o: CFLAGS += $(HB_CFLAGS)

# The demo and schema SQL are embedded with .incbin; rebuild when they change.
$(BUILD)/model/embedded.o: $(SQL_FILES)

# Unit tests link only the layer they test (and the layers below it).
$(BUILD)/tests/test_model_%: tests/unit/test_model_%.c $(MODEL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) -lcmocka $(LIB_MODEL)
# config/ speaks through model/i18n.o (the catalogue), nothing else of the model.
$(BUILD)/tests/test_config_%: tests/unit/test_config_%.c $(CONFIG_OBJ) $(BUILD)/model/i18n.o
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) -lcmocka $(LIB_CONFIG)
$(BUILD)/tests/test_reports_%: tests/unit/test_reports_%.c $(REPORTS_OBJ) $(CONFIG_OBJ) $(MODEL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) -lcmocka $(LIB_REPORTS) $(LIB_CONFIG) $(LIB_MODEL)

# The table readers' test writes its .xlsx files with libxlsxwriter (a test-only library).

# TUI unit tests link the curses-free editing core and the model, never main.o.
$(BUILD)/tests/test_tui_%: tests/unit/test_tui_%.c $(BUILD)/tui/widgets/textfield.o $(MODEL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) -lcmocka $(LIB_TUI) $(LIB_MODEL)
# The key tables' test walks every screen's kind: the whole full-screen program but main.
$(BUILD)/tests/test_tui_keymap: tests/unit/test_tui_keymap.c $(filter-out $(BUILD)/tui/main.o,$(TUI_OBJ)) \
                                $(REPORTS_OBJ) $(CONFIG_OBJ) $(MODEL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) -lcmocka $(LIB_TUI) $(LIB_REPORTS) $(LIB_CONFIG) $(LIB_MODEL)
# The forms' merge test: the widgets (no screen, no terminal opened) and the model.
$(BUILD)/tests/test_tui_merge: tests/unit/test_tui_merge.c $(filter $(BUILD)/tui/widgets/%,$(TUI_OBJ)) $(MODEL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) -lcmocka $(LIB_TUI) $(LIB_MODEL)

# The messages' test walks the same tables, and reads the catalogue make built.
$(BUILD)/tests/test_tui_i18n: tests/unit/test_tui_i18n.c $(filter-out $(BUILD)/tui/main.o,$(TUI_OBJ)) \
                              $(REPORTS_OBJ) $(CONFIG_OBJ) $(MODEL_OBJ) | $(MO)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) -lcmocka $(LIB_TUI) $(LIB_REPORTS) $(LIB_CONFIG) $(LIB_MODEL)

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

# The check that model/, config/ and reports/ never touch curses (STYLE.md), that the
# widgets know no screen, that the commands link no curses, and that tui/'s includes form
# no circle wider than a screen and its own helpers (tests/tui_includes.py).
layering:
	@if grep -lE '#include *<(n?curses|ncursesw)' model/*.[ch] config/*.[ch] reports/*.[ch] 2>/dev/null; then \
	  echo "layering: curses included outside tui/ (files above)"; exit 1; fi
	@if grep -lE '#include *"(tui)/' model/*.[ch] config/*.[ch] reports/*.[ch] 2>/dev/null; then \
	  echo "layering: a lower layer includes tui/"; exit 1; fi
	@if grep -lE '#include *"(reports|config)/' model/*.[ch] 2>/dev/null; then \
	  echo "layering: model/ includes reports/ or config/"; exit 1; fi
	@if grep -nE '#include *"tui/' tui/widgets/*.[ch] | grep -vE '#include *"tui/widgets/'; then \
	  echo "layering: a widget (tui/widgets/) includes a screen or the loop (lines above)"; exit 1; fi
	@if grep -nE '#include *(<(n?curses|ncursesw|term\.h)|"tui/)' tui/cli/*.[ch] | grep -vE '#include *"tui/cli/'; then \
	  echo "layering: the commands (tui/cli/) include curses or the screens (lines above)"; exit 1; fi
	@python3 tests/tui_includes.py
	@python3 config/po/pairs2po.py --check
	@echo "layering: ok"

ifeq ($(SAN),1)
test: deps
	@$(MAKE) --no-print-directory check SAN=1
else
test: deps
	@$(MAKE) --no-print-directory check
	@$(MAKE) --no-print-directory check SAN=1
endif

check: layering pocheck $(MO) $(BUILD)/ntm $(BUILD)/ntm-batch $(UNIT_BIN) $(BUILD)/tests/torture_writers
	@BUILD=$(BUILD) sh tests/run.sh

bench: $(BUILD)/ntm $(BUILD)/tests/bench_model
	@sh tests/bench.sh $(BUILD)/ntm

# 200 commune files up into one province file, checked and timed (make check runs 10).
rollup: $(BUILD)/ntm
	@NTM_BIN=$(BUILD)/ntm sh tests/rollup.sh 200

$(BUILD)/tests/bench_model: tests/bench_model.c $(MODEL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) $(LIB_MODEL)

# make torture: the long crash and concurrency runs (not in make test; figures in README).
torture: $(BUILD)/ntm $(BUILD)/tests/torture_writers
	@BUILD=$(BUILD) sh tests/torture/run.sh

$(BUILD)/tests/torture_writers: tests/torture/writers.c $(MODEL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) $(LIB_MODEL)

install: ntm $(BUILD)/ntm-batch $(MO)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/doc/ntm $(DESTDIR)$(LOCALEDIR)/en/LC_MESSAGES
	install -m 644 $(MO) $(DESTDIR)$(LOCALEDIR)/en/LC_MESSAGES/ntm.mo
	install -m 755 ntm $(DESTDIR)$(PREFIX)/bin/ntm
	install -m 755 $(BUILD)/ntm-batch $(DESTDIR)$(PREFIX)/bin/ntm-batch
	install -m 644 config/ntm.ini.example README.md INSTALL $(DESTDIR)$(PREFIX)/share/doc/ntm/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/ntm $(DESTDIR)$(PREFIX)/bin/ntm-batch
	rm -rf $(DESTDIR)$(PREFIX)/share/doc/ntm
	rm -f $(DESTDIR)$(LOCALEDIR)/en/LC_MESSAGES/ntm.mo

clean:
	rm -rf build build-san build-fuzz ntm

-include $(wildcard $(BUILD)/*/*.d $(BUILD)/*/*/*.d $(BUILD)/*/*/*/*.d)

# ---- Man pages and the Debian package: make man, make deb, make debtest ----
# ntm(1) is config/man/ntm.1.in with README's key table put in (config/man/keys.awk);
# ntm.ini(5) is written from the key table (config/manpage.c) by a program linked with
# config/ only, in English and Vietnamese. Dated by config/debian/changelog.
MANDIR     ?= $(PREFIX)/share/man
MAN_DIR     = $(BUILD)/man
MAN_PAGES   = $(MAN_DIR)/ntm.1 $(MAN_DIR)/ntm.ini.5 $(MAN_DIR)/vi/ntm.ini.5
DEB_LOG     = config/debian/changelog
MAN_DATE    = $(shell sed -n '/^ -- /{s/^ -- .*>  //p;q}' $(DEB_LOG) | date -u -f - +%Y-%m-%d)
DEB_FILE    = build/ntm_$(VERSION)_$(shell dpkg --print-architecture 2>/dev/null || echo amd64).deb
DEB_STAGE   = build/deb/root
# make deb: dpkg-dev (dpkg-shlibdeps), lintian; make debtest: debootstrap; make test: man-db, mandoc.
DEB_PKGS   += man-db mandoc
DEB_TOOLS   = dpkg-dev lintian debootstrap binutils

.PHONY: man deb debtest deb-deps install-man uninstall-man

man: $(MAN_PAGES)
check: $(MAN_PAGES)
install: install-man
uninstall: uninstall-man

$(MAN_DIR)/ntm.1: config/man/ntm.1.in config/man/keys.awk README.md $(DEB_LOG)
	@mkdir -p $(dir $@)
	LC_ALL=C awk -f config/man/keys.awk README.md >$@.keys
	sed -e 's/@VERSION@/$(VERSION)/' -e 's/@DATE@/$(MAN_DATE)/' \
	    -e '/^\.\\" @KEYS@$$/{r $@.keys' -e 'd' -e '}' config/man/ntm.1.in >$@.tmp
	rm -f $@.keys && mv $@.tmp $@

$(MAN_DIR)/ntm_ini_man: config/man/ntm_ini_man.c $(CONFIG_OBJ) $(BUILD)/model/i18n.o
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) $(LIB_CONFIG)

$(MAN_DIR)/ntm.ini.5: $(MAN_DIR)/ntm_ini_man $(DEB_LOG) $(MO)
	$(MAN_DIR)/ntm_ini_man en $(MAN_DATE) >$@.tmp && mv $@.tmp $@
$(MAN_DIR)/vi/ntm.ini.5: $(MAN_DIR)/ntm_ini_man $(DEB_LOG) $(MO)
	@mkdir -p $(dir $@)
	$(MAN_DIR)/ntm_ini_man vi $(MAN_DATE) >$@.tmp && mv $@.tmp $@

install-man: $(MAN_PAGES)
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/vi/man5
	install -m 644 $(MAN_DIR)/ntm.1 $(DESTDIR)$(MANDIR)/man1/ntm.1
	install -m 644 $(MAN_DIR)/ntm.ini.5 $(DESTDIR)$(MANDIR)/man5/ntm.ini.5
	install -m 644 $(MAN_DIR)/vi/ntm.ini.5 $(DESTDIR)$(MANDIR)/vi/man5/ntm.ini.5

uninstall-man:
	rm -f $(DESTDIR)$(MANDIR)/man1/ntm.1 $(DESTDIR)$(MANDIR)/man5/ntm.ini.5 \
	      $(DESTDIR)$(MANDIR)/vi/man5/ntm.ini.5

deb-deps:
	@$(MAKE) --no-print-directory deps DEB_PKGS="$(DEB_TOOLS)"

# The package: `make install` into a staging tree, then config/debian/mkdeb.sh (Debian's
# file conventions, DEBIAN/, dpkg-deb, lintian: an error fails the build).
# The packaged binary is built apart, in $(DEB_OBJ), with Debian's hardening flags
# (dpkg-buildflags: fortify, stack protector, relro, bindnow).
DEB_OBJ     = build/deb/obj
DEB_FLAGS   = DEB_BUILD_MAINT_OPTIONS=hardening=+all; export DEB_BUILD_MAINT_OPTIONS; \
	      CFLAGS="$$(dpkg-buildflags --get CFLAGS) $$(dpkg-buildflags --get CPPFLAGS)" \
	      LDFLAGS="$$(dpkg-buildflags --get LDFLAGS)"; export CFLAGS LDFLAGS
deb: deb-deps ntm $(MAN_PAGES)
	rm -rf $(DEB_STAGE) $(DEB_FILE)
	@$(DEB_FLAGS); $(MAKE) --no-print-directory BUILD=$(DEB_OBJ) PREFIX=/usr $(DEB_OBJ)/ntm $(DEB_OBJ)/ntm-batch
	@$(MAKE) --no-print-directory install DESTDIR=$(CURDIR)/$(DEB_STAGE) PREFIX=/usr
	install -m 755 $(DEB_OBJ)/ntm $(DEB_STAGE)/usr/bin/ntm
	install -m 755 $(DEB_OBJ)/ntm-batch $(DEB_STAGE)/usr/bin/ntm-batch
	sh config/debian/mkdeb.sh $(DEB_STAGE) $(DEB_FILE) $(VERSION)

# Installs the package in a fresh Debian 12 root (debootstrap, made once in build/) and
# runs it there; slow (minutes), so not part of make test.
debtest: deb
	sh tests/deb/install.sh $(DEB_FILE)
