/* cmd_count.c: `entgraph count`: text -> partial counts, the map step of a distributed run. */
#include "cli/cli.h"
#include "export/export.h"

#include <string.h>

int
eg_cmd_count(int argc, char **argv)
{
  g_auto(EgCliInput) in = { 0 };
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the counts to FILE instead of standard output (e.g. -o part-1.counts)", "FILE" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  int code = EG_EXIT_OK;
  if (!eg_cli_parse("count", "INPUT...", "write partial counts, sorted, for 'entgraph merge'",
                    "  entgraph count news/ > news.counts\n"
                    "  entgraph count --jsonl part-1.jsonl -o part-1.counts\n"
                    "  entgraph count a/ | LC_ALL=C sort | entgraph merge - > a.counts   (any number of parts)\n"
                    "  entgraph build --counts a.counts -o graph.graphml\n"
                    "The records are sorted in byte order (LC_ALL=C); the README documents them.\n",
                    entries, TRUE, &in, &argc, &argv, &code))
    return code;
  guint fatal = 0;
  g_autoptr(EgCounts) counts = eg_cli_count(&in, argc, argv, &fatal);
  if (!counts)
    return EG_EXIT_USAGE;
  const char *path = output ? output : "-";
  g_autoptr(GError) error = NULL;
  EgOutput *out = eg_output_open(path, &error);
  if (!out) {
    eg_cli_error("%s", error->message);
    return EG_EXIT_OUTPUT;
  }
  if (!eg_counts_write(counts, eg_output_stream(out), &error)) {
    eg_output_abort(out);
    eg_cli_error("%s: %s", strcmp(path, "-") == 0 ? "standard output" : path, error->message);
    return EG_EXIT_OUTPUT;
  }
  if (!eg_output_commit(out, &error)) {
    eg_cli_error("%s", error->message);
    return EG_EXIT_OUTPUT;
  }
  return fatal ? EG_EXIT_INPUT : EG_EXIT_OK;
}
