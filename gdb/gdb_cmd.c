#define _GNU_SOURCE
/* gdb_cmd.c - the packets of the GDB remote serial protocol the stub
 * answers, one function each: registers (g G p P), memory (m M X), resuming
 * (c C s S vCont), breakpoints (Z0 z0), threads (H T qfThreadInfo qC),
 * queries (qSupported, qXfer:features:read, qXfer:auxv:read, qAttached),
 * k and D. Anything else gets the empty reply: not supported. */
#include <mimalloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "gdb_int.h"
#include "../tcache/tcache.h"

static char gdb_reply[2 * GDB_PKT];

static const char gdb_hex[] = "0123456789abcdef";

static size_t gdb_tohex(char *out, const uint8_t *p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    out[2 * i] = gdb_hex[p[i] >> 4];
    out[2 * i + 1] = gdb_hex[p[i] & 15];
  }
  return 2 * n;
}

/* Hex digits to bytes; returns the bytes made (stops at a non-hex pair). */
static size_t gdb_fromhex(uint8_t *out, const char *s, size_t max) {
  size_t n = 0;
  for (; n < max && s[0] && s[1]; n++, s += 2) {
    char pair[3] = {s[0], s[1], 0}, *end;
    out[n] = (uint8_t)strtoul(pair, &end, 16);
    if (*end)
      break;
  }
  return n;
}

static void gdb_error(int code) {
  char e[8];
  snprintf(e, sizeof(e), "E%02x", code);
  gdb_send_str(e);
}

/* "addr,len" and what follows it */
static bool gdb_addr_len(const char *s, uint64_t *addr, size_t *len, char **rest) {
  char *end;
  *addr = strtoull(s, &end, 16);
  if (*end != ',')
    return false;
  *len = strtoull(end + 1, rest, 16);
  return true;
}

/* The selected thread's registers: itself when it is the stopped one or
 * parked (all-stop: at a block boundary or on its way out of a system call,
 * its state exact and its own to write), else a copy taken under the
 * translator's lock (it is inside a system call, which may still write
 * them). */
struct gdb_copy {
  long tid;
  struct cpu *into;
  bool found;
};
static void gdb_copy_one(struct cpu *c, void *arg) {
  struct gdb_copy *k = arg;
  if (!k->found && gdb_tid(c) == k->tid) {
    memcpy(k->into, c, c->guest->cpu_size);
    k->found = true;
  }
}

/* The thread whose registers G and P write: NULL for one inside a system call. */
static struct cpu *gdb_writable(struct cpu *sel) {
  if (!sel || sel == gdb.stopped)
    return gdb.stopped;
  return __atomic_load_n(&sel->debug.where, __ATOMIC_SEQ_CST) == GDB_PARKED ? sel : NULL;
}

static struct cpu *gdb_regs_of(struct cpu *sel) {
  static struct cpu *copy;
  if (gdb_writable(sel))
    return gdb_writable(sel);
  if (!copy)
    copy = mi_zalloc_aligned(gdb.stopped->guest->cpu_size, 64);
  struct gdb_copy k = {gdb_tid(sel), copy, false};
  if (copy)
    tc_threads_each(gdb_copy_one, &k);
  return k.found ? copy : gdb.stopped;
}

static void gdb_cmd_g(void) {
  struct cpu *c = gdb_regs_of(gdb.selected);
  uint8_t r[64];
  size_t n = 0;
  for (unsigned i = 0; i < gdb.guest->n_regs; i++) {
    gdb.guest->reg_get(c, i, r);
    n += gdb_tohex(gdb_reply + n, r, gdb.guest->reg_size(i));
  }
  gdb_send(gdb_reply, n);
}

static void gdb_cmd_G(const char *s) {
  uint8_t r[64];
  struct cpu *c = gdb_writable(gdb.selected);
  if (!c) {
    gdb_error(1);
    return;
  }
  for (unsigned i = 0; i < gdb.guest->n_regs; i++) {
    size_t size = gdb.guest->reg_size(i);
    if (gdb_fromhex(r, s, size) != size)
      break;
    gdb.guest->reg_set(c, i, r);
    s += 2 * size;
  }
  gdb_send_str("OK");
}

static void gdb_cmd_p(const char *s) {
  unsigned n = (unsigned)strtoul(s, NULL, 16);
  uint8_t r[64];
  if (n >= gdb.guest->n_regs) {
    gdb_error(1);
    return;
  }
  gdb.guest->reg_get(gdb_regs_of(gdb.selected), n, r);
  gdb_send(gdb_reply, gdb_tohex(gdb_reply, r, gdb.guest->reg_size(n)));
}

static void gdb_cmd_P(const char *s) {
  char *eq;
  unsigned n = (unsigned)strtoul(s, &eq, 16);
  uint8_t r[64];
  struct cpu *c = gdb_writable(gdb.selected);
  if (*eq != '=' || n >= gdb.guest->n_regs || !c) {
    gdb_error(1);
    return;
  }
  if (gdb_fromhex(r, eq + 1, gdb.guest->reg_size(n)) != gdb.guest->reg_size(n)) {
    gdb_error(1);
    return;
  }
  gdb.guest->reg_set(c, n, r);
  gdb_send_str("OK");
}

static void gdb_cmd_m(const char *s) {
  static uint8_t mem[GDB_PKT / 2];
  uint64_t addr;
  size_t len;
  char *rest;
  if (!gdb_addr_len(s, &addr, &len, &rest)) {
    gdb_error(1);
    return;
  }
  if (len > sizeof(mem) - 4)
    len = sizeof(mem) - 4;
  if (gdb_mem_read(addr, mem, len)) {
    gdb_error(14);
    return;
  } /* EFAULT */
  gdb_send(gdb_reply, gdb_tohex(gdb_reply, mem, len));
}

static void gdb_cmd_M(const char *s) {
  static uint8_t mem[GDB_PKT / 2];
  uint64_t addr;
  size_t len;
  char *rest;
  if (!gdb_addr_len(s, &addr, &len, &rest) || *rest != ':' || len > sizeof(mem) ||
      gdb_fromhex(mem, rest + 1, len) != len) {
    gdb_error(1);
    return;
  }
  gdb_send_str(gdb_mem_write(addr, mem, len) ? "E0e" : "OK");
}

/* X: binary data, '}' escaping the next byte (xor 0x20). */
static void gdb_cmd_X(const char *s, const char *end) {
  static uint8_t mem[GDB_PKT];
  uint64_t addr;
  size_t len, n = 0;
  char *rest;
  if (!gdb_addr_len(s, &addr, &len, &rest) || *rest != ':' || len > sizeof(mem)) {
    gdb_error(1);
    return;
  }
  for (const char *p = rest + 1; p < end && n < len; p++)
    mem[n++] = *p == '}' && p + 1 < end ? (uint8_t)(*++p ^ 0x20) : (uint8_t)*p;
  if (n != len) {
    gdb_error(1);
    return;
  }
  gdb_send_str(gdb_mem_write(addr, mem, len) ? "E0e" : "OK");
}

/* Z0,addr,kind / z0,addr,kind: software breakpoints, of a kind (size) the
 * guest has; other types are not supported (gdb then watches by
 * single-stepping). */
static void gdb_cmd_Z(const char *s, bool insert) {
  uint64_t addr;
  size_t kind;
  char *rest;
  if (s[0] != '0' || s[1] != ',') {
    gdb_send_str("");
    return;
  }
  if (!gdb_addr_len(s + 2, &addr, &kind, &rest) || kind >= 32 ||
      !(gdb.guest->break_kinds >> kind & 1)) {
    gdb_error(1);
    return;
  }
  if (!insert)
    gdb_break_remove(addr);
  else if (gdb_break_insert(addr, (unsigned)kind)) {
    gdb_error(28); /* ENOSPC */
    return;
  }
  gdb_send_str("OK");
}

/* c [addr], s [addr], C sig [;addr], S sig [;addr]: the stopped thread
 * continues or steps; with c the others continue, with s they stay
 * stopped. */
static enum gdb_resume gdb_cmd_resume(char op, const char *s) {
  char *end;
  int sig = 0;
  bool step = op == 's' || op == 'S';
  if (op == 'C' || op == 'S') {
    sig = gdb_sig_to_host((int)strtol(s, &end, 16));
    s = *end == ';' ? end + 1 : end;
  }
  if (*s)
    gdb.stopped->pc = strtoull(s, NULL, 16);
  gdb_resume_begin();
  gdb_resume_thread(gdb_tid(gdb.stopped), step ? GDB_ACT_STEP : GDB_ACT_CONT, sig);
  if (!step)
    gdb_resume_others(GDB_ACT_CONT);
  return GDB_RESUME;
}

/* One vCont action: c, C sig, s or S sig (0: none of them); *sig the Linux
 * signal, 0 for none. */
static enum gdb_action gdb_vcont_action(const char *a, int *sig) {
  *sig = a[0] == 'C' || a[0] == 'S' ? gdb_sig_to_host((int)strtol(a + 1, NULL, 16)) : 0;
  switch (a[0]) {
  case 'c':
  case 'C': return GDB_ACT_CONT;
  case 's':
  case 'S': return GDB_ACT_STEP;
  default: return GDB_ACT_STAY;
  }
}

/* vCont;action[:tid];...: each thread does the leftmost action that names
 * it, or the first one without a thread id; a thread no action names stays
 * stopped (gdb steps one thread over a breakpoint: vCont;s:tid). A signal
 * in an action for all threads goes to the stopped one only. */
static enum gdb_resume gdb_cmd_vcont(char *s) {
  gdb_resume_begin();
  for (char *save = NULL, *a = strtok_r(s, ";", &save); a; a = strtok_r(NULL, ";", &save)) {
    char *colon = strchr(a, ':');
    long tid = colon ? strtol(colon + 1, NULL, 16) : -1;
    int sig;
    enum gdb_action act = gdb_vcont_action(a, &sig);
    if (act == GDB_ACT_STAY)
      continue;
    if (tid > 0) {
      gdb_resume_thread(tid, act, sig);
      continue;
    }
    gdb_resume_thread(gdb_tid(gdb.stopped), act, sig);
    gdb_resume_others(act);
    break; /* every thread has its action */
  }
  if (!gdb_resume_any()) {
    gdb_error(1); /* nothing would run: gdb would wait for ever */
    return GDB_SERVE;
  }
  return GDB_RESUME;
}

static void gdb_list_one(struct cpu *c, void *arg) {
  size_t *n = arg;
  if (c != gdb.stopped && *n < sizeof(gdb_reply) - 32)
    *n += (size_t)snprintf(gdb_reply + *n, 32, ",%lx", gdb_tid(c));
}

/* qfThreadInfo: the stopped thread first (before the program starts it is
 * in no list yet), then the others; qsThreadInfo ends the list. */
static void gdb_cmd_threads(void) {
  size_t n = (size_t)snprintf(gdb_reply, 32, "m%lx", gdb_tid(gdb.stopped));
  tc_threads_each(gdb_list_one, &n);
  gdb_send(gdb_reply, n);
}

/* Hg tid, Hc tid: 0 and -1 mean any thread (the stopped one). */
static void gdb_cmd_H(const char *s) {
  long tid = strtol(s + 1, NULL, 16);
  struct cpu *c = tid <= 0 ? gdb.stopped : gdb_thread(tid);
  if (!c) {
    gdb_error(1);
    return;
  }
  if (s[0] == 'g')
    gdb.selected = c;
  gdb_send_str("OK");
}

/* qXfer:OBJECT:read:ANNEX:offset,length: a part of a text, 'm' more or 'l' last. */
static void gdb_xfer_reply(const char *text, size_t size, const char *range) {
  uint64_t off;
  size_t len;
  char *rest;
  if (!gdb_addr_len(range, &off, &len, &rest)) {
    gdb_error(1);
    return;
  }
  if (off > size)
    off = size;
  if (len > GDB_PKT / 2)
    len = GDB_PKT / 2;
  bool last = size - off <= len;
  size_t n = last ? size - off : len;
  gdb_reply[0] = last ? 'l' : 'm';
  memcpy(gdb_reply + 1, text + off, n);
  gdb_send(gdb_reply, n + 1);
}

static void gdb_cmd_xfer(const char *s) {
  static char xml[16384];
  static uint8_t auxv[4096];
  static size_t xml_len;
  if (!strncmp(s, "features:read:target.xml:", 25)) {
    if (!xml_len)
      xml_len = gdb.guest->target_xml(xml, sizeof(xml));
    gdb_xfer_reply(xml, xml_len, s + 25);
    return;
  }
  if (!strncmp(s, "auxv:read::", 11) && gdb.auxv_bytes <= sizeof(auxv) &&
      !gdb_mem_read(gdb.auxv, auxv, gdb.auxv_bytes)) {
    gdb_xfer_reply((const char *)auxv, gdb.auxv_bytes, s + 11);
    return;
  }
  gdb_send_str("");
}

static void gdb_cmd_q(const char *s) {
  char r[128];
  if (!strncmp(s, "Supported", 9)) {
    snprintf(r, sizeof(r), "PacketSize=%x;qXfer:features:read+;qXfer:auxv:read+;vContSupported+",
             GDB_PKT);
    gdb_send_str(r);
  } else if (!strncmp(s, "Xfer:", 5)) {
    gdb_cmd_xfer(s + 5);
  } else if (!strcmp(s, "fThreadInfo")) {
    gdb_cmd_threads();
  } else if (!strcmp(s, "sThreadInfo")) {
    gdb_send_str("l");
  } else if (!strcmp(s, "C")) {
    snprintf(r, sizeof(r), "QC%lx", gdb_tid(gdb.stopped));
    gdb_send_str(r);
  } else if (!strncmp(s, "Attached", 8)) {
    gdb_send_str("0"); /* started by us: gdb kills it when done, as with qemu */
  } else {
    gdb_send_str("");
  }
}

/* k, vKill: the program ends as if killed. */
static _Noreturn void gdb_kill(void) {
  gdb_close();
  gdb_active = false;
  tc_diag_exit(SIGKILL);
  kill(getpid(), SIGKILL);
  _exit(128 + SIGKILL);
}

static enum gdb_resume gdb_cmd_v(char *s) {
  if (!strcmp(s, "Cont?")) {
    gdb_send_str("vCont;c;C;s;S");
    return GDB_SERVE;
  }
  if (!strncmp(s, "Cont;", 5))
    return gdb_cmd_vcont(s + 5);
  if (!strncmp(s, "Kill", 4))
    gdb_kill();
  gdb_send_str("");
  return GDB_SERVE;
}

enum gdb_resume gdb_command(char *p, size_t len) {
  switch (p[0]) {
  case '?': gdb_send_stop(); break;
  case 'g': gdb_cmd_g(); break;
  case 'G': gdb_cmd_G(p + 1); break;
  case 'p': gdb_cmd_p(p + 1); break;
  case 'P': gdb_cmd_P(p + 1); break;
  case 'm': gdb_cmd_m(p + 1); break;
  case 'M': gdb_cmd_M(p + 1); break;
  case 'X': gdb_cmd_X(p + 1, p + len); break;
  case 'c':
  case 'C':
  case 's':
  case 'S': return gdb_cmd_resume(p[0], p + 1);
  case 'v': return gdb_cmd_v(p + 1);
  case 'Z': gdb_cmd_Z(p + 1, true); break;
  case 'z': gdb_cmd_Z(p + 1, false); break;
  case 'H': gdb_cmd_H(p + 1); break;
  case 'T': gdb_send_str(gdb_thread(strtol(p + 1, NULL, 16)) ? "OK" : "E01"); break;
  case 'q': gdb_cmd_q(p + 1); break;
  case 'k': gdb_kill();
  case 'D': gdb_send_str("OK"); return GDB_DETACH;
  default: gdb_send_str(""); break;
  }
  return GDB_SERVE;
}
