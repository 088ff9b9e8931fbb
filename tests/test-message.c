/* test-message.c: the drafted first messages, in English and French
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "circles-message.h"
#include "circles-store.h"

static void
test_message_introduction (void)
{
  g_autofree char *message = circles_message_introduction ("Emma Robert", "Bruno Bernard");

  /* Greeted by first name; the mutual connection named in full. */
  g_assert_true (g_str_has_prefix (message, "Hello Emma,\n"));
  g_assert_nonnull (strstr (message, "Bruno Bernard and I are connected"));
}

static void
test_message_hidden_names (void)
{
  g_autofree char *message = circles_message_introduction (NULL, "");
  g_autofree char *blank = circles_message_introduction ("  ", "Bruno Bernard");
  g_autofree char *ask = circles_message_ask_introduction (NULL, NULL, "");

  g_assert_true (g_str_has_prefix (message, "Hello there,\n"));
  g_assert_null (strstr (message, "(null)"));
  g_assert_true (g_str_has_prefix (blank, "Hello there,\n"));
  g_assert_true (g_str_has_prefix (ask, "Hello there,\n"));
  g_assert_null (strstr (ask, "(null)"));
}

static void
test_message_first_name (void)
{
  g_autofree char *single = circles_message_introduction ("Emma", "Bruno Bernard");
  g_autofree char *spaced = circles_message_introduction (" Jean-Pierre Dupont", "Bruno Bernard");

  g_assert_true (g_str_has_prefix (single, "Hello Emma,\n"));
  g_assert_true (g_str_has_prefix (spaced, "Hello Jean-Pierre,\n"));
}

static void
test_message_chain (void)
{
  g_autofree char *plain = circles_message_chain ("Farid Richard", "Alice Martin", "David Thomas", 0);
  g_autofree char *reasons = NULL;

  g_assert_true (g_str_has_prefix (plain, "Hello Farid,\n"));
  g_assert_nonnull (strstr (plain, "I know Alice Martin, who knows David Thomas."));
  g_assert_null (strstr (plain, "event"));

  reasons = circles_message_chain ("Farid Richard", "Alice Martin", "David Thomas",
                                   CIRCLES_REASON_EVENT | CIRCLES_REASON_COMMENTS);
  g_assert_nonnull (strstr (reasons, "We met at a recent event"));
  g_assert_nonnull (strstr (reasons, "comments of your post"));
  g_assert_null (strstr (reasons, "school"));
  /* The reasons come before the chain. */
  g_assert_true (strstr (reasons, "event") < strstr (reasons, "I know Alice Martin"));
}

static void
test_message_ask_introduction (void)
{
  g_autofree char *message =
    circles_message_ask_introduction ("Alice Martin", "David Thomas", "Farid Richard");

  /* Written to the 1st-degree connection, about the other two. */
  g_assert_true (g_str_has_prefix (message, "Hello Alice,\n\n"));
  g_assert_nonnull (strstr (message, "get in touch with Farid Richard, who is a connection of "
                                     "David Thomas."));
  g_assert_nonnull (strstr (message, "Could you put me in touch with David Thomas"));
  g_assert_null (strstr (message, "Alice Martin"));
}

/* The French templates come from the catalogue built in <build>/po. */
static void
test_message_french (void)
{
  g_autofree char *builddir = g_path_get_dirname (g_test_get_dir (G_TEST_BUILT));
  g_autofree char *podir = g_build_filename (builddir, "po", NULL);
  g_autofree char *mo = g_build_filename (podir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *intro = NULL;
  g_autofree char *chain = NULL;
  g_autofree char *ask = NULL;

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The French catalogue is not built");
      return;
    }
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("No French locale on this system");
      return;
    }

  bindtextdomain (GETTEXT_PACKAGE, podir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  intro = circles_message_introduction ("Emma Robert", "Bruno Bernard");
  chain = circles_message_chain ("Farid Richard", "Alice Martin", "David Thomas",
                                 CIRCLES_REASON_ALUMNI);
  ask = circles_message_ask_introduction ("Alice Martin", "David Thomas", "Farid Richard");

  setlocale (LC_ALL, old_locale);

  g_assert_true (g_str_has_prefix (intro, "Bonjour Emma,\n"));
  g_assert_nonnull (strstr (intro, "Bruno Bernard"));
  g_assert_true (g_str_has_prefix (chain, "Bonjour Farid,\n"));
  g_assert_nonnull (strstr (chain, "Alice Martin"));
  g_assert_nonnull (strstr (chain, "David Thomas"));
  g_assert_null (strstr (chain, "Hello"));
  /* The request names the three people, whatever its translation. */
  g_assert_nonnull (strstr (ask, "Alice,"));
  g_assert_nonnull (strstr (ask, "David Thomas"));
  g_assert_nonnull (strstr (ask, "Farid Richard"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/message/introduction", test_message_introduction);
  g_test_add_func ("/message/hidden-names", test_message_hidden_names);
  g_test_add_func ("/message/first-name", test_message_first_name);
  g_test_add_func ("/message/chain", test_message_chain);
  g_test_add_func ("/message/ask-introduction", test_message_ask_introduction);
  g_test_add_func ("/message/french", test_message_french);

  return g_test_run ();
}
