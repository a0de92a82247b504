/// A finished NUTS run of the joint model: chains, constrained draws, their effects and
/// diagnostics.
///
/// ```swift
/// let run = try FitRun.sample(prepared: prepared, settings: settings, threads: 2)
/// run.diagnostics.verdict
/// run.table.column(named: "te_zero.1")     // chains x draws, currency
/// try RunFolder.write(run, to: "runs/default")
/// ```
public struct FitRun: Sendable {
  public let prepared: PreparedModel
  public let settings: SamplerSettings
  public let effectSettings: EffectSettings
  public let chains: [ChainResult]
  /// Per chain, the chain files' columns: the constrained parameters (layout names), then
  /// the generated-quantity effects (`EffectColumns.names`), then the pointwise log
  /// likelihood (`LogLikelihoodColumns.names`); parameters only when the run was cancelled.
  public let table: DrawTable
  public let diagnostics: RunDiagnostics
  /// Wall time of sampling, in seconds (all chains, threads in parallel).
  public let wallTime: Double
  /// Wall time of the effect columns after sampling, in seconds.
  public let effectsWallTime: Double
  /// Wall time of the log-likelihood columns after the effects, in seconds.
  public let logLikelihoodWallTime: Double
  /// True when the run was interrupted; such a run is never written as complete.
  public var wasCancelled: Bool { chains.contains { $0.wasCancelled } }

  /// Total log density + gradient evaluations over all chains.
  public var gradientEvaluations: Int { chains.reduce(0) { $0 + $1.gradientEvaluations } }

  /// Samples `settings.chains` chains on `threads` threads with the run seed `settings.seed`,
  /// then computes the effects of every draw (chain c from the stream
  /// `EffectSettings.random(runSeed: settings.seed, chain: c)`, chains in parallel) and each
  /// draw's log likelihood per week (`ChainLogLikelihood`, chains in parallel).
  /// - Throws: `SamplerError.insufficientMemory` before sampling when the run would not fit
  ///   in memory (`MemoryBudget.runBytes`), or the sampler's error.
  public static func sample(
    prepared: PreparedModel, settings: SamplerSettings,
    effects effectSettings: EffectSettings = EffectSettings(), threads: Int,
    progress: (@Sendable (ChainProgress) -> Void)? = nil, cancel: CancellationFlag? = nil
  ) throws -> FitRun {
    let model = prepared.model
    let effectNames = EffectColumns.names(
      socialCount: model.inputs.socialNames.count, terms: model.layout.terms)
    let logLikelihoodNames = LogLikelihoodColumns.names(weeks: model.inputs.fitWeeks)
    try MemoryBudget.check(
      MemoryBudget.runBytes(
        chains: settings.chains, draws: settings.draws, dimension: model.dimension,
        generatedColumns: effectNames.count + logLikelihoodNames.count,
        mediatorPaths: effectSettings.mediatorPaths, weeks: model.inputs.weeks,
        threads: threads),
      what: "\(settings.chains) chains x \(settings.draws) draws x "
        + "\(model.dimension + effectNames.count + logLikelihoodNames.count) columns, "
        + "\(effectSettings.mediatorPaths) mediator paths")
    let start = MonotonicClock.seconds()
    let chains = try runChains(
      factory: model, settings: settings, seed: settings.seed, threads: threads,
      progress: progress, cancel: cancel)
    let wallTime = MonotonicClock.seconds() - start
    let parameters = chains.map { constrainedDraws(of: $0, model: model) }
    let parameterTable = DrawTable(columns: model.layout.names, values: parameters)

    let isComplete = !chains.contains(where: { $0.wasCancelled })
    let effectsStart = MonotonicClock.seconds()
    var quantities = parameterTable
    if isComplete {
      let effects = ChainEffects.tables(
        model: model, constrainedDraws: parameters, settings: effectSettings,
        runSeed: settings.seed, threads: threads, cancel: cancel)
      quantities = parameterTable.appendingColumns(effectNames, values: effects)
    }
    let effectsWallTime = MonotonicClock.seconds() - effectsStart
    let logLikelihoodStart = MonotonicClock.seconds()
    var table = quantities
    if isComplete {
      let logLikelihood = ChainLogLikelihood.tables(
        model: model, constrainedDraws: parameters, threads: threads, cancel: cancel)
      table = quantities.appendingColumns(logLikelihoodNames, values: logLikelihood)
    }
    let logLikelihoodWallTime = MonotonicClock.seconds() - logLikelihoodStart
    // The diagnostics judge the posterior quantities; the log-likelihood columns are the
    // input of `loo`, whose own diagnostic is the Pareto k.
    return FitRun(
      prepared: prepared, settings: settings, effectSettings: effectSettings, chains: chains,
      table: table,
      diagnostics: RunDiagnostics(
        table: quantities, parameterCount: model.dimension, chains: chains,
        maxDepth: settings.maxDepth, threads: threads),
      wallTime: wallTime, effectsWallTime: effectsWallTime,
      logLikelihoodWallTime: logLikelihoodWallTime)
  }

  /// A chain's kept draws mapped to constrained values: `drawCount x d`, row-major.
  static func constrainedDraws(of chain: ChainResult, model: JointModel) -> [Double] {
    var values: [Double] = []
    values.reserveCapacity(chain.drawCount * model.dimension)
    for draw in 0..<chain.drawCount {
      for (prior, u) in zip(model.priors, chain.position(ofDraw: draw)) {
        values.append(prior.support.constrain(u))
      }
    }
    return values
  }
}
