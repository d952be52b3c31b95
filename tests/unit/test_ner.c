/* test_ner.c: unit tests of the entity stage (eg_ner_find) on short texts written here. */
#include <string.h>

#include "ner/ner.h"

/* ---- helpers ---------------------------------------------------------------------------------- */

typedef struct {
  char *text;
  EgSegmentation *seg;
  GArray *mentions;
} Found;

static Found *
found_new(const char *text)
{
  Found *f = g_new0(Found, 1);
  f->text = g_strdup(text);
  f->seg = eg_segment(f->text, strlen(f->text), EG_PARA_AUTO);
  f->mentions = eg_ner_find(f->text, f->seg);
  g_assert_nonnull(f->mentions);
  /* invariants: text order, no overlap, byte ranges match the tokens */
  for (guint i = 0; i < f->mentions->len; i++) {
    const EgMention *m = &g_array_index(f->mentions, EgMention, i);
    g_assert_cmpuint(m->first_token, <, m->end_token);
    g_assert_cmpuint(m->start, <, m->end);
    g_assert_cmpuint(m->start, ==, g_array_index(f->seg->tokens, EgToken, m->first_token).start);
    g_assert_cmpuint(m->end, ==, g_array_index(f->seg->tokens, EgToken, m->end_token - 1).end);
    g_assert_nonnull(m->name);
    g_assert_nonnull(m->surface);
    g_assert_null(strchr(m->name, '"'));
    g_assert_null(strstr(m->name, "\u2019"));
    if (i > 0)
      g_assert_cmpuint(m->first_token, >=, g_array_index(f->mentions, EgMention, i - 1).end_token);
    if (m->defines >= 0)
      g_assert_cmpint(m->defines, <, (gint)i);
  }
  return f;
}

static void
found_free(Found *f)
{
  if (!f)
    return;
  g_array_unref(f->mentions);
  eg_segmentation_free(f->seg);
  g_free(f->text);
  g_free(f);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Found, found_free)

static const EgMention *
mention(const Found *f, guint i)
{
  g_assert_cmpuint(i, <, f->mentions->len);
  return &g_array_index(f->mentions, EgMention, i);
}

/* The names of all mentions joined by "|" (transfer full), for whole-list comparisons. */
static char *
names(const Found *f)
{
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < f->mentions->len; i++) {
    if (i)
      g_string_append_c(s, '|');
    g_string_append(s, mention(f, i)->name);
  }
  return g_string_free(s, FALSE);
}

static void
assert_names(const char *text, const char *expected)
{
  g_autoptr(Found) f = found_new(text);
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, expected);
}

/* The type with the most votes, ties to the earlier type; MISC when there are none. */
static EgEntityType
top_type(const EgMention *m)
{
  EgEntityType best = EG_TYPE_MISC;
  guint best_v = 0;
  for (guint t = 0; t < EG_N_TYPES; t++)
    if (m->votes[t] > best_v) {
      best_v = m->votes[t];
      best = (EgEntityType)t;
    }
  return best;
}

/* A month at a name's end is cut ("Trump in July" gives no "July"), unless it is the surname
 * after a given name. */
static void
test_month_surname(void)
{
  assert_names("Theresa May met Donald Trump at Chequers.", "Theresa May|Donald Trump|Chequers");
  assert_names("Prime Minister Theresa May spoke.", "Theresa May");
  assert_names("Donald Trump will visit Britain in July.", "Donald Trump|Britain");
}

/* ---- titles, possessives, articles ------------------------------------------------------------ */

static void
test_title_stripped(void)
{
  g_autoptr(Found) f = found_new("Senator Maria Okafor said the vote would wait.");
  g_assert_cmpuint(f->mentions->len, ==, 1);
  const EgMention *m = mention(f, 0);
  g_assert_cmpstr(m->name, ==, "Maria Okafor");
  g_assert_cmpstr(m->surface, ==, "Maria Okafor");
  g_assert_true(m->flags & EG_MF_TITLED);
  g_assert_false(m->flags & (EG_MF_POSSESSIVE | EG_MF_ACRONYM | EG_MF_CONNECTED));
  g_assert_cmpuint(m->n_words, ==, 2);
  g_assert_cmpint(m->defines, ==, -1);
  g_assert_null(m->canonical);
  g_assert_cmpint(top_type(m), ==, EG_TYPE_PERSON);
  g_assert_cmpuint(m->votes[EG_TYPE_PERSON], >=, EG_VOTE_STRONG);
  g_assert_cmpuint(m->start, ==, strlen("Senator "));
  g_assert_cmpuint(m->end, ==, strlen("Senator Maria Okafor"));
  g_assert_cmpuint(m->sentence, ==, 0);
  g_assert_cmpuint(m->word_index, ==, 1);

  /* abbreviated titles too */
  assert_names("Reporters asked Dr. Priya Raman and Mr. Tomas Lund about it.", "Priya Raman|Tomas Lund");
  /* a title on its own is not a name */
  assert_names("Later the President said nothing.", "");
}

static void
test_nationality_title(void)
{
  g_autoptr(Found) f = found_new("Reporters waited as Russian President Tomas Halvorsen arrived.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "Russian|Tomas Halvorsen");
  const EgMention *rus = mention(f, 0), *th = mention(f, 1);
  g_assert_false(rus->flags & EG_MF_TITLED);
  g_assert_cmpint(top_type(rus), ==, EG_TYPE_MISC);
  g_assert_cmpuint(rus->votes[EG_TYPE_MISC], ==, EG_VOTE_STRONG);
  g_assert_true(th->flags & EG_MF_TITLED);
  g_assert_cmpint(top_type(th), ==, EG_TYPE_PERSON);
}

static void
test_ordinary_word_before_title(void)
{
  /* lower-case "former" is not part of the run: fine */
  assert_names("Reporters met former President Tomas Halvorsen.", "Tomas Halvorsen");
  /* capitalised "Former" / "Acting" before a title is an ordinary word, not a name */
  const char *const texts[] = {
    "Reporters met Former President Tomas Halvorsen.",
    "Critics said Acting Director Priya Raman resigned.",
  };
  const char *const expected[] = { "Tomas Halvorsen", "Priya Raman" };
  for (guint i = 0; i < G_N_ELEMENTS(texts); i++) {
    g_autoptr(Found) f = found_new(texts[i]);
    g_autofree char *got = names(f);
    g_assert_cmpstr(got, ==, expected[i]);
  }
}

static void
test_possessive(void)
{
  g_autoptr(Found) f = found_new("Lawmakers questioned Helen Marsh\u2019s budget and Lund's plan.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "Helen Marsh|Lund");
  g_assert_true(mention(f, 0)->flags & EG_MF_POSSESSIVE);
  g_assert_cmpstr(mention(f, 0)->surface, ==, "Helen Marsh's"); /* straight apostrophe */
  g_assert_cmpuint(mention(f, 0)->end, ==, strlen("Lawmakers questioned Helen Marsh"));
  g_assert_true(mention(f, 1)->flags & EG_MF_POSSESSIVE);
  g_assert_cmpstr(mention(f, 1)->surface, ==, "Lund's");

  /* a plural's possessive is written with the apostrophe alone, and its surface says so */
  g_autoptr(Found) p = found_new("Officials doubted the Norwegians\u2019 plan and Chris Jones' car.");
  g_assert_cmpstr(mention(p, 0)->surface, ==, "Norwegians'");
  g_assert_cmpstr(mention(p, 1)->name, ==, "Chris Jones");
  g_assert_cmpstr(mention(p, 1)->surface, ==, "Chris Jones'");
}

static void
test_apostrophe_in_name(void)
{
  g_autoptr(Found) f = found_new("Reporters met Dan O\u2019Brien in Oslo.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "Dan O'Brien|Oslo");
  g_assert_false(mention(f, 0)->flags & EG_MF_POSSESSIVE);
  g_assert_cmpint(top_type(mention(f, 0)), ==, EG_TYPE_PERSON);
  g_assert_cmpint(top_type(mention(f, 1)), ==, EG_TYPE_LOC);
  g_assert_cmpstr(mention(f, 1)->canonical, ==, "Oslo");
}

static void
test_leading_article(void)
{
  g_autoptr(Found) f = found_new("The Daily Ledger reported the news first.");
  g_assert_cmpuint(f->mentions->len, ==, 1);
  g_assert_cmpstr(mention(f, 0)->name, ==, "Daily Ledger");
  g_assert_cmpuint(mention(f, 0)->start, ==, 4);
  g_assert_cmpuint(mention(f, 0)->n_words, ==, 2);
  assert_names("Critics said the Daily Ledger erred.", "Daily Ledger");
}

/* ---- ordinary words --------------------------------------------------------------------------- */

static void
test_ordinary_initial_words(void)
{
  const char *const texts[] = {
    "Meanwhile, the river rose again.",
    "Finding the keys took three hours.",
    "They said nothing at all.",
    "Monday was quiet in the harbour.",
    "Thirty-three thousand people marched.",
    "On Friday the shops stayed closed.",
  };
  for (guint i = 0; i < G_N_ELEMENTS(texts); i++) {
    g_test_message("text: %s", texts[i]);
    assert_names(texts[i], "");
  }
}

static void
test_initial_word_with_evidence(void)
{
  /* "Glass" is an ordinary word: alone at a sentence start it is dropped */
  assert_names("Glass said the plan had failed.", "");
  /* capitalised in mid-sentence elsewhere, it is a name in both places */
  g_autoptr(Found) f = found_new("Glass said the plan had failed. Reporters asked Glass again.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "Glass|Glass");
  g_assert_cmpuint(mention(f, 0)->sentence, ==, 0);
  g_assert_cmpuint(mention(f, 1)->sentence, ==, 1);
  /* a word not in the word list needs no evidence */
  assert_names("Halvorsen said the plan had failed.", "Halvorsen");
}

static void
test_acronyms(void)
{
  assert_names("IT staff fixed the servers overnight.", "");
  assert_names("The new IT aide started work.", "");

  g_autoptr(Found) f = found_new("NATO met in Oslo. Officials from NATO agreed.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "NATO|Oslo|NATO");
  g_assert_true(mention(f, 0)->flags & EG_MF_ACRONYM);
  g_assert_true(mention(f, 2)->flags & EG_MF_ACRONYM);
  g_assert_false(mention(f, 1)->flags & EG_MF_ACRONYM);
  g_assert_cmpint(top_type(mention(f, 2)), ==, EG_TYPE_ORG);
}

static void
test_initial_word_before_connector(void)
{
  /* an ordinary sentence-initial word must not join a name through a connector */
  g_autoptr(Found) f = found_new("Leaders of NATO agreed on a plan.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "NATO");
  /* an organisation cue keeps the first word: "Bank of England" at a sentence start */
  assert_names("Bank of England officials met.", "Bank of England");
}

/* ---- connectors and brackets ------------------------------------------------------------------ */

static void
test_connectors(void)
{
  g_autoptr(Found) f = found_new("Investors watched the Bank of England closely.");
  g_assert_cmpuint(f->mentions->len, ==, 1);
  const EgMention *m = mention(f, 0);
  g_assert_cmpstr(m->name, ==, "Bank of England");
  g_assert_true(m->flags & EG_MF_CONNECTED);
  g_assert_cmpuint(m->n_words, ==, 2);
  g_assert_cmpint(top_type(m), ==, EG_TYPE_ORG);

  g_autoptr(Found) g = found_new("Volunteers from Friends for Peace marched.");
  g_autofree char *got = names(g);
  g_assert_cmpstr(got, ==, "Friends for Peace");
  g_assert_true(mention(g, 0)->flags & EG_MF_CONNECTED);
  g_assert_cmpint(top_type(mention(g, 0)), ==, EG_TYPE_ORG);

  /* "of the" inside a name; a connector at the edge is not part of it */
  assert_names("Analysts at the Bank of the North objected.", "Bank of the North");
  assert_names("Reporters asked Lund of the council.", "Lund");
}

static void
test_bracket_acronym(void)
{
  g_autoptr(Found) f = found_new("The Alpha Beta Committee (ABC) met in Oslo. Later the ABC voted.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "Alpha Beta Committee|ABC|Oslo|ABC");
  g_assert_cmpint(mention(f, 0)->defines, ==, -1);
  g_assert_cmpint(mention(f, 1)->defines, ==, 0);
  g_assert_true(mention(f, 1)->flags & EG_MF_ACRONYM);
  g_assert_cmpint(mention(f, 3)->defines, ==, -1);
  g_assert_cmpint(top_type(mention(f, 0)), ==, EG_TYPE_ORG);

  /* a bracket after a one-word name defines nothing */
  g_autoptr(Found) g = found_new("Officials from Halvorsen (HAL) spoke.");
  g_assert_cmpuint(g->mentions->len, ==, 2);
  g_assert_cmpint(mention(g, 1)->defines, ==, -1);
}

/* ---- type votes ------------------------------------------------------------------------------- */

static void
test_type_votes(void)
{
  g_autoptr(Found) f = found_new("Officials in the U.S. said Russian diplomats met Maria Okafor.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "U.S.|Russian|Maria Okafor");
  const EgMention *us = mention(f, 0), *rus = mention(f, 1), *mo = mention(f, 2);
  g_assert_cmpstr(us->canonical, ==, "United States");
  g_assert_cmpint(top_type(us), ==, EG_TYPE_LOC);
  g_assert_true(us->flags & EG_MF_ACRONYM);
  g_assert_null(rus->canonical);
  g_assert_cmpint(top_type(rus), ==, EG_TYPE_MISC);
  g_assert_cmpint(top_type(mo), ==, EG_TYPE_PERSON);
  g_assert_cmpuint(mo->votes[EG_TYPE_PERSON], >=, EG_VOTE_STRONG);
  g_assert_cmpuint(mo->votes[EG_TYPE_ORG], ==, 0);

  g_autoptr(Found) g = found_new("Reporters said the Harbour Safety Committee met.");
  g_assert_cmpuint(g->mentions->len, ==, 1);
  g_assert_cmpstr(mention(g, 0)->name, ==, "Harbour Safety Committee");
  g_assert_cmpuint(mention(g, 0)->votes[EG_TYPE_ORG], >=, EG_VOTE_STRONG);
  g_assert_cmpint(top_type(mention(g, 0)), ==, EG_TYPE_ORG);

  /* context: a place preposition and a speech verb are weak votes */
  g_autoptr(Found) h = found_new("Ships waited near Kvalfjord while Halvorsen said little.");
  g_autofree char *hn = names(h);
  g_assert_cmpstr(hn, ==, "Kvalfjord|Halvorsen");
  g_assert_cmpuint(mention(h, 0)->votes[EG_TYPE_LOC], ==, EG_VOTE_WEAK);
  g_assert_cmpuint(mention(h, 1)->votes[EG_TYPE_PERSON], ==, EG_VOTE_WEAK);
}

static void
test_line_break_splits(void)
{
  /* a name never spans a line break, even inside one paragraph */
  g_autoptr(Found) f = found_new("Crowds cheered for Maria\nOkafor and the mayor.\n\nNext paragraph.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "Maria|Okafor");
}

static void
test_empty(void)
{
  g_autoptr(Found) f = found_new("");
  g_assert_cmpuint(f->mentions->len, ==, 0);
  g_autoptr(Found) g = found_new("no capitals here at all.");
  g_assert_cmpuint(g->mentions->len, ==, 0);
}

static void
test_person_of_place(void)
{
  /* a person before "of" is not the head of a longer name; "Bank of England" still is */
  assert_names("Mayor Karin Olsberg of Hamburg met bankers.", "Karin Olsberg|Hamburg");
  assert_names("Sen. Ada Lund of the Senate Finance Committee spoke.",
               "Ada Lund|Senate Finance Committee");
  assert_names("Officials of the Bank of England met.", "Bank of England");
}

static void
test_name_particles(void)
{
  /* two person particles in a row stay inside the name */
  assert_names("Dr. Pieter van der Berg met Ursula von der Heide and Ana de la Cruz.",
               "Pieter van der Berg|Ursula von der Heide|Ana de la Cruz");
}

static void
test_defined_acronym(void)
{
  /* an all-capital function word is a name when the text defines it in brackets */
  assert_names("The World Health Organization (WHO) met. Officials praised the WHO plan. Who knows?",
               "World Health Organization|WHO|WHO");
}

/* ---- headlines, datelines, tables, sports ---------------------------------------------------- */

static void
test_shouting_headline(void)
{
  /* capitals say nothing in a headline: ordinary words go, places the lexicon knows stay whole,
   * and a word the article capitalises in mid-sentence is a name */
  g_autoptr(Found) f = found_new("RUGBY - NORWAY BEAT NEW ZEALAND AS HALVORSEN SHINES.\n"
                                 "Fans watched Halvorsen score twice.\n");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "NORWAY|NEW ZEALAND|HALVORSEN|Halvorsen");
  /* a country's side stays a place, looked up in title case */
  g_assert_cmpint(top_type(mention(f, 0)), ==, EG_TYPE_LOC);
  g_assert_cmpstr(mention(f, 1)->canonical, ==, "New Zealand");
  g_assert_cmpint(top_type(mention(f, 1)), ==, EG_TYPE_LOC);
  /* a long all-capital word of a headline is no acronym */
  g_assert_cmpuint(mention(f, 2)->votes[EG_TYPE_ORG], ==, 0);
}

static void
test_dateline(void)
{
  g_autoptr(Found) f = found_new("TRADE TALKS RESUME.\nKVALFJORD 1996-08-30\nTalks resumed.\n");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "KVALFJORD");
  g_assert_cmpint(top_type(mention(f, 0)), ==, EG_TYPE_LOC);
  g_assert_cmpuint(mention(f, 0)->votes[EG_TYPE_LOC], ==, EG_VOTE_STRONG);
}

static void
test_table_rows(void)
{
  /* a name heading a row of numbers is a team: a city becomes an organisation, a made-up club
   * too, an ordinary word ("Reading") is kept; a country stays a place; a full person name
   * keeps its given-name evidence (a golf leaderboard) */
  g_autoptr(Found) f = found_new("Standings after the weekend:\n"
                                 "Manchester 4 3 1 0 7 4 10\n"
                                 "Kvalby Athletic 4 2 1 1 6 4 7\n"
                                 "Reading 4 1 1 2 5 10 4\n"
                                 "Norway 2 Kvalby 1\n"
                                 "Maria Okafor 70 68\n");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "Manchester|Kvalby Athletic|Reading|Norway|Kvalby|Maria Okafor");
  g_assert_cmpint(top_type(mention(f, 0)), ==, EG_TYPE_ORG);
  g_assert_cmpint(top_type(mention(f, 1)), ==, EG_TYPE_ORG);
  g_assert_cmpint(top_type(mention(f, 2)), ==, EG_TYPE_ORG);
  g_assert_cmpint(top_type(mention(f, 3)), ==, EG_TYPE_LOC);
  g_assert_cmpint(top_type(mention(f, 4)), ==, EG_TYPE_ORG);
  g_assert_cmpint(top_type(mention(f, 5)), ==, EG_TYPE_PERSON);
}

static void
test_fixtures_and_beat(void)
{
  g_autoptr(Found) f = found_new("FIXTURES\nMANCHESTER AT KVALBY\n"
                                 "Kvalby beat Glasgow on Saturday in Oslo.\n");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "MANCHESTER|KVALBY|Kvalby|Glasgow|Oslo");
  g_assert_cmpint(top_type(mention(f, 0)), ==, EG_TYPE_ORG);
  g_assert_cmpint(top_type(mention(f, 1)), ==, EG_TYPE_ORG);
  g_assert_cmpint(top_type(mention(f, 2)), ==, EG_TYPE_ORG);
  g_assert_cmpint(top_type(mention(f, 3)), ==, EG_TYPE_ORG); /* beaten city: its team */
  g_assert_cmpint(top_type(mention(f, 4)), ==, EG_TYPE_LOC);
}

static void
test_initial_surname(void)
{
  g_autoptr(Found) f = found_new("The wicket fell when N. Halvorsen was caught.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "N. Halvorsen");
  g_assert_cmpint(top_type(mention(f, 0)), ==, EG_TYPE_PERSON);
}

static void
test_apposition(void)
{
  /* the head noun of an appositive types the name, before it or after it, and the second name
   * of a list shares it; a noun after "of" does not type the person named after it */
  g_autoptr(Found) f = found_new("Investigators hired a private company, Quolbet, and two groups, "
                                 "Tarvik Oznem and Vestre Lund, were named.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "Quolbet|Tarvik Oznem|Vestre Lund");
  g_assert_cmpint(top_type(mention(f, 0)), ==, EG_TYPE_ORG);
  g_assert_cmpint(top_type(mention(f, 1)), ==, EG_TYPE_ORG);
  g_assert_cmpint(top_type(mention(f, 2)), ==, EG_TYPE_ORG);

  g_autoptr(Found) g = found_new("Fans met in Kvalby, a small town, and the head of the league's "
                                 "committee, Maria Okafor, spoke.");
  g_autofree char *gn = names(g);
  g_assert_cmpstr(gn, ==, "Kvalby|Maria Okafor");
  g_assert_cmpint(top_type(mention(g, 0)), ==, EG_TYPE_LOC);
  g_assert_cmpint(top_type(mention(g, 1)), ==, EG_TYPE_PERSON);
}

static void
test_nationality_prefix(void)
{
  /* a nationality or a "-based" adjective before a name is a word of its own */
  g_autoptr(Found) f = found_new("Officials said Norwegian Maria Okafor met Oslo-based Quolbet.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "Norwegian|Maria Okafor|Oslo-based|Quolbet");
  g_assert_cmpint(top_type(mention(f, 0)), ==, EG_TYPE_MISC);
  g_assert_cmpint(top_type(mention(f, 1)), ==, EG_TYPE_PERSON);
  g_assert_cmpint(top_type(mention(f, 2)), ==, EG_TYPE_MISC);
  /* ... but an organisation's name or an ordinary word keeps it */
  assert_names("Passengers flew British Airways and paid with American Express.",
               "British Airways|American Express");
  /* a "-based" adjective goes even before an organisation's name */
  assert_names("Analysts said Oslo-based Quolbet Communications grew.",
               "Oslo-based|Quolbet Communications");
}

static void
test_misc_tails(void)
{
  /* a name ending in a people's name or an event's head is MISC, whatever its first word */
  g_autoptr(Found) f = found_new("Crowds of Kvalby Serbs watched the Tarvik Open and the Vestre "
                                 "Games with Maria Okafor.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "Kvalby Serbs|Tarvik Open|Vestre Games|Maria Okafor");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint(top_type(mention(f, i)), ==, EG_TYPE_MISC);
  g_assert_cmpint(top_type(mention(f, 3)), ==, EG_TYPE_PERSON);
}

static void
test_team_names(void)
{
  /* a club word at the end, or a place and a plural, is a team; "City" only in a sports report */
  g_autoptr(Found) f = found_new("Kvalby Rovers and the Oslo Ravens met Tarvik City and Maria "
                                 "Okafor.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "Kvalby Rovers|Oslo Ravens|Tarvik City|Maria Okafor");
  g_assert_cmpint(top_type(mention(f, 0)), ==, EG_TYPE_ORG);
  g_assert_cmpint(top_type(mention(f, 1)), ==, EG_TYPE_ORG);
  g_assert_cmpuint(mention(f, 2)->votes[EG_TYPE_ORG], ==, 0);
  g_assert_cmpint(top_type(mention(f, 3)), ==, EG_TYPE_PERSON);
  g_autoptr(Found) g = found_new("Tarvik City won the match with two goals and lead the league "
                                 "this season.");
  g_assert_cmpint(top_type(mention(g, 0)), ==, EG_TYPE_ORG);
}

static void
test_header_letters_and_slugs(void)
{
  /* a table's column letters, the topic word of a wire headline and a day in capitals are not
   * names */
  assert_names("SOCCER - KVALBY WIN ON FRIDAY\n"
               "Standings:\n"
               "W D L PCT GB\n"
               "Kvalby 4 2 1 .600 -\n"
               "Tarvik 3 3 1 .500 1 F G\n",
               "KVALBY|Kvalby|Tarvik");
}

static void
test_news_sources(void)
{
  /* a one-word name as a source of news is an organisation */
  g_autoptr(Found) f = found_new("Officials told Quolbet the deal was off, according to Tarvik. "
                                 "The Vestre newspaper agreed, and Kvalbo said in a statement "
                                 "that it would wait.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "Quolbet|Tarvik|Vestre|Kvalbo");
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint(top_type(mention(f, i)), ==, EG_TYPE_ORG);
  /* ... but a speech verb alone still leans to a person */
  g_autoptr(Found) g = found_new("Halvorsen said the deal was off.");
  g_assert_cmpint(top_type(mention(g, 0)), ==, EG_TYPE_PERSON);
}

static void
test_sport_given_name(void)
{
  /* in a sports report a lone given name is a team, unless a full name of the document holds it */
  g_autoptr(Found) f = found_new("Kent beat the league leaders by two goals in the match, and "
                                 "Maria Okafor scored twice for them this season. Maria was "
                                 "delighted.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "Kent|Maria Okafor|Maria");
  g_assert_cmpint(top_type(mention(f, 0)), ==, EG_TYPE_ORG);
  g_assert_cmpint(top_type(mention(f, 1)), ==, EG_TYPE_PERSON);
  g_assert_cmpint(top_type(mention(f, 2)), ==, EG_TYPE_PERSON);
  /* outside sport, a lone given name stays a person's */
  g_autoptr(Found) g = found_new("Officials said Kent would resign.");
  g_assert_cmpint(top_type(mention(g, 0)), ==, EG_TYPE_PERSON);
}

static void
test_regions_and_former_countries(void)
{
  /* continents, world regions and former countries are places */
  g_autoptr(Found) f = found_new("Envoys from Yugoslavia toured Europe and the Middle East.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "Yugoslavia|Europe|Middle East");
  for (guint i = 0; i < 3; i++) {
    g_assert_cmpint(top_type(mention(f, i)), ==, EG_TYPE_LOC);
    g_assert_nonnull(mention(f, i)->canonical);
  }
}

static void
test_peoples(void)
{
  /* peoples of nations, regions and groups are MISC like nationalities */
  g_autoptr(Found) f = found_new("Officials said Scottish and European fans joined the Kurds.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "Scottish|European|Kurds");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint(top_type(mention(f, i)), ==, EG_TYPE_MISC);
}

static void
test_sport_unknown_word(void)
{
  /* in a sports report a one-word name with no evidence leans to a team; elsewhere it has no
   * vote (and stays MISC) */
  g_autoptr(Found) f = found_new("Quolbet won the match with two goals and lead the league this "
                                 "season.");
  g_assert_cmpint(top_type(mention(f, 0)), ==, EG_TYPE_ORG);
  g_assert_cmpuint(mention(f, 0)->votes[EG_TYPE_ORG], ==, EG_VOTE_WEAK);
  g_autoptr(Found) g = found_new("Officials said Quolbet was closed.");
  g_assert_cmpuint(mention(g, 0)->votes[EG_TYPE_ORG], ==, 0);
}

static void
test_sport_words_as_written(void)
{
  /* sport words count in any case, and only whole: near misses of the same length and ends
   * ("mitch", "goats"), longer words ("semi-finals") and letters past ASCII do not */
  g_autoptr(Found) f = found_new("Quolbet won the MATCH with two GOALS and lead the League this "
                                 "season.");
  g_assert_cmpstr(mention(f, 0)->name, ==, "Quolbet");
  g_assert_cmpuint(mention(f, 0)->votes[EG_TYPE_ORG], ==, EG_VOTE_WEAK);
  g_autoptr(Found) g = found_new("Quolbet saw mitch and goats in the semi-finals, a half-timer "
                                 "and a m\xc3\xa1tch.");
  g_assert_cmpstr(mention(g, 0)->name, ==, "Quolbet");
  g_assert_cmpuint(mention(g, 0)->votes[EG_TYPE_ORG], ==, 0);
}

static void
test_connectors_as_written(void)
{
  /* a connector or particle is known by its lower-case form, whatever its case; a longer word
   * that starts like one is none */
  assert_names("Analysts at the Bank oF England objected.", "Bank oF England");
  assert_names("Officials met Ana dE la Cruz.", "Ana dE la Cruz");
  assert_names("Analysts at the Bank offers England nothing.", "Bank|England");
  assert_names("Analysts at the Bank delivers England nothing.", "Bank|England");
}

static void
test_press_cues(void)
{
  /* newsroom and newspaper words make an organisation, even after a given name */
  g_autoptr(Found) f = found_new("Call the Maria Newsroom or read the Kvalby Daily.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "Maria Newsroom|Kvalby Daily");
  g_assert_cmpint(top_type(mention(f, 0)), ==, EG_TYPE_ORG);
  g_assert_cmpint(top_type(mention(f, 1)), ==, EG_TYPE_ORG);
}

static void
test_spellings(void)
{
  /* Words are looked up as the lexicons spell them, ASCII or not: capitals in title case
   * ("SÃO PAULO" is the place São Paulo, "ÉMILE" the given name Émile), typographic hyphens and
   * apostrophes straightened, touching tokens kept as one word ("AT&T"). */
  g_autoptr(Found) f = found_new("S\u00c3O PAULO STRIKE ENDS\n\nWorkers in S\u00c3O PAULO met Ana "
                                 "Wasserman\u2010Schultz and Dan O\u2019Brien of AT&T. "
                                 "\u00c9MILE ZOLA was read in M\u00fcnchen.");
  g_autofree char *got = names(f);
  g_assert_cmpstr(got, ==, "S\u00c3O PAULO|S\u00c3O PAULO|Ana Wasserman-Schultz|Dan O'Brien|AT&T|"
                           "\u00c9MILE ZOLA|M\u00fcnchen");
  for (guint i = 0; i < 2; i++) {
    g_assert_cmpstr(mention(f, i)->canonical, ==, "S\u00e3o Paulo");
    g_assert_cmpint(top_type(mention(f, i)), ==, EG_TYPE_LOC);
  }
  g_assert_cmpint(top_type(mention(f, 2)), ==, EG_TYPE_PERSON);
  g_assert_cmpint(top_type(mention(f, 3)), ==, EG_TYPE_PERSON);
  g_assert_cmpint(top_type(mention(f, 5)), ==, EG_TYPE_PERSON);
  g_assert_cmpuint(mention(f, 5)->votes[EG_TYPE_PERSON], ==, EG_VOTE_STRONG);
}

/* Everything a mention says, for comparing two runs over one text (transfer full). */
static char *
mentions_dump(const Found *f)
{
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < f->mentions->len; i++) {
    const EgMention *m = mention(f, i);
    g_string_append_printf(s, "%u %u %u %d %s|%s|%s", m->first_token, m->end_token, m->flags,
                           m->defines, m->name, m->surface, m->canonical ? m->canonical : "-");
    for (guint t = 0; t < EG_N_TYPES; t++)
      g_string_append_printf(s, " %u", m->votes[t]);
    g_string_append_c(s, '\n');
  }
  return g_string_free(s, FALSE);
}

static void
test_documents_apart(void)
{
  /* What one document says of a word (capitalised in mid-sentence, written in brackets) is no
   * evidence in the next, though the words' lexicon answers are kept from call to call. */
  g_autoptr(Found) a = found_new("Reporters asked Glass again. The Information Technology (IT) "
                                 "unit grew.");
  g_autofree char *got_a = names(a);
  g_assert_cmpstr(got_a, ==, "Glass|Information Technology|IT");
  assert_names("Glass said the plan had failed.", "");
  assert_names("IT staff fixed the servers overnight.", "");
}

static void
test_many_spellings(void)
{
  /* A document of more distinct words than the words kept from call to call, then one seen
   * before it: the same mentions. */
  const char *text = "Glass said the plan had failed. Reporters asked Glass again. The "
                     "Alpha Beta Committee (ABC) met in S\u00c3O PAULO with Dan O\u2019Brien.";
  g_autoptr(Found) before = found_new(text);
  g_autofree char *dump_before = mentions_dump(before);
  GString *big = g_string_new(NULL);
  for (guint i = 0; i < 140000; i++)
    g_string_append_printf(big, "Qz%ux said hello. ", i);
  g_autoptr(Found) many = found_new(big->str);
  g_string_free(big, TRUE);
  g_assert_cmpuint(many->mentions->len, ==, 140000);
  g_autoptr(Found) after = found_new(text);
  g_autofree char *dump_after = mentions_dump(after);
  g_assert_cmpstr(dump_after, ==, dump_before);
}

/* The text stage repairs invalid UTF-8 before this stage, but a library caller may not: a name
 * with bytes that are no UTF-8 must be joined inside its buffer (straightening writes such a
 * byte as six; ASan watched this overflow once). The name is found, whatever its bytes. */
static void
test_invalid_utf8_name(void)
{
  g_autoptr(Found) f = found_new("Officials met Ana\xff\xff\xff\xff Cruz in Paris. "
                                 "Then Ana\xfe Cruz\xff Lopez spoke.");
  gboolean paris = FALSE;
  for (guint i = 0; i < f->mentions->len; i++)
    paris = paris || strcmp(mention(f, i)->name, "Paris") == 0;
  g_assert_true(paris);
  g_assert_cmpuint(f->mentions->len, >=, 2);
}

/* A document of thousands of mentions, then a short one: the memo gives back the large buffer
 * of mentions and still finds the short one's names. */
static void
test_many_mentions_then_few(void)
{
  GString *big = g_string_new(NULL);
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf(big, "Reporters met Velkor Zandr%c%c%c. ", 'a' + i / 676, 'a' + i / 26 % 26,
                           'a' + i % 26);
  {
    g_autoptr(Found) f = found_new(big->str);
    g_assert_cmpuint(f->mentions->len, >=, 5000);
  }
  g_autoptr(Found) small = found_new("Maria Okafor met Daniel Brandt in Paris.");
  g_autofree char *all = names(small);
  g_assert_cmpstr(all, ==, "Maria Okafor|Daniel Brandt|Paris");
  g_string_free(big, TRUE);
}

int
main(int argc, char *argv[])
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/ner/title", test_title_stripped);
  g_test_add_func("/ner/month-surname", test_month_surname);
  g_test_add_func("/ner/nationality-title", test_nationality_title);
  g_test_add_func("/ner/ordinary-before-title", test_ordinary_word_before_title);
  g_test_add_func("/ner/possessive", test_possessive);
  g_test_add_func("/ner/apostrophe", test_apostrophe_in_name);
  g_test_add_func("/ner/leading-article", test_leading_article);
  g_test_add_func("/ner/ordinary-initial", test_ordinary_initial_words);
  g_test_add_func("/ner/initial-evidence", test_initial_word_with_evidence);
  g_test_add_func("/ner/acronyms", test_acronyms);
  g_test_add_func("/ner/initial-connector", test_initial_word_before_connector);
  g_test_add_func("/ner/connectors", test_connectors);
  g_test_add_func("/ner/bracket-acronym", test_bracket_acronym);
  g_test_add_func("/ner/type-votes", test_type_votes);
  g_test_add_func("/ner/line-break", test_line_break_splits);
  g_test_add_func("/ner/empty", test_empty);
  g_test_add_func("/ner/person-of-place", test_person_of_place);
  g_test_add_func("/ner/particles", test_name_particles);
  g_test_add_func("/ner/defined-acronym", test_defined_acronym);
  g_test_add_func("/ner/shouting-headline", test_shouting_headline);
  g_test_add_func("/ner/dateline", test_dateline);
  g_test_add_func("/ner/table-rows", test_table_rows);
  g_test_add_func("/ner/fixtures-beat", test_fixtures_and_beat);
  g_test_add_func("/ner/initial-surname", test_initial_surname);
  g_test_add_func("/ner/apposition", test_apposition);
  g_test_add_func("/ner/nationality-prefix", test_nationality_prefix);
  g_test_add_func("/ner/misc-tails", test_misc_tails);
  g_test_add_func("/ner/team-names", test_team_names);
  g_test_add_func("/ner/header-letters-slugs", test_header_letters_and_slugs);
  g_test_add_func("/ner/news-sources", test_news_sources);
  g_test_add_func("/ner/sport-given-name", test_sport_given_name);
  g_test_add_func("/ner/regions", test_regions_and_former_countries);
  g_test_add_func("/ner/peoples", test_peoples);
  g_test_add_func("/ner/sport-unknown-word", test_sport_unknown_word);
  g_test_add_func("/ner/sport-words-as-written", test_sport_words_as_written);
  g_test_add_func("/ner/connectors-as-written", test_connectors_as_written);
  g_test_add_func("/ner/press-cues", test_press_cues);
  g_test_add_func("/ner/spellings", test_spellings);
  g_test_add_func("/ner/documents-apart", test_documents_apart);
  g_test_add_func("/ner/many-spellings", test_many_spellings);
  g_test_add_func("/ner/invalid-utf8-name", test_invalid_utf8_name);
  g_test_add_func("/ner/many-mentions-then-few", test_many_mentions_then_few);
  return g_test_run();
}
