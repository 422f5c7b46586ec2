# faults: bad days for the disk and the rights. A database file the user may only read,
# and one in a folder the user may not write (WAL needs its -wal and -shm beside it):
# a change is refused with the message naming the file and the rights, reading and
# ntm check still work, nothing changes. A full disk (a 2 MB tmpfs, when this machine
# lets root mount one): an import is refused saying nothing saved was lost, and a
# progress report typed in the interface is refused the same way with the form kept
# open; afterwards the file is sound and holds exactly what was saved before.
# (A missing font and a missing ntm.ini are rows of tests/bad_inputs.tsv.)
REAL_BIN=$NTM_BIN
case "$REAL_BIN" in /*) ;; *) REAL_BIN=$(pwd)/$REAL_BIN ;; esac
. "$(dirname "$0")/lib.sh"
MNT=""
cleanup() { stop_tmux; [ -n "$MNT" ] && umount "$MNT" 2>/dev/null; rm -rf "${RO:-/nonexistent}"; }
trap cleanup EXIT
make_demo
cd "$WORK" || exit 1
"$NTM_BIN" --db d.db export tasks --commune "an hoa thinh" -o t.csv >/dev/null || fail "export"
sed -i 's/Đường trục thôn Thiên Nhẫn/Đường trục thôn THIÊN NHẪN/' t.csv

# ---- the rights (as root nothing is refused: the cases run as nobody)
if command -v setpriv >/dev/null && [ "$(id -u)" = 0 ]; then
    RO=$(mktemp -d /tmp/ntm-faults.XXXXXX)
    chmod 755 "$RO"
    cp "$REAL_BIN" "$RO/ntm"; chmod 755 "$RO/ntm"; cp t.csv "$RO/t.csv"; chmod 644 "$RO/t.csv"
    as_nobody() { HOME=$RO setpriv --reuid=65534 --regid=65534 --clear-groups "$RO/ntm" --config /dev/null "$@"; }
    mkdir "$RO/file" "$RO/folder"; chmod 777 "$RO/file"; chmod 755 "$RO/folder"
    "$REAL_BIN" demo "$RO/file/d.db" >/dev/null && chmod 644 "$RO/file/d.db"     # the file read-only
    "$REAL_BIN" demo "$RO/folder/d.db" >/dev/null && chmod 666 "$RO/folder/d.db" # the folder read-only
    for case in file folder; do
        db=$RO/$case/d.db
        sum=$(sha256sum <"$db")
        as_nobody --db "$db" import tasks "$RO/t.csv" --commune "an hoa thinh" >out 2>err && fail "$case: import into a read-only database"
        grep -q "chỉ đọc" err && grep -q "$db" err || fail "$case: message: $(cat err)"
        as_nobody --db "$db" check >out 2>err || fail "$case: ntm check on a read-only database: $(cat out err)"
        as_nobody --db "$db" tours >out 2>err || fail "$case: reading a read-only database: $(cat err)"
        [ "$(sha256sum <"$db")" = "$sum" ] || fail "$case: the read-only database changed"
    done
    # and the folder for PDFs not writable: said with the key to change
    as_nobody --db "$RO/file/d.db" report tasks --commune "an hoa thinh" --hamlet nay -o "$RO/folder/x.pdf" >out 2>err \
        && fail "a PDF into a folder nobody may write"
    grep -q "Không ghi được vào thư mục \"$RO/folder\": không có quyền" err || fail "PDF folder message: $(cat err)"
else
    echo "skip: the rights cases need root and setpriv"
fi

# ---- a full disk
MNT=$WORK/small
mkdir -p "$MNT"
if ! mount -t tmpfs -o size=2m tmpfs "$MNT" 2>/dev/null; then
    MNT=""
    echo "skip: cannot mount a tmpfs here (disk-full cases; tests/unit/test_model_backup covers it with max_page_count)"
    echo "ok: faults"
    exit 0
fi
cp d.db "$MNT/d.db"
python3 -c "
print('Thôn,Chủ hộ,Địa chỉ')
for i in range(4000): print('Nậy,Nguyễn Văn Thử %d,Xóm %d, một địa chỉ dài để làm đầy đĩa thật nhanh %d' % (i, i, i))" >hh.csv
fill() { dd if=/dev/zero of="$MNT/fill" bs=4k 2>/dev/null; sync; }
counts() { sqlite3 "$MNT/d.db" "select (select count(*) from household)||' '||(select count(*) from progress)||' '||(select total(done_qty) from task)"; }
before=$(counts)
"$NTM_BIN" --db "$MNT/d.db" import households hh.csv --commune "an hoa thinh" >out 2>err && fail "an import onto a full disk"
grep -q "Đĩa đầy: chưa lưu; dữ liệu đã lưu vẫn nguyên vẹn" err || fail "disk full message: $(cat err)"
[ "$(counts)" = "$before" ] || fail "the refused import changed the data"

start_ntm 80 24 -- --db "$MNT/d.db"
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys Enter
wait_for "Xã ("; select_row "An Hòa Thịnh"; keys Enter
wait_for "Thôn ("; select_row "Nậy"; keys Enter
wait_for "Đầu việc ("; select_row "/2 km"
keys p
wait_for "Tiến độ 1,4/2 km"
type_text "0,2"
keys Down Down
type_text "Trồng thêm đoạn giáp đường liên thôn, ghi khi đĩa đã đầy"
fill
keys F2
wait_for "Đĩa đầy: chưa lưu; dữ liệu đã lưu vẫn nguyên vẹn"
assert_screen "0,2"                          # the form is still open with the typing
keys Escape; wait_for "Bỏ các thay đổi chưa lưu?"; keys c
quit
rm -f "$MNT/fill"
[ "$(counts)" = "$before" ] || fail "the refused report changed the data"
[ "$(sqlite3 "$MNT/d.db" 'pragma integrity_check')" = ok ] || fail "integrity after a full disk"
"$NTM_BIN" --db "$MNT/d.db" check >out 2>&1 || fail "ntm check after a full disk: $(cat out)"
echo "ok: faults"
