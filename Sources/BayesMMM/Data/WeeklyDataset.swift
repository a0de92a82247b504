/// One validated weekly data file, split by role: what the model and the audit read.
///
/// ```swift
/// let data = try WeeklyDataset.load(path: "data/mmm_weekly.csv")
/// data.weekCount                  // 104
/// data.socialNames                // ["facebook_spend", "tiktok_spend", ...]
/// data.social[1][0]               // tiktok spend in the first week
/// data.floorValue                 // 1.0: revenue's repeated minimum
/// data.scales.outcomeMean         // scale_y
/// ```
///
/// Invariants (established by `load`): every series has `weekCount` entries; dates strictly
/// increase in whole weeks (gaps of several weeks are allowed and visible in `weekIndex`);
/// at least `minimumWeekCount` weeks; outcome and price (when there is one) are normal
/// positive doubles (>= 2.2e-308, so their logarithms are finite); spend and owned volumes
/// are >= 0; promotion is in [0, 1]; the outcome is not constant and its floor covers at most
/// half the weeks; no regressor is constant; every value is finite. Rows keep the file's
/// order.
public struct WeeklyDataset: Sendable {
  /// The path the file was read from, as given (used in messages).
  public let sourcePath: String
  /// SHA-256 of the file's bytes, lowercase hex.
  public let sha256: String
  public let roles: ColumnRoles
  /// Column names as in the header (trimmed).
  public let header: [String]
  /// The physical line each data row starts on (for messages).
  public let lineNumbers: [Int]

  /// ISO dates as written, `YYYY-MM-DD`.
  public let dates: [String]
  /// Days since 1970-01-01.
  public let dayNumbers: [Int]
  /// Weeks since the first row: 0, 1, 2, ... (jumps where weeks are missing).
  public let weekIndex: [Int]
  /// ISO 8601 week of the year, 1...53.
  public let isoWeekOfYear: [Int]

  /// The outcome (revenue), in the file's currency.
  public let outcome: [Double]
  /// The mediator (Google spend).
  public let mediator: [Double]
  /// Social channel names, in role order.
  public let socialNames: [String]
  /// Social spend, channel-major: `social[channel][week]`.
  public let social: [[Double]]
  /// Owned channel names, in role order.
  public let ownedNames: [String]
  /// Owned channel volumes, channel-major: `owned[channel][week]`.
  public let owned: [[Double]]
  /// Average price; nil when the roles have no price.
  public let price: [Double]?
  /// Promotion in [0, 1]; nil when the roles have no promotion.
  public let promotion: [Double]?
  /// Extra controls, with their missing weeks.
  public let controls: [NumericColumn]
  /// Numeric columns with no role (e.g. `social_followers`); kept for the audit only.
  public let unusedColumns: [NumericColumn]
  /// Columns with no role that are not all numbers: ignored.
  public let ignoredColumns: [String]

  /// The outcome's floor: its minimum when that minimum repeats in at least 3 weeks and 2% of
  /// the weeks (`OutcomeFloor`; a reporting floor such as 1.00 rather than a sale); `nil` when
  /// there is none.
  public private(set) var floorValue: Double?
  /// Weeks whose outcome sits at the floor (left-censored, MODEL.md 3.4).
  public private(set) var isFloor: [Bool]

  /// Scale factors the model divides by (MODEL.md 3).
  public let scales: ScalingFacts

  /// Number of weeks (rows).
  public var weekCount: Int { dates.count }

  /// Floor weeks, as 1-based row numbers.
  public var floorRows: [Int] { isFloor.indices.filter { isFloor[$0] }.map { $0 + 1 } }

  /// Every spend-like series the model transforms (mediator, social, owned), in role order.
  public var spendChannels: [(name: String, role: ColumnRole, values: [Double])] {
    [(roles.mediator, .mediator, mediator)]
      + zip(socialNames, social).map { ($0, .social, $1) }
      + zip(ownedNames, owned).map { ($0, .owned, $1) }
  }

  init(
    source: String, sha256: String, roles: ColumnRoles, header: [String], lineNumbers: [Int],
    dates: [ISODate], columns: [String: [Double]], unusedColumns: [NumericColumn],
    ignoredColumns: [String]
  ) {
    sourcePath = source
    self.sha256 = sha256
    self.roles = roles
    self.header = header
    self.lineNumbers = lineNumbers
    self.dates = dates.map(\.description)
    dayNumbers = dates.map(\.dayNumber)
    let firstDay = dayNumbers.first ?? 0
    weekIndex = dayNumbers.map { ($0 - firstDay) / 7 }
    isoWeekOfYear = dates.map(\.isoWeekOfYear)
    func series(_ name: String) -> [Double] { columns[name] ?? [] }
    outcome = series(roles.outcome)
    mediator = series(roles.mediator)
    socialNames = roles.social
    social = roles.social.map(series)
    ownedNames = roles.owned
    owned = roles.owned.map(series)
    price = roles.price.map(series)
    promotion = roles.promotion.map(series)
    controls = roles.controls.map { NumericColumn(name: $0, values: series($0)) }
    self.unusedColumns = unusedColumns
    self.ignoredColumns = ignoredColumns
    floorValue = OutcomeFloor.value(of: outcome)
    isFloor = Self.floorWeeks(outcome, floor: floorValue)
    let spend =
      [(roles.mediator, mediator)] + Array(zip(roles.social, social))
      + Array(zip(roles.owned, owned))
    scales = ScalingFacts(outcome: outcome, spend: spend, price: price)
  }
}

/// A numeric column with its missing weeks: a leading run of zeros followed by a jump is
/// missing data, not zero (see `LeadingZeros`). Missing entries keep the 0 as written.
public struct NumericColumn: Sendable, Equatable {
  public let name: String
  public let values: [Double]
  /// `missing[t]` is true when week t's value is missing.
  public let missing: [Bool]

  public init(name: String, values: [Double]) {
    self.name = name
    self.values = values
    let run = LeadingZeros.missingRunLength(values)
    missing = values.indices.map { $0 < run }
  }

  /// Number of leading weeks marked missing.
  public var missingCount: Int { missing.prefix { $0 }.count }

  /// The values of the weeks that are not missing.
  public var observedValues: [Double] { zip(values, missing).filter { !$0.1 }.map(\.0) }
}

extension WeeklyDataset {
  /// This data with a floor known from how it was made instead of the one `OutcomeFloor`
  /// detects: every week at `floor` is censored, however few. A simulation floors revenue
  /// at 1.00 and knows it; data read from a file gets the detection rule.
  public func knowingFloor(_ floor: Double) -> WeeklyDataset {
    var known = self
    known.floorValue = floor
    known.isFloor = Self.floorWeeks(outcome, floor: floor)
    return known
  }

  /// Per week, whether the outcome sits at `floor` (all false without a floor).
  private static func floorWeeks(_ outcome: [Double], floor: Double?) -> [Bool] {
    outcome.map { value in floor.map { value == $0 } ?? false }
  }
}
