#!/usr/bin/env bash
# Turn the PyInstaller folder (packaging/rxcombo.spec) into a Debian package.
#
#   packaging/build-deb.sh [FROZEN_DIR] [OUT_DIR]
#
#   FROZEN_DIR  the onedir output, holding the `rxcombo` executable and `_internal/`
#               (default: packaging/out/dist/rxcombo)
#   OUT_DIR     where rxcombo_<version>_<arch>.deb is written (default: packaging/out)
#
# Environment:
#   DEB_MAINTAINER          the Maintainer field (default: a placeholder address)
#   RXCOMBO_SKIP_VALIDATE=1 do not run desktop-file-validate / appstreamcli (not recommended)
#
# Layout of the package:
#   /opt/rxcombo/                         the frozen app
#   /usr/bin/rxcombo                      launcher: exec /opt/rxcombo/rxcombo "$@"
#   /usr/share/applications/io.github.rxcombo.RxCombo.desktop
#   /usr/share/icons/hicolor/scalable/apps/io.github.rxcombo.RxCombo.svg
#   /usr/share/metainfo/io.github.rxcombo.RxCombo.metainfo.xml
#   /usr/share/doc/rxcombo/copyright
# No maintainer scripts: dpkg triggers of desktop-file-utils, hicolor-icon-theme and
# AppStream refresh the menu, icon and software-centre caches.
#
# Prints the path of the .deb on the last line of its output.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
FROZEN="$(realpath -m "${1:-$REPO/packaging/out/dist/rxcombo}")"
OUT_DIR="$(realpath -m "${2:-$REPO/packaging/out}")"

APP_ID="io.github.rxcombo.RxCombo"
PACKAGE="rxcombo"
RESOURCES="$REPO/resources"
MAINTAINER="${DEB_MAINTAINER:-RxCombo team <rxcombo@example.invalid>}"

die() { echo "build-deb.sh: $*" >&2; exit 1; }

for tool in dpkg-deb dpkg objdump; do
    command -v "$tool" >/dev/null || die "$tool is required (apt-get install dpkg-dev binutils)"
done
[[ -x "$FROZEN/rxcombo" && -d "$FROZEN/_internal" ]] \
    || die "$FROZEN is not a PyInstaller onedir folder (run pyinstaller packaging/rxcombo.spec)"
[[ -n "$(find "$FROZEN/_internal/data" -type f -print -quit 2>/dev/null)" ]] \
    || die "$FROZEN/_internal/data holds no pages"

VERSION="$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' "$REPO/pyproject.toml" | head -n 1)"
[[ -n "$VERSION" ]] || die "no version found in pyproject.toml"
ARCH="$(dpkg --print-architecture)"

# Libraries of the system that the frozen app links against directly (the bundle leaves them
# out, see packaging/rxcombo.spec). All exist in Debian 12; tests/test_packaging.py checks
# that every library the bundle needs from outside is provided by one of these packages.
DEPENDS=(
    # What Qt needs to open a window on X11 (and on Wayland through XWayland).
    libglib2.0-0 libegl1 libgl1 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6
    libdbus-1-3 libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
    libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1
    libxcb1 libxcb-glx0 libxcb-render0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0
    # QtCore/QtNetwork: compression and Kerberos (linked, even though unused offline).
    libzstd1 libbrotli1 libgssapi-krb5-2
    # The C/C++ runtime and the libraries of Python's own extension modules.
    libstdc++6 libgcc-s1 zlib1g libbz2-1.0 liblzma5 libffi8 libssl3
    # Full-text search: Python's sqlite3 module links the system's SQLite (built with FTS5).
    libsqlite3-0
    # Debian's libpython3.11 links the system's expat (a python.org or pyenv build carries its
    # own copy); listed whichever Python froze the app, so the package is the same either way.
    libexpat1
)
# The newest glibc symbol version any bundled binary uses is the lowest libc6 that runs it.
GLIBC_MIN="$(find "$FROZEN" -type f \( -name '*.so*' -o -name rxcombo \) -exec objdump -T {} + 2>/dev/null \
    | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n 1)"
DEPENDS_FIELD="libc6 (>= ${GLIBC_MIN:-2.36})"
for dep in "${DEPENDS[@]}"; do DEPENDS_FIELD+=", $dep"; done

STAGE="$(mktemp -d "${TMPDIR:-/tmp}/rxcombo-deb.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
ROOT="$STAGE/${PACKAGE}_${VERSION}_${ARCH}"

install -d "$ROOT/DEBIAN" "$ROOT/opt" "$ROOT/usr/bin" "$ROOT/usr/share/applications" \
    "$ROOT/usr/share/icons/hicolor/scalable/apps" "$ROOT/usr/share/metainfo" \
    "$ROOT/usr/share/doc/$PACKAGE"

cp -a "$FROZEN" "$ROOT/opt/rxcombo"

cat > "$ROOT/usr/bin/rxcombo" <<'EOF'
#!/bin/sh
exec /opt/rxcombo/rxcombo "$@"
EOF
chmod 0755 "$ROOT/usr/bin/rxcombo"

install -m 0644 "$RESOURCES/$APP_ID.desktop" "$ROOT/usr/share/applications/$APP_ID.desktop"
install -m 0644 "$RESOURCES/icons/rxcombo.svg" \
    "$ROOT/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
install -m 0644 "$RESOURCES/$APP_ID.metainfo.xml" "$ROOT/usr/share/metainfo/$APP_ID.metainfo.xml"

cat > "$ROOT/usr/share/doc/$PACKAGE/copyright" <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: RxCombo
Source: https://github.com/rxcombo/rxcombo

Files: *
Copyright: 2026 RxCombo team
License: MIT

Files: opt/rxcombo/_internal/*
Comment: The bundled runtime: CPython (PSF-2.0), Qt 6 and PySide6 (LGPL-3.0, used as
 shared libraries; full text in /usr/share/common-licenses/LGPL-3), ICU (Unicode-3.0),
 Markdown (BSD-3-Clause), python-frontmatter, PyYAML, platformdirs, wcwidth and nh3
 (MIT), ftfy (Apache-2.0). Their licence files are in
 /opt/rxcombo/_internal/licenses/.
License: various

License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy of this
 software and associated documentation files (the "Software"), to deal in the Software
 without restriction, including without limitation the rights to use, copy, modify, merge,
 publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
 to whom the Software is furnished to do so, subject to the following conditions:
 .
 The above copyright notice and this permission notice shall be included in all copies or
 substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
 INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
 PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
 FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
 OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
 DEALINGS IN THE SOFTWARE.
EOF
chmod 0644 "$ROOT/usr/share/doc/$PACKAGE/copyright"

# Validate the files exactly as they will be installed.
if [[ "${RXCOMBO_SKIP_VALIDATE:-0}" != 1 ]]; then
    command -v desktop-file-validate >/dev/null \
        || die "desktop-file-validate is missing (apt-get install desktop-file-utils)"
    command -v appstreamcli >/dev/null || die "appstreamcli is missing (apt-get install appstream)"
    desktop-file-validate "$ROOT/usr/share/applications/$APP_ID.desktop"
    appstreamcli validate --no-net "$ROOT/usr/share/metainfo/$APP_ID.metainfo.xml"
fi

# Normal permissions whatever the umask or the checkout's modes were.
find "$ROOT" -type d -exec chmod 0755 {} +
find "$ROOT" -type f -exec chmod u+rw,go+r,go-w {} +

INSTALLED_SIZE="$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)"
cat > "$ROOT/DEBIAN/control" <<EOF
Package: $PACKAGE
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $INSTALLED_SIZE
Depends: $DEPENDS_FIELD
Section: science
Priority: optional
Homepage: https://github.com/rxcombo/rxcombo
Description: offline reference for drugs and drug combinations
 RxCombo is a desktop reference for looking up drugs and combinations of
 drugs. It works fully offline: the pages ship with the app, and nothing you
 search for or save is sent anywhere.
 .
 The pages are AI-generated and crowd-sourced and have not been reviewed by
 doctors or pharmacists. RxCombo is for educational and reference use only and
 is not medical advice.
EOF

mkdir -p "$OUT_DIR"
DEB="$OUT_DIR/${PACKAGE}_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$ROOT" "$DEB" >&2
echo "$DEB"
