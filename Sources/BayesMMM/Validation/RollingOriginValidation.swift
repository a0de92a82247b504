#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Settings of `RollingOriginValidation`.
public struct ValidationSettings: Sendable, Equatable {
  /// Number of folds K. Default 4.
  public var folds: Int = 4
  /// Weeks H predicted after each origin. Default 8.
  public var horizon: Int = 8
  /// NUTS settings of every fit (fold and full); chain c of every fit uses stream c of
  /// `sampler.seed`. Defaults: 2 chains x (500 warm-up + 500 draws).
  public var sampler: SamplerSettings = .validationFit
  /// Threads for the chains of one fit.
  public var threads: Int = 1
  /// Fewest training weeks accepted for the first fold. Default 26.
  public var minimumTrainingWeeks: Int = 26

  public init() {}

  /// Origins t_1 < ... < t_K: fold i trains on weeks 1 ... t_i (1-based) and predicts
  /// t_i + 1 ... t_i + H, with t_K + H = T.
  public func origins(weeks: Int) -> [Int] {
    (1...max(folds, 1)).map { weeks - horizon * (folds - $0 + 1) }
  }

  public func validate(weeks: Int) throws(SimulationError) {
    guard folds >= 1, horizon >= 1 else {
      throw .invalidSettings("--folds and --horizon must be at least 1.")
    }
    let first = weeks - folds * horizon
    guard first >= minimumTrainingWeeks else {
      throw .invalidSettings(
        "\(folds) folds of \(horizon) weeks leave \(first) training weeks in the first fold "
          + "of \(weeks); at least \(minimumTrainingWeeks) are needed. Use fewer --folds or "
          + "a shorter --horizon.")
    }
    do {
      try sampler.validate()
    } catch {
      throw .invalidSettings(error.description)
    }
  }
}

/// Rolling-origin cross-validation of the joint model against naive baselines, with
/// residual checks and the stability of key quantities across folds.
///
/// ```swift
/// let result = try RollingOriginValidation.run(
///   dataset: data, configuration: priors, settings: ValidationSettings())
/// result.overall.model.crps        // vs result.overall.lastValue.crps
/// ```
///
/// No look-ahead: fold i builds `ModelInputs` with `fitWeeks = t_i`, so every scale,
/// centring constant, the median price and the floor come from weeks 1 ... t_i only (the
/// floor is detected on those weeks), and fits them. It then predicts weeks t_i + 1 ...
/// t_i + H with `ForwardModel` at each posterior draw: the adstock carries the training
/// weeks' spend forward, the observed social, owned and Google spend, price and promotions of
/// the test weeks enter as known inputs (Google spend is set before revenue is observed, so
/// it is known at prediction time; its own uncertainty is not propagated), and the predictive
/// draw is mu_y,t + sigma_y x t_nu, censored at the fold's floor like the data: the prediction
/// of a week is the predictive distribution of max(revenue, floor) (MODEL.md 9,
/// `FloorScoring`). The point forecast is the median of that censored predictive. Every
/// method is scored against the same observations, in which a week at or below the fold's
/// floor (`ModelInputs.censored`) is its floor value.
///
/// Random streams: chains as in `sample` with `settings.sampler.seed`; the predictive noise
/// of fold i uses `GSLRandom(runSeed: seed, stream: 500 + i)`.
public enum RollingOriginValidation {
  /// Runs the folds and the full fit.
  /// - Parameter progress: called with a short message before each fit.
  public static func run(
    dataset: WeeklyDataset, configuration: PriorsConfiguration, settings: ValidationSettings,
    progress: ((String) -> Void)? = nil
  ) throws -> ValidationResult {
    let weeks = dataset.weekCount
    try settings.validate(weeks: weeks)
    var folds: [ValidationFold] = []
    for (index, origin) in settings.origins(weeks: weeks).enumerated() {
      progress?("fold \(index + 1) of \(settings.folds): fitting weeks 1-\(origin)")
      let inputs = trainingInputs(dataset: dataset, settings: configuration.settings, weeks: origin)
      let observed = scoredObservations(revenue: dataset.outcome, inputs: inputs)
      let model = try JointModel(inputs: inputs, configuration: configuration)
      let posterior = try PosteriorSample.fit(
        model: model, settings: settings.sampler, threads: settings.threads)
      let testWeeks = Array(origin..<min(origin + settings.horizon, weeks))
      let floorFlags = inputs.censored
      let training = Array(observed.prefix(origin))
      folds.append(
        ValidationFold(
          index: index, origin: origin, testWeeks: testWeeks,
          model: predictive(
            posterior: posterior, weeks: testWeeks, observed: observed,
            random: GSLRandom(
              runSeed: settings.sampler.seed, stream: RandomStreams.rollingOriginFolds.stream(index)
            )),
          lastValue: NaiveBaselines.lastValue(
            training: training, testWeeks: testWeeks, observed: observed, isFloor: floorFlags),
          seasonalMean: NaiveBaselines.seasonalMean(
            training: training, isoWeeks: dataset.isoWeekOfYear, testWeeks: testWeeks,
            observed: observed, isFloor: floorFlags),
          summaries: KeyQuantity.summaries(posterior, effectSeed: settings.sampler.seed),
          divergences: posterior.divergences, minimumESS: posterior.minimumESS))
    }
    progress?("full fit: weeks 1-\(weeks)")
    let full = try JointModel(
      inputs: ModelInputs(dataset: dataset, settings: configuration.settings),
      configuration: configuration)
    let posterior = try PosteriorSample.fit(
      model: full, settings: settings.sampler, threads: settings.threads)
    return ValidationResult(
      settings: settings, dataSource: dataset.sourcePath, weeks: weeks, folds: folds,
      residuals: residualChecks(posterior),
      fullFit: KeyQuantity.summaries(posterior, effectSeed: settings.sampler.seed),
      fullDivergences: posterior.divergences,
      fullMinimumESS: posterior.minimumESS)
  }

  /// `ModelInputs` of the first `weeks` weeks for training: as `ModelInputs(dataset:...)`
  /// with `fitWeeks = weeks`, but with the floor detected on the training weeks only.
  public static func trainingInputs(
    dataset: WeeklyDataset, settings: ModelSettings, weeks: Int
  ) -> ModelInputs {
    let floor =
      settings.censorFloor ? OutcomeFloor.value(of: Array(dataset.outcome.prefix(weeks))) : nil
    var inputs = ModelInputs(
      revenue: dataset.outcome, floor: floor,
      mediator: ModelInputs.Channel(name: dataset.roles.mediator, values: dataset.mediator),
      social: zip(dataset.socialNames, dataset.social).map { .init(name: $0, values: $1) },
      owned: zip(dataset.ownedNames, dataset.owned).map { .init(name: $0, values: $1) },
      price: dataset.price, promotion: dataset.promotion, weekOfYear: dataset.isoWeekOfYear,
      controls: dataset.controls.map {
        (channel: ModelInputs.Channel(name: $0.name, values: $0.values), missing: $0.missing)
      },
      seasonalityOrder: settings.seasonalityOrder, fitWeeks: weeks,
      priceForm: settings.priceResponse, priceKnots: settings.priceKnots)
    inputs.transforms = settings.transforms
    return inputs
  }

  /// Log revenue (currency) as a fold scores it: log(revenue_t), and log(floor) in the weeks
  /// the fold's inputs censor (revenue at or below the floor detected on its training weeks).
  /// On training weeks this is log(revenue) itself, since the floor is their minimum.
  public static func scoredObservations(revenue: [Double], inputs: ModelInputs) -> [Double] {
    revenue.indices.map { week in
      if inputs.censored[week], let floor = inputs.floorValue { return log(floor) }
      return log(revenue[week])
    }
  }

  /// Posterior predictive forecasts of log revenue (currency) in `weeks`, one draw of
  /// noise per posterior draw and week, censored at the floor of `posterior`'s inputs when
  /// they have one; `observed` as `scoredObservations` gives it.
  public static func predictive(
    posterior: PosteriorSample, weeks: [Int], observed: [Double], random: GSLRandom
  ) -> [WeekForecast] {
    let model = posterior.model
    let inputs = model.inputs
    let forward = ForwardModel(model: model)
    let logScale = log(inputs.revenueScale)
    let logFloor = inputs.floorValue.map { log($0) }
    var ensembles = [[Double]](repeating: [], count: weeks.count)
    for draw in posterior.draws {
      let state = forward.state(parameters: draw)
      let mu = state.observedRevenuePredictor
      for (slot, week) in weeks.enumerated() {
        ensembles[slot].append(
          logScale + mu[week] + state.revenueSigma * random.studentT(nu: model.studentTDegrees))
      }
    }
    return weeks.enumerated().map { slot, week in
      let censored = FloorScoring.censored(ensembles[slot], atLogFloor: logFloor)
      return WeekForecast(
        week: week, observed: observed[week], isFloor: inputs.censored[week],
        point: Quantiles.median(censored), ensemble: censored)
    }
  }

  /// Residual checks of a full fit (see `ResidualChecks`).
  public static func residualChecks(_ posterior: PosteriorSample) -> ResidualChecks {
    let inputs = posterior.model.inputs
    let forward = ForwardModel(model: posterior.model)
    var meanMu = [Double](repeating: 0, count: inputs.weeks)
    for draw in posterior.draws {
      let mu = forward.state(parameters: draw).observedRevenuePredictor
      for t in meanMu.indices { meanMu[t] += mu[t] / Double(posterior.draws.count) }
    }
    let kept = (0..<inputs.fitWeeks).filter { !inputs.censored[$0] }
    return ResidualChecks(
      residuals: kept.map { inputs.logRevenue[$0] - meanMu[$0] },
      logPrice: inputs.logPrice.map { logPrice in kept.map { logPrice[$0] } },
      promotion: inputs.promotion.map { promotion in kept.map { promotion[$0] } })
  }
}

/// One fold: its origin, the forecasts of the model and of the baselines, and the posterior
/// summaries of the key quantities.
public struct ValidationFold: Sendable {
  /// 0-based fold index.
  public let index: Int
  /// t_i: training weeks are 0 ..< origin (1 ... t_i, 1-based).
  public let origin: Int
  public let testWeeks: [Int]
  public let model: [WeekForecast]
  public let lastValue: [WeekForecast]
  public let seasonalMean: [WeekForecast]
  public let summaries: [KeyQuantity]
  public let divergences: Int
  public let minimumESS: Double
}

/// A posterior summary: median and central 90% interval.
public struct KeyQuantity: Sendable, Equatable {
  /// The parameter's layout name, e.g. `beta_social.3`.
  public let name: String
  /// The name with its channel where it has one, e.g. `beta_social.3 (instagram_spend)`.
  public let label: String
  public let median: Double
  public let interval90: Interval

  /// The quantities whose stability across folds is reported: the price term's parameters
  /// (the elasticity, the choke ratio, or the spline's slopes), promotion
  /// lift (log scale), Google's coefficient, each social channel's direct coefficient, and
  /// each social channel's total, direct and indirect effect of switching it off (`te_zero`,
  /// `nde_zero`, `nie_zero`, currency).
  ///
  /// The effects are computed as `sample` computes them (`EffectCalculator`, 10 mediator
  /// paths per draw, random numbers of `EffectSettings.random(runSeed: seed, chain: 0)`) over
  /// all T weeks of the inputs: the same window for every fold, so the numbers compare; each
  /// fold's parameters still come from its training weeks only. An effect whose contrast
  /// leaves the observed support (a channel never off) is labelled with " *".
  public static func summaries(_ posterior: PosteriorSample, effectSeed: UInt64) -> [KeyQuantity] {
    let model = posterior.model
    let layout = model.layout
    let fixed =
      layout.priceParameters + [layout.promoLift].compactMap { $0 } + [layout.googleEffect]
    let labelled =
      fixed.map { (index: $0, label: layout.names[$0]) }
      + layout.social.map {
        (index: $0.revenueCoefficient, label: layout.names[$0.revenueCoefficient] + " (\($0.name))")
      }
    var quantities = labelled.map { entry in
      summary(
        name: layout.names[entry.index], label: entry.label, values: posterior.column(entry.index))
    }
    let socialCount = layout.socialChannels.count
    let table = ChainEffects.table(
      calculator: EffectCalculator(model: model), constrainedDraws: posterior.draws.flatMap { $0 },
      parameterCount: model.dimension, paths: EffectSettings().mediatorPaths,
      random: EffectSettings.random(runSeed: effectSeed, chain: 0))
    let width = EffectColumns.count(socialCount: socialCount, terms: layout.terms)
    for measure in [EffectColumns.Measure.te, .nde, .nie] {
      for channel in 0..<socialCount {
        let column = EffectColumns.index(measure, .zero, channel: channel, socialCount: socialCount)
        let name = EffectColumns.name(measure, .zero, channel: channel)
        let outside = EffectScenarios.leavesObservedSupport(
          .zero, observedSpend: model.inputs.socialSpendCurrency[channel])
        quantities.append(
          summary(
            name: name,
            label: name + " (\(layout.socialChannels[channel]))" + (outside ? " *" : ""),
            values: stride(from: column, to: table.count, by: width).map { table[$0] }))
      }
    }
    return quantities
  }

  static func summary(name: String, label: String, values: [Double]) -> KeyQuantity {
    let sorted = values.sorted()
    return KeyQuantity(
      name: name, label: label, median: Quantiles.quantile(sorted: sorted, 0.5),
      interval90: Quantiles.interval(sorted: sorted, level: 0.9))
  }
}
