import Foundation

/// Runs `settings.chains` chains on `threads` OS threads and returns them in chain order.
///
/// ```swift
/// let chains = try runChains(factory: model, settings: settings, seed: 42, threads: 2,
///                            progress: { report in print(report) }, cancel: flag)
/// ```
///
/// Chain c draws from `GSLRandom(runSeed: seed, stream: c)` and evaluates its own
/// `LogDensity` from `factory`, so every chain — and the whole result — is identical bit for
/// bit whatever the number of threads. Threads (`ParallelWork.map`) take the next unstarted
/// chain in index order.
///
/// - Parameters:
///   - progress: called from the worker threads (concurrently): must be thread-safe.
///   - onDraw: called from the worker threads with (chain, draw index, position).
/// - Throws: `SamplerError.insufficientMemory` before any chain starts when the kept draws
///   would not fit in memory (`MemoryBudget`); else the error of the lowest-indexed failed
///   chain, after every chain has finished.
public func runChains(
  factory: any LogDensityFactory,
  settings: SamplerSettings,
  seed: UInt64,
  threads: Int,
  progress: (@Sendable (ChainProgress) -> Void)? = nil,
  cancel: CancellationFlag? = nil,
  onDraw: (
    @Sendable (_ chain: Int, _ draw: Int, _ position: UnsafeBufferPointer<Double>) -> Void
  )? = nil
) throws(SamplerError) -> [ChainResult] {
  try settings.validate()
  guard threads >= 1 else { throw .invalidSettings("The number of threads must be at least 1.") }
  let dimension = factory.dimension
  try MemoryBudget.check(
    MemoryBudget.chainBytes(chains: settings.chains, draws: settings.draws, dimension: dimension),
    what: "\(settings.chains) chains x \(settings.draws) draws x \(dimension) parameters")
  let outcomes = ParallelWork.map(count: settings.chains, threads: threads) {
    chain -> Result<ChainResult, SamplerError> in
    let random = GSLRandom(runSeed: seed, stream: RandomStreams.chains.stream(chain))
    let draw = onDraw.map { callback in
      { @Sendable (draw: Int, position: UnsafeBufferPointer<Double>) -> Void in
        callback(chain, draw, position)
      }
    }
    do throws(SamplerError) {
      return .success(
        try runChain(
          target: factory.makeLogDensity(), settings: settings, random: random, chain: chain,
          progress: progress, cancel: cancel, onDraw: draw))
    } catch {
      return .failure(error)
    }
  }
  return try outcomes.map { outcome throws(SamplerError) in try outcome.get() }
}

/// `runChains` with the seed and thread count taken from `settings`.
public func runChains(
  factory: any LogDensityFactory,
  settings: SamplerSettings,
  progress: (@Sendable (ChainProgress) -> Void)? = nil,
  cancel: CancellationFlag? = nil
) throws(SamplerError) -> [ChainResult] {
  try runChains(
    factory: factory, settings: settings, seed: settings.seed, threads: settings.effectiveThreads,
    progress: progress, cancel: cancel)
}
