/* files: shared file modes, fsync, folders; the rest of the file handling is where it
 * is used (backup.c, reports/pdf_save.c, reports/export.c). */
#include "model/files.h"
#include "model/i18n.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

mode_t file_share_mode(void)
{
    mode_t um = umask(0);
    umask(um);
    return 0666 & ~um & ~(mode_t)S_IWOTH;
}

int file_sync(const char *path, int dir)
{
    int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) return -1;
    int rc = fsync(fd);
    int e = errno;
    close(fd);
    errno = e;
    return rc;
}

void file_dir_of(const char *path, char *dir, size_t n)
{
    const char *slash = strrchr(path, '/');
    if (!slash) snprintf(dir, n, ".");
    else if (slash == path) snprintf(dir, n, "/");
    else snprintf(dir, n, "%.*s", (int)(slash - path), path);
}

int file_make_dirs(const char *dir)
{
    char p[4096];
    struct stat st;
    if (snprintf(p, sizeof p, "%s", dir) >= (int)sizeof p) return ENAMETOOLONG;
    if (stat(p, &st) == 0) return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
    mode_t mode = 0777 & ~(mode_t)S_IWOTH;         /* the umask takes off the rest */
    for (char *s = p + 1; ; s++) {
        if (*s != '/' && *s) continue;
        char c = *s;
        *s = 0;
        if (mkdir(p, mode) != 0 && errno != EEXIST) return errno;
        *s = c;
        if (!c) break;
    }
    if (stat(dir, &st) != 0) return errno;
    return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
}

int file_same(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

const char *file_strerror(int e)
{
    switch (e) {
    case ENOENT: return _("không có tệp hoặc thư mục này");
    case EACCES: case EPERM: return _("không có quyền");
    case EROFS: return _("ổ đĩa chỉ cho đọc");
    case ENOSPC: case EDQUOT: return _("hết chỗ trên đĩa");
    case ENOTDIR: return _("một phần của đường dẫn không phải thư mục");
    case EISDIR: return _("đây là thư mục, không phải tệp");
    default: return strerror(e);
    }
}
