/* bench_model: what the first screens cost at province scale (see tests/bench.sh).
 * Prints milliseconds per step and the peak resident memory. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include "model/dashboard.h"
#include "model/period_report.h"
#include "model/db.h"
#include "model/task.h"
#include "model/unit.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: bench_model FILE.db\n"); return 2; }
    char err[1024];
    ntm_db *db;
    double t0 = now_ms();
    if (db_open(&db, argv[1], 0, 5000, err, sizeof err)) { fprintf(stderr, "%s\n", err); return 1; }
    double t1 = now_ms();
    unit_list prov, communes, hamlets;
    unit_children(db, 0, &prov);
    int64_t big = 0;
    for (int i = 0; i < prov.n; i++) if (prov.v[i].n_children >= 100) big = prov.v[i].id;
    if (!big) { fprintf(stderr, "no province with 100 communes: run tests/bench.sh\n"); return 1; }
    unit_counts c;
    double t2 = now_ms();
    unit_children(db, big, &communes);
    for (int i = 0; i < communes.n && i < 20; i++) unit_count_tasks(db, &communes.v[i], &c);   /* one screen */
    double t3 = now_ms();
    unit_children(db, communes.v[0].id, &hamlets);
    for (int i = 0; i < hamlets.n && i < 20; i++) unit_count_tasks(db, &hamlets.v[i], &c);
    double t4 = now_ms();
    task_list l;
    task_filter f = { .commune_id = communes.v[0].id, .hamlet_id = hamlets.v[0].id };
    task_list_load(db, &f, &l);
    int nh = l.n;
    task_list_free(&l);
    double t5 = now_ms();
    f.hamlet_id = 0;
    task_list_load(db, &f, &l);
    int nc = l.n;
    double t6 = now_ms();
    unit_row pr = prov.v[0];
    for (int i = 0; i < prov.n; i++) if (prov.v[i].id == big) pr = prov.v[i];
    unit_count_tasks(db, &pr, &c);
    double t7 = now_ms();
    dashboard d;
    dashboard_load(db, big, 30, &d);            /* the province dashboard, as the TUI asks it */
    double t8 = now_ms();
    /* the numbers of the weekly reports (model only; tests/bench.sh times the whole paper) */
    period_report pw, pp, pc;
    double t9 = now_ms();
    period_report_load(db, communes.v[0].id, "2022-06-20", "2022-06-26", 100, &pw);
    double t10 = now_ms();
    period_report_load(db, big, "2022-06-20", "2022-06-26", 0, &pp);
    double t11 = now_ms();
    period_report_load(db, big, "2022-03-07", "2022-03-13", 0, &pc);
    double t12 = now_ms();
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("open database            %7.2f ms\n", t1 - t0);
    printf("communes screen (20 rows) %6.2f ms  (%d communes)\n", t3 - t2, communes.n);
    printf("hamlets screen            %6.2f ms  (%d hamlets)\n", t4 - t3, hamlets.n);
    printf("hamlet task list          %6.2f ms  (%d tasks)\n", t5 - t4, nh);
    printf("commune task list         %6.2f ms  (%d tasks)\n", t6 - t5, nc);
    printf("province totals           %6.2f ms  (%d tasks)\n", t7 - t6, c.total);
    printf("province dashboard        %6.2f ms  (%d tasks, %d overdue)\n", t8 - t7, d.counts.total, d.counts.overdue);
    printf("commune weekly numbers    %6.2f ms  (%d tasks, %d overdue)\n", t10 - t9, pw.total.total, pw.total.overdue);
    printf("province weekly numbers   %6.2f ms  (%d communes, %d reports in the week)\n", t11 - t10, pp.n_units, pp.total.reports);
    printf("province, a past week     %6.2f ms  (week 10: rebuilt from the reports after it)\n", t12 - t11);
    printf("peak memory (RSS)         %6ld KB\n", ru.ru_maxrss);
    period_report_free(&pw); period_report_free(&pp); period_report_free(&pc);
    dashboard_free(&d);
    task_list_free(&l);
    unit_list_free(&prov); unit_list_free(&communes); unit_list_free(&hamlets);
    db_close(db);
    return 0;
}
