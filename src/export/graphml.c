/* graphml.c: GraphML through libxml2's xmlTextWriter.
 *
 * Not igraph_write_graph_graphml: on Debian's igraph 0.10.2 it writes every number as a double,
 * gives a node and an edge attribute of one name one key id, and stops half-way on control
 * characters. Here keys are typed (string, long, double) and prefixed by domain (g_, v_, e_),
 * text is escaped as libxml2 escapes it and cleaned of characters XML 1.0 forbids. The nodes and
 * edges go out as one raw run of bytes (xmlraw.c, graphml_body_raw) for speed, byte for byte as
 * the xmlTextWriter path (graphml_data) lays them out; that path is kept for keys that are not
 * plain names.
 */
#include "export/export.h"

#include <libxml/xmlwriter.h>
#include <errno.h>
#include <math.h>
#include <string.h>

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

/* Writes the <data> elements of one graph, vertex or edge (ID; ignored for the graph); counts
 * them in *WRITTEN when it is not NULL. */
static int
graphml_data(xmlTextWriterPtr w, const igraph_t *g, igraph_attribute_elemtype_t domain,
             igraph_integer_t id, const EgAttrInfo *keys, guint *written)
{
  int rc = 0;
  guint n = 0;
  for (const EgAttrInfo *k = keys; k->name && rc >= 0; k++) {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *to_free = NULL;
    const char *text = eg_export_xml_attr_text(g, domain, k, id, buf, &to_free);
    if (!text)
      continue; /* a metric not computed for this element */
    n++;
    rc = xmlTextWriterStartElement(w, BAD_CAST "data");
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST k->text);
    if (rc >= 0) rc = eg_export_xml_write_text(w, text);
    if (rc >= 0) rc = xmlTextWriterEndElement(w);
  }
  if (written)
    *written = n;
  return rc;
}

/* Indents of a node's <data> (graphml > graph > node > data) and of a node or edge. */
#define DATA_INDENT EG_XML_INDENT EG_XML_INDENT EG_XML_INDENT
#define ELEM_INDENT EG_XML_INDENT EG_XML_INDENT

/* The last text a string key wrote: where its escaped form lies in the run's buffer. */
typedef struct {
  const char *text;    /* NULL: none to copy */
  gsize at, len;
  guint flushes;       /* the buffer's flushes then: AT is stale once it changes */
} RawLast;

/* The <data> elements of one domain in a raw run, worked out once per file: each key's
 * fixed text, and what lies between values when an element has every one of them. */
typedef struct {
  const EgAttrInfo *keys;
  igraph_attribute_elemtype_t domain;
  char **open;         /* "      <data key=\"KEY\">" of each key */
  gsize *open_len;
  const char *end_tag;
  char **sep;          /* before value i when every value before it was written: ">\n" and
                          OPEN[0] for the first, "</data>\n" and OPEN[i] for the others; each
                          in RAW_PAD bytes at least (raw_put_padded) */
  gsize *sep_len;
  char *tail;          /* after the last value: "</data>\n" and END_TAG, or "/>\n" with no key
                          (RAW_PAD bytes at least) */
  gsize tail_len;
  gboolean simple;     /* every key a string or a fetched number: values read as RAW_DATA reads
                          them, so an element with no number missing takes the joined texts */
  RawLast *last;       /* of each key */
  guint8 *whole;       /* when SIMPLE, of each element: whether it has every value */
} RawDomain;

/* Separators are copied RAW_PAD bytes at a time, a length the compiler copies inline in a few
 * moves, where a copy of their own length is a call that picks a method by length: a million
 * of them in a large file. */
#define RAW_PAD 48

/* S (N bytes) in a block of at least RAW_PAD bytes (transfer full). */
static char *
raw_padded(const char *s, gsize n)
{
  char *p = g_malloc0(MAX(n + 1, RAW_PAD));
  memcpy(p, s, n);
  return p;
}

/* Appends S (N bytes, in a block of at least RAW_PAD bytes, made by raw_padded). The bytes
 * copied past N lie beyond the buffer's length: the next writes replace them. */
static inline void
raw_put_padded(EgXmlRaw *r, const char *s, gsize n)
{
  if (G_LIKELY(n <= RAW_PAD && r->len + RAW_PAD <= EG_XML_RAW_CHUNK)) {
    memcpy(r->buf + r->len, s, RAW_PAD);
    r->len += n;
  } else {
    eg_xml_raw_put(r, s, n);
  }
}

static void
raw_domain_init(RawDomain *d, const EgAttrInfo *keys, igraph_attribute_elemtype_t domain,
                const char *end_tag, igraph_integer_t n_elements)
{
  d->keys = keys;
  d->domain = domain;
  d->end_tag = end_tag;
  d->open = eg_xml_raw_opens(keys, DATA_INDENT "<data key=\"", "\">", &d->open_len);
  guint n = 0;
  d->simple = TRUE;
  for (; keys[n].name; n++)
    d->simple = d->simple && (keys[n].type == IGRAPH_ATTRIBUTE_STRING || keys[n].fetched);
  d->sep = g_new0(char *, n + 1);
  d->sep_len = g_new0(gsize, n + 1);
  for (guint i = 0; i < n; i++) {
    g_autofree char *sep = g_strconcat(i == 0 ? ">\n" : "</data>\n", d->open[i], NULL);
    d->sep_len[i] = strlen(sep);
    d->sep[i] = raw_padded(sep, d->sep_len[i]);
  }
  g_autofree char *tail = n ? g_strconcat("</data>\n", end_tag, NULL) : g_strdup("/>\n");
  d->tail_len = strlen(tail);
  d->tail = raw_padded(tail, d->tail_len);
  d->last = g_new0(RawLast, n + 1);
  /* A column at a time (a loop the compiler unrolls) rather than every number of each element
   * as it is written. */
  d->whole = NULL;
  if (d->simple) {
    d->whole = g_malloc((gsize)n_elements + 1);
    memset(d->whole, 1, (gsize)n_elements + 1);
    for (guint i = 0; i < n; i++) {
      if (keys[i].type == IGRAPH_ATTRIBUTE_STRING)
        continue;
      const double *v = VECTOR(keys[i].numbers);
      igraph_integer_t have = MIN(keys[i].n_numbers, n_elements);
      for (igraph_integer_t id = 0; id < have; id++)
        d->whole[id] &= isfinite(v[id]) != 0;
      if (have < n_elements)
        memset(d->whole + have, 0, (gsize)(n_elements - have));
    }
  }
}

static void
raw_domain_clear(RawDomain *d)
{
  g_strfreev(d->open);
  g_strfreev(d->sep);
  g_free(d->open_len);
  g_free(d->sep_len);
  g_free(d->tail);
  g_free(d->last);
  g_free(d->whole);
}

/* String TEXT of a key whose last text was LAST, escaped. Edges of one entity often share their
 * example (the sentence that named them together), and they come one after another: a text
 * equal to the last one copies its escaped form from the buffer (strcmp reads it several times
 * faster than escaping does, and stops at the first difference when they differ). */
static void
raw_string(EgXmlRaw *r, RawLast *last, const char *text)
{
  if (last->text && last->flushes == r->flushes && r->len + last->len <= EG_XML_RAW_CHUNK &&
      strcmp(text, last->text) == 0) {
    memcpy(r->buf + r->len, r->buf + last->at, last->len);
    r->len += last->len;
    return;
  }
  gsize at = r->len;
  guint flushes = r->flushes;
  eg_xml_raw_text(r, text);
  *last = r->flushes == flushes ? (RawLast){ text, at, r->len - at, flushes } : (RawLast){ 0 };
}

/* The <data> elements of vertex or edge ID, after its start tag "<node id=..." written without
 * its ">": closes it with ">" and a newline before the first, or with "/>" when there is none. */
static void
raw_data(EgXmlRaw *r, const igraph_t *g, RawDomain *d, igraph_integer_t id)
{
  const EgAttrInfo *keys = d->keys;
  if (d->whole && d->whole[id]) {
    /* every value present: the fixed text between two values is one write */
    for (guint i = 0; keys[i].name; i++) {
      const EgAttrInfo *a = &keys[i];
      raw_put_padded(r, d->sep[i], d->sep_len[i]);
      if (a->type == IGRAPH_ATTRIBUTE_STRING) {
        const char *text = d->domain == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAS(g, a->name, id)
                                                                : igraph_cattribute_EAS(g, a->name, id);
        raw_string(r, &d->last[i], text ? text : "");
      } else {
        eg_xml_raw_number(r, VECTOR(a->numbers)[id], a->integer);
      }
    }
    raw_put_padded(r, d->tail, d->tail_len);
    return;
  }
  gboolean any = FALSE;
  for (guint i = 0; keys[i].name; i++)
    if (eg_xml_raw_value(r, g, d->domain, id, &keys[i], FALSE, d->open[i], d->open_len[i], ">\n", &any))
      EG_XML_RAW_LIT(r, "</data>\n");
  if (any)
    eg_xml_raw_put(r, d->end_tag, strlen(d->end_tag));
  else
    EG_XML_RAW_LIT(r, "/>\n");
}

/* Writes every node and edge as one raw run (xmlraw.c), byte for byte as the xmlTextWriter
 * path below lays them out; GRAPH_OPEN: the <graph> start tag is still open (no graph <data>
 * was written), so the run starts with the newline. Returns the writer's status. */
static int
graphml_body_raw(xmlTextWriterPtr w, FILE *stream, const igraph_t *g, gboolean graph_open,
                 const EgAttrInfo *vkeys, const EgAttrInfo *ekeys)
{
  igraph_integer_t nv = igraph_vcount(g), ne = igraph_ecount(g);
  if (nv == 0 && ne == 0)
    return 0;
  RawDomain vd, ed;
  raw_domain_init(&vd, vkeys, IGRAPH_ATTRIBUTE_VERTEX, ELEM_INDENT "</node>\n", nv);
  raw_domain_init(&ed, ekeys, IGRAPH_ATTRIBUTE_EDGE, ELEM_INDENT "</edge>\n", ne);
  EgXmlRaw r;
  eg_xml_raw_begin(&r, w, stream);
  if (graph_open)
    EG_XML_RAW_LIT(&r, "\n");
  for (igraph_integer_t v = 0; v < nv && r.rc >= 0; v++) {
    EG_XML_RAW_LIT(&r, ELEM_INDENT "<node id=\"n");
    eg_xml_raw_u64(&r, (guint64)v);
    EG_XML_RAW_LIT(&r, "\"");
    raw_data(&r, g, &vd, v);
  }
  for (igraph_integer_t e = 0; e < ne && r.rc >= 0; e++) {
    /* igraph stores an undirected edge larger end first; the contract is source < target. */
    igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);
    EG_XML_RAW_LIT(&r, ELEM_INDENT "<edge source=\"n");
    eg_xml_raw_u64(&r, (guint64)MIN(from, to));
    EG_XML_RAW_LIT(&r, "\" target=\"n");
    eg_xml_raw_u64(&r, (guint64)MAX(from, to));
    EG_XML_RAW_LIT(&r, "\"");
    raw_data(&r, g, &ed, e);
  }
  EG_XML_RAW_LIT(&r, EG_XML_INDENT);
  raw_domain_clear(&vd);
  raw_domain_clear(&ed);
  return eg_xml_raw_end(&r);
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
  gboolean raw = eg_export_attr_infos_plain(vkeys) && eg_export_attr_infos_plain(ekeys);

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
  guint graph_data = 0;
  if (rc >= 0) rc = graphml_data(w, g, IGRAPH_ATTRIBUTE_GRAPH, 0, gkeys, &graph_data);
  if (rc >= 0 && raw)
    rc = graphml_body_raw(w, stream, g, graph_data == 0, vkeys, ekeys);
  for (igraph_integer_t v = 0; !raw && v < igraph_vcount(g) && rc >= 0; v++) {
    char id[32];
    eg_export_id(id, 'n', v);
    rc = xmlTextWriterStartElement(w, BAD_CAST "node");
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id);
    if (rc >= 0) rc = graphml_data(w, g, IGRAPH_ATTRIBUTE_VERTEX, v, vkeys, NULL);
    if (rc >= 0) rc = xmlTextWriterEndElement(w);
  }
  for (igraph_integer_t e = 0; !raw && e < igraph_ecount(g) && rc >= 0; e++) {
    char src[32], dst[32];
    /* igraph stores an undirected edge larger end first; the contract is source < target. */
    igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);
    eg_export_id(src, 'n', MIN(from, to));
    eg_export_id(dst, 'n', MAX(from, to));
    rc = xmlTextWriterStartElement(w, BAD_CAST "edge");
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST src);
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "target", BAD_CAST dst);
    if (rc >= 0) rc = graphml_data(w, g, IGRAPH_ATTRIBUTE_EDGE, e, ekeys, NULL);
    if (rc >= 0) rc = xmlTextWriterEndElement(w);
  }
  eg_export_attr_infos_free(gkeys);
  eg_export_attr_infos_free(vkeys);
  eg_export_attr_infos_free(ekeys);
  eg_export_attr_lists_destroy(&a);
  return eg_export_xml_close(w, rc, stream, "GraphML", error);
}
