import Foundation
import XCTest

@testable import BayesMMM

/// Posterior moments against known truths, judged by Monte Carlo error:
/// |estimate - truth| / MCSE < 4, with MCSE by pooled batch means (20 batches per chain).
/// Seeds are fixed, so each run is the same; `BAYES_MMM_SLOW=1` repeats the checks over many
/// seeds in `SamplerCalibrationTests`.
final class SamplerPosteriorTests: XCTestCase {
  static let zLimit = 4.0

  /// Asserts mean and variance of every coordinate against truths; also checks that the
  /// z-scores are not too large on average (Σ z² over k coordinates ≈ χ²_k).
  func assertMoments(
    _ chains: [ChainResult], means: [Double], variances: [Double], label: String,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    var sumSquaredZ = 0.0
    for index in means.indices {
      let series = coordinateSeries(chains, index)
      let mean = BatchMeansMCSE.mean(series)
      let variance = BatchMeansMCSE.variance(series)
      let zMean = mean.zScore(truth: means[index])
      let zVariance = variance.zScore(truth: variances[index])
      sumSquaredZ += zMean * zMean + zVariance * zVariance
      XCTAssertLessThan(
        zMean, Self.zLimit,
        "\(label)[\(index)] mean \(mean.estimate) vs \(means[index]), MCSE \(mean.mcse)",
        file: file, line: line)
      XCTAssertLessThan(
        zVariance, Self.zLimit,
        "\(label)[\(index)] variance \(variance.estimate) vs \(variances[index]), "
          + "MCSE \(variance.mcse)", file: file, line: line)
    }
    // Σ z² over 2k roughly χ²_{2k}: mean 2k, sd 2√k; allow 4 sd.
    let k = Double(means.count)
    XCTAssertLessThan(
      sumSquaredZ, 2 * k + 4 * 2 * k.squareRoot(), "\(label): z-scores too large overall",
      file: file, line: line)
  }

  func testStandardNormal100DimensionalMomentsWithinMonteCarloError() throws {
    var settings = SamplerSettings()
    settings.chains = 4
    settings.warmup = 500
    settings.draws = 1000
    let chains = try sampleChains(settings: settings, seed: 101) {
      IndependentGaussianTarget(scales: [Double](repeating: 1, count: 100))
    }
    assertMoments(
      chains, means: [Double](repeating: 0, count: 100),
      variances: [Double](repeating: 1, count: 100), label: "normal100")
    XCTAssertEqual(chains.reduce(0) { $0 + $1.statistics.divergences }, 0)
  }

  func testCorrelatedGaussianMomentsWithinMonteCarloError() throws {
    var settings = SamplerSettings()
    settings.chains = 4
    settings.warmup = 1000
    settings.draws = 2000
    let chains = try sampleChains(settings: settings, seed: 202) {
      CorrelatedGaussianTarget(rho: 0.95)
    }
    assertMoments(chains, means: [0, 0], variances: [1, 1], label: "correlated")
    // The cross moment E[xy] = 0.95.
    let products = chains.map { chain in
      (0..<chain.drawCount).map { chain.positions[2 * $0] * chain.positions[2 * $0 + 1] }
    }
    let crossMoment = BatchMeansMCSE.mean(products)
    XCTAssertLessThan(crossMoment.zScore(truth: 0.95), Self.zLimit, "E[xy] \(crossMoment)")
  }

  func testBadlyScaledGaussianMomentsWithinMonteCarloError() throws {
    let scales = (0..<10).map { pow(10, -2 + 4 * Double($0) / 9) }  // 0.01 ... 100
    var settings = SamplerSettings()
    settings.chains = 4
    settings.warmup = 1000
    settings.draws = 1000
    let chains = try sampleChains(settings: settings, seed: 303) {
      IndependentGaussianTarget(scales: scales)
    }
    assertMoments(
      chains, means: [Double](repeating: 0, count: 10), variances: scales.map { $0 * $0 },
      label: "scaled")
    // The adapted inverse metric tracks the variances to within a factor of 2.
    for chain in chains {
      for (estimate, scale) in zip(chain.inverseMetric, scales) {
        XCTAssertEqual(log(estimate / (scale * scale)), 0, accuracy: log(2.0))
      }
    }
  }

  func testBadlyScaledGaussianWithDrawsAndGradientsMetric() throws {
    let scales = (0..<10).map { pow(10, -2 + 4 * Double($0) / 9) }
    var settings = SamplerSettings()
    settings.chains = 4
    settings.warmup = 1000
    settings.draws = 1000
    settings.metricAdaptation = .drawsAndGradients
    let chains = try sampleChains(settings: settings, seed: 304) {
      IndependentGaussianTarget(scales: scales)
    }
    assertMoments(
      chains, means: [Double](repeating: 0, count: 10), variances: scales.map { $0 * $0 },
      label: "scaled-grad")
    // On a Gaussian, sqrt(var(draws) / var(gradients)) recovers the variance almost exactly.
    for chain in chains {
      for (estimate, scale) in zip(chain.inverseMetric, scales) {
        XCTAssertEqual(log(estimate / (scale * scale)), 0, accuracy: 0.2)
      }
    }
  }

  func testEightSchoolsNonCentredAgainstQuadrature() throws {
    let reference = EightSchoolsReference.compute()
    var settings = SamplerSettings()
    settings.chains = 4
    settings.warmup = 1000
    settings.draws = 4000
    let chains = try sampleChains(settings: settings, seed: 404) {
      EightSchoolsNonCentredTarget()
    }
    let mu = coordinateSeries(chains, 0)
    let logTau = coordinateSeries(chains, 1)
    let tau = logTau.map { $0.map(exp) }
    var checks: [(String, BatchMeansEstimate, Double)] = [
      ("mean mu", BatchMeansMCSE.mean(mu), reference.meanMu),
      ("var mu", BatchMeansMCSE.variance(mu), reference.varianceMu),
      ("mean log tau", BatchMeansMCSE.mean(logTau), reference.meanLogTau),
      ("var log tau", BatchMeansMCSE.variance(logTau), reference.varianceLogTau),
      ("mean tau", BatchMeansMCSE.mean(tau), reference.meanTau),
    ]
    for j in 0..<8 {
      let theta = chains.map { chain in
        (0..<chain.drawCount).map { k -> Double in
          let row = k * chain.dimension
          return chain.positions[row] + exp(chain.positions[row + 1]) * chain.positions[row + 2 + j]
        }
      }
      checks.append(("mean theta[\(j)]", BatchMeansMCSE.mean(theta), reference.meanTheta[j]))
      checks.append(("var theta[\(j)]", BatchMeansMCSE.variance(theta), reference.varianceTheta[j]))
    }
    for (name, estimate, truth) in checks {
      XCTAssertLessThan(
        estimate.zScore(truth: truth), Self.zLimit,
        "eight schools \(name): \(estimate.estimate) vs \(truth), MCSE \(estimate.mcse)")
    }
    let divergences = chains.reduce(0) { $0 + $1.statistics.divergences }
    XCTAssertLessThan(divergences, 40, "non-centred eight schools should rarely diverge")
  }
}
