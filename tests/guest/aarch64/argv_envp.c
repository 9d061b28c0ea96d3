/* argv_envp.c - argc/argv as passed (including an argument with spaces and
 * an empty one), argv[argc] == NULL, environ as set by the harness (env -i
 * with PATH, LC_ALL and XTEST_ENV), and getenv/setenv/unsetenv. */
// test: args: one "two words" '' --four=4
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

int main(int argc, char **argv, char **envp) {
  printf("argc %d\n", argc);
  for (int i = 1; i < argc; i++)
    printf("argv[%d] = [%s]\n", i, argv[i]);
  printf("argv[argc] is %s\n", argv[argc] ? "not NULL" : "NULL");
  const char *base = strrchr(argv[0], '/');
  printf("argv[0] ends with %s\n", base ? base + 1 : argv[0]);
  printf("envp == environ: %d\n", envp == environ);
  int n = 0, found = 0;
  for (char **e = envp; *e; e++) {
    n++;
    found += !strncmp(*e, "XTEST_ENV=", 10);
  }
  printf("env has XTEST_ENV: %d, entries >= 3: %d\n", found, n >= 3);
  printf("getenv XTEST_ENV = %s\n", getenv("XTEST_ENV"));
  printf("getenv MISSING = %s\n", getenv("XTEST_MISSING") ? "set" : "(null)");
  setenv("XTEST_NEW", "fresh", 1);
  setenv("XTEST_ENV", "kept", 0);
  printf("after setenv: %s %s\n", getenv("XTEST_NEW"), getenv("XTEST_ENV"));
  unsetenv("XTEST_ENV");
  printf("after unsetenv: %s\n", getenv("XTEST_ENV") ? "set" : "(null)");
  return 0;
}
