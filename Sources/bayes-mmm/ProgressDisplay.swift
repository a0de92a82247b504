import BayesMMM
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Shows sampling progress on stderr: one status line, redrawn in place, with every chain's
/// phase, iteration, divergences so far and step size.
///
/// Live only when stderr is a terminal and `--quiet` is off; otherwise silent (the command
/// prints its final line itself). Called concurrently from the chain threads.
final class ProgressDisplay: @unchecked Sendable {
  private let lock = NSLock()
  private var states: [ChainProgress?]
  private let live: Bool
  private var lastDraw = 0.0

  init(chains: Int, quiet: Bool) {
    states = Array(repeating: nil, count: chains)
    live = !quiet && isatty(STDERR_FILENO) == 1
  }

  func update(_ progress: ChainProgress) {
    guard live else { return }
    lock.lock()
    defer { lock.unlock() }
    states[progress.chain] = progress
    let now = MonotonicClock.seconds()
    guard now - lastDraw > 0.1 else { return }
    lastDraw = now
    let parts = states.enumerated().map { index, state -> String in
      guard let state else { return "chain \(index + 1): starting" }
      let phase = state.phase == .warmup ? "warm-up" : "sampling"
      return "chain \(index + 1): \(phase) \(state.iteration)/\(state.iterationsInPhase)"
        + " div \(state.divergences) eps \(String(format: "%.3g", state.stepSize))"
    }
    FileHandle.standardError.write(Data(("\r\u{1B}[K" + parts.joined(separator: " | ")).utf8))
  }

  /// Clears the status line.
  func finish() {
    guard live else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
