import XCTest

@testable import BayesMMM

/// `GeometricAdstock.applyAcrossLanes` (eight series, one per lane) against the one-series
/// forms, and `GeometricAdstockGroups` routing each channel to its own row.
final class GeometricAdstockLanesTests: XCTestCase {
  private let lanes = LaneMath.Lanes.scalarCount

  /// Flighted spend: zero runs, bursts and a series that starts late.
  private func series(_ l: Int, weeks: Int) -> [Double] {
    (0..<weeks).map { t in
      l == 3 && t < 20 ? 0 : ((t + 2 * l) % 9 < 4 ? 0 : 0.3 + Double((t * 7 + l * 5) % 11) / 4)
    }
  }

  func testEachLaneEqualsTheOneSeriesAdstockBitForBitAndItsSensitivityToAFewUlp() {
    let weeks = 53
    let decays = [0.05, 0.3, 0.5, 0.7, 0.9, 0.97, 0.999, 0.6]
    var byWeek = [Double](repeating: 0, count: weeks * lanes)
    for l in 0..<lanes {
      for (t, x) in series(l, weeks: weeks).enumerated() { byWeek[t * lanes + l] = x }
    }
    var adstock = [Double](repeating: .nan, count: lanes * weeks)
    var sensitivity = [Double](repeating: .nan, count: lanes * weeks)
    var rows = PathGroups.Offsets.zero
    for l in 0..<lanes { rows[l] = l * weeks }
    var decay = LaneMath.Lanes.zero
    for l in 0..<lanes { decay[l] = decays[l] }
    byWeek.withUnsafeBufferPointer { x in
      adstock.withUnsafeMutableBufferPointer { a in
        sensitivity.withUnsafeMutableBufferPointer { s in
          GeometricAdstock.applyAcrossLanes(
            spendByWeek: x.baseAddress!, weeks: weeks, decay: decay, rows: rows,
            adstock: a.baseAddress!, decaySensitivity: s.baseAddress!)
        }
      }
    }
    for l in 0..<lanes {
      let x = series(l, weeks: weeks)
      var value = [Double](repeating: 0, count: weeks)
      var twoStepValue = value
      var twoStepSensitivity = value
      x.withUnsafeBufferPointer { spend in
        value.withUnsafeMutableBufferPointer {
          GeometricAdstock.apply(spend: spend, decay: decays[l], adstock: $0)
        }
        twoStepValue.withUnsafeMutableBufferPointer { a in
          twoStepSensitivity.withUnsafeMutableBufferPointer { s in
            GeometricAdstock.apply(spend: spend, decay: decays[l], adstock: a, decaySensitivity: s)
          }
        }
      }
      XCTAssertEqual(Array(adstock[l * weeks..<(l + 1) * weeks]), value, "lane \(l)")
      for t in 0..<weeks {
        let scale = max(1, abs(twoStepSensitivity[t]))
        XCTAssertEqual(
          sensitivity[l * weeks + t], twoStepSensitivity[t], accuracy: 1e-13 * scale,
          "lane \(l), week \(t)")
      }
    }
  }

  func testGroupsWriteEveryGeometricChannelToItsRowAndNoOtherRow() {
    // Eleven channels of which nine are geometric: one full group and one of one channel,
    // whose other seven lanes repeat it.
    let stride = 30
    let weeks = 27
    let channels = 11
    let spend = (0..<channels).flatMap { series($0 % lanes, weeks: stride) }
    let geometric = [0, 1, 2, 3, 5, 6, 7, 8, 10]
    let decayIndices = geometric.map { 100 + $0 }
    var values = [Double](repeating: 0, count: 111)
    for c in geometric { values[100 + c] = 0.2 + 0.07 * Double(c) }
    var adstock = [Double](repeating: -1, count: channels * stride)
    var sensitivity = adstock
    spend.withUnsafeBufferPointer { x in
      let groups = GeometricAdstockGroups(
        spend: x.baseAddress!, stride: stride, weeks: weeks, channels: geometric,
        decayIndices: decayIndices)
      XCTAssertEqual(groups.count, 2)
      values.withUnsafeMutableBufferPointer { v in
        adstock.withUnsafeMutableBufferPointer { a in
          sensitivity.withUnsafeMutableBufferPointer { s in
            groups.apply(values: v, adstock: a.baseAddress!, decaySensitivity: s.baseAddress!)
          }
        }
      }
    }
    for c in 0..<channels {
      let row = Array(adstock[c * stride..<(c + 1) * stride])
      guard geometric.contains(c) else {
        XCTAssertEqual(row, [Double](repeating: -1, count: stride), "channel \(c) untouched")
        continue
      }
      var expected = [Double](repeating: 0, count: weeks)
      Array(spend[c * stride..<c * stride + weeks]).withUnsafeBufferPointer { x in
        expected.withUnsafeMutableBufferPointer {
          GeometricAdstock.apply(spend: x, decay: values[100 + c], adstock: $0)
        }
      }
      XCTAssertEqual(Array(row[0..<weeks]), expected, "channel \(c)")
      XCTAssertEqual(
        Array(row[weeks...]), [Double](repeating: -1, count: stride - weeks),
        "channel \(c) past the weeks")
    }
  }
}
