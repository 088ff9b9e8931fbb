/* circles-group-list.c: the groups I share with others, and their members
 *
 * A GListModel of CirclesPersonList: one per group "me" is a member of,
 * titled with the group's name and holding the other members, closest
 * first. Those groups are the channel DOMAIN.md gives to group members.
 * The memberships are read in a worker, in one pass; the content is
 * replaced in a single items-changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-group-list"

#include "config.h"

#include "circles-group-list.h"
#include "circles-person-list.h"

struct _CirclesGroupList
{
  GObject         parent_instance;

  CirclesNetwork *network;
  GPtrArray      *groups;  /* of CirclesPersonList */
};

static void circles_group_list_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CirclesGroupList, circles_group_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      circles_group_list_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  CirclesNetwork *network;
  gint64          me;
  GHashTable     *members;  /* group name -> GArray of guint32 people */
} Collect;

static GType
circles_group_list_get_item_type (GListModel *model)
{
  return CIRCLES_TYPE_PERSON_LIST;
}

static guint
circles_group_list_get_n_items (GListModel *model)
{
  return CIRCLES_GROUP_LIST (model)->groups->len;
}

static gpointer
circles_group_list_get_item (GListModel *model,
                             guint       position)
{
  CirclesGroupList *self = CIRCLES_GROUP_LIST (model);

  if (position >= self->groups->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->groups, position));
}

static void
circles_group_list_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = circles_group_list_get_item_type;
  iface->get_n_items = circles_group_list_get_n_items;
  iface->get_item = circles_group_list_get_item;
}

static void
circles_group_list_finalize (GObject *object)
{
  CirclesGroupList *self = (CirclesGroupList *)object;

  g_clear_pointer (&self->network, circles_network_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (circles_group_list_parent_class)->finalize (object);
}

static void
circles_group_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CirclesGroupList *self = CIRCLES_GROUP_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->groups->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_group_list_class_init (CirclesGroupListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = circles_group_list_finalize;
  object_class->get_property = circles_group_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
circles_group_list_init (CirclesGroupList *self)
{
  self->groups = g_ptr_array_new_with_free_func (g_object_unref);
}

CirclesGroupList *
circles_group_list_new (void)
{
  return g_object_new (CIRCLES_TYPE_GROUP_LIST, NULL);
}

/**
 * circles_group_list_get_network:
 *
 * Returns: (nullable) (transfer none): the snapshot of the members
 */
CirclesNetwork *
circles_group_list_get_network (CirclesGroupList *self)
{
  g_return_val_if_fail (CIRCLES_IS_GROUP_LIST (self), NULL);

  return self->network;
}

/* Replaces the groups by @groups (taken) in one items-changed. */
static void
circles_group_list_replace (CirclesGroupList *self,
                            CirclesNetwork   *network,
                            GPtrArray        *groups)
{
  guint removed = self->groups->len;

  g_ptr_array_unref (self->groups);
  self->groups = groups;

  if (self->network != network)
    {
      g_clear_pointer (&self->network, circles_network_unref);
      if (network != NULL)
        self->network = circles_network_ref (network);
    }

  if (removed > 0 || groups->len > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, groups->len);
      if (removed != groups->len)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

void
circles_group_list_clear (CirclesGroupList *self)
{
  g_return_if_fail (CIRCLES_IS_GROUP_LIST (self));

  circles_group_list_replace (self, NULL, g_ptr_array_new_with_free_func (g_object_unref));
}

static void
collect_membership (const char *group,
                    gint64      id,
                    gpointer    user_data)
{
  Collect *collect = user_data;
  GArray *members;
  guint32 person;

  members = g_hash_table_lookup (collect->members, group);
  if (members == NULL)
    {
      members = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_hash_table_insert (collect->members, g_strdup (group), members);
    }

  /* Me is recorded as the one impossible person number. */
  if (id == collect->me)
    person = CIRCLES_NO_PERSON;
  else
    person = circles_network_find_id (collect->network, id);

  if (person == CIRCLES_NO_PERSON && id != collect->me)
    return;

  g_array_append_val (members, person);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  CirclesPersonList *ga = *(CirclesPersonList * const *)a;
  CirclesPersonList *gb = *(CirclesPersonList * const *)b;

  return g_utf8_collate (circles_person_list_get_title (ga),
                         circles_person_list_get_title (gb));
}

typedef struct
{
  CirclesNetwork *network;
  GPtrArray      *groups;  /* of CirclesPersonList, found */
} Load;

static void
load_free (Load *load)
{
  circles_network_unref (load->network);
  g_clear_pointer (&load->groups, g_ptr_array_unref);
  g_free (load);
}

/* In a worker: one pass over the memberships, then the groups me is a
 * member of, each with its other members, closest first. */
static gboolean
read_groups (CirclesStore  *store,
             gpointer       data,
             GError       **error)
{
  Load *load = data;
  CirclesNetwork *network = load->network;
  g_autoptr(GHashTable) members = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint me;
  Collect collect;

  me = circles_network_get_me (network);
  members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify)g_array_unref);
  collect.network = network;
  collect.me = me != CIRCLES_NO_PERSON ? circles_network_get_id (network, me) : 0;
  collect.members = members;

  if (!circles_store_foreach_membership (store, collect_membership, &collect, error))
    return FALSE;

  load->groups = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, members);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *people = value;
      g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (guint32));
      gboolean mine = FALSE;
      CirclesPersonList *group;

      for (guint i = 0; i < people->len; i++)
        {
          guint32 person = g_array_index (people, guint32, i);

          if (person == CIRCLES_NO_PERSON)
            mine = TRUE;
          else
            g_array_append_val (others, person);
        }

      if (!mine || others->len == 0)
        continue;

      circles_person_list_sort_people (network, CIRCLES_PERSON_LIST_GROUP_MEMBERS, others);
      group = circles_person_list_new (key);
      circles_person_list_set_people (group, network,
                                      (const guint32 *)(gpointer)others->data, others->len);
      g_ptr_array_add (load->groups, group);
    }

  g_ptr_array_sort (load->groups, compare_groups);
  return TRUE;
}

static void
read_groups_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CirclesGroupList *self = g_task_get_source_object (task);
  GError *error = NULL;
  Load *load;

  load = circles_worker_store_run_finish (result, &error);
  if (load == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  circles_group_list_replace (self, load->network, g_steal_pointer (&load->groups));
  g_task_return_boolean (task, TRUE);
}

/**
 * circles_group_list_load_async:
 * @session: a session with a loaded network
 *
 * Reads the group memberships in a worker (through the session's worker
 * store) and keeps the groups "me" belongs to in the session's network;
 * a store error leaves the list as it was.
 */
void
circles_group_list_load_async (CirclesGroupList    *self,
                               CirclesSession      *session,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  Load *load;

  g_return_if_fail (CIRCLES_IS_GROUP_LIST (self));
  g_return_if_fail (CIRCLES_IS_SESSION (session));
  g_return_if_fail (circles_session_get_network (session) != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, circles_group_list_load_async);

  load = g_new0 (Load, 1);
  load->network = circles_network_ref (circles_session_get_network (session));
  circles_worker_store_run_async (circles_session_get_worker_store (session), self,
                                  read_groups, load, (GDestroyNotify) load_free,
                                  cancellable, read_groups_cb, task);
}

gboolean
circles_group_list_load_finish (CirclesGroupList  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (CIRCLES_IS_GROUP_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
