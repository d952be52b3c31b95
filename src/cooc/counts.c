/* counts.c: windows and the counts of one corpus: per entity, per pair, and totals.
 *
 * A window is a sentence, a paragraph, a whole document, or a run of N consecutive words of one
 * document (words 0..N-1, N..2N-1, ...: tumbling, not sliding, so that the number of windows is
 * well defined for association measures). Counts are plain sums, so partial counts merge exactly;
 * a pair's example is a minimum (of its key, then its text), which merges exactly too.
 *
 * Counting is the hot path: within one document part, pairs are entity indices that are sorted
 * and summed, so each distinct pair reaches the corpus table once per part, and an example
 * sentence is built only when its key can beat the pair's current example. Labels are hashed
 * once per document entity: the corpus interns each label as an entity with an id, and pairs
 * are found by their two ids; label strings meet again only when counts are written, merged
 * or consolidated. Entities and pairs live in blocks and their strings in one chunk, so
 * freeing the counts of a corpus is a call per block, not one per string; an example is stored
 * once however many pairs it serves.
 */
#include "cooc/cooc.h"

#include <stdlib.h>
#include <string.h>

/* Entities and pairs come in blocks of this many: allocated and freed a block at a time, and
 * never moved, so pointers to them stay good. */
#define ENTITY_BLOCK 256u
#define PAIR_BLOCK 1024u

/* A form count is found by a walk over an entity's forms while it has at most this many, and
 * through a table after. */
#define SURFACES_FEW 8u

static void scratch_free(EgCountScratch *s);

/* The pairs in block B of C's pair blocks: all but the last are full. */
static inline guint
pair_block_len(const EgCounts *c, guint b)
{
  return b + 1 < c->pair_blocks->len ? PAIR_BLOCK : c->pairs_in_block;
}
static void examples_free(EgExamples *ex);

/* A pair's identity is its two entity ids: hashing two integers replaced building, hashing and
 * comparing the string "LABEL_A\x1fLABEL_B" for every pair of every document. */
static guint
pair_hash(gconstpointer p)
{
  const EgPairCounts *pc = p;
  guint64 h = ((guint64)pc->a << 32 | pc->b) * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15);
  return (guint)(h >> 32);
}

static gboolean
pair_equal(gconstpointer x, gconstpointer y)
{
  const EgPairCounts *p = x, *q = y;
  return p->a == q->a && p->b == q->b;
}

/* Labels and forms are hashed eight bytes at a time: every document looks up each of its
 * entities by label, and g_str_hash's byte loop was a third of the cost of a lookup. */
static guint
label_hash(gconstpointer p)
{
  return eg_hash_bytes(p, strlen(p));
}

EgCounts *
eg_counts_new(EgWindowKind window, guint size)
{
  g_return_val_if_fail(window != EG_WINDOW_TOKENS || size > 0, NULL);
  EgCounts *c = g_new0(EgCounts, 1);
  c->window = window;
  c->window_size = window == EG_WINDOW_TOKENS ? size : 0;
  c->max_entities = EG_WINDOW_MAX_ENTITIES;
  c->entities = g_hash_table_new(label_hash, g_str_equal);
  c->pairs = g_hash_table_new(pair_hash, pair_equal);
  c->entity_blocks = g_ptr_array_new_with_free_func(g_free);
  c->pair_blocks = g_ptr_array_new_with_free_func(g_free);
  c->pairs_in_block = PAIR_BLOCK;
  c->strings = g_string_chunk_new(1 << 14);
  return c;
}

void
eg_counts_free(EgCounts *counts)
{
  if (!counts)
    return;
  for (guint id = 0; id < counts->n_ids; id++) {
    EgEntityCounts *e = eg_counts_entity_by_id(counts, id);
    if (e->surfaces != &e->first)
      g_free(e->surfaces);
    if (e->surface_index)
      g_hash_table_unref(e->surface_index);
  }
  examples_free(counts->examples);
  g_hash_table_unref(counts->entities);
  g_hash_table_unref(counts->pairs);
  if (counts->labels_only)
    g_hash_table_unref(counts->labels_only);
  g_ptr_array_unref(counts->entity_blocks);
  g_ptr_array_unref(counts->pair_blocks);
  g_string_chunk_free(counts->strings);
  scratch_free(counts->scratch);
  if (counts->periods)
    g_hash_table_unref(counts->periods);
  g_free(counts->crowded_key);
  g_free(counts->crowded_doc);
  g_free(counts);
}

/* Notes in C that the document with example key KEY and id DOC has a crowded window, keeping
 * the least key (so that any order of counting and merging names the same document). */
static void
crowded_note(EgCounts *c, const char *key, const char *doc)
{
  if (c->crowded_key && strcmp(key, c->crowded_key) >= 0)
    return;
  g_free(c->crowded_key);
  g_free(c->crowded_doc);
  c->crowded_key = g_strdup(key);
  c->crowded_doc = g_strdup(doc);
}

guint64
eg_counts_crowded(const EgCounts *c, const char **first_doc)
{
  g_return_val_if_fail(c != NULL, 0);
  guint64 n = c->crowded;
  const char *key = c->crowded_key, *doc = c->crowded_doc;
  if (c->periods) {
    GHashTableIter it;
    gpointer v;
    g_hash_table_iter_init(&it, c->periods);
    while (g_hash_table_iter_next(&it, NULL, &v)) {
      const EgCounts *p = v;
      n += p->crowded;
      if (p->crowded_key && (!key || strcmp(p->crowded_key, key) < 0)) {
        key = p->crowded_key;
        doc = p->crowded_doc;
      }
    }
  }
  if (first_doc)
    *first_doc = doc;
  return n;
}

EgCounts *
eg_counts_new_like(const EgCounts *c)
{
  /* eg_counts_new wants a size only for token windows; any positive one is ignored otherwise. */
  EgCounts *n = eg_counts_new(c->window, MAX(c->window_size, 1));
  n->paragraphs = c->paragraphs;
  n->rules = c->rules;
  n->max_entities = c->max_entities;
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

EgEntityCounts *
eg_counts_entity_by_id(const EgCounts *c, guint id)
{
  g_return_val_if_fail(c != NULL && id < c->n_ids, NULL);
  return (EgEntityCounts *)c->entity_blocks->pdata[id / ENTITY_BLOCK] + id % ENTITY_BLOCK;
}

/* A new entity of C named LABEL, in no table yet. */
static EgEntityCounts *
entity_new(EgCounts *c, const char *label)
{
  if (c->n_ids % ENTITY_BLOCK == 0)
    g_ptr_array_add(c->entity_blocks, g_new0(EgEntityCounts, ENTITY_BLOCK));
  EgEntityCounts *e = (EgEntityCounts *)c->entity_blocks->pdata[c->n_ids / ENTITY_BLOCK] +
                      c->n_ids % ENTITY_BLOCK;
  e->id = c->n_ids++;
  e->label = g_string_chunk_insert(c->strings, label);
  e->surfaces = &e->first;
  e->surfaces_cap = 1;
  return e;
}

EgEntityCounts *
eg_counts_entity(EgCounts *c, const char *label)
{
  EgEntityCounts *e = g_hash_table_lookup(c->entities, label);
  if (e)
    return e;
  /* A label pairs named before it was counted becomes an entity: its pairs know its id. */
  if (c->labels_only && (e = g_hash_table_lookup(c->labels_only, label)))
    g_hash_table_remove(c->labels_only, label);
  else
    e = entity_new(c, label);
  g_hash_table_insert(c->entities, (gpointer)e->label, e);
  return e;
}

/* The entity of C named LABEL, else the id of LABEL for pairs alone, else NULL. */
static EgEntityCounts *
label_find(const EgCounts *c, const char *label)
{
  EgEntityCounts *e = g_hash_table_lookup(c->entities, label);
  if (!e && c->labels_only)
    e = g_hash_table_lookup(c->labels_only, label);
  return e;
}

/* As label_find, making LABEL an id for pairs alone when C has none. */
static EgEntityCounts *
counts_label(EgCounts *c, const char *label)
{
  EgEntityCounts *e = label_find(c, label);
  if (e)
    return e;
  if (!c->labels_only)
    c->labels_only = g_hash_table_new(label_hash, g_str_equal);
  e = entity_new(c, label);
  g_hash_table_insert(c->labels_only, (gpointer)e->label, e);
  return e;
}

static EgSurfaceCount *
surface_find(const EgEntityCounts *e, const char *text)
{
  if (e->surface_index) {
    gpointer at = g_hash_table_lookup(e->surface_index, text);
    return at ? &e->surfaces[GPOINTER_TO_UINT(at) - 1] : NULL;
  }
  for (guint i = 0; i < e->n_surfaces; i++)
    if (strcmp(e->surfaces[i].text, text) == 0)
      return &e->surfaces[i];
  return NULL;
}

guint64
eg_entity_counts_surface(const EgEntityCounts *e, const char *text)
{
  const EgSurfaceCount *s = surface_find(e, text);
  return s ? s->count : 0;
}

void
eg_entity_counts_add_surface(EgCounts *c, EgEntityCounts *e, const char *text, guint64 n)
{
  EgSurfaceCount *s = surface_find(e, text);
  if (s) {
    s->count += n;
    return;
  }
  if (e->n_surfaces == e->surfaces_cap) {
    e->surfaces_cap *= 4;
    if (e->surfaces == &e->first) {
      e->surfaces = g_new(EgSurfaceCount, e->surfaces_cap);
      memcpy(e->surfaces, &e->first, sizeof(EgSurfaceCount) * e->n_surfaces);
    } else {
      e->surfaces = g_renew(EgSurfaceCount, e->surfaces, e->surfaces_cap);
    }
  }
  s = &e->surfaces[e->n_surfaces++];
  /* Most names are written as their label: one string serves. */
  s->text = strcmp(text, e->label) == 0 ? e->label : g_string_chunk_insert(c->strings, text);
  s->count = n;
  if (e->surface_index) {
    g_hash_table_insert(e->surface_index, (gpointer)s->text, GUINT_TO_POINTER(e->n_surfaces));
  } else if (e->n_surfaces > SURFACES_FEW) {
    e->surface_index = g_hash_table_new(label_hash, g_str_equal);
    for (guint i = 0; i < e->n_surfaces; i++)
      g_hash_table_insert(e->surface_index, (gpointer)e->surfaces[i].text, GUINT_TO_POINTER(i + 1));
  }
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

/* New, empty counts of the pair of the entities numbered X and Y (X != Y, either order), which
 * C does not have yet. */
static EgPairCounts *
pair_new(EgCounts *c, guint x, guint y)
{
  if (c->pairs_in_block == PAIR_BLOCK) {
    g_ptr_array_add(c->pair_blocks, g_new0(EgPairCounts, PAIR_BLOCK));
    c->pairs_in_block = 0;
  }
  EgPairCounts *pc = (EgPairCounts *)g_ptr_array_index(c->pair_blocks, c->pair_blocks->len - 1) +
                     c->pairs_in_block++;
  pc->a = MIN(x, y);
  pc->b = MAX(x, y);
  g_hash_table_add(c->pairs, pc);
  return pc;
}

/* The counts of the pair of the entities numbered X and Y (X != Y, either order), created when
 * absent. */
static EgPairCounts *
pair_slot(EgCounts *c, guint x, guint y)
{
  EgPairCounts probe = { 0 };
  probe.a = MIN(x, y);
  probe.b = MAX(x, y);
  EgPairCounts *pc = g_hash_table_lookup(c->pairs, &probe);
  return pc ? pc : pair_new(c, x, y);
}

EgPairCounts *
eg_counts_pair(const EgCounts *c, const char *a, const char *b)
{
  g_return_val_if_fail(c != NULL && a != NULL && b != NULL, NULL);
  const EgEntityCounts *x = label_find(c, a), *y = label_find(c, b);
  if (!x || !y)
    return NULL;
  EgPairCounts probe = { 0 };
  probe.a = MIN(x->id, y->id);
  probe.b = MAX(x->id, y->id);
  return g_hash_table_lookup(c->pairs, &probe);
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

/* ---- examples: one copy per distinct (key, text) --------------------------------------------
 *
 * The examples are most of what counts hold (Reuters: 23 MB of sentences for 136,000 pairs), and
 * a sentence naming n entities is the example of up to n(n-1)/2 pairs: each distinct
 * "KEY\0TEXT\0" is stored once, in a string chunk, after a reference count (4 bytes, unaligned)
 * of the pairs holding it, and found again through a set (see example_hash). A worker
 * thread meets nearly every pair of a large corpus, so its counts hold nearly every example:
 * this is what bounds its memory. An example a pair gives up becomes waste in the chunk; once
 * waste passes what is live, the live examples move to a new chunk, so memory stays bounded
 * whatever order documents come in.
 * A whole sentence that counting makes an example is stored without entering the set (its
 * refs say so, EXAMPLE_UNINDEXED): its key names its document part, which no other record of
 * the counts names (a corpus that repeats a document id may store one twice, which costs
 * memory, not results), and all the pairs of the part that take it share it already. Looking
 * it up and adding it to the set was most of the cost of examples; cut sentences, merged and
 * read examples are met again and still go through the set. */
struct EgExamples {
  GStringChunk *chunk;        /* the records: refs, KEY, NUL, TEXT, NUL */
  GHashTable *set;            /* of the records but the unindexed, by the address of their KEY */
  GString *probe;             /* KEY\0TEXT\0 of the example being looked for */
  gsize bytes, waste;         /* in CHUNK, and of it the records no pair holds */
};

#define EXAMPLE_REFS 4u
/* The bit of a record's refs that keeps it out of EgExamples.set; the count is the other 31. */
#define EXAMPLE_UNINDEXED 0x80000000u

/* Hashes the key eight bytes at a time (keys are long and alike, "DOCUMENT\tPOSITION", and
 * g_str_hash's byte loop was most of the cost of finding an example), and of the text only its
 * length and its first and last eight bytes: the examples the set holds are mostly cuts of
 * long sentences, many of one key, which differ there. Hashing the key alone put every cut of
 * a sentence in one chain of the table, and a lookup then compared thousands of bytes. */
static guint
example_hash(gconstpointer p)
{
  const char *key = p;
  gsize klen = strlen(key);
  const char *text = key + klen + 1;
  gsize len = strlen(text), n = MIN(len, 8);
  guint64 ends[3] = { len, 0, 0 };
  memcpy(&ends[1], text, n);
  memcpy(&ends[2], text + len - n, n);
  return eg_hash_bytes(key, klen) ^ eg_hash_bytes((const char *)ends, sizeof ends);
}

static gboolean
example_equal(gconstpointer x, gconstpointer y)
{
  const char *a = x, *b = y;
  gsize n = strlen(a);
  return memcmp(a, b, n + 1) == 0 && strcmp(a + n + 1, b + n + 1) == 0;
}

static EgExamples *
examples_new(void)
{
  EgExamples *ex = g_new0(EgExamples, 1);
  ex->chunk = g_string_chunk_new(1 << 16);
  ex->set = g_hash_table_new(example_hash, example_equal);
  return ex;
}

static void
examples_free(EgExamples *ex)
{
  if (!ex)
    return;
  g_string_chunk_free(ex->chunk);
  g_hash_table_unref(ex->set);
  if (ex->probe)
    g_string_free(ex->probe, TRUE);
  g_free(ex);
}

static guint32
example_refs(const char *key)
{
  guint32 refs;
  memcpy(&refs, key - EXAMPLE_REFS, sizeof refs);
  return refs;
}

static void
example_refs_set(char *key, guint32 refs)
{
  memcpy(key - EXAMPLE_REFS, &refs, sizeof refs);
}

/* One more reference to the stored example KEY; returns KEY. */
static char *
example_ref(char *key)
{
  example_refs_set(key, example_refs(key) + 1);
  return key;
}

/* The stored KEY (KLEN bytes) followed by TEXT (LEN bytes), one more reference to it; with
 * INDEX FALSE, a new record of it that the set does not hold (the caller knows no record of
 * KEY can exist yet, see EgExamples). */
static char *
example_intern(EgExamples *ex, const char *key, gsize klen, const char *text, gsize len,
               gboolean index)
{
  if (!ex->probe)
    ex->probe = g_string_sized_new(EXAMPLE_REFS + 64 + EG_EXAMPLE_MAX + 8);
  GString *p = ex->probe;
  g_string_set_size(p, EXAMPLE_REFS + klen + 1 + len + 1);
  char *at = p->str + EXAMPLE_REFS;
  memcpy(at, key, klen);
  at[klen] = '\0';
  memcpy(at + klen + 1, text, len);
  at[klen + 1 + len] = '\0';
  gpointer found;
  if (index && g_hash_table_lookup_extended(ex->set, at, &found, NULL))
    return example_ref(found);
  char *rec = g_string_chunk_insert_len(ex->chunk, p->str, (gssize)p->len) + EXAMPLE_REFS;
  example_refs_set(rec, index ? 1 : 1 | EXAMPLE_UNINDEXED);
  ex->bytes += p->len + 1;
  if (index)
    g_hash_table_add(ex->set, rec);
  return rec;
}

/* One reference fewer to the stored example KEY (NULL: none). */
static void
example_release(EgExamples *ex, char *key)
{
  if (!key)
    return;
  guint32 refs = example_refs(key) - 1;
  example_refs_set(key, refs);
  if ((refs & ~EXAMPLE_UNINDEXED) > 0)
    return;
  if (!(refs & EXAMPLE_UNINDEXED))
    g_hash_table_remove(ex->set, key);
  gsize klen = strlen(key);
  ex->waste += EXAMPLE_REFS + klen + 1 + strlen(key + klen + 1) + 1 + 1;
}

/* Moves C's live examples to a new chunk once the old one is more waste than examples. Records
 * move: called only where no record pointer is kept across (end of a part, a merge, a pair). */
static void
examples_compact(EgCounts *c)
{
  EgExamples *old = c->examples;
  if (!old || old->waste < (1u << 20) || old->waste < old->bytes - old->waste)
    return;
  EgExamples *ex = c->examples = examples_new();
  for (guint b = 0; b < c->pair_blocks->len; b++) {
    EgPairCounts *block = c->pair_blocks->pdata[b];
    guint n = pair_block_len(c, b);
    for (guint i = 0; i < n; i++) {
      EgPairCounts *pc = &block[i];
      if (!pc->example_key)
        continue;
      gsize klen = strlen(pc->example_key);
      pc->example_key = example_intern(ex, pc->example_key, klen, pc->example, strlen(pc->example),
                                        TRUE);
      pc->example = pc->example_key + klen + 1;
    }
  }
  examples_free(old);
}

static EgExamples *
examples_of(EgCounts *c)
{
  if (!c->examples)
    c->examples = examples_new();
  return c->examples;
}

/* Makes the stored example REC (a reference the caller gives up; its key is KLEN bytes) the
 * example of PC, a pair of C. */
static void
example_hold(EgCounts *c, EgPairCounts *pc, char *rec, gsize klen)
{
  char *old = pc->example_key;
  pc->example_key = rec;
  pc->example = rec + klen + 1;
  example_release(c->examples, old);
}

/* Makes KEY (KLEN bytes) and TEXT[0, LEN) the example of PC, a pair of C. */
static void
example_set(EgCounts *c, EgPairCounts *pc, const char *key, gsize klen, const char *text, gsize len)
{
  example_hold(c, pc, example_intern(examples_of(c), key, klen, text, len, TRUE), klen);
}

static void
example_offer(EgCounts *c, EgPairCounts *pc, const char *key, const char *text)
{
  if (key && text && example_smaller(pc, key, text))
    example_set(c, pc, key, strlen(key), text, strlen(text));
}

EgPairCounts *
eg_counts_add_pair(EgCounts *c, const char *a, const char *b, guint64 windows, guint64 documents,
                   const char *example_key, const char *example)
{
  g_return_val_if_fail(c != NULL && a != NULL && b != NULL, NULL);
  guint x = counts_label(c, a)->id, y = counts_label(c, b)->id;
  g_return_val_if_fail(x != y, NULL);
  EgPairCounts *pc = pair_slot(c, x, y);
  pc->windows += windows;
  pc->documents += documents;
  example_offer(c, pc, example_key, example);
  examples_compact(c);
  return pc;
}

/* Writes V in decimal to OUT, zero-padded to WIDTH digits; returns the length written
 * (printf's "%0*u": a key per document part made printf a third of the cost of finding
 * examples). */
static gsize
put_padded(char *out, guint v, guint width)
{
  char digits[EG_U64_DIGITS];
  gsize n = eg_u64_digits(digits, v), at = 0;
  for (gsize pad = n; pad < width; pad++)
    out[at++] = '0';
  memcpy(out + at, digits, n);
  return at + n;
}

/* Room example_key_put needs for a document id of ID_LEN bytes. */
#define EXAMPLE_KEY_ROOM(id_len) ((id_len) + 12 + 1 + 10 + 1 + 10 + 1)

/* Writes eg_counts_example_key(DOC_ID, PART, SENTENCE) and a NUL to OUT, which has
 * EXAMPLE_KEY_ROOM bytes, and returns its length: counting writes the key of every document
 * part into a buffer it reuses. Its last ten bytes are the sentence's digits. */
static gsize
example_key_put(char *out, const char *doc_id, guint part, guint sentence)
{
  gsize id_len = doc_id ? strlen(doc_id) : 0, n = 0;
  for (gsize i = 0; i < id_len; i++) {
    char c = doc_id[i];
    out[n++] = (guchar)c < 0x20 || c == 0x7f ? ' ' : c;
  }
  gsize digits = 0;
  while (digits < n && g_ascii_isdigit(out[n - 1 - digits]))
    digits++;
  if (digits > 0 && digits < 12) {
    gsize pad = 12 - digits;
    memmove(out + n - digits + pad, out + n - digits, digits);
    memset(out + n - digits, '0', pad);
    n += pad;
  }
  out[n++] = '\t';
  n += put_padded(out + n, part, 5);
  out[n++] = '.';
  n += put_padded(out + n, sentence, 10);
  out[n] = '\0';
  return n;
}

char *
eg_counts_example_key(const char *doc_id, guint part, guint sentence)
{
  char *k = g_malloc(EXAMPLE_KEY_ROOM(doc_id ? strlen(doc_id) : 0));
  example_key_put(k, doc_id, part, sentence);
  return k;
}

/* A pair of one document part by entity indices (I < J into the resolution's entities): the
 * part's pairs are collected as small integers and each is looked up in the corpus table once
 * per part, not once per window and sentence. */
typedef struct {
  guint64 ids;                  /* I << 32 | J: sorts by I, then J */
  guint64 windows;              /* windows of this part the two share */
  guint32 sentence;             /* the first sentence naming both, or NO_SENTENCE */
  guint32 names_from, names_to; /* byte range of their first names in that sentence */
  EgPairCounts *pc;             /* its counts in the corpus */
  gint32 prefix_order;          /* the part's keys against PC's example key, but for the last
                                   ten digits: < 0 before it, 0 equal, > 0 after; or no example */
} DocPair;

#define NO_SENTENCE G_MAXUINT32
/* The sentence of a pair whose example no sentence of the part can replace: none is looked for. */
#define NO_EXAMPLE (G_MAXUINT32 - 1)

/* One sentence of a document part as examples need it, made at most once however many pairs it
 * serves. */
typedef struct {
  gsize text_at;              /* where its text, white space collapsed, starts in the part's
                                 SENTENCES buffer, once MADE */
  gsize len;
  guint32 *map_from, *map_to; /* see collapse_space; only for a text over EG_EXAMPLE_MAX bytes */
  guint32 from, to;           /* its byte range (from >= to: no tokens), once RANGED */
  gboolean ranged, made, numbered;
  char digits[10];            /* the last ten digits of its key, once NUMBERED */
  char *example;              /* its stored example, once a pair took it whole (the pairs of
                                 a long sentence have examples of their own) */
} SentenceText;

/* Buffers counting reuses from one document part to the next, so that a part costs no
 * allocation once the largest part has been seen: they grow with the largest part, never with
 * the corpus (SEEN grows with the entities). One per counts a thread counts into. */
struct EgCountScratch {
  EgEntityCounts **ents;      /* the part's entities' counts, by entity index */
  guint *ids;                 /* a window's entity indices */
  guint8 *seen;               /* by entity id: in this part already (labels_repeat) */
  struct SentenceMark *marks; /* by entity index: in the long sentence being searched */
  guint32 mark_gen;           /* the long sentence's number in MARKS (never 0) */
  gsize ents_cap, ids_cap, seen_cap, marks_cap;
  GArray *occurrences;        /* of guint64: pairs of indices, a pair per window they share */
  GArray *pairs;              /* of DocPair */
  GArray *sort_tmp;           /* of guint64, for sort_pairs */
  GArray *sort_at;            /* of guint, for sort_pairs */
  GArray *texts;              /* of SentenceText, one per sentence of the part */
  GString *sentences;         /* the texts of the sentences made (SentenceText.text_at) */
  GString *example;           /* an example cut from a long sentence */
  GString *key;               /* the example key of the part's sentences */
};

/* C's working buffers (transfer none: freed with C), made on first use: a thread's counts
 * count thousands of documents, and reusing their buffers spares a dozen allocations each. */
static EgCountScratch *
scratch_get(EgCounts *c)
{
  if (!c->scratch) {
    EgCountScratch *s = c->scratch = g_new0(EgCountScratch, 1);
    s->occurrences = g_array_new(FALSE, FALSE, sizeof(guint64));
    s->pairs = g_array_new(FALSE, FALSE, sizeof(DocPair));
    s->sort_tmp = g_array_new(FALSE, FALSE, sizeof(guint64));
    s->sort_at = g_array_new(FALSE, FALSE, sizeof(guint));
    s->texts = g_array_new(FALSE, FALSE, sizeof(SentenceText));
    s->sentences = g_string_sized_new(4096);
    s->example = g_string_sized_new(EG_EXAMPLE_MAX + 1);
    s->key = g_string_sized_new(64);
  }
  return c->scratch;
}

static void
scratch_free(EgCountScratch *s)
{
  if (!s)
    return;
  g_free(s->ents);
  g_free(s->ids);
  g_free(s->seen);
  g_free(s->marks);
  g_array_unref(s->occurrences);
  g_array_unref(s->pairs);
  g_array_unref(s->sort_tmp);
  g_array_unref(s->sort_at);
  g_array_unref(s->texts);
  g_string_free(s->sentences, TRUE);
  g_string_free(s->example, TRUE);
  g_string_free(s->key, TRUE);
  g_free(s);
}

/* Makes *BUF (of *CAP elements of SIZE bytes) hold at least N elements; keeps nothing. */
static gpointer
scratch_room(gpointer *buf, gsize *cap, gsize n, gsize size)
{
  if (n > *cap) {
    *cap = MAX(n, 2 * *cap);
    g_free(*buf);
    *buf = g_malloc0_n(*cap, size);
  }
  return *buf;
}

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

/* Sorts V[0, n): windows and documents hold a handful of names, for which an insertion sort
 * costs less than the call of qsort. */
static void
sort_uint(guint *v, guint n)
{
  if (n > 16) {
    qsort(v, n, sizeof *v, cmp_uint);
    return;
  }
  for (guint i = 1; i < n; i++) {
    guint x = v[i], j = i;
    for (; j > 0 && v[j - 1] > x; j--)
      v[j] = v[j - 1];
    v[j] = x;
  }
}

/* Sorts the pairs V[0, n), each I << 32 | J with I, J < N_ENT: by insertion when they are
 * few, else by two stable counting passes (by J, then by I), linear where qsort's calls of a
 * comparison were most of the sort. */
static void
sort_pairs(guint64 *v, guint n, guint n_ent, EgCountScratch *sc)
{
  if (n <= 16) {
    for (guint i = 1; i < n; i++) {
      guint64 x = v[i];
      guint j = i;
      for (; j > 0 && v[j - 1] > x; j--)
        v[j] = v[j - 1];
      v[j] = x;
    }
    return;
  }
  g_array_set_size(sc->sort_tmp, n);
  g_array_set_size(sc->sort_at, n_ent + 1);
  guint64 *tmp = (guint64 *)(void *)sc->sort_tmp->data;
  guint *at = (guint *)(void *)sc->sort_at->data;
  for (int pass = 0; pass < 2; pass++) {
    const guint64 *from = pass ? tmp : v;
    guint64 *to = pass ? v : tmp;
    guint shift = pass ? 32 : 0;
    memset(at, 0, ((gsize)n_ent + 1) * sizeof *at);
    for (guint i = 0; i < n; i++)
      at[(guint32)(from[i] >> shift) + 1]++;
    for (guint k = 0; k < n_ent; k++)
      at[k + 1] += at[k];
    for (guint i = 0; i < n; i++)
      to[at[(guint32)(from[i] >> shift)]++] = from[i];
  }
}

/* Counts one window's distinct entities (ENTS: their counts by entity index; V[0, n): the
 * window's entity indices, reordered) once each, and appends each unordered pair of them to
 * OCCURRENCES as I << 32 | J, unless they are more than C's max_entities (C->crowded counts
 * such windows). */
static void
counts_flush_window(EgCounts *c, EgEntityCounts **ents, guint *v, guint n_ids, GArray *occurrences)
{
  if (n_ids == 0)
    return;
  sort_uint(v, n_ids);
  guint n = 0;
  for (guint i = 0; i < n_ids; i++)
    if (n == 0 || v[n - 1] != v[i])
      v[n++] = v[i];
  if (n == 1 || n > c->max_entities) { /* most windows name one entity */
    for (guint i = 0; i < n; i++)
      ents[v[i]]->windows++;
    c->crowded += n > 1;
    return;
  }
  /* In a guint: n is at most EG_WINDOW_MAX_ENTITIES_CAP, and a part of 1 MiB holds too few
   * windows that full for their pairs to reach 2^32 (66,000 names in one window did, before
   * the cap). */
  guint at = occurrences->len;
  g_array_set_size(occurrences, at + n * (n - 1) / 2);
  guint64 *occ = (guint64 *)(void *)occurrences->data;
  for (guint i = 0; i < n; i++) {
    ents[v[i]]->windows++;
    for (guint j = i + 1; j < n; j++)
      occ[at++] = (guint64)v[i] << 32 | v[j];
  }
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

/* As parts_first_time, for the pair of labels A and B (which differ). */
static gboolean
parts_first_pair(EgDocParts *parts, const char *a, const char *b)
{
  if (!parts)
    return TRUE;
  g_autofree char *key = strcmp(a, b) < 0 ? g_strconcat(a, "\x1f", b, NULL)
                                          : g_strconcat(b, "\x1f", a, NULL);
  return parts_first_time(parts, key);
}

void
eg_counts_add_document(EgCounts *c, const EgDocument *doc, const EgSegmentation *seg,
                       GArray *mentions, const EgResolution *res)
{
  eg_counts_add_part(c, doc, seg, mentions, res, NULL, TRUE);
}

/* What a byte may start, for collapse_space_fast: nothing special (0), ASCII white space (1,
 * as g_ascii_isspace), or white space other than ASCII's (2: U+0085, U+00A0, U+1680,
 * U+2000-U+205F, U+3000 start so; no other lead byte does). */
static const guint8 space_class[256] = {
  ['\t'] = 1, ['\n'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
  [0xC2] = 2, [0xE1] = 2, [0xE2] = 2, [0xE3] = 2
};

/* collapse_space without the maps, for every sentence that serves an example: one table look
 * a byte, and only the lead bytes of wide spaces are decoded. The output holds no white space
 * but the spaces written here, so a space is written when a run of white space starts (and
 * the last one taken back at the end). */
static gsize
collapse_space_fast(char *out, const char *text, guint32 from, guint32 to)
{
  guchar *restrict o = (guchar *)out;
  const guchar *restrict p = (const guchar *)text + from;
  const guchar *const end = (const guchar *)text + to;
  const guint64 ones = G_GUINT64_CONSTANT(0x0101010101010101), highs = ones * 0x80;
  while (p < end) {
    /* Eight bytes at a time while they are ASCII, hold no control character and no two
     * spaces in a row, and do not start a space after a space or at the start: copied as
     * they are, they are their own output. The tests may only err towards the byte loop. */
    while (end - p >= 8) {
      guint64 x;
      memcpy(&x, p, 8);
      guint64 sp = x ^ (ones * ' ');
      guint64 spaces = (sp - ones) & ~sp & highs;        /* a superset of the spaces */
      guint64 low = (x - ones * ' ') & ~x & highs;        /* any byte below ' ' */
      if ((x & highs) || low || (spaces & (spaces >> 8)) ||
          (*p == ' ' && (o == (guchar *)out || o[-1] == ' ')))
        break;
      memcpy(o, &x, 8);
      o += 8;
      p += 8;
    }
    if (p >= end)
      break;
    guchar c = *p;
    guint8 k = space_class[c];
    if (G_LIKELY(k == 0)) {
      *o++ = c;
      p++;
      continue;
    }
    gsize n = 1;
    gboolean white = TRUE;
    if (k == 2) {
      n = (gsize)g_utf8_skip[c];
      white = g_unichar_isspace(g_utf8_get_char((const char *)p));
      n = MIN(n, (gsize)(end - p));
    }
    if (white) {
      if (o > (guchar *)out && o[-1] != ' ')
        *o++ = ' ';
    } else {
      memcpy(o, p, n);
      o += n;
    }
    p += n;
  }
  if (o > (guchar *)out && o[-1] == ' ')
    o--;
  return (gsize)(o - (guchar *)out);
}

/* Writes TEXT[from, to) (UTF-8) to OUT, which has room for to - from bytes, with every run of
 * white space (Unicode's: line breaks, tabs, no-break spaces...) as one space, none at the ends;
 * returns the length written. MAP_FROM and MAP_TO (NULL, or to - from entries each) receive for
 * every input byte the output position of a name that starts, or ends, at it. */
static gsize
collapse_space(char *out, const char *text, guint32 from, guint32 to, guint32 *map_from,
               guint32 *map_to)
{
  if (!map_from)
    return collapse_space_fast(out, text, from, to);
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

/* Sets the byte range of sentence S (< SEG's n_sentences) in TEXTS[S], once. Sentence numbers
 * grow with the token index (text.h) and tokens come in text order, so its tokens are one run,
 * found by two binary searches; the run's first token starts it, its last ends it. Only
 * sentences that name two entities are looked at, not every token of the document. */
static void
sentence_range(const EgSegmentation *seg, SentenceText *texts, guint32 s)
{
  SentenceText *st = &texts[s];
  if (st->ranged)
    return;
  st->ranged = TRUE;
  const EgToken *tok = (const EgToken *)(void *)seg->tokens->data;
  guint lo = 0, hi = seg->tokens->len;
  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;
    if (tok[mid].sentence < s)
      lo = mid + 1;
    else
      hi = mid;
  }
  guint end = lo;
  hi = seg->tokens->len;
  while (end < hi) {
    guint mid = end + (hi - end) / 2;
    if (tok[mid].sentence <= s)
      end = mid + 1;
    else
      hi = mid;
  }
  if (end > lo) {
    st->from = tok[lo].start;
    st->to = tok[end - 1].end;
  } else {
    st->from = G_MAXUINT32;
    st->to = 0;
  }
}

/* The example from the sentence ST, TEXT[from, to), whose two names lie in
 * [names_from, names_to): white space collapsed; longer than EG_EXAMPLE_MAX bytes, cut around the
 * names at character boundaries, each cut marked with "…"; names further apart than that keep
 * the start of the first and the end of the second with the middle cut out. Sets *LEN to its
 * length and returns it, NUL-terminated: the sentence itself in SENTENCES when it is short,
 * else written to R. Good until SENTENCES or R next change. */
static const char *
sentence_example(SentenceText *st, GString *sentences, const char *text, guint32 from, guint32 to,
                 guint32 names_from, guint32 names_to, GString *r, gsize *len_out)
{
  if (!st->made) {
    st->made = TRUE;
    st->text_at = sentences->len;
    g_string_set_size(sentences, st->text_at + (to - from) + 1);
    char *out = sentences->str + st->text_at;
    st->len = collapse_space(out, text, from, to, NULL, NULL);
    if (st->len > EG_EXAMPLE_MAX) {
      st->map_from = g_new(guint32, to - from);
      st->map_to = g_new(guint32, to - from);
      collapse_space(out, text, from, to, st->map_from, st->map_to);
    }
    g_string_set_size(sentences, st->text_at + st->len + 1); /* its NUL ends it */
  }
  const char *s = sentences->str + st->text_at;
  gsize len = st->len;
  if (len <= EG_EXAMPLE_MAX) {
    *len_out = len;
    return s;
  }
  g_string_truncate(r, 0);
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
    if (nf > 0)
      g_string_append(r, "…");
    g_string_append_len(r, s + nf, (gssize)(a_end - nf));
    g_string_append(r, " … ");
    g_string_append_len(r, s + b_start, (gssize)(nt - b_start));
    if (nt < len)
      g_string_append(r, "…");
    *len_out = r->len;
    return r->str;
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
  if (start > 0)
    g_string_append(r, "…");
  g_string_append_len(r, s + start, (gssize)(end - start));
  if (end < len)
    g_string_append(r, "…");
  *len_out = r->len;
  return r->str;
}

/* An entity's first mention in the long sentence numbered GEN (see counts_find_examples). */
struct SentenceMark {
  guint32 gen;
  guint first;
};

/* A sentence of more mentions than this finds its distinct entities by marks, not by a walk
 * over those found so far, and the pairs it names by a walk over the part's pairs when that is
 * the shorter: both walks are quadratic in its entities, and 30,000 names in one sentence made
 * 450 million steps of each (six seconds on 400 KB). */
#define SENTENCE_FEW_MENTIONS 64u

/* Makes DP's example sentence SENTENCE, where the two names are mentions KA and KB. */
static inline void
doc_pair_name(DocPair *dp, GArray *mentions, guint32 sentence, guint ka, guint kb)
{
  const EgMention *ma = &g_array_index(mentions, EgMention, ka);
  const EgMention *mb = &g_array_index(mentions, EgMention, kb);
  dp->sentence = sentence;
  dp->names_from = MIN(ma->start, mb->start);
  dp->names_to = MAX(ma->end, mb->end);
}

/* Gives each pair of PAIRS (sorted by ids) without a sentence (NO_SENTENCE; LEFT of them) the
 * first sentence of this part that names both and at most MAX entities, and the byte range of
 * their first names in it. TEXTS: per sentence, its range (sentence_range). FIRST: room for a
 * guint per mention. */
static void
counts_find_examples(EgCountScratch *sc, const EgSegmentation *seg, GArray *mentions,
                     const EgResolution *res, GArray *pairs, SentenceText *texts, guint left,
                     guint *first, guint max)
{
  const guint *ment_ent = (const guint *)res->mention_entity->data;
  for (guint k = 0; k < mentions->len && left > 0;) {
    guint32 sentence = g_array_index(mentions, EgMention, k).sentence;
    guint end = k;
    while (end < mentions->len && g_array_index(mentions, EgMention, end).sentence == sentence)
      end++;
    guint n_first = 0;
    struct SentenceMark *marks = NULL;
    if (end - k <= SENTENCE_FEW_MENTIONS) {
      for (; k < end; k++) {
        gboolean seen = FALSE;
        for (guint i = 0; i < n_first && !seen; i++)
          seen = ment_ent[first[i]] == ment_ent[k];
        if (!seen)
          first[n_first++] = k;
      }
    } else {
      marks = scratch_room((gpointer *)&sc->marks, &sc->marks_cap, res->entities->len,
                           sizeof *marks);
      if (++sc->mark_gen == 0) { /* after 2^32 long sentences: no mark may look current */
        memset(marks, 0, sc->marks_cap * sizeof *marks);
        sc->mark_gen = 1;
      }
      for (; k < end; k++) {
        struct SentenceMark *m = &marks[ment_ent[k]];
        if (m->gen != sc->mark_gen) {
          m->gen = sc->mark_gen;
          m->first = k;
          first[n_first++] = k;
        }
      }
    }
    if (n_first < 2 || n_first > max || sentence >= seg->n_sentences)
      continue;
    sentence_range(seg, texts, sentence);
    if (texts[sentence].from >= texts[sentence].to)
      continue;
    DocPair *dps = (DocPair *)(void *)pairs->data;
    if (marks && (guint64)n_first * (n_first - 1) / 2 > pairs->len) {
      for (guint p = 0; p < pairs->len && left > 0; p++) {
        DocPair *dp = &dps[p];
        const struct SentenceMark *a = &marks[dp->ids >> 32], *b = &marks[(guint32)dp->ids];
        if (dp->sentence != NO_SENTENCE || a->gen != sc->mark_gen || b->gen != sc->mark_gen)
          continue;
        doc_pair_name(dp, mentions, sentence, a->first, b->first);
        left--;
      }
      continue;
    }
    for (guint i = 0; i < n_first; i++)
      for (guint j = i + 1; j < n_first; j++) {
        guint ka = first[i], kb = first[j];
        guint ea = ment_ent[ka], eb = ment_ent[kb];
        guint64 ids = (guint64)MIN(ea, eb) << 32 | MAX(ea, eb);
        DocPair *dp = bsearch(&ids, dps, pairs->len, sizeof(DocPair), cmp_doc_pair);
        if (!dp || dp->sentence != NO_SENTENCE)
          continue; /* sentences come in order: the first is this part's least */
        doc_pair_name(dp, mentions, sentence, ka, kb);
        left--;
      }
  }
}

/* Whether two of the N entities ENTS share a label (resolution gives distinct labels; then a
 * pair of labels may stand for more than one pair of entities). SEEN: a zeroed flag per entity
 * id of their counts, left zeroed. */
static gboolean
labels_repeat(EgEntityCounts **ents, guint n, guint8 *seen)
{
  gboolean repeat = FALSE;
  for (guint i = 0; i < n; i++) {
    repeat = repeat || seen[ents[i]->id];
    seen[ents[i]->id] = 1;
  }
  for (guint i = 0; i < n; i++)
    seen[ents[i]->id] = 0;
  return repeat;
}

void
eg_counts_add_part(EgCounts *c, const EgDocument *doc, const EgSegmentation *seg, GArray *mentions,
                   const EgResolution *res, EgDocParts *parts, gboolean first)
{
  g_return_if_fail(c != NULL && seg != NULL && mentions != NULL && res != NULL);
  /* The buffers of the counts counted into, not of a period's: one set per thread. */
  EgCountScratch *sc = scratch_get(c);
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

  guint n_ent = res->entities->len, old_ids = c->n_ids;
  EgEntityCounts **ents = scratch_room((gpointer *)&sc->ents, &sc->ents_cap, n_ent + 1, sizeof *ents);
  for (guint i = 0; i < n_ent; i++) {
    const EgDocEntity *d = res->entities->pdata[i];
    EgEntityCounts *e = ents[i] = eg_counts_entity(c, d->label);
    e->mentions += d->mentions;
    if (parts_first_time(parts, d->label))
      e->documents++;
    for (guint t = 0; t < EG_N_TYPES; t++)
      e->votes[t] += d->votes[t];
    for (guint s = 0; s < d->n_surfaces; s++)
      eg_entity_counts_add_surface(c, e, d->surfaces[s].surface, d->surfaces[s].count);
  }

  guint *ids = scratch_room((gpointer *)&sc->ids, &sc->ids_cap, mentions->len + 1, sizeof *ids);
  guint n_ids = 0;
  GArray *occurrences = sc->occurrences;
  g_array_set_size(occurrences, 0);
  guint32 window = 0;
  guint64 crowded = c->crowded;
  const guint *ment_ent = (const guint *)(void *)res->mention_entity->data;
  for (guint k = 0; k < mentions->len; k++) {
    const EgMention *m = &g_array_index(mentions, EgMention, k);
    guint32 w = window_of(c, m);
    if (w != window) {
      counts_flush_window(c, ents, ids, n_ids, occurrences);
      n_ids = 0;
    }
    window = w;
    ids[n_ids++] = ment_ent[k];
  }
  counts_flush_window(c, ents, ids, n_ids, occurrences);
  if (c->crowded != crowded && doc && doc->id) {
    g_autofree char *key = eg_counts_example_key(doc->id, doc->part, 0);
    crowded_note(c, key, doc->id);
  }
  if (occurrences->len == 0)
    return;

  /* The part's distinct pairs, each with the windows it shares. */
  sort_pairs((guint64 *)(void *)occurrences->data, occurrences->len, n_ent, sc);
  GArray *pairs = sc->pairs;
  g_array_set_size(pairs, occurrences->len);
  DocPair *dps = (DocPair *)(void *)pairs->data;
  guint n_pairs = 0;
  const guint64 *occ = (const guint64 *)(void *)occurrences->data;
  for (guint k = 0; k < occurrences->len; k++) {
    if (k > 0 && occ[k] == occ[k - 1]) {
      dps[n_pairs - 1].windows++;
      continue;
    }
    DocPair dp = { occ[k], 1, NO_SENTENCE, 0, 0, NULL, -1 };
    dps[n_pairs++] = dp;
  }
  g_array_set_size(pairs, n_pairs);

  /* Each pair counts the document once, even when its parts are counted apart (pair keys hold a
   * \x1f and labels never do, so they share the parts' set of labels) or when two entities of
   * the part share a label. */
  guint8 *seen = scratch_room((gpointer *)&sc->seen, &sc->seen_cap, c->n_ids, 1);
  g_autoptr(GHashTable) counted = labels_repeat(ents, n_ent, seen)
                                      ? g_hash_table_new(g_direct_hash, g_direct_equal) : NULL;
  /* The keys of one part differ in their last ten digits, the sentence's: a pair whose example
   * has a key before the rest is kept whatever sentence names it here, and the sentences are
   * searched only for the others (in a corpus read in the order of its ids, most pairs of a
   * document met before). Compared as each pair is found, while its counts are at hand. */
  gboolean examples = doc && seg->n_sentences > 0;
  char *key = NULL;
  gsize key_len = 0, prefix_len = 0;
  if (examples) {
    g_string_set_size(sc->key, EXAMPLE_KEY_ROOM(doc->id ? strlen(doc->id) : 0));
    key = sc->key->str;
    key_len = example_key_put(key, doc->id, doc->part, 0);
    prefix_len = key_len - 10;
  }
  guint open = 0;
  for (guint k = 0; k < n_pairs; k++) {
    DocPair *dp = &dps[k];
    const EgEntityCounts *a = ents[dp->ids >> 32], *b = ents[(guint32)dp->ids];
    /* A pair with an entity this part made is new, unless two entities of the part share a
     * label (COUNTED): not looked for (most new pairs of a corpus name a new entity). */
    EgPairCounts *pc = dp->pc = MAX(a->id, b->id) >= old_ids && !counted
                                    ? pair_new(c, a->id, b->id) : pair_slot(c, a->id, b->id);
    pc->windows += dp->windows;
    if ((!counted || g_hash_table_add(counted, pc)) && parts_first_pair(parts, a->label, b->label))
      pc->documents++;
    if (!examples)
      continue;
    int o = pc->example_key ? strncmp(pc->example_key, key, prefix_len) : 1;
    dp->prefix_order = (o < 0) - (o > 0);
    if (dp->prefix_order > 0)
      dp->sentence = NO_EXAMPLE;
    else
      open++;
  }
  if (open == 0)
    return;
  guint32 key_sentence = 0;
  g_array_set_size(sc->texts, seg->n_sentences);
  SentenceText *texts = (SentenceText *)(void *)sc->texts->data;
  memset(texts, 0, seg->n_sentences * sizeof *texts);
  g_string_truncate(sc->sentences, 0);
  /* A crowded sentence lies in a crowded window, unless windows are runs of words: its pairs were
   * not counted there, and a list is no evidence for a pair counted elsewhere. */
  counts_find_examples(sc, seg, mentions, res, pairs, texts, open, ids,
                       c->window == EG_WINDOW_TOKENS ? G_MAXUINT : c->max_entities);

  for (guint k = 0; k < n_pairs; k++) {
    const DocPair *dp = &dps[k];
    if (dp->sentence >= NO_EXAMPLE)
      continue;
    EgPairCounts *pc = dp->pc;
    SentenceText *st = &texts[dp->sentence];
    if (key_sentence != dp->sentence) {
      key_sentence = dp->sentence;
      if (!st->numbered) {
        st->numbered = TRUE;
        put_padded(st->digits, dp->sentence, 10);
      }
      memcpy(key + prefix_len, st->digits, 10);
    }
    /* The key compares first: build the sentence only when it can be the pair's example (a key
     * before the example's in its prefix is before it whatever its digits; but a pair met twice
     * in this part, labels repeating as COUNTED says, may have had its example set since its
     * prefix_order was taken, and then only the full comparison is right). */
    int order = !pc->example_key ? -1
                : dp->prefix_order < 0 && !counted ? -1
                : strcmp(key, pc->example_key);
    if (order > 0)
      continue;
    gsize len;
    const char *example = sentence_example(st, sc->sentences, doc->text, st->from, st->to,
                                           dp->names_from, dp->names_to, sc->example, &len);
    if (order == 0 && strcmp(example, pc->example) >= 0)
      continue;
    /* A whole sentence is one example for all its pairs: looked up once. */
    gboolean whole = st->len <= EG_EXAMPLE_MAX;
    char *rec = whole && st->example ? example_ref(st->example)
                                     : example_intern(examples_of(c), key, key_len, example, len,
                                                      !whole);
    if (whole)
      st->example = rec;
    example_hold(c, pc, rec, key_len);
  }
  examples_compact(c);
  for (guint s = 0; s < seg->n_sentences; s++)
    if (texts[s].map_from) {
      g_free(texts[s].map_from);
      g_free(texts[s].map_to);
    }
}

/* Adds FROM into INTO; with TAKE, the periods INTO lacks are moved out of FROM instead of
 * copied (FROM is then only fit to be freed). Both merges go through here, so they cannot drift
 * apart. Labels, forms and examples are copied into INTO's strings either way: a copy costs less
 * than the lookup that finds where it goes, and FROM's memory then goes back whole. */
static gboolean
counts_merge(EgCounts *into, EgCounts *from, gboolean take, GError **error)
{
  if (into->window != from->window || into->window_size != from->window_size ||
      into->paragraphs != from->paragraphs || into->max_entities != from->max_entities ||
      into->slice != from->slice) {
    g_autofree char *a = eg_counts_header(into), *b = eg_counts_header(from);
    g_set_error(error, EG_ERROR, EG_ERROR_HEADER, "counts made with '%s' and '%s' cannot be merged", a, b);
    return FALSE;
  }
  /* FROM's ids in INTO: entities, then labels only pairs name. */
  g_autofree guint *id_in = g_new(guint, from->n_ids + 1);
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, from->entities);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    EgEntityCounts *f = v;
    EgEntityCounts *e = eg_counts_entity(into, f->label);
    id_in[f->id] = e->id;
    e->mentions += f->mentions;
    e->documents += f->documents;
    e->windows += f->windows;
    for (guint t = 0; t < EG_N_TYPES; t++)
      e->votes[t] += f->votes[t];
    for (guint i = 0; i < f->n_surfaces; i++)
      eg_entity_counts_add_surface(into, e, f->surfaces[i].text, f->surfaces[i].count);
  }
  if (from->labels_only) {
    g_hash_table_iter_init(&it, from->labels_only);
    while (g_hash_table_iter_next(&it, &k, &v))
      id_in[((EgEntityCounts *)v)->id] = counts_label(into, k)->id;
  }
  /* Pairs in the order they were made, a block at a time: the pairs of one sentence are
   * neighbours and share its example, which is then looked up in INTO once (LAST_FROM, LAST_INTO:
   * the example last copied, held by the pair before). Sums and minima: order is free. */
  const char *last_from = NULL;
  char *last_into = NULL;
  for (guint b = 0; b < from->pair_blocks->len; b++) {
    EgPairCounts *block = from->pair_blocks->pdata[b];
    guint n = pair_block_len(from, b);
    for (guint i = 0; i < n; i++) {
      const EgPairCounts *f = &block[i];
      EgPairCounts *pc = pair_slot(into, id_in[f->a], id_in[f->b]);
      pc->windows += f->windows;
      pc->documents += f->documents;
      if (!f->example_key || !example_smaller(pc, f->example_key, f->example))
        continue;
      /* Copied, not moved, with or without TAKE: FROM's examples are freed a chunk at a time. */
      gsize klen = (gsize)(f->example - f->example_key) - 1;
      if (f->example_key == last_from) {
        example_ref(last_into);
      } else {
        last_from = f->example_key;
        last_into = example_intern(examples_of(into), f->example_key, klen, f->example,
                                   strlen(f->example), TRUE);
      }
      example_hold(into, pc, last_into, klen);
    }
  }
  examples_compact(into);
  into->documents += from->documents;
  into->windows += from->windows;
  into->crowded += from->crowded;
  if (from->crowded_key)
    crowded_note(into, from->crowded_key, from->crowded_doc);
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
