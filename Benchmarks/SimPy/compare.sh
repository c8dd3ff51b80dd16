#!/usr/bin/env bash
# BillingSim and the SimPy model of the same rules, side by side.
#
#   Benchmarks/SimPy/compare.sh [companies] [months] [runs]    (default 50000 12 3)
#
# Runs are interleaved (BillingSim, SimPy, BillingSim, ...) so load from other work on
# the machine falls on both. Prints median wall time and peak RSS (from /usr/bin/time -v)
# and the counts of each. SIMPY_RNG=splitmix makes the model replay BillingSim's random
# draws exactly (same counts and revenue); the default draws from Python's random.
set -euo pipefail

companies=${1:-50000}
months=${2:-12}
runs=${3:-3}
rng=${SIMPY_RNG:-python}
cd "$(dirname "$0")/../.."

swift build -c release --product billingsim >&2 # a no-op when up to date; never a stale binary
python3 -c 'import simpy' 2>/dev/null || pip install --quiet simpy

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

run() { # name run command...
    local name=$1 n=$2
    shift 2
    /usr/bin/time -v "$@" >"$out/$name.$n.out" 2>"$out/$name.$n.time"
}

for n in $(seq "$runs"); do
    echo "run $n of $runs: billingsim" >&2
    run billingsim "$n" .build/release/billingsim simulate --companies "$companies" --months "$months" --no-progress
    echo "run $n of $runs: simpy" >&2
    run simpy "$n" python3 Benchmarks/SimPy/model.py --companies "$companies" --months "$months" --rng "$rng"
done

# Median over the runs of a figure taken from each /usr/bin/time -v report.
median() { # name awk-program
    for f in "$out/$1".*.time; do awk "$2" "$f"; done | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
wall='/Elapsed \(wall clock\)/ { n = split($NF, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }'
rss='/Maximum resident set size/ { printf "%.0f\n", $NF / 1024 }'
count() { awk -v key="$2" '$1 == key { $1 = ""; sub(/^ +/, ""); print }' "$out/$1.1.out"; }

bs_wall=$(median billingsim "$wall")
sp_wall=$(median simpy "$wall")
bs_rss=$(median billingsim "$rss")
sp_rss=$(median simpy "$rss")

echo
echo "$companies companies x $months months, median of $runs interleaved runs (SimPy rng: $rng)"
printf '%-16s %14s %14s %10s\n' "" BillingSim SimPy "SimPy/BS"
printf '%-16s %14s %14s %9.1fx\n' "wall time (s)" "$bs_wall" "$sp_wall" "$(echo "$sp_wall / $bs_wall" | bc -l)"
printf '%-16s %14s %14s %9.1fx\n' "peak RSS (MiB)" "$bs_rss" "$sp_rss" "$(echo "$sp_rss / $bs_rss" | bc -l)"
all() { for f in "$out/$1".*.time; do awk "$2" "$f"; done | paste -sd ' '; }
echo "each run: wall BillingSim $(all billingsim "$wall"), SimPy $(all simpy "$wall"); RSS MiB BillingSim $(all billingsim "$rss"), SimPy $(all simpy "$rss")"
row() { # label billingsim simpy
    printf '%-16s %14s %14s %+9.2f%%\n' "$1" "$2" "$3" "$(echo "($3 - $2) * 100 / $2" | bc -l)"
}
for key in companies users invoices emails; do
    row "$key" "$(count billingsim "$key")" "$(count simpy "$key")"
done
for currency in EUR SEK USD; do
    pick="{ for (i = 1; i <= NF; i++) if (\$i ~ /^$currency/) print \$(i - 1) }"
    row "revenue $currency" "$(count billingsim revenue | awk "$pick")" "$(count simpy revenue | awk "$pick")"
done
