/* entry: the pieces every screen's forms use (entry.h). */
#include "tui/entry.h"
#include "tui/widgets/dialog.h"
#include "model/date.h"
#include "model/entity.h"
#include "model/i18n.h"
#include "model/role.h"
#include "model/text.h"
#include <stdio.h>
#include <string.h>

void entry_sync_today(tui *t) { date_set_today(db_today(t->db)); }

int entry_form_run(tui *t, form *f, form_save_fn save, void *ctx)
{
    if (tui_refuse_readonly(t)) return FORM_CANCELLED;
    /* a leader, or a user the file does not list (model/role.h): before any typing */
    if (role_require(t->db, ROLE_NEED_WRITER, NULL)) { tui_db_error(t); return FORM_CANCELLED; }
    tui_repaint(t, 0);                   /* the status line as it is now, under the form */
    for (;;) {
        int rc = form_run(f, save, ctx);
        if (rc == FORM_RESIZED) { tui_repaint(t, 0); continue; }
        if (form_took_theirs(f)) {           /* nothing written: show the row as it is now */
            entry_after_write(t, 0);
            tui_message(t, 0, "%s", _("Đã lấy bản của người khác; những gì bạn sửa không được lưu."));
            tui_repaint(t, 0);               /* whatever the caller returns for a cancelled form */
        } else if (form_row_gone(f)) {       /* deleted meanwhile: the screens drop it */
            entry_after_write(t, 0);
            tui_message(t, 1, "%s", _("Bản ghi đã bị xóa trong lúc bạn sửa; đã tải lại dữ liệu."));
            tui_repaint(t, 0);
        }
        return rc;
    }
}

int entry_reread_done(tui *t, int rc, const char *table, int64_t id, form_who *who)
{
    if (rc != DB_OK) {
        text_copy(who->msg, sizeof who->msg, db_errmsg(t->db));
        return -1;
    }
    ent_last_change(t->db, table, id, who->user, sizeof who->user, who->at, sizeof who->at);
    return 0;
}

int entry_confirm(tui *t, const char *question)
{
    tui_repaint(t, 0);
    for (;;) {
        int rc = dialog_confirm(question, 0);
        if (rc != DLG_RESIZED) return rc == DLG_YES;
        tui_repaint(t, 0);
    }
}

void entry_tell(tui *t, const char *title, const char *text, int error)
{
    while (dialog_message(title, text, error) == DLG_RESIZED) tui_repaint(t, 0);
}

form_spec entry_text(const char *label, int required, size_t max_chars, const char *hint)
{
    return (form_spec){ .kind = FORM_TEXT, .label = label, .required = required, .max_chars = max_chars, .hint = hint };
}

form_spec entry_date(const char *label, int required, const char *hint)
{
    return (form_spec){ .kind = FORM_DATE, .label = label, .required = required, .max_chars = 20, .hint = hint };
}

form_spec entry_qty(const char *label, const char *hint, form_unit_mode mode, const char *const *units,
                    const char *unit_default)
{
    return (form_spec){ .kind = FORM_QTY, .label = label, .max_chars = 40, .hint = hint, .unit_mode = mode,
                        .units = units, .unit_default = unit_default };
}

form_spec entry_enum(const char *label, int required, const form_option *options, int n, const char *hint)
{
    return (form_spec){ .kind = FORM_ENUM, .label = label, .required = required, .options = options,
                        .n_options = n, .hint = hint };
}

form_spec entry_ref(const char *label, int required, picker_fill_fn fill, void *fill_ctx, const char *hint)
{
    return (form_spec){ .kind = FORM_REF, .label = label, .required = required, .fill = fill,
                        .fill_ctx = fill_ctx, .hint = hint };
}

void entry_model_error(form *f, const entry_field *fields, ntm_db *db)
{
    const char *msg = db_errmsg(db), *name = db_err_field(db), *detail = db_err_detail(db);
    if (!msg || !msg[0]) msg = _("Không lưu được");
    int field = -1;
    for (int i = 0; name[0] && fields && fields[i].name && field < 0; i++)
        if (!strcmp(fields[i].name, name)) field = fields[i].field;
    if (field < 0) form_error(f, -1, "%s", msg);
    else form_error(f, field, "%s", detail[0] ? detail : msg);
}

int entry_write_gone(form *f, ntm_db *db, int rc)
{
    if (rc != DB_NOTFOUND) return 0;
    form_error(f, -1, _("%s Chữ đã gõ vẫn còn; Esc: đóng."), db_errmsg(db));
    return 1;
}

int entry_after_save(tui *t, int unchanged, int64_t select_id, const char *saved)
{
    if (unchanged) return tui_message(t, 0, "%s", _("Không có gì thay đổi."));
    int flags = entry_after_write(t, select_id);
    tui_message(t, 0, "%s", saved);
    return flags;
}

int entry_after_write(tui *t, int64_t select_id)
{
    for (int i = 0; i < t->depth; i++) {
        screen *s = t->stack[i];
        s->ops->reload(s, t);
    }
    screen *top = tui_top(t);
    if (top && select_id && top->ops->select) top->ops->select(top, select_id);
    return REDRAW_ALL;
}
