/* fuzz-import.c: libFuzzer harness for a whole import, one per format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built once per input name (FUZZ_INPUT_NAME: input.csv, input.graphml,
 * input.gv; input.zip for the data archive, and the names of its files,
 * messages.csv, Profile.csv, …, for each of them alone), so that
 * detection picks the format. Each input is imported
 * into one database (a seed import first makes "me" known, so that the
 * followers format is reached too). An import either succeeds or fails
 * with a CIRCLES_IMPORT_ERROR (or a store error) and leaves no
 * transaction open.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>

#include "circles-import.h"
#include "circles-store.h"

#ifndef FUZZ_INPUT_NAME
#error "FUZZ_INPUT_NAME must name the input file"
#endif

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *dir;
static char *input_path;
static CirclesStore *store;
static guint n_runs;

static void
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (dir, "fuzz.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *seed = g_build_filename (dir, "seed.csv", NULL);
  static const char seed_csv[] =
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ada,Lovelace,https://example.com/in/ada,,Engines,,12 Mar 2024\n";

  g_clear_object (&store);
  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
  store = circles_store_open (db, &error);
  g_assert_no_error (error);
  g_file_set_contents (seed, seed_csv, -1, &error);
  g_assert_no_error (error);
  if (!circles_import_file (store, seed, CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                            NULL, NULL, NULL, NULL, &error))
    g_error ("seed import: %s", error->message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  CirclesImportReport report;

  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("fuzz-import-XXXXXX", NULL);
      g_assert (dir != NULL);
      input_path = g_build_filename (dir, FUZZ_INPUT_NAME, NULL);
    }
  /* A fresh database now and then keeps each run fast. */
  if (store == NULL || ++n_runs % 5000 == 0)
    open_store ();

  /* No fsync: this runs thousands of times a second. */
  if (!g_file_set_contents_full (input_path, (const char *) data, size,
                                 G_FILE_SET_CONTENTS_NONE, 0600, NULL))
    g_error ("cannot write %s", input_path);

  if (!circles_import_file (store, input_path, CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                            &report, NULL, NULL, NULL, &error))
    {
      g_assert (error != NULL);
      g_assert (error->domain == CIRCLES_IMPORT_ERROR
                || error->domain == CIRCLES_STORE_ERROR);
    }
  g_assert (!circles_store_in_transaction (store));
  return 0;
}
