/* fuzz_text.c: libFuzzer target for the text half of the pipeline: normalisation, segmentation,
 * entities, resolution and counting of one document made of arbitrary bytes.
 * Build: cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DENTGRAPH_FUZZ=ON
 * Run:   build-fuzz/tests/fuzz/fuzz_text tests/fuzz/corpus-text -max_total_time=1800 */
#include "cooc/pipeline.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  /* The first byte picks the paragraph mode and window, so every combination is explored. */
  EgParagraphMode modes[] = { EG_PARA_AUTO, EG_PARA_BLANK, EG_PARA_LINE };
  EgWindowKind windows[] = { EG_WINDOW_SENTENCE, EG_WINDOW_PARAGRAPH, EG_WINDOW_DOCUMENT, EG_WINDOW_TOKENS };
  guint8 pick = size ? data[0] : 0;
  gboolean repaired = FALSE;
  gsize len = 0;
  char *text = eg_text_normalise((const char *)data + (size ? 1 : 0), size ? size - 1 : 0, &len, &repaired);
  EgCounts *counts = eg_counts_new(windows[(pick >> 2) % 4], 1 + (pick >> 4));
  EgDocument doc = { "fuzz", text, len, 0, TRUE };
  eg_pipeline_count_document(counts, &doc, modes[pick % 3]);
  EgNodeTable *table = eg_consolidate(counts);
  eg_node_table_free(table);
  eg_counts_free(counts);
  g_free(text);
  return 0;
}
