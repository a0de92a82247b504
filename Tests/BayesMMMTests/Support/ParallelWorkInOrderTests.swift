import Foundation
import XCTest

@testable import BayesMMM

/// `ParallelWork.forEachInOrder` hands every result to the caller once, in index order,
/// whatever the number of threads, and stops starting jobs when the caller throws.
final class ParallelWorkInOrderTests: XCTestCase {
  private struct Stop: Error {}

  func testResultsArriveOnceEachInIndexOrderForAnyThreadCount() {
    for threads in [1, 2, 3, 8] {
      var seen: [(Int, Int)] = []
      ParallelWork.forEachInOrder(count: 25, threads: threads) { index in
        // Later jobs finish first at times, so the order comes from the consumer.
        if index % 3 == 0 { Thread.sleep(forTimeInterval: 0.002) }
        return index * index
      } consume: { index, square in
        seen.append((index, square))
      }
      XCTAssertEqual(seen.map(\.0), Array(0..<25), "\(threads) threads")
      XCTAssertEqual(seen.map(\.1), (0..<25).map { $0 * $0 }, "\(threads) threads")
    }
  }

  func testNoJobsAndNoConsumesWhenCountIsZero() {
    var consumed = 0
    ParallelWork.forEachInOrder(count: 0, threads: 2) {
      $0
    } consume: { _, _ in
      consumed += 1
    }
    XCTAssertEqual(consumed, 0)
  }

  func testAThrowingConsumerStopsLaterJobsAndTheErrorReachesTheCaller() {
    let started = ResultSlots<Bool>(count: 1_000)
    var consumed: [Int] = []
    XCTAssertThrowsError(
      try ParallelWork.forEachInOrder(count: 1_000, threads: 2) { index in
        started.set(index, true)
        Thread.sleep(forTimeInterval: 0.001)
        return index
      } consume: { index, _ in
        consumed.append(index)
        if index == 2 { throw Stop() }
      }
    ) { XCTAssertTrue($0 is Stop) }
    XCTAssertEqual(consumed, [0, 1, 2])
    XCTAssertLessThan(started.values.count, 1_000)
  }
}
