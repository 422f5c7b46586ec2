/* Inspection tours on the demo database: order, editing, typed-back results, follow-ups. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "model/db.h"
#include "model/demo.h"
#include "model/task.h"
#include "model/tour.h"
#include "tests/unit/fixture.h"

static char dir[64], path[128], err[1024];
static ntm_db *db;
static int64_t tour;

static int setup(void **s)
{
    (void)s;
    if (fx_demo(dir, sizeof dir, "tour", path, sizeof path, "d.db", err, sizeof err)) return -1;
    if (db_open(&db, path, 0, 2000, err, sizeof err)) return -1;
    return fx_demo_tour(db, &tour, NULL);
}

static int teardown(void **s)
{
    (void)s;
    db_close(db);
    return fx_rmdir(dir);
}

static void test_demo_tour(void **s)
{
    (void)s;
    tour_full t;
    assert_int_equal(tour_load(db, tour, &t), DB_OK);
    assert_int_equal(t.n_stops, 12);
    assert_string_equal(t.stops[0].name, "Cầu tràn Kim Bình");
    assert_string_equal(t.stops[0].kind, "bridge");
    assert_string_equal(t.stops[11].name, "Đồng chè Đượng Dâu");
    for (int i = 0; i < t.n_stops; i++) {
        assert_int_equal(t.stops[i].seq, i + 1);
        assert_int_equal(t.stops[i].n_checks, 10);
        assert_int_equal(t.checks[t.stops[i].first_check].stop_id, t.stops[i].id);
    }
    assert_int_equal(t.n_checks, 120);
    assert_string_equal(t.t.commune, "Sơn Kim 2");
    assert_true(t.lead_person_id > 0);                      /* Cao Kỳ Vị leads it */
    assert_non_null(strstr(t.lead, "Cao Kỳ Vị"));
    tour_free(&t);
    tour_template *tp; int ntp;
    assert_int_equal(tour_templates(db, &tp, &ntp), DB_OK);
    assert_int_equal(ntp, 3);
    assert_string_equal(tp[0].code, "TOUR-10");
    assert_int_equal(tp[0].n_items, 10);
    free(tp);
    int64_t id;
    assert_int_equal(tour_find(db, "khong co tour nay", &id), DB_NOTFOUND);
    assert_non_null(strstr(db_errmsg(db), "Sơn Kim 2"));
}

static void test_edit_stops(void **s)
{
    (void)s;
    tour_fields f = { .commune_id = 0, .name = "Tour thử" };
    int64_t t2, a, b, c;
    assert_int_equal(tour_create(db, &f, &t2), DB_INVALID);           /* no commune */
    tour_full t;
    assert_int_equal(tour_load(db, tour, &t), DB_OK);
    f.commune_id = t.t.commune_id;
    tour_free(&t);
    f.date = "2021-02-31";
    assert_int_equal(tour_create(db, &f, &t2), DB_INVALID);           /* no such day */
    f.date = "2021-07-20";
    assert_int_equal(tour_create(db, &f, &t2), DB_OK);
    stop_fields sf = { .kind = "bridge", .name = "Cầu A" };
    assert_int_equal(tour_stop_add(db, t2, &sf, &a), DB_OK);
    sf.name = "Vườn B"; sf.kind = "garden";
    assert_int_equal(tour_stop_add(db, t2, &sf, &b), DB_OK);
    sf.name = "Đồng C"; sf.kind = "spaceport";
    assert_int_equal(tour_stop_add(db, t2, &sf, &c), DB_INVALID);
    sf.kind = "field";
    assert_int_equal(tour_stop_add(db, t2, &sf, &c), DB_OK);
    assert_int_equal(tour_stop_move(db, c, -1), DB_OK);             /* A C B */
    assert_int_equal(tour_stop_move(db, a, -1), DB_OK);             /* already first */
    int added = 0;
    assert_int_equal(tour_apply_template(db, t2, "3-SACH", &added), DB_OK);
    assert_int_equal(added, 9);
    assert_int_equal(tour_apply_template(db, t2, "3-SACH", &added), DB_OK);
    assert_int_equal(added, 0);                                      /* not twice */
    assert_int_equal(tour_apply_template(db, t2, "NOPE", &added), DB_NOTFOUND);
    assert_int_equal(tour_stop_remove(db, a), DB_OK);                /* C B, renumbered */
    assert_int_equal(tour_load(db, t2, &t), DB_OK);
    assert_int_equal(t.n_stops, 2);
    assert_string_equal(t.stops[0].name, "Đồng C");
    assert_int_equal(t.stops[0].seq, 1);
    assert_string_equal(t.stops[1].name, "Vườn B");
    assert_int_equal(t.stops[1].seq, 2);
    int64_t k;
    assert_int_equal(tour_check_add(db, t.stops[1].id, "Hố ủ rác", &k), DB_OK);
    int64_t first = t.checks[t.stops[1].first_check].id;
    tour_free(&t);
    assert_int_equal(tour_check_drop(db, first), DB_OK);
    assert_int_equal(tour_load(db, t2, &t), DB_OK);
    assert_int_equal(t.stops[1].n_checks, 3);
    assert_int_equal(t.checks[t.stops[1].first_check].seq, 1);
    assert_string_equal(t.checks[t.stops[1].first_check + 2].title, "Hố ủ rác");
    tour_free(&t);
    assert_int_equal(tour_delete(db, t2), DB_OK);
}

static void test_results_and_followup(void **s)
{
    (void)s;
    int n = 0;
    /* a bad line: nothing stored at all */
    assert_int_equal(tour_results_from_text(db, tour, "1.1 đ\n1.2 2 hàng rào chưa cắt tỉa\n99.1 2\n", &n), DB_NOTFOUND);
    assert_non_null(strstr(db_errmsg(db), "3"));
    assert_int_equal(n, 0);
    assert_int_equal(tour_results_from_text(db, tour, "1.1 q\n", &n), DB_INVALID);
    /* one meaning each (the sheet's boxes 1 Đạt, 2 Chưa đạt, 3 Không áp dụng; the screen's
     * keys 1 2 3 0): a bare tick says only that a box was ticked, so it is refused */
    static const char *const ticks[] = { "1.1 x", "1.1 X hàng rào", "1.1 v", "1.1 ✓", "1.1 +" };
    for (int i = 0; i < 5; i++) {
        assert_int_equal(tour_results_from_text(db, tour, ticks[i], &n), DB_INVALID);
        assert_non_null(strstr(db_errmsg(db), "số của ô"));
    }
    int64_t cid; char res; char note[200];
    static const struct { const char *line; char res; const char *note; } forms[] = {
        { "1.1 1", 'p', "" }, { "1.1 đạt tốt", 'p', "tốt" }, { "1.1 2 cỏ", 'f', "cỏ" }, { "1.1 chưa đạt cỏ dại", 'f', "cỏ dại" },
        { "1.1 c", 'f', "" }, { "1.1 3", 'n', "" }, { "1.1 không áp dụng chưa làm", 'n', "chưa làm" }, { "1.1 k", 'n', "" },
        { "1.1 0", 0, "" }, { "1.1 ?", 0, "" },
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        assert_int_equal(tour_parse_result_line(db, tour, forms[i].line, &cid, &res, note, sizeof note), DB_OK);
        assert_int_equal(res, forms[i].res);
        assert_string_equal(note, forms[i].note);
    }
    const char *sheet = "# tờ 1\n1.1 đ\n1.2 2 hàng rào chưa cắt tỉa\n3.5 2 2 hộ còn nhếch nhác\n12.10 3\n  \n3.6 1\n";
    assert_int_equal(tour_results_from_text(db, tour, sheet, &n), DB_OK);
    assert_int_equal(n, 5);
    tour_full t;
    assert_int_equal(tour_load(db, tour, &t), DB_OK);
    assert_int_equal(t.t.n_fail, 2);
    assert_int_equal(t.t.n_pass, 2);
    tour_check_row *k12 = &t.checks[1], *k35 = &t.checks[2 * 10 + 4];
    assert_int_equal(k12->result, 'f');
    assert_string_equal(k12->note, "hàng rào chưa cắt tỉa");
    assert_string_equal(k12->recorded_by, db_user(db));
    assert_int_equal(k35->stop_seq, 3);
    assert_int_equal(k35->seq, 5);
    assert_int_equal(k35->result, 'f');
    followup_fields f = { .owner_org_id = 0, .deadline = "2021-07-15" };
    int64_t task;
    assert_int_equal(tour_followup(db, k12->id, &f, &task), DB_INVALID);      /* no owner */
    f.owner_person_id = 1;
    assert_int_equal(tour_followup(db, t.checks[0].id, &f, &task), DB_INVALID); /* 1.1 passed */
    assert_int_equal(tour_followup(db, k12->id, &f, &task), DB_OK);
    assert_int_equal(tour_followup(db, k35->id, &f, &task), DB_OK);
    int64_t hamlet = t.stops[2].hamlet_id, commune = t.t.commune_id;
    tour_free(&t);
    task_detail d;
    assert_int_equal(task_get(db, task, &d), DB_OK);
    assert_non_null(strstr(d.title, "Mô hình chăn nuôi hươu"));
    assert_string_equal(d.description, "2 hộ còn nhếch nhác");
    assert_non_null(strstr(d.tour_stop, "3."));
    task_list l;
    task_filter tf = { .commune_id = commune, .hamlet_id = hamlet };
    assert_int_equal(task_list_load(db, &tf, &l), DB_OK);
    int seen = 0;
    for (int i = 0; i < l.n; i++) seen += l.v[i].id == task;
    assert_int_equal(seen, 1);
    task_list_free(&l);
    assert_int_equal(tour_load(db, tour, &t), DB_OK);
    assert_int_equal(t.t.n_followups_open, 2);
    assert_int_equal(t.checks[1].followup_task_id > 0, 1);
    assert_string_equal(t.checks[1].followup_deadline, "2021-07-15");
    tour_free(&t);
    /* a correction clears a result */
    assert_int_equal(tour_results_from_text(db, tour, "3.6 0\n", &n), DB_OK);
    assert_int_equal(tour_load(db, tour, &t), DB_OK);
    assert_int_equal(t.checks[25].result, 0);
    tour_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_demo_tour), cmocka_unit_test(test_edit_stops),
        cmocka_unit_test(test_results_and_followup),
    };
    return cmocka_run_group_tests_name("model_tour", tests, setup, teardown);
}
