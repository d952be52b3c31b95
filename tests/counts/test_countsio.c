/* test_countsio.c: the counts text format: writing, reading back, and the k-way merge. */
#include "cooc/pipeline.h"

#include <stdio.h>
#include <string.h>

#define HDR "#\tentgraph-counts\t3 window=sentence paragraphs=auto lexicon=" EG_LEXICON_VERSION " rules=-\n"

static EgCounts *
counts_of(const char *text)
{
  EgCounts *c = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  EgDocument doc = { "t", text, strlen(text), 0, TRUE, 0 };
  eg_pipeline_count_document(c, &doc, EG_PARA_AUTO);
  return c;
}

static char *
write_string(const EgCounts *c)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *fp = open_memstream(&buf, &len);
  g_autoptr(GError) error = NULL;
  g_assert_true(eg_counts_write(c, fp, &error));
  g_assert_no_error(error);
  fclose(fp);
  return buf;
}

/* Merges the NUL-free strings IN[0..n) and returns the output, or NULL with *ERROR set. */
static char *
merge_strings(const char *const *in, guint n, GError **error)
{
  FILE *fps[8];
  const char *names[8] = { "a", "b", "c", "d", "e", "f", "g", "h" };
  for (guint i = 0; i < n; i++)
    fps[i] = fmemopen((void *)in[i], strlen(in[i]), "r");
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  gboolean ok = eg_counts_merge_streams(fps, names, n, out, error);
  fclose(out);
  for (guint i = 0; i < n; i++)
    fclose(fps[i]);
  if (!ok) {
    free(buf);
    return NULL;
  }
  return buf;
}

static void
test_write_sorted(void)
{
  g_autoptr(EgCounts) c = counts_of("Ada Lund met Bo Strand in Norway. Lund left Norway.");
  g_autofree char *text = write_string(c);
  g_assert_true(g_str_has_prefix(text, HDR));
  g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
  for (guint i = 1; lines[i] && lines[i][0]; i++)
    g_assert_cmpint(strcmp(lines[i - 1], lines[i]), <, 0);
  g_assert_nonnull(strstr(text, "\nE\tAda Lund\tn\t2\t1\t2\t"));
  g_assert_nonnull(strstr(text, "\nP\tAda Lund\tBo Strand\t1\t1\n"));
  /* the example: document "t", part 0, sentence 0, the sentence with its spaces collapsed */
  g_assert_nonnull(strstr(text, "\nX\tAda Lund\tBo Strand\tt\t00000.0000000000\t"
                                "Ada Lund met Bo Strand in Norway.\n"));
  g_assert_nonnull(strstr(text, "\nX\tAda Lund\tNorway\tt\t00000.0000000000\t"));
  g_assert_null(strstr(text, "Lund left Norway.")); /* a later sentence is not the example */
  g_assert_nonnull(strstr(text, "\nS\tAda Lund\tLund\t1\n"));
  g_assert_nonnull(strstr(text, "\nT\t-\t-\t1\t2\n"));
}

static void
test_read_back(void)
{
  g_autoptr(EgCounts) c = counts_of("Ada Lund met Bo Strand in Norway. Lund left Norway.");
  g_autofree char *text = write_string(c);
  FILE *fp = fmemopen(text, strlen(text), "r");
  EgCounts *back = NULL;
  g_autoptr(GError) error = NULL;
  g_assert_true(eg_counts_read(&back, "mem", fp, &error));
  fclose(fp);
  g_autofree char *again = write_string(back);
  g_assert_cmpstr(again, ==, text);
  /* reading the same counts twice adds them up */
  fp = fmemopen(text, strlen(text), "r");
  g_assert_true(eg_counts_read(&back, "mem", fp, &error));
  fclose(fp);
  g_assert_cmpuint(back->documents, ==, 2);
  g_assert_cmpuint(back->windows, ==, 4);
  EgEntityCounts *e = g_hash_table_lookup(back->entities, "Ada Lund");
  g_assert_cmpuint(e->mentions, ==, 4);
  eg_counts_free(back);
}

static void
test_read_errors(void)
{
  static const char *const bad[] = {
    HDR "E\tAda\tn\t1\t1\n",                  /* too few values */
    HDR "E\tAda\tn\t1\t1\t1\t0\t0\t0\tx\n",   /* not a number */
    HDR "Q\tAda\tn\t1\n",                     /* unknown record */
    HDR "P\tBo\tAda\t1\t1\n",                 /* pair out of order */
    HDR "P\tAda\tBo\t1\n",                    /* a pair without its documents (version 2) */
    HDR "X\tBo\tAda\td\t00000.0000000001\tBo and Ada.\n", /* example of a pair out of order */
    HDR "X\tAda\tBo\td\t00000.0000000001\n", /* example without its sentence */
    HDR "X\tAda\tBo\td\t1\tBo\tand Ada.\n",  /* a tab in the sentence */
    "#\tentgraph-counts\t2 window=sentence paragraphs=auto lexicon=" EG_LEXICON_VERSION " rules=-\n",
    /* the default limit spelt out, or with a leading zero, limits out of range, a limit after
     * rules: each would be read, then refused beside counts with the canonical header */
    "#\tentgraph-counts\t3 window=sentence paragraphs=auto lexicon=" EG_LEXICON_VERSION " max-entities=500 rules=-\n",
    "#\tentgraph-counts\t3 window=sentence paragraphs=auto lexicon=" EG_LEXICON_VERSION " max-entities=1 rules=-\n",
    "#\tentgraph-counts\t3 window=sentence paragraphs=auto lexicon=" EG_LEXICON_VERSION " max-entities=2001 rules=-\n",
    "#\tentgraph-counts\t3 window=sentence paragraphs=auto lexicon=" EG_LEXICON_VERSION " max-entities=none rules=-\n",
    "#\tentgraph-counts\t3 window=sentence paragraphs=auto lexicon=" EG_LEXICON_VERSION " rules=- max-entities=3\n",
    "#\tentgraph-counts\t3 window=sentence paragraphs=auto lexicon=" EG_LEXICON_VERSION " max-entities=03 rules=-\n",
    "E\tAda\tn\t1\t1\t1\t0\t0\t0\t0\n",       /* no header */
    HDR "no tabs here\n",
    HDR "E\tImran Awa\x9b\tn\t1\t1\t1\t3\t0\t0\t0\n", /* a label that is not UTF-8 (fuzz_counts) */
    HDR "P\tAda\tBo\xed\xa0\x80\t1\t1\n",          /* a surrogate in a pair's label */
    HDR "X\tAda\tBo\td\t1\tBo and Ada\xff.\n",      /* a sentence that is not UTF-8 */
  };
  for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
    FILE *fp = fmemopen((void *)bad[i], strlen(bad[i]), "r");
    EgCounts *c = NULL;
    g_autoptr(GError) error = NULL;
    g_assert_false(eg_counts_read(&c, "bad.counts", fp, &error));
    fclose(fp);
    g_assert_error(error, EG_ERROR, EG_ERROR_BAD_COUNTS);
    g_assert_true(g_str_has_prefix(error->message, "bad.counts: line "));
    eg_counts_free(c);
  }
  const char *other = "#\tentgraph-counts\t3 window=paragraph paragraphs=auto lexicon=" EG_LEXICON_VERSION " rules=-\n";
  FILE *fp = fmemopen((void *)other, strlen(other), "r");
  g_autoptr(EgCounts) c = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  g_autoptr(GError) error = NULL;
  g_assert_false(eg_counts_read(&c, "p.counts", fp, &error));
  fclose(fp);
  g_assert_error(error, EG_ERROR, EG_ERROR_HEADER);

  /* Another lexicon is other options (exit 2), not a malformed header (exit 1). */
  const char *lexicon = "#\tentgraph-counts\t3 window=sentence paragraphs=auto lexicon=999 rules=-\n";
  fp = fmemopen((void *)lexicon, strlen(lexicon), "r");
  g_clear_error(&error);
  g_autoptr(EgCounts) s = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  g_assert_false(eg_counts_read(&s, "x.counts", fp, &error));
  fclose(fp);
  g_assert_error(error, EG_ERROR, EG_ERROR_HEADER);

  /* A limit other than the default is read back, and refused beside another limit. */
  const char *limited = "#\tentgraph-counts\t3 window=sentence paragraphs=auto lexicon=" EG_LEXICON_VERSION " max-entities=3 rules=-\n";
  fp = fmemopen((void *)limited, strlen(limited), "r");
  EgCounts *l = NULL;
  g_assert_true(eg_counts_read(&l, "l.counts", fp, NULL));
  fclose(fp);
  g_assert_cmpuint(l->max_entities, ==, 3);
  g_autofree char *header = eg_counts_header(l);
  g_assert_true(g_str_has_suffix(header, " lexicon=" EG_LEXICON_VERSION " max-entities=3 rules=-"));
  fp = fmemopen((void *)limited, strlen(limited), "r");
  g_clear_error(&error);
  g_assert_false(eg_counts_read(&c, "l.counts", fp, &error));
  fclose(fp);
  g_assert_error(error, EG_ERROR, EG_ERROR_HEADER);
  eg_counts_free(l);
}

static void
test_merge_sums(void)
{
  const char *a = HDR "E\tAda\tn\t1\t1\t1\t3\t0\t0\t0\nP\tAda\tBo\t1\t1\nT\t-\t-\t1\t2\n"
                     "X\tAda\tBo\tdoc-2\t00000.0000000000\tAda saw Bo.\n";
  const char *b = HDR "E\tAda\tn\t2\t1\t2\t0\t3\t0\t0\nE\tBo\tn\t1\t1\t1\t0\t0\t0\t0\nP\tAda\tBo\t2\t1\nT\t-\t-\t1\t3\n"
                     "X\tAda\tBo\tdoc-1\t00000.0000000007\tBo met Ada.\n";
  const char *empty = "";
  const char *in[] = { a, b, empty };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = merge_strings(in, 3, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(out, ==, HDR "E\tAda\tn\t3\t2\t3\t3\t3\t0\t0\nE\tBo\tn\t1\t1\t1\t0\t0\t0\t0\n"
                           "P\tAda\tBo\t3\t2\nT\t-\t-\t2\t5\n"
                           "X\tAda\tBo\tdoc-1\t00000.0000000007\tBo met Ada.\n");
  /* the example is not summed: the smallest value is kept, whichever stream holds it */
  const char *in_r[] = { b, a, empty };
  g_autofree char *out_r = merge_strings(in_r, 3, &error);
  g_assert_cmpstr(out_r, ==, out);
  /* a key that is a prefix of another sorts first and stays apart */
  const char *c = HDR "S\tAda\tAd\t1\nS\tAda\tAd a\t1\n";
  const char *d = HDR "S\tAda\tAd\t2\n";
  const char *in2[] = { c, d };
  g_autofree char *out2 = merge_strings(in2, 2, &error);
  g_assert_cmpstr(out2, ==, HDR "S\tAda\tAd\t3\nS\tAda\tAd a\t1\n");
}

/* Reading counts keeps the smallest example too, and the key orders documents by a trailing
 * number ("f:9" before "f:10"), then part, then sentence. */
static void
test_examples(void)
{
  g_autofree char *k9 = eg_counts_example_key("f:9", 0, 12);
  g_autofree char *k10 = eg_counts_example_key("f:10", 0, 3);
  g_autofree char *k10b = eg_counts_example_key("f:10", 1, 0);
  g_autofree char *kc = eg_counts_example_key("a\tb\n", 0, 0);
  g_assert_cmpstr(k9, ==, "f:000000000009\t00000.0000000012");
  g_assert_cmpint(strcmp(k9, k10), <, 0);
  g_assert_cmpint(strcmp(k10, k10b), <, 0);
  g_assert_cmpstr(kc, ==, "a b \t00000.0000000000");

  const char *text = HDR "P\tAda\tBo\t1\t1\nX\tAda\tBo\tz\t00000.0000000000\tBo, Ada.\n"
                         "X\tAda\tBo\tm\t00000.0000000004\tAda and Bo.\n";
  FILE *fp = fmemopen((void *)text, strlen(text), "r");
  EgCounts *c = NULL;
  g_autoptr(GError) error = NULL;
  g_assert_true(eg_counts_read(&c, "x.counts", fp, &error));
  fclose(fp);
  const EgPairCounts *pc = eg_counts_pair(c, "Ada", "Bo");
  g_assert_nonnull(pc);
  g_assert_cmpstr(pc->example, ==, "Ada and Bo.");
  g_assert_cmpuint(pc->documents, ==, 1);
  eg_counts_free(c);

  /* a long sentence is cut around the names, at character boundaries, with "…" */
  GString *long_text = g_string_new(NULL);
  for (guint i = 0; i < 60; i++)
    g_string_append(long_text, "é words ");
  g_string_append(long_text, "and Ada Lund met Bo Strand ");
  for (guint i = 0; i < 60; i++)
    g_string_append(long_text, "and \t more ");
  g_string_append(long_text, "here.");
  g_autoptr(EgCounts) lc = counts_of(long_text->str);
  g_string_free(long_text, TRUE);
  const EgPairCounts *lp = eg_counts_pair(lc, "Ada Lund", "Bo Strand");
  g_assert_nonnull(lp);
  g_assert_cmpuint(strlen(lp->example), <=, EG_EXAMPLE_MAX);
  g_assert_true(g_utf8_validate(lp->example, -1, NULL));
  g_assert_true(g_str_has_prefix(lp->example, "…"));
  g_assert_true(g_str_has_suffix(lp->example, "…"));
  g_assert_nonnull(strstr(lp->example, "Ada Lund met Bo Strand"));
  g_assert_null(strstr(lp->example, "  "));
  g_assert_null(strchr(lp->example, '\t'));
}

static void
test_merge_errors(void)
{
  const char *unsorted = HDR "P\tAda\tBo\t1\t1\nE\tAda\tn\t1\t1\t1\t0\t0\t0\t0\n";
  const char *in[] = { unsorted };
  g_autoptr(GError) e1 = NULL;
  g_assert_null(merge_strings(in, 1, &e1));
  g_assert_error(e1, EG_ERROR, EG_ERROR_BAD_COUNTS);
  g_assert_nonnull(strstr(e1->message, "not sorted"));

  const char *no_header = "E\tAda\tn\t1\t1\t1\t0\t0\t0\t0\n";
  const char *in2[] = { no_header };
  g_autoptr(GError) e2 = NULL;
  g_assert_null(merge_strings(in2, 1, &e2));
  g_assert_error(e2, EG_ERROR, EG_ERROR_BAD_COUNTS);

  const char *para = "#\tentgraph-counts\t3 window=paragraph paragraphs=auto lexicon=" EG_LEXICON_VERSION " rules=-\n";
  const char *in3[] = { HDR, para };
  g_autoptr(GError) e3 = NULL;
  g_assert_null(merge_strings(in3, 2, &e3));
  g_assert_error(e3, EG_ERROR, EG_ERROR_HEADER);
  g_assert_nonnull(strstr(e3->message, "window=paragraph"));
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/countsio/write-sorted", test_write_sorted);
  g_test_add_func("/countsio/read-back", test_read_back);
  g_test_add_func("/countsio/read-errors", test_read_errors);
  g_test_add_func("/countsio/merge-sums", test_merge_sums);
  g_test_add_func("/countsio/merge-errors", test_merge_errors);
  g_test_add_func("/countsio/examples", test_examples);
  return g_test_run();
}
