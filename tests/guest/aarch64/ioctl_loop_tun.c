/* The ioctls of loop and tun devices: a free loop device from
 * /dev/loop-control, a file attached with LOOP_CONFIGURE (detached again
 * when closed: LO_FLAGS_AUTOCLEAR), its status and size read back, block
 * ioctls on it; a tun interface made with TUNSETIFF and read back with
 * TUNGETIFF. Each step prints the errno it met where the machine does not
 * allow it (no device, no privilege), which is then the same natively. */
// test: args: @TMP@
// test: native: the answers depend on this machine's devices and privileges
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <linux/if_tun.h>
#include <linux/loop.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static int check(const char *what, long r) {
  printf("%-32s %s\n", what, r < 0 ? strerrorname_np(errno) : "ok");
  return r < 0;
}

static void loop(const char *dir) {
  char path[4096], dev[64];
  snprintf(path, sizeof(path), "%s/backing", dir);
  int file = open(path, O_CREAT | O_RDWR | O_TRUNC, 0600);
  if (file < 0 || ftruncate(file, 1 << 20))
    return;
  int ctl = open("/dev/loop-control", O_RDWR | O_CLOEXEC);
  if (check("open /dev/loop-control", ctl))
    return;
  /* another process may take the same free device first: try again, as
   * losetup does */
  int lo = -1, n = -1, r = -1;
  for (int tries = 0; tries < 20 && r < 0; tries++) {
    if (lo >= 0)
      close(lo);
    n = ioctl(ctl, LOOP_CTL_GET_FREE);
    if (n < 0)
      break;
    snprintf(dev, sizeof(dev), "/dev/loop%d", n);
    lo = open(dev, O_RDWR | O_CLOEXEC);
    if (lo < 0)
      break;
    struct loop_config cfg = {.fd = (uint32_t)file, .block_size = 512};
    cfg.info.lo_flags = LO_FLAGS_AUTOCLEAR;
    strcpy((char *)cfg.info.lo_file_name, "xrun-loop-test");
    r = ioctl(lo, LOOP_CONFIGURE, &cfg);
    if (r < 0 && errno != EBUSY)
      break;
  }
  if (check("LOOP_CTL_GET_FREE", n) || check("open the free loop device", lo) ||
      check("LOOP_CONFIGURE", r))
    return;
  struct loop_info64 info;
  if (!check("LOOP_GET_STATUS64", ioctl(lo, LOOP_GET_STATUS64, &info)))
    printf("  name %s, autoclear %s\n", (char *)info.lo_file_name,
           info.lo_flags & LO_FLAGS_AUTOCLEAR ? "yes" : "no");
  uint64_t size = 0;
  if (!check("BLKGETSIZE64", ioctl(lo, BLKGETSIZE64, &size)))
    printf("  %llu bytes\n", (unsigned long long)size);
  int ssz = 0;
  if (!check("BLKSSZGET", ioctl(lo, BLKSSZGET, &ssz)))
    printf("  sector %d\n", ssz);
  check("LOOP_SET_CAPACITY", ioctl(lo, LOOP_SET_CAPACITY, 0));
  check("LOOP_CLR_FD", ioctl(lo, LOOP_CLR_FD, 0));
  close(lo);
  close(ctl);
  close(file);
}

static void tun(void) {
  int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
  if (check("open /dev/net/tun", fd))
    return;
  unsigned features = 0;
  if (!check("TUNGETFEATURES", ioctl(fd, TUNGETFEATURES, &features)))
    printf("  IFF_TUN %s, IFF_NO_PI %s\n", features & IFF_TUN ? "yes" : "no",
           features & IFF_NO_PI ? "yes" : "no");
  struct ifreq ifr = {.ifr_flags = IFF_TUN | IFF_NO_PI};
  strcpy(ifr.ifr_name, "xrt%d");
  if (check("TUNSETIFF", ioctl(fd, TUNSETIFF, &ifr)))
    return;
  printf("  named xrt%s\n", strncmp(ifr.ifr_name, "xrt", 3) ? "? no" : "N");
  struct ifreq got = {0};
  if (!check("TUNGETIFF", ioctl(fd, TUNGETIFF, &got)))
    printf("  same name %s, flags %s\n", strcmp(got.ifr_name, ifr.ifr_name) ? "no" : "yes",
           (got.ifr_flags & (IFF_TUN | IFF_NO_PI)) == (IFF_TUN | IFF_NO_PI) ? "tun no-pi"
                                                                            : "other");
  int hdr = 0;
  if (!check("TUNGETVNETHDRSZ", ioctl(fd, TUNGETVNETHDRSZ, &hdr)))
    printf("  %d\n", hdr);
  close(fd);
}

int main(int argc, char **argv) {
  loop(argc > 1 ? argv[1] : ".");
  tun();
  return 0;
}
