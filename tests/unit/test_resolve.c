/* test_resolve.c: unit tests of the resolution stage: the name helpers and eg_resolve_document on
 * mentions found (eg_ner_find) in short texts written here. */
#include <string.h>

#include "resolve/resolve.h"

/* ---- helpers ---------------------------------------------------------------------------------- */

typedef struct {
  char *text;
  EgSegmentation *seg;
  GArray *mentions;
  EgResolution *res;
} Resolved;

static void
resolved_free(Resolved *r)
{
  if (!r)
    return;
  eg_resolution_free(r->res);
  g_array_unref(r->mentions);
  eg_segmentation_free(r->seg);
  g_free(r->text);
  g_free(r);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Resolved, resolved_free)

static Resolved *
resolve_text(const char *text)
{
  Resolved *r = g_new0(Resolved, 1);
  r->text = g_strdup(text);
  r->seg = eg_segment(r->text, strlen(r->text), EG_PARA_AUTO);
  r->mentions = eg_ner_find(r->text, r->seg);
  r->res = eg_resolve_document(r->mentions);
  g_assert_nonnull(r->res);
  /* invariants: one entity per mention, entities in the order of their first mention, counts add up */
  g_assert_cmpuint(r->res->mention_entity->len, ==, r->mentions->len);
  guint next = 0, total = 0;
  for (guint k = 0; k < r->mentions->len; k++) {
    guint e = g_array_index(r->res->mention_entity, guint, k);
    g_assert_cmpuint(e, <, r->res->entities->len);
    g_assert_cmpuint(e, <=, next);
    if (e == next)
      next++;
  }
  g_assert_cmpuint(next, ==, r->res->entities->len);
  for (guint i = 0; i < r->res->entities->len; i++) {
    const EgDocEntity *e = r->res->entities->pdata[i];
    g_assert_nonnull(e->label);
    g_assert_null(strstr(e->label, "'s"));
    total += e->mentions;
    guint surf = 0;
    for (guint s = 0; s < e->n_surfaces; s++) {
      surf += e->surfaces[s].count;
      for (guint t = 0; t < s; t++) /* each form once */
        g_assert_cmpstr(e->surfaces[s].surface, !=, e->surfaces[t].surface);
    }
    g_assert_cmpuint(surf, ==, e->mentions);
  }
  g_assert_cmpuint(total, ==, r->mentions->len);
  return r;
}

static const EgDocEntity *
entity(const Resolved *r, guint i)
{
  g_assert_cmpuint(i, <, r->res->entities->len);
  return r->res->entities->pdata[i];
}

static guint
mention_entity(const Resolved *r, guint k)
{
  g_assert_cmpuint(k, <, r->res->mention_entity->len);
  return g_array_index(r->res->mention_entity, guint, k);
}

static guint
surface_count(const EgDocEntity *e, const char *surface)
{
  for (guint s = 0; s < e->n_surfaces; s++)
    if (strcmp(e->surfaces[s].surface, surface) == 0)
      return e->surfaces[s].count;
  return 0;
}

/* Labels of all entities joined by "|" (transfer full). */
static char *
labels(const Resolved *r)
{
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < r->res->entities->len; i++) {
    if (i)
      g_string_append_c(s, '|');
    g_string_append(s, entity(r, i)->label);
  }
  return g_string_free(s, FALSE);
}

/* ---- name helpers ----------------------------------------------------------------------------- */

static void
check_key(const char *name, const char *expected)
{
  g_autofree char *k = eg_resolve_key(name);
  g_assert_cmpstr(k, ==, expected);
}

static void
test_key(void)
{
  check_key("Wasserman-Schultz", "wasserman schultz");
  check_key("Wasserman Schultz", "wasserman schultz");
  check_key("U.S.", "us");
  check_key("US", "us");
  check_key("  Maria   Okafor ", "maria okafor");
  check_key("Maria\tOkafor", "maria okafor");
  check_key("O'Brien", "o'brien");
  check_key("\u00c9COLE Normale", "\u00e9cole normale");
  /* case folding, not lower case: the German sharp s folds to "ss", also beside ASCII */
  check_key("STRA\u00dfE Nord", "strasse nord");
  check_key("Mr. A-B.C", "mr a bc");
  check_key("", "");
  /* longer names, separators at their edges */
  check_key("Bank of New York Mellon Corp", "bank of new york mellon corp");
  check_key("ABCDEFG HIJKLMN OPQRSTU", "abcdefg hijklmn opqrstu");
  check_key("Abcdefgh Ijklmnop", "abcdefgh ijklmnop");
  check_key(" Abcdefgh  Ijklmnop  ", "abcdefgh ijklmnop");
  check_key("Abcdefg  Hijklmno", "abcdefg hijklmno");
  check_key("Abcdefghijklmno\u00e9", "abcdefghijklmno\u00e9");
  check_key("Abcdefgh-Ijklmnop.Qrstuvwx", "abcdefgh ijklmnopqrstuvwx");
}

/* The key by its definition, a byte at a time, for ASCII names. */
static char *
reference_key(const char *name)
{
  GString *k = g_string_new(NULL);
  gboolean space = FALSE;
  for (const char *p = name; *p; p++) {
    if (*p == '.')
      continue;
    if (*p == '-' || *p == ' ' || *p == '\t') {
      space = k->len > 0;
      continue;
    }
    if (space)
      g_string_append_c(k, ' ');
    space = FALSE;
    g_string_append_c(k, g_ascii_tolower(*p));
  }
  return g_string_free(k, FALSE);
}

/* The keys of random ASCII names (separators, periods, letters of both cases and the bytes
 * next to them) agree with the definition. */
static void
test_key_random(void)
{
  static const char alphabet[] = "aZm@[`{ .-\t09',/!\x1f\n";
  GRand *rand = g_rand_new_with_seed(20261125);
  char name[48];
  for (guint round = 0; round < 20000; round++) {
    guint len = (guint)g_rand_int_range(rand, 0, (gint32)sizeof name);
    for (guint i = 0; i < len; i++) {
      /* mostly letters, as in names */
      gint r = g_rand_int_range(rand, 0, 20);
      name[i] = r < 14 ? "aZmAzq"[r % 6] : alphabet[g_rand_int_range(rand, 0, (gint32)sizeof alphabet - 1)];
    }
    name[len] = '\0';
    g_autofree char *expected = reference_key(name);
    g_autofree char *k = eg_resolve_key(name);
    g_assert_cmpstr(k, ==, expected);
  }
  g_rand_free(rand);
}

static void
check_initials(const char *name, const char *expected)
{
  g_autofree char *i = eg_resolve_initials(name);
  g_assert_cmpstr(i, ==, expected);
}

static void
test_initials(void)
{
  check_initials("Democratic National Committee", "DNC");
  check_initials("Alpha Beta Committee", "ABC");
  check_initials("Bank of England", "BE");
  check_initials("Friends for Peace", "FP");
  check_initials("Bank of the North", "BN");
  check_initials("Johnson & Johnson", "JJ");
  check_initials("\u00c9tat Major", "\u00c9M");
  check_initials("\u00e9tat major", "\u00c9M");
  /* connectors in any case, empty words between two spaces skipped */
  check_initials("Bank OF The  North", "BN");
  check_initials("Of Mice", "M");
  check_initials("Okafor ", "O");
  check_initials("Okafor", NULL);
  check_initials("", NULL);
}

static void
check_letters(const char *name, const char *expected)
{
  g_autofree char *l = eg_resolve_acronym_letters(name);
  g_assert_cmpstr(l, ==, expected);
}

static void
test_acronym_letters(void)
{
  check_letters("U.S.", "US");
  check_letters("NATO", "NATO");
  check_letters("ABC", "ABC");
  check_letters("U.S.A.", "USA");
  check_letters("Nato", NULL);
  check_letters("A", NULL);
  check_letters("ABCDEFGHI", NULL); /* longer than 8 letters */
  check_letters("ABCDEFGH", "ABCDEFGH");
  check_letters("AT&T", NULL);
  check_letters("Maria Okafor", NULL);
}

static void
test_is_suffix(void)
{
  g_assert_true(eg_resolve_is_suffix("Okafor", "Maria Okafor"));
  g_assert_true(eg_resolve_is_suffix("okafor", "Maria Okafor"));
  g_assert_true(eg_resolve_is_suffix("Wasserman Schultz", "Ana Wasserman-Schultz"));
  g_assert_true(eg_resolve_is_suffix("Schultz", "Ana Wasserman-Schultz"));
  g_assert_true(eg_resolve_is_suffix("Lund", "Anna Maria Lund"));
  g_assert_false(eg_resolve_is_suffix("Okafor", "Okafor"));
  g_assert_false(eg_resolve_is_suffix("kafor", "Maria Okafor"));
  g_assert_false(eg_resolve_is_suffix("Maria", "Maria Okafor"));
  g_assert_false(eg_resolve_is_suffix("", "Maria Okafor"));
  g_assert_false(eg_resolve_is_suffix("Maria Okafor", "Okafor"));
}

/* ---- documents -------------------------------------------------------------------------------- */

static void
test_surname_after(void)
{
  g_autoptr(Resolved) r = resolve_text("Maria Okafor spoke on Tuesday. Later, Okafor left.");
  g_assert_cmpuint(r->mentions->len, ==, 2);
  g_assert_cmpuint(r->res->entities->len, ==, 1);
  const EgDocEntity *e = entity(r, 0);
  g_assert_cmpstr(e->label, ==, "Maria Okafor");
  g_assert_cmpuint(e->mentions, ==, 2);
  g_assert_cmpuint(surface_count(e, "Maria Okafor"), ==, 1);
  g_assert_cmpuint(surface_count(e, "Okafor"), ==, 1);
  g_assert_cmpuint(e->votes[EG_TYPE_PERSON], >=, EG_VOTE_STRONG);
  g_assert_cmpuint(mention_entity(r, 0), ==, 0);
  g_assert_cmpuint(mention_entity(r, 1), ==, 0);
}

static void
test_surname_before(void)
{
  g_autoptr(Resolved) r = resolve_text("Okafor arrived first. Senator Maria Okafor spoke later.");
  g_assert_cmpuint(r->mentions->len, ==, 2);
  g_assert_cmpuint(r->res->entities->len, ==, 1);
  g_assert_cmpstr(entity(r, 0)->label, ==, "Maria Okafor");
  g_assert_cmpuint(entity(r, 0)->mentions, ==, 2);
  g_assert_cmpuint(surface_count(entity(r, 0), "Okafor"), ==, 1);
  /* the titled mention's votes are summed in */
  g_assert_cmpuint(entity(r, 0)->votes[EG_TYPE_PERSON], >=, 2 * EG_VOTE_STRONG);
}

static void
test_possessive_short_form(void)
{
  g_autoptr(Resolved) r = resolve_text("Maria Okafor spoke. Okafor's plan won. Okafor\u2019s aides cheered.");
  g_assert_cmpuint(r->res->entities->len, ==, 1);
  const EgDocEntity *e = entity(r, 0);
  g_assert_cmpstr(e->label, ==, "Maria Okafor");
  g_assert_cmpuint(e->mentions, ==, 3);
  g_assert_cmpuint(surface_count(e, "Okafor's"), ==, 2); /* both apostrophes are one surface */
  g_assert_cmpuint(surface_count(e, "Maria Okafor"), ==, 1);
}

static void
test_given_name(void)
{
  g_autoptr(Resolved) r = resolve_text("Maria Okafor spoke first. Reporters then asked Maria again.");
  g_autofree char *got = labels(r);
  g_assert_cmpstr(got, ==, "Maria Okafor");
  g_assert_cmpuint(entity(r, 0)->mentions, ==, 2);
  g_assert_cmpuint(surface_count(entity(r, 0), "Maria"), ==, 1);
}

static void
test_ambiguous_surname(void)
{
  g_autoptr(Resolved) r = resolve_text("Maria Okafor and Daniel Okafor met. Reporters saw Okafor.");
  g_autofree char *got = labels(r);
  g_assert_cmpstr(got, ==, "Maria Okafor|Daniel Okafor|Okafor");
  g_assert_cmpuint(mention_entity(r, 2), ==, 2);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint(entity(r, i)->mentions, ==, 1);
}

static void
test_equal_names(void)
{
  /* case, periods and hyphens do not make two entities */
  g_autoptr(Resolved) r = resolve_text("Reporters saw Maria Okafor. Then MARIA OKAFOR waved to Maria Okafor.");
  g_assert_cmpuint(r->res->entities->len, ==, 1);
  g_assert_cmpstr(entity(r, 0)->label, ==, "Maria Okafor"); /* the most frequent spelling */
  g_assert_cmpuint(entity(r, 0)->mentions, ==, 3);
  g_assert_cmpuint(surface_count(entity(r, 0), "MARIA OKAFOR"), ==, 1);
}

static void
test_keys_alike(void)
{
  /* keys of one length that differ only in the middle are told apart (resolution hashes a key
   * by its ends, and compares keys whose hashes agree) */
  g_autoptr(Resolved) r = resolve_text("Shares of Northern Alpha Trading Company rose. Northern Gamma "
                                       "Trading Company fell. Northern Alpha Trading Company said so.");
  g_assert_cmpuint(r->res->entities->len, ==, 2);
  g_assert_cmpstr(entity(r, 0)->label, ==, "Northern Alpha Trading Company");
  g_assert_cmpstr(entity(r, 1)->label, ==, "Northern Gamma Trading Company");
  g_assert_cmpuint(entity(r, 0)->mentions, ==, 2);
  g_assert_cmpuint(mention_entity(r, 2), ==, 0);
}

static void
test_hyphen_short_form(void)
{
  /* "Wasserman Schultz" is a short form of "Ana Wasserman-Schultz" (see eg_resolve_is_suffix) */
  g_autoptr(Resolved) r = resolve_text("Critics praised Ana Wasserman-Schultz. Wasserman Schultz replied.");
  g_assert_cmpuint(r->mentions->len, ==, 2);
  g_assert_cmpuint(r->res->entities->len, ==, 1);
  g_assert_cmpstr(entity(r, 0)->label, ==, "Ana Wasserman-Schultz");
  g_assert_cmpuint(surface_count(entity(r, 0), "Wasserman Schultz"), ==, 1);
}

static void
test_bracket_acronym(void)
{
  /* "FFP" does not spell the initials of "Friends for Peace" (FP): only the brackets join it */
  g_autoptr(Resolved) r = resolve_text("Volunteers joined Friends for Peace (FFP) in March. The FFP grew.");
  g_assert_cmpuint(r->mentions->len, ==, 3);
  g_assert_cmpint(g_array_index(r->mentions, EgMention, 1).defines, ==, 0);
  g_autofree char *got = labels(r);
  g_assert_cmpstr(got, ==, "Friends for Peace");
  const EgDocEntity *e = entity(r, 0);
  g_assert_cmpuint(e->mentions, ==, 3);
  g_assert_cmpuint(surface_count(e, "FFP"), ==, 2);
  g_assert_cmpuint(surface_count(e, "Friends for Peace"), ==, 1);

  /* without the brackets it stays apart */
  g_autoptr(Resolved) s = resolve_text("Volunteers joined Friends for Peace in March. The FFP grew.");
  g_autofree char *got2 = labels(s);
  g_assert_cmpstr(got2, ==, "Friends for Peace|FFP");
}

static void
test_initials_acronym(void)
{
  g_autoptr(Resolved) r = resolve_text("The Alpha Beta Committee met on Friday. Officials said the ABC voted.");
  g_autofree char *got = labels(r);
  g_assert_cmpstr(got, ==, "Alpha Beta Committee");
  g_assert_cmpuint(entity(r, 0)->mentions, ==, 2);
  g_assert_cmpuint(surface_count(entity(r, 0), "ABC"), ==, 1);
  g_assert_cmpuint(entity(r, 0)->votes[EG_TYPE_ORG], >=, EG_VOTE_STRONG);

  /* acronym before the name: the entity is still labelled by the full name */
  g_autoptr(Resolved) b = resolve_text("Officials said the ABC voted. The Alpha Beta Committee met.");
  g_autofree char *gotb = labels(b);
  g_assert_cmpstr(gotb, ==, "Alpha Beta Committee");

  /* initials skip connectors in any case: "of the" */
  g_autoptr(Resolved) c = resolve_text("The Bank of the North Atlantic lent more. Officials said BNA lent it.");
  g_autofree char *gotc = labels(c);
  g_assert_cmpstr(gotc, ==, "Bank of the North Atlantic");

  /* initials longer or shorter than the acronym do not match */
  g_autoptr(Resolved) d = resolve_text("The Alpha Beta Gamma Committee met on Friday. Officials said the ABG voted.");
  g_autofree char *gotd = labels(d);
  g_assert_cmpstr(gotd, ==, "Alpha Beta Gamma Committee|ABG");

  /* two names with the same initials: the acronym stays apart */
  g_autoptr(Resolved) a = resolve_text("The Alpha Beta Committee met the Arctic Bird Council. Officials said the ABC voted.");
  g_autofree char *got2 = labels(a);
  g_assert_cmpstr(got2, ==, "Alpha Beta Committee|Arctic Bird Council|ABC");
}

static void
test_canonical(void)
{
  g_autoptr(Resolved) r = resolve_text("Officials in the U.S. said the United States would act.");
  g_autofree char *got = labels(r);
  g_assert_cmpstr(got, ==, "United States");
  g_assert_cmpuint(entity(r, 0)->mentions, ==, 2);
  g_assert_cmpuint(surface_count(entity(r, 0), "U.S."), ==, 1);
  g_assert_cmpuint(surface_count(entity(r, 0), "United States"), ==, 1);
  g_assert_cmpuint(entity(r, 0)->votes[EG_TYPE_LOC], ==, 2 * EG_VOTE_STRONG);

  /* a place named like a surname is not the person */
  g_autoptr(Resolved) j = resolve_text("Reporters followed Michael Jordan to Jordan.");
  g_autofree char *gotj = labels(j);
  g_assert_cmpstr(gotj, ==, "Michael Jordan|Jordan");
}

static void
test_empty(void)
{
  g_autoptr(GArray) none = g_array_new(FALSE, TRUE, sizeof(EgMention));
  g_autoptr(EgResolution) res = eg_resolve_document(none);
  g_assert_cmpuint(res->entities->len, ==, 0);
  g_assert_cmpuint(res->mention_entity->len, ==, 0);
  eg_resolution_free(NULL);
}

static void
test_company_prefix(void)
{
  /* a company is called by its first word; a committee is not called "Democratic" */
  g_autoptr(Resolved) r = resolve_text("Profits at Quillon Freight Inc. rose. Analysts said Quillon grew. "
                                       "The Northern Regional Committee met, and Northern voters left.");
  g_assert_cmpstr(entity(r, 0)->label, ==, "Quillon Freight Inc.");
  g_assert_cmpuint(entity(r, 0)->mentions, ==, 2);
  g_assert_cmpuint(surface_count(entity(r, 0), "Quillon"), ==, 1);
  g_assert_cmpuint(r->res->entities->len, ==, 3);
}

/* Past GROUPS_FEW groups, short forms and acronyms are matched through tables instead of by
 * walking every group: each case above must resolve the same after forty other names. */
static const char *const many_cases[] = {
    "Maria Okafor spoke on Tuesday. Later, Okafor left.",
    "Okafor arrived first. Senator Maria Okafor spoke later.",
    "Maria Okafor spoke first. Reporters then asked Maria again.",
    "Maria Okafor and Daniel Okafor met. Reporters saw Okafor.",
    "Debbie Wasserman Schultz spoke. Wasserman Schultz left.",
    "The Alpha Beta Committee met on Friday. Officials said the ABC voted.",
    "Officials said the ABC voted. The Alpha Beta Committee met.",
    "The Bank of the North Atlantic lent more. Officials said BNA lent it.",
    "The Alpha Beta Gamma Committee met on Friday. Officials said the ABG voted.",
    "The Alpha Beta Committee met the Arctic Bird Council. Officials said the ABC voted.",
    "Profits at Quillon Freight Inc. rose. Analysts said Quillon grew. "
    "The Northern Regional Committee met, and Northern voters left.",
    "Reporters followed Michael Jordan to Jordan.",
};

static void
test_many_groups(void)
{
  const char *const *cases = many_cases;
  GString *filler = g_string_new(NULL);
  for (guint i = 0; i < 40; i++)
    g_string_append_printf(filler, "Reporters met Velkor Zandr%c%c. ", 'a' + i / 26, 'a' + i % 26);
  for (guint c = 0; c < G_N_ELEMENTS(many_cases); c++) {
    g_autoptr(Resolved) alone = resolve_text(cases[c]);
    g_autofree char *text = g_strconcat(filler->str, cases[c], NULL);
    g_autoptr(Resolved) many = resolve_text(text);
    g_assert_cmpuint(many->res->entities->len, ==, alone->res->entities->len + 40);
    for (guint i = 0; i < alone->res->entities->len; i++) {
      const EgDocEntity *a = entity(alone, i), *m = entity(many, i + 40);
      g_assert_cmpstr(m->label, ==, a->label);
      g_assert_cmpuint(m->mentions, ==, a->mentions);
    }
  }
  g_string_free(filler, TRUE);
}

/* Labels and mention counts of R's entities, "label:mentions|..." (transfer full). */
static char *
summary(const Resolved *r)
{
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < r->res->entities->len; i++)
    g_string_append_printf(s, "%s:%u|", entity(r, i)->label, entity(r, i)->mentions);
  return g_string_free(s, FALSE);
}

/* A thread reuses its scratch and a freed resolution from one document to the next, and gives
 * them back after a document of thousands of mentions: answers must not depend on what the
 * thread resolved before, nor on a resolution of another document being alive meanwhile. */
static void
test_scratch_reuse(void)
{
  GString *huge = g_string_new(NULL);
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf(huge, "Reporters met Velkor Zandr%c%c%c. ", 'a' + i / 676, 'a' + i / 26 % 26,
                           'a' + i % 26);
  g_string_append(huge, many_cases[0]);
  char *before[G_N_ELEMENTS(many_cases)];
  for (guint c = 0; c < G_N_ELEMENTS(many_cases); c++) {
    g_autoptr(Resolved) r = resolve_text(many_cases[c]);
    before[c] = summary(r);
  }
  g_autofree char *huge_first = NULL;
  {
    g_autoptr(Resolved) small = resolve_text(many_cases[1]); /* alive across the huge one */
    g_autoptr(Resolved) big = resolve_text(huge->str);
    g_assert_cmpuint(big->mentions->len, >, 4096);
    huge_first = summary(big);
    g_autofree char *small_now = summary(small);
    g_assert_cmpstr(small_now, ==, before[1]);
  }
  for (guint c = 0; c < G_N_ELEMENTS(many_cases); c++) {
    g_autoptr(Resolved) r = resolve_text(many_cases[c]);
    g_autofree char *after = summary(r);
    g_assert_cmpstr(after, ==, before[c]);
    g_free(before[c]);
  }
  g_autoptr(Resolved) again = resolve_text(huge->str);
  g_autofree char *huge_again = summary(again);
  g_assert_cmpstr(huge_again, ==, huge_first);
  g_string_free(huge, TRUE);
}

int
main(int argc, char *argv[])
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/resolve/key", test_key);
  g_test_add_func("/resolve/key-random", test_key_random);
  g_test_add_func("/resolve/initials", test_initials);
  g_test_add_func("/resolve/acronym-letters", test_acronym_letters);
  g_test_add_func("/resolve/is-suffix", test_is_suffix);
  g_test_add_func("/resolve/document/surname-after", test_surname_after);
  g_test_add_func("/resolve/document/surname-before", test_surname_before);
  g_test_add_func("/resolve/document/possessive", test_possessive_short_form);
  g_test_add_func("/resolve/document/given-name", test_given_name);
  g_test_add_func("/resolve/document/ambiguous", test_ambiguous_surname);
  g_test_add_func("/resolve/document/equal-names", test_equal_names);
  g_test_add_func("/resolve/document/keys-alike", test_keys_alike);
  g_test_add_func("/resolve/document/hyphen-short-form", test_hyphen_short_form);
  g_test_add_func("/resolve/document/bracket-acronym", test_bracket_acronym);
  g_test_add_func("/resolve/document/initials-acronym", test_initials_acronym);
  g_test_add_func("/resolve/document/canonical", test_canonical);
  g_test_add_func("/resolve/document/many-groups", test_many_groups);
  g_test_add_func("/resolve/document/scratch-reuse", test_scratch_reuse);
  g_test_add_func("/resolve/document/empty", test_empty);
  g_test_add_func("/resolve/document/company-prefix", test_company_prefix);
  return g_test_run();
}
