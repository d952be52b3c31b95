/* graph.h: the graph stage's contract: an igraph graph built from consolidated nodes and edges,
 * with its attributes.
 *
 * Invariants: vertex i is node i of the table (ids n0, n1, ... in label order); the graph is
 * undirected, simple and its edges are sorted; vertex attributes are, in this order, label,
 * type, mentions, documents, aliases; edge attributes weight, count, documents and example;
 * with --slice, vertices and edges also have periods (EgPeriods). All igraph calls of the
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

/* The string attribute "periods" of every vertex and edge of a graph of the whole corpus
 * (--slice): the names of the periods whose tables hold the entity or the pair, "|"-separated
 * ("2016-07|2016-09"). Periods are added one at a time, in time order, each with its table
 * consolidated with the whole corpus's decisions (eg_consolidate_with), so that no more than
 * one period's table need be held; vertices are matched by label. Time: O(n + e) per period. */
typedef struct EgPeriods EgPeriods;
EgPeriods *eg_periods_new(const igraph_t *graph);
void eg_periods_add(EgPeriods *periods, const igraph_t *graph, const char *name, const EgNodeTable *table);
/* Sets the attribute on GRAPH. Returns FALSE and sets ERROR when igraph fails. */
gboolean eg_periods_set(EgPeriods *periods, igraph_t *graph, GError **error);
void eg_periods_free(EgPeriods *periods);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(EgPeriods, eg_periods_free)

#endif
