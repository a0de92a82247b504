import Foundation

@testable import BayesMMM

/// Models and files shared by tests.
enum TestModels {
  /// The package root (three levels above this file).
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static var defaultPriorsPath: String {
    packageRoot.appendingPathComponent("priors/default.json").path
  }

  static func defaultPriors() throws -> PriorsConfiguration {
    try PriorsConfiguration(contentsOf: defaultPriorsPath)
  }

  /// The joint model on synthetic flighted inputs under the default priors.
  static func flightedModel(seed: UInt64 = 1, controls: Int = 0) throws -> JointModel {
    try JointModel(
      inputs: SyntheticInputs.flighted(seed: seed, controls: controls),
      configuration: defaultPriors())
  }
}
