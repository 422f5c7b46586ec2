#!/bin/sh
# The Debian package's sources (config/debian/), cheaply, without building it (make deb
# and make debtest do that): the /etc/ntm/ntm.ini it installs loads without an error and
# points at /var/lib/ntm/ntm.db; the changelog's version is the program's; the
# maintainer scripts parse.
set -u
fail() { echo "FAIL: $*"; exit 1; }
d=$(pwd)/config/debian
cd "$WORK" || exit 1
"$NTM_BIN" demo d.db >/dev/null || fail "demo"
out=$(NTM_CONFIG=$d/ntm.ini "$NTM_BIN" --db d.db tours 2>&1) || fail "config/debian/ntm.ini does not load: $out"
out=$(NTM_CONFIG=$d/ntm.ini "$NTM_BIN" tours 2>&1) ||      # no --db: the file's own path
    echo "$out" | grep -q "/var/lib/ntm/ntm.db" || fail "ntm.ini's database is not /var/lib/ntm/ntm.db: $out"
grep -qx 'path = /var/lib/ntm/ntm.db' "$d/ntm.ini" || fail "ntm.ini: no [database] path"
version=$("$NTM_BIN" --version | cut -d' ' -f2)
head -n 1 "$d/changelog" | grep -q "^ntm ($version) " || fail "changelog is not at version $version: $(head -n 1 "$d/changelog")"
for s in postinst postrm mkdeb.sh; do sh -n "$d/$s" || fail "$s does not parse"; done
grep -q 'addgroup --system' "$d/postinst" && grep -q 'root ntm 2775 /var/lib/ntm' "$d/postinst" ||
    fail "postinst no longer makes the group and the folder as INSTALL describes"
echo ok
