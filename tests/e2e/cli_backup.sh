# cli_backup: backups, restore, check and a damaged file, through the real program.
# The day's first start of the interface makes a backup in [output] backup_dir in the
# background (the first screen is not held up); `ntm backup` copies while another
# process writes; `ntm check` says ok (0) or names each problem (1); `ntm restore`
# refuses a file that is not a sound ntm backup and a database someone has open, else
# keeps the current file aside; a database cut short is refused at start with the
# newest backup and the command to type, and that command brings it back; a backup
# folder that cannot be written is said in the status line.
. "$(dirname "$0")/lib.sh"
make_demo
cd "$WORK" || exit 1
BK=$WORK/.local/share/ntm/backup
ntm() { "$NTM_BIN" --db "$WORK/d.db" "$@"; }
sq() { sqlite3 "$WORK/d.db" "$1"; }
today=$(date +%Y%m%d)

# ---- the day's first start: a backup appears in backup_dir, made in the background
start_ntm 80 24
wait_for "Hà Tĩnh"
tries=$((E2E_TIMEOUT * 10))
while [ $tries -gt 0 ] && ! ls "$BK"/ntm-"$today"-*.db >/dev/null 2>&1; do sleep 0.1; tries=$((tries - 1)); done
daily=$(ls "$BK"/ntm-"$today"-*.db 2>/dev/null | head -n 1)
[ -n "$daily" ] || fail "no daily backup in $BK"
# while the interface has the file open, restore is refused and changes nothing
ntm restore "$daily" >out 2>err && fail "restore while someone has the file open"
grep -q "đang mở" err && grep -q "chưa có gì bị thay đổi" err || fail "restore refusal: $(cat err)"
quit
[ "$(sqlite3 "$daily" 'pragma integrity_check')" = ok ] || fail "the daily backup is not sound"
n=$(ls "$BK" | grep -c '^ntm-')
start_ntm 80 24
wait_for "Hà Tĩnh"
quit
sleep 0.5
[ "$(ls "$BK" | grep -c '^ntm-')" = "$n" ] || fail "a second daily backup the same day"

# ---- ntm backup while another process writes
( i=0; while [ $i -lt 60 ]; do sqlite3 -cmd ".timeout 5000" d.db "insert into progress(task_id, report_date, qty, note) values (102, '2022-06-19', 1, 'bg$i')"; i=$((i + 1)); done ) &
writer=$!
ntm backup >out 2>err || { cat err; fail "ntm backup"; }
made=$(cat out)
case "$made" in "$BK"/ntm-"$today"-*.db) ;; *) fail "backup name: $made" ;; esac
ntm backup "$WORK/usb.db" >out 2>err || { cat err; fail "ntm backup FILE"; }
wait $writer
[ "$(sqlite3 "$made" 'pragma integrity_check')" = ok ] || fail "backup made while writing is not sound"
[ "$(sqlite3 "$WORK/usb.db" 'select count(*) from task')" = "$(sq 'select count(*) from task')" ] || fail "usb.db"
ln -s "$WORK/usb.db" link.db
ntm backup link.db 2>err && fail "backup through a symlink"
grep -q "symlink" err || fail "symlink message: $(cat err)"
ntm backup d.db 2>err && fail "backup over the database itself"
ntm backup --bogus 2>err; [ $? = 2 ] || fail "usage error is not 2"

# ---- ntm check
ntm check >out 2>err || { cat out err; fail "ntm check on a sound file"; }
grep -q "Kết quả: không có vấn đề nào." out || fail "check output: $(cat out)"
sq "update task set done_qty = done_qty + 3 where id = 102"
ntm check >out 2>err; [ $? = 1 ] || fail "check of a wrong total is not 1"
grep -q "đầu việc số 102" out && grep -q "ntm reindex" out || fail "check names the problem: $(cat out)"
ntm reindex && ntm check >/dev/null || fail "check after reindex"
ntm check extra 2>/dev/null; [ $? = 2 ] || fail "check usage error is not 2"

# ---- restore: refusals, then a good one keeping the current file aside
printf 'Thôn,Chủ hộ\n' >letter.csv
ntm restore letter.csv 2>err && fail "restore from a CSV"
grep -q "không phải bản sao lưu dùng được" err || fail "restore CSV message: $(cat err)"
cp "$made" newer.db && sqlite3 newer.db "pragma user_version = 99"
ntm restore newer.db 2>err && fail "restore from a newer schema"
grep -q "mới hơn" err || fail "newer schema message: $(cat err)"
sq "insert into meta(key, value) values ('after', 'backup')"
ntm restore "$made" >out 2>err || { cat err; fail "restore"; }
aside=$(sed -n 's/^Tệp trước khi khôi phục được giữ ở //p' out)
[ -f "$aside" ] || fail "the file kept aside: $(cat out)"
[ "$(sq "select count(*) from meta where key = 'after'")" = 0 ] || fail "restore did not bring the backup back"
[ "$(sqlite3 "$aside" "select value from meta where key = 'after'")" = backup ] || fail "the aside file lost the later change"
ntm check >/dev/null || fail "check after restore"

# ---- a file cut short: refused at start, naming the newest backup and the command
newest=$made                                 # the last dated backup made
sqlite3 d.db "pragma wal_checkpoint(truncate)" >/dev/null
truncate -s 150000 d.db
start_ntm 80 24
tries=$((E2E_TIMEOUT * 10))
while [ ! -f "$WORK/status" ] && [ $tries -gt 0 ]; do sleep 0.1; tries=$((tries - 1)); done
[ "$(cat "$WORK/status")" = 1 ] || fail "a cut file did not stop ntm"
grep -q "bị hỏng: tệp bị cắt ngắn" "$WORK/stderr" || fail "damage message: $(cat "$WORK/stderr")"
cmd=$(sed -n 's/.*Để khôi phục, gõ: //p' "$WORK/stderr")
[ "$cmd" = "ntm --db $WORK/d.db restore $newest" ] || fail "the command given: $cmd"
# shellcheck disable=SC2086
"$NTM_BIN" ${cmd#ntm } >out 2>err || { cat err; fail "the restore command from the message"; }
start_ntm 80 24
wait_for "Hà Tĩnh"
quit

# ---- a backup folder that cannot be written: said, and the program still starts
printf '[output]\nbackup_dir = %s/d.db/backup\n' "$WORK" >c.ini
start_ntm 100 24 -- --config "$WORK/c.ini" --db "$WORK/d.db"
wait_for "Không tự sao lưu hôm nay"
quit
echo "ok: cli_backup"
