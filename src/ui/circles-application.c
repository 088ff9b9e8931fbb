/* circles-application.c: the application, its actions and accelerators
 *
 * Each process shows the database it was given (`circles --db FILE`),
 * so the application is not unique: a second process with another file
 * opens its own window instead of raising the first one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-application"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "circles-application.h"
#include "circles-store.h"
#include "circles-session.h"
#include "circles-window.h"

struct _CirclesApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
};

G_DEFINE_FINAL_TYPE (CirclesApplication, circles_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DB_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The database the first window opens: the one given on the command
 * line, else the last one opened when it is still there, else the
 * default one. */
char *
circles_application_dup_start_path (CirclesApplication *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (CIRCLES_IS_APPLICATION (self), NULL);

  if (self->db_path != NULL)
    return g_strdup (self->db_path);

  settings = g_settings_new (APP_ID);
  last = g_settings_get_string (settings, "last-database");
  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&last);

  return circles_store_default_path ();
}

static void
circles_application_activate (GApplication *application)
{
  CirclesApplication *self = CIRCLES_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      g_autofree char *path = circles_application_dup_start_path (self);
      g_autoptr(CirclesSession) session = circles_session_new (path);

      window = GTK_WINDOW (circles_window_new (GTK_APPLICATION (self), session));
    }

  gtk_window_present (window);
}

static void
circles_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *reload_accels[] = { "<Control>r", "F5", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *import_accels[] = { "<Control>i", NULL };

  G_APPLICATION_CLASS (circles_application_parent_class)->startup (application);

  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.reload", reload_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.open-database", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.new-database", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.import::linkedin", import_accels);
}

static void
circles_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* What a bug report needs: the versions Circles runs with. */
static char *
circles_application_debug_info (CirclesApplication *self)
{
  return g_strdup_printf ("Circles %s (%s)\n"
                          "Database: %s\n"
                          "GLib %u.%u.%u\n"
                          "GTK %u.%u.%u\n"
                          "libadwaita %u.%u.%u\n"
                          "SQLite %s\n",
                          PACKAGE_VERSION, APP_ID,
                          self->db_path,
                          glib_major_version, glib_minor_version, glib_micro_version,
                          gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                          adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
                          sqlite3_libversion ());
}

static void
circles_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  CirclesApplication *self = user_data;
  static const char *developers[] = {
    "The Circles Developers https://example.com/circles",
    NULL
  };
  static const char *built_with[] = {
    "GTK https://gtk.org",
    "libadwaita https://gnome.pages.gitlab.gnome.org/libadwaita/",
    "SQLite https://sqlite.org",
    "Graphviz https://graphviz.org",
    NULL
  };
  /* Translators: your names, one a line, with an e-mail or a web address:
   * "Marie Dupont <marie@example.com>". */
  const char *translators = _("translator-credits");
  g_autofree char *debug_info = circles_application_debug_info (self);
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Circles"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("See your professional network in circles and find the way to a prospect"),
                        "developer-name", _("The Circles Developers"),
                        "developers", developers,
                        "copyright", _("© 2026 The Circles Developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://example.com/circles",
                        "issue-url", "https://example.com/circles/issues",
                        "debug-info", debug_info,
                        "debug-info-filename", "circles-debug-info.txt",
                        NULL);
  /* Untranslated, the msgid itself would show as a translator. */
  if (g_strcmp0 (translators, "translator-credits") != 0)
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), translators);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("Built With"), built_with);
  gtk_window_present (about);
}

static const GActionEntry app_actions[] = {
  { "quit", circles_application_quit_action },
  { "about", circles_application_about_action },
};

static void
circles_application_finalize (GObject *object)
{
  CirclesApplication *self = (CirclesApplication *)object;

  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (circles_application_parent_class)->finalize (object);
}

static void
circles_application_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CirclesApplication *self = CIRCLES_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_application_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CirclesApplication *self = CIRCLES_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_assert (self->db_path == NULL);
      self->db_path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_application_class_init (CirclesApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = circles_application_finalize;
  object_class->get_property = circles_application_get_property;
  object_class->set_property = circles_application_set_property;

  app_class->activate = circles_application_activate;
  app_class->startup = circles_application_startup;

  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
circles_application_init (CirclesApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
}

/**
 * circles_application_new:
 * @db_path: (nullable): the database file the window opens (created when
 *   missing); %NULL for the last one opened, or the default one
 */
CirclesApplication *
circles_application_new (const char *db_path)
{
  return g_object_new (CIRCLES_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PREFIX,
                       "db-path", db_path,
                       NULL);
}

const char *
circles_application_get_db_path (CirclesApplication *self)
{
  g_return_val_if_fail (CIRCLES_IS_APPLICATION (self), NULL);

  return self->db_path;
}
