/* backup_internal: what backup.c shares with restore.c. */
#ifndef NTM_BACKUP_INTERNAL_H
#define NTM_BACKUP_INTERNAL_H
#include <sqlite3.h>
#include <stddef.h>

#define NTM_BACKUP_PATH 1100

/* VACUUM INTO a new hidden file dir/.base.XXXXXX (shared mode, fsync'd); its name in tmp. */
int backup_vacuum_to_temp(sqlite3 *h, const char *dir, const char *base, char *tmp, size_t tn,
                          char *err, size_t n);
#endif
