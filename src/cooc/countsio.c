/* countsio.c: counts as sorted text records, so that counting runs as the map step and summing
 * as the reduce step of an existing engine (Hadoop Streaming, Dask, `sort | merge`).
 *
 * The format is in cooc.h. Every record is three key fields and its values; how equal keys reduce
 * depends on the record's kind alone: numbers add up, and an example (X) keeps the smallest value
 * in byte order. The merge holds one line per input stream (and one example being reduced), so it
 * runs in bounded memory whatever the size of the counts.
 */
#include "cooc/cooc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define MAX_VALUES 8

typedef struct {
  char kind;                 /* '#', 'E', 'P', 'S', 'T' or 'X' */
  char *fields[3];           /* the key fields, pointing into the line */
  char *text;                /* X: the value, "DOCUMENT\tPOSITION\tSENTENCE", into the line */
  guint64 values[MAX_VALUES];
  guint n_values;
} Record;

static guint
record_expected_values(char kind)
{
  switch (kind) {
  case '#': return 0;
  case 'E': return 3 + EG_N_TYPES;
  case 'P': return 2;
  case 'X': return 0;
  case 'S': return 1;
  case 'T': return 2;
  default: return G_MAXUINT;
  }
}

/* Splits LINE (modified in place, line end already removed) into a record. */
static gboolean
record_parse(char *line, Record *r)
{
  /* entgraph writes only UTF-8; a label that is not would reach g_utf8_casefold and friends in
   * consolidation, which read past the end of invalid sequences (found by fuzz_counts). */
  if (!g_utf8_validate(line, -1, NULL))
    return FALSE;
  char *p = line;
  for (guint i = 0; i < 2; i++) {
    char *tab = strchr(p, '\t');
    if (!tab)
      return FALSE;
    *tab = '\0';
    r->fields[i] = p;
    p = tab + 1;
  }
  r->fields[2] = p;
  r->n_values = 0;
  char *tab = strchr(p, '\t');
  if (strcmp(r->fields[0], "#") == 0) {
    r->kind = '#'; /* a header: its third field is the rest of the line */
    return tab == NULL;
  }
  if (!tab || strlen(r->fields[0]) != 1 || !r->fields[1][0] || !p[0] || tab == p)
    return FALSE;
  *tab = '\0';
  r->kind = r->fields[0][0];
  r->text = NULL;
  guint want = record_expected_values(r->kind);
  if (want == G_MAXUINT)
    return FALSE;
  if (r->kind == 'X') {
    /* three text values: a document id, a position, a sentence (no tabs in any) */
    r->text = tab + 1;
    const char *t1 = strchr(r->text, '\t');
    const char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
    return t1 && t1 > r->text && t2 && t2 > t1 + 1 && !strchr(t2 + 1, '\t');
  }
  for (p = tab + 1; p; r->n_values++) {
    tab = strchr(p, '\t');
    if (tab)
      *tab = '\0';
    if (r->n_values >= MAX_VALUES ||
        !g_ascii_string_to_unsigned(p, 10, 0, G_MAXUINT64, &r->values[r->n_values], NULL))
      return FALSE;
    p = tab ? tab + 1 : NULL;
  }
  return r->n_values == want;
}

/* The header field of the limit MAX into OUT: " max-entities=N", or "" for the default, which
 * is not written, so that the counts of earlier versions, and every counts file made without
 * the option, keep their header. */
static void
limit_field(char out[32], guint max)
{
  out[0] = '\0';
  if (max != EG_WINDOW_MAX_ENTITIES)
    g_snprintf(out, 32, " max-entities=%u", max);
}

char *
eg_counts_header(const EgCounts *counts)
{
  g_autofree char *window = eg_window_name(counts->window, counts->window_size);
  char limit[32];
  limit_field(limit, counts->max_entities);
  return g_strdup_printf("%s window=%s paragraphs=%s lexicon=%s%s rules=%s", EG_COUNTS_VERSION,
                         window, eg_paragraph_mode_name(counts->paragraphs), EG_LEXICON_VERSION,
                         limit, eg_rules_digest(counts->rules));
}

gboolean
eg_max_entities_parse(const char *s, guint *max)
{
  guint64 v;
  if (!s || !g_ascii_string_to_unsigned(s, 10, 2, EG_WINDOW_MAX_ENTITIES_CAP, &v, NULL))
    return FALSE;
  *max = (guint)v;
  return TRUE;
}

/* Reads a header's third field into a new, empty EgCounts, or NULL when it is not one. */
static EgCounts *
counts_from_header(const char *header)
{
  g_auto(GStrv) parts = g_strsplit(header, " ", -1);
  guint n = g_strv_length(parts);
  gboolean limited = n == 6 && g_str_has_prefix(parts[4], "max-entities=");
  if ((n != 5 && !limited) || strcmp(parts[0], EG_COUNTS_VERSION) != 0 ||
      !g_str_has_prefix(parts[1], "window=") || !g_str_has_prefix(parts[2], "paragraphs=") ||
      !g_str_has_prefix(parts[3], "lexicon=") || !g_str_has_prefix(parts[n - 1], "rules="))
    return NULL;
  EgWindowKind kind;
  guint size, max = EG_WINDOW_MAX_ENTITIES;
  EgParagraphMode mode;
  if (!eg_window_parse(parts[1] + 7, &kind, &size) ||
      !eg_paragraph_mode_parse(parts[2] + 11, &mode) ||
      (limited && !eg_max_entities_parse(parts[4] + strlen("max-entities="), &max)))
    return NULL;
  if (limited) {
    /* Headers are compared as text: a limit written otherwise than eg_counts_header writes it
     * ("max-entities=500", "=03") would be read, then refused beside its equals. */
    char canonical[32];
    limit_field(canonical, max);
    if (canonical[0] == '\0' || strcmp(parts[4], canonical + 1) != 0) /* default, or respelt */
      return NULL;
  }
  EgCounts *c = eg_counts_new(kind, size);
  c->paragraphs = mode;
  c->max_entities = max;
  return c;
}

/* The records of one table, built in one buffer: a record per line, each ended by a NUL while
 * they are sorted. Most are a few short fields and numbers, so printf and an allocation per
 * record cost more than the rest of the writing. */
typedef struct {
  GString *text;
  GArray *starts;            /* gsize: where each record starts in TEXT */
} Records;

static void
records_begin(Records *r, char kind)
{
  gsize start = r->text->len;
  g_array_append_val(r->starts, start);
  g_string_append_c(r->text, kind);
}

static void
records_field(Records *r, const char *s)
{
  g_string_append_c(r->text, '\t');
  g_string_append(r->text, s);
}

static void
records_number(Records *r, guint64 v)
{
  char digits[EG_U64_DIGITS];
  gsize n = eg_u64_digits(digits, v);
  g_string_append_c(r->text, '\t');
  g_string_append_len(r->text, digits, (gssize)n);
}

static void
records_end(Records *r)
{
  g_string_append_c(r->text, '\0');
}

/* The labels of a pair as two fields in byte order, "\tA\tB". */
static void
records_pair(Records *r, const char *a, const char *b)
{
  if (strcmp(a, b) > 0) {
    const char *t = a;
    a = b;
    b = t;
  }
  records_field(r, a);
  records_field(r, b);
}

gboolean
eg_counts_write(const EgCounts *counts, FILE *out, GError **error)
{
  g_return_val_if_fail(counts != NULL && out != NULL, FALSE);
  Records r = { g_string_sized_new(1 << 16), g_array_new(FALSE, FALSE, sizeof(gsize)) };
  g_autofree char *header = eg_counts_header(counts);
  records_begin(&r, '#');
  records_field(&r, EG_COUNTS_FORMAT);
  records_field(&r, header);
  records_end(&r);
  records_begin(&r, 'T');
  records_field(&r, "-");
  records_field(&r, "-");
  records_number(&r, counts->documents);
  records_number(&r, counts->windows);
  records_end(&r);
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, counts->entities);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    const EgEntityCounts *e = v;
    records_begin(&r, 'E');
    records_field(&r, e->label);
    records_field(&r, "n");
    records_number(&r, e->mentions);
    records_number(&r, e->documents);
    records_number(&r, e->windows);
    records_number(&r, e->votes[EG_TYPE_PERSON]);
    records_number(&r, e->votes[EG_TYPE_ORG]);
    records_number(&r, e->votes[EG_TYPE_LOC]);
    records_number(&r, e->votes[EG_TYPE_MISC]);
    records_end(&r);
    for (guint i = 0; i < e->n_surfaces; i++) {
      records_begin(&r, 'S');
      records_field(&r, e->label);
      records_field(&r, e->surfaces[i].text);
      records_number(&r, e->surfaces[i].count);
      records_end(&r);
    }
  }
  g_hash_table_iter_init(&it, counts->pairs);
  while (g_hash_table_iter_next(&it, &k, NULL)) {
    const EgPairCounts *pc = k;
    const char *la = eg_counts_label(counts, pc->a), *lb = eg_counts_label(counts, pc->b);
    records_begin(&r, 'P');
    records_pair(&r, la, lb);
    records_number(&r, pc->windows);
    records_number(&r, pc->documents);
    records_end(&r);
    if (pc->example_key) {
      records_begin(&r, 'X');
      records_pair(&r, la, lb);
      records_field(&r, pc->example_key);
      records_field(&r, pc->example);
      records_end(&r);
    }
  }
  /* Byte order, the order of LC_ALL=C sort, so the output can go straight to a merge. */
  guint n = r.starts->len;
  g_autofree EgStrKey *lines = g_new(EgStrKey, n + 1);
  for (guint i = 0; i < n; i++)
    lines[i] = eg_str_key(r.text->str + g_array_index(r.starts, gsize, i), i);
  eg_str_keys_sort(lines, n);
  for (guint i = 0; i < n; i++) {
    fputs(lines[i].s, out);
    if (putc('\n', out) == EOF)
      break;
  }
  g_string_free(r.text, TRUE);
  g_array_unref(r.starts);
  if (fflush(out) != 0 || ferror(out)) {
    g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT, "cannot write counts (%s)", g_strerror(errno));
    return FALSE;
  }
  return TRUE;
}

/* Reads one line with getline into *LINE, without its line end; FALSE at the end. */
static gboolean
read_line(FILE *in, char **line, size_t *cap)
{
  ssize_t n = getline(line, cap, in);
  if (n < 0)
    return FALSE;
  while (n > 0 && ((*line)[n - 1] == '\n' || (*line)[n - 1] == '\r'))
    (*line)[--n] = '\0';
  return TRUE;
}

gboolean
eg_counts_read(EgCounts **counts, const char *name, FILE *in, GError **error)
{
  g_return_val_if_fail(counts != NULL && in != NULL, FALSE);
  char *line = NULL;
  size_t cap = 0;
  guint64 lineno = 0;
  gboolean ok = TRUE;
  while (ok && read_line(in, &line, &cap)) {
    lineno++;
    if (!line[0])
      continue;
    Record r;
    if (!record_parse(line, &r)) {
      g_set_error(error, EG_ERROR, EG_ERROR_BAD_COUNTS, "%s: line %" G_GUINT64_FORMAT
                  ": not a counts record (entgraph count writes them)", name, lineno);
      ok = FALSE;
      break;
    }
    if (r.kind == '#') {
      EgCounts *h = strcmp(r.fields[1], EG_COUNTS_FORMAT) == 0 ? counts_from_header(r.fields[2]) : NULL;
      if (!h) {
        g_set_error(error, EG_ERROR, EG_ERROR_BAD_COUNTS, "%s: line %" G_GUINT64_FORMAT
                    ": not an entgraph counts header of version %s", name, lineno, EG_COUNTS_VERSION);
        ok = FALSE;
      } else if (!*counts && !g_str_has_suffix(r.fields[2], " rules=-")) {
        g_set_error(error, EG_ERROR, EG_ERROR_HEADER, "%s: counts made with --aliases or --stoplist "
                    "files ('%s'): give the same files to read them", name, r.fields[2]);
        eg_counts_free(h);
        ok = FALSE;
      } else if (!*counts) {
        *counts = h;
        continue;
      } else {
        g_autofree char *mine = eg_counts_header(*counts);
        if (strcmp(mine, r.fields[2]) != 0) {
          g_set_error(error, EG_ERROR, EG_ERROR_HEADER, "%s: counts made with '%s', not '%s': "
                      "count both with the same options", name, r.fields[2], mine);
          ok = FALSE;
        }
        eg_counts_free(h);
      }
      continue;
    }
    if (!*counts) {
      g_set_error(error, EG_ERROR, EG_ERROR_BAD_COUNTS, "%s: line %" G_GUINT64_FORMAT
                  ": records before the counts header", name, lineno);
      ok = FALSE;
      break;
    }
    EgCounts *c = *counts;
    switch (r.kind) {
    case 'E': {
      EgEntityCounts *e = eg_counts_entity(c, r.fields[1]);
      e->mentions += r.values[0];
      e->documents += r.values[1];
      e->windows += r.values[2];
      for (guint t = 0; t < EG_N_TYPES; t++)
        e->votes[t] += r.values[3 + t];
      break;
    }
    case 'S':
      eg_entity_counts_add_surface(c, eg_counts_entity(c, r.fields[1]), r.fields[2], r.values[0]);
      break;
    case 'P':
    case 'X': {
      if (strcmp(r.fields[1], r.fields[2]) >= 0) {
        g_set_error(error, EG_ERROR, EG_ERROR_BAD_COUNTS, "%s: line %" G_GUINT64_FORMAT
                    ": a pair must name two labels in byte order", name, lineno);
        ok = FALSE;
        break;
      }
      if (r.kind == 'P') {
        eg_counts_add_pair(c, r.fields[1], r.fields[2], r.values[0], r.values[1], NULL, NULL);
      } else {
        /* "DOCUMENT\tPOSITION" is the key, SENTENCE the example */
        char *sentence = strchr(strchr(r.text, '\t') + 1, '\t');
        *sentence++ = '\0';
        eg_counts_add_pair(c, r.fields[1], r.fields[2], 0, 0, r.text, sentence);
      }
      break;
    }
    case 'T':
      c->documents += r.values[0];
      c->windows += r.values[1];
      break;
    default:
      break;
    }
  }
  if (ok && ferror(in)) {
    g_set_error(error, EG_ERROR, EG_ERROR_UNREADABLE, "%s: cannot read (%s)", name, g_strerror(errno));
    ok = FALSE;
  }
  free(line);
  return ok;
}

/* ---- k-way merge ---------------------------------------------------------------------------- */

typedef struct {
  FILE *in;
  const char *name;
  char *line;
  size_t cap;
  guint64 lineno;
  GString *key;              /* the key fields joined by tabs, with a final tab */
  GString *prev;             /* the previous key: each stream must not go backwards */
  Record rec;
  gboolean done;
} Stream;

/* Advances S to its next record. Headers are collected in *HEADER (first seen) and checked. */
static gboolean
stream_next(Stream *s, char **header, const char **header_from, GError **error)
{
  for (;;) {
    if (!read_line(s->in, &s->line, &s->cap)) {
      if (ferror(s->in)) {
        g_set_error(error, EG_ERROR, EG_ERROR_UNREADABLE, "%s: cannot read (%s)", s->name, g_strerror(errno));
        return FALSE;
      }
      s->done = TRUE;
      return TRUE;
    }
    s->lineno++;
    if (!s->line[0])
      continue;
    if (!record_parse(s->line, &s->rec)) {
      g_set_error(error, EG_ERROR, EG_ERROR_BAD_COUNTS, "%s: line %" G_GUINT64_FORMAT
                  ": not a counts record (entgraph count writes them)", s->name, s->lineno);
      return FALSE;
    }
    g_string_assign(s->prev, s->key->str);
    g_string_printf(s->key, "%s\t%s\t%s\t", s->rec.fields[0], s->rec.fields[1], s->rec.fields[2]);
    if (strcmp(s->key->str, s->prev->str) < 0) {
      g_set_error(error, EG_ERROR, EG_ERROR_BAD_COUNTS, "%s: line %" G_GUINT64_FORMAT
                  ": counts not sorted (sort them with LC_ALL=C sort first)", s->name, s->lineno);
      return FALSE;
    }
    if (s->rec.kind != '#')
      return TRUE;
    g_autofree char *value = g_strdup_printf("%s\t%s", s->rec.fields[1], s->rec.fields[2]);
    EgCounts *h = strcmp(s->rec.fields[1], EG_COUNTS_FORMAT) == 0 ? counts_from_header(s->rec.fields[2]) : NULL;
    eg_counts_free(h);
    if (!h) {
      g_set_error(error, EG_ERROR, EG_ERROR_BAD_COUNTS, "%s: line %" G_GUINT64_FORMAT
                  ": not an entgraph counts header of version %s", s->name, s->lineno, EG_COUNTS_VERSION);
      return FALSE;
    }
    if (!*header) {
      *header = g_steal_pointer(&value);
      *header_from = s->name;
    } else if (strcmp(*header, value) != 0) {
      g_set_error(error, EG_ERROR, EG_ERROR_HEADER, "%s: counts made with '%s', %s with '%s': "
                  "count both with the same options", s->name, s->rec.fields[2], *header_from,
                  strchr(*header, '\t') + 1);
      return FALSE;
    }
  }
}

/* Writes one reduced record: KEY (with its final tab) and the numbers VALUES, or TEXT (X). */
static gboolean
merge_flush(FILE *out, const GString *key, const guint64 *values, guint n, const GString *text)
{
  fwrite(key->str, 1, key->len - 1, out); /* without the final tab */
  if (text) {
    putc('\t', out);
    fwrite(text->str, 1, text->len, out);
  }
  for (guint i = 0; i < n; i++)
    fprintf(out, "\t%" G_GUINT64_FORMAT, values[i]);
  return putc('\n', out) != EOF;
}

gboolean
eg_counts_merge_streams(FILE *const *ins, const char *const *names, guint n, FILE *out, GError **error)
{
  g_return_val_if_fail(ins != NULL && names != NULL && out != NULL, FALSE);
  Stream *streams = g_new0(Stream, n + 1);
  char *header = NULL;
  const char *header_from = NULL;
  gboolean ok = TRUE;
  for (guint i = 0; i < n; i++) {
    streams[i].in = ins[i];
    streams[i].name = names[i];
    streams[i].key = g_string_new("");
    streams[i].prev = g_string_new("");
  }
  /* Headers sort first, so every stream's headers are read before the first record is merged. */
  for (guint i = 0; i < n && ok; i++)
    ok = stream_next(&streams[i], &header, &header_from, error);
  if (ok && !header) {
    g_set_error_literal(error, EG_ERROR, EG_ERROR_BAD_COUNTS,
                        "no counts header at the start of the input (is it the output of entgraph "
                        "count, sorted with LC_ALL=C sort?)");
    ok = FALSE;
  }
  if (ok)
    fprintf(out, "#\t%s\n", header);

  GString *acc_key = g_string_new(NULL);
  GString *acc_text = g_string_new(NULL); /* X: the smallest value so far */
  gboolean acc_is_text = FALSE;
  guint64 acc[MAX_VALUES] = { 0 };
  guint acc_n = 0;
  gboolean have = FALSE;
  while (ok) {
    gint best = -1;
    for (guint i = 0; i < n; i++)
      if (!streams[i].done && (best < 0 || strcmp(streams[i].key->str, streams[best].key->str) < 0))
        best = (gint)i;
    if (best < 0)
      break;
    Stream *s = &streams[best];
    if (have && strcmp(acc_key->str, s->key->str) == 0) {
      if (acc_n != s->rec.n_values) {
        g_set_error(error, EG_ERROR, EG_ERROR_BAD_COUNTS, "%s: line %" G_GUINT64_FORMAT
                    ": a record of the wrong length", s->name, s->lineno);
        ok = FALSE;
        break;
      }
      for (guint v = 0; v < acc_n; v++)
        acc[v] += s->rec.values[v];
      if (acc_is_text && strcmp(s->rec.text, acc_text->str) < 0)
        g_string_assign(acc_text, s->rec.text); /* X: the smallest value */
    } else {
      if (have && !merge_flush(out, acc_key, acc, acc_n, acc_is_text ? acc_text : NULL))
        break;
      g_string_assign(acc_key, s->key->str);
      acc_n = s->rec.n_values;
      memcpy(acc, s->rec.values, sizeof(guint64) * acc_n);
      acc_is_text = s->rec.text != NULL;
      g_string_assign(acc_text, acc_is_text ? s->rec.text : "");
      have = TRUE;
    }
    ok = stream_next(s, &header, &header_from, error);
    if (ok && !s->done && s->rec.kind == '#') {
      g_set_error(error, EG_ERROR, EG_ERROR_BAD_COUNTS, "%s: line %" G_GUINT64_FORMAT
                  ": counts not sorted (sort them with LC_ALL=C sort first)", s->name, s->lineno);
      ok = FALSE;
    }
  }
  if (ok && have)
    merge_flush(out, acc_key, acc, acc_n, acc_is_text ? acc_text : NULL);
  if (ok && (fflush(out) != 0 || ferror(out))) {
    g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT, "cannot write counts (%s)", g_strerror(errno));
    ok = FALSE;
  }
  g_string_free(acc_key, TRUE);
  g_string_free(acc_text, TRUE);
  for (guint i = 0; i < n; i++) {
    free(streams[i].line);
    g_string_free(streams[i].key, TRUE);
    g_string_free(streams[i].prev, TRUE);
  }
  g_free(streams);
  g_free(header);
  return ok;
}
