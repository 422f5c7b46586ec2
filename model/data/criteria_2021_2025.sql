-- Demo data 1/4: the national commune criteria set 2021-2025.
-- Source: DOMAIN.md ("The national commune set for 2021-2025 (QĐ 318/QĐ-TTg) has 19");
-- decision of 08/3/2022, signed for the Prime Minister, in force from the day it was signed.
-- Runs after model/sql/*.sql, in the loader's transaction, with foreign_keys=ON.
--
-- Ids: criteria_set 1; criterion id = 100 + number (101..119), so the demo's tasks can
-- say "criterion_id = 117 -- Môi trường" and be read without a lookup.

INSERT INTO criteria_set(id, code, name, level, year_from, year_to, decision, decision_date, issuer, in_force, note, criteria_count) VALUES
 (1, 'TW-2021-2025-XA',
  'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021 - 2025',
  'commune', 2021, 2025, '318/QĐ-TTg', '2022-03-08', 'Thủ tướng Chính phủ', '2022-03-08',
  '19 tiêu chí, 5 nhóm nội dung. Mức đạt của nhiều chỉ tiêu quy định theo vùng (Trung du miền núi phía Bắc, Đồng bằng sông Hồng, Bắc Trung Bộ...), không theo nhóm xã.', 19);

INSERT INTO criterion(id, set_id, number, name) VALUES
 (101, 1,  1, 'Quy hoạch'),
 (102, 1,  2, 'Giao thông'),
 (103, 1,  3, 'Thủy lợi và phòng, chống thiên tai'),
 (104, 1,  4, 'Điện'),
 (105, 1,  5, 'Trường học'),
 (106, 1,  6, 'Cơ sở vật chất văn hóa'),
 (107, 1,  7, 'Cơ sở hạ tầng thương mại nông thôn'),
 (108, 1,  8, 'Thông tin và Truyền thông'),
 (109, 1,  9, 'Nhà ở dân cư'),
 (110, 1, 10, 'Thu nhập'),
 (111, 1, 11, 'Nghèo đa chiều'),
 (112, 1, 12, 'Lao động'),
 (113, 1, 13, 'Tổ chức sản xuất và phát triển kinh tế nông thôn'),
 (114, 1, 14, 'Giáo dục và Đào tạo'),
 (115, 1, 15, 'Y tế'),
 (116, 1, 16, 'Văn hóa'),
 (117, 1, 17, 'Môi trường và an toàn thực phẩm'),
 (118, 1, 18, 'Hệ thống chính trị và tiếp cận pháp luật'),
 (119, 1, 19, 'Quốc phòng và An ninh');

-- Indicators: only those of criterion 1 (Quy hoạch), whose wording and target ("Đạt",
-- the same in every region) are certain. The other indicators of QĐ 318 (2.1-2.4,
-- 17.1-17.x ...) carry regional targets and are to be loaded from the decision's annex,
-- not typed from memory here.
INSERT INTO indicator(id, criterion_id, code, name, measure) VALUES
 (1011, 101, '1.1', 'Có quy hoạch chung xây dựng xã được phê duyệt và được công bố công khai đúng thời hạn', NULL),
 (1012, 101, '1.2', 'Ban hành quy định quản lý quy hoạch chung xây dựng xã và tổ chức thực hiện theo quy hoạch', NULL);

-- commune_group NULL: the same target for every group.
INSERT INTO indicator_target(id, indicator_id, commune_group, target) VALUES
 (1, 1011, NULL, 'Đạt'),
 (2, 1012, NULL, 'Đạt');
