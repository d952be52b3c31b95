/* pipeline.h: the left half of the pipeline in one call: sources -> segment -> entities ->
 * resolve -> count. Everything right of it (consolidate, graph, export) sees only the counts. */
#ifndef EG_PIPELINE_H
#define EG_PIPELINE_H

#include "cooc/cooc.h"

/* Called after each document with the totals so far (documents, bytes of text). */
typedef void (*EgProgressFunc)(guint64 documents, guint64 bytes, gpointer user_data);

typedef struct {
  EgSourceOptions source;
  EgParagraphMode paragraphs;
  EgWindowKind window;
  guint window_size;
  guint jobs;                 /* worker threads; 0: one per processor */
  const EgRules *rules;       /* --aliases and --stoplist, or NULL (not owned) */
  EgSlice slice;              /* --slice: count each period apart (EgCounts.periods) */
  guint max_entities;         /* EgCounts.max_entities; 0: EG_WINDOW_MAX_ENTITIES */
  EgProgressFunc progress;    /* may be NULL; called on the reading thread */
  gpointer progress_data;
} EgCountOptions;

/* New, empty counts with the header OPTIONS give: window, paragraph mode, rules, max_entities
 * and slice (transfer full). */
EgCounts *eg_pipeline_counts_new(const EgCountOptions *options);

/* The number of worker threads used when none is asked for: one per processor. */
guint eg_pipeline_default_jobs(void);

/* Reads INPUTS and counts them, on OPTIONS->jobs threads (the counts are the same for any
 * number). Problems go to REPORT_FN and the batch goes on; *FATAL receives
 * the number of inputs (or JSON lines) that could not be read. Returns the counts (transfer full,
 * eg_counts_free). Time: linear in the input. */
EgCounts *eg_pipeline_count(const char *const *inputs, const EgCountOptions *options,
                            EgReportFunc report_fn, gpointer user_data, guint *fatal);

/* Runs segment, entities, the user's rules (COUNTS->rules) and resolve on one document and adds
 * it to COUNTS. */
void eg_pipeline_count_document(EgCounts *counts, const EgDocument *doc, EgParagraphMode paragraphs);

#endif
