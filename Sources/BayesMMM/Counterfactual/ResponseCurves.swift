#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Revenue over the window against a social channel's spend scaled from 0 to 2x its
/// observed path, with the indirect path through Google included.
///
/// For each draw and multiplier m, the channel's path becomes m x observed and
/// `CounterfactualRevenue` gives the window's revenue with Google simulated from the hurdle
/// (`paths` per draw, the same random numbers for every multiplier of a draw: common random
/// numbers), so revenue is sum_t y_obs,t exp(mu_y,t(m, M) - mu_y,t(observed)) averaged
/// over the paths. The marginal ROI at m is the slope of revenue in spend between neighbouring grid
/// points, currency of revenue per currency of spend; `breakEvenMultiplier` is the first
/// multiplier at which the posterior median of the marginal ROI falls below 1.
///
/// ```swift
/// let curves = ResponseCurve.compute(model: model, parameterDraws: draws, random: rng)
/// curves[1].breakEvenMultiplier     // TikTok: the scale at which +1 of spend returns < 1
/// ```
public struct ResponseCurve: Sendable {
  public let channel: String
  /// Spend multipliers of the observed path (0 ... 2).
  public let multipliers: [Double]
  /// Total channel spend at each multiplier, currency.
  public let spend: [Double]
  /// Revenue over the window at each multiplier: median and 90% band, currency.
  public let median: [Double]
  public let lower90: [Double]
  public let upper90: [Double]
  /// Median marginal ROI at the midpoints between multipliers.
  public let marginalROI: [Double]
  /// First multiplier where the median marginal ROI drops below 1, nil if it never does.
  public let breakEvenMultiplier: Double?

  /// - Parameters:
  ///   - parameterDraws: constrained draws, layout order.
  ///   - random: the stream the mediator paths' numbers come from, per channel then draw.
  public static func compute(
    model: JointModel, parameterDraws: [[Double]], random: GSLRandom, paths: Int = 4,
    multipliers: [Double] = stride(from: 0, through: 2.0001, by: 0.1).map { $0 }
  ) -> [ResponseCurve] {
    let inputs = model.inputs
    let forward = ForwardModel(model: model)
    let counterfactual = CounterfactualRevenue(model: model)
    let observed = SpendPlan.observed(inputs)
    var curves: [ResponseCurve] = []
    for (s, channel) in inputs.socialNames.enumerated() {
      var revenueByMultiplier = [[Double]](repeating: [], count: multipliers.count)
      for draw in parameterDraws {
        let state = forward.state(parameters: draw)
        var numbers = MediatorRandomNumbers(paths: paths, weeks: inputs.weeks)
        numbers.draw(from: random)
        for (k, m) in multipliers.enumerated() {
          let plan = observed.replacingSocial(s, with: inputs.socialSpend[s].map { $0 * m })
          let outcome = counterfactual.outcome(
            state: state, plan: plan, google: .simulated(numbers))
          revenueByMultiplier[k].append(outcome.totalRevenue)
        }
      }
      let totalSpend = inputs.socialSpendCurrency[s].reduce(0, +)
      var marginal: [Double] = []
      for k in 1..<multipliers.count {
        let slopes = zip(revenueByMultiplier[k], revenueByMultiplier[k - 1]).map {
          ($0 - $1) / ((multipliers[k] - multipliers[k - 1]) * totalSpend)
        }
        marginal.append(Diagnostics.quantile(slopes, probability: 0.5))
      }
      let crossing = marginal.firstIndex { $0 < 1 }.map {
        (multipliers[$0] + multipliers[$0 + 1]) / 2
      }
      curves.append(
        ResponseCurve(
          channel: channel, multipliers: multipliers,
          spend: multipliers.map { $0 * totalSpend },
          median: revenueByMultiplier.map { Diagnostics.quantile($0, probability: 0.5) },
          lower90: revenueByMultiplier.map { Diagnostics.quantile($0, probability: 0.05) },
          upper90: revenueByMultiplier.map { Diagnostics.quantile($0, probability: 0.95) },
          marginalROI: marginal, breakEvenMultiplier: crossing))
    }
    return curves
  }
}
