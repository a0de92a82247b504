import Foundation

/// `body(0) ..< body(count - 1)` on `threads` OS threads, results in index order.
///
/// Each index runs exactly once, on whichever worker takes it next; as long as `body(i)`
/// depends only on `i` (its own random streams seeded from `i`), the result does not depend
/// on the number of threads. Used to run independent fits (simulations, datasets) side by
/// side with one chain each.
///
/// - Complexity: `count` calls of `body`, at most `threads` at a time.
func parallelMap<Element: Sendable>(
  count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> Element
) -> [Element] {
  guard count > 0 else { return [] }
  let box = ParallelMapBox<Element>(count: count)
  let finished = DispatchGroup()
  for _ in 0..<max(1, min(threads, count)) {
    finished.enter()
    let worker = Thread {
      while let index = box.takeNext() { box.store(body(index), at: index) }
      finished.leave()
    }
    worker.stackSize = 8 << 20
    worker.start()
  }
  finished.wait()
  return box.results()
}

/// The work queue and result slots of `parallelMap`, guarded by one lock.
private final class ParallelMapBox<Element: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var next = 0
  private var slots: [Element?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func takeNext() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < slots.count else { return nil }
    defer { next += 1 }
    return next
  }

  func store(_ element: Element, at index: Int) {
    lock.lock()
    slots[index] = element
    lock.unlock()
  }

  func results() -> [Element] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}
