#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The model's one answer to "what are revenue and Google spend under this plan, for this
/// draw?": effects, response curves, prior-predictive effect shares and the simulator ask
/// it, and so will budget allocation, forecasts and lift tests.
///
/// ```swift
/// let counterfactual = CounterfactualRevenue(model: model)
/// let state = ForwardModel(model: model).state(parameters: draw)
/// var numbers = MediatorRandomNumbers(paths: 10, weeks: model.inputs.weeks)
/// numbers.draw(from: random)
/// let plan = SpendPlan.observed(model.inputs).replacingSocial(1, with: zeros)
/// let outcome = counterfactual.outcome(state: state, plan: plan, google: .simulated(numbers))
/// outcome.revenue        // [T], currency, mean over the paths
/// outcome.googleSpend    // [T], currency: the search spend the plan brings about
/// ```
///
/// Definitions (MODEL.md 6), with `PlanShift` Delta the plan's move of each predictor and
/// H(M) the mediator's signal of a Google path M:
///
///     Y_t(plan, M) = b_t exp(Delta^y_t + beta_google (H(M)_t - H_obs,t))
///
/// with b_t = y_obs,t, so each week keeps its observed residual, and with the observed plan
/// and Google path it is y_obs,t; except in the weeks the model censors, whose revenue is
/// only known to be at or below the floor: there b_t = min(floor, scale_y exp(mu_y,t)), the
/// model's median (`baselineRevenue`), so a plan that lifts such a week cannot multiply the
/// reporting floor into a fortune. Google is either given (a scaled path), or simulated from the hurdle on the
/// R paths of `MediatorRandomNumbers` (common random numbers: two plans given the same
/// numbers differ only by the plan): week t of path r is on when u_r,t < logistic(eta_t +
/// Delta^on_t) and then spends exp(mu_m,t + sigma_m z_r,t + Delta^amount_t) (scaled).
/// `mediatorPlan` drives Google by another plan than revenue, the nested counterfactual
/// Y(x, M(x'')) of the direct and indirect effects.
public struct CounterfactualRevenue: Sendable {
  public let model: JointModel
  /// y_obs,t = revenueScale x exp(logRevenue_t), currency (the floor in censored weeks), [T].
  public let observedRevenue: [Double]

  /// The first planned week, when the inputs continue past the data with a plan's weeks
  /// (`ModelInputs(dataset:plan:settings:)`); nil when every week is observed.
  ///
  /// Planned weeks have no observed revenue: their b_t is the model's median
  /// scale_y exp(mu_y,t) (the mean exp of a Student-t residual is infinite, so the median
  /// residual is the one a plan is judged at). And a simulated Google path keeps the
  /// observed spend in the weeks before the plan (the past is not re-drawn; its adstock
  /// carries into the plan), simulating only the planned weeks.
  public let planStart: Int?

  public init(model: JointModel, planStart: Int? = nil) {
    precondition(
      planStart.map { 0 <= $0 && $0 <= model.inputs.weeks } ?? true, "a plan start within T")
    self.model = model
    self.planStart = planStart
    observedRevenue = model.inputs.revenueCurrency
  }

  /// Where the Google path comes from.
  public enum Google: Sendable {
    /// A given path in scaled units (currency / `ModelInputs.mediatorScale`), [T].
    case given([Double])
    /// Simulated from the hurdle on each of the numbers' paths.
    case simulated(MediatorRandomNumbers)
  }

  /// Revenue and Google spend per week under a plan, currency, [T] each (means over the
  /// paths when Google is simulated).
  public struct Outcome: Sendable, Equatable {
    public let revenue: [Double]
    public let googleSpend: [Double]
    /// Revenue summed over the window, currency.
    public var totalRevenue: Double { revenue.reduce(0, +) }
    /// Google spend summed over the window, currency.
    public var totalGoogleSpend: Double { googleSpend.reduce(0, +) }
  }

  /// b_t of the draw `state`, currency, [T]: the observed revenue; in censored weeks
  /// min(observed, revenueScale x exp(mu_y,t)); in planned weeks revenueScale x exp(mu_y,t).
  public func baselineRevenue(state: ForwardModel.State) -> [Double] {
    let inputs = model.inputs
    let firstPlanned = planStart ?? inputs.weeks
    guard inputs.censored.contains(true) || firstPlanned < inputs.weeks else {
      return observedRevenue
    }
    let mu = state.observedRevenuePredictor
    return observedRevenue.indices.map { t in
      if t >= firstPlanned { return inputs.revenueScale * exp(mu[t]) }
      return inputs.censored[t]
        ? min(observedRevenue[t], inputs.revenueScale * exp(mu[t])) : observedRevenue[t]
    }
  }

  /// Mean log scaled revenue mu_y,t under `plan` with the Google path `googleSpend`
  /// (scaled), [T]: the log density's own mean at the observed plan and path.
  public func logRevenueMean(state: ForwardModel.State, plan: SpendPlan, googleSpend: [Double])
    -> [Double]
  {
    precondition(googleSpend.count == observedRevenue.count, "a Google path of the model's weeks")
    let shift = PlanShift(state: state, plan: plan, model: model)
    let signal = state.mediatorTransform.signal(googleSpend)
    let observed = state.observedRevenuePredictor
    let beta = state.mediatorCoefficient
    return observed.indices.map { t in
      observed[t] + shift.revenue[t] + beta * (signal[t] - state.mediatorSignal[t])
    }
  }

  /// Revenue and Google spend under `plan`, Google from `google` (driven by `mediatorPlan`
  /// when given, else by `plan`).
  public func outcome(
    state: ForwardModel.State, plan: SpendPlan, google: Google, mediatorPlan: SpendPlan? = nil
  ) -> Outcome {
    let shift = PlanShift(state: state, plan: plan, model: model)
    let scale = model.inputs.mediatorScale
    switch google {
    case .given(let path):
      precondition(path.count == observedRevenue.count, "a Google path of the model's weeks")
      let signal = state.mediatorTransform.signal(path)
      let beta = state.mediatorCoefficient
      let baseline = baselineRevenue(state: state)
      let revenue = baseline.indices.map { t in
        baseline[t] * exp(shift.revenue[t] + beta * (signal[t] - state.mediatorSignal[t]))
      }
      return Outcome(revenue: revenue, googleSpend: path.map { $0 * scale })
    case .simulated(let numbers):
      let mediatorShift = mediatorPlan.map { PlanShift(state: state, plan: $0, model: model) }
      return simulated(
        state: state, revenueShift: shift.revenue, mediatorShift: mediatorShift ?? shift,
        numbers: numbers)
    }
  }

  /// The R hurdle paths through `MediatorPathPass`, averaged per week.
  private func simulated(
    state: ForwardModel.State, revenueShift: [Double], mediatorShift: PlanShift,
    numbers: MediatorRandomNumbers
  ) -> Outcome {
    let weeks = model.inputs.weeks
    let paths = numbers.paths
    precondition(numbers.weeks == weeks, "random numbers for the model's weeks")
    let eta = state.onOffPredictor(socialSignals: state.socialSignals)
    let beta = state.mediatorCoefficient
    // Its buffers are read through the local pointers below, so it is kept alive to the end.
    let buffers = MediatorPathBuffers(paths: paths, weeks: weeks)
    defer { withExtendedLifetime(buffers) {} }
    let onProbability = buffers.onProbability
    let amountFactor = buffers.amountFactor
    let revenueFactor = buffers.revenueFactor
    let baseAmount = buffers.baseAmount
    eta.withUnsafeBufferPointer { eta in
      mediatorShift.onOff.withUnsafeBufferPointer { onOff in
        mediatorShift.amount.withUnsafeBufferPointer { amount in
          revenueShift.withUnsafeBufferPointer { revenue in
            MediatorPathPass.armFactors(
              onOffPredictor: eta, onOffShift: onOff, amountShift: amount, revenueShift: revenue,
              onProbability: onProbability, amountFactor: amountFactor,
              revenueFactor: revenueFactor)
          }
        }
      }
    }
    MediatorPathPass.prepare(
      state: state, observedRevenue: baselineRevenue(state: state), numbers: numbers,
      revenueWeight: buffers.revenueWeight, baseAmount: baseAmount)
    if let planStart {
      // The past keeps its observed Google spend on every path: on with certainty (the
      // uniforms lie in (0, 1)) at the observed amount, or off.
      let observed = model.inputs.mediatorSpend
      for t in 0..<planStart {
        onProbability[t] = observed[t] > 0 ? 1 : 0
        amountFactor[t] = 1
        for r in 0..<paths { baseAmount[r * weeks + t] = observed[t] }
      }
    }
    let response = MediatorResponse(transform: state.mediatorTransform, revenueCoefficient: beta)
    let terms = buffers.pathTerms
    let path = buffers.pathSpend
    _ = numbers.uniforms.withUnsafeBufferPointer { uniforms in
      buffers.run(
        uniforms: uniforms, onProbability: onProbability, amountFactor: amountFactor,
        revenueFactor: revenueFactor, response: response, terms: terms)
    }
    let count = Double(max(paths, 1))
    let scale = model.inputs.mediatorScale
    // Path by path, as the one-path pass summed them.
    let revenue = (0..<weeks).map { t in
      var sum = 0.0
      for r in 0..<paths { sum += terms[r * weeks + t] * revenueFactor[t] }
      return sum / count
    }
    let google = (0..<weeks).map { t in
      var spend = 0.0
      for r in 0..<paths { spend += path[r * weeks + t] }
      return spend * scale / count
    }
    return Outcome(revenue: revenue, googleSpend: google)
  }
}
