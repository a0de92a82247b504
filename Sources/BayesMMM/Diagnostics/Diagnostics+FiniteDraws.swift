extension Diagnostics {
  /// The number of draws that are not finite (±inf or NaN), all chains.
  ///
  /// A generated quantity can overflow under very wide priors (exp of a huge linear
  /// predictor is +inf, and inf - inf is NaN); such draws are counted and reported, never
  /// averaged silently.
  public static func nonFiniteCount(_ draws: [[Double]]) -> Int {
    draws.reduce(0) { count, chain in count + chain.reduce(0) { $0 + ($1.isFinite ? 0 : 1) } }
  }

  /// The `probability` quantile (`quantile(_:probability:)`) of the finite values only; NaN
  /// when none is finite. For ranges and medians that one overflowed draw must not blank.
  public static func finiteQuantile(_ values: [Double], probability: Double) -> Double {
    quantile(values.filter(\.isFinite), probability: probability)
  }

  /// The finite draws of all chains pooled, in chain order.
  public static func finitePooled(_ draws: [[Double]]) -> [Double] {
    draws.flatMap { $0.filter(\.isFinite) }
  }
}
