extension MediaTransform.Prepared {
  /// Writes Hill(a_t) over `series` in place, a lane group (`LaneMath.Lanes`) at a time
  /// (`HillSaturation.values`): within about (2 + |u_t|) ulp of `saturation(_:)`, with
  /// u_t = n (log a_t - log K); 0 wherever a_t is 0 (subnormal a_t too).
  /// - Complexity: O(T); one lane log and one lane exp per 8 weeks; no allocation.
  @inline(__always)
  func saturate(_ series: UnsafeMutableBufferPointer<Double>) {
    guard let base = series.baseAddress else { return }
    let count = series.count
    // Two short passes (logit, then logistic) rather than one long loop body, so the
    // processor overlaps the weeks' dependency chains.
    for start in stride(from: 0, to: count, by: LaneMath.Lanes.scalarCount) {
      let adstock = LaneMath.Lanes(base, at: start, count: count)
      HillSaturation.logit(adstock, logHalfSaturation: logHalfSaturation, shape: shape)
        .store(to: base, at: start, count: count)
    }
    for start in stride(from: 0, to: count, by: LaneMath.Lanes.scalarCount) {
      HillSaturation.logistic(LaneMath.Lanes(base, at: start, count: count))
        .store(to: base, at: start, count: count)
    }
  }

  /// `signal(spend:into:)` with the Hill pass in lane groups (`saturate(_:)`): the adstock
  /// is the same number, the signal within about (2 + |u_t|) ulp of the scalar one.
  /// - Precondition: same lengths; the buffers do not overlap.
  @inline(__always)
  func laneSignal(
    spend: UnsafeBufferPointer<Double>, into signal: UnsafeMutableBufferPointer<Double>
  ) {
    adstock(spend: spend, into: signal)
    saturate(signal)
  }

  /// The adstock of `paths` series of T = `spend.count / paths` weeks each, stored
  /// path-major (`paths x T`), into `adstock` (same shape; no overlap): each series is the
  /// number `adstock(spend:into:)` gives it.
  ///
  /// Geometric adstock runs eight paths' recursions side by side in the lanes of one register
  /// (`PathGroups`), week by week: one path's recursion is a chain of dependent multiply-adds
  /// the processor cannot overlap (the same operations in the same order per path, so the
  /// same bits). Delayed adstock, a convolution without a chain, goes path by path.
  /// - Complexity: O(R T) (O(R T L) delayed); no allocation.
  @inline(__always)
  func adstock(
    paths: Int, spend: UnsafeBufferPointer<Double>,
    into adstock: UnsafeMutableBufferPointer<Double>
  ) {
    precondition(paths > 0 && spend.count % paths == 0 && adstock.count == spend.count)
    let weeks = spend.count / paths
    guard case .geometric(let decay) = carryOver else {
      for r in 0..<paths {
        let series = r * weeks..<(r + 1) * weeks
        self.adstock(
          spend: UnsafeBufferPointer(rebasing: spend[series]),
          into: UnsafeMutableBufferPointer(rebasing: adstock[series]))
      }
      return
    }
    guard let x = spend.baseAddress, let a = adstock.baseAddress else { return }
    let carry = 1 - decay
    PathGroups.forEach(paths: paths, weeks: weeks) { rows, _ in
      var previous = LaneMath.Lanes.zero
      for t in 0..<weeks {
        // GeometricAdstock.apply(spend:decay:adstock:)'s step, operation for operation.
        previous = decay * previous + carry * PathGroups.column(x, rows, week: t)
        PathGroups.store(previous, to: a, rows, week: t)
      }
    }
  }
}
