/* test_cooc.c: unit tests of the counting stage (windows, pair counts, totals, merging) and of
 * the corpus-level consolidation, on documents written here. */
#include <string.h>

#include "cooc/pipeline.h"

/* ---- helpers ---------------------------------------------------------------------------------- */

static void
add_doc(EgCounts *c, const char *id, const char *text, EgParagraphMode mode)
{
  EgDocument doc = { id, text, strlen(text), 0, TRUE, 0 };
  eg_pipeline_count_document(c, &doc, mode);
}

static EgCounts *
count_docs(EgWindowKind window, guint size, const char *const *texts)
{
  EgCounts *c = eg_counts_new(window, size);
  for (guint i = 0; texts[i]; i++) {
    g_autofree char *id = g_strdup_printf("doc%u", i);
    add_doc(c, id, texts[i], EG_PARA_AUTO);
  }
  return c;
}

/* Windows shared by labels A and B (either order); 0 when the pair is absent. */
static guint64
pair(const EgCounts *c, const char *a, const char *b)
{
  const EgPairCounts *pc = eg_counts_pair(c, a, b);
  return pc ? pc->windows : 0;
}

static const EgEntityCounts *
ent(const EgCounts *c, const char *label)
{
  const EgEntityCounts *e = g_hash_table_lookup(c->entities, label);
  if (!e)
    g_test_message("no entity '%s'", label);
  g_assert_nonnull(e);
  return e;
}

static guint64
surface(const EgEntityCounts *e, const char *form)
{
  return eg_entity_counts_surface(e, form);
}

/* Hand-built counts, for consolidation cases the pipeline cannot produce directly. */
static EgEntityCounts *
put_entity(EgCounts *c, const char *label, guint64 mentions, guint64 documents,
           guint64 person, guint64 org, guint64 loc, guint64 misc)
{
  EgEntityCounts *e = eg_counts_entity(c, label);
  e->mentions = mentions;
  e->documents = documents;
  e->windows = mentions;
  e->votes[EG_TYPE_PERSON] = person;
  e->votes[EG_TYPE_ORG] = org;
  e->votes[EG_TYPE_LOC] = loc;
  e->votes[EG_TYPE_MISC] = misc;
  eg_entity_counts_add_surface(c, e, label, mentions);
  return e;
}

static void
put_pair(EgCounts *c, const char *a, const char *b, guint64 n)
{
  eg_counts_add_pair(c, a, b, n, 1, NULL, NULL);
}

static const EgNode *
node(const EgNodeTable *t, guint i)
{
  g_assert_cmpuint(i, <, t->nodes->len);
  return &g_array_index(t->nodes, EgNode, i);
}

static gint
node_index(const EgNodeTable *t, const char *label)
{
  for (guint i = 0; i < t->nodes->len; i++)
    if (strcmp(node(t, i)->label, label) == 0)
      return (gint)i;
  return -1;
}

/* Count of the edge between the nodes labelled A and B, 0 when absent. */
static guint64
edge(const EgNodeTable *t, const char *a, const char *b)
{
  gint x = node_index(t, a), y = node_index(t, b);
  g_assert_cmpint(x, >=, 0);
  g_assert_cmpint(y, >=, 0);
  guint s = (guint)MIN(x, y), d = (guint)MAX(x, y);
  for (guint i = 0; i < t->edges->len; i++) {
    const EgEdge *e = &g_array_index(t->edges, EgEdge, i);
    if (e->source == s && e->target == d)
      return e->count;
  }
  return 0;
}

static char *
node_labels(const EgNodeTable *t)
{
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < t->nodes->len; i++) {
    if (i)
      g_string_append_c(s, '|');
    g_string_append(s, node(t, i)->label);
  }
  return g_string_free(s, FALSE);
}

/* The table's invariants: nodes in byte order of labels, edges sorted, source < target. */
static void
assert_table_sorted(const EgNodeTable *t)
{
  for (guint i = 1; i < t->nodes->len; i++)
    g_assert_cmpint(strcmp(node(t, i - 1)->label, node(t, i)->label), <, 0);
  for (guint i = 0; i < t->edges->len; i++) {
    const EgEdge *e = &g_array_index(t->edges, EgEdge, i);
    g_assert_cmpuint(e->source, <, e->target);
    g_assert_cmpuint(e->target, <, t->nodes->len);
    g_assert_cmpuint(e->count, >, 0);
    if (i > 0) {
      const EgEdge *p = &g_array_index(t->edges, EgEdge, i - 1);
      g_assert_true(p->source < e->source || (p->source == e->source && p->target < e->target));
    }
  }
}

/* ---- windows ---------------------------------------------------------------------------------- */

static void
test_sentence_window(void)
{
  const char *const texts[] = {
    "Maria Okafor met Daniel Lund on the pier. Lund greeted Okafor and Lund smiled. Nobody else came.",
    NULL
  };
  g_autoptr(EgCounts) c = count_docs(EG_WINDOW_SENTENCE, 0, texts);
  g_assert_cmpuint(c->window, ==, EG_WINDOW_SENTENCE);
  g_assert_cmpuint(c->window_size, ==, 0);
  g_assert_cmpuint(c->documents, ==, 1);
  g_assert_cmpuint(c->windows, ==, 3);
  g_assert_cmpuint(g_hash_table_size(c->entities), ==, 2);
  const EgEntityCounts *mo = ent(c, "Maria Okafor"), *dl = ent(c, "Daniel Lund");
  g_assert_cmpuint(mo->mentions, ==, 2);
  g_assert_cmpuint(dl->mentions, ==, 3);
  g_assert_cmpuint(mo->documents, ==, 1);
  g_assert_cmpuint(mo->windows, ==, 2);
  g_assert_cmpuint(dl->windows, ==, 2); /* twice in sentence 1 counts one window */
  g_assert_cmpuint(surface(dl, "Lund"), ==, 2);
  g_assert_cmpuint(surface(dl, "Daniel Lund"), ==, 1);
  /* one pair, once per sentence although Lund is named twice in the second */
  g_assert_cmpuint(g_hash_table_size(c->pairs), ==, 1);
  g_assert_cmpuint(pair(c, "Maria Okafor", "Daniel Lund"), ==, 2);
  /* the key is "A\x1fB" with A < B */
  g_assert_nonnull(eg_counts_pair(c, "Daniel Lund", "Maria Okafor"));
  g_assert_true(eg_counts_pair(c, "Maria Okafor", "Daniel Lund") == eg_counts_pair(c, "Daniel Lund", "Maria Okafor"));
  g_assert_null(eg_counts_pair(c, "Daniel Lund", "Nobody"));
}

static void
test_paragraph_and_document_windows(void)
{
  const char *text = "Maria Okafor spoke.\nDaniel Lund listened.\n\nPriya Raman left early.";

  g_autoptr(EgCounts) s = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  add_doc(s, "d", text, EG_PARA_AUTO);
  g_assert_cmpuint(s->windows, ==, 3);
  g_assert_cmpuint(g_hash_table_size(s->pairs), ==, 0);

  g_autoptr(EgCounts) p = eg_counts_new(EG_WINDOW_PARAGRAPH, 7);
  g_assert_cmpuint(p->window_size, ==, 0); /* size only for token windows */
  add_doc(p, "d", text, EG_PARA_AUTO);
  g_assert_cmpuint(p->windows, ==, 2);
  g_assert_cmpuint(g_hash_table_size(p->pairs), ==, 1);
  g_assert_cmpuint(pair(p, "Maria Okafor", "Daniel Lund"), ==, 1);
  g_assert_cmpuint(pair(p, "Maria Okafor", "Priya Raman"), ==, 0);

  /* in line mode every line is a paragraph */
  g_autoptr(EgCounts) l = eg_counts_new(EG_WINDOW_PARAGRAPH, 0);
  add_doc(l, "d", text, EG_PARA_LINE);
  g_assert_cmpuint(l->windows, ==, 3);
  g_assert_cmpuint(g_hash_table_size(l->pairs), ==, 0);

  g_autoptr(EgCounts) d = eg_counts_new(EG_WINDOW_DOCUMENT, 0);
  add_doc(d, "d", text, EG_PARA_AUTO);
  g_assert_cmpuint(d->windows, ==, 1);
  g_assert_cmpuint(g_hash_table_size(d->pairs), ==, 3);
  g_assert_cmpuint(pair(d, "Maria Okafor", "Daniel Lund"), ==, 1);
  g_assert_cmpuint(pair(d, "Maria Okafor", "Priya Raman"), ==, 1);
  g_assert_cmpuint(pair(d, "Daniel Lund", "Priya Raman"), ==, 1);
  g_assert_cmpuint(ent(d, "Priya Raman")->windows, ==, 1);
}

static void
test_token_windows(void)
{
  /* words: Maria0 Okafor1 met2 Daniel3 Lund4 and5 Priya6 Raman7 */
  const char *text = "Maria Okafor met Daniel Lund and Priya Raman.";

  g_autoptr(EgCounts) c3 = eg_counts_new(EG_WINDOW_TOKENS, 3);
  g_assert_cmpuint(c3->window_size, ==, 3);
  add_doc(c3, "d", text, EG_PARA_AUTO);
  g_assert_cmpuint(c3->windows, ==, 3); /* ceil(8 / 3) */
  g_assert_cmpuint(g_hash_table_size(c3->pairs), ==, 0);

  g_autoptr(EgCounts) c4 = eg_counts_new(EG_WINDOW_TOKENS, 4);
  add_doc(c4, "d", text, EG_PARA_AUTO);
  g_assert_cmpuint(c4->windows, ==, 2);
  g_assert_cmpuint(g_hash_table_size(c4->pairs), ==, 1);
  g_assert_cmpuint(pair(c4, "Maria Okafor", "Daniel Lund"), ==, 1);

  g_autoptr(EgCounts) c100 = eg_counts_new(EG_WINDOW_TOKENS, 100);
  add_doc(c100, "d", text, EG_PARA_AUTO);
  g_assert_cmpuint(c100->windows, ==, 1);
  g_assert_cmpuint(g_hash_table_size(c100->pairs), ==, 3);

  /* a document with no words still counts as one window */
  g_autoptr(EgCounts) e = eg_counts_new(EG_WINDOW_TOKENS, 5);
  add_doc(e, "d", "...", EG_PARA_AUTO);
  g_assert_cmpuint(e->documents, ==, 1);
  g_assert_cmpuint(e->windows, ==, 1);
}

static void
test_totals(void)
{
  const char *const texts[] = {
    "Maria Okafor met Daniel Lund. They talked.",
    "Daniel Lund flew to Oslo.",
    "Nothing happened here.",
    NULL
  };
  g_autoptr(EgCounts) c = count_docs(EG_WINDOW_SENTENCE, 0, texts);
  g_assert_cmpuint(c->documents, ==, 3);
  g_assert_cmpuint(c->windows, ==, 4);
  const EgEntityCounts *dl = ent(c, "Daniel Lund");
  g_assert_cmpuint(dl->documents, ==, 2);
  g_assert_cmpuint(dl->mentions, ==, 2);
  g_assert_cmpuint(dl->windows, ==, 2);
  g_assert_cmpuint(ent(c, "Oslo")->votes[EG_TYPE_LOC], >=, EG_VOTE_STRONG);
  g_assert_cmpuint(pair(c, "Daniel Lund", "Oslo"), ==, 1);
  g_assert_cmpuint(pair(c, "Daniel Lund", "Maria Okafor"), ==, 1);
  g_assert_cmpuint(g_hash_table_size(c->pairs), ==, 2);
}

static void
test_window_parse(void)
{
  EgWindowKind k = EG_WINDOW_DOCUMENT;
  guint size = 99;
  g_assert_true(eg_window_parse("sentence", &k, &size));
  g_assert_cmpint(k, ==, EG_WINDOW_SENTENCE);
  g_assert_cmpuint(size, ==, 0);
  g_assert_true(eg_window_parse("paragraph", &k, &size));
  g_assert_cmpint(k, ==, EG_WINDOW_PARAGRAPH);
  g_assert_true(eg_window_parse("document", &k, &size));
  g_assert_cmpint(k, ==, EG_WINDOW_DOCUMENT);
  g_assert_true(eg_window_parse("25", &k, &size));
  g_assert_cmpint(k, ==, EG_WINDOW_TOKENS);
  g_assert_cmpuint(size, ==, 25);
  g_assert_false(eg_window_parse("0", &k, &size));
  g_assert_false(eg_window_parse("-3", &k, &size));
  g_assert_false(eg_window_parse("ten", &k, &size));
  g_assert_false(eg_window_parse("", &k, &size));
  g_assert_false(eg_window_parse(NULL, &k, &size));
}

/* ---- merging ---------------------------------------------------------------------------------- */

/* ---- examples --------------------------------------------------------------------------------- */

/* The example of the pair A, B (either order), or NULL. */
static const char *
example(const EgCounts *c, const char *a, const char *b)
{
  const EgPairCounts *pc = eg_counts_pair(c, a, b);
  g_assert_nonnull(pc);
  return pc->example;
}

/* One sentence longer than EG_EXAMPLE_MAX serves several pairs, each cut around its own names
 * (names further apart than that keep both, the middle cut out);
 * white space (tabs, no-break spaces, doubled spaces) collapses; the first sentence naming a pair
 * is its example even when a later one is shorter. */
static void
test_examples_cut(void)
{
  GString *t = g_string_new("Maria Okafor met Daniel Lund on the pier, and ");
  for (guint i = 0; i < 4; i++)
    g_string_append(t, "the  quiet\u00a0harbour\twas full of boats and gulls while ");
  g_string_append(t, "later Ingrid Solberg arrived with ");
  for (guint i = 0; i < 4; i++)
    g_string_append(t, "the  quiet\u00a0harbour\twas full of boats and gulls while ");
  g_string_append(t, "news from Oslo.\n\nDaniel Lund  thanked Ingrid Solberg.  Maria Okafor left.");
  g_autoptr(EgCounts) c = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  add_doc(c, "doc7", t->str, EG_PARA_AUTO);
  g_string_free(t, TRUE);

  const char *harbour = "the quiet harbour was full of boats and gulls while ";
  g_autofree char *head = g_strconcat("Maria Okafor met Daniel Lund on the pier, and ", harbour,
                                      harbour, harbour, harbour,
                                      "later Ingrid Solberg arrived with the qu…", NULL);
  g_assert_cmpstr(example(c, "Maria Okafor", "Daniel Lund"), ==, head);
  g_assert_cmpstr(example(c, "Daniel Lund", "Ingrid Solberg"), ==, head);
  g_assert_cmpstr(example(c, "Maria Okafor", "Ingrid Solberg"), ==, head);
  /* Further apart than an example is long: the middle is cut out, both names stay. */
  g_autofree char *apart = g_strconcat("Maria Okafor met Daniel Lund on the pier, and ", harbour,
                                       "the quiet harbour was full of boats and gulls … of boats "
                                       "and gulls while ", harbour, harbour, "news from Oslo…", NULL);
  g_assert_cmpstr(example(c, "Maria Okafor", "Oslo"), ==, apart);
  g_assert_cmpuint(strlen(apart), <=, EG_EXAMPLE_MAX);
  g_autofree char *mid = g_strconcat("…Daniel Lund on the pier, and ", harbour, harbour,
                                     "the quiet h … of boats and gulls while ", harbour, harbour,
                                     "news from Oslo…", NULL);
  g_assert_cmpstr(example(c, "Daniel Lund", "Oslo"), ==, mid);
  g_autofree char *tail = g_strconcat("…ur was full of boats and gulls while later Ingrid Solberg "
                                      "arrived with ", harbour, harbour, harbour, harbour,
                                      "news from Oslo.", NULL);
  g_assert_cmpstr(example(c, "Ingrid Solberg", "Oslo"), ==, tail);
  const EgPairCounts *pc = eg_counts_pair(c, "Daniel Lund", "Ingrid Solberg");
  g_assert_cmpstr(pc->example_key, ==, "doc000000000007\t00000.0000000000");
  g_assert_cmpuint(pc->windows, ==, 2);
  g_assert_cmpuint(pc->documents, ==, 1);

  /* A later document's example does not replace an earlier one's, an earlier one's does. */
  add_doc(c, "doc9", "Daniel Lund met Ingrid Solberg.", EG_PARA_AUTO);
  g_assert_cmpstr(example(c, "Daniel Lund", "Ingrid Solberg"), ==, head);
  add_doc(c, "doc10", "Daniel Lund met Ingrid Solberg again.", EG_PARA_AUTO);
  g_assert_cmpstr(example(c, "Daniel Lund", "Ingrid Solberg"), ==, head);
  add_doc(c, "doc5", "Ingrid Solberg saw  Daniel Lund.", EG_PARA_AUTO);
  g_assert_cmpstr(example(c, "Daniel Lund", "Ingrid Solberg"), ==, "Ingrid Solberg saw Daniel Lund.");
  g_assert_cmpuint(pc->documents, ==, 4);
}

/* White space as the examples collapse it: every run of Unicode white space one space, none at
 * the ends. */
static char *
collapse_reference(const char *s)
{
  GString *r = g_string_new(NULL);
  gboolean space = FALSE;
  for (const char *p = s; *p; p = g_utf8_next_char(p)) {
    gunichar ch = g_utf8_get_char(p);
    if (g_unichar_isspace(ch)) {
      space = TRUE;
      continue;
    }
    if (space && r->len > 0)
      g_string_append_c(r, ' ');
    space = FALSE;
    g_string_append_len(r, p, g_utf8_next_char(p) - p);
  }
  return g_string_free(r, FALSE);
}

/* A short example is its sentence with white space collapsed, whatever the white space and
 * wherever it falls (runs are copied eight bytes at a time): tabs, doubled spaces, no-break,
 * em and ideographic spaces, and characters that start like wide spaces but are none. */
static void
test_examples_space(void)
{
  for (guint k = 0; k < 10; k++) {
    g_autofree char *pad = g_strnfill(k, 'a');
    /* a vertical tab is no white space to GLib (nor to g_unichar_isspace): kept as it is */
    g_autofree char *sentence = g_strconcat("Maria Okafor met ", pad, "  \t b\u00a0\u2003c  d \u3000 "
                                            "e\u00a9f \u20acg \u00a0 h i\vj k l mn  op Daniel Lund.", NULL);
    g_autoptr(EgCounts) c = eg_counts_new(EG_WINDOW_SENTENCE, 0);
    add_doc(c, "doc1", sentence, EG_PARA_AUTO);
    g_autofree char *want = collapse_reference(sentence);
    g_assert_cmpstr(example(c, "Maria Okafor", "Daniel Lund"), ==, want);
  }
}

/* A sentence too long to be an example whole is cut around the pair's names: the cut is made
 * on the collapsed text, vertical tabs (kept, not white space) and all. */
static void
test_examples_long_vtab(void)
{
  g_autoptr(GString) s = g_string_new("John Smith said");
  for (guint k = 0; k < 30; k++)
    g_string_append(s, " alpha beta gamma \v");
  for (guint k = 0; k < 40; k++)
    g_string_append(s, " word");
  g_string_append(s, " and then met Angela Merkel in Berlin on Monday.");
  g_autoptr(EgCounts) c = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  add_doc(c, "doc1", s->str, EG_PARA_AUTO);
  const char *ex = example(c, "Angela Merkel", "Berlin");
  g_assert_nonnull(ex);
  g_assert_nonnull(strstr(ex, "Angela Merkel in Berlin"));
  g_assert_true(g_str_has_suffix(ex, "on Monday."));
}

/* Two entities of one part that share a label (the counts allow it) make one pair met twice:
 * the later sentence must not take the example the earlier one just set. */
static void
test_examples_label_twice(void)
{
  const char *text = "Yann Tiersen met Bob Green in the hall.\n\nCarl White then met Yann Tiersen there.\n";
  EgDocument doc = { "d1", text, strlen(text), 0, TRUE, 0 };
  g_autoptr(EgCounts) c = eg_counts_new(EG_WINDOW_DOCUMENT, 0);
  EgSegmentation *seg = eg_segment(text, strlen(text), EG_PARA_AUTO);
  GArray *mentions = eg_ner_find(text, seg);
  EgResolution *res = eg_resolve_document_with(mentions, NULL);
  g_assert_cmpuint(res->entities->len, ==, 3);
  EgDocEntity **ents = (EgDocEntity **)res->entities->pdata;
  g_assert_cmpstr(ents[1]->label, ==, "Bob Green");
  const char *own = ents[2]->label;
  ents[2]->label = ents[1]->label; /* "Carl White" labelled "Bob Green" */
  eg_counts_add_part(c, &doc, seg, mentions, res, NULL, TRUE);
  ents[2]->label = own;
  g_assert_cmpstr(example(c, "Yann Tiersen", "Bob Green"), ==, "Yann Tiersen met Bob Green in the hall.");
  eg_resolution_free(res);
  g_array_unref(mentions);
  eg_segmentation_free(seg);
}

/* Documents of one id: of equal keys the smaller sentence is the example; a later sentence of
 * that id never is. */
static void
test_examples_same_id(void)
{
  g_autoptr(EgCounts) c = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  add_doc(c, "doc1", "Maria Okafor met Daniel Lund in May.", EG_PARA_AUTO);
  add_doc(c, "doc1", "Maria Okafor saw Daniel Lund.", EG_PARA_AUTO);
  g_assert_cmpstr(example(c, "Maria Okafor", "Daniel Lund"), ==, "Maria Okafor met Daniel Lund in May.");
  add_doc(c, "doc1", "Nobody came. Maria Okafor and Daniel Lund left.", EG_PARA_AUTO);
  g_assert_cmpstr(example(c, "Maria Okafor", "Daniel Lund"), ==, "Maria Okafor met Daniel Lund in May.");
  add_doc(c, "doc1", "Maria Okafor and Daniel Lund left.", EG_PARA_AUTO);
  g_assert_cmpstr(example(c, "Maria Okafor", "Daniel Lund"), ==, "Maria Okafor and Daniel Lund left.");
  add_doc(c, "doc01", "Maria Okafor thanked Daniel Lund.", EG_PARA_AUTO);
  g_assert_cmpstr(example(c, "Maria Okafor", "Daniel Lund"), ==, "Maria Okafor and Daniel Lund left.");
  add_doc(c, "doc0", "Maria Okafor thanked Daniel Lund.", EG_PARA_AUTO);
  g_assert_cmpstr(example(c, "Maria Okafor", "Daniel Lund"), ==, "Maria Okafor thanked Daniel Lund.");
}

static void
assert_counts_equal(const EgCounts *a, const EgCounts *b)
{
  g_assert_cmpuint(a->documents, ==, b->documents);
  g_assert_cmpuint(a->windows, ==, b->windows);
  g_assert_cmpuint(g_hash_table_size(a->entities), ==, g_hash_table_size(b->entities));
  g_assert_cmpuint(g_hash_table_size(a->pairs), ==, g_hash_table_size(b->pairs));
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, a->entities);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    const EgEntityCounts *x = v, *y = ent(b, k);
    g_assert_cmpuint(x->mentions, ==, y->mentions);
    g_assert_cmpuint(x->documents, ==, y->documents);
    g_assert_cmpuint(x->windows, ==, y->windows);
    for (guint t = 0; t < EG_N_TYPES; t++)
      g_assert_cmpuint(x->votes[t], ==, y->votes[t]);
    g_assert_cmpuint(x->n_surfaces, ==, y->n_surfaces);
    for (guint i = 0; i < x->n_surfaces; i++)
      g_assert_cmpuint(x->surfaces[i].count, ==, surface(y, x->surfaces[i].text));
  }
  g_hash_table_iter_init(&it, a->pairs);
  while (g_hash_table_iter_next(&it, &k, NULL)) {
    const EgPairCounts *x = k;
    const EgPairCounts *y = eg_counts_pair(b, eg_counts_label(a, x->a), eg_counts_label(a, x->b));
    g_assert_nonnull(y);
    g_assert_cmpuint(x->windows, ==, y->windows);
    g_assert_cmpuint(x->documents, ==, y->documents);
  }
}

static void
test_merge(void)
{
  const char *const one[] = { "Maria Okafor met Daniel Lund. Okafor left.", "Daniel Lund flew to Oslo.", NULL };
  const char *const two[] = { "Priya Raman met Maria Okafor in Oslo.", "Lund's plan and Okafor's plan.", NULL };
  const char *const all[] = { one[0], one[1], two[0], two[1], NULL };
  g_autoptr(EgCounts) a = count_docs(EG_WINDOW_SENTENCE, 0, one);
  g_autoptr(EgCounts) b = count_docs(EG_WINDOW_SENTENCE, 0, two);
  g_autoptr(EgCounts) whole = count_docs(EG_WINDOW_SENTENCE, 0, all);
  g_autoptr(GError) error = NULL;
  g_assert_true(eg_counts_merge(a, b, &error));
  g_assert_no_error(error);
  assert_counts_equal(a, whole);
  assert_counts_equal(whole, a);
  g_assert_cmpuint(a->documents, ==, 4);
  /* FROM is unchanged */
  g_assert_cmpuint(b->documents, ==, 2);

  /* merging into an empty table copies */
  g_autoptr(EgCounts) empty = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  g_assert_true(eg_counts_merge(empty, whole, NULL));
  assert_counts_equal(empty, whole);
}

/* Moving a partial in gives what copying it in gives, examples included. */
static void
test_merge_take(void)
{
  const char *const one[] = { "Maria Okafor met Daniel Lund. Okafor left.", "Daniel Lund flew to Oslo.", NULL };
  /* two's first document names Lund and Oslo: its example (doc0) replaces one's (doc1) */
  const char *const two[] = { "Priya Raman met Daniel Lund in Oslo.", "Lund's plan and Okafor's plan.",
                              "Daniel Lund met Maria Okafor in Oslo.", NULL };
  g_autoptr(EgCounts) copied = count_docs(EG_WINDOW_SENTENCE, 0, one);
  g_autoptr(EgCounts) moved = count_docs(EG_WINDOW_SENTENCE, 0, one);
  g_autoptr(EgCounts) b = count_docs(EG_WINDOW_SENTENCE, 0, two);
  g_assert_true(eg_counts_merge(copied, b, NULL));
  g_assert_true(eg_counts_merge_take(moved, count_docs(EG_WINDOW_SENTENCE, 0, two), NULL));
  assert_counts_equal(moved, copied);
  assert_counts_equal(copied, moved);
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init(&it, copied->pairs);
  while (g_hash_table_iter_next(&it, &k, NULL)) {
    const EgPairCounts *x = k;
    const EgPairCounts *y = eg_counts_pair(moved, eg_counts_label(copied, x->a), eg_counts_label(copied, x->b));
    g_assert_cmpuint(x->documents, ==, y->documents);
    g_assert_cmpstr(x->example_key, ==, y->example_key);
    g_assert_cmpstr(x->example, ==, y->example);
  }
  const EgPairCounts *lo = eg_counts_pair(moved, "Daniel Lund", "Oslo");
  g_assert_cmpstr(lo->example, ==, "Priya Raman met Daniel Lund in Oslo.");
  /* refused: FROM is freed all the same */
  g_autoptr(GError) error = NULL;
  g_assert_false(eg_counts_merge_take(moved, eg_counts_new(EG_WINDOW_DOCUMENT, 0), &error));
  g_assert_error(error, EG_ERROR, EG_ERROR_HEADER);
}

/* The pairs of one sentence share its example; examples given up again and again (documents
 * read in reverse order) are stored anew and the old ones reclaimed, and the smallest stays. */
static void
test_examples_shared(void)
{
  const char *const one[] = { "Maria Okafor met Daniel Lund in Oslo.", NULL };
  g_autoptr(EgCounts) c = count_docs(EG_WINDOW_SENTENCE, 0, one);
  const EgPairCounts *ml = eg_counts_pair(c, "Maria Okafor", "Daniel Lund");
  const EgPairCounts *mo = eg_counts_pair(c, "Maria Okafor", "Oslo");
  const EgPairCounts *lo = eg_counts_pair(c, "Daniel Lund", "Oslo");
  g_assert_cmpstr(ml->example, ==, "Maria Okafor met Daniel Lund in Oslo.");
  g_assert_true(ml->example_key == mo->example_key && mo->example_key == lo->example_key);

  /* 6,000 rounds of ten pairs, each round's example before the last: megabytes given up */
  g_autoptr(EgCounts) r = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  g_autoptr(EgCounts) later = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  g_autofree char *filler = g_strnfill(250, 'x');
  for (int round = 5999; round >= 0; round--) {
    char id[16];
    g_snprintf(id, sizeof id, "%d", round);
    g_autofree char *key = eg_counts_example_key(id, 0, 0);
    g_autofree char *text = g_strdup_printf("%d %s", round, filler);
    for (guint p = 0; p < 10; p++) {
      char b[8];
      g_snprintf(b, sizeof b, "B%u", p);
      eg_counts_add_pair(r, "A", b, 1, 1, key, text);
      if (round == 5999)
        eg_counts_add_pair(later, "A", b, 1, 1, key, text);
    }
  }
  g_autofree char *k0 = eg_counts_example_key("0", 0, 0);
  g_autofree char *t0 = g_strdup_printf("0 %s", filler);
  const EgPairCounts *first = eg_counts_pair(r, "A", "B0");
  for (guint p = 0; p < 10; p++) {
    char b[8];
    g_snprintf(b, sizeof b, "B%u", p);
    const EgPairCounts *pc = eg_counts_pair(r, "A", b);
    g_assert_cmpuint(pc->windows, ==, 6000);
    g_assert_cmpstr(pc->example_key, ==, k0);
    g_assert_cmpstr(pc->example, ==, t0);
    g_assert_true(pc->example_key == first->example_key);
  }
  /* merged into counts holding a later example: the earlier one wins, either way round */
  g_assert_true(eg_counts_merge(later, r, NULL));
  g_assert_cmpstr(eg_counts_pair(later, "A", "B9")->example, ==, t0);
  g_assert_cmpstr(eg_counts_pair(later, "B3", "A")->example_key, ==, k0);
}

/* Counted documents read in reverse order of their ids: each whole sentence is stored as the
 * example of the pairs it names and given up for the next, megabytes of them, so what counting
 * stores outside the example set is reclaimed and moved like the rest; the smallest stays, one
 * record for the pairs of its sentence, and merges as any other. */
static void
test_examples_counted_given_up(void)
{
  g_autoptr(EgCounts) c = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  g_autofree char *filler = g_strnfill(220, 'x');
  for (int round = 3999; round >= 0; round--) {
    char id[16];
    g_snprintf(id, sizeof id, "d%d", round);
    g_autofree char *text =
        g_strdup_printf("Maria Okafor met Daniel Lund and Anna Berg on day %d %s.", round, filler);
    add_doc(c, id, text, EG_PARA_AUTO);
  }
  g_autofree char *t0 = g_strdup_printf("Maria Okafor met Daniel Lund and Anna Berg on day 0 %s.", filler);
  g_autofree char *k0 = eg_counts_example_key("d0", 0, 0);
  const EgPairCounts *ml = eg_counts_pair(c, "Maria Okafor", "Daniel Lund");
  const EgPairCounts *ma = eg_counts_pair(c, "Maria Okafor", "Anna Berg");
  const EgPairCounts *la = eg_counts_pair(c, "Daniel Lund", "Anna Berg");
  g_assert_cmpuint(ml->windows, ==, 4000);
  g_assert_cmpstr(ml->example, ==, t0);
  g_assert_cmpstr(la->example_key, ==, k0);
  g_assert_true(ml->example_key == ma->example_key && ma->example_key == la->example_key);

  /* merged both ways with counts of a later document */
  g_autoptr(EgCounts) later = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  add_doc(later, "d5", "Maria Okafor met Daniel Lund and Anna Berg.", EG_PARA_AUTO);
  g_autoptr(EgCounts) copy = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  g_assert_true(eg_counts_merge(copy, c, NULL));
  g_assert_true(eg_counts_merge(later, c, NULL));
  g_assert_true(eg_counts_merge(copy, later, NULL));
  g_assert_cmpstr(example(later, "Anna Berg", "Maria Okafor"), ==, t0);
  g_assert_cmpstr(example(copy, "Daniel Lund", "Anna Berg"), ==, t0);
  g_assert_cmpuint(pair(copy, "Maria Okafor", "Daniel Lund"), ==, 8001);
}

static void
test_merge_refuses(void)
{
  const char *const one[] = { "Maria Okafor met Daniel Lund.", NULL };
  g_autoptr(EgCounts) s = count_docs(EG_WINDOW_SENTENCE, 0, one);
  g_autoptr(EgCounts) p = count_docs(EG_WINDOW_PARAGRAPH, 0, one);
  g_autoptr(EgCounts) t3 = count_docs(EG_WINDOW_TOKENS, 3, one);
  g_autoptr(EgCounts) t4 = count_docs(EG_WINDOW_TOKENS, 4, one);

  g_autoptr(GError) error = NULL;
  g_assert_false(eg_counts_merge(s, p, &error));
  g_assert_error(error, EG_ERROR, EG_ERROR_HEADER);
  g_assert_nonnull(error->message);
  g_clear_error(&error);
  /* nothing changed */
  g_assert_cmpuint(s->documents, ==, 1);
  g_assert_cmpuint(ent(s, "Maria Okafor")->mentions, ==, 1);
  g_assert_cmpuint(pair(s, "Maria Okafor", "Daniel Lund"), ==, 1);

  g_assert_false(eg_counts_merge(t3, t4, &error));
  g_assert_error(error, EG_ERROR, EG_ERROR_HEADER);
  g_clear_error(&error);
  g_assert_cmpuint(t3->documents, ==, 1);
  g_assert_false(eg_counts_merge(t4, s, NULL));
}

/* A window of more distinct entities than max_entities counts them but none of its pairs, and
 * says so (crowded, and the least document by key, whatever the order of counting or merging);
 * a window at the limit counts its pairs; counts of two limits do not merge. */
static void
test_window_crowded(void)
{
  const char *at_limit = "Maria Okafor met Daniel Lund and Carl White.";
  const char *over = "Bob Green, Maria Okafor, Daniel Lund and Carl White met.";
  g_autoptr(EgCounts) a = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  g_autoptr(EgCounts) b = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  g_assert_cmpuint(a->max_entities, ==, EG_WINDOW_MAX_ENTITIES);
  a->max_entities = b->max_entities = 3;
  add_doc(a, "doc10", over, EG_PARA_AUTO);
  add_doc(a, "doc2", at_limit, EG_PARA_AUTO);
  add_doc(b, "doc9", over, EG_PARA_AUTO);

  g_assert_cmpuint(pair(a, "Maria Okafor", "Daniel Lund"), ==, 1);
  g_assert_cmpuint(pair(a, "Carl White", "Daniel Lund"), ==, 1);
  g_assert_null(eg_counts_pair(a, "Bob Green", "Maria Okafor"));
  g_assert_cmpuint(ent(a, "Bob Green")->mentions, ==, 1);
  g_assert_cmpuint(ent(a, "Bob Green")->windows, ==, 1);
  g_assert_cmpuint(ent(a, "Maria Okafor")->windows, ==, 2);
  g_assert_cmpuint(a->windows, ==, 2);
  const char *doc = NULL;
  g_assert_cmpuint(eg_counts_crowded(a, &doc), ==, 1);
  g_assert_cmpstr(doc, ==, "doc10");

  /* doc9 sorts before doc10 (numbers compare as numbers in keys), whichever counts first */
  g_assert_true(eg_counts_merge(a, b, NULL));
  g_assert_cmpuint(eg_counts_crowded(a, &doc), ==, 2);
  g_assert_cmpstr(doc, ==, "doc9");
  g_assert_null(eg_counts_pair(a, "Bob Green", "Maria Okafor"));

  g_autoptr(EgCounts) d = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  add_doc(d, "doc1", over, EG_PARA_AUTO);
  g_assert_cmpuint(eg_counts_crowded(d, &doc), ==, 0);
  g_assert_null(doc);
  g_assert_cmpuint(pair(d, "Bob Green", "Maria Okafor"), ==, 1);
  g_autoptr(GError) error = NULL;
  g_assert_false(eg_counts_merge(d, a, &error));
  g_assert_error(error, EG_ERROR, EG_ERROR_HEADER);
  g_autofree char *header = eg_counts_header(a);
  g_assert_nonnull(strstr(header, " max-entities=3 "));
  g_autofree char *plain = eg_counts_header(d);
  g_assert_null(strstr(plain, "max-entities"));

  guint max = 0;
  g_assert_true(eg_max_entities_parse("2", &max));
  g_assert_cmpuint(max, ==, 2);
  g_assert_true(eg_max_entities_parse("2000", &max));
  g_assert_cmpuint(max, ==, EG_WINDOW_MAX_ENTITIES_CAP);
  g_assert_false(eg_max_entities_parse("2001", &max));
  g_assert_false(eg_max_entities_parse("none", &max));
  g_assert_false(eg_max_entities_parse("0", &max));
  g_assert_false(eg_max_entities_parse("1", &max));
  g_assert_false(eg_max_entities_parse("-3", &max));
  g_assert_false(eg_max_entities_parse("many", &max));
}

/* The document a crowded window is reported in is the least by key in any order of merging, and
 * periods of --slice are summed; a crowded sentence is no pair's example, even of a pair it
 * names that a later window counts. */
static void
test_window_crowded_merge_slice(void)
{
  const char *over = "Bob Green, Maria Okafor, Daniel Lund and Carl White met.";
  g_autoptr(EgCounts) a = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  g_autoptr(EgCounts) b = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  a->max_entities = b->max_entities = 3;
  add_doc(a, "doc9", over, EG_PARA_AUTO);
  add_doc(b, "doc10", over, EG_PARA_AUTO);
  const char *doc = NULL;
  g_assert_true(eg_counts_merge(a, b, NULL)); /* the least key is in INTO already */
  g_assert_cmpuint(eg_counts_crowded(a, &doc), ==, 2);
  g_assert_cmpstr(doc, ==, "doc9");

  g_autoptr(EgCounts) s = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  s->max_entities = 3;
  s->slice = EG_SLICE_MONTH;
  for (guint i = 0; i < 3; i++) {
    g_autofree char *id = g_strdup_printf("m%u", 3 - i);
    EgDocument d = { id, over, strlen(over), 0, TRUE, 0 };
    d.day = 20000 + 40 * i; /* three months */
    eg_pipeline_count_document(s, &d, EG_PARA_AUTO);
  }
  g_assert_cmpuint(g_hash_table_size(s->periods), ==, 3);
  g_assert_cmpuint(s->crowded, ==, 0);
  g_assert_cmpuint(eg_counts_crowded(s, &doc), ==, 3);
  g_assert_cmpstr(doc, ==, "m1");
  g_autoptr(EgCounts) whole = eg_counts_sum_periods(s);
  g_assert_cmpuint(eg_counts_crowded(whole, &doc), ==, 3);
  g_assert_cmpstr(doc, ==, "m1");

  g_autoptr(EgCounts) p = eg_counts_new(EG_WINDOW_PARAGRAPH, 0);
  p->max_entities = 3;
  add_doc(p, "doc1", "The roster: Bob Green, Maria Okafor, Daniel Lund and Carl White.\n\n"
                     "Maria Okafor met Daniel Lund in Paris.", EG_PARA_AUTO);
  g_assert_cmpuint(pair(p, "Maria Okafor", "Daniel Lund"), ==, 1);
  g_assert_cmpstr(example(p, "Maria Okafor", "Daniel Lund"), ==, "Maria Okafor met Daniel Lund in Paris.");
  g_assert_cmpuint(p->crowded, ==, 1);
}

/* The names of a list of N people, "Anna Okafor, Boris Lund, ...", all told apart, then the
 * first REPEAT of them again. */
static char *
people_list(guint n, guint repeat)
{
  static const char *const given[] = { "Anna", "Boris", "Carl", "Dora", "Emil", "Greta", "Hans",
                                       "Jonas", "Karl", "Lena", "Nora", "Otto", "Paul", "Rita" };
  static const char *const family[] = { "Okafor", "Lund", "Tiersen", "Green", "White", "Berg" };
  GString *s = g_string_new("The list names ");
  for (guint j = 0; j < n + repeat; j++) {
    guint i = j < n ? j : j - n;
    g_string_append_printf(s, "%s%s %s", j ? ", " : "", given[i % G_N_ELEMENTS(given)],
                           family[i / G_N_ELEMENTS(given) % G_N_ELEMENTS(family)]);
  }
  g_string_append(s, ".");
  return g_string_free(s, FALSE);
}

/* A sentence of many names finds each pair's example as a short one does: by marks and, in
 * windows of a few words, by a walk over the part's pairs (both were quadratic in its names).
 * An example depends on its sentence and the pair's first names in it, not on the window: each
 * pair of the five-word windows has the example the same pair has in sentence windows, which
 * name all 3,160 pairs, too many for a walk. The first ten names come again at the end, in
 * windows of their own: their first mentions, not their last, place the cut. */
static void
test_examples_many_names(void)
{
  g_autofree char *text = people_list(80, 10);
  const char *const docs[] = { text, NULL };
  g_autoptr(EgCounts) sentence = count_docs(EG_WINDOW_SENTENCE, 0, docs);
  g_autoptr(EgCounts) words = count_docs(EG_WINDOW_TOKENS, 5, docs);
  g_assert_cmpuint(g_hash_table_size(sentence->entities), ==, 80);
  g_assert_cmpuint(g_hash_table_size(sentence->pairs), ==, 80 * 79 / 2);
  /* Name I starts at word 3 + 2I: windows 1, 3, ..., 31 of five words start three names (three
   * pairs), windows 2, 4, ..., 30 two (one pair), window 0 one. The repeats of names 0 to 9
   * start at words 163 to 181: window 32 pairs name 79 with name 0, and windows 33 to 36 hold
   * the names of windows 1 to 4 again. */
  g_assert_cmpuint(g_hash_table_size(words->pairs), ==, 16 * 3 + 15 + 1);
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init(&it, words->pairs);
  while (g_hash_table_iter_next(&it, &k, NULL)) {
    const EgPairCounts *pc = k;
    const char *la = eg_counts_label(words, pc->a), *lb = eg_counts_label(words, pc->b);
    g_assert_nonnull(pc->example);
    g_assert_nonnull(strstr(pc->example, la));
    g_assert_nonnull(strstr(pc->example, lb));
    g_assert_cmpstr(pc->example, ==, example(sentence, la, lb));
  }
}

/* ---- consolidation ---------------------------------------------------------------------------- */

static void
test_consolidate_sorted(void)
{
  const char *const texts[] = {
    "Priya Raman met Maria Okafor and Daniel Lund in Oslo.",
    "Daniel Lund told Maria Okafor about Oslo.",
    NULL
  };
  g_autoptr(EgCounts) c = count_docs(EG_WINDOW_SENTENCE, 0, texts);
  g_autoptr(EgNodeTable) t = eg_consolidate(c);
  g_autofree char *got = node_labels(t);
  g_assert_cmpstr(got, ==, "Daniel Lund|Maria Okafor|Oslo|Priya Raman");
  assert_table_sorted(t);
  g_assert_cmpuint(t->documents, ==, 2);
  g_assert_cmpuint(t->windows, ==, 2);
  g_assert_cmpuint(t->edges->len, ==, 6);
  g_assert_cmpuint(edge(t, "Daniel Lund", "Maria Okafor"), ==, 2);
  g_assert_cmpuint(edge(t, "Maria Okafor", "Oslo"), ==, 2);
  g_assert_cmpuint(edge(t, "Oslo", "Priya Raman"), ==, 1);
  const EgNode *oslo = node(t, 2);
  g_assert_cmpint(oslo->type, ==, EG_TYPE_LOC);
  g_assert_cmpuint(oslo->mentions, ==, 2);
  g_assert_cmpuint(oslo->documents, ==, 2);
  g_assert_cmpstr(oslo->aliases, ==, "");
  g_assert_cmpint(node(t, 0)->type, ==, EG_TYPE_PERSON);
}

static void
test_consolidate_surname_across_documents(void)
{
  const char *const texts[] = {
    "Maria Okafor spoke at the port.",
    "Reporters asked Okafor about Lund.",
    "Daniel Lund answered later.",
    NULL
  };
  g_autoptr(EgCounts) c = count_docs(EG_WINDOW_SENTENCE, 0, texts);
  /* the documents themselves know only the short forms */
  g_assert_nonnull(ent(c, "Okafor"));
  g_assert_cmpuint(pair(c, "Lund", "Okafor"), ==, 1);
  g_autoptr(EgNodeTable) t = eg_consolidate(c);
  g_autofree char *got = node_labels(t);
  g_assert_cmpstr(got, ==, "Daniel Lund|Maria Okafor");
  const EgNode *mo = node(t, 1);
  g_assert_cmpuint(mo->mentions, ==, 2);
  g_assert_cmpuint(mo->documents, ==, 2);
  g_assert_cmpstr(mo->aliases, ==, "Okafor");
  g_assert_cmpint(mo->type, ==, EG_TYPE_PERSON);
  g_assert_cmpuint(edge(t, "Daniel Lund", "Maria Okafor"), ==, 1);
  assert_table_sorted(t);

  /* two full names with one surname: the short form stays apart */
  const char *const amb[] = { "Maria Okafor spoke.", "Daniel Okafor spoke.", "Reporters asked Okafor.", NULL };
  g_autoptr(EgCounts) ca = count_docs(EG_WINDOW_SENTENCE, 0, amb);
  g_autoptr(EgNodeTable) ta = eg_consolidate(ca);
  g_autofree char *gota = node_labels(ta);
  g_assert_cmpstr(gota, ==, "Daniel Okafor|Maria Okafor|Okafor");
}

static void
test_consolidate_spelling_variants(void)
{
  const char *const texts[] = {
    "Critics praised Ana Wasserman-Schultz.",
    "Critics praised Ana Wasserman Schultz.",
    "Critics praised ANA WASSERMAN SCHULTZ.",
    NULL
  };
  g_autoptr(EgCounts) c = count_docs(EG_WINDOW_SENTENCE, 0, texts);
  g_assert_cmpuint(g_hash_table_size(c->entities), ==, 3);
  g_autoptr(EgNodeTable) t = eg_consolidate(c);
  g_assert_cmpuint(t->nodes->len, ==, 1);
  const EgNode *n = node(t, 0);
  /* equal words and mentions: the byte-smaller label */
  g_assert_cmpstr(n->label, ==, "ANA WASSERMAN SCHULTZ");
  g_assert_cmpuint(n->mentions, ==, 3);
  g_assert_cmpuint(n->documents, ==, 3);
  g_assert_cmpstr(n->aliases, ==, "Ana Wasserman Schultz|Ana Wasserman-Schultz");
}

static void
test_consolidate_acronym_across_documents(void)
{
  const char *const texts[] = {
    "The Alpha Beta Committee met in Oslo.",
    "Officials said the ABC voted twice. The ABC then adjourned.",
    NULL
  };
  g_autoptr(EgCounts) c = count_docs(EG_WINDOW_DOCUMENT, 0, texts);
  g_autoptr(EgNodeTable) t = eg_consolidate(c);
  g_autofree char *got = node_labels(t);
  g_assert_cmpstr(got, ==, "Alpha Beta Committee|Oslo");
  const EgNode *abc = node(t, 0);
  g_assert_cmpint(abc->type, ==, EG_TYPE_ORG);
  g_assert_cmpuint(abc->mentions, ==, 3);
  g_assert_cmpuint(abc->documents, ==, 2);
  g_assert_cmpstr(abc->aliases, ==, "ABC");

  /* an acronym of two organisations stays apart */
  const char *const amb[] = {
    "The Alpha Beta Committee met.", "The Arctic Bird Council met.", "Officials said the ABC voted.", NULL
  };
  g_autoptr(EgCounts) ca = count_docs(EG_WINDOW_DOCUMENT, 0, amb);
  g_autoptr(EgNodeTable) ta = eg_consolidate(ca);
  g_autofree char *gota = node_labels(ta);
  g_assert_cmpstr(gota, ==, "ABC|Alpha Beta Committee|Arctic Bird Council");
}

static void
test_consolidate_self_loops(void)
{
  /* "Okafor" and "Maria Okafor" shared windows in some document without being joined there;
   * once they are one node the pair is not an edge, and pairs landing on one edge add up. */
  g_autoptr(EgCounts) c = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  c->documents = 3;
  c->windows = 9;
  put_entity(c, "Maria Okafor", 4, 2, 6, 0, 0, 0);
  put_entity(c, "Okafor", 2, 2, 1, 0, 0, 0);
  put_entity(c, "Daniel Lund", 3, 2, 6, 0, 0, 0);
  put_pair(c, "Maria Okafor", "Okafor", 5);
  put_pair(c, "Daniel Lund", "Okafor", 2);
  put_pair(c, "Daniel Lund", "Maria Okafor", 3);
  put_pair(c, "Daniel Lund", "Nobody Known", 7); /* a label without an entity is ignored */
  g_autoptr(EgNodeTable) t = eg_consolidate(c);
  g_autofree char *got = node_labels(t);
  g_assert_cmpstr(got, ==, "Daniel Lund|Maria Okafor");
  g_assert_cmpuint(t->edges->len, ==, 1);
  g_assert_cmpuint(edge(t, "Daniel Lund", "Maria Okafor"), ==, 5);
  assert_table_sorted(t);
  g_assert_cmpuint(node(t, 1)->mentions, ==, 6);
  g_assert_cmpuint(node(t, 1)->documents, ==, 3); /* 2 + 2, capped by the corpus size */
  g_assert_cmpuint(t->documents, ==, 3);
  g_assert_cmpuint(t->windows, ==, 9);
}

static void
test_consolidate_type_vote(void)
{
  g_autoptr(EgCounts) c = eg_counts_new(EG_WINDOW_DOCUMENT, 0);
  c->documents = 5;
  put_entity(c, "Kvalfjord", 4, 4, 2, 0, 5, 1);   /* LOC */
  put_entity(c, "Halvorsen", 3, 3, 2, 2, 0, 0);   /* tie: the earlier type, PERSON */
  put_entity(c, "Zephyr", 1, 1, 0, 0, 0, 0);      /* no votes: MISC */
  put_entity(c, "Borealis Group", 2, 1, 1, 3, 0, 0); /* ORG */
  put_entity(c, "Nordic", 1, 1, 0, 0, 1, 1);      /* tie LOC/MISC: LOC */
  g_autoptr(EgNodeTable) t = eg_consolidate(c);
  g_autofree char *got = node_labels(t);
  g_assert_cmpstr(got, ==, "Borealis Group|Halvorsen|Kvalfjord|Nordic|Zephyr");
  g_assert_cmpint(node(t, 0)->type, ==, EG_TYPE_ORG);
  g_assert_cmpint(node(t, 1)->type, ==, EG_TYPE_PERSON);
  g_assert_cmpint(node(t, 2)->type, ==, EG_TYPE_LOC);
  g_assert_cmpint(node(t, 3)->type, ==, EG_TYPE_LOC);
  g_assert_cmpint(node(t, 4)->type, ==, EG_TYPE_MISC);
  g_assert_cmpuint(t->edges->len, ==, 0);

  /* a node's type is the vote of all its names */
  g_autoptr(EgCounts) d = eg_counts_new(EG_WINDOW_DOCUMENT, 0);
  d->documents = 2;
  put_entity(d, "Borealis Group", 1, 1, 0, 3, 0, 0);
  put_entity(d, "BOREALIS GROUP", 5, 1, 5, 0, 0, 0);
  g_autoptr(EgNodeTable) u = eg_consolidate(d);
  g_assert_cmpuint(u->nodes->len, ==, 1);
  g_assert_cmpstr(node(u, 0)->label, ==, "BOREALIS GROUP"); /* more mentions */
  g_assert_cmpint(node(u, 0)->type, ==, EG_TYPE_PERSON);    /* 5 against 3 */
  g_assert_cmpuint(node(u, 0)->mentions, ==, 6);
  g_assert_cmpuint(node(u, 0)->documents, ==, 2);
  g_assert_cmpstr(node(u, 0)->aliases, ==, "Borealis Group");
}

static void
test_consolidate_aliases_order(void)
{
  const char *const texts[] = {
    "Maria Okafor spoke. Okafor's aides cheered. Okafor's plan won.",
    "Maria Okafor spoke again. Reporters asked Okafor.",
    NULL
  };
  g_autoptr(EgCounts) c = count_docs(EG_WINDOW_SENTENCE, 0, texts);
  g_autoptr(EgNodeTable) t = eg_consolidate(c);
  g_assert_cmpuint(t->nodes->len, ==, 1);
  g_assert_cmpstr(node(t, 0)->label, ==, "Maria Okafor");
  g_assert_cmpuint(node(t, 0)->mentions, ==, 5);
  /* most frequent first; the label itself is not an alias */
  g_assert_cmpstr(node(t, 0)->aliases, ==, "Okafor's|Okafor");
}

/* Counts that are part of those the decisions were taken on: a name goes under its node's name
 * and type even when the part lacks that name; a name the decisions never saw is a node of its
 * own, typed by its own votes. Parts holding most of the whole's names and small parts take
 * different ways to their order and must agree. */
static void
test_consolidate_with_part(void)
{
  g_autoptr(EgCounts) whole = eg_counts_new(EG_WINDOW_DOCUMENT, 0);
  whole->documents = 4;
  put_entity(whole, "Maria Okafor", 2, 2, 2, 0, 0, 0);
  put_entity(whole, "Okafor", 1, 1, 1, 0, 0, 0);
  put_entity(whole, "Oslo", 2, 2, 0, 0, 2, 0);
  g_autoptr(EgMerges) merges = eg_merges_new(whole);

  for (guint extra = 0; extra < 2; extra++) {
    /* EXTRA: the whole also holds 20 names the part lacks, so the part is small beside it */
    g_autoptr(EgMerges) m = NULL;
    if (extra) {
      for (guint k = 0; k < 20; k++) {
        g_autofree char *name = g_strdup_printf("Filler %02u", k);
        put_entity(whole, name, 1, 1, 0, 0, 0, 1);
      }
      m = eg_merges_new(whole);
    }
    g_autoptr(EgCounts) part = eg_counts_new(EG_WINDOW_DOCUMENT, 0);
    part->documents = 2;
    put_entity(part, "Okafor", 1, 1, 0, 1, 0, 0);   /* its own votes say ORG */
    put_entity(part, "Oslo", 1, 1, 0, 0, 1, 0);
    put_entity(part, "Zephyr", 2, 1, 0, 2, 0, 0);   /* never seen by the decisions */
    put_pair(part, "Okafor", "Zephyr", 2);
    put_pair(part, "Okafor", "Oslo", 1);
    put_pair(part, "Oslo", "Zephyr", 1);
    g_autoptr(EgNodeTable) t = eg_consolidate_with(part, extra ? m : merges);
    g_autofree char *got = node_labels(t);
    g_assert_cmpstr(got, ==, "Maria Okafor|Oslo|Zephyr");
    assert_table_sorted(t);
    g_assert_cmpint(node(t, 0)->type, ==, EG_TYPE_PERSON); /* the whole's vote */
    g_assert_cmpstr(node(t, 0)->aliases, ==, "Okafor");
    g_assert_cmpint(node(t, 2)->type, ==, EG_TYPE_ORG);
    g_assert_cmpuint(edge(t, "Maria Okafor", "Zephyr"), ==, 2);
    g_assert_cmpuint(edge(t, "Maria Okafor", "Oslo"), ==, 1);
    g_assert_cmpuint(edge(t, "Oslo", "Zephyr"), ==, 1);

    /* without the unseen name (its pairs stay, naming a label that is no entity): every name
     * is the decisions' */
    g_autoptr(EgCounts) part2 = eg_counts_new(EG_WINDOW_DOCUMENT, 0);
    part2->documents = 2;
    put_pair(part2, "Okafor", "Zephyr", 2);
    put_entity(part2, "Okafor", 1, 1, 0, 1, 0, 0);
    put_entity(part2, "Oslo", 1, 1, 0, 0, 1, 0);
    put_pair(part2, "Okafor", "Oslo", 1);
    put_pair(part2, "Oslo", "Zephyr", 1);
    g_assert_cmpuint(g_hash_table_size(part2->entities), ==, 2);
    g_assert_cmpuint(g_hash_table_size(part2->pairs), ==, 3);
    g_autoptr(EgNodeTable) u = eg_consolidate_with(part2, extra ? m : merges);
    g_autofree char *got_u = node_labels(u);
    g_assert_cmpstr(got_u, ==, "Maria Okafor|Oslo");
    g_assert_cmpuint(u->edges->len, ==, 1);
    g_assert_cmpuint(edge(u, "Maria Okafor", "Oslo"), ==, 1);
  }
}

/* Names that share their first bytes, are prefixes of each other, are shorter than a machine
 * word or hold bytes over 0x7f: nodes still come in byte order of their labels, whether the
 * table is of the whole or of a part taken with the whole's decisions, and every pair lands on
 * the edge of its two names. */
static void
test_consolidate_byte_order(void)
{
  static const char *const pieces[] = { "a", "b", "ab", "\xc3\xa9", "\xc3\xbc", "z", "~", "0" };
  g_autoptr(GRand) rand = g_rand_new_with_seed(20261125);
  g_autoptr(EgCounts) whole = eg_counts_new(EG_WINDOW_DOCUMENT, 0);
  g_autoptr(EgCounts) part = eg_counts_new(EG_WINDOW_DOCUMENT, 0);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
  while (labels->len < 400) {
    /* one lower-case word: its own spelling key, never a surname or an acronym of another */
    GString *s = g_string_new(NULL);
    guint n = (guint)g_rand_int_range(rand, 1, 13);
    for (guint k = 0; k < n; k++)
      g_string_append(s, pieces[g_rand_int_range(rand, 0, G_N_ELEMENTS(pieces))]);
    char *label = g_string_free(s, FALSE);
    if (g_hash_table_contains(seen, label)) {
      g_free(label);
      continue;
    }
    g_hash_table_add(seen, label);
    g_ptr_array_add(labels, label);
    put_entity(whole, label, 1, 1, 0, 0, 0, 1);
    if (labels->len % 2)
      put_entity(part, label, 1, 1, 0, 0, 0, 1);
  }
  for (guint i = 0; i + 1 < labels->len; i += 2) {
    put_pair(whole, labels->pdata[i], labels->pdata[i + 1], i + 1);
    if (i + 2 < labels->len)
      put_pair(part, labels->pdata[i], labels->pdata[i + 2], i + 2);
  }
  g_autoptr(EgMerges) merges = eg_merges_new(whole);
  for (guint which = 0; which < 3; which++) {
    g_autoptr(EgNodeTable) t = which == 0 ? eg_consolidate(whole)
                               : eg_consolidate_with(which == 1 ? whole : part, merges);
    g_assert_cmpuint(t->nodes->len, ==, which == 2 ? labels->len / 2 : labels->len);
    assert_table_sorted(t);
    for (guint i = 0; i + 1 < labels->len; i += 2)
      if (which < 2)
        g_assert_cmpuint(edge(t, labels->pdata[i], labels->pdata[i + 1]), ==, i + 1);
      else if (i + 2 < labels->len)
        g_assert_cmpuint(edge(t, labels->pdata[i], labels->pdata[i + 2]), ==, i + 2);
  }
}

static void
test_consolidate_empty(void)
{
  g_autoptr(EgCounts) c = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  g_autoptr(EgNodeTable) t = eg_consolidate(c);
  g_assert_cmpuint(t->nodes->len, ==, 0);
  g_assert_cmpuint(t->edges->len, ==, 0);
  g_assert_cmpuint(t->documents, ==, 0);
  eg_node_table_free(NULL);
  eg_counts_free(NULL);
}

int
main(int argc, char *argv[])
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/cooc/window/sentence", test_sentence_window);
  g_test_add_func("/cooc/window/paragraph-document", test_paragraph_and_document_windows);
  g_test_add_func("/cooc/window/tokens", test_token_windows);
  g_test_add_func("/cooc/window/parse", test_window_parse);
  g_test_add_func("/cooc/totals", test_totals);
  g_test_add_func("/cooc/examples/cut", test_examples_cut);
  g_test_add_func("/cooc/examples/space", test_examples_space);
  g_test_add_func("/cooc/examples/long-vtab", test_examples_long_vtab);
  g_test_add_func("/cooc/examples/label-twice", test_examples_label_twice);
  g_test_add_func("/cooc/examples/same-id", test_examples_same_id);
  g_test_add_func("/cooc/merge/exact", test_merge);
  g_test_add_func("/cooc/merge/refuses", test_merge_refuses);
  g_test_add_func("/cooc/merge/take", test_merge_take);
  g_test_add_func("/cooc/window/crowded", test_window_crowded);
  g_test_add_func("/cooc/window/crowded-merge-slice", test_window_crowded_merge_slice);
  g_test_add_func("/cooc/examples/many-names", test_examples_many_names);
  g_test_add_func("/cooc/consolidate/sorted", test_consolidate_sorted);
  g_test_add_func("/cooc/consolidate/surname", test_consolidate_surname_across_documents);
  g_test_add_func("/cooc/consolidate/spelling", test_consolidate_spelling_variants);
  g_test_add_func("/cooc/consolidate/acronym", test_consolidate_acronym_across_documents);
  g_test_add_func("/cooc/consolidate/self-loops", test_consolidate_self_loops);
  g_test_add_func("/cooc/counts/examples-shared", test_examples_shared);
  g_test_add_func("/cooc/counts/examples-counted-given-up", test_examples_counted_given_up);
  g_test_add_func("/cooc/consolidate/type-vote", test_consolidate_type_vote);
  g_test_add_func("/cooc/consolidate/aliases", test_consolidate_aliases_order);
  g_test_add_func("/cooc/consolidate/with-part", test_consolidate_with_part);
  g_test_add_func("/cooc/consolidate/empty", test_consolidate_empty);
  g_test_add_func("/cooc/consolidate/byte-order", test_consolidate_byte_order);
  return g_test_run();
}
