# entry_units: communes and hamlets. On Hà Tĩnh's commune list n adds a commune (group by
# Space, the criteria set of its neighbours filled in). On An Hòa Thịnh's hamlets: e renames
# Bình Hòa to Bình Hòa Đông with the decision's date and number (the model keeps the old
# name as a unit_event), S records a status, A assesses criterion 17 (picked by typing
# "moi truong") with its owner picked by "mttq"; d on Trung Mỹ is refused (it has tasks),
# e on "(Toàn xã)" says it is not a hamlet.
. "$(dirname "$0")/lib.sh"
make_demo
sq() { sqlite3 "$WORK/d.db" "$1"; }

start_ntm 80 24
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys Enter
wait_for "Xã (4)"
keys n
wait_for "Thêm xã mới"
assert_screen "2021-2025 · QĐ 318/QĐ-TTg (19 tiêu chí)"     # the set the other communes use, by its label
type_text "Kỳ Lạc"
keys Tab
type_text "Kỳ Anh"
keys Tab Space Space Space               # group 3
wait_for "Nhóm 3"
keys F2
wait_for 'Đã lưu xã "Kỳ Lạc"'
wait_for "Xã (5)"
selected_row | grep -qF "Kỳ Lạc" || fail "the new commune is not selected"

select_row "An Hòa Thịnh"; keys Enter
wait_for "Thôn (11)"
keys e
wait_for "Hãy chọn một xã hoặc thôn"     # the "(Toàn xã)" row is not a hamlet
select_row "Bình Hòa"
keys e
wait_for "Sửa thôn Bình Hòa"
keys C-u
type_text "Bình Hòa Đông"
keys Tab Tab Tab Tab
type_text "1/7/2025"
keys Tab
type_text "QĐ 12/QĐ-UBND"
keys F2
wait_for 'Đã lưu thôn "Bình Hòa Đông"'

keys S
wait_for "Trạng thái của thôn Bình Hòa Đông"
wait_for "Đạt chuẩn KDC NTM kiểu mẫu"    # it starts from the status the hamlet has
keys Left                                # one back: hamlet met NTM standard
wait_for "Thôn đạt chuẩn NTM"
keys F2
wait_for 'Đã lưu trạng thái "Thôn đạt chuẩn NTM"'

keys A
wait_for "Tìm:"
type_text "moi truong"
wait_for "17. Môi trường"
keys Enter
wait_for "17. Môi trường và an toàn thực phẩm — thôn Bình Hòa Đông"
keys Space Space                         # Chưa đạt -> Có nguy cơ -> Đạt
wait_for "‹ Đạt ›"
keys Tab Space Space                     # dossier: Đủ hồ sơ
keys Tab
type_text "mttq"
wait_for "Tìm: mttq"
keys Enter
wait_for "Ủy ban Mặt trận Tổ quốc xã (MTTQ)"
keys F2
wait_for "Đã lưu: 17. Môi trường và an toàn thực phẩm — Đạt."

select_row "Trung Mỹ"
keys d
wait_for 'Xóa thôn "Trung Mỹ"?'
keys c
wait_for 'Không xóa được thôn "Trung Mỹ"'
quit

[ "$(sq "select kind || '|' || parent_id || '|' || district || '|' || commune_group || '|' || criteria_set_id from unit where name = 'Kỳ Lạc'")" = "commune|1|Kỳ Anh|3|1" ] \
    || fail "commune row: $(sq "select * from unit where name = 'Kỳ Lạc'")"
[ "$(sq "select old_name || '|' || new_name || '|' || on_date || '|' || document from unit_event where unit_id = 308 and kind = 'rename'")" = "Bình Hòa|Bình Hòa Đông|2025-07-01|QĐ 12/QĐ-UBND" ] \
    || fail "no rename event: $(sq "select * from unit_event where unit_id = 308")"
[ "$(sq "select status || '|' || year from unit_status where unit_id = 308 order by id desc limit 1")" = "hamlet_ntm_met|2022" ] || fail "status row"
[ "$(sq "select uc.status || '|' || uc.dossier || '|' || o.short_name || '|' || uc.status_date from unit_criterion uc join criterion c on c.id = uc.criterion_id join org o on o.id = uc.owner_org_id where uc.unit_id = 308 and c.number = 17")" = "met|complete|MTTQ|2022-06-20" ] \
    || fail "criterion row: $(sq "select * from unit_criterion where unit_id = 308")"
[ "$(sq "select count(*) from unit where name = 'Trung Mỹ'")" = 1 ] || fail "Trung Mỹ was deleted"
echo "ok: entry_units"
