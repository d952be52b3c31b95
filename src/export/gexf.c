/* gexf.c: GEXF 1.2 (Gephi's own format) through libxml2's xmlTextWriter.
 *
 * The namespace is http://www.gexf.net/1.2draft with version="1.2": the one Gephi writes and
 * networkx 2.8 (Debian 12) reads. Node ids are n0, n1, ... as in GraphML, the label is the
 * <node> label and the weight the <edge> weight; every other vertex and edge attribute is
 * declared in <attributes> with its type (string, long for the integer attributes, double,
 * boolean; the attribute's name is its id) and given in <attvalues>; a metric not computed for
 * an element (NaN) is left out. GEXF has no typed graph attributes, so the graph's go to
 * <meta><description> as "name=value" pairs. No date of writing is written, so output depends
 * only on the graph. A graph with "periods" (--slice) is dynamic (timeformat date), its nodes and
 * edges carrying <spells>. Text is escaped by libxml2 and cleaned of characters XML 1.0 forbids.
 * <attvalue> and <spell> that hold nothing libxml2 would escape go out through
 * xmlTextWriterWriteRaw for speed, byte for byte as xmlTextWriter lays them out (gexf_attvalues).
 */
#include "export/export.h"

#include <libxml/xmlwriter.h>
#include <errno.h>
#include <math.h>
#include <string.h>

/* Whether attribute NAME of this domain is written on the element itself, not in <attvalues>. */
static gboolean
gexf_on_element(igraph_attribute_elemtype_t domain, const char *name)
{
  return (domain == IGRAPH_ATTRIBUTE_VERTEX && strcmp(name, "label") == 0) ||
         (domain == IGRAPH_ATTRIBUTE_EDGE && strcmp(name, "weight") == 0);
}

static gboolean
gexf_writable(igraph_attribute_type_t type)
{
  return type == IGRAPH_ATTRIBUTE_STRING || type == IGRAPH_ATTRIBUTE_NUMERIC ||
         type == IGRAPH_ATTRIBUTE_BOOLEAN;
}

static int
gexf_declare(xmlTextWriterPtr w, const char *klass, igraph_attribute_elemtype_t domain,
             const igraph_strvector_t *names, const igraph_vector_int_t *types)
{
  int rc = xmlTextWriterStartElement(w, BAD_CAST "attributes");
  if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "class", BAD_CAST klass);
  if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "mode", BAD_CAST "static");
  for (igraph_integer_t i = 0; i < igraph_strvector_size(names) && rc >= 0; i++) {
    const char *name = igraph_strvector_get(names, i);
    if (gexf_on_element(domain, name) || !gexf_writable(VECTOR(*types)[i]))
      continue;
    g_autofree char *clean = eg_export_xml_clean(name);
    rc = xmlTextWriterStartElement(w, BAD_CAST "attribute");
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST clean);
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "title", BAD_CAST clean);
    if (rc >= 0)
      rc = xmlTextWriterWriteAttribute(w, BAD_CAST "type",
                                       BAD_CAST eg_export_xml_type(name, VECTOR(*types)[i]));
    if (rc >= 0) rc = xmlTextWriterEndElement(w);
  }
  if (rc >= 0) rc = xmlTextWriterEndElement(w);
  return rc;
}

/* An <attvalue>'s id: the name cleaned for XML; NULL for the attributes written on the element
 * itself (DOMAIN points to the igraph_attribute_elemtype_t). */
static char *
gexf_attvalue_id(const char *name, gconstpointer domain)
{
  return gexf_on_element(*(const igraph_attribute_elemtype_t *)domain, name) ? NULL
                                                                             : eg_export_xml_clean(name);
}

/* <attvalue> and <spell> of a node or edge: gexf > graph > nodes > node > attvalues > attvalue */
#define LEAF_INDENT EG_XML_INDENT EG_XML_INDENT EG_XML_INDENT EG_XML_INDENT EG_XML_INDENT
#define LEAF_END_INDENT EG_XML_INDENT EG_XML_INDENT EG_XML_INDENT EG_XML_INDENT

/* The <attvalues> of a node or edge. With RUN (the ids of LIST are plain names), the <attvalue>
 * of numbers and booleans go out through xmlTextWriterWriteRaw, for the reason graphml.c gives
 * at graphml_data_raw: StartElement + 2 WriteAttribute + EndElement are ~5,000 instructions
 * per <attvalue> in libxml2 2.9.14, most of the GEXF writer. Their markup holds no user text
 * (the id is our attribute name, the value a number we formatted). A text value (type,
 * aliases, example, periods...) goes out raw only when xmlTextWriterWriteAttribute would write
 * it unchanged (eg_export_xml_attr_plain: printable ASCII without <, >, &, "), as
 * eg_export_xml_write_text does for element text; any other keeps WriteAttribute and libxml2's
 * escaping.
 *
 * Byte for byte what xmlTextWriter writes: a raw run right after the start tag begins with
 * the newline StartElement would write (WriteRaw writes only the ">"), each <attvalue> is
 * indented as StartElement indents at that depth and ends with "/>\n" as EndElement does, and
 * a run that ends the element carries the indent of </attvalues> (EndElement indents only after
 * an element it ended itself). */
static int
gexf_attvalues(xmlTextWriterPtr w, GString *run, const igraph_t *g,
               igraph_attribute_elemtype_t domain, igraph_integer_t id, const EgAttrInfo *list)
{
  int rc = xmlTextWriterStartElement(w, BAD_CAST "attvalues");
  gboolean open = FALSE; /* a child has closed the start tag */
  if (run)
    g_string_truncate(run, 0);
  for (const EgAttrInfo *a = list; a->name && rc >= 0; a++) {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *to_free = NULL;
    const char *value = eg_export_xml_attr_text(g, domain, a, id, buf, &to_free);
    if (!value)
      continue;
    if (run && (a->type != IGRAPH_ATTRIBUTE_STRING || eg_export_xml_attr_plain(value))) {
      if (!open)
        g_string_append_c(run, '\n');
      g_string_append(run, LEAF_INDENT "<attvalue for=\"");
      g_string_append(run, a->text);
      g_string_append(run, "\" value=\"");
      g_string_append(run, value);
      g_string_append(run, "\"/>\n");
    } else {
      if (run && run->len) {
        rc = xmlTextWriterWriteRawLen(w, BAD_CAST run->str, (int)run->len);
        g_string_truncate(run, 0);
      }
      if (rc >= 0) rc = xmlTextWriterStartElement(w, BAD_CAST "attvalue");
      if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST a->text);
      if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST value);
      if (rc >= 0) rc = xmlTextWriterEndElement(w);
    }
    open = TRUE;
  }
  if (rc >= 0 && run && run->len) {
    g_string_append(run, LEAF_END_INDENT);
    rc = xmlTextWriterWriteRawLen(w, BAD_CAST run->str, (int)run->len);
  }
  if (rc >= 0) rc = xmlTextWriterEndElement(w);
  return rc;
}

/* <spells> for the "periods" of an element ("2016-07|2016-09", see EgPeriods in graph.h): one
 * spell per run of consecutive periods, from its first day to its last (GEXF intervals are
 * closed), so Gephi's timeline shows the element exactly while it is in the news. The <spell>
 * go out through xmlTextWriterWriteRaw in one run, laid out as gexf_attvalues lays out its raw
 * run (and for its reason): they hold only days we formatted ourselves (eg_day_name). */
static int
gexf_spells(xmlTextWriterPtr w, GString *run, const char *periods)
{
  if (!periods || !*periods)
    return 0;
  g_auto(GStrv) names = g_strsplit(periods, "|", -1);
  int rc = xmlTextWriterStartElement(w, BAD_CAST "spells");
  g_string_truncate(run, 0);
  guint32 start = 0, end = 0;
  for (guint i = 0; rc >= 0; i++) {
    guint32 first = 0, last = 0;
    gboolean more = names[i] && eg_period_range(names[i], &first, &last);
    if (names[i] && !more)
      continue; /* not a period name: nothing to place on the timeline */
    if (more && start && first == end + 1) {
      end = last;
      continue;
    }
    if (start) {
      char a[EG_PERIOD_MAX], b[EG_PERIOD_MAX];
      eg_day_name(start, a);
      eg_day_name(end, b);
      g_string_append(run, run->len ? LEAF_INDENT "<spell start=\"" : "\n" LEAF_INDENT "<spell start=\"");
      g_string_append(run, a);
      g_string_append(run, "\" end=\"");
      g_string_append(run, b);
      g_string_append(run, "\"/>\n");
    }
    if (!more)
      break;
    start = first;
    end = last;
  }
  if (rc >= 0 && run->len) {
    g_string_append(run, LEAF_END_INDENT);
    rc = xmlTextWriterWriteRawLen(w, BAD_CAST run->str, (int)run->len);
  }
  if (rc >= 0) rc = xmlTextWriterEndElement(w);
  return rc;
}

/* "documents=2 windows=44 ...": the graph's attributes, for <meta><description>. */
static char *
gexf_description(const igraph_t *g, const EgAttrLists *a)
{
  GString *s = g_string_new(NULL);
  for (igraph_integer_t i = 0; i < igraph_strvector_size(&a->gnames); i++) {
    const char *name = igraph_strvector_get(&a->gnames, i);
    g_autofree char *value = eg_export_xml_value(g, IGRAPH_ATTRIBUTE_GRAPH, name, VECTOR(a->gtypes)[i], 0);
    if (value)
      g_string_append_printf(s, "%s%s=%s", s->len ? " " : "", name, value);
  }
  char *raw = g_string_free(s, FALSE);
  char *clean = eg_export_xml_clean(raw);
  g_free(raw);
  return clean;
}

gboolean
eg_export_gexf(const igraph_t *g, FILE *stream, GError **error)
{
  EgAttrLists a;
  eg_export_attr_lists_init(&a, g);
  g_autofree char *description = gexf_description(g, &a);
  gboolean has_label = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, "label");
  gboolean has_weight = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, "weight");
  /* A graph of periods (--slice) is dynamic: its elements live in the spells of their periods. */
  gboolean vperiods = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, "periods");
  gboolean eperiods = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, "periods");
  const igraph_attribute_elemtype_t vdomain = IGRAPH_ATTRIBUTE_VERTEX, edomain = IGRAPH_ATTRIBUTE_EDGE;
  EgAttrInfo *vvalues = eg_export_attr_infos(&a.vnames, &a.vtypes, gexf_attvalue_id, &vdomain);
  EgAttrInfo *evalues = eg_export_attr_infos(&a.enames, &a.etypes, gexf_attvalue_id, &edomain);
  eg_export_attr_fetch(vvalues, g, IGRAPH_ATTRIBUTE_VERTEX);
  eg_export_attr_fetch(evalues, g, IGRAPH_ATTRIBUTE_EDGE);
  g_autoptr(GString) vrun = eg_export_attr_infos_plain(vvalues) ? g_string_sized_new(1024) : NULL;
  g_autoptr(GString) spells = g_string_sized_new(256);
  g_autoptr(GString) erun = eg_export_attr_infos_plain(evalues) ? g_string_sized_new(1024) : NULL;

  xmlTextWriterPtr w = eg_export_xml_open(stream);
  int rc = w ? 0 : -1;
  if (rc >= 0) rc = xmlTextWriterStartElement(w, BAD_CAST "gexf");
  if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST "http://www.gexf.net/1.2draft");
  if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsi", BAD_CAST "http://www.w3.org/2001/XMLSchema-instance");
  if (rc >= 0)
    rc = xmlTextWriterWriteAttribute(w, BAD_CAST "xsi:schemaLocation",
                                     BAD_CAST "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd");
  if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST "1.2");
  if (rc >= 0) rc = xmlTextWriterStartElement(w, BAD_CAST "meta");
  if (rc >= 0) rc = xmlTextWriterWriteElement(w, BAD_CAST "creator", BAD_CAST "entgraph " EG_VERSION);
  if (rc >= 0) rc = xmlTextWriterWriteElement(w, BAD_CAST "description", BAD_CAST description);
  if (rc >= 0) rc = xmlTextWriterEndElement(w);
  if (rc >= 0) rc = xmlTextWriterStartElement(w, BAD_CAST "graph");
  if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "mode", BAD_CAST (vperiods ? "dynamic" : "static"));
  if (rc >= 0 && vperiods) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "timeformat", BAD_CAST "date");
  if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "defaultedgetype", BAD_CAST "undirected");
  if (rc >= 0) rc = gexf_declare(w, "node", IGRAPH_ATTRIBUTE_VERTEX, &a.vnames, &a.vtypes);
  if (rc >= 0) rc = gexf_declare(w, "edge", IGRAPH_ATTRIBUTE_EDGE, &a.enames, &a.etypes);

  if (rc >= 0) rc = xmlTextWriterStartElement(w, BAD_CAST "nodes");
  for (igraph_integer_t v = 0; v < igraph_vcount(g) && rc >= 0; v++) {
    char id[32];
    eg_export_id(id, 'n', v);
    g_autofree char *to_free = NULL;
    const char *label = eg_export_xml_cleaned(has_label ? VAS(g, "label", v) : id, &to_free);
    rc = xmlTextWriterStartElement(w, BAD_CAST "node");
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id);
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "label", BAD_CAST label);
    if (rc >= 0) rc = gexf_attvalues(w, vrun, g, IGRAPH_ATTRIBUTE_VERTEX, v, vvalues);
    if (rc >= 0 && vperiods) rc = gexf_spells(w, spells, VAS(g, "periods", v));
    if (rc >= 0) rc = xmlTextWriterEndElement(w);
  }
  if (rc >= 0) rc = xmlTextWriterEndElement(w);

  if (rc >= 0) rc = xmlTextWriterStartElement(w, BAD_CAST "edges");
  for (igraph_integer_t e = 0; e < igraph_ecount(g) && rc >= 0; e++) {
    char id[32], src[32], dst[32], buf_w[G_ASCII_DTOSTR_BUF_SIZE];
    /* igraph stores an undirected edge larger end first; the contract is source < target. */
    igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);
    eg_export_id(id, 'e', e);
    eg_export_id(src, 'n', MIN(from, to));
    eg_export_id(dst, 'n', MAX(from, to));
    rc = xmlTextWriterStartElement(w, BAD_CAST "edge");
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id);
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST src);
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "target", BAD_CAST dst);
    if (rc >= 0 && has_weight && isfinite(EAN(g, "weight", e)))
      rc = xmlTextWriterWriteAttribute(w, BAD_CAST "weight",
                                       BAD_CAST eg_export_number(buf_w, EAN(g, "weight", e), FALSE));
    if (rc >= 0) rc = gexf_attvalues(w, erun, g, IGRAPH_ATTRIBUTE_EDGE, e, evalues);
    if (rc >= 0 && eperiods) rc = gexf_spells(w, spells, EAS(g, "periods", e));
    if (rc >= 0) rc = xmlTextWriterEndElement(w);
  }
  if (rc >= 0) rc = xmlTextWriterEndElement(w);
  eg_export_attr_infos_free(vvalues);
  eg_export_attr_infos_free(evalues);
  eg_export_attr_lists_destroy(&a);
  return eg_export_xml_close(w, rc, stream, "GEXF", error);
}
