/* test_segment.c: unit tests of the text stage: eg_segment (paragraphs, sentences, tokens and
 * their flags), eg_text_normalise, eg_paragraph_mode_parse and the JSON Lines reader's lines.
 * Every text is written here. */
#include <string.h>

#include "text/text.h"

/* ---- helpers ---------------------------------------------------------------------------------- */

static EgSegmentation *
seg_of(const char *text, EgParagraphMode mode)
{
  EgSegmentation *seg = eg_segment(text, strlen(text), mode);
  g_assert_nonnull(seg);
  return seg;
}

static const EgToken *
tok(const EgSegmentation *seg, guint i)
{
  g_assert_cmpuint(i, <, seg->tokens->len);
  return &g_array_index(seg->tokens, EgToken, i);
}

/* The text of token I (transfer full). */
static char *
tok_text(const char *text, const EgSegmentation *seg, guint i)
{
  const EgToken *t = tok(seg, i);
  return g_strndup(text + t->start, t->end - t->start);
}

/* Index of the first token whose text is WORD at or after FROM; fails the test if absent. */
static guint
find_tok(const char *text, const EgSegmentation *seg, const char *word, guint from)
{
  gsize n = strlen(word);
  for (guint i = from; i < seg->tokens->len; i++) {
    const EgToken *t = tok(seg, i);
    if (t->end - t->start == n && memcmp(text + t->start, word, n) == 0)
      return i;
  }
  g_test_message("token '%s' not found in: %s", word, text);
  g_assert_not_reached();
  return 0;
}

/* The sentences of TEXT as the text from their first to their last token (transfer full). */
static GStrv
sentences_of(const char *text, EgParagraphMode mode)
{
  g_autoptr(EgSegmentation) seg = seg_of(text, mode);
  GPtrArray *out = g_ptr_array_new();
  guint i = 0;
  while (i < seg->tokens->len) {
    guint32 s = tok(seg, i)->sentence;
    guint j = i;
    while (j + 1 < seg->tokens->len && tok(seg, j + 1)->sentence == s)
      j++;
    g_ptr_array_add(out, g_strndup(text + tok(seg, i)->start, tok(seg, j)->end - tok(seg, i)->start));
    i = j + 1;
  }
  g_assert_cmpuint(out->len, ==, seg->n_sentences);
  g_ptr_array_add(out, NULL);
  return (GStrv)g_ptr_array_free(out, FALSE);
}

static void
assert_sentences(const char *text, EgParagraphMode mode, const char *const *expected)
{
  g_auto(GStrv) got = sentences_of(text, mode);
  guint n_expected = g_strv_length((GStrv)expected);
  for (guint i = 0; got[i] && i < n_expected; i++)
    g_assert_cmpstr(got[i], ==, expected[i]);
  g_assert_cmpuint(g_strv_length(got), ==, n_expected);
}

/* ---- sentences -------------------------------------------------------------------------------- */

static void
test_titles_do_not_end(void)
{
  const char *text = "Mr. Lund met Dr. Okafor and Sen. Vance on the pier. Rep. Haines was absent.";
  const char *const expected[] = {
    "Mr. Lund met Dr. Okafor and Sen. Vance on the pier.", "Rep. Haines was absent.", NULL
  };
  assert_sentences(text, EG_PARA_AUTO, expected);

  g_autoptr(EgSegmentation) seg = seg_of(text, EG_PARA_AUTO);
  guint mr = find_tok(text, seg, "Mr.", 0);
  g_assert_cmpuint(tok(seg, mr)->kind, ==, EG_TOK_WORD);
  g_assert_true(tok(seg, mr)->flags & EG_TF_ABBR);
  g_assert_true(tok(seg, mr)->flags & EG_TF_CAP);
  /* the period of a title belongs to it: no separate "." token follows */
  g_assert_cmpuint(tok(seg, mr + 1)->kind, ==, EG_TOK_WORD);
  guint rep = find_tok(text, seg, "Rep.", 0);
  g_assert_cmpuint(tok(seg, rep)->sentence, ==, 1);
}

static void
test_dotted_abbreviation(void)
{
  const char *const go_on[] = { "U.S. officials arrived at the border on foot.", "They left.", NULL };
  assert_sentences("U.S. officials arrived at the border on foot. They left.", EG_PARA_AUTO, go_on);

  const char *const ends[] = { "The talks were held in the U.S.", "The next day they ended.", NULL };
  assert_sentences("The talks were held in the U.S. The next day they ended.", EG_PARA_AUTO, ends);

  const char *text = "The talks were held in the U.S. The next day they ended.";
  g_autoptr(EgSegmentation) seg = seg_of(text, EG_PARA_AUTO);
  guint us = find_tok(text, seg, "U.S.", 0);
  g_assert_true(tok(seg, us)->flags & EG_TF_ABBR);
  g_assert_true(tok(seg, us + 1)->flags & EG_TF_INITIAL); /* "The" opens the next sentence */
}

static void
test_initial_does_not_end(void)
{
  const char *text = "Sara D. Davis spoke to the council today.";
  const char *const expected[] = { "Sara D. Davis spoke to the council today.", NULL };
  assert_sentences(text, EG_PARA_AUTO, expected);
  g_autoptr(EgSegmentation) seg = seg_of(text, EG_PARA_AUTO);
  guint d = find_tok(text, seg, "D.", 0);
  g_assert_true(tok(seg, d)->flags & EG_TF_ABBR);
  g_assert_false(tok(seg, d + 1)->flags & EG_TF_INITIAL);
}

static void
test_quote_then_said(void)
{
  const char *text = "\u201CWhere are they?\u201D he asked. Nobody answered.";
  const char *const expected[] = { "\u201CWhere are they?\u201D he asked.", "Nobody answered.", NULL };
  assert_sentences(text, EG_PARA_AUTO, expected);

  /* a question inside quotes followed by a capitalised word does end */
  const char *const two[] = { "\u201CWhere are they?\u201D", "Nobody answered.", NULL };
  assert_sentences("\u201CWhere are they?\u201D Nobody answered.", EG_PARA_AUTO, two);

  /* ... but not when the capitalised words are a speaker and a verb of saying follows */
  const char *const named[] = { "\u201CDid Osaka win?\u201D Lund asked.", "Then he left.", NULL };
  assert_sentences("\u201CDid Osaka win?\u201D Lund asked. Then he left.", EG_PARA_AUTO, named);
  const char *const titled[] = { "\"It is over.\" Sen. Ada Lund said.", NULL };
  assert_sentences("\"It is over.\" Sen. Ada Lund said.", EG_PARA_AUTO, titled);
}

/* A sentence end after a closing quote is taken as the words come and checked at the paragraph's
 * end: no speaker follows, a speaker follows, a mark after the quote ends the sentence anyway,
 * and a paragraph of more such ends than are held at once. */
static void
test_quote_held_ends(void)
{
  const char *const plain[] = { "\"It is over.\"", "The vote ended.", "\"Go.\"", "Then.", NULL };
  assert_sentences("\"It is over.\" The vote ended. \"Go.\" Then.", EG_PARA_AUTO, plain);

  const char *const marked[] = { "\"Go.\" .", "Lund said.", NULL };
  assert_sentences("\"Go.\" . Lund said.", EG_PARA_AUTO, marked);

  GString *many = g_string_new(NULL);
  GPtrArray *want = g_ptr_array_new_with_free_func(g_free);
  for (guint i = 0; i < 12; i++) {
    g_string_append_printf(many, "%s\"No %u.\"", i ? " " : "", i);
    g_ptr_array_add(want, g_strdup_printf("\"No %u.\"", i));
  }
  g_string_append(many, " Lund said. Then he left.");
  g_free(want->pdata[want->len - 1]);
  want->pdata[want->len - 1] = g_strdup("\"No 11.\" Lund said.");
  g_ptr_array_add(want, g_strdup("Then he left."));
  g_ptr_array_add(want, NULL);
  assert_sentences(many->str, EG_PARA_AUTO, (const char *const *)want->pdata);
  g_string_free(many, TRUE);
  g_ptr_array_unref(want);
}

static void
test_period_but(void)
{
  const char *const expected[] = { "It rained all night.", "But the match went on.", NULL };
  assert_sentences("It rained all night. But the match went on.", EG_PARA_AUTO, expected);

  const char *const marks[] = { "Is it over?", "Yes!", "Then we go\u2026", "Now.", NULL };
  assert_sentences("Is it over? Yes! Then we go\u2026 Now.", EG_PARA_AUTO, marks);
}

static void
test_numbers_do_not_end(void)
{
  /* a decimal point is not a sentence end */
  const char *const expected[] = { "Prices rose 3.5 percent in May.", NULL };
  assert_sentences("Prices rose 3.5 percent in May.", EG_PARA_AUTO, expected);
}

/* ---- paragraphs ------------------------------------------------------------------------------- */

static void
test_line_mode(void)
{
  const char *text = "Storm hits the coast\nThe ferry stopped at noon.\n";
  const char *const expected[] = { "Storm hits the coast", "The ferry stopped at noon.", NULL };
  assert_sentences(text, EG_PARA_LINE, expected);
  g_autoptr(EgSegmentation) seg = seg_of(text, EG_PARA_LINE);
  g_assert_cmpuint(seg->n_paragraphs, ==, 2);
  g_assert_cmpuint(tok(seg, find_tok(text, seg, "ferry", 0))->paragraph, ==, 1);
  g_assert_true(tok(seg, find_tok(text, seg, "The", 0))->flags & EG_TF_INITIAL);

  /* without any blank line, auto means line */
  assert_sentences(text, EG_PARA_AUTO, expected);
  g_autoptr(EgSegmentation) autoseg = seg_of(text, EG_PARA_AUTO);
  g_assert_cmpuint(autoseg->n_paragraphs, ==, 2);
}

static void
test_blank_mode(void)
{
  const char *text = "The ferry left the\nharbour at dawn. It was late.\n\n  \nA second paragraph\nstarts here.\n";
  const char *const wrapped[] = {
    "The ferry left the\nharbour at dawn.", "It was late.", "A second paragraph\nstarts here.", NULL
  };
  /* auto sees the blank line and picks blank: hard-wrapped lines are not cut */
  assert_sentences(text, EG_PARA_AUTO, wrapped);
  assert_sentences(text, EG_PARA_BLANK, wrapped);

  g_autoptr(EgSegmentation) seg = seg_of(text, EG_PARA_AUTO);
  g_assert_cmpuint(seg->n_paragraphs, ==, 2);
  g_assert_cmpuint(seg->n_sentences, ==, 3);
  g_assert_cmpuint(tok(seg, find_tok(text, seg, "harbour", 0))->paragraph, ==, 0);
  g_assert_cmpuint(tok(seg, find_tok(text, seg, "second", 0))->paragraph, ==, 1);
  g_assert_false(tok(seg, find_tok(text, seg, "harbour", 0))->flags & EG_TF_INITIAL);

  /* line mode cuts every line */
  const char *const lines[] = {
    "The ferry left the", "harbour at dawn.", "It was late.", "A second paragraph", "starts here.", NULL
  };
  assert_sentences(text, EG_PARA_LINE, lines);
  g_autoptr(EgSegmentation) lseg = seg_of(text, EG_PARA_LINE);
  g_assert_cmpuint(lseg->n_paragraphs, ==, 4);
}

static void
test_leading_blank_lines(void)
{
  /* blank lines before any text do not switch auto to blank mode */
  const char *text = "\n\nFirst line here\nSecond line here\n";
  const char *const expected[] = { "First line here", "Second line here", NULL };
  assert_sentences(text, EG_PARA_AUTO, expected);
}

static void
test_numbering(void)
{
  const char *text = "One two. Three 4 five.\n\nSix.";
  g_autoptr(EgSegmentation) seg = seg_of(text, EG_PARA_AUTO);
  g_assert_cmpuint(seg->n_sentences, ==, 3);
  g_assert_cmpuint(seg->n_paragraphs, ==, 2);
  /* sentence and paragraph numbers never decrease; word_index counts words and numbers only */
  guint words = 0;
  for (guint i = 0; i < seg->tokens->len; i++) {
    const EgToken *t = tok(seg, i);
    g_assert_cmpuint(t->word_index, ==, words);
    if (t->kind == EG_TOK_WORD || t->kind == EG_TOK_NUMBER)
      words++;
    if (i > 0) {
      g_assert_cmpuint(t->sentence, >=, tok(seg, i - 1)->sentence);
      g_assert_cmpuint(t->paragraph, >=, tok(seg, i - 1)->paragraph);
      g_assert_cmpuint(t->start, >=, tok(seg, i - 1)->end);
    }
  }
  g_assert_cmpuint(words, ==, 6);
  g_assert_cmpuint(tok(seg, 0)->sentence, ==, 0);
  g_assert_cmpuint(tok(seg, find_tok(text, seg, "4", 0))->kind, ==, EG_TOK_NUMBER);
  g_assert_cmpuint(tok(seg, find_tok(text, seg, "Six", 0))->sentence, ==, 2);
  g_assert_cmpuint(tok(seg, find_tok(text, seg, "Six", 0))->paragraph, ==, 1);

  g_autoptr(EgSegmentation) empty = eg_segment("", 0, EG_PARA_AUTO);
  g_assert_cmpuint(empty->tokens->len, ==, 0);
  g_assert_cmpuint(empty->n_sentences, ==, 0);
  g_assert_cmpuint(empty->n_paragraphs, ==, 0);
}

/* ---- tokens ----------------------------------------------------------------------------------- */

static void
test_possessive(void)
{
  const char *text = "Okafor\u2019s plan beat Lund's idea and the voters\u2019 mood.";
  g_autoptr(EgSegmentation) seg = seg_of(text, EG_PARA_AUTO);
  static const struct { const char *text; EgTokenKind kind; } expected[] = {
    { "Okafor", EG_TOK_WORD }, { "\u2019s", EG_TOK_POSSESSIVE }, { "plan", EG_TOK_WORD },
    { "beat", EG_TOK_WORD }, { "Lund", EG_TOK_WORD }, { "'s", EG_TOK_POSSESSIVE },
    { "idea", EG_TOK_WORD }, { "and", EG_TOK_WORD }, { "the", EG_TOK_WORD },
    { "voters", EG_TOK_WORD }, { "\u2019", EG_TOK_POSSESSIVE }, { "mood", EG_TOK_WORD },
    { ".", EG_TOK_PUNCT },
  };
  g_assert_cmpuint(seg->tokens->len, ==, G_N_ELEMENTS(expected));
  for (guint i = 0; i < G_N_ELEMENTS(expected); i++) {
    g_autofree char *s = tok_text(text, seg, i);
    g_assert_cmpstr(s, ==, expected[i].text);
    g_assert_cmpuint(tok(seg, i)->kind, ==, expected[i].kind);
  }
  /* possessives are not words */
  g_assert_cmpuint(tok(seg, 2)->word_index, ==, 1);
}

static void
test_one_token_words(void)
{
  const char *text = "Wasserman-Schultz and O\u2019Brien counted 33,000 votes on 1996-08-30 with AT&T.";
  g_autoptr(EgSegmentation) seg = seg_of(text, EG_PARA_AUTO);
  const char *const expected[] = {
    "Wasserman-Schultz", "and", "O\u2019Brien", "counted", "33,000", "votes", "on", "1996-08-30",
    "with", "AT&T", ".", NULL
  };
  g_assert_cmpuint(seg->tokens->len, ==, g_strv_length((GStrv)expected));
  for (guint i = 0; expected[i]; i++) {
    g_autofree char *s = tok_text(text, seg, i);
    g_assert_cmpstr(s, ==, expected[i]);
  }
  g_assert_cmpuint(tok(seg, 0)->kind, ==, EG_TOK_WORD);
  g_assert_cmpuint(tok(seg, 2)->kind, ==, EG_TOK_WORD);
  g_assert_cmpuint(tok(seg, 4)->kind, ==, EG_TOK_NUMBER);
  g_assert_cmpuint(tok(seg, 7)->kind, ==, EG_TOK_NUMBER);
  g_assert_true(tok(seg, 2)->flags & EG_TF_CAP);
  g_assert_cmpuint(tok(seg, 10)->ch, ==, '.');
  g_assert_true(tok(seg, 10)->flags & EG_TF_SENT_END);
}

/* Where an ASCII word ends, by the byte after it: a comma or period ends a word but goes on a
 * number before a digit (of any script); a period is kept by a listed abbreviation, which may
 * take a clitic; case flags count letters only. */
static void
test_word_ends(void)
{
  const char *text = "Acme Corp., up 3,500 or 1.5 pct, from 12. He said. NATO, IBM's A4 unit and AB1 "
                     "grew; Jones' view. Acme Corp.'s 7,\u0663 and 8.\u0663 rose";
  g_autoptr(EgSegmentation) seg = seg_of(text, EG_PARA_AUTO);
  static const struct {
    const char *text;
    guint8 kind, flags;
  } expected[] = {
    { "Acme", EG_TOK_WORD, EG_TF_CAP | EG_TF_INITIAL }, { "Corp.", EG_TOK_WORD, EG_TF_CAP | EG_TF_ABBR },
    { ",", EG_TOK_PUNCT, 0 }, { "up", EG_TOK_WORD, 0 }, { "3,500", EG_TOK_NUMBER, 0 },
    { "or", EG_TOK_WORD, 0 }, { "1.5", EG_TOK_NUMBER, 0 }, { "pct", EG_TOK_WORD, 0 },
    { ",", EG_TOK_PUNCT, 0 }, { "from", EG_TOK_WORD, 0 }, { "12", EG_TOK_NUMBER, 0 },
    { ".", EG_TOK_PUNCT, EG_TF_SENT_END }, { "He", EG_TOK_WORD, EG_TF_CAP | EG_TF_INITIAL },
    { "said", EG_TOK_WORD, 0 }, { ".", EG_TOK_PUNCT, EG_TF_SENT_END },
    { "NATO", EG_TOK_WORD, EG_TF_CAP | EG_TF_ALLCAPS | EG_TF_INITIAL }, { ",", EG_TOK_PUNCT, 0 },
    { "IBM", EG_TOK_WORD, EG_TF_CAP | EG_TF_ALLCAPS }, { "'s", EG_TOK_POSSESSIVE, 0 },
    { "A4", EG_TOK_WORD, EG_TF_CAP }, { "unit", EG_TOK_WORD, 0 }, { "and", EG_TOK_WORD, 0 },
    { "AB1", EG_TOK_WORD, EG_TF_CAP | EG_TF_ALLCAPS }, { "grew", EG_TOK_WORD, 0 },
    { ";", EG_TOK_PUNCT, 0 }, { "Jones", EG_TOK_WORD, EG_TF_CAP }, { "'", EG_TOK_POSSESSIVE, 0 },
    { "view", EG_TOK_WORD, 0 }, { ".", EG_TOK_PUNCT, EG_TF_SENT_END },
    { "Acme", EG_TOK_WORD, EG_TF_CAP | EG_TF_INITIAL }, { "Corp.", EG_TOK_WORD, EG_TF_CAP | EG_TF_ABBR },
    { "'s", EG_TOK_POSSESSIVE, 0 }, { "7,\u0663", EG_TOK_NUMBER, 0 }, { "and", EG_TOK_WORD, 0 },
    { "8.\u0663", EG_TOK_NUMBER, 0 }, { "rose", EG_TOK_WORD, 0 },
  };
  g_assert_cmpuint(seg->tokens->len, ==, G_N_ELEMENTS(expected));
  for (guint i = 0; i < G_N_ELEMENTS(expected); i++) {
    g_autofree char *s = tok_text(text, seg, i);
    g_assert_cmpstr(s, ==, expected[i].text);
    g_assert_cmpuint(tok(seg, i)->kind, ==, expected[i].kind);
    g_assert_cmpuint(tok(seg, i)->flags, ==, expected[i].flags);
  }
  /* The same words at the very end of the text, with no byte after them to stop a scan. */
  const char *const ends[] = { "Acme", "12", "NATO", "said." };
  for (guint i = 0; i < G_N_ELEMENTS(ends); i++) {
    g_autofree char *copy = g_strdup(ends[i]);
    g_autoptr(EgSegmentation) one = eg_segment(copy, strlen(copy), EG_PARA_LINE);
    g_assert_cmpuint(tok(one, 0)->end, ==, strcspn(copy, "."));
  }
}

static void
test_case_flags(void)
{
  const char *text = "Leaders of NATO met the un envoy in Oslo.";
  g_autoptr(EgSegmentation) seg = seg_of(text, EG_PARA_AUTO);
  const EgToken *nato = tok(seg, find_tok(text, seg, "NATO", 0));
  g_assert_true(nato->flags & EG_TF_CAP);
  g_assert_true(nato->flags & EG_TF_ALLCAPS);
  const EgToken *oslo = tok(seg, find_tok(text, seg, "Oslo", 0));
  g_assert_true(oslo->flags & EG_TF_CAP);
  g_assert_false(oslo->flags & EG_TF_ALLCAPS);
  const EgToken *un = tok(seg, find_tok(text, seg, "un", 0));
  g_assert_false(un->flags & (EG_TF_CAP | EG_TF_ALLCAPS));
}

static void
test_quotes(void)
{
  const char *text = "She said \u201CGo home\u201D and \u2018stay\u2019 there, then \"Wait\" came.";
  g_autoptr(EgSegmentation) seg = seg_of(text, EG_PARA_AUTO);
  guint open = find_tok(text, seg, "\u201C", 0), close = find_tok(text, seg, "\u201D", 0);
  g_assert_cmpuint(tok(seg, open)->kind, ==, EG_TOK_PUNCT);
  g_assert_cmpuint(tok(seg, open)->ch, ==, '"');
  g_assert_true(tok(seg, open)->flags & EG_TF_OPEN_QUOTE);
  g_assert_false(tok(seg, open)->flags & EG_TF_CLOSE_QUOTE);
  g_assert_cmpuint(tok(seg, close)->ch, ==, '"');
  g_assert_true(tok(seg, close)->flags & EG_TF_CLOSE_QUOTE);
  g_assert_false(tok(seg, close)->flags & EG_TF_OPEN_QUOTE);

  guint sopen = find_tok(text, seg, "\u2018", 0), sclose = find_tok(text, seg, "\u2019", 0);
  g_assert_cmpuint(tok(seg, sopen)->ch, ==, '\'');
  g_assert_true(tok(seg, sopen)->flags & EG_TF_OPEN_QUOTE);
  g_assert_cmpuint(tok(seg, sclose)->ch, ==, '\'');
  g_assert_true(tok(seg, sclose)->flags & EG_TF_CLOSE_QUOTE);

  /* straight quotes: opening after a space, closing after a word */
  guint q1 = find_tok(text, seg, "\"", 0), q2 = find_tok(text, seg, "\"", q1 + 1);
  g_assert_true(tok(seg, q1)->flags & EG_TF_OPEN_QUOTE);
  g_assert_true(tok(seg, q2)->flags & EG_TF_CLOSE_QUOTE);
  /* the first word after an opening quote is marked initial */
  g_assert_true(tok(seg, open + 1)->flags & EG_TF_INITIAL);
  g_assert_true(tok(seg, q1 + 1)->flags & EG_TF_INITIAL);
  g_assert_false(tok(seg, close + 1)->flags & EG_TF_INITIAL); /* "and" */
}

static void
test_initial_flag(void)
{
  const char *text = "Officials said: Prices rose. \u201CMarkets fell,\u201D Lund wrote \u2013 Nobody cared.";
  g_autoptr(EgSegmentation) seg = seg_of(text, EG_PARA_AUTO);
  g_assert_true(tok(seg, find_tok(text, seg, "Officials", 0))->flags & EG_TF_INITIAL);
  g_assert_false(tok(seg, find_tok(text, seg, "said", 0))->flags & EG_TF_INITIAL);
  g_assert_true(tok(seg, find_tok(text, seg, "Prices", 0))->flags & EG_TF_INITIAL);  /* after ':' */
  g_assert_false(tok(seg, find_tok(text, seg, "rose", 0))->flags & EG_TF_INITIAL);
  g_assert_true(tok(seg, find_tok(text, seg, "Markets", 0))->flags & EG_TF_INITIAL); /* after quote */
  g_assert_false(tok(seg, find_tok(text, seg, "Lund", 0))->flags & EG_TF_INITIAL);
  g_assert_true(tok(seg, find_tok(text, seg, "Nobody", 0))->flags & EG_TF_INITIAL);  /* after dash */
  /* the colon does not end the sentence */
  g_assert_cmpuint(tok(seg, find_tok(text, seg, "Prices", 0))->sentence, ==, 0);
}

static void
test_paragraph_mode_parse(void)
{
  EgParagraphMode m = EG_PARA_BLANK;
  g_assert_true(eg_paragraph_mode_parse("auto", &m));
  g_assert_cmpint(m, ==, EG_PARA_AUTO);
  g_assert_true(eg_paragraph_mode_parse("blank", &m));
  g_assert_cmpint(m, ==, EG_PARA_BLANK);
  g_assert_true(eg_paragraph_mode_parse("line", &m));
  g_assert_cmpint(m, ==, EG_PARA_LINE);
  m = EG_PARA_LINE;
  g_assert_false(eg_paragraph_mode_parse("lines", &m));
  g_assert_false(eg_paragraph_mode_parse("", &m));
  g_assert_false(eg_paragraph_mode_parse(NULL, &m));
  g_assert_cmpint(m, ==, EG_PARA_LINE);
}

/* ---- normalisation ---------------------------------------------------------------------------- */

static void
test_normalise_line_ends(void)
{
  const char raw[] = "one\r\ntwo\rthree\n\r\nfour";
  gsize len = 0;
  gboolean repaired = TRUE;
  g_autofree char *out = eg_text_normalise(raw, sizeof raw - 1, &len, &repaired);
  g_assert_cmpstr(out, ==, "one\ntwo\nthree\n\nfour");
  g_assert_cmpuint(len, ==, strlen(out));
  g_assert_false(repaired);
}

static void
test_normalise_utf8(void)
{
  const char raw[] = "Caf\xff ok";
  gsize len = 0;
  gboolean repaired = FALSE;
  g_autofree char *out = eg_text_normalise(raw, sizeof raw - 1, &len, &repaired);
  g_assert_true(repaired);
  g_assert_true(g_utf8_validate(out, (gssize)len, NULL));
  g_assert_cmpstr(out, ==, "Caf\uFFFD ok");
  g_assert_cmpuint(len, ==, strlen(out));

  /* NFC: a combining accent becomes the precomposed letter */
  const char *decomposed = "Jose\u0301 and Zoe\u0308";
  g_autofree char *nfc = eg_text_normalise(decomposed, strlen(decomposed), &len, &repaired);
  g_assert_false(repaired);
  g_assert_cmpstr(nfc, ==, "Jos\u00e9 and Zo\u00eb");
  g_assert_cmpuint(len, ==, strlen("Jos\u00e9 and Zo\u00eb"));

  /* NFC together with CRLF */
  const char *both = "e\u0301\r\nx";
  g_autofree char *b = eg_text_normalise(both, strlen(both), &len, &repaired);
  g_assert_cmpstr(b, ==, "\u00e9\nx");

  /* a byte order mark is dropped */
  const char *bom = "\xEF\xBB\xBFHello";
  g_autofree char *nb = eg_text_normalise(bom, strlen(bom), &len, &repaired);
  g_assert_cmpstr(nb, ==, "Hello");
  g_assert_cmpuint(len, ==, 5);

  /* the length argument is honoured: bytes after LEN are not read */
  g_autofree char *part = eg_text_normalise("abcdef", 3, &len, &repaired);
  g_assert_cmpstr(part, ==, "abc");
  g_assert_cmpuint(len, ==, 3);
}

/* NFC is computed in pieces (g_utf8_normalize on a whole long text takes quadratic time): the
 * result must be g_utf8_normalize's on the whole text, whatever sits at the cuts: accents
 * after Latin letters, marks that reorder, characters NFC replaces, Hangul jamo that compose
 * into syllables, kana and voicing marks, and runs of ideographs long enough to be cut. */
static void
test_normalise_nfc_pieces(void)
{
  static const char *const pieces[] = {
    "a", "e", " ", ".", "\n", "\u00e9", "\u00c5", "\u0301", "\u0323", "\u0308", "\u0344",
    "\u0340", "\u2000", "\u212b", "\u0438\u0306", "\u03b1\u0301", "\u1100", "\u1161",
    "\u11a8", "\uac00", "\u304b", "\u3099", "\u30ab", "\u6f22", "\u3000", "\u0f73",
    "\u0cc6", "\u0cd5", "\u0cc2", "\u0bc6", "\u0bbe", "\U0001d15e", "\u05b8", "\u05c1",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed(1125);
  for (guint round = 0; round < 3000; round++) {
    GString *s = g_string_new(NULL);
    /* some rounds hold long runs without ASCII or Latin letters, past the length that is cut */
    gboolean long_run = round % 10 == 0;
    guint n = long_run ? 3000 : (guint)g_rand_int_range(rand, 1, 40);
    for (guint k = 0; k < n; k++) {
      guint p = long_run ? (guint)g_rand_int_range(rand, 16, 26)
                         : (guint)g_rand_int_range(rand, 0, G_N_ELEMENTS(pieces));
      g_string_append(s, pieces[p]);
    }
    g_autofree char *want = g_utf8_normalize(s->str, (gssize)s->len, G_NORMALIZE_NFC);
    gsize len = 0;
    gboolean repaired = TRUE;
    g_autofree char *got = eg_text_normalise(s->str, s->len, &len, &repaired);
    g_assert_false(repaired);
    g_assert_cmpstr(got, ==, want);
    g_assert_cmpuint(len, ==, strlen(want));
    g_string_free(s, TRUE);
  }
}

/* The ASCII prefix is skipped eight bytes at a time: a bad byte, a NUL, a CR or a non-ASCII
 * letter is seen wherever it falls, in or after a block of eight, and in the last bytes. */
static void
test_normalise_any_position(void)
{
  for (gsize n = 0; n <= 19; n++) {
    g_autofree char *plain = g_strnfill(n, 'a');
    gsize len = 0;
    gboolean repaired = TRUE;
    g_autofree char *same = eg_text_normalise(plain, n, &len, &repaired);
    g_assert_false(repaired);
    g_assert_cmpstr(same, ==, plain);
    g_assert_cmpuint(len, ==, n);
    for (gsize at = 0; at < n; at++) {
      g_autofree char *raw = g_strdup(plain);
      raw[at] = '\xFF';
      g_autofree char *bad = eg_text_normalise(raw, n, &len, &repaired);
      g_assert_true(repaired);
      g_assert_cmpuint(len, ==, n + 2);
      g_assert_cmpmem(bad + at, 3, "\uFFFD", 3);

      raw[at] = '\0';
      g_autofree char *nul = eg_text_normalise(raw, n, &len, &repaired);
      g_assert_true(repaired);
      g_assert_cmpuint(len, ==, n);
      g_assert_cmpint(nul[at], ==, ' ');

      raw[at] = '\r';
      g_autofree char *cr = eg_text_normalise(raw, n, &len, &repaired);
      g_assert_false(repaired);
      g_assert_cmpuint(len, ==, n);
      g_assert_cmpint(cr[at], ==, '\n');

      /* e and a combining acute accent: NFC makes them one letter, two bytes in all */
      g_autofree char *accent = g_strdup_printf("%.*se\u0301%s", (int)at, plain, plain + at + 1);
      g_autofree char *nfc = eg_text_normalise(accent, strlen(accent), &len, &repaired);
      g_assert_false(repaired);
      g_assert_cmpuint(len, ==, n + 1);
      g_assert_cmpmem(nfc + at, 2, "\u00e9", 2);
    }
  }
}

/* A word of ASCII letters and digits ends before every other ASCII byte, whatever its length
 * and wherever it lies (words are classed eight bytes at a time), and goes on over a byte that
 * is not ASCII; a capital anywhere past the first eight bytes still counts for ALLCAPS. */
static void
test_word_ends_every_byte(void)
{
  for (guint len = 1; len <= 20; len++)
    for (guint lead = 0; lead < 8; lead++)
      for (guint b = 1; b < 0x80; b++) {
        if (g_ascii_isalnum((char)b) || strchr("'-.,&", (int)b))
          continue; /* these go on a word or are read by the general rules */
        g_autoptr(GString) text = g_string_new(NULL);
        for (guint i = 0; i < lead; i++)
          g_string_append_c(text, ' ');
        /* every letter and digit in turn; only capitals and digits when LEN is even */
        static const char mixed[] = "AaBbCcDdEeFfGgHhIiJjKkLlMmNnOoPpQqRrSsTtUuVvWwXxYyZz0123456789";
        static const char caps[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (guint i = 0; i < len; i++)
          g_string_append_c(text, len % 2 ? mixed[(i + b) % (sizeof mixed - 1)]
                                          : caps[(i + b) % (sizeof caps - 1)]);
        g_string_append_c(text, (char)b);
        g_string_append(text, b == '\n' ? "x" : "x ");
        for (int end = 0; end < 2; end++) { /* the byte last in the text, or not */
          gsize n = end ? lead + len + 1 : text->len;
          g_autoptr(EgSegmentation) seg = eg_segment(text->str, n, EG_PARA_LINE);
          const EgToken *t = tok(seg, 0);
          g_assert_cmpuint(t->start, ==, lead);
          g_assert_cmpuint(t->end, ==, lead + len);
          /* two letters or more, all capitals, in a word (a number has no flags) */
          guint letters = 0;
          for (guint i = lead; i < lead + len; i++)
            letters += g_ascii_isalpha(text->str[i]);
          gboolean all_caps = len % 2 == 0 && letters >= 2 && !g_ascii_isdigit(text->str[lead]);
          g_assert_cmpint((t->flags & EG_TF_ALLCAPS) != 0, ==, all_caps);
        }
      }
  /* a byte that is not ASCII, past the first eight, goes on the word */
  const char *text = "Abcdefghij\xC3\xA9kl and";
  g_autoptr(EgSegmentation) seg = seg_of(text, EG_PARA_LINE);
  g_assert_cmpuint(tok(seg, 0)->end, ==, strlen("Abcdefghij\xC3\xA9kl"));
}

/* ---- JSON Lines ------------------------------------------------------------------------------- */

static void
collect_doc(const EgDocument *doc, gpointer data)
{
  /* The text is NUL-terminated: the pipeline copies LEN + 1 bytes. */
  g_assert_cmpint(doc->text[doc->len], ==, '\0');
  g_ptr_array_add(data, g_strdup_printf("%s=%s", doc->id, doc->text));
}

/* Lines are read in blocks (of 256 KiB) and mostly in place: a line that crosses blocks, one
 * longer than a block, blank lines, a text with CRLF and a last line without a line break are
 * all read whole. */
static void
test_jsonl_lines(void)
{
  const gsize sizes[] = { 100000, 100000, 100000, 300000, 10, 70000, 262144 };
  g_autoptr(GString) in = g_string_new(NULL);
  g_autoptr(GPtrArray) want = g_ptr_array_new_with_free_func(g_free);
  for (guint i = 0; i < G_N_ELEMENTS(sizes); i++) {
    g_autofree char *text = g_strnfill(sizes[i], 'a' + (char)i);
    g_string_append_printf(in, "{\"id\": \"d%u\", \"text\": \"%s\"}\n%s", i, text, i == 2 ? "\n  \n" : "");
    g_ptr_array_add(want, g_strdup_printf("d%u=%s", i, text));
  }
  g_string_append(in, "{\"id\": \"crlf\", \"text\": \"One\\r\\nTwo\"}\n{\"text\": \"last\"}");
  g_ptr_array_add(want, g_strdup("crlf=One\nTwo"));
  g_ptr_array_add(want, g_strdup("mem:11=last"));

  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data(in->str, (gssize)in->len, NULL);
  g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func(g_free);
  EgSourceOptions options = { .jsonl = TRUE };
  g_assert_cmpuint(eg_sources_read_stream(stream, "mem", &options, collect_doc, got, NULL, NULL), ==, 0);
  g_assert_cmpuint(got->len, ==, want->len);
  for (guint i = 0; i < want->len; i++)
    g_assert_cmpstr(got->pdata[i], ==, want->pdata[i]);

  /* A stream of one line without a line break, shorter and longer than a block. */
  const gsize single[] = { 1000, 300000 };
  for (guint i = 0; i < G_N_ELEMENTS(single); i++) {
    g_autofree char *text = g_strnfill(single[i], 'x');
    g_autofree char *one = g_strdup_printf("{\"text\": \"%s\"}", text);
    g_autoptr(GInputStream) st = g_memory_input_stream_new_from_data(one, (gssize)strlen(one), NULL);
    g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func(g_free);
    g_assert_cmpuint(eg_sources_read_stream(st, "one", &options, collect_doc, docs, NULL, NULL), ==, 0);
    g_assert_cmpuint(docs->len, ==, 1);
    g_autofree char *expect = g_strdup_printf("one:1=%s", text);
    g_assert_cmpstr(docs->pdata[0], ==, expect);
  }
}

static void
collect_doc_day(const EgDocument *doc, gpointer data)
{
  g_ptr_array_add(data, g_strdup_printf("%s|%u|%u|%s", doc->id, doc->day, doc->part, doc->text));
}

/* What the reader makes of LINE: its documents and how many lines it refused. */
static char *
jsonl_read_one(const char *line, gsize len)
{
  g_autoptr(GInputStream) st = g_memory_input_stream_new_from_data(g_memdup2(line, len), (gssize)len, g_free);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func(g_free);
  EgSourceOptions options = { .jsonl = TRUE };
  guint fatal = eg_sources_read_stream(st, "mem", &options, collect_doc_day, docs, NULL, NULL);
  g_autoptr(GString) out = g_string_new(NULL);
  g_string_append_printf(out, "fatal %u\n", fatal);
  for (guint i = 0; i < docs->len; i++)
    g_string_append_printf(out, "%s\n", (char *)docs->pdata[i]);
  return g_string_free(g_steal_pointer(&out), FALSE);
}

/* Pieces of lines, each list good ones first: a bad one is picked now and then, so that most
 * lines are read and every rule meets its edge. */
typedef struct {
  const char *const *list;
  guint good, all;
} JsonlPieces;

static const char *const jsonl_ws_list[] = { "", "", "", " ", "\t", "  ", "\r", "\f", "\v" };
static const char *const jsonl_key_list[] = { "text", "text", "text", "id", "id", "date", "x", "",
                                              "Text", "te\\u0078t", "t\xC3\xABxt", "\\\"" };
static const char *const jsonl_char_list[] = {
  "a", "B", " ", ".", "\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80", "\\n", "\\r", "\\t", "\\b", "\\f",
  "\\\"", "\\\\", "\\/", "\\u00e9", "\\u00E9", "\\u2019", "\\u0041", "\\u007f", "\\u0080", "\\uFFFF",
  "12", "July 25, 2016", "2016-07-25", "1469750400", "\x7f", "'", "/", "e\xCC\x81", "e\\u0301",
  "u0000", /* after "\\\\": the text \u0000, which the reader refuses too */
  /* bad */
  "\\ud83d\\ude00", "\\ud83d", "\\ude00", "\\u0000", "\\x", "\\u12", "\\U0041", "\t", "\x01", "\x1f",
  "\xff", "\xC3", "\\", "\"",
};
static const char *const jsonl_atom_list[] = {
  "0", "-0", "12", "-12", "1.5", "-0.25", "1e5", "1E+2", "1e-2", "1.5e10", "123456789012345",
  "1469750400", "1469750400000", "1469750400.5", "true", "false", "null", "[]", "{}", "[1, 2]",
  "{\"a\": 1}", "[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]",
  /* bad */
  "012", "1.", ".5", "1e999", "1e100", "-", "+1", "1234567890123456", "123456789012345678901",
  "0x1F", "NaN", "Infinity", "True", "nul", "tru", "[1,]", "{\"a\" 1}", "{'a': 1}", "'x'",
  "/* c */ 1", "1 // c", "1 2",
};
static const JsonlPieces jsonl_ws = { jsonl_ws_list, 6, G_N_ELEMENTS(jsonl_ws_list) };
static const JsonlPieces jsonl_keys = { jsonl_key_list, 9, G_N_ELEMENTS(jsonl_key_list) };
static const JsonlPieces jsonl_chars = { jsonl_char_list, 32, G_N_ELEMENTS(jsonl_char_list) };
static const JsonlPieces jsonl_atoms = { jsonl_atom_list, 22, G_N_ELEMENTS(jsonl_atom_list) };

static const char *
jsonl_pick(const JsonlPieces *p)
{
  gboolean bad = g_test_rand_int_range(0, 60) == 0;
  return p->list[bad ? g_test_rand_int_range(0, (gint32)p->all) : g_test_rand_int_range(0, (gint32)p->good)];
}

static void
jsonl_gen_value(GString *out, guint depth)
{
  guint r = (guint)g_test_rand_int_range(0, depth > 3 ? 8 : 10);
  if (r < 5) {
    g_string_append_c(out, '"');
    guint n = (guint)g_test_rand_int_range(0, 8);
    for (guint i = 0; i < n; i++)
      g_string_append(out, jsonl_pick(&jsonl_chars));
    g_string_append_c(out, '"');
  } else if (r < 8) {
    g_string_append(out, jsonl_pick(&jsonl_atoms));
  } else {
    gboolean array = r == 8;
    g_string_append_c(out, array ? '[' : '{');
    guint n = (guint)g_test_rand_int_range(0, 3);
    for (guint i = 0; i < n; i++) {
      if (i)
        g_string_append_c(out, ',');
      g_string_append(out, jsonl_pick(&jsonl_ws));
      if (!array)
        g_string_append_printf(out, "\"%s\": ", jsonl_pick(&jsonl_keys));
      jsonl_gen_value(out, depth + 1);
    }
    g_string_append_c(out, array ? ']' : '}');
  }
}

/* A line made to probe the reader: mostly an object of members, sometimes broken. */
static char *
jsonl_gen_line(void)
{
  g_autoptr(GString) out = g_string_new(NULL);
  g_string_append(out, jsonl_pick(&jsonl_ws));
  g_string_append_c(out, '{');
  guint n = (guint)g_test_rand_int_range(0, 5);
  for (guint i = 0; i < n; i++) {
    if (i)
      g_string_append(out, g_test_rand_int_range(0, 60) ? "," : g_test_rand_bit() ? "" : ",,");
    g_string_append(out, jsonl_pick(&jsonl_ws));
    g_string_append_printf(out, "\"%s\"", jsonl_pick(&jsonl_keys));
    g_string_append(out, jsonl_pick(&jsonl_ws));
    g_string_append(out, g_test_rand_int_range(0, 60) ? ":" : "=");
    g_string_append(out, jsonl_pick(&jsonl_ws));
    jsonl_gen_value(out, 1);
    g_string_append(out, jsonl_pick(&jsonl_ws));
  }
  if (!g_test_rand_int_range(0, 60))
    g_string_append_c(out, ',');
  if (g_test_rand_int_range(0, 60))
    g_string_append_c(out, '}');
  g_string_append(out, jsonl_pick(&jsonl_ws));
  if (!g_test_rand_int_range(0, 60))
    g_string_append(out, jsonl_pick(&jsonl_atoms));
  /* now and then one byte changed */
  if (out->len && !g_test_rand_int_range(0, 20)) {
    static const char flips[] = "\"\\{}[],: \t/0e.-u\x01\xff";
    out->str[g_test_rand_int_range(0, (gint32)out->len)] = flips[g_test_rand_int_range(0, sizeof flips - 1)];
  }
  return g_string_free(g_steal_pointer(&out), FALSE);
}

/* The reader takes the common line without json-glib's tree: what it makes of any line is what
 * it makes of the same line read by json-glib, which a byte order mark in front forces (json-glib
 * skips it). Lines of random members, values, escapes, numbers, white space and broken syntax. */
static void
test_jsonl_fast_agrees(void)
{
  const char *fixed[] = {
    "{\"id\": \"a\", \"text\": \"Ann went.\"}",
    "{\"text\": \"A \\\"quote\\\" and \\u00e9\\\\ \\/ x\", \"id\": 7, \"date\": \"2016-07-25\"}",
    "{\"text\": \"x\", \"date\": 1469750400}",
    "{\"text\": \"x\", \"date\": \"1469750400\"}",
    "{\"text\": \"x\", \"date\": 1469750400.5}",
    "{\"text\": \"x\", \"text\": \"y\"}",
    "{\"id\": \"a\", \"id\": \"b\", \"text\": \"y\"}",
    "{\"x\": 1, \"x\": 2, \"text\": \"y\"}",
    "{\"text\": \"x\"} ",
    "{\"text\": \"x\"}\t",
    "  {\"text\": \"x\"}",
    "{\"text\": \"x\\u0000y\"}",
    /* the text \u0000 after an escaped backslash: the reader skips the line either way */
    "{\"text\": \"x\\\\u0000y\"}",
    "{\"text\": \"x\\\\\\\\u0000\"}",
    "{\"x\": [\"\\\\u0000\"], \"text\": \"y\"}",
    "{\"text\": \"y\", \"x\": {\"a\": \"\\\\u000\"}}",
    "{\"text\": \"x\\\\u00000\", \"id\": \"\\\\u0001\"}",
    "{\"text\": \"x\"}}",
    "{\"text\": \"x\",}",
    "{\"text\": [\"x\"]}",
    "{\"text\": \"x\", \"id\": -0}",
    "{\"text\": \"x\", \"id\": 123456789012345678901}",
    "{\"text\": \"x\", \"id\": 1e3}",
    "{\"text\": \"x\", \"meta\": {\"a\": [1, 2.5, true, null, {\"b\": \"c\"}]}}",
    "[\"text\"]",
    "\"text\"",
  };
  for (guint i = 0; i < G_N_ELEMENTS(fixed) + 20000; i++) {
    g_autofree char *made = i < G_N_ELEMENTS(fixed) ? g_strdup(fixed[i]) : jsonl_gen_line();
    if (!made[strspn(made, " \t\n\r\f\v")])
      continue; /* a blank line is skipped, and a BOM is no blank */
    g_autofree char *bom = g_strconcat("\xEF\xBB\xBF", made, NULL);
    g_autofree char *got = jsonl_read_one(made, strlen(made));
    g_autofree char *want = jsonl_read_one(bom, strlen(bom));
    if (g_strcmp0(got, want) != 0)
      g_test_message("line: %s", made);
    g_assert_cmpstr(got, ==, want);
  }
}

/* Sentence numbers never go down along the tokens, and punctuation alone is no sentence: it
 * would count as a window. */
static void
test_sentence_numbers(void)
{
  const char *text = "First one.\n\n* * *\n\nHe said \"Go.\" Then \u201C\u201D left.\n";
  g_autoptr(EgSegmentation) seg = seg_of(text, EG_PARA_AUTO);
  const EgToken *tok = (const EgToken *)seg->tokens->data;
  for (guint i = 1; i < seg->tokens->len; i++)
    g_assert_cmpuint(tok[i].sentence, >=, tok[i - 1].sentence);
  g_assert_cmpuint(tok[seg->tokens->len - 1].sentence, ==, seg->n_sentences - 1);
  g_assert_cmpuint(seg->n_sentences, ==, 3); /* "First one.", "He said "Go."", "Then ... left." */
}

/* One lookup in the word-list index answers every list, and agrees with eg_wordlist_has. */
static void
test_wordlist_index(void)
{
  g_assert_cmpuint(eg_wordlist_lists("Mary") & EG_WL_GIVEN, !=, 0);
  g_assert_cmpuint(eg_wordlist_lists("Friday") & EG_WL_CALENDAR, !=, 0);
  g_assert_cmpuint(eg_wordlist_lists("Corp.") & EG_WL_ABBREVIATIONS, !=, 0);
  g_assert_cmpuint(eg_wordlist_lists("the") & EG_WL_FUNCTION, !=, 0);
  g_assert_cmpuint(eg_wordlist_lists("house") & EG_WL_COMMON, !=, 0);
  g_assert_cmpuint(eg_wordlist_lists("Brazilian") & EG_WL_NATIONALITIES, !=, 0);
  /* a word in several lists, and speech verbs */
  g_assert_cmpuint(eg_wordlist_lists("said") & (EG_WL_COMMON | EG_WL_SPEECH), ==,
                   EG_WL_COMMON | EG_WL_SPEECH);
  /* prefixes of entries of several words, also of one that is an entry itself */
  g_assert_cmpuint(eg_wordlist_lists("Prime Minister") & EG_WL_TITLES, !=, 0);
  g_assert_cmpuint(eg_wordlist_lists("Prime") & (EG_WL_TITLES | EG_WL_TITLE_PREFIX), ==,
                   EG_WL_TITLE_PREFIX);
  g_assert_cmpuint(eg_wordlist_lists("President") & (EG_WL_TITLES | EG_WL_TITLE_PREFIX), ==,
                   EG_WL_TITLES | EG_WL_TITLE_PREFIX);
  g_assert_cmpuint(eg_wordlist_lists("New York") & (EG_WL_PLACES | EG_WL_PLACE_PREFIX), ==,
                   EG_WL_PLACES | EG_WL_PLACE_PREFIX);
  g_assert_cmpuint(eg_wordlist_lists("New") & EG_WL_PLACE_PREFIX, !=, 0);
  g_assert_cmpuint(eg_wordlist_lists("mary"), ==, 0);
  g_assert_cmpuint(eg_wordlist_lists(""), ==, 0);
  g_assert_true(eg_wordlist_has("given_names.txt", "Mary"));
  g_assert_false(eg_wordlist_has("common_words.txt", "Mary"));
  /* the .tsv lists keep their values */
  const char *ny = g_hash_table_lookup(eg_wordlist_get("places.tsv"), "New York City");
  g_assert_cmpstr(ny, ==, "New York City\tcity");
}

/* A thread keeps the store of the segmentation it freed for its next text, but not a store
 * sized for a long text, even when that text had few tokens (the store is sized from the
 * text's length, and GArray gives no memory back). */
static void
test_spare_store(void)
{
  GString *long_text = g_string_new(NULL);
  while (long_text->len < 4 * 1024 * 1024) {
    for (guint i = 0; i < 399; i++)
      g_string_append_c(long_text, 'a');
    g_string_append_c(long_text, ' ');
  }
  EgSegmentation *seg = seg_of(long_text->str, EG_PARA_AUTO);
  g_assert_cmpuint(seg->tokens->len, <, 16 * 1024);
  g_assert_cmpuint(seg->store, >, 256 * 1024);
  eg_segmentation_free(seg);
  g_autoptr(EgSegmentation) small = seg_of("Hi there.", EG_PARA_AUTO);
  g_assert_cmpuint(small->tokens->len, ==, 3);
  g_assert_cmpuint(small->store, <, 1024); /* a new store, not the long text's */
  g_string_free(long_text, TRUE);
}

int
main(int argc, char *argv[])
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/segment/sentence/titles", test_titles_do_not_end);
  g_test_add_func("/segment/sentence/dotted-abbreviation", test_dotted_abbreviation);
  g_test_add_func("/segment/sentence/initial", test_initial_does_not_end);
  g_test_add_func("/segment/sentence/quote-then-said", test_quote_then_said);
  g_test_add_func("/segment/sentence/quote-held-ends", test_quote_held_ends);
  g_test_add_func("/segment/sentence/period-but", test_period_but);
  g_test_add_func("/segment/sentence/numbers", test_numbers_do_not_end);
  g_test_add_func("/segment/paragraph/line", test_line_mode);
  g_test_add_func("/segment/paragraph/blank", test_blank_mode);
  g_test_add_func("/segment/paragraph/leading-blank", test_leading_blank_lines);
  g_test_add_func("/segment/paragraph/numbering", test_numbering);
  g_test_add_func("/segment/paragraph/mode-parse", test_paragraph_mode_parse);
  g_test_add_func("/segment/token/possessive", test_possessive);
  g_test_add_func("/segment/token/one-token", test_one_token_words);
  g_test_add_func("/segment/token/case-flags", test_case_flags);
  g_test_add_func("/segment/token/word-ends", test_word_ends);
  g_test_add_func("/segment/token/word-ends-every-byte", test_word_ends_every_byte);
  g_test_add_func("/segment/token/quotes", test_quotes);
  g_test_add_func("/segment/token/initial-flag", test_initial_flag);
  g_test_add_func("/segment/normalise/line-ends", test_normalise_line_ends);
  g_test_add_func("/segment/normalise/utf8-nfc", test_normalise_utf8);
  g_test_add_func("/segment/normalise/any-position", test_normalise_any_position);
  g_test_add_func("/segment/normalise/nfc-pieces", test_normalise_nfc_pieces);
  g_test_add_func("/segment/sentence-numbers", test_sentence_numbers);
  g_test_add_func("/segment/jsonl/lines", test_jsonl_lines);
  g_test_add_func("/segment/jsonl/fast-agrees", test_jsonl_fast_agrees);
  g_test_add_func("/segment/wordlist/index", test_wordlist_index);
  g_test_add_func("/segment/spare/long-few-tokens", test_spare_store);
  return g_test_run();
}
