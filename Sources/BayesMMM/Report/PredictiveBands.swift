#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Weekly posterior-predictive bands of revenue and the residuals of the posterior median,
/// for the report's fit charts.
///
/// Per draw d and week t, log scaled revenue is simulated as mu_y,t(d) + sigma_y(d) x t_nu
/// (Student-t draws from `random`, draw by draw, week by week), censored at the floor where
/// the model censors (`FloorScoring`: what a week's report can show, as `summarize` scores
/// it); the bands are pointwise quantiles, mapped back to currency with `revenueScale`. The
/// pooled `replicated` draws are the uncensored ones, for the distribution check.
struct PredictiveBands {
  /// Per week, currency.
  let median: [Double]
  let lower50: [Double]
  let upper50: [Double]
  let lower90: [Double]
  let upper90: [Double]
  /// log(observed revenue) - posterior median of mu_y,t, per week (NaN in floor weeks).
  let residuals: [Double]
  /// Pooled simulated log scaled revenue (all draws and weeks), for the predictive check.
  let replicated: [Double]

  init(model: JointModel, parameterDraws: [[Double]], random: GSLRandom) {
    let inputs = model.inputs
    let weeks = inputs.weeks
    let forward = ForwardModel(model: model)
    var simulated = [[Double]](repeating: [], count: weeks)
    var means = [[Double]](repeating: [], count: weeks)
    var replicated: [Double] = []
    replicated.reserveCapacity(parameterDraws.count * weeks)
    for draw in parameterDraws {
      let state = forward.state(parameters: draw)
      let mu = state.observedRevenuePredictor
      for t in 0..<weeks {
        let value = mu[t] + state.revenueSigma * random.studentT(nu: model.studentTDegrees)
        simulated[t].append(value)
        means[t].append(mu[t])
        replicated.append(value)
      }
    }
    let logFloor = inputs.floorValue.map { log($0 / inputs.revenueScale) }
    let reported = simulated.map { FloorScoring.censored($0, atLogFloor: logFloor) }
    func band(_ p: Double) -> [Double] {
      reported.map { exp(Diagnostics.quantile($0, probability: p)) * inputs.revenueScale }
    }
    median = band(0.5)
    lower50 = band(0.25)
    upper50 = band(0.75)
    lower90 = band(0.05)
    upper90 = band(0.95)
    residuals = (0..<weeks).map { t in
      inputs.censored[t]
        ? .nan : inputs.logRevenue[t] - Diagnostics.quantile(means[t], probability: 0.5)
    }
    self.replicated = replicated
  }
}
