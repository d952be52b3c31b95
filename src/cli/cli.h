/* cli.h: the command line: option parsing shared by the subcommands, and the subcommands.
 * The CLI alone prints errors ("entgraph: FILE: what is wrong") and chooses exit codes. */
#ifndef EG_CLI_H
#define EG_CLI_H

#include "cooc/pipeline.h"

typedef struct {
  char *window;
  char *paragraphs;
  char *max_entities;         /* --max-window-entities */
  gboolean jsonl;
  char *text_field;
  char *id_field;
  gboolean quiet;
  gint jobs;                  /* --jobs: 0 means one per processor */
  gboolean dedup;             /* --dedup */
  gboolean html;              /* --html */
  char **counts_files;        /* --counts FILE: counts of earlier runs to add */
  char **alias_files;         /* --aliases FILE */
  char **stop_files;          /* --stoplist FILE */
  EgRules *rules;             /* loaded from the two above by eg_cli_parse, or NULL */
  EgCountOptions count;       /* filled from the strings above by eg_cli_parse */
  gboolean explicit_header;   /* --window, --paragraphs, --max-window-entities or rules given */
  gboolean windows;           /* the command's output depends on windows (eg_cli_parse) */
  gboolean had_warnings;
  char **args;                /* the command line as parsed (eg_cli_option_parse) */
} EgCliInput;

/* Frees the option strings of IN (not IN itself). */
void eg_cli_input_clear(EgCliInput *in);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(EgCliInput, eg_cli_input_clear)

/* Parses ARGV for subcommand CMD with the shared input options plus EXTRA (and --window and
 * --max-window-entities when WINDOWS: only commands whose output depends on windows offer
 * them). On a usage error or --version prints and returns FALSE with *EXIT_CODE set (--help
 * exits within GOption). */
gboolean eg_cli_parse(const char *cmd, const char *params, const char *summary, const char *examples,
                      GOptionEntry *extra, gboolean windows, EgCliInput *in, int *argc, char ***argv,
                      int *exit_code);

/* g_option_context_parse for ENTRIES (CTX's options), that also reads a short option's value
 * written attached ("-j4", "-oout.svg"). On return *ARGV and *ARGC are the arguments left, held
 * in *OWNED (transfer full, g_strfreev), whatever the result. */
gboolean eg_cli_option_parse(GOptionContext *ctx, const GOptionEntry *entries, int *argc,
                             char ***argv, char ***owned, GError **error);

/* Counts the inputs ARGV[1..] of a parsed command line and adds the --counts files, reporting
 * problems as they come. Returns the counts (transfer full) and sets *FATAL to the number of
 * inputs not read; returns NULL after printing the problem when --counts files were made with
 * other options than these (a usage error: exit 2). */
EgCounts *eg_cli_count(EgCliInput *in, int argc, char **argv, guint *fatal);

/* Prints one problem: "entgraph: FILE: what is wrong". */
void eg_cli_report(const GError *error, gboolean fatal, gpointer user_data);
void eg_cli_error(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
/* Wipes the progress line, if one is shown. */
void eg_cli_progress_end(void);

int eg_cmd_build(int argc, char **argv);
int eg_cmd_count(int argc, char **argv);
int eg_cmd_merge(int argc, char **argv);
int eg_cmd_entities(int argc, char **argv);
int eg_cmd_mentions(int argc, char **argv);

#endif
