/* test_types.c: unit tests of how a node's type is decided from the votes of all its mentions
 * (src/cooc/consolidate.c), on documents written here. */
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

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/types/no-evidence-shape", test_no_evidence_by_shape);
  g_test_add_func("/types/evidence-beats-shape", test_evidence_beats_shape);
  return g_test_run();
}
