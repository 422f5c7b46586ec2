#!/bin/sh
# A database the user may read but not write (here: root's file, ntm run as nobody):
# ntm opens it read-only, says so in the top bar, refuses a change with a clear message,
# and the file is not touched.
REAL_BIN=$NTM_BIN
case "$REAL_BIN" in /*) ;; *) REAL_BIN=$(pwd)/$REAL_BIN ;; esac
command -v setpriv >/dev/null || { echo "skip: no setpriv"; exit 0; }
[ "$(id -u)" = 0 ] || { echo "skip: needs root to become nobody"; exit 0; }
RO=$(mktemp -d /tmp/ntm-ro.XXXXXX)
chmod 755 "$RO"
cp "$REAL_BIN" "$RO/ntm-real"
chmod 755 "$RO/ntm-real"
printf '#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups %s/ntm-real --config /dev/null "$@"\n' "$RO" > "$RO/ntm"
chmod 755 "$RO/ntm"
NTM_BIN=$RO/ntm
. "$(dirname "$0")/lib.sh"
trap 'stop_tmux; rm -rf "$RO"' EXIT
"$REAL_BIN" demo "$RO/d.db" >/dev/null || fail "demo"
chmod 644 "$RO/d.db"
before=$(sha256sum "$RO/d.db" | cut -d' ' -f1)

start_ntm 80 24 -- --db "$RO/d.db"
wait_for "CHỈ ĐỌC"
keys Enter; wait_for "An Hòa Thịnh"
keys / a n Space h o a Enter Enter; wait_for "Nậy"
keys / n a y Enter Enter; wait_for "1,4/2 km"
keys j
keys p
wait_for "chỉ đọc"
keys q
after=$(sha256sum "$RO/d.db" | cut -d' ' -f1)
[ "$before" = "$after" ] || fail "the read-only database changed"
[ ! -e "$RO/d.db-wal" ] || [ ! -s "$RO/d.db-wal" ] || fail "a WAL file was written"
echo ok
