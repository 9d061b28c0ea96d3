/* dt_casefile.h - the case-file commands both generators share (words,
 * pick, code): a case file is an array of one guest's case structs, each
 * beginning with id, ninsn and its instruction slots (struct dt_case,
 * struct rv_case). */
#ifndef DT_CASEFILE_H
#define DT_CASEFILE_H

#include <stddef.h>
#include <stdint.h>

struct dt_casefmt {
  const char *tool; /* for messages: "difftest-gen" */
  size_t size;      /* sizeof the case struct */
  size_t insn_off;  /* offsetof its insn[] */
  int slots;        /* instruction slots per case */
  uint32_t nop;     /* the guest's nop, for a slot left out */
};

/* Case k of the file at path into c (fmt->size bytes); exits 2 if none. */
void dt_case_read(const struct dt_casefmt *fmt, const char *path, unsigned long k, void *c);
/* words FILE: each case's id and slots as hex words. */
int dt_cmd_words(const struct dt_casefmt *fmt, int argc, char **argv);
/* pick FILE K MASK: case K with the slots not in MASK made nops. */
int dt_cmd_pick(const struct dt_casefmt *fmt, int argc, char **argv);
/* code FILE: the first case's slots as raw code. */
int dt_cmd_code(const struct dt_casefmt *fmt, int argc, char **argv);

#endif
