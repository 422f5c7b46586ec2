/* backup: online copies of the open database while others write (VACUUM INTO a hidden
 * file in the destination's folder, fsync, rename: never half a file, never a name in
 * /tmp), the dated backups of [output] backup_dir with rotation, the daily one, and
 * restoring from a copy after checking it. */
#ifndef NTM_BACKUP_H
#define NTM_BACKUP_H
#include "model/db.h"

/* Copy the database to exactly dest, replaced atomically. Refuses a symlink, a folder,
 * and the database file itself. */
int backup_write(ntm_db *db, const char *dest, char *err, size_t n);
/* A new dated copy dir/ntm-YYYYMMDD-HHMMSS.db (local time; -2, -3... when the name is
 * taken), then the oldest beyond keep removed. made: the path written. */
int backup_make(ntm_db *db, const char *dir, int keep, char *made, size_t mn, char *err, size_t n);
/* The daily one: backup_make when dir holds no copy made today. 1 made, 0 not due (or
 * another ntm is making it), DB_ERR with err (also kept in dir/.ntm-backup-error, which
 * backup_last_error reads, until a backup succeeds). */
int backup_daily(ntm_db *db, const char *dir, int keep, char *made, size_t mn, char *err, size_t n);
/* 1 when dir holds no backup made today (or does not exist). */
int backup_due(const char *dir);
/* The last daily failure's message, or -1 when the last one went well. */
int backup_last_error(const char *dir, char *out, size_t n);
/* Newest dated backup in dir: 0 and its path, -1 when none. */
int backup_newest(const char *dir, char *out, size_t n);
/* Remove the oldest dated backups beyond keep (and hidden temporary files left by a
 * copy that was killed); returns how many were removed. */
int backup_rotate(const char *dir, int keep);

/* Check a copy before it is restored: PRAGMA integrity_check says ok, and it is an ntm
 * database this program knows (schema 1..latest). 0, or DB_INVALID with the reason. */
int backup_check_file(const char *file, int *schema, char *err, size_t n);
/* Another process has db_path open: 1 with who ("thu, tiến trình 4242"), else 0. */
int backup_in_use(const char *db_path, char *who, size_t n);
/* Put the copy file in place of db_path after backup_check_file and when nobody else
 * has it open. The current file is kept as aside (<db>.before-restore-YYYYMMDD-HHMMSS).
 * A sound current file is copied aside online and the copy is written into it through
 * SQLite's backup API (one transaction: a crash leaves the old content); a damaged one is
 * renamed aside with its -wal. */
int backup_restore(const char *db_path, const char *file, int busy_ms, char *aside, size_t an,
                   char *err, size_t n);
#endif
