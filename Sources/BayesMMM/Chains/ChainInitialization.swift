/// Finds a chain's initial point as Stan's `services::util::initialize`: each unconstrained
/// coordinate uniform on (-radius, radius), retried while the log density or any gradient
/// entry is not finite; or the user's point, taken as is.
enum ChainInitialization {
  /// Moves `kernel` to a usable initial point and returns it.
  ///
  /// - Parameters:
  ///   - supplied: a user-supplied point (length d), used without retries, or nil.
  ///   - radius: half-width of the uniform draws (>= 0); 0 tries the origin once.
  ///   - maxAttempts: random points to try (Stan: 100).
  static func initialize(
    kernel: NUTSKernel, supplied: [Double]?, radius: Double, maxAttempts: Int, chain: Int
  ) throws(SamplerError) -> [Double] {
    let d = kernel.dimension
    if let supplied {
      guard supplied.count == d else {
        throw .dimensionMismatch(what: "initial point", expected: d, actual: supplied.count)
      }
      guard kernel.setPosition(supplied) else { throw .initialPositionRejected(chain: chain) }
      return supplied
    }
    let attempts = radius == 0 ? 1 : maxAttempts
    var candidate = [Double](repeating: 0, count: d)
    for _ in 0..<attempts {
      if radius > 0 {
        for i in 0..<d { candidate[i] = kernel.random.uniform(-radius, radius) }
      }
      if kernel.setPosition(candidate) { return candidate }
    }
    throw .initializationFailed(chain: chain, attempts: attempts, radius: radius)
  }
}
