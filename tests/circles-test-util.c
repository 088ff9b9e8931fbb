/* circles-test-util.c: small helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdarg.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <string.h>

#include "circles-test-util.h"

static GPtrArray *tmpdirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
remove_tmpdirs (void)
{
  for (guint i = 0; tmpdirs != NULL && i < tmpdirs->len; i++)
    remove_tree (g_ptr_array_index (tmpdirs, i));
  g_clear_pointer (&tmpdirs, g_ptr_array_unref);
}

char *
circles_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("circles-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (tmpdirs == NULL)
    {
      tmpdirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_tmpdirs);
    }
  g_ptr_array_add (tmpdirs, g_strdup (dir));
  return dir;
}

char *
circles_test_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

char *
circles_test_write_file (const char *basename,
                         const char *contents,
                         gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = circles_test_make_tmpdir ();
  char *path = g_build_filename (dir, basename, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

GBytes *
circles_test_read_bytes (const char *path)
{
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_bytes_new_take (contents, length);
}

CirclesStore *
circles_test_store_new (const char *description)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = circles_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "network.db", NULL);
  g_autoptr(CirclesStore) store = circles_store_open (path, &error);
  g_auto(GStrv) tokens = g_strsplit (description, " ", -1);

  g_assert_no_error (error);
  g_assert_true (circles_store_begin (store, &error));

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *token = tokens[i];
      const char *sep;

      if (*token == '\0')
        continue;

      if (token[0] == '+')
        {
          g_auto(GStrv) parts = g_strsplit (token + 1, ":", 2);
          g_auto(GStrv) members = g_strsplit (parts[1], ",", -1);
          gint64 group = circles_store_ensure_group (store, parts[0], &error);

          g_assert_no_error (error);
          for (guint j = 0; members[j] != NULL; j++)
            {
              gint64 id = circles_store_ensure_person (store, members[j], &error);
              g_assert_true (circles_store_add_membership (store, group, id, &error));
            }
        }
      else if ((sep = strchr (token, '>')) != NULL)
        {
          g_autofree char *a = g_strndup (token, sep - token);
          gint64 ia = circles_store_ensure_person (store, a, &error);
          gint64 ib = circles_store_ensure_person (store, sep + 1, &error);

          g_assert_true (circles_store_add_follow (store, ia, ib, &error));
        }
      else if ((sep = strchr (token, '-')) != NULL)
        {
          g_auto(GStrv) dated = g_strsplit (token, "@", 2);
          g_autofree char *a = NULL;
          g_auto(GStrv) rest = NULL;
          double strength;
          gint64 ia, ib;

          sep = strchr (dated[0], '-');
          a = g_strndup (dated[0], sep - dated[0]);
          rest = g_strsplit (sep + 1, ":", 2);
          strength = rest[1] != NULL ? g_ascii_strtod (rest[1], NULL) : -1;
          ia = circles_store_ensure_person (store, a, &error);
          ib = circles_store_ensure_person (store, rest[0], &error);
          g_assert_true (circles_store_add_connection (store, ia, ib, strength, dated[1], &error));
        }
      else
        circles_store_ensure_person (store, token, &error);
      g_assert_no_error (error);
    }

  if (circles_store_lookup_person (store, "me") > 0)
    g_assert_true (circles_store_set_me (store, circles_store_lookup_person (store, "me"), &error));
  g_assert_true (circles_store_commit (store, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

CirclesNetwork *
circles_test_network_new (const char *description)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesStore) store = circles_test_store_new (description);
  CirclesNetwork *network = circles_network_load (store, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (network);
  return network;
}

void
circles_test_set_fields (CirclesStore *store,
                         const char   *key,
                         const char   *company,
                         const char   *position,
                         const char   *location)
{
  g_autoptr(GError) error = NULL;
  CirclesPersonFields fields = {
    .company = company,
    .position = position,
    .location = location,
  };
  gint64 id = circles_store_lookup_person (store, key);

  g_assert_cmpint (id, >, 0);
  g_assert_true (circles_store_update_person (store, id, &fields, &error));
  g_assert_no_error (error);
}

guint
circles_test_person (CirclesNetwork *network,
                     const char     *key)
{
  guint person = circles_network_lookup (network, key);

  g_assert_cmpuint (person, !=, CIRCLES_NO_PERSON);
  return person;
}

JsonObject *
circles_test_parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

#ifdef CIRCLES_BINARY

int
circles_test_run_cliv (const char           *db,
                 const char * const   *args,
                 GSpawnChildSetupFunc  child_setup,
                 gpointer              child_data,
                 char                **out,
                 char                **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *local_out = NULL;
  g_autofree char *local_err = NULL;
  int wait_status;

  g_ptr_array_add (argv, (char *) CIRCLES_BINARY);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT,
                child_setup, child_data, &local_out, &local_err, &wait_status, &error);
  g_assert_no_error (error);

  if (out != NULL)
    *out = g_steal_pointer (&local_out);
  if (err != NULL)
    *err = g_steal_pointer (&local_err);

  if (WIFEXITED (wait_status))
    return WEXITSTATUS (wait_status);
  if (WIFSIGNALED (wait_status))
    return 128 + WTERMSIG (wait_status);
  return -1;
}

int
circles_test_run_cli_va (const char  *db,
                         char       **out,
                         char       **err,
                         const char  *first,
                         va_list      ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  g_ptr_array_add (args, NULL);

  return circles_test_run_cliv (db, (const char * const *) args->pdata, NULL, NULL, out, err);
}

int
circles_test_run_cli (const char  *db,
                char       **out,
                char       **err,
                const char  *first,
                ...)
{
  va_list ap;
  int status;

  va_start (ap, first);
  status = circles_test_run_cli_va (db, out, err, first, ap);
  va_end (ap);
  return status;
}

void
circles_cli_fixture_setup (CirclesCliFixture *f,
                           gconstpointer      data)
{
  f->dir = circles_test_make_tmpdir ();
  f->db = g_build_filename (f->dir, "network.db", NULL);
}

void
circles_cli_fixture_teardown (CirclesCliFixture *f,
                              gconstpointer      data)
{
  g_free (f->out);
  g_free (f->err);
  g_free (f->db);
  g_free (f->dir);
}

int
circles_cli_fixture_run (CirclesCliFixture *f,
                         const char        *first,
                         ...)
{
  va_list ap;

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  va_start (ap, first);
  f->status = circles_test_run_cli_va (f->db, &f->out, &f->err, first, ap);
  va_end (ap);
  return f->status;
}

#endif /* CIRCLES_BINARY */


#define WAIT_SECONDS 120

static gboolean
timed_out (gpointer data)
{
  g_error ("timed out waiting for %s", (const char *) data);
  return G_SOURCE_REMOVE;
}

void
circles_test_wait_until (CirclesTestCondition  condition,
                         gpointer              data,
                         gboolean              now,
                         const char           *what)
{
  guint id = g_timeout_add_seconds (WAIT_SECONDS, timed_out, (gpointer) what);

  while (!condition (data))
    g_main_context_iteration (NULL, TRUE);
  if (!now)
    circles_test_drain ();
  g_source_remove (id);
}

void
circles_test_drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
finalized (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
circles_test_finalize (gpointer object)
{
  gpointer weak = object;
  g_autofree char *what = g_strdup_printf ("%s to be finalized", G_OBJECT_TYPE_NAME (object));

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  circles_test_wait_until (finalized, &weak, TRUE, what);
}

static gboolean
has_items (gpointer model)
{
  return g_list_model_get_n_items (model) > 0;
}

void
circles_test_wait_for_items (GListModel *model,
                             const char *what)
{
  circles_test_wait_until (has_items, model, FALSE, what);
}
