/* dates.c: the dates of documents and the periods of `--slice`.
 *
 * Owns reading a date as news gives it ("2016-07-25", "2016-07-25T14:03:00Z", "July 25, 2016",
 * "Monday, 25 July 2016", "Mon, 25 Jul 2016 14:03:00 +0000", a Unix time) into a day, and naming
 * the day, ISO week, month or year that holds a day. A day is a GDate Julian day number, 0 for
 * none, so a document carries its date without an allocation.
 *
 * Why not g_date_set_parse: it reads month names in the current locale and guesses the order of
 * day and month from it, so one file would get different dates on different machines. Month
 * names here are English (newswire's language) and the order comes from the text alone. A date
 * is taken as written, in the publisher's time zone: the time of day and its offset are ignored.
 */
#include "text/text.h"

#include <string.h>

static const char *const months[] = { "january", "february", "march", "april", "may", "june", "july",
                                      "august", "september", "october", "november", "december" };
static const char *const weekdays[] = { "monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday" };

static guint32
date_day(guint year, guint month, guint day)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    return 0;
  GDate d;
  g_date_clear(&d, 1);
  g_date_set_dmy(&d, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  return g_date_get_julian(&d);
}

/* Reads 1..MAX digits at *P into *VALUE; returns how many were read. */
static guint
read_number(const char **p, const char *end, guint max, guint *value)
{
  guint n = 0;
  *value = 0;
  while (*p < end && n < max && g_ascii_isdigit(**p)) {
    *value = *value * 10 + (guint)(**p - '0');
    (*p)++;
    n++;
  }
  return n;
}

/* Reads a word of letters at *P; returns its length (0: none). */
static gsize
read_word(const char **p, const char *end, const char **word)
{
  *word = *p;
  while (*p < end && g_ascii_isalpha(**p))
    (*p)++;
  return (gsize)(*p - *word);
}

/* The index of WORD (LEN bytes, any case) in NAMES: its full name or its first three letters
 * ("Sept" too); -1 when none. */
static int
name_index(const char *const *names, guint n, const char *word, gsize len)
{
  if (len < 3)
    return -1;
  for (guint i = 0; i < n; i++) {
    gsize full = strlen(names[i]);
    if (len <= full && g_ascii_strncasecmp(word, names[i], len) == 0 &&
        (len == full || len == 3 || (len == 4 && i == 8 && months == names)))
      return (int)i;
  }
  return -1;
}

static void
skip_space(const char **p, const char *end)
{
  while (*p < end && (**p == ' ' || **p == '\t'))
    (*p)++;
}

/* What may follow a date: nothing, or a time of day ("T14:03", " 14:03:00 +0000", " 2:03 PM"). */
static gboolean
date_tail_ok(const char *p, const char *end)
{
  if (p == end)
    return TRUE;
  if (*p == 'T' || *p == 't')
    p++; /* ISO 8601: the time follows at once */
  else if (*p != ' ' && *p != '\t' && *p != ',')
    return FALSE;
  while (p < end && (*p == ' ' || *p == '\t' || *p == ','))
    p++;
  /* A time is H:MM or HH:MM right there: "July 25, 2016 12 killed: a report" is a headline. */
  guint digits = 0;
  while (p < end && g_ascii_isdigit(*p) && digits < 3) {
    p++;
    digits++;
  }
  return (digits == 1 || digits == 2) && end - p >= 3 && p[0] == ':' && g_ascii_isdigit(p[1]) &&
         g_ascii_isdigit(p[2]);
}

/* "2016-07-25" or "2016/07/25", then an optional time. */
static guint32
parse_iso(const char *p, const char *end)
{
  guint y, m, d;
  if (read_number(&p, end, 4, &y) != 4 || p >= end || (*p != '-' && *p != '/'))
    return 0;
  char sep = *p++;
  if (read_number(&p, end, 2, &m) == 0 || p >= end || *p++ != sep)
    return 0;
  if (read_number(&p, end, 2, &d) == 0 || (p < end && g_ascii_isdigit(*p)))
    return 0;
  return date_tail_ok(p, end) ? date_day(y, m, d) : 0;
}

/* "July 25, 2016", "Jul. 25 2016", "25 July 2016", "25th of July, 2016", each after an optional
 * weekday ("Monday, "), then an optional time. */
static guint32
parse_words(const char *p, const char *end)
{
  const char *word;
  gsize len = read_word(&p, end, &word);
  if (len && name_index(weekdays, 7, word, len) >= 0) {
    if (p < end && *p == '.')
      p++;
    if (p < end && *p == ',')
      p++;
    skip_space(&p, end);
    len = read_word(&p, end, &word);
  }
  guint day = 0, year = 0;
  int month = -1;
  if (len) { /* month first */
    month = name_index(months, 12, word, len);
    if (month < 0)
      return 0;
    if (p < end && *p == '.')
      p++;
    skip_space(&p, end);
    if (read_number(&p, end, 2, &day) == 0)
      return 0;
    const char *suffix;
    if (read_word(&p, end, &suffix) > 2)
      return 0;
  } else { /* day first */
    if (read_number(&p, end, 2, &day) == 0)
      return 0;
    const char *suffix;
    if (read_word(&p, end, &suffix) > 2)
      return 0;
    skip_space(&p, end);
    if (end - p > 3 && g_ascii_strncasecmp(p, "of ", 3) == 0)
      p += 3;
    len = read_word(&p, end, &word);
    month = name_index(months, 12, word, len);
    if (month < 0)
      return 0;
    if (p < end && *p == '.')
      p++;
  }
  if (p < end && *p == ',')
    p++;
  skip_space(&p, end);
  if (read_number(&p, end, 4, &year) != 4 || (p < end && g_ascii_isdigit(*p)))
    return 0;
  return date_tail_ok(p, end) ? date_day(year, (guint)month + 1, day) : 0;
}

guint32
eg_date_parse(const char *s, gsize len)
{
  if (!s)
    return 0;
  const char *p = s, *end = s + len;
  while (p < end && g_ascii_isspace(*p))
    p++;
  while (end > p && g_ascii_isspace(end[-1]))
    end--;
  if (end - p < 6 || end - p > 64)
    return 0;
  return g_ascii_isdigit(*p) && end - p >= 10 && g_ascii_isdigit(p[3]) && (p[4] == '-' || p[4] == '/')
             ? parse_iso(p, end)
             : parse_words(p, end);
}

guint32
eg_date_from_unix(gint64 seconds)
{
  /* Within the years GDate holds: 0001-01-01 .. 9999-12-31. */
  if (seconds < -62135596800LL || seconds > 253402300799LL)
    return 0;
  gint64 days = seconds / 86400 - (seconds % 86400 < 0);
  return (guint32)(719163 + days); /* 1970-01-01 is Julian day 719163 in GDate's count */
}

gboolean
eg_slice_parse(const char *s, EgSlice *slice)
{
  static const char *const names[] = { "day", "week", "month", "year" };
  for (guint i = 0; i < G_N_ELEMENTS(names); i++)
    if (g_ascii_strcasecmp(s, names[i]) == 0) {
      *slice = (EgSlice)(EG_SLICE_DAY + i);
      return TRUE;
    }
  return FALSE;
}

void
eg_period_name(guint32 day, EgSlice slice, char buf[EG_PERIOD_MAX])
{
  g_return_if_fail(day > 0 && slice != EG_SLICE_NONE);
  GDate d;
  g_date_clear(&d, 1);
  g_date_set_julian(&d, day);
  guint y = g_date_get_year(&d), m = g_date_get_month(&d);
  switch (slice) {
  case EG_SLICE_DAY: g_snprintf(buf, EG_PERIOD_MAX, "%04u-%02u-%02u", y, m, g_date_get_day(&d)); break;
  case EG_SLICE_MONTH: g_snprintf(buf, EG_PERIOD_MAX, "%04u-%02u", y, m); break;
  case EG_SLICE_YEAR: g_snprintf(buf, EG_PERIOD_MAX, "%04u", y); break;
  case EG_SLICE_WEEK: {
    /* ISO 8601: the week belongs to the year of its Thursday ("2016-W01" may start in 2015). */
    GDate thursday = d;
    int wd = g_date_get_weekday(&d); /* Monday 1 .. Sunday 7 */
    if (wd < 4)
      g_date_add_days(&thursday, (guint)(4 - wd));
    else if (wd > 4 && g_date_get_julian(&d) > (guint32)(wd - 4))
      g_date_subtract_days(&thursday, (guint)(wd - 4));
    g_snprintf(buf, EG_PERIOD_MAX, "%04u-W%02u", g_date_get_year(&thursday),
               g_date_get_iso8601_week_of_year(&d));
    break;
  }
  case EG_SLICE_NONE:
  default: g_assert_not_reached();
  }
}

gboolean
eg_period_range(const char *period, guint32 *first, guint32 *last)
{
  guint y = 0, m = 0, d = 0, w = 0;
  const char *p = period, *end = period + strlen(period);
  if (read_number(&p, end, 4, &y) != 4)
    return FALSE;
  if (p == end) {
    *first = date_day(y, 1, 1);
    *last = date_day(y, 12, 31);
  } else if (end - p == 4 && p[0] == '-' && p[1] == 'W') {
    p += 2;
    if (read_number(&p, end, 2, &w) != 2 || w < 1 || w > 53)
      return FALSE;
    /* ISO week 1 holds January 4th; its Monday starts the week-numbered year. */
    guint32 jan4 = date_day(y, 1, 4);
    if (jan4 <= 3)
      return FALSE; /* year 0, or a Monday before the first day GDate holds */
    GDate j;
    g_date_clear(&j, 1);
    g_date_set_julian(&j, jan4);
    *first = jan4 - (guint32)(g_date_get_weekday(&j) - 1) + 7 * (w - 1);
    *last = *first + 6;
  } else if (*p == '-') {
    p++;
    if (read_number(&p, end, 2, &m) != 2)
      return FALSE;
    if (p == end) {
      *first = date_day(y, m, 1);
      *last = *first ? date_day(y, m, g_date_get_days_in_month((GDateMonth)m, (GDateYear)y)) : 0;
    } else {
      if (*p++ != '-' || read_number(&p, end, 2, &d) != 2 || p != end)
        return FALSE;
      *first = *last = date_day(y, m, d);
    }
  } else {
    return FALSE;
  }
  if (*first == 0 || *last < *first)
    return FALSE;
  /* Only a name eg_period_name writes: no "2016-W53" (2016 has 52 weeks), nothing past 9999. */
  char again[EG_PERIOD_MAX];
  EgSlice slice = w ? EG_SLICE_WEEK : d ? EG_SLICE_DAY : m ? EG_SLICE_MONTH : EG_SLICE_YEAR;
  eg_period_name(*first, slice, again);
  if (strcmp(again, period) != 0)
    return FALSE;
  *last = MIN(*last, date_day(9999, 12, 31));
  return TRUE;
}

void
eg_day_name(guint32 day, char buf[EG_PERIOD_MAX])
{
  eg_period_name(day, EG_SLICE_DAY, buf);
}
