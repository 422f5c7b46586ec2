# view_dash_marks: the dashboard ranks by the weekly report's rule and marks the same
# hamlets the paper praises (▲ biểu dương) and names (▼ phê bình); the open follow-ups of
# inspection tours are listed with their deadline, and Enter opens one in its hamlet's
# task list, selected.
. "$(dirname "$0")/lib.sh"
make_demo
sqlite3 "$WORK/d.db" "update tour_check set result = 'fail' where id in (2, 33);
  insert into task(commune_id, hamlet_id, title, owner_unit_id, deadline, tour_check_id) values
  (50, 501, 'Cắt tỉa hàng rào - Cầu tràn Kim Bình', 501, '2022-06-30', 2),
  (50, 502, 'Dọn vườn - Nhà vườn anh Vị', 502, '2022-06-15', 33);"
"$NTM_BIN" --db "$WORK/d.db" reindex || fail "reindex"
NTM_TODAY=2022-06-20 "$NTM_BIN" --db "$WORK/d.db" report weekly --commune "son kim 2" -o "$WORK/w.pdf" >/dev/null || fail "weekly report"
praised=$(pdftotext "$WORK/w.pdf" - | tr '\n' ' ' | sed -n 's/.*Biểu dương: \([^.]*\)\..*/\1/p')
[ "$praised" = "thôn Làng Chè (93,3%), thôn Chế Biền (66,7%), thôn Kim Bình (50,0%)" ] || fail "the paper praises: $praised"
start_ntm 80 24
wait_for "Hà Tĩnh"
keys m; type_text "son kim 2"; wait_for "Sơn Kim 2"; keys Enter
wait_for "Thôn (8)"
keys D
wait_for "Đánh giá"
for h in $(echo "$praised" | sed 's/thôn //g; s/ ([^)]*)//g; s/, /\n/g' | tr ' ' '_'); do
    h=$(echo "$h" | tr '_' ' ')
    screen_text | grep -F "$h " | grep -qF "▲ biểu dương" || fail "$h: praised on paper, not marked on the dashboard"
done
screen_text | grep -F "Tiên Phong" | grep -qF "▼ phê bình" || fail "Tiên Phong is not marked phê bình"
screen_text | grep -F "Hạ Vàng" | grep -q "▲\|▼" && fail "a hamlet without tasks is marked"
wait_for "Khắc phục sau kiểm tra, còn mở (2)"
screen_text | grep -F "Dọn vườn - Nhà vườn anh Vị" | grep -qF "15/06/2022" || fail "follow-up deadline"
select_row "Dọn vườn"
keys Enter
wait_for "Đầu việc ("
top_line | grep -qF "Chế Biền" || fail "not Chế Biền's tasks: $(top_line)"
selected_row | grep -qF "Dọn vườn" || fail "the follow-up is not selected"
quit
