import XCTest

@testable import BayesMMM

/// Axis scales on the ranges real runs produce when data or priors are extreme: ticks must
/// come back (no endless loop), be finite, few and inside the drawn domain.
final class PlotScaleTests: XCTestCase {
  static let awkwardDomains: [(Double, Double)] = [
    (0, 0), (5, 5), (-0.0, 0.0), (1e-320, 1e-320), (.nan, .nan), (.nan, 1), (0, .nan),
    (0, .infinity), (-.infinity, .infinity), (.infinity, .infinity), (1e17, 1e17 + 16),
    (1e20, 1e20), (1e300, 1e300), (-1e300, 1e300), (-1e308, 1e308), (3, 1),
    (-.greatestFiniteMagnitude, .greatestFiniteMagnitude), (1000, 1000.02),
  ]

  func testTicksTerminateAndStayFiniteForDegenerateNonFiniteAndHugeLinearDomains() {
    for domain in Self.awkwardDomains {
      let scale = PlotScale(domain: domain, range: (0, 500))
      let ticks = scale.ticks()
      let label = "domain \(domain)"
      XCTAssertTrue(scale.lower.isFinite && scale.upper.isFinite, label)
      XCTAssertLessThan(scale.lower, scale.upper, label)
      XCTAssertFalse(ticks.isEmpty, label)
      XCTAssertLessThanOrEqual(ticks.count, 20, label)
      for tick in ticks {
        XCTAssertTrue(tick.isFinite, label)
        XCTAssertTrue(scale(tick).isFinite, label)
        XCTAssertTrue(
          tick >= scale.lower - (scale.upper - scale.lower) * 1e-6
            && tick <= scale.upper + (scale.upper - scale.lower) * 1e-6, label)
      }
    }
  }

  func testTicksTerminateAndStayFiniteForAwkwardLogDomains() {
    let domains = Self.awkwardDomains + [(-5, -1), (0, 1e-320), (1e-320, 1e300)]
    for domain in domains {
      let scale = PlotScale(kind: .log10, domain: domain, range: (300, 0))
      let ticks = scale.ticks()
      let label = "domain \(domain)"
      XCTAssertTrue(scale.lower > 0 && scale.upper.isFinite, label)
      XCTAssertGreaterThanOrEqual(scale.upper, scale.lower * 10, label)
      XCTAssertFalse(ticks.isEmpty, label)
      XCTAssertLessThanOrEqual(ticks.count, 700, label)
      XCTAssertTrue(ticks.allSatisfy { $0.isFinite && $0 > 0 && scale($0).isFinite }, label)
    }
  }

  func testConstantDomainIsPaddedAroundItsValue() {
    let scale = PlotScale(domain: (250, 250), range: (0, 100))
    XCTAssertEqual(scale.lower, 225)
    XCTAssertEqual(scale.upper, 275)
    XCTAssertEqual(scale(250), 50)
    let zero = PlotScale(domain: (0, 0), range: (0, 100))
    XCTAssertEqual(zero.lower, -1)
    XCTAssertEqual(zero.upper, 1)
  }

  func testOrdinaryDomainKeepsItsRoundTicks() {
    XCTAssertEqual(
      PlotScale(domain: (0, 400_000), range: (0, 1)).ticks(),
      [0, 100_000, 200_000, 300_000, 400_000])
    XCTAssertEqual(
      PlotScale(kind: .log10, domain: (1, 1e6), range: (0, 1)).ticks(count: 7),
      [1, 10, 100, 1e3, 1e4, 1e5, 1e6])
  }

  func testTickLabelsTellNearlyEqualTicksApart() {
    let scale = PlotScale(domain: (1000, 1000.02), range: (0, 1))
    let labels = scale.tickLabels(scale.ticks())
    XCTAssertEqual(Set(labels).count, labels.count, "\(labels)")
    XCTAssertEqual(labels.first, "1,000.000")
  }
}
