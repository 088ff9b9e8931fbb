/* circles-new-person-dialog.c: someone the files do not know yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Learned in a meeting: Marie knows the prospect's manager, who is in
 * none of the files. A message dialog with four entry rows (name,
 * company, position, profile URL); Add is enabled once there is a name
 * and the profile URL, when given, is a web address.
 */
#define G_LOG_DOMAIN "circles-new-person"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "circles-import.h"
#include "circles-new-person-dialog.h"

struct _CirclesNewPersonDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *name_row;
  AdwEntryRow      *company_row;
  AdwEntryRow      *position_row;
  AdwEntryRow      *url_row;
};

G_DEFINE_FINAL_TYPE (CirclesNewPersonDialog, circles_new_person_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* Blank, or a web address with a host name ("linkedin.com/in/marie"
 * is one: the importers add the scheme). */
static gboolean
is_profile_url (const char *text)
{
  g_autofree char *key = circles_import_profile_key (text);
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (key == NULL)
    return TRUE;
  if (!circles_import_key_is_url (key))
    return FALSE;
  uri = g_uri_parse (key, G_URI_FLAGS_NONE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  return host != NULL && strchr (host, '.') != NULL;
}

static void
changed_cb (CirclesNewPersonDialog *self)
{
  gboolean url_ok = is_profile_url (gtk_editable_get_text (GTK_EDITABLE (self->url_row)));

  if (url_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add",
                                           url_ok && !is_blank (circles_new_person_dialog_get_name (self)));
}

static AdwEntryRow *
add_row (CirclesNewPersonDialog *self,
         GtkListBox             *list,
         const char             *name,
         const char             *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  gtk_widget_set_name (GTK_WIDGET (row), name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_activates_default (row, TRUE);
  g_signal_connect_object (row, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (list, GTK_WIDGET (row));
  return row;
}

static void
circles_new_person_dialog_class_init (CirclesNewPersonDialogClass *klass)
{
}

static void
circles_new_person_dialog_init (CirclesNewPersonDialog *self)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());

  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  self->name_row = add_row (self, list, "new-person-name", _("_Name"));
  self->company_row = add_row (self, list, "new-person-company", _("_Company"));
  self->position_row = add_row (self, list, "new-person-position", _("_Position"));
  self->url_row = add_row (self, list, "new-person-url", _("Profile _URL"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), GTK_WIDGET (list));
}

GtkWidget *
circles_new_person_dialog_new (GtkWindow  *parent,
                               const char *body)
{
  CirclesNewPersonDialog *self;

  self = g_object_new (CIRCLES_TYPE_NEW_PERSON_DIALOG,
                       "transient-for", parent,
                       "heading", _("New Person"),
                       "body", body,
                       NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WIDGET (self);
}

const char *
circles_new_person_dialog_get_name (CirclesNewPersonDialog *self)
{
  g_return_val_if_fail (CIRCLES_IS_NEW_PERSON_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

const char *
circles_new_person_dialog_get_company (CirclesNewPersonDialog *self)
{
  g_return_val_if_fail (CIRCLES_IS_NEW_PERSON_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->company_row));
}

const char *
circles_new_person_dialog_get_position (CirclesNewPersonDialog *self)
{
  g_return_val_if_fail (CIRCLES_IS_NEW_PERSON_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->position_row));
}

const char *
circles_new_person_dialog_get_url (CirclesNewPersonDialog *self)
{
  g_return_val_if_fail (CIRCLES_IS_NEW_PERSON_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->url_row));
}

void
circles_new_person_dialog_fill (CirclesNewPersonDialog *self,
                                const char             *name,
                                const char             *company,
                                const char             *position,
                                const char             *url)
{
  g_return_if_fail (CIRCLES_IS_NEW_PERSON_DIALOG (self));

  if (name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  if (company != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->company_row), company);
  if (position != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->position_row), position);
  if (url != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
}
