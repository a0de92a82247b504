import XCTest

@testable import BayesMMM

extension XCTestCase {
  /// Asserts that `model`'s exact gradient agrees with central differences to 1e-6 relative
  /// at `points` random unconstrained points (`GradientCheck`), naming the worst parameter.
  func assertGradientMatchesFiniteDifferences(
    _ model: JointModel, points: Int, seed: UInt64, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    let check = GradientCheck(density: model.makeLogDensity(), points: points, seed: seed)
    let worst = check.entries.max { $0.relativeError < $1.relativeError }
    XCTAssertLessThan(
      check.maxRelativeError, 1e-6,
      "worst: \(worst.map { model.layout.names[$0.parameter] } ?? "-") \(String(describing: worst))",
      file: file, line: line)
  }
}
