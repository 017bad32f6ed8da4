#!/usr/bin/env bash
# Runs every test in the solution and ends with one summary line: "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

results="TestResults"
rm -rf "$results"
dotnet test SalesOps.Routing.sln --configuration Release --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed)))
  # xunit's skipped tests are counted as neither executed nor notExecuted: they are the difference.
  skipped=$((skipped + $(value total) - $(value executed)))
done

echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit $status
