# xrun - run Linux programs built for another CPU.
#   make          build ./xrun
#   make deps     install the Debian packages the build and tests need
#   make check    build everything and run every test
#   make demo     run a bundled arm64 demo program under xrun
#   make bench    time guest programs under xrun vs native vs qemu-user
#   make pytest-suite  CPython's regression tests natively and under xrun

CC       ?= gcc
# -O3: a first run (every block translated) takes 2-3% less time than with
# -O2 (3.5% fewer host instructions translating); steady state and warm
# starts are the same. -fno-plt: a call into libc or mimalloc (the
# translator's memsets, allocations) goes through the GOT without a PLT
# jump; all are bound at start anyway (-z now, below): a first run of
# true 0.6% faster (alternating runs, both orders).
CFLAGS   ?= -O3 -g -fno-plt
override CFLAGS += -mcx16 -Wall -Wextra -std=gnu11 -fPIE -fno-strict-aliasing -MMD -MP
# xrun is linked with link-time optimization: the translator's small predicates
# live in the files of their concept and are inlined across them (translating
# costs 15 % fewer host instructions). The objects stay fat, so the unit tests
# link them without it.
LTOFLAGS ?= -flto=auto
override CFLAGS += $(LTOFLAGS) $(if $(LTOFLAGS),-ffat-lto-objects)
# Bound at start (-z now), not at first call: a forked child that execs a
# program in place calls a dozen libc functions its parent never did, and
# each lazy binding there read the libraries' symbol tables through page
# faults (fork copies no page tables of file mappings): busybox sh starting
# 300 programs 0.977 of the time, dash's 200 fork+execs 0.987, a dynamic
# `true` 1.001.
override LDFLAGS += -pie -Wl,-z,now
# libelf, xxhash and zlib are linked from Debian's static archives: every
# program xrun runs starts xrun, and three fewer shared objects to map and
# relocate take 0.2 ms off each start (mimalloc has no archive in Debian,
# libunwind's is not position-independent).
override LDLIBS += -Wl,-Bstatic -lelf -lxxhash -lz -Wl,-Bdynamic -lmimalloc -lunwind -lpthread -lm
O        := o
GUEST_CC ?= aarch64-linux-gnu-gcc

DEPS_PKGS := libelf-dev zlib1g-dev libxxhash-dev uthash-dev libmimalloc-dev libunwind-dev \
             gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu \
             gcc-riscv64-linux-gnu binutils-riscv64-linux-gnu qemu-user clang-format openssl mmdebstrap \
             help2man python3 gdb-multiarch strace

MODULES  := loader decode decode/aarch64 decode/riscv64 ir opt backend-x86_64 syscall tcache gc gdb
LIB_SRCS := xrun_log.c xrun_guest.c xrun_fds.c $(foreach m,$(MODULES),$(wildcard $(m)/*.c) $(wildcard $(m)/*.S))
LIB_OBJS := $(patsubst %.S,$(O)/%.o,$(patsubst %.c,$(O)/%.o,$(LIB_SRCS)))

# The A64 decoder's dispatch and argument structs are generated from its spec
# decode/aarch64/a64.decode by tools/decodegen.
A64_GEN  := $(O)/decode/aarch64/a64_decode.gen
LIB_OBJS += $(A64_GEN).o
override CFLAGS += -I$(O)/decode/aarch64
# The RV64 decoder's from decode/riscv64/rv64.decode (32-bit instructions) and
# rv64c.decode (the compressed ones, expanding to the same trans_ functions).
RV64_GEN  := $(O)/decode/riscv64/rv64_decode.gen
RV64C_GEN := $(O)/decode/riscv64/rv64c_decode.gen
LIB_OBJS  += $(RV64_GEN).o $(RV64C_GEN).o
override CFLAGS += -I$(O)/decode/riscv64

all: xrun

xrun: $(O)/xrun.o $(O)/xrun_binfmt.o $(LIB_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(O)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(O)/%.o: %.S
	@mkdir -p $(dir $@)
	$(CC) -c -o $@ $<

$(A64_GEN).c: decode/aarch64/a64.decode tools/decodegen
	@mkdir -p $(dir $@)
	tools/decodegen --prefix a64 --ctx 'struct a64_ctx' --include a64.h \
	  --undo a64_decode_undo --only --always-inline -o $@ --header $(A64_GEN).h $<
$(A64_GEN).h: $(A64_GEN).c ;
$(A64_GEN).o: $(A64_GEN).c
	$(CC) $(CFLAGS) -Idecode/aarch64 -c -o $@ $<
$(filter $(O)/decode/aarch64/%,$(LIB_OBJS)): $(A64_GEN).h

# The RV64 decoder's (RV64_GEN, RV64C_GEN above).

$(RV64_GEN).c: decode/riscv64/rv64.decode tools/decodegen
	@mkdir -p $(dir $@)
	tools/decodegen --prefix rv64 --trans-prefix rv64_trans_ --ctx 'struct rv64_ctx' --include rv64.h \
	  --undo rv64_decode_undo --always-inline -o $@ --header $(RV64_GEN).h $<
$(RV64_GEN).h: $(RV64_GEN).c ;
$(RV64C_GEN).c: decode/riscv64/rv64c.decode tools/decodegen $(RV64_GEN).h
	@mkdir -p $(dir $@)
	tools/decodegen --width 16 --extern-argsets --header-include rv64_decode.gen.h \
	  --prefix rv64c --trans-prefix rv64_trans_ --ctx 'struct rv64_ctx' --include rv64.h --undo rv64_decode_undo \
	  --always-inline -o $@ --header $(RV64C_GEN).h $<
$(RV64C_GEN).h: $(RV64C_GEN).c ;
$(RV64_GEN).o $(RV64C_GEN).o: %.o: %.c
	$(CC) $(CFLAGS) -Idecode/riscv64 -c -o $@ $<
$(filter $(O)/decode/riscv64/%,$(LIB_OBJS)): $(RV64_GEN).h $(RV64C_GEN).h

deps:
	@missing=""; for p in $(DEPS_PKGS); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

include tests/tests.mk
include tests/difftest.mk
include tests/fuzz.mk

# The manual page is made from `xrun --help` and `--version` by Debian's
# help2man, with the sections of tools/xrun.h2m.
PREFIX ?= /usr/local
$(O)/xrun.1: xrun tools/xrun.h2m
	@mkdir -p $(dir $@)
	help2man --no-info --name="run Linux programs built for another CPU" \
	  --include=tools/xrun.h2m -o $@ ./xrun

man: $(O)/xrun.1

install: xrun $(O)/xrun.1
	install -D -m 755 xrun $(DESTDIR)$(PREFIX)/bin/xrun
	install -D -m 644 $(O)/xrun.1 $(DESTDIR)$(PREFIX)/share/man/man1/xrun.1
	install -d $(DESTDIR)$(PREFIX)/share/binfmts
	./xrun --binfmt debian $(DESTDIR)$(PREFIX)/share/binfmts $(PREFIX)/bin/xrun

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/xrun $(DESTDIR)$(PREFIX)/share/man/man1/xrun.1 \
	      $(DESTDIR)$(PREFIX)/share/binfmts/xrun-aarch64 $(DESTDIR)$(PREFIX)/share/binfmts/xrun-riscv64

clean:
	rm -rf $(O) xrun

.PHONY: all deps clean check demo bench difftest unit sysroot sysroot-riscv64 sysroot-riscv64-real man install uninstall fuzz fuzz-deps pytest-suite

-include $(LIB_OBJS:.o=.d) $(O)/xrun.d $(O)/xrun_binfmt.d
