/* resolve.h: the resolution stage's contract: which mentions of one document name one entity.
 *
 * Invariants: every mention belongs to exactly one entity; an entity's label is one of its
 * names (or a lexicon's canonical name), never with a possessive; entities come in the order of
 * their first mention, so the result does not depend on hash order.
 */
#ifndef EG_RESOLVE_H
#define EG_RESOLVE_H

#include "ner/ner.h"

/* One surface form of a document entity and how often it was written so. */
typedef struct {
  const char *surface;            /* a mention's surface (the mentions' string) */
  guint count;
} EgDocSurface;

/* Strings are the mentions' (name, canonical, surface): a resolution is read while its mentions
 * live. Nothing here is allocated per entity: counting reads every document's entities once. */
typedef struct {
  const char *label;              /* display name: "Donald Trump" */
  guint32 votes[EG_N_TYPES];      /* summed type evidence of its mentions */
  guint mentions;                 /* mentions in the document */
  const EgDocSurface *surfaces;   /* its distinct surface forms, in no set order */
  guint n_surfaces;
} EgDocEntity;

typedef struct {
  GPtrArray *entities;            /* of EgDocEntity, by first mention */
  GArray *mention_entity;         /* guint per mention: index into entities */
  /* private: one block holds every entity, then every surface */
  EgDocEntity *entity_block;
  EgDocSurface *surface_block;
  gsize block_size;               /* bytes of ENTITY_BLOCK: a resolution is reused */
} EgResolution;

/* Groups the MENTIONS (from eg_ner_find) of one document into entities: equal names up to case,
 * periods, hyphens and spaces; an acronym defined in brackets or matching the initials of exactly
 * one multi-word name; a surname (or a lone given name) matching exactly one person's full name.
 * Returns a new resolution (transfer full, eg_resolution_free), whose strings are MENTIONS': it is
 * valid while MENTIONS are unchanged and alive. This function can't fail.
 * Time: O(m * e) for m mentions and e distinct names. */
EgResolution *eg_resolve_document(GArray *mentions);
/* Frees RES (NULL is accepted). A thread keeps the last one it frees for its next
 * eg_resolve_document: resolving thousands of documents then allocates almost nothing. */
void eg_resolution_free(EgResolution *res);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(EgResolution, eg_resolution_free)

/* The key two spellings of one name share: case-folded, without periods, hyphens as spaces,
 * single spaces ("Wasserman-Schultz" and "Wasserman Schultz"; "U.S." and "US").
 * Returns a new string (transfer full). */
char *eg_resolve_key(const char *name);

/* The initials of a multi-word name, upper case, connectors skipped ("Democratic National
 * Committee" -> "DNC"), or NULL for a one-word name (transfer full). */
char *eg_resolve_initials(const char *name);

/* The letters of an acronym ("U.S." -> "US"), or NULL when NAME is not one (transfer full). */
char *eg_resolve_acronym_letters(const char *name);

/* Whether NAME's words end with SHORT's words (by key), with SHORT shorter: "Trump" of
 * "Donald Trump", "Wasserman Schultz" of "Debbie Wasserman-Schultz". */
gboolean eg_resolve_is_suffix(const char *short_name, const char *name);

/* ---- the user's rules: --aliases and --stoplist ------------------------------------------- */

typedef struct EgRules EgRules;

/* Empty rules (transfer full, eg_rules_free, which accepts NULL). This function can't fail. */
EgRules *eg_rules_new(void);
void eg_rules_free(EgRules *rules);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(EgRules, eg_rules_free)

/* Adds an alias file: UTF-8 lines "VARIANT<TAB>CANONICAL" (the variant is counted as the
 * canonical name, before counting) or "!NAME<TAB>NAME" (the two are never merged); "#" starts a
 * comment line. Returns FALSE and sets ERROR ("FILE: line N: ...") on an unreadable file or a
 * malformed line. */
gboolean eg_rules_load_aliases(EgRules *rules, const char *path, GError **error);
/* Adds a stop list: one label per line; a mention of it (or of a variant aliased to it) is
 * never counted. Returns FALSE and sets ERROR on an unreadable file. */
gboolean eg_rules_load_stoplist(EgRules *rules, const char *path, GError **error);
/* A short digest of the files' bytes ("-" for no files), for the counts header: counts made
 * with other rules are not merged. Transfer none. */
const char *eg_rules_digest(const EgRules *rules);
/* The canonical name of the variant NAME, or NULL (transfer none). RULES may be NULL. */
const char *eg_rules_canonical(const EgRules *rules, const char *name);
gboolean eg_rules_stopped(const EgRules *rules, const char *name);
/* Whether the user said A and B are never one entity. */
gboolean eg_rules_never(const EgRules *rules, const char *a, const char *b);
gboolean eg_rules_has_never(const EgRules *rules);
/* Calls FN with the two keys (eg_resolve_key) of every never-merge pair, in no set order. */
void eg_rules_foreach_never(const EgRules *rules,
                            void (*fn)(const char *key_a, const char *key_b, gpointer data), gpointer data);
/* Applies the aliases and the stop list to one document's MENTIONS, in place. */
void eg_rules_apply(const EgRules *rules, GArray *mentions);

/* As eg_resolve_document, never joining two names RULES keep apart (RULES may be NULL). */
EgResolution *eg_resolve_document_with(GArray *mentions, const EgRules *rules);

/* Union-find over indices 0..n-1, shared by the document and corpus merges. PARENT[i] == i for
 * a root; a union keeps the smaller root, so a set's root is its first member. */
guint eg_uf_find(guint *parent, guint i);
void eg_uf_union(guint *parent, guint a, guint b);

#endif
