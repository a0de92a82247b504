/// Which `MediaTransform` each media channel uses: one for every channel, with
/// per-channel exceptions (the priors file's `model.adstock` and a channel entry's
/// `adstock`).
public struct ChannelTransforms: Sendable, Equatable {
  /// The transform of a channel without an exception.
  public var standard: MediaTransform
  /// Column name -> transform.
  public var exceptions: [String: MediaTransform]

  public init(standard: MediaTransform = .geometric, exceptions: [String: MediaTransform] = [:]) {
    self.standard = standard
    self.exceptions = exceptions
  }

  /// Geometric adstock and Hill for every channel (the default model).
  public static let geometric = ChannelTransforms()

  /// The transform of the channel `name`.
  public func transform(for name: String) -> MediaTransform { exceptions[name] ?? standard }

  /// True when some channel among `names` uses delayed adstock.
  public func anyDelayed(among names: [String]) -> Bool {
    names.contains { transform(for: $0).adstock == .delayed }
  }
}
