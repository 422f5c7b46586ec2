/* dash: the dashboard, the first screen. For a commune: the current campaign and
 * its days left, the task counts (done, open, overdue, due in 7 days), criteria met X/N
 * under the commune's set, the hamlets ranked by progress with a bar each, the most
 * overdue tasks. For a province the same numbers summed over its communes, the communes
 * ranked. Every number comes from model/dashboard.c in one read per reload.
 *
 * The ranking is the papers' (model/period_report.h: % done, then fewer overdue, then the
 * name), its top marked "biểu dương" and its bottom "phê bình" as the weekly report names
 * them. The cursor walks the ranked rows, then the overdue tasks, then the open follow-ups
 * of inspection tours: Enter on a hamlet opens its tasks, on a commune its dashboard, on a
 * task its list with it selected. The sections share the window: the overdue one gets a
 * third (at least three rows), the follow-ups up to FU_MAX_ROWS, and each scrolls on its
 * own. */
#include "tui/screens/dash.h"
#include "tui/screens/tasks/tasks.h"
#include "tui/screens/units.h"
#include "tui/export_ui.h"
#include "tui/global_keys.h"
#include "tui/print.h"
#include "tui/widgets/draw.h"
#include "model/ui_state.h"
#include "model/dashboard.h"
#include "model/period_report.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/text.h"
#include "model/unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N_LATE = 30, LATE_MIN_ROWS = 3, FU_MAX_ROWS = 3, MARK_WIDE = 13 };

typedef struct dash_screen {
    screen base;
    int64_t unit_id;
    dashboard d;
    int rc;                     /* dashboard_load's result (the message is in err) */
    char err[512];
    int top_rank, top_late, top_fu;   /* first row shown of each section, as positions */
    int n_ranked, n_top, n_bottom;    /* the papers' pick: praised first n_top, named last n_bottom */
} dash_screen;

static const struct screen_ops dash_ops;

int64_t dash_unit(const screen *s) { return s && s->ops == &dash_ops ? ((const dash_screen *)s)->unit_id : 0; }


/* ---- drawing ---- */

static void bar_text(double frac, int cells, char *out, size_t n)
{
    size_t len = 0;
    int on = (int)(frac * cells);          /* down: a full bar means all done */
    out[0] = 0;
    for (int i = 0; i < cells && len < n; i++)
        len += (size_t)snprintf(out + len, n - len, "%s", glyph(i < on ? G_BAR_ON : G_BAR_OFF));
}

/* One piece of a line in its role, then two spaces; x moves on. */
static void piece(WINDOW *w, int y, int *x, int width, const char *s, role r)
{
    if (*x >= width) return;
    draw_role(w, r);
    *x += draw_text(w, y, *x, width - *x, s, 0);
    draw_role(w, R_NORMAL);
    *x += 2;
}

static void header_line(dash_screen *ds, WINDOW *w, int W)
{
    const dashboard *d = &ds->d;
    char left[300], right[96];
    if (ds->rc) snprintf(left, sizeof left, " %s", L("Bảng tổng hợp", "Dashboard"));
    else if (d->kind == 'p') snprintf(left, sizeof left, L(" Tỉnh %s (%d xã)", " %s province (%d communes)"), d->name, d->n_ranks);
    else snprintf(left, sizeof left, L(" Xã %s", " %s commune"), d->name);
    right[0] = 0;
    if (!ds->rc && d->counts.total)
        snprintf(right, sizeof right, L("Đầu việc: %d · tiến độ chung: %.0f%% ", "Tasks: %d · overall progress: %.0f%% "),
                 d->counts.total, 100.0 * d->counts.progress);
    else if (!ds->rc) snprintf(right, sizeof right, "%s", L("Đầu việc: 0 ", "Tasks: 0 "));
    int rw = draw_width(right);
    if (rw > W - 12) rw = 0;                 /* the numbers first; the name is cut if need be */
    draw_role(w, R_HEADER);
    draw_text(w, 0, 0, W, " ", DRAW_PAD);
    draw_text(w, 0, 0, W - rw - (rw ? 1 : 0), left, 0);
    if (rw) draw_text(w, 0, W - rw, rw, right, 0);
    draw_role(w, R_NORMAL);
}

static void campaign_line(const dashboard *d, WINDOW *w, int y, int W, const char *today)
{
    char label[260], dates[64], state[64], s1[11], s2[11];
    int x = 1;
    if (!d->campaign_id) {
        piece(w, y, &x, W, L("Đợt:", "Campaign:"), R_LABEL);
        x--;
        piece(w, y, &x, W, L("xã chưa có đợt/kế hoạch nào", "the commune has no campaign yet"), R_DIM);
        return;
    }
    if (d->campaign_doc[0]) snprintf(label, sizeof label, L("Đợt %s:", "Campaign %s:"), d->campaign_doc);
    else snprintf(label, sizeof label, "%s", L("Đợt:", "Campaign:"));
    date_show(d->campaign_start, s1);
    date_show(d->campaign_end, s2);
    snprintf(dates, sizeof dates, "%s → %s", s1, s2);
    role r = R_LABEL;
    if (d->campaign_running) {
        if (d->campaign_days_left > 0) snprintf(state, sizeof state, L("còn %d ngày", "%d days left"), d->campaign_days_left);
        else snprintf(state, sizeof state, "%s", L("hôm nay là ngày cuối", "today is the last day"));
    } else if (d->campaign_days_left < 0) {
        snprintf(state, sizeof state, "%s", L("đã kết thúc", "ended"));
        r = R_DIM;
    } else {
        long wait = date_days(d->campaign_start) - date_days(today);
        snprintf(state, sizeof state, L("bắt đầu sau %ld ngày", "starts in %ld days"), wait);
    }
    piece(w, y, &x, W, label, R_LABEL);
    x--;
    piece(w, y, &x, W, dates, R_NORMAL);
    piece(w, y, &x, W, state, r);
    piece(w, y, &x, W - 1, d->campaign_name, R_NORMAL);
}

static void counts_line(const dashboard *d, WINDOW *w, int y, int W)
{
    const dash_counts *c = &d->counts;
    char buf[96];
    int x = 1;
    snprintf(buf, sizeof buf, L("%s Xong: %d", "%s Done: %d"), glyph(G_DONE), c->done);
    piece(w, y, &x, W, buf, R_DONE);
    snprintf(buf, sizeof buf, L("%s Đang làm: %d", "%s Open: %d"), glyph(G_OPEN), c->open);
    piece(w, y, &x, W, buf, R_NORMAL);
    snprintf(buf, sizeof buf, L("%s Quá hạn: %d", "%s Overdue: %d"), glyph(G_OVERDUE), c->overdue);
    piece(w, y, &x, W, buf, c->overdue ? R_OVERDUE : R_NORMAL);
    snprintf(buf, sizeof buf, L("Đến hạn 7 ngày: %d", "Due in 7 days: %d"), c->due_week);
    piece(w, y, &x, W, buf, R_NORMAL);
    if (c->cancelled) {
        snprintf(buf, sizeof buf, L("%s Đã hủy: %d", "%s Cancelled: %d"), glyph(G_CANCELLED), c->cancelled);
        if (x + draw_width(buf) < W) piece(w, y, &x, W, buf, R_DIM);
    }
}

static void criteria_line(const dashboard *d, WINDOW *w, int y, int W)
{
    char buf[96];
    int x = 1;
    if (!d->criteria_total) {
        piece(w, y, &x, W, L("Tiêu chí:", "Criteria:"), R_LABEL);
        x--;
        piece(w, y, &x, W, d->kind == 'p' ? L("các xã chưa được gán bộ tiêu chí", "no commune has a criteria set")
                                          : L("xã chưa được gán bộ tiêu chí", "the commune has no criteria set"), R_DIM);
        return;
    }
    snprintf(buf, sizeof buf, d->kind == 'p' ? L("Tiêu chí đạt (cộng các xã): %d/%d", "Criteria met (all communes): %d/%d")
                                             : L("Tiêu chí đạt: %d/%d", "Criteria met: %d/%d"), d->criteria_met, d->criteria_total);
    piece(w, y, &x, W, buf, R_LABEL);
    if (d->set_name[0]) piece(w, y, &x, W - 1, d->set_name, R_DIM);
}

typedef struct { int rank, name, bar, pct, done, over, crit, mark; } rank_cols;

static rank_cols rank_layout(const dash_screen *ds, int W)
{
    rank_cols c = { 3, 0, W >= 110 ? 20 : 10, 5, 10, 9, 0, 0 };
    int name_w = 0;
    for (int i = 0; i < ds->d.n_ranks; i++) {
        int nw = draw_width(ds->d.ranks[i].name);
        if (nw > name_w) name_w = nw;
        if (ds->d.ranks[i].criteria_total) c.crit = 10;
    }
    int fixed = 1 + c.rank + 1 + c.bar + c.pct + c.done + c.over + c.crit + 1;
    c.name = name_w + 2 < 16 ? 16 : name_w + 2;
    c.mark = W - fixed - c.name >= MARK_WIDE + 1 ? MARK_WIDE + 1 : 3;   /* the words, or a sign */
    fixed += c.mark;
    if (c.name > W - fixed) c.name = W - fixed;
    if (c.name < 4) c.name = 4;
    return c;
}

static void rank_cells(WINDOW *w, int y, int W, rank_cols c, const char *const cell[8], role base, role over)
{
    draw_role(w, base);
    int x = draw_text(w, y, 0, 1, " ", DRAW_PAD);
    x += draw_text(w, y, x, c.rank, cell[0], DRAW_RIGHT);
    x += draw_text(w, y, x, 1, " ", DRAW_PAD);
    x += draw_text(w, y, x, c.name, cell[1], DRAW_PAD);
    x += draw_text(w, y, x, c.bar, cell[2], DRAW_PAD);
    x += draw_text(w, y, x, c.pct, cell[3], DRAW_RIGHT);
    x += draw_text(w, y, x, c.done, cell[4], DRAW_RIGHT);
    draw_role(w, over);
    x += draw_text(w, y, x, c.over, cell[5], DRAW_RIGHT);
    draw_role(w, base);
    if (c.crit) x += draw_text(w, y, x, c.crit, cell[6], DRAW_RIGHT);
    x += draw_text(w, y, x, 1, " ", DRAW_PAD);
    x += draw_text(w, y, x, c.mark - 1, cell[7], DRAW_PAD);
    if (x < W) draw_text(w, y, x, W - x, " ", DRAW_PAD);
    draw_role(w, R_NORMAL);
}

static void rank_header(dash_screen *ds, WINDOW *w, int y, int W, rank_cols c)
{
    char name[64];
    snprintf(name, sizeof name, ds->d.kind == 'p' ? L("Xã (%d)", "Communes (%d)") : L("Thôn (%d)", "Hamlets (%d)"), ds->d.n_ranks);
    const char *cell[8] = { "#", name, L("Tiến độ", "Progress"), "", L("Xong/Tổng", "Done/All"),
                            L("Quá hạn", "Overdue"), L("Tiêu chí", "Criteria"),
                            c.mark > 3 ? L("Đánh giá", "Rating") : "" };
    rank_cells(w, y, W, c, cell, R_HEADER, R_HEADER);
}

static void rank_row(dash_screen *ds, WINDOW *w, int y, int W, rank_cols c, int i, int selected)
{
    const dash_rank *r = &ds->d.ranks[i];
    char no[12], bar[128], pct[16], done[32], over[16], crit[32];
    snprintf(no, sizeof no, "%d", i + 1);
    bar[0] = pct[0] = over[0] = crit[0] = 0;
    if (r->c.total) {
        bar_text(r->c.progress, c.bar - 1, bar, sizeof bar);
        snprintf(pct, sizeof pct, "%3.0f%%", 100.0 * r->c.progress);
        snprintf(done, sizeof done, "%d/%d", r->c.done, r->c.total);
    } else {
        snprintf(done, sizeof done, "%s", glyph(G_DASH));
    }
    if (r->c.overdue) snprintf(over, sizeof over, "%d", r->c.overdue);
    if (r->criteria_total) snprintf(crit, sizeof crit, "%d/%d", r->criteria_met, r->criteria_total);
    int top = i < ds->n_top, bottom = i >= ds->n_ranked - ds->n_bottom && i < ds->n_ranked;
    const char *mark = !top && !bottom ? "" : c.mark > 3 ? (top ? L("▲ biểu dương", "▲ praised") : L("▼ phê bình", "▼ criticised"))
                     : top ? "▲" : "▼";
    if (draw_is_ascii() && mark[0]) mark = c.mark > 3 ? (top ? L("+ biểu dương", "+ praised") : L("- phê bình", "- criticised"))
                                                      : top ? "+" : "-";       /* draw_text drops the accents */
    const char *cell[8] = { no, r->name, bar, pct, done, over, crit, mark };
    role base = selected ? R_SELECTED : R_NORMAL;
    rank_cells(w, y, W, c, cell, base, r->c.overdue && !selected ? R_OVERDUE : base);
}

typedef struct { int days, title, place, owner; } late_cols;

static late_cols late_layout(int W)
{
    late_cols c = { 10, 0, W >= 110 ? 16 : 12, W >= 110 ? 24 : 14 };
    c.title = W - 1 - c.days - 2 - c.place - 1 - c.owner - 1 - 1;
    if (c.title < 20) { c.owner = 0; c.title = W - 1 - c.days - 2 - c.place - 1 - 1; }
    if (c.title < 1) c.title = 1;
    return c;
}

static void late_cells(WINDOW *w, int y, int W, late_cols c, const char *const cell[4], role base, role days)
{
    draw_role(w, days);
    int x = draw_text(w, y, 0, 1, " ", DRAW_PAD);
    x += draw_text(w, y, x, c.days, cell[0], DRAW_RIGHT);
    draw_role(w, base);
    x += draw_text(w, y, x, 2, " ", DRAW_PAD);
    x += draw_text(w, y, x, c.title, cell[1], DRAW_PAD);
    x += draw_text(w, y, x, 1, " ", DRAW_PAD);
    x += draw_text(w, y, x, c.place, cell[2], DRAW_PAD);
    if (c.owner) {
        x += draw_text(w, y, x, 1, " ", DRAW_PAD);
        x += draw_text(w, y, x, c.owner, cell[3], DRAW_PAD);
    }
    if (x < W) draw_text(w, y, x, W - x, " ", DRAW_PAD);
    draw_role(w, R_NORMAL);
}

/* shown: rows [first, first + n) of the loaded ones are on screen */
static void late_header(dash_screen *ds, WINDOW *w, int y, int W, late_cols c, int first, int n)
{
    char title[96];
    if (n >= ds->d.counts.overdue || n <= 0)
        snprintf(title, sizeof title, L("Việc quá hạn lâu nhất (%d)", "Longest overdue (%d)"), ds->d.counts.overdue);
    else snprintf(title, sizeof title, L("Việc quá hạn lâu nhất (%d-%d/%d)", "Longest overdue (%d-%d of %d)"),
                  first + 1, first + n, ds->d.counts.overdue);
    const char *cell[4] = { L("Quá hạn", "Late"), title, ds->d.kind == 'p' ? L("Xã", "Commune") : L("Thôn", "Hamlet"),
                            L("Phụ trách", "Owner") };
    late_cells(w, y, W, c, cell, R_HEADER, R_HEADER);
}

static void late_row(dash_screen *ds, WINDOW *w, int y, int W, late_cols c, int i, int selected)
{
    const dash_late *l = &ds->d.late[i];
    char days[32];
    snprintf(days, sizeof days, L("%d ngày", "%d days"), l->days_late);
    const char *place = ds->d.kind == 'p' ? l->commune : l->hamlet[0] ? l->hamlet : L("(toàn xã)", "(commune)");
    const char *cell[4] = { days, l->title, place, l->owner[0] ? l->owner : glyph(G_DASH) };
    role base = selected ? R_SELECTED : R_NORMAL;
    late_cells(w, y, W, c, cell, base, selected ? base : R_OVERDUE);
}

/* An open follow-up of a tour: its deadline where an overdue task has its days late. */
static void fu_row(dash_screen *ds, WINDOW *w, int y, int W, late_cols c, int i, int selected)
{
    const dash_late *l = &ds->d.late[i];
    char due[16];
    date_show(l->deadline, due);
    const char *place = ds->d.kind == 'p' ? l->commune : l->hamlet[0] ? l->hamlet : L("(toàn xã)", "(commune)");
    const char *cell[4] = { due[0] ? due : glyph(G_DASH), l->title, place, l->owner[0] ? l->owner : glyph(G_DASH) };
    role base = selected ? R_SELECTED : R_NORMAL;
    late_cells(w, y, W, c, cell, base, selected ? base : l->days_late > 0 ? R_OVERDUE : base);
}

static void fu_header(dash_screen *ds, WINDOW *w, int y, int W, late_cols c)
{
    char title[120];
    snprintf(title, sizeof title, L("Khắc phục sau kiểm tra, còn mở (%d)", "Open inspection follow-ups (%d)"),
             ds->d.followups_open);
    const char *cell[4] = { L("Hạn", "Due"), title, ds->d.kind == 'p' ? L("Xã", "Commune") : L("Thôn", "Hamlet"),
                            L("Phụ trách", "Owner") };
    late_cells(w, y, W, c, cell, R_HEADER, R_HEADER);
}

/* Keep top so that cur (a position within the section, or -1) shows among h rows of n. */
static void section_scroll(int *top, int cur, int n, int h)
{
    if (cur >= 0) {
        if (cur < *top) *top = cur;
        if (cur >= *top + h) *top = cur - h + 1;
    }
    if (*top > n - h) *top = n - h;
    if (*top < 0) *top = 0;
}

static void note(WINDOW *w, int y, int W, const char *s, role r)
{
    draw_role(w, r);
    draw_text(w, y, 3, W - 4, s, 0);
    draw_role(w, R_NORMAL);
}

/* "↓ còn 9" at the right end of a section's last row when more rows follow. */
static void more_below(WINDOW *w, int y, int W, int n)
{
    char more[48];
    if (n <= 0) return;
    snprintf(more, sizeof more, L(" %scòn %d ", " %s%d more "), draw_is_ascii() ? "" : "↓ ", n);
    draw_role(w, R_DIM);
    draw_text(w, y, W - draw_width(more), draw_width(more), more, 0);
    draw_role(w, R_NORMAL);
}

static void dash_draw(screen *s, tui *t, int flags)
{
    dash_screen *ds = (dash_screen *)s;
    const dashboard *d = &ds->d;
    WINDOW *w = t->list;
    if (!(flags & REDRAW_LIST)) return;
    int H = getmaxy(w), W = getmaxx(w), y = 1;
    werase(w);
    header_line(ds, w, W);
    if (ds->rc) {
        draw_role(w, R_ERROR);
        draw_wrap(w, 2, 2, W - 4, H - 2, ds->err);
        draw_role(w, R_NORMAL);
        return;
    }
    if (d->kind == 'c') campaign_line(d, w, y++, W, db_today(t->db));
    counts_line(d, w, y++, W);
    criteria_line(d, w, y++, W);

    /* positions [0, nr) of the list are ranked rows, [nr, nr + nl) overdue tasks, then nf
     * follow-ups (the filter keeps the data order) */
    listview *lv = &s->lv;
    int nr = 0, nl = 0;
    while (nr < lv->n && lv->idx[nr] < d->n_ranks) nr++;
    while (nr + nl < lv->n && lv->idx[nr + nl] < d->n_ranks + d->n_late) nl++;
    int nf = lv->n - nr - nl;
    int fu_h = nf > FU_MAX_ROWS ? FU_MAX_ROWS : nf;
    int rest = H - y - 2 - (fu_h ? fu_h + 1 : 0);
    int late_h = nl ? nl : 1, rank_h;
    int third = rest / 3 > LATE_MIN_ROWS ? rest / 3 : LATE_MIN_ROWS;
    if (late_h > third) late_h = third;
    rank_h = rest - late_h;
    if (rank_h > (nr ? nr : 1)) { rank_h = nr ? nr : 1; late_h = rest - rank_h < nl ? rest - rank_h : (nl ? nl : 1); }
    if (rank_h < 1) rank_h = 1;
    section_scroll(&ds->top_rank, lv->cur < nr ? lv->cur : -1, nr, rank_h);
    section_scroll(&ds->top_late, lv->cur >= nr && lv->cur < nr + nl ? lv->cur - nr : -1, nl, late_h);
    section_scroll(&ds->top_fu, lv->cur >= nr + nl ? lv->cur - nr - nl : -1, nf, fu_h);

    rank_cols rc = rank_layout(ds, W);
    rank_header(ds, w, y++, W, rc);
    for (int i = 0; i < rank_h && ds->top_rank + i < nr; i++) {
        int pos = ds->top_rank + i;
        rank_row(ds, w, y + i, W, rc, lv->idx[pos], pos == lv->cur);
    }
    if (!nr) note(w, y, W, lv->query[0] ? L("Không có dòng nào khớp với từ tìm.", "No row matches the search.")
                             : d->kind == 'p' ? L("Tỉnh chưa có xã nào.", "The province has no communes yet.")
                             : L("Xã chưa có thôn nào.", "The commune has no hamlets yet."), R_DIM);
    else more_below(w, y + rank_h - 1, W, nr - ds->top_rank - rank_h);
    y += rank_h;

    late_cols lc = late_layout(W);
    late_header(ds, w, y++, W, lc, ds->top_late, nl < late_h ? nl : late_h);
    for (int i = 0; i < late_h && ds->top_late + i < nl; i++) {
        int pos = nr + ds->top_late + i;
        late_row(ds, w, y + i, W, lc, lv->idx[pos] - d->n_ranks, pos == lv->cur);
    }
    if (!nl) {
        if (lv->query[0] && d->n_late) note(w, y, W, L("Không có việc quá hạn nào khớp với từ tìm.", "No overdue task matches the search."), R_DIM);
        else if (d->counts.total) {
            char ok[96];
            snprintf(ok, sizeof ok, "%s %s", glyph(G_DONE), L("Không có việc nào quá hạn.", "No task is overdue."));
            note(w, y, W, ok, R_DONE);
        } else note(w, y, W, L("Chưa có đầu việc nào.", "No tasks yet."), R_DIM);
    }
    if (!fu_h) return;
    y += late_h;
    fu_header(ds, w, y++, W, lc);
    for (int i = 0; i < fu_h && ds->top_fu + i < nf; i++) {
        int pos = nr + nl + ds->top_fu + i;
        fu_row(ds, w, y + i, W, lc, lv->idx[pos] - d->n_ranks, pos == lv->cur);
    }
    more_below(w, y + fu_h - 1, W, nf - ds->top_fu - fu_h + (lv->query[0] ? 0 : d->followups_open - d->n_followups));
}

/* ---- data ---- */

static int dash_match(void *ctx, int row, const char *q)
{
    dash_screen *ds = ctx;
    char buf[1200];
    if (row < ds->d.n_ranks) snprintf(buf, sizeof buf, "%s", ds->d.ranks[row].name);
    else {
        const dash_late *l = &ds->d.late[row - ds->d.n_ranks];
        snprintf(buf, sizeof buf, "%s %s %s %s", l->title, l->hamlet, l->commune, l->owner);
    }
    char *key = text_fold(buf);
    int m = key && text_match(key, q);
    free(key);
    return m;
}

/* Whom the weekly report would praise and name: the same pick over the same order. */
static void pick_marks(dash_screen *ds)
{
    ds->n_ranked = ds->n_top = ds->n_bottom = 0;
    rank_key *k = ds->d.n_ranks ? calloc((size_t)ds->d.n_ranks, sizeof *k) : NULL;
    if (!k) return;
    for (int i = 0; i < ds->d.n_ranks; i++)
        k[i] = (rank_key){ ds->d.ranks[i].c.progress, ds->d.ranks[i].c.total, ds->d.ranks[i].c.overdue, i };
    period_rank_pick(k, ds->d.n_ranks, &ds->n_ranked, &ds->n_top, &ds->n_bottom);
    free(k);
}

static int load(dash_screen *ds, tui *t)
{
    dashboard_free(&ds->d);
    ds->rc = dashboard_load(t->db, ds->unit_id, N_LATE, &ds->d);
    if (ds->rc) {
        text_copy(ds->err, sizeof ds->err, db_errmsg(t->db));
        dashboard_free(&ds->d);
    }
    if (list_reset(&ds->base.lv, ds->rc ? 0 : ds->d.n_ranks + ds->d.n_late + ds->d.n_followups) < 0)
        return tui_message(t, 1, "%s", L("Hết bộ nhớ", "Out of memory"));
    pick_marks(ds);
    list_filter(&ds->base.lv, dash_match, ds);
    return 0;
}

/* The id of data row (rank or overdue task) and which it is, to find it again. */
static int64_t row_id(const dash_screen *ds, int row, int *late)
{
    *late = row < ds->d.n_ranks ? 0 : row < ds->d.n_ranks + ds->d.n_late ? 1 : 2;
    if (row < 0) return 0;
    return *late ? ds->d.late[row - ds->d.n_ranks].id : ds->d.ranks[row].id;
}

static int dash_reload(screen *s, tui *t)
{
    dash_screen *ds = (dash_screen *)s;
    int late = 0;
    int64_t id = ds->rc ? 0 : row_id(ds, list_row(&s->lv), &late);
    int flags = load(ds, t) | REDRAW_ALL;
    for (int i = 0; id && i < ds->d.n_ranks + ds->d.n_late + ds->d.n_followups; i++) {
        int l;
        if (row_id(ds, i, &l) == id && l == late) { list_select(&s->lv, i); break; }
    }
    return flags;
}

/* ---- keys ---- */

static int open_late(dash_screen *ds, tui *t, const dash_late *l)
{
    task_detail *det = calloc(1, sizeof *det);
    if (!det) return tui_message(t, 1, "%s", L("Hết bộ nhớ", "Out of memory"));
    if (task_get(t->db, l->id, det) != DB_OK) { free(det); return tui_db_error(t); }
    int64_t hamlet = det->row.hamlet_id > 0 ? det->row.hamlet_id : -1;
    free(det);
    char crumb[420];
    const char *place = l->hamlet[0] ? l->hamlet : L("(Toàn xã)", "(Whole commune)");
    if (ds->d.kind == 'p') snprintf(crumb, sizeof crumb, "%s%s%s", l->commune, glyph(G_PATH), place);
    else snprintf(crumb, sizeof crumb, "%s", place);
    screen *ts = tasks_new(t, l->commune_id, hamlet, crumb);
    int f = tui_push(t, ts);
    if (ts && tui_top(t) == ts) {
        screen_where w = { 0 };
        ts->ops->select(ts, l->id);
        ts->ops->where(ts, &w);
        if (w.task_id != l->id)
            f |= tui_message(t, 0, "%s", L("Đầu việc này bị bộ lọc ẩn (F để đổi bộ lọc).", "The filter hides this task (F changes it)."));
    }
    return f;
}

static int dash_open(dash_screen *ds, tui *t)
{
    int row = list_row(&ds->base.lv);
    if (row < 0) return 0;
    if (row >= ds->d.n_ranks) return open_late(ds, t, &ds->d.late[row - ds->d.n_ranks]);
    const dash_rank *r = &ds->d.ranks[row];
    if (ds->d.kind == 'c') return tui_push(t, tasks_new(t, ds->unit_id, r->id, r->name));
    char crumb[208];
    if (tui_unit_crumb(t, r->id, "Tổng hợp", "Dashboard", crumb, sizeof crumb)) return tui_db_error(t);
    return tui_push(t, dash_new(t, r->id, crumb));
}

enum { ACT_UNITS = ACT_SCREEN, ACT_TASKS };

static int dash_key(screen *s, tui *t, int action)
{
    dash_screen *ds = (dash_screen *)s;
    if (ds->rc && action != ACT_UNITS) return 0;
    switch (action) {
    case ACT_OPEN:
        return dash_open(ds, t);
    case ACT_UNITS:
        return tui_push(t, units_new(t, ds->d.kind == 'p' ? 'c' : 'h', ds->unit_id, ds->d.name[0] ? ds->d.name : s->crumb));
    case ACT_TASKS:
        if (ds->d.kind != 'c')
            return tui_message(t, 0, "%s", L("Mở bảng tổng hợp của một xã (Enter trên xã) để xem mọi đầu việc của xã.",
                                             "Open a commune's dashboard (Enter on it) to list all its tasks."));
        return tui_push(t, tasks_new(t, ds->unit_id, 0, L("Mọi đầu việc", "All tasks")));
    case ACT_PRINT:
        return period_print_dash(t, ds->unit_id);
    default:
        return 0;
    }
}

static void dash_free(screen *s)
{
    dash_screen *ds = (dash_screen *)s;
    dashboard_free(&ds->d);
    list_free(&s->lv);
    free(ds);
}

static void dash_where(screen *s, screen_where *w) { w->area_id = ((dash_screen *)s)->unit_id; }   /* C */

static int dash_export(screen *s, tui *t, list_export *x);

static const struct screen_ops dash_ops = {
    .draw = dash_draw, .key = dash_key, .reload = dash_reload, .match = dash_match, .free = dash_free,
    .where = dash_where, .export = dash_export,
};

/* x is on the bar where there is room for it; the unit lists are X (x was taken). */
static const keydef dash_keys[] = {
    KEYS_BACK, KEYS_SEARCH,
    { ACT_OPEN, "dash_open", 'l', { '\n', '\r', KEY_FN(KEY_ENTER), KEY_FN(KEY_RIGHT) }, "Enter", "Mở", "Open",
      "Mở dòng đang chọn: đầu việc của thôn, bảng tổng hợp của xã, danh sách việc quá hạn. Thứ hạng như báo cáo "
      "tuần: % hoàn thành, rồi ít việc quá hạn hơn, rồi tên; ▲ biểu dương, ▼ phê bình",
      "Open the selected row: the hamlet's tasks, the commune's dashboard, the overdue task. Ranked as the weekly "
      "report ranks: % done, then fewer overdue, then the name; ▲ praised, ▼ criticised" },
    { ACT_UNITS, "dash_units", 'X', { 0 }, NULL, "Xã/thôn", "Units",
      "Danh sách xã/thôn bên dưới (các thôn của xã, các xã của tỉnh)",
      "The unit lists below (the commune's hamlets, the province's communes)" },
    { ACT_CRITERIA, "criteria", 'C', { 0 }, NULL, "Tiêu chí", "Criteria",
      "Bảng tiêu chí: đơn vị × tiêu chí, đổi tình trạng tại chỗ",
      "The criteria matrix: units × criteria, change a status in place" },
    { ACT_TASKS, "dash_tasks", 'T', { 0 }, NULL, NULL, NULL,
      "Mọi đầu việc của xã (lọc được theo thôn, đợt, người phụ trách, tiêu chí)",
      "Every task of the commune (filter by hamlet, campaign, owner, criterion)" },
    { ACT_PRINT, "print_report", 'i', { KEY_FN(KEY_F(2)) }, NULL, "In báo cáo", "Print report",
      "In báo cáo gửi cấp trên ra PDF: tuần này, tuần trước, tháng này, hôm nay (tiến độ từng thôn, việc quá hạn, xếp hạng, biểu đồ)",
      "Write the report up the chain to a PDF: this week, last week, this month, today (progress, overdue, ranking, chart)" },
    KEYS_EXPORT, KEYS_GOTO, KEYS_UNDO_LISTS,
};
const screen_kind dash_kind = SCREEN_KIND("bảng tổng hợp", "the dashboard", dash_keys);

screen *dash_new(tui *t, int64_t unit_id, const char *crumb)
{
    dash_screen *ds = calloc(1, sizeof *ds);
    if (!ds) return NULL;
    ds->base.ops = &dash_ops;
    ds->base.kind = &dash_kind;
    text_copy(ds->base.crumb, sizeof ds->base.crumb, crumb ? crumb : "");
    ds->unit_id = unit_id;
    load(ds, t);
    /* The dashboard last looked at is where this user starts next time. */
    char v[24];
    snprintf(v, sizeof v, "%lld", (long long)unit_id);
    ui_state_set(t->db, "start.dashboard", v);
    return &ds->base;
}

/* The dashboard this user last looked at, if its unit is still there. */
static int64_t last_dashboard(tui *t)
{
    char v[24];
    unit_row r;
    if (ui_state_get(t->db, "start.dashboard", v, sizeof v) != DB_OK) return 0;
    int64_t id = strtoll(v, NULL, 10);
    return id > 0 && unit_get(t->db, id, &r) == DB_OK && r.kind != 'h' ? id : 0;
}

/* The first screen: the dashboard this user last opened; else one commune in the file
 * -> its dashboard; one province -> the province's; else the province list. */
/* One commune in the file -> its id; else one province -> its id; else 0. */
static int64_t only_unit(tui *t)
{
    unit_list provinces;
    if (unit_children(t->db, 0, &provinces) != DB_OK) return 0;
    int64_t commune = 0, unit = 0;
    int communes = 0;
    for (int i = 0; i < provinces.n; i++) {
        unit_list c;
        if (unit_children(t->db, provinces.v[i].id, &c) != DB_OK) continue;
        communes += c.n;
        if (c.n) commune = c.v[0].id;
        unit_list_free(&c);
    }
    if (communes == 1) unit = commune;
    else if (provinces.n == 1) unit = provinces.v[0].id;
    unit_list_free(&provinces);
    return unit;
}

screen *dash_start(tui *t)
{
    int64_t unit = last_dashboard(t);
    if (!unit) unit = only_unit(t);
    char crumb[208];
    if (!unit || tui_unit_crumb(t, unit, "Tổng hợp", "Dashboard", crumb, sizeof crumb)) return units_start(t);
    return dash_new(t, unit, crumb);
}

/* ---- x: the ranking as shown (the overdue list is the task list's to export) ---- */

static const export_col RANK_HAMLETS_X[] = {
    { "Hạng", EXPORT_INT }, { "Thôn", EXPORT_TEXT }, { "Tiến độ", EXPORT_PERCENT }, { "Đã xong", EXPORT_INT },
    { "Số đầu việc", EXPORT_INT }, { "Quá hạn", EXPORT_INT }, { "Tiêu chí đạt", EXPORT_INT }, { "Số tiêu chí", EXPORT_INT },
};
static const export_col RANK_COMMUNES_X[] = {
    { "Hạng", EXPORT_INT }, { "Xã", EXPORT_TEXT }, { "Tiến độ", EXPORT_PERCENT }, { "Đã xong", EXPORT_INT },
    { "Số đầu việc", EXPORT_INT }, { "Quá hạn", EXPORT_INT }, { "Tiêu chí đạt", EXPORT_INT }, { "Số tiêu chí", EXPORT_INT },
};

static int rank_rows(screen *s, tui *t, export_file *f)
{
    dash_screen *ds = (dash_screen *)s;
    for (int i = 0; i < s->lv.n; i++) {
        int row = s->lv.idx[i];
        if (row >= ds->d.n_ranks) continue;
        const dash_rank *r = &ds->d.ranks[row];
        export_int(f, row + 1);
        export_text(f, r->name);
        if (r->c.total) export_percent(f, r->c.progress); else export_blank(f);
        export_int(f, r->c.done);
        export_int(f, r->c.total);
        export_int(f, r->c.overdue);
        if (r->criteria_total) { export_int(f, r->criteria_met); export_int(f, r->criteria_total); }
        if (export_row_end(f)) return -1;
    }
    return 0;
}

static int dash_export(screen *s, tui *t, list_export *x)
{
    dash_screen *ds = (dash_screen *)s;
    if (ds->rc) { tui_message(t, 1, "%s", ds->err); return -1; }
    snprintf(x->stem, sizeof x->stem, "xep-hang");
    x->unit1 = ds->unit_id;
    x->sheet = ds->d.kind == 'p' ? "Xếp hạng xã" : "Xếp hạng thôn";
    x->cols = ds->d.kind == 'p' ? RANK_COMMUNES_X : RANK_HAMLETS_X;
    x->ncols = (int)(sizeof RANK_HAMLETS_X / sizeof RANK_HAMLETS_X[0]);
    x->rows = rank_rows;
    return 0;
}
