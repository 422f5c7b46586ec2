-- Province-scale data for `make bench`: 1 province, 100 communes, 10 hamlets each,
-- 150,000 tasks (150 per hamlet), 2 progress reports on every third task.
-- Load into a fresh ntm database (made by `ntm demo`), then `ntm reindex`.
INSERT INTO unit(id, kind, parent_id, name) VALUES (100000, 'province', NULL, 'Tỉnh Thử Nghiệm');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
INSERT INTO unit(id, kind, parent_id, name) SELECT 100000 + i, 'commune', 100000, 'Xã Số ' || i FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999)
INSERT INTO unit(id, kind, parent_id, name)
  SELECT 200000 + i, 'hamlet', 100001 + i / 10, 'Thôn Đường Số ' || (i % 10 + 1) FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 149999)
INSERT INTO task(id, commune_id, hamlet_id, title, target_qty, qty_unit, deadline, status)
  SELECT 1000000 + i, 100001 + i / 1500, 200000 + i / 150,
         'Trồng hàng rào xanh và xây hệ thống xử lý nước thải, đợt ' || i,
         1 + i % 40, CASE i % 3 WHEN 0 THEN 'km' WHEN 1 THEN 'hệ thống' ELSE 'vườn' END,
         date('2022-01-01', '+' || (i % 365) || ' days'),
         CASE WHEN i % 5 = 0 THEN 'done' ELSE 'open' END
  FROM n;
INSERT INTO progress(task_id, report_date, qty, note, entered_by)
  SELECT id, date(deadline, '-7 days'), target_qty / 3, 'tuần', 'bench' FROM task WHERE id >= 1000000 AND id % 3 = 0;
INSERT INTO progress(task_id, report_date, qty, note, entered_by)
  SELECT id, date(deadline, '-1 days'), target_qty / 3, 'tuần', 'bench' FROM task WHERE id >= 1000000 AND id % 3 = 0;
