/* filters.c: the filters of `entgraph build`, in one fixed order (README "Weights, filters and
 * metrics"): min-count, min-mentions, types, top, top-edges, backbone, focus, drop-isolates.
 *
 * Each step sees what the steps before it left: node and edge "alive" flags over the table, so
 * no step reorders anything and the kept nodes stay in label order. Ties are broken by label
 * (byte order) wherever a step ranks, so the result never depends on hash or sort stability.
 */
#include "graph/analysis.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const EgNodeTable *t;
  gboolean *node;     /* node alive */
  gboolean *edge;     /* edge alive */
} Alive;

static const EgNode *
node_at(const EgNodeTable *t, guint i)
{
  return &g_array_index(t->nodes, EgNode, i);
}

static const EgEdge *
edge_at(const EgNodeTable *t, guint i)
{
  return &g_array_index(t->edges, EgEdge, i);
}

/* An edge stays only while both its ends do. */
static void
alive_sync_edges(Alive *a)
{
  for (guint i = 0; i < a->t->edges->len; i++) {
    const EgEdge *e = edge_at(a->t, i);
    if (!a->node[e->source] || !a->node[e->target])
      a->edge[i] = FALSE;
  }
}

/* Degree and strength (sum of counts) over the alive edges. */
static void
alive_degrees(const Alive *a, guint *degree, double *strength)
{
  guint n = a->t->nodes->len;
  memset(degree, 0, sizeof(guint) * n);
  memset(strength, 0, sizeof(double) * n);
  for (guint i = 0; i < a->t->edges->len; i++) {
    if (!a->edge[i])
      continue;
    const EgEdge *e = edge_at(a->t, i);
    degree[e->source]++;
    degree[e->target]++;
    strength[e->source] += (double)e->count;
    strength[e->target] += (double)e->count;
  }
}

/* ---- --top N --rank R ---- */

typedef struct {
  guint index;
  double value;
  guint64 mentions;
  const char *label;
} Ranked;

static int
cmp_ranked(const void *pa, const void *pb)
{
  const Ranked *x = pa, *y = pb;
  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  if (x->mentions != y->mentions)
    return x->mentions > y->mentions ? -1 : 1;
  return strcmp(x->label, y->label);
}

static gboolean
filter_top(Alive *a, guint top, EgRank rank, GError **error)
{
  guint n = a->t->nodes->len;
  g_autofree double *value = g_new0(double, n + 1);
  if (rank == EG_RANK_MENTIONS) {
    for (guint i = 0; i < n; i++)
      value[i] = (double)node_at(a->t, i)->mentions;
  } else if (rank == EG_RANK_STRENGTH) {
    g_autofree guint *degree = g_new(guint, n + 1);
    alive_degrees(a, degree, value);
  } else {
    /* Pagerank of the graph the earlier steps left, on alive vertices renumbered 0.. */
    g_autofree igraph_integer_t *vid = g_new(igraph_integer_t, n + 1);
    igraph_integer_t nv = 0;
    for (guint i = 0; i < n; i++)
      vid[i] = a->node[i] ? nv++ : -1;
    igraph_vector_int_t edges;
    igraph_vector_t weights;
    igraph_vector_int_init(&edges, 0);
    igraph_vector_init(&weights, 0);
    for (guint i = 0; i < a->t->edges->len; i++) {
      if (!a->edge[i])
        continue;
      const EgEdge *e = edge_at(a->t, i);
      igraph_vector_int_push_back(&edges, vid[e->source]);
      igraph_vector_int_push_back(&edges, vid[e->target]);
      igraph_vector_push_back(&weights, (igraph_real_t)e->count);
    }
    g_autofree double *pr = g_new0(double, nv + 1);
    gboolean ok = eg_pagerank(nv, &edges, &weights, pr, error);
    igraph_vector_int_destroy(&edges);
    igraph_vector_destroy(&weights);
    if (!ok)
      return FALSE;
    for (guint i = 0; i < n; i++)
      value[i] = a->node[i] ? pr[vid[i]] : 0.0;
  }
  g_autofree Ranked *r = g_new(Ranked, n + 1);
  guint m = 0;
  for (guint i = 0; i < n; i++)
    if (a->node[i])
      r[m++] = (Ranked){ i, value[i], node_at(a->t, i)->mentions, node_at(a->t, i)->label };
  qsort(r, m, sizeof(Ranked), cmp_ranked);
  for (guint k = top; k < m; k++)
    a->node[r[k].index] = FALSE;
  alive_sync_edges(a);
  return TRUE;
}

/* ---- --top-edges K ---- */

typedef struct {
  guint edge;
  double weight;
  guint64 count;
  const char *other;  /* label of the other end */
} Incident;

static int
cmp_incident(const void *pa, const void *pb)
{
  const Incident *x = pa, *y = pb;
  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp(x->other, y->other);
}

/* The alive edges at each node in CSR form: node i's edge ids are ids[start[i] .. start[i+1]).
 * Returns IDS and sets *START (both transfer full). Time: O(n + e). */
static guint *
alive_incidence(const Alive *a, guint **start_out)
{
  const EgNodeTable *t = a->t;
  guint n = t->nodes->len, ne = t->edges->len;
  guint *start = g_new0(guint, n + 2);
  for (guint i = 0; i < ne; i++)
    if (a->edge[i]) {
      start[edge_at(t, i)->source + 1]++;
      start[edge_at(t, i)->target + 1]++;
    }
  for (guint i = 0; i < n; i++)
    start[i + 1] += start[i];
  g_autofree guint *fill = g_memdup2(start, sizeof(guint) * (n + 1));
  guint *ids = g_new(guint, start[n] + 1);
  for (guint i = 0; i < ne; i++) {
    if (!a->edge[i])
      continue;
    const EgEdge *e = edge_at(t, i);
    ids[fill[e->source]++] = i;
    ids[fill[e->target]++] = i;
  }
  *start_out = start;
  return ids;
}

static void
filter_top_edges(Alive *a, guint k, EgWeight weight)
{
  const EgNodeTable *t = a->t;
  guint n = t->nodes->len, ne = t->edges->len;
  g_autofree guint *start = NULL;
  g_autofree guint *ids = alive_incidence(a, &start);
  g_autofree Incident *inc = g_new(Incident, start[n] + 1);
  for (guint v = 0; v < n; v++)
    for (guint j = start[v]; j < start[v + 1]; j++) {
      const EgEdge *e = edge_at(t, ids[j]);
      guint other = e->source == v ? e->target : e->source;
      inc[j] = (Incident){ ids[j], eg_weight_edge(weight, t, e), e->count, node_at(t, other)->label };
    }
  g_autofree gboolean *keep = g_new0(gboolean, ne + 1);
  for (guint v = 0; v < n; v++) {
    guint len = start[v + 1] - start[v];
    qsort(inc + start[v], len, sizeof(Incident), cmp_incident);
    for (guint j = 0; j < MIN(k, len); j++)
      keep[inc[start[v] + j].edge] = TRUE;
  }
  for (guint i = 0; i < ne; i++)
    a->edge[i] = a->edge[i] && keep[i];
}

/* ---- --backbone ALPHA: the disparity filter of Serrano, Boguñá and Vespignani (2009) ---- */

static void
filter_backbone(Alive *a, double alpha)
{
  const EgNodeTable *t = a->t;
  guint n = t->nodes->len;
  g_autofree guint *degree = g_new(guint, n + 1);
  g_autofree double *strength = g_new(double, n + 1);
  alive_degrees(a, degree, strength);
  for (guint i = 0; i < t->edges->len; i++) {
    if (!a->edge[i])
      continue;
    const EgEdge *e = edge_at(t, i);
    gboolean significant = FALSE;
    guint ends[2] = { e->source, e->target };
    for (guint s = 0; s < 2; s++) {
      guint v = ends[s];
      /* alpha_ij = (1 - p_ij)^(k_i - 1), p_ij = w_ij / s_i. For k_i = 1 this is 1: an end of
       * degree 1 never makes its edge significant, the other end decides. */
      double p = (double)e->count / strength[v];
      double a_ij = degree[v] > 1 ? pow(1.0 - p, (double)(degree[v] - 1)) : 1.0;
      if (a_ij < alpha)
        significant = TRUE;
    }
    a->edge[i] = significant;
  }
}

/* ---- --focus NAME --depth D ---- */

gint
eg_filter_find(const EgNodeTable *table, const char *name, GError **error)
{
  g_return_val_if_fail(table != NULL && name != NULL, -1);
  g_autofree char *want = g_utf8_casefold(name, -1);
  g_autoptr(GArray) by_label = g_array_new(FALSE, FALSE, sizeof(guint));
  g_autoptr(GArray) by_alias = g_array_new(FALSE, FALSE, sizeof(guint));
  for (guint i = 0; i < table->nodes->len; i++) {
    const EgNode *n = node_at(table, i);
    g_autofree char *label = g_utf8_casefold(n->label, -1);
    if (strcmp(label, want) == 0) {
      g_array_append_val(by_label, i);
      continue;
    }
    g_auto(GStrv) aliases = g_strsplit(n->aliases ? n->aliases : "", "|", -1);
    for (guint k = 0; aliases[k]; k++) {
      g_autofree char *alias = g_utf8_casefold(aliases[k], -1);
      if (aliases[k][0] && strcmp(alias, want) == 0) {
        g_array_append_val(by_alias, i);
        break;
      }
    }
  }
  GArray *hits = by_label->len ? by_label : by_alias;
  if (hits->len == 1)
    return (gint)g_array_index(hits, guint, 0);
  /* Labels differing only by case: the one spelled exactly as asked, if any. */
  for (guint k = 0; k < hits->len; k++)
    if (strcmp(node_at(table, g_array_index(hits, guint, k))->label, name) == 0)
      return (gint)g_array_index(hits, guint, k);
  if (hits->len == 0) {
    g_set_error(error, EG_ANALYSIS_ERROR, EG_ANALYSIS_ERROR_FOCUS_UNKNOWN,
                "--focus: no entity is named '%s' (labels and aliases, ignoring case; "
                "'entgraph entities' lists them)", name);
    return -1;
  }
  GString *which = g_string_new(NULL);
  for (guint k = 0; k < hits->len && k < 5; k++)
    g_string_append_printf(which, "%s'%s'", k ? ", " : "", node_at(table, g_array_index(hits, guint, k))->label);
  g_set_error(error, EG_ANALYSIS_ERROR, EG_ANALYSIS_ERROR_FOCUS_AMBIGUOUS,
              "--focus: '%s' names %u entities (%s%s); give the full label", name, hits->len,
              which->str, hits->len > 5 ? ", ..." : "");
  g_string_free(which, TRUE);
  return -1;
}

static void
filter_focus(Alive *a, guint center, guint depth)
{
  const EgNodeTable *t = a->t;
  guint n = t->nodes->len;
  g_autofree guint *start = NULL;
  g_autofree guint *ids = alive_incidence(a, &start);
  /* Breadth-first from the centre, at most DEPTH edges out. */
  g_autofree guint *dist = g_new(guint, n + 1);
  for (guint i = 0; i < n; i++)
    dist[i] = G_MAXUINT;
  g_autofree guint *queue = g_new(guint, n + 1);
  guint head = 0, tail = 0;
  dist[center] = 0;
  queue[tail++] = center;
  while (head < tail) {
    guint v = queue[head++];
    if (dist[v] >= depth)
      continue;
    for (guint j = start[v]; j < start[v + 1]; j++) {
      const EgEdge *e = edge_at(t, ids[j]);
      guint other = e->source == v ? e->target : e->source;
      if (dist[other] == G_MAXUINT) {
        dist[other] = dist[v] + 1;
        queue[tail++] = other;
      }
    }
  }
  for (guint i = 0; i < n; i++)
    a->node[i] = a->node[i] && dist[i] != G_MAXUINT;
  alive_sync_edges(a);
}

/* ---- the whole chain ---- */

/* Keeps the live nodes and edges, in place: most runs filter little or nothing, and new arrays
 * grown element by element cost more than the filters themselves. */
static void
table_compact(EgNodeTable *t, const gboolean *node, const gboolean *edge)
{
  guint n = t->nodes->len, ne = t->edges->len, m = 0, k = 0;
  g_autofree guint *new_id = g_new(guint, n + 1);
  EgNode *nodes = (EgNode *)(void *)t->nodes->data;
  for (guint i = 0; i < n; i++) {
    if (node[i]) {
      new_id[i] = m;
      nodes[m++] = nodes[i];
    } else {
      eg_node_clear(&nodes[i]);
    }
  }
  EgEdge *edges = (EgEdge *)(void *)t->edges->data;
  for (guint i = 0; i < ne; i++) {
    if (!edge[i])
      continue;
    EgEdge e = edges[i];
    e.source = new_id[e.source];
    e.target = new_id[e.target];
    edges[k++] = e;
  }
  /* The tail holds nodes moved down or cleared: shrinking must not clear them again. */
  g_array_set_clear_func(t->nodes, NULL);
  g_array_set_size(t->nodes, m);
  g_array_set_size(t->edges, k);
}

gboolean
eg_filter_table(EgNodeTable *table, const EgFilterOptions *o, GError **error)
{
  g_return_val_if_fail(table != NULL && o != NULL, FALSE);
  guint n = table->nodes->len, ne = table->edges->len;
  gint center = -1;
  if (o->focus && (center = eg_filter_find(table, o->focus, error)) < 0)
    return FALSE;
  g_autofree gboolean *node = g_new(gboolean, n + 1);
  g_autofree gboolean *edge = g_new(gboolean, ne + 1);
  for (guint i = 0; i < n; i++)
    node[i] = TRUE;
  for (guint i = 0; i < ne; i++)
    edge[i] = TRUE;
  Alive a = { table, node, edge };

  /* 1 --min-count */
  for (guint i = 0; i < ne; i++)
    if (edge_at(table, i)->count < o->min_count)
      edge[i] = FALSE;
  /* 2 --min-mentions, 3 --types */
  for (guint i = 0; i < n; i++) {
    const EgNode *x = node_at(table, i);
    if (x->mentions < o->min_mentions)
      node[i] = FALSE;
    if (o->types && !(o->types & (1u << x->type)))
      node[i] = FALSE;
  }
  alive_sync_edges(&a);
  /* 4 --top N --rank R */
  if (o->top && !filter_top(&a, o->top, o->rank, error))
    return FALSE;
  /* 5 --top-edges K */
  if (o->top_edges)
    filter_top_edges(&a, o->top_edges, o->weight);
  /* 6 --backbone ALPHA */
  if (o->backbone > 0)
    filter_backbone(&a, o->backbone);
  /* 7 --focus NAME --depth D */
  if (center >= 0) {
    if (!node[center]) {
      g_set_error(error, EG_ANALYSIS_ERROR, EG_ANALYSIS_ERROR_FOCUS_FILTERED,
                  "--focus: '%s' (%s) was removed by an earlier filter (--min-mentions, --types or "
                  "--top)", o->focus, node_at(table, (guint)center)->label);
      return FALSE;
    }
    filter_focus(&a, (guint)center, o->depth);
  }
  /* 8 --drop-isolates */
  if (o->drop_isolates) {
    g_autofree guint *degree = g_new(guint, n + 1);
    g_autofree double *strength = g_new(double, n + 1);
    alive_degrees(&a, degree, strength);
    for (guint i = 0; i < n; i++)
      if (degree[i] == 0)
        node[i] = FALSE;
  }
  table_compact(table, node, edge);
  g_array_set_clear_func(table->nodes, eg_node_clear);
  return TRUE;
}
