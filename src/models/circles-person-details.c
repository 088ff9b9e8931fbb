/* circles-person-details.c: what the person pane shows of one person
 *
 * The model behind the person pane: the person's texts and circle, the
 * warmest chains from me (or, for the 2nd degree, the mutual
 * connections) with how many exist, the drafted first message naming
 * the chosen introducer (and, for the 3rd degree, the request to the
 * 1st-degree connection who starts the chain), the reasons recorded
 * for a 3rd-degree approach, read from and saved to the store of the
 * session, and my rating of a 1st-degree connection, read through the
 * session. The store is only used on the main thread while the session
 * is not busy.
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
  GObject            parent_instance;

  CirclesSession    *session;
  CirclesNetwork    *network;
  guint              person;
  CirclesPaths      *paths;
  CirclesPersonList *mutual;   /* the warmest mutual connections shown */
  CirclesReachGain   gain;       /* if the person became 1st-degree */
  guint              reasons;
  guint              rating;     /* 0..5, of a 1st-degree person */
  char              *ties;       /* what happened between us, or NULL */
  guint              reasons_known : 1;
  guint              rating_known : 1;
  guint              has_gain : 1;
};

G_DEFINE_FINAL_TYPE (CirclesPersonDetails, circles_person_details, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REASONS,
  PROP_REASONS_KNOWN,
  PROP_RATING,
  PROP_RATING_KNOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
circles_person_details_finalize (GObject *object)
{
  CirclesPersonDetails *self = (CirclesPersonDetails *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->network, circles_network_unref);
  g_clear_pointer (&self->paths, circles_paths_free);
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

  /* FALSE while the store could not be read (the session was busy). */
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

  /* FALSE while the rating could not be read (the session was busy),
   * and for people who are not 1st-degree connections. */
  properties[PROP_RATING_KNOWN] =
    g_param_spec_boolean ("rating-known", NULL, NULL,
                          FALSE,
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

/* Messages, endorsements, recommendations, a pending invitation: what
 * the data archive told of this person and me, in a sentence. */
static void
circles_person_details_read_ties (CirclesPersonDetails *self)
{
  CirclesStore *store = circles_session_get_store (self->session);
  g_autoptr(GError) error = NULL;
  g_autofree char *ties = NULL;
  g_autofree char *invitation = NULL;
  CirclesInteraction interaction;

  if (store == NULL || circles_session_get_busy (self->session)
      || self->person == circles_network_get_me (self->network))
    return;
  if (!circles_store_get_interaction (store, circles_network_get_id (self->network, self->person),
                                      &interaction, &error))
    {
      g_debug ("No interactions read: %s", error->message);
      return;
    }
  ties = circles_interaction_describe (&interaction);
  invitation = circles_interaction_describe_invitation (&interaction);
  circles_interaction_clear (&interaction);

  if (ties != NULL && invitation != NULL)
    self->ties = g_strconcat (ties, "\n", invitation, NULL);
  else
    self->ties = g_strdup (ties != NULL ? ties : invitation);
}

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
 * @person: a person of the session's network
 * @limit: how many chains (or mutual connections) to list
 *
 * Finds the chains to @person and reads the reasons recorded for it,
 * and, for a 1st-degree connection, my rating of it.
 *
 * Returns: (transfer full): the details
 */
CirclesPersonDetails *
circles_person_details_new (CirclesSession *session,
                            guint           person,
                            guint           limit)
{
  CirclesPersonDetails *self;
  CirclesNetwork *network;
  guint n_mutual;

  g_return_val_if_fail (CIRCLES_IS_SESSION (session), NULL);
  network = circles_session_get_network (session);
  g_return_val_if_fail (network != NULL, NULL);
  g_return_val_if_fail (person < circles_network_get_n_people (network), NULL);

  self = g_object_new (CIRCLES_TYPE_PERSON_DETAILS, NULL);
  self->session = g_object_ref (session);
  self->network = circles_network_ref (network);
  self->person = person;
  self->paths = circles_paths_find (network, person, limit);

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

  circles_person_details_reload_reasons (self);
  circles_person_details_reload_rating (self);
  circles_person_details_read_ties (self);

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

  return self->paths->chains->len;
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
  g_return_val_if_fail (i < self->paths->chains->len, NULL);

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
      return self->paths->chains->len;
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
 * circles_person_details_reload_reasons:
 *
 * Reads the reasons recorded for the person, unless the session is busy
 * (then they stay unknown: call again once it is not).
 */
void
circles_person_details_reload_reasons (CirclesPersonDetails *self)
{
  CirclesStore *store;

  g_return_if_fail (CIRCLES_IS_PERSON_DETAILS (self));

  store = circles_session_get_store (self->session);
  if (store == NULL || circles_session_get_busy (self->session) ||
      circles_session_get_network (self->session) != self->network)
    {
      circles_person_details_set_reasons_internal (self, self->reasons, FALSE);
      return;
    }

  circles_person_details_set_reasons_internal (self,
                                               circles_store_get_reasons (store,
                                                                          circles_network_get_id (self->network,
                                                                                                  self->person)),
                                               TRUE);
}

/**
 * circles_person_details_set_reasons:
 * @reasons: #CirclesReasons flags
 *
 * Records @reasons for the person in the database.
 *
 * Returns: %FALSE when the session is busy or the store fails
 */
gboolean
circles_person_details_set_reasons (CirclesPersonDetails  *self,
                                    guint                  reasons,
                                    GError               **error)
{
  CirclesStore *store;

  g_return_val_if_fail (CIRCLES_IS_PERSON_DETAILS (self), FALSE);
  g_return_val_if_fail ((reasons & ~CIRCLES_REASONS_ALL) == 0, FALSE);

  store = circles_session_get_store (self->session);
  if (store == NULL || circles_session_get_busy (self->session))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("The database is busy"));
      return FALSE;
    }

  if (!circles_store_set_reasons (store, circles_network_get_id (self->network, self->person),
                                  reasons, error))
    return FALSE;

  circles_person_details_set_reasons_internal (self, reasons, TRUE);
  return TRUE;
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
 * circles_person_details_reload_rating:
 *
 * Reads my rating of the connection with a 1st-degree person through
 * the session, unless the session is busy or has another network (then
 * it stays unknown: call again once it is not).
 */
void
circles_person_details_reload_rating (CirclesPersonDetails *self)
{
  g_autoptr(GError) error = NULL;
  int rating;

  g_return_if_fail (CIRCLES_IS_PERSON_DETAILS (self));

  if (circles_person_details_get_degree (self) != 1)
    {
      circles_person_details_set_rating_internal (self, 0, FALSE);
      return;
    }

  if (circles_session_get_network (self->session) != self->network)
    {
      circles_person_details_set_rating_internal (self, self->rating, FALSE);
      return;
    }

  rating = circles_session_get_rating (self->session, self->person, &error);
  if (rating < 0)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
        g_debug ("Cannot read the rating of %s: %s",
                 circles_person_details_get_name (self), error->message);
      circles_person_details_set_rating_internal (self, self->rating, FALSE);
      return;
    }

  circles_person_details_set_rating_internal (self, (guint) rating, TRUE);
}
