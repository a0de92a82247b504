import Foundation

/// The checks that a run folder's chain files are the very files its run.json describes
/// (issue 12: a cut, swapped or edited chain file is refused, naming the file).
///
/// In order: run.json's `format_version` is `RunRecord.formatVersion`; per chain file, its
/// SHA-256 is the one in `chain_file_checks`, its draws are `settings.draws` (and the
/// recorded `draws`), its model columns are run.json's `columns`, its header's seed is
/// `settings.seed` and its chain id the recorded `chain_id`, and every parameter cell is
/// finite. Effect columns may hold non-finite values (an effect can overflow under wide
/// priors); those are counted elsewhere, not refused.
extension StoredRun {
  /// Refuses a run.json of another layout version than the one this version writes.
  static func checkFormatVersion(_ record: JSONValue, recordPath: String) throws(SummaryError) {
    let current = RunRecord.formatVersion
    let rerun = "re-run sample with this version of bayes-mmm"
    guard let version = record[.formatVersion]?.numberValue else {
      throw .badRecord(
        path: recordPath, key: RunRecordKey.formatVersion.rawValue,
        reason: "missing (expected \(current)); \(rerun)")
    }
    guard version == Double(current) else {
      let shown = Int64(exactly: version).map(String.init) ?? "\(version)"
      let why =
        version < Double(current)
        ? "an older layout, whose chain files carry no checksums"
        : "not a layout this bayes-mmm reads (it reads \(current))"
      throw .badRecord(
        path: recordPath, key: RunRecordKey.formatVersion.rawValue,
        reason: "\(shown) is \(why); \(rerun)")
    }
  }

  /// run.json's `chain_file_checks`, one per name of `chain_files`, in that order.
  static func chainFileChecks(
    _ record: JSONValue, fileNames: [String], recordPath: String
  ) throws(SummaryError) -> [RunRecord.ChainFileCheck] {
    func bad(_ reason: String) -> SummaryError {
      .badRecord(path: recordPath, key: RunRecordKey.chainFileChecks.rawValue, reason: reason)
    }
    guard let entries = record[.chainFileChecks]?.arrayValue else {
      throw bad("expected an array with one object per chain file")
    }
    guard entries.count == fileNames.count else {
      throw bad("\(entries.count) entries for \(fileNames.count) chain files")
    }
    var checks: [RunRecord.ChainFileCheck] = []
    for (index, entry) in entries.enumerated() {
      guard let check = RunRecord.ChainFileCheck(json: entry), check.file == fileNames[index]
      else {
        throw bad(
          "entry \(index + 1): expected {\"\(RunRecordKey.chainFileCheckFile.name)\": "
            + "\"\(fileNames[index])\", "
            + [RunRecordKey.chainFileCheckSHA256, .chainFileCheckDraws, .chainFileCheckChainID]
            .map { "\"\($0.name)\"" }.joined(separator: ", ") + "}")
      }
      checks.append(check)
    }
    return checks
  }

  /// What run.json says every chain file must be.
  struct ChainFileExpectation {
    let draws: Int
    let columns: [String]
    let seed: UInt64
    let parameterNames: [String]
  }

  /// Checks one chain file (`bytes` as read, `file` as parsed) against run.json.
  static func checkChainFile(
    _ file: CmdStanCSVReader.ChainFile, bytes: [UInt8], against check: RunRecord.ChainFileCheck,
    expected: ChainFileExpectation
  ) throws(SummaryError) {
    func corrupt(_ reason: String) -> SummaryError {
      .corruptFile(path: file.path, line: nil, reason: reason)
    }
    let sha256 = SHA256.hexDigest(of: bytes)
    guard sha256 == check.sha256 else {
      throw corrupt(
        "sha256 \(sha256), but run.json records \(check.sha256): the file changed after the "
          + "run; re-run sample")
    }
    guard file.drawCount == expected.draws else {
      throw corrupt(
        "\(file.drawCount) draws, but run.json records \(expected.draws) (settings.draws)")
    }
    guard check.draws == expected.draws else {
      throw corrupt(
        "run.json's chain_file_checks records \(check.draws) draws for it but settings.draws "
          + "is \(expected.draws): run.json was edited; re-run sample")
    }
    let columns = file.modelColumns
    guard columns == expected.columns else {
      let differing = zip(columns, expected.columns).first { $0 != $1 }
      throw corrupt(
        "its \(columns.count) columns differ from the \(expected.columns.count) of run.json's "
          + "\"columns\""
          + (differing.map { " (\"\($0.0)\" where run.json has \"\($0.1)\")" } ?? ""))
    }
    guard let seed = file.headerSeed, seed == expected.seed else {
      throw corrupt(
        "its header's seed is \(file.headerSeed.map(String.init) ?? "missing"), but run.json's "
          + "settings.seed is \(expected.seed): it is not a chain of this run")
    }
    guard file.headerChainID == check.chainID else {
      throw corrupt(
        "its header's chain id is \(file.headerChainID.map(String.init) ?? "missing"), but "
          + "run.json records chain \(check.chainID) for it")
    }
    for name in expected.parameterNames {
      guard let index = file.columns.firstIndex(of: name) else {
        throw corrupt("no column \"\(name)\", a parameter listed in run.json")
      }
      for draw in 0..<file.drawCount {
        let value = file.values[draw * file.width + index]
        guard value.isFinite else {
          throw corrupt(
            "draw \(draw + 1), column \"\(name)\": \(CmdStanCSV.number(value)); parameter "
              + "draws must be finite")
        }
      }
    }
  }
}
