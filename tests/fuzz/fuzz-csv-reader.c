/* fuzz-csv-reader.c: libFuzzer harness for the streaming CSV reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every record of any input is read; the fields must be valid UTF-8 and
 * the record lines must never go backwards.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>

#include "circles-csv-reader.h"
#include "circles-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *input_path;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesCsvReader) reader = NULL;
  char **fields;
  guint n_fields;
  guint64 last_line = 0;

  if (input_path == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("fuzz-csv-XXXXXX", NULL);

      g_assert (dir != NULL);
      input_path = g_build_filename (dir, "input.csv", NULL);
    }
  /* No fsync: this runs thousands of times a second. */
  if (!g_file_set_contents_full (input_path, (const char *) data, size,
                                 G_FILE_SET_CONTENTS_NONE, 0600, NULL))
    g_error ("cannot write %s", input_path);

  reader = circles_csv_reader_new (input_path, &error);
  g_assert (reader != NULL);
  while (circles_csv_reader_next (reader, &fields, &n_fields, &error))
    {
      guint64 line = circles_csv_reader_get_line (reader);

      g_assert (line >= last_line && line >= 1);
      last_line = line;
      g_assert (n_fields >= 1 && fields[n_fields] == NULL);
      for (guint i = 0; i < n_fields; i++)
        g_assert (g_utf8_validate (fields[i], -1, NULL));
    }
  if (error != NULL)
    {
      g_assert (error->domain == CIRCLES_IMPORT_ERROR);
      g_assert (strstr (error->message, "input.csv:") != NULL);
    }
  g_assert (circles_csv_reader_get_fraction (reader) <= 1.0);
  return 0;
}
