import Foundation

/// Stan's initial step-size heuristic (`base_hmc::init_stepsize`): starting from ε, keep
/// doubling (or halving) ε until the energy change of one leapfrog step from the current
/// position with a fresh momentum crosses log 0.8, i.e. until a single step would be
/// accepted with probability about 0.8.
///
/// ```swift
/// let epsilon = try StepSizeHeuristic.search(from: 1) { eps in
///   kernel.energyDropOfOneStep(stepSize: eps)
/// }
/// ```
///
/// The direction is fixed by the first probe: up if H0 - H > log 0.8, else down. The search
/// then stops at the first probe on the other side. Each probe draws a new momentum.
/// Failure modes are errors, not crashes: ε > 1e7 (the density looks improper) or ε
/// underflowing to 0 (no finite step is acceptable, e.g. a discontinuous density).
/// A starting ε that is 0, NaN or > 1e7 is returned unchanged, as Stan does.
enum StepSizeHeuristic {
  enum Failure: Error, Equatable {
    case stepSizeTooLarge
    case stepSizeVanished
  }

  static let logAcceptanceThreshold = log(0.8)

  /// - Parameter energyDrop: H0 - H after one step of the given size (NaN treated as -inf).
  static func search(
    from initial: Double, energyDrop: (Double) -> Double
  ) throws(Failure) -> Double {
    var stepSize = initial
    if stepSize == 0 || stepSize > 1e7 || stepSize.isNaN { return stepSize }
    let threshold = logAcceptanceThreshold
    let goesUp = sanitized(energyDrop(stepSize)) > threshold
    while true {
      let drop = sanitized(energyDrop(stepSize))
      if goesUp ? !(drop > threshold) : !(drop < threshold) { break }
      stepSize = goesUp ? 2 * stepSize : 0.5 * stepSize
      if stepSize > 1e7 { throw .stepSizeTooLarge }
      if stepSize == 0 { throw .stepSizeVanished }
    }
    return stepSize
  }

  private static func sanitized(_ drop: Double) -> Double { drop.isNaN ? -.infinity : drop }
}
