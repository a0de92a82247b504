#!/usr/bin/env bash
# Which price form does PSIS-LOO prefer on data simulated with each form? (issue 14)
# For each generating form and seed: simulate 104 weeks with that form's example priors,
# fit all three forms to the CSV, and print `bayes-mmm compare` (elpd_diff, se_diff).
# Usage: scripts/price-form-comparison.sh [SEEDS...]   (default seeds 1 2 3)
# Output goes to stdout; working files to ${WORK:-/tmp/price-form-comparison}.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$PWD/.build/release/bayes-mmm
WORK=${WORK:-/tmp/price-form-comparison}
SEEDS=("${@:-1 2 3}")
FORMS=(constant_elasticity linear_demand monotone_spline)
mkdir -p "$WORK"
for generating in "${FORMS[@]}"; do
  for seed in ${SEEDS[@]}; do
    data="$WORK/$generating-$seed.csv"
    "$BIN" simulate --price-response "$generating" --seed "$seed" --out "$data" 2>/dev/null
    for fitted in "${FORMS[@]}"; do
      "$BIN" sample --data "$data" --priors "priors/${fitted//_/-}.json" --seed "$seed" \
        --out "$WORK/$generating-$seed/$fitted" --quiet 2>/dev/null
    done
    echo "== data simulated with $generating, seed $seed"
    (cd "$WORK/$generating-$seed" && "$BIN" compare "${FORMS[@]}")
  done
done
