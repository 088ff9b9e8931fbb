/* test-a11y.c: what assistive technologies get from the main window
 *
 * Two kinds of tests:
 *  - /a11y/...: GTK's own accessibility test backend (GTK_A11Y=test): roles,
 *    labels and descriptions as the widgets set them, the keyboard
 *    shortcuts against the Shortcuts window, and the focus ring;
 *  - /a11y/atspi/...: the real thing. Run under a private D-Bus session
 *    (dbus-run-session) with GTK_A11Y=atspi and CIRCLES_TEST_ATSPI=1, the
 *    window is read back through the AT-SPI bus the way a screen reader
 *    does, from a second connection in a thread of its own (GTK answers
 *    on the main loop, which the test keeps running). Skipped otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "circles-application.h"
#include "circles-canvas.h"
#include "circles-session.h"
#include "circles-store.h"
#include "circles-test-ui.h"
#include "circles-test-util.h"
#include "circles-window.h"

/* Gives up on a test that waits for too long rather than hanging. */
#define WAIT_TIMEOUT_SECONDS 120

#define ATSPI_REGISTRY     "org.a11y.atspi.Registry"
#define ATSPI_ROOT_PATH    "/org/a11y/atspi/accessible/root"
#define ATSPI_ACCESSIBLE   "org.a11y.atspi.Accessible"
#define ATSPI_TEXT         "org.a11y.atspi.Text"
#define ATSPI_MAX_NODES    5000

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *)user_data);
  return G_SOURCE_REMOVE;
}

/* ------------------------------------------------------------------ */
/* The fixture: a small network whose people have names                */

/*   me - a, b, c        1st: a b c
 *   a - d, b - d        2nd: d, with a and b in common
 *   d - f               3rd: f                                      */
static char *
make_fixture_database (void)
{
  g_autoptr(CirclesStore) store = circles_test_store_new ("me-a me-b me-c a-d b-d d-f");
  g_autoptr(GError) error = NULL;
  static const struct { const char *key, *name; } names[] = {
    { "me", "Marie Curie" },
    { "a", "Alice Martin" },
    { "b", "Bruno Bernard" },
    { "c", "Chloé Dubois" },
    { "d", "David Thomas" },
    { "f", "Farid Richard" },
  };

  g_assert_true (circles_store_begin (store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      CirclesPersonFields fields = { 0 };
      gint64 id = circles_store_ensure_person (store, names[i].key, &error);

      g_assert_no_error (error);
      fields.display_name = names[i].name;
      g_assert_true (circles_store_update_person (store, id, &fields, &error));
      g_assert_no_error (error);
    }
  g_assert_true (circles_store_commit (store, &error));
  g_assert_no_error (error);

  return g_strdup (circles_store_get_path (store));
}

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

typedef struct
{
  char           *path;
  CirclesSession *session;
  CirclesWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->path = make_fixture_database ();
  f->session = circles_session_new (f->path);
  f->window = circles_window_new (NULL, f->session);
  /* GTK owns toplevels; keep a reference to check the finalization. */
  g_object_ref (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  circles_test_wait_for_session (f->session);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpint (circles_session_get_state (f->session), ==, CIRCLES_SESSION_STATE_READY);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  drain ();
  circles_test_finalize (f->window);
  circles_test_finalize (f->session);
  g_free (f->path);
}

static void
select_person (Fixture    *f,
               const char *key)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.select-person", "s", key));
  drain ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

/* ------------------------------------------------------------------ */
/* GTK's test backend                                                  */

static void
test_canvas_exposes_selection (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *canvas = circles_test_find_of_type (GTK_WIDGET (f->window), CIRCLES_TYPE_CANVAS);
  g_autofree char *mismatch = NULL;

  g_assert_nonnull (canvas);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Circles of Marie Curie");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Nobody selected");
  /* Reachable from the keyboard. */
  g_assert_true (gtk_widget_get_focusable (canvas));

  /* Its name, then the circle and the mutual connections. */
  select_person (f, "d");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "David Thomas, 2nd-degree connection, 2 mutual connections");
  select_person (f, "a");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Alice Martin, 1st-degree connection, 0 mutual connections");
  select_person (f, "f");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Farid Richard, 3rd-degree connection, 0 mutual connections");
  select_person (f, "me");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Marie Curie, you");

  /* The keys move the selection, and the description follows. */
  gtk_widget_grab_focus (canvas);
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.clear-selection", NULL));
  drain ();
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Nobody selected");
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-next", NULL));
  drain ();
  g_assert_cmpuint (circles_session_get_selected (f->session), !=, CIRCLES_NO_PERSON);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (canvas),
                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                 "Nobody selected");
  g_assert_nonnull (mismatch);
}

static gboolean
is_inside (GtkWidget *widget,
           GType      type)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (g_type_is_a (G_OBJECT_TYPE (w), type))
      return TRUE;

  return FALSE;
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  /* A menu button is one button to its users: its inner toggle is not. */
  if (GTK_IS_MENU_BUTTON (widget) ||
      (GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget))))
    {
      g_ptr_array_add (buttons, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, buttons);
}

static void
test_header_bar_buttons (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *header_bar = circles_test_find_of_type (GTK_WIDGET (f->window), ADW_TYPE_HEADER_BAR);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint checked = 0;

  g_assert_nonnull (header_bar);
  collect_buttons (header_bar, buttons);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *tooltip = gtk_widget_get_tooltip_text (button);

      /* The window's own controls are libadwaita's business. */
      if (is_inside (button, GTK_TYPE_WINDOW_CONTROLS))
        continue;

      g_test_message ("header bar button %s (%s)", G_OBJECT_TYPE_NAME (button),
                      tooltip != NULL ? tooltip : "no tooltip");
      /* A name for screen readers, and a tooltip for the eyes. */
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL));
      g_assert_nonnull (tooltip);
      g_assert_cmpstr (tooltip, !=, "");
      /* Reachable with Tab. */
      g_assert_true (gtk_widget_get_focusable (button) ||
                     gtk_widget_get_focusable (gtk_widget_get_first_child (button)));
      checked++;
    }

  /* Show People, Import, the counts, Export, Find and the main menu. */
  g_assert_cmpuint (checked, >=, 6);
}

static void
test_person_pane_readable (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *name;
  GtkWidget *advice;

  select_person (f, "d");

  name = circles_test_find_named (GTK_WIDGET (f->window), "person-name");
  g_assert_nonnull (name);
  g_assert_true (gtk_widget_is_drawable (name));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_ROLE_LABEL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, "David Thomas");

  advice = circles_test_find_named (GTK_WIDGET (f->window), "advice-row");
  g_assert_nonnull (advice);
  g_assert_true (gtk_widget_is_drawable (advice));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (advice)), !=, "");
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (advice)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (advice)), !=, "");
}

/* ------------------------------------------------------------------ */
/* Keyboard                                                            */

typedef struct
{
  GPtrArray *actions;       /* action names of the Shortcuts window */
  GPtrArray *accelerators;  /* the accelerators it shows, parsed */
} Shortcuts;

static void
collect_shortcuts (GtkWidget *widget,
                   Shortcuts *shortcuts)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *action = NULL;
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "action-name", &action, "accelerator", &accelerator, NULL);
      if (action != NULL)
        g_ptr_array_add (shortcuts->actions, g_steal_pointer (&action));
      if (accelerator != NULL)
        {
          g_auto(GStrv) accels = g_strsplit (accelerator, " ", -1);

          for (guint i = 0; accels[i] != NULL; i++)
            {
              guint key;
              GdkModifierType mods;

              if (*accels[i] == '\0')
                continue;
              g_assert_true (gtk_accelerator_parse (accels[i], &key, &mods));
              g_ptr_array_add (shortcuts->accelerators, gtk_accelerator_name (key, mods));
            }
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, shortcuts);
}

static gboolean
shortcuts_show (Shortcuts  *shortcuts,
                const char *action,
                const char *accelerator)
{
  guint key;
  GdkModifierType mods;
  g_autofree char *name = NULL;

  if (action != NULL &&
      g_ptr_array_find_with_equal_func (shortcuts->actions, action, g_str_equal, NULL))
    return TRUE;

  g_assert_true (gtk_accelerator_parse (accelerator, &key, &mods));
  name = gtk_accelerator_name (key, mods);
  return g_ptr_array_find_with_equal_func (shortcuts->accelerators, name, g_str_equal, NULL);
}

/* Every accelerator of the application, and every key of the diagram, is
 * in the Shortcuts window. */
static void
test_shortcuts_window_complete (void)
{
  g_autofree char *path = make_fixture_database ();
  g_autoptr(CirclesApplication) app = circles_application_new (path);
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) descriptions = NULL;
  Shortcuts shortcuts = { g_ptr_array_new_with_free_func (g_free),
                          g_ptr_array_new_with_free_func (g_free) };
  GtkWidget *window;
  /* The diagram's keys (circles-canvas.c) and the window's own ones. */
  static const char *keys[] = {
    "plus", "minus", "0", "Escape", "Return", "Tab", "<Shift>Tab",
    "Left", "Right", "Up", "Down", "slash", "<Control>Tab", "F9", "F10",
    "<Control>g", "<Shift><Control>g",
  };

  /* The accelerators are set when the application starts. */
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  window = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_assert_nonnull (window);
  collect_shortcuts (window, &shortcuts);

  descriptions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_assert_cmpuint (g_strv_length (descriptions), >, 0);
  for (guint i = 0; descriptions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    descriptions[i]);
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;

      g_assert_true (g_action_parse_detailed_name (descriptions[i], &action, &target, NULL));
      for (guint j = 0; accels[j] != NULL; j++)
        {
          g_test_message ("%s: %s", descriptions[i], accels[j]);
          if (!shortcuts_show (&shortcuts, action, accels[j]))
            g_error ("The Shortcuts window does not show %s (%s)", accels[j], descriptions[i]);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!shortcuts_show (&shortcuts, NULL, keys[i]))
      g_error ("The Shortcuts window does not show %s", keys[i]);

  gtk_window_destroy (GTK_WINDOW (window));
  g_ptr_array_unref (shortcuts.actions);
  g_ptr_array_unref (shortcuts.accelerators);
}

/* No style of the application takes the focus ring away. */
static void
test_focus_visible (void)
{
  static const char *sheets[] = {
    RESOURCE_PREFIX "/style.css",
    RESOURCE_PREFIX "/ui/circles-panels.css",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (sheets[i], 0, NULL);
      g_autofree char *css = NULL;
      g_autofree char *squeezed = NULL;
      guint n = 0;

      g_assert_nonnull (bytes);
      css = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      /* Without spaces, to catch "outline : none" as well. */
      squeezed = g_malloc (strlen (css) + 1);
      for (const char *p = css; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          squeezed[n++] = *p;
      squeezed[n] = '\0';

      g_test_message ("%s", sheets[i]);
      g_assert_null (strstr (squeezed, "outline:none"));
      g_assert_null (strstr (squeezed, "outline:0"));
      g_assert_null (strstr (squeezed, "outline-width:0"));
      g_assert_null (strstr (squeezed, "outline-style:none"));
      g_assert_null (strstr (squeezed, "outline-color:transparent"));
    }
}

/* ------------------------------------------------------------------ */
/* AT-SPI                                                              */

typedef struct
{
  char *bus_name;
  char *path;
  char *role;
  char *name;
  char *description;
  char *text;
  guint depth;
} Node;

static void
node_free (Node *node)
{
  g_free (node->bus_name);
  g_free (node->path);
  g_free (node->role);
  g_free (node->name);
  g_free (node->description);
  g_free (node->text);
  g_free (node);
}

typedef struct
{
  char      *address;   /* of the accessibility bus */
  char      *app_name;  /* as the application registers itself */
  GPtrArray *nodes;     /* out: the tree, depth first */
  char      *error;     /* out */
  gboolean   done;
} Reader;

static GVariant *
atspi_call (GDBusConnection *connection,
            const char      *bus_name,
            const char      *path,
            const char      *interface,
            const char      *method,
            GVariant        *args,
            const char      *reply_type,
            GError         **error)
{
  return g_dbus_connection_call_sync (connection, bus_name, path, interface, method, args,
                                      G_VARIANT_TYPE (reply_type), G_DBUS_CALL_FLAGS_NONE,
                                      10000, NULL, error);
}

static char *
atspi_get_string (GDBusConnection *connection,
                  const char      *bus_name,
                  const char      *path,
                  const char      *property)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  reply = atspi_call (connection, bus_name, path, "org.freedesktop.DBus.Properties", "Get",
                      g_variant_new ("(ss)", ATSPI_ACCESSIBLE, property), "(v)", NULL);
  if (reply == NULL)
    return NULL;
  g_variant_get (reply, "(v)", &value);
  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return NULL;
  return g_variant_dup_string (value, NULL);
}

static gboolean
atspi_walk (GDBusConnection *connection,
            const char      *bus_name,
            const char      *path,
            guint            depth,
            GPtrArray       *nodes,
            GError         **error)
{
  g_autoptr(GVariant) role = NULL;
  g_autoptr(GVariant) children = NULL;
  g_autoptr(GVariant) interfaces = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  const char *child_bus_name;
  const char *child_path;
  Node *node;

  if (nodes->len >= ATSPI_MAX_NODES)
    return TRUE;

  role = atspi_call (connection, bus_name, path, ATSPI_ACCESSIBLE, "GetRoleName", NULL, "(s)", error);
  if (role == NULL)
    return FALSE;

  node = g_new0 (Node, 1);
  node->bus_name = g_strdup (bus_name);
  node->path = g_strdup (path);
  node->depth = depth;
  g_variant_get (role, "(s)", &node->role);
  node->name = atspi_get_string (connection, bus_name, path, "Name");
  node->description = atspi_get_string (connection, bus_name, path, "Description");

  /* What a screen reader reads in a label: its text. */
  interfaces = atspi_call (connection, bus_name, path, ATSPI_ACCESSIBLE, "GetInterfaces",
                           NULL, "(as)", NULL);
  if (interfaces != NULL)
    {
      g_autofree const char **names = NULL;
      g_autoptr(GVariant) list = g_variant_get_child_value (interfaces, 0);

      names = g_variant_get_strv (list, NULL);
      if (g_strv_contains (names, ATSPI_TEXT))
        {
          g_autoptr(GVariant) text = atspi_call (connection, bus_name, path, ATSPI_TEXT, "GetText",
                                                 g_variant_new ("(ii)", 0, -1), "(s)", NULL);
          if (text != NULL)
            g_variant_get (text, "(s)", &node->text);
        }
    }
  g_ptr_array_add (nodes, node);

  children = atspi_call (connection, bus_name, path, ATSPI_ACCESSIBLE, "GetChildren",
                         NULL, "(a(so))", error);
  if (children == NULL)
    return FALSE;

  g_variant_get (children, "(a(so))", &iter);
  while (g_variant_iter_next (iter, "(&s&o)", &child_bus_name, &child_path))
    if (!atspi_walk (connection, child_bus_name, child_path, depth + 1, nodes, error))
      return FALSE;

  return TRUE;
}

/* In a thread of its own: GTK answers from the main loop. */
static gpointer
reader_thread (gpointer data)
{
  Reader *reader = data;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  g_autofree char *app_bus_name = NULL;
  g_autofree char *app_path = NULL;

  connection = g_dbus_connection_new_for_address_sync (reader->address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  if (connection == NULL)
    goto out;

  /* The application, once it has registered with the registry. */
  while (app_bus_name == NULL && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GVariant) apps = NULL;
      g_autoptr(GVariantIter) iter = NULL;
      const char *bus_name;
      const char *path;

      apps = atspi_call (connection, ATSPI_REGISTRY, ATSPI_ROOT_PATH, ATSPI_ACCESSIBLE,
                         "GetChildren", NULL, "(a(so))", &error);
      if (apps == NULL)
        goto out;
      g_variant_get (apps, "(a(so))", &iter);
      while (app_bus_name == NULL && g_variant_iter_next (iter, "(&s&o)", &bus_name, &path))
        {
          g_autofree char *name = atspi_get_string (connection, bus_name, path, "Name");

          if (g_strcmp0 (name, reader->app_name) == 0)
            {
              app_bus_name = g_strdup (bus_name);
              app_path = g_strdup (path);
            }
        }
      if (app_bus_name == NULL)
        g_usleep (G_USEC_PER_SEC / 10);
    }
  if (app_bus_name == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   "“%s” did not register with the AT-SPI registry", reader->app_name);
      goto out;
    }

  atspi_walk (connection, app_bus_name, app_path, 0, reader->nodes, &error);

out:
  if (error != NULL)
    reader->error = g_strdup (error->message);
  g_atomic_int_set (&reader->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* Reads the whole accessible tree of this process, as a screen reader would. */
static GPtrArray *
read_accessible_tree (const char *address)
{
  Reader reader = { 0, };
  GThread *thread;
  guint timeout_id;

  reader.address = (char *) address;
  reader.app_name = (char *) g_get_prgname ();
  reader.nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);

  timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb,
                                      (gpointer)"the AT-SPI reader");
  thread = g_thread_new ("atspi-reader", reader_thread, &reader);
  while (!g_atomic_int_get (&reader.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  g_source_remove (timeout_id);

  if (reader.error != NULL)
    g_error ("Reading through AT-SPI: %s", reader.error);

  if (g_getenv ("CIRCLES_TEST_ATSPI_DUMP") != NULL)
    for (guint i = 0; i < reader.nodes->len; i++)
      {
        Node *node = g_ptr_array_index (reader.nodes, i);

        g_printerr ("%*s[%s] \"%s\" \"%s\"%s%s\n", node->depth * 2, "", node->role,
                    node->name ? node->name : "", node->description ? node->description : "",
                    node->text ? " text: " : "", node->text ? node->text : "");
      }

  return reader.nodes;
}

static Node *
find_node (GPtrArray  *nodes,
           const char *role,
           const char *name)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = g_ptr_array_index (nodes, i);

      if (g_strcmp0 (node->role, role) == 0 &&
          (g_strcmp0 (node->name, name) == 0 || g_strcmp0 (node->text, name) == 0))
        return node;
    }

  return NULL;
}

static char *atspi_address;

static gboolean
atspi_available (void)
{
  if (atspi_address != NULL)
    return TRUE;

  if (g_getenv ("CIRCLES_TEST_ATSPI") == NULL)
    g_test_skip ("Needs the AT-SPI bus: run through the a11y-atspi test (dbus-run-session, "
                 "GTK_A11Y=atspi, CIRCLES_TEST_ATSPI=1)");
  else
    g_test_skip ("No accessibility bus on the session bus (is at-spi2-core installed?)");
  return FALSE;
}

static void
test_atspi_reads_selection (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) nodes = NULL;
  Node *canvas;
  Node *name;

  if (!atspi_available ())
    return;

  select_person (f, "d");
  gtk_widget_grab_focus (GTK_WIDGET (circles_test_find_of_type (GTK_WIDGET (f->window), CIRCLES_TYPE_CANVAS)));
  drain ();

  nodes = read_accessible_tree (atspi_address);
  g_test_message ("%u accessible objects", nodes->len);

  /* The diagram, and who is selected in it. */
  canvas = find_node (nodes, "panel", "Circles of Marie Curie");
  if (canvas == NULL)
    canvas = find_node (nodes, "group", "Circles of Marie Curie");
  g_assert_nonnull (canvas);
  g_assert_cmpstr (canvas->description, ==, "David Thomas, 2nd-degree connection, 2 mutual connections");

  /* The person pane's name. */
  name = find_node (nodes, "label", "David Thomas");
  g_assert_nonnull (name);
}

static void
test_atspi_buttons_named (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) nodes = NULL;
  guint buttons = 0;

  if (!atspi_available ())
    return;

  select_person (f, "d");
  nodes = read_accessible_tree (atspi_address);

  /* Every button a screen reader meets says what it does: not a type
   * name, not a mnemonic's underscore. */
  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = g_ptr_array_index (nodes, i);

      if (!g_str_equal (node->role, "push button") && !g_str_equal (node->role, "toggle button") &&
          !g_str_equal (node->role, "button"))
        continue;

      buttons++;
      g_test_message ("[%s] “%s” “%s”", node->role, node->name, node->description);
      g_assert_nonnull (node->name);
      g_assert_cmpstr (node->name, !=, "");
      if (g_str_has_prefix (node->name, "Gtk") || g_str_has_prefix (node->name, "Adw") ||
          strchr (node->name, '_') != NULL)
        g_error ("A %s is called “%s” (described as “%s”)", node->role, node->name,
                 node->description ? node->description : "");
    }
  g_assert_cmpuint (buttons, >, 6);
}

/* The accessibility bus of the private session, given to GTK before it
 * looks for it: under X11 it would otherwise trust the root window's
 * AT_SPI_BUS property, which a previous session may have left behind. */
static void
find_atspi_bus (void)
{
  g_autoptr(GDBusConnection) session = NULL;
  g_autoptr(GVariant) reply = NULL;

  if (g_getenv ("CIRCLES_TEST_ATSPI") == NULL)
    return;

  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (session == NULL)
    return;
  reply = g_dbus_connection_call_sync (session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus",
                                       "GetAddress", NULL, G_VARIANT_TYPE ("(s)"),
                                       G_DBUS_CALL_FLAGS_NONE, 10000, NULL, NULL);
  if (reply == NULL)
    return;
  g_variant_get (reply, "(s)", &atspi_address);
  g_setenv ("AT_SPI_BUS_ADDRESS", atspi_address, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_set_prgname ("test-a11y");
  find_atspi_bus ();
  /* Without a bus, GTK would warn (fatally) that it has none: the AT-SPI
   * tests skip, the others use the test backend. */
  if (atspi_address == NULL)
    g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/a11y/canvas", Fixture, NULL,
              fixture_set_up, test_canvas_exposes_selection, fixture_tear_down);
  g_test_add ("/a11y/header-bar", Fixture, NULL,
              fixture_set_up, test_header_bar_buttons, fixture_tear_down);
  g_test_add ("/a11y/person-pane", Fixture, NULL,
              fixture_set_up, test_person_pane_readable, fixture_tear_down);
  g_test_add_func ("/a11y/shortcuts-window", test_shortcuts_window_complete);
  g_test_add_func ("/a11y/focus-visible", test_focus_visible);
  g_test_add ("/a11y/atspi/selection", Fixture, NULL,
              fixture_set_up, test_atspi_reads_selection, fixture_tear_down);
  g_test_add ("/a11y/atspi/buttons", Fixture, NULL,
              fixture_set_up, test_atspi_buttons_named, fixture_tear_down);

  return g_test_run ();
}
