/* counts.c: windows and the counts of one corpus: per entity, per pair, and totals.
 *
 * A window is a sentence, a paragraph, a whole document, or a run of N consecutive words of one
 * document (words 0..N-1, N..2N-1, ...: tumbling, not sliding, so that the number of windows is
 * well defined for association measures). Counts are plain sums, so partial counts merge exactly;
 * a pair's example is a minimum (of its key, then its text), which merges exactly too.
 *
 * Counting is the hot path: within one document part, pairs are entity indices that are sorted
 * and summed, so each distinct pair reaches the corpus table (keyed by labels) once per part, and
 * an example sentence is built only when its key can beat the pair's current example.
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
eg_counts_new_like(const EgCounts *c)
{
  /* eg_counts_new wants a size only for token windows; any positive one is ignored otherwise. */
  EgCounts *n = eg_counts_new(c->window, MAX(c->window_size, 1));
  n->paragraphs = c->paragraphs;
  n->rules = c->rules;
  return n;
}

EgCounts *
eg_counts_period(EgCounts *c, const char *name)
{
  g_return_val_if_fail(c != NULL && c->slice != EG_SLICE_NONE, NULL);
  if (!c->periods)
    c->periods = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)eg_counts_free);
  EgCounts *p = g_hash_table_lookup(c->periods, name);
  if (!p) {
    p = eg_counts_new_like(c);
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
  EgCounts *sum = eg_counts_new_like(c);
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

static int
cmp_pointer(const void *a, const void *b)
{
  guintptr x = (guintptr)*(void *const *)a, y = (guintptr)*(void *const *)b;
  return x < y ? -1 : x > y;
}

/* The counts of the pair X, Y (either order), created when absent; *KEY_OUT (may be NULL)
 * receives the table's key "A\x1fB". The key is built on the stack when it fits: most lookups
 * find the pair, and then nothing is allocated. */
static EgPairCounts *
pair_slot(EgCounts *c, const char *x, const char *y, const char **key_out)
{
  if (strcmp(x, y) > 0) {
    const char *t = x;
    x = y;
    y = t;
  }
  char buf[256];
  g_autofree char *heap = NULL;
  gsize nx = strlen(x), ny = strlen(y);
  char *key = buf;
  if (nx + ny + 2 > sizeof buf)
    key = heap = g_malloc(nx + ny + 2);
  memcpy(key, x, nx);
  key[nx] = '\x1f';
  memcpy(key + nx + 1, y, ny + 1);
  gpointer stored, value;
  if (g_hash_table_lookup_extended(c->pairs, key, &stored, &value)) {
    if (key_out)
      *key_out = stored;
    return value;
  }
  EgPairCounts *pc = g_new0(EgPairCounts, 1);
  char *owned = heap ? g_steal_pointer(&heap) : g_strdup(buf);
  if (key_out)
    *key_out = owned;
  g_hash_table_insert(c->pairs, owned, pc);
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

/* As example_offer, taking TEXT (transfer full). */
static void
example_offer_take(EgPairCounts *pc, const char *key, char *text)
{
  if (!key || !text || !example_smaller(pc, key, text)) {
    g_free(text);
    return;
  }
  g_free(pc->example_key);
  g_free(pc->example);
  pc->example_key = g_strdup(key);
  pc->example = text;
}

static void
example_offer(EgPairCounts *pc, const char *key, const char *text)
{
  example_offer_take(pc, key, text ? g_strdup(text) : NULL);
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

/* A pair of one document part by entity indices (I < J into the resolution's entities): the
 * part's pairs are collected as small integers and the labels of each pair are joined and looked
 * up in the corpus table once per part, not once per window and sentence. */
typedef struct {
  guint64 ids;                  /* I << 32 | J: sorts by I, then J */
  guint64 windows;              /* windows of this part the two share */
  guint32 sentence;             /* the first sentence naming both, or NO_SENTENCE */
  guint32 names_from, names_to; /* byte range of their first names in that sentence */
} DocPair;

#define NO_SENTENCE G_MAXUINT32

static int
cmp_u64(const void *a, const void *b)
{
  guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;
  return x < y ? -1 : x > y;
}

static int
cmp_doc_pair(const void *key, const void *member)
{
  return cmp_u64(key, &((const DocPair *)member)->ids);
}

/* Counts one window's distinct entities (ENTS: their counts by entity index) once each, and
 * appends each unordered pair of them to OCCURRENCES as I << 32 | J. */
static void
counts_flush_window(EgEntityCounts **ents, GArray *ids, GArray *occurrences)
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
    ents[v[i]]->windows++;
    for (guint j = i + 1; j < n; j++) {
      guint64 p = (guint64)v[i] << 32 | v[j];
      g_array_append_val(occurrences, p);
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

/* Writes TEXT[from, to) (UTF-8) to OUT, which has room for to - from bytes, with every run of
 * white space (Unicode's: line breaks, tabs, no-break spaces...) as one space, none at the ends;
 * returns the length written. MAP_FROM and MAP_TO (NULL, or to - from entries each) receive for
 * every input byte the output position of a name that starts, or ends, at it. */
static gsize
collapse_space(char *out, const char *text, guint32 from, guint32 to, guint32 *map_from,
               guint32 *map_to)
{
  gsize len = 0;
  gboolean space = FALSE;
  for (guint32 i = from; i < to;) {
    guint32 n = 1;
    gboolean white;
    guchar c = (guchar)text[i];
    if (c < 0x80) {
      white = g_ascii_isspace(c);
    } else {
      n = (guint32)g_utf8_skip[c];
      white = g_unichar_isspace(g_utf8_get_char(text + i));
      if (i + n > to)
        n = to - i;
    }
    if (map_from) {
      guint32 f = (guint32)len + (space && len > 0 && !white);
      for (guint32 b = i - from; b < i - from + n; b++) {
        map_from[b] = f;
        map_to[b] = (guint32)len;
      }
    }
    if (white) {
      space = TRUE;
    } else {
      if (space && len > 0)
        out[len++] = ' ';
      space = FALSE;
      if (n == 1)
        out[len++] = (char)c;
      else {
        memcpy(out + len, text + i, n);
        len += n;
      }
    }
    i += n;
  }
  return len;
}

/* One sentence of a document part as examples need it, made at most once however many pairs it
 * serves. */
typedef struct {
  char *key;                  /* eg_counts_example_key of the sentence, or NULL: not made yet */
  char *text;                 /* white space collapsed, or NULL: not made yet */
  gsize len;
  guint32 *map_from, *map_to; /* see collapse_space; only for a text over EG_EXAMPLE_MAX bytes */
} SentenceText;

static void
sentence_text_clear(SentenceText *st)
{
  g_free(st->key);
  g_free(st->text);
  g_free(st->map_from);
  g_free(st->map_to);
}

/* The example from the sentence ST, TEXT[from, to), whose two names lie in
 * [names_from, names_to): white space collapsed; longer than EG_EXAMPLE_MAX bytes, cut around the
 * names at character boundaries, each cut marked with "…"; names further apart than that keep
 * the start of the first and the end of the second with the middle cut out (transfer full). */
static char *
sentence_example(SentenceText *st, const char *text, guint32 from, guint32 to, guint32 names_from,
                 guint32 names_to)
{
  if (!st->text) {
    st->text = g_malloc(to - from + 1);
    st->len = collapse_space(st->text, text, from, to, NULL, NULL);
    st->text[st->len] = '\0';
    if (st->len > EG_EXAMPLE_MAX) {
      st->map_from = g_new(guint32, to - from);
      st->map_to = g_new(guint32, to - from);
      collapse_space(st->text, text, from, to, st->map_from, st->map_to);
    }
  }
  const char *s = st->text;
  gsize len = st->len;
  if (len <= EG_EXAMPLE_MAX)
    return g_strndup(s, len);
  gsize nf = names_from >= from && names_from < to ? st->map_from[names_from - from] : 0;
  gsize nt = names_to >= to ? len : names_to >= from ? st->map_to[names_to - from] : 0;
  const gsize budget = EG_EXAMPLE_MAX - 2 * strlen("…");
  gsize start, end;
  if (nt - nf > budget) {
    /* The names are further apart than an example is long: keep the start of the first and the
     * end of the second, and cut the middle out, so the example still names both. */
    const gsize half = (budget - strlen(" … ")) / 2;
    gsize a_end = nf + half, b_start = nt - half;
    while (a_end > nf && ((guchar)s[a_end] & 0xC0) == 0x80)
      a_end--;
    while (b_start < nt && ((guchar)s[b_start] & 0xC0) == 0x80)
      b_start++;
    while (a_end > nf && s[a_end - 1] == ' ')
      a_end--;
    while (b_start < nt && s[b_start] == ' ')
      b_start++;
    GString *r = g_string_sized_new(EG_EXAMPLE_MAX + 1);
    if (nf > 0)
      g_string_append(r, "…");
    g_string_append_len(r, s + nf, (gssize)(a_end - nf));
    g_string_append(r, " … ");
    g_string_append_len(r, s + b_start, (gssize)(nt - b_start));
    if (nt < len)
      g_string_append(r, "…");
    return g_string_free(r, FALSE);
  } else {
    gsize slack = (budget - (nt - nf)) / 2;
    start = nf > slack ? nf - slack : 0;
  }
  end = start + budget;
  if (end > len) {
    end = len;
    start = end - budget;
  }
  while (start > 0 && start < len && ((guchar)s[start] & 0xC0) == 0x80)
    start++;
  while (end < len && end > start && ((guchar)s[end] & 0xC0) == 0x80)
    end--;
  GString *r = g_string_sized_new(EG_EXAMPLE_MAX + 1);
  if (start > 0)
    g_string_append(r, "…");
  g_string_append_len(r, s + start, (gssize)(end - start));
  if (end < len)
    g_string_append(r, "…");
  return g_string_free(r, FALSE);
}

/* Gives each pair of PAIRS (sorted by ids) the first sentence of this part that names both, and
 * the byte range of their first names in it. S_FROM, S_TO: the byte range of each sentence. */
static void
counts_find_examples(const EgSegmentation *seg, GArray *mentions, const EgResolution *res,
                     GArray *pairs, const guint32 *s_from, const guint32 *s_to)
{
  guint left = pairs->len;
  const guint *ment_ent = (const guint *)res->mention_entity->data;
  g_autoptr(GArray) first = g_array_new(FALSE, FALSE, sizeof(guint)); /* a mention per entity */
  for (guint k = 0; k < mentions->len && left > 0;) {
    guint32 sentence = g_array_index(mentions, EgMention, k).sentence;
    g_array_set_size(first, 0);
    for (; k < mentions->len && g_array_index(mentions, EgMention, k).sentence == sentence; k++) {
      gboolean seen = FALSE;
      for (guint i = 0; i < first->len && !seen; i++)
        seen = ment_ent[g_array_index(first, guint, i)] == ment_ent[k];
      if (!seen)
        g_array_append_val(first, k);
    }
    if (first->len < 2 || sentence >= seg->n_sentences || s_from[sentence] >= s_to[sentence])
      continue;
    for (guint i = 0; i < first->len; i++)
      for (guint j = i + 1; j < first->len; j++) {
        guint ka = g_array_index(first, guint, i), kb = g_array_index(first, guint, j);
        guint ea = ment_ent[ka], eb = ment_ent[kb];
        guint64 ids = (guint64)MIN(ea, eb) << 32 | MAX(ea, eb);
        DocPair *dp = bsearch(&ids, pairs->data, pairs->len, sizeof(DocPair), cmp_doc_pair);
        if (!dp || dp->sentence != NO_SENTENCE)
          continue; /* sentences come in order: the first is this part's least */
        const EgMention *ma = &g_array_index(mentions, EgMention, ka);
        const EgMention *mb = &g_array_index(mentions, EgMention, kb);
        dp->sentence = sentence;
        dp->names_from = MIN(ma->start, mb->start);
        dp->names_to = MAX(ma->end, mb->end);
        left--;
      }
  }
}

/* Whether two entities of RES share a label (resolution gives distinct labels; then a pair of
 * labels may stand for more than one pair of entities). */
static gboolean
labels_repeat(EgEntityCounts **ents, guint n)
{
  g_autofree EgEntityCounts **sorted = g_memdup2(ents, sizeof(EgEntityCounts *) * (n + 1));
  qsort(sorted, n, sizeof(EgEntityCounts *), cmp_pointer);
  for (guint i = 1; i < n; i++)
    if (sorted[i] == sorted[i - 1])
      return TRUE;
  return FALSE;
}

void
eg_counts_add_part(EgCounts *c, const EgDocument *doc, const EgSegmentation *seg, GArray *mentions,
                   const EgResolution *res, EgDocParts *parts, gboolean first)
{
  g_return_if_fail(c != NULL && seg != NULL && mentions != NULL && res != NULL);
  if (c->slice != EG_SLICE_NONE) {
    if (!doc || !doc->day)
      return; /* the sources reported it: counted in no period */
    char period[EG_PERIOD_MAX];
    eg_period_name(doc->day, c->slice, period);
    c = eg_counts_period(c, period);
  }
  if (first)
    c->documents++;
  c->windows += windows_in(c, seg);

  guint n_ent = res->entities->len;
  g_autofree EgEntityCounts **ents = g_new(EgEntityCounts *, n_ent + 1);
  for (guint i = 0; i < n_ent; i++) {
    const EgDocEntity *d = res->entities->pdata[i];
    EgEntityCounts *e = ents[i] = eg_counts_entity(c, d->label);
    e->mentions += d->mentions;
    if (parts_first_time(parts, d->label))
      e->documents++;
    for (guint t = 0; t < EG_N_TYPES; t++)
      e->votes[t] += d->votes[t];
    for (guint s = 0; s < d->n_surfaces; s++)
      add_u64(e->surfaces, d->surfaces[s].surface, d->surfaces[s].count, TRUE);
  }

  g_autoptr(GArray) ids = g_array_new(FALSE, FALSE, sizeof(guint));
  g_autoptr(GArray) occurrences = g_array_new(FALSE, FALSE, sizeof(guint64));
  guint32 window = 0;
  for (guint k = 0; k < mentions->len; k++) {
    const EgMention *m = &g_array_index(mentions, EgMention, k);
    guint32 w = window_of(c, m);
    if (w != window)
      counts_flush_window(ents, ids, occurrences);
    window = w;
    g_array_append_val(ids, g_array_index(res->mention_entity, guint, k));
  }
  counts_flush_window(ents, ids, occurrences);
  if (occurrences->len == 0)
    return;

  /* The part's distinct pairs, each with the windows it shares. */
  qsort(occurrences->data, occurrences->len, sizeof(guint64), cmp_u64);
  g_autoptr(GArray) pairs = g_array_new(FALSE, FALSE, sizeof(DocPair));
  const guint64 *occ = (const guint64 *)occurrences->data;
  for (guint k = 0; k < occurrences->len; k++) {
    if (k > 0 && occ[k] == occ[k - 1]) {
      g_array_index(pairs, DocPair, pairs->len - 1).windows++;
      continue;
    }
    DocPair dp = { occ[k], 1, NO_SENTENCE, 0, 0 };
    g_array_append_val(pairs, dp);
  }

  g_autofree guint32 *s_from = NULL, *s_to = NULL;
  g_autofree SentenceText *texts = NULL;
  if (doc && seg->n_sentences > 0) {
    s_from = g_new(guint32, seg->n_sentences);
    s_to = g_new0(guint32, seg->n_sentences);
    for (guint s = 0; s < seg->n_sentences; s++)
      s_from[s] = G_MAXUINT32;
    for (guint k = 0; k < seg->tokens->len; k++) {
      const EgToken *t = &g_array_index(seg->tokens, EgToken, k);
      if (t->sentence >= seg->n_sentences)
        continue;
      s_from[t->sentence] = MIN(s_from[t->sentence], t->start);
      s_to[t->sentence] = MAX(s_to[t->sentence], t->end);
    }
    counts_find_examples(seg, mentions, res, pairs, s_from, s_to);
    texts = g_new0(SentenceText, seg->n_sentences);
  }

  /* Each pair counts the document once, even when its parts are counted apart (pair keys hold a
   * \x1f and labels never do, so they share the parts' set of labels) or when two entities of
   * the part share a label. */
  g_autofree char *key_base = NULL;
  g_autoptr(GHashTable) counted = labels_repeat(ents, n_ent)
                                      ? g_hash_table_new(g_direct_hash, g_direct_equal) : NULL;
  for (guint k = 0; k < pairs->len; k++) {
    const DocPair *dp = &g_array_index(pairs, DocPair, k);
    const EgDocEntity *a = res->entities->pdata[dp->ids >> 32];
    const EgDocEntity *b = res->entities->pdata[(guint32)dp->ids];
    const char *key;
    EgPairCounts *pc = pair_slot(c, a->label, b->label, &key);
    pc->windows += dp->windows;
    if ((!counted || g_hash_table_add(counted, pc)) && parts_first_time(parts, key))
      pc->documents++;
    if (dp->sentence == NO_SENTENCE)
      continue;
    /* The key compares first: build the sentence only when it can be the pair's example. */
    SentenceText *st = &texts[dp->sentence];
    if (!st->key) {
      /* Keys of one part differ in their last ten digits only. */
      if (!key_base)
        key_base = eg_counts_example_key(doc->id, doc->part, 0);
      gsize n = strlen(key_base);
      st->key = g_memdup2(key_base, n + 1);
      for (guint32 d = 1, v = dp->sentence; d <= 10; d++, v /= 10)
        st->key[n - d] = (char)('0' + v % 10);
    }
    if (pc->example_key && strcmp(st->key, pc->example_key) > 0)
      continue;
    char *text = sentence_example(st, doc->text, s_from[dp->sentence], s_to[dp->sentence],
                                  dp->names_from, dp->names_to);
    example_offer_take(pc, st->key, text);
  }
  if (texts)
    for (guint s = 0; s < seg->n_sentences; s++)
      sentence_text_clear(&texts[s]);
}

/* Adds FROM into INTO; with TAKE, what INTO lacks is moved out of FROM instead of copied (FROM
 * is then only fit to be freed). Both merges go through here, so they cannot drift apart. */
static gboolean
counts_merge(EgCounts *into, EgCounts *from, gboolean take, GError **error)
{
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
    EgEntityCounts *f = v;
    if (take && !g_hash_table_contains(into->entities, f->label)) {
      g_hash_table_iter_steal(&it);
      g_hash_table_insert(into->entities, f->label, f);
      continue;
    }
    EgEntityCounts *e = eg_counts_entity(into, f->label);
    e->mentions += f->mentions;
    e->documents += f->documents;
    e->windows += f->windows;
    for (guint t = 0; t < EG_N_TYPES; t++)
      e->votes[t] += f->votes[t];
    GHashTableIter si;
    gpointer sk, sv;
    g_hash_table_iter_init(&si, f->surfaces);
    while (g_hash_table_iter_next(&si, &sk, &sv)) {
      if (take && !g_hash_table_contains(e->surfaces, sk)) {
        g_hash_table_iter_steal(&si);
        g_hash_table_insert(e->surfaces, sk, sv);
      } else {
        add_u64(e->surfaces, sk, *(guint64 *)sv, TRUE);
      }
    }
  }
  /* Both tables key a pair the same way: look the key up as it is. */
  g_hash_table_iter_init(&it, from->pairs);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    EgPairCounts *f = v;
    EgPairCounts *pc = g_hash_table_lookup(into->pairs, k);
    if (!pc && take) {
      g_hash_table_iter_steal(&it);
      g_hash_table_insert(into->pairs, k, f);
      continue;
    }
    if (!pc) {
      pc = g_new0(EgPairCounts, 1);
      g_hash_table_insert(into->pairs, g_strdup(k), pc);
    }
    pc->windows += f->windows;
    pc->documents += f->documents;
    if (take && f->example_key && example_smaller(pc, f->example_key, f->example)) {
      g_free(pc->example_key);
      g_free(pc->example);
      pc->example_key = g_steal_pointer(&f->example_key);
      pc->example = g_steal_pointer(&f->example);
    } else if (!take) {
      example_offer(pc, f->example_key, f->example);
    }
  }
  into->documents += from->documents;
  into->windows += from->windows;
  if (from->periods) {
    g_hash_table_iter_init(&it, from->periods);
    while (g_hash_table_iter_next(&it, &k, &v)) {
      if (take && (!into->periods || !g_hash_table_contains(into->periods, k))) {
        eg_counts_period(into, k); /* makes the table, then its entry is replaced */
        g_hash_table_iter_steal(&it);
        g_hash_table_replace(into->periods, k, v);
        continue;
      }
      counts_merge(eg_counts_period(into, k), v, take, NULL); /* one header */
    }
  }
  return TRUE;
}

gboolean
eg_counts_merge(EgCounts *into, const EgCounts *from, GError **error)
{
  g_return_val_if_fail(into != NULL && from != NULL && into != from, FALSE);
  /* Without TAKE, FROM is only read. */
  return counts_merge(into, (EgCounts *)from, FALSE, error);
}

gboolean
eg_counts_merge_take(EgCounts *into, EgCounts *from, GError **error)
{
  g_return_val_if_fail(into != NULL && from != NULL && into != from, FALSE);
  gboolean ok = counts_merge(into, from, TRUE, error);
  eg_counts_free(from);
  return ok;
}
