/* json.c: d3's node-link JSON, the form d3-force, networkx (node_link_graph) and most web
 * graph libraries take:
 *
 *   {"directed": false, "multigraph": false, "graph": {"documents": 2, ...},
 *    "nodes": [{"id": "n0", "label": "...", "type": "ORG", "mentions": 3, ...}, ...],
 *    "links": [{"source": "n0", "target": "n4", "weight": 2, "count": 2}, ...]}
 *
 * Every attribute of the graph, its vertices and edges is written; integer attributes as JSON
 * integers, the others in the shortest form that reads back exactly, "." whatever the locale;
 * a metric not computed for an element (NaN) is null. Written by hand rather than with
 * json-glib's generator, which prints doubles with 17 digits and NaN as an invalid token.
 * Strings escape '"', '\\', every control character, U+2028, U+2029 and also '<', '>' and '&'
 * (as \u003c, ...), so the file can be pasted into an HTML <script> element unchanged; text
 * that is not UTF-8 is repaired with U+FFFD. One node or link a line.
 */
#include "export/export.h"

#include <errno.h>
#include <math.h>
#include <string.h>

static void
json_string(GString *out, const char *value)
{
  g_autofree char *valid = g_utf8_make_valid(value ? value : "", -1);
  g_string_append_c(out, '"');
  for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    switch (c) {
    case '"': g_string_append(out, "\\\""); break;
    case '\\': g_string_append(out, "\\\\"); break;
    case '\b': g_string_append(out, "\\b"); break;
    case '\f': g_string_append(out, "\\f"); break;
    case '\n': g_string_append(out, "\\n"); break;
    case '\r': g_string_append(out, "\\r"); break;
    case '\t': g_string_append(out, "\\t"); break;
    default:
      if (c < 0x20 || c == 0x7F || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029)
        g_string_append_printf(out, "\\u%04x", (guint)c);
      else
        g_string_append_len(out, p, g_utf8_next_char(p) - p);
    }
  }
  g_string_append_c(out, '"');
}

/* Appends `"NAME": value` of attribute NAME (of TYPE) of element ID. */
static void
json_member(GString *out, const igraph_t *g, igraph_attribute_elemtype_t domain, const char *name,
            igraph_attribute_type_t type, igraph_integer_t id)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  json_string(out, name);
  g_string_append(out, ": ");
  if (type == IGRAPH_ATTRIBUTE_STRING) {
    json_string(out, domain == IGRAPH_ATTRIBUTE_GRAPH ? igraph_cattribute_GAS(g, name)
                     : domain == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAS(g, name, id)
                                                         : igraph_cattribute_EAS(g, name, id));
  } else if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
    double v = domain == IGRAPH_ATTRIBUTE_GRAPH ? igraph_cattribute_GAN(g, name)
               : domain == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAN(g, name, id)
                                                   : igraph_cattribute_EAN(g, name, id);
    g_string_append(out, isfinite(v) ? eg_export_number(buf, v, eg_export_attr_is_integer(name)) : "null");
  } else if (type == IGRAPH_ATTRIBUTE_BOOLEAN) {
    gboolean b = domain == IGRAPH_ATTRIBUTE_GRAPH ? igraph_cattribute_GAB(g, name)
                 : domain == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAB(g, name, id)
                                                     : igraph_cattribute_EAB(g, name, id);
    g_string_append(out, b ? "true" : "false");
  } else {
    g_string_append(out, "null");
  }
}

/* Appends a member for every attribute of element ID, each after ", " unless FIRST and the
 * first. */
static void
json_members(GString *out, const igraph_t *g, igraph_attribute_elemtype_t domain,
             const igraph_strvector_t *names, const igraph_vector_int_t *types, igraph_integer_t id,
             gboolean first)
{
  for (igraph_integer_t i = 0; i < igraph_strvector_size(names); i++) {
    if (!first)
      g_string_append(out, ", ");
    first = FALSE;
    json_member(out, g, domain, igraph_strvector_get(names, i), VECTOR(*types)[i], id);
  }
}

gboolean
eg_export_json(const igraph_t *g, FILE *stream, GError **error)
{
  EgAttrLists a;
  eg_export_attr_lists_init(&a, g);
  GString *out = g_string_sized_new(4096);
  g_string_append(out, "{\"directed\": false, \"multigraph\": false,\n \"graph\": {");
  json_members(out, g, IGRAPH_ATTRIBUTE_GRAPH, &a.gnames, &a.gtypes, 0, TRUE);
  g_string_append(out, "},\n \"nodes\": [");
  /* Written a line at a time so a large graph never sits in memory twice. */
  gboolean ok = TRUE;
  for (igraph_integer_t v = 0; v < igraph_vcount(g) && ok; v++) {
    g_string_append_printf(out, "%s\n  {\"id\": \"n%" IGRAPH_PRId "\"", v ? "," : "", v);
    json_members(out, g, IGRAPH_ATTRIBUTE_VERTEX, &a.vnames, &a.vtypes, v, FALSE);
    g_string_append_c(out, '}');
    ok = fwrite(out->str, 1, out->len, stream) == out->len;
    g_string_truncate(out, 0);
  }
  g_string_append(out, igraph_vcount(g) ? "\n ],\n \"links\": [" : "],\n \"links\": [");
  for (igraph_integer_t e = 0; e < igraph_ecount(g) && ok; e++) {
    /* igraph stores an undirected edge larger end first; the contract is source < target. */
    igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);
    g_string_append_printf(out, "%s\n  {\"source\": \"n%" IGRAPH_PRId "\", \"target\": \"n%" IGRAPH_PRId "\"",
                           e ? "," : "", MIN(from, to), MAX(from, to));
    json_members(out, g, IGRAPH_ATTRIBUTE_EDGE, &a.enames, &a.etypes, e, FALSE);
    g_string_append_c(out, '}');
    ok = fwrite(out->str, 1, out->len, stream) == out->len;
    g_string_truncate(out, 0);
  }
  g_string_append(out, igraph_ecount(g) ? "\n ]}\n" : "]}\n");
  if (ok)
    ok = fwrite(out->str, 1, out->len, stream) == out->len;
  g_string_free(out, TRUE);
  eg_export_attr_lists_destroy(&a);
  if (!ok || fflush(stream) != 0 || ferror(stream)) {
    int e = errno;
    g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT, "cannot write JSON (%s)", g_strerror(e));
    return FALSE;
  }
  return TRUE;
}
