extension StoredRun {
  /// The data file as run.json records it (`data.path`): the path `sample` was given, so
  /// possibly relative to the folder it ran in.
  public var recordedDataPath: String? { record[.dataPath]?.stringValue }

  /// The SHA-256 (hex) of the data file the run was fitted to (`data.sha256`).
  public var recordedDataSHA256: String? { record[.dataSHA256]?.stringValue }

  /// Weeks of data the run was fitted to (`data.weeks`).
  public var recordedWeeks: Int? { record[.dataWeeks]?.numberValue.flatMap { Int(exactly: $0) } }

  /// First and last week of the data, ISO dates (`data.first_week`, `data.last_week`).
  public var recordedFirstWeek: String? { record[.dataFirstWeek]?.stringValue }
  public var recordedLastWeek: String? { record[.dataLastWeek]?.stringValue }

  /// The data audit's findings as recorded (`audit`; each an encoded `AuditFinding`), empty
  /// when there are none.
  public var recordedAuditFindings: [JSONValue] { record[.audit]?.arrayValue ?? [] }
}
