/// Why a budget allocation cannot be set up; descriptions name the option value at fault.
public enum AllocationError: Error, Equatable, CustomStringConvertible {
  /// `--objective` is neither `mean` nor `cvar:ALPHA` with 0 < ALPHA <= 1.
  case badObjective(String)
  /// A `--bounds` value is not `CH=LO:HI` with 0 <= LO <= HI.
  case badBounds(String, reason: String)
  /// A `--bounds` value names a channel the model does not have.
  case unknownChannel(String, channels: [String])
  /// The budget is outside what the bounds allow.
  case infeasibleBudget(Double, range: ClosedRange<Double>)

  public var description: String {
    switch self {
    case .badObjective(let text):
      return "--objective '\(text)' must be 'mean' or 'cvar:ALPHA' with 0 < ALPHA <= 1."
    case .badBounds(let text, let reason):
      return "--bounds '\(text)' \(reason); write CH=LO:HI with 0 <= LO <= HI (factors of the "
        + "observed spend)."
    case .unknownChannel(let text, let channels):
      return "--bounds '\(text)' names no social channel of the run; the channels are "
        + channels.joined(separator: ", ") + "."
    case .infeasibleBudget(let budget, let range):
      return "--budget \(NumberText.plain(budget)) cannot be spent within the bounds: they "
        + "allow \(NumberText.grouped(range.lowerBound, decimals: 2)) to "
        + "\(NumberText.grouped(range.upperBound, decimals: 2)) of social spend."
    }
  }
}

/// A channel's bounds on its scale factor, as `--bounds CH=LO:HI` gives them.
public struct ScaleBounds: Sendable, Equatable {
  public let channel: String
  public let lower: Double
  public let upper: Double

  /// The default bounds of every channel: half to twice the observed spend.
  public static let defaultRange: ClosedRange<Double> = 0.5...2

  /// Parses `CH=LO:HI` (0 <= LO <= HI, finite); errors name the text.
  public init(parsing text: String) throws {
    guard let equals = text.lastIndex(of: "=") else {
      throw AllocationError.badBounds(text, reason: "has no '='")
    }
    let channel = String(text[..<equals])
    let range = text[text.index(after: equals)...].split(
      separator: ":", omittingEmptySubsequences: false)
    guard !channel.isEmpty else {
      throw AllocationError.badBounds(text, reason: "names no channel")
    }
    guard range.count == 2, let lower = Double(range[0]), let upper = Double(range[1]),
      lower.isFinite, upper.isFinite
    else {
      throw AllocationError.badBounds(text, reason: "does not give two numbers LO:HI")
    }
    guard lower >= 0, upper >= 0 else {
      throw AllocationError.badBounds(text, reason: "has a negative factor")
    }
    guard lower <= upper else {
      throw AllocationError.badBounds(text, reason: "has LO > HI")
    }
    self.channel = channel
    self.lower = lower
    self.upper = upper
  }
}
