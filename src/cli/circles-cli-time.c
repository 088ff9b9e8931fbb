/* circles-cli-time.c: the network through time: the cold and growth commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * circles cold [--filter EXPR] [--limit N] [--json]
 *   ranks my 1st-degree connections by what they are worth as
 *   introducers (the 2nd- and 3rd-degree people, or the prospects under
 *   the filter, whose warmest chain starts with them) times the months
 *   since our last message (or since the connection was made):
 *   circles-cold.h. JSON: {"ties": [{"key": K, "name": N, "reach": n,
 *   "months": n, "since": "message"|"connection"|null, "last": ISO date
 *   or null, "score": n, "note": drafted text}, …]}.
 *
 * circles growth [--json]
 *   the connections made each month, by the circle they reach
 *   (circles-growth.h). JSON: {"months": [{"month": "YYYY-MM", "first":
 *   n, "second": n, "third": n}, …]}, every month from the first to the
 *   last.
 */
#define G_LOG_DOMAIN "circles-time"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "circles-cli-private.h"
#include "circles-cold.h"
#include "circles-format.h"
#include "circles-growth.h"
#include "circles-interaction.h"
#include "circles-message.h"
#include "circles-prospects.h"

#define DEFAULT_LIMIT 20

/* "2023-04-05" of a Julian day. */
static char *
iso_of_julian (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

int
_circles_cli_cold (const char  *db_path,
                   int          argc,
                   char       **argv)
{
  g_autofree char *filter_expr = NULL;
  gboolean json = FALSE;
  int limit = DEFAULT_LIMIT;
  GOptionEntry entries[] = {
    { "filter", 0, 0, G_OPTION_ARG_STRING, &filter_expr, NULL, NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  g_autoptr(CirclesProspectFilter) filter = NULL;
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GArray) ties = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint32 *last_message = NULL;
  g_autofree guint8 *counted = NULL;
  guint n;
  int status;

  if (!_circles_cli_parse_options ("cold", entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return _circles_cli_usage_error ("cold", _("this command takes no file"));
  if (limit < 1)
    return _circles_cli_usage_error ("cold", _("--limit must be 1 or more"));
  if (filter_expr != NULL)
    {
      filter = circles_prospect_filter_parse (filter_expr, &error);
      if (filter == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("bad --filter: %s"), error->message);

          return _circles_cli_usage_error ("cold", message);
        }
    }

  if (!_circles_cli_open_network (db_path, &store, &network, &status))
    return status;
  n = circles_network_get_n_people (network);

  if (filter != NULL)
    {
      g_autoptr(GArray) prospects = NULL;

      if (!circles_prospect_filter_bind (filter, network, store, &error))
        return _circles_cli_fail (error);
      prospects = circles_prospects_select (network, filter);
      counted = g_new0 (guint8, MAX (1, n));
      for (guint i = 0; i < prospects->len; i++)
        counted[g_array_index (prospects, guint32, i)] = 1;
    }

  last_message = circles_cold_read_last_messages (network, store, &error);
  if (last_message == NULL)
    return _circles_cli_fail (error);

  ties = circles_cold_rank (network, last_message, counted, circles_julian_today ());
  if (ties->len > (guint) limit)
    g_array_set_size (ties, limit);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ties");
      json_builder_begin_array (builder);
      for (guint i = 0; i < ties->len; i++)
        {
          const CirclesColdTie *tie = &g_array_index (ties, CirclesColdTie, i);
          const char *name = circles_network_get_name (network, tie->person);
          g_autofree char *note = circles_message_catch_up (name);
          g_autofree char *last = tie->since != 0 ? iso_of_julian (tie->since) : NULL;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "key");
          json_builder_add_string_value (builder, circles_network_get_key (network, tie->person));
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, name);
          json_builder_set_member_name (builder, "reach");
          json_builder_add_int_value (builder, tie->reach);
          json_builder_set_member_name (builder, "months");
          json_builder_add_int_value (builder, tie->months);
          json_builder_set_member_name (builder, "since");
          if (tie->since == 0)
            json_builder_add_null_value (builder);
          else
            json_builder_add_string_value (builder, tie->messaged ? "message" : "connection");
          json_builder_set_member_name (builder, "last");
          if (last != NULL)
            json_builder_add_string_value (builder, last);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "score");
          json_builder_add_double_value (builder, tie->score);
          json_builder_set_member_name (builder, "note");
          json_builder_add_string_value (builder, note);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      _circles_cli_print_json (builder);
      return CIRCLES_EXIT_OK;
    }

  if (ties->len == 0)
    {
      g_print ("%s\n", _("No 1st-degree connection leads further: nothing has gone cold."));
      return CIRCLES_EXIT_OK;
    }
  g_print ("%s\n", _("Ties going cold, the most valuable first:"));
  for (guint i = 0; i < ties->len; i++)
    {
      const CirclesColdTie *tie = &g_array_index (ties, CirclesColdTie, i);
      g_autofree char *why = circles_cold_tie_describe (tie, filter != NULL);

      g_print ("%3u. %s — %s\n", i + 1, circles_network_get_name (network, tie->person), why);
    }
  return CIRCLES_EXIT_OK;
}

int
_circles_cli_growth (const char  *db_path,
                     int          argc,
                     char       **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GArray) months = NULL;
  int status;

  if (!_circles_cli_parse_options ("growth", entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return _circles_cli_usage_error ("growth", _("this command takes no file"));
  if (!_circles_cli_open_network (db_path, &store, &network, &status))
    return status;

  months = circles_growth_by_circle (network);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "months");
      json_builder_begin_array (builder);
      for (guint i = 0; i < months->len; i++)
        {
          const CirclesGrowthMonth *month = &g_array_index (months, CirclesGrowthMonth, i);
          g_autofree char *name = g_strdup_printf ("%04u-%02u", month->year, month->month);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "month");
          json_builder_add_string_value (builder, name);
          json_builder_set_member_name (builder, "first");
          json_builder_add_int_value (builder, month->first);
          json_builder_set_member_name (builder, "second");
          json_builder_add_int_value (builder, month->second);
          json_builder_set_member_name (builder, "third");
          json_builder_add_int_value (builder, month->third);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      _circles_cli_print_json (builder);
      return CIRCLES_EXIT_OK;
    }

  if (months->len == 0)
    {
      g_print ("%s\n", _("No connection has a date: import your Connections.csv or your data archive."));
      return CIRCLES_EXIT_OK;
    }
  /* Translators: the heading of the growth table; keep the columns
   * aligned with the rows below */
  g_print ("%s\n", _("Month      1st circle  2nd circle  3rd circle"));
  for (guint i = 0; i < months->len; i++)
    {
      const CirclesGrowthMonth *month = &g_array_index (months, CirclesGrowthMonth, i);
      g_autofree char *first = circles_format_count (month->first);
      g_autofree char *second = circles_format_count (month->second);
      g_autofree char *third = circles_format_count (month->third);

      g_print ("%04u-%02u  %10s  %10s  %10s\n", month->year, month->month, first, second, third);
    }
  return CIRCLES_EXIT_OK;
}
