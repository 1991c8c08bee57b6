#!/usr/bin/env bash
# Renders the one-page report as a person sees it: HTML → PDF and PNG with headless Chromium (Debian's
# `chromium` package), checks the PDF is one A4 page, and writes a screenshot for README.
#   scripts/render-report.sh [OUT_DIR] [advise flags…]    (default: Samples/, --land 7000 --capital 150tr --flood occasional)
# Needs: apt-get install chromium poppler-utils fonts-noto-core
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-Samples}; shift || true
flags=("$@"); [ ${#flags[@]} -gt 0 ] || flags=(--land 7000 --capital 150tr --flood occasional)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
swift build --product advise >&2
.build/debug/advise "${flags[@]}" --lang vi --format html -o "$work/report.html"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$work/report.pdf" "file://$work/report.html" 2>/dev/null
pages=$(pdfinfo "$work/report.pdf" | awk '/^Pages:/ {print $2}')
size=$(pdfinfo "$work/report.pdf" | awk -F: '/^Page size:/ {print $2}' | xargs)
echo "report.pdf: $pages page(s), $size"
[ "$pages" = 1 ] || { echo "the report does not fit one page" >&2; exit 1; }
pdftoppm -png -r 80 -singlefile "$work/report.pdf" "$out/report-7000"
cp "$work/report.pdf" "$out/report-7000.pdf"
echo "wrote $out/report-7000.png and $out/report-7000.pdf"
