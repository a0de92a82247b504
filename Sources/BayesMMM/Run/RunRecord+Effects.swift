extension RunRecord {
  /// The `effects` object of run.json:
  ///
  /// ```json
  /// "effects": {
  ///   "mediator_paths": 10,
  ///   "random_streams": "GSLRandom(seed, 1000000 + chain)",
  ///   "channels": ["facebook_spend", ...],          // k = 1 ... S of the columns
  ///   "contrasts": {"zero": "...", "plus10": "..."},
  ///   "spend_change": {"zero": {"facebook_spend": 556015.4, ...}, "plus10": {...}},
  ///   "google_total_spend": 123456.7,
  ///   "extrapolation": {"zero": {"facebook_spend": true, ...}, "plus10": {...}},
  ///   "column_contract": ["nde_zero.1", ...],
  ///   "assumption": "..."
  /// }
  /// ```
  ///
  /// `spend_change` and `extrapolation` are keyed by contrast first, then by channel column
  /// (the one nesting `EffectsRecord` reads). Spend figures are currency over the whole window; `extrapolation` is true where the
  /// contrast leaves the channel's observed support (`EffectScenarios.leavesObservedSupport`).
  public static func effectsJSON(inputs: ModelInputs, settings: EffectSettings) -> JSONValue {
    let scenarios = EffectScenarios(inputs: inputs)
    func byContrast(_ value: (EffectScenarios.Scenario) -> JSONValue) -> JSONValue {
      .object(
        EffectContrast.allCases.map { contrast in
          (
            key: contrast.rawValue,
            value: .object(
              scenarios.socialNames.indices.map { s in
                (
                  key: scenarios.socialNames[s],
                  value: value(scenarios.scenario(contrast, channel: s))
                )
              })
          )
        })
    }
    return .object(keyed: [
      .effectsMediatorPaths: .number(Double(settings.mediatorPaths)),
      .effectsRandomStreams: .string(
        "GSLRandom(runSeed: seed, stream: \(EffectSettings.streamOffset) + chain)"),
      .effectsChannels: .array(scenarios.socialNames.map { .string($0) }),
      .effectsContrasts: [
        "zero": "hi = observed spend, lo = 0 in every week",
        "plus10": "hi = 1.1 x observed spend in every week, lo = observed",
      ],
      .effectsSpendChange: byContrast { .number($0.spendChange) },
      .effectsGoogleTotalSpend: .number(scenarios.googleTotalSpend),
      .effectsExtrapolation: byContrast { .bool($0.isExtrapolation) },
      .effectsColumnContract: .array(
        EffectColumns.names(socialCount: scenarios.socialCount, terms: inputs.terms).map {
          .string($0)
        }),
      .effectsAssumption: .string(
        "Sequential ignorability: no unmeasured confounder of Google spend and revenue once "
          + IdentifyingAssumption.adjustments(terms: inputs.terms) + " are adjusted for."),
    ])
  }
}
