#!/usr/bin/env bash
# The main job: installs the SQLite library if missing, then runs every bundled scenario
# with a readable report. Extra arguments go to `billingsim run` (e.g. --out report).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/prerequisites.sh build
exec swift run -c release billingsim run Scenarios "$@"
