/* cooc.h: the counting stage's contract: windows, per-entity and per-pair counts, and the
 * corpus-level consolidation that turns summed counts into graph nodes and edges.
 *
 * Invariants: counts only grow by whole documents; two EgCounts with the same header add up
 * exactly (eg_counts_merge); everything right of counting sees only counts, so threads, merged
 * partial runs and a single run give one graph.
 */
#ifndef EG_COOC_H
#define EG_COOC_H

#include <stdio.h>

#include "resolve/resolve.h"

/* One surface form of an entity and how often it was written so. */
typedef struct {
  const char *text;           /* owned by the counts */
  guint64 count;
} EgSurfaceCount;

/* The counts of one entity. Its counts own it and its strings; it never moves, so a pointer to
 * it stays good as long as its counts. */
typedef struct {
  const char *label;          /* owned by the counts */
  guint id;                   /* its number in its counts (eg_counts_entity_by_id): pairs name
                                 their entities by it */
  guint64 mentions;           /* mentions in all documents */
  guint64 documents;          /* documents it occurs in */
  guint64 windows;            /* windows it occurs in */
  guint64 votes[EG_N_TYPES];  /* summed type evidence */
  EgSurfaceCount *surfaces;   /* its N_SURFACES distinct surface forms, in no set order
                                 (eg_entity_counts_add_surface adds) */
  guint n_surfaces;
  /* private */
  guint surfaces_cap;
  GHashTable *surface_index;  /* form -> its index + 1, once an entity has many; else NULL */
  EgSurfaceCount first;       /* where the first form lives: most entities have one */
} EgEntityCounts;

/* The evidence of one pair. WINDOWS comes first: code that only wants the windows may read the
 * value as a guint64*. */
typedef struct {
  guint64 windows;            /* windows the two share */
  guint64 documents;          /* documents in which they share a window */
  char *example_key;          /* "DOCUMENT\tPOSITION" of the example (see the X record), or NULL;
                                 owned by the counts, shared by the pairs of one example */
  char *example;              /* the example sentence (at most EG_EXAMPLE_MAX bytes), or NULL;
                                 follows EXAMPLE_KEY's NUL */
  guint a, b;                 /* the ids of its two entities, A < B (not byte order of labels) */
} EgPairCounts;

/* The default of EgCounts.max_entities: ten times the most distinct entities a sentence of
 * the 17 MB Reuters corpus names (38), and three times the most a document of the development
 * set does (168), so that only lists reach it; a window at the limit makes 124,750 pairs. */
#define EG_WINDOW_MAX_ENTITIES 500u
/* The largest limit a user may set: a window at it makes 2 million pairs, which took 400 MB in a
 * document of short sentences and 2.1 GB (12.8 s) as one sentence of names, where each pair has
 * an example cut of its own. "No limit" is not offered: 66,000 names in one window overflowed
 * the guint count of a part's pair occurrences, and would have needed some 2 TB. */
#define EG_WINDOW_MAX_ENTITIES_CAP 2000u

/* An example sentence is cut to at most this many bytes (UTF-8, "…" marking a cut). */
#define EG_EXAMPLE_MAX 300

typedef struct EgCountScratch EgCountScratch;
typedef struct EgExamples EgExamples;

typedef struct {
  EgWindowKind window;
  guint window_size;          /* tokens per window for EG_WINDOW_TOKENS, else 0 */
  EgParagraphMode paragraphs; /* how paragraphs were split (shapes paragraph windows) */
  const EgRules *rules;       /* the user's aliases and stop list, or NULL (not owned) */
  GHashTable *entities;       /* label -> EgEntityCounts* (owned by the counts, not the table) */
  GHashTable *pairs;          /* a set of EgPairCounts*, told apart by their entity ids */
  guint64 documents;
  guint64 windows;
  /* A window naming more than MAX_ENTITIES distinct entities counts them (mentions, windows)
   * but none of its pairs: it is a list or a table, not prose, and its k entities would make
   * k(k-1)/2 pairs (3,000 names in one 39 KB "sentence": 4.5 million); nor, but in windows of
   * words, is a sentence naming more than this an example. From 2 to
   * EG_WINDOW_MAX_ENTITIES_CAP. Part of the header: counts with other limits do not merge. */
  guint max_entities;
  guint64 crowded;            /* windows whose pairs went uncounted for that (not in the header
                                 or the records: a note for whoever counted; eg_counts_crowded) */
  /* Counting by period (--slice): documents go, by their date, into the counts of their period
   * and these counts stay empty. NONE: no periods. */
  EgSlice slice;
  GHashTable *periods;        /* period name -> EgCounts* (slice NONE, same header), or NULL */
  /* private: where entities, pairs and strings live. Entities and pairs are allocated in
   * blocks, labels and forms in one string chunk: counts are made of hundreds of thousands of
   * small things, and the corpus's counts are freed at exit. */
  GHashTable *labels_only;    /* label -> EgEntityCounts* of a label only pairs name (counts
                                 read from text may hold such pairs); not in ENTITIES */
  GPtrArray *entity_blocks;
  guint n_ids;                /* entities (and labels_only) made: the next id */
  GPtrArray *pair_blocks;
  guint pairs_in_block;       /* pairs used in the last block */
  GStringChunk *strings;
  struct EgCountScratch *scratch; /* buffers counting reuses from one document to the next */
  EgExamples *examples;       /* the pairs' examples, each stored once; NULL until one */
  char *crowded_key;          /* of the crowded windows' documents, the least example key
                                 (eg_counts_example_key, sentence 0), and its document's id */
  char *crowded_doc;
} EgCounts;

/* A new, empty count table (transfer full, eg_counts_free). SIZE is the token window size for
 * EG_WINDOW_TOKENS and ignored otherwise. This function can't fail. */
EgCounts *eg_counts_new(EgWindowKind window, guint size);
void eg_counts_free(EgCounts *counts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(EgCounts, eg_counts_free)

/* The counts of LABEL in C, created empty when absent (transfer none). This function can't fail. */
EgEntityCounts *eg_counts_entity(EgCounts *c, const char *label);

/* The entity (or label only pairs name) numbered ID in C (transfer none); ID < C->n_ids.
 * Time: O(1). */
EgEntityCounts *eg_counts_entity_by_id(const EgCounts *c, guint id);

/* The label of the entity numbered ID in C (transfer none). */
#define eg_counts_label(c, id) (eg_counts_entity_by_id((c), (id))->label)

/* Adds N to the count of the surface form TEXT of E, an entity of C. This function can't fail.
 * Time: O(1) for an entity of few forms, else a hash lookup. */
void eg_entity_counts_add_surface(EgCounts *c, EgEntityCounts *e, const char *text, guint64 n);

/* The count of the form TEXT of E, 0 when E has none. */
guint64 eg_entity_counts_surface(const EgEntityCounts *e, const char *text);

/* The counts of the pair of labels A, B (either order), or NULL when C has none (transfer none). */
EgPairCounts *eg_counts_pair(const EgCounts *c, const char *a, const char *b);

/* Adds one document DOC (NULL: no examples are kept): its segmentation, mentions and their
 * resolution. Each unordered pair of distinct entities counts once per window they share and once
 * per document; its example is the sentence naming both with the smallest key (DOCUMENT,
 * POSITION) of all documents counted (eg_counts_example_key). Time: O(m + p) for m mentions and
 * p pairs in the document's windows and sentences. This function can't fail. */
void eg_counts_add_document(EgCounts *counts, const EgDocument *doc, const EgSegmentation *seg,
                            GArray *mentions, const EgResolution *res);

/* The labels a long document has counted in its earlier parts, so that each entity counts the
 * document once. Thread-safe: the parts of one document may be counted by different workers.
 * Transfer full: eg_doc_parts_unref (accepts NULL). */
typedef struct EgDocParts EgDocParts;
EgDocParts *eg_doc_parts_new(void);
EgDocParts *eg_doc_parts_ref(EgDocParts *parts);
void eg_doc_parts_unref(EgDocParts *parts);

/* As eg_counts_add_document, for one part of a long document: PARTS holds what its other parts
 * counted (NULL for a whole document) and FIRST says whether this part counts the document. */
void eg_counts_add_part(EgCounts *counts, const EgDocument *doc, const EgSegmentation *seg,
                        GArray *mentions, const EgResolution *res, EgDocParts *parts, gboolean first);

/* Adds evidence of the pair A, B (either order, A != B) to COUNTS: WINDOWS and DOCUMENTS add up;
 * EXAMPLE (with its EXAMPLE_KEY; both NULL for none) replaces the pair's example when
 * (EXAMPLE_KEY, EXAMPLE) is smaller in byte order. Returns the pair's counts (owned by COUNTS). */
EgPairCounts *eg_counts_add_pair(EgCounts *counts, const char *a, const char *b, guint64 windows,
                                 guint64 documents, const char *example_key, const char *example);

/* The ordering key of sentence SENTENCE of part PART of the document with id DOC_ID:
 * "DOCUMENT\tPOSITION", where DOCUMENT is the id with control characters as spaces and a
 * trailing number zero-padded to 12 digits (so "feed.jsonl:9" sorts before "feed.jsonl:10"), and
 * POSITION is "PPPPP.SSSSSSSSSS" (part, then sentence number in the part, zero-padded). Keys
 * compare in byte order: the example of a pair is the minimum, whatever order documents are
 * counted and summed in (transfer full). */
char *eg_counts_example_key(const char *doc_id, guint part, guint sentence);

/* The windows of C and its periods whose pairs went uncounted (EgCounts.max_entities); sets
 * *FIRST_DOC (may be NULL) to the id of the document, first in example-key order, that has one,
 * or NULL (transfer none). */
guint64 eg_counts_crowded(const EgCounts *c, const char **first_doc);

/* New, empty counts with C's header (window, paragraph mode, rules, max_entities) and no slice
 * (transfer full). */
EgCounts *eg_counts_new_like(const EgCounts *c);

/* The counts of period NAME in C (C->slice is not NONE), created empty when absent
 * (transfer none). */
EgCounts *eg_counts_period(EgCounts *c, const char *name);

/* The names of C's periods in time order (transfer container; the names are C's). */
GPtrArray *eg_counts_period_names(const EgCounts *c);

/* The sum of C's periods: new counts with C's header and no periods (transfer full). */
EgCounts *eg_counts_sum_periods(const EgCounts *c);

/* Adds FROM into INTO, period by period when they have periods. Returns FALSE and sets ERROR
 * (nothing changes) when their headers (window, paragraph mode, max_entities, slice) differ. */
gboolean eg_counts_merge(EgCounts *into, const EgCounts *from, GError **error);
/* As eg_counts_merge, moving the periods INTO lacks out of FROM rather than copying them; FROM is
 * freed whatever the result (transfer full). */
gboolean eg_counts_merge_take(EgCounts *into, EgCounts *from, GError **error);

/* Parses "sentence", "paragraph", "document" or a positive number of tokens. */
gboolean eg_window_parse(const char *s, EgWindowKind *kind, guint *size);
/* The name eg_window_parse reads back ("sentence", "50") (transfer full). */
char *eg_window_name(EgWindowKind kind, guint size);
/* Parses a limit of EgCounts.max_entities: a number from 2 to EG_WINDOW_MAX_ENTITIES_CAP. */
gboolean eg_max_entities_parse(const char *s, guint *max);

/* ---- counts as text: the map and reduce steps of `entgraph count` and `entgraph merge` -------
 *
 * One record a line, tab-separated: three key fields, then the values. Sorted in byte order
 * (LC_ALL=C sort), equal keys are adjacent. Labels, surface forms, document ids and examples never
 * hold tabs or line breaks. How records with equal keys reduce depends on the kind alone:
 *   #  entgraph-counts  3 window=W paragraphs=P lexicon=L [max-entities=M] rules=R
 *                                                    header: no values; must agree (M: only when
 *                                                    not EG_WINDOW_MAX_ENTITIES)
 *   E  LABEL            n   MENTIONS DOCUMENTS WINDOWS VOTES_PERSON VOTES_ORG VOTES_LOC VOTES_MISC
 *   P  LABEL_A          LABEL_B   WINDOWS DOCUMENTS            (LABEL_A < LABEL_B in byte order)
 *   S  LABEL            SURFACE   COUNT
 *   T  -                -         DOCUMENTS WINDOWS
 *   X  LABEL_A          LABEL_B   DOCUMENT POSITION SENTENCE   (the pair's example)
 * E, P, S, T: unsigned decimal values that add up value by value. X: three text values (see
 * eg_counts_example_key; SENTENCE as in EgPairCounts) that are not summed: of equal keys the
 * record whose value (the rest of the line) is smallest in byte order is kept, which is the one
 * LC_ALL=C sort puts first. Both reductions are associative and commutative.
 */
#define EG_COUNTS_FORMAT "entgraph-counts"
#define EG_COUNTS_VERSION "3"

/* The header's third field for COUNTS: "3 window=sentence paragraphs=auto lexicon=1 rules=-"
 * (rules: a digest of the --aliases and --stoplist files, "-" for none; a max-entities=M field
 * before it when the limit is not the default) (transfer full). */
char *eg_counts_header(const EgCounts *counts);

/* Writes COUNTS as sorted records to OUT. Returns FALSE and sets ERROR on a write error.
 * Time: O(r log r) for r records. */
gboolean eg_counts_write(const EgCounts *counts, FILE *out, GError **error);

/* Reads records from IN (named NAME in messages; any order) and adds them to *COUNTS, creating
 * it from the header when *COUNTS is NULL. Returns FALSE and sets ERROR on a malformed line
 * (EG_ERROR_BAD_COUNTS, "NAME: line N: ...") or a header that disagrees with *COUNTS
 * (EG_ERROR_HEADER); what was read before stays added. */
gboolean eg_counts_read(EgCounts **counts, const char *name, FILE *in, GError **error);

/* Sums N sorted record streams into OUT, holding one line per stream (a k-way merge).
 * Returns FALSE and sets ERROR on a malformed or unsorted line or no header at the start
 * (EG_ERROR_BAD_COUNTS), headers that disagree (EG_ERROR_HEADER), or a write error
 * (EG_ERROR_OUTPUT). */
gboolean eg_counts_merge_streams(FILE *const *ins, const char *const *names, guint n, FILE *out,
                                 GError **error);

/* ---- consolidation ------------------------------------------------------------------------- */

typedef struct {
  char *label;
  EgEntityType type;
  guint64 mentions;
  guint64 documents;
  guint64 windows;            /* windows it occurs in (summed over merged names) */
  char *aliases;              /* other surface forms, most frequent first, "|"-separated */
  guint64 votes[EG_N_TYPES];  /* the type evidence of all its mentions: why it has its type */
  char *forms;                /* every surface form with its count, "Trump 5|Donald Trump 1" */
} EgNode;

/* Frees the strings of NODE (not NODE itself): the clear function of every array of nodes. */
void eg_node_clear(gpointer node);

typedef struct {
  guint source, target;       /* node indices, source < target */
  guint64 count;              /* windows shared */
  guint64 documents;          /* documents shared, summed over the pairs merged onto the edge
                                 (approximate when one document used two merged names) */
  const char *example;        /* the smallest example of those pairs (owned by the table's
                                 EXAMPLES), or NULL */
} EgEdge;

typedef struct {
  GArray *nodes;              /* of EgNode, sorted by label (byte order) */
  GArray *edges;              /* of EgEdge, sorted by (source, target) */
  guint64 documents;
  guint64 windows;
  GStringChunk *examples;     /* owns the edges' example strings (one block for them all, not
                                 a block each); may be NULL */
} EgNodeTable;

/* Takes the corpus-level decisions on summed COUNTS: spellings that differ only by case, hyphen
 * or period join; a lone surname joins the one full person name it ends; an acronym joins the
 * one multi-word organisation or place it spells; each node's type is the vote of all its
 * mentions. Returns a new table (transfer full, eg_node_table_free). This function can't fail.
 * Time: O(e^2) name comparisons for e distinct short names and e names. */
EgNodeTable *eg_consolidate(const EgCounts *counts);
void eg_node_table_free(EgNodeTable *table);

/* The decisions of eg_consolidate (which names make one node, and its type), taken once on
 * WHOLE counts so that they can be applied to parts of them (the periods of --slice): a name is
 * the same node, of the same type, in every part, and the parts' tables sum to the whole's.
 * Transfer full (eg_merges_free). */
typedef struct EgMerges EgMerges;
EgMerges *eg_merges_new(const EgCounts *whole);
void eg_merges_free(EgMerges *merges);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(EgMerges, eg_merges_free)

/* As eg_consolidate, with the decisions MERGES took on counts COUNTS are part of (a name they
 * never saw is a node of its own, typed by its own votes). */
EgNodeTable *eg_consolidate_with(const EgCounts *counts, const EgMerges *merges);

/* The type of an entity from its summed VOTES, or with none from the shape of its LABEL (the
 * rule eg_consolidate uses for nodes). */
EgEntityType eg_entity_type_guess(const guint64 *votes, const char *label);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(EgNodeTable, eg_node_table_free)

#endif
