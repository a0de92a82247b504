/// One thing the data audit noticed: what, where (column and 1-based rows) and what
/// bayes-mmm does about it.
///
/// ```swift
/// let finding = try DataAudit().findings(for: data)[0]
/// finding.code       // .outcomeFloor
/// finding.rows       // [8, 31, 35, 57, 61, 62, 84, 89]
/// finding.action     // "treated as left-censored at 1.00 ..."
/// ```
///
/// Errors never become findings: they stop the run as `DataError`.
public struct AuditFinding: Codable, Equatable, Sendable {
  public enum Severity: String, Codable, Sendable {
    case warning, info
  }

  /// Stable identifiers, safe to match on in scripts.
  public enum Code: String, Codable, Sendable, CaseIterable {
    case weekGap = "week-gap"
    case outcomeFloor = "outcome-floor"
    case outcomeDynamicRange = "outcome-dynamic-range"
    case mediatorZeroWeeks = "mediator-zero-weeks"
    case channelMostlyOff = "channel-mostly-off"
    case channelNeverOff = "channel-never-off"
    case extremeValue = "extreme-value"
    case leadingZerosMissing = "leading-zeros-missing"
    case downstreamControl = "downstream-control"
    case downstreamExcluded = "downstream-excluded"
    case columnNotUsed = "column-not-used"
    case columnIgnored = "column-ignored"
    case collinearPair = "collinear-pair"
    case highVarianceInflation = "high-vif"
    case exactCollinearity = "exact-collinearity"
    case collinearityChecked = "collinearity-checked"
  }

  public let severity: Severity
  public let code: Code
  /// The column concerned (several joined by ", "), or `nil` for the whole file.
  public let column: String?
  /// 1-based data rows concerned (empty when the finding is about a whole column).
  public let rows: [Int]
  /// What was found, with numbers and dates.
  public let message: String
  /// What bayes-mmm does about it.
  public let action: String

  public init(
    _ severity: Severity, _ code: Code, column: String?, rows: [Int] = [], message: String,
    action: String
  ) {
    self.severity = severity
    self.code = code
    self.column = column
    self.rows = rows
    self.message = message
    self.action = action
  }
}
