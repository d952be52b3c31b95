/* dot.h: private to export/: the cgraph graph that both the DOT writer and the picture
 * renderer start from, so a picture looks like `dot -Tsvg` of the written DOT. */
#ifndef EG_EXPORT_DOT_H
#define EG_EXPORT_DOT_H

#include <graphviz/cgraph.h>

#include "export/export.h"

/* Builds a cgraph graph of GRAPH's vertices where KEEP is NULL or KEEP[v] is TRUE, with the
 * style of the DOT contract, nodes filled by COLOR. Returns NULL when cgraph fails (transfer
 * full, agclose). */
Agraph_t *eg_dot_build(const igraph_t *graph, const gboolean *keep, EgColor color);

/* Whether nodes of GRAPH are coloured by community under COLOR (it has communities). */
gboolean eg_dot_by_community(const igraph_t *graph, EgColor color);

/* The fill colour of a node of TYPE ("PERSON", ...). This function can't fail. */
const char *eg_dot_type_color(const char *type);

/* The fill colour of community C (0 is the largest); the communities after the palette's
 * colours share one pale grey. This function can't fail. */
const char *eg_dot_community_color(igraph_integer_t c);
#define EG_DOT_COMMUNITY_COLORS 11

#endif
