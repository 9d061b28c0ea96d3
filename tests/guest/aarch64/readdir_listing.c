/* readdir_listing.c - make files and a subdirectory in argv[1], list them with
 * opendir/readdir (getdents64 underneath), sort the names (readdir order is
 * the filesystem's), and check d_type and that . and .. are present; also
 * scandir with alphasort and a directory with enough entries for several
 * getdents calls. */
// test: args: @TMP@
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  if (chdir(argv[1]) != 0) {
    perror("chdir");
    return 2;
  }
  const char *files[] = {"zeta.txt", "alpha", "Beta.c", "with space", "dot.dot.dot"};
  for (int i = 0; i < 5; i++)
    close(open(files[i], O_CREAT | O_WRONLY, 0644));
  mkdir("subdir", 0755);
  symlink("alpha", "link-to-alpha");
  DIR *d = opendir(".");
  char *names[64];
  int n = 0, dots = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) {
      dots++;
      continue;
    }
    char t = e->d_type == DT_DIR   ? 'd'
             : e->d_type == DT_REG ? 'f'
             : e->d_type == DT_LNK ? 'l'
                                   : '?';
    names[n] = malloc(strlen(e->d_name) + 3);
    sprintf(names[n++], "%c %s", t, e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, cmp);
  printf("dots %d entries %d\n", dots, n);
  for (int i = 0; i < n; i++)
    printf("  %s\n", names[i]);
  mkdir("many", 0755);
  char p[300];
  for (int i = 0; i < 500; i++) {
    snprintf(p, sizeof p, "many/file-with-a-fairly-long-name-number-%04d", i);
    close(open(p, O_CREAT | O_WRONLY, 0644));
  }
  struct dirent **list;
  int m = scandir("many", &list, NULL, alphasort);
  printf("scandir many: %d, first %s, last %s\n", m, list[0]->d_name, list[m - 1]->d_name);
  return 0;
}
