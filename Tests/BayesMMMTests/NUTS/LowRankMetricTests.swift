import XCTest

@testable import BayesMMM

/// The low-rank metric: the eigen-decomposition under it, the estimate from draws and
/// gradients, the metric's algebra against dense matrices, and NUTS with it on a strongly
/// correlated Gaussian.
final class LowRankMetricTests: XCTestCase {
  /// A random symmetric positive definite matrix B Bᵀ + I, d x d row-major.
  private func spd(_ d: Int, seed: UInt64) -> [Double] {
    let rng = GSLRandom(runSeed: seed)
    let b = (0..<(d * d)).map { _ in rng.standardNormal() }
    var a = [Double](repeating: 0, count: d * d)
    for i in 0..<d {
      for j in 0..<d {
        var sum = i == j ? 1.0 : 0
        for k in 0..<d { sum += b[i * d + k] * b[j * d + k] }
        a[i * d + j] = sum
      }
    }
    return a
  }

  /// S (I + V (Λ - I) Vᵀ) S as a dense matrix.
  private func dense(_ metric: InverseMetric) -> [Double] {
    let d = metric.dimension
    var m = [Double](repeating: 0, count: d * d)
    for i in 0..<d {
      for j in 0..<d {
        var inner = i == j ? 1.0 : 0
        for (v, lambda) in zip(metric.directions, metric.eigenvalues) {
          inner += (lambda - 1) * v[i] * v[j]
        }
        m[i * d + j] = metric.diagonal[i].squareRoot() * inner * metric.diagonal[j].squareRoot()
      }
    }
    return m
  }

  func testSymmetricEigenReconstructsTheMatrixWithOrthonormalVectors() throws {
    let d = 7
    let a = spd(d, seed: 3)
    let eigen = try XCTUnwrap(SymmetricEigen(matrix: a, order: d))
    XCTAssertEqual(eigen.values, eigen.values.sorted())
    let rebuilt = eigen.function { $0 }
    for (x, y) in zip(rebuilt, a) { XCTAssertEqual(x, y, accuracy: 1e-10 * abs(y) + 1e-12) }
    for j in 0..<d {
      for k in 0..<d {
        let dot = zip(eigen.vector(j), eigen.vector(k)).reduce(0) { $0 + $1.0 * $1.1 }
        XCTAssertEqual(dot, j == k ? 1 : 0, accuracy: 1e-12)
      }
    }
    let two = try XCTUnwrap(SymmetricEigen(matrix: [2, 1, 1, 2], order: 2))
    XCTAssertEqual(two.values[0], 1, accuracy: 1e-14)
    XCTAssertEqual(two.values[1], 3, accuracy: 1e-14)
    XCTAssertEqual(two.vector(1)[0], 0.5.squareRoot(), accuracy: 1e-14)
    XCTAssertNil(SymmetricEigen(matrix: [1, .nan, .nan, 1], order: 2))
  }

  func testTheGeometricMeanOfACovarianceAndItsInverseSquareIsExact() throws {
    // For a Gaussian, C_g = Σ⁻¹ C_x Σ⁻¹, and C_x # C_g⁻¹ = Σ whatever the draws' C_x.
    let d = 5
    let sigma = spd(d, seed: 8)
    let cx = spd(d, seed: 9)
    let inverse = try XCTUnwrap(SymmetricEigen(matrix: sigma, order: d)).function { 1 / $0 }
    func product(_ a: [Double], _ b: [Double]) -> [Double] {
      (0..<(d * d)).map { index in
        let (i, j) = (index / d, index % d)
        return (0..<d).reduce(0) { $0 + a[i * d + $1] * b[$1 * d + j] }
      }
    }
    let cg = product(product(inverse, cx), inverse)
    let mean = try XCTUnwrap(LowRankMetricEstimate.geometricMean(cx, inverseOf: cg, order: d))
    for (x, y) in zip(mean, sigma) { XCTAssertEqual(x, y, accuracy: 1e-8 * max(abs(y), 1)) }
  }

  func testTheEstimateLeavesAPreconditionedCovarianceWithinTheCutoff() throws {
    // Σ = D^½ (I + 40 u uᵀ) D^½ with scales from 0.1 to 10: a strong correlation the
    // diagonal cannot remove. Draws from N(0, Σ) and their exact gradients -Σ⁻¹ x.
    let d = 8
    let rng = GSLRandom(runSeed: 17)
    let scales = (0..<d).map { pow(10, -1 + 2 * Double($0) / Double(d - 1)) }
    var u = (0..<d).map { _ in rng.standardNormal() }
    let norm = u.reduce(0) { $0 + $1 * $1 }.squareRoot()
    u = u.map { $0 / norm }
    var sigma = [Double](repeating: 0, count: d * d)
    for i in 0..<d {
      for j in 0..<d {
        sigma[i * d + j] = scales[i] * scales[j] * ((i == j ? 1 : 0) + 40 * u[i] * u[j])
      }
    }
    let root = try XCTUnwrap(SymmetricEigen(matrix: sigma, order: d)).function { $0.squareRoot() }
    let inverse = try XCTUnwrap(SymmetricEigen(matrix: sigma, order: d)).function { 1 / $0 }
    let n = 200
    var draws: [Double] = []
    var gradients: [Double] = []
    for _ in 0..<n {
      let z = (0..<d).map { _ in rng.standardNormal() }
      let x = (0..<d).map { i in (0..<d).reduce(0) { $0 + root[i * d + $1] * z[$1] } }
      draws += x
      gradients += (0..<d).map { i in -(0..<d).reduce(0) { $0 + inverse[i * d + $1] * x[$1] } }
    }
    let metric = LowRankMetricEstimate.inverseMetric(
      draws: draws, gradients: gradients, dimension: d)
    XCTAssertGreaterThanOrEqual(metric.rank, 1)
    // M Σ's eigenvalues (M = (M⁻¹)⁻¹) lie within [1/2, 2] up to the regularisation:
    // every direction outside was moved into the metric.
    let m = dense(metric)
    let mEigen = try XCTUnwrap(SymmetricEigen(matrix: m, order: d))
    let mRootInverse = mEigen.function { 1 / $0.squareRoot() }
    var whitened = [Double](repeating: 0, count: d * d)
    for i in 0..<d {
      for j in 0..<d {
        var sum = 0.0
        for k in 0..<d {
          for l in 0..<d {
            sum += mRootInverse[i * d + k] * sigma[k * d + l] * mRootInverse[l * d + j]
          }
        }
        whitened[i * d + j] = sum
      }
    }
    let values = try XCTUnwrap(SymmetricEigen(matrix: whitened, order: d)).values
    XCTAssertGreaterThan(values.first ?? 0, 0.5 - 1e-3, "\(values)")
    XCTAssertLessThan(values.last ?? .infinity, 2 + 1e-3, "\(values)")
    // The diagonal alone leaves a condition number above 40.
    let diagonalOnly = InverseMetric(diagonal: metric.diagonal)
    let scaled = (0..<(d * d)).map { index -> Double in
      let (i, j) = (index / d, index % d)
      return sigma[index] / (diagonalOnly.diagonal[i] * diagonalOnly.diagonal[j]).squareRoot()
    }
    let diagonalValues = try XCTUnwrap(SymmetricEigen(matrix: scaled, order: d)).values
    XCTAssertGreaterThan((diagonalValues.last ?? 0) / (diagonalValues.first ?? 1), 40)
  }

  func testTheMetricsEnergyVelocityAndDriftMatchDenseAlgebra() throws {
    let d = 6
    let rng = GSLRandom(runSeed: 5)
    let eigen = try XCTUnwrap(SymmetricEigen(matrix: spd(d, seed: 11), order: d))
    let inverseMetric = InverseMetric(
      diagonal: (0..<d).map { _ in 0.1 + rng.uniform() * 3 },
      directions: [eigen.vector(0), eigen.vector(4)], eigenvalues: [12, 0.2])
    let metric = EuclideanMetric(dimension: d)
    metric.set(inverseMetric)
    let m = dense(inverseMetric)
    let p = UnsafeMutablePointer<Double>.allocate(capacity: d)
    let v = UnsafeMutablePointer<Double>.allocate(capacity: d)
    let q = UnsafeMutablePointer<Double>.allocate(capacity: d)
    defer { [p, v, q].forEach { $0.deallocate() } }
    for trial in 0..<5 {
      for i in 0..<d {
        p[i] = rng.standardNormal()
        q[i] = 0
      }
      let mp = (0..<d).map { i in (0..<d).reduce(0) { $0 + m[i * d + $1] * p[$1] } }
      let energy = 0.5 * (0..<d).reduce(0) { $0 + p[$1] * mp[$1] }
      XCTAssertEqual(metric.kineticEnergy(p), energy, accuracy: 1e-12 * energy, "trial \(trial)")
      metric.sharpMomentum(p, into: v)
      metric.drift(q, momentum: p, stepSize: 0.5)
      for i in 0..<d {
        XCTAssertEqual(v[i], mp[i], accuracy: 1e-12 * (abs(mp[i]) + 1))
        XCTAssertEqual(q[i], 0.5 * mp[i], accuracy: 1e-12 * (abs(mp[i]) + 1))
      }
    }
    XCTAssertEqual(metric.inverseMassDiagonal.count, d)
    for i in 0..<d { XCTAssertEqual(metric.inverseMassDiagonal[i], m[i * d + i], accuracy: 1e-12) }
  }

  func testDrawnMomentaHaveTheMetricsCovarianceWithinMonteCarloError() throws {
    // p ~ N(0, M): the sample covariance of M⁻¹-whitened momenta, (M⁻¹)^½ p, is I.
    let d = 4
    let eigen = try XCTUnwrap(SymmetricEigen(matrix: spd(d, seed: 21), order: d))
    let inverseMetric = InverseMetric(
      diagonal: [0.5, 2, 1, 4], directions: [eigen.vector(3)], eigenvalues: [25])
    let metric = EuclideanMetric(dimension: d)
    metric.set(inverseMetric)
    let root = try XCTUnwrap(SymmetricEigen(matrix: dense(inverseMetric), order: d)).function {
      $0.squareRoot()
    }
    let random = GSLRandom(runSeed: 9)
    let p = UnsafeMutablePointer<Double>.allocate(capacity: d)
    defer { p.deallocate() }
    let n = 100_000
    var second = [Double](repeating: 0, count: d * d)
    for _ in 0..<n {
      metric.drawMomentum(into: p, using: random)
      let w = (0..<d).map { i in (0..<d).reduce(0) { $0 + root[i * d + $1] * p[$1] } }
      for i in 0..<d { for j in 0..<d { second[i * d + j] += w[i] * w[j] / Double(n) } }
    }
    // Each entry's standard error is about sqrt(2 / n) (diagonal) or sqrt(1 / n); 5 se.
    for i in 0..<d {
      for j in 0..<d {
        XCTAssertEqual(
          second[i * d + j], i == j ? 1 : 0, accuracy: 5 * (2.0 / Double(n)).squareRoot())
      }
    }
  }

  func testNUTSWithTheLowRankMetricSamplesACorrelatedGaussianWithShorterTrajectories() throws {
    var settings = SamplerSettings()
    settings.chains = 4
    settings.warmup = 1000
    settings.draws = 1000
    settings.metricAdaptation = .lowRank
    let lowRank = try sampleChains(settings: settings, seed: 606) {
      DenseGaussianTarget(dimension: 10, correlation: 0.99)
    }
    let reference = DenseGaussianTarget(dimension: 10, correlation: 0.99)
    for index in 0..<10 {
      let series = lowRank.map { chain in
        (0..<chain.drawCount).map { chain.positions[10 * $0 + index] }
      }
      let mean = BatchMeansMCSE.mean(series)
      let variance = BatchMeansMCSE.variance(series)
      XCTAssertLessThan(mean.zScore(truth: 0), 4.5, "mean[\(index)] \(mean)")
      XCTAssertLessThan(
        variance.zScore(truth: reference.variance(index)), 4.5, "variance[\(index)] \(variance)")
    }
    settings.metricAdaptation = .stanWindowedVariance
    let diagonal = try sampleChains(settings: settings, seed: 606) {
      DenseGaussianTarget(dimension: 10, correlation: 0.99)
    }
    let leapfrogs = { (chains: [ChainResult]) in
      chains.reduce(0) { $0 + $1.statistics.leapfrogSteps.reduce(0, +) }
    }
    // All ten coordinates share one correlation: after warm-up the diagonal metric needs long
    // trajectories along the ridge (condition number about 1,000), the low-rank one, which
    // holds every direction, does not (measured: 26,048 against 76,656 leapfrogs).
    print(
      "sampling leapfrogs: low rank \(leapfrogs(lowRank)), diagonal \(leapfrogs(diagonal))")
    XCTAssertLessThan(2 * leapfrogs(lowRank), leapfrogs(diagonal))
  }
}

/// N(0, Σ) on R^d with Σ_ii = s_i² (s from 0.1 to 10) and correlation `correlation`
/// between every pair: one long direction that no diagonal metric can remove.
final class DenseGaussianTarget: LogDensity {
  let dimension: Int
  private let precision: [Double]
  private let covariance: [Double]

  init(dimension d: Int, correlation rho: Double) {
    dimension = d
    let scales = (0..<d).map { pow(10, -1 + 2 * Double($0) / Double(max(d - 1, 1))) }
    covariance = (0..<(d * d)).map { index in
      let (i, j) = (index / d, index % d)
      return scales[i] * scales[j] * (i == j ? 1 : rho)
    }
    precision = SymmetricEigen(matrix: covariance, order: d)!.function { 1 / $0 }
  }

  func variance(_ i: Int) -> Double { covariance[i * dimension + i] }

  func logDensity(
    at position: UnsafeBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    var value = 0.0
    for i in 0..<dimension {
      var sum = 0.0
      for j in 0..<dimension { sum += precision[i * dimension + j] * position[j] }
      gradient[i] = -sum
      value -= 0.5 * position[i] * sum
    }
    return value
  }
}
