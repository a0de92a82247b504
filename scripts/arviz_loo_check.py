#!/usr/bin/env python3
"""ArviZ's az.loo on a run folder's chain files against `bayes-mmm loo` (issue 14).

Usage (from the package root, with numpy and arviz installed; ArviZ 0.23.4 was used):

    .build/release/bayes-mmm sample --out /tmp/ll-default --seed 20240917
    python3 scripts/arviz_loo_check.py /tmp/ll-default [--bayes-mmm .build/release/bayes-mmm]

Reads RUN/chain-*.csv with az.from_cmdstan, every log-likelihood vector passed to
`log_likelihood=` (so none stays in the posterior group), and cuts the posterior group to
the model's parameters (run.json "parameters"): az.loo's r_eff is the mean ESS of the mean
over the posterior group's variables, and bayes-mmm takes it over the parameters only, not
the effect columns that az.from_cmdstan also puts there. Then compares, for the joint model
and each equation, elpd_loo, p_loo and se with `bayes-mmm loo --run RUN --format json`, and
the Pareto k week by week (search_amount: over Google's on weeks, where its term is not 0).

Prints one line per model and exits with 1 when a difference exceeds --tolerance (1e-6).
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import warnings

import arviz as az
import numpy as np

# bayes-mmm loo's name of each model -> the chain files' log-likelihood vector.
VECTORS = {
    "joint": "log_lik",
    "revenue": "log_lik_revenue",
    "search": "log_lik_search",
    "search_onoff": "log_lik_search_onoff",
    "search_amount": "log_lik_search_amount",
}


def read_run(run, parameters_only=True):
    """The run's chain files as InferenceData, every log-likelihood vector in the
    log_likelihood group; the posterior group cut to the model's parameters unless
    parameters_only is False (then it also holds the effect columns)."""
    files = sorted(glob.glob(os.path.join(run, "chain-*.csv")))
    idata = az.from_cmdstan(files, log_likelihood=VECTORS)
    if parameters_only:
        parameters = json.load(open(os.path.join(run, "run.json")))["parameters"]
        idata.posterior = idata.posterior[sorted({name.split(".")[0] for name in parameters})]
    return idata


def arviz_reff(idata):
    """r_eff as az.loo computes it: mean ESS of the mean over the posterior group's values,
    divided by the pooled draws."""
    posterior = idata.posterior
    ess = az.ess(posterior, method="mean")
    draws = posterior.sizes["chain"] * posterior.sizes["draw"]
    return float(np.hstack([ess[v].values.flatten() for v in ess.data_vars]).mean() / draws)


def on_weeks(idata):
    """Google's on weeks (0-based): where the amount term is not 0 in some draw."""
    values = idata.log_likelihood["search_amount"]
    return np.flatnonzero((values != 0).any(dim=("chain", "draw")).values)


def arviz_loo(idata):
    """az.loo(pointwise=True) of every model; search_amount over Google's on weeks."""
    results = {}
    for model in VECTORS:
        data = idata
        if model == "search_amount":
            values = idata.log_likelihood[model]
            data = idata.copy()
            data.log_likelihood = idata.log_likelihood[[model]].isel(
                {values.dims[-1]: on_weeks(idata)})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            results[model] = az.loo(data, var_name=model, pointwise=True)
    return results


def bayes_mmm_loo(run, binary):
    out = subprocess.run(
        [binary, "loo", "--run", run, "--format", "json"], check=True, capture_output=True,
        text=True).stdout
    loo = json.loads(out)
    models = {"joint": loo}
    models.update(loo["equations"])
    return loo, models


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("run", help="run folder written by bayes-mmm sample")
    parser.add_argument("--bayes-mmm", default=".build/release/bayes-mmm", dest="binary")
    parser.add_argument("--tolerance", type=float, default=1e-6)
    args = parser.parse_args()

    ours, models = bayes_mmm_loo(args.run, args.binary)
    if ours.get("log_likelihood_from") != "chain_files":
        sys.exit(f"{args.run}: its chain files have no log_lik columns; re-run sample")
    theirs = arviz_loo(read_run(args.run))
    print(f"arviz {az.__version__}; bayes-mmm r_eff {ours['r_eff']:.6f}, "
          f"{ours['draws']:.0f} draws")
    worst = 0.0
    print(f"{'model':<14}{'elpd_loo':>14}{'d elpd':>10}{'p_loo':>12}{'d p_loo':>10}"
          f"{'d se':>10}{'max |d k|':>11}")
    for model, loo in theirs.items():
        mine = models[model]
        d_elpd = mine["elpd_loo"] - float(loo.elpd_loo)
        d_p = mine["p_loo"] - float(loo.p_loo)
        d_se = mine["se"] - float(loo.se)
        k_diff = 0.0
        if "pareto_k" in mine:
            k_diff = float(np.max(np.abs(np.array(mine["pareto_k"]) - loo.pareto_k.values)))
        else:  # search_amount: bayes-mmm prints no per-week k; compare the bins
            counts = mine["pareto_k_counts"]
            k = loo.pareto_k.values
            bins = [int(np.sum(k <= loo.good_k)), int(np.sum((k > loo.good_k) & (k <= 1))),
                    int(np.sum(k > 1))]
            if bins != [counts["good"], counts["bad"], counts["very_bad"]]:
                k_diff = float("inf")
        worst = max(worst, abs(d_elpd), abs(d_p), abs(d_se), k_diff)
        print(f"{model:<14}{float(loo.elpd_loo):>14.6f}{d_elpd:>10.1e}{float(loo.p_loo):>12.6f}"
              f"{d_p:>10.1e}{d_se:>10.1e}{k_diff:>11.1e}")
    verdict = "agree" if worst <= args.tolerance else "DISAGREE"
    print(f"largest difference {worst:.2e}: {verdict} (tolerance {args.tolerance:g})")
    sys.exit(0 if worst <= args.tolerance else 1)


if __name__ == "__main__":
    main()
