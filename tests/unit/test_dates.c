/* test_dates.c: unit tests of dates and periods (src/text/dates.c), of counting by period
 * (EgCounts.periods) and of consolidating periods with the whole corpus's decisions. */
#include <string.h>

#include "cooc/pipeline.h"

static char *
day_str(guint32 day)
{
  char buf[EG_PERIOD_MAX];
  if (!day)
    return g_strdup("none");
  eg_day_name(day, buf);
  return g_strdup(buf);
}

static void
assert_date(const char *text, const char *expected)
{
  g_autofree char *got = day_str(eg_date_parse(text, strlen(text)));
  g_assert_cmpstr(got, ==, expected);
}

static void
test_parse_forms(void)
{
  assert_date("2016-07-25", "2016-07-25");
  assert_date("  2016-07-25\r", "2016-07-25");
  assert_date("2016/07/25", "2016-07-25");
  assert_date("2016-07-25T23:30:00-05:00", "2016-07-25"); /* as written, zone ignored */
  assert_date("2016-07-25 14:03:00", "2016-07-25");
  assert_date("July 25, 2016", "2016-07-25");
  assert_date("july 25 2016", "2016-07-25");
  assert_date("Jul. 25, 2016", "2016-07-25");
  assert_date("Sept. 5, 2016", "2016-09-05");
  assert_date("25 July 2016", "2016-07-25");
  assert_date("25th of July, 2016", "2016-07-25");
  assert_date("Monday, July 25, 2016", "2016-07-25");
  assert_date("Mon, 25 Jul 2016 14:03:00 +0000", "2016-07-25");
  assert_date("May 1, 2017", "2017-05-01");
}

static void
test_parse_rejects(void)
{
  const char *bad[] = { "", "2016", "2016-13-01", "2016-02-30", "2016-07-25x", "20160725",
                        "July 2016", "Julie 25, 2016", "Trump said on July 25, 2016",
                        "July 25, 2016 was hot", "32 July 2016", "2016-7", "Monday", "0000-01-01",
                        "2016-07-25T", "July 25, 16", "July 25, 2016 12 killed: a report",
                        "2016-07-25 and 3 more: x" };
  for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
    g_test_message("%s", bad[i]);
    g_assert_cmpuint(eg_date_parse(bad[i], strlen(bad[i])), ==, 0);
  }
  g_assert_cmpuint(eg_date_parse(NULL, 0), ==, 0);
}

static void
test_unix(void)
{
  g_autofree char *epoch = day_str(eg_date_from_unix(0));
  g_assert_cmpstr(epoch, ==, "1970-01-01");
  g_autofree char *d = day_str(eg_date_from_unix(1469404800)); /* 2016-07-25T00:00:00Z */
  g_assert_cmpstr(d, ==, "2016-07-25");
  g_autofree char *before = day_str(eg_date_from_unix(-1));
  g_assert_cmpstr(before, ==, "1969-12-31");
  g_assert_cmpuint(eg_date_from_unix(G_MAXINT64), ==, 0);
}

static void
assert_period(const char *date, EgSlice slice, const char *expected, const char *first, const char *last)
{
  char name[EG_PERIOD_MAX];
  eg_period_name(eg_date_parse(date, strlen(date)), slice, name);
  g_assert_cmpstr(name, ==, expected);
  guint32 a = 0, b = 0;
  g_assert_true(eg_period_range(name, &a, &b));
  g_autofree char *fa = day_str(a), *fb = day_str(b);
  g_assert_cmpstr(fa, ==, first);
  g_assert_cmpstr(fb, ==, last);
}

static void
test_periods(void)
{
  assert_period("2016-07-25", EG_SLICE_DAY, "2016-07-25", "2016-07-25", "2016-07-25");
  assert_period("2016-07-25", EG_SLICE_WEEK, "2016-W30", "2016-07-25", "2016-07-31");
  assert_period("2016-07-31", EG_SLICE_WEEK, "2016-W30", "2016-07-25", "2016-07-31");
  /* ISO weeks near the new year belong to the year of their Thursday. */
  assert_period("2016-01-01", EG_SLICE_WEEK, "2015-W53", "2015-12-28", "2016-01-03");
  assert_period("2018-12-31", EG_SLICE_WEEK, "2019-W01", "2018-12-31", "2019-01-06");
  assert_period("2016-02-10", EG_SLICE_MONTH, "2016-02", "2016-02-01", "2016-02-29");
  assert_period("2016-02-10", EG_SLICE_YEAR, "2016", "2016-01-01", "2016-12-31");
  guint32 a, b;
  g_assert_false(eg_period_range("2016-W54", &a, &b));
  g_assert_false(eg_period_range("2016-W53", &a, &b)); /* 2016 has 52 ISO weeks */
  g_assert_true(eg_period_range("2015-W53", &a, &b));
  g_assert_false(eg_period_range("0000-W01", &a, &b));
  g_assert_false(eg_period_range("2016-02-30", &a, &b));
  /* The last week of 9999 ends with the last day GDate holds. */
  assert_period("9999-12-31", EG_SLICE_WEEK, "9999-W52", "9999-12-27", "9999-12-31");
  g_assert_false(eg_period_range("2016-13", &a, &b));
  g_assert_false(eg_period_range("x", &a, &b));
  EgSlice s;
  g_assert_true(eg_slice_parse("Month", &s));
  g_assert_cmpint(s, ==, EG_SLICE_MONTH);
  g_assert_false(eg_slice_parse("quarter", &s));
}

static void
add(EgCounts *c, const char *id, const char *date, const char *text)
{
  EgDocument doc = { .id = id, .text = text, .len = strlen(text), .last = TRUE,
                     .day = date ? eg_date_parse(date, strlen(date)) : 0 };
  eg_pipeline_count_document(c, &doc, EG_PARA_AUTO);
}

static const EgNode *
node(const EgNodeTable *t, const char *label)
{
  for (guint i = 0; i < t->nodes->len; i++)
    if (strcmp(g_array_index(t->nodes, EgNode, i).label, label) == 0)
      return &g_array_index(t->nodes, EgNode, i);
  return NULL;
}

/* A lone "Putin" in a month without "Vladimir Putin" is still his node there: the decisions are
 * the whole corpus's, so the months add up to it. */
static void
test_periods_sum_to_whole(void)
{
  g_autoptr(EgCounts) c = eg_counts_new(EG_WINDOW_SENTENCE, 0);
  c->slice = EG_SLICE_MONTH;
  add(c, "a", "2018-07-16", "Russian President Vladimir Putin met Donald Trump in Helsinki.");
  add(c, "b", "2018-08-02", "Putin spoke with Trump again. Trump praised Putin.");
  add(c, "c", "2018-08-20", "Merkel called Putin.");
  add(c, "d", NULL, "Macron met Putin."); /* undated: in no period */
  g_assert_cmpuint(c->documents, ==, 0);
  g_autoptr(GPtrArray) names = eg_counts_period_names(c);
  g_assert_cmpuint(names->len, ==, 2);
  g_assert_cmpstr(names->pdata[0], ==, "2018-07");
  g_assert_cmpstr(names->pdata[1], ==, "2018-08");

  g_autoptr(EgCounts) whole = eg_counts_sum_periods(c);
  g_assert_cmpuint(whole->documents, ==, 3);
  g_autoptr(EgMerges) merges = eg_merges_new(whole);
  g_autoptr(EgNodeTable) all = eg_consolidate_with(whole, merges);
  g_assert_null(node(all, "Macron"));
  const EgNode *putin = node(all, "Vladimir Putin");
  g_assert_nonnull(putin);
  g_assert_cmpuint(putin->mentions, ==, 4);

  guint64 mentions = 0, edge_count = 0, all_edges = 0;
  for (guint i = 0; i < names->len; i++) {
    g_autoptr(EgNodeTable) t = eg_consolidate_with(eg_counts_period(c, names->pdata[i]), merges);
    const EgNode *p = node(t, "Vladimir Putin");
    g_assert_nonnull(p);
    g_assert_null(node(t, "Putin"));
    g_assert_cmpint(p->type, ==, putin->type);
    mentions += p->mentions;
    for (guint e = 0; e < t->edges->len; e++)
      edge_count += g_array_index(t->edges, EgEdge, e).count;
  }
  for (guint e = 0; e < all->edges->len; e++)
    all_edges += g_array_index(all->edges, EgEdge, e).count;
  g_assert_cmpuint(mentions, ==, putin->mentions);
  g_assert_cmpuint(edge_count, ==, all_edges);
  /* Consolidating the whole with its own decisions is plain eg_consolidate. */
  g_autoptr(EgNodeTable) plain = eg_consolidate(whole);
  g_assert_cmpuint(plain->nodes->len, ==, all->nodes->len);
  g_assert_cmpuint(plain->edges->len, ==, all->edges->len);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/dates/parse", test_parse_forms);
  g_test_add_func("/dates/rejects", test_parse_rejects);
  g_test_add_func("/dates/unix", test_unix);
  g_test_add_func("/dates/periods", test_periods);
  g_test_add_func("/dates/periods-sum-to-whole", test_periods_sum_to_whole);
  return g_test_run();
}
