import Foundation

/// Runs independent per-chain jobs on a fixed number of threads and returns their results in
/// job order.
///
/// ```swift
/// let sums = ParallelWork.map(count: 4, threads: 2) { chain in work(chain) }
/// ```
///
/// Jobs are handed out in index order to whichever thread is free; a job must not depend on
/// which thread runs it (each creates its own generator from its index), so results are the
/// same for any `threads`.
public enum ParallelWork {
  public static func map<Result: Sendable>(
    count: Int, threads: Int, _ job: @escaping @Sendable (Int) -> Result
  ) -> [Result] {
    let box = ResultBox<Result>(count: count)
    let finished = DispatchGroup()
    for _ in 0..<min(max(threads, 1), count) {
      finished.enter()
      let worker = Thread {
        while let index = box.takeNext() { box.store(job(index), at: index) }
        finished.leave()
      }
      worker.stackSize = 8 << 20
      worker.start()
    }
    finished.wait()
    return box.results()
  }

  /// The job queue and result slots, guarded by one lock.
  private final class ResultBox<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [Result?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func takeNext() -> Int? {
      lock.lock()
      defer { lock.unlock() }
      guard next < slots.count else { return nil }
      defer { next += 1 }
      return next
    }

    func store(_ result: Result, at index: Int) {
      lock.lock()
      slots[index] = result
      lock.unlock()
    }

    func results() -> [Result] {
      lock.lock()
      defer { lock.unlock() }
      return slots.compactMap { $0 }
    }
  }
}
