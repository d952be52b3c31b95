/* fuzz_html.c: libFuzzer target for the web-page extractor (html.c) on arbitrary bytes, fed in
 * blocks as a file is read, and the normalisation its text goes through. The extractor's text
 * must be valid UTF-8 whatever the bytes and the charset they claim, and its date a real day.
 * Build: cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DENTGRAPH_FUZZ=ON
 * Run:   build-fuzz/tests/fuzz/fuzz_html tests/fuzz/corpus-html -max_total_time=1800 */
#include "text/text.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  /* The first byte picks the block size, so that cuts fall everywhere in a page. */
  gsize block = size ? 1 + data[0] * 7u : 1;
  const char *page = (const char *)data + (size ? 1 : 0);
  gsize len = size ? size - 1 : 0;
  EgHtmlReader *reader = eg_html_reader_new();
  GString *out = g_string_new(NULL);
  for (gsize off = 0; off < len; off += block)
    eg_html_reader_feed(reader, page + off, MIN(block, len - off), out);
  eg_html_reader_finish(reader, out);
  guint32 day = eg_html_reader_day(reader);
  eg_html_reader_free(reader);
  if (!g_utf8_validate_len(out->str, out->len, NULL) || (day && !g_date_valid_julian(day)))
    abort();
  gboolean repaired = FALSE;
  gsize nlen = 0;
  g_free(eg_text_normalise(out->str, out->len, &nlen, &repaired));
  g_string_free(out, TRUE);
  return 0;
}
