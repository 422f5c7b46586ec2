/* export: the writer interface (export.h): cells cleaned and typed here, then handed to
 * the CSV or XLSX back end; the temporary file, its rename into place, and the
 * never-overwrite naming of EXPORT_UNIQUE. */
#include "reports/export_internal.h"
#include "reports/pdf_internal.h"   /* pdf_strerror: errno in words, in the UI language */
#include "reports/table_read.h"     /* table_csv_formula */
#include "model/date.h"
#include "model/files.h"
#include "model/i18n.h"
#include "model/text.h"
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

int export_format_of(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/') || dot == path || dot[-1] == '/') return EXPORT_FMT_NONE;
    if (!strcasecmp(dot, ".csv")) return EXPORT_FMT_CSV;
    if (!strcasecmp(dot, ".xlsx")) return EXPORT_FMT_XLSX;
    return EXPORT_FMT_NONE;
}

const char *export_format_ext(int format) { return format == EXPORT_FMT_XLSX ? "xlsx" : "csv"; }

void export_fail(export_file *f, const char *fmt, ...)
{
    if (f->failed) return;
    f->failed = 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->err, sizeof f->err, fmt, ap);
    va_end(ap);
}

int export_width(const char *s)
{
    int w = 0;
    for (; s && *s; s++) w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* ---- text cells --------------------------------------------------------------------- */

/* Valid UTF-8 without control characters: tab, CR and LF become a space (a note's line
 * break must not end the CSV row), other C0/C1 controls, DEL and the bidi overrides go
 * (text_unsafe_cp), a bad byte becomes U+FFFD. quote: room for the apostrophe of export_csv_cell. */
static char *clean_text(const char *s, int neutralise)
{
    size_t n = strlen(s);
    char *out = malloc(n * 3 + 2);        /* a bad byte (1) becomes U+FFFD (3) */
    if (!out) return NULL;
    size_t j = 0;
    for (const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s; *p; ) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &c);
        if (k <= 0) { c = 0xFFFD; k = 1; }
        p += k;
        if (c == '\t' || c == '\r' || c == '\n') c = ' ';
        else if (text_unsafe_cp(c)) continue;
        j += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)out + j);
    }
    out[j] = 0;
    if (neutralise && table_csv_formula(out)) {       /* the CSV writer's rule, on the cleaned text */
        memmove(out + 1, out, j + 1);
        out[0] = '\'';
    }
    return out;
}

char *export_csv_cell(const char *s) { return clean_text(s ? s : "", 1); }

static void put(export_file *f, export_value *v, const char *shown)
{
    if (!f || f->failed || f->col >= f->ncols) { if (f) f->col++; return; }
    v->type = f->cols[f->col].type;
    if (shown) {
        int w = export_width(shown);
        if (w > f->width[f->col]) f->width[f->col] = w;
    }
    f->ops->cell(f, v);
    f->col++;
}

void export_blank(export_file *f)
{
    export_value v = { .empty = 1, .text = "" };
    put(f, &v, NULL);
}

void export_text(export_file *f, const char *s)
{
    if (!s || !*s) { export_blank(f); return; }
    char *c = clean_text(s, 0);
    if (!c) { if (f) export_fail(f, "out of memory"); return; }
    export_value v = { .text = c, .empty = !*c };
    put(f, &v, c);
    free(c);
}

void export_number(export_file *f, double x)
{
    if (!isfinite(x)) { export_blank(f); return; }
    char b[40];
    snprintf(b, sizeof b, "%.15g", x == 0 ? 0.0 : x);     /* no "-0" */
    export_value v = { .num = x == 0 ? 0.0 : x, .text = b };
    put(f, &v, b);
}

void export_int(export_file *f, long long x)
{
    char b[24];
    snprintf(b, sizeof b, "%lld", x);
    export_value v = { .num = (double)x, .text = b };
    put(f, &v, b);
}

void export_percent(export_file *f, double ratio)
{
    if (!isfinite(ratio)) { export_blank(f); return; }
    char b[40];
    snprintf(b, sizeof b, "%.0f%%", round(ratio * 100));     /* as Excel rounds: 12.5 -> 13 */
    export_value v = { .num = ratio, .text = b };
    put(f, &v, b);
}

void export_date(export_file *f, const char *iso)
{
    if (!iso || !date_valid_iso(iso)) { export_blank(f); return; }
    char b[11];
    date_show(iso, b);
    export_value v = { .text = b };
    sscanf(iso, "%4d-%2d-%2d", &v.y, &v.mo, &v.d);
    put(f, &v, b);
}

void export_datetime(export_file *f, const char *local)
{
    char day[11], b[24];
    export_value v = { 0 };
    if (!local || strlen(local) < 16) { export_blank(f); return; }
    snprintf(day, sizeof day, "%.10s", local);
    if (!date_valid_iso(day) || sscanf(local + 11, "%2d:%2d:%2d", &v.h, &v.mi, &v.s) < 2
        || v.h > 23 || v.mi > 59 || v.s > 59) { export_blank(f); return; }
    sscanf(day, "%4d-%2d-%2d", &v.y, &v.mo, &v.d);
    date_show(day, b);
    snprintf(b + 10, sizeof b - 10, " %02d:%02d", v.h, v.mi);
    v.text = b;
    put(f, &v, b);
}

int export_row_end(export_file *f)
{
    if (f->failed) return -1;
    while (f->col < f->ncols) export_blank(f);
    f->ops->row_end(f);
    f->col = 0;
    f->rows++;
    return f->failed ? -1 : 0;
}

long export_rows(const export_file *f) { return f->rows; }

/* ---- the file ------------------------------------------------------------------------- */

/* mkdir -p; 0 or an errno value. */
static int make_dirs(const char *dir)
{
    char p[NTM_PATH_MAX];
    struct stat st;
    if (snprintf(p, sizeof p, "%s", dir) >= (int)sizeof p) return ENAMETOOLONG;
    for (char *s = p + 1; ; s++) {
        if (*s != '/' && *s) continue;
        char c = *s;
        *s = 0;
        if (mkdir(p, 0777) != 0 && errno != EEXIST) return errno;
        *s = c;
        if (!c) break;
    }
    if (stat(dir, &st) != 0) return errno;
    return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
}

static int open_checks(export_file *f, const char *path)
{
    struct stat st;
    if (!path || !*path || path[strlen(path) - 1] == '/')
        return export_fail(f, "%s", _("Chưa có tên tệp")), -1;
    if (snprintf(f->path, sizeof f->path, "%s", path) >= (int)sizeof f->path)
        return export_fail(f, "%s", _("Đường dẫn tệp quá dài")), -1;
    const char *slash = strrchr(path, '/');
    if (!slash) snprintf(f->dir, sizeof f->dir, ".");
    else if (slash == path) snprintf(f->dir, sizeof f->dir, "/");
    else snprintf(f->dir, sizeof f->dir, "%.*s", (int)(slash - path), path);
    if (!(f->flags & EXPORT_UNIQUE) && lstat(path, &st) == 0) {
        if (S_ISLNK(st.st_mode))
            return export_fail(f, _("\"%s\" là một liên kết tượng trưng (symlink): không ghi đè qua nó. Hãy chọn tên khác."), path), -1;
        if (S_ISDIR(st.st_mode))
            return export_fail(f, _("\"%s\" là một thư mục"), path), -1;
    }
    int e = make_dirs(f->dir);
    if (e)
        return export_fail(f, _("Không tạo được thư mục \"%s\": %s"),
                           f->dir, pdf_strerror(e)), -1;
    snprintf(f->tmp, sizeof f->tmp, "%s/.%s.XXXXXX", f->dir, slash ? slash + 1 : path);
    f->fd = mkstemp(f->tmp);
    if (f->fd < 0)
        return export_fail(f, _("Không ghi được vào thư mục \"%s\": %s"),
                           f->dir, pdf_strerror(errno)), -1;
    fchmod(f->fd, file_share_mode()); /* mkstemp makes 0600; an export is for sharing */
    return 0;
}

export_file *export_open(const char *path, const char *sheet, const export_col *cols, int ncols,
                         int flags, char *err, size_t errlen)
{
    export_file *f = calloc(1, sizeof *f);
    int format = export_format_of(path);
    if (!f || !(f->width = calloc((size_t)(ncols > 0 ? ncols : 1), sizeof *f->width))) {
        free(f);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    f->fd = -1;
    f->cols = cols; f->ncols = ncols; f->flags = flags;
    f->ops = format == EXPORT_FMT_XLSX ? &export_xlsx_ops : &export_csv_ops;
    if (format == EXPORT_FMT_NONE)
        export_fail(f, _("\"%s\": tên tệp phải kết thúc bằng .csv hoặc .xlsx"),
                    path ? path : "");
    else if (open_checks(f, path) == 0 && f->ops->begin(f, sheet) == 0) {
        for (int c = 0; c < ncols; c++) f->width[c] = export_width(cols[c].header) + 2;   /* + the filter button */
        return f;
    }
    snprintf(err, errlen, "%s", f->err);
    export_abort(f);
    return NULL;
}

static void release(export_file *f)
{
    if (f->fd >= 0) close(f->fd);
    if (f->tmp[0]) unlink(f->tmp);
    free(f->width);
    free(f);
}

void export_abort(export_file *f)
{
    if (!f) return;
    if (f->ops && f->be) f->ops->drop(f);
    release(f);
}

/* Make the bytes durable before the rename makes them visible. */
static int sync_path(const char *p, int flags)
{
    int fd = open(p, flags);
    if (fd < 0) return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

/* "dir/name.csv" -> "dir/name-k.csv". */
static void numbered(const char *path, int k, char *out, size_t n)
{
    const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
    if (!dot || (slash && dot < slash)) dot = path + strlen(path);
    if (k < 2) snprintf(out, n, "%s", path);
    else snprintf(out, n, "%.*s-%d%s", (int)(dot - path), path, k, dot);
}

/* Move the finished temporary file into place. With EXPORT_UNIQUE, link() claims a name
 * only when it is free (two exports at the same moment still get two names); on a file
 * system without hard links, a name is taken when lstat finds nothing there. */
static int place(export_file *f, char *final, size_t finaln)
{
    char cand[NTM_PATH_MAX + 16];
    struct stat st;
    if (!(f->flags & EXPORT_UNIQUE)) {
        if (lstat(f->path, &st) == 0 && S_ISLNK(st.st_mode))
            return export_fail(f, _("\"%s\" là một liên kết tượng trưng (symlink): không ghi đè qua nó."), f->path), -1;
        if (rename(f->tmp, f->path) != 0)
            return export_fail(f, _("Không thay được tệp \"%s\": %s"),
                               f->path, pdf_strerror(errno)), -1;
        snprintf(cand, sizeof cand, "%s", f->path);
    } else {
        int k, e = 0;
        for (k = 1; k < 1000; k++) {
            numbered(f->path, k, cand, sizeof cand);
            if (link(f->tmp, cand) == 0) { unlink(f->tmp); break; }
            if ((e = errno) == EEXIST) continue;
            if (lstat(cand, &st) == 0) continue;
            if (rename(f->tmp, cand) == 0) break;
            e = errno;
            k = 1000;
        }
        if (k >= 1000)
            return export_fail(f, _("Không ghi được tệp \"%s\": %s"),
                               f->path, pdf_strerror(e ? e : EEXIST)), -1;
    }
    f->tmp[0] = 0;                                   /* nothing left to remove */
    sync_path(f->dir, O_RDONLY | O_DIRECTORY);       /* best effort: the rename itself */
    if (final) snprintf(final, finaln, "%s", cand);
    return 0;
}

int export_close(export_file *f, char *final, size_t finaln, char *err, size_t errlen)
{
    if (!f) return -1;
    if (!f->failed && f->col) export_row_end(f);
    if (!f->failed && f->ops->finish(f) == 0) {
        f->be = NULL;
        if (sync_path(f->tmp, O_RDONLY) != 0)
            export_fail(f, _("Không ghi được tệp \"%s\": %s"), f->path, pdf_strerror(errno));
        else if (place(f, final, finaln) == 0) {
            release(f);
            return 0;
        }
    }
    snprintf(err, errlen, "%s", f->err[0] ? f->err : "?");
    export_abort(f);
    return -1;
}
