/* test_export.c: unit tests of the graph and export stages: eg_graph_build, the GraphML, DOT and
 * TSV writers, atomic output files, format names and locale-independent numbers. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cooc/pipeline.h"
#include "export/export.h"

/* A label with everything a writer must escape: & < > " ' \ and a control character. */
#define NASTY_LABEL "Alpha & \"Beta\" <script>'x'\\y\x01z"
#define NASTY_CLEAN "Alpha & \"Beta\" <script>'x'\\yz"

/* ---- helpers ---------------------------------------------------------------------------------- */

static void
add_node(EgNodeTable *t, const char *label, EgEntityType type, guint64 mentions, guint64 documents,
         const char *aliases)
{
  EgNode n = { 0 };
  n.label = g_strdup(label);
  n.type = type;
  n.mentions = mentions;
  n.documents = documents;
  n.windows = mentions;
  n.aliases = g_strdup(aliases);
  g_array_append_val(t->nodes, n);
}

static void
clear_node(gpointer p)
{
  EgNode *n = p;
  g_free(n->label);
  g_free(n->aliases);
}

/* Three nodes in label order and two edges. */
static EgNodeTable *
small_table(void)
{
  EgNodeTable *t = g_new0(EgNodeTable, 1);
  t->nodes = g_array_new(FALSE, TRUE, sizeof(EgNode));
  g_array_set_clear_func(t->nodes, clear_node);
  t->edges = g_array_new(FALSE, TRUE, sizeof(EgEdge));
  add_node(t, NASTY_LABEL, EG_TYPE_ORG, 5, 2, "AB|A&B");
  add_node(t, "Maria Okafor", EG_TYPE_PERSON, 9, 3, "Okafor|Okafor's");
  add_node(t, "Oslo", EG_TYPE_LOC, 2, 1, "");
  EgEdge e1 = { 0, 1, 4, 1, NULL }, e2 = { 1, 2, 1, 1, NULL };
  g_array_append_val(t->edges, e1);
  g_array_append_val(t->edges, e2);
  t->documents = 3;
  t->windows = 10;
  return t;
}

static void
build_graph(igraph_t *g, const EgNodeTable *t)
{
  eg_graph_init();
  g_autoptr(GError) error = NULL;
  g_assert_true(eg_graph_build(g, t, &error));
  g_assert_no_error(error);
}

typedef gboolean (*Writer)(const igraph_t *, FILE *, GError **);

/* Runs WRITER into memory and returns what it wrote (transfer full). */
static char *
write_to_string(Writer writer, const igraph_t *g, gsize *len)
{
  char *buf = NULL;
  size_t size = 0;
  FILE *fp = open_memstream(&buf, &size);
  g_assert_nonnull(fp);
  g_autoptr(GError) error = NULL;
  gboolean ok = writer(g, fp, &error);
  g_assert_no_error(error);
  g_assert_true(ok);
  g_assert_cmpint(fclose(fp), ==, 0);
  if (len)
    *len = size;
  char *out = g_strndup(buf, size);
  free(buf);
  return out;
}

static xmlNodePtr
child(xmlNodePtr parent, const char *name, guint nth)
{
  for (xmlNodePtr c = parent->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0 && nth-- == 0)
      return c;
  return NULL;
}

static char *
prop(xmlNodePtr n, const char *name)
{
  xmlChar *v = xmlGetProp(n, BAD_CAST name);
  char *s = g_strdup((const char *)v);
  xmlFree(v);
  return s;
}

/* The text of the <data key=KEY> child of N (transfer full), NULL when absent. */
static char *
data_of(xmlNodePtr n, const char *key)
{
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "data") != 0)
      continue;
    g_autofree char *k = prop(c, "key");
    if (g_strcmp0(k, key) == 0) {
      xmlChar *v = xmlNodeGetContent(c);
      char *s = g_strdup((const char *)v);
      xmlFree(v);
      return s;
    }
  }
  return NULL;
}

/* ---- graph ------------------------------------------------------------------------------------ */

static void
test_graph_build(void)
{
  g_autoptr(EgNodeTable) t = small_table();
  igraph_t g;
  build_graph(&g, t);
  g_assert_cmpint(igraph_vcount(&g), ==, 3);
  g_assert_cmpint(igraph_ecount(&g), ==, 2);
  g_assert_false(igraph_is_directed(&g));
  g_assert_cmpstr(VAS(&g, "label", 1), ==, "Maria Okafor");
  g_assert_cmpstr(VAS(&g, "type", 0), ==, "ORG");
  g_assert_cmpstr(VAS(&g, "type", 2), ==, "LOC");
  g_assert_cmpfloat(VAN(&g, "mentions", 1), ==, 9);
  g_assert_cmpfloat(VAN(&g, "documents", 1), ==, 3);
  g_assert_cmpstr(VAS(&g, "aliases", 0), ==, "AB|A&B");
  g_assert_cmpfloat(EAN(&g, "weight", 0), ==, 4);
  g_assert_cmpfloat(EAN(&g, "count", 1), ==, 1);
  g_assert_cmpfloat(GAN(&g, "documents"), ==, 3);
  g_assert_cmpfloat(GAN(&g, "windows"), ==, 10);
  igraph_destroy(&g);
}

/* ---- GraphML ---------------------------------------------------------------------------------- */

static void
test_graphml(void)
{
  g_autoptr(EgNodeTable) t = small_table();
  igraph_t g;
  build_graph(&g, t);
  gsize len = 0;
  g_autofree char *xml = write_to_string(eg_export_graphml, &g, &len);
  igraph_destroy(&g);

  g_assert_true(g_str_has_prefix(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
  g_assert_null(strchr(xml, '\x01'));
  g_assert_nonnull(strstr(xml, "&amp;"));
  g_assert_nonnull(strstr(xml, "&lt;script&gt;"));
  g_assert_null(strstr(xml, "<script>"));

  xmlDocPtr doc = xmlReadMemory(xml, (int)len, "test.graphml", NULL, XML_PARSE_NONET);
  g_assert_nonnull(doc);
  xmlNodePtr root = xmlDocGetRootElement(doc);
  g_assert_cmpstr((const char *)root->name, ==, "graphml");

  /* typed keys, one per domain and name */
  static const struct { const char *id, *domain, *name, *type; } keys[] = {
    { "g_documents", "graph", "documents", "long" }, { "g_windows", "graph", "windows", "long" },
    { "v_label", "node", "label", "string" }, { "v_type", "node", "type", "string" },
    { "v_mentions", "node", "mentions", "long" }, { "v_documents", "node", "documents", "long" },
    { "v_aliases", "node", "aliases", "string" }, { "e_weight", "edge", "weight", "double" },
    { "e_count", "edge", "count", "long" }, { "e_documents", "edge", "documents", "long" },
    { "e_example", "edge", "example", "string" },
  };
  guint n_keys = 0;
  for (xmlNodePtr k = root->children; k; k = k->next) {
    if (k->type != XML_ELEMENT_NODE || strcmp((const char *)k->name, "key") != 0)
      continue;
    g_autofree char *id = prop(k, "id");
    g_autofree char *domain = prop(k, "for");
    g_autofree char *name = prop(k, "attr.name");
    g_autofree char *type = prop(k, "attr.type");
    gboolean known = FALSE;
    for (guint i = 0; i < G_N_ELEMENTS(keys); i++)
      if (g_strcmp0(id, keys[i].id) == 0) {
        known = TRUE;
        g_assert_cmpstr(domain, ==, keys[i].domain);
        g_assert_cmpstr(name, ==, keys[i].name);
        g_assert_cmpstr(type, ==, keys[i].type);
      }
    if (!known)
      g_test_message("unexpected key %s", id);
    g_assert_true(known);
    n_keys++;
  }
  g_assert_cmpuint(n_keys, ==, G_N_ELEMENTS(keys));

  xmlNodePtr graph = child(root, "graph", 0);
  g_assert_nonnull(graph);
  g_autofree char *edgedefault = prop(graph, "edgedefault");
  g_assert_cmpstr(edgedefault, ==, "undirected");
  g_autofree char *gdocs = data_of(graph, "g_documents");
  g_assert_cmpstr(gdocs, ==, "3");
  g_autofree char *gwin = data_of(graph, "g_windows");
  g_assert_cmpstr(gwin, ==, "10");

  static const char *const labels[] = { NASTY_CLEAN, "Maria Okafor", "Oslo" };
  static const char *const mentions[] = { "5", "9", "2" };
  for (guint i = 0; i < 3; i++) {
    xmlNodePtr n = child(graph, "node", i);
    g_assert_nonnull(n);
    g_autofree char *id = prop(n, "id");
    g_autofree char *want = g_strdup_printf("n%u", i);
    g_assert_cmpstr(id, ==, want);
    g_autofree char *label = data_of(n, "v_label");
    g_assert_cmpstr(label, ==, labels[i]);
    g_autofree char *m = data_of(n, "v_mentions");
    g_assert_cmpstr(m, ==, mentions[i]);
  }
  g_assert_null(child(graph, "node", 3));
  g_autofree char *aliases = data_of(child(graph, "node", 0), "v_aliases");
  g_assert_cmpstr(aliases, ==, "AB|A&B");
  g_autofree char *type = data_of(child(graph, "node", 1), "v_type");
  g_assert_cmpstr(type, ==, "PERSON");

  /* edges: {n0, n1} count 4 and {n1, n2} count 1, in either orientation */
  static const char *const ends[][2] = { { "n0", "n1" }, { "n1", "n2" } };
  static const char *const counts[] = { "4", "1" };
  for (guint i = 0; i < 2; i++) {
    xmlNodePtr e = child(graph, "edge", i);
    g_assert_nonnull(e);
    g_autofree char *s = prop(e, "source");
    g_autofree char *d = prop(e, "target");
    g_assert_true((g_strcmp0(s, ends[i][0]) == 0 && g_strcmp0(d, ends[i][1]) == 0) ||
                  (g_strcmp0(s, ends[i][1]) == 0 && g_strcmp0(d, ends[i][0]) == 0));
    g_autofree char *c = data_of(e, "e_count");
    g_assert_cmpstr(c, ==, counts[i]);
    g_autofree char *w = data_of(e, "e_weight");
    g_assert_cmpstr(w, ==, counts[i]);
  }
  g_assert_null(child(graph, "edge", 2));
  xmlFreeDoc(doc);
}

static void
test_graphml_from_text(void)
{
  g_autoptr(EgCounts) c = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  const char *texts[] = { "Maria Okafor met Daniel Lund in Oslo.", "Okafor flew to Oslo." };
  for (guint i = 0; i < G_N_ELEMENTS(texts); i++) {
    EgDocument doc = { "d", texts[i], strlen(texts[i]), 0, TRUE, 0 };
    eg_pipeline_count_document(c, &doc, EG_PARA_AUTO);
  }
  g_autoptr(EgNodeTable) t = eg_consolidate(c);
  igraph_t g;
  build_graph(&g, t);
  gsize len = 0;
  g_autofree char *xml = write_to_string(eg_export_graphml, &g, &len);
  igraph_destroy(&g);
  xmlDocPtr doc = xmlReadMemory(xml, (int)len, "text.graphml", NULL, XML_PARSE_NONET);
  g_assert_nonnull(doc);
  xmlNodePtr graph = child(xmlDocGetRootElement(doc), "graph", 0);
  g_autofree char *l0 = data_of(child(graph, "node", 0), "v_label");
  g_autofree char *l1 = data_of(child(graph, "node", 1), "v_label");
  g_autofree char *l2 = data_of(child(graph, "node", 2), "v_label");
  g_assert_cmpstr(l0, ==, "Daniel Lund");
  g_assert_cmpstr(l1, ==, "Maria Okafor");
  g_assert_cmpstr(l2, ==, "Oslo");
  g_autofree char *m1 = data_of(child(graph, "node", 1), "v_mentions");
  g_assert_cmpstr(m1, ==, "2");
  g_autofree char *a1 = data_of(child(graph, "node", 1), "v_aliases");
  g_assert_cmpstr(a1, ==, "Okafor");
  g_assert_nonnull(child(graph, "edge", 2));
  g_assert_null(child(graph, "edge", 3));
  xmlFreeDoc(doc);
}

/* ---- DOT and TSV ------------------------------------------------------------------------------ */

static void
test_dot(void)
{
  g_autoptr(EgNodeTable) t = small_table();
  igraph_t g;
  build_graph(&g, t);
  g_autofree char *dot = write_to_string(eg_export_dot, &g, NULL);
  igraph_destroy(&g);
  g_assert_true(g_str_has_prefix(dot, "graph"));
  g_assert_nonnull(strstr(dot, "\\\\y"));    /* the label's backslash, doubled */
  g_assert_null(strstr(dot, "'\\y"));        /* and never left single */
  g_assert_nonnull(strstr(dot, "\\\"Beta\\\"")); /* quotes escaped by cgraph */
  g_assert_nonnull(strstr(dot, "count=4"));
  g_assert_nonnull(strstr(dot, "count=1"));
  /* undirected edges, in either orientation (igraph gives the larger id first) */
  g_assert_true(strstr(dot, "n0 -- n1") || strstr(dot, "n1 -- n0"));
  g_assert_true(strstr(dot, "n1 -- n2") || strstr(dot, "n2 -- n1"));
  g_assert_false(strstr(dot, "n0 -- n2") || strstr(dot, "n2 -- n0"));
  g_assert_null(strstr(dot, "->"));
  g_assert_nonnull(strstr(dot, "\"Maria Okafor\""));
  g_assert_nonnull(strstr(dot, "PERSON"));
  g_assert_nonnull(strstr(dot, "mentions=9"));
}

static void
test_tsv(void)
{
  g_autoptr(EgNodeTable) t = small_table();
  add_node(t, "Zed Quill", EG_TYPE_PERSON, 5, 1, ""); /* ties with node 0 on mentions */
  igraph_t g;
  build_graph(&g, t);
  g_autofree char *tsv = write_to_string(eg_export_tsv, &g, NULL);
  igraph_destroy(&g);
  const char *expected =
    "label\ttype\tmentions\tdocuments\taliases\n"
    "Maria Okafor\tPERSON\t9\t3\tOkafor|Okafor's\n"
    NASTY_LABEL "\tORG\t5\t2\tAB|A&B\n"
    "Zed Quill\tPERSON\t5\t1\t\n"
    "Oslo\tLOC\t2\t1\t\n";
  g_assert_cmpstr(tsv, ==, expected);
}

/* The two-node graph of the layout tests: one edge, a PageRank computed for the first node
 * only; ODD_KEY adds a vertex attribute whose name libxml2 escapes (numbers on the first node
 * only), which sends the writers down their xmlTextWriter path. */
static void
layout_graph(igraph_t *g, gboolean odd_key)
{
  eg_graph_init();
  igraph_empty(g, 2, IGRAPH_UNDIRECTED);
  igraph_add_edge(g, 0, 1);
  SETVAN(g, "pagerank", 0, 0.1);
  SETVAN(g, "pagerank", 1, NAN);
  if (odd_key) {
    SETVAN(g, "odd \u00e9&key", 0, 3);
    SETVAN(g, "odd \u00e9&key", 1, NAN);
  }
}

/* Two nodes, the second without any <data> (its only attribute not computed), and an edge with
 * a number and a text to escape; ODD_KEY adds a vertex attribute whose key libxml2 escapes.
 * graphml.c writes <data> raw when every key is plain and through xmlTextWriter otherwise:
 * both must give xmlTextWriter's layout byte for byte. */
static char *
graphml_layout(gboolean odd_key)
{
  igraph_t g;
  layout_graph(&g, odd_key);
  SETEAN(&g, "weight", 0, 1.5);
  SETEAS(&g, "examples", 0, "a<b & \"c\"\u00e9");
  char *xml = write_to_string(eg_export_graphml, &g, NULL);
  igraph_destroy(&g);
  return xml;
}

static void
test_graphml_layout(void)
{
  static const char head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    "  <key id=\"v_pagerank\" for=\"node\" attr.name=\"pagerank\" attr.type=\"double\"/>\n";
  static const char tail[] =
    "  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <key id=\"e_examples\" for=\"edge\" attr.name=\"examples\" attr.type=\"string\"/>\n"
    "  <graph id=\"G\" edgedefault=\"undirected\">\n"
    "    <node id=\"n0\">\n"
    "      <data key=\"v_pagerank\">0.1</data>\n"
    "%s"
    "    </node>\n"
    "    <node id=\"n1\"/>\n"
    "    <edge source=\"n0\" target=\"n1\">\n"
    "      <data key=\"e_weight\">1.5</data>\n"
    "      <data key=\"e_examples\">a&lt;b &amp; &quot;c&quot;\u00e9</data>\n"
    "    </edge>\n"
    "  </graph>\n"
    "</graphml>\n";
  g_autofree char *plain = graphml_layout(FALSE);
  g_autofree char *plain_tail = g_strdup_printf(tail, "");
  g_autofree char *plain_doc = g_strconcat(head, plain_tail, NULL);
  g_assert_cmpstr(plain, ==, plain_doc);
  g_autofree char *odd = graphml_layout(TRUE);
  g_autofree char *odd_tail = g_strdup_printf(tail, "      <data key=\"v_odd \u00e9&amp;key\">3</data>\n");
  g_autofree char *odd_doc = g_strconcat(head,
    "  <key id=\"v_odd \u00e9&amp;key\" for=\"node\" attr.name=\"odd \u00e9&amp;key\" attr.type=\"double\"/>\n",
    odd_tail, NULL);
  g_assert_cmpstr(odd, ==, odd_doc);
}

/* A text of up to 8 random pieces: plain words, the five characters libxml2 escapes, control
 * characters, UTF-8 of one to four bytes, a non-character, bytes that are not UTF-8 and sequences
 * cut short. */
static char *
random_text(GRand *r)
{
  static const char *const pieces[] = { "a", "Zed", " ", "<", ">", "&", "\"", "'", "\r", "\n", "\t",
                                        "\x01", "\x1f", "\x7f", "\u00e9", "\u20ac", "\U0001F600",
                                        "\ufffe", "\xff", "\xc3", "\xed\xa0\x80", "&amp;", "]]>",
                                        "The quick brown fox jumps" };
  GString *s = g_string_new(NULL);
  for (gint n = g_rand_int_range(r, 0, 9); n > 0; n--)
    g_string_append(s, pieces[g_rand_int_range(r, 0, G_N_ELEMENTS(pieces))]);
  return g_string_free(s, FALSE);
}

/* The graph both raw-writer tests start from: 60 vertices of random text joined by 150 edges,
 * then a vertex for every byte 1..255 at each place 0..15 of a 24-byte label (the raw writers
 * skip plain text 8 bytes at a time). Labels are set as "label". */
#define RAW_TEST_VERTICES (60 + 255 * 16)
static void
raw_test_graph(igraph_t *g, GRand *r)
{
  igraph_empty(g, RAW_TEST_VERTICES, IGRAPH_UNDIRECTED);
  for (igraph_integer_t e = 0; e < 150; e++)
    igraph_add_edge(g, e % 60, (e * 7 + 1 + e / 60) % 60);
  for (igraph_integer_t v = 0; v < RAW_TEST_VERTICES; v++) {
    g_autofree char *label = v < 60 ? random_text(r) : g_strnfill(24, 'a');
    if (v >= 60)
      label[(v - 60) % 16] = (char)(1 + (v - 60) / 16); /* byte 1..255 at place 0..15 */
    SETVAS(g, "label", v, label);
  }
}

/* Writes G's GraphML as raw runs, then again with a vertex attribute whose name is not plain
 * (NaN everywhere), which sends the writer down the xmlTextWriter path and adds only its <key>
 * line: the two must agree byte for byte but for that line. */
static void
check_raw_vs_writer(igraph_t *g)
{
  g_autofree char *raw = write_to_string(eg_export_graphml, g, NULL);
  for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
    SETVAN(g, "odd key", v, NAN);
  g_autofree char *writer = write_to_string(eg_export_graphml, g, NULL);
  char *key = strstr(writer, "  <key id=\"v_odd key\"");
  g_assert_nonnull(key);
  char *eol = strchr(key, '\n');
  memmove(key, eol + 1, strlen(eol + 1) + 1);
  g_assert_cmpstr(raw, ==, writer);
}

/* graphml.c writes nodes and edges as raw bytes when every key is plain and through
 * xmlTextWriter otherwise: on random text, on every byte at each place of an 8-byte word (the
 * raw writer skips plain text a word at a time), metrics missing here and there, a text larger
 * than its buffer, with and without graph <data>, the two must agree byte for byte. A vertex
 * attribute with a name that is not plain, NaN everywhere, sends the writer down the
 * xmlTextWriter path and adds only its <key> line. */
static void
test_graphml_raw_vs_writer(void)
{
  eg_graph_init();
  g_autoptr(GRand) r = g_rand_new_with_seed(11);
  for (int graph_data = 0; graph_data < 2; graph_data++) {
    igraph_t g;
    const igraph_integer_t nv = RAW_TEST_VERTICES;
    raw_test_graph(&g, r);
    for (igraph_integer_t v = 0; v < nv; v++) {
      SETVAN(&g, "mentions", v, g_rand_int_range(r, -5, 100000));
      SETVAN(&g, "pagerank", v, g_rand_int_range(r, 0, 4) ? g_rand_double(r) : NAN);
      /* a key longer than the raw writer's padded separators */
      SETVAN(&g, "a_number_under_a_name_longer_than_most_of_the_others", v, (double)v);
    }
    /* every third example repeats the one before it (edges of one entity often share theirs;
     * the raw writer copies such a repeat from its buffer) */
    g_autofree char *example = NULL;
    for (igraph_integer_t e = 0; e < 150; e++) {
      if (e % 3 != 1) {
        g_free(example);
        example = random_text(r);
      }
      SETEAN(&g, "weight", e, g_rand_double_range(r, -3, 3));
      SETEAS(&g, "example", e, example);
    }
    g_autofree char *huge = g_strnfill(300000, 'x');
    huge[150000] = '&';
    SETEAS(&g, "example", 77, huge);
    SETEAS(&g, "example", 78, huge); /* a repeat of a text that did not fit the buffer */
    if (graph_data)
      SETGAN(&g, "documents", 3);
    check_raw_vs_writer(&g);
    igraph_destroy(&g);
  }
}

/* Removes the line of DOC that starts with PREFIX (after its indent). */
static void
remove_line(char *doc, const char *prefix)
{
  char *line = strstr(doc, prefix);
  g_assert_nonnull(line);
  while (line > doc && line[-1] == ' ')
    line--;
  char *eol = strchr(line, '\n');
  memmove(line, eol + 1, strlen(eol + 1) + 1);
}

/* Appends code point C to S as UTF-8 by hand, surrogates and code points above U+10FFFF
 * included (which makes it invalid UTF-8). */
static void
append_code_point(GString *s, guint32 c)
{
  if (c < 0x80) {
    g_string_append_c(s, (char)c);
  } else if (c < 0x800) {
    g_string_append_c(s, (char)(0xC0 | c >> 6));
    g_string_append_c(s, (char)(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    g_string_append_c(s, (char)(0xE0 | c >> 12));
    g_string_append_c(s, (char)(0x80 | ((c >> 6) & 0x3F)));
    g_string_append_c(s, (char)(0x80 | (c & 0x3F)));
  } else {
    g_string_append_c(s, (char)(0xF0 | c >> 18));
    g_string_append_c(s, (char)(0x80 | ((c >> 12) & 0x3F)));
    g_string_append_c(s, (char)(0x80 | ((c >> 6) & 0x3F)));
    g_string_append_c(s, (char)(0x80 | (c & 0x3F)));
  }
}

/* The raw writer keeps the UTF-8 characters that cleaning keeps without cleaning (xmlraw.c,
 * raw_utf8_kept): every code point, in labels of 61 with text to escape around them, then
 * surrogates, U+FFFE, U+FFFF, code points above U+10FFFF and malformed sequences, each after
 * and before characters that are kept, must come out as the xmlTextWriter path writes them. */
static void
test_graphml_raw_vs_writer_utf8(void)
{
  eg_graph_init();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func(g_free);
  GString *l = g_string_new("a&");
  for (guint32 c = 0x20; c < 0x110000; c++) {
    if ((c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF)
      continue;
    append_code_point(l, c);
    if (c % 61 == 0) {
      g_string_append(l, "<z");
      g_ptr_array_add(labels, g_string_free(l, FALSE));
      l = g_string_new("\u00e9\"");
    }
  }
  g_ptr_array_add(labels, g_string_free(l, FALSE));
  const guint32 odd[] = { 0xD800, 0xDABC, 0xDBFF, 0xDC00, 0xDFFF, 0xFFFE, 0xFFFF, 0x110000, 0x13FFFF,
                          0x1FFFFF };
  const char *const malformed[] = { "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf",
                                    "\xf0\x80\x80\x80", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80",
                                    "\xf5\x80\x80\x80", "\xff", "\xfe", "\x80", "\xbf", "\xc3",
                                    "\xe2\x82", "\xf0\x9f\x98", "\xc3\x28", "\xe2\x28\xa1",
                                    "\xf0\x28\x8c\xbc", "\x01", "\x1f", "\x7f", "\r" };
  for (guint i = 0; i < G_N_ELEMENTS(odd) + G_N_ELEMENTS(malformed); i++) {
    GString *x = g_string_new("k\u00e9\u4e2d\U0001F600>");
    if (i < G_N_ELEMENTS(odd))
      append_code_point(x, odd[i]);
    else
      g_string_append(x, malformed[i - G_N_ELEMENTS(odd)]);
    g_string_append(x, "\u00fc&\U0010FFFD end");
    g_ptr_array_add(labels, g_string_free(x, FALSE));
  }
  igraph_t g;
  igraph_empty(&g, labels->len, IGRAPH_UNDIRECTED);
  for (guint v = 0; v < labels->len; v++)
    SETVAS(&g, "label", v, g_ptr_array_index(labels, v));
  check_raw_vs_writer(&g);
  igraph_destroy(&g);
}

/* As test_graphml_raw_vs_writer for GEXF: labels and text values of random text and of every
 * byte at each place of a word, numbers missing here and there, weights, periods that make
 * spells (runs of consecutive periods, names that are not periods, none), written raw and
 * through xmlTextWriter (forced by a vertex and an edge attribute whose ids are not plain,
 * NaN everywhere, which add only their declarations). */
static void
test_gexf_raw_vs_writer(void)
{
  static const char *const periods[] = { "", "2016-07", "2016-07|2016-08", "2016-07|2016-09|2016-10",
                                         "2016-W05|2016-W06|junk", "2016|2017", "junk",
                                         "2016-07-25|2016-07-26|2016-07-28" };
  eg_graph_init();
  g_autoptr(GRand) r = g_rand_new_with_seed(13);
  const igraph_integer_t nv = RAW_TEST_VERTICES;
  igraph_t g;
  raw_test_graph(&g, r);
  for (igraph_integer_t v = 0; v < nv; v++) {
    g_autofree char *aliases = v < 60 ? random_text(r) : g_strdup(VAS(&g, "label", v));
    SETVAS(&g, "aliases", v, aliases);
    SETVAN(&g, "mentions", v, g_rand_int_range(r, -5, 100000));
    SETVAN(&g, "pagerank", v, g_rand_int_range(r, 0, 4) ? g_rand_double(r) : NAN);
    SETVAS(&g, "periods", v, periods[g_rand_int_range(r, 0, G_N_ELEMENTS(periods))]);
  }
  for (igraph_integer_t e = 0; e < 150; e++) {
    g_autofree char *example = random_text(r);
    SETEAN(&g, "weight", e, g_rand_int_range(r, 0, 5) ? g_rand_double_range(r, -3, 3) : NAN);
    SETEAS(&g, "example", e, example);
    SETEAS(&g, "periods", e, periods[g_rand_int_range(r, 0, G_N_ELEMENTS(periods))]);
  }
  g_autofree char *raw = write_to_string(eg_export_gexf, &g, NULL);
  for (igraph_integer_t v = 0; v < nv; v++)
    SETVAN(&g, "odd key", v, NAN);
  for (igraph_integer_t e = 0; e < 150; e++)
    SETEAN(&g, "odd key", e, NAN);
  g_autofree char *writer = write_to_string(eg_export_gexf, &g, NULL);
  igraph_destroy(&g);
  remove_line(writer, "<attribute id=\"odd key\"");
  remove_line(writer, "<attribute id=\"odd key\"");
  g_assert_nonnull(strstr(raw, "<spell "));
  g_assert_cmpstr(raw, ==, writer);
}

/* As graphml_layout for GEXF: <attvalues> of numbers only, of none (n1), and of text between
 * numbers, whose <attvalue> gexf.c writes through xmlTextWriter while it writes the others raw. */
static char *
gexf_layout(gboolean odd_key)
{
  igraph_t g;
  layout_graph(&g, odd_key);
  SETEAS(&g, "example", 0, "a<b & \"c\"\u00e9\t");
  SETEAN(&g, "count", 0, 2);
  SETEAS(&g, "periods", 0, "");
  SETEAN(&g, "weight", 0, 1.5);
  char *xml = write_to_string(eg_export_gexf, &g, NULL);
  igraph_destroy(&g);
  return xml;
}

static void
test_gexf_layout(void)
{
  static const char head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n"
    "  <meta>\n"
    "    <creator>entgraph " EG_VERSION "</creator>\n"
    "    <description></description>\n"
    "  </meta>\n"
    "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n"
    "    <attributes class=\"node\" mode=\"static\">\n"
    "      <attribute id=\"pagerank\" title=\"pagerank\" type=\"double\"/>\n";
  static const char tail[] =
    "    </attributes>\n"
    "    <attributes class=\"edge\" mode=\"static\">\n"
    "      <attribute id=\"example\" title=\"example\" type=\"string\"/>\n"
    "      <attribute id=\"count\" title=\"count\" type=\"long\"/>\n"
    "      <attribute id=\"periods\" title=\"periods\" type=\"string\"/>\n"
    "    </attributes>\n"
    "    <nodes>\n"
    "      <node id=\"n0\" label=\"n0\">\n"
    "        <attvalues>\n"
    "          <attvalue for=\"pagerank\" value=\"0.1\"/>\n"
    "%s"
    "        </attvalues>\n"
    "      </node>\n"
    "      <node id=\"n1\" label=\"n1\">\n"
    "        <attvalues/>\n"
    "      </node>\n"
    "    </nodes>\n"
    "    <edges>\n"
    "      <edge id=\"e0\" source=\"n0\" target=\"n1\" weight=\"1.5\">\n"
    "        <attvalues>\n"
    "          <attvalue for=\"example\" value=\"a&lt;b &amp; &quot;c&quot;\u00e9&#9;\"/>\n"
    "          <attvalue for=\"count\" value=\"2\"/>\n"
    "          <attvalue for=\"periods\" value=\"\"/>\n"
    "        </attvalues>\n"
    "      </edge>\n"
    "    </edges>\n"
    "  </graph>\n"
    "</gexf>\n";
  g_autofree char *plain = gexf_layout(FALSE);
  g_autofree char *plain_tail = g_strdup_printf(tail, "");
  g_autofree char *plain_doc = g_strconcat(head, plain_tail, NULL);
  g_assert_cmpstr(plain, ==, plain_doc);
  g_autofree char *odd = gexf_layout(TRUE);
  g_autofree char *odd_tail =
    g_strdup_printf(tail, "          <attvalue for=\"odd \u00e9&amp;key\" value=\"3\"/>\n");
  g_autofree char *odd_doc = g_strconcat(head,
    "      <attribute id=\"odd \u00e9&amp;key\" title=\"odd \u00e9&amp;key\" type=\"double\"/>\n",
    odd_tail, NULL);
  g_assert_cmpstr(odd, ==, odd_doc);
}

/* <spells> (--slice): one per run of consecutive periods, laid out as xmlTextWriter lays out
 * elements; none for names that are not periods. */
static void
test_gexf_spells(void)
{
  eg_graph_init();
  igraph_t g;
  igraph_empty(&g, 2, IGRAPH_UNDIRECTED);
  SETVAS(&g, "periods", 0, "2016-07|2016-08|2016-10|bogus");
  SETVAS(&g, "periods", 1, "bogus");
  g_autofree char *xml = write_to_string(eg_export_gexf, &g, NULL);
  igraph_destroy(&g);
  g_assert_nonnull(strstr(xml,
    "          <attvalue for=\"periods\" value=\"2016-07|2016-08|2016-10|bogus\"/>\n"
    "        </attvalues>\n"
    "        <spells>\n"
    "          <spell start=\"2016-07-01\" end=\"2016-08-31\"/>\n"
    "          <spell start=\"2016-10-01\" end=\"2016-10-31\"/>\n"
    "        </spells>\n"
    "      </node>\n"));
  g_assert_nonnull(strstr(xml,
    "          <attvalue for=\"periods\" value=\"bogus\"/>\n"
    "        </attvalues>\n"
    "        <spells/>\n"
    "      </node>\n"));
}

/* Text that eg_export_plain_prefix passes whole (the raw writers copy it into attribute values
 * as it is) is text xmlTextWriterWriteAttribute writes unchanged: every ASCII byte alone and in
 * a few strings, through libxml2 itself. */
static void
test_xml_attr_plain(void)
{
  GPtrArray *values = g_ptr_array_new_with_free_func(g_free);
  for (int c = 1; c < 0x80; c++)
    g_ptr_array_add(values, g_strdup_printf("x%cy", c));
  const char *const more[] = { "", "Standard and Poor's Corp", "1987-W06|1987-W10", "A-1", "caf\u00e9",
                               "a\tb", "a\nb", "a\rb", "<b>", "&amp;", "\"q\"", NULL };
  for (guint i = 0; more[i]; i++)
    g_ptr_array_add(values, g_strdup(more[i]));
  guint plain = 0;
  for (guint i = 0; i < values->len; i++) {
    const char *v = values->pdata[i];
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
    g_assert_cmpint(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL), >=, 0);
    g_assert_cmpint(xmlTextWriterStartElement(w, BAD_CAST "a"), >=, 0);
    g_assert_cmpint(xmlTextWriterWriteAttribute(w, BAD_CAST "v", BAD_CAST v), >=, 0);
    g_assert_cmpint(xmlTextWriterEndDocument(w), >=, 0);
    xmlFreeTextWriter(w);
    g_autofree char *want = g_strdup_printf("<a v=\"%s\"/>", v);
    if (eg_export_plain_prefix(v, strlen(v)) == strlen(v)) {
      g_assert_nonnull(strstr((const char *)xmlBufferContent(buf), want));
      plain++;
    }
    xmlBufferFree(buf);
  }
  g_assert_cmpuint(plain, ==, 91 + 4); /* 95 printable ASCII bytes but <>&", 4 of the strings */
  g_ptr_array_free(values, TRUE);
}

static void
test_empty_graph(void)
{
  EgNodeTable t = { 0 };
  t.nodes = g_array_new(FALSE, TRUE, sizeof(EgNode));
  t.edges = g_array_new(FALSE, TRUE, sizeof(EgEdge));
  igraph_t g;
  build_graph(&g, &t);
  gsize len = 0;
  g_autofree char *xml = write_to_string(eg_export_graphml, &g, &len);
  xmlDocPtr doc = xmlReadMemory(xml, (int)len, "empty.graphml", NULL, XML_PARSE_NONET);
  g_assert_nonnull(doc);
  g_assert_null(child(child(xmlDocGetRootElement(doc), "graph", 0), "node", 0));
  xmlFreeDoc(doc);
  g_autofree char *tsv = write_to_string(eg_export_tsv, &g, NULL);
  g_assert_cmpstr(tsv, ==, "label\ttype\tmentions\tdocuments\taliases\n");
  g_autofree char *dot = write_to_string(eg_export_dot, &g, NULL);
  g_assert_true(g_str_has_prefix(dot, "graph"));
  igraph_destroy(&g);
  g_array_unref(t.nodes);
  g_array_unref(t.edges);
}

/* ---- output files ----------------------------------------------------------------------------- */

static guint
dir_entries(const char *dir, char **only)
{
  g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
  g_assert_nonnull(d);
  guint n = 0;
  const char *name;
  while ((name = g_dir_read_name(d))) {
    if (only && n == 0)
      *only = g_strdup(name);
    n++;
  }
  return n;
}

static void
test_output_commit(void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp("eg-unit-XXXXXX", &error);
  g_assert_no_error(error);
  g_autofree char *path = g_build_filename(dir, "out.tsv", NULL);

  EgOutput *out = eg_output_open(path, &error);
  g_assert_no_error(error);
  g_assert_nonnull(out);
  /* written beside the target under a temporary name */
  const char *tmp = eg_output_path(out);
  g_assert_cmpstr(tmp, !=, path);
  g_autofree char *tmp_dir = g_path_get_dirname(tmp);
  g_assert_cmpstr(tmp_dir, ==, dir);
  g_assert_true(g_file_test(tmp, G_FILE_TEST_IS_REGULAR));
  g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
  g_autofree char *tmp_copy = g_strdup(tmp);
  fputs("hello\n", eg_output_stream(out));
  g_assert_true(eg_output_commit(out, &error));
  g_assert_no_error(error);

  g_autofree char *content = NULL;
  g_assert_true(g_file_get_contents(path, &content, NULL, NULL));
  g_assert_cmpstr(content, ==, "hello\n");
  g_assert_false(g_file_test(tmp_copy, G_FILE_TEST_EXISTS));
  g_autofree char *only = NULL;
  g_assert_cmpuint(dir_entries(dir, &only), ==, 1);
  g_assert_cmpstr(only, ==, "out.tsv");

  /* a second commit replaces the file whole */
  out = eg_output_open(path, &error);
  g_assert_nonnull(out);
  fputs("second\n", eg_output_stream(out));
  g_assert_true(eg_output_commit(out, &error));
  g_free(content);
  content = NULL;
  g_assert_true(g_file_get_contents(path, &content, NULL, NULL));
  g_assert_cmpstr(content, ==, "second\n");

  g_assert_cmpint(g_unlink(path), ==, 0);
  g_assert_cmpint(g_rmdir(dir), ==, 0);
}

static void
test_output_abort(void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp("eg-unit-XXXXXX", &error);
  g_assert_no_error(error);
  g_autofree char *path = g_build_filename(dir, "graph.graphml", NULL);

  EgOutput *out = eg_output_open(path, &error);
  g_assert_nonnull(out);
  fputs("half a graph", eg_output_stream(out));
  eg_output_abort(out);
  g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint(dir_entries(dir, NULL), ==, 0);

  /* an existing file survives an aborted rewrite */
  g_assert_true(g_file_set_contents(path, "old\n", -1, NULL));
  out = eg_output_open(path, &error);
  g_assert_nonnull(out);
  fputs("new", eg_output_stream(out));
  eg_output_abort(out);
  g_autofree char *content = NULL;
  g_assert_true(g_file_get_contents(path, &content, NULL, NULL));
  g_assert_cmpstr(content, ==, "old\n");
  g_assert_cmpuint(dir_entries(dir, NULL), ==, 1);
  eg_output_abort(NULL);

  /* a folder that does not exist: an error, not a crash */
  g_autofree char *bad = g_build_filename(dir, "missing", "out.dot", NULL);
  g_assert_null(eg_output_open(bad, &error));
  g_assert_error(error, EG_ERROR, EG_ERROR_OUTPUT);

  g_assert_cmpint(g_unlink(path), ==, 0);
  g_assert_cmpint(g_rmdir(dir), ==, 0);
}

/* ---- formats and numbers ---------------------------------------------------------------------- */

static void
test_format_from_path(void)
{
  static const struct { const char *path; EgFormat format; } ok[] = {
    { "out.graphml", EG_FORMAT_GRAPHML }, { "out.dot", EG_FORMAT_DOT }, { "out.gv", EG_FORMAT_DOT },
    { "out.svg", EG_FORMAT_SVG }, { "out.png", EG_FORMAT_PNG }, { "out.pdf", EG_FORMAT_PDF },
    { "out.tsv", EG_FORMAT_TSV }, { "/tmp/a.b/graph.GraphML", EG_FORMAT_GRAPHML },
    { "OUT.SVG", EG_FORMAT_SVG }, { "archive.tar.dot", EG_FORMAT_DOT },
  };
  for (guint i = 0; i < G_N_ELEMENTS(ok); i++) {
    EgFormat f = (EgFormat)-1;
    g_assert_true(eg_format_from_path(ok[i].path, &f));
    g_assert_cmpint(f, ==, ok[i].format);
  }
  const char *const bad[] = { "out.txt", "out", "dir.dot/out", "out.", "", "-", NULL };
  for (guint i = 0; bad[i]; i++) {
    EgFormat f = EG_FORMAT_TSV;
    g_assert_false(eg_format_from_path(bad[i], &f));
  }
  EgFormat f;
  g_assert_false(eg_format_from_path(NULL, &f));
  g_assert_true(eg_format_from_name("gv", &f));
  g_assert_cmpint(f, ==, EG_FORMAT_DOT);
  g_assert_false(eg_format_from_name("jpeg", &f));
}

static void
check_numbers(void)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_assert_cmpstr(eg_export_number(buf, 0.5, FALSE), ==, "0.5");
  g_assert_cmpstr(eg_export_number(buf, -2.25, FALSE), ==, "-2.25");
  g_assert_cmpstr(eg_export_number(buf, 1234.5, FALSE), ==, "1234.5");
  /* reads back exactly */
  const double values[] = { 0.1, 1.0 / 3.0, 2.0 / 3.0, 1e-7, 123456.789 };
  for (guint i = 0; i < G_N_ELEMENTS(values); i++) {
    g_assert_null(strchr(eg_export_number(buf, values[i], FALSE), ','));
    g_assert_cmpfloat(g_ascii_strtod(eg_export_number(buf, values[i], FALSE), NULL), ==, values[i]);
  }
  g_assert_cmpstr(eg_export_number(buf, 42, TRUE), ==, "42");
  g_assert_cmpstr(eg_export_number(buf, 0, TRUE), ==, "0");
  g_assert_cmpstr(eg_export_number(buf, 12345678901.0, TRUE), ==, "12345678901");
  g_assert_cmpstr(eg_export_number(buf, 3, FALSE), ==, "3");
}

static void
test_number(void)
{
  check_numbers();
  g_assert_true(eg_export_attr_is_integer("mentions"));
  g_assert_true(eg_export_attr_is_integer("count"));
  g_assert_true(eg_export_attr_is_integer("documents"));
  g_assert_false(eg_export_attr_is_integer("weight"));
  g_assert_false(eg_export_attr_is_integer("label"));
}

static void
test_number_shortest(void)
{
  /* the contract: "the shortest form that reads back exactly" */
  static const struct { double v; const char *shortest; } cases[] = {
    { 0.1, "0.1" }, { 0.3, "0.3" }, { 1.0 / 3.0, "0.3333333333333333" }, { 2.675, "2.675" },
  };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    const char *got = eg_export_number(buf, cases[i].v, FALSE);
    g_assert_cmpstr(got, ==, cases[i].shortest);
  }
}

static void
test_number_locale(void)
{
  const char *const locales[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "nl_NL.UTF-8", NULL };
  g_autofree char *old = g_strdup(setlocale(LC_NUMERIC, NULL));
  const char *used = NULL;
  for (guint i = 0; locales[i] && !used; i++)
    if (setlocale(LC_NUMERIC, locales[i]))
      used = locales[i];
  if (!used) {
    g_test_skip("no locale with a decimal comma is installed (de_DE.UTF-8)");
    return;
  }
  char probe[32];
  g_snprintf(probe, sizeof probe, "%.1f", 0.5);
  g_test_message("LC_NUMERIC=%s prints 0.5 as %s", used, probe);
  check_numbers();

  /* the writers too */
  g_autoptr(EgNodeTable) t = small_table();
  igraph_t g;
  build_graph(&g, t);
  g_autofree char *dot = write_to_string(eg_export_dot, &g, NULL);
  g_autofree char *xml = write_to_string(eg_export_graphml, &g, NULL);
  igraph_destroy(&g);
  setlocale(LC_NUMERIC, old);
  g_assert_nonnull(strstr(dot, "fontsize=24.00"));
  g_assert_null(strstr(dot, "24,00"));
  g_assert_nonnull(strstr(xml, ">4</data>"));
}

static void
test_xml_clean(void)
{
  g_autofree char *a = eg_export_xml_clean("a\x01" "b\tc\nd\x1f" "e\u00e9\uFFFE");
  g_assert_cmpstr(a, ==, "ab\tc\nde\u00e9");
  g_autofree char *b = eg_export_xml_clean("");
  g_assert_cmpstr(b, ==, "");
}

/* The shortest-form search itself, one precision after another: the writers' whole-number
 * shortcut must agree with it. */
static const char *
number_by_search(char *buf, double v)
{
  for (int digits = 1; digits <= 17; digits++) {
    char fmt[8];
    g_snprintf(fmt, sizeof fmt, "%%.%dg", digits);
    g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, fmt, v);
    if (g_ascii_strtod(buf, NULL) == v)
      return buf;
  }
  return g_ascii_dtostr(buf, G_ASCII_DTOSTR_BUF_SIZE, v);
}

static void
test_number_whole(void)
{
  const double values[] = { 0, -0.0, 1, -1, 7, 10, 100, 120, 123, -45, 1000001, 99999999999999.0,
                            999999999999999.0, 1e15, 1e15 + 1, 9007199254740993.0, -999999999999999.0,
                            123456789012345.0, 2.5, 1e21, -1e300, 4503599627370497.0 };
  for (guint i = 0; i < G_N_ELEMENTS(values); i++) {
    char got[G_ASCII_DTOSTR_BUF_SIZE], want[G_ASCII_DTOSTR_BUF_SIZE];
    g_assert_cmpstr(eg_export_number(got, values[i], FALSE), ==, number_by_search(want, values[i]));
  }
  for (gint64 v = -2000; v <= 2000; v++) {
    char got[G_ASCII_DTOSTR_BUF_SIZE], want[G_ASCII_DTOSTR_BUF_SIZE];
    g_assert_cmpstr(eg_export_number(got, (double)v, FALSE), ==, number_by_search(want, (double)v));
    g_snprintf(want, sizeof want, "%" G_GINT64_FORMAT, v * 1000003);
    g_assert_cmpstr(eg_export_number(got, (double)(v * 1000003), TRUE), ==, want);
  }
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_assert_cmpstr(eg_export_number(buf, 100, FALSE), ==, "1e+02");
  g_assert_cmpstr(eg_export_number(buf, -0.0, FALSE), ==, "-0");
  g_assert_cmpstr(eg_export_number(buf, -9007199254740992.0, TRUE), ==, "-9007199254740992");
}

/* eg_u64_digits writes what printf writes, at every length and at each end of the range. */
static void
test_u64_digits(void)
{
  const guint64 fixed[] = { 0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 1009, 65536, 4294967295u,
                            G_GUINT64_CONSTANT(9999999999999999999), G_GUINT64_CONSTANT(10000000000000000000),
                            G_MAXUINT64 - 1, G_MAXUINT64 };
  char got[EG_U64_DIGITS], want[32];
  for (guint i = 0; i < G_N_ELEMENTS(fixed); i++) {
    g_snprintf(want, sizeof want, "%" G_GUINT64_FORMAT, fixed[i]);
    g_assert_cmpuint(eg_u64_digits(got, fixed[i]), ==, strlen(want));
    g_assert_cmpstr(got, ==, want);
  }
  /* each side of every power of ten (the digit count) and of 2^32 (the 32-bit loop) */
  guint64 edges[2 * 20 + 2] = { G_GUINT64_CONSTANT(4294967296), G_GUINT64_CONSTANT(4294967297) };
  guint64 p10 = 1;
  for (guint k = 0; k < 20; k++, p10 *= 10) {
    edges[2 + 2 * k] = p10;
    edges[3 + 2 * k] = p10 - 1;
  }
  for (guint i = 0; i < G_N_ELEMENTS(edges); i++) {
    g_snprintf(want, sizeof want, "%" G_GUINT64_FORMAT, edges[i]);
    g_assert_cmpuint(eg_u64_digits(got, edges[i]), ==, strlen(want));
    g_assert_cmpstr(got, ==, want);
  }
  g_autoptr(GRand) r = g_rand_new_with_seed(20261125);
  for (guint i = 0; i < 100000; i++) {
    guint64 v = (((guint64)g_rand_int(r) << 32) | g_rand_int(r)) >> g_rand_int_range(r, 0, 64);
    g_snprintf(want, sizeof want, "%" G_GUINT64_FORMAT, v);
    g_assert_cmpuint(eg_u64_digits(got, v), ==, strlen(want));
    g_assert_cmpstr(got, ==, want);
  }
}

/* eg_export_number tries "%.15g", "%.16g", "%.17g" where the search above tries every precision
 * from 1, and works the digits out in integers for most values that are not whole: the two must
 * agree on every double. Each class of value is drawn from a fixed seed;
 * `test_export -m thorough` draws 20 times as many (a few million in all). */
static double
random_number(GRand *r, guint kind)
{
  guint64 bits = ((guint64)g_rand_int(r) << 32) | g_rand_int(r);
  double v;
  switch (kind) {
  case 0: /* any bits: NaN, infinities and subnormals included */
    memcpy(&v, &bits, sizeof v);
    return v;
  case 1: /* subnormals */
    bits &= 0x800fffffffffffffu;
    memcpy(&v, &bits, sizeof v);
    return v;
  case 2: /* ratios, as pagerank and weights are */
    return (double)g_rand_int_range(r, 1, 1000) / (double)g_rand_int_range(r, 1, 100000);
  case 3: /* a few digits at any scale: 1200, 1.5e20, 0.000123 */
    return (double)g_rand_int_range(r, -99999, 100000) * pow(10, g_rand_int_range(r, -330, 310));
  case 4: /* whole numbers up to and past 2^53 */
    return (double)(gint64)(bits >> g_rand_int_range(r, 1, 63)) * (g_rand_boolean(r) ? 1 : -1);
  case 5: /* powers of ten and their neighbours */
    v = pow(10, g_rand_int_range(r, -325, 310));
    return g_rand_boolean(r) ? v : nextafter(v, g_rand_boolean(r) ? 0 : INFINITY);
  case 7: /* dyadic fractions of up to 17 digits: ties at the 15th and 16th digit */
    return (double)(gint64)(bits >> g_rand_int_range(r, 11, 40)) / (double)(1u << g_rand_int_range(r, 1, 12));
  case 8: /* powers of two and their neighbours: the gap below is half the gap above */
    v = ldexp(1, g_rand_int_range(r, -60, 55));
    return g_rand_boolean(r) ? v : nextafter(v, g_rand_boolean(r) ? 0 : INFINITY);
  case 9: /* any significand between 1e-17 and 1e16, where the digits are worked out in integers */
    bits = (bits & 0x800fffffffffffffu) | ((guint64)g_rand_int_range(r, 1023 - 57, 1023 + 54) << 52);
    memcpy(&v, &bits, sizeof v);
    return v;
  default: /* uniform in [0, 1) */
    return g_rand_double(r);
  }
}

static void
test_number_random(void)
{
  const double fixed[] = { 0, -0.0, INFINITY, -INFINITY, NAN, DBL_MAX, -DBL_MAX, DBL_MIN,
                           DBL_TRUE_MIN, -DBL_TRUE_MIN, nextafter(DBL_MIN, 0), 1e15, 1e16, 1e17,
                           1e22, 1e23, 5e-324, 1.7976931348623157e308, 9007199254740993.0 };
  char got[G_ASCII_DTOSTR_BUF_SIZE], want[G_ASCII_DTOSTR_BUF_SIZE];
  for (guint i = 0; i < G_N_ELEMENTS(fixed); i++)
    g_assert_cmpstr(eg_export_number(got, fixed[i], FALSE), ==, number_by_search(want, fixed[i]));
  g_autoptr(GRand) r = g_rand_new_with_seed(20261125);
  guint per_kind = g_test_thorough() ? 600000 : 30000;
  for (guint kind = 0; kind < 10; kind++)
    for (guint i = 0; i < per_kind; i++) {
      double v = random_number(r, kind);
      const char *a = eg_export_number(got, v, FALSE), *b = number_by_search(want, v);
      if (strcmp(a, b) != 0)
        g_error("%.17g (kind %u): %s, the search gives %s", v, kind, a, b);
      /* the raw writers' form: the same text, and its length without strlen */
      char again[G_ASCII_DTOSTR_BUF_SIZE];
      g_assert_cmpuint(eg_export_number_len(again, v, FALSE), ==, strlen(b));
      g_assert_cmpstr(again, ==, b);
    }
}

/* eg_export_xml_cleaned returns the value itself exactly when cleaning would not change it. */
static void
test_xml_cleaned(void)
{
  const char *const values[] = { "", "plain", "tab\tline\nreturn\r", "del\x7f", "ctl\x01x", "\x1f",
                                  "caf\u00e9", "\ud7ff\ue000\ufffd", "\ufffe", "\uffff", "\U0001F600",
                                  "bad \xff byte", "cut \xc3", "over\xc0\xafl", "sur\xed\xa0\x80",
                                  "a&b<c>\"d\"", NULL };
  for (guint i = 0; values[i]; i++) {
    g_autofree char *clean = eg_export_xml_clean(values[i]);
    char *to_free = NULL;
    const char *got = eg_export_xml_cleaned(values[i], &to_free);
    g_assert_cmpstr(got, ==, clean);
    g_assert_true((got == values[i]) == (strcmp(clean, values[i]) == 0));
    g_assert_true(to_free == NULL || to_free == got);
    g_free(to_free);
  }
  /* Every code point between ASCII letters, surrogates and those above U+10FFFF included
   * (encoded by hand: invalid UTF-8), also as the last character: the check without decoding
   * must agree with cleaning on each. */
  for (guint32 c = 1; c < 0x110000 + 0x100; c += c < 0x110000 ? 1 : 0x1000) {
    char s[12], *o = s;
    *o++ = 'a';
    if (c < 0x80) {
      *o++ = (char)c;
    } else if (c < 0x800) {
      *o++ = (char)(0xC0 | c >> 6);
      *o++ = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      *o++ = (char)(0xE0 | c >> 12);
      *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
      *o++ = (char)(0x80 | (c & 0x3F));
    } else {
      *o++ = (char)(0xF0 | c >> 18);
      *o++ = (char)(0x80 | ((c >> 12) & 0x3F));
      *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
      *o++ = (char)(0x80 | (c & 0x3F));
    }
    for (guint end = 0; end < 2; end++) {
      if (end == 0) {
        o[0] = 'b';
        o[1] = '\0';
      } else {
        o[0] = '\0';
      }
      g_autofree char *clean = eg_export_xml_clean(s);
      char *to_free = NULL;
      const char *got = eg_export_xml_cleaned(s, &to_free);
      if (strcmp(got, clean) != 0 || (got == s) != (strcmp(clean, s) == 0))
        g_error("U+%04X: cleaned and clean disagree", (unsigned)c);
      g_free(to_free);
    }
  }
}

/* JSON strings: the escapes the contract lists, runs of other text (UTF-8 included) as they are,
 * text that is not UTF-8 repaired with U+FFFD. */
static void
test_json_strings(void)
{
  EgNodeTable *t = g_new0(EgNodeTable, 1);
  t->nodes = g_array_new(FALSE, TRUE, sizeof(EgNode));
  g_array_set_clear_func(t->nodes, clear_node);
  t->edges = g_array_new(FALSE, TRUE, sizeof(EgEdge));
  add_node(t, NASTY_LABEL, EG_TYPE_ORG, 5, 2, "");
  add_node(t, "bad \xff byte \u00e9\xc3", EG_TYPE_MISC, 1, 1, "");
  add_node(t, "line\u2028sep\u2029x\x7f\b\f\n\r\t\u00e9\u20ac\U0001F600", EG_TYPE_MISC, 1, 1, "");
  igraph_t g;
  build_graph(&g, t);
  g_autofree char *json = write_to_string(eg_export_json, &g, NULL);
  igraph_destroy(&g);
  eg_node_table_free(t);
  g_assert_nonnull(strstr(json, "\"label\": \"Alpha \\u0026 \\\"Beta\\\" \\u003cscript\\u003e'x'\\\\y\\u0001z\""));
  g_assert_nonnull(strstr(json, "\"label\": \"bad \uFFFD byte \u00e9\uFFFD\""));
  g_assert_nonnull(strstr(json, "\"label\": \"line\\u2028sep\\u2029x\\u007f\\b\\f\\n\\r\\t\u00e9\u20ac\U0001F600\""));
}

/* JSON's string escaping one character at a time, as json.c's header states it. */
static char *
json_reference(const char *value)
{
  g_autofree char *valid = g_utf8_make_valid(value, -1);
  GString *s = g_string_new("\"");
  for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
    gunichar u = g_utf8_get_char(p);
    switch (u) {
    case '"': g_string_append(s, "\\\""); break;
    case '\\': g_string_append(s, "\\\\"); break;
    case '\b': g_string_append(s, "\\b"); break;
    case '\f': g_string_append(s, "\\f"); break;
    case '\n': g_string_append(s, "\\n"); break;
    case '\r': g_string_append(s, "\\r"); break;
    case '\t': g_string_append(s, "\\t"); break;
    default:
      if (u < 0x20 || u == 0x7F || u == '<' || u == '>' || u == '&' || u == 0x2028 || u == 0x2029)
        g_string_append_printf(s, "\\u%04x", u);
      else
        g_string_append_len(s, p, g_utf8_next_char(p) - p);
    }
  }
  g_string_append_c(s, '"');
  return g_string_free(s, FALSE);
}

/* json.c skips plain text 8 bytes at a time: on random text (backslashes, U+2028 and bytes that
 * are not UTF-8 added) and every byte at each place of a word, each label must come out as the
 * reference escapes it. */
static void
test_json_random_strings(void)
{
  eg_graph_init();
  g_autoptr(GRand) r = g_rand_new_with_seed(17);
  const igraph_integer_t nv = 200 + 255 * 16;
  igraph_t g;
  igraph_empty(&g, nv, IGRAPH_UNDIRECTED);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func(g_free);
  for (igraph_integer_t v = 0; v < nv; v++) {
    char *label;
    if (v < 200) {
      g_autofree char *a = random_text(r), *b = random_text(r);
      label = g_strconcat(a, v % 3 ? "\\" : "\u2028", b, v % 2 ? "\\" : "", v % 5 ? "" : "\xe2\x80", NULL);
    } else {
      label = g_strnfill(24, 'a');
      label[(v - 200) % 16] = (char)(1 + (v - 200) / 16);
    }
    SETVAS(&g, "label", v, label);
    g_ptr_array_add(labels, label);
  }
  g_autofree char *json = write_to_string(eg_export_json, &g, NULL);
  igraph_destroy(&g);
  for (igraph_integer_t v = 0; v < nv; v++) {
    g_autofree char *want = json_reference(labels->pdata[v]);
    g_autofree char *line = g_strdup_printf("{\"id\": \"n%" IGRAPH_PRId "\", \"label\": %s}", v, want);
    if (!strstr(json, line))
      g_error("node %" IGRAPH_PRId ": %s not found", v, line);
  }
}

/* eg_export_plain_prefix skips 8 bytes at a time: every byte at each place of two words must
 * end the prefix exactly where a byte-by-byte reading ends it. */
static void
test_plain_prefix(void)
{
  for (guint b = 1; b < 256; b++)
    for (gsize at = 0; at < 16; at++)
      for (gsize len = at + 1; len <= 20; len += 19 - at) {
        char s[21];
        memset(s, 'a', sizeof s);
        s[at] = (char)b;
        s[len] = '\0';
        gboolean plain = b >= 0x20 && b <= 0x7E && !strchr("<>&\"", (int)b);
        g_assert_cmpuint(eg_export_plain_prefix(s, len), ==, plain ? len : at);
      }
}

/* An integer attribute holding what no gint64 holds (NaN, infinities, 1e21) is written as the
 * double it is, not cast (undefined behaviour, which the sanitizer build would report). */
static void
test_number_integer_out_of_range(void)
{
  static const double values[] = { 1e21, -1e21, 9.3e18, INFINITY, -INFINITY };
  for (guint i = 0; i < G_N_ELEMENTS(values); i++) {
    char as_int[G_ASCII_DTOSTR_BUF_SIZE], as_double[G_ASCII_DTOSTR_BUF_SIZE];
    eg_export_number(as_int, values[i], TRUE);
    eg_export_number(as_double, values[i], FALSE);
    g_assert_cmpstr(as_int, ==, as_double);
  }
  char buf[G_ASCII_DTOSTR_BUF_SIZE], nan_double[G_ASCII_DTOSTR_BUF_SIZE];
  eg_export_number(buf, NAN, TRUE);
  g_assert_cmpstr(buf, ==, eg_export_number(nan_double, NAN, FALSE));
  eg_export_number(buf, 42.0, TRUE);
  g_assert_cmpstr(buf, ==, "42");
}

int
main(int argc, char *argv[])
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/export/graph/build", test_graph_build);
  g_test_add_func("/export/u64-digits", test_u64_digits);
  g_test_add_func("/export/graphml/small", test_graphml);
  g_test_add_func("/export/graphml/from-text", test_graphml_from_text);
  g_test_add_func("/export/graphml/layout", test_graphml_layout);
  g_test_add_func("/export/graphml/raw-vs-writer", test_graphml_raw_vs_writer);
  g_test_add_func("/export/graphml/raw-vs-writer-utf8", test_graphml_raw_vs_writer_utf8);
  g_test_add_func("/export/gexf/layout", test_gexf_layout);
  g_test_add_func("/export/gexf/spells", test_gexf_spells);
  g_test_add_func("/export/gexf/raw-vs-writer", test_gexf_raw_vs_writer);
  g_test_add_func("/export/xml-attr-plain", test_xml_attr_plain);
  g_test_add_func("/export/dot", test_dot);
  g_test_add_func("/export/tsv", test_tsv);
  g_test_add_func("/export/empty-graph", test_empty_graph);
  g_test_add_func("/export/output/commit", test_output_commit);
  g_test_add_func("/export/output/abort", test_output_abort);
  g_test_add_func("/export/format-from-path", test_format_from_path);
  g_test_add_func("/export/number", test_number);
  g_test_add_func("/export/number-shortest", test_number_shortest);
  g_test_add_func("/export/number-locale", test_number_locale);
  g_test_add_func("/export/xml-clean", test_xml_clean);
  g_test_add_func("/export/xml-cleaned", test_xml_cleaned);
  g_test_add_func("/export/json-strings", test_json_strings);
  g_test_add_func("/export/plain-prefix", test_plain_prefix);
  g_test_add_func("/export/json-random-strings", test_json_random_strings);
  g_test_add_func("/export/number-whole", test_number_whole);
  g_test_add_func("/export/number-random", test_number_random);
  g_test_add_func("/export/number-integer-out-of-range", test_number_integer_out_of_range);
  return g_test_run();
}
