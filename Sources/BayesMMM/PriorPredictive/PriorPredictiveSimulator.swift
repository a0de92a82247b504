#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Simulates the prior predictive distribution of a joint model (MODEL.md 5).
///
/// ```swift
/// let draws = PriorPredictiveSimulator.simulate(model: model, count: 1000, seed: 20240917)
/// let check = PriorPredictiveCheck(model: model, draws: draws)
/// ```
///
/// For each draw, in this order and all from one `GSLRandom(runSeed: seed)`, so the same
/// seed gives the same draws bit for bit:
/// 1. every parameter from its own prior (`Prior.sample`), in layout order;
/// 2. Google on/off, amounts and revenue with Student-t noise and the floor, by
///    `OutcomeSimulator` at the data's fixed scales;
/// 3. T uniforms and T standard normals, shared by both arms of every channel's contrast
///    (common random numbers), for the total effects.
///
/// - Complexity: O(count x T x (S + O + design columns)), dominated by the forward model.
public enum PriorPredictiveSimulator {
  /// - Parameters:
  ///   - model: the joint model on the observed data (its priors, scales and designs).
  ///   - count: number of draws (>= 1).
  ///   - seed: the run seed.
  public static func simulate(model: JointModel, count: Int, seed: UInt64)
    -> PriorPredictiveDraws
  {
    let random = GSLRandom(runSeed: seed)
    let inputs = model.inputs
    let layout = model.layout
    let forward = ForwardModel(model: model)
    let counterfactual = CounterfactualRevenue(model: model)
    var parameters: [[Double]] = []
    var logRevenue: [[Double]] = []
    var revenue: [[Double]] = []
    var mediator: [[Double]] = []
    var shares = [[Double]](repeating: [], count: inputs.socialNames.count)
    for _ in 0..<max(count, 0) {
      let x = model.priors.map { $0.sample(using: random) }
      let outcome = OutcomeSimulator.simulate(model: model, parameters: x, random: random)
      let uniforms = (0..<inputs.weeks).map { _ in random.uniform() }
      let normals = (0..<inputs.weeks).map { _ in random.standardNormal() }
      let effect = totalEffectShares(
        counterfactual: counterfactual, state: forward.state(parameters: x),
        numbers: MediatorRandomNumbers(uniforms: [uniforms], normals: [normals]))
      for s in shares.indices { shares[s].append(effect[s]) }
      parameters.append(x)
      logRevenue.append(outcome.inputs.logRevenue)
      revenue.append(currencyRevenue(outcome.inputs))
      mediator.append(outcome.mediatorSpend)
    }
    let weeks = Double(max(inputs.weeks, 1))
    return PriorPredictiveDraws(
      parameterNames: layout.names, socialNames: inputs.socialNames, parameters: parameters,
      logRevenue: logRevenue, revenue: revenue, mediatorSpend: mediator,
      mediatorZeroShare: mediator.map { Double($0.filter { $0 == 0 }.count) / weeks },
      priceElasticity: layout.priceResponse.map { response in
        parameters.map { response.elasticity(at: 0, layout.priceTheta($0)) }
      },
      promotionLift: layout.promoLift.map { index in parameters.map { expm1($0[index]) } },
      totalEffectShare: shares)
  }

  /// Revenue in currency from log(revenue / scale_y), with censored weeks exactly at the
  /// floor (so they compare equal to observed floor weeks, free of exp/log rounding).
  static func currencyRevenue(_ inputs: ModelInputs) -> [Double] {
    inputs.logRevenue.indices.map { t in
      if inputs.censored[t], let floor = inputs.floorValue { return floor }
      return exp(inputs.logRevenue[t]) * inputs.revenueScale
    }
  }

  /// Each social channel's total effect at one draw, as a share of total observed revenue:
  ///
  ///     share_s = (Y(x, M(x)) - Y(0_s, M(0_s))) / sum_t y_t
  ///
  /// with Y the window's revenue from `CounterfactualRevenue` (each week's observed residual
  /// kept, MODEL.md 6), `0_s` channel s at zero spend in every week with the other channels
  /// as observed, and M(.) the Google path simulated by the hurdle from the same `numbers`
  /// (one path) in both arms (common random numbers).
  ///
  /// Returns one share per social channel; NaN when exp overflows in both arms.
  static func totalEffectShares(
    counterfactual: CounterfactualRevenue, state: ForwardModel.State,
    numbers: MediatorRandomNumbers
  ) -> [Double] {
    let inputs = counterfactual.model.inputs
    let observedTotal = counterfactual.observedRevenue.reduce(0, +)
    let observed = SpendPlan.observed(inputs)
    let zeroSpend = [Double](repeating: 0, count: inputs.weeks)
    func totalRevenue(_ plan: SpendPlan) -> Double {
      counterfactual.outcome(state: state, plan: plan, google: .simulated(numbers)).totalRevenue
    }
    let factual = totalRevenue(observed)
    return inputs.socialNames.indices.map { s in
      (factual - totalRevenue(observed.replacingSocial(s, with: zeroSpend))) / observedTotal
    }
  }
}
