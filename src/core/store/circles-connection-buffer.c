/* circles-connection-buffer.c: the connections of an import, in key order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite appends to a B-tree several times faster than it inserts at
 * random places: an import that writes its connections in (a, b) order
 * into an empty table only ever appends. So the store hands them to
 * this buffer, which keeps a batch in memory; a full batch is sorted
 * and written to a temporary file as a run, and the drain merges the
 * runs and the last batch into one ordered stream. Memory stays at one
 * batch (and its sorting space) plus a read buffer per run, whatever
 * the size of the import; the temporary file holds about 28 bytes a
 * connection, and is unlinked as soon as it is created.
 *
 * Sorting is stable, and the merge takes equal pairs in the order they
 * were added: the last strength and date given for a pair win, as they
 * did when each row was written on its own.
 */
#define G_LOG_DOMAIN "circles-store"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "circles-connection-buffer.h"

#define DEFAULT_BATCH 262144
#define IO_BUFFER     (64 * 1024)
#define OUT_ROWS      4096

/* A record in a run: a, b, strength, the length of since (NO_SINCE:
 * none), then its bytes. */
#define RECORD_HEAD   (3 * 8 + 4)
#define NO_SINCE      G_MAXUINT32

typedef struct
{
  gint64  a;
  gint64  b;
  double  strength;
  char   *since;
} Entry;

typedef struct
{
  guint64 offset;
  guint64 end;
} Run;

/* Reads a run back, or walks the batch still in memory. */
typedef struct
{
  guint     index;   /* runs added earlier come first among equals */
  gboolean  done;
  Entry     current;

  /* A run in the file. */
  int       fd;
  guint64   offset;  /* of the next byte to read */
  guint64   end;
  guint8   *buf;
  gsize     buf_size;
  gsize     pos;
  gsize     len;
  GString  *since;

  /* The batch in memory. */
  const Entry *entries;
  gsize        n_entries;
} Reader;

struct _CirclesConnectionBuffer
{
  guint    batch;
  Entry   *pending;
  Entry   *scratch;    /* for sorting */
  gsize    n_pending;
  gsize    allocated;
  guint64  length;

  int      fd;         /* the temporary file, -1 before the first run */
  guint64  file_size;
  GArray  *runs;       /* of Run */
  guint8  *out;        /* write buffer */
  gsize    out_len;
};

CirclesConnectionBuffer *
circles_connection_buffer_new (guint batch)
{
  CirclesConnectionBuffer *self = g_new0 (CirclesConnectionBuffer, 1);

  self->batch = batch > 0 ? batch : DEFAULT_BATCH;
  self->fd = -1;
  self->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  return self;
}

static void
free_pending (CirclesConnectionBuffer *self)
{
  for (gsize i = 0; i < self->n_pending; i++)
    g_free (self->pending[i].since);
  self->n_pending = 0;
}

void
circles_connection_buffer_clear (CirclesConnectionBuffer *self)
{
  g_return_if_fail (self != NULL);

  free_pending (self);
  g_clear_pointer (&self->pending, g_free);
  g_clear_pointer (&self->scratch, g_free);
  g_clear_pointer (&self->out, g_free);
  self->allocated = 0;
  self->out_len = 0;
  self->length = 0;
  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
  self->file_size = 0;
  g_array_set_size (self->runs, 0);
}

void
circles_connection_buffer_free (CirclesConnectionBuffer *self)
{
  if (self == NULL)
    return;
  circles_connection_buffer_clear (self);
  g_array_unref (self->runs);
  g_free (self);
}

guint64
circles_connection_buffer_get_length (CirclesConnectionBuffer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->length;
}

/* {{{ Sorting */

static int
compare_entries (gconstpointer x,
                 gconstpointer y,
                 gpointer      user_data)
{
  const Entry *p = x, *q = y;

  if (p->a != q->a)
    return p->a < q->a ? -1 : 1;
  if (p->b != q->b)
    return p->b < q->b ? -1 : 1;
  return 0;
}

static guint
bit_length (guint64 v)
{
  guint n = 0;

  while (v != 0)
    {
      n++;
      v >>= 1;
    }
  return n;
}

typedef gsize Histogram[256];

/* A stable sort of the batch by (a, b): a least significant digit
 * radix sort on a and b packed in 64 bits, which is how people ids are
 * (small and positive); a comparison sort otherwise. */
static void
sort_pending (CirclesConnectionBuffer *self)
{
  Entry *v = self->pending;
  gsize n = self->n_pending;
  guint64 max_a = 0, max_b = 0;
  gboolean negative = FALSE;
  guint shift, passes;
  Histogram *counts;
  Entry *src, *dst;

  for (gsize i = 0; i < n; i++)
    {
      negative |= v[i].a < 0 || v[i].b < 0;
      max_a = MAX (max_a, (guint64) v[i].a);
      max_b = MAX (max_b, (guint64) v[i].b);
    }

  shift = bit_length (max_b);
  if (negative || n < 256 || shift + bit_length (max_a) > 64)
    {
      g_qsort_with_data (v, n, sizeof (Entry), compare_entries, NULL);
      return;
    }

#define KEY(e) (((guint64) (e)->a << shift) | (guint64) (e)->b)

  passes = (shift + bit_length (max_a) + 7) / 8;
  counts = g_new0 (Histogram, passes);
  for (gsize i = 0; i < n; i++)
    {
      guint64 key = KEY (&v[i]);

      for (guint p = 0; p < passes; p++)
        counts[p][(key >> (8 * p)) & 0xff]++;
    }

  if (self->scratch == NULL)
    self->scratch = g_new (Entry, self->allocated);
  src = v;
  dst = self->scratch;
  for (guint p = 0; p < passes; p++)
    {
      gsize sum = 0;

      /* A digit that every key shares moves nothing. */
      if (counts[p][(KEY (&src[0]) >> (8 * p)) & 0xff] == n)
        continue;
      for (guint d = 0; d < 256; d++)
        {
          gsize c = counts[p][d];

          counts[p][d] = sum;
          sum += c;
        }
      for (gsize i = 0; i < n; i++)
        dst[counts[p][(KEY (&src[i]) >> (8 * p)) & 0xff]++] = src[i];

      {
        Entry *t = src;

        src = dst;
        dst = t;
      }
    }
  if (src != v)
    memcpy (v, src, n * sizeof (Entry));
  g_free (counts);

#undef KEY
}

/* }}} */

/* {{{ Runs */

static gboolean
io_error (gboolean   writing,
          int        saved_errno,
          GError   **error)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               writing ? _("Cannot write the temporary file of the import: %s")
                       : _("Cannot read the temporary file of the import: %s"),
               g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_out (CirclesConnectionBuffer  *self,
           GError                  **error)
{
  gsize done = 0;

  while (done < self->out_len)
    {
      gssize n = pwrite (self->fd, self->out + done, self->out_len - done,
                         self->file_size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          self->out_len = 0;
          return io_error (TRUE, n < 0 ? errno : ENOSPC, error);
        }
      done += n;
      self->file_size += n;
    }
  self->out_len = 0;
  return TRUE;
}

static gboolean
append_record (CirclesConnectionBuffer  *self,
               const Entry              *e,
               GError                  **error)
{
  guint32 since_len = e->since != NULL ? strlen (e->since) : NO_SINCE;
  gsize size = RECORD_HEAD + (e->since != NULL ? since_len : 0);
  guint8 *p;

  if (self->out_len + size > IO_BUFFER && !write_out (self, error))
    return FALSE;
  /* A record longer than the buffer goes on its own. */
  if (size > IO_BUFFER)
    {
      g_autofree guint8 *big = g_malloc (size);
      guint8 *saved = self->out;
      gboolean ok;

      memcpy (big, &e->a, 8);
      memcpy (big + 8, &e->b, 8);
      memcpy (big + 16, &e->strength, 8);
      memcpy (big + 24, &since_len, 4);
      memcpy (big + RECORD_HEAD, e->since, since_len);
      self->out = big;
      self->out_len = size;
      ok = write_out (self, error);
      self->out = saved;
      return ok;
    }

  p = self->out + self->out_len;
  memcpy (p, &e->a, 8);
  memcpy (p + 8, &e->b, 8);
  memcpy (p + 16, &e->strength, 8);
  memcpy (p + 24, &since_len, 4);
  if (e->since != NULL)
    memcpy (p + RECORD_HEAD, e->since, since_len);
  self->out_len += size;
  return TRUE;
}

/* Sorts the batch and writes it as a run. */
static gboolean
write_run (CirclesConnectionBuffer  *self,
           GError                  **error)
{
  Run run;

  if (self->fd < 0)
    {
      g_autofree char *path = NULL;

      self->fd = g_file_open_tmp ("circles-import-XXXXXX", &path, error);
      if (self->fd < 0)
        return FALSE;
      /* Nobody else needs its name, and it goes away with us. */
      g_unlink (path);
    }
  if (self->out == NULL)
    self->out = g_malloc (IO_BUFFER);

  sort_pending (self);
  run.offset = self->file_size;
  for (gsize i = 0; i < self->n_pending; i++)
    if (!append_record (self, &self->pending[i], error))
      return FALSE;
  if (!write_out (self, error))
    return FALSE;
  run.end = self->file_size;
  g_array_append_val (self->runs, run);
  free_pending (self);
  return TRUE;
}

/* }}} */

gboolean
circles_connection_buffer_add (CirclesConnectionBuffer  *self,
                               gint64                    a,
                               gint64                    b,
                               double                    strength,
                               const char               *since,
                               GError                  **error)
{
  Entry *e;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (a < b, FALSE);

  if (self->n_pending == self->batch && !write_run (self, error))
    return FALSE;
  if (self->n_pending == self->allocated)
    {
      self->allocated = MIN (self->batch, MAX (1024, 2 * self->allocated));
      self->pending = g_renew (Entry, self->pending, self->allocated);
      g_clear_pointer (&self->scratch, g_free);
    }

  e = &self->pending[self->n_pending++];
  e->a = a;
  e->b = b;
  e->strength = strength;
  e->since = g_strdup (since);
  self->length++;
  return TRUE;
}

/* {{{ Merging */

/* Makes sure that @need bytes are buffered; at the end of the run,
 * sets done when nothing is left. */
static gboolean
reader_fill (Reader   *r,
             gsize     need,
             GError  **error)
{
  if (r->len - r->pos >= need)
    return TRUE;
  if (r->pos == r->len && r->offset == r->end)
    {
      r->done = TRUE;
      return TRUE;
    }

  memmove (r->buf, r->buf + r->pos, r->len - r->pos);
  r->len -= r->pos;
  r->pos = 0;
  if (need > r->buf_size)
    {
      r->buf_size = need;
      r->buf = g_realloc (r->buf, r->buf_size);
    }

  while (r->len < need)
    {
      gsize want = MIN (r->buf_size - r->len, r->end - r->offset);
      gssize n;

      if (want == 0)
        return io_error (FALSE, EIO, error);
      n = pread (r->fd, r->buf + r->len, want, r->offset);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return io_error (FALSE, n < 0 ? errno : EIO, error);
      r->len += n;
      r->offset += n;
    }
  return TRUE;
}

static gboolean
reader_next (Reader   *r,
             GError  **error)
{
  guint32 since_len;

  if (r->entries != NULL || r->fd < 0)
    {
      if (r->n_entries == 0)
        r->done = TRUE;
      else
        {
          r->current = *r->entries++;
          r->n_entries--;
        }
      return TRUE;
    }

  if (!reader_fill (r, RECORD_HEAD, error))
    return FALSE;
  if (r->done)
    return TRUE;

  memcpy (&r->current.a, r->buf + r->pos, 8);
  memcpy (&r->current.b, r->buf + r->pos + 8, 8);
  memcpy (&r->current.strength, r->buf + r->pos + 16, 8);
  memcpy (&since_len, r->buf + r->pos + 24, 4);
  r->current.since = NULL;
  if (since_len != NO_SINCE)
    {
      if (!reader_fill (r, RECORD_HEAD + (gsize) since_len, error))
        return FALSE;
      if (r->done)
        return io_error (FALSE, EIO, error);
      g_string_truncate (r->since, 0);
      g_string_append_len (r->since, (const char *) r->buf + r->pos + RECORD_HEAD, since_len);
      r->current.since = r->since->str;
      r->pos += since_len;
    }
  r->pos += RECORD_HEAD;
  return TRUE;
}

static inline gboolean
reader_before (const Reader *x,
               const Reader *y)
{
  if (x->current.a != y->current.a)
    return x->current.a < y->current.a;
  if (x->current.b != y->current.b)
    return x->current.b < y->current.b;
  return x->index < y->index;
}

static void
sift_down (Reader **heap,
           guint    n,
           guint    i)
{
  for (;;)
    {
      guint l = 2 * i + 1, smallest = i;

      if (l < n && reader_before (heap[l], heap[smallest]))
        smallest = l;
      if (l + 1 < n && reader_before (heap[l + 1], heap[smallest]))
        smallest = l + 1;
      if (smallest == i)
        return;
      {
        Reader *t = heap[i];

        heap[i] = heap[smallest];
        heap[smallest] = t;
      }
      i = smallest;
    }
}

typedef struct
{
  CirclesBufferedConnection  rows[OUT_ROWS];
  guint                      n_rows;
  GStringChunk              *text;
  CirclesConnectionSink      sink;
  gpointer                   user_data;
} Output;

static gboolean
output_flush (Output  *out,
              GError **error)
{
  gboolean ok = TRUE;

  if (out->n_rows > 0)
    ok = out->sink (out->rows, out->n_rows, out->user_data, error);
  out->n_rows = 0;
  g_string_chunk_clear (out->text);
  return ok;
}

/* Adds @e to the output; a pair equal to the last one is merged in. */
static gboolean
output_add (Output       *out,
            const Entry  *e,
            GError      **error)
{
  CirclesBufferedConnection *last = out->n_rows > 0 ? &out->rows[out->n_rows - 1] : NULL;

  if (last != NULL && last->a == e->a && last->b == e->b)
    {
      if (e->strength >= 0)
        last->strength = e->strength;
      if (e->since != NULL)
        last->since = g_string_chunk_insert (out->text, e->since);
      return TRUE;
    }

  if (out->n_rows == OUT_ROWS && !output_flush (out, error))
    return FALSE;
  last = &out->rows[out->n_rows++];
  last->a = e->a;
  last->b = e->b;
  last->strength = e->strength;
  last->since = e->since != NULL ? g_string_chunk_insert (out->text, e->since) : NULL;
  return TRUE;
}

gboolean
circles_connection_buffer_drain (CirclesConnectionBuffer  *self,
                                 CirclesConnectionSink     sink,
                                 gpointer                  user_data,
                                 GError                  **error)
{
  g_autofree Output *out = NULL;
  g_autofree Reader *readers = NULL;
  g_autofree Reader **heap = NULL;
  guint n_readers, n_heap = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);

  if (self->length == 0)
    return TRUE;

  sort_pending (self);

  out = g_new0 (Output, 1);
  out->text = g_string_chunk_new (4096);
  out->sink = sink;
  out->user_data = user_data;

  n_readers = self->runs->len + 1;
  readers = g_new0 (Reader, n_readers);
  heap = g_new (Reader *, n_readers);
  for (guint i = 0; i < n_readers; i++)
    {
      Reader *r = &readers[i];

      r->index = i;
      r->fd = -1;
      if (i < self->runs->len)
        {
          const Run *run = &g_array_index (self->runs, Run, i);

          r->fd = self->fd;
          r->offset = run->offset;
          r->end = run->end;
          /* Enough to read well, not so much that many runs weigh. */
          r->buf_size = CLAMP ((8 << 20) / n_readers, 4096, IO_BUFFER);
          r->buf = g_malloc (r->buf_size);
          r->since = g_string_new (NULL);
        }
      else
        {
          r->entries = self->pending;
          r->n_entries = self->n_pending;
        }
      if (ok)
        ok = reader_next (r, error);
      if (ok && !r->done)
        heap[n_heap++] = r;
    }

  for (guint i = n_heap / 2; ok && i-- > 0; )
    sift_down (heap, n_heap, i);

  while (ok && n_heap > 0)
    {
      Reader *r = heap[0];

      ok = output_add (out, &r->current, error) && reader_next (r, error);
      if (!ok)
        break;
      if (r->done)
        heap[0] = heap[--n_heap];
      sift_down (heap, n_heap, 0);
    }
  if (ok)
    ok = output_flush (out, error);

  for (guint i = 0; i < n_readers; i++)
    {
      g_free (readers[i].buf);
      if (readers[i].since != NULL)
        g_string_free (readers[i].since, TRUE);
    }
  g_string_chunk_free (out->text);

  /* Emptied, whatever happened; the memory of a big batch goes too. */
  circles_connection_buffer_clear (self);
  return ok;
}

/* }}} */
