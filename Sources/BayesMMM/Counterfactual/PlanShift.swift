/// How far a `SpendPlan` moves each linear predictor from its observed value, week by week,
/// at one draw (MODEL.md 6: counterfactuals keep the centring constants of the observed
/// data, so a change of input moves a predictor by coefficient x change):
///
///     onOff_t   = sum_s c_s (h'_s,t - h_s,t) + gamma_promo (promo'_t - promo_t)
///     amount_t  = sum_s g_s (h'_s,t - h_s,t) + delta_promo (promo'_t - promo_t)
///     revenue_t = sum_s beta_s (h'_s,t - h_s,t) + sum_o beta_o (h'_o,t - h_o,t)
///                 + g(logPrice'_t) - g(logPrice_t) + lift (promo'_t - promo_t)
///
/// with h' the signals of the plan (each channel's `MediaTransform`) and g the price
/// term (`PriceResponse`; e x under constant elasticity). Only inputs the plan
/// changes contribute terms, so a one-channel plan's shifts are exactly coefficient x signal
/// change. Google's own signal is not here: it follows the mediator path.
public struct PlanShift: Sendable {
  /// Per-week shifts of logit P(Google on), of mean log Google amount and of mean log
  /// revenue, each `[T]`.
  public var onOff: [Double]
  public var amount: [Double]
  public var revenue: [Double]

  /// - Parameters:
  ///   - state: the draw (`ForwardModel.state`), whose observed signals are the baseline.
  ///   - plan: the inputs to move to; its shapes match `SpendPlan.observed(model.inputs)`.
  public init(state: ForwardModel.State, plan: SpendPlan, model: JointModel) {
    let inputs = model.inputs
    let layout = model.layout
    let x = state.parameters
    let weeks = inputs.weeks
    precondition(
      plan.social.count == inputs.socialSpend.count && plan.owned.count == inputs.ownedSpend.count
        && (plan.social + plan.owned).allSatisfy { $0.count == weeks }
        && plan.logPrice.map { $0.count == weeks } ?? true
        && plan.promotion.map { $0.count == weeks } ?? true,
      "a plan has the model's channels and weeks (SpendPlan.observed(model.inputs) shapes)")
    var onOff = [Double](repeating: 0, count: weeks)
    var amount = onOff
    var revenue = onOff
    for (s, spend) in plan.social.enumerated() where spend != inputs.socialSpend[s] {
      let signal = state.socialTransforms[s].signal(spend)
      let observed = state.socialSignals[s]
      for t in 0..<weeks {
        let change = signal[t] - observed[t]
        onOff[t] += state.onOffCoefficients[s] * change
        amount[t] += state.amountCoefficients[s] * change
        revenue[t] += state.revenueCoefficients[s] * change
      }
    }
    for (o, volume) in plan.owned.enumerated() where volume != inputs.ownedSpend[o] {
      let signal = state.ownedTransforms[o].signal(volume)
      for t in 0..<weeks {
        revenue[t] += state.ownedCoefficients[o] * (signal[t] - state.ownedSignals[o][t])
      }
    }
    if let planned = plan.logPrice, let observed = inputs.logPrice, planned != observed,
      let price = layout.priceResponse
    {
      let theta = layout.priceTheta(x)
      let plannedTerm = price.logRevenue(at: planned, theta)
      let observedTerm = price.logRevenue(at: observed, theta)
      for t in 0..<weeks { revenue[t] += plannedTerm[t] - observedTerm[t] }
    }
    if let planned = plan.promotion, let observed = inputs.promotion, planned != observed,
      let lift = layout.promoLift, let onOffIndex = layout.onoffPromo,
      let amountIndex = layout.amountPromo
    {
      let onOffPromo = x[onOffIndex]
      let amountPromo = x[amountIndex]
      for t in 0..<weeks {
        let change = planned[t] - observed[t]
        onOff[t] += onOffPromo * change
        amount[t] += amountPromo * change
        revenue[t] += x[lift] * change
      }
    }
    self.onOff = onOff
    self.amount = amount
    self.revenue = revenue
  }
}
