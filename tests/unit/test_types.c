/* test_types.c: unit tests of how a node's type is decided from the votes of all its mentions
 * (src/cooc/consolidate.c), on documents written here; and of the small-list sort that
 * consolidation uses (eg_sort_few, src/entgraph.c). */
#include <stdlib.h>
#include <string.h>

#include "cooc/pipeline.h"

static EgNodeTable *
consolidate_docs(const char *const *texts)
{
  g_autoptr(EgCounts) c = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  for (guint i = 0; texts[i]; i++) {
    g_autofree char *id = g_strdup_printf("doc%u", i);
    EgDocument doc = { .id = id, .text = texts[i], .len = strlen(texts[i]) };
    eg_pipeline_count_document(c, &doc, EG_PARA_AUTO);
  }
  return eg_consolidate(c);
}

static EgEntityType
type_of(const EgNodeTable *t, const char *label)
{
  for (guint i = 0; i < t->nodes->len; i++) {
    const EgNode *n = &g_array_index(t->nodes, EgNode, i);
    if (strcmp(n->label, label) == 0)
      return n->type;
  }
  g_assert_not_reached();
  return EG_N_TYPES;
}

static void
test_no_evidence_by_shape(void)
{
  /* no lexicon, title or context speaks for these names: several words are most likely a
   * person's name, one word stays MISC */
  const char *const texts[] = { "Crowds cheered as Tarvik Oznem arrived with Quolbet.",
                                "Quolbet Images sold the photographs.", NULL };
  g_autoptr(EgNodeTable) t = consolidate_docs(texts);
  g_assert_cmpint(type_of(t, "Tarvik Oznem"), ==, EG_TYPE_PERSON);
  /* ... unless its last word is an ordinary English word */
  g_assert_cmpint(type_of(t, "Quolbet Images"), ==, EG_TYPE_MISC);
  g_assert_cmpint(type_of(t, "Quolbet"), ==, EG_TYPE_MISC);
}

static void
test_evidence_beats_shape(void)
{
  /* any vote beats the shape: a place preposition, a sports table row */
  const char *const texts[] = { "Talks were held in Vestre Kvalby.",
                                "Results:\nKvalby Rovers 3 Quolbet 1\n", NULL };
  g_autoptr(EgNodeTable) t = consolidate_docs(texts);
  g_assert_cmpint(type_of(t, "Vestre Kvalby"), ==, EG_TYPE_LOC);
  g_assert_cmpint(type_of(t, "Kvalby Rovers"), ==, EG_TYPE_ORG);
  g_assert_cmpint(type_of(t, "Quolbet"), ==, EG_TYPE_ORG);
}

typedef struct {
  guint32 key;
  char pad[20]; /* an element larger than a word, as the forms and surfaces sorted are */
} Few;

static int
cmp_few(gconstpointer a, gconstpointer b)
{
  guint32 x = ((const Few *)a)->key, y = ((const Few *)b)->key;
  return x < y ? -1 : x > y;
}

/* eg_sort_few sorts as qsort does, by insertion at 16 elements and fewer, by qsort above. */
static void
test_sort_few(void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed(7);
  for (guint n = 0; n <= 40; n++) {
    for (guint round = 0; round < 50; round++) {
      Few a[40], b[40];
      for (guint i = 0; i < n; i++) {
        a[i].key = g_rand_int_range(rand, 0, 1000) * 64 + i; /* distinct: one order */
        memset(a[i].pad, (int)i, sizeof a[i].pad);
      }
      if (n)
        memcpy(b, a, n * sizeof *a);
      eg_sort_few(a, n, sizeof *a, cmp_few);
      qsort(b, n, sizeof *b, cmp_few);
      for (guint i = 0; i < n; i++) {
        g_assert_cmpuint(a[i].key, ==, b[i].key);
        g_assert_cmpint(memcmp(a[i].pad, b[i].pad, sizeof a[i].pad), ==, 0);
      }
    }
  }
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/types/no-evidence-shape", test_no_evidence_by_shape);
  g_test_add_func("/types/evidence-beats-shape", test_evidence_beats_shape);
  g_test_add_func("/types/sort-few", test_sort_few);
  return g_test_run();
}
