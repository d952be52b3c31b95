/* render.c: pictures (SVG, PNG, PDF) rendered by Graphviz gvc from the DOT graph.
 *
 * A picture shows at most MAX_NODES nodes, the most mentioned (ties by label), because a few
 * hundred labels is the most a reader can take in; the data formats keep everything. neato
 * lays out small graphs well; above a few hundred nodes sfdp is used, which stays fast.
 *
 * One Graphviz context serves the whole process: Graphviz 2.42's pango plugin caches the last
 * font name in a static pointer, which a second context after gvFreeContext reads after free.
 */
#include "export/dot.h"

#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

static GVC_t *render_gvc;

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
  const char *fmt = format == EG_FORMAT_PNG ? "png" : format == EG_FORMAT_PDF ? "pdf" : "svg";
  igraph_integer_t nv = igraph_vcount(g);
  g_autofree gboolean *keep = g_new0(gboolean, nv + 1);
  g_autofree igraph_integer_t *order = eg_export_by_mentions(g);
  guint n = (guint)MIN((igraph_integer_t)max_nodes, nv);
  for (guint i = 0; i < n; i++)
    keep[order[i]] = TRUE;
  *shown = n;

  Agraph_t *ag = eg_dot_build(g, keep);
  if (ag) {
    /* A legend, so that a picture read on its own says what colours and widths mean. */
    g_autofree char *legend = g_strdup_printf(
        "<TABLE BORDER=\"0\" CELLSPACING=\"6\"><TR>"
        "<TD BGCOLOR=\"%s\"> person </TD><TD BGCOLOR=\"%s\"> organisation </TD>"
        "<TD BGCOLOR=\"%s\"> place </TD><TD BGCOLOR=\"%s\"> other </TD>"
        "<TD>%u of %" IGRAPH_PRId " entities; text size: mentions; line width: times named together</TD>"
        "</TR></TABLE>",
        eg_dot_type_color("PERSON"), eg_dot_type_color("ORG"), eg_dot_type_color("LOC"),
        eg_dot_type_color("MISC"), n, nv);
    agsafeset(ag, "label", agstrdup_html(ag, legend), "");
    agsafeset(ag, "labelloc", "b", "");
    agsafeset(ag, "fontsize", "12", "");
  }
  if (!render_gvc)
    render_gvc = gvContext();
  GVC_t *gvc = render_gvc;
  gboolean ok = ag && gvc;
  if (ok)
    ok = gvLayout(gvc, ag, n > 300 ? "sfdp" : "neato") == 0;
  if (ok) {
    ok = gvRender(gvc, ag, fmt, stream) == 0 && !ferror(stream);
    gvFreeLayout(gvc, ag);
  }
  if (ag)
    agclose(ag);
  if (!ok)
    g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT, "Graphviz could not render %s", fmt);
  return ok;
}
