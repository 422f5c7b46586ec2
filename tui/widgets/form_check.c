/* form_check: a field's value checked as it is left and on save (form_internal.h):
 * dates through date_parse, quantities as a number and a unit from the field's list. */
#include "tui/widgets/form_internal.h"
#include "tui/widgets/textfield.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/text.h"
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void set_msg(field *fl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_msg(field *fl, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(fl->msg, sizeof fl->msg, fmt, ap);
    va_end(ap);
}

/* Trimmed copy of a field's text. */
static void trimmed(field *fl, char *out, size_t n)
{
    const char *s = tf_value(fl->tf);
    while (*s == ' ') s++;
    text_copy(out, n, s);
    size_t len = strlen(out);
    while (len && out[len - 1] == ' ') out[--len] = 0;
}

void form_fmt_number(double v, char *out, size_t n)
{
    snprintf(out, n, "%.10g", v);
    if (!ntm_lang_en)
        for (char *p = out; *p; p++) if (*p == '.') *p = ',';
}

/* The unit list of a QTY field, joined for a message: "km, m, hộ, ...". */
void form_units_text(const char *const *u, char *out, size_t n)
{
    size_t len = 0;
    out[0] = 0;
    for (int i = 0; u[i] && len < n; i++)
        len += (size_t)snprintf(out + len, n - len, "%s%s", i ? ", " : "", u[i]);
}

/* Find the canonical unit for what was typed: exact, then accents ignored, then a
 * unique beginning ("cong" -> "công trình"). 0 and out set, or -1 and a message. */
static int unit_resolve(const form_spec *sp, const char *typed, char *out, size_t n, field *fl)
{
    const char *const *u = sp->units ? sp->units : form_units;
    char list[256];
    out[0] = 0;
    if (!*typed) {
        text_copy(out, n, sp->unit_default ? sp->unit_default : "");
        return 0;
    }
    if (sp->unit_mode == FORM_UNIT_NONE) {
        set_msg(fl, "%s", _("Chỉ nhập số, không kèm đơn vị"));
        return -1;
    }
    for (int i = 0; u[i]; i++)
        if (!strcmp(u[i], typed)) { text_copy(out, n, u[i]); return 0; }
    char *ft = text_fold(typed);
    if (!ft) return -1;
    size_t fl_len = strlen(ft);
    int pass, found = -1, count = 0;
    list[0] = 0;
    for (pass = 0; pass < 2 && !count; pass++) {       /* 0: same letters; 1: beginning */
        size_t ll = 0;
        for (int i = 0; u[i]; i++) {
            char *fu = text_fold(u[i]);
            int hit = fu && (pass == 0 ? !strcmp(fu, ft) : !strncmp(fu, ft, fl_len));
            free(fu);
            if (!hit) continue;
            found = i;
            count++;
            ll += (size_t)snprintf(list + ll, ll < sizeof list ? sizeof list - ll : 0, "%s%s", ll ? ", " : "", u[i]);
        }
    }
    free(ft);
    if (count == 1) { text_copy(out, n, u[found]); return 0; }
    if (count > 1) {
        set_msg(fl, _("Đơn vị \"%s\" là %s? Gõ có dấu hoặc đủ chữ"), typed, list);
        return -1;
    }
    if (sp->unit_mode == FORM_UNIT_FREE) { text_copy(out, n, typed); return 0; }
    form_units_text(u, list, sizeof list);
    set_msg(fl, _("Đơn vị phải là: %s"), list);
    return -1;
}

/* "1,4 km", "2", "50%", "3 hộ": number (comma or point) and the rest. */
static int qty_parse(const form_spec *sp, field *fl, const char *in)
{
    char num[64], *end;
    size_t i = 0;
    for (; in[i] && i < sizeof num - 1 && (isdigit((unsigned char)in[i]) || strchr(",.-+", in[i])); i++)
        num[i] = in[i] == ',' ? '.' : in[i];
    num[i] = 0;
    if (!i) {
        set_msg(fl, "%s", _("Phải bắt đầu bằng một số (vd. 2 hoặc 1,4 km)"));
        return -1;
    }
    double v = strtod(num, &end);
    if (*end || !isfinite(v)) {
        set_msg(fl, _("\"%.*s\" không phải là số"), (int)i, in);
        return -1;
    }
    if (v < 0 || num[0] == '-') {
        set_msg(fl, "%s", _("Không được âm"));
        return -1;
    }
    if (v > 1e9) {
        set_msg(fl, "%s", _("Số quá lớn"));
        return -1;
    }
    /* The unit: spaces squeezed. */
    char unit[UNIT_MAX * 2], *w = unit;
    const char *u = in + i;
    while (*u == ' ') u++;
    for (; *u && w < unit + sizeof unit - 1; u++)
        if (*u != ' ' || (u[1] && u[1] != ' ')) *w++ = *u;
    *w = 0;
    char canon[UNIT_MAX];
    if (unit_resolve(sp, unit, canon, sizeof canon, fl) < 0) return -1;
    fl->qty = v;
    fl->qty_empty = 0;
    text_copy(fl->unit, sizeof fl->unit, canon);
    /* Show it as understood: the number as typed and the unit spelled in full. */
    char shown[UNIT_MAX + 100];
    snprintf(shown, sizeof shown, "%.*s%s%s", (int)i, in, canon[0] ? " " : "", canon);
    if (strcmp(shown, tf_value(fl->tf))) tf_set(fl->tf, shown);
    return 0;
}

int form_check(form *f, int i, int on_save)
{
    const form_spec *sp = &f->spec[i];
    field *fl = &f->fs[i];
    char t[1024];
    fl->msg[0] = 0;
    switch (sp->kind) {
    case FORM_TEXT:
        trimmed(fl, t, sizeof t);
        if (on_save && sp->required && !t[0]) set_msg(fl, "%s", _("Không được để trống"));
        break;
    case FORM_DATE: {
        trimmed(fl, t, sizeof t);
        fl->iso[0] = 0;
        if (!t[0]) {
            if (on_save && sp->required) set_msg(fl, "%s", date_error(DATE_EMPTY));
            break;
        }
        char iso[11];
        int rc = date_parse(t, date_today(), iso);
        if (rc != DATE_OK) { set_msg(fl, "%s", date_error(rc)); break; }
        memcpy(fl->iso, iso, sizeof iso);
        char shown[11];
        date_show(iso, shown);
        if (strcmp(shown, tf_value(fl->tf))) tf_set(fl->tf, shown);
        break;
    }
    case FORM_QTY:
        trimmed(fl, t, sizeof t);
        fl->qty_empty = 1;
        fl->qty = 0;
        fl->unit[0] = 0;
        if (!t[0]) {
            if (on_save && sp->required) set_msg(fl, "%s", _("Chưa nhập số lượng"));
            break;
        }
        qty_parse(sp, fl, t);
        break;
    case FORM_ENUM:
        if (on_save && sp->required && fl->choice < 0) set_msg(fl, "%s", _("Hãy chọn một giá trị (dấu cách)"));
        break;
    case FORM_REF:
        if (on_save && sp->required && !fl->ref_id) set_msg(fl, "%s", _("Chưa chọn (Enter để chọn)"));
        break;
    }
    fl->stale = 0;
    return fl->msg[0] ? -1 : 0;
}
