/* tour_result: typing back the filled route sheet, and follow-up tasks. */
#include "model/tour.h"
#include "model/db_internal.h"
#include "model/date.h"
#include "model/entity.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/text.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* version 0: whatever the check holds now (a key, a typed-back sheet); else the one read. */
static int set_result(ntm_db *db, int64_t check_id, int64_t version, char result, const char *note)
{
    static const char *sql = "UPDATE tour_check SET result = ?2, note = ?3, recorded_by = ?4, "
        "recorded_at = strftime('%Y-%m-%dT%H:%M:%SZ','now'), version = version + 1 WHERE id = ?1 AND (?5 = 0 OR version = ?5)";
    const char *r = result == 'p' ? "pass" : result == 'f' ? "fail" : result == 'n' ? "na" : NULL;
    char *n = NULL;
    int rc = field_text(db, "note", _("Ghi chú"), note, 0, 500, &n);
    if (rc) return rc;
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) { free(n); return DB_ERR; }
    sqlite3_bind_int64(st, 1, check_id);
    bind_text_or_null(st, 2, r);
    bind_text_or_null(st, 3, n);
    if (r) sqlite3_bind_text(st, 4, db_user(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 5, version);
    free(n);
    rc = step_done(db, st);
    if (!rc && sqlite3_changes(db_handle(db)) == 0)
        rc = version ? ent_conflict(db, "tour_check", check_id, C_("check", "mục kiểm tra"))
                     : db_fail(db, DB_NOTFOUND, "%s", _("Không còn mục kiểm tra này"));
    return rc;
}

static int result_tx(ntm_db *db, int64_t check_id, int64_t version, char result, const char *note)
{
    int rc = db_begin(db);
    if (rc) return rc;
    rc = set_result(db, check_id, version, result, note);
    if (rc) { db_rollback(db); return rc; }
    return db_commit(db);
}

int tour_result_set(ntm_db *db, int64_t check_id, char result, const char *note)
{
    return result_tx(db, check_id, 0, result, note);
}

int tour_result_edit(ntm_db *db, int64_t check_id, int64_t version, char result, const char *note)
{
    return result_tx(db, check_id, version, result, note);
}

/* The result codes, one meaning each, the same on the printed sheet (its three boxes are
 * numbered 1 Đạt, 2 Chưa đạt, 3 Không áp dụng), when typing back, and on the tour
 * screen (keys 1 2 3, 0 clears): the box's number, or its name or first letter. A tick
 * mark ("x", "v", "+") says only that a box was ticked, not which: refused. */
static const struct { const char *folded; char mark; } MARKS[] = {
    { "khong ap dung", 'n' }, { "chua dat", 'f' }, { "khong dat", 'f' },     /* phrases first */
    { "1", 'p' }, { "d", 'p' }, { "dat", 'p' }, { "p", 'p' }, { "pass", 'p' },
    { "2", 'f' }, { "c", 'f' }, { "cd", 'f' }, { "chua", 'f' }, { "f", 'f' }, { "fail", 'f' },
    { "3", 'n' }, { "k", 'n' }, { "kad", 'n' }, { "na", 'n' }, { "n/a", 'n' },
    { "0", '0' }, { "?", '0' }, { "xoa", '0' }, { "clear", '0' },
};

/* The mark at the start of folded text, or 0; *words: how many words it took. */
static char mark_of(const char *folded, size_t *words)
{
    for (size_t i = 0; i < sizeof MARKS / sizeof MARKS[0]; i++) {
        size_t n = strlen(MARKS[i].folded);
        if (!strncmp(folded, MARKS[i].folded, n) && (!folded[n] || folded[n] == ' ')) {
            *words = 1;
            for (const char *p = MARKS[i].folded; *p; p++) *words += *p == ' ';
            return MARKS[i].mark;
        }
    }
    return 0;
}

static int is_tick(const char *word)
{
    static const char *const ticks[] = { "x", "X", "v", "V", "+", "✓", "✔", "✗", "✘", "×", NULL };
    for (int i = 0; ticks[i]; i++) if (!strcmp(word, ticks[i])) return 1;
    return 0;
}

static int find_check(ntm_db *db, int64_t tour_id, int stop, int check, int64_t *id)
{
    static const char *sql = "SELECT k.id FROM tour_check k JOIN tour_stop s ON s.id = k.stop_id "
                             "WHERE s.tour_id = ?1 AND s.seq = ?2 AND k.seq = ?3";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, tour_id);
    sqlite3_bind_int(st, 2, stop);
    sqlite3_bind_int(st, 3, check);
    int rc = sqlite3_step(st);
    *id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (!*id) return db_fail(db, DB_NOTFOUND, _("Không có mã %d.%d trong tour này"), stop, check);
    return DB_OK;
}

static const char *skip_spaces(const char *p) { while (*p == ' ' || *p == '\t') p++; return p; }

int tour_parse_result_line(ntm_db *db, int64_t tour_id, const char *line,
                           int64_t *check_id, char *result, char *note, size_t note_n)
{
    const char *p = skip_spaces(line);
    char *end;
    long stop = strtol(p, &end, 10);
    if (end == p || *end != '.')
        return db_fail(db, DB_INVALID, _("Dòng phải bắt đầu bằng mã điểm.mục, vd. \"3.5 2 hàng rào chưa cắt tỉa\""));
    p = end + 1;
    long check = strtol(p, &end, 10);
    if (end == p || stop < 1 || check < 1 || stop > 100000 || check > 100000) {
        char code[21];                   /* the line's start, cut on a character */
        text_copy(code, sizeof code, line);
        return db_fail(db, DB_INVALID, _("Mã \"%s\" không hợp lệ"), code);
    }
    p = skip_spaces(end);
    size_t wl = strcspn(p, " \t");
    char word[32];
    if (!wl || wl >= sizeof word)
        return db_fail(db, DB_INVALID, _("Sau mã %ld.%ld cần ghi số của ô đã đánh dấu: 1 (đạt), 2 (chưa đạt), 3 (không áp dụng), hoặc 0 (xóa)"), stop, check);
    memcpy(word, p, wl); word[wl] = 0;
    if (is_tick(word))
        return db_fail(db, DB_INVALID, _("\"%s\" chỉ là dấu tích: gõ số của ô đã tích, 1 (đạt), 2 (chưa đạt) hoặc 3 (không áp dụng)"), word);
    char *f = text_fold(p);
    size_t words = 0;
    char m = f ? mark_of(f, &words) : 0;
    free(f);
    if (!m)
        return db_fail(db, DB_INVALID, _("Dấu \"%s\" không hiểu: dùng 1 (đạt), 2 (chưa đạt), 3 (không áp dụng), 0 (xóa)"), word);
    for (size_t w = 0; w < words; w++) {               /* past the mark's words */
        p = skip_spaces(p);
        p += strcspn(p, " \t");
    }
    int rc = find_check(db, tour_id, (int)stop, (int)check, check_id);
    if (rc) return rc;
    *result = m == '0' ? 0 : m;
    text_copy(note, note_n, skip_spaces(p));
    return DB_OK;
}

int tour_results_from_text(ntm_db *db, int64_t tour_id, const char *text, int *stored)
{
    *stored = 0;
    int rc = db_begin(db);
    if (rc) return rc;
    int lineno = 0;
    for (const char *p = text; *p; ) {
        size_t n = strcspn(p, "\n");
        char line[1024], note[600];
        text_copy(line, n + 1 < sizeof line ? n + 1 : sizeof line, p);
        lineno++;
        p += n + (p[n] == '\n');
        if (!*skip_spaces(line) || skip_spaces(line)[0] == '#') continue;
        int64_t id; char r;
        rc = tour_parse_result_line(db, tour_id, line, &id, &r, note, sizeof note);
        if (!rc) rc = set_result(db, id, 0, r, note);
        if (rc) {
            char msg[512];
            snprintf(msg, sizeof msg, "%s", db_errmsg(db));
            db_rollback(db);
            *stored = 0;
            return db_fail(db, rc, _("Dòng %d: %s (chưa lưu dòng nào)"), lineno, msg);
        }
        (*stored)++;
    }
    return db_commit(db);
}

typedef struct { char title[600]; int64_t commune, hamlet, criterion; char result; } check_ctx;

static int check_context(ntm_db *db, int64_t check_id, check_ctx *c)
{
    static const char *sql = "SELECT k.title || ' - ' || s.name, t.unit_id, coalesce(s.hamlet_id, 0), "
        "coalesce(i.criterion_id, 0), coalesce(k.result, '') FROM tour_check k JOIN tour_stop s ON s.id = k.stop_id "
        "JOIN tour t ON t.id = s.tour_id LEFT JOIN checklist_item i ON i.id = k.item_id WHERE k.id = ?1";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, check_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        text_copy(c->title, sizeof c->title, (const char *)sqlite3_column_text(st, 0));
        c->commune = sqlite3_column_int64(st, 1);
        c->hamlet = sqlite3_column_int64(st, 2);
        c->criterion = sqlite3_column_int64(st, 3);
        const char *r = (const char *)sqlite3_column_text(st, 4);
        c->result = r && *r ? r[0] : 0;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW) return db_fail(db, DB_NOTFOUND, "%s", _("Không còn mục kiểm tra này"));
    return DB_OK;
}

int tour_followup(ntm_db *db, int64_t check_id, const followup_fields *f, int64_t *task_id)
{
    static const char *ins = "INSERT INTO task(commune_id, hamlet_id, title, title_key, description, criterion_id, "
        "owner_org_id, owner_person_id, deadline, tour_check_id, owner_unit_id) "
        "VALUES (?1, ?2, ?3, ?4, (SELECT note FROM tour_check WHERE id = ?9), ?5, ?6, ?7, ?8, ?9, ?10)";
    static const char *hamlet_of = "SELECT 1 FROM unit WHERE id = ?1 AND kind = 'hamlet' AND parent_id = ?2";
    check_ctx c;
    char *title = NULL, *key = NULL;
    int rc = db_begin(db);
    if (rc) return rc;
    rc = check_context(db, check_id, &c);
    if (!rc && c.result != 'f')
        rc = db_fail(db, DB_INVALID, "%s", _("Chỉ tạo việc khắc phục cho mục \"chưa đạt\""));
    if (!rc) rc = field_text(db, "title", _("Nội dung việc"), f->title && *f->title ? f->title : c.title, 1, 500, &title);
    if (!rc) rc = field_date(db, "deadline", _("Hạn"), f->deadline, 1);
    if (!rc && f->owner_org_id <= 0 && f->owner_person_id <= 0 && f->owner_unit_id <= 0)
        rc = db_fail(db, DB_INVALID, "%s", _("Chưa chọn người/đơn vị phụ trách"));
    if (!rc && f->owner_unit_id > 0) {           /* a hamlet owns it: one of this commune's */
        sqlite3_stmt *h = db_stmt(db, hamlet_of);
        if (!h) rc = DB_ERR;
        else {
            sqlite3_bind_int64(h, 1, f->owner_unit_id);
            sqlite3_bind_int64(h, 2, c.commune);
            if (sqlite3_step(h) != SQLITE_ROW)
                rc = db_fail(db, DB_INVALID, "%s", _("Phụ trách: thôn này không thuộc xã của tour"));
            sqlite3_reset(h);
        }
    }
    if (!rc && !(key = text_fold(title))) rc = db_fail(db, DB_ERR, "out of memory");
    sqlite3_stmt *st = rc ? NULL : db_stmt(db, ins);
    if (!rc && !st) rc = DB_ERR;
    if (!rc) {
        sqlite3_bind_int64(st, 1, c.commune);
        bind_id_or_null(st, 2, c.hamlet);
        sqlite3_bind_text(st, 3, title, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, key, -1, SQLITE_TRANSIENT);
        bind_id_or_null(st, 5, f->criterion_id > 0 ? f->criterion_id : c.criterion);
        bind_id_or_null(st, 6, f->owner_org_id);
        bind_id_or_null(st, 7, f->owner_person_id);
        sqlite3_bind_text(st, 8, f->deadline, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 9, check_id);
        bind_id_or_null(st, 10, f->owner_unit_id);
        rc = step_done(db, st);
        if (!rc && task_id) *task_id = sqlite3_last_insert_rowid(db_handle(db));
    }
    free(title); free(key);
    if (rc) { db_rollback(db); return rc; }
    return db_commit(db);
}
