/* circles-worker-store.c: the database connection of the models' workers
 *
 * A session's store belongs to the main thread and to the imports and
 * edits it runs while busy. The models read the rest (group memberships,
 * the imports, what happened between a person and me, the reasons
 * recorded) through a second connection, used by one worker at a time:
 * the database is in WAL mode, so they see the last commit and never
 * wait for an import, and the main thread never waits for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-worker-store"

#include "config.h"

#include "circles-worker-store.h"

struct _CirclesWorkerStore
{
  GMutex          lock;
  char           *path;
  CirclesStore   *store;  /* opened on first need */
  gpointer        cache;
  GDestroyNotify  cache_destroy;
};

typedef struct
{
  CirclesWorkerStore     *worker;
  CirclesWorkerStoreFunc  func;
  gpointer                data;
  GDestroyNotify          destroy;
} Run;

static void
circles_worker_store_clear (CirclesWorkerStore *self)
{
  if (self->cache_destroy != NULL)
    self->cache_destroy (self->cache);
  g_clear_object (&self->store);
  g_free (self->path);
  g_mutex_clear (&self->lock);
}

/**
 * circles_worker_store_new:
 * @path: the database file
 *
 * Returns: (transfer full): a connection to @path, opened when a worker
 * first needs it
 */
CirclesWorkerStore *
circles_worker_store_new (const char *path)
{
  CirclesWorkerStore *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_atomic_rc_box_new0 (CirclesWorkerStore);
  g_mutex_init (&self->lock);
  self->path = g_strdup (path);
  return self;
}

CirclesWorkerStore *
circles_worker_store_ref (CirclesWorkerStore *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
circles_worker_store_unref (CirclesWorkerStore *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) circles_worker_store_clear);
}

void
circles_worker_store_lock (CirclesWorkerStore *self)
{
  g_mutex_lock (&self->lock);
}

void
circles_worker_store_unlock (CirclesWorkerStore *self)
{
  g_mutex_unlock (&self->lock);
}

CirclesStore *
circles_worker_store_get_store (CirclesWorkerStore  *self,
                                GError             **error)
{
  if (self->store == NULL)
    self->store = circles_store_open (self->path, error);
  return self->store;
}

gpointer
circles_worker_store_get_cache (CirclesWorkerStore *self)
{
  return self->cache;
}

void
circles_worker_store_set_cache (CirclesWorkerStore *self,
                                gpointer            cache,
                                GDestroyNotify      destroy)
{
  if (self->cache_destroy != NULL)
    self->cache_destroy (self->cache);
  self->cache = cache;
  self->cache_destroy = destroy;
}

static void
run_free (Run *run)
{
  if (run->destroy != NULL)
    run->destroy (run->data);
  circles_worker_store_unref (run->worker);
  g_free (run);
}

static void
circles_worker_store_run_thread (GTask        *task,
                                 gpointer      source_object,
                                 gpointer      task_data,
                                 GCancellable *cancellable)
{
  Run *run = task_data;
  CirclesStore *store;
  GError *error = NULL;
  gboolean done;

  if (g_task_return_error_if_cancelled (task))
    return;

  circles_worker_store_lock (run->worker);
  store = circles_worker_store_get_store (run->worker, &error);
  done = store != NULL && run->func (store, run->data, &error);
  circles_worker_store_unlock (run->worker);

  if (!done)
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, run->data, NULL);
}

void
circles_worker_store_run_async (CirclesWorkerStore     *self,
                                gpointer                source_object,
                                CirclesWorkerStoreFunc  func,
                                gpointer                data,
                                GDestroyNotify          destroy,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  Run *run;

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);
  g_return_if_fail (data != NULL);

  run = g_new0 (Run, 1);
  run->worker = circles_worker_store_ref (self);
  run->func = func;
  run->data = data;
  run->destroy = destroy;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, circles_worker_store_run_async);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  g_task_run_in_thread (task, circles_worker_store_run_thread);
}

gpointer
circles_worker_store_run_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == circles_worker_store_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
