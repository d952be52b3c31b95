/* fuzz_jsonl.c: libFuzzer target for the JSON Lines reader: arbitrary bytes as a JSON Lines
 * stream (the first byte picks the text field name, and whether documents are counted by month
 * of their "date" field, as --slice month does), every document counted and, by month, the
 * months summed and consolidated with the whole's decisions.
 * Build: cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DENTGRAPH_FUZZ=ON
 * Run:   build-fuzz/tests/fuzz/fuzz_jsonl tests/fuzz/corpus-jsonl -max_total_time=1800 */
#include <gio/gio.h>
#include <stdint.h>

#include "cooc/pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
  EgCounts *counts = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  counts->slice = by_month ? EG_SLICE_MONTH : EG_SLICE_NONE;
  eg_sources_read_stream(in, "fuzz", &options, fuzz_doc, counts, NULL, NULL);
  g_object_unref(in);
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
