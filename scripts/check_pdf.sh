#!/usr/bin/env bash
# The result PDF's system needs, installed and proved: Debian's Pango (which
# WeasyPrint draws text with), fontconfig, and fonts that cover Welsh (ŵ ŷ),
# then a sample result rendered by `manage.py check_result_pdf`.
# Run by .ci/run, by `make pdf` (before the tests) and by the Dockerfile, so
# the image is checked here without a Docker engine.
# Usage: scripts/check_pdf.sh [OUTPUT.pdf]   (PYTHON picks the interpreter)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-dejavu-core)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
        echo "Installing Debian's ${missing[*]} for the result PDF..."
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
    else
        echo "The result PDF needs: sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
fi

# A font that has both ŵ (U+0175) and ŷ (U+0177).
if ! fc-list ':charset=175 177' family | grep -q .; then
    echo "No installed font covers Welsh ŵ and ŷ." >&2
    exit 1
fi

python="${PYTHON:-.venv/bin/python}"
output="${1:-${TMPDIR:-/tmp}/copro-sample-result.pdf}"
"$python" manage.py check_result_pdf "$output"
