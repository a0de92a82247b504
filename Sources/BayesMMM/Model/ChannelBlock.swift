/// One media channel's entries in the parameter layout: its transform's parameters and
/// its coefficient in each equation it enters.
///
/// A social channel enters all three equations (on/off, amount, revenue), the mediator and
/// the owned channels the revenue equation only. Every index is into the flat parameter
/// vector (`ParameterLayout.names`).
public struct ChannelBlock: Sendable, Equatable {
  public let kind: ChannelKind
  /// The data column, e.g. `tiktok_spend`.
  public let name: String
  /// Position among the channels of its kind, 0-based (names use `position + 1`).
  public let position: Int
  public let transform: MediaTransform
  /// Indices of the transform's parameters, in `transform.parameters` order.
  public let transformParameters: [Int]
  /// beta of the channel's signal in the revenue equation.
  public let revenueCoefficient: Int
  /// The social channel's coefficients in the on/off and amount equations; nil otherwise.
  public let onOffCoefficient: Int?
  public let amountCoefficient: Int?

  /// The index of one transform parameter, nil when the transform has no such parameter.
  public func index(of parameter: MediaTransform.Parameter) -> Int? {
    transform.parameters.firstIndex(of: parameter).map { transformParameters[$0] }
  }

  /// The transform at constrained parameter values `x` (layout order).
  public func preparedTransform(_ x: [Double]) -> MediaTransform.Prepared {
    transform.prepared(transformParameters.map { x[$0] })
  }
}
