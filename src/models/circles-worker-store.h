/* circles-worker-store.h: the database connection of the models' workers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "circles-store.h"

G_BEGIN_DECLS

typedef struct _CirclesWorkerStore CirclesWorkerStore;

/* Work done in a worker thread with the connection: reads, and writes
 * of what the network snapshot does not hold. */
typedef gboolean (*CirclesWorkerStoreFunc) (CirclesStore  *store,
                                            gpointer       data,
                                            GError       **error);

CirclesWorkerStore *circles_worker_store_new        (const char             *path);
CirclesWorkerStore *circles_worker_store_ref        (CirclesWorkerStore     *self);
void                circles_worker_store_unref      (CirclesWorkerStore     *self);

/* One thread at a time holds the connection. */
void                circles_worker_store_lock       (CirclesWorkerStore     *self);
void                circles_worker_store_unlock     (CirclesWorkerStore     *self);
/* Locked: the connection, opened on first need. */
CirclesStore       *circles_worker_store_get_store  (CirclesWorkerStore     *self,
                                                     GError                **error);
/* Locked: what its holder keeps beside the connection, freed with it. */
gpointer            circles_worker_store_get_cache  (CirclesWorkerStore     *self);
void                circles_worker_store_set_cache  (CirclesWorkerStore     *self,
                                                     gpointer                cache,
                                                     GDestroyNotify          destroy);

/* Runs @func with the connection in a worker thread; @data (not NULL)
 * holds what it needs and what it finds, freed with @destroy once the
 * result is gone. */
void                circles_worker_store_run_async  (CirclesWorkerStore     *self,
                                                     gpointer                source_object,
                                                     CirclesWorkerStoreFunc  func,
                                                     gpointer                data,
                                                     GDestroyNotify          destroy,
                                                     GCancellable           *cancellable,
                                                     GAsyncReadyCallback     callback,
                                                     gpointer                user_data);
/* Returns: (transfer none): the @data given, valid as long as @result;
 * NULL when @func failed or the work was cancelled. */
gpointer            circles_worker_store_run_finish (GAsyncResult           *result,
                                                     GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirclesWorkerStore, circles_worker_store_unref)

G_END_DECLS
