/// A group of parameters sharing one prior: the keys of a priors file's `"priors"` object.
///
/// Each group covers every parameter of that kind (e.g. `adstock_decay` covers the decay
/// of every social channel, the mediator and every owned channel); a channel's entry under
/// `"channels"` overrides it for that channel alone. (Not to be confused with a prior's
/// distribution family, `PriorFamily`.)
public enum ParameterGroup: String, CaseIterable, Sendable, Hashable {
  case adstockDecay = "adstock_decay"
  case adstockPeakDelay = "adstock_peak_delay"
  case hillHalfSaturation = "hill_half_saturation"
  case hillShape = "hill_shape"
  case searchOnoffIntercept = "search_onoff_intercept"
  case searchOnoffEffect = "search_onoff_effect"
  case searchOnoffTrend = "search_onoff_trend"
  case searchOnoffSeasonality = "search_onoff_seasonality"
  case searchOnoffPromo = "search_onoff_promo"
  case searchAmountIntercept = "search_amount_intercept"
  case searchAmountEffect = "search_amount_effect"
  case searchAmountTrend = "search_amount_trend"
  case searchAmountSeasonality = "search_amount_seasonality"
  case searchAmountPromo = "search_amount_promo"
  case searchAmountSigma = "search_amount_sigma"
  case revenueIntercept = "revenue_intercept"
  case googleEffect = "google_effect"
  case socialEffect = "social_effect"
  case ownedEffect = "owned_effect"
  case revenueTrend = "revenue_trend"
  case revenueSeasonality = "revenue_seasonality"
  case priceElasticity = "price_elasticity"
  case priceChokeMargin = "price_choke_margin"
  case priceDemandSlope = "price_demand_slope"
  case priceSlopeChange = "price_slope_change"
  case promoLift = "promo_lift"
  case controlEffect = "control_effect"
  case revenueSigma = "revenue_sigma"

  /// Which supports a prior for this group may have.
  enum SupportRequirement {
    /// Any support (coefficients, intercepts).
    case any
    /// Inside (0, 1): adstock decay.
    case unitInterval
    /// Inside (0, inf): Hill parameters and noise scales.
    case positive
    /// Inside (0, L - 1) for the delayed-adstock window L: the peak delay, weeks.
    case delayWindow
  }

  var supportRequirement: SupportRequirement {
    switch self {
    case .adstockDecay: return .unitInterval
    case .adstockPeakDelay: return .delayWindow
    case .hillHalfSaturation, .hillShape, .searchAmountSigma, .revenueSigma, .priceChokeMargin,
      .priceDemandSlope, .priceSlopeChange:
      return .positive
    default: return .any
    }
  }

  /// The optional term (price or promotion) this group belongs to, if any: a priors file
  /// may leave it out, and then only a model without that term can use the file.
  var optionalTerm: ColumnRole? {
    switch self {
    case .priceElasticity, .priceChokeMargin, .priceDemandSlope, .priceSlopeChange: return .price
    case .promoLift, .searchOnoffPromo, .searchAmountPromo: return .promotion
    default: return nil
    }
  }

  /// Whether a priors file may leave this group out: those of the optional terms, and the
  /// peak delay, needed only when some channel has delayed adstock.
  var isOptional: Bool { optionalTerm != nil || self == .adstockPeakDelay }

  /// The kinds of channel whose `"channels"` entry may override this group.
  var overridableBy: Set<ChannelKind> {
    switch self {
    case .adstockDecay, .adstockPeakDelay, .hillHalfSaturation, .hillShape:
      return [.social, .mediator, .owned]
    case .searchOnoffEffect, .searchAmountEffect, .socialEffect: return [.social]
    case .googleEffect: return [.mediator]
    case .ownedEffect: return [.owned]
    case .controlEffect: return [.control]
    default: return []
    }
  }
}

/// The role a named column plays in the model, for per-channel prior overrides.
public enum ChannelKind: String, Sendable, Hashable {
  case social, mediator, owned, control
}
