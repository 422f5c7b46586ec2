-- A week at the commune of tests/sync_gen.sql (@i, week @w): the hamlets' weekly reports
-- on a fifth of the open tasks, the tasks that reached their target closed, three new
-- tasks, a cancelled one deleted, two criteria that changed state, a tour check passed on
-- a second visit, a household surveyed, a hamlet's note. Then `ntm reindex`.
INSERT INTO progress(task_id, report_date, qty, note, reporter, entered_by)
  SELECT id, date('2026-03-02', '+' || (7 * @w) || ' days'), round(coalesce(target_qty, 3) / 5, 1), 'báo cáo tuần ' || @w,
         'Trưởng thôn', 'gen'
  FROM task WHERE status = 'open' AND (id + @w + @i) % 5 = 0;
UPDATE task SET status = 'done', version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  WHERE status = 'open' AND target_qty > 0 AND done_qty >= target_qty;
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 3)
INSERT INTO task(commune_id, hamlet_id, title, target_qty, qty_unit, deadline, owner_org_id)
  SELECT h.parent_id, h.id, 'Khắc phục sau kiểm tra tuần ' || @w || ', việc ' || k, k * 2, 'hộ', date('2026-03-09', '+' || (7 * @w + 10) || ' days'),
         (SELECT min(id) FROM org WHERE unit_id = h.parent_id)
  FROM n, (SELECT id, parent_id FROM unit WHERE kind = 'hamlet' ORDER BY id LIMIT 1 OFFSET (@w * 3 + @i) % 20) h;
DELETE FROM progress WHERE task_id = (SELECT max(id) FROM task WHERE status = 'cancelled');
DELETE FROM task WHERE id = (SELECT max(id) FROM task WHERE status = 'cancelled');
UPDATE unit_criterion SET status = CASE status WHEN 'met' THEN 'at_risk' ELSE 'met' END, version = version + 1,
       updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  WHERE criterion_id IN (SELECT id FROM criterion WHERE number IN (1 + (@w + @i) % 19, 1 + (@w * 3 + @i + 5) % 19));
UPDATE tour_check SET result = 'pass', note = 'Đạt khi kiểm tra lại tuần ' || @w, version = version + 1
  WHERE id = (SELECT min(id) FROM tour_check WHERE result = 'fail');
UPDATE household SET septic_toilet = 1, version = version + 1 WHERE id = (SELECT min(id) FROM household WHERE septic_toilet IS NULL);
UPDATE unit SET note = 'Đã báo cáo tuần ' || @w, version = version + 1
  WHERE id = (SELECT id FROM unit WHERE kind = 'hamlet' ORDER BY id LIMIT 1 OFFSET (@w + @i) % 20);
