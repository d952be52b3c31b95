/* tsv.c: the entity table (label, type, mentions, documents, aliases), most mentioned first.
 *
 * Tabs and line breaks cannot occur in labels (segmentation joins words with single spaces), so
 * fields need no quoting; the table reads with `cut`, `sort -t$'\t'` and spreadsheet imports.
 */
#include "export/export.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  igraph_integer_t v;
  double mentions;
  const char *label;
} Row;

static int
cmp_row(const void *a, const void *b)
{
  const Row *x = a, *y = b;
  if (x->mentions != y->mentions)
    return x->mentions > y->mentions ? -1 : 1;
  return strcmp(x->label, y->label);
}

gboolean
eg_export_tsv(const igraph_t *g, FILE *stream, GError **error)
{
  igraph_integer_t nv = igraph_vcount(g);
  g_autofree Row *rows = g_new(Row, nv + 1);
  for (igraph_integer_t v = 0; v < nv; v++) {
    rows[v].v = v;
    rows[v].mentions = VAN(g, "mentions", v);
    rows[v].label = VAS(g, "label", v);
  }
  qsort(rows, (size_t)nv, sizeof(Row), cmp_row);
  fputs("label\ttype\tmentions\tdocuments\taliases\n", stream);
  for (igraph_integer_t i = 0; i < nv; i++) {
    igraph_integer_t v = rows[i].v;
    fprintf(stream, "%s\t%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\n", rows[i].label,
            VAS(g, "type", v), (gint64)rows[i].mentions, (gint64)VAN(g, "documents", v),
            VAS(g, "aliases", v));
    if (ferror(stream))
      break;
  }
  if (ferror(stream)) {
    int e = errno;
    g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT, "cannot write the entity table (%s)", g_strerror(e));
    return FALSE;
  }
  return TRUE;
}
