/* entgraph.c: the definitions entgraph.h promises to every module (error domain, type names,
 * integer digits, the sort of strings by their first bytes). */
#include "entgraph.h"

#include <stdlib.h>

G_DEFINE_QUARK(entgraph-error-quark, eg_error)

/* Two digits per division, written from the end: the writers print a million ids and numbers
 * for a large graph, and one division per digit was most of their cost. */
static const char u64_pairs[201] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                   "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                   "8081828384858687888990919293949596979899";
static const guint64 u64_pow10[20] = {
  1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u, 100000000u, 1000000000u,
  10000000000u, 100000000000u, 1000000000000u, 10000000000000u, 100000000000000u,
  1000000000000000u, 10000000000000000u, 100000000000000000u, 1000000000000000000u,
  10000000000000000000u
};

/* The digit count of V (V > 0 or not): from the bit length (bits * log10(2), 1233 / 4096 just
 * above it) and one comparison, instead of a division per digit. */
static inline gsize
u64_count(guint64 v)
{
  guint t = ((64 - (guint)__builtin_clzll(v | 1)) * 1233) >> 12;
  return t + (v >= u64_pow10[t]) + (v == 0);
}

/* Writes the digits of W ending just before P. */
static inline void
u32_digits_before(char *p, guint32 w)
{
  while (w >= 100) {
    guint d = w % 100 * 2;
    w /= 100;
    *--p = u64_pairs[d + 1];
    *--p = u64_pairs[d];
  }
  if (w >= 10) {
    *--p = u64_pairs[w * 2 + 1];
    *--p = u64_pairs[w * 2];
  } else {
    *--p = (char)('0' + w);
  }
}

/* eg_u64_digits of a V above 2^32 - 1: eight digits at a time in 64 bits, the rest in 32 (a
 * 32-bit division by a constant costs about half the instructions of a 64-bit one). */
static G_GNUC_NO_INLINE gsize
u64_digits_long(char *buf, guint64 v)
{
  gsize n = u64_count(v);
  buf[n] = '\0';
  char *p = buf + n;
  while (v > G_MAXUINT32) {
    guint32 low = (guint32)(v % 100000000u);
    v /= 100000000u;
    for (guint k = 0; k < 4; k++) {
      guint d = low % 100 * 2;
      low /= 100;
      *--p = u64_pairs[d + 1];
      *--p = u64_pairs[d];
    }
  }
  u32_digits_before(p, (guint32)v);
  return n;
}

gsize
eg_u64_digits(char *buf, guint64 v)
{
  /* ids and counts nearly always fit 32 bits */
  if (G_UNLIKELY(v > G_MAXUINT32))
    return u64_digits_long(buf, v);
  /* most counts and degrees: no count of digits, no division */
  if (v < 10) {
    buf[0] = (char)('0' + v);
    buf[1] = '\0';
    return 1;
  }
  if (v < 100) {
    buf[0] = u64_pairs[2 * v];
    buf[1] = u64_pairs[2 * v + 1];
    buf[2] = '\0';
    return 2;
  }
  gsize n = u64_count(v);
  buf[n] = '\0';
  u32_digits_before(buf + n, (guint32)v);
  return n;
}

const char *
eg_type_name(EgEntityType type)
{
  static const char *const names[EG_N_TYPES] = { "PERSON", "ORG", "LOC", "MISC" };
  return (unsigned)type < EG_N_TYPES ? names[type] : "MISC";
}

const char *
eg_input_name(const char *path)
{
  return g_strcmp0(path, "-") == 0 ? "standard input" : path;
}

static int
str_key_qsort_cmp(const void *x, const void *y)
{
  return eg_str_key_cmp(x, y);
}

/* Sorts A (N items) by string: an LSD radix sort of the prefixes a byte at a time (one pass
 * counts every byte; bytes all items share are skipped), then each run of one prefix by the
 * rest of its strings. */
void
eg_str_keys_sort(EgStrKey *a, gsize n)
{
  if (n < 32) {
    qsort(a, n, sizeof *a, str_key_qsort_cmp);
    return;
  }
  g_autofree gsize *at = g_new0(gsize, 8 * 256);
  for (gsize i = 0; i < n; i++)
    for (guint d = 0; d < 8; d++)
      at[d * 256 + ((a[i].prefix >> (8 * d)) & 0xff)]++;
  g_autofree EgStrKey *tmp = g_new(EgStrKey, n);
  EgStrKey *from = a, *to = tmp;
  for (guint d = 0; d < 8; d++) {
    gsize *c = &at[d * 256], sum = 0;
    if (c[(from[0].prefix >> (8 * d)) & 0xff] == n)
      continue;
    for (guint k = 0; k < 256; k++) {
      gsize x = c[k];
      c[k] = sum;
      sum += x;
    }
    for (gsize i = 0; i < n; i++)
      to[c[(from[i].prefix >> (8 * d)) & 0xff]++] = from[i];
    EgStrKey *t = from;
    from = to;
    to = t;
  }
  if (from != a)
    memcpy(a, from, n * sizeof *a);
  for (gsize i = 0; i < n;) {
    gsize j = i + 1;
    while (j < n && a[j].prefix == a[i].prefix)
      j++;
    if (j - i > 1 && (a[i].prefix & 0xff) != 0)
      qsort(a + i, j - i, sizeof *a, str_key_qsort_cmp);
    i = j;
  }
}

void
eg_sort_few(void *base, gsize n, gsize size, GCompareFunc cmp)
{
  g_return_if_fail(size <= EG_SORT_FEW_SIZE);
  if (n > 16) {
    qsort(base, n, size, cmp);
    return;
  }
  guint8 *a = base, x[EG_SORT_FEW_SIZE];
  for (gsize i = 1; i < n; i++) {
    memcpy(x, a + i * size, size);
    gsize j = i;
    for (; j > 0 && cmp(x, a + (j - 1) * size) < 0; j--)
      memcpy(a + j * size, a + (j - 1) * size, size);
    memcpy(a + j * size, x, size);
  }
}
