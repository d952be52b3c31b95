/* ner.c: finds candidate names in one document and gathers evidence on their type.
 *
 * A candidate is a run of capitalised words (with connectors such as "of" and "for" inside,
 * never across punctuation or a line break). It is then cut at titles ("Russian | President |
 * Vladimir Putin"), loses a leading article and edge calendar words, and a word capitalised only
 * because it starts a sentence or a quotation is dropped when it is an ordinary English word
 * (Debian's wamerican, lower-case entries) that the document never capitalises elsewhere.
 * Evidence from the document itself beats the word list: wamerican lists "trump" and
 * "associated", but "Trump" in mid-sentence makes the sentence-initial "Trump" a name.
 *
 * The rules ask about the same few words again and again, in every document: each spelling of
 * a token (its bytes as written) is interned once in a NerMemo, with its straightened,
 * lower-case and title-case forms and every lexicon answer about it (NerSpell), so that a token
 * costs one lookup in a small table rather than making strings and asking the big word-list
 * index (eg_wordlist_lists) again. What a document says of a word (capitalised in
 * mid-sentence, bracketed) is kept on the spelling too, stamped with the document it belongs to.
 * A memo serves one document at a time: each thread takes one from a pool for the call, so
 * threads share nothing but the read-only lexicons, and the answers do not depend on which
 * memo served.
 */
#include "ner/ner.h"

#include <string.h>

/* Lower-case words allowed inside a name between capitalised words. Person particles join
 * parts of a person's name; the others make organisation and place names. */
static const char *const person_particles[] = {
  "al", "bin", "ibn", "ben", "da", "das", "de", "del", "della", "der", "den", "di", "do",
  "dos", "du", "el", "la", "le", "van", "von", "y", NULL
};
static const char *const name_connectors[] = { "of", "for", "on", NULL };

/* Last words of an event's name: "the Texas Open", "the Atlanta Games", "Venice Film Festival". */
static const char *const event_heads[] = { "Open", "Games", "Olympics", "Prix", "Cup",
                                           "Championship", "Championships", "Festival",
                                           "Tournament", "Trophy", "Classic", "Marathon",
                                           "Masters", "Award", "Awards", "Prize", "War",
                                           "Derby", "Rally", "Series", "Grand Slam", NULL };

/* Prepositions before a name that lean to a place. */
static const char *const place_preps[] = { "in", "at", "from", "near", "across", "into", NULL };

/* Whether S is the word LIT: most words differ in their first byte, which spares the call. */
static inline gboolean
ner_streq(const char *s, const char *lit)
{
  return s[0] == lit[0] && strcmp(s, lit) == 0;
}

static gboolean
str_in(const char *const *list, const char *s)
{
  for (guint i = 0; list[i]; i++)
    if (list[i][0] == s[0] && strcmp(list[i], s) == 0)
      return TRUE;
  return FALSE;
}

/* What the rules ask about one token. Those of its spelling alone are looked up once per
 * spelling (NerSpell.known), those of the document (NER_F_DOC) are kept per document. */
enum {
  NER_F_FUNCTION = 1 << 0,     /* lower-case form in function_words.txt */
  NER_F_COMMON = 1 << 1,       /* lower-case form in common_words.txt */
  NER_F_ORDINARY = 1 << 2,     /* ner_is_ordinary(lower-case form) */
  NER_F_LEXICON = 1 << 3,      /* ner_in_lexicon(text) */
  NER_F_LEXICON_TC = 1 << 4,   /* ner_in_lexicon(title case) */
  NER_F_GIVEN = 1 << 5,        /* text in given_names.txt */
  NER_F_GIVEN_TC = 1 << 6,     /* title case in given_names.txt */
  NER_F_ORG_CUE = 1 << 7,      /* text in org_cues.txt */
  NER_F_TITLE = 1 << 8,        /* text in titles.txt */
  NER_F_CALENDAR = 1 << 9,     /* a day or month name, also in capitals: "Friday", "FRIDAY" */
  NER_F_NATIONALITY = 1 << 10, /* text or title case in nationalities.tsv */
  NER_F_BRACKETED = 1 << 11,   /* the document writes the text in brackets: "(WHO)" */
  NER_F_MID_LOWER = 1 << 12,   /* the lower-case form is that of a word capitalised in
                                  mid-sentence */
  NER_F_MID_CAPS = 1 << 13,    /* text capitalised in mid-sentence at least once */
  NER_F_MID_CAPS2 = 1 << 14,   /* ... at least twice (looked up with NER_F_MID_CAPS) */
  NER_F_CONNECTOR = 1 << 15,   /* lower-case form in name_connectors */
  NER_F_PARTICLE = 1 << 16,    /* lower-case form in person_particles */
  NER_F_SPEECH = 1 << 17,      /* lower-case form is a verb of saying */
  NER_F_SPORT_BEFORE = 1 << 18, /* lower-case form in sport_before */
  NER_F_SPORT_AFTER = 1 << 19, /* lower-case form in sport_after */
  NER_F_PLACE_PREP = 1 << 20,  /* lower-case form in place_preps */
  NER_F_TITLE_PREFIX = 1 << 21, /* text starts a title of several words (EG_WL_TITLE_PREFIX) */
  NER_F_PLACE_PREFIX_TC = 1 << 22, /* title case starts a place of several (EG_WL_PLACE_PREFIX) */
  NER_F_PLACE_PREFIX = 1 << 23, /* text starts a place or nationality of several words */
  NER_F_CAP_ORG_CUE = 1 << 24, /* lower-case form capitalised in org_cues.txt: "company" */
  NER_F_CAP_TITLE = 1 << 25,   /* lower-case form capitalised in titles.txt: "reporter" */
  /* Not questions of the rules but what is known of the spelling itself, read directly: */
  NER_F_STR_WHOLE = 1 << 26,   /* str holds no NUL: strlen(str) == str_len (set on creation) */
  NER_F_PLACE = 1 << 27,       /* (known only) NerSpell.place is set */
  NER_F_HYPHEN = 1 << 28,      /* str holds a hyphen (set on creation) */
  NER_F_EVENT_HEAD = 1 << 29   /* text in event_heads (a question of the rules, asked of a
                                  name's last word and of the word after a nationality) */
};

/* The facts one lookup of a spelling in the word lists settles (ner_look): those of the
 * lower-case form, of the text, of the title-case form, and those of the text or its title case
 * (settled by a hit in either, or by both looked up). */
#define NER_F_BY_LOWER (NER_F_FUNCTION | NER_F_COMMON | NER_F_SPEECH)
#define NER_F_BY_STR                                                                              \
  (NER_F_LEXICON | NER_F_GIVEN | NER_F_ORG_CUE | NER_F_TITLE | NER_F_TITLE_PREFIX |               \
   NER_F_PLACE_PREFIX)
#define NER_F_BY_TC (NER_F_LEXICON_TC | NER_F_GIVEN_TC | NER_F_PLACE_PREFIX_TC)
#define NER_F_BY_EITHER (NER_F_CALENDAR | NER_F_NATIONALITY)
#define NER_F_BY_CAP (NER_F_CAP_ORG_CUE | NER_F_CAP_TITLE)

#define NER_F_DOC (NER_F_BRACKETED | NER_F_MID_LOWER | NER_F_MID_CAPS | NER_F_MID_CAPS2)

/* A spelling of a token, interned in a NerMemo (ner_spell): its forms, made once, and the
 * answers to the questions above. Its bytes follow the struct, and so do its forms where they
 * differ from them. */
typedef struct _NerSpell NerSpell;
struct _NerSpell {
  const char *str;    /* the text with apostrophes and hyphens straightened */
  const char *lower;  /* its lower-case form (eg_text_lower) */
  const char *tc;     /* its title-case spelling (ner_title_case), or == str */
  guint32 str_len;    /* bytes of str: names are joined from it without strlen */
  guint32 chars;      /* characters of the text */
  guint32 lists;      /* eg_wordlist_lists(str), once NER_F_BY_STR is known */
  guint32 lower_len;  /* strlen(lower) */
  /* ner_place_of the token alone, once NER_F_PLACE is known: a name of one word is mostly
   * one met again and again ("U.S.", "Japan"). */
  const char *place;
  /* Most tokens the rules ask about are looked up in the memo, a table far larger than the
   * caches: the fields from here on are what a lookup, the questions after it and the reading
   * of a document touch, kept together and beside the bytes that follow the struct, so that
   * a lookup mostly costs one cache line of the spelling rather than two. */
  /* What the document NerMemo.doc says of this spelling as a text (or lower-case form);
   * other documents' values are stale. */
  guint32 doc;
  guint8 mid_caps;    /* times capitalised in mid-sentence, up to 2 */
  guint8 mid_lower;   /* the lower-case form of a word capitalised in mid-sentence */
  guint8 bracketed;   /* written in brackets, all capitals: "(WHO)" */
  /* The spellings whose bytes are str and lower (NULL: not yet found): two tokens have one
   * text, or one lower-case form, exactly when these are one. */
  NerSpell *str_spell, *lower_spell;
  guint32 hash;       /* of raw (eg_hash_bytes) */
  guint32 len;        /* bytes of raw */
  guint32 known;      /* NER_F_* bits of the spelling alone looked up */
  guint32 facts;      /* ... and those that hold */
  const char *raw;    /* the token's bytes, NUL-terminated: the key */
};

/* The forms of a token, made by ner_forms: its straightened text STR, its lower-case form LOWER
 * and its title-case spelling TC, each left empty when it is the token's bytes themselves (TC
 * also when it is STR), and its characters. */
typedef struct {
  GString *str, *lower, *tc;
  guint32 chars;
  gboolean whole;  /* STR holds no NUL */
  gboolean hyphen; /* STR holds a hyphen */
} NerForms;

/* The spellings met by the calls this memo served, reused from document to document; and the
 * per-token arrays of the last document, kept for the next. */
typedef struct {
  GHashTable *spells; /* set of NerSpell, by raw bytes; owns them */
  guint32 doc;        /* the document being read: NerSpell.doc values of others are stale */
  guint size;         /* tokens the arrays below have room for */
  NerSpell **tok_spells;
  guint8 *titles;
  guint *line_first;
  guint8 *line_kind;
  guint *caps;        /* the capitalised words, in text order */
  GString *scratch;
  NerForms forms;     /* buffers for ner_spell_add */
  /* The mentions of the document being read (grown as needed, kept for the next), copied to
   * the caller's array in one block at the end: appending them one by one to a GArray cost
   * more than finding some of them. */
  EgMention *mentions;
  guint mentions_size;
} NerMemo;

/* Spellings a memo keeps at most, past which it starts afresh (between documents): a corpus's
 * vocabulary has no bound, and the rare words are rarely met again. */
#define NER_MEMO_MAX (1u << 17)

typedef struct {
  const char *text;
  const EgToken *tok;
  guint n;
  guint n_bracketed;      /* tokens the document writes in brackets, all capitals */
  guint *line_first;      /* per token: index of the first token of its line */
  guint8 *line_kind;      /* at a line's first token: NER_LINE_* flags of the line */
  gboolean in_shout;      /* emitting a span of a shouting line (already filtered) */
  gboolean sport;         /* the document reports a game: see NerSportCount */
  EgMention *ms;          /* the mentions found so far (NerMemo.mentions) */
  guint n_ms;
  NerMemo *memo;
  NerSpell **spells;      /* per token, on first use (ner_spell); filled under const */
  guint8 *titles;         /* per token: bit k-1: the k tokens from here spell a title; bit 7:
                             computed */
  GString *scratch;       /* for leaf functions that build a string to look it up */
} NerCtx;

/* Line kinds: a headline or table row in capitals ("LONDON 1996-08-30", "NEW YORK 74 59 .556"),
 * and a line with no lower-case word at all ("Stoke 4 3 1 0 7 4 10"). */
enum { NER_LINE_SHOUT = 1 << 0, NER_LINE_NO_LOWER = 1 << 1, NER_LINE_HEADER = 1 << 2 };

/* Appends the title-case spelling of one word [p, e) to S: an all-capital word without
 * periods, "YORK", becomes "York"; other words are copied. */
static void
ner_title_case_word(GString *s, const char *p, const char *e)
{
  gboolean caps = e - p >= 2, has_dot = FALSE;
  for (const char *q = p; q < e; q = g_utf8_next_char(q)) {
    gunichar c = (unsigned char)*q < 0x80 ? (gunichar)*q : g_utf8_get_char(q);
    if (c == '.')
      has_dot = TRUE;
    if (c < 0x80 ? g_ascii_islower(c) : g_unichar_islower(c))
      caps = FALSE;
  }
  if (!caps || has_dot) {
    g_string_append_len(s, p, e - p);
    return;
  }
  gboolean up = TRUE; /* the first letter, and one after a hyphen or apostrophe: O'Brien */
  for (const char *q = p; q < e; q = g_utf8_next_char(q)) {
    if ((unsigned char)*q < 0x80) {
      char c = *q;
      if (g_ascii_isalpha(c) && !up)
        c = g_ascii_tolower(c);
      up = c == '-' || c == '\'';
      g_string_append_c(s, c);
      continue;
    }
    gunichar c = g_utf8_get_char(q);
    if (g_unichar_isalpha(c) && !up)
      c = g_unichar_tolower(c);
    up = FALSE;
    g_string_append_unichar(s, c);
  }
}

/* Appends NAME to S as a lexicon spells it: each all-capital word without periods becomes
 * "York" ("NEW YORK" -> "New York"). */
static void
ner_title_case_append(GString *s, const char *name)
{
  const char *p = name;
  while (*p) {
    const char *e = strchr(p, ' ');
    if (!e)
      e = p + strlen(p);
    ner_title_case_word(s, p, e);
    if (*e)
      g_string_append_c(s, ' ');
    p = *e ? e + 1 : e;
  }
}

/* NAME as ner_title_case_append spells it (transfer full; a copy of NAME when nothing
 * changes). */
static char *
ner_title_case(const char *name)
{
  GString *s = g_string_new(NULL);
  ner_title_case_append(s, name);
  return g_string_free(s, FALSE);
}

static inline char
ner_ascii_lower(char c)
{
  return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

/* What ner_forms asks of a byte: a class of bits, read from one table (ner_byte_classes). */
enum {
  NER_C_LOWER = 1 << 0, /* a-z */
  NER_C_UPPER = 1 << 1, /* A-Z */
  NER_C_DOT = 1 << 2,   /* . */
  NER_C_NUL = 1 << 3,   /* \0 */
  NER_C_HIGH = 1 << 4,  /* a byte of a character past ASCII */
  NER_C_JOIN = 1 << 5,  /* - or ': the capital after it starts a part of the word */
  NER_C_DASH = 1 << 6   /* - */
};

static const guint8 *
ner_byte_classes(void)
{
  static guint8 cls[256];
  static gsize done;
  if (g_once_init_enter(&done)) {
    for (guint c = 0; c < 256; c++)
      cls[c] = (guint8)((g_ascii_islower(c) ? NER_C_LOWER : 0) |
                        (g_ascii_isupper(c) ? NER_C_UPPER : 0) | (c == '.' ? NER_C_DOT : 0) |
                        (c == 0 ? NER_C_NUL : 0) | (c >= 0x80 ? NER_C_HIGH : 0) |
                        (c == '-' || c == '\'' ? NER_C_JOIN : 0) | (c == '-' ? NER_C_DASH : 0));
    g_once_init_leave(&done, 1);
  }
  return cls;
}

static inline void
ner_string_clear(GString *s)
{
  s->len = 0;
  s->str[0] = '\0';
}

/* Makes the forms of the token [p, e): the straightened text (typographic apostrophes and
 * hyphens made ASCII), its lower-case form and its title-case spelling. */
static void
ner_forms(NerForms *f, const char *p, const char *e)
{
  ner_string_clear(f->str);
  ner_string_clear(f->lower);
  ner_string_clear(f->tc);
  /* One pass over the bytes, with a table, says what an ASCII token needs: its text is then
   * its own straightened form, and its other forms are made byte by byte. CHANGES: a capital
   * that ner_title_case_word would lower, one that neither starts the word nor follows - or '
   * (MASK is the class bit such a capital would have next). */
  const guint8 *cls = ner_byte_classes();
  gsize len = (gsize)(e - p);
  guint acc = 0, changes = 0, mask = 0;
  for (gsize k = 0; k < len; k++) {
    guint c = cls[(guint8)p[k]];
    acc |= c;
    changes |= c & mask;
    mask = (~c >> 4) & NER_C_UPPER; /* NER_C_UPPER unless C is NER_C_JOIN */
  }
  G_STATIC_ASSERT(NER_C_JOIN >> 4 == NER_C_UPPER);
  if (!(acc & NER_C_HIGH)) {
    if (acc & NER_C_UPPER) {
      g_string_set_size(f->lower, len);
      for (gsize k = 0; k < len; k++)
        f->lower->str[k] = ner_ascii_lower(p[k]);
    }
    if (!(acc & (NER_C_LOWER | NER_C_DOT)) && changes && len >= 2) {
      g_string_set_size(f->tc, len);
      gboolean up = TRUE;
      for (gsize k = 0; k < len; k++) {
        char c = p[k];
        if (g_ascii_isalpha(c) && !up)
          c = ner_ascii_lower(c);
        up = c == '-' || c == '\'';
        f->tc->str[k] = c;
      }
    }
    f->chars = (guint32)len;
    f->whole = !(acc & NER_C_NUL);
    f->hyphen = (acc & NER_C_DASH) != 0;
    return;
  }
  GString *str = f->str;
  gboolean has_lower = FALSE;
  guint32 chars = 0;
  for (; p < e; chars++) {
    gunichar c = g_utf8_get_char(p);
    has_lower = has_lower || g_unichar_islower(c);
    if (c == 0x2019 || c == 0x02BC || c == 0x2018)
      g_string_append_c(str, '\'');
    else if (c == 0x2010 || c == 0x2011)
      g_string_append_c(str, '-');
    else
      g_string_append_unichar(str, c);
    p = g_utf8_next_char(p);
  }
  f->chars = chars;
  f->whole = memchr(str->str, '\0', str->len) == NULL;
  f->hyphen = memchr(str->str, '-', str->len) != NULL;
  eg_text_lower_append(f->lower, str->str, str->len);
  if (!has_lower && str->len >= 2) {
    ner_title_case_word(f->tc, str->str, str->str + str->len);
    if (g_string_equal(f->tc, str))
      g_string_truncate(f->tc, 0);
  }
}

static guint
ner_spell_hash(gconstpointer key)
{
  return ((const NerSpell *)key)->hash;
}

/* GHashTable compares the hashes before it calls this. */
static gboolean
ner_spell_equal(gconstpointer a, gconstpointer b)
{
  const NerSpell *x = a, *y = b;
  if (x->len != y->len)
    return FALSE;
  /* Tokens are short: a word at a time, without a call to memcmp. */
  const char *p = x->raw, *q = y->raw;
  gsize n = x->len;
  for (; n >= 8; p += 8, q += 8, n -= 8) {
    guint64 u, v;
    memcpy(&u, p, 8);
    memcpy(&v, q, 8);
    if (u != v)
      return FALSE;
  }
  /* the last 0 to 7 bytes as eg_hash_bytes reads them: two loads that overlap */
  if (n >= 4) {
    guint32 u0, u1, v0, v1;
    memcpy(&u0, p, 4);
    memcpy(&v0, q, 4);
    memcpy(&u1, p + n - 4, 4);
    memcpy(&v1, q + n - 4, 4);
    return u0 == v0 && u1 == v1;
  }
  for (; n > 0; p++, q++, n--)
    if (*p != *q)
      return FALSE;
  return TRUE;
}

/* Copies the LEN bytes at P and a NUL to *AT, and moves *AT past them. */
static const char *
ner_spell_put(char **at, const char *p, gsize len)
{
  char *d = *at;
  memcpy(d, p, len);
  d[len] = '\0';
  *at = d + len + 1;
  return d;
}

static NerSpell *ner_spell_add(NerMemo *memo, const NerSpell *key);

/* The spelling of the LEN bytes at P in MEMO, interned on first use. Mostly a lookup: the
 * new spelling is made out of line. */
static G_GNUC_NO_INLINE NerSpell *
ner_spell_intern(NerMemo *memo, const char *p, gsize len)
{
  NerSpell key;
  key.raw = p;
  key.len = (guint32)len;
  key.hash = eg_hash_bytes(p, len);
  NerSpell *sp = g_hash_table_lookup(memo->spells, &key);
  return G_LIKELY(sp) ? sp : ner_spell_add(memo, &key);
}

/* Adds to MEMO the spelling of KEY's bytes (raw, len and hash set), not yet in it. */
static G_GNUC_NO_INLINE NerSpell *
ner_spell_add(NerMemo *memo, const NerSpell *key)
{
  const char *p = key->raw;
  gsize len = key->len;
  /* Forms are made once per spelling, in buffers that live with the memo. */
  NerForms *f = &memo->forms;
  ner_forms(f, p, p + len);
  const GString *str = f->str, *lower = f->lower, *tc = f->tc;
  gsize size = sizeof(NerSpell) + len + 1 + (str->len ? str->len + 1 : 0) +
               (lower->len ? lower->len + 1 : 0) + (tc->len ? tc->len + 1 : 0);
  NerSpell *sp = g_malloc0(size);
  char *at = (char *)(sp + 1);
  sp->len = key->len;
  sp->hash = key->hash;
  sp->raw = ner_spell_put(&at, p, len);
  sp->str = str->len ? ner_spell_put(&at, str->str, str->len) : sp->raw;
  sp->str_len = str->len ? (guint32)str->len : (guint32)len;
  sp->lower = lower->len ? ner_spell_put(&at, lower->str, lower->len) : sp->str;
  sp->tc = tc->len ? ner_spell_put(&at, tc->str, tc->len) : sp->str;
  sp->chars = f->chars;
  /* a text without NUL has a lower-case form without NUL */
  sp->lower_len = !f->whole ? (guint32)strlen(sp->lower)
                  : lower->len ? (guint32)lower->len
                               : sp->str_len;
  sp->known = NER_F_STR_WHOLE | NER_F_HYPHEN;
  sp->facts = (f->whole ? NER_F_STR_WHOLE : 0) | (f->hyphen ? NER_F_HYPHEN : 0);
  if (sp->str == sp->raw)
    sp->str_spell = sp;
  if (sp->lower == sp->raw)
    sp->lower_spell = sp;
  g_hash_table_add(memo->spells, sp);
  return sp;
}

/* Token I's spelling. */
static inline NerSpell *
ner_spell(const NerCtx *ctx, guint i)
{
  NerSpell *sp = ctx->spells[i];
  if (G_UNLIKELY(!sp)) {
    const EgToken *t = &ctx->tok[i];
    sp = ctx->spells[i] = ner_spell_intern(ctx->memo, ctx->text + t->start, t->end - t->start);
  }
  return sp;
}

/* The spelling whose bytes are SP's text: one for every token of that text. */
static NerSpell *
ner_spell_of_str(NerMemo *memo, NerSpell *sp)
{
  if (!sp->str_spell)
    sp->str_spell = ner_spell_intern(
      memo, sp->str, (sp->facts & NER_F_STR_WHOLE) ? sp->str_len : strlen(sp->str));
  return sp->str_spell;
}

/* The spelling whose bytes are SP's lower-case form. */
static NerSpell *
ner_spell_of_lower(NerMemo *memo, NerSpell *sp)
{
  if (!sp->lower_spell)
    sp->lower_spell = ner_spell_intern(memo, sp->lower, sp->lower_len);
  return sp->lower_spell;
}

/* SP's values for the document being read, reset when they are another's. */
static inline NerSpell *
ner_spell_in_doc(const NerMemo *memo, NerSpell *sp)
{
  if (sp->doc != memo->doc) {
    sp->doc = memo->doc;
    sp->mid_caps = 0;
    sp->mid_lower = 0;
    sp->bracketed = 0;
  }
  return sp;
}

/* Token text with typographic apostrophes and hyphens straightened (transfer none: lives as
 * long as CTX). */
static inline const char *
ner_tok_str(const NerCtx *ctx, guint i)
{
  return ner_spell(ctx, i)->str;
}

/* The lower-case form of ner_tok_str (transfer none). */
static inline const char *
ner_lower(const NerCtx *ctx, guint i)
{
  return ner_spell(ctx, i)->lower;
}

/* The title-case spelling of ner_tok_str: "YORK" -> "York" (transfer none). */
static inline const char *
ner_tok_tc(const NerCtx *ctx, guint i)
{
  return ner_spell(ctx, i)->tc;
}

/* Characters of token I. */
static inline guint32
ner_chars(const NerCtx *ctx, guint i)
{
  return ner_spell(ctx, i)->chars;
}

/* The words of tokens [a, b) joined by single spaces where the text has space: "AT & T" and
 * "Johnson & Johnson" keep their spacing as written, followed by a NUL and then, when SUFFIX
 * is not NULL, by a second string: the join again with SUFFIX appended. A mention's name and
 * surface are so one block, freed with the name (transfer full). */
static char *
ner_join_with(const NerCtx *ctx, guint a, guint b, const char *suffix)
{
  /* Sized from the spellings' own lengths, not from the bytes the tokens span: straightening
   * shortens valid UTF-8, but an invalid byte (from a caller that skips the text stage's
   * repair) comes out as six. */
  gsize len = b - a;
  for (guint i = a; i < b; i++)
    len += ner_spell(ctx, i)->str_len;
  gsize suffix_len = suffix ? strlen(suffix) : 0;
  char *s = g_malloc(suffix ? 2 * len + suffix_len : len), *d = s;
  for (guint i = a; i < b; i++) {
    if (i > a && ctx->tok[i].start > ctx->tok[i - 1].end)
      *d++ = ' ';
    const NerSpell *sp = ner_spell(ctx, i);
    memcpy(d, sp->str, sp->str_len);
    d += sp->str_len;
  }
  *d++ = '\0';
  if (suffix) {
    gsize n = (gsize)(d - 1 - s);
    memcpy(d, s, n);
    memcpy(d + n, suffix, suffix_len + 1);
  }
  return s;
}

static char *
ner_join(const NerCtx *ctx, guint a, guint b)
{
  return ner_join_with(ctx, a, b, NULL);
}

/* The NER_LINE_* flags of token I's line. */
static inline guint8
ner_line_kind(const NerCtx *ctx, guint i)
{
  return ctx->line_kind[ctx->line_first[i]];
}

static gboolean
ner_is_capword(const NerCtx *ctx, guint i)
{
  return i < ctx->n && ctx->tok[i].kind == EG_TOK_WORD && (ctx->tok[i].flags & EG_TF_CAP);
}

/* Whether tokens I-1 and I (0 < I < n) are on one line of one sentence (a name never spans a
 * line break): ner_read has found the line breaks. */
static gboolean
ner_joinable(const NerCtx *ctx, guint i)
{
  if (ctx->tok[i - 1].sentence != ctx->tok[i].sentence)
    return FALSE;
  return ctx->line_first[i] != i;
}

/* places.tsv's values (canonical name and kind), fetched once: eg_wordlist_get finds a list by
 * name at every call. Membership in any list is asked of eg_wordlist_lists, one lookup for all. */
static GHashTable *
ner_places(void)
{
  static GHashTable *places;
  if (g_once_init_enter(&places))
    g_once_init_leave(&places, eg_wordlist_get("places.tsv"));
  return places;
}

/* ner_is_ordinary for LOWER, whose eg_wordlist_lists are LISTS. */
static gboolean
ner_is_ordinary_lists(const char *lower, guint32 lists)
{
  if (lists & (EG_WL_COMMON | EG_WL_FUNCTION))
    return TRUE;
  if (!strchr(lower, '-'))
    return FALSE;
  char buf[64];
  gsize len = strlen(lower);
  g_autofree char *heap = len < sizeof buf ? NULL : g_strdup(lower);
  char *parts = heap ? heap : memcpy(buf, lower, len + 1);
  for (char *p = parts;;) {
    char *dash = strchr(p, '-');
    if (dash)
      *dash = '\0';
    if (!*p || !(eg_wordlist_lists(p) & EG_WL_COMMON))
      return FALSE;
    if (!dash)
      return TRUE;
    p = dash + 1;
  }
}

/* An ordinary English word: in the lower-case word list, or a hyphenated compound of such
 * words ("Thirty-three", "home-brewed"). */
static gboolean
ner_is_ordinary(const char *lower)
{
  return ner_is_ordinary_lists(lower, eg_wordlist_lists(lower));
}

static gboolean
ner_in_lexicon(const char *word)
{
  return (eg_wordlist_lists(word) & (EG_WL_PLACES | EG_WL_NATIONALITIES)) != 0;
}

/* FALSE when ner_title_case(NAME) is certainly NAME: an ASCII name none of whose words is
 * written in capitals (without periods) with a capital past its first letter. Spares the copy
 * for most names. */
static gboolean
ner_title_case_may_change(const char *name)
{
  gboolean lower = FALSE, dot = FALSE, changes = FALSE, up = TRUE;
  gsize len = 0;
  for (const char *p = name;; p++) {
    char c = *p;
    if (c == ' ' || c == '\0') {
      if (len >= 2 && !lower && !dot && changes)
        return TRUE;
      if (c == '\0')
        return FALSE;
      lower = dot = changes = FALSE;
      up = TRUE;
      len = 0;
      continue;
    }
    if ((unsigned char)c >= 0x80)
      return TRUE;
    len++;
    lower = lower || g_ascii_islower(c);
    dot = dot || c == '.';
    changes = changes || (!up && g_ascii_isupper(c));
    up = c == '-' || c == '\'';
  }
}

/* Whether NAME, whose eg_wordlist_lists are LISTS, or its title-case spelling is a
 * nationality. */
static gboolean
ner_nationality_lists(const char *name, guint32 lists)
{
  if (lists & EG_WL_NATIONALITIES)
    return TRUE;
  if (!ner_title_case_may_change(name))
    return FALSE;
  g_autofree char *tc = ner_title_case(name);
  return strcmp(tc, name) != 0 && (eg_wordlist_lists(tc) & EG_WL_NATIONALITIES);
}

/* Words around a team's name in a sports report: "Leicestershire beat Somerset", "drew with". */
static const char *const sport_before[] = { "beat", "beating", "defeated", "v", "vs", "vs.",
                                            "versus", NULL };
static const char *const sport_after[] = { "beat", "beats", "drew", "defeated", "edged",
                                           "thrashed", "v", "vs", "vs.", "versus", NULL };

/* Appends to S the title-case spelling of tokens [a, b) joined: ner_title_case of
 * ner_join(a, b), made from the tokens' own title-case forms when each token is a word of its
 * own (tokens that touch, "AT&T", make one word, which is spelled whole). */
static void
ner_join_tc_append(const NerCtx *ctx, GString *s, guint a, guint b)
{
  for (guint i = a + 1; i < b; i++)
    if (ctx->tok[i].start <= ctx->tok[i - 1].end) {
      g_autofree char *joined = ner_join(ctx, a, b);
      ner_title_case_append(s, joined);
      return;
    }
  for (guint i = a; i < b; i++) {
    if (i > a)
      g_string_append_c(s, ' ');
    g_string_append(s, ner_tok_tc(ctx, i));
  }
}

/* ner_title_case_may_change(NAME) for NAME, the tokens [a, b) joined: when each token is a
 * word of its own, whether one of them has a title-case spelling of its own. */
static gboolean
ner_join_tc_may_change(const NerCtx *ctx, guint a, guint b, const char *name)
{
  for (guint i = a + 1; i < b; i++)
    if (ctx->tok[i].start <= ctx->tok[i - 1].end)
      return ner_title_case_may_change(name);
  for (guint i = a; i < b; i++) {
    const NerSpell *w = ner_spell(ctx, i);
    if (w->tc != w->str)
      return TRUE;
  }
  return FALSE;
}

static inline gboolean ner_fact(const NerCtx *ctx, guint i, guint32 fact);

/* Whether the tokens [a, b) joined are several words, the first of them token A's text: then
 * its first word, or that of its title-case spelling (token A's), must start a place or
 * nationality of several words for it to be one (EG_WL_PLACE_PREFIX). The join puts a space
 * after token A's text when the next token stands apart; that text is then its first word
 * unless a NUL cuts it short. */
static inline gboolean
ner_first_word_own(const NerCtx *ctx, guint a, guint b)
{
  if (b - a < 2 || ctx->tok[a + 1].start <= ctx->tok[a].end)
    return FALSE;
  return (ner_spell(ctx, a)->facts & NER_F_STR_WHOLE) != 0;
}

/* Whether the tokens [a, b) joined, several words, are certainly neither a place nor a
 * nationality, nor is their title-case spelling: their first word, token A's text, starts
 * none of several words, nor does its title case. Most names of several words are answered so,
 * without a call (what ner_place_find and ner_nationality_of_words would find). */
G_ALWAYS_INLINE static inline gboolean
ner_words_unplaced(const NerCtx *ctx, guint a, guint b)
{
  return ner_first_word_own(ctx, a, b) && !ner_fact(ctx, a, NER_F_PLACE_PREFIX) &&
         !ner_fact(ctx, a, NER_F_PLACE_PREFIX_TC);
}

/* The places.tsv value ("canonical<TAB>kind") of NAME (the tokens [a, b) joined) or of its
 * title-case spelling, or NULL. */
static const char *ner_place_find(const NerCtx *ctx, guint a, guint b, const char *name);

/* Asked of every mention, mostly of one word that no lexicon knows: inline, that answer costs
 * no call. */
G_ALWAYS_INLINE static inline const char *
ner_place_of(const NerCtx *ctx, guint a, guint b, const char *name)
{
  /* one token: what is known of it may spare the lookups, and its answer is its spelling's */
  if (b == a + 1) {
    if (!ner_fact(ctx, a, NER_F_LEXICON) && !ner_fact(ctx, a, NER_F_LEXICON_TC))
      return NULL;
    NerSpell *sp = ner_spell(ctx, a);
    if (!(sp->known & NER_F_PLACE)) {
      sp->place = ner_place_find(ctx, a, b, name);
      sp->known |= NER_F_PLACE;
    }
    return sp->place;
  }
  if (ner_words_unplaced(ctx, a, b))
    return NULL;
  return ner_place_find(ctx, a, b, name);
}

/* ner_place_of once its shortcuts have not answered. */
static G_GNUC_NO_INLINE const char *
ner_place_find(const NerCtx *ctx, guint a, guint b, const char *name)
{
  gboolean own = ner_first_word_own(ctx, a, b);
  GHashTable *places = ner_places();
  const char *v = own && !ner_fact(ctx, a, NER_F_PLACE_PREFIX) ? NULL
                                                                : g_hash_table_lookup(places, name);
  if (v || (own && !ner_fact(ctx, a, NER_F_PLACE_PREFIX_TC)) ||
      !ner_join_tc_may_change(ctx, a, b, name))
    return v;
  g_string_truncate(ctx->scratch, 0);
  ner_join_tc_append(ctx, ctx->scratch, a, b);
  const char *tc = ctx->scratch->str;
  return strcmp(tc, name) != 0 ? g_hash_table_lookup(places, tc) : NULL;
}

/* ner_nationality_of for several tokens. */
static G_GNUC_NO_INLINE gboolean
ner_nationality_of_words(const NerCtx *ctx, guint a, guint b, const char *name)
{
  gboolean own = ner_first_word_own(ctx, a, b);
  if ((!own || ner_fact(ctx, a, NER_F_PLACE_PREFIX)) &&
      (eg_wordlist_lists(name) & EG_WL_NATIONALITIES))
    return TRUE;
  if ((own && !ner_fact(ctx, a, NER_F_PLACE_PREFIX_TC)) || !ner_join_tc_may_change(ctx, a, b, name))
    return FALSE;
  g_string_truncate(ctx->scratch, 0);
  ner_join_tc_append(ctx, ctx->scratch, a, b);
  const char *tc = ctx->scratch->str;
  return strcmp(tc, name) != 0 && (eg_wordlist_lists(tc) & EG_WL_NATIONALITIES);
}

/* ner_nationality(NAME) for NAME, the tokens [a, b) joined, without copying NAME: of one
 * token, a fact of its spelling. */
static inline gboolean
ner_nationality_of(const NerCtx *ctx, guint a, guint b, const char *name)
{
  if (b == a + 1)
    return ner_fact(ctx, a, NER_F_NATIONALITY);
  if (ner_words_unplaced(ctx, a, b))
    return FALSE;
  return ner_nationality_of_words(ctx, a, b, name);
}

static guint32 ner_capitalised_lists(const char *lower);
static gboolean ner_fact_find(NerSpell *sp, guint32 fact);
static gboolean ner_doc_fact(const NerCtx *ctx, NerSpell *sp, guint32 fact);

/* Whether FACT (one NER_F_* bit) holds for token I: looked up on the first question about its
 * spelling, then remembered. */
static inline gboolean
ner_fact(const NerCtx *ctx, guint i, guint32 fact)
{
  /* most documents write nothing in brackets */
  if (fact == NER_F_BRACKETED && ctx->n_bracketed == 0)
    return FALSE;
  NerSpell *sp = ner_spell(ctx, i);
  if (G_UNLIKELY(fact & NER_F_DOC)) {
    /* mostly asked of a word whose text is a spelling found already: no call (one the
     * document has not stamped it has not capitalised in mid-sentence) */
    const NerSpell *w = sp->str_spell;
    if ((fact & (NER_F_MID_CAPS | NER_F_MID_CAPS2)) && w)
      return w->doc == ctx->memo->doc && w->mid_caps >= (fact == NER_F_MID_CAPS ? 1 : 2);
    return ner_doc_fact(ctx, sp, fact);
  }
  if (G_LIKELY(sp->known & fact))
    return (sp->facts & fact) != 0;
  return ner_fact_find(sp, fact);
}

/* Looks SP's text, lower-case form and title-case spelling up in the word lists (once each
 * where they are one string) and records every fact that settles. */
static void
ner_look(NerSpell *sp)
{
  guint32 str = eg_wordlist_lists(sp->str);
  guint32 lower = sp->lower == sp->str ? str : eg_wordlist_lists(sp->lower);
  guint32 tc = sp->tc == sp->str ? str : eg_wordlist_lists(sp->tc);
  guint32 either = str | tc;
  guint32 facts =
    ((lower & EG_WL_FUNCTION) ? NER_F_FUNCTION : 0) | ((lower & EG_WL_COMMON) ? NER_F_COMMON : 0) |
    ((lower & EG_WL_SPEECH) ? NER_F_SPEECH : 0) |
    ((str & (EG_WL_PLACES | EG_WL_NATIONALITIES)) ? NER_F_LEXICON : 0) |
    ((str & EG_WL_GIVEN) ? NER_F_GIVEN : 0) | ((str & EG_WL_ORG_CUES) ? NER_F_ORG_CUE : 0) |
    ((str & EG_WL_TITLES) ? NER_F_TITLE : 0) |
    ((str & EG_WL_TITLE_PREFIX) ? NER_F_TITLE_PREFIX : 0) |
    ((str & EG_WL_PLACE_PREFIX) ? NER_F_PLACE_PREFIX : 0) |
    ((tc & (EG_WL_PLACES | EG_WL_NATIONALITIES)) ? NER_F_LEXICON_TC : 0) |
    ((tc & EG_WL_GIVEN) ? NER_F_GIVEN_TC : 0) |
    ((tc & EG_WL_PLACE_PREFIX) ? NER_F_PLACE_PREFIX_TC : 0) |
    ((either & EG_WL_CALENDAR) ? NER_F_CALENDAR : 0) |
    ((either & EG_WL_NATIONALITIES) ? NER_F_NATIONALITY : 0);
  sp->lists = str;
  sp->known |= NER_F_BY_LOWER | NER_F_BY_STR | NER_F_BY_TC | NER_F_BY_EITHER;
  sp->facts |= facts;
}

/* ner_fact for a FACT of the spelling SP not yet known: looks it up and remembers it. */
static gboolean
ner_fact_find(NerSpell *sp, guint32 fact)
{
  const char *lower = sp->lower;
  gboolean holds = FALSE;
  if (fact & (NER_F_BY_LOWER | NER_F_BY_STR | NER_F_BY_TC | NER_F_BY_EITHER)) {
    ner_look(sp);
    return (sp->facts & fact) != 0;
  }
  if (fact & NER_F_BY_CAP) {
    guint32 lists = ner_capitalised_lists(lower);
    sp->known |= NER_F_BY_CAP;
    sp->facts |= ((lists & EG_WL_ORG_CUES) ? NER_F_CAP_ORG_CUE : 0) |
                 ((lists & EG_WL_TITLES) ? NER_F_CAP_TITLE : 0);
    return (sp->facts & fact) != 0;
  }
  switch (fact) {
  case NER_F_ORDINARY:
    if (!(sp->known & NER_F_BY_LOWER))
      ner_look(sp);
    holds = (sp->facts & (NER_F_COMMON | NER_F_FUNCTION)) || ner_is_ordinary_lists(lower, 0);
    break;
  case NER_F_CONNECTOR:
    holds = str_in(name_connectors, lower);
    break;
  case NER_F_PARTICLE:
    holds = str_in(person_particles, lower);
    break;
  case NER_F_SPORT_BEFORE:
    holds = str_in(sport_before, lower);
    break;
  case NER_F_SPORT_AFTER:
    holds = str_in(sport_after, lower);
    break;
  case NER_F_PLACE_PREP:
    holds = str_in(place_preps, lower);
    break;
  case NER_F_EVENT_HEAD:
    holds = str_in(event_heads, sp->str);
    break;
  default:
    g_assert_not_reached();
  }
  sp->known |= fact;
  if (holds)
    sp->facts |= fact;
  return holds;
}

/* eg_wordlist_lists of token I's text. */
static guint32
ner_str_lists(const NerCtx *ctx, guint i)
{
  ner_fact(ctx, i, NER_F_LEXICON);
  return ner_spell(ctx, i)->lists;
}

/* ner_fact for a FACT of the document (NER_F_DOC) about SP. */
static gboolean
ner_doc_fact(const NerCtx *ctx, NerSpell *sp, guint32 fact)
{
  NerMemo *memo = ctx->memo;
  switch (fact) {
  case NER_F_BRACKETED:
    return ctx->n_bracketed > 0 && ner_spell_in_doc(memo, ner_spell_of_str(memo, sp))->bracketed;
  case NER_F_MID_LOWER:
    return ner_spell_in_doc(memo, ner_spell_of_lower(memo, sp))->mid_lower;
  case NER_F_MID_CAPS:
    return ner_spell_in_doc(memo, ner_spell_of_str(memo, sp))->mid_caps >= 1;
  case NER_F_MID_CAPS2:
    return ner_spell_in_doc(memo, ner_spell_of_str(memo, sp))->mid_caps >= 2;
  default:
    g_assert_not_reached();
  }
}

/* Whether the hyphenated word W ends in a participle that makes it an adjective: "Ohio-based",
 * "Dublin-born", "Hong Kong-listed", "Communist-led". */
static gboolean
ner_hyphen_adjective(const char *w)
{
  static const char *const tails[] = { "-based", "-born", "-listed", "-led", "-owned", "-run",
                                       "-made", "-registered", "-controlled", "-backed", NULL };
  const char *dash = strchr(w, '-');
  if (!dash)
    return FALSE;
  /* each tail starts with a hyphen, after the first one of W */
  gsize len = strlen(dash), before = (gsize)(dash - w);
  for (guint i = 0; tails[i]; i++) {
    gsize tl = strlen(tails[i]);
    if (tl <= len && before + len > tl && memcmp(dash + len - tl, tails[i], tl) == 0)
      return TRUE;
  }
  return FALSE;
}

/* Whether token I is a function word ("The", "He"), and not an acronym the text defines. */
static gboolean
ner_is_function_word(const NerCtx *ctx, guint i)
{
  return ner_fact(ctx, i, NER_F_FUNCTION) && !ner_fact(ctx, i, NER_F_BRACKETED);
}

/* ner_title_mask for token I, whose text starts a title of several words: MASK (bit 0 set when
 * the text alone is a title) with the bits of the longer titles from I. */
static G_GNUC_NO_INLINE guint8
ner_title_mask_long(const NerCtx *ctx, guint i, guint8 mask)
{
  GString *s = ctx->scratch;
  g_string_assign(s, ner_tok_str(ctx, i));
  for (guint k = i + 1; k < ctx->n && k < i + 4; k++) {
    g_string_append_c(s, ' ');
    g_string_append(s, ner_tok_str(ctx, k));
    guint32 lists = eg_wordlist_lists(s->str);
    if (lists & EG_WL_TITLES)
      mask |= (guint8)(1u << (k - i));
    if (!(lists & EG_WL_TITLE_PREFIX))
      break;
  }
  return mask;
}

/* Which runs of one to four tokens from I spell a title (bit k-1 for k tokens, their texts
 * joined by single spaces). Computed once per token: mostly of a spelling that starts no
 * title, which two bits of its facts say. */
static inline guint8
ner_title_mask(const NerCtx *ctx, guint i)
{
  guint8 *titles = &ctx->titles[i];
  if (*titles & 0x80)
    return *titles & 0x0f;
  NerSpell *sp = ner_spell(ctx, i);
  /* one lookup (ner_look) settles both */
  G_STATIC_ASSERT((NER_F_TITLE & NER_F_BY_STR) && (NER_F_TITLE_PREFIX & NER_F_BY_STR));
  if (G_UNLIKELY(!(sp->known & NER_F_TITLE)))
    ner_look(sp);
  guint8 mask = (sp->facts & NER_F_TITLE) ? 1 : 0;
  /* A run of tokens that is no word prefix of a title of several words ("Prime" of "Prime
   * Minister") can start no title: the search stops there. */
  if (G_UNLIKELY(sp->facts & NER_F_TITLE_PREFIX))
    mask = ner_title_mask_long(ctx, i, mask);
  *titles = (guint8)(mask | 0x80);
  return mask;
}

/* Length in tokens of the longest title starting at token I and ending before B, or 0. */
static inline guint
ner_title_len(const NerCtx *ctx, guint i, guint b)
{
  if (i >= b)
    return 0;
  /* Asked of every token of every run, mostly of one already computed and starting no title:
   * that answer costs no call. */
  guint8 known = ctx->titles[i];
  guint8 mask = (known & 0x80) ? (known & 0x0f) : ner_title_mask(ctx, i);
  if (G_LIKELY(mask == 0))
    return 0;
  for (guint len = MIN(4, b - i); len > 0; len--)
    if (mask & (1u << (len - 1)))
      return len;
  return 0;
}

/* Whether token I is a capitalised organisation cue word ("Bank", "Party"). */
static inline gboolean
ner_is_org_cue(const NerCtx *ctx, guint i)
{
  return ctx->tok[i].kind == EG_TOK_WORD && (ctx->tok[i].flags & EG_TF_CAP) &&
         ner_fact(ctx, i, NER_F_ORG_CUE);
}

/* Whether some word of [a, b) marks an organisation ("Committee", "Inc."). */
static inline gboolean
ner_has_org_cue(const NerCtx *ctx, guint a, guint b)
{
  for (guint i = a; i < b; i++)
    if (ner_is_org_cue(ctx, i))
      return TRUE;
  return FALSE;
}

static gboolean
ner_is_acronym(const NerCtx *ctx, guint a, guint b)
{
  if (b != a + 1)
    return FALSE;
  const EgToken *t = &ctx->tok[a];
  if (t->flags & EG_TF_ALLCAPS)
    return TRUE;
  /* "U.S.": letters and periods only, at least two letters. */
  if (!(t->flags & EG_TF_ABBR) || t->end - t->start < 4)
    return FALSE;
  for (const char *p = ctx->text + t->start; p < ctx->text + t->end; p++)
    if (*p != '.' && !g_ascii_isupper(*p))
      return FALSE;
  return TRUE;
}

/* Whether token I is a number that reads as a date: "1996-08-30", "30/08/96". */
static gboolean
ner_is_date(const NerCtx *ctx, guint i)
{
  const EgToken *t = &ctx->tok[i];
  if (t->kind != EG_TOK_NUMBER || t->end - t->start < 6)
    return FALSE;
  guint seps = 0;
  for (const char *p = ctx->text + t->start; p < ctx->text + t->end; p++)
    seps += *p == '-' || *p == '/';
  return seps == 2;
}

/* ner_row_head once its first test has passed. */
static G_GNUC_NO_INLINE gboolean
ner_row_head_at(const NerCtx *ctx, guint a, guint b)
{
  if (ctx->line_first[b] != ctx->line_first[a] || ner_is_date(ctx, b))
    return FALSE;
  return ctx->line_first[a] == a || (a > 0 && ctx->tok[a - 1].kind == EG_TOK_NUMBER &&
                                     ctx->line_first[a - 1] == ctx->line_first[a]);
}

/* Whether [a, b) heads a row of a table or a score line: first on a line with no lower-case
 * word, a number (not a date) right after it: "Stoke 4 3 1 0 7 4 10", "Lotte 6 Hyundai 2".
 * Asked thrice of every mention, and mostly answered by the first test: that answer costs no
 * call. */
static inline gboolean
ner_row_head(const NerCtx *ctx, guint a, guint b)
{
  if (b >= ctx->n || ctx->tok[b].kind != EG_TOK_NUMBER ||
      !(ner_line_kind(ctx, a) & NER_LINE_NO_LOWER))
    return FALSE;
  return ner_row_head_at(ctx, a, b);
}

static void
ner_vote(EgMention *m, EgEntityType type, guint weight)
{
  m->votes[type] = (guint16)MIN(G_MAXUINT16, m->votes[type] + weight);
}

/* Whether [a, b) is one side of a fixture line: "KANSAS CITY AT DETROIT", "Kent v Surrey". */
static gboolean
ner_fixture_side(const NerCtx *ctx, guint a, guint b)
{
  if (!(ner_line_kind(ctx, a) & NER_LINE_NO_LOWER))
    return FALSE;
  static const char *const sep[] = { "at", "v", "vs", "vs.", "versus", NULL };
  guint line = ctx->line_first[a];
  gboolean last = b >= ctx->n || ctx->line_first[b] != line ||
                  (ctx->tok[b].kind == EG_TOK_PUNCT && ctx->tok[b].ch == '.');
  if (line == a && b < ctx->n && ctx->line_first[b] == line && ctx->tok[b].kind == EG_TOK_WORD) {
    const char *w = ner_lower(ctx, b);
    if (str_in(sep, w))
      return TRUE;
  }
  if (last && a > line + 1 && ctx->tok[a - 1].kind == EG_TOK_WORD) {
    const char *w = ner_lower(ctx, a - 1);
    if (str_in(sep, w))
      return TRUE;
  }
  return FALSE;
}

/* Words of a sports report, lower case: a document with several of them reports a game. */
static const char *const sport_words[] = {
  "match", "matches", "innings", "wicket", "wickets", "goal", "goals", "scored", "league",
  "season", "championship", "cup", "game", "games", "beat", "drew", "draw", "defeat",
  "victory", "striker", "midfielder", "coach", "team", "club", "runs", "inning", "homer",
  "tournament", "final", "semifinal", "quarter-final", "semi-final", "seeded", "round",
  "points", "penalty", "half-time", "halftime", "scorers", "pitcher", "batsman", "bowler",
  "race", "lap", "champion", "champions", "title", "fixture", "fixtures", "standings",
  "played", "won", "lost", "win", "soccer", "football", "cricket", "rugby", "baseball",
  "tennis", "golf", "hockey", "basketball", "athletics", "cycling", NULL
};

/* Sport words a document has shown so far, each counted once: with four or more it reports
 * games (NerCtx.sport). Counted by ner_read, which reads every word anyway. */
typedef struct {
  gboolean seen[G_N_ELEMENTS(sport_words)];
  guint n_seen;
} NerSportCount;

#define NER_SPORT_WORDS_MIN 4
#define NER_SPORT_LEN_MAX 16 /* bytes of a sport word, and one */

/* The sport words: word -> its index + 1 in sport_words; and by length and first letter, a
 * bit per last letter a sport word of that length and first letter ends with, so that most
 * words are turned away without a lookup. Letters are numbered in either case by letter_index,
 * 26 for any other byte (its column and its bit are always clear). Built once. */
typedef struct {
  GHashTable *words;
  /* A first test, with one load per end of the word: bit LEN of first_lens[c] (last_lens[c])
   * is set when a sport word of LEN bytes starts (ends) with byte c, in either case. */
  guint16 first_lens[256], last_lens[256];
  guint8 letter_index[256];
  guint32 last_letters[NER_SPORT_LEN_MAX][27];
} NerSportWords;

static const NerSportWords *
ner_sport_words(void)
{
  static NerSportWords sw;
  static gsize done;
  if (g_once_init_enter(&done)) {
    sw.words = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint c = 0; c < 256; c++)
      sw.letter_index[c] = g_ascii_isalpha(c) ? (guint8)(g_ascii_tolower(c) - 'a') : 26;
    for (guint k = 0; sport_words[k]; k++) {
      g_hash_table_insert(sw.words, (gpointer)sport_words[k], GUINT_TO_POINTER(k + 1));
      gsize len = strlen(sport_words[k]);
      if (len >= NER_SPORT_LEN_MAX)
        continue;
      guint first = (guint)(sport_words[k][0] - 'a');
      guint8 c0 = (guint8)sport_words[k][0], c1 = (guint8)sport_words[k][len - 1];
      sw.first_lens[c0] |= (guint16)(1u << len);
      sw.first_lens[(guint8)g_ascii_toupper(c0)] |= (guint16)(1u << len);
      sw.last_lens[c1] |= (guint16)(1u << len);
      sw.last_lens[(guint8)g_ascii_toupper(c1)] |= (guint16)(1u << len);
      sw.last_letters[len][first] |= 1u << (sport_words[k][len - 1] - 'a');
    }
    g_once_init_leave(&done, 1);
  }
  return &sw;
}

/* Counts the word token T in C if it is a sport word (of SW) not yet seen. */
static inline void
ner_sport_word(const NerSportWords *sw, NerSportCount *c, const char *text, const EgToken *t)
{
  char buf[NER_SPORT_LEN_MAX];
  gsize len = t->end - t->start;
  /* the words are ASCII and lower case as written ("Match" starting a sentence also counts) */
  if (len < 2 || len >= sizeof buf)
    return;
  const guint8 *p = (const guint8 *)text + t->start;
  if (G_LIKELY(!(((sw->first_lens[p[0]] & sw->last_lens[p[len - 1]]) >> len) & 1)))
    return;
  if (G_LIKELY(!((sw->last_letters[len][sw->letter_index[p[0]]] >> sw->letter_index[p[len - 1]]) & 1)))
    return;
  gboolean letters = TRUE;
  for (gsize k = 0; k < len && letters; k++) {
    letters = g_ascii_isalpha(p[k]) || p[k] == '-';
    buf[k] = ner_ascii_lower((char)p[k]);
  }
  if (!letters)
    return;
  buf[len] = '\0';
  guint idx = GPOINTER_TO_UINT(g_hash_table_lookup(sw->words, buf));
  if (idx && !c->seen[idx - 1]) {
    c->seen[idx - 1] = TRUE;
    c->n_seen++;
  }
}

/* Place nouns that type a name set beside them ("the town, Kvalby"); organisation heads come
 * from org_cues.txt and person roles from titles.txt, capitalised. */
static const char *const place_heads[] = { "city", "town", "country", "region", "province",
                                           "state", "village", "capital", "port", "island",
                                           "county", "district", "republic", NULL };

/* The lists (eg_wordlist_lists) that hold the lower-case word LOWER capitalised, as
 * org_cues.txt and titles.txt spell their words ("reporter" as "Reporter"). */
static guint32
ner_capitalised_lists(const char *lower)
{
  char buf[64];
  gsize len = strlen(lower);
  g_autofree char *heap = len < sizeof buf ? NULL : g_strdup(lower);
  char *w = heap ? heap : memcpy(buf, lower, len + 1);
  w[0] = g_ascii_toupper(w[0]);
  return eg_wordlist_lists(w);
}

/* The type a common noun gives a name in apposition: "company" ORG, "town" LOC, "reporter"
 * PERSON; a plural counts ("two Russian groups, Fancy Bear and Cozy Bear"). EG_N_TYPES if none. */
static EgEntityType
ner_head_type(const NerCtx *ctx, guint i)
{
  const EgToken *t = &ctx->tok[i];
  if (t->kind != EG_TOK_WORD || (t->flags & EG_TF_CAP))
    return EG_N_TYPES;
  /* the word itself: its spelling knows the answers, and nothing need be copied */
  const NerSpell *sp = ner_spell(ctx, i);
  const char *lower = sp->lower;
  if (str_in(place_heads, lower))
    return EG_TYPE_LOC;
  if (ner_fact(ctx, i, NER_F_CAP_ORG_CUE))
    return EG_TYPE_ORG;
  if (ner_fact(ctx, i, NER_F_CAP_TITLE))
    return EG_TYPE_PERSON;
  /* its singular */
  gsize len = sp->lower_len;
  if (len < 4 || lower[len - 1] != 's')
    return EG_N_TYPES;
  char buf[64];
  g_autofree char *heap = len < sizeof buf ? NULL : g_strdup(lower);
  char *w = heap ? heap : memcpy(buf, lower, len + 1);
  w[--len] = '\0';
  if (len > 3 && ner_streq(w + len - 2, "ie")) { /* "agencies", "cities" */
    w[len - 2] = 'y';
    w[--len] = '\0';
  }
  if (str_in(place_heads, w))
    return EG_TYPE_LOC;
  guint32 lists = ner_capitalised_lists(w);
  if (lists & EG_WL_ORG_CUES)
    return EG_TYPE_ORG;
  if (lists & EG_WL_TITLES)
    return EG_TYPE_PERSON;
  return EG_N_TYPES;
}

/* ner_apposition when a comma stands before or after the name. */
static G_GNUC_NO_INLINE EgEntityType
ner_apposition_at(const NerCtx *ctx, guint a, guint next)
{
  guint32 sent = ctx->tok[a].sentence;
  if (a >= 2 && ctx->tok[a - 1].kind == EG_TOK_PUNCT && ctx->tok[a - 1].ch == ',' &&
      ctx->tok[a - 2].sentence == sent) {
    EgEntityType t = ner_head_type(ctx, a - 2);
    /* "the head of the league's disciplinary committee, Anatoly Gorokhovsky": a noun after
     * "of" is not the one the name stands for. */
    for (guint k = a - 2; t != EG_N_TYPES && k > 0 && k + 9 > a; k--) {
      const EgToken *p = &ctx->tok[k - 1];
      if (p->sentence != sent || (p->kind == EG_TOK_PUNCT && p->ch != '\''))
        break;
      const char *w = p->kind == EG_TOK_WORD ? ner_lower(ctx, k - 1) : NULL;
      if (w && ner_streq(w, "of"))
        t = EG_N_TYPES;
    }
    if (t != EG_N_TYPES)
      return t;
  }
  if (next + 2 < ctx->n && ctx->tok[next].kind == EG_TOK_PUNCT && ctx->tok[next].ch == ',' &&
      ctx->tok[next + 1].kind == EG_TOK_WORD) {
    const char *art = ner_lower(ctx, next + 1);
    if (ner_streq(art, "a") || ner_streq(art, "an") || ner_streq(art, "the")) {
      for (guint k = next + 2; k < ctx->n && k < next + 6 && ctx->tok[k].sentence == sent; k++) {
        if (ctx->tok[k].kind != EG_TOK_WORD)
          break;
        EgEntityType t = ner_head_type(ctx, k);
        if (t != EG_N_TYPES)
          return t;
      }
    }
  }
  return EG_N_TYPES;
}

/* The type an appositive gives the mention [a, b) ("a private company, Crowdstrike";
 * "Crowdstrike, a security firm"), or EG_N_TYPES. NEXT is the token after the name. Asked of
 * every mention, and of most there is no comma beside it to look at: that costs no call. */
static inline EgEntityType
ner_apposition(const NerCtx *ctx, guint a, guint next)
{
  if (!(a >= 2 && ctx->tok[a - 1].ch == ',') && !(next + 2 < ctx->n && ctx->tok[next].ch == ','))
    return EG_N_TYPES;
  return ner_apposition_at(ctx, a, next);
}

/* Lower-case word I if it is a word of sentence SENT, else NULL (transfer none). */
static const char *
ner_word_in(const NerCtx *ctx, gint i, guint32 sent)
{
  if (i < 0 || (guint)i >= ctx->n || ctx->tok[i].kind != EG_TOK_WORD || ctx->tok[i].sentence != sent)
    return NULL;
  return ner_lower(ctx, (guint)i);
}

/* A one-word name as a source of news: "told Reuters", "according to Interfax", "quoted by X",
 * "X news agency", "the X newspaper", "X said in a statement" is an organisation (a person
 * quoted so is named in full elsewhere, and the full name's votes win). */
static void
ner_source_context(const NerCtx *ctx, EgMention *m, guint a, guint next)
{
  guint32 sent = ctx->tok[a].sentence;
  /* The words around are fetched as the tests reach them: most names have no such word. */
  const char *p1 = ner_word_in(ctx, (gint)a - 1, sent);
  gboolean src = FALSE;
  if (p1 && (ner_streq(p1, "told") || ner_streq(p1, "via")))
    src = TRUE;
  if (!src && p1 && (ner_streq(p1, "to") || ner_streq(p1, "by"))) {
    const char *p2 = ner_word_in(ctx, (gint)a - 2, sent);
    if (p2 && ner_streq(p1, "to") && ner_streq(p2, "according"))
      src = TRUE;
    if (p2 && ner_streq(p1, "by") &&
        (ner_streq(p2, "quoted") || ner_streq(p2, "reported") || ner_streq(p2, "published")))
      src = TRUE;
  }
  const char *n1 = src ? NULL : ner_word_in(ctx, (gint)next, sent);
  if (n1 && (ner_streq(n1, "newspaper") || ner_streq(n1, "agency") || ner_streq(n1, "daily") ||
             ner_streq(n1, "weekly") || ner_streq(n1, "reported") || ner_streq(n1, "quoted")))
    src = TRUE;
  if (!src && n1 && ner_streq(n1, "news")) {
    const char *n2 = ner_word_in(ctx, (gint)next + 1, sent);
    if (n2 && ner_streq(n2, "agency"))
      src = TRUE;
  }
  if (!src && n1 && ner_fact(ctx, next, NER_F_SPEECH)) {
    const char *n2 = ner_word_in(ctx, (gint)next + 1, sent);
    const char *n3 = n2 && ner_streq(n2, "in") ? ner_word_in(ctx, (gint)next + 2, sent) : NULL;
    const char *n4 = n3 && (ner_streq(n3, "a") || ner_streq(n3, "its"))
                       ? ner_word_in(ctx, (gint)next + 3, sent)
                       : NULL;
    if (n4 && ner_streq(n4, "statement"))
      src = TRUE;
  }
  if (src)
    ner_vote(m, EG_TYPE_ORG, EG_VOTE_WEAK + 1);
}

/* What ner_emit gathers of a mention's tokens in its one pass over them, for the rules of
 * ner_add_votes, which would otherwise each pass over them again. */
typedef struct {
  gboolean org_cue;       /* ner_has_org_cue: some word marks an organisation */
  gboolean hyphen;        /* some token's text holds a hyphen (ner_tokens_hyphen) */
  gboolean org_connector; /* some token other than a capitalised word is no person particle */
} NerWords;

/* Type evidence for the mention of tokens [a, b), whose tokens WORDS sums up; PREV is the token
 * before any title, or -1. */
static void
ner_add_votes(const NerCtx *ctx, EgMention *m, guint a, guint b, gint prev, const NerWords *words)
{
  guint next = m->end_token + ((m->flags & EG_MF_POSSESSIVE) ? 1 : 0);
  const char *first = ner_tok_str(ctx, a);
  gboolean initial_name = m->n_words >= 2 && (ctx->tok[a].flags & EG_TF_ABBR) &&
                          ner_chars(ctx, a) == 2 && g_unichar_isupper(g_utf8_get_char(first));
  gboolean person_shape = initial_name ||
                          (m->n_words >= 2 && ner_fact(ctx, a, NER_F_GIVEN_TC));
  /* Sports: a name heading a table row or a score ("Stoke 4 3 1 0", "Lotte 6 Hyundai 2") or one
   * side of a fixture is a team; so, more weakly, is the subject or object of "beat". */
  gboolean team = ner_row_head(ctx, a, b) || ner_fixture_side(ctx, a, b);
  gboolean sport = team;
  if (!sport && prev >= 0 && ctx->tok[prev].kind == EG_TOK_WORD &&
      ctx->tok[prev].sentence == ctx->tok[a].sentence) {
    sport = ner_fact(ctx, (guint)prev, NER_F_SPORT_BEFORE);
  }
  if (!sport && next < ctx->n && ctx->tok[next].kind == EG_TOK_WORD) {
    sport = ner_fact(ctx, next, NER_F_SPORT_AFTER);
  }
  /* "LONDON 1996-08-30": a dateline names a place. */
  gboolean dateline = ctx->line_first[a] == a && b < ctx->n && ner_is_date(ctx, b);

  const char *place = ner_place_of(ctx, a, b, m->name);
  if (place) {
    const char *tab = strchr(place, '\t');
    m->canonical = tab ? g_strndup(place, (gsize)(tab - place)) : g_strdup(place);
    /* A city's team is an organisation; a country's national side stays a place. */
    if (sport && !dateline && !(tab && ner_streq(tab + 1, "country"))) {
      ner_vote(m, EG_TYPE_ORG, team ? EG_VOTE_STRONG + 1 : EG_VOTE_STRONG - 1);
      return;
    }
    ner_vote(m, EG_TYPE_LOC, EG_VOTE_STRONG);
    return;
  }
  if (ner_nationality_of(ctx, a, b, m->name)) {
    ner_vote(m, EG_TYPE_MISC, EG_VOTE_STRONG);
    return;
  }
  if (dateline) {
    ner_vote(m, EG_TYPE_LOC, EG_VOTE_STRONG);
    return;
  }
  /* "Ohio-based", "Dublin-born": an adjective, not a name of its own kind. */
  if (words->hyphen && ner_hyphen_adjective(m->name)) {
    ner_vote(m, EG_TYPE_MISC, EG_VOTE_STRONG + 1);
    return;
  }
  const char *last_sp = strrchr(m->name, ' ');
  /* The last word is mostly the last token's text, which its spelling knows. */
  gboolean last_own = last_sp && b - a >= 2 && ctx->tok[b - 1].start > ctx->tok[b - 2].end &&
                      strcmp(last_sp + 1, ner_tok_str(ctx, b - 1)) == 0;
  guint32 last_lists = !last_sp ? 0
                       : last_own ? ner_str_lists(ctx, b - 1)
                                  : eg_wordlist_lists(last_sp + 1);
  /* "Bosnian Serbs", "Latin American", "S. Korean": the last word is a people or an adjective
   * of one. */
  gboolean last_nat = last_sp && (last_own ? ner_fact(ctx, b - 1, NER_F_NATIONALITY)
                                           : ner_nationality_lists(last_sp + 1, last_lists));
  gboolean org_cue = words->org_cue;
  if (last_sp && !org_cue) {
    const char *last = last_sp + 1;
    if (last_nat) {
      ner_vote(m, EG_TYPE_MISC, EG_VOTE_STRONG + 1);
      return;
    }
    /* "the Texas Open", "the Atlanta Games": an event. */
    if (last_own ? ner_fact(ctx, b - 1, NER_F_EVENT_HEAD) : str_in(event_heads, last)) {
      ner_vote(m, EG_TYPE_MISC, EG_VOTE_STRONG + 1);
      return;
    }
  }
  /* "Bristol Rovers", "Leeds United"; "Stoke City" and "Ross County" in a sports report: a
   * club. "Houston Astros": a place and a plural is a team (or a firm). */
  if (last_sp) {
    const char *last = last_sp + 1;
    gboolean team_word = (last_lists & EG_WL_TEAM) &&
                         (ctx->sport || (!ner_streq(last, "City") && !ner_streq(last, "County") &&
                                         !ner_streq(last, "Town")));
    gboolean place_plural = FALSE;
    gsize ll = strlen(last);
    if (!team_word && ll >= 4 && last[ll - 1] == 's' && last[ll - 2] != 's' &&
        !last_nat &&
        !(last_lists & EG_WL_GIVEN)) {
      /* Not "Chad Curtis" (a given name) nor "North Caucasus" (an ordinary word). */
      for (guint k = a + 1; k < b && !place_plural; k++) {
        /* The head of one word is the first token's text, whose spelling knows the answers. */
        if (k == a + 1 && (ner_spell(ctx, a)->facts & NER_F_STR_WHOLE)) {
          place_plural = ner_place_of(ctx, a, k, ner_tok_str(ctx, a)) != NULL &&
                         !ner_fact(ctx, a, NER_F_ORDINARY);
          continue;
        }
        g_autofree char *head = ner_join(ctx, a, k);
        g_autofree char *head_lower = eg_text_lower(head, -1);
        place_plural = ner_place_of(ctx, a, k, head) != NULL && !ner_is_ordinary(head_lower);
      }
    }
    if (team_word || place_plural)
      ner_vote(m, EG_TYPE_ORG, EG_VOTE_STRONG + 1);
  }
  /* "two Russian groups, Fancy Bear and Cozy Bear": the second name of a list shares the
   * appositive's type. */
  EgEntityType appos = ner_apposition(ctx, a, next);
  if (appos == EG_N_TYPES && ctx->n_ms > 0 && a >= 1) {
    const EgMention *last = &ctx->ms[ctx->n_ms - 1];
    if (last->end_token + 1 == a && ctx->tok[a - 1].kind == EG_TOK_WORD) {
      const char *w = ner_lower(ctx, a - 1);
      if (ner_streq(w, "and") || ner_streq(w, "or"))
        appos = ner_apposition(ctx, last->first_token, last->end_token);
    }
  }
  /* "the agency's chief, Maria Okafor": an organisation noun before a person-shaped name
   * names where the person works, unless it is plural (a list of groups). */
  if (appos == EG_TYPE_ORG && person_shape && a >= 2 && ctx->tok[a - 1].ch == ',') {
    const char *head = ner_lower(ctx, a - 2);
    if (head[strlen(head) - 1] != 's')
      appos = EG_N_TYPES;
  }
  if (appos != EG_N_TYPES)
    ner_vote(m, appos, EG_VOTE_STRONG + 1);
  if (sport && !person_shape)
    ner_vote(m, EG_TYPE_ORG, team ? EG_VOTE_STRONG : EG_VOTE_WEAK);
  if (org_cue)
    ner_vote(m, EG_TYPE_ORG, EG_VOTE_STRONG);
  /* An acronym leans to an organisation, but in a shouting line every word is in capitals. */
  if ((m->flags & EG_MF_ACRONYM) &&
      (!(ner_line_kind(ctx, a) & NER_LINE_SHOUT) || g_utf8_strlen(m->name, -1) <= 4))
    ner_vote(m, EG_TYPE_ORG, EG_VOTE_STRONG - 1);
  if (m->flags & EG_MF_TITLED)
    ner_vote(m, EG_TYPE_PERSON, EG_VOTE_STRONG);
  /* "N. Knight", "J. Russell": an initial before a surname. */
  if (initial_name && !org_cue)
    ner_vote(m, EG_TYPE_PERSON, EG_VOTE_STRONG);

  gboolean org_connector = words->org_connector;
  if (ner_fact(ctx, a, NER_F_GIVEN_TC) && !org_cue && !org_connector)
    ner_vote(m, EG_TYPE_PERSON, m->n_words >= 2 ? EG_VOTE_STRONG : EG_VOTE_WEAK);
  if (org_connector && !org_cue)
    ner_vote(m, EG_TYPE_ORG, EG_VOTE_WEAK);

  /* Context: "in Finland" leans to a place, "Sullivan said" and "reporter Jonathan Lemire"
   * to a person. */
  if (prev >= 0 && ctx->tok[prev].kind == EG_TOK_WORD && ctx->tok[prev].sentence == ctx->tok[a].sentence) {
    if (ner_fact(ctx, (guint)prev, NER_F_PLACE_PREP) && !sport)
      ner_vote(m, EG_TYPE_LOC, EG_VOTE_WEAK);
    else if (!(ctx->tok[prev].flags & EG_TF_CAP) && ner_fact(ctx, (guint)prev, NER_F_CAP_TITLE))
      ner_vote(m, EG_TYPE_PERSON, EG_VOTE_STRONG);
  }
  if (next < ctx->n && ctx->tok[next].kind == EG_TOK_WORD) {
    if (ner_fact(ctx, next, NER_F_SPEECH))
      ner_vote(m, EG_TYPE_PERSON, EG_VOTE_WEAK);
  }
  if (m->n_words == 1 && !org_cue)
    ner_source_context(ctx, m, a, next);
}

/* In a sports report a lone given name ("Kent", "Chelsea") that no longer name of the document
 * holds is rather a team than a person: players are named in full, and a surname or first name
 * that some full name holds is left alone. A one-word name with no evidence at all leans to a
 * team there too ("Derbyshire", "Auxerre"). */
static void
ner_sport_given_names(const NerCtx *ctx)
{
  if (!ctx->sport)
    return;
  g_autoptr(GHashTable) in_long = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  EgMention *ms = ctx->ms;
  for (guint k = 0; k < ctx->n_ms; k++) {
    if (ms[k].n_words < 2)
      continue;
    g_auto(GStrv) words = g_strsplit(ms[k].name, " ", -1);
    for (guint i = 0; words[i]; i++)
      g_hash_table_add(in_long, ner_title_case(words[i]));
  }
  for (guint k = 0; k < ctx->n_ms; k++) {
    EgMention *m = &ms[k];
    if (m->n_words != 1 || (m->flags & (EG_MF_TITLED | EG_MF_ACRONYM)) ||
        m->votes[EG_TYPE_PERSON] > EG_VOTE_WEAK)
      continue;
    g_autofree char *tc = ner_title_case(m->name);
    if ((eg_wordlist_lists(tc) & EG_WL_GIVEN) && !g_hash_table_contains(in_long, tc))
      ner_vote(m, EG_TYPE_ORG, EG_VOTE_WEAK + 1);
    else if (m->votes[EG_TYPE_PERSON] + m->votes[EG_TYPE_ORG] + m->votes[EG_TYPE_LOC] +
                 m->votes[EG_TYPE_MISC] == 0 && !g_hash_table_contains(in_long, tc))
      ner_vote(m, EG_TYPE_ORG, EG_VOTE_WEAK);
  }
}

/* Whether [a, b) is a table's column header or a run of such letters: every word one to three
 * capital letters, one of them a single letter ("W D L PCT GB", "F G"). */
static gboolean
ner_header_letters(const NerCtx *ctx, guint a, guint b)
{
  if (b - a < 2)
    return FALSE;
  gboolean single = FALSE;
  for (guint i = a; i < b; i++) {
    const EgToken *t = &ctx->tok[i];
    guint32 len = ner_chars(ctx, i);
    if (t->kind != EG_TOK_WORD || (t->flags & EG_TF_ABBR) || len > 3 ||
        !((t->flags & EG_TF_ALLCAPS) || len == 1))
      return FALSE;
    single = single || len == 1;
  }
  return single;
}

/* Whether [a, b) is the topic word that starts a wire headline: "CRICKET - ...", "SOCCER - ...":
 * ordinary words alone at the start of a line in capitals, before a dash. */
static gboolean
ner_topic_slug(const NerCtx *ctx, guint a, guint b)
{
  if (!(ner_line_kind(ctx, a) & NER_LINE_SHOUT) || ctx->line_first[a] != a || b >= ctx->n ||
      ctx->tok[b].kind != EG_TOK_PUNCT || ctx->tok[b].ch != '-')
    return FALSE;
  for (guint i = a; i < b; i++)
    if (!ner_fact(ctx, i, NER_F_ORDINARY))
      return FALSE;
  return TRUE;
}

/* Decides whether tokens [a, b) (after titles are cut) name something, trims them and adds
 * the mention. SPAN_END is the end of the whole capitalised run. */
static void
ner_emit(NerCtx *ctx, guint a, guint b, guint span_end, gboolean titled, gint prev)
{
  /* A piece after a title may start with an article too: "President of the United States". */
  while (a < b && ner_is_function_word(ctx, a))
    a++;
  /* "On Monday Trump said": edge calendar words are not part of a name. */
  while (a < b && ner_fact(ctx, a, NER_F_CALENDAR))
    a++;
  /* ... except a month that is a surname after a given name: "Theresa May", "Karen April". */
  while (b > a && ner_fact(ctx, b - 1, NER_F_CALENDAR) &&
         !(b - 1 > a && ner_fact(ctx, b - 2, NER_F_GIVEN_TC)))
    b--;
  /* A connector cannot start or end a name once its neighbours are gone. */
  while (a < b && !(ctx->tok[a].flags & EG_TF_CAP))
    a++;
  while (b > a && !(ctx->tok[b - 1].flags & EG_TF_CAP))
    b--;
  if (a >= b)
    return;
  if ((ner_line_kind(ctx, a) & NER_LINE_HEADER) || ner_header_letters(ctx, a, b) ||
      ner_topic_slug(ctx, a, b))
    return;
  /* "Australian Tom Moody", "Ohio-based KeyCorp": a nationality or a "-based" adjective before
   * a name is a word of its own; "American Express" and "British Airways" stay one name. */
  for (guint nw = 2; nw >= 1; nw--) {
    if (b - a <= nw)
      continue;
    gboolean adj = nw == 1 && (ner_spell(ctx, a)->facts & NER_F_HYPHEN) &&
                   ner_hyphen_adjective(ner_tok_str(ctx, a));
    if (!adj) {
      gboolean nationality;
      if (nw == 1) {
        nationality = ner_fact(ctx, a, NER_F_NATIONALITY);
      } else if (ner_words_unplaced(ctx, a, a + nw)) {
        nationality = FALSE; /* what ner_nationality_of finds, without joining the words */
      } else {
        g_autofree char *head = ner_join(ctx, a, a + nw);
        nationality = ner_nationality_of(ctx, a, a + nw, head);
      }
      if (!nationality)
        continue;
    }
    if (!(ctx->tok[a + nw].flags & EG_TF_CAP) || ctx->tok[a + nw].kind != EG_TOK_WORD)
      break;
    guint nx = a + nw;
    const char *next = ner_tok_str(ctx, nx);
    gboolean cut = adj || (b - a > nw + 1 && ner_fact(ctx, nx, NER_F_GIVEN_TC)) ||
                   (b - a == nw + 1 && !ner_fact(ctx, nx, NER_F_ORDINARY) &&
                    !strpbrk(next, "0123456789") && !ner_fact(ctx, nx, NER_F_ORG_CUE) &&
                    !ner_fact(ctx, nx, NER_F_EVENT_HEAD) && !ner_fact(ctx, nx, NER_F_LEXICON_TC));
    if (cut && (adj || !ner_has_org_cue(ctx, a + nw, b))) {
      ner_emit(ctx, a, a + nw, a + nw, FALSE, prev);
      a += nw;
      prev = (gint)a - 1;
    }
    break;
  }

  const EgToken *t0 = &ctx->tok[a];
  guint first = a;
  gboolean initial = (t0->flags & EG_TF_INITIAL) != 0;
  gboolean evidenced = ner_fact(ctx, first, NER_F_MID_CAPS) ||
                       ner_fact(ctx, first, NER_F_LEXICON) || ctx->in_shout ||
                       ner_row_head(ctx, a, b);

  if (b - a >= 3 && initial && !evidenced && ner_fact(ctx, first, NER_F_ORDINARY) &&
      !(ctx->tok[a + 1].flags & EG_TF_CAP) && !ner_fact(ctx, first, NER_F_ORG_CUE)) {
    /* "Leaders of NATO agreed": a sentence's first word joined by a connector is not part of
     * the name after it; "Bank of England" keeps its first word, an organisation head. */
    a++;
    while (a < b && !(ctx->tok[a].flags & EG_TF_CAP))
      a++;
    t0 = &ctx->tok[a];
    initial = FALSE;
  }
  if (b - a >= 2 && initial && !evidenced && ner_fact(ctx, first, NER_F_ORDINARY) &&
      !ner_fact(ctx, first, NER_F_GIVEN)) {
    /* "Yesterday Putin": drop the ordinary first word when the rest is known as a name.
     * Its one mid-sentence capital is this very span: evidence must come from elsewhere. */
    if (ner_fact(ctx, a + 1, NER_F_MID_CAPS2) || ner_fact(ctx, a + 1, NER_F_LEXICON)) {
      a++;
      t0 = &ctx->tok[a];
      initial = FALSE;
    }
  }

  if (b - a == 1) {
    guint32 chars = ner_chars(ctx, a);
    if (chars <= 2 && (t0->flags & EG_TF_ABBR))
      return; /* a lone initial */
    if (chars == 1)
      return; /* "I", "A" */
    gboolean defined = ner_fact(ctx, a, NER_F_BRACKETED) || ctx->in_shout ||
                       ner_row_head(ctx, a, b);
    if (ner_fact(ctx, a, NER_F_FUNCTION) && !ner_fact(ctx, a, NER_F_LEXICON) && !defined)
      return;
    if ((t0->flags & EG_TF_ALLCAPS) && ner_fact(ctx, a, NER_F_COMMON) &&
        !ner_fact(ctx, a, NER_F_LEXICON) && !defined)
      return; /* "IT aide", but "the World Health Organization (WHO)" */
    if ((t0->flags & EG_TF_INITIAL) && !ner_fact(ctx, a, NER_F_LEXICON) && !defined &&
        !ner_fact(ctx, a, NER_F_MID_CAPS) && ner_fact(ctx, a, NER_F_ORDINARY))
      return; /* "Filed under", "Finding the emails" */
    if (titled && ner_fact(ctx, a, NER_F_TITLE))
      return;
  }

  EgMention m = { 0 };
  m.first_token = a;
  m.end_token = b;
  m.start = ctx->tok[a].start;
  m.end = ctx->tok[b - 1].end;
  m.sentence = ctx->tok[a].sentence;
  m.paragraph = ctx->tok[a].paragraph;
  m.word_index = ctx->tok[a].word_index;
  m.defines = -1;
  m.n_words = 0;
  NerWords words = { FALSE, FALSE, FALSE };
  for (guint i = a; i < b; i++) {
    const EgToken *t = &ctx->tok[i];
    if (t->kind == EG_TOK_WORD && (t->flags & EG_TF_CAP)) {
      m.n_words++;
      words.org_cue = words.org_cue || ner_fact(ctx, i, NER_F_ORG_CUE);
    } else if (!words.org_connector && !ner_fact(ctx, i, NER_F_PARTICLE)) {
      words.org_connector = TRUE;
    }
    if (!(t->flags & EG_TF_CAP))
      m.flags |= EG_MF_CONNECTED;
    words.hyphen = words.hyphen || (ner_spell(ctx, i)->facts & NER_F_HYPHEN);
  }
  if (titled)
    m.flags |= EG_MF_TITLED;
  if (ner_is_acronym(ctx, a, b))
    m.flags |= EG_MF_ACRONYM;
  if (b == span_end && b < ctx->n && ctx->tok[b].kind == EG_TOK_POSSESSIVE)
    m.flags |= EG_MF_POSSESSIVE;
  /* The surface is as written: "Trump's", but "the Russians'" for a plural; without a
   * possessive it is the name's own string (ner_mention_clear frees the name alone). */
  if (m.flags & EG_MF_POSSESSIVE) {
    m.name = ner_join_with(ctx, a, b, ner_tok_str(ctx, b));
    m.surface = m.name + strlen(m.name) + 1;
  } else {
    m.name = ner_join(ctx, a, b);
    m.surface = m.name;
  }
  if (prev < 0 && a > 0)
    prev = (gint)a - 1;
  ner_add_votes(ctx, &m, a, b, prev, &words);
  NerMemo *memo = ctx->memo;
  if (G_UNLIKELY(ctx->n_ms == memo->mentions_size)) {
    memo->mentions_size = MAX(64, memo->mentions_size * 2);
    memo->mentions = g_renew(EgMention, memo->mentions, memo->mentions_size);
    ctx->ms = memo->mentions;
  }
  ctx->ms[ctx->n_ms++] = m;
}

/* A memo keeps its mention buffer for the next document only up to this size, so that a rare
 * huge document part does not hold its memory for the thread's life. */
#define NER_KEEP_MENTIONS 4096

/* Whether every word of [a, b) is an ordinary English word that no lexicon knows as a name. */
static gboolean
ner_all_ordinary(const NerCtx *ctx, guint a, guint b)
{
  for (guint i = a; i < b; i++)
    if (!ner_fact(ctx, i, NER_F_ORDINARY) || ner_fact(ctx, i, NER_F_LEXICON) ||
        ner_fact(ctx, i, NER_F_GIVEN) || (ctx->tok[i].flags & EG_TF_ALLCAPS))
      return FALSE;
  return TRUE;
}

/* "Governor Gavin Newsom of California", "Sen. Ann Wood of the Senate Foreign Relations
 * Committee": a person's name before "of", "for" or "on" is not the head of one longer name.
 * Returns the connector's index when [a, b) should be cut there, or 0. */
static guint
ner_person_connector(const NerCtx *ctx, guint a, guint b)
{
  guint t = a, tl;
  while (t < b && (tl = ner_title_len(ctx, t, b)) > 0)
    t += tl;
  if (t >= b)
    return 0;
  if (!ner_fact(ctx, t, NER_F_GIVEN))
    return 0;
  for (guint c = t + 2; c < b; c++) {
    const EgToken *k = &ctx->tok[c];
    if (k->kind != EG_TOK_WORD || (k->flags & EG_TF_CAP))
      continue;
    if (!ner_fact(ctx, c, NER_F_CONNECTOR))
      return 0; /* a person particle: "Ursula von der Leyen" */
    return ner_has_org_cue(ctx, t, c) ? 0 : c;
  }
  return 0;
}

/* Cuts a piece of a capitalised run, [a, b), at titles and emits the pieces. */
static void
ner_span_titles(NerCtx *ctx, guint a, guint b)
{
  /* "The Washington Post", "The Russian President": a capitalised article is not part of a name
   * (an acronym the text defines, "(WHO)", is not an article). */
  while (a < b && ner_is_function_word(ctx, a))
    a++;
  guint piece = a;
  gboolean titled = FALSE;
  gint prev = -1;
  guint j = a;
  /* cue_from[i - a]: an organisation cue word stands in [i, b). Computed once, right to left,
   * so a run of many titles stays linear; and only for a run with a title, which few have. */
  gboolean cue_small[32];
  g_autofree gboolean *cue_big = NULL;
  gboolean *cue_from = NULL;
  while (j < b) {
    guint tl = ner_title_len(ctx, j, b);
    if (tl == 0 || j + tl >= b) {
      j++;
      continue;
    }
    if (!cue_from) {
      if (b - a + 1 > G_N_ELEMENTS(cue_small))
        cue_big = g_new(gboolean, b - a + 1);
      cue_from = cue_big ? cue_big : cue_small;
      cue_from[b - a] = FALSE;
      for (guint i = b; i > a; i--)
        cue_from[i - 1 - a] = cue_from[i - a] || ner_is_org_cue(ctx, i - 1);
    }
    /* A title ends a run only when a name follows it and that name is not an organisation's
     * ("General Motors", "Justice Department" keep their first word). */
    if (cue_from[j + tl - a]) {
      j++;
      continue;
    }
    /* "Former President X", "Acting Director Y": ordinary words before a title belong to it. */
    if (j > piece && !ner_all_ordinary(ctx, piece, j))
      ner_emit(ctx, piece, j, j, titled, prev);
    titled = TRUE;
    prev = piece > 0 ? (gint)piece - 1 : -1;
    j += tl;
    piece = j;
  }
  if (b - piece == ner_title_len(ctx, piece, b) && b > piece && piece == a)
    return; /* a title on its own: "the President said" */
  /* "the Russian President said", "a U.S. Senator": a nationality or a place before a title
   * with no name after it stands alone; "Burger King" keeps its last word. */
  for (guint k = piece + 1; k < b; k++) {
    if (ner_title_len(ctx, k, b) != b - k)
      continue;
    g_autofree char *head = ner_join(ctx, piece, k);
    if (ner_in_lexicon(head)) {
      ner_emit(ctx, piece, k, k, titled, titled ? prev : -1);
      return;
    }
  }
  if (b > piece)
    ner_emit(ctx, piece, b, b, titled, titled ? prev : -1);
}

/* What ner_may_connect knows of the connectors and person particles: their first letters, a bit
 * each, and the bytes of the longest ("della"). Made from the lists once. */
typedef struct {
  guint32 first;
  gsize len_max;
} NerConnectShape;

static const NerConnectShape *
ner_connect_shape(void)
{
  static NerConnectShape shape;
  static gsize done;
  if (g_once_init_enter(&done)) {
    const char *const *lists[] = { name_connectors, person_particles };
    for (guint l = 0; l < G_N_ELEMENTS(lists); l++)
      for (guint k = 0; lists[l][k]; k++) {
        g_assert(lists[l][k][0] >= 'a' && lists[l][k][0] <= 'z');
        shape.first |= 1u << (lists[l][k][0] - 'a');
        shape.len_max = MAX(shape.len_max, strlen(lists[l][k]));
      }
    g_once_init_leave(&done, 1);
  }
  return &shape;
}

/* FALSE when word I is certainly no connector nor person particle (SHAPE), told from its
 * bytes: the word after every capitalised run is asked, mostly a word such as "said" whose
 * spelling no other rule needs. An ASCII first byte is the first byte of the lower-case form in lower
 * case; a word longer than any of them is no shorter in lower case unless it holds a
 * character past ASCII or a NUL (the spelling then decides). */
static inline gboolean
ner_may_connect(const NerCtx *ctx, const NerConnectShape *shape, guint i)
{
  const EgToken *t = &ctx->tok[i];
  const guchar *p = (const guchar *)ctx->text + t->start;
  gsize len = t->end - t->start;
  if (len == 0 || p[0] >= 0x80)
    return TRUE;
  guint c = (guint)ner_ascii_lower((char)p[0]);
  if (c < 'a' || c > 'z' || !((1u << (c - 'a')) & shape->first))
    return FALSE;
  if (len <= shape->len_max)
    return TRUE;
  /* a NUL ends the lower-case form as the rules read it */
  for (gsize k = 1; k < len; k++)
    if (p[k] >= 0x80 || p[k] == 0)
      return TRUE;
  return FALSE;
}

/* Cuts the capitalised run [a, b) after each person named before a connector ("Mayor Ann Lee of
 * Hamburg"), in a loop rather than by recursion: a run may hold any number of connectors. */
static void
ner_span(NerCtx *ctx, guint a, guint b)
{
  guint cut;
  while ((cut = ner_person_connector(ctx, a, b)) != 0) {
    ner_span_titles(ctx, a, cut);
    a = cut + 1;
    while (a < b && !(ctx->tok[a].flags & EG_TF_CAP))
      a++; /* "of the" */
  }
  ner_span_titles(ctx, a, b);
}

/* The first line break at or after byte FROM and before byte END of TEXT, or END. */
static inline guint32
ner_next_newline(const char *text, guint32 from, guint32 end)
{
  const char *nl = from < end ? memchr(text + from, '\n', end - from) : NULL;
  return nl ? (guint32)(nl - text) : end;
}

/* Whether token K (0 < K) is on the line of token K - 1, *NL being the first line break at or
 * after the end of token K - 1 (see ner_read); a break inside token K moves *NL past it. */
static inline gboolean
ner_same_line(const char *text, const EgToken *tok, guint k, guint32 end, guint32 *nl)
{
  /* mostly the break is past the whole token: one test */
  if (G_LIKELY(tok[k].end <= *nl))
    return TRUE;
  if (*nl < tok[k].start)
    return FALSE;
  *nl = ner_next_newline(text, tok[k].end, end);
  return TRUE;
}

/* What the document says of token I: written in brackets in capitals, "(WHO)"; capitalised in
 * mid-sentence. Adds I to CAPS (N_CAPS of them) if it is a capitalised word. */
static inline void
ner_read_doc(NerCtx *ctx, guint i, guint *caps, guint *n_caps)
{
  const EgToken *t = &ctx->tok[i];
  NerMemo *memo = ctx->memo;
  if (t->kind == EG_TOK_WORD && (t->flags & EG_TF_CAP))
    caps[(*n_caps)++] = i;
  /* the first concerns only words in capitals, which the second skips */
  if (t->flags & EG_TF_ALLCAPS) {
    if (i >= 1 && ctx->tok[i - 1].ch == '(' && i + 1 < ctx->n && ctx->tok[i + 1].ch == ')') {
      ner_spell_in_doc(memo, ner_spell_of_str(memo, ner_spell(ctx, i)))->bracketed = TRUE;
      ctx->n_bracketed++;
    }
    return;
  }
  if (t->kind != EG_TOK_WORD || !(t->flags & EG_TF_CAP) || (t->flags & EG_TF_INITIAL))
    return;
  NerSpell *sp = ner_spell(ctx, i);
  NerSpell *w = ner_spell_in_doc(memo, ner_spell_of_str(memo, sp));
  /* Only "once" and "at least twice" are asked, and a word seen before has its lower-case
   * form marked already. */
  if (w->mid_caps == 0)
    ner_spell_in_doc(memo, ner_spell_of_lower(memo, sp))->mid_lower = TRUE;
  if (w->mid_caps < 2)
    w->mid_caps++;
}

/* Reads every token once, before the search for names: fills line_first and line_kind, which
 * tokens share a line and whether the line shouts (no lower-case letter, some all-capital word
 * of three letters or more) or has no lower case; sets sport (NerSportCount); records what the
 * document says of its words (ner_read_doc). Returns the number of capitalised words, whose
 * indexes it writes to CAPS in text order: names start only there. */
static guint
ner_read(NerCtx *ctx, guint *caps)
{
  guint n_caps = 0;
  NerSportCount sport = { { FALSE }, 0 };
  const NerSportWords *sw = ner_sport_words();
  const EgToken *tok = ctx->tok;
  const char *text = ctx->text;
  guint *line_first = ctx->line_first;
  guint n = ctx->n;
  /* Line breaks are found by memchr, not in every gap between tokens: NL is the first one at
   * or after the end of the token before the one read (a break after the last token matters
   * not). */
  guint32 end = n ? tok[n - 1].end : 0;
  guint32 nl = n ? ner_next_newline(text, tok[0].end, end) : end;
  /* Each line is read in one pass: its end is found as its tokens are read (ner_same_line), and
   * its kind is written once, at its first token. */
  for (guint first = 0, k; first < n; first = k) {
    gboolean lower_word = FALSE, lower = FALSE, shout = FALSE;
    /* A table's column header: only words of one to three capitals, three or more, one of
     * them a single letter ("W D L PCT GB"). */
    guint short_caps = 0, singles = 0, others = 0;
    /* Once the line has a lower-case word and a lower-case letter and is no header, its kind
     * is settled: the words after are read only for sport words. */
    gboolean settled = FALSE;
    k = first;
    do {
      const EgToken *t = &tok[k];
      line_first[k] = first;
      /* most tokens are lower-case words and punctuation, of which the document says nothing */
      if (t->flags & (EG_TF_CAP | EG_TF_ALLCAPS))
        ner_read_doc(ctx, k, caps, &n_caps);
      if (t->kind != EG_TOK_WORD)
        continue;
      if (sport.n_seen < NER_SPORT_WORDS_MIN)
        ner_sport_word(sw, &sport, text, t);
      if (settled)
        continue;
      const char *p = text + t->start, *e = text + t->end;
      gboolean short_cap = FALSE, single = FALSE;
      /* more than 12 bytes are more than 3 characters; and once a word is no short capital
       * the line is no header, whatever its other words are: they are not measured */
      if (others == 0 && (t->flags & EG_TF_CAP) && !(t->flags & EG_TF_ABBR) && e - p <= 12) {
        glong len = 0; /* characters: bytes that start one (the text is valid UTF-8) */
        for (const char *q = p; q < e && len <= 3; q++)
          len += ((unsigned char)*q & 0xC0) != 0x80;
        single = len == 1;
        short_cap = len <= 3 && (single || (t->flags & EG_TF_ALLCAPS));
      }
      if (short_cap) {
        short_caps++;
        singles += single;
      } else {
        others++;
      }
      /* a word all in capitals has no lower-case letter to find */
      for (const char *q = p; !lower && !(t->flags & EG_TF_ALLCAPS) && q < e;) {
        if ((unsigned char)*q < 0x80) {
          lower = g_ascii_islower(*q);
          q++;
        } else {
          lower = g_unichar_islower(g_utf8_get_char(q));
          q = g_utf8_next_char(q);
        }
      }
      if (!(t->flags & EG_TF_CAP))
        lower_word = TRUE;
      if ((t->flags & EG_TF_ALLCAPS) && t->end - t->start >= 3)
        shout = TRUE;
      settled = lower && lower_word && others > 0;
    } while (++k < n && ner_same_line(text, tok, k, end, &nl));
    if (k < n)
      nl = ner_next_newline(text, tok[k].end, end);
    ctx->line_kind[first] =
      (guint8)((lower_word ? 0 : NER_LINE_NO_LOWER) | (!lower && shout ? NER_LINE_SHOUT : 0) |
               (others == 0 && short_caps >= 3 && singles >= 1 ? NER_LINE_HEADER : 0));
  }
  ctx->sport = sport.n_seen >= NER_SPORT_WORDS_MIN;
  return n_caps;
}

/* In a shouting line, whether word I may be (part of) a name: not an ordinary word, or a word the
 * document capitalises in mid-sentence elsewhere ("SHEARER" beside "Shearer said"). */
static gboolean
ner_shout_namey(const NerCtx *ctx, guint i)
{
  const EgToken *t = &ctx->tok[i];
  if (t->kind != EG_TOK_WORD || !(t->flags & EG_TF_CAP))
    return FALSE;
  if (!(t->flags & EG_TF_ALLCAPS))
    return TRUE; /* written in mixed case on purpose: "Stoke" in a table row */
  if (ner_fact(ctx, i, NER_F_MID_LOWER) || ner_fact(ctx, i, NER_F_BRACKETED))
    return TRUE;
  if (ner_fact(ctx, i, NER_F_LEXICON_TC))
    return TRUE;
  if (ner_fact(ctx, i, NER_F_FUNCTION))
    return FALSE;
  return !ner_fact(ctx, i, NER_F_ORDINARY) && ner_chars(ctx, i) >= 2;
}

/* A capitalised run [a, b) of a shouting line ("WALES BEAT SAN MARINO IN WORLD CUP QUALIFIER"):
 * capitals say nothing there, so it is cut into the places the lexicons know ("SAN MARINO") and
 * runs of words that look like names, and the ordinary words between them go. */
static void
ner_shout_span(NerCtx *ctx, guint a, guint b)
{
  guint i = a;
  while (i < b) {
    guint found = 0;
    /* Tokens apart spell the words of a place apart, its first word the first token's: a
     * token that starts no place of several words spares the lookups. */
    guint longest = MIN(4, b - i);
    if (longest >= 2 && ctx->tok[i + 1].start > ctx->tok[i].end &&
        !ner_fact(ctx, i, NER_F_PLACE_PREFIX_TC))
      longest = 0;
    for (guint k = longest; k >= 2 && !found; k--) {
      g_string_truncate(ctx->scratch, 0);
      ner_join_tc_append(ctx, ctx->scratch, i, i + k);
      if (ner_in_lexicon(ctx->scratch->str))
        found = k;
    }
    guint j = i + found;
    if (!found)
      while (j < b && ner_shout_namey(ctx, j) && (j == i || ner_joinable(ctx, j)))
        j++;
    if (j == i) {
      i++;
      continue;
    }
    ctx->in_shout = TRUE;
    ner_span(ctx, i, j);
    ctx->in_shout = FALSE;
    i = j;
  }
}

static void
ner_mention_clear(gpointer p)
{
  EgMention *m = p;
  g_free(m->name); /* the surface too: see ner_emit */
  g_free(m->canonical);
}

/* Memos not in use, for the next call on any thread (a pool rather than thread-local storage:
 * a worker thread may end, and its memo would go with it). An array, so that taking and giving
 * back a memo, once per document, allocates nothing. */
static GMutex ner_memo_lock;
static GPtrArray *ner_memo_pool;

/* A memo for one document of N tokens, its per-token arrays that are read before they are
 * written (spellings, titles) cleared: ner_read writes every token's line and every line's
 * kind before anything reads them. */
static NerMemo *
ner_memo_take(guint n)
{
  g_mutex_lock(&ner_memo_lock);
  NerMemo *memo = ner_memo_pool && ner_memo_pool->len > 0
                    ? g_ptr_array_steal_index(ner_memo_pool, ner_memo_pool->len - 1)
                    : NULL;
  g_mutex_unlock(&ner_memo_lock);
  if (!memo) {
    memo = g_new0(NerMemo, 1);
    memo->spells = g_hash_table_new_full(ner_spell_hash, ner_spell_equal, g_free, NULL);
    memo->scratch = g_string_new(NULL);
    memo->forms.str = g_string_new(NULL);
    memo->forms.lower = g_string_new(NULL);
    memo->forms.tc = g_string_new(NULL);
  }
  /* Spellings stamped with an old document number must not pass for this one's: a memo that
   * has counted all numbers, or holds too many spellings, starts afresh. */
  if (++memo->doc == 0 || g_hash_table_size(memo->spells) > NER_MEMO_MAX) {
    g_hash_table_remove_all(memo->spells);
    memo->doc = 1;
  }
  if (memo->size < n + 1) {
    memo->size = MAX(n + 1, memo->size * 2);
    g_free(memo->tok_spells);
    g_free(memo->titles);
    g_free(memo->line_first);
    g_free(memo->line_kind);
    g_free(memo->caps);
    memo->tok_spells = g_new(NerSpell *, memo->size);
    memo->titles = g_new(guint8, memo->size);
    memo->line_first = g_new(guint, memo->size);
    memo->line_kind = g_new(guint8, memo->size);
    memo->caps = g_new(guint, memo->size);
  }
  memset(memo->tok_spells, 0, (n + 1) * sizeof *memo->tok_spells);
  memset(memo->titles, 0, n + 1);
  return memo;
}

/* Puts MEMO back in the pool. */
static void
ner_memo_give(NerMemo *memo)
{
  g_mutex_lock(&ner_memo_lock);
  if (!ner_memo_pool)
    ner_memo_pool = g_ptr_array_new();
  g_ptr_array_add(ner_memo_pool, memo);
  g_mutex_unlock(&ner_memo_lock);
}

GArray *
eg_ner_find(const char *text, const EgSegmentation *seg)
{
  g_return_val_if_fail(text != NULL && seg != NULL, NULL);
  guint n = seg->tokens->len;
  const EgToken *tok = (const EgToken *)seg->tokens->data;
  NerMemo *memo = ner_memo_take(n);
  NerCtx ctx = { text, tok, n, 0, memo->line_first, memo->line_kind, FALSE, FALSE,
                 memo->mentions, 0, memo, memo->tok_spells, memo->titles, memo->scratch };
  guint *caps = memo->caps, n_caps = ner_read(&ctx, caps);
  const NerConnectShape *connect = ner_connect_shape();

  guint i = 0;
  for (guint c = 0; c < n_caps; c++) {
    if (caps[c] < i)
      continue; /* in the run before */
    i = caps[c];
    guint a = i, b = i + 1;
    for (;;) {
      if (ner_is_capword(&ctx, b) && ner_joinable(&ctx, b)) {
        b++;
        continue;
      }
      /* "Bank of England", "Bank of the West", "Hillary for America", "Johnson & Johnson" */
      if (b + 1 < ctx.n && ner_joinable(&ctx, b) && ner_joinable(&ctx, b + 1)) {
        const EgToken *c = &ctx.tok[b];
        gboolean word = c->kind == EG_TOK_WORD;
        gboolean connector = (word && !(c->flags & EG_TF_CAP) && ner_may_connect(&ctx, connect, b) &&
                              (ner_fact(&ctx, b, NER_F_CONNECTOR) ||
                               ner_fact(&ctx, b, NER_F_PARTICLE))) ||
                             (c->kind == EG_TOK_PUNCT && c->ch == '&');
        const char *w = connector && word ? ner_lower(&ctx, b) : NULL;
        guint after = b + 1;
        /* A second connector word: "of the" ("Bank of the West"), or two person particles
         * ("van der Berg", "von der Leyen", "de la Cruz"). */
        if (connector && w && after + 1 < ctx.n && ctx.tok[after].kind == EG_TOK_WORD &&
            !(ctx.tok[after].flags & EG_TF_CAP) && ner_joinable(&ctx, after + 1)) {
          const char *w2 = ner_lower(&ctx, after);
          if ((ner_streq(w, "of") && ner_streq(w2, "the")) ||
              (ner_fact(&ctx, b, NER_F_PARTICLE) && ner_fact(&ctx, after, NER_F_PARTICLE)))
            after++;
        }
        if (connector && ner_is_capword(&ctx, after)) {
          b = after + 1;
          continue;
        }
      }
      break;
    }
    if (ner_line_kind(&ctx, a) & NER_LINE_SHOUT)
      ner_shout_span(&ctx, a, b);
    else
      ner_span(&ctx, a, b);
    i = b;
  }

  ner_sport_given_names(&ctx);

  /* "Democratic National Committee (DNC)": the acronym in brackets abbreviates the name. */
  EgMention *ms = ctx.ms;
  for (guint k = 1; k < ctx.n_ms; k++) {
    EgMention *m = &ms[k], *long_m = &ms[k - 1];
    if (!(m->flags & EG_MF_ACRONYM) || m->first_token < 1 || m->end_token >= ctx.n)
      continue;
    const EgToken *open = &ctx.tok[m->first_token - 1], *close = &ctx.tok[m->end_token];
    guint long_end = long_m->end_token + ((long_m->flags & EG_MF_POSSESSIVE) ? 1 : 0);
    if (open->kind == EG_TOK_PUNCT && open->ch == '(' && close->kind == EG_TOK_PUNCT &&
        close->ch == ')' && long_end == m->first_token - 1 && long_m->n_words >= 2)
      m->defines = (gint32)(k - 1);
  }
  GArray *out = g_array_sized_new(FALSE, TRUE, sizeof(EgMention), ctx.n_ms);
  g_array_set_clear_func(out, ner_mention_clear);
  g_array_append_vals(out, ctx.ms, ctx.n_ms);
  if (memo->mentions_size > NER_KEEP_MENTIONS) {
    g_clear_pointer(&memo->mentions, g_free);
    memo->mentions_size = 0;
  }
  ner_memo_give(memo);
  return out;
}
