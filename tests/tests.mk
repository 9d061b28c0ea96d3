# tests.mk - building and running the tests (included by the top Makefile).

UNIT_SRCS := $(wildcard tests/unit/*_test.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(O)/tests/unit/%,$(UNIT_SRCS))

$(O)/tests/unit/%: tests/unit/%.c tests/unit/test.h tests/unit/a64_asm.h tests/unit/a64_helper_tables.h $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fno-lto $(LDFLAGS) -o $@ $< $(LIB_OBJS) $(LDLIBS)

unit: $(UNIT_BINS)

check: deps
	$(MAKE) xrun unit difftest-tools
	@DIFFTEST_N=$(DIFFTEST_CHECK_N) DIFFTEST_RV64_N=$(DIFFTEST_RV64_CHECK_N) tests/check.sh

$(O)/demo/demo: tests/demo/demo.c
	@mkdir -p $(dir $@)
	$(GUEST_CC) -O2 -static -o $@ $< -lm

demo: deps
	$(MAKE) xrun $(O)/demo/demo
	./xrun $(O)/demo/demo

# bench: Debian's arm64 programs (lua, python, sqlite, compressors, sort, perl,
# shell exec loops, openssl) and the C benchmarks under xrun and qemu-aarch64
# against native x86-64, then Debian trixie's riscv64 builds of the same
# programs under xrun and qemu-riscv64 against trixie's amd64 builds (the
# *_rv64 rows); tools/bench.sh fetches the arm64 packages, makes the trixie
# sysroots (tools/rv64-sysroots), installs the amd64 packages and gnuplot-nox
# when missing, and writes o/bench/bench.{csv,png}. Takes about 10 minutes,
# so it is not part of `make check`.
bench: deps
	$(MAKE) xrun
	tools/bench.sh

# pytest-suite: CPython's own regression tests (Debian's python3.11 and
# libpython3.11-testsuite), module by module, natively and under xrun;
# tools/pytest-suite builds the arm64 sysroot o/sysroot/pytest and installs the
# amd64 packages when missing. About 25 minutes, so not part of `make check`.
pytest-suite: deps
	$(MAKE) xrun
	tools/pytest-suite

sysroot:
	tools/fetch-arm64 busybox-static libc6 libssl3 openssl

# The riscv64 sysroot of tests/coreutils_riscv64.sh and GUEST=riscv64 tests/busybox.sh
# (which make it themselves when it is absent).
sysroot-riscv64:
	tools/mksysroot -a riscv64 -s trixie $(O)/rv64-sysroot coreutils busybox-static

# The trixie sysroots of tests/realprogs_riscv64.sh and bench.sh's *_rv64 rows
# (which make them themselves when absent): riscv64 programs in $(O)/rv64-real,
# the amd64 builds of the same packages in $(O)/amd64-trixie.
sysroot-riscv64-real:
	tools/rv64-sysroots $(O)
