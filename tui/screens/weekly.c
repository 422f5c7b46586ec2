/* weekly: a hamlet's weekly report (the Friday paper) typed in one pass.
 *
 * w on a hamlet (or its task list) asks once for the report's date (this week's Friday
 * when it has come, else today) and who reports, then shows the hamlet's open tasks one
 * at a time: title, owner, done/target, deadline, last report. For each:
 *   quantity Enter  note Enter   -> saved at once (one transaction), next task
 *   =total Enter    note Enter   -> the new total instead of this time's quantity
 *   Enter                        -> nothing to report: skipped, next task
 * ↑ (or - in the empty quantity) goes back a task, ↓ forward, Tab between the two
 * fields, F1 (or ? in the empty quantity) the keys, Esc ends. After the last task, or
 * on Esc, the screen closes with "Đã lưu N báo cáo, bỏ qua M".
 *
 * The walk reads keys itself (letters are text here), on a screen of its own kind;
 * when it stops for the help, the screen stays as a list of the tasks where Enter (or w)
 * goes on typing from the selected task. The card and the list are weekly_draw.c's. */
#include "tui/screens/weekly_int.h"
#include "tui/screens/help.h"
#include "tui/bars.h"
#include "tui/entry.h"
#include "tui/global_keys.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/textfield.h"
#include "model/date.h"
#include "model/filter.h"
#include "model/i18n.h"
#include "model/task.h"
#include "model/text.h"
#include "model/typeback.h"
#include "model/unit.h"
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { KEY_ESC = 27, KEY_TAB_ = 9, KEY_CTRL_L_ = 12 };

static const struct screen_ops weekly_ops;

/* ---- the walk ---------------------------------------------------------------------------- */

/* The walk's own bottom line (letters are text while it reads keys). */
static void walk_bar(tui *t)
{
    static const struct { const char *key, *vi; } k[] = {
        { "Enter", N_("Lưu/bỏ qua") }, { "Tab", N_("Ô kia") }, { "↑↓", N_("Việc trước/sau") },
        { "F1", N_("Trợ giúp") }, { "Esc", N_("Kết thúc") },
    };
    WINDOW *b = t->bar;
    int x = 0, cols = getmaxx(b);
    werase(b);
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
        const char *label = _(k[i].vi);
        int need = draw_width(k[i].key) + draw_width(label) + 3;
        if (x + need > cols) break;
        draw_role(b, R_KEY);
        x += draw_text(b, 0, x, cols - x, k[i].key, 0);
        draw_role(b, R_NORMAL);
        x += draw_text(b, 0, x, cols - x, " ", 0);
        x += draw_text(b, 0, x, cols - x, label, 0);
        x += 2;
    }
}

static void paint_walk(weekly_screen *w, tui *t)
{
    if (t->too_small || !t->list) { tui_repaint(t, 0); return; }
    bars_top(t);
    wnoutrefresh(t->top);
    bars_status(t);
    wnoutrefresh(t->status);
    walk_bar(t);
    wnoutrefresh(t->bar);
    w->cy = w->cx = 0;
    weekly_draw(&w->base, t, REDRAW_LIST);
    leaveok(t->list, FALSE);
    wmove(t->list, w->cy, w->cx);
    wnoutrefresh(t->list);
    curs_set(1);
    doupdate();
    t->pending = 0;
}

static void begin_task(weekly_screen *w)
{
    tf_set(w->qty, "");
    tf_set(w->note, "");
    w->field = 0;
    w->err[0] = 0;
}

static int typed(weekly_screen *w) { return tf_len(w->qty) > 0 || tf_len(w->note) > 0; }

/* "0,3", "0.3 km", "=1,8", "= 2": the quantity and whether it is the new total. */
static int parse_qty(const char *in, const char *unit, double *q, int *total, char *err, size_t n)
{
    const char *rest, *after;
    if (task_qty_parse(in, q, total, &rest, err, n)) return -1;     /* model/typeback.h */
    while (*rest == ' ') rest++;
    if (*rest && !(task_unit_prefix(rest, unit, &after) && !after[strspn(after, " ")])) {
        /* a unit typed after the number must be the task's own */
        if (unit[0]) snprintf(err, n, _("Đơn vị của việc này là %s: chỉ gõ số"), unit);
        else snprintf(err, n, "%s", _("Chỉ gõ số"));
        return -1;
    }
    return 0;
}

/* Move to pos (a position in the list); 1 when there was one. */
static int go_to(weekly_screen *w, int pos)
{
    if (pos < 0 || pos >= w->base.lv.n) return 0;
    w->base.lv.cur = pos;
    begin_task(w);
    return 1;
}

static void summary(weekly_screen *w, char *out, size_t n)
{
    int unseen = 0;
    for (int i = 0; i < w->base.lv.n; i++) unseen += !w->state[w->base.lv.idx[i]];
    size_t len = (size_t)snprintf(out, n, _("Đã lưu %d báo cáo, bỏ qua %d"), w->saved, w->skipped);
    if (unseen && len < n)
        snprintf(out + len, n - len, _("; %d việc chưa xem"), unseen);
}

static void stop_typing(weekly_screen *w, tui *t)
{
    w->typing = 0;
    curs_set(0);
    if (t->list) leaveok(t->list, TRUE);
}

/* Close the screen with the summary; the screens under it read their data again. */
static int finish(weekly_screen *w, tui *t)
{
    char msg[200];
    summary(w, msg, sizeof msg);
    stop_typing(w, t);
    if (tui_top(t) == &w->base) {
        t->depth--;
        w->base.ops->free(&w->base);
    }
    entry_after_write(t, 0);
    tui_message(t, 0, "%s.", msg);
    return RELAYOUT | REDRAW_ALL;
}

/* Save what was typed for the current task; 0 when saved. */
static int save_current(weekly_screen *w, tui *t)
{
    int row = weekly_cur_row(w);
    task_row *r = &w->tasks.v[row];
    double q;
    int total;
    if (parse_qty(tf_value(w->qty), r->qty_unit, &q, &total, w->err, sizeof w->err) < 0) { w->field = 0; return -1; }
    double before = r->done;
    char b[96], a[96];
    weekly_qty_text(r, b, sizeof b);
    if (task_add_progress(t->db, r->id, w->date, q, total, tf_value(w->note), w->reporter) != DB_OK) {
        text_copy(w->err, sizeof w->err, db_errmsg(t->db));
        return -1;
    }
    w->det_id = 0;
    if (task_get(t->db, r->id, w->det) == DB_OK) {
        w->det_id = r->id;
        r->done = w->det->row.done;
        r->status = w->det->row.status;
        r->overdue = w->det->row.overdue;
    }
    if (w->state[row] == 'k') w->skipped--;
    w->state[row] = 's';
    w->added[row] += r->done - before;
    w->saved++;
    weekly_qty_text(r, a, sizeof a);
    tui_message(t, 0, _("Đã lưu: %s: %s → %s"), r->title, b, a);
    return 0;
}

static void skip_current(weekly_screen *w)
{
    int row = weekly_cur_row(w);
    if (row >= 0 && !w->state[row]) { w->state[row] = 'k'; w->skipped++; }
}

/* Leaving a task with something typed and not saved: ask first. 1: go. */
static int may_leave(weekly_screen *w, tui *t)
{
    if (!typed(w)) return 1;
    stop_typing(w, t);
    int yes = entry_confirm(t, _("Bỏ số liệu đã gõ cho việc này (chưa lưu)?"));
    w->typing = 1;
    return yes;
}

static int next(weekly_screen *w, tui *t)
{
    if (go_to(w, w->base.lv.cur + 1)) return 0;
    return finish(w, t);
}

/* Enter: quantity -> note; note -> save and next; an empty quantity skips. */
static int on_enter(weekly_screen *w, tui *t)
{
    w->err[0] = 0;
    const task_row *r = weekly_cur_task(w);
    if (w->field == 0) {
        if (!tf_len(w->qty)) {
            if (tf_len(w->note)) { w->field = 1; return 0; }
            skip_current(w);
            return next(w, t);
        }
        double q;
        int total;
        if (parse_qty(tf_value(w->qty), r->qty_unit, &q, &total, w->err, sizeof w->err) == 0) w->field = 1;
        return 0;
    }
    if (!tf_len(w->qty)) {
        snprintf(w->err, sizeof w->err, "%s", _("Chưa có khối lượng: gõ 0 nếu chỉ ghi chú"));
        w->field = 0;
        return 0;
    }
    if (save_current(w, t) < 0) return 0;
    return next(w, t);
}

/* The walk: keys until it ends (flags) or stops for the help. */
static int walk(weekly_screen *w, tui *t, const char *seed)
{
    if (!w->base.lv.n) return tui_message(t, 1, "%s", _("Không có đầu việc nào để nhập."));
    w->typing = 1;
    begin_task(w);
    if (seed) tf_paste(w->qty, seed);
    timeout(-1);
    for (;;) {
        paint_walk(w, t);
        wint_t wc;
        int k = dialog_key(stdscr, &wc);
        if (k == ERR) { stop_typing(w, t); return QUIT; }
        if (k == KEY_CODE_YES && wc == KEY_RESIZE) { tui_repaint(t, 0); continue; }
        textfield *tf = w->field ? w->note : w->qty;
        int empty_qty = w->field == 0 && !tf_len(w->qty);
        if (k == OK && empty_qty && (wc == '?' || wc == '-')) {
            if (wc == '-') {
                if (!go_to(w, w->base.lv.cur - 1)) beep();
                continue;
            }
            k = KEY_CODE_YES;
            wc = KEY_F(1);
        }
        if (k == OK && w->field == 1 && (wc == 127 || wc == 8) && !tf_len(w->note)) { w->field = 0; continue; }
        if (!(k == KEY_CODE_YES && wc == KEY_F(1))) {
            int r = tf_key(tf, k, wc);
            if (r == TF_REFUSED) beep();
            if (r == TF_CHANGED) w->err[0] = 0;
            if (r != TF_IGNORED) continue;
        }
        if (dialog_is_enter(k, wc)) {
            int f = on_enter(w, t);
            if (f) return f;
        } else if (k == OK && wc == KEY_TAB_) {
            w->field = !w->field;
        } else if (k == KEY_CODE_YES && wc == KEY_BTAB) {
            w->field = !w->field;
        } else if (k == KEY_CODE_YES && wc == KEY_UP) {
            if (w->field == 1) w->field = 0;
            else if (w->base.lv.cur == 0) beep();
            else if (may_leave(w, t)) go_to(w, w->base.lv.cur - 1);
        } else if (k == KEY_CODE_YES && wc == KEY_DOWN) {
            if (may_leave(w, t)) {
                skip_current(w);
                int f = next(w, t);
                if (f) return f;
            }
        } else if (dialog_is_cancel(k, wc)) {
            if (may_leave(w, t)) return finish(w, t);
        } else if (k == KEY_CODE_YES && wc == KEY_F(1)) {
            char msg[200];
            stop_typing(w, t);
            entry_after_write(t, 0);
            summary(w, msg, sizeof msg);
            tui_message(t, 0, _("%s. Enter: nhập tiếp, Esc: thoát."), msg);
            return tui_push(t, help_new(t, &weekly_kind));
        } else if (k == OK && wc == KEY_CTRL_L_) {
            clearok(curscr, TRUE);
        } else {
            beep();
        }
    }
}

/* ---- the screen -------------------------------------------------------------------------- */

enum { ACT_TYPE = ACT_SCREEN, ACT_TOTAL, ACT_SKIP };

static int weekly_key(screen *s, tui *t, int action)
{
    weekly_screen *w = (weekly_screen *)s;
    if (action == ACT_TYPE) return walk(w, t, NULL);
    if (action == ACT_TOTAL) return walk(w, t, "=");
    if (action == ACT_SKIP) {
        skip_current(w);
        list_move(&s->lv, LIST_DOWN, 1);
        return REDRAW_LIST;
    }
    return 0;
}

static int weekly_reload(screen *s, tui *t)
{
    ((weekly_screen *)s)->det_id = 0;      /* the list stays: its marks belong to this pass */
    return REDRAW_ALL;
}

static int weekly_match(void *s, int row, const char *q)
{
    return task_row_matches(&((weekly_screen *)s)->tasks.v[row], q);
}

static void weekly_free(screen *s)
{
    weekly_screen *w = (weekly_screen *)s;
    task_list_free(&w->tasks);
    free(w->state);
    free(w->added);
    free(w->det);
    tf_free(w->qty);
    tf_free(w->note);
    list_free(&s->lv);
    free(w);
}

static void weekly_where(screen *s, screen_where *w)
{
    w->commune_id = ((weekly_screen *)s)->commune_id;
    w->hamlet_id = ((weekly_screen *)s)->hamlet_id;
}

static const struct screen_ops weekly_ops = {
    .draw = weekly_draw, .key = weekly_key, .reload = weekly_reload, .match = weekly_match, .free = weekly_free,
    .where = weekly_where,
};

/* When the walk stopped for the help: the list of tasks, typing goes on from the selected one. */
static const keydef weekly_keys[] = {
    KEYS_BACK, KEYS_SEARCH, KEYS_UNDO_LISTS,
    { ACT_TYPE, "weekly_type", 'w', { '\n', '\r', KEY_FN(KEY_ENTER) }, "Enter", N_("Nhập"),
      N_("Nhập: số Enter, ghi chú Enter = lưu, sang việc sau") },
    { ACT_TOTAL, "weekly_total", '=', { 0 }, NULL, NULL,
      N_("=số: tổng mới thay cho khối lượng lần này (vd. =1,8)") },
    { ACT_SKIP, "weekly_skip", 's', { 0 }, NULL, NULL,
      N_("Bỏ qua việc này (khi nhập: Enter ở ô trống, hoặc ↓)") },
    { ACT_UP, "weekly_previous", '-', { 0 }, NULL, NULL,
      N_("Việc trước (khi đang nhập: ↑, hoặc - ở ô trống)") },
    { ACT_BACK, "weekly_end", 27, { 0 }, NULL, NULL,
      N_("Kết thúc: báo số báo cáo đã lưu, số việc bỏ qua") },
};
const screen_kind weekly_kind = SCREEN_KIND(N_("nhập báo cáo tuần"), weekly_keys);

/* ---- start ------------------------------------------------------------------------------- */

typedef struct { char date[11]; char who[484]; } start_ctx;

static int save_start(form *f, void *ctx)
{
    start_ctx *c = ctx;
    text_copy(c->date, sizeof c->date, form_date(f, 0));
    text_copy(c->who, sizeof c->who, form_text(f, 1));
    return 0;
}

/* This week's Friday when it has come (Friday to Sunday), else today. */
static void default_date(const char *today, char out[11])
{
    int wd = date_weekday(today);
    if (wd >= 5) date_add(today, -(wd - 5), out);
    else text_copy(out, 11, today);
}

/* Who reported last for this hamlet's tasks. */
static void last_reporter(tui *t, const task_list *l, task_detail *d, char *out, size_t n)
{
    char newest[11] = "";
    out[0] = 0;
    for (int i = 0; i < l->n; i++) {
        if (task_get(t->db, l->v[i].id, d) != DB_OK || !d->n_reports || !d->reports[0].who[0]) continue;
        if (strcmp(d->reports[0].date, newest) > 0) {
            text_copy(newest, sizeof newest, d->reports[0].date);
            text_copy(out, n, d->reports[0].who);
        }
    }
}

int weekly_open(tui *t, int64_t hamlet_id)
{
    unit_row u;
    if (unit_get(t->db, hamlet_id, &u) != DB_OK) return tui_db_error(t);
    weekly_screen *w = calloc(1, sizeof *w);
    if (!w) return tui_message(t, 1, "%s", _("Hết bộ nhớ"));
    w->base.ops = &weekly_ops;
    w->base.kind = &weekly_kind;
    w->hamlet_id = hamlet_id;
    w->commune_id = u.parent_id;
    text_copy(w->hamlet, sizeof w->hamlet, u.name);
    snprintf(w->base.crumb, sizeof w->base.crumb, "%s", C_("Weekly report", "Báo cáo tuần"));
    if (filter_weekly(t->db, hamlet_id, &w->tasks) != DB_OK) { weekly_free(&w->base); return tui_db_error(t); }
    if (!w->tasks.n) {
        weekly_free(&w->base);
        return tui_message(t, 0, _("Thôn %s không có đầu việc nào đang làm."), u.name);
    }
    w->state = calloc((size_t)w->tasks.n, 1);
    w->added = calloc((size_t)w->tasks.n, sizeof *w->added);
    w->det = calloc(1, sizeof *w->det);
    w->qty = tf_new(QTY_MAX);
    w->note = tf_new(NOTE_MAX);
    if (!w->state || !w->added || !w->det || !w->qty || !w->note || list_reset(&w->base.lv, w->tasks.n) < 0) {
        weekly_free(&w->base);
        return tui_message(t, 1, "%s", _("Hết bộ nhớ"));
    }
    /* The date and who reports, once for the whole paper. */
    const form_spec spec[2] = {
        entry_date(N_("Ngày báo cáo"), 1,
                   N_("Ngày trên báo cáo của thôn (mặc định: thứ Sáu tuần này hoặc hôm nay)")),
        entry_text(N_("Người báo cáo"), 0, 120,
                   N_("Trưởng thôn hoặc người nộp báo cáo (không bắt buộc) · Enter: bắt đầu")),
    };
    char title[400], def[11];
    snprintf(title, sizeof title, _("Báo cáo tuần thôn %s — %d đầu việc đang làm"),
             u.name, w->tasks.n);
    form *f = form_new(title, spec, 2);
    if (!f) { weekly_free(&w->base); return tui_message(t, 1, "%s", _("Hết bộ nhớ")); }
    default_date(db_today(t->db), def);
    form_set_date(f, 0, def);
    char who[484];
    last_reporter(t, &w->tasks, w->det, who, sizeof who);
    form_set_text(f, 1, who);
    start_ctx c = { "", "" };
    int rc = entry_form_run(t, f, save_start, &c);
    form_free(f);
    if (rc != FORM_SAVED) { weekly_free(&w->base); return REDRAW_ALL; }
    text_copy(w->date, sizeof w->date, c.date);
    text_copy(w->reporter, sizeof w->reporter, c.who);
    if (t->depth == STACK_MAX) {
        weekly_free(&w->base);
        return tui_message(t, 1, "%s", _("Quá nhiều màn hình đang mở")) | REDRAW_ALL;
    }
    tui_push(t, &w->base);
    tui_repaint(t, 0);
    return walk(w, t, NULL) | RELAYOUT | REDRAW_ALL;
}
