import XCTest

@testable import BayesMMM

/// Every chart type on the series extreme runs produce: constant, empty, all NaN, with
/// infinities, and huge. Each must render (no endless tick loop, no trap) a well-formed SVG
/// without NaN or infinite coordinates, and say so when there is nothing finite to draw.
final class ChartEdgeSeriesTests: XCTestCase {
  static let series: [(String, [Double])] = [
    ("constant", [5, 5, 5, 5]),
    ("constant zero", [0, 0, 0]),
    ("empty", []),
    ("all NaN", [.nan, .nan, .nan]),
    ("infinite", [1, .infinity, 3, -.infinity]),
    ("huge", [1e300, -1e300, 1e20]),
    ("near-constant", [1e17, 1e17 + 16, 1e17]),
    ("tiny", [1e-320, 0, 1e-320]),
  ]

  private func assertDrawable(
    _ svg: String, _ label: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    let inspection = SVGInspection(svg)
    XCTAssertTrue(inspection.wellFormed, "\(label): not well-formed", file: file, line: line)
    for element in inspection.elements {
      for (key, value) in element.attributes where key != "viewBox" {
        let lower = value.lowercased()
        XCTAssertFalse(
          lower.contains("nan") || lower.contains("inf"),
          "\(label): \(element.name) \(key)=\(value)",
          file: file, line: line)
      }
    }
  }

  func testLinePointsBandsAndBarsRenderEverySeries() {
    for (name, values) in Self.series {
      for kind in [PlotScale.Kind.linear, .log10] {
        let xs = values.indices.map(Double.init)
        var plot = SVGPlot(
          title: name, xLabel: "x", yLabel: "y", x: (0, Double(values.count - 1)),
          y: (values.min() ?? .nan, values.max() ?? .nan), yKind: kind)
        plot.band(
          xs, values.map { $0 * 0.9 }, values.map { $0 * 1.1 }, colour: "#ccc", label: "band")
        plot.line(xs, values, colour: "#000", label: "line")
        plot.points(xs, values, colour: "#000")
        plot.bars(xs, values, barWidth: 0.5, colour: "#00f")
        plot.horizontalRule(at: values.first ?? .nan)
        plot.verticalRule(at: values.last ?? .nan, note: "note")
        let svg = plot.render()
        assertDrawable(svg, "\(name) \(kind)")
        let finite = values.contains { $0.isFinite && (kind == .linear || $0 > 0) }
        if !finite { XCTAssertTrue(svg.contains("no finite values to plot"), "\(name) \(kind)") }
      }
    }
  }

  func testHistogramCountsTheFiniteValuesOfEverySeries() {
    for (name, values) in Self.series {
      let histogram = Histogram(
        values, lower: values.min() ?? .nan, upper: values.max() ?? .nan, bins: 30)
      XCTAssertEqual(histogram.counts.count, 30, name)
      XCTAssertTrue(histogram.width > 0 && histogram.width.isFinite, name)
      XCTAssertTrue(histogram.densities.allSatisfy(\.isFinite), name)
      XCTAssertLessThanOrEqual(
        histogram.counts.reduce(0, +), Double(values.filter(\.isFinite).count), name)
    }
    let constant = Histogram([5, 5, 5], lower: 5, upper: 5, bins: 30)
    XCTAssertEqual(constant.counts.reduce(0, +), 3, "a constant lands in a padded range")
    XCTAssertLessThan(constant.lower, 5)
    XCTAssertGreaterThan(constant.upper, 5)
  }

  func testForestPlotRendersNonFiniteAndHugeRows() {
    for (name, values) in Self.series {
      let rows = values.map {
        ForestPlot.Row(
          label: name, median: $0, lower90: $0 - 1, upper90: $0 + 1, lower95: -.infinity,
          upper95: .nan, colour: "#000", flagged: false)
      }
      let svg = ForestPlot(title: name, unit: "currency", rows: rows).render()
      assertDrawable(svg, name)
      if !values.contains(where: \.isFinite) {
        XCTAssertTrue(svg.contains("no finite values to plot"), name)
      }
    }
  }

  func testRankPlotRendersConstantEmptyAndNonFiniteDraws() {
    for (name, values) in Self.series {
      assertDrawable(RankPlot(name: name, draws: [values, values]).render(), name)
    }
    assertDrawable(RankPlot(name: "no chains", draws: []).render(), "no chains")
  }
}
