/* execve of a "#!" script whose interpreter is a guest program runs that
 * interpreter as a guest program, with the argv Linux's binfmt_script makes
 * (interpreter as written, its one optional argument, the script's name as
 * given, then argv[1]...): this program is its own interpreter. A script
 * whose interpreter is missing fails with ENOENT, a file that is neither a
 * program nor a script with ENOEXEC. xrun used to hand every script to the
 * host's kernel, which cannot run a riscv64 interpreter: a #!/bin/sh script
 * ran the host's shell, and a riscv64 program it started failed with
 * "Exec format error". */
// test: qemu-wrong: qemu 7.2 passes scripts to the host kernel (no riscv64 interpreter)
#define _GNU_SOURCE
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void write_script(const char *name, const char *text) {
  FILE *f = fopen(name, "w");
  fputs(text, f);
  fclose(f);
  chmod(name, 0755);
}

static void run(const char *name, char *const argv[]) {
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    execv(name, argv);
    printf("  execv %s: %s\n", name,
           errno == ENOENT    ? "ENOENT"
           : errno == ENOEXEC ? "ENOEXEC"
                              : strerror(errno));
    fflush(stdout);
    _exit(127);
  }
  int st;
  waitpid(pid, &st, 0);
  printf("  exit status %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
}

int main(int argc, char **argv) {
  if (argc > 1 && (!strncmp(argv[1], "--interp", 8) || strstr(argv[1], ".sh"))) {
    printf("  interpreter %s:", basename(argv[0]));
    for (int i = 1; i < argc; i++)
      printf(" [%s]", argv[i]);
    printf("\n");
    return 3;
  }
  char self[PATH_MAX], text[PATH_MAX + 64];
  ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
  self[n < 0 ? 0 : n] = 0;
  char *args[] = {"ignored-argv0", "a", "b c", NULL};

  printf("with an argument, blanks around it:\n");
  snprintf(text, sizeof(text), "#!%s  --interp-arg  \necho not run\n", self);
  write_script("with_arg.sh", text);
  run("./with_arg.sh", args);

  printf("without an argument, blanks before the interpreter:\n");
  snprintf(text, sizeof(text), "#! \t%s\n", self);
  write_script("no_arg.sh", text);
  char *args2[] = {"ignored-argv0", "x", NULL};
  run("./no_arg.sh", args2);

  printf("missing interpreter:\n");
  write_script("missing.sh", "#!/nonexistent/interpreter\n");
  run("./missing.sh", args);

  printf("neither a program nor a script:\n");
  write_script("plain.txt", "just text\n");
  run("./plain.txt", args);
  return 0;
}
