/* main.c: decides between the window and a headless command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "circles-application.h"
#include "circles-cli.h"
#include "circles-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db_path = NULL;
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  int first_command = -1;
  const char *localedir = g_getenv ("CIRCLES_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* `meson devenv` points at the build tree's translations. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Only the global options come before the command. */
  g_ptr_array_add (rest, argv[0]);
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--db") == 0)
        {
          if (i + 1 >= argc)
            {
              g_printerr ("circles: %s\n", _("--db needs a file"));
              return CIRCLES_EXIT_BAD_INPUT;
            }
          g_free (db_path);
          db_path = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (db_path);
          db_path = g_strdup (argv[i] + strlen ("--db="));
        }
      else if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          circles_cli_usage (stdout);
          return CIRCLES_EXIT_OK;
        }
      else if (strcmp (argv[i], "--version") == 0)
        {
          g_print ("circles %s\n", PACKAGE_VERSION);
          return CIRCLES_EXIT_OK;
        }
      else if (argv[i][0] != '-')
        {
          first_command = i;
          break;
        }
      else
        g_ptr_array_add (rest, argv[i]);
    }

  if (db_path != NULL && *db_path == '\0')
    g_clear_pointer (&db_path, g_free);

  if (first_command > 0)
    {
      /* Commands never guess: the default database, unless --db. */
      if (db_path == NULL)
        db_path = circles_store_default_path ();
      if (!circles_cli_is_command (argv[first_command]))
        {
          g_printerr (_("circles: unknown command “%s”\n"), argv[first_command]);
          circles_cli_usage (stderr);
          return CIRCLES_EXIT_BAD_INPUT;
        }
      return circles_cli_run (db_path, argc - first_command, argv + first_command);
    }

  {
    /* Without --db, the window opens the last database it had. */
    g_autoptr(CirclesApplication) app = circles_application_new (db_path);

    g_ptr_array_add (rest, NULL);
    return g_application_run (G_APPLICATION (app), rest->len - 1, (char **)rest->pdata);
  }
}
