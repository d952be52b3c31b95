/* consolidate.c: corpus-level decisions on summed counts, and the nodes and edges they give.
 *
 * Runs after all counting, on counts alone, so a threaded run, merged partial counts and a
 * single run take the same decisions. Every loop walks labels in byte order, never hash order.
 */
#include "cooc/cooc.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  const EgEntityCounts *e;
  char *key;
  char *acronym;
  char *initials;
  guint n_words;
} Item;

static int
cmp_entity_ptr(const void *a, const void *b)
{
  return strcmp((*(const EgEntityCounts *const *)a)->label, (*(const EgEntityCounts *const *)b)->label);
}

/* The entities of C in byte order of their labels (transfer container): walking them needs no
 * lookup of the label again. */
static const EgEntityCounts **
entities_sorted(const EgCounts *c)
{
  guint n = g_hash_table_size(c->entities), i = 0;
  const EgEntityCounts **ents = g_new(const EgEntityCounts *, n + 1);
  GHashTableIter it;
  gpointer v;
  g_hash_table_iter_init(&it, c->entities);
  while (g_hash_table_iter_next(&it, NULL, &v))
    ents[i++] = v;
  qsort(ents, n, sizeof *ents, cmp_entity_ptr);
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

/* Joins each short item to the one root among the long items it FITS, when exactly one fits.
 * Candidates are found through an index: LONG_KEYS lists the keys under which an item can be
 * found, SHORT_KEY the key a short item looks up, so the work is near linear, not quadratic. */
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

static void
join_unique(Item *items, guint *parent, guint n, void (*long_keys)(const Item *l, GPtrArray *keys),
            const char *(*short_key)(const Item *s), gboolean (*fits)(const Item *s, const Item *l),
            const GArray *never)
{
  /* key -> the index of its first candidate + 1: the candidates of all keys are lists in one
   * array, as an array per key cost more than the lookups. Which candidates fit does not depend
   * on their order. Keys are the items' strings (or their ends), not copies. */
  g_autoptr(GHashTable) index = g_hash_table_new(g_str_hash, g_str_equal);
  g_autoptr(GArray) cands = g_array_new(FALSE, FALSE, sizeof(Candidate));
  g_autoptr(GPtrArray) keys = g_ptr_array_new();
  for (guint j = 0; j < n; j++) {
    g_ptr_array_set_size(keys, 0);
    long_keys(&items[j], keys);
    for (guint k = 0; k < keys->len; k++) {
      Candidate c = { j, GPOINTER_TO_INT(g_hash_table_lookup(index, keys->pdata[k])) - 1 };
      g_array_append_val(cands, c);
      g_hash_table_insert(index, keys->pdata[k], GINT_TO_POINTER((gint)cands->len));
    }
  }
  for (guint i = 0; i < n; i++) {
    const char *key = short_key(&items[i]);
    gint c = key ? GPOINTER_TO_INT(g_hash_table_lookup(index, key)) - 1 : -1;
    gint found = -1;
    gboolean ambiguous = FALSE;
    for (; c >= 0 && !ambiguous; c = g_array_index(cands, Candidate, c).next) {
      guint j = g_array_index(cands, Candidate, c).j;
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
 * its full name. */
static void
surname_long_keys(const Item *l, GPtrArray *keys)
{
  if (l->n_words < 2)
    return;
  const char *last = strrchr(l->key, ' ');
  g_ptr_array_add(keys, (gpointer)(last + 1));
  if (l->n_words >= 3) {
    const char *p = last;
    while (p > l->key && p[-1] != ' ')
      p--;
    g_ptr_array_add(keys, (gpointer)p);
  }
}

static const char *
surname_short_key(const Item *s)
{
  return s->n_words <= 2 && !s->acronym ? s->key : NULL;
}

static void
acronym_long_keys(const Item *l, GPtrArray *keys)
{
  if (l->initials)
    g_ptr_array_add(keys, l->initials);
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
  if (votes_type(l->e->votes) != EG_TYPE_PERSON)
    return FALSE;
  EgEntityType st = votes_type(s->e->votes);
  if (st != EG_TYPE_PERSON && s->e->votes[st] > s->e->votes[EG_TYPE_PERSON] + EG_VOTE_STRONG)
    return FALSE; /* "Jordan" the country stays apart from "Michael Jordan" */
  gsize ls = strlen(s->key), ll = strlen(l->key);
  return ll > ls && l->key[ll - ls - 1] == ' ' && strcmp(l->key + ll - ls, s->key) == 0;
}

/* An acronym of exactly one multi-word organisation or place: "DNC", "U.S.". */
static gboolean
fits_acronym(const Item *s, const Item *l)
{
  if (!s->acronym || !l->initials || strcmp(s->acronym, l->initials) != 0)
    return FALSE;
  EgEntityType t = votes_type(l->e->votes);
  return t == EG_TYPE_ORG || t == EG_TYPE_LOC;
}

typedef struct {
  const char *form;
  guint64 count;
} Form;

static int
cmp_form(const void *a, const void *b)
{
  const Form *x = a, *y = b;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp(x->form, y->form);
}

static int
cmp_form_text(const void *a, const void *b)
{
  return strcmp(((const Form *)a)->form, ((const Form *)b)->form);
}

/* Sums the counts of equal forms in FA, leaving each form once (in byte order). */
static void
forms_sum(GArray *fa)
{
  g_array_sort(fa, cmp_form_text);
  guint out = 0;
  for (guint k = 0; k < fa->len; k++) {
    Form *f = &g_array_index(fa, Form, k);
    if (out > 0 && strcmp(g_array_index(fa, Form, out - 1).form, f->form) == 0)
      g_array_index(fa, Form, out - 1).count += f->count;
    else
      g_array_index(fa, Form, out++) = *f;
  }
  g_array_set_size(fa, out);
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

/* Sorts HITS by (source, target), both below N_NODES: two stable counting passes (by target,
 * then by source), linear where a comparison sort of the pairs was a fifth of consolidation.
 * Hits of one edge stay in hash order, which the sums and the minimum over them ignore. */
static void
hits_sort(GArray *hits, guint n_nodes)
{
  guint len = hits->len;
  EdgeHit *h = (EdgeHit *)(void *)hits->data;
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

/* The names of the whole counts in byte order, each with its node: eg_consolidate_with of the
 * whole takes the order from here rather than sorting again. */
struct EgMerges {
  GStringChunk *chunk;        /* holds the labels */
  guint n;
  const char **labels;        /* the whole's names, in byte order */
  guint *node;                /* labels[i]'s node: the index of the name it goes under */
  EgEntityType *type;         /* of a node's name: the node's type, by the vote of all its mentions */
  GHashTable *index;          /* name -> its index + 1 */
};

EgMerges *
eg_merges_new(const EgCounts *counts)
{
  g_return_val_if_fail(counts != NULL, NULL);
  guint n = g_hash_table_size(counts->entities);
  g_autofree const EgEntityCounts **ents = entities_sorted(counts);

  Item *items = g_new0(Item, n + 1);
  g_autofree guint *parent = g_new(guint, n + 1);
  g_autoptr(GHashTable) by_key = g_hash_table_new(g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++) {
    Item *it = &items[i];
    it->e = ents[i];
    it->key = eg_resolve_key(it->e->label);
    it->acronym = eg_resolve_acronym_letters(it->e->label);
    it->initials = eg_resolve_initials(it->e->label);
    it->n_words = key_words(it->key);
    parent[i] = i;
    gpointer prev;
    /* "Wasserman-Schultz" and "Wasserman Schultz" across documents. */
    if (g_hash_table_lookup_extended(by_key, it->key, NULL, &prev))
      eg_uf_union(parent, GPOINTER_TO_UINT(prev), i); /* one key: one name, whatever the rules */
    else
      g_hash_table_insert(by_key, it->key, GUINT_TO_POINTER(i));
  }
  /* The user's never-merge pairs, as item indices (names the corpus does not hold are moot).
   * Their order does not matter: join_sets checks them all. */
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
  m->chunk = g_string_chunk_new(1 << 16);
  m->n = n;
  m->labels = g_new(const char *, n + 1);
  m->node = g_new(guint, n + 1);
  m->type = g_new0(EgEntityType, n + 1);
  m->index = g_hash_table_new(g_str_hash, g_str_equal);
  g_autofree guint64 *votes = g_new0(guint64, (gsize)(n + 1) * EG_N_TYPES);
  for (guint i = 0; i < n; i++) {
    guint r = eg_uf_find(parent, i);
    m->labels[i] = g_string_chunk_insert(m->chunk, ents[i]->label);
    m->node[i] = (guint)best[r];
    g_hash_table_insert(m->index, (gpointer)m->labels[i], GUINT_TO_POINTER(i + 1));
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
  g_hash_table_unref(merges->index);
  g_string_chunk_free(merges->chunk);
  g_free(merges->labels);
  g_free(merges->node);
  g_free(merges->type);
  g_free(merges);
}

EgNodeTable *
eg_consolidate(const EgCounts *counts)
{
  g_autoptr(EgMerges) merges = eg_merges_new(counts);
  return eg_consolidate_with(counts, merges);
}

EgNodeTable *
eg_consolidate_with(const EgCounts *counts, const EgMerges *merges)
{
  g_return_val_if_fail(counts != NULL && merges != NULL, NULL);
  guint n = g_hash_table_size(counts->entities);
  /* The names in byte order, each with the index of its node's name among the decisions' names
   * (NODE_W; -1 for a name they never saw, a node of its own). Counts that hold most of the
   * names the decisions saw (the whole corpus) take the order from them, without a sort; a small
   * period sorts its own. */
  g_autofree const EgEntityCounts **ents = NULL;
  g_autofree gint *node_w = g_new(gint, n + 1);
  g_autofree gint *at_w = NULL;         /* a decisions' name's index in ENTS, or -1 */
  if (n > 0 && (guint64)n * 4 >= merges->n) {
    ents = g_new(const EgEntityCounts *, n + 1);
    at_w = g_new(gint, merges->n + 1);
    guint found = 0;
    for (guint w = 0; w < merges->n; w++) {
      const EgEntityCounts *e = found < n ? g_hash_table_lookup(counts->entities, merges->labels[w]) : NULL;
      at_w[w] = e ? (gint)found : -1;
      if (e) {
        node_w[found] = (gint)merges->node[w];
        ents[found++] = e;
      }
    }
    if (found < n) { /* names the decisions never saw: the general way */
      g_clear_pointer(&ents, g_free);
      g_clear_pointer(&at_w, g_free);
    }
  }
  if (!ents) {
    ents = entities_sorted(counts);
    for (guint i = 0; i < n; i++) {
      gsize w = GPOINTER_TO_SIZE(g_hash_table_lookup(merges->index, ents[i]->label));
      node_w[i] = w ? (gint)merges->node[w - 1] : -1;
    }
  }
  /* The names of one node form a set, numbered by its first member in label order; a node's
   * name is one string (the decisions', or the name's own), so sets are found by its address. */
  g_autoptr(GHashTable) set_of = g_hash_table_new(NULL, NULL);
  g_autofree guint *parent = g_new(guint, n + 1);
  g_autoptr(GArray) roots = g_array_new(FALSE, FALSE, sizeof(Root));
  for (guint i = 0; i < n; i++) {
    const char *nl = node_w[i] >= 0 ? merges->labels[node_w[i]] : ents[i]->label;
    gpointer r;
    if (g_hash_table_lookup_extended(set_of, nl, NULL, &r)) {
      parent[i] = GPOINTER_TO_UINT(r);
    } else {
      parent[i] = i;
      g_hash_table_insert(set_of, (gpointer)nl, GUINT_TO_POINTER(i));
      Root root = { i, node_w[i], nl };
      g_array_append_val(roots, root);
    }
  }
  if (at_w) {
    /* every name is the decisions': their order is the order of the names' indices */
    g_autofree gint *root_at = g_new(gint, merges->n + 1);
    for (guint w = 0; w < merges->n; w++)
      root_at[w] = -1;
    for (guint k = 0; k < roots->len; k++)
      root_at[g_array_index(roots, Root, k).w] = (gint)k;
    g_autoptr(GArray) sorted = g_array_sized_new(FALSE, FALSE, sizeof(Root), roots->len);
    for (guint w = 0; w < merges->n; w++)
      if (root_at[w] >= 0)
        g_array_append_val(sorted, g_array_index(roots, Root, root_at[w]));
    g_array_unref(roots);
    roots = g_steal_pointer(&sorted);
  } else {
    g_array_sort(roots, cmp_root);
  }

  EgNodeTable *t = g_new0(EgNodeTable, 1);
  t->nodes = g_array_new(FALSE, TRUE, sizeof(EgNode));
  g_array_set_clear_func(t->nodes, eg_node_clear);
  t->edges = g_array_new(FALSE, TRUE, sizeof(EgEdge));
  t->examples = g_string_chunk_new(1 << 16);
  t->documents = counts->documents;
  t->windows = counts->windows;

  /* Members of each set as linked lists in label order, so building nodes is linear. */
  g_autofree gint *first = g_new(gint, n + 1), *last = g_new(gint, n + 1), *next = g_new(gint, n + 1);
  for (guint i = 0; i < n; i++)
    first[i] = last[i] = next[i] = -1;
  for (guint i = 0; i < n; i++) {
    guint r = parent[i];
    if (last[r] < 0)
      first[r] = (gint)i;
    else
      next[last[r]] = (gint)i;
    last[r] = (gint)i;
  }

  /* One array of forms and two strings serve every node: most nodes have one name, and a
   * table of forms per node cost more than the rest of the node. */
  g_autoptr(GArray) fa = g_array_new(FALSE, FALSE, sizeof(Form));
  g_autoptr(GString) al = g_string_new(NULL);
  g_autoptr(GString) all = g_string_new(NULL);
  /* Nodes are made in label order; NODE_OF: each name's node. */
  g_autofree guint *node_of = g_new(guint, n + 1);
  for (guint v = 0; v < roots->len; v++) {
    const Root *root = &g_array_index(roots, Root, v);
    guint r = root->r;
    guint64 votes[EG_N_TYPES] = { 0 };
    EgNode node = { 0 };
    node.label = g_strdup(root->label);
    g_array_set_size(fa, 0);
    guint members = 0;
    for (gint i = first[r]; i >= 0; i = next[i], members++) {
      const EgEntityCounts *e = ents[i];
      node_of[i] = v;
      node.mentions += e->mentions;
      /* Two merged names in one window count that window twice; capped by the total below. */
      node.windows += e->windows;
      /* Documents of merged names can overlap only when one document used both names without
       * joining them; the sum is capped by the corpus size. */
      node.documents += e->documents;
      for (guint k = 0; k < EG_N_TYPES; k++)
        votes[k] += e->votes[k];
      for (guint k = 0; k < e->n_surfaces; k++) {
        Form f = { e->surfaces[k].text, e->surfaces[k].count };
        g_array_append_val(fa, f);
      }
    }
    if (members > 1)
      forms_sum(fa); /* merged names can share a surface form */
    node.documents = MIN(node.documents, counts->documents);
    node.windows = MIN(node.windows, counts->windows);
    node.type = root->w >= 0 ? merges->type[root->w] : eg_entity_type_guess(votes, node.label);
    memcpy(node.votes, votes, sizeof votes);

    if (fa->len > 1)
      g_array_sort(fa, cmp_form);
    g_string_truncate(al, 0);
    g_string_truncate(all, 0);
    for (guint k = 0; k < fa->len; k++) {
      const Form *f = &g_array_index(fa, Form, k);
      if (k)
        g_string_append_c(all, '|');
      g_string_append(all, f->form);
      g_string_append_c(all, ' ');
      char digits[EG_U64_DIGITS];
      g_string_append_len(all, digits, (gssize)eg_u64_digits(digits, f->count));
      if (strcmp(f->form, node.label) == 0)
        continue;
      if (al->len)
        g_string_append_c(al, '|');
      g_string_append(al, f->form);
    }
    node.aliases = g_strndup(al->str, al->len);
    node.forms = g_strndup(all->str, all->len);
    g_array_append_val(t->nodes, node);
  }

  /* Pairs map onto nodes; pairs that land on one edge add up (windows, documents), the edge's
   * example is the smallest of theirs, pairs inside one node vanish. The pairs are sorted by
   * their edge and summed in one pass: sums and the minimum do not depend on the order. */
  GArray *hits = g_array_sized_new(FALSE, FALSE, sizeof(EdgeHit), g_hash_table_size(counts->pairs));
  g_array_set_size(hits, g_hash_table_size(counts->pairs));
  guint n_hits = 0;
  /* A pair names its entities by id: their index among the names, -1 for a label that is no
   * entity (only pairs name it). */
  g_autofree gint *at_id = g_new(gint, counts->n_ids + 1);
  for (guint id = 0; id < counts->n_ids; id++)
    at_id[id] = -1;
  for (guint i = 0; i < n; i++)
    at_id[ents[i]->id] = (gint)i;
  GHashTableIter pi;
  gpointer pk;
  g_hash_table_iter_init(&pi, counts->pairs);
  while (g_hash_table_iter_next(&pi, &pk, NULL)) {
    const EgPairCounts *pc = pk;
    gint ia = at_id[pc->a], ib = at_id[pc->b];
    if (ia < 0 || ib < 0)
      continue;
    guint na = node_of[ia], nb = node_of[ib];
    if (na == nb)
      continue;
    EdgeHit h = { MIN(na, nb), MAX(na, nb), pc };
    g_array_index(hits, EdgeHit, n_hits++) = h;
  }
  g_array_set_size(hits, n_hits);
  hits_sort(hits, t->nodes->len);
  for (guint i = 0; i < hits->len;) {
    const EdgeHit *h = &g_array_index(hits, EdgeHit, i);
    EgEdge e = { h->source, h->target, 0, 0, NULL };
    const EgPairCounts *best = NULL;
    for (; i < hits->len && g_array_index(hits, EdgeHit, i).source == e.source &&
           g_array_index(hits, EdgeHit, i).target == e.target; i++) {
      const EgPairCounts *pc = g_array_index(hits, EdgeHit, i).pair;
      e.count += pc->windows;
      e.documents += pc->documents;
      if (pc->example_key) {
        int d = best ? strcmp(pc->example_key, best->example_key) : -1;
        if (d < 0 || (d == 0 && strcmp(pc->example, best->example) < 0))
          best = pc;
      }
    }
    if (best && best->example) {
      e.example = g_string_chunk_insert(t->examples, best->example);
    }
    g_array_append_val(t->edges, e); /* in (source, target) order already */
  }
  g_array_free(hits, TRUE);

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
