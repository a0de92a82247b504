import XCTest

@testable import BayesMMM

final class RandomStreamsTests: XCTestCase {
  /// More chains, simulations or series than any run will use.
  private let members = 100_000

  /// Families drawn with the same seed: each covers `members` streams, except a family that
  /// is one stream (a single generator), checked as such.
  private func assertDisjoint(
    _ families: [RandomStreamFamily], single: Set<String>, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    let ranges = families.map { family in
      (family.name, family.streams(count: single.contains(family.name) ? 1 : members))
    }
    for (i, first) in ranges.enumerated() {
      for second in ranges[(i + 1)...] {
        XCTAssertFalse(
          first.1.overlaps(second.1), "\(first.0) and \(second.0) share a stream", file: file,
          line: line)
      }
    }
  }

  func testTheFamiliesOfARunSeedNeverShareAStream() {
    let single: Set = [
      RandomStreams.posteriorPredictive.name, RandomStreams.reportPredictive.name,
      RandomStreams.forecast.name, RandomStreams.contributions.name,
      RandomStreams.priorShift.name,
    ]
    assertDisjoint(RandomStreams.runSeedFamilies, single: single)
  }

  func testTheFamiliesOfASimulationSeedNeverShareAStream() {
    let single: Set = [
      RandomStreams.simulatedTruth.name, RandomStreams.simulatedOutcome.name,
      RandomStreams.simulatedEffects.name,
    ]
    assertDisjoint(RandomStreams.simulationSeedFamilies, single: single)
  }

  func testValidationFoldsAreDisjointFromBelow500ChainsAndFromTheEffects() {
    let folds = RandomStreams.rollingOriginFolds.streams(count: members)
    XCTAssertFalse(folds.overlaps(RandomStreams.chains.streams(count: 500)))
    XCTAssertFalse(folds.overlaps(RandomStreams.effects.streams(count: members)))
  }

  func testTheStreamNumbersAreTheOnesChainFilesWereWrittenWith() {
    XCTAssertEqual(RandomStreams.chains.stream(3), 3)
    XCTAssertEqual(RandomStreams.effects.stream(2), 1_000_002)
    XCTAssertEqual(RandomStreams.rollingOriginFolds.stream(1), 501)
    XCTAssertEqual(RandomStreams.campaignSeries.first, 1000)
    XCTAssertEqual(RandomStreams.calibrationSimulations.stream(4), 1_000_004)
    XCTAssertEqual(RandomStreams.posteriorPredictive.first, 2_000_000)
    XCTAssertEqual(RandomStreams.reportPredictive.first, 3_000_000)
    XCTAssertEqual(RandomStreams.priorShift.first, 0x7072_696F_725F_7364)
    XCTAssertEqual(RandomStreams.simulatedTruth.first, 1)
    XCTAssertEqual(RandomStreams.simulatedOutcome.first, 2)
    XCTAssertEqual(RandomStreams.simulatedEffects.first, 3)
  }
}
