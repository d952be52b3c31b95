/* fuzz_counts.c: libFuzzer target for the counts reader and the k-way merge of `entgraph merge`:
 * arbitrary bytes are read as a counts file, and merged as two streams (the input cut in two).
 * Build: cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DENTGRAPH_FUZZ=ON
 * Run:   build-fuzz/tests/fuzz/fuzz_counts tests/fuzz/corpus-counts -max_total_time=1800 */
#include "cooc/cooc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size == 0)
    return 0;
  EgCounts *counts = NULL;
  FILE *fp = fmemopen((void *)data, size, "r");
  eg_counts_read(&counts, "fuzz", fp, NULL);
  fclose(fp);
  if (counts) {
    EgNodeTable *t = eg_consolidate(counts);
    eg_node_table_free(t);
    eg_counts_free(counts);
  }

  size_t half = size / 2;
  FILE *ins[2] = { fmemopen((void *)data, half ? half : 1, "r"),
                   fmemopen((void *)(data + half), size - half, "r") };
  const char *names[2] = { "a", "b" };
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  eg_counts_merge_streams(ins, names, 2, out, NULL);
  fclose(out);
  free(buf);
  fclose(ins[0]);
  fclose(ins[1]);
  return 0;
}
