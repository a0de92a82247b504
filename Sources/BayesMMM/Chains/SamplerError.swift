/// Why a chain could not run. Divergences are not errors: they are reported in the draws'
/// statistics.
public enum SamplerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A setting is out of range; the message says which and what to do.
  case invalidSettings(String)
  /// A supplied vector (initial point or inverse metric) has the wrong length.
  case dimensionMismatch(what: String, expected: Int, actual: Int)
  /// No random initial point in (-radius, radius)^d had a finite log density and gradient.
  case initializationFailed(chain: Int, attempts: Int, radius: Double)
  /// The user-supplied initial point has a non-finite log density or gradient.
  case initialPositionRejected(chain: Int)
  /// The step-size search grew ε past 1e7: the density is probably improper.
  case stepSizeTooLarge(chain: Int)
  /// The step-size search shrank ε to 0: no finite step is acceptable.
  case stepSizeVanished(chain: Int)
  /// The run would need more memory than the machine has (`MemoryBudget`), in bytes.
  /// `advice` says which settings to lower.
  case insufficientMemory(needed: Double, available: Double, what: String, advice: String)

  public var description: String {
    switch self {
    case .invalidSettings(let message):
      return message
    case .dimensionMismatch(let what, let expected, let actual):
      return "The \(what) has \(actual) values but the model has \(expected) unconstrained "
        + "parameters."
    case .initializationFailed(let chain, let attempts, let radius):
      return "Chain \(chain + 1): no initial point in (-\(radius), \(radius)) had a finite log "
        + "density and gradient after \(attempts) attempts. Try a smaller initial radius or "
        + "check the model and data."
    case .initialPositionRejected(let chain):
      return "Chain \(chain + 1): the supplied initial point has a non-finite log density or "
        + "gradient. Supply a point inside the support."
    case .stepSizeTooLarge(let chain):
      return "Chain \(chain + 1): the step size grew beyond 1e7 during its search; the "
        + "posterior is probably improper. Check the priors."
    case .stepSizeVanished(let chain):
      return "Chain \(chain + 1): no acceptably small step size could be found; the log "
        + "density may be discontinuous or non-finite around the initial point."
    case .insufficientMemory(let needed, let available, let what, let advice):
      return "This run needs about \(MemoryBudget.text(bytes: needed)) of memory (\(what)), "
        + "more than the \(MemoryBudget.text(bytes: MemoryBudget.usableFraction * available)) "
        + "it may use of this machine's \(MemoryBudget.text(bytes: available)). \(advice)"
    }
  }
}
