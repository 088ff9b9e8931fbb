/* circles-cli-prospects.c: the introducers and reach commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * circles introducers [--filter EXPR] [--json]
 *   ranks my 1st-degree connections by how many prospects (default: every
 *   2nd-degree person) each can introduce, and gives a small set of them
 *   who reach every prospect: the greedy set cover, at most H(m) ≤ ln m + 1
 *   times as large as the smallest cover, m being the largest reach.
 *   JSON: {"prospects": n, "ranking": [{"key": K, "reach": n}, …],
 *          "cover": [K, …]}
 *
 * circles reach KEY [--json]
 *   what connecting with KEY would bring: JSON {"key": K,
 *   "second_gain": n, "third_gain": n}.
 * circles reach --top N [--json]
 *   the N best gains among the 2nd and 3rd degree: JSON {"top": [{"key":
 *   K, "second_gain": n, "third_gain": n}, …]}.
 *
 * circles prospects FILE [--filter EXPR]
 *   writes the prospects (as for introducers) as CSV, with their best
 *   introducer, chain, reasons and a drafted message; FILE "-" is the
 *   standard output.
 */
#define G_LOG_DOMAIN "circles-prospects"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "circles-cli-private.h"
#include "circles-prospect-list.h"
#include "circles-prospects.h"

/* How many introducers the text output lists. */
#define TEXT_RANKING_LIMIT 20

/* introducers */

int
_circles_cli_introducers (const char  *db_path,
                          int          argc,
                          char       **argv)
{
  g_autofree char *filter_expr = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "filter", 0, 0, G_OPTION_ARG_STRING, &filter_expr, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  g_autoptr(CirclesProspectFilter) filter = NULL;
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(CirclesIntroducers) introducers = NULL;
  g_autoptr(GArray) prospects = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!_circles_cli_parse_options ("introducers", entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return _circles_cli_usage_error ("introducers", _("this command takes no file"));

  /* A bad filter is refused before the network is loaded. */
  if (filter_expr != NULL)
    {
      filter = circles_prospect_filter_parse (filter_expr, &error);
      if (filter == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("bad --filter: %s"), error->message);

          return _circles_cli_usage_error ("introducers", message);
        }
    }

  if (!_circles_cli_open_network (db_path, &store, &network, &status))
    return status;

  if (filter != NULL && !circles_prospect_filter_bind (filter, network, store, &error))
    return _circles_cli_fail (error);

  prospects = circles_prospects_select (network, filter);
  introducers = circles_introducers_find (network, (const guint32 *)prospects->data,
                                          prospects->len);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "prospects");
      json_builder_add_int_value (builder, introducers->n_prospects);
      json_builder_set_member_name (builder, "ranking");
      json_builder_begin_array (builder);
      for (guint i = 0; i < introducers->ranking->len; i++)
        {
          const CirclesIntroducer *introducer =
            &g_array_index (introducers->ranking, CirclesIntroducer, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "key");
          json_builder_add_string_value (builder,
                                         circles_network_get_key (network, introducer->person));
          json_builder_set_member_name (builder, "reach");
          json_builder_add_int_value (builder, introducer->reach);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "cover");
      json_builder_begin_array (builder);
      for (guint i = 0; i < introducers->cover->len; i++)
        json_builder_add_string_value (builder,
                                       circles_network_get_key (network,
                                                                g_array_index (introducers->cover, guint32, i)));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      _circles_cli_print_json (builder);
      return CIRCLES_EXIT_OK;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%'u prospect, %'u possible introducers\n",
                        "%'u prospects, %'u possible introducers\n",
                        introducers->n_prospects),
           introducers->n_prospects, introducers->ranking->len);
  for (guint i = 0; i < MIN (introducers->ranking->len, TEXT_RANKING_LIMIT); i++)
    {
      const CirclesIntroducer *introducer =
        &g_array_index (introducers->ranking, CirclesIntroducer, i);

      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "  %s (%s) can introduce %'u prospect\n",
                            "  %s (%s) can introduce %'u prospects\n",
                            introducer->reach),
               circles_network_get_name (network, introducer->person),
               circles_network_get_key (network, introducer->person),
               introducer->reach);
    }
  if (introducers->ranking->len > TEXT_RANKING_LIMIT)
    g_print (_("  … and %'u more\n"), introducers->ranking->len - TEXT_RANKING_LIMIT);

  if (introducers->cover->len > 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "These %'u introducer together reach every prospect "
                            "(a greedy choice: at most ln(m)+1 times the fewest possible, "
                            "m being the largest reach):\n",
                            "These %'u introducers together reach every prospect "
                            "(a greedy choice: at most ln(m)+1 times the fewest possible, "
                            "m being the largest reach):\n",
                            introducers->cover->len),
               introducers->cover->len);
      for (guint i = 0; i < introducers->cover->len; i++)
        {
          guint32 person = g_array_index (introducers->cover, guint32, i);

          g_print ("  %s (%s)\n", circles_network_get_name (network, person),
                   circles_network_get_key (network, person));
        }
    }

  return CIRCLES_EXIT_OK;
}

/* reach */

static void
add_gain (JsonBuilder            *builder,
          CirclesNetwork         *network,
          const CirclesReachGain *gain)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, circles_network_get_key (network, gain->person));
  json_builder_set_member_name (builder, "second_gain");
  json_builder_add_int_value (builder, gain->second_gain);
  json_builder_set_member_name (builder, "third_gain");
  json_builder_add_int_value (builder, gain->third_gain);
  json_builder_end_object (builder);
}

static void
print_gain (CirclesNetwork         *network,
            const CirclesReachGain *gain)
{
  g_print (_("  %s (%s): +%'u in the 2nd circle, +%'u in the 3rd\n"),
           circles_network_get_name (network, gain->person),
           circles_network_get_key (network, gain->person),
           gain->second_gain, gain->third_gain);
}

int
_circles_cli_reach (const char  *db_path,
                    int          argc,
                    char       **argv)
{
  gboolean json = FALSE;
  int top = -1;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { "top", 0, 0, G_OPTION_ARG_INT, &top, NULL, NULL },
    { NULL }
  };
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  int status;

  if (!_circles_cli_parse_options ("reach", entries, &argc, &argv, &status))
    return status;
  if (top == 0 || top < -1)
    return _circles_cli_usage_error ("reach", _("--top must be 1 or more"));
  if (top > 0 && argc != 1)
    return _circles_cli_usage_error ("reach", _("give either the key of one person or --top N"));
  if (top < 0 && argc != 2)
    return _circles_cli_usage_error ("reach", _("give the key of one person"));

  if (!_circles_cli_open_network (db_path, &store, &network, &status))
    return status;

  if (top > 0)
    {
      g_autoptr(GArray) best = circles_reach_top (network, top);

      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "top");
          json_builder_begin_array (builder);
          for (guint i = 0; i < best->len; i++)
            add_gain (builder, network, &g_array_index (best, CirclesReachGain, i));
          json_builder_end_array (builder);
          json_builder_end_object (builder);
          _circles_cli_print_json (builder);
          return CIRCLES_EXIT_OK;
        }

      g_print ("%s\n", _("Whom to connect with for the largest reach gain:"));
      for (guint i = 0; i < best->len; i++)
        print_gain (network, &g_array_index (best, CirclesReachGain, i));
      return CIRCLES_EXIT_OK;
    }
  else
    {
      g_autoptr(CirclesReach) reach = NULL;
      CirclesReachGain gain;
      guint person = circles_network_lookup (network, argv[1]);

      if (person == CIRCLES_NO_PERSON)
        {
          g_printerr (_("circles: nobody has the key “%s” in %s\n"), argv[1], db_path);
          return CIRCLES_EXIT_BAD_INPUT;
        }

      reach = circles_reach_new (network);
      circles_reach_gain (reach, person, &gain);

      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "key");
          json_builder_add_string_value (builder, argv[1]);
          json_builder_set_member_name (builder, "second_gain");
          json_builder_add_int_value (builder, gain.second_gain);
          json_builder_set_member_name (builder, "third_gain");
          json_builder_add_int_value (builder, gain.third_gain);
          json_builder_end_object (builder);
          _circles_cli_print_json (builder);
          return CIRCLES_EXIT_OK;
        }

      g_print (_("Connecting with %s (%s) would bring +%'u people into your 2nd circle "
                 "and +%'u into your 3rd.\n"),
               circles_network_get_name (network, person), argv[1],
               gain.second_gain, gain.third_gain);
      return CIRCLES_EXIT_OK;
    }
}

/* prospects */

int
_circles_cli_prospects (const char  *db_path,
                        int          argc,
                        char       **argv)
{
  g_autofree char *filter_expr = NULL;
  GOptionEntry entries[] = {
    { "filter", 0, 0, G_OPTION_ARG_STRING, &filter_expr, NULL, NULL },
    { NULL }
  };
  g_autoptr(CirclesProspectFilter) filter = NULL;
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GArray) prospects = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!_circles_cli_parse_options ("prospects", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return _circles_cli_usage_error ("prospects", _("give exactly one file to write (or - for the standard output)"));

  if (filter_expr != NULL)
    {
      filter = circles_prospect_filter_parse (filter_expr, &error);
      if (filter == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("bad --filter: %s"), error->message);

          return _circles_cli_usage_error ("prospects", message);
        }
    }

  if (!_circles_cli_open_network (db_path, &store, &network, &status))
    return status;
  if (filter != NULL && !circles_prospect_filter_bind (filter, network, store, &error))
    return _circles_cli_fail (error);
  prospects = circles_prospects_select (network, filter);

  if (g_strcmp0 (argv[1], "-") == 0)
    stream = g_memory_output_stream_new_resizable ();
  else
    {
      file = g_file_new_for_commandline_arg (argv[1]);
      stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                NULL, &error));
      if (stream == NULL)
        return _circles_cli_fail (error);
    }

  if (!circles_prospect_list_write (network, store, (const guint32 *)prospects->data,
                                    prospects->len, stream, NULL, &error) ||
      !g_output_stream_close (stream, NULL, &error))
    return _circles_cli_fail (error);

  if (file == NULL)
    {
      GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);

      fwrite (g_memory_output_stream_get_data (memory), 1,
              g_memory_output_stream_get_data_size (memory), stdout);
      return CIRCLES_EXIT_OK;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%'u prospect written to %s\n",
                          "%'u prospects written to %s\n",
                          prospects->len),
             prospects->len, argv[1]);
  return CIRCLES_EXIT_OK;
}
