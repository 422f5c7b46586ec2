#!/usr/bin/env python3
"""rollup_check: a province file against the commune files rolled up into it
(tests/rollup.sh). For each commune: its own figures, read from its own file, and the
province's figures for it, read from the province file by the commune's uuid, must be
equal, exactly (counts as integers, sums of quantities and progress with math.fsum, so
the order the rows were stored in does not matter); the province's totals must be the
sums of the communes'. The province must hold those communes and no other, one copy of
the criteria set they share, and no conflicts.

usage: rollup_check.py TODAY PROVINCE.db COMMUNE.db...
"""
import math
import sqlite3
import sys

PROGRESS = ("CASE WHEN t.status = 'done' THEN 1.0 WHEN t.target_qty > 0 THEN min(t.done_qty / t.target_qty, 1.0) "
            "ELSE 0 END")


def figures(db, commune_uuid, today):
    """The numbers a dashboard and the papers show for one commune, from the rows."""
    c = db.execute("SELECT id FROM unit WHERE uuid = ? AND kind = 'commune'", (commune_uuid,)).fetchone()
    if not c:
        return None
    cid = c[0]
    units = "(SELECT id FROM unit WHERE id = :c OR parent_id = :c)"
    one = lambda sql: db.execute(sql, {"c": cid, "d": today}).fetchone()[0]
    rows = lambda sql: [r[0] for r in db.execute(sql, {"c": cid, "d": today})]
    f = {}
    for st in ("open", "done", "cancelled"):
        f["tasks " + st] = one("SELECT count(*) FROM task WHERE commune_id = :c AND status = '%s'" % st)
    f["overdue"] = one("SELECT count(*) FROM task WHERE commune_id = :c AND status = 'open' AND deadline < :d")
    f["progress sum"] = math.fsum(rows("SELECT %s FROM task t WHERE t.commune_id = :c AND t.status <> 'cancelled'" % PROGRESS))
    f["done qty"] = math.fsum(rows("SELECT done_qty FROM task WHERE commune_id = :c"))
    f["reports"] = one("SELECT count(*) FROM progress WHERE task_id IN (SELECT id FROM task WHERE commune_id = :c)")
    f["reported qty"] = math.fsum(rows("SELECT qty FROM progress WHERE task_id IN (SELECT id FROM task WHERE commune_id = :c)"))
    f["criteria met"] = one("SELECT count(*) FROM unit_criterion WHERE status = 'met' AND unit_id IN " + units)
    f["criteria at risk"] = one("SELECT count(*) FROM unit_criterion WHERE status = 'at_risk' AND unit_id IN " + units)
    for res in ("pass", "fail"):
        f["checks " + res] = one("SELECT count(*) FROM tour_check WHERE result = '%s' AND stop_id IN (SELECT s.id FROM tour_stop s "
                                 "JOIN tour t ON t.id = s.tour_id WHERE t.unit_id IN %s)" % (res, units))
    f["hamlets"] = one("SELECT count(*) FROM unit WHERE parent_id = :c AND kind = 'hamlet'")
    f["households"] = one("SELECT count(*) FROM household WHERE hamlet_id IN " + units)
    f["septic toilets"] = one("SELECT count(*) FROM household WHERE septic_toilet = 1 AND hamlet_id IN " + units)
    f["people"] = one("SELECT count(*) FROM person WHERE unit_id IN " + units)
    f["tour members"] = one("SELECT count(*) FROM tour_member WHERE tour_id IN (SELECT id FROM tour WHERE unit_id IN %s)" % units)
    # The running totals the dashboard reads (task_tally): each group's value, by hamlet uuid.
    f["tally"] = sorted(db.execute(
        "SELECT coalesce((SELECT uuid FROM unit WHERE id = g.hamlet_id), ''), g.status, g.n, g.progress + g.progress_lo "
        "FROM task_tally g WHERE g.commune_id = :c", {"c": cid}).fetchall())
    f["open by month"] = sorted(db.execute("SELECT month, n FROM task_open_month WHERE commune_id = :c", {"c": cid}).fetchall())
    return f


def main():
    today, prov_path, communes = sys.argv[1], sys.argv[2], sys.argv[3:]
    prov = sqlite3.connect(prov_path)
    bad = 0
    totals = {}
    uuids = []
    for path in communes:
        db = sqlite3.connect(path)
        (uuid,) = db.execute("SELECT uuid FROM unit WHERE kind = 'commune'").fetchone()
        uuids.append(uuid)
        own, there = figures(db, uuid, today), figures(prov, uuid, today)
        if there is None:
            print("FAIL: %s: commune %s is not in the province file" % (path, uuid))
            bad += 1
            continue
        for k in own:
            if own[k] != there[k]:
                a, b = own[k], there[k]
                if isinstance(a, list):         # the first rows that differ, not all of them
                    a, b = sorted(set(a) - set(b))[:2], sorted(set(b) - set(a))[:2]
                print("FAIL: %s: %s: the commune has %r, the province %r" % (path, k, a, b))
                bad += 1
            if k != "tally" and k != "open by month":
                totals.setdefault(k, []).append(own[k])
        db.close()
    (prov_id,) = prov.execute("SELECT id FROM unit WHERE kind = 'province'").fetchone()
    held = sorted(r[0] for r in prov.execute("SELECT uuid FROM unit WHERE kind = 'commune' AND parent_id = ?", (prov_id,)))
    if held != sorted(uuids):
        print("FAIL: the province holds %d communes, expected %d" % (len(held), len(uuids)))
        bad += 1
    # The province's totals (over its communes) against the sum of the communes' own.
    ptot = {k: 0 for k in totals}
    psums = {k: [] for k in totals}
    for u in held:
        f = figures(prov, u, today)
        for k in totals:
            psums[k].append(f[k])
    for k in totals:
        mine = math.fsum(totals[k]) if isinstance(totals[k][0], float) else sum(totals[k])
        ptot[k] = math.fsum(psums[k]) if psums[k] and isinstance(psums[k][0], float) else sum(psums[k])
        if mine != ptot[k]:
            print("FAIL: province total %s: %r, the communes' sum %r" % (k, ptot[k], mine))
            bad += 1
    sets = prov.execute("SELECT count(*) FROM criteria_set WHERE code = 'TW-2021-2025-XA'").fetchone()[0]
    crit = prov.execute("SELECT count(*) FROM criterion").fetchone()[0]
    if sets != 1 or crit != 19:
        print("FAIL: the province has %d copies of the shared set and %d criteria (1 and 19 expected)" % (sets, crit))
        bad += 1
    conflicts = prov.execute("SELECT count(*) FROM sync_conflict").fetchone()[0]
    if conflicts:
        print("FAIL: %d conflicts logged" % conflicts)
        bad += 1
    print("province: %d communes, %d tasks open, %d done, %d overdue, progress %.1f%%, %d criteria met, %d checks failed"
          % (len(held), ptot.get("tasks open", 0), ptot.get("tasks done", 0), ptot.get("overdue", 0),
             100 * ptot.get("progress sum", 0) / max(1, ptot.get("tasks open", 0) + ptot.get("tasks done", 0)),
             ptot.get("criteria met", 0), ptot.get("checks fail", 0)))
    sys.exit(1 if bad else 0)


main()
