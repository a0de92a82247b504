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
/// bit whatever the number of threads. Threads take the next unstarted chain in index order.
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
  let dimension = factory.makeLogDensity().dimension
  try MemoryBudget.check(
    MemoryBudget.chainBytes(chains: settings.chains, draws: settings.draws, dimension: dimension),
    what: "\(settings.chains) chains x \(settings.draws) draws x \(dimension) parameters")
  let chainCount = settings.chains
  let box = ChainResultBox(count: chainCount)
  let workerCount = min(threads, chainCount)
  let finished = DispatchGroup()
  for _ in 0..<workerCount {
    finished.enter()
    let worker = Thread {
      while let chain = box.takeNextChain() {
        let random = GSLRandom(runSeed: seed, stream: UInt64(chain))
        let outcome: Result<ChainResult, SamplerError>
        do throws(SamplerError) {
          let draw = onDraw.map { callback in
            { @Sendable (draw: Int, position: UnsafeBufferPointer<Double>) -> Void in
              callback(chain, draw, position)
            }
          }
          outcome = .success(
            try runChain(
              target: factory.makeLogDensity(), settings: settings, random: random, chain: chain,
              progress: progress, cancel: cancel, onDraw: draw))
        } catch {
          outcome = .failure(error)
        }
        box.store(outcome, chain: chain)
      }
      finished.leave()
    }
    worker.stackSize = 8 << 20
    worker.start()
  }
  finished.wait()
  return try box.results()
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

/// The work queue and result slots shared by the worker threads, guarded by one lock.
private final class ChainResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private var nextChain = 0
  private var outcomes: [Result<ChainResult, SamplerError>?]

  init(count: Int) { outcomes = Array(repeating: nil, count: count) }

  /// The next chain nobody has started, or nil when all have been taken.
  func takeNextChain() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard nextChain < outcomes.count else { return nil }
    defer { nextChain += 1 }
    return nextChain
  }

  func store(_ outcome: Result<ChainResult, SamplerError>, chain: Int) {
    lock.lock()
    outcomes[chain] = outcome
    lock.unlock()
  }

  /// All chains in order, or the first chain's error.
  func results() throws(SamplerError) -> [ChainResult] {
    lock.lock()
    defer { lock.unlock() }
    var results: [ChainResult] = []
    results.reserveCapacity(outcomes.count)
    for outcome in outcomes {
      switch outcome {
      case .success(let result): results.append(result)
      case .failure(let error): throw error
      case nil: throw .invalidSettings("A chain did not run.")
      }
    }
    return results
  }
}
