# fuzz.mk - fuzzing with libFuzzer (clang) and AddressSanitizer (included by
# the top Makefile). Not part of `make check`.
#   make fuzz                  the cache-file reader, FUZZ_TIME seconds (default 60)
#   make fuzz FUZZ_TIME=3600
# The seed corpus is real cache files: the demo program run once with a fresh
# cache directory. Findings (crash-*, leak-*) are written to o/fuzz/; clang is
# installed with apt-get when missing.

FUZZ_CC   ?= clang
FUZZ_TIME ?= 60
FUZZ_OUT  := $(O)/fuzz
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

$(FUZZ_OUT)/%.c.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -c $< -o $@

$(FUZZ_OUT)/%.S.o: %.S
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -c $< -o $@

$(FUZZ_OUT)/%.c.gcc.o: %.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -mcx16 -std=gnu11 -fno-strict-aliasing -c $< -o $@

$(FUZZ_OUT)/cache_fuzz: tests/fuzz/cache_fuzz.c $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

$(FUZZ_OUT)/seed/.done: xrun $(O)/demo/demo
	rm -rf $(FUZZ_OUT)/seed $(FUZZ_OUT)/seed-cache
	mkdir -p $(FUZZ_OUT)/seed
	./xrun --cache-dir=$(FUZZ_OUT)/seed-cache $(O)/demo/demo >/dev/null
	cp $(FUZZ_OUT)/seed-cache/*.xtc $(FUZZ_OUT)/seed/
	touch $@

fuzz-deps:
	@command -v $(FUZZ_CC) >/dev/null || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang; }

fuzz: deps fuzz-deps
	$(MAKE) $(FUZZ_OUT)/cache_fuzz $(FUZZ_OUT)/seed/.done
	@mkdir -p $(FUZZ_OUT)/corpus
	cd $(FUZZ_OUT) && ./cache_fuzz -max_total_time=$(FUZZ_TIME) -max_len=1048576 corpus seed
