import Foundation

/// The two phases of a chain.
public enum SamplingPhase: String, Equatable, Sendable {
  case warmup
  case sampling
}

/// A progress report from one chain, sent at most about every 1% of its iterations.
public struct ChainProgress: Equatable, Sendable {
  /// 0-based chain index.
  public var chain: Int
  public var phase: SamplingPhase
  /// Iterations completed in this phase, 1 ... `iterationsInPhase`.
  public var iteration: Int
  public var iterationsInPhase: Int
  /// Divergent transitions so far in this chain, warm-up and sampling together.
  public var divergences: Int
  /// The step size of the last transition.
  public var stepSize: Double

  public init(
    chain: Int, phase: SamplingPhase, iteration: Int, iterationsInPhase: Int,
    divergences: Int, stepSize: Double
  ) {
    self.chain = chain
    self.phase = phase
    self.iteration = iteration
    self.iterationsInPhase = iterationsInPhase
    self.divergences = divergences
    self.stepSize = stepSize
  }
}

/// A flag shared by all chains of a run and set once to stop them, e.g. from a SIGINT
/// handler; chains check it before every iteration and return what they have.
///
/// ```swift
/// let cancel = CancellationFlag()
/// signalSource.setEventHandler { cancel.cancel() }
/// let chains = try runChains(factory: model, settings: settings, cancel: cancel)
/// ```
public final class CancellationFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var cancelled = false

  public init() {}

  /// Asks every chain to stop after its current iteration. Idempotent.
  public func cancel() {
    lock.lock()
    cancelled = true
    lock.unlock()
  }

  public var isCancelled: Bool {
    lock.lock()
    defer { lock.unlock() }
    return cancelled
  }
}
