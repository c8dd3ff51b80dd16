#!/usr/bin/env bash
# The tests: installs what they check outputs with if missing (see prerequisites.sh),
# then runs `swift test`. Extra arguments go to `swift test` (e.g. --filter Export).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/prerequisites.sh test
exec swift test "$@"
