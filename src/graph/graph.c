/* graph.c: builds the igraph graph that every export reads.
 *
 * igraph keeps process-wide state (error handler, attribute table): set once here, used from
 * one thread only.
 */
#include "graph/graph.h"

#include <dlfcn.h>

void
eg_graph_init(void)
{
  static gsize once = 0;
  if (g_once_init_enter(&once)) {
    igraph_set_attribute_table(&igraph_cattribute_table);
    /* The default handler aborts the process; errors are reported as GError instead. */
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    /* Debian's igraph runs PageRank (PRPACK) under OpenMP: with several threads its sums come in
     * a different order each run and the last digits change. One thread makes reruns
     * byte-identical. The symbol comes from libgomp, which libigraph loads; no OpenMP: no-op. */
    void (*omp_set)(int) = NULL;
    *(void **)&omp_set = dlsym(RTLD_DEFAULT, "omp_set_num_threads"); /* the POSIX idiom */
    if (omp_set)
      omp_set(1);
    g_once_init_leave(&once, 1);
  }
}

static gboolean
graph_check(igraph_error_t rc, GError **error)
{
  if (rc == IGRAPH_SUCCESS)
    return TRUE;
  g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT, "igraph: %s", igraph_strerror(rc));
  return FALSE;
}

/* Sets the string attribute NAME of the N vertices (VERTICES) or edges of GRAPH to VALUES. */
static igraph_error_t
strings_set(igraph_t *graph, gboolean vertices, const char *name, const char *const *values, guint n)
{
  igraph_strvector_t sv;
  IGRAPH_CHECK(igraph_strvector_init(&sv, 0));
  IGRAPH_FINALLY(igraph_strvector_destroy, &sv);
  IGRAPH_CHECK(igraph_strvector_reserve(&sv, n));
  for (guint i = 0; i < n; i++)
    IGRAPH_CHECK(igraph_strvector_push_back(&sv, values[i]));
  if (vertices)
    IGRAPH_CHECK(igraph_cattribute_VAS_setv(graph, name, &sv));
  else
    IGRAPH_CHECK(igraph_cattribute_EAS_setv(graph, name, &sv));
  igraph_strvector_destroy(&sv);
  IGRAPH_FINALLY_CLEAN(1);
  return IGRAPH_SUCCESS;
}

/* Sets the numeric attribute NAME of the N vertices (VERTICES) or edges of GRAPH to VALUES. */
static igraph_error_t
numbers_set(igraph_t *graph, gboolean vertices, const char *name, const igraph_real_t *values, guint n)
{
  igraph_vector_t view;
  igraph_vector_view(&view, values, n);
  return vertices ? igraph_cattribute_VAN_setv(graph, name, &view)
                  : igraph_cattribute_EAN_setv(graph, name, &view);
}

gboolean
eg_graph_build(igraph_t *graph, const EgNodeTable *table, GError **error)
{
  g_return_val_if_fail(graph != NULL && table != NULL, FALSE);
  guint nv = table->nodes->len, ne = table->edges->len;
  igraph_vector_int_t ev;
  if (!graph_check(igraph_empty(graph, nv, IGRAPH_UNDIRECTED), error))
    return FALSE;
  if (!graph_check(igraph_vector_int_init(&ev, 2 * (igraph_integer_t)ne), error)) {
    igraph_destroy(graph);
    return FALSE;
  }
  for (guint i = 0; i < ne; i++) {
    const EgEdge *e = &g_array_index(table->edges, EgEdge, i);
    VECTOR(ev)[2 * i] = e->source;
    VECTOR(ev)[2 * i + 1] = e->target;
  }
  igraph_error_t rc = igraph_add_edges(graph, &ev, NULL);
  igraph_vector_int_destroy(&ev);
  if (!graph_check(rc, error)) {
    igraph_destroy(graph);
    return FALSE;
  }

  /* Attributes are set in the documented order: exports write them in this order. Each goes in
   * as one vector (one lookup of its name, not one per vertex or edge); an empty graph gets them
   * too (as empty vectors), so its GraphML still declares every key. */
  guint most = MAX(nv, ne);
  g_autofree const char **str = g_new(const char *, most + 1);
  g_autofree igraph_real_t *num = g_new(igraph_real_t, most + 1);
  const EgNode *nodes = (const EgNode *)(void *)table->nodes->data;
  const EgEdge *edges = (const EgEdge *)(void *)table->edges->data;
  for (guint i = 0; i < nv; i++)
    str[i] = nodes[i].label;
  rc = strings_set(graph, TRUE, "label", str, nv);
  for (guint i = 0; i < nv; i++)
    str[i] = eg_type_name(nodes[i].type);
  if (!rc) rc = strings_set(graph, TRUE, "type", str, nv);
  for (guint i = 0; i < nv; i++)
    num[i] = (igraph_real_t)nodes[i].mentions;
  if (!rc) rc = numbers_set(graph, TRUE, "mentions", num, nv);
  for (guint i = 0; i < nv; i++)
    num[i] = (igraph_real_t)nodes[i].documents;
  if (!rc) rc = numbers_set(graph, TRUE, "documents", num, nv);
  for (guint i = 0; i < nv; i++)
    str[i] = nodes[i].aliases;
  if (!rc) rc = strings_set(graph, TRUE, "aliases", str, nv);
  for (guint i = 0; i < ne; i++)
    num[i] = (igraph_real_t)edges[i].count;
  if (!rc) rc = numbers_set(graph, FALSE, "weight", num, ne);
  if (!rc) rc = numbers_set(graph, FALSE, "count", num, ne);
  for (guint i = 0; i < ne; i++)
    num[i] = (igraph_real_t)edges[i].documents;
  if (!rc) rc = numbers_set(graph, FALSE, "documents", num, ne);
  for (guint i = 0; i < ne; i++)
    str[i] = edges[i].example ? edges[i].example : "";
  if (!rc) rc = strings_set(graph, FALSE, "example", str, ne);
  if (!rc) rc = SETGAN(graph, "documents", (igraph_real_t)table->documents);
  if (!rc) rc = SETGAN(graph, "windows", (igraph_real_t)table->windows);
  if (!graph_check(rc, error)) {
    igraph_destroy(graph);
    return FALSE;
  }
  return TRUE;
}

struct EgPeriods {
  GHashTable *vertex;         /* label -> vertex id + 1 */
  igraph_integer_t nv, ne;
  GString **vp, **ep;         /* per vertex, per edge: "2016-07|2016-09" */
};

EgPeriods *
eg_periods_new(const igraph_t *graph)
{
  EgPeriods *p = g_new0(EgPeriods, 1);
  p->nv = igraph_vcount(graph);
  p->ne = igraph_ecount(graph);
  p->vertex = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  for (igraph_integer_t v = 0; v < p->nv; v++)
    g_hash_table_insert(p->vertex, g_strdup(VAS(graph, "label", v)), GSIZE_TO_POINTER((gsize)v + 1));
  p->vp = g_new0(GString *, (gsize)p->nv + 1);
  p->ep = g_new0(GString *, (gsize)p->ne + 1);
  for (igraph_integer_t v = 0; v < p->nv; v++)
    p->vp[v] = g_string_new(NULL);
  for (igraph_integer_t e = 0; e < p->ne; e++)
    p->ep[e] = g_string_new(NULL);
  return p;
}

void
eg_periods_free(EgPeriods *p)
{
  if (!p)
    return;
  for (igraph_integer_t v = 0; v < p->nv; v++)
    g_string_free(p->vp[v], TRUE);
  for (igraph_integer_t e = 0; e < p->ne; e++)
    g_string_free(p->ep[e], TRUE);
  g_free(p->vp);
  g_free(p->ep);
  g_hash_table_unref(p->vertex);
  g_free(p);
}

/* Appends "|NAME" (or NAME when empty) to S. */
static void
periods_add(GString *s, const char *name)
{
  if (s->len)
    g_string_append_c(s, '|');
  g_string_append(s, name);
}

void
eg_periods_add(EgPeriods *p, const igraph_t *graph, const char *name, const EgNodeTable *table)
{
  g_autofree igraph_integer_t *at = g_new(igraph_integer_t, table->nodes->len + 1);
  for (guint i = 0; i < table->nodes->len; i++) {
    gsize id = GPOINTER_TO_SIZE(g_hash_table_lookup(p->vertex, g_array_index(table->nodes, EgNode, i).label));
    at[i] = (igraph_integer_t)id - 1; /* -1: filtered out of the graph */
    if (id)
      periods_add(p->vp[id - 1], name);
  }
  for (guint i = 0; i < table->edges->len; i++) {
    const EgEdge *edge = &g_array_index(table->edges, EgEdge, i);
    igraph_integer_t a = at[edge->source], b = at[edge->target], eid = -1;
    if (a < 0 || b < 0)
      continue;
    igraph_get_eid(graph, &eid, a, b, IGRAPH_UNDIRECTED, /* error = */ false);
    if (eid >= 0)
      periods_add(p->ep[eid], name);
  }
}

/* Sets "periods" on the vertices (or the edges) of GRAPH to the N strings of VALUES. */
static igraph_error_t
periods_set(igraph_t *graph, gboolean vertices, GString **values, igraph_integer_t n)
{
  igraph_strvector_t sv;
  IGRAPH_CHECK(igraph_strvector_init(&sv, n));
  IGRAPH_FINALLY(igraph_strvector_destroy, &sv);
  for (igraph_integer_t i = 0; i < n; i++)
    IGRAPH_CHECK(igraph_strvector_set(&sv, i, values[i]->str));
  if (vertices)
    IGRAPH_CHECK(igraph_cattribute_VAS_setv(graph, "periods", &sv));
  else
    IGRAPH_CHECK(igraph_cattribute_EAS_setv(graph, "periods", &sv));
  igraph_strvector_destroy(&sv);
  IGRAPH_FINALLY_CLEAN(1);
  return IGRAPH_SUCCESS;
}

gboolean
eg_periods_set(EgPeriods *p, igraph_t *graph, GError **error)
{
  igraph_error_t rc = periods_set(graph, TRUE, p->vp, p->nv);
  if (!rc)
    rc = periods_set(graph, FALSE, p->ep, p->ne);
  return graph_check(rc, error);
}
