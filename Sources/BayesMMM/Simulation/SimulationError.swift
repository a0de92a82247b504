/// Why a simulation or a validation run could not be carried out; each description says
/// what to change.
public enum SimulationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A truth file that cannot be read or does not match the model's parameters.
  case truthFile(file: String, key: String, message: String)
  /// The simulated data cannot be fitted (e.g. Google never on): another seed or truth.
  case degenerateData(String)
  /// Settings that cannot work (too few weeks for the folds, ...).
  case invalidSettings(String)

  public var description: String {
    switch self {
    case .truthFile(let file, let key, let message):
      return key.isEmpty ? "\(file): \(message)" : "\(file): key \"\(key)\": \(message)"
    case .degenerateData(let message): return message
    case .invalidSettings(let message): return message
    }
  }
}
