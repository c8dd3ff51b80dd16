#!/usr/bin/env bash
# The snapshot campaign of issue 12: random single-cell mutations of a real snapshot
# (every table, every column, hostile values), each refused or restored into a sound
# world that runs a month on. Usage: Scripts/campaign-snapshots.sh [COUNT [SEED]]
# (default 10000 mutations, seed 12). Each mutation is logged before it is tried, so
# if the test runner dies (a trap), the last line of the log names the mutation.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
seed="${2:-12}"
log="${BILLINGSIM_SNAPSHOT_LOG:-.build/campaign-snapshots.log}"
mkdir -p "$(dirname "$log")"
status=0
BILLINGSIM_SNAPSHOT_MUTATIONS="$count" BILLINGSIM_SNAPSHOT_SEED="$seed" BILLINGSIM_SNAPSHOT_LOG="$log" \
    timeout "${BILLINGSIM_CAMPAIGN_TIMEOUT:-7200}" swift test --filter SnapshotCampaignTests || status=$?
if [ "$status" -ne 0 ]; then
    echo "campaign failed (exit $status); the last mutation tried was:" >&2
    grep '^#' "$log" | tail -1 >&2 || true
    exit "$status"
fi
tail -1 "$log"
