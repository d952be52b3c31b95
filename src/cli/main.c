/* main.c: entgraph's entry point: picks the subcommand. */
#include "cli/cli.h"
#include "graph/graph.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
  "Usage: entgraph COMMAND [OPTIONS] INPUT...\n"
  "Turns news text into a weighted graph of the people, organisations and places mentioned together.\n"
  "\n"
  "Commands:\n"
  "  build     text -> graph files (GraphML, DOT, SVG, PNG, PDF, TSV by the -o extension)\n"
  "  entities  text -> entity table (TSV: label, type, mentions, documents, aliases)\n"
  "  mentions  text -> every mention (TSV: document, sentence, offset, surface, label, type)\n"
  "  count     text -> partial counts (sorted text records), the map step of a distributed run\n"
  "  merge     sorted partial counts -> summed counts, the reduce step (build --counts reads them)\n"
  "\n"
  "  entgraph COMMAND --help   options of one command, with examples\n"
  "  entgraph --version        the version\n"
  "\n"
  "Example: entgraph build samples/ -o graph.graphml -o graph.svg\n";

int
main(int argc, char **argv)
{
  setlocale(LC_ALL, "");
  /* A closed pipe on stdout ends the run quietly, as for any Unix filter, even when the parent
   * left SIGPIPE ignored (then every write would fail with EPIPE and print errors). */
  signal(SIGPIPE, SIG_DFL);
  eg_graph_init();
  if (argc < 2) {
    fputs(usage, stderr);
    return EG_EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
    printf("entgraph %s (lexicons %s)\n", EG_VERSION, EG_LEXICON_VERSION);
    return EG_EXIT_OK;
  }
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
    fputs(usage, stdout);
    return EG_EXIT_OK;
  }
  if (strcmp(cmd, "build") == 0)
    return eg_cmd_build(argc - 1, argv + 1);
  if (strcmp(cmd, "entities") == 0)
    return eg_cmd_entities(argc - 1, argv + 1);
  if (strcmp(cmd, "mentions") == 0)
    return eg_cmd_mentions(argc - 1, argv + 1);
  if (strcmp(cmd, "count") == 0)
    return eg_cmd_count(argc - 1, argv + 1);
  if (strcmp(cmd, "merge") == 0)
    return eg_cmd_merge(argc - 1, argv + 1);
  fprintf(stderr, "entgraph: unknown command '%s' (commands: build, entities, mentions, count, merge; see 'entgraph --help')\n", cmd);
  return EG_EXIT_USAGE;
}
