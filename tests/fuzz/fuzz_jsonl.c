/* fuzz_jsonl.c: libFuzzer target for the JSON Lines reader: arbitrary bytes as a JSON Lines
 * stream (the first byte picks the text field name, whether documents are counted by month
 * of their "date" field, as --slice month does, in windows of four words rather than sentences,
 * and with a limit of three entities a window, so that 8 KB of input reaches the crowded windows
 * and the long-sentence example search), every document counted and, by month, the
 * months summed and consolidated with the whole's decisions. The first line is also read on its
 * own twice, as it is and behind a byte order mark, which leaves it to json-glib's tree rather
 * than the reader's in-place path: the two must make the same documents of it.
 * Build: cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DENTGRAPH_FUZZ=ON
 * Run:   build-fuzz/tests/fuzz/fuzz_jsonl tests/fuzz/corpus-jsonl -max_total_time=1800 */
#include <gio/gio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cooc/pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
collect_doc(const EgDocument *doc, gpointer user_data)
{
  g_string_append_printf(user_data, "%s|%u|%u|%s\n", doc->id, doc->day, doc->part, doc->text);
}

/* What the reader makes of LINE (LEN bytes), behind PREFIX: its documents and its count of
 * fatal problems. */
static char *
read_line(const char *prefix, const uint8_t *line, size_t len, const EgSourceOptions *options)
{
  size_t plen = strlen(prefix);
  char *bytes = g_malloc(plen + len + 1);
  memcpy(bytes, prefix, plen);
  memcpy(bytes + plen, line, len);
  GInputStream *in = g_memory_input_stream_new_from_data(bytes, (gssize)(plen + len), g_free);
  GString *out = g_string_new(NULL);
  guint fatal = eg_sources_read_stream(in, "fuzz", options, collect_doc, out, NULL, NULL);
  g_object_unref(in);
  g_string_append_printf(out, "fatal %u", fatal);
  return g_string_free(out, FALSE);
}

/* The in-place path and json-glib's tree agree on the first line of DATA. */
static void
check_paths_agree(const uint8_t *data, size_t size, const EgSourceOptions *options)
{
  const uint8_t *nl = memchr(data, '\n', size);
  size_t len = nl ? (size_t)(nl - data) : size;
  gboolean blank = TRUE; /* a blank line is skipped, and a BOM is no blank */
  for (size_t i = 0; i < len && blank; i++)
    blank = strchr(" \t\r\f\v", data[i]) != NULL && data[i] != '\0';
  /* json-glib skips one byte order mark, not two; a line with its own goes to json-glib anyway */
  if (blank || (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0))
    return;
  char *got = read_line("", data, len, options);
  char *want = read_line("\xEF\xBB\xBF", data, len, options);
  if (strcmp(got, want) != 0) {
    fprintf(stderr, "in place: %s\njson-glib: %s\n", got, want);
    abort();
  }
  g_free(got);
  g_free(want);
}

static void
fuzz_doc(const EgDocument *doc, gpointer user_data)
{
  eg_pipeline_count_document(user_data, doc, EG_PARA_AUTO);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size == 0)
    return 0;
  gboolean by_month = (data[0] & 2) != 0;
  EgSourceOptions options = { TRUE, (data[0] & 1) ? "body" : "text", "id", FALSE, "date", by_month };
  GInputStream *in = g_memory_input_stream_new_from_data(data + 1, (gssize)(size - 1), NULL);
  EgCounts *counts = (data[0] & 8) ? eg_counts_new(EG_WINDOW_TOKENS, 4)
                                    : eg_counts_new(EG_WINDOW_SENTENCE, 0);
  counts->slice = by_month ? EG_SLICE_MONTH : EG_SLICE_NONE;
  if (data[0] & 4)
    counts->max_entities = 3;
  eg_sources_read_stream(in, "fuzz", &options, fuzz_doc, counts, NULL, NULL);
  g_object_unref(in);
  check_paths_agree(data + 1, size - 1, &options);
  const char *crowded_doc;
  if ((eg_counts_crowded(counts, &crowded_doc) > 0) != (crowded_doc != NULL))
    abort(); /* every document of JSON Lines has an id, so a crowded window names one */
  if (by_month) {
    EgCounts *whole = eg_counts_sum_periods(counts);
    EgMerges *merges = eg_merges_new(whole);
    GPtrArray *names = eg_counts_period_names(counts);
    for (guint i = 0; i < names->len; i++)
      eg_node_table_free(eg_consolidate_with(eg_counts_period(counts, names->pdata[i]), merges));
    g_ptr_array_unref(names);
    eg_merges_free(merges);
    eg_counts_free(whole);
  }
  eg_counts_free(counts);
  return 0;
}
