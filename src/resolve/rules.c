/* rules.c: the user's say over entities: an alias file (variant -> canonical, and pairs never to
 * merge) and a stop list (labels that are never a node).
 *
 * Owns the loaded rules and their digest. Names are compared by their resolution key (case,
 * periods, hyphens and spaces do not matter), so "dnc" in a file matches "DNC" in the text.
 * Rules are read-only once loaded: worker threads share them without a lock.
 */
#include "resolve/resolve.h"

#include <string.h>

struct EgRules {
  GHashTable *canonical;   /* variant key -> canonical name */
  GHashTable *stopped;     /* key -> NULL */
  GHashTable *never;       /* "keyA\x1fkeyB" (A < B) -> NULL */
  GChecksum *digest;       /* over every file's bytes, in the order given */
  char *digest_hex;
  guint files;
};

EgRules *
eg_rules_new(void)
{
  EgRules *r = g_new0(EgRules, 1);
  r->canonical = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  r->stopped = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  r->never = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  r->digest = g_checksum_new(G_CHECKSUM_SHA256);
  return r;
}

void
eg_rules_free(EgRules *rules)
{
  if (!rules)
    return;
  g_hash_table_unref(rules->canonical);
  g_hash_table_unref(rules->stopped);
  g_hash_table_unref(rules->never);
  g_checksum_free(rules->digest);
  g_free(rules->digest_hex);
  g_free(rules);
}

static char *
never_key(const char *a, const char *b)
{
  g_autofree char *ka = eg_resolve_key(a), *kb = eg_resolve_key(b);
  return strcmp(ka, kb) < 0 ? g_strconcat(ka, "\x1f", kb, NULL) : g_strconcat(kb, "\x1f", ka, NULL);
}

/* Reads PATH, adds it to the digest, and calls LINE_FN on each line that is not blank or a
 * "#" comment. */
static gboolean
rules_read(EgRules *rules, const char *path, const char *kind,
           gboolean (*line_fn)(EgRules *r, char *line, const char *path, guint lineno, GError **error),
           GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GError) local = NULL;
  if (!g_file_get_contents(path, &data, &len, &local)) {
    g_set_error(error, EG_ERROR, EG_ERROR_NOT_FOUND, "%s: cannot read the %s file (%s)", path, kind,
                g_error_matches(local, G_FILE_ERROR, G_FILE_ERROR_NOENT) ? "no such file" : "unreadable");
    return FALSE;
  }
  if (!g_utf8_validate_len(data, len, NULL)) {
    g_set_error(error, EG_ERROR, EG_ERROR_UTF8, "%s: the %s file is not UTF-8", path, kind);
    return FALSE;
  }
  g_checksum_update(rules->digest, (const guchar *)kind, (gssize)strlen(kind) + 1);
  g_checksum_update(rules->digest, (const guchar *)data, (gssize)len);
  g_clear_pointer(&rules->digest_hex, g_free);
  rules->files++;
  g_auto(GStrv) lines = g_strsplit(data, "\n", -1);
  for (guint i = 0; lines[i]; i++) {
    char *line = lines[i];
    gsize n = strlen(line);
    if (n && line[n - 1] == '\r')
      line[n - 1] = '\0';
    char *t = line;
    while (*t == ' ' || *t == '\t')
      t++;
    if (!*t || *t == '#')
      continue;
    if (!line_fn(rules, line, path, i + 1, error))
      return FALSE;
  }
  return TRUE;
}

static gboolean
alias_line(EgRules *r, char *line, const char *path, guint lineno, GError **error)
{
  gboolean never = line[0] == '!';
  char *a = never ? line + 1 : line;
  char *tab = strchr(a, '\t');
  char *b = tab ? tab + 1 : NULL;
  if (tab)
    *tab = '\0';
  g_strstrip(a);
  if (b)
    g_strstrip(b);
  if (!b || !*a || !*b || strchr(b, '\t')) {
    g_set_error(error, EG_ERROR, EG_ERROR_FORMAT, "%s: line %u: expected VARIANT<TAB>CANONICAL "
                "or !NAME<TAB>NAME", path, lineno);
    return FALSE;
  }
  if (never)
    g_hash_table_add(r->never, never_key(a, b));
  else
    g_hash_table_insert(r->canonical, eg_resolve_key(a), g_strdup(b));
  return TRUE;
}

static gboolean
stop_line(EgRules *r, char *line, const char *path, guint lineno, GError **error)
{
  (void)path;
  (void)lineno;
  (void)error;
  g_hash_table_add(r->stopped, eg_resolve_key(g_strstrip(line)));
  return TRUE;
}

gboolean
eg_rules_load_aliases(EgRules *rules, const char *path, GError **error)
{
  g_return_val_if_fail(rules != NULL && path != NULL, FALSE);
  return rules_read(rules, path, "aliases", alias_line, error);
}

gboolean
eg_rules_load_stoplist(EgRules *rules, const char *path, GError **error)
{
  g_return_val_if_fail(rules != NULL && path != NULL, FALSE);
  return rules_read(rules, path, "stoplist", stop_line, error);
}

const char *
eg_rules_digest(const EgRules *rules)
{
  if (!rules || rules->files == 0)
    return "-";
  EgRules *r = (EgRules *)rules; /* the cached hex string is not part of the rules */
  if (!r->digest_hex) {
    GChecksum *copy = g_checksum_copy(r->digest);
    r->digest_hex = g_strndup(g_checksum_get_string(copy), 16);
    g_checksum_free(copy);
  }
  return r->digest_hex;
}

const char *
eg_rules_canonical(const EgRules *rules, const char *name)
{
  if (!rules || g_hash_table_size(rules->canonical) == 0)
    return NULL;
  g_autofree char *key = eg_resolve_key(name);
  return g_hash_table_lookup(rules->canonical, key);
}

gboolean
eg_rules_stopped(const EgRules *rules, const char *name)
{
  if (!rules || g_hash_table_size(rules->stopped) == 0)
    return FALSE;
  g_autofree char *key = eg_resolve_key(name);
  return g_hash_table_contains(rules->stopped, key);
}

gboolean
eg_rules_never(const EgRules *rules, const char *a, const char *b)
{
  if (!rules || g_hash_table_size(rules->never) == 0)
    return FALSE;
  g_autofree char *key = never_key(a, b);
  return g_hash_table_contains(rules->never, key);
}

void
eg_rules_foreach_never(const EgRules *rules, void (*fn)(const char *key_a, const char *key_b, gpointer data),
                       gpointer data)
{
  if (!rules)
    return;
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init(&it, rules->never);
  while (g_hash_table_iter_next(&it, &k, NULL)) {
    g_autofree char *a = g_strdup(k);
    char *sep = strchr(a, '\x1f');
    *sep = '\0';
    fn(a, sep + 1, data);
  }
}

gboolean
eg_rules_has_never(const EgRules *rules)
{
  return rules && g_hash_table_size(rules->never) > 0;
}

void
eg_rules_apply(const EgRules *rules, GArray *mentions)
{
  if (!rules || (g_hash_table_size(rules->canonical) == 0 && g_hash_table_size(rules->stopped) == 0))
    return;
  for (guint k = mentions->len; k-- > 0;) {
    EgMention *m = &g_array_index(mentions, EgMention, k);
    /* Each name's key made once for both tables (the lookups made it up to four times). */
    g_autofree char *key = eg_resolve_key(m->name);
    g_autofree char *canon_key = m->canonical ? eg_resolve_key(m->canonical) : NULL;
    const char *canon = g_hash_table_lookup(rules->canonical, key);
    if (!canon && canon_key)
      canon = g_hash_table_lookup(rules->canonical, canon_key);
    if (canon) {
      g_free(m->canonical);
      m->canonical = g_strdup(canon);
      g_free(canon_key);
      canon_key = eg_resolve_key(m->canonical);
    }
    if (g_hash_table_contains(rules->stopped, key) ||
        (canon_key && g_hash_table_contains(rules->stopped, canon_key))) {
      /* Mentions after it may point at it ("(DNC)" defines the name before it): re-point. */
      for (guint j = k + 1; j < mentions->len; j++) {
        EgMention *later = &g_array_index(mentions, EgMention, j);
        if (later->defines == (gint32)k)
          later->defines = -1;
        else if (later->defines > (gint32)k)
          later->defines--;
      }
      g_array_remove_index(mentions, k);
    }
  }
}
