import Foundation
import XCTest

@testable import BayesMMM

/// Cost of the effects per posterior draw on the real data (4 social channels, 104 weeks),
/// single-threaded: what `sample` adds per draw on top of NUTS. Reported as wall time and as
/// the thread's CPU time (steadier on a shared machine).
final class EffectBenchmarkTests: XCTestCase {
  private static func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + 1e-9 * Double(time.tv_nsec)
  }

  func testEffectCostPerDrawOnRealData() throws {
    let model = try TestModels.realDataModel()
    let calculator = EffectCalculator(model: model)
    let rng = GSLRandom(runSeed: 3)
    let draws = 200
    let parameters = (0..<draws).flatMap { _ in
      model.constrain((0..<model.dimension).map { _ in rng.uniform(-1, 1) })
    }
    for paths in [1, 10, 40] {
      let start = MonotonicClock.seconds()
      let cpuStart = Self.threadCPUSeconds()
      let table = ChainEffects.table(
        calculator: calculator, constrainedDraws: parameters, parameterCount: model.dimension,
        paths: paths, random: GSLRandom(runSeed: 4))
      let seconds = MonotonicClock.seconds() - start
      let cpu = Self.threadCPUSeconds() - cpuStart
      print(
        "benchmark effects: \(paths) mediator paths, "
          + String(
            format: "%.3f ms wall, %.3f ms CPU per draw", 1000 * seconds / Double(draws),
            1000 * cpu / Double(draws)))
      XCTAssertEqual(table.count, draws * EffectColumns.count(socialCount: 4))
    }
    let state = ForwardModel(model: model)
    let start = MonotonicClock.seconds()
    for draw in 0..<draws {
      _ = state.state(
        parameters: Array(parameters[draw * model.dimension..<(draw + 1) * model.dimension]))
    }
    print(
      "benchmark effects: forward state alone "
        + String(
          format: "%.3f ms per draw", 1000 * (MonotonicClock.seconds() - start) / Double(draws)))
  }
}
