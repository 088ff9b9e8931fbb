/* circles-key-table.c: person keys to ids, for the length of an import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import looks up both ends of every edge: millions of lookups in a
 * table of up to millions of keys, each one a cache miss or more. A
 * GHashTable touches four places per lookup (the hashes, the keys, the
 * key's text, the values); this table keeps the hash, the length, the
 * id and the text itself (up to 16 bytes; a pointer to it otherwise)
 * in a slot of 32 bytes, so that a lookup of a short key reads one
 * cache line. Open addressing, linear probing, at most 5/8 full, in
 * huge pages where the system has them (fewer TLB misses). Every key is
 * also copied into a GStringChunk, where it stays while the table
 * grows. No removal.
 */
#include "config.h"

#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#include "circles-key-table.h"

#define INLINE_KEY 16

typedef struct
{
  guint32     hash;
  guint32     len;
  gint64      id;      /* 0: an empty slot */
  union
  {
    char        text[INLINE_KEY];  /* len <= INLINE_KEY */
    const char *key;               /* longer: the copy in the chunk */
  };
} Slot;

G_STATIC_ASSERT (sizeof (Slot) == 32);

struct _CirclesKeyTable
{
  Slot         *slots;  /* g_aligned_alloc0() */
  gsize         mask;   /* number of slots - 1, or 0 before the first insert */
  guint         n_keys;
  GStringChunk *text;
};

#define MIN_SLOTS  1024
#define TEXT_CHUNK (256 * 1024)
#define HUGE_PAGE  (2 * 1024 * 1024)

/* FNV-1a, then a finalizer so that similar keys spread over the slots. */
static inline guint32
hash_key (const char *key,
          gsize      *len)
{
  guint64 h = 0xcbf29ce484222325ull;
  const guchar *p = (const guchar *) key;

  for (; *p != '\0'; p++)
    h = (h ^ *p) * 0x100000001b3ull;
  *len = p - (const guchar *) key;

  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return (guint32) h;
}

CirclesKeyTable *
circles_key_table_new (void)
{
  return g_new0 (CirclesKeyTable, 1);
}

void
circles_key_table_clear (CirclesKeyTable *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->slots, g_aligned_free);
  g_clear_pointer (&self->text, g_string_chunk_free);
  self->mask = 0;
  self->n_keys = 0;
}

void
circles_key_table_free (CirclesKeyTable *self)
{
  if (self == NULL)
    return;
  circles_key_table_clear (self);
  g_free (self);
}

guint
circles_key_table_size (CirclesKeyTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_keys;
}

/* The slot of @key, or the empty slot where it would go. */
static inline Slot *
find_slot (CirclesKeyTable *self,
           const char      *key,
           gsize            len,
           guint32          hash)
{
  gsize i = hash & self->mask;

  for (;;)
    {
      Slot *slot = &self->slots[i];

      if (slot->id == 0)
        return slot;
      if (slot->hash == hash && slot->len == len &&
          memcmp (len <= INLINE_KEY ? slot->text : slot->key, key, len) == 0)
        return slot;
      i = (i + 1) & self->mask;
    }
}

gint64
circles_key_table_lookup (CirclesKeyTable *self,
                          const char      *key)
{
  guint32 hash;
  gsize len;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (key != NULL, 0);

  if (self->n_keys == 0)
    return 0;
  hash = hash_key (key, &len);
  return find_slot (self, key, len, hash)->id;
}

void
circles_key_table_prefetch (CirclesKeyTable *self,
                            const char      *key)
{
  gsize len;
  guint32 hash;

  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  if (self->n_keys == 0)
    return;
  hash = hash_key (key, &len);
#if defined (__GNUC__)
  __builtin_prefetch (&self->slots[hash & self->mask]);
#endif
}

static void
grow (CirclesKeyTable *self)
{
  Slot *old = self->slots;
  gsize old_size = old != NULL ? self->mask + 1 : 0;
  gsize size = MAX (MIN_SLOTS, 2 * old_size);
  gsize bytes = size * sizeof (Slot);

  /* Slots never straddle cache lines; big tables start on a huge page,
   * asked for before the memory is first touched. */
  self->slots = g_aligned_alloc (size, sizeof (Slot), bytes >= HUGE_PAGE ? HUGE_PAGE : 64);
#if defined (__linux__) && defined (MADV_HUGEPAGE)
  if (bytes >= HUGE_PAGE)
    madvise (self->slots, bytes, MADV_HUGEPAGE);
#endif
  memset (self->slots, 0, bytes);
  self->mask = size - 1;
  for (gsize i = 0; i < old_size; i++)
    if (old[i].id != 0)
      {
        gsize j = old[i].hash & self->mask;

        while (self->slots[j].id != 0)
          j = (j + 1) & self->mask;
        self->slots[j] = old[i];
      }
  g_aligned_free (old);
}

const char *
circles_key_table_insert (CirclesKeyTable *self,
                          const char      *key,
                          gint64           id)
{
  const char *copy;
  Slot *slot;
  guint32 hash;
  gsize len;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (id > 0, NULL);

  if (self->slots == NULL || (gsize) (self->n_keys + 1) * 8 > (self->mask + 1) * 5)
    grow (self);
  if (self->text == NULL)
    self->text = g_string_chunk_new (TEXT_CHUNK);

  hash = hash_key (key, &len);
  g_return_val_if_fail (len <= G_MAXUINT32, NULL);
  slot = find_slot (self, key, len, hash);
  g_return_val_if_fail (slot->id == 0, NULL);

  copy = g_string_chunk_insert_len (self->text, key, len);
  if (len <= INLINE_KEY)
    memcpy (slot->text, key, len);
  else
    slot->key = copy;
  slot->id = id;
  slot->hash = hash;
  slot->len = len;
  self->n_keys++;
  return copy;
}
