import Foundation

/// Runs independent jobs on a fixed number of threads and returns their results in job
/// order: the one parallel map of the library (chains, effects per chain, column summaries,
/// calibration and coverage simulations).
///
/// ```swift
/// let sums = ParallelWork.map(count: 4, threads: 2) { chain in work(chain) }
/// ```
///
/// Threads take the next unstarted job in index order and store its result in the job's own
/// slot (`ResultSlots`). A job must not depend on which thread runs it (each creates its own
/// generator from its index), so results are the same for any `threads`.
///
/// - Complexity: `min(max(threads, 1), count)` threads, each with a `workerStackBytes` stack.
public enum ParallelWork {
  /// Stack size of every worker thread in bytes: 8 MiB, the default main-thread stack on
  /// Linux (secondary threads get less by default).
  public static let workerStackBytes = 8 << 20

  public static func map<Result: Sendable>(
    count: Int, threads: Int, _ job: @escaping @Sendable (Int) -> Result
  ) -> [Result] {
    let queue = IndexQueue(count: count)
    let slots = ResultSlots<Result>(count: count)
    let finished = DispatchGroup()
    for _ in 0..<min(max(threads, 1), count) {
      finished.enter()
      let worker = Thread {
        while let index = queue.takeNext() { slots.set(index, job(index)) }
        finished.leave()
      }
      worker.stackSize = workerStackBytes
      worker.start()
    }
    finished.wait()
    return slots.values
  }

  /// The indices 0 ..< count, handed out once each in increasing order, guarded by a lock.
  private final class IndexQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int

    init(count: Int) { self.count = count }

    /// The lowest index nobody has taken, or nil when all have been taken.
    func takeNext() -> Int? {
      lock.lock()
      defer { lock.unlock() }
      guard next < count else { return nil }
      defer { next += 1 }
      return next
    }
  }
}
