/* test_graph.c: unit tests of the analysis stage (src/graph/analysis.h): weight measures, each
 * filter on a small table built by hand, their order, --focus lookups, metrics and ranking.
 *
 * The table (W = 20 windows; label order = node ids):
 *
 *   id label    type    mentions windows aliases        edges (count)
 *   0  Alpha    PERSON  10       8                      A-B 5, A-C 3, A-D 1
 *   1  Bravo    ORG     6        5                      B-C 2, B-F 1
 *   2  Charlie  LOC     4        4                      C-D 2
 *   3  Delta    PERSON  2        2                      D-E 1
 *   4  Echo     MISC    1        1
 *   5  Foxtrot  ORG     3        3       Fox|F.T.
 *
 * Degrees and strengths (sum of counts): A 3/9, B 3/8, C 3/7, D 3/4, E 1/1, F 1/1.
 */
#include <math.h>
#include <string.h>

#include "graph/analysis.h"
#include "graph/graph.h"

static void
node_clear(gpointer p)
{
  EgNode *n = p;
  g_free(n->label);
  g_free(n->aliases);
}

static void
add_node(EgNodeTable *t, const char *label, EgEntityType type, guint64 mentions, guint64 windows,
         const char *aliases)
{
  EgNode n = { 0 };
  n.label = g_strdup(label);
  n.type = type;
  n.mentions = mentions;
  n.documents = 1;
  n.windows = windows;
  n.aliases = g_strdup(aliases);
  g_array_append_val(t->nodes, n);
}

static void
add_edge(EgNodeTable *t, guint a, guint b, guint64 count)
{
  EgEdge e = { a, b, count, 1, NULL };
  g_array_append_val(t->edges, e);
}

static EgNodeTable *
small_table(void)
{
  EgNodeTable *t = g_new0(EgNodeTable, 1);
  t->nodes = g_array_new(FALSE, TRUE, sizeof(EgNode));
  g_array_set_clear_func(t->nodes, node_clear);
  t->edges = g_array_new(FALSE, TRUE, sizeof(EgEdge));
  add_node(t, "Alpha", EG_TYPE_PERSON, 10, 8, "");
  add_node(t, "Bravo", EG_TYPE_ORG, 6, 5, "");
  add_node(t, "Charlie", EG_TYPE_LOC, 4, 4, "");
  add_node(t, "Delta", EG_TYPE_PERSON, 2, 2, "");
  add_node(t, "Echo", EG_TYPE_MISC, 1, 1, "");
  add_node(t, "Foxtrot", EG_TYPE_ORG, 3, 3, "Fox|F.T.");
  add_edge(t, 0, 1, 5);
  add_edge(t, 0, 2, 3);
  add_edge(t, 0, 3, 1);
  add_edge(t, 1, 2, 2);
  add_edge(t, 1, 5, 1);
  add_edge(t, 2, 3, 2);
  add_edge(t, 3, 4, 1);
  t->documents = 3;
  t->windows = 20;
  return t;
}

/* The kept nodes as "A B C" (first letters) and edges as "AB AC" (by label), for comparison. */
static char *
describe(const EgNodeTable *t)
{
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < t->nodes->len; i++)
    g_string_append_printf(s, "%s%c", i ? " " : "", g_array_index(t->nodes, EgNode, i).label[0]);
  g_string_append(s, " |");
  for (guint i = 0; i < t->edges->len; i++) {
    const EgEdge *e = &g_array_index(t->edges, EgEdge, i);
    g_assert_cmpuint(e->source, <, e->target);
    g_assert_cmpuint(e->target, <, t->nodes->len);
    g_string_append_printf(s, " %c%c", g_array_index(t->nodes, EgNode, e->source).label[0],
                           g_array_index(t->nodes, EgNode, e->target).label[0]);
  }
  return g_string_free(s, FALSE);
}

/* Filters a fresh small table with O and returns describe() of the result. */
static char *
run_filter(const EgFilterOptions *o)
{
  g_autoptr(EgNodeTable) t = small_table();
  g_autoptr(GError) error = NULL;
  g_assert_true(eg_filter_table(t, o, &error));
  g_assert_no_error(error);
  g_assert_cmpuint(t->windows, ==, 20);
  g_assert_cmpuint(t->documents, ==, 3);
  return describe(t);
}

#define CHECK_FILTER(o, expected)                                                                 \
  do {                                                                                            \
    g_autofree char *got_ = run_filter(&(o));                                                     \
    g_assert_cmpstr(got_, ==, expected);                                                          \
  } while (0)

/* ---- weights ---------------------------------------------------------------------------------- */

static void
test_weight_values(void)
{
  /* c = 2 shared windows, wa = 4, wb = 5, W = 20. */
  g_assert_cmpfloat_with_epsilon(eg_weight_value(EG_WEIGHT_COUNT, 2, 4, 5, 20), 2.0, 1e-15);
  g_assert_cmpfloat_with_epsilon(eg_weight_value(EG_WEIGHT_PMI, 2, 4, 5, 20), log(2.0), 1e-15);
  g_assert_cmpfloat_with_epsilon(eg_weight_value(EG_WEIGHT_NPMI, 2, 4, 5, 20), log(2.0) / log(10.0), 1e-15);
  g_assert_cmpfloat_with_epsilon(eg_weight_value(EG_WEIGHT_JACCARD, 2, 4, 5, 20), 2.0 / 7.0, 1e-15);
  g_assert_cmpfloat_with_epsilon(eg_weight_value(EG_WEIGHT_DICE, 2, 4, 5, 20), 4.0 / 9.0, 1e-15);
  /* Independence: PMI 0; always together: NPMI 1, Jaccard 1, Dice 1. */
  g_assert_cmpfloat_with_epsilon(eg_weight_value(EG_WEIGHT_PMI, 1, 4, 5, 20), 0.0, 1e-15);
  g_assert_cmpfloat_with_epsilon(eg_weight_value(EG_WEIGHT_NPMI, 3, 3, 3, 20), 1.0, 1e-15);
  g_assert_cmpfloat_with_epsilon(eg_weight_value(EG_WEIGHT_JACCARD, 3, 3, 3, 20), 1.0, 1e-15);
  g_assert_cmpfloat_with_epsilon(eg_weight_value(EG_WEIGHT_DICE, 3, 3, 3, 20), 1.0, 1e-15);
  /* Every window: NPMI is defined as 1 (0/0 otherwise). */
  g_assert_cmpfloat(eg_weight_value(EG_WEIGHT_NPMI, 20, 20, 20, 20), ==, 1.0);
  /* Fewer together than by chance: negative. */
  g_assert_cmpfloat(eg_weight_value(EG_WEIGHT_PMI, 1, 10, 10, 20), <, 0.0);
  g_assert_cmpfloat(eg_weight_value(EG_WEIGHT_NPMI, 1, 10, 10, 20), <, 0.0);
  /* A count above an end's windows (merged names) is capped: Jaccard stays at most 1. */
  g_assert_cmpfloat(eg_weight_value(EG_WEIGHT_JACCARD, 5, 3, 4, 20), ==, 0.75);
}

static void
test_weight_names(void)
{
  const char *names[] = { "count", "pmi", "npmi", "jaccard", "dice" };
  for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
    EgWeight w;
    g_assert_true(eg_weight_parse(names[i], &w));
    g_assert_cmpstr(eg_weight_name(w), ==, names[i]);
  }
  EgWeight w;
  g_assert_true(eg_weight_parse("NPMI", &w));
  g_assert_cmpint(w, ==, EG_WEIGHT_NPMI);
  g_assert_false(eg_weight_parse("lmi", &w));
  g_assert_false(eg_weight_parse(NULL, &w));
  EgRank r;
  g_assert_true(eg_rank_parse("pagerank", &r));
  g_assert_cmpint(r, ==, EG_RANK_PAGERANK);
  g_assert_false(eg_rank_parse("degree", &r));
}

static void
test_weight_edge(void)
{
  g_autoptr(EgNodeTable) t = small_table();
  /* B-C: c = 2, wB = 5, wC = 4, W = 20: the numbers of test_weight_values. */
  const EgEdge *bc = &g_array_index(t->edges, EgEdge, 3);
  g_assert_cmpfloat_with_epsilon(eg_weight_edge(EG_WEIGHT_PMI, t, bc), log(2.0), 1e-15);
  g_assert_cmpfloat_with_epsilon(eg_weight_edge(EG_WEIGHT_DICE, t, bc), 4.0 / 9.0, 1e-15);
}

/* ---- filters, one at a time ------------------------------------------------------------------- */

static void
test_filter_none(void)
{
  EgFilterOptions o = EG_FILTER_OPTIONS_INIT;
  CHECK_FILTER(o, "A B C D E F | AB AC AD BC BF CD DE");
}

static void
test_filter_min_count(void)
{
  EgFilterOptions o = EG_FILTER_OPTIONS_INIT;
  o.min_count = 2;
  /* Edges below 2 go; their entities stay (data files keep isolates). */
  CHECK_FILTER(o, "A B C D E F | AB AC BC CD");
  o.min_count = 6;
  CHECK_FILTER(o, "A B C D E F |");
}

static void
test_filter_min_mentions(void)
{
  EgFilterOptions o = EG_FILTER_OPTIONS_INIT;
  o.min_mentions = 3;
  CHECK_FILTER(o, "A B C F | AB AC BC BF");
}

static void
test_filter_types(void)
{
  EgFilterOptions o = EG_FILTER_OPTIONS_INIT;
  o.types = (1u << EG_TYPE_PERSON) | (1u << EG_TYPE_ORG);
  CHECK_FILTER(o, "A B D F | AB AD BF");
  o.types = 1u << EG_TYPE_LOC;
  CHECK_FILTER(o, "C |");
}

static void
test_filter_top(void)
{
  EgFilterOptions o = EG_FILTER_OPTIONS_INIT;
  o.top = 3; /* by mentions: A 10, B 6, C 4 */
  CHECK_FILTER(o, "A B C | AB AC BC");
  o.rank = EG_RANK_STRENGTH;
  o.top = 4; /* strengths A 9, B 8, C 7, D 4 */
  CHECK_FILTER(o, "A B C D | AB AC AD BC CD");
  o.top = 5; /* E and F tie at strength 1: F has more mentions (3 against 1) */
  CHECK_FILTER(o, "A B C D F | AB AC AD BC BF CD");
  o.rank = EG_RANK_PAGERANK;
  o.top = 2;
  CHECK_FILTER(o, "A B | AB");
  o.top = 100;
  CHECK_FILTER(o, "A B C D E F | AB AC AD BC BF CD DE");
}

static void
test_filter_top_edges(void)
{
  EgFilterOptions o = EG_FILTER_OPTIONS_INIT;
  /* Strongest edge by count of each node: A-B (A, B), A-C (C), C-D (D: 2 beats 1 and 1), D-E
   * (E), B-F (F). A-D and B-C are nobody's strongest. */
  o.top_edges = 1;
  CHECK_FILTER(o, "A B C D E F | AB AC BF CD DE");
  o.top_edges = 3;
  CHECK_FILTER(o, "A B C D E F | AB AC AD BC BF CD DE");
}

static void
test_filter_top_edges_by_weight(void)
{
  /* By Jaccard (W = 20): A-B 5/8, A-C 3/9, A-D 1/9, B-C 2/7, B-F 1/7, C-D 2/4, D-E 1/2.
   * A: A-B; B: A-B; C: C-D (0.5 > 1/3); D: C-D and D-E tie at 0.5, C-D has the larger count;
   * E: D-E; F: B-F. */
  EgFilterOptions o = EG_FILTER_OPTIONS_INIT;
  o.top_edges = 1;
  o.weight = EG_WEIGHT_JACCARD;
  CHECK_FILTER(o, "A B C D E F | AB BF CD DE");
}

/* The disparity filter's alpha of edge (s, t) from end V, as in Serrano et al. (2009). */
static double
alpha_from(const EgNodeTable *t, guint v, guint64 w)
{
  double s = 0;
  guint k = 0;
  for (guint i = 0; i < t->edges->len; i++) {
    const EgEdge *e = &g_array_index(t->edges, EgEdge, i);
    if (e->source == v || e->target == v) {
      s += (double)e->count;
      k++;
    }
  }
  return pow(1.0 - (double)w / s, (double)k - 1.0);
}

static void
test_filter_backbone(void)
{
  /* By hand, alpha_ij = (1 - w_ij / s_i)^(k_i - 1) from each end:
   *   A-B (4/9)^2 = .198, (3/8)^2 = .141     A-C (6/9)^2 = .444, (4/7)^2 = .327
   *   A-D (8/9)^2 = .790, (3/4)^2 = .563     B-C (6/8)^2 = .563, (5/7)^2 = .510
   *   B-F (7/8)^2 = .766, F has degree 1: 1  C-D (5/7)^2 = .510, (2/4)^2 = .25
   *   D-E (3/4)^2 = .563, E has degree 1: 1
   * An edge stays when either alpha is below ALPHA. */
  EgFilterOptions o = EG_FILTER_OPTIONS_INIT;
  o.backbone = 0.3;
  CHECK_FILTER(o, "A B C D E F | AB CD");
  o.backbone = 0.5;
  CHECK_FILTER(o, "A B C D E F | AB AC CD");
  o.backbone = 0.52;
  CHECK_FILTER(o, "A B C D E F | AB AC BC CD");
  o.backbone = 1.0; /* every edge whose alpha is below 1 at one end: all here */
  CHECK_FILTER(o, "A B C D E F | AB AC AD BC BF CD DE");

  /* The same, from the formula, for a range of alphas. */
  g_autoptr(EgNodeTable) ref = small_table();
  for (double alpha = 0.05; alpha <= 1.0; alpha += 0.05) {
    GString *want = g_string_new("A B C D E F |");
    for (guint i = 0; i < ref->edges->len; i++) {
      const EgEdge *e = &g_array_index(ref->edges, EgEdge, i);
      if (alpha_from(ref, e->source, e->count) < alpha || alpha_from(ref, e->target, e->count) < alpha)
        g_string_append_printf(want, " %c%c", g_array_index(ref->nodes, EgNode, e->source).label[0],
                               g_array_index(ref->nodes, EgNode, e->target).label[0]);
    }
    o.backbone = alpha;
    CHECK_FILTER(o, want->str);
    g_string_free(want, TRUE);
  }
}

static void
test_filter_backbone_pair(void)
{
  /* Two entities seen only with each other: both ends have degree 1, so neither makes the edge
   * significant and the backbone drops it (README). */
  g_autoptr(EgNodeTable) t = small_table();
  g_array_set_size(t->edges, 0);
  add_edge(t, 0, 1, 7);
  EgFilterOptions o = EG_FILTER_OPTIONS_INIT;
  o.backbone = 0.05;
  g_assert_true(eg_filter_table(t, &o, NULL));
  g_assert_cmpuint(t->edges->len, ==, 0);
  g_assert_cmpuint(t->nodes->len, ==, 6);
}

static void
test_filter_focus(void)
{
  EgFilterOptions o = EG_FILTER_OPTIONS_INIT;
  o.focus = "charlie";
  CHECK_FILTER(o, "A B C D | AB AC AD BC CD");
  o.focus = "fox"; /* an alias, any case */
  CHECK_FILTER(o, "B F | BF");
  o.depth = 2;
  CHECK_FILTER(o, "A B C F | AB AC BC BF");
  o.depth = 0;
  CHECK_FILTER(o, "F |");
  o.focus = "F.T.";
  o.depth = 3;
  CHECK_FILTER(o, "A B C D F | AB AC AD BC BF CD");
}

static void
test_filter_focus_errors(void)
{
  g_autoptr(EgNodeTable) t = small_table();
  g_autoptr(GError) error = NULL;
  EgFilterOptions o = EG_FILTER_OPTIONS_INIT;
  o.focus = "Zulu";
  g_assert_false(eg_filter_table(t, &o, &error));
  g_assert_error(error, EG_ANALYSIS_ERROR, EG_ANALYSIS_ERROR_FOCUS_UNKNOWN);
  g_assert_nonnull(strstr(error->message, "Zulu"));
  g_assert_cmpuint(t->nodes->len, ==, 6); /* unchanged */
  g_clear_error(&error);

  o.focus = "Delta";
  o.min_mentions = 3;
  g_assert_false(eg_filter_table(t, &o, &error));
  g_assert_error(error, EG_ANALYSIS_ERROR, EG_ANALYSIS_ERROR_FOCUS_FILTERED);
  g_assert_cmpuint(t->nodes->len, ==, 6);
  g_clear_error(&error);

  /* An alias two nodes share is ambiguous; a label wins over an alias. */
  g_free(g_array_index(t->nodes, EgNode, 4).aliases);
  g_array_index(t->nodes, EgNode, 4).aliases = g_strdup("Fox");
  g_assert_cmpint(eg_filter_find(t, "FOX", &error), ==, -1);
  g_assert_error(error, EG_ANALYSIS_ERROR, EG_ANALYSIS_ERROR_FOCUS_AMBIGUOUS);
  g_clear_error(&error);
  g_free(g_array_index(t->nodes, EgNode, 3).aliases);
  g_array_index(t->nodes, EgNode, 3).aliases = g_strdup("Echo");
  g_assert_cmpint(eg_filter_find(t, "echo", &error), ==, 4);
  g_assert_no_error(error);
}

static void
test_filter_drop_isolates(void)
{
  EgFilterOptions o = EG_FILTER_OPTIONS_INIT;
  o.drop_isolates = TRUE;
  CHECK_FILTER(o, "A B C D E F | AB AC AD BC BF CD DE");
  o.min_count = 2;
  CHECK_FILTER(o, "A B C D | AB AC BC CD");
}

static void
test_filter_order(void)
{
  /* min-count runs before top (strength after min-count 2: A 8, B 7, C 7, D 2): top 2 by
   * strength keeps A and, of the tie B/C at 7, B (more mentions). */
  EgFilterOptions o = EG_FILTER_OPTIONS_INIT;
  o.min_count = 2;
  o.top = 2;
  o.rank = EG_RANK_STRENGTH;
  CHECK_FILTER(o, "A B | AB");
  /* The backbone sees the graph types left: PERSON and LOC keep A, C, D with A-C 3, A-D 1,
   * C-D 2. A: s 4, k 2: A-C (1/4)^1 = .25, A-D (3/4) = .75; C: s 5: A-C 2/5 = .4, C-D 3/5 = .6;
   * D: s 3: A-D 2/3, C-D 1/3. At 0.3: A-C only. Then focus Delta depth 1: D has no edge left. */
  EgFilterOptions p = EG_FILTER_OPTIONS_INIT;
  p.types = (1u << EG_TYPE_PERSON) | (1u << EG_TYPE_LOC);
  p.backbone = 0.3;
  CHECK_FILTER(p, "A C D | AC");
  p.focus = "delta";
  CHECK_FILTER(p, "D |");
  p.focus = "alpha";
  p.drop_isolates = TRUE;
  CHECK_FILTER(p, "A C | AC");
}

/* ---- graph and metrics ------------------------------------------------------------------------ */

static void
build(igraph_t *g, const EgNodeTable *t, EgWeight w)
{
  eg_graph_init();
  g_autoptr(GError) error = NULL;
  g_assert_true(eg_graph_build(g, t, &error));
  g_assert_true(eg_graph_set_weights(g, t, w, &error));
  g_assert_true(eg_graph_metrics(g, FALSE, &error));
  g_assert_no_error(error);
}

static void
test_metrics(void)
{
  g_autoptr(EgNodeTable) t = small_table();
  igraph_t g;
  build(&g, t, EG_WEIGHT_DICE);
  const double strength[] = { 9, 8, 7, 4, 1, 1 };
  const double degree[] = { 3, 3, 3, 3, 1, 1 };
  double sum = 0;
  for (int v = 0; v < 6; v++) {
    g_assert_cmpfloat(VAN(&g, "strength", v), ==, strength[v]);
    g_assert_cmpfloat(VAN(&g, "degree", v), ==, degree[v]);
    g_assert_cmpfloat(VAN(&g, "component", v), ==, 0);
    sum += VAN(&g, "pagerank", v);
  }
  g_assert_cmpfloat_with_epsilon(sum, 1.0, 1e-12);
  /* Betweenness by hops: E hangs on D, F on B, so they lie on no shortest path. */
  g_assert_cmpfloat(VAN(&g, "betweenness", 4), ==, 0);
  g_assert_cmpfloat(VAN(&g, "betweenness", 5), ==, 0);
  /* D lies on every shortest path from E (5 of them, one each to A, B, C, F... B via A or C). */
  g_assert_cmpfloat(VAN(&g, "betweenness", 3), >=, 4);
  /* Edge weight is Dice; count stays. */
  g_assert_cmpfloat_with_epsilon(EAN(&g, "weight", 0), 10.0 / 13.0, 1e-15);
  g_assert_cmpfloat(EAN(&g, "count", 0), ==, 5);
  g_assert_cmpfloat(GAN(&g, "nodes"), ==, 6);
  g_assert_cmpfloat(GAN(&g, "edges"), ==, 7);
  g_assert_cmpstr(GAS(&g, "measure"), ==, "dice");
  /* Modularity of the communities, recomputed. */
  igraph_vector_int_t m;
  igraph_vector_t w;
  igraph_vector_int_init(&m, 6);
  igraph_vector_init(&w, 7);
  for (int v = 0; v < 6; v++)
    VECTOR(m)[v] = (igraph_integer_t)VAN(&g, "community", v);
  for (int e = 0; e < 7; e++)
    VECTOR(w)[e] = EAN(&g, "count", e);
  igraph_real_t q;
  g_assert_cmpint(igraph_modularity(&g, &m, &w, 1.0, IGRAPH_UNDIRECTED, &q), ==, IGRAPH_SUCCESS);
  g_assert_cmpfloat_with_epsilon(GAN(&g, "modularity"), q, 1e-12);
  g_assert_cmpfloat(q, >, 0);
  /* Community 0 is the largest. */
  int size0 = 0, size1 = 0;
  for (int v = 0; v < 6; v++) {
    size0 += VECTOR(m)[v] == 0;
    size1 += VECTOR(m)[v] == 1;
  }
  g_assert_cmpint(size0, >=, size1);
  igraph_vector_int_destroy(&m);
  igraph_vector_destroy(&w);
  igraph_destroy(&g);
}

static void
test_metrics_deterministic(void)
{
  /* Leiden is seeded: two runs, with other random draws between them, agree. */
  g_autoptr(EgNodeTable) t = small_table();
  igraph_t a, b;
  build(&a, t, EG_WEIGHT_COUNT);
  igraph_rng_seed(igraph_rng_default(), 12345);
  (void)RNG_INTEGER(0, 1000);
  build(&b, t, EG_WEIGHT_COUNT);
  for (int v = 0; v < 6; v++) {
    g_assert_cmpfloat(VAN(&a, "community", v), ==, VAN(&b, "community", v));
    g_assert_cmpfloat(VAN(&a, "pagerank", v), ==, VAN(&b, "pagerank", v));
  }
  g_assert_cmpfloat(GAN(&a, "modularity"), ==, GAN(&b, "modularity"));
  igraph_destroy(&a);
  igraph_destroy(&b);
}

static void
test_metrics_components(void)
{
  /* After min-count 2: A B C D connected, E and F alone: component 0 is the big one, then E
   * (id 4) and F (id 5) by lowest id. Without edges of their own, E and F are communities of
   * their own too. */
  g_autoptr(EgNodeTable) t = small_table();
  EgFilterOptions o = EG_FILTER_OPTIONS_INIT;
  o.min_count = 2;
  g_assert_true(eg_filter_table(t, &o, NULL));
  igraph_t g;
  build(&g, t, EG_WEIGHT_COUNT);
  const double comp[] = { 0, 0, 0, 0, 1, 2 };
  for (int v = 0; v < 6; v++)
    g_assert_cmpfloat(VAN(&g, "component", v), ==, comp[v]);
  g_assert_cmpfloat(VAN(&g, "community", 4), !=, VAN(&g, "community", 5));
  g_assert_cmpfloat(VAN(&g, "pagerank", 4), >, 0);
  igraph_destroy(&g);
}

static void
test_metrics_empty(void)
{
  g_autoptr(EgNodeTable) t = small_table();
  EgFilterOptions o = EG_FILTER_OPTIONS_INIT;
  o.min_count = 100;
  g_assert_true(eg_filter_table(t, &o, NULL));
  igraph_t g;
  build(&g, t, EG_WEIGHT_NPMI);
  /* No edges: no modularity (NaN, not written); every entity its own community. */
  g_assert_true(isnan(GAN(&g, "modularity")));
  for (int v = 0; v < 6; v++)
    g_assert_cmpfloat(VAN(&g, "community", v), ==, v);
  igraph_destroy(&g);

  g_autoptr(EgNodeTable) none = small_table();
  o.min_mentions = 1000;
  g_assert_true(eg_filter_table(none, &o, NULL));
  g_assert_cmpuint(none->nodes->len, ==, 0);
  build(&g, none, EG_WEIGHT_NPMI);
  g_assert_cmpint(igraph_vcount(&g), ==, 0);
  igraph_destroy(&g);
}

static void
test_rank_order(void)
{
  g_autoptr(EgNodeTable) t = small_table();
  igraph_t g;
  eg_graph_init();
  g_assert_true(eg_graph_build(&g, t, NULL));
  /* Without metrics the ranks are computed on demand. */
  g_autofree igraph_integer_t *by_mentions = eg_graph_rank_order(&g, EG_RANK_MENTIONS);
  g_autofree igraph_integer_t *by_strength = eg_graph_rank_order(&g, EG_RANK_STRENGTH);
  g_autofree igraph_integer_t *by_pagerank = eg_graph_rank_order(&g, EG_RANK_PAGERANK);
  const igraph_integer_t mentions[] = { 0, 1, 2, 5, 3, 4 };  /* 10 6 4 3 2 1 */
  const igraph_integer_t strength[] = { 0, 1, 2, 3, 5, 4 };  /* 9 8 7 4, then F before E */
  for (int i = 0; i < 6; i++) {
    g_assert_cmpint(by_mentions[i], ==, mentions[i]);
    g_assert_cmpint(by_strength[i], ==, strength[i]);
  }
  g_assert_cmpint(by_pagerank[0], ==, 0);
  g_assert_true(eg_graph_metrics(&g, TRUE, NULL));
  g_assert_false(igraph_cattribute_has_attr(&g, IGRAPH_ATTRIBUTE_VERTEX, "betweenness"));
  g_autofree igraph_integer_t *again = eg_graph_rank_order(&g, EG_RANK_PAGERANK);
  for (int i = 0; i < 6; i++)
    g_assert_cmpint(again[i], ==, by_pagerank[i]);
  igraph_destroy(&g);
}

/* PageRank on a graph large enough for igraph's PRPACK to run its OpenMP loops gives the same
 * bits every time (Debian's igraph is built with OpenMP; entgraph pins it to one thread). */
static void
test_pagerank_repeatable(void)
{
  eg_graph_init(); /* where entgraph pins OpenMP to one thread */
  const igraph_integer_t nv = 60000, ne = 240000;
  igraph_vector_int_t edges;
  igraph_vector_t weights;
  igraph_vector_int_init(&edges, 2 * ne);
  igraph_vector_init(&weights, ne);
  guint32 x = 12345; /* a fixed linear congruential sequence: the same graph every run */
  for (igraph_integer_t e = 0; e < ne; e++) {
    x = x * 1664525u + 1013904223u;
    igraph_integer_t a = (igraph_integer_t)(x % (guint32)nv);
    x = x * 1664525u + 1013904223u;
    igraph_integer_t b = (igraph_integer_t)(x % (guint32)nv);
    VECTOR(edges)[2 * e] = a;
    VECTOR(edges)[2 * e + 1] = b == a ? (a + 1) % nv : b;
    VECTOR(weights)[e] = 1 + (x >> 28);
  }
  double *first = g_new(double, nv), *again = g_new(double, nv);
  g_autoptr(GError) error = NULL;
  g_assert_true(eg_pagerank(nv, &edges, &weights, first, &error));
  for (int run = 0; run < 3; run++) {
    g_assert_true(eg_pagerank(nv, &edges, &weights, again, &error));
    g_assert_cmpmem(first, nv * sizeof(double), again, nv * sizeof(double));
  }
  g_free(first);
  g_free(again);
  igraph_vector_int_destroy(&edges);
  igraph_vector_destroy(&weights);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/graph/weight/values", test_weight_values);
  g_test_add_func("/graph/weight/names", test_weight_names);
  g_test_add_func("/graph/weight/edge", test_weight_edge);
  g_test_add_func("/graph/filter/none", test_filter_none);
  g_test_add_func("/graph/filter/min-count", test_filter_min_count);
  g_test_add_func("/graph/filter/min-mentions", test_filter_min_mentions);
  g_test_add_func("/graph/filter/types", test_filter_types);
  g_test_add_func("/graph/filter/top", test_filter_top);
  g_test_add_func("/graph/filter/top-edges", test_filter_top_edges);
  g_test_add_func("/graph/filter/top-edges-by-weight", test_filter_top_edges_by_weight);
  g_test_add_func("/graph/filter/backbone", test_filter_backbone);
  g_test_add_func("/graph/filter/backbone-pair", test_filter_backbone_pair);
  g_test_add_func("/graph/filter/focus", test_filter_focus);
  g_test_add_func("/graph/filter/focus-errors", test_filter_focus_errors);
  g_test_add_func("/graph/filter/drop-isolates", test_filter_drop_isolates);
  g_test_add_func("/graph/filter/order", test_filter_order);
  g_test_add_func("/graph/metrics/values", test_metrics);
  g_test_add_func("/graph/metrics/deterministic", test_metrics_deterministic);
  g_test_add_func("/graph/metrics/components", test_metrics_components);
  g_test_add_func("/graph/metrics/empty", test_metrics_empty);
  g_test_add_func("/graph/rank-order", test_rank_order);
  g_test_add_func("/graph/pagerank-repeatable", test_pagerank_repeatable);
  return g_test_run();
}
