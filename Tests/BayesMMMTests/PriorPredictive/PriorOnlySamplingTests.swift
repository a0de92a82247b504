import XCTest

@testable import BayesMMM

/// NUTS on the joint model with no weeks in the likelihood (`fitWeeks: 0`) samples the
/// prior, so each parameter's 10/50/90% quantiles must match its prior's within Monte Carlo
/// error. A missing or wrong log-Jacobian, a prior density off by a term, or a transform
/// that does not match its support shifts these quantiles, so this checks every one of them
/// end to end.
///
/// Fast suite: 4 chains x 1000 draws (after 1000 warm-up) on the default priors and on
/// priors of every family. `BAYES_MMM_SLOW=1` adds 4 x 5000 on both, on the real data's
/// layout.
final class PriorOnlySamplingTests: XCTestCase {
  /// Largest |estimate - prior quantile| / MCSE accepted.
  private let zLimit = 4.0

  func testDefaultPriorsAreRecoveredWithoutData() throws {
    let inputs = SyntheticInputs.flighted(seed: 21, fitWeeks: 0)
    let model = try JointModel(inputs: inputs, configuration: TestModels.defaultPriors())
    try assertPriorQuantilesRecovered(model, draws: 1000, seed: 31)
  }

  func testEveryPriorFamilyIsRecoveredWithoutData() throws {
    let inputs = SyntheticInputs.flighted(seed: 22, fitWeeks: 0)
    let priors = try PriorPredictiveTestModels.everyFamilyPriors(
      for: ParameterLayout(inputs: inputs))
    let families = Set(priors.map(\.family.name))
    XCTAssertEqual(families, Set(PriorFamily.names))
    try assertPriorQuantilesRecovered(
      JointModel(inputs: inputs, priors: priors, studentTDegrees: 5), draws: 1000, seed: 32)
  }

  func testSlowLongerRunsOnTheRealLayoutRecoverThePriors() throws {
    try XCTSkipUnless(slowTestsEnabled, "set BAYES_MMM_SLOW=1")
    let dataset = try WeeklyDataset.load(path: TestModels.bundledDataPath)
    let configuration = try TestModels.defaultPriors()
    let inputs = ModelInputs(dataset: dataset, settings: configuration.settings, fitWeeks: 0)
    try assertPriorQuantilesRecovered(
      JointModel(inputs: inputs, configuration: configuration), draws: 5000, seed: 33)
    let priors = try PriorPredictiveTestModels.everyFamilyPriors(
      for: ParameterLayout(inputs: inputs))
    try assertPriorQuantilesRecovered(
      JointModel(inputs: inputs, priors: priors, studentTDegrees: 5), draws: 5000, seed: 34)
  }

  private func assertPriorQuantilesRecovered(
    _ model: JointModel, draws: Int, seed: UInt64, file: StaticString = #filePath,
    line: UInt = #line
  ) throws {
    XCTAssertEqual(model.inputs.fitWeeks, 0, "the likelihood must be empty", file: file, line: line)
    var settings = SamplerSettings()
    settings.chains = 4
    settings.warmup = 1000
    settings.draws = draws
    settings.seed = seed
    settings.threads = 2
    let chains = try runChains(factory: model, settings: settings)
    XCTAssertEqual(chains.reduce(0) { $0 + $1.statistics.divergences }, 0, file: file, line: line)
    var failures: [String] = []
    var worst = 0.0
    for (index, prior) in model.priors.enumerated() {
      let column = chains.map { chain in
        (0..<chain.drawCount).map { draw in
          let position = chain.position(ofDraw: draw)
          return prior.support.constrain(position[position.startIndex + index])
        }
      }
      for probability in [0.1, 0.5, 0.9] {
        let estimate = Diagnostics.quantile(column, probability: probability)
        let error = Diagnostics.mcseQuantile(column, probability: probability)
        let truth = prior.quantile(probability)
        let z = abs(estimate - truth) / error
        worst = max(worst, z)
        if !(z < zLimit) {
          failures.append(
            "\(model.layout.names[index]) \(prior) q\(Int(probability * 100)): "
              + "\(estimate) vs \(truth) (MCSE \(error), z \(z))")
        }
      }
    }
    XCTAssertTrue(failures.isEmpty, failures.joined(separator: "\n"), file: file, line: line)
    print("prior-only NUTS, \(model.dimension) parameters x 3 quantiles: largest z \(worst)")
  }
}
