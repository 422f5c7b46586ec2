/* field: validation shared by every entity's writes. */
#include "model/field.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/text.h"
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

int field_text(ntm_db *db, const char *field, const char *label, const char *in, int required, size_t max_chars,
               char **out)
{
    *out = NULL;
    if (!in) in = "";
    if (!text_valid_utf8(in))
        return db_fail_field(db, DB_INVALID, field, label,
                             L("có ký tự không hợp lệ (không phải UTF-8)", "contains invalid characters (not UTF-8)"));
    for (const unsigned char *p = (const unsigned char *)in; *p; p++)
        if (*p < 0x20 && *p != '\n' && *p != '\t')
            return db_fail_field(db, DB_INVALID, field, label, L("có ký tự điều khiển", "contains control characters"));
    char *n = text_nfc(in);
    if (!n) return db_fail(db, DB_ERR, "out of memory");
    char *s = n;
    while (*s == ' ' || *s == '\t' || *s == '\n') s++;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n')) s[--len] = 0;
    if (!len) {
        free(n);
        return required ? db_fail_field(db, DB_INVALID, field, label, L("không được để trống", "required")) : DB_OK;
    }
    if (utf8_chars(s) > max_chars) {
        free(n);
        return db_fail_field(db, DB_INVALID, field, label,
                             L("quá dài (tối đa %zu ký tự)", "too long (at most %zu characters)"), max_chars);
    }
    memmove(n, s, len + 1);
    *out = n;
    return DB_OK;
}

int field_date(ntm_db *db, const char *field, const char *label, const char *iso, int required)
{
    if (!iso || !*iso)
        return required ? db_fail_field(db, DB_INVALID, field, label, L("chưa nhập ngày", "no date given")) : DB_OK;
    if (!date_valid_iso(iso))
        return db_fail_field(db, DB_INVALID, field, label, "%s", date_error(DATE_NO_SUCH_DAY));
    return DB_OK;
}

static int qty_char(char c) { return isdigit((unsigned char)c) || c == ',' || c == '.' || c == '-' || c == '+'; }

/* The unit after the number, trailing spaces off ("2 km " is km), checked as a text
 * would be (it is stored, and shown in messages): whole, UTF-8, no control characters. */
static int qty_unit(ntm_db *db, const char *field, const char *label, const char *u, char *unit_out, size_t unit_n)
{
    size_t n = strlen(u);
    while (n && strchr(" \t\r\n", u[n - 1])) n--;
    if (!unit_out)
        return n ? db_fail_field(db, DB_INVALID, field, label, L("chỉ nhập số", "a number only")) : DB_OK;
    if (text_utf8_valid_len(u, n) < n)
        return db_fail_field(db, DB_INVALID, field, label, L("có ký tự không hợp lệ (không phải UTF-8)",
                                                             "contains invalid characters (not UTF-8)"));
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)u[i] < 0x20 || u[i] == 0x7f)
            return db_fail_field(db, DB_INVALID, field, label, L("có ký tự điều khiển", "contains control characters"));
    if (n >= unit_n) return db_fail_field(db, DB_INVALID, field, label, L("đơn vị quá dài", "unit too long"));
    memcpy(unit_out, u, n);
    unit_out[n] = 0;
    return DB_OK;
}

int field_qty(ntm_db *db, const char *field, const char *label, const char *in, double *out, char *unit_out,
              size_t unit_n)
{
    char buf[64], *end;
    size_t i = 0;
    while (*in == ' ') in++;
    for (; in[i] && qty_char(in[i]); i++) {
        if (i == sizeof buf - 1)         /* not cut: the rest would pass for the unit */
            return db_fail_field(db, DB_INVALID, field, label, L("số quá dài", "number too long"));
        buf[i] = in[i] == ',' ? '.' : in[i];
    }
    buf[i] = 0;
    if (!i) return db_fail_field(db, DB_INVALID, field, label,
                                 L("phải là một số (vd. 2 hoặc 1,5)", "must be a number (e.g. 2 or 1.5)"));
    double v = strtod(buf, &end);
    if (*end || !isfinite(v))
        return db_fail_field(db, DB_INVALID, field, label, L("\"%s\" không phải là số", "\"%s\" is not a number"), buf);
    /* "-0" too: it would be stored as -0 and shown as "-0". */
    if (v < 0 || buf[0] == '-') return db_fail_field(db, DB_INVALID, field, label, L("không được âm", "cannot be negative"));
    if (v > 1e9) return db_fail_field(db, DB_INVALID, field, label, L("số quá lớn", "number too large"));
    /* Below 0.0001 ntm would print it "3e-06" (%g), which reads back as 3 and a unit. */
    if (v > 0 && v < 1e-4)
        return db_fail_field(db, DB_INVALID, field, label, L("số quá nhỏ (nhỏ nhất 0,0001)", "number too small (at least 0.0001)"));
    const char *u = in + i;
    /* "1e400" is a number in a programming language, not a quantity with the unit "e400" */
    if ((*u == 'e' || *u == 'E') && (isdigit((unsigned char)u[1]) || ((u[1] == '+' || u[1] == '-') && isdigit((unsigned char)u[2]))))
        return db_fail_field(db, DB_INVALID, field, label, L("\"%.20s\" không phải là số (viết số thường, vd. 1500)",
                                                             "\"%.20s\" is not a number (write it out, e.g. 1500)"), in);
    while (*u == ' ') u++;
    /* "1 500": digits after a space are not a unit. */
    if (qty_char(*u))
        return db_fail_field(db, DB_INVALID, field, label, L("viết số liền, không có dấu cách (vd. 1500 hoặc 1,5)",
                                                             "write the number without spaces (e.g. 1500 or 1.5)"));
    int rc = qty_unit(db, field, label, u, unit_out, unit_n);
    if (!rc) *out = v;
    return rc;
}

void bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
    if (s && *s) sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, i);
}

void bind_id_or_null(sqlite3_stmt *st, int i, int64_t id)
{
    if (id > 0) sqlite3_bind_int64(st, i, id);
    else sqlite3_bind_null(st, i);
}

int step_done(ntm_db *db, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}
