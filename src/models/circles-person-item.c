/* circles-person-item.c: one person of a network, as list rows see it
 *
 * An item is a light view of the snapshot: it keeps a reference on the
 * network and the person's number, and reads the rest from the network
 * when asked. Lists create items only for the rows on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-person-item"

#include "config.h"

#include "circles-person-item.h"

struct _CirclesPersonItem
{
  GObject         parent_instance;

  CirclesNetwork *network;
  guint           person;
  char           *subtitle;  /* made on first use */
};

G_DEFINE_FINAL_TYPE (CirclesPersonItem, circles_person_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSON,
  PROP_NAME,
  PROP_POSITION,
  PROP_COMPANY,
  PROP_SUBTITLE,
  PROP_DEGREE,
  PROP_CIRCLE,
  PROP_CHAINS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
circles_person_item_finalize (GObject *object)
{
  CirclesPersonItem *self = (CirclesPersonItem *)object;

  g_clear_pointer (&self->network, circles_network_unref);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (circles_person_item_parent_class)->finalize (object);
}

static void
circles_person_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CirclesPersonItem *self = CIRCLES_PERSON_ITEM (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_uint (value, self->person);
      break;

    case PROP_NAME:
      g_value_set_string (value, circles_person_item_get_name (self));
      break;

    case PROP_POSITION:
      g_value_set_string (value, circles_person_item_get_position (self));
      break;

    case PROP_COMPANY:
      g_value_set_string (value, circles_person_item_get_company (self));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, circles_person_item_get_subtitle (self));
      break;

    case PROP_DEGREE:
      g_value_set_uint (value, circles_person_item_get_degree (self));
      break;

    case PROP_CIRCLE:
      g_value_set_uint (value, circles_person_item_get_circle (self));
      break;

    case PROP_CHAINS:
      g_value_set_uint64 (value, circles_person_item_get_chains (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_person_item_class_init (CirclesPersonItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = circles_person_item_finalize;
  object_class->get_property = circles_person_item_get_property;

  properties[PROP_PERSON] =
    g_param_spec_uint ("person", NULL, NULL, 0, G_MAXUINT, CIRCLES_NO_PERSON, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] =
    g_param_spec_string ("position", NULL, NULL, NULL, flags);
  properties[PROP_COMPANY] =
    g_param_spec_string ("company", NULL, NULL, NULL, flags);
  /* "Position · Company", or whichever of the two is known. */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_DEGREE] =
    g_param_spec_uint ("degree", NULL, NULL, 0, CIRCLES_DEGREE_BEYOND, CIRCLES_DEGREE_BEYOND, flags);
  /* A CirclesCircle. */
  properties[PROP_CIRCLE] =
    g_param_spec_uint ("circle", NULL, NULL,
                       CIRCLES_CIRCLE_ME, CIRCLES_CIRCLE_OUT_OF_NETWORK,
                       CIRCLES_CIRCLE_OUT_OF_NETWORK, flags);
  /* Shortest chains from me: the mutual connections of a 2nd-degree. */
  properties[PROP_CHAINS] =
    g_param_spec_uint64 ("chains", NULL, NULL, 0, G_MAXUINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
circles_person_item_init (CirclesPersonItem *self)
{
  self->person = CIRCLES_NO_PERSON;
}

/**
 * circles_person_item_new:
 * @network: the snapshot @person belongs to
 * @person: a person of @network
 *
 * Returns: (transfer full): a new item
 */
CirclesPersonItem *
circles_person_item_new (CirclesNetwork *network,
                         guint           person)
{
  CirclesPersonItem *self;

  g_return_val_if_fail (network != NULL, NULL);
  g_return_val_if_fail (person < circles_network_get_n_people (network), NULL);

  self = g_object_new (CIRCLES_TYPE_PERSON_ITEM, NULL);
  self->network = circles_network_ref (network);
  self->person = person;

  return self;
}

/**
 * circles_person_item_get_network:
 *
 * Returns: (transfer none): the snapshot of the person
 */
CirclesNetwork *
circles_person_item_get_network (CirclesPersonItem *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_ITEM (self), NULL);

  return self->network;
}

guint
circles_person_item_get_person (CirclesPersonItem *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_ITEM (self), CIRCLES_NO_PERSON);

  return self->person;
}

/**
 * circles_person_item_get_name:
 *
 * Returns: the display name, or the key when the name is hidden.
 */
const char *
circles_person_item_get_name (CirclesPersonItem *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_ITEM (self), NULL);

  return circles_network_get_name (self->network, self->person);
}

const char *
circles_person_item_get_position (CirclesPersonItem *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_ITEM (self), NULL);

  return circles_network_get_position (self->network, self->person);
}

const char *
circles_person_item_get_company (CirclesPersonItem *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_ITEM (self), NULL);

  return circles_network_get_company (self->network, self->person);
}

/**
 * circles_person_item_get_subtitle:
 *
 * Returns: the position and the company, as one line ("" when neither
 * is known).
 */
const char *
circles_person_item_get_subtitle (CirclesPersonItem *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_ITEM (self), NULL);

  if (self->subtitle == NULL)
    {
      const char *position = circles_person_item_get_position (self);
      const char *company = circles_person_item_get_company (self);
      gboolean has_position = position != NULL && *position != '\0';
      gboolean has_company = company != NULL && *company != '\0';

      if (has_position && has_company)
        self->subtitle = g_strdup_printf ("%s · %s", position, company);
      else if (has_position)
        self->subtitle = g_strdup (position);
      else if (has_company)
        self->subtitle = g_strdup (company);
      else
        self->subtitle = g_strdup ("");
    }

  return self->subtitle;
}

guint
circles_person_item_get_degree (CirclesPersonItem *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_ITEM (self), CIRCLES_DEGREE_BEYOND);

  return circles_network_get_degree (self->network, self->person);
}

CirclesCircle
circles_person_item_get_circle (CirclesPersonItem *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_ITEM (self), CIRCLES_CIRCLE_OUT_OF_NETWORK);

  return circles_network_get_circle (self->network, self->person);
}

guint64
circles_person_item_get_chains (CirclesPersonItem *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_ITEM (self), 0);

  return circles_network_count_chains (self->network, self->person);
}
