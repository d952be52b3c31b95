/* output.c: output files that appear whole or not at all.
 *
 * A regular file is written as ".NAME.XXXXXX" in the same folder and renamed over NAME on
 * success (rename is atomic within one file system). Standard output, devices and pipes cannot
 * be renamed into, so they are written directly.
 */
#include "export/export.h"

#include <errno.h>
#include <float.h>
#include <libxml/xmlerror.h>
#include <math.h>
#include <stdlib.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct EgOutput {
  char *path;     /* the user's path */
  char *tmp;      /* temporary file beside it, or NULL when written directly */
  FILE *fp;
  gboolean is_stdout;
  char *buffer;   /* FP's stdio buffer (not for stdout), freed after FP is closed */
};

/* Writers hand stdio a few kilobytes at a time (libxml2 flushes every 4000 bytes): a large
 * buffer turns a 60 MB file into a few dozen write calls instead of thousands. */
#define OUTPUT_BUFFER (1024u * 1024u)

static void
output_buffer(EgOutput *out)
{
  out->buffer = g_malloc(OUTPUT_BUFFER);
  if (setvbuf(out->fp, out->buffer, _IOFBF, OUTPUT_BUFFER) != 0)
    g_clear_pointer(&out->buffer, g_free);
}

EgOutput *
eg_output_open(const char *path, GError **error)
{
  g_return_val_if_fail(path != NULL, NULL);
  EgOutput *out = g_new0(EgOutput, 1);
  out->path = g_strdup(path);
  if (strcmp(path, "-") == 0) {
    out->is_stdout = TRUE;
    out->fp = stdout;
    return out;
  }
  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    out->fp = fopen(path, "wb");
    if (!out->fp) {
      g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT, "%s: cannot write (%s)", path, g_strerror(errno));
      g_free(out->path);
      g_free(out);
      return NULL;
    }
    output_buffer(out);
    return out;
  }
  g_autofree char *dir = g_path_get_dirname(path);
  g_autofree char *base = g_path_get_basename(path);
  out->tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
  /* open() applies the umask to 0666, as for any file the user creates. */
  int fd = g_mkstemp_full(out->tmp, O_WRONLY, 0666);
  if (fd < 0 || !(out->fp = fdopen(fd, "wb"))) {
    int e = errno;
    if (fd >= 0)
      close(fd);
    g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT, "%s: cannot write (%s)", path, g_strerror(e));
    if (fd >= 0)
      g_unlink(out->tmp);
    g_free(out->tmp);
    g_free(out->path);
    g_free(out);
    return NULL;
  }
  output_buffer(out);
  return out;
}

FILE *
eg_output_stream(EgOutput *out)
{
  return out->fp;
}

const char *
eg_output_path(EgOutput *out)
{
  return out->tmp ? out->tmp : out->path;
}

static void
output_free(EgOutput *out)
{
  g_free(out->buffer);
  g_free(out->path);
  g_free(out->tmp);
  g_free(out);
}

gboolean
eg_output_commit(EgOutput *out, GError **error)
{
  g_return_val_if_fail(out != NULL, FALSE);
  gboolean ok = fflush(out->fp) == 0 && !ferror(out->fp);
  int e = errno;
  if (!out->is_stdout) {
    if (fclose(out->fp) != 0 && ok) {
      ok = FALSE;
      e = errno;
    }
  }
  if (ok && out->tmp && g_rename(out->tmp, out->path) != 0) {
    ok = FALSE;
    e = errno;
  }
  if (!ok) {
    g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT, "%s: cannot write (%s)",
                out->is_stdout ? "standard output" : out->path, g_strerror(e));
    if (out->tmp)
      g_unlink(out->tmp);
  }
  output_free(out);
  return ok;
}

gboolean
eg_output_commit_all(EgOutput **outs, guint n, GError **error)
{
  gboolean ok = TRUE;
  int e = 0;
  const char *failed = NULL;
  /* First every file whole on disk, then the renames: a failure while writing leaves every
   * target as it was. */
  for (guint i = 0; i < n; i++) {
    EgOutput *out = outs[i];
    gboolean this_ok = fflush(out->fp) == 0 && !ferror(out->fp);
    int this_e = errno;
    if (!out->is_stdout && fclose(out->fp) != 0 && this_ok) {
      this_ok = FALSE;
      this_e = errno;
    }
    out->fp = NULL;
    if (!this_ok && ok) {
      ok = FALSE;
      e = this_e;
      failed = out->is_stdout ? "standard output" : out->path;
    }
  }
  guint renamed = 0;
  for (; ok && renamed < n; renamed++) {
    EgOutput *out = outs[renamed];
    if (out->tmp && g_rename(out->tmp, out->path) != 0) {
      ok = FALSE;
      e = errno;
      failed = out->path;
      break;
    }
  }
  if (!ok)
    g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT, "%s: cannot write (%s)", failed, g_strerror(e));
  for (guint i = 0; i < n; i++) {
    if (!ok && i >= renamed && outs[i]->tmp)
      g_unlink(outs[i]->tmp);
    output_free(outs[i]);
  }
  return ok;
}

void
eg_output_abort(EgOutput *out)
{
  if (!out)
    return;
  if (!out->is_stdout)
    fclose(out->fp);
  if (out->tmp)
    g_unlink(out->tmp);
  output_free(out);
}

gboolean
eg_format_from_name(const char *name, EgFormat *format)
{
  static const struct { const char *name; EgFormat format; } names[] = {
    { "graphml", EG_FORMAT_GRAPHML }, { "dot", EG_FORMAT_DOT }, { "gv", EG_FORMAT_DOT },
    { "svg", EG_FORMAT_SVG }, { "png", EG_FORMAT_PNG }, { "pdf", EG_FORMAT_PDF },
    { "tsv", EG_FORMAT_TSV }, { "gexf", EG_FORMAT_GEXF }, { "csv", EG_FORMAT_CSV },
    { "json", EG_FORMAT_JSON },
  };
  for (guint i = 0; i < G_N_ELEMENTS(names); i++)
    if (name && g_ascii_strcasecmp(name, names[i].name) == 0) {
      *format = names[i].format;
      return TRUE;
    }
  return FALSE;
}

gboolean
eg_format_from_path(const char *path, EgFormat *format)
{
  const char *dot = path ? strrchr(path, '.') : NULL;
  if (!dot || strchr(dot, '/'))
    return FALSE;
  return eg_format_from_name(dot + 1, format);
}

const char *const eg_export_metric_names[] = {
  "degree", "strength", "pagerank", "betweenness", "community", "component", NULL
};

void
eg_export_attr_lists_init(EgAttrLists *a, const igraph_t *g)
{
  igraph_strvector_init(&a->gnames, 0);
  igraph_strvector_init(&a->vnames, 0);
  igraph_strvector_init(&a->enames, 0);
  igraph_vector_int_init(&a->gtypes, 0);
  igraph_vector_int_init(&a->vtypes, 0);
  igraph_vector_int_init(&a->etypes, 0);
  igraph_cattribute_list(g, &a->gnames, &a->gtypes, &a->vnames, &a->vtypes, &a->enames, &a->etypes);
}

void
eg_export_attr_lists_destroy(EgAttrLists *a)
{
  igraph_strvector_destroy(&a->gnames);
  igraph_strvector_destroy(&a->vnames);
  igraph_strvector_destroy(&a->enames);
  igraph_vector_int_destroy(&a->gtypes);
  igraph_vector_int_destroy(&a->vtypes);
  igraph_vector_int_destroy(&a->etypes);
}

gboolean
eg_export_attr_is_integer(const char *name)
{
  static const char *const ints[] = { "mentions", "documents", "count", "windows", "degree",
                                      "strength", "community", "component", "nodes", "edges", NULL };
  for (guint i = 0; ints[i]; i++)
    if (strcmp(name, ints[i]) == 0)
      return TRUE;
  return FALSE;
}

typedef struct {
  igraph_integer_t v;
  double mentions;
  const char *label;
} Rank;

static int
cmp_rank(const void *a, const void *b)
{
  const Rank *x = a, *y = b;
  if (x->mentions != y->mentions)
    return x->mentions > y->mentions ? -1 : 1;
  return strcmp(x->label, y->label);
}

igraph_integer_t *
eg_export_by_mentions(const igraph_t *g)
{
  igraph_integer_t nv = igraph_vcount(g);
  g_autofree Rank *rank = g_new(Rank, nv + 1);
  for (igraph_integer_t v = 0; v < nv; v++) {
    rank[v].v = v;
    rank[v].mentions = VAN(g, "mentions", v);
    rank[v].label = VAS(g, "label", v);
  }
  qsort(rank, (size_t)nv, sizeof(Rank), cmp_rank);
  igraph_integer_t *order = g_new(igraph_integer_t, nv + 1);
  for (igraph_integer_t i = 0; i < nv; i++)
    order[i] = rank[i].v;
  return order;
}

/* Whether XML 1.0 allows character C. */
static gboolean
xml_char_ok(gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

char *
eg_export_xml_clean(const char *value)
{
  GString *s = g_string_sized_new(strlen(value));
  for (const char *p = value; *p; p = g_utf8_next_char(p)) {
    /* A sequence cut short by the end of the string is dropped: reading it whole would read
     * past the terminator. */
    gboolean cut = FALSE;
    for (gint k = 1; k < g_utf8_skip[(guchar)*p] && !cut; k++)
      cut = p[k] == '\0';
    if (cut)
      break;
    gunichar c = g_utf8_get_char(p);
    if (xml_char_ok(c))
      g_string_append_unichar(s, c);
  }
  return g_string_free(s, FALSE);
}

/* Whether eg_export_xml_clean would return VALUE unchanged: valid UTF-8 of characters XML 1.0
 * allows (valid UTF-8 reads back and is written again byte for byte). */
static gboolean
xml_is_clean(const char *value)
{
  const guchar *p = (const guchar *)value;
  for (; *p && *p < 0x80; p++)
    if (!xml_char_ok(*p))
      return FALSE;
  if (!*p)
    return TRUE;
  if (!g_utf8_validate((const char *)p, -1, NULL))
    return FALSE;
  /* Valid UTF-8 holds no surrogate and nothing above U+10FFFF (g_utf8_validate refuses them):
   * of what XML refuses, only ASCII controls and U+FFFE, U+FFFF (EF BF BE, EF BF BF) remain,
   * found byte by byte without decoding. A lead byte's sequence is whole before the NUL. */
  for (; *p; p++)
    if (*p < 0x20 ? !xml_char_ok(*p) : eg_export_utf8_nonchar(p))
      return FALSE;
  return TRUE;
}

const char *
eg_export_xml_cleaned(const char *value, char **to_free)
{
  *to_free = NULL;
  if (xml_is_clean(value))
    return value;
  return *to_free = eg_export_xml_clean(value);
}

gsize
eg_export_integer(char *buf, gint64 v)
{
  gsize k = 0;
  if (v < 0)
    buf[k++] = '-';
  return k + eg_u64_digits(buf + k, v < 0 ? (guint64)0 - (guint64)v : (guint64)v);
}

/* Writes V in decimal into BUF; returns BUF. */
static const char *
number_integer(char *buf, gint64 v)
{
  eg_export_integer(buf, v);
  return buf;
}

const char *
eg_export_id(char *buf, char prefix, igraph_integer_t v)
{
  buf[0] = prefix;
  number_integer(buf + 1, (gint64)v);
  return buf;
}

/* 128-bit integers (GCC and Clang): exact products of a double's 53-bit significand and a power
 * of five up to 5^32. */
__extension__ typedef unsigned __int128 NumberU128;

/* 5^0 .. 5^27, the powers of five that fit 64 bits. */
static const guint64 number_pow5[28] = {
  1u, 5u, 25u, 125u, 625u, 3125u, 15625u, 78125u, 390625u, 1953125u, 9765625u, 48828125u,
  244140625u, 1220703125u, 6103515625u, 30517578125u, 152587890625u, 762939453125u,
  3814697265625u, 19073486328125u, 95367431640625u, 476837158203125u, 2384185791015625u,
  11920928955078125u, 59604644775390625u, 298023223876953125u, 1490116119384765625u,
  7450580596923828125u
};

/* 10^0 .. 10^17. */
static const guint64 number_pow10[18] = {
  1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u, 100000000u, 1000000000u,
  10000000000u, 100000000000u, 1000000000000u, 10000000000000u, 100000000000000u,
  1000000000000000u, 10000000000000000u, 100000000000000000u
};

/* The P (15..17) significant digits of M * 2^Q rounded as glibc's printf rounds them (to
 * nearest, ties to even), given E10, the value's decimal exponent, with 0 <= P - 1 - E10 <= 32:
 * *N gets the digits as an integer and *X the exponent of the rounded value (E10, or E10 + 1
 * when rounding carries into a new digit). Returns 1 when that decimal reads back as the double
 * (strtod rounds to nearest, ties to the even significand), 0 when it does not, -1 or -2 when
 * E10 is one too large or too small.
 *
 * Why: the value times 10^(P-1-E10) is M * 5^k / 2^t, an exact 128-bit product shifted right;
 * its remainder says how to round and how far the decimal lies from the double, against half
 * the gap to the neighbouring doubles (5^k / 2 in the same units; a quarter below a power of
 * two, whose lower neighbour is half as far). */
static int
number_digits(guint64 m, int q, int e10, int p, guint64 *n, int *x)
{
  int k = p - 1 - e10;
  NumberU128 p5 = (NumberU128)number_pow5[MIN(k, 27)] * number_pow5[k - MIN(k, 27)];
  NumberU128 a = p5 * m;
  int s = q + k;
  guint64 lo = number_pow10[p - 1], hi = number_pow10[p];
  if (s >= 0) {
    /* exact: the decimal is the double itself */
    if (s >= 64 || (a << s) >= hi)
      return -2;
    if ((a << s) < lo)
      return -1;
    *n = (guint64)(a << s);
    *x = e10;
    return 1;
  }
  int t = -s;
  if (t >= 126)
    return -2; /* not reached for the values number_fast takes */
  NumberU128 one = 1, floor_ = a >> t, r = a & ((one << t) - 1), half = one << (t - 1);
  if (floor_ < lo)
    return -1;
  if (floor_ >= hi)
    return -2;
  gboolean up = r > half || (r == half && (floor_ & 1));
  NumberU128 diff = up ? (one << t) - r : r;
  guint64 digits = (guint64)floor_ + up;
  *x = e10;
  if (digits == hi) {
    digits = lo;
    *x = e10 + 1;
  }
  *n = digits;
  gboolean even = (m & 1) == 0;
  /* twice the distance against 5^k; four times below a power of two */
  NumberU128 d = (!up && r != 0 && m == (G_GUINT64_CONSTANT(1) << 52)) ? diff * 4 : diff * 2;
  return d < p5 || (d == p5 && even);
}

/* Writes N (P digits, exponent X) as "%.Pg" writes it, after SIGN: exponent form when X < -4
 * or X >= P, else fixed; trailing zeros of the fraction and a bare point dropped. Returns its
 * length. */
static gsize
number_format_g(char *buf, gboolean negative, guint64 n, int p, int x)
{
  char d[EG_U64_DIGITS];
  eg_u64_digits(d, n);
  int len = p;
  while (len > 1 && d[len - 1] == '0')
    len--;
  char *o = buf;
  if (negative)
    *o++ = '-';
  if (x < -4 || x >= p) {
    *o++ = d[0];
    if (len > 1) {
      *o++ = '.';
      memcpy(o, d + 1, (gsize)len - 1);
      o += len - 1;
    }
    *o++ = 'e';
    *o++ = x < 0 ? '-' : '+';
    int ax = ABS(x);
    if (ax >= 100)
      *o++ = (char)('0' + ax / 100);
    *o++ = (char)('0' + ax / 10 % 10);
    *o++ = (char)('0' + ax % 10);
  } else if (x >= 0) {
    memcpy(o, d, (gsize)x + 1);
    o += x + 1;
    if (len > x + 1) {
      *o++ = '.';
      memcpy(o, d + x + 1, (gsize)(len - x - 1));
      o += len - x - 1;
    }
  } else {
    *o++ = '0';
    *o++ = '.';
    for (int z = 0; z < -x - 1; z++)
      *o++ = '0';
    memcpy(o, d, (gsize)len);
    o += len;
  }
  *o = '\0';
  return (gsize)(o - buf);
}

/* What the search in eg_export_number gives for a value that is not whole, 1e-16 <= |VALUE| <
 * 1e15, without printf or strtod: "%.15g", "%.16g" or "%.17g", the first that reads back as
 * VALUE, with the digits worked out exactly in integers (number_digits). Returns its length, or 0
 * for other values, which take the search. tests/unit/test_export.c checks it against the search. */
static gsize
number_fast(char *buf, double value)
{
  double a = fabs(value);
  if (!(a >= 1e-16 && a < 1e15) || a == floor(a))
    return 0;
  guint64 bits;
  memcpy(&bits, &a, sizeof bits);
  guint64 m = (bits & ((G_GUINT64_CONSTANT(1) << 52) - 1)) | (G_GUINT64_CONSTANT(1) << 52);
  int q = (int)(bits >> 52) - 1075;
  /* may be one off near a power of ten (number_digits says); 1e-16 <= a < 1e15 puts the true
   * exponent in -16..14, which keeps 10^(p-1-e10) within the tables */
  int e10 = (int)floor(log10(a)); /* apart from CLAMP, which would compute it up to three times */
  e10 = CLAMP(e10, -16, 14);
  for (int p = 15; p <= 17; p++) {
    guint64 n = 0;
    int x = 0, rc;
    for (int tries = 0; (rc = number_digits(m, q, e10, p, &n, &x)) < 0; tries++) {
      if (tries == 2)
        return 0;
      e10 += rc == -1 ? -1 : 1;
      if (p - 1 - e10 < 0 || p - 1 - e10 > 32)
        return 0;
    }
    if (rc == 1) {
      gsize len = number_format_g(buf, value < 0, n, p, x);
      /* a whole number ending in 0 takes the search's other rule (never here, but cheap) */
      return strpbrk(buf, ".e") ? len : 0;
    }
  }
  return 0;
}

/* eg_export_number without the lengths of the two common forms: the number's shortest text in
 * BUF; returns its length when it is known (a whole number, number_fast), else 0 (strlen it). */
static gsize
number_text(char *buf, double value, gboolean integer)
{
  if (integer && value > -9.2e18 && value < 9.2e18)
    return eg_export_integer(buf, (gint64)value);
  /* An integer attribute out of gint64's range, or NaN, has no integer to cast to (the cast
   * would be undefined): it is written as the double it is. No count or metric makes one. */
  /* A whole number of at most 15 digits whose last digit is not 0 (or 0 itself): its digits are
   * what the search below finds (fewer digits round it to another number; that many print it
   * without an exponent). -0 and 100 ("1e+02") take the search. */
  if (value > -1e15 && value < 1e15 && value == (double)(gint64)value && !(value == 0 && signbit(value)) &&
      ((gint64)value % 10 != 0 || value == 0))
    return eg_export_integer(buf, (gint64)value);
  /* g_ascii_dtostr always gives 17 digits (0.1 -> 0.10000000000000001): take the fewest
   * digits that read back to the same double, which "%.1g", "%.2g", ... "%.17g" would find.
   * A double has more than 15 significant digits of precision (2^-53 < 10^-15 / 2), so when
   * some decimal of D <= 15 digits reads back to VALUE, VALUE rounded to 15 digits is that
   * decimal padded with zeros, which %g strips: "%.15g" gives the same digits as "%.Dg" in one
   * try instead of D. Two cases differ: subnormals have fewer digits of precision (their search
   * stays one precision after another), and %g writes an exponent when the exponent is >= the
   * precision, so a whole number with trailing zeros (1200 = "1.2e+03" with "%.2g") is written
   * again with its own count of digits. Beyond 15 digits the two searches are the same tries.
   * tests/unit/test_export.c checks this against the search one precision after another. */
  gsize len = number_fast(buf, value);
  if (len)
    return len;
  if (value != 0 && fabs(value) < DBL_MIN) {
    static const char *const formats[] = { NULL, "%.1g", "%.2g", "%.3g", "%.4g", "%.5g", "%.6g",
                                           "%.7g", "%.8g", "%.9g", "%.10g", "%.11g", "%.12g",
                                           "%.13g", "%.14g", "%.15g", "%.16g", "%.17g" };
    for (int digits = 1; digits <= 17; digits++) {
      g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, formats[digits], value);
      if (g_ascii_strtod(buf, NULL) == value)
        return 0;
    }
    g_ascii_dtostr(buf, G_ASCII_DTOSTR_BUF_SIZE, value);
    return 0;
  }
  g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, "%.15g", value);
  if (g_ascii_strtod(buf, NULL) == value) {
    gsize len = strlen(buf);
    if (len > 0 && buf[len - 1] == '0' && !strpbrk(buf, ".e")) {
      /* fixed notation of a whole number ending in 0: its significant digits */
      const char *d = buf + (buf[0] == '-');
      gsize end = len;
      while (end > (gsize)(d - buf) && buf[end - 1] == '0')
        end--;
      int digits = (int)(end - (gsize)(d - buf));
      if (digits > 0) {
        char fmt[8];
        g_snprintf(fmt, sizeof fmt, "%%.%dg", digits);
        g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, fmt, value);
      }
    }
    return 0;
  }
  g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, "%.16g", value);
  if (g_ascii_strtod(buf, NULL) == value)
    return 0;
  g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, "%.17g", value);
  if (g_ascii_strtod(buf, NULL) == value)
    return 0;
  g_ascii_dtostr(buf, G_ASCII_DTOSTR_BUF_SIZE, value);
  return 0;
}

const char *
eg_export_number(char *buf, double value, gboolean integer)
{
  number_text(buf, value, integer);
  return buf;
}

gsize
eg_export_number_len(char *buf, double value, gboolean integer)
{
  gsize len = number_text(buf, value, integer);
  return len ? len : strlen(buf);
}

const char *
eg_export_xml_type(const char *name, igraph_attribute_type_t type)
{
  if (type == IGRAPH_ATTRIBUTE_STRING)
    return "string";
  if (type == IGRAPH_ATTRIBUTE_BOOLEAN)
    return "boolean";
  return eg_export_attr_is_integer(name) ? "long" : "double";
}

/* Numeric attribute NAME of element ID (the graph's own for the graph domain). */
static double
attr_number_by_name(const igraph_t *g, igraph_attribute_elemtype_t domain, const char *name,
                    igraph_integer_t id)
{
  return domain == IGRAPH_ATTRIBUTE_GRAPH ? igraph_cattribute_GAN(g, name)
         : domain == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAN(g, name, id)
                                             : igraph_cattribute_EAN(g, name, id);
}

const char *
eg_export_xml_text(const igraph_t *g, igraph_attribute_elemtype_t domain, const char *name,
                   igraph_attribute_type_t type, gboolean integer, igraph_integer_t id, char *buf,
                   char **to_free)
{
  *to_free = NULL;
  if (type == IGRAPH_ATTRIBUTE_STRING) {
    const char *s = domain == IGRAPH_ATTRIBUTE_GRAPH ? igraph_cattribute_GAS(g, name)
                    : domain == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAS(g, name, id)
                                                        : igraph_cattribute_EAS(g, name, id);
    return eg_export_xml_cleaned(s ? s : "", to_free);
  }
  if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
    double v = attr_number_by_name(g, domain, name, id);
    if (!isfinite(v))
      return NULL;
    return eg_export_number(buf, v, integer);
  }
  if (type == IGRAPH_ATTRIBUTE_BOOLEAN) {
    gboolean b = domain == IGRAPH_ATTRIBUTE_GRAPH ? igraph_cattribute_GAB(g, name)
                 : domain == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAB(g, name, id)
                                                     : igraph_cattribute_EAB(g, name, id);
    return b ? "true" : "false";
  }
  return NULL;
}

char *
eg_export_xml_value(const igraph_t *g, igraph_attribute_elemtype_t domain, const char *name,
                    igraph_attribute_type_t type, igraph_integer_t id)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *to_free;
  const char *text = eg_export_xml_text(g, domain, name, type,
                                        type == IGRAPH_ATTRIBUTE_NUMERIC && eg_export_attr_is_integer(name),
                                        id, buf, &to_free);
  return to_free ? to_free : g_strdup(text);
}

int
eg_export_xml_write_text(xmlTextWriterPtr w, const char *text)
{
  /* Escaping in element content changes only these; without them the text goes out as it is,
   * and libxml2 neither scans nor copies it. */
  if (!strpbrk(text, "<>&\"\r"))
    return xmlTextWriterWriteRaw(w, BAD_CAST text);
  return xmlTextWriterWriteString(w, BAD_CAST text);
}

gboolean
eg_export_xml_plain_name(const char *name)
{
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum(*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

gboolean
eg_export_attr_infos_plain(const EgAttrInfo *infos)
{
  for (const EgAttrInfo *a = infos; a->name; a++)
    if (!eg_export_xml_plain_name(a->text))
      return FALSE;
  return TRUE;
}

/* libxml2 prints I/O errors on stderr itself; the CLI prints one line of its own instead. */
static void
export_xml_silent(void *ctx, const char *msg, ...)
{
  (void)ctx;
  (void)msg;
}

void
eg_export_xml_quiet(void)
{
  xmlSetGenericErrorFunc(NULL, export_xml_silent);
}

xmlTextWriterPtr
eg_export_xml_open(FILE *stream)
{
  eg_export_xml_quiet();
  xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(stream, NULL);
  if (!buf)
    return NULL;
  xmlTextWriterPtr w = xmlNewTextWriter(buf);
  if (!w) {
    xmlOutputBufferClose(buf);
    return NULL;
  }
  if (xmlTextWriterSetIndent(w, 1) < 0 || xmlTextWriterSetIndentString(w, BAD_CAST EG_XML_INDENT) < 0 ||
      xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0) {
    xmlFreeTextWriter(w);
    return NULL;
  }
  return w;
}

gboolean
eg_export_xml_close(xmlTextWriterPtr w, int rc, FILE *stream, const char *what, GError **error)
{
  if (!w)
    rc = -1;
  if (rc >= 0) rc = xmlTextWriterEndDocument(w);
  if (rc >= 0) rc = xmlTextWriterFlush(w);
  if (w)
    xmlFreeTextWriter(w); /* frees its output buffer too */
  if (rc < 0 || ferror(stream)) {
    int e = errno;
    g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT, "cannot write %s (%s)", what, g_strerror(e));
    return FALSE;
  }
  return TRUE;
}

EgAttrInfo *
eg_export_attr_infos(const igraph_strvector_t *names, const igraph_vector_int_t *types,
                     EgAttrTextFunc text_fn, gconstpointer data)
{
  igraph_integer_t n = igraph_strvector_size(names);
  EgAttrInfo *infos = g_new0(EgAttrInfo, n + 1);
  guint k = 0;
  for (igraph_integer_t i = 0; i < n; i++) {
    const char *name = igraph_strvector_get(names, i);
    char *text = text_fn(name, data);
    if (!text)
      continue;
    infos[k].name = name;
    infos[k].text = text;
    infos[k].text_len = strlen(text);
    infos[k].type = (igraph_attribute_type_t)VECTOR(*types)[i];
    infos[k].integer = infos[k].type == IGRAPH_ATTRIBUTE_NUMERIC && eg_export_attr_is_integer(name);
    k++;
  }
  return infos;
}

void
eg_export_attr_infos_free(EgAttrInfo *infos)
{
  for (EgAttrInfo *a = infos; a->name; a++) {
    g_free(a->text);
    if (a->fetched)
      igraph_vector_destroy(&a->numbers);
  }
  g_free(infos);
}

void
eg_export_attr_fetch(EgAttrInfo *infos, const igraph_t *g, igraph_attribute_elemtype_t domain)
{
  for (EgAttrInfo *a = infos; a->name; a++) {
    if (a->fetched || a->type != IGRAPH_ATTRIBUTE_NUMERIC ||
        (domain != IGRAPH_ATTRIBUTE_VERTEX && domain != IGRAPH_ATTRIBUTE_EDGE))
      continue;
    if (igraph_vector_init(&a->numbers, 0) != IGRAPH_SUCCESS)
      continue; /* out of memory: looked up by name instead */
    igraph_error_t rc = domain == IGRAPH_ATTRIBUTE_VERTEX
                          ? igraph_cattribute_VANV(g, a->name, igraph_vss_all(), &a->numbers)
                          : igraph_cattribute_EANV(g, a->name, igraph_ess_all(IGRAPH_EDGEORDER_ID), &a->numbers);
    if (rc == IGRAPH_SUCCESS) {
      a->fetched = TRUE;
      a->n_numbers = igraph_vector_size(&a->numbers);
    }
    else
      igraph_vector_destroy(&a->numbers);
  }
}

double
eg_export_attr_number(const igraph_t *g, igraph_attribute_elemtype_t domain, const EgAttrInfo *a,
                      igraph_integer_t id)
{
  if (a->fetched)
    return id < a->n_numbers ? VECTOR(a->numbers)[id] : NAN;
  return attr_number_by_name(g, domain, a->name, id);
}

const char *
eg_export_xml_attr_text(const igraph_t *g, igraph_attribute_elemtype_t domain, const EgAttrInfo *a,
                        igraph_integer_t id, char *buf, char **to_free)
{
  if (!a->fetched)
    return eg_export_xml_text(g, domain, a->name, a->type, a->integer, id, buf, to_free);
  *to_free = NULL;
  double v = eg_export_attr_number(g, domain, a, id);
  return isfinite(v) ? eg_export_number(buf, v, a->integer) : NULL;
}
