# fuzz.mk - fuzzing with libFuzzer (clang) and AddressSanitizer (included by
# the top Makefile). Not part of `make check`.
#   make fuzz                          every harness, FUZZ_TIME seconds each (default 60)
#   make fuzz FUZZ_TARGETS=loader FUZZ_TIME=3600
# The harnesses (tests/fuzz/<name>_fuzz.c):
#   cache    the persistent cache's reader; seeds are real cache files, the
#            demo program run once with a fresh cache directory
#   loader   the ELF loader's checks, layout and mapping; seeds in tests/fuzz/corpus/loader
#   syscall  the syscall layer's guest struct conversions; seeds in tests/fuzz/corpus/syscall
# One process each, one after the other (one worker). Each prints its
# executions and crashes; findings (crash-*, leak-*, ...) are written to
# o/fuzz/<name>/, the corpus grown to o/fuzz/<name>/corpus. clang is
# installed with apt-get when missing.

FUZZ_CC      ?= clang
FUZZ_TIME    ?= 60
FUZZ_TARGETS ?= cache loader syscall
FUZZ_OUT     := $(O)/fuzz
FUZZ_FLAGS := -O1 -g -fsanitize=address,fuzzer-no-link -mcx16 -std=gnu11 -fno-strict-aliasing -w
# x64_lower_vec.c asks __builtin_cpu_supports for "sha", which clang 14 does not
# know: it is built by $(CC) without instrumentation (it is not on the path fuzzed).
FUZZ_GCC_SRCS := backend-x86_64/x64_lower_vec.c
FUZZ_SRCS := $(filter-out $(FUZZ_GCC_SRCS),$(LIB_SRCS))
FUZZ_OBJS := $(patsubst %,$(FUZZ_OUT)/%.o,$(FUZZ_SRCS)) $(patsubst %,$(FUZZ_OUT)/%.gcc.o,$(FUZZ_GCC_SRCS))
# The A64 dispatch generated from decode/aarch64/a64.decode (A64_GEN, top Makefile).
FUZZ_FLAGS += -I$(O)/decode/aarch64
FUZZ_OBJS += $(FUZZ_OUT)/a64_decode.gen.c.o

$(FUZZ_OUT)/a64_decode.gen.c.o: $(A64_GEN).c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -Idecode/aarch64 -c $< -o $@
$(filter $(FUZZ_OUT)/decode/aarch64/%,$(FUZZ_OBJS)): $(A64_GEN).h
# The RV64 dispatch from decode/riscv64/rv64.decode and rv64c.decode (RV64_GEN, RV64C_GEN).
FUZZ_FLAGS += -I$(O)/decode/riscv64
FUZZ_OBJS += $(FUZZ_OUT)/rv64_decode.gen.c.o $(FUZZ_OUT)/rv64c_decode.gen.c.o
$(FUZZ_OUT)/rv64_decode.gen.c.o: $(RV64_GEN).c $(RV64C_GEN).h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -Idecode/riscv64 -c $< -o $@
$(FUZZ_OUT)/rv64c_decode.gen.c.o: $(RV64C_GEN).c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -Idecode/riscv64 -c $< -o $@
$(filter $(FUZZ_OUT)/decode/riscv64/%,$(FUZZ_OBJS)): $(RV64_GEN).h $(RV64C_GEN).h

# tc_xxh.c is compiled for AVX2 by its pragma, which clang does not let
# define __AVX2__: it gets the flag (it runs only where the host has AVX2).
$(FUZZ_OUT)/tcache/tc_xxh.c.o: FUZZ_FLAGS += -mavx2
# Objects are rebuilt when a header they include changes.
$(FUZZ_OBJS): FUZZ_FLAGS += -MMD -MP
-include $(FUZZ_OBJS:.o=.d)

$(FUZZ_OUT)/%.c.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -c $< -o $@

$(FUZZ_OUT)/%.S.o: %.S
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -c $< -o $@

$(FUZZ_OUT)/%.c.gcc.o: %.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -mcx16 -std=gnu11 -fno-strict-aliasing -c $< -o $@

# Kept after a harness is linked, for the next one.
.SECONDARY: $(FUZZ_OBJS)

$(FUZZ_OUT)/%_fuzz: tests/fuzz/%_fuzz.c $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

$(FUZZ_OUT)/seed/.done: xrun $(O)/demo/demo
	rm -rf $(FUZZ_OUT)/seed $(FUZZ_OUT)/seed-cache
	mkdir -p $(FUZZ_OUT)/seed
	./xrun --cache-dir=$(FUZZ_OUT)/seed-cache $(O)/demo/demo >/dev/null
	cp $(FUZZ_OUT)/seed-cache/*.xtc $(FUZZ_OUT)/seed/
	touch $@

# Per harness: its seed directory, and what it needs built first.
FUZZ_SEED_cache     := $(FUZZ_OUT)/seed
FUZZ_SEED_loader    := tests/fuzz/corpus/loader
FUZZ_SEED_syscall   := tests/fuzz/corpus/syscall
FUZZ_NEEDS_cache    := $(FUZZ_OUT)/seed/.done
FUZZ_MAXLEN_cache   := 1048576
FUZZ_MAXLEN_loader  := 65536
FUZZ_MAXLEN_syscall := 8192

fuzz-deps:
	@command -v $(FUZZ_CC) >/dev/null || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang; }

fuzz: deps fuzz-deps
	$(MAKE) $(foreach t,$(FUZZ_TARGETS),$(FUZZ_OUT)/$(t)_fuzz $(FUZZ_NEEDS_$(t)))
	@st=0; $(foreach t,$(FUZZ_TARGETS),tests/fuzz/run.sh $(t) $(FUZZ_OUT) $(FUZZ_TIME) \
	  $(FUZZ_MAXLEN_$(t)) $(FUZZ_SEED_$(t)) || st=1;) exit $$st
