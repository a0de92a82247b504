/// A finished NUTS run of the joint model: chains, constrained draws and diagnostics.
///
/// ```swift
/// let run = try FitRun.sample(prepared: prepared, settings: settings, threads: 2)
/// run.diagnostics.verdict
/// try RunFolder.write(run, to: "runs/default", ...)
/// ```
public struct FitRun: Sendable {
  public let prepared: PreparedModel
  public let settings: SamplerSettings
  public let chains: [ChainResult]
  /// Constrained parameters (by layout name), per chain.
  public let table: DrawTable
  public let diagnostics: RunDiagnostics
  /// Wall time of sampling, in seconds (all chains, threads in parallel).
  public let wallTime: Double
  /// True when the run was interrupted; such a run is never written as complete.
  public var wasCancelled: Bool { chains.contains { $0.wasCancelled } }

  /// Total log density + gradient evaluations over all chains.
  public var gradientEvaluations: Int { chains.reduce(0) { $0 + $1.gradientEvaluations } }

  /// Samples `settings.chains` chains on `threads` threads with the run seed `settings.seed`.
  public static func sample(
    prepared: PreparedModel, settings: SamplerSettings, threads: Int,
    progress: (@Sendable (ChainProgress) -> Void)? = nil, cancel: CancellationFlag? = nil
  ) throws -> FitRun {
    let start = MonotonicClock.seconds()
    let chains = try runChains(
      factory: prepared.model, settings: settings, seed: settings.seed, threads: threads,
      progress: progress, cancel: cancel)
    let wallTime = MonotonicClock.seconds() - start
    let model = prepared.model
    let table = DrawTable(
      columns: model.layout.names,
      values: chains.map { chain in
        var values: [Double] = []
        values.reserveCapacity(chain.drawCount * model.dimension)
        for draw in 0..<chain.drawCount {
          for (prior, u) in zip(model.priors, chain.position(ofDraw: draw)) {
            values.append(prior.support.constrain(u))
          }
        }
        return values
      })
    return FitRun(
      prepared: prepared, settings: settings, chains: chains, table: table,
      diagnostics: RunDiagnostics(
        table: table, parameterCount: model.dimension, chains: chains,
        maxDepth: settings.maxDepth),
      wallTime: wallTime)
  }
}
