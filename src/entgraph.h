/* entgraph.h: what every module of libentgraph shares: exit codes, the error domain, types.
 *
 * Ownership rule (stated once, holds everywhere): a function that returns a pointer says in its
 * comment whether the caller owns it. "transfer full" means free it with the named free function
 * (every eg_*_free accepts NULL); "transfer none" means it lives as long as its container.
 * Recoverable runtime errors travel as GError (domain EG_ERROR); programmer errors are caught
 * with g_return_val_if_fail. Only the CLI prints errors and chooses the exit code.
 */
#ifndef ENTGRAPH_H
#define ENTGRAPH_H

#include <glib.h>
#include <string.h>

/* Exit codes of the `entgraph` command, a contract with scripts (README "Exit codes"). */
typedef enum {
  EG_EXIT_OK = 0,        /* done; warnings (empty document, repaired UTF-8) do not change it */
  EG_EXIT_INPUT = 1,     /* some input could not be read at all; the rest was processed */
  EG_EXIT_USAGE = 2,     /* bad command line: unknown option, bad value, no input */
  EG_EXIT_OUTPUT = 3     /* an output could not be written */
} EgExitCode;

#define EG_ERROR (eg_error_quark())
GQuark eg_error_quark(void);

typedef enum {
  EG_ERROR_NOT_FOUND,    /* input path does not exist */
  EG_ERROR_UNREADABLE,   /* input exists but cannot be read (permissions, I/O error) */
  EG_ERROR_BINARY,       /* input holds NUL bytes: not text */
  EG_ERROR_NO_TEXT,      /* a folder without any .txt file */
  EG_ERROR_BAD_JSON,     /* a JSON Lines line that is not a JSON object with the text field */
  EG_ERROR_TOO_LONG,     /* a JSON Lines line longer than EG_JSONL_MAX_LINE */
  EG_ERROR_EMPTY,        /* warning: a document without any text */
  EG_ERROR_UTF8,         /* warning: invalid UTF-8 was replaced by U+FFFD */
  EG_ERROR_OUTPUT,       /* an output file could not be written */
  EG_ERROR_FORMAT,       /* an output format that is not known */
  EG_ERROR_BAD_COUNTS,   /* a counts line that is not a record, or counts out of order */
  EG_ERROR_HEADER,       /* counts made with other options (window, paragraphs, lexicon, rules,
                            max-window-entities) */
  EG_ERROR_DUPLICATE,    /* note: documents skipped by --dedup */
  EG_ERROR_NO_DATE,      /* warning: a document without a usable date, counted in no period */
  EG_ERROR_CROWDED       /* warning: windows naming too many entities to count their pairs */
} EgErrorCode;

/* Entity types, in the order used for ties (a tie goes to the earlier type). */
typedef enum { EG_TYPE_PERSON, EG_TYPE_ORG, EG_TYPE_LOC, EG_TYPE_MISC, EG_N_TYPES } EgEntityType;

/* Returns the upper-case name of a type ("PERSON"). This function can't fail. */
const char *eg_type_name(EgEntityType type);

/* The name messages give the input PATH: "standard input" for "-", else PATH itself (transfer
 * none). */
const char *eg_input_name(const char *path);

/* Room for the decimal digits of any guint64 and a NUL. */
#define EG_U64_DIGITS 21
/* Writes the decimal digits of V and a NUL into BUF (EG_U64_DIGITS bytes), without printf:
 * writers put out millions of numbers. Returns the number of digits. */
gsize eg_u64_digits(char *buf, guint64 v);

/* A hash of the LEN bytes at P, for GHashTables whose keys are hashed by the million (every
 * token's spelling, every word of the word lists at start-up, every example key): eight bytes
 * are mixed at a time where g_str_hash takes one, and the last 0 to 7 without a loop. Only
 * tables see the value, never an output. */
static inline guint
eg_hash_bytes(const char *p, gsize len)
{
  guint64 h = (guint64)len * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15);
  for (; len >= 8; p += 8, len -= 8) {
    guint64 w;
    memcpy(&w, p, 8);
    h = (h ^ w) * G_GUINT64_CONSTANT(0xFF51AFD7ED558CCD);
    h ^= h >> 32;
  }
  /* two loads that overlap, or three bytes that cover all of one to three */
  guint64 w = 0;
  if (len >= 4) {
    guint32 u, v;
    memcpy(&u, p, 4);
    memcpy(&v, p + len - 4, 4);
    w = u | (guint64)v << 32;
  } else if (len > 0) {
    w = (guint64)(unsigned char)p[0] | (guint64)(unsigned char)p[len / 2] << 8 |
        (guint64)(unsigned char)p[len - 1] << 16;
  }
  h = (h ^ w) * G_GUINT64_CONSTANT(0xFF51AFD7ED558CCD);
  h ^= h >> 29;
  return (guint)h;
}

/* A string being sorted, with the index I of what it names: its first eight bytes as a
 * big-endian number decide most comparisons without reaching the string. Sorting hundreds of
 * thousands of labels or counts records with qsort and strcmp cost more than the work around it
 * (consolidation's decisions, writing counts). */
typedef struct {
  guint64 prefix;
  const char *s;
  gsize i;
} EgStrKey;

/* The key of S (NUL-terminated; it must outlive the key) and I. */
static inline EgStrKey
eg_str_key(const char *s, gsize i)
{
  guint64 p = 0;
  gboolean end = FALSE;
  for (guint k = 0; k < 8; k++) {
    guchar c = end ? 0 : (guchar)s[k];
    end = c == 0;
    p = p << 8 | c;
  }
  return (EgStrKey){ p, s, i };
}

/* strcmp of the strings of X and Y. */
static inline int
eg_str_key_cmp(const EgStrKey *x, const EgStrKey *y)
{
  if (x->prefix != y->prefix)
    return x->prefix < y->prefix ? -1 : 1;
  if ((x->prefix & 0xff) == 0)
    return 0; /* both end within the prefix */
  return strcmp(x->s + 8, y->s + 8);
}

/* Sorts A (N keys) in byte order of their strings (equal strings in no set order). */
void eg_str_keys_sort(EgStrKey *a, gsize n);

/* Elements of at most this many bytes go through eg_sort_few. */
#define EG_SORT_FEW_SIZE 64
/* Sorts the N elements of SIZE bytes at BASE by CMP, as qsort would, but by insertion while
 * they are few (16 or fewer): the lists sorted per entity or per group mostly hold a handful,
 * for which qsort's setup costs more than the sort. Equal elements keep their order only
 * while they are few. */
void eg_sort_few(void *base, gsize n, gsize size, GCompareFunc cmp);

/* Co-occurrence window kinds: what one "window" is when counting pairs. */
typedef enum { EG_WINDOW_SENTENCE, EG_WINDOW_PARAGRAPH, EG_WINDOW_DOCUMENT, EG_WINDOW_TOKENS } EgWindowKind;

#endif
