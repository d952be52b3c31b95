/* export.h: the export stage's contract: writing the graph for the tools people use.
 *
 * Invariants: a regular output file is written to a temporary file beside it and renamed, so a
 * failed run never leaves a half-written file; "-" and non-regular paths (/dev/stdout, a pipe)
 * are written directly. Data formats keep every node and edge of the graph; pictures show at
 * most a given number of nodes, the most mentioned. Output depends only on the graph, never on
 * the locale, hash order or time. Graphviz calls stay on one thread.
 */
#ifndef EG_EXPORT_H
#define EG_EXPORT_H

#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <string.h>

#include "graph/graph.h"
#include "graph/analysis.h"

typedef enum {
  EG_FORMAT_GRAPHML, EG_FORMAT_DOT, EG_FORMAT_SVG, EG_FORMAT_PNG, EG_FORMAT_PDF, EG_FORMAT_TSV,
  EG_FORMAT_GEXF, EG_FORMAT_CSV, EG_FORMAT_JSON
} EgFormat;

/* Default most nodes a picture shows. */
#define EG_PICTURE_MAX_NODES 150

/* What fills a node in DOT and pictures: its type, or its community (vertex attribute
 * "community", from eg_graph_metrics; type when the graph has none). */
typedef enum { EG_COLOR_TYPE, EG_COLOR_COMMUNITY } EgColor;

typedef struct {
  guint max_nodes;            /* most nodes shown */
  EgRank rank;                /* which are shown: the most central by this */
  EgColor color;
} EgPictureOptions;

/* The format named NAME ("graphml", "dot", "gv", "svg", "png", "pdf", "tsv", "gexf", "csv",
 * "json"). */
gboolean eg_format_from_name(const char *name, EgFormat *format);
/* The format that PATH's extension names; FALSE when it names none. */
gboolean eg_format_from_path(const char *path, EgFormat *format);

/* ---- atomic output files ---- */
typedef struct EgOutput EgOutput;
/* Opens PATH for writing ("-" is stdout). Returns NULL and sets ERROR when the temporary file
 * cannot be made. Transfer full: finish with eg_output_commit or eg_output_abort. */
EgOutput *eg_output_open(const char *path, GError **error);
FILE *eg_output_stream(EgOutput *out);
/* A temporary path beside the output for writers that need a file name (transfer none). */
const char *eg_output_path(EgOutput *out);
/* Flushes, closes and renames into place; frees OUT. On error the temporary file is removed,
 * FALSE is returned and ERROR set. */
gboolean eg_output_commit(EgOutput *out, GError **error);
/* Closes and removes the temporary file; frees OUT. Accepts NULL. */
void eg_output_abort(EgOutput *out);
/* Commits N outputs as one: every stream is flushed and closed first, and only when all were
 * written whole are the temporary files renamed into place (otherwise all are removed and none
 * replaces its target). Frees every OUTS[i]. */
gboolean eg_output_commit_all(EgOutput **outs, guint n, GError **error);

/* ---- writers: each writes GRAPH to STREAM and returns FALSE with ERROR set on failure ---- */
gboolean eg_export_graphml(const igraph_t *graph, FILE *stream, GError **error);
/* DOT coloured by type; eg_export_dot_color chooses. */
gboolean eg_export_dot(const igraph_t *graph, FILE *stream, GError **error);
gboolean eg_export_dot_color(const igraph_t *graph, EgColor color, FILE *stream, GError **error);
/* Renders at most MAX_NODES nodes (the most mentioned, ties by label) with Graphviz to FORMAT
 * (svg, png or pdf), coloured by type; *SHOWN receives the number of nodes drawn.
 * eg_export_picture_with chooses the nodes by OPTIONS->rank and the colouring. */
gboolean eg_export_picture(const igraph_t *graph, EgFormat format, guint max_nodes, FILE *stream,
                           guint *shown, GError **error);
gboolean eg_export_picture_with(const igraph_t *graph, EgFormat format, const EgPictureOptions *options,
                                FILE *stream, guint *shown, GError **error);
/* Frees the Graphviz context pictures share; call once at exit, after the last picture. */
void eg_export_cleanup(void);
/* The entity table: label, type, mentions, documents, aliases, then the metrics the graph has
 * (degree, strength, pagerank, betweenness, community, component); most mentioned first. */
gboolean eg_export_tsv(const igraph_t *graph, FILE *stream, GError **error);
/* GEXF 1.2 (namespace http://www.gexf.net/1.2draft): undirected, node ids n0.. as in GraphML,
 * the label on <node>, the weight on <edge>, every other attribute typed (string, long, double)
 * in <attributes class="node"|"edge">; the graph's attributes go to <meta><description>. */
gboolean eg_export_gexf(const igraph_t *graph, FILE *stream, GError **error);
/* Gephi's spreadsheet CSV (RFC 4180 quoting): the node table (Id, Label, then every other vertex
 * attribute: type, mentions, documents, aliases, the metrics) and the edge table (Source, Target,
 * Type=Undirected, Weight, then every other edge attribute: count, ...). */
gboolean eg_export_csv_nodes(const igraph_t *graph, FILE *stream, GError **error);
gboolean eg_export_csv_edges(const igraph_t *graph, FILE *stream, GError **error);
/* The two file names that `-o PATH` in CSV means: PATH without a final ".csv" (any case), then
 * ".nodes.csv" and ".edges.csv" (transfer full). */
void eg_export_csv_paths(const char *path, char **nodes, char **edges);
/* Writes both tables of PATH (eg_export_csv_paths) atomically as a pair: both are written to
 * temporary files and renamed only when both are whole. PATH must not be "-". */
gboolean eg_export_csv(const igraph_t *graph, const char *path, GError **error);
/* d3's node-link JSON: {"directed": false, "multigraph": false, "graph": {...}, "nodes": [{"id":
 * "n0", ...every vertex attribute}], "links": [{"source": "n0", "target": "n1", ...every edge
 * attribute}]}; integers as integers, metrics not computed as null; <, >, & and control
 * characters \u-escaped, so it can be inlined in an HTML <script>. Reads with
 * networkx.node_link_graph. */
gboolean eg_export_json(const igraph_t *graph, FILE *stream, GError **error);
/* The vertex metrics in the order outputs write them (NULL-terminated). */
extern const char *const eg_export_metric_names[];

/* ---- helpers shared by the writers ---- */
/* The attributes a graph carries, per domain, in igraph's order (names and
 * igraph_attribute_type_t values). */
typedef struct {
  igraph_strvector_t gnames, vnames, enames;
  igraph_vector_int_t gtypes, vtypes, etypes;
} EgAttrLists;

/* What a writer needs of one attribute, worked out once per file rather than once per element:
 * most of a large file is attribute values. */
typedef struct {
  const char *name;             /* the attribute (the name list's string) */
  char *text;                   /* the writer's own form of the name: a GraphML key, a GEXF id,
                                   a JSON member's `"NAME": ` */
  gsize text_len;               /* strlen(text) */
  igraph_attribute_type_t type;
  gboolean integer;             /* eg_export_attr_is_integer, for a numeric attribute */
  gboolean fetched;             /* NUMBERS holds a numeric attribute's values (eg_export_attr_fetch) */
  igraph_vector_t numbers;
  igraph_integer_t n_numbers;   /* their number: read for every value, without a call into igraph */
} EgAttrInfo;

/* Makes the TEXT of attribute NAME (transfer full), or NULL to leave the attribute out. */
typedef char *(*EgAttrTextFunc)(const char *name, gconstpointer data);

/* The attributes of NAMES (with their TYPES) that TEXT_FN keeps, in order, ended by one with a
 * NULL name (transfer full: eg_export_attr_infos_free). */
EgAttrInfo *eg_export_attr_infos(const igraph_strvector_t *names, const igraph_vector_int_t *types,
                                 EgAttrTextFunc text_fn, gconstpointer data);
void eg_export_attr_infos_free(EgAttrInfo *infos);
/* Fetches the values of the numeric vertex or edge attributes of INFOS (of DOMAIN) once, so that
 * eg_export_xml_attr_text and the JSON writer read an array instead of looking the attribute up
 * by name for every element (igraph's lookup compares names one after another). */
void eg_export_attr_fetch(EgAttrInfo *infos, const igraph_t *graph, igraph_attribute_elemtype_t domain);
/* The value of attribute A of element ID (NAN when A was fetched and ID has none). */
double eg_export_attr_number(const igraph_t *graph, igraph_attribute_elemtype_t domain,
                             const EgAttrInfo *a, igraph_integer_t id);
void eg_export_attr_lists_init(EgAttrLists *lists, const igraph_t *graph);
void eg_export_attr_lists_destroy(EgAttrLists *lists);
/* Whether a numeric attribute holds whole numbers by contract (mentions, count, ...). */
gboolean eg_export_attr_is_integer(const char *name);
/* The XML Schema-like type GraphML and GEXF give attribute NAME of igraph TYPE: string, boolean,
 * long or double. This function can't fail. */
const char *eg_export_xml_type(const char *name, igraph_attribute_type_t type);
/* The text of attribute NAME (of TYPE) of element ID of DOMAIN, cleaned for XML, or NULL when it
 * has no value (a metric not computed, a type XML cannot hold) (transfer full). */
char *eg_export_xml_value(const igraph_t *graph, igraph_attribute_elemtype_t domain, const char *name,
                          igraph_attribute_type_t type, igraph_integer_t id);
/* As eg_export_xml_value, allocating only to clean: INTEGER is eg_export_attr_is_integer(NAME)
 * for a numeric attribute; the text returned is static, in BUF (G_ASCII_DTOSTR_BUF_SIZE bytes),
 * the graph's own string, or *TO_FREE (transfer full; NULL when nothing was allocated). */
const char *eg_export_xml_text(const igraph_t *graph, igraph_attribute_elemtype_t domain,
                               const char *name, igraph_attribute_type_t type, gboolean integer,
                               igraph_integer_t id, char *buf, char **to_free);
/* eg_export_xml_text of attribute A, reading its fetched values (eg_export_attr_fetch). */
const char *eg_export_xml_attr_text(const igraph_t *graph, igraph_attribute_elemtype_t domain,
                                    const EgAttrInfo *a, igraph_integer_t id, char *buf, char **to_free);
/* Writes TEXT as element content, escaped; as xmlTextWriterWriteString, without copying text
 * that needs no escaping. Returns what libxml2 returns (< 0 on error). */
int eg_export_xml_write_text(xmlTextWriterPtr w, const char *text);
/* Stops libxml2 printing its own I/O errors: the CLI prints one line of its own. */
void eg_export_xml_quiet(void);
/* Whether NAME surely goes out the same through xmlTextWriterWriteAttribute and as it is
 * (libxml2 escapes <, >, &, " and white space in attribute values): ASCII letters, digits and
 * "_-." only, as our attribute names are. Only such names are written raw (graphml.c). */
gboolean eg_export_xml_plain_name(const char *name);
/* Whether the TEXT of every attribute of INFOS is such a plain name. */
gboolean eg_export_attr_infos_plain(const EgAttrInfo *infos);
/* One level of indentation of the XML writers; runs of child elements written raw (see
 * graphml.c) indent with it as xmlTextWriter does. */
#define EG_XML_INDENT "  "
/* ---- raw runs (xmlraw.c): nodes and edges written as bytes, laid out as xmlTextWriter would ---- */
#define EG_XML_RAW_CHUNK (256u * 1024u)
typedef struct {
  xmlTextWriterPtr w;
  FILE *stream;         /* W's stream */
  char *buf;            /* EG_XML_RAW_CHUNK bytes */
  gsize len;
  gboolean direct;      /* W was flushed: bytes go to STREAM */
  int fd;               /* once direct, STREAM's descriptor (flushed) written to without stdio's
                           copy, or -1 (a stream without one: fwrite) */
  int rc;               /* < 0 once anything failed: a failed write(2) leaves no ferror on
                           STREAM, so callers must take the status from eg_xml_raw_end; and
                           nothing may ftell or fseek STREAM during a run */
  guint flushes;        /* times BUF was emptied: offsets into it from before are stale */
} EgXmlRaw;
/* Starts a run of bytes into W, whose current element's start tag may still be open. */
void eg_xml_raw_begin(EgXmlRaw *r, xmlTextWriterPtr w, FILE *stream);
/* Writes what is left and frees the buffer; returns the status (< 0 on error). W may be used
 * again after it, and a new run begun. */
int eg_xml_raw_end(EgXmlRaw *r);
void eg_xml_raw_put_slow(EgXmlRaw *r, const char *s, gsize n);
/* Appends N bytes of S. */
static inline void
eg_xml_raw_put(EgXmlRaw *r, const char *s, gsize n)
{
  if (G_UNLIKELY(r->len + n > EG_XML_RAW_CHUNK)) {
    eg_xml_raw_put_slow(r, s, n);
    return;
  }
  memcpy(r->buf + r->len, s, n);
  r->len += n;
}
#define EG_XML_RAW_LIT(r, lit) eg_xml_raw_put((r), "" lit, sizeof(lit) - 1)
/* Appends the decimal digits of V, written in place (ids: a million of them in a large file). */
static inline void
eg_xml_raw_u64(EgXmlRaw *r, guint64 v)
{
  if (G_UNLIKELY(r->len + EG_U64_DIGITS > EG_XML_RAW_CHUNK)) {
    char digits[EG_U64_DIGITS];
    eg_xml_raw_put_slow(r, digits, eg_u64_digits(digits, v));
    return;
  }
  r->len += eg_u64_digits(r->buf + r->len, v);
}
/* Element text S, cleaned and escaped as eg_export_xml_write_text writes it. */
void eg_xml_raw_text(EgXmlRaw *r, const char *s);
/* The length of the longest prefix of the N bytes of S that is printable ASCII other than <, >,
 * & and " (8 bytes at a time): text that XML attributes and JSON strings take as it is, but for
 * JSON's backslash. */
gsize eg_export_plain_prefix(const char *s, gsize n);
/* VALUE as eg_export_number writes it. */
void eg_xml_raw_number(EgXmlRaw *r, double value, gboolean integer);
/* Attribute value S (without its quotes), cleaned (eg_export_xml_cleaned) and escaped as
 * xmlTextWriterWriteAttribute escapes it. */
void eg_xml_raw_attr(EgXmlRaw *r, const char *s);
/* PREFIX, the id (TEXT) of each attribute of INFOS and SUFFIX: the start of each attribute's
 * element ("      <data key=\"v_label\">"), made once per file, with their lengths in *LENS
 * (transfer full, both). */
char **eg_xml_raw_opens(const EgAttrInfo *infos, const char *prefix, const char *suffix,
                        gsize **lens);
/* Writes the value of attribute A (fetched: eg_export_attr_fetch) of vertex or edge ID of G as
 * the XML writers do: a string as element text or, with IN_ATTR, as an attribute value; a
 * number in its shortest form. First writes OPEN (OPEN_LEN bytes), and before it
 * BEFORE_FIRST when *ANY is FALSE, which it then sets. Returns FALSE, writing nothing, when the
 * element has no value (a metric not computed for it). */
gboolean eg_xml_raw_value(EgXmlRaw *r, const igraph_t *g, igraph_attribute_elemtype_t domain,
                          igraph_integer_t id, const EgAttrInfo *a, gboolean in_attr,
                          const char *open, gsize open_len, const char *before_first,
                          gboolean *any);
/* Starts an indented UTF-8 XML document on STREAM (libxml2 kept quiet). Returns NULL when
 * libxml2 cannot (transfer full: end it with eg_export_xml_close). */
xmlTextWriterPtr eg_export_xml_open(FILE *stream);
/* Ends and frees the document W (NULL: opening failed); RC is the writer's status so far.
 * Returns FALSE and sets ERROR ("cannot write WHAT (reason)") when anything failed. */
gboolean eg_export_xml_close(xmlTextWriterPtr w, int rc, FILE *stream, const char *what, GError **error);
/* GRAPH's vertices, most mentioned first, ties by label: the order of the entity table and of
 * the picture's choice of nodes. Returns an array of vcount ids (transfer full, g_free). */
igraph_integer_t *eg_export_by_mentions(const igraph_t *graph);
/* VALUE with characters that XML 1.0 forbids removed (transfer full). */
char *eg_export_xml_clean(const char *value);
/* VALUE itself when it needs no cleaning, else its eg_export_xml_clean copy, also put in
 * *TO_FREE (transfer full; NULL when VALUE is returned). */
const char *eg_export_xml_cleaned(const char *value, char **to_free);
/* Whether the UTF-8 at P starts with U+FFFE or U+FFFF (EF BF BE, EF BF BF): of the characters
 * valid UTF-8 holds, the two XML refuses beside ASCII controls. Reads a byte only when the one
 * before it matched, so never past a NUL. */
static inline gboolean
eg_export_utf8_nonchar(const guchar *p)
{
  return p[0] == 0xEF && p[1] == 0xBF && (p[2] & 0xFE) == 0xBE;
}
/* PREFIX and the number V ("n42", the id of node 42), written into BUF (32 bytes) without printf:
 * every node writes its id and every edge two or three. Returns BUF. */
const char *eg_export_id(char *buf, char prefix, igraph_integer_t v);
/* A number in the shortest form that reads back exactly, "." as decimal point whatever the
 * locale; whole numbers without a fraction. BUF must hold G_ASCII_DTOSTR_BUF_SIZE bytes. */
const char *eg_export_number(char *buf, double value, gboolean integer);
/* eg_export_number, returning the length of the text in BUF: the writers' millions of numbers
 * are mostly whole or in number_fast's range, whose length is known without strlen. */
gsize eg_export_number_len(char *buf, double value, gboolean integer);
/* Writes V in decimal and a NUL into BUF (EG_U64_DIGITS + 1 bytes), as eg_export_number writes
 * a whole number; returns its length. */
gsize eg_export_integer(char *buf, gint64 v);

#endif
