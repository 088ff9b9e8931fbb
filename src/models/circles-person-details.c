/* circles-person-details.c: what the person pane shows of one person
 *
 * The model behind the person pane: the person's texts and circle, the
 * warmest chains from me (or, for the 2nd degree, the mutual
 * connections) with how many exist, the drafted first message naming
 * the chosen introducer (and, for the 3rd degree, the request to the
 * 1st-degree connection who starts the chain); and what the database
 * holds beyond the snapshot, read in a worker through the session's
 * worker store: what happened between the person and me, the reasons
 * recorded for a 3rd-degree approach (saved the same way), my rating of
 * a 1st-degree connection. Until they are read they are not "known".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-person-details"

#include "config.h"

#include <glib/gi18n.h>

#include "circles-message.h"
#include "circles-person-details.h"
#include "circles-prospects.h"

struct _CirclesPersonDetails
{
  GObject             parent_instance;

  CirclesSession     *session;
  CirclesNetwork     *network;
  guint               person;
  CirclesSelection   *selection;  /* the session's, of the person */
  const CirclesPaths *paths;      /* the selection's */
  guint               n_chains;   /* listed: at most the limit */
  CirclesPersonList  *mutual;     /* the warmest mutual connections shown */
  CirclesReachGain    gain;       /* if the person became 1st-degree */
  guint               reasons;
  guint               rating;     /* 0..5, of a 1st-degree person */
  char               *ties;       /* what happened between us, or NULL */
  GCancellable       *reading;    /* while the database is read */
  guint               reasons_known : 1;
  guint               rating_known : 1;
  guint               has_gain : 1;
};

G_DEFINE_FINAL_TYPE (CirclesPersonDetails, circles_person_details, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REASONS,
  PROP_REASONS_KNOWN,
  PROP_RATING,
  PROP_RATING_KNOWN,
  PROP_TIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
circles_person_details_finalize (GObject *object)
{
  CirclesPersonDetails *self = (CirclesPersonDetails *)object;

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_object (&self->session);
  g_clear_pointer (&self->network, circles_network_unref);
  g_clear_pointer (&self->selection, circles_selection_unref);
  g_clear_pointer (&self->ties, g_free);
  g_clear_object (&self->mutual);

  G_OBJECT_CLASS (circles_person_details_parent_class)->finalize (object);
}

static void
circles_person_details_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CirclesPersonDetails *self = CIRCLES_PERSON_DETAILS (object);

  switch (prop_id)
    {
    case PROP_REASONS:
      g_value_set_uint (value, self->reasons);
      break;

    case PROP_REASONS_KNOWN:
      g_value_set_boolean (value, self->reasons_known);
      break;

    case PROP_RATING:
      g_value_set_uint (value, self->rating);
      break;

    case PROP_RATING_KNOWN:
      g_value_set_boolean (value, self->rating_known);
      break;

    case PROP_TIES:
      g_value_set_string (value, self->ties);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_person_details_class_init (CirclesPersonDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = circles_person_details_finalize;
  object_class->get_property = circles_person_details_get_property;

  /* CirclesReasons flags recorded for the person. */
  properties[PROP_REASONS] =
    g_param_spec_uint ("reasons", NULL, NULL,
                       0, CIRCLES_REASONS_ALL, 0,
                       (G_PARAM_READABLE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* FALSE until the database was read. */
  properties[PROP_REASONS_KNOWN] =
    g_param_spec_boolean ("reasons-known", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* My rating of the connection with a 1st-degree person, 1..5, 0 when
   * unrated (and for everyone else). */
  properties[PROP_RATING] =
    g_param_spec_uint ("rating", NULL, NULL,
                       0, 5, 0,
                       (G_PARAM_READABLE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* FALSE until the rating was read, and for people who are not
   * 1st-degree connections. */
  properties[PROP_RATING_KNOWN] =
    g_param_spec_boolean ("rating-known", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* What the data archive told of this person and me
   * (circles_person_details_get_ties()), once read. */
  properties[PROP_TIES] =
    g_param_spec_string ("ties", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
circles_person_details_init (CirclesPersonDetails *self)
{
  self->person = CIRCLES_NO_PERSON;
}

/* {{{ What the database holds beyond the snapshot */

typedef struct
{
  gint64              person;
  gint64              me;          /* when rated */
  gboolean            with_ties;   /* not me */
  gboolean            rated;       /* a 1st-degree connection */
  CirclesInteraction  interaction; /* out, with_ties */
  guint               reasons;     /* out; in, to write */
  int                 rating;      /* out, rated */
} Facts;

static void
facts_free (Facts *facts)
{
  circles_interaction_clear (&facts->interaction);
  g_free (facts);
}

static void circles_person_details_set_reasons_internal (CirclesPersonDetails *self,
                                                         guint                 reasons,
                                                         gboolean              known);
static void circles_person_details_set_rating_internal  (CirclesPersonDetails *self,
                                                         guint                 rating,
                                                         gboolean              known);

/* In a worker. */
static gboolean
read_facts (CirclesStore  *store,
            gpointer       data,
            GError       **error)
{
  Facts *facts = data;

  if (facts->with_ties &&
      !circles_store_get_interaction (store, facts->person, &facts->interaction, error))
    return FALSE;
  facts->reasons = circles_store_get_reasons (store, facts->person);
  if (facts->rated)
    {
      facts->rating = circles_store_get_rating (store, facts->me, facts->person, error);
      if (facts->rating < 0)
        return FALSE;
    }
  return TRUE;
}

/* Messages, endorsements, recommendations, a pending invitation: what
 * the data archive told of this person and me, in a sentence. */
static char *
describe_ties (const CirclesInteraction *interaction)
{
  g_autofree char *ties = circles_interaction_describe (interaction);
  g_autofree char *invitation = circles_interaction_describe_invitation (interaction);

  if (ties != NULL && invitation != NULL)
    return g_strconcat (ties, "\n", invitation, NULL);
  return g_strdup (ties != NULL ? ties : invitation);
}

static void
facts_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CirclesPersonDetails *self = CIRCLES_PERSON_DETAILS (object);
  g_autoptr(GError) error = NULL;
  Facts *facts;

  facts = circles_worker_store_run_finish (result, &error);
  if (facts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot read what the database holds of %s: %s",
                 circles_person_details_get_name (self), error->message);
      return;
    }
  g_clear_object (&self->reading);

  g_object_freeze_notify (G_OBJECT (self));
  if (facts->with_ties)
    {
      g_free (self->ties);
      self->ties = describe_ties (&facts->interaction);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIES]);
    }
  circles_person_details_set_reasons_internal (self, facts->reasons, TRUE);
  if (facts->rated)
    circles_person_details_set_rating_internal (self, (guint) facts->rating, TRUE);
  g_object_thaw_notify (G_OBJECT (self));
}

/* In a worker. */
static gboolean
write_reasons (CirclesStore  *store,
               gpointer       data,
               GError       **error)
{
  Facts *facts = data;

  return circles_store_set_reasons (store, facts->person, facts->reasons, error);
}

static void
reasons_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CirclesPersonDetails *self = CIRCLES_PERSON_DETAILS (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  Facts *facts;

  facts = circles_worker_store_run_finish (result, &error);
  if (facts == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  circles_person_details_set_reasons_internal (self, facts->reasons, TRUE);
  g_task_return_boolean (task, TRUE);
}

/* }}} */

/**
 * circles_person_details_get_ties:
 *
 * Returns: (nullable): what the data archive tells of this person and
 * me ("23 messages, the last on 3 November 2026 · endorsed you for
 * Prospecting"), or %NULL
 */
const char *
circles_person_details_get_ties (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), NULL);

  return self->ties;
}

/**
 * circles_person_details_new:
 * @session: a session with a loaded network
 * @selection: the session's selection (circles_session_get_selection()):
 *   the person, and the chains to them
 * @limit: how many chains (or mutual connections) to list
 *
 * Lists the warmest chains of @selection, and starts reading what the
 * database holds of the person (circles_person_details_reload()).
 *
 * Returns: (transfer full): the details
 */
CirclesPersonDetails *
circles_person_details_new (CirclesSession   *session,
                            CirclesSelection *selection,
                            guint             limit)
{
  CirclesPersonDetails *self;
  CirclesNetwork *network;
  guint person;
  guint n_mutual;

  g_return_val_if_fail (CIRCLES_IS_SESSION (session), NULL);
  g_return_val_if_fail (selection != NULL, NULL);
  network = circles_selection_get_network (selection);
  person = circles_selection_get_person (selection);

  self = g_object_new (CIRCLES_TYPE_PERSON_DETAILS, NULL);
  self->session = g_object_ref (session);
  self->network = circles_network_ref (network);
  self->person = person;
  self->selection = circles_selection_ref (selection);
  self->paths = circles_selection_get_paths (selection);
  self->n_chains = MIN (self->paths->chains->len, limit);

  n_mutual = MIN (self->paths->mutual->len, limit);
  self->mutual = circles_person_list_new (NULL);
  circles_person_list_set_people (self->mutual, network,
                                  (const guint32 *)(gpointer)self->paths->mutual->data,
                                  n_mutual);

  /* What connecting would bring (DOMAIN.md's arithmetic), for everyone
   * not already me or connected to me. */
  if (circles_network_get_degree (network, person) > 1)
    {
      g_autoptr(CirclesReach) reach = circles_reach_new (network);

      circles_reach_gain (reach, person, &self->gain);
      self->has_gain = TRUE;
    }

  circles_person_details_reload (self);

  return self;
}

/**
 * circles_person_details_get_reach_gain:
 * @second: (out): people who would enter my 2nd circle
 * @third: (out): people who would enter my 3rd circle
 *
 * Returns: %FALSE for me and the 1st degree, who bring nothing new
 */
gboolean
circles_person_details_get_reach_gain (CirclesPersonDetails *self,
                                       guint                *second,
                                       guint                *third)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), FALSE);

  *second = self->gain.second_gain;
  *third = self->gain.third_gain;
  return self->has_gain;
}

/**
 * circles_person_details_get_session:
 *
 * Returns: (transfer none): the session
 */
CirclesSession *
circles_person_details_get_session (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), NULL);

  return self->session;
}

/**
 * circles_person_details_get_network:
 *
 * Returns: (transfer none): the snapshot the person belongs to
 */
CirclesNetwork *
circles_person_details_get_network (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), NULL);

  return self->network;
}

guint
circles_person_details_get_person (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), CIRCLES_NO_PERSON);

  return self->person;
}

const char *
circles_person_details_get_name (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), NULL);

  return circles_network_get_name (self->network, self->person);
}

const char *
circles_person_details_get_position (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), NULL);

  return circles_network_get_position (self->network, self->person);
}

const char *
circles_person_details_get_company (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), NULL);

  return circles_network_get_company (self->network, self->person);
}

const char *
circles_person_details_get_profile_url (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), NULL);

  return circles_network_get_profile_url (self->network, self->person);
}

/**
 * circles_person_details_has_web_profile:
 *
 * Returns: %TRUE when the profile URL is an http or https address,
 * the only ones worth opening in a browser.
 */
gboolean
circles_person_details_has_web_profile (CirclesPersonDetails *self)
{
  const char *url;
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), FALSE);

  url = circles_person_details_get_profile_url (self);
  if (url == NULL || *url == '\0')
    return FALSE;

  scheme = g_uri_parse_scheme (url);
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return FALSE;

  return g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL);
}

guint
circles_person_details_get_degree (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), CIRCLES_DEGREE_BEYOND);

  return circles_network_get_degree (self->network, self->person);
}

CirclesCircle
circles_person_details_get_circle (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), CIRCLES_CIRCLE_OUT_OF_NETWORK);

  return circles_network_get_circle (self->network, self->person);
}

/**
 * circles_person_details_get_chains_total:
 *
 * Returns: how many shortest chains lead from me to the person (for the
 * 2nd degree, the number of mutual connections)
 */
guint64
circles_person_details_get_chains_total (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), 0);

  return self->paths->chains_total;
}

/**
 * circles_person_details_get_n_chains:
 *
 * Returns: how many chains are listed, at most the limit
 */
guint
circles_person_details_get_n_chains (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), 0);

  return self->n_chains;
}

/**
 * circles_person_details_get_chain:
 *
 * Returns: (transfer none): the @i-th warmest chain, me first
 */
const CirclesChain *
circles_person_details_get_chain (CirclesPersonDetails *self,
                                  guint                 i)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), NULL);
  g_return_val_if_fail (i < self->n_chains, NULL);

  return &g_array_index (self->paths->chains, CirclesChain, i);
}

/**
 * circles_person_details_get_mutual:
 *
 * Returns: (transfer none): for a 2nd-degree person, the warmest mutual
 * connections (at most the limit); empty otherwise
 */
CirclesPersonList *
circles_person_details_get_mutual (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), NULL);

  return self->mutual;
}

/**
 * circles_person_details_get_n_introducers:
 *
 * Returns: how many introducers can be chosen for the message: the
 * mutual connections listed (2nd degree) or the chains listed (3rd);
 * 0 when no introduction applies.
 */
guint
circles_person_details_get_n_introducers (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), 0);

  switch (circles_person_details_get_degree (self))
    {
    case 2:
      return g_list_model_get_n_items (G_LIST_MODEL (self->mutual));
    case 3:
      return self->n_chains;
    default:
      return 0;
    }
}

/**
 * circles_person_details_draft_message:
 * @introducer: the chosen mutual connection (2nd degree) or chain (3rd),
 *   below circles_person_details_get_n_introducers()
 *
 * Returns: (transfer full) (nullable): the first message to send, in
 * the language of the locale, or %NULL when no introduction applies
 */
char *
circles_person_details_draft_message (CirclesPersonDetails *self,
                                      guint                 introducer)
{
  const char *name;

  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), NULL);

  if (introducer >= circles_person_details_get_n_introducers (self))
    return NULL;

  name = circles_person_details_get_name (self);

  if (circles_person_details_get_degree (self) == 2)
    {
      guint mutual = circles_person_list_get_person (self->mutual, introducer);

      return circles_message_introduction (name, circles_network_get_name (self->network, mutual));
    }
  else
    {
      const CirclesChain *chain = circles_person_details_get_chain (self, introducer);

      return circles_message_chain (name,
                                    circles_network_get_name (self->network, chain->people[1]),
                                    circles_network_get_name (self->network, chain->people[2]),
                                    self->reasons);
    }
}

/**
 * circles_person_details_draft_request:
 * @introducer: the chosen chain, below
 *   circles_person_details_get_n_introducers()
 *
 * For a 3rd-degree person, the chain me → first → via → person taken
 * the other way: a request to first, my 1st-degree connection, to put
 * me in touch with via.
 *
 * Returns: (transfer full) (nullable): the request, in the language of
 * the locale, or %NULL for anyone not in the 3rd degree
 */
char *
circles_person_details_draft_request (CirclesPersonDetails *self,
                                      guint                 introducer)
{
  const CirclesChain *chain;

  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), NULL);

  if (circles_person_details_get_degree (self) != 3 ||
      introducer >= circles_person_details_get_n_introducers (self))
    return NULL;

  chain = circles_person_details_get_chain (self, introducer);
  g_assert (chain->length == 4);

  return circles_message_ask_introduction (circles_network_get_name (self->network, chain->people[1]),
                                           circles_network_get_name (self->network, chain->people[2]),
                                           circles_network_get_name (self->network, chain->people[3]));
}

gboolean
circles_person_details_get_reasons_known (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), FALSE);

  return self->reasons_known;
}

guint
circles_person_details_get_reasons (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), 0);

  return self->reasons;
}

static void
circles_person_details_set_reasons_internal (CirclesPersonDetails *self,
                                             guint                 reasons,
                                             gboolean              known)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->reasons != reasons)
    {
      self->reasons = reasons;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASONS]);
    }
  if (self->reasons_known != !!known)
    {
      self->reasons_known = !!known;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASONS_KNOWN]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * circles_person_details_set_reasons_async:
 * @reasons: #CirclesReasons flags
 *
 * Records @reasons for the person in the database, in a worker. Fails
 * with %G_IO_ERROR_BUSY while the session writes: the reasons then stay
 * as the database holds them.
 */
void
circles_person_details_set_reasons_async (CirclesPersonDetails *self,
                                          guint                 reasons,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  GTask *task;
  Facts *facts;

  g_return_if_fail (CIRCLES_IS_PERSON_DETAILS (self));
  g_return_if_fail ((reasons & ~CIRCLES_REASONS_ALL) == 0);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, circles_person_details_set_reasons_async);
  if (circles_session_get_busy (self->session))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("The database is busy"));
      g_object_unref (task);
      return;
    }

  facts = g_new0 (Facts, 1);
  facts->person = circles_network_get_id (self->network, self->person);
  facts->reasons = reasons;
  circles_worker_store_run_async (circles_session_get_worker_store (self->session), self,
                                  write_reasons, facts, (GDestroyNotify) facts_free,
                                  NULL, reasons_written_cb, task);
}

gboolean
circles_person_details_set_reasons_finish (CirclesPersonDetails  *self,
                                           GAsyncResult          *result,
                                           GError               **error)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * circles_person_details_get_rating_known:
 *
 * Returns: %TRUE when the person is a 1st-degree connection whose
 * rating could be read
 */
gboolean
circles_person_details_get_rating_known (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), FALSE);

  return self->rating_known;
}

/**
 * circles_person_details_get_rating:
 *
 * Returns: my rating of the connection with the person, 1..5; 0 when
 * it is not rated, not known, or not a connection of mine
 */
guint
circles_person_details_get_rating (CirclesPersonDetails *self)
{
  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), 0);

  return self->rating;
}

static void
circles_person_details_set_rating_internal (CirclesPersonDetails *self,
                                            guint                 rating,
                                            gboolean              known)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->rating != rating)
    {
      self->rating = rating;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATING]);
    }
  if (self->rating_known != !!known)
    {
      self->rating_known = !!known;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATING_KNOWN]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * circles_person_details_reload:
 *
 * Reads, in a worker, what the database holds of the person and me
 * beyond the snapshot: the ties, the reasons, and my rating of a
 * 1st-degree connection. They stay unknown until then, and when the
 * session has another network.
 */
void
circles_person_details_reload (CirclesPersonDetails *self)
{
  Facts *facts;

  g_return_if_fail (CIRCLES_IS_PERSON_DETAILS (self));

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  if (circles_session_get_network (self->session) != self->network)
    return;

  facts = g_new0 (Facts, 1);
  facts->person = circles_network_get_id (self->network, self->person);
  facts->with_ties = self->person != circles_network_get_me (self->network);
  facts->rated = circles_network_get_degree (self->network, self->person) == 1;
  if (facts->rated)
    facts->me = circles_network_get_id (self->network, circles_network_get_me (self->network));
  self->reading = g_cancellable_new ();
  circles_worker_store_run_async (circles_session_get_worker_store (self->session), self,
                                  read_facts, facts, (GDestroyNotify) facts_free,
                                  self->reading, facts_read_cb, NULL);
}
