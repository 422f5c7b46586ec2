#!/bin/sh
# kill9.sh NTM [TRIALS]: power-cut-like crashes during edits through the real program.
# Each trial starts a scripted editor, the real ntm binary importing one small task sheet
# after another (20 tasks each, one transaction; now and then an `ntm backup` instead),
# whose driver notes an import as acknowledged only after ntm exited 0; then kills
# everything with SIGKILL at a random moment (0-1.5 s in). After every trial:
#   PRAGMA integrity_check is ok and `ntm check` finds nothing (totals kept by triggers),
#   every acknowledged import is there whole (0 lost), and no import is there in part,
#   every dated backup in the backup folder is sound.
# Prints the figures; exit 0 when all trials pass.
set -u
NTM=$1
TRIALS=${2:-100}
case "$NTM" in /*) ;; *) NTM=$(pwd)/$NTM ;; esac
W=$(mktemp -d "${TMPDIR:-/tmp}/ntm-kill9.XXXXXX")
trap 'kill -9 "$loop" 2>/dev/null; rm -rf "$W"' EXIT
export HOME=$W
DB=$W/d.db
"$NTM" demo "$DB" >/dev/null || exit 1
: >"$W/ack.log"

rand() { echo $(( $(od -An -N2 -tu2 /dev/urandom) % $1 )); }

# One import file: 20 tasks of thôn Nậy titled "Thử kill J.K".
sheet() {
    printf 'Xã,Thôn,Nội dung,Phụ trách,Chỉ tiêu,Đơn vị tính,Hạn\n'
    k=0
    while [ $k -lt 20 ]; do
        printf 'An Hòa Thịnh,Nậy,Thử kill %d.%d,UBND,%d,hộ,%02d/12/2022\n' "$1" "$k" $((k + 1)) $((k % 28 + 1))
        k=$((k + 1))
    done
}

# The scripted editor: imports J, J+1, ... until killed; the acknowledgement is written
# only after ntm said it succeeded (exit 0).
editor() {
    j=$1
    while :; do
        if [ $((j % 7)) = 3 ]; then
            "$NTM" --db "$DB" backup >/dev/null 2>&1 &
            echo $! >"$W/cur.pid"; wait $!
        else
            sheet "$j" >"$W/in.csv"
            "$NTM" --db "$DB" import tasks "$W/in.csv" --commune "an hoa thinh" >/dev/null 2>"$W/err" &
            echo $! >"$W/cur.pid"
            if wait $!; then echo "$j" >>"$W/ack.log"; fi
        fi
        j=$((j + 1))
    done
}

q() { sqlite3 -cmd ".timeout 5000" "$DB" "$1"; }
fails=0; mid=0; mid_saved=0; lost_max=0; ic_ok=0; chk_ok=0; start=$(date +%s)
t=1
while [ $t -le "$TRIALS" ]; do
    first=$((t * 1000))
    editor "$first" &
    loop=$!
    ms=$(rand 1500)
    sleep "$(awk "BEGIN{print $ms / 1000}")"
    kill -9 "$loop" 2>/dev/null
    cur=$(cat "$W/cur.pid" 2>/dev/null)
    victim=""
    if [ -n "$cur" ] && kill -9 "$cur" 2>/dev/null; then victim=$cur; fi
    wait "$loop" 2>/dev/null
    while [ -n "$victim" ] && kill -0 "$victim" 2>/dev/null; do sleep 0.01; done
    rm -f "$W/cur.pid"
    last=$(tail -n 1 "$W/ack.log")
    # the checks
    ic=$(q "pragma integrity_check")
    "$NTM" --db "$DB" check >"$W/check.out" 2>&1; chk=$?
    lost=$(q "create temp table a(j integer primary key); $(sed 's/.*/insert into a values (&);/' "$W/ack.log")
              select count(*) from a left join (select cast(substr(title, 10) as integer) j, count(*) n from task
              where title glob 'Thử kill *' group by 1) t using (j) where coalesce(t.n, 0) <> 20")
    partial=$(q "select count(*) from (select cast(substr(title, 10) as integer) j, count(*) n from task
                 where title glob 'Thử kill *' group by 1) where n <> 20")
    badbk=0
    for b in "$W"/.local/share/ntm/backup/ntm-*.db; do
        [ -f "$b" ] || continue
        [ "$(sqlite3 "$b" 'pragma integrity_check')" = ok ] || badbk=$((badbk + 1))
    done
    # was the import running when it was killed, and did it commit?
    if [ -n "$victim" ]; then
        mid=$((mid + 1))
        n=$(q "select count(*) from task where title glob 'Thử kill *' and cast(substr(title, 10) as integer) > ${last:-0} and cast(substr(title, 10) as integer) >= $first")
        [ "$n" -gt 0 ] && mid_saved=$((mid_saved + 1))
    fi
    [ "$ic" = ok ] && ic_ok=$((ic_ok + 1))
    [ $chk = 0 ] && chk_ok=$((chk_ok + 1))
    [ "$lost" -gt "$lost_max" ] && lost_max=$lost
    if [ "$ic" != ok ] || [ $chk != 0 ] || [ "$lost" != 0 ] || [ "$partial" != 0 ] || [ $badbk != 0 ]; then
        fails=$((fails + 1))
        echo "trial $t FAILED: integrity=$ic check=$chk lost=$lost partial=$partial bad backups=$badbk"
        sed 's/^/    /' "$W/check.out"
    fi
    t=$((t + 1))
done
took=$(( $(date +%s) - start ))
tasks=$(q "select count(*) from task where title glob 'Thử kill *'")
echo "kill -9 trials: $TRIALS in ${took} s; acknowledged imports: $(wc -l <"$W/ack.log") ($tasks tasks in the file)"
echo "killed while ntm was running: $mid (its import already committed: $mid_saved); failed trials: $fails"
echo "acknowledged imports lost: $lost_max; integrity_check ok: $ic_ok/$TRIALS; ntm check clean: $chk_ok/$TRIALS"
[ $fails = 0 ] && echo PASS || echo FAIL
[ $fails = 0 ]
