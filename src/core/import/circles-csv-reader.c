/* circles-csv-reader.c: a streaming RFC 4180 reader that knows its lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why our own reader rather than libcsv: libcsv (small, RFC 4180, in
 * Debian) hands out fields through callbacks and knows nothing about
 * lines, so we would have to count line breaks a second time around it,
 * and it cannot tell where an unterminated quote opened, which is the
 * one thing a user needs to fix such a file. It does not validate
 * UTF-8 either, so a second pass over every field would be needed to
 * report "FILE:LINE:COL: invalid UTF-8". This reader does all of it in
 * the same single pass over read() chunks of 64 KiB: one state machine,
 * line and column counting (CR, LF and CRLF), UTF-8 validation of the
 * raw bytes (so the column is where the bad byte is in the file), the
 * line where each record begins and where each quote opened. Memory
 * stays at one chunk plus the longest record.
 *
 * Dialect: comma separated; fields may be quoted with '"', a doubled
 * quote inside quotes is a quote, quoted fields may hold commas and line
 * breaks (kept as they are in the file). A UTF-8 BOM at the start is
 * skipped. Blank lines are skipped (they are not records). NUL bytes
 * are reported as invalid UTF-8. A quote inside an unquoted field is
 * kept as a character (Jean "JJ" Dupont), as spreadsheets write it.
 *
 * Strict where rows would be lost: a closing quote followed by anything
 * but a comma or the end of the line is an error at the line and column
 * where that quote opened (a stray quote at the start of a name would
 * otherwise swallow the lines up to the next quote into one field), and
 * so is a record with more non-empty fields than the header (set with
 * circles_csv_reader_set_max_fields()). Short records are fine.
 *
 * The bytes come from a file, or from any stream through a read
 * function (an entry of a zip archive, read in place).
 */
#define G_LOG_DOMAIN "circles-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "circles-csv-reader.h"
#include "circles-import-context.h"

#define CHUNK_SIZE      (64 * 1024)
#define MAX_RECORD_SIZE (64 * 1024 * 1024)

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,
} State;

struct _CirclesCsvReader
{
  int        fd;
  CirclesCsvReadFunc read_func;
  gpointer   read_data;
  guint      max_fields;  /* 0: any number */
  char      *path;
  char      *display;

  guint8    *buf;
  gsize      buf_len;
  gsize      buf_pos;
  gboolean   eof;
  gboolean   started;
  guint64    file_size;
  guint64    consumed;

  /* Position of the next byte. */
  guint64    line;
  guint64    col;
  gboolean   prev_cr;

  /* UTF-8 decoding of the raw stream. */
  guint      utf8_need;
  guint8     utf8_lo;
  guint8     utf8_hi;
  guint64    utf8_line;
  guint64    utf8_col;

  /* The record being read. */
  State      state;
  gboolean   in_record;
  gboolean   any_quote;
  guint64    record_line;
  guint64    quote_line;
  guint64    quote_col;
  GString   *data;
  GArray    *starts;   /* guint offsets of the fields in data */
  GPtrArray *fields;   /* char * into data, NULL-terminated */

  guint64    last_record_line;
};

static gssize
read_fd (gpointer   data,
         void      *buffer,
         gsize      count,
         GError   **error)
{
  CirclesCsvReader *self = data;

  for (;;)
    {
      gssize n = read (self->fd, buffer, count);

      if (n >= 0)
        return n;
      if (errno != EINTR)
        {
          int saved_errno = errno;

          _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_IO,
                                     self->display, self->line, 0, "%s",
                                     g_strerror (saved_errno));
          return -1;
        }
    }
}

static void
init_buffers (CirclesCsvReader *self)
{
  self->buf = g_malloc (CHUNK_SIZE);
  self->line = 1;
  self->col = 1;
  self->data = g_string_sized_new (256);
  self->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->fields = g_ptr_array_new ();
}

CirclesCsvReader *
circles_csv_reader_new (const char  *path,
                        GError     **error)
{
  g_autoptr(CirclesCsvReader) self = NULL;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (CirclesCsvReader, 1);
  self->fd = -1;
  self->path = g_strdup (path);
  self->display = g_filename_display_name (path);

  self->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (self->fd < 0)
    {
      int saved_errno = errno;

      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_IO,
                                 self->display, 0, 0, "%s",
                                 g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (self->fd, &st) == 0 && S_ISREG (st.st_mode))
    self->file_size = st.st_size;
  else if (fstat (self->fd, &st) == 0 && S_ISDIR (st.st_mode))
    {
      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_IO,
                                 self->display, 0, 0, "%s",
                                 g_strerror (EISDIR));
      return NULL;
    }

  self->read_func = read_fd;
  self->read_data = self;
  init_buffers (self);

  return g_steal_pointer (&self);
}

/**
 * circles_csv_reader_new_for_stream:
 * @display: how the stream is named in messages ("me.zip: messages.csv")
 * @size: its size in bytes when known (for progress), else 0
 * @read_func: gives the next bytes, 0 at the end, -1 with @error set
 *
 * Reads records from any stream.
 */
CirclesCsvReader *
circles_csv_reader_new_for_stream (const char         *display,
                                   guint64             size,
                                   CirclesCsvReadFunc  read_func,
                                   gpointer            read_data)
{
  CirclesCsvReader *self;

  g_return_val_if_fail (display != NULL, NULL);
  g_return_val_if_fail (read_func != NULL, NULL);

  self = g_new0 (CirclesCsvReader, 1);
  self->fd = -1;
  self->path = g_strdup (display);
  self->display = g_strdup (display);
  self->file_size = size;
  self->read_func = read_func;
  self->read_data = read_data;
  init_buffers (self);
  return self;
}

void
circles_csv_reader_set_max_fields (CirclesCsvReader *self,
                                   guint             max_fields)
{
  g_return_if_fail (self != NULL);

  self->max_fields = max_fields;
}

void
circles_csv_reader_free (CirclesCsvReader *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->path);
  g_free (self->display);
  g_free (self->buf);
  if (self->data != NULL)
    g_string_free (self->data, TRUE);
  g_clear_pointer (&self->starts, g_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_free (self);
}

const char *
circles_csv_reader_get_path (CirclesCsvReader *self)
{
  return self->path;
}

const char *
circles_csv_reader_get_display_name (CirclesCsvReader *self)
{
  return self->display;
}

guint64
circles_csv_reader_get_line (CirclesCsvReader *self)
{
  return self->last_record_line;
}

double
circles_csv_reader_get_fraction (CirclesCsvReader *self)
{
  if (self->file_size == 0)
    return self->eof ? 1.0 : 0.0;
  return MIN (1.0, (double) self->consumed / (double) self->file_size);
}

/* Refills the buffer; FALSE on a read error. */
static gboolean
fill (CirclesCsvReader  *self,
      GError           **error)
{
  self->buf_len = 0;
  self->buf_pos = 0;

  while (!self->eof && self->buf_len < CHUNK_SIZE)
    {
      gssize n = self->read_func (self->read_data, self->buf + self->buf_len,
                                  CHUNK_SIZE - self->buf_len, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        self->eof = TRUE;
      self->buf_len += n;
      /* One read is enough once the BOM can be seen. */
      if (self->started || self->buf_len >= 3)
        break;
    }

  if (!self->started)
    {
      self->started = TRUE;
      if (self->buf_len >= 3 && memcmp (self->buf, "\xEF\xBB\xBF", 3) == 0)
        {
          self->buf_pos = 3;
          self->consumed = 3;
        }
    }
  return TRUE;
}

static void
begin_field (CirclesCsvReader *self)
{
  guint start = self->data->len;

  g_array_append_val (self->starts, start);
}

static void
end_field (CirclesCsvReader *self)
{
  g_string_append_c (self->data, '\0');
}

static void
reset_record (CirclesCsvReader *self)
{
  g_string_truncate (self->data, 0);
  g_array_set_size (self->starts, 0);
  self->in_record = FALSE;
  self->any_quote = FALSE;
  self->state = STATE_FIELD_START;
}

static gboolean
text_after_quote (CirclesCsvReader  *self,
                  GError           **error)
{
  _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_SYNTAX,
                             self->display, self->quote_line, self->quote_col,
                             "%s",
                             _("text follows the quote that closes this field: "
                               "a quote in a field must be doubled, or the "
                               "whole field quoted"));
  self->in_record = FALSE;
  return FALSE;
}

/* The fields past max_fields must be empty. */
static gboolean
check_width (CirclesCsvReader  *self,
             GError           **error)
{
  guint n = self->fields->len - 1;

  if (self->max_fields == 0 || n <= self->max_fields)
    return TRUE;
  for (guint i = self->max_fields; i < n; i++)
    if (*(const char *) self->fields->pdata[i] != '\0')
      {
        _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_SYNTAX,
                                   self->display, self->last_record_line, 0,
                                   _("this record has %u fields, the header %u: "
                                     "a field holds an unquoted comma, or a "
                                     "quote opened in an earlier line"),
                                   n, self->max_fields);
        return FALSE;
      }
  return TRUE;
}

/* TRUE when the record is worth handing out (blank lines are not). */
static gboolean
finish_record (CirclesCsvReader *self)
{
  g_ptr_array_set_size (self->fields, 0);
  if (self->starts->len == 1 && self->data->len == 1 && !self->any_quote)
    return FALSE;
  for (guint i = 0; i < self->starts->len; i++)
    g_ptr_array_add (self->fields,
                     self->data->str + g_array_index (self->starts, guint, i));
  g_ptr_array_add (self->fields, NULL);
  self->last_record_line = self->record_line;
  return TRUE;
}

static gboolean
utf8_error (CirclesCsvReader  *self,
            guint64            line,
            guint64            col,
            GError           **error)
{
  _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_INVALID_UTF8,
                             self->display, line, col, "%s",
                             _("invalid UTF-8"));
  return FALSE;
}

static gboolean
record_too_long (CirclesCsvReader  *self,
                 GError           **error)
{
  _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                             self->display, self->record_line, 0,
                             _("a record longer than %u MiB"),
                             (guint) (MAX_RECORD_SIZE >> 20));
  return FALSE;
}

/* A byte that means nothing but itself, in or out of quotes. */
static inline gboolean
is_plain (guint8 c)
{
  return c != 0 && c < 0x80 && c != '"' && c != ',' && c != '\n' && c != '\r';
}

/* The records of most files: plain ASCII, no quote, whole in the
 * buffer, ended by LF or CRLF. Such a record starting at *p is read at
 * once (what the state machine below would make of it, byte for byte)
 * and *p moved past it; anything else is left to the state machine. */
static gboolean
simple_record (CirclesCsvReader  *self,
               const guint8     **p,
               const guint8      *end)
{
  const guint8 *start = *p;
  const guint8 *q = start;
  gsize len;
  char *data;
  guint n = 1;

  if (self->in_record || self->prev_cr || self->utf8_need > 0)
    return FALSE;

  for (;;)
    {
      while (q < end && is_plain (*q))
        q++;
      if (q == end || *q != ',')
        break;
      n++;
      q++;
    }
  /* A blank line is no record: the state machine skips it. */
  if (q == end || q == start ||
      !(*q == '\n' || (*q == '\r' && q + 1 < end && q[1] == '\n')))
    return FALSE;

  len = q - start;
  g_string_truncate (self->data, 0);
  g_string_append_len (self->data, (const char *) start, len);
  data = self->data->str;

  g_ptr_array_set_size (self->fields, n + 1);
  self->fields->pdata[0] = data;
  n = 1;
  for (gsize i = 0; i < len; i++)
    if (data[i] == ',')
      {
        data[i] = '\0';
        self->fields->pdata[n++] = data + i + 1;
      }
  self->fields->pdata[n] = NULL;

  self->record_line = self->line;
  self->last_record_line = self->line;
  self->line++;
  self->col = 1;
  *p = q + (*q == '\r' ? 2 : 1);
  return TRUE;
}

gboolean
circles_csv_reader_next (CirclesCsvReader   *self,
                         char             ***fields,
                         guint              *n_fields,
                         GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->in_record == FALSE)
    reset_record (self);

  for (;;)
    {
      const guint8 *p;
      const guint8 *end;
      gsize start_pos;

      if (self->buf_pos >= self->buf_len)
        {
          if (self->eof)
            break;
          if (!fill (self, error))
            return FALSE;
          if (self->buf_pos >= self->buf_len)
            break;
        }

      start_pos = self->buf_pos;
      p = self->buf + self->buf_pos;
      end = self->buf + self->buf_len;

      if (simple_record (self, &p, end))
        {
          self->buf_pos = p - self->buf;
          self->consumed += self->buf_pos - start_pos;
          if (!check_width (self, error))
            return FALSE;
          *fields = (char **) self->fields->pdata;
          *n_fields = self->fields->len - 1;
          return TRUE;
        }

      while (p < end)
        {
          guint8 c;
          gboolean newline = FALSE;
          gboolean record_done = FALSE;

          /* Fast path: a run of plain ASCII inside a field is copied at
           * once (no quote, no line break, no comma unless quoted). */
          if (self->in_record && self->utf8_need == 0
              && (self->state == STATE_UNQUOTED || self->state == STATE_QUOTED))
            {
              gboolean quoted = self->state == STATE_QUOTED;
              const guint8 *q = p;

              while (q < end && *q >= 0x20 && *q < 0x7F && *q != '"'
                     && (quoted || *q != ','))
                q++;
              if (q > p)
                {
                  g_string_append_len (self->data, (const char *) p, q - p);
                  self->col += q - p;
                  self->prev_cr = FALSE;
                  p = q;
                  if (G_UNLIKELY (self->data->len > MAX_RECORD_SIZE))
                    return record_too_long (self, error);
                  if (p == end)
                    break;
                }
            }

          c = *p++;

          /* UTF-8 validation and position of this byte. */
          if (self->utf8_need > 0)
            {
              if (c < self->utf8_lo || c > self->utf8_hi)
                return utf8_error (self, self->utf8_line, self->utf8_col, error);
              self->utf8_need--;
              self->utf8_lo = 0x80;
              self->utf8_hi = 0xBF;
            }
          else if (c >= 0x80 || c == 0)
            {
              self->utf8_line = self->line;
              self->utf8_col = self->col;
              self->utf8_lo = 0x80;
              self->utf8_hi = 0xBF;
              if (c >= 0xC2 && c <= 0xDF)
                self->utf8_need = 1;
              else if (c == 0xE0)
                self->utf8_need = 2, self->utf8_lo = 0xA0;
              else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
                self->utf8_need = 2;
              else if (c == 0xED)
                self->utf8_need = 2, self->utf8_hi = 0x9F;
              else if (c == 0xF0)
                self->utf8_need = 3, self->utf8_lo = 0x90;
              else if (c >= 0xF1 && c <= 0xF3)
                self->utf8_need = 3;
              else if (c == 0xF4)
                self->utf8_need = 3, self->utf8_hi = 0x8F;
              else
                return utf8_error (self, self->line, self->col, error);
              self->col++;
            }
          else if (c == '\n')
            {
              if (!self->prev_cr)
                self->line++;
              self->col = 1;
              newline = TRUE;
            }
          else if (c == '\r')
            {
              self->line++;
              self->col = 1;
              newline = TRUE;
            }
          else
            self->col++;

          /* A LF right after the CR that ended a record is part of it. */
          if (c == '\n' && self->prev_cr && !self->in_record)
            {
              self->prev_cr = FALSE;
              continue;
            }
          self->prev_cr = (c == '\r');

          if (!self->in_record)
            {
              self->in_record = TRUE;
              self->record_line = newline ? self->line - 1 : self->line;
              begin_field (self);
            }

          switch (self->state)
            {
            case STATE_FIELD_START:
              if (c == '"')
                {
                  self->state = STATE_QUOTED;
                  self->any_quote = TRUE;
                  self->quote_line = self->line;
                  self->quote_col = self->col - 1;
                  break;
                }
              self->state = STATE_UNQUOTED;
              G_GNUC_FALLTHROUGH;

            case STATE_UNQUOTED:
            case STATE_QUOTE_IN_QUOTED:
              if (c == ',')
                {
                  end_field (self);
                  begin_field (self);
                  self->state = STATE_FIELD_START;
                }
              else if (newline)
                {
                  end_field (self);
                  record_done = TRUE;
                }
              else if (c == '"' && self->state == STATE_QUOTE_IN_QUOTED)
                {
                  g_string_append_c (self->data, '"');
                  self->state = STATE_QUOTED;
                }
              else if (self->state == STATE_QUOTE_IN_QUOTED)
                return text_after_quote (self, error);
              else
                {
                  g_string_append_c (self->data, c);
                  self->state = STATE_UNQUOTED;
                }
              break;

            case STATE_QUOTED:
              if (c == '"')
                self->state = STATE_QUOTE_IN_QUOTED;
              else
                g_string_append_c (self->data, c);
              break;

            default:
              g_assert_not_reached ();
            }

          if (G_UNLIKELY (self->data->len > MAX_RECORD_SIZE))
            return record_too_long (self, error);

          if (record_done)
            {
              self->buf_pos = p - self->buf;
              self->consumed += self->buf_pos - start_pos;
              self->in_record = FALSE;
              if (finish_record (self))
                {
                  if (!check_width (self, error))
                    return FALSE;
                  *fields = (char **) self->fields->pdata;
                  *n_fields = self->fields->len - 1;
                  return TRUE;
                }
              reset_record (self);
            }
        }

      self->consumed += self->buf_len - start_pos;
      self->buf_pos = self->buf_len;
    }

  /* End of the file. */
  self->consumed = self->file_size;
  if (self->utf8_need > 0)
    {
      self->utf8_need = 0;
      return utf8_error (self, self->utf8_line, self->utf8_col, error);
    }
  if (self->in_record)
    {
      if (self->state == STATE_QUOTED)
        {
          _circles_import_set_error (error,
                                     CIRCLES_IMPORT_ERROR_UNTERMINATED_QUOTE,
                                     self->display, self->quote_line,
                                     self->quote_col,
                                     "%s",
                                     _("this quoted field is never closed"));
          self->in_record = FALSE;
          return FALSE;
        }
      end_field (self);
      self->in_record = FALSE;
      if (finish_record (self))
        {
          if (!check_width (self, error))
            return FALSE;
          *fields = (char **) self->fields->pdata;
          *n_fields = self->fields->len - 1;
          return TRUE;
        }
    }
  return FALSE;
}
