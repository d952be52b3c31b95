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

  /* Attributes are set in the documented order: exports write them in this order. An empty
   * graph gets them too (as empty vectors), so its GraphML still declares every key. */
  if (nv == 0) {
    igraph_strvector_t sv;
    igraph_vector_t nvec;
    igraph_strvector_init(&sv, 0);
    igraph_vector_init(&nvec, 0);
    rc = igraph_cattribute_VAS_setv(graph, "label", &sv);
    if (!rc) rc = igraph_cattribute_VAS_setv(graph, "type", &sv);
    if (!rc) rc = igraph_cattribute_VAN_setv(graph, "mentions", &nvec);
    if (!rc) rc = igraph_cattribute_VAN_setv(graph, "documents", &nvec);
    if (!rc) rc = igraph_cattribute_VAS_setv(graph, "aliases", &sv);
    igraph_strvector_destroy(&sv);
    igraph_vector_destroy(&nvec);
  }
  if (ne == 0 && !rc) {
    igraph_vector_t evec;
    igraph_vector_init(&evec, 0);
    igraph_strvector_t esv;
    igraph_strvector_init(&esv, 0);
    rc = igraph_cattribute_EAN_setv(graph, "weight", &evec);
    if (!rc) rc = igraph_cattribute_EAN_setv(graph, "count", &evec);
    if (!rc) rc = igraph_cattribute_EAN_setv(graph, "documents", &evec);
    if (!rc) rc = igraph_cattribute_EAS_setv(graph, "example", &esv);
    igraph_strvector_destroy(&esv);
    igraph_vector_destroy(&evec);
  }
  for (guint i = 0; i < nv && rc == IGRAPH_SUCCESS; i++) {
    const EgNode *n = &g_array_index(table->nodes, EgNode, i);
    rc = SETVAS(graph, "label", i, n->label);
    if (!rc) rc = SETVAS(graph, "type", i, eg_type_name(n->type));
    if (!rc) rc = SETVAN(graph, "mentions", i, (igraph_real_t)n->mentions);
    if (!rc) rc = SETVAN(graph, "documents", i, (igraph_real_t)n->documents);
    if (!rc) rc = SETVAS(graph, "aliases", i, n->aliases);
  }
  for (guint i = 0; i < ne && rc == IGRAPH_SUCCESS; i++) {
    const EgEdge *e = &g_array_index(table->edges, EgEdge, i);
    rc = SETEAN(graph, "weight", i, (igraph_real_t)e->count);
    if (!rc) rc = SETEAN(graph, "count", i, (igraph_real_t)e->count);
    if (!rc) rc = SETEAN(graph, "documents", i, (igraph_real_t)e->documents);
    if (!rc) rc = SETEAS(graph, "example", i, e->example ? e->example : "");
  }
  if (!rc) rc = SETGAN(graph, "documents", (igraph_real_t)table->documents);
  if (!rc) rc = SETGAN(graph, "windows", (igraph_real_t)table->windows);
  if (!graph_check(rc, error)) {
    igraph_destroy(graph);
    return FALSE;
  }
  return TRUE;
}
