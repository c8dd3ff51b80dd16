#!/usr/bin/env bash
# The isolation campaign at full size: BILLINGSIM_ISOLATION_OPS random operations (default
# 1,000,000) as random users across companies, judged by a plain copy of DOMAIN.md's
# permission table (Tests/BillingRuntimeTests/IsolationTests.swift), in a release build.
# `swift test` runs the same campaign with 20,000 operations.
set -euo pipefail
cd "$(dirname "$0")/.."
export BILLINGSIM_ISOLATION_OPS="${BILLINGSIM_ISOLATION_OPS:-1000000}"
exec swift test -c release --filter IsolationTests "$@"
