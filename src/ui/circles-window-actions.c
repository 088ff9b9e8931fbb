/* circles-window-actions.c: what the main window can do
 *
 * Opening and creating databases, importing files (from the Import menu
 * or dropped on the window) with a progress bar and Cancel, exporting
 * what is shown, finding people, and selecting one by key (for tests
 * and scripts). Long work runs in the session's worker threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "circles-format.h"
#include "circles-person-chooser.h"
#include "circles-prospecting.h"
#include "circles-window-private.h"

#define SEARCH_MAX_MATCHES 1000

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static void
show_error (CirclesWindow *self,
            const char    *heading,
            const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static CirclesWindow *
open_window (CirclesWindow  *self,
             CirclesSession *session)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  CirclesWindow *window = circles_window_new (application, session);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
_circles_window_update_actions (CirclesWindow *self)
{
  gboolean busy = self->session == NULL || circles_session_get_busy (self->session);
  CirclesSessionState state = self->session != NULL ? circles_session_get_state (self->session)
                                                     : CIRCLES_SESSION_STATE_NONE;
  gboolean ready = state == CIRCLES_SESSION_STATE_READY;
  gboolean importing = self->import_cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.demo",
                                 !busy && state == CIRCLES_SESSION_STATE_EMPTY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import",
                                 !busy && state != CIRCLES_SESSION_STATE_FAILED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-file",
                                 !busy && state != CIRCLES_SESSION_STATE_FAILED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-to", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-prospects", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-prospects-to", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.select-person", ready);
  _circles_window_update_edit_actions (self);
  gtk_widget_set_sensitive (self->import_menu_button, !busy && state != CIRCLES_SESSION_STATE_FAILED);
}

/* ------------------------------------------------------------------ */
/* Reload and demo                                                     */

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(CirclesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Failures show in the error page, through the session's state. */
  if (!circles_session_load_finish (CIRCLES_SESSION (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Loading %s failed: %s",
             circles_session_get_path (CIRCLES_SESSION (object)), error->message);
}

static void
demo_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(CirclesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!circles_session_generate_demo_finish (CIRCLES_SESSION (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      circles_session_get_state (self->session) != CIRCLES_SESSION_STATE_FAILED)
    {
      g_autofree char *title = NULL;
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      AdwToast *toast;

      /* Translators: %s says why. */
      title = g_strdup_printf (_("Cannot create the demo network: %s"), escaped);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CirclesWindow *self = CIRCLES_WINDOW (widget);

  /* Each load can be cancelled on its own (closing the window cancels
   * it too). */
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  circles_session_load_async (self->session, self->load_cancellable,
                              load_cb, g_object_ref (self));
}

static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CirclesWindow *self = CIRCLES_WINDOW (widget);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
}

static void
demo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CirclesWindow *self = CIRCLES_WINDOW (widget);

  circles_session_generate_demo_async (self->session,
                                       CIRCLES_SESSION_DEMO_PEOPLE,
                                       CIRCLES_SESSION_DEMO_SEED,
                                       self->cancellable,
                                       demo_cb,
                                       g_object_ref (self));
}

/* A new window on the demo database: filled on first use. */
static void
open_demo_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CirclesWindow) window = user_data;
  CirclesSession *session = CIRCLES_SESSION (object);

  if (circles_session_load_finish (session, result, NULL) &&
      circles_session_get_state (session) == CIRCLES_SESSION_STATE_EMPTY)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.demo", NULL);
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CirclesWindow *self = CIRCLES_WINDOW (widget);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "circles", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(CirclesSession) session = NULL;
  CirclesWindow *window;

  if (circles_session_get_state (self->session) == CIRCLES_SESSION_STATE_EMPTY &&
      !circles_session_get_busy (self->session))
    {
      gtk_widget_activate_action (widget, "win.demo", NULL);
      return;
    }

  g_mkdir_with_parents (dir, 0700);
  session = circles_session_new (path);
  window = open_window (self, session);
  circles_session_load_async (session, NULL, open_demo_loaded_cb, g_object_ref (window));
}

/* ------------------------------------------------------------------ */
/* Databases                                                           */

static void
open_database_response_cb (CirclesWindow        *self,
                           int                   response,
                           GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  gboolean create = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (g_strcmp0 (path, circles_session_get_path (self->session)) == 0)
    {
      _circles_window_show_toast (self, FALSE, _("This database is already open"));
      return;
    }

  /* The chooser asked before replacing it: a new database starts empty. */
  if (create && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      if (g_unlink (path) != 0)
        {
          show_error (self, _("Cannot Replace the Database"), g_strerror (errno));
          return;
        }
    }

  {
    g_autoptr(CirclesSession) session = circles_session_new (path);

    open_window (self, session);
  }
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CirclesWindow *self = CIRCLES_WINDOW (widget);
  gboolean create = g_str_equal (action_name, "win.new-database");
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (create ? _("New Database") : _("Open Database"),
                                         GTK_WINDOW (self),
                                         create ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         create ? _("_Create") : _("_Open"),
                                         _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Circles Databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("network.db"));

  g_signal_connect_swapped (chooser, "response", G_CALLBACK (open_database_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------ */
/* Import                                                              */

static void start_next_import (CirclesWindow *self);
static void start_import      (CirclesWindow       *self,
                               GFile               *file,
                               CirclesImportFormat  format,
                               const char          *owner_key);
static void ask_whose         (CirclesWindow       *self,
                               GFile               *file,
                               CirclesImportFormat  format);

static char *
describe_report (const CirclesImportReport *report)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  g_autofree char *people = circles_format_count (report->people_added);
  g_autofree char *connections = circles_format_count (report->connections_added);
  g_autofree char *follows = circles_format_count (report->follows_added);
  g_autofree char *memberships = circles_format_count (report->memberships_added);

  if (report->people_added > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people",
                                                          circles_format_plural (report->people_added)),
                                             people));
  if (report->connections_added > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s connection", "%s connections",
                                                          circles_format_plural (report->connections_added)),
                                             connections));
  if (report->follows_added > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s follower", "%s followers",
                                                          circles_format_plural (report->follows_added)),
                                             follows));
  if (report->memberships_added > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s group membership",
                                                          "%s group memberships",
                                                          circles_format_plural (report->memberships_added)),
                                             memberships));
  if (parts->len == 0)
    return g_strdup (_("Nothing new was found"));

  g_ptr_array_add (parts, NULL);
  /* Translators: the parts are like "12 people", joined with ", " */
  joined = g_strjoinv (_(", "), (char **) parts->pdata);
  /* Translators: %s lists what was added: "Added 12 people, 40 connections" */
  return g_strdup_printf (_("Added %s"), joined);
}

typedef struct
{
  CirclesWindow       *self;
  GFile               *file;
  CirclesImportFormat  format;
} WhoseQuestion;

static void
whose_question_free (WhoseQuestion *question)
{
  g_object_unref (question->self);
  g_object_unref (question->file);
  g_free (question);
}

static void
owner_chosen_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 gpointer          user_data)
{
  WhoseQuestion *question = user_data;
  CirclesWindow *self = question->self;
  CirclesNetwork *network = circles_session_get_network (self->session);
  guint person = circles_person_chooser_get_person (CIRCLES_PERSON_CHOOSER (dialog));

  if (g_str_equal (response, "choose") && network != NULL && person != CIRCLES_NO_PERSON &&
      !circles_session_get_busy (self->session) && self->import_cancellable == NULL)
    start_import (self, question->file, question->format, circles_network_get_key (network, person));
  whose_question_free (question);
}

/* Whose export is @file? One of my connections. */
static void
ask_whose (CirclesWindow       *self,
           GFile               *file,
           CirclesImportFormat  format)
{
  CirclesNetwork *network = circles_session_get_network (self->session);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = NULL;
  WhoseQuestion *question;
  GtkWidget *dialog;

  if (network == NULL)
    {
      show_error (self, _("Import Your Own Network First"),
                  _("A colleague’s export adds their connections around yours: "
                    "import your own connections or data archive first."));
      return;
    }
  /* Translators: %s is a file name */
  body = g_strdup_printf (_("The people in “%s” are the connections of the person who exported it. "
                            "Find them among your connections."), name);
  dialog = circles_person_chooser_new (GTK_WINDOW (self), network, 1,
                                       _("Whose Network Is This?"), body, _("_Import"));
  question = g_new0 (WhoseQuestion, 1);
  question->self = g_object_ref (self);
  question->file = g_object_ref (file);
  question->format = format;
  g_signal_connect (dialog, "response", G_CALLBACK (owner_chosen_cb), question);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
mine_or_theirs_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  WhoseQuestion *question = user_data;

  if (g_str_equal (response, "mine"))
    start_import (question->self, question->file, question->format, "me");
  else if (g_str_equal (response, "theirs"))
    ask_whose (question->self, question->file, question->format);
  whose_question_free (question);
}

static void
ask_mine_or_theirs (CirclesWindow       *self,
                    GFile               *file,
                    CirclesImportFormat  format,
                    const char          *name)
{
  g_autofree char *body = NULL;
  WhoseQuestion *question = g_new0 (WhoseQuestion, 1);
  GtkWidget *dialog;

  /* Translators: %s is a file name */
  body = g_strdup_printf (_("Fewer than half of the people in “%s” are your connections. "
                            "If it is a colleague’s export, their connections become your "
                            "2nd circle; if it is yours, they become your connections."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Whose Connections Are These?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "mine", _("They’re _Mine"),
                                    "theirs", _("A _Colleague’s…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "theirs",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  question->self = g_object_ref (self);
  question->file = g_object_ref (file);
  question->format = format;
  g_signal_connect (dialog, "response", G_CALLBACK (mine_or_theirs_cb), question);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CirclesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_steal_pointer (&self->import_name);
  g_autoptr(GFile) file = g_steal_pointer (&self->import_file);
  CirclesImportReport report = { 0, };

  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);

  if (!circles_session_import_finish (CIRCLES_SESSION (object), result, &report, &error))
    {
      /* It looks like someone else's export: ask whose, rather than
       * refuse (the command line refuses). */
      if (g_error_matches (error, CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_NOT_MINE) && file != NULL)
        ask_mine_or_theirs (self, file, self->import_format, name);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s is a file name */
          g_autofree char *title = g_strdup_printf (_("Import of “%s” canceled: nothing was changed"), name);

          _circles_window_show_toast (self, FALSE, title);
        }
      else
        {
          /* Translators: %s is a file name */
          g_autofree char *heading = g_strdup_printf (_("Cannot Import “%s”"), name);
          g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message,
                                                   _("The database was left as it was."));

          show_error (self, heading, body);
        }
    }
  else if (report.same_as > 0)
    {
      /* Translators: a toast; %s is a file name */
      g_autofree char *title = g_strdup_printf (_("“%s” was imported already: nothing changed"), name);

      _circles_window_show_toast (self, FALSE, title);
    }
  else
    {
      g_autofree char *title = describe_report (&report);

      _circles_window_show_toast (self, FALSE, title);
    }

  _circles_window_update_actions (self);
  start_next_import (self);
}

static void
progress_cb (CirclesWindow  *self,
             GParamSpec     *pspec,
             CirclesSession *session)
{
  double progress = circles_session_get_progress (session);

  if (progress >= 0.0)
    gtk_progress_bar_set_fraction (self->progress_bar, progress);
}

static void
start_import (CirclesWindow       *self,
              GFile               *file,
              CirclesImportFormat  format,
              const char          *owner_key)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *label = NULL;

  if (path == NULL)
    {
      show_error (self, _("Cannot Import This File"), _("Only local files can be imported."));
      return;
    }

  g_free (self->import_name);
  self->import_name = g_file_get_basename (file);
  self->import_cancellable = g_cancellable_new ();

  /* Translators: %s is a file name */
  label = g_strdup_printf (_("Importing “%s”…"), self->import_name);
  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);

  g_set_object (&self->import_file, file);
  self->import_format = format;
  /* Without an owner, a Connections.csv that does not look like mine
   * makes the window ask whose it is. */
  circles_session_import_owned_async (self->session, path, format, owner_key,
                                      owner_key == NULL, self->import_cancellable,
                                      import_cb, g_object_ref (self));
  _circles_window_update_actions (self);
}

static void
start_next_import (CirclesWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (self->import_cancellable != NULL || circles_session_get_busy (self->session))
    return;
  file = g_queue_pop_head (&self->import_queue);
  if (file != NULL)
    start_import (self, file, CIRCLES_IMPORT_FORMAT_AUTO, NULL);
}

/* Imports @file now, or after the files before it (dropped ones). */
void
_circles_window_import (CirclesWindow       *self,
                        GFile               *file,
                        CirclesImportFormat  format)
{
  if (self->import_cancellable == NULL && !circles_session_get_busy (self->session) &&
      g_queue_is_empty (&self->import_queue))
    {
      start_import (self, file, format, NULL);
      return;
    }
  g_queue_push_tail (&self->import_queue, g_object_ref (file));
}

static void
busy_cb (CirclesWindow  *self,
         GParamSpec     *pspec,
         CirclesSession *session)
{
  if (!circles_session_get_busy (session))
    start_next_import (self);
}

typedef struct
{
  CirclesWindow       *self;
  CirclesImportFormat  format;
  gboolean             colleague;  /* someone else's export: ask whose */
} ImportChoice;

static void
import_response_cb (GtkFileChooserNative *chooser,
                    int                   response,
                    gpointer              user_data)
{
  ImportChoice *choice = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);

  if (file != NULL && choice->colleague)
    ask_whose (choice->self, file, choice->format);
  else if (file != NULL)
    _circles_window_import (choice->self, file, choice->format);
  g_object_unref (choice->self);
  g_free (choice);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *first_pattern,
            ...)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, first_pattern);
  for (const char *pattern = first_pattern; pattern != NULL; pattern = va_arg (args, const char *))
    gtk_file_filter_add_pattern (filter, pattern);
  va_end (args);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CirclesWindow *self = CIRCLES_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);
  GtkFileChooserNative *chooser;
  GtkFileChooser *files;
  ImportChoice *choice;
  CirclesImportFormat format;
  const char *title;

  gboolean colleague = g_str_equal (name, "colleague");

  if (!circles_import_format_from_string (name, &format))
    format = CIRCLES_IMPORT_FORMAT_AUTO;

  switch (colleague ? CIRCLES_IMPORT_FORMAT_ARCHIVE : format)
    {
    case CIRCLES_IMPORT_FORMAT_LINKEDIN:
      title = _("Import Your Connections");
      break;
    case CIRCLES_IMPORT_FORMAT_ARCHIVE:
      title = colleague ? _("Import a Colleague’s Network") : _("Import Your Data Archive");
      break;
    case CIRCLES_IMPORT_FORMAT_CSV:
      title = _("Import an Edge List");
      break;
    case CIRCLES_IMPORT_FORMAT_GRAPHML:
      title = _("Import a GraphML File");
      break;
    case CIRCLES_IMPORT_FORMAT_DOT:
      title = _("Import a DOT File");
      break;
    case CIRCLES_IMPORT_FORMAT_FOLLOWERS:
      title = _("Import Your Followers");
      break;
    case CIRCLES_IMPORT_FORMAT_GROUPS:
      title = _("Import Group Members");
      break;
    case CIRCLES_IMPORT_FORMAT_AUTO:
    default:
      title = _("Import a File");
      break;
    }

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  files = GTK_FILE_CHOOSER (chooser);
  switch (colleague ? CIRCLES_IMPORT_FORMAT_ARCHIVE : format)
    {
    case CIRCLES_IMPORT_FORMAT_GRAPHML:
      add_filter (files, _("GraphML Files"), "*.graphml", "*.xml", NULL);
      break;
    case CIRCLES_IMPORT_FORMAT_DOT:
      add_filter (files, _("DOT Files"), "*.dot", "*.gv", NULL);
      break;
    case CIRCLES_IMPORT_FORMAT_ARCHIVE:
      add_filter (files, _("Data Archives and Connections"), "*.zip", "*.ZIP", "*.csv", "*.CSV", NULL);
      break;
    case CIRCLES_IMPORT_FORMAT_AUTO:
      add_filter (files, _("Supported Files"), "*.zip", "*.csv", "*.graphml", "*.xml", "*.dot", "*.gv", NULL);
      break;
    default:
      add_filter (files, _("CSV Files"), "*.csv", "*.CSV", NULL);
      break;
    }
  add_filter (files, _("All Files"), "*", NULL);

  choice = g_new0 (ImportChoice, 1);
  choice->self = g_object_ref (self);
  choice->format = format;
  choice->colleague = colleague;
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* win.import-file(path): for scripts and tests; the format is guessed. */
static void
import_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (param, NULL));

  _circles_window_import (CIRCLES_WINDOW (widget), file, CIRCLES_IMPORT_FORMAT_AUTO);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CirclesWindow *self = CIRCLES_WINDOW (widget);

  g_queue_clear_full (&self->import_queue, g_object_unref);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static gboolean
drop_cb (CirclesWindow *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GdkFileList *list;
  g_autoptr(GSList) files = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = g_value_get_boxed (value);
  files = gdk_file_list_get_files (list);
  if (files == NULL || circles_session_get_state (self->session) == CIRCLES_SESSION_STATE_FAILED)
    return FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    _circles_window_import (self, l->data, CIRCLES_IMPORT_FORMAT_AUTO);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Export                                                              */

typedef struct
{
  CirclesWindow *self;
  GFile         *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

/* Tells how an export to data->file ended: a toast, or why not. */
static void
export_finished (ExportData   *data,
                 gboolean      done,
                 const GError *error)
{
  g_autofree char *name = g_file_get_basename (data->file);

  if (!done)
    {
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Cannot Export “%s”"), name);

      show_error (data->self, heading, error->message);
      return;
    }

  {
    /* Translators: %s is a file name */
    g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);

    _circles_window_show_toast (data->self, FALSE, title);
  }
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ExportData) data = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done = circles_session_export_finish (CIRCLES_SESSION (object), result, &error);

  export_finished (data, done, error);
}

static void
export_to (CirclesWindow *self,
           GFile         *file)
{
  g_autofree char *path = g_file_get_path (file);
  ExportData *data;
  CirclesView view;

  if (path == NULL)
    return;

  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  circles_canvas_get_view (self->canvas, &view);
  /* Not drawn yet: the whole diagram at the default size. */
  circles_session_export_async (self->session, path,
                                view.width > 0 && view.height > 0 ? &view : NULL,
                                NULL, export_cb, data);
}

typedef void (*ExportToFunc) (CirclesWindow *self,
                              GFile         *file);

static void
export_response_cb (GtkFileChooserNative *chooser,
                    int                   response,
                    CirclesWindow        *self)
{
  ExportToFunc export_to_file = g_object_get_data (G_OBJECT (chooser), "circles-export-to");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);

  if (file != NULL)
    export_to_file (self, file);
}

/* Asks where to write, suggesting @name, then calls @export_to_file. */
static void
choose_export_file (CirclesWindow *self,
                    const char    *title,
                    const char    *name,
                    ExportToFunc   export_to_file)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "circles-export-to", export_to_file);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CirclesWindow *self = CIRCLES_WINDOW (widget);
  const char *extension = g_variant_get_string (param, NULL);
  g_autofree char *stem = g_strdup (circles_session_get_title (self->session));
  g_autofree char *name = NULL;
  char *dot;

  if (!g_str_equal (extension, "svg") && !g_str_equal (extension, "png") && !g_str_equal (extension, "pdf"))
    return;

  dot = strrchr (stem, '.');
  if (dot != NULL && dot != stem)
    *dot = '\0';
  name = g_strconcat (stem, ".", extension, NULL);

  choose_export_file (self, _("Export What Is Shown"), name, export_to);
}

/* win.export-to(path): for scripts and tests; the format is the extension's. */
static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (param, NULL));

  export_to (CIRCLES_WINDOW (widget), file);
}

/* The prospects, as a list to act on */

static void
export_prospects_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ExportData) data = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done = circles_prospecting_write_list_finish (CIRCLES_PROSPECTING (object), result, &error);

  export_finished (data, done, error);
}

static void
export_prospects_to (CirclesWindow *self,
                     GFile         *file)
{
  ExportData *data = g_new0 (ExportData, 1);

  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  circles_prospecting_write_list_async (circles_prospecting_get_for_session (self->session),
                                        file, NULL, export_prospects_cb, data);
}

static void
export_prospects_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  /* Translators: the suggested name of the exported list of prospects;
   * keep the .csv extension. */
  choose_export_file (CIRCLES_WINDOW (widget), _("Export the Prospects"), _("prospects.csv"),
                      export_prospects_to);
}

/* win.export-prospects-to(path): for scripts and tests. */
static void
export_prospects_to_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (param, NULL));

  export_prospects_to (CIRCLES_WINDOW (widget), file);
}

/* ------------------------------------------------------------------ */
/* Search and selection                                                */

void
_circles_window_search_reset (CirclesWindow *self)
{
  g_clear_pointer (&self->search_texts, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  self->match = 0;
  gtk_label_set_text (self->search_status, "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
ensure_search_texts (CirclesWindow  *self,
                     CirclesNetwork *network)
{
  guint n;

  if (self->search_texts != NULL)
    return;

  n = circles_network_get_n_people (network);
  self->search_texts = g_ptr_array_new_full (n, g_free);
  for (guint p = 0; p < n; p++)
    {
      const char *name = circles_network_get_name (network, p);
      const char *key = circles_network_get_key (network, p);
      const char *company = circles_network_get_company (network, p);
      g_autofree char *text = g_strjoin ("\n", name != NULL ? name : "", key != NULL ? key : "",
                                         company != NULL ? company : "", NULL);

      g_ptr_array_add (self->search_texts, g_utf8_casefold (text, -1));
    }
}

static void
show_match (CirclesWindow *self)
{
  guint person = g_array_index (self->matches, guint, self->match);
  g_autofree char *status = NULL;
  g_autofree char *index = circles_format_count (self->match + 1);
  g_autofree char *total = circles_format_count (self->matches->len);

  /* Translators: the match shown among all of them: "2 of 15" */
  status = g_strdup_printf (_("%s of %s"), index, total);
  gtk_label_set_text (self->search_status, status);

  circles_session_select (self->session, person);
  circles_canvas_center_on (self->canvas, person, TRUE);
}

static void
search_changed_cb (CirclesWindow  *self,
                   GtkSearchEntry *entry)
{
  CirclesNetwork *network = circles_session_get_network (self->session);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *query = NULL;
  g_autoptr(GArray) later = NULL;

  g_clear_pointer (&self->matches, g_array_unref);
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_label_set_text (self->search_status, "");
  if (network == NULL || *stripped == '\0')
    return;

  ensure_search_texts (self, network);
  query = g_utf8_casefold (stripped, -1);
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  later = g_array_new (FALSE, FALSE, sizeof (guint));
  self->match = 0;

  /* Names that start with the text first, then any other match. */
  for (guint p = 0; p < self->search_texts->len && self->matches->len < SEARCH_MAX_MATCHES; p++)
    {
      const char *candidate = g_ptr_array_index (self->search_texts, p);

      if (g_str_has_prefix (candidate, query))
        g_array_append_val (self->matches, p);
      else if (later->len < SEARCH_MAX_MATCHES && strstr (candidate, query) != NULL)
        g_array_append_val (later, p);
    }
  g_array_append_vals (self->matches, later->data,
                       MIN (later->len, SEARCH_MAX_MATCHES - self->matches->len));

  if (self->matches->len == 0)
    {
      gtk_label_set_text (self->search_status, _("No one found"));
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }
  show_match (self);
}

static void
next_match_cb (CirclesWindow  *self,
               GtkSearchEntry *entry)
{
  if (self->matches == NULL || self->matches->len == 0)
    return;
  self->match = (self->match + 1) % self->matches->len;
  show_match (self);
}

static void
previous_match_cb (CirclesWindow  *self,
                   GtkSearchEntry *entry)
{
  if (self->matches == NULL || self->matches->len == 0)
    return;
  self->match = (self->match + self->matches->len - 1) % self->matches->len;
  show_match (self);
}

/* Enter: on to the diagram, where the keys move from the match. */
static void
search_activate_cb (CirclesWindow  *self,
                    GtkSearchEntry *entry)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
stop_search_cb (CirclesWindow  *self,
                GtkSearchEntry *entry)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CirclesWindow *self = CIRCLES_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  /* Asked again while open: what was searched is selected, and typing
   * searches anew instead of adding to it. */
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* win.select-person(key): selects and centres a person, for scripts and tests. */
static void
select_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CirclesWindow *self = CIRCLES_WINDOW (widget);
  CirclesNetwork *network = circles_session_get_network (self->session);
  guint person;

  if (network == NULL)
    return;
  person = circles_network_lookup (network, g_variant_get_string (param, NULL));
  circles_session_select (self->session, person);
  if (person != CIRCLES_NO_PERSON)
    circles_canvas_center_on (self->canvas, person, TRUE);
}

static void
toggle_people_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CirclesWindow *self = CIRCLES_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* ------------------------------------------------------------------ */

void
_circles_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
  gtk_widget_class_install_action (widget_class, "win.demo", NULL, demo_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.import", "s", import_action);
  gtk_widget_class_install_action (widget_class, "win.import-file", "s", import_file_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.export-to", "s", export_to_action);
  gtk_widget_class_install_action (widget_class, "win.export-prospects", NULL, export_prospects_action);
  gtk_widget_class_install_action (widget_class, "win.export-prospects-to", "s", export_prospects_to_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.select-person", "s", select_person_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-people", NULL, toggle_people_action);
  _circles_window_class_init_edits (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-people", NULL);
}

void
_circles_window_init_actions (CirclesWindow *self)
{
  g_autoptr(GAction) color_by = g_settings_create_action (self->settings, "color-by");
  GtkDropTarget *target;

  g_action_map_add_action (G_ACTION_MAP (self), color_by);
  g_settings_bind (self->settings, "color-by", self->canvas, "color-by", G_SETTINGS_BIND_DEFAULT);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "next-match", G_CALLBACK (next_match_cb), self);
  g_signal_connect_swapped (self->search_entry, "previous-match", G_CALLBACK (previous_match_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_swapped (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* Called once the session is known. */
void
_circles_window_watch_session (CirclesWindow *self)
{
  g_signal_connect_object (self->session, "notify::progress",
                           G_CALLBACK (progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::busy",
                           G_CALLBACK (busy_cb), self, G_CONNECT_SWAPPED);
  _circles_window_watch_editor (self);
}
