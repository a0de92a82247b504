/// Loads and stores of four consecutive doubles of a series, for loops that walk a series
/// of `count` values in groups of four.
///
/// The last group of a series whose length is not a multiple of four is padded on load with
/// `padding` and only its valid lanes are stored, so one loop body covers the whole series.
extension SIMD4 where Scalar == Double {
  /// `base[start ..< start + 4]`, lanes at or past `count` set to `padding`.
  @inline(__always)
  init(_ base: UnsafePointer<Double>, at start: Int, count: Int, padding: Double = 0) {
    if start + 4 <= count {
      self = UnsafeRawPointer(base + start).loadUnaligned(as: SIMD4<Double>.self)
    } else {
      self.init(repeating: padding)
      for lane in 0..<(count - start) { self[lane] = base[start + lane] }
    }
  }

  /// Writes the lanes below `count - start` to `base[start...]`.
  @inline(__always)
  func store(to base: UnsafeMutablePointer<Double>, at start: Int, count: Int) {
    if start + 4 <= count {
      UnsafeMutableRawPointer(base + start).storeBytes(of: self, as: SIMD4<Double>.self)
    } else {
      for lane in 0..<(count - start) { base[start + lane] = self[lane] }
    }
  }

  /// The sum of the four lanes in a fixed order.
  @inline(__always)
  var laneSum: Double { (self[0] + self[1]) + (self[2] + self[3]) }
}
