/* resolve.c: one entity, one node, within a document.
 *
 * Mentions are grouped by a spelling key, then groups are joined with a union-find: acronyms
 * defined in brackets, acronyms matching the initials of exactly one multi-word name, and short
 * forms ("Trump", "Clinton's") matching exactly one person's full name, whether the full name
 * comes before or after. Ambiguity is never guessed: two candidates leave the short form alone.
 */
#include "resolve/resolve.h"

#include <stddef.h>
#include <string.h>

static const struct {
  const char *word;
  gsize len;
} initial_skip[] = { { "of", 2 }, { "for", 3 }, { "the", 3 }, { "and", 3 }, { "on", 2 }, { "&", 1 },
                     { "de", 2 }, { NULL, 0 } };

/* What an ASCII byte does to a key (resolve_key_ascii): kept, lowered (a capital: its lower
 * case is the byte plus KEY_LOWER), dropped (a period) or a separator. One table look instead
 * of five comparisons per byte: a key is made for every mention. */
enum { KEY_KEEP = 0, KEY_LOWER = 'a' - 'A', KEY_DROP = 1, KEY_SEP = 2, KEY_NOT_ASCII = 3 };
static const guint8 key_class[128] = {
  ['.'] = KEY_DROP, ['-'] = KEY_SEP, [' '] = KEY_SEP, ['\t'] = KEY_SEP,
  ['A'] = KEY_LOWER, ['B'] = KEY_LOWER, ['C'] = KEY_LOWER, ['D'] = KEY_LOWER, ['E'] = KEY_LOWER,
  ['F'] = KEY_LOWER, ['G'] = KEY_LOWER, ['H'] = KEY_LOWER, ['I'] = KEY_LOWER, ['J'] = KEY_LOWER,
  ['K'] = KEY_LOWER, ['L'] = KEY_LOWER, ['M'] = KEY_LOWER, ['N'] = KEY_LOWER, ['O'] = KEY_LOWER,
  ['P'] = KEY_LOWER, ['Q'] = KEY_LOWER, ['R'] = KEY_LOWER, ['S'] = KEY_LOWER, ['T'] = KEY_LOWER,
  ['U'] = KEY_LOWER, ['V'] = KEY_LOWER, ['W'] = KEY_LOWER, ['X'] = KEY_LOWER, ['Y'] = KEY_LOWER,
  ['Z'] = KEY_LOWER
};

/* Writes the key of NAME (LEN bytes; see eg_resolve_key) to OUT, which has room for LEN + 1
 * bytes, and returns its length; or returns G_MAXSIZE, with OUT undefined, when NAME is not
 * ASCII (then only g_utf8_casefold's copy folds its case). When SPACES is not NULL, also sets
 * it to the spaces of the key, counted in the same pass. */
static inline gsize
resolve_key_ascii_with(const char *name, gsize len, char *out, guint *spaces)
{
  const guchar *restrict p = (const guchar *)name;
  const guchar *const end = p + len;
  char *restrict o = out;
  gboolean space = FALSE;
  guint sp = 0;
  while (p < end) {
    guchar c = *p++;
    guint8 k = c < 0x80 ? key_class[c] : KEY_NOT_ASCII;
    if (G_LIKELY(k == KEY_KEEP || k == KEY_LOWER)) {
      if (G_UNLIKELY(space)) {
        *o++ = ' ';
        sp++;
        space = FALSE;
      }
      *o++ = (char)(c + k);
    } else if (k == KEY_SEP) {
      space = o > out;
    } else if (k == KEY_NOT_ASCII) {
      return G_MAXSIZE;
    }
  }
  *o = '\0';
  if (spaces)
    *spaces = sp;
  return (gsize)(o - out);
}

/* A hash of the key K (N bytes) from its length and its first and last eight bytes: it only
 * tells a document's keys apart before they are compared, so it need not read every byte
 * (g_str_hash over each key was a fifth of making it). */
static guint
resolve_key_hash(const char *k, gsize n)
{
  guint64 head = 0, tail = 0;
  memcpy(&head, k, MIN(n, 8));
  if (n > 8)
    memcpy(&tail, k + n - 8, 8);
  guint64 h = (head ^ (tail * G_GUINT64_CONSTANT(0xC2B2AE3D27D4EB4F)) ^ n) *
              G_GUINT64_CONSTANT(0x9E3779B97F4A7C15);
  return (guint)(h >> 32);
}

static gsize
resolve_key_ascii(const char *name, gsize len, char *out)
{
  return resolve_key_ascii_with(name, len, out, NULL);
}

/* The key of a name that is not ASCII (transfer full). */
static char *
resolve_key_unicode(const char *name)
{
  char *folded = g_utf8_casefold(name, -1);
  /* Folded, separators only shrink: the key is made in place. */
  gsize n = 0;
  gboolean space = FALSE;
  for (const char *p = folded; *p; p++) {
    char c = *p;
    if (c == '.')
      continue;
    if (c == '-' || c == ' ' || c == '\t') {
      space = n > 0;
      continue;
    }
    if (space)
      folded[n++] = ' ';
    space = FALSE;
    folded[n++] = c;
  }
  folded[n] = '\0';
  return folded;
}

/* Writes the key of NAME (see eg_resolve_key) into OUT, replacing its contents: resolution makes
 * a key per mention, and a buffer reused for them all spares an allocation each. Also sets
 * *HASH to resolve_key_hash of the key and *SPACES to its spaces unless they are NULL: a
 * mention's key is hashed and its words counted, and one pass makes and counts. */
static inline void
resolve_key_into_counted(const char *name, GString *out, guint *hash, guint *spaces)
{
  gsize len = strlen(name);
  if (out->allocated_len <= len)
    g_string_set_size(out, len);
  gsize n = resolve_key_ascii_with(name, len, out->str, spaces);
  if (n == G_MAXSIZE) {
    g_autofree char *key = resolve_key_unicode(name);
    g_string_assign(out, key);
    if (hash)
      *hash = resolve_key_hash(out->str, out->len);
    if (spaces) {
      *spaces = 0;
      for (const char *c = out->str; *c; c++)
        *spaces += *c == ' ';
    }
    return;
  }
  out->len = n;
  if (hash)
    *hash = resolve_key_hash(out->str, n);
}

char *
eg_resolve_key(const char *name)
{
  g_return_val_if_fail(name != NULL, NULL);
  gsize len = strlen(name);
  char *key = g_malloc(len + 1);
  if (resolve_key_ascii(name, len, key) != G_MAXSIZE)
    return key;
  g_free(key);
  return resolve_key_unicode(name);
}

/* Writes the letters of the acronym NAME and a NUL to LETTERS (9 bytes) and returns TRUE, or
 * returns FALSE when NAME is not one (see eg_resolve_acronym_letters). */
static gboolean
acronym_letters_put(const char *name, char *letters)
{
  gsize n = 0;
  for (const char *p = name; *p; p++) {
    if (*p == '.')
      continue;
    if (!g_ascii_isupper(*p) || n == 8)
      return FALSE;
    letters[n++] = *p;
  }
  letters[n] = '\0';
  return n >= 2;
}

char *
eg_resolve_acronym_letters(const char *name)
{
  g_return_val_if_fail(name != NULL, NULL);
  char letters[9];
  return acronym_letters_put(name, letters) ? g_strdup(letters) : NULL;
}

/* The ASCII lower and upper case of C (g_ascii_tolower and g_ascii_toupper are calls into
 * GLib; these are made per word). */
static inline char
ascii_lower(char c)
{
  return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

static inline char
ascii_upper(char c)
{
  return c >= 'a' && c <= 'z' ? (char)(c - ('a' - 'A')) : c;
}

/* Whether the word W (LEN bytes) is one initials skip: "of", "the", "&"... */
static gboolean
initial_skipped(const char *w, gsize len)
{
  if (len == 0 || len > 3)
    return len == 0;
  for (guint k = 0; initial_skip[k].word; k++) {
    if (initial_skip[k].len != len)
      continue;
    gsize i = 0;
    while (i < len && ascii_lower(w[i]) == initial_skip[k].word[i])
      i++;
    if (i == len)
      return TRUE;
  }
  return FALSE;
}

/* Writes the initials of the multi-word NAME (see eg_resolve_initials) and a NUL to OUT, which
 * has room for INITIALS_ROOM(NAME) bytes, and returns their length. */
#define INITIALS_ROOM(words) (6 * (gsize)(words) + 1) /* an upper-case initial takes <= 6 bytes */
static gsize
initials_write(const char *name, char *out)
{
  char *o = out;
  /* Each word, also the empty ones between two spaces; no copies of them are made. */
  for (const char *w = name;;) {
    const char *e = w;
    while (*e && *e != ' ')
      e++;
    if (!initial_skipped(w, (gsize)(e - w))) {
      guchar c = (guchar)*w;
      if (c < 0x80)
        *o++ = ascii_upper((char)c);
      else
        o += g_unichar_to_utf8(g_unichar_toupper(g_utf8_get_char(w)), o);
    }
    if (!*e)
      break;
    w = e + 1;
  }
  *o = '\0';
  return (gsize)(o - out);
}

/* The words of NAME: one more than its spaces. */
static guint
initials_words(const char *name)
{
  guint words = 1;
  for (const char *p = name; *p; p++)
    words += *p == ' ';
  return words;
}

/* Writes the initials of NAME (see eg_resolve_initials) to OUT, replacing its contents, and
 * returns TRUE; or returns FALSE, OUT unchanged, for a one-word name. */
static gboolean
initials_put(const char *name, GString *out)
{
  guint words = initials_words(name);
  if (words == 1)
    return FALSE;
  if (out->allocated_len < INITIALS_ROOM(words))
    g_string_set_size(out, INITIALS_ROOM(words));
  out->len = initials_write(name, out->str);
  return TRUE;
}

char *
eg_resolve_initials(const char *name)
{
  g_return_val_if_fail(name != NULL, NULL);
  guint words = initials_words(name);
  if (words == 1)
    return NULL;
  char *out = g_malloc(INITIALS_ROOM(words));
  initials_write(name, out);
  return out;
}

/* Whether the initials of NAME (eg_resolve_initials) are ACRONYM, without making them: a
 * document with an acronym compares it with each of its names, and most differ at the first
 * letter, so words are found one at a time and the walk stops at the first that differs. */
static gboolean
initials_match(const char *name, const char *acronym)
{
  gsize at = 0;
  for (const char *w = name;;) {
    const char *e = w;
    while (*e && *e != ' ')
      e++;
    if (!*e && w == name)
      return FALSE; /* one word: no initials */
    if (!initial_skipped(w, (gsize)(e - w))) {
      guchar c = (guchar)*w;
      if (c < 0x80) {
        if (acronym[at] != ascii_upper((char)c))
          return FALSE;
        at++;
      } else {
        char up[8];
        gsize n = (gsize)g_unichar_to_utf8(g_unichar_toupper(g_utf8_get_char(w)), up);
        if (strncmp(acronym + at, up, n) != 0)
          return FALSE;
        at += n;
      }
    }
    if (!*e)
      break;
    w = e + 1;
  }
  return acronym[at] == '\0';
}

/* The first initial of NAME when its first word is ASCII and too long to be skipped (four
 * bytes or more), as most are; 0 when it takes initials_match to tell. */
static guchar
initials_lead(const char *name)
{
  guchar c0 = (guchar)name[0];
  if (c0 < 0x80 && c0 != ' ' && c0 && name[1] && name[1] != ' ' && name[2] && name[2] != ' ' &&
      name[3] && name[3] != ' ')
    return (guchar)ascii_upper((char)c0);
  return 0;
}

/* Whether the words of the key KS (LS bytes) end those of the longer key KL (LL bytes). */
static gboolean
resolve_key_is_suffix_len(const char *ks, gsize ls, const char *kl, gsize ll)
{
  return ls > 0 && ll > ls && kl[ll - ls - 1] == ' ' && memcmp(kl + ll - ls, ks, ls) == 0;
}

/* Whether the words of the key KS (LS bytes) start those of the longer key KL (LL bytes). */
static gboolean
resolve_key_is_prefix_len(const char *ks, gsize ls, const char *kl, gsize ll)
{
  return ls > 0 && ll > ls && kl[ls] == ' ' && memcmp(kl, ks, ls) == 0;
}

gboolean
eg_resolve_is_suffix(const char *short_name, const char *name)
{
  g_autofree char *ks = eg_resolve_key(short_name);
  g_autofree char *kl = eg_resolve_key(name);
  return resolve_key_is_suffix_len(ks, strlen(ks), kl, strlen(kl));
}

/* How often each of some strings occurs; the strings are borrowed (the mentions' names and
 * surfaces, which outlive it). Nearly every group has one to three spellings, so they are kept
 * in a small array, and a table is made only when more come. */
#define STR_COUNTS_FEW 4
typedef struct {
  const char *few[STR_COUNTS_FEW];
  guint few_n[STR_COUNTS_FEW];
  guint len;               /* strings in FEW */
  GHashTable *all;         /* NULL, or every string (those of FEW included) -> count */
} StrCounts;

static inline void
str_counts_add(StrCounts *c, const char *s)
{
  if (!c->all) {
    for (guint i = 0; i < c->len; i++)
      if (c->few[i] == s || strcmp(c->few[i], s) == 0) {
        c->few_n[i]++;
        return;
      }
    if (c->len < STR_COUNTS_FEW) {
      c->few[c->len] = s;
      c->few_n[c->len++] = 1;
      return;
    }
    c->all = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < c->len; i++)
      g_hash_table_insert(c->all, (gpointer)c->few[i], GUINT_TO_POINTER(c->few_n[i]));
  }
  guint old = GPOINTER_TO_UINT(g_hash_table_lookup(c->all, s));
  g_hash_table_insert(c->all, (gpointer)s, GUINT_TO_POINTER(old + 1));
}

/* The number of distinct strings in C. */
static guint
str_counts_size(const StrCounts *c)
{
  return c->all ? g_hash_table_size(c->all) : c->len;
}

/* Whether string K, seen N times, beats BEST, seen BEST_N times: more often, ties to the
 * byte-smaller. */
static gboolean
str_counts_better(const char *k, guint n, const char *best, guint best_n)
{
  return !best || n > best_n || (n == best_n && strcmp(k, best) < 0);
}

/* The most frequent string, ties to the byte-smaller (transfer none), or NULL when empty. */
static const char *
str_counts_top(const StrCounts *c)
{
  const char *best = NULL;
  guint best_n = 0;
  if (!c->all) {
    for (guint i = 0; i < c->len; i++)
      if (str_counts_better(c->few[i], c->few_n[i], best, best_n)) {
        best = c->few[i];
        best_n = c->few_n[i];
      }
    return best;
  }
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, c->all);
  while (g_hash_table_iter_next(&it, &k, &v))
    if (str_counts_better(k, GPOINTER_TO_UINT(v), best, best_n)) {
      best = k;
      best_n = GPOINTER_TO_UINT(v);
    }
  return best;
}

/* Keys shorter than this live in their group: nearly all are. */
#define GROUP_KEY_INLINE 40

/* The mentions of one document that share a key. */
typedef struct {
  /* Made zero when the group is made (the first GROUP_ZEROED bytes): */
  guint32 votes[EG_N_TYPES];
  guint mentions;
  gboolean surfaces_own;
  const char *canonical;   /* a lexicon name, if any mention had one (the mention's) */
  const char *acronym;     /* acronym letters (ACRONYM_BUF), if the name is one, or NULL */
  /* Set when the group is made (of NAMES, LEN and ALL; the rest as strings come): */
  const char *key;         /* KEY_INLINE, or in the document's chunk of longer keys */
  gsize key_len;
  guint n_words;
  guint first;             /* index of the first mention */
  StrCounts names;
  StrCounts surfaces;      /* only when SURFACES_OWN (see group_surfaces) */
  char acronym_buf[9];
  /* Set once every mention is grouped, as the names no longer change: */
  const char *top;         /* the most frequent name (str_counts_top) */
  const char *top_key;     /* its key: the group's own, TOP_KEY_INLINE, or in the chunk */
  gsize top_key_len;
  gboolean company;        /* top ends with a company's legal form */
  char key_inline[GROUP_KEY_INLINE];
  char top_key_inline[GROUP_KEY_INLINE]; /* a lexicon group's top key, when short */
} Group;

/* The bytes of a group made zero when it is made: a group is a quarter of a kilobyte, most of
 * it arrays that are written before they are read. */
#define GROUP_ZEROED offsetof(Group, key)

/* The surface forms of G: while every mention was written as its name (no "Trump's") and the
 * names fit in their small array, the surfaces are the names, counted once for both. */
static inline const StrCounts *
group_surfaces(const Group *g)
{
  return g->surfaces_own ? &g->surfaces : &g->names;
}

/* Frees what group G owns (not G: the groups of a document are one block). */
static void
group_clear(Group *g)
{
  if (g->names.all)
    g_hash_table_unref(g->names.all);
  if (g->surfaces_own && g->surfaces.all)
    g_hash_table_unref(g->surfaces.all);
}

guint
eg_uf_find(guint *parent, guint i)
{
  while (parent[i] != i) {
    parent[i] = parent[parent[i]]; /* path halving */
    i = parent[i];
  }
  return i;
}

void
eg_uf_union(guint *parent, guint a, guint b)
{
  a = eg_uf_find(parent, a);
  b = eg_uf_find(parent, b);
  if (a < b)
    parent[b] = a;
  else if (b < a)
    parent[a] = b;
}

static gboolean
group_is_person(const Group *g)
{
  return g->votes[EG_TYPE_PERSON] > 0 && g->votes[EG_TYPE_PERSON] >= g->votes[EG_TYPE_ORG] &&
         g->votes[EG_TYPE_PERSON] >= g->votes[EG_TYPE_LOC] && g->votes[EG_TYPE_PERSON] >= g->votes[EG_TYPE_MISC];
}

/* The most letters a company's legal form has (resolve_is_company's forms): a last word of more
 * is no form, which resolve_may_be_company reads from a key alone. */
#define COMPANY_FORM_MAX 4

/* Whether NAME ends with a company's legal form: "Inc.", "Corp", "Ltd", "plc", "AG", ...
 * BUF: scratch space for the key of an unusual last word. */
static gboolean
resolve_is_company(const char *name, GString *buf)
{
  static const struct {
    char form[COMPANY_FORM_MAX + 1];
    guint8 len;
  } forms[] = { { "inc", 3 }, { "corp", 4 }, { "co", 2 }, { "ltd", 3 }, { "llc", 3 }, { "plc", 3 },
                { "ag", 2 }, { "sa", 2 }, { "nv", 2 }, { "gmbh", 4 }, { "spa", 3 }, { "bv", 2 },
                { "ab", 2 }, { "asa", 3 }, { "oyj", 3 } };
  const char *last = strrchr(name, ' ');
  if (!last)
    return FALSE;
  last++;
  /* The key of the last word, made here while it has only letters and periods (nearly every
   * one): a longer word than any form is no form and is not read on. */
  char small[COMPANY_FORM_MAX];
  gsize n = 0;
  const char *key = small;
  for (const guchar *p = (const guchar *)last; *p; p++) {
    guint8 k = *p < 0x80 ? key_class[*p] : KEY_NOT_ASCII;
    if (k == KEY_DROP)
      continue;
    if (k != KEY_KEEP && k != KEY_LOWER) {
      /* A separator or a byte beyond ASCII: the general key. */
      resolve_key_into_counted(last, buf, NULL, NULL);
      key = buf->str;
      n = buf->len;
      break;
    }
    if (n == sizeof small)
      return FALSE;
    small[n++] = (char)(*p + k);
  }
  if (n < 2 || n > COMPANY_FORM_MAX)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS(forms); i++)
    if (forms[i].len == n && memcmp(key, forms[i].form, n) == 0)
      return TRUE;
  return FALSE;
}

/* Whether G's top name may end with a company's legal form (resolve_is_company): then the key
 * of its name ends with the form's two to four letters, as a word of their own. Most keys end
 * otherwise, and this spares them finding the name's last word. */
static gboolean
resolve_may_be_company(const Group *g)
{
  const char *k = g->top_key;
  gsize n = g->top_key_len, last = 0;
  while (last < n && last <= COMPANY_FORM_MAX && k[n - 1 - last] != ' ')
    last++;
  return last >= 2 && last <= COMPANY_FORM_MAX;
}

/* The groups of a document: one block, in the order of their first mentions. */
typedef struct {
  Group *at;
  guint len;
} Groups;

/* Joins the sets of groups A and B unless the user said two of their names are never one
 * entity ("!A<TAB>B" in --aliases). */
static void
resolve_join(Groups *groups, guint *parent, guint a, guint b, const EgRules *rules)
{
  guint ra = eg_uf_find(parent, a), rb = eg_uf_find(parent, b);
  if (ra == rb)
    return;
  if (eg_rules_has_never(rules)) {
    for (guint i = 0; i < groups->len; i++) {
      if (eg_uf_find(parent, i) != ra)
        continue;
      for (guint j = 0; j < groups->len; j++)
        if (eg_uf_find(parent, j) == rb &&
            eg_rules_never(rules, groups->at[i].top,
                           groups->at[j].top))
          return;
    }
  }
  eg_uf_union(parent, ra, rb);
}

/* Up to this many groups a document's lookups walk them all; past it they use tables. */
#define GROUPS_FEW 32u

/* Groups listed under strings, for documents of many groups (a long text read in parts):
 * comparing every short form and acronym with every group took time quadratic in the groups
 * (a 3.4 MB text spent 70% of its time there). A string maps to the first of a chain of
 * entries. */
typedef struct {
  GHashTable *heads;       /* string (in STRINGS) -> GUINT_TO_POINTER(first entry + 1) */
  GArray *entries;         /* of guint pairs: group, next entry + 1 (0: none) */
  GStringChunk *strings;
  GString *scratch;
} GroupIndex;

static void
group_index_init(GroupIndex *ix)
{
  ix->heads = g_hash_table_new(g_str_hash, g_str_equal);
  ix->entries = g_array_new(FALSE, FALSE, 2 * sizeof(guint));
  ix->strings = g_string_chunk_new(4096);
  ix->scratch = g_string_new(NULL);
}

/* Empties IX for the next document, keeping its table and arrays. */
static void
group_index_reset(GroupIndex *ix)
{
  g_hash_table_remove_all(ix->heads);
  g_array_set_size(ix->entries, 0);
  g_string_chunk_clear(ix->strings);
}

static void
group_index_clear(GroupIndex *ix)
{
  if (!ix->heads)
    return;
  g_hash_table_unref(ix->heads);
  g_array_unref(ix->entries);
  g_string_chunk_free(ix->strings);
  g_string_free(ix->scratch, TRUE);
  memset(ix, 0, sizeof *ix);
}

/* Lists GROUP under the first LEN bytes of STR. */
static void
group_index_add(GroupIndex *ix, const char *str, gsize len, guint group)
{
  g_string_assign(ix->scratch, "");
  g_string_append_len(ix->scratch, str, (gssize)len);
  gpointer key = NULL, head = NULL;
  if (!g_hash_table_lookup_extended(ix->heads, ix->scratch->str, &key, &head))
    key = g_string_chunk_insert_len(ix->strings, str, (gssize)len);
  guint entry[2] = { group, GPOINTER_TO_UINT(head) };
  g_array_append_vals(ix->entries, entry, 1);
  g_hash_table_insert(ix->heads, key, GUINT_TO_POINTER(ix->entries->len));
}

/* The first entry (+ 1) listed under STR, 0 for none; entry E - 1 holds a group and the next. */
static guint
group_index_first(const GroupIndex *ix, const char *str)
{
  return GPOINTER_TO_UINT(g_hash_table_lookup(ix->heads, str));
}
#define GROUP_INDEX_GROUP(ix, e) (((const guint *)(ix)->entries->data)[2 * ((e) - 1)])
#define GROUP_INDEX_NEXT(ix, e) (((const guint *)(ix)->entries->data)[2 * ((e) - 1) + 1])

/* Collects the root of group J, a fit: sets *AMBIGUOUS when another fit had another root. */
static void
resolve_fit(guint *parent, guint j, gint *found, gboolean *ambiguous)
{
  guint root = eg_uf_find(parent, j);
  if (*found >= 0 && (guint)*found != root)
    *ambiguous = TRUE;
  *found = (gint)root;
}

/* Whether the short form S is a given name alone ("Hillary" of "Hillary Clinton"), asked of
 * the word lists only when a fit turns on it: *GIVEN is -1 until then. */
static gboolean
resolve_short_given(const Group *s, gint *given)
{
  if (*given < 0)
    *given = s->n_words == 1 && (eg_wordlist_lists(s->top) & EG_WL_GIVEN) != 0;
  return *given;
}

/* Whether short form S (see resolve_short_given for GIVEN) fits the longer group L: the end of a
 * person's name, the start of a person's name for a given name, the start of a company's. */
static gboolean
resolve_short_fits(const Group *s, gint *given, const Group *l, gboolean suffix, gboolean prefix)
{
  if (l->n_words <= s->n_words)
    return FALSE;
  /* "Meridian" of "Meridian Logistics Inc.": a company is called by its first words. */
  if (l->company && prefix)
    return TRUE;
  return group_is_person(l) && (suffix || (prefix && resolve_short_given(s, given)));
}

/* resolve_short_fits with the keys compared only where the answer can turn on them: a short
 * form is compared with every group of a document of few groups. */
static gboolean
resolve_short_fits_keys(const Group *s, gint *given, const Group *l)
{
  if (l->n_words <= s->n_words)
    return FALSE;
  gboolean person = group_is_person(l);
  if (!person && !l->company)
    return FALSE;
  if (person && resolve_key_is_suffix_len(s->top_key, s->top_key_len, l->top_key, l->top_key_len))
    return TRUE;
  if (!resolve_key_is_prefix_len(s->top_key, s->top_key_len, l->top_key, l->top_key_len))
    return FALSE;
  return l->company || resolve_short_given(s, given);
}

/* What resolving a document needs besides its result, kept per thread from one document to the
 * next: a thread resolves thousands of documents, and making these anew for each (a block of
 * groups, one of numbers, a key buffer, tables for long documents) was a fifth of the cost of
 * resolving. Sized for the largest document the thread has resolved. */
typedef struct {
  Group *groups;              /* room for GROUPS_CAP groups, each zeroed when it becomes one */
  gsize groups_cap;
  guint *numbers;             /* room for NUMBERS_CAP: the document's arrays of numbers */
  gsize numbers_cap;
  GString *key;               /* a mention's key */
  GString *buf;               /* other scratch text */
  GStringChunk *keys;         /* keys too long for their group, or NULL */
  GHashTable *by_key;         /* key -> group + 1, for documents of many groups, or NULL */
  GroupIndex ends, starts, initials; /* for documents of many groups: HEADS NULL until used */
  EgResolution *spare;        /* a resolution freed on this thread, for the next one, or NULL */
} ResolveScratch;

static void resolution_destroy(EgResolution *res);

/* A thread keeps its scratch and a spare resolution only while they are of documents up to
 * this many mentions (news articles have tens to hundreds): a rare huge document part (up to
 * EG_DOCUMENT_PART) would otherwise hold its groups and tables while it is counted and for
 * the rest of the thread's life, which raised the peak by a third on a megabyte of names. */
#define RESOLVE_KEEP_MENTIONS 4096

/* Frees SC's blocks and tables, which it makes again when a document needs them: after a
 * document of more than RESOLVE_KEEP_MENTIONS mentions, and when the thread ends. */
static void
resolve_scratch_trim(ResolveScratch *sc)
{
  g_clear_pointer(&sc->groups, g_free);
  g_clear_pointer(&sc->numbers, g_free);
  sc->groups_cap = sc->numbers_cap = 0;
  g_clear_pointer(&sc->keys, g_string_chunk_free);
  g_clear_pointer(&sc->by_key, g_hash_table_unref);
  group_index_clear(&sc->ends);
  group_index_clear(&sc->starts);
  group_index_clear(&sc->initials);
}

static void
resolve_scratch_free(gpointer data)
{
  ResolveScratch *s = data;
  resolve_scratch_trim(s);
  g_string_free(s->key, TRUE);
  g_string_free(s->buf, TRUE);
  resolution_destroy(s->spare);
  g_free(s);
}

static GPrivate resolve_scratch_key = G_PRIVATE_INIT(resolve_scratch_free);

/* The calling thread's scratch, made on first use (transfer none: freed when the thread ends). */
static ResolveScratch *
resolve_scratch_get(void)
{
  ResolveScratch *s = g_private_get(&resolve_scratch_key);
  if (!s) {
    s = g_new0(ResolveScratch, 1);
    s->key = g_string_sized_new(64);
    s->buf = g_string_sized_new(64);
    g_private_set(&resolve_scratch_key, s);
  }
  return s;
}

/* KEY kept for the document: in INLINE (GROUP_KEY_INLINE bytes) when it fits, else in SC's
 * chunk of longer keys, which *USED then says to empty once the document is resolved. */
static inline const char *
group_key_keep(ResolveScratch *sc, const GString *key, char *inline_buf, gboolean *used)
{
  if (key->len < GROUP_KEY_INLINE)
    return memcpy(inline_buf, key->str, key->len + 1);
  if (!sc->keys)
    sc->keys = g_string_chunk_new(1024);
  *used = TRUE;
  return g_string_chunk_insert_len(sc->keys, key->str, (gssize)key->len);
}

/* IX of scratch S ready for a document: made on first use, emptied after. */
static GroupIndex *
resolve_scratch_index(GroupIndex *ix)
{
  if (!ix->heads)
    group_index_init(ix);
  else
    group_index_reset(ix);
  return ix;
}

/* Joins a short form to the one group it abbreviates, if exactly one fits. */
static void
resolve_short_forms(Groups *groups, guint *parent, const EgRules *rules, ResolveScratch *sc,
                    guint *longer)
{
  /* With many groups: each group listed under its key's last one and two words and its first
   * one and two words, so a short form meets only the groups it may fit (same answers). */
  gboolean indexed = groups->len > GROUPS_FEW;
  GroupIndex *ends = NULL, *starts = NULL;
  if (indexed) {
    ends = resolve_scratch_index(&sc->ends);
    starts = resolve_scratch_index(&sc->starts);
    for (guint j = 0; j < groups->len; j++) {
      const char *k = groups->at[j].top_key;
      gsize len = groups->at[j].top_key_len;
      const char *sp1 = strchr(k, ' '), *sp2 = sp1 ? strchr(sp1 + 1, ' ') : NULL;
      const char *rs1 = strrchr(k, ' ');
      const char *rs2 = NULL;
      for (const char *p = rs1; p && p > k && !rs2; p--)
        if (p[-1] == ' ')
          rs2 = p - 1;
      if (sp1) {
        group_index_add(starts, k, (gsize)(sp1 - k), j);
        group_index_add(ends, rs1 + 1, len - (gsize)(rs1 + 1 - k), j);
      }
      if (sp2) {
        group_index_add(starts, k, (gsize)(sp2 - k), j);
        group_index_add(ends, rs2 + 1, len - (gsize)(rs2 + 1 - k), j);
      }
    }
  }
  /* Without the index: the groups a short form may fit (a person's or a company's name of two
   * words or more), in group order, listed once rather than found for every short form. */
  guint n_longer = 0;
  if (!indexed)
    for (guint j = 0; j < groups->len; j++) {
      const Group *l = &groups->at[j];
      if (l->n_words >= 2 && (l->company || group_is_person(l)))
        longer[n_longer++] = j;
    }
  if (!indexed && n_longer == 0)
    return;
  for (guint i = 0; i < groups->len; i++) {
    Group *s = &groups->at[i];
    if (s->canonical || s->acronym || s->n_words > 2)
      continue;
    gint given = -1;
    gint found = -1;
    gboolean ambiguous = FALSE;
    if (indexed) {
      if (!*s->top_key)
        continue;
      for (guint e = group_index_first(ends, s->top_key); e && !ambiguous; e = GROUP_INDEX_NEXT(ends, e)) {
        guint j = GROUP_INDEX_GROUP(ends, e);
        if (j != i && resolve_short_fits(s, &given, &groups->at[j], TRUE, FALSE))
          resolve_fit(parent, j, &found, &ambiguous);
      }
      for (guint e = group_index_first(starts, s->top_key); e && !ambiguous; e = GROUP_INDEX_NEXT(starts, e)) {
        guint j = GROUP_INDEX_GROUP(starts, e);
        if (j != i && resolve_short_fits(s, &given, &groups->at[j], FALSE, TRUE))
          resolve_fit(parent, j, &found, &ambiguous);
      }
    } else {
      for (guint c = 0; c < n_longer && !ambiguous; c++) {
        guint j = longer[c];
        if (j != i && resolve_short_fits_keys(s, &given, &groups->at[j]))
          resolve_fit(parent, j, &found, &ambiguous);
      }
    }
    if (found >= 0 && !ambiguous)
      resolve_join(groups, parent, (guint)found, i, rules);
  }
}

/* Joins an acronym to the one multi-word name of the document whose initials it spells (the
 * initials of the name of the group's first mention, MS[first]). */
static void
resolve_acronyms(Groups *groups, const EgMention *ms, guint *parent, const EgRules *rules,
                 ResolveScratch *sc, guint *lead)
{
  /* With many groups: each listed under its initials, made once (same answers). */
  gboolean indexed = groups->len > GROUPS_FEW;
  GroupIndex *initials = NULL;
  if (indexed) {
    initials = resolve_scratch_index(&sc->initials);
    for (guint j = 0; j < groups->len; j++)
      if (initials_put(ms[groups->at[j].first].name, sc->buf))
        group_index_add(initials, sc->buf->str, sc->buf->len, j);
  } else {
    /* Each name's first initial, once: most names differ from an acronym there. */
    for (guint j = 0; j < groups->len; j++)
      lead[j] = initials_lead(ms[groups->at[j].first].name);
  }
  for (guint i = 0; i < groups->len; i++) {
    Group *a = &groups->at[i];
    if (!a->acronym || eg_uf_find(parent, i) != i)
      continue;
    gint found = -1;
    gboolean ambiguous = FALSE;
    if (indexed) {
      for (guint e = group_index_first(initials, a->acronym); e; e = GROUP_INDEX_NEXT(initials, e))
        if (GROUP_INDEX_GROUP(initials, e) != i)
          resolve_fit(parent, GROUP_INDEX_GROUP(initials, e), &found, &ambiguous);
    } else {
      for (guint j = 0; j < groups->len; j++) {
        Group *l = &groups->at[j];
        if (j != i && (!lead[j] || lead[j] == (guchar)a->acronym[0]) &&
            initials_match(ms[l->first].name, a->acronym))
          resolve_fit(parent, j, &found, &ambiguous);
      }
    }
    if (found >= 0 && !ambiguous)
      resolve_join(groups, parent, (guint)found, i, rules);
  }
}

EgResolution *
eg_resolve_document(GArray *mentions)
{
  return eg_resolve_document_with(mentions, NULL);
}

static int
cmp_doc_surface(const void *a, const void *b)
{
  return strcmp(((const EgDocSurface *)a)->surface, ((const EgDocSurface *)b)->surface);
}


/* Appends the strings of C with their counts to OUT; returns the new end. */
static EgDocSurface *
str_counts_put(const StrCounts *c, EgDocSurface *out)
{
  if (!c->all) {
    for (guint i = 0; i < c->len; i++, out++) {
      out->surface = c->few[i];
      out->count = c->few_n[i];
    }
    return out;
  }
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, c->all);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    out->surface = k;
    out->count = GPOINTER_TO_UINT(v);
    out++;
  }
  return out;
}

/* An empty resolution for N_MENTIONS mentions with a block for N_ENT entities and N_SURF
 * surfaces: the thread's spare one when it has one (its arrays and block are reused). */
static EgResolution *
resolution_take(ResolveScratch *sc, guint n_mentions, guint n_ent, guint n_surf)
{
  EgResolution *res = sc->spare;
  if (res) {
    sc->spare = NULL;
  } else {
    res = g_new0(EgResolution, 1);
    res->entities = g_ptr_array_sized_new(n_ent);
    res->mention_entity = g_array_sized_new(FALSE, FALSE, sizeof(guint), n_mentions);
  }
  /* One block: the entities, then the surfaces (both of pointer alignment). */
  gsize size = sizeof(EgDocEntity) * (n_ent + 1) + sizeof(EgDocSurface) * (n_surf + 1);
  if (size > res->block_size) {
    g_free(res->entity_block);
    res->block_size = MAX(size, 2 * res->block_size);
    res->entity_block = g_malloc(res->block_size);
  }
  memset(res->entity_block, 0, sizeof(EgDocEntity) * n_ent);
  res->surface_block = (EgDocSurface *)(void *)(res->entity_block + n_ent + 1);
  g_ptr_array_set_size(res->entities, (gint)n_ent);
  for (guint i = 0; i < n_ent; i++)
    res->entities->pdata[i] = &res->entity_block[i];
  g_array_set_size(res->mention_entity, n_mentions);
  return res;
}

/* Makes sure the scratch has room for the groups and numbers of N mentions. */
static void
resolve_scratch_reserve(ResolveScratch *sc, guint n)
{
  if (sc->groups_cap < (gsize)n + 1) {
    g_free(sc->groups);
    sc->groups_cap = MAX((gsize)n + 1, 2 * sc->groups_cap);
    sc->groups = g_new(Group, sc->groups_cap);
  }
  if (sc->numbers_cap < 8 * ((gsize)n + 1)) {
    g_free(sc->numbers);
    sc->numbers_cap = MAX(8 * ((gsize)n + 1), 2 * sc->numbers_cap);
    sc->numbers = g_new(guint, sc->numbers_cap);
  }
}

EgResolution *
eg_resolve_document_with(GArray *mentions, const EgRules *rules)
{
  g_return_val_if_fail(mentions != NULL, NULL);
  const EgMention *ms = (const EgMention *)mentions->data;
  ResolveScratch *sc = resolve_scratch_get();
  /* At most a group per mention: the groups are one block, their keys in them, and the
   * document's arrays of numbers one more block, both the thread's (see ResolveScratch). */
  guint n = mentions->len;
  resolve_scratch_reserve(sc, n);
  Group *block = sc->groups;
  Groups all = { block, 0 }, *groups = &all;
  gboolean keys_used = FALSE;
  guint *numbers = sc->numbers;
  guint *key_hash = numbers, *mention_group = numbers + (n + 1);
  /* A group is found by its key: by a walk over the hashes of the keys while the document has
   * few groups (most have under a dozen, and a table per document cost more than the walk),
   * through a table after. */
  GHashTable *by_key = NULL;
  GString *key = sc->key;
  gboolean any_acronym = FALSE;

  for (guint k = 0; k < n; k++) {
    const EgMention *m = &ms[k];
    /* A place's lexicon name is its key, so "U.S." and "United States" are one group. */
    guint h, spaces;
    resolve_key_into_counted(m->canonical ? m->canonical : m->name, key, &h, &spaces);
    gint found = -1;
    if (by_key) {
      gpointer at = g_hash_table_lookup(by_key, key->str);
      found = (gint)GPOINTER_TO_UINT(at) - 1;
    } else {
      for (guint i = 0; i < groups->len && found < 0; i++)
        if (key_hash[i] == h && strcmp(groups->at[i].key, key->str) == 0)
          found = (gint)i;
      key_hash[groups->len] = h; /* for a new group */
    }
    Group *g;
    if (found >= 0) {
      g = &groups->at[found];
      mention_group[k] = (guint)found;
    } else {
      g = memset(&block[groups->len], 0, GROUP_ZEROED);
      g->names.len = 0;
      g->names.all = NULL;
      g->key = group_key_keep(sc, key, g->key_inline, &keys_used);
      g->key_len = key->len;
      g->first = k;
      /* Words of the key, so "Wasserman-Schultz" counts as the two words of "Wasserman Schultz". */
      g->n_words = 1 + spaces;
      if ((m->flags & EG_MF_ACRONYM) && acronym_letters_put(m->name, g->acronym_buf))
        g->acronym = g->acronym_buf;
      any_acronym = any_acronym || g->acronym;
      mention_group[k] = groups->len;
      groups->len++;
      if (by_key) {
        g_hash_table_insert(by_key, (gpointer)g->key, GUINT_TO_POINTER(groups->len));
      } else if (groups->len > GROUPS_FEW) {
        if (!sc->by_key)
          sc->by_key = g_hash_table_new(g_str_hash, g_str_equal);
        by_key = sc->by_key;
        for (guint i = 0; i < groups->len; i++)
          g_hash_table_insert(by_key, (gpointer)groups->at[i].key, GUINT_TO_POINTER(i + 1));
      }
    }
    if (m->canonical && !g->canonical)
      g->canonical = m->canonical;
    /* The surfaces part from the names at the first mention written otherwise, or before
     * the names may need a table: until then they got the very same strings. */
    if (!g->surfaces_own && (m->surface != m->name || g->names.len == STR_COUNTS_FEW)) {
      g->surfaces = g->names;
      g->surfaces_own = TRUE;
    }
    if (g->surfaces_own)
      str_counts_add(&g->surfaces, m->surface);
    str_counts_add(&g->names, m->name);
    for (guint t = 0; t < EG_N_TYPES; t++)
      g->votes[t] += m->votes[t];
    g->mentions++;
  }
  if (by_key)
    g_hash_table_remove_all(by_key);

  for (guint i = 0; i < groups->len; i++) {
    Group *g = &groups->at[i];
    g->top = str_counts_top(&g->names);
    /* Without a lexicon name every mention's name has the group's key. */
    if (g->canonical) {
      resolve_key_into_counted(g->top, key, NULL, NULL);
      g->top_key = group_key_keep(sc, key, g->top_key_inline, &keys_used);
      g->top_key_len = key->len;
    } else {
      g->top_key = g->key;
      g->top_key_len = g->key_len;
    }
    g->company = resolve_may_be_company(g) && resolve_is_company(g->top, sc->buf);
  }

  guint *parent = numbers + 2 * (n + 1);
  for (guint i = 0; i < groups->len; i++)
    parent[i] = i;
  for (guint k = 0; k < n; k++)
    if (ms[k].defines >= 0)
      resolve_join(groups, parent, mention_group[ms[k].defines], mention_group[k], rules);
  /* Free until the entities are made: room for a number per group. */
  guint *spare_numbers = numbers + 3 * (n + 1);
  if (any_acronym)
    resolve_acronyms(groups, ms, parent, rules, sc, spare_numbers);
  resolve_short_forms(groups, parent, rules, sc, spare_numbers);
  /* No more unions: each group's parent made its root, in one pass as a parent comes before
   * its child (a union keeps the smaller root), so roots are read without finds. */
  for (guint i = 0; i < groups->len; i++)
    parent[i] = parent[parent[i]];

  /* One entity per set, labelled by its longest name (then the most mentioned, then bytes). */
  guint *root_entity = numbers + 3 * (n + 1);
  gint *root_best = (gint *)numbers + 4 * (n + 1);
  for (guint i = 0; i < groups->len; i++)
    root_best[i] = -1;
  guint n_ent = 0, n_surf = 0;
  for (guint i = 0; i < groups->len; i++) {
    Group *g = &groups->at[i];
    n_surf += str_counts_size(group_surfaces(g));
    guint r = parent[i];
    if (root_best[r] < 0) {
      root_best[r] = (gint)i;
      n_ent++;
      continue;
    }
    Group *b = &groups->at[root_best[r]];
    const char *gn = g->top, *bn = b->top;
    if ((g->canonical && !b->canonical) ||
        (!!g->canonical == !!b->canonical &&
         (g->n_words > b->n_words ||
          (g->n_words == b->n_words && (g->mentions > b->mentions ||
                                        (g->mentions == b->mentions && strcmp(gn, bn) < 0))))))
      root_best[r] = (gint)i;
  }
  EgResolution *res = resolution_take(sc, n, n_ent, n_surf);
  /* The groups of an entity, as linked lists in group order (GROUPS_OF: the first, NEXT). */
  gint *groups_of = (gint *)numbers + 5 * (n + 1), *next = (gint *)numbers + 6 * (n + 1);
  gint *last = (gint *)numbers + 7 * (n + 1);
  guint ent = 0;
  for (guint i = 0; i < groups->len; i++) {
    if (parent[i] != i)
      continue;
    Group *best = &groups->at[root_best[i]];
    res->entity_block[ent].label = best->canonical ? best->canonical : best->top;
    root_entity[i] = ent;
    groups_of[ent] = last[ent] = -1;
    ent++;
  }
  for (guint i = 0; i < groups->len; i++) {
    guint e = root_entity[parent[i]];
    next[i] = -1;
    if (last[e] < 0)
      groups_of[e] = (gint)i;
    else
      next[last[e]] = (gint)i;
    last[e] = (gint)i;
  }
  EgDocSurface *out = res->surface_block;
  for (ent = 0; ent < n_ent; ent++) {
    EgDocEntity *e = &res->entity_block[ent];
    EgDocSurface *from = out;
    guint members = 0;
    for (gint i = groups_of[ent]; i >= 0; i = next[i], members++) {
      const Group *g = &groups->at[i];
      for (guint t = 0; t < EG_N_TYPES; t++)
        e->votes[t] += g->votes[t];
      e->mentions += g->mentions;
      out = str_counts_put(group_surfaces(g), out);
    }
    if (members > 1) {
      /* Two groups of one entity may share a surface form: sum them, each form once. */
      eg_sort_few(from, (gsize)(out - from), sizeof *from, cmp_doc_surface);
      EgDocSurface *w = from;
      for (EgDocSurface *r = from; r < out; r++) {
        if (w > from && strcmp(w[-1].surface, r->surface) == 0)
          w[-1].count += r->count;
        else
          *w++ = *r;
      }
      out = w;
    }
    e->surfaces = from;
    e->n_surfaces = (guint)(out - from);
  }
  guint *me = (guint *)(void *)res->mention_entity->data;
  for (guint k = 0; k < n; k++)
    me[k] = root_entity[parent[mention_group[k]]];
  for (guint i = 0; i < groups->len; i++)
    group_clear(&groups->at[i]);
  if (keys_used)
    g_string_chunk_clear(sc->keys);
  if (n > RESOLVE_KEEP_MENTIONS)
    resolve_scratch_trim(sc);
  return res;
}

static void
resolution_destroy(EgResolution *res)
{
  if (!res)
    return;
  g_ptr_array_unref(res->entities);
  g_array_unref(res->mention_entity);
  g_free(res->entity_block); /* the surfaces too */
  g_free(res);
}

void
eg_resolution_free(EgResolution *res)
{
  if (!res)
    return;
  /* Kept for the thread's next document when it has none kept (see resolution_take). */
  ResolveScratch *sc = g_private_get(&resolve_scratch_key);
  if (sc && !sc->spare && res->mention_entity->len <= RESOLVE_KEEP_MENTIONS) {
    sc->spare = res;
    return;
  }
  resolution_destroy(res);
}
