/* cmd_entities.c: `entgraph entities`: text -> the entity table (TSV) on standard output. */
#include "cli/cli.h"
#include "export/export.h"

#include <errno.h>
#include <stdio.h>

int
eg_cmd_entities(int argc, char **argv)
{
  g_auto(EgCliInput) in = { 0 };
  int code = EG_EXIT_OK;
  if (!eg_cli_parse("entities", "INPUT...", "list the entities found, most mentioned first",
                    "  entgraph entities article.txt\n"
                    "  entgraph entities news/ | head -20\n"
                    "  entgraph entities --jsonl feed.jsonl | awk -F'\\t' '$2 == \"PERSON\"'\n"
                    "Columns: label, type (PERSON, ORG, LOC, MISC), mentions, documents, aliases "
                    "(other spellings merged into the entity, |-separated).\n",
                    NULL, FALSE, &in, &argc, &argv, &code))
    return code;
  guint fatal = 0;
  g_autoptr(EgCounts) counts = eg_cli_count(&in, argc, argv, &fatal);
  if (!counts)
    return EG_EXIT_USAGE;
  g_autoptr(EgNodeTable) table = eg_consolidate(counts);
  igraph_t graph;
  g_autoptr(GError) error = NULL;
  int rc = fatal ? EG_EXIT_INPUT : EG_EXIT_OK;
  if (!eg_graph_build(&graph, table, &error)) {
    eg_cli_error("%s", error->message);
    return EG_EXIT_OUTPUT;
  }
  if (!eg_export_tsv(&graph, stdout, &error)) {
    eg_cli_error("standard output: %s", error->message);
    rc = EG_EXIT_OUTPUT;
  } else if (fflush(stdout) != 0) {
    eg_cli_error("standard output: cannot write (%s)", g_strerror(errno));
    rc = EG_EXIT_OUTPUT;
  }
  igraph_destroy(&graph);
  return rc;
}
