/* circles-session.c: one open network database, as the windows see it
 *
 * A session owns the store of one database file and the snapshot of
 * its network. Opening the file and building the snapshot run in worker
 * threads; the session tells what it is doing through its "state" and
 * "busy" properties, and "network" changes once a snapshot is loaded.
 * Widgets observe it; they never touch the store themselves. Rating a
 * connection writes in a worker too, then reloads the network quietly:
 * the state stays ready and the selected person stays selected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-session"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "circles-demo.h"
#include "circles-export.h"
#include "circles-layout.h"
#include "circles-paths.h"
#include "circles-selection.h"
#include "circles-session.h"
#include "circles-worker-store.h"

struct _CirclesSession
{
  GObject              parent_instance;

  char                *path;
  char                *title;
  CirclesStore        *store;     /* the main thread's, and its workers' while busy */
  CirclesWorkerStore  *worker_store; /* the models' workers' */
  CirclesNetwork      *network;
  CirclesScene        *scene;     /* the ring diagram of network */
  GError              *error;
  CirclesSessionState  state;
  CirclesSessionStage  stage;     /* of the load under way */
  guint                selected;  /* a person of the network, or CIRCLES_NO_PERSON */
  guint32              chain[CIRCLES_MAX_DEGREE + 1]; /* the chosen one, me first */
  guint                chain_length;                  /* 0: none chosen */
  CirclesSelection    *selection; /* of selected, once its chains are found */
  GCancellable        *selecting; /* while they are found in a worker */
  guint                selection_worker_links;
  double               progress;  /* of the running import, or -1 */
  guint                busy : 1;
  guint                quiet_load : 1; /* the running load keeps the state
                                        * and the selection (a rating) */
};

G_DEFINE_FINAL_TYPE (CirclesSession, circles_session, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CirclesSessionStage, circles_session_stage,
  G_DEFINE_ENUM_VALUE (CIRCLES_SESSION_STAGE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (CIRCLES_SESSION_STAGE_OPENING, "opening"),
  G_DEFINE_ENUM_VALUE (CIRCLES_SESSION_STAGE_READING, "reading"),
  G_DEFINE_ENUM_VALUE (CIRCLES_SESSION_STAGE_PLACING, "placing"))

G_DEFINE_ENUM_TYPE (CirclesSessionState, circles_session_state,
  G_DEFINE_ENUM_VALUE (CIRCLES_SESSION_STATE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (CIRCLES_SESSION_STATE_LOADING, "loading"),
  G_DEFINE_ENUM_VALUE (CIRCLES_SESSION_STATE_GENERATING, "generating"),
  G_DEFINE_ENUM_VALUE (CIRCLES_SESSION_STATE_READY, "ready"),
  G_DEFINE_ENUM_VALUE (CIRCLES_SESSION_STATE_EMPTY, "empty"),
  G_DEFINE_ENUM_VALUE (CIRCLES_SESSION_STATE_FAILED, "failed"))

enum {
  PROP_0,
  PROP_PATH,
  PROP_TITLE,
  PROP_STATE,
  PROP_BUSY,
  PROP_NETWORK,
  PROP_SCENE,
  PROP_SELECTED,
  PROP_CHAIN,
  PROP_SELECTION,
  PROP_SELECTION_WORKER_LINKS,
  PROP_PROGRESS,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  guint   n_people;
  guint64 seed;
} DemoRequest;

static void
circles_session_set_state (CirclesSession      *self,
                           CirclesSessionState  state)
{
  if (self->state == state)
    return;

  g_debug ("%s: state %d -> %d", self->path, self->state, state);
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
circles_session_set_stage (CirclesSession      *self,
                           CirclesSessionStage  stage)
{
  if (self->stage == stage)
    return;
  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

static void
circles_session_set_busy (CirclesSession *self,
                          gboolean        busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  if (!busy)
    circles_session_set_stage (self, CIRCLES_SESSION_STAGE_NONE);
}

static void circles_session_find_selection (CirclesSession *self);

/* The network and its scene change together: a view never sees a
 * scene of another snapshot. */
static void
circles_session_set_network (CirclesSession *self,
                             CirclesNetwork *network,
                             CirclesScene   *scene)
{
  g_autofree char *selected_key = NULL;
  guint selected = CIRCLES_NO_PERSON;
  gboolean keep_selection = self->quiet_load;

  /* Every load ends here, however it ends. */
  self->quiet_load = FALSE;

  if (self->network == network && self->scene == scene)
    return;

  if (keep_selection && self->network != NULL && self->selected != CIRCLES_NO_PERSON)
    selected_key = g_strdup (circles_network_get_key (self->network, self->selected));

  g_clear_pointer (&self->network, circles_network_unref);
  g_clear_pointer (&self->scene, circles_scene_unref);
  if (network != NULL)
    self->network = circles_network_ref (network);
  if (scene != NULL)
    self->scene = circles_scene_ref (scene);

  /* Person numbers belong to one snapshot: a new one starts unselected,
   * unless the load keeps the selection; then the same person, found
   * by key, stays selected. */
  if (selected_key != NULL && self->network != NULL)
    selected = circles_network_lookup (self->network, selected_key);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->selected != selected)
    {
      self->selected = selected;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  /* and the chains of a new snapshot may come in another order. */
  circles_session_set_chain (self, NULL, 0);
  circles_session_find_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENE]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
circles_session_set_store (CirclesSession *self,
                           CirclesStore   *store)
{
  g_set_object (&self->store, store);
}

/* Ends @task (whose source is the session) with @error, showing it. */
static void
circles_session_fail (CirclesSession *self,
                      GTask          *task,
                      GError         *error)
{
  g_clear_error (&self->error);
  self->error = g_error_copy (error);
  circles_session_set_network (self, NULL, NULL);
  circles_session_set_busy (self, FALSE);
  circles_session_set_state (self, CIRCLES_SESSION_STATE_FAILED);
  g_task_return_error (task, error);
}

/* Lays the rings out and builds their scene: the work that grows with
 * the network, kept off the main thread. */
static void
circles_session_scene_thread (GTask        *task,
                              gpointer      source_object,
                              gpointer      task_data,
                              GCancellable *cancellable)
{
  CirclesNetwork *network = task_data;
  g_autoptr(CirclesLayout) layout = NULL;
  GError *error = NULL;

  layout = circles_layout_new_rings (network, CIRCLES_LAYOUT_ENGINE_AUTO,
                                     cancellable, &error);
  if (layout == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, circles_scene_new (network, layout),
                         (GDestroyNotify) circles_scene_unref);
}

static void
circles_session_scene_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CirclesSession *self = g_task_get_source_object (task);
  CirclesNetwork *network = g_task_get_task_data (G_TASK (result));
  g_autoptr(CirclesScene) scene = NULL;
  GError *error = NULL;

  scene = g_task_propagate_pointer (G_TASK (result), &error);
  if (scene == NULL)
    {
      circles_session_fail (self, task, error);
      return;
    }

  circles_session_set_network (self, network, scene);
  circles_session_set_busy (self, FALSE);
  circles_session_set_state (self, CIRCLES_SESSION_STATE_READY);
  g_task_return_boolean (task, TRUE);
}

static void
circles_session_network_loaded_cb (GObject      *object,
                                   GAsyncResult *result,
                                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CirclesSession *self = g_task_get_source_object (task);
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) scene_task = NULL;
  GCancellable *cancellable;
  const CirclesCounts *counts;

  network = circles_network_load_finish (result, &error);

  if (network == NULL)
    {
      if (g_error_matches (error, CIRCLES_NETWORK_ERROR, CIRCLES_NETWORK_ERROR_NO_ME))
        {
          circles_session_set_network (self, NULL, NULL);
          circles_session_set_busy (self, FALSE);
          circles_session_set_state (self, CIRCLES_SESSION_STATE_EMPTY);
          g_task_return_boolean (task, TRUE);
        }
      else
        circles_session_fail (self, task, g_steal_pointer (&error));
      return;
    }

  counts = circles_network_get_counts (network);
  if (counts->people == 0)
    {
      circles_session_set_network (self, network, NULL);
      circles_session_set_busy (self, FALSE);
      circles_session_set_state (self, CIRCLES_SESSION_STATE_EMPTY);
      g_task_return_boolean (task, TRUE);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  circles_session_set_stage (self, CIRCLES_SESSION_STAGE_PLACING);
  scene_task = g_task_new (self, cancellable, circles_session_scene_cb, g_steal_pointer (&task));
  g_task_set_source_tag (scene_task, circles_session_scene_thread);
  g_task_set_task_data (scene_task, g_steal_pointer (&network),
                        (GDestroyNotify) circles_network_unref);
  g_task_run_in_thread (scene_task, circles_session_scene_thread);
}

/* The store is open: build the snapshot, unless nobody is me. */
static void
circles_session_load_network (CirclesSession *self,
                              GTask          *task)
{
  g_assert (self->store != NULL);

  if (!self->quiet_load)
    circles_session_set_state (self, CIRCLES_SESSION_STATE_LOADING);

  if (circles_store_get_me (self->store) <= 0)
    {
      circles_session_set_network (self, NULL, NULL);
      circles_session_set_busy (self, FALSE);
      circles_session_set_state (self, CIRCLES_SESSION_STATE_EMPTY);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  circles_session_set_stage (self, CIRCLES_SESSION_STAGE_READING);
  circles_network_load_async (self->store,
                              g_task_get_cancellable (task),
                              circles_session_network_loaded_cb,
                              task);
}

static void
circles_session_open_thread (GTask        *task,
                             gpointer      source_object,
                             gpointer      task_data,
                             GCancellable *cancellable)
{
  const char *path = task_data;
  CirclesStore *store;
  GError *error = NULL;

  store = circles_store_open (path, &error);
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
circles_session_opened_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  CirclesSession *self = CIRCLES_SESSION (object);
  GTask *task = user_data;
  g_autoptr(CirclesStore) store = NULL;
  GError *error = NULL;

  store = g_task_propagate_pointer (G_TASK (result), &error);
  if (store == NULL)
    {
      circles_session_fail (self, task, error);
      g_object_unref (task);
      return;
    }

  circles_session_set_store (self, store);
  circles_session_load_network (self, task);
}

/* Opens the store if needed, then loads the network; ends @task. With
 * quiet_load set, the state stays as it is (ready) while the new
 * snapshot is built, and the selected person stays selected. */
static void
circles_session_start_load (CirclesSession *self,
                            GTask          *task)
{
  g_autoptr(GTask) open_task = NULL;

  circles_session_set_busy (self, TRUE);
  circles_session_set_stage (self, CIRCLES_SESSION_STAGE_OPENING);
  /* A quiet load keeps the network on screen until the new one is
   * there. */
  if (!self->quiet_load)
    circles_session_set_state (self, CIRCLES_SESSION_STATE_LOADING);
  g_clear_error (&self->error);

  if (self->store != NULL)
    {
      circles_session_load_network (self, task);
      return;
    }

  open_task = g_task_new (self, g_task_get_cancellable (task),
                          circles_session_opened_cb, task);
  g_task_set_source_tag (open_task, circles_session_start_load);
  g_task_set_task_data (open_task, g_strdup (self->path), g_free);
  g_task_run_in_thread (open_task, circles_session_open_thread);
}

/**
 * circles_session_load_async:
 *
 * Opens the database (on first use) and loads its network in worker
 * threads. The session's state tells how it ended: ready, empty or
 * failed. Fails with %G_IO_ERROR_PENDING while the session is busy.
 */
void
circles_session_load_async (CirclesSession      *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CIRCLES_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, circles_session_load_async);

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The database is busy"));
      g_object_unref (task);
      return;
    }

  circles_session_start_load (self, task);
}

gboolean
circles_session_load_finish (CirclesSession  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == circles_session_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
circles_session_demo_thread (GTask        *task,
                             gpointer      source_object,
                             gpointer      task_data,
                             GCancellable *cancellable)
{
  CirclesSession *self = source_object;
  DemoRequest *request = task_data;
  GError *error = NULL;

  if (circles_demo_generate (self->store, request->n_people, request->seed,
                             cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
circles_session_demo_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  CirclesSession *self = CIRCLES_SESSION (object);
  GTask *task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* The generator writes in one transaction: the database is as it
       * was, so the session is still empty. */
      circles_session_set_busy (self, FALSE);
      circles_session_set_state (self, CIRCLES_SESSION_STATE_EMPTY);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  circles_session_start_load (self, task);
}

/**
 * circles_session_generate_demo_async:
 *
 * Fills the empty database of the session with a demo network in a
 * worker thread, then loads it.
 */
void
circles_session_generate_demo_async (CirclesSession      *self,
                                     guint                n_people,
                                     guint64              seed,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) demo_task = NULL;
  DemoRequest *request;
  GTask *task;

  g_return_if_fail (CIRCLES_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, circles_session_generate_demo_async);

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The database is busy"));
      g_object_unref (task);
      return;
    }

  if (self->state != CIRCLES_SESSION_STATE_EMPTY || self->store == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS,
                               _("A demo network can only fill an empty database"));
      g_object_unref (task);
      return;
    }

  request = g_new0 (DemoRequest, 1);
  request->n_people = CLAMP (n_people, CIRCLES_DEMO_MIN_PEOPLE, CIRCLES_DEMO_MAX_PEOPLE);
  request->seed = seed;

  circles_session_set_busy (self, TRUE);
  circles_session_set_state (self, CIRCLES_SESSION_STATE_GENERATING);

  demo_task = g_task_new (self, cancellable, circles_session_demo_cb, task);
  g_task_set_source_tag (demo_task, circles_session_demo_thread);
  g_task_set_task_data (demo_task, request, g_free);
  g_task_run_in_thread (demo_task, circles_session_demo_thread);
}

gboolean
circles_session_generate_demo_finish (CirclesSession  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == circles_session_generate_demo_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
circles_session_finalize (GObject *object)
{
  CirclesSession *self = (CirclesSession *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->network, circles_network_unref);
  g_clear_pointer (&self->scene, circles_scene_unref);
  g_clear_pointer (&self->selection, circles_selection_unref);
  g_clear_object (&self->selecting);
  g_clear_object (&self->store);
  g_clear_pointer (&self->worker_store, circles_worker_store_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (circles_session_parent_class)->finalize (object);
}

static void
circles_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CirclesSession *self = CIRCLES_SESSION (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_NETWORK:
      g_value_set_pointer (value, self->network);
      break;

    case PROP_SCENE:
      g_value_set_pointer (value, self->scene);
      break;

    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;

    case PROP_CHAIN:
      g_value_set_pointer (value, self->chain_length > 0 ? self->chain : NULL);
      break;

    case PROP_SELECTION:
      g_value_set_pointer (value, self->selection);
      break;

    case PROP_SELECTION_WORKER_LINKS:
      g_value_set_uint (value, self->selection_worker_links);
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;

    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CirclesSession *self = CIRCLES_SESSION (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_assert (self->path == NULL);
      self->path = g_value_dup_string (value);
      self->title = g_filename_display_basename (self->path);
      self->worker_store = circles_worker_store_new (self->path);
      break;

    case PROP_SELECTED:
      circles_session_select (self, g_value_get_uint (value));
      break;

    case PROP_SELECTION_WORKER_LINKS:
      self->selection_worker_links = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_session_class_init (CirclesSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = circles_session_finalize;
  object_class->get_property = circles_session_get_property;
  object_class->set_property = circles_session_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       CIRCLES_TYPE_SESSION_STATE,
                       CIRCLES_SESSION_STATE_NONE,
                       (G_PARAM_READABLE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* A CirclesNetwork, owned by the session. */
  properties[PROP_NETWORK] =
    g_param_spec_pointer ("network", NULL, NULL,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* The CirclesScene of the ring diagram of "network", owned by the
   * session, built in a worker thread; NULL with no network. It changes
   * together with "network". */
  properties[PROP_SCENE] =
    g_param_spec_pointer ("scene", NULL, NULL,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* The person the user is looking at, shared by every view of the
   * session; CIRCLES_NO_PERSON (G_MAXUINT) when nobody is selected. */
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL,
                       0, G_MAXUINT, CIRCLES_NO_PERSON,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* The chain chosen to the selected person (circles_session_get_chain()). */
  properties[PROP_CHAIN] =
    g_param_spec_pointer ("chain", NULL, NULL,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* The CirclesSelection of the selected person: the chains from me to
   * them, the chosen one, the names along them; NULL while nobody is
   * selected or while they are found (circles_session_get_selection()). */
  properties[PROP_SELECTION] =
    g_param_spec_pointer ("selection", NULL, NULL,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* Networks with more connections than this find a selection's chains
   * in a worker thread; smaller ones at once, on the click. */
  properties[PROP_SELECTION_WORKER_LINKS] =
    g_param_spec_uint ("selection-worker-links", NULL, NULL,
                       0, G_MAXUINT, CIRCLES_SESSION_SELECTION_WORKER_LINKS,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* Where the load under way is (circles_session_get_stage()). */
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL,
                       CIRCLES_TYPE_SESSION_STAGE,
                       CIRCLES_SESSION_STAGE_NONE,
                       (G_PARAM_READABLE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* How far the running import is, 0..1; -1 when none runs. */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL,
                         -1.0, 1.0, -1.0,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
circles_session_init (CirclesSession *self)
{
  self->progress = -1.0;
  self->state = CIRCLES_SESSION_STATE_NONE;
  self->selected = CIRCLES_NO_PERSON;
  self->selection_worker_links = CIRCLES_SESSION_SELECTION_WORKER_LINKS;
}

guint
circles_session_get_selected (CirclesSession *self)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), CIRCLES_NO_PERSON);

  return self->selected;
}

/**
 * circles_session_select:
 * @person: a person of the current network, or %CIRCLES_NO_PERSON
 *
 * Selects @person in every view of the session.
 */
void
circles_session_select (CirclesSession *self,
                        guint           person)
{
  g_return_if_fail (CIRCLES_IS_SESSION (self));

  if (self->network == NULL || person >= circles_network_get_n_people (self->network))
    person = CIRCLES_NO_PERSON;
  if (self->selected == person)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->selected = person;
  circles_session_set_chain (self, NULL, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  circles_session_find_selection (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
circles_session_set_selection (CirclesSession   *self,
                               CirclesSelection *selection)
{
  if (self->selection == selection)
    return;

  g_clear_pointer (&self->selection, circles_selection_unref);
  if (selection != NULL)
    {
      self->selection = circles_selection_ref (selection);
      circles_selection_choose (self->selection, self->chain_length > 0 ? self->chain : NULL,
                                self->chain_length);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

typedef struct
{
  CirclesNetwork *network;
  guint           person;
} SelectionRequest;

static void
selection_request_free (SelectionRequest *request)
{
  circles_network_unref (request->network);
  g_free (request);
}

static void
circles_session_selection_thread (GTask        *task,
                                  gpointer      source_object,
                                  gpointer      task_data,
                                  GCancellable *cancellable)
{
  SelectionRequest *request = task_data;

  g_task_return_pointer (task, circles_selection_new (request->network, request->person),
                         (GDestroyNotify) circles_selection_unref);
}

static void
circles_session_selection_found_cb (GObject      *object,
                                    GAsyncResult *result,
                                    gpointer      user_data)
{
  CirclesSession *self = CIRCLES_SESSION (object);
  g_autoptr(CirclesSelection) selection = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Cancelled: another person, or another snapshot, was selected since. */
  if (selection == NULL)
    return;
  g_clear_object (&self->selecting);
  circles_session_set_selection (self, selection);
}

/* Finds the chains to the selected person: at once in a small network,
 * in a worker in a large one (the selection is NULL meanwhile). */
static void
circles_session_find_selection (CirclesSession *self)
{
  g_autoptr(GTask) task = NULL;
  SelectionRequest *request;

  g_cancellable_cancel (self->selecting);
  g_clear_object (&self->selecting);

  if (self->network == NULL || self->selected == CIRCLES_NO_PERSON)
    {
      circles_session_set_selection (self, NULL);
      return;
    }
  if (self->selection != NULL &&
      circles_selection_get_network (self->selection) == self->network &&
      circles_selection_get_person (self->selection) == self->selected)
    return;

  if (circles_network_get_n_connections (self->network) <= self->selection_worker_links)
    {
      g_autoptr(CirclesSelection) selection = circles_selection_new (self->network, self->selected);

      circles_session_set_selection (self, selection);
      return;
    }

  circles_session_set_selection (self, NULL);
  self->selecting = g_cancellable_new ();
  request = g_new0 (SelectionRequest, 1);
  request->network = circles_network_ref (self->network);
  request->person = self->selected;
  task = g_task_new (self, self->selecting, circles_session_selection_found_cb, NULL);
  g_task_set_source_tag (task, circles_session_find_selection);
  g_task_set_task_data (task, request, (GDestroyNotify) selection_request_free);
  g_task_run_in_thread (task, circles_session_selection_thread);
}

/**
 * circles_session_get_selection:
 *
 * Returns: (nullable) (transfer none): the chains to the selected person
 * (the chosen one included), found once per selection; %NULL while
 * nobody is selected or while they are found
 */
CirclesSelection *
circles_session_get_selection (CirclesSession *self)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), NULL);

  return self->selection;
}

/**
 * circles_session_get_chain:
 * @length: (out): the number of people of the chain, 0 when none is chosen
 *
 * Returns: (nullable): the chain from me to the selected person that the
 * user chose (the person pane's introducer), me first; %NULL when none
 * is chosen, and the views show the warmest one
 */
const guint32 *
circles_session_get_chain (CirclesSession *self,
                           guint          *length)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), NULL);
  g_return_val_if_fail (length != NULL, NULL);

  *length = self->chain_length;
  return self->chain_length > 0 ? self->chain : NULL;
}

/**
 * circles_session_set_chain:
 * @people: (nullable) (array length=length): me, …, the selected person
 *
 * Chooses the chain every view of the session highlights. A chain that
 * does not lead from me to the selected person chooses none. Selecting
 * another person, or another snapshot, chooses none again.
 */
void
circles_session_set_chain (CirclesSession *self,
                           const guint32  *people,
                           guint           length)
{
  g_return_if_fail (CIRCLES_IS_SESSION (self));

  if (people == NULL || length < 2 || length > G_N_ELEMENTS (self->chain) ||
      self->network == NULL || self->selected == CIRCLES_NO_PERSON ||
      people[0] != circles_network_get_me (self->network) ||
      people[length - 1] != self->selected)
    length = 0;

  if (length == self->chain_length &&
      (length == 0 || memcmp (people, self->chain, length * sizeof (guint32)) == 0))
    return;

  if (length > 0)
    memcpy (self->chain, people, length * sizeof (guint32));
  self->chain_length = length;
  if (self->selection != NULL)
    circles_selection_choose (self->selection, length > 0 ? self->chain : NULL, length);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHAIN]);
}

CirclesSession *
circles_session_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (CIRCLES_TYPE_SESSION,
                       "path", path,
                       NULL);
}

const char *
circles_session_get_path (CirclesSession *self)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), NULL);

  return self->path;
}

/**
 * circles_session_get_title:
 *
 * Returns: the file name of the database, for display.
 */
const char *
circles_session_get_title (CirclesSession *self)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), NULL);

  return self->title;
}

/**
 * circles_session_get_stage:
 *
 * Returns: the step the load under way is at (opening the database,
 * reading the network, placing the people on the rings), or
 * %CIRCLES_SESSION_STAGE_NONE
 */
CirclesSessionStage
circles_session_get_stage (CirclesSession *self)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), CIRCLES_SESSION_STAGE_NONE);

  return self->stage;
}

CirclesSessionState
circles_session_get_state (CirclesSession *self)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), CIRCLES_SESSION_STATE_NONE);

  return self->state;
}

/**
 * circles_session_get_busy:
 *
 * Returns: %TRUE while a worker thread uses the store.
 */
gboolean
circles_session_get_busy (CirclesSession *self)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), FALSE);

  return self->busy;
}

/**
 * circles_session_get_error:
 *
 * Returns: (nullable): why the session failed, in the failed state.
 */
const GError *
circles_session_get_error (CirclesSession *self)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), NULL);

  return self->error;
}

/**
 * circles_session_get_worker_store:
 *
 * For the models: the database connection their workers read through
 * (see circles-worker-store.c); the session's own store stays its own.
 *
 * Returns: (transfer none): the connection
 */
CirclesWorkerStore *
circles_session_get_worker_store (CirclesSession *self)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), NULL);

  return self->worker_store;
}

/**
 * circles_session_get_network:
 *
 * Returns: (nullable) (transfer none): the loaded network.
 */
CirclesNetwork *
circles_session_get_network (CirclesSession *self)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), NULL);

  return self->network;
}

/**
 * circles_session_get_scene:
 *
 * Returns: (nullable) (transfer none): the ring diagram of the network,
 *   built off the main thread; use it from the main thread only.
 */
CirclesScene *
circles_session_get_scene (CirclesSession *self)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), NULL);

  return self->scene;
}

double
circles_session_get_progress (CirclesSession *self)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), -1.0);

  return self->progress;
}

static void
circles_session_set_progress (CirclesSession *self,
                              double          progress)
{
  if (self->progress == progress)
    return;

  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* Import ----------------------------------------------------------- */

typedef struct
{
  CirclesSession      *session;   /* a reference, released on the main thread */
  char                *db_path;
  char                *path;
  CirclesImportFormat  format;
  char                *owner_key;  /* --owner, or NULL */
  gboolean             refuse_foreign;
  CirclesImportReport  report;
  GMutex               lock;
  double               fraction;  /* under lock: the last one reported */
  guint                progress_source;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_mutex_lock (&request->lock);
  g_clear_handle_id (&request->progress_source, g_source_remove);
  g_mutex_unlock (&request->lock);
  g_mutex_clear (&request->lock);
  g_clear_object (&request->session);
  g_free (request->db_path);
  g_free (request->path);
  g_free (request->owner_key);
  g_free (request);
}

static gboolean
import_progress_idle_cb (gpointer user_data)
{
  ImportRequest *request = user_data;
  double fraction;

  g_mutex_lock (&request->lock);
  fraction = request->fraction;
  request->progress_source = 0;
  g_mutex_unlock (&request->lock);

  circles_session_set_progress (request->session, fraction);
  return G_SOURCE_REMOVE;
}

/* Called in the worker: hands the fraction to the main thread, at most
 * one pending update at a time. */
static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  ImportRequest *request = user_data;

  g_mutex_lock (&request->lock);
  request->fraction = CLAMP (fraction, 0.0, 1.0);
  if (request->progress_source == 0)
    request->progress_source = g_idle_add_full (G_PRIORITY_DEFAULT,
                                                import_progress_idle_cb,
                                                request, NULL);
  g_mutex_unlock (&request->lock);
}

static void
circles_session_import_thread (GTask        *task,
                               gpointer      source_object,
                               gpointer      task_data,
                               GCancellable *cancellable)
{
  ImportRequest *request = task_data;
  g_autoptr(CirclesStore) store = NULL;
  CirclesImportOptions options = {
    .owner_key = request->owner_key,
    .refuse_foreign = request->refuse_foreign,
  };
  GError *error = NULL;

  /* A connection of its own: the session's one stays with the main
   * thread. The import is one transaction: on error or cancellation
   * the database is left as it was. */
  store = circles_store_open (request->db_path, &error);
  if (store == NULL ||
      !circles_import_file_full (store, request->path, request->format, &options,
                                 &request->report, import_progress_cb, request,
                                 cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
circles_session_import_reload_cb (GObject      *object,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* The import is done whatever the reload says: the state tells it. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("Reload after the import: %s", error->message);
  g_clear_error (&error);
  g_task_return_boolean (task, TRUE);
}

static void
circles_session_import_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  CirclesSession *self = CIRCLES_SESSION (object);
  GTask *task = user_data;
  ImportRequest *request = g_task_get_task_data (task);
  GTask *reload;
  GError *error = NULL;

  g_mutex_lock (&request->lock);
  g_clear_handle_id (&request->progress_source, g_source_remove);
  g_mutex_unlock (&request->lock);
  circles_session_set_progress (self, -1.0);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      circles_session_set_busy (self, FALSE);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* The new network replaces the old one. The import is committed:
   * cancelling it now (its Cancel button, a moment late) must not leave
   * the window without a network, so the reload is not cancellable. */
  reload = g_task_new (self, NULL, circles_session_import_reload_cb, task);
  g_task_set_source_tag (reload, circles_session_load_async);
  circles_session_start_load (self, reload);
}

/**
 * circles_session_import_async:
 * @path: the file to read
 * @format: its format, or %CIRCLES_IMPORT_FORMAT_AUTO
 *
 * Imports @path into the database in a worker thread ("progress" tells
 * how far it is; cancel with @cancellable), then reloads the network.
 * The database is left as it was when the import fails.
 */
void
circles_session_import_async (CirclesSession      *self,
                              const char          *path,
                              CirclesImportFormat  format,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  circles_session_import_owned_async (self, path, format, NULL, FALSE,
                                      cancellable, callback, user_data);
}

/**
 * circles_session_import_owned_async:
 * @owner_key: (nullable): whose export @path is ("me" for mine), or %NULL
 * @refuse_foreign: without an owner, refuse a Connections.csv that does
 *   not look like mine (%CIRCLES_IMPORT_ERROR_NOT_MINE): the window then
 *   asks whose it is
 *
 * circles_session_import_async(), for an export of the network that is
 * someone's.
 */
void
circles_session_import_owned_async (CirclesSession      *self,
                                    const char          *path,
                                    CirclesImportFormat  format,
                                    const char          *owner_key,
                                    gboolean             refuse_foreign,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) import_task = NULL;
  ImportRequest *request;
  GTask *task;

  g_return_if_fail (CIRCLES_IS_SESSION (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, circles_session_import_async);
  /* Once the import is committed it is done, whenever it is cancelled:
   * a cancellation in time comes back as the import thread's error. */
  g_task_set_check_cancellable (task, FALSE);

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The database is busy"));
      g_object_unref (task);
      return;
    }

  request = g_new0 (ImportRequest, 1);
  g_mutex_init (&request->lock);
  request->session = g_object_ref (self);
  request->db_path = g_strdup (self->path);
  request->path = g_strdup (path);
  request->format = format;
  request->owner_key = g_strdup (owner_key);
  request->refuse_foreign = refuse_foreign;
  g_task_set_task_data (task, request, (GDestroyNotify) import_request_free);

  circles_session_set_busy (self, TRUE);
  circles_session_set_progress (self, 0.0);

  import_task = g_task_new (self, cancellable, circles_session_import_cb, task);
  g_task_set_source_tag (import_task, circles_session_import_thread);
  g_task_set_task_data (import_task, request, NULL);
  g_task_run_in_thread (import_task, circles_session_import_thread);
}

/**
 * circles_session_import_finish:
 * @report: (out) (optional): what the import added
 */
gboolean
circles_session_import_finish (CirclesSession       *self,
                               GAsyncResult         *result,
                               CirclesImportReport  *report,
                               GError              **error)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == circles_session_import_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  if (report != NULL)
    {
      ImportRequest *request = g_task_get_task_data (G_TASK (result));

      *report = request->report;
    }
  return TRUE;
}

/* Writing --------------------------------------------------------- */

typedef struct
{
  CirclesSessionWriteFunc func;
  gpointer                data;
  GDestroyNotify          destroy;
} WriteRequest;

static void
write_request_free (WriteRequest *request)
{
  if (request->destroy != NULL)
    request->destroy (request->data);
  g_free (request);
}

static void
circles_session_write_thread (GTask        *task,
                              gpointer      source_object,
                              gpointer      task_data,
                              GCancellable *cancellable)
{
  CirclesSession *self = source_object;
  WriteRequest *request = task_data;
  GError *error = NULL;

  /* The session's store is the worker's while the session is busy. */
  if (!request->func (self->store, self->network, request->data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
circles_session_written_reload_cb (GObject      *object,
                                   GAsyncResult *result,
                                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* Written whatever the reload says: the state tells it. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("Reload after writing: %s", error->message);
  g_clear_error (&error);
  g_task_return_boolean (task, TRUE);
}

/* After a write (a rating, an edit): reloads the network keeping the one
 * on screen, and who is selected, until the new one is there; then
 * @task (owned) returns TRUE. Not cancellable: a cancelled load fails
 * the session. */
static void
circles_session_reload_after_write (CirclesSession *self,
                                    GTask          *task)
{
  GTask *reload = g_task_new (self, NULL, circles_session_written_reload_cb, task);

  g_task_set_source_tag (reload, circles_session_load_async);
  self->quiet_load = TRUE;
  circles_session_start_load (self, reload);
}

static void
circles_session_write_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  CirclesSession *self = CIRCLES_SESSION (object);
  GTask *task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      circles_session_set_busy (self, FALSE);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  circles_session_reload_after_write (self, task);
}

/**
 * circles_session_write_async:
 * @func: called in a worker thread with the session's store and network
 * @data: (nullable): for @func, freed with @destroy
 *
 * Writes to the database in a worker, then reloads the network keeping
 * the one on screen and the selection until the new one is there: the
 * way edits by hand, forgetting an import and undoing are made. Fails
 * with %G_IO_ERROR_PENDING while the session is busy and
 * %G_IO_ERROR_NOT_INITIALIZED without a database.
 */
void
circles_session_write_async (CirclesSession          *self,
                             CirclesSessionWriteFunc  func,
                             gpointer                 data,
                             GDestroyNotify           destroy,
                             GAsyncReadyCallback      callback,
                             gpointer                 user_data)
{
  g_autoptr(GTask) write_task = NULL;
  WriteRequest *request;
  GTask *task;

  g_return_if_fail (CIRCLES_IS_SESSION (self));
  g_return_if_fail (func != NULL);

  request = g_new0 (WriteRequest, 1);
  request->func = func;
  request->data = data;
  request->destroy = destroy;

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, circles_session_write_async);

  if (self->busy || self->store == NULL)
    {
      write_request_free (request);
      if (self->busy)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                                 _("The database is busy"));
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                                 _("No network is loaded"));
      g_object_unref (task);
      return;
    }

  circles_session_set_busy (self, TRUE);
  write_task = g_task_new (self, NULL, circles_session_write_cb, task);
  g_task_set_source_tag (write_task, circles_session_write_thread);
  g_task_set_task_data (write_task, request, (GDestroyNotify) write_request_free);
  g_task_run_in_thread (write_task, circles_session_write_thread);
}

gboolean
circles_session_write_finish (CirclesSession  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == circles_session_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Export ----------------------------------------------------------- */

typedef struct
{
  CirclesNetwork      *network;
  CirclesView          view;
  CirclesExportFormat  format;
  char                *path;
  guint8              *emphasis; /* the view's, copied */
  CirclesCounts        emphasis_counts;
  CirclesSelection    *selection; /* the view's, copied */
  CirclesIntroducerView introducer; /* the view's, its links copied */
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  circles_network_unref (request->network);
  g_free (request->path);
  g_free (request->emphasis);
  g_clear_pointer (&request->selection, circles_selection_unref);
  g_free ((gpointer) request->introducer.links);
  g_free (request);
}

static void
circles_session_export_thread (GTask        *task,
                               gpointer      source_object,
                               gpointer      task_data,
                               GCancellable *cancellable)
{
  ExportRequest *request = task_data;
  g_autoptr(CirclesScene) scene = NULL;
  GError *error = NULL;

  /* A scene of its own: a scene is used from one thread at a time, and
   * the same network gives the same layout, so the view still fits. */
  scene = circles_export_build_scene (request->network, NULL, &error);
  if (scene == NULL ||
      !circles_export_scene (scene, request->network, &request->view,
                             request->format, request->path, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * circles_session_export_async:
 * @path: the file to write: .svg, .png or .pdf
 * @view: (nullable): what is shown (zoom, offset, size, selection, who
 *   stands out); NULL for the whole diagram at the default size
 *
 * Writes the ring diagram of the network in a worker thread.
 */
void
circles_session_export_async (CirclesSession      *self,
                              const char          *path,
                              const CirclesView   *view,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportRequest *request;
  CirclesExportFormat format;
  GError *error = NULL;

  g_return_if_fail (CIRCLES_IS_SESSION (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, circles_session_export_async);

  if (self->network == NULL || self->scene == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("There is no network to export"));
      return;
    }
  if (!circles_export_format_for_path (path, &format, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  request = g_new0 (ExportRequest, 1);
  request->network = circles_network_ref (self->network);
  request->format = format;
  request->path = g_strdup (path);
  if (view != NULL)
    {
      request->view = *view;
      /* The view's emphasis may change while the worker writes. */
      if (view->emphasis != NULL)
        {
          request->emphasis = g_memdup2 (view->emphasis, circles_network_get_n_people (self->network));
          request->view.emphasis = request->emphasis;
        }
      if (view->emphasis_counts != NULL)
        {
          request->emphasis_counts = *view->emphasis_counts;
          request->view.emphasis_counts = &request->emphasis_counts;
        }
      /* Its chosen chain may change meanwhile too. */
      if (view->selection != NULL)
        request->selection = request->view.selection = circles_selection_copy (view->selection);
      if (view->introducer != NULL)
        {
          request->introducer = *view->introducer;
          request->introducer.links = g_memdup2 (view->introducer->links,
                                                 2 * sizeof (guint32) * view->introducer->n_links);
          request->view.introducer = &request->introducer;
        }
    }
  else
    circles_view_init_fit (&request->view, self->scene,
                           CIRCLES_EXPORT_DEFAULT_WIDTH,
                           CIRCLES_EXPORT_DEFAULT_HEIGHT);
  g_task_set_task_data (task, request, (GDestroyNotify) export_request_free);
  g_task_run_in_thread (task, circles_session_export_thread);
}

gboolean
circles_session_export_finish (CirclesSession  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == circles_session_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Rating ----------------------------------------------------------- */

typedef struct
{
  gint64 me;
  gint64 person;
  int    rating;
} RateRequest;

static void
circles_session_rate_thread (GTask        *task,
                             gpointer      source_object,
                             gpointer      task_data,
                             GCancellable *cancellable)
{
  CirclesSession *self = source_object;
  RateRequest *request = task_data;
  GError *error = NULL;
  int current;

  /* The session's store is the worker's while the session is busy. The
   * database is only written when the rating changes: a commit makes
   * the snapshot stale, and the network would be reloaded for nothing. */
  current = circles_store_get_rating (self->store, request->me, request->person, &error);
  if (current < 0)
    {
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                     _("You are no longer connected with this person"));
      g_task_return_error (task, error);
      return;
    }
  if (current == request->rating)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  if (!circles_store_set_rating (self->store, request->me, request->person,
                                 request->rating, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
circles_session_rate_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  CirclesSession *self = CIRCLES_SESSION (object);
  GTask *task = user_data;
  GError *error = NULL;
  gboolean changed;

  changed = g_task_propagate_boolean (G_TASK (result), &error);
  if (error != NULL || !changed)
    {
      circles_session_set_busy (self, FALSE);
      if (error != NULL)
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  /* The new strength changes the warmest chains. */
  circles_session_reload_after_write (self, task);
}

/**
 * circles_session_rate_async:
 * @person: a 1st-degree connection of me, in the current network
 * @rating: 1..5, or 0 to clear the rating
 * @cancellable: (nullable): cancels the writing, if it has not started;
 *   the reload that follows it is not cancelled
 *
 * Sets my rating of the connection with @person in a worker thread,
 * then, when it changed, reloads the network (the connection's strength
 * is part of the warmth of chains). While the network reloads the state
 * stays ready and the old network stays current; the person selected
 * is selected again in the new one. Fails with %G_IO_ERROR_PENDING
 * while the session is busy, %G_IO_ERROR_NOT_INITIALIZED without a
 * network, %G_IO_ERROR_INVALID_ARGUMENT when @person is not a
 * 1st-degree connection.
 */
void
circles_session_rate_async (CirclesSession      *self,
                            guint                person,
                            int                  rating,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) rate_task = NULL;
  RateRequest *request;
  GTask *task;

  g_return_if_fail (CIRCLES_IS_SESSION (self));
  g_return_if_fail (rating >= 0 && rating <= 5);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, circles_session_rate_async);
  /* Once written, the rating is saved: a later cancellation does not
   * make it an error. */
  g_task_set_check_cancellable (task, FALSE);

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The database is busy"));
      g_object_unref (task);
      return;
    }

  if (self->network == NULL || self->store == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("No network is loaded"));
      g_object_unref (task);
      return;
    }

  if (person >= circles_network_get_n_people (self->network) ||
      circles_network_get_degree (self->network, person) != 1)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Only your 1st-degree connections can be rated"));
      g_object_unref (task);
      return;
    }

  request = g_new0 (RateRequest, 1);
  request->me = circles_network_get_id (self->network, circles_network_get_me (self->network));
  request->person = circles_network_get_id (self->network, person);
  request->rating = rating;

  circles_session_set_busy (self, TRUE);

  rate_task = g_task_new (self, cancellable, circles_session_rate_cb, task);
  g_task_set_source_tag (rate_task, circles_session_rate_thread);
  g_task_set_task_data (rate_task, request, g_free);
  g_task_run_in_thread (rate_task, circles_session_rate_thread);
}

/**
 * circles_session_rate_finish:
 *
 * Returns: %TRUE when the rating is saved (or was already so)
 */
gboolean
circles_session_rate_finish (CirclesSession  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == circles_session_rate_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
