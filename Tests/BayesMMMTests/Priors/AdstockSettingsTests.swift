import Foundation
import XCTest

@testable import BayesMMM

/// The priors file's adstock choices: `model.adstock`, `model.adstock_window`, a channel
/// entry's `adstock`, and the `adstock_peak_delay` prior they need.
final class AdstockSettingsTests: XCTestCase {
  /// priors/default.json with `edit` applied to its top-level object.
  private func configuration(
    model: [(key: String, value: JSONValue)] = [], channels: JSONValue? = nil,
    dropPeakDelay: Bool = false, peakDelay: JSONValue? = nil
  ) throws -> PriorsConfiguration {
    let text = try String(contentsOfFile: TestModels.defaultPriorsPath, encoding: .utf8)
    guard case .object(let top) = try JSONValue(parsing: Data(text.utf8)) else {
      throw XCTSkip("not an object")
    }
    let edited = top.map { member -> (key: String, value: JSONValue) in
      switch member.key {
      case "model":
        guard case .object(let settings) = member.value else { return member }
        return (key: "model", value: .object(settings + model))
      case "priors":
        guard case .object(let groups) = member.value else { return member }
        var kept = groups.filter { !(dropPeakDelay && $0.key == "adstock_peak_delay") }
        if let peakDelay {
          kept = kept.map { $0.key == "adstock_peak_delay" ? (key: $0.key, value: peakDelay) : $0 }
        }
        return (key: "priors", value: .object(kept))
      case "channels":
        return (key: "channels", value: channels ?? member.value)
      default:
        return member
      }
    }
    return try PriorsConfiguration(json: .object(edited), source: "p.json")
  }

  private func layout(_ configuration: PriorsConfiguration) -> ParameterLayout {
    var inputs = SyntheticInputs.flighted(seed: 2)
    inputs.transforms = configuration.settings.transforms
    let settings = configuration.settings
    return ParameterLayout(
      inputs: inputs.withPriceForm(settings.priceResponse, knots: settings.priceKnots))
  }

  private func assertError(
    _ message: String, file: StaticString = #filePath, line: UInt = #line,
    _ body: () throws -> Void
  ) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
      XCTAssertEqual("\(error)", message, file: file, line: line)
    }
  }

  func testGeometricIsTheDefaultAndAddsNoParameter() throws {
    let settings = try configuration().settings
    XCTAssertEqual(settings.transforms, .geometric)
    XCTAssertFalse(layout(try configuration()).names.contains { $0.contains("peak_delay") })
  }

  func testModelAdstockDelayedAppliesToEveryChannelWithItsWindow() throws {
    let withinSixWeeks: JSONValue = [
      "family": "truncated_normal", "mean": 1, "sd": 2, "lower": 0, "upper": 5,
    ]
    let chosen = try configuration(
      model: [(key: "adstock", value: "delayed"), (key: "adstock_window", value: 6)],
      peakDelay: withinSixWeeks)
    let layout = layout(chosen)
    XCTAssertTrue(
      layout.channels.allSatisfy { $0.transform == MediaTransform(adstock: .delayed, window: 6) })
    XCTAssertEqual(try chosen.resolve(for: layout).count, layout.count)
  }

  func testAChannelEntrysAdstockAppliesToThatChannelAlone() throws {
    let inputs = SyntheticInputs.flighted(seed: 2)
    let name = inputs.socialNames[0]
    let chosen = try configuration(
      channels: .object([
        (key: name, value: JSONValue.object([(key: "adstock", value: .string("delayed"))]))
      ]))
    XCTAssertEqual(chosen.settings.transforms.transform(for: name).adstock, .delayed)
    XCTAssertEqual(
      chosen.settings.transforms.transform(for: inputs.mediatorName).adstock, .geometric)
    XCTAssertEqual(
      layout(chosen).names.filter { $0.contains("peak_delay") }, ["adstock_peak_delay_social.1"])
    let record = try PriorsConfiguration(json: chosen.json, source: "again.json")
    XCTAssertEqual(record.settings.transforms, chosen.settings.transforms)
  }

  func testAnUnknownAdstockIsAnErrorNamingTheKey() {
    assertError(
      "p.json: key \"model.adstock\": unknown adstock \"weibull\" (expected geometric or delayed)"
    ) {
      _ = try self.configuration(model: [(key: "adstock", value: "weibull")])
    }
  }

  func testAWindowOutsideOneToFiftyTwoWeeksIsAnError() {
    for bad: JSONValue in [0, 53, 2.5] {
      XCTAssertThrowsError(try configuration(model: [(key: "adstock_window", value: bad)])) {
        error in
        XCTAssertTrue(
          "\(error)".hasPrefix(
            "p.json: key \"model.adstock_window\": must be a whole number of weeks from 1 to 52"),
          "\(error)")
      }
    }
  }

  func testAPeakDelayPriorBeyondTheWindowIsAnError() {
    let wide: JSONValue = [
      "family": "truncated_normal", "mean": 1, "sd": 2, "lower": 0, "upper": 9,
    ]
    XCTAssertThrowsError(try configuration(peakDelay: wide)) { error in
      XCTAssertTrue(
        "\(error)".hasPrefix(
          "p.json: key \"priors.adstock_peak_delay\": the prior's support must lie in (0, 7)"),
        "\(error)")
    }
  }

  func testADelayedModelWithoutAPeakDelayPriorNamesTheMissingKey() throws {
    let chosen = try configuration(model: [(key: "adstock", value: "delayed")], dropPeakDelay: true)
    assertError(
      "p.json: key \"priors.adstock_peak_delay\": missing prior (needed by delayed adstock)"
    ) {
      _ = try chosen.resolve(for: self.layout(chosen))
    }
    XCTAssertNoThrow(
      try configuration(dropPeakDelay: true).resolve(for: layout(try configuration())))
  }

  func testAdstockOnAControlOrAnUnknownChannelIsAnError() throws {
    let unknown = try configuration(
      channels: .object([
        (key: "nope", value: JSONValue.object([(key: "adstock", value: .string("delayed"))]))
      ]))
    XCTAssertThrowsError(try unknown.resolve(for: layout(unknown))) { error in
      XCTAssertTrue(
        "\(error)".hasPrefix("p.json: key \"channels.nope\": no such channel in the data"),
        "\(error)")
    }
    var inputs = SyntheticInputs.flighted(seed: 3, controls: 1)
    let control = inputs.controlNames[0]
    let chosen = try configuration(
      channels: .object([
        (key: control, value: JSONValue.object([(key: "adstock", value: .string("delayed"))]))
      ]))
    inputs.transforms = chosen.settings.transforms
    assertError("p.json: key \"channels.\(control).adstock\": does not apply to a control channel")
    {
      _ = try chosen.resolve(
        for: ParameterLayout(inputs: inputs.withPriceForm(.linearDemand, knots: 4)))
    }
  }
}
