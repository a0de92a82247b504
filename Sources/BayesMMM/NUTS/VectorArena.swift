/// One contiguous block of `Double`s from which a chain carves all the vectors its
/// trajectory builder needs, so that the hot path (leapfrog + tree building) never allocates.
///
/// ```swift
/// let arena = VectorArena(capacity: 3 * d)
/// let rho = arena.vector(d)     // zero-filled, valid while `arena` is alive
/// ```
///
/// Invariant: every pointer handed out stays valid exactly as long as the arena object; the
/// owner (a `NUTSWorkspace`) keeps the arena alive for as long as it uses the pointers.
///
/// - Complexity: one allocation at construction; `vector(_:)` is O(1) bookkeeping.
final class VectorArena {
  private let storage: UnsafeMutablePointer<Double>
  /// Total number of `Double`s in the block.
  let capacity: Int
  private var used = 0

  init(capacity: Int) {
    self.capacity = max(capacity, 1)
    storage = UnsafeMutablePointer<Double>.allocate(capacity: self.capacity)
    storage.initialize(repeating: 0, count: self.capacity)
  }

  deinit { storage.deallocate() }

  /// The next `count` zero-filled `Double`s of the block.
  func vector(_ count: Int) -> UnsafeMutablePointer<Double> {
    precondition(used + count <= capacity, "VectorArena exhausted: layout miscounted")
    defer { used += count }
    return storage + used
  }
}

/// Small dense-vector kernels on raw buffers of length `count`; none allocates.
enum VectorMath {
  /// Σ_i a_i b_i.
  @inline(__always)
  static func dot(
    _ a: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Double>, count: Int
  ) -> Double {
    var sum = 0.0
    for i in 0..<count { sum += a[i] * b[i] }
    return sum
  }

  /// target ← source.
  @inline(__always)
  static func copy(
    _ source: UnsafeMutablePointer<Double>, into target: UnsafeMutablePointer<Double>, count: Int
  ) {
    target.update(from: source, count: count)
  }

  /// target ← 0.
  @inline(__always)
  static func zero(_ target: UnsafeMutablePointer<Double>, count: Int) {
    target.update(repeating: 0, count: count)
  }

  /// target ← target + addend.
  @inline(__always)
  static func add(
    _ addend: UnsafeMutablePointer<Double>, into target: UnsafeMutablePointer<Double>, count: Int
  ) {
    for i in 0..<count { target[i] += addend[i] }
  }

  /// target ← a + b.
  @inline(__always)
  static func sum(
    _ a: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Double>,
    into target: UnsafeMutablePointer<Double>, count: Int
  ) {
    for i in 0..<count { target[i] = a[i] + b[i] }
  }
}
