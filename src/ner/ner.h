/* ner.h: the entity stage's contract: candidate name spans in one segmented document, with
 * titles, possessives, leading articles and ordinary words removed, and type votes.
 *
 * Invariants: mentions come in text order and never overlap; a mention's name has no title,
 * no possessive and no quote marks, and uses straight apostrophes; votes are evidence, not a
 * decision: the type of an entity is decided from the votes of all its mentions.
 */
#ifndef EG_NER_H
#define EG_NER_H

#include "text/text.h"

typedef enum {
  EG_MF_POSSESSIVE = 1 << 0,  /* written with 's: "Trump’s" */
  EG_MF_ACRONYM = 1 << 1,     /* all capitals or dotted: DNC, U.S. */
  EG_MF_TITLED = 1 << 2,      /* a title or role stood before it: "President Donald Trump" */
  EG_MF_CONNECTED = 1 << 3    /* holds a connector word: "Bank of England", "Hillary for America" */
} EgMentionFlags;

/* Vote weights: a lexicon or title is strong evidence, context is weak. */
#define EG_VOTE_STRONG 3
#define EG_VOTE_WEAK 1

typedef struct {
  guint32 first_token, end_token;  /* token range [first, end) of the name */
  guint32 start, end;              /* byte range of the name in the text */
  guint32 sentence, paragraph, word_index;
  guint32 flags;                   /* EgMentionFlags */
  gint32 defines;                  /* for "(DNC)": index of the mention it abbreviates, or -1 */
  guint16 votes[EG_N_TYPES];       /* type evidence from lexicons and context */
  guint16 n_words;                 /* words in the name */
  char *name;                      /* the name: "Donald Trump", "Wasserman-Schultz" */
  char *surface;                   /* as written, possessive included: "Trump's"; NAME's block
                                      holds it (it may be NAME itself): free NAME only */
  char *canonical;                 /* the lexicon's name for it ("United States" for "U.S."), or NULL */
} EgMention;

/* Finds the mentions of one document. TEXT and SEG are the document and its segmentation.
 * Returns an array of EgMention (transfer full, g_array_unref frees the strings too).
 * This function can't fail. Time: linear in the number of tokens. */
GArray *eg_ner_find(const char *text, const EgSegmentation *seg);

/* The lexicon version: changes whenever the embedded lexicons or the rules change counts. */
#define EG_LEXICON_VERSION "1"

#endif
