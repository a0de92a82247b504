#!/usr/bin/env python3
"""Builds Tests/Fixtures/loo-run: a short real run folder and ArviZ's az.loo on its chain files.

Usage (from the package root, after `swift build -c release`; numpy and arviz 0.23.4):

    python3 Tests/Fixtures/loo-run/make_fixture.py [--bayes-mmm .build/release/bayes-mmm]
    python3 Tests/Fixtures/loo-run/make_fixture.py --arviz-only   # keep the run, redo the JSON

1. `bayes-mmm simulate --weeks 40 --seed 7` writes data.csv (skipped when it exists: the
   Swift test needs the data the run was fitted to, byte for byte);
2. `bayes-mmm sample` on it (2 social channels, no owned channels or controls, 2 chains x
   120 draws, 1 mediator path, seed 14) into a temporary folder, whose chain-1.csv,
   chain-2.csv and run.json are copied here unchanged (run.json records the data path as
   Tests/Fixtures/loo-run/data.csv, relative to the package root);
3. arviz-loo.json: for the joint model and each equation (joint, revenue, search,
   search_onoff, and search_amount over Google's on weeks), az.loo(pointwise=True) on
   az.from_cmdstan(files, log_likelihood={...every log_lik vector...}) with the posterior
   group cut to the model's parameters (scripts/arviz_loo_check.py, `read_run`): elpd_loo,
   se, p_loo, pareto_k, loo_i, good_k; the r_eff az.loo used; and the joint's elpd_loo and
   p_loo with the whole posterior group (effects included, as az.from_cmdstan leaves it),
   which differ: 240 draws are enough for r_eff to set the PSIS tail length
   (3 sqrt(S / r_eff) < S / 5), so the fixture tells the two r_eff definitions apart.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from arviz_loo_check import arviz_loo, arviz_reff, on_weeks, read_run  # noqa: E402

import arviz as az  # noqa: E402

DATA = "Tests/Fixtures/loo-run/data.csv"
SAMPLE = [
    "sample", "--data", DATA, "--social", "facebook_spend,tiktok_spend", "--owned", "",
    "--controls", "", "--chains", "2", "--warmup", "200", "--draws", "120", "--seed", "14",
    "--mediator-paths", "1", "--quiet",
]


def make_run(binary):
    if not os.path.exists(os.path.join(ROOT, DATA)):
        subprocess.run(
            [binary, "simulate", "--weeks", "40", "--seed", "7", "--out", DATA], cwd=ROOT,
            check=True)
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "run")
        subprocess.run([binary] + SAMPLE + ["--out", out], cwd=ROOT, check=True)
        for name in ["chain-1.csv", "chain-2.csv", "run.json"]:
            shutil.copyfile(os.path.join(out, name), os.path.join(HERE, name))


def figures(loo):
    return {
        "elpd_loo": float(loo.elpd_loo), "se": float(loo.se), "p_loo": float(loo.p_loo),
        "pareto_k": loo.pareto_k.values.tolist(), "loo_i": loo.loo_i.values.tolist(),
        "good_k": float(loo.good_k),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bayes-mmm", default=".build/release/bayes-mmm", dest="binary")
    parser.add_argument("--arviz-only", action="store_true")
    args = parser.parse_args()
    if not args.arviz_only:
        make_run(os.path.join(ROOT, args.binary))
    run = HERE
    idata = read_run(run)
    whole = read_run(run, parameters_only=False)
    results = arviz_loo(idata)
    whole_joint = arviz_loo(whole)["joint"]
    out = {
        "source": "arviz " + az.__version__ + " az.loo(pointwise=True) on az.from_cmdstan(chain "
        "files, log_likelihood={every log_lik vector}), posterior cut to the parameters; "
        "Tests/Fixtures/loo-run/make_fixture.py",
        "draws": int(idata.posterior.sizes["chain"] * idata.posterior.sizes["draw"]),
        "reff": arviz_reff(idata),
        "on_weeks": on_weeks(idata).tolist(),
        "models": {model: figures(loo) for model, loo in results.items()},
        "whole_posterior": {
            "reff": arviz_reff(whole), "elpd_loo": float(whole_joint.elpd_loo),
            "p_loo": float(whole_joint.p_loo),
        },
    }
    with open(os.path.join(HERE, "arviz-loo.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    for model, values in out["models"].items():
        print(f"{model:<14} elpd_loo {values['elpd_loo']:.6f}  p_loo {values['p_loo']:.6f}")
    print(f"r_eff {out['reff']:.6f}; whole posterior: r_eff {out['whole_posterior']['reff']:.6f}, "
          f"joint elpd_loo {out['whole_posterior']['elpd_loo']:.6f}")


if __name__ == "__main__":
    main()
