/// A smooth stand-in for CVaR_alpha over draws, what the optimiser climbs under
/// `AllocationObjective.conditionalValueAtRisk` (the reported CVaR stays the exact one).
///
/// The exact CVaR (the mean of the worst alpha share of D draws N_d) has Rockafellar and
/// Uryasev's representation (J. Risk 2, 2000)
///
///     CVaR_alpha = max_t  t - 1/(alpha D) sum_d max(t - N_d, 0),
///
/// a kink wherever two draws swap ranks, so a plan's finite-difference gradient jumps and a
/// line search stalls at the first kink (measured: `no_improving_step` after 3 iterations on
/// the bundled run, short of the optimum). Replacing max(x, 0) by the softplus
/// tau log(1 + e^(x / tau)) gives
///
///     S_tau = max_t  t - tau/(alpha D) sum_d log(1 + exp((t - N_d) / tau)),
///
/// smooth in the N_d (by the envelope theorem dS/dN_d = sigma((t* - N_d)/tau) / (alpha D), a
/// soft indicator of the tail), concave in t, its maximiser t* the root of
/// mean_d sigma((t - N_d) / tau) = alpha, found by bisection. Since
/// 0 <= softplus - max <= tau log 2, CVaR - tau log 2 / alpha <= S_tau <= CVaR.
///
/// - Complexity: O(D) per bisection step, 100 steps.
struct SmoothedCVaR: Sendable {
  /// alpha in (0, 1].
  let alpha: Double
  /// The softplus width, currency, > 0.
  let width: Double

  /// S_tau of `draws` (currency); NaN for no draws.
  func value(of draws: [Double]) -> Double {
    guard let low = draws.min(), let high = draws.max() else { return .nan }
    let tau = width
    func tailShare(_ t: Double) -> Double {
      var sum = 0.0
      for n in draws { sum += HillSaturation.logistic((t - n) / tau) }
      return sum / Double(draws.count)
    }
    // tailShare rises from about 0 below min - 40 tau to about 1 above max + 40 tau.
    var below = low - 40 * tau
    var above = high + 40 * tau
    for _ in 0..<100 {
      let middle = 0.5 * (below + above)
      if tailShare(middle) < alpha { below = middle } else { above = middle }
    }
    let t = 0.5 * (below + above)
    var penalty = 0.0
    for n in draws { penalty += PriceResponse.softplus((t - n) / tau) }
    return t - tau * penalty / (alpha * Double(draws.count))
  }
}
