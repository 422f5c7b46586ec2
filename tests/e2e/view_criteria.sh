# view_criteria: the criteria matrix. C on An Hòa Thịnh opens the commune and its hamlets
# against the 19 criteria, all on one 80-column screen; l moves to criterion 2; 1, 3, s and
# o change the commune's status and dossier in place, and unit_criterion in sqlite3 says
# the same each time. A change made meanwhile by someone else (sqlite3) is not
# overwritten: the screen says so and shows the new state. A hamlet's cell, h back to
# criterion 1, Enter for the cell's form, Esc back to the commune list.
. "$(dirname "$0")/lib.sh"
make_demo
DB=$WORK/d.db
q() { sqlite3 "$DB" "$1"; }
C=$(q "select id from unit where kind='commune' and name='An Hòa Thịnh'")
H=$(q "select id from unit where kind='hamlet' and name='Bình Hòa' and parent_id = $C")
SET=$(q "select criteria_set_id from unit where id = $C")
K1=$(q "select id from criterion where set_id = $SET and number = 1")
K2=$(q "select id from criterion where set_id = $SET and number = 2")
# status|dossier of a unit's criterion, "-" when nothing is recorded
st() { r=$(q "select status || '|' || dossier from unit_criterion where unit_id = $1 and criterion_id = $2"); echo "${r:--}"; }
expect() { # expect UNIT CRIT VALUE WHAT
    n=0
    while [ "$(st "$1" "$2")" != "$3" ] && [ $n -lt 30 ]; do sleep 0.1; n=$((n + 1)); done
    [ "$(st "$1" "$2")" = "$3" ] || fail "$4: unit_criterion is $(st "$1" "$2"), expected $3"
}

start_ntm 80 24
wait_for "Tỉnh ("
select_row "Hà Tĩnh"; keys Enter
wait_for "Xã ("
select_row "An Hòa Thịnh"; keys C
wait_for "Xã, thôn ("
top_line | grep -qF "Tiêu chí xã An Hòa Thịnh" || fail "top bar should name the criteria matrix"
screen_text | grep -F "Xã, thôn (" | grep -qE ' 1  2  3 .* 18 19 *$' || fail "all 19 criteria should fit at 80 columns"
wait_for "1. Quy hoạch — An Hòa Thịnh"
assert_screen "chưa đánh giá"
[ "$(st "$C" "$K2")" = - ] || fail "the demo should have no state for criterion 2"

keys l
wait_for "2. Giao thông — An Hòa Thịnh"
keys 1
wait_for "Đã ghi: TC 2 Giao thông — An Hòa Thịnh: Đạt"
expect "$C" "$K2" "met|none" "1 (met)"
screen_text | grep -E '^ An Hòa Thịnh +1/19 ' | grep -qF '·  ✓  ·' || fail "the commune's row should show ✓ under 2 and 1/19 met"
keys 3
wait_for "Có nguy cơ"
expect "$C" "$K2" "at_risk|none" "3 (at risk)"
keys s
expect "$C" "$K2" "not_met|none" "s after at risk"
keys s
expect "$C" "$K2" "met|none" "s after not met"
keys o
wait_for "Hồ sơ: Đang hoàn thiện"
expect "$C" "$K2" "met|in_progress" "o (dossier)"

# someone else changes the cell meanwhile: refused, nothing overwritten, the new state shown
q "update unit_criterion set status = 'at_risk', version = version + 1 where unit_id = $C and criterion_id = $K2"
keys 2
wait_for "đã sửa tiêu chí này"
expect "$C" "$K2" "at_risk|in_progress" "after a conflict"
wait_for "Tình trạng: ! Có nguy cơ"
keys 2
expect "$C" "$K2" "not_met|in_progress" "2 after the reload"

# a hamlet's cell; h goes back to criterion 1
keys j
wait_for "2. Giao thông — Bình Hòa"
keys 1
expect "$H" "$K2" "met|none" "Bình Hòa's criterion 2"
keys h
wait_for "1. Quy hoạch — Bình Hòa"
keys Left
alive || fail "← on the first criterion should stay"
assert_screen "1. Quy hoạch — Bình Hòa"
[ "$(st "$H" "$K1")" = - ] || fail "moving should write nothing"

# Enter: the cell's form (status, dossier, owner, date, note); F2 saves
keys Enter
wait_for "Ngày đánh giá"
keys Right Down Right Right Right
wait_for "Đã thẩm định"
keys F2
expect "$H" "$K1" "met|appraised" "the cell's form"
wait_for "Hồ sơ: Đã thẩm định"
keys Escape
wait_for "Xã ("
quit
echo "ok: view_criteria"
