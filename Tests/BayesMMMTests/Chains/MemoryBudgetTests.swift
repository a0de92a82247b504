import XCTest

@testable import BayesMMM

/// Runs too large for the machine are refused before they start (issue 12, defect 7).
final class MemoryBudgetTests: XCTestCase {
  func testChainsThatCannotFitAreRefusedBeforeAnyChainStarts() {
    var settings = SamplerSettings()
    settings.chains = 4
    settings.warmup = 0
    settings.draws = 1_000_000_000
    let factory = ClosureLogDensityFactory { IndependentGaussianTarget(scales: [1, 2, 3]) }
    XCTAssertThrowsError(try runChains(factory: factory, settings: settings, seed: 1, threads: 2)) {
      error in
      guard case SamplerError.insufficientMemory(let needed, _, let what, _) = error else {
        return XCTFail("\(error)")
      }
      XCTAssertEqual(needed, 4e9 * 10 * 8)
      XCTAssertEqual(what, "4 chains x 1000000000 draws x 3 parameters")
    }
  }

  func testAbsurdSizesGiveAFiniteEstimateInsteadOfAnOverflow() {
    let bytes = MemoryBudget.runBytes(
      chains: Int.max, draws: Int.max, dimension: 60, generatedColumns: 62 + 520,
      mediatorPaths: Int.max, weeks: 104, threads: 2)
    XCTAssertTrue(bytes.isFinite)
    XCTAssertGreaterThan(bytes, 1e40)
    XCTAssertThrowsError(try MemoryBudget.check(bytes, what: "x", available: 24 * 1_073_741_824))
  }

  func testTheDefaultRunFitsWithRoomToSpare() throws {
    // 62 effect columns and 5 x 104 log-likelihood columns.
    let bytes = MemoryBudget.runBytes(
      chains: 4, draws: 1000, dimension: 60, generatedColumns: 62 + 520, mediatorPaths: 10,
      weeks: 104, threads: 2)
    XCTAssertLessThan(bytes, 128 * 1_048_576)
    XCTAssertNoThrow(try MemoryBudget.check(bytes, what: "default", available: 1_073_741_824))
  }

  func testMessageSaysWhatWasAskedAndWhatTheMachineHas() {
    let error = SamplerError.insufficientMemory(
      needed: 2.5 * 1_099_511_627_776, available: 24 * 1_073_741_824,
      what: "4 chains x 1000000000 draws x 122 columns", advice: MemoryBudget.samplingAdvice)
    XCTAssertEqual(
      error.description,
      "This run needs about 2.5 TiB of memory (4 chains x 1000000000 draws x 122 columns), "
        + "more than the 19.2 GiB it may use of this machine's 24.0 GiB. Lower --draws or "
        + "--chains (or --mediator-paths).")
    XCTAssertEqual(MemoryBudget.text(bytes: 512), "512 bytes")
    XCTAssertEqual(MemoryBudget.text(bytes: .infinity), "more than 1024 EiB")
  }
}
