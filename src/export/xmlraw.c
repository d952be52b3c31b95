/* xmlraw.c: runs of XML markup written as bytes, for the writers' nodes and edges.
 *
 * xmlTextWriter costs thousands of instructions per element (a stack entry allocated and freed,
 * the name copied, attribute values scanned for escaping) and its buffer copies every byte once
 * more; nodes and edges are nearly all of a GraphML or GEXF file (67 MB for Reuters). Their
 * markup holds no user text: ids are ours, keys our prefix and attribute name, numbers formatted
 * by us. A run gathers it in one buffer: the first chunk goes through xmlTextWriterWriteRawLen,
 * which closes the element's start tag (with ">" only: the run starts with the newline
 * StartElement would have written) and tells the writer that the next end tag is to go out
 * unindented (so the run ends with that end tag's indent); the writer is then flushed and the
 * rest written to its stream directly, in large writes. User text is cleaned of what XML 1.0
 * forbids as before, and where it holds a character to escape it is escaped as libxml2 escapes
 * it: element text as xmlEncodeSpecialChars does (what xmlTextWriterWriteString calls for element
 * content), attribute values as xmlBufAttrSerializeTxtContent does (what
 * xmlTextWriterWriteAttribute calls). tests/unit/test_export.c compares every writer's raw
 * output with its xmlTextWriter output on random text and on every byte value.
 */
#include "export/export.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

void
eg_xml_raw_begin(EgXmlRaw *r, xmlTextWriterPtr w, FILE *stream)
{
  r->w = w;
  r->stream = stream;
  r->buf = g_malloc(EG_XML_RAW_CHUNK);
  r->len = 0;
  r->direct = FALSE;
  r->fd = -1;
  r->rc = 0;
  r->flushes = 0;
}

/* Writes N bytes of S to descriptor FD, all of them; FALSE (errno set) when it cannot. */
static gboolean
raw_write_fd(int fd, const char *s, gsize n)
{
  while (n) {
    gssize k = write(fd, s, MIN(n, (gsize)G_MAXSSIZE));
    if (k < 0 && errno == EINTR)
      continue;
    if (k == 0) /* not done by files or pipes, but the caller reports errno */
      errno = EIO;
    if (k <= 0)
      return FALSE;
    s += k;
    n -= (gsize)k;
  }
  return TRUE;
}

/* Sends N bytes of S after everything before them. Once the writer is flushed, the stream is
 * flushed too and the run's buffers go to its descriptor: through fwrite, stdio would copy every
 * byte of the file once more into its own buffer (a stream without a descriptor, such as a
 * memory stream, keeps fwrite). The writer goes on through the stream afterwards, at the
 * descriptor's offset, since stdio keeps nothing buffered. */
static void
raw_write(EgXmlRaw *r, const char *s, gsize n)
{
  if (r->rc < 0)
    return;
  if (!r->direct) {
    r->rc = n <= G_MAXINT ? xmlTextWriterWriteRawLen(r->w, BAD_CAST s, (int)n) : -1;
    if (r->rc >= 0) r->rc = xmlTextWriterFlush(r->w);
    r->direct = TRUE;
    r->fd = fileno(r->stream);
    if (r->fd >= 0 && r->rc >= 0 && fflush(r->stream) != 0)
      r->rc = -1;
  } else if (r->fd >= 0 ? !raw_write_fd(r->fd, s, n) : fwrite(s, 1, n, r->stream) != n) {
    r->rc = -1;
  }
}

static void
raw_flush(EgXmlRaw *r)
{
  if (r->len)
    raw_write(r, r->buf, r->len);
  r->len = 0;
  r->flushes++;
}

void
eg_xml_raw_put_slow(EgXmlRaw *r, const char *s, gsize n)
{
  raw_flush(r);
  if (n > EG_XML_RAW_CHUNK) {
    raw_write(r, s, n); /* a value larger than the buffer: a write of its own */
    return;
  }
  memcpy(r->buf, s, n);
  r->len = n;
}

int
eg_xml_raw_end(EgXmlRaw *r)
{
  raw_flush(r);
  g_clear_pointer(&r->buf, g_free);
  return r->rc;
}

/* What element text's bytes become: 1 goes out as it is (printable ASCII, tab, newline), 2 is
 * one of the five that xmlEncodeSpecialChars escapes, 0 ends the text or may need cleaning
 * (NUL, other control characters, DEL, bytes of UTF-8 sequences). */
static const guint8 raw_text_class[256] = {
  ['\t'] = 1, ['\n'] = 1, ['\r'] = 2,
  [' '] = 1, ['!'] = 1, ['"'] = 2, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['&'] = 2, ['\''] = 1,
  ['('] = 1, [')'] = 1, ['*'] = 1, ['+'] = 1, [','] = 1, ['-'] = 1, ['.'] = 1, ['/'] = 1,
  ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
  ['8'] = 1, ['9'] = 1, [':'] = 1, [';'] = 1, ['<'] = 2, ['='] = 1, ['>'] = 2, ['?'] = 1,
  ['@'] = 1,
  ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
  ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
  ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
  ['Y'] = 1, ['Z'] = 1, ['['] = 1, ['\\'] = 1, [']'] = 1, ['^'] = 1, ['_'] = 1, ['`'] = 1,
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
  ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
  ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
  ['y'] = 1, ['z'] = 1, ['{'] = 1, ['|'] = 1, ['}'] = 1, ['~'] = 1,
};

/* A word whose high bits say whether any of the 8 bytes at P is other than printable ASCII
 * without <, >, " and &: below 0x20 (tab and newline included, which the element-text byte loop
 * then lets through), above 0x7E, '<' or '>' (x | 2 == '>'), '"' or '&' (x | 4 == '&'). Exact as
 * to "any" (not as to which byte). The "has a byte less than / more than / zero" word tests of
 * Bit Twiddling Hacks, each without its "& ~x" (whose only work is to keep bytes from 0x80 out,
 * and those count anyway): x - 0x20 sets the high bit of a byte below 0x20, x + 1 of 0x7F, x
 * itself of 0x80 and above, y - 1 of a zero byte of y. A borrow or carry across bytes comes only
 * out of a byte that counts, so the lowest byte that counts is always seen, and a word of plain
 * bytes sets none. 8 bytes in ~13 instructions where a table takes ~9 per byte. */
#define ONES G_GUINT64_CONSTANT(0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT(0x8080808080808080)

static inline guint64
raw_word_mask(const char *p)
{
  guint64 x;
  memcpy(&x, p, sizeof x);
  guint64 out = (x - ONES * 0x20) | (x + ONES) | x;
  guint64 lt_gt = ((x | ONES * 2) ^ (ONES * '>')) - ONES;
  guint64 quot_amp = ((x | ONES * 4) ^ (ONES * '&')) - ONES;
  return out | lt_gt | quot_amp;
}

/* From I, past the 8-byte words of the N bytes of S that hold no such byte; 16 bytes a step
 * while it can (one test and branch for two words: most text is plain for dozens of bytes). */
static inline gsize
raw_skip_plain(const char *s, gsize i, gsize n)
{
  while (i + 16 <= n && !((raw_word_mask(s + i) | raw_word_mask(s + i + 8)) & HIGHS))
    i += 16;
  while (i + 8 <= n && !(raw_word_mask(s + i) & HIGHS))
    i += 8;
  return i;
}

/* Writes the entity xmlEncodeSpecialChars gives C, a class 2 byte. */
static void
raw_entity(EgXmlRaw *r, guchar c)
{
  switch (c) {
  case '<': EG_XML_RAW_LIT(r, "&lt;"); break;
  case '>': EG_XML_RAW_LIT(r, "&gt;"); break;
  case '&': EG_XML_RAW_LIT(r, "&amp;"); break;
  case '"': EG_XML_RAW_LIT(r, "&quot;"); break;
  default: EG_XML_RAW_LIT(r, "&#13;"); break;
  }
}

/* The N bytes of S, cleaned already, with the five escaped. */
static void
raw_text_clean(EgXmlRaw *r, const char *s, gsize n)
{
  gsize i = 0, run = 0;
  while (i < n) {
    i = raw_skip_plain(s, i, n);
    for (gsize stop = MIN(i + 8, n); i < stop; i++)
      if (raw_text_class[(guchar)s[i]] == 2) {
        eg_xml_raw_put(r, s + run, i - run);
        raw_entity(r, (guchar)s[i]);
        run = i + 1;
      }
  }
  eg_xml_raw_put(r, s + run, n - run);
}

/* The length of the UTF-8 sequence at P (a lead byte from 0x80) when it is a character that
 * cleaning keeps as it is (eg_export_xml_cleaned: well-formed, no surrogate, at most U+10FFFF,
 * not U+FFFE or U+FFFF), else 0. Well-formed after Unicode's table 3-7; a byte is read only
 * when the one before it was a continuation, so never past the string's NUL. */
static inline gsize
raw_utf8_kept(const guchar *p)
{
  guchar c = p[0];
  if (c >= 0xC2 && c <= 0xDF)
    return (p[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    guchar lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    if (p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80)
      return 0;
    return eg_export_utf8_nonchar(p) ? 0 : 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    guchar lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    if (p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
      return 0;
    return 4;
  }
  return 0;
}

void
eg_xml_raw_text(EgXmlRaw *r, const char *s)
{
  gsize n = strlen(s), i = 0, run = 0;
  for (;;) {
    i = raw_skip_plain(s, i, n);
    for (gsize stop = MIN(i + 8, n); i < stop; i++) {
      guint8 c = raw_text_class[(guchar)s[i]];
      if (c == 1)
        continue;
      if (c == 0 && (guchar)s[i] >= 0x80) {
        /* a character cleaning keeps goes out as it is, in the run: text in other languages
         * than English is read once, not validated, decoded and copied by cleaning */
        gsize k = raw_utf8_kept((const guchar *)s + i);
        if (k) {
          i += k - 1;
          continue;
        }
      }
      eg_xml_raw_put(r, s + run, i - run);
      run = i + 1;
      if (c == 2)
        raw_entity(r, (guchar)s[i]);
      else
        goto unclean;
    }
    if (i >= n) {
      eg_xml_raw_put(r, s + run, n - run);
      return;
    }
  }
unclean:;
  /* Cleaning keeps what comes before I as it is (plain ASCII and characters it keeps, which it
   * reads sequence by sequence as raw_utf8_kept does, so it would reach I the same way): the
   * rest is cleaned, after which only the five are escaped. */
  g_autofree char *to_free = NULL;
  const char *clean = eg_export_xml_cleaned(s + i, &to_free);
  raw_text_clean(r, clean, to_free ? strlen(clean) : n - i);
}

/* The entity xmlTextWriterWriteAttribute gives byte C of an attribute value, or NULL when C
 * goes out as it is. Its escaping (xmlBufAttrSerializeTxtContent) escapes these seven; bytes
 * from 0x80 go out as they are because the writer's document has an encoding (UTF-8, from
 * xmlTextWriterStartDocument), and a cleaned text holds no other control character. */
static const char *
raw_attr_entity(guchar c)
{
  switch (c) {
  case '\n': return "&#10;";
  case '\r': return "&#13;";
  case '\t': return "&#9;";
  case '"': return "&quot;";
  case '<': return "&lt;";
  case '>': return "&gt;";
  case '&': return "&amp;";
  default: return NULL;
  }
}

gsize
eg_export_plain_prefix(const char *s, gsize n)
{
  gsize i = raw_skip_plain(s, 0, n);
  while (i < n && s[i] >= 0x20 && s[i] <= 0x7E && s[i] != '<' && s[i] != '>' && s[i] != '&' && s[i] != '"')
    i++;
  return i;
}

void
eg_xml_raw_attr(EgXmlRaw *r, const char *s)
{
  gsize n = strlen(s), i = eg_export_plain_prefix(s, n);
  if (i == n) {
    eg_xml_raw_put(r, s, n); /* printable ASCII that needs no entity */
    return;
  }
  /* Cleaning keeps the plain ASCII before I as it is. */
  eg_xml_raw_put(r, s, i);
  g_autofree char *to_free = NULL;
  const char *clean = eg_export_xml_cleaned(s + i, &to_free);
  const char *p = clean, *start = clean;
  for (; *p; p++) {
    const char *entity = raw_attr_entity((guchar)*p);
    if (entity) {
      eg_xml_raw_put(r, start, (gsize)(p - start));
      eg_xml_raw_put(r, entity, strlen(entity));
      start = p + 1;
    }
  }
  eg_xml_raw_put(r, start, (gsize)(p - start));
}

void
eg_xml_raw_number(EgXmlRaw *r, double value, gboolean integer)
{
  /* written in place, without a copy, when the buffer has room for the longest form */
  if (G_LIKELY(r->len + G_ASCII_DTOSTR_BUF_SIZE <= EG_XML_RAW_CHUNK)) {
    char *at = r->buf + r->len;
    r->len += integer && value > -9.2e18 && value < 9.2e18 ? eg_export_integer(at, (gint64)value)
                                                           : eg_export_number_len(at, value, integer);
    return;
  }
  char num[G_ASCII_DTOSTR_BUF_SIZE];
  eg_xml_raw_put(r, num, eg_export_number_len(num, value, integer));
}

gboolean
eg_xml_raw_value(EgXmlRaw *r, const igraph_t *g, igraph_attribute_elemtype_t domain,
                 igraph_integer_t id, const EgAttrInfo *a, gboolean in_attr, const char *open,
                 gsize open_len, const char *before_first, gboolean *any)
{
  char num[G_ASCII_DTOSTR_BUF_SIZE];
  const char *text = NULL;
  double v = 0;
  if (a->type == IGRAPH_ATTRIBUTE_STRING) {
    text = domain == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAS(g, a->name, id)
                                             : igraph_cattribute_EAS(g, a->name, id);
    if (!text)
      text = "";
  } else if (a->fetched) {
    v = id < a->n_numbers ? VECTOR(a->numbers)[id] : NAN;
    if (!isfinite(v))
      return FALSE; /* a metric not computed for this element */
  } else {
    char *to_free = NULL; /* only strings are cleaned: NULL here */
    text = eg_export_xml_attr_text(g, domain, a, id, num, &to_free);
    g_assert(to_free == NULL);
    if (!text)
      return FALSE;
  }
  if (!*any)
    eg_xml_raw_put(r, before_first, strlen(before_first));
  *any = TRUE;
  eg_xml_raw_put(r, open, open_len);
  if (a->type == IGRAPH_ATTRIBUTE_STRING) {
    if (in_attr)
      eg_xml_raw_attr(r, text);
    else
      eg_xml_raw_text(r, text);
  } else if (a->fetched) {
    eg_xml_raw_number(r, v, a->integer);
  } else {
    eg_xml_raw_put(r, text, strlen(text));
  }
  return TRUE;
}

char **
eg_xml_raw_opens(const EgAttrInfo *infos, const char *prefix, const char *suffix, gsize **lens)
{
  guint n = 0;
  while (infos[n].name)
    n++;
  char **open = g_new0(char *, n + 1);
  *lens = g_new0(gsize, n + 1);
  for (guint i = 0; i < n; i++) {
    open[i] = g_strconcat(prefix, infos[i].text, suffix, NULL);
    (*lens)[i] = strlen(open[i]);
  }
  return open;
}
