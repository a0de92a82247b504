import Foundation
import XCTest

@testable import BayesMMM

/// The chain runner and parallel chains: reproducibility, cancellation, progress, errors.
final class SamplerChainRunnerTests: XCTestCase {
  func smallSettings() -> SamplerSettings {
    var settings = SamplerSettings()
    settings.chains = 4
    settings.warmup = 200
    settings.draws = 300
    return settings
  }

  func testSameSeedGivesIdenticalDrawsForOneAndFourThreads() throws {
    let factory = ClosureLogDensityFactory { EightSchoolsNonCentredTarget() }
    let settings = smallSettings()
    let single = try runChains(factory: factory, settings: settings, seed: 77, threads: 1)
    let four = try runChains(factory: factory, settings: settings, seed: 77, threads: 4)
    XCTAssertEqual(single.count, 4)
    for (a, b) in zip(single, four) {
      XCTAssertEqual(a.chain, b.chain)
      XCTAssertEqual(a.positions.map(\.bitPattern), b.positions.map(\.bitPattern))
      XCTAssertEqual(a.statistics, b.statistics)
      XCTAssertEqual(a.initialPosition, b.initialPosition)
      XCTAssertEqual(a.stepSize.bitPattern, b.stepSize.bitPattern)
      XCTAssertEqual(a.inverseMetric, b.inverseMetric)
      XCTAssertEqual(a.gradientEvaluations, b.gradientEvaluations)
    }
    // Chains differ from each other, and another seed gives other draws.
    XCTAssertNotEqual(single[0].positions, single[1].positions)
    let other = try runChains(factory: factory, settings: settings, seed: 78, threads: 2)
    XCTAssertNotEqual(other[0].positions, single[0].positions)
  }

  func testResultShapesAndCounters() throws {
    let settings = smallSettings()
    let chains = try sampleChains(settings: settings) { CorrelatedGaussianTarget(rho: 0.5) }
    for (index, chain) in chains.enumerated() {
      XCTAssertEqual(chain.chain, index)
      XCTAssertEqual(chain.dimension, 2)
      XCTAssertEqual(chain.drawCount, 300)
      XCTAssertEqual(chain.positions.count, 600)
      XCTAssertEqual(chain.warmupIterations, 200)
      XCTAssertFalse(chain.wasCancelled)
      XCTAssertEqual(chain.inverseMetric.count, 2)
      XCTAssertEqual(Array(chain.position(ofDraw: 1)), Array(chain.positions[2..<4]))
      XCTAssertTrue(chain.initialPosition.allSatisfy { abs($0) < 2 })
      // Gradient evaluations: at least every leapfrog step of the kept draws.
      XCTAssertGreaterThan(
        chain.gradientEvaluations, chain.statistics.leapfrogSteps.reduce(0, +))
      XCTAssertGreaterThan(chain.wallTime, 0)
      XCTAssertTrue(chain.statistics.stepSize.allSatisfy { $0 == chain.stepSize })
    }
  }

  func testOnDrawSeesEveryKeptDrawInOrder() throws {
    var settings = smallSettings()
    settings.chains = 1
    var seen: [Double] = []
    var indices: [Int] = []
    let result = try runChain(
      target: CorrelatedGaussianTarget(rho: 0.5), settings: settings,
      random: GSLRandom(runSeed: 1),
      onDraw: { draw, position in
        indices.append(draw)
        seen.append(contentsOf: position)
      })
    XCTAssertEqual(indices, Array(0..<300))
    XCTAssertEqual(seen, result.positions)
  }

  func testProgressIsThrottledToAboutOnePercent() throws {
    var settings = smallSettings()
    settings.chains = 1
    settings.warmup = 1000
    settings.draws = 250
    var reports: [ChainProgress] = []
    _ = try runChain(
      target: IndependentGaussianTarget(scales: [1, 2]), settings: settings,
      random: GSLRandom(runSeed: 2), chain: 3, progress: { reports.append($0) })
    let warmup = reports.filter { $0.phase == .warmup }
    let sampling = reports.filter { $0.phase == .sampling }
    XCTAssertEqual(warmup.count, 100)
    XCTAssertEqual(warmup.last?.iteration, 1000)
    XCTAssertEqual(sampling.map(\.iteration), Array(stride(from: 2, through: 250, by: 2)) + [])
    XCTAssertTrue(reports.allSatisfy { $0.chain == 3 && $0.stepSize > 0 })
    XCTAssertEqual(sampling.last?.iterationsInPhase, 250)
  }

  func testCancellationStopsChainsCleanly() throws {
    var settings = smallSettings()
    settings.warmup = 100_000
    let cancel = CancellationFlag()
    let chains = try runChains(
      factory: ClosureLogDensityFactory { IndependentGaussianTarget(scales: [1, 1]) },
      settings: settings, seed: 3, threads: 2,
      progress: { report in if report.iteration >= 2000 { cancel.cancel() } }, cancel: cancel)
    XCTAssertEqual(chains.count, 4)
    for chain in chains {
      XCTAssertTrue(chain.wasCancelled)
      XCTAssertLessThan(chain.warmupIterations, 100_000)
      XCTAssertEqual(chain.drawCount, 0)
      XCTAssertEqual(chain.positions.count, 0)
    }
  }

  func testUserInitialPointIsUsedAndCheckedForFiniteness() throws {
    var settings = smallSettings()
    settings.chains = 1
    settings.initialPosition = [0.25, -0.5]
    let result = try runChain(
      target: NaNRegionTarget(dimension: 2, boundary: 1), settings: settings,
      random: GSLRandom(runSeed: 4))
    XCTAssertEqual(result.initialPosition, [0.25, -0.5])

    settings.initialPosition = [1.5, 0]
    XCTAssertThrowsError(
      try runChain(
        target: NaNRegionTarget(dimension: 2, boundary: 1), settings: settings,
        random: GSLRandom(runSeed: 4), chain: 2)
    ) { error in
      XCTAssertEqual(error as? SamplerError, .initialPositionRejected(chain: 2))
    }
    settings.initialPosition = [0]
    XCTAssertThrowsError(
      try runChain(
        target: NaNRegionTarget(dimension: 2, boundary: 1), settings: settings,
        random: GSLRandom(runSeed: 4))
    ) { error in
      XCTAssertEqual(
        error as? SamplerError, .dimensionMismatch(what: "initial point", expected: 2, actual: 1))
    }
  }

  func testRandomInitialisationRetriesThenFails() throws {
    var settings = smallSettings()
    // NaN for x_0 > -1.9: only 2.5% of (-2, 2) is usable, so it takes some of the 100 tries.
    let result = try runChains(
      factory: ClosureLogDensityFactory { NaNRegionTarget(dimension: 1, boundary: -1.9) },
      settings: settings, seed: 5, threads: 2)
    XCTAssertTrue(result.allSatisfy { $0.initialPosition[0] <= -1.9 })

    settings.initRadius = 1  // never reaches the usable region
    XCTAssertThrowsError(
      try runChains(
        factory: ClosureLogDensityFactory { NaNRegionTarget(dimension: 1, boundary: -1.9) },
        settings: settings, seed: 5, threads: 2)
    ) { error in
      XCTAssertEqual(
        error as? SamplerError, .initializationFailed(chain: 0, attempts: 100, radius: 1))
      XCTAssertTrue("\(error)".contains("after 100 attempts"))
    }
  }

  func testInvalidSettingsAreRejectedWithAMessage() {
    var settings = SamplerSettings()
    settings.targetAccept = 1
    XCTAssertThrowsError(try settings.validate()) { error in
      XCTAssertEqual(
        error as? SamplerError,
        .invalidSettings("The target acceptance must be strictly between 0 and 1."))
    }
    settings = SamplerSettings()
    settings.maxDepth = 0
    XCTAssertThrowsError(try settings.validate())
    settings = SamplerSettings()
    settings.initialInverseMetric = [1, 0]
    XCTAssertThrowsError(try settings.validate())
    XCTAssertNoThrow(try SamplerSettings().validate())
  }

  func testDefaultsAreStans() {
    let settings = SamplerSettings()
    XCTAssertEqual(settings.warmup, 1000)
    XCTAssertEqual(settings.draws, 1000)
    XCTAssertEqual(settings.maxDepth, 10)
    XCTAssertEqual(settings.targetAccept, 0.8)
    XCTAssertEqual(settings.initRadius, 2)
    XCTAssertEqual(settings.chains, 4)
    XCTAssertEqual(settings.maxEnergyError, 1000)
    XCTAssertEqual(settings.metricAdaptation, .stanWindowedVariance)
    XCTAssertEqual(
      settings.windows, WarmupWindowSettings(initBuffer: 75, termBuffer: 50, baseWindow: 25))
    XCTAssertEqual(
      settings.dualAveraging,
      DualAveragingParameters(targetAcceptance: 0.8, gamma: 0.05, kappa: 0.75, t0: 10))
  }
}
