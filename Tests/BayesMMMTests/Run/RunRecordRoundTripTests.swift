import Foundation
import XCTest

@testable import BayesMMM

/// run.json has one schema (`RunRecordKey`): what `RunFolder.write` writes, `StoredRun.read`
/// reads back to the same values, and a run.json in another nesting is refused naming the key.
final class RunRecordRoundTripTests: XCTestCase {
  /// A short real run with effect columns, written to a fresh folder once for the class.
  private struct WrittenRun {
    let run: FitRun
    let folder: URL
  }

  nonisolated(unsafe) private static var written: WrittenRun?

  private static func writtenRun() throws -> WrittenRun {
    if let written { return written }
    let dataset = try WeeklyDataset.load(path: TestModels.bundledDataPath)
    let prepared = try PreparedModel(dataset: dataset, configuration: TestModels.defaultPriors())
    var settings = SamplerSettings()
    settings.chains = 2
    settings.warmup = 100
    settings.draws = 40
    settings.seed = 31
    let run = try FitRun.sample(
      prepared: prepared, settings: settings, effects: EffectSettings(mediatorPaths: 2),
      threads: 2)
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("run-record-round-trip-\(UUID().uuidString)")
    try RunFolder.write(run, to: folder.path)
    let result = WrittenRun(run: run, folder: folder)
    written = result
    return result
  }

  override class func tearDown() {
    if let folder = written?.folder { try? FileManager.default.removeItem(at: folder) }
    written = nil
    super.tearDown()
  }

  func testARunFolderWrittenBySampleReadsBackToTheSameValuesFieldByField() throws {
    let (run, folder) = try {
      let w = try Self.writtenRun(); return (w.run, w.folder)
    }()
    let stored = try StoredRun.read(directory: folder.path)
    let inputs = run.prepared.model.inputs
    let dataset = run.prepared.dataset

    XCTAssertEqual(
      stored.chainFilePaths.map { URL(fileURLWithPath: $0).lastPathComponent },
      ["chain-1.csv", "chain-2.csv"])
    XCTAssertEqual(stored.parameterNames, run.prepared.model.layout.names)
    XCTAssertEqual(stored.socialNames, inputs.socialNames)
    XCTAssertEqual(stored.seed, run.settings.seed)
    XCTAssertEqual(stored.maxDepth, run.settings.maxDepth)
    XCTAssertEqual(stored.draws.columns, run.table.columns)
    XCTAssertEqual(stored.draws.chainCount, run.settings.chains)
    XCTAssertEqual(stored.draws.drawCount, run.settings.draws)
    XCTAssertEqual(stored.draws.values, run.table.values)
    XCTAssertEqual(stored.samplerStatistics.columns, CmdStanCSV.statisticColumns)

    XCTAssertEqual(stored.recordedDataPath, dataset.sourcePath)
    XCTAssertEqual(stored.recordedDataSHA256, dataset.sha256)
    XCTAssertEqual(stored.recordedWeeks, dataset.weekCount)
    XCTAssertEqual(stored.recordedFirstWeek, dataset.dates.first)
    XCTAssertEqual(stored.recordedLastWeek, dataset.dates.last)
    XCTAssertEqual(stored.recordedAuditFindings.count, run.prepared.findings.count)

    let scenarios = EffectScenarios(inputs: inputs)
    var spendChange: [Int: [EffectContrast: Double]] = [:]
    var extrapolation: [Int: [EffectContrast: Bool]] = [:]
    for channel in inputs.socialNames.indices {
      for contrast in EffectContrast.allCases {
        let scenario = scenarios.scenario(contrast, channel: channel)
        spendChange[channel, default: [:]][contrast] = scenario.spendChange
        extrapolation[channel, default: [:]][contrast] = scenario.isExtrapolation
      }
    }
    XCTAssertEqual(
      stored.effects,
      EffectsRecord(
        mediatorPaths: 2, googleTotalSpend: scenarios.googleTotalSpend,
        spendChange: spendChange, extrapolation: extrapolation))
  }

  /// Every key the writer puts in run.json is a `RunRecordKey` at its own place, and every
  /// `RunRecordKey` is written: the enum is the whole schema.
  func testEveryKeyTheWriterWritesIsARunRecordKeyAndEveryKeyIsWritten() throws {
    let folder = try Self.writtenRun().folder
    let record = try JSONValue(
      parsing: Data(contentsOf: folder.appendingPathComponent("run.json")))
    var written: Set<String> = []
    func walk(_ value: JSONValue, path: String) {
      if let elements = value.arrayValue {
        for element in elements { walk(element, path: path + "[]") }
        return
      }
      for member in value.objectMembers ?? [] {
        let key = path.isEmpty ? member.key : path + "." + member.key
        if path.isEmpty && (member.key == "tool" || member.key == "kind") { continue }
        written.insert(key)
        if RunRecordKey(rawValue: key)?.membersNamedElsewhere == true { continue }
        walk(member.value, path: key)
      }
    }
    walk(record, path: "")
    XCTAssertEqual(written, Set(RunRecordKey.allCases.map(\.rawValue)))
  }

  func testTheMarkerLeadsRunJSON() throws {
    let folder = try Self.writtenRun().folder
    let record = try JSONValue(
      parsing: Data(contentsOf: folder.appendingPathComponent("run.json")))
    let text = try String(
      contentsOf: folder.appendingPathComponent("run.json"), encoding: .utf8)
    XCTAssertTrue(
      text.hasPrefix("{\n  \"tool\": \"\(OutputOwnership.toolName)\",\n  \"kind\": \"run\",\n"),
      String(text.prefix(80)))
    XCTAssertEqual(record["kind"]?.stringValue, RunRecord.kind)
  }

  func testChannelFirstSpendChangeIsRefusedNamingTheKey() throws {
    let channelFirst: JSONValue = [
      "mediator_paths": 20, "google_total_spend": 7,
      "spend_change": ["a_spend": ["zero": 100, "plus10": 10]],
      "extrapolation": ["zero": ["a_spend": true], "plus10": ["a_spend": false]],
    ]
    XCTAssertThrowsError(
      try EffectsRecord(json: channelFirst, socialNames: ["a_spend"], recordPath: "r/run.json")
    ) { error in
      guard case .badRecord(let path, let key, let reason)? = error as? SummaryError else {
        return XCTFail("\(error)")
      }
      XCTAssertEqual(path, "r/run.json")
      XCTAssertEqual(key, "effects.spend_change.a_spend")
      XCTAssertTrue(reason.contains("not a contrast"), reason)
    }
  }

  func testAMissingChannelOrArraysInsteadOfObjectsAreRefusedNamingTheKey() throws {
    func key(_ effects: JSONValue) -> String? {
      do {
        _ = try EffectsRecord(json: effects, socialNames: ["a_spend", "b_spend"], recordPath: "r")
        return nil
      } catch {
        guard case .badRecord(_, let key, _) = error else { return nil }
        return key
      }
    }
    let complete: JSONValue = [
      "zero": ["a_spend": 1, "b_spend": 2], "plus10": ["a_spend": 0.1, "b_spend": 0.2],
    ]
    let flags: JSONValue = [
      "zero": ["a_spend": true, "b_spend": false], "plus10": ["a_spend": false, "b_spend": false],
    ]
    let missingChannel: JSONValue = [
      "zero": ["a_spend": 1], "plus10": ["a_spend": 0.1, "b_spend": 0.2],
    ]
    let arrays: JSONValue = ["zero": [true, false], "plus10": [false, false]]
    func effects(_ spend: JSONValue, _ extrapolation: JSONValue) -> JSONValue {
      [
        "mediator_paths": 20, "google_total_spend": 7, "spend_change": spend,
        "extrapolation": extrapolation,
      ]
    }
    XCTAssertNil(key(effects(complete, flags)))
    XCTAssertEqual(key(effects(missingChannel, flags)), "effects.spend_change.zero.b_spend")
    XCTAssertEqual(key(effects(complete, arrays)), "effects.extrapolation.zero")
    XCTAssertEqual(
      key(["spend_change": complete, "extrapolation": flags]), "effects.mediator_paths")
  }

  func testARunFolderWithAnotherNestingIsRefusedByTheReader() throws {
    let folder = try SummaryFixtures.copy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let recordURL = folder.appendingPathComponent("run.json")
    var record = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: recordURL)) as? [String: Any])
    var effects = try XCTUnwrap(record["effects"] as? [String: Any])
    let byContrast = try XCTUnwrap(effects["spend_change"] as? [String: [String: Any]])
    var byChannel: [String: [String: Any]] = [:]
    for (contrast, channels) in byContrast {
      for (channel, value) in channels { byChannel[channel, default: [:]][contrast] = value }
    }
    effects["spend_change"] = byChannel
    record["effects"] = effects
    try JSONSerialization.data(withJSONObject: record).write(to: recordURL)
    XCTAssertThrowsError(try StoredRun.read(directory: folder.path)) { error in
      guard case .badRecord(_, let key, _)? = error as? SummaryError else {
        return XCTFail("\(error)")
      }
      XCTAssertTrue(key.hasPrefix("effects.spend_change."), key)
      XCTAssertTrue("\(error)".contains("key \"\(key)\""), "\(error)")
    }
  }
}
