import XCTest

@testable import BayesMMM

/// Effects as a run produces them: appended to the parameter table, computed from the chain's
/// own stream, and internally consistent in every draw.
final class EffectRunTests: XCTestCase {
  private static func shortRealRun(paths: Int) throws -> FitRun {
    let dataset = try WeeklyDataset.load(path: TestModels.bundledDataPath)
    let prepared = try PreparedModel(dataset: dataset, configuration: TestModels.defaultPriors())
    var settings = SamplerSettings()
    settings.chains = 2
    settings.warmup = 200
    settings.draws = 100
    settings.seed = 11
    return try FitRun.sample(
      prepared: prepared, settings: settings, effects: EffectSettings(mediatorPaths: paths),
      threads: 2)
  }

  func testDirectPlusIndirectIsTotalInEveryDrawOfARealRun() throws {
    let run = try Self.shortRealRun(paths: 4)
    let model = run.prepared.model
    let socialCount = model.inputs.socialNames.count
    XCTAssertEqual(
      run.table.columns,
      model.layout.names + EffectColumns.names(socialCount: socialCount)
        + LogLikelihoodColumns.names(weeks: model.inputs.fitWeeks))
    XCTAssertEqual(run.diagnostics.parameters.count, model.dimension)
    let scenarios = EffectScenarios(inputs: model.inputs)
    func column(_ name: String) throws -> [Double] {
      try XCTUnwrap(run.table.column(named: name), name).flatMap { $0 }
    }
    for contrast in EffectContrast.allCases {
      for s in 0..<socialCount {
        let k = s + 1
        let nde = try column("nde_\(contrast.rawValue).\(k)")
        let nie = try column("nie_\(contrast.rawValue).\(k)")
        let te = try column("te_\(contrast.rawValue).\(k)")
        let share = try column("share_mediated_\(contrast.rawValue).\(k)")
        let roi = try column("roi_\(contrast.rawValue).\(k)")
        let induced = try column("induced_google_\(contrast.rawValue).\(k)")
        let netROI = try column("net_roi_\(contrast.rawValue).\(k)")
        let spend = scenarios.scenario(contrast, channel: s).spendChange
        XCTAssertEqual(nde.count, 200)
        for i in te.indices {
          let rounding = 1e-12 * (abs(nde[i]) + abs(nie[i]))
          XCTAssertEqual(nde[i] + nie[i], te[i], accuracy: rounding)
          XCTAssertEqual(share[i], nie[i] / te[i], accuracy: 1e-12 * abs(share[i]))
          XCTAssertEqual(roi[i] * spend, te[i], accuracy: 1e-9 * abs(te[i]))
          XCTAssertEqual(
            netROI[i] * spend, te[i] - induced[i], accuracy: 1e-9 * (abs(te[i]) + abs(induced[i])))
          XCTAssertTrue(te[i].isFinite && induced[i].isFinite)
        }
      }
    }
  }

  /// The effect columns of chain c are `ChainEffects.table` on its parameter draws with the
  /// stream (seed, 1_000_000 + c): nothing depends on threads or on the other chains.
  func testEffectColumnsComeFromTheChainsOwnStream() throws {
    let run = try Self.shortRealRun(paths: 3)
    let model = run.prepared.model
    let d = model.dimension
    let width = run.table.width
    let effectsEnd = d + EffectColumns.count(socialCount: model.inputs.socialNames.count)
    for chain in 0..<run.chains.count {
      let rows = run.table.values[chain]
      let draws = rows.count / width
      var parameters: [Double] = []
      var effects: [Double] = []
      for k in 0..<draws {
        parameters += rows[k * width..<k * width + d]
        effects += rows[k * width + d..<k * width + effectsEnd]
      }
      let recomputed = ChainEffects.table(
        calculator: EffectCalculator(model: model), constrainedDraws: parameters,
        parameterCount: d, paths: 3,
        random: EffectSettings.random(runSeed: run.settings.seed, chain: chain))
      XCTAssertEqual(recomputed.count, effects.count)
      XCTAssertTrue(zip(recomputed, effects).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
    }
  }
}
