/* cmd_entities.c: `entgraph entities`: text -> the entity table (TSV) on standard output. */
#include "cli/cli.h"
#include "export/export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
cmp_mentions(const void *a, const void *b)
{
  const EgNode *x = *(const EgNode *const *)a, *y = *(const EgNode *const *)b;
  if (x->mentions != y->mentions)
    return x->mentions > y->mentions ? -1 : 1;
  return strcmp(x->label, y->label);
}

/* --explain: why each entity exists and has its type: the votes of its mentions for each type
 * and every surface form merged into it, with counts. */
static gboolean
entities_explain(const EgNodeTable *table, FILE *out)
{
  g_autofree EgNode **rows = g_new(EgNode *, table->nodes->len + 1);
  for (guint i = 0; i < table->nodes->len; i++)
    rows[i] = &g_array_index(table->nodes, EgNode, i);
  qsort(rows, table->nodes->len, sizeof(EgNode *), cmp_mentions);
  fputs("label\ttype\tmentions\tdocuments\tvotes\tforms\n", out);
  for (guint i = 0; i < table->nodes->len; i++) {
    const EgNode *n = rows[i];
    fprintf(out, "%s\t%s\t%" G_GUINT64_FORMAT "\t%" G_GUINT64_FORMAT "\t", n->label,
            eg_type_name(n->type), n->mentions, n->documents);
    for (guint t = 0; t < EG_N_TYPES; t++)
      fprintf(out, "%s%s=%" G_GUINT64_FORMAT, t ? " " : "", eg_type_name((EgEntityType)t), n->votes[t]);
    fprintf(out, "\t%s\n", n->forms);
  }
  return fflush(out) == 0 && !ferror(out);
}

int
eg_cmd_entities(int argc, char **argv)
{
  g_auto(EgCliInput) in = { 0 };
  gboolean explain = FALSE;
  GOptionEntry entries[] = {
    { "explain", 'x', 0, G_OPTION_ARG_NONE, &explain,
      "Say why each entity is there: the type votes of its mentions (titles, given names, places, "
      "organisation words, context) and every spelling merged into it with its count (e.g. --explain)", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  int code = EG_EXIT_OK;
  if (!eg_cli_parse("entities", "INPUT...", "list the entities found, most mentioned first",
                    "  entgraph entities article.txt\n"
                    "  entgraph entities news/ | head -20\n"
                    "  entgraph entities --jsonl feed.jsonl | awk -F'\\t' '$2 == \"PERSON\"'\n"
                    "Columns: label, type (PERSON, ORG, LOC, MISC), mentions, documents, aliases "
                    "(other spellings merged into the entity, |-separated).\n"
                    "With --explain: label, type, mentions, documents, votes (PERSON=9 ORG=0 ...), "
                    "forms (each spelling and its count, |-separated).\n",
                    entries, FALSE, &in, &argc, &argv, &code))
    return code;
  guint fatal = 0;
  g_autoptr(EgCounts) counts = eg_cli_count(&in, argc, argv, &fatal);
  if (!counts)
    return EG_EXIT_USAGE;
  g_autoptr(EgNodeTable) table = eg_consolidate(counts);
  if (explain) {
    if (!entities_explain(table, stdout)) {
      eg_cli_error("standard output: cannot write (%s)", g_strerror(errno));
      return EG_EXIT_OUTPUT;
    }
    return fatal ? EG_EXIT_INPUT : EG_EXIT_OK;
  }
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
