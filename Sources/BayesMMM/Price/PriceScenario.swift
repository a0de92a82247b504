#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One draw's price what-if (MODEL.md 6, 8): the revenue change over the window if every
/// week's price moved by a common fraction c, through the draw's price term g:
///
///     change(c) = sum_t b_t (exp(g(x_t + log(1 + c)) - g(x_t)) - 1)
///
/// with b_t the week's revenue at the observed price, the counterfactual function's
/// baseline (`CounterfactualRevenue.baselineRevenue`): the observed revenue (keeping the
/// week's residual), except in floor weeks, whose revenue is only known to be at or below
/// the floor; there b_t is the model's median min(floor, scale x exp(mu_y,t)), so a price
/// cut cannot multiply a reporting floor into a fortune.
///
/// ```swift
/// let scenario = PriceScenario(model: model, state: forward.state(parameters: draw))!
/// scenario.revenueChange(priceChange: -0.1)     // currency, whole window
/// ```
public struct PriceScenario: Sendable {
  public let response: PriceResponse
  /// The draw's price parameters theta.
  public let theta: [Double]
  /// x_t = log(price_t / median price), `[T]`.
  public let logPrice: [Double]
  /// b_t, currency, `[T]`.
  public let baseline: [Double]
  /// g(x_t), `[T]`.
  private let observedTerm: [Double]

  /// Nil when the model has no price term.
  public init?(model: JointModel, state: ForwardModel.State) {
    let inputs = model.inputs
    guard let response = model.layout.priceResponse, let logPrice = inputs.logPrice else {
      return nil
    }
    self.response = response
    theta = model.layout.priceTheta(state.parameters)
    self.logPrice = logPrice
    baseline = CounterfactualRevenue(model: model).baselineRevenue(state: state)
    observedTerm = response.logRevenue(at: logPrice, theta)
  }

  /// change(c) in currency; c > -1 a fraction (-0.1 is every price 10% lower).
  public func revenueChange(priceChange c: Double) -> Double {
    let shifted = response.logRevenue(at: logPrice.map { $0 + log1p(c) }, theta)
    var total = 0.0
    for t in baseline.indices { total += baseline[t] * expm1(shifted[t] - observedTerm[t]) }
    return total
  }
}
