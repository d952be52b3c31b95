/* entgraph.c: the definitions entgraph.h promises to every module (error domain, type names). */
#include "entgraph.h"

G_DEFINE_QUARK(entgraph-error-quark, eg_error)

gsize
eg_u64_digits(char *buf, guint64 v)
{
  char tmp[EG_U64_DIGITS];
  gsize n = 0;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  for (gsize k = 0; k < n; k++)
    buf[k] = tmp[n - 1 - k];
  buf[n] = '\0';
  return n;
}

const char *
eg_type_name(EgEntityType type)
{
  static const char *const names[EG_N_TYPES] = { "PERSON", "ORG", "LOC", "MISC" };
  return (unsigned)type < EG_N_TYPES ? names[type] : "MISC";
}
