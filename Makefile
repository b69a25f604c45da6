# press: a plain GNU Makefile.  `make` builds out/bin/press and the sample
# issue; `make check` runs every test; `make deps` installs what Debian
# packages the project needs.

PKGS     = libcmark-gfm libxml-2.0 libxslt libexslt yaml-0.1 icu-uc icu-i18n libmicrohttpd
CC      ?= cc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -MMD -MP
CFLAGS  += $(shell pkg-config --cflags $(PKGS))
CFLAGS  += -DPRESS_DATADIR='"$(DATADIR)"' -DPRESS_LOCALEDIR='"$(LOCALEDIR)"'

# make install: the program, its manual, its message catalogues and the
# default templates (used by a project without templates/).
PREFIX  ?= /usr/local
DATADIR  = $(PREFIX)/share/press
LOCALEDIR = $(PREFIX)/share/locale

# Message catalogues: po/<lang>.po → out/locale/<lang>/LC_MESSAGES/press.mo,
# where press finds them when it runs from the build tree.
LANGS    = zh_CN
MOS      = $(LANGS:%=out/locale/%/LC_MESSAGES/press.mo)
# libmicrohttpd is opened by press serve alone (tools/serve/mhd.h).
LDLIBS  += $(shell pkg-config --libs $(filter-out libmicrohttpd,$(PKGS)))
MHD_SONAME := $(shell objdump -p $$(pkg-config --variable=libdir libmicrohttpd)/libmicrohttpd.so 2>/dev/null | \
                awk '/SONAME/ { print $$2 }')
ifneq ($(MHD_SONAME),)
CFLAGS  += -DMHD_SONAME='"$(MHD_SONAME)"'
endif

ifdef SANITIZE
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
OUT      = out/asan
else
OUT      = out
endif

SRCS     = tools/util.c tools/diag.c tools/src.c tools/fm.c tools/body.c \
           tools/validate.c tools/storyxml.c tools/schema.c tools/render.c \
           tools/out.c tools/story.c tools/issue.c tools/jump.c tools/build.c tools/archive.c \
           tools/cache.c \
           tools/serve/serve.c tools/serve/messages.c tools/serve/http.c \
           tools/serve/mhd.c \
           tools/check.c tools/lunar.c tools/import.c tools/photo.c tools/project.c \
           tools/words.c tools/search.c $(PROOF)
PROOF    = tools/proof/house.c tools/proof/seg.c tools/proof/collect.c \
           tools/proof/rules-punct.c tools/proof/rules-words.c \
           tools/proof/rules-form.c tools/proof/rules-grammar.c \
           tools/proof/rules-dates.c tools/proof/fix.c tools/proof/run.c
# The byline roles' table, made from templates/words.xml (press.h).
GEN      = out/gen/roles.c
OBJS     = $(SRCS:tools/%.c=$(OUT)/obj/%.o) $(OUT)/obj/gen/roles.o
PRESS    = $(OUT)/bin/press

DEBS     = build-essential pkg-config clang libclang-rt-14-dev hugo hyperfine cmark-gfm libcmark-gfm-dev \
           libcmark-gfm-extensions-dev libxml2-dev libxslt1-dev \
           libyaml-dev libicu-dev libxml2-utils xsltproc jing trang check \
           libmicrohttpd-dev wrk gettext locales python3

.PHONY: all site check regen deps format clean fuzz bench dtd install po

all: $(PRESS) $(MOS) site

$(PRESS): $(OBJS) $(OUT)/obj/main.o
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(OUT)/obj/%.o: tools/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

$(GEN): templates/words.xml tools/roles.xsl
	@mkdir -p $(@D)
	xsltproc -o $@ tools/roles.xsl templates/words.xml

$(OUT)/obj/gen/roles.o: $(GEN)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itools -c -o $@ $<

out/locale/%/LC_MESSAGES/press.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# Brings new message ids in from the sources: review po/*.po after it.
po:
	xgettext --from-code=UTF-8 -k_ -kN_ --no-location --sort-output \
	    -o out/press.pot $(SRCS) tools/main.c
	for l in $(LANGS); do msgmerge -q -U --backup=none po/$$l.po out/press.pot; done

site: $(PRESS) $(MOS)
	$(PRESS) build

$(OUT)/bin/unit: tests/unit.c $(OBJS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(shell pkg-config --cflags check) $(LDFLAGS) -o $@ \
	    tests/unit.c $(OBJS) $(LDLIBS) $(shell pkg-config --libs check)

check: $(PRESS) $(MOS) $(OUT)/bin/unit out/bin/gencorpus
	PRESS=$(CURDIR)/$(PRESS) UNIT=$(CURDIR)/$(OUT)/bin/unit sh tests/run

# The fuzz target: the whole story pipeline under libFuzzer, seeded with
# the sample and the test stories.  FUZZTIME is in seconds.
FUZZTIME ?= 60
FUZZ      = out/fuzz/press-fuzz

$(FUZZ): $(SRCS) $(GEN) tools/fuzz.c tools/press.h tools/proof/proof.h
	@mkdir -p $(@D)
	clang -g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined \
	    -Itools $(shell pkg-config --cflags $(PKGS)) -o $@ $(SRCS) $(GEN) \
	    tools/fuzz.c $(LDLIBS)

fuzz: $(FUZZ)
	mkdir -p out/fuzz/corpus out/fuzz/crashes
	cp articles/*/*.md tests/*/*.md tests/*/*/*.md out/fuzz/corpus/ 2>/dev/null || true
	$(FUZZ) -max_total_time=$(FUZZTIME) -max_len=65536 -timeout=10 \
	    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
	    -artifact_prefix=out/fuzz/crashes/ out/fuzz/corpus

out/bin/gencorpus: tools/gencorpus.c
	@mkdir -p $(@D)
	$(CC) -O2 -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -o $@ $<

# press against Hugo on a generated corpus of 10,000 stories, and how press
# scales at 10,000 and 50,000 (BENCH_SIZES="10000 50000 100000" for more,
# BENCH_ONLY=scale for the scale table alone, BENCH_DIR=/dev/shm/... to
# build on a tmpfs; tools/bench.sh says what).
bench: $(PRESS) out/bin/gencorpus
	sh tools/bench.sh

# The DTD for tools that read only DTDs, made from press.rng by trang (a
# DTD cannot require an element in mixed content, so that one pattern is
# relaxed first); tests/print.sh checks that it is current.
dtd:
	sed -e 's#<mixed><oneOrMore>\(.*\)</oneOrMore></mixed>#<mixed><zeroOrMore>\1</zeroOrMore></mixed>#' \
	    -e '/<define name="archive">/,/^  <\/define>/d' \
	    templates/press.rng >out/press-dtd.rng
	trang out/press-dtd.rng out/press.dtd
	{ sed -n '1,/-->/p' templates/press.dtd; \
	  sed -n '2,$$p' out/press.dtd; } >out/press.dtd.new
	mv out/press.dtd.new templates/press.dtd

regen: $(PRESS) $(MOS)
	PRESS=$(CURDIR)/$(PRESS) REGEN=1 sh tests/run

# The web edition's tests drive Debian's Chromium (playwright-core) and run
# the Nu HTML Checker (vnu-jar) with Debian's Java; both come from npm,
# pinned in package-lock.json; pdftoppm (poppler-utils) renders the page
# views printed to PDF for measuring.
WEBDEBS  = chromium default-jre-headless fonts-noto-cjk fonts-lxgw-wenkai curl \
           poppler-utils

deps:
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
	    $(DEBS) $(WEBDEBS)
	# The Chinese locale, for the C library's own messages (press's
	# catalogue works without it, through LANGUAGE).
	sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' /etc/locale.gen && locale-gen
	command -v npm >/dev/null || \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm
	npm ci --no-audit --no-fund

install: $(PRESS) $(MOS)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(DATADIR)
	install -m 755 $(PRESS) $(DESTDIR)$(PREFIX)/bin/press
	install -m 644 press.1 $(DESTDIR)$(PREFIX)/share/man/man1/press.1
	for l in $(LANGS); do \
	    install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    install -m 644 out/locale/$$l/LC_MESSAGES/press.mo \
	        $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/press.mo; done
	rm -rf $(DESTDIR)$(DATADIR)/templates
	cp -R templates $(DESTDIR)$(DATADIR)/templates

# clang-format (with .clang-format) on the lines changed since
# FORMAT_BASE only, by default what is not committed yet: new code comes
# out in the house style, and the code as written keeps the alignment
# made by hand that clang-format 14 cannot say (table rows, trailing
# comments over a struct, strings continued under their arguments).
# FORMAT_BASE=main formats a branch's changes.
FORMAT_BASE = HEAD
format:
	git clang-format --style=file --extensions c,h $(FORMAT_BASE) -- \
	    tools tests/unit.c

clean:
	rm -rf out

-include $(OBJS:.o=.d) $(OUT)/obj/main.d
