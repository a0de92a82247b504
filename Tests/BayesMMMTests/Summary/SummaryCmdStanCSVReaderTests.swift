import Foundation
import XCTest

@testable import BayesMMM

/// The chain-file reader (Output/CmdStanCSVReader) reads back exactly what `CmdStanCSV` writes.
final class SummaryCmdStanCSVReaderTests: XCTestCase {
  private func chainResult(draws: Int, dimension: Int) -> ChainResult {
    var statistics = SamplerStatistics()
    for k in 0..<draws {
      statistics.logDensity.append(-100 - Double(k) / 3)
      statistics.acceptStat.append(0.8 + Double(k % 5) / 50)
      statistics.stepSize.append(0.1928979356847256)
      statistics.treeDepth.append(3 + k % 3)
      statistics.leapfrogSteps.append(7 + k)
      statistics.divergent.append(k == 2)
      statistics.energy.append(110 + sin(Double(k)))
    }
    return ChainResult(
      chain: 1, dimension: dimension, positions: [], statistics: statistics,
      initialPosition: [], warmupIterations: 10, warmupDivergences: 0,
      stepSize: 0.1928979356847256, inverseMetric: (0..<dimension).map { 1 / Double($0 + 3) },
      gradientEvaluations: 0, wallTime: 0, wasCancelled: false)
  }

  func testRoundTripsTheWritersOutputBitForBit() throws {
    let columns = ["beta.1", "beta.2", "sigma", "te_zero.1"]
    let result = chainResult(draws: 6, dimension: 3)
    var random = SystemRandomNumberGenerator()
    var draws = (0..<(6 * columns.count)).map { _ in Double.random(in: -1e6...1e6, using: &random) }
    draws[1] = .nan
    draws[2] = .infinity
    draws[3] = -.infinity
    draws[4] = 1e-300
    draws[5] = -0.0
    let header = CmdStanCSV.Header(
      settings: SamplerSettings(), seed: 42, chain: 1, dataFile: "data.csv",
      outputFile: "chain-2.csv")
    let text = CmdStanCSV.chainFile(header: header, columns: columns, draws: draws, result: result)
    let file = try CmdStanCSVReader.parse(text, path: "chain-2.csv")
    XCTAssertEqual(file.columns, CmdStanCSV.statisticColumns + columns)
    XCTAssertEqual(file.modelColumns, columns)
    XCTAssertEqual(file.drawCount, 6)
    XCTAssertEqual(file.stepSize, result.stepSize)
    XCTAssertEqual(file.inverseMetric, result.inverseMetric)
    let read = try XCTUnwrap(file.rows(of: columns))
    XCTAssertEqual(read.count, draws.count)
    for (actual, expected) in zip(read, draws) {
      XCTAssertEqual(actual.bitPattern, expected.bitPattern, "\(actual) vs \(expected)")
    }
    XCTAssertEqual(file.column(named: "lp__"), result.statistics.logDensity)
    XCTAssertEqual(file.column(named: "energy__"), result.statistics.energy)
    XCTAssertEqual(file.column(named: "treedepth__"), result.statistics.treeDepth.map(Double.init))
    XCTAssertEqual(file.column(named: "divergent__"), [0, 0, 1, 0, 0, 0])
  }

  func testWindowsLineEndingsReadAsTheSameFile() throws {
    let result = chainResult(draws: 4, dimension: 2)
    let header = CmdStanCSV.Header(
      settings: SamplerSettings(), seed: 7, chain: 1, dataFile: "data.csv",
      outputFile: "chain-2.csv")
    let text = CmdStanCSV.chainFile(
      header: header, columns: ["a", "b"], draws: [1, 2, 3, 4, 5, 6, 7, 8.5], result: result)
    let unix = try CmdStanCSVReader.parse(text, path: "chain-2.csv")
    let windows = try CmdStanCSVReader.parse(
      text.replacingOccurrences(of: "\n", with: "\r\n"), path: "chain-2.csv")
    XCTAssertEqual(windows.columns, unix.columns)
    XCTAssertEqual(windows.values, unix.values)
    XCTAssertEqual(windows.stepSize, unix.stepSize)
    XCTAssertEqual(windows.inverseMetric, unix.inverseMetric)
    XCTAssertEqual(windows.headerSeed, 7)
  }

  func testErrorsNameTheFileAndLine() {
    let header = (CmdStanCSV.statisticColumns + ["x"]).joined(separator: ",")
    let cases: [(String, Int?, String)] = [
      ("# only comments\n", nil, "no header row (the file is empty or truncated)"),
      (header + "\n", nil, "no draws after the header row"),
      (
        "# c\n" + header + "\n1,2,3,4,5,0,7,8\n1,2,3\n", 4,
        "expected 8 fields, found 3 (a truncated file?)"
      ),
      (header + "\n1,2,3,4,5,0,7,eight\n", 2, "column \"x\": \"eight\" is not a number"),
      (
        "a,b\n1,2\n", 1,
        "the header does not start with CmdStan's sampler columns (lp__, "
          + "accept_stat__, stepsize__, treedepth__, n_leapfrog__, divergent__, energy__)"
      ),
    ]
    for (text, line, reason) in cases {
      XCTAssertThrowsError(try CmdStanCSVReader.parse(text, path: "c.csv")) { error in
        XCTAssertEqual(
          error as? CmdStanCSVReader.ReadError, .init(path: "c.csv", line: line, reason: reason))
      }
    }
    XCTAssertThrowsError(try CmdStanCSVReader.read(path: "/nonexistent/chain-1.csv")) { error in
      XCTAssertEqual("\(error)", "/nonexistent/chain-1.csv: no such file")
    }
  }
}
