/* cmd_mentions.c: `entgraph mentions`: text -> every mention (TSV) on standard output, so that
 * any edge of a graph can be traced back to the places in the text that made it.
 *
 * Runs the left half of the pipeline (segment, entities, the user's rules, resolve) on one
 * thread, in input order, and prints each document's mentions as it goes: memory stays that of
 * one document (part).
 */
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

typedef struct {
  EgCliInput *in;
  FILE *out;
  gboolean failed;            /* a write failed */
  guint64 offset;             /* bytes of the document's earlier parts */
  guint64 sentences;          /* sentences of the document's earlier parts */
} MentionsCtx;

/* Writes S with tabs, line breaks and other control characters as spaces: one TSV field. */
static void
put_field(FILE *out, const char *s)
{
  for (const char *p = s; *p; p++)
    putc((guchar)*p < 0x20 || *p == 0x7f ? ' ' : *p, out);
}

static void
mentions_doc(const EgDocument *doc, gpointer user_data)
{
  MentionsCtx *ctx = user_data;
  if (doc->part == 0) {
    ctx->offset = 0;
    ctx->sentences = 0;
  }
  if (ctx->failed)
    return;
  const EgCountOptions *o = &ctx->in->count;
  g_autoptr(EgSegmentation) seg = eg_segment(doc->text, doc->len, o->paragraphs);
  GArray *mentions = eg_ner_find(doc->text, seg);
  eg_rules_apply(o->rules, mentions); /* as counting does: aliases renamed, stop list dropped */
  g_autoptr(EgResolution) res = eg_resolve_document_with(mentions, o->rules);
  /* The type of each document-level entity, from the votes of its mentions in this document. */
  g_autofree EgEntityType *types = g_new(EgEntityType, res->entities->len + 1);
  for (guint i = 0; i < res->entities->len; i++) {
    const EgDocEntity *e = res->entities->pdata[i];
    guint64 votes[EG_N_TYPES];
    for (guint t = 0; t < EG_N_TYPES; t++)
      votes[t] = e->votes[t];
    types[i] = eg_entity_type_guess(votes, e->label);
  }
  for (guint k = 0; k < mentions->len; k++) {
    const EgMention *m = &g_array_index(mentions, EgMention, k);
    guint id = g_array_index(res->mention_entity, guint, k);
    const EgDocEntity *e = res->entities->pdata[id];
    put_field(ctx->out, doc->id);
    fprintf(ctx->out, "\t%" G_GUINT64_FORMAT "\t%" G_GUINT64_FORMAT "\t", ctx->sentences + m->sentence,
            ctx->offset + m->start);
    put_field(ctx->out, m->surface);
    putc('\t', ctx->out);
    put_field(ctx->out, e->label);
    fprintf(ctx->out, "\t%s\n", eg_type_name(types[id]));
  }
  g_array_unref(mentions);
  ctx->offset += doc->len;
  ctx->sentences += seg->n_sentences;
  if (ferror(ctx->out))
    ctx->failed = TRUE;
}

int
eg_cmd_mentions(int argc, char **argv)
{
  g_auto(EgCliInput) in = { 0 };
  int code = EG_EXIT_OK;
  if (!eg_cli_parse("mentions", "INPUT...", "list every mention of an entity, in input order",
                    "  entgraph mentions article.txt\n"
                    "  entgraph mentions news/ | awk -F'\\t' '$5 == \"Vladimir Putin\"'\n"
                    "  entgraph mentions --jsonl feed.jsonl > mentions.tsv\n"
                    "Columns (after a header line): document (the file's path, the JSON Lines id, "
                    "or FILE:LINE), sentence (number in the document, from 0), offset (byte offset "
                    "of the mention in the document's text as read: UTF-8, NFC, line ends as LF), "
                    "surface (as written), label and type (PERSON, ORG, LOC, MISC).\n"
                    "The label and type are the document's own: the name its mentions were grouped "
                    "under in that document, before the corpus-wide merges of 'entgraph build' (a "
                    "lone 'Trump' may be the graph's 'Donald Trump'; the graph lists it in "
                    "aliases).\n",
                    NULL, FALSE, &in, &argc, &argv, &code))
    return code;
  MentionsCtx ctx = { &in, stdout, FALSE, 0, 0 };
  fputs("document\tsentence\toffset\tsurface\tlabel\ttype\n", stdout);
  guint fatal = eg_sources_read((const char *const *)(argv + 1), &in.count.source, mentions_doc, &ctx,
                                eg_cli_report, &in);
  if (ctx.failed || fflush(stdout) != 0 || ferror(stdout)) {
    eg_cli_error("standard output: cannot write (%s)", g_strerror(errno));
    return EG_EXIT_OUTPUT;
  }
  return fatal ? EG_EXIT_INPUT : EG_EXIT_OK;
}
