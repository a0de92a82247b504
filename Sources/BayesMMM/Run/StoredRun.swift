import Foundation

/// A run folder read back from disk: run.json and the chain files it lists.
///
/// ```swift
/// let run = try StoredRun.read(directory: "runs/default")
/// run.draws.column(named: "beta_google")      // chains x draws
/// run.samplerStatistics.column(named: "divergent__")
/// ```
///
/// Reading checks that the chain files are the ones run.json describes (see
/// `StoredRun+Checks`): checksums, draw counts, columns, seed and chain ids, finite
/// parameters, and the format version.
///
/// Invariant: every chain file has the same header and the same number of draws; `draws`
/// holds the columns after CmdStan's sampler statistics (parameters, then any generated
/// quantities such as the effect columns) and `samplerStatistics` the seven statistics, in
/// the files' order.
public struct StoredRun: Sendable {
  /// The folder as the user named it.
  public let directory: String
  /// `<directory>/run.json`.
  public let recordPath: String
  /// run.json as parsed.
  public let record: JSONValue
  /// The chain files, in run.json's order.
  public let chainFilePaths: [String]
  /// Model columns, per chain.
  public let draws: DrawTable
  /// `lp__` ... `energy__`, per chain.
  public let samplerStatistics: DrawTable
  /// The model's parameter names (run.json `parameters`), in layout order.
  public let parameterNames: [String]
  /// Social channel column names, in channel order (run.json `channels.social`).
  public let socialNames: [String]
  /// The run seed (run.json `settings.seed`).
  public let seed: UInt64
  /// NUTS maximum tree depth of the run (run.json `settings.max_depth`).
  public let maxDepth: Int
  /// run.json's `effects` object, nil for runs without effect columns.
  public let effects: EffectsRecord?

  /// Reads `directory`; errors name the file at fault.
  public static func read(directory: String) throws(SummaryError) -> StoredRun {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw .noRunFolder(path: directory) }
    let recordPath = path(directory, "run.json")
    let record = try readRecord(recordPath)
    try checkFormatVersion(record, recordPath: recordPath)
    func bad(_ key: RunRecordKey, _ reason: String) -> SummaryError {
      .badRecord(path: recordPath, key: key.rawValue, reason: reason)
    }
    guard let fileNames = strings(record[.chainFiles]), !fileNames.isEmpty
    else { throw bad(.chainFiles, "expected a non-empty array of file names") }
    guard let parameterNames = strings(record[.parameters]), !parameterNames.isEmpty
    else { throw bad(.parameters, "expected a non-empty array of parameter names") }
    guard let socialNames = strings(record[.channelsSocial])
    else { throw bad(.channelsSocial, "expected an array of column names") }
    guard let seed = readSeed(record[.settingsSeed]) else {
      throw bad(.settingsSeed, "expected the run seed (a whole number)")
    }
    guard let depth = record[.settingsMaxDepth]?.numberValue, let maxDepth = Int(exactly: depth),
      maxDepth >= 1
    else { throw bad(.settingsMaxDepth, "expected the NUTS maximum tree depth (a whole number)") }
    guard let draws = record[.settingsDraws]?.numberValue, draws >= 1, draws < 0x1p53,
      draws.rounded() == draws
    else { throw bad(.settingsDraws, "expected the number of draws per chain") }
    guard let columns = strings(record[.columns]), !columns.isEmpty
    else { throw bad(.columns, "expected a non-empty array of column names") }
    let effects = try record[.effects].map { json throws(SummaryError) in
      try EffectsRecord(json: json, socialNames: socialNames, recordPath: recordPath)
    }
    let checks = try chainFileChecks(record, fileNames: fileNames, recordPath: recordPath)
    let expected = ChainFileExpectation(
      draws: Int(draws), columns: columns, seed: seed, parameterNames: parameterNames)

    let paths = fileNames.map { path(directory, $0) }
    var files: [CmdStanCSVReader.ChainFile] = []
    for (chainPath, check) in zip(paths, checks) {
      let (file, bytes) = try readChain(chainPath)
      try checkChainFile(file, bytes: bytes, against: check, expected: expected)
      files.append(file)
    }
    try checkConsistent(files, parameterNames: parameterNames)
    let statisticNames = CmdStanCSV.statisticColumns
    let modelNames = files[0].modelColumns
    return StoredRun(
      directory: directory, recordPath: recordPath, record: record, chainFilePaths: paths,
      draws: DrawTable(columns: modelNames, values: files.map { $0.rows(of: modelNames) ?? [] }),
      samplerStatistics: DrawTable(
        columns: statisticNames, values: files.map { $0.rows(of: statisticNames) ?? [] }),
      parameterNames: parameterNames, socialNames: socialNames, seed: seed, maxDepth: maxDepth,
      effects: effects)
  }

  /// `name` inside `directory` (an absolute `name` as it is).
  static func path(_ directory: String, _ name: String) -> String {
    if name.hasPrefix("/") { return name }
    return directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  private static func readRecord(_ recordPath: String) throws(SummaryError) -> JSONValue {
    guard let data = FileManager.default.contents(atPath: recordPath) else {
      throw .missingFile(path: recordPath, why: "every run folder that sample writes has one")
    }
    let record: JSONValue
    do {
      record = try JSONValue(parsing: data)
    } catch {
      let reason = (error as? JSONValue.ParseError)?.reason ?? String(describing: error)
      throw .corruptFile(path: recordPath, line: nil, reason: "not valid JSON (\(reason))")
    }
    guard record.objectMembers != nil else {
      throw .corruptFile(
        path: recordPath, line: nil,
        reason: "expected a JSON object, got \(record.kindDescription)")
    }
    return record
  }

  /// Every element of an array of strings; nil for anything else (an element included).
  private static func strings(_ value: JSONValue?) -> [String]? {
    guard let elements = value?.arrayValue else { return nil }
    let texts = elements.compactMap(\.stringValue)
    return texts.count == elements.count ? texts : nil
  }

  /// The seed as run.json writes it (a decimal string, so all 64 bits survive) or a number.
  private static func readSeed(_ value: JSONValue?) -> UInt64? {
    if let text = value?.stringValue { return UInt64(text) }
    if let number = value?.numberValue, number >= 0, number < 0x1p64, number.rounded() == number {
      return UInt64(number)
    }
    return nil
  }

  /// The chain file parsed, and its bytes (for the checksum).
  private static func readChain(_ chainPath: String) throws(SummaryError)
    -> (file: CmdStanCSVReader.ChainFile, bytes: [UInt8])
  {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: chainPath, isDirectory: &isDirectory) else {
      throw .missingFile(path: chainPath, why: "run.json lists it as a chain file")
    }
    guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: chainPath)
    else {
      throw .corruptFile(path: chainPath, line: nil, reason: "cannot be read as a chain file")
    }
    let bytes = [UInt8](data)
    do {
      let file = try CmdStanCSVReader.parse(String(decoding: bytes, as: UTF8.self), path: chainPath)
      return (file, bytes)
    } catch {
      throw .corruptFile(path: error.path, line: error.line, reason: error.reason)
    }
  }

  private static func checkConsistent(
    _ files: [CmdStanCSVReader.ChainFile], parameterNames: [String]
  ) throws(SummaryError) {
    let first = files[0]
    for file in files.dropFirst() {
      guard file.columns == first.columns else {
        throw .corruptFile(
          path: file.path, line: nil,
          reason: "its columns differ from those of \(first.path)")
      }
      guard file.drawCount == first.drawCount else {
        throw .corruptFile(
          path: file.path, line: nil,
          reason: "\(file.drawCount) draws, but \(first.path) has \(first.drawCount); "
            + "the chains must be of one length")
      }
    }
    let present = Set(first.columns)
    if let missing = parameterNames.first(where: { !present.contains($0) }) {
      throw .corruptFile(
        path: first.path, line: nil,
        reason: "no column \"\(missing)\", a parameter listed in run.json")
    }
  }
}
