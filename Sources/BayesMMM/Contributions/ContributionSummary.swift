/// Contributions reduced to what is reported: for every part, the baseline and the
/// interaction, per week and over the window, the posterior mean, median and central 90%
/// interval (q05, q95) in currency (`PosteriorStatistics`).
///
/// Window totals are summed per draw before the statistics are taken, so their interval
/// reflects the weeks' joint uncertainty.
public struct ContributionSummary: Sendable, Equatable {
  /// The statement of the multiplicative model's convention that every output carries.
  public static let convention =
    "Each part is a one-at-a-time removal: observed revenue minus revenue with that input "
    + "alone removed (spend 0, price at the median, no promotion), every other input "
    + "observed, per posterior draw. Revenue is a product of factors, so the parts and the "
    + "baseline (every input removed) do not add up to observed revenue; interaction = "
    + "observed - baseline - sum of the parts (social totals, Google, owned, price, "
    + "promotion). A social channel's total splits into direct (Google held at the paths of "
    + "the channel-off plan) and via Google (total - direct), the NDE and NIE of the "
    + "effects; they are not added again. Google is simulated from the hurdle with common "
    + "random numbers where the removed input moves it (social, promotion) and kept at its "
    + "observed path otherwise."

  /// One series: weekly statistics `[T]` and the window total's.
  public struct Series: Sendable, Equatable {
    public let name: String
    /// The part's kind (`ContributionPart.Kind` raw value), `baseline` or `interaction`.
    public let kind: String
    public let weekly: [PosteriorStatistics]
    public let total: PosteriorStatistics

    /// - Parameter draws: `[week][draw]`, currency.
    init(name: String, kind: String, draws: [[Double]]) {
      self.name = name
      self.kind = kind
      weekly = draws.map { PosteriorStatistics(draws: $0) }
      total = PosteriorStatistics(draws: Contributions.windowTotals(draws))
    }
  }

  /// The weeks' dates, [T].
  public let dates: [String]
  /// The dates of the weeks whose revenue sits at the floor (left-censored), in order.
  public let floorWeeks: [String]
  public let parts: [Series]
  public let baseline: Series
  public let interaction: Series
  /// Posterior draws and Google paths per draw behind every figure.
  public let drawCount: Int
  public let paths: Int

  /// - Parameters:
  ///   - dates: one per model week, [T].
  ///   - censored: whether each week's revenue sits at the floor, [T].
  public init(_ contributions: Contributions, dates: [String], censored: [Bool]) {
    precondition(
      dates.count == contributions.baselineDraws.count && censored.count == dates.count,
      "one date and censoring flag per model week")
    self.dates = dates
    floorWeeks = zip(dates, censored).filter(\.1).map(\.0)
    parts = zip(contributions.parts, contributions.partDraws).map { part, draws in
      Series(name: part.name, kind: part.kind.rawValue, draws: draws)
    }
    baseline = Series(name: "baseline", kind: "baseline", draws: contributions.baselineDraws)
    interaction = Series(
      name: "interaction", kind: "interaction", draws: contributions.interactionDraws)
    drawCount = contributions.baselineDraws.first?.count ?? 0
    paths = contributions.paths
  }
}
