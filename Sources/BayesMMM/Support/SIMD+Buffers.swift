/// Loads and stores of `scalarCount` consecutive doubles of a series, for loops that walk a
/// series of `count` values in groups of lanes (`LaneMath.Lanes`).
///
/// The last group of a series whose length is not a multiple of the lane count is padded on
/// load with `padding` and only its valid lanes are stored, so one loop body covers the
/// whole series.
extension SIMD where Scalar == Double {
  /// `base[start ..< start + scalarCount]`, lanes at or past `count` set to `padding`.
  @inline(__always)
  init(_ base: UnsafePointer<Double>, at start: Int, count: Int, padding: Double = 0) {
    if start + Self.scalarCount <= count {
      self = UnsafeRawPointer(base + start).loadUnaligned(as: Self.self)
    } else {
      self.init(repeating: padding)
      for lane in 0..<(count - start) { self[lane] = base[start + lane] }
    }
  }

  /// Writes the lanes below `count - start` to `base[start...]`.
  @inline(__always)
  func store(to base: UnsafeMutablePointer<Double>, at start: Int, count: Int) {
    if start + Self.scalarCount <= count {
      UnsafeMutableRawPointer(base + start).storeBytes(of: self, as: Self.self)
    } else {
      for lane in 0..<(count - start) { base[start + lane] = self[lane] }
    }
  }

}
