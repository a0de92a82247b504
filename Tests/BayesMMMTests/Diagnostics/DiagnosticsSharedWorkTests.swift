import Foundation
import XCTest

@testable import BayesMMM

/// The shortcuts that make a run's diagnostics faster give the very bits of the plain
/// computations: the shared FFT twiddle tables, the shared rank normalisation of R-hat and
/// bulk ESS, the one sort of a column's draws, the one-pass count of non-finite draws, and
/// the columns diagnosed in parallel.
final class DiagnosticsSharedWorkTests: XCTestCase {
  private struct XorShift {
    var state: UInt64
    mutating func next() -> Double {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return Double(state >> 11) * 0x1p-53
    }
  }

  /// The transform as it was before the tables: each factor from `cos` and `sin` in place.
  private func transformComputingTwiddles(
    real: inout [Double], imaginary: inout [Double], inverse: Bool
  ) {
    let count = real.count
    guard count > 1 else { return }
    var reversed = 0
    for index in 1..<count {
      var bit = count >> 1
      while reversed & bit != 0 {
        reversed ^= bit
        bit >>= 1
      }
      reversed |= bit
      if index < reversed {
        real.swapAt(index, reversed)
        imaginary.swapAt(index, reversed)
      }
    }
    let sign = inverse ? 1.0 : -1.0
    var span = 1
    while span < count {
      let angleStep = sign * Double.pi / Double(span)
      for offset in 0..<span {
        let angle = angleStep * Double(offset)
        let twiddleReal = cos(angle)
        let twiddleImaginary = sin(angle)
        var lower = offset
        while lower < count {
          let upper = lower + span
          let productReal = twiddleReal * real[upper] - twiddleImaginary * imaginary[upper]
          let productImaginary = twiddleReal * imaginary[upper] + twiddleImaginary * real[upper]
          real[upper] = real[lower] - productReal
          imaginary[upper] = imaginary[lower] - productImaginary
          real[lower] += productReal
          imaginary[lower] += productImaginary
          lower += 2 * span
        }
      }
      span *= 2
    }
  }

  func testTransformWithSharedTwiddlesGivesTheBitsOfTwiddlesComputedInPlace() {
    var random = XorShift(state: 0x1234_5678_9ABC_DEF1)
    for exponent in 0...12 {
      for inverse in [false, true] {
        let count = 1 << exponent
        var real = (0..<count).map { _ in random.next() - 0.5 }
        var imaginary = (0..<count).map { _ in random.next() - 0.5 }
        var expectedReal = real
        var expectedImaginary = imaginary
        RadixTwoFFT.transform(real: &real, imaginary: &imaginary, inverse: inverse)
        transformComputingTwiddles(
          real: &expectedReal, imaginary: &expectedImaginary, inverse: inverse)
        XCTAssertEqual(real.map(\.bitPattern), expectedReal.map(\.bitPattern), "n \(count)")
        XCTAssertEqual(
          imaginary.map(\.bitPattern), expectedImaginary.map(\.bitPattern), "n \(count)")
      }
    }
  }

  func testSharedRankNormalisationGivesTheBitsOfBulkESSAndRHatAlone() {
    var random = XorShift(state: 0xDEAD_BEEF_CAFE_F00D)
    var cases: [[[Double]]] = []
    for seed in 0..<20 {
      let chains = 1 + seed % 4
      let draws = 4 + seed * 17
      cases.append(
        (0..<chains).map { chain in
          (0..<draws).map { _ in random.next() * Double(chain + 1) + Double(seed % 3) }
        })
    }
    cases.append([[1, 1, 1, 1], [1, 1, 1, 1]])
    cases.append([[1, 2, .nan, 4], [1, 2, 3, 4]])
    cases.append([[1, 2, 3], [1, 2, 3]])
    cases.append([[1, 2, 2, 2, 3, 3], [2, 2, 2, 1, 1, 3]])
    for draws in cases {
      let shared = Diagnostics.essBulkAndRHat(draws)
      XCTAssertEqual(shared.essBulk.bitPattern, Diagnostics.essBulk(draws).bitPattern, "\(draws)")
      XCTAssertEqual(shared.rHat.bitPattern, Diagnostics.rHat(draws).bitPattern, "\(draws)")
    }
  }

  func testColumnDiagnosticsEqualEachDiagnosticComputedOnItsOwn() {
    var random = XorShift(state: 0x5EED_0000_0000_0042)
    var cases: [[[Double]]] = (0..<12).map { seed in
      (0..<(1 + seed % 4)).map { _ in (0..<(3 + seed * 23)).map { _ in random.next() * 10 } }
    }
    cases.append([[1, 2, 3, 4, 5], [1, 2, 3]])
    cases.append([[1, .infinity, 3, 4], [1, 2, .nan, 4]])
    cases.append([[2, 2, 2, 2], [2, 2, 2, 2]])
    cases.append([[0.0, -0.0, 1, -0.0], [-0.0, 0.0, 0.0, 2]])
    cases.append([])
    for draws in cases {
      let column = ColumnDiagnostics(name: "x", draws: draws)
      let finite = Diagnostics.finitePooled(draws)
      let expectedMedian =
        Diagnostics.nonFiniteCount(draws) == 0
        ? Diagnostics.quantile(draws, probability: 0.5)
        : Diagnostics.quantile(finite, probability: 0.5)
      XCTAssertEqual(column.median.bitPattern, expectedMedian.bitPattern, "\(draws)")
      XCTAssertEqual(column.essTail.bitPattern, Diagnostics.essTail(draws).bitPattern, "\(draws)")
      XCTAssertEqual(column.essBulk.bitPattern, Diagnostics.essBulk(draws).bitPattern, "\(draws)")
      XCTAssertEqual(column.rHat.bitPattern, Diagnostics.rHat(draws).bitPattern, "\(draws)")
      XCTAssertEqual(
        column.mcseMean.bitPattern, Diagnostics.mcseMean(draws).bitPattern, "\(draws)")
    }
  }

  func testNonFiniteColumnsAreCountedPerColumnInColumnOrder() {
    let columns = ["a", "b", "c"]
    let values: [[Double]] = [
      [1, .nan, 3, 4, .infinity, 6],
      [-.infinity, 2, 3, 4, .nan, 6],
    ]
    let table = DrawTable(columns: columns, values: values)
    XCTAssertEqual(
      NonFiniteColumn.all(in: table),
      [NonFiniteColumn(name: "a", count: 1), NonFiniteColumn(name: "b", count: 3)])
    XCTAssertEqual(NonFiniteColumn.all(in: DrawTable(columns: [], values: [[], []])), [])
  }

  func testColumnsDiagnosedOnTwoThreadsEqualThoseOnOne() throws {
    var random = XorShift(state: 0x0BAD_5EED_0000_0001)
    let width = 9
    let drawCount = 200
    let values = (0..<4).map { _ in (0..<(width * drawCount)).map { _ in random.next() } }
    let table = DrawTable(columns: (1...width).map { "x.\($0)" }, values: values)
    let chains = (0..<4).map { chain in
      var statistics = SamplerStatistics()
      for k in 0..<drawCount {
        statistics.logDensity.append(-Double(k))
        statistics.acceptStat.append(0.9)
        statistics.stepSize.append(0.5)
        statistics.treeDepth.append(3)
        statistics.leapfrogSteps.append(7)
        statistics.divergent.append(false)
        statistics.energy.append(random.next())
      }
      return ChainResult(
        chain: chain, dimension: width, positions: [], statistics: statistics,
        initialPosition: [], warmupIterations: 0, warmupDivergences: 0, stepSize: 0.5,
        inverseMetric: [], gradientEvaluations: 0, wallTime: 0, wasCancelled: false)
    }
    let serial = RunDiagnostics(
      table: table, parameterCount: 7, chains: chains, maxDepth: 10, threads: 1)
    let parallel = RunDiagnostics(
      table: table, parameterCount: 7, chains: chains, maxDepth: 10, threads: 2)
    XCTAssertEqual(serial.parameters.map(\.name), (1...7).map { "x.\($0)" })
    XCTAssertEqual(
      serial.json.serialized(pretty: true), parallel.json.serialized(pretty: true))
  }
}
