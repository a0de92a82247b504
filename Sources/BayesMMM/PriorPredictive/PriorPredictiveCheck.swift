#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The prior-predictive check of MODEL.md 5: how the observed revenue and Google spend sit
/// inside what the priors alone predict, and the priors implied for the headline effects.
///
/// ```swift
/// let draws = PriorPredictiveSimulator.simulate(model: model, count: 1000, seed: 1)
/// let check = PriorPredictiveCheck(model: model, draws: draws)
/// check.revenue.shareIn95            // observed weeks inside the 95% pointwise band
/// check.zeroShare.isInsideCentral90  // observed share of zero-Google weeks plausible?
/// check.flags                        // priors under which the data are implausible
/// ```
///
/// Pointwise bands are, per week, the central 50% (25-75%) and 95% (2.5-97.5%) intervals
/// of the simulated values over draws; an observed week is inside when
/// lower <= observed <= upper (so a zero-Google week is inside whenever at least 2.5% of
/// draws are off that week, and a floor week whenever 2.5% of draws fall to the floor).
///
/// Quantile comparisons take a weekly series' 5/25/50/75/95% quantiles (over weeks) as
/// test statistics: each draw's series gives one value of each, and the observed value is
/// compared with the 5-95% range of those over draws.
public struct PriorPredictiveCheck: Sendable {
  /// The levels of the series quantiles compared (over weeks).
  public static let quantileLevels = [0.05, 0.25, 0.5, 0.75, 0.95]
  /// Smallest share of observed weeks inside the 95% band before the check flags it.
  public static let minimumShareIn95 = 0.9

  /// One test statistic: a weekly series' `level` quantile, observed and simulated.
  public struct QuantileComparison: Sendable, Equatable {
    /// The quantile level in (0, 1), e.g. 0.05.
    public let level: Double
    /// The observed series' quantile, in the series' units.
    public let observed: Double
    /// 5%, 50% and 95% quantiles over draws of the simulated series' quantile.
    public let simulatedLower: Double
    public let simulatedMedian: Double
    public let simulatedUpper: Double
    /// Share of draws whose quantile is at or below the observed one (a prior-predictive
    /// p-value; near 0 or 1 means the observed value is extreme under the priors).
    public let shareAtOrBelowObserved: Double

    /// Whether the observed value lies in the simulated 5-95% range (ends included).
    public var isInsideSimulatedRange: Bool {
      observed >= simulatedLower && observed <= simulatedUpper
    }
  }

  /// One weekly series (revenue or Google spend) against its prior predictive draws.
  public struct SeriesCheck: Sendable {
    /// The column name, e.g. "revenue".
    public let name: String
    /// Observed weekly values, in currency.
    public let observed: [Double]
    /// The comparisons at `PriorPredictiveCheck.quantileLevels`.
    public let quantiles: [QuantileComparison]
    /// Per week: the 25% and 75% quantiles of the simulated values over draws.
    public let band50: [(lower: Double, upper: Double)]
    /// Per week: the 2.5% and 97.5% quantiles of the simulated values over draws.
    public let band95: [(lower: Double, upper: Double)]
    /// Share of observed weeks inside the 50% and the 95% band, in [0, 1].
    public let shareIn50: Double
    public let shareIn95: Double
    /// 0-based weeks whose observed value is above / below the 95% band.
    public let weeksAbove95: [Int]
    public let weeksBelow95: [Int]

    /// - Parameters:
    ///   - observed: the observed series, length T.
    ///   - simulated: `[draw][week]`, each of length T.
    init(name: String, observed: [Double], simulated: [[Double]]) {
      self.name = name
      self.observed = observed
      let levels = PriorPredictiveCheck.quantileLevels
      let perDraw = simulated.map { PriorPredictiveStatistics.quantiles($0, levels: levels) }
      let observedQuantiles = PriorPredictiveStatistics.quantiles(observed, levels: levels)
      quantiles = levels.indices.map { j in
        let values = perDraw.map { $0[j] }
        let range = PriorPredictiveStatistics.quantiles(values, levels: [0.05, 0.5, 0.95])
        let atOrBelow = values.filter { $0 <= observedQuantiles[j] }.count
        return QuantileComparison(
          level: levels[j], observed: observedQuantiles[j], simulatedLower: range[0],
          simulatedMedian: range[1], simulatedUpper: range[2],
          shareAtOrBelowObserved: Double(atOrBelow) / Double(max(values.count, 1)))
      }
      var band50: [(lower: Double, upper: Double)] = []
      var band95: [(lower: Double, upper: Double)] = []
      for t in observed.indices {
        let q = PriorPredictiveStatistics.quantiles(
          simulated.map { $0[t] }, levels: [0.025, 0.25, 0.75, 0.975])
        band50.append((q[1], q[2]))
        band95.append((q[0], q[3]))
      }
      self.band50 = band50
      self.band95 = band95
      let weeks = Double(max(observed.count, 1))
      func inside(_ band: [(lower: Double, upper: Double)], _ t: Int) -> Bool {
        observed[t] >= band[t].lower && observed[t] <= band[t].upper
      }
      shareIn50 = Double(observed.indices.filter { inside(band50, $0) }.count) / weeks
      shareIn95 = Double(observed.indices.filter { inside(band95, $0) }.count) / weeks
      weeksAbove95 = observed.indices.filter { observed[$0] > band95[$0].upper }
      weeksBelow95 = observed.indices.filter { observed[$0] < band95[$0].lower }
    }
  }

  /// The distribution over draws of one scalar quantity.
  public struct Distribution: Sendable, Equatable {
    /// Mean of the finite draws.
    public let mean: Double
    /// Quantiles at 5, 25, 50, 75 and 95%.
    public let q05: Double
    public let q25: Double
    public let q50: Double
    public let q75: Double
    public let q95: Double
    /// Draws that are not finite (overflow under extreme priors), left out of the mean.
    public let nonFiniteDraws: Int

    init(_ values: [Double]) {
      mean = PriorPredictiveStatistics.finiteMean(values)
      let q = PriorPredictiveStatistics.quantiles(values, levels: [0.05, 0.25, 0.5, 0.75, 0.95])
      (q05, q25, q50, q75, q95) = (q[0], q[1], q[2], q[3], q[4])
      nonFiniteDraws = values.filter { !$0.isFinite }.count
    }
  }

  /// The share of weeks with zero Google spend: observed and its prior predictive.
  public struct ZeroShare: Sendable, Equatable {
    /// Observed share of zero weeks, in [0, 1].
    public let observed: Double
    /// The simulated share per draw, summarised.
    public let simulated: Distribution

    /// Whether the observed share lies in the central 90% (5-95%) of the simulated one.
    public var isInsideCentral90: Bool {
      observed >= simulated.q05 && observed <= simulated.q95
    }
  }

  /// The prior of one headline quantity, implied by the parameter priors.
  public struct ImpliedQuantity: Sendable, Equatable {
    /// Key for JSON, e.g. "price_elasticity" or "total_effect_share.instagram_spend".
    public let key: String
    /// What it is and its unit, for the text report.
    public let label: String
    public let distribution: Distribution
  }

  /// A prior under which the observed data are implausible, and what to change.
  public struct Flag: Sendable, Equatable {
    /// Prior family keys (`priors.<key>` in the priors file) to revise.
    public let priors: [String]
    /// The finding and the advice, in one or two sentences.
    public let message: String
  }

  /// Number of prior draws behind the check.
  public let drawCount: Int
  public let revenue: SeriesCheck
  public let googleSpend: SeriesCheck
  public let zeroShare: ZeroShare
  /// Price elasticity, promotion lift (each only when the model has the term), then each
  /// social channel's total effect share.
  public let implied: [ImpliedQuantity]
  /// Empty when the observed data are plausible under the priors.
  public let flags: [Flag]

  /// Whether no prior was flagged.
  public var passed: Bool { flags.isEmpty }

  /// Compares the observed series with `draws` simulated from `model`.
  /// - Parameters:
  ///   - observedRevenue: weekly revenue in currency as in the data file; nil rebuilds it
  ///     from `model.inputs` (exact at floor weeks, within rounding elsewhere).
  ///   - observedMediator: weekly Google spend in currency; nil rebuilds it likewise.
  public init(
    model: JointModel, draws: PriorPredictiveDraws, observedRevenue: [Double]? = nil,
    observedMediator: [Double]? = nil
  ) {
    let inputs = model.inputs
    drawCount = draws.count
    let observedRevenue = observedRevenue ?? PriorPredictiveSimulator.currencyRevenue(inputs)
    let observedMediator =
      observedMediator ?? inputs.mediatorSpend.map { $0 * inputs.mediatorScale }
    revenue = SeriesCheck(name: "revenue", observed: observedRevenue, simulated: draws.revenue)
    googleSpend = SeriesCheck(
      name: inputs.mediatorName, observed: observedMediator, simulated: draws.mediatorSpend)
    let zeroWeeks = observedMediator.filter { $0 == 0 }.count
    zeroShare = ZeroShare(
      observed: Double(zeroWeeks) / Double(max(inputs.weeks, 1)),
      simulated: Distribution(draws.mediatorZeroShare))
    var implied: [ImpliedQuantity] = []
    if let elasticity = draws.priceElasticity {
      implied.append(
        ImpliedQuantity(
          key: "price_elasticity",
          label: "price elasticity at the median price (d log revenue / d log price)",
          distribution: Distribution(elasticity)))
    }
    if let lift = draws.promotionLift {
      implied.append(
        ImpliedQuantity(
          key: "promo_lift", label: "promotion lift, exp(promo_lift) - 1 (share of revenue)",
          distribution: Distribution(lift)))
    }
    for (s, name) in draws.socialNames.enumerated() {
      implied.append(
        ImpliedQuantity(
          key: "total_effect_share.\(name)",
          label: "\(name) total effect, zero-spend contrast (share of observed revenue)",
          distribution: Distribution(draws.totalEffectShare[s])))
    }
    self.implied = implied
    flags = Self.flags(revenue: revenue, googleSpend: googleSpend, zeroShare: zeroShare)
  }
}
