#!/usr/bin/env bash
# Freeze RxCombo with PyInstaller, then (on Debian/Ubuntu) wrap it into a .deb.
#
#   packaging/build.sh [CONTENT_DIR]
#
#   CONTENT_DIR  folder of pages to bundle instead of the repository's data/
#                (same as setting RXCOMBO_CONTENT_DIR)
#
# Environment:
#   PYTHON    interpreter with PyInstaller and the app's dependencies
#             (default: .venv/bin/python of the repository if present, else python3)
#   OUT_DIR   output folder (default: packaging/out); dist/rxcombo and the .deb go there
#
# Every run starts from an empty OUT_DIR/build and OUT_DIR/dist: nothing is reused.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
OUT_DIR="$(realpath -m "${OUT_DIR:-$HERE/out}")"

if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x "$REPO/.venv/bin/python" ]]; then PYTHON="$REPO/.venv/bin/python"; else PYTHON=python3; fi
fi

if [[ $# -gt 1 ]]; then
    echo "usage: $0 [CONTENT_DIR]" >&2
    exit 2
fi
if [[ $# -eq 1 ]]; then
    [[ -d "$1" ]] || { echo "build.sh: $1 is not a folder" >&2; exit 2; }
    export RXCOMBO_CONTENT_DIR="$(realpath "$1")"
fi

rm -rf "$OUT_DIR/build" "$OUT_DIR/dist"
mkdir -p "$OUT_DIR"

echo "==> Freezing with PyInstaller ($("$PYTHON" --version))"
"$PYTHON" -m PyInstaller --noconfirm --clean \
    --distpath "$OUT_DIR/dist" --workpath "$OUT_DIR/build" "$HERE/rxcombo.spec"

FROZEN="$OUT_DIR/dist/rxcombo"
echo "==> Frozen folder: $FROZEN ($(du -sh "$FROZEN" | cut -f1))"
"$FROZEN/rxcombo" check >/dev/null

if [[ "$(uname -s)" == Linux ]] && command -v dpkg-deb >/dev/null; then
    echo "==> Building the .deb"
    DEB="$("$HERE/build-deb.sh" "$FROZEN" "$OUT_DIR" | tail -n 1)"
    echo "==> Debian package: $DEB ($(du -h "$DEB" | cut -f1))"
else
    echo "==> dpkg-deb not available: skipping the .deb"
fi
