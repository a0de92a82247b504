/// The weeks a forecast looks at: what is spent on each channel, the price and the promotion
/// in each week after the data, and Google's spend when it is planned rather than simulated.
///
/// ```swift
/// let plan = try ForecastPlan.read(path: "docs/example-plan.csv", dataset: data)
/// plan.dates           // ["2025-09-14", "2025-09-21", ...]: the weeks after the data's last
/// plan.social[1][0]    // TikTok spend planned for the first week, currency
/// plan.google          // nil: Google is simulated from the hurdle
/// ```
///
/// Invariants (established by `parse`): `dates` continue the data's weekly dates (the first
/// is 7 days after the data's last date, each next one 7 days later); every series has
/// `weekCount` >= 1 entries, in the data's units (currency for spend, the owned channels'
/// units, the price's currency); spend, volumes and Google are >= 0; price > 0 (a normal
/// double); promotion in [0, 1]. Series are channel-major: `social[channel][week]`, in the
/// order of the dataset's roles.
public struct ForecastPlan: Sendable, Equatable {
  /// The path the plan was read from (used in messages).
  public let source: String
  /// ISO dates, `YYYY-MM-DD`.
  public let dates: [String]
  /// ISO 8601 week of the year of each date, 1...53 (drives the seasonality).
  public let isoWeekOfYear: [Int]
  /// Planned social spend, `[S][H]`, currency.
  public let social: [[Double]]
  /// Planned owned-channel volumes, `[O][H]`.
  public let owned: [[Double]]
  /// Planned price, `[H]`; nil when the model has no price term.
  public let price: [Double]?
  /// Planned promotion in [0, 1], `[H]`; nil when the model has no promotion term.
  public let promotion: [Double]?
  /// Planned values of the outcome controls, `[C][H]` (empty without controls).
  public let controls: [[Double]]
  /// Planned Google spend, `[H]`, currency; nil when the plan has no Google column (then
  /// the forecast simulates it).
  public let google: [Double]?

  /// Number of plan weeks H.
  public var weekCount: Int { dates.count }

  public init(
    source: String, dates: [String], isoWeekOfYear: [Int], social: [[Double]],
    owned: [[Double]], price: [Double]?, promotion: [Double]?, controls: [[Double]],
    google: [Double]?
  ) {
    self.source = source
    self.dates = dates
    self.isoWeekOfYear = isoWeekOfYear
    self.social = social
    self.owned = owned
    self.price = price
    self.promotion = promotion
    self.controls = controls
    self.google = google
  }
}
