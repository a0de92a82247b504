/// The true direct, indirect and total effects of each social channel in a simulated
/// dataset (MODEL.md 6), and the matching posterior estimands for coverage studies.
///
/// ```swift
/// let truth = SimulatedEffects.trueEffects(of: simulated, paths: 2000)
/// truth.mediation(.zero, channel: 2).totalEffect    // instagram off vs observed, currency
/// ```
///
/// The truth is computed exactly as a fit computes each posterior draw's effects
/// (`EffectCalculator` on the model of the written data, with the observed residual of every
/// week kept), at the true parameters, averaging over many mediator paths (default 2000) so
/// that its Monte Carlo error is small next to posterior spreads. Its random numbers come
/// from `GSLRandom(runSeed: seed, stream: 3)`.
public enum SimulatedEffects {
  /// Effects at the true parameters of `simulated`, with `paths` mediator paths per arm.
  public static func trueEffects(of simulated: SimulatedDataset, paths: Int) -> DrawEffects {
    let calculator = EffectCalculator(model: simulated.model)
    var numbers = MediatorRandomNumbers(paths: max(paths, 1), weeks: calculator.weeks)
    numbers.draw(
      from: GSLRandom(runSeed: simulated.seed, stream: RandomStreams.simulatedEffects.first))
    return calculator.effects(parameters: simulated.truth, randomNumbers: numbers)
  }

  /// The `effects` member of truth.json: per social channel and contrast the seven measures
  /// of `EffectColumns`, the what-ifs, and a flat `columns` object keyed like the effect
  /// columns of `sample`'s chain files (so a fit can be compared column by column).
  public static func truth(of simulated: SimulatedDataset, paths: Int) -> JSONValue {
    let effects = trueEffects(of: simulated, paths: paths)
    let names = simulated.model.inputs.socialNames
    let social: [(key: String, value: JSONValue)] = names.enumerated().map { channel, name in
      let contrasts: [(key: String, value: JSONValue)] = EffectContrast.allCases.map { contrast in
        let measures = EffectColumns.Measure.allCases.map { measure in
          (
            key: measure.rawValue,
            value: jsonNumber(effects.mediation(contrast, channel: channel).value(measure))
          )
        }
        return (key: contrast.rawValue, value: JSONValue.object(measures))
      }
      return (key: name, value: JSONValue.object(contrasts))
    }
    let row = effects.row
    let columns = zip(EffectColumns.names(socialCount: names.count), row).map {
      (key: $0, value: jsonNumber($1))
    }
    let whatIf = zip(EffectColumns.scalarNames(), effects.whatIf.values).map {
      (key: $0, value: jsonNumber($1))
    }
    return [
      "mediator_paths": .number(Double(paths)),
      "units": "revenue in currency over all weeks; roi per currency unit of social spend",
      "contrasts": "zero: observed vs channel off every week; plus10: +10% every week vs observed",
      "social": .object(social),
      "what_if": .object(whatIf),
      "columns": .object(columns),
    ]
  }

  /// Mediator paths per posterior draw in coverage studies (as `sample`'s default).
  public static let posteriorPaths = EffectSettings().mediatorPaths

  /// Coverage estimands: NDE, NIE and TE of every social channel under both contrasts, with
  /// the truth from `trueEffects` (2000 paths) and posterior draws computed as `sample` does
  /// (R = 10 paths per draw, random numbers from `EffectSettings.random(runSeed: seed,
  /// chain: 0)`). The draws carry the per-draw Monte Carlo noise of R paths, which widens the
  /// intervals slightly.
  public static let coverageEstimands: CoverageStudy.EstimandProvider = { simulated, posterior in
    let model = simulated.model
    let socialCount = model.inputs.socialNames.count
    let truth = trueEffects(of: simulated, paths: 2000)
    let table = ChainEffects.table(
      calculator: EffectCalculator(model: model), constrainedDraws: posterior.draws.flatMap { $0 },
      parameterCount: model.dimension, paths: posteriorPaths,
      random: EffectSettings.random(runSeed: simulated.seed, chain: 0))
    let width = EffectColumns.count(socialCount: socialCount)
    var estimands: [CoverageStudy.Estimand] = []
    for contrast in EffectContrast.allCases {
      for measure in [EffectColumns.Measure.te, .nde, .nie] {
        for channel in 0..<socialCount {
          let column = EffectColumns.index(
            measure, contrast, channel: channel, socialCount: socialCount)
          estimands.append(
            CoverageStudy.Estimand(
              name: EffectColumns.name(measure, contrast, channel: channel),
              truth: truth.mediation(contrast, channel: channel).value(measure),
              draws: stride(from: column, to: table.count, by: width).map { table[$0] }))
        }
      }
    }
    return estimands
  }
}
