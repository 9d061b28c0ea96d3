# gen-lines.awk - deterministic lines for the sort benchmark:
# `awk -v lines=N -f gen-lines.awk` prints N lines "KEY WORD NUMBER" with
# random 10-letter keys (many sharing prefixes) and random numbers.
# Park-Miller random numbers (exact in awk's doubles), as in gen-text.awk.

function rand31() { seed = (seed * 16807) % 2147483647; return seed }

BEGIN {
  seed = 7771
  letters = "abcdefghijklmnopqrstuvwxyz"
  for (i = 0; i < lines; i++) {
    key = ""
    for (k = 0; k < 10; k++) key = key substr(letters, 1 + rand31() % (k < 3 ? 4 : 26), 1)
    printf "%s item%d %d\n", key, rand31() % 5000, rand31()
  }
}
