/* tour_draw: one tour's list as a tree (each stop, then its checks with their codes,
 * marks, notes and follow-ups), its header line of counts, and the detail pane of the
 * selected stop or check; and the small texts they are made of. */
#include "tui/screens/tour/tour_screen.h"
#include "tui/widgets/detail.h"
#include "tui/widgets/draw.h"
#include "model/date.h"
#include "model/household.h"
#include "model/i18n.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- small texts ---- */

const char *tour_mark(char r)
{
    if (draw_is_ascii()) return r == 'p' ? "v" : r == 'f' ? "x" : r == 'n' ? "-" : ".";
    return r == 'p' ? "✓" : r == 'f' ? "✗" : r == 'n' ? "–" : "·";
}

const char *tour_result_name(char r)
{
    return r == 'p' ? C_("Passed", "Đạt") : r == 'f' ? C_("Failed", "Chưa đạt")
         : r == 'n' ? _("Không áp dụng") : _("Chưa kiểm tra");
}

int tour_followup_overdue(tui *t, const tour_check_row *k)
{
    return k->followup_task_id && k->followup_status == 'o' && k->followup_deadline[0]
        && strcmp(k->followup_deadline, db_today(t->db)) < 0;
}

/* task.status is 'open', 'done' or 'cancelled'; tour_load keeps its first letter. */
static int fu_cancelled(const tour_check_row *k) { return k->followup_status == 'c' || k->followup_status == 'x'; }

void tour_code(const tour_check_row *k, char *out, size_t n) { snprintf(out, n, "%d.%d", k->stop_seq, k->seq); }

/* "— Vườn, thôn Kim Bình" */
static void stop_where(const tour_stop_row *s, char *out, size_t n)
{
    if (s->hamlet[0]) snprintf(out, n, _("%s, thôn %s"), tour_kind_label(s->kind), s->hamlet);
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
        if (k->result == 'f') snprintf(out, n, "%s %s", draw_is_ascii() ? "->" : "→", C_("unassigned", "chưa giao"));
        return;
    }
    date_show(k->followup_deadline, d);
    const char *state = k->followup_status == 'd' ? glyph(G_DONE) : fu_cancelled(k) ? glyph(G_CANCELLED)
                      : tour_followup_overdue(t, k) ? glyph(G_OVERDUE) : "";
    snprintf(out, n, "%s %s%s%s%s%s", draw_is_ascii() ? "->" : "→",
             k->followup_owner[0] ? k->followup_owner : _("chưa rõ ai"), d[0] ? " " : "", d,
             state[0] && k->followup_status != 'o' ? " " : "", state);
}

/* The follow-up in the detail pane: "HPN, hạn 15/07/2021 (quá hạn 340 ngày)". */
void tour_followup_text(tui *t, const tour_check_row *k, char *out, size_t n)
{
    char d[11], state[80] = "";
    date_show(k->followup_deadline, d);
    long left = d[0] ? date_days(k->followup_deadline) - date_days(db_today(t->db)) : 0;
    if (k->followup_status == 'd') snprintf(state, sizeof state, " (%s)", _("đã xong"));
    else if (fu_cancelled(k)) snprintf(state, sizeof state, " (%s)", _("đã hủy"));
    else if (d[0] && left < 0) snprintf(state, sizeof state, _(" (QUÁ HẠN %ld ngày)"), -left);
    else if (d[0] && left == 0) snprintf(state, sizeof state, "%s", _(" (hạn là hôm nay)"));
    else if (d[0]) snprintf(state, sizeof state, _(" (còn %ld ngày)"), left);
    snprintf(out, n, _("%s, hạn %s%s"), k->followup_owner[0] ? k->followup_owner : _("chưa rõ ai"),
             d[0] ? d : _("chưa đặt"), state);
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
    if (!s->n_checks) { snprintf(out, n, "%s", _("chưa có mục")); return; }
    for (int i = 0; i < 4 && len < n; i++)
        if (c[i]) len += (size_t)snprintf(out + len, n - len, "%s%s%d", len ? " " : "", tour_mark(marks[i]), c[i]);
}

/* ---- drawing ---- */

typedef struct { int code, title, info; } tour_cols;
enum { INDENT = 4, COUNTS_W = 18 };

static tour_cols layout(const tour_screen *ts, int width)
{
    tour_cols c = { 3, 0, 0 };
    for (int i = 0; i < ts->tf.n_checks; i++) {
        char code[24];
        tour_code(&ts->tf.checks[i], code, sizeof code);
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
    const tour_stop_row *s = tour_row_stop(ts, row);
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
    const tour_check_row *k = tour_row_check(ts, row);
    char code[24], info[1200];
    tour_code(k, code, sizeof code);
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
    if (ts->open_only) snprintf(left, sizeof left, "%s", _("Chưa đạt, chưa khắc phục xong (o: hiện hết)"));
    else snprintf(left, sizeof left, _("Điểm dừng và mục kiểm tra (%d điểm)"), r->n_stops);
    snprintf(right, sizeof right, _("%s%d %s%d %s%d %s%d · việc mở %d "),
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
        draw_text(w, 2, 2, getmaxx(w) - 4, s->lv.query[0] ? _("Không có dòng nào khớp với từ tìm.")
                  : ts->open_only ? _("Không có mục chưa đạt nào đang chờ khắc phục. Nhấn o để hiện hết.")
                  : _("Tour chưa có điểm dừng. Nhấn a để thêm điểm dừng, T để áp dụng mẫu kiểm tra."), 0);
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
    detail_field(p, _("Loại"), tour_kind_label(s->kind), 1, R_NORMAL);
    detail_field(p, _("Thôn"), s->hamlet[0] ? s->hamlet : _("chưa rõ"), 1, R_NORMAL);
    if (s->household_id && s->household_id != ts->hh_id) {
        household_rec *h = malloc(sizeof *h);
        ts->hh_name[0] = 0;
        if (h && household_read(t->db, s->household_id, h) == DB_OK) text_copy(ts->hh_name, sizeof ts->hh_name, h->head_name);
        free(h);
        ts->hh_id = s->household_id;
    }
    if (s->household_id) detail_field(p, _("Hộ"), ts->hh_name, 1, R_NORMAL);
    detail_field(p, _("Mốc"), s->landmark, 2, R_NORMAL);
    counts_text(&ts->tf, s, buf, sizeof buf);
    detail_field(p, _("Kết quả"), buf, 1, R_NORMAL);
    detail_field(p, _("Ghi chú"), s->note, 4, R_NORMAL);
}

static void detail_check(tour_screen *ts, tui *t, detail_pane *p, const tour_check_row *k, const tour_stop_row *s)
{
    char buf[1200], code[24];
    tour_code(k, code, sizeof code);
    snprintf(buf, sizeof buf, "%s %s", code, k->title);
    draw_role(p->w, R_TITLE);
    p->y += draw_wrap(p->w, p->y, p->x, p->width, 2, buf);
    stop_title(s, buf, sizeof buf);
    detail_field(p, _("Điểm"), buf, 1, R_NORMAL);
    snprintf(buf, sizeof buf, "%s %s", tour_mark(k->result), tour_result_name(k->result));
    detail_field(p, C_("Result", "Kết quả"), buf, 1, k->result == 'f' ? R_OVERDUE : R_NORMAL);
    detail_field(p, _("Ghi chú"), k->note, 3, R_NORMAL);
    if (k->recorded_at[0]) {
        char when[64];
        when_text(k->recorded_at, when, sizeof when);
        snprintf(buf, sizeof buf, "%s%s%s", k->recorded_by, k->recorded_by[0] ? ", " : "", when);
        detail_field(p, _("Ghi bởi"), buf, 1, R_NORMAL);
    }
    if (k->followup_task_id) {
        char fu[400];
        tour_followup_text(t, k, fu, sizeof fu);
        detail_field(p, _("Khắc phục"), fu, 2, tour_followup_overdue(t, k) ? R_OVERDUE : R_NORMAL);
    } else if (k->result == 'f') {
        detail_field(p, _("Khắc phục"), _("chưa giao; nhấn F để giao việc"), 1, R_NORMAL);
    }
}

static void draw_detail(tour_screen *ts, tui *t)
{
    WINDOW *w = t->detail;
    int h = getmaxy(w), wd = getmaxx(w), below = t->detail_below;
    detail_pane p = { w, 1, below ? 1 : 2, below ? wd - 2 : wd - 3, h };
    detail_frame(w, below, _(" Chi tiết"));
    int row = list_row(&ts->base.lv);
    if (row < 0) {
        const tour_row *r = &ts->tf.t;
        char date[11];
        date_show(r->date, date);
        draw_role(w, R_TITLE);
        p.y += draw_wrap(w, p.y, p.x, p.width, 2, r->name);
        detail_field(&p, _("Ngày"), date[0] ? date : _("chưa định"), 1, R_NORMAL);
        detail_field(&p, _("Trưởng đoàn"), ts->tf.lead, 1, R_NORMAL);
        detail_field(&p, _("Mục đích"), ts->tf.purpose, 4, R_NORMAL);
        return;
    }
    const tour_check_row *k = tour_row_check(ts, row);
    if (k) detail_check(ts, t, &p, k, tour_row_stop(ts, row));
    else detail_stop(ts, t, &p, tour_row_stop(ts, row));
}

void tour_draw(screen *s, tui *t, int flags)
{
    tour_screen *ts = (tour_screen *)s;
    if (flags & REDRAW_LIST) draw_list(ts, t);
    if ((flags & REDRAW_DETAIL) && t->detail) draw_detail(ts, t);
}
