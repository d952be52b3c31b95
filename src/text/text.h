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

/* A set of strings loaded from an embedded resource, one entry per line. For a .tsv resource the
 * key is the first column and the value the rest of the line (NULL for .txt).
 * Returns a hash table (transfer none: cached for the life of the process, thread-safe to read).
 * Aborts if the resource is missing: the lexicons are compiled into the library. */
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
} EgDocument;

typedef struct {
  gboolean jsonl;            /* one JSON object per line */
  const char *text_field;    /* default "text" */
  const char *id_field;      /* default "id"; absent ids become "FILE:LINE" */
  gboolean dedup;            /* skip documents whose text was read before */
} EgSourceOptions;

/* Called once per document, in input order; the document lives only during the call. */
typedef void (*EgDocumentFunc)(const EgDocument *doc, gpointer user_data);
/* Called for every problem; FATAL is TRUE when some input was not read at all. */
typedef void (*EgReportFunc)(const GError *error, gboolean fatal, gpointer user_data);

/* Reads every input (a file, ".gz" ones decompressed, a folder read recursively for *.txt and
 * *.txt.gz (or *.jsonl, *.jsonl.gz) in byte order of names, or "-" for stdin) and calls DOC_FN(doc, DOC_DATA) per document. Problems go to REPORT_FN, and the batch goes on.
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
