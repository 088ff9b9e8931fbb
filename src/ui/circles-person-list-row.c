/* circles-person-list-row.c: a person in a list: name, position, circle
 *
 * The row of every list of people in the side panel: an avatar with
 * the person's initials, the name, the position and company, how many
 * chains lead to them (mutual connections for the 2nd degree) and the
 * badge of their circle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-person-list-row"

#include "config.h"

#include <glib/gi18n.h>

#include "circles-badge.h"
#include "circles-format.h"
#include "circles-person-list-row.h"

struct _CirclesPersonListRow
{
  AdwBin             parent_instance;

  CirclesPersonItem *item;

  /* Template widgets */
  AdwAvatar         *avatar;
  GtkLabel          *name_label;
  GtkLabel          *subtitle_label;
  GtkLabel          *detail_label;
  CirclesBadge      *badge;
};

G_DEFINE_FINAL_TYPE (CirclesPersonListRow, circles_person_list_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "12 mutual connections" for the 2nd degree, "3 chains" for the 3rd. */
static char *
chains_text (CirclesPersonItem *item)
{
  guint64 chains = circles_person_item_get_chains (item);
  gulong n = circles_format_plural (chains);
  g_autofree char *number = circles_format_count (chains);

  switch (circles_person_item_get_degree (item))
    {
    case 2:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s mutual connection",
                                           "%s mutual connections", n),
                              number);
    case 3:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s chain", "%s chains", n),
                              number);
    default:
      return NULL;
    }
}

static void
circles_person_list_row_update (CirclesPersonListRow *self)
{
  g_autofree char *detail = NULL;
  g_autofree char *description = NULL;
  const char *name = "";
  const char *subtitle = "";

  if (self->item != NULL)
    {
      name = circles_person_item_get_name (self->item);
      subtitle = circles_person_item_get_subtitle (self->item);
      detail = chains_text (self->item);
      circles_badge_set_circle (self->badge, circles_person_item_get_circle (self->item));
    }

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle != '\0');
  gtk_label_set_text (self->detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), self->item != NULL);

  /* Read as one sentence: "Alice Martin, Engineer · Acme, 2nd, 3 mutual connections". */
  if (self->item != NULL)
    {
      GString *s = g_string_new (name);

      if (subtitle != NULL && *subtitle != '\0')
        g_string_append_printf (s, ", %s", subtitle);
      g_string_append_printf (s, ", %s", circles_badge_get_text (self->badge));
      if (detail != NULL)
        g_string_append_printf (s, ", %s", detail);
      description = g_string_free (s, FALSE);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description != NULL ? description : "",
                                  -1);
}

static void
circles_person_list_row_dispose (GObject *object)
{
  CirclesPersonListRow *self = (CirclesPersonListRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CIRCLES_TYPE_PERSON_LIST_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (circles_person_list_row_parent_class)->dispose (object);
}

static void
circles_person_list_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CirclesPersonListRow *self = CIRCLES_PERSON_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_person_list_row_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CirclesPersonListRow *self = CIRCLES_PERSON_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      circles_person_list_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_person_list_row_class_init (CirclesPersonListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = circles_person_list_row_dispose;
  object_class->get_property = circles_person_list_row_get_property;
  object_class->set_property = circles_person_list_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         CIRCLES_TYPE_PERSON_ITEM,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CIRCLES_TYPE_BADGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/circles-person-list-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonListRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonListRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonListRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonListRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesPersonListRow, badge);
}

static void
circles_person_list_row_init (CirclesPersonListRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  circles_person_list_row_update (self);
}

GtkWidget *
circles_person_list_row_new (void)
{
  return g_object_new (CIRCLES_TYPE_PERSON_LIST_ROW, NULL);
}

/**
 * circles_person_list_row_get_item:
 *
 * Returns: (nullable) (transfer none): the person shown
 */
CirclesPersonItem *
circles_person_list_row_get_item (CirclesPersonListRow *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_LIST_ROW (self), NULL);

  return self->item;
}

void
circles_person_list_row_set_item (CirclesPersonListRow *self,
                                  CirclesPersonItem    *item)
{
  g_return_if_fail (CIRCLES_IS_PERSON_LIST_ROW (self));
  g_return_if_fail (!item || CIRCLES_IS_PERSON_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  circles_person_list_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * circles_person_list_row_set_degree_only:
 *
 * Makes the badge say "Beyond 3rd" rather than the circle beyond the
 * rings, for lists of followers and group members.
 */
void
circles_person_list_row_set_degree_only (CirclesPersonListRow *self,
                                         gboolean              degree_only)
{
  g_return_if_fail (CIRCLES_IS_PERSON_LIST_ROW (self));

  circles_badge_set_degree_only (self->badge, degree_only);
  circles_person_list_row_update (self);
}
