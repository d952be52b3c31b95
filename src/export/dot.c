/* dot.c: DOT through Graphviz cgraph, styled for reading.
 *
 * Edges are added once per pair (cgraph adds a parallel edge for every agedge call on a
 * non-strict graph, and igraph's edges are already unique). Pen width grows with the count
 * and node labels with mentions, on a log scale relative to the largest, so the strongest
 * ties stand out in a large graph; nodes are coloured by type. The raw count stays in the
 * `count` attribute and Graphviz's own `weight` (an integer layout weight) is the count too.
 * agwrite does not escape backslashes, so every string value is escaped here. Metrics the graph
 * carries (degree, pagerank, community, ...) and a weight measure other than the count are kept
 * as node and edge attributes, and the graph's totals as graph attributes, so a DOT file holds
 * what the GraphML holds, with each edge's documents and example (also its tooltip, which SVG
 * shows on hover); nodes are filled by type or by community.
 */
#include "export/dot.h"

#include <errno.h>
#include <math.h>
#include <string.h>

const char *
eg_dot_type_color(const char *type)
{
  static const struct { const char *type, *color; } colors[] = {
    { "PERSON", "#a6cee3" }, { "ORG", "#fdbf6f" }, { "LOC", "#b2df8a" }, { "MISC", "#d9d9d9" },
  };
  for (guint i = 0; i < G_N_ELEMENTS(colors); i++)
    if (type && strcmp(type, colors[i].type) == 0)
      return colors[i].color;
  return "#d9d9d9";
}

const char *
eg_dot_community_color(igraph_integer_t c)
{
  /* ColorBrewer Set3 without its grey, which stands for "a smaller community". */
  static const char *const palette[EG_DOT_COMMUNITY_COLORS] = {
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
    "#b3de69", "#fccde5", "#bc80bd", "#ccebc5", "#ffed6f",
  };
  return c >= 0 && c < EG_DOT_COMMUNITY_COLORS ? palette[c] : "#eeeeee";
}

gboolean
eg_dot_by_community(const igraph_t *g, EgColor color)
{
  return color == EG_COLOR_COMMUNITY && igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, "community");
}

/* Doubles backslashes, which DOT readers otherwise take as escapes, and drops the control
 * characters XML forbids too, since Graphviz writes labels into SVG (transfer full). */
static char *
dot_escape(const char *raw)
{
  g_autofree char *s = eg_export_xml_clean(raw);
  GString *out = g_string_sized_new(strlen(s) + 8);
  for (const char *p = s; *p; p++) {
    if (*p == '\\')
      g_string_append_c(out, '\\');
    g_string_append_c(out, *p);
  }
  return g_string_free(out, FALSE);
}

static void
dot_set(void *obj, Agsym_t *sym, const char *value)
{
  g_autofree char *v = dot_escape(value);
  agxset(obj, sym, v);
}

static const char *
dot_fixed(char *buf, double v)
{
  return g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, "%.2f", v);
}

Agraph_t *
eg_dot_build(const igraph_t *g, const gboolean *keep, EgColor color)
{
  Agraph_t *ag = agopen("entgraph", Agundirected, NULL);
  if (!ag)
    return NULL;
  agattr(ag, AGRAPH, "outputorder", "edgesfirst");
  agattr(ag, AGRAPH, "overlap", "false");
  agattr(ag, AGRAPH, "fontname", "Helvetica");
  /* The graph's totals and measure (documents, windows, nodes, edges, measure, modularity). */
  {
    igraph_strvector_t gnames, vnames, enames;
    igraph_vector_int_t gtypes, vtypes, etypes;
    igraph_strvector_init(&gnames, 0);
    igraph_strvector_init(&vnames, 0);
    igraph_strvector_init(&enames, 0);
    igraph_vector_int_init(&gtypes, 0);
    igraph_vector_int_init(&vtypes, 0);
    igraph_vector_int_init(&etypes, 0);
    igraph_cattribute_list(g, &gnames, &gtypes, &vnames, &vtypes, &enames, &etypes);
    char gbuf[G_ASCII_DTOSTR_BUF_SIZE];
    for (igraph_integer_t i = 0; i < igraph_strvector_size(&gnames); i++) {
      const char *name = igraph_strvector_get(&gnames, i);
      if (VECTOR(gtypes)[i] == IGRAPH_ATTRIBUTE_STRING) {
        g_autofree char *v = dot_escape(GAS(g, name));
        agattr(ag, AGRAPH, (char *)name, v);
      } else if (VECTOR(gtypes)[i] == IGRAPH_ATTRIBUTE_NUMERIC && !isnan(GAN(g, name))) {
        agattr(ag, AGRAPH, (char *)name, (char *)eg_export_number(gbuf, GAN(g, name), eg_export_attr_is_integer(name)));
      }
    }
    igraph_strvector_destroy(&gnames);
    igraph_strvector_destroy(&vnames);
    igraph_strvector_destroy(&enames);
    igraph_vector_int_destroy(&gtypes);
    igraph_vector_int_destroy(&vtypes);
    igraph_vector_int_destroy(&etypes);
  }
  Agsym_t *n_label = agattr(ag, AGNODE, "label", "\\N");
  Agsym_t *n_type = agattr(ag, AGNODE, "type", "");
  Agsym_t *n_mentions = agattr(ag, AGNODE, "mentions", "0");
  Agsym_t *n_documents = agattr(ag, AGNODE, "documents", "0");
  Agsym_t *n_aliases = agattr(ag, AGNODE, "aliases", "");
  agattr(ag, AGNODE, "style", "filled");
  agattr(ag, AGNODE, "shape", "ellipse");
  agattr(ag, AGNODE, "fontname", "Helvetica");
  Agsym_t *n_fill = agattr(ag, AGNODE, "fillcolor", "#d9d9d9");
  Agsym_t *n_fontsize = agattr(ag, AGNODE, "fontsize", "10");
  agattr(ag, AGEDGE, "color", "#00000066");
  Agsym_t *e_penwidth = agattr(ag, AGEDGE, "penwidth", "1");
  Agsym_t *e_weight = agattr(ag, AGEDGE, "weight", "1");
  Agsym_t *e_count = agattr(ag, AGEDGE, "count", "1");
  /* The evidence of each edge, and in pictures the example as the edge's tooltip (SVG shows it
   * on hover), so a reader can check a line against the sentence that made it. */
  gboolean has_evidence = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, "example");
  Agsym_t *e_documents = has_evidence ? agattr(ag, AGEDGE, "documents", "0") : NULL;
  Agsym_t *e_example = has_evidence ? agattr(ag, AGEDGE, "example", "") : NULL;
  Agsym_t *e_tooltip = has_evidence ? agattr(ag, AGEDGE, "tooltip", "") : NULL;
  /* --slice: the periods each entity and edge is in. */
  Agsym_t *n_periods = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, "periods")
                           ? agattr(ag, AGNODE, "periods", "") : NULL;
  Agsym_t *e_periods = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, "periods")
                           ? agattr(ag, AGEDGE, "periods", "") : NULL;
  /* Graphviz reads `weight` as a layout weight, so a measure keeps its own name (npmi="0.42"). */
  const char *measure = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_GRAPH, "measure") ? GAS(g, "measure") : "count";
  Agsym_t *e_measure = strcmp(measure, "count") != 0 ? agattr(ag, AGEDGE, (char *)measure, "") : NULL;
  Agsym_t *n_metric[16] = { NULL };
  for (guint k = 0; eg_export_metric_names[k] && k < G_N_ELEMENTS(n_metric); k++)
    if (igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, eg_export_metric_names[k]))
      n_metric[k] = agattr(ag, AGNODE, (char *)eg_export_metric_names[k], "");
  gboolean by_community = eg_dot_by_community(g, color);

  igraph_integer_t nv = igraph_vcount(g), ne = igraph_ecount(g);
  double max_mentions = 1, max_count = 1;
  for (igraph_integer_t v = 0; v < nv; v++)
    if (!keep || keep[v])
      max_mentions = MAX(max_mentions, VAN(g, "mentions", v));
  for (igraph_integer_t e = 0; e < ne; e++)
    if (!keep || (keep[IGRAPH_FROM(g, e)] && keep[IGRAPH_TO(g, e)]))
      max_count = MAX(max_count, EAN(g, "count", e));

  Agnode_t **nodes = g_new0(Agnode_t *, nv + 1);
  char buf[G_ASCII_DTOSTR_BUF_SIZE], id[32];
  for (igraph_integer_t v = 0; v < nv; v++) {
    if (keep && !keep[v])
      continue;
    g_snprintf(id, sizeof id, "n%" IGRAPH_PRId, v);
    Agnode_t *n = nodes[v] = agnode(ag, id, 1);
    double mentions = VAN(g, "mentions", v);
    dot_set(n, n_label, VAS(g, "label", v));
    dot_set(n, n_type, VAS(g, "type", v));
    dot_set(n, n_mentions, eg_export_number(buf, mentions, TRUE));
    dot_set(n, n_documents, eg_export_number(buf, VAN(g, "documents", v), TRUE));
    dot_set(n, n_aliases, VAS(g, "aliases", v));
    if (n_periods)
      dot_set(n, n_periods, VAS(g, "periods", v));
    for (guint k = 0; eg_export_metric_names[k] && k < G_N_ELEMENTS(n_metric); k++)
      if (n_metric[k])
        dot_set(n, n_metric[k], eg_export_number(buf, VAN(g, eg_export_metric_names[k], v),
                                                 eg_export_attr_is_integer(eg_export_metric_names[k])));
    dot_set(n, n_fill, by_community ? eg_dot_community_color((igraph_integer_t)VAN(g, "community", v))
                                    : eg_dot_type_color(VAS(g, "type", v)));
    dot_set(n, n_fontsize, dot_fixed(buf, 10.0 + 14.0 * log1p(mentions) / log1p(max_mentions)));
  }
  for (igraph_integer_t e = 0; e < ne; e++) {
    igraph_integer_t a = MIN(IGRAPH_FROM(g, e), IGRAPH_TO(g, e));
    igraph_integer_t b = MAX(IGRAPH_FROM(g, e), IGRAPH_TO(g, e));
    if (!nodes[a] || !nodes[b])
      continue;
    Agedge_t *edge = agedge(ag, nodes[a], nodes[b], NULL, 1);
    double count = EAN(g, "count", e);
    dot_set(edge, e_penwidth, dot_fixed(buf, 0.8 + 5.2 * log1p(count) / log1p(max_count)));
    dot_set(edge, e_weight, eg_export_number(buf, count, TRUE));
    dot_set(edge, e_count, eg_export_number(buf, count, TRUE));
    if (e_measure)
      dot_set(edge, e_measure, eg_export_number(buf, EAN(g, "weight", e), FALSE));
    if (has_evidence) {
      dot_set(edge, e_documents, eg_export_number(buf, EAN(g, "documents", e), TRUE));
      dot_set(edge, e_example, EAS(g, "example", e));
      dot_set(edge, e_tooltip, EAS(g, "example", e));
    }
    if (e_periods)
      dot_set(edge, e_periods, EAS(g, "periods", e));
  }
  g_free(nodes);
  return ag;
}

gboolean
eg_export_dot(const igraph_t *g, FILE *stream, GError **error)
{
  return eg_export_dot_color(g, EG_COLOR_TYPE, stream, error);
}

gboolean
eg_export_dot_color(const igraph_t *g, EgColor color, FILE *stream, GError **error)
{
  Agraph_t *ag = eg_dot_build(g, NULL, color);
  gboolean ok = ag && agwrite(ag, stream) == 0 && !ferror(stream);
  if (ag)
    agclose(ag);
  if (!ok) {
    int e = errno;
    g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT, "cannot write DOT (%s)", g_strerror(e));
  }
  return ok;
}
