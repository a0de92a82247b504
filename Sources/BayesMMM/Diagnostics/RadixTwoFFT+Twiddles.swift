import Foundation

extension RadixTwoFFT {
  /// The twiddle factors exp(∓iπ·offset/span) of every stage of a length-`count` transform,
  /// computed once per length and direction and shared by every transform of that length.
  ///
  /// ```swift
  /// let twiddles = RadixTwoFFT.Twiddles.shared(count: 1024, inverse: false)
  /// twiddles.real[span - 1 + offset]      // cos(−π·offset/span)
  /// ```
  ///
  /// Each factor is `cos(angle)` and `sin(angle)` of the same `angle` expression the
  /// butterflies used to evaluate in place, so a transform with the table gives the same
  /// bits as one without. The diagnostics of a run take ~16 transforms of one length per
  /// effective sample size, four sizes per column; recomputing the n − 1 sines and cosines
  /// of each transform was most of their cost.
  ///
  /// Invariant: stage `span` (1, 2, 4, …, count/2) holds its `span` factors at indices
  /// `span - 1 ..< 2 * span - 1`, so both arrays hold `count - 1` values.
  ///
  /// - Complexity: O(n) sines and cosines per length and direction; lengths up to
  ///   `largestSharedCount` are kept for the life of the process (at most 2 MiB each).
  final class Twiddles: Sendable {
    let real: [Double]
    let imaginary: [Double]

    /// Lengths above this are computed for each call instead of kept.
    static let largestSharedCount = 1 << 16

    init(count: Int, inverse: Bool) {
      let sign = inverse ? 1.0 : -1.0
      var real: [Double] = []
      var imaginary: [Double] = []
      real.reserveCapacity(max(count - 1, 0))
      imaginary.reserveCapacity(max(count - 1, 0))
      var span = 1
      while span < count {
        let angleStep = sign * Double.pi / Double(span)
        for offset in 0..<span {
          let angle = angleStep * Double(offset)
          real.append(cos(angle))
          imaginary.append(sin(angle))
        }
        span *= 2
      }
      self.real = real
      self.imaginary = imaginary
    }

    /// The table for `count` and the direction, from the process-wide cache when `count` is
    /// at most `largestSharedCount`; safe to call from any thread.
    static func shared(count: Int, inverse: Bool) -> Twiddles {
      guard count <= largestSharedCount else { return Twiddles(count: count, inverse: inverse) }
      return cache.table(count: count, inverse: inverse)
    }

    private static let cache = Cache()

    /// The shared tables by length and direction, behind a lock.
    private final class Cache: @unchecked Sendable {
      private let lock = NSLock()
      private var tables: [Int: Twiddles] = [:]

      func table(count: Int, inverse: Bool) -> Twiddles {
        let key = inverse ? -count : count
        lock.lock()
        defer { lock.unlock() }
        if let table = tables[key] { return table }
        let table = Twiddles(count: count, inverse: inverse)
        tables[key] = table
        return table
      }
    }
  }
}
