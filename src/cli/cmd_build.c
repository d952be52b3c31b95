/* cmd_build.c: `entgraph build`: text -> graph files. Parses options, runs the pipeline and
 * writes each -o; the work is in the library. */
#include "cli/cli.h"
#include "export/export.h"

#include <string.h>

/* Writes GRAPH to PATH in FORMAT, atomically. Returns FALSE after printing the problem. */
static gboolean
build_write(const igraph_t *graph, const char *path, EgFormat format, gint max_nodes)
{
  g_autoptr(GError) error = NULL;
  EgOutput *out = eg_output_open(path, &error);
  if (!out) {
    eg_cli_error("%s", error->message);
    return FALSE;
  }
  FILE *fp = eg_output_stream(out);
  gboolean ok;
  guint shown = 0;
  switch (format) {
  case EG_FORMAT_GRAPHML: ok = eg_export_graphml(graph, fp, &error); break;
  case EG_FORMAT_DOT: ok = eg_export_dot(graph, fp, &error); break;
  case EG_FORMAT_TSV: ok = eg_export_tsv(graph, fp, &error); break;
  default: ok = eg_export_picture(graph, format, (guint)max_nodes, fp, &shown, &error); break;
  }
  if (!ok) {
    eg_output_abort(out);
    eg_cli_error("%s: %s", strcmp(path, "-") == 0 ? "standard output" : path, error->message);
    return FALSE;
  }
  if (!eg_output_commit(out, &error)) {
    eg_cli_error("%s", error->message);
    return FALSE;
  }
  if ((format == EG_FORMAT_SVG || format == EG_FORMAT_PNG || format == EG_FORMAT_PDF) &&
      shown < igraph_vcount(graph))
    eg_cli_error("%s: the picture shows the %u most mentioned of %" IGRAPH_PRId
                 " entities (--max-picture-nodes; the data formats keep all)",
                 path, shown, igraph_vcount(graph));
  return TRUE;
}

int
eg_cmd_build(int argc, char **argv)
{
  g_auto(EgCliInput) in = { 0 };
  g_auto(GStrv) outputs = NULL;
  g_autofree char *format_name = NULL;
  gint max_nodes = EG_PICTURE_MAX_NODES;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME_ARRAY, &outputs,
      "Write the graph to FILE; give it again for more files. The extension picks the format: "
      ".graphml, .dot/.gv, .svg, .png, .pdf, .tsv (e.g. -o graph.graphml -o graph.svg); - is "
      "standard output", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      "Format for every -o whatever its extension: graphml, dot, svg, png, pdf, tsv (e.g. "
      "--format dot -o -)", "FORMAT" },
    { "max-picture-nodes", 0, 0, G_OPTION_ARG_INT, &max_nodes,
      "Most entities a picture shows, the most mentioned (default 150; e.g. --max-picture-nodes 60)", "N" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  int code = EG_EXIT_OK;
  if (!eg_cli_parse("build", "INPUT... -o FILE", "build a co-occurrence graph",
                    "  entgraph build article.txt -o graph.graphml -o graph.dot -o graph.svg\n"
                    "  entgraph build news/ --window paragraph -o news.graphml\n"
                    "  entgraph build --jsonl --text-field body feed.jsonl -o feed.graphml\n"
                    "  cat article.txt | entgraph build - --format dot -o - | dot -Tpng > g.png\n",
                    entries, TRUE, &in, &argc, &argv, &code))
    return code;
  if (!outputs || !outputs[0]) {
    eg_cli_error("build needs at least one -o FILE (see 'entgraph build --help')");
    return EG_EXIT_USAGE;
  }
  if (max_nodes < 1) {
    eg_cli_error("--max-picture-nodes: must be at least 1");
    return EG_EXIT_USAGE;
  }
  EgFormat forced = EG_FORMAT_GRAPHML;
  if (format_name && !eg_format_from_name(format_name, &forced)) {
    eg_cli_error("--format: unknown format '%s' (graphml, dot, svg, png, pdf, tsv)", format_name);
    return EG_EXIT_USAGE;
  }
  guint n_out = g_strv_length(outputs);
  g_autofree EgFormat *formats = g_new(EgFormat, n_out);
  for (guint i = 0; i < n_out; i++) {
    if (format_name || strcmp(outputs[i], "-") == 0)
      formats[i] = forced;
    else if (!eg_format_from_path(outputs[i], &formats[i])) {
      eg_cli_error("%s: unknown output format (use .graphml, .dot, .gv, .svg, .png, .pdf, .tsv "
                   "or --format)", outputs[i]);
      return EG_EXIT_USAGE;
    }
  }

  guint fatal = 0;
  g_autoptr(EgCounts) counts = eg_cli_count(&in, argc, argv, &fatal);
  g_autoptr(EgNodeTable) table = eg_consolidate(counts);
  igraph_t graph;
  g_autoptr(GError) error = NULL;
  if (!eg_graph_build(&graph, table, &error)) {
    eg_cli_error("%s", error->message);
    igraph_destroy(&graph);
    return EG_EXIT_OUTPUT;
  }
  gboolean written = TRUE;
  for (guint i = 0; i < n_out; i++)
    written &= build_write(&graph, outputs[i], formats[i], max_nodes);
  igraph_destroy(&graph);
  eg_export_cleanup();
  if (!written)
    return EG_EXIT_OUTPUT;
  return fatal ? EG_EXIT_INPUT : EG_EXIT_OK;
}
