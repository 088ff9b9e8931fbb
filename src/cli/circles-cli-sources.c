/* circles-cli-sources.c: where the network came from, and edits by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * circles sources [--json]       the imports, one per line
 * circles forget ID              takes an import back
 * circles link KEY1 KEY2         a connection learnt elsewhere
 * circles unlink KEY1 KEY2
 * circles person add KEY --name NAME [--company C] [--position P] [--url URL]
 */
#define G_LOG_DOMAIN "circles-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "circles-cli-private.h"
#include "circles-format.h"

/* The person of @key ("me" is me, unless someone has that key). */
static gint64
find_person (CirclesStore *store,
             const char   *key,
             const char   *db_path,
             int          *status)
{
  gint64 id = circles_store_lookup_person (store, key);

  if (id <= 0 && g_strcmp0 (key, "me") == 0)
    id = circles_store_get_me (store);
  if (id <= 0)
    {
      g_printerr (_("circles: nobody has the key “%s” in %s\n"), key, db_path);
      *status = CIRCLES_EXIT_BAD_INPUT;
    }
  return id;
}

static void
add_source_json (const CirclesSourceRow *row,
                 gpointer                user_data)
{
  JsonBuilder *builder = user_data;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, row->id);
  json_builder_set_member_name (builder, "file");
  if (row->file != NULL)
    json_builder_add_string_value (builder, row->file);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, row->format);
  json_builder_set_member_name (builder, "owner");
  if (row->owner_key != NULL)
    json_builder_add_string_value (builder, row->owner_key);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "imported");
  json_builder_add_string_value (builder, row->imported);
  json_builder_set_member_name (builder, "people");
  json_builder_add_int_value (builder, row->people);
  json_builder_set_member_name (builder, "connections");
  json_builder_add_int_value (builder, row->connections);
  json_builder_end_object (builder);
}

static void
print_source (const CirclesSourceRow *row,
              gpointer                user_data)
{
  g_autofree char *file = row->file != NULL ? g_path_get_basename (row->file) : NULL;
  g_autofree char *brought = circles_format_brought (row->people, row->connections);
  g_autofree char *whose = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (row->imported, NULL);
  g_autoptr(GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;
  g_autofree char *date = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;
  guint *count = user_data;

  if (row->owner_is_me)
    whose = g_strdup (_("yours"));
  else if (row->owner_key != NULL)
    /* Translators: whose export an import is, "Marie Curie’s" */
    whose = g_strdup_printf (_("%s’s"), row->owner_name != NULL ? row->owner_name : row->owner_key);

  g_print ("%3" G_GINT64_FORMAT "  %s%s%s%s%s\n", row->id,
           circles_format_source_kind (row->format),
           whose != NULL ? ", " : "", whose != NULL ? whose : "",
           file != NULL ? "  " : "", file != NULL ? file : "");
  /* Translators: a line of "circles sources": when an import was made,
   * how many people and connections it brought. */
  g_print (_("     imported %s · %s\n"), date != NULL ? date : row->imported, brought);
  (*count)++;
}

int
_circles_cli_sources (const char  *db_path,
                      int          argc,
                      char       **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!_circles_cli_parse_options ("sources", entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return _circles_cli_usage_error ("sources", _("this command takes no file or key"));

  store = circles_store_open (db_path, &error);
  if (store == NULL)
    return _circles_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "sources");
      json_builder_begin_array (builder);
      if (!circles_store_foreach_source (store, add_source_json, builder, &error))
        return _circles_cli_fail (error);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      _circles_cli_print_json (builder);
    }
  else
    {
      guint count = 0;

      if (!circles_store_foreach_source (store, print_source, &count, &error))
        return _circles_cli_fail (error);
      if (count == 0)
        g_print ("%s\n", _("Nothing was imported yet"));
    }
  return CIRCLES_EXIT_OK;
}

int
_circles_cli_forget (const char  *db_path,
                     int          argc,
                     char       **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before_people, before_connections;
  guint64 id;
  int status;

  if (!_circles_cli_parse_options ("forget", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || !g_ascii_string_to_unsigned (argv[1], 10, 0, G_MAXINT64, &id, NULL))
    return _circles_cli_usage_error ("forget", _("give the number of one import, as “circles sources” lists them"));

  store = circles_store_open (db_path, &error);
  if (store == NULL)
    return _circles_cli_fail (error);

  before_people = circles_store_count_people (store);
  before_connections = circles_store_count_connections (store);
  if (!circles_store_forget_source (store, (gint64) id, NULL, &error))
    return _circles_cli_fail (error);

  {
    g_autofree char *taken = circles_format_brought (before_people - circles_store_count_people (store),
                                                     before_connections - circles_store_count_connections (store));
    g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, id);

    /* Translators: after "circles forget 3": the number of the import,
     * then "12 people, 40 connections" */
    g_print (_("Forgot import %s: %s taken back\n"), number, taken);
  }
  return CIRCLES_EXIT_OK;
}

static int
link_or_unlink (const char  *command,
                const char  *db_path,
                int          argc,
                char       **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean link = g_str_equal (command, "link");
  gint64 a, b;
  int status = CIRCLES_EXIT_OK;

  if (!_circles_cli_parse_options (command, entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return _circles_cli_usage_error (command, _("give the keys of two people"));

  store = circles_store_open (db_path, &error);
  if (store == NULL)
    return _circles_cli_fail (error);
  if ((a = find_person (store, argv[1], db_path, &status)) <= 0 ||
      (b = find_person (store, argv[2], db_path, &status)) <= 0)
    return status;

  if (link ? !circles_store_link (store, a, b, NULL, &error)
           : !circles_store_unlink (store, a, b, NULL, &error))
    return _circles_cli_fail (error);

  if (link)
    g_print (_("Connected “%s” and “%s”\n"), argv[1], argv[2]);
  else
    g_print (_("Disconnected “%s” and “%s”\n"), argv[1], argv[2]);
  return CIRCLES_EXIT_OK;
}

int
_circles_cli_link (const char  *db_path,
                   int          argc,
                   char       **argv)
{
  return link_or_unlink ("link", db_path, argc, argv);
}

int
_circles_cli_unlink (const char  *db_path,
                     int          argc,
                     char       **argv)
{
  return link_or_unlink ("unlink", db_path, argc, argv);
}

int
_circles_cli_person (const char  *db_path,
                     int          argc,
                     char       **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *company = NULL;
  g_autofree char *position = NULL;
  g_autofree char *url = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, NULL, NULL },
    { "company", 0, 0, G_OPTION_ARG_STRING, &company, NULL, NULL },
    { "position", 0, 0, G_OPTION_ARG_STRING, &position, NULL, NULL },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, NULL, NULL },
    { NULL }
  };
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CirclesPersonFields fields = { 0 };
  int status;

  if (!_circles_cli_parse_options ("person", entries, &argc, &argv, &status))
    return status;
  if (argc != 3 || !g_str_equal (argv[1], "add"))
    return _circles_cli_usage_error ("person", _("say “add” and the new person’s key"));
  if (name == NULL || *g_strstrip (name) == '\0')
    return _circles_cli_usage_error ("person", _("give the new person’s name with --name"));
  if (*g_strstrip (argv[2]) == '\0')
    return _circles_cli_usage_error ("person", _("the key is empty"));

  store = circles_store_open (db_path, &error);
  if (store == NULL)
    return _circles_cli_fail (error);

  fields.display_name = name;
  fields.company = company;
  fields.position = position;
  fields.profile_url = url;
  if (circles_store_add_person (store, argv[2], &fields, 0, NULL, &error) < 0)
    return _circles_cli_fail (error);
  g_print (_("Added “%s” (%s)\n"), name, argv[2]);
  return CIRCLES_EXIT_OK;
}
