/* source.c: turns the user's inputs (files, folders, stdin, JSON Lines) into documents.
 *
 * Owns reading and the checks on raw bytes: missing and unreadable paths, binary files, invalid
 * UTF-8, empty documents and malformed JSON lines are reported through the caller's report
 * function and the batch goes on. Documents are handed over one at a time, in input order, and
 * freed after the callback returns.
 */
#include "text/text.h"

#include <errno.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

typedef struct {
  const EgSourceOptions *options;
  EgDocumentFunc doc_fn;
  gpointer doc_data;
  EgReportFunc report_fn;
  gpointer report_data;
  guint fatal;
} SourceCtx;

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

char *
eg_text_normalise(const char *raw, gsize len, gsize *out_len, gboolean *repaired)
{
  g_return_val_if_fail(raw != NULL || len == 0, NULL);
  *repaired = !g_utf8_validate_len(raw, len, NULL);
  char *valid = *repaired ? g_utf8_make_valid(raw, (gssize)len) : g_strndup(raw, len);
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
  char *nfc = g_utf8_normalize(valid, (gssize)w, G_NORMALIZE_NFC);
  g_free(valid);
  *out_len = strlen(nfc);
  return nfc;
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

/* Hands one document's raw bytes over after the checks every source shares. */
static void
source_emit(SourceCtx *ctx, const char *where, const char *id, const char *raw, gsize len)
{
  gboolean repaired = FALSE;
  gsize nlen = 0;
  g_autofree char *text = eg_text_normalise(raw, len, &nlen, &repaired);
  /* Token offsets are 32-bit: a document of 4 GiB is not one a person wrote. */
  if (nlen >= G_MAXUINT32) {
    source_report(ctx, EG_ERROR_TOO_LONG, TRUE, "%s: a document of 4 GiB or more, skipped", where);
    return;
  }
  if (repaired)
    source_report(ctx, EG_ERROR_UTF8, FALSE, "%s: invalid UTF-8 replaced by U+FFFD", where);
  if (text_is_blank(text, nlen)) {
    source_report(ctx, EG_ERROR_EMPTY, FALSE, "%s: empty document", where);
    return;
  }
  EgDocument doc = { id, text, nlen };
  ctx->doc_fn(&doc, ctx->doc_data);
}

static void
source_read_jsonl_stream(SourceCtx *ctx, const char *name, FILE *fp)
{
  const char *text_field = ctx->options->text_field ? ctx->options->text_field : "text";
  const char *id_field = ctx->options->id_field ? ctx->options->id_field : "id";
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  guint64 lineno = 0;
  g_autoptr(JsonParser) parser = json_parser_new();

  while ((n = getline(&line, &cap, fp)) >= 0) {
    lineno++;
    if (text_is_blank(line, (gsize)n))
      continue;
    if ((gsize)n > EG_JSONL_MAX_LINE) {
      source_report(ctx, EG_ERROR_TOO_LONG, TRUE, "%s: line %" G_GUINT64_FORMAT
                    ": longer than %u bytes, skipped", name, lineno, EG_JSONL_MAX_LINE);
      continue;
    }
    if (memchr(line, '\0', (gsize)n) || !g_utf8_validate_len(line, (gsize)n, NULL)) {
      source_report(ctx, EG_ERROR_BAD_JSON, TRUE, "%s: line %" G_GUINT64_FORMAT
                    ": not valid UTF-8 JSON, skipped", name, lineno);
      continue;
    }
    g_autoptr(GError) error = NULL;
    if (!json_parser_load_from_data(parser, line, n, &error)) {
      source_report(ctx, EG_ERROR_BAD_JSON, TRUE, "%s: line %" G_GUINT64_FORMAT
                    ": not JSON (%s), skipped", name, lineno, error->message);
      continue;
    }
    JsonNode *root = json_parser_get_root(parser);
    JsonObject *obj = root && JSON_NODE_HOLDS_OBJECT(root) ? json_node_get_object(root) : NULL;
    JsonNode *text = obj ? json_object_get_member(obj, text_field) : NULL;
    if (!text || !JSON_NODE_HOLDS_VALUE(text) || json_node_get_value_type(text) != G_TYPE_STRING) {
      source_report(ctx, EG_ERROR_BAD_JSON, TRUE, "%s: line %" G_GUINT64_FORMAT
                    ": no string field \"%s\", skipped", name, lineno, text_field);
      continue;
    }
    g_autofree char *id = NULL;
    JsonNode *idn = json_object_get_member(obj, id_field);
    if (idn && JSON_NODE_HOLDS_VALUE(idn)) {
      GType t = json_node_get_value_type(idn);
      if (t == G_TYPE_STRING)
        id = g_strdup(json_node_get_string(idn));
      else if (t == G_TYPE_INT64)
        id = g_strdup_printf("%" G_GINT64_FORMAT, json_node_get_int(idn));
    }
    if (!id)
      id = g_strdup_printf("%s:%" G_GUINT64_FORMAT, name, lineno);
    g_autofree char *where = g_strdup_printf("%s: line %" G_GUINT64_FORMAT, name, lineno);
    /* json-glib ends a string at an escaped NUL: the rest would be lost without a word. */
    if (strstr(line, "\\u0000")) {
      source_report(ctx, EG_ERROR_BINARY, TRUE, "%s: line %" G_GUINT64_FORMAT
                    ": a NUL character (\\u0000), skipped", name, lineno);
      continue;
    }
    const char *s = json_node_get_string(text);
    source_emit(ctx, where, id, s, strlen(s));
  }
  if (ferror(fp))
    source_report(ctx, EG_ERROR_UNREADABLE, TRUE, "%s: cannot read (%s)", name, g_strerror(errno));
  free(line);
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
  guint found = 0;
  for (guint i = 0; i < names->len; i++) {
    g_autofree char *child = g_build_filename(path, names->pdata[i], NULL);
    if (g_file_test(child, G_FILE_TEST_IS_DIR)) {
      /* A symlinked folder may point back up the tree: not followed. */
      if (!g_file_test(child, G_FILE_TEST_IS_SYMLINK)) {
        guint sub = source_read_folder(ctx, child);
        found += sub == G_MAXUINT ? 1 : sub; /* an unreadable subfolder is reported already */
      }
    } else if (g_str_has_suffix(names->pdata[i], suffix)) {
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
                    ctx->options->jsonl ? ".jsonl" : ".txt");
    return;
  }
  if (ctx->options->jsonl) {
    FILE *fp = fopen(path, "rb");
    if (!fp) {
      source_report(ctx, errno == ENOENT ? EG_ERROR_NOT_FOUND : EG_ERROR_UNREADABLE, TRUE,
                    "%s: %s", path, errno == ENOENT ? "no such file" : g_strerror(errno));
      return;
    }
    source_read_jsonl_stream(ctx, path, fp);
    fclose(fp);
    return;
  }
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;
  if (!g_file_get_contents(path, &data, &len, &error)) {
    gboolean missing = g_error_matches(error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    source_report(ctx, missing ? EG_ERROR_NOT_FOUND : EG_ERROR_UNREADABLE, TRUE, "%s: %s", path,
                  missing ? "no such file" : source_reason(error));
    return;
  }
  if (memchr(data, '\0', len)) {
    source_report(ctx, EG_ERROR_BINARY, TRUE, "%s: binary file (NUL bytes), skipped", path);
    return;
  }
  source_emit(ctx, path, path, data, len);
}

static void
source_read_stdin(SourceCtx *ctx)
{
  if (ctx->options->jsonl) {
    source_read_jsonl_stream(ctx, "standard input", stdin);
    return;
  }
  g_autoptr(GString) buf = g_string_new(NULL);
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
    g_string_append_len(buf, chunk, (gssize)n);
  if (ferror(stdin)) {
    source_report(ctx, EG_ERROR_UNREADABLE, TRUE, "standard input: cannot read (%s)", g_strerror(errno));
    return;
  }
  if (memchr(buf->str, '\0', buf->len)) {
    source_report(ctx, EG_ERROR_BINARY, TRUE, "standard input: binary (NUL bytes), skipped");
    return;
  }
  source_emit(ctx, "standard input", "-", buf->str, buf->len);
}

guint
eg_sources_read(const char *const *inputs, const EgSourceOptions *options, EgDocumentFunc doc_fn,
                gpointer doc_data, EgReportFunc report_fn, gpointer report_data)
{
  g_return_val_if_fail(inputs != NULL && options != NULL && doc_fn != NULL, 0);
  SourceCtx ctx = { options, doc_fn, doc_data, report_fn, report_data, 0 };
  for (guint i = 0; inputs[i]; i++) {
    if (strcmp(inputs[i], "-") == 0)
      source_read_stdin(&ctx);
    else
      source_read_path(&ctx, inputs[i], FALSE);
  }
  return ctx.fatal;
}
