# gen-text.awk - deterministic English-like text for the compressor, sort and
# hash benchmarks: `awk -v bytes=N -f gen-text.awk` prints about N bytes of
# lines of 6 to 17 pseudo-words drawn with a skewed (Zipf-like) frequency, so
# the text compresses about as well as real prose.
#
# The random numbers come from the Park-Miller generator (x = 16807 x mod
# 2^31-1), exact in awk's doubles, so every awk prints the same bytes.

function rand31() { seed = (seed * 16807) % 2147483647; return seed }
function pick(n) { return rand31() % n }

# word(): a pseudo-word of 1 to 4 syllables
function word(   s, k, w) {
  k = 1 + pick(4); w = ""
  for (s = 0; s < k; s++) w = w syl[pick(nsyl)]
  return w
}

BEGIN {
  seed = 20240601
  nsyl = split("ka re to mi sa an en in on un ter ing ed th st pr ou ea ch sh " \
               "al el il ol ra ri ro la le li lo ma me mo na ne ni no ta te ti", syl, " ")
  for (i = 0; i < 3000; i++) vocab[i] = word()
  for (total = 0; total < bytes; total += length(line) + 1) {
    n = 6 + pick(12)
    line = ""
    for (i = 0; i < n; i++) {
      r = rand31() / 2147483647
      w = vocab[int(3000 * r * r * r)]          # skewed: common words recur
      if (i == 0) w = toupper(substr(w, 1, 1)) substr(w, 2)
      line = line (i ? " " : "") w
      if (pick(9) == 0 && i < n - 1) line = line ","
    }
    line = line (pick(5) ? "." : "?")
    print line
  }
}
