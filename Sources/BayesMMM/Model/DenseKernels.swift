/// Contiguous vector kernels for the log density's hot loops.
///
/// Reductions use four SIMD lanes (then a fixed-order horizontal sum and a scalar tail), so
/// they vectorise without the compiler reassociating floating-point sums; the summation
/// order is fixed, so results are deterministic (they differ from a left-to-right sum only
/// in the last bits).
enum DenseKernels {
  /// sum_{i < count} a[i] * b[i].
  @inline(__always)
  static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
    var lanes = SIMD4<Double>.zero
    var i = 0
    let ra = UnsafeRawPointer(a)
    let rb = UnsafeRawPointer(b)
    while i + 4 <= count {
      let x = ra.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self)
      let y = rb.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self)
      lanes += x * y
      i += 4
    }
    var sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
    while i < count {
      sum += a[i] * b[i]
      i += 1
    }
    return sum
  }

  /// y[i] += alpha * x[i] for i < count.
  @inline(__always)
  static func axpy(
    _ alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, count: Int
  ) {
    // Explicit lanes (element-wise, so the same to the bit as the scalar loop): the
    // compiler does not vectorise the loop itself, as x and y might overlap.
    for i in stride(from: 0, to: count, by: LaneMath.Lanes.scalarCount) {
      (LaneMath.Lanes(y, at: i, count: count) + alpha * LaneMath.Lanes(x, at: i, count: count))
        .store(to: y, at: i, count: count)
    }
  }
}

extension DenseKernels {
  /// sum_{i < count} a[i], in the same four-lane order as `dot`.
  @inline(__always)
  static func sum(_ a: UnsafePointer<Double>, count: Int) -> Double {
    var lanes = SIMD4<Double>.zero
    var i = 0
    let ra = UnsafeRawPointer(a)
    while i + 4 <= count {
      lanes += ra.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self)
      i += 4
    }
    var sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
    while i < count {
      sum += a[i]
      i += 1
    }
    return sum
  }

  /// The sum of a lane group's lanes in a fixed order (lane i plus lane i + 4, then pairs),
  /// so the result does not depend on how the compiler would reassociate `sum()`.
  @inline(__always)
  static func laneTotal(_ lanes: LaneMath.Lanes) -> Double {
    let half = lanes.lowHalf + lanes.highHalf
    return (half[0] + half[1]) + (half[2] + half[3])
  }
}
