/* tour: one inspection tour as a tree: each stop in route order ("3. Nhà vườn anh
 * Huỳnh — Vườn, thôn Kim Bình") followed by its checks, indented, with their codes, the
 * result marks (✓ đạt, ✗ chưa đạt, – không áp dụng, · chưa kiểm tra), the note and, for a
 * failed check, its follow-up (owner, deadline, ! when overdue). The detail pane shows
 * the selected stop or check in full (who recorded the result, when).
 *
 * Results are typed back by code in one window (R), or row by row with 1 2 3 0, which
 * move on to the next check so a whole stop is done without arrows. After every write
 * the tour is read again and the cursor stays on the same stop or check. */
#include "tui/screens/tour/tour.h"
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

typedef struct { int stop, check; } trow;       /* check -1: the stop's own row */

typedef struct tour_screen {
    screen base;
    int64_t tour_id;
    tour_full tf;
    trow *rows;
    int nrows;
    int open_only;             /* o: only failed checks whose follow-up is not done */
    char want_kind;            /* after the next reload select: 's' stop, 'k' check, 0 keep */
    int64_t want_id;
    int64_t hh_id;             /* household named in the detail pane (cached) */
    char hh_name[484];
} tour_screen;

/* ---- small texts ---- */

const char *tour_mark(char r)
{
    if (draw_is_ascii()) return r == 'p' ? "v" : r == 'f' ? "x" : r == 'n' ? "-" : ".";
    return r == 'p' ? "✓" : r == 'f' ? "✗" : r == 'n' ? "–" : "·";
}

const char *tour_result_name(char r)
{
    return r == 'p' ? L("Đạt", "Passed") : r == 'f' ? L("Chưa đạt", "Failed")
         : r == 'n' ? L("Không áp dụng", "Not applicable") : L("Chưa kiểm tra", "Not checked");
}

int tour_followup_overdue(tui *t, const tour_check_row *k)
{
    return k->followup_task_id && k->followup_status == 'o' && k->followup_deadline[0]
        && strcmp(k->followup_deadline, db_today(t->db)) < 0;
}

/* task.status is 'open', 'done' or 'cancelled'; tour_load keeps its first letter. */
static int fu_cancelled(const tour_check_row *k) { return k->followup_status == 'c' || k->followup_status == 'x'; }

static void code_of(const tour_check_row *k, char *out, size_t n) { snprintf(out, n, "%d.%d", k->stop_seq, k->seq); }

/* "— Vườn, thôn Kim Bình" */
static void stop_where(const tour_stop_row *s, char *out, size_t n)
{
    if (s->hamlet[0]) snprintf(out, n, L("%s, thôn %s", "%s, %s hamlet"), tour_kind_label(s->kind), s->hamlet);
    else snprintf(out, n, "%s", tour_kind_label(s->kind));
}

static void stop_title(const tour_stop_row *s, char *out, size_t n)
{
    char where[300];
    stop_where(s, where, sizeof where);
    snprintf(out, n, "%d. %s %s %s", s->seq, s->name, glyph(G_DASH), where);
}

/* The follow-up in a list row: "→ HPN 15/07/2021!" (! overdue, ✓ done, × cancelled),
 * "→ chưa giao" for a failed check without one, "" otherwise. */
static void followup_short(tui *t, const tour_check_row *k, char *out, size_t n)
{
    char d[11];
    out[0] = 0;
    if (!k->followup_task_id) {
        if (k->result == 'f') snprintf(out, n, "%s %s", draw_is_ascii() ? "->" : "→", L("chưa giao", "unassigned"));
        return;
    }
    date_show(k->followup_deadline, d);
    const char *state = k->followup_status == 'd' ? glyph(G_DONE) : fu_cancelled(k) ? glyph(G_CANCELLED)
                      : tour_followup_overdue(t, k) ? glyph(G_OVERDUE) : "";
    snprintf(out, n, "%s %s%s%s%s%s", draw_is_ascii() ? "->" : "→",
             k->followup_owner[0] ? k->followup_owner : L("chưa rõ ai", "no owner"), d[0] ? " " : "", d,
             state[0] && k->followup_status != 'o' ? " " : "", state);
}

/* The follow-up in the detail pane: "HPN, hạn 15/07/2021 (quá hạn 340 ngày)". */
static void followup_long(tui *t, const tour_check_row *k, char *out, size_t n)
{
    char d[11], state[80] = "";
    date_show(k->followup_deadline, d);
    long left = d[0] ? date_days(k->followup_deadline) - date_days(db_today(t->db)) : 0;
    if (k->followup_status == 'd') snprintf(state, sizeof state, " (%s)", L("đã xong", "done"));
    else if (fu_cancelled(k)) snprintf(state, sizeof state, " (%s)", L("đã hủy", "cancelled"));
    else if (d[0] && left < 0) snprintf(state, sizeof state, L(" (QUÁ HẠN %ld ngày)", " (OVERDUE by %ld days)"), -left);
    else if (d[0] && left == 0) snprintf(state, sizeof state, "%s", L(" (hạn là hôm nay)", " (due today)"));
    else if (d[0]) snprintf(state, sizeof state, L(" (còn %ld ngày)", " (%ld days left)"), left);
    snprintf(out, n, L("%s, hạn %s%s", "%s, due %s%s"), k->followup_owner[0] ? k->followup_owner : L("chưa rõ ai", "no owner"),
             d[0] ? d : L("chưa đặt", "not set"), state);
}

/* A check's follow-up, then its note, as the list shows them. */
static void check_info(tui *t, const tour_check_row *k, char *out, size_t n)
{
    char fu[400];
    followup_short(t, k, fu, sizeof fu);
    snprintf(out, n, "%s%s%s", fu, fu[0] && k->note[0] ? glyph(G_DOT) : "", k->note);
}

/* "✓2 ✗1 ·7" for a stop's checks (only the marks that occur). */
static void counts_text(const tour_full *tf, const tour_stop_row *s, char *out, size_t n)
{
    int c[4] = { 0 };                         /* p f n none */
    for (int i = 0; i < s->n_checks; i++) {
        char r = tf->checks[s->first_check + i].result;
        c[r == 'p' ? 0 : r == 'f' ? 1 : r == 'n' ? 2 : 3]++;
    }
    const char marks[4] = { 'p', 'f', 'n', 0 };
    size_t len = 0;
    out[0] = 0;
    if (!s->n_checks) { snprintf(out, n, "%s", L("chưa có mục", "no checks")); return; }
    for (int i = 0; i < 4 && len < n; i++)
        if (c[i]) len += (size_t)snprintf(out + len, n - len, "%s%s%d", len ? " " : "", tour_mark(marks[i]), c[i]);
}

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

static const tour_stop_row *row_stop(const tour_screen *ts, int row) { return &ts->tf.stops[ts->rows[row].stop]; }
static const tour_check_row *row_check(const tour_screen *ts, int row)
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
    const tour_stop_row *s = row_stop(ts, row);
    const tour_check_row *k = row_check(ts, row);
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
        return tui_message(t, 1, "%s", L("Hết bộ nhớ", "Out of memory"));
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
    const tour_check_row *k = row_check(ts, row);
    *kind = k ? 'k' : 's';
    *id = k ? k->id : row_stop(ts, row)->id;
}

static void select_item(tour_screen *ts, char kind, int64_t id)
{
    for (int i = 0; id && i < ts->nrows; i++) {
        const tour_check_row *k = row_check(ts, i);
        if ((kind == 'k' && k && k->id == id) || (kind == 's' && !k && row_stop(ts, i)->id == id)) {
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

/* ---- drawing ---- */

typedef struct { int code, title, info; } tour_cols;
enum { INDENT = 4, COUNTS_W = 18 };

static tour_cols layout(const tour_screen *ts, int width)
{
    tour_cols c = { 3, 0, 0 };
    for (int i = 0; i < ts->tf.n_checks; i++) {
        char code[24];
        code_of(&ts->tf.checks[i], code, sizeof code);
        if ((int)strlen(code) > c.code) c.code = (int)strlen(code);
    }
    int rest = width - 1 - INDENT - c.code - 3 - 1;   /* " " indent code " m " ... " " */
    c.title = rest * 11 / 20;
    c.info = rest - c.title;
    if (c.title < 1) c.title = 1;
    if (c.info < 0) c.info = 0;
    return c;
}

static void draw_stop(tour_screen *ts, WINDOW *w, int y, int row, int sel)
{
    const tour_stop_row *s = row_stop(ts, row);
    char title[700], counts[64];
    stop_title(s, title, sizeof title);
    counts_text(&ts->tf, s, counts, sizeof counts);
    int width = getmaxx(w), cw = draw_width(counts) + 1;
    if (cw > COUNTS_W) cw = COUNTS_W;
    draw_role(w, sel ? R_SELECTED : R_LABEL);
    int x = draw_text(w, y, 0, 1, " ", DRAW_PAD);
    x += draw_text(w, y, x, width - x - cw - 1, title, DRAW_PAD);
    draw_role(w, sel ? R_SELECTED : R_NORMAL);
    x += draw_text(w, y, x, 1, " ", DRAW_PAD);
    draw_text(w, y, x, width - x, counts, DRAW_PAD);
    draw_role(w, R_NORMAL);
}

static void draw_check(tour_screen *ts, tui *t, WINDOW *w, int y, int row, int sel, tour_cols c)
{
    const tour_check_row *k = row_check(ts, row);
    char code[24], info[1200];
    code_of(k, code, sizeof code);
    check_info(t, k, info, sizeof info);
    int over = tour_followup_overdue(t, k);
    role base = sel ? R_SELECTED : R_NORMAL;
    role mark = sel ? base : k->result == 'p' ? R_DONE : k->result == 'f' ? R_OVERDUE : k->result ? R_NORMAL : R_DIM;
    draw_role(w, base);
    int x = draw_text(w, y, 0, 1 + INDENT, " ", DRAW_PAD);
    x += draw_text(w, y, x, c.code, code, DRAW_PAD);
    x += draw_text(w, y, x, 1, " ", DRAW_PAD);
    draw_role(w, mark);
    x += draw_text(w, y, x, 1, tour_mark(k->result), DRAW_PAD);
    draw_role(w, base);
    x += draw_text(w, y, x, 1, " ", DRAW_PAD);
    if (!info[0]) {
        draw_text(w, y, x, getmaxx(w) - x, k->title, DRAW_PAD);
    } else {
        x += draw_text(w, y, x, c.title, k->title, DRAW_PAD);
        x += draw_text(w, y, x, 1, " ", DRAW_PAD);
        draw_role(w, !sel && over ? R_OVERDUE : base);
        draw_text(w, y, x, getmaxx(w) - x, info, DRAW_PAD);
    }
    draw_role(w, R_NORMAL);
}

static void draw_header(tour_screen *ts, tui *t, WINDOW *w)
{
    const tour_row *r = &ts->tf.t;
    int c[4] = { 0 };
    for (int i = 0; i < ts->tf.n_checks; i++) {
        char res = ts->tf.checks[i].result;
        c[res == 'p' ? 0 : res == 'f' ? 1 : res == 'n' ? 2 : 3]++;
    }
    char left[160], right[200];
    if (ts->open_only) snprintf(left, sizeof left, "%s", L("Chưa đạt, chưa khắc phục xong (o: hiện hết)", "Failed, not yet put right (o: show all)"));
    else snprintf(left, sizeof left, L("Điểm dừng và mục kiểm tra (%d điểm)", "Stops and checks (%d stops)"), r->n_stops);
    snprintf(right, sizeof right, L("%s%d %s%d %s%d %s%d · việc mở %d ", "%s%d %s%d %s%d %s%d · open FU %d "),
             tour_mark('p'), c[0], tour_mark('f'), c[1], tour_mark('n'), c[2], tour_mark(0), c[3], r->n_followups_open);
    int width = getmaxx(w), rw = draw_width(right);
    draw_role(w, R_HEADER);
    int x = draw_text(w, 0, 0, 1, " ", DRAW_PAD);
    x += draw_text(w, 0, x, width - x - rw - 1 > 0 ? width - x - rw - 1 : 0, left, DRAW_PAD);
    draw_text(w, 0, x, width - x, right, DRAW_PAD | DRAW_RIGHT);
    draw_role(w, R_NORMAL);
    (void)t;
}

static void draw_list(tour_screen *ts, tui *t)
{
    WINDOW *w = t->list;
    screen *s = &ts->base;
    int height = getmaxy(w) - 1;
    tour_cols c = layout(ts, getmaxx(w));
    werase(w);
    draw_header(ts, t, w);
    list_scroll(&s->lv, height);
    for (int i = 0; i < height && s->lv.top + i < s->lv.n; i++) {
        int pos = s->lv.top + i, row = s->lv.idx[pos];
        if (ts->rows[row].check < 0) draw_stop(ts, w, i + 1, row, pos == s->lv.cur);
        else draw_check(ts, t, w, i + 1, row, pos == s->lv.cur, c);
    }
    if (s->lv.n == 0)
        draw_text(w, 2, 2, getmaxx(w) - 4, s->lv.query[0] ? L("Không có dòng nào khớp với từ tìm.", "No row matches the search.")
                  : ts->open_only ? L("Không có mục chưa đạt nào đang chờ khắc phục. Nhấn o để hiện hết.",
                                      "No failed check is waiting for a follow-up. Press o to show all.")
                  : L("Tour chưa có điểm dừng. Nhấn a để thêm điểm dừng, T để áp dụng mẫu kiểm tra.",
                      "The tour has no stops yet. Press a to add one, T to apply a checklist template."), 0);
}

/* ---- detail pane ---- */

/* recorded_at is UTC ("2021-06-25T08:30:00Z"): shown in local time. */
static void when_text(const char *iso, char *out, size_t n)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    out[0] = 0;
    if (sscanf(iso, "%d-%d-%dT%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min) != 5) {
        snprintf(out, n, "%s", iso);
        return;
    }
    tm.tm_year -= 1900; tm.tm_mon -= 1;
    time_t secs = timegm(&tm);
    struct tm loc;
    if (secs == (time_t)-1 || !localtime_r(&secs, &loc)) { snprintf(out, n, "%s", iso); return; }
    strftime(out, n, "%d/%m/%Y %H:%M", &loc);
}

static void detail_stop(tour_screen *ts, tui *t, detail_pane *p, const tour_stop_row *s)
{
    char buf[700];
    snprintf(buf, sizeof buf, "%d. %s", s->seq, s->name);
    draw_role(p->w, R_TITLE);
    p->y += draw_wrap(p->w, p->y, p->x, p->width, 2, buf);
    detail_field(p, L("Loại", "Kind"), tour_kind_label(s->kind), 1, R_NORMAL);
    detail_field(p, L("Thôn", "Hamlet"), s->hamlet[0] ? s->hamlet : L("chưa rõ", "not known"), 1, R_NORMAL);
    if (s->household_id && s->household_id != ts->hh_id) {
        household_rec *h = malloc(sizeof *h);
        ts->hh_name[0] = 0;
        if (h && household_read(t->db, s->household_id, h) == DB_OK) text_copy(ts->hh_name, sizeof ts->hh_name, h->head_name);
        free(h);
        ts->hh_id = s->household_id;
    }
    if (s->household_id) detail_field(p, L("Hộ", "Household"), ts->hh_name, 1, R_NORMAL);
    detail_field(p, L("Mốc", "Landmark"), s->landmark, 2, R_NORMAL);
    counts_text(&ts->tf, s, buf, sizeof buf);
    detail_field(p, L("Kết quả", "Results"), buf, 1, R_NORMAL);
    detail_field(p, L("Ghi chú", "Note"), s->note, 4, R_NORMAL);
}

static void detail_check(tour_screen *ts, tui *t, detail_pane *p, const tour_check_row *k, const tour_stop_row *s)
{
    char buf[1200], code[24];
    code_of(k, code, sizeof code);
    snprintf(buf, sizeof buf, "%s %s", code, k->title);
    draw_role(p->w, R_TITLE);
    p->y += draw_wrap(p->w, p->y, p->x, p->width, 2, buf);
    stop_title(s, buf, sizeof buf);
    detail_field(p, L("Điểm", "Stop"), buf, 1, R_NORMAL);
    snprintf(buf, sizeof buf, "%s %s", tour_mark(k->result), tour_result_name(k->result));
    detail_field(p, L("Kết quả", "Result"), buf, 1, k->result == 'f' ? R_OVERDUE : R_NORMAL);
    detail_field(p, L("Ghi chú", "Note"), k->note, 3, R_NORMAL);
    if (k->recorded_at[0]) {
        char when[64];
        when_text(k->recorded_at, when, sizeof when);
        snprintf(buf, sizeof buf, "%s%s%s", k->recorded_by, k->recorded_by[0] ? ", " : "", when);
        detail_field(p, L("Ghi bởi", "Recorded by"), buf, 1, R_NORMAL);
    }
    if (k->followup_task_id) {
        char fu[400];
        followup_long(t, k, fu, sizeof fu);
        detail_field(p, L("Khắc phục", "Follow-up"), fu, 2, tour_followup_overdue(t, k) ? R_OVERDUE : R_NORMAL);
    } else if (k->result == 'f') {
        detail_field(p, L("Khắc phục", "Follow-up"), L("chưa giao; nhấn F để giao việc", "none yet; press F to assign one"), 1, R_NORMAL);
    }
}

static void draw_detail(tour_screen *ts, tui *t)
{
    WINDOW *w = t->detail;
    int h = getmaxy(w), wd = getmaxx(w), below = t->detail_below;
    detail_pane p = { w, 1, below ? 1 : 2, below ? wd - 2 : wd - 3, h };
    detail_frame(w, below, L(" Chi tiết", " Details"));
    int row = list_row(&ts->base.lv);
    if (row < 0) {
        const tour_row *r = &ts->tf.t;
        char date[11];
        date_show(r->date, date);
        draw_role(w, R_TITLE);
        p.y += draw_wrap(w, p.y, p.x, p.width, 2, r->name);
        detail_field(&p, L("Ngày", "Date"), date[0] ? date : L("chưa định", "not set"), 1, R_NORMAL);
        detail_field(&p, L("Trưởng đoàn", "Team lead"), ts->tf.lead, 1, R_NORMAL);
        detail_field(&p, L("Mục đích", "Purpose"), ts->tf.purpose, 4, R_NORMAL);
        return;
    }
    const tour_check_row *k = row_check(ts, row);
    if (k) detail_check(ts, t, &p, k, row_stop(ts, row));
    else detail_stop(ts, t, &p, row_stop(ts, row));
}

static void tour_draw(screen *s, tui *t, int flags)
{
    tour_screen *ts = (tour_screen *)s;
    if (flags & REDRAW_LIST) draw_list(ts, t);
    if ((flags & REDRAW_DETAIL) && t->detail) draw_detail(ts, t);
}

/* ---- actions ---- */

static int need_check(tui *t)
{
    return tui_message(t, 1, "%s", L("Hãy chọn một mục kiểm tra (dòng có mã, vd. 3.5).", "Select a check (a row with a code, e.g. 3.5)."));
}

/* The selected check, or NULL (with a message). */
static const tour_check_row *sel_check(tour_screen *ts)
{
    int row = list_row(&ts->base.lv);
    return row >= 0 ? row_check(ts, row) : NULL;
}

/* The selected stop, or the stop of the selected check. */
static const tour_stop_row *sel_stop(tour_screen *ts)
{
    int row = list_row(&ts->base.lv);
    return row >= 0 ? row_stop(ts, row) : NULL;
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
        const tour_check_row *n = row_check(ts, ts->base.lv.idx[pos]);
        if (n) { next = n->id; break; }
    }
    char code[24];
    code_of(k, code, sizeof code);
    if (tour_result_set(t->db, k->id, result, k->note) != DB_OK) return tui_db_error(t);
    tui_message(t, 0, "%s %s %s", code, tour_mark(result), tour_result_name(result));
    return reload_keep(ts, 'k', next);
}

static int note(tour_screen *ts, tui *t)
{
    const tour_check_row *k = sel_check(ts);
    if (!k) return need_check(t);
    char buf[1600], code[24], label[400];
    code_of(k, code, sizeof code);
    snprintf(buf, sizeof buf, "%s", k->note);
    snprintf(label, sizeof label, "%s %s", code, k->title);
    int rc;
    while ((rc = dialog_prompt(L("Ghi chú", "Note"), label, NULL, buf, sizeof buf, 500)) == DLG_RESIZED) tui_repaint(t, 0);
    if (rc != DLG_OK) return 0;
    int64_t id = k->id;
    if (tour_result_set(t->db, id, k->result, buf) != DB_OK) return tui_db_error(t);
    tui_message(t, 0, L("Đã ghi chú cho mục %s.", "Note saved on %s."), code);
    return reload_keep(ts, 'k', id);
}

static int add_check(tour_screen *ts, tui *t)
{
    const tour_stop_row *s = sel_stop(ts);
    if (!s) return tui_message(t, 1, "%s", L("Tour chưa có điểm dừng: nhấn a để thêm.", "The tour has no stops: press a to add one."));
    char buf[1024] = "", label[400], *err = NULL, msg[600];
    snprintf(label, sizeof label, L("Mục kiểm tra mới tại điểm %d. %s", "New check at stop %d. %s"), s->seq, s->name);
    int64_t stop = s->id, id = 0;
    for (;;) {
        int rc = dialog_prompt(L("Thêm mục kiểm tra", "Add a check"), label, err, buf, sizeof buf, 250);
        if (rc == DLG_RESIZED) { tui_repaint(t, 0); continue; }
        if (rc != DLG_OK) return 0;
        if (tour_check_add(t->db, stop, buf, &id) == DB_OK) break;
        snprintf(msg, sizeof msg, "%s", db_errmsg(t->db));
        err = msg;
    }
    tui_message(t, 0, "%s", L("Đã thêm mục kiểm tra.", "Check added."));
    return reload_keep(ts, 'k', id);
}

static int remove_item(tour_screen *ts, tui *t)
{
    int row = list_row(&ts->base.lv);
    if (row < 0) return 0;
    const tour_check_row *k = row_check(ts, row);
    const tour_stop_row *s = row_stop(ts, row);
    char q[1200], code[24];
    if (k) {
        code_of(k, code, sizeof code);
        snprintf(q, sizeof q, L("Bỏ mục %s \"%s\" ở điểm %s?%s", "Remove check %s \"%s\" at %s?%s"), code, k->title, s->name,
                 k->followup_task_id ? L(" Việc khắc phục đã giao vẫn giữ.", " Its follow-up task is kept.")
                 : k->result ? L(" Kết quả đã ghi sẽ mất.", " Its recorded result is lost.") : "");
        if (!ask(t, q, 0)) return tui_message(t, 0, "%s", L("Không bỏ.", "Not removed."));
        if (tour_check_drop(t->db, k->id) != DB_OK) return tui_db_error(t);
        return tui_message(t, 0, L("Đã bỏ mục %s.", "Check %s removed."), code) | RELOAD | REDRAW_ALL;
    }
    snprintf(q, sizeof q, L("Bỏ điểm dừng %d. %s cùng %d mục kiểm tra? Các điểm sau được đánh số lại.",
                            "Remove stop %d. %s with its %d checks? The stops after it are renumbered."),
             s->seq, s->name, s->n_checks);
    if (!ask(t, q, 0)) return tui_message(t, 0, "%s", L("Không bỏ.", "Not removed."));
    char name[256];
    text_copy(name, sizeof name, s->name);
    if (tour_stop_remove(t->db, s->id) != DB_OK) return tui_db_error(t);
    return tui_message(t, 0, L("Đã bỏ điểm dừng \"%s\".", "Stop \"%s\" removed."), name) | RELOAD | REDRAW_ALL;
}

static int move_stop(tour_screen *ts, tui *t, int delta)
{
    const tour_stop_row *s = sel_stop(ts);
    if (!s) return 0;
    if ((delta < 0 && s->seq <= 1) || (delta > 0 && s->seq >= ts->tf.n_stops))
        return tui_message(t, 0, "%s", delta < 0 ? L("Đây đã là điểm đầu tuyến.", "This is already the first stop.")
                                                 : L("Đây đã là điểm cuối tuyến.", "This is already the last stop."));
    char kind; int64_t id;
    current(ts, &kind, &id);                     /* a check row stays on its check */
    if (tour_stop_move(t->db, s->id, delta) != DB_OK) return tui_db_error(t);
    tui_message(t, 0, L("Đã chuyển \"%s\" tới vị trí %d.", "\"%s\" moved to place %d."), s->name, s->seq + (delta < 0 ? -1 : 1));
    return reload_keep(ts, kind, id);
}

static int apply_template(tour_screen *ts, tui *t)
{
    char code[64];
    if (!ts->tf.n_stops) return tui_message(t, 1, "%s", L("Tour chưa có điểm dừng: nhấn a để thêm trước.", "The tour has no stops: press a first."));
    if (!tour_template_pick(t, code, sizeof code)) return 0;
    int added = 0;
    if (tour_apply_template(t->db, ts->tour_id, code, &added) != DB_OK) return tui_db_error(t);
    if (!added) return tui_message(t, 0, L("Mọi điểm dừng đã có đủ các mục của mẫu %s.", "Every stop already has the checks of %s."), code);
    return tui_message(t, 0, L("Đã thêm %d mục kiểm tra theo mẫu %s.", "%d checks added from %s."), added, code) | RELOAD | REDRAW_ALL;
}

static int followup(tour_screen *ts, tui *t)
{
    int row = list_row(&ts->base.lv);
    const tour_check_row *k = row >= 0 ? row_check(ts, row) : NULL;
    if (!k) return need_check(t);
    if (k->result != 'f')
        return tui_message(t, 1, "%s", L("Chỉ giao việc khắc phục cho mục chưa đạt (2 để ghi chưa đạt).",
                                         "Follow-ups are for failed checks (2 marks one failed)."));
    if (k->followup_task_id) {
        char q[600], fu[400];
        followup_long(t, k, fu, sizeof fu);
        snprintf(q, sizeof q, L("Mục này đã có việc khắc phục (%s). Giao thêm một việc nữa?",
                                "This check already has a follow-up (%s). Add another one?"), fu);
        if (!ask(t, q, 0)) return 0;
    }
    int64_t id = k->id, task = 0;
    if (!tour_followup_form(t, &ts->tf, k, row_stop(ts, row), &task)) return 0;
    tui_message(t, 0, "%s", L("Đã giao việc khắc phục; việc có trong danh sách đầu việc của thôn.",
                              "Follow-up task created; it is in the hamlet's task list."));
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
    if (!ts->tf.n_checks) return tui_message(t, 1, "%s", L("Tour chưa có mục kiểm tra: nhấn T để áp dụng mẫu.", "The tour has no checks: press T to apply a template."));
    tour_results_cb cb = { ts, results_stored, results_describe };
    int n = tour_results_run(t, ts->tour_id, &cb);
    tui_message(t, 0, L("Đã lưu %d dòng kết quả.", "%d result lines stored."), n);
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
        return tui_message(t, 0, "%s", L("Đã lưu tour.", "Tour saved.")) | RELOAD | REDRAW_ALL;
    case ACT_EDIT: {
        if (row < 0) return 0;
        const tour_check_row *k = row_check(ts, row);
        char code[24];
        if (k) {
            code_of(k, code, sizeof code);
            int64_t kid = k->id;
            if (!tour_check_form(t, k, code)) return 0;
            tui_message(t, 0, L("Đã lưu mục %s.", "Check %s saved."), code);
            return reload_keep(ts, 'k', kid);
        }
        int64_t sid = row_stop(ts, row)->id;
        if (!tour_stop_form(t, &ts->tf, row_stop(ts, row), NULL)) return 0;
        tui_message(t, 0, "%s", L("Đã lưu điểm dừng.", "Stop saved."));
        return reload_keep(ts, 's', sid);
    }
    case ACT_STOP_ADD: {
        int64_t sid = 0;
        if (!tour_stop_form(t, &ts->tf, NULL, &sid)) return 0;
        if (s->lv.query[0]) { s->lv.query[0] = 0; }       /* the new stop must be seen */
        ts->open_only = 0;
        tui_message(t, 0, "%s", L("Đã thêm điểm dừng ở cuối tuyến (K/J: chuyển lên/xuống, c: thêm mục).",
                                  "Stop added at the end (K/J: move it, c: add a check)."));
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
        tui_message(t, 0, "%s", ts->open_only ? L("Chỉ hiện mục chưa đạt chưa khắc phục xong; o để hiện hết.",
                                                  "Only failed checks not yet put right; o shows all.")
                                              : L("Hiện mọi điểm dừng và mục kiểm tra.", "All stops and checks shown."));
        return reload_keep(ts, kind, cur);
    }
    case ACT_ROUTE: return tour_print(t, ts->tour_id, 'p');
    case ACT_ROUTE_COMPACT: return tour_print(t, ts->tour_id, 'P');
    case ACT_SUMMARY: return tour_print(t, ts->tour_id, 's');
    default:
        return tui_message(t, 0, "%s", L("Phím này không dùng ở đây. Nhấn ? để xem các phím.",
                                         "That key does nothing here. Press ? for the keys."));
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
    { ACT_RESULTS, "tour_results", 'R', { 0 }, NULL, "Nhập KQ", "Results",
      "Nhập kết quả theo mã và số ô: 3.5 2 hàng rào chưa cắt tỉa", "Type results by code and box: 3.5 2 hedge not trimmed" },
    { ACT_PASS, "tour_pass", '1', { 0 }, NULL, "Đạt", "Pass",
      "Ghi ✓ đạt (ô 1 trên phiếu), xuống mục sau", "Mark it ✓ passed (box 1 on the sheet), next" },
    { ACT_FAIL, "tour_fail", '2', { 0 }, NULL, "Chưa đạt", "Fail",
      "Ghi ✗ chưa đạt (ô 2 trên phiếu), xuống mục sau", "Mark it ✗ failed (box 2 on the sheet), next" },
    { ACT_FOLLOWUP, "tour_followup", 'F', { 0 }, NULL, "Khắc phục", "Follow-up",
      "Giao việc khắc phục cho mục chưa đạt", "Turn the failed check into a follow-up task" },
    { ACT_NA, "tour_na", '3', { 0 }, NULL, NULL, NULL,
      "Ghi – không áp dụng (ô 3 trên phiếu), xuống mục sau", "Mark it – not applicable (box 3), next" },
    { ACT_CLEAR, "tour_clear", '0', { 0 }, NULL, NULL, NULL,
      "Xóa kết quả của mục (· chưa kiểm tra)", "Clear the result (· not checked)" },
    { ACT_NOTE, "tour_note", 'N', { 0 }, NULL, NULL, NULL, "Ghi chú cho mục đang chọn", "Note on the selected check" },
    { ACT_EDIT, "tour_item_edit", 'e', { '\n', '\r', KEY_FN(KEY_ENTER) }, NULL, NULL, NULL,
      "Sửa điểm dừng, hoặc kết quả và ghi chú của mục", "Edit the stop, or the check's result and note" },
    { ACT_STOP_ADD, "tour_stop_add", 'a', { 0 }, NULL, NULL, NULL,
      "Thêm điểm dừng vào cuối tuyến", "Add a stop at the end of the route" },
    { ACT_STOP_UP, "tour_stop_up", 'K', { KEY_FN(KEY_SR) }, NULL, NULL, NULL,
      "Chuyển điểm dừng lên trước", "Move the stop one place earlier" },
    { ACT_STOP_DOWN, "tour_stop_down", 'J', { KEY_FN(KEY_SF) }, NULL, NULL, NULL,
      "Chuyển điểm dừng xuống sau", "Move the stop one place later" },
    { ACT_DELETE, "tour_remove", 'd', { KEY_FN(KEY_DC) }, NULL, NULL, NULL,
      "Bỏ điểm dừng hoặc mục đang chọn (hỏi lại)", "Remove the stop or check (asks first)" },
    { ACT_CHECK_ADD, "tour_check_add", 'c', { 0 }, NULL, NULL, NULL,
      "Thêm mục kiểm tra ở điểm dừng này", "Add a check at this stop" },
    { ACT_TEMPLATE, "tour_template", 'T', { 0 }, NULL, NULL, NULL,
      "Áp dụng mẫu kiểm tra cho mọi điểm (TOUR-10...)", "Apply a checklist template to every stop" },
    { ACT_OPEN_ONLY, "tour_open_followups", 'o', { 0 }, NULL, NULL, NULL,
      "Chỉ mục chưa đạt chưa khắc phục xong / tất cả", "Only failed checks not yet put right / all" },
    { ACT_DETAIL, "tour_detail", 'v', { '\t' }, NULL, NULL, NULL, "Hiện/ẩn ô chi tiết", "Show/hide the detail pane" },
    { ACT_TOUR_EDIT, "tour_edit_here", 'E', { 0 }, NULL, NULL, NULL,
      "Sửa thông tin chung của tour", "Edit the tour itself (name, date, team)" },
    KEYS_TOUR_PRINT,
};
const screen_kind tour_kind = SCREEN_KIND("tour kiểm tra", "the tour", tour_keys);

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
