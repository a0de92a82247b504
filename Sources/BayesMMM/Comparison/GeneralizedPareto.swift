#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The generalized Pareto distribution of PSIS's tail fit: shape k, scale sigma > 0, on
/// x >= 0 with F(x) = 1 - (1 + k x / sigma)^(-1/k) (k = 0: the exponential).
enum GeneralizedPareto {
  /// Zhang and Stephens' (2009) empirical-Bayes estimate of (k, sigma) from `sorted` (> 0,
  /// ascending, at least 5 values), with the weakly informative prior on k of Vehtari et
  /// al. (2024, appendix): k is shrunk towards 0.5 as if by 10 extra observations.
  ///
  /// Candidates theta_j = 1 / x_(n) + (1 - sqrt(m / (j - 1/2))) / (3 x_(q)), j = 1 ... m,
  /// with m = 30 + floor(sqrt(n)) and x_(q) the first quartile; each gets the profile
  /// likelihood weight of its k(theta) = mean log(1 - theta x); theta is their weighted mean.
  static func fit(sorted x: [Double]) -> (shape: Double, scale: Double) {
    let n = x.count
    let m = 30 + Int(Double(n).squareRoot())
    let quartile = x[Int(Double(n) / 4 + 0.5) - 1]
    let largest = x[n - 1]
    var theta = [Double](repeating: 0, count: m)
    var profile = [Double](repeating: 0, count: m)
    for j in 0..<m {
      let b = 1 / largest + (1 - (Double(m) / (Double(j + 1) - 0.5)).squareRoot()) / (3 * quartile)
      theta[j] = b
      let k = meanLog1p(-b, x)
      profile[j] = Double(n) * (log(-b / k) - k - 1)
    }
    // Normalised weights w_j = 1 / sum_i exp(profile_i - profile_j); negligible ones dropped.
    var weights = (0..<m).map { j in
      1 / profile.reduce(0) { $0 + exp($1 - profile[j]) }
    }
    let negligible = 10 * Double.ulpOfOne
    for j in 0..<m where weights[j] < negligible { weights[j] = 0 }
    let total = weights.reduce(0, +)
    var thetaHat = 0.0
    for j in 0..<m { thetaHat += theta[j] * weights[j] / total }
    let k = meanLog1p(-thetaHat, x)
    let sigma = -k / thetaHat
    let shrunk = (Double(n) * k + 10 * 0.5) / (Double(n) + 10)
    return (shrunk, sigma)
  }

  /// The quantile function at probability p in (0, 1).
  static func quantile(_ p: Double, shape k: Double, scale sigma: Double) -> Double {
    guard sigma > 0 else { return .nan }
    if abs(k) < Double.ulpOfOne { return -log1p(-p) * sigma }
    return expm1(-k * log1p(-p)) / k * sigma
  }

  /// mean_i log(1 + b x_i).
  private static func meanLog1p(_ b: Double, _ x: [Double]) -> Double {
    var sum = 0.0
    for value in x { sum += log1p(b * value) }
    return sum / Double(x.count)
  }
}
