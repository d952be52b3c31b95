/* cooc.h: the counting stage's contract: windows, per-entity and per-pair counts, and the
 * corpus-level consolidation that turns summed counts into graph nodes and edges.
 *
 * Invariants: counts only grow by whole documents; two EgCounts with the same header add up
 * exactly (eg_counts_merge); everything right of counting sees only counts, so threads, merged
 * partial runs and a single run give one graph.
 */
#ifndef EG_COOC_H
#define EG_COOC_H

#include "resolve/resolve.h"

typedef struct {
  char *label;
  guint64 mentions;           /* mentions in all documents */
  guint64 documents;          /* documents it occurs in */
  guint64 windows;            /* windows it occurs in */
  guint64 votes[EG_N_TYPES];  /* summed type evidence */
  GHashTable *surfaces;       /* surface form -> guint64* count */
} EgEntityCounts;

typedef struct {
  EgWindowKind window;
  guint window_size;          /* tokens per window for EG_WINDOW_TOKENS, else 0 */
  GHashTable *entities;       /* label -> EgEntityCounts* */
  GHashTable *pairs;          /* "A\x1fB" with A < B in byte order -> guint64* windows shared */
  guint64 documents;
  guint64 windows;
} EgCounts;

/* A new, empty count table (transfer full, eg_counts_free). SIZE is the token window size for
 * EG_WINDOW_TOKENS and ignored otherwise. This function can't fail. */
EgCounts *eg_counts_new(EgWindowKind window, guint size);
void eg_counts_free(EgCounts *counts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(EgCounts, eg_counts_free)

/* Adds one document: its segmentation, mentions and their resolution. Each unordered pair of
 * distinct entities counts once per window they share. Time: O(m + p) for m mentions and p
 * pairs in the document's windows. This function can't fail. */
void eg_counts_add_document(EgCounts *counts, const EgSegmentation *seg, GArray *mentions,
                            const EgResolution *res);

/* Adds FROM into INTO. Returns FALSE and sets ERROR (nothing changes) when their windows differ. */
gboolean eg_counts_merge(EgCounts *into, const EgCounts *from, GError **error);

/* Parses "sentence", "paragraph", "document" or a positive number of tokens. */
gboolean eg_window_parse(const char *s, EgWindowKind *kind, guint *size);

/* ---- consolidation ------------------------------------------------------------------------- */

typedef struct {
  char *label;
  EgEntityType type;
  guint64 mentions;
  guint64 documents;
  guint64 windows;            /* windows it occurs in (summed over merged names) */
  char *aliases;              /* other surface forms, most frequent first, "|"-separated */
} EgNode;

typedef struct {
  guint source, target;       /* node indices, source < target */
  guint64 count;              /* windows shared */
} EgEdge;

typedef struct {
  GArray *nodes;              /* of EgNode, sorted by label (byte order) */
  GArray *edges;              /* of EgEdge, sorted by (source, target) */
  guint64 documents;
  guint64 windows;
} EgNodeTable;

/* Takes the corpus-level decisions on summed COUNTS: spellings that differ only by case, hyphen
 * or period join; a lone surname joins the one full person name it ends; an acronym joins the
 * one multi-word organisation or place it spells; each node's type is the vote of all its
 * mentions. Returns a new table (transfer full, eg_node_table_free). This function can't fail.
 * Time: O(e^2) name comparisons for e distinct short names and e names. */
EgNodeTable *eg_consolidate(const EgCounts *counts);
void eg_node_table_free(EgNodeTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(EgNodeTable, eg_node_table_free)

#endif
