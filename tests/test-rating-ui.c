/* test-rating-ui.c: rating a 1st-degree connection from the person pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "circles-paths.h"
#include "circles-person-pane.h"
#include "circles-session.h"
#include "circles-store.h"
#include "circles-test-ui.h"
#include "circles-test-util.h"

/* The fixture network, without weight, rating or date: every strength
 * is 1, and chains of the same length tie (the keys order them).
 *
 *   1st: anna bruno
 *   2nd: paul (mutual anna, bruno: a tie)
 *   3rd: zoe (chains anna → paul, bruno → paul)
 */
static const char fixture[] =
  "me-anna me-bruno anna-paul bruno-paul paul-zoe";

typedef struct
{
  char           *path;
  CirclesSession *session;
  GtkWindow      *window;
  GtkWidget      *pane;
} Fixture;

typedef gboolean (*Condition) (Fixture *f);

static void
wait_until (Fixture    *f,
            Condition   condition,
            const char *what)
{
  circles_test_wait_until ((CirclesTestCondition) condition, f, FALSE, what);
}

static GtkWidget *
get_named (Fixture    *f,
           const char *name)
{
  GtkWidget *found = circles_test_find_named (f->pane, name);

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
get_star (Fixture *f,
          guint    n)
{
  g_autofree char *name = g_strdup_printf ("rate-%u", n);

  return get_named (f, name);
}

/* A click on a star started a rating: the row waits. (A button's
 * activation, as by the keyboard, clicks it after a short delay.) */
static gboolean
rating_started (Fixture *f)
{
  return !gtk_widget_get_sensitive (get_named (f, "rating-row"));
}

/* The rating row takes clicks again: the write and the reload are done. */
static gboolean
rating_done (Fixture *f)
{
  return !circles_session_get_busy (f->session) &&
         gtk_widget_get_sensitive (get_named (f, "rating-row"));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->session = circles_test_session_new (fixture, &f->path);

  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (f->window);
  gtk_window_set_default_size (f->window, 420, 900);
  f->pane = g_object_ref_sink (circles_person_pane_new (f->session));
  gtk_window_set_child (f->window, f->pane);
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  circles_test_drain ();
  circles_test_finalize (f->window);
  circles_test_finalize (f->pane);
  circles_test_finalize (f->session);
  g_free (f->path);
}

static guint
person (Fixture    *f,
        const char *key)
{
  return circles_test_person (circles_session_get_network (f->session), key);
}

static gboolean
reasons_read (Fixture *f)
{
  return gtk_widget_get_sensitive (get_named (f, "reason-event"));
}

static gboolean
reasons_error_shown (Fixture *f)
{
  return gtk_widget_get_visible (get_named (f, "reasons-error"));
}

/* Selects @key, until the pane has read what the database holds of
 * them (in a worker): my rating of a 1st-degree connection, the reasons
 * of a 3rd-degree one. */
static void
select_key (Fixture    *f,
            const char *key)
{
  CirclesNetwork *network = circles_session_get_network (f->session);
  guint degree = circles_network_get_degree (network, person (f, key));

  circles_session_select (f->session, person (f, key));
  circles_test_drain ();
  if (degree == 1)
    wait_until (f, rating_done, "the rating read");
  else if (degree == 3)
    wait_until (f, reasons_read, "the reasons read");
}

static const char *
selected_key (Fixture *f)
{
  guint selected = circles_session_get_selected (f->session);

  g_assert_cmpuint (selected, !=, CIRCLES_NO_PERSON);
  return circles_network_get_key (circles_session_get_network (f->session), selected);
}

/* The rating of me–@key, read with a store of its own. */
static int
stored_rating (Fixture    *f,
               const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesStore) store = circles_store_open (f->path, &error);
  int rating;

  g_assert_no_error (error);
  rating = circles_store_get_rating (store, circles_store_get_me (store),
                                     circles_store_lookup_person (store, key), &error);
  g_assert_no_error (error);
  return rating;
}

/* How many stars are lit, checking they are lit from the first. */
static guint
lit_stars (Fixture *f)
{
  guint lit = 0;

  for (guint i = 1; i <= 5; i++)
    {
      GtkWidget *star = get_star (f, i);
      gboolean active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (star));

      g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (star)), ==,
                       active ? "starred-symbolic" : "non-starred-symbolic");
      if (active)
        {
          g_assert_cmpuint (lit, ==, i - 1);
          lit = i;
        }
    }
  return lit;
}

/* The key of the 1st-degree person on the warmest chain to @key. */
static const char *
warmest_first (Fixture    *f,
               const char *key)
{
  CirclesNetwork *network = circles_session_get_network (f->session);
  g_autoptr(CirclesPaths) paths = circles_paths_find (network, person (f, key), 5);
  const CirclesChain *chain;

  g_assert_cmpuint (paths->chains->len, >, 0);
  chain = &g_array_index (paths->chains, CirclesChain, 0);
  return circles_network_get_key (network, chain->people[1]);
}

/* The title of the first introducer row of the pane. */
static const char *
first_introducer (Fixture *f)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (get_named (f, "introducers-list")), 0);

  g_assert_nonnull (row);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static char *
text_of (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Clicks star @n of the pane and waits for the session to reload. */
static void
click_star (Fixture *f,
            guint    n)
{
  GtkWidget *star = get_star (f, n);

  g_assert_true (gtk_widget_is_sensitive (star));
  gtk_widget_grab_focus (star);
  g_assert_true (gtk_widget_activate (star));
  circles_test_wait_until ((CirclesTestCondition) rating_started, f, TRUE, "the click");
  wait_until (f, rating_done, "the rating");
}

static void
test_rate (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *row;
  GtkWidget *star;

  /* The tie: the keys put anna first. */
  g_assert_cmpstr (warmest_first (f, "paul"), ==, "anna");

  select_key (f, "bruno");
  row = get_named (f, "rating-row");
  g_assert_true (gtk_widget_get_mapped (get_named (f, "rating-group")));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "How Well You Know Them");
  g_assert_true (gtk_widget_is_sensitive (row));
  g_assert_cmpuint (lit_stars (f), ==, 0);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (get_star (f, 3)), ==, "Rate 3 of 5");
  g_assert_false (gtk_widget_get_visible (get_named (f, "rating-error")));

  /* Five stars: the row waits, insensitive, while the session writes. */
  star = get_star (f, 5);
  gtk_widget_grab_focus (star);
  g_assert_true (gtk_widget_activate (star));
  circles_test_wait_until ((CirclesTestCondition) rating_started, f, TRUE, "the click");
  g_assert_true (circles_session_get_busy (f->session));
  g_assert_cmpuint (lit_stars (f), ==, 5);
  wait_until (f, rating_done, "the rating");

  /* Saved, and read back by another connection to the database. */
  g_assert_cmpint (stored_rating (f, "bruno"), ==, 5);
  g_assert_cmpint (stored_rating (f, "anna"), ==, 0);
  /* The network was reloaded; bruno is still selected, and shown. */
  g_assert_cmpint (circles_session_get_state (f->session), ==, CIRCLES_SESSION_STATE_READY);
  g_assert_cmpstr (selected_key (f), ==, "bruno");
  g_assert_cmpuint (circles_person_pane_get_person (CIRCLES_PERSON_PANE (f->pane)), ==,
                    circles_session_get_selected (f->session));
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpuint (lit_stars (f), ==, 5);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (get_star (f, 5)), ==, "Clear the rating");
  g_assert_false (gtk_widget_get_visible (get_named (f, "rating-error")));
  /* The keyboard user is where they were. */
  g_assert_true (gtk_widget_is_focus (get_star (f, 5)));

  /* bruno is now the warmest way to paul, and to zoe. */
  g_assert_cmpstr (warmest_first (f, "paul"), ==, "bruno");
  g_assert_cmpstr (warmest_first (f, "zoe"), ==, "bruno");
  select_key (f, "paul");
  g_assert_false (gtk_widget_get_visible (get_named (f, "rating-group")));
  g_assert_cmpstr (first_introducer (f), ==, "bruno");

  /* Fewer stars. */
  select_key (f, "bruno");
  g_assert_cmpuint (lit_stars (f), ==, 5);
  click_star (f, 2);
  g_assert_cmpint (stored_rating (f, "bruno"), ==, 2);
  g_assert_cmpuint (lit_stars (f), ==, 2);
  g_assert_cmpstr (selected_key (f), ==, "bruno");
}

static void
test_clear (Fixture       *f,
            gconstpointer  data)
{
  select_key (f, "anna");
  click_star (f, 3);
  g_assert_cmpint (stored_rating (f, "anna"), ==, 3);
  g_assert_cmpuint (lit_stars (f), ==, 3);
  g_assert_cmpstr (warmest_first (f, "paul"), ==, "anna");

  /* The star of the current rating clears it. */
  click_star (f, 3);
  g_assert_cmpint (stored_rating (f, "anna"), ==, 0);
  g_assert_cmpuint (lit_stars (f), ==, 0);
  g_assert_cmpstr (selected_key (f), ==, "anna");
}

typedef struct
{
  gboolean  done;
  GError   *error;
} RateResult;

static void
rate_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  RateResult *rate = user_data;

  if (!circles_session_rate_finish (CIRCLES_SESSION (object), result, &rate->error))
    g_assert_nonnull (rate->error);
  rate->done = TRUE;
}

static gboolean
rate_done (RateResult *rate)
{
  return rate->done;
}

static void
wait_rate (RateResult *rate)
{
  circles_test_wait_until ((CirclesTestCondition) rate_done, rate, TRUE, "a rating");
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  RateResult third = { FALSE, NULL };
  RateResult first = { FALSE, NULL };
  RateResult busy = { FALSE, NULL };

  select_key (f, "anna");

  /* Anyone but a 1st-degree connection is refused. */
  circles_session_rate_async (f->session, person (f, "paul"), 4, NULL, rate_done_cb, &third);
  g_assert_false (circles_session_get_busy (f->session));
  wait_rate (&third);
  g_assert_error (third.error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&third.error);

  /* While one rating is written, another is refused: nothing
   * critical, an error. */
  circles_session_rate_async (f->session, person (f, "anna"), 4, NULL, rate_done_cb, &first);
  g_assert_true (circles_session_get_busy (f->session));
  g_assert_false (gtk_widget_get_sensitive (get_named (f, "rating-row")));
  circles_session_rate_async (f->session, person (f, "bruno"), 1, NULL, rate_done_cb, &busy);

  wait_rate (&busy);
  g_assert_error (busy.error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&busy.error);
  wait_rate (&first);
  g_assert_no_error (first.error);
  wait_until (f, rating_done, "the rating");

  g_assert_cmpint (stored_rating (f, "anna"), ==, 4);
  g_assert_cmpint (stored_rating (f, "bruno"), ==, 0);
  /* The pane followed a rating it did not start. */
  g_assert_cmpstr (selected_key (f), ==, "anna");
  g_assert_cmpuint (lit_stars (f), ==, 4);
}

/* Reasons toggled while the database is busy are not saved: the pane
 * says so under them, shows what the database holds, and saves the next
 * toggle once the database is free. */
static void
test_reasons_busy (Fixture       *f,
                   gconstpointer  data)
{
  RateResult first = { FALSE, NULL };
  GtkWidget *event;
  GtkWidget *error;

  select_key (f, "zoe");
  event = get_named (f, "reason-event");
  error = get_named (f, "reasons-error");
  g_assert_false (gtk_widget_get_visible (error));

  circles_session_rate_async (f->session, person (f, "anna"), 3, NULL, rate_done_cb, &first);
  g_assert_true (circles_session_get_busy (f->session));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (event), TRUE);
  wait_until (f, reasons_error_shown, "the reasons refused");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "busy"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (event)));

  wait_rate (&first);
  g_assert_no_error (first.error);
  wait_until (f, rating_done, "the rating");

  select_key (f, "zoe");
  event = get_named (f, "reason-event");
  error = get_named (f, "reasons-error");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (event), TRUE);
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (event)));
}

static void
test_third_draft (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *request = NULL;
  g_autofree char *message = NULL;
  GtkWidget *group;

  /* Not for the 2nd degree. */
  select_key (f, "paul");
  g_assert_false (gtk_widget_get_visible (get_named (f, "request-group")));

  select_key (f, "zoe");
  g_assert_false (gtk_widget_get_visible (get_named (f, "rating-group")));
  group = get_named (f, "request-group");
  g_assert_true (gtk_widget_get_mapped (group));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                   "Ask anna for an Introduction");

  /* The warmest chain: me → anna → paul → zoe. */
  request = text_of (get_named (f, "request-view"));
  g_assert_true (g_str_has_prefix (request, "Hello anna,\n"));
  g_assert_nonnull (strstr (request, "get in touch with zoe, who is a connection of paul."));
  g_assert_nonnull (strstr (request, "put me in touch with paul"));
  message = circles_person_pane_dup_message (CIRCLES_PERSON_PANE (f->pane));
  g_assert_nonnull (strstr (message, "I know anna, who knows paul."));
  g_clear_pointer (&request, g_free);
  g_clear_pointer (&message, g_free);

  /* The other chain, chosen: the request goes to bruno. */
  circles_person_pane_set_introducer (CIRCLES_PERSON_PANE (f->pane), 1);
  request = text_of (get_named (f, "request-view"));
  g_assert_true (g_str_has_prefix (request, "Hello bruno,\n"));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                   "Ask bruno for an Introduction");
  g_clear_pointer (&request, g_free);

  /* Rated, bruno leads the warmest chain: the request is his. */
  select_key (f, "bruno");
  click_star (f, 5);
  select_key (f, "zoe");
  g_assert_cmpuint (circles_person_pane_get_introducer (CIRCLES_PERSON_PANE (f->pane)), ==, 0);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                   "Ask bruno for an Introduction");
  request = text_of (get_named (f, "request-view"));
  g_assert_true (g_str_has_prefix (request, "Hello bruno,\n"));

  /* Its own Copy button. */
  g_signal_emit_by_name (get_named (f, "request-copy-button"), "clicked");
  {
    GdkClipboard *clipboard = gtk_widget_get_clipboard (f->pane);
    GdkContentProvider *content = gdk_clipboard_get_content (clipboard);
    g_auto(GValue) value = G_VALUE_INIT;
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    gdk_content_provider_get_value (content, &value, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (g_value_get_string (&value), ==, request);
  }
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (get_named (f, "request-copy-button"))))),
                   ==, "Copied");
}

/* A rating already in the database is shown when the person is. */
static void
test_shown (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesStore) store = circles_store_open (f->path, &error);

  g_assert_no_error (error);
  g_assert_true (circles_store_set_rating (store, circles_store_get_me (store),
                                           circles_store_lookup_person (store, "anna"), 4, &error));
  g_assert_no_error (error);

  select_key (f, "anna");
  g_assert_cmpuint (lit_stars (f), ==, 4);
  select_key (f, "bruno");
  g_assert_cmpuint (lit_stars (f), ==, 0);
}

/* What the data archive told of a person and me is said on the pane;
 * nothing is said of someone it told nothing about. */
static void
test_ties_shown (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesStore) store = circles_store_open (f->path, &error);
  GtkWidget *ties;
  gint64 anna;

  g_assert_no_error (error);
  anna = circles_store_lookup_person (store, "anna");
  g_assert_true (circles_store_begin (store, &error));
  g_assert_true (circles_store_set_messages (store, anna, 20, 3, "2026-11-03", &error));
  g_assert_true (circles_store_add_endorsement (store, anna, "Prospecting", FALSE, NULL, &error));
  g_assert_true (circles_store_commit (store, &error));
  g_assert_no_error (error);

  select_key (f, "anna");
  ties = get_named (f, "person-ties");
  g_assert_true (gtk_widget_get_visible (ties));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ties)), ==,
                   "23 messages, the last on 3 November 2026 · endorsed you for Prospecting");
  select_key (f, "bruno");
  g_assert_false (gtk_widget_get_visible (ties));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/rating-ui/rate", Fixture, NULL, fixture_set_up, test_rate, fixture_tear_down);
  g_test_add ("/rating-ui/clear", Fixture, NULL, fixture_set_up, test_clear, fixture_tear_down);
  g_test_add ("/rating-ui/busy", Fixture, NULL, fixture_set_up, test_busy, fixture_tear_down);
  g_test_add ("/rating-ui/reasons-busy", Fixture, NULL, fixture_set_up, test_reasons_busy, fixture_tear_down);
  g_test_add ("/rating-ui/third-draft", Fixture, NULL, fixture_set_up, test_third_draft, fixture_tear_down);
  g_test_add ("/rating-ui/shown", Fixture, NULL, fixture_set_up, test_shown, fixture_tear_down);
  g_test_add ("/rating-ui/ties-shown", Fixture, NULL, fixture_set_up, test_ties_shown, fixture_tear_down);

  return g_test_run ();
}
