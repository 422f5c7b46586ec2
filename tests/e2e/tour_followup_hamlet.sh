# tour_followup_hamlet: a hamlet can own a follow-up task (as the hamlet's own tasks show
# "Phụ trách: Kim Bình"): F on a failed check offers the stop's hamlet as the owner, the
# picker lists the commune's hamlets beside organisations and people, and the task is
# stored with owner_unit_id.
. "$(dirname "$0")/lib.sh"
make_demo
q() { sqlite3 "$WORK/d.db" "$1"; }
q "UPDATE tour_check SET result = 'fail' WHERE stop_id IN (SELECT id FROM tour_stop WHERE tour_id = 1 AND seq IN (1, 4)) AND seq = 2"
start_ntm 80 24
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys Enter
select_row "Sơn Kim 2"; keys Enter
wait_for "Thôn ("
keys t
wait_for "Tour kiểm tra (1)"
keys Enter
wait_for "1. Cầu tràn Kim Bình"

select_row "1.2 "
keys F
wait_for "Việc khắc phục cho mục 1.2"
assert_screen "Thôn Kim Bình"              # the stop's hamlet, offered
keys Tab
type_text "15/07/2021"; keys Enter
keys Enter
wait_for "Đã giao việc khắc phục"
[ "$(q "SELECT owner_unit_id || '|' || coalesce(owner_org_id, '') || '|' || coalesce(owner_person_id, '') FROM task WHERE tour_check_id IS NOT NULL")" = "501||" ] \
    || fail "owner in the database: $(q "SELECT owner_unit_id, owner_org_id, owner_person_id FROM task WHERE tour_check_id IS NOT NULL")"

select_row "4.2 "                          # another hamlet through the picker
keys F
wait_for "Việc khắc phục cho mục 4.2"
keys Enter
wait_for "Tìm:"
type_text "thuong kim"
wait_for "Thôn Thượng Kim"
keys Enter
wait_gone "Tìm:"
type_text "20/07/2021"; keys Enter
keys Enter
wait_for "Đã giao việc khắc phục"
[ "$(q "SELECT count(*) FROM task WHERE tour_check_id IS NOT NULL AND owner_unit_id = 503")" = 1 ] || fail "Thượng Kim as owner"
quit
