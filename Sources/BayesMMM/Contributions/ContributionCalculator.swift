/// Weekly revenue attributed to each `ContributionPart` at one posterior draw, every arm from
/// `CounterfactualRevenue` (MODEL.md 10).
///
/// ```swift
/// let calculator = ContributionCalculator(model: model)
/// var numbers = MediatorRandomNumbers(paths: 10, weeks: model.inputs.weeks)
/// numbers.draw(from: random)
/// let draw = calculator.contributions(parameters: x, randomNumbers: numbers)
/// draw.parts[0]        // [T], currency: the first social channel's total part
/// ```
///
/// Definitions, with Y_t(x, M(x'')) revenue in week t (currency) with the inputs on plan x
/// and Google on the paths simulated under plan x'' (the same uniforms and normals in every
/// arm: common random numbers), `off` a plan with one input removed and y_obs,t the data's
/// revenue (the floor in censored weeks):
///
///     social s, total     Y_t(obs, M(obs)) - Y_t(off, M(off))
///     social s, direct    Y_t(obs, M(off)) - Y_t(off, M(off))
///     social s, indirect  Y_t(obs, M(obs)) - Y_t(obs, M(off))      (total - direct)
///     Google              y_obs,t - Y_t(obs, Google path 0 given)
///     owned o             y_obs,t - Y_t(o off, observed Google path given)
///     price               y_obs,t - Y_t(log price 0, observed Google path given)
///     promotion           Y_t(obs, M(obs)) - Y_t(no promotion, M(no promotion))
///     baseline            Y_t(all social, owned and Google spend 0, log price 0, no
///                         promotion, Google path 0 given)
///     interaction         y_obs,t - baseline_t - sum of the totals, Google, owned, price
///                         and promotion parts
///
/// Summed over the weeks, a social channel's total, direct and indirect parts are exactly
/// `EffectCalculator`'s TE, NDE and NIE of the `zero` contrast for the same random numbers
/// (NDE with Google at M(off), NIE = TE - NDE). Owned channels and the price do not move
/// Google (`PlanShift`), so their arms keep the observed Google path and their parts are
/// closed forms: y_obs,t (1 - exp(-Delta_t)).
///
/// Convention: revenue is a product of factors (exp of a sum on the log scale), so each part
/// is a one-at-a-time removal with every other input observed, and the parts plus the
/// baseline do not add up to observed revenue; the interaction is the gap.
///
/// - Complexity: per draw O(T R (3S + 2)) for the simulated arms, plus O(T (S + O)) for
///   signals.
public struct ContributionCalculator: Sendable {
  public let counterfactual: CounterfactualRevenue
  public let forward: ForwardModel
  public let parts: [ContributionPart]
  private let observedPlan: SpendPlan

  public init(model: JointModel) {
    counterfactual = CounterfactualRevenue(model: model)
    forward = ForwardModel(model: model)
    parts = ContributionPart.parts(of: model)
    observedPlan = SpendPlan.observed(model.inputs)
  }

  public var weeks: Int { forward.model.inputs.weeks }

  /// Every part, the baseline and the interaction at one draw, currency, [T] each.
  public struct DrawContributions: Sendable, Equatable {
    /// One [T] series per `ContributionCalculator.parts` entry, in that order.
    public let parts: [[Double]]
    public let baseline: [Double]
    public let interaction: [Double]
  }

  /// - Parameters:
  ///   - x: constrained parameters, layout order.
  ///   - randomNumbers: the Google paths of this draw, shared by every simulated arm.
  public func contributions(parameters x: [Double], randomNumbers: MediatorRandomNumbers)
    -> DrawContributions
  {
    let state = forward.state(parameters: x)
    let simulated = CounterfactualRevenue.Google.simulated(randomNumbers)
    let observedGoogle = CounterfactualRevenue.Google.given(forward.model.inputs.mediatorSpend)
    let observedRevenue = counterfactual.observedRevenue
    // Y(obs, M(obs)), shared by every simulated contrast.
    let observedSimulated = counterfactual.outcome(
      state: state, plan: observedPlan, google: simulated
    ).revenue
    func revenue(_ plan: SpendPlan, _ google: CounterfactualRevenue.Google, driving: SpendPlan?)
      -> [Double]
    {
      counterfactual.outcome(state: state, plan: plan, google: google, mediatorPlan: driving)
        .revenue
    }
    var series: [[Double]] = []
    // Total, direct and indirect of each social channel from its three arms.
    var social: [Int: (total: [Double], direct: [Double], indirect: [Double])] = [:]
    func socialParts(_ part: ContributionPart) -> (
      total: [Double], direct: [Double], indirect: [Double]
    ) {
      if let known = social[part.channel] { return known }
      let off = removing(part)
      let offOff = revenue(off, simulated, driving: nil)
      let observedOff = revenue(observedPlan, simulated, driving: off)
      let parts = (
        total: difference(observedSimulated, offOff), direct: difference(observedOff, offOff),
        indirect: difference(observedSimulated, observedOff)
      )
      social[part.channel] = parts
      return parts
    }
    for part in parts {
      switch part.kind {
      case .socialTotal: series.append(socialParts(part).total)
      case .socialDirect: series.append(socialParts(part).direct)
      case .socialIndirect: series.append(socialParts(part).indirect)
      case .google:
        let zero = [Double](repeating: 0, count: weeks)
        series.append(
          difference(observedRevenue, revenue(observedPlan, .given(zero), driving: nil)))
      case .owned, .price:
        series.append(
          difference(observedRevenue, revenue(removing(part), observedGoogle, driving: nil)))
      case .promotion:
        series.append(
          difference(observedSimulated, revenue(removing(part), simulated, driving: nil)))
      }
    }
    let baseline = revenue(
      baselinePlan, .given([Double](repeating: 0, count: weeks)), driving: nil)
    var interaction = difference(observedRevenue, baseline)
    for (part, values) in zip(parts, series) where part.isRemoval {
      for t in 0..<weeks { interaction[t] -= values[t] }
    }
    return DrawContributions(parts: series, baseline: baseline, interaction: interaction)
  }

  /// The observed plan with `part`'s input removed (spend 0, log price 0 or promotion 0).
  func removing(_ part: ContributionPart) -> SpendPlan {
    var plan = observedPlan
    let zero = [Double](repeating: 0, count: weeks)
    switch part.kind {
    case .socialTotal, .socialDirect, .socialIndirect: plan.social[part.channel] = zero
    case .owned: plan.owned[part.channel] = zero
    case .price: plan.logPrice = zero
    case .promotion: plan.promotion = zero
    case .google: break  // Google's own removal is its given path, not a plan input.
    }
    return plan
  }

  /// Every social and owned channel off, the median price and no promotion.
  var baselinePlan: SpendPlan {
    let zero = [Double](repeating: 0, count: weeks)
    return SpendPlan(
      social: observedPlan.social.map { _ in zero }, owned: observedPlan.owned.map { _ in zero },
      logPrice: observedPlan.logPrice.map { _ in zero },
      promotion: observedPlan.promotion.map { _ in zero })
  }

  private func difference(_ a: [Double], _ b: [Double]) -> [Double] {
    zip(a, b).map { $0 - $1 }
  }
}
