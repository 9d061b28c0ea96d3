/* signal_altstack.c - sigaltstack: a handler with SA_ONSTACK runs on the
 * alternate stack and sees SS_ONSTACK; a signal raised inside it nests on the
 * same stack; one without SA_ONSTACK stays on the normal stack; and a
 * SIGSEGV from running out of stack is handled on the alternate stack. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static char *alt;
static size_t alt_size = 64 * 1024;
static volatile int on_alt, saw_onstack, nested_on_alt, plain_on_alt;
static sigjmp_buf env;

static int in_alt(void *p) {
  return (char *)p >= alt && (char *)p < alt + alt_size;
}

static void on_usr2(int sig) {
  char here;
  (void)sig;
  nested_on_alt = in_alt(&here);
}

static void on_usr1(int sig) {
  char here;
  stack_t cur;
  (void)sig;
  on_alt = in_alt(&here);
  sigaltstack(NULL, &cur);
  saw_onstack = (cur.ss_flags & SS_ONSTACK) != 0;
  raise(SIGUSR2);
}

static void on_term(int sig) {
  char here;
  (void)sig;
  plain_on_alt = in_alt(&here);
}

static void on_segv(int sig) {
  char here;
  (void)sig;
  on_alt = in_alt(&here);
  siglongjmp(env, 1);
}

int main(void) {
  alt = malloc(alt_size);
  stack_t ss = {.ss_sp = alt, .ss_size = alt_size, .ss_flags = 0};
  printf("sigaltstack set: %d\n", sigaltstack(&ss, NULL));
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sa.sa_flags = SA_ONSTACK;
  sigaction(SIGUSR1, &sa, NULL);
  sa.sa_handler = on_usr2;
  sigaction(SIGUSR2, &sa, NULL);
  sa.sa_handler = on_term;
  sa.sa_flags = 0;
  sigaction(SIGTERM, &sa, NULL);

  raise(SIGUSR1);
  printf("handler on altstack %d, SS_ONSTACK inside %d, nested on altstack %d\n", on_alt,
         saw_onstack, nested_on_alt);
  stack_t cur;
  sigaltstack(NULL, &cur);
  printf("after: flags %d, sp is ours %d, size %zu\n", cur.ss_flags, cur.ss_sp == alt, cur.ss_size);
  raise(SIGTERM);
  printf("without SA_ONSTACK on altstack %d\n", plain_on_alt);

  /* A fault whose stack pointer is unusable: only the altstack can run the handler. */
  sa.sa_handler = on_segv;
  sa.sa_flags = SA_ONSTACK;
  sigaction(SIGSEGV, &sa, NULL);
  on_alt = 0;
  char *page = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (sigsetjmp(env, 1) == 0) {
    *(volatile char *)page = 1;
    printf("no fault?\n");
  } else {
    printf("SIGSEGV handled on altstack %d\n", on_alt);
  }
  ss.ss_flags = SS_DISABLE;
  printf("disable: %d\n", sigaltstack(&ss, NULL));
  sigaltstack(NULL, &cur);
  printf("disabled flags %d\n", cur.ss_flags);
  return 0;
}
