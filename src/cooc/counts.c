/* counts.c: windows and the counts of one corpus: per entity, per pair, and totals.
 *
 * A window is a sentence, a paragraph, a whole document, or a run of N consecutive words of one
 * document (words 0..N-1, N..2N-1, ...: tumbling, not sliding, so that the number of windows is
 * well defined for association measures). Counts are plain sums, so partial counts merge exactly;
 * a pair's example is a minimum (of its key, then its text), which merges exactly too.
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

static void
pair_counts_free(gpointer p)
{
  EgPairCounts *pc = p;
  g_free(pc->example_key);
  g_free(pc->example);
  g_free(pc);
}

EgCounts *
eg_counts_new(EgWindowKind window, guint size)
{
  g_return_val_if_fail(window != EG_WINDOW_TOKENS || size > 0, NULL);
  EgCounts *c = g_new0(EgCounts, 1);
  c->window = window;
  c->window_size = window == EG_WINDOW_TOKENS ? size : 0;
  c->entities = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, entity_counts_free);
  c->pairs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, pair_counts_free);
  return c;
}

void
eg_counts_free(EgCounts *counts)
{
  if (!counts)
    return;
  g_hash_table_unref(counts->entities);
  g_hash_table_unref(counts->pairs);
  if (counts->periods)
    g_hash_table_unref(counts->periods);
  g_free(counts);
}

EgCounts *
eg_counts_period(EgCounts *c, const char *name)
{
  g_return_val_if_fail(c != NULL && c->slice != EG_SLICE_NONE, NULL);
  if (!c->periods)
    c->periods = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)eg_counts_free);
  EgCounts *p = g_hash_table_lookup(c->periods, name);
  if (!p) {
    p = eg_counts_new(c->window, MAX(c->window_size, 1));
    p->paragraphs = c->paragraphs;
    p->rules = c->rules;
    g_hash_table_insert(c->periods, g_strdup(name), p);
  }
  return p;
}

static int
cmp_period(gconstpointer a, gconstpointer b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

GPtrArray *
eg_counts_period_names(const EgCounts *c)
{
  GPtrArray *names = g_ptr_array_new();
  if (c->periods) {
    GHashTableIter it;
    gpointer k;
    g_hash_table_iter_init(&it, c->periods);
    while (g_hash_table_iter_next(&it, &k, NULL))
      g_ptr_array_add(names, k);
  }
  /* Period names of one slice sort in time order (eg_period_name). */
  g_ptr_array_sort(names, cmp_period);
  return names;
}

EgCounts *
eg_counts_sum_periods(const EgCounts *c)
{
  EgCounts *sum = eg_counts_new(c->window, MAX(c->window_size, 1));
  sum->paragraphs = c->paragraphs;
  sum->rules = c->rules;
  g_autoptr(GPtrArray) names = eg_counts_period_names(c);
  for (guint i = 0; i < names->len; i++)
    eg_counts_merge(sum, g_hash_table_lookup(c->periods, names->pdata[i]), NULL); /* one header */
  return sum;
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

EgEntityCounts *
eg_counts_entity(EgCounts *c, const char *label)
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

/* The counts of the pair X, Y (either order), created when absent; *KEY_OUT (may be NULL)
 * receives the table's key "A\x1fB". */
static EgPairCounts *
pair_slot(EgCounts *c, const char *x, const char *y, const char **key_out)
{
  if (strcmp(x, y) > 0) {
    const char *t = x;
    x = y;
    y = t;
  }
  g_autofree char *key = g_strconcat(x, "\x1f", y, NULL);
  gpointer stored, value;
  if (g_hash_table_lookup_extended(c->pairs, key, &stored, &value)) {
    if (key_out)
      *key_out = stored;
    return value;
  }
  EgPairCounts *pc = g_new0(EgPairCounts, 1);
  if (key_out)
    *key_out = key;
  g_hash_table_insert(c->pairs, g_steal_pointer(&key), pc);
  return pc;
}

/* Whether (KEY, TEXT) is smaller than the example PC holds (none: everything is smaller). */
static gboolean
example_smaller(const EgPairCounts *pc, const char *key, const char *text)
{
  if (!pc->example_key)
    return TRUE;
  int d = strcmp(key, pc->example_key);
  return d < 0 || (d == 0 && strcmp(text, pc->example) < 0);
}

static void
example_offer(EgPairCounts *pc, const char *key, const char *text)
{
  if (!key || !text || !example_smaller(pc, key, text))
    return;
  g_free(pc->example_key);
  g_free(pc->example);
  pc->example_key = g_strdup(key);
  pc->example = g_strdup(text);
}

EgPairCounts *
eg_counts_add_pair(EgCounts *c, const char *a, const char *b, guint64 windows, guint64 documents,
                   const char *example_key, const char *example)
{
  g_return_val_if_fail(c != NULL && a != NULL && b != NULL, NULL);
  EgPairCounts *pc = pair_slot(c, a, b, NULL);
  pc->windows += windows;
  pc->documents += documents;
  example_offer(pc, example_key, example);
  return pc;
}

char *
eg_counts_example_key(const char *doc_id, guint part, guint sentence)
{
  GString *k = g_string_new(doc_id ? doc_id : "");
  for (gsize i = 0; i < k->len; i++)
    if ((guchar)k->str[i] < 0x20 || k->str[i] == 0x7f)
      k->str[i] = ' ';
  gsize digits = 0;
  while (digits < k->len && g_ascii_isdigit(k->str[k->len - 1 - digits]))
    digits++;
  if (digits > 0 && digits < 12)
    g_string_insert_len(k, (gssize)(k->len - digits), "000000000000", (gssize)(12 - digits));
  g_string_append_printf(k, "\t%05u.%010u", part, sentence);
  return g_string_free(k, FALSE);
}

/* Counts one window's distinct entities: each once, each unordered pair once. The pairs go into
 * DOC_PAIRS too (the pairs of this document part: EgPairCounts* -> its key). */
static void
counts_flush_window(EgCounts *c, const EgResolution *res, GArray *ids, GHashTable *doc_pairs)
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
    eg_counts_entity(c, a->label)->windows++;
    for (guint j = i + 1; j < n; j++) {
      const EgDocEntity *b = res->entities->pdata[v[j]];
      const char *key;
      EgPairCounts *pc = pair_slot(c, a->label, b->label, &key);
      pc->windows++;
      if (!g_hash_table_contains(doc_pairs, pc))
        g_hash_table_insert(doc_pairs, pc, (gpointer)key); /* the table's key: lives as long */
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
eg_counts_add_document(EgCounts *c, const EgDocument *doc, const EgSegmentation *seg,
                       GArray *mentions, const EgResolution *res)
{
  eg_counts_add_part(c, doc, seg, mentions, res, NULL, TRUE);
}

/* Appends TEXT[from, to) (UTF-8) to OUT with every run of white space (Unicode's: line breaks,
 * tabs, no-break spaces...) as one space, none at the ends; *MAP_FROM and *MAP_TO receive the
 * output positions of MARK_FROM and MARK_TO. */
static void
collapse_space(GString *out, const char *text, guint32 from, guint32 to, guint32 mark_from,
               guint32 mark_to, gsize *map_from, gsize *map_to)
{
  gboolean space = FALSE;
  for (guint32 i = from; i < to;) {
    guint32 n = 1;
    gboolean white;
    if ((guchar)text[i] < 0x80) {
      white = g_ascii_isspace(text[i]);
    } else {
      n = (guint32)g_utf8_skip[(guchar)text[i]];
      white = g_unichar_isspace(g_utf8_get_char(text + i));
      if (i + n > to)
        n = to - i;
    }
    if (i <= mark_from && mark_from < i + n)
      *map_from = out->len + (space && out->len > 0 && !white);
    if (i <= mark_to && mark_to < i + n)
      *map_to = out->len;
    if (white) {
      space = TRUE;
    } else {
      if (space && out->len > 0)
        g_string_append_c(out, ' ');
      space = FALSE;
      g_string_append_len(out, text + i, n);
    }
    i += n;
  }
  if (mark_to >= to)
    *map_to = out->len;
}

/* The example from the sentence TEXT[from, to) whose two names lie in [names_from, names_to):
 * white space collapsed; longer than EG_EXAMPLE_MAX bytes, cut around the names at character
 * boundaries, each cut marked with "…" (transfer full). */
static char *
example_text(const char *text, guint32 from, guint32 to, guint32 names_from, guint32 names_to)
{
  GString *s = g_string_sized_new(MIN(to - from, 4 * EG_EXAMPLE_MAX));
  gsize nf = 0, nt = 0;
  collapse_space(s, text, from, to, names_from, names_to, &nf, &nt);
  if (s->len <= EG_EXAMPLE_MAX)
    return g_string_free(s, FALSE);
  const gsize budget = EG_EXAMPLE_MAX - 2 * strlen("…");
  gsize start, end;
  if (nt - nf >= budget) {
    start = nf;
  } else {
    gsize slack = (budget - (nt - nf)) / 2;
    start = nf > slack ? nf - slack : 0;
  }
  end = start + budget;
  if (end > s->len) {
    end = s->len;
    start = end - budget;
  }
  while (start > 0 && start < s->len && ((guchar)s->str[start] & 0xC0) == 0x80)
    start++;
  while (end < s->len && end > start && ((guchar)s->str[end] & 0xC0) == 0x80)
    end--;
  GString *r = g_string_sized_new(EG_EXAMPLE_MAX + 1);
  if (start > 0)
    g_string_append(r, "…");
  g_string_append_len(r, s->str + start, (gssize)(end - start));
  if (end < s->len)
    g_string_append(r, "…");
  g_string_free(s, TRUE);
  return g_string_free(r, FALSE);
}

/* Offers each pair of DOC_PAIRS the first sentence of this part that names both as its example. */
static void
counts_examples(EgCounts *c, const EgDocument *doc, const EgSegmentation *seg, GArray *mentions,
                const EgResolution *res, GHashTable *doc_pairs)
{
  if (!doc || g_hash_table_size(doc_pairs) == 0 || seg->n_sentences == 0)
    return;
  /* Byte range of each sentence. */
  g_autofree guint32 *s_from = g_new(guint32, seg->n_sentences);
  g_autofree guint32 *s_to = g_new0(guint32, seg->n_sentences);
  for (guint s = 0; s < seg->n_sentences; s++)
    s_from[s] = G_MAXUINT32;
  for (guint k = 0; k < seg->tokens->len; k++) {
    const EgToken *t = &g_array_index(seg->tokens, EgToken, k);
    if (t->sentence >= seg->n_sentences)
      continue;
    s_from[t->sentence] = MIN(s_from[t->sentence], t->start);
    s_to[t->sentence] = MAX(s_to[t->sentence], t->end);
  }
  g_autoptr(GHashTable) done = g_hash_table_new(g_direct_hash, g_direct_equal);
  g_autoptr(GArray) first = g_array_new(FALSE, FALSE, sizeof(guint)); /* a mention per entity */
  for (guint k = 0; k < mentions->len;) {
    guint32 sentence = g_array_index(mentions, EgMention, k).sentence;
    g_array_set_size(first, 0);
    for (; k < mentions->len && g_array_index(mentions, EgMention, k).sentence == sentence; k++) {
      guint id = g_array_index(res->mention_entity, guint, k);
      gboolean seen = FALSE;
      for (guint i = 0; i < first->len && !seen; i++)
        seen = g_array_index(res->mention_entity, guint, g_array_index(first, guint, i)) == id;
      if (!seen)
        g_array_append_val(first, k);
    }
    if (first->len < 2 || sentence >= seg->n_sentences || s_from[sentence] >= s_to[sentence])
      continue;
    g_autofree char *key = NULL;
    for (guint i = 0; i < first->len; i++)
      for (guint j = i + 1; j < first->len; j++) {
        const EgMention *ma = &g_array_index(mentions, EgMention, g_array_index(first, guint, i));
        const EgMention *mb = &g_array_index(mentions, EgMention, g_array_index(first, guint, j));
        const EgDocEntity *a = res->entities->pdata[g_array_index(res->mention_entity, guint, g_array_index(first, guint, i))];
        const EgDocEntity *b = res->entities->pdata[g_array_index(res->mention_entity, guint, g_array_index(first, guint, j))];
        const char *x = a->label, *y = b->label;
        if (strcmp(x, y) > 0) {
          const char *t = x;
          x = y;
          y = t;
        }
        g_autofree char *pk = g_strconcat(x, "\x1f", y, NULL);
        EgPairCounts *pc = g_hash_table_lookup(c->pairs, pk);
        if (!pc || !g_hash_table_contains(doc_pairs, pc) || g_hash_table_contains(done, pc))
          continue;
        g_hash_table_add(done, pc); /* sentences come in order: the first is this part's least */
        if (!key)
          key = eg_counts_example_key(doc->id, doc->part, sentence);
        if (pc->example_key && strcmp(key, pc->example_key) > 0)
          continue;
        g_autofree char *text = example_text(doc->text, s_from[sentence], s_to[sentence],
                                             MIN(ma->start, mb->start), MAX(ma->end, mb->end));
        example_offer(pc, key, text);
      }
  }
}

void
eg_counts_add_part(EgCounts *c, const EgDocument *doc, const EgSegmentation *seg, GArray *mentions,
                   const EgResolution *res, EgDocParts *parts, gboolean first)
{
  g_return_if_fail(c != NULL && seg != NULL && mentions != NULL && res != NULL);
  if (c->slice != EG_SLICE_NONE) {
    if (!doc->day)
      return; /* the sources reported it: counted in no period */
    char period[EG_PERIOD_MAX];
    eg_period_name(doc->day, c->slice, period);
    c = eg_counts_period(c, period);
  }
  if (first)
    c->documents++;
  c->windows += windows_in(c, seg);

  for (guint i = 0; i < res->entities->len; i++) {
    const EgDocEntity *d = res->entities->pdata[i];
    EgEntityCounts *e = eg_counts_entity(c, d->label);
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
  g_autoptr(GHashTable) doc_pairs = g_hash_table_new(g_direct_hash, g_direct_equal);
  guint32 window = 0;
  for (guint k = 0; k < mentions->len; k++) {
    const EgMention *m = &g_array_index(mentions, EgMention, k);
    guint32 w = window_of(c, m);
    if (w != window)
      counts_flush_window(c, res, ids, doc_pairs);
    window = w;
    g_array_append_val(ids, g_array_index(res->mention_entity, guint, k));
  }
  counts_flush_window(c, res, ids, doc_pairs);

  /* Each pair counts the document once, even when its parts are counted apart. Pair keys hold
   * a \x1f and labels never do, so they share the parts' set of labels. */
  GHashTableIter it;
  gpointer pc, key;
  g_hash_table_iter_init(&it, doc_pairs);
  while (g_hash_table_iter_next(&it, &pc, &key))
    if (parts_first_time(parts, key))
      ((EgPairCounts *)pc)->documents++;
  counts_examples(c, doc, seg, mentions, res, doc_pairs);
}

gboolean
eg_counts_merge(EgCounts *into, const EgCounts *from, GError **error)
{
  g_return_val_if_fail(into != NULL && from != NULL && into != from, FALSE);
  if (into->window != from->window || into->window_size != from->window_size ||
      into->paragraphs != from->paragraphs || into->slice != from->slice) {
    g_autofree char *a = eg_counts_header(into), *b = eg_counts_header(from);
    g_set_error(error, EG_ERROR, EG_ERROR_HEADER, "counts made with '%s' and '%s' cannot be merged", a, b);
    return FALSE;
  }
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, from->entities);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    const EgEntityCounts *f = v;
    EgEntityCounts *e = eg_counts_entity(into, f->label);
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
  while (g_hash_table_iter_next(&it, &k, &v)) {
    const EgPairCounts *f = v;
    const char *sep = strchr(k, '\x1f');
    g_autofree char *a = g_strndup(k, (gsize)(sep - (const char *)k));
    eg_counts_add_pair(into, a, sep + 1, f->windows, f->documents, f->example_key, f->example);
  }
  into->documents += from->documents;
  into->windows += from->windows;
  if (from->periods) {
    g_hash_table_iter_init(&it, from->periods);
    while (g_hash_table_iter_next(&it, &k, &v))
      eg_counts_merge(eg_counts_period(into, k), v, NULL); /* one header */
  }
  return TRUE;
}
