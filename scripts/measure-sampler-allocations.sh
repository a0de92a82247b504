#!/usr/bin/env bash
# Counts heap allocations of the NUTS hot path: runs the allocation probe test under
# valgrind with two numbers of transitions; equal counts mean transitions allocate nothing.
# Needs valgrind (apt-get install valgrind) and a release test build:
#   swift build -c release -Xswiftc -enable-testing --build-tests
set -euo pipefail
cd "$(dirname "$0")/.."
binary=".build/release/bayes-mmmPackageTests.xctest"
for transitions in 100 2000; do
  allocs=$(BAYES_MMM_ALLOC_PROBE=$transitions valgrind "$binary" \
    BayesMMMTests.SamplerBenchmarkTests/testAllocationProbe 2>&1 \
    | sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p')
  echo "$transitions transitions: $allocs heap allocations in the whole test process"
done
