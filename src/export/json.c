/* json.c: d3's node-link JSON, the form d3-force, networkx (node_link_graph) and most web
 * graph libraries take:
 *
 *   {"directed": false, "multigraph": false, "graph": {"documents": 2, ...},
 *    "nodes": [{"id": "n0", "label": "...", "type": "ORG", "mentions": 3, ...}, ...],
 *    "links": [{"source": "n0", "target": "n4", "weight": 2, "count": 2}, ...]}
 *
 * Every attribute of the graph, its vertices and edges is written; integer attributes as JSON
 * integers, the others in the shortest form that reads back exactly, "." whatever the locale;
 * a metric not computed for an element (NaN) is null. Written by hand rather than with
 * json-glib's generator, which prints doubles with 17 digits and NaN as an invalid token.
 * Strings escape '"', '\\', every control character, U+2028, U+2029 and also '<', '>' and '&'
 * (as \u003c, ...), so the file can be pasted into an HTML <script> element unchanged; text
 * that is not UTF-8 is repaired with U+FFFD. One node or link a line.
 */
#include "export/export.h"

#include <errno.h>
#include <math.h>
#include <string.h>

/* Whether the N bytes of S are all ASCII (then valid UTF-8 without looking further). */
static gboolean
json_ascii(const char *s, gsize n)
{
  gsize i = 0;
  for (; i + 8 <= n; i += 8) {
    guint64 x;
    memcpy(&x, s + i, sizeof x);
    if (x & G_GUINT64_CONSTANT(0x8080808080808080))
      return FALSE;
  }
  for (; i < n; i++)
    if ((guchar)s[i] >= 0x80)
      return FALSE;
  return TRUE;
}

/* Appends VALUE as a JSON string. Runs of characters that need no escape are copied whole;
 * text that is valid UTF-8 (nearly all) is not copied first to be repaired. */
static void
json_string(GString *out, const char *value)
{
  const char *s = value ? value : "";
  /* Most text is printable ASCII without anything to escape: checked 8 bytes at a time and
   * copied whole, without validating it as UTF-8 first. */
  gsize len = strlen(s);
  if (eg_export_plain_prefix(s, len) == len && !memchr(s, '\\', len)) {
    g_string_append_c(out, '"');
    g_string_append_len(out, s, (gssize)len);
    g_string_append_c(out, '"');
    return;
  }
  g_autofree char *repaired = NULL;
  if (!json_ascii(s, len) && !g_utf8_validate(s, (gssize)len, NULL)) {
    s = repaired = g_utf8_make_valid(s, (gssize)len);
    len = strlen(s);
  }
  g_string_append_c(out, '"');
  const char *run = s, *p = s, *end = s + len;
  const char *backslash = memchr(s, '\\', len);
  while (*p) {
    /* skip the plain text before the next character to look at, 8 bytes at a time */
    const char *plain = p + eg_export_plain_prefix(p, (gsize)(end - p));
    p = backslash && backslash < plain ? backslash : plain;
    if (!*p)
      break;
    if (p == backslash)
      backslash = memchr(p + 1, '\\', (gsize)(end - p - 1));
    guchar c = (guchar)*p;
    gsize n = 1;
    gunichar u = c;
    if (c >= 0x80) {
      /* Of all other characters only U+2028 and U+2029 (E2 80 A8/A9) are escaped. */
      n = (gsize)(g_utf8_next_char(p) - p);
      if (!(c == 0xE2 && (guchar)p[1] == 0x80 && ((guchar)p[2] == 0xA8 || (guchar)p[2] == 0xA9))) {
        p += n;
        continue;
      }
      u = g_utf8_get_char(p);
    } else if (c >= 0x20 && c != 0x7F && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') {
      p++;
      continue;
    }
    g_string_append_len(out, run, p - run);
    switch (u) {
    case '"': g_string_append(out, "\\\""); break;
    case '\\': g_string_append(out, "\\\\"); break;
    case '\b': g_string_append(out, "\\b"); break;
    case '\f': g_string_append(out, "\\f"); break;
    case '\n': g_string_append(out, "\\n"); break;
    case '\r': g_string_append(out, "\\r"); break;
    case '\t': g_string_append(out, "\\t"); break;
    default: {
      /* as "\\u%04x" (u <= 0xFFFF here), without a printf per '<', '>' or '&' */
      static const char hex[] = "0123456789abcdef";
      char esc[6] = { '\\', 'u', hex[(u >> 12) & 0xF], hex[(u >> 8) & 0xF], hex[(u >> 4) & 0xF],
                      hex[u & 0xF] };
      g_string_append_len(out, esc, sizeof esc);
    }
    }
    p += n;
    run = p;
  }
  g_string_append_len(out, run, p - run);
  g_string_append_c(out, '"');
}

/* A member's start, `"NAME": `. */
static char *
json_member_prefix(const char *name, gconstpointer data)
{
  (void)data;
  GString *prefix = g_string_new(NULL);
  json_string(prefix, name);
  g_string_append(prefix, ": ");
  return g_string_free(prefix, FALSE);
}

/* Appends `"NAME": value` of attribute M of element ID. */
static void
json_member(GString *out, const igraph_t *g, igraph_attribute_elemtype_t domain, const EgAttrInfo *m,
            igraph_integer_t id)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *name = m->name;
  g_string_append_len(out, m->text, (gssize)m->text_len);
  if (m->type == IGRAPH_ATTRIBUTE_STRING) {
    json_string(out, domain == IGRAPH_ATTRIBUTE_GRAPH ? igraph_cattribute_GAS(g, name)
                     : domain == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAS(g, name, id)
                                                         : igraph_cattribute_EAS(g, name, id));
  } else if (m->type == IGRAPH_ATTRIBUTE_NUMERIC) {
    double v = eg_export_attr_number(g, domain, m, id);
    if (isfinite(v) && m->integer && v > -9.2e18 && v < 9.2e18) {
      /* eg_export_number's digits, straight into OUT */
      g_string_append_len(out, buf, (gssize)eg_export_integer(buf, (gint64)v));
    } else {
      g_string_append(out, isfinite(v) ? eg_export_number(buf, v, m->integer) : "null");
    }
  } else if (m->type == IGRAPH_ATTRIBUTE_BOOLEAN) {
    gboolean b = domain == IGRAPH_ATTRIBUTE_GRAPH ? igraph_cattribute_GAB(g, name)
                 : domain == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAB(g, name, id)
                                                     : igraph_cattribute_EAB(g, name, id);
    g_string_append(out, b ? "true" : "false");
  } else {
    g_string_append(out, "null");
  }
}

/* Appends a member for every attribute of element ID, each after ", " unless FIRST and the
 * first. */
static void
json_members(GString *out, const igraph_t *g, igraph_attribute_elemtype_t domain,
             const EgAttrInfo *list, igraph_integer_t id, gboolean first)
{
  for (const EgAttrInfo *m = list; m->name; m++) {
    if (!first)
      g_string_append_len(out, ", ", 2);
    first = FALSE;
    json_member(out, g, domain, m, id);
  }
}

gboolean
eg_export_json(const igraph_t *g, FILE *stream, GError **error)
{
  EgAttrLists a;
  eg_export_attr_lists_init(&a, g);
  EgAttrInfo *gmembers = eg_export_attr_infos(&a.gnames, &a.gtypes, json_member_prefix, NULL);
  EgAttrInfo *vmembers = eg_export_attr_infos(&a.vnames, &a.vtypes, json_member_prefix, NULL);
  EgAttrInfo *emembers = eg_export_attr_infos(&a.enames, &a.etypes, json_member_prefix, NULL);
  eg_export_attr_fetch(vmembers, g, IGRAPH_ATTRIBUTE_VERTEX);
  eg_export_attr_fetch(emembers, g, IGRAPH_ATTRIBUTE_EDGE);
  GString *out = g_string_sized_new(4096);
  g_string_append(out, "{\"directed\": false, \"multigraph\": false,\n \"graph\": {");
  json_members(out, g, IGRAPH_ATTRIBUTE_GRAPH, gmembers, 0, TRUE);
  g_string_append(out, "},\n \"nodes\": [");
  /* Written a line at a time so a large graph never sits in memory twice. */
  gboolean ok = TRUE;
  for (igraph_integer_t v = 0; v < igraph_vcount(g) && ok; v++) {
    char id[32];
    g_string_append(out, v ? ",\n  {\"id\": \"" : "\n  {\"id\": \"");
    g_string_append(out, eg_export_id(id, 'n', v));
    g_string_append_c(out, '"');
    json_members(out, g, IGRAPH_ATTRIBUTE_VERTEX, vmembers, v, FALSE);
    g_string_append_c(out, '}');
    ok = fwrite(out->str, 1, out->len, stream) == out->len;
    g_string_truncate(out, 0);
  }
  g_string_append(out, igraph_vcount(g) ? "\n ],\n \"links\": [" : "],\n \"links\": [");
  for (igraph_integer_t e = 0; e < igraph_ecount(g) && ok; e++) {
    /* igraph stores an undirected edge larger end first; the contract is source < target. */
    igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);
    char src[32], dst[32];
    g_string_append(out, e ? ",\n  {\"source\": \"" : "\n  {\"source\": \"");
    g_string_append(out, eg_export_id(src, 'n', MIN(from, to)));
    g_string_append(out, "\", \"target\": \"");
    g_string_append(out, eg_export_id(dst, 'n', MAX(from, to)));
    g_string_append_c(out, '"');
    json_members(out, g, IGRAPH_ATTRIBUTE_EDGE, emembers, e, FALSE);
    g_string_append_c(out, '}');
    ok = fwrite(out->str, 1, out->len, stream) == out->len;
    g_string_truncate(out, 0);
  }
  g_string_append(out, igraph_ecount(g) ? "\n ]}\n" : "]}\n");
  if (ok)
    ok = fwrite(out->str, 1, out->len, stream) == out->len;
  g_string_free(out, TRUE);
  eg_export_attr_infos_free(gmembers);
  eg_export_attr_infos_free(vmembers);
  eg_export_attr_infos_free(emembers);
  eg_export_attr_lists_destroy(&a);
  if (!ok || fflush(stream) != 0 || ferror(stream)) {
    int e = errno;
    g_set_error(error, EG_ERROR, EG_ERROR_OUTPUT, "cannot write JSON (%s)", g_strerror(e));
    return FALSE;
  }
  return TRUE;
}
