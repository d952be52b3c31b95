/* graph.h: the graph stage's contract: an igraph graph built from consolidated nodes and edges,
 * with its attributes.
 *
 * Invariants: vertex i is node i of the table (ids n0, n1, ... in label order); the graph is
 * undirected, simple and its edges are sorted; vertex attributes are, in this order, label,
 * type, mentions, documents, aliases; edge attributes weight, count, documents and example;
 * with --slice, vertices and edges also have periods (eg_graph_set_periods). All igraph calls of the
 * program are made on one thread.
 */
#ifndef EG_GRAPH_H
#define EG_GRAPH_H

#include <igraph.h>

#include "cooc/cooc.h"

/* Installs igraph's attribute table and an error handler that returns errors instead of
 * aborting. Call once before any other function of this module. This function can't fail. */
void eg_graph_init(void);

/* Builds the graph of TABLE into GRAPH (initialised here; destroy with igraph_destroy).
 * Returns FALSE and sets ERROR when igraph fails (out of memory); nothing is then left to
 * destroy.
 * Time: O(n + e). */
gboolean eg_graph_build(igraph_t *graph, const EgNodeTable *table, GError **error);

/* Sets the string attribute "periods" on every vertex and edge of GRAPH (built from a table of
 * the whole corpus): the names of the periods, of the N period NAMES (in time order) whose
 * TABLES (consolidated with the whole corpus's decisions, eg_consolidate_with) hold the entity or
 * the pair, "|"-separated ("2016-07|2016-09"). Vertices are matched by label. Returns FALSE and
 * sets ERROR when igraph fails. Time: O(n + e) per period. */
gboolean eg_graph_set_periods(igraph_t *graph, const char *const *names, const EgNodeTable *const *tables,
                              guint n, GError **error);

#endif
