#!/usr/bin/env bash
# Formats the tree with the toolchain's swift-format, then lints it.
# Usage: Scripts/format.sh          format in place, then lint
#        Scripts/format.sh --check  lint only (non-zero exit on findings)
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Package.swift Sources Tests Benchmarks)
if [ "${1:-}" != "--check" ]; then
    swift format format --in-place --recursive "${paths[@]}"
fi
swift format lint --strict --recursive "${paths[@]}"
