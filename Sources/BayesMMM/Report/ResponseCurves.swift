#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Revenue over the window against a social channel's spend scaled from 0 to 2x its
/// observed path, with the indirect path through Google included.
///
/// For each draw and multiplier m, the channel's path becomes m x observed; mediator paths
/// are simulated from the hurdle with common random numbers across multipliers (`paths` per
/// draw); revenue is sum_t y_obs,t exp(mu_y,t(m, M) - mu_y,t(observed)) averaged over the
/// paths. The marginal ROI at m is the slope of revenue in spend between neighbouring grid
/// points, currency of revenue per currency of spend; `breakEvenMultiplier` is the first
/// multiplier at which the posterior median of the marginal ROI falls below 1.
struct ResponseCurve {
  let channel: String
  /// Spend multipliers of the observed path (0 ... 2).
  let multipliers: [Double]
  /// Total channel spend at each multiplier, currency.
  let spend: [Double]
  /// Revenue over the window at each multiplier: median and 90% band, currency.
  let median: [Double]
  let lower90: [Double]
  let upper90: [Double]
  /// Median marginal ROI at the midpoints between multipliers.
  let marginalROI: [Double]
  /// First multiplier where the median marginal ROI drops below 1, nil if it never does.
  let breakEvenMultiplier: Double?

  static func compute(
    model: JointModel, parameterDraws: [[Double]], random: GSLRandom, paths: Int = 4,
    multipliers: [Double] = stride(from: 0, through: 2.0001, by: 0.1).map { $0 }
  ) -> [ResponseCurve] {
    let inputs = model.inputs
    let weeks = inputs.weeks
    let forward = ForwardModel(model: model)
    let observedRevenue = inputs.logRevenue.map { exp($0) * inputs.revenueScale }
    var curves: [ResponseCurve] = []
    for (s, channel) in inputs.socialNames.enumerated() {
      var revenueByMultiplier = [[Double]](repeating: [], count: multipliers.count)
      for draw in parameterDraws {
        let state = forward.state(parameters: draw)
        let observedMu = state.observedRevenuePredictor
        let uniforms = (0..<paths).map { _ in (0..<weeks).map { _ in random.uniform() } }
        let normals = (0..<paths).map { _ in (0..<weeks).map { _ in random.standardNormal() } }
        for (k, m) in multipliers.enumerated() {
          var signals = state.socialSignals
          signals[s] = forward.socialSignal(
            channel: s, scaledSpend: inputs.socialSpend[s].map { $0 * m }, parameters: draw)
          var total = 0.0
          for path in 0..<paths {
            let mediator = forward.simulateMediator(
              state: state, socialSignals: signals, uniforms: uniforms[path],
              normals: normals[path])
            let mediatorSignal = forward.mediatorSignal(scaledSpend: mediator, parameters: draw)
            let mu = state.revenuePredictor(socialSignals: signals, mediatorSignal: mediatorSignal)
            for t in 0..<weeks { total += observedRevenue[t] * exp(mu[t] - observedMu[t]) }
          }
          revenueByMultiplier[k].append(total / Double(paths))
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
