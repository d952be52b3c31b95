/* cmd_merge.c: `entgraph merge`: sorted partial counts -> summed counts, the reduce step. */
#include "cli/cli.h"
#include "export/export.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int
eg_cmd_merge(int argc, char **argv)
{
  g_autofree char *output = NULL;
  gboolean version = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the summed counts to FILE instead of standard output (e.g. -o all.counts)", "FILE" },
    { "version", 'V', 0, G_OPTION_ARG_NONE, &version, "Print the version and exit (e.g. --version)", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new("COUNTS... - sum sorted partial counts");
  g_set_prgname("entgraph merge");
  g_option_context_set_summary(ctx, "COUNTS are files written by 'entgraph count' or 'entgraph merge', "
                                    "each sorted in byte order (LC_ALL=C sort), or - for standard input.\n"
                                    "They are merged in one pass, holding one line of each in memory.");
  g_option_context_set_description(ctx,
      "Examples:\n"
      "  entgraph merge part-1.counts part-2.counts part-3.counts > all.counts\n"
      "  entgraph count news/ | LC_ALL=C sort | entgraph merge - > news.counts\n"
      "  entgraph build --counts all.counts -o graph.graphml\n"
      "Counts made with different options (--window, --paragraphs, --max-window-entities, "
      "--aliases, --stoplist, lexicon version) are refused.\n"
      "Exit codes: 0 done, 1 a counts file could not be read or is not sorted, 2 usage error or "
      "counts made with different options, 3 the output could not be written.\n");
  g_option_context_add_main_entries(ctx, entries, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  if (!eg_cli_option_parse(ctx, entries, &argc, &argv, &args, &error)) {
    eg_cli_error("%s (see 'entgraph merge --help')", error->message);
    return EG_EXIT_USAGE;
  }
  if (version) {
    printf("entgraph %s (lexicons %s)\n", EG_VERSION, EG_LEXICON_VERSION);
    return EG_EXIT_OK;
  }
  if (argc < 2) {
    eg_cli_error("no COUNTS given (see 'entgraph merge --help')");
    return EG_EXIT_USAGE;
  }
  guint n = (guint)argc - 1;
  g_autofree FILE **ins = g_new0(FILE *, n + 1);
  g_autofree const char **names = g_new0(const char *, n + 1);
  int rc = EG_EXIT_OK;
  for (guint i = 0; i < n; i++) {
    const char *path = argv[i + 1];
    gboolean is_stdin = strcmp(path, "-") == 0;
    names[i] = eg_input_name(path);
    ins[i] = is_stdin ? stdin : fopen(path, "rb");
    if (!ins[i]) {
      /* A missing part would give wrong totals: nothing is merged. */
      eg_cli_error("%s: %s", path, errno == ENOENT ? "no such file" : g_strerror(errno));
      rc = EG_EXIT_INPUT;
    }
  }
  EgOutput *out = NULL;
  if (rc == EG_EXIT_OK && !(out = eg_output_open(output ? output : "-", &error))) {
    eg_cli_error("%s", error->message);
    rc = EG_EXIT_OUTPUT;
  }
  if (rc == EG_EXIT_OK) {
    if (!eg_counts_merge_streams(ins, names, n, eg_output_stream(out), &error)) {
      eg_output_abort(out);
      eg_cli_error("%s", error->message);
      rc = g_error_matches(error, EG_ERROR, EG_ERROR_HEADER) ? EG_EXIT_USAGE
           : g_error_matches(error, EG_ERROR, EG_ERROR_OUTPUT) ? EG_EXIT_OUTPUT : EG_EXIT_INPUT;
    } else if (!eg_output_commit(out, &error)) {
      eg_cli_error("%s", error->message);
      rc = EG_EXIT_OUTPUT;
    }
  }
  for (guint i = 0; i < n; i++)
    if (ins[i] && ins[i] != stdin)
      fclose(ins[i]);
  return rc;
}
