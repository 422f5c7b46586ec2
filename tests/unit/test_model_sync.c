/* The province roll-up (model/sync.h) between the demo as a commune office's file and a
 * new province file: a first export brings every row of the commune and nothing else,
 * by uuid (ids differ), with its totals to the last bit; the same file twice changes
 * nothing; a later export brings only what changed (a deleted task goes); files not
 * acknowledged travel again in the next one, and a file applied twice in any order is
 * harmless; a missing number, a damaged file, another schema are refused whole with a
 * message; ownership settles conflicts (the commune's rows: the commune's version; the
 * criteria sets: the province's) and each is logged; the province's campaign and
 * directive go down, the commune moves under the province's own row and its next file
 * brings no second province; the status the province dashboard shows; a copy of the
 * commune's file exporting with another site id is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "model/date.h"
#include "model/db.h"
#include "model/i18n.h"
#include "model/sync.h"
#include "tests/unit/fixture.h"

enum { HA_TINH = 1, AN_HOA_THINH = 30, SON_KIM_2 = 50 };

static char dir[64], cpath[128], ppath[128], err[1024];
static ntm_db *c, *p;                     /* the commune office's file (the demo), the province's */
static int64_t prov;

#define c_ll(...) fx_sql_ll(db_handle(c), __VA_ARGS__)
#define p_ll(...) fx_sql_ll(db_handle(p), __VA_ARGS__)

static int setup(void **state)
{
    if (fx_demo(dir, sizeof dir, "sync", cpath, sizeof cpath, "c.db", err, sizeof err)) return -1;
    snprintf(ppath, sizeof ppath, "%s/p.db", dir);
    if (db_open(&c, cpath, 0, 5000, err, sizeof err) || db_open(&p, ppath, DB_OPEN_CREATE, 5000, err, sizeof err)) return -1;
    return sync_province(p, "Hà Tĩnh", &prov) == DB_OK ? 0 : -1;
}

static int teardown(void **state)
{
    db_close(c);
    db_close(p);
    ntm_lang_en = 0;
    return fx_rmdir(dir);
}

static void file(char *out, size_t n, const char *name) { snprintf(out, n, "%s/%s", dir, name); }

static sync_export_result export_up(int64_t commune, const char *name)
{
    char f[160];
    sync_export_result r;
    file(f, sizeof f, name);
    int rc = sync_export(c, commune, SYNC_UP, f, &r);
    if (rc) fprintf(stderr, "%s\n", db_errmsg(c));
    assert_int_equal(rc, DB_OK);
    return r;
}

static sync_import_result import_into(ntm_db *db, const char *name)
{
    char f[160];
    const char *paths[] = { f };
    sync_import_result r;
    file(f, sizeof f, name);
    sync_import(db, paths, 1, &r);
    if (getenv("SYNC_TEST_VERBOSE")) fprintf(stderr, "%s\n", r.message);
    return r;
}

/* Rows of the commune in c that p does not have the same, by uuid (0: p has them all). */
static long long missing(const char *table, const char *cols, const char *where)
{
    char sql[1200];
    fx_sql_ll(db_handle(p), "ATTACH '%s' AS c", cpath);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT %s FROM c.%s t WHERE %s EXCEPT SELECT %s FROM main.%s t)",
             cols, table, where, cols, table);
    long long n = fx_sql_ll(db_handle(p), "%s", sql);
    fx_sql_ll(db_handle(p), "DETACH c");
    return n;
}

static void assert_same_commune(int64_t commune)
{
    char w[200], tw[300];
    snprintf(w, sizeof w, "t.id = %lld OR t.parent_id = %lld", (long long)commune, (long long)commune);
    assert_int_equal(missing("unit", "uuid, name, kind, note", w), 0);
    snprintf(tw, sizeof tw, "t.commune_id = %lld", (long long)commune);
    assert_int_equal(missing("task", "uuid, title, status, done_qty, target_qty, deadline, code, title_key", tw), 0);
    snprintf(tw, sizeof tw, "t.task_id IN (SELECT id FROM c.task WHERE commune_id = %lld)", (long long)commune);
    assert_int_equal(missing("progress", "uuid, qty, report_date, note", tw), 0);
    snprintf(tw, sizeof tw, "t.hamlet_id IN (SELECT id FROM c.unit WHERE parent_id = %lld)", (long long)commune);
    assert_int_equal(missing("household", "uuid, head_name, address, septic_toilet", tw), 0);
    snprintf(tw, sizeof tw, "t.unit_id = %lld", (long long)commune);
    assert_int_equal(missing("org", "uuid, name", tw), 0);
    assert_int_equal(missing("campaign", "uuid, name, doc_number", tw), 0);
    assert_int_equal(missing("issuer", "uuid, code, name", tw), 0);
    assert_int_equal(missing("unit_criterion", "uuid, status, dossier", tw), 0);
    /* and the same numbers: each tally row (by hamlet) to the last bit, the commune's */
    const char *tally = "SELECT count(*) FROM (SELECT coalesce(h.uuid, ''), g.status, g.n, g.progress + g.progress_lo FROM %stask_tally g "
                        "LEFT JOIN %sunit h ON h.id = g.hamlet_id WHERE g.commune_id = (SELECT id FROM %sunit WHERE uuid = '%s') "
                        "EXCEPT SELECT coalesce(h.uuid, ''), g.status, g.n, g.progress + g.progress_lo FROM %stask_tally g "
                        "LEFT JOIN %sunit h ON h.id = g.hamlet_id WHERE g.commune_id = (SELECT id FROM %sunit WHERE uuid = '%s'))";
    char *uuid = fx_sql_str(db_handle(c), "SELECT uuid FROM unit WHERE id = %lld", (long long)commune);
    fx_sql_ll(db_handle(p), "ATTACH '%s' AS c", cpath);
    assert_int_equal(p_ll(tally, "c.", "c.", "c.", uuid, "main.", "main.", "main.", uuid), 0);
    assert_int_equal(p_ll(tally, "main.", "main.", "main.", uuid, "c.", "c.", "c.", uuid), 0);
    assert_true(p_ll("SELECT count(*) FROM main.task_tally WHERE commune_id = (SELECT id FROM main.unit WHERE uuid = '%s')", uuid) > 0);
    fx_sql_ll(db_handle(p), "DETACH c");
    free(uuid);
}

static void test_first_export(void **state)
{
    sync_export_result e = export_up(AN_HOA_THINH, "ath-1.ntmsync");
    assert_int_equal(e.first, 1);
    assert_int_equal(e.seq, 1);
    assert_true(e.seg_changes > 50);
    sync_import_result r = import_into(p, "ath-1.ntmsync");
    assert_int_equal(r.status, SYNC_APPLIED);
    assert_int_equal(r.conflicts, 0);
    assert_same_commune(AN_HOA_THINH);
    /* only that commune, under the province's own row; the shared criteria sets once */
    assert_int_equal(p_ll("SELECT count(*) FROM unit WHERE kind = 'commune'"), 1);
    assert_int_equal(p_ll("SELECT count(*) FROM unit WHERE kind = 'province'"), 1);
    assert_int_equal(p_ll("SELECT parent_id FROM unit WHERE kind = 'commune'"), prov);
    assert_int_equal(p_ll("SELECT count(*) FROM task"), c_ll("SELECT count(*) FROM task WHERE commune_id = %d", AN_HOA_THINH));
    assert_int_equal(p_ll("SELECT count(*) FROM criteria_set"), c_ll("SELECT count(*) FROM criteria_set"));
    assert_int_equal(p_ll("SELECT count(*) FROM unit u JOIN criteria_set s ON s.id = u.criteria_set_id WHERE s.code = 'TW-2021-2025-XA'"), 1);
    /* an import is nobody's edit: not in the audit, row by row (sync_log has it) */
    assert_int_equal(p_ll("SELECT count(*) FROM audit WHERE entity <> 'unit' OR action <> 'insert'"), 0);
    assert_int_equal(p_ll("SELECT count(*) FROM sync_log WHERE result = 'applied' AND rows > 50"), 1);
    /* the same file again: nothing written at all */
    long long logs = p_ll("SELECT count(*) FROM sync_log"), changes = sqlite3_total_changes(db_handle(p));
    r = import_into(p, "ath-1.ntmsync");
    assert_int_equal(r.status, SYNC_HAVE);
    assert_int_equal(p_ll("SELECT count(*) FROM sync_log"), logs);
    assert_int_equal(sqlite3_total_changes(db_handle(p)), changes);
}

static void test_next_export(void **state)
{
    export_up(AN_HOA_THINH, "a1");
    assert_int_equal(import_into(p, "a1").status, SYNC_APPLIED);
    char ack[160], name[204];
    long long seq = 0;
    file(ack, sizeof ack, "a1.ack");
    sync_import_result done = { .dir = SYNC_UP };
    char *uuid = fx_sql_str(db_handle(c), "SELECT uuid FROM unit WHERE id = %d", AN_HOA_THINH);
    snprintf(done.commune_uuid, sizeof done.commune_uuid, "%s", uuid);
    assert_int_equal(sync_ack_write(p, &done, ack), DB_OK);
    assert_int_equal(sync_ack_read(c, ack, &seq, name, sizeof name), DB_OK);
    assert_int_equal(seq, 1);
    /* a week: a report, a title, a deleted task */
    int64_t gone = c_ll("SELECT max(id) FROM task WHERE commune_id = %d", AN_HOA_THINH);
    char *gone_uuid = fx_sql_str(db_handle(c), "SELECT uuid FROM task WHERE id = %lld", (long long)gone);
    assert_int_equal(db_exec(c, "DELETE FROM progress WHERE task_id = (SELECT max(id) FROM task WHERE commune_id = 30);"
                                "DELETE FROM task WHERE id = (SELECT max(id) FROM task WHERE commune_id = 30);"
                                "UPDATE task SET title = 'Trồng 2 km hàng rào xanh (đã sửa)', version = version + 1 WHERE id = (SELECT min(id) FROM task WHERE commune_id = 30);"
                                "INSERT INTO progress(task_id, report_date, qty, entered_by) SELECT min(id), '2022-06-17', 0.5, 't' FROM task WHERE commune_id = 30"), DB_OK);
    sync_export_result e = export_up(AN_HOA_THINH, "a2");
    assert_int_equal(e.first, 2);                          /* the acknowledged one does not go again */
    assert_int_equal(e.seq, 2);
    assert_true(e.seg_changes >= 4 && e.seg_changes < 10);
    sync_import_result r = import_into(p, "a2");
    assert_int_equal(r.status, SYNC_APPLIED);
    assert_int_equal(r.conflicts, 0);
    assert_int_equal(p_ll("SELECT count(*) FROM task WHERE uuid = '%s'", gone_uuid), 0);
    assert_same_commune(AN_HOA_THINH);
    free(uuid); free(gone_uuid);
}

static void test_unacknowledged(void **state)
{
    export_up(SON_KIM_2, "s1");
    assert_int_equal(db_exec(c, "UPDATE tour_check SET result = 'fail', note = 'hàng rào chưa cắt tỉa' WHERE id = (SELECT min(id) FROM tour_check)"), DB_OK);
    /* the stops swap places: their unique numbers must not collide on the way */
    assert_int_equal(db_exec(c, "UPDATE tour_stop SET seq = -1 WHERE seq = 1; UPDATE tour_stop SET seq = 1 WHERE seq = 2; UPDATE tour_stop SET seq = 2 WHERE seq = -1"), DB_OK);
    sync_export_result e = export_up(SON_KIM_2, "s2");
    assert_int_equal(e.first, 1);                          /* 1 was never acknowledged: it goes again */
    assert_int_equal(e.seq, 2);
    sync_import_result r = import_into(p, "s2");
    assert_int_equal(r.status, SYNC_APPLIED);
    assert_int_equal(r.applied_from, 1);
    assert_same_commune(SON_KIM_2);
    assert_int_equal(import_into(p, "s1").status, SYNC_HAVE);
    assert_int_equal(p_ll("SELECT count(*) FROM tour_check WHERE result = 'fail'"), 1);
    fx_sql_ll(db_handle(p), "ATTACH '%s' AS c", cpath);
    assert_int_equal(p_ll("SELECT count(*) FROM (SELECT uuid, seq FROM c.tour_stop EXCEPT SELECT uuid, seq FROM main.tour_stop)"), 0);
    fx_sql_ll(db_handle(p), "DETACH c");
    /* a third with only the change: applied on top */
    assert_int_equal(db_exec(c, "UPDATE tour_check SET result = 'pass' WHERE result = 'fail'"), DB_OK);
    export_up(SON_KIM_2, "s3");
    r = import_into(p, "s3");
    assert_int_equal(r.status, SYNC_APPLIED);
    assert_int_equal(r.applied_from, 3);
    assert_int_equal(p_ll("SELECT count(*) FROM tour_check WHERE result = 'fail'"), 0);
}

/* A file made fine, then harmed by fn. */
static void rewrite_schema(const char *name, int delta)
{
    char f[160];
    file(f, sizeof f, name);
    FILE *in = fopen(f, "rb");
    assert_non_null(in);
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, in);
    fclose(in);
    char *end = strstr(buf, "\n\n"), *crc = strstr(buf, "crc32 "), *sch = strstr(buf, "\nschema ");
    assert_non_null(end); assert_non_null(crc); assert_non_null(sch);
    char head[2048];
    int v = atoi(sch + 8) + delta;
    size_t pre = (size_t)(sch - buf) + 1;
    const char *after = strchr(sch + 1, '\n') + 1;
    int k = snprintf(head, sizeof head, "%.*sschema %d\n%.*s", (int)pre, buf, v, (int)(crc - after), after);
    uLong sum = crc32(crc32(0L, (Bytef *)head, (uInt)k), (Bytef *)end + 2, (uInt)(n - (size_t)(end + 2 - buf)));
    FILE *out = fopen(f, "wb");
    fprintf(out, "%scrc32 %08lx\n\n", head, (unsigned long)sum);
    fwrite(end + 2, 1, n - (size_t)(end + 2 - buf), out);
    fclose(out);
}

static void test_refused(void **state)
{
    export_up(AN_HOA_THINH, "t1");
    export_up(AN_HOA_THINH, "t2");
    char f[160], g[160];
    long long before = sqlite3_total_changes(db_handle(p));
    file(f, sizeof f, "t1");
    assert_int_equal(truncate(f, 5000), 0);
    sync_import_result r = import_into(p, "t1");
    assert_int_equal(r.status, SYNC_DAMAGED);
    assert_non_null(strstr(r.message, "bị hỏng hoặc không đủ"));
    file(g, sizeof g, "t2");
    FILE *x = fopen(g, "r+b");                                 /* one byte of the body changed */
    fseek(x, -10, SEEK_END);
    fputc('#', x);
    fclose(x);
    assert_int_equal(import_into(p, "t2").status, SYNC_DAMAGED);
    assert_int_equal(p_ll("SELECT count(*) FROM task"), 0);
    /* another schema: its checksum fits, its schema does not */
    export_up(AN_HOA_THINH, "t3");
    rewrite_schema("t3", -1);
    ntm_lang_en = 1;
    r = import_into(p, "t3");
    assert_int_equal(r.status, SYNC_SCHEMA);
    assert_non_null(strstr(r.message, "made with schema"));
    ntm_lang_en = 0;
    assert_int_equal(p_ll("SELECT count(*) FROM task"), 0);
    assert_int_equal(p_ll("SELECT count(*) FROM sync_log WHERE result = 'refused'"), 3);
    assert_true(sqlite3_total_changes(db_handle(p)) > before);     /* the refusals are logged, nothing else */
    assert_int_equal(p_ll("SELECT count(*) FROM unit WHERE kind <> 'province'"), 0);
}

static void test_gap(void **state)
{
    ntm_db *p2;
    char p2path[160];
    file(p2path, sizeof p2path, "p2.db");
    assert_int_equal(db_open(&p2, p2path, DB_OPEN_CREATE, 5000, err, sizeof err), DB_OK);
    int64_t prov2;
    assert_int_equal(sync_province(p2, "Hà Tĩnh", &prov2), DB_OK);
    export_up(AN_HOA_THINH, "g1");
    assert_int_equal(import_into(p2, "g1").status, SYNC_APPLIED);          /* another province file took 1 */
    char ack[160], name[204];
    long long seq;
    sync_import_result done = { .dir = SYNC_UP };
    char *uuid = fx_sql_str(db_handle(c), "SELECT uuid FROM unit WHERE id = %d", AN_HOA_THINH);
    snprintf(done.commune_uuid, sizeof done.commune_uuid, "%s", uuid);
    file(ack, sizeof ack, "g1.ack");
    assert_int_equal(sync_ack_write(p2, &done, ack), DB_OK);
    assert_int_equal(sync_ack_read(c, ack, &seq, name, sizeof name), DB_OK);
    export_up(AN_HOA_THINH, "g2");                                          /* so 2 comes alone */
    sync_import_result r = import_into(p, "g2");
    assert_int_equal(r.status, SYNC_GAP);
    assert_non_null(strstr(r.message, "thiếu số 1 của xã An Hòa Thịnh"));
    assert_int_equal(p_ll("SELECT count(*) FROM task"), 0);
    assert_int_equal(import_into(p, "g1").status, SYNC_APPLIED);            /* then in order */
    assert_int_equal(import_into(p, "g2").status, SYNC_APPLIED);
    assert_same_commune(AN_HOA_THINH);
    /* an acknowledgement of more than was sent is refused */
    FILE *f = fopen(ack, "w");
    fputs("NTM-SYNC-ACK 1\ncommune x\ndir up\nseq 9\n", f);
    fclose(f);
    assert_int_not_equal(sync_ack_read(c, ack, &seq, name, sizeof name), DB_OK);
    db_close(p2);
    free(uuid);
}

static void test_conflicts(void **state)
{
    export_up(AN_HOA_THINH, "k1");
    assert_int_equal(import_into(p, "k1").status, SYNC_APPLIED);
    char *t = fx_sql_str(db_handle(c), "SELECT uuid FROM task WHERE commune_id = 30 ORDER BY id LIMIT 1");
    /* the province corrects the commune's task; the commune changes it too: the commune's wins */
    assert_int_equal(p_ll("UPDATE task SET title = 'Sửa ở tỉnh', version = version + 1 WHERE uuid = '%s' RETURNING 1", t), 1);
    assert_int_equal(c_ll("UPDATE task SET title = 'Sửa ở xã', version = version + 1 WHERE uuid = '%s' RETURNING 1", t), 1);
    /* the commune renames a criterion of the national set: the province's set stays */
    assert_int_equal(c_ll("UPDATE criterion SET name = 'Môi trường (xã sửa)' WHERE uuid = 'cs:TW-2021-2025-XA:17' RETURNING 1"), 1);
    export_up(AN_HOA_THINH, "k2");
    sync_import_result r = import_into(p, "k2");
    assert_int_equal(r.status, SYNC_APPLIED);
    assert_int_equal(r.conflicts, 2);
    char *title = fx_sql_str(db_handle(p), "SELECT title FROM task WHERE uuid = '%s'", t);
    assert_string_equal(title, "Sửa ở xã");
    char *crit = fx_sql_str(db_handle(p), "SELECT name FROM criterion WHERE uuid = 'cs:TW-2021-2025-XA:17'");
    assert_string_equal(crit, "Môi trường và an toàn thực phẩm");
    assert_int_equal(p_ll("SELECT count(*) FROM sync_conflict WHERE tbl = 'task' AND row_uuid = '%s' AND kind = 'data' "
                          "AND resolution = 'theirs' AND detail LIKE '%%title%%'", t), 1);
    assert_int_equal(p_ll("SELECT count(*) FROM sync_conflict WHERE tbl = 'criterion' AND kind = 'criteria' AND resolution = 'ours'"), 1);
    free(t); free(title); free(crit);
}

static void test_downward(void **state)
{
    export_up(AN_HOA_THINH, "u1");
    assert_int_equal(import_into(p, "u1").status, SYNC_APPLIED);
    int64_t commune = p_ll("SELECT id FROM unit WHERE kind = 'commune'");
    /* the province issues a campaign and a directive for the commune, one for another */
    assert_int_equal(db_exec(p, "INSERT INTO campaign(unit_id, name, doc_number, start_date, end_date) "
                                "SELECT id, 'Đợt thi đua của tỉnh 2022', '12-KH/UBND', '2022-06-01', '2022-08-31' FROM unit WHERE kind = 'province'"), DB_OK);
    sync_directive_fields d = { .province_id = prov, .commune_id = commune, .title = "Báo cáo kết quả trước 30/6", .doc_number = "45/CV-UBND",
                                .due_date = "30/06/2022" };
    assert_int_equal(sync_directive_add(p, &d, NULL), DB_OK);
    d.title = "Hướng dẫn chung cho mọi xã";
    d.commune_id = 0;
    assert_int_equal(sync_directive_add(p, &d, NULL), DB_OK);
    /* the province's own edits after an import are audited again */
    assert_int_equal(p_ll("SELECT count(*) FROM audit WHERE entity = 'directive' AND action = 'insert'"), 2);
    assert_int_equal(p_ll("SELECT count(*) FROM audit WHERE entity = 'task'"), 0);
    char f[160];
    sync_export_result e;
    file(f, sizeof f, "d1");
    assert_int_equal(sync_export(p, commune, SYNC_DOWN, f, &e), DB_OK);
    sync_import_result r = import_into(c, "d1");
    assert_int_equal(r.status, SYNC_APPLIED);
    assert_int_equal(r.conflicts, 0);
    assert_int_equal(c_ll("SELECT count(*) FROM campaign WHERE doc_number = '12-KH/UBND'"), 1);
    assert_int_equal(c_ll("SELECT count(*) FROM directive"), 2);
    /* the commune is under the province's own row now (the old Hà Tĩnh row keeps the others) */
    char *pu = fx_sql_str(db_handle(p), "SELECT uuid FROM unit WHERE id = %lld", (long long)prov);
    assert_int_equal(c_ll("SELECT count(*) FROM unit c JOIN unit p ON p.id = c.parent_id WHERE c.id = 30 AND p.uuid = '%s'", pu), 1);
    assert_int_equal(c_ll("SELECT count(*) FROM unit WHERE parent_id = %d", HA_TINH), 3);
    /* the header carried the acknowledgement: the commune's first file is done with */
    assert_int_equal(c_ll("SELECT acked_seq FROM sync_peer WHERE dir = 'up' AND unit_uuid = (SELECT uuid FROM unit WHERE id = 30)"), 1);
    assert_int_equal(c_ll("SELECT count(*) FROM sync_segment WHERE dir = 'up'"), 0);
    /* the commune edits the province's campaign: it stays at the commune, and the
     * province's next change wins there */
    assert_int_equal(db_exec(c, "UPDATE campaign SET name = 'Sửa ở xã' WHERE doc_number = '12-KH/UBND'"), DB_OK);
    export_up(AN_HOA_THINH, "u2");
    r = import_into(p, "u2");
    assert_int_equal(r.status, SYNC_APPLIED);
    assert_int_equal(r.conflicts, 0);
    assert_int_equal(p_ll("SELECT count(*) FROM unit WHERE kind = 'province'"), 1);
    assert_int_equal(p_ll("SELECT count(*) FROM campaign WHERE name = 'Sửa ở xã'"), 0);
    assert_int_equal(db_exec(p, "UPDATE campaign SET end_date = '2022-09-30' WHERE doc_number = '12-KH/UBND'"), DB_OK);
    file(f, sizeof f, "d2");
    assert_int_equal(sync_export(p, commune, SYNC_DOWN, f, &e), DB_OK);
    assert_int_equal(e.first, 2);                           /* the commune's file u2 acknowledged 1 */
    r = import_into(c, "d2");
    assert_int_equal(r.status, SYNC_APPLIED);
    assert_int_equal(r.applied_from, 2);
    assert_int_equal(r.conflicts, 0);                       /* the change touched another column */
    assert_int_equal(c_ll("SELECT count(*) FROM campaign WHERE name = 'Sửa ở xã' AND end_date = '2022-09-30'"), 1);
    /* the province renames it: the commune's own edit of the province's row gives way */
    assert_int_equal(db_exec(p, "UPDATE campaign SET name = 'Đợt thi đua của tỉnh năm 2022' WHERE doc_number = '12-KH/UBND'"), DB_OK);
    file(f, sizeof f, "d3");
    assert_int_equal(sync_export(p, commune, SYNC_DOWN, f, &e), DB_OK);
    r = import_into(c, "d3");
    assert_int_equal(r.status, SYNC_APPLIED);
    assert_int_equal(r.conflicts, 1);
    assert_int_equal(c_ll("SELECT count(*) FROM campaign WHERE name = 'Đợt thi đua của tỉnh năm 2022' AND end_date = '2022-09-30'"), 1);
    assert_int_equal(c_ll("SELECT count(*) FROM sync_conflict WHERE tbl = 'campaign' AND kind = 'data' AND resolution = 'theirs' AND detail = 'name'"), 1);
    free(pu);
}

static void test_status(void **state)
{
    export_up(AN_HOA_THINH, "v1");
    assert_int_equal(import_into(p, "v1").status, SYNC_APPLIED);
    assert_int_equal(db_exec(p, "INSERT INTO unit(kind, parent_id, name, sort_key) SELECT 'commune', id, 'Xã Chưa Gửi', 'zz' FROM unit WHERE kind = 'province'"), DB_OK);
    sync_commune *v = NULL;
    int n = 0;
    double t0 = fx_now_ms();
    assert_int_equal(sync_commune_status(p, prov, &v, &n), DB_OK);
    printf("    status of %d communes: %.2f ms\n", n, fx_now_ms() - t0);
    assert_int_equal(n, 2);
    assert_string_equal(v[0].name, "An Hòa Thịnh");
    assert_int_equal(v[0].seq, 1);
    assert_int_equal((int)strlen(v[0].as_of), 10);
    assert_int_equal((int)strlen(v[0].received_at), 20);
    assert_string_equal(v[1].name, "Xã Chưa Gửi");
    assert_int_equal(v[1].seq, 0);
    assert_int_equal(v[1].days, -1);
    assert_int_equal(v[1].stale, 1);
    /* seen from two weeks after the file came: stale */
    char later[11];
    date_add(v[0].as_of, SYNC_STALE_DAYS + 1, later);
    int fresh = v[0].stale;
    free(v);
    assert_int_equal(fresh, 0);
    date_force_today(later);
    ntm_db *p2;
    assert_int_equal(db_open(&p2, ppath, 0, 5000, err, sizeof err), DB_OK);
    assert_int_equal(sync_commune_status(p2, prov, &v, &n), DB_OK);
    assert_int_equal(v[0].days, SYNC_STALE_DAYS + 1);
    assert_int_equal(v[0].stale, 1);
    free(v);
    db_close(p2);
}

static void test_other_copy(void **state)
{
    export_up(AN_HOA_THINH, "w1");
    assert_int_equal(import_into(p, "w1").status, SYNC_APPLIED);
    /* a copy of the commune's file on another PC, made a site of its own, exports too */
    assert_int_equal(db_exec(c, "UPDATE meta SET value = 'another' WHERE key = 'site'"), DB_OK);
    export_up(AN_HOA_THINH, "w2");
    sync_import_result r = import_into(p, "w2");
    assert_int_equal(r.status, SYNC_REFUSED);
    assert_non_null(strstr(r.message, "bản CSDL khác"));
    /* and the province's own export is not taken back into itself */
    int64_t commune = p_ll("SELECT id FROM unit WHERE kind = 'commune'");
    char f[160];
    sync_export_result e;
    file(f, sizeof f, "x1");
    assert_int_equal(sync_export(p, commune, SYNC_DOWN, f, &e), DB_OK);
    assert_int_equal(import_into(p, "x1").status, SYNC_REFUSED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_first_export, setup, teardown),
        cmocka_unit_test_setup_teardown(test_next_export, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unacknowledged, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_conflicts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_downward, setup, teardown),
        cmocka_unit_test_setup_teardown(test_status, setup, teardown),
        cmocka_unit_test_setup_teardown(test_other_copy, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
