import XCTest

@testable import BayesMMM

/// The chain file built in one byte buffer is the text built the plain way, one
/// `description` per number: the bytes (and the checksums in run.json) do not depend on
/// how the file is assembled.
final class CmdStanCSVBytesTests: XCTestCase {
  private func chainResult(draws: Int, dimension: Int) -> ChainResult {
    var statistics = SamplerStatistics()
    for k in 0..<draws {
      statistics.logDensity.append(-100 - Double(k) / 3)
      statistics.acceptStat.append(k == 1 ? .nan : 0.8 + Double(k % 5) / 50)
      statistics.stepSize.append(0.1928979356847256)
      statistics.treeDepth.append(3 + k % 3)
      statistics.leapfrogSteps.append(7 + 100 * k)
      statistics.divergent.append(k == 2)
      statistics.energy.append(k == 3 ? .infinity : 110 + sin(Double(k)))
    }
    return ChainResult(
      chain: 0, dimension: dimension, positions: [], statistics: statistics,
      initialPosition: [], warmupIterations: 10, warmupDivergences: 0,
      stepSize: 0.1928979356847256, inverseMetric: (0..<dimension).map { 1 / Double($0 + 3) },
      gradientEvaluations: 0, wallTime: 0, wasCancelled: false)
  }

  /// The rows as the writer built them before the byte buffer: `"\(value)"` per number.
  private func plainRows(_ result: ChainResult, draws: [Double], width: Int) -> String {
    func number(_ value: Double) -> String {
      value.isNaN ? "nan" : value.isInfinite ? (value > 0 ? "inf" : "-inf") : "\(value)"
    }
    let statistics = result.statistics
    var text = ""
    for k in 0..<result.drawCount {
      var row = number(statistics.logDensity[k])
      row += "," + number(statistics.acceptStat[k])
      row += "," + number(statistics.stepSize[k])
      row += ",\(statistics.treeDepth[k]),\(statistics.leapfrogSteps[k])"
      row += statistics.divergent[k] ? ",1," : ",0,"
      row += number(statistics.energy[k])
      for j in 0..<width { row += "," + number(draws[k * width + j]) }
      text += row + "\n"
    }
    return text
  }

  func testChainFileBytesEqualTheTextBuiltOneDescriptionPerNumber() {
    let columns = ["beta.1", "sigma", "te_zero.1", "log_lik.1", "log_lik.2"]
    let drawCount = 40
    let result = chainResult(draws: drawCount, dimension: 2)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var draws = (0..<(drawCount * columns.count)).map { _ -> Double in
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return Double(bitPattern: state)
    }
    draws[0] = -0.0
    draws[1] = 1e16
    draws[2] = 1e-5
    draws[3] = 0.1
    draws[4] = .leastNonzeroMagnitude
    let header = CmdStanCSV.Header(
      settings: SamplerSettings(), seed: 3, chain: 0, dataFile: "data.csv",
      outputFile: "chain-1.csv")
    let bytes = CmdStanCSV.chainFileBytes(
      header: header, columns: columns, draws: draws, result: result)
    let text = String(decoding: bytes, as: UTF8.self)
    let rows = plainRows(result, draws: draws, width: columns.count)
    guard let rowsStart = text.range(of: "\n-100.0,") else {
      return XCTFail("no first row in\n\(text)")
    }
    let ending =
      "# \n#  Elapsed Time: see run.json (kept out of chain files so they are byte-identical)\n# \n"
    XCTAssertEqual(String(text[text.index(after: rowsStart.lowerBound)...]), rows + ending)
    XCTAssertEqual(
      CmdStanCSV.chainFile(header: header, columns: columns, draws: draws, result: result), text)
  }
}
