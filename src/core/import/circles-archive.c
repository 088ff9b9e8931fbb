/* circles-archive.c: the data archive, as a zip or as the folder it was unpacked to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The zip is read in place with libarchive, each entry streamed into
 * the CSV reader: nothing is unpacked to disk, and no entry is ever
 * whole in memory. libarchive reads the zip's central directory, so
 * going back to the start for the next file costs a seek, not a second
 * inflation of what came before.
 *
 * Where the files are: Connections.csv is looked for anywhere in the
 * archive (a user who zips the unpacked folder again adds a level); the
 * shallowest one wins, and the other files are those beside it. Any
 * other file, in any folder, is ignored.
 *
 * An entry that is encrypted, or that would inflate past 1 GiB or past
 * 1,000 times its packed size, is bad input; so is a zip that libarchive
 * finds corrupt or truncated.
 */
#define G_LOG_DOMAIN "circles-import"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "circles-archive.h"
#include "circles-import-context.h"

#define CONNECTIONS   "Connections.csv"
#define BLOCK_SIZE    (64 * 1024)
#define MAX_DEPTH     4
/* Below this size a ratio says nothing: a small file of blanks
 * compresses a thousandfold too. */
#define RATIO_FLOOR   (1024 * 1024)

struct _CirclesArchive
{
  char            *path;
  char            *display;
  gboolean         is_folder;
  char            *base;       /* folder (or entry prefix) of Connections.csv */
  GPtrArray       *entries;    /* zip: the pathnames of its files */

  /* The entry being read. */
  struct archive  *reader;
  char            *entry_display;
  guint64          inflated;
  gint64           packed_start;
};

gboolean
circles_archive_is_archive (const char *path)
{
  guint8 magic[4] = { 0 };
  FILE *f;
  gsize n;

  /* A folder can only be an unpacked archive: opening it says so when
   * it holds no Connections.csv. */
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;

  f = g_fopen (path, "rb");
  if (f == NULL)
    return FALSE;
  n = fread (magic, 1, sizeof magic, f);
  fclose (f);
  /* A local file header, or the end record of an empty zip. */
  return n == 4 && magic[0] == 'P' && magic[1] == 'K'
         && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
}

static void
close_entry (CirclesArchive *self)
{
  if (self->reader != NULL)
    {
      archive_read_free (self->reader);
      self->reader = NULL;
    }
  g_clear_pointer (&self->entry_display, g_free);
}

void
circles_archive_free (CirclesArchive *self)
{
  if (self == NULL)
    return;
  close_entry (self);
  g_free (self->path);
  g_free (self->display);
  g_free (self->base);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_free (self);
}

char *
circles_archive_display_name (CirclesArchive *self,
                              const char     *name)
{
  return g_strdup_printf ("%s: %s", self->display, name);
}

static gboolean
zip_error (CirclesArchive  *self,
           struct archive  *a,
           const char      *entry,
           GError         **error)
{
  const char *why = archive_error_string (a);
  g_autofree char *where = entry != NULL ? circles_archive_display_name (self, entry)
                                         : g_strdup (self->display);

  _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_SYNTAX, where, 0, 0,
                             _("the archive is damaged or is no zip (%s)"),
                             why != NULL ? why : _("unknown error"));
  return FALSE;
}

static struct archive *
open_zip (CirclesArchive  *self,
          GError         **error)
{
  struct archive *a = archive_read_new ();

  archive_read_support_format_zip (a);
  if (archive_read_open_filename (a, self->path, BLOCK_SIZE) != ARCHIVE_OK)
    {
      zip_error (self, a, NULL, error);
      archive_read_free (a);
      return NULL;
    }
  return a;
}

/* The depth of a path: the number of its '/'. */
static guint
depth_of (const char *path)
{
  guint depth = 0;

  for (const char *p = path; *p != '\0'; p++)
    depth += *p == '/';
  return depth;
}

static gboolean
is_named (const char *path,
          const char *name)
{
  const char *slash = strrchr (path, '/');

  return g_ascii_strcasecmp (slash != NULL ? slash + 1 : path, name) == 0;
}

static gboolean
list_zip (CirclesArchive  *self,
          GError         **error)
{
  struct archive *a = open_zip (self, error);
  struct archive_entry *entry;
  const char *connections = NULL;
  int rc;

  if (a == NULL)
    return FALSE;

  self->entries = g_ptr_array_new_with_free_func (g_free);
  while ((rc = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname_utf8 (entry);

      if (name == NULL)
        name = archive_entry_pathname (entry);
      if (name == NULL || archive_entry_filetype (entry) != AE_IFREG)
        continue;
      g_ptr_array_add (self->entries, g_strdup (name));
    }
  if (rc != ARCHIVE_EOF)
    {
      zip_error (self, a, NULL, error);
      archive_read_free (a);
      return FALSE;
    }
  archive_read_free (a);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const char *name = self->entries->pdata[i];

      if (is_named (name, CONNECTIONS)
          && (connections == NULL || depth_of (name) < depth_of (connections)))
        connections = name;
    }
  if (connections == NULL)
    return FALSE;
  self->base = g_strndup (connections, strlen (connections) - strlen (CONNECTIONS));
  return TRUE;
}

/* The folder under @dir (itself included) that holds Connections.csv,
 * the shallowest first. */
static char *
find_in_folder (const char *dir,
                guint       depth)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (listing == NULL)
    return NULL;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_ascii_strcasecmp (name, CONNECTIONS) == 0
          && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_strdup (dir);
      if (depth < MAX_DEPTH && g_file_test (path, G_FILE_TEST_IS_DIR)
          && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        g_ptr_array_add (folders, g_steal_pointer (&path));
    }
  g_ptr_array_sort (folders, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < folders->len; i++)
    {
      char *found = find_in_folder (folders->pdata[i], depth + 1);

      if (found != NULL)
        return found;
    }
  return NULL;
}

CirclesArchive *
circles_archive_open (const char  *path,
                      GError     **error)
{
  g_autoptr(CirclesArchive) self = g_new0 (CirclesArchive, 1);
  GError *local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  self->display = g_filename_display_name (path);
  self->is_folder = g_file_test (path, G_FILE_TEST_IS_DIR);

  if (self->is_folder)
    self->base = find_in_folder (path, 0);
  else if (!list_zip (self, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (self->base == NULL)
    {
      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_UNKNOWN_HEADER,
                                 self->display, 0, 0, "%s",
                                 _("no Connections.csv in this archive: is it "
                                   "the copy of your data the network sent?"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

static gssize
read_entry (gpointer   data,
            void      *buffer,
            gsize      count,
            GError   **error)
{
  CirclesArchive *self = data;
  la_ssize_t n = archive_read_data (self->reader, buffer, count);
  gint64 packed;

  if (n < 0)
    {
      const char *why = archive_error_string (self->reader);

      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_SYNTAX,
                                 self->entry_display, 0, 0,
                                 _("this file of the archive cannot be read (%s)"),
                                 why != NULL ? why : _("unknown error"));
      return -1;
    }

  self->inflated += n;
  packed = MAX (1, archive_filter_bytes (self->reader, -1) - self->packed_start);
  if (self->inflated > CIRCLES_ARCHIVE_MAX_ENTRY_SIZE
      || (self->inflated > RATIO_FLOOR
          && self->inflated > (guint64) packed * CIRCLES_ARCHIVE_MAX_RATIO))
    {
      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                                 self->entry_display, 0, 0, "%s",
                                 _("this file inflates past 1 GiB, or past a "
                                   "thousand times its packed size: the archive "
                                   "is not the network's"));
      return -1;
    }
  return n;
}

static CirclesCsvReader *
open_zip_entry (CirclesArchive  *self,
                const char      *entry_name,
                GError         **error)
{
  struct archive_entry *entry;
  int rc;

  self->reader = open_zip (self, error);
  if (self->reader == NULL)
    return NULL;

  while ((rc = archive_read_next_header (self->reader, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname_utf8 (entry);

      if (name == NULL)
        name = archive_entry_pathname (entry);
      if (name == NULL || strcmp (name, entry_name) != 0)
        continue;

      self->entry_display = circles_archive_display_name (self, name);
      if (archive_entry_is_encrypted (entry))
        {
          _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                                     self->entry_display, 0, 0, "%s",
                                     _("this file is encrypted: Circles reads "
                                       "the archive as the network sends it"));
          return NULL;
        }
      if (archive_entry_size_is_set (entry)
          && (guint64) archive_entry_size (entry) > CIRCLES_ARCHIVE_MAX_ENTRY_SIZE)
        {
          _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                                     self->entry_display, 0, 0, "%s",
                                     _("this file inflates past 1 GiB, or past a "
                                       "thousand times its packed size: the archive "
                                       "is not the network's"));
          return NULL;
        }
      self->inflated = 0;
      self->packed_start = archive_filter_bytes (self->reader, -1);
      return circles_csv_reader_new_for_stream (self->entry_display,
                                                archive_entry_size_is_set (entry)
                                                ? archive_entry_size (entry) : 0,
                                                read_entry, self);
    }
  if (rc != ARCHIVE_EOF)
    zip_error (self, self->reader, entry_name, error);
  else
    _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_IO, self->display, 0, 0,
                               _("“%s” went missing from the archive"), entry_name);
  return NULL;
}

CirclesCsvReader *
circles_archive_open_file (CirclesArchive  *self,
                           const char      *name,
                           GError         **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  close_entry (self);

  if (self->is_folder)
    {
      g_autoptr(GDir) listing = g_dir_open (self->base, 0, NULL);
      const char *found;

      while (listing != NULL && (found = g_dir_read_name (listing)) != NULL)
        if (g_ascii_strcasecmp (found, name) == 0)
          {
            g_autofree char *path = g_build_filename (self->base, found, NULL);

            if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
              continue;
            return circles_csv_reader_new (path, error);
          }
      return NULL;
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      const char *entry = self->entries->pdata[i];
      gsize base_len = strlen (self->base);

      if (strncmp (entry, self->base, base_len) == 0
          && strchr (entry + base_len, '/') == NULL
          && g_ascii_strcasecmp (entry + base_len, name) == 0)
        return open_zip_entry (self, entry, error);
    }
  return NULL;
}
