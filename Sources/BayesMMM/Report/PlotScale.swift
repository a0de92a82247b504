#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Maps data values to pixel positions along one axis, linear or base-10 logarithmic, and
/// chooses readable tick values.
///
/// Invariant: `domain.lower < domain.upper` (a degenerate domain is widened on init); for a
/// log scale the domain is positive.
struct PlotScale {
  enum Kind { case linear, log10 }

  let kind: Kind
  let lower: Double
  let upper: Double
  /// Pixel positions of `lower` and `upper` (may be reversed for a y axis).
  let start: Double
  let end: Double

  init(kind: Kind = .linear, domain: (Double, Double), range: (Double, Double)) {
    var lower = domain.0
    var upper = domain.1
    if kind == .log10 {
      lower = Swift.max(lower, 1e-12)
      upper = Swift.max(upper, lower * 10)
    }
    if !(upper > lower) {
      let pad = Swift.max(abs(lower) * 0.1, 1)
      lower -= pad
      upper += pad
    }
    self.kind = kind
    self.lower = lower
    self.upper = upper
    start = range.0
    end = range.1
  }

  /// Pixel position of `value` (clamped to the domain for log scales' non-positive input).
  func callAsFunction(_ value: Double) -> Double {
    let fraction: Double
    switch kind {
    case .linear:
      fraction = (value - lower) / (upper - lower)
    case .log10:
      fraction =
        (log10(Swift.max(value, lower * 1e-3)) - log10(lower)) / (log10(upper) - log10(lower))
    }
    return start + fraction * (end - start)
  }

  /// About `count` round tick values inside the domain (powers of ten for log scales).
  func ticks(count: Int = 5) -> [Double] {
    switch kind {
    case .log10:
      let first = Int(ceil(log10(lower)))
      let last = Int(floor(log10(upper)))
      guard first <= last else { return [lower, upper] }
      let stride = Swift.max(1, (last - first + 1) / Swift.max(count, 1))
      return Swift.stride(from: first, through: last, by: stride).map { pow(10, Double($0)) }
    case .linear:
      let raw = (upper - lower) / Double(Swift.max(count, 1))
      let magnitude = pow(10, floor(log10(raw)))
      let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
      let first = ceil(lower / step) * step
      return Swift.stride(from: first, through: upper + step * 1e-9, by: step).map {
        abs($0) < step * 1e-9 ? 0 : $0
      }
    }
  }
}
