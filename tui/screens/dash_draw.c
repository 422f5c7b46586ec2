/* dash_draw: the dashboard's window: the header, the campaign, counts and criteria lines,
 * then the sections, which share the window: the ranking, the overdue tasks (a third, at
 * least three rows) and the open follow-ups (up to FU_MAX_ROWS), each scrolling on its
 * own, the top of the ranking marked "biểu dương" and its bottom "phê bình". */
#include "tui/screens/dash_int.h"
#include "tui/widgets/draw.h"
#include "model/date.h"
#include "model/i18n.h"
#include <stdio.h>
#include <string.h>

enum { LATE_MIN_ROWS = 3, FU_MAX_ROWS = 3, MARK_WIDE = 13 };

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

typedef struct { int rank, name, bar, pct, done, over, crit, asof, mark; } rank_cols;
enum { ASOF_W = 13 };             /* "! 12/06/2022": when a commune's numbers came (roll-up) */

static rank_cols rank_layout(const dash_screen *ds, int W)
{
    rank_cols c = { 3, 0, W >= 110 ? 20 : 10, 5, 10, 9, 0, 0, 0 };
    int name_w = 0;
    for (int i = 0; i < ds->d.n_ranks; i++) {
        int nw = draw_width(ds->d.ranks[i].name);
        if (nw > name_w) name_w = nw;
        if (ds->d.ranks[i].criteria_total) c.crit = 10;
    }
    int fixed = 1 + c.rank + 1 + c.bar + c.pct + c.done + c.over + c.crit + 1;
    c.name = name_w + 2 < 16 ? 16 : name_w + 2;
    if (ds->sync_of && W - fixed - c.name >= ASOF_W + 3) { c.asof = ASOF_W; fixed += c.asof; }
    c.mark = W - fixed - c.name >= MARK_WIDE + 1 ? MARK_WIDE + 1 : 3;   /* the words, or a sign */
    fixed += c.mark;
    if (c.name > W - fixed) c.name = W - fixed;
    if (c.name < 4) c.name = 4;
    return c;
}

static void rank_cells(WINDOW *w, int y, int W, rank_cols c, const char *const cell[9], role base, role over, role asof)
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
    if (c.asof) {
        draw_role(w, asof);
        x += draw_text(w, y, x, c.asof, cell[8], DRAW_RIGHT);
        draw_role(w, base);
    }
    x += draw_text(w, y, x, 1, " ", DRAW_PAD);
    x += draw_text(w, y, x, c.mark - 1, cell[7], DRAW_PAD);
    if (x < W) draw_text(w, y, x, W - x, " ", DRAW_PAD);
    draw_role(w, R_NORMAL);
}

static void rank_header(dash_screen *ds, WINDOW *w, int y, int W, rank_cols c)
{
    char name[64];
    snprintf(name, sizeof name, ds->d.kind == 'p' ? L("Xã (%d)", "Communes (%d)") : L("Thôn (%d)", "Hamlets (%d)"), ds->d.n_ranks);
    const char *cell[9] = { "#", name, L("Tiến độ", "Progress"), "", L("Xong/Tổng", "Done/All"),
                            L("Quá hạn", "Overdue"), L("Tiêu chí", "Criteria"),
                            c.mark > 3 ? L("Đánh giá", "Rating") : "", L("Số liệu đến", "Data of") };
    rank_cells(w, y, W, c, cell, R_HEADER, R_HEADER, R_HEADER);
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
    /* the roll-up: the day the commune's last file came, "!" when it is stale (sync.h) */
    char asof[40] = "";
    int stale = 0;
    if (c.asof && ds->sync_of[i] >= 0) {
        const sync_commune *sc = &ds->sync[ds->sync_of[i]];
        char day[11];
        date_show(sc->as_of, day);
        stale = sc->stale;
        snprintf(asof, sizeof asof, "%s%s", stale ? "! " : "", sc->seq > 0 ? day : L("chưa gửi", "never sent"));
    }
    const char *cell[9] = { no, r->name, bar, pct, done, over, crit, mark, asof };
    role base = selected ? R_SELECTED : R_NORMAL;
    rank_cells(w, y, W, c, cell, base, r->c.overdue && !selected ? R_OVERDUE : base, stale && !selected ? R_OVERDUE : base);
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

void dash_draw(screen *s, tui *t, int flags)
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
