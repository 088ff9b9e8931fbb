/* circles-person-pane.c: the selected person, and the way to reach them
 *
 * Follows the selection of a session. For the person selected it shows
 * who they are, their circle and what DOMAIN.md advises for reaching
 * it, who can introduce them (the mutual connections of a 2nd-degree
 * person, the chains to a 3rd-degree one, warmest first, with how many
 * there are), a first message naming the chosen introducer, ready to
 * copy, and for the 3rd degree the reasons that make an approach
 * welcome, saved in the database, and the request to the 1st-degree
 * connection who starts the chosen chain. For a 1st-degree connection
 * it shows, and lets the user set, how well they know them: a rating
 * of 1 to 5 stars that the session saves, then weighs in the warmth of
 * chains. The numbers come from a CirclesPersonDetails; the pane only
 * shows them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-person-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "circles-badge.h"
#include "circles-format.h"
#include "circles-person-details.h"
#include "circles-person-item.h"
#include "circles-person-pane.h"
#include "circles-prospecting.h"

/* How many introducers (mutual connections or chains) are listed. */
#define N_INTRODUCERS 5

/* How long the Copy button says "Copied". */
#define COPIED_SECONDS 2

/* The stars of a rating. */
#define N_STARS 5

struct _CirclesPersonPane
{
  AdwBin                parent_instance;

  CirclesSession       *session;
  CirclesPersonDetails *details;
  char                 *shown_key;     /* of the person shown */
  guint                 introducer;
  guint                 copied_id;
  guint                 request_copied_id;
  guint                 shown_rating;  /* the stars lit, 0..N_STARS */
  guint                 focus_star;    /* the star that had the focus when
                                        * the rating started, or 0 */
  guint                 updating_reasons : 1;
  guint                 updating_rating : 1;
  guint                 rating_pending : 1;

  /* Template widgets */
  GtkStack             *stack;
  GtkScrolledWindow    *scroller;
  AdwAvatar            *avatar;
  GtkLabel             *name_label;
  AdwPreferencesGroup  *edit_group;
  GtkLabel             *position_label;
  GtkLabel             *ties_label;
  GtkLabel             *company_label;
  CirclesBadge         *badge;
  GtkLabel             *flags_label;
  GtkLinkButton        *profile_button;
  AdwPreferencesGroup  *advice_group;
  AdwActionRow         *advice_row;
  AdwActionRow         *gain_row;
  AdwActionRow         *reach_row;
  GtkToggleButton      *reach_button;
  CirclesProspecting   *prospecting;
  guint                 updating_reach : 1;
  GtkImage             *advice_icon;
  AdwPreferencesGroup  *rating_group;
  AdwActionRow         *rating_row;
  GtkBox               *stars_box;
  GtkLabel             *rating_error;
  GtkLabel             *reasons_error;
  GtkToggleButton      *stars[N_STARS];
  AdwPreferencesGroup  *introducers_group;
  GtkListBox           *introducers_list;
  AdwPreferencesGroup  *reasons_group;
  GtkToggleButton      *reason_event;
  GtkToggleButton      *reason_alumni;
  GtkToggleButton      *reason_high_value;
  GtkToggleButton      *reason_comments;
  AdwPreferencesGroup  *message_group;
  GtkButton            *copy_button;
  AdwButtonContent     *copy_content;
  GtkTextView          *message_view;
  AdwPreferencesGroup  *request_group;
  GtkButton            *request_copy_button;
  AdwButtonContent     *request_copy_content;
  GtkTextView          *request_view;
};

G_DEFINE_FINAL_TYPE (CirclesPersonPane, circles_person_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_text_or_hide (GtkLabel   *label,
                  const char *text)
{
  gboolean has_text = text != NULL && *text != '\0';

  gtk_label_set_text (label, has_text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), has_text);
}

/* {{{ Advice */

/* "Connect with X: +N in your 2nd circle", the guide's arithmetic. */
/* What the files do not say, added by hand about @name. */
static void
circles_person_pane_update_edits (CirclesPersonPane *self,
                                  gboolean           is_me,
                                  const char        *name)
{
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;

  if (is_me)
    description = g_strdup (_("Your files do not say everything: add whom you know. "
                              "What you add is listed in Sources."));
  else
    /* Translators: %s is a person's name */
    description = g_strdup_printf (_("Your files do not say everything: add whom %s knows. "
                                     "What you add is listed in Sources."), name);
  /* A group's description is markup in libadwaita 1.2. */
  escaped = g_markup_escape_text (description, -1);
  adw_preferences_group_set_description (self->edit_group, escaped);
}

static void
circles_person_pane_update_gain (CirclesPersonPane *self,
                                 const char        *name)
{
  guint second, third;
  g_autofree char *second_text = NULL;
  g_autofree char *third_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Nothing to gain says nothing: no "+0 in your 2nd circle, +0 …" row. */
  if (!circles_person_details_get_reach_gain (self->details, &second, &third) ||
      (second == 0 && third == 0))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->gain_row), FALSE);
      return;
    }

  second_text = circles_format_count (second);
  third_text = circles_format_count (third);
  /* Translators: what a new 1st-degree connection would bring: "+12 in
   * your 2nd circle, +340 in your 3rd" */
  title = g_strdup_printf (_("+%s in your 2nd circle, +%s in your 3rd"), second_text, third_text);
  /* Translators: %s is a person's name */
  subtitle = g_strdup_printf (_("If you connected with %s"), name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->gain_row), title);
  adw_action_row_set_subtitle (self->gain_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->gain_row), TRUE);
}

/* A 1st-degree connection: how many of the prospects (those of the
 * Prospects page's filter) they can introduce, and a button that shows
 * them on the rings. */
static void
circles_person_pane_update_reach (CirclesPersonPane *self)
{
  const CirclesIntroducers *introducers = circles_prospecting_get_introducers (self->prospecting);
  guint person, reach = 0;
  g_autofree char *reach_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *title = NULL;

  if (self->details == NULL || circles_person_details_get_degree (self->details) != 1 ||
      introducers == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->reach_row), FALSE);
      return;
    }

  person = circles_person_details_get_person (self->details);
  for (guint i = 0; i < introducers->ranking->len; i++)
    if (g_array_index (introducers->ranking, CirclesIntroducer, i).person == person)
      {
        reach = g_array_index (introducers->ranking, CirclesIntroducer, i).reach;
        break;
      }
  if (reach == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->reach_row), FALSE);
      return;
    }

  reach_text = circles_format_count (reach);
  total_text = circles_format_count (introducers->n_prospects);
  /* Translators: the first %s is a number of people, the second the
   * number of prospects, as in "Can introduce you to 12 of your 300
   * prospects". */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Can introduce you to %s of your %s prospect",
                                        "Can introduce you to %s of your %s prospects",
                                        introducers->n_prospects),
                           reach_text, total_text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reach_row), title);
  adw_action_row_set_subtitle (self->reach_row, _("Show them on the rings"));

  self->updating_reach = TRUE;
  gtk_toggle_button_set_active (self->reach_button,
                                circles_prospecting_get_introducer (self->prospecting) == person);
  self->updating_reach = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->reach_row), TRUE);
}

static void
reach_toggled_cb (CirclesPersonPane *self)
{
  if (self->updating_reach || self->details == NULL)
    return;

  circles_prospecting_set_introducer (self->prospecting,
                                      gtk_toggle_button_get_active (self->reach_button)
                                      ? circles_person_details_get_person (self->details)
                                      : CIRCLES_NO_PERSON);
}

/* }}} */

/* {{{ The message */

/* For the 3rd degree: the request to my connection who starts the
 * chosen chain, me → first → via → person. */
static void
circles_person_pane_update_request (CirclesPersonPane *self)
{
  g_autofree char *request = NULL;
  g_autofree char *title = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->request_view);

  if (self->details != NULL)
    request = circles_person_details_draft_request (self->details, self->introducer);

  if (request != NULL)
    {
      CirclesNetwork *network = circles_person_details_get_network (self->details);
      const CirclesChain *chain = circles_person_details_get_chain (self->details, self->introducer);

      /* Translators: the title of a drafted message to a connection of
       * the user; %s is that connection's name. */
      title = g_strdup_printf (_("Ask %s for an Introduction"),
                               circles_network_get_name (network, chain->people[1]));
      adw_preferences_group_set_title (self->request_group, title);
    }

  gtk_text_buffer_set_text (buffer, request != NULL ? request : "", -1);
  gtk_widget_set_visible (GTK_WIDGET (self->request_group), request != NULL);
}

/* A group's heading wraps rather than end in "…" beside its button:
 * "Ask Mathieu Blanchard for an Introduction" is read whole. */
static void
wrap_group_title (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "heading"))
        {
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_NONE);
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
          return;
        }
      wrap_group_title (child);
    }
}

static void
circles_person_pane_update_message (CirclesPersonPane *self)
{
  g_autofree char *message = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->message_view);

  if (self->details != NULL)
    message = circles_person_details_draft_message (self->details, self->introducer);

  gtk_text_buffer_set_text (buffer, message != NULL ? message : "", -1);
  gtk_widget_set_visible (GTK_WIDGET (self->message_group), message != NULL);

  circles_person_pane_update_request (self);
}

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_copy_label (AdwButtonContent *content,
                 const char       *label)
{
  adw_button_content_set_label (content, label);
  adw_button_content_set_icon_name (content, "edit-copy-symbolic");
}

static void
show_copied (AdwButtonContent *content)
{
  adw_button_content_set_label (content, _("Copied"));
  adw_button_content_set_icon_name (content, "emblem-ok-symbolic");
}

static gboolean
request_copied_timeout_cb (gpointer user_data)
{
  CirclesPersonPane *self = user_data;

  self->request_copied_id = 0;
  show_copy_label (self->request_copy_content, _("Copy _Request"));

  return G_SOURCE_REMOVE;
}

static void
request_copy_clicked_cb (CirclesPersonPane *self)
{
  g_autofree char *request = dup_text (self->request_view);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), request);

  show_copied (self->request_copy_content);
  g_clear_handle_id (&self->request_copied_id, g_source_remove);
  self->request_copied_id = g_timeout_add_seconds (COPIED_SECONDS, request_copied_timeout_cb, self);
}

static gboolean
copied_timeout_cb (gpointer user_data)
{
  CirclesPersonPane *self = user_data;

  self->copied_id = 0;
  show_copy_label (self->copy_content, _("_Copy"));

  return G_SOURCE_REMOVE;
}

static void
copy_clicked_cb (CirclesPersonPane *self)
{
  g_autofree char *message = circles_person_pane_dup_message (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), message);

  /* Said on the button itself, where the user looks. */
  show_copied (self->copy_content);
  g_clear_handle_id (&self->copied_id, g_source_remove);
  self->copied_id = g_timeout_add_seconds (COPIED_SECONDS, copied_timeout_cb, self);
}

/* }}} */

/* {{{ Introducers */

/* The chain of the chosen introducer, for every view of the session:
 * me → mutual connection → person, or the chosen chain. */
static void
circles_person_pane_publish_chain (CirclesPersonPane *self)
{
  guint degree = circles_person_details_get_degree (self->details);

  if (degree == 2)
    {
      CirclesPersonList *mutual = circles_person_details_get_mutual (self->details);
      CirclesNetwork *network = circles_person_details_get_network (self->details);
      guint32 people[3];

      if (self->introducer >= g_list_model_get_n_items (G_LIST_MODEL (mutual)))
        return;
      people[0] = circles_network_get_me (network);
      people[1] = circles_person_list_get_person (mutual, self->introducer);
      people[2] = circles_person_details_get_person (self->details);
      circles_session_set_chain (self->session, people, 3);
    }
  else if (degree == 3 && self->introducer < circles_person_details_get_n_chains (self->details))
    {
      const CirclesChain *chain = circles_person_details_get_chain (self->details, self->introducer);

      circles_session_set_chain (self->session, chain->people, chain->length);
    }
}

static void
introducer_toggled_cb (GtkCheckButton    *check,
                       CirclesPersonPane *self)
{
  if (!gtk_check_button_get_active (check))
    return;

  circles_person_pane_set_introducer (self,
                                      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check),
                                                                           "introducer")));
}

static void
show_person_clicked_cb (GtkButton         *button,
                        CirclesPersonPane *self)
{
  guint person = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "person"));

  circles_session_select (self->session, person);
}

static GtkWidget *
introducer_row_new (CirclesPersonPane *self,
                    guint              index,
                    const char        *title,
                    const char        *subtitle,
                    guint              show_person,
                    GtkCheckButton    *group)
{
  CirclesNetwork *network = circles_person_details_get_network (self->details);
  const char *show_name = circles_network_get_name (network, show_person);
  g_autofree char *tooltip = NULL;
  g_autofree char *check_label = NULL;
  GtkWidget *row;
  GtkWidget *check;
  GtkWidget *show;

  row = adw_action_row_new ();
  gtk_widget_set_name (row, "introducer-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), index == self->introducer);
  /* Translators: the radio button choosing who the message names. */
  check_label = g_strdup_printf (_("Introduce me through %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, check_label,
                                  -1);
  g_object_set_data (G_OBJECT (check), "introducer", GUINT_TO_POINTER (index));
  g_signal_connect (check, "toggled", G_CALLBACK (introducer_toggled_cb), self);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* The row made its title the check's name too: "… Alice Martin Alice Martin". */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  g_object_set_data (G_OBJECT (row), "check", check);

  /* Translators: %s is the name of a person; the button selects them. */
  tooltip = g_strdup_printf (_("Show %s"), show_name);
  show = g_object_new (GTK_TYPE_BUTTON,
                       "icon-name", "go-next-symbolic",
                       "valign", GTK_ALIGN_CENTER,
                       "tooltip-text", tooltip,
                       NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (show),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_add_css_class (show, "flat");
  g_object_set_data (G_OBJECT (show), "person", GUINT_TO_POINTER (show_person));
  g_signal_connect (show, "clicked", G_CALLBACK (show_person_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), show);

  return row;
}

static void
clear_introducers (CirclesPersonPane *self)
{
  GtkWidget *child;

  /* gtk_list_box_remove_all() is GTK 4.12. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->introducers_list))) != NULL)
    gtk_list_box_remove (self->introducers_list, child);
}

static void
circles_person_pane_update_introducers (CirclesPersonPane *self)
{
  CirclesNetwork *network = circles_person_details_get_network (self->details);
  guint degree = circles_person_details_get_degree (self->details);
  guint64 total = circles_person_details_get_chains_total (self->details);
  guint n = circles_person_details_get_n_introducers (self->details);
  g_autofree char *number = circles_format_count (total);
  g_autofree char *description = NULL;
  GtkCheckButton *group = NULL;
  const char *title;

  clear_introducers (self);

  if (n == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->introducers_group), FALSE);
      return;
    }

  if (degree == 2)
    {
      title = _("Mutual Connections");
      if (total > n)
        /* Translators: %s is a number of mutual connections (such as
         * 12), %u how many are listed (such as 5). */
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%s mutual connection; showing the %u warmest",
                                                    "%s mutual connections; showing the %u warmest",
                                                    circles_format_plural (total)),
                                       number, n);
      else
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%s mutual connection: name them in your invitation",
                                                    "%s mutual connections, warmest first: choose who to name",
                                                    circles_format_plural (total)),
                                       number);
    }
  else
    {
      title = _("Chains");
      if (total > n)
        /* Translators: %s is a number of chains (such as 12), %u how
         * many are listed (such as 5). */
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%s chain; showing the %u warmest",
                                                    "%s chains; showing the %u warmest",
                                                    circles_format_plural (total)),
                                       number, n);
      else
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%s chain from you",
                                                    "%s chains, warmest first",
                                                    circles_format_plural (total)),
                                       number);
    }

  adw_preferences_group_set_title (self->introducers_group, title);
  adw_preferences_group_set_description (self->introducers_group, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->introducers_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row;

      if (degree == 2)
        {
          CirclesPersonList *mutual = circles_person_details_get_mutual (self->details);
          g_autoptr(CirclesPersonItem) item = g_list_model_get_item (G_LIST_MODEL (mutual), i);
          GtkWidget *avatar;

          row = introducer_row_new (self, i,
                                    circles_person_item_get_name (item),
                                    circles_person_item_get_subtitle (item),
                                    circles_person_item_get_person (item),
                                    group);
          avatar = adw_avatar_new (32, circles_person_item_get_name (item), TRUE);
          gtk_accessible_update_property (GTK_ACCESSIBLE (avatar),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, circles_person_item_get_name (item),
                                          -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
        }
      else
        {
          const CirclesChain *chain = circles_person_details_get_chain (self->details, i);
          const char *first = circles_network_get_name (network, chain->people[1]);
          const char *second = circles_network_get_name (network, chain->people[2]);
          g_autofree char *chain_title = NULL;
          g_autofree char *subtitle = NULL;

          /* Translators: a chain from the user to a 3rd-degree person,
           * by the two people in between. */
          chain_title = g_strdup_printf (_("%s → %s"), first, second);
          /* Translators: the advice under a chain: first %s is the
           * user's connection, second %s the one who knows the person. */
          subtitle = g_strdup_printf (_("Ask %s to introduce you to %s"), first, second);
          row = introducer_row_new (self, i, chain_title, subtitle, chain->people[2], group);
        }

      /* Prefixes are prepended: the radio button comes first. */
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), g_object_get_data (G_OBJECT (row), "check"));

      if (group == NULL)
        group = GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
      gtk_list_box_append (self->introducers_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->introducers_group), TRUE);
}

/* }}} */

/* {{{ Reasons */

static GtkToggleButton *
reason_button (CirclesPersonPane *self,
               CirclesReasons     reason)
{
  switch (reason)
    {
    case CIRCLES_REASON_EVENT:
      return self->reason_event;
    case CIRCLES_REASON_ALUMNI:
      return self->reason_alumni;
    case CIRCLES_REASON_HIGH_VALUE:
      return self->reason_high_value;
    case CIRCLES_REASON_COMMENTS:
      return self->reason_comments;
    default:
      g_assert_not_reached ();
    }
}

static const CirclesReasons all_reasons[] = {
  CIRCLES_REASON_EVENT,
  CIRCLES_REASON_ALUMNI,
  CIRCLES_REASON_HIGH_VALUE,
  CIRCLES_REASON_COMMENTS,
};

static void
circles_person_pane_update_reasons (CirclesPersonPane *self)
{
  gboolean shown = self->details != NULL &&
                   circles_person_details_get_degree (self->details) == 3;
  gboolean known = shown && circles_person_details_get_reasons_known (self->details);
  guint reasons = shown ? circles_person_details_get_reasons (self->details) : 0;

  gtk_widget_set_visible (GTK_WIDGET (self->reasons_group), shown);

  self->updating_reasons = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (all_reasons); i++)
    {
      GtkToggleButton *button = reason_button (self, all_reasons[i]);

      gtk_toggle_button_set_active (button, (reasons & all_reasons[i]) != 0);
      gtk_widget_set_sensitive (GTK_WIDGET (button), known);
    }
  self->updating_reasons = FALSE;
}

static void
reasons_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CirclesPersonPane) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!circles_person_details_set_reasons_finish (CIRCLES_PERSON_DETAILS (object), result, &error))
    {
      g_autofree char *text = NULL;

      if (self->details != CIRCLES_PERSON_DETAILS (object))
        return;
      /* Translators: shown under the reasons when they could not be
       * saved; %s says why, such as "The database is busy". */
      text = g_strdup_printf (_("The reasons were not saved: %s"), error->message);

      /* Show what the database holds, and why. */
      circles_person_pane_update_reasons (self);
      gtk_label_set_text (self->reasons_error, text);
      gtk_widget_set_visible (GTK_WIDGET (self->reasons_error), TRUE);
    }
}

static void
reason_toggled_cb (GtkToggleButton   *button,
                   CirclesPersonPane *self)
{
  guint reasons = 0;

  if (self->updating_reasons || self->details == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (all_reasons); i++)
    if (gtk_toggle_button_get_active (reason_button (self, all_reasons[i])))
      reasons |= all_reasons[i];

  gtk_widget_set_visible (GTK_WIDGET (self->reasons_error), FALSE);
  circles_person_details_set_reasons_async (self->details, reasons, reasons_saved_cb, g_object_ref (self));
}

/* }}} */

/* {{{ Rating */

static char *
star_label (guint star)
{
  /* Translators: the accessible name and tooltip of the n-th star of a
   * rating: "Rate 3 of 5". */
  return g_strdup_printf (_("Rate %u of 5"), star);
}

static void
circles_person_pane_set_rating_error (CirclesPersonPane *self,
                                      const GError      *error)
{
  g_autofree char *text = NULL;

  if (error != NULL)
    /* Translators: shown under the stars of a rating when it could not
     * be saved; %s says why, such as "The database is busy". */
    text = g_strdup_printf (_("The rating was not saved: %s"), error->message);

  gtk_label_set_text (self->rating_error, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->rating_error), text != NULL);
}

/* Shows the stars of self->shown_rating, or of what the details read;
 * the row takes clicks only when the rating is known and the session
 * is free to write it. */
static void
circles_person_pane_update_rating (CirclesPersonPane *self)
{
  gboolean shown = self->details != NULL &&
                   circles_person_details_get_degree (self->details) == 1;
  gboolean known;

  gtk_widget_set_visible (GTK_WIDGET (self->rating_group), shown);
  if (!shown)
    return;

  known = circles_person_details_get_rating_known (self->details);
  if (known && !self->rating_pending)
    self->shown_rating = circles_person_details_get_rating (self->details);

  self->updating_rating = TRUE;
  for (guint i = 0; i < N_STARS; i++)
    {
      GtkWidget *star = GTK_WIDGET (self->stars[i]);
      gboolean lit = i < self->shown_rating;
      gboolean current = i + 1 == self->shown_rating;
      g_autofree char *label = star_label (i + 1);

      gtk_toggle_button_set_active (self->stars[i], lit);
      gtk_button_set_icon_name (GTK_BUTTON (star), lit ? "starred-symbolic" : "non-starred-symbolic");

      if (current)
        {
          /* Clicking the star of the current rating clears it. */
          gtk_widget_set_tooltip_text (star, _("Clear the rating"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (star),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Clear the rating"),
                                          -1);
        }
      else
        {
          gtk_widget_set_tooltip_text (star, label);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (star), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }
  self->updating_rating = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->rating_row),
                            known && !self->rating_pending &&
                            !circles_session_get_busy (self->session));
}

/* Gives the focus back to the star the user rated with, unless it went
 * somewhere else meanwhile: the row was insensitive while it saved. */
static void
circles_person_pane_restore_star_focus (CirclesPersonPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint star = self->focus_star;
  GtkWidget *focus;

  self->focus_star = 0;
  if (star == 0 || root == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->rating_row)))
    return;

  focus = gtk_root_get_focus (root);
  if (focus == NULL || focus == GTK_WIDGET (root) ||
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->rating_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->stars[star - 1]));
}

typedef struct
{
  CirclesPersonPane *self; /* a reference */
  char              *key;  /* of the person rated */
} RateData;

static void
rate_data_free (RateData *data)
{
  g_object_unref (data->self);
  g_free (data->key);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RateData, rate_data_free)

static void
rate_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RateData) data = user_data;
  CirclesPersonPane *self = data->self;
  g_autoptr(GError) error = NULL;

  circles_session_rate_finish (CIRCLES_SESSION (object), result, &error);
  self->rating_pending = FALSE;

  /* Disposed meanwhile: nothing left to show it in. */
  if (self->session == NULL || self->details == NULL)
    return;

  if (error != NULL)
    {
      g_debug ("Cannot rate %s: %s", data->key, error->message);
      /* Said next to the stars of that person, if still shown. */
      if (g_strcmp0 (self->shown_key, data->key) == 0)
        circles_person_pane_set_rating_error (self, error);
      /* Show what the database holds. */
      circles_person_details_reload (self->details);
    }

  /* On success the session reloaded the network: the details are new,
   * and read the rating in a worker; the focus comes back once they did. */
  circles_person_pane_update_rating (self);
  if (circles_person_details_get_rating_known (self->details))
    circles_person_pane_restore_star_focus (self);
}

static void
star_toggled_cb (GtkToggleButton   *button,
                 CirclesPersonPane *self)
{
  guint star = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "star"));
  RateData *data;
  guint rating;

  if (self->updating_rating || self->details == NULL || self->rating_pending)
    return;

  /* The star of the current rating clears it; any other sets it. */
  rating = star == self->shown_rating ? 0 : star;

  self->rating_pending = TRUE;
  self->shown_rating = rating;
  self->focus_star = gtk_widget_is_focus (GTK_WIDGET (button)) ? star : 0;
  circles_person_pane_set_rating_error (self, NULL);
  circles_person_pane_update_rating (self);

  data = g_new0 (RateData, 1);
  data->self = g_object_ref (self);
  data->key = g_strdup (self->shown_key);
  circles_session_rate_async (self->session,
                              circles_person_details_get_person (self->details),
                              (int) rating, NULL, rate_cb, data);
}

/* }}} */

/* What the details read from the database comes after them. */
static void
details_notify_cb (CirclesPersonDetails *details,
                   GParamSpec           *pspec,
                   CirclesPersonPane    *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (details != self->details)
    return;

  if (g_str_equal (name, "ties"))
    set_text_or_hide (self->ties_label, circles_person_details_get_ties (details));
  else if (g_str_has_prefix (name, "reasons"))
    {
      circles_person_pane_update_reasons (self);
      /* The reasons open the 3rd-degree message. */
      circles_person_pane_update_message (self);
    }
  else if (g_str_has_prefix (name, "rating"))
    {
      circles_person_pane_update_rating (self);
      /* The row takes clicks again: the star rated with, if any, gets
       * the focus back. */
      if (circles_person_details_get_rating_known (details) && !self->rating_pending)
        circles_person_pane_restore_star_focus (self);
    }
}

static void
circles_person_pane_update (CirclesPersonPane *self)
{
  CirclesNetwork *network = circles_session_get_network (self->session);
  guint person = circles_session_get_selected (self->session);
  CirclesSelection *selection = circles_session_get_selection (self->session);
  const char *channel, *advice, *icon_name;
  const char *name;
  const char *url;
  CirclesCircle circle;
  guint flags;
  gboolean same_person;
  g_autoptr(GString) flags_text = g_string_new (NULL);

  if (self->details != NULL &&
      circles_person_details_get_network (self->details) == network &&
      circles_person_details_get_person (self->details) == person)
    return;
  /* In a large network the chains to them come a moment later. */
  if (network != NULL && person != CIRCLES_NO_PERSON &&
      (selection == NULL || circles_selection_get_network (selection) != network))
    return;

  g_clear_object (&self->details);
  self->introducer = 0;
  g_clear_handle_id (&self->copied_id, g_source_remove);
  copied_timeout_cb (self);
  g_clear_handle_id (&self->request_copied_id, g_source_remove);
  request_copied_timeout_cb (self);

  if (network == NULL || person == CIRCLES_NO_PERSON)
    {
      g_clear_pointer (&self->shown_key, g_free);
      self->shown_rating = 0;
      circles_person_pane_set_rating_error (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      clear_introducers (self);
      circles_person_pane_update_reasons (self);
      circles_person_pane_update_rating (self);
      circles_person_pane_update_message (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
      return;
    }

  /* The same person in a new snapshot (the network reloaded after a
   * rating) stays where the user looks; someone else starts anew. */
  same_person = g_strcmp0 (self->shown_key, circles_network_get_key (network, person)) == 0;
  if (!same_person)
    {
      g_free (self->shown_key);
      self->shown_key = g_strdup (circles_network_get_key (network, person));
      self->shown_rating = 0;
      circles_person_pane_set_rating_error (self, NULL);
    }

  self->details = circles_person_details_new (self->session, selection, N_INTRODUCERS);
  g_signal_connect_object (self->details, "notify", G_CALLBACK (details_notify_cb), self, 0);
  circle = circles_person_details_get_circle (self->details);
  name = circles_person_details_get_name (self->details);

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_text (self->name_label, name);
  set_text_or_hide (self->position_label, circles_person_details_get_position (self->details));
  set_text_or_hide (self->company_label, circles_person_details_get_company (self->details));
  circles_badge_set_circle (self->badge, circle);

  flags = circles_network_get_flags (network, person);
  if (circle != CIRCLES_CIRCLE_FOLLOWER && (flags & CIRCLES_FLAG_FOLLOWER))
    g_string_append (flags_text, _("Follows you"));
  if (circle != CIRCLES_CIRCLE_GROUP_MEMBER && (flags & CIRCLES_FLAG_GROUP_MEMBER))
    {
      if (flags_text->len > 0)
        /* Translators: separates "Follows you" and "Shares a group with you". */
        g_string_append (flags_text, _(" · "));
      g_string_append (flags_text, _("Shares a group with you"));
    }
  set_text_or_hide (self->flags_label, flags_text->str);
  set_text_or_hide (self->ties_label, circles_person_details_get_ties (self->details));

  url = circles_person_details_get_profile_url (self->details);
  if (circles_person_details_has_web_profile (self->details))
    {
      gtk_link_button_set_uri (self->profile_button, url);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->profile_button), url);
      gtk_widget_set_visible (GTK_WIDGET (self->profile_button), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->profile_button), FALSE);

  channel = circles_circle_get_channel (circle);
  advice = circles_circle_get_advice (circle);
  icon_name = circles_circle_get_advice_icon (circle);
  gtk_widget_set_visible (GTK_WIDGET (self->advice_group), channel != NULL);
  if (channel != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->advice_row), channel);
      adw_action_row_set_subtitle (self->advice_row, advice);
      gtk_image_set_from_icon_name (self->advice_icon, icon_name);
    }
  circles_person_pane_update_gain (self, name);
  circles_person_pane_update_reach (self);
  circles_person_pane_update_edits (self, person == circles_network_get_me (network), name);

  circles_person_pane_update_introducers (self);
  gtk_widget_set_visible (GTK_WIDGET (self->reasons_error), FALSE);
  circles_person_pane_update_reasons (self);
  circles_person_pane_update_rating (self);
  circles_person_pane_update_message (self);

  gtk_stack_set_visible_child_name (self->stack, "person");
  if (!same_person)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

static void
session_changed_cb (CirclesPersonPane *self)
{
  circles_person_pane_update (self);
}

/* The rating cannot be set while the session writes. */
static void
session_busy_cb (CirclesPersonPane *self)
{
  circles_person_pane_update_rating (self);
}

static void
circles_person_pane_constructed (GObject *object)
{
  CirclesPersonPane *self = (CirclesPersonPane *)object;

  G_OBJECT_CLASS (circles_person_pane_parent_class)->constructed (object);

  g_assert (self->session != NULL);

  g_signal_connect_object (self->session, "notify::network",
                           G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::selected",
                           G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::selection",
                           G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::busy",
                           G_CALLBACK (session_busy_cb), self, G_CONNECT_SWAPPED);
  self->prospecting = g_object_ref (circles_prospecting_get_for_session (self->session));
  g_signal_connect_object (self->prospecting, "notify::introducers",
                           G_CALLBACK (circles_person_pane_update_reach), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->prospecting, "notify::introducer",
                           G_CALLBACK (circles_person_pane_update_reach), self, G_CONNECT_SWAPPED);

  circles_person_pane_update (self);
}

static void
circles_person_pane_dispose (GObject *object)
{
  CirclesPersonPane *self = (CirclesPersonPane *)object;

  g_clear_handle_id (&self->copied_id, g_source_remove);
  g_clear_handle_id (&self->request_copied_id, g_source_remove);
  g_clear_pointer (&self->shown_key, g_free);
  /* The stack is the bin's child and a template child: unparent it
   * once, through the bin. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRCLES_TYPE_PERSON_PANE);
  g_clear_object (&self->details);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->prospecting);

  G_OBJECT_CLASS (circles_person_pane_parent_class)->dispose (object);
}

static void
circles_person_pane_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CirclesPersonPane *self = CIRCLES_PERSON_PANE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_PERSON:
      g_value_set_uint (value, circles_person_pane_get_person (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_person_pane_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CirclesPersonPane *self = CIRCLES_PERSON_PANE (object);

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
circles_person_pane_class_init (CirclesPersonPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = circles_person_pane_constructed;
  object_class->dispose = circles_person_pane_dispose;
  object_class->get_property = circles_person_pane_get_property;
  object_class->set_property = circles_person_pane_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CIRCLES_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The person shown, or CIRCLES_NO_PERSON. */
  properties[PROP_PERSON] =
    g_param_spec_uint ("person", NULL, NULL,
                       0, G_MAXUINT, CIRCLES_NO_PERSON,
                       (G_PARAM_READABLE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CIRCLES_TYPE_BADGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/circles-person-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, stack);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, avatar);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, name_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, edit_group);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, position_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, ties_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, company_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, badge);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, flags_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, profile_button);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, advice_group);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, advice_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, gain_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, reach_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, reach_button);
  gtk_widget_class_bind_template_callback (widget_class, reach_toggled_cb);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, advice_icon);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, introducers_group);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, introducers_list);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, reasons_error);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, reason_event);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, reason_alumni);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, reason_high_value);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, reason_comments);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, message_group);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, copy_button);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, copy_content);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, message_view);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, rating_group);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, rating_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, stars_box);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, rating_error);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, request_group);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, request_copy_button);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, request_copy_content);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonPane, request_view);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, request_copy_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "circlespersonpane");
}

static void
circles_person_pane_init (CirclesPersonPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wrap_group_title (GTK_WIDGET (self->message_group));
  wrap_group_title (GTK_WIDGET (self->request_group));

  for (guint i = 0; i < G_N_ELEMENTS (all_reasons); i++)
    g_signal_connect (reason_button (self, all_reasons[i]), "toggled",
                      G_CALLBACK (reason_toggled_cb), self);

  /* The stars: toggle buttons named rate-1 … rate-5, lit up to the
   * rating. */
  for (guint i = 0; i < N_STARS; i++)
    {
      g_autofree char *name = g_strdup_printf ("rate-%u", i + 1);
      g_autofree char *label = star_label (i + 1);
      GtkWidget *star = gtk_toggle_button_new ();

      gtk_widget_set_name (star, name);
      gtk_button_set_icon_name (GTK_BUTTON (star), "non-starred-symbolic");
      gtk_widget_add_css_class (star, "flat");
      gtk_widget_add_css_class (star, "rating-star");
      gtk_widget_set_valign (star, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (star, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (star),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      g_object_set_data (G_OBJECT (star), "star", GUINT_TO_POINTER (i + 1));
      g_signal_connect (star, "toggled", G_CALLBACK (star_toggled_cb), self);
      gtk_box_append (self->stars_box, star);
      self->stars[i] = GTK_TOGGLE_BUTTON (star);
    }
}

/**
 * circles_person_pane_new:
 * @session: the session whose selection the pane shows
 *
 * Returns: (transfer floating): a new person pane
 */
GtkWidget *
circles_person_pane_new (CirclesSession *session)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (session), NULL);

  return g_object_new (CIRCLES_TYPE_PERSON_PANE,
                       "session", session,
                       NULL);
}

/**
 * circles_person_pane_get_session:
 *
 * Returns: (transfer none): the session
 */
CirclesSession *
circles_person_pane_get_session (CirclesPersonPane *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_PANE (self), NULL);

  return self->session;
}

/**
 * circles_person_pane_get_person:
 *
 * Returns: the person shown, or %CIRCLES_NO_PERSON
 */
guint
circles_person_pane_get_person (CirclesPersonPane *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_PANE (self), CIRCLES_NO_PERSON);

  if (self->details == NULL)
    return CIRCLES_NO_PERSON;

  return circles_person_details_get_person (self->details);
}

/**
 * circles_person_pane_get_introducer:
 *
 * Returns: the position of the chosen introducer among those listed
 * (mutual connections or chains, warmest first)
 */
guint
circles_person_pane_get_introducer (CirclesPersonPane *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_PANE (self), 0);

  return self->introducer;
}

/**
 * circles_person_pane_set_introducer:
 *
 * Chooses who the drafted message names, as clicking their row does.
 */
void
circles_person_pane_set_introducer (CirclesPersonPane *self,
                                    guint              introducer)
{
  GtkListBoxRow *row;

  g_return_if_fail (CIRCLES_IS_PERSON_PANE (self));

  if (self->details == NULL ||
      introducer >= circles_person_details_get_n_introducers (self->details) ||
      introducer == self->introducer)
    return;

  self->introducer = introducer;
  circles_person_pane_publish_chain (self);

  row = gtk_list_box_get_row_at_index (self->introducers_list, introducer);
  if (row != NULL)
    {
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    }

  circles_person_pane_update_message (self);
}

/**
 * circles_person_pane_dup_message:
 *
 * Returns: (transfer full): the message as shown (and maybe edited)
 */
char *
circles_person_pane_dup_message (CirclesPersonPane *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_PANE (self), NULL);

  return dup_text (self->message_view);
}
