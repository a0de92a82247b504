/// Sums over a series a lane group (`LaneMath.Lanes`) at a time: eight partial sums, one
/// per lane (lane j holds the terms t = j mod 8), added together at the end.
///
/// The order is fixed by the series length alone, so the result is reproducible; it
/// differs from a sequential sum by rounding only (for terms of one sign, a relative
/// error below (T / 8 + 3) x 2^-53, against T x 2^-53 for the sequential sum). The partial
/// sums also break the one chain of dependent additions a sequential loop waits on.
/// - Complexity: O(T); no allocation.
enum LaneSums {
  /// sum_t x_t.
  @inline(__always)
  static func sum(_ x: UnsafeBufferPointer<Double>) -> Double {
    guard let base = x.baseAddress else { return 0 }
    var total = LaneMath.Lanes.zero
    for start in stride(from: 0, to: x.count, by: LaneMath.Lanes.scalarCount) {
      total += LaneMath.Lanes(base, at: start, count: x.count)
    }
    return total.sum()
  }

  /// sum_t x_t y_t.
  /// - Precondition: `x.count == y.count`.
  @inline(__always)
  static func dot(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>) -> Double {
    precondition(x.count == y.count)
    guard let xs = x.baseAddress, let ys = y.baseAddress else { return 0 }
    var total = LaneMath.Lanes.zero
    for start in stride(from: 0, to: x.count, by: LaneMath.Lanes.scalarCount) {
      total +=
        LaneMath.Lanes(xs, at: start, count: x.count)
        * LaneMath.Lanes(ys, at: start, count: x.count)
    }
    return total.sum()
  }
}
