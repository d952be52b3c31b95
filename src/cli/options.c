/* options.c: the options every subcommand that reads text shares, and problem reporting. */
#include "cli/cli.h"

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#ifdef EG_MIMALLOC
#include <mimalloc.h>
#endif
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

/* Progress goes to a terminal only, a few times a second, and is wiped before any message so a
 * message never lands in the middle of a progress line. */
static gint64 progress_last;
static gint64 progress_start;
static gboolean progress_shown;
static guint64 progress_total; /* bytes of the plain inputs, 0 when unknown (stdin, gzip) */

static void
cli_progress(guint64 documents, guint64 bytes, gpointer user_data)
{
  (void)user_data;
  gint64 now = g_get_monotonic_time();
  if (now - progress_last < 250000)
    return;
  progress_last = now;
  progress_shown = TRUE;
  double secs = (double)(now - progress_start) / 1e6;
  double rate = secs > 0 ? (double)bytes / 1e6 / secs : 0;
  fprintf(stderr, "\r\033[Kentgraph: %" G_GUINT64_FORMAT " documents, %.1f MB, %.1f MB/s", documents,
          (double)bytes / 1e6, rate);
  if (progress_total > bytes && rate > 0)
    fprintf(stderr, ", about %.0f s left", ((double)(progress_total - bytes) / 1e6) / rate);
}

/* The bytes of an input, for an ETA (text read is about the bytes of plain files); FALSE when
 * its size cannot be known in advance (standard input, gzip). */
static gboolean
cli_input_size(const char *path, gboolean jsonl, guint64 *total)
{
  if (strcmp(path, "-") == 0 || g_str_has_suffix(path, ".gz") || eg_html_is_name(path))
    return FALSE; /* a web page's text is not its size */
  GStatBuf st;
  if (g_stat(path, &st) != 0)
    return TRUE; /* reported as missing later */
  if (!S_ISDIR(st.st_mode)) {
    *total += (guint64)st.st_size;
    return TRUE;
  }
  g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
  const char *name;
  gboolean known = TRUE;
  while (dir && (name = g_dir_read_name(dir))) {
    g_autofree char *child = g_build_filename(path, name, NULL);
    if (g_file_test(child, G_FILE_TEST_IS_DIR) || g_str_has_suffix(name, jsonl ? ".jsonl" : ".txt") ||
        g_str_has_suffix(name, jsonl ? ".jsonl.gz" : ".txt.gz"))
      known &= cli_input_size(child, jsonl, total);
  }
  return known;
}

void
eg_cli_progress_end(void)
{
  if (progress_shown)
    fputs("\r\033[K", stderr);
  progress_shown = FALSE;
}

void
eg_cli_error(const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  g_autofree char *msg = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  eg_cli_progress_end();
  fprintf(stderr, "entgraph: %s\n", msg);
}

void
eg_cli_report(const GError *error, gboolean fatal, gpointer user_data)
{
  EgCliInput *in = user_data;
  (void)fatal;
  if (in)
    in->had_warnings = TRUE;
  eg_cli_error("%s", error->message);
}

void
eg_cli_input_clear(EgCliInput *in)
{
  g_clear_pointer(&in->window, g_free);
  g_clear_pointer(&in->paragraphs, g_free);
  g_clear_pointer(&in->max_entities, g_free);
  g_clear_pointer(&in->text_field, g_free);
  g_clear_pointer(&in->id_field, g_free);
  g_clear_pointer(&in->counts_files, g_strfreev);
  g_clear_pointer(&in->alias_files, g_strfreev);
  g_clear_pointer(&in->stop_files, g_strfreev);
  g_clear_pointer(&in->rules, eg_rules_free);
  g_clear_pointer(&in->args, g_strfreev);
}

/* The entry of ENTRIES whose short name is C, or NULL. */
static const GOptionEntry *
cli_short_entry(const GOptionEntry *entries, char c)
{
  for (guint i = 0; entries[i].long_name; i++)
    if (entries[i].short_name == c)
      return &entries[i];
  return NULL;
}

static gboolean
cli_takes_value(const GOptionEntry *e)
{
  return e && e->arg != G_OPTION_ARG_NONE && !(e->flags & G_OPTION_FLAG_NO_ARG);
}

/* GOption reads "-j 4" but not "-j4": it takes the next argument as the value of -j and fails
 * with a message about that argument ("Cannot parse integer value “--quiet” for -j"). Users of
 * make and getopt write values attached, so a short option that takes a value is split from an
 * attached one before parsing; an argument that is itself an option's value is left alone. */
static char **
cli_split_short_values(const GOptionEntry *entries, int argc, char **argv)
{
  GPtrArray *out = g_ptr_array_new();
  gboolean options = TRUE, value_next = FALSE;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    gboolean is_value = value_next;
    value_next = FALSE;
    if (i == 0 || !options || is_value || a[0] != '-' || a[1] == '\0') {
      g_ptr_array_add(out, g_strdup(a));
      continue;
    }
    if (a[1] == '-') {
      if (a[2] == '\0') {
        options = FALSE;
      } else if (!strchr(a, '=')) {
        for (guint k = 0; entries[k].long_name; k++)
          if (strcmp(a + 2, entries[k].long_name) == 0)
            value_next = cli_takes_value(&entries[k]);
      }
      g_ptr_array_add(out, g_strdup(a));
      continue;
    }
    const GOptionEntry *e = cli_short_entry(entries, a[1]);
    if (cli_takes_value(e) && a[2] != '\0') {
      g_ptr_array_add(out, g_strndup(a, 2));
      g_ptr_array_add(out, g_strdup(a + 2));
      continue;
    }
    value_next = cli_takes_value(e);
    g_ptr_array_add(out, g_strdup(a));
  }
  g_ptr_array_add(out, NULL);
  return (char **)g_ptr_array_free(out, FALSE);
}

gboolean
eg_cli_option_parse(GOptionContext *ctx, const GOptionEntry *entries, int *argc, char ***argv,
                    char ***owned, GError **error)
{
  *owned = cli_split_short_values(entries, *argc, *argv);
  gboolean ok = g_option_context_parse_strv(ctx, owned, error);
  /* GOption stops at "--" but leaves it among the operands, where it would be read as a file. */
  for (guint i = 1; ok && (*owned)[i]; i++)
    if (strcmp((*owned)[i], "--") == 0) {
      g_free((*owned)[i]);
      memmove(*owned + i, *owned + i + 1, sizeof(char *) * (g_strv_length(*owned + i + 1) + 1));
      break;
    }
  *argv = *owned;
  *argc = (int)g_strv_length(*owned);
  return ok;
}

gboolean
eg_cli_parse(const char *cmd, const char *params, const char *summary, const char *examples,
             GOptionEntry *extra, gboolean windows, EgCliInput *in, int *argc, char ***argv,
             int *exit_code)
{
  gboolean version = FALSE;
  GOptionEntry input_entries[] = {
    { "window", 'w', 0, G_OPTION_ARG_STRING, &in->window,
      "What counts as together: sentence (default), paragraph, document, or a number N of words "
      "(e.g. --window 50: words 1-50, 51-100, ... of each document)", "KIND" },
    { "max-window-entities", 0, 0, G_OPTION_ARG_STRING, &in->max_entities,
      "A window naming more distinct entities than this is a list or a table, not prose: its "
      "entities are counted, its pairs are not, and stderr says how many windows that was "
      "(default 500, at most 2000; e.g. --window document --max-window-entities 2000)", "N" },
    { "paragraphs", 0, 0, G_OPTION_ARG_STRING, &in->paragraphs,
      "Paragraph breaks: auto (default: blank lines when the text has them, else every line "
      "break), blank, or line (e.g. --paragraphs line)", "MODE" },
    { "jsonl", 0, 0, G_OPTION_ARG_NONE, &in->jsonl,
      "Inputs are JSON Lines, one document per line (e.g. --jsonl news.jsonl); folders are read "
      "for *.jsonl", NULL },
    { "text-field", 0, 0, G_OPTION_ARG_STRING, &in->text_field,
      "With --jsonl: the field holding the text (default: text; e.g. --text-field body)", "NAME" },
    { "id-field", 0, 0, G_OPTION_ARG_STRING, &in->id_field,
      "With --jsonl: the field holding the document id (default: id; e.g. --id-field url)", "NAME" },
    { "html", 0, 0, G_OPTION_ARG_NONE, &in->html,
      "Inputs are web pages whatever their names, standard input too (files named *.html or *.htm "
      "always are): the text of headings and paragraphs is read, scripts, menus and captions are "
      "not (e.g. curl -s URL | entgraph entities --html -); with --jsonl: the text field is HTML", NULL },
    { "counts", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &in->counts_files,
      "Add counts written by 'entgraph count' or 'entgraph merge' (repeatable; INPUT is then "
      "optional; e.g. --counts yesterday.counts today.txt)", "FILE" },
    { "aliases", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &in->alias_files,
      "Name variants to count as one entity, applied before counting: TSV lines VARIANT<TAB>CANONICAL, "
      "and !NAME<TAB>NAME for two names never to merge (repeatable; e.g. --aliases aliases.tsv)", "FILE" },
    { "stoplist", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &in->stop_files,
      "Labels that are never an entity, one per line (repeatable; e.g. --stoplist stop.txt)", "FILE" },
    { "dedup", 0, 0, G_OPTION_ARG_NONE, &in->dedup,
      "Skip documents whose text is an exact copy of one read before (wire stories are reprinted); "
      "stderr says how many (e.g. --dedup)", NULL },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &in->jobs,
      "Worker threads that read and count (default: one per processor; the output is the same for "
      "any number; e.g. --jobs 4)", "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &in->quiet,
      "No progress line on stderr (shown only when stderr is a terminal; errors and warnings are "
      "always printed; e.g. -q)", NULL },
    { "version", 'V', 0, G_OPTION_ARG_NONE, &version, "Print the version and exit (e.g. --version)", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_autofree char *param = g_strdup_printf("%s - %s", params, summary);
  g_autoptr(GOptionContext) ctx = g_option_context_new(param);
  g_autofree char *prg = g_strdup_printf("entgraph %s", cmd);
  g_set_prgname(prg);
  g_option_context_set_summary(ctx, "INPUT is a file (.gz files are decompressed; *.html and *.htm "
                                    "are read as web pages), a folder (read recursively for *.txt, "
                                    "*.html, *.htm and those gzipped) or - for standard input.");
  g_autofree char *desc = g_strdup_printf(
      "Examples:\n%s\n"
      "Exit codes: 0 done (warnings do not change it), 1 some input could not be read (the rest "
      "was processed), 2 usage error, 3 an output could not be written.\n", examples);
  g_option_context_set_description(ctx, desc);
  /* One group, so that one --help shows every option. */
  g_autoptr(GArray) entries = g_array_new(TRUE, TRUE, sizeof(GOptionEntry));
  for (guint i = 0; extra && extra[i].long_name; i++)
    g_array_append_val(entries, extra[i]);
  /* `mentions` reads text in order on one thread: counts files and threads mean nothing to it. */
  gboolean counting = strcmp(cmd, "mentions") != 0;
  for (guint i = 0; input_entries[i].long_name; i++) {
    const char *name = input_entries[i].long_name;
    if ((windows || (strcmp(name, "window") != 0 && strcmp(name, "max-window-entities") != 0)) &&
        (counting || (strcmp(name, "counts") != 0 && strcmp(name, "jobs") != 0)))
      g_array_append_val(entries, input_entries[i]);
  }
  g_option_context_add_main_entries(ctx, (GOptionEntry *)entries->data, NULL);
  g_autoptr(GError) error = NULL;
  if (!eg_cli_option_parse(ctx, (GOptionEntry *)entries->data, argc, argv, &in->args, &error)) {
    eg_cli_error("%s (see 'entgraph %s --help')", error->message, cmd);
    *exit_code = EG_EXIT_USAGE;
    return FALSE;
  }
  if (version) {
    printf("entgraph %s (lexicons %s)\n", EG_VERSION, EG_LEXICON_VERSION);
    *exit_code = EG_EXIT_OK;
    return FALSE;
  }
  if (in->jobs < 0 || in->jobs > 1024) {
    eg_cli_error("--jobs: %d is not a number of threads from 1 to 1024", in->jobs);
    *exit_code = EG_EXIT_USAGE;
    return FALSE;
  }
  EgCountOptions *c = &in->count;
  c->jobs = (guint)in->jobs;
  in->windows = windows;
  /* A finished pool's threads end instead of idling for a pool that never comes: an idle
   * worker would keep its allocator's pages, freed or not, through the graph phase (peak RSS
   * at 1 GB with two workers: 200 or 265 MB from run to run). */
  g_thread_pool_set_max_unused_threads(0);
#if defined(__GLIBC__) && !defined(EG_MIMALLOC)
  /* Without mimalloc (see CMakeLists.txt): glibc gives each thread a malloc arena of its own,
   * and the workers' arenas fragment as documents of every size come and go: on 206 MB of news,
   * 2 workers peaked at 265 MB against 207 MB on 17 MB, and at 205 MB with two arenas. On 1 GB
   * two arenas still peaked at 204 to 265 MB from run to run; one arena peaks at 205 MB but is
   * 60% slower (46 s against 29 s: the workers queue for its lock), so two it is. */
  guint workers = c->jobs ? c->jobs : eg_pipeline_default_jobs();
  mallopt(M_ARENA_MAX, (int)MAX(2u, workers / 2 + 1));
#endif
  if ((in->alias_files && in->alias_files[0]) || (in->stop_files && in->stop_files[0])) {
    in->rules = eg_rules_new();
    for (guint i = 0; in->alias_files && in->alias_files[i]; i++)
      if (!eg_rules_load_aliases(in->rules, in->alias_files[i], &error))
        break;
    for (guint i = 0; !error && in->stop_files && in->stop_files[i]; i++)
      eg_rules_load_stoplist(in->rules, in->stop_files[i], &error);
    if (error) {
      eg_cli_error("%s", error->message);
      *exit_code = EG_EXIT_USAGE;
      return FALSE;
    }
    c->rules = in->rules;
  }
  if (!in->quiet && isatty(STDERR_FILENO)) {
    c->progress = cli_progress;
    progress_start = g_get_monotonic_time();
    gboolean known = TRUE;
    for (int i = 1; i < *argc; i++)
      known &= cli_input_size((*argv)[i], in->jsonl, &progress_total);
    if (!known)
      progress_total = 0;
  }
  c->source.jsonl = in->jsonl;
  c->source.text_field = in->text_field;
  c->source.id_field = in->id_field;
  c->source.dedup = in->dedup;
  c->source.html = in->html;
  if (!eg_window_parse(in->window ? in->window : "sentence", &c->window, &c->window_size)) {
    eg_cli_error("--window: '%s' is not sentence, paragraph, document or a number of words", in->window);
    *exit_code = EG_EXIT_USAGE;
    return FALSE;
  }
  if (!eg_paragraph_mode_parse(in->paragraphs ? in->paragraphs : "auto", &c->paragraphs)) {
    eg_cli_error("--paragraphs: '%s' is not auto, blank or line", in->paragraphs);
    *exit_code = EG_EXIT_USAGE;
    return FALSE;
  }
  if (in->max_entities && !eg_max_entities_parse(in->max_entities, &c->max_entities)) {
    eg_cli_error("--max-window-entities: '%s' is not a number from 2 to %u", in->max_entities,
                 EG_WINDOW_MAX_ENTITIES_CAP);
    *exit_code = EG_EXIT_USAGE;
    return FALSE;
  }
  in->explicit_header = in->window || in->paragraphs || in->max_entities || in->rules;
  if (*argc < 2 && !(in->counts_files && in->counts_files[0])) {
    eg_cli_error("no INPUT given (see 'entgraph %s --help')", cmd);
    *exit_code = EG_EXIT_USAGE;
    return FALSE;
  }
  return TRUE;
}

/* The warning of windows too crowded to count their pairs (EgCounts.max_entities): one line for
 * the run, not one per window (a file of lists has thousands), and only from commands whose
 * output has pairs. */
static void
cli_report_crowded(const EgCounts *counts, EgCliInput *in)
{
  const char *doc;
  guint64 crowded = eg_counts_crowded(counts, &doc);
  if (!crowded)
    return;
  doc = eg_input_name(doc); /* standard input's document has the id "-" */
  g_autoptr(GError) error = NULL;
  if (crowded == 1)
    error = g_error_new(EG_ERROR, EG_ERROR_CROWDED, "%s: a window named more than %u entities (a "
                        "list or a table, not prose): its entities are counted, its pairs are "
                        "not (--max-window-entities changes the limit)",
                        doc ? doc : "a document", counts->max_entities);
  else
    error = g_error_new(EG_ERROR, EG_ERROR_CROWDED, "%" G_GUINT64_FORMAT " windows named more "
                        "than %u entities (lists or tables, not prose; the first by document id "
                        "in %s): their entities are counted, their pairs are not "
                        "(--max-window-entities changes the limit)", crowded,
                        counts->max_entities, doc ? doc : "a document without an id");
  eg_cli_report(error, FALSE, in);
}

EgCounts *
eg_cli_count(EgCliInput *in, int argc, char **argv, guint *fatal)
{
  EgCounts *counts = NULL;
  *fatal = 0;
  /* Counts files take the window from their header, unless text is counted with them or the
   * user named a window: then they must agree with it. */
  if (argc > 1 || in->explicit_header) {
    counts = eg_pipeline_count((const char *const *)(argv + 1), &in->count, eg_cli_report, in, fatal);
    eg_cli_progress_end();
    if (in->windows)
      cli_report_crowded(counts, in);
#ifdef EG_MIMALLOC
    /* The workers' partial counts were freed here, on this thread, after the workers ended:
     * mimalloc keeps such pages with the dead threads' heaps until told to take them back, and
     * the graph built next would otherwise sit on top of them. */
    mi_collect(true);
#endif
  }
  for (guint i = 0; in->counts_files && in->counts_files[i]; i++) {
    const char *path = in->counts_files[i];
    gboolean is_stdin = strcmp(path, "-") == 0;
    const char *name = eg_input_name(path);
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    if (!fp) {
      eg_cli_error("%s: %s", path, errno == ENOENT ? "no such file" : g_strerror(errno));
      (*fatal)++;
      continue;
    }
    g_autoptr(GError) error = NULL;
    gboolean ok = eg_counts_read(&counts, name, fp, &error);
    if (!is_stdin)
      fclose(fp);
    if (!ok && g_error_matches(error, EG_ERROR, EG_ERROR_HEADER)) {
      eg_cli_error("%s", error->message);
      eg_counts_free(counts);
      return NULL;
    }
    if (!ok) {
      eg_cli_error("%s", error->message);
      (*fatal)++;
    }
  }
  if (!counts) { /* only unreadable counts files: an empty graph with the options' window */
    counts = eg_pipeline_counts_new(&in->count);
  }
  return counts;
}
