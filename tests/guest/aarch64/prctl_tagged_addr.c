/* prctl_tagged_addr.c - arm64's tagged-address ABI control, as arm64 Linux
 * answers without MTE: 0 at first, PR_TAGGED_ADDR_ENABLE accepted and read
 * back (in this thread, and inherited by a new thread), unknown bits and
 * stray arguments EINVAL. */
// test: arm-only: the tagged-address ABI exists only on arm64
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/prctl.h>

static void *thread(void *arg) {
  (void)arg;
  printf("new thread inherits: %d\n", prctl(PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0));
  return NULL;
}

static void show(const char *what, int r) {
  printf("%s: %d%s\n", what, r, r < 0 && errno == EINVAL ? " EINVAL" : "");
  errno = 0;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  show("get", prctl(PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0));
  show("set enable", prctl(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE, 0, 0, 0));
  show("get", prctl(PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0));
  pthread_t t;
  pthread_create(&t, NULL, thread, NULL);
  pthread_join(t, NULL);
  show("set unknown bit", prctl(PR_SET_TAGGED_ADDR_CTRL, 1ul << 40, 0, 0, 0));
  show("set with arg3", prctl(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE, 1, 0, 0));
  show("get with arg2", prctl(PR_GET_TAGGED_ADDR_CTRL, 1, 0, 0, 0));
  show("set 0", prctl(PR_SET_TAGGED_ADDR_CTRL, 0, 0, 0, 0));
  show("get", prctl(PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0));
  return 0;
}
