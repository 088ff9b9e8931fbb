/* circles-people-panel.c: the people of each circle, as lists
 *
 * The side panel of the window, in five pages: the circles (how many
 * people each holds, or how many match the filter, and each ring as a
 * list: the accessible alternative to the picture), the prospects (the
 * filter and who can introduce them: CirclesProspectsPage), the
 * followers, the groups I share with their members, and the people out
 * of network (a count, and the list on demand). Every list shows the circle of each person as a badge;
 * choosing a row selects that person in the session.
 *
 * The lists are CirclesPersonList models filled in worker threads; a
 * list view only makes rows for what is on screen, so rings of 100,000
 * people stay fast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-people-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "circles-badge.h"
#include "circles-format.h"
#include "circles-group-list.h"
#include "circles-people-panel.h"
#include "circles-person-item.h"
#include "circles-person-list-row.h"
#include "circles-person-list.h"
#include "circles-prospecting.h"
#include "circles-prospects-page.h"

struct _CirclesPeoplePanel
{
  AdwBin               parent_instance;

  CirclesSession      *session;
  CirclesNetwork      *network;         /* the one the lists were made for */

  CirclesPersonList   *rings[3];        /* 1st, 2nd, 3rd; loaded when opened */
  guint                rings_loaded;    /* bit per ring */
  guint                ring;            /* 1..3: the ring shown */
  CirclesPersonList   *followers;
  CirclesGroupList    *groups;
  gboolean             groups_loaded;   /* or being loaded */
  GCancellable        *groups_cancellable;
  CirclesPersonList   *out_of_network;

  GtkSingleSelection  *ring_selection;
  GtkFilterListModel  *ring_filtered;   /* the ring shown, the filter's matches */
  GtkCustomFilter     *ring_filter;
  GtkSingleSelection  *followers_selection;
  GtkSingleSelection  *groups_selection;
  GtkSingleSelection  *out_selection;

  guint                syncing : 1;

  /* Template widgets */
  AdwViewStack        *view_stack;
  AdwBin              *prospects_slot;
  GtkStack            *circles_stack;
  GtkLabel            *summary_label;
  GtkListBox          *highlight_list;
  AdwActionRow        *highlight_row;
  AdwActionRow        *first_row;
  AdwActionRow        *second_row;
  AdwActionRow        *third_row;
  AdwActionRow        *group_member_row;
  AdwActionRow        *follower_row;
  AdwActionRow        *out_of_network_row;
  GtkLabel            *first_count;
  GtkLabel            *second_count;
  GtkLabel            *third_count;
  GtkLabel            *group_member_count;
  GtkLabel            *follower_count;
  GtkLabel            *out_of_network_count;
  GtkLabel            *ring_title;
  GtkLabel            *ring_subtitle;
  GtkStack            *ring_content;
  GtkSpinner          *ring_spinner;
  GtkListView         *ring_view;
  GtkStack            *followers_stack;
  GtkLabel            *followers_label;
  GtkListView         *followers_view;
  GtkStack            *groups_stack;
  GtkLabel            *groups_label;
  GtkListView         *groups_view;
  GtkStack            *out_stack;
  AdwStatusPage       *out_status;
  GtkLabel            *out_label;
  GtkListView         *out_view;
};

G_DEFINE_FINAL_TYPE (CirclesPeoplePanel, circles_people_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CirclesPersonListKind ring_kinds[3] = {
  CIRCLES_PERSON_LIST_FIRST,
  CIRCLES_PERSON_LIST_SECOND,
  CIRCLES_PERSON_LIST_THIRD,
};

static void
set_count (GtkLabel *label,
           guint64   n)
{
  g_autofree char *text = circles_format_count (n);

  gtk_label_set_text (label, text);
}

/* "12 of 474" under a filter, else "474". */
static void
set_count_of (GtkLabel      *label,
              const guint64 *matching,
              guint64        n)
{
  g_autofree char *total = NULL;
  g_autofree char *part = NULL;
  g_autofree char *text = NULL;

  if (matching == NULL)
    {
      set_count (label, n);
      return;
    }
  total = circles_format_count (n);
  part = circles_format_count (*matching);
  /* Translators: how many people of a circle match the filter, as in
   * "12 of 474". */
  text = g_strdup_printf (_("%s of %s"), part, total);
  gtk_label_set_text (label, text);
}

/* "1,234 people" */
static char *
people_text (guint64 n)
{
  g_autofree char *number = circles_format_count (n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people", circles_format_plural (n)),
                          number);
}

/* {{{ Rows */

static void
person_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  degree_only)
{
  GtkWidget *row = circles_person_list_row_new ();

  circles_person_list_row_set_degree_only (CIRCLES_PERSON_LIST_ROW (row), GPOINTER_TO_INT (degree_only));
  gtk_list_item_set_child (list_item, row);
}

static void
person_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  circles_person_list_row_set_item (CIRCLES_PERSON_LIST_ROW (gtk_list_item_get_child (list_item)),
                               gtk_list_item_get_item (list_item));
}

static void
person_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  circles_person_list_row_set_item (CIRCLES_PERSON_LIST_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static GtkListItemFactory *
person_factory_new (gboolean degree_only)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (person_setup_cb), GINT_TO_POINTER (degree_only));
  g_signal_connect (factory, "bind", G_CALLBACK (person_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (person_unbind_cb), NULL);

  return factory;
}

/* Groups: a tree of groups and their members. The expander holds both
 * kinds of rows; bind shows the one the item needs. */
static void
group_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("system-users-symbolic");
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *row = circles_person_list_row_new ();
  const char *badge_classes[] = { "circle-badge", "small", "group-member", NULL };

  gtk_widget_set_css_classes (icon, badge_classes);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (header), labels);
  gtk_widget_add_css_class (header, "group-header");

  circles_person_list_row_set_degree_only (CIRCLES_PERSON_LIST_ROW (row), TRUE);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), row);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);

  g_object_set_data (G_OBJECT (list_item), "header", header);
  g_object_set_data (G_OBJECT (list_item), "title", title);
  g_object_set_data (G_OBJECT (list_item), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (list_item), "row", row);
}

static void
group_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkTreeListRow *tree_row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *header = g_object_get_data (G_OBJECT (list_item), "header");
  GtkWidget *row = g_object_get_data (G_OBJECT (list_item), "row");
  gpointer item = gtk_tree_list_row_get_item (tree_row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), tree_row);

  if (CIRCLES_IS_PERSON_LIST (item))
    {
      CirclesPersonList *group = item;
      guint n = g_list_model_get_n_items (G_LIST_MODEL (group));
      g_autofree char *number = circles_format_count (n);
      g_autofree char *members = NULL;

      members = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s other member", "%s other members", n),
                                 number);
      gtk_label_set_text (g_object_get_data (G_OBJECT (list_item), "title"),
                          circles_person_list_get_title (group));
      gtk_label_set_text (g_object_get_data (G_OBJECT (list_item), "subtitle"), members);
      gtk_widget_set_visible (header, TRUE);
      gtk_widget_set_visible (row, FALSE);
      circles_person_list_row_set_item (CIRCLES_PERSON_LIST_ROW (row), NULL);
    }
  else
    {
      circles_person_list_row_set_item (CIRCLES_PERSON_LIST_ROW (row), item);
      gtk_widget_set_visible (header, FALSE);
      gtk_widget_set_visible (row, TRUE);
    }

  g_clear_object (&item);
}

static void
group_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *row = g_object_get_data (G_OBJECT (list_item), "row");

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
  circles_person_list_row_set_item (CIRCLES_PERSON_LIST_ROW (row), NULL);
}

static GListModel *
group_children_cb (gpointer item,
                   gpointer user_data)
{
  if (CIRCLES_IS_PERSON_LIST (item))
    return g_object_ref (G_LIST_MODEL (item));

  return NULL;
}

/* }}} */

/* {{{ Selection, both ways */

static guint
selected_person (GtkSingleSelection *selection)
{
  gpointer item = gtk_single_selection_get_selected_item (selection);

  if (GTK_IS_TREE_LIST_ROW (item))
    item = gtk_tree_list_row_get_item (item);
  else if (item != NULL)
    g_object_ref (item);

  if (CIRCLES_IS_PERSON_ITEM (item))
    {
      guint person = circles_person_item_get_person (item);

      g_object_unref (item);
      return person;
    }

  g_clear_object (&item);
  return CIRCLES_NO_PERSON;
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      CirclesPeoplePanel *self)
{
  guint person;

  if (self->syncing)
    return;

  person = selected_person (selection);
  if (person != CIRCLES_NO_PERSON)
    circles_session_select (self->session, person);
}

static void
view_activate_cb (GtkListView        *view,
                  guint               position,
                  CirclesPeoplePanel *self)
{
  GtkSelectionModel *model = gtk_list_view_get_model (view);
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), position);

  if (GTK_IS_TREE_LIST_ROW (item))
    {
      GtkTreeListRow *tree_row = GTK_TREE_LIST_ROW (item);
      g_autoptr(GObject) inner = gtk_tree_list_row_get_item (tree_row);

      /* Activating a group opens or closes it. */
      if (gtk_tree_list_row_is_expandable (tree_row))
        {
          gtk_tree_list_row_set_expanded (tree_row, !gtk_tree_list_row_get_expanded (tree_row));
          return;
        }
      g_set_object (&item, inner);
    }

  if (CIRCLES_IS_PERSON_ITEM (item))
    circles_session_select (self->session, circles_person_item_get_person (CIRCLES_PERSON_ITEM (item)));
}

/* Who stands out on the rings, a byte each (whom the introducer looked
 * at reaches, else the filter's matches), or NULL when everyone does
 * (or the results are not those of the panel's network yet). */
static const guint8 *
standing_out (CirclesPeoplePanel *self)
{
  CirclesProspecting *prospecting = circles_prospecting_get_for_session (self->session);

  if (self->network == NULL || self->network != circles_session_get_network (self->session))
    return NULL;
  return circles_prospecting_get_emphasis (prospecting);
}

/* Where @person is in @model (a list of people, or one filtered by the
 * filter), or GTK_INVALID_LIST_POSITION. */
static guint
person_position (CirclesPeoplePanel *self,
                 GListModel         *model,
                 guint               person)
{
  CirclesPersonList *list;
  const guint8 *matches = NULL;
  guint position, filtered = 0;

  if (GTK_IS_FILTER_LIST_MODEL (model))
    {
      model = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (model));
      matches = standing_out (self);
    }
  if (!CIRCLES_IS_PERSON_LIST (model) || person == CIRCLES_NO_PERSON)
    return GTK_INVALID_LIST_POSITION;

  list = CIRCLES_PERSON_LIST (model);
  position = circles_person_list_find (list, person);
  if (position == G_MAXUINT)
    return GTK_INVALID_LIST_POSITION;
  if (matches == NULL)
    return position;
  if (!matches[person])
    return GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < position; i++)
    filtered += matches[circles_person_list_get_person (list, i)] != 0;
  return filtered;
}

/* Shows the session's selection in a list, scrolled to it, or no
 * selection when the person is not in it. */
static void
sync_selection (CirclesPeoplePanel *self,
                GtkSingleSelection *selection,
                GtkListView        *view)
{
  guint person = circles_session_get_selected (self->session);
  GListModel *model = gtk_single_selection_get_model (selection);
  guint position;

  if (selected_person (selection) == person && person != CIRCLES_NO_PERSON)
    return;

  position = person_position (self, model, person);
  self->syncing = TRUE;
  gtk_single_selection_set_selected (selection, position);
  self->syncing = FALSE;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (view), "list.scroll-to-item", "u", position);
}

static void
session_selected_cb (CirclesPeoplePanel *self)
{
  sync_selection (self, self->ring_selection, self->ring_view);
  sync_selection (self, self->followers_selection, self->followers_view);
  sync_selection (self, self->groups_selection, self->groups_view);
  sync_selection (self, self->out_selection, self->out_view);
}

static GtkSingleSelection *
selection_new (CirclesPeoplePanel *self,
               GListModel         *model)
{
  GtkSingleSelection *selection = gtk_single_selection_new (model);

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, 0);

  return selection;
}

/* }}} */

/* {{{ Pages */

static void
circles_people_panel_update_ring (CirclesPeoplePanel *self)
{
  CirclesPersonList *list;
  g_autofree char *people = NULL;
  g_autofree char *subtitle = NULL;
  guint64 count = 0;

  if (self->ring < 1 || self->ring > 3)
    return;

  list = self->rings[self->ring - 1];

  if (self->network != NULL)
    {
      const CirclesCounts *counts = circles_network_get_counts (self->network);

      count = self->ring == 1 ? counts->first : self->ring == 2 ? counts->second : counts->third;
    }
  people = people_text (count);
  if (standing_out (self) != NULL)
    {
      const CirclesCounts *matches = circles_prospecting_get_emphasis_counts (circles_prospecting_get_for_session (self->session));
      guint64 part = self->ring == 1 ? matches->first : self->ring == 2 ? matches->second : matches->third;
      g_autofree char *number = circles_format_count (part);
      g_autofree char *all = g_steal_pointer (&people);

      /* Translators: how many people of a circle stand out on the rings
       * (they match the filter, or the introducer looked at reaches
       * them), as in "12 of 474 people". */
      people = g_strdup_printf (_("%s of %s"), number, all);
    }

  switch (self->ring)
    {
    case 1:
      gtk_label_set_text (self->ring_title, _("1st-Degree Connections"));
      /* Translators: %s is a number of people, such as "1,234 people". */
      subtitle = g_strdup_printf (_("%s, by name"), people);
      break;
    case 2:
      gtk_label_set_text (self->ring_title, _("2nd-Degree Connections"));
      subtitle = g_strdup_printf (_("%s, most mutual connections first"), people);
      break;
    case 3:
    default:
      gtk_label_set_text (self->ring_title, _("3rd-Degree Connections"));
      subtitle = g_strdup_printf (_("%s, most chains first"), people);
      break;
    }
  gtk_label_set_text (self->ring_subtitle, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ring_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (self->ring_title),
                                  -1);

  if (gtk_filter_list_model_get_model (self->ring_filtered) != G_LIST_MODEL (list))
    {
      self->syncing = TRUE;
      gtk_filter_list_model_set_model (self->ring_filtered, G_LIST_MODEL (list));
      self->syncing = FALSE;
      sync_selection (self, self->ring_selection, self->ring_view);
    }

  if (circles_person_list_get_loading (list))
    {
      gtk_stack_set_visible_child_name (self->ring_content, "loading");
      gtk_spinner_start (self->ring_spinner);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->ring_content, "list");
      gtk_spinner_stop (self->ring_spinner);
    }
}

static void
ring_loading_cb (CirclesPeoplePanel *self)
{
  circles_people_panel_update_ring (self);
  sync_selection (self, self->ring_selection, self->ring_view);
}

static void
circles_people_panel_update_followers (CirclesPeoplePanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->followers));
  g_autofree char *number = circles_format_count (n);
  g_autofree char *text = NULL;

  if (n == 0)
    {
      gtk_stack_set_visible_child_name (self->followers_stack, "empty");
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s follower reads your posts without being connected to you",
                                       "%s followers read your posts without being connected to you",
                                       n),
                          number);
  gtk_label_set_text (self->followers_label, text);
  gtk_stack_set_visible_child_name (self->followers_stack, "list");
  sync_selection (self, self->followers_selection, self->followers_view);
}

static void
circles_people_panel_update_groups (CirclesPeoplePanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));
  g_autofree char *number = circles_format_count (n);
  g_autofree char *text = NULL;

  if (n == 0)
    {
      gtk_stack_set_visible_child_name (self->groups_stack, "empty");
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "You share %s group: message its members there",
                                       "You share %s groups: message their members there",
                                       n),
                          number);
  gtk_label_set_text (self->groups_label, text);
  gtk_stack_set_visible_child_name (self->groups_stack, "list");
}

static void
groups_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CirclesPeoplePanel) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!circles_group_list_load_finish (CIRCLES_GROUP_LIST (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot read the groups: %s", error->message);
      return;
    }
  circles_people_panel_update_groups (self);
}

/* The groups are read from the database, in a worker, once their page
 * is shown. */
static void
circles_people_panel_ensure_groups (CirclesPeoplePanel *self)
{
  if (self->groups_loaded || self->network == NULL ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "groups") != 0 ||
      circles_session_get_network (self->session) != self->network)
    return;

  self->groups_loaded = TRUE;
  self->groups_cancellable = g_cancellable_new ();
  circles_group_list_load_async (self->groups, self->session, self->groups_cancellable,
                                 groups_loaded_cb, g_object_ref (self));
}

static void
circles_people_panel_update_out (CirclesPeoplePanel *self)
{
  guint64 count = 0;
  g_autofree char *people = NULL;
  g_autofree char *title = NULL;

  if (self->network != NULL)
    count = circles_network_get_counts (self->network)->out_of_network;

  people = circles_format_count (count);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%s Person Out of Network",
                                        "%s People Out of Network",
                                        circles_format_plural (count)),
                           people);
  adw_status_page_set_title (self->out_status, title);
  gtk_label_set_text (self->out_label, title);
}

static void
out_show_clicked_cb (CirclesPeoplePanel *self)
{
  if (self->network == NULL)
    return;

  if (circles_person_list_get_network (self->out_of_network) != self->network &&
      !circles_person_list_get_loading (self->out_of_network))
    circles_person_list_load (self->out_of_network, self->network, CIRCLES_PERSON_LIST_OUT_OF_NETWORK);

  gtk_stack_set_visible_child_name (self->out_stack, "list");
}

static void
summary_row_activated_cb (CirclesPeoplePanel *self,
                          GtkListBoxRow      *row)
{
  if (row == GTK_LIST_BOX_ROW (self->first_row))
    circles_people_panel_show_ring (self, 1);
  else if (row == GTK_LIST_BOX_ROW (self->second_row))
    circles_people_panel_show_ring (self, 2);
  else if (row == GTK_LIST_BOX_ROW (self->third_row))
    circles_people_panel_show_ring (self, 3);
  else if (row == GTK_LIST_BOX_ROW (self->group_member_row))
    circles_people_panel_show_page (self, "groups");
  else if (row == GTK_LIST_BOX_ROW (self->follower_row))
    circles_people_panel_show_page (self, "followers");
  else if (row == GTK_LIST_BOX_ROW (self->out_of_network_row))
    circles_people_panel_show_page (self, "out-of-network");
}

static void
back_clicked_cb (CirclesPeoplePanel *self)
{
  gtk_stack_set_visible_child_name (self->circles_stack, "summary");
  gtk_widget_grab_focus (GTK_WIDGET (self->first_row));
}

static void
page_changed_cb (CirclesPeoplePanel *self)
{
  circles_people_panel_ensure_groups (self);
}

/* }}} */

/* {{{ What stands out on the rings */

static gboolean
ring_filter_cb (gpointer item,
                gpointer user_data)
{
  CirclesPeoplePanel *self = user_data;
  const guint8 *matches = standing_out (self);
  guint person = circles_person_item_get_person (CIRCLES_PERSON_ITEM (item));

  return matches == NULL || matches[person] != 0;
}

/* The list of a ring shows who stands out on the rings. */
static void
circles_people_panel_update_ring_filter (CirclesPeoplePanel *self)
{
  self->syncing = TRUE;
  /* No function: everyone, without looking at each item. */
  if (standing_out (self) != NULL)
    gtk_custom_filter_set_filter_func (self->ring_filter, ring_filter_cb, self, NULL);
  else
    gtk_custom_filter_set_filter_func (self->ring_filter, NULL, NULL, NULL);
  self->syncing = FALSE;
  circles_people_panel_update_ring (self);
  sync_selection (self, self->ring_selection, self->ring_view);
}

/* Says who stands out on the rings, and offers to show everyone. */
static void
circles_people_panel_update_highlight (CirclesPeoplePanel *self)
{
  CirclesProspecting *prospecting = circles_prospecting_get_for_session (self->session);
  const CirclesCounts *counts = circles_prospecting_get_emphasis_counts (prospecting);
  guint introducer = circles_prospecting_get_introducer (prospecting);
  g_autofree char *text = NULL;

  if (counts != NULL && introducer != CIRCLES_NO_PERSON && self->network != NULL)
    {
      guint reach = circles_prospecting_get_introducer_reach (prospecting);
      g_autofree char *number = circles_format_count (reach);
      const char *name = circles_network_get_name (self->network, introducer);

      if (name == NULL || *name == '\0')
        name = circles_network_get_key (self->network, introducer);
      /* Translators: %1$s is a person's name, %2$s a number of people. */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "On the rings: the %2$s prospect %1$s can introduce you to, with lines from %1$s",
                                           "On the rings: the %2$s prospects %1$s can introduce you to, with lines from %1$s",
                                           circles_format_plural (reach)),
                              name, number);
    }
  else if (counts != NULL)
    {
      g_autofree char *number = circles_format_count (counts->people);

      /* Translators: %s is a number of people. */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "On the rings: the %s person who matches the filter of the Prospects page",
                                           "On the rings: the %s people who match the filter of the Prospects page",
                                           circles_format_plural (counts->people)),
                              number);
    }
  if (text != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->highlight_row), text);
  gtk_widget_set_visible (GTK_WIDGET (self->highlight_list), text != NULL);
}

static void
prospecting_emphasis_cb (CirclesPeoplePanel *self)
{
  circles_people_panel_update_highlight (self);
  circles_people_panel_update_ring_filter (self);
}

/* Show everyone: the introducer first, then the filter. */
static void
highlight_clear_cb (CirclesPeoplePanel *self)
{
  CirclesProspecting *prospecting = circles_prospecting_get_for_session (self->session);

  if (circles_prospecting_get_introducer (prospecting) != CIRCLES_NO_PERSON)
    circles_prospecting_set_introducer (prospecting, CIRCLES_NO_PERSON);
  else
    circles_prospecting_set_filter (prospecting, "", NULL);
}

/* }}} */

/* {{{ The network */

static void
circles_people_panel_update_counts (CirclesPeoplePanel *self)
{
  const CirclesCounts *counts;
  const CirclesCounts *matches;
  g_autofree char *people = NULL;
  g_autofree char *summary = NULL;

  if (self->network == NULL)
    {
      gtk_label_set_text (self->summary_label, "");
      gtk_label_set_text (self->first_count, "");
      gtk_label_set_text (self->second_count, "");
      gtk_label_set_text (self->third_count, "");
      gtk_label_set_text (self->group_member_count, "");
      gtk_label_set_text (self->follower_count, "");
      gtk_label_set_text (self->out_of_network_count, "");
      return;
    }

  counts = circles_network_get_counts (self->network);
  matches = circles_prospecting_get_match_counts (circles_prospecting_get_for_session (self->session));
  people = people_text (counts->people);
  if (matches != NULL)
    {
      g_autofree char *matching = circles_format_count (matches->people);

      /* Translators: the first %s is a number, the second a number of
       * people, as in "12 of 2,000 people". */
      summary = g_strdup_printf (_("%s of %s around you match the filter. Open a circle to list its people."),
                                 matching, people);
    }
  else
    /* Translators: %s is a number of people, as in "2,000 people". */
    summary = g_strdup_printf (_("%s around you. Open a circle to list its people."), people);
  gtk_label_set_text (self->summary_label, summary);

  set_count_of (self->first_count, matches != NULL ? &matches->first : NULL, counts->first);
  set_count_of (self->second_count, matches != NULL ? &matches->second : NULL, counts->second);
  set_count_of (self->third_count, matches != NULL ? &matches->third : NULL, counts->third);
  set_count_of (self->group_member_count, matches != NULL ? &matches->group_members : NULL, counts->group_members);
  set_count_of (self->follower_count, matches != NULL ? &matches->followers : NULL, counts->followers);
  set_count_of (self->out_of_network_count, matches != NULL ? &matches->out_of_network : NULL, counts->out_of_network);
}

static void
session_network_cb (CirclesPeoplePanel *self)
{
  CirclesNetwork *network = circles_session_get_network (self->session);

  if (network == self->network)
    return;

  g_clear_pointer (&self->network, circles_network_unref);
  if (network != NULL)
    self->network = circles_network_ref (network);

  self->syncing = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (self->rings); i++)
    circles_person_list_clear (self->rings[i]);
  self->rings_loaded = 0;
  circles_person_list_clear (self->out_of_network);
  g_cancellable_cancel (self->groups_cancellable);
  g_clear_object (&self->groups_cancellable);
  circles_group_list_clear (self->groups);
  self->groups_loaded = FALSE;

  if (network != NULL)
    circles_person_list_load (self->followers, network, CIRCLES_PERSON_LIST_FOLLOWERS);
  else
    circles_person_list_clear (self->followers);

  self->syncing = FALSE;

  gtk_stack_set_visible_child_name (self->circles_stack, "summary");
  gtk_stack_set_visible_child_name (self->out_stack, "count");
  circles_people_panel_update_counts (self);
  circles_people_panel_update_followers (self);
  circles_people_panel_update_groups (self);
  circles_people_panel_update_out (self);
  circles_people_panel_ensure_groups (self);
}

/* }}} */

static void
circles_people_panel_constructed (GObject *object)
{
  CirclesPeoplePanel *self = (CirclesPeoplePanel *)object;

  G_OBJECT_CLASS (circles_people_panel_parent_class)->constructed (object);

  g_assert (self->session != NULL);

  g_signal_connect_object (self->session, "notify::network",
                           G_CALLBACK (session_network_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::selected",
                           G_CALLBACK (session_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (circles_prospecting_get_for_session (self->session), "notify::introducers",
                           G_CALLBACK (circles_people_panel_update_counts), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (circles_prospecting_get_for_session (self->session), "notify::emphasis",
                           G_CALLBACK (prospecting_emphasis_cb), self, G_CONNECT_SWAPPED);

  adw_bin_set_child (self->prospects_slot, circles_prospects_page_new (self->session));

  session_network_cb (self);
}

static void
circles_people_panel_dispose (GObject *object)
{
  CirclesPeoplePanel *self = (CirclesPeoplePanel *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CIRCLES_TYPE_PEOPLE_PANEL);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  g_cancellable_cancel (self->groups_cancellable);
  g_clear_object (&self->groups_cancellable);
  g_clear_object (&self->ring_selection);
  g_clear_object (&self->ring_filtered);
  g_clear_object (&self->ring_filter);
  g_clear_object (&self->followers_selection);
  g_clear_object (&self->groups_selection);
  g_clear_object (&self->out_selection);

  for (guint i = 0; i < G_N_ELEMENTS (self->rings); i++)
    g_clear_object (&self->rings[i]);
  g_clear_object (&self->followers);
  g_clear_object (&self->groups);
  g_clear_object (&self->out_of_network);
  g_clear_pointer (&self->network, circles_network_unref);

  G_OBJECT_CLASS (circles_people_panel_parent_class)->dispose (object);
}

static void
circles_people_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CirclesPeoplePanel *self = CIRCLES_PEOPLE_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_people_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CirclesPeoplePanel *self = CIRCLES_PEOPLE_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_people_panel_class_init (CirclesPeoplePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = circles_people_panel_constructed;
  object_class->dispose = circles_people_panel_dispose;
  object_class->get_property = circles_people_panel_get_property;
  object_class->set_property = circles_people_panel_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CIRCLES_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CIRCLES_TYPE_BADGE);
  g_type_ensure (CIRCLES_TYPE_PERSON_LIST_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/circles-people-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, circles_stack);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, highlight_list);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, highlight_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, first_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, second_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, third_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, group_member_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, follower_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, out_of_network_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, prospects_slot);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, first_count);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, second_count);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, third_count);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, group_member_count);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, follower_count);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, out_of_network_count);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, ring_title);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, ring_subtitle);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, ring_content);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, ring_spinner);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, ring_view);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, followers_stack);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, followers_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, followers_view);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, groups_stack);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, groups_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, groups_view);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, out_stack);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, out_status);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, out_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesPeoplePanel, out_view);
  gtk_widget_class_bind_template_callback (widget_class, view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, summary_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, out_show_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, highlight_clear_cb);

  gtk_widget_class_set_css_name (widget_class, "circlespeoplepanel");
}

static void
circles_people_panel_init (CirclesPeoplePanel *self)
{
  g_autoptr(GtkListItemFactory) plain_factory = NULL;
  g_autoptr(GtkListItemFactory) degree_factory = NULL;
  g_autoptr(GtkListItemFactory) group_factory = NULL;
  GtkTreeListModel *tree;

  self->ring = 1;
  for (guint i = 0; i < G_N_ELEMENTS (self->rings); i++)
    {
      self->rings[i] = circles_person_list_new (NULL);
      g_signal_connect_object (self->rings[i], "notify::loading",
                               G_CALLBACK (ring_loading_cb), self, G_CONNECT_SWAPPED);
    }
  self->followers = circles_person_list_new (NULL);
  g_signal_connect_object (self->followers, "notify::loading",
                           G_CALLBACK (circles_people_panel_update_followers), self, G_CONNECT_SWAPPED);
  self->groups = circles_group_list_new ();
  self->out_of_network = circles_person_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  circles_circle_rows_set_advice (self->first_row, self->second_row, self->third_row,
                                  self->group_member_row, self->follower_row, self->out_of_network_row);

  plain_factory = person_factory_new (FALSE);
  degree_factory = person_factory_new (TRUE);

  self->ring_filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->ring_filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rings[0])),
                                                   g_object_ref (GTK_FILTER (self->ring_filter)));
  self->ring_selection = selection_new (self, g_object_ref (G_LIST_MODEL (self->ring_filtered)));
  gtk_list_view_set_factory (self->ring_view, plain_factory);
  gtk_list_view_set_model (self->ring_view, GTK_SELECTION_MODEL (self->ring_selection));

  self->followers_selection = selection_new (self, g_object_ref (G_LIST_MODEL (self->followers)));
  gtk_list_view_set_factory (self->followers_view, degree_factory);
  gtk_list_view_set_model (self->followers_view, GTK_SELECTION_MODEL (self->followers_selection));

  self->out_selection = selection_new (self, g_object_ref (G_LIST_MODEL (self->out_of_network)));
  gtk_list_view_set_factory (self->out_view, plain_factory);
  gtk_list_view_set_model (self->out_view, GTK_SELECTION_MODEL (self->out_selection));

  tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->groups)),
                                  FALSE, FALSE, group_children_cb, NULL, NULL);
  self->groups_selection = selection_new (self, G_LIST_MODEL (tree));
  group_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (group_factory, "setup", G_CALLBACK (group_setup_cb), NULL);
  g_signal_connect (group_factory, "bind", G_CALLBACK (group_bind_cb), NULL);
  g_signal_connect (group_factory, "unbind", G_CALLBACK (group_unbind_cb), NULL);
  gtk_list_view_set_factory (self->groups_view, group_factory);
  gtk_list_view_set_model (self->groups_view, GTK_SELECTION_MODEL (self->groups_selection));
}

/**
 * circles_people_panel_new:
 * @session: the session whose people the panel lists
 *
 * Returns: (transfer floating): a new panel
 */
GtkWidget *
circles_people_panel_new (CirclesSession *session)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (session), NULL);

  return g_object_new (CIRCLES_TYPE_PEOPLE_PANEL,
                       "session", session,
                       NULL);
}

/**
 * circles_people_panel_get_session:
 *
 * Returns: (transfer none): the session
 */
CirclesSession *
circles_people_panel_get_session (CirclesPeoplePanel *self)
{
  g_return_val_if_fail (CIRCLES_IS_PEOPLE_PANEL (self), NULL);

  return self->session;
}

/**
 * circles_people_panel_show_page:
 * @page: "circles", "followers", "groups" or "out-of-network"
 *
 * Shows a page of the panel.
 */
void
circles_people_panel_show_page (CirclesPeoplePanel *self,
                                const char         *page)
{
  g_return_if_fail (CIRCLES_IS_PEOPLE_PANEL (self));
  g_return_if_fail (page != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, page);
  if (g_str_equal (page, "circles"))
    gtk_stack_set_visible_child_name (self->circles_stack, "summary");
}

/**
 * circles_people_panel_show_ring:
 * @degree: 1, 2 or 3
 *
 * Shows the list of the people of a ring, loading it on first use.
 */
void
circles_people_panel_show_ring (CirclesPeoplePanel *self,
                                guint               degree)
{
  g_return_if_fail (CIRCLES_IS_PEOPLE_PANEL (self));
  g_return_if_fail (degree >= 1 && degree <= 3);

  self->ring = degree;

  if (self->network != NULL && !(self->rings_loaded & (1u << degree)))
    {
      self->rings_loaded |= 1u << degree;
      circles_person_list_load (self->rings[degree - 1], self->network, ring_kinds[degree - 1]);
    }

  circles_people_panel_update_ring (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "circles");
  gtk_stack_set_visible_child_name (self->circles_stack, "ring");
  gtk_widget_grab_focus (GTK_WIDGET (self->ring_view));
}
