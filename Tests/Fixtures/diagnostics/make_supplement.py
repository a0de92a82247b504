"""Writes expected_supplement.json: ArviZ values the shared expected.json does not pin.

Run from this folder with ArviZ 0.23.4, NumPy and SciPy installed:
    python make_supplement.py
"""
import json

import arviz as az
import numpy as np

CASES = [
    "iid_normal",
    "ar1_rho09",
    "cauchy",
    "one_chain_shifted",
    "lognormal_skewed",
    "odd_length_ar1",
    "two_chains_trend",
]
PROBABILITIES = [0.05, 0.25, 0.5, 0.95]


def values_for(draws):
    pooled = draws.ravel()
    return {
        "mcse_sd": float(az.mcse(draws, method="sd")),
        "ess_quantile": {str(p): float(az.ess(draws, method="quantile", prob=p))
                         for p in PROBABILITIES},
        "mcse_quantile": {str(p): float(az.mcse(draws, method="quantile", prob=p))
                          for p in PROBABILITIES},
        "mean": float(np.mean(pooled)),
        "sd": float(np.std(pooled, ddof=1)),
        "quantile": {str(p): float(np.quantile(pooled, p)) for p in PROBABILITIES},
    }


def main():
    expected = {}
    for name in CASES:
        draws = np.loadtxt(f"{name}.csv", delimiter=",", skiprows=1).T
        expected[name] = values_for(draws)
    document = {
        "generator": (
            f"ArviZ {az.__version__}, NumPy {np.__version__} (az.mcse method sd/quantile, "
            "az.ess method quantile, np.mean, np.std ddof=1, np.quantile linear) "
            "via make_supplement.py"
        ),
        "expected": expected,
    }
    with open("expected_supplement.json", "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
