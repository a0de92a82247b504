#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The deterministic what-ifs of one draw (MODEL.md 6): Google's own effect, price +-10% and
/// the promotion lift. Each keeps the observed residual: revenue in week t becomes
/// y_obs,t x exp(change in mu_y,t).
public struct WhatIfEffects: Sendable, Equatable {
  /// Revenue with the observed Google path minus revenue with Google at 0 in every week
  /// (social observed), currency: sum_t y_t (1 - exp(-beta_google x H_obs,t)).
  public let googleEffect: Double
  /// `googleEffect` per currency of observed Google spend (NaN when there is none).
  public let googleReturnOnSpend: Double
  /// sum_t y_t (0.9^e - 1) and sum_t y_t (1.1^e - 1), currency; e the price elasticity.
  public let revenueChangePriceMinus10: Double
  public let revenueChangePricePlus10: Double
  /// exp(promo_lift) - 1, a fraction.
  public let promoLiftFraction: Double
  /// sum_t y_t (1 - exp(-promo_lift x promo_t)), currency: what the observed promotions
  /// added.
  public let promoRevenue: Double

  /// - Parameters:
  ///   - mediatorSignal: observed Hill(Adstock(Google)), length T.
  ///   - googleCoefficient, priceElasticity, promoLift: the draw's beta_google, e and
  ///     promo_lift (log scale).
  public init(
    scenarios: EffectScenarios, mediatorSignal: [Double], googleCoefficient: Double,
    priceElasticity: Double, promoLift: Double
  ) {
    let revenue = scenarios.observedRevenue
    // expm1 keeps small effects exact where 1 - exp(x) would cancel.
    var google = 0.0
    var promo = 0.0
    for t in revenue.indices {
      google -= revenue[t] * expm1(-googleCoefficient * mediatorSignal[t])
      promo -= revenue[t] * expm1(-promoLift * scenarios.promotion[t])
    }
    googleEffect = google
    googleReturnOnSpend =
      scenarios.googleTotalSpend > 0 ? google / scenarios.googleTotalSpend : .nan
    let total = scenarios.totalObservedRevenue
    revenueChangePriceMinus10 = total * expm1(priceElasticity * log(0.9))
    revenueChangePricePlus10 = total * expm1(priceElasticity * log(1.1))
    promoLiftFraction = expm1(promoLift)
    promoRevenue = promo
  }

  /// Values in the order of `EffectColumns.scalarNames`.
  public var values: [Double] {
    [
      googleEffect, googleReturnOnSpend, revenueChangePriceMinus10, revenueChangePricePlus10,
      promoLiftFraction, promoRevenue,
    ]
  }
}
