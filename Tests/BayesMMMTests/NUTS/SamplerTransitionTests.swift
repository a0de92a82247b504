import Foundation
import XCTest

@testable import BayesMMM

/// Properties of single NUTS transitions: tree depth, leapfrog counts, divergences.
final class SamplerTransitionTests: XCTestCase {
  func testTreeDepthTwoSaturatesAndIsReported() throws {
    var settings = SamplerSettings()
    settings.chains = 1
    settings.warmup = 0
    settings.draws = 200
    settings.maxDepth = 2
    settings.initialStepSize = 0.01  // far too small to U-turn within 3 steps
    let result = try runChain(
      target: IndependentGaussianTarget(scales: [Double](repeating: 1, count: 10)),
      settings: settings, random: GSLRandom(runSeed: 7))
    XCTAssertEqual(result.drawCount, 200)
    XCTAssertEqual(Set(result.statistics.treeDepth), [2])
    XCTAssertEqual(Set(result.statistics.leapfrogSteps), [3])
    XCTAssertEqual(result.maxDepthSaturations(maxDepth: 2), 200)
    XCTAssertEqual(result.statistics.divergences, 0)
    XCTAssertEqual(Set(result.statistics.stepSize), [0.01])
  }

  func testLeapfrogCountsMatchTreeDepth() throws {
    let kernel = NUTSKernel(
      target: CorrelatedGaussianTarget(rho: 0.95), maxTreeDepth: 10, maxEnergyError: 1000,
      random: GSLRandom(runSeed: 8))
    XCTAssertTrue(kernel.setPosition([0.5, 0.2]))
    var seenDepths = Set<Int>()
    for _ in 0..<500 {
      let before = kernel.hamiltonian.gradientEvaluations
      let info = kernel.transition(stepSize: 0.25)
      seenDepths.insert(info.treeDepth)
      // A trajectory of depth j has 2^j - 1 steps; a rejected last subtree adds up to 2^j.
      XCTAssertGreaterThanOrEqual(info.leapfrogSteps, (1 << info.treeDepth) - 1)
      XCTAssertLessThanOrEqual(info.leapfrogSteps, (1 << (info.treeDepth + 1)) - 1)
      XCTAssertEqual(kernel.hamiltonian.gradientEvaluations - before, info.leapfrogSteps)
      XCTAssertTrue((0...1).contains(info.acceptStat))
      XCTAssertEqual(info.logDensity, kernel.state.logDensity)
      XCTAssertEqual(
        info.energy, -info.logDensity + kernel.metric.kineticEnergy(kernel.state.momentum))
    }
    XCTAssertGreaterThan(seenDepths.count, 1)
  }

  func testNaNRegionGivesDivergencesNotACrash() throws {
    var settings = SamplerSettings()
    settings.chains = 2
    settings.warmup = 300
    settings.draws = 1000
    settings.initRadius = 0.5
    let chains = try sampleChains(settings: settings, seed: 11) {
      NaNRegionTarget(dimension: 2, boundary: 1)
    }
    var divergences = 0
    for chain in chains {
      divergences += chain.statistics.divergences + chain.warmupDivergences
      XCTAssertEqual(chain.drawCount, 1000)
      XCTAssertTrue(chain.stepSize.isFinite && chain.stepSize > 0)
      XCTAssertTrue(chain.statistics.logDensity.allSatisfy(\.isFinite))
      XCTAssertTrue(chain.positions.allSatisfy(\.isFinite))
      for draw in 0..<chain.drawCount {
        XCTAssertLessThanOrEqual(chain.positions[draw * 2], 1, "a draw inside the NaN region")
      }
      // Divergent draws are flagged and keep a finite state.
      for (index, divergent) in chain.statistics.divergent.enumerated() where divergent {
        XCTAssertTrue(chain.statistics.energy[index].isFinite)
      }
    }
    XCTAssertGreaterThan(divergences, 0)
  }

  func testDivergenceThresholdIsTheEnergyError() throws {
    // A step size far beyond the oscillator's stability limit (ε > 2) blows the energy up
    // exponentially: every transition diverges, yet returns a finite state.
    let kernel = NUTSKernel(
      target: IndependentGaussianTarget(scales: [1]), maxTreeDepth: 10, maxEnergyError: 1000,
      random: GSLRandom(runSeed: 9))
    XCTAssertTrue(kernel.setPosition([0.1]))
    var divergent = 0
    for _ in 0..<100 {
      let info = kernel.transition(stepSize: 50)
      if info.divergent { divergent += 1 }
      XCTAssertTrue(info.logDensity.isFinite)
    }
    XCTAssertGreaterThan(divergent, 90)
  }
}
