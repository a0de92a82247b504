import Foundation
import XCTest

@testable import BayesMMM

/// Warm-up pieces: the schedule, dual averaging, Welford variance, the step-size heuristic,
/// the metric estimators, and the adapted acceptance statistic.
final class SamplerAdaptationTests: XCTestCase {
  func testDefaultScheduleMatchesStansWindows() {
    let schedule = WarmupSchedule(warmupIterations: 1000)
    XCTAssertEqual(schedule.metricWindows, [75..<100, 100..<150, 150..<250, 250..<450, 450..<950])
    XCTAssertFalse(schedule.collectsMetricDraw(at: 74))
    XCTAssertTrue(schedule.collectsMetricDraw(at: 75))
    XCTAssertTrue(schedule.collectsMetricDraw(at: 949))
    XCTAssertFalse(schedule.collectsMetricDraw(at: 950))
    XCTAssertEqual((0..<1000).filter(schedule.endsMetricWindow), [99, 149, 249, 449, 949])
  }

  func testScheduleStretchesTheLastWindowButNeverTheFirst() {
    // Slow stage 75 ..< 120: the second window (size 50) would overrun, so it is cut to 120.
    XCTAssertEqual(WarmupSchedule(warmupIterations: 170).metricWindows, [75..<100, 100..<120])
    // Exactly the three stages: one window.
    XCTAssertEqual(WarmupSchedule(warmupIterations: 150).metricWindows, [75..<100])
    // 2000 iterations: 75 + 25 + 50 + 100 + 200 + 400 and a stretched 1100.
    XCTAssertEqual(
      WarmupSchedule(warmupIterations: 2000).metricWindows,
      [75..<100, 100..<150, 150..<250, 250..<450, 450..<850, 850..<1950])
  }

  func testShortWarmupFallsBackLikeStan() {
    // 75 + 25 + 50 > 100: 15% / 75% / 10%.
    let short = WarmupSchedule(warmupIterations: 100)
    XCTAssertEqual(short.initBuffer, 15)
    XCTAssertEqual(short.termBuffer, 10)
    XCTAssertEqual(short.baseWindow, 75)
    XCTAssertEqual(short.metricWindows, [15..<90])
    // Fewer than 20: no metric adaptation at all.
    XCTAssertEqual(WarmupSchedule(warmupIterations: 19).metricWindows, [])
    XCTAssertEqual(WarmupSchedule(warmupIterations: 0).metricWindows, [])
    // 20 exactly: 3 / 15 / 2.
    XCTAssertEqual(WarmupSchedule(warmupIterations: 20).metricWindows, [3..<18])
  }

  func testDualAveragingFollowsItsRecurrence() {
    var adapter = DualAveraging(mu: log(10))
    // Acceptance exactly at target: s̄ stays 0, x = μ, x̄ = μ after the first update.
    XCTAssertEqual(adapter.update(acceptStat: 0.8), 10, accuracy: 1e-12)
    XCTAssertEqual(adapter.finalStepSize, 10, accuracy: 1e-12)
    // Then α = 0: s̄ = (1 - 1/12)·0 + 0.8/12, x = log 10 - √2 s̄ / 0.05,
    // x̄ = (1 - 2^-0.75) log 10 + 2^-0.75 x.
    let expectedGap = 0.8 / 12
    let expectedLog = log(10) - 2.0.squareRoot() * expectedGap / 0.05
    XCTAssertEqual(adapter.update(acceptStat: 0), exp(expectedLog), accuracy: 1e-12)
    let weight = pow(2, -0.75)
    XCTAssertEqual(
      log(adapter.finalStepSize), (1 - weight) * log(10) + weight * expectedLog, accuracy: 1e-12)
    // Acceptance statistics above 1 are capped.
    var capped = DualAveraging(mu: 0)
    var uncapped = DualAveraging(mu: 0)
    XCTAssertEqual(capped.update(acceptStat: 3), uncapped.update(acceptStat: 1))
    adapter.restart(aroundStepSize: 0.5)
    XCTAssertEqual(adapter.mu, log(5), accuracy: 1e-12)
    XCTAssertEqual(adapter.iteration, 0)
  }

  func testWelfordMatchesTwoPassVariance() {
    let random = GSLRandom(runSeed: 3)
    let values = (0..<1000).map { _ in [random.normal(mean: 1e6, sd: 3), random.standardNormal()] }
    var estimator = WelfordVariance(dimension: 2)
    for var row in values { row.withUnsafeMutableBufferPointer { estimator.add($0.baseAddress!) } }
    for i in 0..<2 {
      let column = values.map { $0[i] }
      let mean = column.reduce(0, +) / 1000
      let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 999
      XCTAssertEqual(estimator.sampleVariance()[i], variance, accuracy: 1e-9 * variance)
    }
    estimator.restart()
    XCTAssertEqual(estimator.count, 0)
    XCTAssertEqual(estimator.sampleVariance(), [0, 0])
  }

  func testStanMetricIsRegularisedTowardsOneThousandth() {
    var estimator = MetricEstimator(method: .stanWindowedVariance, dimension: 1)
    var draws: [Double] = [1, 3]  // sample variance 2, n = 2
    var gradient = [0.0]
    for i in 0..<2 {
      withUnsafeMutablePointer(to: &draws[i]) { q in
        gradient.withUnsafeMutableBufferPointer {
          estimator.add(position: q, gradient: $0.baseAddress!)
        }
      }
    }
    XCTAssertEqual(estimator.inverseMetric().diagonal[0], (2.0 / 7) * 2 + 1e-3 * (5.0 / 7), accuracy: 1e-15)
  }

  func testDrawsAndGradientsMetricIsExactOnAGaussian() {
    // For N(0, s²) the gradient is -x/s², so sqrt(var(x) / var(g)) = s² for any draws.
    var estimator = MetricEstimator(method: .drawsAndGradients, dimension: 1)
    for x in [-1.0, 0.5, 2.0] {
      var position = x
      var gradient = -x / 9
      withUnsafeMutablePointer(to: &position) { q in
        withUnsafeMutablePointer(to: &gradient) { g in estimator.add(position: q, gradient: g) }
      }
    }
    XCTAssertEqual(estimator.inverseMetric().diagonal[0], 9, accuracy: 1e-12)
  }

  func testStepSizeHeuristicStopsWhereOneStepIsAcceptedWithProbabilityAboutPointEight() throws {
    // A model energy drop -ε²: crosses log 0.8 at ε = sqrt(-log 0.8) ≈ 0.472.
    let down = try StepSizeHeuristic.search(from: 1) { -$0 * $0 }
    XCTAssertEqual(down, 0.25)  // 1 → 0.5 → 0.25, the first below 0.472
    let up = try StepSizeHeuristic.search(from: 0.01) { -$0 * $0 }
    XCTAssertEqual(up, 0.64, accuracy: 1e-15)  // doubling from 0.01 past 0.472
    XCTAssertThrowsError(try StepSizeHeuristic.search(from: 1) { _ in 0 }) { error in
      XCTAssertEqual(error as? StepSizeHeuristic.Failure, .stepSizeTooLarge)
    }
    XCTAssertThrowsError(try StepSizeHeuristic.search(from: 1) { _ in .nan }) { error in
      XCTAssertEqual(error as? StepSizeHeuristic.Failure, .stepSizeVanished)
    }
  }

  func testFinalStepSizeIsKeptWhenNoDualAveragingFollowsTheLastMetricUpdate() {
    var windows = WarmupWindowSettings()
    windows.termBuffer = 0
    let schedule = WarmupSchedule(warmupIterations: 200, windows: windows)
    var adaptation = WindowedAdaptation(
      schedule: schedule, dualAveraging: .init(), metric: .stanWindowedVariance, dimension: 1,
      stepSize: 1)
    var position = 0.0
    var gradient = 0.0
    var lastStep: WindowedAdaptation.Step = .stepSize(1)
    for iteration in 0..<200 {
      position = Double(iteration % 7)
      lastStep = withUnsafeMutablePointer(to: &position) { q in
        withUnsafeMutablePointer(to: &gradient) { g in
          adaptation.learn(iteration: iteration, acceptStat: 0.8, position: q, gradient: g)
        }
      }
      if case .metricUpdated = lastStep { adaptation.restartStepSize(around: 0.3) }
    }
    guard case .metricUpdated = lastStep else { return XCTFail("the last iteration ends a window") }
    XCTAssertEqual(adaptation.finalStepSize(current: 0.3), 0.3)
  }

  /// Dual averaging drives the mean acceptance statistic to δ. With Stan's default 50-iteration
  /// terminal buffer the final exp(x̄) is biased low (mean accept_stat ≈ 0.86 on this target,
  /// as in Stan), so the check gives the step size a long terminal buffer to converge.
  func testAdaptedStepSizeGivesTargetAcceptance() throws {
    var settings = SamplerSettings()
    settings.chains = 4
    settings.warmup = 6000
    settings.windows.termBuffer = 5000
    settings.draws = 2000
    let chains = try sampleChains(settings: settings, seed: 505) {
      IndependentGaussianTarget(scales: [Double](repeating: 1, count: 100))
    }
    let accept = BatchMeansMCSE.mean(chains.map { $0.statistics.acceptStat })
    XCTAssertLessThan(
      accept.zScore(truth: 0.8), 4, "mean accept_stat \(accept.estimate), MCSE \(accept.mcse)")

    // And a different δ is honoured too.
    settings.targetAccept = 0.95
    let strict = try sampleChains(settings: settings, seed: 506) {
      IndependentGaussianTarget(scales: [Double](repeating: 1, count: 100))
    }
    let strictAccept = BatchMeansMCSE.mean(strict.map { $0.statistics.acceptStat })
    XCTAssertLessThan(
      strictAccept.zScore(truth: 0.95), 4,
      "mean accept_stat \(strictAccept.estimate), MCSE \(strictAccept.mcse)")
    XCTAssertLessThan(strict[0].stepSize, chains[0].stepSize)
  }
}
