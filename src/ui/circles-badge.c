/* circles-badge.c: the circle of a person, as a numbered disc and a word
 *
 * The disc carries the degree (or an icon beyond the 3rd) and the colour
 * of the circle; the word next to it says the same, so that the circle
 * is never told by colour alone. Assistive technologies read the word
 * only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-badge"

#include "config.h"

#include <glib/gi18n.h>

#include "circles-badge.h"

struct _CirclesBadge
{
  GtkWidget      parent_instance;

  CirclesCircle  circle;
  gboolean       degree_only;
  gboolean       long_text;
  gboolean       disc_only;

  GtkWidget     *disc;
  GtkLabel      *number;
  GtkImage      *icon;
  GtkLabel      *text;
};

G_DEFINE_FINAL_TYPE (CirclesBadge, circles_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CIRCLE,
  PROP_DEGREE_ONLY,
  PROP_LONG_TEXT,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
circles_circle_rows_set_advice (AdwActionRow *first,
                                AdwActionRow *second,
                                AdwActionRow *third,
                                AdwActionRow *group_member,
                                AdwActionRow *follower,
                                AdwActionRow *out_of_network)
{
  AdwActionRow *rows[] = { first, second, third, group_member, follower, out_of_network };
  CirclesCircle circles[] = {
    CIRCLES_CIRCLE_FIRST, CIRCLES_CIRCLE_SECOND, CIRCLES_CIRCLE_THIRD,
    CIRCLES_CIRCLE_GROUP_MEMBER, CIRCLES_CIRCLE_FOLLOWER, CIRCLES_CIRCLE_OUT_OF_NETWORK,
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i] != NULL)
      adw_action_row_set_subtitle (rows[i], circles_circle_get_advice (circles[i]));
}

/**
 * circles_badge_ensure_style:
 *
 * Adds the style sheet of the panels (sizes of the badges, rows) to
 * @display, once.
 */
void
circles_badge_ensure_style (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "circles-panels-css") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/ui/circles-panels.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "circles-panels-css",
                          g_steal_pointer (&provider), g_object_unref);
}

static void
circles_badge_update (CirclesBadge *self)
{
  const char *icon_name = circles_circle_get_icon_name (self->circle);
  const char *classes[] = { "circle-badge", "small", circles_circle_get_css_class (self->circle), NULL };

  gtk_widget_set_css_classes (self->disc, classes);

  switch (self->circle)
    {
    case CIRCLES_CIRCLE_FIRST:
      gtk_label_set_text (self->number, "1");
      break;
    case CIRCLES_CIRCLE_SECOND:
      gtk_label_set_text (self->number, "2");
      break;
    case CIRCLES_CIRCLE_THIRD:
      gtk_label_set_text (self->number, "3");
      break;
    case CIRCLES_CIRCLE_ME:
    case CIRCLES_CIRCLE_GROUP_MEMBER:
    case CIRCLES_CIRCLE_FOLLOWER:
    case CIRCLES_CIRCLE_OUT_OF_NETWORK:
    default:
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->number), icon_name == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), icon_name != NULL);
  if (icon_name != NULL)
    gtk_image_set_from_icon_name (self->icon, icon_name);

  gtk_label_set_text (self->text, circles_badge_get_text (self));
  gtk_widget_set_visible (GTK_WIDGET (self->text), !self->disc_only);
  /* Without the word, the badge itself says it. */
  if (self->disc_only)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, circles_circle_get_long_name (self->circle),
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
circles_badge_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (circles_badge_parent_class)->root (widget);

  circles_badge_ensure_style (gtk_widget_get_display (widget));
}

static void
circles_badge_dispose (GObject *object)
{
  CirclesBadge *self = (CirclesBadge *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->disc = NULL;
  self->number = NULL;
  self->icon = NULL;
  self->text = NULL;

  G_OBJECT_CLASS (circles_badge_parent_class)->dispose (object);
}

static void
circles_badge_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CirclesBadge *self = CIRCLES_BADGE (object);

  switch (prop_id)
    {
    case PROP_CIRCLE:
      g_value_set_uint (value, self->circle);
      break;

    case PROP_DEGREE_ONLY:
      g_value_set_boolean (value, self->degree_only);
      break;

    case PROP_LONG_TEXT:
      g_value_set_boolean (value, self->long_text);
      break;

    case PROP_TEXT:
      g_value_set_string (value, circles_badge_get_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_badge_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CirclesBadge *self = CIRCLES_BADGE (object);

  switch (prop_id)
    {
    case PROP_CIRCLE:
      circles_badge_set_circle (self, g_value_get_uint (value));
      break;

    case PROP_DEGREE_ONLY:
      circles_badge_set_degree_only (self, g_value_get_boolean (value));
      break;

    case PROP_LONG_TEXT:
      self->long_text = g_value_get_boolean (value);
      circles_badge_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_badge_class_init (CirclesBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = circles_badge_dispose;
  object_class->get_property = circles_badge_get_property;
  object_class->set_property = circles_badge_set_property;

  widget_class->root = circles_badge_root;

  /* A CirclesCircle. */
  properties[PROP_CIRCLE] =
    g_param_spec_uint ("circle", NULL, NULL,
                       CIRCLES_CIRCLE_ME, CIRCLES_CIRCLE_OUT_OF_NETWORK,
                       CIRCLES_CIRCLE_OUT_OF_NETWORK,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* Beyond the 3rd degree, say "Beyond 3rd" rather than the circle:
   * for lists whose people all share a circle (the followers). */
  properties[PROP_DEGREE_ONLY] =
    g_param_spec_boolean ("degree-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* Say "2nd-degree connection" rather than "2nd". */
  properties[PROP_LONG_TEXT] =
    g_param_spec_boolean ("long-text", NULL, NULL,
                          FALSE,
                          (G_PARAM_WRITABLE |
                           G_PARAM_READABLE |
                           G_PARAM_CONSTRUCT_ONLY |
                           G_PARAM_STATIC_STRINGS));

  /* The word shown, for tests and accessibility. */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "circlesbadge");
}

static void
circles_badge_init (CirclesBadge *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->circle = CIRCLES_CIRCLE_OUT_OF_NETWORK;

  /* The disc repeats the word: hidden from assistive technologies. */
  self->disc = g_object_new (GTK_TYPE_BOX,
                             "valign", GTK_ALIGN_CENTER,
                             "halign", GTK_ALIGN_CENTER,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                             NULL);
  gtk_widget_set_parent (self->disc, GTK_WIDGET (self));

  self->number = g_object_new (GTK_TYPE_LABEL,
                               "hexpand", TRUE,
                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                               NULL);
  gtk_box_append (GTK_BOX (self->disc), GTK_WIDGET (self->number));

  self->icon = g_object_new (GTK_TYPE_IMAGE,
                             "hexpand", TRUE,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                             NULL);
  gtk_box_append (GTK_BOX (self->disc), GTK_WIDGET (self->icon));

  self->text = g_object_new (GTK_TYPE_LABEL,
                             "valign", GTK_ALIGN_CENTER,
                             "xalign", 0.0f,
                             NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->text), "circle-badge-text");
  gtk_widget_set_parent (GTK_WIDGET (self->text), GTK_WIDGET (self));

  circles_badge_update (self);
}

GtkWidget *
circles_badge_new (void)
{
  return g_object_new (CIRCLES_TYPE_BADGE, NULL);
}

CirclesCircle
circles_badge_get_circle (CirclesBadge *self)
{
  g_return_val_if_fail (CIRCLES_IS_BADGE (self), CIRCLES_CIRCLE_OUT_OF_NETWORK);

  return self->circle;
}

void
circles_badge_set_circle (CirclesBadge  *self,
                          CirclesCircle  circle)
{
  g_return_if_fail (CIRCLES_IS_BADGE (self));
  g_return_if_fail (circle <= CIRCLES_CIRCLE_OUT_OF_NETWORK);

  if (self->circle == circle)
    return;

  self->circle = circle;
  circles_badge_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CIRCLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * circles_badge_get_text:
 *
 * Returns: the word shown next to the disc
 */
const char *
circles_badge_get_text (CirclesBadge *self)
{
  g_return_val_if_fail (CIRCLES_IS_BADGE (self), NULL);

  if (self->long_text)
    return circles_circle_get_long_name (self->circle);

  if (self->degree_only &&
      (self->circle == CIRCLES_CIRCLE_FOLLOWER ||
       self->circle == CIRCLES_CIRCLE_GROUP_MEMBER ||
       self->circle == CIRCLES_CIRCLE_OUT_OF_NETWORK))
    return C_("circle", "Beyond 3rd");

  return circles_circle_get_short_name (self->circle);
}

/**
 * circles_badge_set_disc_only:
 *
 * Shows the disc without its word, for rows that say the circle in
 * words already: the digit or the icon of the disc still tells it, and
 * assistive technologies hear the circle's long name.
 */
void
circles_badge_set_disc_only (CirclesBadge *self,
                             gboolean      disc_only)
{
  g_return_if_fail (CIRCLES_IS_BADGE (self));

  self->disc_only = !!disc_only;
  circles_badge_update (self);
}

gboolean
circles_badge_get_degree_only (CirclesBadge *self)
{
  g_return_val_if_fail (CIRCLES_IS_BADGE (self), FALSE);

  return self->degree_only;
}

void
circles_badge_set_degree_only (CirclesBadge *self,
                               gboolean      degree_only)
{
  g_return_if_fail (CIRCLES_IS_BADGE (self));

  degree_only = !!degree_only;
  if (self->degree_only == degree_only)
    return;

  self->degree_only = degree_only;
  circles_badge_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEGREE_ONLY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
