import Foundation

/// What `bayes-mmm check-data` reports: the data summary, the roles, the audit findings and
/// the scale factors, as JSON (stable keys) or as readable text.
///
/// ```swift
/// let report = DataAuditReport(data: data, findings: try DataAudit().findings(for: data))
/// print(report.text())
/// let json = try report.json()   // keys: file, sha256, weeks, first_week, last_week,
///                                // roles, findings, scales
/// ```
public struct DataAuditReport: Codable, Sendable {
  public let file: String
  public let sha256: String
  public let weeks: Int
  public let firstWeek: String
  public let lastWeek: String
  public let roles: ColumnRoles
  public let findings: [AuditFinding]
  public let scales: ScalingFacts
  /// The dataset, kept for the text rendering.
  let data: WeeklyDataset?

  public init(data: WeeklyDataset, findings: [AuditFinding]) {
    file = data.sourcePath
    sha256 = data.sha256
    weeks = data.weekCount
    firstWeek = data.dates.first ?? ""
    lastWeek = data.dates.last ?? ""
    roles = data.roles
    self.findings = findings
    scales = data.scales
    self.data = data
  }

  /// Pretty-printed JSON with sorted keys, ending in a newline.
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
  }

  enum CodingKeys: String, CodingKey {
    case file, sha256, weeks, roles, findings, scales
    case firstWeek = "first_week"
    case lastWeek = "last_week"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    file = try container.decode(String.self, forKey: .file)
    sha256 = try container.decode(String.self, forKey: .sha256)
    weeks = try container.decode(Int.self, forKey: .weeks)
    firstWeek = try container.decode(String.self, forKey: .firstWeek)
    lastWeek = try container.decode(String.self, forKey: .lastWeek)
    roles = try container.decode(ColumnRoles.self, forKey: .roles)
    findings = try container.decode([AuditFinding].self, forKey: .findings)
    scales = try container.decode(ScalingFacts.self, forKey: .scales)
    data = nil
  }
}

extension AuditFinding {
  /// Encodes every key, with `null` for a missing column, so the JSON shape never varies.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(severity, forKey: .severity)
    try container.encode(code, forKey: .code)
    try container.encode(column, forKey: .column)
    try container.encode(rows, forKey: .rows)
    try container.encode(message, forKey: .message)
    try container.encode(action, forKey: .action)
  }

  enum CodingKeys: String, CodingKey {
    case severity, code, column, rows, message, action
  }
}
