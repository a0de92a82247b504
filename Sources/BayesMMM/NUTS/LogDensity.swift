/// A differentiable log density on an unconstrained space R^d: what the sampler sees.
///
/// ```swift
/// let target = model.makeLogDensity()          // one per chain: owns its scratch
/// var gradient = [Double](repeating: 0, count: target.dimension)
/// let lp = position.withUnsafeBufferPointer { q in
///   gradient.withUnsafeMutableBufferPointer { g in target.logDensity(at: q, gradient: g) }
/// }
/// ```
///
/// Contract (after nuts-rs' `CpuLogpFunc`):
/// - `logDensity(at:gradient:)` writes d log p / d q into `gradient` (length `dimension`)
///   and returns log p(q) up to an additive constant;
/// - a non-finite return value (NaN or ±inf) marks a point outside the support or a
///   numerical failure: the sampler treats it as a divergence, never a crash, and the
///   gradient content is then unspecified;
/// - the call must not allocate: implementations keep their scratch buffers in the
///   instance, which is why every chain gets its own instance (instances are not
///   shared between threads).
public protocol LogDensity: AnyObject {
  /// Number of unconstrained coordinates d.
  var dimension: Int { get }

  /// log p(q) up to a constant; the gradient is written into `gradient`.
  func logDensity(
    at position: UnsafeBufferPointer<Double>,
    gradient: UnsafeMutableBufferPointer<Double>
  ) -> Double
}

/// Makes independent `LogDensity` instances, one per chain (each with its own scratch).
public protocol LogDensityFactory: Sendable {
  func makeLogDensity() -> any LogDensity
  /// The dimension of the densities it makes. The default makes one to ask it; a factory
  /// that knows it (`JointModel`) says so without building a density's buffers.
  var dimension: Int { get }
}

extension LogDensityFactory {
  public var dimension: Int { makeLogDensity().dimension }
}

/// A `LogDensityFactory` from a closure: handy for tests and simple targets.
public struct ClosureLogDensityFactory: LogDensityFactory {
  private let make: @Sendable () -> any LogDensity
  public init(_ make: @escaping @Sendable () -> any LogDensity) { self.make = make }
  public func makeLogDensity() -> any LogDensity { make() }
}
