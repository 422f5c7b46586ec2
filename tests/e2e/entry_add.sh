# entry_add: data entry as a new user does it, keys only, at 80x24. In An Hòa Thịnh: n on
# the hamlet list adds the hamlet Tân Lập; c opens the commune's campaigns, n adds one with
# a document number and a period ("+45" days); on Tân Lập's (empty) task list n adds three
# tasks with a quantity, a unit and a deadline typed three ways (30/9/22, 31/08/2022, +30).
# Two titles are typed the way Unikey's "Unicode tổ hợp" sends them: letters and combining
# marks apart (o + U+0302 + U+0300 for ồ, e + U+0302 + U+0301 for ế). Then sqlite3 must find
# exactly those rows: NFC text, quantities, units, ISO dates, the campaign and the hamlet
# filled in on each task, and nothing else added.
. "$(dirname "$0")/lib.sh"
make_demo
sq() { sqlite3 "$WORK/d.db" "$1"; }
counts() { sq "select (select count(*) from unit)||' '||(select count(*) from campaign)||' '||(select count(*) from task)||' '||(select count(*) from progress)||' '||(select count(*) from org)||' '||(select count(*) from person)"; }
before=$(counts)

start_ntm 80 24
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys Enter
wait_for "Xã ("
select_row "An Hòa Thịnh"; keys Enter
wait_for "Thôn (11)"

# A hamlet.
keys n
wait_for "Thêm thôn mới"
type_text "Tân Lập"
keys F2
wait_for 'Đã lưu thôn "Tân Lập"'
wait_for "Thôn (12)"
selected_row | grep -qF "Tân Lập" || fail "the new hamlet is not the selected row"

# A campaign: c opens the commune's campaigns, n a new one.
keys c
wait_for "Tên đợt/kế hoạch (1)"
top_line | grep -qF "Đợt/kế hoạch xã An Hòa Thịnh" || fail "the campaigns list should name the commune"
keys n
wait_for "Thêm đợt/kế hoạch"
type_text "Đợt cao điểm hè 2022"
keys Tab
type_text "20-KH/BCĐ"
keys Tab                                 # the start date: today, already filled in
wait_for "20/06/2022"
keys Tab
type_text "+45"
keys F2
wait_for 'Đã lưu đợt/kế hoạch "Đợt cao điểm hè 2022"'
wait_for "04/08/2022"
keys Escape
wait_for "Thôn (12)"

# Three tasks on Tân Lập's task list.
select_row "Tân Lập"; keys Enter
wait_for "Đầu việc (0)"
add_task() {   # add_task TITLE_AS_TYPED TARGET DEADLINE
    keys n
    wait_for "Thêm đầu việc — thôn Tân Lập"
    wait_for "Đợt cao điểm hè 2022"      # the running campaign is filled in
    type_text "$1"
    keys Enter
    type_text "$2"
    keys Enter
    type_text "$3"
    keys F2
    wait_for "Đã lưu đầu việc"
}
add_task "$(printf 'Tro\314\202\314\200ng h\303\240ng r\303\240o xanh')" "1,5 km" "30/9/22"
wait_for "Đầu việc (1)"
add_task "Xây hệ thống xử lý nước thải" "12 hệ thống" "31/08/2022"
wait_for "Đầu việc (2)"
add_task "$(printf 'Tie\314\202\314\201p t\341\273\245c c\341\272\243i t\341\272\241o v\306\260\341\273\235n')" "5 vườn" "+30"
wait_for "Đầu việc (3)"
wait_for "Trồng hàng rào xanh"
wait_for "Tiếp tục cải tạo vườn"
selected_row | grep -qF "Tiếp tục cải tạo vườn" || fail "the new task is not the selected row"
quit

# What the database holds now.
hid=$(sq "select id from unit where kind = 'hamlet' and parent_id = 30 and name = 'Tân Lập'")
[ -n "$hid" ] || fail "no hamlet Tân Lập under An Hòa Thịnh"
cid=$(sq "select id from campaign where unit_id = 30 and name = 'Đợt cao điểm hè 2022' and doc_number = '20-KH/BCĐ' and start_date = '2022-06-20' and end_date = '2022-08-04'")
[ -n "$cid" ] || fail "no campaign with the number and period typed: $(sq "select * from campaign where unit_id = 30")"
got=$(sq "select title || '|' || target_qty || '|' || qty_unit || '|' || deadline || '|' || campaign_id || '|' || owner_unit_id || '|' || commune_id || '|' || status from task where hamlet_id = $hid order by id")
want="Trồng hàng rào xanh|1.5|km|2022-09-30|$cid|$hid|30|open
Xây hệ thống xử lý nước thải|12.0|hệ thống|2022-08-31|$cid|$hid|30|open
Tiếp tục cải tạo vườn|5.0|vườn|2022-07-20|$cid|$hid|30|open"
[ "$got" = "$want" ] || fail "tasks of Tân Lập are not the ones typed:
$got"
# NFC: the composed bytes, never o + U+0302 + U+0300 (the equality above compares bytes too).
[ "$(sq "select count(*) from task where hamlet_id = $hid and (instr(title, char(770)) or instr(title, char(768)) or instr(title, char(769)))")" = 0 ] \
    || fail "a title kept combining marks (not NFC)"
set -- $before
want_counts="$(($1 + 1)) $(($2 + 1)) $(($3 + 3)) $4 $5 $6"
[ "$(counts)" = "$want_counts" ] || fail "rows added: before $before, after $(counts), expected $want_counts"
echo "ok: entry_add"
