/* circles-person-chooser.c: a question whose answer is a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whose export is this file? Whom does Marie know? A message dialog with a search entry and
 * the first matches below it, a row each; choosing a row enables the
 * dialog's answer. The people are matched by a part of their name or
 * company, without case: the 1st degree holds at most 30,000 people, a
 * scan per keystroke.
 */
#define G_LOG_DOMAIN "circles-chooser"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "circles-person-chooser.h"

/* Rows shown at most; typing more narrows them. */
#define MAX_SHOWN 50

struct _CirclesPersonChooser
{
  AdwMessageDialog  parent_instance;

  CirclesNetwork   *network;
  guint             degree;
  /* When set, the answers are those connected (or, without @tied, not
   * yet connected) to @around. */
  guint             around;
  gboolean          tied;
  GtkSearchEntry   *entry;
  GtkListBox       *list;
  guint             chosen;
  guint             n_shown;
};

G_DEFINE_FINAL_TYPE (CirclesPersonChooser, circles_person_chooser, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
wanted (CirclesPersonChooser *self,
        guint                 person)
{
  guint degree = circles_network_get_degree (self->network, person);

  if (person == circles_network_get_me (self->network) && self->around == CIRCLES_NO_PERSON)
    return FALSE;
  if (self->around != CIRCLES_NO_PERSON &&
      (person == self->around || (circles_network_find_neighbour (self->network, self->around, person) != G_MAXUINT) != self->tied))
    return FALSE;
  return self->degree == 0 || degree == self->degree;
}

static gboolean
matches (CirclesNetwork *network,
         guint           person,
         const char     *query)
{
  const char *name = circles_network_get_name (network, person);
  const char *company = circles_network_get_company (network, person);
  g_autofree char *folded = NULL;

  if (*query == '\0')
    return TRUE;
  folded = g_utf8_casefold (name != NULL ? name : "", -1);
  if (strstr (folded, query) != NULL)
    return TRUE;
  g_free (folded);
  folded = g_utf8_casefold (company != NULL ? company : "", -1);
  return strstr (folded, query) != NULL;
}

static void
search_changed_cb (CirclesPersonChooser *self)
{
  g_autofree char *query = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->entry)), -1);
  guint n = circles_network_get_n_people (self->network);
  GtkWidget *child;

  g_strstrip (query);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_shown = 0;
  self->chosen = CIRCLES_NO_PERSON;
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "choose", FALSE);

  for (guint p = 0; p < n && self->n_shown < MAX_SHOWN; p++)
    {
      GtkWidget *row;
      const char *company;

      if (!wanted (self, p) || !matches (self->network, p, query))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), circles_network_get_name (self->network, p));
      company = circles_network_get_company (self->network, p);
      if (company != NULL && *company != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), company);
      g_object_set_data (G_OBJECT (row), "person", GUINT_TO_POINTER (p));
      gtk_list_box_append (self->list, row);
      self->n_shown++;
    }
}

static void
row_selected_cb (CirclesPersonChooser *self,
                 GtkListBoxRow        *row)
{
  self->chosen = row != NULL ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "person"))
                             : CIRCLES_NO_PERSON;
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "choose",
                                           self->chosen != CIRCLES_NO_PERSON);
}

static void
circles_person_chooser_dispose (GObject *object)
{
  CirclesPersonChooser *self = CIRCLES_PERSON_CHOOSER (object);

  /* The list unselects its row while it goes, after the dialog's
   * responses. */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  self->list = NULL;

  G_OBJECT_CLASS (circles_person_chooser_parent_class)->dispose (object);
}

static void
circles_person_chooser_finalize (GObject *object)
{
  CirclesPersonChooser *self = CIRCLES_PERSON_CHOOSER (object);

  g_clear_pointer (&self->network, circles_network_unref);

  G_OBJECT_CLASS (circles_person_chooser_parent_class)->finalize (object);
}

static void
circles_person_chooser_class_init (CirclesPersonChooserClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = circles_person_chooser_dispose;
  G_OBJECT_CLASS (klass)->finalize = circles_person_chooser_finalize;
}

static void
circles_person_chooser_init (CirclesPersonChooser *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->chosen = CIRCLES_NO_PERSON;
  self->around = CIRCLES_NO_PERSON;
  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->entry), "chooser-search");
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "chooser-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), scroller);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);

  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
}

GtkWidget *
circles_person_chooser_new (GtkWindow      *parent,
                            CirclesNetwork *network,
                            guint           degree,
                            const char     *heading,
                            const char     *body,
                            const char     *choose_label)
{
  CirclesPersonChooser *self;

  g_return_val_if_fail (network != NULL, NULL);

  self = g_object_new (CIRCLES_TYPE_PERSON_CHOOSER,
                       "transient-for", parent,
                       "heading", heading,
                       "body", body,
                       NULL);
  self->network = circles_network_ref (network);
  self->degree = degree;
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "choose", choose_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "choose",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  search_changed_cb (self);
  return GTK_WIDGET (self);
}

void
circles_person_chooser_set_around (CirclesPersonChooser *self,
                                   guint                 person,
                                   gboolean              tied)
{
  g_return_if_fail (CIRCLES_IS_PERSON_CHOOSER (self));
  g_return_if_fail (person == CIRCLES_NO_PERSON || person < circles_network_get_n_people (self->network));

  self->around = person;
  self->tied = tied;
  search_changed_cb (self);
}

guint
circles_person_chooser_get_person (CirclesPersonChooser *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_CHOOSER (self), CIRCLES_NO_PERSON);

  return self->chosen;
}

void
circles_person_chooser_search (CirclesPersonChooser *self,
                               const char           *text)
{
  g_return_if_fail (CIRCLES_IS_PERSON_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  search_changed_cb (self);
}

guint
circles_person_chooser_get_n_shown (CirclesPersonChooser *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_CHOOSER (self), 0);

  return self->n_shown;
}
