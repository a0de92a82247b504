import Foundation

extension StoredRun {
  /// Every draw's constrained parameters in `model`'s layout order, pooled in chain order
  /// (`DrawTable.parameterRows`): what the commands that re-run the model per draw read.
  /// - Throws: `SummaryError.badRecord` naming the first parameter without a column.
  public func parameterDraws(for model: JointModel) throws(SummaryError) -> [[Double]] {
    let names = model.layout.names
    guard let rows = draws.parameterRows(names) else {
      let missing = names.first { !draws.columns.contains($0) } ?? ""
      throw .badRecord(
        path: recordPath, key: "parameters", reason: "the chain files lack column \(missing)")
    }
    return rows
  }

  /// Rebuilds the model the run was fitted with: the data at `dataPath` (which must be the
  /// very file of the run: its SHA-256 is checked against run.json), the recorded column
  /// roles, the recorded priors document (`priors.content`, so later edits of the priors
  /// file do not matter) and the recorded lift tests (`lift_tests.content`), if any.
  ///
  /// - Throws: `SummaryError` for a missing or changed data file, a run.json without the keys
  ///   needed, or a rebuilt model whose parameters differ from the run's; the data,
  ///   roles and priors errors of the loaders otherwise.
  public func rebuildModel(dataPath: String) throws -> PreparedModel {
    guard let data = FileManager.default.contents(atPath: dataPath) else {
      throw SummaryError.missingFile(path: dataPath, why: "the data file of the run")
    }
    let bytes = [UInt8](data)
    guard let recorded = recordedDataSHA256 else {
      throw SummaryError.badRecord(
        path: recordPath, key: RunRecordKey.dataSHA256.rawValue, reason: "missing")
    }
    let actual = SHA256.hexDigest(of: bytes)
    guard actual == recorded else {
      throw SummaryError.dataChanged(
        path: dataPath, recorded: recorded, actual: actual, record: recordPath)
    }
    guard let rolesJSON = record[.dataRoles], rolesJSON.objectMembers != nil else {
      throw SummaryError.badRecord(
        path: recordPath, key: RunRecordKey.dataRoles.rawValue, reason: "missing")
    }
    let roles = try ColumnRoles.decode(
      Data(rolesJSON.serialized(pretty: false).utf8),
      source: "\(recordPath) \(RunRecordKey.dataRoles.rawValue)")
    guard let priors = record[.priorsContent] else {
      throw SummaryError.badRecord(
        path: recordPath, key: RunRecordKey.priorsContent.rawValue, reason: "missing")
    }
    let configuration = try PriorsConfiguration(
      json: priors, source: "\(recordPath) \(RunRecordKey.priorsContent.rawValue)")
    let dataset = try WeeklyDataset.parse(bytes: bytes, source: dataPath, roles: roles)
    var prepared = try PreparedModel(dataset: dataset, configuration: configuration)
    if let liftTests = try LiftTestFile.recorded(
      record[.liftTests], dataset: dataset, recordPath: recordPath,
      key: RunRecordKey.liftTests.rawValue)
    {
      prepared = prepared.addingLiftTests(liftTests)
    }
    let names = prepared.model.layout.names
    guard names == parameterNames else {
      let differing = zip(names, parameterNames).first { $0 != $1 }
      throw SummaryError.modelMismatch(
        record: recordPath,
        reason: "the model rebuilt from it has \(names.count) parameters, the run "
          + "\(parameterNames.count)"
          + (differing.map { " (\"\($0.0)\" where the run has \"\($0.1)\")" } ?? "")
          + "; was the run written by another version of bayes-mmm?")
    }
    return prepared
  }
}
