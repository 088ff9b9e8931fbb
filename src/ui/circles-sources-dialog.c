/* circles-sources-dialog.c: the imports of the database, each removable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per import: the file, whose export it was, when, how many
 * people and connections it brought. Removing one asks nothing: it is
 * taken back at once and a toast offers to undo it (GNOME's pattern).
 * The list is read from the store on the main thread while the session
 * is idle: a few rows of a small table.
 */
#define G_LOG_DOMAIN "circles-sources"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "circles-format.h"
#include "circles-sources-dialog.h"

struct _CirclesSourcesDialog
{
  AdwWindow        parent_instance;

  CirclesEditor   *editor;
  AdwToastOverlay *toasts;
  GtkStack        *stack;
  GtkListBox      *list;
  guint            n_rows;
  GCancellable    *cancellable;  /* of the listing */
};

G_DEFINE_FINAL_TYPE (CirclesSourcesDialog, circles_sources_dialog, ADW_TYPE_WINDOW)

static void refresh (CirclesSourcesDialog *self);

static void
show_toast (CirclesSourcesDialog *self,
            const char           *title,
            gboolean              undo)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "sources.undo");
    }
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
edited (CirclesSourcesDialog *self,
        GAsyncResult         *result,
        gboolean              offer_undo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!circles_editor_finish (self->editor, result, &message, &error))
    show_toast (self, error->message, FALSE);
  else
    show_toast (self, message, offer_undo);
  refresh (self);
}

static void
forgot_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CirclesSourcesDialog) self = user_data;

  edited (self, result, TRUE);
}

static void
undone_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CirclesSourcesDialog) self = user_data;

  edited (self, result, FALSE);
}

static void
remove_clicked_cb (GtkButton            *button,
                   CirclesSourcesDialog *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "source"));
  const char *name = g_object_get_data (G_OBJECT (button), "name");

  gtk_widget_set_sensitive (GTK_WIDGET (self->list), FALSE);
  circles_editor_forget_async (self->editor, id, name, forgot_cb, g_object_ref (self));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CirclesSourcesDialog *self = CIRCLES_SOURCES_DIALOG (widget);

  circles_editor_undo_async (self->editor, undone_cb, g_object_ref (self));
}

static void
add_row (const CirclesSourceRow *row,
         CirclesSourcesDialog   *self)
{
  g_autofree char *file = row->file != NULL ? g_path_get_basename (row->file) : NULL;
  g_autofree char *counts = circles_format_brought (row->people, row->connections);
  g_autofree char *whose = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *date = NULL;
  g_autofree char *button_name = NULL;
  g_autofree char *accessible = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (row->imported, NULL);
  g_autoptr(GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;
  const char *kind = circles_format_source_kind (row->format);
  const char *title = file != NULL ? file : kind;
  GtkWidget *action_row = adw_action_row_new ();
  GtkWidget *button;

  if (local != NULL)
    /* Translators: when an import was made, as g_date_time_format() writes it */
    date = g_date_time_format (local, _("%-d %B %Y, %H:%M"));
  if (row->owner_is_me)
    whose = g_strdup (_("Your own export"));
  else if (row->owner_key != NULL)
    /* Translators: whose export an import is */
    whose = g_strdup_printf (_("%s’s export"), row->owner_name != NULL ? row->owner_name : row->owner_key);
  {
    GPtrArray *parts = g_ptr_array_new ();

    if (file != NULL)
      g_ptr_array_add (parts, (char *) kind);
    if (whose != NULL)
      g_ptr_array_add (parts, whose);
    if (date != NULL)
      g_ptr_array_add (parts, g_strstrip (date));
    g_ptr_array_add (parts, counts);
    g_ptr_array_add (parts, NULL);
    subtitle = g_strjoinv (" · ", (char **) parts->pdata);
    g_ptr_array_unref (parts);
  }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), subtitle);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  button_name = g_strdup_printf ("remove-source-%" G_GINT64_FORMAT, row->id);
  gtk_widget_set_name (button, button_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  /* Translators: what the remove button of an import says to a screen
   * reader; %s is the file */
  accessible = g_strdup_printf (_("Remove “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (button), "source", GSIZE_TO_POINTER (row->id));
  g_object_set_data_full (G_OBJECT (button), "name", g_strdup (title), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), button);

  gtk_list_box_append (self->list, action_row);
  self->n_rows++;
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CirclesSourcesDialog) self = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  rows = circles_editor_list_sources_finish (CIRCLES_EDITOR (object), result, &error);
  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message, FALSE);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_rows = 0;
  for (guint i = 0; i < rows->len; i++)
    add_row (g_ptr_array_index (rows, i), self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->list), TRUE);
  gtk_stack_set_visible_child_name (self->stack, self->n_rows > 0 ? "list" : "empty");
}

/* Lists the imports again, once the session has written what it was
 * writing. */
static void
refresh (CirclesSourcesDialog *self)
{
  if (circles_session_get_busy (circles_editor_get_session (self->editor)))
    return;  /* again when it is idle */

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  circles_editor_list_sources_async (self->editor, self->cancellable, listed_cb, g_object_ref (self));
}

static void
busy_cb (CirclesSourcesDialog *self)
{
  refresh (self);
}

static void
circles_sources_dialog_dispose (GObject *object)
{
  CirclesSourcesDialog *self = CIRCLES_SOURCES_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->editor);

  G_OBJECT_CLASS (circles_sources_dialog_parent_class)->dispose (object);
}

static void
circles_sources_dialog_class_init (CirclesSourcesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = circles_sources_dialog_dispose;
  gtk_widget_class_install_action (widget_class, "sources.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "sources.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
circles_sources_dialog_init (CirclesSourcesDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro = gtk_label_new (_("Each file imported into this network. Removing one takes back "
                                      "what it alone brought: people and connections that another "
                                      "import also has stay."));
  GtkWidget *empty = adw_status_page_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Sources"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 520);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  self->stack = GTK_STACK (gtk_stack_new ());
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "sources-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");

  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0.0);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (GTK_BOX (content), intro);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->list));
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-open-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing Imported Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("The files you import are listed here."));

  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
}

GtkWidget *
circles_sources_dialog_new (GtkWindow     *parent,
                            CirclesEditor *editor)
{
  CirclesSourcesDialog *self;

  g_return_val_if_fail (CIRCLES_IS_EDITOR (editor), NULL);

  self = g_object_new (CIRCLES_TYPE_SOURCES_DIALOG, "transient-for", parent, NULL);
  self->editor = g_object_ref (editor);
  g_signal_connect_object (circles_editor_get_session (editor), "notify::busy",
                           G_CALLBACK (busy_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
  return GTK_WIDGET (self);
}

guint
circles_sources_dialog_get_n_rows (CirclesSourcesDialog *self)
{
  g_return_val_if_fail (CIRCLES_IS_SOURCES_DIALOG (self), 0);

  return self->n_rows;
}
