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
 * edges carrying <spells>. Text is escaped as libxml2 escapes it and cleaned of characters XML
 * 1.0 forbids. The nodes and edges go out as raw runs of bytes (xmlraw.c, gexf_body_raw) for
 * speed, byte for byte as the xmlTextWriter path (gexf_attvalues, gexf_spells) lays them out;
 * that path is kept for attribute ids that are not plain names.
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

/* An <attvalue> or <spell>: gexf > graph > nodes > node > attvalues > attvalue */
#define LEAF_INDENT EG_XML_INDENT EG_XML_INDENT EG_XML_INDENT EG_XML_INDENT EG_XML_INDENT

/* The <attvalues> of a node or edge through xmlTextWriter: the path taken when some attribute
 * id is not a plain name, and the layout gexf_body_raw reproduces byte for byte. */
static int
gexf_attvalues(xmlTextWriterPtr w, const igraph_t *g, igraph_attribute_elemtype_t domain,
               igraph_integer_t id, const EgAttrInfo *list)
{
  int rc = xmlTextWriterStartElement(w, BAD_CAST "attvalues");
  for (const EgAttrInfo *a = list; a->name && rc >= 0; a++) {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *to_free = NULL;
    const char *value = eg_export_xml_attr_text(g, domain, a, id, buf, &to_free);
    if (!value)
      continue;
    rc = xmlTextWriterStartElement(w, BAD_CAST "attvalue");
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST a->text);
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST value);
    if (rc >= 0) rc = xmlTextWriterEndElement(w);
  }
  if (rc >= 0) rc = xmlTextWriterEndElement(w);
  return rc;
}

/* The spells of PERIODS ("2016-07|2016-09", see EgPeriods in graph.h): one per run of
 * consecutive periods, from its first day to its last (GEXF intervals are closed), so Gephi's
 * timeline shows the element exactly while it is in the news. Pairs of days (first, last) of
 * guint32 (transfer full; empty when no name is a period's). */
static GArray *
gexf_spell_days(const char *periods)
{
  GArray *days = g_array_new(FALSE, FALSE, sizeof(guint32));
  g_auto(GStrv) names = g_strsplit(periods, "|", -1);
  for (guint i = 0; names[i]; i++) {
    guint32 first = 0, last = 0;
    if (!eg_period_range(names[i], &first, &last))
      continue; /* not a period name: nothing to place on the timeline */
    if (days->len && first == g_array_index(days, guint32, days->len - 1) + 1) {
      g_array_index(days, guint32, days->len - 1) = last;
    } else {
      g_array_append_val(days, first);
      g_array_append_val(days, last);
    }
  }
  return days;
}

/* <spells> for the "periods" of an element (gexf_spell_days); nothing without periods. */
static int
gexf_spells(xmlTextWriterPtr w, const char *periods)
{
  if (!periods || !*periods)
    return 0;
  g_autoptr(GArray) days = gexf_spell_days(periods);
  int rc = xmlTextWriterStartElement(w, BAD_CAST "spells");
  for (guint i = 0; rc >= 0 && i < days->len; i += 2) {
    char a[EG_PERIOD_MAX], b[EG_PERIOD_MAX];
    eg_day_name(g_array_index(days, guint32, i), a);
    eg_day_name(g_array_index(days, guint32, i + 1), b);
    rc = xmlTextWriterStartElement(w, BAD_CAST "spell");
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "start", BAD_CAST a);
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "end", BAD_CAST b);
    if (rc >= 0) rc = xmlTextWriterEndElement(w);
  }
  if (rc >= 0) rc = xmlTextWriterEndElement(w);
  return rc;
}

/* Indents of the raw runs: a node or edge (gexf > graph > nodes > node), its <attvalues> and
 * <spells>, their children. */
#define ELEM_INDENT EG_XML_INDENT EG_XML_INDENT EG_XML_INDENT
#define LIST_INDENT EG_XML_INDENT EG_XML_INDENT EG_XML_INDENT EG_XML_INDENT

/* The <attvalues> of element ID, raw (LIST's ids are plain names), as gexf_attvalues writes
 * them. */
static void
raw_attvalues(EgXmlRaw *r, const igraph_t *g, igraph_attribute_elemtype_t domain, igraph_integer_t id,
              const EgAttrInfo *list, char *const *open, const gsize *open_len)
{
  gboolean any = FALSE;
  EG_XML_RAW_LIT(r, LIST_INDENT "<attvalues");
  for (guint i = 0; list[i].name; i++)
    if (eg_xml_raw_value(r, g, domain, id, &list[i], TRUE, open[i], open_len[i], ">\n", &any))
      EG_XML_RAW_LIT(r, "\"/>\n");
  if (any)
    EG_XML_RAW_LIT(r, LIST_INDENT "</attvalues>\n");
  else
    EG_XML_RAW_LIT(r, "/>\n");
}

/* The <spells> of PERIODS, raw, as gexf_spells writes them (nothing when PERIODS is empty). */
static void
raw_spells(EgXmlRaw *r, const char *periods)
{
  if (!periods || !*periods)
    return;
  g_autoptr(GArray) days = gexf_spell_days(periods);
  EG_XML_RAW_LIT(r, LIST_INDENT "<spells");
  for (guint i = 0; i < days->len; i += 2) {
    char a[EG_PERIOD_MAX], b[EG_PERIOD_MAX];
    eg_day_name(g_array_index(days, guint32, i), a);
    eg_day_name(g_array_index(days, guint32, i + 1), b);
    if (i == 0)
      EG_XML_RAW_LIT(r, ">\n");
    EG_XML_RAW_LIT(r, LEAF_INDENT "<spell start=\"");
    eg_xml_raw_put(r, a, strlen(a));
    EG_XML_RAW_LIT(r, "\" end=\"");
    eg_xml_raw_put(r, b, strlen(b));
    EG_XML_RAW_LIT(r, "\"/>\n");
  }
  if (days->len)
    EG_XML_RAW_LIT(r, LIST_INDENT "</spells>\n");
  else
    EG_XML_RAW_LIT(r, "/>\n");
}

/* Every node (EDGES: every edge) as one raw run (xmlraw.c) right after the start tag of <nodes>
 * (<edges>), byte for byte as the xmlTextWriter path of eg_export_gexf lays them out. Returns
 * the writer's status. */
static int
gexf_body_raw(xmlTextWriterPtr w, FILE *stream, const igraph_t *g, gboolean edges,
              const EgAttrInfo *list, gboolean has_label, gboolean has_weight, gboolean periods)
{
  igraph_integer_t n = edges ? igraph_ecount(g) : igraph_vcount(g);
  if (n == 0)
    return 0;
  g_autofree gsize *lens = NULL;
  g_auto(GStrv) open = eg_xml_raw_opens(list, LEAF_INDENT "<attvalue for=\"", "\" value=\"", &lens);
  igraph_vector_t weight;
  gboolean weights = FALSE;
  if (edges && has_weight && igraph_vector_init(&weight, 0) == IGRAPH_SUCCESS) {
    weights = igraph_cattribute_EANV(g, "weight", igraph_ess_all(IGRAPH_EDGEORDER_ID), &weight) == IGRAPH_SUCCESS;
    if (!weights)
      igraph_vector_destroy(&weight);
  }
  if (edges && has_weight && !weights)
    return -1; /* out of memory */
  EgXmlRaw r;
  eg_xml_raw_begin(&r, w, stream);
  EG_XML_RAW_LIT(&r, "\n");
  char id[EG_U64_DIGITS];
  for (igraph_integer_t x = 0; x < n && r.rc >= 0; x++) {
    if (edges) {
      /* igraph stores an undirected edge larger end first; the contract is source < target. */
      igraph_integer_t from = IGRAPH_FROM(g, x), to = IGRAPH_TO(g, x);
      EG_XML_RAW_LIT(&r, ELEM_INDENT "<edge id=\"e");
      eg_xml_raw_u64(&r, (guint64)x);
      EG_XML_RAW_LIT(&r, "\" source=\"n");
      eg_xml_raw_u64(&r, (guint64)MIN(from, to));
      EG_XML_RAW_LIT(&r, "\" target=\"n");
      eg_xml_raw_u64(&r, (guint64)MAX(from, to));
      if (weights && isfinite(VECTOR(weight)[x])) {
        EG_XML_RAW_LIT(&r, "\" weight=\"");
        eg_xml_raw_number(&r, VECTOR(weight)[x], FALSE);
      }
      EG_XML_RAW_LIT(&r, "\">\n");
      raw_attvalues(&r, g, IGRAPH_ATTRIBUTE_EDGE, x, list, open, lens);
      if (periods)
        raw_spells(&r, EAS(g, "periods", x));
      EG_XML_RAW_LIT(&r, ELEM_INDENT "</edge>\n");
    } else {
      EG_XML_RAW_LIT(&r, ELEM_INDENT "<node id=\"n");
      gsize len = eg_u64_digits(id, (guint64)x);
      eg_xml_raw_put(&r, id, len);
      EG_XML_RAW_LIT(&r, "\" label=\"");
      if (has_label) {
        const char *label = VAS(g, "label", x);
        eg_xml_raw_attr(&r, label ? label : "");
      } else {
        EG_XML_RAW_LIT(&r, "n");
        eg_xml_raw_put(&r, id, len);
      }
      EG_XML_RAW_LIT(&r, "\">\n");
      raw_attvalues(&r, g, IGRAPH_ATTRIBUTE_VERTEX, x, list, open, lens);
      if (periods)
        raw_spells(&r, VAS(g, "periods", x));
      EG_XML_RAW_LIT(&r, ELEM_INDENT "</node>\n");
    }
  }
  if (weights)
    igraph_vector_destroy(&weight);
  EG_XML_RAW_LIT(&r, EG_XML_INDENT EG_XML_INDENT);
  return eg_xml_raw_end(&r);
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
  gboolean vraw = eg_export_attr_infos_plain(vvalues), eraw = eg_export_attr_infos_plain(evalues);

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
  if (rc >= 0 && vraw)
    rc = gexf_body_raw(w, stream, g, FALSE, vvalues, has_label, has_weight, vperiods);
  for (igraph_integer_t v = 0; !vraw && v < igraph_vcount(g) && rc >= 0; v++) {
    char id[32];
    eg_export_id(id, 'n', v);
    g_autofree char *to_free = NULL;
    const char *label = eg_export_xml_cleaned(has_label ? VAS(g, "label", v) : id, &to_free);
    rc = xmlTextWriterStartElement(w, BAD_CAST "node");
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id);
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "label", BAD_CAST label);
    if (rc >= 0) rc = gexf_attvalues(w, g, IGRAPH_ATTRIBUTE_VERTEX, v, vvalues);
    if (rc >= 0 && vperiods) rc = gexf_spells(w, VAS(g, "periods", v));
    if (rc >= 0) rc = xmlTextWriterEndElement(w);
  }
  if (rc >= 0) rc = xmlTextWriterEndElement(w);

  if (rc >= 0) rc = xmlTextWriterStartElement(w, BAD_CAST "edges");
  if (rc >= 0 && eraw)
    rc = gexf_body_raw(w, stream, g, TRUE, evalues, has_label, has_weight, eperiods);
  for (igraph_integer_t e = 0; !eraw && e < igraph_ecount(g) && rc >= 0; e++) {
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
    if (rc >= 0) rc = gexf_attvalues(w, g, IGRAPH_ATTRIBUTE_EDGE, e, evalues);
    if (rc >= 0 && eperiods) rc = gexf_spells(w, EAS(g, "periods", e));
    if (rc >= 0) rc = xmlTextWriterEndElement(w);
  }
  if (rc >= 0) rc = xmlTextWriterEndElement(w);
  eg_export_attr_infos_free(vvalues);
  eg_export_attr_infos_free(evalues);
  eg_export_attr_lists_destroy(&a);
  return eg_export_xml_close(w, rc, stream, "GEXF", error);
}
