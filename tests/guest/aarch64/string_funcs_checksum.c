/* string_funcs_checksum.c - strlen/strcpy/strcat/strcmp/strncmp/strchr/
 * strrchr/strstr/strspn/strcspn/strnlen over lengths 0..300 at every
 * starting alignment 0..15 (glibc picks vectorised versions of these from
 * the CPU's hwcaps); prints one checksum per function. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static unsigned long ck[12];
static void mix(int k, unsigned long v) {
  ck[k] = ck[k] * 1000003 + v + 1;
}

int main(void) {
  static char buf[512], dst[512], other[512];
  for (int len = 0; len <= 300; len++)
    for (int al = 0; al < 16; al++) {
      char *s = buf + al;
      for (int i = 0; i < len; i++)
        s[i] = (char)('a' + (i * 7 + len) % 26);
      s[len] = 0;
      s[len + 1] = 'x';
      mix(0, strlen(s));
      mix(1, strnlen(s, (size_t)len / 2 + al));
      char *d = dst + (al * 5) % 16;
      strcpy(d, s);
      mix(2, (unsigned long)memcmp(d, s, (size_t)len + 1) == 0);
      memcpy(other, s, (size_t)len + 1);
      if (len)
        other[len / 2] ^= 1;
      int c = strcmp(s, other);
      mix(3, (unsigned long)((c > 0) - (c < 0) + 1));
      c = strncmp(s, other, (size_t)len / 2);
      mix(4, (unsigned long)((c > 0) - (c < 0) + 1));
      char *p = strchr(s, 'a' + len % 26);
      mix(5, p ? (unsigned long)(p - s) : 999);
      p = strrchr(s, 'a' + (len + 3) % 26);
      mix(6, p ? (unsigned long)(p - s) : 999);
      mix(7, strchr(s, 0) == s + len);
      char needle[4] = {s[len > 3 ? len - 3 : 0], len > 2 ? s[len - 2] : 0,
                        len > 1 ? s[len - 1] : 0, 0};
      p = strstr(s, needle);
      mix(8, p ? (unsigned long)(p - s) : 999);
      mix(9, strspn(s, "abcdefghijklm"));
      mix(10, strcspn(s, "zyq"));
      strcpy(dst, "prefix-");
      strcat(dst, s);
      mix(11, strlen(dst));
    }
  const char *names[] = {"strlen",  "strnlen", "strcpy", "strcmp", "strncmp", "strchr",
                         "strrchr", "strchr0", "strstr", "strspn", "strcspn", "strcat"};
  for (int k = 0; k < 12; k++)
    printf("%-8s %016lx\n", names[k], ck[k]);
  /* strings crossing a page boundary right before unmapped memory are the
   * classic trap for vectorised code; a static array ends somewhere random,
   * so just check some fixed strings */
  printf("%d %d %d\n", strcmp("abc", "abd") < 0, strcmp("abc", "ab") > 0, strcmp("\xff", "a") > 0);
  printf("%s|%s|%s\n", strstr("hello world", "o w"), strrchr("a/b/c", '/'),
         strchr("abc", 'z') ? "?" : "null");
  return 0;
}
