/* circles-prospecting.c: the prospects of a session, and who can introduce them
 *
 * One per session: the filter the user set, the people it matches, the
 * prospects among them and the 1st-degree connections who can introduce
 * them, computed in a worker thread whenever the filter or the network
 * changes; and the introducer the user is looking at. The views read
 * who stands out from it ("emphasis").
 *
 * Locations and group memberships are not in the snapshot: a filter on
 * them reads the database through the session's worker store
 * (circles-worker-store.c), so that the session's store stays the main
 * thread's and its imports'.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-prospecting"

#include "config.h"

#include <glib/gi18n.h>

#include "circles-cold.h"
#include "circles-interaction.h"
#include "circles-prospect-list.h"
#include "circles-prospecting.h"

typedef struct
{
  guint8             *matches;     /* NULL: no filter */
  CirclesCounts       counts;      /* of the matches */
  guint8             *is_prospect;
  guint               n_prospects;
  CirclesIntroducers *introducers;
  GArray             *cover_gains; /* of guint: what each of the cover adds */
  GArray             *top_gains;   /* of CirclesReachGain; NULL: not asked */
  GArray             *cold;        /* of CirclesColdTie, the first few */
  GBytes             *last_message; /* guint32 Julian day per person, as read
                                     * for this network; NULL: unread */
} Results;

typedef struct
{
  CirclesNetwork     *network;
  char               *filter;
  CirclesWorkerStore *worker;
  gboolean            want_top_gains; /* a new network */
  GBytes             *last_message;   /* read already for this network */
} Request;

struct _CirclesProspecting
{
  GObject          parent_instance;

  CirclesSession  *session;  /* weak: the session owns us */
  char            *filter;
  GCancellable    *cancellable;
  guint            computing : 1;

  CirclesNetwork  *network;  /* of the results */
  Results         *results;
  guint            introducer;
  guint            introducer_reach;
  guint8          *introducer_mask;
  CirclesCounts    introducer_counts; /* of the mask */
  GArray          *introducer_links;  /* of guint32 pairs: who leads to whom */
  GError          *error;    /* why the results match nobody */
  GArray          *top_gains; /* of network: whom to connect with next */
};

G_DEFINE_FINAL_TYPE (CirclesProspecting, circles_prospecting, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILTER,
  PROP_COMPUTING,
  PROP_INTRODUCERS,
  PROP_INTRODUCER,
  PROP_EMPHASIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
results_free (Results *results)
{
  g_free (results->matches);
  g_free (results->is_prospect);
  g_clear_pointer (&results->introducers, circles_introducers_free);
  g_clear_pointer (&results->cover_gains, g_array_unref);
  g_clear_pointer (&results->top_gains, g_array_unref);
  g_clear_pointer (&results->cold, g_array_unref);
  g_clear_pointer (&results->last_message, g_bytes_unref);
  g_free (results);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Results, results_free)

static void
request_free (Request *request)
{
  circles_network_unref (request->network);
  g_free (request->filter);
  circles_worker_store_unref (request->worker);
  g_clear_pointer (&request->last_message, g_bytes_unref);
  g_free (request);
}

/* Binds @filter, reading the database when it needs to. */
static gboolean
bind_filter (CirclesProspectFilter  *filter,
             CirclesNetwork         *network,
             CirclesWorkerStore     *worker,
             GError                **error)
{
  CirclesProspectFacts *facts;
  CirclesStore *store;
  gboolean bound;

  if (!circles_prospect_filter_needs_store (filter))
    return circles_prospect_filter_bind (filter, network, NULL, error);

  circles_worker_store_lock (worker);
  store = circles_worker_store_get_store (worker, error);
  /* The store is read once per snapshot, whatever the filters. */
  facts = circles_worker_store_get_cache (worker);
  if (store != NULL && facts == NULL)
    {
      facts = circles_prospect_facts_new ();
      circles_worker_store_set_cache (worker, facts, (GDestroyNotify) circles_prospect_facts_free);
    }
  bound = store != NULL && circles_prospect_filter_bind_facts (filter, network, store, facts, error);
  circles_worker_store_unlock (worker);

  return bound;
}

/* The day of the last message with each person, from the database: read
 * once per network, since a change of them makes a new network. */
static GBytes *
read_last_messages (CirclesNetwork     *network,
                    CirclesWorkerStore *worker)
{
  g_autoptr(GError) error = NULL;
  guint32 *last_message = NULL;
  CirclesStore *store;

  circles_worker_store_lock (worker);
  store = circles_worker_store_get_store (worker, &error);
  if (store != NULL)
    last_message = circles_cold_read_last_messages (network, store, &error);
  circles_worker_store_unlock (worker);
  if (last_message == NULL)
    {
      g_debug ("No messages read: %s", error->message);
      return NULL;
    }
  return g_bytes_new_take (last_message,
                           sizeof (guint32) * MAX (1, circles_network_get_n_people (network)));
}

/* The introducers of the prospects let go coldest, the most valuable
 * first (circles-cold.h), by the day of the last message with each
 * (@last_message); without it, the day the connection was made. */
static GArray *
find_cold (CirclesNetwork *network,
           GBytes         *last_message,
           const guint8   *is_prospect)
{
  GArray *cold;

  cold = circles_cold_rank (network,
                            last_message != NULL ? g_bytes_get_data (last_message, NULL) : NULL,
                            is_prospect, circles_julian_today ());
  if (cold->len > CIRCLES_PROSPECTING_COLD)
    g_array_set_size (cold, CIRCLES_PROSPECTING_COLD);
  return cold;
}

/* What each introducer of the cover adds to those taken before it: the
 * prospects it reaches that none of them reaches. */
static GArray *
cover_gains (CirclesNetwork           *network,
             const CirclesIntroducers *introducers,
             const guint8             *is_prospect)
{
  GArray *gains = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint8 *mask = g_new0 (guint8, MAX (1, circles_network_get_n_people (network)));

  for (guint i = 0; i < introducers->cover->len; i++)
    {
      guint gain = circles_introducer_mark_reach (network, g_array_index (introducers->cover, guint32, i),
                                                  is_prospect, mask);

      g_array_append_val (gains, gain);
    }
  return gains;
}

static void
circles_prospecting_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  Request *request = task_data;
  CirclesNetwork *network = request->network;
  guint n = circles_network_get_n_people (network);
  g_autoptr(CirclesProspectFilter) filter = NULL;
  g_autoptr(Results) results = g_new0 (Results, 1);
  g_autoptr(GArray) prospects = NULL;
  GError *error = NULL;

  /* What earlier filters read of an older snapshot goes, and the
   * reference to it with it. */
  circles_worker_store_lock (request->worker);
  if (circles_worker_store_get_cache (request->worker) != NULL)
    circles_prospect_facts_forget_others (circles_worker_store_get_cache (request->worker), network);
  circles_worker_store_unlock (request->worker);

  if (*request->filter != '\0')
    {
      filter = circles_prospect_filter_parse (request->filter, &error);
      if (filter == NULL || !bind_filter (filter, network, request->worker, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      results->matches = g_new0 (guint8, n);
      for (guint p = 0; p < n; p++)
        results->matches[p] = circles_prospect_filter_matches (filter, p);
      /* Me is not a match: me always stands out. */
      results->matches[circles_network_get_me (network)] = 0;
      circles_network_count_subset (network, results->matches, &results->counts);
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  prospects = circles_prospects_select (network, filter);
  results->n_prospects = prospects->len;
  results->is_prospect = g_new0 (guint8, n);
  for (guint k = 0; k < prospects->len; k++)
    results->is_prospect[g_array_index (prospects, guint32, k)] = 1;
  results->introducers = circles_introducers_find (network, (const guint32 *) prospects->data,
                                                   prospects->len);
  results->cover_gains = cover_gains (network, results->introducers, results->is_prospect);
  results->last_message = request->last_message != NULL
                          ? g_bytes_ref (request->last_message)
                          : read_last_messages (network, request->worker);
  results->cold = find_cold (network, results->last_message, results->is_prospect);
  /* Whom to connect with next does not depend on the filter. */
  if (request->want_top_gains)
    {
      if (g_task_return_error_if_cancelled (task))
        return;
      results->top_gains = circles_reach_top (network, CIRCLES_PROSPECTING_TOP_GAINS);
    }

  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) results_free);
}

static void
circles_prospecting_set_computing (CirclesProspecting *self,
                                   gboolean            computing)
{
  computing = !!computing;
  if (self->computing == computing)
    return;
  self->computing = computing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPUTING]);
}

/* The lines from @introducer to whom it reaches (@mask, as
 * circles_introducer_mark_reach() marks it): to the 2nd-degree people it
 * knows, and from them to the 3rd-degree prospects; each person reached
 * by one line. */
static GArray *
introducer_links (CirclesNetwork *network,
                  guint32         introducer,
                  const guint8   *mask)
{
  GArray *links = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GHashTable) linked = g_hash_table_new (NULL, NULL);
  const guint32 *row = circles_network_get_neighbours (network, introducer);
  guint n_row = circles_network_get_n_neighbours (network, introducer);

  for (guint i = 0; i < n_row; i++)
    {
      guint32 u = row[i];

      if (mask[u] == 0 || circles_network_get_degree (network, u) != 2 ||
          !g_hash_table_add (linked, GUINT_TO_POINTER (u + 1)))
        continue;
      g_array_append_val (links, introducer);
      g_array_append_val (links, u);
    }
  for (guint i = 0; i < n_row; i++)
    {
      guint32 u = row[i];
      const guint32 *row2;
      guint n_row2;

      if (mask[u] == 0 || circles_network_get_degree (network, u) != 2)
        continue;
      row2 = circles_network_get_neighbours (network, u);
      n_row2 = circles_network_get_n_neighbours (network, u);
      for (guint j = 0; j < n_row2; j++)
        {
          guint32 v = row2[j];

          if (mask[v] != 2 || circles_network_get_degree (network, v) != 3 ||
              !g_hash_table_add (linked, GUINT_TO_POINTER (v + 1)))
            continue;
          g_array_append_val (links, u);
          g_array_append_val (links, v);
        }
    }
  return links;
}

/* The introducer's mask, from the results. */
static void
circles_prospecting_update_introducer (CirclesProspecting *self)
{
  g_clear_pointer (&self->introducer_mask, g_free);
  g_clear_pointer (&self->introducer_links, g_array_unref);
  self->introducer_reach = 0;

  if (self->introducer == CIRCLES_NO_PERSON || self->results == NULL)
    return;

  self->introducer_mask = g_new0 (guint8, circles_network_get_n_people (self->network));
  self->introducer_reach = circles_introducer_mark_reach (self->network, self->introducer,
                                                          self->results->is_prospect,
                                                          self->introducer_mask);
  circles_network_count_subset (self->network, self->introducer_mask, &self->introducer_counts);
  self->introducer_links = introducer_links (self->network, self->introducer, self->introducer_mask);
}

static void
circles_prospecting_set_results (CirclesProspecting *self,
                                 CirclesNetwork     *network,
                                 Results            *results)
{
  g_object_freeze_notify (G_OBJECT (self));

  g_clear_pointer (&self->results, results_free);
  if (self->network != network)
    {
      g_clear_pointer (&self->network, circles_network_unref);
      if (network != NULL)
        self->network = circles_network_ref (network);
      /* Person numbers belong to one snapshot. */
      if (self->introducer != CIRCLES_NO_PERSON)
        {
          self->introducer = CIRCLES_NO_PERSON;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTRODUCER]);
        }
    }
  self->results = results;
  if (results != NULL && results->top_gains != NULL)
    {
      g_clear_pointer (&self->top_gains, g_array_unref);
      self->top_gains = g_steal_pointer (&results->top_gains);
    }
  else if (network == NULL)
    g_clear_pointer (&self->top_gains, g_array_unref);
  circles_prospecting_update_introducer (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTRODUCERS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPHASIS]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
circles_prospecting_computed_cb (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  CirclesProspecting *self = CIRCLES_PROSPECTING (object);
  Request *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  Results *results;

  results = g_task_propagate_pointer (G_TASK (result), &error);
  if (results == NULL)
    {
      /* A newer request took over. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The filter parsed before it was sent: only the database can
       * fail here. The filter then matches nobody, and says why. */
      g_debug ("Could not apply the filter “%s”: %s", request->filter, error->message);
      results = g_new0 (Results, 1);
      results->matches = g_new0 (guint8, circles_network_get_n_people (request->network));
      results->is_prospect = g_new0 (guint8, circles_network_get_n_people (request->network));
      results->introducers = circles_introducers_find (request->network, NULL, 0);
    }

  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  self->error = g_steal_pointer (&error);
  circles_prospecting_set_results (self, request->network, results);
  circles_prospecting_set_computing (self, FALSE);
}

/* Starts over for the session's current network and the filter. */
static void
circles_prospecting_recompute (CirclesProspecting *self)
{
  CirclesNetwork *network = self->session != NULL ? circles_session_get_network (self->session) : NULL;
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (network == NULL)
    {
      circles_prospecting_set_results (self, NULL, NULL);
      circles_prospecting_set_computing (self, FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  request = g_new0 (Request, 1);
  request->network = circles_network_ref (network);
  request->filter = g_strdup (self->filter);
  request->worker = circles_worker_store_ref (circles_session_get_worker_store (self->session));
  request->want_top_gains = network != self->network || self->top_gains == NULL;
  if (network == self->network && self->results != NULL && self->results->last_message != NULL)
    request->last_message = g_bytes_ref (self->results->last_message);

  task = g_task_new (self, self->cancellable, circles_prospecting_computed_cb, NULL);
  g_task_set_source_tag (task, circles_prospecting_recompute);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, circles_prospecting_thread);

  circles_prospecting_set_computing (self, TRUE);
}

static void
session_network_cb (CirclesProspecting *self)
{
  circles_prospecting_recompute (self);
  /* Until the results of the new network come, nobody stands out. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPHASIS]);
}

static void
circles_prospecting_dispose (GObject *object)
{
  CirclesProspecting *self = (CirclesProspecting *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (circles_prospecting_parent_class)->dispose (object);
}

static void
circles_prospecting_finalize (GObject *object)
{
  CirclesProspecting *self = (CirclesProspecting *)object;

  if (self->session != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->session), (gpointer *) &self->session);

  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->results, results_free);
  g_clear_pointer (&self->network, circles_network_unref);
  g_clear_pointer (&self->introducer_mask, g_free);
  g_clear_pointer (&self->introducer_links, g_array_unref);
  g_clear_pointer (&self->top_gains, g_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (circles_prospecting_parent_class)->finalize (object);
}

static void
circles_prospecting_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CirclesProspecting *self = CIRCLES_PROSPECTING (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_string (value, self->filter);
      break;

    case PROP_COMPUTING:
      g_value_set_boolean (value, self->computing);
      break;

    case PROP_INTRODUCERS:
      g_value_set_pointer (value, (gpointer) circles_prospecting_get_introducers (self));
      break;

    case PROP_INTRODUCER:
      g_value_set_uint (value, self->introducer);
      break;

    case PROP_EMPHASIS:
      g_value_set_pointer (value, (gpointer) circles_prospecting_get_emphasis (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_prospecting_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CirclesProspecting *self = CIRCLES_PROSPECTING (object);

  switch (prop_id)
    {
    case PROP_INTRODUCER:
      circles_prospecting_set_introducer (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_prospecting_class_init (CirclesProspectingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = circles_prospecting_dispose;
  object_class->finalize = circles_prospecting_finalize;
  object_class->get_property = circles_prospecting_get_property;
  object_class->set_property = circles_prospecting_set_property;

  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL,
                         "",
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_COMPUTING] =
    g_param_spec_boolean ("computing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* The CirclesIntroducers of the results; notified whenever the
   * results change (the matches and their counts with them). */
  properties[PROP_INTRODUCERS] =
    g_param_spec_pointer ("introducers", NULL, NULL,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_INTRODUCER] =
    g_param_spec_uint ("introducer", NULL, NULL,
                       0, G_MAXUINT, CIRCLES_NO_PERSON,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_EMPHASIS] =
    g_param_spec_pointer ("emphasis", NULL, NULL,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
circles_prospecting_init (CirclesProspecting *self)
{
  self->filter = g_strdup ("");
  self->introducer = CIRCLES_NO_PERSON;
}

CirclesProspecting *
circles_prospecting_get_for_session (CirclesSession *session)
{
  CirclesProspecting *self;

  g_return_val_if_fail (CIRCLES_IS_SESSION (session), NULL);

  self = g_object_get_data (G_OBJECT (session), "circles-prospecting");
  if (self != NULL)
    return self;

  self = g_object_new (CIRCLES_TYPE_PROSPECTING, NULL);
  self->session = session;
  g_object_add_weak_pointer (G_OBJECT (session), (gpointer *) &self->session);
  g_object_set_data_full (G_OBJECT (session), "circles-prospecting", self, g_object_unref);
  g_signal_connect_object (session, "notify::network",
                           G_CALLBACK (session_network_cb), self, G_CONNECT_SWAPPED);
  circles_prospecting_recompute (self);

  return self;
}

const char *
circles_prospecting_get_filter (CirclesProspecting *self)
{
  g_return_val_if_fail (CIRCLES_IS_PROSPECTING (self), NULL);

  return self->filter;
}

/**
 * circles_prospecting_set_filter:
 * @filter: an expression for circles_prospect_filter_parse(), or "" (or
 *   blanks) for none
 *
 * Returns: FALSE, with CIRCLES_PROSPECTS_ERROR_BAD_FILTER, when @filter
 *   does not parse; the current filter stays then.
 */
gboolean
circles_prospecting_set_filter (CirclesProspecting  *self,
                                const char          *filter,
                                GError             **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (CIRCLES_IS_PROSPECTING (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  stripped = g_strstrip (g_strdup (filter));
  if (*stripped != '\0')
    {
      g_autoptr(CirclesProspectFilter) parsed = circles_prospect_filter_parse (stripped, error);

      if (parsed == NULL)
        return FALSE;
    }
  if (g_strcmp0 (self->filter, stripped) == 0)
    return TRUE;

  g_free (self->filter);
  self->filter = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  circles_prospecting_recompute (self);
  return TRUE;
}

gboolean
circles_prospecting_get_computing (CirclesProspecting *self)
{
  g_return_val_if_fail (CIRCLES_IS_PROSPECTING (self), FALSE);

  return self->computing;
}

/* Why the filter matches nobody when the database could not be read for
 * it; NULL otherwise. */
const GError *
circles_prospecting_get_error (CirclesProspecting *self)
{
  g_return_val_if_fail (CIRCLES_IS_PROSPECTING (self), NULL);

  return self->error;
}

const guint8 *
circles_prospecting_get_matches (CirclesProspecting *self)
{
  g_return_val_if_fail (CIRCLES_IS_PROSPECTING (self), NULL);

  return self->results != NULL ? self->results->matches : NULL;
}

const CirclesCounts *
circles_prospecting_get_match_counts (CirclesProspecting *self)
{
  g_return_val_if_fail (CIRCLES_IS_PROSPECTING (self), NULL);

  if (self->results == NULL || self->results->matches == NULL)
    return NULL;
  return &self->results->counts;
}

guint
circles_prospecting_get_n_prospects (CirclesProspecting *self)
{
  g_return_val_if_fail (CIRCLES_IS_PROSPECTING (self), 0);

  return self->results != NULL ? self->results->n_prospects : 0;
}

const CirclesIntroducers *
circles_prospecting_get_introducers (CirclesProspecting *self)
{
  g_return_val_if_fail (CIRCLES_IS_PROSPECTING (self), NULL);

  return self->results != NULL ? self->results->introducers : NULL;
}

/* The introducers of the prospects let go coldest (CirclesColdTie), the
 * most valuable first, at most CIRCLES_PROSPECTING_COLD; NULL while
 * there are no results. */
const GArray *
circles_prospecting_get_cold (CirclesProspecting *self)
{
  g_return_val_if_fail (CIRCLES_IS_PROSPECTING (self), NULL);

  return self->results != NULL ? self->results->cold : NULL;
}

/* Whom to connect with next: the 2nd- and 3rd-degree people who would
 * bring the most people into the 2nd and 3rd circles (circles_reach_top()),
 * best first; NULL while there are no results. */
const GArray *
circles_prospecting_get_top_gains (CirclesProspecting *self)
{
  g_return_val_if_fail (CIRCLES_IS_PROSPECTING (self), NULL);

  return self->results != NULL ? self->top_gains : NULL;
}

guint
circles_prospecting_get_introducer (CirclesProspecting *self)
{
  g_return_val_if_fail (CIRCLES_IS_PROSPECTING (self), CIRCLES_NO_PERSON);

  return self->introducer;
}

/**
 * circles_prospecting_set_introducer:
 * @person: a 1st-degree person of the session's network, or
 *   %CIRCLES_NO_PERSON
 *
 * Looks at whom @person can introduce: they stand out in the views.
 */
void
circles_prospecting_set_introducer (CirclesProspecting *self,
                                    guint               person)
{
  g_return_if_fail (CIRCLES_IS_PROSPECTING (self));

  if (self->network == NULL || person >= circles_network_get_n_people (self->network) ||
      circles_network_get_degree (self->network, person) != 1)
    person = CIRCLES_NO_PERSON;
  if (self->introducer == person)
    return;

  self->introducer = person;
  circles_prospecting_update_introducer (self);
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTRODUCER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPHASIS]);
  g_object_thaw_notify (G_OBJECT (self));
}

guint
circles_prospecting_get_introducer_reach (CirclesProspecting *self)
{
  g_return_val_if_fail (CIRCLES_IS_PROSPECTING (self), 0);

  return self->introducer_reach;
}

/**
 * circles_prospecting_get_introducer_links:
 * @n_links: (out): how many lines
 *
 * Returns: (nullable): the lines from the introducer looked at to whom
 *   they reach, as pairs of people (from, to): to the 2nd-degree people
 *   the introducer knows, from these to the 3rd-degree prospects. NULL
 *   while no introducer is looked at.
 */
const guint32 *
circles_prospecting_get_introducer_links (CirclesProspecting *self,
                                          guint              *n_links)
{
  g_return_val_if_fail (CIRCLES_IS_PROSPECTING (self), NULL);
  g_return_val_if_fail (n_links != NULL, NULL);

  *n_links = self->introducer_links != NULL ? self->introducer_links->len / 2 : 0;
  return self->introducer_links != NULL ? (const guint32 *) self->introducer_links->data : NULL;
}

/**
 * circles_prospecting_get_cover_gains:
 * @n_gains: (out): how many, the length of the introducers' cover
 *
 * Returns: (nullable): what each introducer of the cover adds, in its
 *   order: the prospects it can introduce that none taken before it can.
 */
const guint *
circles_prospecting_get_cover_gains (CirclesProspecting *self,
                                     guint              *n_gains)
{
  g_return_val_if_fail (CIRCLES_IS_PROSPECTING (self), NULL);
  g_return_val_if_fail (n_gains != NULL, NULL);

  if (self->results == NULL || self->results->cover_gains == NULL)
    {
      *n_gains = 0;
      return NULL;
    }
  *n_gains = self->results->cover_gains->len;
  return (const guint *) self->results->cover_gains->data;
}

/**
 * circles_prospecting_get_emphasis_counts:
 *
 * Returns: (nullable): how many people of each circle stand out (as
 *   circles_prospecting_get_emphasis() says), NULL when everyone does.
 */
const CirclesCounts *
circles_prospecting_get_emphasis_counts (CirclesProspecting *self)
{
  const guint8 *emphasis;

  g_return_val_if_fail (CIRCLES_IS_PROSPECTING (self), NULL);

  emphasis = circles_prospecting_get_emphasis (self);
  if (emphasis == NULL)
    return NULL;
  if (emphasis == self->introducer_mask)
    return &self->introducer_counts;
  return circles_prospecting_get_match_counts (self);
}

const guint8 *
circles_prospecting_get_emphasis (CirclesProspecting *self)
{
  g_return_val_if_fail (CIRCLES_IS_PROSPECTING (self), NULL);

  /* The results belong to the network they were computed for: until
   * the new ones come, nobody stands out. */
  if (self->network == NULL || self->session == NULL ||
      self->network != circles_session_get_network (self->session))
    return NULL;
  if (self->introducer_mask != NULL)
    return self->introducer_mask;
  return circles_prospecting_get_matches (self);
}

/* {{{ The list to act on */

typedef struct
{
  CirclesNetwork     *network;
  GArray             *prospects; /* of guint32 */
  GFile              *file;
  CirclesWorkerStore *worker;
} ListRequest;

static void
list_request_free (ListRequest *request)
{
  circles_network_unref (request->network);
  g_array_unref (request->prospects);
  g_object_unref (request->file);
  circles_worker_store_unref (request->worker);
  g_free (request);
}

static void
circles_prospecting_list_thread (GTask        *task,
                                 gpointer      source_object,
                                 gpointer      task_data,
                                 GCancellable *cancellable)
{
  ListRequest *request = task_data;
  g_autoptr(GFileOutputStream) stream = NULL;
  CirclesStore *store;
  GError *error = NULL;
  gboolean written;

  /* The reasons recorded for each prospect come from the database. */
  circles_worker_store_lock (request->worker);
  store = circles_worker_store_get_store (request->worker, &error);
  if (store != NULL)
    stream = g_file_replace (request->file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &error);
  written = stream != NULL &&
            circles_prospect_list_write (request->network, store,
                                         (const guint32 *) request->prospects->data, request->prospects->len,
                                         G_OUTPUT_STREAM (stream), cancellable, &error) &&
            g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &error);
  circles_worker_store_unlock (request->worker);

  if (!written)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * circles_prospecting_write_list_async:
 * @file: the CSV file to write (replaced)
 *
 * Writes the current prospects as the list to act on (the columns of
 * circles-prospect-list.h: best introducer, chain, reasons, a drafted
 * message) in a worker thread. Fails with %G_IO_ERROR_PENDING while the
 * results are being computed.
 */
void
circles_prospecting_write_list_async (CirclesProspecting  *self,
                                      GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ListRequest *request;
  guint n;

  g_return_if_fail (CIRCLES_IS_PROSPECTING (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, circles_prospecting_write_list_async);

  if (self->computing || self->results == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The prospects are not ready yet"));
      return;
    }

  n = circles_network_get_n_people (self->network);
  request = g_new0 (ListRequest, 1);
  request->network = circles_network_ref (self->network);
  request->prospects = g_array_sized_new (FALSE, FALSE, sizeof (guint32), self->results->n_prospects);
  for (guint32 p = 0; p < n; p++)
    if (self->results->is_prospect[p])
      g_array_append_val (request->prospects, p);
  request->file = g_object_ref (file);
  request->worker = circles_worker_store_ref (circles_session_get_worker_store (self->session));
  g_task_set_task_data (task, request, (GDestroyNotify) list_request_free);
  g_task_run_in_thread (task, circles_prospecting_list_thread);
}

gboolean
circles_prospecting_write_list_finish (CirclesProspecting  *self,
                                       GAsyncResult        *result,
                                       GError             **error)
{
  g_return_val_if_fail (CIRCLES_IS_PROSPECTING (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* }}} */
