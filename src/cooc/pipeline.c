/* pipeline.c: one document at a time through segmentation, entities, resolution and counting,
 * on one thread or on a pool of worker threads.
 *
 * Owns the threading of the left half of the pipeline. The reading thread hands copies of
 * documents to the workers in batches through a bounded queue (at most a few batches per worker
 * wait, so memory stays flat); each worker counts into counts of its own, and the partial counts are
 * merged at the end. Counts are sums, so the result does not depend on which worker took which
 * document: the output is byte-identical for every number of threads. igraph and Graphviz are
 * never called here.
 */
#include "cooc/pipeline.h"

/* Counts one document, or one part of a long one (PARTS: what its other parts counted). */
static void
pipeline_count_part(EgCounts *counts, const EgDocument *doc, EgParagraphMode paragraphs,
                    EgDocParts *parts)
{
  g_autoptr(EgSegmentation) seg = eg_segment(doc->text, doc->len, paragraphs);
  GArray *mentions = eg_ner_find(doc->text, seg);
  /* Before resolution and counting: a window holding two aliased names counts them once. */
  eg_rules_apply(counts->rules, mentions);
  g_autoptr(EgResolution) res = eg_resolve_document_with(mentions, counts->rules);
  eg_counts_add_part(counts, doc, seg, mentions, res, parts, doc->part == 0);
  g_array_unref(mentions);
}

void
eg_pipeline_count_document(EgCounts *counts, const EgDocument *doc, EgParagraphMode paragraphs)
{
  pipeline_count_part(counts, doc, paragraphs, NULL);
}

/* Jobs a worker may have waiting for it: enough to keep it busy, few enough to keep memory flat
 * whatever the corpus. */
#define QUEUE_PER_WORKER 4

/* A job is a batch of documents of about this much text (or this many): handing over documents
 * one at a time cost a few futex calls and context switches per news article, a tenth of the
 * CPU time of two threads. Small enough that the workers finish together. */
#define JOB_BYTES (64u * 1024u)
#define JOB_DOCUMENTS 64u

typedef struct {
  EgDocument doc;            /* owns id and text */
  EgDocParts *parts;         /* a reference, for a part of a long document */
} JobDoc;

typedef struct {
  GArray *docs;              /* of JobDoc */
  gsize bytes;
} Job;

typedef struct {
  const EgCountOptions *options;
  EgCounts *counts;          /* the counts of a single-threaded run, and the merged result */
  guint64 documents;
  guint64 bytes;
  /* threads only */
  GThreadPool *pool;
  GMutex lock;
  GCond done;
  guint pending;             /* jobs handed over and not finished */
  GHashTable *partials;      /* GThread* -> its EgCounts */
  EgDocParts *parts;         /* the long document being read, between its first and last part */
  Job *job;                  /* the batch being filled, or NULL */
} PipelineCtx;

EgCounts *
eg_pipeline_counts_new(const EgCountOptions *o)
{
  EgCounts *c = eg_counts_new(o->window, o->window_size);
  c->paragraphs = o->paragraphs;
  c->rules = o->rules;
  c->slice = o->slice;
  if (o->max_entities)
    c->max_entities = o->max_entities;
  return c;
}

static void
pipeline_worker(gpointer data, gpointer user_data)
{
  Job *job = data;
  PipelineCtx *ctx = user_data;
  /* Looked up by thread under the lock (once per batch, not per token): thread-local storage
   * would outlive the run in a reused thread. */
  g_mutex_lock(&ctx->lock);
  EgCounts *counts = g_hash_table_lookup(ctx->partials, g_thread_self());
  if (!counts) {
    counts = eg_pipeline_counts_new(ctx->options);
    g_hash_table_insert(ctx->partials, g_thread_self(), counts);
  }
  g_mutex_unlock(&ctx->lock);
  for (guint i = 0; i < job->docs->len; i++) {
    JobDoc *d = &g_array_index(job->docs, JobDoc, i);
    pipeline_count_part(counts, &d->doc, ctx->options->paragraphs, d->parts);
    g_free((char *)d->doc.id);
    g_free((char *)d->doc.text);
    eg_doc_parts_unref(d->parts);
  }
  g_array_unref(job->docs);
  g_free(job);
  g_mutex_lock(&ctx->lock);
  ctx->pending--;
  g_cond_signal(&ctx->done);
  g_mutex_unlock(&ctx->lock);
}

/* Hands the batch being filled to the workers, waiting while they have enough queued. */
static void
pipeline_flush(PipelineCtx *ctx)
{
  if (!ctx->job)
    return;
  guint limit = QUEUE_PER_WORKER * (guint)g_thread_pool_get_max_threads(ctx->pool);
  g_mutex_lock(&ctx->lock);
  while (ctx->pending >= limit)
    g_cond_wait(&ctx->done, &ctx->lock);
  ctx->pending++;
  g_mutex_unlock(&ctx->lock);
  g_thread_pool_push(ctx->pool, g_steal_pointer(&ctx->job), NULL);
}

static void
pipeline_doc(const EgDocument *doc, gpointer user_data)
{
  PipelineCtx *ctx = user_data;
  /* A long document comes in parts: they share what they counted, so each entity counts the
   * document once. */
  if (doc->part == 0 && !doc->last)
    ctx->parts = eg_doc_parts_new();
  EgDocParts *parts = doc->part > 0 || !doc->last ? ctx->parts : NULL;
  if (!ctx->pool) {
    pipeline_count_part(ctx->counts, doc, ctx->options->paragraphs, parts);
  } else {
    if (!ctx->job) {
      ctx->job = g_new0(Job, 1);
      ctx->job->docs = g_array_new(FALSE, FALSE, sizeof(JobDoc));
    }
    JobDoc d;
    d.doc = *doc;
    d.doc.id = g_strdup(doc->id);
    d.doc.text = g_memdup2(doc->text, doc->len + 1);
    d.parts = parts ? eg_doc_parts_ref(parts) : NULL;
    g_array_append_val(ctx->job->docs, d);
    ctx->job->bytes += doc->len;
    if (ctx->job->bytes >= JOB_BYTES || ctx->job->docs->len >= JOB_DOCUMENTS)
      pipeline_flush(ctx);
  }
  if (doc->last)
    g_clear_pointer(&ctx->parts, eg_doc_parts_unref);
  if (doc->part == 0)
    ctx->documents++;
  ctx->bytes += doc->len;
  if (ctx->options->progress)
    ctx->options->progress(ctx->documents, ctx->bytes, ctx->options->progress_data);
}

guint
eg_pipeline_default_jobs(void)
{
  return MAX(1, g_get_num_processors());
}

EgCounts *
eg_pipeline_count(const char *const *inputs, const EgCountOptions *options, EgReportFunc report_fn,
                  gpointer user_data, guint *fatal)
{
  g_return_val_if_fail(inputs != NULL && options != NULL, NULL);
  PipelineCtx ctx = { 0 };
  ctx.options = options;
  ctx.counts = eg_pipeline_counts_new(options);
  guint jobs = options->jobs ? options->jobs : eg_pipeline_default_jobs();
  if (jobs > 1) {
    g_mutex_init(&ctx.lock);
    g_cond_init(&ctx.done);
    ctx.partials = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                         (GDestroyNotify)eg_counts_free);
    ctx.pool = g_thread_pool_new(pipeline_worker, &ctx, (gint)jobs, TRUE, NULL);
  }
  /* REPORT_FN gets USER_DATA; the document callback gets the pipeline's own context. */
  guint f = eg_sources_read(inputs, &options->source, pipeline_doc, &ctx, report_fn, user_data);
  if (ctx.pool) {
    pipeline_flush(&ctx);
    g_thread_pool_free(ctx.pool, FALSE, TRUE); /* waits for every queued document */
    /* The merge is the one part that does not run in parallel: the largest partial becomes the
     * result instead of being copied, and the others are moved into it. Sums and minima: the
     * order does not change the result. */
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func((GDestroyNotify)eg_counts_free);
    GHashTableIter it;
    gpointer part;
    g_hash_table_iter_init(&it, ctx.partials);
    while (g_hash_table_iter_next(&it, NULL, &part)) {
      g_hash_table_iter_steal(&it);
      g_ptr_array_add(parts, part);
    }
    g_hash_table_unref(ctx.partials);
    guint largest = 0;
    for (guint i = 1; i < parts->len; i++)
      if (g_hash_table_size(((EgCounts *)parts->pdata[i])->pairs) >
          g_hash_table_size(((EgCounts *)parts->pdata[largest])->pairs))
        largest = i;
    if (parts->len > 0) {
      eg_counts_free(ctx.counts); /* empty, made with the same options */
      ctx.counts = g_ptr_array_steal_index_fast(parts, largest);
    }
    /* Same options: cannot fail. The partials are not needed after: their entries move. */
    while (parts->len > 0)
      eg_counts_merge_take(ctx.counts, g_ptr_array_steal_index_fast(parts, parts->len - 1), NULL);
    g_cond_clear(&ctx.done);
    g_mutex_clear(&ctx.lock);
  }
  if (fatal)
    *fatal = f;
  return ctx.counts;
}
