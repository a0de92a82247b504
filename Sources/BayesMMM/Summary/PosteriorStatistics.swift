/// What a report says about one scalar quantity: posterior mean, median, central 90% and
/// 95% credible intervals and the probability that it is positive (MODEL.md 6).
///
/// ```swift
/// let total = PosteriorStatistics(draws: teDraws)   // all chains pooled
/// total.lower90 ... total.upper90                   // 5% and 95% quantiles
/// total.probabilityPositive                          // share of draws > 0
/// ```
///
/// Intervals are central (equal-tailed): the (1 - p)/2 and (1 + p)/2 quantiles of the pooled
/// draws by NumPy's default linear interpolation (`Diagnostics.quantile`), not highest
/// density intervals. Values are in the quantity's own units. Draws that are not finite
/// (an overflowed effect) are counted in `nonFiniteDraws` and left out of the statistics;
/// NaN throughout only when no draw is finite.
public struct PosteriorStatistics: Sendable, Equatable {
  public let mean: Double
  public let median: Double
  public let lower90: Double
  public let upper90: Double
  public let lower95: Double
  public let upper95: Double
  /// The share of draws strictly above 0, in [0, 1].
  public let probabilityPositive: Double
  /// Draws that were ±inf or NaN and are not in the statistics above.
  public let nonFiniteDraws: Int

  /// Summarises draws pooled over chains.
  public init(draws all: [Double]) {
    let finite = all.filter(\.isFinite)
    nonFiniteDraws = all.count - finite.count
    let draws = nonFiniteDraws == 0 ? all : finite
    mean = Diagnostics.mean(draws)
    median = Diagnostics.quantile(draws, probability: 0.5)
    (lower90, upper90) = Self.centralInterval(draws, probability: 0.9)
    (lower95, upper95) = Self.centralInterval(draws, probability: 0.95)
    probabilityPositive = Self.probabilityPositive(draws)
  }

  /// The central `probability` interval: the (1 - p)/2 and (1 + p)/2 quantiles.
  public static func centralInterval(_ draws: [Double], probability: Double)
    -> (lower: Double, upper: Double)
  {
    let tail = (1 - probability) / 2
    return (
      Diagnostics.quantile(draws, probability: tail),
      Diagnostics.quantile(draws, probability: 1 - tail)
    )
  }

  /// The share of draws strictly above 0; NaN for no draws or a non-finite draw.
  public static func probabilityPositive(_ draws: [Double]) -> Double {
    guard !draws.isEmpty, draws.allSatisfy(\.isFinite) else { return .nan }
    return Double(draws.filter { $0 > 0 }.count) / Double(draws.count)
  }

  /// The same statistics of `transform` applied to every draw (e.g. exp(x) - 1).
  public init(draws: [Double], transform: (Double) -> Double) {
    self.init(draws: draws.map(transform))
  }

  /// `{"mean", "median", "lower90", "upper90", "lower95", "upper95", "prob_positive",
  /// "non_finite_draws"}`.
  var json: JSONValue {
    [
      "mean": .number(mean), "median": .number(median), "lower90": .number(lower90),
      "upper90": .number(upper90), "lower95": .number(lower95), "upper95": .number(upper95),
      "prob_positive": .number(probabilityPositive),
      "non_finite_draws": .number(Double(nonFiniteDraws)),
    ]
  }
}
