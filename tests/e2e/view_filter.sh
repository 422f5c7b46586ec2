# view_filter: the task list's filter and sort. On Nậy's tasks, ! keeps only the overdue
# ones (as sqlite3 counts them), o sorts by name in Vietnamese order (a ă â b c d đ e:
# neither byte order nor unaccented order), / searches without accents on top of the
# filter. The program is closed and started again: Nậy's list opens with the same filter
# and order. F changes the state in a form; ! again shows every task.
. "$(dirname "$0")/lib.sh"
make_demo
DB=$WORK/d.db
q() { sqlite3 "$DB" "$1"; }
C=$(q "select id from unit where kind='commune' and name='An Hòa Thịnh'")
N=$(q "select id from unit where kind='hamlet' and name='Nậy' and parent_id = $C")
# Titles that only Vietnamese order sorts right; overdue like the rest of Nậy's open tasks.
for t in "Ép cọc kè bờ mương" "Đào rãnh thoát nước" "Dọn vệ sinh đường làng" "Bê tông hóa ngõ xóm" \
         "Âm thanh loa truyền thanh thôn" "Ăn ở hợp vệ sinh: tuyên truyền" "An toàn giao thông: cắm biển"; do
    q "insert into task(commune_id, hamlet_id, title, deadline) values ($C, $N, '$t', '2022-05-31')"
done
"$NTM_BIN" --db "$DB" reindex >/dev/null 2>&1 || fail "ntm reindex"
T=$NTM_TODAY
all=$(q "select count(*) from task where hamlet_id = $N")
over=$(q "select count(*) from task where hamlet_id = $N and status = 'open' and deadline < '$T'")
done_=$(q "select count(*) from task where hamlet_id = $N and status = 'done'")
[ "$over" -lt "$all" ] || fail "Nậy should have tasks that are not overdue"

open_nay() {
    wait_for "Tỉnh ("
    select_row "Hà Tĩnh"; keys Enter
    wait_for "Xã ("
    select_row "An Hòa Thịnh"; keys Enter
    wait_for "Thôn ("
    select_row "Nậy"; keys Enter
    wait_for "Đầu việc ("
}
# the marks of the task rows (first column), one per line
marks() { screen_text | sed -n '3,/── Chi tiết/p' | grep -E '^ [!✓·×] ' | awk '{print $1}'; }

start_ntm 80 30
open_nay
wait_for "Đầu việc ($all) · theo hạn"
keys !
wait_for "Đầu việc ($over) · Lọc: Quá hạn · theo hạn"
[ "$(marks | sort -u)" = "!" ] || fail "only overdue rows (!) should be listed"
[ "$(marks | wc -l)" -eq "$over" ] || fail "$over overdue rows expected"
assert_absent "15/15 vườn"                     # Nậy's done task

keys o
wait_for "· theo tiến độ"
keys o
wait_for "Lọc: Quá hạn · theo tên"
got=$(screen_text | grep -E '^ ! ' | head -n 7 | awk '{print $3}' | tr '\n' ' ')   # mark, code, title
[ "$got" = "An Ăn Âm Bê Dọn Đào Ép " ] || fail "Vietnamese order expected (An Ăn Âm Bê Dọn Đào Ép), got: $got"

keys /
type_text "dao ranh"
wait_for "Tìm: dao ranh"
wait_gone "Bê tông"
assert_screen "Đào rãnh thoát nước"
keys Enter
assert_screen "Lọc: Quá hạn"
quit

# started again: the filter and the order are still there
start_ntm 80 30
open_nay
wait_for "Đầu việc ($over) · Lọc: Quá hạn · theo tên"
got=$(screen_text | grep -E '^ ! ' | head -n 2 | awk '{print $3}' | tr '\n' ' ')
[ "$got" = "An Ăn " ] || fail "the order by name should be remembered, got: $got"
q "select value from ui_state where key = 'filter.tasks'" | grep -q 'state=3' || fail "ui_state should hold the overdue filter"

# F: the state in the form (Quá hạn -> Đến hạn trong 7 ngày -> Đã xong), F2 saves
keys F
wait_for "Lọc đầu việc"
keys Right Right
wait_for "Đã xong"
keys F2
wait_for "Đầu việc ($done_) · Lọc: Đã xong · theo tên"
[ "$(marks | sort -u)" = "✓" ] || fail "only done rows (✓) should be listed"
keys !
wait_for "Đầu việc ($over) · Lọc: Quá hạn"
keys !
wait_for "Đầu việc ($all) · theo tên"
quit
echo "ok: view_filter"
