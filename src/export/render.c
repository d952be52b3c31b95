/* render.c: pictures (SVG, PNG, PDF) rendered by Graphviz gvc from the DOT graph.
 *
 * A picture shows at most MAX_NODES nodes, the most central by the chosen rank (mentions by
 * default; ties by mentions, then label), because a few hundred labels is the most a reader can
 * take in; entities without edges are left out unless there are no edges at all. The data
 * formats keep everything. The legend says what the fill colours mean: types,
 * or for communities the most central entity shown of each. neato
 * lays out small graphs well; above a few hundred nodes sfdp is used, which stays fast.
 *
 * One Graphviz context serves the whole process: Graphviz 2.42's pango plugin caches the last
 * font name in a static pointer, which a second context after gvFreeContext reads after free.
 */
#include "export/dot.h"

#include <errno.h>
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static GVC_t *render_gvc;

/* cairo stamps a PDF with the time of writing (/CreationDate (D:20261125114001Z)), and Debian's
 * cairo ignores SOURCE_DATE_EPOCH, so the same graph would give a different file every run. The
 * stamp is overwritten in place with the Unix epoch, the reproducible-builds convention; its
 * length does not change, so the PDF's byte offsets stay right. The stamp's length depends on
 * the time zone (Z or +05'30), so PDFs are rendered in UTC (eg_export_picture_with sets TZ; entgraph
 * reads dates as written and never uses local time otherwise). */
static void
render_pdf_fixed_date(char *data, gsize len)
{
  static const char key[] = "/CreationDate (D:";
  const gsize klen = sizeof key - 1;
  for (gsize i = 0; i + klen < len; i++) {
    if (data[i] != '/' || memcmp(data + i, key, klen) != 0)
      continue;
    char *stamp = data + i + klen;
    const char *close = memchr(stamp, ')', MIN(len - i - klen, 32));
    gsize n = close ? (gsize)(close - stamp) : 0;
    /* "20261125114001Z" in UTC; "20261125114001+05'30" had TZ been other than UTC. */
    if (n == 15)
      memcpy(stamp, "19700101000000Z", n);
    else if (n == 20)
      memcpy(stamp, "19700101000000+00'00", n);
    return;
  }
}

void
eg_export_cleanup(void)
{
  if (render_gvc)
    gvFreeContext(render_gvc);
  render_gvc = NULL;
}

gboolean
eg_export_picture(const igraph_t *g, EgFormat format, guint max_nodes, FILE *stream, guint *shown,
                  GError **error)
{
  EgPictureOptions options = { max_nodes, EG_RANK_MENTIONS, EG_COLOR_TYPE };
  return eg_export_picture_with(g, format, &options, stream, shown, error);
}

/* The legend's colour cells: types, or the communities shown (named by their most central
 * entity shown), as HTML table cells (transfer full). */
static char *
render_legend_colors(const igraph_t *g, const igraph_integer_t *order, guint n, EgColor color)
{
  GString *s = g_string_new(NULL);
  if (!eg_dot_by_community(g, color)) {
    g_string_append_printf(s,
                           "<TD BGCOLOR=\"%s\"> person </TD><TD BGCOLOR=\"%s\"> organisation </TD>"
                           "<TD BGCOLOR=\"%s\"> place </TD><TD BGCOLOR=\"%s\"> other </TD>",
                           eg_dot_type_color("PERSON"), eg_dot_type_color("ORG"),
                           eg_dot_type_color("LOC"), eg_dot_type_color("MISC"));
    return g_string_free(s, FALSE);
  }
  const char *named[EG_DOT_COMMUNITY_COLORS] = { NULL };
  gboolean others = FALSE;
  for (guint i = 0; i < n; i++) {
    igraph_integer_t c = (igraph_integer_t)VAN(g, "community", order[i]);
    if (c < EG_DOT_COMMUNITY_COLORS) {
      if (!named[c])
        named[c] = VAS(g, "label", order[i]);
    } else {
      others = TRUE;
    }
  }
  g_string_append(s, "<TD>communities:</TD>");
  for (guint c = 0; c < EG_DOT_COMMUNITY_COLORS; c++) {
    if (!named[c])
      continue;
    g_autofree char *label = g_markup_escape_text(named[c], -1);
    g_string_append_printf(s, "<TD BGCOLOR=\"%s\"> %s </TD>", eg_dot_community_color(c), label);
  }
  if (others)
    g_string_append_printf(s, "<TD BGCOLOR=\"%s\"> smaller ones </TD>",
                           eg_dot_community_color(EG_DOT_COMMUNITY_COLORS));
  return g_string_free(s, FALSE);
}

gboolean
eg_export_picture_with(const igraph_t *g, EgFormat format, const EgPictureOptions *options,
                       FILE *stream, guint *shown, GError **error)
{
  const char *fmt = format == EG_FORMAT_PNG ? "png" : format == EG_FORMAT_PDF ? "pdf" : "svg";
  igraph_integer_t nv = igraph_vcount(g);
  g_autofree gboolean *keep = g_new0(gboolean, nv + 1);
  g_autofree igraph_integer_t *order = eg_graph_rank_order(g, options->rank);
  /* Entities without edges say nothing about who is named with whom: a picture shows the most
   * central entities with an edge to another one shown, unless the graph has no edges at all.
   * Dropping a lone one and taking the next can strand another, so this runs to a fixed point
   * (each round only adds linked entities or drops one for good). */
  gboolean skip_isolates = igraph_ecount(g) > 0;
  g_autofree gboolean *dropped = g_new(gboolean, nv + 1);
  for (igraph_integer_t v = 0; v < nv; v++)
    dropped[v] = skip_isolates; /* until an edge is seen */
  for (igraph_integer_t e = 0; e < igraph_ecount(g); e++)
    dropped[IGRAPH_FROM(g, e)] = dropped[IGRAPH_TO(g, e)] = FALSE;
  guint n = 0;
  for (gboolean changed = TRUE; changed;) {
    changed = FALSE;
    n = 0;
    memset(keep, 0, sizeof(gboolean) * (size_t)nv);
    for (igraph_integer_t i = 0; i < nv && n < options->max_nodes; i++)
      if (!dropped[order[i]]) {
        keep[order[i]] = TRUE;
        n++;
      }
    if (!skip_isolates)
      break;
    g_autofree gboolean *linked = g_new0(gboolean, nv + 1);
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++)
      if (keep[IGRAPH_FROM(g, e)] && keep[IGRAPH_TO(g, e)])
        linked[IGRAPH_FROM(g, e)] = linked[IGRAPH_TO(g, e)] = TRUE;
    for (igraph_integer_t v = 0; v < nv; v++)
      if (keep[v] && !linked[v]) {
        dropped[v] = TRUE;
        changed = TRUE;
      }
  }
  /* The shown ones, most central first, for the legend. */
  guint k = 0;
  for (igraph_integer_t i = 0; i < nv; i++)
    if (keep[order[i]])
      order[k++] = order[i];
  *shown = n;

  Agraph_t *ag = eg_dot_build(g, keep, options->color);
  if (ag) {
    /* A legend, so that a picture read on its own says what colours and widths mean. */
    static const char *const rank_names[] = { "most mentioned", "strongest", "highest pagerank" };
    g_autofree char *colors = render_legend_colors(g, order, n, options->color);
    g_autofree char *legend = g_strdup_printf(
        "<TABLE BORDER=\"0\" CELLSPACING=\"6\"><TR>%s"
        "<TD>%u of %" IGRAPH_PRId " entities (%s); text size: mentions; line width: times named together</TD>"
        "</TR></TABLE>",
        colors, n, nv, rank_names[options->rank]);
    agsafeset(ag, "label", agstrdup_html(ag, legend), "");
    agsafeset(ag, "labelloc", "b", "");
    /* Curved edges around nodes read better, but routing them costs about edges x nodes: 64 s
     * for 150 nodes and 2,700 edges. Above a few hundred edges lines stay straight. */
    if (agnedges(ag) <= 400)
      agsafeset(ag, "splines", "true", "");
    /* Large pictures are looked at scaled down: the legend grows with them. */
    agsafeset(ag, "fontsize", n > 100 ? "22" : n > 40 ? "16" : "12", "");
  }
  if (!render_gvc)
    render_gvc = gvContext();
  GVC_t *gvc = render_gvc;
  gboolean ok = ag && gvc;
  gboolean rendered = FALSE;
  int write_errno = 0;
  agseterr(AGMAX); /* Graphviz's own messages would be a second line: its last error is used */
  if (ok)
    ok = gvLayout(gvc, ag, n > 300 ? "sfdp" : "neato") == 0;
  if (ok) {
    /* Rendered into memory and written here: Graphviz's own writer calls exit(1) on a short
     * write (a full disk), which would leave the temporary file and skip the other outputs. */
    char *data = NULL;
    unsigned int len = 0;
    if (format == EG_FORMAT_PDF && g_strcmp0(g_getenv("TZ"), "UTC") != 0) {
      g_setenv("TZ", "UTC", TRUE);
      tzset();
    }
    rendered = ok = gvRenderData(gvc, ag, fmt, &data, &len) == 0;
    if (ok && format == EG_FORMAT_PDF)
      render_pdf_fixed_date(data, len);
    if (ok) {
      ok = fwrite(data, 1, len, stream) == len && fflush(stream) == 0;
      write_errno = errno;
    }
    gvFreeRenderData(data);
    gvFreeLayout(gvc, ag);
  }
  if (ag)
    agclose(ag);
  if (!ok && rendered)
    g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT, "cannot write %s (%s)", fmt, g_strerror(write_errno));
  else if (!ok) {
    const char *why = aglasterr();
    g_autofree char *reason = why ? g_strstrip(g_strdup(why)) : NULL;
    g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT, "Graphviz could not render %s%s%s%s", fmt,
                reason && *reason ? " (" : "", reason && *reason ? reason : "", reason && *reason ? ")" : "");
  }
  return ok;
}
