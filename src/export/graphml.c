/* graphml.c: GraphML through libxml2's xmlTextWriter.
 *
 * Not igraph_write_graph_graphml: on Debian's igraph 0.10.2 it writes every number as a double,
 * gives a node and an edge attribute of one name one key id, and stops half-way on control
 * characters. Here keys are typed (string, long, double) and prefixed by domain (g_, v_, e_),
 * text is escaped by libxml2 and cleaned of characters XML 1.0 forbids. The nodes and edges,
 * markup around our own ids, key ids and numbers, go out as raw bytes in large writes for speed,
 * byte for byte as xmlTextWriter lays them out (graphml_body_raw); their text is still escaped by
 * libxml2 where it needs escaping.
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

/* Writes the <data> elements of one graph, vertex or edge (ID; ignored for the graph). */
static int
graphml_data(xmlTextWriterPtr w, const igraph_t *g, igraph_attribute_elemtype_t domain,
             igraph_integer_t id, const EgAttrInfo *keys, guint *written)
{
  int rc = 0;
  *written = 0;
  for (const EgAttrInfo *k = keys; k->name && rc >= 0; k++) {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *to_free = NULL;
    const char *text = eg_export_xml_attr_text(g, domain, k, id, buf, &to_free);
    if (!text)
      continue; /* a metric not computed for this element */
    (*written)++;
    rc = xmlTextWriterStartElement(w, BAD_CAST "data");
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST k->text);
    if (rc >= 0) rc = eg_export_xml_write_text(w, text);
    if (rc >= 0) rc = xmlTextWriterEndElement(w);
  }
  return rc;
}

/* The nodes and edges, when every key is plain (eg_export_attr_infos_plain), as raw bytes:
 * one buffer of markup, flushed to the stream in large writes.
 *
 * Why: xmlTextWriter costs ~3,600 instructions per element (a stack entry allocated and freed,
 * the name copied, attribute values scanned for escaping), and its buffer copies every byte
 * once more; nodes and edges are nearly all of a file (67 MB for Reuters). Their markup holds
 * no user text: ids are ours, keys our prefix and attribute name, numbers formatted by us. User
 * text (labels, aliases, examples...) is cleaned as before and, when it holds a character to
 * escape, escaped by libxml2 (xmlEncodeSpecialChars, what xmlTextWriterWriteString calls for
 * element content); text of plain printable ASCII is copied as it is, as libxml2 would.
 *
 * The bytes are those xmlTextWriter writes, indentation included: the first chunk goes through
 * xmlTextWriterWriteRawLen, which closes the <graph> start tag when no graph <data> did (with
 * ">" only, so the run then starts with the "\n" StartElement would have written) and tells the
 * writer the end tag is to go out unindented; the writer is then flushed and the rest written to
 * its stream directly; the run ends with the indent of </graph>, which EndElement writes. */
#define RAW_CHUNK (256u * 1024u)
#define DATA_INDENT EG_XML_INDENT EG_XML_INDENT EG_XML_INDENT
#define ELEM_INDENT EG_XML_INDENT EG_XML_INDENT

typedef struct {
  xmlTextWriterPtr w;
  FILE *stream;
  char *buf;
  gsize len;
  gboolean direct;       /* the writer was flushed: write to STREAM */
  int rc;
} Raw;

/* Sends N bytes of S after everything before them. */
static void
raw_write(Raw *r, const char *s, gsize n)
{
  if (r->rc < 0)
    return;
  if (!r->direct) {
    r->rc = n <= G_MAXINT ? xmlTextWriterWriteRawLen(r->w, BAD_CAST s, (int)n) : -1;
    if (r->rc >= 0) r->rc = xmlTextWriterFlush(r->w);
    r->direct = TRUE;
  } else if (fwrite(s, 1, n, r->stream) != n) {
    r->rc = -1;
  }
}

static void
raw_flush(Raw *r)
{
  if (r->len)
    raw_write(r, r->buf, r->len);
  r->len = 0;
}

static inline void
raw_put(Raw *r, const char *s, gsize n)
{
  if (G_UNLIKELY(r->len + n > RAW_CHUNK)) {
    raw_flush(r);
    if (n > RAW_CHUNK) {
      raw_write(r, s, n); /* a value larger than the buffer: a write of its own */
      return;
    }
  }
  memcpy(r->buf + r->len, s, n);
  r->len += n;
}

#define RAW_LIT(r, lit) raw_put((r), "" lit, sizeof(lit) - 1)

/* What element text's bytes become: 1 goes out as it is (printable ASCII, tab, newline), 2 is
 * one of the five that xmlEncodeSpecialChars escapes, 0 ends the text or may need cleaning
 * (NUL, other control characters, bytes of UTF-8 sequences). */
static const guint8 raw_text_class[256] = {
  ['\t'] = 1, ['\n'] = 1, ['\r'] = 2,
  [' '] = 1, ['!'] = 1, ['"'] = 2, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['&'] = 2, ['\''] = 1,
  ['('] = 1, [')'] = 1, ['*'] = 1, ['+'] = 1, [','] = 1, ['-'] = 1, ['.'] = 1, ['/'] = 1,
  ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
  ['8'] = 1, ['9'] = 1, [':'] = 1, [';'] = 1, ['<'] = 2, ['='] = 1, ['>'] = 2, ['?'] = 1,
  ['@'] = 1,
  ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
  ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
  ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
  ['Y'] = 1, ['Z'] = 1, ['['] = 1, ['\\'] = 1, [']'] = 1, ['^'] = 1, ['_'] = 1, ['`'] = 1,
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
  ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
  ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
  ['y'] = 1, ['z'] = 1, ['{'] = 1, ['|'] = 1, ['}'] = 1, ['~'] = 1,
};

/* Whether any of the 8 bytes at P is not class 1 of raw_text_class: below 0x20 (tab and newline
 * included, which the byte loop then lets through), above 0x7E, '<' or '>' (x | 2 == '>'), '"'
 * or '&' (x | 4 == '&'). Exact, with the "has a byte less than / more than / zero" word tests
 * of Bit Twiddling Hacks; 8 bytes in ~20 instructions where the table takes ~9 per byte. */
#define ONES G_GUINT64_CONSTANT(0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT(0x8080808080808080)

static inline gboolean
raw_word_special(const char *p)
{
  guint64 x;
  memcpy(&x, p, sizeof x);
  guint64 below = (x - ONES * 0x20) & ~x;
  guint64 above = (x + ONES * (127 - 0x7E)) | x;
  guint64 lt_gt = (x | ONES * 2) ^ (ONES * '>');
  guint64 quot_amp = (x | ONES * 4) ^ (ONES * '&');
  lt_gt = (lt_gt - ONES) & ~lt_gt;
  quot_amp = (quot_amp - ONES) & ~quot_amp;
  return ((below | above | lt_gt | quot_amp) & HIGHS) != 0;
}

/* Writes the entity xmlEncodeSpecialChars gives C, a class 2 byte. */
static void
raw_entity(Raw *r, guchar c)
{
  switch (c) {
  case '<': RAW_LIT(r, "&lt;"); break;
  case '>': RAW_LIT(r, "&gt;"); break;
  case '&': RAW_LIT(r, "&amp;"); break;
  case '"': RAW_LIT(r, "&quot;"); break;
  default: RAW_LIT(r, "&#13;"); break;
  }
}

/* Element text S, cleaned of what XML 1.0 forbids (eg_export_xml_cleaned) and escaped as
 * xmlTextWriterWriteString escapes element text (xmlEncodeSpecialChars: &lt; &gt; &amp;
 * &quot; &#13;; tests/unit/test_export.c compares the two on random text). Plain ASCII is
 * copied in runs, skipped 8 bytes at a time; at the first byte that may need cleaning the rest
 * is cleaned (cleaning keeps an ASCII prefix as it is), after which only the five are escaped. */
static void
raw_text(Raw *r, const char *s)
{
  gsize n = strlen(s), i = 0, run = 0;
  for (;;) {
    while (i + 8 <= n && !raw_word_special(s + i))
      i += 8;
    for (gsize stop = MIN(i + 8, n); i < stop; i++) {
      guint8 c = raw_text_class[(guchar)s[i]];
      if (c == 1)
        continue;
      raw_put(r, s + run, i - run);
      run = i + 1;
      if (c == 2)
        raw_entity(r, (guchar)s[i]);
      else
        goto unclean;
    }
    if (i >= n) {
      raw_put(r, s + run, n - run);
      return;
    }
  }
unclean:;
  g_autofree char *to_free = NULL;
  const char *clean = eg_export_xml_cleaned(s + i, &to_free);
  const char *p = clean, *start = clean;
  for (; *p; p++)
    if (raw_text_class[(guchar)*p] == 2) {
      raw_put(r, start, (gsize)(p - start));
      raw_entity(r, (guchar)*p);
      start = p + 1;
    }
  raw_put(r, start, (gsize)(p - start));
}

/* The <data> elements of vertex or edge ID, after its start tag "<node id=..." written without
 * its ">": closes it with ">" and a newline before the first, or with "/>" when there is none.
 * OPEN[i] is "      <data key=\"KEY\">" of KEYS[i]. */
static void
raw_data(Raw *r, const igraph_t *g, igraph_attribute_elemtype_t domain, igraph_integer_t id,
         const EgAttrInfo *keys, char *const *open, const gsize *open_len, const char *end_tag)
{
  gboolean any = FALSE;
  for (guint i = 0; keys[i].name; i++) {
    const EgAttrInfo *k = &keys[i];
    char num[G_ASCII_DTOSTR_BUF_SIZE];
    const char *text = NULL;
    gsize len = 0;
    if (k->type == IGRAPH_ATTRIBUTE_STRING) {
      text = domain == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAS(g, k->name, id)
                                               : igraph_cattribute_EAS(g, k->name, id);
      if (!text)
        text = "";
    } else if (k->fetched && k->integer) {
      double v = id < igraph_vector_size(&k->numbers) ? VECTOR(k->numbers)[id] : NAN;
      if (!isfinite(v))
        continue; /* a metric not computed for this element */
      if (v > -9.2e18 && v < 9.2e18) {
        gint64 iv = (gint64)v;
        gsize sign = iv < 0;
        num[0] = '-';
        len = sign + eg_u64_digits(num + sign, iv < 0 ? (guint64)0 - (guint64)iv : (guint64)iv);
      } else {
        len = strlen(eg_export_number(num, v, TRUE));
      }
      text = num;
    } else {
      g_autofree char *to_free = NULL;
      text = eg_export_xml_attr_text(g, domain, k, id, num, &to_free);
      if (!text)
        continue;
      g_assert(to_free == NULL); /* only strings are cleaned, and they are handled above */
      len = strlen(text);
    }
    if (!any)
      RAW_LIT(r, ">\n");
    any = TRUE;
    raw_put(r, open[i], open_len[i]);
    if (k->type == IGRAPH_ATTRIBUTE_STRING)
      raw_text(r, text);
    else
      raw_put(r, text, len);
    RAW_LIT(r, "</data>\n");
  }
  if (any)
    raw_put(r, end_tag, strlen(end_tag));
  else
    RAW_LIT(r, "/>\n");
}

/* "      <data key=\"KEY\">" of every key of KEYS, and their lengths (transfer full). */
static char **
raw_opens(const EgAttrInfo *keys, gsize **lens)
{
  guint n = 0;
  while (keys[n].name)
    n++;
  char **open = g_new0(char *, n + 1);
  *lens = g_new0(gsize, n + 1);
  for (guint i = 0; i < n; i++) {
    open[i] = g_strconcat(DATA_INDENT "<data key=\"", keys[i].text, "\">", NULL);
    (*lens)[i] = strlen(open[i]);
  }
  return open;
}

/* Writes every node and edge raw (see above); GRAPH_OPEN: the <graph> start tag is still open
 * (no graph <data> was written). Returns the writer's status. */
static int
graphml_body_raw(xmlTextWriterPtr w, FILE *stream, const igraph_t *g, gboolean graph_open,
                 const EgAttrInfo *vkeys, const EgAttrInfo *ekeys)
{
  igraph_integer_t nv = igraph_vcount(g), ne = igraph_ecount(g);
  if (nv == 0 && ne == 0)
    return 0;
  g_autofree gsize *vlen = NULL, *elen = NULL;
  g_auto(GStrv) vopen = raw_opens(vkeys, &vlen);
  g_auto(GStrv) eopen = raw_opens(ekeys, &elen);
  g_autofree char *buf = g_malloc(RAW_CHUNK);
  Raw r = { w, stream, buf, 0, FALSE, 0 };
  if (graph_open)
    RAW_LIT(&r, "\n");
  char id[EG_U64_DIGITS];
  for (igraph_integer_t v = 0; v < nv && r.rc >= 0; v++) {
    RAW_LIT(&r, ELEM_INDENT "<node id=\"n");
    raw_put(&r, id, eg_u64_digits(id, (guint64)v));
    RAW_LIT(&r, "\"");
    raw_data(&r, g, IGRAPH_ATTRIBUTE_VERTEX, v, vkeys, vopen, vlen, ELEM_INDENT "</node>\n");
  }
  for (igraph_integer_t e = 0; e < ne && r.rc >= 0; e++) {
    /* igraph stores an undirected edge larger end first; the contract is source < target. */
    igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);
    RAW_LIT(&r, ELEM_INDENT "<edge source=\"n");
    raw_put(&r, id, eg_u64_digits(id, (guint64)MIN(from, to)));
    RAW_LIT(&r, "\" target=\"n");
    raw_put(&r, id, eg_u64_digits(id, (guint64)MAX(from, to)));
    RAW_LIT(&r, "\"");
    raw_data(&r, g, IGRAPH_ATTRIBUTE_EDGE, e, ekeys, eopen, elen, ELEM_INDENT "</edge>\n");
  }
  RAW_LIT(&r, EG_XML_INDENT);
  raw_flush(&r);
  return r.rc;
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
  guint graph_data = 0, written = 0;
  if (rc >= 0) rc = graphml_data(w, g, IGRAPH_ATTRIBUTE_GRAPH, 0, gkeys, &graph_data);
  if (rc >= 0 && raw)
    rc = graphml_body_raw(w, stream, g, graph_data == 0, vkeys, ekeys);
  for (igraph_integer_t v = 0; !raw && v < igraph_vcount(g) && rc >= 0; v++) {
    char id[32];
    eg_export_id(id, 'n', v);
    rc = xmlTextWriterStartElement(w, BAD_CAST "node");
    if (rc >= 0) rc = xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id);
    if (rc >= 0) rc = graphml_data(w, g, IGRAPH_ATTRIBUTE_VERTEX, v, vkeys, &written);
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
    if (rc >= 0) rc = graphml_data(w, g, IGRAPH_ATTRIBUTE_EDGE, e, ekeys, &written);
    if (rc >= 0) rc = xmlTextWriterEndElement(w);
  }
  eg_export_attr_infos_free(gkeys);
  eg_export_attr_infos_free(vkeys);
  eg_export_attr_infos_free(ekeys);
  eg_export_attr_lists_destroy(&a);
  return eg_export_xml_close(w, rc, stream, "GraphML", error);
}
