# difftest.mk - the differential tester of the A64 decoder (tools/difftest).
# Included by the top Makefile.
#   make difftest                 every class, DIFFTEST_N sequences each, vs qemu-aarch64
#   make difftest N=100000 SEED=7
#   make difftest-tools           only build the generator and the guest harness

DT_DIR     := tools/difftest
DT_OUT     := $(O)/tools/difftest
DT_GEN     := $(DT_OUT)/difftest-gen
DT_HARNESS := $(DT_OUT)/difftest-harness
DT_GEN_SRCS := $(DT_DIR)/dt_gen.c $(DT_DIR)/dt_fix.c $(DT_DIR)/dt_templates.c \
               $(DT_DIR)/dt_selfcheck.c
DT_HARNESS_SRCS := $(DT_DIR)/dt_harness.c $(DT_DIR)/dt_tramp.S
DIFFTEST_N ?= 2000
# the count `make check` runs (tests/check.sh passes it as N)
DIFFTEST_CHECK_N ?= 300

$(DT_GEN): $(DT_GEN_SRCS) $(DT_DIR)/dt_gen.h $(DT_DIR)/difftest.h
	@mkdir -p $(dir $@)
	$(CC) -O2 -g -Wall -Wextra -std=gnu11 -o $@ $(DT_GEN_SRCS)

$(DT_HARNESS): $(DT_HARNESS_SRCS) $(DT_DIR)/difftest.h
	@mkdir -p $(dir $@)
	$(GUEST_CC) -O2 -g -Wall -Wextra -std=gnu11 -static -o $@ $(DT_HARNESS_SRCS)

difftest-tools: $(DT_GEN) $(DT_HARNESS)

difftest: xrun difftest-tools
	N=$(or $(N),$(DIFFTEST_N)) SEED=$(or $(SEED),1) tests/difftest.sh

.PHONY: difftest difftest-tools
