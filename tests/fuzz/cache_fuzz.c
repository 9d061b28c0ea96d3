/* cache_fuzz.c - libFuzzer harness for the persistent cache's reader: each
 * input is a cache-file image, checked and relocated as a load would
 * (tc_persist_check_image), with its checksums rewritten first so that the
 * fuzzer's changes reach the checks behind them. Built with AddressSanitizer
 * by `make fuzz`; a read or write out of bounds, or a crash, is a finding. */
#include <stdlib.h>
#include <string.h>
#include "../../tcache/tc_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint8_t *p = malloc(size ? size : 1); /* aligned, and writable for the sums */
  if (!p)
    return 0;
  memcpy(p, data, size);
  tc_persist_check_image(p, size, true);
  free(p);
  return 0;
}
