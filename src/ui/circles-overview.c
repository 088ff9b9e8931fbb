/* circles-overview.c: the counts of each circle
 *
 * Shows who "me" is and how many people each circle of the network
 * holds, with the advice DOMAIN.md gives for reaching them, and how
 * much of the 1st-degree limit is used. It only reads the snapshot it
 * is given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "circles-format.h"
#include "circles-badge.h"
#include "circles-overview.h"

struct _CirclesOverview
{
  AdwBin          parent_instance;

  CirclesNetwork *network;

  AdwAvatar      *avatar;
  GtkLabel       *me_label;
  GtkLabel       *summary_label;
  GtkLabel       *first_count;
  GtkLabel       *second_count;
  GtkLabel       *third_count;
  GtkLabel       *group_member_count;
  GtkLabel       *follower_count;
  GtkLabel       *out_of_network_count;
  AdwActionRow   *cap_row;
  AdwActionRow   *first_row;
  AdwActionRow   *second_row;
  AdwActionRow   *third_row;
  AdwActionRow   *group_member_row;
  AdwActionRow   *follower_row;
  AdwActionRow   *out_of_network_row;
  GtkLabel       *cap_count;
  GtkLevelBar    *cap_bar;
};

G_DEFINE_FINAL_TYPE (CirclesOverview, circles_overview, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_NETWORK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_count (GtkLabel *label,
           guint64   n)
{
  g_autofree char *text = circles_format_count (n);

  gtk_label_set_text (label, text);
}

static void
circles_overview_update (CirclesOverview *self)
{
  const CirclesCounts *counts;
  g_autofree char *people = NULL;
  g_autofree char *connections = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *number = NULL;
  g_autofree char *first = NULL;
  g_autofree char *cap = NULL;
  g_autofree char *cap_text = NULL;
  g_autofree char *cap_subtitle = NULL;
  const char *name = NULL;
  guint me;

  if (self->network == NULL)
    {
      adw_avatar_set_text (self->avatar, NULL);
      gtk_label_set_text (self->me_label, "");
      gtk_label_set_text (self->summary_label, "");
      gtk_label_set_text (self->first_count, "");
      gtk_label_set_text (self->second_count, "");
      gtk_label_set_text (self->third_count, "");
      gtk_label_set_text (self->group_member_count, "");
      gtk_label_set_text (self->follower_count, "");
      gtk_label_set_text (self->out_of_network_count, "");
      gtk_label_set_text (self->cap_count, "");
      gtk_level_bar_set_value (self->cap_bar, 0);
      return;
    }

  counts = circles_network_get_counts (self->network);
  me = circles_network_get_me (self->network);

  if (me != CIRCLES_NO_PERSON)
    {
      name = circles_network_get_name (self->network, me);
      if (name == NULL || *name == '\0')
        name = circles_network_get_key (self->network, me);
    }
  if (name == NULL || *name == '\0')
    name = _("Me");

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_text (self->me_label, name);

  number = circles_format_count (counts->people);
  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people",
                                         circles_format_plural (counts->people)),
                            number);
  g_free (number);
  number = circles_format_count (counts->connections);
  connections = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s connection", "%s connections",
                                              circles_format_plural (counts->connections)),
                                 number);
  /* Translators: the summary under my name, as in "2,000 people in the
   * network, 9,512 connections". */
  summary = g_strdup_printf (_("%s in the network, %s"), people, connections);
  gtk_label_set_text (self->summary_label, summary);

  set_count (self->first_count, counts->first);
  set_count (self->second_count, counts->second);
  set_count (self->third_count, counts->third);
  set_count (self->group_member_count, counts->group_members);
  set_count (self->follower_count, counts->followers);
  set_count (self->out_of_network_count, counts->out_of_network);

  first = circles_format_count (counts->first);
  cap = circles_format_count (CIRCLES_FIRST_DEGREE_CAP);
  /* Translators: 1st-degree connections against the limit, as in
   * "1,234 of 30,000". */
  cap_text = g_strdup_printf (_("%s of %s"), first, cap);
  gtk_label_set_text (self->cap_count, cap_text);
  cap_subtitle = g_strdup_printf (_("A member can have at most %s connections"), cap);
  adw_action_row_set_subtitle (self->cap_row, cap_subtitle);
  gtk_level_bar_set_value (self->cap_bar,
                           MIN (1.0, (double)counts->first / CIRCLES_FIRST_DEGREE_CAP));
}

static void
circles_overview_dispose (GObject *object)
{
  CirclesOverview *self = (CirclesOverview *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CIRCLES_TYPE_OVERVIEW);
  g_clear_pointer (&self->network, circles_network_unref);

  G_OBJECT_CLASS (circles_overview_parent_class)->dispose (object);
}

static void
circles_overview_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CirclesOverview *self = CIRCLES_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_NETWORK:
      g_value_set_pointer (value, self->network);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_overview_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CirclesOverview *self = CIRCLES_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_NETWORK:
      circles_overview_set_network (self, g_value_get_pointer (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_overview_class_init (CirclesOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = circles_overview_dispose;
  object_class->get_property = circles_overview_get_property;
  object_class->set_property = circles_overview_set_property;

  /* The CirclesNetwork shown; the overview keeps a reference. */
  properties[PROP_NETWORK] =
    g_param_spec_pointer ("network", NULL, NULL,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/circles-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, avatar);
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, me_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, first_count);
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, second_count);
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, third_count);
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, group_member_count);
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, follower_count);
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, out_of_network_count);
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, cap_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, first_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, second_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, third_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, group_member_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, follower_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, out_of_network_row);
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, cap_count);
  gtk_widget_class_bind_template_child (widget_class, CirclesOverview, cap_bar);
}

static void
circles_overview_init (CirclesOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  circles_circle_rows_set_advice (self->first_row, self->second_row, self->third_row,
                                  self->group_member_row, self->follower_row, self->out_of_network_row);
  circles_overview_update (self);
}

GtkWidget *
circles_overview_new (void)
{
  return g_object_new (CIRCLES_TYPE_OVERVIEW, NULL);
}

/**
 * circles_overview_get_network:
 *
 * Returns: (nullable) (transfer none): the network shown.
 */
CirclesNetwork *
circles_overview_get_network (CirclesOverview *self)
{
  g_return_val_if_fail (CIRCLES_IS_OVERVIEW (self), NULL);

  return self->network;
}

void
circles_overview_set_network (CirclesOverview *self,
                              CirclesNetwork  *network)
{
  g_return_if_fail (CIRCLES_IS_OVERVIEW (self));

  if (self->network == network)
    return;

  g_clear_pointer (&self->network, circles_network_unref);
  if (network != NULL)
    self->network = circles_network_ref (network);

  circles_overview_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK]);
}
