/* weights.c: the edge weight, raw count or an association measure over windows.
 *
 * Every measure reads only corpus totals: the windows shared (c), the windows of each end (wa,
 * wb) and the windows of the corpus (W). They are computed once all counts are in, never per
 * document, so merged partial runs and a single run give the same weights. Logarithms are
 * natural.
 */
#include "graph/analysis.h"

#include <math.h>
#include <string.h>

G_DEFINE_QUARK(eg-analysis-error-quark, eg_analysis_error)

static const char *const weight_names[] = { "count", "pmi", "npmi", "jaccard", "dice" };

gboolean
eg_weight_parse(const char *name, EgWeight *weight)
{
  for (guint i = 0; i < G_N_ELEMENTS(weight_names); i++)
    if (name && g_ascii_strcasecmp(name, weight_names[i]) == 0) {
      *weight = (EgWeight)i;
      return TRUE;
    }
  return FALSE;
}

const char *
eg_weight_name(EgWeight weight)
{
  return (guint)weight < G_N_ELEMENTS(weight_names) ? weight_names[weight] : "count";
}

gboolean
eg_rank_parse(const char *name, EgRank *rank)
{
  static const char *const names[] = { "mentions", "strength", "pagerank" };
  for (guint i = 0; i < G_N_ELEMENTS(names); i++)
    if (name && g_ascii_strcasecmp(name, names[i]) == 0) {
      *rank = (EgRank)i;
      return TRUE;
    }
  return FALSE;
}

double
eg_weight_value(EgWeight weight, guint64 c, guint64 wa, guint64 wb, guint64 w)
{
  /* Two names merged into one node can count one window twice; a pair cannot share more
   * windows than either end has, nor than there are. */
  c = MIN(c, MIN(MIN(wa, wb), w));
  double dc = (double)c, da = (double)wa, db = (double)wb, dw = (double)w;
  switch (weight) {
  case EG_WEIGHT_COUNT:
    return dc;
  case EG_WEIGHT_PMI:
    if (c == 0)
      return -INFINITY;
    return log(dc * dw / (da * db));
  case EG_WEIGHT_NPMI:
    if (c == 0)
      return -1.0;
    if (c == w)
      return 1.0; /* both occur in every window: complete co-occurrence */
    return log(dc * dw / (da * db)) / -log(dc / dw);
  case EG_WEIGHT_JACCARD:
    return wa + wb - c > 0 ? dc / (da + db - dc) : 0.0;
  case EG_WEIGHT_DICE:
    return wa + wb > 0 ? 2.0 * dc / (da + db) : 0.0;
  }
  return dc;
}

double
eg_weight_edge(EgWeight weight, const EgNodeTable *table, const EgEdge *e)
{
  const EgNode *a = &g_array_index(table->nodes, EgNode, e->source);
  const EgNode *b = &g_array_index(table->nodes, EgNode, e->target);
  return eg_weight_value(weight, e->count, a->windows, b->windows, table->windows);
}

gboolean
eg_graph_set_weights(igraph_t *graph, const EgNodeTable *table, EgWeight weight, GError **error)
{
  g_return_val_if_fail(graph != NULL && table != NULL, FALSE);
  g_return_val_if_fail(igraph_ecount(graph) == (igraph_integer_t)table->edges->len, FALSE);
  /* One vector, one lookup of the attribute, rather than one per edge. */
  igraph_vector_t w;
  igraph_error_t rc = igraph_vector_init(&w, (igraph_integer_t)table->edges->len);
  for (guint i = 0; !rc && i < table->edges->len; i++)
    VECTOR(w)[i] = eg_weight_edge(weight, table, &g_array_index(table->edges, EgEdge, i));
  if (!rc) {
    rc = igraph_cattribute_EAN_setv(graph, "weight", &w);
    igraph_vector_destroy(&w);
  }
  if (!rc) rc = SETGAN(graph, "nodes", (igraph_real_t)igraph_vcount(graph));
  if (!rc) rc = SETGAN(graph, "edges", (igraph_real_t)igraph_ecount(graph));
  if (!rc) rc = SETGAS(graph, "measure", eg_weight_name(weight));
  if (rc != IGRAPH_SUCCESS) {
    g_set_error(error, EG_ANALYSIS_ERROR, EG_ANALYSIS_ERROR_IGRAPH, "igraph: %s", igraph_strerror(rc));
    return FALSE;
  }
  return TRUE;
}
