#!/bin/sh
# mkdeb.sh STAGE OUT.deb VERSION: turns the tree that `make install DESTDIR=STAGE
# PREFIX=/usr` made into a Debian package the way debhelper would (stripped binary,
# compressed man pages and changelog, copyright, conffiles, md5sums, Depends from
# dpkg-shlibdeps), builds it with dpkg-deb and runs lintian: any error fails.
# Called by `make deb`, from the top of the tree.
set -eu
stage=$1 out=$2 version=$3
here=config/debian
maintainer=$(sed -n 's/^ -- \(.*>\)  .*/\1/p' $here/changelog | head -n 1)
logversion=$(sed -n '1s/^ntm (\([^)]*\)).*/\1/p' $here/changelog)
if [ "$logversion" != "$version" ]; then
    echo "mkdeb: $here/changelog is at $logversion, the Makefile at $version: add an entry" >&2
    exit 1
fi
doc=$stage/usr/share/doc/ntm

# Debian's file conventions (what dh_strip, dh_compress and dh_installdocs do).
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$stage"/usr/bin/*
find "$stage/usr/share/man" -type f -name '*.[0-9]' -exec gzip -9n {} +
gzip -9n "$doc/README.md"
gzip -9n -c $here/changelog >"$doc/changelog.gz"
# INSTALL is about building from source; the package's own setup is README.Debian.
rm -f "$doc/INSTALL"
install -m 644 $here/README.Debian "$doc/README.Debian"
install -m 644 $here/copyright "$doc/copyright"
install -d "$stage/etc/ntm" "$stage/var/lib/ntm"
install -m 644 $here/ntm.ini "$stage/etc/ntm/ntm.ini"
install -m 644 config/ntm.ini.example "$stage/etc/ntm/ntm.ini.example"

# The shared libraries' packages, with the versions their shlibs files ask for.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/debian"
printf 'Source: ntm\n\nPackage: ntm\nArchitecture: any\n' >"$tmp/debian/control"
mkdir -p "$tmp/debian/ntm/DEBIAN" "$tmp/debian/ntm/usr"       # a package tree, as
cp -R "$stage/usr/bin" "$tmp/debian/ntm/usr/"                   # dpkg-shlibdeps expects
depends=$(cd "$tmp" && dpkg-shlibdeps -O debian/ntm/usr/bin/* | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "mkdeb: dpkg-shlibdeps found no library" >&2; exit 1; }

install -d -m 755 "$stage/DEBIAN"
install -m 755 $here/postinst $here/postrm "$stage/DEBIAN/"
printf '/etc/ntm/ntm.ini\n/etc/ntm/ntm.ini.example\n' >"$stage/DEBIAN/conffiles"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$(dpkg --print-architecture)/" \
    -e "s/@MAINTAINER@/$maintainer/" -e "s/@SIZE@/$size/" -e "s/@DEPENDS@/$depends/" \
    $here/control.in >"$stage/DEBIAN/control"
(cd "$stage" && find . -type f ! -path './DEBIAN/*' ! -path './etc/*' | sed 's|^\./||' |
    LC_ALL=C sort | xargs md5sum) >"$stage/DEBIAN/md5sums"
chmod 644 "$stage/DEBIAN/control" "$stage/DEBIAN/conffiles" "$stage/DEBIAN/md5sums"

dpkg-deb --root-owner-group -Zxz --build "$stage" "$out"
lintian --fail-on error --info "$out"
echo "mkdeb: $out"
