/* source.c: turns the user's inputs (files, folders, stdin, JSON Lines) into documents.
 *
 * Owns reading, documents' dates (dates.c reads them) and the checks on raw bytes (web pages
 * are read through html.c on the way): missing and unreadable paths, binary files, invalid
 * UTF-8, empty documents, truncated gzip and malformed JSON lines are reported through the
 * caller's report function and the batch goes on. Documents are handed over one at a time, in
 * input order, and freed after the callback returns.
 *
 * Memory stays bounded whatever the input: everything is read as a stream (gzip is decompressed
 * on the way, by GIO's zlib converter); a JSON line longer than EG_JSONL_MAX_LINE is skipped
 * without being held; a plain-text document longer than EG_DOCUMENT_PART is handed over in
 * parts cut at paragraph breaks (or line breaks, or spaces).
 */
#include "text/text.h"

#include <errno.h>
#include <gio/gio.h>
#include <gio/gunixinputstream.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Undated documents reported one by one; the rest only in the total. */
#define SOURCE_UNDATED_SHOWN 10

typedef struct {
  const EgSourceOptions *options;
  EgDocumentFunc doc_fn;
  gpointer doc_data;
  EgReportFunc report_fn;
  gpointer report_data;
  guint fatal;
  GHashTable *digests;       /* --dedup: SHA-1 of every document's text */
  guint64 duplicates;
  guint64 undated;           /* documents skipped for want of a date (need_date) */
} SourceCtx;

#define READ_BLOCK (256u * 1024u)
/* A line read in place, within one block, is never too long. */
G_STATIC_ASSERT(READ_BLOCK <= EG_JSONL_MAX_LINE);

static void G_GNUC_PRINTF(4, 5)
source_report(SourceCtx *ctx, EgErrorCode code, gboolean fatal, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  g_autofree char *msg = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  g_autoptr(GError) error = g_error_new_literal(EG_ERROR, code, msg);
  if (fatal)
    ctx->fatal++;
  if (ctx->report_fn)
    ctx->report_fn(error, fatal, ctx->report_data);
}

/* How many bytes RAW (LEN bytes) starts with that are ASCII and not NUL. News text is mostly
 * ASCII, which needs no validating: g_utf8_validate_len starts at the first byte that is 0 or
 * above 0x7F, a character boundary. Eight bytes at a time. */
static gsize
text_ascii_prefix(const char *raw, gsize len)
{
  gsize ascii_end = 0;
  for (guint64 w; ascii_end + 8 <= len; ascii_end += 8) {
    memcpy(&w, raw + ascii_end, 8);
    if ((w | ((w - 0x0101010101010101u) & ~w)) & 0x8080808080808080u)
      break;
  }
  while (ascii_end < len && (guchar)raw[ascii_end] - 1u < 0x7Fu)
    ascii_end++;
  return ascii_end;
}

/* Whether RAW (LEN bytes, of which the first ASCII_END are ASCII without NUL) is its own
 * normal form: ASCII without a CR (and a BOM is not ASCII). */
static gboolean
text_is_normal(const char *raw, gsize len, gsize ascii_end)
{
  return ascii_end == len && !memchr(raw, '\r', len);
}

/* Whether C may start a piece of a long run that text_nfc cuts: a starter that no character
 * before it composes with (it is never the second of a canonical composition) and that NFC
 * leaves alone, checked against Unicode 14's data. Ideographs, kana and Hangul syllables: the
 * scripts whose text runs long without an ASCII byte. */
static gboolean
text_nfc_cut_before(gunichar c)
{
  return c == 0x3000 || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3);
}

/* A run longer than this is cut where text_nfc_cut_before allows. */
#define TEXT_NFC_RUN 4096

/* The NFC form of S (N bytes of valid UTF-8 without NUL; transfer full: S is returned or freed).
 *
 * g_utf8_normalize moves the rest of its buffer for every pair it composes, so one call on a
 * whole text takes time quadratic in the text's length: a 2.4 MB line of French took 2.4 s,
 * half of it 0.6 s. The text is normalised in pieces instead. Every code point below U+0300
 * (ASCII, and Latin letters with their accents precomposed) is a starter that NFC leaves alone
 * and that is never the second of a composition, so a text is the NFC of its pieces cut before
 * such characters (UAX #15's boundaries). Only the runs of code points from U+0300 up change,
 * each with the character before it, which may be the base of a combining accent. */
static char *
text_nfc(char *s, gsize n, gsize *out_len)
{
  GString *out = NULL;
  gsize copied = 0;
  for (gsize i = 0; i < n;) {
    /* ASCII, a continuation byte, or the lead byte of a code point below U+0300 */
    if ((guchar)s[i] < 0xCC) {
      i++;
      continue;
    }
    gsize from = i;
    if (from > copied)
      for (from--; from > copied && ((guchar)s[from] & 0xC0) == 0x80; from--)
        ;
    gsize j = i + 1;
    for (; j < n; j++) {
      guchar b = (guchar)s[j];
      if (b < 0x80 || (b >= 0xC2 && b < 0xCC))
        break;
      if (j - from > TEXT_NFC_RUN && b >= 0xC0 && text_nfc_cut_before(g_utf8_get_char(s + j)))
        break;
    }
    if (!out)
      out = g_string_sized_new(n + n / 16 + 16);
    g_string_append_len(out, s + copied, (gssize)(from - copied));
    g_autofree char *piece = g_utf8_normalize(s + from, (gssize)(j - from), G_NORMALIZE_NFC);
    g_string_append(out, piece);
    copied = i = j;
  }
  if (!out) {
    *out_len = n;
    return s;
  }
  g_string_append_len(out, s + copied, (gssize)(n - copied));
  g_free(s);
  *out_len = out->len;
  return g_string_free(out, FALSE);
}

/* eg_text_normalise, given text_ascii_prefix(RAW, LEN). */
static char *
text_normalise(const char *raw, gsize len, gsize ascii_end, gsize *out_len, gboolean *repaired)
{
  *repaired = ascii_end < len && !g_utf8_validate_len(raw + ascii_end, len - ascii_end, NULL);
  g_autofree char *no_nul = NULL;
  if (*repaired && memchr(raw, '\0', len)) {
    /* A NUL inside text (past the first block, where it marks a binary file) would end every
     * C string early: it becomes a space. */
    no_nul = g_memdup2(raw, len);
    for (gsize i = 0; i < len; i++)
      if (!no_nul[i])
        no_nul[i] = ' ';
    raw = no_nul;
  }
  char *valid = *repaired ? g_utf8_make_valid(raw, (gssize)len) : g_strndup(raw, len);
  if (!*repaired && text_is_normal(valid, len, ascii_end)) {
    /* Nothing below would change a byte. */
    *out_len = len;
    return valid;
  }
  gsize vlen = strlen(valid);

  /* Line ends to "\n", and a byte order mark dropped, so segmentation sees one convention. */
  gsize w = 0;
  gsize r = (vlen >= 3 && memcmp(valid, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
  gboolean ascii = TRUE;
  for (; r < vlen; r++) {
    char c = valid[r];
    if (c == '\r') {
      valid[w++] = '\n';
      if (r + 1 < vlen && valid[r + 1] == '\n')
        r++;
      continue;
    }
    if ((unsigned char)c >= 0x80)
      ascii = FALSE;
    valid[w++] = c;
  }
  valid[w] = '\0';
  if (ascii) {
    *out_len = w;
    return valid;
  }
  /* NFC so that a name typed with a combining accent matches the precomposed spelling. */
  return text_nfc(valid, w, out_len);
}

char *
eg_text_normalise(const char *raw, gsize len, gsize *out_len, gboolean *repaired)
{
  g_return_val_if_fail(raw != NULL || len == 0, NULL);
  return text_normalise(raw, len, text_ascii_prefix(raw, len), out_len, repaired);
}

/* What went wrong, from a GLib file error, without the path GLib puts in its message. */
static const char *
source_reason(const GError *error)
{
  switch (error->code) {
  case G_FILE_ERROR_ACCES: return g_strerror(EACCES);
  case G_FILE_ERROR_ISDIR: return g_strerror(EISDIR);
  case G_FILE_ERROR_NOMEM: return g_strerror(ENOMEM);
  case G_FILE_ERROR_FAILED: return "cannot read";
  default: return g_strerror(EIO);
  }
}

static gboolean
text_is_blank(const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace(text[i]))
      return FALSE;
  return TRUE;
}

/* Where a document comes from, for reports: a file, or a line (LINE > 0) of a JSON Lines file.
 * Kept in parts: it is spelt out only when there is something to report. */
typedef struct {
  const char *name;
  guint64 line;
} SourceWhere;

/* WHERE as reports name it: "FILE" or "FILE: line N". Returns a new string (transfer full). */
static char *
source_where(const SourceWhere *where)
{
  if (!where->line)
    return g_strdup(where->name);
  return g_strdup_printf("%s: line %" G_GUINT64_FORMAT, where->name, where->line);
}

/* Hands one document's raw bytes (or one part of a long one) over after the checks every
 * source shares. RAW[LEN] must be readable: when it is NUL and the bytes are normal already
 * (ASCII without a CR: most news), they are the document's text as they are, not a copy.
 * ASCII: the caller knows that RAW is ASCII without NUL, so it need not be looked at again. */
static void
source_emit_part(SourceCtx *ctx, const SourceWhere *where, const char *id, const char *raw,
                 gsize len, guint part, gboolean last, guint32 day, gboolean ascii)
{
  gboolean repaired = FALSE;
  gsize nlen = len;
  gsize ascii_end = ascii ? len : text_ascii_prefix(raw, len);
  g_autofree char *copy = NULL;
  const char *text = raw;
  if (raw[len] != '\0' || !text_is_normal(raw, len, ascii_end))
    text = copy = text_normalise(raw, len, ascii_end, &nlen, &repaired);
  if (repaired) {
    g_autofree char *at = source_where(where);
    source_report(ctx, EG_ERROR_UTF8, FALSE, "%s: invalid UTF-8 replaced by U+FFFD", at);
  }
  if (part == 0 && last && text_is_blank(text, nlen)) {
    g_autofree char *at = source_where(where);
    source_report(ctx, EG_ERROR_EMPTY, FALSE, "%s: empty document", at);
    return;
  }
  if (ctx->digests && part == 0 && last) {
    /* Wire stories are reprinted word for word: --dedup counts each text once. */
    char *digest = g_compute_checksum_for_data(G_CHECKSUM_SHA1, (const guchar *)text, nlen);
    if (g_hash_table_contains(ctx->digests, digest)) {
      g_free(digest);
      ctx->duplicates++;
      return;
    }
    g_hash_table_add(ctx->digests, digest);
  }
  EgDocument doc = { id, text, nlen, part, last, day };
  ctx->doc_fn(&doc, ctx->doc_data);
}

/* With --slice a document needs a date: one without is reported (the first few by name, then a
 * total at the end) and counted in no period. Returns FALSE when the document is to be skipped. */
static gboolean
source_check_date(SourceCtx *ctx, const SourceWhere *where, guint32 day, const char *how)
{
  if (day || !ctx->options->need_date)
    return TRUE;
  if (ctx->undated++ < SOURCE_UNDATED_SHOWN) {
    g_autofree char *at = source_where(where);
    source_report(ctx, EG_ERROR_NO_DATE, FALSE, "%s: no usable date (%s), counted in no period",
                  at, how);
  }
  return FALSE;
}

/* Opens PATH ("-": standard input) as a stream of bytes, decompressing a ".gz" file. */
static GInputStream *
source_open(const char *path, GError **error)
{
  GInputStream *in;
  if (strcmp(path, "-") == 0) {
    in = g_unix_input_stream_new(0, FALSE);
  } else {
    g_autoptr(GFile) file = g_file_new_for_path(path);
    in = G_INPUT_STREAM(g_file_read(file, NULL, error));
    if (!in)
      return NULL;
  }
  if (g_str_has_suffix(path, ".gz")) {
    g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new(G_ZLIB_COMPRESSOR_FORMAT_GZIP);
    GInputStream *plain = g_converter_input_stream_new(in, G_CONVERTER(gunzip));
    g_object_unref(in);
    in = plain;
  }
  return in;
}

/* One line of a report about a stream that failed: what GIO said, without the path twice. */
static void
source_report_io(SourceCtx *ctx, const char *name, const GError *error)
{
  EgErrorCode code = g_error_matches(error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ? EG_ERROR_NOT_FOUND
                                                                              : EG_ERROR_UNREADABLE;
  const char *what;
  if (code == EG_ERROR_NOT_FOUND)
    what = "no such file";
  else if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    what = g_strerror(EACCES);
  else if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    what = g_strerror(EISDIR);
  else if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
           g_error_matches(error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    what = "truncated or corrupt gzip data";
  else
    what = error->message;
  source_report(ctx, code, TRUE, "%s: %s", name, what);
}

/* Where to cut a long text so that a part ends at a paragraph, a line or a word: the end of
 * the last blank line, newline or space in [0, len), else a character boundary, else len;
 * never 0. */
static gsize
source_cut(const char *text, gsize len)
{
  for (gsize i = len; i > 1; i--)
    if (text[i - 1] == '\n' && text[i - 2] == '\n')
      return i;
  for (gsize i = len; i > 0; i--)
    if (text[i - 1] == '\n')
      return i;
  for (gsize i = len; i > 0; i--)
    if (text[i - 1] == ' ' || text[i - 1] == '\t')
      return i;
  /* No space at all: cut before a UTF-8 continuation byte never, unless no other place is left
   * (bytes that are not UTF-8, repaired later). */
  gsize cut = len;
  while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
    cut--;
  return cut > 0 ? cut : len;
}

/* A date line is short; a first line longer than this is text. */
#define SOURCE_DATE_LINE_MAX 80

/* The date on the first line of TEXT (LEN bytes) when that line is a date and nothing else
 * ("July 25, 2016", "2016-07-25"); the line is then blanked with spaces, so that it is metadata
 * and not text while every byte offset stays. 0 when the first line is not a date. */
static guint32
source_first_line_date(char *text, gsize len)
{
  gsize start = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; /* a BOM */
  const char *nl = memchr(text + start, '\n', MIN(len - start, SOURCE_DATE_LINE_MAX));
  gsize end = nl ? (gsize)(nl - text) : len;
  if (end - start > SOURCE_DATE_LINE_MAX)
    return 0;
  guint32 day = eg_date_parse(text + start, end - start);
  /* A CR before the LF stays: normalisation turns CRLF into LF, and offsets count that text. */
  if (end > start && text[end - 1] == '\r')
    end--;
  if (day)
    memset(text + start, ' ', end - start);
  return day;
}

/* Hands over a document held whole (TEXT[LEN] is NUL), a long one in parts of at most
 * EG_DOCUMENT_PART cut as plain text is: per-document work such as resolution grows faster
 * than the text (a 3.4 MB JSON line took 1.6 s, its 4,000 articles as lines 0.2 s). */
static void
source_emit_parts(SourceCtx *ctx, const SourceWhere *where, const char *id, const char *text,
                  gsize len, guint32 day, gboolean ascii)
{
  guint part = 0;
  while (len > EG_DOCUMENT_PART) {
    gsize cut = source_cut(text, EG_DOCUMENT_PART);
    source_emit_part(ctx, where, id, text, cut, part++, FALSE, day, ascii);
    text += cut;
    len -= cut;
  }
  source_emit_part(ctx, where, id, text, len, part, TRUE, day, ascii);
}

/* Reads one plain-text document from IN in blocks, in parts of at most EG_DOCUMENT_PART; a web
 * page (HTML) is parsed on the way and its text is the document. */
static void
source_read_text_stream(SourceCtx *ctx, const char *name, const char *id, GInputStream *in,
                        gboolean html)
{
  g_autoptr(GString) acc = g_string_sized_new(READ_BLOCK);
  g_autoptr(EgHtmlReader) page = html ? eg_html_reader_new() : NULL;
  g_autofree char *block = g_malloc(READ_BLOCK);
  SourceWhere where = { name, 0 };
  guint part = 0;
  gboolean first_block = TRUE, dated = FALSE;
  guint32 day = 0;
  for (;;) {
    g_autoptr(GError) error = NULL;
    gssize n = g_input_stream_read(in, block, READ_BLOCK, NULL, &error);
    if (n < 0) {
      source_report_io(ctx, name, error);
      return; /* what was handed over in earlier parts stays counted */
    }
    if (first_block && n > 0) {
      /* Text has no NUL bytes; a file that starts with some is not text (as grep and git say),
       * except a web page in UTF-16, which starts with its byte order mark. */
      const guchar *b = (const guchar *)block;
      gboolean utf16 = page && n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF));
      if (!utf16 && memchr(block, '\0', (gsize)MIN(n, 8000))) {
        source_report(ctx, EG_ERROR_BINARY, TRUE, "%s: binary file (NUL bytes), skipped", name);
        return;
      }
      first_block = FALSE;
    }
    if (n > 0 && page)
      eg_html_reader_feed(page, block, (gsize)n, acc);
    else if (n > 0)
      g_string_append_len(acc, block, n);
    else if (page)
      eg_html_reader_finish(page, acc);
    /* The date, on the first line of the text (of a page: of its extracted text), else in a
     * page's markup, which may come after its first line (a <time> in the story, a meta
     * element in the body): a page's is decided at its end or before its first part. */
    if (!dated && (n == 0 || (page ? acc->len >= EG_DOCUMENT_PART
                                   : acc->len > SOURCE_DATE_LINE_MAX || memchr(acc->str, '\n', acc->len)))) {
      dated = TRUE;
      day = source_first_line_date(acc->str, acc->len);
      if (!day && page)
        day = eg_html_reader_day(page);
      if (!source_check_date(ctx, &where, day, page ? "none in the page's markup or on its first line"
                                                  : "no date on the first line"))
        return;
    }
    if (n == 0)
      break;
    while (acc->len >= EG_DOCUMENT_PART) {
      gsize cut = source_cut(acc->str, EG_DOCUMENT_PART);
      source_emit_part(ctx, &where, id, acc->str, cut, part++, FALSE, day, FALSE);
      g_string_erase(acc, 0, (gssize)cut);
    }
  }
  source_emit_part(ctx, &where, id, acc->str, acc->len, part, TRUE, day, FALSE);
}

/* Reads lines of at most MAX bytes from IN; longer lines are skipped whole, without being held.
 * A line that lies in one block is read where it is (its line break overwritten by a NUL), and
 * only one across blocks is gathered in LINE: most lines are never copied. */
typedef struct {
  GInputStream *in;
  char *block;
  gsize pos, len;
  GString *line;
  gboolean eof;
} LineReader;

/* Sets *LINE to the next line (NUL-terminated; LEN bytes), valid until the next call.
 * Returns FALSE at the end or on an error (reported). *TOO_LONG tells that a line was skipped. */
static gboolean
line_next(SourceCtx *ctx, const char *name, LineReader *r, char **line, gsize *len,
          gboolean *too_long)
{
  g_string_truncate(r->line, 0);
  *too_long = FALSE;
  for (;;) {
    if (r->pos == r->len) {
      if (r->eof) {
        *line = r->line->str;
        *len = r->line->len;
        return r->line->len > 0 || *too_long;
      }
      g_autoptr(GError) error = NULL;
      gssize n = g_input_stream_read(r->in, r->block, READ_BLOCK, NULL, &error);
      if (n < 0) {
        source_report_io(ctx, name, error);
        return FALSE;
      }
      r->pos = 0;
      r->len = (gsize)n;
      if (n == 0) {
        r->eof = TRUE;
        continue;
      }
    }
    char *start = r->block + r->pos;
    char *nl = memchr(start, '\n', r->len - r->pos);
    gsize take = nl ? (gsize)(nl - start) : r->len - r->pos;
    r->pos += take + (nl ? 1 : 0);
    if (nl && r->line->len == 0 && !*too_long) {
      *nl = '\0';
      *line = start;
      *len = take;
      return TRUE;
    }
    if (!*too_long && r->line->len + take > EG_JSONL_MAX_LINE) {
      *too_long = TRUE;
      g_string_truncate(r->line, 0);
    }
    if (!*too_long)
      g_string_append_len(r->line, start, (gssize)take);
    if (nl) {
      *line = r->line->str;
      *len = r->line->len;
      return TRUE;
    }
  }
}

/* One member's value as the reader uses it, from json-glib's tree or from jsonl_fast. */
typedef enum { JV_NONE, JV_STRING, JV_INT, JV_DOUBLE, JV_OTHER } JsonlKind;
typedef struct {
  JsonlKind kind;   /* JV_NONE: no such member; JV_OTHER: true, false, null, an array, an object */
  const char *s;    /* JV_STRING: NUL-terminated, LEN bytes */
  gsize len;
  gboolean ascii;   /* JV_STRING: known to be ASCII without NUL (FALSE: not known) */
  gint64 i;         /* JV_INT */
  double d;         /* JV_DOUBLE */
} JsonlValue;

/* What json-glib's NODE (a member's value, or NULL for no such member) gives the reader; the
 * string is NODE's (transfer none). */
static JsonlValue
jsonl_value_of_node(JsonNode *node)
{
  JsonlValue v = { JV_NONE, NULL, 0, FALSE, 0, 0 };
  if (!node)
    return v;
  v.kind = JV_OTHER;
  if (!JSON_NODE_HOLDS_VALUE(node))
    return v;
  GType t = json_node_get_value_type(node);
  if (t == G_TYPE_STRING) {
    v.kind = JV_STRING;
    v.s = json_node_get_string(node);
    v.len = strlen(v.s);
  } else if (t == G_TYPE_INT64) {
    v.kind = JV_INT;
    v.i = json_node_get_int(node);
  } else if (t == G_TYPE_DOUBLE) {
    v.kind = JV_DOUBLE;
    v.d = json_node_get_double(node);
  }
  return v;
}

/* The day of a JSON date value: a string eg_date_parse reads, or a Unix time in seconds (or in
 * milliseconds, as JavaScript writes it, when it is too large to be seconds before year 5000). */
static guint32
source_json_date(const JsonlValue *node)
{
  gint64 v;
  if (node->kind == JV_STRING) {
    const char *s = node->s;
    guint64 u;
    /* A Unix time written as a string ("1469750400"); eight digits would be a date, 20160725. */
    if (node->len >= 9 && node->len <= 13 && g_ascii_string_to_unsigned(s, 10, 0, G_MAXINT64, &u, NULL)) {
      v = (gint64)u;
    } else {
      return eg_date_parse(s, node->len);
    }
  } else if (node->kind == JV_INT) {
    v = node->i;
  } else if (node->kind == JV_DOUBLE) { /* 1469750400.5, as Python's time.time() writes it */
    double d = node->d;
    if (!(d > -1e15 && d < 1e15))
      return 0;
    v = (gint64)d;
  } else {
    return 0;
  }
  return eg_date_from_unix(v > 95617584000LL || v < -95617584000LL ? v / 1000 : v);
}

/* Why NODE, the value of FIELD, gives no date: for the report (transfer full). */
static char *
source_json_date_problem(const JsonlValue *node, const char *field)
{
  if (node->kind == JV_NONE)
    return g_strdup_printf("no field \"%s\"", field);
  if (node->kind == JV_STRING) {
    const char *s = node->s;
    g_autofree char *shown = g_utf8_make_valid(s, MIN(node->len, 40));
    for (char *c = shown; *c; c++)
      if ((guchar)*c < 0x20)
        *c = ' ';
    return g_strdup_printf("\"%s\" is \"%s%s\", not a date this reads", field, shown,
                           node->len > 40 ? "..." : "");
  }
  return g_strdup_printf("\"%s\" is neither a date string nor a Unix time", field);
}

/* ---- The common line without json-glib's tree ---------------------------------------------------
 *
 * json-glib builds a tree per line (about 47,000 instructions for a 900-byte news line), most of
 * it for members nobody reads. jsonl_fast reads the common line, an object of plain members, in
 * place, and takes only a strict subset of JSON that json-glib reads the same way: anything else
 * (a BOM, comments, raw control characters, surrogates, \u0000, long or odd numbers, a key with
 * an escape, a field read twice, deep nesting, trailing bytes) is handed to json-glib, whose
 * answers and error messages therefore stay the only ones. tests/unit/test_segment.c compares
 * the two on lines made to probe every edge. */

/* The three members the reader wants: the raw bytes of each value, decoded only if wanted. */
typedef struct {
  JsonlKind kind;
  char *start, *end;  /* JV_STRING: between the quotes; JV_INT: the digits */
  gboolean escaped;
} JsonlRaw;

#define JSONL_FAST_DEPTH 16

/* The first byte from P (before E) that is not JSON white space the fast path takes: space
 * and tab only (CR and the rest send a line to json-glib). */
static inline const char *
jsonl_ws(const char *p, const char *e)
{
  while (p < e && (*p == ' ' || *p == '\t'))
    p++;
  return p;
}

/* Whether a word W has a byte that is '"', '\\' or below 0x20. */
static inline gboolean
jsonl_word_special(guint64 w)
{
  const guint64 ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  guint64 q = w ^ (ones * '"'), b = w ^ (ones * '\\');
  return ((((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w)) & highs) != 0;
}

/* The bit of jsonl_string's *HIGH (whose other bits are the high bits of the bytes read) that
 * says the line holds the text \u0000 after an escaped backslash: the reader looks for that text
 * anywhere in the line (see source_read_jsonl_stream), and in a line jsonl_fast takes, every
 * backslash is in a string it scans, so it need not search the line again. */
#define JSONL_NUL_TEXT 1u

/* Scans a string whose opening quote is at P - 1; returns the byte after its closing quote, or
 * NULL when json-glib is to read the line. *ESCAPED tells whether it holds escapes; the high
 * bits of the bytes read are ORed into *HIGH, which then tells whether one was not ASCII, and
 * JSONL_NUL_TEXT when an escaped backslash (\\) is followed by "u0000". */
static const char *
jsonl_string(const char *p, const char *e, gboolean *escaped, guint64 *high)
{
  *escaped = FALSE;
  for (;;) {
#if defined(__SSE2__)
    /* Sixteen bytes at once, straight to the first that is special: a news text is runs of a
     * few dozen plain bytes between escapes ("\n"). */
    if (e - p >= 16) {
      const __m128i quote = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\');
      const __m128i control = _mm_set1_epi8(0x1f);
      guint highs = 0; /* bit I: byte I of a block read was not ASCII */
      for (; e - p >= 16; p += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bs)),
                                       _mm_cmpeq_epi8(_mm_min_epu8(v, control), v));
        guint stop = (guint)_mm_movemask_epi8(special), hi = (guint)_mm_movemask_epi8(v);
        if (stop) {
          if (highs | (hi & ((stop & -stop) - 1)))
            *high |= 0x80;
          p += __builtin_ctz(stop);
          goto special;
        }
        highs |= hi;
      }
      if (highs)
        *high |= 0x80;
    }
#endif
    for (guint64 w; e - p >= 8; p += 8) {
      memcpy(&w, p, 8);
      if (jsonl_word_special(w))
        break;
      *high |= w & 0x8080808080808080u;
    }
    if (p >= e)
      return NULL;
#if defined(__SSE2__)
  special:;
#endif
    guchar c = (guchar)*p;
    if (c == '"')
      return p + 1;
    if (c < 0x20)
      return NULL;
    if (c != '\\') {
      *high |= c & 0x80;
      p++;
      continue;
    }
    *escaped = TRUE;
    if (p + 1 >= e)
      return NULL;
    switch (p[1]) {
    case '\\':
      if (e - p >= 7 && memcmp(p + 2, "u0000", 5) == 0)
        *high |= JSONL_NUL_TEXT;
      p += 2;
      continue;
    case '"': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      p += 2;
      continue;
    case 'u': {
      if (e - p < 6)
        return NULL;
      guint u = 0;
      for (guint k = 2; k < 6; k++) {
        int x = g_ascii_xdigit_value(p[k]);
        if (x < 0)
          return NULL;
        u = u * 16 + (guint)x;
      }
      if (u == 0 || (u >= 0xD800 && u <= 0xDFFF))
        return NULL;
      p += 6;
      continue;
    }
    default:
      return NULL;
    }
  }
}

/* Decodes the string [S, E) that jsonl_string accepted, in place; returns its length and puts a
 * NUL after it (where the closing quote was, at the latest). Clears *ASCII when an escape
 * stands for a character that is not ASCII. */
static gsize
jsonl_decode(char *s, char *e, gboolean *ascii)
{
  char *w = s;
  for (char *r = s; r < e;) {
    char *bs = memchr(r, '\\', (gsize)(e - r));
    char *run_end = bs ? bs : e;
    if (w != r)
      memmove(w, r, (gsize)(run_end - r));
    w += run_end - r;
    if (!bs)
      break;
    char c = bs[1];
    r = bs + 2;
    switch (c) {
    case 'b': *w++ = '\b'; break;
    case 'f': *w++ = '\f'; break;
    case 'n': *w++ = '\n'; break;
    case 'r': *w++ = '\r'; break;
    case 't': *w++ = '\t'; break;
    case 'u': {
      guint u = 0;
      for (guint k = 0; k < 4; k++)
        u = u * 16 + (guint)g_ascii_xdigit_value(r[k]);
      r += 4;
      if (u >= 0x80)
        *ascii = FALSE;
      w += g_unichar_to_utf8(u, w);
      break;
    }
    default: *w++ = c; break; /* " \ / */
    }
  }
  *w = '\0';
  return (gsize)(w - s);
}

/* Scans a number at P: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, with at most 15 digits
 * and an exponent of at most 2 digits, so that its value is never in doubt. *INTEGER tells
 * whether it has neither fraction nor exponent. Returns its end or NULL. */
static const char *
jsonl_number(const char *p, const char *e, gboolean *integer)
{
  guint digits = 0;
  *integer = TRUE;
  if (p < e && *p == '-')
    p++;
  if (p < e && *p == '0') {
    p++;
    digits++;
  } else if (p < e && *p >= '1' && *p <= '9') {
    while (p < e && g_ascii_isdigit(*p))
      p++, digits++;
  } else {
    return NULL;
  }
  if (p < e && *p == '.') {
    *integer = FALSE;
    p++;
    if (!(p < e && g_ascii_isdigit(*p)))
      return NULL;
    while (p < e && g_ascii_isdigit(*p))
      p++, digits++;
  }
  if (p < e && (*p == 'e' || *p == 'E')) {
    *integer = FALSE;
    p++;
    if (p < e && (*p == '+' || *p == '-'))
      p++;
    guint ed = 0;
    while (p < e && g_ascii_isdigit(*p))
      p++, ed++;
    if (ed == 0 || ed > 2)
      return NULL;
  }
  return digits > 15 ? NULL : p;
}

/* Scans one value at P (after white space); fills *RAW when RAW is given. Returns its end or
 * NULL. */
static const char *
jsonl_value(const char *p, const char *e, guint depth, JsonlRaw *raw, guint64 *high)
{
  if (p >= e)
    return NULL;
  JsonlRaw dummy;
  if (!raw)
    raw = &dummy;
  raw->kind = JV_OTHER;
  raw->start = (char *)p;
  switch (*p) {
  case '"': {
    const char *q = jsonl_string(p + 1, e, &raw->escaped, high);
    if (q) {
      raw->kind = JV_STRING;
      raw->start = (char *)p + 1;
      raw->end = (char *)q - 1;
    }
    return q;
  }
  case 't':
    return e - p >= 4 && memcmp(p, "true", 4) == 0 ? p + 4 : NULL;
  case 'f':
    return e - p >= 5 && memcmp(p, "false", 5) == 0 ? p + 5 : NULL;
  case 'n':
    return e - p >= 4 && memcmp(p, "null", 4) == 0 ? p + 4 : NULL;
  case '[':
    if (depth >= JSONL_FAST_DEPTH)
      return NULL;
    p = jsonl_ws(p + 1, e);
    if (p < e && *p == ']')
      return p + 1;
    for (;;) {
      p = jsonl_value(p, e, depth + 1, NULL, high);
      if (!p)
        return NULL;
      p = jsonl_ws(p, e);
      if (p < e && *p == ']')
        return p + 1;
      if (!(p < e && *p == ','))
        return NULL;
      p = jsonl_ws(p + 1, e);
    }
  case '{':
    if (depth >= JSONL_FAST_DEPTH)
      return NULL;
    p = jsonl_ws(p + 1, e);
    if (p < e && *p == '}')
      return p + 1;
    for (;;) {
      gboolean escaped;
      if (!(p < e && *p == '"') || !(p = jsonl_string(p + 1, e, &escaped, high)) || escaped)
        return NULL;
      p = jsonl_ws(p, e);
      if (!(p < e && *p == ':'))
        return NULL;
      p = jsonl_value(jsonl_ws(p + 1, e), e, depth + 1, NULL, high);
      if (!p)
        return NULL;
      p = jsonl_ws(p, e);
      if (p < e && *p == '}')
        return p + 1;
      if (!(p < e && *p == ','))
        return NULL;
      p = jsonl_ws(p + 1, e);
    }
  default: {
    gboolean integer;
    const char *q = jsonl_number(p, e, &integer);
    if (q) {
      raw->kind = integer ? JV_INT : JV_DOUBLE;
      raw->end = (char *)q;
    }
    return q;
  }
  }
}

/* Reads LINE (LEN bytes) when it is an object of plain members in valid UTF-8: fills
 * FIELDS[k] with the value of member NAMES[k] (JV_NONE when absent) and decodes the strings
 * among them in place; *NUL_TEXT tells whether LINE held the text \u0000 (as strstr would
 * have found it before the decoding). Returns FALSE, leaving LINE as it was, when json-glib is
 * to read it.
 * Every byte of the line passes through a string scan or an ASCII comparison, so a line whose
 * strings are ASCII needs no UTF-8 validation, and its text is known to be ASCII. */
static gboolean
jsonl_fast(char *line, gsize len, const char *const names[3], JsonlValue fields[3],
           gboolean *nul_text)
{
  const char *e = line + len;
  const char *p = jsonl_ws(line, e);
  guint64 high = 0;
  JsonlRaw raw[3];
  gsize name_len[3];
  for (guint k = 0; k < 3; k++) {
    raw[k].kind = JV_NONE;
    name_len[k] = strlen(names[k]);
  }
  if (!(p < e && *p == '{'))
    return FALSE;
  p = jsonl_ws(p + 1, e);
  if (p < e && *p == '}') {
    p++;
  } else {
    for (;;) {
      gboolean escaped;
      if (!(p < e && *p == '"'))
        return FALSE;
      const char *key = p + 1;
      if (!(p = jsonl_string(key, e, &escaped, &high)) || escaped)
        return FALSE;
      gsize key_len = (gsize)(p - 1 - key);
      p = jsonl_ws(p, e);
      if (!(p < e && *p == ':'))
        return FALSE;
      p = jsonl_ws(p + 1, e);
      JsonlRaw *want = NULL;
      for (guint k = 0; k < 3; k++)
        if (key_len == name_len[k] && memcmp(key, names[k], key_len) == 0) {
          if (raw[k].kind != JV_NONE) /* json-glib says which of the two counts */
            return FALSE;
          want = &raw[k]; /* a field asked for twice (--id-field text) is read below */
          break;
        }
      p = jsonl_value(p, e, 1, want, &high);
      if (!p)
        return FALSE;
      p = jsonl_ws(p, e);
      if (p < e && *p == '}') {
        p++;
        break;
      }
      if (!(p < e && *p == ','))
        return FALSE;
      p = jsonl_ws(p + 1, e);
    }
  }
  if (jsonl_ws(p, e) != e)
    return FALSE;
  for (guint k = 0; k < 3; k++)
    if (raw[k].kind == JV_DOUBLE)
      return FALSE; /* a date of Python's time.time(): json-glib reads its value */
  gboolean ascii = (high & 0x8080808080808080u) == 0;
  if (!ascii && !g_utf8_validate_len(line, len, NULL))
    return FALSE; /* json-glib refuses it */
  *nul_text = (high & JSONL_NUL_TEXT) != 0;
  for (guint k = 0; k < 3; k++) {
    JsonlValue *v = &fields[k];
    *v = (JsonlValue){ raw[k].kind, NULL, 0, FALSE, 0, 0 };
    guint same = 0;
    while (same < k && strcmp(names[same], names[k]) != 0)
      same++;
    if (same < k) { /* a field named twice: its value, decoded once */
      *v = fields[same];
      continue;
    }
    if (raw[k].kind == JV_STRING) {
      v->s = raw[k].start;
      v->ascii = ascii;
      if (raw[k].escaped) {
        v->len = jsonl_decode(raw[k].start, raw[k].end, &v->ascii);
      } else {
        v->len = (gsize)(raw[k].end - raw[k].start);
        raw[k].end[0] = '\0'; /* the closing quote */
      }
    } else if (raw[k].kind == JV_INT) {
      v->i = g_ascii_strtoll(raw[k].start, NULL, 10);
    }
  }
  return TRUE;
}

/* json-glib's parser recurses once per level of arrays and objects: a line of 200,000 '['
 * overflowed the stack (a crash; the fuzzer's 8 KB inputs cannot nest that deep). No record
 * of news nests anywhere near this, and a line that does is refused before json-glib sees it. */
#define JSONL_MAX_DEPTH 1000u

/* Whether the JSON text [P, E) nests arrays and objects deeper than JSONL_MAX_DEPTH; brackets
 * inside strings do not count. Only lines json-glib is to read are scanned: jsonl_fast stops at
 * JSONL_FAST_DEPTH itself. */
static gboolean
jsonl_too_deep(const char *p, const char *e)
{
  guint depth = 0;
  gboolean in_string = FALSE;
  for (; p < e; p++) {
    if (in_string) {
      if (*p == '\\')
        p++; /* the escaped character, a quote perhaps */
      else if (*p == '"')
        in_string = FALSE;
    } else if (*p == '"') {
      in_string = TRUE;
    } else if (*p == '[' || *p == '{') {
      if (++depth > JSONL_MAX_DEPTH)
        return TRUE;
    } else if ((*p == ']' || *p == '}') && depth > 0) {
      depth--;
    }
  }
  return FALSE;
}

/* Reads LINE with json-glib into PARSER and fills FIELDS as jsonl_fast does; FALSE (with
 * ERROR) when json-glib refuses it. The values live in PARSER until its next load. */
static gboolean
jsonl_glib(JsonParser *parser, const char *line, gsize len, const char *const names[3],
           JsonlValue fields[3], GError **error)
{
  if (!json_parser_load_from_data(parser, line, (gssize)len, error))
    return FALSE;
  JsonNode *root = json_parser_get_root(parser);
  JsonObject *obj = root && JSON_NODE_HOLDS_OBJECT(root) ? json_node_get_object(root) : NULL;
  for (guint k = 0; k < 3; k++)
    fields[k] = jsonl_value_of_node(obj ? json_object_get_member(obj, names[k]) : NULL);
  return TRUE;
}

/* Whether LINE (LEN bytes) is valid UTF-8 without a NUL, as json-glib wants it. */
static gboolean
jsonl_valid(const char *line, gsize len)
{
  gsize ascii_end = text_ascii_prefix(line, len);
  return ascii_end == len || g_utf8_validate_len(line + ascii_end, len - ascii_end, NULL);
}

static void
source_read_jsonl_stream(SourceCtx *ctx, const char *name, GInputStream *in)
{
  const char *text_field = ctx->options->text_field ? ctx->options->text_field : "text";
  const char *id_field = ctx->options->id_field ? ctx->options->id_field : "id";
  const char *date_field = ctx->options->date_field ? ctx->options->date_field : "date";
  const char *const names[3] = { text_field, id_field, date_field };
  guint64 lineno = 0;
  g_autoptr(JsonParser) parser = json_parser_new();
  LineReader reader = { in, g_malloc(READ_BLOCK), 0, 0, g_string_new(NULL), FALSE };
  gboolean too_long;
  char *line;
  gsize line_len;

  while (line_next(ctx, name, &reader, &line, &line_len, &too_long)) {
    lineno++;
    gssize n = (gssize)line_len;
    if (!too_long && text_is_blank(line, (gsize)n))
      continue;
    if (too_long) {
      source_report(ctx, EG_ERROR_TOO_LONG, TRUE, "%s: line %" G_GUINT64_FORMAT
                    ": longer than %u bytes, skipped", name, lineno, EG_JSONL_MAX_LINE);
      continue;
    }
    /* json-glib ends a string at an escaped NUL: the rest would be lost without a word. Any
     * text \u0000 in the line counts; jsonl_fast says whether its line had one (it decodes the
     * line in place), else it is looked for here. */
    gboolean nul_escape = FALSE;
    g_autoptr(GError) error = NULL;
    JsonlValue fields[3];
    gboolean fast = jsonl_fast(line, (gsize)n, names, fields, &nul_escape);
    if (!fast)
      nul_escape = strstr(line, "\\u0000") != NULL;
    if (!fast && jsonl_too_deep(line, line + n)) {
      source_report(ctx, EG_ERROR_BAD_JSON, TRUE, "%s: line %" G_GUINT64_FORMAT
                    ": JSON nested more than %u levels deep, skipped", name, lineno,
                    JSONL_MAX_DEPTH);
      continue;
    }
    if (!fast && !jsonl_glib(parser, line, (gsize)n, names, fields, &error)) {
      /* json-glib refuses a line that is not valid UTF-8 (g_utf8_validate, which refuses NUL
       * bytes too) before parsing it, so only a refused line needs checking here, to say which. */
      if (!jsonl_valid(line, (gsize)n))
        source_report(ctx, EG_ERROR_BAD_JSON, TRUE, "%s: line %" G_GUINT64_FORMAT
                      ": not valid UTF-8 JSON, skipped", name, lineno);
      else
        source_report(ctx, EG_ERROR_BAD_JSON, TRUE, "%s: line %" G_GUINT64_FORMAT
                      ": not JSON (%s), skipped", name, lineno, error->message);
      continue;
    }
    const JsonlValue *text = &fields[0], *idn = &fields[1], *date = &fields[2];
    if (text->kind != JV_STRING) {
      source_report(ctx, EG_ERROR_BAD_JSON, TRUE, "%s: line %" G_GUINT64_FORMAT
                    ": no string field \"%s\", skipped", name, lineno, text_field);
      continue;
    }
    const char *id = NULL; /* the line's string, or ID_MADE */
    g_autofree char *id_made = NULL;
    if (idn->kind == JV_STRING)
      id = idn->s;
    else if (idn->kind == JV_INT)
      id = id_made = g_strdup_printf("%" G_GINT64_FORMAT, idn->i);
    if (!id)
      id = id_made = g_strdup_printf("%s:%" G_GUINT64_FORMAT, name, lineno);
    SourceWhere where = { name, lineno };
    if (nul_escape) {
      source_report(ctx, EG_ERROR_BINARY, TRUE, "%s: line %" G_GUINT64_FORMAT
                    ": a NUL character (\\u0000), skipped", name, lineno);
      continue;
    }
    guint32 day = source_json_date(date);
    g_autofree char *how = day || !ctx->options->need_date ? NULL : source_json_date_problem(date, date_field);
    if (!source_check_date(ctx, &where, day, how))
      continue;
    const char *s = text->s;
    if (ctx->options->html) {
      /* Feeds scraped from the web often carry the article's HTML in the text field. */
      gsize len = 0;
      g_autofree char *plain = eg_html_to_text(s, text->len, &len);
      source_emit_parts(ctx, &where, id, plain, len, day, FALSE);
      continue;
    }
    source_emit_parts(ctx, &where, id, s, text->len, day, text->ascii);
  }
  g_free(reader.block);
  g_string_free(reader.line, TRUE);
}

/* Reads one input (a file or standard input) as JSON Lines or as one text document. */
static void
source_read_stream(SourceCtx *ctx, const char *path)
{
  const char *name = eg_input_name(path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) in = source_open(path, &error);
  if (!in) {
    source_report_io(ctx, name, error);
    return;
  }
  if (ctx->options->jsonl)
    source_read_jsonl_stream(ctx, name, in);
  else
    source_read_text_stream(ctx, name, path, in, ctx->options->html || eg_html_is_name(path));
}

static void source_read_path(SourceCtx *ctx, const char *path, gboolean from_folder);

static gint
source_cmp_name(gconstpointer a, gconstpointer b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Reads the text files of the folder PATH and below. Returns how many files it found, or
 * G_MAXUINT when PATH itself cannot be read (already reported: no second line is owed). */
static guint
source_read_folder(SourceCtx *ctx, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open(path, 0, &error);
  if (!dir) {
    source_report(ctx, EG_ERROR_UNREADABLE, TRUE, "%s: cannot read folder (%s)", path, source_reason(error));
    return G_MAXUINT;
  }
  /* Byte order of names, so that a run gives the same output on every file system. */
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
  const char *name;
  while ((name = g_dir_read_name(dir)))
    if (name[0] != '.')
      g_ptr_array_add(names, g_strdup(name));
  g_ptr_array_sort(names, source_cmp_name);

  const char *suffix = ctx->options->jsonl ? ".jsonl" : ".txt";
  g_autofree char *suffix_gz = g_strconcat(suffix, ".gz", NULL);
  guint found = 0;
  for (guint i = 0; i < names->len; i++) {
    g_autofree char *child = g_build_filename(path, names->pdata[i], NULL);
    if (g_file_test(child, G_FILE_TEST_IS_DIR)) {
      /* A symlinked folder may point back up the tree: not followed. */
      if (!g_file_test(child, G_FILE_TEST_IS_SYMLINK)) {
        guint sub = source_read_folder(ctx, child);
        found += sub == G_MAXUINT ? 1 : sub; /* an unreadable subfolder is reported already */
      }
    } else if (g_str_has_suffix(names->pdata[i], suffix) || g_str_has_suffix(names->pdata[i], suffix_gz) ||
               (!ctx->options->jsonl && eg_html_is_name(names->pdata[i]))) {
      found++;
      source_read_path(ctx, child, TRUE);
    }
  }
  return found;
}

static void
source_read_path(SourceCtx *ctx, const char *path, gboolean from_folder)
{
  if (!from_folder && g_file_test(path, G_FILE_TEST_IS_DIR)) {
    guint found = source_read_folder(ctx, path);
    if (found == 0)
      source_report(ctx, EG_ERROR_NO_TEXT, TRUE, "%s: folder holds no %s file", path,
                    ctx->options->jsonl ? ".jsonl" : ".txt or .html");
    return;
  }
  source_read_stream(ctx, path);
}

guint
eg_sources_read_stream(GInputStream *in, const char *name, const EgSourceOptions *options,
                       EgDocumentFunc doc_fn, gpointer doc_data, EgReportFunc report_fn,
                       gpointer report_data)
{
  g_return_val_if_fail(in != NULL && name != NULL && options != NULL && doc_fn != NULL, 0);
  SourceCtx ctx = { options, doc_fn, doc_data, report_fn, report_data, 0, NULL, 0, 0 };
  if (options->jsonl)
    source_read_jsonl_stream(&ctx, name, in);
  else
    source_read_text_stream(&ctx, name, name, in, options->html);
  return ctx.fatal;
}

guint
eg_sources_read(const char *const *inputs, const EgSourceOptions *options, EgDocumentFunc doc_fn,
                gpointer doc_data, EgReportFunc report_fn, gpointer report_data)
{
  g_return_val_if_fail(inputs != NULL && options != NULL && doc_fn != NULL, 0);
  SourceCtx ctx = { options, doc_fn, doc_data, report_fn, report_data, 0, NULL, 0, 0 };
  if (options->dedup)
    ctx.digests = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; inputs[i]; i++) {
    if (strcmp(inputs[i], "-") == 0)
      source_read_stream(&ctx, "-");
    else
      source_read_path(&ctx, inputs[i], FALSE);
  }
  if (ctx.undated > SOURCE_UNDATED_SHOWN)
    source_report(&ctx, EG_ERROR_NO_DATE, FALSE, "--slice: %" G_GUINT64_FORMAT " document(s) in all "
                  "without a usable date, counted in no period", ctx.undated);
  if (ctx.digests) {
    if (ctx.duplicates)
      source_report(&ctx, EG_ERROR_DUPLICATE, FALSE, "--dedup: skipped %" G_GUINT64_FORMAT
                    " document(s) whose text was read before", ctx.duplicates);
    g_hash_table_unref(ctx.digests);
  }
  return ctx.fatal;
}
