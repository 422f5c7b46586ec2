-- Demo data 3/4: checklist templates. Runs after the criteria files (criterion ids 1xx
-- are the 2021-2025 national set).
--
-- Ids: template 1, 2, 3; checklist_item id = 100 * template + seq.
-- Text corrections against the seed, all obvious typos: "cắt tĩa" -> "cắt tỉa",
-- "lè" -> "lề" (đắp lề, liền lề), "hội Phụ nữ" -> "Hội Phụ nữ".

-- Seed 004 (Sơn Kim 2, 49-CV/ĐU, 21/6/2021): the ten things prepared and checked along
-- the inspection tour, in the seed's order (1)..(10).
INSERT INTO checklist_template(id, code, name, note) VALUES
 (1, 'TOUR-10', 'Tour tuyến kiểm tra: 10 nội dung',
  'Theo Công văn 49-CV/ĐU ngày 21/6/2021 của Đảng ủy xã Sơn Kim 2. Trên tuyến đi, đoàn kiểm tra có thể dừng chân để kiểm tra, đánh giá bất cứ điểm nào, hộ nào, công trình nào. Tất cả phải được tổng hợp chi tiết, dự toán khối lượng, đề xuất hỗ trợ theo chính sách.');

INSERT INTO checklist_item(id, template_id, seq, title, detail, criterion_id) VALUES
 (101, 1, 1, 'Hàng rào xanh: làm lại, trồng mới, cắt tỉa',
  'Hệ thống hàng rào cần làm lại, trồng mới, phải cắt tỉa.',
  117), -- Môi trường và an toàn thực phẩm (cảnh quan)
 (102, 1, 2, 'Cây xanh bóng mát, bồn hoa: làm lại, trồng mới',
  'Hệ thống cây xanh bóng mát, bồn hoa cần làm lại, làm mới, trồng mới khép kín các bồn hiện có bằng cây ngũ sắc.',
  102), -- Giao thông (seed 002 puts shade trees under Giao thông)
 (103, 1, 3, 'Đường: mở rộng, đắp lề, đào mương, cứng hóa mương rãnh',
  'Các đoạn đường trên tuyến cần giải tỏa mở rộng, đắp lề, đào mương, cứng hóa mương rãnh và số lượng các tuyến đường trong thôn chưa cứng hóa phải tổng hợp đăng ký nhận xi măng trước 30/6 hạn cuối thực hiện chính sách hỗ trợ theo NQ 123 của HĐND tỉnh, số tuyến đã cứng hóa mặt nhưng chưa có lề, chưa đắp lề cần thực hiện.',
  102), -- Giao thông
 (104, 1, 4, 'Biển bảng giao thông, biển tuyên truyền: lắp bổ sung',
  'Hệ thống biển bảng giao thông, biển tuyên truyền cần lắp đặt bổ sung.',
  102), -- Giao thông
 (105, 1, 5, '3 sạch ở 100% vườn hộ trên tuyến',
  '100% các vườn hộ trên tuyến phải đảm bảo 03 sạch (01. Sạch nhà, các công trình phụ trợ, chăn nuôi phải sắp xếp gọn, ngăn nắp; 02. Sạch vườn phải không để cỏ cây dại, rác, vườn phải được sản xuất, chăn nuôi khép kín; 03. Sạch sân ngõ, đường, mương rãnh, hành lang giao thông liền lề với khu vườn), tổng hợp số hộ còn nhếch nhác cần phải cải tạo, san lấp, quy hoạch lại để sản xuất và chăn nuôi phù hợp.',
  117),
 (106, 1, 6, 'Nhà vệ sinh 1, 2 ngăn, chuồng trại chưa đảm bảo: phá bỏ',
  'Số hộ có công trình nhà ở, chăn nuôi, nhà vệ sinh 1 ngăn, 2 ngăn chưa đảm bảo cần phá bỏ, hỗ trợ gạch để chỉnh trang di dời.',
  117),
 (107, 1, 7, 'Hộ chưa có hố ủ rác, hố 3 ngăn, nhà vệ sinh tự hoại',
  'Số hộ chưa có hố ủ rác sau phân loại, chưa có hố 03 ngăn xử lý nước thải và nhà tắm kết hợp nhà vệ sinh tự hoại cần hỗ trợ gạch, vật liệu khác để xây dựng (riêng đối với hộ gia đình cán bộ, công chức, viên chức y tế - giáo dục, đảng viên sinh sống trên địa bàn các thôn phải tự đăng ký, báo cáo và nêu gương trong việc thực hiện đi đầu, làm trước, để hội viên nhân dân noi theo).',
  117),
 (108, 1, 8, 'Ít nhất 01 vườn mẫu mỗi thôn trên tuyến',
  'Các đoàn thể được giao chỉ tiêu phối hợp cùng tổ chỉ đạo thôn được tăng cường thêm và các ban phát triển thôn xây dựng ít nhất 01 vườn mẫu tại các thôn trên tour tuyến phục vụ kiểm tra, đồng thời cũng có các vườn mẫu đã được công nhận.',
  NULL), -- vườn mẫu: not one of the 19 national criteria
 (109, 1, 9, 'Tối thiểu 10 hộ liền kề đảm bảo 3 sạch',
  'Hoàn thành lựa chọn tối thiểu 10 hộ liền kề, của các cụm tuyến dân cư để chỉ đạo thực hiện thường xuyên đảm bảo 03 sạch trong vệ sinh thu gom phân loại xử lý rác thải, nước thải để công nhận tối thiểu 04 mô hình tại 04 thôn trên tour tuyến kiểm tra, do Hội Phụ nữ trực tiếp hướng dẫn thực hiện, từng bước xây dựng thành 10 hộ vườn đẹp - nhà sạch, vườn mẫu để phục vụ học tập tham quan trải nghiệm.',
  117),
 (110, 1, 10, 'Nhà văn hóa, khu thể thao thôn: hạng mục, thiết bị',
  'Xây dựng mới, nâng cấp, cải tạo, bổ sung mới các hạng mục công trình tại các khu thể thao thôn; các hạng mục xây dựng hệ thống hàng rào, cổng, bồn hoa, nhà kho, nhà vệ sinh tự hoại, bổ sung trang thiết bị Internet, máy vi tính, Camera an ninh, bổ sung tủ sách pháp luật, có trên 200 đầu sách, bàn ghế, sơn sửa ốp lát gạch, khánh tiết bên trong, bên ngoài, sân, ngõ nhà văn hóa thôn (Riêng nhà VH Thượng Kim phải lập phương án cạo bỏ, gia trát, ốp lát lại toàn bộ tường, lợp lại vĩa, cải tạo nhà mẫu giáo thành 02 phòng truyền thống phát thanh tuyên truyền và phòng kho), khảo sát, thiết kế vẽ bích họa làng quê trên tường rào xây trên tuyến đối với xí nghiệp chè, UBND xã, trường Mầm non, Tiểu học và một số hộ dân.',
  106); -- Cơ sở vật chất văn hóa

-- Seed 004, item (5): "03 sạch".
INSERT INTO checklist_template(id, code, name, note) VALUES
 (2, '3-SACH', '3 sạch tại hộ gia đình',
  'Theo Công văn 49-CV/ĐU ngày 21/6/2021 của Đảng ủy xã Sơn Kim 2, nội dung (5).');

INSERT INTO checklist_item(id, template_id, seq, title, detail, criterion_id) VALUES
 (201, 2, 1, 'Sạch nhà',
  'Sạch nhà, các công trình phụ trợ, chăn nuôi phải sắp xếp gọn, ngăn nắp.', 117),
 (202, 2, 2, 'Sạch vườn',
  'Sạch vườn phải không để cỏ cây dại, rác, vườn phải được sản xuất, chăn nuôi khép kín.', 117),
 (203, 2, 3, 'Sạch sân ngõ, đường, mương rãnh',
  'Sạch sân ngõ, đường, mương rãnh, hành lang giao thông liền lề với khu vườn.', 117);

-- DOMAIN.md: the Women's Union campaign "5 không, 3 sạch" uses house, kitchen, lane.
-- Only the three "sạch" are known from the sources; the five "không" are not, and are
-- left for the Union's own text.
INSERT INTO checklist_template(id, code, name, note) VALUES
 (3, '5K3S', '5 không, 3 sạch (Hội Phụ nữ)',
  'Chỉ gồm phần 3 sạch (nhà, bếp, ngõ); 5 nội dung "không" chưa có trong tài liệu nguồn, bổ sung sau.');

INSERT INTO checklist_item(id, template_id, seq, title, detail, criterion_id) VALUES
 (301, 3, 1, 'Sạch nhà', NULL, 117),
 (302, 3, 2, 'Sạch bếp', NULL, 117),
 (303, 3, 3, 'Sạch ngõ', NULL, 117);
