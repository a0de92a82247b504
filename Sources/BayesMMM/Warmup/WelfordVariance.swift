/// Running per-coordinate mean and variance by Welford's algorithm (Welford 1962), as Stan's
/// `welford_var_estimator`: numerically stable, one pass, O(d) memory.
///
/// ```swift
/// var estimator = WelfordVariance(dimension: 2)
/// estimator.add(draw)                        // pointer to d values
/// let variance = estimator.sampleVariance()  // m2 / (n - 1), per coordinate
/// ```
///
/// Invariant: after n samples, `mean` is their mean and `sumOfSquaredDeviations[i]` is
/// Σ_k (x_ki - mean_i)².
struct WelfordVariance {
  let dimension: Int
  private(set) var count = 0
  private(set) var mean: [Double]
  private(set) var sumOfSquaredDeviations: [Double]

  init(dimension: Int) {
    self.dimension = dimension
    mean = [Double](repeating: 0, count: dimension)
    sumOfSquaredDeviations = [Double](repeating: 0, count: dimension)
  }

  /// Adds one sample of d values.
  mutating func add(_ sample: UnsafeMutablePointer<Double>) {
    count += 1
    let n = Double(count)
    for i in 0..<dimension {
      let delta = sample[i] - mean[i]
      mean[i] += delta / n
      sumOfSquaredDeviations[i] += delta * (sample[i] - mean[i])
    }
  }

  /// The unbiased sample variance m2 / (n - 1); zeros while n < 2 (as Stan).
  func sampleVariance() -> [Double] {
    guard count > 1 else { return [Double](repeating: 0, count: dimension) }
    let denominator = Double(count - 1)
    return sumOfSquaredDeviations.map { $0 / denominator }
  }

  /// Forgets every sample.
  mutating func restart() {
    count = 0
    for i in 0..<dimension {
      mean[i] = 0
      sumOfSquaredDeviations[i] = 0
    }
  }
}
