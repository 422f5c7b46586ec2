# conflict_merge: two ntm sessions on one database edit the same task. A opens thôn
# Nậy's hedge task (2 km, due 03/06/2021); B changes its title and deadline and saves; A
# changes the title too and the target to 2,5 km and saves. A's form does not close: the
# conflict view lists theirs / mine for the title (both changed it), says B's deadline
# was taken by itself, and keeps A's target. A takes B's title; before A saves, B changes
# the description, so the save conflicts again and the view opens once more with it;
# Enter saves. The database then has B's title, deadline and description and A's target.
# Second round: B renames the task again while A types 3 km; A takes theirs everywhere
# (t, then yes): nothing of A's is written, the form closes, the list shows B's title.
# Third round: A and B each open the progress form of the task and save a report: both land.
. "$(dirname "$0")/lib.sh"
make_demo
sq() { sqlite3 "$WORK/d.db" "$1"; }
TASK=301
[ "$(sq "select title || '|' || target_qty || '|' || deadline from task where id = $TASK")" = \
  "Thôn Nậy hoàn thành 2 km hàng rào xanh|2.0|2021-06-03" ] || fail "the demo's task 301 is not the hedge task"

# Session B: a second ntm in the same tmux server, with its own screen helpers.
start_b() {
    cat >"$WORK/runb.sh" <<EOF
env -i HOME=$WORK/b LANG=C.UTF-8 TERM=xterm TZ=UTC NTM_TODAY=$NTM_TODAY PATH=/usr/bin:/bin $NTM_BIN --db $WORK/d.db 2>$WORK/stderr.b
echo \$? >$WORK/status.b
EOF
    mkdir -p "$WORK/b"
    tm new-session -d -s b -x 80 -y 24 "sh $WORK/runb.sh" || fail "tmux did not start session B"
}
keys_b() { tm send-keys -t b "$@"; }
type_b() { tm send-keys -t b -l "$1"; }
screen_b() { tm capture-pane -p -t b 2>/dev/null; }
wait_b() {
    tries=$(( E2E_TIMEOUT * 10 ))
    while [ "$tries" -gt 0 ]; do
        screen_b | grep -qF -- "$1" && return 0
        sleep 0.1; tries=$((tries - 1))
    done
    echo "--- screen B ---"; screen_b
    fail "B did not see: $1"
}
selected_b() { tm capture-pane -e -p -t b | sed '1d;$d' | grep -E "${ESC}\[([0-9;]*;)?(7|46)m" | head -n 1; }
select_b() {
    keys_b g; n=0
    while [ $n -lt 60 ]; do
        sleep 0.1
        selected_b | grep -qF -- "$1" && return 0
        keys_b j; n=$((n + 1))
    done
    fail "B could not select: $1"
}
# to_task WHO: from the start, down to Nậy's task list, the hedge task selected.
to_task_a() {
    wait_for "Hà Tĩnh"; select_row "Hà Tĩnh"; keys Enter
    wait_for "Xã ("; select_row "An Hòa Thịnh"; keys Enter
    wait_for "Thôn ("; select_row "Nậy"; keys Enter
    wait_for "Đầu việc ("; select_row "$1"
}
to_task_b() {
    wait_b "Hà Tĩnh"; select_b "Hà Tĩnh"; keys_b Enter
    wait_b "Xã ("; select_b "An Hòa Thịnh"; keys_b Enter
    wait_b "Thôn ("; select_b "Nậy"; keys_b Enter
    wait_b "Đầu việc ("; select_b "$1"
}
# b_edit KEYS...: B opens the task's form, runs the keys, saves.
b_save() { keys_b F2; wait_b "Đã lưu đầu việc"; }

start_ntm 80 24
start_b
to_task_a " V1 "
to_task_b " V1 "

# ---- round 1: a three-way merge
keys e
wait_for "Sửa đầu việc"
keys_b e
wait_b "Sửa đầu việc"
keys_b C-u; type_b "Hàng rào xanh thôn Nậy (bản B)"
keys_b Tab Tab; type_b "30/06/2021"
b_save
[ "$(sq "select deadline from task where id = $TASK")" = 2021-06-30 ] || fail "B's save did not land"

keys C-u; type_text "Hàng rào xanh thôn Nậy (bản A)"
keys Tab; type_text "2,5 km"
keys F2
wait_for "người khác đã sửa"
assert_screen "đã sửa bản ghi này lúc"
assert_screen "Chưa lưu gì;"; assert_screen "những gì bạn gõ vẫn còn."
assert_screen "Bạn không sửa, lấy theo"
assert_screen "Hạn hoàn thành."                 # B's deadline: taken by itself
assert_screen "Tên đầu việc — cả hai cùng sửa: chọn một"
assert_screen "(bản B)"
assert_screen "(•) Của bạn: Hàng rào xanh thôn Nậy (bản A)"
assert_screen "Chỉ tiêu — chỉ bạn sửa"
assert_screen "(•) Của bạn: 2,5 km"
assert_screen "(•) Của $(id -un): 30/06/2021"
[ "$(sq "select title from task where id = $TASK")" = "Hàng rào xanh thôn Nậy (bản B)" ] || fail "A's view wrote something"
keys Space                                      # the title: take B's
screen_text | grep -F "Hàng rào xanh thôn Nậy (bản B)" | grep -qF "(•)" || fail "B's title is not chosen after Space"

# B changes the description meanwhile: A's save of the merge conflicts again.
keys_b e; wait_b "Sửa đầu việc"
keys_b Tab Tab Tab Tab Tab Tab Tab Tab C-u; type_b "Mô tả của B"
b_save
keys Enter
wait_for "Mô tả — chỉ"                          # the view again, with the newer row
assert_screen "(•) Của $(id -un): Mô tả của B"
assert_absent "Tên đầu việc —"                  # the title chosen is the database's now: nothing to choose
assert_screen "(•) Của bạn: 2,5 km"
keys Enter
wait_for "Đã lưu đầu việc"
got=$(sq "select title || '|' || target_qty || '|' || qty_unit || '|' || deadline || '|' || description from task where id = $TASK")
[ "$got" = "Hàng rào xanh thôn Nậy (bản B)|2.5|km|2021-06-30|Mô tả của B" ] || fail "after the merge the task is: $got"

# ---- round 2: take theirs everywhere
keys e
wait_for "Sửa đầu việc"
keys_b r; sleep 0.3; select_b " V1 "
keys_b e; wait_b "Sửa đầu việc"
keys_b C-u; type_b "Hàng rào xanh thôn Nậy (bản B2)"
b_save
keys Tab; type_text "3 km"
keys F2
wait_for "người khác đã sửa"
assert_screen "(•) Của bạn: 3 km"
keys t
wait_for "Bỏ những gì bạn đã sửa và lấy bản của"
keys c
wait_for "Đã lấy bản của người khác; những gì bạn sửa không được lưu."
assert_absent "Sửa đầu việc"
wait_for "Hàng rào xanh thôn Nậy (b"
got=$(sq "select title || '|' || target_qty || '|' || deadline from task where id = $TASK")
[ "$got" = "Hàng rào xanh thôn Nậy (bản B2)|2.5|2021-06-30" ] || fail "after taking theirs the task is: $got"
[ "$(sq "select count(*) from audit where entity = 'task' and entity_id = $TASK and action = 'update'")" = 4 ] ||
    fail "expected 4 updates of the task (B, A's merge, B, B): $(sq "select count(*) from audit where entity = 'task' and entity_id = $TASK")"

# ---- round 3: two progress reports on the task at once both land (appends, no version)
n0=$(sq "select count(*) from progress where task_id = $TASK")
d0=$(sq "select round(done_qty, 6) from task where id = $TASK")
keys p; wait_for "Tiến độ"
keys_b p; wait_b "Tiến độ"
type_text "0,1"
type_b "0,2"
keys F2; wait_for "Đã lưu báo cáo"
keys_b F2; wait_b "Đã lưu báo cáo"
[ "$(sq "select count(*) from progress where task_id = $TASK")" = $((n0 + 2)) ] || fail "both reports should land"
[ "$(sq "select round(done_qty - $d0, 6) from task where id = $TASK")" = 0.3 ] ||
    fail "done_qty should grow by both reports: $(sq "select done_qty from task where id = $TASK") from $d0"
quit
keys_b q
echo "ok: conflict_merge"
