/* text.h: the text stage's contract: reading sources into documents, UTF-8 checks and
 * normalisation, and segmentation into paragraphs, sentences and tokens.
 *
 * Invariants: a document's text handed to the later stages is valid UTF-8 in NFC with "\n" line
 * ends; every token is a byte range of that text; sentence and paragraph numbers grow with
 * the token index and start at 0 in each document.
 */
#ifndef EG_TEXT_H
#define EG_TEXT_H

#include <gio/gio.h>

#include "entgraph.h"

/* ---- word lists (embedded lexicons) ------------------------------------------------------- */

/* The embedded lists, as bits of eg_wordlist_lists. */
typedef enum {
  EG_WL_ABBREVIATIONS = 1 << 0, /* abbreviations.txt */
  EG_WL_CALENDAR = 1 << 1,      /* calendar.txt */
  EG_WL_COMMON = 1 << 2,        /* common_words.txt */
  EG_WL_FUNCTION = 1 << 3,      /* function_words.txt */
  EG_WL_GIVEN = 1 << 4,         /* given_names.txt */
  EG_WL_NATIONALITIES = 1 << 5, /* nationalities.tsv */
  EG_WL_ORG_CUES = 1 << 6,      /* org_cues.txt */
  EG_WL_PLACES = 1 << 7,        /* places.tsv */
  EG_WL_TEAM = 1 << 8,          /* team_words.txt */
  EG_WL_TITLES = 1 << 9,        /* titles.txt */
  EG_WL_TITLE_PREFIX = 1 << 10, /* first words of a title of several: "Prime" ("Prime Minister") */
  EG_WL_SPEECH = 1 << 11,       /* eg_is_speech_verb */
  EG_WL_PLACE_PREFIX = 1 << 12  /* first words of a place or nationality of several: "New" */
} EgWordlistBits;

/* The EgWordlistBits of the lists that hold WORD exactly (for lists of lower-case words pass a
 * lower-case word), 0 for none: one lookup for every list. Thread-safe; can't fail. */
guint32 eg_wordlist_lists(const char *word);

/* Whether the LEN bytes at WORD (not NUL-terminated, its final period included: "Corp.") are a
 * word of abbreviations.txt. Most words are answered without a lookup. Thread-safe; can't
 * fail. */
gboolean eg_wordlist_is_abbreviation(const char *word, gsize len);

/* The values of a .tsv resource: its first column -> the rest of the line (the first line of a
 * key that comes more than once). Returns a hash table (transfer none: cached for the life of
 * the process, thread-safe to read). Aborts if the resource is missing or no .tsv list: the
 * lexicons are compiled into the library. */
GHashTable *eg_wordlist_get(const char *name);

/* Whether WORD is in the named list (exactly: for lists of lower-case words pass a lower-case
 * word). This function can't fail. */
gboolean eg_wordlist_has(const char *name, const char *word);

/* STR (LEN bytes, or -1 for NUL-terminated) in lower case, whatever the locale: g_utf8_strdown
 * follows the locale, and under tr_TR "In" would become "ın" and miss every word list.
 * Returns a new string (transfer full). This function can't fail. */
char *eg_text_lower(const char *str, gssize len);
/* Appends STR (LEN bytes) to OUT in lower case, as eg_text_lower spells it, for callers that
 * look up many words and reuse one buffer. This function can't fail. */
void eg_text_lower_append(GString *out, const char *str, gsize len);

/* Whether LOWER (a lower-case word) is a verb of saying: "said", "asked", "told", ... A quote
 * followed by "Trump said" stays one sentence with it; "Sullivan said" leans to a person. */
gboolean eg_is_speech_verb(const char *lower);

/* ---- sources -------------------------------------------------------------------------------- */

/* Longest JSON Lines line accepted; longer lines are reported (EG_ERROR_TOO_LONG) and skipped. */
#define EG_JSONL_MAX_LINE (64u * 1024u * 1024u)
/* A plain-text document longer than this is handed over in parts of at most this size, cut at
 * a paragraph break where there is one, so memory does not grow with the document. */
#define EG_DOCUMENT_PART (1024u * 1024u)

typedef struct {
  const char *id;     /* file path, "-" for stdin, or the JSON id field / "FILE:LINE" */
  const char *text;   /* normalised UTF-8 (see the invariants above) */
  gsize len;          /* bytes of text */
  guint part;         /* 0, or the number of this part of a long document */
  gboolean last;      /* the document's last (or only) part */
  guint32 day;        /* its date (eg_date_parse), 0 when it has none */
} EgDocument;

typedef struct {
  gboolean jsonl;            /* one JSON object per line */
  const char *text_field;    /* default "text" */
  const char *id_field;      /* default "id"; absent ids become "FILE:LINE" */
  gboolean dedup;            /* skip documents whose text was read before */
  const char *date_field;    /* JSON Lines: the field holding a document's date; default "date" */
  gboolean need_date;        /* report and skip documents without a usable date (--slice) */
  gboolean html;             /* every input is a web page (else by name: .html, .htm) */
} EgSourceOptions;

/* Called once per document, in input order; the document lives only during the call. */
typedef void (*EgDocumentFunc)(const EgDocument *doc, gpointer user_data);
/* Called for every problem; FATAL is TRUE when some input was not read at all. */
typedef void (*EgReportFunc)(const GError *error, gboolean fatal, gpointer user_data);

/* Reads every input (a file, ".gz" ones decompressed, a folder read recursively for *.txt,
 * *.html and *.htm, each also gzipped (or *.jsonl, *.jsonl.gz) in byte order of names, or "-" for
 * stdin) and calls DOC_FN(doc, DOC_DATA) per document. Web pages (by name, or every input with
 * OPTIONS->html; with jsonl: the text field) are read through the HTML extractor below. Problems go to REPORT_FN, and the batch goes on.
 * Returns the number of fatal problems (0 when every input was read). */
guint eg_sources_read(const char *const *inputs, const EgSourceOptions *options,
                      EgDocumentFunc doc_fn, gpointer doc_data,
                      EgReportFunc report_fn, gpointer report_data);

/* Reads one already opened stream IN, named NAME in messages, as eg_sources_read reads a file
 * (JSON Lines or one text document, as OPTIONS say; no --dedup). For callers with bytes in hand
 * (tests, fuzzing). Returns the number of fatal problems. */
guint eg_sources_read_stream(GInputStream *in, const char *name, const EgSourceOptions *options,
                             EgDocumentFunc doc_fn, gpointer doc_data, EgReportFunc report_fn,
                             gpointer report_data);

/* Normalises one document's raw bytes: repairs invalid UTF-8 (sets *REPAIRED), turns CRLF and CR
 * into LF, and applies NFC. Returns a new string (transfer full, g_free) and its length. */
char *eg_text_normalise(const char *raw, gsize len, gsize *out_len, gboolean *repaired);

/* ---- dates -------------------------------------------------------------------------------- */

/* The periods of --slice. */
typedef enum { EG_SLICE_NONE, EG_SLICE_DAY, EG_SLICE_WEEK, EG_SLICE_MONTH, EG_SLICE_YEAR } EgSlice;

/* Room for a period's name: "2016-07-25", "2016-W30", "2016-07", "2016". */
#define EG_PERIOD_MAX 16

/* The day S (LEN bytes) names, as a GDate Julian day number, or 0 when it is no date this reads:
 * "2016-07-25" or "2016/07/25" (a time may follow: "2016-07-25T14:03:00Z"), "July 25, 2016",
 * "Jul. 25 2016", "25 July 2016", "25th of July, 2016", any of them after a weekday ("Monday, ")
 * or before a time of day (RFC 2822: "Mon, 25 Jul 2016 14:03:00 +0000"). English month names,
 * any case. The date is taken as written: the time and its zone do not move it. */
guint32 eg_date_parse(const char *s, gsize len);
/* The UTC day of the Unix time SECONDS, or 0 outside the years 1..9999. */
guint32 eg_date_from_unix(gint64 seconds);
/* Parses "day", "week", "month" or "year". */
gboolean eg_slice_parse(const char *s, EgSlice *slice);
/* Writes into BUF the name of the period of SLICE holding DAY (> 0): "2016-07-25" (day),
 * "2016-W30" (ISO 8601 week, whose year is its Thursday's), "2016-07" (month), "2016" (year).
 * Names of one slice sort in time order. */
void eg_period_name(guint32 day, EgSlice slice, char buf[EG_PERIOD_MAX]);
/* The first and last day of PERIOD (a name eg_period_name writes); FALSE when it is none. */
gboolean eg_period_range(const char *period, guint32 *first, guint32 *last);
/* Writes DAY (> 0) as "2016-07-25" into BUF. */
void eg_day_name(guint32 day, char buf[EG_PERIOD_MAX]);
/* ---- web pages (html.c) ------------------------------------------------------------------- */

/* Turns a web page into the plain text of its story: headings, paragraphs, list items, quotes
 * and table rows, one paragraph each, separated by blank lines; scripts, styles, navigation,
 * asides, figures and their captions, forms and site headers and footers are left out, and when
 * the page has <article> elements only their text is kept (html.c says exactly what is kept).
 * The page is parsed as it streams in, so memory does not grow with its size. */
typedef struct _EgHtmlReader EgHtmlReader;

/* A reader for one page. Returns a new reader (transfer full, eg_html_reader_free). */
EgHtmlReader *eg_html_reader_new(void);
/* Parses the next LEN bytes of the page (any charset its meta element declares, UTF-8 by
 * default; bytes that are not text are dropped, never fatal) and appends to OUT the text that
 * is known to be part of the story. This function can't fail. Time: linear in LEN. */
void eg_html_reader_feed(EgHtmlReader *reader, const char *data, gsize len, GString *out);
/* Ends the page and appends the rest of its text to OUT. Feed no more afterwards. */
void eg_html_reader_finish(EgHtmlReader *reader, GString *out);
/* The date the page's markup gives as far as it was fed (final after finish): its meta
 * article:published_time or schema.org datePublished, else a meta date of older conventions,
 * else its story's first <time datetime>, read by eg_date_parse; 0 when it has none. */
guint32 eg_html_reader_day(const EgHtmlReader *reader);
/* Frees READER; NULL is accepted. */
void eg_html_reader_free(EgHtmlReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(EgHtmlReader, eg_html_reader_free)

/* The story text of the page HTML (LEN bytes), as a reader gives it. Returns a new string
 * (transfer full) and its length in *OUT_LEN (may be NULL). This function can't fail. */
char *eg_html_to_text(const char *html, gsize len, gsize *out_len);

/* Whether PATH names a web page: it ends in .html or .htm, optionally followed by .gz (in any
 * case). This function can't fail. */
gboolean eg_html_is_name(const char *path);

/* ---- segmentation ----------------------------------------------------------------------------- */

typedef enum { EG_PARA_AUTO, EG_PARA_BLANK, EG_PARA_LINE } EgParagraphMode;

typedef enum {
  EG_TOK_WORD,        /* letters and digits, with inner apostrophes, hyphens, dots of "U.S." */
  EG_TOK_NUMBER,      /* starts with a digit: 12, 33,000, 1996-08-30 */
  EG_TOK_POSSESSIVE,  /* the clitic 's / ’s split from the word before it */
  EG_TOK_PUNCT        /* one punctuation character */
} EgTokenKind;

typedef enum {
  EG_TF_CAP = 1 << 0,          /* first character is an upper-case letter */
  EG_TF_ALLCAPS = 1 << 1,      /* every letter upper case, at least two letters */
  EG_TF_ABBR = 1 << 2,         /* word ends with a period that belongs to it: Mr., U.S., D. */
  EG_TF_INITIAL = 1 << 3,      /* capitalisation says nothing: first word of a sentence, or the
                                  first after an opening quote, a colon or a dash */
  EG_TF_OPEN_QUOTE = 1 << 4,   /* punct: an opening quotation mark */
  EG_TF_CLOSE_QUOTE = 1 << 5,  /* punct: a closing quotation mark */
  EG_TF_SENT_END = 1 << 6      /* punct: . ? ! or … */
} EgTokenFlags;

typedef struct {
  guint32 start, end;     /* byte range in the document text */
  guint32 sentence;       /* sentence number in the document */
  guint32 paragraph;      /* paragraph number in the document */
  guint32 word_index;     /* number of word and number tokens before this one */
  guint8 kind;            /* EgTokenKind */
  guint8 flags;           /* EgTokenFlags */
  gunichar ch;            /* for punct: the character, with curly quotes folded to straight */
} EgToken;

typedef struct {
  GArray *tokens;         /* of EgToken */
  guint n_sentences;
  guint n_paragraphs;
  /* private (segment.c): the most tokens the store was ever sized for; GArray never gives
   * memory back, so this, not tokens->len, says what a kept store holds */
  gsize store;
} EgSegmentation;

/* Splits TEXT (normalised, LEN bytes) into paragraphs, sentences and tokens.
 * Returns a new segmentation (transfer full, eg_segmentation_free). This function can't fail.
 * Time: linear in LEN. */
EgSegmentation *eg_segment(const char *text, gsize len, EgParagraphMode mode);
void eg_segmentation_free(EgSegmentation *seg);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(EgSegmentation, eg_segmentation_free)

/* Parses "auto", "blank" or "line". Returns FALSE for anything else. */
gboolean eg_paragraph_mode_parse(const char *s, EgParagraphMode *mode);
/* The name eg_paragraph_mode_parse reads back. This function can't fail. */
const char *eg_paragraph_mode_name(EgParagraphMode mode);

#endif
