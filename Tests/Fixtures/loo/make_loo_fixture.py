# One-off (not run by the tests): ArviZ 0.23 az.loo on a synthetic pointwise log likelihood, written as Tests/Fixtures/loo/arviz-loo.json. Run from the package root with numpy and arviz installed.
import json, numpy as np, arviz as az, warnings
warnings.simplefilter("ignore")
rng = np.random.default_rng(20261203)
chains, draws, n = 4, 250, 12
# A normal model y_i ~ N(mu, 1) with posterior draws of mu (AR(1) within chains), and two
# outlying observations, so that some Pareto k are large.
y = rng.normal(0, 1, n); y[3] = 6.0; y[9] = -9.0
mu = np.zeros((chains, draws)); sigma = np.zeros((chains, draws))
for c in range(chains):
    m, s = 0.0, 0.0
    for d in range(draws):
        m = 0.5 * m + rng.normal(0, 0.3); s = 0.5 * s + rng.normal(0, 0.2)
        mu[c, d] = m; sigma[c, d] = s
scale = np.exp(sigma)
ll = -0.5 * np.log(2 * np.pi) - np.log(scale)[..., None] - 0.5 * ((y - mu[..., None]) / scale[..., None]) ** 2
idata = az.from_dict(posterior={"mu": mu, "log_sigma": sigma}, log_likelihood={"y": ll})
loo = az.loo(idata, pointwise=True)
reff_mean = np.mean([az.ess(idata, var_names=[v], method="mean")[v].values for v in ["mu", "log_sigma"]]) / (chains * draws)
loo_r1 = az.loo(idata, pointwise=True, reff=1.0)
out = {
    "source": "arviz " + az.__version__ + " az.loo(idata, pointwise=True); make_loo_fixture.py in the commit message",
    "chains": chains, "draws": draws,
    "posterior": {"mu": mu.tolist(), "log_sigma": sigma.tolist()},
    "log_likelihood": ll.reshape(chains * draws, n).T.tolist(),
    "reff": reff_mean,
    "elpd_loo": float(loo.elpd_loo), "se": float(loo.se), "p_loo": float(loo.p_loo),
    "pareto_k": loo.pareto_k.values.tolist(), "loo_i": loo.loo_i.values.tolist(),
    "good_k": float(loo.good_k),
    "reff_1": {"elpd_loo": float(loo_r1.elpd_loo), "se": float(loo_r1.se), "p_loo": float(loo_r1.p_loo), "pareto_k": loo_r1.pareto_k.values.tolist()},
}
json.dump(out, open("Tests/Fixtures/loo/arviz-loo.json", "w"))
print(out["elpd_loo"], out["p_loo"], out["pareto_k"], out["reff"])

# A second model on the same observations (Student-t, 3 degrees of freedom, same draws)
# and az.compare of the two, for ModelComparison.
from scipy import stats as st
ll_t = st.t.logpdf(y, 3, loc=mu[..., None], scale=scale[..., None])
idata_t = az.from_dict(posterior={"mu": mu, "log_sigma": sigma}, log_likelihood={"y": ll_t})
cmp = az.compare({"normal": idata, "student_t": idata_t}, ic="loo")
out["second_model"] = {"name": "student_t", "log_likelihood": ll_t.reshape(chains * draws, n).T.tolist()}
out["compare"] = [
    {"model": name, "rank": int(row["rank"]), "elpd_loo": float(row["elpd_loo"]), "p_loo": float(row["p_loo"]),
     "elpd_diff": float(row["elpd_diff"]), "se": float(row["se"]), "dse": float(row["dse"])}
    for name, row in cmp.iterrows()]
json.dump(out, open("Tests/Fixtures/loo/arviz-loo.json", "w"))
print(cmp)
