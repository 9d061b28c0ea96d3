/* sys_landlock.c - Landlock. Its three calls and their structs are the same
 * for every asm-generic guest, so they pass to the host; the paths in a
 * program's rules are the ones it opened (through -L, as it sees them).
 *
 * A program that restricts itself restricts xrun too: an execve under the
 * ruleset runs xrun again, through the host's dynamic loader and libraries,
 * which the program's rules know nothing of. So before the ruleset takes
 * effect, landlock_restrict_self adds to it rules that let xrun's own files
 * (its executable, the loader, the libraries, the loader's cache) be read
 * and run: what the ruleset handles of those two rights, nothing else. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/landlock.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "sys_int.h"

/* Allows the file at path to be run and read under the ruleset, with the
 * rights of *rights that the ruleset handles (found at the first file: a
 * right it does not handle makes the rule EINVAL). */
static void sys_landlock_allow(int ruleset, const char *path, uint64_t *rights) {
  static const uint64_t tries[] = {
      LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE,
      LANDLOCK_ACCESS_FS_READ_FILE,
      LANDLOCK_ACCESS_FS_EXECUTE,
  };
  struct landlock_path_beneath_attr rule = {.allowed_access = *rights,
                                            .parent_fd = open(path, O_PATH | O_CLOEXEC)};
  if (rule.parent_fd < 0)
    return;
  if (*rights)
    syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
  for (size_t i = 0; i < sizeof(tries) / sizeof(tries[0]) && !*rights; i++) {
    rule.allowed_access = tries[i];
    if (!syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0))
      *rights = tries[i];
  }
  close(rule.parent_fd);
}

int64_t sys_landlock_restrict_self(const struct sys_call *s) {
  uint64_t rights = 0;
  const char *path;
  for (int i = 0; (path = sys_own_file_at(i)); i++)
    sys_landlock_allow((int)s->a[0], path, &rights);
  if (rights)
    sys_landlock_allow((int)s->a[0], "/etc/ld.so.cache", &rights);
  return sys_pass(s);
}
