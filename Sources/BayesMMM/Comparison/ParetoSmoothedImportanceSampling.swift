#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Pareto-smoothed importance sampling (Vehtari, Simpson, Gelman, Yao and Gabry 2024) of
/// one vector of log importance ratios, as ArviZ's `psislw` does it.
///
/// For S ratios r_s (log scale) and relative efficiency r_eff (ESS / S of the draws):
/// 1. the M = ceil(min(S / 5, 3 sqrt(S / r_eff))) largest form the tail, above the cutoff
///    (the (M+1)-th largest, at least log of the smallest normal double);
/// 2. with more than 4 tail values, a generalized Pareto (`GeneralizedPareto.fit`) is fitted
///    to exp(tail) - exp(cutoff) and the tail is replaced by its expected order statistics
///    (quantiles at (j - 1/2) / M), truncated at the largest raw ratio;
/// 3. the log weights are normalised to sum (of exp) to 1.
///
/// k (`shape`) is the diagnostic: above min(1 - 1 / log10 S, 0.7) the estimate is
/// unreliable. With 4 or fewer tail values k is infinite and nothing is smoothed.
public enum ParetoSmoothedImportanceSampling {
  /// Smoothed, normalised log weights (same order as the input) and the Pareto k.
  public static func smooth(logRatios: [Double], relativeEfficiency reff: Double)
    -> (logWeights: [Double], shape: Double)
  {
    let count = logRatios.count
    guard count > 0 else { return ([], .nan) }
    let largest = logRatios.max() ?? 0
    var x = logRatios.map { $0 - largest }
    let tailLength = Int(ceil(min(Double(count) / 5, 3 * (Double(count) / reff).squareRoot())))
    let order = x.indices.sorted { x[$0] < x[$1] }
    let cutoffRank = max(count - tailLength - 1, 0)
    let cutoff = max(x[order[cutoffRank]], log(Double.leastNormalMagnitude))
    let tail = order.filter { x[$0] > cutoff }
    var shape = Double.infinity
    if tail.count > 4 {
      let expCutoff = exp(cutoff)
      let excess = tail.map { exp(x[$0]) - expCutoff }
      let fit = GeneralizedPareto.fit(sorted: excess)
      shape = fit.shape
      if shape.isFinite {
        for (j, index) in tail.enumerated() {
          let p = (Double(j) + 0.5) / Double(tail.count)
          let smoothed = GeneralizedPareto.quantile(p, shape: fit.shape, scale: fit.scale)
          x[index] = min(log(smoothed + expCutoff), 0)
        }
      }
    }
    let normaliser = logSumExp(x)
    return (x.map { $0 - normaliser }, shape)
  }

  /// log sum_i exp(v_i), stable.
  public static func logSumExp(_ values: [Double]) -> Double {
    guard let top = values.max(), top.isFinite else { return values.max() ?? -.infinity }
    var sum = 0.0
    for value in values { sum += exp(value - top) }
    return top + log(sum)
  }
}
