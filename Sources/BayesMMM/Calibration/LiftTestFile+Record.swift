/// A lift-test file in run.json (`lift_tests`), and back.
///
/// ```json
/// "lift_tests": {"path": "lifts.csv", "sha256": "…", "content": "channel,start,…",
///                "tests": [{"row": 1, "channel": "tiktok_spend", "start": "2024-03-03",
///                           "end": "2024-03-24", "spend_change": "off", "cooldown_weeks": 2,
///                           "lift": 50000, "se": 10000}]}
/// ```
///
/// `content` is the file's text, so a command that rebuilds the model from the run
/// (`StoredRun.rebuildModel`) gets the very tests the run was fitted with, whatever became of
/// the file; `tests` is the same, resolved, for readers. `null` for a run without tests.
extension LiftTestFile {
  /// The member names of `lift_tests` and of each of its tests.
  enum RecordKey {
    static let path = "path", sha256 = "sha256", content = "content", tests = "tests"
  }

  /// The record of this file.
  public var recordJSON: JSONValue {
    .object([
      (key: RecordKey.path, value: .string(source)),
      (key: RecordKey.sha256, value: .string(sha256)),
      (key: RecordKey.content, value: .string(content)),
      (key: RecordKey.tests, value: .array(tests.map(\.recordJSON))),
    ])
  }

  /// The file recorded in `record` (run.json's `lift_tests`), resolved against `dataset`;
  /// nil when the run has none (`null` or no member).
  /// - Throws: `SummaryError.badRecord` for a record without its text or whose text does not
  ///   match its checksum; the file's own errors, naming `source`, otherwise.
  public static func recorded(
    _ record: JSONValue?, dataset: WeeklyDataset, recordPath: String, key: String
  ) throws -> LiftTestFile? {
    guard let record, record.objectMembers != nil else { return nil }
    guard let content = record[RecordKey.content]?.stringValue,
      let path = record[RecordKey.path]?.stringValue
    else {
      throw SummaryError.badRecord(
        path: recordPath, key: key, reason: "expected the lift-test file's path and content")
    }
    let bytes = Array(content.utf8)
    guard SHA256.hexDigest(of: bytes) == record[RecordKey.sha256]?.stringValue else {
      throw SummaryError.badRecord(
        path: recordPath, key: key + "." + RecordKey.content,
        reason: "its SHA-256 differs from \(key).\(RecordKey.sha256)")
    }
    let file = try LiftTestFile(
      bytes: bytes, source: "\(recordPath) \(key) (\(path))", dataset: dataset)
    return LiftTestFile(source: path, sha256: file.sha256, content: content, tests: file.tests)
  }

  init(source: String, sha256: String, content: String, tests: [LiftTest]) {
    self.source = source
    self.sha256 = sha256
    self.content = content
    self.tests = tests
  }
}

extension LiftTest {
  /// One test as run.json and `summarize --format json` write it.
  public var recordJSON: JSONValue {
    .object([
      (key: "row", value: .number(Double(row))),
      (key: "channel", value: .string(channel)),
      (key: "start", value: .string(start)),
      (key: "end", value: .string(end)),
      (key: "spend_change", value: .string(spendChange.description)),
      (key: "cooldown_weeks", value: .number(Double(cooldownWeeks))),
      (key: "lift", value: .number(lift)),
      (key: "se", value: .number(se)),
    ])
  }
}
