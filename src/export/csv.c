/* csv.c: the graph as two spreadsheet tables in Gephi's convention (Data Laboratory, "Import
 * Spreadsheet"): NAME.nodes.csv with Id and Label first, NAME.edges.csv with Source, Target,
 * Type and Weight first; every other attribute follows as a column of its own.
 *
 * Quoting is RFC 4180's: a field holding a comma, a double quote, CR or LF is put in double
 * quotes and its quotes doubled; every other field is written as it is (UTF-8, no byte-order
 * mark). Records end with LF, which every CSV reader takes (RFC 4180 asks CRLF; LF keeps the
 * files friendly to diff and grep). Numbers use "." whatever the locale; a metric not computed
 * for an element (NaN) is an empty field. Rows follow the node ids n0, n1, ... and igraph's edge
 * order, as GraphML does.
 */
#include "export/export.h"

#include <errno.h>
#include <math.h>
#include <string.h>

static void
csv_field(FILE *fp, const char *value)
{
  if (!value[strcspn(value, ",\"\r\n")]) {
    fputs(value, fp);
    return;
  }
  /* Quoted: the text up to and including each quote, then the quote again. */
  fputc('"', fp);
  for (const char *p = value, *q; *p; p = q + 1) {
    q = strchr(p, '"');
    if (!q) {
      fputs(p, fp);
      break;
    }
    fwrite(p, 1, (size_t)(q - p) + 1, fp);
    fputc('"', fp);
  }
  fputc('"', fp);
}

/* The text of attribute A of element ID ("" when it has none): static, in BUF
 * (G_ASCII_DTOSTR_BUF_SIZE bytes) or the graph's own string. */
static const char *
csv_value(const igraph_t *g, igraph_attribute_elemtype_t domain, const EgAttrInfo *a,
          igraph_integer_t id, char *buf)
{
  const char *name = a->name;
  if (a->type == IGRAPH_ATTRIBUTE_STRING) {
    const char *s = domain == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAS(g, name, id)
                                                      : igraph_cattribute_EAS(g, name, id);
    return s ? s : "";
  }
  if (a->type == IGRAPH_ATTRIBUTE_NUMERIC) {
    double v = eg_export_attr_number(g, domain, a, id);
    return isfinite(v) ? eg_export_number(buf, v, a->integer) : "";
  }
  if (a->type == IGRAPH_ATTRIBUTE_BOOLEAN) {
    gboolean b = domain == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAB(g, name, id)
                                                   : igraph_cattribute_EAB(g, name, id);
    return b ? "true" : "false";
  }
  return "";
}

/* Every attribute but the one written in a column of its own (SKIP, the name). */
static char *
csv_other(const char *name, gconstpointer skip)
{
  return strcmp(name, skip) == 0 ? NULL : g_strdup(name);
}

/* Writes the other attributes' columns: header names when ID < 0, else element ID's values. */
static void
csv_others(FILE *fp, const igraph_t *g, igraph_attribute_elemtype_t domain, const EgAttrInfo *others,
           igraph_integer_t id)
{
  for (const EgAttrInfo *a = others; a->name; a++) {
    fputc(',', fp);
    if (id < 0) {
      csv_field(fp, a->name);
    } else {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      csv_field(fp, csv_value(g, domain, a, id, buf));
    }
  }
  fputc('\n', fp);
}

static gboolean
csv_done(FILE *fp, const char *what, GError **error)
{
  if (fflush(fp) != 0 || ferror(fp)) {
    int e = errno;
    g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT, "cannot write the %s table (%s)", what, g_strerror(e));
    return FALSE;
  }
  return TRUE;
}

gboolean
eg_export_csv_nodes(const igraph_t *g, FILE *fp, GError **error)
{
  EgAttrLists a;
  eg_export_attr_lists_init(&a, g);
  gboolean has_label = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, "label");
  EgAttrInfo *others = eg_export_attr_infos(&a.vnames, &a.vtypes, csv_other, "label");
  eg_export_attr_fetch(others, g, IGRAPH_ATTRIBUTE_VERTEX);
  fputs("Id,Label", fp);
  csv_others(fp, g, IGRAPH_ATTRIBUTE_VERTEX, others, -1);
  for (igraph_integer_t v = 0; v < igraph_vcount(g) && !ferror(fp); v++) {
    char id[32];
    fputs(eg_export_id(id, 'n', v), fp);
    fputc(',', fp);
    csv_field(fp, has_label ? VAS(g, "label", v) : id);
    csv_others(fp, g, IGRAPH_ATTRIBUTE_VERTEX, others, v);
  }
  eg_export_attr_infos_free(others);
  eg_export_attr_lists_destroy(&a);
  return csv_done(fp, "node", error);
}

gboolean
eg_export_csv_edges(const igraph_t *g, FILE *fp, GError **error)
{
  EgAttrLists a;
  eg_export_attr_lists_init(&a, g);
  gboolean has_weight = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, "weight");
  EgAttrInfo *others = eg_export_attr_infos(&a.enames, &a.etypes, csv_other, "weight");
  eg_export_attr_fetch(others, g, IGRAPH_ATTRIBUTE_EDGE);
  fputs("Source,Target,Type,Weight", fp);
  csv_others(fp, g, IGRAPH_ATTRIBUTE_EDGE, others, -1);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  for (igraph_integer_t e = 0; e < igraph_ecount(g) && !ferror(fp); e++) {
    /* igraph stores an undirected edge larger end first; the contract is source < target. */
    igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);
    double w = has_weight ? EAN(g, "weight", e) : 1;
    char src[32], dst[32];
    fputs(eg_export_id(src, 'n', MIN(from, to)), fp);
    fputc(',', fp);
    fputs(eg_export_id(dst, 'n', MAX(from, to)), fp);
    fputs(",Undirected,", fp);
    fputs(isfinite(w) ? eg_export_number(buf, w, FALSE) : "", fp);
    csv_others(fp, g, IGRAPH_ATTRIBUTE_EDGE, others, e);
  }
  eg_export_attr_infos_free(others);
  eg_export_attr_lists_destroy(&a);
  return csv_done(fp, "edge", error);
}

void
eg_export_csv_paths(const char *path, char **nodes, char **edges)
{
  gsize len = strlen(path);
  if (len >= 4 && g_ascii_strcasecmp(path + len - 4, ".csv") == 0)
    len -= 4;
  g_autofree char *base = g_strndup(path, len);
  *nodes = g_strconcat(base, ".nodes.csv", NULL);
  *edges = g_strconcat(base, ".edges.csv", NULL);
}

gboolean
eg_export_csv(const igraph_t *g, const char *path, GError **error)
{
  if (strcmp(path, "-") == 0) {
    g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT,
                "CSV is two files (NAME.nodes.csv, NAME.edges.csv): give -o NAME.csv, not standard output");
    return FALSE;
  }
  g_autofree char *nodes_path = NULL, *edges_path = NULL;
  eg_export_csv_paths(path, &nodes_path, &edges_path);
  EgOutput *outs[2] = { NULL, NULL };
  outs[0] = eg_output_open(nodes_path, error);
  if (!outs[0])
    return FALSE;
  outs[1] = eg_output_open(edges_path, error);
  if (!outs[1]) {
    eg_output_abort(outs[0]);
    return FALSE;
  }
  g_autoptr(GError) err = NULL;
  if (!eg_export_csv_nodes(g, eg_output_stream(outs[0]), &err) ||
      !eg_export_csv_edges(g, eg_output_stream(outs[1]), &err)) {
    g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT, "%s: %s", path, err->message);
    eg_output_abort(outs[0]);
    eg_output_abort(outs[1]);
    return FALSE;
  }
  return eg_output_commit_all(outs, 2, error);
}
