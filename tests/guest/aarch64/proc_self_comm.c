/* The task is named after the program it runs, as the kernel names it at
 * execve: /proc/self/comm, the Name of /proc/self/status and the (comm) of
 * /proc/self/stat say "proc_self_comm" (what ps and top show), a thread's
 * name starts as its creator's, and prctl(PR_SET_NAME) renames the thread. */
// test: qemu-wrong: qemu-aarch64 run as a command (not through binfmt_misc) keeps its own name,
// qemu-aarch64
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>

static void first_line(const char *path, char *buf, size_t size) {
  FILE *f = fopen(path, "r");
  buf[0] = 0;
  if (f && fgets(buf, (int)size, f))
    buf[strcspn(buf, "\n")] = 0;
  if (f)
    fclose(f);
}

static void *thread(void *arg) {
  char name[32] = "";
  (void)arg;
  prctl(PR_GET_NAME, name, 0, 0, 0);
  printf("new thread's name: %s\n", name);
  return NULL;
}

int main(void) {
  char line[256];
  first_line("/proc/self/comm", line, sizeof(line));
  printf("comm: %s\n", line);
  first_line("/proc/self/status", line, sizeof(line));
  printf("status: %s\n", line);
  first_line("/proc/self/stat", line, sizeof(line));
  char *open = strchr(line, '('), *close = strrchr(line, ')');
  if (open && close)
    *close = 0;
  printf("stat comm: %s\n", open ? open + 1 : "?");
  pthread_t t;
  pthread_create(&t, NULL, thread, NULL);
  pthread_join(t, NULL);
  prctl(PR_SET_NAME, "renamed", 0, 0, 0);
  first_line("/proc/thread-self/comm", line, sizeof(line));
  printf("after PR_SET_NAME: %s\n", line);
  return 0;
}
