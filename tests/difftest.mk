# difftest.mk - the differential tester of the A64 and RV64 decoders
# (tools/difftest). Included by the top Makefile.
#   make difftest                 every class of both guests, DIFFTEST_N sequences each,
#                                 vs qemu-aarch64 and qemu-riscv64
#   make difftest GUEST=riscv64   one guest
#   make difftest N=100000 SEED=7
#   make difftest-tools           only build the generator and the guest harness

DT_DIR     := tools/difftest
DT_OUT     := $(O)/tools/difftest
DT_GEN     := $(DT_OUT)/difftest-gen
DT_HARNESS := $(DT_OUT)/difftest-harness
DT_GEN_SRCS := $(DT_DIR)/dt_gen.c $(DT_DIR)/dt_fix.c $(DT_DIR)/dt_templates.c \
               $(DT_DIR)/dt_selfcheck.c $(DT_DIR)/dt_casefile.c
DT_HARNESS_SRCS := $(DT_DIR)/dt_harness.c $(DT_DIR)/dt_tramp.S
# riscv64: difftest-gen-rv64 and difftest-harness-rv64, the same commands
DT_RV_GEN     := $(DT_OUT)/difftest-gen-rv64
DT_RV_HARNESS := $(DT_OUT)/difftest-harness-rv64
DT_RV_GEN_SRCS := $(DT_DIR)/rv_gen.c $(DT_DIR)/rv_templates.c $(DT_DIR)/rv_selfcheck.c \
                  $(DT_DIR)/dt_casefile.c
DT_RV_HARNESS_SRCS := $(DT_DIR)/rv_harness.c $(DT_DIR)/rv_tramp.S $(DT_DIR)/rv_vtramp.S
RV_GUEST_CC ?= riscv64-linux-gnu-gcc
DIFFTEST_N ?= 2000
# the counts `make check` runs (tests/check.sh passes them as N): 10,000
# per A64 class take about 18 s, and at 300 a backend bug that turned up
# about once in 10,000 sequences (a 32-bit move of a pinned register) went
# through; the riscv64 classes are quicker (about 10 s for seven at 2000)
DIFFTEST_CHECK_N ?= 10000
DIFFTEST_RV64_CHECK_N ?= 2000

$(DT_GEN): $(DT_GEN_SRCS) $(DT_DIR)/dt_gen.h $(DT_DIR)/difftest.h $(DT_DIR)/dt_casefile.h
	@mkdir -p $(dir $@)
	$(CC) -O2 -g -Wall -Wextra -std=gnu11 -o $@ $(DT_GEN_SRCS)

$(DT_HARNESS): $(DT_HARNESS_SRCS) $(DT_DIR)/difftest.h
	@mkdir -p $(dir $@)
	$(GUEST_CC) -O2 -g -Wall -Wextra -std=gnu11 -static -o $@ $(DT_HARNESS_SRCS)

$(DT_RV_GEN): $(DT_RV_GEN_SRCS) $(DT_DIR)/rv_gen.h $(DT_DIR)/rv_difftest.h $(DT_DIR)/difftest.h \
              $(DT_DIR)/dt_casefile.h
	@mkdir -p $(dir $@)
	$(CC) -O2 -g -Wall -Wextra -std=gnu11 -o $@ $(DT_RV_GEN_SRCS)

$(DT_RV_HARNESS): $(DT_RV_HARNESS_SRCS) $(DT_DIR)/rv_difftest.h $(DT_DIR)/difftest.h
	@mkdir -p $(dir $@)
	$(RV_GUEST_CC) -O2 -g -Wall -Wextra -std=gnu11 -static -o $@ $(DT_RV_HARNESS_SRCS)

difftest-tools: $(DT_GEN) $(DT_HARNESS) $(DT_RV_GEN) $(DT_RV_HARNESS)

difftest: xrun difftest-tools
	N=$(or $(N),$(DIFFTEST_N)) SEED=$(or $(SEED),1) GUEST=$(or $(GUEST),all) tests/difftest.sh

.PHONY: difftest difftest-tools
