/* tour: one inspection tour as a tree: each stop in route order ("3. Nhà vườn anh
 * Huỳnh — Vườn, thôn Kim Bình") followed by its checks, indented, with their codes, the
 * result marks (✓ đạt, ✗ chưa đạt, – không áp dụng, · chưa kiểm tra), the note and, for a
 * failed check, its follow-up (owner, deadline, ! when overdue). The detail pane shows
 * the selected stop or check in full (who recorded the result, when).
 *
 * Results are typed back by code in one window (R), or row by row with 1 2 3 0, which
 * move on to the next check so a whole stop is done without arrows. After every write
 * the tour is read again and the cursor stays on the same stop or check. The drawing and
 * the texts it is made of are tour_draw.c's. */
#include "tui/screens/tour/tour_screen.h"
#include "tui/widgets/detail.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/draw.h"
#include "tui/global_keys.h"
#include "model/date.h"
#include "model/household.h"
#include "model/i18n.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- rows ---- */

static int row_wanted(const tour_screen *ts, const tour_check_row *k)
{
    return !ts->open_only || (k->result == 'f' && (!k->followup_task_id || k->followup_status != 'd'));
}

static int build_rows(tour_screen *ts)
{
    const tour_full *tf = &ts->tf;
    free(ts->rows);
    ts->nrows = 0;
    ts->rows = malloc((size_t)(tf->n_stops + tf->n_checks + 1) * sizeof *ts->rows);
    if (!ts->rows) return -1;
    for (int i = 0; i < tf->n_stops; i++) {
        const tour_stop_row *s = &tf->stops[i];
        int head = ts->nrows, any = 0;
        ts->rows[ts->nrows++] = (trow){ i, -1 };
        for (int j = 0; j < s->n_checks; j++) {
            int k = s->first_check + j;
            if (!row_wanted(ts, &tf->checks[k])) continue;
            ts->rows[ts->nrows++] = (trow){ i, k };
            any = 1;
        }
        if (ts->open_only && !any) ts->nrows = head;
    }
    return 0;
}

const tour_stop_row *tour_row_stop(const tour_screen *ts, int row) { return &ts->tf.stops[ts->rows[row].stop]; }
const tour_check_row *tour_row_check(const tour_screen *ts, int row)
{
    return ts->rows[row].check >= 0 ? &ts->tf.checks[ts->rows[row].check] : NULL;
}

/* 1 when text folds to a key holding every word of the folded query. */
static int text_matches(const char *text, const char *q)
{
    char *key = text_fold(text);
    int m = key && text_match(key, q);
    free(key);
    return m;
}

/* A check is found by its code, title, note and owner, and by its stop's name. */
static int check_matches(const tour_check_row *k, const tour_stop_row *s, const char *q)
{
    char buf[1600];
    snprintf(buf, sizeof buf, "%d.%d %s %s %s %s %s", k->stop_seq, k->seq, k->title, k->note, k->followup_owner,
             s->name, s->hamlet);
    return text_matches(buf, q);
}

/* A stop shows when it matches or one of its checks does, so no check is shown
 * without its stop. */
static int tour_match(void *p, int row, const char *q)
{
    tour_screen *ts = p;
    const tour_stop_row *s = tour_row_stop(ts, row);
    const tour_check_row *k = tour_row_check(ts, row);
    if (k) return check_matches(k, s, q);
    char buf[700];
    snprintf(buf, sizeof buf, "%s %s %s", s->name, s->hamlet, tour_kind_label(s->kind));
    if (text_matches(buf, q)) return 1;
    for (int j = 0; j < s->n_checks; j++)
        if (check_matches(&ts->tf.checks[s->first_check + j], s, q)) return 1;
    return 0;
}

static int load(tour_screen *ts, tui *t)
{
    tour_free(&ts->tf);
    int rc = tour_load(t->db, ts->tour_id, &ts->tf);
    if (rc != DB_OK) { memset(&ts->tf, 0, sizeof ts->tf); tui_db_error(t); }
    if (build_rows(ts) < 0 || list_reset(&ts->base.lv, ts->nrows) < 0) {
        ts->nrows = 0;
        list_reset(&ts->base.lv, 0);
        return tui_message(t, 1, "%s", _("Hết bộ nhớ"));
    }
    list_filter(&ts->base.lv, tour_match, ts);
    return 0;
}

/* What the cursor is on, to find it again after a reload. */
static void current(tour_screen *ts, char *kind, int64_t *id)
{
    int row = list_row(&ts->base.lv);
    *kind = 0; *id = 0;
    if (row < 0) return;
    const tour_check_row *k = tour_row_check(ts, row);
    *kind = k ? 'k' : 's';
    *id = k ? k->id : tour_row_stop(ts, row)->id;
}

static void select_item(tour_screen *ts, char kind, int64_t id)
{
    for (int i = 0; id && i < ts->nrows; i++) {
        const tour_check_row *k = tour_row_check(ts, i);
        if ((kind == 'k' && k && k->id == id) || (kind == 's' && !k && tour_row_stop(ts, i)->id == id)) {
            list_select(&ts->base.lv, i);
            return;
        }
    }
}

static int tour_reload(screen *s, tui *t)
{
    tour_screen *ts = (tour_screen *)s;
    char kind; int64_t id;
    current(ts, &kind, &id);
    if (ts->want_kind) { kind = ts->want_kind; id = ts->want_id; }
    ts->want_kind = 0;
    int flags = load(ts, t) | REDRAW_ALL;
    select_item(ts, kind, id);
    if (ts->tf.t.name[0]) text_copy(s->crumb, sizeof s->crumb, ts->tf.t.name);
    return flags;
}

/* ---- actions ---- */

static int need_check(tui *t)
{
    return tui_message(t, 1, "%s", _("Hãy chọn một mục kiểm tra (dòng có mã, vd. 3.5)."));
}

/* The selected check, or NULL (with a message). */
static const tour_check_row *sel_check(tour_screen *ts)
{
    int row = list_row(&ts->base.lv);
    return row >= 0 ? tour_row_check(ts, row) : NULL;
}

/* The selected stop, or the stop of the selected check. */
static const tour_stop_row *sel_stop(tour_screen *ts)
{
    int row = list_row(&ts->base.lv);
    return row >= 0 ? tour_row_stop(ts, row) : NULL;
}

static int ask(tui *t, const char *q, int default_yes)
{
    int a;
    while ((a = dialog_confirm(q, default_yes)) == DLG_RESIZED) tui_repaint(t, 0);
    return a == DLG_YES;
}

static int reload_keep(tour_screen *ts, char kind, int64_t id)
{
    ts->want_kind = kind;
    ts->want_id = id;
    return RELOAD | REDRAW_ALL;
}

/* 1 2 3 0: the result of the selected check, then on to the next check. */
static int quick_result(tour_screen *ts, tui *t, char result)
{
    const tour_check_row *k = sel_check(ts);
    if (!k) return need_check(t);
    int64_t next = k->id;
    for (int pos = ts->base.lv.cur + 1; pos < ts->base.lv.n; pos++) {
        const tour_check_row *n = tour_row_check(ts, ts->base.lv.idx[pos]);
        if (n) { next = n->id; break; }
    }
    char code[24];
    tour_code(k, code, sizeof code);
    if (tour_result_set(t->db, k->id, result, k->note) != DB_OK) return tui_db_error(t);
    tui_message(t, 0, "%s %s %s", code, tour_mark(result), tour_result_name(result));
    return reload_keep(ts, 'k', next);
}

static int note(tour_screen *ts, tui *t)
{
    const tour_check_row *k = sel_check(ts);
    if (!k) return need_check(t);
    char buf[1600], code[24], label[400];
    tour_code(k, code, sizeof code);
    snprintf(buf, sizeof buf, "%s", k->note);
    snprintf(label, sizeof label, "%s %s", code, k->title);
    int rc;
    while ((rc = dialog_prompt(_("Ghi chú"), label, NULL, buf, sizeof buf, 500)) == DLG_RESIZED) tui_repaint(t, 0);
    if (rc != DLG_OK) return 0;
    int64_t id = k->id;
    if (tour_result_set(t->db, id, k->result, buf) != DB_OK) return tui_db_error(t);
    tui_message(t, 0, _("Đã ghi chú cho mục %s."), code);
    return reload_keep(ts, 'k', id);
}

static int add_check(tour_screen *ts, tui *t)
{
    const tour_stop_row *s = sel_stop(ts);
    if (!s) return tui_message(t, 1, "%s", _("Tour chưa có điểm dừng: nhấn a để thêm."));
    char buf[1024] = "", label[400], *err = NULL, msg[600];
    snprintf(label, sizeof label, _("Mục kiểm tra mới tại điểm %d. %s"), s->seq, s->name);
    int64_t stop = s->id, id = 0;
    for (;;) {
        int rc = dialog_prompt(_("Thêm mục kiểm tra"), label, err, buf, sizeof buf, 250);
        if (rc == DLG_RESIZED) { tui_repaint(t, 0); continue; }
        if (rc != DLG_OK) return 0;
        if (tour_check_add(t->db, stop, buf, &id) == DB_OK) break;
        snprintf(msg, sizeof msg, "%s", db_errmsg(t->db));
        err = msg;
    }
    tui_message(t, 0, "%s", _("Đã thêm mục kiểm tra."));
    return reload_keep(ts, 'k', id);
}

static int remove_item(tour_screen *ts, tui *t)
{
    int row = list_row(&ts->base.lv);
    if (row < 0) return 0;
    const tour_check_row *k = tour_row_check(ts, row);
    const tour_stop_row *s = tour_row_stop(ts, row);
    char q[1200], code[24];
    if (k) {
        tour_code(k, code, sizeof code);
        snprintf(q, sizeof q, _("Bỏ mục %s \"%s\" ở điểm %s?%s"), code, k->title, s->name,
                 k->followup_task_id ? _(" Việc khắc phục đã giao vẫn giữ.")
                 : k->result ? _(" Kết quả đã ghi sẽ mất.") : "");
        if (!ask(t, q, 0)) return tui_message(t, 0, "%s", _("Không bỏ."));
        if (tour_check_drop(t->db, k->id) != DB_OK) return tui_db_error(t);
        return tui_message(t, 0, _("Đã bỏ mục %s."), code) | RELOAD | REDRAW_ALL;
    }
    snprintf(q, sizeof q, _("Bỏ điểm dừng %d. %s cùng %d mục kiểm tra? Các điểm sau được đánh số lại."),
             s->seq, s->name, s->n_checks);
    if (!ask(t, q, 0)) return tui_message(t, 0, "%s", _("Không bỏ."));
    char name[256];
    text_copy(name, sizeof name, s->name);
    if (tour_stop_remove(t->db, s->id) != DB_OK) return tui_db_error(t);
    return tui_message(t, 0, _("Đã bỏ điểm dừng \"%s\"."), name) | RELOAD | REDRAW_ALL;
}

static int move_stop(tour_screen *ts, tui *t, int delta)
{
    const tour_stop_row *s = sel_stop(ts);
    if (!s) return 0;
    if ((delta < 0 && s->seq <= 1) || (delta > 0 && s->seq >= ts->tf.n_stops))
        return tui_message(t, 0, "%s", delta < 0 ? _("Đây đã là điểm đầu tuyến.")
                                                 : _("Đây đã là điểm cuối tuyến."));
    char kind; int64_t id;
    current(ts, &kind, &id);                     /* a check row stays on its check */
    if (tour_stop_move(t->db, s->id, delta) != DB_OK) return tui_db_error(t);
    tui_message(t, 0, _("Đã chuyển \"%s\" tới vị trí %d."), s->name, s->seq + (delta < 0 ? -1 : 1));
    return reload_keep(ts, kind, id);
}

static int apply_template(tour_screen *ts, tui *t)
{
    char code[64];
    if (!ts->tf.n_stops) return tui_message(t, 1, "%s", _("Tour chưa có điểm dừng: nhấn a để thêm trước."));
    if (!tour_template_pick(t, code, sizeof code)) return 0;
    int added = 0;
    if (tour_apply_template(t->db, ts->tour_id, code, &added) != DB_OK) return tui_db_error(t);
    if (!added) return tui_message(t, 0, _("Mọi điểm dừng đã có đủ các mục của mẫu %s."), code);
    return tui_message(t, 0, _("Đã thêm %d mục kiểm tra theo mẫu %s."), added, code) | RELOAD | REDRAW_ALL;
}

static int followup(tour_screen *ts, tui *t)
{
    int row = list_row(&ts->base.lv);
    const tour_check_row *k = row >= 0 ? tour_row_check(ts, row) : NULL;
    if (!k) return need_check(t);
    if (k->result != 'f')
        return tui_message(t, 1, "%s", _("Chỉ giao việc khắc phục cho mục chưa đạt (2 để ghi chưa đạt)."));
    if (k->followup_task_id) {
        char q[600], fu[400];
        tour_followup_text(t, k, fu, sizeof fu);
        snprintf(q, sizeof q, _("Mục này đã có việc khắc phục (%s). Giao thêm một việc nữa?"), fu);
        if (!ask(t, q, 0)) return 0;
    }
    int64_t id = k->id, task = 0;
    if (!tour_followup_form(t, &ts->tf, k, tour_row_stop(ts, row), &task)) return 0;
    tui_message(t, 0, "%s", _("Đã giao việc khắc phục; việc có trong danh sách đầu việc của thôn."));
    return reload_keep(ts, 'k', id);
}

static void results_stored(void *ctx, int64_t check_id)
{
    tour_screen *ts = ctx;
    ts->want_kind = 'k';
    ts->want_id = check_id;
}

static void results_describe(void *ctx, int64_t check_id, char *out, size_t n)
{
    tour_screen *ts = ctx;
    out[0] = 0;
    for (int i = 0; i < ts->tf.n_checks; i++) {
        const tour_check_row *k = &ts->tf.checks[i];
        if (k->id != check_id) continue;
        for (int j = 0; j < ts->tf.n_stops; j++)
            if (ts->tf.stops[j].id == k->stop_id) snprintf(out, n, "%s %s %s", k->title, glyph(G_DASH), ts->tf.stops[j].name);
        return;
    }
}

static int results(tour_screen *ts, tui *t)
{
    if (!ts->tf.n_checks) return tui_message(t, 1, "%s", _("Tour chưa có mục kiểm tra: nhấn T để áp dụng mẫu."));
    tour_results_cb cb = { ts, results_stored, results_describe };
    int n = tour_results_run(t, ts->tour_id, &cb);
    tui_message(t, 0, _("Đã lưu %d dòng kết quả."), n);
    return RELOAD | REDRAW_ALL;
}

enum { ACT_RESULTS = ACT_TOUR_OWN, ACT_PASS, ACT_FAIL, ACT_NA, ACT_CLEAR, ACT_NOTE, ACT_FOLLOWUP, ACT_STOP_ADD,
       ACT_STOP_UP, ACT_STOP_DOWN, ACT_CHECK_ADD, ACT_TEMPLATE, ACT_OPEN_ONLY, ACT_TOUR_EDIT };

static int tour_key(screen *s, tui *t, int action)
{
    tour_screen *ts = (tour_screen *)s;
    int row = list_row(&s->lv);
    int64_t id = ts->tour_id;
    switch (action) {
    case ACT_DETAIL:
        t->show_detail = !t->show_detail;
        return RELAYOUT | REDRAW_ALL;
    case ACT_TOUR_EDIT:
        if (!tour_form(t, ts->tf.t.commune_id, &id)) return 0;
        return tui_message(t, 0, "%s", _("Đã lưu tour.")) | RELOAD | REDRAW_ALL;
    case ACT_EDIT: {
        if (row < 0) return 0;
        const tour_check_row *k = tour_row_check(ts, row);
        char code[24];
        if (k) {
            tour_code(k, code, sizeof code);
            int64_t kid = k->id;
            if (!tour_check_form(t, ts->tf.t.id, k, code)) return 0;
            tui_message(t, 0, _("Đã lưu mục %s."), code);
            return reload_keep(ts, 'k', kid);
        }
        int64_t sid = tour_row_stop(ts, row)->id;
        if (!tour_stop_form(t, &ts->tf, tour_row_stop(ts, row), NULL)) return 0;
        tui_message(t, 0, "%s", _("Đã lưu điểm dừng."));
        return reload_keep(ts, 's', sid);
    }
    case ACT_STOP_ADD: {
        int64_t sid = 0;
        if (!tour_stop_form(t, &ts->tf, NULL, &sid)) return 0;
        if (s->lv.query[0]) { s->lv.query[0] = 0; }       /* the new stop must be seen */
        ts->open_only = 0;
        tui_message(t, 0, "%s", _("Đã thêm điểm dừng ở cuối tuyến (K/J: chuyển lên/xuống, c: thêm mục)."));
        return reload_keep(ts, 's', sid);
    }
    case ACT_STOP_UP: return move_stop(ts, t, -1);
    case ACT_STOP_DOWN: return move_stop(ts, t, 1);
    case ACT_DELETE: return remove_item(ts, t);
    case ACT_CHECK_ADD: return add_check(ts, t);
    case ACT_TEMPLATE: return apply_template(ts, t);
    case ACT_RESULTS: return results(ts, t);
    case ACT_PASS: return quick_result(ts, t, 'p');
    case ACT_FAIL: return quick_result(ts, t, 'f');
    case ACT_NA: return quick_result(ts, t, 'n');
    case ACT_CLEAR: return quick_result(ts, t, 0);
    case ACT_NOTE: return note(ts, t);
    case ACT_FOLLOWUP: return followup(ts, t);
    case ACT_OPEN_ONLY: {
        char kind; int64_t cur;
        current(ts, &kind, &cur);
        ts->open_only = !ts->open_only;
        tui_message(t, 0, "%s", ts->open_only ? _("Chỉ hiện mục chưa đạt chưa khắc phục xong; o để hiện hết.")
                                              : _("Hiện mọi điểm dừng và mục kiểm tra."));
        return reload_keep(ts, kind, cur);
    }
    case ACT_ROUTE: return tour_print(t, ts->tour_id, 'p');
    case ACT_ROUTE_COMPACT: return tour_print(t, ts->tour_id, 'P');
    case ACT_SUMMARY: return tour_print(t, ts->tour_id, 's');
    default:
        return tui_key_unused(t);
    }
}

static void tour_screen_free(screen *s)
{
    tour_screen *ts = (tour_screen *)s;
    tour_free(&ts->tf);
    free(ts->rows);
    list_free(&s->lv);
    free(ts);
}

static const struct screen_ops tour_ops = {
    .draw = tour_draw, .key = tour_key, .reload = tour_reload, .match = tour_match, .free = tour_screen_free,
};

/* The bar shows what the typing-back pass needs. Letters of the loop's tail (q k j b f
 * g G r, Space = PgDn) are not bound here, or they would win while the help still listed
 * the tail's meaning: hence R (not r) for results, F (not f) for follow-ups, 1 2 3 0 (not
 * Space) for the quick marks. */
static const keydef tour_keys[] = {
    KEYS_BACK, KEYS_SEARCH, KEYS_GOTO, KEYS_UNDO_LISTS,
    { ACT_RESULTS, "tour_results", 'R', { 0 }, NULL, N_("Nhập KQ"),
      N_("Nhập kết quả theo mã và số ô: 3.5 2 hàng rào chưa cắt tỉa") },
    { ACT_PASS, "tour_pass", '1', { 0 }, NULL, NC_("Pass", "Đạt"),
      N_("Ghi ✓ đạt (ô 1 trên phiếu), xuống mục sau") },
    { ACT_FAIL, "tour_fail", '2', { 0 }, NULL, NC_("Fail", "Chưa đạt"),
      N_("Ghi ✗ chưa đạt (ô 2 trên phiếu), xuống mục sau") },
    { ACT_FOLLOWUP, "tour_followup", 'F', { 0 }, NULL, N_("Khắc phục"),
      N_("Giao việc khắc phục cho mục chưa đạt") },
    { ACT_NA, "tour_na", '3', { 0 }, NULL, NULL,
      N_("Ghi – không áp dụng (ô 3 trên phiếu), xuống mục sau") },
    { ACT_CLEAR, "tour_clear", '0', { 0 }, NULL, NULL,
      N_("Xóa kết quả của mục (· chưa kiểm tra)") },
    { ACT_NOTE, "tour_note", 'N', { 0 }, NULL, NULL, N_("Ghi chú cho mục đang chọn") },
    { ACT_EDIT, "tour_item_edit", 'e', { '\n', '\r', KEY_FN(KEY_ENTER) }, NULL, NULL,
      N_("Sửa điểm dừng, hoặc kết quả và ghi chú của mục") },
    { ACT_STOP_ADD, "tour_stop_add", 'a', { 0 }, NULL, NULL,
      N_("Thêm điểm dừng vào cuối tuyến") },
    { ACT_STOP_UP, "tour_stop_up", 'K', { KEY_FN(KEY_SR) }, NULL, NULL,
      N_("Chuyển điểm dừng lên trước") },
    { ACT_STOP_DOWN, "tour_stop_down", 'J', { KEY_FN(KEY_SF) }, NULL, NULL,
      N_("Chuyển điểm dừng xuống sau") },
    { ACT_DELETE, "tour_remove", 'd', { KEY_FN(KEY_DC) }, NULL, NULL,
      N_("Bỏ điểm dừng hoặc mục đang chọn (hỏi lại)") },
    { ACT_CHECK_ADD, "tour_check_add", 'c', { 0 }, NULL, NULL,
      N_("Thêm mục kiểm tra ở điểm dừng này") },
    { ACT_TEMPLATE, "tour_template", 'T', { 0 }, NULL, NULL,
      N_("Áp dụng mẫu kiểm tra cho mọi điểm (TOUR-10...)") },
    { ACT_OPEN_ONLY, "tour_open_followups", 'o', { 0 }, NULL, NULL,
      N_("Chỉ mục chưa đạt chưa khắc phục xong / tất cả") },
    { ACT_DETAIL, "tour_detail", 'v', { '\t' }, NULL, NULL, N_("Hiện/ẩn ô chi tiết") },
    { ACT_TOUR_EDIT, "tour_edit_here", 'E', { 0 }, NULL, NULL,
      N_("Sửa thông tin chung của tour") },
    KEYS_TOUR_PRINT,
};
const screen_kind tour_kind = SCREEN_KIND(NC_("the tour", "tour kiểm tra"), tour_keys);

screen *tour_new(tui *t, int64_t tour_id, const char *crumb)
{
    tour_screen *ts = calloc(1, sizeof *ts);
    if (!ts) return NULL;
    ts->base.ops = &tour_ops;
    ts->base.kind = &tour_kind;
    ts->base.has_detail = 1;
    text_copy(ts->base.crumb, sizeof ts->base.crumb, crumb ? crumb : "");
    ts->tour_id = tour_id;
    load(ts, t);
    return &ts->base;
}
