/* pdf_save: page numbers and the atomic save. The PDF goes to a hidden temporary file
 * in the destination folder, is flushed to disk, then renamed over the old one: a power
 * cut or a full disk leaves the previous sheet intact, never half a file. */
#include "reports/pdf_font.h"
#include "model/files.h"
#include "model/i18n.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Page numbers as Nghị định 30 sets them: Arabic digits, 13 pt upright, centred in the
 * top margin, none on the first page. Drawn at the end, over every page kept. */
static void number_pages(pdf_doc *d)
{
    char buf[16];
    const float size = 13;
    for (int i = 1; i < d->npages && !d->failed && !d->numbered; i++) {
        d->page = d->pages[i];
        d->cur_font = NULL;
        snprintf(buf, sizeof buf, "%d", i + 1);
        float w = pdf_measure(d, PDF_REGULAR, size, buf, strlen(buf));
        pdf_draw(d, d->ml + (d->pw - d->ml - d->mr - w) / 2, d->mt / 2 + size / 3,
                 PDF_REGULAR, size, buf, strlen(buf));
    }
    d->numbered = 1;
}

/* mkdir -p; 0 or an errno value. */
static int make_dirs(const char *dir)
{
    char p[NTM_PATH_MAX + 8];
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

static void split_path(const char *path, char *dir, size_t dn, const char **base)
{
    const char *slash = strrchr(path, '/');
    *base = slash ? slash + 1 : path;
    if (!slash) snprintf(dir, dn, ".");
    else if (slash == path) snprintf(dir, dn, "/");
    else snprintf(dir, dn, "%.*s", (int)(slash - path), path);
}

static int folder_error(pdf_doc *d, const char *dir, int e, int creating)
{
    if (creating)
        return pdf_fail(d, _("Không tạo được thư mục \"%s\": %s. Hãy đổi thư mục ([output] pdf_dir "
                             "trong ntm.ini)."), dir, pdf_strerror(e));
    return pdf_fail(d, _("Không ghi được vào thư mục \"%s\": %s. Hãy kiểm tra quyền ghi, hoặc đổi "
                         "thư mục ([output] pdf_dir trong ntm.ini)."), dir, pdf_strerror(e));
}

/* ntm never makes a symlink, so one at the destination was put there by someone else:
 * refused, not written through (nor replaced: it may be what that person meant). */
static int refuse_symlink(pdf_doc *d, const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode)) return 0;
    return pdf_fail(d, _("\"%s\" là một liên kết tượng trưng (symlink): không ghi qua nó. Hãy chọn tên khác."), path);
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

static int write_temp(pdf_doc *d, const char *dir, const char *base, char *tmp, size_t tn)
{
    snprintf(tmp, tn, "%s/.%s.XXXXXX", dir, base);
    int fd = mkstemp(tmp);
    if (fd < 0) return folder_error(d, dir, errno, 0);
    fchmod(fd, file_share_mode());        /* mkstemp makes 0600; a sheet is for sharing */
    close(fd);
    if (pdf_font_finish(d) == 0) HPDF_SaveToFile(d->h, tmp);
    if (!d->failed && sync_path(tmp, O_RDONLY) == 0) return 0;
    int e = errno;
    char why[sizeof d->err];
    snprintf(why, sizeof why, "%s", d->failed ? d->err : pdf_strerror(e));
    d->failed = 0;
    unlink(tmp);
    return pdf_fail(d, _("Không ghi được tệp PDF \"%s/%s\". %s"),
                    dir, base, why);
}

int pdf_save(pdf_doc *d, const char *path, char *err, size_t errlen)
{
    char dir[NTM_PATH_MAX + 8], tmp[2 * NTM_PATH_MAX + 32];
    const char *base;
    if (d->failed) { snprintf(err, errlen, "%s", d->err); return -1; }   /* layout failed */
    if (!path || !path[0] || path[strlen(path) - 1] == '/')
        pdf_fail(d, "%s", _("Chưa có tên tệp PDF"));
    else if (strlen(path) >= NTM_PATH_MAX)
        pdf_fail(d, "%s", _("Đường dẫn tệp PDF quá dài"));
    if (!d->failed) {
        split_path(path, dir, sizeof dir, &base);
        int e = make_dirs(dir);
        if (e) folder_error(d, dir, e, 1);
    }
    if (!d->failed) refuse_symlink(d, path);
    if (!d->failed) number_pages(d);
    if (!d->failed && write_temp(d, dir, base, tmp, sizeof tmp) == 0) {
        if (refuse_symlink(d, path)) {
            unlink(tmp);                               /* one appeared while writing */
        } else if (rename(tmp, path) != 0) {
            int e = errno;
            unlink(tmp);
            pdf_fail(d, _("Không thay được tệp \"%s\": %s"),
                     path, pdf_strerror(e));
        } else {
            sync_path(dir, O_RDONLY | O_DIRECTORY);    /* best effort: the rename itself */
        }
    }
    if (!d->failed) return 0;
    /* only saving failed: the pages are fine, another path may be tried */
    snprintf(err, errlen, "%s", d->err);
    HPDF_ResetError(d->h);
    d->failed = 0;
    d->err[0] = 0;
    return -1;
}
