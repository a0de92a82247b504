extension ParameterLayout {
  /// For every parameter index: the prior family that governs it and, where the
  /// parameter belongs to one channel, that channel's column name and kind.
  public var priorKeys: [(family: PriorFamilyKey, channel: String?, kind: ChannelKind?)] {
    var keys = [(family: PriorFamilyKey, channel: String?, kind: ChannelKind?)](
      repeating: (.revenueIntercept, nil, nil), count: count)
    func assign(
      _ range: Range<Int>, _ family: PriorFamilyKey, _ names: [String], _ kind: ChannelKind
    ) {
      for (offset, index) in range.enumerated() { keys[index] = (family, names[offset], kind) }
    }
    func assignDesign(
      _ range: Range<Int>, trend: PriorFamilyKey, season: PriorFamilyKey, rest: [PriorFamilyKey]
    ) {
      let start = range.lowerBound
      keys[start] = (trend, nil, nil)
      for j in 0..<seasonTerms { keys[start + 1 + j] = (season, nil, nil) }
      for (j, family) in rest.enumerated() {
        keys[start + 1 + seasonTerms + j] = (family, nil, nil)
      }
    }
    let mediator = [mediatorName]
    assign(socialDecay, .adstockDecay, socialChannels, .social)
    assign(socialHalfSaturation, .hillHalfSaturation, socialChannels, .social)
    assign(socialShape, .hillShape, socialChannels, .social)
    assign(googleDecay..<googleDecay + 1, .adstockDecay, mediator, .mediator)
    assign(
      googleHalfSaturation..<googleHalfSaturation + 1, .hillHalfSaturation, mediator, .mediator)
    assign(googleShape..<googleShape + 1, .hillShape, mediator, .mediator)
    assign(ownedDecay, .adstockDecay, ownedChannels, .owned)
    assign(ownedHalfSaturation, .hillHalfSaturation, ownedChannels, .owned)
    assign(ownedShape, .hillShape, ownedChannels, .owned)

    keys[onoffIntercept] = (.searchOnoffIntercept, nil, nil)
    assign(onoffSocial, .searchOnoffEffect, socialChannels, .social)
    assignDesign(
      onoffDesign, trend: .searchOnoffTrend, season: .searchOnoffSeasonality,
      rest: terms.promotion ? [.searchOnoffPromo] : [])

    keys[amountIntercept] = (.searchAmountIntercept, nil, nil)
    assign(amountSocial, .searchAmountEffect, socialChannels, .social)
    assignDesign(
      amountDesign, trend: .searchAmountTrend, season: .searchAmountSeasonality,
      rest: terms.promotion ? [.searchAmountPromo] : [])
    keys[amountSigma] = (.searchAmountSigma, nil, nil)

    keys[revenueIntercept] = (.revenueIntercept, nil, nil)
    assign(googleEffect..<googleEffect + 1, .googleEffect, mediator, .mediator)
    assign(socialEffect, .socialEffect, socialChannels, .social)
    assign(ownedEffect, .ownedEffect, ownedChannels, .owned)
    assignDesign(
      revenueDesign, trend: .revenueTrend, season: .revenueSeasonality,
      rest: (terms.price ? [.priceElasticity] : []) + (terms.promotion ? [.promoLift] : []))
    assign(controlEffectStart..<revenueDesign.upperBound, .controlEffect, controlNames, .control)
    keys[revenueSigma] = (.revenueSigma, nil, nil)
    return keys
  }
}
