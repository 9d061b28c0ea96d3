/* name_to_handle_at and open_by_handle_at (a file opened again from its
 * handle; open flags that differ between architectures, such as O_DIRECTORY,
 * still mean what they mean), and fanotify: a mark on a directory, a file
 * opened and written there, and the events read back with the descriptor
 * each carries (its path, its open flags). Both need CAP_DAC_READ_SEARCH /
 * CAP_SYS_ADMIN: without them each prints the errno, which is then the same
 * natively. */
// test: args: @TMP@
// test: native: the answers depend on this machine's privileges and kernel
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fanotify.h>
#include <unistd.h>

static void handles(const char *dir) {
  char path[4096];
  snprintf(path, sizeof(path), "%s/h", dir);
  int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  if (fd < 0 || write(fd, "handle text\n", 12) != 12)
    return;
  close(fd);
  struct file_handle *fh = malloc(sizeof(*fh) + MAX_HANDLE_SZ);
  fh->handle_bytes = MAX_HANDLE_SZ;
  int mount_id;
  if (name_to_handle_at(AT_FDCWD, path, fh, &mount_id, 0)) {
    printf("name_to_handle_at: %s\n", strerrorname_np(errno));
    return;
  }
  printf("name_to_handle_at: handle of %s bytes\n", fh->handle_bytes > 0 ? "some" : "no");
  int mfd = open(dir, O_RDONLY | O_DIRECTORY);
  fd = open_by_handle_at(mfd, fh, O_RDONLY);
  if (fd < 0) {
    printf("open_by_handle_at: %s\n", strerrorname_np(errno));
    return;
  }
  char buf[64] = "";
  ssize_t n = read(fd, buf, sizeof(buf) - 1);
  printf("open_by_handle_at: read %zd bytes: %s", n, n > 0 ? buf : "\n");
  printf("  flags O_ACCMODE %d\n", fcntl(fd, F_GETFL) & O_ACCMODE);
  close(fd);
  fd = open_by_handle_at(mfd, fh, O_RDONLY | O_DIRECTORY);
  printf("open_by_handle_at O_DIRECTORY of a file: %s\n",
         fd < 0 ? strerrorname_np(errno) : "opened");
  struct file_handle bad = {.handle_bytes = 0};
  fd = open_by_handle_at(mfd, &bad, O_RDONLY);
  printf("open_by_handle_at empty handle: %s\n", fd < 0 ? strerrorname_np(errno) : "opened");
  close(mfd);
}

static void fanotify(const char *dir) {
  int fan = fanotify_init(FAN_CLASS_NOTIF | FAN_CLOEXEC, O_RDONLY | O_LARGEFILE | O_NOATIME);
  if (fan < 0) {
    printf("fanotify_init: %s\n", strerrorname_np(errno));
    return;
  }
  if (fanotify_mark(fan, FAN_MARK_ADD, FAN_OPEN | FAN_CLOSE_WRITE | FAN_EVENT_ON_CHILD, AT_FDCWD,
                    dir)) {
    printf("fanotify_mark: %s\n", strerrorname_np(errno));
    return;
  }
  printf("fanotify_mark with no path: %s\n",
         fanotify_mark(fan, FAN_MARK_ADD, FAN_OPEN, open(dir, O_RDONLY), NULL)
             ? strerrorname_np(errno)
             : "ok");
  char path[4096];
  snprintf(path, sizeof(path), "%s/f", dir);
  int fd = open(path, O_CREAT | O_WRONLY, 0644);
  if (write(fd, "x", 1) != 1)
    return;
  close(fd);
  char buf[4096];
  ssize_t n = read(fan, buf, sizeof(buf));
  unsigned opens = 0, closes = 0, ours = 0, events = 0;
  for (struct fanotify_event_metadata *m = (void *)buf; FAN_EVENT_OK(m, n);
       m = FAN_EVENT_NEXT(m, n)) {
    events++;
    opens += !!(m->mask & FAN_OPEN);
    closes += !!(m->mask & FAN_CLOSE_WRITE);
    char link[64], target[4096];
    snprintf(link, sizeof(link), "/proc/self/fd/%d", m->fd);
    ssize_t t = readlink(link, target, sizeof(target) - 1);
    if (t > 0) {
      target[t] = 0;
      ours += !strcmp(target, path);
    }
    int fl = fcntl(m->fd, F_GETFL);
    if (m->fd >= 0 && (fl & (O_ACCMODE | O_NOATIME)) != (O_RDONLY | O_NOATIME))
      printf("  event fd flags 0%o\n", fl);
    close(m->fd);
  }
  printf("fanotify: %s open, %s close-write, %s on the file\n", opens ? "saw" : "no",
         closes ? "saw" : "no", events && ours == events ? "all" : "not all");
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : ".";
  handles(dir);
  fanotify(dir);
  return 0;
}
