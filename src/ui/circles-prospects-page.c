/* circles-prospects-page.c: filter the prospects, see who can introduce them
 *
 * A page of the side panel. Its fields (company, position, location,
 * group) make the session's filter: the people who match stand out on
 * the rings and are counted by circle. Below, the 1st-degree connections
 * ranked by how many of the prospects each can introduce, and a few who
 * together reach them all; choosing one makes whom they reach stand out.
 *
 * The page only reads and sets the session's CirclesProspecting, which
 * does the work in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-prospects-page"

#include "config.h"

#include <glib/gi18n.h>

#include "circles-badge.h"
#include "circles-cold.h"
#include "circles-format.h"
#include "circles-message.h"
#include "circles-prospecting.h"
#include "circles-prospects-page.h"

/* Rows of the ranking; the rest is counted. */
#define MAX_INTRODUCER_ROWS 50
/* Rows of the cover; the rest is counted. */
#define MAX_COVER_ROWS      5
/* Typing settles before the filter is applied. */
#define FILTER_DELAY_MS     250

struct _CirclesProspectsPage
{
  AdwBin               parent_instance;

  CirclesSession      *session;
  CirclesProspecting  *prospecting;
  guint                filter_id;

  /* Template widgets */
  GtkButton           *clear_button;
  AdwEntryRow         *company_row;
  AdwEntryRow         *position_row;
  AdwEntryRow         *location_row;
  AdwEntryRow         *group_row;
  GtkLabel            *match_label;
  AdwPreferencesGroup *introducers_group;
  GtkListBox          *introducers_list;
  GtkLabel            *nobody_label;
  GtkLabel            *cover_label;
  AdwPreferencesGroup *cover_group;
  GtkListBox          *cover_list;
  AdwPreferencesGroup *cold_group;
  GtkListBox          *cold_list;
  AdwPreferencesGroup *gains_group;
  GtkListBox          *gains_list;
};

G_DEFINE_FINAL_TYPE (CirclesProspectsPage, circles_prospects_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
person_name (CirclesNetwork *network,
             guint           person)
{
  const char *name = circles_network_get_name (network, person);

  return name != NULL && *name != '\0' ? name : circles_network_get_key (network, person);
}

/* {{{ The filter */

static const char *
field_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
circles_prospects_page_apply_filter (CirclesProspectsPage *self)
{
  g_autofree char *filter = NULL;
  g_autoptr(GError) error = NULL;
  AdwEntryRow *rows[] = { self->company_row, self->position_row, self->location_row, self->group_row };

  filter = circles_prospect_filter_build (field_text (self->company_row),
                                          field_text (self->position_row),
                                          field_text (self->location_row),
                                          field_text (self->group_row));
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), *filter != '\0');

  if (circles_prospecting_set_filter (self->prospecting, filter, &error))
    {
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
      return;
    }

  /* Only an empty alternative ("Acme|") can be wrong: say so where the
   * counts go, and mark the fields. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (*field_text (rows[i]) != '\0')
      gtk_widget_add_css_class (GTK_WIDGET (rows[i]), "error");
  gtk_label_set_text (self->match_label, error->message);
}

static gboolean
filter_timeout_cb (gpointer user_data)
{
  CirclesProspectsPage *self = user_data;

  self->filter_id = 0;
  circles_prospects_page_apply_filter (self);
  return G_SOURCE_REMOVE;
}

static void
field_changed_cb (CirclesProspectsPage *self)
{
  g_clear_handle_id (&self->filter_id, g_source_remove);
  self->filter_id = g_timeout_add (FILTER_DELAY_MS, filter_timeout_cb, self);
}

static void
clear_clicked_cb (CirclesProspectsPage *self)
{
  AdwEntryRow *rows[] = { self->company_row, self->position_row, self->location_row, self->group_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_text (GTK_EDITABLE (rows[i]), "");
  g_clear_handle_id (&self->filter_id, g_source_remove);
  circles_prospects_page_apply_filter (self);
}

/* The filter cleared elsewhere (the Circles page): the fields follow. */
static void
prospecting_filter_cb (CirclesProspectsPage *self)
{
  AdwEntryRow *rows[] = { self->company_row, self->position_row, self->location_row, self->group_row };

  if (*circles_prospecting_get_filter (self->prospecting) != '\0')
    return;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (rows[i]), "");
      gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
    }
  g_clear_handle_id (&self->filter_id, g_source_remove);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), FALSE);
}

/* }}} */

/* {{{ The results */

static void
circles_prospects_page_update_counts (CirclesProspectsPage *self)
{
  const CirclesCounts *counts = circles_prospecting_get_match_counts (self->prospecting);
  CirclesNetwork *network = circles_session_get_network (self->session);
  const GError *error = circles_prospecting_get_error (self->prospecting);
  g_autofree char *text = NULL;

  if (network == NULL)
    text = g_strdup ("");
  else if (circles_prospecting_get_computing (self->prospecting))
    text = g_strdup (_("Looking for the people who match…"));
  else if (error != NULL)
    /* Translators: %s says why the database could not be read. */
    text = g_strdup_printf (_("The filter could not be applied: %s"), error->message);
  else if (counts == NULL)
    {
      g_autofree char *second = circles_format_count (circles_network_get_counts (network)->second);

      /* Translators: %s is a number of people. */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "No filter: your prospects are the %s person of your 2nd circle.",
                                           "No filter: your prospects are the %s people of your 2nd circle.",
                                           circles_format_plural (circles_network_get_counts (network)->second)),
                              second);
    }
  else
    {
      g_autofree char *people = circles_format_count (counts->people);
      g_autofree char *first = circles_format_count (counts->first);
      g_autofree char *second = circles_format_count (counts->second);
      g_autofree char *third = circles_format_count (counts->third);

      /* Translators: the first %s is a number of people, the others
       * how many of them are in each circle. */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s person matches: %s in your 1st circle, %s in your 2nd, %s in your 3rd.",
                                           "%s people match: %s in your 1st circle, %s in your 2nd, %s in your 3rd.",
                                           circles_format_plural (counts->people)),
                              people, first, second, third);
    }
  gtk_label_set_text (self->match_label, text);
}

/* A row for an introducer: @number at the end, which @description
 * explains. */
static GtkWidget *
introducer_row_new (CirclesNetwork *network,
                    guint           person,
                    const char     *number,
                    const char     *description)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *count, *check;
  const char *company = circles_network_get_company (network, person);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), person_name (network, person));
  if (company != NULL && *company != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), company);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  check = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_visible (check, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Shown on the rings"),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  count = gtk_label_new (number);
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);

  gtk_widget_set_tooltip_text (count, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  g_object_set_data (G_OBJECT (row), "circles-person", GUINT_TO_POINTER (person));
  g_object_set_data (G_OBJECT (row), "circles-check", check);
  return row;
}

static guint
row_person (GtkListBoxRow *row)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "circles-person"));
}

/* The rows say which introducer the rings show; the sentence above the
 * lists says what they bring. */
static void
mark_introducer (GtkListBox *list,
                 guint       introducer)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (child), "circles-check");

      if (check != NULL)
        gtk_widget_set_visible (check, row_person (GTK_LIST_BOX_ROW (child)) == introducer);
    }
}

static void
circles_prospects_page_update_focus (CirclesProspectsPage *self)
{
  guint introducer = circles_prospecting_get_introducer (self->prospecting);
  CirclesNetwork *network = circles_session_get_network (self->session);
  g_autofree char *text = NULL;

  mark_introducer (self->introducers_list, introducer);
  mark_introducer (self->cover_list, introducer);

  if (network != NULL && introducer != CIRCLES_NO_PERSON)
    {
      guint reach = circles_prospecting_get_introducer_reach (self->prospecting);
      g_autofree char *number = circles_format_count (reach);

      /* Translators: %1$s is a person's name, %2$s a number of people. */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%1$s can introduce you to %2$s of your prospects: lines on the rings lead from %1$s to them, through the people between. Choose %1$s again to see everyone.",
                                           "%1$s can introduce you to %2$s of your prospects: lines on the rings lead from %1$s to them, through the people between. Choose %1$s again to see everyone.",
                                           circles_format_plural (reach)),
                              person_name (network, introducer), number);
    }
  gtk_label_set_text (self->cover_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->cover_label), text != NULL);
}

/* The fewest introducers found who together reach every prospect: how
 * many, and the first few with what each adds to those before. */
static void
circles_prospects_page_update_cover (CirclesProspectsPage *self)
{
  const CirclesIntroducers *introducers = circles_prospecting_get_introducers (self->prospecting);
  CirclesNetwork *network = circles_session_get_network (self->session);
  const guint *gains;
  guint n_gains, n_cover, n_rows, reached = 0;
  g_autofree char *people = NULL;
  g_autofree char *description = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cover_list))) != NULL)
    gtk_list_box_remove (self->cover_list, child);

  gains = circles_prospecting_get_cover_gains (self->prospecting, &n_gains);
  n_cover = introducers != NULL ? introducers->cover->len : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->cover_group), network != NULL && n_cover > 0 && n_gains == n_cover);
  if (network == NULL || n_cover == 0 || n_gains != n_cover)
    return;

  for (guint i = 0; i < n_gains; i++)
    reached += gains[i];
  people = circles_format_count (reached);
  if (n_cover == 1)
    /* Translators: %s is a number of people. */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "One of your connections can introduce you to every prospect one can reach (%s person).",
                                                "One of your connections can introduce you to every prospect one can reach (%s people).",
                                                circles_format_plural (reached)),
                                   people);
  else
    {
      g_autofree char *count = circles_format_count (n_cover);

      /* Translators: the first %s is a number of connections, the
       * second a number of people. "Found": the set is small, not
       * proven the smallest. */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "The smallest set found: %s connections who together can introduce you to every prospect one can reach (%s person). Each adds the prospects those above cannot introduce:",
                                                  "The smallest set found: %s connections who together can introduce you to every prospect one can reach (%s people). Each adds the prospects those above cannot introduce:",
                                                  circles_format_plural (reached)),
                                     count, people);
    }
  adw_preferences_group_set_description (self->cover_group, description);

  n_rows = MIN (n_cover, MAX_COVER_ROWS);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *number = circles_format_count (gains[i]);
      /* Translators: what one more introducer adds, as in "+12". */
      g_autofree char *added = g_strdup_printf (_("+%s"), number);
      g_autofree char *explained =
        /* Translators: %s is a number of people. */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Adds %s prospect that those above cannot introduce you to",
                                      "Adds %s prospects that those above cannot introduce you to",
                                      circles_format_plural (gains[i])),
                         number);

      gtk_list_box_append (self->cover_list,
                           introducer_row_new (network, g_array_index (introducers->cover, guint32, i),
                                               added, explained));
    }
  if (n_cover > n_rows)
    {
      g_autofree char *more = circles_format_count (n_cover - n_rows);
      g_autofree char *text =
        /* Translators: %s is a number of people, after a list. */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %s more, each adding fewer",
                                      "And %s more, each adding fewer",
                                      circles_format_plural (n_cover - n_rows)),
                         more);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->cover_list, row);
    }
}

/* Whom to connect with next: choosing one selects them (the person pane
 * tells more). */
static void
circles_prospects_page_update_gains (CirclesProspectsPage *self)
{
  const GArray *gains = circles_prospecting_get_top_gains (self->prospecting);
  CirclesNetwork *network = circles_session_get_network (self->session);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->gains_list))) != NULL)
    gtk_list_box_remove (self->gains_list, child);

  gtk_widget_set_visible (GTK_WIDGET (self->gains_group),
                          network != NULL && gains != NULL && gains->len > 0);
  if (network == NULL || gains == NULL)
    return;

  for (guint i = 0; i < gains->len; i++)
    {
      const CirclesReachGain *gain = &g_array_index (gains, CirclesReachGain, i);
      g_autofree char *second = circles_format_count (gain->second_gain);
      g_autofree char *third = circles_format_count (gain->third_gain);
      /* Translators: what connecting with someone would bring, as in
       * "+12 in your 2nd circle, +340 in your 3rd" (as in the person
       * pane). */
      g_autofree char *subtitle = g_strdup_printf (_("+%s in your 2nd circle, +%s in your 3rd"), second, third);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *badge = circles_badge_new ();
      GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                       "icon-name", "go-next-symbolic",
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                       NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), person_name (network, gain->person));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

      /* The circle they are in, as on the rings: the disc's digit says
       * it, the word beside it would say it again. */
      circles_badge_set_circle (CIRCLES_BADGE (badge), circles_network_get_circle (network, gain->person));
      circles_badge_set_degree_only (CIRCLES_BADGE (badge), TRUE);
      circles_badge_set_disc_only (CIRCLES_BADGE (badge), TRUE);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

      g_object_set_data (G_OBJECT (row), "circles-person", GUINT_TO_POINTER (gain->person));
      gtk_list_box_append (self->gains_list, row);
    }
}

static void
copy_note_clicked_cb (GtkButton *button)
{
  const char *note = g_object_get_data (G_OBJECT (button), "circles-note");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), note);
  gtk_button_set_icon_name (button, "object-select-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Copied"));
}

/* The introducers let go coldest: choosing one selects them; their
 * button copies a note to pick up the thread. */
static void
circles_prospects_page_update_cold (CirclesProspectsPage *self)
{
  const GArray *cold = circles_prospecting_get_cold (self->prospecting);
  CirclesNetwork *network = circles_session_get_network (self->session);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cold_list))) != NULL)
    gtk_list_box_remove (self->cold_list, child);

  gtk_widget_set_visible (GTK_WIDGET (self->cold_group),
                          network != NULL && cold != NULL && cold->len > 0);
  if (network == NULL || cold == NULL)
    return;

  for (guint i = 0; i < cold->len; i++)
    {
      const CirclesColdTie *tie = &g_array_index (cold, CirclesColdTie, i);
      const char *name = person_name (network, tie->person);
      g_autofree char *why = circles_cold_tie_describe (tie, TRUE);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      g_autofree char *label =
        /* Translators: what the copy button of a cold tie says to a
         * screen reader; %s is a name */
        g_strdup_printf (_("Copy a note to %s"), name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), why);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

      gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (copy, "flat");
      gtk_widget_set_tooltip_text (copy, _("Copy a Note to Pick Up the Thread"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (copy), "circles-note", circles_message_catch_up (name), g_free);
      g_signal_connect (copy, "clicked", G_CALLBACK (copy_note_clicked_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);

      g_object_set_data (G_OBJECT (row), "circles-person", GUINT_TO_POINTER (tie->person));
      gtk_list_box_append (self->cold_list, row);
    }
}

static void
circles_prospects_page_update_introducers (CirclesProspectsPage *self)
{
  const CirclesIntroducers *introducers = circles_prospecting_get_introducers (self->prospecting);
  CirclesNetwork *network = circles_session_get_network (self->session);
  GtkWidget *child;
  guint n_rows;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->introducers_list))) != NULL)
    gtk_list_box_remove (self->introducers_list, child);

  circles_prospects_page_update_counts (self);
  circles_prospects_page_update_gains (self);
  circles_prospects_page_update_cold (self);
  circles_prospects_page_update_cover (self);

  if (network == NULL || introducers == NULL)
    {
      adw_preferences_group_set_description (self->introducers_group, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->introducers_list), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->nobody_label), FALSE);
      circles_prospects_page_update_focus (self);
      return;
    }

  {
    g_autofree char *number = circles_format_count (introducers->n_prospects);
    g_autofree char *description =
      /* Translators: %s is a number of people. */
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "Your connections, by how many of your %s prospect each can introduce you to",
                                    "Your connections, by how many of your %s prospects each can introduce you to",
                                    circles_format_plural (introducers->n_prospects)),
                       number);

    adw_preferences_group_set_description (self->introducers_group, description);
  }

  n_rows = MIN (introducers->ranking->len, MAX_INTRODUCER_ROWS);
  for (guint i = 0; i < n_rows; i++)
    {
      const CirclesIntroducer *introducer = &g_array_index (introducers->ranking, CirclesIntroducer, i);
      g_autofree char *number = circles_format_count (introducer->reach);
      g_autofree char *description =
        /* Translators: %s is a number of people. */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Can introduce you to %s prospect",
                                      "Can introduce you to %s prospects",
                                      circles_format_plural (introducer->reach)),
                         number);

      gtk_list_box_append (self->introducers_list,
                           introducer_row_new (network, introducer->person, number, description));
    }
  if (introducers->ranking->len > n_rows)
    {
      g_autofree char *more = circles_format_count (introducers->ranking->len - n_rows);
      g_autofree char *text =
        /* Translators: %s is a number of people, after a list. */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %s more, who can introduce you to fewer",
                                      "And %s more, who can introduce you to fewer",
                                      circles_format_plural (introducers->ranking->len - n_rows)),
                         more);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->introducers_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->introducers_list), n_rows > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->nobody_label), n_rows == 0);
  circles_prospects_page_update_focus (self);
}

static void
gain_activated_cb (CirclesProspectsPage *self,
                   GtkListBoxRow        *row)
{
  circles_session_select (self->session, row_person (row));
}

static void
introducer_activated_cb (CirclesProspectsPage *self,
                         GtkListBoxRow        *row)
{
  guint person = row_person (row);

  /* Only introducers have a check (not the "and N more" row). */
  if (g_object_get_data (G_OBJECT (row), "circles-check") == NULL)
    return;
  if (circles_prospecting_get_introducer (self->prospecting) == person)
    person = CIRCLES_NO_PERSON;
  circles_prospecting_set_introducer (self->prospecting, person);
}

/* }}} */

static void
circles_prospects_page_constructed (GObject *object)
{
  CirclesProspectsPage *self = (CirclesProspectsPage *)object;

  G_OBJECT_CLASS (circles_prospects_page_parent_class)->constructed (object);

  g_assert (self->session != NULL);

  self->prospecting = g_object_ref (circles_prospecting_get_for_session (self->session));
  g_signal_connect_object (self->prospecting, "notify::introducers",
                           G_CALLBACK (circles_prospects_page_update_introducers), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->prospecting, "notify::computing",
                           G_CALLBACK (circles_prospects_page_update_counts), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->prospecting, "notify::introducer",
                           G_CALLBACK (circles_prospects_page_update_focus), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->prospecting, "notify::filter",
                           G_CALLBACK (prospecting_filter_cb), self,
                           G_CONNECT_SWAPPED);
  circles_prospects_page_update_introducers (self);
}

static void
circles_prospects_page_dispose (GObject *object)
{
  CirclesProspectsPage *self = (CirclesProspectsPage *)object;

  g_clear_handle_id (&self->filter_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRCLES_TYPE_PROSPECTS_PAGE);

  G_OBJECT_CLASS (circles_prospects_page_parent_class)->dispose (object);
}

static void
circles_prospects_page_finalize (GObject *object)
{
  CirclesProspectsPage *self = (CirclesProspectsPage *)object;

  g_clear_object (&self->prospecting);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (circles_prospects_page_parent_class)->finalize (object);
}

static void
circles_prospects_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CirclesProspectsPage *self = CIRCLES_PROSPECTS_PAGE (object);

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
circles_prospects_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CirclesProspectsPage *self = CIRCLES_PROSPECTS_PAGE (object);

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
circles_prospects_page_class_init (CirclesProspectsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = circles_prospects_page_constructed;
  object_class->dispose = circles_prospects_page_dispose;
  object_class->finalize = circles_prospects_page_finalize;
  object_class->get_property = circles_prospects_page_get_property;
  object_class->set_property = circles_prospects_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CIRCLES_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Circles/ui/circles-prospects-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CirclesProspectsPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, CirclesProspectsPage, company_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesProspectsPage, position_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesProspectsPage, location_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesProspectsPage, group_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesProspectsPage, match_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesProspectsPage, introducers_group);
  gtk_widget_class_bind_template_child (widget_class, CirclesProspectsPage, nobody_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesProspectsPage, introducers_list);
  gtk_widget_class_bind_template_child (widget_class, CirclesProspectsPage, cover_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesProspectsPage, cover_group);
  gtk_widget_class_bind_template_child (widget_class, CirclesProspectsPage, cover_list);
  gtk_widget_class_bind_template_child (widget_class, CirclesProspectsPage, cold_group);
  gtk_widget_class_bind_template_child (widget_class, CirclesProspectsPage, cold_list);
  gtk_widget_class_bind_template_child (widget_class, CirclesProspectsPage, gains_group);
  gtk_widget_class_bind_template_child (widget_class, CirclesProspectsPage, gains_list);
  gtk_widget_class_bind_template_callback (widget_class, gain_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, introducer_activated_cb);
}

static void
circles_prospects_page_init (CirclesProspectsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * circles_prospects_page_new:
 * @session: the session whose prospects the page shows
 *
 * Returns: (transfer floating): a new page
 */
GtkWidget *
circles_prospects_page_new (CirclesSession *session)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (session), NULL);

  return g_object_new (CIRCLES_TYPE_PROSPECTS_PAGE,
                       "session", session,
                       NULL);
}
