#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Maps data values to pixel positions along one axis, linear or base-10 logarithmic, and
/// chooses readable tick values.
///
/// ```swift
/// let y = PlotScale(domain: (0, 400_000), range: (260, 34))
/// y(200_000)      // 147, the middle of the pixel range
/// y.ticks()       // [0, 100000, 200000, 300000, 400000]
/// ```
///
/// Invariant: `lower < upper`, both finite, `upper - lower` finite and at least 1e-9 of
/// their magnitude; for a log scale 1e-300 <= lower and upper >= 10 lower. Any requested
/// domain is made so on init (see `PlotScale.usableDomain`): NaN and infinite ends are
/// replaced, a zero-width domain is padded around its value. So every method terminates
/// and returns finite numbers, whatever the data.
struct PlotScale {
  enum Kind { case linear, log10 }

  let kind: Kind
  let lower: Double
  let upper: Double
  /// Pixel positions of `lower` and `upper` (may be reversed for a y axis).
  let start: Double
  let end: Double

  init(kind: Kind = .linear, domain: (Double, Double), range: (Double, Double)) {
    let usable = PlotScale.usableDomain(domain, kind: kind)
    self.kind = kind
    lower = usable.lower
    upper = usable.upper
    start = range.0.isFinite ? range.0 : 0
    end = range.1.isFinite ? range.1 : 0
  }

  /// Pixel position of `value`. A non-finite value, or a non-positive one on a log scale,
  /// has no position: the result is NaN, which callers skip.
  func callAsFunction(_ value: Double) -> Double {
    let fraction: Double
    switch kind {
    case .linear:
      fraction = (value - lower) / (upper - lower)
    case .log10:
      guard value > 0 else { return .nan }
      fraction = (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
    }
    return start + fraction * (end - start)
  }

  /// About `count` round tick values inside the domain (powers of ten for log scales).
  ///
  /// Ticks are computed by index (first + i x step), never by accumulating a step, so the
  /// list has at most 3 x count + 2 entries even where the step is below the resolution
  /// of the values.
  func ticks(count: Int = 5) -> [Double] {
    let count = Swift.max(count, 1)
    switch kind {
    case .log10:
      // The domain lies in [1e-300, 1e300]: the exponents fit an Int.
      let first = Int(ceil(log10(lower)))
      let last = Int(floor(log10(upper)))
      guard first <= last else { return [lower, upper] }
      let stride = Swift.max(1, (last - first + 1) / count)
      return Swift.stride(from: first, through: last, by: stride).map { pow(10, Double($0)) }
    case .linear:
      let raw = (upper - lower) / Double(count)
      let magnitude = pow(10, floor(log10(raw)))
      let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
      let first = ceil(lower / step) * step
      let span = ((upper - first) / step + 1e-9).rounded(.down)
      guard step > 0, step.isFinite, first.isFinite, span.isFinite, span >= 0 else {
        return [lower, upper]
      }
      let total = Int(Swift.min(span, Double(3 * count + 1))) + 1
      return (0..<total).map { index in
        let tick = first + Double(index) * step
        return abs(tick) < step * 1e-9 ? 0 : tick
      }
    }
  }

  /// Tick labels that tell the ticks apart: compact ("1.2M", "25k") when those differ,
  /// otherwise grouped digits with as many decimals as the tick step needs ("1,000.005").
  func tickLabels(_ ticks: [Double]) -> [String] {
    let compact = ticks.map(compactNumber)
    guard Set(compact).count < compact.count, ticks.count > 1 else { return compact }
    let step = abs(ticks[1] - ticks[0])
    let decimals = step > 0 ? Int(Swift.min(Swift.max(ceil(-log10(step)), 0), 12)) : 0
    return ticks.map { NumberText.grouped($0, decimals: decimals) }
  }
}
