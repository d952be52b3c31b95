/* entgraph.c: the definitions entgraph.h promises to every module (error domain, type names). */
#include "entgraph.h"

G_DEFINE_QUARK(entgraph-error-quark, eg_error)

const char *
eg_type_name(EgEntityType type)
{
  static const char *const names[EG_N_TYPES] = { "PERSON", "ORG", "LOC", "MISC" };
  return (unsigned)type < EG_N_TYPES ? names[type] : "MISC";
}
