/* circles-test-util.h: small helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary directory, removed (with its content) at exit of
 * the test program. */
char     *circles_test_make_tmpdir   (void);
/* Path of a file under tests/fixtures. */
char     *circles_test_fixture       (const char  *name);
/* Writes @contents to a new file in a fresh temporary directory. */
char     *circles_test_write_file    (const char  *basename,
                                      const char  *contents,
                                      gssize       length);
/* Whole file contents, or NULL if missing. */
GBytes   *circles_test_read_bytes    (const char  *path);

G_END_DECLS

#include "circles-network.h"
#include "circles-store.h"

G_BEGIN_DECLS

/* A new store in a temporary folder, filled from a small description:
 * tokens separated by spaces,
 *   "a-b"      a connection (people are created by key),
 *   "a-b:0.5"  a connection with a strength,
 *   "a>b"      a follows b,
 *   "+g:a,b"   a and b are members of the group g,
 *   "a"        a person alone.
 * The person "me" is me when present. */
CirclesStore   *circles_test_store_new       (const char *description);
CirclesNetwork *circles_test_network_new     (const char *description);
/* The snapshot index of the person with @key (asserts it exists). */
guint           circles_test_person          (CirclesNetwork *network,
                                              const char     *key);

G_END_DECLS
