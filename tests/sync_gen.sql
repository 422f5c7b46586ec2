-- One commune's own file for the roll-up test (tests/rollup.sh): a commune of the bench's
-- kind but small, 20 hamlets and 300 tasks, with organisations, people, a campaign,
-- progress reports, the 19 criteria of the national set with their states, households
-- and an inspection tour. Load into a file made by
--   ntm --db FILE sync init --province "Tỉnh Thử Nghiệm"
-- with the commune's number set first (sqlite3 FILE ".parameter set @i 7" ".read tests/sync_gen.sql"),
-- then `ntm reindex`. The numbers vary with @i so no two communes are alike.
INSERT INTO unit(kind, parent_id, name, district, commune_group, population, households)
  SELECT 'commune', id, 'Xã Số ' || @i, 'Khu vực ' || (1 + @i % 12), 1 + @i % 3, 4000 + 37 * @i, 900 + 11 * @i
  FROM unit WHERE kind = 'province';
CREATE TEMP TABLE c AS SELECT id FROM unit WHERE kind = 'commune';

-- The national set as the templates give it: the same rows in every commune's file.
INSERT INTO criteria_set(code, name, level, year_from, year_to, decision, decision_date, issuer, criteria_count) VALUES
  ('TW-2021-2025-XA', 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021 - 2025', 'commune', 2021, 2025,
   '318/QĐ-TTg', '2022-03-08', 'Thủ tướng Chính phủ', 19);
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 19)
INSERT INTO criterion(set_id, number, name) SELECT (SELECT id FROM criteria_set WHERE code = 'TW-2021-2025-XA'), k, 'Tiêu chí số ' || k FROM n;
UPDATE unit SET criteria_set_id = (SELECT id FROM criteria_set WHERE code = 'TW-2021-2025-XA') WHERE id = (SELECT id FROM c);

WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 20)
INSERT INTO unit(kind, parent_id, name, population, households)
  SELECT 'hamlet', (SELECT id FROM c), 'Thôn ' || k || CASE k % 4 WHEN 0 THEN ' Đông' WHEN 1 THEN ' Tây' WHEN 2 THEN ' Nam' ELSE ' Bắc' END,
         180 + (k * 13 + @i) % 90, 45 + (k * 7 + @i) % 30 FROM n;

INSERT INTO org(unit_id, name, short_name, kind) SELECT (SELECT id FROM c), v.column1, v.column2, v.column3 FROM (VALUES
  ('Đảng ủy xã', 'ĐU', 'party'), ('Ủy ban nhân dân xã', 'UBND', 'government'), ('Ủy ban MTTQ xã', 'MTTQ', 'front'),
  ('Hội Liên hiệp Phụ nữ xã', 'HPN', 'union'), ('Hội Nông dân xã', 'HND', 'union'), ('Đoàn Thanh niên xã', 'ĐTN', 'union')) v;
INSERT INTO person(unit_id, full_name, position, org_id)
  SELECT (SELECT id FROM c), v.column1, v.column2, (SELECT id FROM org WHERE short_name = v.column3) FROM (VALUES
  ('Nguyễn Văn An', 'Chủ tịch UBND xã', 'UBND'), ('Trần Thị Bình', 'Chủ tịch Hội Phụ nữ', 'HPN'),
  ('Lê Văn Cường', 'Cán bộ chuyên trách NTM', 'UBND'), ('Phạm Thị Dung', 'Bí thư Đoàn', 'ĐTN'),
  ('Hoàng Văn Em', 'Chủ tịch Hội Nông dân', 'HND')) v;

INSERT INTO campaign(unit_id, name, doc_number, issuer, issue_date, start_date, end_date)
  VALUES ((SELECT id FROM c), 'Đợt cao điểm ra quân xây dựng nông thôn mới năm 2026', @i || '-KH/BCĐ', 'Ban chỉ đạo xã',
          '2026-02-20', '2026-03-01', '2026-05-31');

-- 300 tasks, 15 a hamlet, owned by the organisations in turn.
CREATE TEMP TABLE o AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS r FROM org;
WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < 299)
INSERT INTO task(commune_id, hamlet_id, title, target_qty, qty_unit, start_date, deadline, status, owner_org_id, campaign_id, criterion_id)
  SELECT (SELECT id FROM c), (SELECT id FROM unit WHERE parent_id = (SELECT id FROM c) AND name LIKE 'Thôn ' || (1 + k / 15) || ' %'),
         CASE k % 5 WHEN 0 THEN 'Trồng hàng rào xanh' WHEN 1 THEN 'Xây hệ thống xử lý nước thải hộ gia đình'
              WHEN 2 THEN 'Cải tạo vườn mẫu' WHEN 3 THEN 'Bê tông hóa đường thôn' ELSE 'Dọn vệ sinh đường làng' END || ', đợt ' || (k + 1),
         CASE WHEN k % 11 = 0 THEN NULL ELSE 1 + (k * 7 + @i) % 40 END,
         CASE k % 5 WHEN 0 THEN 'km' WHEN 1 THEN 'hệ thống' WHEN 2 THEN 'vườn' WHEN 3 THEN 'm' ELSE 'lần' END,
         '2026-03-01', date('2026-02-01', '+' || ((k * 13 + @i * 7) % 200) || ' days'),
         CASE WHEN (k + @i) % 6 = 0 THEN 'done' WHEN (k + @i) % 29 = 0 THEN 'cancelled' ELSE 'open' END,
         (SELECT id FROM o WHERE r = k % 6),
         (SELECT id FROM campaign), (SELECT id FROM criterion WHERE number = 1 + k % 19)
  FROM n;

-- Two reports on every third open task with a target (a third of it each time).
INSERT INTO progress(task_id, report_date, qty, note, reporter, entered_by)
  SELECT id, date(deadline, '-20 days'), round(target_qty / 3, 1), 'báo cáo tuần', 'Trưởng thôn', 'gen'
  FROM task WHERE status = 'open' AND target_qty IS NOT NULL AND id % 3 = 0;
INSERT INTO progress(task_id, report_date, qty, note, reporter, entered_by)
  SELECT id, date(deadline, '-6 days'), round(target_qty / 3, 1), 'báo cáo tuần', 'Trưởng thôn', 'gen'
  FROM task WHERE status = 'open' AND target_qty IS NOT NULL AND id % 3 = 0;

INSERT INTO unit_criterion(unit_id, criterion_id, status, dossier, owner_org_id, status_date)
  SELECT (SELECT id FROM c), id, CASE WHEN (number + @i) % 3 = 0 THEN 'not_met' WHEN (number + @i) % 7 = 0 THEN 'at_risk' ELSE 'met' END,
         CASE WHEN number % 2 = 0 THEN 'complete' ELSE 'in_progress' END, (SELECT id FROM org WHERE short_name = 'UBND'), '2026-01-15'
  FROM criterion;

-- Five households a hamlet, some surveyed.
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 5)
INSERT INTO household(hamlet_id, head_name, address, model_garden, three_clean, septic_toilet)
  SELECT h.id, CASE n.k WHEN 1 THEN 'Nguyễn Văn Hùng' WHEN 2 THEN 'Trần Thị Lan' WHEN 3 THEN 'Lê Văn Minh' WHEN 4 THEN 'Phạm Văn Nam'
         ELSE 'Đặng Thị Oanh' END, 'Xóm ' || n.k, (h.id + n.k) % 2, (h.id + n.k + @i) % 3 = 0, NULL
  FROM unit h, n WHERE h.parent_id = (SELECT id FROM c);

-- An inspection tour: three stops, two checks each, two members.
INSERT INTO tour(unit_id, name, tour_date, lead_person_id, purpose, campaign_id)
  VALUES ((SELECT id FROM c), 'Kiểm tra tour tuyến tháng 3', '2026-03-20', (SELECT id FROM person WHERE full_name = 'Nguyễn Văn An'),
          'Kiểm tra kết quả ra quân', (SELECT id FROM campaign));
INSERT INTO tour_member(tour_id, person_id, role) SELECT (SELECT id FROM tour), id, 'thành viên' FROM person WHERE full_name IN ('Trần Thị Bình', 'Lê Văn Cường');
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 3)
INSERT INTO tour_stop(tour_id, seq, kind, hamlet_id, name)
  SELECT (SELECT id FROM tour), k, 'garden', (SELECT id FROM unit WHERE parent_id = (SELECT id FROM c) AND name LIKE 'Thôn ' || k || ' %'),
         'Vườn mẫu thôn ' || k FROM n;
INSERT INTO tour_check(stop_id, seq, title, result)
  SELECT s.id, v.column1, v.column2, CASE WHEN (s.seq + v.column1 + @i) % 3 = 0 THEN 'fail' ELSE 'pass' END
  FROM tour_stop s, (VALUES (1, 'Hàng rào xanh'), (2, 'Nhà sạch, vườn sạch, ngõ sạch')) v;
DROP TABLE c;
DROP TABLE o;
