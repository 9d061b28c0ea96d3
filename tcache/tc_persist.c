/* tc_persist.c - translations that outlive the process.
 *
 * The blocks translated from a guest file are saved, when the process ends
 * or execs, into one cache file per guest file (tc_pdir.c keeps the
 * directory), and a later run loads a block from there instead of
 * translating it. A block is saved with every address of this run in its
 * code made relative (the backend lists them: struct tc_reloc): guest
 * addresses to the file's load bias, helper addresses to xrun's image, jumps
 * to the shared trampolines to the code buffer, exit records to an index.
 * Loading applies them again for wherever the file and xrun are now.
 *
 * Nothing in a cache file is trusted: it is used only when it is ours (owner
 * and mode, tc_pdir.c), its header names this xrun build, these
 * code-generation options and this guest file (device, inode, size, mtime,
 * ctime), the checksums of its index and of the block's data hold, every
 * offset and count in it is in bounds, and the guest bytes in memory hash to
 * what the block was made from. Any doubt: the block is translated as if
 * there were no cache. The guest bytes are not hashed (nor their pages
 * touched) for a block that was made from the file's own bytes where they
 * still are the file's (TCP_AS_FILE, tc_pfile.c): the identity of a settled
 * file stands for its bytes. That was 7% of a warm /bin/true.
 *
 * A guest file has up to two cache files: the main one, and a delta of
 * the blocks later runs added. A run that translated a few blocks more
 * rewrites only the delta, while it stays under 1/TCP_DELTA_SHARE of the
 * main file; past that, main, delta and the new blocks become the new main
 * file and the delta goes. Rewriting a 50 MB file for cc1 because a run
 * took a few paths no run took before cost more than the run itself.
 *
 * File layout: struct tcp_header, n_entries struct tcp_entry sorted by
 * guest_off, then each entry's data (8-byte aligned): the code, its exits
 * (struct tcp_exit), pcmap (struct tc_pcmap), relocs (tcp_reloc: a
 * struct tc_reloc in 4 bytes), and the backend's deferred-state records.
 */
#define _GNU_SOURCE
#include <link.h>
#include <sys/uio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <string.h>
#include <xxhash.h>
#include <mimalloc.h>
#include <sys/platform/x86.h>
#include "tc_int.h"

#define TCP_MAGIC "xrun-tc3"

struct tcp_header {
  char magic[8];
  uint64_t build, codegen;                     /* xrun's build, the code-generation options */
  uint64_t dev, ino, size, mtime_ns, ctime_ns; /* the guest file */
  uint64_t file_size;                          /* of this cache file */
  uint64_t n_entries;
  uint64_t checksum; /* xxh3 of the index (the entries after the header) */
};

struct tcp_entry {
  uint64_t guest_off; /* guest pc - load bias */
  uint64_t guest_hash;
  uint32_t guest_size, code_size;
  uint32_t n_exits, n_pcmap, n_relocs, defer_size;
  uint64_t data;      /* offset in the cache file */
  uint64_t data_hash; /* xxh3 of the data: checked when the block is loaded */
  uint32_t flags;     /* TCP_AS_FILE */
  uint32_t reserved;
};
/* Translated from the file's own bytes (tc_pfile_find's as_file): where they
 * still are, a load need not hash them again. */
enum { TCP_AS_FILE = 1 };

struct tcp_exit {
  uint64_t target_off; /* target pc - load bias */
  uint32_t jump, stub; /* offsets in the code */
};

enum { TCP_MAX_CODE = 1 << 20, TCP_MAX_GUEST = 1 << 16, TCP_MAX_PCMAP = 1 << 16 };

/* A relocation as saved: its offset in the code (below TCP_MAX_CODE) above
 * its kind (enum tc_reloc_kind). */
typedef uint32_t tcp_reloc;
enum { TCP_RELOC_KIND_BITS = 4 };

static tcp_reloc tcp_reloc_pack(const struct tc_reloc *r) {
  return r->off << TCP_RELOC_KIND_BITS | r->kind;
}

static bool tc_persist_active;
static uint64_t tc_self_base, tc_self_size, tc_self_build, tc_codegen;

/* XXH3_64bits of guest code and of the cache files' data and indexes, which
 * each start checks: with AVX2 where the host has it, half the instructions
 * of the library's SSE2 loop. */
uint64_t tc_xxh3(const void *p, size_t n) {
  static int avx2 = -1;
  if (avx2 < 0)
    avx2 = CPU_FEATURE_ACTIVE(AVX2);
  return avx2 ? tc_xxh3_avx2(p, n) : XXH3_64bits(p, n);
}

static size_t tcp_align8(size_t n) {
  return (n + 7) & ~(size_t)7;
}

/* Not with the interpreter, and not when translation is being logged: the
 * log would miss every block loaded instead. */
bool tc_persist_wanted(void) {
  return !xrun_opt.no_cache && !xrun_opt.interp && !(xrun_log_mask & TC_LOG_CODE);
}

/* xrun's own image: where it is and which build (its GNU build ID). */
static int tc_self_cb(struct dl_phdr_info *info, size_t size, void *arg) {
  (void)size, (void)arg;
  uint64_t lo = UINT64_MAX, hi = 0;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *p = &info->dlpi_phdr[i];
    if (p->p_type == PT_LOAD) {
      lo = p->p_vaddr < lo ? p->p_vaddr : lo;
      hi = p->p_vaddr + p->p_memsz > hi ? p->p_vaddr + p->p_memsz : hi;
    } else if (p->p_type == PT_NOTE) {
      const uint8_t *n = (const uint8_t *)(info->dlpi_addr + p->p_vaddr), *e = n + p->p_memsz;
      while (n + 12 <= e) {
        const ElfW(Nhdr) *h = (const ElfW(Nhdr) *)n;
        const uint8_t *desc = n + 12 + ((h->n_namesz + 3) & ~3u);
        if (h->n_type == NT_GNU_BUILD_ID && desc + h->n_descsz <= e)
          tc_self_build = XXH3_64bits(desc, h->n_descsz);
        n = desc + ((h->n_descsz + 3) & ~3u);
      }
    }
  }
  tc_self_base = info->dlpi_addr + lo;
  tc_self_size = hi - lo;
  return 1; /* the first object is the program itself */
}

void tc_persist_init(void) {
  if (!tc_persist_wanted() || !tc_backend->relocate_data || !tc_pdir_path())
    return;
  dl_iterate_phdr(tc_self_cb, NULL);
  if (!tc_self_build)
    return; /* no build ID: a changed xrun could not be told apart */
  uint64_t k[] = {tc_self_build,
                  XXH3_64bits(tc_guest->name, strlen(tc_guest->name)),
                  XXH3_64bits(tc_backend->name, strlen(tc_backend->name)),
                  tc_backend->codegen_key ? tc_backend->codegen_key() : 0,
                  xrun_opt.no_opt,
                  xrun_opt.no_spec,
                  xrun_opt.no_ras,
                  xrun_opt.max_block_insns};
  tc_codegen = XXH3_64bits(k, sizeof(k));
  tc_persist_active = true;
}

enum { TCP_DELTA_SHARE = 8 };

/* The key of f's main cache file, or with delta of its delta. */
static uint64_t tc_pfile_key(const struct tc_pfile *f, bool delta) {
  uint64_t k[] = {tc_self_build, tc_codegen,  f->dev,      f->ino,
                  f->size,       f->mtime_ns, f->ctime_ns, delta};
  return XXH3_64bits(k, sizeof(k));
}

static void tcp_header_of(const struct tc_pfile *f, struct tcp_header *h) {
  memset(h, 0, sizeof(*h));
  memcpy(h->magic, TCP_MAGIC, 8);
  h->build = tc_self_build, h->codegen = tc_codegen;
  h->dev = f->dev, h->ino = f->ino, h->size = f->size, h->mtime_ns = f->mtime_ns;
  h->ctime_ns = f->ctime_ns;
}

/* The header and index of the cache file image p (size bytes) are whole:
 * want's key fields (NULL: any key), the stated size and count, the index's
 * checksum. */
static bool tcp_image_ok(const uint8_t *p, size_t size, const struct tcp_header *want) {
  struct tcp_header h;
  if (size < sizeof(h))
    return false;
  memcpy(&h, p, sizeof(h));
  if (memcmp(h.magic, TCP_MAGIC, 8) ||
      (want && memcmp(&h, want, offsetof(struct tcp_header, file_size))))
    return false;
  return h.file_size == size && h.n_entries <= (size - sizeof(h)) / sizeof(struct tcp_entry) &&
         tc_xxh3(p + sizeof(h), h.n_entries * sizeof(struct tcp_entry)) == h.checksum;
}

/* The main cache file of f (or with delta its delta), if it is whole and
 * made for f by this build. */
static const uint8_t *tc_pfile_disk(const struct tc_pfile *f, bool delta, size_t *size) {
  const uint8_t *p = tc_pdir_open(tc_pfile_key(f, delta), size);
  struct tcp_header want;
  tcp_header_of(f, &want);
  if (p && !tcp_image_ok(p, *size, &want)) {
    munmap((void *)p, *size);
    return NULL;
  }
  return p;
}

static const struct tcp_entry *tcp_entries(const uint8_t *disk, uint64_t *n) {
  *n = ((const struct tcp_header *)(const void *)disk)->n_entries;
  return (const struct tcp_entry *)(const void *)(disk + sizeof(struct tcp_header));
}

/* The entry for off: its bucket of keys (about four, by the offset's high
 * bits) then a binary search in it whose steps are conditional moves, not
 * branches (which way each goes is the data's). A start searches once per
 * block it loads, and each step of a search of all the keys was a cache
 * miss (cc1's 100,000 blocks: 17 steps, tcp_load_from 3% of a warm cc1 run,
 * a third of it on the search's loads). It searches the image's array of
 * guest offsets (8 bytes an entry, in memory a forked child shares with its
 * parent), not the entries (64 bytes, in the file's pages, which a forked
 * child maps again). */
static const struct tcp_entry *tcp_find(const struct tc_pimage *im, uint64_t off) {
  uint64_t n;
  const struct tcp_entry *e = tcp_entries(im->p, &n);
  uint64_t b = off >> im->shift;
  if (!n || b >= im->nb)
    return NULL; /* past the last key */
  const uint64_t *k = im->keys + im->bucket[b], *end = im->keys + n;
  uint64_t m = im->bucket[b + 1] - im->bucket[b];
  while (m > 1) {
    uint64_t half = m / 2;
    k += half & -(uint64_t)(k[half - 1] < off); /* a mask: no branch */
    m -= half;
  }
  k += m && *k < off;
  return k < end && *k == off ? &e[k - im->keys] : NULL;
}

/* The array of im's entries' guest offsets and its buckets (about four keys
 * each); false when memory ran out or the image has too many entries. */
static bool tcp_keys_make(struct tc_pimage *im) {
  uint64_t n;
  const struct tcp_entry *e = tcp_entries(im->p, &n);
  if (n > UINT32_MAX / 2)
    return false;
  uint64_t nb = 1, max = n ? e[n - 1].guest_off : 0;
  while (nb < n / 4)
    nb *= 2;
  unsigned shift = 0;
  while (shift < 63 && max >> shift >= nb)
    shift++;
  im->keys = mi_mallocn(n + (nb + 2) / 2, sizeof(*im->keys));
  if (!im->keys)
    return false;
  im->bucket = (uint32_t *)(im->keys + n), im->nb = (uint32_t)nb, im->shift = (uint8_t)shift;
  for (uint64_t i = 0; i < n; i++)
    im->keys[i] = e[i].guest_off;
  for (uint64_t b = 0, i = 0; b <= nb; b++) {
    while (i < n && im->keys[i] >> shift < b)
      i++;
    im->bucket[b] = (uint32_t)i;
  }
  return true;
}

/* im mapped from the cache file (f's main one, or with delta its delta), if
 * it is whole and made for f by this build; else NULL in im->p. */
static void tcp_image_map(const struct tc_pfile *f, bool delta, struct tc_pimage *im) {
  size_t size = 0;
  const uint8_t *p = tc_pfile_disk(f, delta, &size);
  *im = (struct tc_pimage){.p = p, .size = size};
  if (p && !tcp_keys_make(im)) {
    munmap((void *)p, size);
    im->p = NULL;
  }
}

/* The bytes of a block's data: code, exits, pcmap, relocs and records, each
 * part 8-byte aligned (tcp_put). */
static size_t tcp_parts_size(uint64_t code_size, uint64_t n_exits, uint64_t n_pcmap,
                             uint64_t n_relocs, uint64_t defer_size) {
  return tcp_align8(code_size) + n_exits * sizeof(struct tcp_exit) +
         n_pcmap * sizeof(struct tc_pcmap) + tcp_align8(n_relocs * sizeof(tcp_reloc)) +
         tcp_align8(defer_size);
}

/* Bytes of an entry's data, or 0 when its counts are out of bounds. */
static size_t tcp_data_size(const struct tcp_entry *e) {
  if (e->code_size > TCP_MAX_CODE || e->n_exits > TC_MAX_EXITS || e->n_pcmap > TCP_MAX_PCMAP ||
      e->n_relocs > TCP_MAX_CODE || e->defer_size > TCP_MAX_CODE || !e->guest_size ||
      e->guest_size > TCP_MAX_GUEST || !e->code_size)
    return 0;
  return tcp_parts_size(e->code_size, e->n_exits, e->n_pcmap, e->n_relocs, e->defer_size);
}

static uint32_t tcp_reloc_width(uint32_t kind) {
  return kind == TC_RELOC_HOST32 || kind == TC_RELOC_BUF32 || kind == TC_RELOC_GUEST32 ? 4 : 8;
}

/* Every exit and pcmap entry of a saved block points inside it (its relocs
 * are checked as they are applied, tcp_relocate). */
static bool tcp_entry_ok(const struct tcp_entry *e, const uint8_t *data) {
  const struct tcp_exit *x = (const void *)(data + tcp_align8(e->code_size));
  const struct tc_pcmap *pm = (const void *)(x + e->n_exits);
  for (uint32_t i = 0; i < e->n_exits; i++)
    if (e->code_size < 5 || x[i].jump > e->code_size - 5 || x[i].stub >= e->code_size ||
        x[i].stub <= x[i].jump || x[i].stub - x[i].jump > UINT16_MAX)
      return false;
  for (uint32_t i = 0; i < e->n_pcmap; i++)
    if (pm[i].host_off > e->code_size || pm[i].guest_off >= e->guest_size)
      return false;
  return true;
}

/* The saved value v of a reloc of kind is one a load can use: inside
 * xrun, the shared code or the block's exits. */
static bool tcp_reloc_value_ok(uint32_t kind, uint64_t v, uint32_t n_exits) {
  switch (kind) {
  case TC_RELOC_GUEST64: return true;
  case TC_RELOC_HOST64:
  case TC_RELOC_HOST32: return v < tc_self_size;
  case TC_RELOC_BUF32: return v < tc_code_shared;
  case TC_RELOC_EXIT64: return v < n_exits;
  case TC_RELOC_GUEST32: return v < TC_GUEST32_LIMIT;
  default: return false;
  }
}

/* A GUEST32 reloc at off: the guest address in this run, which must still
 * be below TC_GUEST32_LIMIT (a 4-byte field cannot hold it else: the block
 * is translated again). */
static bool tcp_relocate_guest32(uint8_t *wcode, const uint8_t *src, uint32_t off, uint64_t bias) {
  uint32_t v;
  memcpy(&v, src + off, 4);
  if (!tcp_reloc_value_ok(TC_RELOC_GUEST32, v, 0) || v + bias >= TC_GUEST32_LIMIT)
    return false;
  v += (uint32_t)bias;
  memcpy(wcode + off, &v, 4);
  return true;
}

/* A rel32 reloc (HOST32, BUF32) at off: its saved offset into xrun's image
 * or the shared code, made the displacement from the end of its 4 bytes to
 * there in this run. */
static bool tcp_relocate_rel32(const struct tc_block *blk, uint8_t *wcode, const uint8_t *src,
                               uint32_t kind, uint32_t off) {
  uint32_t v;
  memcpy(&v, src + off, 4);
  if (!tcp_reloc_value_ok(kind, v, blk->n_exits))
    return false;
  const uint8_t *target =
      kind == TC_RELOC_HOST32 ? (const uint8_t *)(uintptr_t)(tc_self_base + v) : tc_code.start + v;
  int64_t d = target - (blk->code + off + 4);
  if (d != (int32_t)d)
    return false;
  uint32_t rel = (uint32_t)(int32_t)d;
  memcpy(wcode + off, &rel, 4);
  return true;
}

/* An 8-byte reloc (GUEST64, HOST64, EXIT64) at off: the address in this run. */
static bool tcp_relocate_abs64(const struct tc_block *blk, uint8_t *wcode, const uint8_t *src,
                               uint32_t kind, uint32_t off, uint64_t bias) {
  uint64_t v;
  memcpy(&v, src + off, 8);
  if (!tcp_reloc_value_ok(kind, v, blk->n_exits))
    return false;
  v = kind == TC_RELOC_GUEST64  ? v + bias
      : kind == TC_RELOC_HOST64 ? v + tc_self_base
                                : (uint64_t)(uintptr_t)&blk->exits[v];
  memcpy(wcode + off, &v, 8);
  return true;
}

/* Write the code's addresses for this run at blk's code (already copied
 * from src), each reloc checked as it comes: inside the code, of a known
 * kind, its saved value in range. false when one is not: the block is not
 * used. The saved values are read from src, not from the copy: a load
 * through the run view of bytes just stored through the write view (another
 * virtual address) cannot take them from the store buffer. */
static bool tcp_relocate(struct tc_block *blk, const uint8_t *src, const tcp_reloc *r, uint32_t n,
                         uint64_t bias) {
  uint8_t *wcode = tc_writable(blk->code); /* a block is in the code buffer whole, or not */
  for (uint32_t i = 0; i < n; i++) {
    uint32_t kind = r[i] & ((1u << TCP_RELOC_KIND_BITS) - 1), off = r[i] >> TCP_RELOC_KIND_BITS;
    uint32_t w = tcp_reloc_width(kind);
    if (blk->code_size < w || off > blk->code_size - w)
      return false;
    if (!(kind == TC_RELOC_GUEST32 ? tcp_relocate_guest32(wcode, src, off, bias)
          : w == 4                 ? tcp_relocate_rel32(blk, wcode, src, kind, off)
                                   : tcp_relocate_abs64(blk, wcode, src, kind, off, bias)))
      return false;
  }
  return true;
}

/* The saved block e at pc, into the code buffer and the map. */
static struct tc_block *tcp_load(const struct tcp_entry *e, const uint8_t *data, uint64_t pc,
                                 uint64_t bias) {
  const struct tcp_exit *x = (const void *)(data + tcp_align8(e->code_size));
  const struct tc_pcmap *pm = (const void *)(x + e->n_exits);
  const tcp_reloc *r = (const void *)(pm + e->n_pcmap);
  const uint8_t *defer = (const uint8_t *)r + tcp_align8(e->n_relocs * sizeof(*r));
  uint8_t *code = (uint8_t *)(((uintptr_t)tc_code.cur + 15) & ~(uintptr_t)15);
  if (code + e->code_size > tc_code.end) {
    tc_code.overflow = 1; /* the region is full: the caller makes room */
    return NULL;
  }
  struct tc_block *blk = tc_block_alloc(0, e->n_exits);
  blk->guest_pc = pc, blk->guest_size = e->guest_size;
  blk->code = code, blk->code_size = e->code_size, blk->from_disk = 1;
  memcpy(tc_writable(code), data, e->code_size);
  blk->n_exits = e->n_exits;
  if (!tcp_relocate(blk, data, r, e->n_relocs, bias)) {
    tc_block_discard(blk);
    return NULL;
  }
  for (uint32_t i = 0; i < e->n_exits; i++)
    blk->exits[i] = (struct tc_exit){.target_pc = bias + x[i].target_off,
                                     .jump = x[i].jump,
                                     .stub = (uint16_t)(x[i].stub - x[i].jump),
                                     .index = (uint8_t)i};
  blk->pcmap = (struct tc_pcmap *)pm; /* offsets only: the same in every run */
  blk->n_pcmap = blk->pcmap_cap = e->n_pcmap;
  blk->borrowed = TC_BORROWED_PCMAP;
  if (e->defer_size) { /* read in the file: the backend adds bias to its guest addresses */
    blk->defer = (void *)defer;
    blk->defer_size = e->defer_size;
    blk->defer_delta = bias;
    blk->borrowed |= TC_BORROWED_DEFER;
  }
  tc_code.cur = code + e->code_size;
  tc_block_commit(blk);
  return blk;
}

static void tc_pfile_open(struct tc_pfile *f) {
  f->stale = false; /* looked at now */
  tcp_image_map(f, false, &f->disk);
  tcp_image_map(f, true, &f->delta);
  f->state = f->disk.p || f->delta.p ? 1 : -1;
  if (f->disk.p) /* xrun's own memory: the guest may not unmap it, nor see it */
    tc_own_add((uintptr_t)f->disk.p, (uintptr_t)f->disk.p + f->disk.size);
  if (f->delta.p)
    tc_own_add((uintptr_t)f->delta.p, (uintptr_t)f->delta.p + f->delta.size);
}

/* The block at pc from the cache file im (none: im->p NULL) of the guest
 * file mapped at bias up to end, if it has one that checks out. */
static struct tc_block *tcp_load_from(const struct tc_pimage *im, uint64_t pc, uint64_t bias,
                                      uint64_t end, bool as_file) {
  const uint8_t *img = im->p;
  size_t size = im->size;
  const struct tcp_entry *e = img ? tcp_find(im, pc - bias) : NULL;
  size_t need = e ? tcp_data_size(e) : 0;
  if (!need || e->data % 8 || e->data > size || need > size - e->data || e->guest_size > end - pc ||
      (tc_guest->pc_align && pc % tc_guest->pc_align))
    return NULL;
  const uint8_t *data = img + e->data;
  if (tc_xxh3(data, need) != e->data_hash || !tcp_entry_ok(e, data) || tc_exec_denied(pc) ||
      tc_deopt_within(pc, pc + e->guest_size) ||
      (!(as_file && (e->flags & TCP_AS_FILE)) &&
       !tc_guest_bytes_are(pc, e->guest_size, e->guest_hash)))
    return NULL;
  return tcp_load(e, data, pc, bias);
}

/* The newer of the image *im and the one on disk now: a new one replaces
 * it, which stays mapped (blocks loaded from it read their pcmap and records
 * there); true when it changed. */
static bool tcp_image_update(const struct tc_pfile *f, bool delta, struct tc_pimage *im) {
  struct tc_pimage now;
  tcp_image_map(f, delta, &now);
  if (!now.p)
    return false;
  const struct tcp_header *h = (const void *)now.p, *was = (const void *)im->p;
  if (im->p && im->size == now.size && was->checksum == h->checksum) {
    munmap((void *)now.p, now.size);
    mi_free(now.keys);
    return false;
  }
  tc_own_add((uintptr_t)now.p, (uintptr_t)now.p + now.size);
  mi_free(im->keys);
  *im = now;
  return true;
}

/* A forked child missed a block in the images its parent mapped: other
 * processes (its siblings, forked from the same parent, which saved at
 * their exec) may have saved it since. Looked at once per file. */
static bool tc_pfile_refresh(struct tc_pfile *f) {
  f->stale = false;
  tc_pdir_recheck();
  bool main = tcp_image_update(f, false, &f->disk);
  bool delta = tcp_image_update(f, true, &f->delta);
  if (f->disk.p || f->delta.p)
    f->state = 1;
  return main || delta;
}

/* From the main cache file, else from the delta (whose block may have
 * replaced a main one made from other guest bytes). */
static struct tc_block *tcp_load_either(const struct tc_pfile *f, uint64_t pc, uint64_t bias,
                                        uint64_t end, bool as_file) {
  struct tc_block *blk = tcp_load_from(&f->disk, pc, bias, end, as_file);
  return blk ? blk : tcp_load_from(&f->delta, pc, bias, end, as_file);
}

struct tc_block *tc_persist_load(uint64_t pc) {
  uint64_t bias, end;
  bool as_file;
  struct tc_pfile *f = tc_persist_active ? tc_pfile_find(pc, &bias, &end, &as_file) : NULL;
  if (!f)
    return NULL;
  if (!f->state)
    tc_pfile_open(f);
  struct tc_block *blk = tcp_load_either(f, pc, bias, end, as_file);
  if (!blk && f->stale && tc_pfile_refresh(f))
    blk = tcp_load_either(f, pc, bias, end, as_file);
  if (blk)
    tc_count(TC_ST_DISK_LOADS, 1);
  return blk;
}

bool tc_persist_keeps(uint64_t pc) {
  uint64_t bias, end;
  bool as_file;
  return tc_persist_active && tc_pfile_find(pc, &bias, &end, &as_file);
}

void tc_persist_note(struct tc_block *blk) {
  uint64_t bias, end;
  bool as_file;
  struct tc_pfile *f =
      tc_persist_active ? tc_pfile_find(blk->guest_pc, &bias, &end, &as_file) : NULL;
  if (!f || (blk->unsaveable && !blk->quick) || blk->guest_size > end - blk->guest_pc)
    return; /* a quick block's countdown is no reason: it is saved as translated again */
  if (f->n_fresh == f->cap_fresh) {
    size_t cap = f->cap_fresh ? 2 * f->cap_fresh : 256;
    struct tc_pfresh *grown = mi_reallocn(f->fresh, cap, sizeof(*grown));
    if (!grown)
      return;
    f->fresh = grown, f->cap_fresh = cap;
  }
  f->fresh[f->n_fresh++] = (struct tc_pfresh){blk, bias, as_file};
}

/* A growing byte buffer for one cache file. */
struct tcp_out {
  uint8_t *p;
  size_t n, cap;
  bool failed;
};

static void *tcp_put(struct tcp_out *o, const void *src, size_t n) {
  size_t need = o->n + tcp_align8(n);
  if (need > o->cap) {
    size_t cap = o->cap ? o->cap : 1 << 16;
    while (cap < need)
      cap *= 2;
    uint8_t *grown = realloc(o->p, cap);
    if (!grown) {
      o->failed = true;
      return NULL;
    }
    o->p = grown, o->cap = cap;
  }
  void *at = o->p + o->n;
  memset(o->p + o->n + n, 0, tcp_align8(n) - n);
  if (src)
    memcpy(at, src, n);
  o->n = need;
  return at;
}

/* Make the saved code's addresses relative; false if one is not describable. */
static bool tcp_neutral(const struct tc_block *blk, uint8_t *code, uint64_t bias) {
  for (uint32_t i = 0; i < blk->n_exits; i++) { /* every exit unchained */
    uint8_t *jump = code + blk->exits[i].jump;
    tc_backend->patch_at(jump, jump + blk->exits[i].stub);
  }
  for (uint32_t i = 0; i < blk->fresh->n_relocs; i++) {
    const struct tc_reloc *r = &blk->fresh->relocs[i];
    uint32_t w = tcp_reloc_width(r->kind);
    uint64_t v = 0;
    if (r->off + w > blk->code_size)
      return false;
    memcpy(&v, code + r->off, w);
    const uint8_t *site_end = blk->code + r->off + 4;
    switch (r->kind) {
    case TC_RELOC_GUEST64:
    case TC_RELOC_GUEST32: v -= bias; break; /* GUEST32: out of range, not saved, below bias */
    case TC_RELOC_HOST64: v -= tc_self_base; break;
    case TC_RELOC_HOST32: v = (uint64_t)(uintptr_t)(site_end + (int32_t)v) - tc_self_base; break;
    case TC_RELOC_BUF32: v = (uint64_t)(site_end + (int32_t)v - tc_code.start); break;
    case TC_RELOC_EXIT64: v = (v - (uint64_t)(uintptr_t)blk->exits) / sizeof(struct tc_exit); break;
    default: return false;
    }
    if (!tcp_reloc_value_ok(r->kind, v, blk->n_exits))
      return false;
    memcpy(code + r->off, &v, w);
  }
  return true;
}

/* One fresh block's data into o; its entry, or false when it cannot be saved. */
static bool tcp_save_block(struct tcp_out *o, const struct tc_pfresh *fr, struct tcp_entry *e) {
  const struct tc_block *blk = fr->blk;
  if (blk->invalid || blk->unsaveable || blk->from_disk || !blk->fresh ||
      ((uintptr_t)blk->code & 15))
    return false;
  size_t mark = o->n;
  *e = (struct tcp_entry){.guest_off = blk->guest_pc - fr->bias,
                          .guest_hash = blk->fresh->guest_hash,
                          .guest_size = blk->guest_size,
                          .code_size = blk->code_size,
                          .n_exits = blk->n_exits,
                          .n_pcmap = blk->n_pcmap,
                          .n_relocs = blk->fresh->n_relocs,
                          .defer_size = blk->defer_size,
                          .data = mark,
                          .flags = fr->as_file ? TCP_AS_FILE : 0};
  uint8_t *code = tcp_put(o, blk->code, blk->code_size);
  if (!code || !tcp_neutral(blk, code, fr->bias)) {
    o->n = mark;
    return false;
  }
  for (uint32_t i = 0; i < blk->n_exits; i++) {
    const struct tc_exit *be = &blk->exits[i];
    struct tcp_exit x = {be->target_pc - fr->bias, be->jump, be->jump + be->stub};
    tcp_put(o, &x, sizeof(x));
  }
  tcp_put(o, blk->pcmap, blk->n_pcmap * sizeof(*blk->pcmap));
  tcp_reloc *r = tcp_put(o, NULL, blk->fresh->n_relocs * sizeof(*r));
  for (uint32_t i = 0; r && i < blk->fresh->n_relocs; i++)
    r[i] = tcp_reloc_pack(&blk->fresh->relocs[i]);
  if (blk->defer_size) {
    void *d = tcp_put(o, blk->defer, blk->defer_size);
    if (d)
      tc_backend->relocate_data(d, blk->defer_size, -fr->bias);
  }
  if (o->failed || o->n - mark != tcp_data_size(e))
    return false;
  e->data_hash = tc_xxh3(o->p + mark, o->n - mark);
  return true;
}

/* By guest_off, and among equals by where the data is: old ones first. */
static int tcp_entry_cmp(const void *a, const void *b) {
  const struct tcp_entry *x = a, *y = b;
  if (x->guest_off != y->guest_off)
    return x->guest_off < y->guest_off ? -1 : 1;
  return x->data < y->data ? -1 : x->data > y->data;
}

/* The entries of the cache file at disk (size bytes) with their data, into
 * e and o; returns how many. Blocks another process saved meanwhile stay. */
static size_t tcp_keep_old(struct tcp_out *o, const uint8_t *disk, size_t size,
                           struct tcp_entry *out) {
  uint64_t n;
  size_t kept = 0;
  const struct tcp_entry *e = tcp_entries(disk, &n);
  for (uint64_t i = 0; i < n; i++) {
    size_t need = tcp_data_size(&e[i]);
    if (!need || e[i].data > size || need > size - e[i].data)
      continue;
    out[kept] = e[i];
    out[kept].data = o->n;
    if (!tcp_put(o, disk + e[i].data, need))
      break;
    kept++;
  }
  return kept;
}

/* Entries sorted, one per guest_off (the newest wins), then the data after
 * the header and index: offsets move by that much. */
static void tcp_publish(const struct tc_pfile *f, bool delta, struct tcp_entry *e, size_t n,
                        const struct tcp_out *data) {
  qsort(e, n, sizeof(*e), tcp_entry_cmp);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (k && e[k - 1].guest_off == e[i].guest_off)
      k--;
    e[k++] = e[i];
  }
  size_t head = sizeof(struct tcp_header) + k * sizeof(*e);
  for (size_t i = 0; i < k; i++)
    e[i].data += head;
  struct tcp_header h;
  tcp_header_of(f, &h);
  h.file_size = head + data->n, h.n_entries = k;
  h.checksum = tc_xxh3(e, k * sizeof(*e));
  struct iovec parts[] = {{&h, sizeof(h)}, {e, k * sizeof(*e)}, {data->p, data->n}};
  tc_pdir_publish(tc_pfile_key(f, delta), parts, 3);
}

/* Room in o for n more bytes, at once: no copy each time it would grow. */
static void tcp_reserve(struct tcp_out *o, size_t n) {
  if (o->n + n <= o->cap)
    return;
  uint8_t *grown = realloc(o->p, o->n + n);
  if (grown)
    o->p = grown, o->cap = o->n + n;
}

/* One fresh block into o: one translated without the IR passes (whose
 * code counts its entries, and is slower) as translated again with them. */
static bool tcp_save_fresh_one(struct tcp_out *o, const struct tc_pfresh *fr, struct tcp_entry *e) {
  if (!fr->blk->quick || fr->blk->invalid)
    return tcp_save_block(o, fr, e);
  struct tc_block *again = tc_translate_again(fr->blk);
  if (!again)
    return false;
  struct tc_pfresh fa = {again, fr->bias, fr->as_file};
  bool saved = tcp_save_block(o, &fa, e);
  tc_block_discard(again);
  return saved;
}

/* The fresh blocks of f that can be saved, into o and e; returns how many. */
static size_t tcp_save_fresh(const struct tc_pfile *f, struct tcp_out *o, struct tcp_entry *e) {
  size_t n = 0, bytes = 0;
  for (size_t i = 0; i < f->n_fresh; i++) {
    const struct tc_block *blk = f->fresh[i].blk;
    bytes += tcp_parts_size(blk->code_size, blk->n_exits, blk->n_pcmap,
                            blk->fresh ? blk->fresh->n_relocs : 0, blk->defer_size);
  }
  tcp_reserve(o, bytes);
  for (size_t i = 0; i < f->n_fresh; i++)
    n += tcp_save_fresh_one(o, &f->fresh[i], &e[n]);
  return n;
}

/* f's fresh blocks (saved of them, in fo and fe) with the blocks of the
 * cache files main and delta (NULL: none) into one image, published as f's
 * main file, or with into_delta as its delta. */
static void tcp_write(const struct tc_pfile *f, bool into_delta, const struct tcp_out *fo,
                      const struct tcp_entry *fe, size_t saved, const uint8_t *main,
                      size_t main_size, const uint8_t *delta, size_t delta_size) {
  uint64_t main_n = 0, delta_n = 0;
  if (main)
    tcp_entries(main, &main_n);
  if (delta)
    tcp_entries(delta, &delta_n);
  struct tcp_entry *e = malloc((main_n + delta_n + saved) * sizeof(*e));
  struct tcp_out o = {0};
  const struct tcp_out *data = &o;
  size_t n = 0;
  if (e && (main || delta)) { /* the old blocks' data, then fo's */
    tcp_reserve(&o, main_size + delta_size + fo->n);
    if (main)
      n = tcp_keep_old(&o, main, main_size, e);
    if (delta)
      n += tcp_keep_old(&o, delta, delta_size, e + n);
  } else {
    data = fo; /* nothing to keep: fo as it is */
  }
  uint64_t base = data == fo ? 0 : o.n; /* where fo's data goes */
  for (size_t i = 0; e && i < saved; i++, n++) {
    e[n] = fe[i];
    e[n].data += base;
  }
  if (e && (data == fo || tcp_put(&o, fo->p, fo->n)) && !data->failed) {
    tcp_publish(f, into_delta, e, n, data);
    if (!into_delta) /* its blocks are in the main file now */
      tc_pdir_remove(tc_pfile_key(f, true));
    tc_count(TC_ST_DISK_SAVES, saved);
  }
  free(o.p);
  free(e);
}

/* f's fresh blocks, with those of its delta file, into a new delta while
 * that stays small beside the main file; else with the main file's too into
 * a new main file (both files as they are now: others may have added). */
static void tc_persist_save_file(struct tc_pfile *f) {
  size_t size = 0, delta_size = 0;
  const uint8_t *disk = tc_pfile_disk(f, false, &size);
  const uint8_t *delta = tc_pfile_disk(f, true, &delta_size);
  struct tcp_entry *fe = malloc(f->n_fresh * sizeof(*fe) + 1);
  struct tcp_out fo = {0};
  size_t saved = fe ? tcp_save_fresh(f, &fo, fe) : 0;
  bool into_delta = disk && delta_size + fo.n <= size / TCP_DELTA_SHARE;
  if (saved && !fo.failed) {
    tcp_write(f, into_delta, &fo, fe, saved, into_delta ? NULL : disk, size, delta, delta_size);
    f->stale = true; /* the images mapped are older: looked at again on a miss */
  }
  if (disk)
    munmap((void *)disk, size);
  if (delta)
    munmap((void *)delta, delta_size);
  f->n_fresh = 0;
  free(fo.p);
  free(fe);
}

bool tc_persist_pending(void) {
  for (struct tc_pfile *f = tc_persist_active ? tc_pfile_list() : NULL; f; f = f->next)
    if (f->n_fresh)
      return true;
  return false;
}

void tc_persist_save(void) {
  if (!tc_persist_active)
    return;
  for (struct tc_pfile *f = tc_pfile_list(); f; f = f->next)
    if (f->n_fresh)
      tc_persist_save_file(f);
}

/* f is no longer mapped: its fresh blocks are saved before the unmapping
 * drops them, and its cache files are looked up again if it is mapped again
 * (a library dlopen'ed once more then loads what it ran before). The old
 * images stay mapped: blocks loaded from them read their pcmap and records
 * there for as long as they are in the buffer. */
void tc_persist_unmapped(struct tc_pfile *f) {
  if (!tc_persist_active)
    return;
  pthread_mutex_lock(&tc_mutex);
  if (f->n_fresh) {
    tc_persist_save_file(f);
    mi_free(f->disk.keys);
    mi_free(f->delta.keys);
    f->disk = f->delta = (struct tc_pimage){.p = NULL};
    f->state = 0;
  }
  pthread_mutex_unlock(&tc_mutex);
}

void tc_persist_forget(void) {
  for (struct tc_pfile *f = tc_pfile_list(); f; f = f->next)
    f->n_fresh = 0;
}

void tc_persist_save_code(const uint8_t *lo, const uint8_t *hi) {
  for (struct tc_pfile *f = tc_pfile_list(); f; f = f->next)
    for (size_t i = 0; i < f->n_fresh; i++)
      if (f->fresh[i].blk->code >= lo && f->fresh[i].blk->code < hi) {
        tc_persist_save_file(f); /* all its noted blocks, and none is noted then */
        break;
      }
}

/* A new program (tc_new_image, its blocks freed) sees what was saved
 * since, as a new process would. A cache file already mapped stays mapped
 * (most execs run programs of the same libraries, or the same program
 * again): what this process saved into it at the exec made it stale (it is
 * looked at on disk again at its first miss, as in a forked child). One
 * that was not there is looked up again when code is next mapped from its
 * guest file. Unmapping and mapping them again with their pages at every
 * exec made busybox sh starting 300 programs 6% slower, dash exec'ing 200
 * 4%. */
void tc_persist_reopen(void) {
  for (struct tc_pfile *f = tc_pfile_list(); f; f = f->next) {
    if (f->state < 0)
      f->state = 0;
    f->n_fresh = 0;
  }
}

/* In a forked child: the parent saves what it translated; the child saves
 * only its own, into the files as they are then (the parent's view of them
 * may be old: a sibling that saved meanwhile kept what it saved). */
void tc_persist_forked(void) {
  tc_persist_forget();
  tc_pdir_recheck();
  for (struct tc_pfile *f = tc_pfile_list(); f; f = f->next)
    f->stale = true;
}

/* The checksums of the image p (size bytes) rewritten to match what it
 * holds, so that a fuzzer's changes reach the checks behind them. */
static void tcp_fix_sums(uint8_t *p, size_t size) {
  struct tcp_header h;
  memcpy(&h, p, sizeof(h));
  memcpy(h.magic, TCP_MAGIC, 8);
  h.file_size = size;
  h.n_entries %= (size - sizeof(h)) / sizeof(struct tcp_entry) + 1;
  struct tcp_entry *e = (struct tcp_entry *)(void *)(p + sizeof(h));
  for (uint64_t i = 0; i < h.n_entries; i++) {
    size_t need = tcp_data_size(&e[i]);
    if (need && e[i].data <= size && need <= size - e[i].data)
      e[i].data_hash = XXH3_64bits(p + e[i].data, need);
  }
  h.checksum = XXH3_64bits(p + sizeof(h), h.n_entries * sizeof(struct tcp_entry));
  memcpy(p, &h, sizeof(h));
}

/* One entry as a load checks it, then its code relocated in a scratch copy
 * (not the code buffer, and without the guest bytes' hash). */
static bool tcp_check_entry(const uint8_t *p, size_t size, const struct tcp_entry *e) {
  size_t need = tcp_data_size(e);
  if (!need || e->data % 8 || e->data > size || need > size - e->data)
    return false;
  const uint8_t *data = p + e->data;
  if (XXH3_64bits(data, need) != e->data_hash || !tcp_entry_ok(e, data))
    return false;
  const tcp_reloc *r =
      (const void *)(data + tcp_align8(e->code_size) + e->n_exits * sizeof(struct tcp_exit) +
                     e->n_pcmap * sizeof(struct tc_pcmap));
  struct tc_block blk = {
      .code = malloc(e->code_size), .code_size = e->code_size, .n_exits = e->n_exits};
  if (!blk.code)
    return false;
  memcpy(blk.code, data, e->code_size);
  bool ok = tcp_relocate(&blk, data, r, e->n_relocs, 0x10000); /* both address widths fit */
  free(blk.code);
  return ok;
}

size_t tc_persist_check_image(uint8_t *p, size_t size, bool fix_sums) {
  if (size < sizeof(struct tcp_header))
    return 0;
  if (fix_sums)
    tcp_fix_sums(p, size);
  if (!tcp_image_ok(p, size, NULL))
    return 0;
  uint64_t n;
  size_t good = 0;
  const struct tcp_entry *e = tcp_entries(p, &n);
  for (uint64_t i = 0; i < n; i++)
    good += tcp_check_entry(p, size, &e[i]);
  return good;
}
