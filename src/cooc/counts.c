/* counts.c: windows and the counts of one corpus: per entity, per pair, and totals.
 *
 * A window is a sentence, a paragraph, a whole document, or a run of N consecutive words of one
 * document (words 0..N-1, N..2N-1, ...: tumbling, not sliding, so that the number of windows is
 * well defined for association measures). Counts are plain sums, so partial counts merge exactly.
 */
#include "cooc/cooc.h"

#include <stdlib.h>
#include <string.h>

static void
entity_counts_free(gpointer p)
{
  EgEntityCounts *e = p;
  g_free(e->label);
  g_hash_table_unref(e->surfaces);
  g_free(e);
}

EgCounts *
eg_counts_new(EgWindowKind window, guint size)
{
  g_return_val_if_fail(window != EG_WINDOW_TOKENS || size > 0, NULL);
  EgCounts *c = g_new0(EgCounts, 1);
  c->window = window;
  c->window_size = window == EG_WINDOW_TOKENS ? size : 0;
  c->entities = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, entity_counts_free);
  c->pairs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  return c;
}

void
eg_counts_free(EgCounts *counts)
{
  if (!counts)
    return;
  g_hash_table_unref(counts->entities);
  g_hash_table_unref(counts->pairs);
  g_free(counts);
}

gboolean
eg_window_parse(const char *s, EgWindowKind *kind, guint *size)
{
  *size = 0;
  if (g_strcmp0(s, "sentence") == 0)
    *kind = EG_WINDOW_SENTENCE;
  else if (g_strcmp0(s, "paragraph") == 0)
    *kind = EG_WINDOW_PARAGRAPH;
  else if (g_strcmp0(s, "document") == 0)
    *kind = EG_WINDOW_DOCUMENT;
  else {
    guint64 n = 0;
    if (!s || !g_ascii_string_to_unsigned(s, 10, 1, 1000000, &n, NULL))
      return FALSE;
    *kind = EG_WINDOW_TOKENS;
    *size = (guint)n;
  }
  return TRUE;
}

char *
eg_window_name(EgWindowKind kind, guint size)
{
  switch (kind) {
  case EG_WINDOW_SENTENCE: return g_strdup("sentence");
  case EG_WINDOW_PARAGRAPH: return g_strdup("paragraph");
  case EG_WINDOW_DOCUMENT: return g_strdup("document");
  case EG_WINDOW_TOKENS: return g_strdup_printf("%u", size);
  }
  return g_strdup("sentence");
}

static void
add_u64(GHashTable *t, const char *key, guint64 n, gboolean copy_key)
{
  guint64 *v = g_hash_table_lookup(t, key);
  if (v) {
    *v += n;
    return;
  }
  v = g_new(guint64, 1);
  *v = n;
  g_hash_table_insert(t, copy_key ? g_strdup(key) : (char *)key, v);
}

static EgEntityCounts *
counts_entity(EgCounts *c, const char *label)
{
  EgEntityCounts *e = g_hash_table_lookup(c->entities, label);
  if (!e) {
    e = g_new0(EgEntityCounts, 1);
    e->label = g_strdup(label);
    e->surfaces = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_hash_table_insert(c->entities, e->label, e);
  }
  return e;
}

static guint32
window_of(const EgCounts *c, const EgMention *m)
{
  switch (c->window) {
  case EG_WINDOW_SENTENCE: return m->sentence;
  case EG_WINDOW_PARAGRAPH: return m->paragraph;
  case EG_WINDOW_DOCUMENT: return 0;
  case EG_WINDOW_TOKENS: return m->word_index / c->window_size;
  }
  return 0;
}

static guint64
windows_in(const EgCounts *c, const EgSegmentation *seg)
{
  switch (c->window) {
  case EG_WINDOW_SENTENCE: return seg->n_sentences;
  case EG_WINDOW_PARAGRAPH: return seg->n_paragraphs;
  case EG_WINDOW_DOCUMENT: return 1;
  case EG_WINDOW_TOKENS: {
    guint words = 0;
    if (seg->tokens->len) {
      const EgToken *last = &g_array_index(seg->tokens, EgToken, seg->tokens->len - 1);
      words = last->word_index + (last->kind == EG_TOK_WORD || last->kind == EG_TOK_NUMBER);
    }
    return MAX(1, (words + c->window_size - 1) / c->window_size);
  }
  }
  return 1;
}

static int
cmp_uint(const void *a, const void *b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;
  return x < y ? -1 : x > y;
}

/* Counts one window's distinct entities: each once, each unordered pair once. */
static void
counts_flush_window(EgCounts *c, const EgResolution *res, GArray *ids)
{
  if (ids->len == 0)
    return;
  qsort(ids->data, ids->len, sizeof(guint), cmp_uint);
  guint n = 0;
  guint *v = (guint *)ids->data;
  for (guint i = 0; i < ids->len; i++)
    if (n == 0 || v[n - 1] != v[i])
      v[n++] = v[i];
  for (guint i = 0; i < n; i++) {
    const EgDocEntity *a = res->entities->pdata[v[i]];
    counts_entity(c, a->label)->windows++;
    for (guint j = i + 1; j < n; j++) {
      const EgDocEntity *b = res->entities->pdata[v[j]];
      const char *x = a->label, *y = b->label;
      if (strcmp(x, y) > 0) {
        const char *t = x;
        x = y;
        y = t;
      }
      g_autofree char *key = g_strconcat(x, "\x1f", y, NULL);
      guint64 *cnt = g_hash_table_lookup(c->pairs, key);
      if (cnt)
        (*cnt)++;
      else
        add_u64(c->pairs, g_steal_pointer(&key), 1, FALSE);
    }
  }
  g_array_set_size(ids, 0);
}

struct EgDocParts {
  gint refs;
  GMutex lock;
  GHashTable *seen;   /* labels counted by earlier parts */
};

EgDocParts *
eg_doc_parts_new(void)
{
  EgDocParts *p = g_new0(EgDocParts, 1);
  p->refs = 1;
  g_mutex_init(&p->lock);
  p->seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  return p;
}

EgDocParts *
eg_doc_parts_ref(EgDocParts *parts)
{
  g_atomic_int_inc(&parts->refs);
  return parts;
}

void
eg_doc_parts_unref(EgDocParts *parts)
{
  if (!parts || !g_atomic_int_dec_and_test(&parts->refs))
    return;
  g_mutex_clear(&parts->lock);
  g_hash_table_unref(parts->seen);
  g_free(parts);
}

/* Whether LABEL counts this document: always for a whole document, once for a long one. */
static gboolean
parts_first_time(EgDocParts *parts, const char *label)
{
  if (!parts)
    return TRUE;
  g_mutex_lock(&parts->lock);
  gboolean first = !g_hash_table_contains(parts->seen, label);
  if (first)
    g_hash_table_add(parts->seen, g_strdup(label));
  g_mutex_unlock(&parts->lock);
  return first;
}

void
eg_counts_add_document(EgCounts *c, const EgSegmentation *seg, GArray *mentions,
                       const EgResolution *res)
{
  eg_counts_add_part(c, seg, mentions, res, NULL, TRUE);
}

void
eg_counts_add_part(EgCounts *c, const EgSegmentation *seg, GArray *mentions,
                   const EgResolution *res, EgDocParts *parts, gboolean first)
{
  g_return_if_fail(c != NULL && seg != NULL && mentions != NULL && res != NULL);
  if (first)
    c->documents++;
  c->windows += windows_in(c, seg);

  for (guint i = 0; i < res->entities->len; i++) {
    const EgDocEntity *d = res->entities->pdata[i];
    EgEntityCounts *e = counts_entity(c, d->label);
    e->mentions += d->mentions;
    if (parts_first_time(parts, d->label))
      e->documents++;
    for (guint t = 0; t < EG_N_TYPES; t++)
      e->votes[t] += d->votes[t];
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, d->surfaces);
    while (g_hash_table_iter_next(&it, &k, &v))
      add_u64(e->surfaces, k, GPOINTER_TO_UINT(v), TRUE);
  }

  g_autoptr(GArray) ids = g_array_new(FALSE, FALSE, sizeof(guint));
  guint32 window = 0;
  for (guint k = 0; k < mentions->len; k++) {
    const EgMention *m = &g_array_index(mentions, EgMention, k);
    guint32 w = window_of(c, m);
    if (w != window)
      counts_flush_window(c, res, ids);
    window = w;
    g_array_append_val(ids, g_array_index(res->mention_entity, guint, k));
  }
  counts_flush_window(c, res, ids);
}

gboolean
eg_counts_merge(EgCounts *into, const EgCounts *from, GError **error)
{
  g_return_val_if_fail(into != NULL && from != NULL && into != from, FALSE);
  if (into->window != from->window || into->window_size != from->window_size ||
      into->paragraphs != from->paragraphs) {
    g_autofree char *a = eg_counts_header(into), *b = eg_counts_header(from);
    g_set_error(error, EG_ERROR, EG_ERROR_HEADER, "counts made with '%s' and '%s' cannot be merged", a, b);
    return FALSE;
  }
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, from->entities);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    const EgEntityCounts *f = v;
    EgEntityCounts *e = counts_entity(into, f->label);
    e->mentions += f->mentions;
    e->documents += f->documents;
    e->windows += f->windows;
    for (guint t = 0; t < EG_N_TYPES; t++)
      e->votes[t] += f->votes[t];
    GHashTableIter si;
    gpointer sk, sv;
    g_hash_table_iter_init(&si, f->surfaces);
    while (g_hash_table_iter_next(&si, &sk, &sv))
      add_u64(e->surfaces, sk, *(guint64 *)sv, TRUE);
  }
  g_hash_table_iter_init(&it, from->pairs);
  while (g_hash_table_iter_next(&it, &k, &v))
    add_u64(into->pairs, k, *(guint64 *)v, TRUE);
  into->documents += from->documents;
  into->windows += from->windows;
  return TRUE;
}
