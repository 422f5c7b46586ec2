#!/bin/sh
# install.sh NTM.deb (make debtest): installs the package in a fresh Debian 12 root, as
# the district IT officer would with apt, and runs it there: the group and the shared
# folder with their modes, `ntm demo` and `ntm report tasks` (the PDF read back from
# outside with pdftotext), an officer of the group using the machine's ntm.ini, `man
# ntm`, then purge. The minimal root (debootstrap --variant=minbase, the mirror apt
# uses here) is made once and kept as build/debtest/bookworm.tar; each run unpacks a
# fresh copy. The .debs apt fetches are kept in build/debtest/archives. Needs root.
set -eu
deb=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cache=build/debtest
base=$cache/bookworm.tar
root=$(pwd)/$cache/root
fail() { echo "FAIL: $*"; exit 1; }
[ "$(id -u)" = 0 ] || fail "make debtest needs root (debootstrap, chroot)"
command -v pdftotext >/dev/null || fail "pdftotext missing (poppler-utils)"
mkdir -p "$cache/archives"

# The mirror this machine's apt uses (deb822 or one-line sources), else Debian's.
mirror=${DEBTEST_MIRROR:-$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
    sed -n 's|^URIs: *\([^ ]*/debian\)/*$|\1|p' | head -n 1)}
[ -n "$mirror" ] || mirror=$(sed -n 's|^deb  *\(http[^ ]*/debian\)/* .*|\1|p' \
    /etc/apt/sources.list 2>/dev/null | head -n 1)
mirror=${mirror:-http://deb.debian.org/debian}

mounted=""
cleanup() {
    for m in $mounted; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; done
    if grep -q " $root/" /proc/mounts; then     # never rm -rf through a mount
        echo "debtest: $root still has mounts; left in place" >&2
    else
        rm -rf "$root"
    fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

if [ ! -s "$base" ]; then
    echo "debtest: debootstrap bookworm from $mirror (once; kept in $base)"
    rm -rf "$cache/base"
    debootstrap --variant=minbase --include=man-db bookworm "$cache/base" "$mirror" \
        >"$cache/debootstrap.log" 2>&1 || { tail -n 20 "$cache/debootstrap.log"; fail "debootstrap"; }
    rm -rf "$cache/base/var/cache/apt/archives/"*.deb
    tar -C "$cache/base" -cf "$base.tmp" . && mv "$base.tmp" "$base"
    rm -rf "$cache/base"
fi

rm -rf "$root" && mkdir -p "$root"
tar -C "$root" -xf "$base"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc" && mounted="$root/proc"
mount --bind "$cache/archives" "$root/var/cache/apt/archives" && mounted="$root/var/cache/apt/archives $mounted"
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
                   TZ=UTC DEBIAN_FRONTEND=noninteractive sh -c "$1"; }

echo "debtest: apt-get install ./$(basename "$deb")"
in_root "apt-get update -qq && apt-get install -y -q /tmp/$(basename "$deb")" >"$cache/apt.log" 2>&1 ||
    { tail -n 30 "$cache/apt.log"; fail "apt-get install"; }
grep -q "Setting up ntm" "$cache/apt.log" || fail "ntm was not set up"

# What the package made: the group, the folder and its mode, the conffiles, the pages.
in_root "getent group ntm" >/dev/null || fail "no group ntm"
[ "$(in_root 'stat -c "%U:%G %a" /var/lib/ntm')" = "root:ntm 2775" ] ||
    fail "/var/lib/ntm is $(in_root 'stat -c "%U:%G %a" /var/lib/ntm'), not root:ntm 2775"
in_root "dpkg-statoverride --list /var/lib/ntm" | grep -q "root ntm 2775" || fail "no statoverride"
for f in /usr/bin/ntm /etc/ntm/ntm.ini /etc/ntm/ntm.ini.example /usr/share/man/man1/ntm.1.gz \
         /usr/share/man/man5/ntm.ini.5.gz /usr/share/man/vi/man5/ntm.ini.5.gz \
         /usr/share/doc/ntm/copyright /usr/share/doc/ntm/README.Debian; do
    [ -e "$root$f" ] || fail "$f not installed"
done
in_root "dpkg-query -W -f='\${Conffiles}' ntm" | grep -q /etc/ntm/ntm.ini.example || fail "conffiles"

# The brief's commands, as root.
in_root "ntm demo /var/lib/ntm/ntm.db" | grep -q /var/lib/ntm/ntm.db || fail "ntm demo"
[ "$(in_root 'stat -c %G /var/lib/ntm/ntm.db')" = ntm ] || fail "ntm.db did not get the group ntm"
in_root "ntm --db /var/lib/ntm/ntm.db report tasks --commune 'an hoa thinh' --hamlet nay -o /tmp/nay.pdf" \
    >/dev/null || fail "ntm report tasks"
cp "$root/tmp/nay.pdf" "$cache/nay.pdf"                 # kept, to look at
pdftotext -raw "$cache/nay.pdf" - 2>/dev/null | tr '\n' ' ' >"$cache/nay.txt"
for s in "PHIẾU ĐẦU VIỆC" "Nậy" "An Hòa Thịnh" "hàng rào xanh" "KT. TRƯỞNG BAN"; do
    grep -q "$s" "$cache/nay.txt" || fail "'$s' not in the PDF made in the root"
done
# The installed English catalogue (/usr/share/locale): LANGUAGE=en gives English
# headings in the paper and English usage.
in_root "LANGUAGE=en ntm --db /var/lib/ntm/ntm.db report tasks --commune 'an hoa thinh' --hamlet nay -o /tmp/nay-en.pdf" \
    >/dev/null || fail "ntm report tasks in English"
pdftotext -raw "$root/tmp/nay-en.pdf" - 2>/dev/null | grep -q "TASK SHEET" || fail "no English heading from the installed catalogue"
in_root "LANGUAGE=en ntm --help" | grep -q "^Usage: ntm" || fail "ntm --help is not in English with LANGUAGE=en"

# An officer in the group, with /etc/ntm/ntm.ini (no --db) and umask 002: the folder's
# setgid and modes let them write (a report, and the WAL files beside the database).
in_root "chmod 664 /var/lib/ntm/ntm.db && useradd -m -G ntm thu"
in_root "runuser -u thu -- env HOME=/home/thu USER=thu sh -c 'umask 002; cd; ntm report tasks --commune \"an hoa thinh\" \
    --owner mttq -o owner.pdf && ntm tours'" >"$cache/thu.log" 2>&1 ||
    { cat "$cache/thu.log"; fail "an officer of the group cannot use the shared database"; }
[ -s "$root/home/thu/owner.pdf" ] || fail "the officer's report"

# man ntm renders there, without a warning; ntm.ini(5) is found.
in_root "MANWIDTH=80 man --warnings ntm 2>&1 >/tmp/ntm.txt" >"$cache/man.log"
[ ! -s "$cache/man.log" ] || { cat "$cache/man.log"; fail "man ntm warned"; }
grep -q "EXIT STATUS" "$root/tmp/ntm.txt" || fail "man ntm did not render"
in_root "man -w ntm.ini" | grep -q /man/man5/ntm.ini.5 || fail "man ntm.ini not found"
in_root "man -L vi -w ntm.ini" | grep -q /man/vi/man5/ntm.ini.5 || fail "man -L vi ntm.ini not found"

# Purge: the conffiles and the statoverride go; the office's database stays.
in_root "apt-get purge -y -q ntm" >>"$cache/apt.log" 2>&1 || fail "apt-get purge"
[ ! -e "$root/etc/ntm/ntm.ini" ] || fail "purge left /etc/ntm/ntm.ini"
[ -e "$root/var/lib/ntm/ntm.db" ] || fail "purge removed the database"
in_root "dpkg-statoverride --list /var/lib/ntm" >/dev/null && fail "purge left the statoverride"
echo "debtest: ok (installed, ran, rendered and purged in a fresh bookworm root)"
