/// Which optional terms a model has: the price elasticity and the promotion lift.
///
/// A term is present exactly when its column has a role (`ColumnRoles.price`,
/// `ColumnRoles.promotion`). Without price the outcome design has no log-price column and
/// the layout no `price_elasticity`; without promotion both designs lose the promotion
/// column and the layout `search_onoff_promo`, `search_amount_promo` and `promo_lift`.
/// Effects, summary, report and prior-predictive check leave the matching quantities out.
public struct OptionalTerms: Sendable, Equatable {
  public var price: Bool
  public var promotion: Bool

  public init(price: Bool, promotion: Bool) {
    self.price = price
    self.promotion = promotion
  }

  /// Both terms (the bundled data's model).
  public static let all = OptionalTerms(price: true, promotion: true)
}
