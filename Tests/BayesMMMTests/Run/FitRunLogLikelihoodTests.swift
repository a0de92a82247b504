import Foundation
import XCTest

@testable import BayesMMM

/// A run's chain files close with the log-likelihood columns: the density's terms at each
/// draw's parameters, read back by `loo`, and left out of the summary and the diagnostics.
final class FitRunLogLikelihoodTests: XCTestCase {
  private struct WrittenRun {
    let run: FitRun
    let stored: StoredRun
    let folder: URL
  }

  nonisolated(unsafe) private static var written: WrittenRun?

  /// A short real run, written and read back once for the class.
  private static func writtenRun() throws -> WrittenRun {
    if let written { return written }
    let dataset = try WeeklyDataset.load(path: TestModels.bundledDataPath)
    let prepared = try PreparedModel(dataset: dataset, configuration: TestModels.defaultPriors())
    var settings = SamplerSettings()
    (settings.chains, settings.warmup, settings.draws, settings.seed) = (2, 100, 40, 37)
    let run = try FitRun.sample(
      prepared: prepared, settings: settings, effects: EffectSettings(mediatorPaths: 2),
      threads: 2)
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("fit-run-log-lik-\(UUID().uuidString)")
    try RunFolder.write(run, to: folder.path)
    let result = WrittenRun(
      run: run, stored: try StoredRun.read(directory: folder.path), folder: folder)
    written = result
    return result
  }

  override class func tearDown() {
    if let folder = written?.folder { try? FileManager.default.removeItem(at: folder) }
    written = nil
    super.tearDown()
  }

  func testTheColumnsFollowTheEffectsAndAreTheDensitysTermsAtTheStoredParameters() throws {
    let (run, stored) = try {
      let w = try Self.writtenRun(); return (w.run, w.stored)
    }()
    let model = run.prepared.model
    let weeks = model.inputs.fitWeeks
    XCTAssertEqual(
      run.table.columns,
      model.layout.names + EffectColumns.names(socialCount: model.inputs.socialNames.count)
        + LogLikelihoodColumns.names(weeks: weeks))
    XCTAssertEqual(stored.draws.columns, run.table.columns)
    let fromFiles = try XCTUnwrap(PointwiseLogLikelihood(table: stored.draws, weeks: weeks))
    let parameterColumns = model.layout.names.map { stored.draws.column(named: $0) ?? [] }
    let draws = (0..<stored.draws.chainCount).flatMap { chain in
      (0..<stored.draws.drawCount).map { draw in parameterColumns.map { $0[chain][draw] } }
    }
    let recomputed = PointwiseLogLikelihood(model: model, constrainedDraws: draws)
    XCTAssertEqual(fromFiles.joint, recomputed.joint)
    XCTAssertEqual(fromFiles.revenue, recomputed.revenue)
    XCTAssertEqual(fromFiles.search, recomputed.search)
    XCTAssertEqual(fromFiles.onOff, recomputed.onOff)
    XCTAssertEqual(fromFiles.amount, recomputed.amount)
    XCTAssertEqual(fromFiles.joint.count, weeks)
    XCTAssertEqual(fromFiles.joint[0].count, 80)
    let withoutThem = stored.draws.selectingColumns { !LogLikelihoodColumns.contains($0) }
    XCTAssertNil(PointwiseLogLikelihood(table: withoutThem, weeks: weeks))
  }

  func testLooReadsTheChainFilesAndScoresEveryEquation() throws {
    let (run, stored) = try {
      let w = try Self.writtenRun(); return (w.run, w.stored)
    }()
    let loo = try RunLeaveOneOut(run: stored, prepared: run.prepared)
    XCTAssertEqual(loo.source, .chainFiles)
    let weeks = run.prepared.model.inputs.fitWeeks
    XCTAssertEqual(loo.joint.paretoK.count, weeks)
    XCTAssertEqual(loo.search.paretoK.count, weeks)
    XCTAssertEqual(loo.amount.paretoK.count, run.prepared.model.inputs.fittedMediatorOnWeeks.count)
    XCTAssertTrue(loo.joint.elpd.isFinite && loo.search.elpd.isFinite)
  }

  func testSummaryAndDiagnosticsLeaveTheLogLikelihoodColumnsOut() throws {
    let (run, stored) = try {
      let w = try Self.writtenRun(); return (w.run, w.stored)
    }()
    let model = run.prepared.model
    let effectCount = EffectColumns.count(socialCount: model.inputs.socialNames.count)
    XCTAssertEqual(run.diagnostics.parameters.count, model.dimension)
    XCTAssertFalse(run.diagnostics.nonFinite.contains { LogLikelihoodColumns.contains($0.name) })
    let summary = RunSummary(run: stored, prepared: nil)
    XCTAssertEqual(summary.parameters.count, model.dimension + effectCount)
    XCTAssertFalse(summary.parameters.contains { $0.name.hasPrefix("log_lik") })
    XCTAssertFalse(summary.diagnostics.nonFinite.contains { $0.name.hasPrefix("log_lik") })
    XCTAssertFalse(summary.diagnostics.warnings.contains { $0.contains("log_lik") })
    XCTAssertFalse(summary.text().contains("log_lik"))
    XCTAssertFalse(summary.json.serialized().contains("log_lik"))
  }
}
