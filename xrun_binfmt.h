/* xrun_binfmt.h - `xrun --binfmt install|uninstall|status`: register xrun
 * with the kernel's binfmt_misc so that guest programs run by their path.
 *
 *   if (argc > 1 && !strcmp(argv[1], "--binfmt"))
 *     return xrun_binfmt(argc - 2, argv + 2);
 */
#ifndef XRUN_BINFMT_H
#define XRUN_BINFMT_H

/* Exit statuses of --binfmt (besides 0, and 125 for a usage error). */
enum xrun_binfmt_status {
  XRUN_BINFMT_ABSENT = 1,      /* status: the entry is not installed */
  XRUN_BINFMT_NOT_ROOT = 3,    /* install/uninstall need root */
  XRUN_BINFMT_UNAVAILABLE = 4, /* no binfmt_misc, and it cannot be mounted */
  XRUN_BINFMT_CLAIMED = 5,     /* another enabled entry runs the same magic */
  XRUN_BINFMT_FAILED = 6,      /* the kernel refused the registration */
};

/* args: "install" ["--persistent"], "uninstall", "status", or "debian" DIR INTERP. */
int xrun_binfmt(int argc, char **argv);

#endif
