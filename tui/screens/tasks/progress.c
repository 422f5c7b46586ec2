/* progress: p on a task: one dated progress report. The form opens on the quantity
 * (the date is today's unless changed): quantity Enter, "lần này"/"tổng mới" Enter,
 * note Enter, reporter Enter saves. The title shows done/target before; the status line
 * after. */
#include "tui/screens/tasks/parts.h"
#include "tui/entry.h"
#include "tui/pickers.h"
#include "model/i18n.h"
#include "model/role.h"
#include "model/task.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { P_DATE, P_QTY, P_MODE, P_NOTE, P_WHO, P_N };

static const form_option MODES[] = {
    { 0, "lần này (làm thêm được)", "this time (done since the last report)" },
    { 1, "tổng mới (tổng đã làm đến nay)", "new total (all done so far)" },
};

typedef struct { tui *t; int64_t task_id; } progress_ctx;

static int save_progress(form *f, void *ctx)
{
    progress_ctx *c = ctx;
    int total = form_choice(f, P_MODE) == 1;
    if (total && form_qty_empty(f, P_QTY)) {
        form_error(f, P_QTY, "%s", L("Chưa nhập tổng mới", "No new total given"));
        return 1;
    }
    const char *unit = NULL;
    double q = form_qty(f, P_QTY, &unit);
    if (task_add_progress_unit(c->t->db, c->task_id, form_date(f, P_DATE), q, total, form_text(f, P_NOTE),
                               form_text(f, P_WHO), unit) == DB_OK)
        return 0;
    static const entry_field fields[] = {   /* the unit typed ("qty_unit") stays on the message line */
        { "report_date", P_DATE }, { "qty", P_QTY }, { "note", P_NOTE }, { NULL, 0 },
    };
    entry_model_error(f, fields, c->t->db);
    return 1;
}

static void done_text(const task_row *r, char *out, size_t n)
{
    task_qty_text(r, out, n);
    size_t len = strlen(out);
    if (r->target > 0 && len < n) snprintf(out + len, n - len, " (%.0f%%)", 100.0 * r->done / r->target);
}

int entry_progress(tui *t, int64_t task_id)
{
    task_detail *d = calloc(1, sizeof *d);
    if (!d) return tui_message(t, 1, "%s", L("Hết bộ nhớ", "Out of memory"));
    /* a task not this user's (model/role.h): said before the form, on the status line */
    if (role_check_row(t->db, "task", task_id) || task_get(t->db, task_id, d) != DB_OK) { free(d); return tui_db_error(t); }
    char before[128], hint[400], title[700];
    const char *units[2] = { d->row.qty_unit, NULL };
    done_text(&d->row, before, sizeof before);
    int nothing_yet = d->row.done <= 0 && d->row.target < 0;     /* task_qty_text would say "-" */
    if (nothing_yet)
        snprintf(before, sizeof before, "%s", d->n_reports_total ? L("chưa có khối lượng", "no quantity yet")
                                                                  : L("chưa báo cáo lần nào", "no report yet"));
    snprintf(hint, sizeof hint, L("Đã làm: %s. Gõ số làm thêm lần này (có thể kèm đơn vị: \"3 hộ\"), hoặc tổng mới (ô sau)",
                                  "Done: %s. This time's quantity (a unit may follow: \"3 hộ\"), or the new total (next field)"),
             before);
    const form_spec spec[P_N] = {
        entry_date("Ngày báo cáo", "Report date", 1, NULL, NULL),
        /* a task without a unit takes the unit its first report is typed in */
        entry_qty("Khối lượng", "Quantity", hint, hint, d->row.qty_unit[0] ? FORM_UNIT_LIST : FORM_UNIT_FREE,
                  d->row.qty_unit[0] ? units : NULL, d->row.qty_unit),
        entry_enum("Cách tính", "Counts as", 1, MODES, 2, NULL, NULL),
        entry_text("Ghi chú", "Note", 0, 1000, NULL, NULL),
        entry_text("Người báo cáo", "Reported by", 0, 120, NULL, NULL),
    };
    snprintf(title, sizeof title, nothing_yet ? L("Tiến độ (%s): %s", "Progress (%s): %s") : L("Tiến độ %s: %s", "Progress %s: %s"),
             before, d->title);
    form *f = form_new(title, spec, P_N);
    if (!f) { free(d); return tui_message(t, 1, "%s", L("Hết bộ nhớ", "Out of memory")); }
    form_set_date(f, P_DATE, db_today(t->db));
    form_set_choice(f, P_MODE, 0);
    if (d->n_reports) form_set_text(f, P_WHO, d->reports[0].who);
    form_focus(f, P_QTY);
    progress_ctx c = { t, task_id };
    int flags = REDRAW_ALL;
    if (entry_form_run(t, f, save_progress, &c) == FORM_SAVED) {
        flags |= entry_after_write(t, task_id);
        char after[128];
        if (task_get(t->db, task_id, d) == DB_OK) {
            done_text(&d->row, after, sizeof after);
            tui_message(t, 0, L("Đã lưu báo cáo: %s → %s%s", "Report saved: %s → %s%s"), before, after,
                        d->row.status == 'd' ? L(" — đầu việc đã xong", " — the task is done") : "");
        } else {
            tui_message(t, 0, "%s", L("Đã lưu báo cáo.", "Report saved."));
        }
    }
    form_free(f);
    free(d);
    return flags;
}
