#!/usr/bin/env bash
# Takes every number in docs/performance.md on this machine, in one go: the engine benchmarks, the
# ramp against the real path and its three baselines, steady load at half the routing path's max
# sustainable rate, a burst, mixed traffic, breach lag under load and the SLA storm. Each load run
# starts its own host on a fresh SQLite database and verifies it afterwards. Takes 30 to 50 minutes, by the machine's speed;
# run it on an idle machine with nothing else building.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-loadtests/results/perf-$(date -u +%Y%m%d-%H%M%S)}"
mkdir -p "$out"
dotnet build SalesOps.Routing.sln -c Release -v quiet --nologo
runner() { dotnet run -c Release --no-build --project loadtests/SalesOps.Routing.LoadTests -- "$@" --out "$out"; }
latest() { ls -t "$out"/"$1"-*.json | head -n 1; }

dotnet run -c Release --no-build --project loadtests/SalesOps.Routing.Benchmarks -- --filter '*' --memory --artifacts "$out/benchmarks"

runner ramp --rate 200
# The max sustainable rate: the best routing step with no errors and p99 within the ramp's limit.
max=$(jq '[.results[] | select(.target == "routing" and .errorCount == 0 and .p99Ms <= 100) | .throughput] | max // 0 | floor' "$(latest ramp)")
half=$((max / 2))
echo "routing: max sustainable ${max}/s, steady and mixed at ${half}/s"

runner steady --targets routing --rate "$half" --duration 00:01:00
runner burst --targets routing --rate "$((half / 10 > 50 ? half / 10 : 50))"
runner mixed --targets routing --rate "$half" --duration 00:00:30
# Breach lag at a rate the sweep keeps up with: at half the max every lead's clock would run out a
# minute later at more breaches a second than the sweep records (see sla-storm), so the lag measured
# would be the backlog's, not the sweep's.
runner steady --targets routing --short-sla --rate 500 --duration 00:02:30
runner sla-storm --timers 100000

echo "Results in $out"
