/* test-export.c: SVG, PNG and PDF export; hostile names; SVG vs cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "circles-demo.h"
#include "circles-export.h"
#include "circles-import.h"
#include "circles-render-cairo.h"
#include "circles-layout.h"
#include "circles-svg-writer.h"
#include "circles-selection.h"
#include "circles-test-util.h"

static char *
tmp_path (const char *name)
{
  g_autofree char *dir = circles_test_make_tmpdir ();

  return g_build_filename (dir, name, NULL);
}

static const char *
attribute (xmlNode    *node,
           const char *name)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (strcmp ((const char *) a->name, name) == 0 && a->children != NULL)
      return (const char *) a->children->content;
  return NULL;
}

typedef struct
{
  CirclesNetwork *network;
  guint           people;  /* person groups */
  guint           links;   /* <a> */
  gsize           longest; /* longest text */
} SvgCheck;

static gboolean
has_class (xmlNode    *node,
           const char *cls)
{
  const char *value = attribute (node, "class");
  g_auto(GStrv) classes = NULL;

  if (value == NULL)
    return FALSE;
  classes = g_strsplit (value, " ", -1);
  return g_strv_contains ((const char * const *) classes, cls);
}

/* Only plain SVG, no script, no event attribute, links to http(s) only. */
static void
check_node (xmlNode  *node,
            SvgCheck *check)
{
  static const char *allowed[] = {
    "svg", "title", "style", "defs", "circle", "path", "rect", "g", "use", "a", "text", NULL
  };

  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          const char *text = (const char *) node->content;

          g_assert_true (g_utf8_validate (text, -1, NULL));
          for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char (p);

              g_assert_false ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f));
              g_assert_false ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069));
            }
          check->longest = MAX (check->longest, strlen (text));
          continue;
        }
      if (node->type != XML_ELEMENT_NODE)
        {
          /* no comments, processing instructions, entities */
          g_assert_cmpint (node->type, ==, XML_ELEMENT_NODE);
          continue;
        }
      g_assert_true (g_strv_contains (allowed, (const char *) node->name));
      g_assert_null (node->ns != NULL && strcmp ((const char *) node->ns->href, "http://www.w3.org/2000/svg") != 0
                     ? node->ns->href : NULL);
      for (xmlAttr *a = node->properties; a != NULL; a = a->next)
        {
          const char *value = a->children != NULL ? (const char *) a->children->content : "";

          g_assert_false (g_ascii_strncasecmp ((const char *) a->name, "on", 2) == 0);
          g_assert_true (g_utf8_validate (value, -1, NULL));
          g_assert_null (strstr (value, "\xe2\x80\xae"));
          if (strcmp ((const char *) a->name, "href") == 0)
            {
              if (strcmp ((const char *) node->name, "use") == 0)
                g_assert_true (value[0] == '#');
              else
                g_assert_true (g_ascii_strncasecmp (value, "http://", 7) == 0 ||
                               g_ascii_strncasecmp (value, "https://", 8) == 0);
            }
        }
      if (strcmp ((const char *) node->name, "a") == 0)
        check->links++;
      if (strcmp ((const char *) node->name, "g") == 0 && has_class (node, "person"))
        {
          const char *key = attribute (node, "data-key");
          guint person, degree;
          g_autofree char *cls = NULL;

          g_assert_nonnull (key);
          person = circles_network_lookup (check->network, key);
          if (person != CIRCLES_NO_PERSON)
            {
              degree = circles_network_get_degree (check->network, person);
              cls = degree == 0 ? g_strdup ("me") : g_strdup_printf ("d%u", degree);
              g_assert_true (has_class (node, cls));
            }
          g_assert_true (node->children != NULL &&
                         strcmp ((const char *) node->children->name, "title") == 0);
          check->people++;
        }
      check_node (node->children, check);
    }
}

static void
check_svg (const char     *path,
           CirclesNetwork *network,
           SvgCheck       *check)
{
  xmlDoc *doc;

  memset (check, 0, sizeof *check);
  check->network = network;
  doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  check_node (xmlDocGetRootElement (doc), check);
  xmlFreeDoc (doc);
}

static guint
count_persons (CirclesScene *scene)
{
  guint n;

  circles_scene_get_range (scene, CIRCLES_SCENE_PERSON, NULL, &n);
  return n;
}

static void
test_svg_rings (void)
{
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-a me-b me-c a-b a-d a-e b-f c-g d-h e-h g-i i-j f>me z");
  g_autofree char *path = tmp_path ("rings.svg");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesScene) scene = circles_export_build_scene (network, NULL, &error);
  SvgCheck check;

  g_assert_no_error (error);
  g_assert_true (circles_export_file (network, path, NULL, 800, 600, &error));
  g_assert_no_error (error);
  check_svg (path, network, &check);
  g_assert_cmpuint (check.people, ==, count_persons (scene));
  g_assert_cmpuint (check.people, ==, 10); /* me, a..i; j beyond; z alone */
}

static CirclesNetwork *
hostile_network (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesStore) store = circles_test_store_new ("me-second-hop");
  g_autofree char *fixture = circles_test_fixture ("hostile/people.tsv");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *long_name = NULL;
  gint64 me, hop;
  CirclesNetwork *network;

  g_assert_true (g_file_get_contents (fixture, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (circles_store_begin (store, &error));
  me = circles_store_lookup_person (store, "me");
  hop = circles_store_lookup_person (store, "second-hop");
  g_assert_true (circles_store_set_me (store, me, &error));

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      CirclesPersonFields person = { 0, };
      g_autofree char *key = NULL, *name = NULL, *position = NULL, *company = NULL, *url = NULL;
      gint64 id;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 5);
      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      key = g_strcompress (fields[0]);
      person.display_name = name = g_strcompress (fields[1]);
      person.position = position = g_strcompress (fields[2]);
      person.company = company = g_strcompress (fields[3]);
      person.profile_url = url = g_strcompress (fields[4]);
      id = circles_store_ensure_person (store, key, &error);
      g_assert_no_error (error);
      g_assert_true (circles_store_update_person (store, id, &person, &error));
      /* half of them one step further out */
      g_assert_true (circles_store_add_connection (store, i % 2 ? me : hop, id, 1.0, NULL, &error));
      g_assert_no_error (error);
    }

  /* a 100 kB name */
  {
    CirclesPersonFields person = { 0, };
    gint64 id = circles_store_ensure_person (store, "h-long", &error);

    long_name = g_malloc (100 * 1024 + 1);
    memset (long_name, 'W', 100 * 1024);
    long_name[100 * 1024] = '\0';
    person.display_name = long_name;
    person.position = long_name;
    g_assert_true (circles_store_update_person (store, id, &person, &error));
    g_assert_true (circles_store_add_connection (store, me, id, 1.0, NULL, &error));
  }
  g_assert_true (circles_store_commit (store, &error));
  g_assert_no_error (error);

  network = circles_network_load (store, NULL, &error);
  g_assert_no_error (error);
  return network;
}

static void
test_svg_hostile (void)
{
  g_autoptr(CirclesNetwork) network = hostile_network ();
  g_autofree char *path = tmp_path ("hostile.svg");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesScene) scene = circles_export_build_scene (network, NULL, &error);
  gsize length;
  SvgCheck check;

  g_assert_true (circles_export_file (network, path, NULL, 1200, 900, &error));
  g_assert_no_error (error);
  check_svg (path, network, &check);
  g_assert_cmpuint (check.people, ==, count_persons (scene));
  g_assert_cmpuint (check.links, >=, 4);
  g_assert_cmpuint (check.longest, <, 2000);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, <, 100 * 1024);
  g_assert_null (strstr (contents, "<script"));
  g_assert_null (strstr (contents, "javascript:"));
  g_assert_null (strstr (contents, "JaVaScRiPt:"));
  g_assert_null (strstr (contents, "vbscript:"));
  g_assert_null (strstr (contents, "data:text"));
  g_assert_null (strstr (contents, "<foreignObject"));
  g_assert_null (strstr (contents, "<!ENTITY"));
  g_assert_null (strstr (contents, "<!--"));

  /* the same names in PNG and PDF do not break cairo */
  {
    g_autofree char *png = tmp_path ("hostile.png");
    g_autofree char *pdf = tmp_path ("hostile.pdf");

    g_assert_true (circles_export_file (network, png, NULL, 600, 400, &error));
    g_assert_no_error (error);
    g_assert_true (circles_export_file (network, pdf, NULL, 600, 400, &error));
    g_assert_no_error (error);
  }
}

static void
test_url_safety (void)
{
  g_assert_true (circles_svg_url_is_safe ("https://www.linkedin.com/in/camille-martin"));
  g_assert_true (circles_svg_url_is_safe ("HTTP://example.com/a?b=c&d=e"));
  g_assert_false (circles_svg_url_is_safe (NULL));
  g_assert_false (circles_svg_url_is_safe (""));
  g_assert_false (circles_svg_url_is_safe ("javascript:alert(1)"));
  g_assert_false (circles_svg_url_is_safe (" https://example.com"));
  g_assert_false (circles_svg_url_is_safe ("https:///path"));
  g_assert_false (circles_svg_url_is_safe ("https://exa mple.com"));
  g_assert_false (circles_svg_url_is_safe ("https://example.com/\"onload=\"x"));
  g_assert_false (circles_svg_url_is_safe ("ftp://example.com"));
  g_assert_false (circles_svg_url_is_safe ("//example.com"));
}

static void
test_errors (void)
{
  g_autoptr(CirclesNetwork) network = circles_test_network_new ("me-a a-b");
  g_autofree char *txt = tmp_path ("rings.txt");
  g_autofree char *svg = tmp_path ("paths.svg");
  g_autoptr(GError) error = NULL;

  g_assert_false (circles_export_file (network, txt, NULL, 0, 0, &error));
  g_assert_error (error, CIRCLES_EXPORT_ERROR, CIRCLES_EXPORT_ERROR_FORMAT);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (circles_export_file (network, svg, "nobody", 0, 0, &error));
  g_assert_error (error, CIRCLES_EXPORT_ERROR, CIRCLES_EXPORT_ERROR_UNKNOWN_PERSON);
  g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (circles_export_file (network, svg, "me", 0, 0, &error));
  g_assert_error (error, CIRCLES_EXPORT_ERROR, CIRCLES_EXPORT_ERROR_FOCUS_IS_ME);
  g_clear_error (&error);

  g_assert_false (circles_export_file (network, svg, NULL, -5, 100, &error));
  g_assert_error (error, CIRCLES_EXPORT_ERROR, CIRCLES_EXPORT_ERROR_SIZE);
  g_clear_error (&error);

  g_assert_false (circles_export_file (network, "/nonexistent/dir/x.png", NULL, 100, 100, &error));
  g_assert_nonnull (error);
  g_assert_false (error->domain == CIRCLES_EXPORT_ERROR);
}

static void
test_formats (void)
{
  g_autoptr(CirclesNetwork) network = circles_test_network_new ("me-a me-b a-c b-c c-t a-x x-t");
  const char *names[] = { "rings.png", "rings.PDF", "paths.svg", "paths.png", "paths.pdf" };
  const char *magic[] = { "\x89PNG", "%PDF", "<?xml", "\x89PNG", "%PDF" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = tmp_path (names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      g_assert_true (circles_export_file (network, path, g_str_has_prefix (names[i], "paths") ? "t" : NULL,
                                          640, 480, &error));
      g_assert_no_error (error);
      bytes = circles_test_read_bytes (path);
      g_assert_nonnull (bytes);
      g_assert_cmpint (memcmp (g_bytes_get_data (bytes, NULL), magic[i], strlen (magic[i])), ==, 0);
    }

  /* the paths diagram names the target */
  {
    g_autofree char *path = tmp_path ("focus.svg");
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;
    SvgCheck check;

    g_assert_true (circles_export_file (network, path, "t", 0, 0, &error));
    g_assert_no_error (error);
    check_svg (path, network, &check);
    g_assert_cmpuint (check.people, ==, 6); /* me a b c x t */
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "class=\"person d3 target\""));
  }
}

/* rsvg-convert's rendering of the SVG and the cairo PNG of the same
 * scene agree within a small difference. */
static void
svg_matches_png (gboolean emphasis)
{
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-anne me-bob me-carla me-dan anne-bob anne-emma anne-fred bob-gus "
                              "carla-hana dan-ivan emma-jo fred-jo gus-kim hana-lea ivan-max ivan-noe "
                              "max-olga noe-paul lea-quinn");
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");
  g_autofree char *svg = tmp_path ("same.svg");
  g_autofree char *png = tmp_path ("same.png");
  g_autofree char *rsvg_png = tmp_path ("same-rsvg.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesScene) scene = NULL;
  cairo_surface_t *a, *b;
  CirclesView view;
  g_autofree guint8 *mask = NULL;
  int status;
  guint64 total = 0, far = 0;
  int width = 480, height = 360;

  if (rsvg == NULL)
    {
      g_test_skip ("rsvg-convert is not installed (librsvg2-bin)");
      return;
    }

  scene = circles_export_build_scene (network, NULL, &error);
  g_assert_no_error (error);
  circles_view_init_fit (&view, scene, width, height);
  if (emphasis)
    {
      /* anne's side stands out */
      static const char *keys[] = { "anne", "bob", "emma", "fred", "gus", "jo" };

      mask = g_new0 (guint8, circles_network_get_n_people (network));
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        mask[circles_network_lookup (network, keys[i])] = 1;
      view.emphasis = mask;
    }
  g_assert_true (circles_export_scene (scene, network, &view, CIRCLES_EXPORT_SVG, svg, &error));
  g_assert_true (circles_export_scene (scene, network, &view, CIRCLES_EXPORT_PNG, png, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { rsvg, "-o", rsvg_png, svg, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  a = cairo_image_surface_create_from_png (png);
  b = cairo_image_surface_create_from_png (rsvg_png);
  g_assert_cmpint (cairo_surface_status (a), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (b), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);

  for (int y = 0; y < height; y++)
    {
      const guint32 *ra = (const guint32 *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a));
      const guint32 *rb = (const guint32 *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < width; x++)
        {
          guint worst = 0;

          for (guint shift = 0; shift < 32; shift += 8)
            {
              guint d = abs ((int) ((ra[x] >> shift) & 0xff) - (int) ((rb[x] >> shift) & 0xff));

              total += d;
              worst = MAX (worst, d);
            }
          if (worst > 64)
            far++;
        }
    }
  g_test_message ("mean difference %.3f per channel, %.3f%% of pixels far apart",
                  (double) total / (4.0 * width * height), 100.0 * far / (width * height));
  /* text is shaped by Pango in rsvg and by the cairo toy API here: the
   * glyphs differ by a pixel here and there, nothing else does */
  g_assert_cmpfloat ((double) total / (4.0 * width * height), <, 2.0);
  g_assert_cmpfloat ((double) far / (width * height), <, 0.02);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_svg_matches_png (void)
{
  svg_matches_png (FALSE);
}

static void
test_svg_matches_png_emphasis (void)
{
  svg_matches_png (TRUE);
}

/* The pixel at the centre of @person's marker. */
static guint32
marker_pixel (cairo_surface_t   *surface,
              CirclesScene      *scene,
              const CirclesView *view,
              guint              person)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  guint index = circles_scene_lookup_person (scene, person);
  int x, y;

  g_assert_cmpuint (index, !=, G_MAXUINT);
  x = (int) lround (prims[index].x * view->zoom + view->offset_x);
  y = (int) lround (prims[index].y * view->zoom + view->offset_y);
  cairo_surface_flush (surface);
  return ((const guint32 *) (cairo_image_surface_get_data (surface) +
                             y * cairo_image_surface_get_stride (surface)))[x] & 0xffffff;
}

static double
color_distance (guint32 a,
                guint32 b)
{
  double d = 0.0;

  for (guint shift = 0; shift < 24; shift += 8)
    d += fabs ((double) ((a >> shift) & 0xff) - (double) ((b >> shift) & 0xff));
  return d;
}

/* With an emphasis, the others are faded towards the background and
 * lose their names; those who stand out keep both; the SVG says which
 * is which. */
static CirclesNetwork *demo_network (guint people);

static void
test_emphasis (void)
{
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-anne me-bob anne-carla bob-dan carla-emma dan-fred");
  g_autoptr(CirclesScene) scene = circles_export_build_scene (network, NULL, NULL);
  g_autofree char *svg = tmp_path ("emphasis.svg");
  g_autofree guint8 *mask = g_new0 (guint8, circles_network_get_n_people (network));
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  guint anne = circles_network_lookup (network, "anne");
  guint bob = circles_network_lookup (network, "bob");
  guint carla = circles_network_lookup (network, "carla");
  guint dan = circles_network_lookup (network, "dan");
  const CirclesPalette *palette;
  cairo_surface_t *plain, *emphasised;
  guint32 background;
  CirclesView view;
  cairo_t *cr;

  circles_view_init_fit (&view, scene, 640, 480);
  view.flags |= CIRCLES_VIEW_NO_LEGEND;
  palette = circles_view_get_palette (&view);
  background = ((guint32) lround (palette->background.r * 255) << 16) |
               ((guint32) lround (palette->background.g * 255) << 8) |
               (guint32) lround (palette->background.b * 255);

  plain = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view.width, view.height);
  cr = cairo_create (plain);
  circles_render_cairo (scene, &view, cr);
  cairo_destroy (cr);

  mask[bob] = mask[dan] = 1;
  view.emphasis = mask;
  emphasised = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view.width, view.height);
  cr = cairo_create (emphasised);
  circles_render_cairo (scene, &view, cr);
  cairo_destroy (cr);

  /* those who stand out are drawn as without an emphasis */
  g_assert_cmpuint (marker_pixel (emphasised, scene, &view, bob), ==, marker_pixel (plain, scene, &view, bob));
  g_assert_cmpuint (marker_pixel (emphasised, scene, &view, dan), ==, marker_pixel (plain, scene, &view, dan));
  /* the others are much closer to the background than they were */
  for (guint k = 0; k < 2; k++)
    {
      guint person = k == 0 ? anne : carla;
      double before = color_distance (marker_pixel (plain, scene, &view, person), background);
      double after = color_distance (marker_pixel (emphasised, scene, &view, person), background);

      g_test_message ("distance to the background %.0f -> %.0f", before, after);
      g_assert_cmpfloat (before, >, 100.0);
      g_assert_cmpfloat (after, <, before * 0.3);
    }
  cairo_surface_destroy (plain);
  cairo_surface_destroy (emphasised);

  /* the labels drawn: me's, the rings' and those of who stands out */
  {
    g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (guint));
    const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
    guint n_people = 0;

    circles_scene_collect_labels (scene, &view, 0, 0, view.width, view.height, labels);
    for (guint v = 0; v < labels->len; v++)
      {
        guint person = prims[g_array_index (labels, guint, v)].person;

        if (person == CIRCLES_NO_PERSON)
          continue;
        g_assert_true (person == circles_network_get_me (network) || mask[person]);
        n_people++;
      }
    /* me, bob and dan, whose names show without an emphasis too */
    g_assert_cmpuint (n_people, ==, 3);
  }

  /* the SVG: class "dim" on exactly the others */
  g_assert_true (circles_export_scene (scene, network, &view, CIRCLES_EXPORT_SVG, svg, &error));
  g_assert_no_error (error);
  {
    xmlDoc *doc = xmlReadFile (svg, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlXPathContext *xpath;
    xmlXPathObject *people;
    guint n_dim = 0;

    g_assert_nonnull (doc);
    xpath = xmlXPathNewContext (doc);
    xmlXPathRegisterNs (xpath, BAD_CAST "svg", BAD_CAST "http://www.w3.org/2000/svg");
    people = xmlXPathEvalExpression (BAD_CAST "//svg:g[contains(@class,'person')]", xpath);
    g_assert_nonnull (people);
    g_assert_cmpint (xmlXPathNodeSetGetLength (people->nodesetval), ==, circles_network_get_n_people (network));
    for (int i = 0; i < xmlXPathNodeSetGetLength (people->nodesetval); i++)
      {
        xmlNode *node = xmlXPathNodeSetItem (people->nodesetval, i);
        guint person = circles_network_lookup (network, attribute (node, "data-key"));
        gboolean stands_out = person == circles_network_get_me (network) || mask[person];

        g_assert_cmpint (has_class (node, "dim"), ==, !stands_out);
        n_dim += has_class (node, "dim");
      }
    g_assert_cmpuint (n_dim, ==, 4);
    xmlXPathFreeObject (people);
    xmlXPathFreeContext (xpath);
    xmlFreeDoc (doc);
  }
  g_file_get_contents (svg, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, ">bob</text>"));
  g_assert_nonnull (strstr (contents, ">me</text>"));
  g_assert_null (strstr (contents, ">fred</text>"));
  g_assert_nonnull (strstr (contents, ".person.dim{opacity:"));
}

/* Beyond the level of detail: the few who stand out get their names,
 * and no name covers another. */
static void
test_emphasis_labels (void)
{
  g_autoptr(CirclesNetwork) network = demo_network (3000);
  g_autoptr(CirclesScene) scene = circles_export_build_scene (network, NULL, NULL);
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  g_autofree guint8 *mask = g_new0 (guint8, circles_network_get_n_people (network));
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (guint));
  guint first, n, n_hidden = 0, n_named = 0;
  CirclesView view;

  circles_view_init_fit (&view, scene, 1280, 800);
  circles_scene_collect_labels (scene, &view, 0, 0, view.width, view.height, labels);

  /* ten people of the 2nd circle whose names the zoom hides */
  circles_scene_get_range (scene, CIRCLES_SCENE_LABEL, &first, &n);
  for (guint i = first; i < first + n && n_hidden < 10; i++)
    if (prims[i].person != CIRCLES_NO_PERSON && prims[i].circle == CIRCLES_CIRCLE_SECOND &&
        !circles_scene_label_visible (&prims[i], view.zoom))
      {
        mask[prims[i].person] = 1;
        n_hidden++;
      }
  g_assert_cmpuint (n_hidden, ==, 10);

  view.emphasis = mask;
  circles_scene_collect_labels (scene, &view, 0, 0, view.width, view.height, labels);
  for (guint v = 0; v < labels->len; v++)
    {
      const CirclesScenePrimitive *a = &prims[g_array_index (labels, guint, v)];
      double ax, ay, aw, ah;

      if (a->person != CIRCLES_NO_PERSON && mask[a->person])
        n_named++;
      circles_scene_label_box (a, &view, &ax, &ay, &aw, &ah, NULL, NULL);
      for (guint w = v + 1; w < labels->len; w++)
        {
          double bx, by, bw, bh;

          circles_scene_label_box (&prims[g_array_index (labels, guint, w)], &view, &bx, &by, &bw, &bh, NULL, NULL);
          g_assert_false (ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah);
        }
    }
  g_test_message ("%u of the 10 named", n_named);
  g_assert_cmpuint (n_named, >=, 5);
}

static CirclesNetwork *
demo_network (guint people)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("demo.db");
  g_autoptr(CirclesStore) store = NULL;
  CirclesNetwork *network;

  g_unlink (path);
  store = circles_store_open (path, &error);
  g_assert_no_error (error);
  circles_demo_generate (store, people, 1, NULL, &error);
  g_assert_no_error (error);
  network = circles_network_load (store, NULL, &error);
  g_assert_no_error (error);
  return network;
}

/* Colour by company is the scene's: the SVG says it (classes, legend). */
static void
test_svg_company (void)
{
  g_autoptr(CirclesNetwork) network = demo_network (600);
  g_autoptr(CirclesScene) scene = circles_export_build_scene (network, NULL, NULL);
  g_autoptr(GBytes) by_circle = NULL;
  g_autoptr(GBytes) by_company = NULL;
  g_autofree char *circle_text = NULL;
  g_autofree char *company_text = NULL;
  CirclesView view;

  circles_view_init_fit (&view, scene, 1000, 700);
  by_circle = circles_svg_write (scene, network, &view);
  view.color_by = CIRCLES_COLOR_BY_COMPANY;
  by_company = circles_svg_write (scene, network, &view);
  circle_text = g_strndup (g_bytes_get_data (by_circle, NULL), g_bytes_get_size (by_circle));
  company_text = g_strndup (g_bytes_get_data (by_company, NULL), g_bytes_get_size (by_company));

  g_assert_null (strstr (circle_text, " co1"));
  g_assert_null (strstr (circle_text, "Colored by company"));
  g_assert_nonnull (strstr (circle_text, "1st circle"));
  g_assert_nonnull (strstr (company_text, "\"person d2 co"));
  g_assert_nonnull (strstr (company_text, ".person.co1,.swatch.co1{fill:"));
  g_assert_nonnull (strstr (company_text, "Colored by company"));
  g_assert_nonnull (strstr (company_text, "class=\"swatch co1\""));

  /* The dark palette, when a view asks for it. */
  {
    g_autoptr(GBytes) dark = NULL;
    g_autofree char *text = NULL;

    view.flags |= CIRCLES_VIEW_DARK;
    dark = circles_svg_write (scene, network, &view);
    text = g_strndup (g_bytes_get_data (dark, NULL), g_bytes_get_size (dark));
    g_assert_nonnull (strstr (text, ".bg{fill:#1e1e1e}"));
  }
}

/* On an image surface, markers and edges are written into the pixels;
 * anywhere else (a recording surface here, as PDF) they are paths: both
 * draw the same picture, by circle and by company, light and dark. */
/* Streamed, the SVG is the same document, written in pieces; a stream
 * that fails says so. */
static void
test_svg_stream (void)
{
  g_autoptr(CirclesNetwork) network = demo_network (12000);
  g_autoptr(CirclesScene) scene = circles_export_build_scene (network, NULL, NULL);
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) small = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *buffer = g_malloc (100000);
  g_autofree char *dir = circles_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "replaced.svg", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  CirclesView view;

  circles_view_init_fit (&view, scene, 1600, 1200);
  whole = circles_svg_write (scene, network, &view);
  g_test_message ("%" G_GSIZE_FORMAT " bytes", g_bytes_get_size (whole));
  /* written in two pieces at least */
  g_assert_cmpuint (g_bytes_get_size (whole), >, 2u << 20);

  g_assert_true (circles_svg_write_to_stream (scene, network, &view, memory, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (memory, NULL, &error));
  {
    g_autoptr(GBytes) streamed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));

    g_assert_true (g_bytes_equal (whole, streamed));
  }

  small = g_memory_output_stream_new (buffer, 100000, NULL, NULL);
  g_assert_false (circles_svg_write_to_stream (scene, network, &view, small, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);

  /* A name that cannot be replaced (a folder) fails and stays as it was;
   * a file is replaced by the whole document. */
  {
    g_autofree char *folder = g_build_filename (dir, "folder.svg", NULL);

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    g_assert_false (circles_export_scene (scene, network, &view, CIRCLES_EXPORT_SVG, folder, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  }
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (circles_export_scene (scene, network, &view, CIRCLES_EXPORT_SVG, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (whole, NULL), g_bytes_get_size (whole));
}

static void
test_fast_path_matches_cairo (void)
{
  g_autoptr(CirclesNetwork) network = demo_network (4000);
  g_autoptr(CirclesScene) scene = circles_export_build_scene (network, NULL, NULL);
  g_autofree guint8 *mask = g_new0 (guint8, circles_network_get_n_people (network));
  int width = 800, height = 600;

  /* modes 4 to 7: the same with every 3rd person standing out */
  for (guint i = 0; i < circles_network_get_n_people (network); i += 3)
    mask[i] = 1;

  for (guint mode = 0; mode < 8; mode++)
    {
      cairo_surface_t *fast = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_surface_t *slow = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_rectangle_t extents = { 0, 0, width, height };
      cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      cairo_t *cr;
      CirclesView view;
      guint64 total = 0;

      circles_view_init_fit (&view, scene, width, height);
      view.color_by = mode & 1 ? CIRCLES_COLOR_BY_COMPANY : CIRCLES_COLOR_BY_CIRCLE;
      view.flags = mode & 2 ? CIRCLES_VIEW_DARK : 0;
      if (mode & 2)
        view.zoom *= 6.0; /* zoomed in on the centre: edges and shapes */
      if (mode & 4)
        view.emphasis = mask;

      cr = cairo_create (fast);
      circles_render_cairo (scene, &view, cr);
      cairo_destroy (cr);
      cr = cairo_create (recording);
      circles_render_cairo (scene, &view, cr);
      cairo_destroy (cr);
      cr = cairo_create (slow);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_flush (fast);
      cairo_surface_flush (slow);

      for (int y = 0; y < height; y++)
        {
          const guint32 *ra = (const guint32 *) (cairo_image_surface_get_data (fast) + y * cairo_image_surface_get_stride (fast));
          const guint32 *rb = (const guint32 *) (cairo_image_surface_get_data (slow) + y * cairo_image_surface_get_stride (slow));

          for (int x = 0; x < width; x++)
            for (guint shift = 0; shift < 32; shift += 8)
              total += abs ((int) ((ra[x] >> shift) & 0xff) - (int) ((rb[x] >> shift) & 0xff));
        }
      g_test_message ("mode %u: mean difference %.3f per channel", mode, (double) total / (4.0 * width * height));
      /* the overview's tiny markers are dots on the image, shapes in a
       * PDF; zoomed in, the same shapes */
      g_assert_cmpfloat ((double) total / (4.0 * width * height), <, mode & 2 ? 0.5 : 3.0);
      cairo_surface_destroy (fast);
      cairo_surface_destroy (slow);
      cairo_surface_destroy (recording);
    }
}

/* Counts the elements of @node's tree with class @cls, and checks that
 * those with class "person" and "chain" are the people of @selection's
 * chains; @selected: the "selected" one. */
typedef struct
{
  CirclesSelection *selection;
  CirclesNetwork   *network;
  guint             chain_people;
  guint             links;
  guint             selected;
  guint             names;
} SelectionCheck;

static void
check_selection_node (xmlNode        *node,
                      SelectionCheck *check)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (strcmp ((const char *) node->name, "g") == 0 && has_class (node, "person"))
        {
          guint person = circles_network_lookup (check->network, attribute (node, "data-key"));

          g_assert_cmpint (has_class (node, "chain"), ==, circles_selection_on_chain (check->selection, person));
          g_assert_cmpint (has_class (node, "selected"), ==, person == circles_selection_get_person (check->selection));
          if (has_class (node, "selected"))
            check->selected = person;
          if (has_class (node, "chain"))
            check->chain_people++;
        }
      if (strcmp ((const char *) node->name, "path") == 0 && has_class (node, "link"))
        {
          guint a = circles_network_lookup (check->network, attribute (node, "data-from"));
          guint b = circles_network_lookup (check->network, attribute (node, "data-to"));

          g_assert_true (has_class (node, "chain"));
          g_assert_true (circles_selection_on_chain_link (check->selection, a, b));
          check->links++;
        }
      if (strcmp ((const char *) node->name, "text") == 0 && has_class (node, "name"))
        check->names++;
      check_selection_node (node->children, check);
    }
}

static guint
count_differing_pixels (CirclesScene      *scene,
                        const CirclesView *a,
                        const CirclesView *b)
{
  cairo_surface_t *sa = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, a->width, a->height);
  cairo_surface_t *sb = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, b->width, b->height);
  cairo_t *cr;
  guint n = 0;

  cr = cairo_create (sa);
  circles_render_cairo (scene, a, cr);
  cairo_destroy (cr);
  cr = cairo_create (sb);
  circles_render_cairo (scene, b, cr);
  cairo_destroy (cr);
  cairo_surface_flush (sa);
  cairo_surface_flush (sb);
  for (int y = 0; y < a->height; y++)
    for (int x = 0; x < a->width; x++)
      {
        const guint32 *pa = (const guint32 *) (cairo_image_surface_get_data (sa) + y * cairo_image_surface_get_stride (sa));
        const guint32 *pb = (const guint32 *) (cairo_image_surface_get_data (sb) + y * cairo_image_surface_get_stride (sb));

        n += pa[x] != pb[x];
      }
  cairo_surface_destroy (sa);
  cairo_surface_destroy (sb);
  return n;
}

/* The introducer looked at is drawn by the backends: lines from them to
 * whom they reach, in the SVG with their key. */
static void
test_introducer (void)
{
  g_autoptr(CirclesNetwork) network = circles_test_network_new ("me-a me-b a-c a-d c-e");
  g_autoptr(CirclesScene) scene = circles_export_build_scene (network, NULL, NULL);
  guint32 links[4];
  CirclesIntroducerView introducer = { 0, links, 2 };
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *d = NULL;
  const char *path;
  CirclesView view, with;

  introducer.person = circles_test_person (network, "a");
  links[0] = introducer.person;
  links[1] = circles_test_person (network, "c");
  links[2] = links[1];
  links[3] = circles_test_person (network, "e");
  circles_view_init_fit (&view, scene, 640, 480);
  plain = circles_svg_write (scene, network, &view);
  g_assert_null (strstr (g_bytes_get_data (plain, NULL), "class=\"introducer\""));

  with = view;
  with.introducer = &introducer;
  svg = circles_svg_write (scene, network, &with);
  g_assert_nonnull (strstr (g_bytes_get_data (svg, NULL), "<g class=\"introducer\" data-key=\"a\">"));
  path = strstr (g_bytes_get_data (svg, NULL), "<path class=\"reach\" d=\"");
  g_assert_nonnull (path);
  path += strlen ("<path class=\"reach\" d=\"");
  d = g_strndup (path, strcspn (path, "\""));
  /* two lines, "M… L…" each */
  parts = g_strsplit (d, "M", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 3);

  g_assert_cmpuint (count_differing_pixels (scene, &view, &with), >, 100);
}

/* Text without what a PDF's text layer adds or drops: spaces, and the
 * bidi marks pdftotext puts around right-to-left words. */
static char *
bare_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !(c >= 0x200e && c <= 0x200f) && !(c >= 0x202a && c <= 0x202e) &&
          !(c >= 0x2066 && c <= 0x2069))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Names in eleven scripts: in a PDF each is text once, readable back
 * (a name drawn as empty boxes, or twice, would not be). */
static void
test_pdf_scripts (void)
{
  g_autofree char *db = tmp_path ("scripts.db");
  g_autofree char *pdf = tmp_path ("scripts.pdf");
  g_autofree char *csv = circles_test_fixture ("import/Connections-scripts.csv");
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *bare = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  int status;
  guint checked = 0;

  store = circles_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (circles_import_file (store, csv, CIRCLES_IMPORT_FORMAT_AUTO, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  network = circles_network_load (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (circles_export_file (network, pdf, NULL, 1200, 900, &error));
  g_assert_no_error (error);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  bare = bare_text (out);
  for (guint p = 0; p < circles_network_get_n_people (network); p++)
    {
      g_autofree char *name = NULL;
      const char *at;
      guint count = 0;

      if (p == circles_network_get_me (network))
        continue;
      name = bare_text (circles_network_get_name (network, p));
      for (at = strstr (bare, name); at != NULL; at = strstr (at + 1, name))
        count++;
      g_test_message ("%s: %u", circles_network_get_name (network, p), count);
      g_assert_cmpuint (count, ==, 1);
      checked++;
    }
  g_assert_cmpuint (checked, ==, 11);
}

/* export --select: the selected person and the people and connections
 * of the chains are marked; the names along the chains never cover each
 * other nor a ring label, at the overview and zoomed in. */
static void
test_select (void)
{
  g_autoptr(CirclesNetwork) network = demo_network (3000);
  g_autoptr(CirclesScene) scene = circles_export_build_scene (network, NULL, NULL);
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  g_autofree char *path = tmp_path ("select.svg");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (CirclesSelectionLabel));
  g_autoptr(CirclesSelection) selection = NULL;
  SelectionCheck check = { .selected = CIRCLES_NO_PERSON };
  guint target = CIRCLES_NO_PERSON;
  xmlDoc *doc;
  CirclesView view;

  /* A 3rd-degree person with several chains. */
  for (guint p = 0; p < circles_network_get_n_people (network) && target == CIRCLES_NO_PERSON; p++)
    if (circles_network_get_degree (network, p) == 3 && circles_network_count_chains (network, p) >= 4)
      target = p;
  g_assert_cmpuint (target, !=, CIRCLES_NO_PERSON);
  selection = circles_selection_new (network, target);
  g_assert_cmpuint (circles_selection_get_n_chains (selection), >=, 4);

  g_assert_true (circles_export_file_full (network, path, NULL, circles_network_get_key (network, target),
                                           1280, 800, &error));
  g_assert_no_error (error);
  doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  check.selection = selection;
  check.network = network;
  check_selection_node (xmlDocGetRootElement (doc), &check);
  xmlFreeDoc (doc);
  g_assert_cmpuint (check.selected, ==, target);
  g_assert_cmpuint (check.links, >=, 3 * circles_selection_get_n_chains (selection));
  g_assert_cmpuint (check.chain_people, >=, 4);
  g_assert_cmpuint (check.names, >=, 2);

  /* Unknown: bad input, nothing written. */
  g_unlink (path);
  g_assert_false (circles_export_file_full (network, path, NULL, "nobody-has-this", 640, 480, &error));
  g_assert_error (error, CIRCLES_EXPORT_ERROR, CIRCLES_EXPORT_ERROR_UNKNOWN_PERSON);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  for (guint zoom_step = 0; zoom_step < 3; zoom_step++)
    {
      circles_view_init_fit (&view, scene, 960, 640);
      if (zoom_step > 0)
        {
          guint index = circles_scene_lookup_person (scene, target);
          double zoom = view.zoom * (zoom_step == 1 ? 3.0 : 8.0);

          view.offset_x = view.width / 2.0 - prims[index].x * zoom;
          view.offset_y = view.height / 2.0 - prims[index].y * zoom;
          view.zoom = zoom;
        }
      view.selection = selection;
      circles_selection_place_labels (selection, scene, &view, names);
      circles_scene_collect_labels (scene, &view, 0, 0, view.width, view.height, labels);
      g_assert_cmpuint (names->len, >=, 1);
      g_assert_cmpuint (g_array_index (names, CirclesSelectionLabel, 0).person, ==, target);
      for (guint i = 0; i < names->len; i++)
        {
          const CirclesSelectionLabel *a = &g_array_index (names, CirclesSelectionLabel, i);

          g_assert_true (a->x >= 0 && a->y >= 0 && a->x + a->width <= view.width && a->y + a->height <= view.height);
          for (guint j = i + 1; j < names->len; j++)
            {
              const CirclesSelectionLabel *b = &g_array_index (names, CirclesSelectionLabel, j);

              g_assert_false (a->x < b->x + b->width && b->x < a->x + a->width &&
                              a->y < b->y + b->height && b->y < a->y + a->height);
            }
          for (guint v = 0; v < labels->len; v++)
            {
              const CirclesScenePrimitive *label = &prims[g_array_index (labels, guint, v)];
              double x, y, w, h;

              circles_scene_label_box (label, &view, &x, &y, &w, &h, NULL, NULL);
              g_assert_false (x < a->x + a->width && a->x < x + w && y < a->y + a->height && a->y < y + h);
              g_assert_true (label->person != a->person || (label->flags & CIRCLES_SCENE_FLAG_TITLE));
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/svg/rings", test_svg_rings);
  g_test_add_func ("/export/svg/hostile", test_svg_hostile);
  g_test_add_func ("/export/svg/url-safety", test_url_safety);
  g_test_add_func ("/export/svg/matches-png", test_svg_matches_png);
  g_test_add_func ("/export/svg/matches-png-emphasis", test_svg_matches_png_emphasis);
  g_test_add_func ("/export/emphasis", test_emphasis);
  g_test_add_func ("/export/svg/stream", test_svg_stream);
  g_test_add_func ("/export/emphasis-labels", test_emphasis_labels);
  g_test_add_func ("/export/svg/company", test_svg_company);
  g_test_add_func ("/export/fast-path-matches-cairo", test_fast_path_matches_cairo);
  g_test_add_func ("/export/errors", test_errors);
  g_test_add_func ("/export/formats", test_formats);
  g_test_add_func ("/export/select", test_select);
  g_test_add_func ("/export/pdf-scripts", test_pdf_scripts);
  g_test_add_func ("/export/introducer", test_introducer);

  return g_test_run ();
}
