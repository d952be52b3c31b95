/* analysis.h: what turns a consolidated table into a graph worth reading: association weights
 * over windows, filters applied in one documented order, and network metrics through igraph.
 *
 * Invariants: weights are functions of the corpus totals (node windows, total windows), which no
 * filter changes, so a weight never depends on the filters or on how documents were split into
 * runs. Filters keep node order (label order), so node ids stay n0, n1, ... in label order.
 * Metrics weigh an edge by its raw count (a PMI-type weight can be negative), are computed on
 * the graph as written, and are deterministic (fixed seed, no hash order). igraph runs on the
 * calling thread only.
 */
#ifndef EG_ANALYSIS_H
#define EG_ANALYSIS_H

#include <igraph.h>

#include "cooc/cooc.h"

#define EG_ANALYSIS_ERROR (eg_analysis_error_quark())
GQuark eg_analysis_error_quark(void);

typedef enum {
  EG_ANALYSIS_ERROR_FOCUS_UNKNOWN,   /* --focus names no entity */
  EG_ANALYSIS_ERROR_FOCUS_AMBIGUOUS, /* --focus names several entities */
  EG_ANALYSIS_ERROR_FOCUS_FILTERED,  /* --focus names an entity an earlier filter removed */
  EG_ANALYSIS_ERROR_IGRAPH           /* igraph failed (out of memory) */
} EgAnalysisErrorCode;

/* ---- weights ---------------------------------------------------------------------------------- */

/* The edge `weight`: the raw count or an association measure over windows (natural log). */
typedef enum { EG_WEIGHT_COUNT, EG_WEIGHT_PMI, EG_WEIGHT_NPMI, EG_WEIGHT_JACCARD, EG_WEIGHT_DICE } EgWeight;

gboolean eg_weight_parse(const char *name, EgWeight *weight);
/* "count", "pmi", ... This function can't fail. */
const char *eg_weight_name(EgWeight weight);
/* The measure for a pair seen together in C windows, A alone in WA windows, B in WB, of W
 * windows in all (README "Weights, filters and metrics"):
 *   pmi = ln(c W / (wa wb)),  npmi = pmi / -ln(c / W) (1 when c = W),
 *   jaccard = c / (wa + wb - c),  dice = 2c / (wa + wb).
 * C is capped by WA, WB and W first (merged names can count one window twice). */
double eg_weight_value(EgWeight weight, guint64 c, guint64 wa, guint64 wb, guint64 w);
/* The measure of edge E of TABLE. */
double eg_weight_edge(EgWeight weight, const EgNodeTable *table, const EgEdge *e);

/* ---- ranking ---------------------------------------------------------------------------------- */

/* What "most central" means for --top and for the nodes a picture shows. */
typedef enum { EG_RANK_MENTIONS, EG_RANK_STRENGTH, EG_RANK_PAGERANK } EgRank;
gboolean eg_rank_parse(const char *name, EgRank *rank);

/* GRAPH's vertices, most central by RANK first; ties by mentions, then label (byte order).
 * Uses the vertex attribute "strength" or "pagerank" when present, else computes it by count.
 * Returns an array of vcount ids (transfer full, g_free). */
igraph_integer_t *eg_graph_rank_order(const igraph_t *graph, EgRank rank);

/* ---- filters ---------------------------------------------------------------------------------- */

typedef struct {
  guint64 min_count;          /* 1: drop edges with a smaller count (0 or 1: off) */
  guint64 min_mentions;       /* 2: drop entities mentioned fewer times */
  guint types;                /* 3: keep only these types, a mask of 1 << EgEntityType; 0: all */
  guint top;                  /* 4: keep the TOP most central entities by RANK; 0: all */
  EgRank rank;
  guint top_edges;            /* 5: keep an edge when it is among the K strongest (by WEIGHT) of
                                 either end; 0: all */
  EgWeight weight;
  double backbone;            /* 6: disparity filter at this alpha; 0: off */
  const char *focus;          /* 7: keep the entities within DEPTH edges of this one; NULL: off */
  guint depth;
  gboolean drop_isolates;     /* 8: drop entities without edges */
} EgFilterOptions;

#define EG_FILTER_OPTIONS_INIT { 0, 0, 0, 0, EG_RANK_MENTIONS, 0, EG_WEIGHT_COUNT, 0.0, NULL, 1, FALSE }

/* Applies the filters of OPTIONS to TABLE in place, in the order of their numbers above.
 * Kept nodes keep their label order, counts and windows; totals (documents, windows) are those
 * of the corpus. Returns FALSE and sets ERROR (TABLE unchanged) when --focus names no entity,
 * several, or one an earlier filter removed, or when igraph fails.
 * Time: O(n log n + e log e), plus pagerank for EG_RANK_PAGERANK. */
gboolean eg_filter_table(EgNodeTable *table, const EgFilterOptions *options, GError **error);

/* The index of the node --focus NAME means: a label equal to NAME ignoring case, else the one
 * node with such an alias. Returns -1 and sets ERROR when none or several match. */
gint eg_filter_find(const EgNodeTable *table, const char *name, GError **error);

/* ---- the graph and its metrics ---------------------------------------------------------------- */

/* Metrics are computed by default up to this size of the graph as written. */
#define EG_METRICS_MAX_NODES 200000
#define EG_METRICS_MAX_EDGES 2000000
/* Betweenness takes time nodes x (nodes + edges) per connected component: skipped when the
 * sum over components is above this (about 15 s). */
#define EG_BETWEENNESS_MAX_WORK 1e9
/* Seed of igraph's default generator for Leiden. */
#define EG_LEIDEN_SEED 20240401u

/* Sets the edge attribute "weight" of GRAPH (built by eg_graph_build from TABLE) to WEIGHT's
 * measure and adds the graph attributes nodes, edges and measure (its name). */
gboolean eg_graph_set_weights(igraph_t *graph, const EgNodeTable *table, EgWeight weight, GError **error);

/* Adds the metrics as attributes of GRAPH: per vertex degree, strength, pagerank (damping 0.85,
 * weighted by count), betweenness (shortest paths by hops, not normalised; left out when
 * SKIP_BETWEENNESS), community (Leiden optimising modularity, seeded; numbered largest first)
 * and component (numbered largest first); graph attribute modularity (of the communities, by
 * count; left out for a graph without edges). Time: O((n + e) log n) plus Leiden's iterations,
 * plus O(n (n + e)) for betweenness. */
gboolean eg_graph_metrics(igraph_t *graph, gboolean skip_betweenness, GError **error);

/* The work betweenness takes on GRAPH: the sum over its connected components of nodes x (nodes +
 * edges). */
double eg_betweenness_work(const igraph_t *graph);

/* Pagerank of the graph of NV vertices and the edges EDGES (pairs of vertex ids) with WEIGHTS,
 * damping 0.85, into RESULT (NV values, summing to 1). */
gboolean eg_pagerank(igraph_integer_t nv, const igraph_vector_int_t *edges, const igraph_vector_t *weights,
                     double *result, GError **error);

#endif
