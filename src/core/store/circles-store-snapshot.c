/* circles-store-snapshot.c: the snapshot file, the network as last read, mapped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a million-person network from SQLite rows takes seconds; from
 * blobs in the database it still copies some 300 MB through SQLite. So the
 * snapshot lives in a file of its own beside the database
 * ("network.db.snapshot"), in its in-memory layout: opening maps it and
 * uses its arrays where they lie.
 *
 * Our own format, because what it holds is our own arrays; the checksum
 * is libxxhash's XXH3. The file is trusted only when its header says it
 * was made from this very database (the identity the schema gives each
 * database), at its current generation and highest person id, when its
 * size is the one the header's counts give, and when both checksums (of
 * the header and of everything after it) match. Anything else (stale,
 * truncated, foreign, another byte order, damaged) is not used: the
 * network is read from the rows again and the file written anew.
 *
 * A file is written whole under a temporary name, then renamed over the
 * old one, so that a reader sees the old file or the new one, never half
 * of one; a file mapped by a running reader stays as it was.
 */
#define G_LOG_DOMAIN "circles-store"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>

#include "circles-store-private.h"

#define SNAPSHOT_MAGIC      "CIRCSNAP"
#define SNAPSHOT_VERSION    1
#define SNAPSHOT_BYTE_ORDER 0x01020304u
#define SNAPSHOT_UUID_SIZE  32

enum
{
  HAS_STRENGTHS = 1 << 0,
  HAS_DAYS      = 1 << 1,
};

typedef struct
{
  char    magic[8];
  guint32 byte_order;
  guint32 version;
  char    uuid[SNAPSHOT_UUID_SIZE];  /* of the database, as hex digits */
  gint64  generation;
  gint64  max_person_id;
  guint32 n_people;
  guint32 flags;
  guint64 n_entries;
  guint64 text_size;
  guint64 payload_size;
  guint64 payload_hash;
  guint64 header_hash;               /* of every byte above */
} SnapshotHeader;

G_STATIC_ASSERT (sizeof (SnapshotHeader) == 112);

/* The arrays, in the file's order. Each starts on 8 bytes. */
typedef enum
{
  SECTION_IDS,
  SECTION_TEXT_OFFSETS,
  SECTION_OFFSETS,
  SECTION_ADJACENCY,
  SECTION_STRENGTHS,
  SECTION_DAYS,
  SECTION_TEXT,
  N_SECTIONS
} Section;

static guint64
align8 (guint64 size)
{
  return (size + 7) & ~(guint64)7;
}

/* The size of each section for these counts (0 for an absent one). */
static void
section_sizes (guint32 n_people,
               guint64 n_entries,
               guint64 text_size,
               guint32 flags,
               guint64 sizes[N_SECTIONS])
{
  sizes[SECTION_IDS] = sizeof (gint64) * (guint64)n_people;
  sizes[SECTION_TEXT_OFFSETS] = sizeof (guint32) * (guint64)CIRCLES_N_TEXTS * n_people;
  sizes[SECTION_OFFSETS] = sizeof (guint32) * ((guint64)n_people + 1);
  sizes[SECTION_ADJACENCY] = sizeof (guint32) * n_entries;
  sizes[SECTION_STRENGTHS] = (flags & HAS_STRENGTHS) ? sizeof (float) * n_entries : 0;
  sizes[SECTION_DAYS] = (flags & HAS_DAYS) ? sizeof (guint16) * n_entries : 0;
  sizes[SECTION_TEXT] = text_size;
}

static guint64
payload_size_of (const guint64 sizes[N_SECTIONS])
{
  guint64 total = 0;

  for (guint i = 0; i < N_SECTIONS; i++)
    total += align8 (sizes[i]);
  return total;
}

char *
circles_store_get_snapshot_path (CirclesStore *self)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), NULL);

  return g_strconcat (self->path, ".snapshot", NULL);
}

/* The database's identity, given by the schema; NULL when it has none. */
static char *
get_uuid (CirclesStore *self)
{
  sqlite3_stmt *stmt;
  char *uuid = NULL;

  stmt = _circles_store_prepare (self, "SELECT value FROM settings WHERE name = 'uuid'", NULL);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) == SNAPSHOT_UUID_SIZE)
    uuid = g_strndup ((const char *)sqlite3_column_text (stmt, 0), SNAPSHOT_UUID_SIZE);
  sqlite3_finalize (stmt);
  return uuid;
}

/* The header this database expects now, counts aside. */
static gboolean
expected_header (CirclesStore   *self,
                 SnapshotHeader *header)
{
  g_autofree char *uuid = get_uuid (self);

  memset (header, 0, sizeof *header);
  if (uuid == NULL)
    return FALSE;
  memcpy (header->magic, SNAPSHOT_MAGIC, sizeof header->magic);
  header->byte_order = SNAPSHOT_BYTE_ORDER;
  header->version = SNAPSHOT_VERSION;
  memcpy (header->uuid, uuid, SNAPSHOT_UUID_SIZE);
  header->generation = circles_store_get_generation (self);
  header->max_person_id = circles_store_max_person_id (self);
  return header->generation >= 0 && header->max_person_id >= 0;
}

void
circles_snapshot_cache_clear (CirclesSnapshotCache *cache)
{
  if (cache->backing != NULL)
    {
      g_clear_pointer (&cache->backing, g_bytes_unref);
      memset (cache, 0, sizeof *cache);
      return;
    }
  g_clear_pointer (&cache->ids, g_free);
  g_clear_pointer (&cache->text_offsets, g_free);
  g_clear_pointer (&cache->text, g_free);
  g_clear_pointer (&cache->offsets, g_free);
  g_clear_pointer (&cache->adjacency, g_free);
  g_clear_pointer (&cache->strengths, g_free);
  g_clear_pointer (&cache->days, g_free);
}

/* Why @data is not the snapshot @expected asks for, or NULL when it is. */
static const char *
check_file (const guint8         *data,
            gsize                 size,
            const SnapshotHeader *expected,
            SnapshotHeader       *header)
{
  guint64 sizes[N_SECTIONS];

  if (size < sizeof *header)
    return "shorter than its header";
  memcpy (header, data, sizeof *header);
  if (memcmp (header->magic, SNAPSHOT_MAGIC, sizeof header->magic) != 0)
    return "not a snapshot";
  if (header->byte_order != SNAPSHOT_BYTE_ORDER || header->version != SNAPSHOT_VERSION)
    return "another version or byte order";
  if (header->header_hash != XXH3_64bits (header, G_STRUCT_OFFSET (SnapshotHeader, header_hash)))
    return "a damaged header";
  if (memcmp (header->uuid, expected->uuid, SNAPSHOT_UUID_SIZE) != 0)
    return "made from another database";
  if (header->generation != expected->generation ||
      header->max_person_id != expected->max_person_id)
    return "stale";
  if (header->n_people == G_MAXUINT32 || header->n_entries > G_MAXUINT32 ||
      header->text_size == 0 || header->text_size > G_MAXUINT32)
    return "impossible counts";
  section_sizes (header->n_people, header->n_entries, header->text_size, header->flags, sizes);
  if (header->payload_size != payload_size_of (sizes) ||
      size - sizeof *header != header->payload_size)
    return "truncated or too long";
  if (header->payload_hash != XXH3_64bits (data + sizeof *header, header->payload_size))
    return "damaged";
  return NULL;
}

/**
 * circles_store_read_snapshot_cache:
 *
 * Maps the snapshot file when it was made from the database as it is
 * now, and points @cache's arrays into it (@cache->backing holds the
 * mapping). Call within a read transaction.
 *
 * Returns: FALSE when there is no file to trust; @cache is then empty.
 */
gboolean
circles_store_read_snapshot_cache (CirclesStore         *self,
                                   CirclesSnapshotCache *cache)
{
  g_autofree char *path = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) error = NULL;
  SnapshotHeader expected, header;
  guint64 sizes[N_SECTIONS];
  gpointer sections[N_SECTIONS];
  const guint8 *data, *at;
  const char *why;
  gsize size;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (cache != NULL, FALSE);

  memset (cache, 0, sizeof *cache);
  if (!expected_header (self, &expected))
    return FALSE;

  path = circles_store_get_snapshot_path (self);
  mapped = g_mapped_file_new (path, FALSE, &error);
  if (mapped == NULL)
    {
      g_debug ("No snapshot file: %s", error->message);
      return FALSE;
    }
  data = (const guint8 *)g_mapped_file_get_contents (mapped);
  size = g_mapped_file_get_length (mapped);
  why = check_file (data, size, &expected, &header);
  if (why != NULL)
    {
      g_debug ("Snapshot file %s not used: %s", path, why);
      return FALSE;
    }

  section_sizes (header.n_people, header.n_entries, header.text_size, header.flags, sizes);
  at = data + sizeof header;
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      sections[i] = sizes[i] > 0 ? (gpointer)at : NULL;
      at += align8 (sizes[i]);
    }

  cache->generation = header.generation;
  cache->n_people = header.n_people;
  cache->n_entries = header.n_entries;
  cache->text_size = header.text_size;
  cache->ids = sections[SECTION_IDS];
  cache->text_offsets = sections[SECTION_TEXT_OFFSETS];
  cache->offsets = sections[SECTION_OFFSETS];
  cache->adjacency = sections[SECTION_ADJACENCY];
  cache->strengths = sections[SECTION_STRENGTHS];
  cache->days = sections[SECTION_DAYS];
  cache->text = sections[SECTION_TEXT];

  if (cache->text[cache->text_size - 1] != '\0' ||
      cache->offsets[cache->n_people] != cache->n_entries)
    {
      g_debug ("Snapshot file %s not used: inconsistent", path);
      memset (cache, 0, sizeof *cache);
      return FALSE;
    }

  cache->backing = g_mapped_file_get_bytes (mapped);
  g_debug ("Mapped the snapshot file of generation %" G_GINT64_FORMAT, header.generation);
  return TRUE;
}

static gboolean
write_bytes (int           fd,
             gconstpointer data,
             guint64       size)
{
  const guint8 *at = data;
  guint64 left = size;

  while (left > 0)
    {
      gssize written = write (fd, at, MIN (left, (guint64)G_MAXINT32));

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return FALSE;
      at += written;
      left -= written;
    }
  return TRUE;
}

/* Writes a section and its padding to the next one, hashed. */
static gboolean
write_section (int           fd,
               gconstpointer data,
               guint64       size,
               XXH3_state_t *hash)
{
  static const guint8 zeros[8] = { 0 };
  guint64 padding = align8 (size) - size;

  if (size > 0)
    XXH3_64bits_update (hash, data, size);
  if (padding > 0)
    XXH3_64bits_update (hash, zeros, padding);
  return write_bytes (fd, data, size) && write_bytes (fd, zeros, padding);
}

/**
 * circles_store_write_snapshot_cache:
 *
 * Writes @cache beside the database, for the next opening. Best effort:
 * a database changed since @cache->generation keeps its old file (which
 * will not be trusted), and a folder we cannot write to keeps none.
 */
void
circles_store_write_snapshot_cache (CirclesStore               *self,
                                    const CirclesSnapshotCache *cache)
{
  g_autofree char *path = NULL;
  g_autofree char *tmp_path = NULL;
  XXH3_state_t *hash = NULL;
  SnapshotHeader header;
  guint64 sizes[N_SECTIONS];
  gconstpointer sections[N_SECTIONS];
  gboolean ok = TRUE;
  int fd;

  g_return_if_fail (CIRCLES_IS_STORE (self));
  g_return_if_fail (cache != NULL);

  if (!expected_header (self, &header) || header.generation != cache->generation)
    {
      g_debug ("No snapshot file written: the data changed meanwhile");
      return;
    }

  header.n_people = cache->n_people;
  header.flags = (cache->strengths != NULL ? HAS_STRENGTHS : 0) |
                 (cache->days != NULL ? HAS_DAYS : 0);
  header.n_entries = cache->n_entries;
  header.text_size = cache->text_size;
  section_sizes (header.n_people, header.n_entries, header.text_size, header.flags, sizes);
  header.payload_size = payload_size_of (sizes);

  sections[SECTION_IDS] = cache->ids;
  sections[SECTION_TEXT_OFFSETS] = cache->text_offsets;
  sections[SECTION_OFFSETS] = cache->offsets;
  sections[SECTION_ADJACENCY] = cache->adjacency;
  sections[SECTION_STRENGTHS] = cache->strengths;
  sections[SECTION_DAYS] = cache->days;
  sections[SECTION_TEXT] = cache->text;

  path = circles_store_get_snapshot_path (self);
  tmp_path = g_strconcat (path, "-XXXXXX", NULL);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      g_debug ("No snapshot file written: %s", g_strerror (errno));
      return;
    }

  /* The header goes first with its hash unknown, and again at the end. */
  hash = XXH3_createState ();
  XXH3_64bits_reset (hash);
  ok = write_bytes (fd, &header, sizeof header);
  for (guint i = 0; ok && i < N_SECTIONS; i++)
    ok = write_section (fd, sections[i], sizes[i], hash);
  if (ok)
    {
      header.payload_hash = XXH3_64bits_digest (hash);
      header.header_hash = XXH3_64bits (&header, G_STRUCT_OFFSET (SnapshotHeader, header_hash));
      ok = pwrite (fd, &header, sizeof header, 0) == sizeof header;
    }
  XXH3_freeState (hash);
  ok = (g_close (fd, NULL) && ok);
  if (ok && g_rename (tmp_path, path) == 0)
    {
      g_debug ("Wrote the snapshot file of generation %" G_GINT64_FORMAT, header.generation);
      return;
    }

  g_debug ("No snapshot file written: %s", g_strerror (errno));
  g_unlink (tmp_path);
}
