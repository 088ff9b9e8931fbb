/* circles-window-edits.c: what the main window changes by hand
 *
 * The Sources dialog, the person pane's "Add a Connection…", "Remove a
 * Connection…" and "New Person…", and Undo (Ctrl+Z) of the last of
 * them. Each edit is the editor's: it runs in a worker thread, and its
 * toast offers to undo it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-window"

#include "config.h"

#include <glib/gi18n.h>

#include "circles-new-person-dialog.h"
#include "circles-person-chooser.h"
#include "circles-sources-dialog.h"
#include "circles-window-private.h"

void
_circles_window_show_toast (CirclesWindow *self,
                            gboolean       offer_undo,
                            const char    *title)
{
  /* Toast titles are markup in libadwaita 1.2. */
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
sources_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CirclesWindow *self = CIRCLES_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (circles_sources_dialog_new (GTK_WINDOW (self), self->editor)));
}

static void
report (CirclesWindow *self,
        GObject       *editor,
        GAsyncResult  *result,
        gboolean       offer_undo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!circles_editor_finish (CIRCLES_EDITOR (editor), result, &message, &error))
    _circles_window_show_toast (self, FALSE, error->message);
  else
    _circles_window_show_toast (self, offer_undo, message);
}

static void
edited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CirclesWindow) self = user_data;

  report (self, object, result, TRUE);
}

static void
undone_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CirclesWindow) self = user_data;

  report (self, object, result, FALSE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CirclesWindow *self = CIRCLES_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Ctrl+Z in the search entry is the entry's. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry)))
    return;
  circles_editor_undo_async (self->editor, undone_cb, g_object_ref (self));
}

static void
can_undo_cb (CirclesWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 circles_editor_get_can_undo (self->editor));
}

/* The person the pane shows, whom the edits are about. */
static guint
pane_person (CirclesWindow   *self,
             CirclesNetwork **network)
{
  *network = circles_session_get_network (self->session);
  if (*network == NULL || circles_session_get_busy (self->session))
    return CIRCLES_NO_PERSON;
  return circles_session_get_selected (self->session);
}

typedef struct
{
  CirclesWindow *self;
  guint          person;
  gboolean       link;
} Question;

static void
question_free (Question *question)
{
  g_object_unref (question->self);
  g_free (question);
}

static void
other_chosen_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 gpointer          user_data)
{
  Question *question = user_data;
  CirclesWindow *self = question->self;
  guint other = circles_person_chooser_get_person (CIRCLES_PERSON_CHOOSER (dialog));

  if (g_str_equal (response, "choose") && other != CIRCLES_NO_PERSON &&
      !circles_session_get_busy (self->session))
    {
      if (question->link)
        circles_editor_link_async (self->editor, question->person, other, edited_cb, g_object_ref (self));
      else
        circles_editor_unlink_async (self->editor, question->person, other, edited_cb, g_object_ref (self));
    }
  question_free (question);
}

/* Asks whom the pane's person knows (@link) or no longer knows. */
static void
ask_other (CirclesWindow *self,
           gboolean       link)
{
  CirclesNetwork *network;
  guint person = pane_person (self, &network);
  const char *name;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Question *question;

  if (person == CIRCLES_NO_PERSON)
    return;
  name = circles_network_get_name (network, person);
  if (person == circles_network_get_me (network))
    {
      heading = g_strdup (link ? _("Add a Connection of Yours") : _("Remove a Connection of Yours"));
      body = g_strdup (link ? _("Whom do you know? Find them by name or company.")
                            : _("Whom are you no longer connected to?"));
    }
  else if (link)
    {
      /* Translators: a dialog's heading; %s is a person's name */
      heading = g_strdup_printf (_("Add a Connection of %s"), name);
      /* Translators: %s is a person's name */
      body = g_strdup_printf (_("Whom does %s know? Find them by name or company. "
                                "The connection is yours to remove: it is listed in Sources as added by hand."),
                              name);
    }
  else
    {
      /* Translators: a dialog's heading; %s is a person's name */
      heading = g_strdup_printf (_("Remove a Connection of %s"), name);
      /* Translators: %s is a person's name */
      body = g_strdup_printf (_("Whom is %s no longer connected to?"), name);
    }
  dialog = circles_person_chooser_new (GTK_WINDOW (self), network, 0, heading, body,
                                       link ? _("_Connect") : _("_Remove"));
  circles_person_chooser_set_around (CIRCLES_PERSON_CHOOSER (dialog), person, !link);
  if (!link)
    adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose",
                                                ADW_RESPONSE_DESTRUCTIVE);
  question = g_new0 (Question, 1);
  question->self = g_object_ref (self);
  question->person = person;
  question->link = link;
  g_signal_connect (dialog, "response", G_CALLBACK (other_chosen_cb), question);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_connection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  ask_other (CIRCLES_WINDOW (widget), TRUE);
}

static void
remove_connection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  ask_other (CIRCLES_WINDOW (widget), FALSE);
}

static void
new_person_cb (AdwMessageDialog *dialog,
               const char       *response,
               gpointer          user_data)
{
  Question *question = user_data;
  CirclesWindow *self = question->self;
  CirclesNewPersonDialog *form = CIRCLES_NEW_PERSON_DIALOG (dialog);

  if (g_str_equal (response, "add") && !circles_session_get_busy (self->session))
    circles_editor_add_person_async (self->editor,
                                     circles_new_person_dialog_get_name (form),
                                     circles_new_person_dialog_get_company (form),
                                     circles_new_person_dialog_get_position (form),
                                     circles_new_person_dialog_get_url (form),
                                     question->person, edited_cb, g_object_ref (self));
  question_free (question);
}

static void
new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CirclesWindow *self = CIRCLES_WINDOW (widget);
  CirclesNetwork *network;
  guint person = pane_person (self, &network);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Question *question;

  if (person == CIRCLES_NO_PERSON)
    return;
  if (person == circles_network_get_me (network))
    body = g_strdup (_("Someone you know who is in none of your files: they join your 1st circle."));
  else
    /* Translators: %s is a person's name */
    body = g_strdup_printf (_("Someone %s knows who is in none of your files."),
                            circles_network_get_name (network, person));
  dialog = circles_new_person_dialog_new (GTK_WINDOW (self), body);
  question = g_new0 (Question, 1);
  question->self = g_object_ref (self);
  question->person = person;
  g_signal_connect (dialog, "response", G_CALLBACK (new_person_cb), question);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_circles_window_update_edit_actions (CirclesWindow *self)
{
  gboolean ready = self->session != NULL && !circles_session_get_busy (self->session) &&
                   circles_session_get_state (self->session) == CIRCLES_SESSION_STATE_READY;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-connection", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-connection", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-person", ready);
}

void
_circles_window_class_init_edits (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.sources", NULL, sources_action);
  gtk_widget_class_install_action (widget_class, "win.add-connection", NULL, add_connection_action);
  gtk_widget_class_install_action (widget_class, "win.remove-connection", NULL, remove_connection_action);
  gtk_widget_class_install_action (widget_class, "win.new-person", NULL, new_person_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
}

/* Called once the session is known. */
void
_circles_window_watch_editor (CirclesWindow *self)
{
  self->editor = circles_editor_new (self->session);
  g_signal_connect_object (self->editor, "notify::can-undo",
                           G_CALLBACK (can_undo_cb), self, G_CONNECT_SWAPPED);
  can_undo_cb (self);
}
