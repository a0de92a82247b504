/// Draws from the prior predictive distribution of the joint model: parameters from the
/// priors, both equations simulated at each, and the headline quantities they imply.
///
/// ```swift
/// let draws = PriorPredictiveSimulator.simulate(model: prepared.model, count: 1000, seed: 7)
/// draws.logRevenue[0]          // draw 0: log(revenue / scale_y), one value per week
/// draws.mediatorSpend[0]       // draw 0: Google spend in currency, 0 in off weeks
/// draws.totalEffectShare[2]    // every draw's total effect of social channel 2 / revenue
/// ```
///
/// Every array indexed by draw has `count` entries; weekly series have `weeks` entries, in
/// the data's week order.
public struct PriorPredictiveDraws: Sendable {
  /// Parameter names in layout order (the columns of `parameters`).
  public let parameterNames: [String]
  /// Social channel names (the rows of `totalEffectShare`).
  public let socialNames: [String]
  /// Constrained parameter values, `[draw][parameter]`, layout order.
  public let parameters: [[Double]]
  /// Simulated log(revenue / scale_y), `[draw][week]`; log(floor / scale_y) in weeks that
  /// fell at or below the floor.
  public let logRevenue: [[Double]]
  /// Simulated weekly revenue in currency, `[draw][week]` (the floor in censored weeks;
  /// +inf where exp overflows, which only absurd priors reach).
  public let revenue: [[Double]]
  /// Simulated Google (mediator) spend in currency, `[draw][week]`; 0 in off weeks.
  public let mediatorSpend: [[Double]]
  /// Share of weeks with zero simulated Google spend, per draw, in [0, 1].
  public let mediatorZeroShare: [Double]
  /// d log revenue / d log price at the median price, per draw (`PriceResponse.elasticity`:
  /// the parameter itself under constant elasticity); nil without a price term.
  public let priceElasticity: [Double]?
  /// exp(promo_lift) - 1 per draw: the relative revenue change in a promotion week; nil
  /// without a promotion term.
  public let promotionLift: [Double]?
  /// Per social channel, per draw: (Y(x, M(x)) - Y(0, M(0))) / total observed revenue, a
  /// dimensionless share (1 = the channel accounts for all observed revenue). See
  /// `PriorPredictiveSimulator.totalEffectShares`.
  public let totalEffectShare: [[Double]]

  /// Number of draws.
  public var count: Int { parameters.count }
  /// Number of weeks per simulated series.
  public var weeks: Int { logRevenue.first?.count ?? 0 }
}
