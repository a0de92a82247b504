/// Making any requested axis domain drawable, and finding the extent of data to plot.
extension PlotScale {
  /// Largest magnitude a domain end may have; beyond it the data are clamped, so that
  /// `upper - lower` and pixel fractions stay finite.
  static let largestDomainMagnitude = 1e300
  /// Smallest lower end of a log domain.
  static let smallestLogLower = 1e-300
  /// A domain narrower than this share of its magnitude is widened: its ticks would not be
  /// distinguishable as Doubles.
  static let smallestRelativeWidth = 1e-9
  /// A domain narrower than this is widened too: bins and densities over it would overflow.
  static let smallestWidth = 1e-200

  /// The domain a scale of `kind` draws for the requested `domain`, following these rules:
  ///
  /// 1. NaN or infinite ends are replaced: both missing gives [0, 1] (log: [1, 10]); one
  ///    missing gives the other end ± max(|end|, 1).
  /// 2. Ends are clamped to ±1e300 and put in order.
  /// 3. Linear: a domain narrower than 1e-9 of its magnitude or than 1e-200 (a constant
  ///    series) is padded around its centre c by |c| / 10 on each side, or by 1 when
  ///    |c| < 1e-12.
  /// 4. Log: the lower end is at least 1e-300, the upper at least 10 x the lower (a decade).
  static func usableDomain(_ domain: (Double, Double), kind: Kind) -> (lower: Double, upper: Double)
  {
    var (lower, upper) = finiteEnds(domain, kind: kind)
    let limit = largestDomainMagnitude
    lower = min(max(lower, -limit), limit)
    upper = min(max(upper, -limit), limit)
    if lower > upper { swap(&lower, &upper) }
    switch kind {
    case .log10:
      lower = min(max(lower, smallestLogLower), limit / 10)
      upper = max(upper, lower * 10)
    case .linear:
      let magnitude = max(abs(lower), abs(upper))
      if !(upper - lower > max(magnitude * smallestRelativeWidth, smallestWidth)) {
        let centre = lower / 2 + upper / 2
        let pad = abs(centre) < 1e-12 ? 1 : abs(centre) / 10
        lower = centre - pad
        upper = centre + pad
      }
    }
    return (lower, upper)
  }

  private static func finiteEnds(_ domain: (Double, Double), kind: Kind) -> (Double, Double) {
    let (lower, upper) = domain
    let lowerUsable = lower.isFinite && (kind == .linear || lower > 0)
    let upperUsable = upper.isFinite && (kind == .linear || upper > 0)
    switch (lowerUsable, upperUsable) {
    case (true, true): return (lower, upper)
    case (true, false): return (lower, kind == .log10 ? lower * 10 : lower + max(abs(lower), 1))
    case (false, true): return (kind == .log10 ? upper / 10 : upper - max(abs(upper), 1), upper)
    case (false, false): return kind == .log10 ? (1, 10) : (0, 1)
    }
  }

  /// The smallest and largest finite values among `series`, nil when there are none.
  static func finiteExtent(_ series: [Double]...) -> (lower: Double, upper: Double)? {
    var lower = Double.infinity
    var upper = -Double.infinity
    for values in series {
      for value in values where value.isFinite {
        lower = min(lower, value)
        upper = max(upper, value)
      }
    }
    return lower <= upper ? (lower, upper) : nil
  }
}
