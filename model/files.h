/* files: what ntm needs of the file system when it writes a file others will read:
 * the shared mode, durable renames, the folder of a path, errno in the UI language. */
#ifndef NTM_FILES_H
#define NTM_FILES_H
#include <stddef.h>
#include <sys/types.h>

/* The mode of a file made for sharing: 0666 less the umask (umask 002 in a setgid
 * folder: group-writable, as INSTALL says), never writable by everyone. */
mode_t file_share_mode(void);
/* fsync a file (dir 0) or a folder (dir 1); 0 or -1 with errno. */
int  file_sync(const char *path, int dir);
/* The folder part of path ("." when none, "/" for "/x"). */
void file_dir_of(const char *path, char *dir, size_t n);
/* mkdir -p with mode 0777 & ~umask & ~S_IWOTH; 0 or an errno value. */
int  file_make_dirs(const char *dir);
/* 1 when a and b name the same existing file (device and inode). */
int  file_same(const char *a, const char *b);
/* errno as the user reads it ("hết chỗ trên đĩa"). */
const char *file_strerror(int e);
#endif
