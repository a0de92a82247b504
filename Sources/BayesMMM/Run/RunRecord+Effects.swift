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
  /// Spend figures are currency over the whole window; `extrapolation` is true where the
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
    return [
      "mediator_paths": .number(Double(settings.mediatorPaths)),
      "random_streams": .string(
        "GSLRandom(runSeed: seed, stream: \(EffectSettings.streamOffset) + chain)"),
      "channels": .array(scenarios.socialNames.map { .string($0) }),
      "contrasts": [
        "zero": "hi = observed spend, lo = 0 in every week",
        "plus10": "hi = 1.1 x observed spend in every week, lo = observed",
      ],
      "spend_change": byContrast { .number($0.spendChange) },
      "google_total_spend": .number(scenarios.googleTotalSpend),
      "extrapolation": byContrast { .bool($0.isExtrapolation) },
      "column_contract": .array(
        EffectColumns.names(socialCount: scenarios.socialCount, terms: inputs.terms).map {
          .string($0)
        }),
      "assumption": .string(
        "Sequential ignorability: no unmeasured confounder of Google spend and revenue once "
          + IdentifyingAssumption.adjustments(terms: inputs.terms) + " are adjusted for."),
    ]
  }
}
