/* detail: "Label: value" lines, wrapped to the pane. Below the list (80x24) there are only
 * about nine lines, so there the short facts share lines and the order is what an officer
 * asks first: what, who, how much, by when; then criterion, campaign, description, reports. */
#include "tui/widgets/detail.h"
#include "tui/widgets/draw.h"
#include "model/date.h"
#include "model/i18n.h"
#include <stdio.h>
#include <string.h>

void detail_field(detail_pane *p, const char *label, const char *value, int maxlines, role r)
{
    char buf[2600];
    int room = p->ymax - p->y;
    if (room <= 0 || !value || !value[0]) return;
    if (maxlines > room) maxlines = room;
    snprintf(buf, sizeof buf, "%s: %s", label, value);
    int y0 = p->y;
    draw_role(p->w, r);
    p->y += draw_wrap(p->w, p->y, p->x, p->width, maxlines, buf);
    snprintf(buf, sizeof buf, "%s:", label);   /* the label again, over itself, in bold */
    draw_role(p->w, R_LABEL);
    draw_text(p->w, y0, p->x, p->width, buf, 0);
    draw_role(p->w, R_NORMAL);
}

static void days_text(const task_row *r, char *out, size_t n)
{
    char date[11];
    date_show(r->deadline, date);
    if (!r->deadline[0]) snprintf(out, n, "%s", C_("none", "chưa đặt"));
    else if (r->status == 'd') snprintf(out, n, "%s (%s)", date, _("đã xong"));
    else if (r->status == 'x') snprintf(out, n, "%s (%s)", date, _("đã hủy"));
    else if (r->days_left > 0) snprintf(out, n, _("%s (còn %d ngày)"), date, r->days_left);
    else if (r->days_left == 0) snprintf(out, n, _("%s (hạn là hôm nay)"), date);
    else snprintf(out, n, _("%s (QUÁ HẠN %d ngày)"), date, -r->days_left);
}

static void qty_text(const task_row *r, char *out, size_t n)
{
    task_qty_text(r, out, n);
    size_t len = strlen(out);
    if (r->target > 0 && len < n) snprintf(out + len, n - len, " (%.0f%%)", 100.0 * r->done / r->target);
}

/* One report: "26/03/2021 +5 hố · note — who". */
static void report_text(const task_detail *d, const task_report *r, char *out, size_t n)
{
    char date[11], q[32];
    date_show(r->date, date);
    fmt_qty(r->qty, q, sizeof q);
    snprintf(out, n, "%s  %s%s %s%s%s%s%s", date, r->qty >= 0 ? "+" : "", q, d->row.qty_unit,
             r->note[0] ? glyph(G_DOT) : "", r->note, r->who[0] ? " — " : "", r->who);
}

static void reports(detail_pane *p, const task_detail *d)
{
    char buf[512];
    if (p->y >= p->ymax) return;
    draw_role(p->w, R_LABEL);
    if (!d->n_reports) snprintf(buf, sizeof buf, "%s", _("Chưa có báo cáo tiến độ."));
    else snprintf(buf, sizeof buf, _("Báo cáo gần đây (%d/%d):"), d->n_reports, d->n_reports_total);
    draw_text(p->w, p->y++, p->x, p->width, buf, 0);
    draw_role(p->w, R_NORMAL);
    for (int i = 0; i < d->n_reports && p->y < p->ymax; i++) {
        report_text(d, &d->reports[i], buf, sizeof buf);
        int room = p->ymax - p->y;
        p->y += draw_wrap(p->w, p->y, p->x + 1, p->width - 1, room < 2 ? room : 2, buf);
    }
}

/* Below the list: the short facts two to a line, the latest report, then the description. */
static void body_compact(detail_pane *p, const task_detail *d, const char *qty, const char *when, const char *place)
{
    char line[1400], last[512];
    snprintf(line, sizeof line, "%s%s%s: %s", d->owner[0] ? d->owner : C_("unassigned", "chưa giao"), glyph(G_DOT),
             _("Nơi"), place);
    detail_field(p, _("Phụ trách"), line, 1, R_NORMAL);
    snprintf(line, sizeof line, "%s%s%s: %s", qty, glyph(G_DOT), _("Hạn"), when);
    detail_field(p, _("Khối lượng"), line, 1, d->row.overdue ? R_OVERDUE : R_NORMAL);
    if (d->criterion[0] && d->campaign[0]) {
        snprintf(line, sizeof line, "%s%s%s: %s", d->criterion, glyph(G_DOT), _("Đợt"), d->campaign);
        detail_field(p, _("Tiêu chí"), line, 1, R_NORMAL);
    } else {
        detail_field(p, _("Tiêu chí"), d->criterion, 1, R_NORMAL);
        detail_field(p, _("Đợt"), d->campaign, 1, R_NORMAL);
    }
    if (d->n_reports) {
        report_text(d, &d->reports[0], last, sizeof last);
        snprintf(line, sizeof line, _("%d lần; mới nhất %s"), d->n_reports_total, last);
    } else {
        snprintf(line, sizeof line, "%s", _("chưa có"));
    }
    detail_field(p, _("Báo cáo"), line, 1, R_NORMAL);
    detail_field(p, _("Điểm kiểm tra"), d->tour_stop, 1, R_NORMAL);
    detail_field(p, _("Mô tả"), d->description, p->ymax - p->y, R_NORMAL);
}

static void body(detail_pane *p, const task_detail *d, int compact)
{
    char qty[600], when[300], place[450];
    const task_row *r = &d->row;
    char title[600];
    task_code_text(r->code, title, sizeof title);         /* "V12 · title": the code typed back from the sheet */
    snprintf(title + strlen(title), sizeof title - strlen(title), "%s%s", title[0] ? glyph(G_DOT) : "", d->title);
    draw_role(p->w, R_TITLE);
    p->y += draw_wrap(p->w, p->y, p->x, p->width, compact ? 1 : 3, title);
    if (d->hamlet[0]) snprintf(place, sizeof place, _("thôn %s, xã %s"), d->hamlet, d->commune);
    else snprintf(place, sizeof place, _("toàn xã %s"), d->commune);
    qty_text(r, qty, sizeof qty);
    days_text(r, when, sizeof when);
    if (compact) { body_compact(p, d, qty, when, place); return; }
    detail_field(p, _("Phụ trách"), d->owner[0] ? d->owner : C_("unassigned", "chưa giao"), 2, R_NORMAL);
    detail_field(p, _("Nơi"), place, 2, R_NORMAL);
    detail_field(p, _("Khối lượng"), qty, 1, R_NORMAL);
    detail_field(p, _("Hạn"), when, 1, r->overdue ? R_OVERDUE : R_NORMAL);
    detail_field(p, _("Tiêu chí"), d->criterion, 2, R_NORMAL);
    detail_field(p, _("Đợt"), d->campaign, 2, R_NORMAL);
    detail_field(p, _("Điểm kiểm tra"), d->tour_stop, 2, R_NORMAL);
    detail_field(p, _("Mô tả"), d->description, 6, R_NORMAL);
    reports(p, d);
}

void detail_frame(WINDOW *w, int below, const char *side_title)
{
    int h = getmaxy(w), wd = getmaxx(w);
    werase(w);
    if (below) {
        draw_hline(w, 0, 0, wd);
        draw_role(w, R_LABEL);
        draw_text(w, 0, 2, wd - 4, _(" Chi tiết "), 0);
    } else {
        draw_vline(w, 0, 0, h);
        draw_role(w, R_HEADER);
        draw_text(w, 0, 1, wd - 1, side_title, DRAW_PAD);
    }
    draw_role(w, R_NORMAL);
}

void detail_draw(WINDOW *w, int below, const task_detail *d, const char *err)
{
    int h = getmaxy(w), wd = getmaxx(w);
    detail_pane p = { w, 1, below ? 1 : 2, below ? wd - 2 : wd - 3, h };
    detail_frame(w, below, _(" Chi tiết đầu việc"));
    if (err) { draw_role(w, R_ERROR); draw_wrap(w, p.y, p.x, p.width, h - p.y, err); draw_role(w, R_NORMAL); return; }
    if (!d) { draw_text(w, p.y, p.x, p.width, _("Chưa chọn đầu việc nào."), 0); return; }
    body(&p, d, below);   /* below the list there is room only for the short form */
}
