/* circles-person-list.c: a list of people of a network, as a GListModel
 *
 * The list holds person numbers only; the CirclesPersonItem of a
 * position is made when a view asks for it, and the last few are kept,
 * so a ring of 100,000 people costs 400 kB and no object per person.
 *
 * A list can select and sort its people itself (a ring, the followers,
 * ...): that runs in a worker thread, the network being immutable, and
 * the new content replaces the old in a single items-changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-person-list"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "circles-person-item.h"
#include "circles-person-list.h"

#define N_CACHED 32

typedef struct
{
  guint              position;
  CirclesPersonItem *item;
} CachedItem;

struct _CirclesPersonList
{
  GObject         parent_instance;

  char           *title;
  CirclesNetwork *network;
  GArray         *people;        /* of guint32 */
  GCancellable   *cancellable;   /* of the load in progress */
  CachedItem      cache[N_CACHED];
};

static void circles_person_list_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CirclesPersonList, circles_person_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      circles_person_list_iface_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  CirclesNetwork        *network;
  CirclesPersonListKind  kind;
} LoadRequest;

static void
load_request_free (gpointer data)
{
  LoadRequest *request = data;

  circles_network_unref (request->network);
  g_free (request);
}

static GType
circles_person_list_get_item_type (GListModel *model)
{
  return CIRCLES_TYPE_PERSON_ITEM;
}

static guint
circles_person_list_get_n_items (GListModel *model)
{
  CirclesPersonList *self = CIRCLES_PERSON_LIST (model);

  return self->people->len;
}

static gpointer
circles_person_list_get_item (GListModel *model,
                              guint       position)
{
  CirclesPersonList *self = CIRCLES_PERSON_LIST (model);
  CachedItem *cached;

  if (position >= self->people->len)
    return NULL;

  cached = &self->cache[position % N_CACHED];
  if (cached->item == NULL || cached->position != position)
    {
      g_clear_object (&cached->item);
      cached->position = position;
      cached->item = circles_person_item_new (self->network,
                                              g_array_index (self->people, guint32, position));
    }

  return g_object_ref (cached->item);
}

static void
circles_person_list_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = circles_person_list_get_item_type;
  iface->get_n_items = circles_person_list_get_n_items;
  iface->get_item = circles_person_list_get_item;
}

static void
clear_cache (CirclesPersonList *self)
{
  for (guint i = 0; i < N_CACHED; i++)
    g_clear_object (&self->cache[i].item);
}

/* Replaces the content by @people (taken) in one items-changed. */
static void
circles_person_list_replace (CirclesPersonList *self,
                             CirclesNetwork    *network,
                             GArray            *people)
{
  guint removed = self->people->len;

  clear_cache (self);
  g_array_unref (self->people);
  self->people = people;

  if (self->network != network)
    {
      g_clear_pointer (&self->network, circles_network_unref);
      if (network != NULL)
        self->network = circles_network_ref (network);
    }

  if (removed > 0 || people->len > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, people->len);
      if (removed != people->len)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

static void
circles_person_list_set_cancellable (CirclesPersonList *self,
                                     GCancellable      *cancellable)
{
  gboolean was_loading = self->cancellable != NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, cancellable);

  if (was_loading != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
circles_person_list_dispose (GObject *object)
{
  CirclesPersonList *self = (CirclesPersonList *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_cache (self);

  G_OBJECT_CLASS (circles_person_list_parent_class)->dispose (object);
}

static void
circles_person_list_finalize (GObject *object)
{
  CirclesPersonList *self = (CirclesPersonList *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->network, circles_network_unref);
  g_clear_pointer (&self->people, g_array_unref);

  G_OBJECT_CLASS (circles_person_list_parent_class)->finalize (object);
}

static void
circles_person_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CirclesPersonList *self = CIRCLES_PERSON_LIST (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->people->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_person_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CirclesPersonList *self = CIRCLES_PERSON_LIST (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_person_list_class_init (CirclesPersonListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = circles_person_list_dispose;
  object_class->finalize = circles_person_list_finalize;
  object_class->get_property = circles_person_list_get_property;
  object_class->set_property = circles_person_list_set_property;

  /* What the list is, for display: a group's name for instance. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* TRUE while a worker thread selects the people. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
circles_person_list_init (CirclesPersonList *self)
{
  self->people = g_array_new (FALSE, FALSE, sizeof (guint32));
}

/**
 * circles_person_list_new:
 * @title: (nullable): what the list is, for display
 *
 * Returns: (transfer full): a new empty list
 */
CirclesPersonList *
circles_person_list_new (const char *title)
{
  return g_object_new (CIRCLES_TYPE_PERSON_LIST,
                       "title", title,
                       NULL);
}

const char *
circles_person_list_get_title (CirclesPersonList *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_LIST (self), NULL);

  return self->title;
}

/**
 * circles_person_list_get_network:
 *
 * Returns: (nullable) (transfer none): the snapshot the people belong to
 */
CirclesNetwork *
circles_person_list_get_network (CirclesPersonList *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_LIST (self), NULL);

  return self->network;
}

gboolean
circles_person_list_get_loading (CirclesPersonList *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_LIST (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * circles_person_list_get_person:
 *
 * Returns: the person at @position, without making an item, or
 * %CIRCLES_NO_PERSON past the end.
 */
guint
circles_person_list_get_person (CirclesPersonList *self,
                                guint              position)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_LIST (self), CIRCLES_NO_PERSON);

  if (position >= self->people->len)
    return CIRCLES_NO_PERSON;

  return g_array_index (self->people, guint32, position);
}

/**
 * circles_person_list_find:
 *
 * Returns: the position of @person, or %G_MAXUINT when it is not in the
 * list. A linear scan: well under a millisecond for 100,000 people.
 */
guint
circles_person_list_find (CirclesPersonList *self,
                          guint              person)
{
  const guint32 *people;

  g_return_val_if_fail (CIRCLES_IS_PERSON_LIST (self), G_MAXUINT);

  if (person == CIRCLES_NO_PERSON)
    return G_MAXUINT;

  people = (const guint32 *)(gpointer)self->people->data;
  for (guint i = 0; i < self->people->len; i++)
    if (people[i] == person)
      return i;

  return G_MAXUINT;
}

/**
 * circles_person_list_set_people:
 * @network: (nullable): the snapshot of @people
 * @people: (array length=n_people): people of @network, in the order to show
 *
 * Replaces the content of the list in one items-changed, cancelling a
 * load in progress.
 */
void
circles_person_list_set_people (CirclesPersonList *self,
                                CirclesNetwork    *network,
                                const guint32     *people,
                                guint              n_people)
{
  GArray *array;

  g_return_if_fail (CIRCLES_IS_PERSON_LIST (self));
  g_return_if_fail (network != NULL || n_people == 0);

  circles_person_list_set_cancellable (self, NULL);

  array = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n_people);
  if (n_people > 0)
    g_array_append_vals (array, people, n_people);
  circles_person_list_replace (self, network, array);
}

void
circles_person_list_clear (CirclesPersonList *self)
{
  g_return_if_fail (CIRCLES_IS_PERSON_LIST (self));

  circles_person_list_set_people (self, NULL, NULL, 0);
}

/* {{{ Selecting and sorting */

typedef struct
{
  guint32  person;
  guint32  rank;     /* smaller first */
  char    *collate;  /* the name's collation key */
} SortEntry;

static int
compare_entries (const void *a,
                 const void *b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;
  int c;

  if (ea->rank != eb->rank)
    return ea->rank < eb->rank ? -1 : 1;
  c = strcmp (ea->collate, eb->collate);
  if (c != 0)
    return c;
  return ea->person < eb->person ? -1 : ea->person > eb->person;
}

static gboolean
kind_holds (CirclesNetwork        *network,
            CirclesPersonListKind  kind,
            guint                  person)
{
  switch (kind)
    {
    case CIRCLES_PERSON_LIST_FIRST:
      return circles_network_get_circle (network, person) == CIRCLES_CIRCLE_FIRST;
    case CIRCLES_PERSON_LIST_SECOND:
      return circles_network_get_circle (network, person) == CIRCLES_CIRCLE_SECOND;
    case CIRCLES_PERSON_LIST_THIRD:
      return circles_network_get_circle (network, person) == CIRCLES_CIRCLE_THIRD;
    case CIRCLES_PERSON_LIST_FOLLOWERS:
      return (circles_network_get_flags (network, person) & CIRCLES_FLAG_FOLLOWER) != 0;
    case CIRCLES_PERSON_LIST_GROUP_MEMBERS:
      return (circles_network_get_flags (network, person) & CIRCLES_FLAG_GROUP_MEMBER) != 0;
    case CIRCLES_PERSON_LIST_OUT_OF_NETWORK:
      return circles_network_get_circle (network, person) == CIRCLES_CIRCLE_OUT_OF_NETWORK;
    default:
      g_assert_not_reached ();
    }
}

/**
 * circles_person_list_sort_people:
 * @people: (element-type guint32): people of @network
 *
 * Sorts @people in the order of @kind: by degree then name for
 * followers and group members; by number of chains (warmest targets
 * first) then name for the 2nd and 3rd degree; by name otherwise.
 * Names compare by the locale's collation. Thread safe.
 */
void
circles_person_list_sort_people (CirclesNetwork        *network,
                                 CirclesPersonListKind  kind,
                                 GArray                *people)
{
  SortEntry *entries;

  g_return_if_fail (network != NULL);
  g_return_if_fail (people != NULL);

  if (people->len < 2)
    return;

  entries = g_new (SortEntry, people->len);
  for (guint i = 0; i < people->len; i++)
    {
      guint32 person = g_array_index (people, guint32, i);
      const char *name = circles_network_get_name (network, person);
      guint64 chains;

      entries[i].person = person;
      entries[i].collate = g_utf8_collate_key (name != NULL ? name : "", -1);

      switch (kind)
        {
        case CIRCLES_PERSON_LIST_SECOND:
        case CIRCLES_PERSON_LIST_THIRD:
          chains = circles_network_count_chains (network, person);
          entries[i].rank = G_MAXUINT32 - (guint32)MIN (chains, G_MAXUINT32);
          break;

        case CIRCLES_PERSON_LIST_FOLLOWERS:
        case CIRCLES_PERSON_LIST_GROUP_MEMBERS:
          entries[i].rank = circles_network_get_degree (network, person);
          break;

        case CIRCLES_PERSON_LIST_FIRST:
        case CIRCLES_PERSON_LIST_OUT_OF_NETWORK:
        default:
          entries[i].rank = 0;
          break;
        }
    }

  qsort (entries, people->len, sizeof (SortEntry), compare_entries);

  for (guint i = 0; i < people->len; i++)
    {
      g_array_index (people, guint32, i) = entries[i].person;
      g_free (entries[i].collate);
    }
  g_free (entries);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  CirclesNetwork *network = request->network;
  guint n = circles_network_get_n_people (network);
  guint me = circles_network_get_me (network);
  GArray *people = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint32 person = 0; person < n; person++)
    if (person != me && kind_holds (network, request->kind, person))
      g_array_append_val (people, person);

  if (!g_cancellable_is_cancelled (cancellable))
    circles_person_list_sort_people (network, request->kind, people);

  g_task_return_pointer (task, people, (GDestroyNotify)g_array_unref);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  CirclesPersonList *self = CIRCLES_PERSON_LIST (object);
  LoadRequest *request = g_task_get_task_data (G_TASK (result));
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  GArray *people;

  people = g_task_propagate_pointer (G_TASK (result), NULL);

  /* A later load or set replaced this one. */
  if (g_cancellable_is_cancelled (cancellable) || cancellable != self->cancellable)
    {
      g_clear_pointer (&people, g_array_unref);
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  circles_person_list_set_cancellable (self, NULL);
  circles_person_list_replace (self, request->network, people);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * circles_person_list_load:
 * @network: the snapshot to select people from
 * @kind: who to select and in which order
 *
 * Selects and sorts the people of @kind in a worker thread, then
 * replaces the content of the list with them in one items-changed;
 * "loading" is %TRUE meanwhile. The list keeps its old content until
 * then. A later load or set cancels this one.
 */
void
circles_person_list_load (CirclesPersonList     *self,
                          CirclesNetwork        *network,
                          CirclesPersonListKind  kind)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GTask) task = NULL;
  LoadRequest *request;

  g_return_if_fail (CIRCLES_IS_PERSON_LIST (self));
  g_return_if_fail (network != NULL);

  cancellable = g_cancellable_new ();
  circles_person_list_set_cancellable (self, cancellable);

  request = g_new0 (LoadRequest, 1);
  request->network = circles_network_ref (network);
  request->kind = kind;

  task = g_task_new (self, cancellable, load_cb, NULL);
  g_task_set_source_tag (task, circles_person_list_load);
  g_task_set_task_data (task, request, load_request_free);
  /* Cancellation is checked by load_cb: the array is always returned. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_thread);
}

/* }}} */
