#!/usr/bin/env python3
"""Builds Tests/Fixtures/run-with-effects from a real bayes-mmm run folder.

The effect columns are SYNTHETIC: they follow the column contract of the effects work
(names, order, units, hi-minus-lo arms) and are plausible functions of each draw's
parameters, but they are not the counterfactual simulation of MODEL.md 6. They exist so
that `summarize` can be tested before real effect columns are written.

Usage (from the package root, Python 3 standard library only):

    .build/release/bayes-mmm sample --chains 2 --warmup 200 --draws 50 --seed 11 \
        --out /tmp/fx-base --quiet
    python3 Tests/Fixtures/run-with-effects/make_fixture.py /tmp/fx-base \
        data/mmm_weekly.csv Tests/Fixtures/run-with-effects

For every draw row, with R the total revenue of the window, G the total Google spend and
S_k the total spend of social channel k (z ~ N(0, 1) from random.Random(20240917 + chain)):
  nde_zero.k = 0.02 R beta_social.k (1 + 0.1 z), times exp(1.5 z') for channels never at 0
  (an extrapolation: a few draws dominate the mean);
  nie_zero.k = 0.3 R beta_google sigmoid(search_amount_social.k) (1 + 0.1 z);
  te = nde + nie; share_mediated = nie / te;
  induced_google_zero.k = 0.2 G sigmoid(search_amount_social.k);
  roi = te / spend_change; net_roi = (te - induced_google) / spend_change;
  the plus10 measures are 0.07 x the zero ones without the heavy tail (share, roi and
  net_roi recomputed from them); spend_change is S_k (zero) and 0.1 S_k (plus10);
  google_effect = 0.05 R beta_google; google_roi = google_effect / G;
  revenue_change_price_minus10 / plus10 = R (0.9^e - 1) / R (1.1^e - 1), e the elasticity;
  promo_lift_pct = 100 (exp(promo_lift) - 1);
  promo_revenue = sum over weeks of revenue_t (1 - exp(-promo_lift promotions_t)).
run.json gains the `effects` object and the effect names in `columns`, and, since the chain
files changed, is sealed again: `chain_file_checks` (sha256, draws, chain id per chain file)
recomputed from the files written, `kind` "run" and `format_version` 2 as `sample` writes
them. `make_fixture.py --seal RUN_DIR` does only that last step (after editing a fixture).
"""

import csv
import hashlib
import json
import math
import os
import random
import sys

MEASURES = ["nde", "nie", "te", "share_mediated", "roi", "induced_google", "net_roi"]
CONTRASTS = ["zero", "plus10"]
SCALARS = [
    "google_effect", "google_roi", "revenue_change_price_minus10",
    "revenue_change_price_plus10", "promo_lift_pct", "promo_revenue",
]


def effect_names(social_count):
    names = []
    for contrast in CONTRASTS:
        for measure in MEASURES:
            for k in range(1, social_count + 1):
                names.append(f"{measure}_{contrast}.{k}")
    return names + SCALARS


def sigmoid(x):
    return 1 / (1 + math.exp(-x))


FORMAT_VERSION = 2


def seal(record, folder):
    """Records the checks `bayes-mmm summarize` makes of every chain file in `folder`."""
    checks = []
    for chain_id, file_name in enumerate(record["chain_files"], start=1):
        with open(os.path.join(folder, file_name), "rb") as handle:
            data = handle.read()
        draws = sum(
            1 for line in data.decode().split("\n")
            if line and not line.startswith("#")) - 1  # less the header row
        checks.append({
            "file": file_name, "sha256": hashlib.sha256(data).hexdigest(), "draws": draws,
            "chain_id": chain_id,
        })
    sealed = {}
    for key, value in record.items():
        if key in ("kind", "chain_file_checks"):
            continue
        sealed[key] = value
        if key == "tool":
            sealed["kind"] = "run"
        if key == "chain_files":
            sealed["chain_file_checks"] = checks
    sealed["format_version"] = FORMAT_VERSION
    return sealed


def write_record(record, folder):
    with open(os.path.join(folder, "run.json"), "w") as handle:
        json.dump(seal(record, folder), handle, indent=2)
        handle.write("\n")


def main(source, data_path, destination):
    with open(os.path.join(source, "run.json")) as handle:
        record = json.load(handle)
    social = record["channels"]["social"]
    mediator = record["channels"]["mediator"]
    roles = record["data"]["roles"]
    with open(data_path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    revenue = [float(r[roles["outcome"]]) for r in rows]
    promotions = [float(r[roles["promotion"]]) for r in rows]
    total_revenue = sum(revenue)
    google_total = sum(float(r[mediator]) for r in rows)
    spend = {name: [float(r[name]) for r in rows] for name in social}
    spend_change = {name: {"zero": sum(v), "plus10": 0.1 * sum(v)} for name, v in spend.items()}
    never_off = {name: all(x > 0 for x in v) for name, v in spend.items()}

    def effects(values, rng):
        out = {}
        base = {}
        for k, name in enumerate(social, start=1):
            beta = values[f"beta_social.{k}"]
            amount = sigmoid(values[f"search_amount_social.{k}"])
            nde = 0.02 * total_revenue * beta * (1 + 0.1 * rng.gauss(0, 1))
            nie = 0.3 * total_revenue * values["beta_google"] * amount * (1 + 0.1 * rng.gauss(0, 1))
            induced = 0.2 * google_total * amount
            base[k] = (nde, nie, induced)
            heavy = math.exp(1.5 * rng.gauss(0, 1)) if never_off[name] else 1.0
            for contrast, scale, tail in (("zero", 1.0, heavy), ("plus10", 0.07, 1.0)):
                d = nde * scale * tail
                i = nie * scale
                g = induced * scale
                te = d + i
                change = spend_change[name][contrast]
                out[f"nde_{contrast}.{k}"] = d
                out[f"nie_{contrast}.{k}"] = i
                out[f"te_{contrast}.{k}"] = te
                out[f"share_mediated_{contrast}.{k}"] = i / te
                out[f"roi_{contrast}.{k}"] = te / change
                out[f"induced_google_{contrast}.{k}"] = g
                out[f"net_roi_{contrast}.{k}"] = (te - g) / change
        google = 0.05 * total_revenue * values["beta_google"]
        elasticity = values["price_elasticity"]
        lift = values["promo_lift"]
        out["google_effect"] = google
        out["google_roi"] = google / google_total
        out["revenue_change_price_minus10"] = total_revenue * (0.9 ** elasticity - 1)
        out["revenue_change_price_plus10"] = total_revenue * (1.1 ** elasticity - 1)
        out["promo_lift_pct"] = 100 * math.expm1(lift)
        out["promo_revenue"] = sum(
            y * (1 - math.exp(-lift * p)) for y, p in zip(revenue, promotions))
        return out

    names = effect_names(len(social))
    os.makedirs(destination, exist_ok=True)
    for chain, file_name in enumerate(record["chain_files"]):
        rng = random.Random(20240917 + chain)
        with open(os.path.join(source, file_name)) as handle:
            lines = handle.read().split("\n")
        header = None
        out_lines = []
        for line in lines:
            if not line or line.startswith("#"):
                out_lines.append(line)
                continue
            if header is None:
                header = line.split(",")
                out_lines.append(line + "," + ",".join(names))
                continue
            values = dict(zip(header, (float(x) for x in line.split(","))))
            computed = effects(values, rng)
            out_lines.append(line + "," + ",".join(repr(computed[n]) for n in names))
        with open(os.path.join(destination, file_name), "w") as handle:
            handle.write("\n".join(out_lines))

    record["columns"] = record["columns"] + names
    record["effects"] = {
        "mediator_paths": 20,
        "google_total_spend": google_total,
        # contrast first, then channel column: the one nesting run.json has (RunRecordKey)
        "spend_change": {
            contrast: {name: spend_change[name][contrast] for name in social}
            for contrast in ("zero", "plus10")
        },
        "extrapolation": {
            "zero": {name: never_off[name] for name in social},
            "plus10": {name: False for name in social},
        },
        "synthetic": "test fixture: effect columns made by make_fixture.py, not by the model",
    }
    write_record(record, destination)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--seal":
        with open(os.path.join(sys.argv[2], "run.json")) as handle:
            write_record(json.load(handle), sys.argv[2])
        sys.exit(0)
    if len(sys.argv) != 4:
        sys.exit("usage: make_fixture.py SOURCE_RUN DATA_CSV DESTINATION")
    main(*sys.argv[1:])
