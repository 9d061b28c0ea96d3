/* sys_flags.c - open(2) flags, guest <-> host. Four bits differ on arm64:
 * it moves O_DIRECTORY, O_NOFOLLOW, O_DIRECT and O_LARGEFILE
 * (arch/arm64/include/uapi/asm/fcntl.h); the host (x86-64) and riscv64 use
 * the generic values of include/uapi/asm-generic/fcntl.h (struct
 * guest_abi.generic_oflags). Every other bit is the same. */
#include <stdio.h>
#include "sys_int.h"

#if !defined(__x86_64__)
#error "sys_flags.c: host open flags are given for x86-64 only"
#endif

static const struct {
  uint32_t guest, host;
} sys_moved[] = {
    {040000, 0200000},  /* O_DIRECTORY */
    {0100000, 0400000}, /* O_NOFOLLOW */
    {0200000, 040000},  /* O_DIRECT */
    {0400000, 0100000}, /* O_LARGEFILE */
};
enum { SYS_MOVED_BITS = 0740000 }; /* the four bits, on either side */

static bool sys_oflags_generic(void) {
  return sys_guest && sys_guest->abi->generic_oflags;
}

static uint32_t sys_arm_to_generic(uint32_t g) {
  uint32_t h = g & ~(uint32_t)SYS_MOVED_BITS;
  for (size_t i = 0; i < sizeof(sys_moved) / sizeof(sys_moved[0]); i++)
    if (g & sys_moved[i].guest)
      h |= sys_moved[i].host;
  return h;
}

static uint32_t sys_generic_to_arm(uint32_t h) {
  uint32_t g = h & ~(uint32_t)SYS_MOVED_BITS;
  for (size_t i = 0; i < sizeof(sys_moved) / sizeof(sys_moved[0]); i++)
    if (h & sys_moved[i].host)
      g |= sys_moved[i].guest;
  return g;
}

int sys_oflags_to_host(uint64_t guest) {
  return (int)(sys_oflags_generic() ? (uint32_t)guest : sys_arm_to_generic((uint32_t)guest));
}

uint64_t sys_oflags_to_guest(int host) {
  return sys_oflags_generic() ? (uint32_t)host : sys_generic_to_arm((uint32_t)host);
}

/* arm64 values, for -strace (a generic guest's are converted first). */
static const struct {
  uint32_t bit;
  const char *name;
} sys_oflag_names[] = {
    {0100, "O_CREAT"},       {0200, "O_EXCL"},           {0400, "O_NOCTTY"},
    {01000, "O_TRUNC"},      {02000, "O_APPEND"},        {04000, "O_NONBLOCK"},
    {010000, "O_DSYNC"},     {020000, "O_ASYNC"},        {040000, "O_DIRECTORY"},
    {0100000, "O_NOFOLLOW"}, {0200000, "O_DIRECT"},      {0400000, "O_LARGEFILE"},
    {01000000, "O_NOATIME"}, {02000000, "O_CLOEXEC"},    {04000000, "__O_SYNC"},
    {010000000, "O_PATH"},   {020000000, "__O_TMPFILE"},
};

int sys_oflags_str(char *buf, size_t size, uint64_t guest) {
  static const char *const acc[] = {"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"};
  uint32_t g = sys_oflags_generic() ? sys_generic_to_arm((uint32_t)guest) : (uint32_t)guest;
  uint32_t rest = g & ~3u;
  int n = snprintf(buf, size, "%s", acc[g & 3]);
  for (size_t i = 0; i < sizeof(sys_oflag_names) / sizeof(sys_oflag_names[0]); i++)
    if ((rest & sys_oflag_names[i].bit) && n >= 0 && (size_t)n < size) {
      n += snprintf(buf + n, size - (size_t)n, "|%s", sys_oflag_names[i].name);
      rest &= ~sys_oflag_names[i].bit;
    }
  if (rest && n >= 0 && (size_t)n < size)
    n += snprintf(buf + n, size - (size_t)n, "|0%o", rest);
  return n;
}
