#!/bin/sh
# Roles (model/role.h) through the real program: a hamlet head opens another hamlet's
# task and is refused on the status line before any form, while their own hamlet's task
# opens; a leader sees CHỈ XEM and the CLI refuses their import; a head cannot add users;
# the file does not change. The Unix user is NTM_USER, which only root may set.
. "$(dirname "$0")/lib.sh"
[ "$(id -u)" = 0 ] || { echo "skip: needs root (NTM_USER is honoured for root only)"; exit 0; }
make_demo
N() { env NTM_TODAY=$NTM_TODAY LANG=C.UTF-8 "$NTM_BIN" --config /dev/null --db "$WORK/d.db" "$@"; }
N users add admin1 admin >/dev/null || fail "users add admin1"
N users add nam head --commune "an hoa thinh" --hamlet "Nậy" >/dev/null || fail "users add nam"
N users add lan leader >/dev/null || fail "users add lan"
N users | grep -q "nam .*head .*thôn Nậy" || fail "users list: $(N users)"
sum() { sqlite3 "$WORK/d.db" "SELECT group_concat(id || title || version, '|') FROM task" | sha256sum; }
before=$(sum)

# A head may not touch the list of users, from the CLI either.
out=$(NTM_USER=nam N users add tam admin 2>&1) && fail "a head added a user"
echo "$out" | grep -q "bạn (nam) là trưởng thôn Nậy" || fail "users add refusal: $out"

# The head in the TUI: Trung Mỹ's task is refused on the status line, Nậy's opens.
start_ntm 100 30 NTM_USER=nam
wait_for "Hà Tĩnh"
keys Enter; wait_for "An Hòa Thịnh"
assert_absent "CHỈ XEM"
keys / a n Space h o a Enter Enter; wait_for "Trung Mỹ"
keys / t r u n g Space m y Enter Enter; wait_for "hàng rào xanh"
status() { screen_text | tail -n 2 | tr '\n' ' ' | sed 's/  */ /g'; }
keys e
wait_for "trưởng thôn Nậy."
status | grep -qF "được sửa đầu việc của thôn Trung Mỹ; bạn (nam) là trưởng thôn Nậy." || fail "status line: $(status)"
assert_absent "Sửa đầu việc"
keys r; wait_gone "trưởng thôn Nậy."
keys p
wait_for "trưởng thôn Nậy."
assert_absent "Ngày báo cáo"
keys Escape Escape; wait_for "Nậy"
keys / n a y Enter Enter; wait_for "1,4/2 km"
keys e
wait_for "Sửa đầu việc"
keys Escape
quit
[ "$(sum)" = "$before" ] || fail "the tasks changed"

# The leader: CHỈ XEM on the top bar, no form opens, and the CLI refuses the import.
start_ntm 100 30 NTM_USER=lan
wait_for "CHỈ XEM"
keys U; wait_for "Bạn (lan) là lãnh đạo (chỉ xem)."
assert_screen "admin1"
keys n; wait_for "Chỉ quản trị được sửa danh sách người dùng"
quit
N export tasks --commune "an hoa thinh" --hamlet "Trung My" -o "$WORK/t.csv" >/dev/null || fail "export"
sed -i '2s/hàng rào xanh/hàng rào xanh (sửa)/' "$WORK/t.csv"
out=$(NTM_USER=lan N import tasks "$WORK/t.csv" --commune "an hoa thinh" 2>&1) && fail "a leader imported: $out"
echo "$out" | grep -q "bạn (lan) là lãnh đạo (chỉ xem)" || fail "import refusal: $out"
out=$(NTM_USER=nobody-here N reindex 2>&1) && fail "an unlisted user reindexed"
echo "$out" | grep -q "chưa có vai trò trong tệp này" || fail "reindex refusal: $out"
NTM_USER=lan N report weekly --commune "an hoa thinh" -o "$WORK/w.pdf" >/dev/null || fail "a leader cannot print a report"
[ "$(sum)" = "$before" ] || fail "the tasks changed"
# An admin may: the same import goes in.
NTM_USER=admin1 N import tasks "$WORK/t.csv" --commune "an hoa thinh" >/dev/null 2>&1 || fail "the admin's import was refused"
[ "$(sum)" != "$before" ] || fail "the admin's import changed nothing"
echo ok
