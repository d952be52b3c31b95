/* tsv.c: the entity table (label, type, mentions, documents, aliases, then the metrics the graph
 * carries), most mentioned first.
 *
 * Tabs and line breaks cannot occur in labels (segmentation joins words with single spaces), so
 * fields need no quoting; the table reads with `cut`, `sort -t$'\t'` and spreadsheet imports.
 */
#include "export/export.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

gboolean
eg_export_tsv(const igraph_t *g, FILE *stream, GError **error)
{
  igraph_integer_t nv = igraph_vcount(g);
  g_autofree igraph_integer_t *order = eg_export_by_mentions(g);
  gboolean has[16] = { FALSE };
  fputs("label\ttype\tmentions\tdocuments\taliases", stream);
  for (guint k = 0; eg_export_metric_names[k] && k < G_N_ELEMENTS(has); k++)
    if ((has[k] = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, eg_export_metric_names[k])))
      fprintf(stream, "\t%s", eg_export_metric_names[k]);
  fputc('\n', stream);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  for (igraph_integer_t i = 0; i < nv; i++) {
    igraph_integer_t v = order[i];
    fprintf(stream, "%s\t%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s", VAS(g, "label", v),
            VAS(g, "type", v), (gint64)VAN(g, "mentions", v), (gint64)VAN(g, "documents", v),
            VAS(g, "aliases", v));
    for (guint k = 0; eg_export_metric_names[k] && k < G_N_ELEMENTS(has); k++)
      if (has[k])
        fprintf(stream, "\t%s", eg_export_number(buf, VAN(g, eg_export_metric_names[k], v),
                                                 eg_export_attr_is_integer(eg_export_metric_names[k])));
    fputc('\n', stream);
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
