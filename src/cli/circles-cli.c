/* circles-cli.c: the headless commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * circles [--db PATH] COMMAND [ARGS]: import, stats, paths, rate, export,
 * demo (and, in circles-cli-prospects.c, introducers, reach, prospects;
 * in circles-cli-sources.c, sources, forget, link, unlink, person).
 * Exit status 0 on success, 1 on a failure while working, 2 on bad usage
 * or bad input (the database is then left as it was).
 */
#define G_LOG_DOMAIN "circles-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "circles-cli-private.h"
#include "circles-demo.h"
#include "circles-export.h"
#include "circles-format.h"
#include "circles-import.h"
#include "circles-network.h"
#include "circles-paths.h"
#include "circles-store.h"

typedef int (*CommandFunc) (const char *db_path,
                            int         argc,
                            char      **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  func;
} Command;

static int cmd_import (const char *db_path, int argc, char **argv);
static int cmd_stats  (const char *db_path, int argc, char **argv);
static int cmd_paths  (const char *db_path, int argc, char **argv);
static int cmd_rate   (const char *db_path, int argc, char **argv);
static int cmd_export (const char *db_path, int argc, char **argv);
static int cmd_demo   (const char *db_path, int argc, char **argv);

static const Command commands[] = {
  { "import", N_("FILE [--format FORMAT] [--me KEY] [--owner KEY]"),
    N_("Import a file into the database"), cmd_import },
  { "stats", N_("[--at YYYY-MM-DD] [--json]"),
    N_("Count the people in each circle"), cmd_stats },
  { "paths", N_("KEY [--limit N] [--json]"),
    N_("Show the chains of people that lead to KEY"), cmd_paths },
  /* Translators: the arguments of the rate command: translate the
   * words in capitals only, as for the other commands. */
  { "rate", N_("KEY [RATING] [--with KEY2] [--json]"),
    /* Translators: "none" is the word to type to clear a rating; keep
     * it in English. */
    N_("Show or set your rating of a connection, 1 to 5 (none clears it)"), cmd_rate },
  { "export", N_("FILE [--focus KEY] [--select KEY] [--width W --height H]"),
    N_("Draw the rings (or the paths to KEY) as SVG, PNG or PDF"), cmd_export },
  { "demo", N_("[--people N] [--seed S]"),
    N_("Fill an empty database with a demo network"), cmd_demo },
  { "introducers", N_("[--filter EXPR] [--json]"),
    N_("Rank who can introduce you to the prospects, and a few who reach them all"), _circles_cli_introducers },
  { "reach", N_("KEY [--json] | --top N [--json]"),
    N_("Count who would come closer if KEY became a connection"), _circles_cli_reach },
  { "prospects", N_("FILE [--filter EXPR]"),
    N_("Write the prospects as CSV, with introducers and drafted messages"), _circles_cli_prospects },
  { "cold", N_("[--filter EXPR] [--limit N] [--json]"),
    N_("Rank the connections who lead furthest and you have let go cold"), _circles_cli_cold },
  { "growth", N_("[--json]"),
    N_("Count the connections made each month, by the circle they reach"), _circles_cli_growth },
  { "sources", N_("[--json]"),
    N_("List the imports, with whose export each is"), _circles_cli_sources },
  { "forget", N_("ID"),
    N_("Take back what one import alone brought"), _circles_cli_forget },
  { "link", N_("KEY1 KEY2"),
    N_("Connect two people, as learnt elsewhere"), _circles_cli_link },
  { "unlink", N_("KEY1 KEY2"),
    N_("Disconnect two people"), _circles_cli_unlink },
  { "person", N_("add KEY --name NAME [--company C] [--position P] [--url URL]"),
    N_("Add a person by hand"), _circles_cli_person },
};

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

gboolean
circles_cli_is_command (const char *name)
{
  return find_command (name) != NULL;
}

void
circles_cli_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: circles [--db PATH] [COMMAND [ARGS…]]"));
  fprintf (stream, "\n%s\n", _("Without a command, the window opens."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %s %s\n      %s\n", commands[i].name,
             _(commands[i].args), _(commands[i].summary));
}

static int
exit_status_for_error (const GError *error)
{
  if (error->domain == CIRCLES_IMPORT_ERROR ||
      error->domain == CIRCLES_EXPORT_ERROR ||
      error->domain == G_OPTION_ERROR)
    return CIRCLES_EXIT_BAD_INPUT;

  if (error->domain == CIRCLES_STORE_ERROR)
    switch (error->code)
      {
      case CIRCLES_STORE_ERROR_NOT_CIRCLES:
      case CIRCLES_STORE_ERROR_CORRUPT:
      case CIRCLES_STORE_ERROR_TOO_NEW:
      case CIRCLES_STORE_ERROR_NOT_FOUND:
      case CIRCLES_STORE_ERROR_EXISTS:
        return CIRCLES_EXIT_BAD_INPUT;
      default:
        return CIRCLES_EXIT_FAILED;
      }

  if (error->domain == G_IO_ERROR && error->code == G_IO_ERROR_INVALID_ARGUMENT)
    return CIRCLES_EXIT_BAD_INPUT;

  return CIRCLES_EXIT_FAILED;
}

int
_circles_cli_fail (const GError *error)
{
  g_printerr ("circles: %s\n", error->message);
  return exit_status_for_error (error);
}

int
_circles_cli_usage_error (const char *command,
                          const char *message)
{
  const Command *cmd = find_command (command);

  g_printerr ("circles %s: %s\n", command, message);
  if (cmd != NULL)
    g_printerr (_("Usage: circles [--db PATH] %s %s\n"), cmd->name, _(cmd->args));
  return CIRCLES_EXIT_BAD_INPUT;
}

/* Parses the options of a command; leaves the positional arguments in
 * argv[1..]. */
gboolean
_circles_cli_parse_options (const char    *command,
                            GOptionEntry  *entries,
                            int           *argc,
                            char        ***argv,
                            int           *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = _circles_cli_usage_error (command, error->message);
      return FALSE;
    }
  return TRUE;
}

void
_circles_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* "Label:   12,345  note", the numbers aligned whatever the language:
 * widths are counted in characters, not bytes. */
static void
print_figure (const char *label,
              guint64     value,
              const char *note)
{
  g_autofree char *number = circles_format_count (value);
  /* Translators: a label and its figure on the command line, "People: 12" */
  g_autofree char *title = g_strdup_printf (_("%s:"), label);
  glong title_width = g_utf8_strlen (title, -1);
  glong number_width = g_utf8_strlen (number, -1);

  g_print ("%s%*s%*s%s%s%s\n", title,
           (int)MAX (1, 22 - title_width), "",
           (int)MAX (0, 10 - number_width), "", number,
           note != NULL ? "  " : "", note != NULL ? note : "");
}

/* "1.6%", or "1,6 %" in French: the number follows LC_NUMERIC. */
static char *
percent (guint64 part,
         guint64 whole)
{
  g_autofree char *number = g_strdup_printf ("%.1f", whole > 0 ? 100.0 * part / whole : 0.0);

  /* Translators: a percentage, as in "1.6%" */
  return g_strdup_printf (_("%s%%"), number);
}

/* import */

static int
cmd_import (const char  *db_path,
            int          argc,
            char       **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *me_key = NULL;
  g_autofree char *owner_key = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, NULL, NULL },
    { "me", 0, 0, G_OPTION_ARG_STRING, &me_key, NULL, NULL },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner_key, NULL, NULL },
    { NULL }
  };
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CirclesImportFormat format = CIRCLES_IMPORT_FORMAT_AUTO;
  CirclesImportReport report = { 0 };
  int status;

  if (!_circles_cli_parse_options ("import", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return _circles_cli_usage_error ("import", _("give exactly one file to import"));
  if (format_name != NULL && !circles_import_format_from_string (format_name, &format))
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown format “%s”; known formats: auto, archive, linkedin, csv, dot, graphml, followers, groups"),
                         format_name);
      return _circles_cli_usage_error ("import", message);
    }

  store = circles_store_open (db_path, &error);
  if (store == NULL)
    return _circles_cli_fail (error);

  {
    CirclesImportOptions options = {
      .me_key = me_key,
      .owner_key = owner_key,
      .refuse_foreign = TRUE,
    };

    if (!circles_import_file_full (store, argv[1], format, &options, &report,
                                   NULL, NULL, NULL, &error))
      return _circles_cli_fail (error);
  }

  /* The next command maps the network instead of reading every row.
   * Best effort: the import stands, and without me there is no network
   * to keep yet. */
  if (report.same_as == 0 && !circles_network_save_snapshot (store, NULL, &error))
    {
      g_debug ("No snapshot written after the import: %s", error->message);
      g_clear_error (&error);
    }

  {
    g_autofree char *name = g_filename_display_name (argv[1]);

    if (report.same_as > 0)
      {
        g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (report.same_imported, NULL);
        g_autoptr(GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;
        g_autofree char *date = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;

        g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, report.same_as);

        /* Translators: the file, when it was imported, the number of
         * that import in "circles sources" */
        g_print (_("%s was imported already, on %s (import %s): nothing changed\n"),
                 name, date != NULL ? date : report.same_imported, number);
        return CIRCLES_EXIT_OK;
      }
    g_print (_("Imported %s (%s)\n"), name, circles_import_format_to_string (report.format));
  }
  print_figure (_("Records read"), report.rows, NULL);
  print_figure (_("People added"), report.people_added, NULL);
  print_figure (_("Connections added"), report.connections_added, NULL);
  if (report.follows_added > 0)
    print_figure (_("Followers added"), report.follows_added, NULL);
  if (report.memberships_added > 0)
    print_figure (_("Group memberships added"), report.memberships_added, NULL);
  if (report.hidden_members > 0)
    print_figure (_("Hidden members (rows without a name)"), report.hidden_members, NULL);
  if (report.duplicates > 0)
    print_figure (_("Duplicate rows, imported once"), report.duplicates, NULL);
  if (report.files > 0)
    print_figure (_("Archive files read"), report.files, NULL);
  if (report.messages > 0)
    print_figure (_("Messages"), report.messages, _("counted; contents never kept"));
  if (report.interactions > 0)
    print_figure (_("People messaged"), report.interactions, _("you wrote to them or they to you"));
  if (report.invitations > 0)
    print_figure (_("Pending invitations"), report.invitations, NULL);
  if (report.endorsements > 0)
    print_figure (_("Endorsements"), report.endorsements, NULL);
  if (report.recommendations > 0)
    print_figure (_("Recommendations"), report.recommendations, NULL);
  if (report.unmatched > 0)
    print_figure (_("Not matched"), report.unmatched,
                  _("recommendations naming nobody, or several, among your connections"));
  if (report.first_degree >= CIRCLES_IMPORT_CAP_WARNING * CIRCLES_FIRST_DEGREE_CAP)
    {
      g_autofree char *first = circles_format_count (report.first_degree);
      g_autofree char *cap = circles_format_count (CIRCLES_FIRST_DEGREE_CAP);
      g_autofree char *share = percent (report.first_degree, CIRCLES_FIRST_DEGREE_CAP);

      /* Translators: "your 1st-degree circle holds 27,500 people, 92% of
       * the 30,000 the network allows"; the second %s is a percentage. */
      g_printerr (_("circles: warning: your 1st-degree circle holds %s people, %s of the %s the network allows\n"),
                  first, share, cap);
    }

  return CIRCLES_EXIT_OK;
}

/* Loads the snapshot; *network stays NULL when nobody is me yet. */
gboolean
_circles_cli_load_network (CirclesStore    *store,
                           CirclesNetwork **network,
                           GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  *network = circles_network_load (store, NULL, &local_error);
  if (*network != NULL)
    return TRUE;
  if (g_error_matches (local_error, CIRCLES_NETWORK_ERROR, CIRCLES_NETWORK_ERROR_NO_ME))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
_circles_cli_open_network (const char      *db_path,
                           CirclesStore   **store,
                           CirclesNetwork **network,
                           int             *status)
{
  g_autoptr(GError) error = NULL;

  *store = circles_store_open (db_path, &error);
  if (*store == NULL || !_circles_cli_load_network (*store, network, &error))
    {
      *status = _circles_cli_fail (error);
      return FALSE;
    }
  if (*network == NULL)
    {
      g_printerr ("circles: %s\n",
                  _("Nobody is “me” in this database yet: import your connections, or name yourself with --me"));
      *status = CIRCLES_EXIT_BAD_INPUT;
      return FALSE;
    }
  return TRUE;
}

/* stats */

static int
cmd_stats (const char  *db_path,
           int          argc,
           char       **argv)
{
  gboolean json = FALSE;
  g_autofree char *at = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, NULL, NULL },
    { NULL }
  };
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  CirclesCounts counts = { 0 };
  const char *me_key = NULL;
  const char *me_name = NULL;
  guint day = 0;
  int status;

  if (!_circles_cli_parse_options ("stats", entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return _circles_cli_usage_error ("stats", _("this command takes no file"));
  if (at != NULL && !circles_day_from_iso (at, &day))
    {
      /* Translators: %s is what was given after --at */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write it YYYY-MM-DD"), at);

      return _circles_cli_usage_error ("stats", message);
    }

  store = circles_store_open (db_path, &error);
  if (store == NULL || !_circles_cli_load_network (store, &network, &error))
    return _circles_cli_fail (error);

  if (network != NULL)
    {
      guint me = circles_network_get_me (network);

      /* The rings at a date: only the connections made by then. */
      if (at != NULL)
        circles_network_count_at (network, day, &counts);
      else
        counts = *circles_network_get_counts (network);
      me_key = circles_network_get_key (network, me);
      me_name = circles_network_get_name (network, me);
    }
  else
    {
      /* Nobody is me yet: people and connections are still counted. */
      counts.people = circles_store_count_people (store);
      counts.connections = circles_store_count_connections (store);
      counts.out_of_network = counts.people;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "me");
      if (me_key != NULL)
        json_builder_add_string_value (builder, me_key);
      else
        json_builder_add_null_value (builder);
      if (at != NULL)
        {
          json_builder_set_member_name (builder, "at");
          json_builder_add_string_value (builder, at);
        }
#define MEMBER(name) \
      json_builder_set_member_name (builder, #name); \
      json_builder_add_int_value (builder, counts.name)
      MEMBER (people);
      MEMBER (connections);
      MEMBER (first);
      MEMBER (second);
      MEMBER (third);
      MEMBER (followers);
      MEMBER (group_members);
      MEMBER (out_of_network);
#undef MEMBER
      json_builder_set_member_name (builder, "first_cap");
      json_builder_add_int_value (builder, CIRCLES_FIRST_DEGREE_CAP);
      json_builder_end_object (builder);
      _circles_cli_print_json (builder);
    }
  else
    {
      if (me_name != NULL)
        g_print (_("Me: %s\n"), me_name);
      else
        g_print ("%s\n", _("Nobody is “me” yet: import your connections first."));
      if (at != NULL)
        /* Translators: stats --at: the network as it was on that date */
        g_print (_("As of %s, counting the connections made by then\n"), at);
      g_autofree char *cap = circles_format_count (CIRCLES_FIRST_DEGREE_CAP);
      g_autofree char *share = percent (counts.first, CIRCLES_FIRST_DEGREE_CAP);
      /* Translators: after the count of the 1st degree: "(1.6% of the
       * 30,000 cap)"; the first %s is a percentage */
      g_autofree char *of_cap = g_strdup_printf (_("(%s of the %s cap)"), share, cap);

      print_figure (_("People"), counts.people, NULL);
      print_figure (_("Connections"), counts.connections, NULL);
      print_figure (_("1st degree"), counts.first, of_cap);
      print_figure (_("2nd degree"), counts.second, NULL);
      print_figure (_("3rd degree"), counts.third, NULL);
      print_figure (_("Followers"), counts.followers, NULL);
      print_figure (_("Group members"), counts.group_members, NULL);
      print_figure (_("Out of network"), counts.out_of_network, NULL);
    }

  return CIRCLES_EXIT_OK;
}

/* paths */

static int
cmd_paths (const char  *db_path,
           int          argc,
           char       **argv)
{
  gboolean json = FALSE;
  int limit = 10;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, NULL, NULL },
    { NULL }
  };
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(CirclesPaths) paths = NULL;
  guint target;
  int status;

  if (!_circles_cli_parse_options ("paths", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return _circles_cli_usage_error ("paths", _("give the key of one person"));
  if (limit < 0)
    return _circles_cli_usage_error ("paths", _("--limit must be 0 or more"));

  if (!_circles_cli_open_network (db_path, &store, &network, &status))
    return status;

  target = circles_network_lookup (network, argv[1]);
  if (target == CIRCLES_NO_PERSON)
    {
      g_printerr (_("circles: nobody has the key “%s” in %s\n"), argv[1], db_path);
      return CIRCLES_EXIT_BAD_INPUT;
    }

  paths = circles_paths_find (network, target, limit);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, argv[1]);
      json_builder_set_member_name (builder, "degree");
      if (paths->degree <= CIRCLES_MAX_DEGREE)
        json_builder_add_int_value (builder, paths->degree);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "paths_total");
      json_builder_add_int_value (builder, paths->chains_total);
      json_builder_set_member_name (builder, "paths");
      json_builder_begin_array (builder);
      for (guint i = 0; i < paths->chains->len; i++)
        {
          const CirclesChain *chain = &g_array_index (paths->chains, CirclesChain, i);

          json_builder_begin_array (builder);
          for (guint j = 0; j < chain->length; j++)
            json_builder_add_string_value (builder,
                                           circles_network_get_key (network, chain->people[j]));
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "mutual_connections");
      json_builder_begin_array (builder);
      for (guint i = 0; i < paths->mutual->len; i++)
        json_builder_add_string_value (builder,
                                       circles_network_get_key (network,
                                                                g_array_index (paths->mutual, guint32, i)));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      _circles_cli_print_json (builder);
      return CIRCLES_EXIT_OK;
    }

  g_print ("%s (%s)\n", circles_network_get_name (network, target), argv[1]);
  if (paths->degree > CIRCLES_MAX_DEGREE)
    {
      g_print ("%s\n", _("Beyond the 3rd degree: no chain of connections leads there."));
      return CIRCLES_EXIT_OK;
    }
  {
    g_autofree char *total = circles_format_count (paths->chains_total);

    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Degree %u, %s shortest chain\n",
                          "Degree %u, %s shortest chains\n",
                          paths->chains_total),
             paths->degree, total);
  }
  for (guint i = 0; i < paths->chains->len; i++)
    {
      const CirclesChain *chain = &g_array_index (paths->chains, CirclesChain, i);
      g_autoptr(GString) line = g_string_new ("  ");

      for (guint j = 0; j < chain->length; j++)
        {
          if (j > 0)
            g_string_append (line, " → ");
          g_string_append (line, circles_network_get_name (network, chain->people[j]));
        }
      g_string_append_printf (line, "  (%.2f)", chain->warmth);
      g_print ("%s\n", line->str);
    }
  if (paths->chains_total > paths->chains->len)
    {
      guint64 more = paths->chains_total - paths->chains->len;
      g_autofree char *number = circles_format_count (more);

      g_print (g_dngettext (GETTEXT_PACKAGE, "  … and %s more\n", "  … and %s more\n", more),
               number);
    }

  return CIRCLES_EXIT_OK;
}

/* rate */

/* "1".."5", or "0" and "none" to clear; FALSE for anything else. */
static gboolean
parse_rating (const char *text,
              int        *rating)
{
  guint64 value;

  if (g_ascii_strcasecmp (text, "none") == 0)
    {
      *rating = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, 5, &value, NULL))
    return FALSE;
  *rating = (int)value;
  return TRUE;
}

static void
print_rating (const char *key,
              const char *with,
              int         rating)
{
  if (with == NULL && rating > 0)
    /* Translators: the rating of a connection of the user, from 1 to
     * 5: "Your connection with “alice” is rated 4 of 5"; %s is a key. */
    g_print (_("Your connection with “%s” is rated %d of 5\n"), key, rating);
  else if (with == NULL)
    /* Translators: a connection of the user without a rating; %s is a
     * key. */
    g_print (_("Your connection with “%s” is not rated\n"), key);
  else if (rating > 0)
    /* Translators: the rating of a connection between two people, from
     * 1 to 5: "The connection between “alice” and “bob” is rated 4 of
     * 5"; the two %s are keys. */
    g_print (_("The connection between “%s” and “%s” is rated %d of 5\n"), key, with, rating);
  else
    /* Translators: a connection between two people without a rating;
     * the two %s are keys. */
    g_print (_("The connection between “%s” and “%s” is not rated\n"), key, with);
}

/* The rating of a connection: read, set, or cleared. The database is
 * only written when the rating changes; that commit makes the snapshot
 * stale, so the next paths or introducers weigh the new strength. */
static int
cmd_rate (const char  *db_path,
          int          argc,
          char       **argv)
{
  g_autofree char *with = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "with", 0, 0, G_OPTION_ARG_STRING, &with, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b;
  int rating = -1;
  int current;
  int status;

  if (!_circles_cli_parse_options ("rate", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 && argc != 3)
    /* Translators: an error of "circles rate", followed by its usage. */
    return _circles_cli_usage_error ("rate", _("give the key of one person, and the rating to set, if any"));
  if (argc == 3 && !parse_rating (argv[2], &rating))
    {
      g_autofree char *message = NULL;

      /* Translators: an error of "circles rate"; %s is what was typed
       * instead of a rating. "none" is the word to type; keep it in
       * English. */
      message = g_strdup_printf (_("“%s” is not a rating: give 1 to 5, or none (or 0) to clear it"),
                                 argv[2]);
      return _circles_cli_usage_error ("rate", message);
    }

  store = circles_store_open (db_path, &error);
  if (store == NULL)
    return _circles_cli_fail (error);

  a = circles_store_lookup_person (store, argv[1]);
  if (a <= 0)
    {
      g_printerr (_("circles: nobody has the key “%s” in %s\n"), argv[1], db_path);
      return CIRCLES_EXIT_BAD_INPUT;
    }
  if (with != NULL)
    {
      b = circles_store_lookup_person (store, with);
      if (b <= 0)
        {
          g_printerr (_("circles: nobody has the key “%s” in %s\n"), with, db_path);
          return CIRCLES_EXIT_BAD_INPUT;
        }
    }
  else
    {
      b = circles_store_get_me (store);
      if (b <= 0)
        {
          g_printerr ("circles: %s\n",
                      _("Nobody is “me” in this database yet: import your connections, or name yourself with --me"));
          return CIRCLES_EXIT_BAD_INPUT;
        }
    }

  current = circles_store_get_rating (store, a, b, &error);
  if (error != NULL)
    return _circles_cli_fail (error);
  if (current < 0)
    {
      if (with != NULL)
        /* Translators: the first two %s are keys of people, the last
         * one the database file. */
        g_printerr (_("circles: “%s” and “%s” are not connected in %s\n"), argv[1], with, db_path);
      else
        /* Translators: the first %s is the key of a person, the second
         * the database file. */
        g_printerr (_("circles: “%s” is not one of your connections in %s\n"), argv[1], db_path);
      return CIRCLES_EXIT_BAD_INPUT;
    }

  if (rating >= 0 && rating != current)
    {
      if (!circles_store_set_rating (store, a, b, rating, &error))
        return _circles_cli_fail (error);
      current = rating;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, argv[1]);
      json_builder_set_member_name (builder, "with");
      if (with != NULL)
        json_builder_add_string_value (builder, with);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "rating");
      if (current > 0)
        json_builder_add_int_value (builder, current);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      _circles_cli_print_json (builder);
    }
  else
    print_rating (argv[1], with, current);

  return CIRCLES_EXIT_OK;
}

/* export */

static int
cmd_export (const char  *db_path,
            int          argc,
            char       **argv)
{
  g_autofree char *focus = NULL;
  g_autofree char *select = NULL;
  int width = 0, height = 0;
  GOptionEntry entries[] = {
    { "focus", 0, 0, G_OPTION_ARG_STRING, &focus, NULL, NULL },
    { "select", 0, 0, G_OPTION_ARG_STRING, &select, NULL, NULL },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, NULL, NULL },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, NULL, NULL },
    { NULL }
  };
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  CirclesExportFormat format;
  int status;

  if (!_circles_cli_parse_options ("export", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return _circles_cli_usage_error ("export", _("give exactly one file to write"));
  if (width < 0 || height < 0 || width > CIRCLES_EXPORT_MAX_SIZE || height > CIRCLES_EXPORT_MAX_SIZE)
    {
      g_autofree char *message =
        g_strdup_printf (_("--width and --height must be between 1 and %d"),
                         CIRCLES_EXPORT_MAX_SIZE);
      return _circles_cli_usage_error ("export", message);
    }
  /* Refuse a bad file name before the network is loaded. */
  if (!circles_export_format_for_path (argv[1], &format, &error))
    return _circles_cli_fail (error);

  if (!_circles_cli_open_network (db_path, &store, &network, &status))
    return status;

  if (!circles_export_file_full (network, argv[1], focus, select, width, height, &error))
    return _circles_cli_fail (error);

  return CIRCLES_EXIT_OK;
}

/* demo */

static int
cmd_demo (const char  *db_path,
          int          argc,
          char       **argv)
{
  int people = 5000;
  gint64 seed = 1;
  GOptionEntry entries[] = {
    { "people", 0, 0, G_OPTION_ARG_INT, &people, NULL, NULL },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, NULL, NULL },
    { NULL }
  };
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!_circles_cli_parse_options ("demo", entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return _circles_cli_usage_error ("demo", _("this command takes no file"));
  if (people < (int)CIRCLES_DEMO_MIN_PEOPLE || people > (int)CIRCLES_DEMO_MAX_PEOPLE)
    {
      g_autofree char *message =
        g_strdup_printf (_("--people must be between %'u and %'u"),
                         CIRCLES_DEMO_MIN_PEOPLE, CIRCLES_DEMO_MAX_PEOPLE);
      return _circles_cli_usage_error ("demo", message);
    }

  store = circles_store_open (db_path, &error);
  if (store == NULL)
    return _circles_cli_fail (error);

  if (circles_store_count_people (store) > 0)
    {
      g_printerr (_("circles: %s already holds a network; the demo fills an empty database (give another --db)\n"),
                  db_path);
      return CIRCLES_EXIT_BAD_INPUT;
    }

  if (!circles_demo_generate (store, people, (guint64)seed, NULL, &error))
    return _circles_cli_fail (error);

  g_print (_("Demo network of %'d people written to %s\n"), people, db_path);
  return CIRCLES_EXIT_OK;
}

int
circles_cli_run (const char  *db_path,
                 int          argc,
                 char       **argv)
{
  const Command *command;

  g_return_val_if_fail (argc > 0, CIRCLES_EXIT_BAD_INPUT);

  command = find_command (argv[0]);
  if (command == NULL)
    {
      g_printerr (_("circles: unknown command “%s”\n"), argv[0]);
      circles_cli_usage (stderr);
      return CIRCLES_EXIT_BAD_INPUT;
    }

  return command->func (db_path, argc, argv);
}
