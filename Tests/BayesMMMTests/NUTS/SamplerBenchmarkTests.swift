import Foundation
import XCTest
@testable import BayesMMM

/// Throughput of the sampler on a 100-d standard normal (a cheap gradient, so this measures
/// the sampler's own overhead), and a probe for allocations in the hot path.
final class SamplerBenchmarkTests: XCTestCase {
  func testGradientThroughputOn100DimensionalNormal() throws {
    var settings = SamplerSettings()
    settings.chains = 1
    settings.warmup = 1000
    settings.draws = slowTestsEnabled ? 20_000 : 2000
    let result = try runChain(
      target: IndependentGaussianTarget(scales: [Double](repeating: 1, count: 100)),
      settings: settings, random: GSLRandom(runSeed: 99))
    let perSecond = Double(result.gradientEvaluations) / result.wallTime
    let meanAccept = result.statistics.acceptStat.reduce(0, +) / Double(result.drawCount)
    let meanLeapfrog =
      Double(result.statistics.leapfrogSteps.reduce(0, +)) / Double(result.drawCount)
    print(
      "benchmark normal100: \(result.gradientEvaluations) gradients in "
        + String(format: "%.3f s = %.3g gradients/s", result.wallTime, perSecond)
        + String(format: ", mean accept_stat %.3f, mean n_leapfrog %.2f, step size %.3f",
          meanAccept, meanLeapfrog, result.stepSize))
    XCTAssertGreaterThan(perSecond, 0)
  }

  /// Runs `BAYES_MMM_ALLOC_PROBE` transitions and nothing else, for a heap profiler:
  /// comparing the allocation counts of two runs with different numbers of transitions
  /// shows what each transition allocates (see `scripts/measure-sampler-allocations.sh`).
  func testAllocationProbe() throws {
    let value = ProcessInfo.processInfo.environment["BAYES_MMM_ALLOC_PROBE"]
    let transitions = try XCTUnwrap(Int(value ?? "0"))
    try XCTSkipIf(transitions == 0, "set BAYES_MMM_ALLOC_PROBE=<transitions> to run")
    let kernel = NUTSKernel(
      target: IndependentGaussianTarget(scales: [Double](repeating: 1, count: 20)),
      maxTreeDepth: 10, maxEnergyError: 1000, random: GSLRandom(runSeed: 1))
    XCTAssertTrue(kernel.setPosition([Double](repeating: 0.1, count: 20)))
    var leapfrogs = 0
    for _ in 0..<transitions { leapfrogs += kernel.transition(stepSize: 0.4).leapfrogSteps }
    print("allocation probe: \(transitions) transitions, \(leapfrogs) leapfrog steps")
  }
}
