/// A plan for every input the model responds to over the data's T weeks: each social and
/// owned channel's weekly spend, the price and the promotion. What `CounterfactualRevenue`
/// asks the model about.
///
/// Units are the model's (`ModelInputs`): spend and volumes scaled by their channel's scale
/// (currency / `socialScales[s]`), price as log(price / median price), promotion intensity in
/// [0, 1]. Shapes: `social` `[S][T]`, `owned` `[O][T]`, `logPrice` and `promotion` `[T]`
/// (nil when the model has no such term).
///
/// ```swift
/// var plan = SpendPlan.observed(model.inputs)
/// plan.social[1] = plan.social[1].map { 1.2 * $0 }    // TikTok +20% every week
/// ```
public struct SpendPlan: Sendable, Equatable {
  public var social: [[Double]]
  public var owned: [[Double]]
  public var logPrice: [Double]?
  public var promotion: [Double]?

  public init(social: [[Double]], owned: [[Double]], logPrice: [Double]?, promotion: [Double]?) {
    self.social = social
    self.owned = owned
    self.logPrice = logPrice
    self.promotion = promotion
  }

  /// The plan the data observed.
  public static func observed(_ inputs: ModelInputs) -> SpendPlan {
    SpendPlan(
      social: inputs.socialSpend, owned: inputs.ownedSpend, logPrice: inputs.logPrice,
      promotion: inputs.promotion)
  }

  /// This plan with social channel `channel`'s path replaced.
  public func replacingSocial(_ channel: Int, with spend: [Double]) -> SpendPlan {
    var plan = self
    plan.social[channel] = spend
    return plan
  }
}
