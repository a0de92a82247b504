/// Quantiles and summaries of simulated draws that tolerate the values absurd priors
/// produce (±inf from overflowing exp, NaN from inf - inf).
///
/// Quantiles use the same linear interpolation as `Diagnostics.quantile` (Hyndman and Fan
/// type 7, NumPy's default) over the non-NaN values; between an infinite and another order
/// statistic the nearer one is returned instead of interpolating (which would give NaN).
enum PriorPredictiveStatistics {
  /// The type-7 quantiles of `values` at every level in `levels` (each in [0, 1]), from one
  /// sort. NaN values are left out; all NaN (or empty) gives NaN at every level.
  static func quantiles(_ values: [Double], levels: [Double]) -> [Double] {
    let sorted = values.filter { !$0.isNaN }.sorted()
    return levels.map { Diagnostics.quantile(sorted: sorted, probability: $0) }
  }

  /// The mean of the finite values; NaN when there are none.
  static func finiteMean(_ values: [Double]) -> Double {
    let finite = values.filter(\.isFinite)
    return finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
  }
}
