#!/usr/bin/env bash
# The tests: installs what they check outputs with if missing (see prerequisites.sh),
# then runs `swift test`. Extra arguments go to `swift test` (e.g. --filter Export).
# A run that hangs is stopped after an hour (a full run takes a few minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/prerequisites.sh test
exec timeout --kill-after=30 3600 swift test "$@"
