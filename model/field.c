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
                             _("có ký tự không hợp lệ (không phải UTF-8)"));
    /* Typed and imported text is refused with control characters (but tab and line
     * break), DEL, C1 and bidi overrides: they are never wanted, and would disguise the
     * text. What sync brings is stored as it came; every screen shows such characters
     * as placeholders and PDFs and exports drop them (model/text.h, terminal safety). */
    for (const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)in; *p; ) {
        utf8proc_int32_t c;
        p += utf8proc_iterate(p, -1, &c);        /* valid: checked above */
        if (text_unsafe_cp(c) && c != '\n' && c != '\t')
            return db_fail_field(db, DB_INVALID, field, label, _("có ký tự điều khiển"));
    }
    char *n = text_nfc(in);
    if (!n) return db_fail(db, DB_ERR, "out of memory");
    char *s = n;
    while (*s == ' ' || *s == '\t' || *s == '\n') s++;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n')) s[--len] = 0;
    if (!len) {
        free(n);
        return required ? db_fail_field(db, DB_INVALID, field, label, C_("required", "không được để trống")) : DB_OK;
    }
    if (utf8_chars(s) > max_chars) {
        free(n);
        return db_fail_field(db, DB_INVALID, field, label,
                             _("quá dài (tối đa %zu ký tự)"), max_chars);
    }
    memmove(n, s, len + 1);
    *out = n;
    return DB_OK;
}

int field_date(ntm_db *db, const char *field, const char *label, const char *iso, int required)
{
    if (!iso || !*iso)
        return required ? db_fail_field(db, DB_INVALID, field, label, _("chưa nhập ngày")) : DB_OK;
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
        return n ? db_fail_field(db, DB_INVALID, field, label, _("chỉ nhập số")) : DB_OK;
    if (text_utf8_valid_len(u, n) < n)
        return db_fail_field(db, DB_INVALID, field, label, _("có ký tự không hợp lệ (không phải UTF-8)"));
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)u[i] < 0x20 || u[i] == 0x7f)
            return db_fail_field(db, DB_INVALID, field, label, _("có ký tự điều khiển"));
    if (n >= unit_n) return db_fail_field(db, DB_INVALID, field, label, _("đơn vị quá dài"));
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
            return db_fail_field(db, DB_INVALID, field, label, _("số quá dài"));
        buf[i] = in[i] == ',' ? '.' : in[i];
    }
    buf[i] = 0;
    if (!i) return db_fail_field(db, DB_INVALID, field, label,
                                 _("phải là một số (vd. 2 hoặc 1,5)"));
    double v = strtod(buf, &end);
    if (*end || !isfinite(v))
        return db_fail_field(db, DB_INVALID, field, label, _("\"%s\" không phải là số"), buf);
    /* "-0" too: it would be stored as -0 and shown as "-0". */
    if (v < 0 || buf[0] == '-') return db_fail_field(db, DB_INVALID, field, label, _("không được âm"));
    if (v > 1e9) return db_fail_field(db, DB_INVALID, field, label, _("số quá lớn"));
    /* Below 0.0001 ntm would print it "3e-06" (%g), which reads back as 3 and a unit. */
    if (v > 0 && v < 1e-4)
        return db_fail_field(db, DB_INVALID, field, label, _("số quá nhỏ (nhỏ nhất 0,0001)"));
    const char *u = in + i;
    /* "1e400" is a number in a programming language, not a quantity with the unit "e400" */
    if ((*u == 'e' || *u == 'E') && (isdigit((unsigned char)u[1]) || ((u[1] == '+' || u[1] == '-') && isdigit((unsigned char)u[2]))))
        return db_fail_field(db, DB_INVALID, field, label, _("\"%.20s\" không phải là số (viết số thường, vd. 1500)"), in);
    while (*u == ' ') u++;
    /* "1 500": digits after a space are not a unit. */
    if (qty_char(*u))
        return db_fail_field(db, DB_INVALID, field, label, _("viết số liền, không có dấu cách (vd. 1500 hoặc 1,5)"));
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
