/* consolidate.c: corpus-level decisions on summed counts, and the nodes and edges they give.
 *
 * Runs after all counting, on counts alone, so a threaded run, merged partial counts and a
 * single run take the same decisions. Every decision walks labels in byte order, never hash or
 * id order: names are sorted once (eg_merges_new), and after that ordered by their index among
 * the sorted names, an integer; only sums and minimums see names or pairs in table order.
 */
#include "cooc/cooc.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  const EgEntityCounts *e;
  char *key;
  char *acronym;
  char *initials;             /* only of an organisation or place: nothing else takes acronyms */
  gsize key_len;
  guint n_words;
  EgEntityType type;          /* by its own votes */
} Item;

/* The entities of C (not the labels only pairs name), in no set order, into OUT (room for
 * all). Returns their number. */
static guint
entities_collect(const EgCounts *c, const EgEntityCounts **out)
{
  guint n = g_hash_table_size(c->entities), i = 0;
  if (c->n_ids == n) { /* every id is an entity: walk the blocks, not the table */
    for (guint id = 0; id < n; id++)
      out[i++] = eg_counts_entity_by_id(c, id);
    return i;
  }
  GHashTableIter it;
  gpointer v;
  g_hash_table_iter_init(&it, c->entities);
  while (g_hash_table_iter_next(&it, NULL, &v))
    out[i++] = v;
  return i;
}

/* The entities of C in byte order of their labels (transfer container): walking them needs no
 * lookup of the label again. */
static const EgEntityCounts **
entities_sorted(const EgCounts *c)
{
  guint n = g_hash_table_size(c->entities);
  const EgEntityCounts **ents = g_new(const EgEntityCounts *, n + 1);
  entities_collect(c, ents);
  g_autofree EgStrKey *keys = g_new(EgStrKey, n + 1);
  for (guint i = 0; i < n; i++)
    keys[i] = eg_str_key(ents[i]->label, i);
  eg_str_keys_sort(keys, n);
  g_autofree const EgEntityCounts **in = g_memdup2(ents, (n + 1) * sizeof *ents);
  for (guint i = 0; i < n; i++)
    ents[i] = in[keys[i].i];
  return ents;
}

static EgEntityType
votes_type(const guint64 *votes)
{
  EgEntityType best = EG_TYPE_MISC;
  guint64 best_v = 0;
  for (guint t = 0; t < EG_N_TYPES; t++)
    if (votes[t] > best_v) {
      best_v = votes[t];
      best = (EgEntityType)t;
    }
  return best;
}

/* The type of a node: the vote of all its mentions; with no evidence at all, the type most
 * likely for the name's shape in news (measured on newswire): a name of several words is most
 * often a person's ("Ata Rahman") unless its last word is an ordinary one; a single word stays
 * MISC (no other choice did better, for all-capital words neither). */
EgEntityType
eg_entity_type_guess(const guint64 *votes, const char *label)
{
  guint64 total = 0;
  for (guint t = 0; t < EG_N_TYPES; t++)
    total += votes[t];
  if (total > 0)
    return votes_type(votes);
  const char *last = strrchr(label, ' ');
  if (!last)
    return EG_TYPE_MISC;
  /* "Getty Images", "Democratic National Convention": a name ending in an ordinary English word
   * is rarely a person's. */
  g_autofree char *lower = eg_text_lower(last + 1, -1);
  return (eg_wordlist_lists(lower) & EG_WL_COMMON) ? EG_TYPE_MISC : EG_TYPE_PERSON;
}

static guint
key_words(const char *key)
{
  guint n = key[0] ? 1 : 0;
  for (const char *p = key; *p; p++)
    n += *p == ' ';
  return n;
}

/* Joins the sets of items A and B unless the user said two of their names are never one entity:
 * NEVER holds pairs of item indices (the user's "!A<TAB>B" lines that name items). */
static void
join_sets(guint *parent, guint a, guint b, const GArray *never)
{
  guint ra = eg_uf_find(parent, a), rb = eg_uf_find(parent, b);
  if (ra == rb)
    return;
  for (guint k = 0; never && k + 1 < never->len; k += 2) {
    guint x = eg_uf_find(parent, g_array_index(never, guint, k));
    guint y = eg_uf_find(parent, g_array_index(never, guint, k + 1));
    if ((x == ra && y == rb) || (x == rb && y == ra))
      return;
  }
  eg_uf_union(parent, ra, rb);
}

/* One candidate under a key of join_unique's index: item J, then the one at NEXT (-1: none). */
typedef struct {
  guint j;
  gint next;
} Candidate;

/* Joins each short item to the one root among the long items it FITS, when exactly one fits.
 * Candidates are found through an index: LONG_KEYS gives (at most two) keys under which an item
 * can be found, SHORT_KEY the key a short item looks up, so the work is near linear, not
 * quadratic. LONG_KEYS may leave out items FITS never accepts: which candidates fit does not
 * depend on the others. */
static void
join_unique(Item *items, guint *parent, guint n, guint (*long_keys)(const Item *l, const char **keys),
            const char *(*short_key)(const Item *s), gboolean (*fits)(const Item *s, const Item *l),
            const GArray *never)
{
  /* key -> the index of its first candidate + 1: the candidates of all keys are lists in one
   * array, as an array per key cost more than the lookups. Keys are the items' strings (or
   * their ends), not copies. */
  g_autoptr(GHashTable) index = g_hash_table_new(g_str_hash, g_str_equal);
  g_autofree Candidate *cands = g_new(Candidate, 2 * (gsize)n + 1);
  guint n_cands = 0;
  for (guint j = 0; j < n; j++) {
    const char *keys[2];
    guint nk = long_keys(&items[j], keys);
    for (guint k = 0; k < nk; k++) {
      cands[n_cands] = (Candidate){ j, GPOINTER_TO_INT(g_hash_table_lookup(index, keys[k])) - 1 };
      g_hash_table_insert(index, (gpointer)keys[k], GINT_TO_POINTER((gint)++n_cands));
    }
  }
  if (n_cands == 0)
    return;
  for (guint i = 0; i < n; i++) {
    const char *key = short_key(&items[i]);
    gint c = key ? GPOINTER_TO_INT(g_hash_table_lookup(index, key)) - 1 : -1;
    gint found = -1;
    gboolean ambiguous = FALSE;
    for (; c >= 0 && !ambiguous; c = cands[c].next) {
      guint j = cands[c].j;
      if (j == i || !fits(&items[i], &items[j]))
        continue;
      guint r = eg_uf_find(parent, j);
      if (found >= 0 && (guint)found != r)
        ambiguous = TRUE;
      found = (gint)r;
    }
    if (found >= 0 && !ambiguous)
      join_sets(parent, (guint)found, i, never);
  }
}

/* The last one and two words of a multi-word key (the ends of L's key): where a surname finds
 * its full name. Only a person's name can take a surname (fits_surname). */
static guint
surname_long_keys(const Item *l, const char **keys)
{
  if (l->n_words < 2 || l->type != EG_TYPE_PERSON)
    return 0;
  const char *last = strrchr(l->key, ' ');
  keys[0] = last + 1;
  if (l->n_words < 3)
    return 1;
  const char *p = last;
  while (p > l->key && p[-1] != ' ')
    p--;
  keys[1] = p;
  return 2;
}

/* A short name that may be a surname: of one or two words, no acronym, and not strongly of
 * another type than a person ("Jordan" the country stays apart from "Michael Jordan"). */
static const char *
surname_short_key(const Item *s)
{
  if (s->n_words > 2 || s->acronym)
    return NULL;
  EgEntityType st = s->type;
  if (st != EG_TYPE_PERSON && s->e->votes[st] > s->e->votes[EG_TYPE_PERSON] + EG_VOTE_STRONG)
    return NULL;
  return s->key;
}

static guint
acronym_long_keys(const Item *l, const char **keys)
{
  if (!l->initials)
    return 0;
  keys[0] = l->initials;
  return 1;
}

static const char *
acronym_short_key(const Item *s)
{
  return s->acronym;
}

/* A lone surname (or the last two words) of exactly one person: "Putin" of "Vladimir Putin". */
static gboolean
fits_surname(const Item *s, const Item *l)
{
  if (s->n_words > 2 || l->n_words <= s->n_words || s->acronym)
    return FALSE;
  if (l->type != EG_TYPE_PERSON)
    return FALSE;
  EgEntityType st = s->type;
  if (st != EG_TYPE_PERSON && s->e->votes[st] > s->e->votes[EG_TYPE_PERSON] + EG_VOTE_STRONG)
    return FALSE; /* "Jordan" the country stays apart from "Michael Jordan" */
  gsize ls = s->key_len, ll = l->key_len;
  return ll > ls && l->key[ll - ls - 1] == ' ' && memcmp(l->key + ll - ls, s->key, ls) == 0;
}

/* An acronym of exactly one multi-word organisation or place: "DNC", "U.S.". */
static gboolean
fits_acronym(const Item *s, const Item *l)
{
  if (!s->acronym || !l->initials || strcmp(s->acronym, l->initials) != 0)
    return FALSE;
  return l->type == EG_TYPE_ORG || l->type == EG_TYPE_LOC;
}

typedef struct {
  const char *form;
  guint64 count;
  gsize len;                  /* of FORM, once the forms are final */
} Form;

/* Count first (most frequent first), then byte order. */
static inline int
form_cmp(const Form *x, const Form *y)
{
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp(x->form, y->form);
}

static int
cmp_form(const void *a, const void *b)
{
  return form_cmp(a, b);
}

static int
cmp_form_text(const void *a, const void *b)
{
  return strcmp(((const Form *)a)->form, ((const Form *)b)->form);
}

/* Sums the counts of equal forms in F (N of them), leaving each form once (in byte order).
 * Returns how many are left. */
static guint
forms_sum(Form *f, guint n)
{
  if (n > 16) {
    qsort(f, n, sizeof *f, cmp_form_text);
  } else {
    for (guint i = 1; i < n; i++) {
      Form x = f[i];
      guint j = i;
      for (; j > 0 && strcmp(x.form, f[j - 1].form) < 0; j--)
        f[j] = f[j - 1];
      f[j] = x;
    }
  }
  guint out = 0;
  for (guint k = 0; k < n; k++) {
    if (out > 0 && strcmp(f[out - 1].form, f[k].form) == 0)
      f[out - 1].count += f[k].count;
    else
      f[out++] = f[k];
  }
  return out;
}

static guint
u64_len(guint64 v)
{
  guint n = 1;
  for (; v >= 10; v /= 10)
    n++;
  return n;
}

void
eg_node_clear(gpointer p)
{
  EgNode *n = p;
  g_free(n->label);
  g_free(n->aliases);
  g_free(n->forms);
}

/* A node being made: its first member R and its label, with the label's index among the names
 * of the decisions (W, -1 for a name they never saw). */
typedef struct {
  guint r;
  gint w;
  const char *label;
} Root;

/* Byte order of the labels: the decisions' names are in byte order, so two of them compare by
 * index. */
static int
cmp_root(const void *a, const void *b)
{
  const Root *x = a, *y = b;
  if (x->w >= 0 && y->w >= 0)
    return (x->w > y->w) - (x->w < y->w);
  return strcmp(x->label, y->label);
}

/* A pair of names as an edge between two nodes (source < target). */
typedef struct {
  guint source, target;
  const EgPairCounts *pair;
} EdgeHit;

/* Sorts HITS (LEN of them) by (source, target), both below N_NODES: two stable counting passes
 * (by target, then by source), linear where a comparison sort of the pairs was a fifth of
 * consolidation. Hits of one edge stay in hash order, which the sums and the minimum over them
 * ignore. */
static void
hits_sort(EdgeHit *h, guint len, guint n_nodes)
{
  g_autofree EdgeHit *tmp = g_new(EdgeHit, len + 1);
  g_autofree guint *at = g_new(guint, (gsize)n_nodes + 1);
  for (int pass = 0; pass < 2; pass++) {
    EdgeHit *from = pass ? tmp : h, *to = pass ? h : tmp;
    memset(at, 0, ((gsize)n_nodes + 1) * sizeof *at);
    for (guint i = 0; i < len; i++)
      at[(pass ? from[i].source : from[i].target) + 1]++;
    for (guint k = 0; k < n_nodes; k++)
      at[k + 1] += at[k];
    for (guint i = 0; i < len; i++)
      to[at[pass ? from[i].source : from[i].target]++] = from[i];
  }
}

typedef struct {
  GHashTable *by_key;   /* key -> item index */
  GArray *pairs;        /* item index pairs */
} NeverCtx;

static void
never_add(const char *key_a, const char *key_b, gpointer data)
{
  NeverCtx *ctx = data;
  gpointer a, b;
  if (g_hash_table_lookup_extended(ctx->by_key, key_a, NULL, &a) &&
      g_hash_table_lookup_extended(ctx->by_key, key_b, NULL, &b)) {
    guint ia = GPOINTER_TO_UINT(a), ib = GPOINTER_TO_UINT(b);
    g_array_append_val(ctx->pairs, ia);
    g_array_append_val(ctx->pairs, ib);
  }
}

/* The names of the whole counts in byte order, each with its node: consolidating the whole (or
 * a part) finds a name's index by the whole's ids or a lookup, and orders names by index, never
 * by comparing strings again. */
struct EgMerges {
  GStringChunk *chunk;        /* holds the labels */
  guint n;
  const char **labels;        /* the whole's names, in byte order */
  guint *label_len;           /* their lengths */
  guint *node;                /* labels[i]'s node: the index of the name it goes under */
  EgEntityType *type;         /* of a node's name: the node's type, by the vote of all its mentions */
  guint n_ids;                /* the whole's ids (EgCounts.n_ids) */
  guint *w_of_id;             /* the whole's id -> the index of its name (G_MAXUINT: no entity) */
  GHashTable *index;          /* name -> its index + 1, made the first time a part needs it
                                 (merges_index): consolidating the whole needs none */
};

/* MERGES's index of names (see EgMerges.index). Thread-safe. */
static GHashTable *
merges_index(const EgMerges *merges)
{
  EgMerges *m = (EgMerges *)merges; /* a cache, not a change: the decisions stay as they are */
  if (g_once_init_enter(&m->index)) {
    GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint w = 0; w < m->n; w++)
      g_hash_table_insert(index, (gpointer)m->labels[w], GUINT_TO_POINTER(w + 1));
    g_once_init_leave(&m->index, index);
  }
  return m->index;
}

/* The index of E's name among MERGES's, or -1 for a name they never saw. BY_ID: E's counts may
 * be the whole's, so its id is tried first (a name of other counts that has the same id fails
 * the comparison of labels). */
static gint
merges_find(const EgMerges *merges, gboolean by_id, const EgEntityCounts *e)
{
  if (by_id && e->id < merges->n_ids) {
    guint w = merges->w_of_id[e->id];
    if (w != G_MAXUINT && strcmp(merges->labels[w], e->label) == 0)
      return (gint)w;
  }
  gsize w = GPOINTER_TO_SIZE(g_hash_table_lookup(merges_index(merges), e->label));
  return w ? (gint)(w - 1) : -1;
}

EgMerges *
eg_merges_new(const EgCounts *counts)
{
  g_return_val_if_fail(counts != NULL, NULL);
  guint n = g_hash_table_size(counts->entities);
  g_autofree const EgEntityCounts **ents = entities_sorted(counts);

  Item *items = g_new0(Item, n + 1);
  g_autofree guint *parent = g_new(guint, n + 1);
  g_autofree EgStrKey *keys = g_new(EgStrKey, n + 1);
  for (guint i = 0; i < n; i++) {
    Item *it = &items[i];
    it->e = ents[i];
    it->key = eg_resolve_key(it->e->label);
    it->key_len = strlen(it->key);
    it->acronym = eg_resolve_acronym_letters(it->e->label);
    it->type = votes_type(it->e->votes);
    if (it->type == EG_TYPE_ORG || it->type == EG_TYPE_LOC)
      it->initials = eg_resolve_initials(it->e->label);
    it->n_words = key_words(it->key);
    parent[i] = i;
    keys[i] = eg_str_key(it->key, i);
  }
  /* "Wasserman-Schultz" and "Wasserman Schultz" across documents: one key, one name, whatever
   * the rules. Names of one key are neighbours in key order (a sort costs less than a table). */
  eg_str_keys_sort(keys, n);
  for (guint k = 1; k < n; k++)
    if (eg_str_key_cmp(&keys[k - 1], &keys[k]) == 0)
      eg_uf_union(parent, (guint)keys[k - 1].i, (guint)keys[k].i);
  /* The user's never-merge pairs, as item indices (names the corpus does not hold are moot; any
   * name of a key stands for its set). Their order does not matter: join_sets checks them all. */
  g_autoptr(GHashTable) by_key = g_hash_table_new(g_str_hash, g_str_equal);
  if (eg_rules_has_never(counts->rules))
    for (guint k = 0; k < n; k++)
      g_hash_table_insert(by_key, (gpointer)keys[k].s, GUINT_TO_POINTER((guint)keys[k].i));
  NeverCtx nctx = { by_key, g_array_new(FALSE, FALSE, sizeof(guint)) };
  eg_rules_foreach_never(counts->rules, never_add, &nctx);
  g_autoptr(GArray) never = nctx.pairs;
  join_unique(items, parent, n, acronym_long_keys, acronym_short_key, fits_acronym, never);
  join_unique(items, parent, n, surname_long_keys, surname_short_key, fits_surname, never);

  /* Each set becomes a node labelled by its longest name, then the most mentioned. */
  g_autofree gint *best = g_new(gint, n + 1);
  for (guint i = 0; i < n; i++)
    best[i] = -1;
  for (guint i = 0; i < n; i++) {
    guint r = eg_uf_find(parent, i);
    if (best[r] < 0) {
      best[r] = (gint)i;
      continue;
    }
    const Item *b = &items[best[r]], *c = &items[i];
    if (c->n_words > b->n_words || (c->n_words == b->n_words && c->e->mentions > b->e->mentions))
      best[r] = (gint)i; /* labels come in byte order, so a tie keeps the smaller */
  }

  EgMerges *m = g_new0(EgMerges, 1);
  m->n = n;
  m->labels = g_new(const char *, n + 1);
  m->label_len = g_new(guint, n + 1);
  m->node = g_new(guint, n + 1);
  m->type = g_new0(EgEntityType, n + 1);
  m->n_ids = counts->n_ids;
  m->w_of_id = g_new(guint, (gsize)m->n_ids + 1);
  for (guint id = 0; id < m->n_ids; id++)
    m->w_of_id[id] = G_MAXUINT;
  /* The labels in one block of their exact size. */
  gsize total = 1;
  for (guint i = 0; i < n; i++) {
    m->label_len[i] = (guint)strlen(ents[i]->label);
    total += m->label_len[i] + 1;
  }
  m->chunk = g_string_chunk_new(total);
  g_autofree guint64 *votes = g_new0(guint64, (gsize)(n + 1) * EG_N_TYPES);
  for (guint i = 0; i < n; i++) {
    guint r = eg_uf_find(parent, i);
    m->labels[i] = g_string_chunk_insert_len(m->chunk, ents[i]->label, m->label_len[i]);
    m->node[i] = (guint)best[r];
    m->w_of_id[ents[i]->id] = i;
    for (guint k = 0; k < EG_N_TYPES; k++)
      votes[(gsize)r * EG_N_TYPES + k] += items[i].e->votes[k];
  }
  for (guint r = 0; r < n; r++)
    if (eg_uf_find(parent, r) == r)
      m->type[best[r]] = eg_entity_type_guess(&votes[(gsize)r * EG_N_TYPES], m->labels[best[r]]);
  for (guint i = 0; i < n; i++) {
    g_free(items[i].key);
    g_free(items[i].acronym);
    g_free(items[i].initials);
  }
  g_free(items);
  return m;
}

void
eg_merges_free(EgMerges *merges)
{
  if (!merges)
    return;
  if (merges->index)
    g_hash_table_unref(merges->index);
  g_string_chunk_free(merges->chunk);
  g_free(merges->labels);
  g_free(merges->label_len);
  g_free(merges->node);
  g_free(merges->type);
  g_free(merges->w_of_id);
  g_free(merges);
}

EgNodeTable *
eg_consolidate(const EgCounts *counts)
{
  g_autoptr(EgMerges) merges = eg_merges_new(counts);
  return eg_consolidate_with(counts, merges);
}

/* A name of the counts with its place in the decisions: (its node's name's index << BITS) | its
 * own index, so that sorting the keys puts the nodes in label order and each node's names
 * together, in label order. */
typedef struct {
  guint64 key;
  const EgEntityCounts *e;
} Member;

/* Sorts A (N members) by key, keys below 2^BITS: an LSD radix sort a byte at a time (passes
 * where all keys share the byte are skipped), an insertion sort for a few. */
static void
members_sort(Member *a, gsize n, guint bits)
{
  if (n < 64) {
    for (gsize i = 1; i < n; i++) {
      Member x = a[i];
      gsize j = i;
      for (; j > 0 && x.key < a[j - 1].key; j--)
        a[j] = a[j - 1];
      a[j] = x;
    }
    return;
  }
  g_autofree Member *tmp = g_new(Member, n);
  Member *from = a, *to = tmp;
  for (guint shift = 0; shift < bits; shift += 8) {
    gsize at[257] = { 0 };
    for (gsize i = 0; i < n; i++)
      at[((from[i].key >> shift) & 0xff) + 1]++;
    gboolean one = FALSE;
    for (guint d = 0; d < 256 && !one; d++)
      one = at[d + 1] == n;
    if (one)
      continue;
    for (guint d = 0; d < 256; d++)
      at[d + 1] += at[d];
    for (gsize i = 0; i < n; i++)
      to[at[(from[i].key >> shift) & 0xff]++] = from[i];
    Member *t = from;
    from = to;
    to = t;
  }
  if (from != a)
    memcpy(a, from, n * sizeof *a);
}

/* Nodes as spans of members: node V is made of MEM[START[V]] .. MEM[START[V + 1] - 1], under
 * LABEL[V] (LABEL_LEN[V] bytes), the decisions' name W[V] (-1: a name they never saw). */
typedef struct {
  const EgEntityCounts **mem;
  guint *start;
  const char **label;
  gsize *label_len;
  gint *w;
  guint n_nodes;
} Spans;

/* The spans of COUNTS (N entities, ENTS in no order) when the decisions saw every name (W[i]:
 * the index of ENTS[i]'s name): one sort of integers, no string is compared. */
static void
spans_known(Spans *sp, const EgMerges *merges, const EgEntityCounts **ents, const gint *w, guint n)
{
  guint bits = 1;
  while (bits < 32 && ((guint64)1 << bits) < merges->n)
    bits++;
  g_autofree Member *mem = g_new(Member, n + 1);
  for (guint i = 0; i < n; i++)
    mem[i] = (Member){ (guint64)merges->node[w[i]] << bits | (guint)w[i], ents[i] };
  members_sort(mem, n, 2 * bits);
  guint v = 0;
  guint64 prev = G_MAXUINT64;
  for (guint i = 0; i < n; i++) {
    guint64 node_w = mem[i].key >> bits;
    sp->mem[i] = mem[i].e;
    if (node_w == prev)
      continue;
    prev = node_w;
    sp->start[v] = i;
    sp->w[v] = (gint)node_w;
    sp->label[v] = merges->labels[node_w];
    sp->label_len[v] = merges->label_len[node_w];
    v++;
  }
  sp->start[v] = n;
  sp->n_nodes = v;
}

/* The spans of COUNTS when some names are new to the decisions: its names sorted by label,
 * sets found by their node's name. */
static void
spans_general(Spans *sp, const EgCounts *counts, const EgMerges *merges, gboolean by_id)
{
  guint n = g_hash_table_size(counts->entities);
  g_autofree const EgEntityCounts **ents = entities_sorted(counts);
  g_autofree gint *node_w = g_new(gint, n + 1);
  for (guint i = 0; i < n; i++) {
    gint w = merges_find(merges, by_id, ents[i]);
    node_w[i] = w >= 0 ? (gint)merges->node[w] : -1;
  }
  /* The names of one node form a set, numbered by its first member in label order; a node's
   * name is one string (the decisions', or the name's own), so sets are found by its address. */
  g_autoptr(GHashTable) set_of = g_hash_table_new(NULL, NULL);
  g_autofree guint *root_of = g_new(guint, n + 1);   /* a name's set, as an index in ROOTS */
  g_autoptr(GArray) roots = g_array_new(FALSE, FALSE, sizeof(Root));
  for (guint i = 0; i < n; i++) {
    const char *nl = node_w[i] >= 0 ? merges->labels[node_w[i]] : ents[i]->label;
    gpointer r;
    if (g_hash_table_lookup_extended(set_of, nl, NULL, &r)) {
      root_of[i] = GPOINTER_TO_UINT(r);
    } else {
      root_of[i] = roots->len;
      g_hash_table_insert(set_of, (gpointer)nl, GUINT_TO_POINTER(roots->len));
      Root root = { roots->len, node_w[i], nl };
      g_array_append_val(roots, root);
    }
  }
  g_array_sort(roots, cmp_root);
  g_autofree guint *node_of_root = g_new(guint, roots->len + 1);
  for (guint v = 0; v < roots->len; v++) {
    const Root *root = &g_array_index(roots, Root, v);
    node_of_root[root->r] = v;
    sp->w[v] = root->w;
    sp->label[v] = root->label;
    sp->label_len[v] = root->w >= 0 ? merges->label_len[root->w] : strlen(root->label);
    sp->start[v + 1] = 0;
  }
  sp->n_nodes = roots->len;
  /* A stable counting sort by node keeps each node's names in label order. */
  sp->start[0] = 0;
  for (guint i = 0; i < n; i++)
    sp->start[node_of_root[root_of[i]] + 1]++;
  for (guint v = 0; v < sp->n_nodes; v++)
    sp->start[v + 1] += sp->start[v];
  g_autofree guint *at = g_memdup2(sp->start, ((gsize)sp->n_nodes + 1) * sizeof *at);
  for (guint i = 0; i < n; i++)
    sp->mem[at[node_of_root[root_of[i]]]++] = ents[i];
}

/* Makes node NODE of the members MEM[0..K-1] (labelled LABEL, LABEL_LEN bytes), F a buffer of
 * forms of *CAP. */
static void
node_make(EgNode *node, const EgEntityCounts *const *mem, guint k, const char *label, gsize label_len,
          Form **f, guint *cap)
{
  node->label = g_malloc(label_len + 1);
  memcpy(node->label, label, label_len + 1);
  guint nf = 0;
  for (guint m = 0; m < k; m++) {
    const EgEntityCounts *e = mem[m];
    node->mentions += e->mentions;
    /* Two merged names in one window count that window twice; capped by the total below. */
    node->windows += e->windows;
    /* Documents of merged names can overlap only when one document used both names without
     * joining them; the sum is capped by the corpus size. */
    node->documents += e->documents;
    for (guint t = 0; t < EG_N_TYPES; t++)
      node->votes[t] += e->votes[t];
    if (nf + e->n_surfaces > *cap) {
      *cap = MAX(2 * *cap, nf + e->n_surfaces);
      *f = g_renew(Form, *f, *cap);
    }
    for (guint s = 0; s < e->n_surfaces; s++)
      (*f)[nf++] = (Form){ e->surfaces[s].text, e->surfaces[s].count, 0 };
  }
  Form *fa = *f;
  if (k > 1)
    nf = forms_sum(fa, nf); /* merged names can share a surface form */
  if (nf > 1)
    eg_sort_few(fa, nf, sizeof *fa, cmp_form); /* a node's forms are distinct: one order */
  /* "Trump 5|Donald Trump 1" and the forms but the label, "|"-separated, each in a block of
   * its size. */
  gsize all_len = 0, al_len = 0;
  guint n_al = 0;
  for (guint s = 0; s < nf; s++) {
    fa[s].len = strlen(fa[s].form);
    all_len += fa[s].len + 1 + u64_len(fa[s].count) + (s > 0);
    if (fa[s].len == label_len && memcmp(fa[s].form, label, label_len) == 0)
      continue;
    al_len += fa[s].len + (n_al++ > 0);
  }
  char *all = node->forms = g_malloc(all_len + 1);
  char *al = node->aliases = g_malloc(al_len + 1);
  n_al = 0;
  for (guint s = 0; s < nf; s++) {
    if (s > 0)
      *all++ = '|';
    memcpy(all, fa[s].form, fa[s].len);
    all += fa[s].len;
    *all++ = ' ';
    all += eg_u64_digits(all, fa[s].count);
    if (fa[s].len == label_len && memcmp(fa[s].form, label, label_len) == 0)
      continue;
    if (n_al++ > 0)
      *al++ = '|';
    memcpy(al, fa[s].form, fa[s].len);
    al += fa[s].len;
  }
  *all = '\0';
  *al = '\0';
}

EgNodeTable *
eg_consolidate_with(const EgCounts *counts, const EgMerges *merges)
{
  g_return_val_if_fail(counts != NULL && merges != NULL, NULL);
  guint n = g_hash_table_size(counts->entities);
  /* The whole's own counts find their names by id; a part (a period) by lookups. */
  gboolean by_id = counts->n_ids == merges->n_ids;
  Spans sp = { 0 };
  sp.mem = g_new(const EgEntityCounts *, n + 1);
  sp.start = g_new(guint, n + 2);
  sp.label = g_new(const char *, n + 1);
  sp.label_len = g_new(gsize, n + 1);
  sp.w = g_new(gint, n + 1);
  {
    g_autofree const EgEntityCounts **ents = g_new(const EgEntityCounts *, n + 1);
    g_autofree gint *w = g_new(gint, n + 1);
    entities_collect(counts, ents);
    gboolean known = TRUE;
    for (guint i = 0; i < n && known; i++)
      known = (w[i] = merges_find(merges, by_id, ents[i])) >= 0;
    if (known)
      spans_known(&sp, merges, ents, w, n);
    else
      spans_general(&sp, counts, merges, by_id);
  }

  EgNodeTable *t = g_new0(EgNodeTable, 1);
  /* Nodes and edges are written whole in place: their arrays need not clear what they grow. */
  t->nodes = g_array_sized_new(FALSE, FALSE, sizeof(EgNode), sp.n_nodes);
  g_array_set_clear_func(t->nodes, eg_node_clear);
  t->documents = counts->documents;
  t->windows = counts->windows;

  /* Nodes in label order; NODE_AT_ID: the node of each entity id (G_MAXUINT: a label only
   * pairs name). One buffer of forms serves every node: most nodes have one name. */
  g_array_set_size(t->nodes, sp.n_nodes);
  g_autofree guint *node_at_id = g_new(guint, (gsize)counts->n_ids + 1);
  for (guint id = 0; id < counts->n_ids; id++)
    node_at_id[id] = G_MAXUINT;
  guint cap = 16;
  g_autofree Form *forms = g_new(Form, cap);
  for (guint v = 0; v < sp.n_nodes; v++) {
    EgNode *node = &g_array_index(t->nodes, EgNode, v);
    *node = (EgNode){ 0 };
    guint k = sp.start[v + 1] - sp.start[v];
    const EgEntityCounts *const *mem = &sp.mem[sp.start[v]];
    for (guint m = 0; m < k; m++)
      node_at_id[mem[m]->id] = v;
    node_make(node, mem, k, sp.label[v], sp.label_len[v], &forms, &cap);
    node->documents = MIN(node->documents, counts->documents);
    node->windows = MIN(node->windows, counts->windows);
    node->type = sp.w[v] >= 0 ? merges->type[sp.w[v]] : eg_entity_type_guess(node->votes, node->label);
  }
  g_free(sp.mem);
  g_free(sp.start);
  g_free(sp.label);
  g_free(sp.label_len);
  g_free(sp.w);

  /* Pairs map onto nodes; pairs that land on one edge add up (windows, documents), the edge's
   * example is the smallest of theirs, pairs inside one node vanish. The pairs are sorted by
   * their edge and summed in one pass: sums and the minimum do not depend on the order. */
  guint n_pairs = g_hash_table_size(counts->pairs);
  g_autofree EdgeHit *hits = g_new(EdgeHit, n_pairs + 1);
  guint n_hits = 0;
  GHashTableIter pi;
  gpointer pk;
  g_hash_table_iter_init(&pi, counts->pairs);
  while (g_hash_table_iter_next(&pi, &pk, NULL)) {
    const EgPairCounts *pc = pk;
    guint na = node_at_id[pc->a], nb = node_at_id[pc->b];
    if (na == G_MAXUINT || nb == G_MAXUINT || na == nb)
      continue;
    hits[n_hits++] = (EdgeHit){ MIN(na, nb), MAX(na, nb), pc };
  }
  hits_sort(hits, n_hits, sp.n_nodes);
  guint n_edges = 0;
  for (guint i = 0; i < n_hits; i++)
    n_edges += i == 0 || hits[i].source != hits[i - 1].source || hits[i].target != hits[i - 1].target;
  t->edges = g_array_sized_new(FALSE, FALSE, sizeof(EgEdge), n_edges);
  g_array_set_size(t->edges, n_edges);
  /* The edges' examples go in one block of their exact size: their lengths are taken once. */
  g_autofree const EgPairCounts **best_of = g_new(const EgPairCounts *, n_edges + 1);
  g_autofree gsize *example_len = g_new(gsize, n_edges + 1);
  gsize examples_len = 1;
  guint at = 0;
  for (guint i = 0; i < n_hits; at++) {
    EgEdge *e = &g_array_index(t->edges, EgEdge, at);
    *e = (EgEdge){ hits[i].source, hits[i].target, 0, 0, NULL };
    const EgPairCounts *best = NULL;
    for (; i < n_hits && hits[i].source == e->source && hits[i].target == e->target; i++) {
      const EgPairCounts *pc = hits[i].pair;
      e->count += pc->windows;
      e->documents += pc->documents;
      if (pc->example_key) {
        int d = best ? strcmp(pc->example_key, best->example_key) : -1;
        if (d < 0 || (d == 0 && strcmp(pc->example, best->example) < 0))
          best = pc;
      }
    }
    best_of[at] = best && best->example ? best : NULL;
    example_len[at] = best_of[at] ? strlen(best->example) : 0;
    examples_len += best_of[at] ? example_len[at] + 1 : 0;
  }
  t->examples = g_string_chunk_new(examples_len);
  for (guint k = 0; k < n_edges; k++)
    if (best_of[k])
      g_array_index(t->edges, EgEdge, k).example =
          g_string_chunk_insert_len(t->examples, best_of[k]->example, (gssize)example_len[k]);
  return t;
}

void
eg_node_table_free(EgNodeTable *table)
{
  if (!table)
    return;
  g_array_unref(table->nodes);
  g_array_unref(table->edges);
  if (table->examples)
    g_string_chunk_free(table->examples);
  g_free(table);
}
