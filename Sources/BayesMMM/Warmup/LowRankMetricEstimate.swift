#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// nutpie's low-rank inverse metric from one window's draws and gradients (Seyboldt,
/// Carlson and Carpenter 2026, arXiv 2603.18845; nuts-rs `low_rank_mass_matrix`).
///
/// ```swift
/// let metric = LowRankMetricEstimate.inverseMetric(draws: x, gradients: g, dimension: d)
/// ```
///
/// For a Gaussian target N(mu, Sigma) the draws have covariance Sigma and the gradients
/// -Sigma⁻¹ (x - mu) covariance Sigma⁻¹, so Sigma is the geometric mean of the draws'
/// covariance and the inverse of the gradients' (A # B = A^½ (A^-½ B A^-½)^½ A^½), and
/// the estimate is exact with as few as d + 1 draws. Steps, for n draws:
///
/// 1. the diagonal s_i² = sqrt(var(x_i) / var(g_i)) (`MetricAdaptation.drawsAndGradients`);
/// 2. in the scaled space x̃ = (x - mean) / s, g̃ = (g - mean) s: C_x = x̃ᵀx̃ / n + gamma I,
///    C_g = g̃ᵀg̃ / n + gamma I (gamma = `regularisation`, keeping both positive definite
///    when n < d);
/// 3. Sigmã = C_x # C_g⁻¹ and its eigenpairs (lambda_j, u_j);
/// 4. keep the at most `maxRank` eigenpairs with lambda >= `cutoff` or lambda <= 1 / cutoff,
///    the largest |log lambda| first: the directions where the scaled posterior is not
///    already the identity. M⁻¹ = S (I + U (Lambda - I) Uᵀ) S.
///
/// The matrices are d x d (nutpie projects onto the span of the draws and gradients first,
/// which matters when d is in the thousands); the cost is O(n d² + d³) per window, a few
/// milliseconds at d = 60.
enum LowRankMetricEstimate {
  static let regularisation = 1e-5
  static let cutoff = 2.0
  static let maxRank = 10

  /// - Parameters:
  ///   - draws, gradients: n x d, row-major, n >= 2.
  static func inverseMetric(draws: [Double], gradients: [Double], dimension d: Int)
    -> InverseMetric
  {
    let n = draws.count / max(d, 1)
    precondition(draws.count == n * d && gradients.count == n * d, "n x d draws and gradients")
    let drawMoments = moments(draws, n: n, d: d)
    let gradientMoments = moments(gradients, n: n, d: d)
    let diagonal = zip(drawMoments.variance, gradientMoments.variance).map {
      MetricEstimator.drawsAndGradientsVariance(drawVariance: $0, gradientVariance: $1)
    }
    guard n >= 2, d >= 1 else { return InverseMetric(diagonal: diagonal) }
    let scale = diagonal.map { $0.squareRoot() }
    let drawCovariance = covariance(
      draws, n: n, d: d, mean: drawMoments.mean, factor: scale.map { 1 / $0 })
    let gradientCovariance = covariance(
      gradients, n: n, d: d, mean: gradientMoments.mean, factor: scale)
    guard
      let sigma = geometricMean(drawCovariance, inverseOf: gradientCovariance, order: d),
      let eigen = SymmetricEigen(matrix: sigma, order: d)
    else { return InverseMetric(diagonal: diagonal) }
    let kept = (0..<d).filter { j in
      let lambda = eigen.values[j]
      return lambda.isFinite && lambda > 0 && (lambda >= cutoff || lambda <= 1 / cutoff)
    }
    .sorted { abs(log(eigen.values[$0])) > abs(log(eigen.values[$1])) }
    .prefix(maxRank)
    .sorted()
    return InverseMetric(
      diagonal: diagonal, directions: kept.map { eigen.vector($0) },
      eigenvalues: kept.map { eigen.values[$0] })
  }

  /// Column means and population variances of an n x d matrix.
  private static func moments(_ x: [Double], n: Int, d: Int) -> (mean: [Double], variance: [Double])
  {
    var mean = [Double](repeating: 0, count: d)
    var variance = [Double](repeating: 0, count: d)
    for i in 0..<d {
      var sum = 0.0
      for r in 0..<n { sum += x[r * d + i] }
      mean[i] = sum / Double(n)
      var squares = 0.0
      for r in 0..<n { squares += (x[r * d + i] - mean[i]) * (x[r * d + i] - mean[i]) }
      variance[i] = squares / Double(n)
    }
    return (mean, variance)
  }

  /// (x - mean) diag(factor), then its covariance / n + regularisation I, d x d row-major.
  private static func covariance(
    _ x: [Double], n: Int, d: Int, mean: [Double], factor: [Double]
  ) -> [Double] {
    var centred = x
    for r in 0..<n {
      for i in 0..<d { centred[r * d + i] = (x[r * d + i] - mean[i]) * factor[i] }
    }
    var result = [Double](repeating: 0, count: d * d)
    for i in 0..<d {
      for k in 0...i {
        var sum = 0.0
        for r in 0..<n { sum += centred[r * d + i] * centred[r * d + k] }
        let value = sum / Double(n) + (i == k ? regularisation : 0)
        result[i * d + k] = value
        result[k * d + i] = value
      }
    }
    return result
  }

  /// A # B⁻¹ = A^½ (A^-½ B⁻¹ A^-½)^½ A^½ for symmetric positive definite A and B.
  static func geometricMean(_ a: [Double], inverseOf b: [Double], order d: Int) -> [Double]? {
    guard let eigenA = SymmetricEigen(matrix: a, order: d),
      let eigenB = SymmetricEigen(matrix: b, order: d),
      eigenA.values.allSatisfy({ $0 > 0 }), eigenB.values.allSatisfy({ $0 > 0 })
    else { return nil }
    let root = eigenA.function { $0.squareRoot() }
    let inverseRoot = eigenA.function { 1 / $0.squareRoot() }
    let inverseB = eigenB.function { 1 / $0 }
    let inner = multiply(multiply(inverseRoot, inverseB, d), inverseRoot, d)
    guard let eigenInner = SymmetricEigen(matrix: symmetrised(inner, d), order: d),
      eigenInner.values.allSatisfy({ $0 > 0 })
    else { return nil }
    return symmetrised(
      multiply(multiply(root, eigenInner.function { $0.squareRoot() }, d), root, d), d)
  }

  private static func multiply(_ a: [Double], _ b: [Double], _ d: Int) -> [Double] {
    var result = [Double](repeating: 0, count: d * d)
    for i in 0..<d {
      for k in 0..<d {
        let aik = a[i * d + k]
        for j in 0..<d { result[i * d + j] += aik * b[k * d + j] }
      }
    }
    return result
  }

  /// (M + Mᵀ) / 2: removes the rounding asymmetry of a product of symmetric matrices.
  private static func symmetrised(_ m: [Double], _ d: Int) -> [Double] {
    var result = m
    for i in 0..<d {
      for j in 0..<i {
        let mean = 0.5 * (m[i * d + j] + m[j * d + i])
        result[i * d + j] = mean
        result[j * d + i] = mean
      }
    }
    return result
  }
}
