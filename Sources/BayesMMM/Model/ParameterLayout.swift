/// Where each parameter of the joint model sits in the flat parameter vector, and its name.
///
/// Names follow CmdStan's CSV convention: a scalar is `name`, an element of a vector is
/// `name.k` with k 1-based in the channel order recorded in `socialChannels`,
/// `ownedChannels`, `controlNames`. The order below is stable and part of the output format:
///
/// | block | names |
/// | --- | --- |
/// | social media transforms | `adstock_decay_social.s`, `hill_half_saturation_social.s`, `hill_shape_social.s` |
/// | mediator transform | `adstock_decay_google`, `hill_half_saturation_google`, `hill_shape_google` |
/// | owned transforms | `adstock_decay_owned.o`, `hill_half_saturation_owned.o`, `hill_shape_owned.o` |
/// | hurdle on/off | `search_onoff_intercept`, `search_onoff_social.s`, `search_onoff_trend`, `search_onoff_season.k`, `search_onoff_promo` |
/// | hurdle amount | `search_amount_intercept`, `search_amount_social.s`, `search_amount_trend`, `search_amount_season.k`, `search_amount_promo`, `search_amount_sigma` |
/// | outcome | `revenue_intercept`, `beta_google`, `beta_social.s`, `beta_owned.o`, `revenue_trend`, `revenue_season.k`, `price_elasticity`, `promo_lift`, `beta_control.c`, `revenue_sigma` |
///
/// `search_onoff_promo`, `search_amount_promo` and `promo_lift` exist only when the model has
/// a promotion term, `price_elasticity` only when it has a price term (`terms`); the rest of
/// the order is unchanged when they are left out.
///
/// Intercepts are the centred ones (the average level of the linear predictor, MODEL.md
/// 3.3a); the zero-spend intercepts are derived quantities.
///
/// Invariant: the blocks tile `0 ..< count` without gaps, in the order of the table, and
/// every fixed-design block is contiguous in the column order of the matching design in
/// `ModelInputs`, so a linear predictor is a dot product over one range.
public struct ParameterLayout: Sendable, Equatable {
  public let socialChannels: [String]
  public let ownedChannels: [String]
  public let controlNames: [String]
  public let mediatorName: String
  /// Number of Fourier columns (2 x order).
  public let seasonTerms: Int
  /// Whether the price and promotion terms are in the model.
  public let terms: OptionalTerms

  public let socialDecay: Range<Int>
  public let socialHalfSaturation: Range<Int>
  public let socialShape: Range<Int>
  public let googleDecay: Int
  public let googleHalfSaturation: Int
  public let googleShape: Int
  public let ownedDecay: Range<Int>
  public let ownedHalfSaturation: Range<Int>
  public let ownedShape: Range<Int>

  public let onoffIntercept: Int
  public let onoffSocial: Range<Int>
  /// trend, season..., promo if any (matches `ModelInputs.mediatorDesign`).
  public let onoffDesign: Range<Int>

  public let amountIntercept: Int
  public let amountSocial: Range<Int>
  /// trend, season..., promo if any (matches `ModelInputs.mediatorDesignOn`).
  public let amountDesign: Range<Int>
  public let amountSigma: Int

  public let revenueIntercept: Int
  public let googleEffect: Int
  public let socialEffect: Range<Int>
  public let ownedEffect: Range<Int>
  /// trend, season..., log price and promo if any, controls... (matches
  /// `ModelInputs.revenueDesign`).
  public let revenueDesign: Range<Int>
  public let revenueSigma: Int

  /// Parameter names, index-aligned with the vector.
  public let names: [String]

  /// Total number of parameters.
  public var count: Int { names.count }
  /// Index of `price_elasticity`; nil without a price term.
  public var priceElasticity: Int? {
    terms.price ? revenueDesign.lowerBound + 1 + seasonTerms : nil
  }
  /// Index of `promo_lift`; nil without a promotion term.
  public var promoLift: Int? {
    terms.promotion ? revenueDesign.lowerBound + 1 + seasonTerms + (terms.price ? 1 : 0) : nil
  }
  /// Index of the first `beta_control` (the end of the revenue design when there are none).
  public var controlEffectStart: Int {
    revenueDesign.lowerBound + 1 + seasonTerms + (terms.price ? 1 : 0)
      + (terms.promotion ? 1 : 0)
  }

  public init(
    socialChannels: [String], ownedChannels: [String], controlNames: [String],
    mediatorName: String, seasonTerms: Int, terms: OptionalTerms = .all
  ) {
    self.socialChannels = socialChannels
    self.terms = terms
    self.ownedChannels = ownedChannels
    self.controlNames = controlNames
    self.mediatorName = mediatorName
    self.seasonTerms = seasonTerms
    let social = socialChannels.count
    let owned = ownedChannels.count
    var names: [String] = []

    func block(_ base: String, _ size: Int) -> Range<Int> {
      let start = names.count
      names += (1...max(size, 1)).prefix(size).map { "\(base).\($0)" }
      return start..<names.count
    }
    func scalar(_ name: String) -> Int {
      names.append(name)
      return names.count - 1
    }
    func design(_ prefix: String, extra: [String]) -> Range<Int> {
      let start = names.count
      names.append("\(prefix)_trend")
      names += (0..<seasonTerms).map { "\(prefix)_season.\($0 + 1)" }
      names += extra
      return start..<names.count
    }

    socialDecay = block("adstock_decay_social", social)
    socialHalfSaturation = block("hill_half_saturation_social", social)
    socialShape = block("hill_shape_social", social)
    googleDecay = scalar("adstock_decay_google")
    googleHalfSaturation = scalar("hill_half_saturation_google")
    googleShape = scalar("hill_shape_google")
    ownedDecay = block("adstock_decay_owned", owned)
    ownedHalfSaturation = block("hill_half_saturation_owned", owned)
    ownedShape = block("hill_shape_owned", owned)

    onoffIntercept = scalar("search_onoff_intercept")
    onoffSocial = block("search_onoff_social", social)
    onoffDesign = design("search_onoff", extra: terms.promotion ? ["search_onoff_promo"] : [])

    amountIntercept = scalar("search_amount_intercept")
    amountSocial = block("search_amount_social", social)
    amountDesign = design("search_amount", extra: terms.promotion ? ["search_amount_promo"] : [])
    amountSigma = scalar("search_amount_sigma")

    revenueIntercept = scalar("revenue_intercept")
    googleEffect = scalar("beta_google")
    socialEffect = block("beta_social", social)
    ownedEffect = block("beta_owned", owned)
    let controlParameters = (0..<controlNames.count).map { "beta_control.\($0 + 1)" }
    let optional =
      (terms.price ? ["price_elasticity"] : []) + (terms.promotion ? ["promo_lift"] : [])
    revenueDesign = design("revenue", extra: optional + controlParameters)
    revenueSigma = scalar("revenue_sigma")
    self.names = names
  }

  /// The layout matching a set of model inputs.
  public init(inputs: ModelInputs) {
    self.init(
      socialChannels: inputs.socialNames, ownedChannels: inputs.ownedNames,
      controlNames: inputs.controlNames, mediatorName: inputs.mediatorName,
      seasonTerms: inputs.season.count, terms: inputs.terms)
  }
}
