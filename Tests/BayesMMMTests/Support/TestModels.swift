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

  /// priors/constant-elasticity.json: the default priors with a constant price elasticity,
  /// the form whose closed forms (revenue x ((1 + c)^e - 1)) many effect tests use.
  static func constantElasticityPriors() throws -> PriorsConfiguration {
    try PriorsConfiguration(
      contentsOf: packageRoot.appendingPathComponent("priors/constant-elasticity.json").path)
  }

  /// The joint model on synthetic flighted inputs, under the constant-elasticity priors
  /// unless `configuration` is given.
  static func flightedModel(
    seed: UInt64 = 1, controls: Int = 0, configuration: PriorsConfiguration? = nil
  ) throws -> JointModel {
    try JointModel(
      inputs: SyntheticInputs.flighted(seed: seed, controls: controls),
      configuration: configuration ?? constantElasticityPriors())
  }
}

extension TestModels {
  static var bundledDataPath: String {
    packageRoot.appendingPathComponent("data/mmm_weekly.csv").path
  }

  /// The joint model on the bundled real data under the default priors.
  static func realDataModel() throws -> JointModel {
    let dataset = try WeeklyDataset.load(path: bundledDataPath)
    return try PreparedModel(dataset: dataset, configuration: defaultPriors()).model
  }
}
