/* pipeline.c: one document at a time through segmentation, entities, resolution and counting.
 * Memory held between documents is the counts only. */
#include "cooc/pipeline.h"

void
eg_pipeline_count_document(EgCounts *counts, const EgDocument *doc, EgParagraphMode paragraphs)
{
  g_autoptr(EgSegmentation) seg = eg_segment(doc->text, doc->len, paragraphs);
  GArray *mentions = eg_ner_find(doc->text, seg);
  g_autoptr(EgResolution) res = eg_resolve_document(mentions);
  eg_counts_add_document(counts, seg, mentions, res);
  g_array_unref(mentions);
}

typedef struct {
  EgCounts *counts;
  const EgCountOptions *options;
  guint64 bytes;
} PipelineCtx;

static void
pipeline_doc(const EgDocument *doc, gpointer user_data)
{
  PipelineCtx *ctx = user_data;
  eg_pipeline_count_document(ctx->counts, doc, ctx->options->paragraphs);
  ctx->bytes += doc->len;
  if (ctx->options->progress)
    ctx->options->progress(ctx->counts->documents, ctx->bytes, ctx->options->progress_data);
}

EgCounts *
eg_pipeline_count(const char *const *inputs, const EgCountOptions *options, EgReportFunc report_fn,
                  gpointer user_data, guint *fatal)
{
  g_return_val_if_fail(inputs != NULL && options != NULL, NULL);
  PipelineCtx ctx = { eg_counts_new(options->window, options->window_size), options, 0 };
  ctx.counts->paragraphs = options->paragraphs;
  /* REPORT_FN gets USER_DATA; the document callback gets the pipeline's own context. */
  guint f = eg_sources_read(inputs, &options->source, pipeline_doc, &ctx, report_fn, user_data);
  if (fatal)
    *fatal = f;
  return ctx.counts;
}
