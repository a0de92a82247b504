/// Where each parameter of the joint model sits in the flat parameter vector, its name, and
/// the parameter group (prior) that governs it.
///
/// Names follow CmdStan's CSV convention: a scalar is `name`, an element of a vector is
/// `name.k` with k 1-based in the channel order recorded in `socialChannels`,
/// `ownedChannels`, `controlNames`. The order below is stable and part of the output format:
///
/// | block | names |
/// | --- | --- |
/// | social media transforms | `adstock_decay_social.s`, `adstock_peak_delay_social.s`, `hill_half_saturation_social.s`, `hill_shape_social.s` |
/// | mediator transform | `adstock_decay_google`, `adstock_peak_delay_google`, `hill_half_saturation_google`, `hill_shape_google` |
/// | owned transforms | `adstock_decay_owned.o`, `adstock_peak_delay_owned.o`, `hill_half_saturation_owned.o`, `hill_shape_owned.o` |
/// | hurdle on/off | `search_onoff_intercept`, `search_onoff_social.s`, `search_onoff_trend`, `search_onoff_season.k`, `search_onoff_promo` |
/// | hurdle amount | `search_amount_intercept`, `search_amount_social.s`, `search_amount_trend`, `search_amount_season.k`, `search_amount_promo`, `search_amount_sigma` |
/// | outcome | `revenue_intercept`, `beta_google`, `beta_social.s`, `beta_owned.o`, `revenue_trend`, `revenue_season.k`, `price_elasticity`, `promo_lift`, `beta_control.c`, `price_choke_margin` or `price_demand_slope`, `price_slope_change.k`, `revenue_sigma` |
///
/// `adstock_peak_delay_*` exists only for the channels with delayed adstock (`.s` is then
/// the channel's own number, so the numbers may have gaps); `search_onoff_promo`,
/// `search_amount_promo` and `promo_lift` exist only when the model has a promotion term,
/// the price parameters only when it has a price term (`terms`), those of its
/// `PriceResponseForm` alone: `price_elasticity` (a revenue-design coefficient) under
/// constant elasticity, `price_choke_margin` under linear demand, `price_demand_slope` and
/// one `price_slope_change.k` per knot under the monotone spline (these after the
/// controls, outside the design); the rest of the order is unchanged when they are left out.
///
/// The media channels are `channels`, one `ChannelBlock` each (social in data order, then
/// the mediator, then owned): the density, the forward model and every counterfactual loop
/// over them. Intercepts are the centred ones (the average level of the linear predictor,
/// MODEL.md 3.3a); the zero-spend intercepts are derived quantities.
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

  /// Every media channel: social (data order), the mediator, owned (data order).
  public let channels: [ChannelBlock]

  public let onoffIntercept: Int
  /// trend, season..., promo if any (matches `ModelInputs.mediatorDesign`).
  public let onoffDesign: Range<Int>
  /// Index of `search_onoff_promo`; nil without a promotion term.
  public let onoffPromo: Int?

  public let amountIntercept: Int
  /// trend, season..., promo if any (matches `ModelInputs.mediatorDesignOn`).
  public let amountDesign: Range<Int>
  /// Index of `search_amount_promo`; nil without a promotion term.
  public let amountPromo: Int?
  public let amountSigma: Int

  public let revenueIntercept: Int
  /// trend, season..., log price and promo if any, controls... (matches
  /// `ModelInputs.revenueDesign`).
  public let revenueDesign: Range<Int>
  /// Index of `price_elasticity`; nil without a constant-elasticity price term.
  public let priceElasticity: Int?
  /// The price term (form and knots); nil without a price term.
  public let priceResponse: PriceResponse?
  /// Indices of the price term's parameters theta, in `PriceResponse` order; empty without
  /// a price term.
  public let priceParameters: [Int]
  /// Index of `promo_lift`; nil without a promotion term.
  public let promoLift: Int?
  /// The `beta_control.c` (the end of the revenue design; empty without controls).
  public let controlEffects: Range<Int>
  public let revenueSigma: Int

  /// Parameter names, index-aligned with the vector.
  public let names: [String]
  /// For every parameter: the group whose prior governs it and, where the parameter
  /// belongs to one channel, that channel's column name and kind. Index-aligned.
  public let groups: [(group: ParameterGroup, channel: String?, kind: ChannelKind?)]

  /// Total number of parameters.
  public var count: Int { names.count }

  public static func == (lhs: ParameterLayout, rhs: ParameterLayout) -> Bool {
    lhs.names == rhs.names && lhs.channels == rhs.channels
  }

  public init(
    socialChannels: [String], ownedChannels: [String], controlNames: [String],
    mediatorName: String, seasonTerms: Int, terms: OptionalTerms = .all,
    transforms: ChannelTransforms = .geometric,
    priceResponse: PriceResponse? = PriceResponse(form: .constantElasticity, logPrices: [])
  ) {
    self.socialChannels = socialChannels
    self.terms = terms
    let price = terms.price ? priceResponse : nil
    self.priceResponse = price
    self.ownedChannels = ownedChannels
    self.controlNames = controlNames
    self.mediatorName = mediatorName
    self.seasonTerms = seasonTerms
    var builder = LayoutBuilder()

    // Transforms: per kind, one block per transform parameter (the channels that have it).
    func transformBlocks(_ kind: ChannelKind, _ channels: [String], stem: String) -> [[Int]] {
      let scalar = kind == .mediator
      let channelTransforms = channels.map { transforms.transform(for: $0) }
      var indices = [[Int]](repeating: [], count: channels.count)
      for parameter in MediaTransform.Parameter.allCases {
        for (k, name) in channels.enumerated()
        where channelTransforms[k].parameters.contains(parameter) {
          let label = "\(parameter.nameStem)_\(stem)" + (scalar ? "" : ".\(k + 1)")
          indices[k].append(builder.add(label, parameter.group, channel: name, kind: kind))
        }
      }
      return indices
    }
    let socialTransforms = transformBlocks(.social, socialChannels, stem: "social")
    let mediatorTransform = transformBlocks(.mediator, [mediatorName], stem: "google")[0]
    let ownedTransforms = transformBlocks(.owned, ownedChannels, stem: "owned")

    func perChannel(
      _ stem: String, _ group: ParameterGroup, _ channels: [String], _ kind: ChannelKind
    )
      -> [Int]
    {
      channels.enumerated().map { k, name in
        builder.add("\(stem).\(k + 1)", group, channel: name, kind: kind)
      }
    }
    func design(_ prefix: String, trend: ParameterGroup, season: ParameterGroup) -> Int {
      let start = builder.names.count
      builder.add("\(prefix)_trend", trend)
      for k in 0..<seasonTerms { builder.add("\(prefix)_season.\(k + 1)", season) }
      return start
    }

    onoffIntercept = builder.add("search_onoff_intercept", .searchOnoffIntercept)
    let onoffSocial = perChannel("search_onoff_social", .searchOnoffEffect, socialChannels, .social)
    let onoffStart = design(
      "search_onoff", trend: .searchOnoffTrend, season: .searchOnoffSeasonality)
    onoffPromo = terms.promotion ? builder.add("search_onoff_promo", .searchOnoffPromo) : nil
    onoffDesign = onoffStart..<builder.names.count

    amountIntercept = builder.add("search_amount_intercept", .searchAmountIntercept)
    let amountSocial = perChannel(
      "search_amount_social", .searchAmountEffect, socialChannels, .social)
    let amountStart = design(
      "search_amount", trend: .searchAmountTrend, season: .searchAmountSeasonality)
    amountPromo = terms.promotion ? builder.add("search_amount_promo", .searchAmountPromo) : nil
    amountDesign = amountStart..<builder.names.count
    amountSigma = builder.add("search_amount_sigma", .searchAmountSigma)

    revenueIntercept = builder.add("revenue_intercept", .revenueIntercept)
    let googleEffect = builder.add(
      "beta_google", .googleEffect, channel: mediatorName, kind: .mediator)
    let socialEffect = perChannel("beta_social", .socialEffect, socialChannels, .social)
    let ownedEffect = perChannel("beta_owned", .ownedEffect, ownedChannels, .owned)
    let revenueStart = design("revenue", trend: .revenueTrend, season: .revenueSeasonality)
    priceElasticity =
      price?.form == .constantElasticity
      ? builder.add("price_elasticity", .priceElasticity) : nil
    promoLift = terms.promotion ? builder.add("promo_lift", .promoLift) : nil
    let controlStart = builder.names.count
    _ = perChannel("beta_control", .controlEffect, controlNames, .control)
    controlEffects = controlStart..<builder.names.count
    revenueDesign = revenueStart..<builder.names.count
    switch price?.form {
    case nil: priceParameters = []
    case .constantElasticity: priceParameters = priceElasticity.map { [$0] } ?? []
    case .linearDemand: priceParameters = [builder.add("price_choke_margin", .priceChokeMargin)]
    case .monotoneSpline:
      priceParameters =
        [builder.add("price_demand_slope", .priceDemandSlope)]
        + (price?.knots.indices ?? 0..<0).map {
          builder.add("price_slope_change.\($0 + 1)", .priceSlopeChange)
        }
    }
    revenueSigma = builder.add("revenue_sigma", .revenueSigma)

    var blocks: [ChannelBlock] = []
    for (s, name) in socialChannels.enumerated() {
      blocks.append(
        ChannelBlock(
          kind: .social, name: name, position: s, transform: transforms.transform(for: name),
          transformParameters: socialTransforms[s], revenueCoefficient: socialEffect[s],
          onOffCoefficient: onoffSocial[s], amountCoefficient: amountSocial[s]))
    }
    blocks.append(
      ChannelBlock(
        kind: .mediator, name: mediatorName, position: 0,
        transform: transforms.transform(for: mediatorName),
        transformParameters: mediatorTransform, revenueCoefficient: googleEffect,
        onOffCoefficient: nil, amountCoefficient: nil))
    for (o, name) in ownedChannels.enumerated() {
      blocks.append(
        ChannelBlock(
          kind: .owned, name: name, position: o, transform: transforms.transform(for: name),
          transformParameters: ownedTransforms[o], revenueCoefficient: ownedEffect[o],
          onOffCoefficient: nil, amountCoefficient: nil))
    }
    channels = blocks
    names = builder.names
    groups = builder.groups
  }

  /// The layout matching a set of model inputs.
  public init(inputs: ModelInputs) {
    self.init(
      socialChannels: inputs.socialNames, ownedChannels: inputs.ownedNames,
      controlNames: inputs.controlNames, mediatorName: inputs.mediatorName,
      seasonTerms: inputs.season.count, terms: inputs.terms, transforms: inputs.transforms,
      priceResponse: inputs.priceResponse)
  }
}

extension ParameterLayout {
  /// The social channels' blocks, in data order.
  public var social: ArraySlice<ChannelBlock> { channels[0..<socialChannels.count] }
  /// The mediator's block.
  public var mediator: ChannelBlock { channels[socialChannels.count] }
  /// The owned channels' blocks, in data order.
  public var owned: ArraySlice<ChannelBlock> { channels[(socialChannels.count + 1)...] }
  /// Index of `beta_google`.
  public var googleEffect: Int { mediator.revenueCoefficient }
  /// The price term's parameters theta at constrained values `x` (layout order); empty
  /// without a price term.
  public func priceTheta(_ x: [Double]) -> [Double] { priceParameters.map { x[$0] } }
}

/// Appends names and their groups in order (the layout's single source of indices).
private struct LayoutBuilder {
  var names: [String] = []
  var groups: [(group: ParameterGroup, channel: String?, kind: ChannelKind?)] = []

  @discardableResult
  mutating func add(
    _ name: String, _ group: ParameterGroup, channel: String? = nil, kind: ChannelKind? = nil
  ) -> Int {
    names.append(name)
    groups.append((group, channel, kind))
    return names.count - 1
  }
}

extension MediaTransform.Parameter {
  /// The start of the parameter's name (`adstock_decay_social.2`).
  var nameStem: String {
    switch self {
    case .decay: return "adstock_decay"
    case .peakDelay: return "adstock_peak_delay"
    case .halfSaturation: return "hill_half_saturation"
    case .shape: return "hill_shape"
    }
  }

  /// The parameter group whose prior governs it.
  var group: ParameterGroup {
    switch self {
    case .decay: return .adstockDecay
    case .peakDelay: return .adstockPeakDelay
    case .halfSaturation: return .hillHalfSaturation
    case .shape: return .hillShape
    }
  }
}
