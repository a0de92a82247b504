import XCTest

@testable import BayesMMM

/// The joint model with delayed adstock (`priors/delayed-adstock.json`, every channel):
/// its layout, its priors and its exact gradient.
final class DelayedAdstockModelTests: XCTestCase {
  private var delayedPriorsPath: String {
    TestModels.packageRoot.appendingPathComponent("priors/delayed-adstock.json").path
  }

  private func bundledModel() throws -> JointModel {
    let dataset = try WeeklyDataset.load(path: TestModels.bundledDataPath)
    let configuration = try PriorsConfiguration(contentsOf: delayedPriorsPath)
    return try PreparedModel(dataset: dataset, configuration: configuration).model
  }

  func testEveryChannelGainsAPeakDelayAfterItsDecay() throws {
    let layout = try bundledModel().layout
    XCTAssertEqual(layout.count, 60 + 4 + 1 + 2)
    XCTAssertEqual(
      Array(layout.names[0..<8]),
      (1...4).map { "adstock_decay_social.\($0)" }
        + (1...4).map { "adstock_peak_delay_social.\($0)" })
    XCTAssertTrue(layout.names.contains("adstock_peak_delay_google"))
    XCTAssertTrue(layout.names.contains("adstock_peak_delay_owned.2"))
    for channel in layout.channels {
      XCTAssertEqual(channel.transform, MediaTransform(adstock: .delayed, window: 8))
      let delay = try XCTUnwrap(channel.index(of: .peakDelay))
      XCTAssertEqual(layout.groups[delay].group, .adstockPeakDelay)
      XCTAssertEqual(layout.groups[delay].channel, channel.name)
    }
  }

  func testGradientMatchesFiniteDifferencesOnTheBundledData() throws {
    let model = try bundledModel()
    let check = GradientCheck(density: model.makeLogDensity(), points: 10, seed: 23)
    XCTAssertEqual(check.parameters, 67)
    XCTAssertLessThan(check.maxRelativeError, 1e-6)
  }

  func testOneDelayedChannelAmongGeometricOnesMatchesFiniteDifferences() throws {
    var inputs = SyntheticInputs.flighted(seed: 6)
    inputs.transforms = ChannelTransforms(
      exceptions: [inputs.socialNames[1]: MediaTransform(adstock: .delayed, window: 5)])
    let configuration = try PriorsConfiguration(contentsOf: delayedPriorsPath)
    let model = try JointModel(inputs: inputs, configuration: configuration)
    XCTAssertEqual(
      model.layout.names.filter { $0.hasPrefix("adstock_peak_delay") },
      ["adstock_peak_delay_social.2"])
    let check = GradientCheck(density: model.makeLogDensity(), points: 10, seed: 24)
    XCTAssertLessThan(check.maxRelativeError, 1e-6)
  }
}
