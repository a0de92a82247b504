import Foundation
import XCTest

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `bayes-mmm report` end to end: a small run, then the HTML file, which must be
/// well-formed, self-contained (no scripts, nothing fetched) and hold every chart.
final class ReportCommandTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws { folder = try CLI.temporaryDirectory() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  /// Counts elements by name and collects attribute values that could reference a resource.
  private final class Inspector: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var ids: [String] = []
    var references: [String] = []
    var titles: [String] = []
    private var inTitle = false
    private var text = ""

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      counts[name, default: 0] += 1
      if let id = attributes["id"] { ids.append(id) }
      for key in ["src", "href", "xlink:href"] {
        if let value = attributes[key] { references.append(value) }
      }
      if name == "title" {
        inTitle = true
        text = ""
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if inTitle { text += string }
    }

    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
      if name == "title" {
        titles.append(text)
        inTitle = false
      }
    }
  }

  func testReportIsWellFormedSelfContainedAndHoldsEveryChart() throws {
    let run = folder.appendingPathComponent("run").path
    let sample = try CLI.run([
      "sample", "--chains", "2", "--warmup", "200", "--draws", "100", "--quiet", "--out", run,
    ])
    XCTAssertEqual(sample.status, 0, sample.stderr)
    let out = folder.appendingPathComponent("report.html").path
    let result = try CLI.run(["report", "--run", run, "--out", out, "--draws", "40"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let data = try Data(contentsOf: URL(fileURLWithPath: out))
    let html = String(decoding: data, as: UTF8.self)

    let parser = XMLParser(data: data)
    let inspector = Inspector()
    parser.delegate = inspector
    XCTAssertTrue(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")

    XCTAssertEqual(inspector.counts["script"] ?? 0, 0)
    XCTAssertEqual(inspector.references, [], "no external or internal resource references")
    XCTAssertFalse(
      html.contains("http://")
        && html.replacingOccurrences(
          of: "http://www.w3.org/", with: ""
        ).contains("http://"))
    XCTAssertFalse(html.contains("https://"))
    for id in [
      "decisions", "causal-diagram", "fit", "residuals", "predictive-check", "prior-posterior", "effects",
      "response-curves", "price-promotion", "diagnostics", "audit",
    ] {
      XCTAssertTrue(inspector.ids.contains(id), "section \(id)")
    }
    let expectedCharts = [
      "Causal diagram", "Weekly revenue: observed and posterior predictive",
      "Residuals over time (log revenue minus posterior median)", "Residuals against price",
      "Residuals against promotions", "Distribution of weekly log revenue: observed vs replicated",
      "price_choke_margin", "promo_lift", "beta_google",
      "Effects on revenue over the window: observed spend vs switched off",
      "Effects on revenue over the window: +10% of observed spend vs observed",
      "instagram_spend: revenue vs spend (0-2x observed)",
      "Revenue change against a price change, within observed prices",
      "Promotion lift on weekly revenue",
      "Spend by channel: current and optimised plan",
      "Net revenue over the window, current and optimised plan",
      "Uplift in net revenue of the optimised plan, per draw",
      "instagram_spend: marginal ROI around the optimum",
      "Price decision: probability that a price change raises revenue",
      "Revenue contributions over time (posterior means, stacked)",
      "Revenue over the window: baseline, contributions and interaction (means)",
    ]
    for title in expectedCharts {
      XCTAssertTrue(inspector.titles.contains(title), "chart \(title)")
    }
    XCTAssertTrue(inspector.titles.contains { $0.hasPrefix("Rank plot: ") })
    XCTAssertTrue(html.contains("outcome-floor") || html.contains("floor"), "audit findings")
    XCTAssertGreaterThanOrEqual(inspector.counts["svg"] ?? 0, 29)
    // Decisions come first, before the causal diagram.
    let decisions = try XCTUnwrap(html.range(of: "<section id=\"decisions\">"))
    let diagram = try XCTUnwrap(html.range(of: "<section id=\"causal-diagram\">"))
    XCTAssertLessThan(decisions.lowerBound, diagram.lowerBound)
  }

  func testMissingRunFolderIsAnErrorNamingIt() throws {
    let missing = folder.appendingPathComponent("nowhere").path
    let result = try CLI.run([
      "report", "--run", missing, "--out", folder.appendingPathComponent("r.html").path,
    ])
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.stderr.hasPrefix("error: "), result.stderr)
    XCTAssertTrue(result.stderr.contains(missing), result.stderr)
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.html").path))
  }
}
