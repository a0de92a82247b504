#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Posterior predictive revenue (and Google spend) for the weeks of a plan, per posterior
/// draw.
///
/// ```swift
/// let inputs = ModelInputs(dataset: data, plan: plan, settings: priors.settings)
/// let model = fitted.replacingInputs(inputs)            // the run's priors, T + H weeks
/// let forecast = Forecast.compute(
///   model: model, draws: rows, paths: 10,
///   random: GSLRandom(runSeed: seed, stream: RandomStreams.forecast.stream(0)))
/// forecast.revenue[0]          // draws x paths predictive samples of week 1, currency
/// ForecastSummary(forecast)    // mean, median, 90% interval per week and in total
/// ```
///
/// The model's inputs hold the data's T weeks followed by the plan's H weeks
/// (`ModelInputs(dataset:plan:settings:)`), so the media transforms carry the data's spend
/// into the plan. For each posterior draw and each of `paths` paths r, for plan week t:
///
///     M_t    = the plan's Google spend, or, simulated from the hurdle (MODEL.md 3.2):
///              u_r,t < logistic(eta_t) ? exp(mu_m,t + sigma_m z_r,t) : 0   (scaled)
///     mu_y,t = CounterfactualRevenue.logRevenueMean(plan = the inputs', Google = M)
///     Y_t    = scale_y exp(mu_y,t + sigma_y e_r,t),   e_r,t ~ Student-t(nu)
///
/// with M equal to the data's Google spend in the data weeks, so Google's adstock also
/// carries over. mu_y comes from the one counterfactual-revenue function the effects use:
/// with the inputs' own plan its shift is 0 and it is the model's mean log revenue at the
/// Google path M. `CounterfactualRevenue.outcome` itself keeps each week's observed residual
/// (y_obs,t x exp(Delta mu)); a plan week has no observed revenue, so its residual is drawn
/// from the model's Student-t instead. When the run censors a floor, Y_t is reported as
/// max(Y_t, floor), revenue as the data reports it (MODEL.md 3.4, as `validate` scores it).
///
/// Random numbers (the reproducibility contract): per draw, in draw order, first the hurdle
/// numbers of the H plan weeks (`MediatorRandomNumbers.draw(from:)`, only when Google is
/// simulated), then the Student-t noise, path by path, week by week.
///
/// - Complexity: O(D R (T + H) (S + O + 1)) for D draws and R paths.
public struct Forecast: Sendable {
  /// The plan weeks' dates, `YYYY-MM-DD`, `[H]`.
  public let dates: [String]
  /// Predictive revenue samples, currency, `[H][D x R]`; sample d x R + r is draw d, path r.
  public let revenue: [[Double]]
  /// Google spend of each sample, currency, `[H][D x R]` (the plan's own when given).
  public let googleSpend: [[Double]]
  /// True when the plan gave Google's spend; false when it was simulated.
  public let googleGiven: Bool

  /// Computes the forecast for the plan weeks fitWeeks ..< weeks of `model.inputs`.
  /// - Parameters:
  ///   - model: the run's model on inputs extended by the plan (`fitWeeks` = data weeks).
  ///   - draws: constrained parameter vectors in layout order, one per posterior draw.
  ///   - paths: predictive samples per draw (each with its own Google path and noise), >= 1.
  ///   - googleGiven: whether the plan weeks of `model.inputs.mediatorSpend` are the plan's
  ///     Google spend (true) or placeholders to be simulated (false).
  public static func compute(
    model: JointModel, dates: [String], draws: [[Double]], paths: Int, googleGiven: Bool,
    random: GSLRandom
  ) -> Forecast {
    precondition(paths >= 1, "at least one path per draw")
    let inputs = model.inputs
    let first = inputs.fitWeeks
    let horizon = inputs.weeks - first
    precondition(dates.count == horizon, "one date per plan week")
    let forward = ForwardModel(model: model)
    let counterfactual = CounterfactualRevenue(model: model)
    let plan = SpendPlan.observed(inputs)
    let logScale = log(inputs.revenueScale)
    let floor = inputs.floorValue ?? 0
    let samples = draws.count * paths
    var revenue = [[Double]](repeating: [], count: horizon)
    var google = [[Double]](repeating: [], count: horizon)
    for h in 0..<horizon {
      revenue[h].reserveCapacity(samples)
      google[h].reserveCapacity(samples)
    }
    var numbers = MediatorRandomNumbers(paths: paths, weeks: horizon)
    for draw in draws {
      let state = forward.state(parameters: draw)
      if !googleGiven { numbers.draw(from: random) }
      let hurdle = googleGiven ? nil : PlanHurdle(state: state, firstPlanWeek: first)
      for r in 0..<paths {
        let path =
          hurdle?.path(observed: inputs.mediatorSpend, numbers: numbers, path: r)
          ?? inputs.mediatorSpend
        let mu = counterfactual.logRevenueMean(state: state, plan: plan, googleSpend: path)
        for h in 0..<horizon {
          let t = first + h
          let noise = state.revenueSigma * random.studentT(nu: model.studentTDegrees)
          revenue[h].append(max(exp(logScale + mu[t] + noise), floor))
          google[h].append(path[t] * inputs.mediatorScale)
        }
      }
    }
    return Forecast(dates: dates, revenue: revenue, googleSpend: google, googleGiven: googleGiven)
  }
}

/// The hurdle's on-probabilities and amount means of one draw in the plan weeks: what a
/// simulated Google path is drawn from (MODEL.md 3.2, at the plan's social signals).
struct PlanHurdle {
  /// logistic(eta_t), every week of the inputs `[T + H]`.
  let onProbability: [Double]
  /// mu_m,t, the mean log scaled amount when on, `[T + H]`.
  let amountMean: [Double]
  /// sigma_m.
  let amountSigma: Double
  /// The first plan week (T).
  let firstPlanWeek: Int

  init(state: ForwardModel.State, firstPlanWeek: Int) {
    onProbability = state.onOffPredictor(socialSignals: state.socialSignals).map(
      HillSaturation.logistic)
    amountMean = state.amountPredictor(socialSignals: state.socialSignals)
    amountSigma = state.amountSigma
    self.firstPlanWeek = firstPlanWeek
  }

  /// The observed path in the data weeks followed by path r's simulated plan weeks
  /// (scaled units): week T + h is on when u_r,h < p and then spends exp(mu + sigma z_r,h).
  func path(observed: [Double], numbers: MediatorRandomNumbers, path r: Int) -> [Double] {
    var path = observed
    let base = r * numbers.weeks
    for h in 0..<numbers.weeks {
      let t = firstPlanWeek + h
      path[t] =
        numbers.uniforms[base + h] < onProbability[t]
        ? exp(amountMean[t] + amountSigma * numbers.normals[base + h]) : 0
    }
    return path
  }
}
