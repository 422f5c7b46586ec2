/* pdf: opening a document (fonts, paper, encoder, info), libharu errors, pages and the
 * layout cursor. Text is in pdf_text.c, tables in pdf_table.c, saving in pdf_save.c. */
#include "reports/pdf_font.h"
#include "model/files.h"
#include "model/i18n.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define MM(x) ((float)(x) * 72.0f / 25.4f)

int pdf_fail(pdf_doc *d, const char *fmt, ...)
{
    if (d->failed) return -1;
    d->failed = 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->err, sizeof d->err, fmt, ap);
    va_end(ap);
    return -1;
}

static const char *hpdf_reason(HPDF_STATUS no, HPDF_STATUS detail)
{
    switch (no) {
    case HPDF_FAILD_TO_ALLOC_MEM: return _("hết bộ nhớ");
    case HPDF_FILE_IO_ERROR: return _("lỗi đọc/ghi tệp");
    case HPDF_FILE_OPEN_ERROR: return detail ? pdf_strerror((int)detail) : _("không mở được tệp");
    case HPDF_TTF_CANNOT_EMBEDDING_FONT: return _("phông chữ không cho phép nhúng vào PDF");
    case HPDF_TTF_INVALID_CMAP: case HPDF_TTF_INVALID_FOMAT: case HPDF_TTF_MISSING_TABLE:
    case HPDF_UNSUPPORTED_FONT_TYPE: case HPDF_INVALID_TTC_FILE: case HPDF_INVALID_TTC_INDEX:
        return _("không phải phông TrueType (.ttf) dùng được");
    default: return NULL;
    }
}

/* libharu calls this on every error; we keep the first one as our message and let the
 * calls return their error codes (no longjmp: every path ends in HPDF_Free). */
static void on_hpdf_error(HPDF_STATUS no, HPDF_STATUS detail, void *user)
{
    pdf_doc *d = user;
    const char *why = hpdf_reason(no, detail);
    if (why) pdf_fail(d, _("Lỗi khi tạo PDF: %s"), why);
    else pdf_fail(d, _("Lỗi khi tạo PDF (libharu mã 0x%04X/%u)"),
                  (unsigned)no, (unsigned)detail);
}

const char *pdf_strerror(int e) { return file_strerror(e); }

int pdf_failed(const pdf_doc *d) { return d->failed; }
const char *pdf_error(const pdf_doc *d) { return d->err; }

/* errno-style reason why path cannot be read as a file, or 0. */
static int unreadable(const char *path)
{
    struct stat st;
    if (!path[0]) return ENOENT;
    if (stat(path, &st) != 0) return errno;
    if (S_ISDIR(st.st_mode)) return EISDIR;
    FILE *fp = fopen(path, "rb");
    if (!fp) return errno;
    fclose(fp);
    return 0;
}

/* Check the file first: libharu's own message would not say which ntm.ini key to fix. */
static int load_face(pdf_doc *d, enum pdf_face f, const char *path, const char *key)
{
    int e = unreadable(path);
    if (e)
        return pdf_fail(d, _("Không đọc được tệp phông chữ \"%s\" (khóa [pdf] %s trong ntm.ini): %s"),
                        path, key, pdf_strerror(e));
    const char *name = pdf_font_load(d, path);
    d->font[f] = name ? HPDF_GetFont(d->h, name, "UTF-8") : NULL;
    if (d->font[f]) {
        d->ascent[f] = (float)HPDF_Font_GetAscent(d->font[f]) / 1000.0f;
        return 0;
    }
    const char *why = hpdf_reason(HPDF_GetError(d->h), HPDF_GetErrorDetail(d->h));
    d->failed = 0;                      /* replace libharu's text with one naming the key */
    return pdf_fail(d, _("Không dùng được tệp phông chữ \"%s\" (khóa [pdf] %s trong ntm.ini): %s"),
                    path, key, why ? why : _("libharu không đọc được"));
}

/* Liberation names its faces Family-Regular.ttf / -Italic / -Bold / -BoldItalic; for a
 * font named otherwise, look for Liberation Serif's face in the same folder. */
static void face_path(const char *base, const char *from, const char *to, char *out, size_t n)
{
    const char *slash = strrchr(base, '/');
    size_t dir = slash ? (size_t)(slash - base) + 1 : 0;
    char pat[32];
    snprintf(pat, sizeof pat, "-%s.", from);
    const char *r = strstr(base + dir, pat);
    if (r) snprintf(out, n, "%.*s-%s%s", (int)(r - base), base, to, r + strlen(pat) - 1);
    else snprintf(out, n, "%.*sLiberationSerif-%s.ttf", (int)dir, base, to);
}

/* Italic and bold italic are niceties: when missing or unusable, print those lines in
 * the face they lean from (regular, bold). */
static void load_slanted(pdf_doc *d, enum pdf_face f, enum pdf_face upright, const char *base,
                         const char *from, const char *to, const char *key)
{
    char path[NTM_PATH_MAX + 32];
    face_path(base, from, to, path, sizeof path);
    if (unreadable(path) == 0) {
        if (load_face(d, f, path, key) == 0) return;
        HPDF_ResetError(d->h);
        d->failed = 0;
        d->err[0] = 0;
    }
    d->font[f] = d->font[upright];
    d->ascent[f] = d->ascent[upright];
}

static void set_info(pdf_doc *d, const char *title, const char *author)
{
    char *t = pdf_clean(title ? title : ""), *a = pdf_clean(author ? author : "");
    if (t && t[0]) HPDF_SetInfoAttr(d->h, HPDF_INFO_TITLE, t);
    if (a && a[0]) HPDF_SetInfoAttr(d->h, HPDF_INFO_AUTHOR, a);
    HPDF_SetInfoAttr(d->h, HPDF_INFO_CREATOR, "ntm " NTM_VERSION);
    free(t);
    free(a);
    time_t now = time(NULL);
    struct tm tm;
    if (localtime_r(&now, &tm)) {
        long off = tm.tm_gmtoff / 60;
        HPDF_Date dt = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                         tm.tm_sec, off < 0 ? '-' : '+', (int)(labs(off) / 60), (int)(labs(off) % 60) };
        HPDF_SetInfoDateAttr(d->h, HPDF_INFO_CREATION_DATE, dt);
    }
}

static void set_paper(pdf_doc *d, const char *paper)
{
    if (paper && strcmp(paper, "A5") == 0) {
        d->pw = 419.53f; d->ph = 595.28f;
        d->ml = MM(20); d->mr = MM(10); d->mt = MM(12); d->mb = MM(14);
        return;
    }
    if (paper && strcmp(paper, "Letter") == 0) { d->pw = 612.0f; d->ph = 792.0f; }
    else { d->pw = 595.28f; d->ph = 841.89f; }
    d->ml = MM(30); d->mr = MM(15); d->mt = MM(20); d->mb = MM(20);
}

static int open_fonts(pdf_doc *d, const ntm_config *cfg)
{
    if (load_face(d, PDF_REGULAR, cfg->font_regular, "font_regular")) return -1;
    if (load_face(d, PDF_BOLD, cfg->font_bold, "font_bold")) return -1;
    load_slanted(d, PDF_ITALIC, PDF_REGULAR, cfg->font_regular, "Regular", "Italic", "font_regular");
    load_slanted(d, PDF_BOLD_ITALIC, PDF_BOLD, cfg->font_bold, "Bold", "BoldItalic", "font_bold");
    return 0;
}

pdf_doc *pdf_open(const ntm_config *cfg, const char *title, const char *author,
                  char *err, size_t errlen)
{
    pdf_doc *d = calloc(1, sizeof *d);
    if (!d) { snprintf(err, errlen, "%s", _("Hết bộ nhớ")); return NULL; }
    d->h = HPDF_New(on_hpdf_error, d);
    if (!d->h) pdf_fail(d, "%s", _("Không khởi tạo được libharu"));
    else {
        HPDF_UseUTFEncodings(d->h);
        HPDF_SetCurrentEncoder(d->h, "UTF-8");   /* or the info strings are mojibake */
        HPDF_SetCompressionMode(d->h, HPDF_COMP_ALL);
        set_paper(d, cfg->paper);
        if (open_fonts(d, cfg) == 0) {
            set_info(d, title, author);
            pdf_new_page(d);
        }
    }
    if (d->failed) {
        snprintf(err, errlen, "%s", d->err);
        pdf_close(d);
        return NULL;
    }
    return d;
}

void pdf_close(pdf_doc *d)
{
    if (!d) return;
    if (d->h) HPDF_Free(d->h);
    free(d->pages);
    free(d);
}

int pdf_new_page(pdf_doc *d)
{
    if (d->failed) return -1;
    if (d->npages == d->cap) {
        int cap = d->cap ? d->cap * 2 : 8;
        HPDF_Page *v = realloc(d->pages, (size_t)cap * sizeof *v);
        if (!v) return pdf_fail(d, "%s", _("Hết bộ nhớ"));
        d->pages = v;
        d->cap = cap;
    }
    HPDF_Page p = HPDF_AddPage(d->h);
    if (!p || d->failed) return pdf_fail(d, "%s", _("Không thêm được trang PDF"));
    HPDF_Page_SetWidth(p, d->pw);
    HPDF_Page_SetHeight(p, d->ph);
    d->pages[d->npages++] = d->page = p;
    d->cur_font = NULL;
    d->y = d->mt;
    return d->failed ? -1 : 0;
}

float pdf_left(const pdf_doc *d) { return d->ml; }
float pdf_width(const pdf_doc *d) { return d->pw - d->ml - d->mr; }
float pdf_y(const pdf_doc *d) { return d->y; }
void  pdf_set_y(pdf_doc *d, float y) { d->y = y; }
float pdf_room(const pdf_doc *d) { return d->ph - d->mb - d->y; }
int   pdf_page_count(const pdf_doc *d) { return d->npages; }
int   pdf_at_top(const pdf_doc *d) { return d->y <= d->mt + 0.01f; }

void pdf_space(pdf_doc *d, float h)
{
    d->y += h;
    if (d->y > d->ph - d->mb) d->y = d->ph - d->mb;
}

int pdf_need(pdf_doc *d, float h)
{
    if (d->failed || h <= pdf_room(d) || pdf_at_top(d)) return 0;
    pdf_new_page(d);
    return 1;
}

int pdf_keep_with_next(pdf_doc *d, float h, float next_h)
{
    return pdf_need(d, h + next_h);
}

/* ---- additions for the period and criteria reports (reports/period_report.c,
 * reports/criteria_report.c): landscape pages and filled bars ---- */

int pdf_set_landscape(pdf_doc *d)
{
    if (d->failed || d->npages != 1 || !pdf_at_top(d)) return -1;
    if (d->pw < d->ph) {
        float w = d->pw;
        d->pw = d->ph;
        d->ph = w;
        HPDF_Page_SetWidth(d->page, d->pw);
        HPDF_Page_SetHeight(d->page, d->ph);
    }
    return d->failed ? -1 : 0;
}

void pdf_fill_rect(pdf_doc *d, float x, float y, float w, float h, float gray)
{
    if (d->failed || w <= 0 || h <= 0) return;
    HPDF_Page_GSave(d->page);
    HPDF_Page_SetGrayFill(d->page, gray);
    HPDF_Page_Rectangle(d->page, x, pdf_hy(d, y + h), w, h);
    HPDF_Page_Fill(d->page);
    HPDF_Page_GRestore(d->page);
}
