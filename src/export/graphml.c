/* graphml.c: GraphML through libxml2's xmlTextWriter.
 *
 * Not igraph_write_graph_graphml: on Debian's igraph 0.10.2 it writes every number as a double,
 * gives a node and an edge attribute of one name one key id, and stops half-way on control
 * characters. Here keys are typed (string, long, double) and prefixed by domain (g_, v_, e_),
 * text is escaped by libxml2 and cleaned of characters XML 1.0 forbids. The <data> of nodes and
 * edges, markup around our own key ids and numbers, go out through xmlTextWriterWriteRaw for
 * speed, byte for byte as xmlTextWriter lays them out (graphml_data_raw).
 */
#include "export/export.h"

#include <libxml/xmlwriter.h>
#include <errno.h>
#include <math.h>

static int
graphml_keys(xmlTextWriterPtr w, const char *prefix, const char *domain,
             const igraph_strvector_t *names, const igraph_vector_int_t *types)
{
  int rc = 0;
  for (igraph_integer_t i = 0; i < igraph_strvector_size(names) && rc >= 0; i++) {
    const char *name = igraph_strvector_get(names, i);
    g_autofree char *id = g_strconcat(prefix, name, NULL);
    rc = xmlTextWriterStartElement(w, BAD_CAST "key");
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id);
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST domain);
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "attr.name", BAD_CAST name);
    if (rc >= 0)
      rc = xmlTextWriterWriteAttribute(w, BAD_CAST "attr.type",
                                       BAD_CAST eg_export_xml_type(name, VECTOR(*types)[i]));
    if (rc >= 0) rc = xmlTextWriterEndElement(w);
  }
  return rc;
}

/* A <data> element's key: the domain's prefix and the name ("v_label"). */
static char *
graphml_key(const char *name, gconstpointer prefix)
{
  return g_strconcat(prefix, name, NULL);
}

/* Writes the <data> elements of one graph, vertex or edge (ID; ignored for the graph). */
static int
graphml_data(xmlTextWriterPtr w, const igraph_t *g, igraph_attribute_elemtype_t domain,
             igraph_integer_t id, const EgAttrInfo *keys)
{
  int rc = 0;
  for (const EgAttrInfo *k = keys; k->name && rc >= 0; k++) {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *to_free = NULL;
    const char *text = eg_export_xml_attr_text(g, domain, k, id, buf, &to_free);
    if (!text)
      continue; /* a metric not computed for this element */
    rc = xmlTextWriterStartElement(w, BAD_CAST "data");
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST k->text);
    if (rc >= 0) rc = eg_export_xml_write_text(w, text);
    if (rc >= 0) rc = xmlTextWriterEndElement(w);
  }
  return rc;
}

/* The <data> elements of the node or edge whose start tag was just written (its attributes
 * included), through xmlTextWriterWriteRaw.
 *
 * Why: StartElement + WriteAttribute + EndElement cost ~3,600 instructions per <data> in
 * libxml2 2.9 (a stack entry allocated and freed, the name copied, the key scanned for
 * escaping), about half of the GraphML writer with 5 to 8 <data> per node and edge. The markup
 * of a <data> holds no user text: the key is our prefix and attribute name (eg_export_attr_infos_plain,
 * else graphml_data is used) and numbers are formatted by us. User text (labels, aliases,
 * examples...) still goes through eg_export_xml_write_text, so libxml2 escapes it.
 *
 * The output is byte for byte what graphml_data writes, indentation included. WriteRaw closes
 * an open start tag with ">" but, unlike StartElement, without the newline, and after it
 * EndElement writes the end tag unindented; so the run starts with "\n", indents each <data>
 * as StartElement would at its depth (graphml > graph > node > data) and ends with the indent
 * of the parent's end tag, which the caller then writes with xmlTextWriterEndElement. An element
 * without <data> writes nothing, so EndElement gives "<node id="n1"/>" as before. */
#define DATA_INDENT EG_XML_INDENT EG_XML_INDENT EG_XML_INDENT
#define END_INDENT EG_XML_INDENT EG_XML_INDENT

static int
graphml_data_raw(xmlTextWriterPtr w, GString *run, const igraph_t *g,
                 igraph_attribute_elemtype_t domain, igraph_integer_t id, const EgAttrInfo *keys)
{
  int rc = 0;
  gboolean any = FALSE;
  g_string_truncate(run, 0);
  for (const EgAttrInfo *k = keys; k->name && rc >= 0; k++) {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *to_free = NULL;
    const char *text = eg_export_xml_attr_text(g, domain, k, id, buf, &to_free);
    if (!text)
      continue; /* a metric not computed for this element */
    if (!any)
      g_string_append_c(run, '\n');
    any = TRUE;
    g_string_append(run, DATA_INDENT);
    g_string_append(run, "<data key=\"");
    g_string_append(run, k->text);
    g_string_append(run, "\">");
    if (k->type == IGRAPH_ATTRIBUTE_STRING) {
      rc = xmlTextWriterWriteRawLen(w, BAD_CAST run->str, (int)run->len);
      g_string_truncate(run, 0);
      if (rc >= 0) rc = eg_export_xml_write_text(w, text);
    } else {
      g_string_append(run, text); /* a number or true/false */
    }
    g_string_append(run, "</data>\n");
  }
  if (any && rc >= 0) {
    g_string_append(run, END_INDENT);
    rc = xmlTextWriterWriteRawLen(w, BAD_CAST run->str, (int)run->len);
  }
  return rc;
}

gboolean
eg_export_graphml(const igraph_t *g, FILE *stream, GError **error)
{
  EgAttrLists a;
  eg_export_attr_lists_init(&a, g);
  EgAttrInfo *gkeys = eg_export_attr_infos(&a.gnames, &a.gtypes, graphml_key, "g_");
  EgAttrInfo *vkeys = eg_export_attr_infos(&a.vnames, &a.vtypes, graphml_key, "v_");
  EgAttrInfo *ekeys = eg_export_attr_infos(&a.enames, &a.etypes, graphml_key, "e_");
  eg_export_attr_fetch(vkeys, g, IGRAPH_ATTRIBUTE_VERTEX);
  eg_export_attr_fetch(ekeys, g, IGRAPH_ATTRIBUTE_EDGE);
  gboolean vraw = eg_export_attr_infos_plain(vkeys), eraw = eg_export_attr_infos_plain(ekeys);
  g_autoptr(GString) run = g_string_sized_new(1024);

  xmlTextWriterPtr w = eg_export_xml_open(stream);
  int rc = w ? 0 : -1;
  if (rc >= 0) rc = xmlTextWriterStartElement(w, BAD_CAST "graphml");
  if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST "http://graphml.graphdrawing.org/xmlns");
  if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsi", BAD_CAST "http://www.w3.org/2001/XMLSchema-instance");
  if (rc >= 0)
    rc = xmlTextWriterWriteAttribute(w, BAD_CAST "xsi:schemaLocation",
                                     BAD_CAST "http://graphml.graphdrawing.org/xmlns "
                                              "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
  if (rc >= 0) rc = graphml_keys(w, "g_", "graph", &a.gnames, &a.gtypes);
  if (rc >= 0) rc = graphml_keys(w, "v_", "node", &a.vnames, &a.vtypes);
  if (rc >= 0) rc = graphml_keys(w, "e_", "edge", &a.enames, &a.etypes);
  if (rc >= 0) rc = xmlTextWriterStartElement(w, BAD_CAST "graph");
  if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "G");
  if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "edgedefault", BAD_CAST "undirected");
  if (rc >= 0) rc = graphml_data(w, g, IGRAPH_ATTRIBUTE_GRAPH, 0, gkeys);
  for (igraph_integer_t v = 0; v < igraph_vcount(g) && rc >= 0; v++) {
    char id[32];
    eg_export_id(id, 'n', v);
    rc = xmlTextWriterStartElement(w, BAD_CAST "node");
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id);
    if (rc >= 0)
      rc = vraw ? graphml_data_raw(w, run, g, IGRAPH_ATTRIBUTE_VERTEX, v, vkeys)
                : graphml_data(w, g, IGRAPH_ATTRIBUTE_VERTEX, v, vkeys);
    if (rc >= 0) rc = xmlTextWriterEndElement(w);
  }
  for (igraph_integer_t e = 0; e < igraph_ecount(g) && rc >= 0; e++) {
    char src[32], dst[32];
    /* igraph stores an undirected edge larger end first; the contract is source < target. */
    igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);
    eg_export_id(src, 'n', MIN(from, to));
    eg_export_id(dst, 'n', MAX(from, to));
    rc = xmlTextWriterStartElement(w, BAD_CAST "edge");
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST src);
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "target", BAD_CAST dst);
    if (rc >= 0)
      rc = eraw ? graphml_data_raw(w, run, g, IGRAPH_ATTRIBUTE_EDGE, e, ekeys)
                : graphml_data(w, g, IGRAPH_ATTRIBUTE_EDGE, e, ekeys);
    if (rc >= 0) rc = xmlTextWriterEndElement(w);
  }
  eg_export_attr_infos_free(gkeys);
  eg_export_attr_infos_free(vkeys);
  eg_export_attr_infos_free(ekeys);
  eg_export_attr_lists_destroy(&a);
  return eg_export_xml_close(w, rc, stream, "GraphML", error);
}
