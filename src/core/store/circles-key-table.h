/* circles-key-table.h: person keys to ids, for the length of an import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CirclesKeyTable CirclesKeyTable;

CirclesKeyTable *circles_key_table_new    (void);
void             circles_key_table_free   (CirclesKeyTable  *self);
/* Forgets every key and gives back the memory. */
void             circles_key_table_clear  (CirclesKeyTable  *self);
guint            circles_key_table_size   (CirclesKeyTable  *self);
/* The id of @key, or 0 when it is not in the table. */
gint64           circles_key_table_lookup (CirclesKeyTable  *self,
                                           const char       *key);
/* Starts loading the slot of @key into the cache: lookups of several
 * keys whose slots are fetched together wait for memory once. */
void             circles_key_table_prefetch (CirclesKeyTable *self,
                                             const char      *key);
/* Adds @key (not in the table yet) with @id > 0. Returns the table's
 * copy of the key, valid until the table is cleared or freed. */
const char      *circles_key_table_insert (CirclesKeyTable  *self,
                                           const char       *key,
                                           gint64            id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirclesKeyTable, circles_key_table_free)

G_END_DECLS
