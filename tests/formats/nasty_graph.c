/* nasty_graph.c: writes a graph whose labels and aliases hold everything a writer must escape
 * (& < > " ' \ , a control character, a line break, <script>) in every format entgraph writes,
 * for check_formats.py to read back with the tools people use. The text pipeline only makes
 * names of capitalised words, so these labels cannot come from text; the node table is filled
 * by hand, as tests/unit/test_export.c does. Checks a few exact bytes on the way.
 * Usage: nasty_graph DIR   (writes DIR/nasty.graphml, .gexf, .nodes.csv, .edges.csv, .json,
 * .dot, .svg) */
#include <stdio.h>
#include <string.h>

#include "export/export.h"
#include "graph/analysis.h"

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

typedef gboolean (*Writer)(const igraph_t *, FILE *, GError **);

static void
write_file(const char *dir, const char *name, Writer writer, const igraph_t *g)
{
  g_autofree char *path = g_build_filename(dir, name, NULL);
  g_autoptr(GError) error = NULL;
  EgOutput *out = eg_output_open(path, &error);
  g_assert_no_error(error);
  g_assert_true(writer(g, eg_output_stream(out), &error));
  g_assert_no_error(error);
  g_assert_true(eg_output_commit(out, &error));
  g_assert_no_error(error);
}

static gboolean
write_svg(const igraph_t *g, FILE *fp, GError **error)
{
  guint shown = 0;
  return eg_export_picture(g, EG_FORMAT_SVG, EG_PICTURE_MAX_NODES, fp, &shown, error);
}

static char *
slurp(const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename(dir, name, NULL);
  char *text = NULL;
  g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
  return text;
}

int
main(int argc, char **argv)
{
  if (argc != 2) {
    fprintf(stderr, "usage: nasty_graph DIR\n");
    return 2;
  }
  const char *dir = argv[1];
  /* Labels in byte order, as eg_consolidate gives them (ids n0.. follow this order). */
  EgNodeTable t = { 0 };
  t.nodes = g_array_new(FALSE, TRUE, sizeof(EgNode));
  g_array_set_clear_func(t.nodes, clear_node);
  t.edges = g_array_new(FALSE, TRUE, sizeof(EgEdge));
  add_node(&t, "<script>alert(\"x\")</script>", EG_TYPE_MISC, 2, 1, "</script><script>|&lt;");
  add_node(&t, "AT&T", EG_TYPE_ORG, 7, 2, "AT & T|A\"T\"T");
  add_node(&t, "Back\\slash, \"Quoted\" Inc", EG_TYPE_ORG, 3, 1, "Back\\slash|Line\nBreak, Ltd");
  add_node(&t, "Ctrl\x01" "Char \x1b[31mRed", EG_TYPE_PERSON, 4, 2, "Ctrl\x7f" "Del|Tab\tHere");
  add_node(&t, "O'Neil = +1 @x", EG_TYPE_PERSON, 5, 2, "");
  add_node(&t, "Zo\xc3\xab \xe2\x80\xa8Sep", EG_TYPE_LOC, 1, 1, "");
  const EgEdge edges[] = { { 0, 1, 2, 1, NULL }, { 1, 2, 3, 1, NULL }, { 1, 3, 1, 1, NULL },
                           { 2, 4, 2, 1, NULL }, { 3, 4, 5, 1, NULL }, { 0, 4, 1, 1, NULL } };
  for (guint i = 0; i < G_N_ELEMENTS(edges); i++)
    g_array_append_val(t.edges, edges[i]);
  t.documents = 2;
  t.windows = 9;

  eg_graph_init();
  g_autoptr(GError) error = NULL;
  igraph_t g;
  g_assert_true(eg_graph_build(&g, &t, &error));
  g_assert_no_error(error);
  g_assert_true(eg_graph_metrics(&g, FALSE, &error));
  g_assert_no_error(error);

  write_file(dir, "nasty.graphml", eg_export_graphml, &g);
  write_file(dir, "nasty.gexf", eg_export_gexf, &g);
  write_file(dir, "nasty.json", eg_export_json, &g);
  write_file(dir, "nasty.dot", eg_export_dot, &g);
  write_file(dir, "nasty.svg", write_svg, &g);
  g_autofree char *csv = g_build_filename(dir, "nasty.csv", NULL);
  g_assert_true(eg_export_csv(&g, csv, &error));
  g_assert_no_error(error);
  g_assert_false(g_file_test(csv, G_FILE_TEST_EXISTS));
  igraph_destroy(&g);
  eg_export_cleanup();
  g_array_unref(t.nodes);
  g_array_unref(t.edges);

  /* A few exact bytes the consumers cannot see. */
  g_autofree char *nodes = slurp(dir, "nasty.nodes.csv");
  g_assert_nonnull(strstr(nodes, "\nn2,\"Back\\slash, \"\"Quoted\"\" Inc\",ORG,3,1,\"Back\\slash|Line\nBreak, Ltd\","));
  g_assert_nonnull(strstr(nodes, "\nn1,AT&T,ORG,7,2,\"AT & T|A\"\"T\"\"T\","));
  g_autofree char *json = slurp(dir, "nasty.json");
  g_assert_null(strchr(json, '<'));
  g_assert_null(strchr(json, '\x01'));
  g_assert_nonnull(strstr(json, "\"label\": \"\\u003cscript\\u003ealert(\\\"x\\\")\\u003c/script\\u003e\""));
  g_assert_nonnull(strstr(json, "Ctrl\\u0001Char \\u001b[31mRed"));
  g_assert_nonnull(strstr(json, "\\u2028Sep"));
  g_autofree char *gexf = slurp(dir, "nasty.gexf");
  g_assert_null(strstr(gexf, "<script"));
  g_assert_null(strchr(gexf, '\x01'));
  g_assert_nonnull(strstr(gexf, "label=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\""));
  g_assert_nonnull(strstr(gexf, "label=\"AT&amp;T\""));
  printf("nasty graph written to %s\n", dir);
  return 0;
}
