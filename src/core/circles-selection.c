/* circles-selection.c: the person selected, the chains to them, and the
 * names along them, as every output draws them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A selection is part of what is drawn, not of one widget: the canvas,
 * PNG, PDF and SVG draw it from here, so an export shows what the window
 * shows. It holds the chains from me to the selected person (found once,
 * when it is made) and the one to follow; circles_selection_place_labels()
 * places the names along them for a view, the selected person first,
 * then the chosen chain, then the warmest others, each where it covers
 * none placed before. The ring labels give way to them
 * (circles_scene_collect_labels()).
 */
#define G_LOG_DOMAIN "circles-selection"

#include "config.h"

#include <math.h>
#include <string.h>

#include "circles-scene.h"
#include "circles-selection.h"

#define NAME_SIZE       13.0 /* pixels: the names along the chains */
#define NAME_MAX_CHARS  28
#define NAME_GAP        6.0  /* between a marker's edge and its name */
#define NAME_PAD        2.0  /* free pixels kept around each name */

struct _CirclesSelection
{
  gatomicrefcount  ref_count;
  CirclesNetwork  *network;
  guint            person;
  CirclesPaths    *paths;
  CirclesChain     chosen;       /* length 0: the warmest */
  GHashTable      *names;        /* person + 1 -> sanitized name */
  GHashTable      *on_chain;     /* person + 1: on a chain drawn */
};

static void update_on_chain (CirclesSelection *self);

CirclesSelection *
circles_selection_new (CirclesNetwork *network,
                       guint           person)
{
  CirclesSelection *self;

  g_return_val_if_fail (network != NULL, NULL);
  g_return_val_if_fail (person < circles_network_get_n_people (network), NULL);

  self = g_new0 (CirclesSelection, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->network = circles_network_ref (network);
  self->person = person;
  if (person != circles_network_get_me (network))
    self->paths = circles_paths_find (network, person, CIRCLES_SELECTION_MAX_CHAINS);
  else
    {
      /* No chain leads to me. */
      self->paths = g_new0 (CirclesPaths, 1);
      self->paths->target = person;
      self->paths->chains = g_array_new (FALSE, FALSE, sizeof (CirclesChain));
      self->paths->mutual = g_array_new (FALSE, FALSE, sizeof (guint32));
    }
  self->names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->on_chain = g_hash_table_new (NULL, NULL);
  update_on_chain (self);
  return self;
}

CirclesSelection *
circles_selection_copy (const CirclesSelection *self)
{
  CirclesSelection *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (CirclesSelection, 1);
  g_atomic_ref_count_init (&copy->ref_count);
  copy->network = circles_network_ref (self->network);
  copy->person = self->person;
  copy->paths = g_new0 (CirclesPaths, 1);
  *copy->paths = *self->paths;
  copy->paths->chains = g_array_copy (self->paths->chains);
  copy->paths->mutual = g_array_copy (self->paths->mutual);
  copy->chosen = self->chosen;
  copy->names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  copy->on_chain = g_hash_table_new (NULL, NULL);
  update_on_chain (copy);
  return copy;
}

CirclesSelection *
circles_selection_ref (CirclesSelection *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
circles_selection_unref (CirclesSelection *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->names);
  g_hash_table_unref (self->on_chain);
  circles_paths_free (self->paths);
  circles_network_unref (self->network);
  g_free (self);
}

guint
circles_selection_get_person (const CirclesSelection *self)
{
  g_return_val_if_fail (self != NULL, CIRCLES_NO_PERSON);

  return self->person;
}

CirclesNetwork *
circles_selection_get_network (const CirclesSelection *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->network;
}

const CirclesPaths *
circles_selection_get_paths (const CirclesSelection *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->paths;
}

guint
circles_selection_get_n_chains (const CirclesSelection *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->paths->chains != NULL ? self->paths->chains->len : 0;
}

const CirclesChain *
circles_selection_get_chain (const CirclesSelection *self,
                             guint                   index)
{
  g_return_val_if_fail (index < circles_selection_get_n_chains (self), NULL);

  return &g_array_index (self->paths->chains, CirclesChain, index);
}

void
circles_selection_choose (CirclesSelection *self,
                          const guint32    *people,
                          guint             length)
{
  g_return_if_fail (self != NULL);

  memset (&self->chosen, 0, sizeof self->chosen);
  if (people != NULL && length >= 2 && length <= G_N_ELEMENTS (self->chosen.people) &&
      people[length - 1] == self->person)
    {
      self->chosen.length = length;
      memcpy (self->chosen.people, people, length * sizeof (guint32));
    }
  update_on_chain (self);
}

const CirclesChain *
circles_selection_get_chosen (const CirclesSelection *self,
                              guint                  *index)
{
  guint n = circles_selection_get_n_chains (self);
  guint unused;

  if (index == NULL)
    index = &unused;
  *index = G_MAXUINT;
  if (n == 0)
    return NULL;
  if (self->chosen.length == 0)
    {
      *index = 0;
      return circles_selection_get_chain (self, 0);
    }
  for (guint c = 0; c < n; c++)
    {
      const CirclesChain *chain = circles_selection_get_chain (self, c);

      if (chain->length == self->chosen.length &&
          memcmp (chain->people, self->chosen.people, chain->length * sizeof (guint32)) == 0)
        {
          *index = c;
          return chain;
        }
    }
  /* Chosen among the chains past those drawn. */
  return &self->chosen;
}

/* The people of the chains drawn and of the chosen one, and the
 * selected person: asked once per person drawn by the SVG writer. */
static void
update_on_chain (CirclesSelection *self)
{
  const CirclesChain *chosen = circles_selection_get_chosen (self, NULL);

  g_hash_table_remove_all (self->on_chain);
  g_hash_table_add (self->on_chain, GUINT_TO_POINTER (self->person + 1));
  for (guint c = 0; c <= circles_selection_get_n_chains (self); c++)
    {
      const CirclesChain *chain = c < circles_selection_get_n_chains (self)
                                  ? circles_selection_get_chain (self, c) : chosen;

      for (guint k = 0; chain != NULL && k < chain->length; k++)
        g_hash_table_add (self->on_chain, GUINT_TO_POINTER (chain->people[k] + 1));
    }
}

static gboolean
chain_has_link (const CirclesChain *chain,
                guint               a,
                guint               b)
{
  for (guint k = 0; k + 1 < chain->length; k++)
    if ((chain->people[k] == a && chain->people[k + 1] == b) ||
        (chain->people[k] == b && chain->people[k + 1] == a))
      return TRUE;
  return FALSE;
}

gboolean
circles_selection_on_chain (const CirclesSelection *self,
                            guint                   person)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->on_chain, GUINT_TO_POINTER (person + 1));
}

gboolean
circles_selection_on_chain_link (const CirclesSelection *self,
                                 guint                   a,
                                 guint                   b)
{
  const CirclesChain *chosen;

  g_return_val_if_fail (self != NULL, FALSE);

  chosen = circles_selection_get_chosen (self, NULL);
  if (chosen != NULL && chain_has_link (chosen, a, b))
    return TRUE;
  for (guint c = 0; c < circles_selection_get_n_chains (self); c++)
    if (chain_has_link (circles_selection_get_chain (self, c), a, b))
      return TRUE;
  return FALSE;
}

/* Names -------------------------------------------------------------- */

typedef struct
{
  CirclesSelection  *self;
  CirclesScene      *scene;
  const CirclesView *view;
  double             x0, x1;     /* the part of the view to place names in */
  double             centre_x;   /* of the rings, on the screen */
  GArray            *out;
} Placer;

static const char *
name_of (CirclesSelection *self,
         guint             person)
{
  char *name = g_hash_table_lookup (self->names, GUINT_TO_POINTER (person + 1));

  if (name == NULL)
    {
      name = circles_scene_sanitize_text (circles_network_get_name (self->network, person), NAME_MAX_CHARS);
      g_hash_table_insert (self->names, GUINT_TO_POINTER (person + 1), name);
    }
  return name;
}

static gboolean
box_is_free (const Placer *placer,
             double        x,
             double        y,
             double        width,
             double        height)
{
  if (x < placer->x0 + NAME_PAD || y < NAME_PAD ||
      x + width > placer->x1 - NAME_PAD || y + height > placer->view->height - NAME_PAD)
    return FALSE;
  for (guint i = 0; i < placer->out->len; i++)
    {
      const CirclesSelectionLabel *other = &g_array_index (placer->out, CirclesSelectionLabel, i);

      if (x < other->x + other->width + NAME_PAD && other->x < x + width + NAME_PAD &&
          y < other->y + other->height + NAME_PAD && other->y < y + height + NAME_PAD)
        return FALSE;
    }
  return TRUE;
}

static gboolean
placed (const Placer *placer,
        guint         person)
{
  for (guint i = 0; i < placer->out->len; i++)
    if (g_array_index (placer->out, CirclesSelectionLabel, i).person == person)
      return TRUE;
  return FALSE;
}

/* Beside the marker, away from the centre of the rings first (as the
 * ring labels are), then on the other side; the first name (the
 * selected person's) always, moved inside the view. */
static void
place_name (Placer   *placer,
            guint     person,
            gboolean  bold,
            double    gap)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (placer->scene, NULL);
  guint index = circles_scene_lookup_person (placer->scene, person);
  const CirclesView *view = placer->view;
  CirclesSelectionLabel label = { 0, };
  double x, y, r, sides[4][2];
  gboolean found = FALSE;

  if (index == G_MAXUINT || placed (placer, person))
    return;
  x = prims[index].x * view->zoom + view->offset_x;
  y = prims[index].y * view->zoom + view->offset_y;
  r = circles_scene_marker_radius (&prims[index], view->zoom);

  label.person = person;
  label.text = name_of (placer->self, person);
  label.size = NAME_SIZE;
  label.bold = bold;
  label.width = ceil (circles_scene_measure_text (label.text, NAME_SIZE, bold)) + 1.0;
  label.height = ceil (NAME_SIZE * CIRCLES_SCENE_LABEL_HEIGHT_RATIO);

  /* Away from the centre, towards it, then above and below. */
  sides[0][0] = x >= placer->centre_x ? x + r + gap : x - r - gap - label.width;
  sides[1][0] = x >= placer->centre_x ? x - r - gap - label.width : x + r + gap;
  sides[0][1] = sides[1][1] = y - label.height / 2.0;
  sides[2][0] = sides[3][0] = x - label.width / 2.0;
  sides[2][1] = y - r - 2.0 - label.height;
  sides[3][1] = y + r + 2.0;
  for (guint i = 0; i < G_N_ELEMENTS (sides) && !found; i++)
    {
      label.x = sides[i][0];
      label.y = sides[i][1];
      found = box_is_free (placer, label.x, label.y, label.width, label.height);
    }
  if (!found && placer->out->len > 0)
    return;
  if (!found)
    {
      label.x = CLAMP (sides[0][0], placer->x0 + NAME_PAD,
                       MAX (placer->x0 + NAME_PAD, placer->x1 - NAME_PAD - label.width));
      label.y = CLAMP (sides[0][1], NAME_PAD, MAX (NAME_PAD, view->height - NAME_PAD - label.height));
    }
  label.baseline_x = label.x;
  label.baseline_y = label.y + (label.height - NAME_SIZE) / 2.0 + NAME_SIZE * 0.8;
  g_array_append_val (placer->out, label);
}

static void
name_chain (Placer             *placer,
            const CirclesChain *chain,
            gboolean            bold)
{
  /* The people between me and the selected person, the 1st-degree
   * connection to ask first. */
  for (guint k = 1; k + 1 < chain->length; k++)
    place_name (placer, chain->people[k], bold, NAME_GAP);
}

void
circles_selection_place_labels (CirclesSelection  *self,
                                CirclesScene      *scene,
                                const CirclesView *view,
                                GArray            *out)
{
  Placer placer = { self, scene, view, 0.0, view->width, view->offset_x, out };
  const CirclesChain *chosen;
  guint chosen_index;

  g_return_if_fail (self != NULL);
  g_return_if_fail (scene != NULL);
  g_return_if_fail (out != NULL && g_array_get_element_size (out) == sizeof (CirclesSelectionLabel));

  g_array_set_size (out, 0);
  if (view->frame_width > 0)
    {
      placer.x0 = view->frame_x;
      placer.x1 = view->frame_x + view->frame_width;
    }
  {
    guint me = circles_scene_lookup_person (scene, circles_network_get_me (self->network));

    if (me != G_MAXUINT)
      placer.centre_x = circles_scene_get_primitives (scene, NULL)[me].x * view->zoom + view->offset_x;
  }

  place_name (&placer, self->person, TRUE, NAME_GAP + 6.0);
  chosen = circles_selection_get_chosen (self, &chosen_index);
  if (chosen != NULL)
    name_chain (&placer, chosen, TRUE);
  for (guint c = 0; c < MIN (circles_selection_get_n_chains (self), CIRCLES_SELECTION_NAMED_CHAINS); c++)
    if (c != chosen_index)
      name_chain (&placer, circles_selection_get_chain (self, c), FALSE);
}
