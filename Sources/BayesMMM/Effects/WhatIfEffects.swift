#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The deterministic what-ifs of one draw (MODEL.md 6): Google's own effect, price +-10% and
/// the promotion lift. Each keeps the observed residual: revenue in week t becomes
/// b_t x exp(change in mu_y,t), with b_t the counterfactual function's baseline
/// (`CounterfactualRevenue.baselineRevenue`): y_obs,t, or in a floor week the model's median
/// min(floor, scale_y exp(mu_y,t)), as every other effect starts from. The price what-ifs are
/// nil when the model has no price term, the promotion ones when it has no promotion term.
public struct WhatIfEffects: Sendable, Equatable {
  /// Revenue with the observed Google path minus revenue with Google at 0 in every week
  /// (social observed), currency: sum_t b_t (1 - exp(-beta_google x H_obs,t)).
  public let googleEffect: Double
  /// `googleEffect` per currency of observed Google spend (NaN when there is none).
  public let googleReturnOnSpend: Double
  /// Revenue change at every price 10% lower / higher (`PriceScenario.revenueChange`;
  /// sum_t b_t (0.9^e - 1) under a constant elasticity e), currency.
  public let revenueChangePriceMinus10: Double?
  public let revenueChangePricePlus10: Double?
  /// exp(promo_lift) - 1, a fraction.
  public let promoLiftFraction: Double?
  /// sum_t b_t (1 - exp(-promo_lift x promo_t)), currency: what the observed promotions
  /// added.
  public let promoRevenue: Double?

  /// - Parameters:
  ///   - baselineRevenue: b_t, currency, length T.
  ///   - mediatorSignal: observed Hill(Adstock(Google)), length T.
  ///   - googleCoefficient, promoLift: the draw's beta_google and promo_lift (log scale);
  ///     nil for a term the model does not have.
  ///   - price: the draw's price what-if; nil without a price term.
  public init(
    scenarios: EffectScenarios, baselineRevenue revenue: [Double], mediatorSignal: [Double],
    googleCoefficient: Double, price: PriceScenario?, promoLift: Double?
  ) {
    // expm1 keeps small effects exact where 1 - exp(x) would cancel.
    var google = 0.0
    for t in revenue.indices {
      google -= revenue[t] * expm1(-googleCoefficient * mediatorSignal[t])
    }
    googleEffect = google
    googleReturnOnSpend =
      scenarios.googleTotalSpend > 0 ? google / scenarios.googleTotalSpend : .nan
    revenueChangePriceMinus10 = price?.revenueChange(priceChange: -0.1)
    revenueChangePricePlus10 = price?.revenueChange(priceChange: 0.1)
    if let promoLift, let promotion = scenarios.promotion {
      var promo = 0.0
      for t in revenue.indices { promo -= revenue[t] * expm1(-promoLift * promotion[t]) }
      promoLiftFraction = expm1(promoLift)
      promoRevenue = promo
    } else {
      promoLiftFraction = nil
      promoRevenue = nil
    }
  }

  /// Values in the order of `EffectColumns.scalarNames(terms:)`: the terms present only.
  public var values: [Double] {
    [googleEffect, googleReturnOnSpend]
      + [revenueChangePriceMinus10, revenueChangePricePlus10, promoLiftFraction, promoRevenue]
      .compactMap { $0 }
  }
}
