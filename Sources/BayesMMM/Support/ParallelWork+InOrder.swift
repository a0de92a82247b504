import Foundation

extension ParallelWork {
  /// Runs `job` for every index 0 ..< count on `threads` worker threads, as `map` does, and
  /// hands each result to `consume` on the calling thread in index order, as soon as that
  /// result and all earlier ones are done: the caller writes file 1 while the workers still
  /// format files 2, 3, ...
  ///
  /// ```swift
  /// try ParallelWork.forEachInOrder(count: 4, threads: 2) { chain in format(chain) } consume: {
  ///   chain, bytes in try output.stage(name(chain), bytes)
  /// }
  /// ```
  ///
  /// A result is released once consumed, so at most the results not yet consumed are held.
  /// When `consume` throws, no further job starts; the call waits for the jobs under way to
  /// finish (no thread outlives it) and rethrows.
  ///
  /// - Complexity: `min(max(threads, 1), count)` worker threads besides the caller's.
  public static func forEachInOrder<Result: Sendable>(
    count: Int, threads: Int, _ job: @escaping @Sendable (Int) -> Result,
    consume: (Int, Result) throws -> Void
  ) rethrows {
    let queue = IndexQueue(count: count)
    let results = OrderedResults<Result>(count: count)
    let finished = DispatchGroup()
    for _ in 0..<min(max(threads, 1), count) {
      finished.enter()
      let worker = Thread {
        while !results.isStopped, let index = queue.takeNext() { results.set(index, job(index)) }
        finished.leave()
      }
      worker.stackSize = workerStackBytes
      worker.start()
    }
    defer { finished.wait() }
    do {
      for index in 0..<count { try consume(index, results.take(index)) }
    } catch {
      results.stop()
      throw error
    }
  }

  /// One slot per job, filled by the workers and emptied by the consumer, with a condition
  /// the consumer waits on.
  private final class OrderedResults<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [Value?]
    private var stopped = false

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
      condition.lock()
      slots[index] = value
      condition.broadcast()
      condition.unlock()
    }

    /// Waits for slot `index`, empties it and returns its value.
    func take(_ index: Int) -> Value {
      condition.lock()
      defer { condition.unlock() }
      while true {
        if let value = slots[index] {
          slots[index] = nil
          return value
        }
        condition.wait()
      }
    }

    /// True once the consumer has stopped: workers take no further job.
    var isStopped: Bool {
      condition.lock()
      defer { condition.unlock() }
      return stopped
    }

    func stop() {
      condition.lock()
      stopped = true
      condition.unlock()
    }
  }
}
