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
  /// Per chain: the constrained parameters (layout names), then the generated-quantity
  /// effects (`EffectColumns.names`); parameters only when the run was cancelled.
  public let table: DrawTable
  public let diagnostics: RunDiagnostics
  /// Wall time of sampling, in seconds (all chains, threads in parallel).
  public let wallTime: Double
  /// Wall time of the effect columns after sampling, in seconds.
  public let effectsWallTime: Double
  /// True when the run was interrupted; such a run is never written as complete.
  public var wasCancelled: Bool { chains.contains { $0.wasCancelled } }

  /// Total log density + gradient evaluations over all chains.
  public var gradientEvaluations: Int { chains.reduce(0) { $0 + $1.gradientEvaluations } }

  /// Samples `settings.chains` chains on `threads` threads with the run seed `settings.seed`,
  /// then computes the effects of every draw (chain c from the stream
  /// `EffectSettings.random(runSeed: settings.seed, chain: c)`, chains in parallel).
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
    try MemoryBudget.check(
      MemoryBudget.runBytes(
        chains: settings.chains, draws: settings.draws, dimension: model.dimension,
        effectColumns: effectNames.count, mediatorPaths: effectSettings.mediatorPaths,
        weeks: model.inputs.weeks, threads: threads),
      what: "\(settings.chains) chains x \(settings.draws) draws x "
        + "\(model.dimension + effectNames.count) columns, "
        + "\(effectSettings.mediatorPaths) mediator paths")
    let start = MonotonicClock.seconds()
    let chains = try runChains(
      factory: model, settings: settings, seed: settings.seed, threads: threads,
      progress: progress, cancel: cancel)
    let wallTime = MonotonicClock.seconds() - start
    let parameters = chains.map { constrainedDraws(of: $0, model: model) }
    let parameterTable = DrawTable(columns: model.layout.names, values: parameters)

    let effectsStart = MonotonicClock.seconds()
    var table = parameterTable
    if !chains.contains(where: { $0.wasCancelled }) {
      let effects = ChainEffects.tables(
        model: model, constrainedDraws: parameters, settings: effectSettings,
        runSeed: settings.seed, threads: threads, cancel: cancel)
      table = parameterTable.appendingColumns(effectNames, values: effects)
    }
    let effectsWallTime = MonotonicClock.seconds() - effectsStart
    return FitRun(
      prepared: prepared, settings: settings, effectSettings: effectSettings, chains: chains,
      table: table,
      diagnostics: RunDiagnostics(
        table: table, parameterCount: model.dimension, chains: chains,
        maxDepth: settings.maxDepth),
      wallTime: wallTime, effectsWallTime: effectsWallTime)
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
