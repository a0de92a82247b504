/// The data audit that runs before any fit (MODEL.md 2): warnings and notes about a loaded
/// dataset, each with the column, the rows and what bayes-mmm does about it.
///
/// ```swift
/// let data = try WeeklyDataset.load(path: "data/mmm_weekly.csv")
/// let findings = try DataAudit(parameterCount: model.parameterCount).findings(for: data)
/// for finding in findings where finding.severity == .warning { ... }
/// ```
///
/// Errors (unusable data) are thrown by `WeeklyDataset.load`; the audit adds the one error
/// that needs the model: fewer weeks than parameters. Findings come in a fixed order: the
/// week sequence, the outcome, the mediator, social then owned channels, extreme values
/// (outcome, then channels), controls, columns without a role, and collinearity last.
public struct DataAudit: Sendable {
  /// Number of model parameters; more than the number of weeks is an error. `nil`: unchecked.
  public var parameterCount: Int?
  /// A channel off in more than this fraction of weeks is "mostly off".
  public var mostlyOffFraction = 0.5
  /// max / min of the outcome at or above which its dynamic range is reported.
  public var dynamicRangeRatio = 1_000.0
  /// A spend or outcome value above this multiple of its column's median of positive
  /// values is reported as extreme (`extremeValueFindings`).
  public var extremeValueRatio = 1_000.0
  /// |r| at or above which a pair of regressors is reported.
  public var correlationThreshold = 0.8
  /// Variance inflation factor at or above which a regressor is reported.
  public var varianceInflationThreshold = 5.0
  /// Fourier order of the season terms in the regressor set (MODEL.md 3.3).
  public var seasonOrder = 2

  public init(parameterCount: Int? = nil) {
    self.parameterCount = parameterCount
  }

  /// All findings for `data`, in the documented order.
  public func findings(for data: WeeklyDataset) throws(DataError) -> [AuditFinding] {
    if let parameterCount, data.weekCount < parameterCount {
      throw .tooFewRows(file: data.sourcePath, rows: data.weekCount, parameters: parameterCount)
    }
    return weekGapFindings(data) + outcomeFindings(data) + channelFindings(data)
      + extremeValueFindings(data) + columnFindings(data) + collinearityFindings(data)
  }
}

/// Text pieces the findings share.
enum AuditText {
  /// "2023-11-05, 2024-04-14" for 1-based rows.
  static func dates(_ rows: [Int], in data: WeeklyDataset) -> String {
    rows.map { data.dates[$0 - 1] }.joined(separator: ", ")
  }

  /// 1-based rows where `values` is zero.
  static func zeroRows(_ values: [Double]) -> [Int] {
    values.indices.filter { values[$0] == 0 }.map { $0 + 1 }
  }

  /// Two decimals with thousands separators: "398,453.53".
  static func money(_ value: Double) -> String { NumberText.grouped(value, decimals: 2) }

  /// Whole numbers without decimals ("51,091"), others with two.
  static func amount(_ value: Double) -> String {
    NumberText.grouped(value, decimals: value == value.rounded() ? 0 : 2)
  }

  static func weeks(_ count: Int) -> String { count == 1 ? "1 week" : "\(count) weeks" }
}
