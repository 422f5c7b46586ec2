-- Demo data 4/4: units, statuses, organisations, people, campaigns, tasks, progress,
-- households and the Sơn Kim 2 inspection tour. Runs last, after the criteria and
-- checklist files, in the loader's transaction with foreign_keys=ON.
--
-- Every name, number and date comes from the five seed documents (/work/shared/seeds):
--   seed 000  Sơn Tiến      CV/BCĐ of 23/02/2022, peak month 01/3-31/3/2022
--   seed 001  Cẩm Hà        14-KH/BCĐ of 15/02/2022, 16/2-30/12/2022
--   seed 002  An Hòa Thịnh  2021 push 03/3-03/6/2021
--   seed 003  Cẩm Long      /TB-UBND of 12/01/2022
--   seed 004  Sơn Kim 2     49-CV/ĐU of 21/06/2021, the inspection tour
-- Progress reports are demo data: realistic, dated no later than the demo's "as of" date.
--
-- Id scheme, so cross references read without a lookup:
--   unit      1, 2 provinces; 10, 20, 30, 40, 50 communes (in seed order);
--             hamlets 1xx Sơn Tiến, 2xx Cẩm Hà, 3xx An Hòa Thịnh, 4xx Cẩm Long, 5xx Sơn Kim 2
--   org       the same hundreds per commune; the last two digits say which body:
--             01 Đảng ủy, 02 UBND, 03 MTTQ, 04 BCĐ, 05 Hội Phụ nữ, 06 Hội Nông dân,
--             07 Hội Cựu chiến binh, 08 Đoàn Thanh niên, 09 Công an, 10 Quân sự,
--             11 Công đoàn, 12.. others
--   task      the same hundreds per commune
--   criterion 1xx = national set 2021-2025, criterion number + 100 (criteria_2021_2025.sql)
-- uuid, name_key, sort_key and title_key are left to their defaults: the C loader fills
-- the keys (model_refold) after this file.

INSERT INTO meta(key, value) VALUES
 ('as_of', '2022-06-20'),   -- the demo's "today": deadlines and overdue are judged on it
 ('demo',  '1');

-- ---------------------------------------------------------------------------------------
-- Units. Districts are labels only (two-tier local government since 2025).
-- Hà Tĩnh: Sơn Tiến, An Hòa Thịnh, Sơn Kim 2 (Hương Sơn), Cẩm Hà (Cẩm Xuyên).
-- Thanh Hóa: Cẩm Long (Cẩm Thủy).
-- criteria_set_id 1 = national commune set 2021-2025; commune_group 3 for the mountain
-- commune Sơn Kim 2, 2 for the others.
INSERT INTO unit(id, kind, parent_id, name, district, commune_group, criteria_set_id, note) VALUES
 (1,  'province', NULL, 'Hà Tĩnh',   NULL, NULL, NULL, NULL),
 (2,  'province', NULL, 'Thanh Hóa', NULL, NULL, NULL, NULL),
 (10, 'commune', 1, 'Sơn Tiến',     'Hương Sơn', 2, 1,
      'Seed 000: 13 thôn; đạt chuẩn NTM năm 2020; 5 thôn đạt chuẩn KDC NTM kiểu mẫu.'),
 (20, 'commune', 1, 'Cẩm Hà',       'Cẩm Xuyên', 2, 1,
      'Seed 001: đạt chuẩn NTM năm 2019.'),
 (30, 'commune', 1, 'An Hòa Thịnh', 'Hương Sơn', 2, 1,
      'Seed 002: 19 thôn (19/19 thôn); 11 thôn có tên trong tài liệu, 8 thôn còn lại chưa nhập.'),
 (40, 'commune', 2, 'Cẩm Long',     'Cẩm Thủy',  2, 1,
      'Seed 003: 06 thôn; chỉ thôn Long Tiến có tên trong tài liệu, 5 thôn còn lại chưa nhập.'),
 (50, 'commune', 1, 'Sơn Kim 2',    'Hương Sơn', 3, 1,
      'Seed 004: 8 thôn, 13 chi bộ. Năm 2021 phấn đấu về đích 20 tiêu chí xã NTM (QĐ 05/2017/QĐ-UBND) và 07 tiêu chí xã nâng cao (QĐ 29/2019/QĐ-UBND).');

-- Seed 000: Sơn Tiến's 13 hamlets, in the seed's three groups.
INSERT INTO unit(id, kind, parent_id, name) VALUES
 (101, 'hamlet', 10, 'Vực Rồng'),      -- building a model area in 2022
 (102, 'hamlet', 10, 'Côn Sơn'),
 (103, 'hamlet', 10, 'Thịnh Tiến'),
 (104, 'hamlet', 10, 'Thiên Nhẫn'),    -- model area met, keep it
 (105, 'hamlet', 10, 'Tân Tiến'),
 (106, 'hamlet', 10, 'Trung Tiến'),
 (107, 'hamlet', 10, 'Hùng Tiến'),
 (108, 'hamlet', 10, 'Ao Tròn'),
 (109, 'hamlet', 10, 'Hùng Sơn'),      -- prepare for next year
 (110, 'hamlet', 10, 'Động Eo'),
 (111, 'hamlet', 10, 'Ngọc Sơn'),
 (112, 'hamlet', 10, 'Lệ Định'),
 (113, 'hamlet', 10, 'Hòa Tiến');

-- Seed 001: Cẩm Hà's 4 named hamlets.
INSERT INTO unit(id, kind, parent_id, name) VALUES
 (201, 'hamlet', 20, 'Tiến Thắng'),
 (202, 'hamlet', 20, 'Thành Xuân'),
 (203, 'hamlet', 20, 'Xuân Hạ'),
 (204, 'hamlet', 20, 'Nguyễn Đối');

-- Seed 002: An Hòa Thịnh's 11 named hamlets (of 19).
INSERT INTO unit(id, kind, parent_id, name) VALUES
 (301, 'hamlet', 30, 'Nậy'),
 (302, 'hamlet', 30, 'Trung Mỹ'),
 (303, 'hamlet', 30, 'Phúc Thịnh'),
 (304, 'hamlet', 30, 'Thiên Nhẫn'),
 (305, 'hamlet', 30, 'Tân Thịnh'),
 (306, 'hamlet', 30, 'Sâm Cồn'),
 (307, 'hamlet', 30, 'Cừa Quán'),
 (308, 'hamlet', 30, 'Bình Hòa'),
 (309, 'hamlet', 30, 'Giếng Thị'),
 (310, 'hamlet', 30, 'Hưng Thịnh'),
 (311, 'hamlet', 30, 'Đức Thịnh');

-- Seed 003: Cẩm Long's one named hamlet (of 6).
INSERT INTO unit(id, kind, parent_id, name) VALUES
 (401, 'hamlet', 40, 'Long Tiến');

-- Seed 004: Sơn Kim 2's 8 hamlets. The first five are on the tour route; the steering
-- groups of the other three are sent to help: Quyết Thắng -> Kim Bình, Hạ Vàng -> Chế Biền,
-- Thanh Dũng -> Tiên Phong. (The seed writes "Chế Biển" once, in the route; "Chế Biền"
-- everywhere else.)
INSERT INTO unit(id, kind, parent_id, name, note) VALUES
 (501, 'hamlet', 50, 'Kim Bình',    'Trên tour tuyến kiểm tra.'),
 (502, 'hamlet', 50, 'Chế Biền',    'Trên tour tuyến kiểm tra.'),
 (503, 'hamlet', 50, 'Thượng Kim',  'Trên tour tuyến kiểm tra.'),
 (504, 'hamlet', 50, 'Làng Chè',    'Trên tour tuyến kiểm tra.'),
 (505, 'hamlet', 50, 'Tiên Phong',  'Trên tour tuyến kiểm tra.'),
 (506, 'hamlet', 50, 'Quyết Thắng', 'Tổ chỉ đạo Quyết Thắng hỗ trợ Kim Bình thực hiện tour tuyến.'),
 (507, 'hamlet', 50, 'Hạ Vàng',     'Tổ chỉ đạo Hạ Vàng hỗ trợ Chế Biền thực hiện tour tuyến.'),
 (508, 'hamlet', 50, 'Thanh Dũng',  'Tổ chỉ đạo Thanh Dũng hỗ trợ Tiên Phong thực hiện tour tuyến.');

-- ---------------------------------------------------------------------------------------
-- Statuses (status_kind codes from 001_init.sql). year = year recognised, or the target
-- year for a plan; NULL when the seed does not say.
INSERT INTO unit_status(id, unit_id, status, year, since, document, note) VALUES
 -- seed 000, Sơn Tiến
 (1,  10,  'commune_met',              2020, NULL, NULL, 'Được công nhận xã đạt chuẩn nông thôn mới năm 2020.'),
 (2,  10,  'commune_advanced_planned', NULL, '2022-02-23', 'CV/BCĐ ngày 23/02/2022',
           'Từng bước đạt chuẩn xã nông thôn mới nâng cao trong những năm tiếp theo.'),
 (3,  101, 'hamlet_model_building',    2022, '2022-02-23', 'CV/BCĐ ngày 23/02/2022', 'Hoàn thành xây dựng KDC NTM kiểu mẫu theo kế hoạch đầu năm.'),
 (4,  102, 'hamlet_model_building',    2022, '2022-02-23', 'CV/BCĐ ngày 23/02/2022', 'Hoàn thành xây dựng KDC NTM kiểu mẫu theo kế hoạch đầu năm.'),
 (5,  103, 'hamlet_model_building',    2022, '2022-02-23', 'CV/BCĐ ngày 23/02/2022', 'Hoàn thành xây dựng KDC NTM kiểu mẫu theo kế hoạch đầu năm.'),
 (6,  104, 'hamlet_model_met',         NULL, NULL, NULL, 'Đã đạt chuẩn KDC NTM kiểu mẫu; tiếp tục bổ sung để giữ chuẩn.'),
 (7,  105, 'hamlet_model_met',         NULL, NULL, NULL, 'Đã đạt chuẩn KDC NTM kiểu mẫu; tiếp tục bổ sung để giữ chuẩn.'),
 (8,  106, 'hamlet_model_met',         NULL, NULL, NULL, 'Đã đạt chuẩn KDC NTM kiểu mẫu; tiếp tục bổ sung để giữ chuẩn.'),
 (9,  107, 'hamlet_model_met',         NULL, NULL, NULL, 'Đã đạt chuẩn KDC NTM kiểu mẫu; tiếp tục bổ sung để giữ chuẩn.'),
 (10, 108, 'hamlet_model_met',         NULL, NULL, NULL, 'Đã đạt chuẩn KDC NTM kiểu mẫu; tiếp tục bổ sung để giữ chuẩn.'),
 (11, 109, 'hamlet_model_next',        2023, '2022-02-23', 'CV/BCĐ ngày 23/02/2022', 'Tiền đề xây dựng KDC NTM kiểu mẫu vào năm tiếp theo.'),
 (12, 110, 'hamlet_model_next',        2023, '2022-02-23', 'CV/BCĐ ngày 23/02/2022', 'Tiền đề xây dựng KDC NTM kiểu mẫu vào năm tiếp theo.'),
 (13, 111, 'hamlet_model_next',        2023, '2022-02-23', 'CV/BCĐ ngày 23/02/2022', 'Tiền đề xây dựng KDC NTM kiểu mẫu vào năm tiếp theo.'),
 (14, 112, 'hamlet_model_next',        2023, '2022-02-23', 'CV/BCĐ ngày 23/02/2022', 'Tiền đề xây dựng KDC NTM kiểu mẫu vào năm tiếp theo.'),
 (15, 113, 'hamlet_model_next',        2023, '2022-02-23', 'CV/BCĐ ngày 23/02/2022', 'Tiền đề xây dựng KDC NTM kiểu mẫu vào năm tiếp theo.'),
 -- seed 001, Cẩm Hà
 (16, 20,  'commune_met',              2019, NULL, NULL, 'Xã đạt chuẩn nông thôn mới năm 2019.'),
 (17, 201, 'hamlet_model_building',    2022, '2022-02-15', '14-KH/BCĐ', 'Xây dựng thôn Tiến Thắng đạt khu dân cư kiểu mẫu.'),
 (18, 202, 'hamlet_model_met',         NULL, NULL, NULL, 'Khu dân cư mẫu; nâng cao các tiêu chí đã đạt.'),
 (19, 203, 'hamlet_model_met',         NULL, NULL, NULL, 'Khu dân cư mẫu; nâng cao các tiêu chí đã đạt.'),
 (20, 204, 'hamlet_model_met',         NULL, NULL, NULL, 'Khu dân cư mẫu; nâng cao các tiêu chí đã đạt.'),
 -- seed 002, An Hòa Thịnh: "giữ chuẩn xã nông thôn mới" (year not given)
 (21, 30,  'commune_met',              NULL, NULL, NULL, 'Xã đạt chuẩn NTM, giữ vững 20/20 tiêu chí (QĐ 05/2017/QĐ-UBND); năm công nhận chưa rõ.'),
 (22, 306, 'hamlet_model_met',         NULL, NULL, NULL, '1 trong 6 khu dân cư đã công nhận đạt chuẩn; củng cố giữ vững.'),
 (23, 307, 'hamlet_model_met',         NULL, NULL, NULL, '1 trong 6 khu dân cư đã công nhận đạt chuẩn; củng cố giữ vững.'),
 (24, 308, 'hamlet_model_met',         NULL, NULL, NULL, '1 trong 6 khu dân cư đã công nhận đạt chuẩn; củng cố giữ vững.'),
 (25, 309, 'hamlet_model_met',         NULL, NULL, NULL, '1 trong 6 khu dân cư đã công nhận đạt chuẩn; củng cố giữ vững.'),
 (26, 310, 'hamlet_model_met',         NULL, NULL, NULL, '1 trong 6 khu dân cư đã công nhận đạt chuẩn; củng cố giữ vững.'),
 (27, 305, 'hamlet_model_met',         NULL, NULL, NULL, '1 trong 6 khu dân cư đã công nhận đạt chuẩn; củng cố giữ vững.'),
 (28, 301, 'hamlet_model_building',    2021, '2021-03-03', NULL, 'Xây dựng thêm 01 khu dân cư NTM kiểu mẫu đạt chuẩn (thôn Nậy).'),
 -- seed 003, Cẩm Long
 (29, 40,  'commune_not_met',          NULL, '2022-01-12', '/TB-UBND ngày 12/01/2022', 'Kế hoạch hoàn thành đạt xã nông thôn mới.'),
 (30, 401, 'hamlet_ntm_met',           NULL, NULL, NULL, 'Thôn đạt chuẩn NTM (14 tiêu chí thôn); hoàn thành hồ sơ thôn NTM trước 30/10/2022.');

-- ---------------------------------------------------------------------------------------
-- Organisations, as each seed names them (org.unit_id = the commune).
-- seed 000, Sơn Tiến
INSERT INTO org(id, unit_id, name, short_name, kind) VALUES
 (101, 10, 'Đảng ủy xã', 'ĐU', 'party'),
 (102, 10, 'Ủy ban nhân dân xã', 'UBND', 'government'),
 (103, 10, 'Ủy ban Mặt trận Tổ quốc xã', 'MTTQ', 'front'),
 (104, 10, 'Ban chỉ đạo thực hiện Chương trình MTQG xây dựng NTM, giảm nghèo bền vững và mỗi xã một sản phẩm', 'BCĐ', 'committee'),
 (105, 10, 'Hội Phụ nữ', 'HPN', 'union'),
 (106, 10, 'Hội Nông dân', 'HND', 'union'),
 (107, 10, 'Hội Cựu chiến binh', 'CCB', 'union'),
 (108, 10, 'Đoàn Thanh niên', 'ĐTN', 'union');
-- seed 001, Cẩm Hà
INSERT INTO org(id, unit_id, name, short_name, kind) VALUES
 (201, 20, 'Đảng ủy xã', 'ĐU', 'party'),
 (202, 20, 'Ủy ban nhân dân xã', 'UBND', 'government'),
 (203, 20, 'Ủy ban Mặt trận Tổ quốc xã', 'MTTQ', 'front'),
 (204, 20, 'Ban chỉ đạo Chương trình MTQG xây dựng nông thôn mới', 'BCĐ', 'committee'),
 (205, 20, 'Hội Liên hiệp Phụ nữ', 'HPN', 'union'),
 (206, 20, 'Hội Nông dân', 'HND', 'union'),
 (207, 20, 'Hội Cựu chiến binh', 'CCB', 'union'),
 (208, 20, 'Đoàn Thanh niên', 'ĐTN', 'union'),      -- "Đoàn xã" in the seed
 (209, 20, 'Công an xã', 'CA', 'police'),
 (210, 20, 'Ban Chỉ huy quân sự xã', 'CHQS', 'military'),
 (211, 20, 'Công đoàn cơ sở xã', 'CĐCS', 'union');
-- seed 002, An Hòa Thịnh
INSERT INTO org(id, unit_id, name, short_name, kind) VALUES
 (302, 30, 'Ủy ban nhân dân xã', 'UBND', 'government'),
 (303, 30, 'Ủy ban Mặt trận Tổ quốc xã', 'MTTQ', 'front'),
 (304, 30, 'Ban chỉ đạo NTM, GNBV và mỗi xã một sản phẩm', 'BCĐ', 'committee'),
 (312, 30, 'Ban Văn hóa - Thông tin xã', 'VHTT', 'government');
-- seed 003, Cẩm Long
INSERT INTO org(id, unit_id, name, short_name, kind) VALUES
 (401, 40, 'Đảng ủy xã', 'ĐU', 'party'),
 (402, 40, 'Ủy ban nhân dân xã', 'UBND', 'government'),
 (403, 40, 'Ủy ban Mặt trận Tổ quốc xã', 'MTTQ', 'front'),
 (404, 40, 'Ban chỉ đạo xây dựng nông thôn mới', 'BCĐ', 'committee');
-- seed 004, Sơn Kim 2
INSERT INTO org(id, unit_id, name, short_name, kind) VALUES
 (501, 50, 'Đảng ủy xã', 'ĐU', 'party'),
 (502, 50, 'Ủy ban nhân dân xã', 'UBND', 'government'),
 (503, 50, 'Ủy ban Mặt trận Tổ quốc xã', 'MTTQ', 'front'),
 (504, 50, 'Ban chỉ đạo NTM', 'BCĐ', 'committee'),
 (505, 50, 'Hội Phụ nữ', 'HPN', 'union'),
 (506, 50, 'Hội Nông dân', 'HND', 'union'),
 (507, 50, 'Hội Cựu chiến binh', 'CCB', 'union'),
 (508, 50, 'Đoàn Thanh niên', 'ĐTN', 'union'),
 (509, 50, 'Công an xã', 'CA', 'police'),
 (510, 50, 'Ban Chỉ huy quân sự xã', 'CHQS', 'military'),
 (512, 50, 'Hợp tác xã môi trường', 'HTX MT', 'coop'),
 (513, 50, 'Bộ phận Văn hóa - Thông tin xã', 'VHTT', 'government'),
 (514, 50, 'Ban quản lý NTM xã', 'BQL', 'committee');

-- ---------------------------------------------------------------------------------------
-- People named in the seeds.
INSERT INTO person(id, unit_id, full_name, position, org_id) VALUES
 (1, 10, 'Nguyễn Thị Thu Hiền', 'Bí thư Đảng ủy', 101),                          -- seed 000
 (2, 20, 'Lê Văn Sơn', 'Bí thư Đảng ủy, Trưởng Ban chỉ đạo NTM xã', 201),          -- seed 001
 (3, 30, 'Nguyễn Hữu Đông', 'Chủ tịch UBND xã, Phó Ban chỉ đạo', 302),             -- seed 002
 (4, 40, 'Bùi Thị Huệ', 'Chủ tịch UBND xã', 402),                                  -- seed 003
 (5, 50, 'Cao Kỳ Vị', 'Bí thư Đảng ủy', 501),                                      -- seed 004
 (6, 50, 'Trần Ngọc Anh', 'Công chức địa chính xây dựng', 502),
 (7, 50, 'Đặng Thị Như Mai', 'Công chức địa chính nông nghiệp, môi trường', 502),
 (8, 50, 'Nguyễn Thị Nguyệt', 'Công chức tư pháp', 502);

-- ---------------------------------------------------------------------------------------
-- Campaigns.
INSERT INTO campaign(id, unit_id, name, doc_number, issuer, issue_date, start_date, end_date, signer, note) VALUES
 -- seed 000: the number is left blank in the original ("Số    CV/BCĐ").
 (1, 10, 'Tháng cao điểm thực hiện phong trào xây dựng nông thôn mới năm 2022',
  'CV/BCĐ', 'BCĐ thực hiện Chương trình MTQG xây dựng NTM, giảm nghèo bền vững và mỗi xã một sản phẩm xã Sơn Tiến',
  '2022-02-23', '2022-03-01', '2022-03-31', 'Nguyễn Thị Thu Hiền',
  'Số văn bản để trống trong bản gốc. Ngày chủ nhật hàng tuần tổng dọn vệ sinh môi trường. Thành viên BCĐ phụ trách thôn cùng thôn xây dựng phiếu đầu việc.'),
 -- seed 001
 (2, 20, 'Phát động thi đua xây dựng nông thôn mới năm 2022',
  '14-KH/BCĐ', 'Ban chỉ đạo Chương trình MTQG xây dựng nông thôn mới xã Cẩm Hà',
  '2022-02-15', '2022-02-16', '2022-12-30', 'Lê Văn Sơn',
  'Hàng tuần, vào thứ 6, Ban phát triển thôn tổng hợp, báo cáo Ban chỉ đạo xã qua chuyên trách NTM xã.'),
 -- seed 002: the commune plan's own number is not in the seed; it answers the district's.
 (3, 30, 'Phát động đợt cao điểm phong trào xây dựng nông thôn mới năm 2021',
  NULL, 'BCĐ NTM, GNBV và mỗi xã một sản phẩm xã An Hòa Thịnh',
  NULL, '2021-03-03', '2021-06-03', 'Nguyễn Hữu Đông',
  'Thực hiện Kế hoạch số 02-KH/BCĐ ngày 03/02/2021 của BCĐ huyện Hương Sơn. Các thôn đồng loạt ra quân từ 03/3/2021 (ngày 20 tháng Giêng năm Tân Sửu). Báo cáo hàng ngày, hàng tuần; cuối tuần, tháng biểu dương, phê bình.'),
 -- seed 003: the number is left blank in the original ("Số: /TB-UBND"); the plan year.
 (4, 40, 'Tập trung chỉ đạo hoàn thành kế hoạch chương trình MTQG về xây dựng Nông thôn mới năm 2022',
  '/TB-UBND', 'UBND xã Cẩm Long',
  '2022-01-12', '2022-01-12', '2022-12-31', 'Bùi Thị Huệ',
  'Thực hiện công văn số 22/UBND-NN ngày 05/01/2022 của UBND huyện Cẩm Thủy.'),
 -- seed 004. Dates: the "đợt thi đua cao điểm 30 ngày" was launched at the giao ban of
 -- 31/5/2021 for June ("trong tháng 06"), so it starts 2021-06-01; the letter of 21/6
 -- moves the work to "triển khai thực hiện đồng loạt trong tháng 07/2021" with deadlines
 -- up to 20/7/2021, so the campaign ends 2021-07-31.
 (5, 50, 'Đợt thi đua cao điểm 30 ngày: phòng chống dịch và xây dựng NTM, hoàn thành tour tuyến kiểm tra',
  '49-CV/ĐU', 'Đảng ủy xã Sơn Kim 2',
  '2021-06-21', '2021-06-01', '2021-07-31', 'Cao Kỳ Vị',
  'V/v đôn đốc thực hiện các chỉ tiêu, nhiệm vụ phát động phong trào nhân dân tích cực tham gia chống dịch và xây dựng NTM. Báo cáo hàng ngày lúc 15 giờ 30 phút bằng nội dung và hình ảnh.');

-- ---------------------------------------------------------------------------------------
-- Tasks. All inserted 'open'; the ones finished are set 'done' after their reports.
-- done_qty is never written here: the progress triggers keep it.

-- seed 000, Sơn Tiến: peak month 01/3-31/3/2022, every task due 2022-03-31. The seed
-- gives no quantities, so target_qty is NULL throughout.
INSERT INTO task(id, commune_id, hamlet_id, title, description, criterion_id, campaign_id,
                 owner_org_id, owner_person_id, owner_unit_id, target_qty, qty_unit, deadline) VALUES
 (101, 10, NULL, 'Đoàn Thanh niên: xây dựng vườn ươm cây giống hàng rào xanh',
  'Đoàn thanh niên tranh thủ thời tiết thuận lợi tiếp tục xây dựng vườn ươm cây giống để đảm bảo nguồn giống trồng hàng rào xanh tại các thôn trong thời gian tới.',
  117, 1, 108, NULL, NULL, NULL, NULL, '2022-03-31'),
 (102, 10, NULL, 'Hội Phụ nữ: tuyến cụm nhóm hộ liền kề nhà sạch, vườn đẹp, 3 sạch tại hộ',
  'Hội Phụ nữ tập trung làm tuyến cụm nhóm hộ liền kề, nhà sạch, vườn đẹp, trồng bổ sung và chăm sóc hàng rào xanh, thực hiện phân loại và xử lý rác thải hiệu quả, đảm bảo công tác 3 sạch tại hộ.',
  117, 1, 105, NULL, NULL, NULL, 'tuyến', '2022-03-31'),
 (103, 10, NULL, 'Hội Nông dân: chỉnh trang, cải tạo vườn; vệ sinh chuồng trại chăn nuôi',
  'Hội Nông dân tập trung vận động nhân dân chỉnh trang cải tạo vườn, sắp xếp vệ sinh vườn; xây dựng vườn đẹp, vườn hiệu quả kinh tế; chỉnh trang, vệ sinh chuồng trại chăn nuôi đảm bảo vệ sinh môi trường. Hướng dẫn các hộ dân xây hố xử lý rác, xử lý nước thải đảm bảo.',
  113, 1, 106, NULL, NULL, NULL, NULL, '2022-03-31'),
 (104, 10, NULL, 'Hội Cựu chiến binh: chăm sóc cây bóng mát; hàng rào, rãnh thoát nước, xử lý nước thải',
  'Hội cựu chiến binh vận động hội viên chăm sóc cây bóng mát đã trồng, vận động Nhân dân làm hàng rào, rãnh thoát nước, xây dựng hệ thống xử lý nước thải.',
  117, 1, 107, NULL, NULL, NULL, NULL, '2022-03-31'),
 -- hamlets building a model area in 2022
 (105, 10, 101, 'Trồng mới, trồng bổ sung, chăm sóc hàng rào xanh - thôn Vực Rồng',
  'Khẩn trương xây dựng kế hoạch, tập trung quyết liệt để hoàn thành các nội dung xây dựng Khu dân cư nông thôn mới kiểu mẫu theo kế hoạch đầu năm; trong tháng cao điểm trồng mới, trồng bổ sung và chăm sóc hàng rào xanh tại các tuyến đường, nhà văn hóa thôn, khu thể thao thôn.',
  117, 1, NULL, NULL, 101, NULL, 'km', '2022-03-31'),
 (106, 10, 102, 'Trồng mới, trồng bổ sung, chăm sóc hàng rào xanh - thôn Côn Sơn',
  'Khẩn trương xây dựng kế hoạch, tập trung quyết liệt để hoàn thành các nội dung xây dựng Khu dân cư nông thôn mới kiểu mẫu theo kế hoạch đầu năm; trong tháng cao điểm trồng mới, trồng bổ sung và chăm sóc hàng rào xanh tại các tuyến đường, nhà văn hóa thôn, khu thể thao thôn.',
  117, 1, NULL, NULL, 102, NULL, 'km', '2022-03-31'),
 (107, 10, 103, 'Trồng mới, trồng bổ sung, chăm sóc hàng rào xanh - thôn Thịnh Tiến',
  'Khẩn trương xây dựng kế hoạch, tập trung quyết liệt để hoàn thành các nội dung xây dựng Khu dân cư nông thôn mới kiểu mẫu theo kế hoạch đầu năm; trong tháng cao điểm trồng mới, trồng bổ sung và chăm sóc hàng rào xanh tại các tuyến đường, nhà văn hóa thôn, khu thể thao thôn.',
  117, 1, NULL, NULL, 103, NULL, 'km', '2022-03-31'),
 -- hamlets that met the model area: keep it
 (108, 10, 104, 'Bổ sung các nội dung giữ chuẩn KDC NTM kiểu mẫu - thôn Thiên Nhẫn',
  'Thôn đã đạt chuẩn khu dân cư NTM kiểu mẫu cần tiếp tục bổ sung các nội dung để giữ chuẩn các tiêu chí đã đạt.',
  NULL, 1, NULL, NULL, 104, NULL, NULL, '2022-03-31'),
 (109, 10, 105, 'Bổ sung các nội dung giữ chuẩn KDC NTM kiểu mẫu - thôn Tân Tiến',
  'Thôn đã đạt chuẩn khu dân cư NTM kiểu mẫu cần tiếp tục bổ sung các nội dung để giữ chuẩn các tiêu chí đã đạt.',
  NULL, 1, NULL, NULL, 105, NULL, NULL, '2022-03-31'),
 (110, 10, 106, 'Bổ sung các nội dung giữ chuẩn KDC NTM kiểu mẫu - thôn Trung Tiến',
  'Thôn đã đạt chuẩn khu dân cư NTM kiểu mẫu cần tiếp tục bổ sung các nội dung để giữ chuẩn các tiêu chí đã đạt.',
  NULL, 1, NULL, NULL, 106, NULL, NULL, '2022-03-31'),
 (111, 10, 107, 'Bổ sung các nội dung giữ chuẩn KDC NTM kiểu mẫu - thôn Hùng Tiến',
  'Thôn đã đạt chuẩn khu dân cư NTM kiểu mẫu cần tiếp tục bổ sung các nội dung để giữ chuẩn các tiêu chí đã đạt.',
  NULL, 1, NULL, NULL, 107, NULL, NULL, '2022-03-31'),
 (112, 10, 108, 'Bổ sung các nội dung giữ chuẩn KDC NTM kiểu mẫu - thôn Ao Tròn',
  'Thôn đã đạt chuẩn khu dân cư NTM kiểu mẫu cần tiếp tục bổ sung các nội dung để giữ chuẩn các tiêu chí đã đạt.',
  NULL, 1, NULL, NULL, 108, NULL, NULL, '2022-03-31'),
 -- hamlets preparing for next year
 (113, 10, 109, 'Hàng rào xanh, chỉnh trang vườn hộ, công trình phụ trợ, VSMT - thôn Hùng Sơn',
  'Thực hiện các nội dung theo các tiêu chí để làm tiền đề cho lộ trình xây dựng thôn đạt chuẩn khu dân cư NTM kiểu mẫu vào năm tiếp theo (trước tiên tập trung vào trồng hàng rào xanh, chỉnh trang vườn hộ, công trình phụ trợ, vệ sinh môi trường).',
  117, 1, NULL, NULL, 109, NULL, NULL, '2022-03-31'),
 (114, 10, 110, 'Hàng rào xanh, chỉnh trang vườn hộ, công trình phụ trợ, VSMT - thôn Động Eo',
  'Thực hiện các nội dung theo các tiêu chí để làm tiền đề cho lộ trình xây dựng thôn đạt chuẩn khu dân cư NTM kiểu mẫu vào năm tiếp theo (trước tiên tập trung vào trồng hàng rào xanh, chỉnh trang vườn hộ, công trình phụ trợ, vệ sinh môi trường).',
  117, 1, NULL, NULL, 110, NULL, NULL, '2022-03-31'),
 (115, 10, 111, 'Hàng rào xanh, chỉnh trang vườn hộ, công trình phụ trợ, VSMT - thôn Ngọc Sơn',
  'Thực hiện các nội dung theo các tiêu chí để làm tiền đề cho lộ trình xây dựng thôn đạt chuẩn khu dân cư NTM kiểu mẫu vào năm tiếp theo (trước tiên tập trung vào trồng hàng rào xanh, chỉnh trang vườn hộ, công trình phụ trợ, vệ sinh môi trường).',
  117, 1, NULL, NULL, 111, NULL, NULL, '2022-03-31'),
 (116, 10, 112, 'Hàng rào xanh, chỉnh trang vườn hộ, công trình phụ trợ, VSMT - thôn Lệ Định',
  'Thực hiện các nội dung theo các tiêu chí để làm tiền đề cho lộ trình xây dựng thôn đạt chuẩn khu dân cư NTM kiểu mẫu vào năm tiếp theo (trước tiên tập trung vào trồng hàng rào xanh, chỉnh trang vườn hộ, công trình phụ trợ, vệ sinh môi trường).',
  117, 1, NULL, NULL, 112, NULL, NULL, '2022-03-31'),
 (117, 10, 113, 'Hàng rào xanh, chỉnh trang vườn hộ, công trình phụ trợ, VSMT - thôn Hòa Tiến',
  'Thực hiện các nội dung theo các tiêu chí để làm tiền đề cho lộ trình xây dựng thôn đạt chuẩn khu dân cư NTM kiểu mẫu vào năm tiếp theo (trước tiên tập trung vào trồng hàng rào xanh, chỉnh trang vườn hộ, công trình phụ trợ, vệ sinh môi trường).',
  117, 1, NULL, NULL, 113, NULL, NULL, '2022-03-31'),
 (118, 10, NULL, 'Tổng dọn vệ sinh môi trường vào ngày chủ nhật hàng tuần (các thôn)',
  'Phát quang đường làng, ngõ xóm; làm sạch nền đường, khơi thông cống rãnh; cắt tỉa, vệ sinh, nhổ cỏ và trồng dặm bổ sung những tuyến đường đã trồng hàng rào xanh; trồng hàng rào xanh các tuyến mới; thu gom, xử lý rác thải, nước thải tại hộ gia đình theo mô hình phân loại và xử lý rác thải, nước thải sinh hoạt tại hộ.',
  117, 1, 104, NULL, NULL, NULL, NULL, '2022-03-31');

-- seed 001, Cẩm Hà: plan 16/2-30/12/2022. The two model gardens are due 30/6/2022;
-- everything else runs to the end of the plan. As of 2022-06-20 nothing here is late.
INSERT INTO task(id, commune_id, hamlet_id, title, description, criterion_id, campaign_id,
                 owner_org_id, owner_person_id, owner_unit_id, target_qty, qty_unit, deadline) VALUES
 (201, 20, 202, 'Hoàn thành 1 vườn mẫu tại thôn Thành Xuân (Đoàn xã)',
  'Đoàn xã: làm tốt công tác tuyên truyền vận động đoàn viên trong đợt thi đua cao điểm xây dựng NTM; phụ trách và hoàn thành 1 vườn mẫu tại thôn Thành Xuân trước 30/6/2022.',
  NULL, 2, 208, NULL, NULL, 1, 'vườn', '2022-06-30'),
 (202, 20, 201, 'Hoàn thành 1 vườn mẫu tại thôn Tiến Thắng (Hội Nông dân)',
  'Hội Nông dân xã: chỉ đạo chỉnh trang vườn hộ trên toàn xã; phụ trách hoàn thành 1 vườn mẫu tại thôn Tiến Thắng trước 30/6/2022.',
  NULL, 2, 206, NULL, NULL, 1, 'vườn', '2022-06-30'),
 (203, 20, NULL, 'Đảm nhận và hoàn thành 1 vườn mẫu (Hội Cựu chiến binh)',
  'Hội Cựu Chiến binh xã: tuyên truyền vận động hội viên tích cực tham gia xây dựng NTM, đảm nhận và hoàn thành 1 vườn mẫu.',
  NULL, 2, 207, NULL, NULL, 1, 'vườn', '2022-12-30'),
 (204, 20, 201, 'Xây dựng thôn Tiến Thắng đạt khu dân cư NTM kiểu mẫu',
  'Phát động đợt cao điểm ra quân xây dựng khu dân cư NTM kiểu mẫu; xây dựng thôn Tiến Thắng đạt khu dân cư kiểu mẫu, các tuyến đường mẫu xanh sạch đẹp.',
  NULL, 2, NULL, NULL, 201, NULL, NULL, '2022-12-30'),
 (205, 20, NULL, 'Hệ thống xử lý nước thải sau sinh hoạt trên địa bàn toàn xã (Hội CCB)',
  'Hội Cựu Chiến binh xã phụ trách nội dung làm hệ thống xử lý nước thải sau sinh hoạt trên địa bàn toàn xã; làm vệ sinh và chỉnh trang tuyến đường tự quản.',
  117, 2, 207, NULL, NULL, NULL, 'hệ thống', '2022-12-30'),
 (206, 20, NULL, 'Phân loại, xử lý rác thải sinh hoạt tại hộ gia đình (Hội Phụ nữ)',
  'Hội Liên hiệp Phụ nữ: phát động đợt thi đua trong hội viên phân loại, xử lý rác thải sinh hoạt tại hộ gia đình, vệ sinh môi trường trong các khu dân cư, gắn với các hoạt động nâng cao tiêu chí môi trường.',
  117, 2, 205, NULL, NULL, NULL, 'hộ', '2022-12-30'),
 (207, 20, NULL, 'Chỉnh trang vườn hộ trên toàn xã; vệ sinh tuyến đường tự quản (Hội Nông dân)',
  'Hội Nông dân xã: chỉ đạo chỉnh trang vườn hộ trên toàn xã, ra quân làm vệ sinh và chỉnh trang tuyến đường tự quản.',
  113, 2, 206, NULL, NULL, NULL, 'vườn', '2022-12-30'),
 (208, 20, NULL, 'Ra quân vệ sinh môi trường tuyến đường thanh niên tự quản (Đoàn xã)',
  'Đoàn xã: tổ chức ra quân làm vệ sinh môi trường tại các tuyến đường thanh niên tự quản.',
  117, 2, 208, NULL, NULL, NULL, 'tuyến', '2022-12-30'),
 (209, 20, 201, 'Huy động lực lượng hỗ trợ thôn Tiến Thắng xây dựng khu dân cư mẫu (Công an xã)',
  'Ban công an xã: đảm bảo an ninh trật tự, an toàn xã hội, tuyên truyền vận động nhân dân chấp hành tốt pháp luật, huy động lực lượng tham gia hỗ trợ thôn Tiến Thắng xây dựng khu dân cư mẫu.',
  NULL, 2, 209, NULL, NULL, NULL, NULL, '2022-12-30'),
 (210, 20, 201, 'Huy động lực lượng hỗ trợ thôn Tiến Thắng xây dựng khu dân cư mẫu (Ban CHQS xã)',
  'Ban chỉ huy quân sự xã: huy động lực lượng hỗ trợ thôn Tiến Thắng xây dựng khu dân cư mẫu.',
  NULL, 2, 210, NULL, NULL, NULL, NULL, '2022-12-30'),
 (211, 20, 201, 'Huy động đoàn viên hỗ trợ xây dựng khu dân cư mẫu thôn Tiến Thắng (Công đoàn)',
  'Công đoàn cơ sở xã: vận động đoàn viên tích cực tham gia các hoạt động xây dựng NTM, đặc biệt huy động đoàn viên công đoàn hỗ trợ xây dựng khu dân cư mẫu thôn Tiến Thắng.',
  NULL, 2, 211, NULL, NULL, NULL, NULL, '2022-12-30'),
 (212, 20, 202, 'Nâng cao các tiêu chí khu dân cư mẫu đã đạt - thôn Thành Xuân',
  'Đối với khu dân cư mẫu thôn Thành Xuân, thôn Xuân Hạ, thôn Nguyễn Đối nâng cao các tiêu chí đã đạt.',
  NULL, 2, NULL, NULL, 202, NULL, NULL, '2022-12-30'),
 (213, 20, 203, 'Nâng cao các tiêu chí khu dân cư mẫu đã đạt - thôn Xuân Hạ',
  'Đối với khu dân cư mẫu thôn Thành Xuân, thôn Xuân Hạ, thôn Nguyễn Đối nâng cao các tiêu chí đã đạt.',
  NULL, 2, NULL, NULL, 203, NULL, NULL, '2022-12-30'),
 (214, 20, 204, 'Nâng cao các tiêu chí khu dân cư mẫu đã đạt - thôn Nguyễn Đối',
  'Đối với khu dân cư mẫu thôn Thành Xuân, thôn Xuân Hạ, thôn Nguyễn Đối nâng cao các tiêu chí đã đạt.',
  NULL, 2, NULL, NULL, 204, NULL, NULL, '2022-12-30'),
 (215, 20, NULL, 'Củng cố, nâng cao các tiêu chí xã đạt chuẩn NTM năm 2019; củng cố hồ sơ',
  'Tập trung chỉ đạo rà soát, củng cố, nâng cao mức độ đạt chuẩn các tiêu chí nông thôn mới; trong đó quan tâm cao đối với tiêu chí môi trường, tiêu chí quy hoạch, tiêu chí điện, tiêu chí giao thông, hàng rào xanh. Tập trung thực hiện củng cố hồ sơ các tiêu chí.',
  NULL, 2, 202, NULL, NULL, NULL, NULL, '2022-12-30');

-- seed 002, An Hòa Thịnh: 2021 push 03/3-03/6/2021. Tasks without a date of their own
-- are due at the end of the push.
INSERT INTO task(id, commune_id, hamlet_id, title, description, criterion_id, campaign_id,
                 owner_org_id, owner_person_id, owner_unit_id, target_qty, qty_unit, deadline) VALUES
 (301, 30, 301, 'Thôn Nậy hoàn thành 2 km hàng rào xanh',
  'Thôn Nậy hoàn thành 2km hàng rào xanh trong đợt cao điểm.',
  117, 3, NULL, NULL, 301, 2, 'km', '2021-06-03'),
 (302, 30, 301, 'Thôn Nậy hoàn thành 33 hệ thống xử lý nước thải tại hộ',
  'Trong đợt phát động cao điểm xây dựng NTM thôn Nậy hoàn thành 33 hệ thống xử lý nước thải tại hộ, theo thiết kế của VP ĐPNTM tỉnh.',
  117, 3, NULL, NULL, 301, 33, 'hệ thống', '2021-06-03'),
 (303, 30, 301, 'Thôn Nậy 100% hoàn thành việc cải tạo vườn',
  '100% vườn hộ có chủ được cải tạo, không có vườn tạp, vườn hoang; thôn Nậy 100% hoàn thành việc cải tạo vườn.',
  113, 3, NULL, NULL, 301, 100, '%', '2021-06-03'),
 (304, 30, 301, 'Tuyến cụm hộ liền kề đạt chuẩn (tối thiểu 10 hộ) tại thôn Nậy',
  'Xây dựng đạt chuẩn 01 cụm dân cư tối thiểu 10 hộ liền kề "sáng - xanh - sạch - đẹp - an toàn - văn minh" tại thôn Nậy (từ ngã ba đường Ninh Tiến đến ngã tư quán bà Ái), hoàn thành trước ngày 10/6 (bản gốc ghi 10/6/2020; kế hoạch năm 2021 và chỉ tiêu ghi "trước tháng 6/2021").',
  NULL, 3, NULL, NULL, 301, 10, 'hộ', '2021-06-10'),
 (305, 30, 302, 'Thôn Trung Mỹ hoàn thành 3 km hàng rào xanh',
  'Thôn Trung Mỹ hoàn thành 3km hàng rào xanh; hoàn thành việc chặt bỏ cây tạp để thực hiện cải tạo vườn.',
  117, 3, NULL, NULL, 302, 3, 'km', '2021-06-03'),
 (306, 30, 302, 'Thôn Trung Mỹ hoàn thành ít nhất 15 hệ thống xử lý nước thải',
  'Thôn Trung Mỹ hoàn thành ít nhất 15 hệ thống xử lý nước thải theo thiết kế của VP ĐPNTM tỉnh.',
  117, 3, NULL, NULL, 302, 15, 'hệ thống', '2021-06-03'),
 (307, 30, 303, 'Thôn Phúc Thịnh hoàn thành 3 km hàng rào xanh',
  'Thôn Phúc Thịnh hoàn thành 3 km hàng rào xanh; hoàn thành việc chặt bỏ cây tạp để thực hiện cải tạo vườn.',
  117, 3, NULL, NULL, 303, 3, 'km', '2021-06-03'),
 (308, 30, 303, 'Thôn Phúc Thịnh hoàn thành ít nhất 15 hệ thống xử lý nước thải',
  'Thôn Phúc Thịnh hoàn thành ít nhất 15 hệ thống xử lý nước thải theo thiết kế của VP ĐPNTM tỉnh.',
  117, 3, NULL, NULL, 303, 15, 'hệ thống', '2021-06-03'),
 (309, 30, NULL, 'Đường trục thôn Thiên Nhẫn-Tân Thịnh dài 715m (công trình chào mừng)',
  'Xây dựng hoàn thành ít nhất 01 công trình chào mừng xây dựng huyện đạt chuẩn nông thôn mới (đường trục thôn Thiên Nhẫn-Tân Thịnh dài 715m). Có gắn biển tên công trình chào mừng, hoàn thành trước ngày 30/5/2021.',
  102, 3, 302, NULL, NULL, 715, 'm', '2021-05-30'),
 (310, 30, NULL, 'Xây dựng mới 05 vườn mẫu đạt chuẩn',
  'Xây dựng mới 05 vườn mẫu đạt chuẩn trên địa bàn xã.',
  NULL, 3, 304, NULL, NULL, 5, 'vườn', '2021-06-03'),
 -- "Trong đợt cao điểm mỗi thôn hoàn thành thêm 15 vườn hộ sản xuất ..." (named hamlets)
 (311, 30, 301, 'Thôn Nậy hoàn thành thêm 15 vườn hộ sản xuất hiệu quả',
  'Trong đợt cao điểm mỗi thôn hoàn thành thêm 15 vườn hộ sản xuất các sản phẩm có hiệu quả kinh tế, cảnh quan môi trường xanh, sạch, đẹp.',
  113, 3, NULL, NULL, 301, 15, 'vườn', '2021-06-03'),
 (312, 30, 302, 'Thôn Trung Mỹ hoàn thành thêm 15 vườn hộ sản xuất hiệu quả',
  'Trong đợt cao điểm mỗi thôn hoàn thành thêm 15 vườn hộ sản xuất các sản phẩm có hiệu quả kinh tế, cảnh quan môi trường xanh, sạch, đẹp.',
  113, 3, NULL, NULL, 302, 15, 'vườn', '2021-06-03'),
 (313, 30, 303, 'Thôn Phúc Thịnh hoàn thành thêm 15 vườn hộ sản xuất hiệu quả',
  'Trong đợt cao điểm mỗi thôn hoàn thành thêm 15 vườn hộ sản xuất các sản phẩm có hiệu quả kinh tế, cảnh quan môi trường xanh, sạch, đẹp.',
  113, 3, NULL, NULL, 303, 15, 'vườn', '2021-06-03'),
 (314, 30, 304, 'Thôn Thiên Nhẫn hoàn thành thêm 15 vườn hộ sản xuất hiệu quả',
  'Trong đợt cao điểm mỗi thôn hoàn thành thêm 15 vườn hộ sản xuất các sản phẩm có hiệu quả kinh tế, cảnh quan môi trường xanh, sạch, đẹp.',
  113, 3, NULL, NULL, 304, 15, 'vườn', '2021-06-03'),
 (315, 30, 305, 'Thôn Tân Thịnh hoàn thành thêm 15 vườn hộ sản xuất hiệu quả',
  'Trong đợt cao điểm mỗi thôn hoàn thành thêm 15 vườn hộ sản xuất các sản phẩm có hiệu quả kinh tế, cảnh quan môi trường xanh, sạch, đẹp.',
  113, 3, NULL, NULL, 305, 15, 'vườn', '2021-06-03'),
 (316, 30, 306, 'Thôn Sâm Cồn hoàn thành thêm 15 vườn hộ sản xuất hiệu quả',
  'Trong đợt cao điểm mỗi thôn hoàn thành thêm 15 vườn hộ sản xuất các sản phẩm có hiệu quả kinh tế, cảnh quan môi trường xanh, sạch, đẹp.',
  113, 3, NULL, NULL, 306, 15, 'vườn', '2021-06-03'),
 (317, 30, 307, 'Thôn Cừa Quán hoàn thành thêm 15 vườn hộ sản xuất hiệu quả',
  'Trong đợt cao điểm mỗi thôn hoàn thành thêm 15 vườn hộ sản xuất các sản phẩm có hiệu quả kinh tế, cảnh quan môi trường xanh, sạch, đẹp.',
  113, 3, NULL, NULL, 307, 15, 'vườn', '2021-06-03'),
 (318, 30, 308, 'Thôn Bình Hòa hoàn thành thêm 15 vườn hộ sản xuất hiệu quả',
  'Trong đợt cao điểm mỗi thôn hoàn thành thêm 15 vườn hộ sản xuất các sản phẩm có hiệu quả kinh tế, cảnh quan môi trường xanh, sạch, đẹp.',
  113, 3, NULL, NULL, 308, 15, 'vườn', '2021-06-03'),
 (319, 30, 309, 'Thôn Giếng Thị hoàn thành thêm 15 vườn hộ sản xuất hiệu quả',
  'Trong đợt cao điểm mỗi thôn hoàn thành thêm 15 vườn hộ sản xuất các sản phẩm có hiệu quả kinh tế, cảnh quan môi trường xanh, sạch, đẹp.',
  113, 3, NULL, NULL, 309, 15, 'vườn', '2021-06-03'),
 (320, 30, 310, 'Thôn Hưng Thịnh hoàn thành thêm 15 vườn hộ sản xuất hiệu quả',
  'Trong đợt cao điểm mỗi thôn hoàn thành thêm 15 vườn hộ sản xuất các sản phẩm có hiệu quả kinh tế, cảnh quan môi trường xanh, sạch, đẹp.',
  113, 3, NULL, NULL, 310, 15, 'vườn', '2021-06-03'),
 (321, 30, 311, 'Thôn Đức Thịnh hoàn thành thêm 15 vườn hộ sản xuất hiệu quả',
  'Trong đợt cao điểm mỗi thôn hoàn thành thêm 15 vườn hộ sản xuất các sản phẩm có hiệu quả kinh tế, cảnh quan môi trường xanh, sạch, đẹp.',
  113, 3, NULL, NULL, 311, 15, 'vườn', '2021-06-03'),
 -- "Các thôn Sâm Cồn, Nậy, Bình Hòa, Đức Thịnh, Hưng Thịnh, Tân Thịnh hoàn thành xây dựng
 -- hố ủ phân vi sinh trong tháng 3/2021" (no number of pits given)
 (322, 30, 306, 'Thôn Sâm Cồn hoàn thành xây dựng hố ủ phân vi sinh',
  'Hoàn thành xây dựng hố ủ phân vi sinh trong tháng 3/2021 để phục vụ công tác kiểm tra nghiệm thu của huyện.',
  117, 3, NULL, NULL, 306, NULL, 'hố', '2021-03-31'),
 (323, 30, 301, 'Thôn Nậy hoàn thành xây dựng hố ủ phân vi sinh',
  'Hoàn thành xây dựng hố ủ phân vi sinh trong tháng 3/2021 để phục vụ công tác kiểm tra nghiệm thu của huyện.',
  117, 3, NULL, NULL, 301, NULL, 'hố', '2021-03-31'),
 (324, 30, 308, 'Thôn Bình Hòa hoàn thành xây dựng hố ủ phân vi sinh',
  'Hoàn thành xây dựng hố ủ phân vi sinh trong tháng 3/2021 để phục vụ công tác kiểm tra nghiệm thu của huyện.',
  117, 3, NULL, NULL, 308, NULL, 'hố', '2021-03-31'),
 (325, 30, 311, 'Thôn Đức Thịnh hoàn thành xây dựng hố ủ phân vi sinh',
  'Hoàn thành xây dựng hố ủ phân vi sinh trong tháng 3/2021 để phục vụ công tác kiểm tra nghiệm thu của huyện.',
  117, 3, NULL, NULL, 311, NULL, 'hố', '2021-03-31'),
 (326, 30, 310, 'Thôn Hưng Thịnh hoàn thành xây dựng hố ủ phân vi sinh',
  'Hoàn thành xây dựng hố ủ phân vi sinh trong tháng 3/2021 để phục vụ công tác kiểm tra nghiệm thu của huyện.',
  117, 3, NULL, NULL, 310, NULL, 'hố', '2021-03-31'),
 (327, 30, 305, 'Thôn Tân Thịnh hoàn thành xây dựng hố ủ phân vi sinh',
  'Hoàn thành xây dựng hố ủ phân vi sinh trong tháng 3/2021 để phục vụ công tác kiểm tra nghiệm thu của huyện.',
  117, 3, NULL, NULL, 305, NULL, 'hố', '2021-03-31');

-- seed 003, Cẩm Long: plan year 2022. The Long Tiến dossier is due 30/10/2022; the
-- others carry no date in the seed and run to the end of the plan year.
INSERT INTO task(id, commune_id, hamlet_id, title, description, criterion_id, campaign_id,
                 owner_org_id, owner_person_id, owner_unit_id, target_qty, qty_unit, deadline) VALUES
 (401, 40, 401, 'Hoàn thành hồ sơ thôn Nông thôn mới - thôn Long Tiến',
  'Chủ động liên hệ cán bộ phụ trách nông thôn mới xã hoàn thiện hồ sơ từng tiêu chí gửi các thành viên Hội đồng thẩm tra tiêu chí NTM huyện để thẩm tra từng tiêu chí và hoàn thiện hồ sơ. Hoàn thành hồ sơ thôn Nông thôn mới xong trước ngày 30/10/2022.',
  NULL, 4, NULL, NULL, 401, 100, '%', '2022-10-30'),
 (402, 40, 401, 'Duy trì và nâng cao chất lượng 14 tiêu chí thôn nông thôn mới - thôn Long Tiến',
  'Duy trì và từng bước nâng cao chất lượng 14 tiêu chí thôn nông thôn mới; rà soát, đánh giá chi tiết từng nội dung tiêu chí, huy động các nguồn lực hợp pháp, phân công nhiệm vụ cụ thể và gắn trách nhiệm từng cá nhân; phấn đấu các tiêu chí khó giữ vững như Nhà ở dân cư và vườn hộ, Đường làng ngõ xóm sáng, xanh, sạch đẹp và Môi trường.',
  NULL, 4, NULL, NULL, 401, NULL, NULL, '2022-12-31'),
 (403, 40, NULL, 'Rà soát, điều chỉnh kế hoạch NTM năm 2022 và giai đoạn 2022-2025 của các thôn',
  'Ban phát triển thôn rà soát các nội dung, tiêu chí theo Bộ tiêu chí thôn, bản đạt chuẩn Nông thôn mới để điều chỉnh bổ sung kế hoạch; kế hoạch được bàn bạc thông suốt từ trong chi bộ và được Ủy viên BCH, Ủy viên BTV Đảng ủy phê duyệt trước khi ban hành.',
  NULL, 4, 404, NULL, NULL, NULL, NULL, '2022-12-31'),
 (404, 40, NULL, 'Ra quân giúp các thôn, các hộ dọn vệ sinh, chỉnh trang nhà ở, vườn hộ (MTTQ, đoàn thể)',
  'Xây dựng kế hoạch, huy động đoàn viên, hội viên ra quân giúp đỡ các thôn, các hộ dọn dẹp vệ sinh môi trường các khu vực công cộng, sắp xếp đồ đạc nhà ở dân cư, chỉnh trang nhà ở, vườn hộ, đặc biệt là thôn đạt chuẩn Nông thôn mới năm 2022. Tiêu chí: Rõ nét - Sáng - Xanh - Sạch - Đẹp.',
  117, 4, 403, NULL, NULL, NULL, NULL, '2022-12-31');

-- seed 004, Sơn Kim 2. Tasks whose seed text names no end date ("bắt đầu từ ngày
-- 01/7/2021", the law books) are due 2021-07-31: the letter sets July 2021 as the month
-- to carry out the work ("triển khai thực hiện đồng loạt trong tháng 07/2021").
INSERT INTO task(id, commune_id, hamlet_id, title, description, criterion_id, campaign_id,
                 owner_org_id, owner_person_id, owner_unit_id, target_qty, qty_unit, deadline) VALUES
 (501, 50, NULL, 'Rà soát, khảo sát các tuyến giao thông và số cây bóng mát cần trồng',
  'Phối hợp lực lượng Công an, Quân sự rà soát, khảo sát các tuyến giao thông tham mưu UBND điều động phương tiện xe, máy móc; chỉnh trang, mở rộng nền đường, chỉnh sửa mương rãnh, đắp lề, phát hành lang giao thông, cung ứng xi măng để thôn và nhân dân cứng hóa đường, mương rãnh; rà soát số lượng cây bóng mát cần trồng trên các tuyến để đăng ký về huyện đề nghị cấp cây. Các nội dung rà soát hoàn thành trước ngày 30/6/2021.',
  102, 5, NULL, 6, NULL, NULL, NULL, '2021-06-30'),
 (502, 50, NULL, 'Hỗ trợ gạch xây nhà vệ sinh tự hoại, hố 3 ngăn xử lý nước thải, hố xử lý rác',
  'Phối hợp với công chức kế toán hợp đồng với đơn vị cung ứng gạch để hỗ trợ cho các hộ đăng ký xây dựng nhà vệ sinh tự hoại gắn với nhà tắm, hố xử lý rác thải, nước thải sinh hoạt 3 ngăn theo thiết kế mẫu và di dời chuồng chăn nuôi bất hợp lý, phá bỏ nhà vệ sinh 1 ngăn, 2 ngăn theo Nghị quyết 62 của HĐND xã, bắt đầu từ ngày 01/7/2021.',
  117, 5, NULL, 7, NULL, NULL, 'hộ', '2021-07-31'),
 (503, 50, 502, 'Bổ sung tủ sách pháp luật trên 200 đầu sách - nhà văn hóa thôn Chế Biền',
  'Phối hợp với Công chức VHTT, Ban phát triển thôn Chế Biền, Làng Chè nghiên cứu hệ thống văn bản Nghị quyết của Đảng, HĐND các cấp, chính sách pháp luật, các loại sách báo, tạp chí về đời sống, văn hóa, giáo dục, y tế và xây dựng NTM để bổ sung đảm bảo trên 200 loại tài liệu, đầu sách trong tủ sách pháp luật tại nhà văn hóa thôn.',
  106, 5, NULL, 8, NULL, 200, 'đầu sách', '2021-07-31'),
 (504, 50, 504, 'Bổ sung tủ sách pháp luật trên 200 đầu sách - nhà văn hóa thôn Làng Chè',
  'Phối hợp với Công chức VHTT, Ban phát triển thôn Chế Biền, Làng Chè nghiên cứu hệ thống văn bản Nghị quyết của Đảng, HĐND các cấp, chính sách pháp luật, các loại sách báo, tạp chí về đời sống, văn hóa, giáo dục, y tế và xây dựng NTM để bổ sung đảm bảo trên 200 loại tài liệu, đầu sách trong tủ sách pháp luật tại nhà văn hóa thôn.',
  106, 5, NULL, 8, NULL, 200, 'đầu sách', '2021-07-31'),
 (505, 50, NULL, 'Vẽ bích họa chủ đề NTM, làng quê trên các tường xây trên tuyến',
  'Giao bộ phận văn hóa và Đoàn thanh niên phối hợp các tổ chức, cơ quan đơn vị, hộ gia đình khảo sát và hỗ trợ các điểm có tường xây trên tuyến (xí nghiệp chè, UBND xã, trường Mầm non, Tiểu học và một số hộ dân), chỉ đạo vẽ các loại bích họa chủ đề về NTM, làng quê, phải thực hiện xong trước ngày 15/7/2021.',
  NULL, 5, 508, NULL, NULL, NULL, 'công trình', '2021-07-15'),
 (506, 50, 504, 'Thành lập Câu lạc bộ dân ca ví dặm - thôn Làng Chè',
  'Phối hợp thôn Làng Chè tham mưu lựa chọn con người thành lập Câu lạc bộ dân ca ví dặm, bố trí thành viên tham gia các tiết mục dân ca ví dặm để phục vụ tại nhà văn hóa Làng Chè trong ngày Trung ương kiểm tra tại xã, xong trước ngày 20/7/2021.',
  116, 5, 513, NULL, NULL, NULL, NULL, '2021-07-20'),
 -- "khảo sát, đánh giá thực trạng và tổng hợp khối lượng 10 nội dung ... báo cáo đề xuất
 -- gửi BQL NTM, UBND trước ngày 30/6/2021": one per hamlet on the route
 (507, 50, 501, 'Khảo sát, tổng hợp khối lượng 10 nội dung tour tuyến, báo cáo đề xuất - thôn Kim Bình',
  'Cấp ủy, ban phát triển thôn và thành phần có trách nhiệm liên quan hoàn thành khảo sát, đánh giá thực trạng và tổng hợp khối lượng 10 nội dung cần thực hiện, báo cáo đề xuất gửi BQL NTM, UBND trước ngày 30/6/2021 để phê duyệt và triển khai đồng loạt trong tháng 07/2021.',
  NULL, 5, NULL, NULL, 501, NULL, NULL, '2021-06-30'),
 (508, 50, 502, 'Khảo sát, tổng hợp khối lượng 10 nội dung tour tuyến, báo cáo đề xuất - thôn Chế Biền',
  'Cấp ủy, ban phát triển thôn và thành phần có trách nhiệm liên quan hoàn thành khảo sát, đánh giá thực trạng và tổng hợp khối lượng 10 nội dung cần thực hiện, báo cáo đề xuất gửi BQL NTM, UBND trước ngày 30/6/2021 để phê duyệt và triển khai đồng loạt trong tháng 07/2021.',
  NULL, 5, NULL, NULL, 502, NULL, NULL, '2021-06-30'),
 (509, 50, 503, 'Khảo sát, tổng hợp khối lượng 10 nội dung tour tuyến, báo cáo đề xuất - thôn Thượng Kim',
  'Cấp ủy, ban phát triển thôn và thành phần có trách nhiệm liên quan hoàn thành khảo sát, đánh giá thực trạng và tổng hợp khối lượng 10 nội dung cần thực hiện, báo cáo đề xuất gửi BQL NTM, UBND trước ngày 30/6/2021 để phê duyệt và triển khai đồng loạt trong tháng 07/2021.',
  NULL, 5, NULL, NULL, 503, NULL, NULL, '2021-06-30'),
 (510, 50, 504, 'Khảo sát, tổng hợp khối lượng 10 nội dung tour tuyến, báo cáo đề xuất - thôn Làng Chè',
  'Cấp ủy, ban phát triển thôn và thành phần có trách nhiệm liên quan hoàn thành khảo sát, đánh giá thực trạng và tổng hợp khối lượng 10 nội dung cần thực hiện, báo cáo đề xuất gửi BQL NTM, UBND trước ngày 30/6/2021 để phê duyệt và triển khai đồng loạt trong tháng 07/2021.',
  NULL, 5, NULL, NULL, 504, NULL, NULL, '2021-06-30'),
 (511, 50, 505, 'Khảo sát, tổng hợp khối lượng 10 nội dung tour tuyến, báo cáo đề xuất - thôn Tiên Phong',
  'Cấp ủy, ban phát triển thôn và thành phần có trách nhiệm liên quan hoàn thành khảo sát, đánh giá thực trạng và tổng hợp khối lượng 10 nội dung cần thực hiện, báo cáo đề xuất gửi BQL NTM, UBND trước ngày 30/6/2021 để phê duyệt và triển khai đồng loạt trong tháng 07/2021.',
  NULL, 5, NULL, NULL, 505, NULL, NULL, '2021-06-30');

-- ---------------------------------------------------------------------------------------
-- Progress reports (demo). Weekly reports fall on Fridays (seed 001: "Hàng tuần, vào
-- thứ 6"); qty is this report's quantity, 0 for a report in words only.
INSERT INTO progress(task_id, report_date, qty, note, reporter, entered_by) VALUES
 -- Sơn Tiến, March 2022
 (101, '2022-03-11', 0, 'Đã làm đất, gieo ươm cây giống tại vườn ươm.', 'Đoàn Thanh niên', 'demo'),
 (101, '2022-03-25', 0, 'Vườn ươm hoàn thành, cấp cây giống cho các thôn.', 'Đoàn Thanh niên', 'demo'),
 (102, '2022-03-18', 1, 'Ra mắt 1 tuyến cụm hộ liền kề 3 sạch.', 'Hội Phụ nữ', 'demo'),
 (102, '2022-03-25', 1, 'Thêm 1 tuyến; các thôn còn lại chưa chọn được hộ.', 'Hội Phụ nữ', 'demo'),
 (103, '2022-03-18', 0, 'Vận động hộ chỉnh trang vườn, vệ sinh chuồng trại.', 'Hội Nông dân', 'demo'),
 (103, '2022-03-31', 0, 'Hoàn thành đợt vận động trong tháng cao điểm.', 'Hội Nông dân', 'demo'),
 (104, '2022-03-25', 0, 'Chăm sóc cây bóng mát tuyến trục xã; chưa làm rãnh thoát nước.', 'Hội Cựu chiến binh', 'demo'),
 (105, '2022-03-11', 0.5, 'Trồng mới tuyến đường vào nhà văn hóa thôn.', 'Ban phát triển thôn Vực Rồng', 'demo'),
 (105, '2022-03-25', 0.75, 'Trồng bổ sung, cắt tỉa các tuyến còn lại.', 'Ban phát triển thôn Vực Rồng', 'demo'),
 (106, '2022-03-18', 0.5, 'Trồng mới một phần tuyến trục thôn; thiếu cây giống.', 'Ban phát triển thôn Côn Sơn', 'demo'),
 (107, '2022-03-11', 0.75, 'Trồng mới tuyến trục thôn.', 'Ban phát triển thôn Thịnh Tiến', 'demo'),
 (107, '2022-03-25', 0.5, 'Trồng hàng rào xanh khu thể thao thôn.', 'Ban phát triển thôn Thịnh Tiến', 'demo'),
 (108, '2022-03-25', 0, 'Bổ sung, cắt tỉa hàng rào xanh; giữ chuẩn các tiêu chí.', 'Ban phát triển thôn Thiên Nhẫn', 'demo'),
 (109, '2022-03-25', 0, 'Đã bổ sung bồn hoa, biển bảng.', 'Ban phát triển thôn Tân Tiến', 'demo'),
 (110, '2022-03-18', 0, 'Đang rà soát các nội dung cần bổ sung.', 'Ban phát triển thôn Trung Tiến', 'demo'),
 (111, '2022-03-25', 0, 'Hoàn thành trồng dặm, vệ sinh các tuyến.', 'Ban phát triển thôn Hùng Tiến', 'demo'),
 (113, '2022-03-18', 0, 'Trồng hàng rào xanh tuyến trục thôn, chỉnh trang vườn hộ.', 'Ban phát triển thôn Hùng Sơn', 'demo'),
 (114, '2022-03-25', 0, 'Mới tổng dọn vệ sinh, chưa trồng hàng rào.', 'Ban phát triển thôn Động Eo', 'demo'),
 (115, '2022-03-25', 0, 'Hoàn thành trồng hàng rào xanh, vệ sinh môi trường.', 'Ban phát triển thôn Ngọc Sơn', 'demo'),
 (118, '2022-03-06', 0, 'Chủ nhật: tổng dọn vệ sinh 13/13 thôn.', 'Ban chỉ đạo xã', 'demo'),
 (118, '2022-03-13', 0, 'Chủ nhật: tổng dọn vệ sinh 12/13 thôn.', 'Ban chỉ đạo xã', 'demo'),
 (118, '2022-03-20', 0, 'Chủ nhật: tổng dọn vệ sinh 13/13 thôn.', 'Ban chỉ đạo xã', 'demo'),
 (118, '2022-03-27', 0, 'Chủ nhật: tổng dọn vệ sinh 13/13 thôn.', 'Ban chỉ đạo xã', 'demo'),

 -- Cẩm Hà, Friday reports 2022
 (201, '2022-04-15', 0, 'Đã chọn hộ, san lấp mặt bằng vườn.', 'Đoàn Thanh niên', 'demo'),
 (201, '2022-05-20', 0, 'Làm hàng rào xanh, trồng rau màu.', 'Đoàn Thanh niên', 'demo'),
 (201, '2022-06-17', 0, 'Hoàn thiện khoảng 80%, còn biển vườn mẫu và lối đi.', 'Đoàn Thanh niên', 'demo'),
 (202, '2022-04-08', 0, 'Cải tạo vườn, trồng cây ăn quả.', 'Hội Nông dân', 'demo'),
 (202, '2022-06-17', 1, 'Hoàn thành vườn mẫu, chờ kiểm tra công nhận.', 'Hội Nông dân', 'demo'),
 (203, '2022-05-27', 0, 'Đã chọn hộ làm vườn mẫu.', 'Hội Cựu chiến binh', 'demo'),
 (204, '2022-03-18', 0, 'Ra quân chỉnh trang tuyến đường mẫu.', 'Ban phát triển thôn Tiến Thắng', 'demo'),
 (204, '2022-05-13', 0, 'Hoàn thành hàng rào xanh tuyến trục thôn.', 'Ban phát triển thôn Tiến Thắng', 'demo'),
 (205, '2022-03-04', 4, NULL, 'Hội Cựu chiến binh', 'demo'),
 (205, '2022-03-18', 6, NULL, 'Hội Cựu chiến binh', 'demo'),
 (205, '2022-04-01', 5, NULL, 'Hội Cựu chiến binh', 'demo'),
 (205, '2022-04-22', 7, NULL, 'Hội Cựu chiến binh', 'demo'),
 (205, '2022-05-13', 6, NULL, 'Hội Cựu chiến binh', 'demo'),
 (205, '2022-06-03', 8, NULL, 'Hội Cựu chiến binh', 'demo'),
 (205, '2022-06-17', 5, NULL, 'Hội Cựu chiến binh', 'demo'),
 (206, '2022-03-11', 35, 'Số hộ thực hiện phân loại rác tại hộ.', 'Hội Liên hiệp Phụ nữ', 'demo'),
 (206, '2022-04-08', 42, NULL, 'Hội Liên hiệp Phụ nữ', 'demo'),
 (206, '2022-05-06', 38, NULL, 'Hội Liên hiệp Phụ nữ', 'demo'),
 (206, '2022-06-10', 30, NULL, 'Hội Liên hiệp Phụ nữ', 'demo'),
 (207, '2022-04-01', 20, 'Số vườn hộ đã chỉnh trang.', 'Hội Nông dân', 'demo'),
 (207, '2022-05-06', 18, NULL, 'Hội Nông dân', 'demo'),
 (208, '2022-03-25', 2, 'Ra quân vệ sinh 2 tuyến đường thanh niên tự quản.', 'Đoàn Thanh niên', 'demo'),
 (209, '2022-04-22', 0, 'Huy động 15 lượt cán bộ chiến sĩ hỗ trợ thôn Tiến Thắng.', 'Công an xã', 'demo'),
 (210, '2022-04-22', 0, 'Huy động dân quân hỗ trợ phát quang, làm hàng rào.', 'Ban Chỉ huy quân sự xã', 'demo'),
 (212, '2022-05-20', 0, 'Bổ sung bồn hoa, cắt tỉa hàng rào xanh.', 'Ban phát triển thôn Thành Xuân', 'demo'),
 (215, '2022-06-10', 0, 'Đang rà soát hồ sơ tiêu chí môi trường, giao thông.', 'Ủy ban nhân dân xã', 'demo'),

 -- An Hòa Thịnh, Friday reports during the 2021 push
 (301, '2021-03-12', 0.25, NULL, 'Ban phát triển thôn Nậy', 'demo'),
 (301, '2021-03-26', 0.25, NULL, 'Ban phát triển thôn Nậy', 'demo'),
 (301, '2021-04-09', 0.5,  NULL, 'Ban phát triển thôn Nậy', 'demo'),
 (301, '2021-04-30', 0.25, NULL, 'Ban phát triển thôn Nậy', 'demo'),
 (301, '2021-05-28', 0.15, 'Thiếu cây giống; chưa hoàn thành chỉ tiêu.', 'Ban phát triển thôn Nậy', 'demo'),
 (302, '2021-03-19', 5, NULL, 'Ban phát triển thôn Nậy', 'demo'),
 (302, '2021-04-02', 6, NULL, 'Ban phát triển thôn Nậy', 'demo'),
 (302, '2021-04-16', 5, NULL, 'Ban phát triển thôn Nậy', 'demo'),
 (302, '2021-04-30', 4, NULL, 'Ban phát triển thôn Nậy', 'demo'),
 (302, '2021-05-14', 4, NULL, 'Ban phát triển thôn Nậy', 'demo'),
 (302, '2021-05-28', 3, 'Còn 6 hộ chưa làm.', 'Ban phát triển thôn Nậy', 'demo'),
 (303, '2021-03-12', 30, NULL, 'Ban phát triển thôn Nậy', 'demo'),
 (303, '2021-04-02', 25, NULL, 'Ban phát triển thôn Nậy', 'demo'),
 (303, '2021-04-30', 20, NULL, 'Ban phát triển thôn Nậy', 'demo'),
 (303, '2021-05-28', 15, 'Còn một số vườn vắng chủ chưa cải tạo.', 'Ban phát triển thôn Nậy', 'demo'),
 (304, '2021-04-16', 5, NULL, 'Ban phát triển thôn Nậy', 'demo'),
 (304, '2021-05-21', 3, 'Đạt 8/10 hộ liền kề.', 'Ban phát triển thôn Nậy', 'demo'),
 (305, '2021-03-12', 0.5,  NULL, 'Ban phát triển thôn Trung Mỹ', 'demo'),
 (305, '2021-03-26', 0.75, NULL, 'Ban phát triển thôn Trung Mỹ', 'demo'),
 (305, '2021-04-09', 0.75, NULL, 'Ban phát triển thôn Trung Mỹ', 'demo'),
 (305, '2021-04-23', 0.5,  NULL, 'Ban phát triển thôn Trung Mỹ', 'demo'),
 (305, '2021-05-07', 0.5,  'Hoàn thành 3 km.', 'Ban phát triển thôn Trung Mỹ', 'demo'),
 (306, '2021-03-26', 4, NULL, 'Ban phát triển thôn Trung Mỹ', 'demo'),
 (306, '2021-04-16', 5, NULL, 'Ban phát triển thôn Trung Mỹ', 'demo'),
 (306, '2021-05-07', 3, NULL, 'Ban phát triển thôn Trung Mỹ', 'demo'),
 (306, '2021-05-21', 4, 'Vượt chỉ tiêu.', 'Ban phát triển thôn Trung Mỹ', 'demo'),
 (307, '2021-03-19', 0.5,  NULL, 'Ban phát triển thôn Phúc Thịnh', 'demo'),
 (307, '2021-04-02', 0.5,  NULL, 'Ban phát triển thôn Phúc Thịnh', 'demo'),
 (307, '2021-04-23', 0.75, NULL, 'Ban phát triển thôn Phúc Thịnh', 'demo'),
 (307, '2021-05-14', 0.5,  NULL, 'Ban phát triển thôn Phúc Thịnh', 'demo'),
 (307, '2021-05-28', 0.25, NULL, 'Ban phát triển thôn Phúc Thịnh', 'demo'),
 (308, '2021-03-26', 3, NULL, 'Ban phát triển thôn Phúc Thịnh', 'demo'),
 (308, '2021-04-16', 4, NULL, 'Ban phát triển thôn Phúc Thịnh', 'demo'),
 (308, '2021-05-07', 4, NULL, 'Ban phát triển thôn Phúc Thịnh', 'demo'),
 (308, '2021-05-28', 4, NULL, 'Ban phát triển thôn Phúc Thịnh', 'demo'),
 (309, '2021-04-02', 200, 'Thi công nền, đổ bê tông đoạn đầu.', 'Ủy ban nhân dân xã', 'demo'),
 (309, '2021-04-23', 250, NULL, 'Ủy ban nhân dân xã', 'demo'),
 (309, '2021-05-14', 265, 'Hoàn thành 715 m.', 'Ủy ban nhân dân xã', 'demo'),
 (309, '2021-05-28', 0, 'Đã gắn biển tên công trình chào mừng.', 'Ủy ban nhân dân xã', 'demo'),
 (310, '2021-04-09', 1, NULL, 'Ban chỉ đạo xã', 'demo'),
 (310, '2021-05-07', 1, NULL, 'Ban chỉ đạo xã', 'demo'),
 (310, '2021-05-28', 2, 'Đạt 4/5 vườn mẫu.', 'Ban chỉ đạo xã', 'demo'),
 (311, '2021-04-16', 8,  NULL, 'Ban phát triển thôn Nậy', 'demo'),
 (311, '2021-05-21', 7,  NULL, 'Ban phát triển thôn Nậy', 'demo'),
 (312, '2021-04-16', 7,  NULL, 'Ban phát triển thôn Trung Mỹ', 'demo'),
 (312, '2021-05-21', 5,  NULL, 'Ban phát triển thôn Trung Mỹ', 'demo'),
 (313, '2021-04-16', 5,  NULL, 'Ban phát triển thôn Phúc Thịnh', 'demo'),
 (313, '2021-05-21', 4,  NULL, 'Ban phát triển thôn Phúc Thịnh', 'demo'),
 (314, '2021-04-16', 9,  NULL, 'Ban phát triển thôn Thiên Nhẫn', 'demo'),
 (314, '2021-05-21', 6,  NULL, 'Ban phát triển thôn Thiên Nhẫn', 'demo'),
 (315, '2021-04-16', 10, NULL, 'Ban phát triển thôn Tân Thịnh', 'demo'),
 (315, '2021-05-14', 5,  NULL, 'Ban phát triển thôn Tân Thịnh', 'demo'),
 (316, '2021-04-09', 8,  NULL, 'Ban phát triển thôn Sâm Cồn', 'demo'),
 (316, '2021-05-07', 7,  NULL, 'Ban phát triển thôn Sâm Cồn', 'demo'),
 (317, '2021-04-16', 6,  NULL, 'Ban phát triển thôn Cừa Quán', 'demo'),
 (317, '2021-05-21', 5,  NULL, 'Ban phát triển thôn Cừa Quán', 'demo'),
 (318, '2021-04-09', 9,  NULL, 'Ban phát triển thôn Bình Hòa', 'demo'),
 (318, '2021-05-14', 6,  NULL, 'Ban phát triển thôn Bình Hòa', 'demo'),
 (319, '2021-04-16', 7,  NULL, 'Ban phát triển thôn Giếng Thị', 'demo'),
 (319, '2021-05-21', 6,  NULL, 'Ban phát triển thôn Giếng Thị', 'demo'),
 (320, '2021-04-09', 10, NULL, 'Ban phát triển thôn Hưng Thịnh', 'demo'),
 (320, '2021-05-14', 5,  NULL, 'Ban phát triển thôn Hưng Thịnh', 'demo'),
 (321, '2021-04-16', 5,  NULL, 'Ban phát triển thôn Đức Thịnh', 'demo'),
 (321, '2021-05-21', 3,  NULL, 'Ban phát triển thôn Đức Thịnh', 'demo'),
 (322, '2021-03-26', 12, 'Hoàn thành, sẵn sàng nghiệm thu.', 'Ban phát triển thôn Sâm Cồn', 'demo'),
 (323, '2021-03-26', 5,  'Chưa hoàn thành; nhiều hộ chưa xây.', 'Ban phát triển thôn Nậy', 'demo'),
 (324, '2021-03-26', 10, 'Hoàn thành, sẵn sàng nghiệm thu.', 'Ban phát triển thôn Bình Hòa', 'demo'),
 (325, '2021-03-26', 4,  'Chưa hoàn thành.', 'Ban phát triển thôn Đức Thịnh', 'demo'),
 (326, '2021-03-19', 11, 'Hoàn thành, sẵn sàng nghiệm thu.', 'Ban phát triển thôn Hưng Thịnh', 'demo'),
 (327, '2021-03-26', 9,  'Hoàn thành, sẵn sàng nghiệm thu.', 'Ban phát triển thôn Tân Thịnh', 'demo'),

 -- Cẩm Long 2022
 (401, '2022-03-15', 20, 'Hoàn thiện hồ sơ 3/14 tiêu chí.', 'Ban phát triển thôn Long Tiến', 'demo'),
 (401, '2022-05-16', 25, 'Hoàn thiện thêm hồ sơ 3 tiêu chí, gửi thẩm tra.', 'Ban phát triển thôn Long Tiến', 'demo'),
 (402, '2022-04-15', 0, 'Rà soát 14 tiêu chí; tiêu chí nhà ở dân cư và vườn hộ cần củng cố.', 'Ban phát triển thôn Long Tiến', 'demo'),
 (403, '2022-03-31', 0, '4/6 thôn đã điều chỉnh kế hoạch.', 'Ban chỉ đạo xã', 'demo'),
 (404, '2022-05-22', 0, 'Ra quân dọn vệ sinh khu vực công cộng thôn Long Tiến.', 'Ủy ban MTTQ xã', 'demo'),

 -- Sơn Kim 2, June-July 2021
 (501, '2021-06-29', 0, 'Hoàn thành rà soát các tuyến; đăng ký cây bóng mát về huyện.', 'Trần Ngọc Anh', 'demo'),
 (502, '2021-07-09', 14, 'Số hộ đã nhận gạch.', 'Đặng Thị Như Mai', 'demo'),
 (502, '2021-07-16', 11, NULL, 'Đặng Thị Như Mai', 'demo'),
 (502, '2021-07-23', 9, 'Đã cấp gạch cho tất cả các hộ đăng ký.', 'Đặng Thị Như Mai', 'demo'),
 (503, '2021-07-02', 120, NULL, 'Nguyễn Thị Nguyệt', 'demo'),
 (503, '2021-07-16', 95, 'Đủ trên 200 đầu sách.', 'Nguyễn Thị Nguyệt', 'demo'),
 (504, '2021-07-09', 90, NULL, 'Nguyễn Thị Nguyệt', 'demo'),
 (504, '2021-07-23', 70, NULL, 'Nguyễn Thị Nguyệt', 'demo'),
 (505, '2021-07-09', 3, 'Tường rào xí nghiệp chè, UBND xã, trường Mầm non.', 'Đoàn Thanh niên', 'demo'),
 (505, '2021-07-14', 2, 'Trường Tiểu học và một hộ dân.', 'Đoàn Thanh niên', 'demo'),
 (506, '2021-07-16', 0, 'Ra mắt Câu lạc bộ dân ca ví dặm thôn Làng Chè.', 'Bộ phận Văn hóa - Thông tin xã', 'demo'),
 (507, '2021-06-28', 0, 'Đã gửi báo cáo đề xuất.', 'Ban phát triển thôn Kim Bình', 'demo'),
 (508, '2021-06-29', 0, 'Đã gửi báo cáo đề xuất.', 'Ban phát triển thôn Chế Biền', 'demo'),
 (509, '2021-06-29', 0, 'Đang khảo sát; chưa có phương án nhà văn hóa.', 'Ban phát triển thôn Thượng Kim', 'demo'),
 (510, '2021-06-30', 0, 'Đã gửi báo cáo đề xuất.', 'Ban phát triển thôn Làng Chè', 'demo');

-- Done: tasks whose reports reach the target ...
UPDATE task SET status = 'done' WHERE target_qty IS NOT NULL AND done_qty >= target_qty;
-- ... and tasks without a target that their last report says are finished.
UPDATE task SET status = 'done' WHERE id IN (
  101, 103, 105, 107, 108, 109, 111, 113, 115, 118,   -- Sơn Tiến
  322, 324, 326, 327,                                 -- An Hòa Thịnh: compost pits
  501, 502, 505, 506, 507, 508, 510);                 -- Sơn Kim 2

-- ---------------------------------------------------------------------------------------
-- Seed 004: households on the tour route. Only given names are in the seed ("anh Huỳnh",
-- "anh Hải Giang", "anh Vị", "anh Thức"); the flags stay NULL (not surveyed) because the
-- seed states none of them for a named household.
INSERT INTO household(id, hamlet_id, head_name, note) VALUES
 (1, 501, 'Huỳnh',     'Nhà vườn anh Huỳnh, trên tour tuyến kiểm tra.'),
 (2, 501, 'Hải Giang', 'Mô hình chăn nuôi hươu đảm bảo môi trường, có hệ thống xử lý khí thải, chất thải, nước thải.'),
 (3, 502, 'Vị',        'Nhà vườn anh Vị, trên tour tuyến kiểm tra.'),
 (4, 502, 'Thức',      'Nhà vườn anh Thức, trên tour tuyến kiểm tra.');

-- Seed 004: the inspection tour. tour_date is NULL: the seed gives no date for the
-- inspection (the target is to finish the route "trong tháng 06" for the province and
-- Centre's inspection team, whose day is not stated).
INSERT INTO tour(id, unit_id, name, tour_date, lead_person_id, team, purpose, campaign_id) VALUES
 (1, 50, 'Tour tuyến kiểm tra, đánh giá NTM xã Sơn Kim 2', NULL, 5, NULL,
  'Xây dựng hoàn thành tour tuyến xã, huyện đạt chuẩn NTM trong tháng 06 để phục vụ tốt cho đoàn kiểm tra đánh giá của tỉnh và Trung ương. Trên tuyến đi đoàn kiểm tra có thể dừng chân để kiểm tra, đánh giá bất cứ điểm nào, hộ nào, công trình nào.',
  5);

-- Stops in the seed's order.
INSERT INTO tour_stop(id, tour_id, seq, kind, hamlet_id, household_id, name, landmark, note) VALUES
 (1,  1, 1,  'bridge',         501, NULL, 'Cầu tràn Kim Bình', 'Điểm bắt đầu tour tuyến', NULL),
 (2,  1, 2,  'garden',         501, 1,    'Nhà vườn anh Huỳnh', 'Từ cầu tràn Kim Bình vào', NULL),
 (3,  1, 3,  'farm',           501, 2,    'Mô hình chăn nuôi hươu anh Hải Giang', NULL,
      'Xem mô hình chăn nuôi hươu đảm bảo môi trường, có hệ thống xử lý khí thải, chất thải, nước thải.'),
 (4,  1, 4,  'garden',         502, 3,    'Nhà vườn anh Vị', 'Thôn Chế Biền', NULL),
 (5,  1, 5,  'garden',         502, 4,    'Nhà vườn anh Thức', 'Thôn Chế Biền', NULL),
 (6,  1, 6,  'cultural_house', 502, NULL, 'Nhà văn hóa thôn Chế Biền', 'Thôn Chế Biền',
      'Kiểm tra hạ tầng kỹ thuật có kết nối Internet, sẵn sàng cho thực hiện xây dựng khu dân cư NTM thông minh.'),
 (7,  1, 7,  'cultural_house', 503, NULL, 'Nhà văn hóa thôn Thượng Kim', 'Vào Thượng Kim',
      'Lập phương án cạo bỏ, gia trát, ốp lát lại toàn bộ tường, lợp lại vĩa, cải tạo nhà mẫu giáo thành 02 phòng truyền thống phát thanh tuyên truyền và phòng kho.'),
 (8,  1, 8,  'school',         503, NULL, 'Trường Mầm non Thượng Kim', 'Thượng Kim', NULL),
 (9,  1, 9,  'cultural_house', 504, NULL, 'Nhà văn hóa thôn Làng Chè', NULL,
      'Kiểm tra đánh giá tiêu chí CSVC nhà văn hóa; tiết mục dân ca ví dặm trong ngày Trung ương kiểm tra.'),
 (10, 1, 10, 'bridge',         NULL, NULL, 'Cầu Đá', NULL,
      'Bản gốc: "đi cầu Đá / Đón xuống khu dân cư Tiên Phong" (ngắt dòng); tên cầu có thể là "cầu Đá Đón". Thôn chưa rõ.'),
 (11, 1, 11, 'other',          505, NULL, 'Khu dân cư Tiên Phong', NULL, NULL),
 (12, 1, 12, 'field',          NULL, NULL, 'Đồng chè Đượng Dâu', 'Cuối tuyến', 'Thôn chưa rõ.');

-- The ten checks of template TOUR-10 at every stop (12 stops x 10 = 120 rows), not yet
-- recorded (result NULL).
INSERT INTO tour_check(stop_id, seq, item_id, title)
SELECT s.id, i.seq, i.id, i.title
  FROM tour_stop s
  JOIN checklist_item i ON i.template_id = (SELECT id FROM checklist_template WHERE code = 'TOUR-10')
 WHERE s.tour_id = 1
 ORDER BY s.seq, i.seq;

-- ---------------------------------------------------------------------------------------
-- The bodies that issue each commune's papers, as the seeds' letterheads and signatures
-- show them. Party bodies print "ĐẢNG CỘNG SẢN VIỆT NAM", a "*" under their name and
-- "Số 49-CV/ĐU"; state bodies the national motto and "Số: .../BC-UBND".
INSERT INTO issuer(unit_id, org_id, code, style, parent_name, name, symbol, sign_authority, sign_title, signer_name, is_default) VALUES
 -- seed 000: "ĐẢNG ỦY XÃ SƠN TIẾN / BCĐ ...", "Số    CV/BCĐ", signed by the Bí thư
 (10, 104, 'bcd',  'party', 'ĐẢNG ỦY XÃ SƠN TIẾN',
      'BAN CHỈ ĐẠO CHƯƠNG TRÌNH MTQG XÂY DỰNG NTM, GIẢM NGHÈO BỀN VỮNG VÀ MỖI XÃ MỘT SẢN PHẨM', 'BCĐ',
      'TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN', 'Nguyễn Thị Thu Hiền', 1),
 (10, 101, 'du',   'party', 'HUYỆN ỦY HƯƠNG SƠN', 'ĐẢNG ỦY XÃ SƠN TIẾN', 'ĐU',
      'TM. BAN THƯỜNG VỤ', 'BÍ THƯ', 'Nguyễn Thị Thu Hiền', 0),
 -- seed 001: "ĐẢNG ỦY XÃ CẨM HÀ / BAN CHỈ ĐẠO ... / *", "Số: 14-KH/BCĐ", Lê Văn Sơn
 (20, 204, 'bcd',  'party', 'ĐẢNG ỦY XÃ CẨM HÀ',
      'BAN CHỈ ĐẠO CHƯƠNG TRÌNH MTQG XÂY DỰNG NÔNG THÔN MỚI', 'BCĐ',
      'TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN', 'Lê Văn Sơn', 1),
 (20, 202, 'ubnd', 'state', 'UBND HUYỆN CẨM XUYÊN', 'ỦY BAN NHÂN DÂN XÃ CẨM HÀ', 'UBND',
      'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', NULL, 0),
 -- seed 002: signed "PHÓ BAN CHỈ ĐẠO" by Nguyễn Hữu Đông, Chủ tịch UBND
 (30, 304, 'bcd',  'state', 'UBND XÃ AN HÒA THỊNH',
      'BAN CHỈ ĐẠO NTM, GNBV VÀ MỖI XÃ MỘT SẢN PHẨM', 'BCĐ',
      'KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', 'Nguyễn Hữu Đông', 1),
 (30, 302, 'ubnd', 'state', 'UBND HUYỆN HƯƠNG SƠN', 'ỦY BAN NHÂN DÂN XÃ AN HÒA THỊNH', 'UBND',
      'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Hữu Đông', 0),
 -- seed 003: "Số: /TB-UBND", "TM. ỦY BAN NHÂN DÂN XÃ / CHỦ TỊCH", Bùi Thị Huệ
 (40, 402, 'ubnd', 'state', 'UBND HUYỆN CẨM THỦY', 'ỦY BAN NHÂN DÂN XÃ CẨM LONG', 'UBND',
      'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Bùi Thị Huệ', 1),
 -- seed 004: "HUYỆN ỦY HƯƠNG SƠN / ĐẢNG ỦY XÃ SƠN KIM 2 / *", "Số 49 - CV/ĐU",
 -- "TM. BAN THƯỜNG VỤ / BÍ THƯ", Cao Kỳ Vị
 (50, 501, 'du',   'party', 'HUYỆN ỦY HƯƠNG SƠN', 'ĐẢNG ỦY XÃ SƠN KIM 2', 'ĐU',
      'TM. BAN THƯỜNG VỤ', 'BÍ THƯ', 'Cao Kỳ Vị', 1),
 (50, 502, 'ubnd', 'state', 'UBND HUYỆN HƯƠNG SƠN', 'ỦY BAN NHÂN DÂN XÃ SƠN KIM 2', 'UBND',
      'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', NULL, 0);
