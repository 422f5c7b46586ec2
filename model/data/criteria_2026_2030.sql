-- Demo data 2/4: the national commune criteria set 2026-2030, and the Hà Tĩnh sets the
-- seeds cite. Runs after criteria_2021_2025.sql.
--
-- Ids: criteria_set 2 (2026-2030), 3 and 4 (Hà Tĩnh); criterion id = 200 + number.

-- Source: DOMAIN.md ("The set in force today is the 2026-2030 one (QĐ 51/2025/QĐ-TTg of
-- 29/12/2025, in force 15/02/2026): 10 criteria with 47 indicators").
INSERT INTO criteria_set(id, code, name, level, year_from, year_to, decision, decision_date, issuer, in_force, note, criteria_count, indicator_count) VALUES
 (2, 'TW-2026-2030-XA',
  'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026 - 2030',
  'commune', 2026, 2030, '51/2025/QĐ-TTg', '2025-12-29', 'Thủ tướng Chính phủ', '2026-02-15',
  '10 tiêu chí, 47 chỉ tiêu; mức đạt theo nhóm xã: nhóm 1 (xã giáp đô thị hoặc tỷ trọng nông nghiệp dưới 10%), nhóm 2 (các xã còn lại), nhóm 3 (xã vùng đồng bào dân tộc thiểu số và miền núi khu vực II, III).', 10, 47);

INSERT INTO criterion(id, set_id, number, name) VALUES
 (201, 2,  1, 'Quy hoạch'),
 (202, 2,  2, 'Hạ tầng kinh tế - xã hội'),
 (203, 2,  3, 'Phát triển kinh tế nông thôn'),
 (204, 2,  4, 'Đào tạo nguồn nhân lực nông thôn'),
 (205, 2,  5, 'Văn hóa, giáo dục, y tế'),
 (206, 2,  6, 'Giảm nghèo và an sinh xã hội'),
 (207, 2,  7, 'Khoa học công nghệ và chuyển đổi số'),
 (208, 2,  8, 'Môi trường và cảnh quan nông thôn'),
 (209, 2,  9, 'Xây dựng hệ thống chính trị và hành chính công'),
 (210, 2, 10, 'Tiếp cận pháp luật và an ninh, quốc phòng');

-- The 47 indicators and their targets per commune group (indicator, indicator_target with
-- commune_group 1, 2, 3) are to be loaded from the decision's annex; none is typed here.
-- The public copies found (chinhphu.vn's full text; news reports in thoibaotaichinhvietnam.vn
-- and vneconomy.vn of 30/12/2025) give the 10 criteria, the count of 47 indicators and
-- the three commune groups, but not the annex's table (Phụ lục I). An office types it into
-- model/data/criteria_2026_2030.csv (the 10 criteria, an empty indicator row under each)
-- and loads it with `ntm import criteria`.

-- Hà Tĩnh's sets, cited by seed 002 (An Hòa Thịnh: "20/20 tiêu chí nông thôn mới (theo
-- Quyết định 05/QĐ-UBND)", "Quyết định 05/2017/QĐ-UBND ngày 07/02/2017") and seed 004
-- (Sơn Kim 2: "20 tiêu chí xã về đích NTM theo Quyết định 05/2017/QĐ-UBND, ngày 07/02/2017
-- và 07 tiêu chí xã nâng cao theo Quyết định số 29/2019/QĐ-UBND, ngày 22/05/2019 của UBND
-- tỉnh"). The seeds do not name their criteria, so these sets have no criterion rows.
-- year_to 2020 is the programme period they were issued for; the seeds show them still
-- applied in 2021, before QĐ 318/QĐ-TTg (2022). Set 4's title and its day in force
-- (Điều 3: "có hiệu lực kể từ ngày 02 tháng 6 năm 2019") are from the decision's text as
-- published (thb-consulting.com/d/quyet-dinh-29-2019-qd-ubnd-2yd8d.html); its annex (the
-- 7 criteria) was not in the public copy found. criteria_count (migration 006): the
-- count the decision declares, so the label says "20 tiêu chí" before any is entered.
-- The criteria can be loaded with `ntm import criteria` from model/data/criteria_ha_tinh.csv
-- once an office has typed them in from the decisions' annexes.
INSERT INTO criteria_set(id, code, name, level, year_from, year_to, scope, decision, decision_date, issuer, in_force, note, criteria_count) VALUES
 (3, 'HT-2017-XA',
  'Bộ tiêu chí xã nông thôn mới tỉnh Hà Tĩnh',
  'commune', 2017, 2020, 'provincial', '05/2017/QĐ-UBND', '2017-02-07', 'UBND tỉnh Hà Tĩnh', NULL,
  '20 tiêu chí xã. Tên các tiêu chí chưa nhập (tài liệu nguồn không liệt kê).', 20),
 (4, 'HT-2019-NC',
  'Bộ tiêu chí xã đạt chuẩn nông thôn mới nâng cao thực hiện trên địa bàn tỉnh Hà Tĩnh, giai đoạn 2019 - 2020',
  'commune_advanced', 2019, 2020, 'provincial', '29/2019/QĐ-UBND', '2019-05-22', 'UBND tỉnh Hà Tĩnh', '2019-06-02',
  '07 tiêu chí xã nâng cao. Tên các tiêu chí chưa nhập (tài liệu nguồn không liệt kê).', 7);

-- Not loaded: the hamlet set of seed 003 (Cẩm Long, Thanh Hóa: "Bộ tiêu chí thôn, bản đạt
-- chuẩn Nông thôn mới", 14 hamlet criteria). The seed gives neither its deciding document
-- nor its date, and criteria_set.decision is NOT NULL; thôn Long Tiến's status row in
-- demo.sql carries the "14 tiêu chí" in its note instead.
