/* segment.c: paragraphs, sentences and tokens of one normalised document.
 *
 * Owns the rules that say where a name can end: possessive clitics are split off ("Trump’s" is
 * "Trump" + "’s"), inner hyphens and apostrophes stay ("Wasserman-Schultz", "O’Brien"), dotted
 * abbreviations keep their period ("U.S.", "Mr.", the initial "D."). A sentence ends at . ? ! or …
 * (after any closing quotes) when the next token could start a sentence; never after a title
 * abbreviation or an initial; a paragraph end always ends a sentence, so a headline or a line
 * without final punctuation is a sentence of its own.
 *
 * ASCII bytes are classed by a table (a fast path; a word's letters sixteen (SSE2) or eight bytes
 * at a time), the others by GLib's Unicode tables; the fast path takes only the words whose end
 * it settles exactly as seg_scan_word would, so the tokens are those of the general rules.
 * Runs of plain words and single spaces, the bulk of any text, take a tighter loop still
 * (seg_word_run). Tokens are numbered (sentence, paragraph, word) as they are written, in the
 * same pass; seg_sentences, the rules read over a finished paragraph, stands for the rare
 * paragraph whose numbering needs words beyond a quote.
 */
#include "text/text.h"

#include <string.h>

static inline gunichar
seg_char(const char *p, const char *end)
{
  if (p >= end)
    return 0;
  if ((unsigned char)*p < 0x80)
    return (unsigned char)*p;
  gunichar c = g_utf8_get_char_validated(p, end - p);
  return (c == (gunichar)-1 || c == (gunichar)-2) ? 0xFFFD : c;
}

static inline const char *
seg_next(const char *p, const char *end)
{
  if (p >= end)
    return end;
  if ((unsigned char)*p < 0x80)
    return p + 1;
  const char *n = g_utf8_next_char(p);
  return n > end ? end : n;
}

static inline gboolean
seg_is_wordchar(gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum(c);
  /* A byte that was not UTF-8 stands inside a word: "Bel\xffo" stays one word, not "Bel" + "o". */
  if (c == 0xFFFD)
    return TRUE;
  GUnicodeType t = g_unichar_type(c);
  return g_unichar_isalnum(c) || t == G_UNICODE_NON_SPACING_MARK ||
         t == G_UNICODE_SPACING_MARK || t == G_UNICODE_ENCLOSING_MARK;
}

/* g_unichar_isalpha, isdigit and isupper with the ASCII answers inline: most text is ASCII and
 * the GLib calls walk Unicode tables. */
static inline gboolean
seg_isalpha(gunichar c)
{
  return c < 0x80 ? g_ascii_isalpha(c) : g_unichar_isalpha(c);
}

static inline gboolean
seg_isdigit(gunichar c)
{
  return c < 0x80 ? g_ascii_isdigit(c) : g_unichar_isdigit(c);
}

static inline gboolean
seg_isupper(gunichar c)
{
  return c < 0x80 ? g_ascii_isupper(c) : g_unichar_isupper(c);
}

static inline gboolean
seg_is_space(gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\v' ||
         (c >= 0x80 && (g_unichar_isspace(c) || c == 0x00A0 || c == 0x200B || c == 0xFEFF));
}

static inline gboolean
seg_is_apostrophe(gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static inline gboolean
seg_is_hyphen(gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

/* Folds the many quotation marks and dashes to one ASCII character each, so later rules need
 * to know only one spelling. */
static gunichar
seg_fold_punct(gunichar c)
{
  switch (c) {
  case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
  case 0x2033: case 0x301D: case 0x301E: case 0xFF02:
    return '"';
  case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2039: case 0x203A: case 0x2032:
    return '\'';
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
    return '-';
  default:
    return c;
  }
}

const char *
eg_paragraph_mode_name(EgParagraphMode mode)
{
  return mode == EG_PARA_BLANK ? "blank" : mode == EG_PARA_LINE ? "line" : "auto";
}

gboolean
eg_paragraph_mode_parse(const char *s, EgParagraphMode *mode)
{
  if (g_strcmp0(s, "auto") == 0)
    *mode = EG_PARA_AUTO;
  else if (g_strcmp0(s, "blank") == 0)
    *mode = EG_PARA_BLANK;
  else if (g_strcmp0(s, "line") == 0)
    *mode = EG_PARA_LINE;
  else
    return FALSE;
  return TRUE;
}

/* Whether the letters of [s, e) are single letters separated by periods: "U.S", "D". */
static gboolean
seg_is_dotted(const char *s, const char *e)
{
  gboolean want_letter = TRUE;
  for (const char *p = s; p < e; p = seg_next(p, e)) {
    gunichar c = seg_char(p, e);
    if (want_letter) {
      if (!seg_isalpha(c))
        return FALSE;
      want_letter = FALSE;
    } else {
      if (c != '.')
        return FALSE;
      want_letter = TRUE;
    }
  }
  return !want_letter;
}

/* Whether WORD (LEN bytes) followed by its period is in the list of abbreviations ("Corp.",
 * "Sept."): only short words can be. */
static gboolean
seg_listed_abbr(const char *word, gsize len)
{
  /* the period follows the word in the text */
  return eg_wordlist_is_abbreviation(word, len + 1);
}

/* Scans one word from P; returns its end (exclusive) and sets *ABBR when a final period is part
 * of it. The possessive clitic and a plural's trailing apostrophe are left for the caller. */
static const char *
seg_scan_word(const char *p, const char *end, gboolean *abbr)
{
  const char *start = p;
  gboolean numeric = seg_isdigit(seg_char(p, end));
  /* So far single letters joined by periods ("U.S"): kept as we go, since rescanning the word at
   * every period would make "A.A.A.A..." quadratic. */
  gboolean dotted = TRUE;
  guint dotted_letters = 0; /* "U.S.A." has 3; a run of 40,000 is no abbreviation */
  *abbr = FALSE;
  for (;;) {
    const char *run = p;
    guint run_chars = 0;
    while (p < end && seg_is_wordchar(seg_char(p, end))) {
      p = seg_next(p, end);
      run_chars++;
    }
    if (run_chars != 1 || !seg_isalpha(seg_char(run, end)) || ++dotted_letters > 8)
      dotted = FALSE;
    if (p >= end)
      break;
    gunichar c = seg_char(p, end);
    const char *q = seg_next(p, end);
    gunichar c1 = seg_char(q, end);
    if (seg_is_apostrophe(c)) {
      /* "’s" followed by a non-letter is the possessive clitic, split off by the caller. */
      if ((c1 == 's' || c1 == 'S') && !seg_is_wordchar(seg_char(seg_next(q, end), end)))
        break;
      if (seg_isalpha(c1)) {
        p = q;
        dotted = FALSE;
        continue;
      }
      break;
    }
    if (seg_is_hyphen(c) && seg_is_wordchar(c1)) {
      p = q;
      dotted = FALSE;
      continue;
    }
    if ((c == '.' || c == ',') && numeric && seg_isdigit(c1)) {
      p = q;
      continue;
    }
    if (c == '.' && dotted && seg_isalpha(c1) && seg_char(seg_next(q, end), end) == '.') {
      p = q;
      continue;
    }
    if (c == '&' && !numeric && seg_isupper(c1) && seg_isupper(seg_char(start, end))) {
      p = q;
      dotted = FALSE;
      continue;
    }
    break;
  }
  if (p < end && *p == '.' && !numeric) {
    if (dotted || seg_listed_abbr(start, (gsize)(p - start))) {
      *abbr = TRUE;
      p++;
    }
  }
  return p;
}

static guint8
seg_case_flags(const char *s, const char *e)
{
  guint8 flags = 0;
  guint letters = 0, upper = 0;
  gboolean first = TRUE;
  for (const char *p = s; p < e; p = seg_next(p, e)) {
    gunichar c = seg_char(p, e);
    if (!seg_isalpha(c))
      continue;
    letters++;
    if (seg_isupper(c) || (c >= 0x80 && g_unichar_istitle(c))) {
      upper++;
      if (first && p == s)
        flags |= EG_TF_CAP;
    }
    first = FALSE;
  }
  if (letters >= 2 && upper == letters)
    flags |= EG_TF_ALLCAPS;
  return flags;
}

/* Classes of bytes, so that the common case, ASCII, takes one table lookup per byte. A byte
 * of 0x80 and above has no class: it belongs to a UTF-8 sequence, read by the slow path. */
enum {
  SEG_ALNUM = 1 << 0,
  SEG_UPPER = 1 << 1,
  SEG_LOWER = 1 << 2,
  SEG_DIGIT = 1 << 3,
  SEG_SPACE = 1 << 4,  /* as seg_is_space says for ASCII: not \r */
  SEG_PUNCT = 1 << 5,  /* any other ASCII byte, NUL and controls too: one punctuation token */
  SEG_JOIN = 1 << 6    /* punctuation that may go on a word: ' - . , & */
};

#define SEG_CLASS(c)                                                                               \
  ((c) >= 0x80                     ? 0                                                             \
   : (c) >= 'A' && (c) <= 'Z'      ? SEG_ALNUM | SEG_UPPER                                         \
   : (c) >= 'a' && (c) <= 'z'      ? SEG_ALNUM | SEG_LOWER                                         \
   : (c) >= '0' && (c) <= '9'      ? SEG_ALNUM | SEG_DIGIT                                         \
   : (c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\f' || (c) == '\v' ? SEG_SPACE            \
   : (c) == '\'' || (c) == '-' || (c) == '.' || (c) == ',' || (c) == '&' ? SEG_PUNCT | SEG_JOIN      \
                                   : SEG_PUNCT)
#define SEG_CLASS4(c) SEG_CLASS(c), SEG_CLASS((c) + 1), SEG_CLASS((c) + 2), SEG_CLASS((c) + 3)
#define SEG_CLASS16(c) SEG_CLASS4(c), SEG_CLASS4((c) + 4), SEG_CLASS4((c) + 8), SEG_CLASS4((c) + 12)
#define SEG_CLASS64(c) SEG_CLASS16(c), SEG_CLASS16((c) + 16), SEG_CLASS16((c) + 32), SEG_CLASS16((c) + 48)

static const guint8 seg_class[256] = { SEG_CLASS64(0), SEG_CLASS64(64), SEG_CLASS64(128),
                                       SEG_CLASS64(192) };

/* At most so many sentence ends of one paragraph are held on the word that no speaker follows
 * them; a paragraph with more is numbered again by the rules' first reading (seg_sentences). */
#define SEG_HELD_MAX 8

/* The segmenter's state while it walks a text: where tokens go, and what the sentence rules
 * know so far. The tokens are numbered as they are made, in the same pass: whether a sentence
 * ends is settled at the first token after a possible end that is no closing mark, and only a
 * quote followed by a speaker ("Where?" Lund asked.) needs words further on (see
 * seg_paragraph). A local of eg_segment, never handed out whole, so that it lives in
 * registers: the token writes could otherwise alias its counters. */
typedef struct {
  const char *text;
  GArray *tokens;         /* holds the tokens: its data begins the store, its len is its room */
  EgToken *w;             /* where the next token goes */
  EgToken *wend;          /* the end of the room */
  guint32 sentence;
  guint32 paragraph;
  guint32 word_index;
  guint32 sentence_from;  /* word_index where the sentence began: it has words when it grew */
  guint8 initial;         /* EG_TF_INITIAL when the next word's capital says nothing */
  guint8 ends;            /* SEG_END_*: the possible ends since the last token that is no closer */
  guint8 ends_unquoted;   /* those of them after the last closing quote */
  guint8 quoted;          /* a closing quote follows one of them */
  guint n_held;           /* sentence ends taken on the word that no speaker follows them */
  guint held[SEG_HELD_MAX];          /* the indexes of the tokens that begin those sentences */
} SegState;

/* Why a sentence may end before the next token that is no closer: a dotted abbreviation ("U.S.")
 * or a mark (. ? ! …). */
enum { SEG_END_ABBR = 1, SEG_END_MARK = 2 };

/* The tokens made so far. */
static inline guint
seg_count(const SegState *s)
{
  return (guint)(s->w - (const EgToken *)(const void *)s->tokens->data);
}

/* Doubles the room for tokens in TOKENS: rare, since the room is sized from the text's length
 * at first. (Not given the state, so that the state can live in registers.) */
static G_GNUC_NO_INLINE void
seg_grow(GArray *tokens)
{
  g_array_set_size(tokens, MAX(16, 2 * tokens->len));
}

G_ALWAYS_INLINE static inline EgToken *
seg_room(SegState *s)
{
  if (G_UNLIKELY(s->w == s->wend)) {
    gsize taken = seg_count(s);
    seg_grow(s->tokens);
    s->w = (EgToken *)(void *)s->tokens->data + taken;
    s->wend = (EgToken *)(void *)s->tokens->data + s->tokens->len;
  }
  return s->w++;
}

#if defined(__SSE2__)
#include <emmintrin.h>
#define SEG_SIXTEEN_AT_ONCE 1
/* Sixteen bytes at P at once: bit I is set when byte I is an ASCII letter or digit. (Signed
 * compares: a byte shifted so that its range begins at -128 is in the range when it is below
 * -128 + the range's size; bytes of 0x80 and above never are.) */
static inline guint
seg_word_mask16(const char *p)
{
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
  __m128i y = _mm_or_si128(v, _mm_set1_epi8(0x20)); /* letters folded to lower case */
  __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(y, _mm_set1_epi8((char)(0x80 - 'a'))),
                                  _mm_set1_epi8((char)(-128 + 26)));
  __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '0'))),
                                 _mm_set1_epi8((char)(-128 + 10)));
  return (guint)_mm_movemask_epi8(_mm_or_si128(letter, digit));
}
#endif

#if defined(__GNUC__) && G_BYTE_ORDER == G_LITTLE_ENDIAN
#define SEG_WORDS_AT_ONCE 1
/* Eight bytes W at once: returns the high bit of each byte that is no ASCII letter or digit.
 * (Each byte's sums stay below 0x100, so no carry crosses into the next byte.) A word's end is
 * then found without a branch per byte, whose misprediction at the end of every word cost more
 * than the loop. */
static inline guint64
seg_word_stops(guint64 w)
{
  const guint64 ones = 0x0101010101010101u, highs = ones * 0x80;
  guint64 x = w & ~highs;
  guint64 y = x | (ones * 0x20);                                     /* letters folded to lower case */
  guint64 digit = (x + ones * (0x80 - '0')) & ~(x + ones * (0x80 - '9' - 1));
  guint64 letter = (y + ones * (0x80 - 'a')) & ~(y + ones * (0x80 - 'z' - 1));
  return ~((digit | letter) & ~w) & highs;
}
#endif

/* The end of the word at P whose run of ASCII letters and digits ends at Q (<= E), as
 * seg_ascii_word says. */
static inline const char *
seg_word_end(const char *p, const char *q, const char *e, gboolean *abbr)
{
  *abbr = FALSE;
  if (q == e)
    return q;
  guchar c = (guchar)*q;
  guint8 kc = seg_class[c];
  if (!(kc & SEG_JOIN))
    return kc ? q : NULL; /* a byte that is not ASCII may go on the word */
  gboolean number = (seg_class[(guchar)*p] & SEG_DIGIT) != 0;
  if (c == ',' || c == '.') {
    /* A digit after it goes on a number ("33,000", "1.5"); a byte that is not ASCII may be
     * a digit too. */
    guint8 next = q + 1 < e ? seg_class[(guchar)q[1]] : SEG_PUNCT;
    if (number)
      return next == 0 || (next & SEG_DIGIT) ? NULL : q;
    if (c == ',')
      return q;
    /* A period after one letter makes an initial or "U.S.": seg_scan_word says which. */
    if (q - p < 2)
      return NULL;
    if (seg_listed_abbr(p, (gsize)(q - p))) {
      *abbr = TRUE;
      return q + 1;
    }
    return q;
  }
  return NULL;
}

/* The fast path of seg_scan_word. P is an ASCII letter or digit in [P, E). Returns the end of
 * the word there when the bytes after its run of ASCII letters and digits settle it as
 * seg_scan_word would (a space, most punctuation, a comma after a word, a period after a
 * number or after a word of two letters or more, which keeps it when the word is a listed
 * abbreviation: then *ABBR is set), else NULL: a hyphen, an apostrophe, "&", a decimal point,
 * a letter and a period ("U.S.", "D.") and a byte that is not ASCII go to seg_scan_word.
 * STOPS: *E is a byte that is no letter or digit, so the scan need not compare with E; then the
 * bytes up to LIMIT (the text's end) may be read, else LIMIT is E. Time: linear in the word's
 * length. */
static inline const char *
seg_ascii_word(const char *p, const char *e, const char *limit, gboolean stops, gboolean *abbr)
{
  const char *q = p;
#ifdef SEG_SIXTEEN_AT_ONCE
  for (; limit - q >= 16; q += 16) {
    guint word = seg_word_mask16(q);
    if (word != 0xFFFF) {
      q += __builtin_ctz(~word);
      goto ended;
    }
  }
#endif
#ifdef SEG_WORDS_AT_ONCE
  for (; limit - q >= 8; q += 8) {
    guint64 w;
    memcpy(&w, q, 8);
    guint64 stop = seg_word_stops(w);
    if (stop) {
      q += __builtin_ctzll(stop) / 8;
      goto ended;
    }
  }
#endif
  if (stops) {
    while (seg_class[(guchar)*q] & SEG_ALNUM)
      q++;
  } else {
    while (q < e && (seg_class[(guchar)*q] & SEG_ALNUM))
      q++;
  }
#if defined(SEG_SIXTEEN_AT_ONCE) || defined(SEG_WORDS_AT_ONCE)
ended:
#endif
  return seg_word_end(p, q, e, abbr);
}

/* The case flags of the ASCII word [P, WE) whose first byte is of class K. */
static inline guint8
seg_ascii_case_flags(const char *p, const char *we, guint8 k)
{
  if (!(k & SEG_UPPER))
    return 0;
  /* Only a word that begins with a capital can be all capitals; its second byte mostly settles
   * it. */
  guint letters = 1;
  const char *r = p + 1;
  for (; r < we; r++) {
    guint8 kr = seg_class[(guchar)*r];
    if (kr & SEG_LOWER)
      break;
    letters += (kr & SEG_UPPER) != 0;
  }
  return r == we && letters >= 2 ? EG_TF_CAP | EG_TF_ALLCAPS : EG_TF_CAP;
}

/* Writes the token [S, E) of TEXT at W. */
G_ALWAYS_INLINE static inline void
seg_put(EgToken *w, const char *text, const char *s, const char *e, guint32 sentence,
        guint32 paragraph, guint32 word_index, guint8 kind, guint8 flags, gunichar ch)
{
  w->start = (guint32)(s - text);
  w->end = (guint32)(e - text);
  w->sentence = sentence;
  w->paragraph = paragraph;
  w->word_index = word_index;
  w->kind = kind;
  w->flags = flags;
  w->ch = ch;
}

/* The sentence rules' questions of one token, asked both as tokens are written (seg_emit_*)
 * and by the rules' reading of a finished paragraph (seg_sentences). */

/* Whether a token of KIND, FLAGS and CH closes what came before: a sentence mark, a closing
 * quote or bracket. */
static inline gboolean
seg_closes(guint8 kind, guint8 flags, gunichar ch)
{
  return kind == EG_TOK_PUNCT &&
         ((flags & (EG_TF_CLOSE_QUOTE | EG_TF_SENT_END)) || ch == ')' || ch == ']');
}

/* Whether the punctuation FLAGS, CH makes the next word's capital say nothing: an opening
 * quote, a colon, a dash or a bullet. */
static inline gboolean
seg_starts_clause(guint8 flags, gunichar ch)
{
  return (flags & EG_TF_OPEN_QUOTE) || ch == ':' || ch == '-' || ch == 0x2022;
}

/* Whether the word [S, E) of KIND and FLAGS is a dotted abbreviation ("U.S."), after which a
 * sentence may end. */
static inline gboolean
seg_abbr_may_end(const char *s, const char *e, guint8 kind, guint8 flags)
{
  return (flags & EG_TF_ABBR) && kind == EG_TOK_WORD && e - s > 2 && seg_is_dotted(s, e - 1);
}

#ifdef SEG_SIXTEEN_AT_ONCE

/* Appends the words from P, an ASCII letter or digit in [P, E), with the commas after them and
 * the single spaces between them, for as long as each word is settled by seg_word_end and is
 * no abbreviation, the next word is at hand and the room lasts; LIMIT as for seg_ascii_word.
 * The bulk of any text: so that it takes few instructions, no possible sentence end may be
 * pending (ST->ends is 0), none follows such a word or comma, and the loop's values stay in
 * registers. Returns where it stopped: P itself when it took nothing, else after the last word,
 * comma or space it took. */
G_ALWAYS_INLINE static inline const char *
seg_word_run(SegState *st, const char *p, const char *e, const char *limit)
{
  EgToken *w = st->w;
  gsize room = (gsize)(st->wend - w), span = (gsize)(limit - p);
  if (span < 16 || room < 2)
    return p;
  /* A word may start up to STOP: its sixteen bytes can be read, and as every token takes a byte
   * at least, the room lasts. */
  const char *stop = p + MIN(span - 16, room - 2);
  const char *text = st->text;
  guint32 sentence = st->sentence, paragraph = st->paragraph, word_index = st->word_index;
  guint8 initial = st->initial;
  do {
    guint word = seg_word_mask16(p);
    if (word == 0xFFFF)
      break;
    const char *we = p + __builtin_ctz(~word);
    guint8 k = seg_class[(guchar)*p];
    guint8 kind = (k & SEG_DIGIT) ? EG_TOK_NUMBER : EG_TOK_WORD;
    if (G_LIKELY(*we == ' ' && we + 1 < e)) {
      /* the usual word and space */
      seg_put(w++, text, p, we, sentence, paragraph, word_index++, kind,
              seg_ascii_case_flags(p, we, k) | initial, 0);
      initial = 0;
      p = we + 1;
    } else {
      gboolean abbr;
      we = seg_word_end(p, we, e, &abbr);
      if (!we || abbr)
        break;
      seg_put(w++, text, p, we, sentence, paragraph, word_index++, kind,
              seg_ascii_case_flags(p, we, k) | initial, 0);
      initial = 0;
      p = we;
      if (p < e && *p == ',') {
        seg_put(w++, text, p, p + 1, sentence, paragraph, word_index, EG_TOK_PUNCT, 0, ',');
        p++;
      }
      if (e - p < 2 || *p != ' ')
        break;
      p++;
    }
    if (!(seg_class[(guchar)*p] & SEG_ALNUM))
      break;
  } while (p <= stop);
  st->w = w;
  st->word_index = word_index;
  st->initial = initial;
  return p;
}
#endif

static gboolean
seg_is_closer(const EgToken *t)
{
  return seg_closes(t->kind, t->flags, t->ch);
}

/* Whether a token of KIND, FLAGS and CH could open a sentence: a capitalised word, a number or
 * an opening mark. */
static inline gboolean
seg_opens(guint8 kind, guint8 flags, gunichar ch)
{
  if (kind == EG_TOK_WORD)
    return (flags & EG_TF_CAP) != 0;
  if (kind == EG_TOK_NUMBER)
    return TRUE;
  return kind == EG_TOK_PUNCT && ((flags & EG_TF_OPEN_QUOTE) || ch == '(' || ch == '[');
}

static gboolean
seg_can_open(const EgToken *t)
{
  return seg_opens(t->kind, t->flags, t->ch);
}

/* Whether the word [S, E) is a function word ("The", "In"). */
static gboolean
seg_function_word(const char *s, const char *e)
{
  g_autofree char *lower = eg_text_lower(s, e - s);
  return (eg_wordlist_lists(lower) & EG_WL_FUNCTION) != 0;
}

/* Whether the words from M of the N tokens TOK are a speaker and a verb of saying: after a
 * closing quote, “Where are they?” Lund asked. / ...,” Sen. Jane Doe said. */
static gboolean
seg_speaker(const EgToken *tok, guint n, const char *text, guint m)
{
  /* The speaker is a name: "Nobody answered." after a question is a sentence of its own. */
  if (m < n && tok[m].kind == EG_TOK_WORD &&
      seg_function_word(text + tok[m].start, text + tok[m].end))
    return FALSE;
  for (guint j = m; j < n && j < m + 5; j++) {
    if (tok[j].kind != EG_TOK_WORD)
      return FALSE;
    if (!(tok[j].flags & EG_TF_CAP)) {
      g_autofree char *lower = eg_text_lower(text + tok[j].start, tok[j].end - tok[j].start);
      return j > m && eg_is_speech_verb(lower);
    }
  }
  return FALSE;
}

/* Whether a closing quote lies in [k, m) of the N tokens TOK and the words from M are a
 * speaker and a verb of saying. */
static gboolean
seg_quote_then_speaker(const EgToken *tok, guint n, const char *text, guint k, guint m)
{
  gboolean quoted = FALSE;
  for (guint j = k; j < m; j++)
    if (tok[j].flags & EG_TF_CLOSE_QUOTE)
      quoted = TRUE;
  return quoted && seg_speaker(tok, n, text, m);
}

/* The sentence rules read over the N tokens TOK from FIRST (one paragraph): splits them into
 * sentences, numbers their paragraph and words, and marks the words whose capital letter says
 * nothing about them. The numbering of the seg_emit_* functions as the tokens are written gives
 * the same numbers; this reading stands for it in a paragraph where a speaker follows a quote. */
static void
seg_sentences(EgToken *tok, guint n, const char *text, guint first, guint32 *sentence_io,
              guint32 paragraph, guint32 *word_index_io)
{
  /* (locals: the writes to the tokens could otherwise alias them) */
  guint32 sentence = *sentence_io, word_index = *word_index_io;
  gboolean pending_initial = TRUE;
  guint words_in_sentence = 0;
  for (guint k = first; k < n; k++) {
    EgToken *t = &tok[k];
    t->sentence = sentence;
    t->paragraph = paragraph;
    t->word_index = word_index;
    gboolean may_end;
    if (t->kind == EG_TOK_WORD || t->kind == EG_TOK_NUMBER) {
      word_index++;
      if (pending_initial)
        t->flags |= EG_TF_INITIAL;
      pending_initial = FALSE;
      words_in_sentence++;
      may_end = seg_abbr_may_end(text + t->start, text + t->end, t->kind, t->flags);
    } else if (t->kind == EG_TOK_PUNCT) {
      if (seg_starts_clause(t->flags, t->ch))
        pending_initial = TRUE;
      may_end = (t->flags & EG_TF_SENT_END) != 0;
    } else {
      may_end = FALSE;
    }
    if (!may_end)
      continue;
    guint m = k + 1;
    while (m < n && seg_is_closer(&tok[m]))
      m++;
    if (m >= n) {
      /* (closers: no words) */
      for (guint j = k + 1; j < n; j++) {
        tok[j].sentence = sentence;
        tok[j].paragraph = paragraph;
        tok[j].word_index = word_index;
      }
      break; /* the paragraph end closes the sentence */
    }
    gboolean boundary = seg_can_open(&tok[m]);
    if (boundary && seg_quote_then_speaker(tok, n, text, k + 1, m))
      boundary = FALSE;
    if (boundary && t->kind == EG_TOK_WORD) {
      /* "U.S. officials" goes on, "in the U.S. The next day" ends: only a capitalised function
       * word after a dotted abbreviation is taken as a new sentence. */
      boundary = tok[m].kind == EG_TOK_WORD &&
                 seg_function_word(text + tok[m].start, text + tok[m].end);
    }
    if (!boundary)
      continue;
    for (guint j = k + 1; j < m; j++) {
      tok[j].sentence = sentence;
      tok[j].paragraph = paragraph;
      tok[j].word_index = word_index;
    }
    k = m - 1;
    /* Punctuation alone ("* * *", a stray quote) is no sentence: it joins the next one, so that
     * it does not count as a window. */
    if (words_in_sentence > 0)
      sentence++;
    words_in_sentence = 0;
    pending_initial = TRUE;
  }
  if (words_in_sentence > 0)
    sentence++;
  *sentence_io = sentence;
  *word_index_io = word_index;
}

/* Whether a sentence ends before the token [S, E) of KIND, FLAGS and CH, the first since
 * possible ends ENDS (SEG_END_*, UNQUOTED of them after the last closing quote: QUOTED says
 * there is one) that is no closer: 0 no, 1 yes, 2 yes unless a speaker follows the quote,
 * which only the words after it tell. The answer seg_sentences gives, which asks at each possible
 * end in turn until one ends the sentence. Rare: a sentence ends every twenty tokens. */
static G_GNUC_NO_INLINE guint
seg_decide(const char *s, const char *e, guint8 kind, guint8 flags, gunichar ch, guint8 ends,
           guint8 unquoted, gboolean quoted)
{
  if (!seg_opens(kind, flags, ch))
    return 0;
  /* After an abbreviation, only a capitalised function word begins a sentence (seg_sentences). */
  if (!(ends & SEG_END_MARK) && !(kind == EG_TOK_WORD && seg_function_word(s, e)))
    return 0;
  /* A speaker after the quote keeps the sentence going, unless a mark after the quote ends it
   * anyway: "Go." . Lund said. */
  return quoted && !(unquoted & SEG_END_MARK) ? 2 : 1;
}

/* Settles the possible sentence ends before the token [S, E) of KIND, FLAGS and CH about to be
 * written, which is no closer. */
G_ALWAYS_INLINE static inline void
seg_settle(SegState *st, const char *s, const char *e, guint8 kind, guint8 flags, gunichar ch)
{
  if (G_LIKELY(!st->ends))
    return;
  guint d = seg_decide(s, e, kind, flags, ch, st->ends, st->ends_unquoted, st->quoted);
  st->ends = st->ends_unquoted = st->quoted = 0;
  if (!d)
    return;
  if (d == 2) {
    if (st->n_held < SEG_HELD_MAX)
      st->held[st->n_held] = seg_count(st);
    st->n_held++;
  }
  /* Punctuation alone ("* * *", a stray quote) is no sentence: it joins the next one, so that
   * it does not count as a window. */
  if (st->word_index > st->sentence_from)
    st->sentence++;
  st->sentence_from = st->word_index;
  st->initial = EG_TF_INITIAL;
}

/* Appends the word or number [S, E) of KIND with FLAGS. */
G_ALWAYS_INLINE static inline void
seg_emit_word(SegState *st, const char *s, const char *e, guint8 kind, guint8 flags)
{
  seg_settle(st, s, e, kind, flags, 0);
  seg_put(seg_room(st), st->text, s, e, st->sentence, st->paragraph, st->word_index, kind,
          flags | st->initial, 0);
  st->word_index++;
  st->initial = 0;
  if (G_UNLIKELY(flags & EG_TF_ABBR) && seg_abbr_may_end(s, e, kind, flags))
    st->ends = st->ends_unquoted = SEG_END_ABBR;
}

/* Appends the punctuation [S, E), CH (folded) with FLAGS. */
G_ALWAYS_INLINE static inline void
seg_emit_punct(SegState *st, const char *s, const char *e, guint8 flags, gunichar ch)
{
  gboolean closer = seg_closes(EG_TOK_PUNCT, flags, ch);
  if (!closer)
    seg_settle(st, s, e, EG_TOK_PUNCT, flags, ch);
  seg_put(seg_room(st), st->text, s, e, st->sentence, st->paragraph, st->word_index,
          EG_TOK_PUNCT, flags, ch);
  if (closer) {
    if (flags & EG_TF_SENT_END) {
      st->ends |= SEG_END_MARK;
      st->ends_unquoted |= SEG_END_MARK;
    } else if ((flags & EG_TF_CLOSE_QUOTE) && st->ends) {
      st->quoted = 1;
      st->ends_unquoted = 0;
    }
  } else if (seg_starts_clause(flags, ch)) {
    st->initial = EG_TF_INITIAL;
  }
}

/* Appends the possessive clitic [S, E). */
G_ALWAYS_INLINE static inline void
seg_emit_possessive(SegState *st, const char *s, const char *e)
{
  seg_settle(st, s, e, EG_TOK_POSSESSIVE, 0, 0);
  seg_put(seg_room(st), st->text, s, e, st->sentence, st->paragraph, st->word_index,
          EG_TOK_POSSESSIVE, 0, 0);
}

/* Tokenises one paragraph [s, e) of a text ending at END, and appends and numbers its tokens. */
G_ALWAYS_INLINE static inline void
seg_tokenise(SegState *st, const char *s, const char *e, const char *end)
{
  /* A paragraph ends at the text's end, or before a line break or a blank. */
  gboolean stops = e < end;
  const char *limit = stops ? end : e;
  const char *p = s;
  gunichar prev = ' ';
  while (p < e) {
    guint8 k = seg_class[(guchar)*p];
#ifdef SEG_SIXTEEN_AT_ONCE
    if ((k & SEG_ALNUM) && !st->ends) {
      const char *q = seg_word_run(st, p, e, limit);
      if (q != p) {
        prev = q[-1] == ' ' || q[-1] == ',' ? (guchar)q[-1] : 'a';
        p = q;
        continue;
      }
    }
#endif
    if (k & SEG_SPACE) {
      prev = ' ';
      p++;
      continue;
    }
    if (k & SEG_PUNCT) {
      /* ASCII punctuation folds to itself. */
      gunichar f = (guchar)*p;
      guint8 flags = 0;
      if (f == '.' || f == '?' || f == '!')
        flags = EG_TF_SENT_END;
      else if (f == '"' || f == '\'')
        flags = prev == ' ' || prev == '(' || prev == '[' || prev == '-' ? EG_TF_OPEN_QUOTE
                                                                         : EG_TF_CLOSE_QUOTE;
      seg_emit_punct(st, p, p + 1, flags, f);
      prev = f;
      p++;
      continue;
    }
    const char *we = NULL;
    gboolean abbr = FALSE;
    guint8 flags = 0;
    gboolean number = FALSE;
    if (k & SEG_ALNUM) {
      we = seg_ascii_word(p, e, limit, stops, &abbr);
      if (we) {
        number = (k & SEG_DIGIT) != 0;
        flags = seg_ascii_case_flags(p, we, k);
        if (abbr)
          flags |= EG_TF_ABBR;
        seg_emit_word(st, p, we, number ? EG_TOK_NUMBER : EG_TOK_WORD, flags);
        p = we;
        prev = 'a';
        /* Only a period can be followed by a clitic ("Corp.'s"); any other end is no quote. */
        if (!abbr) {
          if (p < e && *p == ' ') { /* the usual space before the next word */
            prev = ' ';
            p++;
          }
          continue;
        }
      }
    }
    gunichar c = 0;
    if (!we) {
      c = seg_char(p, e);
      if (seg_is_space(c)) {
        prev = ' ';
        p = seg_next(p, e);
        continue;
      }
    }
    if (we || seg_is_wordchar(c)) {
      if (!we) {
        we = seg_scan_word(p, e, &abbr);
        number = seg_isdigit(c);
        flags = number ? 0 : seg_case_flags(p, we);
        if (abbr)
          flags |= EG_TF_ABBR;
        seg_emit_word(st, p, we, number ? EG_TOK_NUMBER : EG_TOK_WORD, flags);
        p = we;
        prev = 'a';
      }
      gunichar a = seg_char(p, e);
      if (p < e && seg_is_apostrophe(a)) {
        const char *q = seg_next(p, e);
        gunichar s1 = seg_char(q, e);
        if ((s1 == 's' || s1 == 'S') && !seg_is_wordchar(seg_char(seg_next(q, e), e))) {
          seg_emit_possessive(st, p, seg_next(q, e));
          p = seg_next(q, e);
        } else if (we > s && (we[-1] == 's' || we[-1] == 'S') && !seg_is_wordchar(s1)) {
          /* "Russians’ ": a plural possessive, not a closing quote. */
          seg_emit_possessive(st, p, q);
          p = q;
        }
      }
      continue;
    }
    const char *q = seg_next(p, e);
    gunichar f = seg_fold_punct(c);
    flags = 0;
    if (f == '.' || f == '?' || f == '!' || f == 0x2026)
      flags |= EG_TF_SENT_END;
    if (f == '"' || f == '\'') {
      gboolean opening;
      if (c == 0x201C || c == 0x2018 || c == 0x201E || c == 0x00AB)
        opening = TRUE;
      else if (c == 0x201D || c == 0x2019 || c == 0x00BB)
        opening = FALSE;
      else
        opening = prev == ' ' || prev == '(' || prev == '[' || prev == '-';
      flags |= opening ? EG_TF_OPEN_QUOTE : EG_TF_CLOSE_QUOTE;
    }
    seg_emit_punct(st, p, q, flags, f);
    prev = f;
    p = q;
  }
}

/* Whether the line [s, e) holds only white space. */
static gboolean
seg_line_blank(const char *s, const char *e)
{
  for (const char *p = s; p < e; p++)
    if (*p != ' ' && *p != '\t' && *p != '\f' && *p != '\v' && *p != '\r')
      return FALSE;
  return TRUE;
}

/* Tokenises the paragraph [S, E) of a text ending at END and ends its last sentence. */
G_ALWAYS_INLINE static inline void
seg_paragraph(SegState *st, const char *s, const char *e, const char *end)
{
  guint first = seg_count(st);
  guint32 sentence = st->sentence, word_index = st->word_index;
  st->sentence_from = word_index;
  st->initial = EG_TF_INITIAL;
  st->ends = st->ends_unquoted = st->quoted = 0;
  st->n_held = 0;
  seg_tokenise(st, s, e, end);
  guint n = seg_count(st);
  if (n == first)
    return;
  EgToken *tok = (EgToken *)(void *)st->tokens->data;
  /* A sentence end taken on the word that no speaker follows its quote: when one does, the
   * paragraph is numbered again by the rules' first reading. */
  gboolean again = st->n_held > SEG_HELD_MAX;
  for (guint i = 0; !again && i < st->n_held; i++)
    again = seg_speaker(tok, n, st->text, st->held[i]);
  if (G_UNLIKELY(again)) {
    for (guint i = first; i < n; i++)
      tok[i].flags &= (guint8)~EG_TF_INITIAL;
    seg_sentences(tok, n, st->text, first, &sentence, st->paragraph, &word_index);
    st->sentence = sentence;
    st->word_index = word_index;
  } else if (st->word_index > st->sentence_from) {
    st->sentence++;
  }
  st->paragraph++;
}

static void
seg_free(gpointer data)
{
  EgSegmentation *seg = data;
  g_array_free(seg->tokens, TRUE);
  g_free(seg);
}

/* A segmentation the thread has freed, kept for its next text with its store of tokens: a new
 * store for every news article, a few kilobytes each, cost a fifth as much as tokenising it.
 * Only a store sized for up to SEG_SPARE_MAX tokens is kept, so that one long document does
 * not hold on to its memory (a long text of few tokens too: the store is sized from the
 * text's length). */
static GPrivate seg_spare = G_PRIVATE_INIT(seg_free);
#define SEG_SPARE_MAX (256u * 1024u)

EgSegmentation *
eg_segment(const char *text, gsize len, EgParagraphMode mode)
{
  g_return_val_if_fail(text != NULL || len == 0, NULL);
  const char *end = text + len;
  if (mode == EG_PARA_AUTO) {
    mode = EG_PARA_LINE;
    /* Blank lines, where present, mark paragraphs; then single line breaks are only wrapping. */
    gboolean seen_text = FALSE;
    for (const char *p = text; p < end;) {
      const char *nl = memchr(p, '\n', (gsize)(end - p));
      const char *le = nl ? nl : end;
      if (seg_line_blank(p, le) && seen_text && nl) {
        mode = EG_PARA_BLANK;
        break;
      }
      if (!seg_line_blank(p, le))
        seen_text = TRUE;
      p = nl ? nl + 1 : end;
    }
  }

  EgSegmentation *seg = g_private_get(&seg_spare);
  if (seg) {
    g_private_set(&seg_spare, NULL);
  } else {
    seg = g_new0(EgSegmentation, 1);
    seg->tokens = g_array_sized_new(FALSE, FALSE, sizeof(EgToken), len / 5 + 16);
  }
  g_array_set_size(seg->tokens, len / 5 + 16);
  SegState st = { .text = text, .tokens = seg->tokens, .w = (EgToken *)(void *)seg->tokens->data,
                  .wend = (EgToken *)(void *)seg->tokens->data + seg->tokens->len };

  const char *para_start = NULL;
  for (const char *p = text; p <= end;) {
    const char *nl = p < end ? memchr(p, '\n', (gsize)(end - p)) : NULL;
    const char *le = nl ? nl : end;
    gboolean blank = seg_line_blank(p, le);
    gboolean last = nl == NULL;
    if (!blank && !para_start)
      para_start = p;
    gboolean close = para_start && (last || (mode == EG_PARA_LINE ? TRUE : blank));
    if (close) {
      const char *para_end = (mode == EG_PARA_LINE || last) ? le : p;
      seg_paragraph(&st, para_start, para_end, end);
      para_start = NULL;
    }
    if (last)
      break;
    p = nl + 1;
  }
  seg->store = MAX(seg->store, seg->tokens->len); /* the store's length is at its most here */
  g_array_set_size(seg->tokens, seg_count(&st));
  seg->n_sentences = st.sentence;
  seg->n_paragraphs = st.paragraph;
  return seg;
}

void
eg_segmentation_free(EgSegmentation *seg)
{
  if (!seg)
    return;
  if (seg->store <= SEG_SPARE_MAX && !g_private_get(&seg_spare)) {
    g_private_set(&seg_spare, seg);
    return;
  }
  seg_free(seg);
}
