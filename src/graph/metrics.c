/* metrics.c: network metrics through igraph, written as attributes of the graph as written.
 *
 * Every metric weighs an edge by its raw count, whatever --weight chose: association measures
 * can be negative, and pagerank, strength and modularity need non-negative weights. Leiden runs
 * on igraph's default generator, seeded here each time, so communities are the same run after
 * run; communities and components are renumbered largest first (ties: lowest vertex id), so
 * their numbers do not depend on igraph's internal order. One thread only (igraph's state is
 * process-wide).
 */
#include "graph/analysis.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EG_PAGERANK_DAMPING 0.85

static gboolean
metrics_check(igraph_error_t rc, GError **error)
{
  if (rc == IGRAPH_SUCCESS)
    return TRUE;
  g_set_error(error, EG_ANALYSIS_ERROR, EG_ANALYSIS_ERROR_IGRAPH, "igraph: %s", igraph_strerror(rc));
  return FALSE;
}

gboolean
eg_pagerank(igraph_integer_t nv, const igraph_vector_int_t *edges, const igraph_vector_t *weights,
            double *result, GError **error)
{
  if (nv == 0)
    return TRUE;
  igraph_t g;
  if (!metrics_check(igraph_create(&g, edges, nv, IGRAPH_UNDIRECTED), error))
    return FALSE;
  igraph_vector_t pr;
  igraph_error_t rc = igraph_vector_init(&pr, 0);
  if (!rc)
    rc = igraph_pagerank(&g, IGRAPH_PAGERANK_ALGO_PRPACK, &pr, NULL, igraph_vss_all(), IGRAPH_UNDIRECTED,
                         EG_PAGERANK_DAMPING, igraph_vector_size(weights) ? weights : NULL, NULL);
  if (!rc)
    for (igraph_integer_t v = 0; v < nv; v++)
      result[v] = VECTOR(pr)[v];
  igraph_vector_destroy(&pr);
  igraph_destroy(&g);
  return metrics_check(rc, error);
}

typedef struct {
  igraph_integer_t group, size, first;
} Group;

static int
cmp_group(const void *pa, const void *pb)
{
  const Group *x = pa, *y = pb;
  if (x->size != y->size)
    return x->size > y->size ? -1 : 1;
  return x->first < y->first ? -1 : x->first > y->first;
}

/* Renumbers MEMBERSHIP so that group 0 is the largest, ties by lowest vertex id. */
static void
renumber_by_size(igraph_vector_int_t *membership)
{
  igraph_integer_t n = igraph_vector_int_size(membership), groups = 0;
  for (igraph_integer_t v = 0; v < n; v++)
    groups = MAX(groups, VECTOR(*membership)[v] + 1);
  g_autofree Group *g = g_new(Group, groups + 1);
  for (igraph_integer_t c = 0; c < groups; c++)
    g[c] = (Group){ c, 0, n };
  for (igraph_integer_t v = 0; v < n; v++) {
    Group *x = &g[VECTOR(*membership)[v]];
    x->size++;
    x->first = MIN(x->first, v);
  }
  qsort(g, (size_t)groups, sizeof(Group), cmp_group);
  g_autofree igraph_integer_t *new_id = g_new(igraph_integer_t, groups + 1);
  for (igraph_integer_t i = 0; i < groups; i++)
    new_id[g[i].group] = i;
  for (igraph_integer_t v = 0; v < n; v++)
    VECTOR(*membership)[v] = new_id[VECTOR(*membership)[v]];
}

/* The raw counts of GRAPH's edges, in edge order. */
static igraph_error_t
metrics_counts(const igraph_t *graph, igraph_vector_t *counts)
{
  IGRAPH_CHECK(igraph_vector_resize(counts, igraph_ecount(graph)));
  return igraph_cattribute_EANV(graph, "count", igraph_ess_all(IGRAPH_EDGEORDER_ID), counts);
}

static igraph_error_t
set_vertex_ints(igraph_t *graph, const char *name, const igraph_vector_int_t *v)
{
  igraph_vector_t real;
  IGRAPH_CHECK(igraph_vector_init(&real, igraph_vector_int_size(v)));
  for (igraph_integer_t i = 0; i < igraph_vector_int_size(v); i++)
    VECTOR(real)[i] = (igraph_real_t)VECTOR(*v)[i];
  igraph_error_t rc = igraph_cattribute_VAN_setv(graph, name, &real);
  igraph_vector_destroy(&real);
  return rc;
}

static igraph_error_t
metrics_run(igraph_t *graph, gboolean skip_betweenness, igraph_vector_t *w, igraph_vector_t *x,
            igraph_vector_t *strength, igraph_vector_int_t *ix)
{
  igraph_integer_t nv = igraph_vcount(graph), ne = igraph_ecount(graph);
  IGRAPH_CHECK(metrics_counts(graph, w));
  const igraph_vector_t *weights = ne ? w : NULL;

  IGRAPH_CHECK(igraph_degree(graph, ix, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS));
  IGRAPH_CHECK(set_vertex_ints(graph, "degree", ix));
  /* kept for Leiden's node weights below */
  IGRAPH_CHECK(igraph_strength(graph, strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, weights));
  IGRAPH_CHECK(igraph_cattribute_VAN_setv(graph, "strength", strength));
  if (nv) {
    IGRAPH_CHECK(igraph_pagerank(graph, IGRAPH_PAGERANK_ALGO_PRPACK, x, NULL, igraph_vss_all(),
                                 IGRAPH_UNDIRECTED, EG_PAGERANK_DAMPING, weights, NULL));
  } else {
    IGRAPH_CHECK(igraph_vector_resize(x, 0));
  }
  IGRAPH_CHECK(igraph_cattribute_VAN_setv(graph, "pagerank", x));
  if (!skip_betweenness) {
    /* Shortest paths by hops: a count measures closeness, not distance. */
    IGRAPH_CHECK(igraph_betweenness(graph, x, igraph_vss_all(), IGRAPH_UNDIRECTED, NULL));
    IGRAPH_CHECK(igraph_cattribute_VAN_setv(graph, "betweenness", x));
  }

  /* Leiden optimising modularity: node weights are the strengths and the resolution 1/(2m),
   * which turns igraph's CPM quality into modularity (igraph's documentation). */
  double m = 0;
  for (igraph_integer_t e = 0; e < ne; e++)
    m += VECTOR(*w)[e];
  igraph_real_t modularity = NAN;
  if (m > 0) {
    igraph_integer_t clusters = 0;
    IGRAPH_CHECK(igraph_rng_seed(igraph_rng_default(), EG_LEIDEN_SEED));
    IGRAPH_CHECK(igraph_community_leiden(graph, weights, strength, 1.0 / (2.0 * m), 0.01, FALSE,
                                         -1, ix, &clusters, NULL));
    renumber_by_size(ix);
    IGRAPH_CHECK(igraph_modularity(graph, ix, weights, 1.0, IGRAPH_UNDIRECTED, &modularity));
  } else {
    /* No edges: every entity is a community of its own. */
    IGRAPH_CHECK(igraph_vector_int_resize(ix, nv));
    for (igraph_integer_t v = 0; v < nv; v++)
      VECTOR(*ix)[v] = v;
  }
  IGRAPH_CHECK(set_vertex_ints(graph, "community", ix));

  igraph_integer_t n_comp = 0;
  IGRAPH_CHECK(igraph_connected_components(graph, ix, NULL, &n_comp, IGRAPH_WEAK));
  renumber_by_size(ix);
  IGRAPH_CHECK(set_vertex_ints(graph, "component", ix));
  if (!isnan(modularity))
    IGRAPH_CHECK(igraph_cattribute_GAN_set(graph, "modularity", modularity));
  return IGRAPH_SUCCESS;
}

gboolean
eg_graph_metrics(igraph_t *graph, gboolean skip_betweenness, GError **error)
{
  g_return_val_if_fail(graph != NULL, FALSE);
  igraph_vector_t w, x, strength;
  igraph_vector_int_t ix;
  igraph_vector_init(&w, 0);
  igraph_vector_init(&x, 0);
  igraph_vector_init(&strength, 0);
  igraph_vector_int_init(&ix, 0);
  igraph_error_t rc = metrics_run(graph, skip_betweenness, &w, &x, &strength, &ix);
  igraph_vector_destroy(&w);
  igraph_vector_destroy(&x);
  igraph_vector_destroy(&strength);
  igraph_vector_int_destroy(&ix);
  return metrics_check(rc, error);
}

double
eg_betweenness_work(const igraph_t *graph)
{
  igraph_integer_t nv = igraph_vcount(graph), n_comp = 0;
  igraph_vector_int_t membership;
  igraph_vector_int_init(&membership, 0);
  if (igraph_connected_components(graph, &membership, NULL, &n_comp, IGRAPH_WEAK) != IGRAPH_SUCCESS) {
    igraph_vector_int_destroy(&membership);
    return (double)nv * (double)(nv + igraph_ecount(graph));
  }
  g_autofree double *nodes = g_new0(double, n_comp + 1);
  g_autofree double *edges = g_new0(double, n_comp + 1);
  for (igraph_integer_t v = 0; v < nv; v++)
    nodes[VECTOR(membership)[v]] += 1;
  for (igraph_integer_t e = 0; e < igraph_ecount(graph); e++)
    edges[VECTOR(membership)[IGRAPH_FROM(graph, e)]] += 1;
  double work = 0;
  for (igraph_integer_t c = 0; c < n_comp; c++)
    work += nodes[c] * (nodes[c] + edges[c]);
  igraph_vector_int_destroy(&membership);
  return work;
}

/* ---- ranking ---- */

typedef struct {
  igraph_integer_t v;
  double value, mentions;
  const char *label;
} RankItem;

static int
cmp_rank_item(const void *pa, const void *pb)
{
  const RankItem *x = pa, *y = pb;
  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  if (x->mentions != y->mentions)
    return x->mentions > y->mentions ? -1 : 1;
  return strcmp(x->label, y->label);
}

igraph_integer_t *
eg_graph_rank_order(const igraph_t *graph, EgRank rank)
{
  igraph_integer_t nv = igraph_vcount(graph);
  const char *attr = rank == EG_RANK_STRENGTH ? "strength" : rank == EG_RANK_PAGERANK ? "pagerank" : "mentions";
  g_autofree double *value = g_new0(double, nv + 1);
  if (igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_VERTEX, attr)) {
    for (igraph_integer_t v = 0; v < nv; v++)
      value[v] = VAN(graph, attr, v);
  } else {
    /* Not computed (--no-metrics): compute it here, by count. */
    igraph_vector_t w, x;
    igraph_vector_init(&w, 0);
    igraph_vector_init(&x, 0);
    igraph_error_t rc = metrics_counts(graph, &w);
    const igraph_vector_t *weights = igraph_ecount(graph) ? &w : NULL;
    if (!rc && rank == EG_RANK_STRENGTH)
      rc = igraph_strength(graph, &x, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, weights);
    else if (!rc && nv)
      rc = igraph_pagerank(graph, IGRAPH_PAGERANK_ALGO_PRPACK, &x, NULL, igraph_vss_all(), IGRAPH_UNDIRECTED,
                           EG_PAGERANK_DAMPING, weights, NULL);
    if (!rc && igraph_vector_size(&x) == nv)
      for (igraph_integer_t v = 0; v < nv; v++)
        value[v] = VECTOR(x)[v];
    igraph_vector_destroy(&w);
    igraph_vector_destroy(&x);
  }
  g_autofree RankItem *items = g_new(RankItem, nv + 1);
  for (igraph_integer_t v = 0; v < nv; v++)
    items[v] = (RankItem){ v, value[v], VAN(graph, "mentions", v), VAS(graph, "label", v) };
  qsort(items, (size_t)nv, sizeof(RankItem), cmp_rank_item);
  igraph_integer_t *order = g_new(igraph_integer_t, nv + 1);
  for (igraph_integer_t i = 0; i < nv; i++)
    order[i] = items[i].v;
  return order;
}
