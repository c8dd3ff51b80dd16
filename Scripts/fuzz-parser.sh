#!/usr/bin/env bash
# Fuzzes the scenario parser and checker with libFuzzer (docs/reliability.md, Parser).
#
#   Scripts/fuzz-parser.sh                 # 1,000,000 inputs
#   RUNS=100000 Scripts/fuzz-parser.sh     # fewer
#   MAX_LEN=4096 Scripts/fuzz-parser.sh    # longer inputs (default 1024 bytes)
#   Scripts/fuzz-parser.sh -max_total_time=600   # extra libFuzzer flags are passed on
#
# Builds the library modules with coverage instrumentation into .build-fuzz (a build
# folder of its own, so the normal build is untouched), links Tests/Fuzz/ParserFuzzer.swift
# with `swiftc -sanitize=fuzzer`, seeds a corpus with the bundled scenarios and runs.
# A crash leaves crash-* in .build-fuzz/artifacts and exits nonzero.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-1000000}"
BUILD=.build-fuzz
OUT="$BUILD/fuzz"
mkdir -p "$OUT/corpus" "$OUT/artifacts"

echo "== building instrumented modules (release, -sanitize=fuzzer)"
swift build -c release --build-path "$BUILD" --target BillingScenario \
    -Xswiftc -sanitize=fuzzer
BIN="$BUILD/release"

echo "== linking the fuzzer"
objects=()
for module in BillingCore BillingRuntime BillingStore BillingScenario; do
    objects+=("$BIN/$module.build"/*.o)
done
swiftc -O -sanitize=fuzzer -parse-as-library -I "$BIN/Modules" -I Sources/BillingSimSQLite \
    Tests/Fuzz/ParserFuzzer.swift "${objects[@]}" -lsqlite3 -o "$OUT/parser-fuzzer"

echo "== seeding the corpus"
cp Scenarios/*.scenario Scenarios/shared/*.inc "$OUT/corpus/"
# The folder the fuzzed text pretends to be in: two small includes, one nested.
FOLDER="$OUT/folder"
mkdir -p "$FOLDER"
printf 'user a@b.se\ninclude "b.inc"\n' > "$FOLDER/a.inc"
printf 'company k "K" owner a@b.se plan business\n' > "$FOLDER/b.inc"

echo "== fuzzing ($RUNS inputs)"
BILLINGSIM_FUZZ_FOLDER="$(cd "$FOLDER" && pwd)" "$OUT/parser-fuzzer" \
    -runs="$RUNS" -max_len="${MAX_LEN:-1024}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict=Tests/Fuzz/scenario.dict -artifact_prefix="$OUT/artifacts/" "$@" "$OUT/corpus"
